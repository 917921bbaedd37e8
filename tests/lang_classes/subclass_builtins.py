# subclassing list, dict, int, str, Exception
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), type(s).__name__, isinstance(s, list))
print(type(s + [4]).__name__, type(s[:1]).__name__, type(s * 2).__name__)
s.extra = "attr"
print(s.extra, s == [1, 2, 3])
check(lambda: Stack().peek())

class LoudList(list):
    def append(self, x):
        print("append", x)
        super().append(x)
ll = LoudList()
ll.append(1)
ll.extend([2])      # extend does not call append
print(ll)

class DefaultDict(dict):
    def __missing__(self, key):
        print("missing", key)
        self[key] = v = len(key)
        return v
dd = DefaultDict(a=1)
print(dd["a"], dd["abc"], dd, dd.get("zz"), "zz" in dd)

class LowerDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
ld = LowerDict()
ld["KEY"] = 1
ld.update(OTHER=2)     # update bypasses __setitem__
print(ld)

class Meters(int):
    def __repr__(self):
        return f"{int(self)}m"
    def __add__(self, o):
        return Meters(int(self) + int(o))
m = Meters(5)
print(m, repr(m), m + 3, type(m + 3).__name__, m * 2, type(m * 2).__name__, str(m))
print(m == 5, hash(m) == hash(5), isinstance(m, int), bin(m), f"{m:03d}")

class Upper(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
    def shout(self):
        return self + "!"
u = Upper("hey")
print(u, u.shout(), type(u).__name__, type(u.lower()).__name__, u == "HEY", len(u))

class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise AppError(404, "not found")
except Exception as e:
    print(type(e).__name__, e.code, e, e.args, repr(e))

class NoSuper(Exception):
    def __init__(self, x):
        self.x = x
e = NoSuper(5)
print(e.args, str(e), repr(e))

class WithStr(ValueError):
    def __str__(self):
        return "custom str"
check(lambda: (_ for _ in ()).throw(WithStr("a")))

class TupleSub(tuple):
    pass
ts = TupleSub((1, 2))
print(ts, type(ts[:1]).__name__, type(ts + ts).__name__)

class FloatSub(float):
    pass
print(FloatSub(1.5) + 1, type(FloatSub(1.5) + 1).__name__, repr(FloatSub(2)))
