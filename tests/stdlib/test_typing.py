import typing
from typing import *
def show(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__ + ':', e)
T = TypeVar('T'); S = TypeVar('S', bound=int); U = TypeVar('U', int, str); Co = TypeVar('Co', covariant=True); Contra = TypeVar('Contra', contravariant=True)
print(T, S, U, Co, Contra, T.__name__, S.__bound__, U.__constraints__, Co.__covariant__, T.__module__)
print(List, List[int], Dict[str, int], Optional[int], Union[int, str], Union[int, None, str], Union[int], Optional[Union[int, str]], Tuple[int, ...], Tuple[()], Tuple[int, str])
print(Callable[[int, str], bool], Callable[..., int], Callable, Any, Literal[1, 'a'], Annotated[int, 'meta'], ClassVar[int], Final[str], Type[int], Set[T], FrozenSet, Iterable[T], Iterator[int], Generator[int, None, None], Sequence[str], Mapping[str, int], DefaultDict[str, list])
print(List[T][int], Dict[T, S][str, int], Union[int, str] == Union[str, int], Optional[int] == Union[int, None], get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]), get_args(Optional[int]), get_args(Callable[[int], str]), get_origin(int), get_args(int))
print(int | str, int | None, T | None, List[int] | None)
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box, Box[int], Box[int](3).v, Box.__parameters__, Box[int].__origin__, Box[int].__args__, Box.__mro__, Box.__orig_bases__)
class Pair(Generic[T, S]): pass
print(Pair[int, bool], Pair.__parameters__)
show(lambda: Box[int, str])
show(lambda: Generic[int])
show(lambda: isinstance([], List[int]))
print(isinstance([], List), issubclass(list, Sequence), isinstance({}, Mapping), isinstance(1, Hashable))
show(lambda: Union[()])
show(lambda: Optional[int, str])
show(lambda: TypeVar('X', int))
def f(a: int, b: 'str' = 'x', c: Optional[List[int]] = None) -> Dict[str, int]: pass
print(get_type_hints(f))
class Point(NamedTuple):
    x: int
    y: int = 0
print(Point(1), Point._fields, Point._field_defaults, Point.__annotations__, Point(1, 2)._asdict())
Emp = NamedTuple('Emp', [('name', str), ('id', int)])
print(Emp('a', 1))
class Movie(TypedDict):
    title: str
    year: int
m = Movie(title='x', year=1)
print(m, type(m), Movie.__required_keys__, Movie.__total__, Movie.__annotations__, is_typeddict(Movie))
class Opt(TypedDict, total=False):
    a: int
print(Opt.__optional_keys__, Opt.__total__)
UserId = NewType('UserId', int)
print(UserId, UserId(5), UserId.__supertype__, UserId.__name__)
print(cast(int, 'x'), cast('List[int]', 1), TYPE_CHECKING, AnyStr, AnyStr.__constraints__)
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x): return x
print(g(1), len(get_overloads(g)))
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(1, Closable), isinstance(1, SupportsInt), isinstance('x', SupportsInt))
class NotRC(Protocol):
    def x(self): ...
show(lambda: isinstance(1, NotRC))
def generic_fn[X](a: X) -> X: return a
print(generic_fn.__type_params__, generic_fn(3))
class NewStyle[K, V]:
    pass
print(NewStyle.__type_params__, NewStyle[int, str], NewStyle.__mro__, NewStyle.__parameters__)
type Alias = list[int]
print(Alias, Alias.__value__, type(Alias).__name__, Alias.__name__)
type GAlias[Z] = dict[str, Z]
print(GAlias, GAlias[int])
def pspec[**P, *Ts](): pass
print(pspec.__type_params__)
print(Self, Never, NoReturn, LiteralString, TypeAlias, Text, typing.Tuple, typing.Type)
print(assert_type(3, int), reveal_type.__name__, final(f) is f, override(f) is f)
print(typing.get_type_hints(Point), typing.ForwardRef('int'))
import dataclasses
@dataclasses.dataclass
class CV:
    a: int
    shared: ClassVar[int] = 7
    s2: 'ClassVar[str]' = 'x'
print(CV(1), [f.name for f in dataclasses.fields(CV)], CV.shared)
print(Optional[int] | str, Union[int, str] | None, List[int] == List[int], hash(List[int]) == hash(List[int]), List[int] != List[str])
print(Dict[str, List[T]][int], Callable[[T], S][int, str], Tuple[T, ...][int])
show(lambda: List[int, str])
show(lambda: Callable[int])
show(lambda: Any())
show(lambda: isinstance(1, Any))
show(lambda: NoReturn[int])
show(lambda: TypeVar('X', int, bound=int))
show(lambda: TypeVar('X', covariant=True, contravariant=True))
class MyList(List[int]):
    pass
print(MyList.__mro__[1], MyList([1, 2]), issubclass(MyList, list))
class Meta(Protocol):
    name: str
print(Meta._is_protocol, sorted(Meta.__protocol_attrs__))
show(lambda: Meta())
print(get_type_hints(CV), typing.get_args(Annotated[int, 'x']), get_type_hints(Movie), Literal[1, 1, 2])
