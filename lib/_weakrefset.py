# _weakrefset -- WeakSet, a set that holds its elements through weak
# references (written for refpy; behaviour follows CPython 3.12's).
#
# The elements are stored as weakref.ref objects in a plain set.  Each
# reference carries a callback that drops it from the set as soon as its
# element dies.  While some iteration over the set is in progress, the
# set must not change size, so the callback queues the dead reference in
# _pending_removals instead; the queue is flushed when the last iteration
# ends, or before the next operation that changes the set.

from _weakref import ref

__all__ = ['WeakSet']

# types.GenericAlias, reached without importing the types module.
try:
    _GenericAlias = type(ref[int])
except TypeError:
    _GenericAlias = None


class _IterationGuard:
    """Context manager marking a weak container as being iterated over.

    While at least one guard is active, dead entries are queued rather
    than removed; leaving the last guard commits the queued removals.
    The container is only weakly referenced, to avoid reference cycles.
    """

    def __init__(self, weakcontainer):
        self.weakcontainer = ref(weakcontainer)

    def __enter__(self):
        container = self.weakcontainer()
        if container is not None:
            container._iterating.add(self)
        return self

    def __exit__(self, exc_type, exc_value, tb):
        container = self.weakcontainer()
        if container is not None:
            active = container._iterating
            active.remove(self)
            if not active:
                container._commit_removals()


class WeakSet:
    def __init__(self, data=None):
        self.data = set()
        # The callback given to every element reference.  It holds the
        # set weakly, so that elements never keep their WeakSet alive.
        def _remove(item, selfref=ref(self)):
            owner = selfref()
            if owner is not None:
                if owner._iterating:
                    owner._pending_removals.append(item)
                else:
                    owner.data.discard(item)
        self._remove = _remove
        self._pending_removals = []
        self._iterating = set()
        if data is not None:
            self.update(data)

    def _commit_removals(self):
        pending = self._pending_removals
        data = self.data
        while pending:
            data.discard(pending.pop())

    def __iter__(self):
        with _IterationGuard(self):
            for wr in self.data:
                item = wr()
                if item is not None:
                    yield item

    def __len__(self):
        return len(self.data) - len(self._pending_removals)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __reduce__(self):
        return self.__class__, (list(self),), self.__getstate__()

    def add(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.add(ref(item, self._remove))

    def clear(self):
        if self._pending_removals:
            self._commit_removals()
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        if self._pending_removals:
            self._commit_removals()
        while True:
            try:
                wr = self.data.pop()
            except KeyError:
                raise KeyError('pop from empty WeakSet') from None
            item = wr()
            if item is not None:
                return item

    def remove(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.remove(ref(item))

    def discard(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.discard(ref(item))

    def update(self, other):
        if self._pending_removals:
            self._commit_removals()
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        result = self.copy()
        result.difference_update(other)
        return result
    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        if self._pending_removals:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update(ref(item) for item in other)
        return self

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)
    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        if self._pending_removals:
            self._commit_removals()
        self.data.intersection_update(ref(item) for item in other)
        return self

    def issubset(self, other):
        return self.data.issubset(ref(item) for item in other)
    __le__ = issubset

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def issuperset(self, other):
        return self.data.issuperset(ref(item) for item in other)
    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == set(map(ref, other))

    def symmetric_difference(self, other):
        result = self.copy()
        result.symmetric_difference_update(other)
        return result
    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        if self._pending_removals:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.symmetric_difference_update(
                ref(item, self._remove) for item in other)
        return self

    def union(self, other):
        return self.__class__(item for group in (self, other) for item in group)
    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0

    def __repr__(self):
        return repr(self.data)

    if _GenericAlias is not None:
        __class_getitem__ = classmethod(_GenericAlias)
