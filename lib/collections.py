"""collections -- container datatypes.

namedtuple() builds a tuple subclass per call: field access goes through
_tuplegetter descriptors and __new__ is compiled from source so that its
parameters carry the field names (and so argument errors name them).

deque and defaultdict come from the C module _collections when it is
built in; otherwise the pure-Python versions below are used (same
behaviour, slower deque).

OrderedDict is a dict subclass: a dict already remembers insertion order,
so only moving keys (move_to_end), popping from either end and the
order-sensitive comparison need code of their own.

Importing this module also makes `collections.abc` importable: the ABCs
live in _collections_abc, registered in sys.modules under that name.
"""

__all__ = [
    'ChainMap',
    'Counter',
    'OrderedDict',
    'UserDict',
    'UserList',
    'UserString',
    'defaultdict',
    'deque',
    'namedtuple',
]

import _collections_abc
import sys as _sys

_sys.modules['collections.abc'] = _collections_abc
abc = _collections_abc

from keyword import iskeyword as _iskeyword
from reprlib import recursive_repr as _recursive_repr

try:
    from _collections import deque
except ImportError:
    deque = None

try:
    from _collections import defaultdict
except ImportError:
    defaultdict = None

try:
    from _collections import _tuplegetter
except ImportError:
    _tuplegetter = None

try:
    from _collections import _count_elements
except ImportError:
    def _count_elements(mapping, iterable):
        'Tally elements from the iterable.'
        get = mapping.get
        for elem in iterable:
            mapping[elem] = get(elem, 0) + 1


def _eq(a, b):
    return a == b


# ---------------------------------------------------------------------------
# OrderedDict

class odict_keys(_collections_abc.KeysView):
    __slots__ = ()

    def __reversed__(self):
        yield from reversed(self._mapping)

    def __repr__(self):
        return f'odict_keys({list(self)!r})'


class odict_values(_collections_abc.ValuesView):
    __slots__ = ()

    def __reversed__(self):
        m = self._mapping
        for key in reversed(m):
            yield m[key]

    def __repr__(self):
        return f'odict_values({list(self)!r})'


class odict_items(_collections_abc.ItemsView):
    __slots__ = ()

    def __reversed__(self):
        m = self._mapping
        for key in reversed(m):
            yield (key, m[key])

    def __repr__(self):
        return f'odict_items({list(self)!r})'


for _cls in (odict_keys, odict_values, odict_items):
    _cls.__module__ = 'builtins'
del _cls


class OrderedDict(dict):
    'Dictionary that remembers insertion order'

    def popitem(self, last=True):
        """Remove and return a (key, value) pair: the newest (last=True) or oldest."""
        if not self:
            raise KeyError('dictionary is empty')
        if last:
            return dict.popitem(self)
        key = next(iter(dict.keys(self)))
        value = dict.pop(self, key)
        return key, value

    def move_to_end(self, key, last=True):
        """Move key to the end (or, with last=False, the front); KeyError if absent."""
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
        else:
            rest = list(dict.items(self))
            dict.clear(self)
            dict.__setitem__(self, key, value)
            for k, v in rest:
                dict.__setitem__(self, k, v)

    def keys(self):
        return odict_keys(self)

    def values(self):
        return odict_values(self)

    def items(self):
        return odict_items(self)

    def __iter__(self):
        return dict.__iter__(self)

    def __reversed__(self):
        return dict.__reversed__(self)

    __marker = object()

    def pop(self, key, default=__marker):
        if default is self.__marker:
            return dict.pop(self, key)
        return dict.pop(self, key, default)

    def setdefault(self, key, default=None):
        return dict.setdefault(self, key, default)

    def __repr__(self):
        return _odict_repr(self)

    def __reduce__(self):
        state = self.__dict__ or None
        return self.__class__, (), state, None, iter(dict.items(self))

    def copy(self):
        'od.copy() -> a shallow copy of od'
        return self.__class__(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        self = cls()
        for key in iterable:
            self[key] = value
        return self

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and all(map(_eq, self, other))
        return dict.__eq__(self, other)

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    __hash__ = None

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(other)
        new.update(self)
        return new


OrderedDict.__module__ = 'collections'


@_recursive_repr()
def _odict_repr(self):
    if not self:
        return '%s()' % (self.__class__.__name__,)
    return '%s(%r)' % (self.__class__.__name__, dict(dict.items(self)))


# ---------------------------------------------------------------------------
# namedtuple

if _tuplegetter is None:
    class _tuplegetter:
        __slots__ = ('_index', '_doc')

        def __init__(self, index, doc):
            self._index = index
            self._doc = doc

        __doc__ = property(lambda self: self._doc)

        def __get__(self, obj, cls=None):
            if obj is None:
                return self
            if not isinstance(obj, tuple):
                raise TypeError(f"descriptor for index '{self._index}' for tuple "
                                f"subclasses doesn't apply to "
                                f"'{type(obj).__name__}' object")
            return obj[self._index]

        def __set__(self, obj, value):
            raise AttributeError("can't set attribute")

        def __delete__(self, obj):
            raise AttributeError("can't delete attribute")

        def __repr__(self):
            return f'{type(self).__name__}({self._index}, {self.__doc__!r})'

        def __reduce__(self):
            return type(self), (self._index, self.__doc__)

    _tuplegetter.__module__ = 'collections'


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Create a tuple subclass named typename with the given fields
    (attribute access, _make, _replace, _asdict, _fields, defaults)."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = _sys.intern(str(typename))

    if rename:
        seen = set()
        for i, name in enumerate(field_names):
            if (not name.isidentifier() or _iskeyword(name)
                    or name.startswith('_') or name in seen):
                field_names[i] = f'_{i}'
            seen.add(name)

    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if _iskeyword(name):
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')

    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        # The defaults apply to the rightmost fields.
        first = len(field_names) - len(defaults)
        field_defaults = dict(zip(field_names[first:], defaults))

    field_names = tuple(map(_sys.intern, field_names))
    num_fields = len(field_names)
    arg_list = ', '.join(field_names)
    if num_fields == 1:
        arg_list += ','
    repr_fmt = '(' + ', '.join(f'{name}=%r' for name in field_names) + ')'
    tuple_new = tuple.__new__

    # __new__ is compiled so that its parameters are the field names.
    namespace = {
        '_tuple_new': tuple_new,
        '__builtins__': {},
        '__name__': f'namedtuple_{typename}',
    }
    code = f'def __new__(_cls, {arg_list}): return _tuple_new(_cls, ({arg_list}))'
    exec(code, namespace)
    __new__ = namespace['__new__']
    __new__.__doc__ = f'Create new instance of {typename}({arg_list})'
    if defaults is not None:
        __new__.__defaults__ = defaults

    @classmethod
    def _make(cls, iterable):
        result = tuple_new(cls, iterable)
        if len(result) != num_fields:
            raise TypeError(f'Expected {num_fields} arguments, got {len(result)}')
        return result

    _make.__func__.__doc__ = (f'Make a new {typename} object from a sequence '
                              'or iterable')

    def _replace(self, /, **kwds):
        result = self._make(map(kwds.pop, field_names, self))
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    _replace.__doc__ = (f'Return a new {typename} object replacing specified '
                        'fields with new values')

    def __repr__(self):
        'Return a nicely formatted representation string'
        return self.__class__.__name__ + repr_fmt % self

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    for method in (__new__, _make.__func__, _replace, __repr__, _asdict,
                   __getnewargs__):
        method.__qualname__ = f'{typename}.{method.__name__}'

    class_namespace = {
        '__doc__': f'{typename}({arg_list})',
        '__slots__': (),
        '_fields': field_names,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': _make,
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': field_names,
    }
    for index, name in enumerate(field_names):
        class_namespace[name] = _tuplegetter(index, f'Alias for field number {index}')

    result = type(typename, (tuple,), class_namespace)

    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            pass
    if module is not None:
        result.__module__ = module
    return result


# ---------------------------------------------------------------------------
# Counter

class Counter(dict):
    """A dict of counts: elements are keys, their counts the values;
    missing elements count zero.  Supports multiset arithmetic."""

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        'The count of elements not in the Counter is zero.'
        return 0

    def total(self):
        'Sum of the counts'
        return sum(self.values())

    def most_common(self, n=None):
        """The (element, count) pairs, most common first (the n first when n is given)."""
        ordered = sorted(self.items(), key=_count_of, reverse=True)
        if n is None:
            return ordered
        if n <= 0:
            return []
        return ordered[:n]

    def elements(self):
        """An iterator repeating each element as many times as its count."""
        try:
            from itertools import chain, starmap, repeat
        except ImportError:
            return _elements(self)
        return chain.from_iterable(starmap(repeat, self.items()))

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Add counts from an iterable or a mapping (and keyword arguments)."""
        if iterable is not None:
            if isinstance(iterable, _collections_abc.Mapping):
                if self:
                    get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + get(elem, 0)
                else:
                    # Nothing to add to: a plain dict update is enough.
                    super().update(iterable)
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Subtract counts from an iterable or a mapping (counts may go negative)."""
        if iterable is not None:
            get = self.get
            if isinstance(iterable, _collections_abc.Mapping):
                for elem, count in iterable.items():
                    self[elem] = get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        'Return a shallow copy.'
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        if elem in self:
            super().__delitem__(elem)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return f'{self.__class__.__name__}({d!r})'

    # Multiset comparisons: missing elements count as zero.

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    # Multiset arithmetic: results keep only positive counts.

    def __add__(self, other):
        '''Add counts from two counters.'''
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            n = count + other[elem]
            if n > 0:
                result[elem] = n
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            n = count - other[elem]
            if n > 0:
                result[elem] = n
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            n = other_count if count < other_count else count
            if n > 0:
                result[elem] = n
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            n = count if count < other_count else other_count
            if n > 0:
                result[elem] = n
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        drop = [elem for elem, count in self.items() if not count > 0]
        for elem in drop:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


def _count_of(item):
    return item[1]


def _elements(counter):
    for elem, count in counter.items():
        for _ in range(count):
            yield elem


# ---------------------------------------------------------------------------
# ChainMap

class ChainMap(_collections_abc.MutableMapping):
    """A single mapping view over several mappings, searched in order;
    writes go to the first one."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                d[key] = None
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return _chainmap_repr(self)

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        'New ChainMap from maps[1:].'
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def popitem(self):
        """Remove and return a (key, value) pair: the newest (last=True) or oldest."""
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def clear(self):
        'Clear maps[0], leaving maps[1:] intact.'
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ror__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        m = dict(other)
        for child in reversed(self.maps):
            m.update(child)
        return self.__class__(m)


@_recursive_repr()
def _chainmap_repr(self):
    return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'


# ---------------------------------------------------------------------------
# UserDict, UserList, UserString

class UserDict(_collections_abc.MutableMapping):

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        if hasattr(self.__class__, "__missing__"):
            return self.__class__.__missing__(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return default

    def __repr__(self):
        return repr(self.data)

    def __or__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(self.data | other.data)
        if isinstance(other, dict):
            return self.__class__(self.data | other)
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(other.data | self.data)
        if isinstance(other, dict):
            return self.__class__(other | self.data)
        return NotImplemented

    def __ior__(self, other):
        if isinstance(other, UserDict):
            self.data |= other.data
        else:
            self.data |= other
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        inst.__dict__.update(self.__dict__)
        inst.__dict__["data"] = self.__dict__["data"].copy()
        return inst

    def copy(self):
        if self.__class__ is UserDict:
            return UserDict(self.data.copy())
        import copy
        data = self.data
        try:
            self.data = {}
            c = copy.copy(self)
        finally:
            self.data = data
        c.update(self)
        return c

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for key in iterable:
            d[key] = value
        return d


class UserList(_collections_abc.MutableSequence):
    """A list-like class wrapping a real list kept in self.data."""

    def __init__(self, initlist=None):
        self.data = []
        if initlist is not None:
            if type(initlist) == type(self.data):
                self.data[:] = initlist
            elif isinstance(initlist, UserList):
                self.data[:] = initlist.data[:]
            else:
                self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    def __lt__(self, other):
        return self.data < self.__cast(other)

    def __le__(self, other):
        return self.data <= self.__cast(other)

    def __eq__(self, other):
        return self.data == self.__cast(other)

    def __gt__(self, other):
        return self.data > self.__cast(other)

    def __ge__(self, other):
        return self.data >= self.__cast(other)

    def __cast(self, other):
        return other.data if isinstance(other, UserList) else other

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __add__(self, other):
        if isinstance(other, UserList):
            return self.__class__(self.data + other.data)
        if isinstance(other, type(self.data)):
            return self.__class__(self.data + other)
        return self.__class__(self.data + list(other))

    def __radd__(self, other):
        if isinstance(other, UserList):
            return self.__class__(other.data + self.data)
        if isinstance(other, type(self.data)):
            return self.__class__(other + self.data)
        return self.__class__(list(other) + self.data)

    def __iadd__(self, other):
        if isinstance(other, UserList):
            self.data += other.data
        elif isinstance(other, type(self.data)):
            self.data += other
        else:
            self.data += list(other)
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        inst.__dict__.update(self.__dict__)
        inst.__dict__["data"] = self.__dict__["data"][:]
        return inst

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        if isinstance(other, UserList):
            self.data.extend(other.data)
        else:
            self.data.extend(other)


class UserString(_collections_abc.Sequence):

    def __init__(self, seq):
        if isinstance(seq, str):
            self.data = seq
        elif isinstance(seq, UserString):
            self.data = seq.data[:]
        else:
            self.data = str(seq)

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __complex__(self):
        return complex(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    def __eq__(self, string):
        if isinstance(string, UserString):
            return self.data == string.data
        return self.data == string

    def __lt__(self, string):
        if isinstance(string, UserString):
            return self.data < string.data
        return self.data < string

    def __le__(self, string):
        if isinstance(string, UserString):
            return self.data <= string.data
        return self.data <= string

    def __gt__(self, string):
        if isinstance(string, UserString):
            return self.data > string.data
        return self.data > string

    def __ge__(self, string):
        if isinstance(string, UserString):
            return self.data >= string.data
        return self.data >= string

    def __contains__(self, char):
        if isinstance(char, UserString):
            char = char.data
        return char in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self.__class__(self.data[index])

    def __add__(self, other):
        if isinstance(other, UserString):
            return self.__class__(self.data + other.data)
        elif isinstance(other, str):
            return self.__class__(self.data + other)
        return self.__class__(self.data + str(other))

    def __radd__(self, other):
        if isinstance(other, str):
            return self.__class__(other + self.data)
        return self.__class__(str(other) + self.data)

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return self.__class__(self.data % args)

    def __rmod__(self, template):
        return self.__class__(str(template) % self)

    def capitalize(self):
        return self.__class__(self.data.capitalize())

    def casefold(self):
        return self.__class__(self.data.casefold())

    def center(self, width, *args):
        return self.__class__(self.data.center(width, *args))

    def count(self, sub, start=0, end=_sys.maxsize):
        if isinstance(sub, UserString):
            sub = sub.data
        return self.data.count(sub, start, end)

    def removeprefix(self, prefix, /):
        if isinstance(prefix, UserString):
            prefix = prefix.data
        return self.__class__(self.data.removeprefix(prefix))

    def removesuffix(self, suffix, /):
        if isinstance(suffix, UserString):
            suffix = suffix.data
        return self.__class__(self.data.removesuffix(suffix))

    def encode(self, encoding='utf-8', errors='strict'):
        encoding = 'utf-8' if encoding is None else encoding
        errors = 'strict' if errors is None else errors
        return self.data.encode(encoding, errors)

    def endswith(self, suffix, start=0, end=_sys.maxsize):
        return self.data.endswith(suffix, start, end)

    def expandtabs(self, tabsize=8):
        return self.__class__(self.data.expandtabs(tabsize))

    def find(self, sub, start=0, end=_sys.maxsize):
        if isinstance(sub, UserString):
            sub = sub.data
        return self.data.find(sub, start, end)

    def format(self, /, *args, **kwds):
        return self.data.format(*args, **kwds)

    def format_map(self, mapping):
        return self.data.format_map(mapping)

    def index(self, sub, start=0, end=_sys.maxsize):
        return self.data.index(sub, start, end)

    def isalpha(self):
        return self.data.isalpha()

    def isalnum(self):
        return self.data.isalnum()

    def isascii(self):
        return self.data.isascii()

    def isdecimal(self):
        return self.data.isdecimal()

    def isdigit(self):
        return self.data.isdigit()

    def isidentifier(self):
        return self.data.isidentifier()

    def islower(self):
        return self.data.islower()

    def isnumeric(self):
        return self.data.isnumeric()

    def isprintable(self):
        return self.data.isprintable()

    def isspace(self):
        return self.data.isspace()

    def istitle(self):
        return self.data.istitle()

    def isupper(self):
        return self.data.isupper()

    def join(self, seq):
        return self.data.join(seq)

    def ljust(self, width, *args):
        return self.__class__(self.data.ljust(width, *args))

    def lower(self):
        return self.__class__(self.data.lower())

    def lstrip(self, chars=None):
        return self.__class__(self.data.lstrip(chars))

    maketrans = str.maketrans

    def partition(self, sep):
        return self.data.partition(sep)

    def replace(self, old, new, maxsplit=-1):
        if isinstance(old, UserString):
            old = old.data
        if isinstance(new, UserString):
            new = new.data
        return self.__class__(self.data.replace(old, new, maxsplit))

    def rfind(self, sub, start=0, end=_sys.maxsize):
        if isinstance(sub, UserString):
            sub = sub.data
        return self.data.rfind(sub, start, end)

    def rindex(self, sub, start=0, end=_sys.maxsize):
        return self.data.rindex(sub, start, end)

    def rjust(self, width, *args):
        return self.__class__(self.data.rjust(width, *args))

    def rpartition(self, sep):
        return self.data.rpartition(sep)

    def rstrip(self, chars=None):
        return self.__class__(self.data.rstrip(chars))

    def split(self, sep=None, maxsplit=-1):
        return self.data.split(sep, maxsplit)

    def rsplit(self, sep=None, maxsplit=-1):
        return self.data.rsplit(sep, maxsplit)

    def splitlines(self, keepends=False):
        return self.data.splitlines(keepends)

    def startswith(self, prefix, start=0, end=_sys.maxsize):
        return self.data.startswith(prefix, start, end)

    def strip(self, chars=None):
        return self.__class__(self.data.strip(chars))

    def swapcase(self):
        return self.__class__(self.data.swapcase())

    def title(self):
        return self.__class__(self.data.title())

    def translate(self, *args):
        return self.__class__(self.data.translate(*args))

    def upper(self):
        return self.__class__(self.data.upper())

    def zfill(self, width):
        return self.__class__(self.data.zfill(width))


# ---------------------------------------------------------------------------
# Pure-Python deque and defaultdict, used when _collections is absent.

if defaultdict is None:
    class defaultdict(dict):
        """defaultdict(default_factory=None, /, [...]) --> dict with default factory

The default factory is called without arguments to produce
a new value when a key is not present, in __getitem__ only.
A defaultdict compares equal to a dict with the same items.
All remaining arguments are treated the same as if they were
passed to the dict constructor, including keyword arguments.
"""

        def __init__(self, default_factory=None, /, *args, **kwargs):
            if default_factory is not None and not callable(default_factory):
                raise TypeError("first argument must be callable or None")
            self.default_factory = default_factory
            dict.__init__(self, *args, **kwargs)

        def __missing__(self, key):
            factory = self.default_factory
            if factory is None:
                raise KeyError(key)
            self[key] = value = factory()
            return value

        def __repr__(self):
            factory = self.default_factory
            if factory is None:
                frepr = 'None'
            else:
                frepr = _factory_repr(factory)
            return f'{type(self).__name__}({frepr}, {dict.__repr__(self)})'

        def copy(self):
            """D.copy() -> a shallow copy of D."""
            return type(self)(self.default_factory, self)

        __copy__ = copy

        def __reduce__(self):
            args = (self.default_factory,) if self.default_factory is not None else ()
            return type(self), args, None, None, iter(self.items())

        def __or__(self, other):
            if not isinstance(other, dict):
                return NotImplemented
            new = self.copy()
            new.update(other)
            return new

        def __ror__(self, other):
            if not isinstance(other, dict):
                return NotImplemented
            new = type(self)(self.default_factory, other)
            new.update(self)
            return new

    defaultdict.__module__ = 'collections'

    @_recursive_repr()
    def _factory_repr(factory):
        return repr(factory)


if deque is None:
    class _deque_iterator:
        __slots__ = ('_dq', '_items', '_i', '_state')

        def __init__(self, dq, items):
            self._dq = dq
            self._items = items
            self._i = 0
            self._state = dq._state

        def __iter__(self):
            return self

        def __next__(self):
            dq = self._dq
            if dq is None:
                raise StopIteration
            if dq._state != self._state:
                self._dq = None
                raise RuntimeError("deque mutated during iteration")
            items = self._items
            i = self._i
            if i >= len(items):
                self._dq = None
                raise StopIteration
            self._i = i + 1
            return items[i]

    class deque:
        """A list-like sequence optimized for data accesses near its endpoints."""

        __slots__ = ('_data', '_maxlen', '_state', '__weakref__')

        def __new__(cls, *args, **kwargs):
            self = object.__new__(cls)
            self._data = []
            self._maxlen = None
            self._state = 0
            return self

        def __init__(self, iterable=(), maxlen=None):
            if maxlen is not None:
                maxlen = _index(maxlen)
                if maxlen < 0:
                    raise ValueError("maxlen must be non-negative")
            self._maxlen = maxlen
            if self._data:
                self._data.clear()
            self._state += 1
            if iterable is not None and iterable != ():
                self.extend(iterable)

        @property
        def maxlen(self):
            return self._maxlen

        def _trim_left(self):
            m = self._maxlen
            if m is not None and len(self._data) > m:
                del self._data[:len(self._data) - m]

        def append(self, x):
            self._state += 1
            self._data.append(x)
            self._trim_left()

        def appendleft(self, x):
            self._state += 1
            self._data.insert(0, x)
            m = self._maxlen
            if m is not None and len(self._data) > m:
                del self._data[m:]

        def pop(self):
            if not self._data:
                raise IndexError("pop from an empty deque")
            self._state += 1
            return self._data.pop()

        def popleft(self):
            if not self._data:
                raise IndexError("pop from an empty deque")
            self._state += 1
            return self._data.pop(0)

        def extend(self, iterable):
            if iterable is self:
                iterable = list(iterable)
            for x in iterable:
                self.append(x)

        def extendleft(self, iterable):
            if iterable is self:
                iterable = list(iterable)
            for x in iterable:
                self.appendleft(x)

        def clear(self):
            self._state += 1
            self._data.clear()

        def copy(self):
            return type(self)(self._data, self._maxlen) if type(self) is not deque \
                else deque(self._data, self._maxlen)

        __copy__ = copy

        def count(self, x):
            state = self._state
            n = 0
            for item in list(self._data):
                if item is x or item == x:
                    n += 1
                if self._state != state:
                    raise RuntimeError("deque mutated during iteration")
            return n

        def index(self, x, start=0, stop=_sys.maxsize):
            n = len(self._data)
            start = _index(start)
            stop = _index(stop)
            if start < 0:
                start = max(start + n, 0)
            if stop < 0:
                stop = max(stop + n, 0)
            stop = min(stop, n)
            state = self._state
            for i in range(start, stop):
                item = self._data[i]
                if item is x or item == x:
                    return i
                if self._state != state:
                    raise RuntimeError("deque mutated during iteration")
            raise ValueError(f"{x!r} is not in deque")

        def insert(self, i, x):
            if self._maxlen is not None and len(self._data) >= self._maxlen:
                raise IndexError("deque already at its maximum size")
            self._state += 1
            self._data.insert(_index(i), x)

        def remove(self, value):
            for i, item in enumerate(self._data):
                if item is value or item == value:
                    self._state += 1
                    del self._data[i]
                    return
            raise ValueError(f"{value!r} is not in deque")

        def reverse(self):
            self._state += 1
            self._data.reverse()

        def rotate(self, n=1):
            n = _index(n)
            d = self._data
            if len(d) > 1:
                n %= len(d)
                if n:
                    d[:] = d[-n:] + d[:-n]
            self._state += 1

        def __len__(self):
            return len(self._data)

        def __bool__(self):
            return bool(self._data)

        def _checked_index(self, i):
            if not isinstance(i, int):
                try:
                    i = _index(i)
                except TypeError:
                    raise TypeError(f"sequence index must be integer, not "
                                    f"'{type(i).__name__}'") from None
            n = len(self._data)
            if i < 0:
                i += n
            if not 0 <= i < n:
                raise IndexError("deque index out of range")
            return i

        def __getitem__(self, i):
            return self._data[self._checked_index(i)]

        def __setitem__(self, i, x):
            self._data[self._checked_index(i)] = x

        def __delitem__(self, i):
            i = self._checked_index(i)
            self._state += 1
            del self._data[i]

        def __contains__(self, x):
            state = self._state
            for item in self._data:
                if item is x or item == x:
                    return True
                if self._state != state:
                    raise RuntimeError("deque mutated during iteration")
            return False

        def __iter__(self):
            return _deque_iterator(self, self._data)

        def __reversed__(self):
            return _deque_iterator(self, self._data[::-1])

        def __repr__(self):
            return _deque_repr(self)

        def _cmp_data(self, other):
            if not isinstance(other, deque):
                return None
            return other._data

        def __eq__(self, other):
            o = self._cmp_data(other)
            return NotImplemented if o is None else self._data == o

        def __ne__(self, other):
            o = self._cmp_data(other)
            return NotImplemented if o is None else self._data != o

        def __lt__(self, other):
            o = self._cmp_data(other)
            return NotImplemented if o is None else self._data < o

        def __le__(self, other):
            o = self._cmp_data(other)
            return NotImplemented if o is None else self._data <= o

        def __gt__(self, other):
            o = self._cmp_data(other)
            return NotImplemented if o is None else self._data > o

        def __ge__(self, other):
            o = self._cmp_data(other)
            return NotImplemented if o is None else self._data >= o

        __hash__ = None

        def __add__(self, other):
            if not isinstance(other, deque):
                raise TypeError(f'can only concatenate deque (not '
                                f'"{type(other).__name__}") to deque')
            new = self.copy()
            new.extend(other)
            return new

        def __iadd__(self, other):
            self.extend(other)
            return self

        def __mul__(self, n):
            new = self.copy()
            new *= n
            return new

        __rmul__ = __mul__

        def __imul__(self, n):
            n = _index(n)
            self._state += 1
            if n <= 0:
                self._data.clear()
            else:
                self._data *= n
                self._trim_left()
            return self

        def __reduce__(self):
            if self._maxlen is None:
                return type(self), ((),), None, iter(self)
            return type(self), ((), self._maxlen), None, iter(self)

        __class_getitem__ = classmethod(type(list[int]))

    deque.__module__ = _deque_iterator.__module__ = 'collections'

    def _index(n):
        if isinstance(n, int):
            return n
        try:
            f = type(n).__index__
        except AttributeError:
            raise TypeError(f"'{type(n).__name__}' object cannot be "
                            f"interpreted as an integer") from None
        return f(n)

    @_recursive_repr('[...]')
    def _deque_repr(self):
        name = type(self).__name__
        if self._maxlen is not None:
            return f'{name}({self._data!r}, maxlen={self._maxlen})'
        return f'{name}({self._data!r})'

_collections_abc.MutableSequence.register(deque)
