import copy

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

# immutables come back as they are
for v in [1, 2.5, 'abc', (1, 2), b'xy', None, frozenset({1}), range(3), len, int, ...]:
    print(copy.copy(v) is v, end=' ')
print()
print(copy.deepcopy((1, "a")) is not None, copy.deepcopy(500) == 500)
t = (1, [2])
print(copy.deepcopy(t) is t, copy.deepcopy(t) == t, copy.deepcopy(t)[1] is t[1])

# containers
l = [1, [2, 3], {'k': [4]}]
s = copy.copy(l)
d = copy.deepcopy(l)
print(s == l, s is l, s[1] is l[1], d == l, d[1] is l[1], d[2]['k'] is l[2]['k'])
dd = {'a': [1], 'b': {2, 3}}
print(copy.copy(dd)['a'] is dd['a'], copy.deepcopy(dd)['a'] is dd['a'], copy.deepcopy(dd))
print(copy.copy({1, 2}), copy.deepcopy({1, 2}), copy.deepcopy(frozenset([(1, 2)])), copy.copy(bytearray(b'ab')), copy.deepcopy(bytearray(b'z')))

# shared and recursive structures
shared = [1]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is shared)
rec = [1]
rec.append(rec)
rc = copy.deepcopy(rec)
print(rc[1] is rc, rc is not rec, rc)
rd = {}
rd['self'] = rd
print(copy.deepcopy(rd)['self'] is not rd)
rt = ([],)
rt[0].append(rt)
rtc = copy.deepcopy(rt)
print(rtc[0][0] is rtc, rtc is not rt)

# plain instances
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f'Point({self.x!r}, {self.y!r})'
p = Point(1, [2])
pc = copy.copy(p)
pd = copy.deepcopy(p)
print(pc, pd, pc is p, pc.y is p.y, pd.y is p.y, type(pd).__name__)
class Node:
    def __init__(self):
        self.children = []
        self.parent = None
root = Node()
child = Node()
child.parent = root
root.children.append(child)
rc = copy.deepcopy(root)
print(rc.children[0].parent is rc, rc.children[0] is not child)

# slots
class Slotted:
    __slots__ = ('a', 'b', '__c')
    def __init__(self):
        self.a = [1]
        self.__c = 3
class SlottedSub(Slotted):
    __slots__ = ('d',)
s = SlottedSub()
s.d = 'dd'
sc = copy.copy(s)
sd = copy.deepcopy(s)
print(sc.a is s.a, sd.a is s.a, sd.a, sd.d, hasattr(sd, 'b'), sd._Slotted__c)
class Both:
    __slots__ = ('x', '__dict__')
b = Both()
b.x = 1
b.y = 2
bc = copy.copy(b)
print(bc.x, bc.y)

# __copy__ / __deepcopy__
class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        return Custom('copied ' + str(self.v))
    def __deepcopy__(self, memo):
        return Custom('deep ' + str(self.v))
print(copy.copy(Custom(1)).v, copy.deepcopy(Custom(2)).v, copy.deepcopy([Custom(3)])[0].v)

# __getstate__ / __setstate__ / __reduce__ / __getnewargs__
class State:
    def __init__(self):
        self.a = 1
        self.cache = 'big'
    def __getstate__(self):
        st = self.__dict__.copy()
        del st['cache']
        return st
    def __setstate__(self, st):
        self.__dict__.update(st)
        self.cache = 'rebuilt'
sc = copy.copy(State())
print(sc.a, sc.cache)
class Reduced:
    def __init__(self, a, b=0):
        self.a, self.b = a, b
    def __reduce__(self):
        return (Reduced, (self.a, self.b + 1))
r2 = copy.deepcopy(Reduced(5))
print(r2.a, r2.b)
class Str:
    def __reduce__(self):
        return 'global_name'
x = Str()
print(copy.copy(x) is x)
class MyInt(int):
    pass
mi = MyInt(7)
mi.tag = 't'
mc = copy.copy(mi)
print(mc, type(mc).__name__, mc.tag, mc is mi)
class NewArgs:
    def __new__(cls, n):
        self = super().__new__(cls)
        self.n = n
        return self
    def __getnewargs__(self):
        return (self.n * 10,)
print(copy.copy(NewArgs(4)).n)
class KwOnly:
    def __new__(cls, *, k):
        self = super().__new__(cls)
        self.k = k
        return self
    def __getnewargs_ex__(self):
        return ((), {'k': self.k})
print(copy.deepcopy(KwOnly(k=9)).k)

# subclasses of list and dict keep their items and attributes
class MyList(list):
    pass
ml = MyList([1, [2]])
ml.attr = 'a'
mlc = copy.deepcopy(ml)
print(mlc, type(mlc).__name__, mlc.attr, mlc[1] is ml[1])
class MyDict(dict):
    pass
md = MyDict(a=[1])
mdc = copy.copy(md)
print(mdc, type(mdc).__name__, mdc['a'] is md['a'])

# methods, functions, classes
class K:
    def m(self):
        return self
k = K()
bm = copy.deepcopy(k.m)
print(bm() is not k, type(bm()).__name__, copy.deepcopy(K) is K, copy.copy(k.m) == k.m)
def f():
    pass
print(copy.deepcopy(f) is f, copy.copy([f])[0] is f)

# memo argument
memo = {}
a = [1]
c1 = copy.deepcopy(a, memo)
print(memo[id(a)] is c1, copy.deepcopy(a, memo) is c1)

# errors
def gen():
    yield 1
show(lambda: copy.copy(gen()))
show(lambda: type(copy.copy(Point(0, 0))).__name__)
print(copy.Error is copy.error, issubclass(copy.Error, Exception), copy.__all__)
import copyreg
class Reg:
    def __init__(self, v):
        self.v = v
copyreg.pickle(Reg, lambda r: (Reg, (r.v * 2,)))
print(copy.copy(Reg(3)).v)
show(lambda: copyreg.pickle(Reg, 5))
