# weakref.finalize
import weakref

class Resource:
    def __init__(self, name):
        self.name = name

def cleanup(name, *extra, **kw):
    print("cleanup", name, extra, kw)
    return "cleanup-result"

r = Resource("r1")
f = weakref.finalize(r, cleanup, "r1", 1, 2, flag=True)
print("alive:", f.alive, "peek:", f.peek()[2:] if f.peek() else None)
del r
print("after del, alive:", f.alive, "calling again:", f())

r = Resource("r2")
f2 = weakref.finalize(r, cleanup, "r2")
print("explicit call returns:", f2())
print("alive after call:", f2.alive, "second call:", f2())
del r
print("nothing printed on del, already finalized")

r = Resource("r3")
f3 = weakref.finalize(r, cleanup, "r3")
det = f3.detach()
print("detached:", det[1].__name__, det[2], f3.alive, f3.detach())
del r
print("detached finalizer did not run")

# several finalizers on one object run in reverse order of registration
r = Resource("multi")
for i in range(3):
    weakref.finalize(r, print, "finalizer", i)
del r
print("-- atexit behaviour")
keep = Resource("kept-until-exit")
fe = weakref.finalize(keep, print, "finalizer at interpreter exit")
print("atexit flag:", fe.atexit)
quiet = Resource("quiet")
fq = weakref.finalize(quiet, print, "should not print at exit")
fq.atexit = False
print("end of module")
