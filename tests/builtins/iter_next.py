# iter (both forms) and next
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

it = iter([1, 2])
print(type(it).__name__, next(it), next(it), next(it, "end"), next(it, None))
check(lambda: next(it))
for obj in ["ab", (1,), {"k": 1}, {5}, range(2), b"x", bytearray(b"y"), {"a": 1}.items(), reversed([1])]:
    i = iter(obj)
    print(type(i).__name__, list(i), iter(i) is i)

# sentinel form: call until the sentinel is returned
data = [3, 2, 1, 0, 5]
def pop_front():
    return data.pop(0)
print(list(iter(pop_front, 0)), data)
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
ci = iter(tick, 4)
print(type(ci).__name__, list(ci), list(ci))
def raising():
    raise StopIteration
print(list(iter(raising, 1)))
check(lambda: iter(5, 1))
check(lambda: iter([1], 1))
check(lambda: iter())
check(lambda: iter(1, 2, 3))
check(lambda: iter(5))
check(lambda: next([1]))
check(lambda: next(5))
check(lambda: next())
check(lambda: next(iter([]), 1, 2))

class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration("done")
        self.n -= 1
        return self.n
cd = Countdown(3)
print(next(cd), list(cd), next(cd, "dflt"))
try:
    next(cd)
except StopIteration as e:
    print("StopIteration args:", e.args)

class OnlyNext:
    def __next__(self): return 1
check(lambda: iter(OnlyNext()))
print(next(OnlyNext()))

# iterator exhaustion is permanent for list iterators even if list grows
lst = [1]
li = iter(lst)
print(list(li))
lst.append(2)
print(list(li))
# __length_hint__ of iterators
li2 = iter([1, 2, 3])
next(li2)
print(li2.__length_hint__(), iter(range(10)).__length_hint__())
