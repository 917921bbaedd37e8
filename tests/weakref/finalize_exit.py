# weakref.finalize at interpreter exit: newest first, gc disabled while they
# run, nothing runs once shutdown has started; atexit callbacks interleave
# by registration order
import atexit
import gc
import weakref


class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)


def report(name):
    print("finalizer", name, "gc enabled:", gc.isenabled())


atexit.register(lambda: print("atexit: registered first, runs last; gc enabled:", gc.isenabled()))
a = Res("a")
b = Res("b")
c = Res("c")
weakref.finalize(a, report, "a")
weakref.finalize(b, report, "b")
fc = weakref.finalize(c, report, "c (atexit=False: must not run)")
fc.atexit = False
atexit.register(lambda: print("atexit: registered after the first finalizer"))
d = Res("d")
weakref.finalize(d, report, "d")
print("registry size:", len(weakref.finalize._registry))
print("end of module")
