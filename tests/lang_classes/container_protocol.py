# __getitem__/__setitem__/__delitem__/__contains__/__iter__/__next__/__len__/__reversed__
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class Grid:
    def __init__(self):
        self.data = {}
    def __getitem__(self, key):
        print("get", key)
        if key not in self.data:
            raise KeyError(key)
        return self.data[key]
    def __setitem__(self, key, v):
        print("set", key, v)
        self.data[key] = v
    def __delitem__(self, key):
        print("del", key)
        del self.data[key]
    def __len__(self):
        return len(self.data)
    def __contains__(self, key):
        return key in self.data

g = Grid()
g[1, 2] = "a"
g["k"] = "b"
print(g[1, 2], len(g), (1, 2) in g, "z" in g, "z" not in g)
del g["k"]
check(lambda: g["k"])
def d(): del g["nothing"]
check(d)
g[0:2] = "slice"
print(g[0:2])
g[::2, ...] = 1
print(list(g.data))

# old-style sequence iteration via __getitem__ and IndexError
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq())
for x in Seq():
    print("it", x)
print(list(reversed([*Seq()])))

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)), 2 in Countdown(5))
it = iter(Countdown(1))
print(next(it))
check(lambda: next(it))
print(next(it, "done"))

class Rev:
    def __len__(self): return 3
    def __getitem__(self, i):
        if not 0 <= i < 3: raise IndexError
        return "abc"[i]
    def __reversed__(self):
        return iter("REV")
print(list(reversed(Rev())), list(Rev()))

class NoIter:
    pass
check(lambda: iter(NoIter()))
check(lambda: NoIter()[0])
def setit(): NoIter()[0] = 1
check(setit)
def delit(): del NoIter()[0]
check(delit)
check(lambda: 1 in NoIter())
check(lambda: reversed(NoIter()))

class BadIter:
    def __iter__(self):
        return 5
check(lambda: iter(BadIter()))
check(lambda: list(BadIter()))
class IterNone:
    __iter__ = None
check(lambda: iter(IterNone()))

class ContainsOnly:
    def __contains__(self, x):
        return x == 1
print(1 in ContainsOnly(), 2 in ContainsOnly())
class ContainsTruthy:
    def __contains__(self, x):
        return [1]
print(0 in ContainsTruthy())
