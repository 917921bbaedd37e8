"""copy -- shallow and deep copy operations.

copy(x) and deepcopy(x) first look for a handler of type(x) (immutable
values are returned as they are, the built-in containers are copied
directly), then for __copy__ / __deepcopy__, then for a reduction: a
copyreg.dispatch_table entry, the class's own __reduce_ex__/__reduce__,
or -- for instances of ordinary classes whose reduction is object's --
the reduction object.__reduce_ex__(4) would give, computed here
(constructor via __newobj__ with __getnewargs_ex__/__getnewargs__, the
state from __getstate__ or the instance __dict__ and slots, and the
items of list and dict subclasses).  _reconstruct() rebuilds an object
from a reduction, deep-copying its parts when a memo is given.

deepcopy's memo maps id(original) -> copy, so shared and recursive
structures are copied once; the originals are kept alive in the memo so
their ids cannot be reused while it exists.
"""

import types
import weakref
from copyreg import dispatch_table, __newobj__, __newobj_ex__, _slotnames


class Error(Exception):
    pass


error = Error   # backward compatibility

__all__ = ["Error", "copy", "deepcopy"]


def copy(x):
    """Return a shallow copy of x."""
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier is not None:
        return copier(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


_copy_dispatch = d = {}


def _copy_immutable(x):
    return x


for t in (type(None), int, float, bool, complex, str, tuple,
          bytes, frozenset, type, range, slice, property,
          types.BuiltinFunctionType, type(Ellipsis), type(NotImplemented),
          types.FunctionType, types.CodeType, weakref.ref):
    d[t] = _copy_immutable

d[list] = list.copy
d[dict] = dict.copy
d[set] = set.copy
d[bytearray] = bytearray.copy
del d, t


def deepcopy(x, memo=None, _nil=[]):
    """Return a deep copy of x (memo: id -> copy, shared by the recursion)."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, cls)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


_deepcopy_dispatch = d = {}


def _deepcopy_atomic(x, memo):
    return x


for t in (type(None), type(Ellipsis), type(NotImplemented), int, float,
          bool, complex, bytes, str, types.CodeType, type, range,
          types.BuiltinFunctionType, types.FunctionType, weakref.ref,
          property):
    d[t] = _deepcopy_atomic


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


d[list] = _deepcopy_list


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    # A recursive tuple may have been copied while copying its items.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


d[tuple] = _deepcopy_tuple


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


d[dict] = _deepcopy_dict


def _deepcopy_set(x, memo, deepcopy=deepcopy):
    return type(x)([deepcopy(a, memo) for a in x])


d[set] = d[frozenset] = _deepcopy_set


def _deepcopy_bytearray(x, memo):
    return bytearray(x)


d[bytearray] = _deepcopy_bytearray


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


d[types.MethodType] = _deepcopy_method
del d, t


def _keep_alive(x, memo):
    """Keep a reference to x in the memo, so that its id is not reused
    while the memo lives."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reduce(x, cls):
    """The reduction of x: from copyreg.dispatch_table, the class's own
    __reduce_ex__ / __reduce__, or the default one for instances."""
    reductor = dispatch_table.get(cls)
    if reductor is not None:
        return reductor(x)
    rex = getattr(cls, "__reduce_ex__", None)
    if rex is not None and rex is not object.__reduce_ex__:
        return x.__reduce_ex__(4)
    red = getattr(cls, "__reduce__", None)
    if red is not None and red is not object.__reduce__:
        return x.__reduce__()
    if rex is None and red is None:
        raise Error("un(shallow)copyable object of type %s" % cls)
    return _default_reduce(x, cls)


_HEAPTYPE = 1 << 9


def _default_reduce(x, cls):
    """What object.__reduce_ex__(4) gives for x (protocol 2+ reduction)."""
    if not (cls.__flags__ & _HEAPTYPE):
        # A built-in type with no way of being rebuilt.
        x.__reduce_ex__(4)          # raises "cannot pickle ..."
        raise TypeError(f"cannot pickle {cls.__name__!r} object")
    kwargs = None
    getnewargs_ex = getattr(x, "__getnewargs_ex__", None)
    if getnewargs_ex is not None:
        r = getnewargs_ex()
        if not isinstance(r, tuple):
            raise TypeError(f"__getnewargs_ex__ should return a tuple, "
                            f"not '{type(r).__name__}'")
        if len(r) != 2:
            raise ValueError(f"__getnewargs_ex__ should return a tuple of "
                             f"length 2, not {len(r)}")
        args, kwargs = r
        if not isinstance(args, tuple):
            raise TypeError(f"first item of the tuple returned by "
                            f"__getnewargs_ex__ must be a tuple, not "
                            f"'{type(args).__name__}'")
        if not isinstance(kwargs, dict):
            raise TypeError(f"second item of the tuple returned by "
                            f"__getnewargs_ex__ must be a dict, not "
                            f"'{type(kwargs).__name__}'")
    else:
        getnewargs = getattr(x, "__getnewargs__", None)
        if getnewargs is not None:
            args = getnewargs()
            if not isinstance(args, tuple):
                raise TypeError(f"__getnewargs__ should return a tuple, "
                                f"not '{type(args).__name__}'")
        else:
            args = ()
    getstate = getattr(cls, "__getstate__", None)
    if getstate is not None and getstate is not object.__getstate__:
        state = x.__getstate__()
    else:
        state = _object_state(x, cls)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    if kwargs:
        return (__newobj_ex__, (cls, args, kwargs), state, listitems, dictitems)
    return (__newobj__, (cls,) + args, state, listitems, dictitems)


def _object_state(x, cls):
    """object.__getstate__(): the instance __dict__ (or None), paired with
    a dict of the filled slots when there are any."""
    state = getattr(x, "__dict__", None)
    slotnames = _slotnames(cls)
    if slotnames:
        slots = {}
        for name in slotnames:
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    return state


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
