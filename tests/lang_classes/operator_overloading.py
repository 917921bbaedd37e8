# arithmetic operator overloading, reflected and in-place
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class Vec:
    def __init__(self, *c):
        self.c = list(c)
    def __repr__(self):
        return "Vec(" + ", ".join(map(repr, self.c)) + ")"
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(*[a + b for a, b in zip(self.c, o.c)])
        if isinstance(o, (int, float)):
            return Vec(*[a + o for a in self.c])
        return NotImplemented
    __radd__ = __add__
    def __sub__(self, o):
        return Vec(*[a - b for a, b in zip(self.c, o.c)])
    def __mul__(self, k):
        if not isinstance(k, (int, float)):
            return NotImplemented
        return Vec(*[a * k for a in self.c])
    def __rmul__(self, k):
        print("rmul")
        return self * k
    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.c, o.c))
    def __truediv__(self, k):
        return Vec(*[a / k for a in self.c])
    def __floordiv__(self, k):
        return Vec(*[a // k for a in self.c])
    def __mod__(self, k):
        return Vec(*[a % k for a in self.c])
    def __pow__(self, k, mod=None):
        return Vec(*[pow(a, k, mod) for a in self.c])
    def __neg__(self):
        return Vec(*[-a for a in self.c])
    def __pos__(self):
        return self
    def __abs__(self):
        return sum(a * a for a in self.c) ** 0.5
    def __invert__(self):
        return Vec(*reversed(self.c))
    def __iadd__(self, o):
        print("iadd")
        self.c = [a + b for a, b in zip(self.c, o.c)]
        return self
    def __lshift__(self, n):
        return Vec(*(self.c[n:] + self.c[:n]))
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __rshift__(self, o): return "rshift"
    def __divmod__(self, o): return ("dm", o)
    def __rdivmod__(self, o): return ("rdm", o)

a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a + 1, 1 + a, a - b, a * 2, 3 * a)
print(a @ b, b / 2, b // 2, b % 3, a ** 2, pow(b, 2, 5))
print(-a, +a is a, abs(b), ~a, Vec(1, 2, 3) << 1)
print(a & 1, a | 1, a ^ 1, a >> 1, divmod(a, 2), divmod(2, a))
orig = a
a += b
print(a, a is orig)
a -= b           # falls back to __sub__
print(a, a is orig)
check(lambda: a * "x")
check(lambda: "x" * a)
check(lambda: a < b)
check(lambda: a - 1)
check(lambda: a + "s")
check(lambda: [] + a)

# __radd__ used by sum()
print(sum([Vec(1), Vec(2), Vec(3)]))

# in-place returning NotImplemented falls back
class Cnt:
    def __init__(self, n): self.n = n
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return Cnt(self.n + o)
c = Cnt(1)
c0 = c
c += 5
print(c.n, c is c0)

# missing operator messages
class Nothing: pass
check(lambda: Nothing() + 1)
check(lambda: 1 - Nothing())
check(lambda: -Nothing())
check(lambda: ~Nothing())
check(lambda: abs(Nothing()))
def iadd():
    x = Nothing()
    x += 1
check(iadd)
def imatmul():
    x = Nothing()
    x @= 1
check(imatmul)
check(lambda: Nothing() ** 2)
check(lambda: pow(Nothing(), 2, 3))
check(lambda: Nothing() @ Nothing())
