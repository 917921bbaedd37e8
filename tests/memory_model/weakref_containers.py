# WeakValueDictionary, WeakKeyDictionary, WeakSet, proxies
import weakref

class Item:
    def __init__(self, key):
        self.key = key
    def __repr__(self):
        return f"Item({self.key})"

cache = weakref.WeakValueDictionary()
a, b, c = Item("a"), Item("b"), Item("c")
cache["a"] = a
cache["b"] = b
cache["c"] = c
print(len(cache), sorted(cache.keys()), cache["a"], "b" in cache)
del b
print(len(cache), sorted(cache.keys()), "b" in cache, cache.get("b", "gone"))
a = None
print(len(cache), sorted(cache))
del c
print(len(cache), list(cache.items()))
try:
    cache["a"]
except KeyError as e:
    print("KeyError:", e)

meta = weakref.WeakKeyDictionary()
k1, k2 = Item(1), Item(2)
meta[k1] = "one"
meta[k2] = "two"
print(len(meta), meta[k1], k2 in meta)
del k1
print(len(meta), [v for v in meta.values()])
try:
    meta[5] = "x"
except TypeError as e:
    print("TypeError:", e)

ws = weakref.WeakSet()
x, y = Item("x"), Item("y")
ws.add(x); ws.add(y); ws.add(x)
print(len(ws), x in ws, sorted(i.key for i in ws))
del x
print(len(ws), sorted(i.key for i in ws))
ws.discard(y)
print(len(ws))

# proxies
obj = Item("proxied")
p = weakref.proxy(obj)
print(p.key, type(p).__name__, repr(p.key))
p.key = "changed"
print(obj.key)
del obj
try:
    p.key
except ReferenceError as e:
    print("ReferenceError:", e)

def make_callable():
    return lambda: "called through proxy"
f = make_callable()
pf = weakref.proxy(f)
print(pf(), type(pf).__name__)
