# bytes methods mirror str methods
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b"xxhixx".strip(b"x"), b.upper(), b.lower(), b.swapcase(), b.title())
print(b.split(), b"a,b,,c".split(b","), b"a,b,c".rsplit(b",", 1), b"a\nb\r\nc".splitlines(), b"ab".split(b"ab"))
print(b.find(b"o"), b.rfind(b"o"), b.find(111), b.index(b"W"), b.count(b"l"), b.count(108), b.startswith(b"  H"), b.endswith((b"x", b"  ")))
print(b"a-b".replace(b"-", b"+"), b"k=v".partition(b"="), b"a.b.c".rpartition(b"."), b"ab".center(6, b"*"),
      b"ab".ljust(4, b"."), b"ab".rjust(4), b"7".zfill(3), b"a\tb".expandtabs(4))
print(b"abc".isalpha(), b"123".isdigit(), b"ab1".isalnum(), b" \t".isspace(), b"AB".isupper(), b"ab".islower(),
      b"Ab Cd".istitle(), b"\x80".isascii(), b"".isalpha(), b"hello world".capitalize())
print(b"prefix-x".removeprefix(b"prefix-"), b"x.py".removesuffix(b".py"))
table = bytes.maketrans(b"abc", b"xyz")
print(len(table), b"aabbcc".translate(table), b"hello".translate(None, b"l"), b"abc".translate(table, b"a"))
print(b"%s=%d" % (b"x", 5), b"%5s|%-5s|" % (b"ab", b"cd"), b"%c%c" % (65, b"B"), b"%x %r" % (255, "é"), b"%b" % b"raw")
print(b"abc"[1:].upper(), bytes(b"x").join([b"1", b"2", b"3"]))
check(lambda: b"a".split(b""))
check(lambda: b"abc".find("b"))
check(lambda: b"abc".replace("a", "b"))
check(lambda: b"a".center(3, "*"))
check(lambda: b"%s" % "str")
check(lambda: b"%d" % b"1")
check(lambda: b"abc".index(b"z"))
check(lambda: bytes.maketrans(b"ab", b"c"))
check(lambda: b"a".startswith("a"))
check(lambda: b"abc".count(256))
