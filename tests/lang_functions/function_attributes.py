# function object attributes and code object fields
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

def sample(a, b=2, *args, c, d=4, **kw):
    """Sample docstring."""
    local1 = a + b
    local2 = local1 * 2
    return local2

print(sample.__name__, sample.__qualname__, sample.__module__, sample.__doc__)
print(sample.__defaults__, sample.__kwdefaults__)
co = sample.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
print(co.co_varnames, co.co_nlocals)
print(co.co_flags & 0x04 != 0, co.co_flags & 0x08 != 0)   # VARARGS, VARKEYWORDS
print(co.co_filename.rsplit("/", 1)[-1], co.co_firstlineno)
print(type(co).__name__, type(sample).__name__)
print(sample.__globals__ is globals(), sample.__closure__, sample.__dict__)

class Outer:
    def method(self):
        def inner():
            pass
        return inner
print(Outer.method.__qualname__, Outer().method().__qualname__)
lam = lambda x: x
print(lam.__name__, lam.__qualname__, lam.__doc__, lam.__code__.co_argcount)

# writable attributes
def f():
    pass
f.__name__ = "renamed"
f.__qualname__ = "Q.renamed"
f.__doc__ = "new doc"
f.custom = [1, 2]
print(f.__name__, f.__qualname__, f.__doc__, f.custom, f.__dict__)
check(lambda: setattr(f, "__name__", 5))
check(lambda: setattr(f, "__qualname__", None))
check(lambda: setattr(f, "__defaults__", [1]))
check(lambda: setattr(f, "__kwdefaults__", 1))
check(lambda: setattr(f, "__code__", 1))
check(lambda: setattr(f, "__closure__", ()))
check(lambda: setattr(f, "__globals__", {}))
check(lambda: f.nothing)

# annotations
def ann(x: int, y: "str" = "s") -> list:
    pass
print(ann.__annotations__)
def noann(): pass
print(noann.__annotations__)

# generator and async flags
def gen():
    yield
print(gen.__code__.co_flags & 0x20 != 0, sample.__code__.co_flags & 0x20 != 0)

# swapping __code__
def g1(): return "g1"
def g2(): return "g2"
g1.__code__ = g2.__code__
print(g1(), g1.__name__)

# docstring must be first statement
def nodoc():
    x = 1
    "not a docstring"
print(nodoc.__doc__)
print(repr(type(sample).__name__), callable(sample))
