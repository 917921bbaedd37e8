/* listobject.h -- mutable sequences with CPython's over-allocation pattern. */
#ifndef REFPY_LISTOBJECT_H
#define REFPY_LISTOBJECT_H
#include "object.h"

typedef struct {
    PyObject_VAR_HEAD
    PyObject **ob_item;       /* ob_size used slots of allocated */
    Py_ssize_t allocated;
} PyListObject;

PyAPI_DATA(PyTypeObject) PyList_Type;
PyAPI_DATA(PyTypeObject) PyListIter_Type;
PyAPI_DATA(PyTypeObject) PyListRevIter_Type;
#define PyList_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LIST_SUBCLASS)
#define PyList_CheckExact(op) Py_IS_TYPE((op), &PyList_Type)
#define _PyList_CAST(op) ((PyListObject *)(op))
#define PyList_GET_SIZE(op) Py_SIZE(op)
#define PyList_GET_ITEM(op, i) (_PyList_CAST(op)->ob_item[i])             /* BORROWED */
#define PyList_SET_ITEM(op, i, v) ((void)(_PyList_CAST(op)->ob_item[i] = _PyObject_CAST(v))) /* STEALS v */

PyAPI_FUNC(PyObject *) PyList_New(Py_ssize_t size);                  /* new; items NULL */
PyAPI_FUNC(Py_ssize_t) PyList_Size(PyObject *);
PyAPI_FUNC(PyObject *) PyList_GetItem(PyObject *, Py_ssize_t);       /* BORROWED */
PyAPI_FUNC(int) PyList_SetItem(PyObject *, Py_ssize_t, PyObject *);  /* STEALS the item, even on error */
PyAPI_FUNC(int) PyList_Insert(PyObject *, Py_ssize_t, PyObject *);   /* borrows */
PyAPI_FUNC(int) PyList_Append(PyObject *, PyObject *);               /* borrows (increfs) */
PyAPI_FUNC(PyObject *) PyList_GetSlice(PyObject *, Py_ssize_t, Py_ssize_t); /* new */
PyAPI_FUNC(int) PyList_SetSlice(PyObject *, Py_ssize_t, Py_ssize_t, PyObject *);
PyAPI_FUNC(int) PyList_Sort(PyObject *);
PyAPI_FUNC(int) PyList_Reverse(PyObject *);
PyAPI_FUNC(PyObject *) PyList_AsTuple(PyObject *);                   /* new */
PyAPI_FUNC(PyObject *) _PyList_Extend(PyListObject *, PyObject *iterable); /* new (None) */
/* Append taking ownership of newitem (LIST_APPEND). 0/-1 (item released on error). */
PyAPI_FUNC(int) _PyList_AppendTakeRef(PyListObject *, PyObject *newitem);
PyAPI_FUNC(PyObject *) _PyList_FromArraySteal(PyObject *const *, Py_ssize_t); /* new; steals items */
/* 3.13 API, convenient internally: extend / clear in place (0 or -1). */
PyAPI_FUNC(int) PyList_Extend(PyObject *list, PyObject *iterable);
PyAPI_FUNC(int) PyList_Clear(PyObject *list);

#ifdef Py_BUILD_CORE
/* The list iterator's layout, for the VM's FOR_ITER_LIST specialisation:
   it_seq is set to NULL (and released) when the iterator is exhausted. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyListObject *it_seq;       /* strong, NULL when exhausted */
} _PyListIterObject;
#define _PyList_ITEMS(op) (_PyList_CAST(op)->ob_item)
/* list.sort() (listsort.c): new reference to None, or NULL + exception. */
PyObject *_PyList_SortImpl(PyListObject *self, PyObject *keyfunc, int reverse);
#endif
#endif
