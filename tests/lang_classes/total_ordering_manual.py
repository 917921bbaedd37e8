# a hand-written total_ordering class decorator (no functools)
def total_ordering(cls):
    has = {op for op in ("__lt__", "__le__", "__gt__", "__ge__") if op in cls.__dict__}
    if not has:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    if "__lt__" in has:
        def __gt__(a, b):
            r = b.__lt__(a) if isinstance(b, cls) else NotImplemented
            return r
        def __le__(a, b):
            r = a.__lt__(b)
            return r if r is NotImplemented else (r or a == b)
        def __ge__(a, b):
            r = a.__lt__(b)
            return r if r is NotImplemented else not r
        for name, fn in (("__gt__", __gt__), ("__le__", __le__), ("__ge__", __ge__)):
            if name not in has:
                setattr(cls, name, fn)
    return cls

@total_ordering
class Card:
    ranks = "23456789TJQKA"
    def __init__(self, rank):
        self.rank = rank
    def __eq__(self, other):
        if not isinstance(other, Card):
            return NotImplemented
        return self.rank == other.rank
    def __lt__(self, other):
        if not isinstance(other, Card):
            return NotImplemented
        return Card.ranks.index(self.rank) < Card.ranks.index(other.rank)
    def __hash__(self):
        return hash(self.rank)
    def __repr__(self):
        return f"Card({self.rank})"

a, k, a2 = Card("A"), Card("K"), Card("A")
print(a < k, a <= k, a > k, a >= k, a == a2, a <= a2, a >= a2, a != k)
print(sorted([Card("T"), Card("2"), Card("A"), Card("5")]))
print(max(Card("3"), Card("Q"), Card("9")), min([Card("K"), Card("4")]))
print(sorted(["Card.__gt__", "Card.__le__", "Card.__ge__"]) == sorted(
    n for n in ["Card.__gt__", "Card.__le__", "Card.__ge__"] if n.split(".")[1] in Card.__dict__))
print(len({a, a2, k}))
for op in ("<", "<=", ">", ">="):
    try:
        eval(f"a {op} 5")
    except TypeError as e:
        print("TypeError:", e)
try:
    @total_ordering
    class NoOrder:
        pass
except ValueError as e:
    print("ValueError:", e)
