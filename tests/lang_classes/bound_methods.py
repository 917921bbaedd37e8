# bound and unbound methods
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class Counter:
    def __init__(self):
        self.n = 0
    def inc(self, by=1):
        self.n += by
        return self.n

c = Counter()
m = c.inc
print(type(m).__name__, m.__self__ is c, m.__func__ is Counter.inc, m.__name__, m.__qualname__)
m(); m(5)
print(c.n)
print(Counter.inc(c, 10))
print(type(Counter.inc).__name__)

# each attribute access creates a new bound method that compares equal
print(c.inc == c.inc, c.inc is c.inc, c.inc != Counter().inc)
print(hash(c.inc) == hash(c.inc))

# bound method of a builtin
app = [].append
print(type(app).__name__, app.__name__, app.__self__)
lst = [1]
f = lst.append
f(2)
print(lst, f.__self__ is lst)
print(type(len).__name__, len.__self__.__name__ if hasattr(len.__self__, "__name__") else None)

# methods stored and called later
ops = [c.inc, Counter().inc]
print([op(2) for op in ops])

check(lambda: m.__self__.nope)
check(lambda: setattr(m, "x", 1))
check(lambda: Counter.inc())
check(lambda: Counter.inc("notcounter"))

# method attribute forwarding
def func(self):
    "docstring"
func.custom = "attr"
class K:
    meth = func
bm = K().meth
print(bm.__doc__, bm.custom)

# rebinding
class Other:
    n = 100
print(Counter.inc.__get__(Other())())
print(callable(bm), bm.__func__.__name__)

# __repr__ of methods of builtins (no addresses)
print(repr(str.upper), repr(dict.fromkeys)[:40])
print(repr(list.append), repr(int.__add__))
