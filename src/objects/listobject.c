/* listobject.c -- the list type and its two iterators.
 *
 * A list is a fixed-size GC object (PyListObject: header, ob_size,
 * ob_item, allocated; 40 bytes) pointing at a separately allocated array
 * of `allocated` item slots, of which the first ob_size are in use.
 * sys.getsizeof(list) = 40 + 8 * allocated + 16 (GC head), so the exact
 * capacity is observable and refpy reproduces CPython 3.12's choices:
 *
 *   - list_resize(newsize): nothing to do while allocated/2 <= newsize <=
 *     allocated; otherwise allocate (newsize + newsize/8 + 6) & ~3 slots,
 *     or just newsize rounded up to a multiple of 4 when the growth is
 *     large (newsize - oldsize > new_allocated - newsize), or 0 for an
 *     empty list.  Appending therefore grows 0, 4, 8, 16, 24, 32, 40, 52...
 *   - Filling an empty list from a list/tuple or from an iterator with a
 *     length hint preallocates exactly, rounded up to an even count
 *     (list(range(10)) has 10 slots, [1, 2, 3] built by LIST_EXTEND has 4);
 *     an iterator that delivered fewer items than hinted is cut back with
 *     list_resize.
 *   - Slices, concatenation and repetition allocate exactly.
 *
 * Up to 80 dead exact lists are kept on a free list (the item arrays are
 * freed).  Deallocation releases the items from last to first, inside the
 * trashcan, so a million-deep nest of lists is freed without deep C
 * recursion.  Whenever releasing items can run arbitrary code (__del__,
 * weakref callbacks), the list is first put back into a consistent state,
 * as CPython does.
 *
 * list.sort() lives in listsort.c.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_langextras.h"      /* Py_GenericAlias */

#define PyList_MAXFREELIST 80

static PyListObject *list_free_list[PyList_MAXFREELIST];
static int list_numfree = 0;

void
_PyList_ClearFreeList(void)
{
    while (list_numfree) {
        PyListObject *op = list_free_list[--list_numfree];
        PyObject_GC_Del(op);
    }
}

void
_PyList_DebugMallocStats(FILE *out)
{
    _PyDebugAllocatorStats(out, "free PyListObject", list_numfree, sizeof(PyListObject));
}

/* ------------------------------------------------------------------ */
/* storage management                                                  */
/* ------------------------------------------------------------------ */

/* Make room for newsize items and set ob_size to newsize (new slots are
   garbage).  Cannot fail when newsize <= allocated. */
static int
list_resize(PyListObject *self, Py_ssize_t newsize)
{
    Py_ssize_t allocated = self->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        Py_SET_SIZE(self, newsize);
        return 0;
    }
    /* Mild over-allocation, a multiple of 4: 0, 4, 8, 16, 24, 32, 40, 52... */
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    /* ... unless the new size is closer to that than to the old size. */
    if (newsize - Py_SIZE(self) > (Py_ssize_t)(new_allocated - (size_t)newsize))
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0)
        new_allocated = 0;

    /* An empty list keeps a (tiny) block, as CPython's realloc to 0 bytes
       does: a later extend() then goes through list_resize again. */
    PyObject **items;
    if (new_allocated <= (size_t)PY_SSIZE_T_MAX / sizeof(PyObject *))
        items = (PyObject **)PyMem_Realloc(self->ob_item,
                                           new_allocated ? new_allocated * sizeof(PyObject *) : 1);
    else
        items = NULL;
    if (items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->ob_item = items;
    Py_SET_SIZE(self, newsize);
    self->allocated = (Py_ssize_t)new_allocated;
    return 0;
}

/* For an empty list without an item array: allocate `size` slots rounded
   up to an even number (the allocator has 16-byte granularity). */
static int
list_preallocate_exact(PyListObject *self, Py_ssize_t size)
{
    size = (size + 1) & ~(size_t)1;
    PyObject **items = PyMem_New(PyObject *, (size_t)size);
    if (items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->ob_item = items;
    self->allocated = size;
    return 0;
}

/* New reference. */
PyObject *
PyList_New(Py_ssize_t size)
{
    PyListObject *op;
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (list_numfree) {
        op = list_free_list[--list_numfree];
        _PyObject_Init((PyObject *)op, &PyList_Type);
    }
    else {
        op = PyObject_GC_New(PyListObject, &PyList_Type);
        if (op == NULL)
            return NULL;
    }
    if (size <= 0) {
        op->ob_item = NULL;
    }
    else {
        op->ob_item = (PyObject **)PyMem_Calloc((size_t)size, sizeof(PyObject *));
        if (op->ob_item == NULL) {
            Py_SET_SIZE(op, 0);
            op->allocated = 0;
            Py_DECREF(op);
            return PyErr_NoMemory();
        }
    }
    Py_SET_SIZE(op, size);
    op->allocated = size;
    _PyObject_GC_TRACK((PyObject *)op);
    return (PyObject *)op;
}

/* New reference: an empty list with room for exactly `size` (> 0) items;
   the caller fills them and sets ob_size without calling Python code. */
static PyListObject *
list_new_prealloc(Py_ssize_t size)
{
    PyListObject *op = (PyListObject *)PyList_New(0);
    if (op == NULL)
        return NULL;
    op->ob_item = PyMem_New(PyObject *, (size_t)size);
    if (op->ob_item == NULL) {
        Py_DECREF(op);
        return (PyListObject *)PyErr_NoMemory();
    }
    op->allocated = size;
    return op;
}

/* Empty the list (items released last to first after the list is made
   consistent, since that can run arbitrary code). */
static void
list_clear_items(PyListObject *a)
{
    PyObject **item = a->ob_item;
    if (item != NULL) {
        Py_ssize_t i = Py_SIZE(a);
        Py_SET_SIZE(a, 0);
        a->ob_item = NULL;
        a->allocated = 0;
        while (--i >= 0)
            Py_XDECREF(item[i]);
        PyMem_Free(item);
    }
}

/* ------------------------------------------------------------------ */
/* C API                                                               */
/* ------------------------------------------------------------------ */

Py_ssize_t
PyList_Size(PyObject *op)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return PyList_GET_SIZE(op);
}

/* Borrowed reference. */
PyObject *
PyList_GetItem(PyObject *op, Py_ssize_t i)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if ((size_t)i >= (size_t)Py_SIZE(op)) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    return ((PyListObject *)op)->ob_item[i];
}

/* Steals newitem, even on failure. */
int
PyList_SetItem(PyObject *op, Py_ssize_t i, PyObject *newitem)
{
    if (!PyList_Check(op)) {
        Py_XDECREF(newitem);
        PyErr_BadInternalCall();
        return -1;
    }
    if ((size_t)i >= (size_t)Py_SIZE(op)) {
        Py_XDECREF(newitem);
        PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
        return -1;
    }
    PyObject **p = ((PyListObject *)op)->ob_item + i;
    Py_XSETREF(*p, newitem);
    return 0;
}

static int
ins1(PyListObject *self, Py_ssize_t where, PyObject *v)
{
    Py_ssize_t n = Py_SIZE(self);
    if (v == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (list_resize(self, n + 1) < 0)
        return -1;
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    PyObject **items = self->ob_item;
    for (Py_ssize_t i = n; --i >= where; )
        items[i + 1] = items[i];
    items[where] = Py_NewRef(v);
    return 0;
}

int
PyList_Insert(PyObject *op, Py_ssize_t where, PyObject *newitem)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return ins1((PyListObject *)op, where, newitem);
}

/* Steals newitem (released on failure). */
int
_PyList_AppendTakeRef(PyListObject *self, PyObject *newitem)
{
    Py_ssize_t len = Py_SIZE(self);
    if (self->allocated > len) {
        self->ob_item[len] = newitem;
        Py_SET_SIZE(self, len + 1);
        return 0;
    }
    if (list_resize(self, len + 1) < 0) {
        Py_DECREF(newitem);
        return -1;
    }
    self->ob_item[len] = newitem;
    return 0;
}

int
PyList_Append(PyObject *op, PyObject *newitem)
{
    if (PyList_Check(op) && newitem != NULL)
        return _PyList_AppendTakeRef((PyListObject *)op, Py_NewRef(newitem));
    PyErr_BadInternalCall();
    return -1;
}

/* New reference to a[ilow:ihigh], 0 <= ilow <= ihigh <= len. */
static PyObject *
list_slice(PyListObject *a, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    Py_ssize_t len = ihigh - ilow;
    if (len <= 0)
        return PyList_New(0);
    PyListObject *np = list_new_prealloc(len);
    if (np == NULL)
        return NULL;
    PyObject **src = a->ob_item + ilow, **dest = np->ob_item;
    for (Py_ssize_t i = 0; i < len; i++)
        dest[i] = Py_NewRef(src[i]);
    Py_SET_SIZE(np, len);
    return (PyObject *)np;
}

/* New reference. */
PyObject *
PyList_GetSlice(PyObject *a, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    if (!PyList_Check(a)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (ilow < 0)
        ilow = 0;
    else if (ilow > Py_SIZE(a))
        ilow = Py_SIZE(a);
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > Py_SIZE(a))
        ihigh = Py_SIZE(a);
    return list_slice((PyListObject *)a, ilow, ihigh);
}

/* a[ilow:ihigh] = v (v == NULL: delete).  Removed items are released only
   once the list is consistent again. */
static int
list_ass_slice(PyListObject *a, Py_ssize_t ilow, Py_ssize_t ihigh, PyObject *v)
{
    PyObject *recycle_on_stack[8];
    PyObject **recycle = recycle_on_stack;
    PyObject **item;
    PyObject **vitem = NULL;
    PyObject *v_as_SF = NULL;
    Py_ssize_t n, norig, d, k;
    size_t s;
    int result = -1;

    if (v == NULL) {
        n = 0;
    }
    else {
        if (a == (PyListObject *)v) {
            /* a[i:j] = a: copy first */
            v = list_slice(a, 0, Py_SIZE(a));
            if (v == NULL)
                return -1;
            result = list_ass_slice(a, ilow, ihigh, v);
            Py_DECREF(v);
            return result;
        }
        v_as_SF = PySequence_Fast(v, "can only assign an iterable");
        if (v_as_SF == NULL)
            goto error;
        n = PySequence_Fast_GET_SIZE(v_as_SF);
        vitem = PySequence_Fast_ITEMS(v_as_SF);
    }
    if (ilow < 0)
        ilow = 0;
    else if (ilow > Py_SIZE(a))
        ilow = Py_SIZE(a);
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > Py_SIZE(a))
        ihigh = Py_SIZE(a);

    norig = ihigh - ilow;
    d = n - norig;
    if (Py_SIZE(a) + d == 0) {
        Py_XDECREF(v_as_SF);
        list_clear_items(a);
        return 0;
    }
    item = a->ob_item;
    s = (size_t)norig * sizeof(PyObject *);
    if (s) {
        if (s > sizeof(recycle_on_stack)) {
            recycle = (PyObject **)PyMem_Malloc(s);
            if (recycle == NULL) {
                PyErr_NoMemory();
                goto error;
            }
        }
        memcpy(recycle, &item[ilow], s);
    }

    if (d < 0) {                /* delete -d items */
        size_t tail = (size_t)(Py_SIZE(a) - ihigh) * sizeof(PyObject *);
        memmove(&item[ihigh + d], &item[ihigh], tail);
        if (list_resize(a, Py_SIZE(a) + d) < 0) {
            memmove(&item[ihigh], &item[ihigh + d], tail);
            memcpy(&item[ilow], recycle, s);
            goto error;
        }
        item = a->ob_item;
    }
    else if (d > 0) {           /* insert d items */
        k = Py_SIZE(a);
        if (list_resize(a, k + d) < 0)
            goto error;
        item = a->ob_item;
        memmove(&item[ihigh + d], &item[ihigh], (size_t)(k - ihigh) * sizeof(PyObject *));
    }
    for (k = 0; k < n; k++, ilow++)
        item[ilow] = Py_XNewRef(vitem[k]);
    for (k = norig - 1; k >= 0; --k)
        Py_XDECREF(recycle[k]);
    result = 0;
error:
    if (recycle != recycle_on_stack)
        PyMem_Free(recycle);
    Py_XDECREF(v_as_SF);
    return result;
}

int
PyList_SetSlice(PyObject *a, Py_ssize_t ilow, Py_ssize_t ihigh, PyObject *v)
{
    if (!PyList_Check(a)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return list_ass_slice((PyListObject *)a, ilow, ihigh, v);
}

static int
list_inplace_repeat_impl(PyListObject *self, Py_ssize_t n)
{
    Py_ssize_t input_size = PyList_GET_SIZE(self);
    if (input_size == 0 || n == 1)
        return 0;
    if (n < 1) {
        list_clear_items(self);
        return 0;
    }
    if (input_size > PY_SSIZE_T_MAX / n) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t output_size = input_size * n;
    if (list_resize(self, output_size) < 0)
        return -1;
    PyObject **items = self->ob_item;
    for (Py_ssize_t j = 0; j < input_size; j++) {
        for (Py_ssize_t r = 1; r < n; r++)
            Py_INCREF(items[j]);
    }
    /* copy the first block n-1 times, doubling the copied region */
    Py_ssize_t done = input_size;
    while (done < output_size) {
        Py_ssize_t chunk = Py_MIN(done, output_size - done);
        memcpy(items + done, items, (size_t)chunk * sizeof(PyObject *));
        done += chunk;
    }
    return 0;
}

/* list.extend() core; 0 or -1. */
static int
list_extend_impl(PyListObject *self, PyObject *iterable)
{
    if (PyList_CheckExact(iterable) || PyTuple_CheckExact(iterable) ||
        (PyObject *)self == iterable) {
        PyObject *seq = PySequence_Fast(iterable, "argument must be iterable");
        if (seq == NULL)
            return -1;
        Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
        if (n == 0) {
            Py_DECREF(seq);
            return 0;
        }
        Py_ssize_t m = Py_SIZE(self);
        if (self->ob_item == NULL) {
            if (list_preallocate_exact(self, n) < 0) {
                Py_DECREF(seq);
                return -1;
            }
            Py_SET_SIZE(self, n);
        }
        else if (list_resize(self, m + n) < 0) {
            Py_DECREF(seq);
            return -1;
        }
        /* self may be seq (a.extend(a)): read the items after resizing */
        PyObject **src = PySequence_Fast_ITEMS(seq);
        PyObject **dest = self->ob_item + m;
        for (Py_ssize_t i = 0; i < n; i++)
            dest[i] = Py_NewRef(src[i]);
        Py_DECREF(seq);
        return 0;
    }

    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return -1;
    iternextfunc iternext = Py_TYPE(it)->tp_iternext;

    /* Guess the final size. */
    Py_ssize_t n = PyObject_LengthHint(iterable, 8);
    if (n < 0) {
        Py_DECREF(it);
        return -1;
    }
    Py_ssize_t m = Py_SIZE(self);
    if (m > PY_SSIZE_T_MAX - n) {
        /* overflow: the hint lied, or we will run out of memory anyway */
    }
    else if (self->ob_item == NULL) {
        if (n && list_preallocate_exact(self, n) < 0)
            goto error;
    }
    else {
        if (list_resize(self, m + n) < 0)
            goto error;
        Py_SET_SIZE(self, m);
    }

    for (;;) {
        PyObject *item = iternext(it);
        if (item == NULL) {
            if (PyErr_Occurred()) {
                if (PyErr_ExceptionMatches(PyExc_StopIteration))
                    PyErr_Clear();
                else
                    goto error;
            }
            break;
        }
        Py_ssize_t len = Py_SIZE(self);
        if (len < self->allocated) {
            self->ob_item[len] = item;
            Py_SET_SIZE(self, len + 1);
        }
        else if (_PyList_AppendTakeRef(self, item) < 0) {
            goto error;
        }
    }

    /* Give back what the guess overestimated. */
    if (Py_SIZE(self) < self->allocated) {
        if (list_resize(self, Py_SIZE(self)) < 0)
            goto error;
    }
    Py_DECREF(it);
    return 0;

error:
    Py_DECREF(it);
    return -1;
}

/* New reference to None. */
PyObject *
_PyList_Extend(PyListObject *self, PyObject *iterable)
{
    if (list_extend_impl(self, iterable) < 0)
        return NULL;
    Py_RETURN_NONE;
}

int
PyList_Extend(PyObject *self, PyObject *iterable)
{
    if (!PyList_Check(self)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return list_extend_impl((PyListObject *)self, iterable);
}

int
PyList_Clear(PyObject *self)
{
    if (!PyList_Check(self)) {
        PyErr_BadInternalCall();
        return -1;
    }
    list_clear_items((PyListObject *)self);
    return 0;
}

int
PyList_Sort(PyObject *v)
{
    if (v == NULL || !PyList_Check(v)) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject *r = _PyList_SortImpl((PyListObject *)v, NULL, 0);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

static void
reverse_items(PyObject **lo, PyObject **hi)
{
    --hi;
    while (lo < hi) {
        PyObject *t = *lo;
        *lo++ = *hi;
        *hi-- = t;
    }
}

int
PyList_Reverse(PyObject *v)
{
    if (v == NULL || !PyList_Check(v)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (Py_SIZE(v) > 1)
        reverse_items(((PyListObject *)v)->ob_item, ((PyListObject *)v)->ob_item + Py_SIZE(v));
    return 0;
}

/* New reference. */
PyObject *
PyList_AsTuple(PyObject *v)
{
    if (v == NULL || !PyList_Check(v)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return _PyTuple_FromArray(((PyListObject *)v)->ob_item, Py_SIZE(v));
}

/* New reference; steals the n items (released on failure). */
PyObject *
_PyList_FromArraySteal(PyObject *const *src, Py_ssize_t n)
{
    if (n == 0)
        return PyList_New(0);
    PyListObject *list = list_new_prealloc(n);
    if (list == NULL) {
        for (Py_ssize_t i = 0; i < n; i++)
            Py_DECREF(src[i]);
        return NULL;
    }
    memcpy(list->ob_item, src, (size_t)n * sizeof(PyObject *));
    Py_SET_SIZE(list, n);
    return (PyObject *)list;
}

/* ------------------------------------------------------------------ */
/* type slots                                                          */
/* ------------------------------------------------------------------ */

static void
list_dealloc(PyObject *self)
{
    PyListObject *op = (PyListObject *)self;
    PyObject_GC_UnTrack(op);
    Py_TRASHCAN_BEGIN(op, list_dealloc)
    if (op->ob_item != NULL) {
        /* backwards, as CPython does */
        Py_ssize_t i = Py_SIZE(op);
        while (--i >= 0)
            Py_XDECREF(op->ob_item[i]);
        PyMem_Free(op->ob_item);
    }
    if (list_numfree < PyList_MAXFREELIST && PyList_CheckExact(op))
        list_free_list[list_numfree++] = op;
    else
        Py_TYPE(op)->tp_free((PyObject *)op);
    Py_TRASHCAN_END
}

static PyObject *
list_repr(PyObject *self)
{
    PyListObject *v = (PyListObject *)self;
    _PyUnicodeWriter writer;

    if (Py_SIZE(v) == 0)
        return PyUnicode_FromString("[]");
    int rc = Py_ReprEnter(self);
    if (rc != 0)
        return rc > 0 ? PyUnicode_FromString("[...]") : NULL;

    _PyUnicodeWriter_Init(&writer);
    writer.overallocate = 1;
    writer.min_length = 1 + 1 + (2 + 1) * (Py_SIZE(v) - 1) + 1;
    if (_PyUnicodeWriter_WriteChar(&writer, '[') < 0)
        goto error;
    /* repr() may mutate the list: re-read the size every time. */
    for (Py_ssize_t i = 0; i < Py_SIZE(v); ++i) {
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
    if (_PyUnicodeWriter_WriteChar(&writer, ']') < 0)
        goto error;
    Py_ReprLeave(self);
    return _PyUnicodeWriter_Finish(&writer);

error:
    _PyUnicodeWriter_Dealloc(&writer);
    Py_ReprLeave(self);
    return NULL;
}

static Py_ssize_t
list_length(PyObject *a)
{
    return Py_SIZE(a);
}

static int
list_contains(PyObject *aa, PyObject *el)
{
    PyListObject *a = (PyListObject *)aa;
    int cmp = 0;
    for (Py_ssize_t i = 0; cmp == 0 && i < Py_SIZE(a); ++i) {
        PyObject *item = a->ob_item[i];
        Py_INCREF(item);
        cmp = PyObject_RichCompareBool(item, el, Py_EQ);
        Py_DECREF(item);
    }
    return cmp;
}

static PyObject *
list_item(PyObject *aa, Py_ssize_t i)
{
    PyListObject *a = (PyListObject *)aa;
    if ((size_t)i >= (size_t)Py_SIZE(a)) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    return Py_NewRef(a->ob_item[i]);
}

static PyObject *
list_concat(PyObject *aa, PyObject *bb)
{
    if (!PyList_Check(bb)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate list (not \"%.200s\") to list",
                     Py_TYPE(bb)->tp_name);
        return NULL;
    }
    PyListObject *a = (PyListObject *)aa, *b = (PyListObject *)bb;
    Py_ssize_t size = Py_SIZE(a) + Py_SIZE(b);
    if (size == 0)
        return PyList_New(0);
    PyListObject *np = list_new_prealloc(size);
    if (np == NULL)
        return NULL;
    PyObject **dest = np->ob_item;
    for (Py_ssize_t i = 0; i < Py_SIZE(a); i++)
        *dest++ = Py_NewRef(a->ob_item[i]);
    for (Py_ssize_t i = 0; i < Py_SIZE(b); i++)
        *dest++ = Py_NewRef(b->ob_item[i]);
    Py_SET_SIZE(np, size);
    return (PyObject *)np;
}

static PyObject *
list_repeat(PyObject *aa, Py_ssize_t n)
{
    PyListObject *a = (PyListObject *)aa;
    Py_ssize_t input_size = Py_SIZE(a);
    if (input_size == 0 || n <= 0)
        return PyList_New(0);
    if (input_size > PY_SSIZE_T_MAX / n)
        return PyErr_NoMemory();
    Py_ssize_t output_size = input_size * n;
    PyListObject *np = list_new_prealloc(output_size);
    if (np == NULL)
        return NULL;
    PyObject **dest = np->ob_item;
    if (input_size == 1) {
        PyObject *elem = a->ob_item[0];
        for (Py_ssize_t i = 0; i < n; i++)
            dest[i] = Py_NewRef(elem);
    }
    else {
        for (Py_ssize_t i = 0; i < input_size; i++) {
            for (Py_ssize_t r = 0; r < n; r++)
                Py_INCREF(a->ob_item[i]);
        }
        memcpy(dest, a->ob_item, (size_t)input_size * sizeof(PyObject *));
        Py_ssize_t done = input_size;
        while (done < output_size) {
            Py_ssize_t chunk = Py_MIN(done, output_size - done);
            memcpy(dest + done, dest, (size_t)chunk * sizeof(PyObject *));
            done += chunk;
        }
    }
    Py_SET_SIZE(np, output_size);
    return (PyObject *)np;
}

static int
list_ass_item(PyObject *aa, Py_ssize_t i, PyObject *v)
{
    PyListObject *a = (PyListObject *)aa;
    if ((size_t)i >= (size_t)Py_SIZE(a)) {
        PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (v == NULL)
        return list_ass_slice(a, i, i + 1, v);
    Py_SETREF(a->ob_item[i], Py_NewRef(v));
    return 0;
}

static PyObject *
list_inplace_concat(PyObject *self, PyObject *other)
{
    if (list_extend_impl((PyListObject *)self, other) < 0)
        return NULL;
    return Py_NewRef(self);
}

static PyObject *
list_inplace_repeat(PyObject *self, Py_ssize_t n)
{
    if (list_inplace_repeat_impl((PyListObject *)self, n) < 0)
        return NULL;
    return Py_NewRef(self);
}

static PyObject *
list_subscript(PyObject *aa, PyObject *item)
{
    PyListObject *self = (PyListObject *)aa;
    if (PyLong_CheckExact(item) && _PyLong_IsCompact((PyLongObject *)item)) {
        Py_ssize_t i = _PyLong_CompactValue((PyLongObject *)item);
        if (i < 0)
            i += Py_SIZE(self);
        return list_item(aa, i);
    }
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += Py_SIZE(self);
        return list_item(aa, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0)
            return NULL;
        Py_ssize_t slicelength = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
        if (slicelength <= 0)
            return PyList_New(0);
        if (step == 1)
            return list_slice(self, start, stop);
        PyListObject *result = list_new_prealloc(slicelength);
        if (result == NULL)
            return NULL;
        PyObject **src = self->ob_item, **dest = result->ob_item;
        size_t cur = (size_t)start;
        for (Py_ssize_t i = 0; i < slicelength; cur += (size_t)step, i++)
            dest[i] = Py_NewRef(src[cur]);
        Py_SET_SIZE(result, slicelength);
        return (PyObject *)result;
    }
    PyErr_Format(PyExc_TypeError, "list indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

static int
list_ass_subscript(PyObject *aa, PyObject *item, PyObject *value)
{
    PyListObject *self = (PyListObject *)aa;
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return -1;
        if (i < 0)
            i += PyList_GET_SIZE(self);
        return list_ass_item(aa, i, value);
    }
    if (!PySlice_Check(item)) {
        PyErr_Format(PyExc_TypeError, "list indices must be integers or slices, not %.200s",
                     Py_TYPE(item)->tp_name);
        return -1;
    }

    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(item, &start, &stop, &step) < 0)
        return -1;
    Py_ssize_t slicelength = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
    if (step == 1)
        return list_ass_slice(self, start, stop, value);

    /* s[5:2] = [...] inserts before 5, not before 2 */
    if ((step < 0 && start < stop) || (step > 0 && start > stop))
        stop = start;

    if (value == NULL) {
        /* delete an extended slice */
        if (slicelength <= 0)
            return 0;
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (slicelength - 1) - 1;
            step = -step;
        }
        PyObject **garbage = (PyObject **)PyMem_Malloc((size_t)slicelength * sizeof(PyObject *));
        if (garbage == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        /* Close up the gaps: after each removed item, move the step-1 kept
           items that follow it down over the holes. */
        size_t cur;
        Py_ssize_t i;
        for (cur = (size_t)start, i = 0; cur < (size_t)stop; cur += (size_t)step, i++) {
            Py_ssize_t lim = step - 1;
            garbage[i] = PyList_GET_ITEM(self, cur);
            if (cur + (size_t)step >= (size_t)Py_SIZE(self))
                lim = Py_SIZE(self) - (Py_ssize_t)cur - 1;
            memmove(self->ob_item + cur - i, self->ob_item + cur + 1,
                    (size_t)lim * sizeof(PyObject *));
        }
        cur = (size_t)start + (size_t)slicelength * (size_t)step;
        if (cur < (size_t)Py_SIZE(self)) {
            memmove(self->ob_item + cur - slicelength, self->ob_item + cur,
                    ((size_t)Py_SIZE(self) - cur) * sizeof(PyObject *));
        }
        Py_SET_SIZE(self, Py_SIZE(self) - slicelength);
        int res = list_resize(self, Py_SIZE(self));
        for (i = 0; i < slicelength; i++)
            Py_DECREF(garbage[i]);
        PyMem_Free(garbage);
        return res;
    }

    /* assign to an extended slice */
    PyObject *seq;
    if (self == (PyListObject *)value)      /* a[::-1] = a */
        seq = list_slice((PyListObject *)value, 0, PyList_GET_SIZE(value));
    else
        seq = PySequence_Fast(value, "must assign iterable to extended slice");
    if (seq == NULL)
        return -1;
    if (PySequence_Fast_GET_SIZE(seq) != slicelength) {
        PyErr_Format(PyExc_ValueError,
                     "attempt to assign sequence of size %zd to extended slice of size %zd",
                     PySequence_Fast_GET_SIZE(seq), slicelength);
        Py_DECREF(seq);
        return -1;
    }
    if (!slicelength) {
        Py_DECREF(seq);
        return 0;
    }
    PyObject **garbage = (PyObject **)PyMem_Malloc((size_t)slicelength * sizeof(PyObject *));
    if (garbage == NULL) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return -1;
    }
    PyObject **selfitems = self->ob_item;
    PyObject **seqitems = PySequence_Fast_ITEMS(seq);
    size_t cur = (size_t)start;
    for (Py_ssize_t i = 0; i < slicelength; cur += (size_t)step, i++) {
        garbage[i] = selfitems[cur];
        selfitems[cur] = Py_NewRef(seqitems[i]);
    }
    for (Py_ssize_t i = 0; i < slicelength; i++)
        Py_DECREF(garbage[i]);
    PyMem_Free(garbage);
    Py_DECREF(seq);
    return 0;
}

static PyObject *
list_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyList_Check(v) || !PyList_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    PyListObject *vl = (PyListObject *)v, *wl = (PyListObject *)w;
    if (Py_SIZE(vl) != Py_SIZE(wl) && (op == Py_EQ || op == Py_NE)) {
        /* lists of different lengths differ */
        if (op == Py_EQ)
            Py_RETURN_FALSE;
        Py_RETURN_TRUE;
    }
    /* First index where the items differ (the lists may change meanwhile). */
    Py_ssize_t i;
    for (i = 0; i < Py_SIZE(vl) && i < Py_SIZE(wl); i++) {
        PyObject *vitem = vl->ob_item[i], *witem = wl->ob_item[i];
        if (vitem == witem)
            continue;
        Py_INCREF(vitem);
        Py_INCREF(witem);
        int k = PyObject_RichCompareBool(vitem, witem, Py_EQ);
        Py_DECREF(vitem);
        Py_DECREF(witem);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= Py_SIZE(vl) || i >= Py_SIZE(wl)) {
        Py_RETURN_RICHCOMPARE(Py_SIZE(vl), Py_SIZE(wl), op);
    }
    if (op == Py_EQ)
        Py_RETURN_FALSE;
    if (op == Py_NE)
        Py_RETURN_TRUE;
    PyObject *vitem = vl->ob_item[i], *witem = wl->ob_item[i];
    Py_INCREF(vitem);
    Py_INCREF(witem);
    PyObject *result = PyObject_RichCompare(vitem, witem, op);
    Py_DECREF(vitem);
    Py_DECREF(witem);
    return result;
}

static int
list_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyListObject *o = (PyListObject *)self;
    for (Py_ssize_t i = Py_SIZE(o); --i >= 0; )
        Py_VISIT(o->ob_item[i]);
    return 0;
}

static int
list_tp_clear(PyObject *self)
{
    list_clear_items((PyListObject *)self);
    return 0;
}

/* list.__init__(self, iterable=(), /) */
static int
list_init_impl(PyListObject *self, PyObject *iterable)
{
    if (self->ob_item != NULL)
        list_clear_items(self);
    if (iterable != NULL && list_extend_impl(self, iterable) < 0)
        return -1;
    return 0;
}

static int
list_init(PyObject *self, PyObject *args, PyObject *kwargs)
{
    if ((Py_IS_TYPE(self, &PyList_Type) || Py_TYPE(self)->tp_new == PyList_Type.tp_new) &&
        !_PyArg_NoKeywords("list", kwargs))
        return -1;
    if (!_PyArg_CheckPositional("list", PyTuple_GET_SIZE(args), 0, 1))
        return -1;
    PyObject *iterable = PyTuple_GET_SIZE(args) ? PyTuple_GET_ITEM(args, 0) : NULL;
    return list_init_impl((PyListObject *)self, iterable);
}

static PyObject *
list_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("list", kwnames))
        return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_CheckPositional("list", nargs, 0, 1))
        return NULL;
    PyObject *list = PyType_GenericAlloc((PyTypeObject *)type, 0);
    if (list == NULL)
        return NULL;
    if (nargs && list_init_impl((PyListObject *)list, args[0]) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

/* ------------------------------------------------------------------ */
/* methods                                                             */
/* ------------------------------------------------------------------ */

/* Py_ssize_t argument as Argument Clinic converts it. */
static int
list_ssize_arg(PyObject *arg, Py_ssize_t *out)
{
    if (PyLong_CheckExact(arg) && _PyLong_IsCompact((PyLongObject *)arg)) {
        *out = _PyLong_CompactValue((PyLongObject *)arg);
        return 1;
    }
    PyObject *iobj = _PyNumber_Index(arg);
    Py_ssize_t ival = -1;
    if (iobj != NULL) {
        ival = PyLong_AsSsize_t(iobj);
        Py_DECREF(iobj);
    }
    if (ival == -1 && PyErr_Occurred())
        return 0;
    *out = ival;
    return 1;
}

static PyObject *
list_insert(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t index;
    if (!_PyArg_CheckPositional("insert", nargs, 2, 2))
        return NULL;
    if (!list_ssize_arg(args[0], &index))
        return NULL;
    if (ins1((PyListObject *)self, index, args[1]) == 0)
        Py_RETURN_NONE;
    return NULL;
}

static PyObject *
list_clear_meth(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    list_clear_items((PyListObject *)self);
    Py_RETURN_NONE;
}

static PyObject *
list_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return list_slice((PyListObject *)self, 0, Py_SIZE(self));
}

static PyObject *
list_append(PyObject *self, PyObject *object)
{
    if (_PyList_AppendTakeRef((PyListObject *)self, Py_NewRef(object)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
list_extend(PyObject *self, PyObject *iterable)
{
    return _PyList_Extend((PyListObject *)self, iterable);
}

static PyObject *
list_pop(PyObject *aa, PyObject *const *args, Py_ssize_t nargs)
{
    PyListObject *self = (PyListObject *)aa;
    Py_ssize_t index = -1;
    if (!_PyArg_CheckPositional("pop", nargs, 0, 1))
        return NULL;
    if (nargs >= 1 && !list_ssize_arg(args[0], &index))
        return NULL;
    if (Py_SIZE(self) == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty list");
        return NULL;
    }
    if (index < 0)
        index += Py_SIZE(self);
    if ((size_t)index >= (size_t)Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "pop index out of range");
        return NULL;
    }
    PyObject **items = self->ob_item;
    PyObject *v = items[index];
    const Py_ssize_t size_after_pop = Py_SIZE(self) - 1;
    int status;
    if (size_after_pop == 0) {
        Py_INCREF(v);
        list_clear_items(self);
        status = 0;
    }
    else {
        if (size_after_pop - index > 0)
            memmove(&items[index], &items[index + 1],
                    (size_t)(size_after_pop - index) * sizeof(PyObject *));
        status = list_resize(self, size_after_pop);
    }
    if (status >= 0)
        return v;               /* the list's reference */
    memmove(&items[index + 1], &items[index], (size_t)(size_after_pop - index) * sizeof(PyObject *));
    items[index] = v;
    return NULL;
}

static PyObject *
list_index(PyObject *aa, PyObject *const *args, Py_ssize_t nargs)
{
    PyListObject *self = (PyListObject *)aa;
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX;
    if (!_PyArg_CheckPositional("index", nargs, 1, 3))
        return NULL;
    if (nargs >= 2 && !_PySlice_IndexNotNone(args[1], &start))
        return NULL;
    if (nargs >= 3 && !_PySlice_IndexNotNone(args[2], &stop))
        return NULL;
    PyObject *value = args[0];
    if (start < 0) {
        start += Py_SIZE(self);
        if (start < 0)
            start = 0;
    }
    if (stop < 0) {
        stop += Py_SIZE(self);
        if (stop < 0)
            stop = 0;
    }
    for (Py_ssize_t i = start; i < stop && i < Py_SIZE(self); i++) {
        PyObject *obj = self->ob_item[i];
        Py_INCREF(obj);
        int cmp = PyObject_RichCompareBool(obj, value, Py_EQ);
        Py_DECREF(obj);
        if (cmp > 0)
            return PyLong_FromSsize_t(i);
        if (cmp < 0)
            return NULL;
    }
    PyErr_Format(PyExc_ValueError, "%R is not in list", value);
    return NULL;
}

static PyObject *
list_count(PyObject *aa, PyObject *value)
{
    PyListObject *self = (PyListObject *)aa;
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        PyObject *obj = self->ob_item[i];
        if (obj == value) {
            count++;
            continue;
        }
        Py_INCREF(obj);
        int cmp = PyObject_RichCompareBool(obj, value, Py_EQ);
        Py_DECREF(obj);
        if (cmp > 0)
            count++;
        else if (cmp < 0)
            return NULL;
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *
list_remove(PyObject *aa, PyObject *value)
{
    PyListObject *self = (PyListObject *)aa;
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        PyObject *obj = self->ob_item[i];
        Py_INCREF(obj);
        int cmp = PyObject_RichCompareBool(obj, value, Py_EQ);
        Py_DECREF(obj);
        if (cmp > 0) {
            if (list_ass_slice(self, i, i + 1, NULL) == 0)
                Py_RETURN_NONE;
            return NULL;
        }
        if (cmp < 0)
            return NULL;
    }
    PyErr_SetString(PyExc_ValueError, "list.remove(x): x not in list");
    return NULL;
}

static PyObject *
list_reverse(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (Py_SIZE(self) > 1)
        reverse_items(((PyListObject *)self)->ob_item,
                      ((PyListObject *)self)->ob_item + Py_SIZE(self));
    Py_RETURN_NONE;
}

static PyObject *
list_sort(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"key", "reverse", NULL};
    PyObject *argsbuf[2];
    PyObject *keyfunc = Py_None;
    int reverse = 0;
    if (nargs != 0 || kwnames != NULL) {
        if (!_PyArg_ParseFast("sort", args, nargs, kwnames, kwlist, 0, 0, 0, 0, argsbuf))
            return NULL;
        if (argsbuf[0] != NULL)
            keyfunc = argsbuf[0];
        if (argsbuf[1] != NULL) {
            reverse = PyObject_IsTrue(argsbuf[1]);
            if (reverse < 0)
                return NULL;
        }
    }
    return _PyList_SortImpl((PyListObject *)self, keyfunc, reverse);
}

static PyObject *
list_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    size_t res = (size_t)Py_TYPE(self)->tp_basicsize;
    res += (size_t)((PyListObject *)self)->allocated * sizeof(void *);
    return PyLong_FromSize_t(res);
}

static PyObject *list_iter(PyObject *seq);
static PyObject *list_reversed(PyObject *self, PyObject *Py_UNUSED(ignored));

static PyMethodDef list_methods[] = {
    {"__getitem__", (PyCFunction)list_subscript, METH_O | METH_COEXIST,
     "x.__getitem__(y) <==> x[y]"},
    {"__reversed__", (PyCFunction)list_reversed, METH_NOARGS,
     "Return a reverse iterator over the list."},
    {"__sizeof__", (PyCFunction)list_sizeof, METH_NOARGS,
     "Return the size of the list in memory, in bytes."},
    {"clear", (PyCFunction)list_clear_meth, METH_NOARGS, "Remove all items from list."},
    {"copy", (PyCFunction)list_copy, METH_NOARGS, "Return a shallow copy of the list."},
    {"append", (PyCFunction)list_append, METH_O, "Append object to the end of the list."},
    {"insert", _PyCFunction_CAST(list_insert), METH_FASTCALL, "Insert object before index."},
    {"extend", (PyCFunction)list_extend, METH_O,
     "Extend list by appending elements from the iterable."},
    {"pop", _PyCFunction_CAST(list_pop), METH_FASTCALL,
     "Remove and return item at index (default last).\n\n"
     "Raises IndexError if list is empty or index is out of range."},
    {"remove", (PyCFunction)list_remove, METH_O,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", _PyCFunction_CAST(list_index), METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", (PyCFunction)list_count, METH_O, "Return number of occurrences of value."},
    {"reverse", (PyCFunction)list_reverse, METH_NOARGS, "Reverse *IN PLACE*."},
    {"sort", _PyCFunction_CAST(list_sort), METH_FASTCALL | METH_KEYWORDS,
     "Sort the list in ascending order and return None.\n\n"
     "The sort is in-place (i.e. the list itself is modified) and stable (i.e. the\n"
     "order of two equal elements is maintained).\n\n"
     "If a key function is given, apply it once to each list item and sort them,\n"
     "ascending or descending, according to their function values.\n\n"
     "The reverse flag can be set to sort in descending order."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

static PySequenceMethods list_as_sequence = {
    .sq_length = list_length,
    .sq_concat = list_concat,
    .sq_repeat = list_repeat,
    .sq_item = list_item,
    .sq_ass_item = list_ass_item,
    .sq_contains = list_contains,
    .sq_inplace_concat = list_inplace_concat,
    .sq_inplace_repeat = list_inplace_repeat,
};

static PyMappingMethods list_as_mapping = {
    .mp_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
};

PyTypeObject PyList_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "list",
    .tp_basicsize = sizeof(PyListObject),
    .tp_dealloc = list_dealloc,
    .tp_repr = list_repr,
    .tp_as_sequence = &list_as_sequence,
    .tp_as_mapping = &list_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_LIST_SUBCLASS | _Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "Built-in mutable sequence.\n\n"
              "If no argument is given, the constructor creates a new empty list.\n"
              "The argument must be an iterable if specified.",
    .tp_traverse = list_traverse,
    .tp_clear = list_tp_clear,
    .tp_richcompare = list_richcompare,
    .tp_iter = list_iter,
    .tp_methods = list_methods,
    .tp_init = list_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = list_vectorcall,
};

/* ------------------------------------------------------------------ */
/* iterators                                                           */
/* ------------------------------------------------------------------ */

static void
listiter_dealloc(PyObject *self)
{
    _PyListIterObject *it = (_PyListIterObject *)self;
    _PyObject_GC_UNTRACK(self);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int
listiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((_PyListIterObject *)self)->it_seq);
    return 0;
}

static PyObject *
listiter_next(PyObject *self)
{
    _PyListIterObject *it = (_PyListIterObject *)self;
    PyListObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index < PyList_GET_SIZE(seq))
        return Py_NewRef(seq->ob_item[it->it_index++]);
    it->it_seq = NULL;
    Py_DECREF(seq);
    return NULL;
}

static PyObject *
listiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyListIterObject *it = (_PyListIterObject *)self;
    if (it->it_seq) {
        Py_ssize_t len = PyList_GET_SIZE(it->it_seq) - it->it_index;
        if (len >= 0)
            return PyLong_FromSsize_t(len);
    }
    return PyLong_FromLong(0);
}

static PyMethodDef listiter_methods[] = {
    {"__length_hint__", (PyCFunction)listiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyListIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(_PyListIterObject),
    .tp_dealloc = listiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = listiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
    .tp_free = PyObject_GC_Del,
};

static PyObject *
list_iter(PyObject *seq)
{
    if (!PyList_Check(seq)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    _PyListIterObject *it = PyObject_GC_New(_PyListIterObject, &PyListIter_Type);
    if (it == NULL)
        return NULL;
    it->it_index = 0;
    it->it_seq = (PyListObject *)Py_NewRef(seq);
    _PyObject_GC_TRACK((PyObject *)it);
    return (PyObject *)it;
}

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyListObject *it_seq;       /* NULL when exhausted */
} listreviterobject;

static void
listreviter_dealloc(PyObject *self)
{
    listreviterobject *it = (listreviterobject *)self;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int
listreviter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((listreviterobject *)self)->it_seq);
    return 0;
}

static PyObject *
listreviter_next(PyObject *self)
{
    listreviterobject *it = (listreviterobject *)self;
    Py_ssize_t index = it->it_index;
    PyListObject *seq = it->it_seq;
    if (index >= 0 && index < PyList_GET_SIZE(seq)) {
        PyObject *item = seq->ob_item[index];
        it->it_index--;
        return Py_NewRef(item);
    }
    it->it_index = -1;
    if (seq != NULL) {
        it->it_seq = NULL;
        Py_DECREF(seq);
    }
    return NULL;
}

static PyObject *
listreviter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    listreviterobject *it = (listreviterobject *)self;
    Py_ssize_t len = it->it_index + 1;
    if (it->it_seq == NULL || PyList_GET_SIZE(it->it_seq) < len)
        len = 0;
    return PyLong_FromSsize_t(len);
}

static PyMethodDef listreviter_methods[] = {
    {"__length_hint__", (PyCFunction)listreviter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyListRevIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(listreviterobject),
    .tp_dealloc = listreviter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = listreviter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = listreviter_next,
    .tp_methods = listreviter_methods,
    .tp_free = PyObject_GC_Del,
};

static PyObject *
list_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    listreviterobject *it = PyObject_GC_New(listreviterobject, &PyListRevIter_Type);
    if (it == NULL)
        return NULL;
    it->it_index = PyList_GET_SIZE(self) - 1;
    it->it_seq = (PyListObject *)Py_NewRef(self);
    _PyObject_GC_TRACK((PyObject *)it);
    return (PyObject *)it;
}
