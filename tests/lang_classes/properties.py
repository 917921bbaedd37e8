# property: getter/setter/deleter, decorator and call forms, errors
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        """Temperature in C."""
        print("get")
        return self._c
    @celsius.setter
    def celsius(self, v):
        print("set", v)
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("del")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temp(100)
print(t.celsius)
t.celsius = 0
print(t.fahrenheit)
check(lambda: setattr(t, "celsius", -300))
check(lambda: setattr(t, "fahrenheit", 5))
check(lambda: delattr(t, "fahrenheit"))
del t.celsius
check(lambda: t.celsius)
print(Temp.celsius.__doc__)
print(type(Temp.celsius).__name__, Temp.celsius.fget.__name__)
print(Temp.fahrenheit.fset, Temp.fahrenheit.fdel)

# property() call form
class P:
    def _get(self):
        return "value"
    def _set(self, v):
        print("setting", v)
    x = property(_get, _set, None, "the x")
    y = property()
p = P()
print(p.x, P.x.__doc__)
p.x = 3
check(lambda: p.y)
check(lambda: setattr(p, "y", 1))
check(lambda: delattr(p, "y"))

# property overrides instance dict
p.__dict__["x"] = "shadow"
print(p.x)

# inheritance and overriding a property
class Base:
    @property
    def name(self):
        return "base"
class Sub(Base):
    @property
    def name(self):
        return "sub+" + super().name
print(Sub().name)

# property raising AttributeError
class Lazy:
    @property
    def val(self):
        raise AttributeError("computed failed")
check(lambda: Lazy().val)
print(hasattr(Lazy(), "val"), getattr(Lazy(), "val", "dflt"))

# getter/setter return new property objects
prop = property(lambda self: 1)
prop2 = prop.setter(lambda self, v: None)
print(prop is prop2, prop2.fget is prop.fget)
check(lambda: property(1).__get__(p, P))
