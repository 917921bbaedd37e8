# dir, vars, locals, globals
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class Base:
    base_attr = 1
    def base_method(self): pass
class Child(Base):
    child_attr = 2
    def __init__(self):
        self.inst = 3
    def child_method(self): pass
c = Child()
print(sorted(n for n in dir(c) if not n.startswith("__")))
print(sorted(n for n in dir(Child) if not n.startswith("__")))
print("__init__" in dir(c), "__class__" in dir(c), dir(c) == sorted(dir(c)))
class CustomDir:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]
print(dir(CustomDir()))
print(sorted(n for n in dir(1) if not n.startswith("_")))
print(sorted(n for n in dir([]) if not n.startswith("_")))
print(sorted(n for n in dir("") if not n.startswith("_")))
print(sorted(n for n in dir({}) if not n.startswith("_")))
import math
print(len([n for n in dir(math) if not n.startswith("_")]) > 40, "sqrt" in dir(math))
check(lambda: dir(1, 2))

print(vars(c), sorted(k for k in vars(Child) if not k.startswith("__")))
check(lambda: vars(1))
check(lambda: vars([]))
check(lambda: vars(c, 2))
def fn(a, b=2):
    x = a + b
    return vars()
print(fn(1))

def loc(p, q):
    r = p * q
    inner = locals()
    inner_keys = sorted(inner)
    return inner_keys
print(loc(2, 3))
def loc_snapshot():
    x = 1
    snap = locals()
    x = 2
    return snap["x"], locals()["x"]
print(loc_snapshot())

g = globals()
print(type(g).__name__, g is globals(), g["__name__"], "check" in g, "fn" in g)
print(sorted(k for k in ["__name__", "__doc__", "__builtins__", "__spec__", "__loader__", "__package__"] if k in g))
g["dynamic_global"] = "set via globals()"
print(dynamic_global)
print(locals() is globals())
class Body:
    x = 1
    keys = sorted(k for k in locals() if not k.startswith("__"))
print(Body.keys)
check(lambda: locals(1))
check(lambda: globals(1))
