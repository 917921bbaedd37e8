"""abc -- Abstract Base Classes (PEP 3119).

ABCMeta is a metaclass that keeps, for every class it makes, one private
record (the `_abc_impl` attribute, as CPython's C accelerator does):

  registry   classes made virtual subclasses with register()
  cache      classes known to be subclasses
  negative   classes known not to be, valid while `negative_version`
             equals the global invalidation counter

All three are sets of weak references, so registering or testing a class
does not keep it alive.  A lookup builds `ref(cls)` without a callback:
such a reference is shared per object and compares equal to any live
reference to the same object, so membership tests are plain set lookups.
Stored references carry a callback that takes them out of the set when
the class dies.

register() bumps the global counter, which invalidates every negative
cache at once; positive answers never become wrong, so they are never
invalidated.

The abstract-method bookkeeping (`__abstractmethods__`) is computed here;
refusing to instantiate a class with abstract methods is done by
object.__new__.
"""

from _weakref import ref as _ref


def abstractmethod(funcobj):
    """A decorator indicating abstract methods."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """A decorator indicating abstract classmethods (deprecated)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """A decorator indicating abstract staticmethods (deprecated)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """A decorator indicating abstract properties (deprecated)."""

    __isabstractmethod__ = True


_invalidation_counter = 0


def get_cache_token():
    """An opaque token (compare with ==) that changes whenever a class
    is registered with any ABC."""
    return _invalidation_counter


class _WeakClassSet:
    """A set of classes held through weak references."""

    __slots__ = ('data', '_remove', '__weakref__')

    def __init__(self):
        data = self.data = set()
        self._remove = data.discard

    def __contains__(self, cls):
        try:
            return _ref(cls) in self.data
        except TypeError:
            return False

    def add(self, cls):
        self.data.add(_ref(cls, self._remove))

    def clear(self):
        self.data.clear()

    def __iter__(self):
        for r in list(self.data):
            obj = r()
            if obj is not None:
                yield obj

    def __len__(self):
        return len(self.data)


class _abc_data:
    __slots__ = ('registry', 'cache', 'negative', 'negative_version')

    def __init__(self):
        self.registry = _WeakClassSet()
        self.cache = _WeakClassSet()
        self.negative = _WeakClassSet()
        self.negative_version = _invalidation_counter


def _compute_abstracts(cls, namespace, bases):
    abstracts = set()
    for name, value in namespace.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    for base in bases:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass of abstract base classes: tracks abstract methods and
    lets register() add virtual subclasses that isinstance() and
    issubclass() recognise."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace, bases)
        cls._abc_impl = _abc_data()
        return cls

    def register(cls, subclass):
        """Make subclass a virtual subclass of this ABC; returns subclass."""
        global _invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_impl.registry.add(subclass)
        _invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        impl = cls._abc_impl
        subclass = instance.__class__
        if subclass in impl.cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (impl.negative_version == _invalidation_counter and
                    subclass in impl.negative):
                return False
            return cls.__subclasscheck__(subclass)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        impl = cls._abc_impl
        if subclass in impl.cache:
            return True
        if impl.negative_version < _invalidation_counter:
            impl.negative.clear()
            impl.negative_version = _invalidation_counter
        elif subclass in impl.negative:
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            if not isinstance(ok, bool):
                raise AssertionError("__subclasshook__ must return either "
                                     "False, True, or NotImplemented")
            if ok:
                impl.cache.add(subclass)
            else:
                impl.negative.add(subclass)
            return ok
        if cls in subclass.__mro__:
            impl.cache.add(subclass)
            return True
        for rcls in impl.registry:
            if issubclass(subclass, rcls):
                impl.cache.add(subclass)
                return True
        subclasses = cls.__subclasses__()
        for scls in subclasses:
            if issubclass(subclass, scls):
                impl.cache.add(subclass)
                return True
        impl.negative.add(subclass)
        return False

    def _dump_registry(cls, file=None):
        """Debug helper to print the ABC registry."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        impl = cls._abc_impl
        print(f"_abc_registry: {set(impl.registry)!r}", file=file)
        print(f"_abc_cache: {set(impl.cache)!r}", file=file)
        print(f"_abc_negative_cache: {set(impl.negative)!r}", file=file)
        print(f"_abc_negative_cache_version: {impl.negative_version!r}",
              file=file)

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative.clear()


def _get_dump(cls):
    impl = cls._abc_impl
    return (set(impl.registry.data), set(impl.cache.data),
            set(impl.negative.data), impl.negative_version)


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ after methods were added or
    implemented on it; does nothing for classes that are not ABCs.
    Returns cls."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if getattr(value, '__isabstractmethod__', False):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if getattr(value, '__isabstractmethod__', False):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Convenience base class whose metaclass is ABCMeta."""
    __slots__ = ()
