# __init__ and __new__ interplay
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class A:
    def __new__(cls, *args):
        print("A.__new__", cls.__name__, args)
        inst = super().__new__(cls)
        return inst
    def __init__(self, *args):
        print("A.__init__", args)
        self.args = args

a = A(1, 2)
print(a.args)

class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print("created")
        return cls._inst
    def __init__(self):
        print("init runs each time")

s1 = Singleton()
s2 = Singleton()
print(s1 is s2)

# __new__ returning a non-instance skips __init__
class Weird:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(Weird())

class B:
    def __init__(self):
        return None
print(type(B()).__name__)

class BadInit:
    def __init__(self):
        return 5
check(lambda: BadInit())

class NoArgs:
    pass
check(lambda: NoArgs(1))
check(lambda: NoArgs(x=1))
check(lambda: object(1))

class OnlyNew:
    def __new__(cls, x):
        o = super().__new__(cls)
        o.x = x
        return o
print(OnlyNew(5).x)

class OnlyInit:
    def __init__(self, x):
        self.x = x
print(OnlyInit(7).x)
check(lambda: OnlyInit())

# object.__new__ with extra args when __new__ overridden
class PassArgs:
    def __new__(cls, *a):
        return object.__new__(cls, *a)
check(lambda: PassArgs(1))

class Immutable(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
t = Immutable(1, 2)
print(t, type(t).__name__, len(t))

# calling __init__ explicitly
o = OnlyInit(1)
o.__init__(99)
print(o.x)

# __new__ is a staticmethod implicitly
print(type(A.__dict__["__new__"]).__name__)
