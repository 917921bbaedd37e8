/* floatobject.h -- IEEE double; repr is the shortest round-tripping string. */
#ifndef REFPY_FLOATOBJECT_H
#define REFPY_FLOATOBJECT_H
#include "object.h"

typedef struct {
    PyObject_HEAD
    double ob_fval;
} PyFloatObject;

PyAPI_DATA(PyTypeObject) PyFloat_Type;
#define PyFloat_Check(op) PyObject_TypeCheck((op), &PyFloat_Type)
#define PyFloat_CheckExact(op) Py_IS_TYPE((op), &PyFloat_Type)
#define PyFloat_AS_DOUBLE(op) (((PyFloatObject *)(op))->ob_fval)

PyAPI_FUNC(PyObject *) PyFloat_FromDouble(double);        /* new */
PyAPI_FUNC(PyObject *) PyFloat_FromString(PyObject *);    /* new */
PyAPI_FUNC(double) PyFloat_AsDouble(PyObject *);          /* -1.0 + exception on error */
/* Format like repr(): new str. */
PyAPI_FUNC(PyObject *) _PyFloat_Repr(double);
/* Shortest repr into buf (at least 32 bytes); returns length. */
PyAPI_FUNC(int) _Py_dg_repr(double x, char *buf, size_t bufsize);
#endif
