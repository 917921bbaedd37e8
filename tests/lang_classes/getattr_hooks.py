# __getattr__, __getattribute__, __setattr__, __delattr__
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class Dyn:
    real = "real attr"
    def __getattr__(self, name):
        print("__getattr__", name)
        if name.startswith("x_"):
            return name[2:]
        raise AttributeError(f"no {name}")

d = Dyn()
print(d.real)
print(d.x_hello)
check(lambda: d.other)
print(getattr(d, "missing", "default"), hasattr(d, "nope"), hasattr(d, "x_y"))

class Logged:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __getattribute__(self, name):
        if name != "log":
            self.log.append("get " + name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        self.log.append(f"set {name}={value!r}")
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)

o = Logged()
o.a = 1
o.a += 1
print(o.a)
del o.a
check(lambda: o.a)
check(lambda: delattr(o, "a"))
print(o.log)

# __getattribute__ raising AttributeError falls back to __getattr__
class Fallback:
    def __getattribute__(self, name):
        if name == "hidden":
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback for " + name
f = Fallback()
f.hidden = 1
print(f.hidden, f.other)

# frozen-style object
class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field '{name}'")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete field '{name}'")
fr = Frozen(3)
print(fr.x)
check(lambda: setattr(fr, "x", 4))
check(lambda: delattr(fr, "x"))

# __getattr__ not used for special method lookup
class Magic:
    def __getattr__(self, name):
        return lambda *a: "via getattr"
m = Magic()
print(m.__len__())
check(lambda: len(m))

# recursion-safe __getattr__ using __dict__
class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.sort()
print(p._target, p.count(1))
check(lambda: p.nonexistent)

# AttributeError name and obj attributes (3.10+)
try:
    object().foo
except AttributeError as e:
    print(e.name, type(e.obj).__name__)
