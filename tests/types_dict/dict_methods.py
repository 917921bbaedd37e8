# every dict method, with error cases
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d["b"], len(d))
print(d.setdefault("c", 3), d.setdefault("a", 100), d.setdefault("n"), d)
print(d.pop("n"), d.pop("zz", "dflt"), d)
print(d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
d.update(w=4)
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
c = d.copy()
c["new"] = 1
print(d == c, "new" in d, len(c))
c.clear()
print(c)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys(range(2), []))
fk = dict.fromkeys("ab", [])
fk["a"].append(1)
print(fk)
print(dict(), dict(a=1), dict([("k", "v")]), dict({"x": 1}, y=2), dict(zip("ab", "xy")), dict(((1, 2), [3, 4])))
print(reversed(d).__class__.__name__, list(reversed(d)), list(reversed(d.items())))

check(lambda: {}["missing"])
check(lambda: {}.pop("missing"))
check(lambda: {}.popitem())
check(lambda: {}.get())
check(lambda: {}.get(1, 2, 3))
check(lambda: {}.setdefault())
check(lambda: {}.update(1))
check(lambda: {}.update([1, 2]))
check(lambda: {}.update([(1, 2, 3)]))
check(lambda: {}.update({}, {}))
check(lambda: dict(1))
check(lambda: dict([1]))
check(lambda: dict(["ab", "cde"]))
check(lambda: dict.fromkeys())
check(lambda: dict.fromkeys(1))
check(lambda: {[]: 1})
check(lambda: {}.pop([]))
check(lambda: {"a": 1}.keys()[0])
check(lambda: {}.copy(1))

# keys of different types; 1 == 1.0 == True collide
m = {1: "int", 1.0: "float", True: "bool"}
print(m)
m2 = {True: "bool"}
m2[1] = "int"
print(m2)
print({0: "a", False: "b", 0.0: "c"}, {(1, 2): "t", "s": "s", None: "n", 2.5: "f", b"b": "b"})
