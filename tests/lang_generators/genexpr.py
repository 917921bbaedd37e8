# generator expressions
g = (x * x for x in range(5))
print(type(g).__name__, g.__name__)
print(next(g), next(g), list(g), list(g))

print(sum(x for x in range(101)))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(list(x for x in range(10) if x % 3 == 0))
print(list((x, y) for x in range(3) for y in range(x)))
print("".join(c.upper() for c in "abc"))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, -1]))
print(dict((k, len(k)) for k in ["one", "three"]))
print(sorted((v for v in [3, 1, 2]), reverse=True))

# the first iterable is evaluated immediately, the rest lazily
def src(name, n):
    print("evaluating", name)
    return range(n)
ge = (a + b for a in src("outer", 2) for b in src("inner", 2))
print("created")
print(list(ge))

# errors in the first iterable raise at creation
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)

# errors in the condition raise on iteration
ge = (1 / x for x in [1, 0])
print(next(ge))
try:
    next(ge)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

# closures over loop variable
gens = [(i * j for j in range(2)) for i in range(3)]
print([list(g) for g in gens])

# variable lookups happen at iteration time for non-first iterables
y = [10, 20]
ge = (a + b for a in [1] for b in y)
y = [100]
print(list(ge))

# generator expression as sole argument needs no parens
print(tuple(c for c in "hi"))
print(list(x for x in (yield_ for yield_ in range(3))))

# nested generator pipeline
nums = range(1, 20)
evens = (n for n in nums if n % 2 == 0)
squares = (n * n for n in evens)
print([v for v in squares if v > 50])
