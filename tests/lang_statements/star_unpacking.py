# starred expressions in literals, calls, returns and targets
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

a, b = [1, 2], (3, 4)
print([*a, *b], (*a, *b), {*a, *b} == {1, 2, 3, 4}, [*"hi", *range(2)], (*a,), [*[], *()])
d1, d2 = {"x": 1}, {"y": 2, "x": 10}
print({**d1, **d2}, {**d2, **d1}, {"z": 0, **d1}, {**{}}, dict(**d1, w=5))
def f(*args, **kwargs):
    return args, kwargs
print(f(*a, *b), f(0, *a, 5, *b), f(**d1, **{"q": 1}), f(*a, k=1, **{"m": 2}), f(*(), **{}))
def ret():
    return *a, *b
print(ret())
def gen():
    yield *a, 0
print(list(gen()))
for x, *rest in [(1, 2, 3), (4,)]:
    print(x, rest)
[first, *middle, last] = range(6)
print(first, middle, last)
*all_of_them, = "abc"
print(all_of_them)
print(*[1, 2], sep="-")
check(lambda: f(*1))
check(lambda: f(**[1]))
check(lambda: f(**{1: 2}))
check(lambda: [*None])
check(lambda: {**[1, 2]})
check(lambda: f(**{"a": 1}, **{"a": 2}))
check(lambda: f(*a, **d1, **d1))
check(lambda: exec("*x = [1]"))
check(lambda: exec("print(*)"))
check(lambda: exec("a = *b"))
check(lambda: exec("a, *b, *c = 1, 2, 3"))
# unpacking arbitrary iterables
print([*iter([7, 8])], [*{"k": 1}], [*{"k": 1}.items()], (*(x * x for x in range(3)),))
class Pair:
    def __iter__(self):
        yield "left"
        yield "right"
l, r = Pair()
print(l, r, [*Pair()], max(*Pair()))
class Mapping:
    def keys(self): return ["a"]
    def __getitem__(self, k): return k * 3
print(f(**Mapping()), {**Mapping()})
