# staticmethod and classmethod
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class Shape:
    count = 0
    def __init__(self, n):
        self.n = n
        type(self).count += 1
    @classmethod
    def square(cls):
        return cls(4)
    @staticmethod
    def describe(n):
        return f"{n} sides"
    @classmethod
    def how_many(cls):
        return cls.__name__, cls.count

class Tri(Shape):
    pass

s = Shape.square()
print(type(s).__name__, s.n, Shape.describe(3), s.describe(5))
t = Tri.square()
print(type(t).__name__, Tri.how_many(), Shape.how_many())
print(s.how_many())

print(type(Shape.__dict__["square"]).__name__, type(Shape.__dict__["describe"]).__name__)
print(Shape.__dict__["describe"].__func__ is Shape.describe)
print(Shape.square.__self__ is Shape, Shape.square.__func__.__name__)

check(lambda: Shape.describe())
check(lambda: Shape.describe(1, 2))
check(lambda: Shape.square(1))

# staticmethod is callable directly (3.10+)
sm = staticmethod(lambda x: x * 2)
print(sm(21))
cm = classmethod(lambda cls: cls)
check(lambda: cm())
print(callable(sm), callable(cm))

# wrapping attributes
def f():
    "doc of f"
sf = staticmethod(f)
print(sf.__name__, sf.__doc__, sf.__wrapped__ is f)

# classmethod on instance vs class
class K:
    @classmethod
    def m(cls, x):
        return cls.__name__ + str(x)
print(K.m(1), K().m(2))

# staticmethod via function call
class J:
    def helper(x):
        return x + 1
    helper = staticmethod(helper)
    def use(self):
        return self.helper(1)
print(J().use())

check(lambda: staticmethod())
check(lambda: classmethod(1, 2))
check(lambda: classmethod(5).__get__(None, K)())
