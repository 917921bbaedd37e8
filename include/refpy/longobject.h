/* longobject.h -- arbitrary-precision int, CPython 3.12 layout.
 *
 * lv_tag: bits 0-1 sign (0 positive, 1 zero, 2 negative), bit 2 reserved,
 * bits 3+ number of digits.  Digits are 30-bit, least significant first.
 * At least one digit is always allocated (sys.getsizeof(0) == 28).
 * Ints -5..256 are preallocated and immortal.
 */
#ifndef REFPY_LONGOBJECT_H
#define REFPY_LONGOBJECT_H
#include "object.h"

typedef uint32_t digit;
typedef int32_t sdigit;
typedef uint64_t twodigits;
typedef int64_t stwodigits;
#define PyLong_SHIFT 30
#define PyLong_BASE ((digit)1 << PyLong_SHIFT)
#define PyLong_MASK ((digit)(PyLong_BASE - 1))

typedef struct _PyLongValue {
    uintptr_t lv_tag;
    digit ob_digit[1];
} _PyLongValue;

struct _longobject {
    PyObject_HEAD
    _PyLongValue long_value;
};
typedef struct _longobject PyLongObject;

#define _PyLong_NON_SIZE_BITS 3
#define _PyLong_SIGN_MASK 3
#define _PyLong_SIGN_POSITIVE 0
#define _PyLong_SIGN_ZERO 1
#define _PyLong_SIGN_NEGATIVE 2
#define _PyLong_TAG(sign, ndigits) (((uintptr_t)(ndigits) << _PyLong_NON_SIZE_BITS) | (uintptr_t)(sign))

static inline Py_ssize_t _PyLong_DigitCount(const PyLongObject *op)
{ return (Py_ssize_t)(op->long_value.lv_tag >> _PyLong_NON_SIZE_BITS); }
static inline int _PyLong_IsCompact(const PyLongObject *op)
{ return op->long_value.lv_tag < (2 << _PyLong_NON_SIZE_BITS); }
static inline int _PyLong_IsZero(const PyLongObject *op)
{ return (op->long_value.lv_tag & _PyLong_SIGN_MASK) == _PyLong_SIGN_ZERO; }
static inline int _PyLong_IsNegative(const PyLongObject *op)
{ return (op->long_value.lv_tag & _PyLong_SIGN_MASK) == _PyLong_SIGN_NEGATIVE; }
/* Value of a compact int (0 or 1 digit): sign * digit[0]. */
static inline Py_ssize_t _PyLong_CompactValue(const PyLongObject *op)
{
    Py_ssize_t sign = 1 - (Py_ssize_t)(op->long_value.lv_tag & _PyLong_SIGN_MASK);
    return sign * (Py_ssize_t)op->long_value.ob_digit[0];
}

PyAPI_DATA(PyTypeObject) PyLong_Type;
#define PyLong_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LONG_SUBCLASS)
#define PyLong_CheckExact(op) Py_IS_TYPE((op), &PyLong_Type)

/* Constructors: new references (small ints are immortal). */
PyAPI_FUNC(PyObject *) PyLong_FromLong(long);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedLong(unsigned long);
PyAPI_FUNC(PyObject *) PyLong_FromLongLong(long long);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedLongLong(unsigned long long);
PyAPI_FUNC(PyObject *) PyLong_FromSsize_t(Py_ssize_t);
PyAPI_FUNC(PyObject *) PyLong_FromSize_t(size_t);
PyAPI_FUNC(PyObject *) PyLong_FromDouble(double);
/* Parse str with the given base (0 = prefix-guessing); *pend set to end. */
PyAPI_FUNC(PyObject *) PyLong_FromString(const char *str, char **pend, int base);
PyAPI_FUNC(PyObject *) PyLong_FromUnicodeObject(PyObject *u, int base);

/* Conversions: -1 with an exception on error (check PyErr_Occurred). */
PyAPI_FUNC(long) PyLong_AsLong(PyObject *);
PyAPI_FUNC(long) PyLong_AsLongAndOverflow(PyObject *, int *overflow);
PyAPI_FUNC(long long) PyLong_AsLongLong(PyObject *);
PyAPI_FUNC(long long) PyLong_AsLongLongAndOverflow(PyObject *, int *overflow);
PyAPI_FUNC(unsigned long) PyLong_AsUnsignedLong(PyObject *);
PyAPI_FUNC(unsigned long long) PyLong_AsUnsignedLongLong(PyObject *);
PyAPI_FUNC(Py_ssize_t) PyLong_AsSsize_t(PyObject *);
PyAPI_FUNC(size_t) PyLong_AsSize_t(PyObject *);
PyAPI_FUNC(double) PyLong_AsDouble(PyObject *);
PyAPI_FUNC(int) _PyLong_Sign(PyObject *);              /* -1, 0, 1 */
PyAPI_FUNC(size_t) _PyLong_NumBits(PyObject *);
PyAPI_FUNC(PyObject *) _PyLong_Format(PyObject *, int base);  /* new: "0x.." etc. for 2/8/16 */
PyAPI_FUNC(PyObject *) _PyLong_Copy(PyLongObject *);           /* new */
PyAPI_FUNC(PyObject *) _PyLong_Add(PyLongObject *, PyLongObject *);      /* new */
PyAPI_FUNC(PyObject *) _PyLong_Subtract(PyLongObject *, PyLongObject *); /* new */
PyAPI_FUNC(PyObject *) _PyLong_Multiply(PyLongObject *, PyLongObject *); /* new */
PyAPI_FUNC(PyObject *) _PyLong_GetZero(void);   /* BORROWED (immortal) */
PyAPI_FUNC(PyObject *) _PyLong_GetOne(void);    /* BORROWED (immortal) */
PyAPI_FUNC(Py_ssize_t) PyNumber_AsSsize_t(PyObject *, PyObject *exc);

/* ---------------- additions (numbers helper) ---------------- */

/* Both operands compact (at most one digit): the VM's int fast paths. */
static inline int _PyLong_BothAreCompact(const PyLongObject *a, const PyLongObject *b)
{ return (a->long_value.lv_tag | b->long_value.lv_tag) < (2 << _PyLong_NON_SIZE_BITS); }
/* Compact and >= 0 (an index that fits in a digit). */
static inline int _PyLong_IsNonNegativeCompact(const PyLongObject *op)
{ return op->long_value.lv_tag <= (1 << _PyLong_NON_SIZE_BITS); }

/* sys.set_int_max_str_digits(): limit on decimal digits converted by
   int(str) and str(int); 0 means no limit.  Default 4300. */
PyAPI_DATA(int) _Py_int_max_str_digits;
#define _PY_LONG_DEFAULT_MAX_STR_DIGITS 4300
#define _PY_LONG_MAX_STR_DIGITS_THRESHOLD 640

/* A fresh int with room for size digits (digits uninitialised; sign
   positive, or zero when size == 0): new reference, NULL + MemoryError.
   Callers fill the digits and fix the sign before publishing it. */
PyAPI_FUNC(PyLongObject *) _PyLong_New(Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyLong_FromVoidPtr(void *);        /* new */
PyAPI_FUNC(void *) PyLong_AsVoidPtr(PyObject *);          /* NULL + exception on error */
PyAPI_FUNC(int) PyLong_AsInt(PyObject *);                 /* -1 + exception on error */
PyAPI_FUNC(int) _PyLong_AsInt(PyObject *);
PyAPI_FUNC(unsigned long) PyLong_AsUnsignedLongMask(PyObject *);
PyAPI_FUNC(unsigned long long) PyLong_AsUnsignedLongLongMask(PyObject *);
/* Bytes <-> int (int.from_bytes/to_bytes, struct, random, marshal). */
PyAPI_FUNC(PyObject *) _PyLong_FromByteArray(const unsigned char *bytes, size_t n,
                                             int little_endian, int is_signed);  /* new */
/* 0, or -1 with OverflowError when v does not fit in n bytes. */
PyAPI_FUNC(int) _PyLong_AsByteArray(PyLongObject *v, unsigned char *bytes, size_t n,
                                    int little_endian, int is_signed);
/* x = m * 2**e with 0.5 <= |m| < 1, correctly rounded; -1.0 + OverflowError
   if e would overflow. */
PyAPI_FUNC(double) _PyLong_Frexp(PyLongObject *a, Py_ssize_t *e);
PyAPI_FUNC(PyObject *) _PyLong_GCD(PyObject *, PyObject *);          /* new, math.gcd */
/* (q, r) with q = round-half-even(a / b): new tuple (round(), timedelta). */
PyAPI_FUNC(PyObject *) _PyLong_DivmodNear(PyObject *a, PyObject *b);
PyAPI_FUNC(PyObject *) _PyLong_Lshift(PyObject *a, size_t shiftby);  /* new */
PyAPI_FUNC(PyObject *) _PyLong_Rshift(PyObject *a, size_t shiftby);  /* new */
/* Parse len bytes of an ASCII literal (int(bytes)): new ref, ValueError. */
PyAPI_FUNC(PyObject *) _PyLong_FromBytes(const char *s, Py_ssize_t len, int base);
/* Compare two ints: -1, 0, 1 (never fails). */
PyAPI_FUNC(int) _PyLong_Compare(PyLongObject *a, PyLongObject *b);

/* PyType_Ready of int, bool, float, complex (and private types). */
PyAPI_FUNC(int) _PyNumbers_InitTypes(void);

#endif
