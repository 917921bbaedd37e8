# complex numbers: construction, repr, arithmetic, attributes
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

for z in [1j, 2 + 3j, -1 - 1j, complex(1, 0), complex(0, -0.0), complex(-0.0, 0), 1.5e300j,
          complex(float("inf"), float("nan")), 0j, -0j, complex(1e16, 1e-5)]:
    print(repr(z), str(z), z.real, z.imag, z.conjugate())

a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, -a, +a, abs(a), a ** 2, a ** 0.5, 2 ** a)
print(a == 3 + 4j, a != b, a == complex(3, 4), 1 + 0j == 1, (1 + 0j) == 1.0, hash(1 + 0j) == hash(1))
print(1j * 1j, (1j) ** 2, 1j ** 0, 0j ** 0, (2 + 0j) ** 3)
print(a + 1, 1 + a, a * 2.5, 2 / (1 + 1j), type(1 + 1.0j).__name__)

for args in [(), (1,), (1, 2), ("1+2j",), (" 3-4j ",), ("j",), ("-j",), ("2.5",), ("1e3j",),
             ("(1+2j)",), (1j, 1j), ("infj",), ("nan+nanj",), (True, False), (2 ** 60,)]:
    check(lambda: complex(*args))
for args in [("1+",), ("1 + 2j",), ("abc",), ("",), ("1+2j", 1), (1, "2"), (None,), ("(1+2j",), ([],)]:
    check(lambda: complex(*args))

check(lambda: a < b)
check(lambda: a // 2)
check(lambda: a % 2)
check(lambda: divmod(a, 2))
check(lambda: int(a))
check(lambda: float(a))
check(lambda: 1 / 0j)
check(lambda: 0j ** -1)
check(lambda: round(a))
check(lambda: pow(a, 2, 3))

class C:
    def __complex__(self): return 5j
class Bad:
    def __complex__(self): return 5
check(lambda: complex(C()))
check(lambda: complex(Bad()))
check(lambda: complex(1.5))
print(format(1 + 2j), format(1.5 - 2.25j, ".2f"), format(3j, "^12"), f"{1+1j:g}", format(1 + 2j, "e"))
check(lambda: format(1j, "d"))
check(lambda: format(1j, "=10"))
print(complex.__name__, (1j).__class__.__name__, abs(3j), abs(-4 + 0j))
