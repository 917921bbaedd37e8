# types.GenericAlias: list[int] and friends (PEP 585).
import types

g = list[int]
print(g, type(g), g.__origin__, g.__args__, g.__parameters__)
print(dict[str, int], tuple[int, ...], tuple[()], tuple[int], list[list[int]])
print(dict[str, list[int]], set[int], frozenset[str], type[int], enumerate[str])
print(list[...], list[None], list[1], list['x'], list[print], dict[int, [list, int]])
print(g(), g([1, 2]), g((3,)), dict[str, int](a=1), tuple[int, ...]([1, 2]))
print(g == list[int], g == list, g != list[str], hash(g) == hash(list[int]))
print(g.__class__, g.__name__, g.__qualname__, g.__module__)
print(g.append, g.__doc__ == list.__doc__, g.__bases__)
print(isinstance(g, type), isinstance(g, types.GenericAlias), g.__unpacked__)
print(types.GenericAlias(list, int), types.GenericAlias(list, (int, str)), list[int, str])
print(types.GenericAlias(list, ()), types.GenericAlias(list, ()).__args__)

class B:
    pass
print(types.GenericAlias(B, int), B.__qualname__)

# iteration produces the starred form
print(*tuple[int])
it = iter(tuple[int, str])
s = next(it)
print(type(it).__name__, s, s.__unpacked__, s.__typing_unpacked_tuple_args__, list(it))
print(s == tuple[int, str], g.__typing_unpacked_tuple_args__)

# errors
for call in (lambda: g[int], lambda: g.foo, lambda: types.GenericAlias(),
             lambda: types.GenericAlias(list, int, 3),
             lambda: types.GenericAlias(list, int, x=3),
             lambda: int[str], lambda: isinstance([], list[int]),
             lambda: issubclass(list, dict[str, int])):
    try:
        print(call())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)

# as a base class it stands for its origin
class L(list[int]):
    pass
print(L.__bases__, L.__orig_bases__, L.__mro__, L([1]))
print(g.__mro_entries__((g,)))
print(g.__reduce__())
print([n in dir(g) for n in ('__origin__', '__args__', '__parameters__', '__mro_entries__', '__copy__', 'append', '__len__')])

# subclassing GenericAlias
class X(types.GenericAlias):
    pass
x = X(list, int)
print(x, type(x).__name__, x == g)

# type parameters: anything with __typing_subst__
class T:
    def __init__(self, name):
        self.__name__ = name
    def __repr__(self):
        return "~" + self.__name__
    def __typing_subst__(self, arg):
        return arg
K = T("K")
V = T("V")
d = dict[K, list[V]]
print(d, d.__parameters__)
print(d[str, int], d[str, int].__parameters__)
print(list[K][float], (K | None).__parameters__ if False else "")
for call in (lambda: d[int], lambda: d[int, str, bytes]):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
