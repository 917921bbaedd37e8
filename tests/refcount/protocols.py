import sys
rc = sys.getrefcount
class Box:
    def __init__(self, v): self.v = v
    def get(self): return self.v
    def me(self): return rc(self)
obj = object()
b = Box(obj)
print(rc(obj), rc(b), b.me())
m = b.get
print(rc(b), rc(m))
del m
def closure():
    x = obj
    def inner(): return rc(x)
    return inner
f = closure()
print(rc(obj), f())
def gen():
    yield obj
    yield rc(obj)
g = gen()
next(g); print(rc(obj))
print(list(gen())[1])
try:
    raise ValueError(obj)
except ValueError as e:
    print(rc(obj), rc(e))
print(rc(obj))
class CM:
    def __enter__(self): return obj
    def __exit__(self, *a): return False
with CM() as o:
    print(rc(obj))
print(rc(obj))
lst = [obj for _ in range(3)]
print(rc(obj))
d = {"a": obj}
def kw(**k): return rc(obj)
print(kw(**d), kw(a=obj))
s = f"{obj!r:.0}"
print(rc(obj), rc(lst), rc(d))
t = (obj,) * 2
print(rc(obj))
del t, lst, d, f, g, b
print(rc(obj))
print(rc(Box), rc(Box.get), rc(rc))
