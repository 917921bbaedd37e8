# lambda expressions
add = lambda a, b=10: a + b
print(add(1), add(1, 2), add(b=5, a=1))
print((lambda: "no args")())
print((lambda *a, **k: (a, k))(1, x=2))
print((lambda x, /, y, *, z: (x, y, z))(1, 2, z=3))

pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: -p[0]))
print(list(map(lambda x: x * x, range(5))))
print(list(filter(lambda s: len(s) > 3, ["a", "abcd", "xyz", "hello"])))

# lambda returning lambda
adder = lambda n: lambda x: x + n
print(adder(5)(10))

# conditional expression in lambda
sign = lambda x: "neg" if x < 0 else "zero" if x == 0 else "pos"
print([sign(v) for v in (-2, 0, 3)])

# lambdas in a dict dispatch table
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](6, 3) for o in "+-*"])

# lambda default captures
fs = [lambda x, i=i: x * i for i in range(4)]
print([f(10) for f in fs])

# immediately invoked with walrus inside
print((lambda: (y := 5) * 2)())

# lambda name and repr pieces
f = lambda: None
print(f.__name__, f() is None)

# recursion via name
fact = lambda n: 1 if n < 2 else n * fact(n - 1)
print(fact(12))

# lambda errors
try:
    add()
except TypeError as e:
    print("TypeError:", e)
try:
    (lambda: 1)(2)
except TypeError as e:
    print("TypeError:", e)
