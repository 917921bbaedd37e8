import random
from random import Random

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

random.seed(42)
print([random.random() for _ in range(5)])
print([random.randint(1, 100) for _ in range(10)])
print([random.randrange(10) for _ in range(10)], random.randrange(5, 50, 5), random.randrange(100, 0, -7))
xs = list(range(20))
random.shuffle(xs)
print(xs)
print(random.choice('abcdefg'), random.choice([1, 2, 3]), random.sample(range(100), 10), random.sample('abcdef', 3))
print(random.choices('abc', k=10), random.choices(['x', 'y'], [1, 9], k=8), random.choices(range(5), cum_weights=[1, 2, 3, 4, 5], k=6))
print(random.getrandbits(1), random.getrandbits(7), random.getrandbits(32), random.getrandbits(33), random.getrandbits(64), random.getrandbits(100), random.getrandbits(0))
print(random.randbytes(10))
print(random.uniform(1, 10), random.triangular(), random.triangular(0, 10, 2), random.triangular(5, 5))
print(random.gauss(), random.gauss(10, 2), random.normalvariate(), random.normalvariate(5, 0.5), random.lognormvariate(0, 1))
print(random.expovariate(), random.expovariate(3), random.vonmisesvariate(1, 2), random.vonmisesvariate(1, 0))
print(random.gammavariate(0.5, 1), random.gammavariate(1, 2), random.gammavariate(3, 1), random.betavariate(2, 3))
print(random.paretovariate(2), random.weibullvariate(1, 2))
print([random.binomialvariate(1, 0.3) for _ in range(5)], random.binomialvariate(20, 0.2), random.binomialvariate(100, 0.4), random.binomialvariate(50, 0.9), random.binomialvariate(5, 0), random.binomialvariate(5, 1))
print(random.sample(range(10**6), 5), random.sample([1, 2, 3], 3), random.sample(['a', 'b', 'c'], k=4, counts=[1, 2, 3]))
print(random.randrange(2**100), random.randint(-10**20, 10**20))

# seeds of every kind
for s in [0, 1, -1, 2**32, 2**64 + 5, 12345678901234567890, 'hello', b'hello', bytearray(b'hello'), '', 3.5, -2.25, True]:
    random.seed(s)
    print(repr(s), random.random(), random.randint(0, 1000))
random.seed('x', version=1)
print(random.random())
random.seed(b'xyz', version=1)
print(random.random())
r1 = Random(99)
r2 = Random(99)
print(r1.random() == r2.random(), r1.getrandbits(40) == r2.getrandbits(40))
state = r1.getstate()
a = [r1.random() for _ in range(3)]
r1.setstate(state)
print(a == [r1.random() for _ in range(3)], state[0], len(state[1]), state[2])
r1.gauss()
st = r1.getstate()
print(st[2] is not None)
r3 = Random()
r3.setstate(st)
print(r3.gauss() == r1.gauss())
random.seed()
x = random.random()
print(0 <= x < 1, type(x).__name__)
print(Random(None) is not None, isinstance(Random(5), random.Random))

# errors
show(lambda: random.seed([]))
show(lambda: random.randrange(1.5))
show(lambda: random.randrange(0))
show(lambda: random.randrange(5, 2))
show(lambda: random.randrange(1, 5, 0))
show(lambda: random.randrange(1, 2, 3, 4))
show(lambda: random.randrange(1, step=2))
show(lambda: random.randrange(1, 9, -2))
show(lambda: random.choice([]))
show(lambda: random.sample({1, 2}, 1))
show(lambda: random.sample([1], 2))
show(lambda: random.sample([1], -1))
show(lambda: random.choices([1], [1], cum_weights=[1]))
show(lambda: random.choices([1, 2], [1]))
show(lambda: random.choices([1], 3))
show(lambda: random.choices([1], [0]))
show(lambda: random.choices([1], [float('inf')]))
show(lambda: random.gammavariate(0, 1))
show(lambda: random.binomialvariate(-1))
show(lambda: random.binomialvariate(1, 2))
show(lambda: Random().setstate((9, 1, 2)))
show(lambda: random.randint(1, 'a'))
show(lambda: random.randbytes(-1))
show(lambda: random.getrandbits(-1))
show(lambda: random.sample([1, 2, 3], 2, counts=[1]))
show(lambda: random.sample([1], 1, counts=[0]))
show(lambda: random.sample([1], 1, counts=[1.5]))
show(lambda: Random().random(1))
show(lambda: Random(1, 2))
import _random
show(lambda: _random.Random(1, 2))
show(lambda: _random.Random(x=1))
show(lambda: _random.Random().setstate(1))
show(lambda: _random.Random().setstate((1,)))
show(lambda: _random.Random().setstate(tuple(range(624)) + (625,)))
show(lambda: _random.Random().seed(1, 2))
show(lambda: _random.Random().getrandbits())
cr = _random.Random(7)
print(cr.random(), cr.getrandbits(10), type(cr).__name__, _random.Random.__module__)
cr.seed(7)
print(cr.random())

# subclasses
class OnlyRandom(Random):
    def random(self):
        return 0.5
print(OnlyRandom().randrange(10), OnlyRandom().choice('abc'), OnlyRandom()._randbelow.__name__)
class MyBits(Random):
    def getrandbits(self, k):
        return 0
print(MyBits().randrange(10), MyBits()._randbelow.__name__)
sr = random.SystemRandom()
print(0 <= sr.random() < 1, 0 <= sr.randrange(10) < 10, sr.getrandbits(8) < 256, len(sr.randbytes(4)), sr.seed(1))
show(lambda: sr.getstate())
print(random.__all__)
print(random.Random.VERSION, random.NV_MAGICCONST, random.TWOPI, random.LOG4, random.SG_MAGICCONST, random.BPF, random.RECIP_BPF)
