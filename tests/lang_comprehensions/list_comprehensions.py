# list comprehensions
print([x for x in range(5)])
print([x * y for x in range(1, 4) for y in range(1, 4)])
print([x for x in range(20) if x % 2 if x % 3])
print([(x, y) for x in range(3) if x for y in "ab" if y != "a"])
print([x if x % 2 else -x for x in range(6)])
print([[r * 3 + c for c in range(3)] for r in range(3)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row])
print([c for c in "hello" if c not in "l"])
print([len(w) for w in "the quick brown fox".split()])
print([f(2) for f in (abs, str, float, lambda v: v ** 10)])
print([k for k in {"b": 1, "a": 2}], [kv for kv in {"x": 1}.items()])
print([i for i in []], [[] for _ in range(2)])
print([(i, j) for i, j in enumerate("xyz")])
print([a + b for a, b in zip([1, 2, 3], [10, 20, 30])])
print([*range(3), *[x * 10 for x in range(3)]])
print([x for x in range(3)] == list(range(3)))

# unpacking in target
pairs = [(1, (2, 3)), (4, (5, 6))]
print([a + b + c for a, (b, c) in pairs])
print([first for first, *rest in ["abc", "de"]])

# comprehension evaluates the iterable once
def src():
    print("src called")
    return [1, 2]
print([x for x in src() for y in src()])

# errors
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))
check(lambda: [x for x in 5])
check(lambda: [1 / x for x in [1, 0]])
check(lambda: [x for x, y in [(1, 2), (3,)]])
check(lambda: [undefined_name for _ in range(1)])
check(lambda: [y for x in [1] for y in x])
