# getattr, setattr, hasattr, delattr, callable
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class C:
    cls_attr = "class"
    def method(self):
        return "m"
    @property
    def prop(self):
        return "p"
    @property
    def broken(self):
        raise ValueError("broken property")
c = C()
setattr(c, "x", 1)
print(getattr(c, "x"), getattr(c, "cls_attr"), getattr(c, "method")(), getattr(c, "prop"), getattr(c, "nope", None))
print(hasattr(c, "x"), hasattr(c, "nope"), hasattr(C, "method"), hasattr(c, "prop"), hasattr(1, "real"), hasattr(None, "__class__"))
check(lambda: hasattr(c, "broken"))
check(lambda: getattr(c, "broken", "default"))
delattr(c, "x")
print(hasattr(c, "x"))
check(lambda: getattr(c, "x"))
check(lambda: delattr(c, "x"))
check(lambda: getattr(c))
check(lambda: getattr(c, 1))
check(lambda: getattr(c, 1, None))
check(lambda: setattr(c, "a"))
check(lambda: setattr(c, None, 1))
check(lambda: hasattr(c, 1))
check(lambda: delattr(c))
check(lambda: delattr(c, "cls_attr"))
check(lambda: setattr(c, "prop", 1))
check(lambda: setattr(5, "x", 1))
check(lambda: setattr("s", "upper", 1))
check(lambda: getattr(5, "imag"))
check(lambda: getattr(C, "__name__"))
setattr(C, "added", lambda self: "added method")
print(c.added(), getattr(c, "\u00e9", "unicode-miss"))
setattr(c, "with space", 5)
print(getattr(c, "with space"), vars(c))

print(callable(len), callable(C), callable(c), callable(c.method), callable(None), callable("s"), callable(lambda: 0))
class WithCall:
    def __call__(self): pass
print(callable(WithCall()), callable(WithCall), callable(print), callable(type), callable(int.__add__))
check(lambda: callable())
check(lambda: callable(1, 2))
