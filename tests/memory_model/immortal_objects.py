# objects that are immortal in CPython 3.12 report refcount 4294967295
import sys

IMMORTAL = 2 ** 32 - 1
def kind(o):
    rc = sys.getrefcount(o)
    return "immortal" if rc == IMMORTAL else "mortal"

print(sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
print(sys.getrefcount(...), sys.getrefcount(NotImplemented))
for n in [-6, -5, -1, 0, 1, 100, 255, 256, 257, 1000]:
    v = int(str(n))     # computed at run time, not a code constant
    print(n, kind(v))
print("empty tuple", kind(()), "empty str", kind(""), "empty bytes", kind(b""))
print("empty frozenset", kind(frozenset()), "empty list", kind([]), "empty dict", kind({}))
for ch in ["a", "Z", "\x00", "\xe9", "\xff", "\u0100", "ab"]:
    s = "".join([ch])
    print(repr(ch), kind(s))
for b in [b"a", b"\xff", b"ab"]:
    v = bytes(list(b))
    print(repr(b), kind(v))
for t in [int, str, list, dict, type, object, tuple, float, bool, type(None)]:
    print(t.__name__, kind(t))
print("float", kind(float("1.5")), "complex", kind(complex(1, 2)))
print("identifier constant", kind("hello_world_identifier"))

# refcount of immortal objects doesn't change when references are added
before = sys.getrefcount(None)
refs = [None] * 1000
print(sys.getrefcount(None) == before)
small = 7
many = [small] * 100
print(sys.getrefcount(small))

class C:
    pass
print("user class", kind(C), "instance", kind(C()))
