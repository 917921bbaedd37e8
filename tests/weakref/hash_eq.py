# hash and equality of weak references
import weakref


class Val:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("  Val.__eq__ called")
        return isinstance(other, Val) and self.v == other.v
    def __hash__(self):
        return hash(self.v)


class Plain:
    pass


a, b, c = Val(1), Val(1), Val(2)
ra, rb, rc = weakref.ref(a), weakref.ref(b), weakref.ref(c)
print("ra == rb:", ra == rb)
print("ra != rc:", ra != rc)
print("hash follows referent:", hash(ra) == hash(a) == hash(1), hash(rc) == hash(2))
print("ra == a:", ra == a, "(a ref never equals a non-ref)")
for op in ("<", "<=", ">", ">="):
    try:
        eval("ra " + op + " rb")
    except TypeError as e:
        print("TypeError:", e)

# the hash is cached: it survives the referent
h = hash(ra)
del a
print("cached hash after death:", hash(ra) == h)
# never hashed before death: TypeError
del c
try:
    hash(rc)
except TypeError as e:
    print("TypeError:", e)

# dead refs compare by identity (the referent is not consulted)
print("dead == live:", ra == rb, "dead == itself:", ra == ra, ra != ra)
del b
print("two dead:", ra == rb, ra != rb)

# unhashable referent
class Unhashable:
    __hash__ = None
u = Unhashable()
ru = weakref.ref(u)
try:
    hash(ru)
except TypeError as e:
    print("TypeError:", e)

# refs as dict keys / set members follow the referent
p1 = Plain()
p2 = Plain()
d = {weakref.ref(p1): "one", weakref.ref(p2): "two"}
print(d[weakref.ref(p1)], weakref.ref(p2) in d, len({weakref.ref(p1), weakref.ref(p1)}))
cb_ref = weakref.ref(p1, lambda w: None)
print("callback ref equal to basic ref:", cb_ref == weakref.ref(p1), cb_ref is weakref.ref(p1),
      hash(cb_ref) == hash(weakref.ref(p1)))

# proxies are unhashable but compare like their referents
class Num:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return isinstance(o, Num) and o.n == self.n
    def __lt__(self, o): return self.n < o.n
    __hash__ = object.__hash__
n1, n2 = Num(1), Num(2)
p1_, p2_ = weakref.proxy(n1), weakref.proxy(n2)
print(p1_ == n1, p1_ == weakref.proxy(n1), p1_ < p2_, n1 < p2_, p1_ != p2_)
try:
    hash(p1_)
except TypeError as e:
    print("TypeError:", e)
try:
    {p1_}
except TypeError as e:
    print("TypeError:", e)
print(weakref.ProxyType.__hash__, weakref.CallableProxyType.__hash__)
