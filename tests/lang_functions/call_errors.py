# TypeError messages for bad calls
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

def none(): pass
def one(a): pass
def two(a, b): pass
def three(a, b, c): pass
def dflt(a, b=1): pass
def star(a, *args): pass
def kw(a, *, k): pass
def kw2(*, k1, k2, k3): pass

check(lambda: none(1))
check(lambda: none(1, 2))
check(lambda: one())
check(lambda: one(1, 2))
check(lambda: two())
check(lambda: two(1))
check(lambda: three())
check(lambda: three(1))
check(lambda: dflt())
check(lambda: dflt(1, 2, 3))
check(lambda: star())
check(lambda: kw(1))
check(lambda: kw(1, 2))
check(lambda: kw(1, 2, k=3))
check(lambda: kw2())
check(lambda: kw2(k1=1))
check(lambda: none(x=1))
check(lambda: one(1, a=2))
check(lambda: one(b=2))
check(lambda: two(1, c=3))
check(lambda: one(**{"a": 1, "z": 2}))
check(lambda: dflt(1, 2, b=3))

class C:
    def m(self, x): pass
    @staticmethod
    def s(x): pass
    @classmethod
    def c(cls, x): pass

check(lambda: C().m())
check(lambda: C().m(1, 2))
check(lambda: C.s())
check(lambda: C.c())
check(lambda: C().m(y=1))

lam = lambda x, y: None
check(lambda: lam(1))
check(lambda: lam(1, 2, 3))

def nested():
    def inner(p): pass
    return inner
check(lambda: nested()())

# builtins
check(lambda: len())
check(lambda: len(1, 2))
check(lambda: abs())
check(lambda: isinstance(1))
check(lambda: getattr(1))
check(lambda: [].append())
check(lambda: [].append(1, 2))
check(lambda: {}.get())
check(lambda: "x".join())
check(lambda: print(bogus=1))
check(lambda: int(1, 2, 3))
check(lambda: dict(1, 2))
check(lambda: "a".replace("a"))
