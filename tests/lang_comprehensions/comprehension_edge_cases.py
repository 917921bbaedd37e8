# comprehension edge cases
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

# closures created inside comprehensions capture the per-iteration variable? (no: the same cell)
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs2 = [(lambda j: lambda: j)(i) for i in range(3)]
print([f() for f in fs2])

# comprehension over a mutating list
src = [1, 2, 3]
print([src.append(x) or x for x in src[:]], src)

# nested comprehension variable shadowing
print([[x for x in range(x)] for x in range(4)])

# the iterable of the outermost loop is evaluated in the enclosing scope
class K:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    pairs = [(i, j) for i in items for j in range(i)]
print(K.doubled, K.pairs)

# comprehension result types
print(type([x for x in ""]).__name__, type({x for x in ""}).__name__, type({x: x for x in ""}).__name__, type((x for x in "")).__name__)

# unpacking in comprehension targets
print([a * b for a, b in [(1, 2), (3, 4)]], {k: v for (k, v) in [("a", 1)]}, [c for _, (c, *_) in [(0, "xyz")]])

# conditions referencing earlier loop variables
print([(a, b) for a in range(4) if a % 2 for b in range(a) if b != 1])

# large comprehension is fine
print(sum([x for x in range(100000)]), len({x % 1000 for x in range(100000)}))

# errors raised mid-iteration propagate; partial results discarded
def gen():
    yield 1
    raise KeyError("mid")
check(lambda: [x for x in gen()])
check(lambda: {x: 1 / (x - 2) for x in range(5)})
check(lambda: [x for x in range(3) if x.missing])

# yield inside comprehension is a syntax error
check(lambda: compile("[(yield x) for x in range(3)]", "<s>", "exec"))
check(lambda: compile("[x for x in range(3) for x in x := [1]]", "<s>", "exec"))
# star in comprehension element
check(lambda: compile("[*x for x in y]", "<s>", "exec"))
check(lambda: compile("{**x for x in y}", "<s>", "exec"))
