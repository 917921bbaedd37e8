# class vs instance attributes, shadowing, mutable class attribute pitfall
class Bag:
    items = []          # shared!
    def __init__(self, name):
        self.name = name
    def add(self, x):
        self.items.append(x)

a, b = Bag("a"), Bag("b")
a.add(1); b.add(2)
print(a.items, b.items, a.items is b.items)

class Good:
    def __init__(self):
        self.items = []
g1, g2 = Good(), Good()
g1.items.append(1)
print(g1.items, g2.items)

class C:
    x = "class"
c = C()
print(c.x)
c.x = "inst"
print(c.x, C.x)
del c.x
print(c.x)
print("x" in C.__dict__, "x" in c.__dict__)

# setattr/getattr/delattr with strings
setattr(c, "dyn", 5)
print(getattr(c, "dyn"), getattr(c, "nope", "default"))
delattr(c, "dyn")
print(hasattr(c, "dyn"))

# adding methods to a class later
def greet(self):
    return "hi from " + type(self).__name__
C.greet = greet
print(c.greet())

# function assigned to instance does not bind
c.f = lambda: "plain"
print(c.f())

# __dict__ manipulations
c.__dict__["z"] = 26
print(c.z)
print(sorted(k for k in C.__dict__ if not k.startswith("__")))
print(type(C.__dict__).__name__)

def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

def set_cd():
    C.__dict__["q"] = 1
check(set_cd)
check(lambda: getattr(c, 5))
check(lambda: setattr(c, 5, 1))
check(lambda: getattr(c, "missing"))
check(lambda: delattr(c, "missing"))
check(lambda: setattr(1, "x", 2))
check(lambda: setattr(object(), "x", 2))
check(lambda: delattr(C, "nothere"))
check(lambda: setattr(int, "x", 1))
check(lambda: setattr(list, "append", 1))
check(lambda: delattr(int, "real"))
check(lambda: (5).real.__setattr__("x", 1))

# __class__ assignment
class D1:
    def who(self): return "D1"
class D2:
    def who(self): return "D2"
o = D1()
o.__class__ = D2
print(o.who(), type(o).__name__)
def bad_class():
    o.__class__ = int
check(bad_class)
