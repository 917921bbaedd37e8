# __repr__, __str__, __format__
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"V({self.x!r}, {self.y!r})"

v = V(1, "a")
print(v, repr(v), str(v), [v], {"k": v}, (v,))
print(f"{v}", f"{v!r}", "%s %r" % (v, v), "{} {!r}".format(v, v))

class S(V):
    def __str__(self):
        return f"<{self.x},{self.y}>"
s = S(2, 3)
print(s, repr(s), [s], str([s]), f"{s}", f"{s!r}", format(s))

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "":
            return f"${self.cents / 100:.2f}"
        if spec == "c":
            return f"{self.cents}c"
        raise ValueError("bad spec " + spec)
m = Money(1234)
print(format(m), format(m, "c"), f"{m}", f"{m:c}", "{:c}".format(m))
check(lambda: format(m, "zz"))

class BadRepr:
    def __repr__(self):
        return 5
check(lambda: repr(BadRepr()))
check(lambda: str(BadRepr()))
class BadStr:
    def __str__(self):
        return None
check(lambda: str(BadStr()))
check(lambda: print(BadStr()))
class BadFormat:
    def __format__(self, spec):
        return 1
check(lambda: format(BadFormat()))

# object.__format__ with non-empty spec
class Plain:
    def __str__(self):
        return "plain"
check(lambda: format(Plain(), ""))
check(lambda: format(Plain(), ">10"))
check(lambda: f"{Plain():>10}")
check(lambda: f"{Plain()!s:>10}")

# repr raising
class Raises:
    def __repr__(self):
        raise RuntimeError("no repr")
check(lambda: repr([Raises()]))

# recursive repr with containers
class Node:
    def __init__(self):
        self.children = []
    def __repr__(self):
        return f"Node{self.children}"
n = Node()
n.children.append(Node())
print(n)

# str subclass returned from __str__
class MyStr(str):
    pass
class RetSub:
    def __str__(self):
        return MyStr("sub")
r = str(RetSub())
print(r, type(r).__name__)
