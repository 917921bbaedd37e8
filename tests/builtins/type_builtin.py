# type(): one-argument and three-argument forms
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

for v in [1, 1.0, 1j, "s", b"b", bytearray(), [], (), {}, set(), frozenset(), None, ..., NotImplemented,
          True, range(1), slice(1), len, print, type, object(), iter([]), (x for x in []), lambda: 0, type(None)]:
    print(type(v).__name__, end=" ")
print()
print(type(1) is int, type(True) is bool, type(type(1)) is type, type(int) is type)

Point = type("Point", (), {"x": 0, "__repr__": lambda self: f"Point(x={self.x})"})
p = Point()
p.x = 3
print(Point, p, Point.__name__, Point.__qualname__, Point.__bases__, Point.__module__)
Sub = type("Sub", (Point,), {"y": 1, "__doc__": "sub doc"})
print(Sub.__mro__, Sub().y, Sub.__doc__, isinstance(Sub(), Point))
Dyn = type("Dyn", (object,), dict(greet=lambda self, n: "hi " + n))
print(Dyn().greet("x"))
Q = type("has space", (), {})
print(Q.__name__, Q)
check(lambda: type())
check(lambda: type(1, 2))
check(lambda: type("X", [], {}))
check(lambda: type("X", (), []))
check(lambda: type("X", (5,), {}))
check(lambda: type("X", (int, str), {}))
check(lambda: type("X", (), {}, extra=1))
check(lambda: type(b"X", (), {}))
check(lambda: type("X", (type(None),), {}))
check(lambda: type("X", (), {"__slots__": 5}))
T = type("T", (), {"__init__": lambda self, v: setattr(self, "v", v)})
print(T(9).v, type(T(1)).__name__)
print(type.__name__, type.__qualname__, type(type).__name__, type.__base__.__name__, type.__mro__)
print(type.mro(bool), int.mro())
