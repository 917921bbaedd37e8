# weakref.proxy forwards every operation and raises ReferenceError when dead
import weakref


class Box:
    def __init__(self, v):
        self.v = v
    def __repr__(self): return f"Box({self.v})"
    def __str__(self): return f"box of {self.v}"
    def __add__(self, o): return Box(self.v + (o.v if isinstance(o, Box) else o))
    def __radd__(self, o): return Box(o + self.v)
    def __sub__(self, o): return self.v - o
    def __mul__(self, o): return self.v * o
    def __matmul__(self, o): return ("matmul", self.v, o)
    def __truediv__(self, o): return self.v / o
    def __floordiv__(self, o): return self.v // o
    def __mod__(self, o): return self.v % o
    def __divmod__(self, o): return divmod(self.v, o)
    def __pow__(self, o, m=None): return pow(self.v, o, m)
    def __lshift__(self, o): return self.v << o
    def __rshift__(self, o): return self.v >> o
    def __and__(self, o): return self.v & o
    def __or__(self, o): return self.v | o
    def __xor__(self, o): return self.v ^ o
    def __neg__(self): return -self.v
    def __pos__(self): return +self.v
    def __abs__(self): return abs(self.v)
    def __invert__(self): return ~self.v
    def __int__(self): return int(self.v)
    def __float__(self): return float(self.v)
    def __index__(self): return int(self.v)
    def __iadd__(self, o):
        self.v += o
        return self
    def __bool__(self): return bool(self.v)
    def __len__(self): return 3
    def __getitem__(self, i): return ("item", i)
    def __setitem__(self, i, val): print("setitem", i, val)
    def __delitem__(self, i): print("delitem", i)
    def __contains__(self, x): return x == "in"
    def __iter__(self): return iter(range(self.v))
    def __reversed__(self): return iter(["r1", "r2"])
    def __bytes__(self): return b"bytes!"
    def __eq__(self, o): return isinstance(o, Box) and o.v == self.v
    def __lt__(self, o): return self.v < o.v
    __hash__ = object.__hash__
    def method(self, x): return ("method", self.v, x)


b = Box(7)
p = weakref.proxy(b)
print(type(p).__name__, isinstance(p, weakref.ProxyTypes), callable(p))
print(p.v, p.method(1), str(p), repr(p.v))
print(p + 1, 1 + p, p + p, p - 2, p * 3, p @ 2, p / 2, p // 2, p % 4, divmod(p, 2))
print(p ** 2, pow(p, 2, 5), p << 1, p >> 1, p & 3, p | 8, p ^ 1)
print(-p, +p, abs(p), ~p, int(p), float(p), [10, 20, 30, 40, 50, 60, 70, 80][p])
print(bool(p), len(p), p[5], "in" in p, "out" in p, list(p), bytes(p), list(reversed(p)))
p[1] = 2
del p[3]
p.v = 3
print(b.v, hasattr(p, "nope"), getattr(p, "v"))
del p.v
print(hasattr(b, "v"))
b.v = 5
p += 2          # in place: Box.__iadd__ returns the Box itself, so p is now the Box
print(type(p).__name__, b.v)
p = weakref.proxy(b)
print(p == b, p == Box(5), p < Box(6), p.__class__.__name__)
print(p.__bytes__(), list(p.__reversed__()))

# repr shows the referent's type
print(repr(p).startswith("<weakproxy at "), repr(p).endswith(" to Box at " + hex(id(b)) + ">"))

# callable proxy
def fn(*args, **kw):
    return ("fn", args, kw)
cp = weakref.proxy(fn)
print(type(cp).__name__, cp(1, k=2), cp.__name__)

# iterator proxy
it = iter([1, 2, 3])
ip = weakref.proxy(Box(0)) if False else None
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
itobj = It()
itp = weakref.proxy(itobj)
print(next(itp), list(itp))
try:
    next(weakref.proxy(b))
except TypeError as e:
    print("TypeError:", e)

# death
ops = {
    "getattr": lambda: p.v,
    "setattr": lambda: setattr(p, "v", 1),
    "delattr": lambda: delattr(p, "v"),
    "add": lambda: p + 1,
    "radd": lambda: 1 + p,
    "neg": lambda: -p,
    "bool": lambda: bool(p),
    "len": lambda: len(p),
    "getitem": lambda: p[0],
    "setitem": lambda: p.__setitem__(0, 1),
    "contains": lambda: 1 in p,
    "iter": lambda: iter(p),
    "str": lambda: str(p),
    "eq": lambda: p == 1,
    "lt": lambda: p < 1,
    "int": lambda: int(p),
    "index": lambda: [1][p],
    "pow": lambda: pow(p, 2, 3),
    "bytes": lambda: p.__bytes__(),
    "call": lambda: cp(),
}
del b, fn
for name, op in ops.items():
    try:
        op()
    except ReferenceError as e:
        print(name, "ReferenceError:", e)
    except TypeError as e:
        print(name, "TypeError:", e)
print(repr(p).endswith(" to NoneType at " + hex(id(None)) + ">"))
print(ReferenceError.__mro__)
try:
    weakref.ProxyType(1)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.proxy(1)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.proxy()
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.proxy(Box(1), None, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.proxy(Box(1), callback=None)
except TypeError as e:
    print("TypeError:", e)

# proxy callback receives the proxy
box = Box(1)
def pcb(px):
    print("proxy callback; type", type(px).__name__)
    try:
        px.v
    except ReferenceError as e:
        print("  and it is dead:", e)
pp = weakref.proxy(box, pcb)
del box
