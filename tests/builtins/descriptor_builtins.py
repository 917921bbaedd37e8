# property, classmethod, staticmethod, super as builtins
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

p = property()
print(p.fget, p.fset, p.fdel, p.__doc__, type(p).__name__)
def getter(self):
    "getter doc"
    return 1
p2 = property(getter)
print(p2.__doc__, p2.fget is getter, p2.__get__(None, object) is p2)
p3 = property(getter, doc="explicit")
print(p3.__doc__)
check(lambda: property(getter).__set__(object(), 1))
check(lambda: property(getter).__delete__(object()))
check(lambda: property(fget=getter, bogus=1))
check(lambda: property(1, 2, 3, 4, 5))
print(property.__name__, callable(property.getter), property(getter).getter(lambda s: 2).fget(None))

cm = classmethod(lambda cls, x: (cls.__name__, x))
class K:
    m = cm
    s = staticmethod(lambda x: x * 2)
print(K.m(1), K().m(2), K.s(3), K().s(4))
print(cm.__func__.__name__, type(cm.__get__(None, K)).__name__, cm.__get__(None, K)(5))
print(isinstance(K.__dict__["s"], staticmethod), isinstance(K.__dict__["m"], classmethod))
check(lambda: classmethod())
check(lambda: staticmethod(1, 2))
check(lambda: classmethod(f=1))

class A:
    def who(self): return "A"
    @classmethod
    def cwho(cls): return "A.cwho " + cls.__name__
class B(A):
    def who(self): return "B>" + super().who()
    @classmethod
    def cwho(cls): return "B>" + super().cwho()
b = B()
print(b.who(), B.cwho(), super(B, b).who(), super(B, B).cwho(), super(B, b).__self__ is b, super(B, b).__thisclass__.__name__)
print(super(B, b).__self_class__.__name__, type(super(B, b)).__name__, super(B).__self__)
check(lambda: super(B, 1))
check(lambda: super(1, b))
check(lambda: super(B, A()))
check(lambda: super(B, b).missing)
check(lambda: super())
check(lambda: super(B, b, 1))
u = super(B)
print(u.__thisclass__.__name__, u.__self__, u.__get__(b, B).who())
