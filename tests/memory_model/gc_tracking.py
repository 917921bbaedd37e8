# gc.is_tracked, thresholds and referents
import gc

class Plain:
    pass
class Slotted:
    __slots__ = ("a",)

def show(label, obj):
    print(label, gc.is_tracked(obj))

show("int", 12345)
show("float", 1.5)
show("str", "text")
show("bytes", b"b")
show("None", None)
show("empty list", [])
show("list of ints", [1, 2])
show("empty dict", {})
show("dict with atomic values", {"a": 1, "b": "x"})
show("dict with a list value", {"a": []})
show("dict with a tuple value", {"a": (1, 2)})
show("set", {1, 2})
show("frozenset", frozenset([1]))
show("instance", Plain())
show("slotted instance", Slotted())
show("class", Plain)
show("function", show)
show("lambda", lambda: 0)
show("module-level tuple of constants", (1, 2, 3))
t = tuple([1, 2, 3])
show("runtime tuple of ints", t)
gc.collect()
show("same tuple after a collection", t)
t2 = tuple([[], 1])
gc.collect()
show("tuple holding a list after a collection", t2)
d = {}
show("dict before adding container", d)
d["k"] = [1]
show("dict after adding container", d)
print("threshold", gc.get_threshold())
old = gc.get_threshold()
gc.set_threshold(100, 5, 5)
print("new threshold", gc.get_threshold())
gc.set_threshold(*old)
print("restored", gc.get_threshold())
lst = [1, "a", None]
print("referents of a list:", gc.get_referents(lst))
print("referents of a dict:", gc.get_referents({"k": "v"}))
print("referents of a tuple:", gc.get_referents((1, 2)))
print("referents of int:", gc.get_referents(5))
inner = []
outer = [inner]
print("outer refers to inner:", any(r is outer for r in gc.get_referrers(inner)))
print("isenabled:", gc.isenabled())
gc.disable()
print("after disable:", gc.isenabled())
gc.enable()
print("after enable:", gc.isenabled())
print("is_finalized:", gc.is_finalized(Plain()))
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
print("collect generation 0 returns int:", type(gc.collect(0)).__name__)
print(type(gc.get_stats()).__name__, len(gc.get_stats()), sorted(gc.get_stats()[0]))
