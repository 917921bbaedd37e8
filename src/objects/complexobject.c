/* complexobject.c -- the complex type: two doubles.
 *
 * The arithmetic is CPython's, operation for operation, so results agree
 * to the last bit: division is Smith's algorithm (scale by the larger
 * component of the divisor), small integral exponents (|n| <= 100) use
 * repeated squaring and everything else goes through polar form.  Errors
 * travel through errno like in CPython (EDOM: zero to a negative or
 * complex power / division by zero; ERANGE: overflow).
 */
#include "pycore.h"
#include "rp_object.h"
#include "long_internal.h"
#include "number_docs.h"
#include <math.h>
#include <errno.h>

static const Py_complex c_1 = {1.0, 0.0};

Py_complex
_Py_c_sum(Py_complex a, Py_complex b)
{
    Py_complex r = {a.real + b.real, a.imag + b.imag};
    return r;
}

Py_complex
_Py_c_diff(Py_complex a, Py_complex b)
{
    Py_complex r = {a.real - b.real, a.imag - b.imag};
    return r;
}

Py_complex
_Py_c_neg(Py_complex a)
{
    Py_complex r = {-a.real, -a.imag};
    return r;
}

Py_complex
_Py_c_prod(Py_complex a, Py_complex b)
{
    Py_complex r;
    r.real = a.real * b.real - a.imag * b.imag;
    r.imag = a.real * b.imag + a.imag * b.real;
    return r;
}

Py_complex
_Py_c_quot(Py_complex a, Py_complex b)
{
    Py_complex r;
    double abr = fabs(b.real), abi = fabs(b.imag);
    if (abr >= abi) {
        if (abr == 0.0) {
            errno = EDOM;
            r.real = r.imag = 0.0;
        }
        else {
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    }
    else if (abi >= abr) {
        double ratio = b.real / b.imag;
        double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    }
    else {
        /* a NaN in the divisor */
        r.real = r.imag = NAN;
    }
    return r;
}

Py_complex
_Py_c_pow(Py_complex a, Py_complex b)
{
    Py_complex r;
    if (b.real == 0.0 && b.imag == 0.0) {
        r.real = 1.0;
        r.imag = 0.0;
    }
    else if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0)
            errno = EDOM;
        r.real = 0.0;
        r.imag = 0.0;
    }
    else {
        double vabs = hypot(a.real, a.imag);
        double len = pow(vabs, b.real);
        double at = atan2(a.imag, a.real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            len /= exp(at * b.imag);
            phase += b.imag * log(vabs);
        }
        r.real = len * cos(phase);
        r.imag = len * sin(phase);
    }
    return r;
}

/* x ** n for n >= 0 by repeated squaring. */
static Py_complex
c_powu(Py_complex x, long n)
{
    Py_complex r = c_1, p = x;
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask)
            r = _Py_c_prod(r, p);
        mask <<= 1;
        p = _Py_c_prod(p, p);
    }
    return r;
}

static Py_complex
c_powi(Py_complex x, long n)
{
    if (n > 0)
        return c_powu(x, n);
    return _Py_c_quot(c_1, c_powu(x, -n));
}

double
_Py_c_abs(Py_complex z)
{
    if (!isfinite(z.real) || !isfinite(z.imag)) {
        /* an infinite part wins over a NaN (C99) */
        if (isinf(z.real)) {
            errno = 0;
            return fabs(z.real);
        }
        if (isinf(z.imag)) {
            errno = 0;
            return fabs(z.imag);
        }
        return NAN;
    }
    double result = hypot(z.real, z.imag);
    errno = isfinite(result) ? 0 : ERANGE;
    return result;
}

/* ------------------------------------------------------------------ */
/* Construction and conversion                                         */
/* ------------------------------------------------------------------ */

static PyObject *
complex_subtype_from_c_complex(PyTypeObject *type, Py_complex cval)
{
    PyObject *op = type->tp_alloc(type, 0);
    if (op != NULL)
        ((PyComplexObject *)op)->cval = cval;
    return op;
}

/* New reference. */
PyObject *
PyComplex_FromCComplex(Py_complex cval)
{
    PyComplexObject *op = (PyComplexObject *)PyObject_Malloc(sizeof(PyComplexObject));
    if (op == NULL)
        return PyErr_NoMemory();
    _PyObject_Init((PyObject *)op, &PyComplex_Type);
    op->cval = cval;
    return (PyObject *)op;
}

/* New reference. */
PyObject *
PyComplex_FromDoubles(double real, double imag)
{
    Py_complex c = {real, imag};
    return PyComplex_FromCComplex(c);
}

static PyObject *
complex_subtype_from_doubles(PyTypeObject *type, double real, double imag)
{
    Py_complex c = {real, imag};
    if (type == &PyComplex_Type)
        return PyComplex_FromCComplex(c);
    return complex_subtype_from_c_complex(type, c);
}

/* op.__complex__() if defined: new ref; NULL with no error when absent. */
static PyObject *
try_complex_special_method(PyObject *op)
{
    PyObject *f = _PyAbstract_LookupSpecial(op, _Py_ID(__complex__));
    if (f == NULL)
        return NULL;
    PyObject *res = PyObject_CallNoArgs(f);
    Py_DECREF(f);
    if (res == NULL || PyComplex_CheckExact(res))
        return res;
    if (!PyComplex_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__complex__ returned non-complex (type %.200s)",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                         "__complex__ returned non-complex (type %.200s).  "
                         "The ability to return an instance of a strict subclass of complex "
                         "is deprecated, and may be removed in a future version of Python.",
                         Py_TYPE(res)->tp_name)) {
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

double
PyComplex_RealAsDouble(PyObject *op)
{
    if (PyComplex_Check(op))
        return ((PyComplexObject *)op)->cval.real;
    return PyFloat_AsDouble(op);
}

double
PyComplex_ImagAsDouble(PyObject *op)
{
    if (PyComplex_Check(op))
        return ((PyComplexObject *)op)->cval.imag;
    return 0.0;
}

Py_complex
PyComplex_AsCComplex(PyObject *op)
{
    Py_complex cv = {-1.0, 0.0};
    if (PyComplex_Check(op))
        return ((PyComplexObject *)op)->cval;
    PyObject *newop = try_complex_special_method(op);
    if (newop != NULL) {
        cv = ((PyComplexObject *)newop)->cval;
        Py_DECREF(newop);
        return cv;
    }
    if (PyErr_Occurred())
        return cv;
    cv.real = PyFloat_AsDouble(op);
    return cv;
}

/* Operand -> C complex: 0 ok, 1 not a number we take, -1 error. */
static int
to_complex(PyObject *obj, Py_complex *pc)
{
    if (PyComplex_Check(obj)) {
        *pc = ((PyComplexObject *)obj)->cval;
        return 0;
    }
    pc->imag = 0.0;
    if (PyLong_Check(obj)) {
        pc->real = PyLong_AsDouble(obj);
        if (pc->real == -1.0 && PyErr_Occurred())
            return -1;
        return 0;
    }
    if (PyFloat_Check(obj)) {
        pc->real = PyFloat_AS_DOUBLE(obj);
        return 0;
    }
    return 1;
}

#define TO_COMPLEX(obj, c) do { \
        int _rc = to_complex((obj), &(c)); \
        if (_rc < 0) return NULL; \
        if (_rc > 0) Py_RETURN_NOTIMPLEMENTED; \
    } while (0)

/* ------------------------------------------------------------------ */
/* Slots                                                               */
/* ------------------------------------------------------------------ */

static void
complex_dealloc(PyObject *op)
{
    Py_TYPE(op)->tp_free(op);
}

static PyObject *
complex_repr(PyObject *op)
{
    Py_complex c = ((PyComplexObject *)op)->cval;
    char *re = NULL, *im = NULL;
    PyObject *result = NULL;
    if (c.real == 0.0 && copysign(1.0, c.real) == 1.0) {
        /* +0 real part: just the imaginary part, no parentheses */
        im = PyOS_double_to_string(c.imag, 'r', 0, 0, NULL);
        if (im == NULL)
            return NULL;
        result = PyUnicode_FromFormat("%sj", im);
    }
    else {
        re = PyOS_double_to_string(c.real, 'r', 0, 0, NULL);
        if (re == NULL)
            return NULL;
        im = PyOS_double_to_string(c.imag, 'r', 0, Py_DTSF_SIGN, NULL);
        if (im == NULL) {
            PyMem_Free(re);
            return NULL;
        }
        result = PyUnicode_FromFormat("(%s%sj)", re, im);
    }
    PyMem_Free(re);
    PyMem_Free(im);
    return result;
}

static Py_hash_t
complex_hash(PyObject *op)
{
    Py_complex c = ((PyComplexObject *)op)->cval;
    Py_uhash_t hashreal = (Py_uhash_t)_Py_HashDouble(op, c.real);
    if (hashreal == (Py_uhash_t)-1)
        return -1;
    Py_uhash_t hashimag = (Py_uhash_t)_Py_HashDouble(op, c.imag);
    if (hashimag == (Py_uhash_t)-1)
        return -1;
    Py_uhash_t combined = hashreal + _PyHASH_IMAG * hashimag;
    if (combined == (Py_uhash_t)-1)
        combined = (Py_uhash_t)-2;
    return (Py_hash_t)combined;
}

static PyObject *
complex_richcompare(PyObject *v, PyObject *w, int op)
{
    if (op != Py_EQ && op != Py_NE)
        Py_RETURN_NOTIMPLEMENTED;
    Py_complex i = ((PyComplexObject *)v)->cval;
    int equal;
    if (PyLong_Check(w)) {
        if (i.imag == 0.0) {
            /* compare the real part exactly, as float == int does */
            PyObject *j = PyFloat_FromDouble(i.real);
            if (j == NULL)
                return NULL;
            PyObject *r = PyObject_RichCompare(j, w, op);
            Py_DECREF(j);
            return r;
        }
        equal = 0;
    }
    else if (PyFloat_Check(w))
        equal = i.real == PyFloat_AS_DOUBLE(w) && i.imag == 0.0;
    else if (PyComplex_Check(w)) {
        Py_complex j = ((PyComplexObject *)w)->cval;
        equal = i.real == j.real && i.imag == j.imag;
    }
    else
        Py_RETURN_NOTIMPLEMENTED;
    return PyBool_FromLong(equal == (op == Py_EQ));
}

static PyObject *
complex_add(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    return PyComplex_FromCComplex(_Py_c_sum(a, b));
}

static PyObject *
complex_sub(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    return PyComplex_FromCComplex(_Py_c_diff(a, b));
}

static PyObject *
complex_mul(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    return PyComplex_FromCComplex(_Py_c_prod(a, b));
}

static PyObject *
complex_div(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    errno = 0;
    Py_complex q = _Py_c_quot(a, b);
    if (errno == EDOM) {
        PyErr_SetString(PyExc_ZeroDivisionError, "complex division by zero");
        return NULL;
    }
    return PyComplex_FromCComplex(q);
}

static PyObject *
complex_pow(PyObject *v, PyObject *w, PyObject *z)
{
    Py_complex a, b, p;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    if (z != Py_None) {
        PyErr_SetString(PyExc_ValueError, "complex modulo");
        return NULL;
    }
    errno = 0;
    /* small integral exponents: repeated squaring, faster and closer */
    if (b.imag == 0.0 && b.real == floor(b.real) && fabs(b.real) <= 100.0)
        p = c_powi(a, (long)b.real);
    else
        p = _Py_c_pow(a, b);
    if (isinf(p.real) || isinf(p.imag)) {
        if (errno == 0)
            errno = ERANGE;
    }
    else if (errno == ERANGE)
        errno = 0;
    if (errno == EDOM) {
        PyErr_SetString(PyExc_ZeroDivisionError, "0.0 to a negative or complex power");
        return NULL;
    }
    if (errno == ERANGE) {
        PyErr_SetString(PyExc_OverflowError, "complex exponentiation");
        return NULL;
    }
    return PyComplex_FromCComplex(p);
}

static PyObject *
complex_neg(PyObject *v)
{
    return PyComplex_FromCComplex(_Py_c_neg(((PyComplexObject *)v)->cval));
}

static PyObject *
complex_pos(PyObject *v)
{
    if (PyComplex_CheckExact(v))
        return Py_NewRef(v);
    return PyComplex_FromCComplex(((PyComplexObject *)v)->cval);
}

static PyObject *
complex_abs(PyObject *v)
{
    errno = 0;
    double r = _Py_c_abs(((PyComplexObject *)v)->cval);
    if (errno == ERANGE) {
        PyErr_SetString(PyExc_OverflowError, "absolute value too large");
        return NULL;
    }
    return PyFloat_FromDouble(r);
}

static int
complex_bool(PyObject *v)
{
    Py_complex c = ((PyComplexObject *)v)->cval;
    return c.real != 0.0 || c.imag != 0.0;
}

static PyNumberMethods complex_as_number = {
    .nb_add = complex_add,
    .nb_subtract = complex_sub,
    .nb_multiply = complex_mul,
    .nb_power = complex_pow,
    .nb_negative = complex_neg,
    .nb_positive = complex_pos,
    .nb_absolute = complex_abs,
    .nb_bool = complex_bool,
    .nb_true_divide = complex_div,
};

/* ------------------------------------------------------------------ */
/* Methods                                                             */
/* ------------------------------------------------------------------ */

static PyObject *
complex_conjugate(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_complex c = ((PyComplexObject *)self)->cval;
    c.imag = -c.imag;
    return PyComplex_FromCComplex(c);
}

static PyObject *
complex_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_complex c = ((PyComplexObject *)self)->cval;
    return Py_BuildValue("(dd)", c.real, c.imag);
}

static PyObject *
complex___complex__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (PyComplex_CheckExact(self))
        return Py_NewRef(self);
    return PyComplex_FromCComplex(((PyComplexObject *)self)->cval);
}

static PyObject *
complex___format__(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.200s",
                     Py_TYPE(spec)->tp_name);
        return NULL;
    }
    return _PyComplex_FormatAdvanced(self, spec);
}

static PyMethodDef complex_methods[] = {
    {"conjugate", complex_conjugate, METH_NOARGS, DOC_complex_conjugate},
    {"__complex__", complex___complex__, METH_NOARGS, DOC_complex_complex},
    {"__getnewargs__", complex_getnewargs, METH_NOARGS, DOC_complex_getnewargs},
    {"__format__", complex___format__, METH_O, DOC_complex_format},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef complex_members[] = {
    {"real", Py_T_DOUBLE, offsetof(PyComplexObject, cval.real), Py_READONLY, DOC_complex_real},
    {"imag", Py_T_DOUBLE, offsetof(PyComplexObject, cval.imag), Py_READONLY, DOC_complex_imag},
    {NULL, 0, 0, 0, NULL}
};

/* ------------------------------------------------------------------ */
/* complex()                                                           */
/* ------------------------------------------------------------------ */

/* Parse <float>, <float>j, <float><signed-float>j (plus the legacy
   <float><sign>j, <sign>j and j), optionally in parentheses. */
static PyObject *
complex_from_string_inner(const char *s, Py_ssize_t len, PyTypeObject *type)
{
    double x = 0.0, y = 0.0, z;
    int got_bracket = 0;
    const char *start = s;
    char *end;
    while (Py_ISSPACE_ASCII(*s))
        s++;
    if (*s == '(') {
        got_bracket = 1;
        s++;
        while (Py_ISSPACE_ASCII(*s))
            s++;
    }
    z = PyOS_string_to_double(s, &end, NULL);
    if (z == -1.0 && PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_ValueError))
            return NULL;
        PyErr_Clear();
    }
    if (end != s) {
        s = end;
        if (*s == '+' || *s == '-') {
            x = z;
            y = PyOS_string_to_double(s, &end, NULL);
            if (y == -1.0 && PyErr_Occurred()) {
                if (!PyErr_ExceptionMatches(PyExc_ValueError))
                    return NULL;
                PyErr_Clear();
            }
            if (end != s)
                s = end;
            else {
                y = *s == '+' ? 1.0 : -1.0;
                s++;
            }
            if (!(*s == 'j' || *s == 'J'))
                goto parse_error;
            s++;
        }
        else if (*s == 'j' || *s == 'J') {
            s++;
            y = z;
        }
        else
            x = z;
    }
    else {
        if (*s == '+' || *s == '-') {
            y = *s == '+' ? 1.0 : -1.0;
            s++;
        }
        else
            y = 1.0;
        if (!(*s == 'j' || *s == 'J'))
            goto parse_error;
        s++;
    }
    while (Py_ISSPACE_ASCII(*s))
        s++;
    if (got_bracket) {
        if (*s != ')')
            goto parse_error;
        s++;
        while (Py_ISSPACE_ASCII(*s))
            s++;
    }
    if (s - start != len)
        goto parse_error;
    return complex_subtype_from_doubles(type, x, y);
parse_error:
    PyErr_SetString(PyExc_ValueError, "complex() arg is a malformed string");
    return NULL;
}

static PyObject *
complex_subtype_from_string(PyTypeObject *type, PyObject *v)
{
    PyObject *buf = _PyUnicode_TransformDecimalAndSpaceToASCII(v);
    if (buf == NULL)
        return NULL;
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(buf, &len);
    if (s == NULL) {
        Py_DECREF(buf);
        return NULL;
    }
    PyObject *result;
    if (strchr(s, '_') == NULL)
        result = complex_from_string_inner(s, len, type);
    else {
        /* underscores only between digits */
        char *dup = PyMem_Malloc((size_t)len + 1);
        if (dup == NULL) {
            Py_DECREF(buf);
            return PyErr_NoMemory();
        }
        char *end = dup, prev = '\0';
        const char *p;
        int bad = 0;
        for (p = s; *p; p++) {
            if (*p == '_') {
                if (!(prev >= '0' && prev <= '9')) {
                    bad = 1;
                    break;
                }
            }
            else {
                *end++ = *p;
                if (prev == '_' && !(*p >= '0' && *p <= '9')) {
                    bad = 1;
                    break;
                }
            }
            prev = *p;
        }
        if (!bad && (prev == '_' || p != s + len))
            bad = 1;
        if (bad) {
            PyMem_Free(dup);
            Py_DECREF(buf);
            PyErr_Format(PyExc_ValueError, "could not convert string to complex: %R", v);
            return NULL;
        }
        *end = '\0';
        result = complex_from_string_inner(dup, end - dup, type);
        PyMem_Free(dup);
    }
    Py_DECREF(buf);
    return result;
}

static PyObject *
complex_new_impl(PyTypeObject *type, PyObject *r, PyObject *i)
{
    PyObject *tmp;
    PyNumberMethods *nbr, *nbi;
    Py_complex cr, ci;
    int own_r = 0, cr_is_complex = 0, ci_is_complex = 0;

    if (r == NULL)
        r = _PyLong_GetZero();
    if (PyComplex_CheckExact(r) && i == NULL && type == &PyComplex_Type)
        return Py_NewRef(r);
    if (PyUnicode_Check(r)) {
        if (i != NULL) {
            PyErr_SetString(PyExc_TypeError,
                            "complex() can't take second arg if first is a string");
            return NULL;
        }
        return complex_subtype_from_string(type, r);
    }
    if (i != NULL && PyUnicode_Check(i)) {
        PyErr_SetString(PyExc_TypeError, "complex() second arg can't be a string");
        return NULL;
    }
    tmp = try_complex_special_method(r);
    if (tmp != NULL) {
        r = tmp;
        own_r = 1;
    }
    else if (PyErr_Occurred())
        return NULL;

    nbr = Py_TYPE(r)->tp_as_number;
    if (nbr == NULL || (nbr->nb_float == NULL && nbr->nb_index == NULL && !PyComplex_Check(r))) {
        PyErr_Format(PyExc_TypeError,
                     "complex() first argument must be a string or a number, not '%.200s'",
                     Py_TYPE(r)->tp_name);
        if (own_r)
            Py_DECREF(r);
        return NULL;
    }
    if (i != NULL) {
        nbi = Py_TYPE(i)->tp_as_number;
        if (nbi == NULL || (nbi->nb_float == NULL && nbi->nb_index == NULL && !PyComplex_Check(i))) {
            PyErr_Format(PyExc_TypeError,
                         "complex() second argument must be a number, not '%.200s'",
                         Py_TYPE(i)->tp_name);
            if (own_r)
                Py_DECREF(r);
            return NULL;
        }
    }
    if (PyComplex_Check(r)) {
        cr = ((PyComplexObject *)r)->cval;
        cr_is_complex = 1;
        if (own_r)
            Py_DECREF(r);
    }
    else {
        tmp = PyNumber_Float(r);
        if (own_r)
            Py_DECREF(r);
        if (tmp == NULL)
            return NULL;
        cr.real = PyFloat_AS_DOUBLE(tmp);
        cr.imag = 0.0;
        Py_DECREF(tmp);
    }
    if (i == NULL)
        ci.real = cr.imag;
    else if (PyComplex_Check(i)) {
        ci = ((PyComplexObject *)i)->cval;
        ci_is_complex = 1;
    }
    else {
        tmp = PyNumber_Float(i);
        if (tmp == NULL)
            return NULL;
        ci.real = PyFloat_AS_DOUBLE(tmp);
        Py_DECREF(tmp);
    }
    /* (a+bj) + (c+dj)*1j == (a-d) + (b+c)j */
    if (ci_is_complex)
        cr.real -= ci.imag;
    if (cr_is_complex && i != NULL)
        ci.real += cr.imag;
    return complex_subtype_from_doubles(type, cr.real, ci.real);
}

static PyObject *
complex_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"real", "imag", NULL};
    PyObject *argv[2] = {NULL, NULL};
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    Py_ssize_t nkw = kwds ? PyDict_GET_SIZE(kwds) : 0;
    if (nargs + nkw > 2) {
        PyErr_Format(PyExc_TypeError, "complex() takes at most 2 %sarguments (%zd given)",
                     nargs == 0 ? "keyword " : "", nargs + nkw);
        return NULL;
    }
    PyObject *stack[2] = {NULL, NULL};
    PyObject *kwnames = NULL;
    for (Py_ssize_t k = 0; k < nargs; k++)
        stack[k] = PyTuple_GET_ITEM(args, k);
    if (nkw) {
        kwnames = PyTuple_New(nkw);
        if (kwnames == NULL)
            return NULL;
        Py_ssize_t pos = 0, j = 0;
        PyObject *key, *val;
        while (PyDict_Next(kwds, &pos, &key, &val)) {
            PyTuple_SET_ITEM(kwnames, j, Py_NewRef(key));
            stack[nargs + j] = val;
            j++;
        }
    }
    int ok = _PyArg_ParseFast("complex", stack, nargs, kwnames, kwlist, 0, 0, 2, 0, argv);
    Py_XDECREF(kwnames);
    if (!ok)
        return NULL;
    return complex_new_impl(type, argv[0], argv[1]);
}

PyTypeObject PyComplex_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "complex",
    .tp_basicsize = sizeof(PyComplexObject),
    .tp_dealloc = complex_dealloc,
    .tp_repr = complex_repr,
    .tp_as_number = &complex_as_number,
    .tp_hash = complex_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF |
                Py_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = DOC_complex_type,
    .tp_richcompare = complex_richcompare,
    .tp_methods = complex_methods,
    .tp_members = complex_members,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = complex_new,
    .tp_free = PyObject_Free,
};
