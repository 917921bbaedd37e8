# generator functions: yield, laziness, exhaustion
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

def count_up(n):
    print("start")
    i = 0
    while i < n:
        print("yielding", i)
        yield i
        i += 1
    print("end")

g = count_up(2)
print(type(g).__name__, g.__name__, g.__qualname__)
print("created, nothing ran yet")
print(next(g))
print(next(g))
check(lambda: next(g))
check(lambda: next(g))
print(list(g))

print(list(count_up(3)))
print(sum(count_up(4)))

def empty():
    return
    yield
print(list(empty()))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
# take from infinite generator with zip/range
print([v for _, v in zip(range(12), fib())])

# generator is its own iterator
g = count_up(0)
print(iter(g) is g)

# generator state
def states():
    yield 1
gs = states()
import sys
print(gs.gi_running, gs.gi_frame is not None, gs.gi_suspended)
next(gs)
print(gs.gi_suspended)
list(gs)
print(gs.gi_frame, gs.gi_suspended)

# yield as expression without send gives None
def echo():
    while True:
        got = yield
        print("got", got)
e = echo()
next(e)
next(e)
e.send("value")

# return inside generator ends iteration
def early(n):
    for i in range(10):
        if i == n:
            return
        yield i
print(list(early(3)))

# generators in for loops with else
for v in early(2):
    print("loop", v)
else:
    print("loop else")

# reuse after exhaustion yields nothing
g = early(2)
print(list(g), list(g))

# generator calling itself recursively
def tree_walk(t):
    if isinstance(t, list):
        for sub in t:
            yield from tree_walk(sub)
    else:
        yield t
print(list(tree_walk([1, [2, [3, 4]], [[5]]])))
