/* mathmodule.c -- the math module.
 *
 * Results and errors follow CPython 3.12's math module, which wraps the C
 * library with IEEE-754 "spirit of 754" rules:
 *   - a NaN result from non-NaN arguments is a ValueError
 *     ("math domain error");
 *   - an infinite result from finite arguments is an OverflowError
 *     ("math range error") when the function can overflow, else a
 *     ValueError (a singularity such as log(0));
 *   - underflow silently gives a zero.
 *
 * Where CPython does not call the C library, neither do we, so that the
 * bits of every result agree: gamma and lgamma use the same Lanczos
 * approximation (N=13, g=6.024680040776729583740234375) with the same
 * reflection formula; hypot and dist use lossless power-of-two scaling,
 * error-free squaring (fma) and compensated summation followed by one
 * differential correction of the square root; fsum keeps exact
 * non-overlapping partial sums (Shewchuk) and rounds half-even at the end;
 * sumprod accumulates float products in triple-length arithmetic; log of
 * an int too large for a float works from its correctly rounded mantissa
 * and binary exponent.
 *
 * Integer functions (factorial, comb, perm, isqrt, gcd, lcm) only need to
 * be exact; they use binary splitting so that large arguments stay fast.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_modules.h"
#include <math.h>
#include <float.h>
#include <stdbool.h>

static const double pi = 3.141592653589793238462643383279502884197;
static const double logpi = 1.144729885849400174143427351353058711647;

/* a double from an object, with fast paths for exact floats and ints */
static inline int
as_double(PyObject *obj, double *out)
{
    if (PyFloat_CheckExact(obj)) {
        *out = PyFloat_AS_DOUBLE(obj);
        return 0;
    }
    if (PyLong_CheckExact(obj)) {
        *out = PyLong_AsDouble(obj);
    }
    else
        *out = PyFloat_AsDouble(obj);
    if (*out == -1.0 && PyErr_Occurred())
        return -1;
    return 0;
}

/* CPython's is_error(): turn errno into an exception. 1 = raised. */
static int
is_error(double x)
{
    int result = 1;
    if (errno == EDOM)
        PyErr_SetString(PyExc_ValueError, "math domain error");
    else if (errno == ERANGE) {
        if (fabs(x) < 1.5)
            result = 0;
        else
            PyErr_SetString(PyExc_OverflowError, "math range error");
    }
    else
        PyErr_SetFromErrno(PyExc_ValueError);
    return result;
}

/* ------------------------------------------------------------------ */
/* special functions                                                   */
/* ------------------------------------------------------------------ */

static double
m_sinpi(double x)
{
    double y, r;
    int n;
    y = fmod(fabs(x), 2.0);
    n = (int)round(2.0 * y);
    switch (n) {
    case 0: r = sin(pi * y); break;
    case 1: r = cos(pi * (y - 0.5)); break;
    case 2: r = sin(pi * (1.0 - y)); break;
    case 3: r = -cos(pi * (y - 1.5)); break;
    default: r = sin(pi * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num_coeffs[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408
};
static const double lanczos_den_coeffs[LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
    13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0};
#define NGAMMA_INTEGRAL 23
static const double gamma_integral[NGAMMA_INTEGRAL] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
    3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
    1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
    51090942171709440000.0, 1124000727777607680000.0,
};

/* The rational form of the Lanczos sum, evaluated in x (x < 5) or in 1/x. */
static double
lanczos_sum(double x)
{
    double num = 0.0, den = 0.0;
    int i;
    if (x < 5.0) {
        for (i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num_coeffs[i];
            den = den * x + lanczos_den_coeffs[i];
        }
    }
    else {
        for (i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num_coeffs[i];
            den = den / x + lanczos_den_coeffs[i];
        }
    }
    return num / den;
}

static double
m_tgamma(double x)
{
    double absx, r, y, z, sqrtpow;

    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0)
            return x;
        errno = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        errno = EDOM;
        return copysign(HUGE_VAL, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            errno = EDOM;
            return NAN;
        }
        if (x <= NGAMMA_INTEGRAL)
            return gamma_integral[(int)x - 1];
    }
    absx = fabs(x);
    if (absx < 1e-20) {
        r = 1.0 / x;
        if (isinf(r))
            errno = ERANGE;
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0)
            return 0.0 / m_sinpi(x);
        errno = ERANGE;
        return HUGE_VAL;
    }
    y = absx + lanczos_g_minus_half;
    /* the rounding error of y, to correct the pow/exp below */
    if (absx > lanczos_g_minus_half) {
        volatile double q = y - absx;
        z = q - lanczos_g_minus_half;
    }
    else {
        volatile double q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    if (x < 0.0) {
        r = -pi / m_sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0)
            r /= pow(y, absx - 0.5);
        else {
            sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    }
    else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0)
            r *= pow(y, absx - 0.5);
        else {
            sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (isinf(r))
        errno = ERANGE;
    return r;
}

static double
m_lgamma(double x)
{
    double r, absx;
    if (!isfinite(x)) {
        if (isnan(x))
            return x;
        return HUGE_VAL;
    }
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;
            return HUGE_VAL;
        }
        return 0.0;
    }
    absx = fabs(x);
    if (absx < 1e-20)
        return -log(absx);
    r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0)
        r = logpi - log(fabs(m_sinpi(absx))) - log(absx) - r;
    if (isinf(r))
        errno = ERANGE;
    return r;
}

static double
m_atan2(double y, double x)
{
    if (isnan(x) || isnan(y))
        return NAN;
    if (isinf(y)) {
        if (isinf(x)) {
            if (copysign(1., x) == 1.)
                return copysign(0.25 * pi, y);
            return copysign(0.75 * pi, y);
        }
        return copysign(0.5 * pi, y);
    }
    if (isinf(x) || y == 0.) {
        if (copysign(1., x) == 1.)
            return copysign(0., y);
        return copysign(pi, y);
    }
    return atan2(y, x);
}

static double
m_remainder(double x, double y)
{
    if (isfinite(x) && isfinite(y)) {
        double absx, absy, c, m, r;
        if (y == 0.0)
            return NAN;
        absx = fabs(x);
        absy = fabs(y);
        m = fmod(absx, absy);
        c = absy - m;
        if (m < c)
            r = m;
        else if (m > c)
            r = -c;
        else
            r = m - 2.0 * fmod(0.5 * (absx - m), absy);
        return copysign(1.0, x) * r;
    }
    if (isnan(x))
        return x;
    if (isnan(y))
        return y;
    if (isinf(x))
        return NAN;
    return x;
}

static double
m_log(double x)
{
    if (isfinite(x)) {
        if (x > 0.0)
            return log(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x))
        return x;
    if (x > 0.0)
        return x;
    errno = EDOM;
    return NAN;
}

static double
m_log2(double x)
{
    if (!isfinite(x)) {
        if (isnan(x))
            return x;
        if (x > 0.0)
            return x;
        errno = EDOM;
        return NAN;
    }
    if (x > 0.0)
        return log2(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
}

static double
m_log10(double x)
{
    if (isfinite(x)) {
        if (x > 0.0)
            return log10(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x))
        return x;
    if (x > 0.0)
        return x;
    errno = EDOM;
    return NAN;
}

static double
m_log1p(double x)
{
    /* log1p(-0.0) must keep its sign; some libms lose it */
    if (x == 0.0)
        return x;
    return log1p(x);
}

/* ------------------------------------------------------------------ */
/* wrappers                                                            */
/* ------------------------------------------------------------------ */

static PyObject *
math_1(PyObject *arg, double (*func)(double), int can_overflow)
{
    double x, r;
    if (PyFloat_CheckExact(arg))
        x = PyFloat_AS_DOUBLE(arg);
    else {
        x = PyFloat_AsDouble(arg);
        if (x == -1.0 && PyErr_Occurred())
            return NULL;
    }
    errno = 0;
    r = func(x);
    if (isnan(r) && !isnan(x)) {
        PyErr_SetString(PyExc_ValueError, "math domain error");
        return NULL;
    }
    if (isinf(r) && isfinite(x)) {
        if (can_overflow)
            PyErr_SetString(PyExc_OverflowError, "math range error");
        else
            PyErr_SetString(PyExc_ValueError, "math domain error");
        return NULL;
    }
    if (isfinite(r) && errno && is_error(r))
        return NULL;
    return PyFloat_FromDouble(r);
}

/* for functions that set errno themselves */
static PyObject *
math_1a(PyObject *arg, double (*func)(double))
{
    double x, r;
    x = PyFloat_AsDouble(arg);
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    errno = 0;
    r = func(x);
    if (errno && is_error(r))
        return NULL;
    return PyFloat_FromDouble(r);
}

static int
two_doubles(const char *name, PyObject *const *args, Py_ssize_t nargs, double *x, double *y)
{
    if (!_PyArg_CheckPositional(name, nargs, 2, 2))
        return -1;
    if (PyFloat_CheckExact(args[0]))
        *x = PyFloat_AS_DOUBLE(args[0]);
    else {
        *x = PyFloat_AsDouble(args[0]);
        if (*x == -1.0 && PyErr_Occurred())
            return -1;
    }
    if (PyFloat_CheckExact(args[1]))
        *y = PyFloat_AS_DOUBLE(args[1]);
    else {
        *y = PyFloat_AsDouble(args[1]);
        if (*y == -1.0 && PyErr_Occurred())
            return -1;
    }
    return 0;
}

static PyObject *
math_2(PyObject *const *args, Py_ssize_t nargs, double (*func)(double, double),
       const char *funcname)
{
    double x, y, r;
    if (two_doubles(funcname, args, nargs, &x, &y) < 0)
        return NULL;
    errno = 0;
    r = func(x, y);
    if (isnan(r))
        errno = (!isnan(x) && !isnan(y)) ? EDOM : 0;
    else if (isinf(r))
        errno = (isfinite(x) && isfinite(y)) ? ERANGE : 0;
    if (errno && is_error(r))
        return NULL;
    return PyFloat_FromDouble(r);
}

static double c_copysign(double x, double y) { return copysign(x, y); }

#define FUNC1(name, func, can_overflow) \
    static PyObject *math_##name(PyObject *self, PyObject *arg) \
    { return math_1(arg, func, can_overflow); }
#define FUNC1A(name, func) \
    static PyObject *math_##name(PyObject *self, PyObject *arg) \
    { return math_1a(arg, func); }
#define FUNC2(name, func) \
    static PyObject *math_##name(PyObject *self, PyObject *const *args, Py_ssize_t nargs) \
    { return math_2(args, nargs, func, #name); }

FUNC1(acos, acos, 0)
FUNC1(acosh, acosh, 0)
FUNC1(asin, asin, 0)
FUNC1(asinh, asinh, 0)
FUNC1(atan, atan, 0)
FUNC2(atan2, m_atan2)
FUNC1(atanh, atanh, 0)
FUNC1(cbrt, cbrt, 0)
FUNC2(copysign, c_copysign)
FUNC1(cos, cos, 0)
FUNC1(cosh, cosh, 1)
FUNC1A(erf, erf)
FUNC1A(erfc, erfc)
FUNC1(exp, exp, 1)
FUNC1(exp2, exp2, 1)
FUNC1(expm1, expm1, 1)
FUNC1(fabs, fabs, 0)
FUNC1A(gamma, m_tgamma)
FUNC1A(lgamma, m_lgamma)
FUNC1(log1p, m_log1p, 0)
FUNC2(remainder, m_remainder)
FUNC1(sin, sin, 0)
FUNC1(sinh, sinh, 1)
FUNC1(sqrt, sqrt, 0)
FUNC1(tan, tan, 0)
FUNC1(tanh, tanh, 0)

/* type(x).name bound to x, or NULL without an exception */
static PyObject *
lookup_special(PyObject *o, PyObject *name)
{
    PyObject *res = _PyType_Lookup(Py_TYPE(o), name);
    descrgetfunc f;
    if (res == NULL)
        return NULL;
    f = Py_TYPE(res)->tp_descr_get;
    if (f == NULL)
        return Py_NewRef(res);
    return f(res, o, (PyObject *)Py_TYPE(o));
}

static PyObject *
math_ceil(PyObject *self, PyObject *number)
{
    double x;
    if (!PyFloat_CheckExact(number)) {
        PyObject *method = lookup_special(number, _Py_ID(__ceil__));
        if (method != NULL) {
            PyObject *result = PyObject_CallNoArgs(method);
            Py_DECREF(method);
            return result;
        }
        if (PyErr_Occurred())
            return NULL;
    }
    x = PyFloat_AsDouble(number);
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    return PyLong_FromDouble(ceil(x));
}

static PyObject *
math_floor(PyObject *self, PyObject *number)
{
    double x;
    if (PyFloat_CheckExact(number))
        x = PyFloat_AS_DOUBLE(number);
    else {
        PyObject *method = lookup_special(number, _Py_ID(__floor__));
        if (method != NULL) {
            PyObject *result = PyObject_CallNoArgs(method);
            Py_DECREF(method);
            return result;
        }
        if (PyErr_Occurred())
            return NULL;
        x = PyFloat_AsDouble(number);
        if (x == -1.0 && PyErr_Occurred())
            return NULL;
    }
    return PyLong_FromDouble(floor(x));
}

static PyObject *
math_trunc(PyObject *self, PyObject *x)
{
    PyObject *trunc, *result;
    if (PyFloat_CheckExact(x))
        return PyLong_FromDouble(PyFloat_AS_DOUBLE(x));
    if (PyType_Ready(Py_TYPE(x)) < 0)
        return NULL;
    trunc = lookup_special(x, _Py_ID(__trunc__));
    if (trunc == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "type %.100s doesn't define __trunc__ method",
                         Py_TYPE(x)->tp_name);
        return NULL;
    }
    result = PyObject_CallNoArgs(trunc);
    Py_DECREF(trunc);
    return result;
}

/* ------------------------------------------------------------------ */
/* logarithms                                                          */
/* ------------------------------------------------------------------ */

/* Correctly rounded mantissa of a positive int too large for a double:
   n ~= x * 2**e with 0.5 <= x < 1 (CPython's _PyLong_Frexp). */
static int
long_frexp(PyObject *n, double *x, Py_ssize_t *e)
{
    size_t nbits = _PyLong_NumBits(n);
    size_t shift;
    PyObject *sh, *top, *one, *mask, *low;
    unsigned long long t;
    int sticky;

    if (nbits == (size_t)-1 && PyErr_Occurred())
        return -1;
    if (nbits <= 55) {
        t = PyLong_AsUnsignedLongLong(n);
        if (t == (unsigned long long)-1 && PyErr_Occurred())
            return -1;
        *x = ldexp((double)t, -(int)nbits);
        *e = (Py_ssize_t)nbits;
        goto normalize;
    }
    shift = nbits - 55;
    sh = PyLong_FromSize_t(shift);
    if (sh == NULL)
        return -1;
    top = PyNumber_Rshift(n, sh);
    one = PyLong_FromLong(1);
    mask = (one != NULL) ? PyNumber_Lshift(one, sh) : NULL;
    Py_XDECREF(one);
    Py_DECREF(sh);
    if (top == NULL || mask == NULL) {
        Py_XDECREF(top);
        Py_XDECREF(mask);
        return -1;
    }
    Py_SETREF(mask, PyNumber_Subtract(mask, _PyLong_GetOne()));
    low = mask ? PyNumber_And(n, mask) : NULL;
    Py_XDECREF(mask);
    if (low == NULL) {
        Py_DECREF(top);
        return -1;
    }
    sticky = PyObject_IsTrue(low);
    Py_DECREF(low);
    t = PyLong_AsUnsignedLongLong(top);
    Py_DECREF(top);
    if (sticky < 0 || (t == (unsigned long long)-1 && PyErr_Occurred()))
        return -1;
    if (sticky)
        t |= 1;
    /* t has 55 significant bits; the conversion rounds half-even to 53 */
    *x = ldexp((double)t, -55);
    *e = (Py_ssize_t)nbits;
normalize:
    if (*x == 1.0) {
        *x = 0.5;
        *e += 1;
    }
    return 0;
}

static PyObject *
loghelper(PyObject *arg, double (*func)(double))
{
    if (PyLong_Check(arg)) {
        double x, result;
        if (_PyLong_Sign(arg) <= 0) {
            PyErr_SetString(PyExc_ValueError, "math domain error");
            return NULL;
        }
        x = PyLong_AsDouble(arg);
        if (x == -1.0 && PyErr_Occurred()) {
            Py_ssize_t e;
            if (!PyErr_ExceptionMatches(PyExc_OverflowError))
                return NULL;
            PyErr_Clear();
            if (long_frexp(arg, &x, &e) < 0)
                return NULL;
            result = func(x) + func(2.0) * (double)e;
        }
        else
            result = func(x);
        return PyFloat_FromDouble(result);
    }
    return math_1(arg, func, 0);
}

static PyObject *
math_log(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *num, *den, *ans;
    if (!_PyArg_CheckPositional("log", nargs, 1, 2))
        return NULL;
    num = loghelper(args[0], m_log);
    if (num == NULL || nargs == 1)
        return num;
    den = loghelper(args[1], m_log);
    if (den == NULL) {
        Py_DECREF(num);
        return NULL;
    }
    ans = PyNumber_TrueDivide(num, den);
    Py_DECREF(num);
    Py_DECREF(den);
    return ans;
}

static PyObject *
math_log2(PyObject *self, PyObject *x)
{
    return loghelper(x, m_log2);
}

static PyObject *
math_log10(PyObject *self, PyObject *x)
{
    return loghelper(x, m_log10);
}

/* ------------------------------------------------------------------ */
/* two-argument float functions                                        */
/* ------------------------------------------------------------------ */

static PyObject *
math_fmod(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    double x, y, r;
    if (two_doubles("fmod", args, nargs, &x, &y) < 0)
        return NULL;
    if (isinf(y) && isfinite(x))
        return PyFloat_FromDouble(x);
    errno = 0;
    r = fmod(x, y);
    if (isnan(r))
        errno = (!isnan(x) && !isnan(y)) ? EDOM : 0;
    if (errno && is_error(r))
        return NULL;
    return PyFloat_FromDouble(r);
}

static PyObject *
math_pow(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    double x, y, r = 0.;
    int odd_y;
    if (two_doubles("pow", args, nargs, &x, &y) < 0)
        return NULL;
    if (!isfinite(x) || !isfinite(y)) {
        errno = 0;
        if (isnan(x))
            r = y == 0. ? 1. : x;
        else if (isnan(y))
            r = x == 1. ? 1. : y;
        else if (isinf(x)) {
            odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.)
                r = odd_y ? x : fabs(x);
            else if (y == 0.)
                r = 1.;
            else
                r = odd_y ? copysign(0., x) : 0.;
        }
        else {
            if (fabs(x) == 1.0)
                r = 1.;
            else if (y > 0. && fabs(x) > 1.0)
                r = y;
            else if (y < 0. && fabs(x) < 1.0)
                r = -y;
            else
                r = 0.;
        }
    }
    else {
        errno = 0;
        r = pow(x, y);
        if (!isfinite(r)) {
            if (isnan(r))
                errno = EDOM;
            else if (isinf(r))
                errno = (x == 0.) ? EDOM : ERANGE;
        }
    }
    if (errno && is_error(r))
        return NULL;
    return PyFloat_FromDouble(r);
}

static const double degToRad = 3.141592653589793238462643383279502884197 / 180.0;
static const double radToDeg = 180.0 / 3.141592653589793238462643383279502884197;

static int
one_double(PyObject *arg, double *x)
{
    if (PyFloat_CheckExact(arg)) {
        *x = PyFloat_AS_DOUBLE(arg);
        return 0;
    }
    *x = PyFloat_AsDouble(arg);
    return (*x == -1.0 && PyErr_Occurred()) ? -1 : 0;
}

static PyObject *
math_degrees(PyObject *self, PyObject *arg)
{
    double x;
    if (one_double(arg, &x) < 0)
        return NULL;
    return PyFloat_FromDouble(x * radToDeg);
}

static PyObject *
math_radians(PyObject *self, PyObject *arg)
{
    double x;
    if (one_double(arg, &x) < 0)
        return NULL;
    return PyFloat_FromDouble(x * degToRad);
}

static PyObject *
math_isfinite(PyObject *self, PyObject *arg)
{
    double x;
    if (one_double(arg, &x) < 0)
        return NULL;
    return PyBool_FromLong((long)isfinite(x));
}

static PyObject *
math_isnan(PyObject *self, PyObject *arg)
{
    double x;
    if (one_double(arg, &x) < 0)
        return NULL;
    return PyBool_FromLong((long)isnan(x));
}

static PyObject *
math_isinf(PyObject *self, PyObject *arg)
{
    double x;
    if (one_double(arg, &x) < 0)
        return NULL;
    return PyBool_FromLong((long)isinf(x));
}

static PyObject *
math_isclose(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    PyObject *argv[4];
    double a, b, rel_tol = 1e-09, abs_tol = 0.0, diff;
    if (!_PyArg_ParseFast("isclose", args, nargs, kwnames, kwlist, 0, 2, 2, 0, argv))
        return NULL;
    if (one_double(argv[0], &a) < 0 || one_double(argv[1], &b) < 0)
        return NULL;
    if (argv[2] && one_double(argv[2], &rel_tol) < 0)
        return NULL;
    if (argv[3] && one_double(argv[3], &abs_tol) < 0)
        return NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        PyErr_SetString(PyExc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (a == b)
        Py_RETURN_TRUE;
    if (isinf(a) || isinf(b))
        Py_RETURN_FALSE;
    diff = fabs(b - a);
    return PyBool_FromLong((diff <= fabs(rel_tol * b)) || (diff <= fabs(rel_tol * a)) ||
                           (diff <= abs_tol));
}

static PyObject *
math_ldexp(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    double x, r;
    long exp;
    int overflow;
    if (!_PyArg_CheckPositional("ldexp", nargs, 2, 2))
        return NULL;
    if (one_double(args[0], &x) < 0)
        return NULL;
    if (!PyLong_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "Expected an int as second argument to ldexp.");
        return NULL;
    }
    exp = PyLong_AsLongAndOverflow(args[1], &overflow);
    if (exp == -1 && PyErr_Occurred())
        return NULL;
    if (overflow)
        exp = overflow < 0 ? LONG_MIN : LONG_MAX;
    if (x == 0. || !isfinite(x)) {
        r = x;
        errno = 0;
    }
    else if (exp > INT_MAX) {
        r = copysign(HUGE_VAL, x);
        errno = ERANGE;
    }
    else if (exp < INT_MIN) {
        r = copysign(0., x);
        errno = 0;
    }
    else {
        errno = 0;
        r = ldexp(x, (int)exp);
        if (isinf(r))
            errno = ERANGE;
    }
    if (errno && is_error(r))
        return NULL;
    return PyFloat_FromDouble(r);
}

static PyObject *
math_frexp(PyObject *self, PyObject *arg)
{
    double x;
    int i;
    if (one_double(arg, &x) < 0)
        return NULL;
    if (isnan(x) || isinf(x) || !x)
        i = 0;
    else
        x = frexp(x, &i);
    return Py_BuildValue("(di)", x, i);
}

static PyObject *
math_modf(PyObject *self, PyObject *arg)
{
    double x, y;
    if (one_double(arg, &x) < 0)
        return NULL;
    if (!isfinite(x)) {
        if (isinf(x))
            return Py_BuildValue("(dd)", copysign(0., x), x);
        return Py_BuildValue("(dd)", x, x);
    }
    errno = 0;
    x = modf(x, &y);
    return Py_BuildValue("(dd)", x, y);
}

static PyObject *
math_nextafter(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"", "", "steps", NULL};
    PyObject *argv[3], *steps;
    double x, y;
    unsigned long long usteps;
    union pun { double f; uint64_t i; } ux, uy, res;
    const uint64_t sign_bit = 1ULL << 63;
    uint64_t ax, ay;

    if (!_PyArg_ParseFast("nextafter", args, nargs, kwnames, kwlist, 2, 2, 2, 0, argv))
        return NULL;
    if (one_double(argv[0], &x) < 0 || one_double(argv[1], &y) < 0)
        return NULL;
    if (argv[2] == NULL || argv[2] == Py_None)
        return PyFloat_FromDouble(nextafter(x, y));
    steps = PyNumber_Index(argv[2]);
    if (steps == NULL)
        return NULL;
    if (_PyLong_Sign(steps) < 0) {
        PyErr_SetString(PyExc_ValueError, "steps must be a non-negative integer");
        Py_DECREF(steps);
        return NULL;
    }
    usteps = PyLong_AsUnsignedLongLong(steps);
    Py_DECREF(steps);
    if (usteps == (unsigned long long)-1 && PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_OverflowError))
            return NULL;
        PyErr_Clear();
        usteps = UINT64_MAX;
    }
    if (usteps == 0 || isnan(x))
        return PyFloat_FromDouble(x);
    if (isnan(y))
        return PyFloat_FromDouble(y);
    ux.f = x;
    uy.f = y;
    if (ux.i == uy.i)
        return PyFloat_FromDouble(x);
    ax = ux.i & ~sign_bit;
    ay = uy.i & ~sign_bit;
    if ((ux.i ^ uy.i) & sign_bit) {
        if (ax + ay <= usteps)
            return PyFloat_FromDouble(uy.f);
        if (ax < usteps) {
            res.i = (uy.i & sign_bit) | (usteps - ax);
            return PyFloat_FromDouble(res.f);
        }
        ux.i -= usteps;
        return PyFloat_FromDouble(ux.f);
    }
    if (ax > ay) {
        if (ax - ay >= usteps) {
            ux.i -= usteps;
            return PyFloat_FromDouble(ux.f);
        }
        return PyFloat_FromDouble(uy.f);
    }
    if (ay - ax >= usteps) {
        ux.i += usteps;
        return PyFloat_FromDouble(ux.f);
    }
    return PyFloat_FromDouble(uy.f);
}

static PyObject *
math_ulp(PyObject *self, PyObject *arg)
{
    double x, x2;
    if (one_double(arg, &x) < 0)
        return NULL;
    if (isnan(x))
        return PyFloat_FromDouble(x);
    x = fabs(x);
    if (isinf(x))
        return PyFloat_FromDouble(x);
    x2 = nextafter(x, INFINITY);
    if (isinf(x2)) {
        x2 = nextafter(x, -INFINITY);
        return PyFloat_FromDouble(x - x2);
    }
    return PyFloat_FromDouble(x2 - x);
}

/* ------------------------------------------------------------------ */
/* exact and compensated arithmetic                                    */
/* ------------------------------------------------------------------ */

typedef struct { double hi; double lo; } DoubleLength;
typedef struct { double hi; double lo; double tiny; } TripleLength;

static inline DoubleLength
dl_fast_sum(double a, double b)
{
    /* |a| >= |b|: the rounding error of a + b is exact */
    double x = a + b;
    double y = (a - x) + b;
    DoubleLength r = {x, y};
    return r;
}

static inline DoubleLength
dl_sum(double a, double b)
{
    /* error-free sum for any magnitudes (TwoSum) */
    double x = a + b;
    double z = x - a;
    double y = (a - (x - z)) + (b - z);
    DoubleLength r = {x, y};
    return r;
}

static inline DoubleLength
dl_mul(double x, double y)
{
    /* error-free product */
    double z = x * y;
    double zz = fma(x, y, -z);
    DoubleLength r = {z, zz};
    return r;
}

static TripleLength
tl_fma(double x, double y, TripleLength total)
{
    DoubleLength pr = dl_mul(x, y);
    DoubleLength sm = dl_sum(total.hi, pr.hi);
    DoubleLength r1 = dl_sum(total.lo, pr.lo);
    DoubleLength r2 = dl_sum(r1.hi, sm.lo);
    TripleLength r = {sm.hi, r2.hi, total.tiny + r1.lo + r2.lo};
    return r;
}

static double
tl_to_d(TripleLength total)
{
    DoubleLength last = dl_sum(total.lo, total.hi);
    return total.tiny + last.lo + last.hi;
}

/* sqrt(sum(x*x for x in vec)), nearly always correctly rounded.
   max is the largest |x| (INF if any is infinite); found_nan says a NaN
   was seen. */
static double
vector_norm(Py_ssize_t n, double *vec, double max, int found_nan)
{
    double x, h, scale, csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    DoubleLength pr, sm;
    int max_e;
    Py_ssize_t i;

    if (isinf(max))
        return max;
    if (found_nan)
        return NAN;
    if (max == 0.0 || n <= 1)
        return max;
    frexp(max, &max_e);
    if (max_e < -1023) {
        /* subnormal maximum: scale everything up to normals first */
        for (i = 0; i < n; i++)
            vec[i] /= DBL_MIN;
        return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
    }
    scale = ldexp(1.0, -max_e);
    for (i = 0; i < n; i++) {
        x = vec[i] * scale;             /* lossless scaling into [0.5, 1) */
        pr = dl_mul(x, x);              /* lossless squaring */
        sm = dl_fast_sum(csum, pr.hi);  /* lossless addition (csum >= 1) */
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    h = sqrt(csum - 1.0 + (frac1 + frac2));
    pr = dl_mul(-h, h);
    sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);                 /* differential correction */
    return h / scale;
}

#define NUM_STACK_ELEMS 16

static PyObject *
math_hypot(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    double stack[NUM_STACK_ELEMS], *coords = stack, max = 0.0, x, result;
    int found_nan = 0;
    Py_ssize_t i;
    if (nargs > NUM_STACK_ELEMS) {
        coords = PyMem_Malloc((size_t)nargs * sizeof(double));
        if (coords == NULL)
            return PyErr_NoMemory();
    }
    for (i = 0; i < nargs; i++) {
        if (as_double(args[i], &x) < 0)
            goto error;
        x = fabs(x);
        coords[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    result = vector_norm(nargs, coords, max, found_nan);
    if (coords != stack)
        PyMem_Free(coords);
    return PyFloat_FromDouble(result);
error:
    if (coords != stack)
        PyMem_Free(coords);
    return NULL;
}

static PyObject *
math_dist(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *p, *q;
    double stack[NUM_STACK_ELEMS], *diffs = stack, max = 0.0, px, qx, x, result;
    int found_nan = 0;
    Py_ssize_t i, m, n;

    if (!_PyArg_CheckPositional("dist", nargs, 2, 2))
        return NULL;
    p = PyTuple_Check(args[0]) ? Py_NewRef(args[0]) : PySequence_Tuple(args[0]);
    if (p == NULL)
        return NULL;
    q = PyTuple_Check(args[1]) ? Py_NewRef(args[1]) : PySequence_Tuple(args[1]);
    if (q == NULL) {
        Py_DECREF(p);
        return NULL;
    }
    m = PyTuple_GET_SIZE(p);
    n = PyTuple_GET_SIZE(q);
    if (m != n) {
        PyErr_SetString(PyExc_ValueError, "both points must have the same number of dimensions");
        goto error;
    }
    if (n > NUM_STACK_ELEMS) {
        diffs = PyMem_Malloc((size_t)n * sizeof(double));
        if (diffs == NULL) {
            PyErr_NoMemory();
            goto error;
        }
    }
    for (i = 0; i < n; i++) {
        if (as_double(PyTuple_GET_ITEM(p, i), &px) < 0 ||
            as_double(PyTuple_GET_ITEM(q, i), &qx) < 0)
            goto error;
        x = fabs(px - qx);
        diffs[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    result = vector_norm(n, diffs, max, found_nan);
    if (diffs != stack)
        PyMem_Free(diffs);
    Py_DECREF(p);
    Py_DECREF(q);
    return PyFloat_FromDouble(result);
error:
    if (diffs != stack)
        PyMem_Free(diffs);
    Py_DECREF(p);
    Py_DECREF(q);
    return NULL;
}

#define NUM_PARTIALS 32

/* Full-precision summation: keep non-overlapping partial sums, exact
   together, and round their total half-even at the end. */
static PyObject *
math_fsum(PyObject *self, PyObject *seq)
{
    PyObject *item, *iter, *sum = NULL;
    Py_ssize_t i, j, n = 0, m = NUM_PARTIALS;
    double x, y, t, ps[NUM_PARTIALS], *p = ps;
    double xsave, special_sum = 0.0, inf_sum = 0.0;
    volatile double hi, yr, lo = 0.0;

    iter = PyObject_GetIter(seq);
    if (iter == NULL)
        return NULL;
    for (;;) {
        item = PyIter_Next(iter);
        if (item == NULL) {
            if (PyErr_Occurred())
                goto done;
            break;
        }
        if (as_double(item, &x) < 0) {
            Py_DECREF(item);
            goto done;
        }
        Py_DECREF(item);

        xsave = x;
        for (i = j = 0; j < n; j++) {
            y = p[j];
            if (fabs(x) < fabs(y)) {
                t = x;
                x = y;
                y = t;
            }
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                /* overflow in a partial, or an inf/nan summand */
                if (isfinite(xsave)) {
                    PyErr_SetString(PyExc_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave))
                    inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            }
            else {
                if (n >= m) {
                    double *np;
                    Py_ssize_t newm = m * 2;
                    if (p == ps) {
                        np = PyMem_Malloc(sizeof(double) * (size_t)newm);
                        if (np != NULL)
                            memcpy(np, ps, sizeof(double) * (size_t)n);
                    }
                    else
                        np = PyMem_Realloc(p, sizeof(double) * (size_t)newm);
                    if (np == NULL) {
                        PyErr_SetString(PyExc_MemoryError, "math.fsum partials");
                        goto done;
                    }
                    p = np;
                    m = newm;
                }
                p[n++] = x;
            }
        }
    }
    if (special_sum != 0.0) {
        if (isnan(inf_sum))
            PyErr_SetString(PyExc_ValueError, "-inf + inf in fsum");
        else
            sum = PyFloat_FromDouble(special_sum);
        goto done;
    }
    hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        /* add the partials from the top until the sum becomes inexact */
        while (n > 0) {
            x = hi;
            y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        /* half-even rounding across several partials */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            y = lo * 2.0;
            x = hi + y;
            yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    sum = PyFloat_FromDouble(hi);
done:
    Py_DECREF(iter);
    if (p != ps)
        PyMem_Free(p);
    return sum;
}

/* ------------------------------------------------------------------ */
/* prod and sumprod                                                    */
/* ------------------------------------------------------------------ */

static int
long_mult_overflows(long a, long b)
{
    long r;
    return __builtin_mul_overflow(a, b, &r);
}

static PyObject *
math_prod(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"", "start", NULL};
    PyObject *argv[2], *result, *iter, *item, *temp;

    if (!_PyArg_ParseFast("prod", args, nargs, kwnames, kwlist, 1, 1, 1, 0, argv))
        return NULL;
    iter = PyObject_GetIter(argv[0]);
    if (iter == NULL)
        return NULL;
    result = argv[1] ? Py_NewRef(argv[1]) : PyLong_FromLong(1);
    if (result == NULL) {
        Py_DECREF(iter);
        return NULL;
    }

    if (PyLong_CheckExact(result)) {
        int overflow;
        long i_result = PyLong_AsLongAndOverflow(result, &overflow);
        if (overflow == 0)
            Py_SETREF(result, NULL);
        while (result == NULL) {
            item = PyIter_Next(iter);
            if (item == NULL) {
                Py_DECREF(iter);
                if (PyErr_Occurred())
                    return NULL;
                return PyLong_FromLong(i_result);
            }
            if (PyLong_CheckExact(item)) {
                long b = PyLong_AsLongAndOverflow(item, &overflow);
                if (overflow == 0 && !long_mult_overflows(i_result, b)) {
                    i_result *= b;
                    Py_DECREF(item);
                    continue;
                }
            }
            result = PyLong_FromLong(i_result);
            if (result == NULL) {
                Py_DECREF(item);
                Py_DECREF(iter);
                return NULL;
            }
            temp = PyNumber_Multiply(result, item);
            Py_DECREF(result);
            Py_DECREF(item);
            result = temp;
            if (result == NULL) {
                Py_DECREF(iter);
                return NULL;
            }
        }
    }
    if (PyFloat_CheckExact(result)) {
        double f_result = PyFloat_AS_DOUBLE(result);
        Py_SETREF(result, NULL);
        while (result == NULL) {
            item = PyIter_Next(iter);
            if (item == NULL) {
                Py_DECREF(iter);
                if (PyErr_Occurred())
                    return NULL;
                return PyFloat_FromDouble(f_result);
            }
            if (PyFloat_CheckExact(item)) {
                f_result *= PyFloat_AS_DOUBLE(item);
                Py_DECREF(item);
                continue;
            }
            if (PyLong_CheckExact(item)) {
                int overflow;
                long value = PyLong_AsLongAndOverflow(item, &overflow);
                if (!overflow) {
                    f_result *= (double)value;
                    Py_DECREF(item);
                    continue;
                }
            }
            result = PyFloat_FromDouble(f_result);
            if (result == NULL) {
                Py_DECREF(item);
                Py_DECREF(iter);
                return NULL;
            }
            temp = PyNumber_Multiply(result, item);
            Py_DECREF(result);
            Py_DECREF(item);
            result = temp;
            if (result == NULL) {
                Py_DECREF(iter);
                return NULL;
            }
        }
    }
    for (;;) {
        item = PyIter_Next(iter);
        if (item == NULL) {
            if (PyErr_Occurred())
                Py_SETREF(result, NULL);
            break;
        }
        temp = PyNumber_Multiply(result, item);
        Py_DECREF(result);
        Py_DECREF(item);
        result = temp;
        if (result == NULL)
            break;
    }
    Py_DECREF(iter);
    return result;
}

/* Next item of an iterator: 1 (new ref in *out), 0 exhausted, -1 error. */
static int
next_item(PyObject *it, iternextfunc next, PyObject **out)
{
    *out = next(it);
    if (*out != NULL)
        return 1;
    if (PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_StopIteration))
            return -1;
        PyErr_Clear();
    }
    return 0;
}

static PyObject *
math_sumprod(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *p_i = NULL, *q_i = NULL, *term_i = NULL, *new_total = NULL;
    PyObject *p_it, *q_it, *total;
    iternextfunc p_next, q_next;
    bool int_path_enabled = true, int_total_in_use = false;
    bool flt_path_enabled = true, flt_total_in_use = false;
    long int_total = 0;
    TripleLength flt_total = {0.0, 0.0, 0.0};

    if (!_PyArg_CheckPositional("sumprod", nargs, 2, 2))
        return NULL;
    p_it = PyObject_GetIter(args[0]);
    if (p_it == NULL)
        return NULL;
    q_it = PyObject_GetIter(args[1]);
    if (q_it == NULL) {
        Py_DECREF(p_it);
        return NULL;
    }
    total = PyLong_FromLong(0);
    if (total == NULL) {
        Py_DECREF(p_it);
        Py_DECREF(q_it);
        return NULL;
    }
    p_next = Py_TYPE(p_it)->tp_iternext;
    q_next = Py_TYPE(q_it)->tp_iternext;
    for (;;) {
        int rp, rq;
        bool finished;

        rp = next_item(p_it, p_next, &p_i);
        if (rp < 0)
            goto err_exit;
        rq = next_item(q_it, q_next, &q_i);
        if (rq < 0)
            goto err_exit;
        if (rp != rq) {
            PyErr_SetString(PyExc_ValueError, "Inputs are not the same length");
            goto err_exit;
        }
        finished = (rp == 0);

        if (int_path_enabled) {
            if (!finished && PyLong_CheckExact(p_i) && PyLong_CheckExact(q_i)) {
                int overflow;
                long int_p, int_q, int_prod;
                int_p = PyLong_AsLongAndOverflow(p_i, &overflow);
                if (overflow)
                    goto finalize_int_path;
                int_q = PyLong_AsLongAndOverflow(q_i, &overflow);
                if (overflow)
                    goto finalize_int_path;
                if (__builtin_mul_overflow(int_p, int_q, &int_prod))
                    goto finalize_int_path;
                {
                    long t;
                    if (__builtin_add_overflow(int_total, int_prod, &t))
                        goto finalize_int_path;
                    int_total = t;
                }
                int_total_in_use = true;
                Py_CLEAR(p_i);
                Py_CLEAR(q_i);
                continue;
            }
        finalize_int_path:
            int_path_enabled = false;
            if (int_total_in_use) {
                term_i = PyLong_FromLong(int_total);
                if (term_i == NULL)
                    goto err_exit;
                new_total = PyNumber_Add(total, term_i);
                if (new_total == NULL)
                    goto err_exit;
                Py_SETREF(total, new_total);
                new_total = NULL;
                Py_CLEAR(term_i);
                int_total = 0;
                int_total_in_use = false;
            }
        }

        if (flt_path_enabled) {
            if (!finished) {
                double flt_p, flt_q;
                bool p_float = PyFloat_CheckExact(p_i);
                bool q_float = PyFloat_CheckExact(q_i);
                TripleLength new_flt_total;
                if (p_float && q_float) {
                    flt_p = PyFloat_AS_DOUBLE(p_i);
                    flt_q = PyFloat_AS_DOUBLE(q_i);
                }
                else if (p_float && (PyLong_CheckExact(q_i) || PyBool_Check(q_i))) {
                    flt_p = PyFloat_AS_DOUBLE(p_i);
                    flt_q = PyLong_AsDouble(q_i);
                    if (flt_q == -1.0 && PyErr_Occurred()) {
                        PyErr_Clear();
                        goto finalize_flt_path;
                    }
                }
                else if (q_float && (PyLong_CheckExact(p_i) || PyBool_Check(p_i))) {
                    flt_q = PyFloat_AS_DOUBLE(q_i);
                    flt_p = PyLong_AsDouble(p_i);
                    if (flt_p == -1.0 && PyErr_Occurred()) {
                        PyErr_Clear();
                        goto finalize_flt_path;
                    }
                }
                else
                    goto finalize_flt_path;
                new_flt_total = tl_fma(flt_p, flt_q, flt_total);
                if (isfinite(new_flt_total.hi)) {
                    flt_total = new_flt_total;
                    flt_total_in_use = true;
                    Py_CLEAR(p_i);
                    Py_CLEAR(q_i);
                    continue;
                }
            }
        finalize_flt_path:
            flt_path_enabled = false;
            if (flt_total_in_use) {
                term_i = PyFloat_FromDouble(tl_to_d(flt_total));
                if (term_i == NULL)
                    goto err_exit;
                new_total = PyNumber_Add(total, term_i);
                if (new_total == NULL)
                    goto err_exit;
                Py_SETREF(total, new_total);
                new_total = NULL;
                Py_CLEAR(term_i);
                flt_total_in_use = false;
            }
        }

        if (finished)
            break;
        term_i = PyNumber_Multiply(p_i, q_i);
        if (term_i == NULL)
            goto err_exit;
        new_total = PyNumber_Add(total, term_i);
        if (new_total == NULL)
            goto err_exit;
        Py_SETREF(total, new_total);
        new_total = NULL;
        Py_CLEAR(p_i);
        Py_CLEAR(q_i);
        Py_CLEAR(term_i);
    }
    Py_DECREF(p_it);
    Py_DECREF(q_it);
    return total;

err_exit:
    Py_DECREF(p_it);
    Py_DECREF(q_it);
    Py_DECREF(total);
    Py_XDECREF(p_i);
    Py_XDECREF(q_i);
    Py_XDECREF(term_i);
    Py_XDECREF(new_total);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* integer functions                                                   */
/* ------------------------------------------------------------------ */

/* gcd of two ints (any sign): new reference, non-negative. */
static PyObject *
long_gcd(PyObject *a, PyObject *b)
{
    long long x, y;
    int ox = 0, oy = 0;
    x = PyLong_AsLongLongAndOverflow(a, &ox);
    if (x == -1 && PyErr_Occurred())
        return NULL;
    y = PyLong_AsLongLongAndOverflow(b, &oy);
    if (y == -1 && PyErr_Occurred())
        return NULL;
    if (!ox && !oy && x != LLONG_MIN && y != LLONG_MIN) {
        unsigned long long ux = (unsigned long long)(x < 0 ? -x : x);
        unsigned long long uy = (unsigned long long)(y < 0 ? -y : y);
        while (uy) {
            unsigned long long t = ux % uy;
            ux = uy;
            uy = t;
        }
        return PyLong_FromUnsignedLongLong(ux);
    }
    /* Euclid on Python ints, switching to C once both fit */
    a = PyNumber_Absolute(a);
    if (a == NULL)
        return NULL;
    b = PyNumber_Absolute(b);
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    while (_PyLong_Sign(b) != 0) {
        PyObject *r;
        int o1 = 0, o2 = 0;
        long long sa = PyLong_AsLongLongAndOverflow(a, &o1);
        long long sb = PyLong_AsLongLongAndOverflow(b, &o2);
        if (!o1 && !o2 && sa >= 0 && sb >= 0) {
            PyObject *res;
            Py_DECREF(a);
            Py_DECREF(b);
            {
                unsigned long long ux = (unsigned long long)sa, uy = (unsigned long long)sb;
                while (uy) {
                    unsigned long long t = ux % uy;
                    ux = uy;
                    uy = t;
                }
                res = PyLong_FromUnsignedLongLong(ux);
            }
            return res;
        }
        r = PyNumber_Remainder(a, b);
        if (r == NULL) {
            Py_DECREF(a);
            Py_DECREF(b);
            return NULL;
        }
        Py_SETREF(a, b);
        b = r;
    }
    Py_DECREF(b);
    return a;
}

static PyObject *
math_gcd(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *res, *x;
    Py_ssize_t i;
    if (nargs == 0)
        return PyLong_FromLong(0);
    res = PyNumber_Index(args[0]);
    if (res == NULL)
        return NULL;
    if (nargs == 1) {
        Py_SETREF(res, PyNumber_Absolute(res));
        return res;
    }
    for (i = 1; i < nargs; i++) {
        x = _PyNumber_Index(args[i]);
        if (x == NULL) {
            Py_DECREF(res);
            return NULL;
        }
        if (res == _PyLong_GetOne()) {
            Py_DECREF(x);
            continue;
        }
        Py_SETREF(res, long_gcd(res, x));
        Py_DECREF(x);
        if (res == NULL)
            return NULL;
    }
    return res;
}

static PyObject *
long_lcm(PyObject *a, PyObject *b)
{
    PyObject *g, *m, *f, *ab;
    if (_PyLong_Sign(a) == 0 || _PyLong_Sign(b) == 0)
        return PyLong_FromLong(0);
    g = long_gcd(a, b);
    if (g == NULL)
        return NULL;
    f = PyNumber_FloorDivide(a, g);
    Py_DECREF(g);
    if (f == NULL)
        return NULL;
    m = PyNumber_Multiply(f, b);
    Py_DECREF(f);
    if (m == NULL)
        return NULL;
    ab = PyNumber_Absolute(m);
    Py_DECREF(m);
    return ab;
}

static PyObject *
math_lcm(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *res, *x;
    Py_ssize_t i;
    if (nargs == 0)
        return PyLong_FromLong(1);
    res = PyNumber_Index(args[0]);
    if (res == NULL)
        return NULL;
    if (nargs == 1) {
        Py_SETREF(res, PyNumber_Absolute(res));
        return res;
    }
    for (i = 1; i < nargs; i++) {
        x = PyNumber_Index(args[i]);
        if (x == NULL) {
            Py_DECREF(res);
            return NULL;
        }
        if (res == _PyLong_GetZero()) {
            Py_DECREF(x);
            continue;
        }
        Py_SETREF(res, long_lcm(res, x));
        Py_DECREF(x);
        if (res == NULL)
            return NULL;
    }
    return res;
}

/* Product of the integers in [lo, hi) stepping by step (binary splitting):
   new reference. */
static PyObject *
range_product(unsigned long long lo, unsigned long long hi, unsigned long long step)
{
    unsigned long long count = (hi > lo) ? (hi - lo + step - 1) / step : 0;
    if (count == 0)
        return PyLong_FromLong(1);
    if (count <= 8) {
        /* multiply in C while it cannot overflow 64 bits */
        unsigned long long acc = 1, v;
        PyObject *res = NULL;
        for (v = lo; v < hi; v += step) {
            unsigned long long t;
            if (__builtin_mul_overflow(acc, v, &t)) {
                /* flush the C accumulator into the Python product */
                PyObject *a = PyLong_FromUnsignedLongLong(acc), *r;
                if (a == NULL) {
                    Py_XDECREF(res);
                    return NULL;
                }
                if (res == NULL)
                    res = a;
                else {
                    r = PyNumber_Multiply(res, a);
                    Py_DECREF(a);
                    Py_DECREF(res);
                    if (r == NULL)
                        return NULL;
                    res = r;
                }
                acc = v;
            }
            else
                acc = t;
        }
        {
            PyObject *a = PyLong_FromUnsignedLongLong(acc), *r;
            if (a == NULL) {
                Py_XDECREF(res);
                return NULL;
            }
            if (res == NULL)
                return a;
            r = PyNumber_Multiply(res, a);
            Py_DECREF(a);
            Py_DECREF(res);
            return r;
        }
    }
    {
        unsigned long long mid = lo + (count / 2) * step;
        PyObject *left = range_product(lo, mid, step), *right, *r;
        if (left == NULL)
            return NULL;
        right = range_product(mid, hi, step);
        if (right == NULL) {
            Py_DECREF(left);
            return NULL;
        }
        r = PyNumber_Multiply(left, right);
        Py_DECREF(left);
        Py_DECREF(right);
        return r;
    }
}

static const unsigned long long small_factorials[] = {
    1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800, 39916800, 479001600,
    6227020800ULL, 87178291200ULL, 1307674368000ULL, 20922789888000ULL,
    355687428096000ULL, 6402373705728000ULL, 121645100408832000ULL,
    2432902008176640000ULL};

static PyObject *
factorial_of(unsigned long long n)
{
    if (n < Py_ARRAY_LENGTH(small_factorials))
        return PyLong_FromUnsignedLongLong(small_factorials[n]);
    return range_product(2, n + 1, 1);
}

static PyObject *
math_factorial(PyObject *self, PyObject *arg)
{
    long x;
    int overflow;
    x = PyLong_AsLongAndOverflow(arg, &overflow);
    if (x == -1 && PyErr_Occurred())
        return NULL;
    if (overflow == 1) {
        PyErr_Format(PyExc_OverflowError, "factorial() argument should not exceed %ld", LONG_MAX);
        return NULL;
    }
    if (overflow == -1 || x < 0) {
        PyErr_SetString(PyExc_ValueError, "factorial() not defined for negative values");
        return NULL;
    }
    return factorial_of((unsigned long long)x);
}

/* n*(n-1)*...*(n-k+1) for a Python int n and a C k: new reference. */
static PyObject *
perm_general(PyObject *n, unsigned long long k)
{
    unsigned long long nn;
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(n, &overflow);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    if (!overflow && v >= 0) {
        nn = (unsigned long long)v;
        return range_product(nn - k + 1, nn + 1, 1);
    }
    /* huge n: multiply Python ints, pairwise */
    {
        PyObject *res = PyLong_FromLong(1), *cur = Py_NewRef(n);
        unsigned long long i;
        if (res == NULL) {
            Py_DECREF(cur);
            return NULL;
        }
        for (i = 0; i < k; i++) {
            PyObject *t = PyNumber_Multiply(res, cur);
            Py_DECREF(res);
            res = t;
            if (res == NULL)
                break;
            t = PyNumber_Subtract(cur, _PyLong_GetOne());
            Py_DECREF(cur);
            cur = t;
            if (cur == NULL) {
                Py_CLEAR(res);
                break;
            }
        }
        Py_XDECREF(cur);
        return res;
    }
}

static PyObject *
math_perm(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *n, *k = NULL, *result = NULL;
    long long kk;
    int overflow, cmp;

    if (!_PyArg_CheckPositional("perm", nargs, 1, 2))
        return NULL;
    if (nargs == 1 || args[1] == Py_None) {
        n = PyNumber_Index(args[0]);
        if (n == NULL)
            return NULL;
        result = math_factorial(self, n);
        Py_DECREF(n);
        return result;
    }
    n = PyNumber_Index(args[0]);
    if (n == NULL)
        return NULL;
    k = PyNumber_Index(args[1]);
    if (k == NULL) {
        Py_DECREF(n);
        return NULL;
    }
    if (_PyLong_Sign(n) < 0) {
        PyErr_SetString(PyExc_ValueError, "n must be a non-negative integer");
        goto done;
    }
    if (_PyLong_Sign(k) < 0) {
        PyErr_SetString(PyExc_ValueError, "k must be a non-negative integer");
        goto done;
    }
    cmp = PyObject_RichCompareBool(n, k, Py_LT);
    if (cmp != 0) {
        if (cmp > 0)
            result = PyLong_FromLong(0);
        goto done;
    }
    kk = PyLong_AsLongLongAndOverflow(k, &overflow);
    if (overflow > 0) {
        PyErr_Format(PyExc_OverflowError, "k must not exceed %lld", LLONG_MAX);
        goto done;
    }
    if (kk == -1 && PyErr_Occurred())
        goto done;
    result = perm_general(n, (unsigned long long)kk);
done:
    Py_DECREF(n);
    Py_DECREF(k);
    return result;
}

static PyObject *
math_comb(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *n, *k, *result = NULL, *temp;
    long long kk;
    int overflow, cmp;

    if (!_PyArg_CheckPositional("comb", nargs, 2, 2))
        return NULL;
    n = PyNumber_Index(args[0]);
    if (n == NULL)
        return NULL;
    k = PyNumber_Index(args[1]);
    if (k == NULL) {
        Py_DECREF(n);
        return NULL;
    }
    if (_PyLong_Sign(n) < 0) {
        PyErr_SetString(PyExc_ValueError, "n must be a non-negative integer");
        goto done;
    }
    if (_PyLong_Sign(k) < 0) {
        PyErr_SetString(PyExc_ValueError, "k must be a non-negative integer");
        goto done;
    }
    /* k = min(k, n - k) */
    temp = PyNumber_Subtract(n, k);
    if (temp == NULL)
        goto done;
    if (_PyLong_Sign(temp) < 0) {
        Py_DECREF(temp);
        result = PyLong_FromLong(0);
        goto done;
    }
    cmp = PyObject_RichCompareBool(temp, k, Py_LT);
    if (cmp > 0)
        Py_SETREF(k, temp);
    else {
        Py_DECREF(temp);
        if (cmp < 0)
            goto done;
    }
    kk = PyLong_AsLongLongAndOverflow(k, &overflow);
    if (overflow > 0) {
        PyErr_Format(PyExc_OverflowError, "min(n - k, k) must not exceed %lld", LLONG_MAX);
        goto done;
    }
    if (kk == -1 && PyErr_Occurred())
        goto done;
    {
        PyObject *num = perm_general(n, (unsigned long long)kk), *den;
        if (num == NULL)
            goto done;
        den = factorial_of((unsigned long long)kk);
        if (den == NULL) {
            Py_DECREF(num);
            goto done;
        }
        result = PyNumber_FloorDivide(num, den);
        Py_DECREF(num);
        Py_DECREF(den);
    }
done:
    Py_DECREF(n);
    Py_DECREF(k);
    return result;
}

/* Integer square root of a 64-bit value. */
static uint64_t
isqrt64(uint64_t n)
{
    uint64_t a;
    if (n == 0)
        return 0;
    a = (uint64_t)sqrt((double)n);
    /* fix the float estimate up to the exact floor */
    while (a > 0 && (a > UINT32_MAX || a * a > n))
        a--;
    while ((a + 1) <= UINT32_MAX && (a + 1) * (a + 1) <= n)
        a++;
    return a;
}

static PyObject *
math_isqrt(PyObject *self, PyObject *arg)
{
    PyObject *n, *a = NULL, *b;
    size_t c, d, e;
    int c_bit_length, s, too_large;

    n = PyNumber_Index(arg);
    if (n == NULL)
        return NULL;
    if (_PyLong_Sign(n) < 0) {
        PyErr_SetString(PyExc_ValueError, "isqrt() argument must be nonnegative");
        goto error;
    }
    if (_PyLong_Sign(n) == 0) {
        Py_DECREF(n);
        return PyLong_FromLong(0);
    }
    c = _PyLong_NumBits(n);
    if (c == (size_t)-1)
        goto error;
    if (c <= 64) {
        unsigned long long m = PyLong_AsUnsignedLongLong(n);
        Py_DECREF(n);
        if (m == (unsigned long long)-1 && PyErr_Occurred())
            return NULL;
        return PyLong_FromUnsignedLongLong(isqrt64(m));
    }
    /* Newton's iteration with adaptive precision (pure integer):
         c = (n.bit_length() - 1) // 2; a = 1; d = 0
         for s in reversed(range(c.bit_length())):
             e = d; d = c >> s
             a = (a << d - e - 1) + (n >> 2*c - e - d + 1) // a
         return a - (a*a > n)                                      */
    c = (c - 1) / 2;
    c_bit_length = 0;
    while ((c >> c_bit_length) > 0)
        c_bit_length++;
    a = PyLong_FromLong(1);
    if (a == NULL)
        goto error;
    d = 0;
    for (s = c_bit_length - 1; s >= 0; s--) {
        PyObject *q, *sh;
        e = d;
        d = c >> s;
        sh = PyLong_FromSize_t(2 * c - e - d + 1);
        if (sh == NULL)
            goto error;
        q = PyNumber_Rshift(n, sh);
        Py_DECREF(sh);
        if (q == NULL)
            goto error;
        Py_SETREF(q, PyNumber_FloorDivide(q, a));
        if (q == NULL)
            goto error;
        sh = PyLong_FromSize_t(d - e - 1);
        if (sh == NULL) {
            Py_DECREF(q);
            goto error;
        }
        Py_SETREF(a, PyNumber_Lshift(a, sh));
        Py_DECREF(sh);
        if (a == NULL) {
            Py_DECREF(q);
            goto error;
        }
        Py_SETREF(a, PyNumber_Add(a, q));
        Py_DECREF(q);
        if (a == NULL)
            goto error;
    }
    b = PyNumber_Multiply(a, a);
    if (b == NULL)
        goto error;
    too_large = PyObject_RichCompareBool(n, b, Py_LT);
    Py_DECREF(b);
    if (too_large < 0)
        goto error;
    if (too_large)
        Py_SETREF(a, PyNumber_Subtract(a, _PyLong_GetOne()));
    Py_DECREF(n);
    return a;
error:
    Py_XDECREF(a);
    Py_DECREF(n);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* module                                                              */
/* ------------------------------------------------------------------ */

#define O(name) {#name, (PyCFunction)math_##name, METH_O, NULL}
#define F(name) {#name, _PyCFunction_CAST(math_##name), METH_FASTCALL, NULL}
#define FK(name) {#name, _PyCFunction_CAST(math_##name), METH_FASTCALL | METH_KEYWORDS, NULL}

static PyMethodDef math_methods[] = {
    O(acos), O(acosh), O(asin), O(asinh), O(atan), F(atan2), O(atanh), O(cbrt), O(ceil),
    F(comb), F(copysign), O(cos), O(cosh), O(degrees), F(dist), O(erf), O(erfc), O(exp),
    O(exp2), O(expm1), O(fabs), O(factorial), O(floor), F(fmod), O(frexp), O(fsum),
    O(gamma), F(gcd), F(hypot), FK(isclose), O(isfinite), O(isinf), O(isnan), O(isqrt),
    F(lcm), F(ldexp), O(lgamma), F(log), O(log10), O(log1p), O(log2), O(modf),
    FK(nextafter), F(perm), F(pow), FK(prod), O(radians), F(remainder), O(sin), O(sinh),
    O(sqrt), F(sumprod), O(tan), O(tanh), O(trunc), O(ulp),
    {NULL, NULL, 0, NULL}
};

static PyModuleDef math_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "math",
    .m_doc = "This module provides access to the mathematical functions\n"
             "defined by the C standard.",
    .m_size = -1,
    .m_methods = math_methods,
};

PyObject *
PyInit_math(void)
{
    PyObject *m = PyModule_Create(&math_def);
    if (m == NULL)
        return NULL;
    if (PyModule_Add(m, "pi", PyFloat_FromDouble(pi)) < 0 ||
        PyModule_Add(m, "e", PyFloat_FromDouble(2.718281828459045235360287471352662498)) < 0 ||
        PyModule_Add(m, "tau", PyFloat_FromDouble(2.0 * pi)) < 0 ||
        PyModule_Add(m, "inf", PyFloat_FromDouble(INFINITY)) < 0 ||
        PyModule_Add(m, "nan", PyFloat_FromDouble(fabs(NAN))) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
