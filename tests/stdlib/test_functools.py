import functools
from functools import (reduce, partial, partialmethod, wraps, update_wrapper,
                       lru_cache, cache, total_ordering, cmp_to_key,
                       cached_property, singledispatch, singledispatchmethod)

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)

# reduce
print(reduce(lambda a, b: a + b, [1, 2, 3, 4, 5]))
print(reduce(lambda a, b: a * b, range(1, 6), 10))
print(reduce(lambda a, b: a + b, [], 7))
print(reduce(lambda a, b: a + b, ['x']))
show(lambda: reduce(lambda a, b: a + b, []))
show(lambda: reduce(lambda a, b: a + b, 5))
show(lambda: reduce(len))
show(lambda: reduce(len, [], 1, 2))
show(lambda: reduce(len, [], initial=3))
show(lambda: reduce(lambda a, b: a / b, [1, 0]))

# partial
def f(*args, **kw):
    return args, kw
p = partial(f, 1, 2, a=3)
print(p(3, b=4), p.args, p.keywords, p.func is f)
print(repr(p).replace(hex(id(f)), 'ADDR'))
p2 = partial(p, 9, a=5, c=6)
print(p2.func is f, p2.args, p2.keywords, p2())
print(partial(f)(), partial(f, x=1)(x=2))
show(lambda: partial())
show(lambda: partial(1))
show(lambda: partial(func=f))
def setfunc():
    p.func = len
show(setfunc)
def setargs():
    p.args = ()
show(setargs)
class MyPartial(partial):
    pass
mp = MyPartial(f, 1)
print(type(mp).__name__, mp(2), repr(mp).replace(hex(id(f)), 'ADDR'))
print(partial(max, key=len)(['a', 'bbb', 'cc']))
print(repr(partial(len, 'abc')))
p.attr = 5
print(p.attr, partial(p, 1).func is p)
print(partial[int])
class C:
    m = partial(f, 1)
print(C().m(2))

# partialmethod
class Cell:
    def __init__(self):
        self._alive = False
    def set_state(self, state, extra=None):
        self._alive = bool(state)
        return extra
    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False, extra='dead')
    @classmethod
    def cm(cls, a, b):
        return cls.__name__, a, b
    pcm = partialmethod(cm, 1)
c = Cell()
print(c.set_alive(), c._alive, c.set_dead(), c._alive)
print(Cell.pcm(2), c.pcm(3))
print(repr(Cell.__dict__['set_dead']).split(' at ')[0])
show(lambda: partialmethod(1))

# wraps / update_wrapper
def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        """inner doc"""
        return fn(*a, **k)
    return inner
@deco
def target(x: int) -> int:
    """target doc"""
    return x * 2
target.__dict__['extra'] = 1
print(target.__name__, target.__qualname__, target.__doc__, target.__annotations__,
      target.__wrapped__.__name__, target(21), target.__module__)
def g():
    pass
g.custom = 'c'
def h():
    "h doc"
update_wrapper(h, g, assigned=('__name__',), updated=())
print(h.__name__, h.__doc__, h.__wrapped__ is g, hasattr(h, 'custom'))
def h2():
    pass
update_wrapper(h2, g)
print(h2.custom, h2.__name__, h2.__doc__)
class NoName:
    pass
nn = NoName()
def h3():
    pass
update_wrapper(h3, nn)
print(h3.__name__, h3.__wrapped__ is nn)

# lru_cache
calls = []
@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
print(sq(2), sq(3), sq(2), sq(4), sq(3))
print(calls, sq.cache_info())
print(sq.cache_parameters())
sq.cache_clear()
print(sq.cache_info())
@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info(), fib.__name__, fib.__wrapped__.__name__)
@lru_cache(maxsize=None)
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(30), fact.cache_info())
@lru_cache(maxsize=None, typed=True)
def ident(x):
    return type(x).__name__
print(ident(1), ident(1.0), ident(True), ident.cache_info())
@lru_cache(maxsize=None)
def ident2(x):
    return type(x).__name__
print(ident2(1), ident2(1.0), ident2(True), ident2.cache_info())
@lru_cache(maxsize=0)
def nocache(x):
    return x
print(nocache(1), nocache(1), nocache.cache_info())
@lru_cache(maxsize=-5)
def neg(x):
    return x
print(neg(1), neg.cache_info())
@lru_cache()
def kw(a, b=2, *, c=3):
    return a + b + c
print(kw(1), kw(1, 2), kw(1, b=2), kw(1, c=3), kw(1), kw.cache_info())
show(lambda: kw([1]))
show(lambda: lru_cache('x'))
show(lambda: lru_cache(3)(4))
@cache
def sq2(x):
    """doc of sq2"""
    return x * x
print(sq2(4), sq2(4), sq2.cache_info(), sq2.__doc__)
class Mth:
    @lru_cache
    def m(self, x):
        return x + 1
print(Mth().m(1), Mth.m.cache_info().misses)
big = lru_cache(maxsize=3)(lambda x: x)
for i in [1, 2, 3, 1, 4, 2, 5, 1]:
    big(i)
print(big.cache_info())

# total_ordering
@total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
    def __lt__(self, other):
        if not isinstance(other, V):
            return NotImplemented
        return self.v < other.v
print(V(1) < V(2), V(1) > V(2), V(1) <= V(1), V(2) >= V(3), V(3) >= V(2))
print(V.__gt__.__name__, V.__le__.__name__, V.__ge__.__name__)
show(lambda: V(1) <= 3)
@total_ordering
class G:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        return self.v > other.v
print(G(1) < G(2), G(1) >= G(2), G(1) <= G(2))
@total_ordering
class LE:
    def __init__(self, v):
        self.v = v
    def __le__(self, other):
        return self.v <= other.v
    def __eq__(self, other):
        return self.v == other.v
print(LE(1) < LE(2), LE(2) > LE(1), LE(2) >= LE(2))
def no_ops():
    @total_ordering
    class X:
        pass
show(no_ops)

# cmp_to_key
def rcmp(a, b):
    return (b > a) - (b < a)
print(sorted([3, 1, 2], key=cmp_to_key(rcmp)))
k = cmp_to_key(rcmp)
print(k(1) < k(2), k(1) == k(1), k(1) >= k(2))
show(lambda: k(1) < 5)
print(k(5).obj, type(k(1)) is type(k))
print(sorted(['bb', 'a', 'ccc'], key=cmp_to_key(lambda a, b: len(a) - len(b))))

# cached_property
class Data:
    def __init__(self):
        self.n = 0
    @cached_property
    def value(self):
        """the value"""
        self.n += 1
        return self.n * 10
d = Data()
print(d.value, d.value, d.n, 'value' in d.__dict__)
del d.value
print(d.value, d.n)
print(Data.value.__doc__, Data.value.attrname, type(Data.value).__name__)
class Slotted:
    __slots__ = ('a',)
    @cached_property
    def prop(self):
        return 1
show(lambda: Slotted().prop)
cp = cached_property(lambda self: 1)
show(lambda: cp.__get__(Data()))
def twice():
    c = cached_property(lambda self: 1)
    class T:
        a = c
        b = c
show(twice)

# singledispatch
@singledispatch
def describe(obj):
    return 'object'
@describe.register
def _(obj: int):
    return 'int'
@describe.register(list)
def _(obj):
    return 'list'
def describe_str(obj):
    return 'str'
describe.register(str, describe_str)
print(describe(1), describe(True), describe([1]), describe('a'), describe(1.5), describe(None))
print(describe.dispatch(bool).__name__, describe.dispatch(float).__name__)
print(sorted(t.__name__ for t in describe.registry))
show(lambda: describe())
show(lambda: describe.register(1, describe_str))
def bad_reg():
    @describe.register
    def _(x):
        return x
try:
    bad_reg()
except TypeError as e:
    print(str(e).split(' at 0x')[0], str(e).split('>')[-1])
import collections.abc
@singledispatch
def kind(x):
    return 'other'
@kind.register(collections.abc.Sequence)
def _(x):
    return 'sequence'
@kind.register(collections.abc.Mapping)
def _(x):
    return 'mapping'
print(kind([1]), kind((1,)), kind({}), kind(3), kind('s'))
@describe.register
def _(obj: float | complex):
    return 'number'
print(describe(1.5), describe(2j))

class Neg:
    @singledispatchmethod
    def neg(self, arg):
        return 'unknown'
    @neg.register
    def _(self, arg: int):
        return -arg
    @neg.register
    def _(self, arg: bool):
        return not arg
print(Neg().neg(5), Neg().neg(True), Neg().neg('x'))

# C-level details
print(hash(k(1)) if False else '', end='')
show(lambda: hash(cmp_to_key(rcmp)(1)))
print(type(fib).__name__, type(partial(len)).__name__, type(cmp_to_key(rcmp)).__name__, functools.reduce.__module__)
@lru_cache(maxsize=None)
def deep(n):
    return 0 if n == 0 else deep(n - 1) + 1
print(deep(400))
class WithCached:
    @lru_cache(maxsize=4)
    def twice(self, x):
        return 2 * x
wc = WithCached()
print(wc.twice(3), wc.twice(3), WithCached.twice.cache_info(), WithCached.twice.__name__)
import copy
print(copy.copy(fib) is fib, copy.deepcopy(fib) is fib, fib.__reduce__())
show(lambda: lru_cache(maxsize='x')(len))
@lru_cache(maxsize=3, typed=True)
def tk(*a, **k):
    return len(a) + len(k)
print(tk(1), tk(1.0), tk(1, b=2), tk(1, b=2), tk(a=1), tk.cache_info())
p = partial(f, 1, x=2)
print(p(2, y=3), partial(p, 3)(), partial(f, *range(10))(*range(10))[0][-1])
def bad_state():
    partial(f).__setstate__((1, 2, 3, 4))
show(bad_state)
p2 = partial(f)
p2.__setstate__((len, (1,), {'a': 1}, {'z': 9}))
print(p2.func, p2.args, p2.keywords, p2.z)
