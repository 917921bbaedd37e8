/* rangeobject.h -- range, slice, and the generic iterators. */
#ifndef REFPY_RANGEOBJECT_H
#define REFPY_RANGEOBJECT_H
#include "object.h"

PyAPI_DATA(PyTypeObject) PyRange_Type;
PyAPI_DATA(PyTypeObject) PyRangeIter_Type;
PyAPI_DATA(PyTypeObject) PyLongRangeIter_Type;
#define PyRange_Check(op) Py_IS_TYPE((op), &PyRange_Type)

typedef struct {
    PyObject_HEAD
    PyObject *start, *stop, *step;
} PySliceObject;
PyAPI_DATA(PyTypeObject) PySlice_Type;
PyAPI_DATA(PyTypeObject) PyEllipsis_Type;
PyAPI_DATA(PyObject) _Py_EllipsisObject;
#define Py_Ellipsis (&_Py_EllipsisObject)
#define PySlice_Check(op) Py_IS_TYPE((op), &PySlice_Type)
PyAPI_FUNC(PyObject *) PySlice_New(PyObject *start, PyObject *stop, PyObject *step); /* new; borrows */
/* new slice, STEALS start and stop (BINARY_SLICE). */
PyAPI_FUNC(PyObject *) _PyBuildSlice_ConsumeRefs(PyObject *start, PyObject *stop);
PyAPI_FUNC(int) PySlice_Unpack(PyObject *slice, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step);
PyAPI_FUNC(Py_ssize_t) PySlice_AdjustIndices(Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t step);
PyAPI_FUNC(int) PySlice_GetIndicesEx(PyObject *, Py_ssize_t, Py_ssize_t *, Py_ssize_t *, Py_ssize_t *, Py_ssize_t *);

/* Generic sequence iterator over __getitem__ (iter(obj) fallback). */
PyAPI_DATA(PyTypeObject) PySeqIter_Type;
PyAPI_DATA(PyTypeObject) PyCallIter_Type;
PyAPI_FUNC(PyObject *) PySeqIter_New(PyObject *);                 /* new */
PyAPI_FUNC(PyObject *) PyCallIter_New(PyObject *, PyObject *);    /* new */

/* Builtin iterator types used by bltinmodule (enumerate, reversed, zip,
   map, filter): calling the type objects creates them. */
PyAPI_DATA(PyTypeObject) PyEnum_Type;
PyAPI_DATA(PyTypeObject) PyReversed_Type;
PyAPI_DATA(PyTypeObject) PyZip_Type;
PyAPI_DATA(PyTypeObject) PyMap_Type;
PyAPI_DATA(PyTypeObject) PyFilter_Type;
#define PySeqIter_Check(op) Py_IS_TYPE((op), &PySeqIter_Type)
#define PyCallIter_Check(op) Py_IS_TYPE((op), &PyCallIter_Type)

#ifdef Py_BUILD_CORE
/* The fast range iterator (start, step and len fit in a C long), for the
   VM's FOR_ITER_RANGE specialisation. */
typedef struct {
    PyObject_HEAD
    long start;
    long step;
    long len;
} _PyRangeIterObject;

/* The range object (all fields are ints, length = len(range)). */
typedef struct {
    PyObject_HEAD
    PyObject *start;
    PyObject *stop;
    PyObject *step;
    PyObject *length;
} _PyRangeObject;

/* Slice index conversion (CPython's _PyEval_SliceIndex/_NotNone):
   1 on success (*pi set, clamped to Py_ssize_t), 0 with TypeError
   "slice indices must be integers or None or have an __index__ method"
   (or "... must be integers or have an __index__ method" for NotNone). */
PyAPI_FUNC(int) _PySlice_Index(PyObject *v, Py_ssize_t *pi);
PyAPI_FUNC(int) _PySlice_IndexNotNone(PyObject *v, Py_ssize_t *pi);
/* slice.indices() with arbitrary ints: new references in *start, *stop and *step. */
PyAPI_FUNC(int) _PySlice_GetLongIndices(PySliceObject *self, PyObject *length,
                                        PyObject **start, PyObject **stop, PyObject **step);
/* new slice, STEALS start, stop and step (BUILD_SLICE with 3 args). */
PyAPI_FUNC(PyObject *) _PyBuildSlice_Consume3(PyObject *start, PyObject *stop, PyObject *step);

/* PyType_Ready every container type (list, tuple, dict, set, frozenset,
   range, slice, ellipsis, their iterators and views, enumerate, reversed,
   zip, map, filter, the sequence and callable iterators).  0 / -1. */
int _PyContainers_InitTypes(void);
/* Free the slice cache (at exit). */
void _PySlice_Fini(void);
#endif
#endif
