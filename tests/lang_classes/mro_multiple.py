# Multiple inheritance and C3 linearisation
def names(cls):
    return [c.__name__ for c in cls.__mro__]

class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()

print(names(D))
print(D().who())
print(D.mro() == list(D.__mro__))

class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print(names(M))

# cooperative __init__
class Base:
    def __init__(self, **kw):
        print("Base", sorted(kw))
class Left(Base):
    def __init__(self, left=None, **kw):
        print("Left", left)
        super().__init__(**kw)
class Right(Base):
    def __init__(self, right=None, **kw):
        print("Right", right)
        super().__init__(**kw)
class Both(Left, Right):
    pass
Both(left=1, right=2)
print(names(Both))

def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

def bad1():
    class Bad(A, B):
        pass
check(bad1)

def bad2():
    class P1(X, Y): pass
    class P2(Y, X): pass
    class Bad(P1, P2): pass
check(bad2)

def dup():
    class Dup(A, A): pass
check(dup)

def nonclass():
    class Q(1): pass
check(nonclass)

# attribute resolution order
class R1:
    attr = "R1"
class R2:
    attr = "R2"
    only2 = "only2"
class R3(R1, R2):
    pass
print(R3.attr, R3.only2, R3.__bases__ == (R1, R2))

# diamond with object
print(names(type("T", (B, C), {})))
print(object.__mro__ == (object,), names(int), names(bool))
