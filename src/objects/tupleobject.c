/* tupleobject.c -- the tuple type and its iterator.
 *
 * A tuple is one variable-size GC object: the PyVarObject header followed
 * by ob_size item pointers (tp_basicsize 24, tp_itemsize 8, so
 * sys.getsizeof((1,)) is 24 + 8 + 16 for the GC head = 48, as in CPython).
 *
 * Memory behaviour follows CPython 3.12:
 *   - () is a statically allocated, immortal singleton (with a zeroed GC
 *     head in front of it, so the GC macros work on it); PyTuple_New(0),
 *     tuple() and tuple([]) all return it.
 *   - A tuple is GC-tracked as soon as it is created.  The collector later
 *     calls _PyTuple_MaybeUntrack, which untracks tuples holding only atomic
 *     or untracked objects.
 *   - Deallocated tuples of sizes 1..20 are kept on per-size free lists of
 *     up to 2000 each, linked through ob_item[0].  Reuse from a free list is
 *     not a GC allocation (the GC count is not bumped), exactly as CPython.
 *   - Deallocation releases items from the last to the first, inside the
 *     trashcan so that a million-deep nest of tuples cannot blow the C stack.
 *
 * hash(t) is CPython's xxHash-derived tuplehash (3.8+), so hash((1, 2)) is
 * the same number as in CPython.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_langextras.h"      /* Py_GenericAlias */

#define PyTuple_NFREELISTS 20       /* sizes 1..20 */
#define PyTuple_MAXFREELIST 2000

/* ------------------------------------------------------------------ */
/* storage: the empty singleton and the free lists                     */
/* ------------------------------------------------------------------ */

static struct {
    PyGC_Head gc;               /* never tracked */
    PyTupleObject tuple;
} tuple_empty_storage = {
    {0, 0},
    { PyVarObject_HEAD_INIT(&PyTuple_Type, 0) {NULL} },
};
#define TUPLE_EMPTY ((PyObject *)&tuple_empty_storage.tuple)

static PyTupleObject *tuple_free_list[PyTuple_NFREELISTS];
static int tuple_numfree[PyTuple_NFREELISTS];

PyObject *
_PyTuple_GetEmpty(void)
{
    return TUPLE_EMPTY;
}

/* Allocate an uninitialised, untracked tuple of size >= 1. */
static PyTupleObject *
tuple_alloc(Py_ssize_t size)
{
    PyTupleObject *op;
    if (size <= PyTuple_NFREELISTS) {
        Py_ssize_t index = size - 1;
        op = tuple_free_list[index];
        if (op != NULL) {
            tuple_free_list[index] = (PyTupleObject *)op->ob_item[0];
            tuple_numfree[index]--;
            _PyObject_InitVar((PyVarObject *)op, &PyTuple_Type, size);
            return op;
        }
    }
    if ((size_t)size > ((size_t)PY_SSIZE_T_MAX - (sizeof(PyTupleObject) - sizeof(PyObject *)))
                       / sizeof(PyObject *)) {
        return (PyTupleObject *)PyErr_NoMemory();
    }
    return PyObject_GC_NewVar(PyTupleObject, &PyTuple_Type, size);
}

/* Push a dead tuple on its free list; 1 if it was taken. */
static int
tuple_freelist_push(PyTupleObject *op)
{
    Py_ssize_t size = Py_SIZE(op);
    if (size == 0 || size > PyTuple_NFREELISTS || !PyTuple_CheckExact(op))
        return 0;
    Py_ssize_t index = size - 1;
    if (tuple_numfree[index] >= PyTuple_MAXFREELIST)
        return 0;
    op->ob_item[0] = (PyObject *)tuple_free_list[index];
    tuple_free_list[index] = op;
    tuple_numfree[index]++;
    return 1;
}

void
_PyTuple_ClearFreeList(void)
{
    for (int i = 0; i < PyTuple_NFREELISTS; i++) {
        PyTupleObject *p = tuple_free_list[i];
        tuple_free_list[i] = NULL;
        tuple_numfree[i] = 0;
        while (p != NULL) {
            PyTupleObject *q = (PyTupleObject *)p->ob_item[0];
            PyObject_GC_Del(p);
            p = q;
        }
    }
}

void
_PyTuple_DebugMallocStats(FILE *out)
{
    char buf[128];
    for (int i = 0; i < PyTuple_NFREELISTS; i++) {
        int len = i + 1;
        snprintf(buf, sizeof(buf), "free %d-sized PyTupleObject", len);
        _PyDebugAllocatorStats(out, buf, tuple_numfree[i],
                               _PyObject_VAR_SIZE(&PyTuple_Type, len));
    }
}

/* ------------------------------------------------------------------ */
/* C API                                                               */
/* ------------------------------------------------------------------ */

/* New reference: a tracked tuple of `size` NULL items. */
PyObject *
PyTuple_New(Py_ssize_t size)
{
    if (size == 0)
        return TUPLE_EMPTY;
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyTupleObject *op = tuple_alloc(size);
    if (op == NULL)
        return NULL;
    memset(op->ob_item, 0, (size_t)size * sizeof(PyObject *));
    _PyObject_GC_TRACK((PyObject *)op);
    return (PyObject *)op;
}

Py_ssize_t
PyTuple_Size(PyObject *op)
{
    if (!PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return Py_SIZE(op);
}

/* Borrowed reference. */
PyObject *
PyTuple_GetItem(PyObject *op, Py_ssize_t i)
{
    if (!PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if ((size_t)i >= (size_t)Py_SIZE(op)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return ((PyTupleObject *)op)->ob_item[i];
}

/* Steals newitem, even on failure. */
int
PyTuple_SetItem(PyObject *op, Py_ssize_t i, PyObject *newitem)
{
    if (!PyTuple_Check(op) || Py_REFCNT(op) != 1) {
        Py_XDECREF(newitem);
        PyErr_BadInternalCall();
        return -1;
    }
    if ((size_t)i >= (size_t)Py_SIZE(op)) {
        Py_XDECREF(newitem);
        PyErr_SetString(PyExc_IndexError, "tuple assignment index out of range");
        return -1;
    }
    PyObject **p = ((PyTupleObject *)op)->ob_item + i;
    Py_XSETREF(*p, newitem);
    return 0;
}

void
_PyTuple_MaybeUntrack(PyObject *op)
{
    if (!PyTuple_CheckExact(op) || !_PyObject_GC_IS_TRACKED(op))
        return;
    PyTupleObject *t = (PyTupleObject *)op;
    Py_ssize_t n = Py_SIZE(t);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *elt = t->ob_item[i];
        /* A tuple with NULL items is still being filled in: keep it. */
        if (elt == NULL || _PyObject_GC_MAY_BE_TRACKED(elt))
            return;
    }
    _PyObject_GC_UNTRACK(op);
}

/* New reference; borrows the items. */
PyObject *
PyTuple_Pack(Py_ssize_t n, ...)
{
    va_list vargs;
    if (n == 0)
        return TUPLE_EMPTY;
    PyTupleObject *result = tuple_alloc(n);
    if (result == NULL)
        return NULL;
    va_start(vargs, n);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *o = va_arg(vargs, PyObject *);
        result->ob_item[i] = Py_NewRef(o);
    }
    va_end(vargs);
    _PyObject_GC_TRACK((PyObject *)result);
    return (PyObject *)result;
}

/* New reference; increfs the items. */
PyObject *
_PyTuple_FromArray(PyObject *const *src, Py_ssize_t n)
{
    if (n == 0)
        return TUPLE_EMPTY;
    PyTupleObject *tuple = tuple_alloc(n);
    if (tuple == NULL)
        return NULL;
    PyObject **dst = tuple->ob_item;
    for (Py_ssize_t i = 0; i < n; i++)
        dst[i] = Py_NewRef(src[i]);
    _PyObject_GC_TRACK((PyObject *)tuple);
    return (PyObject *)tuple;
}

/* New reference; steals the items (released on failure too). */
PyObject *
_PyTuple_FromArraySteal(PyObject *const *src, Py_ssize_t n)
{
    if (n == 0)
        return TUPLE_EMPTY;
    PyTupleObject *tuple = tuple_alloc(n);
    if (tuple == NULL) {
        for (Py_ssize_t i = 0; i < n; i++)
            Py_DECREF(src[i]);
        return NULL;
    }
    memcpy(tuple->ob_item, src, (size_t)n * sizeof(PyObject *));
    _PyObject_GC_TRACK((PyObject *)tuple);
    return (PyObject *)tuple;
}

/* New reference to a[ilow:ihigh] (indices already clipped). */
static PyObject *
tuple_slice(PyTupleObject *a, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    if (ilow < 0)
        ilow = 0;
    if (ihigh > Py_SIZE(a))
        ihigh = Py_SIZE(a);
    if (ihigh < ilow)
        ihigh = ilow;
    if (ilow == 0 && ihigh == Py_SIZE(a) && PyTuple_CheckExact(a))
        return Py_NewRef(a);
    return _PyTuple_FromArray(a->ob_item + ilow, ihigh - ilow);
}

/* New reference. */
PyObject *
PyTuple_GetSlice(PyObject *op, Py_ssize_t i, Py_ssize_t j)
{
    if (op == NULL || !PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return tuple_slice((PyTupleObject *)op, i, j);
}

/* Resize a tuple that nobody else references yet (refcount 1).  On failure
   *pv is released and set to NULL. */
int
_PyTuple_Resize(PyObject **pv, Py_ssize_t newsize)
{
    PyTupleObject *v = (PyTupleObject *)*pv;
    if (v == NULL || !Py_IS_TYPE(v, &PyTuple_Type) ||
        (Py_SIZE(v) != 0 && Py_REFCNT(v) != 1)) {
        *pv = NULL;
        Py_XDECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t oldsize = Py_SIZE(v);
    if (oldsize == newsize)
        return 0;
    if (newsize == 0) {
        Py_DECREF(v);
        *pv = TUPLE_EMPTY;
        return 0;
    }
    if (oldsize == 0) {
        /* The empty tuple is shared: make a fresh one instead. */
        *pv = PyTuple_New(newsize);
        return *pv == NULL ? -1 : 0;
    }
    if (newsize < 0) {
        *pv = NULL;
        Py_DECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    /* The GC must not see the object while it moves. */
    if (_PyObject_GC_IS_TRACKED((PyObject *)v))
        _PyObject_GC_UNTRACK((PyObject *)v);
    for (Py_ssize_t i = newsize; i < oldsize; i++)
        Py_CLEAR(v->ob_item[i]);
    PyTupleObject *sv = PyObject_GC_Resize(PyTupleObject, v, newsize);
    if (sv == NULL) {
        *pv = NULL;
        /* v is still valid: free it the normal way */
        Py_SET_SIZE(v, newsize < oldsize ? newsize : oldsize);
        Py_DECREF(v);
        return -1;
    }
    if (newsize > oldsize)
        memset(&sv->ob_item[oldsize], 0, sizeof(PyObject *) * (size_t)(newsize - oldsize));
    Py_SET_SIZE(sv, newsize);
    _PyObject_GC_TRACK((PyObject *)sv);
    *pv = (PyObject *)sv;
    return 0;
}

/* ------------------------------------------------------------------ */
/* type slots                                                          */
/* ------------------------------------------------------------------ */

static void
tuple_dealloc(PyObject *self)
{
    PyTupleObject *op = (PyTupleObject *)self;
    if (self == TUPLE_EMPTY)
        return;                 /* immortal; never reached in practice */
    PyObject_GC_UnTrack(op);
    Py_TRASHCAN_BEGIN(op, tuple_dealloc)
    Py_ssize_t i = Py_SIZE(op);
    while (--i >= 0)
        Py_XDECREF(op->ob_item[i]);
    if (!tuple_freelist_push(op))
        Py_TYPE(op)->tp_free((PyObject *)op);
    Py_TRASHCAN_END
}

static PyObject *
tuple_repr(PyObject *self)
{
    PyTupleObject *v = (PyTupleObject *)self;
    Py_ssize_t n = Py_SIZE(v);
    _PyUnicodeWriter writer;

    if (n == 0)
        return PyUnicode_FromString("()");
    /* A tuple can only be part of a cycle through a mutable object, but
       repr could still recurse forever that way. */
    int rc = Py_ReprEnter(self);
    if (rc != 0)
        return rc > 0 ? PyUnicode_FromString("(...)") : NULL;

    _PyUnicodeWriter_Init(&writer);
    writer.overallocate = 1;
    writer.min_length = n > 1 ? 1 + 1 + (2 + 1) * (n - 1) + 1 : 1 + 1 + 1 + 1;
    if (_PyUnicodeWriter_WriteChar(&writer, '(') < 0)
        goto error;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i > 0 && _PyUnicodeWriter_WriteASCIIString(&writer, ", ", 2) < 0)
            goto error;
        PyObject *s = PyObject_Repr(v->ob_item[i]);
        if (s == NULL)
            goto error;
        int err = _PyUnicodeWriter_WriteStr(&writer, s);
        Py_DECREF(s);
        if (err < 0)
            goto error;
    }
    writer.overallocate = 0;
    if (n > 1) {
        if (_PyUnicodeWriter_WriteChar(&writer, ')') < 0)
            goto error;
    }
    else if (_PyUnicodeWriter_WriteASCIIString(&writer, ",)", 2) < 0) {
        goto error;
    }
    Py_ReprLeave(self);
    return _PyUnicodeWriter_Finish(&writer);

error:
    _PyUnicodeWriter_Dealloc(&writer);
    Py_ReprLeave(self);
    return NULL;
}

/* xxHash-based tuple hash (CPython >= 3.8). */
#define XXPRIME_1 ((Py_uhash_t)11400714785074694791ULL)
#define XXPRIME_2 ((Py_uhash_t)14029467366897019727ULL)
#define XXPRIME_5 ((Py_uhash_t)2870177450012600261ULL)
#define XXROTATE(x) ((x << 31) | (x >> 33))

static Py_hash_t
tuple_hash(PyObject *self)
{
    PyTupleObject *v = (PyTupleObject *)self;
    Py_ssize_t len = Py_SIZE(v);
    PyObject **item = v->ob_item;
    Py_uhash_t acc = XXPRIME_5;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_uhash_t lane = (Py_uhash_t)PyObject_Hash(item[i]);
        if (lane == (Py_uhash_t)-1)
            return -1;
        acc += lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    /* Mix in the length, keeping the historical value of hash(()). */
    acc += (Py_uhash_t)len ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (Py_uhash_t)-1)
        return 1546275796;
    return (Py_hash_t)acc;
}

static Py_ssize_t
tuple_length(PyObject *a)
{
    return Py_SIZE(a);
}

static int
tuple_contains(PyObject *a, PyObject *el)
{
    PyTupleObject *t = (PyTupleObject *)a;
    int cmp = 0;
    for (Py_ssize_t i = 0; cmp == 0 && i < Py_SIZE(t); ++i)
        cmp = PyObject_RichCompareBool(t->ob_item[i], el, Py_EQ);
    return cmp;
}

static PyObject *
tuple_item(PyObject *a, Py_ssize_t i)
{
    if ((size_t)i >= (size_t)Py_SIZE(a)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return Py_NewRef(((PyTupleObject *)a)->ob_item[i]);
}

static PyObject *
tuple_concat(PyObject *aa, PyObject *bb)
{
    PyTupleObject *a = (PyTupleObject *)aa;
    if (Py_SIZE(a) == 0 && PyTuple_CheckExact(bb))
        return Py_NewRef(bb);
    if (!PyTuple_Check(bb)) {
        PyErr_Format(PyExc_TypeError,
                     "can only concatenate tuple (not \"%.200s\") to tuple",
                     Py_TYPE(bb)->tp_name);
        return NULL;
    }
    PyTupleObject *b = (PyTupleObject *)bb;
    if (Py_SIZE(b) == 0 && PyTuple_CheckExact(a))
        return Py_NewRef(a);
    Py_ssize_t size = Py_SIZE(a) + Py_SIZE(b);
    if (size == 0)
        return TUPLE_EMPTY;
    PyTupleObject *np = tuple_alloc(size);
    if (np == NULL)
        return NULL;
    PyObject **dest = np->ob_item;
    for (Py_ssize_t i = 0; i < Py_SIZE(a); i++)
        *dest++ = Py_NewRef(a->ob_item[i]);
    for (Py_ssize_t i = 0; i < Py_SIZE(b); i++)
        *dest++ = Py_NewRef(b->ob_item[i]);
    _PyObject_GC_TRACK((PyObject *)np);
    return (PyObject *)np;
}

static PyObject *
tuple_repeat(PyObject *self, Py_ssize_t n)
{
    PyTupleObject *a = (PyTupleObject *)self;
    Py_ssize_t input_size = Py_SIZE(a);
    if (input_size == 0 || n == 1) {
        if (PyTuple_CheckExact(a))
            return Py_NewRef(a);        /* tuples are immutable */
    }
    if (input_size == 0 || n <= 0)
        return TUPLE_EMPTY;
    if (input_size > PY_SSIZE_T_MAX / n)
        return PyErr_NoMemory();
    Py_ssize_t output_size = input_size * n;
    PyTupleObject *np = tuple_alloc(output_size);
    if (np == NULL)
        return NULL;
    PyObject **dest = np->ob_item;
    if (input_size == 1) {
        PyObject *elem = a->ob_item[0];
        for (Py_ssize_t i = 0; i < n; i++)
            dest[i] = Py_NewRef(elem);
    }
    else {
        for (Py_ssize_t j = 0; j < n; j++) {
            for (Py_ssize_t i = 0; i < input_size; i++)
                *dest++ = Py_NewRef(a->ob_item[i]);
        }
    }
    _PyObject_GC_TRACK((PyObject *)np);
    return (PyObject *)np;
}

static PyObject *
tuple_subscript(PyObject *self, PyObject *item)
{
    PyTupleObject *t = (PyTupleObject *)self;
    if (PyLong_CheckExact(item) && _PyLong_IsCompact((PyLongObject *)item)) {
        Py_ssize_t i = _PyLong_CompactValue((PyLongObject *)item);
        if (i < 0)
            i += Py_SIZE(t);
        return tuple_item(self, i);
    }
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += Py_SIZE(t);
        return tuple_item(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0)
            return NULL;
        Py_ssize_t slicelength = PySlice_AdjustIndices(Py_SIZE(t), &start, &stop, step);
        if (slicelength <= 0)
            return TUPLE_EMPTY;
        if (start == 0 && step == 1 && slicelength == Py_SIZE(t) && PyTuple_CheckExact(t))
            return Py_NewRef(t);
        PyTupleObject *result = tuple_alloc(slicelength);
        if (result == NULL)
            return NULL;
        PyObject **src = t->ob_item, **dest = result->ob_item;
        size_t cur = (size_t)start;
        for (Py_ssize_t i = 0; i < slicelength; cur += (size_t)step, i++)
            dest[i] = Py_NewRef(src[cur]);
        _PyObject_GC_TRACK((PyObject *)result);
        return (PyObject *)result;
    }
    PyErr_Format(PyExc_TypeError, "tuple indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

static PyObject *
tuple_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyTuple_Check(v) || !PyTuple_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    PyTupleObject *vt = (PyTupleObject *)v, *wt = (PyTupleObject *)w;
    Py_ssize_t vlen = Py_SIZE(vt), wlen = Py_SIZE(wt), i;

    /* Find the first index where the items differ (identity or ==). */
    for (i = 0; i < vlen && i < wlen; i++) {
        int k = PyObject_RichCompareBool(vt->ob_item[i], wt->ob_item[i], Py_EQ);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= vlen || i >= wlen) {
        /* No more items to compare: compare the sizes. */
        Py_RETURN_RICHCOMPARE(vlen, wlen, op);
    }
    if (op == Py_EQ)
        Py_RETURN_FALSE;
    if (op == Py_NE)
        Py_RETURN_TRUE;
    return PyObject_RichCompare(vt->ob_item[i], wt->ob_item[i], op);
}

static int
tuple_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTupleObject *o = (PyTupleObject *)self;
    for (Py_ssize_t i = Py_SIZE(o); --i >= 0; )
        Py_VISIT(o->ob_item[i]);
    return 0;
}

static PyObject *tuple_iter(PyObject *seq);

/* ------------------------------------------------------------------ */
/* construction                                                        */
/* ------------------------------------------------------------------ */

static PyObject *
tuple_subtype_new(PyTypeObject *type, PyObject *iterable)
{
    PyObject *tmp = iterable == NULL ? Py_NewRef(TUPLE_EMPTY) : PySequence_Tuple(iterable);
    if (tmp == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(tmp);
    PyObject *newobj = type->tp_alloc(type, n);
    if (newobj == NULL) {
        Py_DECREF(tmp);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        ((PyTupleObject *)newobj)->ob_item[i] = Py_NewRef(PyTuple_GET_ITEM(tmp, i));
    Py_DECREF(tmp);
    return newobj;
}

static PyObject *
tuple_new_impl(PyTypeObject *type, PyObject *iterable)
{
    if (type != &PyTuple_Type)
        return tuple_subtype_new(type, iterable);
    if (iterable == NULL)
        return TUPLE_EMPTY;
    return PySequence_Tuple(iterable);
}

static PyObject *
tuple_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *iterable = NULL;
    if ((type == &PyTuple_Type || type->tp_init == PyTuple_Type.tp_init) &&
        !_PyArg_NoKeywords("tuple", kwargs))
        return NULL;
    if (!_PyArg_CheckPositional("tuple", PyTuple_GET_SIZE(args), 0, 1))
        return NULL;
    if (PyTuple_GET_SIZE(args) >= 1)
        iterable = PyTuple_GET_ITEM(args, 0);
    return tuple_new_impl(type, iterable);
}

static PyObject *
tuple_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("tuple", kwnames))
        return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_CheckPositional("tuple", nargs, 0, 1))
        return NULL;
    if (nargs)
        return tuple_new_impl((PyTypeObject *)type, args[0]);
    return tuple_new_impl((PyTypeObject *)type, NULL);
}

/* ------------------------------------------------------------------ */
/* methods                                                             */
/* ------------------------------------------------------------------ */

static PyObject *
tuple_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyTupleObject *t = (PyTupleObject *)self;
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX;
    if (!_PyArg_CheckPositional("index", nargs, 1, 3))
        return NULL;
    if (nargs >= 2 && !_PySlice_IndexNotNone(args[1], &start))
        return NULL;
    if (nargs >= 3 && !_PySlice_IndexNotNone(args[2], &stop))
        return NULL;
    PyObject *value = args[0];
    if (start < 0) {
        start += Py_SIZE(t);
        if (start < 0)
            start = 0;
    }
    if (stop < 0)
        stop += Py_SIZE(t);
    else if (stop > Py_SIZE(t))
        stop = Py_SIZE(t);
    for (Py_ssize_t i = start; i < stop; i++) {
        int cmp = PyObject_RichCompareBool(t->ob_item[i], value, Py_EQ);
        if (cmp > 0)
            return PyLong_FromSsize_t(i);
        if (cmp < 0)
            return NULL;
    }
    PyErr_SetString(PyExc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static PyObject *
tuple_count(PyObject *self, PyObject *value)
{
    PyTupleObject *t = (PyTupleObject *)self;
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < Py_SIZE(t); i++) {
        int cmp = PyObject_RichCompareBool(t->ob_item[i], value, Py_EQ);
        if (cmp > 0)
            count++;
        else if (cmp < 0)
            return NULL;
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *
tuple_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *copy = tuple_slice((PyTupleObject *)self, 0, Py_SIZE(self));
    if (copy == NULL)
        return NULL;
    PyObject *res = PyTuple_Pack(1, copy);
    Py_DECREF(copy);
    return res;
}

static PyMethodDef tuple_methods[] = {
    {"__getnewargs__", (PyCFunction)tuple_getnewargs, METH_NOARGS, NULL},
    {"index", _PyCFunction_CAST(tuple_index), METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", (PyCFunction)tuple_count, METH_O,
     "Return number of occurrences of value."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

static PySequenceMethods tuple_as_sequence = {
    .sq_length = tuple_length,
    .sq_concat = tuple_concat,
    .sq_repeat = tuple_repeat,
    .sq_item = tuple_item,
    .sq_contains = tuple_contains,
};

static PyMappingMethods tuple_as_mapping = {
    .mp_length = tuple_length,
    .mp_subscript = tuple_subscript,
};

PyTypeObject PyTuple_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "tuple",
    .tp_basicsize = sizeof(PyTupleObject) - sizeof(PyObject *),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = tuple_dealloc,
    .tp_repr = tuple_repr,
    .tp_as_sequence = &tuple_as_sequence,
    .tp_as_mapping = &tuple_as_mapping,
    .tp_hash = tuple_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_TUPLE_SUBCLASS | _Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "Built-in immutable sequence.\n\n"
              "If no argument is given, the constructor returns an empty tuple.\n"
              "If iterable is specified the tuple is initialized from iterable's items.\n\n"
              "If the argument is a tuple, the return value is the same object.",
    .tp_traverse = tuple_traverse,
    .tp_richcompare = tuple_richcompare,
    .tp_iter = tuple_iter,
    .tp_methods = tuple_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = tuple_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = tuple_vectorcall,
};

/* ------------------------------------------------------------------ */
/* iterator                                                            */
/* ------------------------------------------------------------------ */

static void
tupleiter_dealloc(PyObject *self)
{
    _PyTupleIterObject *it = (_PyTupleIterObject *)self;
    _PyObject_GC_UNTRACK(self);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int
tupleiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((_PyTupleIterObject *)self)->it_seq);
    return 0;
}

static PyObject *
tupleiter_next(PyObject *self)
{
    _PyTupleIterObject *it = (_PyTupleIterObject *)self;
    PyTupleObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index < Py_SIZE(seq))
        return Py_NewRef(seq->ob_item[it->it_index++]);
    it->it_seq = NULL;
    Py_DECREF(seq);
    return NULL;
}

static PyObject *
tupleiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyTupleIterObject *it = (_PyTupleIterObject *)self;
    Py_ssize_t len = 0;
    if (it->it_seq)
        len = Py_SIZE(it->it_seq) - it->it_index;
    return PyLong_FromSsize_t(len);
}

static PyMethodDef tupleiter_methods[] = {
    {"__length_hint__", (PyCFunction)tupleiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyTupleIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(_PyTupleIterObject),
    .tp_dealloc = tupleiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = tupleiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
    .tp_free = PyObject_GC_Del,
};

static PyObject *
tuple_iter(PyObject *seq)
{
    _PyTupleIterObject *it = PyObject_GC_New(_PyTupleIterObject, &PyTupleIter_Type);
    if (it == NULL)
        return NULL;
    it->it_index = 0;
    it->it_seq = (PyTupleObject *)Py_NewRef(seq);
    _PyObject_GC_TRACK((PyObject *)it);
    return (PyObject *)it;
}
