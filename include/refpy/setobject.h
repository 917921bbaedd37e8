/* setobject.h -- set and frozenset (open addressing, CPython's layout). */
#ifndef REFPY_SETOBJECT_H
#define REFPY_SETOBJECT_H
#include "object.h"

#define PySet_MINSIZE 8
typedef struct { PyObject *key; Py_hash_t hash; } setentry;
typedef struct {
    PyObject_HEAD
    Py_ssize_t fill;
    Py_ssize_t used;
    Py_ssize_t mask;
    setentry *table;
    Py_hash_t hash;          /* frozenset only */
    Py_ssize_t finger;
    setentry smalltable[PySet_MINSIZE];
    PyObject *weakreflist;
} PySetObject;

PyAPI_DATA(PyTypeObject) PySet_Type;
PyAPI_DATA(PyTypeObject) PyFrozenSet_Type;
PyAPI_DATA(PyTypeObject) PySetIter_Type;
#define PyFrozenSet_CheckExact(ob) Py_IS_TYPE((ob), &PyFrozenSet_Type)
#define PyFrozenSet_Check(ob) PyObject_TypeCheck((ob), &PyFrozenSet_Type)
#define PyAnySet_CheckExact(ob) (Py_IS_TYPE((ob), &PySet_Type) || Py_IS_TYPE((ob), &PyFrozenSet_Type))
#define PyAnySet_Check(ob) (PyAnySet_CheckExact(ob) || PyObject_TypeCheck((ob), &PySet_Type) || \
                            PyObject_TypeCheck((ob), &PyFrozenSet_Type))
#define PySet_Check(ob) PyObject_TypeCheck((ob), &PySet_Type)
#define PySet_CheckExact(ob) Py_IS_TYPE((ob), &PySet_Type)
#define PySet_GET_SIZE(so) (((PySetObject *)(so))->used)
PyAPI_FUNC(PyObject *) PySet_New(PyObject *iterable);        /* new */
PyAPI_FUNC(PyObject *) PyFrozenSet_New(PyObject *iterable);  /* new */
PyAPI_FUNC(int) PySet_Add(PyObject *set, PyObject *key);     /* borrows */
PyAPI_FUNC(int) PySet_Discard(PyObject *set, PyObject *key);
PyAPI_FUNC(int) PySet_Contains(PyObject *anyset, PyObject *key);
PyAPI_FUNC(Py_ssize_t) PySet_Size(PyObject *anyset);
PyAPI_FUNC(PyObject *) PySet_Pop(PyObject *set);             /* new */
PyAPI_FUNC(int) PySet_Clear(PyObject *set);
PyAPI_FUNC(int) _PySet_Update(PyObject *set, PyObject *iterable);
PyAPI_FUNC(int) _PySet_NextEntry(PyObject *set, Py_ssize_t *pos, PyObject **key, Py_hash_t *hash); /* borrowed key */
#endif
