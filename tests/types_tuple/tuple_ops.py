# tuples: construction, immutability, methods, packing/unpacking, hashing
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

t = (1, "two", 3.0, None, (4, 5))
print(t, len(t), t[1], t[-1][0], t[1:3], t[::-1], t[10:], type(t[1:2]).__name__)
print((), (1,), (1), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({"k": 1}), tuple(x for x in "xy"))
single = 5,
print(single, type(single).__name__)
print(t.count(1), (1, 1, 2).count(1), t.index("two"), (1, 2, 3, 2).index(2, 2))
check(lambda: t.index("missing"))
check(lambda: t[10])
check(lambda: t["a"])
def assign():
    t[0] = 5
check(assign)
check(lambda: t.append)
check(lambda: tuple(5))
check(lambda: tuple([1], [2]))
print((1, 2) + (3,), (0,) * 3, 2 * (1, 2), (1,) * 0, (1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,))
print((1, 2) == (1, 2), (1, 2) == [1, 2], (1, (2, 3)) == (1, (2, 3)), 2 in (1, 2), (1,) in ((1,), 2))
check(lambda: (1,) + [2])
check(lambda: (1,) < ("a",))
check(lambda: (1, 2) * 1.0)

# hashing
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), {(1, 2): "pair"}[(1, 2)])
check(lambda: hash((1, [2])))
check(lambda: {(1, {}): 1})

# mutable contents inside immutable tuple
m = ([1], [2])
m[0].append(10)
print(m)

# packing and unpacking
a, b, c = t[:3]
print(a, b, c)
first, *rest = t
print(first, rest)
def multi():
    return 1, 2, 3
x = multi()
print(x, type(x).__name__)
(p, q), r = (1, 2), 3
print(p, q, r)

# tuple identity for empty tuple
e1 = tuple()
e2 = ()
print(e1 is e2, e1 == e2)
print(tuple((1, 2)) is not None)
# nested tuple repr
print(((),), ((1,),), (("a", ("b",)),))
# tuple methods list
print(sorted(n for n in dir(tuple) if not n.startswith("_")))
