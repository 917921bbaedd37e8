# float methods: is_integer, as_integer_ratio, hex, fromhex, conjugate, round
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

for v in [0.0, 1.0, -2.5, 0.1, 1e100, 3.75, 2.0 ** -10]:
    print(v, v.is_integer(), v.as_integer_ratio(), v.hex(), v.conjugate(), v.real, v.imag)
check(lambda: float("inf").as_integer_ratio())
check(lambda: float("nan").as_integer_ratio())
print(float("inf").is_integer(), float("nan").is_integer(), float("inf").hex(), float("nan").hex())

for s in ["0x1p0", "0x1.8p1", "-0x1p-2", "0X1.FFFFFFFFFFFFFP+1023", "0x0p0", "  0x1.0p+4  ", "inf", "1", "0x.8"]:
    check(lambda: float.fromhex(s))
for s in ["", "0x", "0x1p", "0xg", "0x1p99999"]:
    check(lambda: float.fromhex(s))

print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(-0.5))
print(round(2.675, 2), round(1.2345, 3), round(123.456, -1), round(123.456, -2), round(5.5, 0))
print(round(1e300, -299), round(-1.5), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(round(0.125, 2), round(0.375, 2), round(1.0, 400), round(1.23, -400))
check(lambda: round(float("inf")))
check(lambda: round(float("nan")))
check(lambda: round(1.5, 1.0))
check(lambda: round(float("inf"), 2))
print(int(2.9), int(-2.9), int(1e20), float.__trunc__(2.7), (2.5).__floor__(), (2.5).__ceil__(), (-2.5).__floor__())
print((7.0).__divmod__(2), (7.0).__rtruediv__(2), (2.0).__pow__(3), (1.5).__neg__())
print(hash(1.0) == hash(1), hash(0.5), hash(-0.0), hash(float("inf")), hash(-1.5), hash(1e100) == hash(10 ** 100))
print(float.__name__, (1.5).__class__.__name__, float.fromhex.__name__)
