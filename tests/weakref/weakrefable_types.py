# which objects support weak references (TypeError messages for the others)
import sys
import weakref


def gen():
    yield 1


async def coro():
    pass


async def agen():
    yield 1


class C:
    def m(self):
        pass


class Slots:
    __slots__ = ("a",)


class SlotsWeak:
    __slots__ = ("a", "__weakref__")


class SubList(list): pass
class SubDict(dict): pass
class SubStr(str): pass
class SubSet(set): pass
class SubInt(int): pass
class SubTuple(tuple): pass
class SubBytes(bytes): pass
class SubFloat(float): pass
class MyError(Exception): pass


def check(label, obj):
    try:
        r = weakref.ref(obj)
    except TypeError as e:
        print(f"{label:22} TypeError: {e}")
    else:
        print(f"{label:22} ok {r() is obj} {type(obj).__weakrefoffset__ != 0}")


co = coro()
ag = agen()
cases = [
    ("int", 1), ("bool", True), ("float", 1.5), ("complex", 2j), ("str", "s"),
    ("bytes", b"b"), ("bytearray", bytearray(b"x")), ("tuple", (1, 2)), ("empty tuple", ()),
    ("list", [1]), ("dict", {}), ("None", None), ("object()", object()),
    ("range", range(3)), ("slice", slice(1)), ("property", property()),
    ("classmethod", classmethod(len)), ("staticmethod", staticmethod(len)),
    ("exception", ValueError()), ("frame", sys._getframe()),
    ("method-wrapper", C().__init__), ("list iterator", iter([])),
    ("method_descriptor", str.join), ("Ellipsis", ...), ("NotImplemented", NotImplemented),
    ("super", super(C, C())), ("enumerate", enumerate([])), ("zip", zip()), ("map", map(len, [])),
    ("mappingproxy", C.__dict__), ("cell", (lambda: co).__closure__[0]) if False else ("dict keys", {}.keys()),
    ("Slots()", Slots()), ("SubInt()", SubInt(1)), ("SubTuple()", SubTuple()),
    ("SubBytes()", SubBytes()), ("SubFloat()", SubFloat()),
    ("instance", C()), ("SlotsWeak()", SlotsWeak()), ("SubList()", SubList()),
    ("SubDict()", SubDict()), ("SubStr()", SubStr("x")), ("SubSet()", SubSet()),
    ("MyError()", MyError()),
    ("set", set()), ("frozenset", frozenset()), ("function", check), ("lambda", lambda: 0),
    ("builtin function", len), ("builtin method", [].append), ("bound method", C().m),
    ("class", C), ("type", type), ("int type", int), ("module", sys),
    ("generator", gen()), ("code", gen.__code__), ("coroutine", co), ("async gen", ag),
    ("memoryview", memoryview(b"")), ("weakref", weakref.ref(C)),
]
for label, obj in cases:
    check(label, obj)
co.close()

print(C.__weakrefoffset__, Slots.__weakrefoffset__, SlotsWeak.__weakrefoffset__ > 0,
      SubList.__weakrefoffset__, object.__weakrefoffset__, int.__weakrefoffset__)
print(type(C().__weakref__), hasattr(Slots(), "__weakref__"))
