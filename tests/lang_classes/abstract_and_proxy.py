from abc import ABC, abstractmethod
import types

class A(ABC):
    @abstractmethod
    def f(self): ...
    @abstractmethod
    def g(self): ...

class B(A):
    def f(self): return 1

class C(B):
    def g(self): return 2

for cls in (A, B):
    try:
        cls()
    except TypeError as e:
        print(e)
print(C().f() + C().g())

m = types.MappingProxyType({"a": 1, "b": 2})
print(m, m["a"], len(m), "b" in m, list(m), m.get("z", 0), type(m).__name__)
try:
    m["c"] = 3
except TypeError as e:
    print(e)
try:
    types.MappingProxyType([1, 2])
except TypeError as e:
    print(e)
