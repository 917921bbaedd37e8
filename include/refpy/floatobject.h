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
/* ---------------- additions (numbers helper) ---------------- */
PyAPI_FUNC(double) PyFloat_GetMax(void);
PyAPI_FUNC(double) PyFloat_GetMin(void);
/* IEEE 754 binary16/32/64 packing (struct, marshal, pickle): 0 or -1 + exception. */
PyAPI_FUNC(int) PyFloat_Pack2(double x, char *p, int le);
PyAPI_FUNC(int) PyFloat_Pack4(double x, char *p, int le);
PyAPI_FUNC(int) PyFloat_Pack8(double x, char *p, int le);
PyAPI_FUNC(double) PyFloat_Unpack2(const char *p, int le);   /* -1.0 + exception on error */
PyAPI_FUNC(double) PyFloat_Unpack4(const char *p, int le);
PyAPI_FUNC(double) PyFloat_Unpack8(const char *p, int le);

/* CPython's pystrtod API.
   PyOS_double_to_string: format_code 'e' 'E' 'f' 'F' 'g' 'G' (precision as
   printf) or 'r' (repr: shortest round-trip, precision must be 0).  Returns a
   PyMem_Malloc'ed string to release with PyMem_Free, or NULL + MemoryError.
   *type (may be NULL) gets Py_DTST_FINITE / INFINITE / NAN. */
#define Py_DTSF_SIGN      0x01   /* always add the sign */
#define Py_DTSF_ADD_DOT_0 0x02   /* "1" -> "1.0" when the result looks like an int */
#define Py_DTSF_ALT       0x04   /* alternate form ('#') */
#define Py_DTSF_NO_NEG_0  0x08   /* negative zero -> zero ('z') */
#define Py_DTST_FINITE 0
#define Py_DTST_INFINITE 1
#define Py_DTST_NAN 2
PyAPI_FUNC(char *) PyOS_double_to_string(double val, char format_code, int precision,
                                         int flags, int *type);
/* Parse a float literal (no surrounding whitespace, no underscores; "inf",
   "nan", "infinity" accepted).  endptr NULL: the whole string must be used
   (else ValueError "could not convert string to float: %R").  On overflow:
   if overflow_exception is NULL return +-HUGE_VAL, else raise it. -1.0 +
   exception on error. */
PyAPI_FUNC(double) PyOS_string_to_double(const char *s, char **endptr,
                                         PyObject *overflow_exception);
/* "inf"/"infinity"/"nan" with optional sign (case-insensitive); *endptr set
   to s when nothing was parsed. */
PyAPI_FUNC(double) _Py_parse_inf_or_nan(const char *p, char **endptr);
/* Shortest round-trip digits of a finite nonzero |x|: writes the digit
   string (NUL-terminated, no leading/trailing zeros) to digits (>= 20 bytes)
   and returns decpt, so that x = 0.DIGITS * 10**decpt. */
PyAPI_FUNC(int) _Py_dg_shortest(double x, char *digits, int *ndigits);
#endif
