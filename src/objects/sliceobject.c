/* sliceobject.c -- slice objects and the Ellipsis singleton.
 *
 * slice(start, stop, step) holds three arbitrary objects (None when
 * omitted).  As in CPython 3.12 the type is a GC type (getsizeof 56),
 * slices are hashable (hash of the three fields, xxHash-mixed like a
 * tuple's but without the length term) and compare like the tuple
 * (start, stop, step).  One dead slice is cached for reuse, which makes
 * the a[i:j] path (BINARY_SLICE) allocation-free.
 *
 * Index arithmetic comes in two flavours: PySlice_Unpack/AdjustIndices
 * clamp to Py_ssize_t for sequences stored in memory, and
 * _PySlice_GetLongIndices works with arbitrary ints (slice.indices(),
 * range slicing).
 *
 * Ellipsis is a static immortal object of type 'ellipsis'.
 */
#include "pycore.h"
#include "rp_object.h"

/* ------------------------------------------------------------------ */
/* Ellipsis                                                            */
/* ------------------------------------------------------------------ */

static PyObject *
ellipsis_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_GET_SIZE(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "EllipsisType takes no arguments");
        return NULL;
    }
    return Py_Ellipsis;
}

static PyObject *
ellipsis_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (PyVectorcall_NARGS(nargsf) || (kwnames && PyTuple_GET_SIZE(kwnames))) {
        PyErr_SetString(PyExc_TypeError, "EllipsisType takes no arguments");
        return NULL;
    }
    return Py_Ellipsis;
}

static PyObject *
ellipsis_repr(PyObject *op)
{
    return Py_NewRef(_Py_ID(Ellipsis));
}

static PyObject *
ellipsis_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(_Py_ID(Ellipsis));
}

static PyMethodDef ellipsis_methods[] = {
    {"__reduce__", ellipsis_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyEllipsis_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(PyObject),
    .tp_repr = ellipsis_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = ellipsis_methods,
    .tp_new = ellipsis_new,
    .tp_vectorcall = ellipsis_vectorcall,
};

PyObject _Py_EllipsisObject = { { _Py_IMMORTAL_REFCNT }, &PyEllipsis_Type };

/* ------------------------------------------------------------------ */
/* index conversion                                                    */
/* ------------------------------------------------------------------ */

int
_PySlice_Index(PyObject *v, Py_ssize_t *pi)
{
    if (v == Py_None)
        return 1;
    if (PyLong_CheckExact(v) && _PyLong_IsCompact((PyLongObject *)v)) {
        *pi = _PyLong_CompactValue((PyLongObject *)v);
        return 1;
    }
    if (!PyIndex_Check(v)) {
        PyErr_SetString(PyExc_TypeError,
                        "slice indices must be integers or None or have an __index__ method");
        return 0;
    }
    Py_ssize_t x = PyNumber_AsSsize_t(v, NULL);
    if (x == -1 && PyErr_Occurred())
        return 0;
    *pi = x;
    return 1;
}

int
_PySlice_IndexNotNone(PyObject *v, Py_ssize_t *pi)
{
    if (PyLong_CheckExact(v) && _PyLong_IsCompact((PyLongObject *)v)) {
        *pi = _PyLong_CompactValue((PyLongObject *)v);
        return 1;
    }
    if (!PyIndex_Check(v)) {
        PyErr_SetString(PyExc_TypeError,
                        "slice indices must be integers or have an __index__ method");
        return 0;
    }
    Py_ssize_t x = PyNumber_AsSsize_t(v, NULL);
    if (x == -1 && PyErr_Occurred())
        return 0;
    *pi = x;
    return 1;
}

/* ------------------------------------------------------------------ */
/* construction                                                        */
/* ------------------------------------------------------------------ */

static PySliceObject *slice_cache = NULL;

/* Steals all three references. */
static PyObject *
slice_build(PyObject *start, PyObject *stop, PyObject *step)
{
    PySliceObject *obj;
    if (slice_cache != NULL) {
        obj = slice_cache;
        slice_cache = NULL;
        _PyObject_Init((PyObject *)obj, &PySlice_Type);
    }
    else {
        obj = PyObject_GC_New(PySliceObject, &PySlice_Type);
        if (obj == NULL) {
            Py_DECREF(start);
            Py_DECREF(stop);
            Py_DECREF(step);
            return NULL;
        }
    }
    obj->start = start;
    obj->stop = stop;
    obj->step = step;
    _PyObject_GC_TRACK((PyObject *)obj);
    return (PyObject *)obj;
}

/* New reference; borrows the arguments (NULL means None). */
PyObject *
PySlice_New(PyObject *start, PyObject *stop, PyObject *step)
{
    if (step == NULL)
        step = Py_None;
    if (start == NULL)
        start = Py_None;
    if (stop == NULL)
        stop = Py_None;
    return slice_build(Py_NewRef(start), Py_NewRef(stop), Py_NewRef(step));
}

/* New reference; steals start and stop. */
PyObject *
_PyBuildSlice_ConsumeRefs(PyObject *start, PyObject *stop)
{
    return slice_build(start, stop, Py_None);
}

/* New reference; steals all three. */
PyObject *
_PyBuildSlice_Consume3(PyObject *start, PyObject *stop, PyObject *step)
{
    return slice_build(start, stop, step);
}

void
_PySlice_Fini(void)
{
    PySliceObject *obj = slice_cache;
    if (obj != NULL) {
        slice_cache = NULL;
        PyObject_GC_Del(obj);
    }
}

static void
slice_dealloc(PyObject *self)
{
    PySliceObject *r = (PySliceObject *)self;
    PyObject_GC_UnTrack(self);
    /* (CPython has no trashcan here; it costs little and keeps a deep
       chain of slices from overflowing the C stack) */
    Py_TRASHCAN_BEGIN(r, slice_dealloc)
    Py_DECREF(r->step);
    Py_DECREF(r->start);
    Py_DECREF(r->stop);
    if (slice_cache == NULL && Py_IS_TYPE(self, &PySlice_Type))
        slice_cache = r;
    else
        PyObject_GC_Del(r);
    Py_TRASHCAN_END
}

/* ------------------------------------------------------------------ */
/* index arithmetic                                                    */
/* ------------------------------------------------------------------ */

int
PySlice_Unpack(PyObject *_r, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step)
{
    PySliceObject *r = (PySliceObject *)_r;
    if (r->step == Py_None) {
        *step = 1;
    }
    else {
        if (!_PySlice_Index(r->step, step))
            return -1;
        if (*step == 0) {
            PyErr_SetString(PyExc_ValueError, "slice step cannot be zero");
            return -1;
        }
        /* keep -step representable */
        if (*step < -PY_SSIZE_T_MAX)
            *step = -PY_SSIZE_T_MAX;
    }
    if (r->start == Py_None) {
        *start = *step < 0 ? PY_SSIZE_T_MAX : 0;
    }
    else if (!_PySlice_Index(r->start, start)) {
        return -1;
    }
    if (r->stop == Py_None) {
        *stop = *step < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX;
    }
    else if (!_PySlice_Index(r->stop, stop)) {
        return -1;
    }
    return 0;
}

Py_ssize_t
PySlice_AdjustIndices(Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t step)
{
    if (*start < 0) {
        *start += length;
        if (*start < 0)
            *start = (step < 0) ? -1 : 0;
    }
    else if (*start >= length) {
        *start = (step < 0) ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0)
            *stop = (step < 0) ? -1 : 0;
    }
    else if (*stop >= length) {
        *stop = (step < 0) ? length - 1 : length;
    }
    if (step < 0) {
        if (*stop < *start)
            return (*start - *stop - 1) / (-step) + 1;
    }
    else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

int
PySlice_GetIndicesEx(PyObject *slice, Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop,
                     Py_ssize_t *step, Py_ssize_t *slicelength)
{
    if (PySlice_Unpack(slice, start, stop, step) < 0)
        return -1;
    *slicelength = PySlice_AdjustIndices(length, start, stop, *step);
    return 0;
}

/* New reference to an int for a slice field. */
static PyObject *
evaluate_slice_index(PyObject *v)
{
    if (PyIndex_Check(v))
        return PyNumber_Index(v);
    PyErr_SetString(PyExc_TypeError,
                    "slice indices must be integers or None or have an __index__ method");
    return NULL;
}

/* Clip start or stop (new reference in *pv) into [lower, upper]. */
static int
clip_long_index(PyObject *field, PyObject *length, PyObject *lower, PyObject *upper,
                PyObject *deflt, PyObject **pv)
{
    PyObject *v;
    if (field == Py_None) {
        *pv = Py_NewRef(deflt);
        return 0;
    }
    v = evaluate_slice_index(field);
    if (v == NULL)
        return -1;
    if (_PyLong_Sign(v) < 0) {
        PyObject *tmp = PyNumber_Add(v, length);
        Py_SETREF(v, tmp);
        if (v == NULL)
            return -1;
        int cmp = PyObject_RichCompareBool(v, lower, Py_LT);
        if (cmp < 0)
            goto error;
        if (cmp)
            Py_SETREF(v, Py_NewRef(lower));
    }
    else {
        int cmp = PyObject_RichCompareBool(v, upper, Py_GT);
        if (cmp < 0)
            goto error;
        if (cmp)
            Py_SETREF(v, Py_NewRef(upper));
    }
    *pv = v;
    return 0;
error:
    Py_DECREF(v);
    return -1;
}

int
_PySlice_GetLongIndices(PySliceObject *self, PyObject *length,
                        PyObject **start_ptr, PyObject **stop_ptr, PyObject **step_ptr)
{
    PyObject *start = NULL, *stop = NULL, *step = NULL;
    PyObject *upper = NULL, *lower = NULL;
    int step_is_negative;

    if (self->step == Py_None) {
        step = Py_NewRef(_PyLong_GetOne());
        step_is_negative = 0;
    }
    else {
        step = evaluate_slice_index(self->step);
        if (step == NULL)
            goto error;
        int step_sign = _PyLong_Sign(step);
        if (step_sign == 0) {
            PyErr_SetString(PyExc_ValueError, "slice step cannot be zero");
            goto error;
        }
        step_is_negative = step_sign < 0;
    }

    /* bounds for start and stop */
    if (step_is_negative) {
        lower = PyLong_FromLong(-1L);
        if (lower == NULL)
            goto error;
        upper = PyNumber_Add(length, lower);
        if (upper == NULL)
            goto error;
    }
    else {
        lower = Py_NewRef(_PyLong_GetZero());
        upper = Py_NewRef(length);
    }

    if (clip_long_index(self->start, length, lower, upper,
                        step_is_negative ? upper : lower, &start) < 0)
        goto error;
    if (clip_long_index(self->stop, length, lower, upper,
                        step_is_negative ? lower : upper, &stop) < 0)
        goto error;

    Py_DECREF(upper);
    Py_DECREF(lower);
    *start_ptr = start;
    *stop_ptr = stop;
    *step_ptr = step;
    return 0;

error:
    *start_ptr = *stop_ptr = *step_ptr = NULL;
    Py_XDECREF(start);
    Py_XDECREF(stop);
    Py_XDECREF(step);
    Py_XDECREF(upper);
    Py_XDECREF(lower);
    return -1;
}

/* ------------------------------------------------------------------ */
/* type                                                                */
/* ------------------------------------------------------------------ */

static PyObject *
slice_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *start = NULL, *stop = NULL, *step = NULL;
    if (!_PyArg_NoKeywords("slice", kw))
        return NULL;
    if (!PyArg_UnpackTuple(args, "slice", 1, 3, &start, &stop, &step))
        return NULL;
    /* slice(stop) */
    if (stop == NULL) {
        stop = start;
        start = NULL;
    }
    return PySlice_New(start, stop, step);
}

static PyObject *
slice_repr(PyObject *self)
{
    PySliceObject *r = (PySliceObject *)self;
    return PyUnicode_FromFormat("slice(%R, %R, %R)", r->start, r->stop, r->step);
}

static PyObject *
slice_indices(PyObject *self, PyObject *len)
{
    PyObject *start, *stop, *step, *length;
    length = PyNumber_Index(len);
    if (length == NULL)
        return NULL;
    if (_PyLong_Sign(length) < 0) {
        PyErr_SetString(PyExc_ValueError, "length should not be negative");
        Py_DECREF(length);
        return NULL;
    }
    int error = _PySlice_GetLongIndices((PySliceObject *)self, length, &start, &stop, &step);
    Py_DECREF(length);
    if (error == -1)
        return NULL;
    PyObject *res = PyTuple_New(3);
    if (res == NULL) {
        Py_DECREF(start);
        Py_DECREF(stop);
        Py_DECREF(step);
        return NULL;
    }
    PyTuple_SET_ITEM(res, 0, start);
    PyTuple_SET_ITEM(res, 1, stop);
    PyTuple_SET_ITEM(res, 2, step);
    return res;
}

static PyObject *
slice_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PySliceObject *r = (PySliceObject *)self;
    return Py_BuildValue("O(OOO)", Py_TYPE(self), r->start, r->stop, r->step);
}

static PyMethodDef slice_methods[] = {
    {"indices", (PyCFunction)slice_indices, METH_O,
     "S.indices(len) -> (start, stop, stride)\n\n"
     "Assuming a sequence of length len, calculate the start and stop\n"
     "indices, and the stride length of the extended slice described by\n"
     "S. Out of bounds indices are clipped in a manner consistent with the\n"
     "handling of normal slices."},
    {"__reduce__", (PyCFunction)slice_reduce, METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef slice_members[] = {
    {"start", _Py_T_OBJECT, offsetof(PySliceObject, start), Py_READONLY, NULL},
    {"stop", _Py_T_OBJECT, offsetof(PySliceObject, stop), Py_READONLY, NULL},
    {"step", _Py_T_OBJECT, offsetof(PySliceObject, step), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyObject *
slice_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PySlice_Check(v) || !PySlice_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    if (v == w) {
        switch (op) {
        case Py_EQ:
        case Py_LE:
        case Py_GE:
            Py_RETURN_TRUE;
        default:
            Py_RETURN_FALSE;
        }
    }
    PySliceObject *a = (PySliceObject *)v, *b = (PySliceObject *)w;
    PyObject *t1 = PyTuple_Pack(3, a->start, a->stop, a->step);
    if (t1 == NULL)
        return NULL;
    PyObject *t2 = PyTuple_Pack(3, b->start, b->stop, b->step);
    if (t2 == NULL) {
        Py_DECREF(t1);
        return NULL;
    }
    PyObject *res = PyObject_RichCompare(t1, t2, op);
    Py_DECREF(t1);
    Py_DECREF(t2);
    return res;
}

#define XXPRIME_1 ((Py_uhash_t)11400714785074694791ULL)
#define XXPRIME_2 ((Py_uhash_t)14029467366897019727ULL)
#define XXPRIME_5 ((Py_uhash_t)2870177450012600261ULL)
#define XXROTATE(x) ((x << 31) | (x >> 33))

static Py_hash_t
slice_hash(PyObject *self)
{
    PySliceObject *v = (PySliceObject *)self;
    PyObject *items[3] = {v->start, v->stop, v->step};
    Py_uhash_t acc = XXPRIME_5;
    for (int i = 0; i < 3; i++) {
        Py_uhash_t lane = (Py_uhash_t)PyObject_Hash(items[i]);
        if (lane == (Py_uhash_t)-1)
            return -1;
        acc += lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    if (acc == (Py_uhash_t)-1)
        return 1546275796;
    return (Py_hash_t)acc;
}

static int
slice_traverse(PyObject *self, visitproc visit, void *arg)
{
    PySliceObject *v = (PySliceObject *)self;
    Py_VISIT(v->start);
    Py_VISIT(v->stop);
    Py_VISIT(v->step);
    return 0;
}

PyTypeObject PySlice_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "slice",
    .tp_basicsize = sizeof(PySliceObject),
    .tp_dealloc = slice_dealloc,
    .tp_repr = slice_repr,
    .tp_hash = slice_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])\n\n"
              "Create a slice object.  This is used for extended slicing (e.g. a[0:10:2]).",
    .tp_traverse = slice_traverse,
    .tp_richcompare = slice_richcompare,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
    .tp_new = slice_new,
    .tp_free = PyObject_GC_Del,
};
