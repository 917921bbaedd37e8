# __init_subclass__ and __class_getitem__
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class Plugin:
    registry = []
    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
        print("registered", cls.plugin_name)

class Alpha(Plugin):
    pass
class Beta(Plugin, name="B!"):
    pass
class Gamma(Alpha):
    pass
print(Plugin.registry, Beta.plugin_name, Gamma.plugin_name)
print(hasattr(Plugin, "plugin_name"))

def bad_kw():
    class Bad(Plugin, unknown=1):
        pass
check(bad_kw)

def bad_plain():
    class Bad(object, flag=True):
        pass
check(bad_plain)

# __init_subclass__ is implicitly a classmethod
print(type(Plugin.__dict__["__init_subclass__"]).__name__)

class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Box[int], Box["x"], Box[1, 2])
class SubBox(Box):
    pass
print(SubBox[None])

check(lambda: object[int])
class NoGI:
    pass
check(lambda: NoGI[int])

# builtin generic aliases
print(list[int], dict[str, list[int]], tuple[int, ...])
print(type(list[int]).__name__, list[int].__origin__ is list, list[int].__args__)
print(list[int]() == [], isinstance([], list))
check(lambda: isinstance([], list[int]))

# __class_getitem__ is implicitly a classmethod
print(type(Box.__dict__["__class_getitem__"]).__name__)
