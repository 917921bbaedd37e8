/* rangeobject.c -- range objects and their iterators.
 *
 * A range stores start, stop, step and its length as Python ints (48
 * bytes, not a GC type), so ranges of any size work; all arithmetic on them
 * is done with ints, with C-long fast paths where every value fits.
 *
 * Iteration has two iterator types, as in CPython: range_iterator keeps C
 * longs (start, step, remaining length) and is what the VM's FOR_ITER_RANGE
 * specialisation reads, and longrange_iterator handles ranges whose values
 * or length do not fit in a C long.
 */
#include "pycore.h"
#include "rp_object.h"

typedef _PyRangeObject rangeobject;

typedef struct {
    PyObject_HEAD
    PyObject *start;
    PyObject *step;
    PyObject *len;
} longrangeiterobject;

/* ------------------------------------------------------------------ */
/* helpers                                                             */
/* ------------------------------------------------------------------ */

/* Number of values of range(lo, hi, step) with C longs; exact in an
   unsigned long (the worst case is 2 * LONG_MAX). */
static unsigned long
get_len_of_range(long lo, long hi, long step)
{
    if (step > 0 && lo < hi)
        return 1UL + (hi - 1UL - lo) / (unsigned long)step;
    if (step < 0 && lo > hi)
        return 1UL + (lo - 1UL - hi) / (0UL - (unsigned long)step);
    return 0UL;
}

/* 1 and *out set if op is an int that fits in a C long. */
static inline int
as_small_long(PyObject *op, long *out)
{
    if (PyLong_CheckExact(op) && _PyLong_IsCompact((PyLongObject *)op)) {
        *out = (long)_PyLong_CompactValue((PyLongObject *)op);
        return 1;
    }
    return 0;
}

/* len >= 0; -2 if it does not fit in a long; -1 on error. */
static long
compute_range_length_long(PyObject *start, PyObject *stop, PyObject *step)
{
    int overflow = 0;
    long lstart = PyLong_AsLongAndOverflow(start, &overflow);
    if (overflow)
        return -2;
    if (lstart == -1 && PyErr_Occurred())
        return -1;
    long lstop = PyLong_AsLongAndOverflow(stop, &overflow);
    if (overflow)
        return -2;
    if (lstop == -1 && PyErr_Occurred())
        return -1;
    long lstep = PyLong_AsLongAndOverflow(step, &overflow);
    if (overflow)
        return -2;
    if (lstep == -1 && PyErr_Occurred())
        return -1;
    unsigned long ulen = get_len_of_range(lstart, lstop, lstep);
    if (ulen > (unsigned long)LONG_MAX)
        return -2;
    return (long)ulen;
}

/* New reference: the length of range(start, stop, step) as an int. */
static PyObject *
compute_range_length(PyObject *start, PyObject *stop, PyObject *step)
{
    PyObject *lo, *hi, *diff = NULL, *tmp1 = NULL, *tmp2 = NULL, *result;
    PyObject *one = _PyLong_GetOne();

    long len = compute_range_length_long(start, stop, step);
    if (len >= 0)
        return PyLong_FromLong(len);
    if (len == -1)
        return NULL;

    int cmp_result = PyObject_RichCompareBool(step, _PyLong_GetZero(), Py_GT);
    if (cmp_result == -1)
        return NULL;
    if (cmp_result == 1) {
        lo = start;
        hi = stop;
        Py_INCREF(step);
    }
    else {
        lo = stop;
        hi = start;
        step = PyNumber_Negative(step);
        if (!step)
            return NULL;
    }
    /* lo >= hi: empty */
    cmp_result = PyObject_RichCompareBool(lo, hi, Py_GE);
    if (cmp_result != 0) {
        Py_DECREF(step);
        if (cmp_result < 0)
            return NULL;
        return Py_NewRef(_PyLong_GetZero());
    }
    /* (hi - lo - 1) // step + 1 */
    if ((tmp1 = PyNumber_Subtract(hi, lo)) == NULL)
        goto fail;
    if ((diff = PyNumber_Subtract(tmp1, one)) == NULL)
        goto fail;
    if ((tmp2 = PyNumber_FloorDivide(diff, step)) == NULL)
        goto fail;
    if ((result = PyNumber_Add(tmp2, one)) == NULL)
        goto fail;
    Py_DECREF(tmp2);
    Py_DECREF(diff);
    Py_DECREF(step);
    Py_DECREF(tmp1);
    return result;
fail:
    Py_DECREF(step);
    Py_XDECREF(tmp2);
    Py_XDECREF(diff);
    Py_XDECREF(tmp1);
    return NULL;
}

/* New range; steals start, stop and step (released on failure). */
static PyObject *
make_range_object(PyObject *start, PyObject *stop, PyObject *step)
{
    PyObject *length = compute_range_length(start, stop, step);
    if (length == NULL)
        goto fail;
    rangeobject *obj = PyObject_New(rangeobject, &PyRange_Type);
    if (obj == NULL) {
        Py_DECREF(length);
        goto fail;
    }
    obj->start = start;
    obj->stop = stop;
    obj->step = step;
    obj->length = length;
    return (PyObject *)obj;
fail:
    Py_DECREF(start);
    Py_DECREF(stop);
    Py_DECREF(step);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* construction                                                        */
/* ------------------------------------------------------------------ */

static PyObject *
range_from_array(PyObject *const *args, Py_ssize_t num_args)
{
    PyObject *start = NULL, *stop = NULL, *step = NULL;
    switch (num_args) {
    case 3:
    case 2:
        /* start and stop are converted before step is checked */
        start = PyNumber_Index(args[0]);
        if (start == NULL)
            return NULL;
        stop = PyNumber_Index(args[1]);
        if (stop == NULL) {
            Py_DECREF(start);
            return NULL;
        }
        if (num_args == 3) {
            step = PyNumber_Index(args[2]);
            if (step != NULL && _PyLong_IsZero((PyLongObject *)step)) {
                PyErr_SetString(PyExc_ValueError, "range() arg 3 must not be zero");
                Py_CLEAR(step);
            }
            if (step == NULL) {
                Py_DECREF(start);
                Py_DECREF(stop);
                return NULL;
            }
        }
        break;
    case 1:
        stop = PyNumber_Index(args[0]);
        if (stop == NULL)
            return NULL;
        start = Py_NewRef(_PyLong_GetZero());
        break;
    case 0:
        PyErr_SetString(PyExc_TypeError, "range expected at least 1 argument, got 0");
        return NULL;
    default:
        PyErr_Format(PyExc_TypeError, "range expected at most 3 arguments, got %zd", num_args);
        return NULL;
    }
    if (step == NULL)
        step = Py_NewRef(_PyLong_GetOne());
    return make_range_object(start, stop, step);
}

static PyObject *
range_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (!_PyArg_NoKeywords("range", kw))
        return NULL;
    return range_from_array(_PyTuple_ITEMS(args), PyTuple_GET_SIZE(args));
}

static PyObject *
range_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("range", kwnames))
        return NULL;
    return range_from_array(args, PyVectorcall_NARGS(nargsf));
}

static void
range_dealloc(PyObject *self)
{
    rangeobject *r = (rangeobject *)self;
    Py_DECREF(r->start);
    Py_DECREF(r->stop);
    Py_DECREF(r->step);
    Py_DECREF(r->length);
    PyObject_Free(r);
}

/* ------------------------------------------------------------------ */
/* sequence protocol                                                   */
/* ------------------------------------------------------------------ */

static PyObject *
range_repr(PyObject *self)
{
    rangeobject *r = (rangeobject *)self;
    Py_ssize_t istep = PyNumber_AsSsize_t(r->step, NULL);
    if (istep == -1 && PyErr_Occurred()) {
        /* a huge step cannot be 1: fall through to the long form */
        PyErr_Clear();
    }
    if (istep == 1)
        return PyUnicode_FromFormat("range(%R, %R)", r->start, r->stop);
    return PyUnicode_FromFormat("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static Py_ssize_t
range_length(PyObject *self)
{
    return PyLong_AsSsize_t(((rangeobject *)self)->length);
}

static int
range_bool(PyObject *self)
{
    return PyObject_IsTrue(((rangeobject *)self)->length);
}

/* New reference: start + i * step, for 0 <= i < len. */
static PyObject *
compute_item(rangeobject *r, PyObject *i)
{
    long lstart, lstep, li;
    if (as_small_long(r->start, &lstart) && as_small_long(r->step, &lstep) &&
        as_small_long(i, &li)) {
        /* compact ints are < 2**30 in magnitude: no overflow */
        return PyLong_FromLong(lstart + li * lstep);
    }
    if (r->step == _PyLong_GetOne())
        return PyNumber_Add(r->start, i);
    PyObject *incr = PyNumber_Multiply(i, r->step);
    if (incr == NULL)
        return NULL;
    PyObject *result = PyNumber_Add(r->start, incr);
    Py_DECREF(incr);
    return result;
}

/* New reference: r[arg] with negative indexing and bounds checks. */
static PyObject *
compute_range_item(rangeobject *r, PyObject *arg)
{
    PyObject *zero = _PyLong_GetZero();
    PyObject *i;
    int cmp_result;
    long larg, llen;

    if (as_small_long(arg, &larg) && as_small_long(r->length, &llen)) {
        if (larg < 0)
            larg += llen;
        if (larg < 0 || larg >= llen) {
            PyErr_SetString(PyExc_IndexError, "range object index out of range");
            return NULL;
        }
        PyObject *li = PyLong_FromLong(larg);
        if (li == NULL)
            return NULL;
        PyObject *result = compute_item(r, li);
        Py_DECREF(li);
        return result;
    }

    cmp_result = PyObject_RichCompareBool(arg, zero, Py_LT);
    if (cmp_result == -1)
        return NULL;
    if (cmp_result == 1) {
        i = PyNumber_Add(r->length, arg);
        if (!i)
            return NULL;
    }
    else {
        i = Py_NewRef(arg);
    }
    cmp_result = PyObject_RichCompareBool(i, zero, Py_LT);
    if (cmp_result == 0)
        cmp_result = PyObject_RichCompareBool(i, r->length, Py_GE);
    if (cmp_result == -1) {
        Py_DECREF(i);
        return NULL;
    }
    if (cmp_result == 1) {
        Py_DECREF(i);
        PyErr_SetString(PyExc_IndexError, "range object index out of range");
        return NULL;
    }
    PyObject *result = compute_item(r, i);
    Py_DECREF(i);
    return result;
}

static PyObject *
range_item(PyObject *self, Py_ssize_t i)
{
    PyObject *arg = PyLong_FromSsize_t(i);
    if (arg == NULL)
        return NULL;
    PyObject *res = compute_range_item((rangeobject *)self, arg);
    Py_DECREF(arg);
    return res;
}

static PyObject *
compute_slice(rangeobject *r, PyObject *slice)
{
    PyObject *start = NULL, *stop = NULL, *step = NULL;
    PyObject *substart = NULL, *substop = NULL, *substep = NULL;

    if (_PySlice_GetLongIndices((PySliceObject *)slice, r->length, &start, &stop, &step) == -1)
        return NULL;
    substep = PyNumber_Multiply(r->step, step);
    if (substep == NULL)
        goto fail;
    Py_CLEAR(step);
    substart = compute_item(r, start);
    if (substart == NULL)
        goto fail;
    Py_CLEAR(start);
    substop = compute_item(r, stop);
    if (substop == NULL)
        goto fail;
    Py_CLEAR(stop);
    return make_range_object(substart, substop, substep);
fail:
    Py_XDECREF(start);
    Py_XDECREF(stop);
    Py_XDECREF(step);
    Py_XDECREF(substart);
    Py_XDECREF(substop);
    Py_XDECREF(substep);
    return NULL;
}

static PyObject *
range_subscript(PyObject *self, PyObject *item)
{
    rangeobject *r = (rangeobject *)self;
    if (PyIndex_Check(item)) {
        PyObject *i = PyNumber_Index(item);
        if (i == NULL)
            return NULL;
        PyObject *result = compute_range_item(r, i);
        Py_DECREF(i);
        return result;
    }
    if (PySlice_Check(item))
        return compute_slice(r, item);
    PyErr_Format(PyExc_TypeError, "range indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

/* ob (an int or bool) in r?  -1 on error. */
static int
range_contains_long(rangeobject *r, PyObject *ob)
{
    PyObject *zero = _PyLong_GetZero();
    int cmp1, cmp2, cmp3;
    PyObject *tmp1 = NULL, *tmp2 = NULL;
    int result = -1;
    long lstart, lstop, lstep, lob;

    if (as_small_long(r->start, &lstart) && as_small_long(r->stop, &lstop) &&
        as_small_long(r->step, &lstep) &&
        (as_small_long(ob, &lob) ||
         (PyBool_Check(ob) && (lob = (long)_PyLong_CompactValue((PyLongObject *)ob), 1)))) {
        if (lstep > 0) {
            if (!(lstart <= lob && lob < lstop))
                return 0;
        }
        else if (!(lstop < lob && lob <= lstart)) {
            return 0;
        }
        return (lob - lstart) % lstep == 0;
    }

    cmp1 = PyObject_RichCompareBool(r->step, zero, Py_GT);
    if (cmp1 == -1)
        goto end;
    if (cmp1 == 1) {            /* start <= ob < stop */
        cmp2 = PyObject_RichCompareBool(r->start, ob, Py_LE);
        cmp3 = PyObject_RichCompareBool(ob, r->stop, Py_LT);
    }
    else {                      /* stop < ob <= start */
        cmp2 = PyObject_RichCompareBool(ob, r->start, Py_LE);
        cmp3 = PyObject_RichCompareBool(r->stop, ob, Py_LT);
    }
    if (cmp2 == -1 || cmp3 == -1)
        goto end;
    if (cmp2 == 0 || cmp3 == 0) {
        result = 0;
        goto end;
    }
    /* (ob - start) % step == 0 */
    tmp1 = PyNumber_Subtract(ob, r->start);
    if (!tmp1)
        goto end;
    tmp2 = PyNumber_Remainder(tmp1, r->step);
    if (!tmp2)
        goto end;
    result = PyObject_RichCompareBool(tmp2, zero, Py_EQ);
end:
    Py_XDECREF(tmp1);
    Py_XDECREF(tmp2);
    return result;
}

static PyObject *range_iter(PyObject *seq);

/* Iterate r comparing each value with ob (item == ob).  mode 0: count,
   1: first index (-1 + ValueError if absent), 2: contains. */
static Py_ssize_t
range_iter_search(PyObject *r, PyObject *ob, int mode)
{
    Py_ssize_t n = 0;
    PyObject *it = range_iter(r);
    if (it == NULL)
        return -1;
    iternextfunc next = Py_TYPE(it)->tp_iternext;
    for (;;) {
        PyObject *item = next(it);
        if (item == NULL) {
            Py_DECREF(it);
            if (PyErr_Occurred())
                return -1;
            if (mode == 1) {
                PyErr_SetString(PyExc_ValueError, "sequence.index(x): x not in sequence");
                return -1;
            }
            return mode == 0 ? n : 0;
        }
        int cmp = PyObject_RichCompareBool(item, ob, Py_EQ);
        Py_DECREF(item);
        if (cmp < 0) {
            Py_DECREF(it);
            return -1;
        }
        if (cmp > 0) {
            if (mode == 2) {
                Py_DECREF(it);
                return 1;
            }
            if (mode == 1) {
                Py_DECREF(it);
                return n;
            }
            n++;
        }
        else if (mode == 1) {
            n++;
        }
    }
}

static int
range_contains(PyObject *self, PyObject *ob)
{
    if (PyLong_CheckExact(ob) || PyBool_Check(ob))
        return range_contains_long((rangeobject *)self, ob);
    return (int)range_iter_search(self, ob, 2);
}

/* r0 == r1 for ranges: same sequence of values. */
static int
range_equals(rangeobject *r0, rangeobject *r1)
{
    if (r0 == r1)
        return 1;
    int cmp_result = PyObject_RichCompareBool(r0->length, r1->length, Py_EQ);
    if (cmp_result != 1)
        return cmp_result;
    cmp_result = PyObject_Not(r0->length);
    if (cmp_result != 0)
        return cmp_result;      /* both empty */
    cmp_result = PyObject_RichCompareBool(r0->start, r1->start, Py_EQ);
    if (cmp_result != 1)
        return cmp_result;
    cmp_result = PyObject_RichCompareBool(r0->length, _PyLong_GetOne(), Py_EQ);
    if (cmp_result != 0)
        return cmp_result;      /* one element each */
    return PyObject_RichCompareBool(r0->step, r1->step, Py_EQ);
}

static PyObject *
range_richcompare(PyObject *self, PyObject *other, int op)
{
    if (!PyRange_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    switch (op) {
    case Py_NE:
    case Py_EQ: {
        int result = range_equals((rangeobject *)self, (rangeobject *)other);
        if (result == -1)
            return NULL;
        if (op == Py_NE)
            result = !result;
        if (result)
            Py_RETURN_TRUE;
        Py_RETURN_FALSE;
    }
    default:
        Py_RETURN_NOTIMPLEMENTED;
    }
}

/* hash((len, start, step)), with None for what does not matter. */
static Py_hash_t
range_hash(PyObject *self)
{
    rangeobject *r = (rangeobject *)self;
    Py_hash_t result = -1;
    PyObject *t = PyTuple_New(3);
    if (!t)
        return -1;
    PyTuple_SET_ITEM(t, 0, Py_NewRef(r->length));
    int cmp_result = PyObject_Not(r->length);
    if (cmp_result == -1)
        goto end;
    if (cmp_result == 1) {
        PyTuple_SET_ITEM(t, 1, Py_None);
        PyTuple_SET_ITEM(t, 2, Py_None);
    }
    else {
        PyTuple_SET_ITEM(t, 1, Py_NewRef(r->start));
        cmp_result = PyObject_RichCompareBool(r->length, _PyLong_GetOne(), Py_EQ);
        if (cmp_result == -1)
            goto end;
        if (cmp_result == 1)
            PyTuple_SET_ITEM(t, 2, Py_None);
        else
            PyTuple_SET_ITEM(t, 2, Py_NewRef(r->step));
    }
    result = PyObject_Hash(t);
end:
    Py_DECREF(t);
    return result;
}

/* ------------------------------------------------------------------ */
/* methods                                                             */
/* ------------------------------------------------------------------ */

static PyObject *
range_count(PyObject *self, PyObject *ob)
{
    if (PyLong_CheckExact(ob) || PyBool_Check(ob)) {
        int result = range_contains_long((rangeobject *)self, ob);
        if (result == -1)
            return NULL;
        return PyLong_FromLong(result);
    }
    Py_ssize_t count = range_iter_search(self, ob, 0);
    if (count == -1)
        return NULL;
    return PyLong_FromSsize_t(count);
}

static PyObject *
range_index(PyObject *self, PyObject *ob)
{
    rangeobject *r = (rangeobject *)self;
    if (!PyLong_CheckExact(ob) && !PyBool_Check(ob)) {
        Py_ssize_t index = range_iter_search(self, ob, 1);
        if (index == -1)
            return NULL;
        return PyLong_FromSsize_t(index);
    }
    int contains = range_contains_long(r, ob);
    if (contains == -1)
        return NULL;
    if (contains) {
        PyObject *idx = PyNumber_Subtract(ob, r->start);
        if (idx == NULL)
            return NULL;
        if (r->step == _PyLong_GetOne())
            return idx;
        /* (ob - start) // step */
        PyObject *sidx = PyNumber_FloorDivide(idx, r->step);
        Py_DECREF(idx);
        return sidx;
    }
    PyErr_Format(PyExc_ValueError, "%R is not in range", ob);
    return NULL;
}

static PyObject *
range_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    rangeobject *r = (rangeobject *)self;
    return Py_BuildValue("(O(OOO))", Py_TYPE(r), r->start, r->stop, r->step);
}

static PyObject *range_reverse(PyObject *seq, PyObject *Py_UNUSED(ignored));

static PyMethodDef range_methods[] = {
    {"__reversed__", (PyCFunction)range_reverse, METH_NOARGS,
     "Return a reverse iterator."},
    {"__reduce__", (PyCFunction)range_reduce, METH_NOARGS, NULL},
    {"count", (PyCFunction)range_count, METH_O,
     "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", (PyCFunction)range_index, METH_O,
     "rangeobject.index(value) -> integer -- return index of value.\n"
     "Raise ValueError if the value is not present."},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef range_members[] = {
    {"start", Py_T_OBJECT_EX, offsetof(rangeobject, start), Py_READONLY, NULL},
    {"stop", Py_T_OBJECT_EX, offsetof(rangeobject, stop), Py_READONLY, NULL},
    {"step", Py_T_OBJECT_EX, offsetof(rangeobject, step), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyNumberMethods range_as_number = {
    .nb_bool = range_bool,
};

static PySequenceMethods range_as_sequence = {
    .sq_length = range_length,
    .sq_item = range_item,
    .sq_contains = range_contains,
};

static PyMappingMethods range_as_mapping = {
    .mp_length = range_length,
    .mp_subscript = range_subscript,
};

PyTypeObject PyRange_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "range",
    .tp_basicsize = sizeof(rangeobject),
    .tp_dealloc = range_dealloc,
    .tp_repr = range_repr,
    .tp_as_number = &range_as_number,
    .tp_as_sequence = &range_as_sequence,
    .tp_as_mapping = &range_as_mapping,
    .tp_hash = range_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "range(stop) -> range object\n"
              "range(start, stop[, step]) -> range object\n\n"
              "Return an object that produces a sequence of integers from start (inclusive)\n"
              "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
              "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
              "These are exactly the valid indices for a list of 4 elements.\n"
              "When step is given, it specifies the increment (or decrement).",
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_methods = range_methods,
    .tp_members = range_members,
    .tp_new = range_new,
    .tp_vectorcall = range_vectorcall,
};

/* ------------------------------------------------------------------ */
/* the C-long iterator                                                 */
/* ------------------------------------------------------------------ */

static PyObject *
rangeiter_next(PyObject *self)
{
    _PyRangeIterObject *r = (_PyRangeIterObject *)self;
    if (r->len > 0) {
        long result = r->start;
        r->start = result + r->step;
        r->len--;
        return PyLong_FromLong(result);
    }
    return NULL;
}

static PyObject *
rangeiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(((_PyRangeIterObject *)self)->len);
}

static void
rangeiter_dealloc(PyObject *self)
{
    PyObject_Free(self);
}

static PyMethodDef rangeiter_methods[] = {
    {"__length_hint__", (PyCFunction)rangeiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyRangeIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(_PyRangeIterObject),
    .tp_dealloc = rangeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
};

static PyObject *
fast_range_iter(long start, long stop, long step, long len)
{
    _PyRangeIterObject *it = PyObject_New(_PyRangeIterObject, &PyRangeIter_Type);
    if (it == NULL)
        return NULL;
    it->start = start;
    it->step = step;
    it->len = len;
    return (PyObject *)it;
}

/* ------------------------------------------------------------------ */
/* the int iterator                                                    */
/* ------------------------------------------------------------------ */

static PyObject *
longrangeiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(((longrangeiterobject *)self)->len);
}

static void
longrangeiter_dealloc(PyObject *self)
{
    longrangeiterobject *r = (longrangeiterobject *)self;
    Py_XDECREF(r->start);
    Py_XDECREF(r->step);
    Py_XDECREF(r->len);
    PyObject_Free(r);
}

static PyObject *
longrangeiter_next(PyObject *self)
{
    longrangeiterobject *r = (longrangeiterobject *)self;
    if (PyObject_RichCompareBool(r->len, _PyLong_GetZero(), Py_GT) != 1)
        return NULL;
    PyObject *new_start = PyNumber_Add(r->start, r->step);
    if (new_start == NULL)
        return NULL;
    PyObject *new_len = PyNumber_Subtract(r->len, _PyLong_GetOne());
    if (new_len == NULL) {
        Py_DECREF(new_start);
        return NULL;
    }
    PyObject *result = r->start;
    r->start = new_start;
    Py_SETREF(r->len, new_len);
    return result;
}

static PyMethodDef longrangeiter_methods[] = {
    {"__length_hint__", (PyCFunction)longrangeiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyLongRangeIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(longrangeiterobject),
    .tp_dealloc = longrangeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = longrangeiter_next,
    .tp_methods = longrangeiter_methods,
};

static PyObject *
range_iter(PyObject *seq)
{
    rangeobject *r = (rangeobject *)seq;
    long lstart, lstop, lstep;
    unsigned long ulen;

    /* all three fields and the length as C longs: the fast iterator */
    if (!as_small_long(r->start, &lstart)) {
        lstart = PyLong_AsLong(r->start);
        if (lstart == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            goto long_range;
        }
    }
    if (!as_small_long(r->stop, &lstop)) {
        lstop = PyLong_AsLong(r->stop);
        if (lstop == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            goto long_range;
        }
    }
    if (!as_small_long(r->step, &lstep)) {
        lstep = PyLong_AsLong(r->step);
        if (lstep == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            goto long_range;
        }
    }
    ulen = get_len_of_range(lstart, lstop, lstep);
    if (ulen > (unsigned long)LONG_MAX)
        goto long_range;
    /* lstart + ulen * lstep must not overflow */
    if (ulen) {
        if (lstep > 0) {
            if (lstop > LONG_MAX - (lstep - 1))
                goto long_range;
        }
        else if (lstop < LONG_MIN + (-1 - lstep)) {
            goto long_range;
        }
    }
    return fast_range_iter(lstart, lstop, lstep, (long)ulen);

long_range: {
        longrangeiterobject *it = PyObject_New(longrangeiterobject, &PyLongRangeIter_Type);
        if (it == NULL)
            return NULL;
        it->start = Py_NewRef(r->start);
        it->step = Py_NewRef(r->step);
        it->len = Py_NewRef(r->length);
        return (PyObject *)it;
    }
}

/* reversed(range(start, stop, step)) is
   range(start + (n-1)*step, start - step, -step). */
static PyObject *
range_reverse(PyObject *seq, PyObject *Py_UNUSED(ignored))
{
    rangeobject *range = (rangeobject *)seq;
    long lstart, lstop, lstep, new_start, new_stop;
    unsigned long ulen;

    lstart = PyLong_AsLong(range->start);
    if (lstart == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        goto long_range;
    }
    lstop = PyLong_AsLong(range->stop);
    if (lstop == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        goto long_range;
    }
    lstep = PyLong_AsLong(range->step);
    if (lstep == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        goto long_range;
    }
    /* -lstep and lstart - lstep must be representable */
    if (lstep == LONG_MIN)
        goto long_range;
    if (lstep > 0) {
        if ((unsigned long)lstart - LONG_MIN < (unsigned long)lstep)
            goto long_range;
    }
    else if (LONG_MAX - (unsigned long)lstart < 0UL - (unsigned long)lstep) {
        goto long_range;
    }
    ulen = get_len_of_range(lstart, lstop, lstep);
    if (ulen > (unsigned long)LONG_MAX)
        goto long_range;
    new_stop = lstart - lstep;
    new_start = (long)(new_stop + ulen * (unsigned long)lstep);
    return fast_range_iter(new_start, new_stop, -lstep, (long)ulen);

long_range: {
        longrangeiterobject *it = PyObject_New(longrangeiterobject, &PyLongRangeIter_Type);
        if (it == NULL)
            return NULL;
        it->start = it->step = NULL;
        it->len = Py_NewRef(range->length);
        PyObject *diff = PyNumber_Subtract(it->len, _PyLong_GetOne());
        if (!diff)
            goto create_failure;
        PyObject *product = PyNumber_Multiply(diff, range->step);
        Py_DECREF(diff);
        if (!product)
            goto create_failure;
        it->start = PyNumber_Add(range->start, product);
        Py_DECREF(product);
        if (!it->start)
            goto create_failure;
        it->step = PyNumber_Negative(range->step);
        if (!it->step)
            goto create_failure;
        return (PyObject *)it;
create_failure:
        Py_DECREF(it);
        return NULL;
    }
}
