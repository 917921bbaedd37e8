# At exit CPython runs a full collection (with gc.callbacks) before the
# modules are torn down, so finalizers of garbage cycles still see a
# working interpreter.
import gc

class Resource:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("finalizing", self.name, "- gc module still usable:", gc.isenabled())

r = Resource("cycle")
r.me = r
del r

def callback(phase, info):
    print("callback", phase, "generation", info["generation"])
gc.callbacks.append(callback)
print("end of script")
