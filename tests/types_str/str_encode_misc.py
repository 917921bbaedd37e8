# encode, ord/chr, str() constructor, repr escaping, concatenation
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

for s in ["abc", "é", "€", "😀", "a\x00b"]:
    print(repr(s), s.encode(), s.encode("utf-8"), s.encode("latin-1", "replace"),
          s.encode("ascii", "ignore"), s.encode("ascii", "backslashreplace"), s.encode("ascii", "xmlcharrefreplace"))
check(lambda: "é".encode("ascii"))
check(lambda: "😀".encode("latin-1"))
check(lambda: "x".encode("no-such-codec"))
check(lambda: "\ud800".encode())
print("\ud800".encode("utf-8", "surrogatepass"), "a".encode("utf-16-le"), "a".encode("utf-32-be"))
print(str(b"abc"), str(b"abc", "ascii"), str(b"\xc3\xa9", "utf-8"), str(b"\xff", "utf-8", "replace"),
      str(bytearray(b"xy"), "ascii"), str(), str(None), str(1.5), str([1, "a"]))
check(lambda: str(b"\xff", "utf-8"))
check(lambda: str(1, "utf-8"))
check(lambda: str("a", "utf-8"))
print(repr("a'b"), repr('a"b'), repr("a'\"b"), repr("\n\t\r\\"), repr("\x07\x1b\x7f\x80\xa0"),
      repr("\u200b\u2028é€😀"), repr("\ud800"), ascii("é€😀\n"))
print(ord("a"), ord("€"), ord("😀"), chr(97), chr(8364), chr(128512), repr(chr(0)), chr(0x10ffff) == "\U0010ffff")
check(lambda: ord("ab"))
check(lambda: ord(""))
check(lambda: ord(97))
check(lambda: chr(0x110000))
check(lambda: chr("a"))
check(lambda: "a" + 1)
check(lambda: 1 + "a")
check(lambda: "a" + None)
print("con" "cat" "enation", "a" + "b" * 2, "-" * 10)
print("%s" % "x", "{}".format("y"), f"{'z'}", "x".__add__("y"), "ab".__mul__(2), "ab".__contains__("a"))
print(hash("") == 0, "abc".__len__(), str.__name__, "".__class__.__name__, type("x") is str)
