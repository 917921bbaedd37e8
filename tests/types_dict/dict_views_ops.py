# dict views, set operations on views, | and |= merging, ordering
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(type(k).__name__, type(v).__name__, type(it).__name__, len(k), len(v), len(it))
d["d"] = 4
del d["a"]
print(k, v, it)       # views are live
print("b" in k, 2 in v, ("b", 2) in it, ("b", 3) in it, "z" in k)
print(sorted(k & {"b", "x"}), sorted(k | {"x"}), sorted(k - {"b"}), sorted(k ^ {"b", "q"}))
print(sorted(it & {("b", 2)}), k == {"b", "c", "d"}, k < {"b", "c", "d", "e"}, k.isdisjoint({"x"}))
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(k.mapping, type(k.mapping).__name__)
check(lambda: v == v)
check(lambda: d.values() == d.values())
check(lambda: k[0])
check(lambda: hash(k))
check(lambda: v & v)

# iteration order is insertion order; updating an existing key keeps position
o = {}
o["z"] = 1; o["a"] = 2; o["m"] = 3
o["z"] = 100
print(list(o))
del o["z"]; o["z"] = 5
print(list(o))

# | and |=
x = {"a": 1, "b": 2}
y = {"b": 20, "c": 30}
print(x | y, y | x, x)
x |= y
print(x)
x |= [("d", 4)]
print(x)
check(lambda: {} | [("a", 1)])
check(lambda: {} | 1)
def ior_bad():
    z = {}
    z |= 5
check(ior_bad)

# modifying dict during iteration
dd = {1: 1, 2: 2}
def modify():
    for key in dd:
        dd[key + 10] = 0
check(modify)
def modify_keys():
    for key in dd.keys():
        del dd[key]
check(modify_keys)
dd = {1: 1, 2: 2}
for key in list(dd):
    dd[key * 10] = dd.pop(key)
print(dd)

# equality ignores order
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 1.0}, {} == {}, {1: 2} != {1: 3})
check(lambda: {} < {})
# nested and recursive repr
r = {}
r["self"] = r
print(r)
print({"k": [1, {"n": (2, 3)}]})
