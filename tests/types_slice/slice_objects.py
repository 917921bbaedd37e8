# slice objects and the __getitem__ protocol
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

s = slice(1, 10, 2)
print(s, repr(s), s.start, s.stop, s.step, slice(5), slice(None), slice(1, 2), slice("a", None, [1]))
print(s.indices(5), s.indices(100), slice(None, None, -1).indices(10), slice(-3, None).indices(10), slice(-100, 100).indices(4))
print(slice(10, -10, -3).indices(6), slice(None, None, 2).indices(0))
check(lambda: slice(None, None, 0).indices(5))
check(lambda: slice(1, 2).indices(-1))
check(lambda: slice("a").indices(3))
check(lambda: slice())
check(lambda: slice(1, 2, 3, 4))
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3), slice(1, 2) < slice(1, 3), slice(0) == slice(None, 0))
try:
    print(hash(slice(1, 2)) == hash(slice(1, 2)))
except TypeError as e:
    print("TypeError:", e)

class Rec:
    def __getitem__(self, key):
        return key
r = Rec()
print(r[1], r[1:2], r[:], r[::], r[1:2:3], r[::-1], r[1, 2], r[1:2, ...], r[:, None], r[()], r[...])
print(r["a":"b"], r[1:2][0] if False else type(r[1:2]).__name__)

data = list(range(10))
evens = slice(0, None, 2)
print(data[evens], "abcdef"[evens], tuple(range(6))[evens], b"abcdef"[evens])
data[evens] = ["x"] * 5
print(data)
del data[slice(1, None, 2)]
print(data)
check(lambda: setattr(s, "start", 5))
print(slice(1, 2, None).step is None)
