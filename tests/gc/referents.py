# gc.get_referents() lists what tp_traverse visits, in its order;
# gc.get_referrers() finds the tracked containers that refer to an object.
import gc
gc.disable()

def names(objs):
    out = []
    for o in objs:
        if isinstance(o, (int, str, float)) or o is None:
            out.append(repr(o))
        elif isinstance(o, type):
            out.append("class " + o.__name__)
        else:
            out.append(type(o).__name__)
    return out

def show(label, *objs):
    print(f"{label}: {names(gc.get_referents(*objs))}")

show("list", [1, "two", 3.0, None])
show("tuple", (1, "two", [3]))
show("dict with str keys", {"a": 1, "b": [2]})
show("dict with other keys", {1: "a", (2,): "b"})
show("set", {1})
show("several objects", [1], (2,), {"k": 3})
show("atoms", 1, "s", None)
class Plain:
    pass
p = Plain()
p.x = [1]
p.y = "why"
show("instance", p)
show("instance with no attributes", Plain())
class Slotted:
    __slots__ = ("a", "b")
s = Slotted()
s.a = 1
s.b = [2]
show("__slots__ instance", s)
def f(a, b=[1], *, c=(2,)):
    return a
show("function", f)
def outer():
    v = [1]
    def inner():
        return v
    return inner
show("closure", outer())
show("cell", outer().__closure__[0])
show("bound method", p.__init__)
show("classmethod", classmethod(f))
show("property", property(f, None, None, "doc"))
show("list iterator", iter([1, 2]))
show("enumerate", enumerate([1]))
show("zip", zip([1], "a"))
show("map", map(f, [1]))
show("filter", filter(None, [1]))
show("dict view", {1: 2}.items())
show("slice", slice(1, [2], "3"))
def gen():
    x = [1]
    yield x
g = gen()
next(g)
show("suspended generator", g)
try:
    1 / 0
except ZeroDivisionError as e:
    show("exception", e)

print("-- get_referrers")
target = ["target"]
holder_list = [target]
holder_dict = {"t": target}
holder_tuple = (target,)
obj = Plain()
obj.t = target
found = gc.get_referrers(target)
print(len(found) >= 4)
print("list:", any(r is holder_list for r in found))
print("dict:", any(r is holder_dict for r in found))
print("tuple:", any(r is holder_tuple for r in found))
print("instance:", any(r is obj for r in found))
print("module namespace:", any(r is globals() for r in found))
print("several at once:", len(gc.get_referrers(holder_list, holder_tuple)) >= 1)
print("nothing refers to a fresh object:", gc.get_referrers(object()))
gc.enable()
