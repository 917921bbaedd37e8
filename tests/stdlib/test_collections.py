import collections
from collections import (namedtuple, deque, Counter, OrderedDict, defaultdict,
                         ChainMap, UserDict, UserList, UserString)
import collections.abc
from collections.abc import Mapping, Sequence, MutableMapping

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(collections.__all__)
print(collections.abc is collections.abc.Mapping.__module__ and None, collections.abc.__name__)

# namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(11, y=22)
print(p, p.x + p.y, p[0], tuple(p), len(p), p == (11, 22), hash(p) == hash((11, 22)))
print(Point._fields, Point._field_defaults, Point.__doc__, Point.x.__doc__, Point.__module__)
print(Point._make([1, 2]), p._replace(x=5), p._asdict(), Point.__match_args__)
print(Point.__new__.__doc__, Point.__new__.__qualname__, Point._make.__qualname__)
x, y = p
print(x, y, isinstance(p, tuple), type(p).__name__, p.__getnewargs__())
show(lambda: Point(1))
show(lambda: Point(1, 2, 3))
show(lambda: Point(1, 2, z=3))
show(lambda: Point._make([1]))
show(lambda: p._replace(z=1))
def setx():
    p.x = 5
show(setx)
show(lambda: Point.x.__get__(5))
P3 = namedtuple('P3', 'a, b c', defaults=[10, 20])
print(P3(1), P3(1, 2, 3), P3._field_defaults, P3.__new__.__defaults__)
R = namedtuple('R', ['abc', 'def', 'abc', '_x', '1y', 'ok'], rename=True)
print(R._fields)
show(lambda: namedtuple('Bad', ['a', 'a']))
show(lambda: namedtuple('Bad', ['_a']))
show(lambda: namedtuple('Bad', ['def']))
show(lambda: namedtuple('Bad', ['1a']))
show(lambda: namedtuple('class', ['a']))
show(lambda: namedtuple('Bad', 'a b', defaults=[1, 2, 3]))
M = namedtuple('M', 'v', module='mymod')
print(M.__module__, M(1), M.__doc__, M._make((5,)))
E = namedtuple('E', '')
print(E(), E._fields, repr(E()))
class Sub(Point):
    __slots__ = ()
    @property
    def hyp(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
print(Sub(3, 4), Sub(3, 4).hyp)
print(Point(x=[1], y={'a': 'b'}))
match Point(1, 2):
    case Point(x, y=2):
        print('matched', x)

# deque
d = deque('ghi')
d.append('j')
d.appendleft('f')
print(d, len(d), d[0], d[-1], list(reversed(d)))
print(d.pop(), d.popleft(), d)
d.extend('jkl')
d.extendleft('abc')
print(d)
d.rotate(1)
print(d)
d.rotate(-2)
print(d)
d.rotate(0)
d.rotate(11)
print(d, d.count('h'), d.index('h'), 'k' in d, 'z' in d)
d.remove('k')
d.insert(2, 'X')
d.reverse()
print(d, d.maxlen)
d2 = d.copy()
d.clear()
print(d, d2, bool(d), bool(d2))
b = deque(range(10), maxlen=3)
print(b, b.maxlen)
b.append(10)
b.appendleft(-1)
print(b)
b.extend([20, 21])
print(b)
b.extendleft([30, 31])
print(b)
show(lambda: deque().pop())
show(lambda: deque().popleft())
show(lambda: deque([1]).index(5))
show(lambda: deque([1]).remove(5))
show(lambda: deque([1], 1).insert(0, 2))
show(lambda: deque([1])[3])
show(lambda: deque([1])['a'])
show(lambda: deque(maxlen=-1))
show(lambda: deque([1]) + [1])
show(lambda: hash(deque()))
show(lambda: deque([1, 2, 3]).index(3, 0, 2))
show(lambda: deque(5))
def mutate():
    dd = deque([1, 2, 3])
    for v in dd:
        dd.append(v)
show(mutate)
def setmaxlen():
    deque().maxlen = 2
show(setmaxlen)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) == [1], deque([2]) >= deque([1, 5]))
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2, 2 * deque([0]), deque([1], 2) * 3)
dq = deque([1, 2])
dq += [3]
dq *= 2
print(dq)
dq[0] = 'first'
del dq[1]
print(dq, dq.index(3, 1), dq.index(3, -3))
rec = deque([1])
rec.append(rec)
print(rec)
print(deque([1, 2, 3], maxlen=2), deque(maxlen=0), repr(deque([], maxlen=5)))
z = deque(maxlen=0)
z.append(1)
print(z)
big = deque(range(1000))
big.rotate(333)
print(big[0], big[-1], big[500], sum(big))
for i in range(600):
    big.popleft()
print(len(big), big[0], big[-1])
print(list(deque(range(100))[i] for i in (0, 63, 64, 65, 99)))
class MyDeque(deque):
    pass
md = MyDeque([1, 2], 5)
print(md, type(md.copy()).__name__)
print(isinstance(deque(), collections.abc.MutableSequence), deque[int])

# Counter
c = Counter('abracadabra')
print(c, c['a'], c['z'], c.most_common(2), c.most_common(0), c.total())
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1).elements()))
c.update('aaz')
c.update({'q': 3})
c.subtract(['a', 'a'])
c.subtract(q=5)
print(c)
c2 = Counter(a=3, b=1)
c3 = Counter(a=1, b=2, d=4)
print(c2 + c3, c2 - c3, c2 | c3, c2 & c3, +Counter(a=-1, b=2), -Counter(a=-1, b=2))
c4 = Counter(a=1)
c4 += Counter(a=2, b=-1)
print(c4)
c4 -= Counter(a=5)
print(c4)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(a=1) < Counter(a=1), Counter() == {})
print(Counter({'x': 2}), Counter(x=2, y=5), Counter(), repr(Counter(a=0)))
del c['zz']
show(lambda: Counter.fromkeys('abc'))
show(lambda: Counter(a=1) + {'a': 1})
print(Counter('aab').copy(), sorted(Counter('hello').items()), Counter(['a', 'b', 'a']).most_common())
cc = Counter({'a': 1.5, 'b': 'x'})
print(cc)
print(Counter('mississippi').most_common(3))

# OrderedDict
od = OrderedDict.fromkeys('abcde')
od.move_to_end('b')
print(''.join(od), od.popitem(), od.popitem(last=False), list(od))
od.move_to_end('d', last=False)
print(od, list(od.keys()), list(od.values()), list(od.items()))
print(od.keys(), od.values(), od.items(), list(reversed(od)), list(reversed(od.items())))
show(lambda: od.move_to_end('zz'))
show(lambda: OrderedDict().popitem())
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1), OrderedDict(a=1, b=2) != OrderedDict(b=2, a=1))
o2 = OrderedDict([('x', 1), ('y', 2)])
o2['z'] = 3
o2.update(w=4)
print(o2, o2 | {'q': 0}, {'q': 0} | o2, o2.pop('x'), o2.setdefault('y', 9), o2.copy())
o2['self'] = o2
print(o2, OrderedDict())
print(isinstance(OrderedDict(), dict), type(OrderedDict().keys()).__name__)

# defaultdict
dd = defaultdict(list)
dd['a'].append(1)
dd['b']
print(dd, dd.default_factory, dict(dd), dd.copy(), isinstance(dd, dict))
show(lambda: defaultdict(None)['x'])
show(lambda: defaultdict(5))
di = defaultdict(int, {'x': 1}, y=2)
di['z'] += 5
print(di, sorted(di.items()))
print(repr(defaultdict()), defaultdict(lambda: 0).default_factory is not None)
dr = defaultdict(list)
dr['me'] = dr
print(dr)
print(defaultdict(int, a=1) | {'b': 2}, type(defaultdict(int) | {}).__name__)
dd.default_factory = set
dd['c'].add(1)
print(dd)
class MyDD(defaultdict):
    pass
print(MyDD(int, {1: 2}))

# ChainMap
base = {'a': 1, 'b': 2}
over = {'b': 3, 'c': 4}
cm = ChainMap(over, base)
print(cm, cm['a'], cm['b'], len(cm), list(cm), sorted(cm.items()), 'c' in cm, cm.get('z', 0))
cm['d'] = 5
print(over, cm.maps[0] is over)
child = cm.new_child({'e': 6})
print(child, child.parents, child['a'])
show(lambda: cm['zz'])
def delmissing():
    del cm['a']
show(delmissing)
show(lambda: ChainMap({}).popitem())
show(lambda: ChainMap({}).pop('x'))
print(ChainMap(), ChainMap({1: 2}).new_child(), bool(ChainMap()), bool(cm))
print(cm | {'z': 0}, dict(ChainMap({'x': 1}) | ChainMap({'y': 2})))
print(ChainMap.fromkeys('ab', 0), cm.copy())

# UserDict, UserList, UserString
ud = UserDict({'a': 1}, b=2)
ud['c'] = 3
print(ud, len(ud), ud['a'], 'b' in ud, ud.get('zz'), ud.data, sorted(ud.keys()), ud.copy())
show(lambda: ud['zz'])
class Missing(UserDict):
    def __missing__(self, key):
        return key * 2
print(Missing()['ab'], isinstance(ud, MutableMapping), ud | {'z': 0})
ul = UserList([3, 1, 2])
ul.append(0)
ul.sort()
print(ul, ul[1:], type(ul[1:]).__name__, ul + [9], [8] + ul, ul * 2, len(ul), ul.pop(), ul.index(2), ul == [0, 1, 2])
ul.extend(UserList([7]))
ul.insert(0, -1)
ul.remove(1)
ul.reverse()
print(ul, ul.count(7), 7 in ul, ul < [10], ul.copy())
us = UserString('Hello')
print(us, us.upper(), us.lower(), us[1:3], us + '!', len(us), 'ell' in us, us * 2, us.replace('l', 'L'), us.split('l'))
print(us == 'Hello', us < 'Z', repr(us), us.find('l'), us.center(9, '*'), us.startswith('He'), type(us.strip()).__name__)
print(isinstance(us, Sequence), us.join(['a', 'b']), us % () if '%' in us.data else 'n/a')

# collections.abc
print(isinstance([], Sequence), isinstance({}, Mapping), isinstance((), collections.abc.MutableSequence))
print(issubclass(dict, MutableMapping), issubclass(list, collections.abc.Hashable), issubclass(int, collections.abc.Hashable))
print(isinstance(iter([]), collections.abc.Iterator), isinstance(range(3), collections.abc.Sequence), isinstance('', collections.abc.Sized))
print(isinstance({}.keys(), collections.abc.KeysView), isinstance({}.items(), collections.abc.Set), isinstance(frozenset(), collections.abc.Set))
print(isinstance(set(), collections.abc.MutableSet), isinstance(len, collections.abc.Callable), isinstance((x for x in []), collections.abc.Generator))
class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration
print(isinstance(It(), collections.abc.Iterator), isinstance(It(), collections.abc.Iterable), issubclass(It, collections.abc.Sized))
class NoHash:
    __hash__ = None
print(isinstance(NoHash(), collections.abc.Hashable))
class MySeq(Sequence):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i
s = MySeq(5)
print(list(s), 9 in s, s.index(16), s.count(4), list(reversed(s)), len(s))
show(lambda: s.index(7))
show(lambda: type(Sequence.__abstractmethods__))
try:
    Sequence()
except TypeError as e:
    print('TypeError', sorted(Sequence.__abstractmethods__))
class Partial(Mapping):
    def __getitem__(self, k):
        return 1
try:
    Partial()
except TypeError as e:
    print('TypeError', sorted(Partial.__abstractmethods__))
class MyMap(Mapping):
    def __init__(self, d):
        self.d = d
    def __getitem__(self, k):
        return self.d[k]
    def __iter__(self):
        return iter(self.d)
    def __len__(self):
        return len(self.d)
    def __repr__(self):
        return 'MyMap(%r)' % self.d
mm = MyMap({'a': 1, 'b': 2})
print(mm.get('a'), mm.get('z', 0), 'a' in mm, list(mm.keys()), list(mm.values()), list(mm.items()), mm == {'a': 1, 'b': 2})
print(mm.keys(), mm.keys() & {'a'}, mm.items() | {('c', 3)} == {('a', 1), ('b', 2), ('c', 3)})
class MySet(collections.abc.Set):
    def __init__(self, it=()):
        self.data = list(dict.fromkeys(it))
    def __contains__(self, x):
        return x in self.data
    def __iter__(self):
        return iter(self.data)
    def __len__(self):
        return len(self.data)
a, b = MySet('abc'), MySet('bcd')
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= MySet('abcd'), a == MySet('cba'), a.isdisjoint('xyz'))
print(a._hash() == MySet('cab')._hash(), isinstance(a._hash(), int))
print(sorted(collections.abc.__all__))
print(collections.abc.Sequence.__abstractmethods__, sorted(collections.abc.MutableMapping.__abstractmethods__))
print(collections.abc.Callable[[int], str], collections.abc.Iterable[int], collections.abc.Mapping)
