from enum import verify, UNIQUE, CONTINUOUS, NAMED_FLAGS
import enum
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, type(Color.RED).__name__, Color)
print(list(Color), len(Color), Color(2), Color['BLUE'], Color.RED in Color, 1 in Color, 'RED' in Color.__members__)
print(f'{Color.RED}', format(Color.GREEN), '%s' % Color.BLUE, str(Color.RED), hash(Color.RED) == hash(Color.RED))
print(Color.RED is Color(1), Color.RED == 1, Color.RED != Color.GREEN, isinstance(Color.RED, Color), isinstance(Color.RED, Enum))
show(lambda: Color(4))
show(lambda: Color['PINK'])
show(lambda: Color.PINK)
show(lambda: Color.RED < Color.GREEN)
def reassign():
    Color.RED = 5
show(reassign)
def delete():
    del Color.RED
show(delete)
def extend():
    class More(Color):
        PINK = 4
show(extend)
print(list(Color.__members__), list(Color.__members__.items())[0], type(Color.__members__).__name__)
print(Color.__name__, Color.__qualname__, Color.__module__, Color.RED.__class__ is Color, repr(Color))
print(sorted(dir(Color.RED)), [m for m in dir(Color) if not m.startswith('_')])
print(reversed(Color) is not None, list(reversed(Color)))

class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2
print(Shape.ALIAS_FOR_SQUARE, Shape(2), list(Shape), list(Shape.__members__), Shape.ALIAS_FOR_SQUARE is Shape.SQUARE)
def dup():
    @unique
    class Mistake(Enum):
        ONE = 1
        TWO = 2
        THREE = 3
        FOUR = 3
show(dup)
def dupname():
    class Bad(Enum):
        A = 1
        A = 2
show(dupname)

class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
print(list(Auto), [m.value for m in Auto])
class Named(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    NORTH = auto()
    SOUTH = auto()
print(list(Named), Named('north'))
class SE(StrEnum):
    A = auto()
    B = 'bee'
print(SE.A, repr(SE.A), SE.A == 'a', SE.B.upper(), f'{SE.B}', isinstance(SE.A, str))

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        G = 6.673e-11
        return G * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 2), repr(Planet.MERCURY))

class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE, repr(Num.ONE), Num.ONE + 1, Num.TWO * 3, Num.ONE < Num.TWO, Num.ONE == 1, f'{Num.TWO}', format(Num.TWO, '03d'), str(Num.ONE), int(Num.TWO), sorted([Num.TWO, Num.ONE]))
print(Num(2), Num['ONE'], [1, 2, 3][Num.ONE], hex(Num.TWO), isinstance(Num.ONE, int))

class Perm(Flag):
    R = 4
    W = 2
    X = 1
print(Perm.R, repr(Perm.R), Perm.R | Perm.W, repr(Perm.R | Perm.W), repr(Perm(0)), Perm(7), list(Perm), list(Perm.R | Perm.X))
print(Perm.R in (Perm.R | Perm.W), Perm.X in Perm.R | Perm.W, bool(Perm(0)), ~Perm.R, repr(~Perm.R), (Perm.R | Perm.W) & Perm.W, Perm.R ^ Perm.R, len(Perm.R | Perm.W))
print((Perm.R | Perm.W).name, Perm(0).name, Perm(6).value, Perm.R | 2 if False else '', repr(Perm(3)))
show(lambda: Perm(8))
class Color2(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE
print(list(Color2), Color2.WHITE, repr(Color2.WHITE), [m.value for m in Color2], Color2(3), repr(~Color2.RED))
class IP(IntFlag):
    R = 4
    W = 2
    X = 1
print(IP.R | IP.W, repr(IP.R | IP.W), IP.R + 1, IP.R | 8, repr(IP(9)), IP(0), repr(IP(0)), str(IP.R), format(IP.W), IP.R == 4, ~IP.R, repr(~IP.R))

# functional API
Animal = Enum('Animal', 'ANT BEE CAT DOG')
print(list(Animal), Animal.ANT.value, Animal.__module__, repr(Animal))
A2 = Enum('A2', [('X', 10), ('Y', 20)])
A3 = Enum('A3', {'P': 'p', 'Q': 'q'})
A4 = Enum('A4', 'a, b', start=5)
print(list(A2), list(A3), list(A4), A4.b.value)
I2 = IntEnum('I2', 'A B')
print(I2.B + 1, repr(I2.A))

# methods, _missing_, _ignore_, members with methods
class Mood(Enum):
    FUNKY = 1
    HAPPY = 3
    def describe(self):
        return self.name, self.value
    def __str__(self):
        return 'my custom str! {0}'.format(self.value)
    @classmethod
    def favorite_mood(cls):
        return cls.HAPPY
print(Mood.favorite_mood(), Mood.HAPPY.describe(), str(Mood.FUNKY), repr(Mood.FUNKY))
class Fallback(Enum):
    A = 1
    B = 2
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
        return None
print(Fallback('a'), Fallback('b'))
show(lambda: Fallback(9))
class Weird(Enum):
    _ignore_ = ['tmp']
    tmp = 5
    ONE = 1
print(list(Weird), hasattr(Weird, 'tmp'))
class WithNon(Enum):
    A = 1
    B = enum.nonmember(2)
    @enum.member
    def fn(x):
        return x
print([m.name for m in WithNon], WithNon.B, WithNon.fn.value(5))
class Empty(Enum):
    pass
print(list(Empty), len(Empty), bool(Empty))
class Sub(Empty):
    X = 1
print(list(Sub), Sub.X)
print(Color.RED.__reduce_ex__(2) if False else '', Color._member_names_, Color._value2member_map_, Color._member_map_['RED'])
print(enum.EnumType is enum.EnumMeta, type(Color) is enum.EnumType, Color.__class__.__name__)
show(lambda: Enum('Bad', 'a a'))
show(lambda: Color.RED.value.__add__(1))
def setval():
    Color.RED.value = 3
show(setval)
print(Color.RED.__hash__() == hash('RED') or True, {Color.RED: 1}[Color.RED])
class Ordered(Enum):
    def __lt__(self, other):
        return self.value < other.value
    A = 2
    B = 1
print(sorted(Ordered))
class Mixed(str, Enum):
    X = 'x'
print(Mixed.X, repr(Mixed.X), Mixed.X == 'x', f'{Mixed.X}')
print(enum.unique(Color) is Color)

# ---- more
class Field(Enum):
    name = 1
    value = 2
    other = 3
print(Field.name, Field.value, Field.name.name, Field.value.value, Field.other.name, list(Field), Field['name'])
class Ord(Enum):
    _order_ = 'A B'
    A = 1
    B = 2
print(list(Ord))
def badorder():
    class O2(Enum):
        _order_ = 'B A'
        A = 1
        B = 2
show(badorder)
def strictmissing():
    class G(Flag):
        A = 1
        AC = 5
    return list(G)
show(strictmissing)
class Base(Enum):
    def describe(self):
        return f'{self.name}={self.value}'
class Child(Base):
    A = 1
    B = 2
print(Child.A.describe(), isinstance(Child.A, Base), Child.__mro__[1:])
print(sorted(dir(Child))[:5], dir(Field.name)[:3])
class Color(Enum):
    RED = 1
    GREEN = 2
print(dir(Color))
print(dir(IntEnum)[:3], len(dir(IntEnum)) > 20)
match Color.RED:
    case Color.GREEN: print('green')
    case Color.RED: print('red')
print({Color.RED, Color.GREEN, Color.RED} == {Color.RED, Color.GREEN}, {Color.RED: 'r'}.get(Color.RED))
print(Color.RED.__reduce_ex__(4), Color.__members__)
show(lambda: verify(UNIQUE)(Enum('D', [('A', 1), ('B', 1)])))
show(lambda: verify(CONTINUOUS)(Enum('D', [('A', 1), ('B', 3)])))
@verify(CONTINUOUS, UNIQUE)
class Good(IntEnum):
    A = 1
    B = 2
print(list(Good))
class Sized(str, Enum):
    S = 'small'
    L = 'large'
print(Sized.S, Sized('small'), Sized.S.upper(), len(Sized.S), Sized.S < 'z', '{:>8}'.format(Sized.L))
class Num(float, Enum):
    PI = 3.14
print(Num.PI, repr(Num.PI), Num.PI * 2, f'{Num.PI}')
class AutoInt(IntEnum):
    X = auto()
    Y = auto()
print(list(AutoInt), AutoInt.Y + 1)
class AutoFlag(Flag):
    A = auto()
    B = auto()
    C = auto()
print(list(AutoFlag), [m.value for m in AutoFlag])
class AutoStr(StrEnum):
    ONE = auto()
print(AutoStr.ONE, repr(AutoStr.ONE))
show(lambda: StrEnum('S', [('A', 1)]))
class WithInit(Enum):
    A = 'a', 1
    B = 'b', 2
    def __init__(self, label, n):
        self.label = label
        self.n = n
print(WithInit.A.label, WithInit.B.n, WithInit(('b', 2)), WithInit.A.value)
class Custom(Enum):
    def __new__(cls, value, doc):
        obj = object.__new__(cls)
        obj._value_ = value
        obj.doc = doc
        return obj
    X = 1, 'the x'
    Y = 2, 'the y'
print(Custom.X.value, Custom.X.doc, Custom(2), list(Custom))
class CustomInt(int, Enum):
    def __new__(cls, value, label):
        obj = int.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj
    A = 1, 'one'
print(CustomInt.A, CustomInt.A.label, CustomInt(1), CustomInt.A + 1)
print(Color.RED.__class__.__class__, type(Color.__members__).__name__, repr(enum.auto()))
print(repr(Color.RED.name), Color.RED._name_, Color.RED._value_, Color.RED._sort_order_)
print(Field.__members__.keys(), len(Field))
show(lambda: Enum('X', 'a b', foo=1))
show(lambda: Color(1, 2))
show(lambda: Color['RED', 'x'])
class Dyn(Enum):
    A = 1
    @enum.property
    def double(self):
        return self.value * 2
print(Dyn.A.double)
print(enum.IntFlag.__mro__[1], enum.FlagBoundary.KEEP, enum.STRICT, repr(enum.KEEP))
print(list(enum.EnumCheck), enum.CONTINUOUS)
print(Color.RED is copy.copy(Color.RED) if (copy := __import__('copy')) else 0, copy.deepcopy([Color.GREEN])[0] is Color.GREEN)
class IntF(IntFlag):
    A = 1
    B = 2
print(IntF.A | IntF.B, IntF(3), list(IntF(3)), IntF.A in IntF(3), IntF(3) == 3, IntF.A & 2, repr(IntF.A & 2), IntF(0) == 0)
print(bool(IntF(0)), IntF.B.bit_length(), hash(IntF.A) == hash(1))
show(lambda: Empty(1))
print(Enum('E2', names=()), list(Enum('E3', ())))
show(lambda: enum.Flag._missing_.__func__(Perm, 'x'))
