# descriptor protocol: data vs non-data, __set_name__
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        print("__set_name__", owner.__name__, name)
        self.name = name
        self.slot = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.slot)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}")
        setattr(obj, self.slot, value)
    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.slot)

class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age

p = Person("Ann", 30)
print(p.name, p.age, sorted(p.__dict__))
check(lambda: setattr(p, "age", "old"))
del p.age
check(lambda: p.age)
print(type(Person.name).__name__, Person.age.name)

# non-data descriptor: instance dict wins
class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class Holder:
    attr = NonData()
h = Holder()
print(h.attr)
h.attr = "from instance"
print(h.attr)
del h.attr
print(h.attr, Holder.attr)

# data descriptor beats instance dict
class DataDesc:
    def __get__(self, obj, objtype=None):
        return "data desc"
    def __set__(self, obj, v):
        print("DataDesc.__set__", v)
class H2:
    attr = DataDesc()
h2 = H2()
h2.__dict__["attr"] = "in dict"
print(h2.attr)
h2.attr = 5

# descriptor with only __set__ / only __delete__
class SetOnly:
    def __set__(self, obj, v):
        print("SetOnly set", v)
class H3:
    a = SetOnly()
h3 = H3()
h3.a = 1
print(type(h3.a).__name__)
check(lambda: delattr(h3, "a"))

# __get__ receives objtype
class ShowArgs:
    def __get__(self, obj, objtype=None):
        return (obj is None, objtype.__name__)
class H4:
    s = ShowArgs()
class H5(H4):
    pass
print(H4.s, H4().s, H5.s)

# functions are descriptors
def f(self, x):
    return (type(self).__name__, x)
bound = f.__get__(H4(), H4)
print(bound(1), type(bound).__name__)

# __set_name__ errors are propagated (3.12: directly, with a note)
class BadSetName:
    def __set_name__(self, owner, name):
        raise ValueError("boom " + name)
def make():
    class Z:
        q = BadSetName()
try:
    make()
except Exception as e:
    print(type(e).__name__, e, getattr(e, "__notes__", None))
