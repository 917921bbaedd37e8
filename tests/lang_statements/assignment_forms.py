# chained, starred, tuple, augmented assignment
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

a = b = c = []
a.append(1)
print(a, b, c, a is c)

x, y = 1, 2
x, y = y, x
print(x, y)

first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *mid, tail = range(5)
print(head, mid, tail)
one, *empty, two = (1, 2)
print(one, empty, two)
(p, q), r = (1, 2), 3
print(p, q, r)
[s, [t, *u]] = [1, [2, 3, 4]]
print(s, t, u)
k, = [5]
print(k)
(m,) = "z"
print(m)

# assignment to attributes and subscripts via unpacking
class O: pass
o = O()
lst = [0, 0, 0]
o.x, lst[1], lst[2:] = "a", "b", ["c", "d"]
print(o.x, lst)

# chained assignment order: targets assigned left to right
order = []
class Rec(dict):
    def __setitem__(self, k, v):
        order.append(k)
        super().__setitem__(k, v)
rr = Rec()
rr["first"] = rr["second"] = 1
print(order)

# evaluation order of x[i] = i = ...
idx = [0, 0, 0]
i = 0
i = idx[i] = 2
print(i, idx)

# augmented assignment on attributes and subscripts
o.n = 5
o.n += 3
o.n *= 2
print(o.n)
d = {"k": [1]}
d["k"] += [2]
d["k"] *= 2
print(d)
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
v = 10
v -= 3; v //= 2; v **= 3; v %= 10; v <<= 2; v >>= 1; v |= 8; v &= 12; v ^= 5
print(v)
f = 7.5
f /= 2
print(f)
s = "ab"
s *= 3
print(s)

# tuple += creates a new tuple; list += mutates in place
t = (1,)
t0 = t
t += (2,)
print(t, t0, t is t0)
l = [1]
l0 = l
l += [2]
print(l, l is l0)

# the classic: tuple item += fails but mutation happens
tp = ([1],)
def aug_tuple_item():
    tp[0] += [2]
check(aug_tuple_item)
print(tp)

check(lambda: exec("a, *b, *c = [1, 2, 3]"))
check(lambda: exec("x, y = 1"))
check(lambda: exec("*a, b = []"))
check(lambda: exec("a, b = {'k': 1, 'l': 2, 'm': 3}"))
