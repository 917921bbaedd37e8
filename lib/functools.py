"""functools -- higher-order functions and operations on callable objects.

Written for refpy in pure Python.  Notes on the less obvious parts:

* partial keeps its three fields in private slots; the public names
  func/args/keywords are read-only descriptors (as the C type's members),
  and partial(partial(f, 1), 2) flattens to partial(f, 1, 2) unless the
  inner object carries instance attributes or a custom __call__.

* lru_cache returns a plain function (a closure), the fastest thing to call
  here.  The bounded cache is a dict from key to node plus a circular
  doubly linked list of nodes ([prev, next, key, result]) kept in recency
  order: a hit moves its node to the back, a miss on a full cache reuses
  the front (oldest) node.  Keys are the positional-argument tuple, extended
  with a marker and the keyword items when there are keywords, and with
  the argument types when typed=True; a lone int or str argument is its own
  key.

* singledispatch looks the class up along its MRO; abstract base classes
  registered for dispatch are merged into that MRO (a C3 linearisation over
  the class's bases plus the ABCs it virtually derives from), so a
  registration for collections.abc.Sequence is found for a list.
"""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']

from abc import get_cache_token
from collections import namedtuple
from reprlib import recursive_repr
from types import GenericAlias, MethodType, MappingProxyType


# ---------------------------------------------------------------------------
# update_wrapper / wraps

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__', '__type_params__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper,
                   wrapped,
                   assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Make wrapper look like wrapped: copy the attributes named in
    assigned, update those named in updated, set __wrapped__; return wrapper."""
    for name in assigned:
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            continue
        setattr(wrapper, name, value)
    for name in updated:
        getattr(wrapper, name).update(getattr(wrapped, name, {}))
    # Last, so that a __wrapped__ found in wrapped.__dict__ does not win.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped,
          assigned=WRAPPER_ASSIGNMENTS,
          updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper(): wraps(f)(g) is update_wrapper(g, f)."""
    return partial(update_wrapper, wrapped=wrapped,
                   assigned=assigned, updated=updated)


# ---------------------------------------------------------------------------
# total_ordering

# Each helper derives one comparison from a defined root comparison.  The
# root is looked up on the type, as the interpreter would, and a
# NotImplemented answer is passed through untouched.

def _gt_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return not r and self != other

def _le_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return r or self == other

def _ge_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return not r

def _ge_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return not r or self == other

def _lt_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return r and self != other

def _gt_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return not r

def _lt_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return not r and self != other

def _ge_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return r or self == other

def _le_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return not r

def _le_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return not r or self == other

def _gt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return r and self != other

def _lt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return not r

_convert = {
    '__lt__': [('__gt__', _gt_from_lt),
               ('__le__', _le_from_lt),
               ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le),
               ('__lt__', _lt_from_le),
               ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt),
               ('__ge__', _ge_from_gt),
               ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge),
               ('__gt__', _gt_from_ge),
               ('__lt__', _lt_from_ge)]
}


def total_ordering(cls):
    """Class decorator adding the missing rich comparisons from one of
    __lt__, __le__, __gt__, __ge__ (and __eq__)."""
    # A comparison counts as defined when it is not object's default.
    roots = {op for op in _convert
             if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)       # prefer __lt__ to __le__ to __gt__ to __ge__
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            opfunc.__name__ = opname
            setattr(cls, opname, opfunc)
    return cls


# ---------------------------------------------------------------------------
# cmp_to_key

class KeyWrapper:
    """The key made by cmp_to_key(): called with an object it returns a
    wrapper of that object whose comparisons call the cmp function."""

    __slots__ = ('cmp', 'obj')

    def __init__(self, cmp, obj=None):
        self.cmp = cmp
        self.obj = obj

    def __call__(self, obj):
        return KeyWrapper(self.cmp, obj)

    def _other(self, other):
        if type(other) is not KeyWrapper:
            raise TypeError("other argument must be K instance")
        return other.obj

    def __lt__(self, other):
        return self.cmp(self.obj, self._other(other)) < 0

    def __gt__(self, other):
        return self.cmp(self.obj, self._other(other)) > 0

    def __eq__(self, other):
        return self.cmp(self.obj, self._other(other)) == 0

    def __le__(self, other):
        return self.cmp(self.obj, self._other(other)) <= 0

    def __ge__(self, other):
        return self.cmp(self.obj, self._other(other)) >= 0

    __hash__ = None


def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function."""
    return KeyWrapper(mycmp)


try:
    from _functools import cmp_to_key
except ImportError:
    pass


# ---------------------------------------------------------------------------
# reduce

def reduce(*args, **kwargs):
    if kwargs:
        raise TypeError("reduce() takes no keyword arguments")
    n = len(args)
    if n < 2:
        raise TypeError(f"reduce expected at least 2 arguments, got {n}")
    if n > 3:
        raise TypeError(f"reduce expected at most 3 arguments, got {n}")
    function = args[0]
    try:
        it = iter(args[1])
    except TypeError as e:
        if e.args and isinstance(e.args[0], str) and e.args[0].endswith("is not iterable"):
            raise TypeError("reduce() arg 2 must support iteration") from None
        raise
    if n == 3:
        value = args[2]
    else:
        for value in it:
            break
        else:
            raise TypeError("reduce() of empty iterable with no initial value")
    for element in it:
        value = function(value, element)
    return value


try:
    from _functools import reduce
except ImportError:
    pass


# ---------------------------------------------------------------------------
# partial

class _ReadOnlyField:
    """A read-only view of one of partial's private slots."""

    __slots__ = ('slot', '_doc')

    def __init__(self, slot, doc):
        self.slot = slot
        self._doc = doc

    __doc__ = property(lambda self: self._doc)

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return self.slot.__get__(obj, cls)

    def __set__(self, obj, value):
        raise AttributeError('readonly attribute')

    def __delete__(self, obj):
        raise AttributeError('readonly attribute')


class partial:
    """partial(func, *args, **keywords) - new function with partial application
    of the given arguments and keywords.
    """

    __slots__ = ('_p_func', '_p_args', '_p_kw', '__dict__', '__weakref__')

    def __new__(cls, /, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func = args[0]
        args = args[1:]
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if (isinstance(func, partial) and type(func).__call__ is partial.__call__
                and not func.__dict__):
            args = func._p_args + args
            if func._p_kw:
                keywords = {**func._p_kw, **keywords}
            func = func._p_func
        self = object.__new__(cls)
        self._p_func = func
        self._p_args = args
        self._p_kw = keywords
        return self

    def __call__(self, /, *args, **keywords):
        kw = self._p_kw
        if kw:
            keywords = {**kw, **keywords}
        return self._p_func(*self._p_args, *args, **keywords)

    def __repr__(self):
        return _partial_repr(self)

    def __reduce__(self):
        return (type(self), (self._p_func,),
                (self._p_func, self._p_args, self._p_kw or None,
                 self.__dict__ or None))

    def __setstate__(self, state):
        if not isinstance(state, tuple):
            raise TypeError("argument to __setstate__ must be a tuple")
        if len(state) != 4:
            raise TypeError(f"expected 4 items in state, got {len(state)}")
        func, args, kwds, namespace = state
        if (not callable(func) or not isinstance(args, tuple) or
                (kwds is not None and not isinstance(kwds, dict)) or
                (namespace is not None and not isinstance(namespace, dict))):
            raise TypeError("invalid partial state")
        args = tuple(args)
        if kwds is None:
            kwds = {}
        elif type(kwds) is not dict:
            kwds = dict(kwds)
        self._p_func = func
        self._p_args = args
        self._p_kw = kwds
        d = self.__dict__
        d.clear()
        if namespace is not None:
            d.update(namespace)

    __class_getitem__ = classmethod(GenericAlias)


partial.func = _ReadOnlyField(partial._p_func, "function object to use in future partial calls")
partial.args = _ReadOnlyField(partial._p_args, "tuple of arguments to future partial calls")
partial.keywords = _ReadOnlyField(partial._p_kw, "dictionary of keyword arguments to future partial calls")


try:
    from _functools import partial
except ImportError:
    pass


@recursive_repr()
def _partial_repr(self):
    parts = [repr(self._p_func)]
    parts.extend(repr(a) for a in self._p_args)
    parts.extend(f"{k!s}={v!r}" for k, v in self._p_kw.items())
    cls = type(self)
    name = 'functools.partial' if cls is partial else cls.__name__
    return f"{name}({', '.join(parts)})"


class partialmethod(object):
    """Descriptor form of partial: binds like the wrapped callable or
    descriptor, then applies the stored arguments."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError("{!r} is not callable or a descriptor".format(func))
        if isinstance(func, partialmethod):
            # Flatten: the inner descriptor is bound only once.
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend(f"{k}={v!r}" for k, v in self.keywords.items())
        cls = type(self)
        return f"{cls.__module__}.{cls.__qualname__}({', '.join(parts)})"

    def _make_unbound_method(self):
        def _method(cls_or_self, /, *args, **keywords):
            keywords = {**self.keywords, **keywords}
            return self.func(cls_or_self, *self.args, *args, **keywords)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        get = getattr(self.func, "__get__", None)
        result = None
        if get is not None:
            new_func = get(obj, cls)
            if new_func is not self.func:
                # A bound method or similar: bind the extra arguments to it.
                result = partial(new_func, *self.args, **self.keywords)
                try:
                    result.__self__ = new_func.__self__
                except AttributeError:
                    pass
        if result is None:
            # A plain callable or a descriptor that returned itself.
            result = self._make_unbound_method().__get__(obj, cls)
        return result

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)

    __class_getitem__ = classmethod(GenericAlias)


def _unwrap_partial(func):
    while isinstance(func, partial):
        func = func.func
    return func


# ---------------------------------------------------------------------------
# lru_cache

_CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])

_kwd_mark = (object(),)
_fasttypes = {int, str}


def _make_key(args, kwds, typed):
    """Build a cache key from call arguments (flat, hashable)."""
    key = args
    if kwds:
        key += _kwd_mark
        for item in kwds.items():
            key += item
    if typed:
        key += tuple([type(v) for v in args])
        if kwds:
            key += tuple([type(v) for v in kwds.values()])
    elif len(key) == 1 and type(key[0]) in _fasttypes:
        return key[0]
    return key


def lru_cache(maxsize=128, typed=False):
    """Decorator: memoize a function, keeping at most maxsize results
    (None: no limit) and evicting the least recently used.  typed=True
    caches arguments of different types separately.  The wrapper has
    cache_info(), cache_clear() and cache_parameters()."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # Used as @lru_cache without parentheses.
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError(
            'Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo):
    if not callable(user_function):
        raise TypeError('the first argument must be callable')
    missing = object()
    make_key = _make_key
    fasttypes = _fasttypes
    hits = misses = 0
    cache = {}
    cache_get = cache.get

    if maxsize == 0:
        def wrapper(*args, **kwds):
            nonlocal misses
            misses += 1
            return user_function(*args, **kwds)

    elif maxsize is None:
        def wrapper(*args, **kwds):
            nonlocal hits, misses
            if not kwds and not typed and len(args) == 1 and type(args[0]) in fasttypes:
                key = args[0]
            else:
                key = make_key(args, kwds, typed)
            result = cache_get(key, missing)
            if result is not missing:
                hits += 1
                return result
            misses += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result

    else:
        # Node layout: [prev, next, key, result]; root is the sentinel.
        root = []
        root[:] = [root, root, None, None]
        full = False

        def wrapper(*args, **kwds):
            nonlocal root, hits, misses, full
            if not kwds and not typed and len(args) == 1 and type(args[0]) in fasttypes:
                key = args[0]
            else:
                key = make_key(args, kwds, typed)
            node = cache_get(key)
            if node is not None:
                # Unlink and put at the most-recent end.
                prev, nxt, _, result = node
                prev[1] = nxt
                nxt[0] = prev
                last = root[0]
                last[1] = root[0] = node
                node[0] = last
                node[1] = root
                hits += 1
                return result
            misses += 1
            result = user_function(*args, **kwds)
            if key in cache:
                # A recursive call filled this entry in the meantime.
                pass
            elif full:
                # Recycle the old root as the new entry and make the oldest
                # entry the new root.
                oldroot = root
                oldroot[2] = key
                oldroot[3] = result
                root = oldroot[1]
                oldkey = root[2]
                root[2] = root[3] = None
                del cache[oldkey]
                cache[key] = oldroot
            else:
                last = root[0]
                node = [last, root, key, result]
                last[1] = root[0] = cache[key] = node
                full = len(cache) >= maxsize
            return result

    def cache_info():
        """Report cache statistics"""
        return _CacheInfo(hits, misses, maxsize, len(cache))

    def cache_clear():
        """Clear the cache and cache statistics"""
        nonlocal hits, misses, full
        cache.clear()
        if maxsize:
            root[:] = [root, root, None, None]
        hits = misses = 0
        full = False

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


try:
    from _functools import _lru_cache_wrapper
except ImportError:
    pass


def cache(user_function, /):
    """An unbounded lru_cache."""
    return lru_cache(maxsize=None)(user_function)


# ---------------------------------------------------------------------------
# singledispatch

def _find_impl(cls, registry):
    """The best registered implementation for cls, or None.

    The registered classes that cls derives from only virtually (ABCs it
    was registered with, or that recognise it through __subclasshook__)
    are placed into cls's MRO right after the last class of the MRO that
    derives from them, more derived ones first.  The first registered
    class along that extended MRO wins; two unrelated ABCs competing for
    the same place make the dispatch ambiguous."""
    mro = cls.__mro__
    extra = {}          # position in mro -> virtual bases placed after it
    for typ in registry:
        if typ in mro or not isinstance(typ, type) or isinstance(typ, GenericAlias):
            continue
        try:
            if not issubclass(cls, typ):
                continue
        except TypeError:
            continue
        pos = 0
        for i, m in enumerate(mro):
            if issubclass(m, typ):
                pos = i
        extra.setdefault(pos, []).append(typ)
    for i, m in enumerate(mro):
        if m in registry:
            return registry[m]
        group = extra.get(i)
        if group:
            # The most derived candidates of the group.
            best = [t for t in group
                    if not any(o is not t and issubclass(o, t) for o in group)]
            if len(best) > 1:
                raise RuntimeError("Ambiguous dispatch: {} or {}".format(best[0], best[1]))
            return registry[best[0]]
    return None


class _ReadOnlyMapping:
    """Stand-in for types.MappingProxyType where it cannot be created."""

    __slots__ = ('_m',)

    def __init__(self, m):
        self._m = m

    def __getitem__(self, key):
        return self._m[key]

    def __iter__(self):
        return iter(self._m)

    def __len__(self):
        return len(self._m)

    def __contains__(self, key):
        return key in self._m

    def get(self, key, default=None):
        return self._m.get(key, default)

    def keys(self):
        return self._m.keys()

    def values(self):
        return self._m.values()

    def items(self):
        return self._m.items()

    def copy(self):
        return self._m.copy()

    def __repr__(self):
        return f"mappingproxy({self._m!r})"


def _mapping_proxy(d):
    try:
        return MappingProxyType(d)
    except TypeError:
        return _ReadOnlyMapping(d)


def _is_union_type(cls):
    from types import UnionType
    return isinstance(cls, UnionType)


def _is_valid_dispatch_type(cls):
    if isinstance(cls, type):
        return True
    return (_is_union_type(cls) and
            all(isinstance(arg, type) for arg in cls.__args__))


def singledispatch(func):
    """Decorator: make func a generic function that picks an
    implementation by the class of its first argument; add implementations
    with .register()."""
    import weakref

    registry = {}
    dispatch_cache = weakref.WeakKeyDictionary()
    cache_token = None

    def dispatch(cls):
        """The implementation the generic function uses for cls."""
        nonlocal cache_token
        if cache_token is not None:
            current = get_cache_token()
            if cache_token != current:
                dispatch_cache.clear()
                cache_token = current
        try:
            impl = dispatch_cache[cls]
        except KeyError:
            try:
                impl = registry[cls]
            except KeyError:
                impl = _find_impl(cls, registry)
            dispatch_cache[cls] = impl
        return impl

    def register(cls, func=None):
        """Register func as the implementation for cls (or for the class
        annotated on func's first parameter)."""
        nonlocal cache_token
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(
                    f"Invalid first argument to `register()`. "
                    f"{cls!r} is not a class or union type.")
            ann = getattr(cls, '__annotations__', {})
            if not ann:
                raise TypeError(
                    f"Invalid first argument to `register()`: {cls!r}. "
                    f"Use either `@register(some_class)` or plain `@register` "
                    f"on an annotated function.")
            func = cls
            argname, cls = next(iter(ann.items()))
            if isinstance(cls, str):
                cls = eval(cls, getattr(func, '__globals__', {}))
            if not _is_valid_dispatch_type(cls):
                if _is_union_type(cls):
                    raise TypeError(
                        f"Invalid annotation for {argname!r}. "
                        f"{cls!r} not all arguments are classes.")
                raise TypeError(
                    f"Invalid annotation for {argname!r}. "
                    f"{cls!r} is not a class.")
        if _is_union_type(cls):
            for arg in cls.__args__:
                registry[arg] = func
        else:
            registry[cls] = func
        if cache_token is None and hasattr(cls, '__abstractmethods__'):
            cache_token = get_cache_token()
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least '
                            '1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = _mapping_proxy(registry)
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """Method descriptor form of singledispatch (dispatch on the first
    argument after self/cls)."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """Register method as the implementation for cls."""
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatch = self.dispatcher.dispatch

        def _method(*args, **kwargs):
            method = dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# ---------------------------------------------------------------------------
# cached_property

_NOT_FOUND = object()


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r}).")

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname
        if name is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            d = instance.__dict__
        except AttributeError:
            raise TypeError(
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f"instance to cache {name!r} property.") from None
        val = d.get(name, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            try:
                d[name] = val
            except TypeError:
                raise TypeError(
                    f"The '__dict__' attribute on {type(instance).__name__!r} instance "
                    f"does not support item assignment for caching {name!r} property.") from None
        return val

    __class_getitem__ = classmethod(GenericAlias)
