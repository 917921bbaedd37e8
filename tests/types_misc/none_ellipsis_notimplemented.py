# None, Ellipsis, NotImplemented singletons
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

print(None, repr(None), str(None), type(None).__name__, bool(None), None is None, None == None, None != 0)
NoneType = type(None)
print(NoneType() is None, isinstance(None, NoneType), hash(None) == hash(None))
check(lambda: NoneType(1))
check(lambda: None + 1)
check(lambda: None < 1)
check(lambda: None.x)
check(lambda: setattr(None, "x", 1))
check(lambda: len(None))
check(lambda: iter(None))
none = None
check(lambda: none())
check(lambda: none[0])

def f():
    pass
print(f() is None, print() is None, [].append(1) is None, {}.get(1) is None)

print(..., Ellipsis, repr(...), type(...).__name__, ... is Ellipsis, bool(...), Ellipsis == ...)
print(type(...)() is ..., [1, ...], str(Ellipsis))
check(lambda: ... + 1)
def stub():
    ...
print(stub())

print(NotImplemented, repr(NotImplemented), type(NotImplemented).__name__, type(NotImplemented)() is NotImplemented)
print((1).__add__("x"), (1).__lt__(None), (1.5).__add__("x"), [].__eq__(5))

print(sorted(n for n in dir(None) if not n.startswith("_")))
print(None.__class__.__name__, Ellipsis.__class__.__name__, NotImplemented.__class__.__name__)
print(None.__bool__(), None.__repr__(), None.__hash__() == hash(None))
