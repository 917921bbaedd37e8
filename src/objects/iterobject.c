/* iterobject.c -- the generic iterators behind iter():
 *
 *   iterator           iter(obj) for an object with __getitem__ but no
 *                      __iter__: calls obj[0], obj[1], ... until IndexError
 *                      or StopIteration;
 *   callable_iterator  iter(callable, sentinel): calls callable() until it
 *                      returns something equal to sentinel.
 *
 * Also _PyContainers_InitTypes, which readies every type of the container
 * files (lists, tuples, dicts, sets, ranges, slices, these iterators...).
 */
#include "pycore.h"
#include "rp_object.h"

/* ------------------------------------------------------------------ */
/* sequence iterator                                                   */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyObject *it_seq;           /* NULL when exhausted */
} seqiterobject;

/* New reference. */
PyObject *
PySeqIter_New(PyObject *seq)
{
    if (!PySequence_Check(seq)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    seqiterobject *it = PyObject_GC_New(seqiterobject, &PySeqIter_Type);
    if (it == NULL)
        return NULL;
    it->it_index = 0;
    it->it_seq = Py_NewRef(seq);
    _PyObject_GC_TRACK((PyObject *)it);
    return (PyObject *)it;
}

static void
iter_dealloc(PyObject *self)
{
    seqiterobject *it = (seqiterobject *)self;
    _PyObject_GC_UNTRACK(self);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int
iter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((seqiterobject *)self)->it_seq);
    return 0;
}

static PyObject *
iter_iternext(PyObject *self)
{
    seqiterobject *it = (seqiterobject *)self;
    PyObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index == PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "iter index too large");
        return NULL;
    }
    PyObject *result = PySequence_GetItem(seq, it->it_index);
    if (result != NULL) {
        it->it_index++;
        return result;
    }
    if (PyErr_ExceptionMatches(PyExc_IndexError) ||
        PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyErr_Clear();
        it->it_seq = NULL;
        Py_DECREF(seq);
    }
    return NULL;
}

static PyObject *
iter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    seqiterobject *it = (seqiterobject *)self;
    if (it->it_seq) {
        PyTypeObject *tp = Py_TYPE(it->it_seq);
        int has_len = (tp->tp_as_sequence && tp->tp_as_sequence->sq_length) ||
                      (tp->tp_as_mapping && tp->tp_as_mapping->mp_length);
        if (!has_len)
            Py_RETURN_NOTIMPLEMENTED;
        Py_ssize_t seqsize = PySequence_Size(it->it_seq);
        if (seqsize == -1)
            return NULL;
        Py_ssize_t len = seqsize - it->it_index;
        if (len >= 0)
            return PyLong_FromSsize_t(len);
    }
    return PyLong_FromLong(0);
}

static PyMethodDef seqiter_methods[] = {
    {"__length_hint__", (PyCFunction)iter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PySeqIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "iterator",
    .tp_basicsize = sizeof(seqiterobject),
    .tp_dealloc = iter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = iter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = iter_iternext,
    .tp_methods = seqiter_methods,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* callable iterator                                                   */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *it_callable;      /* NULL when exhausted */
    PyObject *it_sentinel;      /* NULL when exhausted */
} calliterobject;

/* New reference. */
PyObject *
PyCallIter_New(PyObject *callable, PyObject *sentinel)
{
    calliterobject *it = PyObject_GC_New(calliterobject, &PyCallIter_Type);
    if (it == NULL)
        return NULL;
    it->it_callable = Py_NewRef(callable);
    it->it_sentinel = Py_NewRef(sentinel);
    _PyObject_GC_TRACK((PyObject *)it);
    return (PyObject *)it;
}

static void
calliter_dealloc(PyObject *self)
{
    calliterobject *it = (calliterobject *)self;
    _PyObject_GC_UNTRACK(self);
    Py_XDECREF(it->it_callable);
    Py_XDECREF(it->it_sentinel);
    PyObject_GC_Del(it);
}

static int
calliter_traverse(PyObject *self, visitproc visit, void *arg)
{
    calliterobject *it = (calliterobject *)self;
    Py_VISIT(it->it_callable);
    Py_VISIT(it->it_sentinel);
    return 0;
}

static PyObject *
calliter_iternext(PyObject *self)
{
    calliterobject *it = (calliterobject *)self;
    if (it->it_callable == NULL)
        return NULL;
    PyObject *result = PyObject_CallNoArgs(it->it_callable);
    if (result != NULL && it->it_sentinel != NULL) {
        int ok = PyObject_RichCompareBool(it->it_sentinel, result, Py_EQ);
        if (ok == 0)
            return result;      /* the common case */
        if (ok > 0) {
            Py_CLEAR(it->it_callable);
            Py_CLEAR(it->it_sentinel);
        }
    }
    else if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyErr_Clear();
        Py_CLEAR(it->it_callable);
        Py_CLEAR(it->it_sentinel);
    }
    Py_XDECREF(result);
    return NULL;
}

PyTypeObject PyCallIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(calliterobject),
    .tp_dealloc = calliter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = calliter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = calliter_iternext,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* type initialisation for every container file                        */
/* ------------------------------------------------------------------ */

int
_PyContainers_InitTypes(void)
{
    static PyTypeObject *const types[] = {
        &PyTuple_Type, &PyTupleIter_Type,
        &PyList_Type, &PyListIter_Type, &PyListRevIter_Type,
        &PyDict_Type, &PyDictKeys_Type, &PyDictValues_Type, &PyDictItems_Type,
        &PyDictIterKey_Type, &PyDictIterValue_Type, &PyDictIterItem_Type,
        &PyDictRevIterKey_Type, &PyDictRevIterValue_Type, &PyDictRevIterItem_Type,
        &PySet_Type, &PyFrozenSet_Type, &PySetIter_Type,
        &PyRange_Type, &PyRangeIter_Type, &PyLongRangeIter_Type,
        &PySlice_Type, &PyEllipsis_Type,
        &PySeqIter_Type, &PyCallIter_Type,
        &PyEnum_Type, &PyReversed_Type,
        &PyZip_Type, &PyMap_Type, &PyFilter_Type,
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(types); i++) {
        if (PyType_Ready(types[i]) < 0)
            return -1;
    }
    return 0;
}
