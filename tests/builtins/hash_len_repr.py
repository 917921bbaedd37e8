# hash (ints/floats/tuples/strings equality only), len, repr
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 2), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(10 ** 20))
print(hash(0.0), hash(-0.0), hash(1.0), hash(1.5), hash(-1.5), hash(0.1), hash(1e300), hash(float("inf")), hash(float("-inf")))
print(hash(True), hash(False), hash(2 ** 64) == hash(2 ** 64 % (2 ** 61 - 1)), hash(-2 ** 64) == -hash(2 ** 64))
print(hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3))), hash(((),)), hash((1.5, -1)))
print(hash("abc") == hash("ab" + "c"), hash(b"abc") == hash(b"abc"), hash(frozenset()) , hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(hash(1) == hash(1.0) == hash(True) == hash(1 + 0j), hash(None) == hash(None), hash(range(3)) == hash(range(3)))
print(hash(1 + 2j), hash(-1j), hash(2 ** 100) == hash(float(2 ** 100)))
check(lambda: hash([]))
check(lambda: hash({}))
check(lambda: hash((1, [])))
check(lambda: hash(bytearray()))
check(lambda: hash(slice(1)))
check(lambda: hash())
check(lambda: hash(1, 2))

print(len(""), len("abc"), len([1, 2]), len(()), len({1: 2}), len({1, 2, 2}), len(range(10)), len(b"xy"), len(range(0, 100, 7)))
print(len("😀é"), len({}.keys()), len(frozenset("aab")), len(bytearray(5)), len(memoryview(b"abc")))
class L:
    def __len__(self): return 7
print(len(L()))
check(lambda: len(5))
check(lambda: len(iter([])))
check(lambda: len(x for x in []))
check(lambda: len())
check(lambda: len("a", "b"))

print(repr(1), repr("a"), repr([1, "a"]), repr(None), repr(1.5), repr(b"x"), repr((1,)), repr(set()), repr({}), repr(range(2)))
class NoRepr:
    pass
print(repr(NoRepr()).startswith("<__main__.NoRepr object at 0x"))
check(lambda: repr())
check(lambda: repr(1, 2))
