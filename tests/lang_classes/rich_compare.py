# rich comparisons, NotImplemented, reflection, manual total ordering
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class Ver:
    def __init__(self, *parts):
        self.parts = parts
    def __repr__(self):
        return "Ver" + repr(self.parts)
    def __eq__(self, other):
        if not isinstance(other, Ver):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        if not isinstance(other, Ver):
            return NotImplemented
        return self.parts < other.parts
    def __le__(self, other):
        return self == other or self < other
    def __gt__(self, other):
        if not isinstance(other, Ver):
            return NotImplemented
        return other < self
    def __ge__(self, other):
        return not self < other
    __hash__ = None

a, b = Ver(1, 2), Ver(1, 10)
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(a == Ver(1, 2), a != Ver(1, 2))
print(sorted([Ver(3), Ver(1, 5), Ver(1)]))
print(max(Ver(2), Ver(10), Ver(3)), min([Ver(2), Ver(1, 1)]))
print(a == 5, a != 5, 5 == a)
check(lambda: a < 5)
check(lambda: 5 > a)
check(lambda: a >= "x")

# reflected comparison: only the right operand defines it
class Only:
    def __gt__(self, other):
        print("Only.__gt__ called")
        return True
print(1 < Only())

# subclass priority for reflected ops
class Base:
    def __eq__(self, o):
        print("Base.__eq__")
        return NotImplemented
class Derived(Base):
    def __eq__(self, o):
        print("Derived.__eq__")
        return NotImplemented
print(Base() == Derived())

# default identity eq
class P:
    pass
p = P()
print(p == p, p == P(), p != p)
check(lambda: p < p)
check(lambda: P() <= P())

# comparison returning non-bool
class Weird:
    def __lt__(self, o):
        return "yes"
    def __eq__(self, o):
        return [1]
print(Weird() < 1, Weird() == 1)
print(bool(Weird() == 1))

# chained comparisons
print(Ver(1) < Ver(2) < Ver(3), Ver(1) < Ver(3) < Ver(2))

# __ne__ default inverts __eq__
class E:
    def __eq__(self, o):
        return True
print(E() != 1, E() != E())

# comparison errors in sort
check(lambda: sorted([Ver(1), 3]))
check(lambda: [1, "a"].sort())
check(lambda: max(1, "a"))
