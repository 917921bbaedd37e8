# types.UnionType: X | Y on classes, None and generic aliases (PEP 604).
import types

u = int | str
print(u, type(u), type(u).__name__, type(u).__module__)
print(u.__args__, u.__parameters__, u.__module__)
print(int | None, None | int, (int | str) | (float | int))
print(int | int, type(int | int), str | str | str)
print(type(None) | int, int | type(None), (int | None).__args__)
print(u == (str | int), u != (str | int), hash(u) == hash(str | int), u == int, u == 1)
print((int | str) == (int | str | int), (int | str | float) == (float | str | int))

# isinstance / issubclass accept unions like tuples
print(isinstance(1, u), isinstance(1.0, u), isinstance("s", u), isinstance(None, int | None))
print(issubclass(bool, u), issubclass(float, u), issubclass(type(None), int | None))
print(isinstance(1, int | list[int]))
for call in (lambda: isinstance([], int | list[int]),
             lambda: issubclass(list, int | list[int]),
             lambda: isinstance(1, list[int]),
             lambda: issubclass(list, list[int]),
             lambda: issubclass(1, int | str)):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)

# what cannot be part of a union
for call in (lambda: int | 3, lambda: 3 | int, lambda: u | "x", lambda: None | None,
             lambda: u[int], lambda: hash(int | list[[]])):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)

print(u.__or__(3), u.__or__(float), u.__ror__(float))
print(type.__or__(int, str), type.__ror__(int, str), type.__or__(int, 3))

class A: pass
class M(type): pass
class C(metaclass=M): pass
print(A | int, int | A, C | None)
print(list[int] | None, int | list[int], dict[str, int] | tuple[int, ...])
print(int | list[int] == list[int] | int, list[int] | list[int])
print(str(u), format(u), repr(u), bool(u))
print(u.__doc__)
print(types.UnionType is type(int | str))
try:
    types.UnionType()
except TypeError as e:
    print("TypeError:", e)
try:
    u.x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    u.__args__ = ()
except AttributeError as e:
    print("AttributeError:", e)
d = {int | str: 1}
print(d[str | int])

def f(x: int | None = None) -> str | bytes:
    return x
print(f.__annotations__)
