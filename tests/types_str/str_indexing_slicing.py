# string indexing, slicing, iteration, immutability
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

s = "Python"
print(s[0], s[-1], s[5], s[-6], s[1:4], s[:2], s[2:], s[-3:], s[:-3], s[::2], s[::-1], s[1::2])
print(repr(s[10:]), repr(s[4:2]), s[-100:100], s[::-2], s[5:0:-1], s[-1:-7:-1], s[0:6:3])
print(s[slice(1, 3)], s[slice(None, None, -1)], s[True], len(s), list(s), tuple(s[:2]))
check(lambda: s[6])
check(lambda: s[-7])
check(lambda: s["1"])
check(lambda: s[1.0])
check(lambda: s[::0])
check(lambda: s[None])
def assign():
    s[0] = "J"
check(assign)
print("J" + s[1:], s.replace("P", "J"))
for i, ch in enumerate("héllo"):
    print(i, ch, ord(ch), end="; ")
print()
print("😀x"[0], len("😀x"), "😀x"[1], "aé😀"[::-1])
print(min(s), max(s), sorted(s), "".join(reversed(s)), s * 2, s + "!")
print("abc" < "abd", "abc" < "ab", "Z" < "a", "" < "a", "a" == "a", "é" > "z")
big = "x" * 1000
print(len(big), big[500:503], big.count("x"))
class Idx:
    def __index__(self): return 2
print(s[Idx()], s[Idx():])
