# destruction.py -- deterministic destruction: __del__ runs at the last decref.
class Resource:
    def __init__(self, name):
        self.name = name
        print("open ", name)

    def __del__(self):
        print("close", self.name)

r = Resource("first")
r2 = r
print("del r  (one reference left)")
del r
print("del r2 (last reference)")
del r2
print("rebinding a name:")
x = Resource("second")
x = Resource("third")
print("end of script")
