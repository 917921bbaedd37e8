# sys.getsizeof of builtin objects (sizes of CPython 3.12 on 64-bit)
import sys
objs = [
    ("int 0", 0), ("int 1", 1), ("int 2**30", 2 ** 30), ("int -2**60", -2 ** 60), ("int 10**100", 10 ** 100),
    ("True", True), ("False", False), ("float", 1.5), ("complex", 1 + 2j), ("None", None),
    ("str ascii 0", ""), ("str ascii 10", "abcdefghij"), ("str latin1", "é" * 3), ("str ucs2", "€" * 3),
    ("str ucs4", "😀" * 3), ("bytes 0", b""), ("bytes 5", b"hello"), ("bytearray 0", bytearray()),
    ("bytearray 5", bytearray(b"hello")), ("tuple 0", ()), ("tuple 3", (1, 2, 3)), ("list 0", []),
    ("list literal 3", [1, 2, 3]), ("set 0", set()), ("set 3", {1, 2, 3}), ("set 10", set(range(10))),
    ("frozenset 3", frozenset([1, 2, 3])), ("dict 0", {}), ("dict 1", {"a": 1}), ("dict 6", dict.fromkeys("abcdef")),
    ("dict int keys", {1: 1, 2: 2}), ("range", range(100)), ("slice", slice(1, 2)),
    ("Ellipsis", ...), ("NotImplemented", NotImplemented), ("object()", object()),
]
for name, o in objs:
    print(name, sys.getsizeof(o))

# growth patterns
lst = []
sizes = [sys.getsizeof(lst)]
for i in range(17):
    lst.append(i)
    sizes.append(sys.getsizeof(lst))
print("list append growth:", sizes)
print("list(range(n)):", [sys.getsizeof(list(range(n))) for n in range(6)])
print("[None]*n:", [sys.getsizeof([None] * n) for n in range(6)])
s = set()
ssizes = []
for i in range(20):
    s.add(i)
    ssizes.append(sys.getsizeof(s))
print("set add growth:", ssizes)
print("str lengths:", [sys.getsizeof("x" * n) for n in (0, 1, 2, 7, 8, 100)])
print("int digits:", [sys.getsizeof(2 ** k) for k in (0, 29, 30, 59, 60, 89, 90)])
print("tuple lengths:", [sys.getsizeof(tuple(range(n))) for n in range(5)])
ba = bytearray()
bsizes = []
for i in range(10):
    ba.append(i)
    bsizes.append(sys.getsizeof(ba))
print("bytearray growth:", bsizes)
print("default:", sys.getsizeof(1, "unused default"))
try:
    sys.getsizeof()
except TypeError as e:
    print("TypeError:", e)
class BadSize:
    def __sizeof__(self):
        return -1
try:
    sys.getsizeof(BadSize())
except ValueError as e:
    print("ValueError:", e)
class CustomSize:
    def __sizeof__(self):
        return 100
print("custom __sizeof__ plus GC header:", sys.getsizeof(CustomSize()))
