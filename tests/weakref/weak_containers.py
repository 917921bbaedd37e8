# WeakValueDictionary, WeakKeyDictionary and WeakSet empty themselves
import weakref


class Item:
    def __init__(self, key):
        self.key = key
    def __repr__(self):
        return f"Item({self.key})"


def addr_free(text, obj):
    return text.replace(hex(id(obj)), "ADDR")


print("== WeakValueDictionary")
wvd = weakref.WeakValueDictionary()
print(addr_free(repr(wvd), wvd), len(wvd), list(wvd))
items = {k: Item(k) for k in "abcde"}
for k, v in items.items():
    wvd[k] = v
print(len(wvd), sorted(wvd), sorted(wvd.keys()), sorted(wvd.values(), key=repr))
print(wvd["a"], wvd.get("b"), wvd.get("zz", "default"), "c" in wvd, "zz" in wvd, [] in wvd if False else "")
refs = wvd.valuerefs()
print(len(refs), all(type(r).__name__ == "KeyedRef" for r in refs), sorted(r.key for r in refs))
print(sorted(r.key for r in wvd.itervaluerefs()))
del items["a"]
print("after del a:", len(wvd), "a" in wvd, wvd.get("a"), sorted(wvd))
try:
    wvd["a"]
except KeyError as e:
    print("KeyError:", e)
print("pop:", wvd.pop("b"), wvd.pop("b", "missing"), len(wvd))
try:
    wvd.pop("b")
except KeyError as e:
    print("KeyError:", e)
k, v = wvd.popitem()
print("popitem gives a live pair:", v is items[k])
x = Item("x")
print("setdefault:", wvd.setdefault("x", x), wvd.setdefault("x", Item("other")))
del x
print("setdefault on dead entry:", wvd.setdefault("x", items["e"]), len(wvd))
wvd.update({"u1": items["c"]}, u2=items["d"])
wvd.update([("u3", items["e"])])
print(sorted(wvd))
del wvd["u3"]
copy = wvd.copy()
print(type(copy).__name__, sorted(copy) == sorted(wvd), copy is not wvd)
items.clear()
print("all values gone:", len(wvd), list(wvd.items()), len(copy))
wvd2 = weakref.WeakValueDictionary({1: Item(1)}, two=Item(2))
print("temporaries already gone:", len(wvd2))

# iteration guard: values dying during iteration are removed afterwards
keep = [Item(i) for i in range(6)]
wvd = weakref.WeakValueDictionary((i, it) for i, it in enumerate(keep))
it = iter(wvd.items())
first = next(it)
keep[3] = keep[4] = None
print("during iteration:", len(wvd.data), len(wvd._pending_removals))
rest = list(it)
print("iteration skipped dead:", first[0], [k for k, v in rest], len(wvd._pending_removals))
print("after:", len(wvd), sorted(wvd))
del first, rest
it = iter(wvd)
next(it)
keep.clear()
print("pending while iterating:", len(wvd._pending_removals))
del it
print("committed:", len(wvd), len(wvd._pending_removals))
wvd["k"] = Item("k")  # dies immediately
print(len(wvd), wvd.get("k"))
try:
    wvd["n"] = 5
except TypeError as e:
    print("TypeError:", e)

print("== WeakKeyDictionary")
wkd = weakref.WeakKeyDictionary()
print(addr_free(repr(wkd), wkd))
keys = [Item(i) for i in range(5)]
for i, k in enumerate(keys):
    wkd[k] = i * 10
print(len(wkd), wkd[keys[1]], keys[2] in wkd, Item(9) in wkd, 5 in wkd, wkd.get(keys[3]), wkd.get(Item(8), "no"))
print(sorted(wkd.values()), sorted(k.key for k in wkd.keys()), sorted((k.key, v) for k, v in wkd.items()))
print(len(wkd.keyrefs()), all(isinstance(r, weakref.ref) for r in wkd.keyrefs()))
del keys[0]
print("after del:", len(wkd), sorted(wkd.values()))
print("pop:", wkd.pop(keys[0]), wkd.pop(Item(7), "dflt"), len(wkd))
del wkd[keys[1]]
print(len(wkd), wkd.setdefault(keys[1], "sd"), wkd.setdefault(keys[1], "other"), len(wkd))
k2, v2 = wkd.popitem()
print("popitem:", k2 in keys, len(wkd))
wkd.update({keys[0]: "upd"})
wkd.update([(keys[2], "seq")])
print(sorted(map(str, wkd.values())))
cp = wkd.copy()
print(type(cp).__name__, len(cp))
try:
    wkd[1] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    wkd[Item("missing")]
except KeyError as e:
    print("KeyError:", type(e.args[0]).__name__)
# key dying during iteration
it = iter(wkd.items())
next(it)
keys.clear()
k2 = None
print("len with pending:", len(wkd), len(wkd._pending_removals) > 0)
del it
print("emptied:", len(wkd), list(wkd.keys()), len(cp))

print("== WeakSet")
ws = weakref.WeakSet()
members = [Item(i) for i in range(4)]
ws.update(members)
ws.add(members[0])
print(len(ws), members[1] in ws, Item(1) in ws, 3 in ws, sorted(i.key for i in ws))
print(repr(weakref.WeakSet()), type(ws.data).__name__)
del members[1]
print("after del:", len(ws), sorted(i.key for i in ws))
ws.discard(members[0])
ws.discard(Item(99))
ws.remove(members[1])
try:
    ws.remove(Item(100))
except KeyError as e:
    print("KeyError raised for missing item")
print(len(ws), ws.pop() is members[2], len(ws))
try:
    weakref.WeakSet().pop()
except KeyError as e:
    print("KeyError:", e)
a = [Item("a%d" % i) for i in range(3)]
s1 = weakref.WeakSet(a[:2])
s2 = weakref.WeakSet(a[1:])
print(sorted(i.key for i in s1 | s2), sorted(i.key for i in s1 & s2), sorted(i.key for i in s1 - s2),
      sorted(i.key for i in s1 ^ s2))
print(s1 <= weakref.WeakSet(a), s1 < weakref.WeakSet(a), s1 == weakref.WeakSet(a[:2]), s1 == set(a[:2]),
      s1.isdisjoint(s2), s1.issuperset(a[:1]))
s3 = s1.copy()
s3 |= s2
s3 -= [a[0]]
print(sorted(i.key for i in s3), type(s3).__name__)
try:
    ws.add(1)
except TypeError as e:
    print("TypeError:", e)
it = iter(s3)
next(it)
a.clear()
print("len with pending:", len(s3))
del it
print("emptied:", len(s3), len(s1), len(s2), list(s1))
try:
    hash(weakref.WeakSet())
except TypeError as e:
    print("TypeError:", e)
print(weakref.WeakSet[int], weakref.WeakValueDictionary[str, int], weakref.WeakKeyDictionary[int, str])
