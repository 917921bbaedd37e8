# trigonometric and hyperbolic functions, degrees/radians, hypot, dist
import math
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

for x in [0.0, 0.5, 1.0, -1.0, math.pi / 6, math.pi / 4, math.pi / 2, math.pi, 2.0, 10.0]:
    print(repr(x), repr(math.sin(x)), repr(math.cos(x)), repr(math.tan(x)), repr(math.atan(x)))
for x in [-1.0, -0.5, 0.0, 0.5, 1.0]:
    print(repr(x), repr(math.asin(x)), repr(math.acos(x)))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0.0, -0.0), math.atan2(-0.0, -1), math.atan2(1, 0), math.atan2(math.inf, math.inf))
print(math.atan(math.inf), math.atan(-math.inf), math.sin(-0.0), math.tan(-0.0))
check(lambda: math.sin(math.inf))
check(lambda: math.cos(-math.inf))
check(lambda: math.tan(math.inf))
check(lambda: math.asin(2))
check(lambda: math.acos(-1.5))
check(lambda: math.sin("0"))
check(lambda: math.atan2(1))
for x in [0.0, 0.5, 1.0, -2.0, 5.0]:
    print(repr(x), repr(math.sinh(x)), repr(math.cosh(x)), repr(math.tanh(x)), repr(math.asinh(x)))
print(math.acosh(1), math.acosh(2), math.atanh(0), math.atanh(0.5), math.atanh(-0.5), math.tanh(math.inf), math.sinh(-math.inf))
check(lambda: math.acosh(0.5))
check(lambda: math.atanh(1))
check(lambda: math.atanh(-1))
check(lambda: math.cosh(1000))
check(lambda: math.sinh(1000))
print(math.degrees(math.pi), math.degrees(1), math.radians(180), math.radians(90), math.degrees(-math.pi / 2), math.radians(0))
print(math.hypot(3, 4), math.hypot(), math.hypot(5), math.hypot(1, 2, 2), math.hypot(-3, -4), math.hypot(math.inf, math.nan), math.hypot(1e200, 1e200))
print(math.dist((0, 0), (3, 4)), math.dist([1], [5]), math.dist((1, 2, 3), (4, 6, 3)), math.dist((), ()))
check(lambda: math.dist((1, 2), (1,)))
check(lambda: math.dist(1, 2))
check(lambda: math.hypot("a"))
