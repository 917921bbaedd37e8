# weakref callbacks: when they run, in which order, what they see
import sys
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Obj({self.name})"


# newest first, every ref already dead when the first callback runs
o = Obj("a")
refs = []
for i in range(4):
    refs.append(weakref.ref(o, lambda wr, i=i: print("callback", i, "sees", [x() for x in refs])))
basic = weakref.ref(o)
del o
print("--")

# the callback receives the weak reference object itself
o = Obj("b")
def cb(wr):
    print("got the ref:", wr is rb, "referent:", wr())
rb = weakref.ref(o, cb)
del o

# a callback is not called if the weakref died first
o = Obj("c")
r = weakref.ref(o, lambda wr: print("never printed"))
del r
del o
print("no callback for a dead weakref")

# the same callback registered on several objects
def shared(wr):
    print("shared callback; dead:", wr() is None)
objs = [Obj(i) for i in range(3)]
rs = [weakref.ref(x, shared) for x in objs]
del objs
print("--")

# an exception in a callback is unraisable; others still run;
# a pending exception is preserved
def bad(wr):
    raise RuntimeError("bad callback")
sys.unraisablehook = lambda u: print("unraisable:", u.exc_type.__name__, u.exc_value,
                                     "object is bad:", u.object is bad)
o = Obj("d")
r1 = weakref.ref(o, lambda wr: print("first registered"))
r2 = weakref.ref(o, bad)
r3 = weakref.ref(o, lambda wr: print("last registered"))
del o
try:
    o = Obj("e")
    r4 = weakref.ref(o, lambda wr: print("callback during exception handling"))
    try:
        raise KeyError("pending")
    finally:
        del o
except KeyError as e:
    print("KeyError survived:", e)

# a callback may create new weak references and objects
holder = []
def creator(wr):
    n = Obj("new")
    holder.append((n, weakref.ref(n, lambda w: print("inner callback"))))
    print("creator ran")
o = Obj("f")
rc = weakref.ref(o, creator)
del o
holder.clear()
print("--")

# callback killing another weakref of the same object
o = Obj("g")
def killer(wr):
    global rk2
    print("killer ran")
    rk2 = None
rk2 = weakref.ref(o, lambda wr: print("rk2 callback"))
rk1 = weakref.ref(o, killer)
del o
print("--")

# callbacks and containers dying: list of instances
items = [Obj(i) for i in range(3)]
wrs = [weakref.ref(x, lambda w, i=i: print("item", i, "gone")) for i, x in enumerate(items)]
del items
print("--")

# a callback that resurrects nothing: referent already gone
o = Obj("h")
def peek(wr):
    print("peek:", wr(), weakref.getweakrefcount(wr) if False else "")
rp = weakref.ref(o, peek)
del o
print("done")
