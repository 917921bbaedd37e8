# math constants, floor/ceil/trunc, fabs, copysign, fmod, remainder, modf, frexp, ldexp
import math
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

print(repr(math.pi), repr(math.e), repr(math.tau), repr(math.inf), repr(-math.inf), repr(math.nan))
print(type(math.pi).__name__, math.isnan(math.nan), math.inf > 1e308, math.tau == 2 * math.pi)
for v in [2.5, -2.5, 3.0, -0.0, 1e300, 2 ** 80, -7, True]:
    print(repr(v), math.floor(v), math.ceil(v), math.trunc(v), type(math.floor(v)).__name__)
class F:
    def __floor__(self): return "floored"
    def __ceil__(self): return "ceiled"
    def __trunc__(self): return "truncated"
print(math.floor(F()), math.ceil(F()), math.trunc(F()))
check(lambda: math.floor(math.inf))
check(lambda: math.ceil(math.nan))
check(lambda: math.trunc(-math.inf))
check(lambda: math.floor("1"))
check(lambda: math.trunc(1j))
check(lambda: math.floor())
print(math.fabs(-3), math.fabs(-0.0), math.fabs(math.inf), math.copysign(3, -0.0), math.copysign(-2, 1), math.copysign(1, math.nan))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(-7.5, 2), math.fmod(1, math.inf), 7 % -3)
print(math.remainder(7, 3), math.remainder(-7, 3), math.remainder(5, 2), math.remainder(7, 2), math.remainder(1, math.inf))
check(lambda: math.fmod(1, 0))
check(lambda: math.fmod(math.inf, 1))
check(lambda: math.remainder(1, 0))
check(lambda: math.remainder(math.inf, 1))
print(math.modf(3.75), math.modf(-3.75), math.modf(0.0), math.modf(math.inf), math.modf(5))
print(math.frexp(8), math.frexp(0.3), math.frexp(-1), math.frexp(0.0), math.frexp(math.inf))
print(math.ldexp(0.5, 4), math.ldexp(1, -1), math.ldexp(-3, 2), math.ldexp(1, -1075), math.ldexp(1, -1074))
check(lambda: math.ldexp(1, 1024))
check(lambda: math.ldexp(1, 1.5))
check(lambda: math.ldexp(1, 10 ** 100))
print(math.ldexp(0.0, 10 ** 100), math.ldexp(1.0, -10 ** 100))
check(lambda: math.fabs("x"))
check(lambda: math.fabs(10 ** 400))
check(lambda: math.copysign(1))
