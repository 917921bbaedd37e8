# weakref.finalize: calling, detach, peek, alive, atexit flag, reprs, at exit
import atexit
import sys
import weakref


class Res:
    def __init__(self, name):
        self.name = name


def clean(*args, **kw):
    print("clean", args, kw)
    return len(args)


def no_addr(f, obj=None):
    text = repr(f).replace(hex(id(f)), "F")
    if obj is not None:
        text = text.replace(hex(id(obj)), "O")
    return text


r = Res("one")
f = weakref.finalize(r, clean, 1, 2, key="v")
print(no_addr(f, r), f.alive, f.atexit)
obj, func, args, kw = f.peek()
print(obj is r, func is clean, args, kw)
del obj
print("call:", f(), "again:", f(), f.alive, f.peek(), f.detach(), no_addr(f))
del r
print("nothing more on death")

r = Res("two")
f = weakref.finalize(r, clean, "two")
del r
print("died:", f.alive)

r = Res("three")
f = weakref.finalize(r, clean)
det = f.detach()
print(det[0] is r, det[1] is clean, det[2:], f.alive, f(), f.detach())
del det, r
print("detached: nothing")

# finalize does not keep obj alive, and func's references do not matter
r = Res("four")
f = weakref.finalize(r, lambda: print("lambda finalizer"))
print(sys.getrefcount(r))
del r

# atexit flag on a dead finalizer
print(f.atexit, f.alive)
f.atexit = True
print(f.atexit)

# several finalizers on one object, newest first; a failing finalizer
def failing():
    raise ValueError("finalizer failed")
sys.unraisablehook = lambda u: print("unraisable:", u.exc_type.__name__, u.exc_value)
r = Res("multi")
for i in range(3):
    weakref.finalize(r, print, "finalizer", i)
weakref.finalize(r, failing)
del r

# finalizer registry
print(len(weakref.finalize._registry) >= 0, weakref.finalize._shutdown)
try:
    weakref.finalize(1, print)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.finalize(Res("x"))
except TypeError as e:
    print("TypeError:", e)

sys.excepthook = lambda t, v, tb: print("excepthook:", t.__name__, v, tb is not None)

# at exit: remaining finalizers with atexit set run newest first, interleaved
# with atexit callbacks by registration order
atexit.register(print, "atexit callback registered before the finalizers")
keep = [Res(i) for i in range(4)]
fs = [weakref.finalize(k, print, "exit finalizer", i) for i, k in enumerate(keep)]
fs[1].atexit = False
atexit.register(print, "atexit callback registered last")
def make_more():
    print("finalizer creating another one")
    weakref.finalize(keep[0], print, "created during exit")
weakref.finalize(keep[0], make_more)
weakref.finalize(keep[1], failing)
print("end of module", fs[0].alive, fs[1].atexit)
