/* floatobject.c -- the float type.
 *
 * A float is a 24-byte object holding one IEEE double.  Freed exact floats
 * go to a free list of at most 100 (CPython's PyFloat_MAXFREELIST), linked
 * through their ob_type field; gc.collect(2) empties it.
 *
 * Arithmetic follows CPython's float object exactly, including its
 * special-casing of pow() (so that results do not depend on libm quirks),
 * Python's floor semantics for // and % (the remainder takes the sign of
 * the divisor), comparisons with ints that are exact even when the int has
 * more than 53 bits, and the numeric hash that makes hash(1.5) equal to
 * hash(Fraction(3, 2)).  Text conversion lives in float_format.c.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_alloc.h"
#include "long_internal.h"
#include "number_docs.h"
#include <math.h>
#include <float.h>
#include <errno.h>

#define PyFloat_MAXFREELIST 100

static PyFloatObject *free_list = NULL;
static int numfree = 0;

/* New reference. */
PyObject *
PyFloat_FromDouble(double fval)
{
    PyFloatObject *op = free_list;
    if (op != NULL) {
        free_list = (PyFloatObject *)Py_TYPE(op);
        numfree--;
    }
    else {
        op = (PyFloatObject *)_PyObject_MallocInline(sizeof(PyFloatObject));
        if (op == NULL)
            return PyErr_NoMemory();
    }
    _PyObject_Init((PyObject *)op, &PyFloat_Type);
    op->ob_fval = fval;
    return (PyObject *)op;
}

static void
float_dealloc(PyObject *op)
{
    if (PyFloat_CheckExact(op)) {
        if (numfree >= PyFloat_MAXFREELIST) {
            _PyObject_FreeInline(op);
            return;
        }
        numfree++;
        Py_SET_TYPE(op, (PyTypeObject *)free_list);
        free_list = (PyFloatObject *)op;
    }
    else
        Py_TYPE(op)->tp_free(op);
}

void
_PyFloat_ClearFreeList(void)
{
    PyFloatObject *f = free_list;
    while (f != NULL) {
        PyFloatObject *next = (PyFloatObject *)Py_TYPE(f);
        PyObject_Free(f);
        f = next;
    }
    free_list = NULL;
    numfree = 0;
}

void
_PyFloat_DebugMallocStats(FILE *out)
{
    _PyDebugAllocatorStats(out, "free PyFloatObject", numfree, sizeof(PyFloatObject));
}

double
PyFloat_GetMax(void)
{
    return DBL_MAX;
}

double
PyFloat_GetMin(void)
{
    return DBL_MIN;
}

/* ------------------------------------------------------------------ */
/* Conversions                                                         */
/* ------------------------------------------------------------------ */

/* x.__float__() checked to be a float: new ref or NULL. */
static PyObject *
call_nb_float(PyObject *op, PyNumberMethods *nb)
{
    PyObject *res = nb->nb_float(op);
    if (res == NULL || PyFloat_CheckExact(res))
        return res;
    if (!PyFloat_Check(res)) {
        PyErr_Format(PyExc_TypeError, "%.50s.__float__ returned non-float (type %.50s)",
                     Py_TYPE(op)->tp_name, Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                         "%.50s.__float__ returned non-float (type %.50s).  "
                         "The ability to return an instance of a strict subclass of float "
                         "is deprecated, and may be removed in a future version of Python.",
                         Py_TYPE(op)->tp_name, Py_TYPE(res)->tp_name)) {
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

double
PyFloat_AsDouble(PyObject *op)
{
    if (op == NULL) {
        PyErr_BadArgument();
        return -1.0;
    }
    if (PyFloat_Check(op))
        return PyFloat_AS_DOUBLE(op);
    PyNumberMethods *nb = Py_TYPE(op)->tp_as_number;
    if (nb == NULL || nb->nb_float == NULL) {
        if (nb != NULL && nb->nb_index != NULL) {
            PyObject *res = _PyNumber_Index(op);
            if (res == NULL)
                return -1.0;
            double val = PyLong_AsDouble(res);
            Py_DECREF(res);
            return val;
        }
        PyErr_Format(PyExc_TypeError, "must be real number, not %.50s", Py_TYPE(op)->tp_name);
        return -1.0;
    }
    PyObject *res = call_nb_float(op, nb);
    if (res == NULL)
        return -1.0;
    double val = PyFloat_AS_DOUBLE(res);
    Py_DECREF(res);
    return val;
}

/* int or float operand -> double: 0 ok, 1 other type, -1 error. */
int
_PyFloat_ConvertOperand(PyObject *obj, double *dbl)
{
    if (PyFloat_Check(obj)) {
        *dbl = PyFloat_AS_DOUBLE(obj);
        return 0;
    }
    if (PyLong_Check(obj)) {
        PyLongObject *l = (PyLongObject *)obj;
        if (_PyLong_IsCompact(l)) {
            *dbl = (double)_PyLong_CompactValue(l);
            return 0;
        }
        *dbl = PyLong_AsDouble(obj);
        if (*dbl == -1.0 && PyErr_Occurred())
            return -1;
        return 0;
    }
    return 1;
}

#define CONVERT_TO_DOUBLE(obj, dbl) do { \
        int _rc = _PyFloat_ConvertOperand((obj), &(dbl)); \
        if (_rc < 0) return NULL; \
        if (_rc > 0) Py_RETURN_NOTIMPLEMENTED; \
    } while (0)

/* Strip a str/bytes of whitespace and parse it: new float. */
static PyObject *
float_from_string_inner(const char *s, Py_ssize_t len, PyObject *obj)
{
    const char *last = s + len;
    while (s < last && Py_ISSPACE_ASCII(*s))
        s++;
    if (s == last) {
        PyErr_Format(PyExc_ValueError, "could not convert string to float: %R", obj);
        return NULL;
    }
    while (s < last - 1 && Py_ISSPACE_ASCII(last[-1]))
        last--;
    char *end;
    double x = PyOS_string_to_double(s, &end, NULL);
    if (end != last) {
        PyErr_Format(PyExc_ValueError, "could not convert string to float: %R", obj);
        return NULL;
    }
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    return PyFloat_FromDouble(x);
}

/* Remove underscores (only allowed between digits) before parsing. */
static PyObject *
float_from_string_underscores(const char *s, Py_ssize_t len, PyObject *obj)
{
    if (strchr(s, '_') == NULL)
        return float_from_string_inner(s, len, obj);
    char *dup = PyMem_Malloc((size_t)len + 1);
    if (dup == NULL)
        return PyErr_NoMemory();
    char *end = dup;
    char prev = '\0';
    const char *p;
    const char *last = s + len;
    for (p = s; p < last && *p; p++) {
        if (*p == '_') {
            if (!(prev >= '0' && prev <= '9'))
                goto error;
        }
        else {
            *end++ = *p;
            if (prev == '_' && !(*p >= '0' && *p <= '9'))
                goto error;
        }
        prev = *p;
    }
    if (prev == '_' || p != last)
        goto error;
    *end = '\0';
    PyObject *r = float_from_string_inner(dup, end - dup, obj);
    PyMem_Free(dup);
    return r;
error:
    PyMem_Free(dup);
    PyErr_Format(PyExc_ValueError, "could not convert string to float: %R", obj);
    return NULL;
}

/* float(str or bytes-like): new reference. */
PyObject *
PyFloat_FromString(PyObject *v)
{
    const char *s;
    Py_ssize_t len;
    PyObject *keep = NULL, *result;
    if (PyUnicode_Check(v)) {
        keep = _PyUnicode_TransformDecimalAndSpaceToASCII(v);
        if (keep == NULL)
            return NULL;
        s = PyUnicode_AsUTF8AndSize(keep, &len);
        if (s == NULL) {
            Py_DECREF(keep);
            return NULL;
        }
    }
    else if (PyBytes_Check(v)) {
        s = PyBytes_AS_STRING(v);
        len = PyBytes_GET_SIZE(v);
    }
    else if (PyByteArray_Check(v)) {
        /* copy: the parser wants a NUL-terminated buffer */
        keep = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(v), PyByteArray_GET_SIZE(v));
        if (keep == NULL)
            return NULL;
        s = PyBytes_AS_STRING(keep);
        len = PyBytes_GET_SIZE(keep);
    }
    else if (PyObject_CheckBuffer(v)) {
        Py_buffer view;
        if (PyObject_GetBuffer(v, &view, PyBUF_SIMPLE) < 0)
            return NULL;
        keep = PyBytes_FromStringAndSize(view.buf, view.len);
        PyBuffer_Release(&view);
        if (keep == NULL)
            return NULL;
        s = PyBytes_AS_STRING(keep);
        len = PyBytes_GET_SIZE(keep);
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "float() argument must be a string or a real number, not '%.200s'",
                     Py_TYPE(v)->tp_name);
        return NULL;
    }
    result = float_from_string_underscores(s, len, v);
    Py_XDECREF(keep);
    return result;
}

/* ------------------------------------------------------------------ */
/* Hash                                                                */
/* ------------------------------------------------------------------ */

/* The value modulo 2**61 - 1 (see longobject.c): the significand is fed
   28 bits at a time through Horner's rule, then the residue is rotated by
   the exponent.  NaNs hash by identity (3.10+). */
Py_hash_t
_Py_HashDouble(PyObject *inst, double v)
{
    if (!isfinite(v)) {
        if (isinf(v))
            return v > 0 ? _PyHASH_INF : -_PyHASH_INF;
        return _Py_HashPointer(inst);
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    Py_uhash_t x = 0;
    while (m) {
        x = ((x << 28) & _PyHASH_MODULUS) | x >> (_PyHASH_BITS - 28);
        m *= 268435456.0;   /* 2**28 */
        e -= 28;
        Py_uhash_t y = (Py_uhash_t)m;
        m -= (double)y;
        x += y;
        if (x >= _PyHASH_MODULUS)
            x -= _PyHASH_MODULUS;
    }
    /* multiply by 2**e modulo 2**61 - 1: rotate by e mod 61 */
    e = e >= 0 ? e % _PyHASH_BITS : _PyHASH_BITS - 1 - ((-1 - e) % _PyHASH_BITS);
    x = ((x << e) & _PyHASH_MODULUS) | x >> (_PyHASH_BITS - e);
    x = x * (Py_uhash_t)(Py_hash_t)sign;
    if (x == (Py_uhash_t)-1)
        x = (Py_uhash_t)-2;
    return (Py_hash_t)x;
}

static Py_hash_t
float_hash(PyObject *v)
{
    return _Py_HashDouble(v, PyFloat_AS_DOUBLE(v));
}

/* ------------------------------------------------------------------ */
/* repr and comparison                                                 */
/* ------------------------------------------------------------------ */

static PyObject *
float_repr(PyObject *v)
{
    return _PyFloat_Repr(PyFloat_AS_DOUBLE(v));
}

/* Compare the finite double x with the int w exactly: -1, 0, 1 or -2 on
   error. */
static int
compare_double_long(double x, PyLongObject *w)
{
    if (_PyLong_IsCompact(w)) {
        double j = (double)_PyLong_CompactValue(w);
        return (x > j) - (x < j);
    }
    int xs = x == 0.0 ? 0 : x < 0.0 ? -1 : 1;
    int ws = _PyLong_SignOf(w);
    if (xs != ws)
        return xs < ws ? -1 : 1;
    size_t nbits = _PyLong_NumBits((PyObject *)w);
    if (nbits <= 53) {
        double j = PyLong_AsDouble((PyObject *)w);
        return (x > j) - (x < j);
    }
    int ex;
    (void)frexp(x, &ex);
    if (ex < 0 || (size_t)ex < nbits)
        return -ws;          /* |x| < |w| */
    if ((size_t)ex > nbits)
        return ws;           /* |x| > |w| */
    /* same bit length: compare integer parts, then the fraction */
    double ip;
    double frac = modf(x, &ip);
    PyObject *vv = PyLong_FromDouble(ip);
    if (vv == NULL)
        return -2;
    int c = _PyLong_Compare((PyLongObject *)vv, w);
    Py_DECREF(vv);
    if (c == 0)
        c = (frac > 0.0) - (frac < 0.0);
    return c;
}

static PyObject *
float_richcompare(PyObject *v, PyObject *w, int op)
{
    double i = PyFloat_AS_DOUBLE(v), j;
    int c;
    if (PyFloat_Check(w))
        j = PyFloat_AS_DOUBLE(w);
    else if (PyLong_Check(w)) {
        if (!isfinite(i))
            j = 0.0;   /* inf and nan compare the same with any int */
        else {
            c = compare_double_long(i, (PyLongObject *)w);
            if (c == -2)
                return NULL;
            Py_RETURN_RICHCOMPARE(c, 0, op);
        }
    }
    else
        Py_RETURN_NOTIMPLEMENTED;
    int r;
    switch (op) {
    case Py_EQ: r = i == j; break;
    case Py_NE: r = i != j; break;
    case Py_LT: r = i < j; break;
    case Py_LE: r = i <= j; break;
    case Py_GT: r = i > j; break;
    default: r = i >= j; break;
    }
    return PyBool_FromLong(r);
}

/* ------------------------------------------------------------------ */
/* Arithmetic                                                          */
/* ------------------------------------------------------------------ */

static PyObject *
float_add(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_TO_DOUBLE(v, a);
    CONVERT_TO_DOUBLE(w, b);
    return PyFloat_FromDouble(a + b);
}

static PyObject *
float_sub(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_TO_DOUBLE(v, a);
    CONVERT_TO_DOUBLE(w, b);
    return PyFloat_FromDouble(a - b);
}

static PyObject *
float_mul(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_TO_DOUBLE(v, a);
    CONVERT_TO_DOUBLE(w, b);
    return PyFloat_FromDouble(a * b);
}

static PyObject *
float_div(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_TO_DOUBLE(v, a);
    CONVERT_TO_DOUBLE(w, b);
    if (b == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return PyFloat_FromDouble(a / b);
}

static PyObject *
float_rem(PyObject *v, PyObject *w)
{
    double vx, wx;
    CONVERT_TO_DOUBLE(v, vx);
    CONVERT_TO_DOUBLE(w, wx);
    if (wx == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float modulo");
        return NULL;
    }
    double mod = fmod(vx, wx);
    if (mod) {
        /* the remainder takes the sign of the divisor */
        if ((wx < 0) != (mod < 0))
            mod += wx;
    }
    else
        mod = copysign(0.0, wx);
    return PyFloat_FromDouble(mod);
}

/* floor division and modulo of doubles (wx != 0). */
static void
float_divmod_impl(double vx, double wx, double *floordiv, double *mod)
{
    double m = fmod(vx, wx);
    double div = (vx - m) / wx;
    if (m) {
        if ((wx < 0) != (m < 0)) {
            m += wx;
            div -= 1.0;
        }
    }
    else
        m = copysign(0.0, wx);
    double fd;
    if (div) {
        fd = floor(div);
        if (div - fd > 0.5)
            fd += 1.0;
    }
    else
        fd = copysign(0.0, vx / wx);
    *floordiv = fd;
    *mod = m;
}

static PyObject *
float_divmod(PyObject *v, PyObject *w)
{
    double vx, wx, fd, mod;
    CONVERT_TO_DOUBLE(v, vx);
    CONVERT_TO_DOUBLE(w, wx);
    if (wx == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float divmod()");
        return NULL;
    }
    float_divmod_impl(vx, wx, &fd, &mod);
    PyObject *a = PyFloat_FromDouble(fd);
    if (a == NULL)
        return NULL;
    PyObject *b = PyFloat_FromDouble(mod);
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        Py_DECREF(a);
        Py_DECREF(b);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, a);
    PyTuple_SET_ITEM(t, 1, b);
    return t;
}

static PyObject *
float_floor_div(PyObject *v, PyObject *w)
{
    double vx, wx, fd, mod;
    CONVERT_TO_DOUBLE(v, vx);
    CONVERT_TO_DOUBLE(w, wx);
    if (wx == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float floor division by zero");
        return NULL;
    }
    float_divmod_impl(vx, wx, &fd, &mod);
    return PyFloat_FromDouble(fd);
}

/* An odd integer value?  (|x| < 2**53 is implied by being odd.) */
static int
double_is_odd_integer(double x)
{
    return fmod(fabs(x), 2.0) == 1.0;
}

static PyObject *
float_pow(PyObject *v, PyObject *w, PyObject *z)
{
    double iv, iw, ix;
    int negate_result = 0;
    if (z != Py_None) {
        PyErr_SetString(PyExc_TypeError,
                        "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    CONVERT_TO_DOUBLE(v, iv);
    CONVERT_TO_DOUBLE(w, iw);

    /* The special cases, decided here rather than left to libm. */
    if (iw == 0.0)
        return PyFloat_FromDouble(1.0);          /* x**0 is 1, even nan**0 */
    if (isnan(iv))
        return PyFloat_FromDouble(iv);
    if (isnan(iw))
        return PyFloat_FromDouble(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0)
            return PyFloat_FromDouble(1.0);
        if ((iw > 0.0) == (iv > 1.0))
            return PyFloat_FromDouble(fabs(iw));  /* inf */
        return PyFloat_FromDouble(0.0);
    }
    if (isinf(iv)) {
        int odd = double_is_odd_integer(iw);
        if (iw > 0.0)
            return PyFloat_FromDouble(odd ? iv : fabs(iv));
        return PyFloat_FromDouble(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        int odd = double_is_odd_integer(iw);
        if (iw < 0.0) {
            PyErr_SetString(PyExc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return NULL;
        }
        return PyFloat_FromDouble(odd ? iv : 0.0);
    }
    if (iv < 0.0) {
        if (iw != floor(iw))
            /* a negative number to a fractional power is complex */
            return PyComplex_Type.tp_as_number->nb_power(v, w, z);
        iv = -iv;
        negate_result = double_is_odd_integer(iw);
    }
    if (iv == 1.0)
        return PyFloat_FromDouble(negate_result ? -1.0 : 1.0);
    errno = 0;
    ix = pow(iv, iw);
    if (errno == 0 && isinf(ix))
        errno = ERANGE;
    else if (errno == ERANGE && ix == 0.0)
        errno = 0;                                /* underflow is fine */
    if (negate_result)
        ix = -ix;
    if (errno != 0) {
        PyErr_SetFromErrno(errno == ERANGE ? PyExc_OverflowError : PyExc_ValueError);
        return NULL;
    }
    return PyFloat_FromDouble(ix);
}

static PyObject *
float_neg(PyObject *v)
{
    return PyFloat_FromDouble(-PyFloat_AS_DOUBLE(v));
}

static PyObject *
float_abs(PyObject *v)
{
    return PyFloat_FromDouble(fabs(PyFloat_AS_DOUBLE(v)));
}

static int
float_bool(PyObject *v)
{
    return PyFloat_AS_DOUBLE(v) != 0.0;
}

/* float(self) as an exact float: new reference. */
static PyObject *
float_float(PyObject *v)
{
    if (PyFloat_CheckExact(v))
        return Py_NewRef(v);
    return PyFloat_FromDouble(PyFloat_AS_DOUBLE(v));
}

static PyObject *
float_trunc(PyObject *v)
{
    return PyLong_FromDouble(PyFloat_AS_DOUBLE(v));
}

static PyNumberMethods float_as_number = {
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_rem,
    .nb_divmod = float_divmod,
    .nb_power = float_pow,
    .nb_negative = float_neg,
    .nb_positive = float_float,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_trunc,
    .nb_float = float_float,
    .nb_floor_divide = float_floor_div,
    .nb_true_divide = float_div,
};

/* ------------------------------------------------------------------ */
/* Methods                                                             */
/* ------------------------------------------------------------------ */

static PyObject *
float_is_integer(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    double x = PyFloat_AS_DOUBLE(self);
    if (!isfinite(x))
        Py_RETURN_FALSE;
    return PyBool_FromLong(floor(x) == x);
}

static PyObject *
float_conjugate(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return float_float(self);
}

static PyObject *
float___trunc__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return float_trunc(self);
}

static PyObject *
float___floor__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromDouble(floor(PyFloat_AS_DOUBLE(self)));
}

static PyObject *
float___ceil__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromDouble(ceil(PyFloat_AS_DOUBLE(self)));
}

/* round(x, n) for finite x: the decimal string correctly rounded to n
   places (ties to even, on the exact binary value), read back. */
static PyObject *
double_round(double x, int ndigits)
{
    if (ndigits >= 0) {
        size_t cap = (size_t)ndigits + 330;
        char small[512];
        char *buf = cap <= sizeof small ? small : PyMem_Malloc(cap);
        if (buf == NULL)
            return PyErr_NoMemory();
        snprintf(buf, cap, "%.*f", ndigits, x);
        double r = strtod(buf, NULL);
        if (buf != small)
            PyMem_Free(buf);
        return PyFloat_FromDouble(r);
    }
    /* Negative ndigits: exact integer arithmetic.  x = m * 2**e. */
    int e;
    double m = frexp(x, &e);
    PyObject *num = PyLong_FromDouble(ldexp(m, 53));
    if (num == NULL)
        return NULL;
    e -= 53;
    PyObject *ten = PyLong_FromLong(10), *p = PyLong_FromLong(-ndigits);
    PyObject *scale = NULL, *qr = NULL, *res = NULL, *t;
    if (ten == NULL || p == NULL)
        goto done;
    scale = PyNumber_Power(ten, p, Py_None);        /* 10**-ndigits */
    if (scale == NULL)
        goto done;
    if (e >= 0) {
        t = _PyLong_Lshift(num, (size_t)e);
        if (t == NULL)
            goto done;
        Py_SETREF(num, t);
        qr = _PyLong_DivmodNear(num, scale);
    }
    else {
        PyObject *den = _PyLong_Lshift(scale, (size_t)-e);
        if (den == NULL)
            goto done;
        qr = _PyLong_DivmodNear(num, den);
        Py_DECREF(den);
    }
    if (qr == NULL)
        goto done;
    t = PyNumber_Multiply(PyTuple_GET_ITEM(qr, 0), scale);
    if (t == NULL)
        goto done;
    double r = PyLong_AsDouble(t);
    Py_DECREF(t);
    if (r == -1.0 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_OverflowError, "rounded value too large to represent");
        }
        goto done;
    }
    res = PyFloat_FromDouble(r == 0.0 ? copysign(0.0, x) : r);
done:
    Py_XDECREF(num);
    Py_XDECREF(ten);
    Py_XDECREF(p);
    Py_XDECREF(scale);
    Py_XDECREF(qr);
    return res;
}

static PyObject *
float___round__(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("__round__", nargs, 0, 1))
        return NULL;
    double x = PyFloat_AS_DOUBLE(self);
    if (nargs == 0 || args[0] == Py_None) {
        double rounded = round(x);
        if (fabs(x - rounded) == 0.5)
            rounded = 2.0 * round(x / 2.0);   /* halfway: to even */
        return PyLong_FromDouble(rounded);
    }
    Py_ssize_t ndigits = PyNumber_AsSsize_t(args[0], NULL);
    if (ndigits == -1 && PyErr_Occurred())
        return NULL;
    if (!isfinite(x))
        return PyFloat_FromDouble(x);
    /* beyond these, x rounds to itself or to zero */
    const Py_ssize_t ndigits_max = (Py_ssize_t)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
    const Py_ssize_t ndigits_min = -(Py_ssize_t)((DBL_MAX_EXP + 1) * 0.30103);
    if (ndigits > ndigits_max)
        return PyFloat_FromDouble(x);
    if (ndigits < ndigits_min)
        return PyFloat_FromDouble(0.0 * x);
    return double_round(x, (int)ndigits);
}

static PyObject *
float_as_integer_ratio(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    double x = PyFloat_AS_DOUBLE(self);
    if (isinf(x)) {
        PyErr_SetString(PyExc_OverflowError, "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(x)) {
        PyErr_SetString(PyExc_ValueError, "cannot convert NaN to integer ratio");
        return NULL;
    }
    int e;
    double m = frexp(x, &e);
    /* make the significand an odd integer (or zero) */
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    PyObject *num = PyLong_FromDouble(m);
    if (num == NULL)
        return NULL;
    PyObject *den = _PyLong_GetOne();
    PyObject *t;
    if (e > 0) {
        t = _PyLong_Lshift(num, (size_t)e);
        Py_DECREF(num);
        if (t == NULL)
            return NULL;
        num = t;
        den = Py_NewRef(den);
    }
    else {
        den = _PyLong_Lshift(den, (size_t)-e);
        if (den == NULL) {
            Py_DECREF(num);
            return NULL;
        }
    }
    t = PyTuple_Pack(2, num, den);
    Py_DECREF(num);
    Py_DECREF(den);
    return t;
}

static PyObject *
float_hex(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    double x = PyFloat_AS_DOUBLE(self);
    if (!isfinite(x))
        return float_repr(self);
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    int negative = (int)(bits >> 63);
    uint64_t mant = bits & (((uint64_t)1 << 52) - 1);
    int bexp = (int)((bits >> 52) & 0x7ff);
    char buf[40];
    if (bexp == 0 && mant == 0)
        return PyUnicode_FromString(negative ? "-0x0.0p+0" : "0x0.0p+0");
    int lead = bexp == 0 ? 0 : 1;
    int e = bexp == 0 ? -1022 : bexp - 1023;
    char *p = buf;
    if (negative)
        *p++ = '-';
    *p++ = '0';
    *p++ = 'x';
    *p++ = (char)('0' + lead);
    *p++ = '.';
    for (int i = 12; i >= 0; i--)
        *p++ = "0123456789abcdef"[(mant >> (4 * i)) & 0xf];
    snprintf(p, sizeof buf - (size_t)(p - buf), "p%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    return PyUnicode_FromString(buf);
}

static int
hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* float.fromhex(string): parse [sign][0x]h*[.h*][p[sign]d+], rounding
   half to even to the precision available at the value's exponent. */
static PyObject *
float_fromhex(PyObject *type, PyObject *string)
{
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(string, &len);
    if (s == NULL)
        return NULL;
    const char *end = s + len;
    double x;
    char *endp;
    while (s < end && Py_ISSPACE_ASCII(*s))
        s++;
    x = _Py_parse_inf_or_nan(s, &endp);
    if (endp != s) {
        s = endp;
        goto finished;
    }
    int negative = 0;
    if (*s == '-') {
        negative = 1;
        s++;
    }
    else if (*s == '+')
        s++;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        s += 2;
    /* digits */
    const char *int_start = s;
    while (hex_value(*s) >= 0)
        s++;
    const char *int_end = s;
    const char *frac_start = NULL, *frac_end = NULL;
    if (*s == '.') {
        s++;
        frac_start = s;
        while (hex_value(*s) >= 0)
            s++;
        frac_end = s;
    }
    Py_ssize_t nint = int_end - int_start;
    Py_ssize_t nfrac = frac_start ? frac_end - frac_start : 0;
    if (nint + nfrac == 0)
        goto parse_error;
    long long exp = 0;
    if (*s == 'p' || *s == 'P') {
        s++;
        int eneg = 0;
        if (*s == '-') {
            eneg = 1;
            s++;
        }
        else if (*s == '+')
            s++;
        if (!(*s >= '0' && *s <= '9'))
            goto parse_error;
        while (*s >= '0' && *s <= '9') {
            if (exp < 1000000000000LL)
                exp = exp * 10 + (*s - '0');
            s++;
        }
        if (eneg)
            exp = -exp;
    }
    {
        /* the digit sequence, integer then fraction */
        Py_ssize_t ndig = nint + nfrac;
#define HEXDIGIT(i) hex_value((i) < nint ? int_start[(i)] : frac_start[(i) - nint])
        Py_ssize_t top = 0;
        while (top < ndig && HEXDIGIT(top) == 0)
            top++;
        if (top == ndig) {
            x = negative ? -0.0 : 0.0;
            goto finished;
        }
        int d0 = HEXDIGIT(top);
        int d0bits = _PyLong_DigitBits((digit)d0);
        /* value = 0.1xxx * 2**E */
        long long E = 4 * (long long)(nint - top - 1) + d0bits + exp;
        if (E > DBL_MAX_EXP)
            goto overflow;
        if (E < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
            x = negative ? -0.0 : 0.0;
            goto finished;
        }
        /* bits of precision available at this exponent */
        int prec = E >= DBL_MIN_EXP ? DBL_MANT_DIG : (int)(E - (DBL_MIN_EXP - DBL_MANT_DIG));
        /* gather up to 64 significant bits plus a sticky flag */
        uint64_t acc = (uint64_t)d0;
        int accbits = d0bits;
        Py_ssize_t i = top + 1;
        for (; i < ndig && accbits + 4 <= 64; i++) {
            acc = (acc << 4) | (uint64_t)HEXDIGIT(i);
            accbits += 4;
        }
        int sticky = 0;
        for (; i < ndig; i++)
            if (HEXDIGIT(i) != 0) {
                sticky = 1;
                break;
            }
#undef HEXDIGIT
        uint64_t q;
        if (prec <= 0) {
            /* below half the smallest subnormal, or exactly at it */
            int above_half = prec == 0 && (acc != ((uint64_t)1 << (accbits - 1)) || sticky);
            x = above_half ? ldexp(1.0, DBL_MIN_EXP - DBL_MANT_DIG) : 0.0;
            if (negative)
                x = -x;
            goto finished;
        }
        int shift = accbits - prec;
        if (shift > 0) {
            q = acc >> shift;
            uint64_t rem = acc & (((uint64_t)1 << shift) - 1);
            uint64_t half = (uint64_t)1 << (shift - 1);
            if (rem > half || (rem == half && (sticky || (q & 1))))
                q++;
        }
        else
            q = acc << (-shift);
        x = ldexp((double)q, (int)(E - prec));
        if (isinf(x))
            goto overflow;
        if (negative)
            x = -x;
    }
finished:
    while (s < end && Py_ISSPACE_ASCII(*s))
        s++;
    if (s != end)
        goto parse_error;
    {
        PyObject *result = PyFloat_FromDouble(x);
        if (result != NULL && type != (PyObject *)&PyFloat_Type)
            Py_SETREF(result, PyObject_CallOneArg(type, result));
        return result;
    }
overflow:
    PyErr_SetString(PyExc_OverflowError, "hexadecimal value too large to represent as a float");
    return NULL;
parse_error:
    PyErr_SetString(PyExc_ValueError, "invalid hexadecimal floating-point string");
    return NULL;
}

static PyObject *
float_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_BuildValue("(d)", PyFloat_AS_DOUBLE(self));
}

static PyObject *
float_getformat(PyObject *type, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "__getformat__() argument must be str, not %.50s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    if (!_PyUnicode_EqualToASCIIString(arg, "double") &&
        !_PyUnicode_EqualToASCIIString(arg, "float")) {
        PyErr_SetString(PyExc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
        return NULL;
    }
    return PyUnicode_FromString("IEEE, little-endian");
}

static PyObject *
float___format__(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.200s",
                     Py_TYPE(spec)->tp_name);
        return NULL;
    }
    return _PyFloat_FormatAdvanced(self, spec);
}

static PyMethodDef float_methods[] = {
    {"conjugate", float_conjugate, METH_NOARGS, DOC_float_conjugate},
    {"__trunc__", float___trunc__, METH_NOARGS, DOC_float_trunc},
    {"__floor__", float___floor__, METH_NOARGS, DOC_float_floor},
    {"__ceil__", float___ceil__, METH_NOARGS, DOC_float_ceil},
    {"__round__", (PyCFunction)(void (*)(void))float___round__, METH_FASTCALL, DOC_float_round},
    {"as_integer_ratio", float_as_integer_ratio, METH_NOARGS, DOC_float_as_integer_ratio},
    {"fromhex", float_fromhex, METH_O | METH_CLASS, DOC_float_fromhex},
    {"hex", float_hex, METH_NOARGS, DOC_float_hex},
    {"is_integer", float_is_integer, METH_NOARGS, DOC_float_is_integer},
    {"__getnewargs__", float_getnewargs, METH_NOARGS, DOC_float_getnewargs},
    {"__getformat__", float_getformat, METH_O | METH_CLASS, DOC_float_getformat},
    {"__format__", float___format__, METH_O, DOC_float_format},
    {NULL, NULL, 0, NULL}
};

static PyObject *
float_get_real(PyObject *self, void *Py_UNUSED(c))
{
    return float_float(self);
}

static PyObject *
float_get_imag(PyObject *self, void *Py_UNUSED(c))
{
    return PyFloat_FromDouble(0.0);
}

static PyGetSetDef float_getset[] = {
    {"real", float_get_real, NULL, DOC_float_real, NULL},
    {"imag", float_get_imag, NULL, DOC_float_imag, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

/* ------------------------------------------------------------------ */
/* float()                                                             */
/* ------------------------------------------------------------------ */

static PyObject *
float_new_impl(PyObject *x)
{
    if (x == NULL)
        return PyFloat_FromDouble(0.0);
    if (PyUnicode_CheckExact(x))
        return PyFloat_FromString(x);
    return PyNumber_Float(x);
}

static PyObject *
float_subtype_new(PyTypeObject *type, PyObject *x)
{
    PyObject *tmp = float_new_impl(x);
    if (tmp == NULL)
        return NULL;
    PyObject *newobj = type->tp_alloc(type, 0);
    if (newobj == NULL) {
        Py_DECREF(tmp);
        return NULL;
    }
    ((PyFloatObject *)newobj)->ob_fval = PyFloat_AS_DOUBLE(tmp);
    Py_DECREF(tmp);
    return newobj;
}

static PyObject *
float_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if ((type == &PyFloat_Type) && kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    if (type != &PyFloat_Type && kwds != NULL && PyDict_GET_SIZE(kwds) != 0 &&
        type->tp_init == PyFloat_Type.tp_init) {
        PyErr_SetString(PyExc_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (!_PyArg_CheckPositional("float", nargs, 0, 1))
        return NULL;
    PyObject *x = nargs ? PyTuple_GET_ITEM(args, 0) : NULL;
    if (type != &PyFloat_Type)
        return float_subtype_new(type, x);
    return float_new_impl(x);
}

static PyObject *
float_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (type != (PyObject *)&PyFloat_Type)
        return _PyObject_MakeTpCall(type, args, nargs, kwnames);
    if (!_PyArg_NoKwnames("float", kwnames))
        return NULL;
    if (!_PyArg_CheckPositional("float", nargs, 0, 1))
        return NULL;
    return float_new_impl(nargs ? args[0] : NULL);
}

PyTypeObject PyFloat_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "float",
    .tp_basicsize = sizeof(PyFloatObject),
    .tp_dealloc = float_dealloc,
    .tp_repr = float_repr,
    .tp_as_number = &float_as_number,
    .tp_hash = float_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF |
                Py_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = DOC_float_type,
    .tp_richcompare = float_richcompare,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_new = float_new,
    .tp_free = PyObject_Free,
    .tp_vectorcall = float_vectorcall,
};

/* ------------------------------------------------------------------ */
/* IEEE packing (struct, marshal, pickle)                              */
/* ------------------------------------------------------------------ */

static void
store_bytes(char *p, const unsigned char *src, int n, int le)
{
    for (int i = 0; i < n; i++)
        p[le ? i : n - 1 - i] = (char)src[i];
}

static void
load_bytes(unsigned char *dst, const char *p, int n, int le)
{
    for (int i = 0; i < n; i++)
        dst[i] = (unsigned char)p[le ? i : n - 1 - i];
}

int
PyFloat_Pack8(double x, char *p, int le)
{
    unsigned char b[8];
    memcpy(b, &x, 8);
    store_bytes(p, b, 8, le);
    return 0;
}

int
PyFloat_Pack4(double x, char *p, int le)
{
    float y = (float)x;
    if (isinf(y) && !isinf(x)) {
        PyErr_SetString(PyExc_OverflowError, "float too large to pack with f format");
        return -1;
    }
    unsigned char b[4];
    memcpy(b, &y, 4);
    store_bytes(p, b, 4, le);
    return 0;
}

int
PyFloat_Pack2(double x, char *p, int le)
{
    unsigned short bits;
    int sign = signbit(x) ? 1 : 0;
    if (isnan(x))
        bits = 0x7e00;
    else if (isinf(x))
        bits = 0x7c00;
    else {
        double ax = fabs(x);
        if (ax == 0.0)
            bits = 0;
        else {
            int e;
            double f = frexp(ax, &e);   /* 0.5 <= f < 1 */
            e -= 1;                      /* ax = 2f * 2**e, 1 <= 2f < 2 */
            if (e < -14) {
                /* subnormal: units of 2**-24, round half even */
                double u = ldexp(ax, 24);
                double r = nearbyint(u);
                bits = (unsigned short)r;   /* may round up into the normals */
            }
            else {
                double m = ldexp(2.0 * f - 1.0, 10);   /* 10 fraction bits */
                double r = nearbyint(m);
                unsigned int mi = (unsigned int)r;
                if (mi == 1024) {
                    mi = 0;
                    e++;
                }
                if (e > 15) {
                    PyErr_SetString(PyExc_OverflowError, "float too large to pack with e format");
                    return -1;
                }
                bits = (unsigned short)(((unsigned)(e + 15) << 10) | mi);
            }
        }
    }
    bits |= (unsigned short)(sign << 15);
    unsigned char b[2] = {(unsigned char)(bits & 0xff), (unsigned char)(bits >> 8)};
    store_bytes(p, b, 2, le);
    return 0;
}

double
PyFloat_Unpack8(const char *p, int le)
{
    unsigned char b[8];
    double x;
    load_bytes(b, p, 8, le);
    memcpy(&x, b, 8);
    return x;
}

double
PyFloat_Unpack4(const char *p, int le)
{
    unsigned char b[4];
    float y;
    load_bytes(b, p, 4, le);
    memcpy(&y, b, 4);
    return y;
}

double
PyFloat_Unpack2(const char *p, int le)
{
    unsigned char b[2];
    load_bytes(b, p, 2, le);
    unsigned int bits = (unsigned int)b[0] | ((unsigned int)b[1] << 8);
    int sign = (bits >> 15) & 1;
    int e = (bits >> 10) & 0x1f;
    unsigned int f = bits & 0x3ff;
    double x;
    if (e == 0x1f)
        x = f ? NAN : HUGE_VAL;
    else if (e == 0)
        x = ldexp((double)f, -24);
    else
        x = ldexp((double)(f | 0x400), e - 25);
    return sign ? -x : x;
}
