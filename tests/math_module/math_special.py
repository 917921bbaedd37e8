# erf, erfc, gamma, lgamma, fsum, isclose, isfinite/isinf/isnan, nextafter, ulp, sumprod
import math
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

for x in [0.0, 0.5, 1.0, -1.0, 2.0, 3.5, 10.0, -3.0]:
    print(repr(x), repr(math.erf(x)), repr(math.erfc(x)))
for x in [0.5, 1.0, 1.5, 2.0, 5.0, 10.0, -0.5, 0.1, 20.0]:
    print(repr(x), repr(math.gamma(x)), repr(math.lgamma(x)))
print(math.gamma(171), math.lgamma(1000), math.lgamma(-0.5), math.gamma(math.inf), math.lgamma(math.inf))
check(lambda: math.gamma(0))
check(lambda: math.gamma(-1))
check(lambda: math.gamma(-math.inf))
check(lambda: math.gamma(172))
check(lambda: math.lgamma(0))
check(lambda: math.lgamma(-2))

print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]), math.fsum([1, 2, 3]), math.fsum(iter([0.5, 0.25])))
check(lambda: math.fsum([1e308, 1e308, -1e308]))
print(math.fsum([math.inf, 1]), math.fsum([-0.0]), math.fsum([1e308, -1e308, 1e308]))
check(lambda: math.fsum([math.inf, -math.inf]))
check(lambda: math.fsum([1e308, 1e308]))
check(lambda: math.fsum(["a"]))
check(lambda: math.fsum(5))

print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2), math.isclose(0, 1e-10),
      math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan), math.isclose(-math.inf, math.inf))
check(lambda: math.isclose(1, 2, rel_tol=-1))
check(lambda: math.isclose(1, 2, 0.5))
check(lambda: math.isclose(1))
for v in [0.0, 1, -1e308, math.inf, -math.inf, math.nan, 10 ** 400 // 10 ** 390]:
    print(repr(v), math.isfinite(v), math.isinf(v), math.isnan(v))
check(lambda: math.isnan("nan"))
check(lambda: math.isinf(10 ** 400))

print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0), math.nextafter(0.0, -1.0), math.nextafter(1.0, 1.0))
print(math.nextafter(math.inf, 0), math.nextafter(5e-324, 0), math.nextafter(-0.0, 1))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(1e300), math.ulp(-2.0), math.ulp(math.inf), math.ulp(math.nan), math.ulp(2 ** 52))
print(math.sumprod([1, 2, 3], [4, 5, 6]), math.sumprod([0.1] * 10, [1] * 10), math.sumprod([], []), math.sumprod([1.5, 2], [2, 0.25]), math.sumprod([2 ** 70], [2]))
check(lambda: math.sumprod([1, 2], [1]))
check(lambda: math.sumprod([1], ["a"]))
check(lambda: math.sumprod(1, 2))
print(sorted(n for n in dir(math) if not n.startswith("_")))
