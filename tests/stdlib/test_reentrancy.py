# C containers and tools must survive callbacks that mutate them.
import collections, heapq, bisect, functools, itertools
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
d = collections.deque(range(10))
class Evil:
    def __eq__(self, other):
        d.clear(); return False
t(lambda: d.index(Evil()))
d = collections.deque(range(10)); t(lambda: d.count(Evil()))
d = collections.deque(range(10)); t(lambda: Evil() in d)
d = collections.deque(range(10)); t(lambda: d.remove(Evil()))
class Evil2:
    def __eq__(self, other):
        d.extend(range(100)); return False
d = collections.deque(range(10)); t(lambda: d.index(Evil2()))
h = list(range(20))
class L:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        h.clear(); return True
h = [L(i) for i in range(20)]
t(lambda: heapq.heapify(h))
h = [L(i) for i in range(20)]
t(lambda: heapq.heappop(h))
h = [L(i) for i in range(20)]
t(lambda: heapq.heappush(h, L(5)))
a = [L(i) for i in range(20)]
class B:
    def __lt__(self, o):
        a.clear(); return True
t(lambda: bisect.bisect(a, B()))
@functools.lru_cache(maxsize=2)
def f(x): return x
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o):
        f.cache_clear(); return False
for i in range(5): t(lambda: type(f(K(i))).__name__)
print(f.cache_info())
@functools.lru_cache(maxsize=2)
def g(x):
    if x < 5: g(x + 1)
    return x
print([g(i) for i in range(8)], g.cache_info())
gb = itertools.groupby([1, 1, 2, 2, 3])
k, grp = next(gb)
del gb
print(list(grp))
def gen():
    yield 1
    yield next(ta)
ta, tb = itertools.tee(gen())
t(lambda: list(ta))
p = functools.partial(print)
class R:
    def __repr__(self):
        p.__setstate__((len, (), {}, None)); return 'R'
p = functools.partial(print, R(), k=R())
t(lambda: repr(p))
z = itertools.zip_longest([1, 2], [3])
print(list(z), list(z))
c = itertools.cycle([])
print(list(itertools.islice(c, 3)))
dd = collections.defaultdict(lambda: dd.clear() or 5)
dd[1] = 1
print(dd[2], dict(dd))
d = collections.deque([1, 2, 3])
it = iter(d); d.append(4)
t(lambda: next(it))
d2 = collections.deque(range(5)); d2 *= 0; print(d2)
d3 = collections.deque(range(5), maxlen=3); d3 *= 10**9; print(d3)
d4 = collections.deque('ab'); d4.extend(d4); d4.extendleft(d4); print(d4)
print(list(itertools.product(*[[]] * 0)), list(itertools.permutations(range(0))), list(itertools.combinations(range(3), 0)))
