# match: class patterns, __match_args__
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r):
        self.center, self.r = center, r

def where(s):
    match s:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Circle(Point(0, 0), r=r):
            return f"centered circle r={r}"
        case Circle(c, r) if r > 10:
            return "big circle"
        case Point() | Circle():
            return "some shape"
        case int(v) | float(v):
            return f"number {v}"
        case str(s2):
            return f"string {s2}"
        case [int(), str()]:
            return "int-str pair"
        case dict(d) if d:
            return f"dict {d}"
        case bool():
            return "never reached: bool is int"
        case _:
            return "unknown"

for s in [Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1),
          Circle(Point(0, 0), 2), Circle(Point(1, 1), 20), Circle(Point(1, 1), 1),
          7, 2.5, "txt", [1, "a"], {"k": 1}, {}, True, None]:
    print(where(s))

# too many positional sub-patterns
class NoArgs:
    pass
def too_many(v):
    match v:
        case NoArgs(a):
            return a
check(lambda: too_many(NoArgs()))
def too_many2(v):
    match v:
        case Point(a, b, c):
            return a
check(lambda: too_many2(Point(1, 2)))

# non-class in class pattern
notaclass = 5
def bad(v):
    match v:
        case notaclass():
            return 1
check(lambda: bad(1))

# attribute missing means no match
class Partial:
    __match_args__ = ("a", "missing")
    a = 1
def partial(v):
    match v:
        case Partial(1, m):
            return m
        case Partial(1):
            return "only a"
print(partial(Partial()))

# builtin types match positional self
match 42:
    case int(n):
        print("int captured", n)
match [1, 2]:
    case list((1, second)):
        print("list captured", second)

# __match_args__ must be a tuple
class BadArgs:
    __match_args__ = ["x"]
    x = 1
def badargs(v):
    match v:
        case BadArgs(x):
            return x
check(lambda: badargs(BadArgs()))

# duplicate keyword
class K:
    __match_args__ = ("a",)
    a = 1
def dupkw(v):
    match v:
        case K(a, a=b):
            return b
check(lambda: dupkw(K()))
