"""heapq -- heap queues (priority queues) on plain lists.

A heap is a list with heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2],
so heap[0] is the smallest item.  The primitives (heappush, heappop,
heapify, heapreplace, heappushpop and the max-heap helpers used below)
come from the C module _heapq when it is built in; the Python versions
here are the fallback.  merge(), nlargest() and nsmallest() are written
on top of them.

nlargest/nsmallest keep a heap of the n best (key, arrival order, item)
entries seen so far, so the result equals sorted(...)[:n] including the
order of equal items, while reading the input only once.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def heappush(heap, item):
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    last = heap.pop()
    if heap:
        top = heap[0]
        heap[0] = last
        _siftup(heap, 0)
        return top
    return last


def heapreplace(heap, item):
    """Pop and return the smallest item, then push item (heap must not be
    empty)."""
    top = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return top


def heappushpop(heap, item):
    """Push item, then pop and return the smallest item (faster than the
    two calls)."""
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    for i in reversed(range(len(x) // 2)):
        _siftup(x, i)


def _heappop_max(heap):
    """Maxheap version of a heappop."""
    last = heap.pop()
    if heap:
        top = heap[0]
        heap[0] = last
        _siftup_max(heap, 0)
        return top
    return last


def _heapreplace_max(heap, item):
    top = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return top


def _heapify_max(x):
    for i in reversed(range(len(x) // 2)):
        _siftup_max(x, i)


# The item at pos moves toward the root while it beats its parent.
def _siftdown(heap, startpos, pos):
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if not item < parent:
            break
        heap[pos] = parent
        pos = parentpos
    heap[pos] = item


# The hole at pos sinks to a leaf, the better child moving up each time;
# the displaced item is then put in the hole and moved back up.
def _siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < endpos:
        right = child + 1
        if right < endpos and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _siftdown(heap, startpos, pos)


def _siftdown_max(heap, startpos, pos):
    """Maxheap variant of _siftdown"""
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if not parent < item:
            break
        heap[pos] = parent
        pos = parentpos
    heap[pos] = item


def _siftup_max(heap, pos):
    """Maxheap variant of _siftup"""
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < endpos:
        right = child + 1
        if right < endpos and not heap[right] < heap[child]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _siftdown_max(heap, startpos, pos)


try:
    from _heapq import *
except ImportError:
    pass
try:
    from _heapq import _heapreplace_max
except ImportError:
    pass
try:
    from _heapq import _heapify_max
except ImportError:
    pass
try:
    from _heapq import _heappop_max
except ImportError:
    pass


def merge(*iterables, key=None, reverse=False):
    """Lazily merge sorted iterables into one sorted stream (stable; key
    orders by key(item); reverse=True for inputs sorted largest first)."""
    # Each heap entry is [sort value, tie-breaking input number, (item,)
    # next-function]; the input number keeps the merge stable and keeps
    # comparisons away from the functions.
    if reverse:
        make, pop, replace, sign = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        make, pop, replace, sign = heapify, heappop, heapreplace, 1
    h = []
    for n, it in enumerate(map(iter, iterables)):
        nxt = it.__next__
        try:
            value = nxt()
        except StopIteration:
            continue
        if key is None:
            h.append([value, n * sign, nxt])
        else:
            h.append([key(value), n * sign, value, nxt])
    make(h)
    if key is None:
        while len(h) > 1:
            try:
                while True:
                    entry = h[0]
                    yield entry[0]
                    entry[0] = entry[2]()
                    replace(h, entry)
            except StopIteration:
                pop(h)
        if h:
            value, _, nxt = h[0]
            yield value
            yield from nxt.__self__
        return
    while len(h) > 1:
        try:
            while True:
                entry = h[0]
                yield entry[2]
                value = entry[3]()
                entry[0] = key(value)
                entry[2] = value
                replace(h, entry)
        except StopIteration:
            pop(h)
    if h:
        _, _, value, nxt = h[0]
        yield value
        yield from nxt.__self__


def nsmallest(n, iterable, key=None):
    """The n smallest elements, as sorted(iterable, key=key)[:n]."""
    return _select(n, iterable, key, False)


def nlargest(n, iterable, key=None):
    """The n largest elements, as sorted(iterable, key=key, reverse=True)[:n]."""
    return _select(n, iterable, key, True)


def _select(n, iterable, key, largest):
    if n == 1:
        it = iter(iterable)
        missing = object()
        pick = max if largest else min
        if key is None:
            best = pick(it, default=missing)
        else:
            best = pick(it, default=missing, key=key)
        return [] if best is missing else [best]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=largest)[:n]
    if n <= 0:
        return []
    # The kept entries form a heap whose root is the worst of them: a max
    # heap for nsmallest, a min heap for nlargest.  Arrival numbers count
    # up for nsmallest and down for nlargest so that among equal keys the
    # earlier item wins, as in a stable sort.
    it = iter(iterable)
    if largest:
        make, replace, step = heapify, heapreplace, -1
    else:
        make, replace, step = _heapify_max, _heapreplace_max, 1
    order = 0
    kept = []
    for elem in it:
        kept.append((elem if key is None else key(elem), order, elem))
        order += step
        if len(kept) == n:
            break
    if not kept:
        return []
    make(kept)
    worst = kept[0][0]
    for elem in it:
        k = elem if key is None else key(elem)
        if (worst < k) if largest else (k < worst):
            replace(kept, (k, order, elem))
            worst = kept[0][0]
        order += step
    kept.sort(reverse=largest)
    return [entry[2] for entry in kept]
