# bin, hex, oct, chr, ord, ascii
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

for n in [0, 1, 10, -10, 255, 2 ** 40, -(2 ** 65), True]:
    print(bin(n), hex(n), oct(n))
class I:
    def __index__(self): return 42
print(bin(I()), hex(I()), oct(I()))
for f in (bin, hex, oct):
    check(lambda: f(1.5))
    check(lambda: f("7"))
    check(lambda: f())
print(chr(0x41), chr(0xe9), chr(0x20ac), chr(0x1f600), repr(chr(0)), repr(chr(0x10ffff)), chr(I()))
print(ord("A"), ord("é"), ord("€"), ord("😀"), ord(b"A"), ord(bytearray(b"z")), ord("\x00"))
check(lambda: chr(-1))
check(lambda: chr(0x110000))
check(lambda: chr(1.0))
check(lambda: chr("a"))
check(lambda: chr(2 ** 100))
check(lambda: ord(""))
check(lambda: ord("ab"))
check(lambda: ord(b"ab"))
check(lambda: ord(1))
check(lambda: ord(None))
print(ascii("plain"), ascii("é"), ascii("€"), ascii("😀"), ascii("\n\t"), ascii(["é", 1]), ascii({"ü": b"\xff"}))
print(ascii(1.5), ascii(None), ascii("'"), ascii('"'), ascii("'\""), ascii("\x7f\x80\xff\u0100"))
class R:
    def __repr__(self): return "Répr"
print(ascii(R()), repr(R()))
check(lambda: ascii())
