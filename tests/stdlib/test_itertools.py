import itertools
from itertools import *

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

def take(n, it):
    return list(islice(it, n))

# infinite iterators
print(take(5, count()), take(3, count(10)), take(3, count(2.5, 0.5)), take(3, count(10, -3)))
print(take(3, count(start=1, step=2)), take(3, count(1j, 1)))
c = count(3)
next(c); next(c)
print(repr(c), repr(count(1.5)), repr(count(2, 1.0)), repr(count(-1, -1)), repr(count(5, 0)))
big = count(2**63 - 2)
print(next(big), next(big), next(big), repr(big))
print(take(7, cycle('abc')), take(3, cycle([])), list(cycle([])))
cy = cycle(iter([1, 2]))
print(take(5, cy))
print(list(repeat('x', 3)), take(2, repeat(None)), list(repeat(1, 0)), list(repeat(1, -2)))
r = repeat('a', 4)
next(r)
print(repr(r), r.__length_hint__(), repr(repeat([1, 2])), len(list(r)))
print(list(map(pow, range(5), repeat(2))))

# terminating on the shortest input
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([1, 2, 3], initial=100)))
import operator
print(list(accumulate([3, 4, 6, 2, 1, 9, 0, 7, 5, 8], max)), list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([])), list(accumulate([], initial=0)), list(accumulate('abc')))
print(list(accumulate([1, 2], lambda a, b: a * 10 + b, initial=None)))
show(lambda: list(accumulate([1, 'a'])))
print(list(batched('ABCDEFG', 3)), list(batched([], 2)), list(batched(range(4), 2)))
show(lambda: list(batched('abc', 0)))
show(lambda: batched('abc', 1.5))
print(list(chain('abc', [1, 2], (), range(2))), list(chain()), list(chain.from_iterable(['ab', 'cd'])))
print(list(chain.from_iterable(iter([[1], [], [2, 3]]))))
show(lambda: list(chain([1], 5)))
ch = chain([1], 5)
print(next(ch))
show(lambda: next(ch))
print(list(ch))
print(chain[int])
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress('AB', [1, 1, 1, 1])), list(compress(range(10), cycle([0, 1]))))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(bool, [])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: True, 'ab')))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, '', 1, 'a', None])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(lambda *a: a, ['ab', [1]])))
show(lambda: list(starmap(pow, [(1, 2, 3, 4)])))
print(list(pairwise('ABCDEFG')), list(pairwise('a')), list(pairwise([])))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest('ab', [1], [True, False, None])))
print(list(zip_longest()), list(zip_longest([])), list(zip_longest([1], fillvalue=0)))

# islice
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)))
print(list(islice(range(10), None)), list(islice(range(10), 3, 3)), list(islice(range(10), 5, 2)), list(islice(count(), 1, 10, 4)))
print(list(islice(range(10), None, None, None)))
show(lambda: islice(range(10), 2**70))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
for args in [(-1,), (1, -1), (-5, 2), (0, 1, 0), (0, 1, -1), ('a',), (1.0,), (1, 2, 'x')]:
    show(lambda: islice([], *args))
show(lambda: islice())
show(lambda: islice([1]))
show(lambda: islice([1], 1, 2, 3, 4))
show(lambda: islice([1], stop=1))

# groupby
print([k for k, g in groupby('AAAABBBCCDAABBB')])
print([list(g) for k, g in groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6, 7], key=lambda x: x // 3)])
gb = groupby('aabbb')
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, list(g2))
gb = groupby('aab')
k, g = next(gb)
print(next(g), k)
k2, g2 = next(gb)
print(list(g), list(g2), k2)
print(list(groupby([])))
print([(k, len(list(g))) for k, g in groupby(sorted('mississippi'))])
show(lambda: list(groupby([1, 2], key=lambda x: 1 / 0)))
print(type(next(groupby('a'))[1]).__name__)

# tee
a, b = tee([1, 2, 3])
print(next(a), list(b), list(a))
t = tee(iter(range(200)), 3)
print(len(t), sum(t[0]), sum(t[1]), list(t[2])[-1])
a, b = tee('abc')
c = a.__copy__()
print(next(a), next(a), next(c), list(b), list(c), list(a))
a, b = tee(iter('xyz'))
a2, a3 = tee(a)
print(next(b), list(a2), list(a3), list(a))
print(tee('ab', 0), len(tee('ab', 1)))
src = iter([1, 2, 3])
x, y = tee(src)
next(x)
print(next(src), list(x), list(y))
show(lambda: tee([], -1))
show(lambda: tee())
show(lambda: tee(5))
import weakref
ta = tee([1])[0]
print(weakref.ref(ta)() is ta, type(ta).__name__)

# combinatorics
print(list(product('ab', range(2))), list(product(range(2), repeat=3))[:4], len(list(product('ab', 'cd', repeat=2))))
print(list(product()), list(product([])), list(product('ab', [])), list(product('ab', repeat=0)))
print(list(permutations('ABC')), list(permutations(range(3), 2)), list(permutations([], 0)), list(permutations([])))
print(list(permutations('ab', 3)), list(permutations('abc', 0)), len(list(permutations(range(5)))))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('ab', 0)), list(combinations('ab', 3)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement([], 0)), list(combinations_with_replacement('ab', 3)))
print(len(list(combinations(range(10), 4))), len(list(combinations_with_replacement(range(5), 3))))
show(lambda: product('a', repeat=-1))
show(lambda: permutations('a', -1))
show(lambda: permutations('a', 1.0))
show(lambda: combinations('a', -1))
show(lambda: combinations('a', 'b'))
show(lambda: combinations_with_replacement('a'))
show(lambda: product('a', foo=1))
# results are fresh tuples when the previous ones are kept
res = list(product('ab', repeat=2))
print(res, res[0] is not res[1])
kept = []
for p in permutations('abc'):
    kept.append(p)
print(kept)

# argument errors
show(lambda: count('a'))
show(lambda: count(1, 2, 3))
show(lambda: count(foo=1))
show(lambda: cycle())
show(lambda: cycle([], []))
show(lambda: cycle(5))
show(lambda: repeat())
show(lambda: repeat(1, 'a'))
show(lambda: repeat(1, 2, 3))
show(lambda: repeat(1).__length_hint__())
show(lambda: accumulate())
show(lambda: chain(a=1))
show(lambda: chain.from_iterable(3))
show(lambda: compress('a'))
show(lambda: dropwhile(len))
show(lambda: takewhile())
show(lambda: filterfalse(None, 3))
show(lambda: starmap(len))
show(lambda: groupby())
show(lambda: pairwise())
show(lambda: zip_longest([], bad=1))
show(lambda: zip_longest(3))
show(lambda: permutations())

# subclassing
class MyCount(count):
    pass
mc = MyCount(5)
print(repr(mc), next(mc), type(mc).__name__)
class MyChain(chain):
    def __init__(self, *args, tag=None):
        self.tag = tag
mch = MyChain([1], [2], tag='t')
print(list(mch), mch.tag)
class MyRepeat(repeat):
    pass
print(repr(MyRepeat(3, 2)))
print(isinstance(count(), count), count.__module__, islice.__name__, type(tee([])[0]).__module__)
print([n for n in dir(itertools) if not n.startswith('__')])

# laziness and re-use of exhausted iterators
it = islice(count(), 3)
print(list(it), list(it))
def gen():
    yield 1
    raise ValueError('boom')
show(lambda: list(batched(gen(), 5)))
show(lambda: list(zip_longest(gen(), [1, 2, 3])))
show(lambda: list(pairwise(gen())))
