# bytes: construction, repr, indexing, slicing, operators
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

for args in [(), (b"abc",), (3,), ([65, 66, 0, 255],), ("é", "utf-8"), ("abc", "ascii"), (bytearray(b"xy"),),
             (range(3),), (memoryview(b"mv"),), ((x for x in [1, 2]),), ("é", "latin-1"), ("ab", "utf-16-le")]:
    check(lambda: bytes(*args))
for args in [("abc",), ([256],), ([-1],), (-1,), (["a"],), (1.5,), (None,), ("a", "nope"), (b"a", "utf-8"), ("é", "ascii")]:
    check(lambda: bytes(*args))

b = b"Hello\x00\xff\n\t'\""
print(repr(b), b[0], b[-1], b[1:3], b[::-1], len(b), list(b[:3]), b[5:6])
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\\"), repr(b"\x7f\x80"), repr(bytes(range(0, 256, 37))))
print(b"ab" + b"cd", b"ab" * 3, 3 * b"-", b"a" in b"cat", 97 in b"cat", b"" in b"x", b"abc" < b"abd", b"ab" == b"ab")
print(b"abc" == "abc", b"abc" != "abc", hash(b"ab") == hash(b"ab"), bytes(2) == b"\x00\x00")
check(lambda: b[100])
check(lambda: b"a" + "b")
check(lambda: "b" + b"a")
check(lambda: b"a" < "b")
check(lambda: 256 in b"a")
check(lambda: "a" in b"a")
half = 0.5
check(lambda: b"ab"[half])
def assign():
    bb = b"ab"
    bb[0] = 1
check(assign)
print(b"".join([b"a", bytearray(b"b"), memoryview(b"c")]), b", ".join([]), type(b"x"[0]).__name__)
check(lambda: b"".join([b"a", "b"]))
check(lambda: b"".join([1]))
for x in b"hi":
    print(x, end=" ")
print()
print(bytes.fromhex("de ad BE EF"), bytes.fromhex(""), b"\xde\xad".hex(), b"abc".hex(":"), b"abcdef".hex("-", 2))
check(lambda: bytes.fromhex("abc"))
check(lambda: bytes.fromhex("zz"))
print(b"abc".decode(), b"\xc3\xa9".decode("utf-8"), b"\xff".decode("latin-1"), b"\xff".decode("utf-8", "replace"),
      b"\xff".decode("utf-8", "ignore"), b"a\xffb".decode("ascii", "backslashreplace"))
check(lambda: b"\xff".decode())
check(lambda: b"\xc3".decode("utf-8"))
check(lambda: b"a".decode("nope"))
