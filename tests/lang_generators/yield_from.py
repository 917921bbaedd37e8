# yield from delegation and return values
def inner():
    x = yield "inner-1"
    print("inner got", x)
    y = yield "inner-2"
    print("inner got", y)
    return "inner-result"

def outer():
    r = yield from inner()
    print("outer got result", r)
    yield "outer-done"

g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)

# yield from any iterable
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(3), {"k": 1})))

# return value of yield from for plain iterables is None
def from_list():
    r = yield from [1, 2]
    yield ("result", r)
print(list(from_list()))

# throw is forwarded to the inner generator
def catcher():
    try:
        yield 1
    except ValueError as e:
        print("inner caught", e)
        yield "recovered"
def deleg():
    yield from catcher()
    yield "after"
d = deleg()
next(d)
print(d.throw(ValueError("oops")))
print(next(d))

# close is forwarded
def closable():
    try:
        yield 1
        yield 2
    finally:
        print("inner closed")
def deleg2():
    try:
        yield from closable()
    finally:
        print("outer closed")
d2 = deleg2()
next(d2)
d2.close()

# StopIteration value from return in nested generators
def level3():
    yield "l3"
    return 3
def level2():
    v = yield from level3()
    return v * 10
def level1():
    v = yield from level2()
    return v + 1
g = level1()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("final value", e.value)

# yield from a non-iterable
def bad():
    yield from 5
try:
    list(bad())
except TypeError as e:
    print("TypeError:", e)

# yield from generator that is already running / exhausted
def once():
    yield 1
o = once()
list(o)
def reuse():
    r = yield from o
    yield ("reused", r)
print(list(reuse()))
