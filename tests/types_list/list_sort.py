# sorting: key, reverse, stability, sorted() vs list.sort
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "fig"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))

# stability: equal keys keep original order, also with reverse=True
records = [("a", 2), ("b", 1), ("c", 2), ("d", 1), ("e", 2)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
# multi-pass sort
by_name_desc = sorted(records, key=lambda r: r[0], reverse=True)
print(sorted(by_name_desc, key=lambda r: r[1]))

nums = [3, -1, 4, -1, 5, -9, 2, 6]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, reverse=True), sorted(nums, key=lambda x: -x))
l = nums[:]
r = l.sort(key=abs, reverse=True)
print(r, l)
print(sorted("hello"), sorted({3: "a", 1: "b"}), sorted((2.5, 1, True)), sorted([[2, 1], [1, 2], [1]]))
print(sorted([]), sorted([1]), sorted(range(5, 0, -1)))
print(sorted([0.0, -0.0, 0]), sorted([-0.0, 0.0]))

# key called exactly once per element
calls = []
def key(v):
    calls.append(v)
    return -v
print(sorted([1, 3, 2], key=key), calls)

# errors
check(lambda: sorted([1, "a"]))
check(lambda: sorted([1, 2], key=5))
check(lambda: sorted([1, 2], key=lambda a, b: 0))
check(lambda: sorted([{1}, {2}, {1, 2}]))
check(lambda: sorted([{}, {}]))
check(lambda: sorted([None, 1]))
check(lambda: sorted([1j, 2j]))
check(lambda: sorted(5))
check(lambda: sorted())
check(lambda: sorted([], reverse="x"))
check(lambda: sorted([], cmp=None))

# mutating a list during sort is detected
def mutate(v):
    victim.append(v)
    return v
victim = [3, 2, 1]
check(lambda: victim.sort(key=mutate))

# sort of objects with __lt__ only
class V:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"V{self.v}"
print(sorted([V(3), V(1), V(2)]), max([V(3), V(1)], key=lambda x: x.v), min(V(3), V(1)))
