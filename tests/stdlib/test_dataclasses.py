import dataclasses
from dataclasses import (dataclass, field, fields, asdict, astuple, replace, is_dataclass,
                         make_dataclass, FrozenInstanceError, InitVar, KW_ONLY, MISSING)

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

@dataclass
class Point:
    x: int
    y: int = 0
p = Point(1, 2)
print(p, Point(5), p == Point(1, 2), p != Point(2, 1), p.x, Point.__doc__, Point.__match_args__)
print(Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__hash__, Point.__eq__.__qualname__)
show(lambda: Point())
show(lambda: Point(1, 2, 3))
show(lambda: Point(1, z=3))
show(lambda: p < Point(2, 3))
print([(f.name, f.type, f.default is MISSING, f.default) for f in fields(Point)][1], fields(p)[0].name, fields(Point)[0].default is MISSING)
print(asdict(p), astuple(p), replace(p, y=9), is_dataclass(p), is_dataclass(Point), is_dataclass(1))
print(Point.__dataclass_params__)
print(repr(fields(Point)[1]).replace(repr(MISSING), 'MISSING'))

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tag: str = field(default='', compare=False)
v1, v2 = Version(1, 2), Version(1, 10, 'rc')
print(v1 < v2, v1 <= v1, v2 > v1, sorted([v2, v1]), hash(v1) == hash(Version(1, 2, 'x')), {v1: 1}[Version(1, 2)])
def assign():
    v1.major = 5
show(assign)
def delete():
    del v1.minor
show(delete)
print(Version.__setattr__.__qualname__)

@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    tags: dict = field(default_factory=dict, repr=False)
    count: int = field(default=0, init=False)
    def __post_init__(self):
        self.count = len(self.items)
i1 = Inventory('a')
i2 = Inventory('b', [1, 2])
i1.items.append(3)
print(i1, i2, Inventory('c').items, i1.count, i2.count)
show(lambda: field(default=1, default_factory=list))
def mutable():
    @dataclass
    class Bad:
        x: list = []
show(mutable)
def order_err():
    @dataclass
    class Bad:
        x: int = 0
        y: int
show(order_err)
def order_no_eq():
    @dataclass(eq=False, order=True)
    class Bad:
        x: int
show(order_no_eq)

@dataclass
class WithInitVar:
    a: int
    scale: InitVar[int] = 2
    b: int = field(init=False)
    def __post_init__(self, scale):
        self.b = self.a * scale
w = WithInitVar(3)
print(w, WithInitVar(3, 10), [f.name for f in fields(w)], InitVar[int], InitVar[list[int]])
show(lambda: replace(w, a=5))

@dataclass(kw_only=True)
class KW:
    a: int
    b: int = 1
print(KW(a=1), KW(b=2, a=0))
show(lambda: KW(1))
@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int
    c: int = 3
print(Mixed(1, b=2), Mixed.__match_args__)
show(lambda: Mixed(1, 2))
@dataclass
class Fk:
    a: int = field(kw_only=True, default=0)
    b: int = 5
print(Fk(7), Fk(a=1, b=2))

# inheritance
@dataclass
class Base:
    x: int
    y: int = 1
@dataclass
class Derived(Base):
    z: int = 2
    x: int = 10
print(Derived(), Derived(3, 4, 5), [f.name for f in fields(Derived)])
def frozen_mix():
    @dataclass(frozen=True)
    class F(Base):
        pass
show(frozen_mix)

# eq / hash variations
@dataclass(unsafe_hash=True)
class H:
    a: int
    b: int = field(hash=False)
print(hash(H(1, 2)) == hash(H(1, 3)), H.__hash__ is not None)
@dataclass(eq=False)
class NoEq:
    a: int
print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)
@dataclass
class Custom:
    a: int
    def __repr__(self):
        return 'custom'
    def __eq__(self, other):
        return True
print(Custom(1), Custom(1) == 5, Custom.__hash__)
def hash_clash():
    @dataclass(unsafe_hash=True)
    class X:
        a: int
        def __hash__(self):
            return 0
show(hash_clash)

# recursive repr, nested asdict/astuple
@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)
n = Node(1, [Node(2), Node(3, [Node(4)])])
print(asdict(n))
print(astuple(n))
n.children.append(n)
print(n)
print(asdict(Point(1, [Point(2, 3)])), astuple(Point(1, (Point(2, 3),))), asdict(p, dict_factory=lambda kv: list(kv)))
show(lambda: asdict(5))
show(lambda: fields(5))

# make_dataclass
C = make_dataclass('C', ['a', ('b', int), ('c', int, field(default=3))], namespace={'total': lambda self: self.b + self.c})
print(C(1, 2), C(1, 2).total(), [f.type for f in fields(C)], C.__module__)
show(lambda: make_dataclass('D', ['x', 'x']))
show(lambda: make_dataclass('D', ['def']))
show(lambda: make_dataclass('D', [('a', int, 1, 2)]))

# slots
@dataclass(slots=True)
class S:
    a: int
    b: str = 'x'
s = S(1)
print(s, S.__slots__, hasattr(s, '__dict__'))
def add_attr():
    s.c = 5
show(add_attr)

# match
match Point(1, 2):
    case Point(1, y):
        print('matched', y)
print(dataclasses.__all__)
