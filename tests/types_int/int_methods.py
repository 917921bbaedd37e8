# int methods: to_bytes, from_bytes, as_integer_ratio, conjugate, is_integer, index
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

check(lambda: (1024).to_bytes(2, "big"))
check(lambda: (1024).to_bytes(4, "little"))
check(lambda: (1024).to_bytes(2, byteorder="big"))
check(lambda: (-1).to_bytes(2, "big", signed=True))
check(lambda: (255).to_bytes(1, "big"))
check(lambda: (0).to_bytes())
check(lambda: (5).to_bytes())
check(lambda: (256).to_bytes(1, "big"))
check(lambda: (-1).to_bytes(1, "big"))
check(lambda: (128).to_bytes(1, "big", signed=True))
check(lambda: (1).to_bytes(1, "middle"))
check(lambda: (1).to_bytes(-1, "big"))

check(lambda: int.from_bytes(b"\x04\x00", "big"))
check(lambda: int.from_bytes(b"\x04\x00", "little"))
check(lambda: int.from_bytes(b"\xff\xff", "big", signed=True))
check(lambda: int.from_bytes(b"\xff"))
check(lambda: int.from_bytes(b""))
check(lambda: int.from_bytes([1, 2], "big"))
check(lambda: int.from_bytes("ab", "big"))
check(lambda: int.from_bytes(b"\x01", "sideways"))

for n in [0, 7, -12, 2 ** 70]:
    print(n, n.as_integer_ratio(), n.conjugate(), n.real, n.imag, n.numerator, n.denominator)
print((5).is_integer(), True.as_integer_ratio())
print((7).__index__(), (7).__trunc__(), (7).__floor__(), (7).__ceil__(), (7).__round__(), (7).__round__(-1))
print((15).__round__(-1), (25).__round__(-1), (-25).__round__(-1), (1234).__round__(-2))
print(int.__name__, (3).__class__.__name__, (3).__sizeof__() > 0)
print(hash(5), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
print(hash(10 ** 30) == hash(10 ** 30 % (2 ** 61 - 1)))
