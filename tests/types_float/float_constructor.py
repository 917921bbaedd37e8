# float() parsing and conversion
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

for arg in ["1.5", "  -2.25  ", "+3", "1e3", "1E-3", ".5", "5.", "1_000.5", "inf", "-Infinity",
            "nan", "NaN", "-nan", "  iNF ", "0x1p3", "1e400", "-1e400", "1e-400", "0", "-0",
            "١٫٥", "1.5\n", 10, -7, True, 2 ** 80, 1.25, b"2.5", bytearray(b"3.5")]:
    check(lambda: float(arg))
check(lambda: float())
for arg in ["", " ", "abc", "1.5.5", "1e", "e5", "1_", "_1", "1__0", "0x10", "in f",
            "1,5", "--1", "nan(1)", None, [1.0], "1.5j", b"x", 2 ** 1024]:
    check(lambda: float(arg))

class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 3
class Bad:
    def __float__(self): return "x"
class Sub(float):
    pass
class RetSub:
    def __float__(self): return Sub(1.0)
check(lambda: float(F()))
check(lambda: float(I()))
check(lambda: float(Bad()))
check(lambda: float(object()))
check(lambda: type(float(Sub(2.0))).__name__)
check(lambda: float(x=1))
print(Sub(1.5), repr(Sub(2)), type(Sub(1) + 1).__name__)
