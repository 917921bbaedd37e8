# Common idioms that combine several of the standard modules.
import collections, itertools, functools, operator, heapq, bisect, random, dataclasses, enum, copy, string, textwrap
from itertools import chain, combinations, islice, zip_longest, groupby, count, cycle, tee, starmap, accumulate
from collections import deque, Counter, defaultdict, namedtuple, OrderedDict
from operator import itemgetter, attrgetter

# itertools recipes
def take(n, iterable):
    return list(islice(iterable, n))
def powerset(iterable):
    s = list(iterable)
    return chain.from_iterable(combinations(s, r) for r in range(len(s) + 1))
def unique_everseen(iterable, key=None):
    seen = set()
    for element in iterable:
        k = element if key is None else key(element)
        if k not in seen:
            seen.add(k)
            yield element
def grouper(iterable, n, fillvalue=None):
    args = [iter(iterable)] * n
    return zip_longest(*args, fillvalue=fillvalue)
def roundrobin(*iterables):
    num_active = len(iterables)
    nexts = cycle(iter(it).__next__ for it in iterables)
    while num_active:
        try:
            for nxt in nexts:
                yield nxt()
        except StopIteration:
            num_active -= 1
            nexts = cycle(islice(nexts, num_active))
def sliding_window(iterable, n):
    it = iter(iterable)
    window = deque(islice(it, n - 1), maxlen=n)
    for x in it:
        window.append(x)
        yield tuple(window)
def partition(pred, iterable):
    t1, t2 = tee(iterable)
    return list(itertools.filterfalse(pred, t1)), list(filter(pred, t2))
print(list(powerset('abc')), list(unique_everseen('AAAABBBCCDAABBB')), list(unique_everseen('ABBcCAD', str.casefold)))
print(list(grouper('ABCDEFG', 3, 'x')), list(roundrobin('ABC', 'D', 'EF')), list(sliding_window('ABCDEFG', 4)), partition(lambda x: x % 2, range(10)))
print(take(5, accumulate(count(1), operator.mul)), list(starmap(operator.pow, zip(range(5), cycle([2, 3])))))

# records and sorting
Student = namedtuple('Student', 'name grade age')
students = [Student('jane', 'B', 12), Student('john', 'A', 15), Student('dave', 'B', 10), Student('ann', 'A', 11)]
print(sorted(students, key=attrgetter('grade', 'age')))
print(sorted(students, key=itemgetter(2), reverse=True)[0], max(students, key=attrgetter('age')).name)
by_grade = defaultdict(list)
for s in students:
    by_grade[s.grade].append(s.name)
print(dict(by_grade), {k: [s.name for s in g] for k, g in groupby(sorted(students, key=attrgetter('grade')), key=attrgetter('grade'))})
words = 'the quick brown fox jumps over the lazy dog the end'.split()
c = Counter(words)
print(c.most_common(3), c['the'], sum(c.values()), sorted(c.elements())[:4], Counter(len(w) for w in words))
print(functools.reduce(lambda acc, w: acc + len(w), words, 0), list(map(str.upper, words[:3])), heapq.nlargest(3, words, key=len), heapq.nsmallest(2, c.items(), key=itemgetter(1)))

# BFS with deque, Dijkstra with heapq
graph = {'a': ['b', 'c'], 'b': ['d'], 'c': ['d', 'e'], 'd': ['f'], 'e': ['f'], 'f': []}
def bfs(start):
    seen, q, order = {start}, deque([start]), []
    while q:
        n = q.popleft()
        order.append(n)
        for m in graph[n]:
            if m not in seen:
                seen.add(m)
                q.append(m)
    return order
print(bfs('a'))
wgraph = {'a': {'b': 7, 'c': 9, 'f': 14}, 'b': {'a': 7, 'c': 10, 'd': 15}, 'c': {'a': 9, 'b': 10, 'd': 11, 'f': 2},
          'd': {'b': 15, 'c': 11, 'e': 6}, 'e': {'d': 6, 'f': 9}, 'f': {'a': 14, 'c': 2, 'e': 9}}
def dijkstra(src):
    dist = {src: 0}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float('inf')):
            continue
        for v, w in wgraph[u].items():
            nd = d + w
            if nd < dist.get(v, float('inf')):
                dist[v] = nd
                heapq.heappush(pq, (nd, v))
    return dict(sorted(dist.items()))
print(dijkstra('a'))

# memoized recursion and partial
@functools.lru_cache(maxsize=None)
def edit_distance(a, b):
    if not a or not b:
        return len(a) + len(b)
    if a[0] == b[0]:
        return edit_distance(a[1:], b[1:])
    return 1 + min(edit_distance(a[1:], b), edit_distance(a, b[1:]), edit_distance(a[1:], b[1:]))
print(edit_distance('kitten', 'sitting'), edit_distance('flaw', 'lawn'), edit_distance.cache_info().currsize > 0)
int2 = functools.partial(int, base=2)
print(int2('1011'), list(map(functools.partial(round, ndigits=1), [1.25, 2.35])))

# dataclasses with enums
class Suit(enum.Enum):
    HEARTS = '♥'
    SPADES = '♠'
@functools.total_ordering
@dataclasses.dataclass(frozen=True)
class Card:
    rank: int
    suit: Suit
    def __lt__(self, other):
        return (self.rank, self.suit.name) < (other.rank, other.suit.name)
deck = [Card(r, s) for r in (3, 1, 2) for s in Suit]
print(sorted(deck)[:3], len(set(deck)), Card(1, Suit.HEARTS) <= Card(1, Suit.SPADES), dataclasses.astuple(deck[0]))
rng = random.Random(2024)
hand = rng.sample(deck, 3)
print(hand, rng.choice(list(Suit)), rng.randint(1, 6), rng.shuffle(deck) or deck[:2])

# bisect on sorted data, OrderedDict LRU
scores = sorted(rng.randint(0, 100) for _ in range(20))
print(scores, bisect.bisect_left(scores, 50), bisect.bisect_right(scores, 50))
class LRU(OrderedDict):
    def __init__(self, capacity):
        super().__init__()
        self.capacity = capacity
    def get(self, key):
        if key not in self:
            return -1
        self.move_to_end(key)
        return self[key]
    def put(self, key, value):
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.capacity:
            self.popitem(last=False)
lru = LRU(2)
lru.put(1, 1); lru.put(2, 2); print(lru.get(1)); lru.put(3, 3); print(lru.get(2), lru, list(lru.items()))

# templates, wrapping and copying
t = string.Template('$name scored $score')
print([t.substitute(name=s.name, score=s.age * 5) for s in students[:2]])
print(textwrap.fill(' '.join(words * 3), 30))
nested = {'a': [1, {'b': deque([2, 3])}], 'c': Counter('aab')}
dc = copy.deepcopy(nested)
dc['a'][1]['b'].append(4)
print(nested, dc, type(dc['c']).__name__)
