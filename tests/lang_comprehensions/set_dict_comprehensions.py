# set and dict comprehensions (sets printed sorted)
s = {x % 5 for x in range(20)}
print(type(s).__name__, sorted(s), len(s))
print(sorted({c.lower() for c in "Hello World" if c.isalpha()}))
print(sorted({(x, y) for x in range(3) for y in range(x)}))
print({x for x in []} == set(), type({x for x in []}).__name__)

d = {x: x * x for x in range(5)}
print(d)
print({k: v for k, v in [("a", 1), ("b", 2), ("a", 3)]})
print({v: k for k, v in {"one": 1, "two": 2}.items()})
print({i: [j for j in range(i)] for i in range(4)})
print({w[0]: w for w in ["apple", "avocado", "banana", "blueberry"]})
print({k: v for k, v in zip("abc", range(10))})
print({(i, j): i * j for i in range(2) for j in range(2)})
print({x: None for x in "hello"})
print({**{x: 1 for x in "ab"}, **{x: 2 for x in "bc"}})

# key evaluated before value (3.8+)
order = []
def k(v):
    order.append("k%d" % v)
    return v
def val(v):
    order.append("v%d" % v)
    return v
{k(i): val(i) for i in range(2)}
print(order)

def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))
check(lambda: {[x]: 1 for x in range(2)})
check(lambda: {[x] for x in range(2)})
check(lambda: {x: 1 / x for x in [2, 0]})
check(lambda: {k: v for k, v in ["ab", "cde"]})

# frozenset from comprehension
fs = frozenset(x * 2 for x in range(4))
print(sorted(fs), type(fs).__name__)
