# str/repr/bin/hex/oct/format of ints
for n in [0, 1, -1, 255, -255, 2 ** 64, -(2 ** 100), 1234567890123]:
    print(str(n), repr(n), bin(n), oct(n), hex(n))

print(format(255, "b"), format(255, "o"), format(255, "x"), format(255, "X"), format(255, "#x"),
      format(255, "#o"), format(255, "#b"), format(255, "d"), format(255, "n"))
print(format(1234567, ","), format(1234567, "_"), format(1234567, "_x"), format(-1234567, ",d"))
print(format(42, "10"), format(42, "<10"), format(42, "^10"), format(42, ">10"), format(-42, "=10"))
print(format(42, "+"), format(42, " "), format(-42, "+"), format(42, "010"), format(-42, "010"))
print(format(42, "*^9"), format(42, "08b"), format(42, "#010x"), format(42, "c"), format(65, "c"))
print(format(42, "e"), format(42, ".2f"), format(42, "%"), format(42, "g"), format(12345678, ".3g"))
print(f"{7:03}", f"{7:+05}", f"{-7:05}", f"{2**40:,}", f"{255:#_b}")

def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))
check(lambda: format(1, "s"))
check(lambda: format(1, ".2"))
check(lambda: format(1, ",c"))
check(lambda: format(-1, "c"))
check(lambda: format(1, "+c"))
check(lambda: format(1, "z"))
check(lambda: format(1, ",_"))
check(lambda: format(1, "=="))
check(lambda: bin(1.0))
check(lambda: hex("1"))
check(lambda: oct(None))
check(lambda: str(10 ** 5000))

import sys
print(sys.get_int_max_str_digits())
print(len(str(10 ** 4299)))
print(int.__repr__(True), str(True), repr(False))
