# bitwise operators and bit methods
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

for a, b in [(12, 10), (-12, 10), (12, -10), (-12, -10), (0, 5), (255, 256)]:
    print(a, b, a & b, a | b, a ^ b, ~a)

print(1 << 0, 1 << 10, 1 << 100, 5 >> 1, -5 >> 1, -1 >> 100, 1 >> 100, (2 ** 100) >> 98)
print(-1 << 3, 0 << 1000, 3 << 64)
check(lambda: 1 << -1)
check(lambda: 1 >> -1)
check(lambda: 1 & 1.0)
check(lambda: 1 << 2.0)
check(lambda: ~1.0)

for n in [0, 1, 2, 7, 8, 255, 256, -1, -128, 2 ** 64, -(2 ** 64)]:
    print(n, n.bit_length(), n.bit_count())

print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 2).__name__)
print(~True, ~False)
print(bin(0b1010 & 0b0110), hex(0xff ^ 0x0f), oct(0o17 | 0o20))
