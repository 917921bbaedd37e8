# __slots__
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x

p = P(1)
print(p.x, hasattr(p, "__dict__"), P.__slots__)
check(lambda: p.y)
p.y = 2
print(p.y)
del p.y
check(lambda: p.y)
check(lambda: setattr(p, "z", 3))
check(lambda: vars(p))
print(type(P.x).__name__, P.x.__name__)

# subclass without __slots__ gets a __dict__
class Q(P):
    pass
q = Q(1)
q.z = 3
print(q.z, q.__dict__)

# subclass with its own slots
class R(P):
    __slots__ = ("z",)
r = R(1)
r.z = 5
print(r.x, r.z, hasattr(r, "__dict__"))
check(lambda: setattr(r, "w", 1))

# slots with __dict__ and __weakref__
class S:
    __slots__ = ("a", "__dict__")
s = S()
s.a = 1
s.b = 2
print(s.a, s.__dict__)

# single string slot
class One:
    __slots__ = "only"
o = One()
o.only = "yes"
print(o.only, One.__slots__)

# conflicts
def conflict():
    class C:
        __slots__ = ("a",)
        a = 5
check(conflict)

def bad_slot():
    class C:
        __slots__ = (1,)
check(bad_slot)

def bad_name():
    class C:
        __slots__ = ("not valid",)
check(bad_name)

def dup_dict():
    class C:
        __slots__ = ("__dict__", "__dict__")
check(dup_dict)

# class attribute defaults can't be combined, but class-level reads work
class Defaults:
    __slots__ = ("v",)
    def __init__(self):
        pass
    def get(self):
        try:
            return self.v
        except AttributeError as e:
            return "unset: " + str(e)
print(Defaults().get())

# weakref needs __weakref__ slot
import weakref
class NoWeak:
    __slots__ = ("a",)
check(lambda: weakref.ref(NoWeak()))
class Weak:
    __slots__ = ("a", "__weakref__")
w = Weak()
print(weakref.ref(w)() is w)

# empty slots
class Empty:
    __slots__ = ()
check(lambda: setattr(Empty(), "x", 1))
print(sorted(k for k in P.__dict__ if not k.startswith("__")))
