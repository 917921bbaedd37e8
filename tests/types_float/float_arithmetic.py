# float arithmetic, division semantics, special values
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (0.5, 0.25), (1e308, 10.0)]:
    print(a, b, a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(-0.0 + 0.0, -0.0 - 0.0, 0.0 * -1, -0.0 * -0.0, 5 % -0.5 if False else -1.0 % 3.0)
print(6.0 % 4, -6.0 % 4, 6.0 % -4, -6.0 % -4, 1e-20 % 1.0, -1e-20 % 1.0)
print(2.0 ** 10, 2.0 ** -1, 4 ** 0.5, (-8.0) ** 2, 0.0 ** 0, 10.0 ** 308)
print((-8) ** (1 / 3))
check(lambda: 1.0 / 0)
check(lambda: 1.0 // 0.0)
check(lambda: 1.0 % 0.0)
check(lambda: divmod(1.0, 0))
check(lambda: 0.0 ** -1)
check(lambda: 10.0 ** 400)
check(lambda: 2.0 ** 10000)
check(lambda: (-2.0) ** 0.5)
check(lambda: 1e308 * 10)
check(lambda: 1.5 + "a")

inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, -inf * -1, inf / inf, 1 / inf, -1 / inf)
print(nan + 1, nan * 0, nan ** 0, 1 ** nan, inf > 1e308, -inf < -1e308)
print(inf // 1, inf % 1 if False else 5.0 % inf, -5.0 % inf, divmod(5.0, inf))
check(lambda: inf // 1)
check(lambda: divmod(inf, 1.0))
print(abs(-2.5), abs(-0.0), -abs(-0.0), +(-0.0))
print(1 + 2.0, type(1 + 2.0).__name__, True + 0.5, 3 * 0.1 == 0.3, abs(3 * 0.1 - 0.3) < 1e-15)
print(2 ** 53 + 1.0 == 2 ** 53, 0.1 + 0.2 == 0.3, sum([0.1] * 10))
