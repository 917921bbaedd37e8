/* _collectionsmodule.c -- deque, defaultdict and helpers for collections.
 *
 * deque is a ring buffer: `items` has a power-of-two capacity, the
 * elements sit at items[(head + i) & (cap - 1)] for i in [0, len).  Both
 * ends are O(1) (amortised: the buffer doubles when full and halves when
 * it is three-quarters empty), and so is indexing, which CPython's
 * linked blocks only do in O(n/64).  A bounded deque (maxlen) drops from
 * the opposite end after an append.
 *
 * Mutation detection: every operation that adds or removes elements bumps
 * `state`; iterators and the searching methods (count, index, remove,
 * `in`) compare it after calling back into Python (__eq__ may mutate the
 * deque) and raise RuntimeError "deque mutated during iteration" as
 * CPython does.  Since a comparison may also shrink the deque, element
 * access after a callback always re-checks the state before touching the
 * buffer.
 *
 * Clearing never decrefs while the deque still points at the items: the
 * buffer is detached first, so a __del__ that touches the deque sees it
 * empty.
 *
 * defaultdict is a dict subclass laid out as PyDictObject plus one field;
 * dict's own subscript calls our __missing__.
 *
 * _tuplegetter is the field descriptor of namedtuple classes, and
 * _count_elements the counting loop of Counter.update().
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_gc.h"
#include "rp_langextras.h"      /* Py_GenericAlias */

/* ------------------------------------------------------------------ */
/* deque                                                               */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject **items;       /* ring buffer (NULL while cap == 0) */
    Py_ssize_t cap;         /* 0 or a power of two */
    Py_ssize_t head;        /* position of element 0 */
    Py_ssize_t len;
    Py_ssize_t maxlen;      /* -1: unbounded */
    size_t state;           /* bumped by every structural change */
    PyObject *weakreflist;
} dequeobject;

static PyTypeObject deque_type, dequeiter_type, dequereviter_type;

#define DQ_AT(d, i) ((d)->items[((d)->head + (i)) & ((d)->cap - 1)])
#define DQ_MINCAP 8

static PyObject *
deque_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    dequeobject *d = (dequeobject *)type->tp_alloc(type, 0);
    if (d == NULL)
        return NULL;
    d->items = NULL;
    d->cap = d->head = d->len = 0;
    d->maxlen = -1;
    d->state = 0;
    d->weakreflist = NULL;
    return (PyObject *)d;
}

/* Move the elements into a buffer of newcap slots (a power of two >=
   len), starting at position 0.  0 / -1. */
static int
deque_resize(dequeobject *d, Py_ssize_t newcap)
{
    if ((size_t)newcap > PY_SSIZE_T_MAX / sizeof(PyObject *)) {
        PyErr_NoMemory();
        return -1;
    }
    PyObject **items = PyMem_Malloc((size_t)newcap * sizeof(PyObject *));
    if (items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < d->len; i++)
        items[i] = DQ_AT(d, i);
    PyMem_Free(d->items);
    d->items = items;
    d->cap = newcap;
    d->head = 0;
    return 0;
}

static inline int
deque_grow_if_full(dequeobject *d)
{
    if (d->len < d->cap)
        return 0;
    return deque_resize(d, d->cap ? d->cap * 2 : DQ_MINCAP);
}

static inline void
deque_shrink_if_sparse(dequeobject *d)
{
    if (d->cap > 64 && d->len < d->cap / 4) {
        if (deque_resize(d, d->cap / 2) < 0)
            PyErr_Clear();      /* keeping the bigger buffer is fine */
    }
}

/* Take one element from either end (reference moves to the caller). */
static PyObject *
deque_take_right(dequeobject *d)
{
    PyObject *item = DQ_AT(d, d->len - 1);
    d->len--;
    d->state++;
    return item;
}

static PyObject *
deque_take_left(dequeobject *d)
{
    PyObject *item = d->items[d->head];
    d->head = (d->head + 1) & (d->cap - 1);
    d->len--;
    d->state++;
    return item;
}

/* Append (stealing item); trims the left end of a bounded deque. */
static int
deque_push_right(dequeobject *d, PyObject *item)
{
    if (deque_grow_if_full(d) < 0) {
        Py_DECREF(item);
        return -1;
    }
    DQ_AT(d, d->len) = item;
    d->len++;
    d->state++;
    if (d->maxlen >= 0 && d->len > d->maxlen)
        Py_DECREF(deque_take_left(d));
    return 0;
}

static int
deque_push_left(dequeobject *d, PyObject *item)
{
    if (deque_grow_if_full(d) < 0) {
        Py_DECREF(item);
        return -1;
    }
    d->head = (d->head - 1) & (d->cap - 1);
    d->items[d->head] = item;
    d->len++;
    d->state++;
    if (d->maxlen >= 0 && d->len > d->maxlen)
        Py_DECREF(deque_take_right(d));
    return 0;
}

/* Empty the deque; the old elements are released only once the deque no
   longer refers to them. */
static void
deque_clear_items(dequeobject *d)
{
    PyObject **items = d->items;
    Py_ssize_t cap = d->cap, head = d->head, len = d->len;
    d->items = NULL;
    d->cap = d->head = d->len = 0;
    d->state++;
    for (Py_ssize_t i = 0; i < len; i++)
        Py_DECREF(items[(head + i) & (cap - 1)]);
    PyMem_Free(items);
}

static PyObject *
deque_append(PyObject *self, PyObject *item)
{
    if (deque_push_right((dequeobject *)self, Py_NewRef(item)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
deque_appendleft(PyObject *self, PyObject *item)
{
    if (deque_push_left((dequeobject *)self, Py_NewRef(item)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
deque_pop(PyObject *self, PyObject *unused)
{
    dequeobject *d = (dequeobject *)self;
    if (d->len == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from an empty deque");
        return NULL;
    }
    PyObject *item = deque_take_right(d);
    deque_shrink_if_sparse(d);
    return item;
}

static PyObject *
deque_popleft(PyObject *self, PyObject *unused)
{
    dequeobject *d = (dequeobject *)self;
    if (d->len == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from an empty deque");
        return NULL;
    }
    PyObject *item = deque_take_left(d);
    deque_shrink_if_sparse(d);
    return item;
}

/* Run an iterator to its end (a maxlen=0 deque keeps nothing). */
static PyObject *
consume_iterator(PyObject *it)
{
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL)
        Py_DECREF(item);
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
deque_extend_impl(dequeobject *d, PyObject *iterable, int left)
{
    if ((PyObject *)d == iterable) {
        PyObject *s = PySequence_List(iterable);
        if (s == NULL)
            return NULL;
        PyObject *r = deque_extend_impl(d, s, left);
        Py_DECREF(s);
        return r;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    if (d->maxlen == 0)
        return consume_iterator(it);
    iternextfunc iternext = Py_TYPE(it)->tp_iternext;
    PyObject *item;
    while ((item = iternext(it)) != NULL) {
        int r = left ? deque_push_left(d, item) : deque_push_right(d, item);
        if (r < 0) {
            Py_DECREF(it);
            return NULL;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_StopIteration))
            return NULL;
        PyErr_Clear();
    }
    Py_RETURN_NONE;
}

static PyObject *
deque_extend(PyObject *self, PyObject *iterable)
{
    return deque_extend_impl((dequeobject *)self, iterable, 0);
}

static PyObject *
deque_extendleft(PyObject *self, PyObject *iterable)
{
    return deque_extend_impl((dequeobject *)self, iterable, 1);
}

static PyObject *
deque_inplace_concat(PyObject *self, PyObject *other)
{
    PyObject *r = deque_extend_impl((dequeobject *)self, other, 0);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    return Py_NewRef(self);
}

/* New reference: a copy of the deque (same type, same maxlen). */
static PyObject *
deque_copy(PyObject *self, PyObject *unused)
{
    dequeobject *d = (dequeobject *)self;
    if (Py_IS_TYPE(d, &deque_type)) {
        dequeobject *nd = (dequeobject *)deque_new(&deque_type, NULL, NULL);
        if (nd == NULL)
            return NULL;
        nd->maxlen = d->maxlen;
        if (d->len > 0) {
            Py_ssize_t cap = DQ_MINCAP;
            while (cap < d->len)
                cap *= 2;
            nd->items = PyMem_Malloc((size_t)cap * sizeof(PyObject *));
            if (nd->items == NULL) {
                Py_DECREF(nd);
                return PyErr_NoMemory();
            }
            nd->cap = cap;
            for (Py_ssize_t i = 0; i < d->len; i++)
                nd->items[i] = Py_NewRef(DQ_AT(d, i));
            nd->len = d->len;
        }
        return (PyObject *)nd;
    }
    if (d->maxlen < 0)
        return PyObject_CallOneArg((PyObject *)Py_TYPE(d), self);
    PyObject *maxlen = PyLong_FromSsize_t(d->maxlen);
    if (maxlen == NULL)
        return NULL;
    PyObject *args[2] = {self, maxlen};
    PyObject *r = PyObject_Vectorcall((PyObject *)Py_TYPE(d), args, 2, NULL);
    Py_DECREF(maxlen);
    return r;
}

static PyObject *
deque_concat(PyObject *self, PyObject *other)
{
    if (!PyObject_TypeCheck(other, &deque_type)) {
        PyErr_Format(PyExc_TypeError,
                     "can only concatenate %.200s (not \"%.200s\") to %.200s",
                     _PyType_Name(Py_TYPE(self)), _PyType_Name(Py_TYPE(other)),
                     _PyType_Name(Py_TYPE(self)));
        return NULL;
    }
    PyObject *new = deque_copy(self, NULL);
    if (new == NULL)
        return NULL;
    PyObject *r = deque_extend(new, other);
    if (r == NULL) {
        Py_DECREF(new);
        return NULL;
    }
    Py_DECREF(r);
    return new;
}

static PyObject *
deque_inplace_repeat(PyObject *self, Py_ssize_t n)
{
    dequeobject *d = (dequeobject *)self;
    Py_ssize_t size = d->len;
    if (size == 0 || n == 1)
        return Py_NewRef(self);
    if (n <= 0) {
        deque_clear_items(d);
        return Py_NewRef(self);
    }
    if (d->maxlen >= 0) {
        /* Only the last maxlen elements survive: a few rounds suffice. */
        Py_ssize_t rounds = d->maxlen / size + 2;
        if (n > rounds)
            n = rounds;
    }
    else if (size > PY_SSIZE_T_MAX / n) {
        return PyErr_NoMemory();
    }
    PyObject *snapshot = PySequence_List(self);
    if (snapshot == NULL)
        return NULL;
    for (Py_ssize_t r = 1; r < n; r++) {
        for (Py_ssize_t i = 0; i < size; i++) {
            if (deque_push_right(d, Py_NewRef(PyList_GET_ITEM(snapshot, i))) < 0) {
                Py_DECREF(snapshot);
                return NULL;
            }
        }
    }
    Py_DECREF(snapshot);
    return Py_NewRef(self);
}

static PyObject *
deque_repeat(PyObject *self, Py_ssize_t n)
{
    PyObject *new = deque_copy(self, NULL);
    if (new == NULL)
        return NULL;
    PyObject *r = deque_inplace_repeat(new, n);
    Py_DECREF(new);
    return r;
}

/* Rotate right by n (left if negative).  0 / -1. */
static int
deque_rotate_impl(dequeobject *d, Py_ssize_t n)
{
    Py_ssize_t len = d->len;
    if (len <= 1)
        return 0;
    Py_ssize_t half = len / 2;
    if (n > half || n < -half) {
        n %= len;
        if (n > half)
            n -= len;
        else if (n < -half)
            n += len;
    }
    if (n == 0)
        return 0;
    d->state++;
    if (len == d->cap) {
        /* A full ring rotates by moving its start. */
        d->head = (d->head - n) & (d->cap - 1);
        return 0;
    }
    Py_ssize_t mask = d->cap - 1;
    if (n > 0) {
        for (Py_ssize_t k = 0; k < n; k++) {
            Py_ssize_t last = (d->head + len - 1) & mask;
            d->head = (d->head - 1) & mask;
            d->items[d->head] = d->items[last];
        }
    }
    else {
        for (Py_ssize_t k = 0; k < -n; k++) {
            Py_ssize_t end = (d->head + len) & mask;
            d->items[end] = d->items[d->head];
            d->head = (d->head + 1) & mask;
        }
    }
    return 0;
}

static PyObject *
deque_rotate(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t n = 1;
    if (!_PyArg_CheckPositional("rotate", nargs, 0, 1))
        return NULL;
    if (nargs > 0) {
        PyObject *idx = PyNumber_Index(args[0]);
        if (idx == NULL)
            return NULL;
        n = PyLong_AsSsize_t(idx);
        Py_DECREF(idx);
        if (n == -1 && PyErr_Occurred())
            return NULL;
    }
    if (deque_rotate_impl((dequeobject *)self, n) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
deque_reverse(PyObject *self, PyObject *unused)
{
    dequeobject *d = (dequeobject *)self;
    for (Py_ssize_t i = 0, j = d->len - 1; i < j; i++, j--) {
        PyObject *t = DQ_AT(d, i);
        DQ_AT(d, i) = DQ_AT(d, j);
        DQ_AT(d, j) = t;
    }
    Py_RETURN_NONE;
}

static PyObject *
deque_count(PyObject *self, PyObject *v)
{
    dequeobject *d = (dequeobject *)self;
    size_t state = d->state;
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < d->len; i++) {
        PyObject *item = Py_NewRef(DQ_AT(d, i));
        int cmp = PyObject_RichCompareBool(item, v, Py_EQ);
        Py_DECREF(item);
        if (cmp < 0)
            return NULL;
        count += cmp;
        if (state != d->state) {
            PyErr_SetString(PyExc_RuntimeError, "deque mutated during iteration");
            return NULL;
        }
    }
    return PyLong_FromSsize_t(count);
}

static int
deque_contains(PyObject *self, PyObject *v)
{
    dequeobject *d = (dequeobject *)self;
    size_t state = d->state;
    for (Py_ssize_t i = 0; i < d->len; i++) {
        PyObject *item = Py_NewRef(DQ_AT(d, i));
        int cmp = PyObject_RichCompareBool(item, v, Py_EQ);
        Py_DECREF(item);
        if (cmp)
            return cmp;
        if (state != d->state) {
            PyErr_SetString(PyExc_RuntimeError, "deque mutated during iteration");
            return -1;
        }
    }
    return 0;
}

static PyObject *
deque_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    dequeobject *d = (dequeobject *)self;
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX;
    if (!_PyArg_CheckPositional("index", nargs, 1, 3))
        return NULL;
    PyObject *v = args[0];
    if (nargs > 1 && !_PySlice_IndexNotNone(args[1], &start))
        return NULL;
    if (nargs > 2 && !_PySlice_IndexNotNone(args[2], &stop))
        return NULL;
    Py_ssize_t n = d->len;
    if (start < 0) {
        start += n;
        if (start < 0)
            start = 0;
    }
    if (stop < 0) {
        stop += n;
        if (stop < 0)
            stop = 0;
    }
    if (stop > n)
        stop = n;
    if (start > stop)
        start = stop;
    size_t state = d->state;
    for (Py_ssize_t i = start; i < stop; i++) {
        PyObject *item = Py_NewRef(DQ_AT(d, i));
        int cmp = PyObject_RichCompareBool(item, v, Py_EQ);
        Py_DECREF(item);
        if (cmp > 0)
            return PyLong_FromSsize_t(i);
        if (cmp < 0)
            return NULL;
        if (state != d->state) {
            PyErr_SetString(PyExc_RuntimeError, "deque mutated during iteration");
            return NULL;
        }
    }
    PyErr_Format(PyExc_ValueError, "%R is not in deque", v);
    return NULL;
}

/* Remove element i (0 <= i < len), releasing it. */
static void
deque_del_index(dequeobject *d, Py_ssize_t i)
{
    PyObject *item = DQ_AT(d, i);
    if (i < d->len / 2) {
        for (Py_ssize_t j = i; j > 0; j--)
            DQ_AT(d, j) = DQ_AT(d, j - 1);
        d->head = (d->head + 1) & (d->cap - 1);
    }
    else {
        for (Py_ssize_t j = i; j < d->len - 1; j++)
            DQ_AT(d, j) = DQ_AT(d, j + 1);
    }
    d->len--;
    d->state++;
    Py_DECREF(item);
}

static PyObject *
deque_remove(PyObject *self, PyObject *value)
{
    dequeobject *d = (dequeobject *)self;
    size_t state = d->state;
    Py_ssize_t n = d->len;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = Py_NewRef(DQ_AT(d, i));
        int cmp = PyObject_RichCompareBool(item, value, Py_EQ);
        Py_DECREF(item);
        if (cmp < 0)
            return NULL;
        if (state != d->state) {
            PyErr_SetString(PyExc_IndexError, "deque mutated during iteration");
            return NULL;
        }
        if (cmp > 0) {
            deque_del_index(d, i);
            Py_RETURN_NONE;
        }
    }
    PyErr_Format(PyExc_ValueError, "%R is not in deque", value);
    return NULL;
}

static PyObject *
deque_insert(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    dequeobject *d = (dequeobject *)self;
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "insert() takes exactly 2 arguments (%zd given)", nargs);
        return NULL;
    }
    PyObject *idx = PyNumber_Index(args[0]);
    if (idx == NULL)
        return NULL;
    Py_ssize_t index = PyLong_AsSsize_t(idx);
    Py_DECREF(idx);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    PyObject *value = args[1];
    Py_ssize_t n = d->len;
    if (d->maxlen == n) {
        PyErr_SetString(PyExc_IndexError, "deque already at its maximum size");
        return NULL;
    }
    if (index >= n)
        return deque_append(self, value);
    if (index <= -n || index == 0)
        return deque_appendleft(self, value);
    if (index < 0)
        index += n;
    if (deque_grow_if_full(d) < 0)
        return NULL;
    /* Open a hole at `index` by shifting the right part. */
    for (Py_ssize_t j = d->len; j > index; j--)
        DQ_AT(d, j) = DQ_AT(d, j - 1);
    DQ_AT(d, index) = Py_NewRef(value);
    d->len++;
    d->state++;
    Py_RETURN_NONE;
}

static PyObject *
deque_clearmethod(PyObject *self, PyObject *unused)
{
    deque_clear_items((dequeobject *)self);
    Py_RETURN_NONE;
}

static Py_ssize_t
deque_len(PyObject *self)
{
    return ((dequeobject *)self)->len;
}

static PyObject *
deque_item(PyObject *self, Py_ssize_t i)
{
    dequeobject *d = (dequeobject *)self;
    if (i < 0 || i >= d->len) {
        PyErr_SetString(PyExc_IndexError, "deque index out of range");
        return NULL;
    }
    return Py_NewRef(DQ_AT(d, i));
}

static int
deque_ass_item(PyObject *self, Py_ssize_t i, PyObject *v)
{
    dequeobject *d = (dequeobject *)self;
    if (i < 0 || i >= d->len) {
        PyErr_SetString(PyExc_IndexError, "deque index out of range");
        return -1;
    }
    if (v == NULL) {
        deque_del_index(d, i);
        return 0;
    }
    PyObject *old = DQ_AT(d, i);
    DQ_AT(d, i) = Py_NewRef(v);
    Py_DECREF(old);
    return 0;
}

static int
deque_traverse(PyObject *self, visitproc visit, void *arg)
{
    dequeobject *d = (dequeobject *)self;
    for (Py_ssize_t i = 0; i < d->len; i++)
        Py_VISIT(DQ_AT(d, i));
    return 0;
}

static int
deque_tp_clear(PyObject *self)
{
    deque_clear_items((dequeobject *)self);
    return 0;
}

static void
deque_dealloc(PyObject *self)
{
    dequeobject *d = (dequeobject *)self;
    PyObject_GC_UnTrack(d);
    Py_TRASHCAN_BEGIN(d, deque_dealloc)
    if (d->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    deque_clear_items(d);
    Py_TYPE(d)->tp_free(d);
    Py_TRASHCAN_END
}

static PyObject *
deque_repr(PyObject *self)
{
    dequeobject *d = (dequeobject *)self;
    int status = Py_ReprEnter(self);
    if (status != 0) {
        if (status < 0)
            return NULL;
        return PyUnicode_FromString("[...]");
    }
    PyObject *aslist = PySequence_List(self);
    if (aslist == NULL) {
        Py_ReprLeave(self);
        return NULL;
    }
    PyObject *result;
    if (d->maxlen >= 0)
        result = PyUnicode_FromFormat("%s(%R, maxlen=%zd)", _PyType_Name(Py_TYPE(d)),
                                      aslist, d->maxlen);
    else
        result = PyUnicode_FromFormat("%s(%R)", _PyType_Name(Py_TYPE(d)), aslist);
    Py_ReprLeave(self);
    Py_DECREF(aslist);
    return result;
}

static PyObject *
deque_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyObject_TypeCheck(v, &deque_type) || !PyObject_TypeCheck(w, &deque_type))
        Py_RETURN_NOTIMPLEMENTED;
    dequeobject *a = (dequeobject *)v, *b = (dequeobject *)w;
    if ((op == Py_EQ || op == Py_NE) && a->len != b->len)
        return Py_NewRef(op == Py_EQ ? Py_False : Py_True);
    /* Element-wise; the lists are snapshots so comparisons that mutate
       either deque cannot disturb the walk. */
    PyObject *la = PySequence_List(v);
    if (la == NULL)
        return NULL;
    PyObject *lb = PySequence_List(w);
    if (lb == NULL) {
        Py_DECREF(la);
        return NULL;
    }
    PyObject *r = PyObject_RichCompare(la, lb, op);
    Py_DECREF(la);
    Py_DECREF(lb);
    return r;
}

static int
deque_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    dequeobject *d = (dequeobject *)self;
    static char *kwlist[] = {"iterable", "maxlen", NULL};
    PyObject *iterable = NULL, *maxlenobj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:deque", kwlist, &iterable, &maxlenobj))
        return -1;
    Py_ssize_t maxlen = -1;
    if (maxlenobj != NULL && maxlenobj != Py_None) {
        maxlen = PyLong_AsSsize_t(maxlenobj);
        if (maxlen == -1 && PyErr_Occurred())
            return -1;
        if (maxlen < 0) {
            PyErr_SetString(PyExc_ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    d->maxlen = maxlen;
    if (d->len > 0)
        deque_clear_items(d);
    if (iterable != NULL) {
        PyObject *r = deque_extend_impl(d, iterable, 0);
        if (r == NULL)
            return -1;
        Py_DECREF(r);
    }
    return 0;
}

static PyObject *
deque_get_maxlen(PyObject *self, void *closure)
{
    dequeobject *d = (dequeobject *)self;
    if (d->maxlen < 0)
        Py_RETURN_NONE;
    return PyLong_FromSsize_t(d->maxlen);
}

static PyObject *
deque_reduce(PyObject *self, PyObject *unused)
{
    dequeobject *d = (dequeobject *)self;
    PyObject *state;
    if (_PyObject_LookupAttr(self, _Py_ID(__dict__), &state) < 0)
        return NULL;
    if (state == NULL)
        state = Py_NewRef(Py_None);
    PyObject *it = PyObject_GetIter(self);
    if (it == NULL) {
        Py_DECREF(state);
        return NULL;
    }
    PyObject *r;
    if (d->maxlen < 0)
        r = Py_BuildValue("O()NN", Py_TYPE(d), state, it);
    else
        r = Py_BuildValue("O(()n)NN", Py_TYPE(d), d->maxlen, state, it);
    return r;
}

static PyObject *
deque_sizeof(PyObject *self, PyObject *unused)
{
    dequeobject *d = (dequeobject *)self;
    size_t res = (size_t)Py_TYPE(d)->tp_basicsize + (size_t)d->cap * sizeof(PyObject *);
    return PyLong_FromSize_t(res);
}

static PyObject *deque_iter(PyObject *self);
static PyObject *deque_reviter(PyObject *self, PyObject *unused);

static PyMethodDef deque_methods[] = {
    {"append", deque_append, METH_O, "Add an element to the right side of the deque."},
    {"appendleft", deque_appendleft, METH_O, "Add an element to the left side of the deque."},
    {"clear", deque_clearmethod, METH_NOARGS, "Remove all elements from the deque."},
    {"__copy__", deque_copy, METH_NOARGS, "Return a shallow copy of a deque."},
    {"copy", deque_copy, METH_NOARGS, "Return a shallow copy of a deque."},
    {"count", deque_count, METH_O, "Return number of occurrences of value."},
    {"extend", deque_extend, METH_O, "Extend the right side of the deque with elements from the iterable."},
    {"extendleft", deque_extendleft, METH_O, "Extend the left side of the deque with elements from the iterable."},
    {"index", (PyCFunction)(void (*)(void))deque_index, METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"insert", (PyCFunction)(void (*)(void))deque_insert, METH_FASTCALL,
     "Insert value before index."},
    {"pop", deque_pop, METH_NOARGS, "Remove and return the rightmost element."},
    {"popleft", deque_popleft, METH_NOARGS, "Remove and return the leftmost element."},
    {"__reduce__", deque_reduce, METH_NOARGS, "Return state information for pickling."},
    {"remove", deque_remove, METH_O, "Remove first occurrence of value."},
    {"__reversed__", deque_reviter, METH_NOARGS, "Return a reverse iterator over the deque."},
    {"reverse", deque_reverse, METH_NOARGS, "Reverse *IN PLACE*."},
    {"rotate", (PyCFunction)(void (*)(void))deque_rotate, METH_FASTCALL,
     "Rotate the deque n steps to the right.  If n is negative, rotates left."},
    {"__sizeof__", deque_sizeof, METH_NOARGS, "Return the size of the deque in memory, in bytes."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL}
};

static PyGetSetDef deque_getset[] = {
    {"maxlen", deque_get_maxlen, NULL, "maximum size of a deque or None if unbounded"},
    {NULL}
};

static PySequenceMethods deque_as_sequence = {
    .sq_length = deque_len,
    .sq_concat = deque_concat,
    .sq_repeat = deque_repeat,
    .sq_item = deque_item,
    .sq_ass_item = deque_ass_item,
    .sq_contains = deque_contains,
    .sq_inplace_concat = deque_inplace_concat,
    .sq_inplace_repeat = deque_inplace_repeat,
};

PyDoc_STRVAR(deque_doc,
"deque([iterable[, maxlen]]) --> deque object\n\n"
"A sequence with fast appends and pops at both ends, optionally bounded.");

static PyTypeObject deque_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "collections.deque",
    .tp_basicsize = sizeof(dequeobject),
    .tp_dealloc = deque_dealloc,
    .tp_repr = deque_repr,
    .tp_as_sequence = &deque_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC |
                Py_TPFLAGS_SEQUENCE,
    .tp_doc = deque_doc,
    .tp_traverse = deque_traverse,
    .tp_clear = deque_tp_clear,
    .tp_richcompare = deque_richcompare,
    .tp_weaklistoffset = offsetof(dequeobject, weakreflist),
    .tp_iter = deque_iter,
    .tp_methods = deque_methods,
    .tp_getset = deque_getset,
    .tp_init = deque_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = deque_new,
    .tp_free = PyObject_GC_Del,
};

/* ---------------------------- iterators ---------------------------- */

typedef struct {
    PyObject_HEAD
    dequeobject *deque;
    Py_ssize_t index;       /* next position (counted from the iterated end) */
    size_t state;
    Py_ssize_t counter;     /* items left */
} dequeiterobject;

static PyObject *
dequeiter_make(dequeobject *d, PyTypeObject *type)
{
    dequeiterobject *it = PyObject_GC_New(dequeiterobject, type);
    if (it == NULL)
        return NULL;
    it->deque = (dequeobject *)Py_NewRef(d);
    it->index = 0;
    it->state = d->state;
    it->counter = d->len;
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static PyObject *
deque_iter(PyObject *self)
{
    return dequeiter_make((dequeobject *)self, &dequeiter_type);
}

static PyObject *
deque_reviter(PyObject *self, PyObject *unused)
{
    return dequeiter_make((dequeobject *)self, &dequereviter_type);
}

static void
dequeiter_dealloc(PyObject *self)
{
    dequeiterobject *it = (dequeiterobject *)self;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->deque);
    PyObject_GC_Del(it);
}

static int
dequeiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((dequeiterobject *)self)->deque);
    return 0;
}

static PyObject *
dequeiter_step(dequeiterobject *it, int reverse)
{
    dequeobject *d = it->deque;
    if (d->state != it->state) {
        PyErr_SetString(PyExc_RuntimeError, "deque mutated during iteration");
        it->counter = 0;
        return NULL;
    }
    if (it->counter == 0)
        return NULL;
    Py_ssize_t pos = reverse ? d->len - 1 - it->index : it->index;
    it->index++;
    it->counter--;
    return Py_NewRef(DQ_AT(d, pos));
}

static PyObject *
dequeiter_next(PyObject *self)
{
    return dequeiter_step((dequeiterobject *)self, 0);
}

static PyObject *
dequereviter_next(PyObject *self)
{
    return dequeiter_step((dequeiterobject *)self, 1);
}

static PyObject *
dequeiter_len(PyObject *self, PyObject *unused)
{
    return PyLong_FromSsize_t(((dequeiterobject *)self)->counter);
}

static PyMethodDef dequeiter_methods[] = {
    {"__length_hint__", dequeiter_len, METH_NOARGS, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL}
};

static PyTypeObject dequeiter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "collections._deque_iterator",
    .tp_basicsize = sizeof(dequeiterobject),
    .tp_dealloc = dequeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dequeiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = dequeiter_next,
    .tp_methods = dequeiter_methods,
};

static PyTypeObject dequereviter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "collections._deque_reverse_iterator",
    .tp_basicsize = sizeof(dequeiterobject),
    .tp_dealloc = dequeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dequeiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = dequereviter_next,
    .tp_methods = dequeiter_methods,
};

/* ------------------------------------------------------------------ */
/* defaultdict                                                         */
/* ------------------------------------------------------------------ */

typedef struct {
    PyDictObject dict;
    PyObject *default_factory;
} defdictobject;

static PyTypeObject defdict_type;

static PyObject *
defdict_missing(PyObject *self, PyObject *key)
{
    PyObject *factory = ((defdictobject *)self)->default_factory;
    if (factory == NULL || factory == Py_None) {
        _PyErr_SetKeyError(key);
        return NULL;
    }
    PyObject *value = PyObject_CallNoArgs(factory);
    if (value == NULL)
        return NULL;
    if (PyObject_SetItem(self, key, value) < 0) {
        Py_DECREF(value);
        return NULL;
    }
    return value;
}

/* New reference: type(dd)(dd.default_factory, arg). */
static PyObject *
new_defdict(defdictobject *dd, PyObject *arg)
{
    PyObject *args[2] = {dd->default_factory ? dd->default_factory : Py_None, arg};
    return PyObject_Vectorcall((PyObject *)Py_TYPE(dd), args, 2, NULL);
}

static PyObject *
defdict_copy(PyObject *self, PyObject *unused)
{
    return new_defdict((defdictobject *)self, self);
}

static PyObject *
defdict_reduce(PyObject *self, PyObject *unused)
{
    defdictobject *dd = (defdictobject *)self;
    PyObject *args;
    if (dd->default_factory == NULL || dd->default_factory == Py_None)
        args = PyTuple_New(0);
    else
        args = PyTuple_Pack(1, dd->default_factory);
    if (args == NULL)
        return NULL;
    PyObject *items = PyObject_CallMethodNoArgs(self, _Py_ID(items));
    if (items == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    PyObject *iter = PyObject_GetIter(items);
    Py_DECREF(items);
    if (iter == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    return Py_BuildValue("ONOON", Py_TYPE(dd), args, Py_None, Py_None, iter);
}

static PyMethodDef defdict_methods[] = {
    {"__missing__", defdict_missing, METH_O,
     "Store and return default_factory() for a missing key (KeyError when\n"
     "default_factory is None)."},
    {"copy", defdict_copy, METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__copy__", defdict_copy, METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__reduce__", defdict_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL}
};

static PyMemberDef defdict_members[] = {
    {"default_factory", T_OBJECT, offsetof(defdictobject, default_factory), 0,
     "Factory for default value called by __missing__()."},
    {NULL}
};

static void
defdict_dealloc(PyObject *self)
{
    defdictobject *dd = (defdictobject *)self;
    PyObject_GC_UnTrack(dd);
    Py_CLEAR(dd->default_factory);
    PyDict_Type.tp_dealloc(self);
}

static PyObject *
defdict_repr(PyObject *self)
{
    defdictobject *dd = (defdictobject *)self;
    PyObject *baserepr = PyDict_Type.tp_repr(self);
    if (baserepr == NULL)
        return NULL;
    PyObject *defrepr;
    if (dd->default_factory == NULL || dd->default_factory == Py_None)
        defrepr = PyUnicode_FromString("None");
    else {
        int status = Py_ReprEnter(dd->default_factory);
        if (status != 0) {
            if (status < 0) {
                Py_DECREF(baserepr);
                return NULL;
            }
            defrepr = PyUnicode_FromString("...");
        }
        else {
            defrepr = PyObject_Repr(dd->default_factory);
            Py_ReprLeave(dd->default_factory);
        }
    }
    if (defrepr == NULL) {
        Py_DECREF(baserepr);
        return NULL;
    }
    PyObject *result = PyUnicode_FromFormat("%s(%U, %U)", _PyType_Name(Py_TYPE(dd)),
                                            defrepr, baserepr);
    Py_DECREF(defrepr);
    Py_DECREF(baserepr);
    return result;
}

static PyObject *
defdict_or(PyObject *left, PyObject *right)
{
    PyObject *self, *other;
    if (PyObject_TypeCheck(left, &defdict_type)) {
        self = left;
        other = right;
    }
    else {
        self = right;
        other = left;
    }
    if (!PyDict_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *new = new_defdict((defdictobject *)self, left);
    if (new == NULL)
        return NULL;
    if (PyDict_Update(new, right) < 0) {
        Py_DECREF(new);
        return NULL;
    }
    return new;
}

static PyNumberMethods defdict_as_number = {
    .nb_or = defdict_or,
};

static int
defdict_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((defdictobject *)self)->default_factory);
    return PyDict_Type.tp_traverse(self, visit, arg);
}

static int
defdict_tp_clear(PyObject *self)
{
    Py_CLEAR(((defdictobject *)self)->default_factory);
    return PyDict_Type.tp_clear(self);
}

static int
defdict_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    defdictobject *dd = (defdictobject *)self;
    PyObject *newdefault = NULL, *newargs;
    if (args == NULL || !PyTuple_Check(args))
        newargs = PyTuple_New(0);
    else {
        Py_ssize_t n = PyTuple_GET_SIZE(args);
        if (n > 0) {
            newdefault = PyTuple_GET_ITEM(args, 0);
            if (!PyCallable_Check(newdefault) && newdefault != Py_None) {
                PyErr_SetString(PyExc_TypeError, "first argument must be callable or None");
                return -1;
            }
        }
        newargs = PySequence_GetSlice(args, 1, n);
    }
    if (newargs == NULL)
        return -1;
    Py_XSETREF(dd->default_factory, Py_XNewRef(newdefault));
    int result = PyDict_Type.tp_init(self, newargs, kwds);
    Py_DECREF(newargs);
    return result;
}

PyDoc_STRVAR(defdict_doc,
"defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n"
"A dict whose missing keys (in d[key]) get default_factory() as their\n"
"value; the other arguments are those of dict().");

static PyTypeObject defdict_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "collections.defaultdict",
    .tp_basicsize = sizeof(defdictobject),
    .tp_dealloc = defdict_dealloc,
    .tp_repr = defdict_repr,
    .tp_as_number = &defdict_as_number,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = defdict_doc,
    .tp_traverse = defdict_traverse,
    .tp_clear = defdict_tp_clear,
    .tp_methods = defdict_methods,
    .tp_members = defdict_members,
    .tp_base = &PyDict_Type,
    .tp_init = defdict_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* _count_elements                                                     */
/* ------------------------------------------------------------------ */

static PyObject *
count_elements(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_count_elements", nargs, 2, 2))
        return NULL;
    PyObject *mapping = args[0];
    PyObject *it = PyObject_GetIter(args[1]);
    if (it == NULL)
        return NULL;
    PyObject *one = _PyLong_GetOne();
    PyTypeObject *tp = Py_TYPE(mapping);
    int fast = PyDict_Check(mapping) &&
               _PyType_Lookup(tp, _Py_ID(get)) == _PyType_Lookup(&PyDict_Type, _Py_ID(get)) &&
               _PyType_Lookup(tp, _Py_ID(__setitem__)) == _PyType_Lookup(&PyDict_Type, _Py_ID(__setitem__));
    PyObject *key, *bound_get = NULL;
    if (!fast) {
        bound_get = PyObject_GetAttr(mapping, _Py_ID(get));
        if (bound_get == NULL) {
            Py_DECREF(it);
            return NULL;
        }
    }
    while ((key = PyIter_Next(it)) != NULL) {
        PyObject *newval;
        if (fast) {
            PyObject *old = PyDict_GetItemWithError(mapping, key);
            if (old == NULL) {
                if (PyErr_Occurred())
                    goto error;
                newval = Py_NewRef(one);
            }
            else {
                Py_INCREF(old);
                newval = PyNumber_Add(old, one);
                Py_DECREF(old);
                if (newval == NULL)
                    goto error;
            }
            int r = PyDict_SetItem(mapping, key, newval);
            Py_DECREF(newval);
            if (r < 0)
                goto error;
        }
        else {
            PyObject *zero = PyLong_FromLong(0);
            PyObject *callargs[2] = {key, zero};
            PyObject *old = zero ? PyObject_Vectorcall(bound_get, callargs, 2, NULL) : NULL;
            Py_XDECREF(zero);
            if (old == NULL)
                goto error;
            newval = PyNumber_Add(old, one);
            Py_DECREF(old);
            if (newval == NULL)
                goto error;
            int r = PyObject_SetItem(mapping, key, newval);
            Py_DECREF(newval);
            if (r < 0)
                goto error;
        }
        Py_DECREF(key);
    }
    Py_DECREF(it);
    Py_XDECREF(bound_get);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
error:
    Py_DECREF(key);
    Py_DECREF(it);
    Py_XDECREF(bound_get);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* _tuplegetter                                                        */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;
    PyObject *doc;
} tuplegetterobject;

static PyObject *
tuplegetter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t index;
    PyObject *doc;
    if (!_PyArg_NoKeywords("_tuplegetter", kwds))
        return NULL;
    if (!PyArg_ParseTuple(args, "nO:_tuplegetter", &index, &doc))
        return NULL;
    tuplegetterobject *self = (tuplegetterobject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->index = index;
    self->doc = Py_NewRef(doc);
    return (PyObject *)self;
}

static PyObject *
tuplegetter_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    Py_ssize_t index = ((tuplegetterobject *)self)->index;
    if (obj == NULL || obj == Py_None)
        return Py_NewRef(self);
    if (!PyTuple_Check(obj)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor for index '%zd' for tuple subclasses "
                     "doesn't apply to '%s' object",
                     index, Py_TYPE(obj)->tp_name);
        return NULL;
    }
    if (index < 0 || index >= PyTuple_GET_SIZE(obj)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return Py_NewRef(PyTuple_GET_ITEM(obj, index));
}

static int
tuplegetter_descr_set(PyObject *self, PyObject *obj, PyObject *value)
{
    if (value == NULL)
        PyErr_SetString(PyExc_AttributeError, "can't delete attribute");
    else
        PyErr_SetString(PyExc_AttributeError, "can't set attribute");
    return -1;
}

static int
tuplegetter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((tuplegetterobject *)self)->doc);
    return 0;
}

static int
tuplegetter_tp_clear(PyObject *self)
{
    Py_CLEAR(((tuplegetterobject *)self)->doc);
    return 0;
}

static void
tuplegetter_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    tuplegetter_tp_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
tuplegetter_repr(PyObject *self)
{
    tuplegetterobject *tg = (tuplegetterobject *)self;
    return PyUnicode_FromFormat("%s(%zd, %R)", _PyType_Name(Py_TYPE(tg)), tg->index,
                                tg->doc ? tg->doc : Py_None);
}

static PyObject *
tuplegetter_reduce(PyObject *self, PyObject *unused)
{
    tuplegetterobject *tg = (tuplegetterobject *)self;
    return Py_BuildValue("(O(nO))", (PyObject *)Py_TYPE(tg), tg->index,
                         tg->doc ? tg->doc : Py_None);
}

static PyMemberDef tuplegetter_members[] = {
    {"__doc__", T_OBJECT, offsetof(tuplegetterobject, doc), 0, 0},
    {NULL}
};

static PyMethodDef tuplegetter_methods[] = {
    {"__reduce__", tuplegetter_reduce, METH_NOARGS, NULL},
    {NULL}
};

static PyTypeObject tuplegetter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "collections._tuplegetter",
    .tp_basicsize = sizeof(tuplegetterobject),
    .tp_dealloc = tuplegetter_dealloc,
    .tp_repr = tuplegetter_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = tuplegetter_traverse,
    .tp_clear = tuplegetter_tp_clear,
    .tp_methods = tuplegetter_methods,
    .tp_members = tuplegetter_members,
    .tp_descr_get = tuplegetter_descr_get,
    .tp_descr_set = tuplegetter_descr_set,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = tuplegetter_new,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* the module                                                          */
/* ------------------------------------------------------------------ */

static PyMethodDef collections_methods[] = {
    {"_count_elements", (PyCFunction)(void (*)(void))count_elements, METH_FASTCALL,
     "_count_elements($module, mapping, iterable, /)\n--\n\nCount elements in the iterable, updating the mapping"},
    {NULL, NULL}
};

static PyModuleDef collections_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_collections",
    .m_doc = "C parts of the collections module: deque, defaultdict, _tuplegetter.",
    .m_size = -1,
    .m_methods = collections_methods,
};

/* New reference: the _collections module. */
PyObject *
PyInit__collections(void)
{
    PyTypeObject *types[] = {&deque_type, &defdict_type, &dequeiter_type,
                             &dequereviter_type, &tuplegetter_type};
    PyObject *m = PyModule_Create(&collections_def);
    if (m == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (PyType_Ready(types[i]) < 0 || PyModule_AddType(m, types[i]) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}
