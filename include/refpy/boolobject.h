/* boolobject.h -- bool: a subclass of int with two immortal instances. */
#ifndef REFPY_BOOLOBJECT_H
#define REFPY_BOOLOBJECT_H
#include "longobject.h"

PyAPI_DATA(PyTypeObject) PyBool_Type;
#define PyBool_Check(x) Py_IS_TYPE((x), &PyBool_Type)
PyAPI_DATA(struct _longobject) _Py_FalseStruct;
PyAPI_DATA(struct _longobject) _Py_TrueStruct;
#define Py_False _PyObject_CAST(&_Py_FalseStruct)
#define Py_True _PyObject_CAST(&_Py_TrueStruct)
/* Both are immortal, so returning them needs no incref. */
#define Py_RETURN_TRUE return Py_True
#define Py_RETURN_FALSE return Py_False
PyAPI_FUNC(PyObject *) PyBool_FromLong(long);   /* new (immortal) reference */
#endif
