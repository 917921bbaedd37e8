# order in which __del__ runs when containers and namespaces are torn down
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

print("-- list freed (elements released from the end)")
l = [D("l0"), D("l1"), D("l2")]
del l
print("-- tuple freed")
t = (D("t0"), D("t1"), D("t2"))
del t
print("-- dict freed (insertion order)")
d = {"a": D("d-a"), "b": D("d-b"), "c": D("d-c")}
del d
print("-- dict cleared")
d = {"a": D("c-a"), "b": D("c-b")}
d.clear()
print("-- set of one")
s = {D("s0")}
del s
print("-- instance attributes (attribute order)")
class Holder:
    pass
h = Holder()
h.first = D("attr-first")
h.second = D("attr-second")
h.third = D("attr-third")
del h
print("-- nested: outer object, then its contents")
class Outer(D):
    def __init__(self, name, inner):
        super().__init__(name)
        self.inner = inner
o = Outer("outer", D("inner"))
del o
print("-- chain of objects")
head = D("n0")
node = head
for i in range(1, 4):
    node.next = D(f"n{i}")
    node = node.next
del node
del head
print("-- function locals (released in order of local slots)")
def f():
    a = D("local-a")
    b = D("local-b")
    c = D("local-c")
f()
print("-- list slice deleted")
l = [D("x0"), D("x1"), D("x2"), D("x3")]
del l[1:3]
print("-- list item replaced")
l[0] = D("x0-new")
print("-- list sorted in place keeps objects")
l.sort(key=lambda o: o.name)
print([o.name for o in l])
del l
print("-- multiple assignment targets")
a = b = D("shared")
del a
print("still referenced by b")
b = 1
print("-- end of module: remaining globals")
g1 = D("global-1")
g2 = D("global-2")
