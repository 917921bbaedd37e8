"""bisect -- keep sorted sequences sorted.

bisect_left/bisect_right find the insertion point of x in a sorted
sequence (before / after any equal items); insort_left/insort_right
insert there.  key= is applied to the items of the sequence (and, by
insort, to x).  The C module _bisect replaces these definitions when it
is built in.
"""


def insort_right(a, x, lo=0, hi=None, *, key=None):
    """Insert x into the sorted sequence a, after any items equal to it."""
    if key is None:
        lo = bisect_right(a, x, lo, hi)
    else:
        lo = bisect_right(a, key(x), lo, hi, key=key)
    a.insert(lo, x)


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """The index at which x would be inserted in the sorted sequence a,
    after any items equal to it (a[:i] <= x < a[i:])."""
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is None:
        hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        item = a[mid] if key is None else key(a[mid])
        if x < item:
            hi = mid
        else:
            lo = mid + 1
    return lo


def insort_left(a, x, lo=0, hi=None, *, key=None):
    """Insert x into the sorted sequence a, before any items equal to it."""
    if key is None:
        lo = bisect_left(a, x, lo, hi)
    else:
        lo = bisect_left(a, key(x), lo, hi, key=key)
    a.insert(lo, x)


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """The index at which x would be inserted in the sorted sequence a,
    before any items equal to it (a[:i] < x <= a[i:])."""
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is None:
        hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        item = a[mid] if key is None else key(a[mid])
        if item < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


try:
    from _bisect import *
except ImportError:
    pass

bisect = bisect_right
insort = insort_right
