# Which objects the collector tracks, and when tuples and dicts stop being
# tracked (CPython 3.12's rules).
import gc
gc.disable()
gc.collect()

def tracked(label, obj):
    print(f"{label}: {gc.is_tracked(obj)}")

print("-- atoms are never tracked")
for label, obj in [("int", 10**20), ("float", 2.5), ("complex", 1j), ("str", "text" * 3),
                   ("bytes", b"xyz"), ("None", None), ("bool", True), ("range", range(5)),
                   ("slice of ints", slice(1, 2)), ("object()", object())]:
    tracked(label, obj)

print("-- containers")
tracked("empty list", [])
tracked("bytearray", bytearray(b"ab"))
tracked("set", {1, 2})
tracked("frozenset", frozenset({1}))
tracked("empty tuple", ())
tracked("function", tracked)
tracked("class", int)
class C:
    pass
tracked("user class", C)
tracked("instance", C())
tracked("bound method", C().__init__)
tracked("builtin function", len)
tracked("module", gc)
tracked("iterator over a list", iter([1]))
tracked("generator", (x for x in []))
def make_cell():
    v = []
    return (lambda: v).__closure__[0]
tracked("cell", make_cell())
tracked("closure tuple", (lambda: make_cell).__closure__)

print("-- tuples: tracked when made, untracked by a collection if all items are atoms")
t1 = tuple([1, 2, "three"])
t2 = tuple([1, []])
t3 = tuple([tuple([1, 2])])
tracked("t1 new", t1)
tracked("t2 new", t2)
tracked("t3 new", t3)
gc.collect(0)
tracked("t1 after gen-0 collection", t1)
tracked("t2 after gen-0 collection", t2)
tracked("t3 after gen-0 collection", t3)
gc.collect()
tracked("t3 after another collection", t3)
tracked("tuple constant", (1, 2))

print("-- dicts: untracked until a container is stored, untracked again only by full collections")
d = {}
tracked("empty dict", d)
d["a"] = 1
d[2] = "b"
tracked("atoms only", d)
d["l"] = []
tracked("after storing a list", d)
del d["l"]
tracked("after deleting it", d)
gc.collect(0)
tracked("after a gen-0 collection", d)
gc.collect(1)
tracked("after a gen-1 collection", d)
gc.collect(2)
tracked("after a full collection", d)
d[(1, 2)] = 1
tracked("tuple key of atoms", d)
d2 = {"x": (1, 2)}
tracked("literal with a tuple value", d2)
d3 = dict(a=[1])
tracked("dict(a=[1])", d3)
d4 = {1: 2}
d4.update({3: [4]})
tracked("update with a list value", d4)
d5 = dict.fromkeys([1, 2])
tracked("fromkeys", d5)
d6 = {i: i for i in range(3)}
tracked("comprehension of ints", d6)
d7 = {i: [i] for i in range(3)}
tracked("comprehension of lists", d7)
print("copy keeps the state:", gc.is_tracked(d7.copy()), gc.is_tracked(d6.copy()))

print("-- instances' attributes")
o = C()
o.x = 1
tracked("instance with an int attribute", o)
gc.enable()
