# zip (incl. strict), map, filter, enumerate, reversed
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip(range(3), range(3), range(3))))
print(dict(zip("abc", range(3))), list(zip(*[(1, "a"), (2, "b")])), type(zip()).__name__)
print(list(zip([1, 2], [3, 4], strict=True)))
check(lambda: list(zip([1, 2], [1], strict=True)))
check(lambda: list(zip([1], [1, 2], strict=True)))
check(lambda: list(zip([1], [1], [1, 2, 3], strict=True)))
check(lambda: list(zip([1, 2], [1, 2], [3], strict=True)))
check(lambda: zip(1))
check(lambda: zip([1], 2))
check(lambda: zip(x=1))
z = zip([1, 2, 3], [4, 5])
print(next(z), list(z), list(z))

print(list(map(str, [1, 2])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "ef")))
print(list(map(len, [])), list(map(int, "123")), type(map(str, [])).__name__, list(map(max, [1, 5], [4, 2], [3, 3])))
print(list(map(lambda x: x, range(3))), list(map(pow, [2, 2, 2], [1, 2])))
check(lambda: map(str))
check(lambda: map())
check(lambda: list(map(5, [1])))
check(lambda: map(str, 5))
check(lambda: list(map(int, ["1", "x"])))

print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(str.isdigit, "a1b2")), list(filter(lambda x: x > 1, range(4))))
print(type(filter(None, [])).__name__, list(filter(bool, (0, 2))))
check(lambda: filter(None))
check(lambda: filter(None, 5))
check(lambda: list(filter(5, [1])))

print(list(enumerate("abc")), list(enumerate("ab", 1)), list(enumerate("ab", start=-5)), list(enumerate([], 3)), list(enumerate("x", 2 ** 70)))
e = enumerate(["a", "b"])
print(next(e), list(e), type(e).__name__)
check(lambda: enumerate(5))
check(lambda: enumerate([], "1"))
check(lambda: enumerate())
check(lambda: enumerate([], 1, 2))

print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})))
print(type(reversed([])).__name__, type(reversed(range(1))).__name__, type(reversed("x")).__name__)
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
print(list(reversed(Seq())))
check(lambda: reversed(5))
check(lambda: reversed({1, 2}))
check(lambda: reversed(iter([1])))
check(lambda: reversed())
