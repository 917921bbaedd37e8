# gc.collect() returns the number of unreachable objects it found
# (collected + uncollectable).  Automatic collection is off so that only
# the explicit collections run.
import gc
gc.disable()
gc.collect()

def report(label, n):
    print(f"{label}: {n}")

class Node:
    pass

a = Node()
a.me = a
del a
report("instance pointing to itself", gc.collect())

a, b = Node(), Node()
a.other, b.other = b, a
del a, b
report("two instances", gc.collect())

ring = [Node() for _ in range(10)]
for i, n in enumerate(ring):
    n.next = ring[(i + 1) % 10]
del ring, n
report("ring of ten instances", gc.collect())

l = []
l.append(l)
del l
report("list containing itself", gc.collect())

d = {}
d["d"] = d
del d
report("dict containing itself", gc.collect())

l = []
t = (l, 1, "x")
l.append(t)
del l, t
report("list <-> tuple", gc.collect())

s = Node()
s.items = [s, {"k": s}, (s,)]
del s
report("instance with list, dict and tuple", gc.collect())

# an object only reachable from garbage is garbage too
a = Node()
a.me = a
a.payload = [[1], [2], [3]]
del a
report("cycle carrying a payload", gc.collect())

def f():
    pass
f.me = f
del f
report("function attribute pointing to the function", gc.collect())

def outer():
    def inner():
        return inner
    return inner
inner = outer()
del inner
report("recursive closure", gc.collect())

class Local:
    pass
del Local
report("a class", gc.collect())

class WithSlots:
    __slots__ = ("a", "b")
w = WithSlots()
w.a = w
w.b = [w]
del w
report("__slots__ instance", gc.collect())

def fail():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return e
e = fail()
e.keep = e
del e
report("exception with its traceback", gc.collect())

# reachable objects are never collected
keep = Node()
keep.me = keep
report("reachable cycle", gc.collect())
print("still alive:", keep.me is keep)
keep.me = None
del keep
report("nothing left", gc.collect())

# younger generations only
a = Node()
a.me = a
del a
report("generation 0", gc.collect(0))
a = Node()
a.me = a
del a
report("generation 1", gc.collect(1))
report("generation 2", gc.collect(generation=2))
gc.enable()
