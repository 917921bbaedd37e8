# The types module: names for the built-in types, SimpleNamespace and the
# dynamic class creation helpers.
import types
import sys

def f(): pass
async def co(): pass
async def ag(): yield 1
def gen(): yield 1
class C:
    def m(self): pass

checks = [
    (types.FunctionType, f), (types.LambdaType, lambda: 0), (types.CodeType, f.__code__),
    (types.MappingProxyType, C.__dict__), (types.GeneratorType, gen()),
    (types.MethodType, C().m), (types.BuiltinFunctionType, len),
    (types.BuiltinMethodType, [].append), (types.WrapperDescriptorType, object.__init__),
    (types.MethodWrapperType, object().__str__), (types.MethodDescriptorType, str.join),
    (types.ClassMethodDescriptorType, dict.__dict__['fromkeys']), (types.ModuleType, sys),
    (types.GetSetDescriptorType, types.FunctionType.__code__),
    (types.MemberDescriptorType, types.FunctionType.__globals__),
    (types.GenericAlias, list[int]), (types.UnionType, int | str),
    (types.EllipsisType, ...), (types.NoneType, None), (types.NotImplementedType, NotImplemented),
    (types.AsyncGeneratorType, ag()),
]
for t, obj in checks:
    print(t.__name__, isinstance(obj, t))
c = co()
print(types.CoroutineType.__name__, isinstance(c, types.CoroutineType))
c.close()
try:
    1 / 0
except ZeroDivisionError as e:
    print(isinstance(e.__traceback__, types.TracebackType),
          isinstance(e.__traceback__.tb_frame, types.FrameType))
def outer():
    v = 1
    return lambda: v
print(types.CellType.__name__, isinstance(outer().__closure__[0], types.CellType))
print(types.BuiltinFunctionType is types.BuiltinMethodType, types.LambdaType is types.FunctionType)
print(types.NoneType, types.EllipsisType, types.NotImplementedType, types.UnionType, types.GenericAlias)
print(sorted(types.__all__))

# SimpleNamespace
ns = types.SimpleNamespace(a=1, b='x')
print(ns, repr(ns), ns.a, vars(ns))
print(ns == types.SimpleNamespace(a=1, b='x'), ns != types.SimpleNamespace(a=1), ns == 1)
ns.c = ns
print(ns)
del ns.c
print(ns, types.SimpleNamespace(), types.SimpleNamespace(**{'b': 2, 'a': 1}))
class S(types.SimpleNamespace):
    pass
print(S(x=1), S(x=1) == types.SimpleNamespace(x=1))
print(types.SimpleNamespace.__module__, types.SimpleNamespace.__name__, types.SimpleNamespace)
print(types.SimpleNamespace(x=[1, 2], y={'k': (1,)}))
for call in (lambda: types.SimpleNamespace(1), lambda: types.SimpleNamespace({'a': 1}),
             lambda: hash(ns), lambda: ns.zz, lambda: delattr(ns, 'zz')):
    try:
        print(call())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)

# class creation helpers
X = types.new_class('X', (int,), {}, lambda ns: ns.update(a=1))
print(X, X.a, X.__mro__)
Y = types.new_class('Y', (list[int],))
print(Y.__bases__, Y.__orig_bases__, types.get_original_bases(Y), types.get_original_bases(int))
print(types.resolve_bases((list[int], int)), types.resolve_bases((int,)))
print(types.prepare_class('P', (int,), {'metaclass': type}))
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return {'prepared': kw}
print(types.prepare_class('P', (), {'metaclass': Meta, 'flag': 1}))
Z = types.new_class('Z', (), {'metaclass': Meta})
print(type(Z).__name__, Z.prepared)
try:
    types.get_original_bases(1)
except TypeError as e:
    print("TypeError:", e)

class Dyn:
    @types.DynamicClassAttribute
    def value(self):
        return 42
print(Dyn().value)
try:
    Dyn.value
except AttributeError:
    print("AttributeError on the class")
