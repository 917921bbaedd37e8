# object() and type objects
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

o = object()
print(type(o).__name__, type(o) is object, o == o, o != object(), isinstance(o, object), bool(o))
check(lambda: setattr(o, "x", 1))
check(lambda: o.x)
check(lambda: object(1))
check(lambda: object(x=1))
check(lambda: o < o)
check(lambda: o.__dict__)
print(sorted(n for n in dir(object)))
print(object.__bases__, object.__base__, type.__bases__, type(object).__name__, type(type).__name__)
print(object.__name__, object.__qualname__, object.__module__, int.__module__, type.__module__)
print(isinstance(object, type), isinstance(type, object), issubclass(type, object), issubclass(object, type))
print(repr(int), repr(object), repr(type), repr(type(None)), str(list), repr(type(...)))
class Mine:
    pass
print(repr(Mine), Mine.__module__, Mine.__name__, str(Mine))
print(type(int.__add__).__name__, type(object.__init__).__name__, type([].append).__name__, type(len).__name__)
print(type(Mine.__dict__).__name__, type(vars(Mine)).__name__, type(int.__dict__["real"]).__name__)
print(type(type.__dict__["__name__"]).__name__, type(Mine.__dict__["__dict__"]).__name__)
print(object.__hash__(o) == hash(o), object.__eq__(o, o), object.__eq__(o, 1), object.__ne__(o, 1))
print(object.__str__(5), object.__repr__(5) == repr(5) or "addr-based", object.__format__(5, ""))
check(lambda: object.__format__(5, "x"))
check(lambda: object.__setattr__(5, "x", 1))
check(lambda: type.__call__(5))
check(lambda: object.__new__(int))
check(lambda: object.__new__(5))
check(lambda: int.__new__(str))
print(object.__init__(o) is None, object.__subclasshook__(int) is NotImplemented)
print(object.__reduce_ex__ is not None, o.__sizeof__() == 16, object.__class__ is type)
print(sorted(n for n in dir(Mine()) if not n.startswith("__")), sorted(vars(Mine))[:3])
