# range objects
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

for r in [range(5), range(2, 8), range(0, 10, 3), range(10, 0, -2), range(5, 5), range(5, 0), range(-3, 3),
          range(0, -10, -3), range(2 ** 64, 2 ** 64 + 3)]:
    print(repr(r), list(r), len(r), r.start, r.stop, r.step, bool(r))
r = range(0, 20, 3)
print(r[0], r[-1], r[2], r[1:4], r[::-1], r[::2], r[-2:], list(r[1:4]), r[100:])
print(6 in r, 7 in r, 18 in r, 21 in r, -3 in r, 6.0 in r, "a" in r)
print(r.index(9), r.count(9), r.count(10), range(3) == range(0, 3), range(0) == range(5, 2), range(0, 3, 2) == range(0, 4, 2))
print(hash(range(3)) == hash(range(0, 3, 1)), list(reversed(range(4))), sum(range(101)), max(range(7)), min(range(3, 9)))
print(range(1, 10, 2)[1:3], range(10)[::-3], range(3)[True])
print(len(range(0, 2 ** 100, 2 ** 90)), range(2 ** 100)[-1], 2 ** 99 in range(2 ** 100))
check(lambda: range())
check(lambda: range(1, 2, 3, 4))
check(lambda: range(0, 10, 0))
check(lambda: range(1.5))
check(lambda: range("3"))
check(lambda: range(3)[3])
check(lambda: range(3)[-4])
check(lambda: range(3)["a"])
check(lambda: range(3).index(5))
check(lambda: len(range(2 ** 64)))
check(lambda: range(3) < range(4))
check(lambda: range(x=3))
def assign():
    range(3)[0] = 1
check(assign)
it = iter(range(3))
print(next(it), next(it), list(it), list(it))
print(type(iter(range(3))).__name__, type(range(3)).__name__)
class Idx:
    def __index__(self): return 4
print(list(range(Idx())), range(Idx())[Idx() - 2] if False else range(10)[Idx()])
