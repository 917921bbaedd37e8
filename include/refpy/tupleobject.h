/* tupleobject.h -- immutable sequences; () is an immortal singleton. */
#ifndef REFPY_TUPLEOBJECT_H
#define REFPY_TUPLEOBJECT_H
#include "object.h"

typedef struct {
    PyObject_VAR_HEAD
    PyObject *ob_item[1];   /* ob_size items; basicsize excludes this slot */
} PyTupleObject;

PyAPI_DATA(PyTypeObject) PyTuple_Type;
PyAPI_DATA(PyTypeObject) PyTupleIter_Type;
#define PyTuple_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TUPLE_SUBCLASS)
#define PyTuple_CheckExact(op) Py_IS_TYPE((op), &PyTuple_Type)
#define _PyTuple_CAST(op) ((PyTupleObject *)(op))
#define PyTuple_GET_SIZE(op) Py_SIZE(op)
#define PyTuple_GET_ITEM(op, i) (_PyTuple_CAST(op)->ob_item[i])       /* BORROWED */
#define PyTuple_SET_ITEM(op, i, v) ((void)(_PyTuple_CAST(op)->ob_item[i] = _PyObject_CAST(v))) /* STEALS v */
#define _PyTuple_ITEMS(op) (_PyTuple_CAST(op)->ob_item)

PyAPI_FUNC(PyObject *) PyTuple_New(Py_ssize_t size);                /* new; items NULL */
PyAPI_FUNC(Py_ssize_t) PyTuple_Size(PyObject *);
PyAPI_FUNC(PyObject *) PyTuple_GetItem(PyObject *, Py_ssize_t);     /* BORROWED */
PyAPI_FUNC(int) PyTuple_SetItem(PyObject *, Py_ssize_t, PyObject *); /* STEALS the item, even on error */
PyAPI_FUNC(PyObject *) PyTuple_GetSlice(PyObject *, Py_ssize_t, Py_ssize_t); /* new */
PyAPI_FUNC(PyObject *) PyTuple_Pack(Py_ssize_t n, ...);             /* new; borrows the items */
PyAPI_FUNC(int) _PyTuple_Resize(PyObject **, Py_ssize_t);
/* new tuple from an array: FromArray increfs the items, FromArraySteal steals them */
PyAPI_FUNC(PyObject *) _PyTuple_FromArray(PyObject *const *, Py_ssize_t);
PyAPI_FUNC(PyObject *) _PyTuple_FromArraySteal(PyObject *const *, Py_ssize_t);
/* Untrack the tuple if every item is atomic or untracked (GC helper). */
PyAPI_FUNC(void) _PyTuple_MaybeUntrack(PyObject *);

#ifdef Py_BUILD_CORE
/* The tuple iterator's layout, for the VM's FOR_ITER_TUPLE specialisation:
   it_seq is set to NULL (and released) when the iterator is exhausted. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyTupleObject *it_seq;      /* strong, NULL when exhausted */
} _PyTupleIterObject;
/* The empty tuple: BORROWED (immortal). */
PyAPI_FUNC(PyObject *) _PyTuple_GetEmpty(void);
#endif
#endif
