import sys
for obj in [0, 1, -1, True, 2 ** 30 - 1, 2 ** 30, 2 ** 60, 2 ** 100, 1.0,
            "", "a", "ab", "x" * 100, "é" * 2, "€", "😀", b"", b"a",
            [], [1], list(range(10)), (), (1,), (1, 2), tuple(range(10)),
            {}, {1: 2}, range(10), None]:
    print(type(obj).__name__, sys.getsizeof(obj))
lst = []
sizes = []
for i in range(20):
    lst.append(i)
    sizes.append(sys.getsizeof(lst))
print(sizes)
print(sys.getsizeof([1, 2, 3]))
d = {}
dsizes = []
for i in range(12):
    d[i] = i
    dsizes.append(sys.getsizeof(d))
print(dsizes)
