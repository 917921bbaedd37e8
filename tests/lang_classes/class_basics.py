# Class definition, instances, attributes, methods
class Point:
    """A 2D point."""
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self

p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims)
print(Point.__name__, Point.__qualname__, Point.__doc__, Point.__module__)
print(type(p) is Point, type(p).__name__, p.__class__.__name__)
print(sorted(vars(p).items()))
p.move(1, 1).move(1, 1)
print(p.x, p.y)
p.extra = "dyn"
print(p.__dict__)
print(Point.norm2(p))
print(hasattr(p, "x"), hasattr(p, "z"))

class Empty:
    pass

e = Empty()
print(type(e).__name__, e.__dict__, Empty.__bases__ == (object,))
print(Empty.__doc__)

def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

check(lambda: p.missing)
check(lambda: Point.missing)
check(lambda: Point(1))
check(lambda: Point(1, 2, 3))
check(lambda: Empty(1))
check(lambda: p.norm2(5))
check(lambda: Point.norm2())
check(lambda: e.anything)
check(lambda: Empty.x)

# class body executes in order; names visible later in body
class Body:
    a = 1
    b = a + 1
    lst = [a, b]
    print("in body", a, b)
    def get(self):
        return self.b
print(Body.lst, Body().get())

# nested class and qualname
class Outer:
    class Inner:
        def m(self):
            pass
print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__)

def factory():
    class Local:
        pass
    return Local
print(factory().__qualname__)

# class attributes shared by instances until shadowed
class Counter:
    count = 0
    def inc(self):
        self.count += 1
c1, c2 = Counter(), Counter()
c1.inc(); c1.inc()
print(c1.count, c2.count, Counter.count)
Counter.count = 10
print(c1.count, c2.count)
del c1.count
print(c1.count)
check(lambda: delattr(c1, "count"))
