# class decorators and dynamic class creation with type()
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls

def tag(label):
    def deco(cls):
        cls.label = label
        print("decorating", cls.__name__, "with", label)
        return cls
    return deco

@add_repr
@tag("outer")
class Item:
    def __init__(self, a, b):
        self.a, self.b = a, b

print(Item(1, "x"), Item.label)

registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls
@register
class One: pass
@register
class Two: pass
print(list(registry))

def replace(cls):
    return 42
@replace
class Gone: pass
print(Gone)

# type(name, bases, dict)
def method(self):
    return "method of " + type(self).__name__
Dyn = type("Dyn", (), {"x": 1, "m": method})
d = Dyn()
print(Dyn.__name__, d.x, d.m(), Dyn.__bases__[0].__name__, Dyn.__module__)
Sub = type("Sub", (Dyn,), {"y": 2})
print(Sub().m(), Sub.y, [c.__name__ for c in Sub.__mro__])
print(type(d) is Dyn, type(Dyn) is type, type(type) is type)

check(lambda: type("A", (1,), {}))
check(lambda: type("A", (), 5))
check(lambda: type(1, (), {}))
check(lambda: type("A"))
check(lambda: type("A", ()))
check(lambda: type())
check(lambda: type("A", (bool,), {}))

# subclassing with metaclass keyword
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(k for k in ns if not k.startswith("__")), kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class WithMeta(metaclass=Meta, flag=1):
    a = 1
    def f(self): pass
print(type(WithMeta).__name__, isinstance(WithMeta, Meta))
class Child(WithMeta):
    pass
print(type(Child).__name__)

# __prepare__
class Ordered(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        print("prepare", name)
        return {"injected": True}
class U(metaclass=Ordered):
    pass
print(U.injected)
