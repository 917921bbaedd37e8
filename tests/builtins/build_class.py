# class statement machinery: __build_class__ via metaclasses, __prepare__, __classcell__
import builtins
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

print(callable(builtins.__build_class__))
def body():
    # a plain function: its locals are fast locals, so the class namespace stays empty
    x = 1
C = builtins.__build_class__(body, "C")
print(C.__name__, hasattr(C, "x"), type(C).__name__, type(C()).__name__)
D = builtins.__build_class__(body, "D", C)
print(D.__bases__[0].__name__)

# metaclass may be any callable
def func_meta(name, bases, ns):
    print("func_meta called:", name, bases, sorted(k for k in ns if not k.startswith("__")))
    return f"not a class: {name}"
class Weird(metaclass=func_meta):
    a = 1
print(Weird)

# class body namespace order
class Ordered:
    z = 1
    a = 2
    def m(self): pass
print([k for k in Ordered.__dict__ if not k.startswith("__")])

# __prepare__ returning a custom mapping
class LoggingNS(dict):
    def __setitem__(self, k, v):
        if not k.startswith("__"):
            print("  setting", k)
        super().__setitem__(k, v)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return LoggingNS()
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, dict(ns))
class Logged(metaclass=Meta, option=1):
    first = 1
    second = 2
print(type(Logged).__name__)

check(lambda: builtins.__build_class__())
check(lambda: builtins.__build_class__(body))
check(lambda: builtins.__build_class__(1, "X"))
check(lambda: builtins.__build_class__(body, 5))
class BadPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 5
def use_bad():
    class X(metaclass=BadPrepare): pass
check(use_bad)

# zero-argument super needs __class__ cell
class WithSuper:
    def m(self):
        return __class__.__name__, super().__repr__ is not None
print(WithSuper().m())
class Meta2(type):
    def __new__(mcls, name, bases, ns):
        print("has __classcell__:", "__classcell__" in ns)
        return super().__new__(mcls, name, bases, ns)
class UsesCell(metaclass=Meta2):
    def f(self):
        return super()
class NoCell(metaclass=Meta2):
    pass
