# abs, divmod, pow, round
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

print(abs(-3), abs(3), abs(-2.5), abs(-0.0), abs(3 - 4j), abs(True), abs(-2 ** 100), abs(float("-inf")))
class A:
    def __abs__(self): return "absolute"
print(abs(A()))
check(lambda: abs("x"))
check(lambda: abs(None))
check(lambda: abs())
check(lambda: abs(1, 2))

print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2), divmod(2 ** 70, 3), divmod(True, 2))
check(lambda: divmod(1, 0))
check(lambda: divmod(1.0, 0.0))
check(lambda: divmod("a", 1))
check(lambda: divmod(1j, 1))
check(lambda: divmod(1))

print(pow(2, 8), pow(2, -2), pow(2.0, 3), pow(-8, 1 / 3) == (-8) ** (1 / 3), pow(3, 4, 5), pow(3, -1, 10), pow(-3, 3, 7))
print(pow(2, 100, 10 ** 9 + 7), pow(base=2, exp=5), pow(2, 5, mod=3), pow(0, 0), pow(0.0, 0), pow(1, -1))
check(lambda: pow(2, -1, 4))
check(lambda: pow(2, 2, 0))
check(lambda: pow(2.0, 2, 3))
check(lambda: pow(0, -1))
check(lambda: pow("a", 2))
check(lambda: pow(2))

print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.14159, 2), round(2.675, 2))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(5, -1), round(7, 0))
print(round(1234.5678, -2), round(0.0), round(-0.4), round(1e20), round(123.456, None), round(1.5, ndigits=0))
print(type(round(1.5)).__name__, type(round(1.5, 0)).__name__, type(round(15, -1)).__name__, round(True), round(2 ** 80, -20))
class Rnd:
    def __round__(self, n=None): return ("rounded", n)
print(round(Rnd()), round(Rnd(), 3))
check(lambda: round("1.5"))
check(lambda: round(1.5, "1"))
check(lambda: round(float("nan")))
check(lambda: round(float("inf")))
check(lambda: round(1j))
check(lambda: round())
check(lambda: round(1.5, 1, 2))
