# common generator patterns written by hand (no itertools)
def chain(*iterables):
    for it in iterables:
        yield from it

def take(n, it):
    it = iter(it)
    for _ in range(n):
        try:
            yield next(it)
        except StopIteration:
            return

def takewhile(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x

def count(start=0, step=1):
    while True:
        yield start
        start += step

def groupby(items, key):
    it = iter(items)
    try:
        cur = next(it)
    except StopIteration:
        return
    k = key(cur)
    group = [cur]
    for x in it:
        kx = key(x)
        if kx == k:
            group.append(x)
        else:
            yield k, group
            k, group = kx, [x]
    yield k, group

def window(seq, n):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)

print(list(chain([1, 2], (3,), "ab")))
print(list(take(5, count(10, 5))), list(take(3, [1])))
print(list(takewhile(lambda v: v < 20, count(1, 4))))
print(list(groupby("aaabccdd", key=lambda c: c)))
print([(k, len(g)) for k, g in groupby([1, 3, 5, 2, 4, 7], key=lambda n: n % 2)])
print(list(window(range(6), 3)))

class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c
    def depth_first(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.depth_first(depth + 1)

t = Tree(1, Tree(2, Tree(4)), Tree(3, Tree(5), Tree(6)))
print(list(t), sum(t), max(t))
print(list(t.depth_first()))

# generator-based state machine with send
def traffic_light():
    state = "red"
    while True:
        cmd = yield state
        if cmd == "next":
            state = {"red": "green", "green": "yellow", "yellow": "red"}[state]
        elif cmd == "reset":
            state = "red"
tl = traffic_light()
print(next(tl), tl.send("next"), tl.send("next"), tl.send(None), tl.send("next"), tl.send("next"), tl.send("reset"))

# pipeline
def read(lines):
    for ln in lines:
        yield ln
def strip_comments(lines):
    for ln in lines:
        ln = ln.split("#")[0].strip()
        if ln:
            yield ln
def parse(lines):
    for ln in lines:
        k, _, v = ln.partition("=")
        yield k.strip(), v.strip()
src = ["a = 1  # first", "# comment only", "", "b=two", "c = 3"]
print(dict(parse(strip_comments(read(src)))))

# generators are lazy: side effects happen on demand
def noisy(n):
    for i in range(n):
        print("  producing", i)
        yield i
for a, b in zip(noisy(3), "xy"):
    print("consumed", a, b)
