# __hash__ / __eq__ interplay
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, EqOnly) and self.v == other.v

print(EqOnly.__hash__)
check(lambda: hash(EqOnly(1)))
check(lambda: {EqOnly(1)})
check(lambda: {EqOnly(1): 2})

class Both:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, Both) and self.v == other.v
    def __hash__(self):
        return hash(self.v)
    def __repr__(self):
        return f"Both({self.v})"

s = {Both(1), Both(1), Both(2)}
print(len(s), sorted(x.v for x in s))
d = {Both(3): "three"}
print(d[Both(3)], Both(3) in d, Both(4) in d)
print(hash(Both(7)) == hash(7))

class Plain:
    pass
print(Plain.__hash__ is object.__hash__)
x = Plain()
print(hash(x) == hash(x), {x: 1}[x])

class NoHash:
    __hash__ = None
check(lambda: hash(NoHash()))
check(lambda: {NoHash()})

# subclass inherits __eq__ but __hash__ None only where __eq__ defined
class Child(Both):
    pass
print(hash(Child(5)) == hash(5))
class Child2(Both):
    def __eq__(self, o):
        return False
check(lambda: hash(Child2(1)))

# __hash__ returning non-int
class BadHash:
    def __hash__(self):
        return "nope"
check(lambda: hash(BadHash()))
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class NegOne:
    def __hash__(self):
        return -1
print(hash(NegOne()))
class BoolHash:
    def __hash__(self):
        return True
print(hash(BoolHash()))

# builtin unhashables
check(lambda: hash([]))
check(lambda: hash({}))
check(lambda: hash(set()))
check(lambda: hash((1, [2])))
check(lambda: {[]: 1})
print(hash((1, 2)) == hash((1, 2)), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))

# equality used when hashes collide
class Collide:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 1
    def __eq__(self, o):
        print("eq", self.v, o.v)
        return self.v == o.v
st = {Collide(1)}
print(Collide(1) in st)
print(Collide(2) in st)
