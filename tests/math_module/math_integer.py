# factorial, gcd, lcm, comb, perm, prod
import math
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

print([math.factorial(n) for n in range(11)], math.factorial(30), len(str(math.factorial(500))))
check(lambda: math.factorial(-1))
check(lambda: math.factorial(5.0))
check(lambda: math.factorial(5.5))
check(lambda: math.factorial("5"))
check(lambda: math.factorial(True))
print(math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 5), math.gcd(0, 0), math.gcd(), math.gcd(7), math.gcd(12, 18, 27), math.gcd(2 ** 100, 6 ** 50))
print(math.lcm(4, 6), math.lcm(-4, 6), math.lcm(0, 5), math.lcm(), math.lcm(3), math.lcm(2, 3, 4), math.lcm(2 ** 40, 3 ** 20))
check(lambda: math.gcd(1.0, 2))
check(lambda: math.lcm(1, "2"))
print(math.comb(5, 2), math.comb(10, 0), math.comb(10, 10), math.comb(3, 5), math.comb(50, 25), math.comb(100, 3))
print(math.perm(5, 2), math.perm(5), math.perm(5, 0), math.perm(3, 5), math.perm(20, 10), math.perm(0))
check(lambda: math.comb(-1, 2))
check(lambda: math.comb(5, -2))
check(lambda: math.comb(5.0, 2))
check(lambda: math.perm(-5, 2))
check(lambda: math.perm(5, -1))
check(lambda: math.comb(5))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([], start=5), math.prod([2, 0.5]), math.prod(range(1, 11)), math.prod([1j, 1j]), math.prod([2], start=3))
print(math.prod([[1]], start=1) if False else math.prod(x for x in [3, 3]), math.prod([True, True]))
check(lambda: math.prod(5))
check(lambda: math.prod(["a", "b"]))
check(lambda: math.prod([2], 3))
