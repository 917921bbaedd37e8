/* longobject.c -- the int type: representation, conversions, comparison,
 * hashing, methods and construction.
 *
 * Representation (CPython 3.12's, include/refpy/longobject.h): after the
 * object header comes lv_tag -- sign in bits 0-1 (0 positive, 1 zero,
 * 2 negative) and the digit count from bit 3 up -- then the magnitude as
 * 30-bit digits, least significant first.  At least one digit is always
 * allocated, so 0 takes 28 bytes and 2**30 takes 32, as sys.getsizeof
 * reports in CPython.  An int with at most one digit is "compact"; its
 * value is sign * digit[0] and almost every operation has a fast path for
 * it that never looks at lv_tag beyond one comparison.
 *
 * Invariants: the top digit of a published int is nonzero (the
 * "normalized" form), zero has no digits and the zero sign, and the values
 * -5..256 are only ever represented by the static immortal objects of
 * _Py_small_ints (functions producing a result pass it through
 * _PyLong_MaybeSmall or _PyLong_FromSTwoDigits), so `int('256') is 256`.
 *
 * The work is split over three files:
 *   longobject.c  this file: allocation, C conversions, compare, hash,
 *                 the methods and getsets, int(), the type objects' init;
 *   long_arith.c  the number protocol (+ - * / // % ** << >> & | ^ ~ ...);
 *   long_format.c text <-> int (str(), int(str), bin/oct/hex) and the
 *                 sys.set_int_max_str_digits() limit.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_alloc.h"
#include "long_internal.h"
#include "number_docs.h"
#include <math.h>
#include <float.h>

/* ------------------------------------------------------------------ */
/* The small ints                                                      */
/* ------------------------------------------------------------------ */

#define SMALL_NEG(v) { PyObject_HEAD_INIT(&PyLong_Type) \
        { _PyLong_TAG(_PyLong_SIGN_NEGATIVE, 1), { (digit)(v) } } }
#define SMALL_POS(v) { PyObject_HEAD_INIT(&PyLong_Type) \
        { _PyLong_TAG(_PyLong_SIGN_POSITIVE, 1), { (digit)(v) } } }
#define SMALL_POS4(b) SMALL_POS(b), SMALL_POS((b) + 1), SMALL_POS((b) + 2), SMALL_POS((b) + 3)
#define SMALL_POS16(b) SMALL_POS4(b), SMALL_POS4((b) + 4), SMALL_POS4((b) + 8), SMALL_POS4((b) + 12)
#define SMALL_POS64(b) SMALL_POS16(b), SMALL_POS16((b) + 16), SMALL_POS16((b) + 32), SMALL_POS16((b) + 48)

/* Index v + 5 holds the value v.  Statically initialised so that ints are
   usable before any start-up code has run. */
PyLongObject _Py_small_ints[_PY_NSMALLNEGINTS + _PY_NSMALLPOSINTS] = {
    SMALL_NEG(5), SMALL_NEG(4), SMALL_NEG(3), SMALL_NEG(2), SMALL_NEG(1),
    { PyObject_HEAD_INIT(&PyLong_Type) { _PyLong_TAG(_PyLong_SIGN_ZERO, 0), { 0 } } },
    SMALL_POS(1), SMALL_POS(2), SMALL_POS(3),
    SMALL_POS4(4), SMALL_POS4(8), SMALL_POS16(12), SMALL_POS16(28), SMALL_POS16(44),
    SMALL_POS64(60), SMALL_POS64(124), SMALL_POS64(188),
    SMALL_POS4(252), SMALL_POS(256),
};

int
_PyLong_InitGlobalObjects(void)
{
    /* Everything is static; check the table is laid out as we think. */
    if (_PyLong_CompactValue(&_Py_small_ints[_PY_NSMALLNEGINTS + _PY_NSMALLPOSINTS - 1]) != 256 ||
        _PyLong_CompactValue(&_Py_small_ints[0]) != -5)
        return -1;
    return 0;
}

void
_PyLong_Fini(void)
{
}

/* BORROWED (immortal). */
PyObject *
_PyLong_GetZero(void)
{
    return _PyLong_SmallInt(0);
}

/* BORROWED (immortal). */
PyObject *
_PyLong_GetOne(void)
{
    return _PyLong_SmallInt(1);
}

/* ------------------------------------------------------------------ */
/* Allocation                                                          */
/* ------------------------------------------------------------------ */

/* New reference: an exact int with room for size digits (uninitialised,
   except that digit 0 is cleared when size is 0). */
PyLongObject *
_PyLong_New(Py_ssize_t size)
{
    if (size > MAX_LONG_DIGITS) {
        PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    size_t n = offsetof(PyLongObject, long_value.ob_digit) +
               sizeof(digit) * (size_t)(size > 0 ? size : 1);
    PyLongObject *r = (PyLongObject *)_PyObject_MallocInline(n);
    if (r == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    _PyObject_Init((PyObject *)r, &PyLong_Type);
    _PyLong_SetSignAndDigitCount(r, size != 0, size);
    if (size == 0)
        r->long_value.ob_digit[0] = 0;
    return r;
}

static void
long_dealloc(PyObject *self)
{
    if (Py_IS_TYPE(self, &PyLong_Type))
        _PyObject_FreeInline(self);
    else
        Py_TYPE(self)->tp_free(self);
}

/* A one-digit int (|x| < 2**30, not small): new reference. */
static PyObject *
long_from_medium(sdigit x)
{
    PyLongObject *r = (PyLongObject *)_PyObject_MallocInline(sizeof(PyLongObject));
    if (r == NULL)
        return PyErr_NoMemory();
    _PyObject_Init((PyObject *)r, &PyLong_Type);
    if (x < 0) {
        r->long_value.lv_tag = _PyLong_TAG(_PyLong_SIGN_NEGATIVE, 1);
        r->long_value.ob_digit[0] = (digit)(-x);
    }
    else {
        r->long_value.lv_tag = _PyLong_TAG(_PyLong_SIGN_POSITIVE, 1);
        r->long_value.ob_digit[0] = (digit)x;
    }
    return (PyObject *)r;
}

/* Build from a magnitude and a sign (-1 or 1): new reference. */
static PyObject *
long_from_u64(uint64_t mag, int negative)
{
    if (mag < PyLong_BASE) {
        Py_ssize_t v = negative ? -(Py_ssize_t)mag : (Py_ssize_t)mag;
        if (IS_SMALL_INT(v))
            return _PyLong_SmallInt(v);
        return long_from_medium((sdigit)v);
    }
    Py_ssize_t ndigits = 0;
    for (uint64_t t = mag; t; t >>= PyLong_SHIFT)
        ndigits++;
    PyLongObject *r = _PyLong_New(ndigits);
    if (r == NULL)
        return NULL;
    _PyLong_SetSignAndDigitCount(r, negative ? -1 : 1, ndigits);
    for (Py_ssize_t i = 0; i < ndigits; i++) {
        r->long_value.ob_digit[i] = (digit)(mag & PyLong_MASK);
        mag >>= PyLong_SHIFT;
    }
    return (PyObject *)r;
}

/* New reference. */
PyObject *
_PyLong_FromSTwoDigits(stwodigits x)
{
    if (IS_SMALL_INT(x))
        return _PyLong_SmallInt((Py_ssize_t)x);
    if (-(stwodigits)PyLong_MASK <= x && x <= (stwodigits)PyLong_MASK)
        return long_from_medium((sdigit)x);
    return x < 0 ? long_from_u64(0 - (uint64_t)x, 1) : long_from_u64((uint64_t)x, 0);
}

/* Returns v after stripping leading zero digits. */
PyLongObject *
_PyLong_Normalize(PyLongObject *v)
{
    Py_ssize_t j = _PyLong_DigitCount(v);
    Py_ssize_t i = j;
    while (i > 0 && v->long_value.ob_digit[i - 1] == 0)
        --i;
    if (i != j) {
        if (i == 0)
            _PyLong_SetSignAndDigitCount(v, 0, 0);
        else
            _PyLong_SetDigitCount(v, i);
    }
    return v;
}

/* Steals v (normalized).  New reference. */
PyObject *
_PyLong_MaybeSmall(PyLongObject *v)
{
    if (v != NULL && _PyLong_IsCompact(v)) {
        Py_ssize_t ival = _PyLong_CompactValue(v);
        if (IS_SMALL_INT(ival)) {
            Py_DECREF(v);
            return _PyLong_SmallInt(ival);
        }
    }
    return (PyObject *)v;
}

/* New reference: an exact int equal to the int (subclass) src. */
PyObject *
_PyLong_Copy(PyLongObject *src)
{
    if (_PyLong_IsCompact(src))
        return _PyLong_FromSTwoDigits(_PyLong_CompactValue(src));
    Py_ssize_t n = _PyLong_DigitCount(src);
    PyLongObject *r = _PyLong_New(n);
    if (r == NULL)
        return NULL;
    r->long_value.lv_tag = src->long_value.lv_tag;
    memcpy(r->long_value.ob_digit, src->long_value.ob_digit, (size_t)n * sizeof(digit));
    return (PyObject *)r;
}

/* New reference: v itself when it is an exact int, else a copy. */
PyObject *
_PyLong_Exact(PyObject *v)
{
    if (PyLong_CheckExact(v))
        return Py_NewRef(v);
    return _PyLong_Copy((PyLongObject *)v);
}

/* ------------------------------------------------------------------ */
/* From C values                                                       */
/* ------------------------------------------------------------------ */

/* New reference (all of these). */
PyObject *
PyLong_FromLong(long ival)
{
    if (IS_SMALL_INT(ival))
        return _PyLong_SmallInt(ival);
    if (-(long)PyLong_MASK <= ival && ival <= (long)PyLong_MASK)
        return long_from_medium((sdigit)ival);
    return ival < 0 ? long_from_u64(0 - (uint64_t)ival, 1) : long_from_u64((uint64_t)ival, 0);
}

PyObject *
PyLong_FromUnsignedLong(unsigned long ival)
{
    return long_from_u64(ival, 0);
}

PyObject *
PyLong_FromLongLong(long long ival)
{
    return PyLong_FromLong((long)ival);
}

PyObject *
PyLong_FromUnsignedLongLong(unsigned long long ival)
{
    return long_from_u64(ival, 0);
}

PyObject *
PyLong_FromSsize_t(Py_ssize_t ival)
{
    return PyLong_FromLong((long)ival);
}

PyObject *
PyLong_FromSize_t(size_t ival)
{
    return long_from_u64(ival, 0);
}

PyObject *
PyLong_FromVoidPtr(void *p)
{
    return long_from_u64((uint64_t)(uintptr_t)p, 0);
}

/* New reference: int(dval), truncating toward zero. */
PyObject *
PyLong_FromDouble(double dval)
{
    /* Anything in (-2**63, 2**63) goes through a C long. */
    const double int_max = 9223372036854775808.0;   /* 2**63 */
    if (-int_max < dval && dval < int_max)
        return PyLong_FromLong((long)dval);
    if (isinf(dval)) {
        PyErr_SetString(PyExc_OverflowError, "cannot convert float infinity to integer");
        return NULL;
    }
    if (isnan(dval)) {
        PyErr_SetString(PyExc_ValueError, "cannot convert float NaN to integer");
        return NULL;
    }
    int neg = dval < 0.0;
    int expo;
    double frac = frexp(neg ? -dval : dval, &expo);   /* 0.5 <= frac < 1 */
    Py_ssize_t ndig = (expo - 1) / PyLong_SHIFT + 1;
    PyLongObject *v = _PyLong_New(ndig);
    if (v == NULL)
        return NULL;
    /* Peel off PyLong_SHIFT bits at a time from the top. */
    frac = ldexp(frac, (expo - 1) % PyLong_SHIFT + 1);
    for (Py_ssize_t i = ndig; --i >= 0;) {
        digit bits = (digit)frac;
        v->long_value.ob_digit[i] = bits;
        frac = ldexp(frac - (double)bits, PyLong_SHIFT);
    }
    if (neg)
        _PyLong_FlipSign(v);
    return (PyObject *)v;
}

/* ------------------------------------------------------------------ */
/* To C values                                                         */
/* ------------------------------------------------------------------ */

/* The magnitude of v if it fits in 64 bits: 0 ok, -1 too big. */
static int
long_abs_u64(PyLongObject *v, uint64_t *out)
{
    Py_ssize_t n = _PyLong_DigitCount(v);
    uint64_t x = 0;
    if (n > 3)
        return -1;
    for (Py_ssize_t i = n; --i >= 0;) {
        if (x >> (64 - PyLong_SHIFT))
            return -1;
        x = (x << PyLong_SHIFT) | v->long_value.ob_digit[i];
    }
    *out = x;
    return 0;
}

/* Integer conversion of a non-int through __index__: new ref or NULL. */
static PyLongObject *
long_index_of(PyObject *vv)
{
    if (vv == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return (PyLongObject *)_PyNumber_Index(vv);
}

long
PyLong_AsLongAndOverflow(PyObject *vv, int *overflow)
{
    PyLongObject *v;
    long res;
    *overflow = 0;
    if (vv != NULL && PyLong_Check(vv)) {
        v = (PyLongObject *)vv;
        if (_PyLong_IsCompact(v))
            return (long)_PyLong_CompactValue(v);
        Py_INCREF(v);
    }
    else {
        v = long_index_of(vv);
        if (v == NULL)
            return -1;
        if (_PyLong_IsCompact(v)) {
            res = (long)_PyLong_CompactValue(v);
            Py_DECREF(v);
            return res;
        }
    }
    uint64_t mag;
    int neg = _PyLong_IsNegative(v);
    if (long_abs_u64(v, &mag) < 0 || mag > (uint64_t)LONG_MAX + (uint64_t)neg) {
        *overflow = neg ? -1 : 1;
        res = -1;
    }
    else
        res = neg ? (long)(0 - mag) : (long)mag;
    Py_DECREF(v);
    return res;
}

long
PyLong_AsLong(PyObject *obj)
{
    int overflow;
    long r = PyLong_AsLongAndOverflow(obj, &overflow);
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return r;
}

int
_PyLong_AsInt(PyObject *obj)
{
    int overflow;
    long r = PyLong_AsLongAndOverflow(obj, &overflow);
    if (overflow || r > INT_MAX || r < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    return (int)r;
}

int
PyLong_AsInt(PyObject *obj)
{
    return _PyLong_AsInt(obj);
}

long long
PyLong_AsLongLongAndOverflow(PyObject *vv, int *overflow)
{
    return PyLong_AsLongAndOverflow(vv, overflow);
}

long long
PyLong_AsLongLong(PyObject *vv)
{
    int overflow;
    long r = PyLong_AsLongAndOverflow(vv, &overflow);
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "int too big to convert");
        return -1;
    }
    return r;
}

Py_ssize_t
PyLong_AsSsize_t(PyObject *vv)
{
    if (vv == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!PyLong_Check(vv)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return -1;
    }
    PyLongObject *v = (PyLongObject *)vv;
    if (_PyLong_IsCompact(v))
        return _PyLong_CompactValue(v);
    uint64_t mag;
    int neg = _PyLong_IsNegative(v);
    if (long_abs_u64(v, &mag) < 0 || mag > (uint64_t)PY_SSIZE_T_MAX + (uint64_t)neg) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return neg ? (Py_ssize_t)(0 - mag) : (Py_ssize_t)mag;
}

/* Shared by the unsigned conversions: 0 ok, -1 error (set). */
static int
long_as_unsigned(PyObject *vv, uint64_t *out, const char *negmsg, const char *bigmsg)
{
    if (vv == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!PyLong_Check(vv)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return -1;
    }
    PyLongObject *v = (PyLongObject *)vv;
    if (_PyLong_IsNegative(v)) {
        PyErr_SetString(PyExc_OverflowError, negmsg);
        return -1;
    }
    if (long_abs_u64(v, out) < 0) {
        PyErr_SetString(PyExc_OverflowError, bigmsg);
        return -1;
    }
    return 0;
}

unsigned long
PyLong_AsUnsignedLong(PyObject *vv)
{
    uint64_t x;
    if (long_as_unsigned(vv, &x, "can't convert negative value to unsigned int",
                         "Python int too large to convert to C unsigned long") < 0)
        return (unsigned long)-1;
    return x;
}

size_t
PyLong_AsSize_t(PyObject *vv)
{
    uint64_t x;
    if (long_as_unsigned(vv, &x, "can't convert negative value to size_t",
                         "Python int too large to convert to C size_t") < 0)
        return (size_t)-1;
    return x;
}

unsigned long long
PyLong_AsUnsignedLongLong(PyObject *vv)
{
    uint64_t x;
    if (long_as_unsigned(vv, &x, "can't convert negative int to unsigned",
                         "int too big to convert") < 0)
        return (unsigned long long)-1;
    return x;
}

/* v modulo 2**64 (two's complement for negatives). */
static uint64_t
long_mask_u64(PyLongObject *v)
{
    uint64_t x = 0;
    Py_ssize_t n = _PyLong_DigitCount(v);
    for (Py_ssize_t i = n; --i >= 0;)
        x = (x << PyLong_SHIFT) | v->long_value.ob_digit[i];
    return _PyLong_IsNegative(v) ? 0 - x : x;
}

unsigned long long
PyLong_AsUnsignedLongLongMask(PyObject *op)
{
    if (op == NULL) {
        PyErr_BadInternalCall();
        return (unsigned long long)-1;
    }
    if (PyLong_Check(op))
        return long_mask_u64((PyLongObject *)op);
    PyLongObject *lo = (PyLongObject *)_PyNumber_Index(op);
    if (lo == NULL)
        return (unsigned long long)-1;
    uint64_t r = long_mask_u64(lo);
    Py_DECREF(lo);
    return r;
}

unsigned long
PyLong_AsUnsignedLongMask(PyObject *op)
{
    return PyLong_AsUnsignedLongLongMask(op);
}

void *
PyLong_AsVoidPtr(PyObject *vv)
{
    if (PyLong_Check(vv) && _PyLong_IsNegative((PyLongObject *)vv)) {
        long x = PyLong_AsLong(vv);
        if (x == -1 && PyErr_Occurred())
            return NULL;
        return (void *)(intptr_t)x;
    }
    unsigned long x = PyLong_AsUnsignedLong(vv);
    if (x == (unsigned long)-1 && PyErr_Occurred())
        return NULL;
    return (void *)(uintptr_t)x;
}

int
_PyLong_Sign(PyObject *vv)
{
    return _PyLong_SignOf((PyLongObject *)vv);
}

size_t
_PyLong_NumBits(PyObject *vv)
{
    PyLongObject *v = (PyLongObject *)vv;
    Py_ssize_t n = _PyLong_DigitCount(v);
    if (n == 0)
        return 0;
    return (size_t)(n - 1) * PyLong_SHIFT + (size_t)_PyLong_DigitBits(v->long_value.ob_digit[n - 1]);
}

/* |a| = m * 2**e with 0.5 <= m < 1, m correctly rounded to 53 bits (ties
   to even); the sign of a is put on m.  The top 64 bits of |a| are taken
   with a sticky bit standing for everything below them, so the hardware
   uint64 -> double conversion rounds exactly as if it saw all the bits. */
double
_PyLong_Frexp(PyLongObject *a, Py_ssize_t *e)
{
    Py_ssize_t n = _PyLong_DigitCount(a);
    if (n == 0) {
        *e = 0;
        return 0.0;
    }
    if (n >= PY_SSIZE_T_MAX / PyLong_SHIFT) {
        PyErr_SetString(PyExc_OverflowError, "huge integer: number of bits > PY_SSIZE_T_MAX");
        *e = 0;
        return -1.0;
    }
    const digit *d = a->long_value.ob_digit;
    Py_ssize_t nbits = (n - 1) * PyLong_SHIFT + _PyLong_DigitBits(d[n - 1]);
    uint64_t top;
    Py_ssize_t shift = nbits > 64 ? nbits - 64 : 0;   /* bits dropped */
    if (shift == 0) {
        top = 0;
        for (Py_ssize_t i = n; --i >= 0;)
            top = (top << PyLong_SHIFT) | d[i];
    }
    else {
        /* Collect bits [shift, shift + 64) from the digits. */
        Py_ssize_t dig = shift / PyLong_SHIFT;
        int off = (int)(shift % PyLong_SHIFT);
        unsigned __int128 acc = 0;
        int have = 0;
        for (Py_ssize_t i = dig; i < n && have < 64 + off; i++) {
            acc |= (unsigned __int128)d[i] << have;
            have += PyLong_SHIFT;
        }
        top = (uint64_t)(acc >> off);
        int sticky = (d[dig] & (((digit)1 << off) - 1)) != 0;
        for (Py_ssize_t i = 0; !sticky && i < dig; i++)
            sticky = d[i] != 0;
        top |= (uint64_t)sticky;
    }
    int ex;
    double m = frexp((double)top, &ex);
    *e = ex + shift;
    return _PyLong_IsNegative(a) ? -m : m;
}

double
PyLong_AsDouble(PyObject *v)
{
    if (v == NULL) {
        PyErr_BadInternalCall();
        return -1.0;
    }
    if (!PyLong_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return -1.0;
    }
    PyLongObject *lv = (PyLongObject *)v;
    if (_PyLong_IsCompact(lv))
        return (double)_PyLong_CompactValue(lv);
    Py_ssize_t e;
    double x = _PyLong_Frexp(lv, &e);
    if ((x == -1.0 && PyErr_Occurred()) || e > DBL_MAX_EXP) {
        PyErr_SetString(PyExc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return ldexp(x, (int)e);
}

/* ------------------------------------------------------------------ */
/* Comparison and hashing                                              */
/* ------------------------------------------------------------------ */

int
_PyLong_CompareAbs(PyLongObject *a, PyLongObject *b)
{
    Py_ssize_t na = _PyLong_DigitCount(a), nb = _PyLong_DigitCount(b);
    if (na != nb)
        return na < nb ? -1 : 1;
    for (Py_ssize_t i = na; --i >= 0;) {
        digit x = a->long_value.ob_digit[i], y = b->long_value.ob_digit[i];
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

int
_PyLong_Compare(PyLongObject *a, PyLongObject *b)
{
    if (_PyLong_BothAreCompact(a, b)) {
        Py_ssize_t x = _PyLong_CompactValue(a), y = _PyLong_CompactValue(b);
        return (x > y) - (x < y);
    }
    int sa = _PyLong_SignOf(a), sb = _PyLong_SignOf(b);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    int c = _PyLong_CompareAbs(a, b);
    return sa < 0 ? -c : c;
}

static PyObject *
long_richcompare(PyObject *self, PyObject *other, int op)
{
    if (!PyLong_Check(self) || !PyLong_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    int c = self == other ? 0 : _PyLong_Compare((PyLongObject *)self, (PyLongObject *)other);
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

/* The hash of an int is its value modulo the Mersenne prime 2**61 - 1,
   with the sign applied afterwards (and -1 mapped to -2), so that equal
   ints, floats, Fractions and Decimals hash equal.  Horner's rule works
   digit by digit because multiplying by 2**30 modulo 2**61 - 1 is a
   rotation of the 61-bit residue. */
Py_hash_t
_PyLong_Hash(PyObject *obj)
{
    PyLongObject *v = (PyLongObject *)obj;
    if (_PyLong_IsCompact(v)) {
        Py_hash_t x = _PyLong_CompactValue(v);
        return x == -1 ? -2 : x;
    }
    Py_ssize_t i = _PyLong_DigitCount(v);
    Py_uhash_t x = 0;
    while (--i >= 0) {
        x = ((x << PyLong_SHIFT) & _PyHASH_MODULUS) | (x >> (_PyHASH_BITS - PyLong_SHIFT));
        x += v->long_value.ob_digit[i];
        if (x >= _PyHASH_MODULUS)
            x -= _PyHASH_MODULUS;
    }
    if (_PyLong_IsNegative(v))
        x = 0 - x;
    if (x == (Py_uhash_t)-1)
        x = (Py_uhash_t)-2;
    return (Py_hash_t)x;
}

/* ------------------------------------------------------------------ */
/* Methods                                                             */
/* ------------------------------------------------------------------ */

static PyObject *
int_bit_length(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromSize_t(_PyLong_NumBits(self));
}

static PyObject *
int_bit_count(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyLongObject *v = (PyLongObject *)self;
    Py_ssize_t n = _PyLong_DigitCount(v);
    size_t count = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        count += (size_t)__builtin_popcount(v->long_value.ob_digit[i]);
    return PyLong_FromSize_t(count);
}

/* int(self): new reference. */
static PyObject *
int_long(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyLong_Exact(self);
}

static PyObject *
int_is_integer(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_TRUE;
}

static PyObject *
int_as_integer_ratio(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *n = _PyLong_Exact(self);
    if (n == NULL)
        return NULL;
    PyObject *r = PyTuple_Pack(2, n, _PyLong_GetOne());
    Py_DECREF(n);
    return r;
}

static PyObject *
int_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *n = _PyLong_Exact(self);
    if (n == NULL)
        return NULL;
    PyObject *r = PyTuple_Pack(1, n);
    Py_DECREF(n);
    return r;
}

static PyObject *
int_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t n = _PyLong_DigitCount((PyLongObject *)self);
    Py_ssize_t res = (Py_ssize_t)offsetof(PyLongObject, long_value.ob_digit) +
                     (Py_ssize_t)sizeof(digit) * (n > 0 ? n : 1);
    return PyLong_FromSsize_t(res);
}

/* round(self, ndigits): half-even to a multiple of 10**-ndigits. */
static PyObject *
int_round(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("__round__", nargs, 0, 1))
        return NULL;
    if (nargs == 0 || args[0] == Py_None)
        return _PyLong_Exact(self);
    PyObject *nd = PyNumber_Index(args[0]);
    if (nd == NULL)
        return NULL;
    if (!_PyLong_IsNegative((PyLongObject *)nd)) {
        Py_DECREF(nd);
        return _PyLong_Exact(self);
    }
    PyObject *negnd = _PyLong_Neg((PyLongObject *)nd);
    Py_DECREF(nd);
    if (negnd == NULL)
        return NULL;
    PyObject *scale = _PyLong_Pow(_PyLong_GetTen(), negnd, Py_None);
    Py_DECREF(negnd);
    if (scale == NULL)
        return NULL;
    PyObject *qr = _PyLong_DivmodNear(self, scale);
    Py_DECREF(scale);
    if (qr == NULL)
        return NULL;
    PyObject *res = PyNumber_Subtract(self, PyTuple_GET_ITEM(qr, 1));
    Py_DECREF(qr);
    return res;
}

static PyObject *
int_format(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.200s",
                     Py_TYPE(spec)->tp_name);
        return NULL;
    }
    return _PyLong_FormatAdvanced(self, spec);
}

/* "little" -> 1, "big" -> 0, else -1 + ValueError. */
static int
parse_byteorder(PyObject *byteorder)
{
    if (byteorder == NULL)
        return 0;
    if (!PyUnicode_Check(byteorder)) {
        PyErr_Format(PyExc_TypeError,
                     "to_bytes() argument 'byteorder' must be str, not %.50s",
                     Py_TYPE(byteorder)->tp_name);
        return -1;
    }
    if (_PyUnicode_EqualToASCIIString(byteorder, "little"))
        return 1;
    if (_PyUnicode_EqualToASCIIString(byteorder, "big"))
        return 0;
    PyErr_SetString(PyExc_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

static PyObject *
int_to_bytes(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"length", "byteorder", "signed", NULL};
    PyObject *argv[3];
    if (!_PyArg_ParseFast("to_bytes", args, nargs, kwnames, kwlist, 0, 0, 2, 0, argv))
        return NULL;
    Py_ssize_t length = 1;
    if (argv[0] != NULL) {
        PyObject *idx = PyNumber_Index(argv[0]);
        if (idx == NULL)
            return NULL;
        length = PyLong_AsSsize_t(idx);
        Py_DECREF(idx);
        if (length == -1 && PyErr_Occurred())
            return NULL;
        if (length < 0) {
            PyErr_SetString(PyExc_ValueError, "length argument must be non-negative");
            return NULL;
        }
    }
    int little = parse_byteorder(argv[1]);
    if (little < 0)
        return NULL;
    int is_signed = 0;
    if (argv[2] != NULL) {
        is_signed = PyObject_IsTrue(argv[2]);
        if (is_signed < 0)
            return NULL;
    }
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, length);
    if (bytes == NULL)
        return NULL;
    if (_PyLong_AsByteArray((PyLongObject *)self, (unsigned char *)PyBytes_AS_STRING(bytes),
                            (size_t)length, little, is_signed) < 0) {
        Py_DECREF(bytes);
        return NULL;
    }
    return bytes;
}

static PyObject *
int_from_bytes(PyObject *type, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"bytes", "byteorder", "signed", NULL};
    PyObject *argv[3];
    if (!_PyArg_ParseFast("from_bytes", args, nargs, kwnames, kwlist, 0, 1, 2, 0, argv))
        return NULL;
    int little = parse_byteorder(argv[1]);
    if (little < 0)
        return NULL;
    int is_signed = 0;
    if (argv[2] != NULL) {
        is_signed = PyObject_IsTrue(argv[2]);
        if (is_signed < 0)
            return NULL;
    }
    PyObject *bytes = PyBytes_FromObject(argv[0]);
    if (bytes == NULL)
        return NULL;
    PyObject *r = _PyLong_FromByteArray((const unsigned char *)PyBytes_AS_STRING(bytes),
                                        (size_t)PyBytes_GET_SIZE(bytes), little, is_signed);
    Py_DECREF(bytes);
    if (r != NULL && type != (PyObject *)&PyLong_Type)
        Py_SETREF(r, PyObject_CallOneArg(type, r));
    return r;
}

/* ---- getsets ---- */

static PyObject *
int_get_self(PyObject *self, void *Py_UNUSED(c))
{
    return _PyLong_Exact(self);
}

static PyObject *
int_get_zero(PyObject *self, void *Py_UNUSED(c))
{
    return _PyLong_GetZero();
}

static PyObject *
int_get_one(PyObject *self, void *Py_UNUSED(c))
{
    return _PyLong_GetOne();
}

static PyGetSetDef int_getset[] = {
    {"real", int_get_self, NULL, DOC_int_real, NULL},
    {"imag", int_get_zero, NULL, DOC_int_imag, NULL},
    {"numerator", int_get_self, NULL, DOC_int_numerator, NULL},
    {"denominator", int_get_one, NULL, DOC_int_denominator, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMethodDef int_methods[] = {
    {"conjugate", int_long, METH_NOARGS, DOC_int_conjugate},
    {"bit_length", int_bit_length, METH_NOARGS, DOC_int_bit_length},
    {"bit_count", int_bit_count, METH_NOARGS, DOC_int_bit_count},
    {"to_bytes", (PyCFunction)(void (*)(void))int_to_bytes, METH_FASTCALL | METH_KEYWORDS,
     DOC_int_to_bytes},
    {"from_bytes", (PyCFunction)(void (*)(void))int_from_bytes,
     METH_FASTCALL | METH_KEYWORDS | METH_CLASS, DOC_int_from_bytes},
    {"as_integer_ratio", int_as_integer_ratio, METH_NOARGS, DOC_int_as_integer_ratio},
    {"__trunc__", int_long, METH_NOARGS, DOC_int_trunc},
    {"__floor__", int_long, METH_NOARGS, DOC_int_floor},
    {"__ceil__", int_long, METH_NOARGS, DOC_int_ceil},
    {"__round__", (PyCFunction)(void (*)(void))int_round, METH_FASTCALL, DOC_int_round},
    {"__getnewargs__", int_getnewargs, METH_NOARGS, DOC_int_getnewargs},
    {"__format__", int_format, METH_O, DOC_int_format},
    {"__sizeof__", int_sizeof, METH_NOARGS, DOC_int_sizeof},
    {"is_integer", int_is_integer, METH_NOARGS, DOC_int_is_integer},
    {NULL, NULL, 0, NULL}
};

/* ------------------------------------------------------------------ */
/* int()                                                               */
/* ------------------------------------------------------------------ */

/* int(x, base) for an exact int result: new reference. */
static PyObject *
long_new_impl(PyObject *x, PyObject *obase)
{
    if (x == NULL) {
        if (obase != NULL) {
            PyErr_SetString(PyExc_TypeError, "int() missing string argument");
            return NULL;
        }
        return _PyLong_GetZero();
    }
    if (obase == NULL)
        return PyNumber_Long(x);

    Py_ssize_t base = PyNumber_AsSsize_t(obase, NULL);
    if (base == -1 && PyErr_Occurred())
        return NULL;
    if ((base != 0 && base < 2) || base > 36) {
        PyErr_SetString(PyExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    if (PyUnicode_Check(x))
        return PyLong_FromUnicodeObject(x, (int)base);
    if (PyBytes_Check(x))
        return _PyLong_FromBytes(PyBytes_AS_STRING(x), PyBytes_GET_SIZE(x), (int)base);
    if (PyByteArray_Check(x))
        return _PyLong_FromBytes(PyByteArray_AS_STRING(x), PyByteArray_GET_SIZE(x), (int)base);
    PyErr_SetString(PyExc_TypeError, "int() can't convert non-string with explicit base");
    return NULL;
}

/* An instance of an int subclass holding the value of int(x, base). */
static PyObject *
long_subtype_new(PyTypeObject *type, PyObject *x, PyObject *obase)
{
    PyLongObject *tmp = (PyLongObject *)long_new_impl(x, obase);
    if (tmp == NULL)
        return NULL;
    Py_ssize_t n = _PyLong_DigitCount(tmp);
    if (n == 0)
        n = 1;
    PyLongObject *newobj = (PyLongObject *)type->tp_alloc(type, n);
    if (newobj == NULL) {
        Py_DECREF(tmp);
        return NULL;
    }
    newobj->long_value.lv_tag = tmp->long_value.lv_tag;
    memcpy(newobj->long_value.ob_digit, tmp->long_value.ob_digit, (size_t)n * sizeof(digit));
    Py_DECREF(tmp);
    return (PyObject *)newobj;
}

static PyObject *
long_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"", "base", NULL};
    PyObject *argv[2] = {NULL, NULL};
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    PyObject *kwnames = NULL;
    PyObject *stack[4] = {NULL, NULL, NULL, NULL};
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        /* Rare: gather positionals and keyword values into one array. */
        Py_ssize_t nkw = PyDict_GET_SIZE(kwds);
        if (nargs + nkw > 2) {
            PyErr_Format(PyExc_TypeError, "int() takes at most 2 %sarguments (%zd given)",
                         nargs == 0 ? "keyword " : "", nargs + nkw);
            return NULL;
        }
        kwnames = PyTuple_New(nkw);
        if (kwnames == NULL)
            return NULL;
        for (Py_ssize_t i = 0; i < nargs; i++)
            stack[i] = PyTuple_GET_ITEM(args, i);
        Py_ssize_t pos = 0, j = 0;
        PyObject *k, *v;
        while (PyDict_Next(kwds, &pos, &k, &v)) {
            PyTuple_SET_ITEM(kwnames, j, Py_NewRef(k));
            stack[nargs + j] = v;
            j++;
        }
    }
    else {
        for (Py_ssize_t i = 0; i < nargs && i < 4; i++)
            stack[i] = PyTuple_GET_ITEM(args, i);
    }
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "int() takes at most 2 arguments (%zd given)", nargs);
        Py_XDECREF(kwnames);
        return NULL;
    }
    int ok = _PyArg_ParseFast("int", stack, nargs, kwnames, kwlist, 1, 0, 2, 0, argv);
    Py_XDECREF(kwnames);
    if (!ok)
        return NULL;
    if (type != &PyLong_Type)
        return long_subtype_new(type, argv[0], argv[1]);
    return long_new_impl(argv[0], argv[1]);
}

/* int(...) called directly: skips building an argument tuple. */
static PyObject *
long_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (type != (PyObject *)&PyLong_Type)
        return _PyObject_MakeTpCall(type, args, nargs, kwnames);
    if (kwnames == NULL) {
        switch (nargs) {
        case 0:
            return _PyLong_GetZero();
        case 1:
            return PyNumber_Long(args[0]);
        case 2:
            return long_new_impl(args[0], args[1]);
        default:
            PyErr_Format(PyExc_TypeError, "int() takes at most 2 arguments (%zd given)", nargs);
            return NULL;
        }
    }
    static const char *const kwlist[] = {"", "base", NULL};
    PyObject *argv[2];
    if (!_PyArg_ParseFast("int", args, nargs, kwnames, kwlist, 1, 0, 2, 0, argv))
        return NULL;
    return long_new_impl(argv[0], argv[1]);
}

static PyObject *
long_repr(PyObject *v)
{
    return _PyLong_ToDecimalString(v);
}

static Py_hash_t
long_hash(PyObject *v)
{
    return _PyLong_Hash(v);
}

PyTypeObject PyLong_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "int",
    .tp_basicsize = offsetof(PyLongObject, long_value.ob_digit),
    .tp_itemsize = sizeof(digit),
    .tp_dealloc = long_dealloc,
    .tp_repr = long_repr,
    .tp_as_number = &_PyLong_as_number,
    .tp_hash = long_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LONG_SUBCLASS |
                _Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = DOC_int_type,
    .tp_richcompare = long_richcompare,
    .tp_methods = int_methods,
    .tp_getset = int_getset,
    .tp_new = long_new,
    .tp_free = PyObject_Free,
    .tp_vectorcall = long_vectorcall,
};

int
_PyNumbers_InitTypes(void)
{
    if (PyType_Ready(&PyLong_Type) < 0)
        return -1;
    _PyBool_PrepareType();
    if (PyType_Ready(&PyBool_Type) < 0)
        return -1;
    if (PyType_Ready(&PyFloat_Type) < 0)
        return -1;
    if (PyType_Ready(&PyComplex_Type) < 0)
        return -1;
    return 0;
}
