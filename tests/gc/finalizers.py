# PEP 442: objects with __del__ in reference cycles are finalized once and
# collected; resurrected objects survive uncounted; weakref callbacks of
# the garbage run before any __del__.
import gc
import weakref
gc.disable()
gc.collect()

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name, "finalized flag:", gc.is_finalized(self))

print("two-node cycle with finalizers")
a, b = Noisy("a"), Noisy("b")
a.peer, b.peer = b, a
print("  is_finalized before:", gc.is_finalized(a))
del a, b
print("  collected:", gc.collect())
print("  garbage:", gc.garbage)

print("finalizer sees its peers intact")
class Peer:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name, "peer is", self.peer.name)
x, y = Peer("x"), Peer("y")
x.peer, y.peer = y, x
del x, y
gc.collect()

print("resurrection")
saved = []
class Phoenix:
    count = 0
    def __del__(self):
        Phoenix.count += 1
        print("  Phoenix.__del__ call", Phoenix.count)
        saved.append(self)
p = Phoenix()
p.me = p
del p
print("  collected:", gc.collect())
print("  saved:", len(saved), "finalized:", gc.is_finalized(saved[0]))
print("  collecting again:", gc.collect())
saved.clear()
print("  after dropping it:", gc.collect(), "(no second __del__)")

print("resurrecting one object of a cycle keeps the whole cycle")
class Half:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
        if self.name == "h1":
            saved.append(self)
h1, h2 = Half("h1"), Half("h2")
h1.peer, h2.peer = h2, h1
del h1, h2
print("  collected:", gc.collect())
print("  h2 reachable through h1:", saved[0].peer.name)
saved.clear()
print("  later:", gc.collect())

print("weakref callbacks run before __del__")
class W:
    def __del__(self):
        print("  W.__del__, weakref dead:", ref() is None)
def callback(r):
    print("  callback, referent gone:", r() is None)
w = W()
w.me = w
ref = weakref.ref(w, callback)
del w
print("  collected:", gc.collect())
print("  ref():", ref())

print("a weakref that is garbage itself never calls back")
class Holder:
    pass
h = Holder()
h.me = h
h.ref = weakref.ref(h, lambda r: print("  never printed"))
del h
print("  collected:", gc.collect())

print("finalizer of an object hanging off a cycle")
c = []
c.append(c)
c.append(Noisy("hanger"))
del c
print("  collected:", gc.collect())

print("generators in cycles are closed")
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("  generator finally block")
g = gen()
next(g)
holder = [g]
holder.append(holder)
del g, holder
print("  collected:", gc.collect())
gc.enable()
