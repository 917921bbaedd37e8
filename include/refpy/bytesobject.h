/* bytesobject.h -- immutable byte strings (and bytearray). */
#ifndef REFPY_BYTESOBJECT_H
#define REFPY_BYTESOBJECT_H
#include "object.h"
#include <stdarg.h>

typedef struct {
    PyObject_VAR_HEAD
    Py_hash_t ob_shash;     /* -1 until computed */
    char ob_sval[1];        /* ob_size + 1 bytes, NUL-terminated */
} PyBytesObject;

PyAPI_DATA(PyTypeObject) PyBytes_Type;
#define PyBytes_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_BYTES_SUBCLASS)
#define PyBytes_CheckExact(op) Py_IS_TYPE((op), &PyBytes_Type)
#define PyBytes_AS_STRING(op) (((PyBytesObject *)(op))->ob_sval)
#define PyBytes_GET_SIZE(op) Py_SIZE(op)

PyAPI_FUNC(PyObject *) PyBytes_FromStringAndSize(const char *, Py_ssize_t);  /* new; NULL data = uninitialised */
PyAPI_FUNC(PyObject *) PyBytes_FromString(const char *);                     /* new */
PyAPI_FUNC(PyObject *) PyBytes_FromFormat(const char *, ...);
PyAPI_FUNC(char *) PyBytes_AsString(PyObject *);
PyAPI_FUNC(Py_ssize_t) PyBytes_Size(PyObject *);
PyAPI_FUNC(int) _PyBytes_Resize(PyObject **, Py_ssize_t);   /* 0/-1; on error *p is freed and NULL */
PyAPI_FUNC(PyObject *) _PyBytes_Repr(PyObject *, int smartquotes);  /* new */

typedef struct {
    PyObject_VAR_HEAD
    Py_ssize_t ob_alloc;
    char *ob_bytes;
    char *ob_start;
    Py_ssize_t ob_exports;
} PyByteArrayObject;
PyAPI_DATA(PyTypeObject) PyByteArray_Type;
#define PyByteArray_Check(op) PyObject_TypeCheck((op), &PyByteArray_Type)
#endif
