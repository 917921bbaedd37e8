import abc
from abc import ABC, ABCMeta, abstractmethod, get_cache_token

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @property
    @abstractmethod
    def name(self):
        ...
    def describe(self):
        return f'{self.name} with area {self.area()}'

print(sorted(Shape.__abstractmethods__), type(Shape).__name__, isinstance(Shape, ABCMeta))
try:
    Shape()
except TypeError:
    print('TypeError on abstract instantiation')

class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    @property
    def name(self):
        return 'square'
sq = Square(3)
print(sq.describe(), Square.__abstractmethods__, isinstance(sq, Shape), issubclass(Square, Shape))

class HalfDone(Shape):
    def area(self):
        return 0
print(sorted(HalfDone.__abstractmethods__))

# virtual subclasses
class Duck(metaclass=ABCMeta):
    pass
class Mallard:
    pass
print(isinstance(Mallard(), Duck), issubclass(Mallard, Duck))
tok = get_cache_token()
r = Duck.register(Mallard)
print(r is Mallard, isinstance(Mallard(), Duck), issubclass(Mallard, Duck), get_cache_token() != tok)
class Baby(Mallard):
    pass
print(issubclass(Baby, Duck), Duck in Mallard.__mro__)
Duck.register(int)
print(isinstance(5, Duck), isinstance(True, Duck), isinstance('x', Duck))
print(Duck.register(Baby) is Baby)
show(lambda: Duck.register(5))
class Sub(Duck):
    pass
show(lambda: Sub.register(Duck))
show(lambda: issubclass(5, Duck))
show(lambda: isinstance(5, Sub))

# __subclasshook__
class Quacker(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Quacker:
            return any('quack' in B.__dict__ for B in C.__mro__)
        return NotImplemented
class Robot:
    def quack(self):
        return 'beep'
print(isinstance(Robot(), Quacker), issubclass(int, Quacker), issubclass(Robot, Quacker))
class BadHook(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 5
show(lambda: issubclass(int, BadHook))

# abstract classmethod / staticmethod / property combos
class Base(ABC):
    @classmethod
    @abstractmethod
    def make(cls):
        ...
    @staticmethod
    @abstractmethod
    def helper():
        ...
print(sorted(Base.__abstractmethods__))
class Legacy(ABC):
    @abc.abstractproperty
    def p(self):
        return 1
    @abc.abstractclassmethod
    def c(cls):
        return 2
    @abc.abstractstaticmethod
    def s():
        return 3
print(sorted(Legacy.__abstractmethods__), Legacy.c(), Legacy.s())

# update_abstractmethods
class Later(ABC):
    @abstractmethod
    def f(self):
        ...
def f(self):
    return 'impl'
Later.f = f
print(sorted(Later.__abstractmethods__))
abc.update_abstractmethods(Later)
print(sorted(Later.__abstractmethods__), Later().f())
print(abc.update_abstractmethods(int) is int)

# metaclass keyword arguments pass through
class WithKw(ABC):
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class Tagged(WithKw, tag='t'):
    pass
print(Tagged.tag, WithKw.__dict__.get('__slots__'), ABC.__slots__)
print(abc.ABCMeta.__module__, ABC.__module__, abstractmethod(lambda: 0).__isabstractmethod__)
Duck._abc_registry_clear()
Duck._abc_caches_clear()
print(issubclass(Mallard, Duck), isinstance(7, Duck))
print(hasattr(Duck, '_abc_impl'))
