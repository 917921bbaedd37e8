# weakref.ref: liveness, callbacks, counts, errors
import weakref
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Obj({self.name})"

o = Obj("a")
r = weakref.ref(o)
print(r() is o, r(), weakref.getweakrefcount(o), type(r).__name__)
r2 = weakref.ref(o)
print("same ref object reused without callback:", r2 is r)
del o
print("after del:", r(), r2())

def cb(ref):
    print("callback called; referent gone:", ref() is None, "same ref:", ref is rc)
o = Obj("b")
rc = weakref.ref(o, cb)
print("ref with callback is new:", rc is not weakref.ref(o))
del o
print("after callback")

# callback order: most recently created first
o = Obj("c")
refs = [weakref.ref(o, lambda r, i=i: print("callback", i)) for i in range(3)]
del o
print("all callbacks ran")

# counts and lists
o = Obj("d")
a1 = weakref.ref(o)
a2 = weakref.ref(o, lambda r: None)
print(weakref.getweakrefcount(o), len(weakref.getweakrefs(o)), weakref.getweakrefcount(5))

# equality and hashing follow the referent while alive
p = Obj("e")
q = Obj("e2")
rp, rq = weakref.ref(p), weakref.ref(q)
print(rp == weakref.ref(p), rp == rq, rp != rq)
print(hash(rp) == hash(p))
del p
print("dead refs compare by identity:", rp == rp, rp == rq)
check(lambda: hash(weakref.ref(Obj("tmp"))))

# objects that can't be weakly referenced
for val in [1, "s", (1,), [1], {}, None, 1.5, b"x"]:
    check(lambda: weakref.ref(val))

# functions, classes, sets, methods can
def fn(): pass
print(weakref.ref(fn)() is fn, weakref.ref(Obj)() is Obj, weakref.ref(frozenset())() is not None or True)
check(lambda: weakref.ref())
check(lambda: weakref.ref(o, 1, 2))

# the callback can't resurrect; exceptions in callbacks are reported but ignored
def bad_cb(ref):
    raise ValueError("callback failure")
import sys
sys.unraisablehook = lambda u: print("unraisable:", u.exc_type.__name__, u.exc_value)
z = Obj("z")
zr = weakref.ref(z, bad_cb)
del z
print("continuing after failing callback")
