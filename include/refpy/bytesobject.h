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

/* ---------------- additions (strings helper) ---------------- */
PyAPI_DATA(PyTypeObject) PyBytesIter_Type;
PyAPI_DATA(PyTypeObject) PyByteArrayIter_Type;
#define PyByteArray_CheckExact(op) Py_IS_TYPE((op), &PyByteArray_Type)
PyAPI_DATA(char) _PyByteArray_empty_string[];
#define PyByteArray_AS_STRING(op) \
    (Py_SIZE(op) ? ((PyByteArrayObject *)(op))->ob_start : _PyByteArray_empty_string)
#define PyByteArray_GET_SIZE(op) Py_SIZE(op)

/* bytes: new references unless noted. */
PyAPI_FUNC(PyObject *) PyBytes_FromFormatV(const char *, va_list);
PyAPI_FUNC(PyObject *) PyBytes_FromObject(PyObject *);
PyAPI_FUNC(void) PyBytes_Concat(PyObject **pv, PyObject *w);        /* *pv replaced; NULL on error */
PyAPI_FUNC(void) PyBytes_ConcatAndDel(PyObject **pv, PyObject *w);  /* also steals w */
PyAPI_FUNC(int) PyBytes_AsStringAndSize(PyObject *obj, char **s, Py_ssize_t *len);
PyAPI_FUNC(PyObject *) _PyBytes_Join(PyObject *sep, PyObject *iterable);
PyAPI_FUNC(PyObject *) PyBytes_Repr(PyObject *, int smartquotes);
/* bytes % args */
PyAPI_FUNC(PyObject *) _PyBytes_Format(PyObject *format, PyObject *args);
/* Decode backslash escapes of a bytes literal body (b'\x41' -> b'A'):
   new bytes; *first_invalid_escape is set to the first unknown escape or NULL. */
PyAPI_FUNC(PyObject *) _PyBytes_DecodeEscape(const char *s, Py_ssize_t len,
                                             const char *errors, const char **first_invalid_escape);

/* bytearray */
PyAPI_FUNC(PyObject *) PyByteArray_FromStringAndSize(const char *, Py_ssize_t);   /* new */
PyAPI_FUNC(PyObject *) PyByteArray_FromObject(PyObject *);                        /* new */
PyAPI_FUNC(PyObject *) PyByteArray_Concat(PyObject *, PyObject *);                /* new */
PyAPI_FUNC(char *) PyByteArray_AsString(PyObject *);
PyAPI_FUNC(Py_ssize_t) PyByteArray_Size(PyObject *);
PyAPI_FUNC(int) PyByteArray_Resize(PyObject *, Py_ssize_t);
#endif
