# isinstance / issubclass with classes, tuples, nested tuples, errors
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class A: pass
class B(A): pass
class C: pass

b = B()
print(isinstance(b, A), isinstance(b, B), isinstance(b, C))
print(isinstance(b, (C, A)), isinstance(b, (C, (int, (A,)))), isinstance(b, ()))
print(issubclass(B, A), issubclass(A, B), issubclass(B, B), issubclass(B, (C, A)))
print(issubclass(bool, int), issubclass(int, object), issubclass(type, object))
print(isinstance(True, int), isinstance(1, bool), isinstance(int, type), isinstance(type, type))
print(isinstance(None, type(None)), isinstance(object, object), isinstance(1.0, (int, float)))
print(isinstance("s", str | int), isinstance(3, int | None), issubclass(bool, int | str))

check(lambda: isinstance(1, 1))
check(lambda: isinstance(1, (int, 1)))
check(lambda: isinstance(1, [int]))
check(lambda: issubclass(1, int))
check(lambda: issubclass(int, 1))
check(lambda: issubclass(b, A))
check(lambda: isinstance(1))
check(lambda: issubclass(int, list[int]))

# __instancecheck__ / __subclasscheck__ on metaclass
class Meta(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", type(inst).__name__)
        return isinstance(inst, int)
    def __subclasscheck__(cls, sub):
        print("subclasscheck", sub.__name__)
        return sub is str
class AnyInt(metaclass=Meta):
    pass
print(isinstance(5, AnyInt), isinstance("x", AnyInt))
print(issubclass(str, AnyInt), issubclass(int, AnyInt))
print(isinstance(AnyInt(), AnyInt))  # exact type check short-circuits

# __class__ property affects isinstance
class Pretender:
    @property
    def __class__(self):
        return int
pr = Pretender()
print(isinstance(pr, int), type(pr).__name__, isinstance(pr, Pretender))

# __bases__ via __subclasses__
class Root: pass
class L1(Root): pass
class L2(Root): pass
print([c.__name__ for c in Root.__subclasses__()])
print(type(b).__mro__[1].__name__)
