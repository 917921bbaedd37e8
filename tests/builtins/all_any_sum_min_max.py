# all, any, sum, min, max
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

print(all([]), all([1, 2]), all([1, 0]), all("abc"), all([[]]), any([]), any([0, "", None]), any([0, 1]), any(iter([[], [0]])))
def gen(vals):
    for v in vals:
        print("yield", v)
        yield v
print(all(gen([1, 0, 1])), any(gen([0, 5, 0])))
check(lambda: all(5))
check(lambda: any())

print(sum([]), sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([1, 2.5]), sum(range(101)), sum([[1], [2]], []))
print(sum([1e100, 1.0, -1e100]), sum([0.1, 0.2, 0.3]), sum((1j, 2)), sum([True, True]), sum([], start=5), sum(x * x for x in range(4)))
print(sum([2 ** 64, 2 ** 64]), sum([1.5], start=1), sum([[1]], start=[0]), sum([(1,), (2,)], ()))
check(lambda: sum(["a", "b"]))
check(lambda: sum(["a"], ""))
check(lambda: sum([b"a"], b""))
check(lambda: sum([bytearray(b"a")], bytearray()))
check(lambda: sum([1, "a"]))
check(lambda: sum(5))
check(lambda: sum())
check(lambda: sum([1], 2, 3))

print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("hello"), min("b", "a"), max([1, 2], [1, 3]), min((2, "a"), (1, "b")))
print(min([], default="empty"), max([], default=None), min([5], default=0), max([3, 1], key=lambda x: -x), min(["bb", "a", "ccc"], key=len))
print(max([1, 3, 3.0], key=int), min([2, 1.0, 1]), max(1, 2.5), max([float("nan"), 1]), max([1, float("nan")]))
print(max(range(5), key=lambda v: v % 3), min("a", "B", "c", key=str.lower), max({3: "a", 9: "b"}), max(iter([2, 7, 1])))
check(lambda: min([]))
check(lambda: max([]))
check(lambda: min())
check(lambda: max(1))
check(lambda: min(1, 2, default=0))
check(lambda: max([1, "a"]))
check(lambda: min([1, 2], key=5))
check(lambda: max([1], bogus=1))
check(lambda: max(None, None))
