/* long_internal.h -- private helpers shared by the files of the numbers
 * area: longobject.c (core), long_arith.c (arithmetic), long_format.c
 * (text <-> int), floatobject.c, boolobject.c, complexobject.c and
 * formatter_number.c.  Nothing outside src/objects/ includes this.
 */
#ifndef RP_LONG_INTERNAL_H
#define RP_LONG_INTERNAL_H
#include "pycore.h"
#include "rp_object.h"
#include "refpy/complexobject.h"

/* ---- small ints: -5..256, static and immortal ---- */
#define _PY_NSMALLNEGINTS 5
#define _PY_NSMALLPOSINTS 257
extern PyLongObject _Py_small_ints[_PY_NSMALLNEGINTS + _PY_NSMALLPOSINTS];
#define IS_SMALL_INT(v) (-_PY_NSMALLNEGINTS <= (v) && (v) < _PY_NSMALLPOSINTS)
/* BORROWED (immortal, so returning it as a "new" reference is fine). */
static inline PyObject *_PyLong_SmallInt(Py_ssize_t v)
{ return (PyObject *)&_Py_small_ints[_PY_NSMALLNEGINTS + v]; }

/* Largest digit count an int may have. */
#define MAX_LONG_DIGITS \
    ((PY_SSIZE_T_MAX - (Py_ssize_t)offsetof(PyLongObject, long_value.ob_digit)) / (Py_ssize_t)sizeof(digit))

/* ---- lv_tag manipulation.  sign: -1, 0, 1 ---- */
static inline void _PyLong_SetSignAndDigitCount(PyLongObject *op, int sign, Py_ssize_t size)
{ op->long_value.lv_tag = _PyLong_TAG(1 - sign, size); }
static inline void _PyLong_SetDigitCount(PyLongObject *op, Py_ssize_t size)
{ op->long_value.lv_tag = _PyLong_TAG(op->long_value.lv_tag & _PyLong_SIGN_MASK, size); }
/* -1, 0, 1 */
static inline int _PyLong_SignOf(const PyLongObject *op)
{ return 1 - (int)(op->long_value.lv_tag & _PyLong_SIGN_MASK); }
/* Negate in place (only for fresh objects nobody else sees). */
static inline void _PyLong_FlipSign(PyLongObject *op)
{
    uintptr_t s = op->long_value.lv_tag & _PyLong_SIGN_MASK;
    op->long_value.lv_tag = (op->long_value.lv_tag & ~(uintptr_t)_PyLong_SIGN_MASK) | (2 - s);
}
static inline int _PyLong_IsPositive(const PyLongObject *op)
{ return (op->long_value.lv_tag & _PyLong_SIGN_MASK) == _PyLong_SIGN_POSITIVE; }
static inline Py_ssize_t _PyLong_SignedDigitCount(const PyLongObject *op)
{ return _PyLong_SignOf(op) * _PyLong_DigitCount(op); }
#define LDIGITS(op) (((PyLongObject *)(op))->long_value.ob_digit)

/* C-locale whitespace, as CPython's Py_ISSPACE. */
static inline int Py_ISSPACE_ASCII(int c)
{ return c == ' ' || (c >= '\t' && c <= '\r'); }

/* Bits needed for a digit (0 for 0). */
static inline int _PyLong_DigitBits(digit d)
{ return d ? 32 - __builtin_clz(d) : 0; }

/* ---- construction helpers (longobject.c) ---- */
/* New reference; small values come from the small-int table. */
PyObject *_PyLong_FromSTwoDigits(stwodigits x);
/* Strip leading zero digits in place, fix the zero sign; returns v. */
PyLongObject *_PyLong_Normalize(PyLongObject *v);
/* Steals v (normalized); returns the small-int singleton instead when the
   value is small.  New reference. */
PyObject *_PyLong_MaybeSmall(PyLongObject *v);
/* An exact int with the same value (new ref); the argument itself if exact. */
PyObject *_PyLong_Exact(PyObject *v);
/* Compare |a| and |b|: -1, 0, 1. */
int _PyLong_CompareAbs(PyLongObject *a, PyLongObject *b);
/* Hash of an int (never -1). */
Py_hash_t _PyLong_Hash(PyObject *v);
/* 10 as an immortal int: BORROWED. */
#define _PyLong_GetTen() _PyLong_SmallInt(10)

/* ---- arithmetic (long_arith.c) ---- */
extern PyNumberMethods _PyLong_as_number;
/* Helpers for the ints' number slots; all new references. */
PyObject *_PyLong_TrueDivide(PyObject *a, PyObject *b);
PyObject *_PyLong_Pow(PyObject *a, PyObject *b, PyObject *mod);
PyObject *_PyLong_FloorDiv(PyObject *a, PyObject *b);
PyObject *_PyLong_Mod(PyObject *a, PyObject *b);
PyObject *_PyLong_DivmodTuple(PyObject *a, PyObject *b);
PyObject *_PyLong_Neg(PyLongObject *v);
PyObject *_PyLong_Abs(PyLongObject *v);
/* Shift digit arrays: return the bits shifted out. */
digit _PyLong_v_lshift(digit *z, const digit *a, Py_ssize_t m, int d);
digit _PyLong_v_rshift(digit *z, const digit *a, Py_ssize_t m, int d);

/* ---- text conversion (long_format.c) ---- */
/* str(v) / repr(v): new str. */
PyObject *_PyLong_ToDecimalString(PyObject *v);
/* Digits of |v| in base 2, 8, 10 or 16 as a PyMem_Malloc'ed, NUL-terminated
   ASCII buffer (*len gets the length; no sign).  alternate adds the
   0b/0o/0x prefix, upper makes letters upper case; base 10 applies the
   str-digits limit.  NULL + exception on error. */
char *_PyLong_ToASCII(PyObject *v, int base, int alternate, int upper, Py_ssize_t *len);

/* ---- floats (floatobject.c / float_format.c) ---- */
/* Convert an int or float operand to double: 0 ok, 1 not a number type
   (NotImplemented), -1 error. */
int _PyFloat_ConvertOperand(PyObject *obj, double *dbl);
/* repr()/str() of a finite or special double into buf (>= 32 bytes). */
int _PyFloat_FormatRepr(double x, char *buf);
/* PyOS_double_to_string into out when it fits in cap bytes (else a new
   PyMem buffer): returns the buffer used, NULL + exception on error. */
char *_PyFloat_FormatToBuffer(double val, char format_code, int precision, int flags,
                              char *out, size_t cap, Py_ssize_t *len, int *type);

/* ---- format spec (formatter_number.c) ---- */
PyObject *_PyLong_FormatAdvanced(PyObject *obj, PyObject *format_spec);
PyObject *_PyFloat_FormatAdvanced(PyObject *obj, PyObject *format_spec);
PyObject *_PyComplex_FormatAdvanced(PyObject *obj, PyObject *format_spec);

/* ---- bool (boolobject.c) ---- */
/* Copy int's number slots into bool's table before PyType_Ready. */
void _PyBool_PrepareType(void);

/* ---- abstract.c helpers ---- */
/* Special-method lookup on the type, bound to obj: new ref, NULL with or
   without an exception (check PyErr_Occurred). */
PyObject *_PyAbstract_LookupSpecial(PyObject *obj, PyObject *name);
#endif
