class P:
    __slots__ = ("x", "y")
class Q(P):
    __slots__ = ("z",)
class R:
    pass
q = Q(); q.x = 1; q.z = 3
print(q.__getstate__(), P().__getstate__(), R().__getstate__())
r = R(); r.a = 1
print(r.__getstate__())
class S(P):
    pass
s = S(); s.x = 5; s.w = 6
print(s.__getstate__())
