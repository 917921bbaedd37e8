# integer arithmetic semantics: floor division, modulo sign, power
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (1, 7)]:
    print(a, b, a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))

print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 2, 2 ** -1, (-8) ** -1)
print(10 ** 20, 3 ** 40, -(3 ** 3), -3 ** 2)
print(pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), pow(-2, 3, 5), pow(5, 0, 1))
print(7 // 1, -7 // 1, 7 % 1, 1 // 7, -1 // 7, -1 % 7)
print(abs(-5), abs(0), -0, +5, -(-5))
print(1 + True, True + True, True * 10, False - 1, True / 2)
print(5 / 5, type(5 / 5).__name__, 2 ** 0.5, type(2 ** 2).__name__, type(2 ** -2).__name__)

check(lambda: 1 // 0)
check(lambda: 1 % 0)
check(lambda: 1 / 0)
check(lambda: divmod(5, 0))
check(lambda: 0 ** -1)
check(lambda: pow(2, 3, 0))
check(lambda: pow(2, -1, 4))
check(lambda: pow(2, 3.0, 5))
check(lambda: pow(2.0, 3, 5))
check(lambda: 2 ** (10 ** 10) if False else (-1) ** 0.5)

# comparisons and chained
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, 2 != 2, 10 >= 10, -1 < 0 <= 0)
print(1 == True, 0 == False, 2 == True)

# large values
big = 2 ** 100
print(big, big + 1, big * big, big // 3, big % 97, -big // 7, divmod(-big, 10**9))
print(big == 2 ** 100, big > 2 ** 99, big - big, (big + 1) ** 2 - big ** 2)
print(123456789 * 987654321, 99999999999 * 99999999999)
print(-(2 ** 63), 2 ** 63 - 1, 2 ** 64, -(2 ** 64) + 1)
print((10 ** 30) // (10 ** 15), (10 ** 30) % 7, 10 ** 30 / 10 ** 15)
