# __missing__, dict subclass behaviour, key hashing rules, dict from iterables
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "mississippi":
    c[ch] += 1
print(c, c["zzz"], "zzz" in c, c.get("zzz"))

class Grouping(dict):
    def __missing__(self, key):
        v = self[key] = []
        return v
g = Grouping()
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    g[w[0]].append(w)
print(g)

class BadMissing(dict):
    def __missing__(self, key):
        raise LookupError(f"no {key}")
check(lambda: BadMissing()["q"])

# __missing__ only called by __getitem__, not get/pop/in
class Loud(dict):
    def __missing__(self, key):
        print("missing called for", key)
        return None
l = Loud()
print(l.get("a"), "a" in l, l.pop("a", "p"))
l["b"]

# keys need stable hash: mutation of key object after insertion
class Key:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return isinstance(o, Key) and self.v == o.v
    def __repr__(self): return f"Key({self.v})"
k = Key(1)
dk = {k: "val"}
k.v = 2
print(Key(1) in dk, Key(2) in dk, k in dk, list(dk))

# dict of dicts, get with nested default
cfg = {"db": {"host": "h", "port": 1}}
print(cfg.get("db", {}).get("port"), cfg.get("cache", {}).get("ttl", 60))

# keys() of subclass with overridden __iter__ isn't used by dict()
class OddIter(dict):
    def __iter__(self):
        return iter(["x"])
oi = OddIter(a=1)
print(dict(oi), list(oi), {**oi})

# dict(mapping-like) uses keys() and __getitem__
class Mapping:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k.upper()
print(dict(Mapping()), {**Mapping()})
check(lambda: dict(object()))
check(lambda: {**[1]})
check(lambda: (lambda **kw: kw)(**{"a": 1}, **{"a": 2}))
