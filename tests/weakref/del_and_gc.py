# ordering of __del__ and weakref callbacks; weakrefs in cyclic garbage
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Obj({self.name})"


class WithDel(Obj):
    def __del__(self):
        print("__del__", self.name, "weakref alive:", wr() is self if wr is not None else None)


# refcount death: __del__ first (weakrefs still alive), then the callbacks
wr = None
o = WithDel("refcount")
wr = weakref.ref(o, lambda r: print("callback; referent:", r()))
del o
print("--")

# cyclic garbage: weakref callbacks run before __del__ (referent already cleared)
gc.collect()
gc.disable()
wr = None
a = WithDel("cycle-a")
b = Obj("cycle-b")
a.other, b.other = b, a
wr = weakref.ref(a, lambda r: print("callback for a; referent:", r()))
wrb = weakref.ref(b, lambda r: print("callback for b; referent:", r()))
del a, b
print("collected:", gc.collect() >= 2)
print("after collect:", wr(), wrb())
print("--")

# a weakref that is itself part of the garbage: its callback never runs
class Holder:
    pass
h = Holder()
h.self_ref = h
h.wr = weakref.ref(h, lambda r: print("never: weakref was garbage too"))
outside = weakref.ref(h, lambda r: print("outside weakref callback runs"))
del h
gc.collect()
print("--")

# callback that is garbage with the referent (both in the cycle)
class Node:
    pass
n = Node()
n.cycle = n
n.cb = lambda r: print("callback stored on the garbage object")
keep = weakref.ref(n, n.cb)
del n
gc.collect()
print("--")

# without a callback: just cleared
n = Node()
n.cycle = n
plain = weakref.ref(n)
prox = weakref.proxy(n)
del n
print("before collect alive:", plain() is not None)
gc.collect()
print("after collect:", plain())
try:
    prox.cycle
except ReferenceError as e:
    print("ReferenceError:", e)
print("--")

# WeakValueDictionary entries vanish when their cyclic values are collected
wvd = weakref.WeakValueDictionary()
for i in range(3):
    x = Node()
    x.me = x
    wvd[i] = x
del x
print("before:", len(wvd))
gc.collect()
print("after:", len(wvd))

# weakref to a resurrecting object in a cycle
class Phoenix:
    saved = []
    def __del__(self):
        print("Phoenix.__del__ resurrects")
        Phoenix.saved.append(self)
p = Phoenix()
p.me = p
pw = weakref.ref(p, lambda r: print("Phoenix weakref callback; referent:", r()))
del p
gc.collect()
print("resurrected object is alive, weakref is dead:", len(Phoenix.saved), pw())
Phoenix.saved.clear()
gc.enable()
print("done")
