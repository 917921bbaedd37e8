# the cycle collector: self-cycles and two-node cycles of lists and dicts
import gc
gc.collect()            # start from a clean state

a = []
a.append(a)
del a
print("self-referencing list:", gc.collect())

x, y = [], []
x.append(y)
y.append(x)
del x, y
print("two lists referencing each other:", gc.collect())

d = {}
d["self"] = d
del d
print("self-referencing dict:", gc.collect())

l = []
t = (l,)
l.append(t)
del l, t
print("list <-> tuple cycle:", gc.collect())

ring = [[] for _ in range(5)]
for i in range(5):
    ring[i].append(ring[(i + 1) % 5])
del ring
print("ring of five lists (holder freed by refcount):", gc.collect())

print("nothing left:", gc.collect())

# an object reachable from a cycle but not part of it is freed with it
class Tracked:
    def __del__(self):
        print("Tracked freed")
c = []
c.append(c)
c.append(Tracked())
del c
print("before collect")
n = gc.collect()
print("after collect")

# cycles are not freed by reference counting alone
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("finalizer", self.name)
gc.disable()
p = Node("p")
q = Node("q")
p.other = q
q.other = p
del p, q
print("cycle unreachable, collector disabled: no finalizer yet")
gc.enable()
gc.collect()
print("after collect, gc.garbage:", gc.garbage)
print(gc.isenabled())
