/* long_arith.c -- the number protocol of int.
 *
 * Every operation first tries the compact case (both operands have at
 * most one 30-bit digit): the values are then plain C integers and the
 * result, computed in 64-bit arithmetic, goes through
 * _PyLong_FromSTwoDigits, which hands out the immortal small ints.  Only
 * when an operand is bigger do we fall through to the digit-array
 * algorithms below:
 *
 *   add/sub     schoolbook on magnitudes, sign fixed afterwards;
 *   mul         schoolbook (with a squaring variant that computes each
 *               cross product once), Karatsuba above 70 digits (140 for
 *               squares), and a "lopsided" mode that cuts the bigger
 *               operand into slices the size of the smaller;
 *   div/mod     one-digit divisor by a running remainder; otherwise Knuth's
 *               Algorithm D (TAOCP 4.3.1): normalise so the divisor's top
 *               digit has its high bit set, estimate each quotient digit
 *               from the top two digits, correct it at most twice, subtract,
 *               add back in the rare case the estimate was one too big.
 *               Python's // and % floor, so a truncating remainder with the
 *               wrong sign is moved by one divisor;
 *   true div    a correctly rounded quotient: shift the dividend so the
 *               integer quotient has 55 or 56 significant bits (fewer for
 *               results in the subnormal range), divide, remember whether
 *               anything was left over, and round half-to-even by hand;
 *   pow         left-to-right square-and-multiply, reducing by the modulus
 *               after each product; a negative exponent with a modulus
 *               uses the modular inverse (extended Euclid);
 *   bitwise     operands are viewed in two's complement (a negative x is
 *               ~(|x| - 1)), combined digit by digit, and converted back.
 */
#include "pycore.h"
#include "rp_object.h"
#include "long_internal.h"
#include <math.h>
#include <float.h>

#define KARATSUBA_CUTOFF 70
#define KARATSUBA_SQUARE_CUTOFF (2 * KARATSUBA_CUTOFF)

#define CHECK_BINOP(v, w) do { \
        if (!PyLong_Check(v) || !PyLong_Check(w)) Py_RETURN_NOTIMPLEMENTED; \
    } while (0)

#define DIGITS(op) ((op)->long_value.ob_digit)
#define NDIGITS(op) _PyLong_DigitCount(op)

/* ------------------------------------------------------------------ */
/* Digit-array primitives                                              */
/* ------------------------------------------------------------------ */

/* z[0:m] = a[0:m] << d (0 <= d < SHIFT); returns the bits shifted out. */
digit
_PyLong_v_lshift(digit *z, const digit *a, Py_ssize_t m, int d)
{
    digit carry = 0;
    for (Py_ssize_t i = 0; i < m; i++) {
        twodigits acc = ((twodigits)a[i] << d) | carry;
        z[i] = (digit)acc & PyLong_MASK;
        carry = (digit)(acc >> PyLong_SHIFT);
    }
    return carry;
}

/* z[0:m] = a[0:m] >> d (0 <= d < SHIFT); returns the bits shifted out. */
digit
_PyLong_v_rshift(digit *z, const digit *a, Py_ssize_t m, int d)
{
    digit carry = 0;
    digit mask = ((digit)1 << d) - 1U;
    for (Py_ssize_t i = m; i-- > 0;) {
        twodigits acc = ((twodigits)carry << PyLong_SHIFT) | a[i];
        carry = (digit)acc & mask;
        z[i] = (digit)(acc >> d);
    }
    return carry;
}

/* x[0:m] += y[0:n] (m >= n); returns the carry out of x[m-1]. */
static digit
v_iadd(digit *x, Py_ssize_t m, const digit *y, Py_ssize_t n)
{
    digit carry = 0;
    Py_ssize_t i;
    for (i = 0; i < n; i++) {
        carry += x[i] + y[i];
        x[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
    for (; carry && i < m; i++) {
        carry += x[i];
        x[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
    return carry;
}

/* x[0:m] -= y[0:n] (m >= n); returns the borrow out of x[m-1]. */
static digit
v_isub(digit *x, Py_ssize_t m, const digit *y, Py_ssize_t n)
{
    digit borrow = 0;
    Py_ssize_t i;
    for (i = 0; i < n; i++) {
        borrow = x[i] - y[i] - borrow;
        x[i] = borrow & PyLong_MASK;
        borrow = (borrow >> PyLong_SHIFT) & 1;
    }
    for (; borrow && i < m; i++) {
        borrow = x[i] - borrow;
        x[i] = borrow & PyLong_MASK;
        borrow = (borrow >> PyLong_SHIFT) & 1;
    }
    return borrow;
}

/* |a| + |b| as a fresh (positive) int. */
static PyLongObject *
x_add(PyLongObject *a, PyLongObject *b)
{
    Py_ssize_t na = NDIGITS(a), nb = NDIGITS(b);
    if (na < nb) {
        PyLongObject *t = a; a = b; b = t;
        Py_ssize_t n = na; na = nb; nb = n;
    }
    PyLongObject *z = _PyLong_New(na + 1);
    if (z == NULL)
        return NULL;
    digit carry = 0;
    Py_ssize_t i;
    for (i = 0; i < nb; i++) {
        carry += DIGITS(a)[i] + DIGITS(b)[i];
        DIGITS(z)[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
    for (; i < na; i++) {
        carry += DIGITS(a)[i];
        DIGITS(z)[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
    DIGITS(z)[i] = carry;
    return _PyLong_Normalize(z);
}

/* |a| - |b| as a fresh int (negative when |a| < |b|). */
static PyLongObject *
x_sub(PyLongObject *a, PyLongObject *b)
{
    Py_ssize_t na = NDIGITS(a), nb = NDIGITS(b);
    int negative = 0;
    if (na < nb || (na == nb && _PyLong_CompareAbs(a, b) < 0)) {
        PyLongObject *t = a; a = b; b = t;
        Py_ssize_t n = na; na = nb; nb = n;
        negative = 1;
    }
    else if (na == nb) {
        /* Skip the equal top digits. */
        Py_ssize_t i = na;
        while (--i >= 0 && DIGITS(a)[i] == DIGITS(b)[i])
            ;
        if (i < 0)
            return (PyLongObject *)Py_NewRef(_PyLong_GetZero());
        na = nb = i + 1;
    }
    PyLongObject *z = _PyLong_New(na);
    if (z == NULL)
        return NULL;
    digit borrow = 0;
    Py_ssize_t i;
    for (i = 0; i < nb; i++) {
        borrow = DIGITS(a)[i] - DIGITS(b)[i] - borrow;
        DIGITS(z)[i] = borrow & PyLong_MASK;
        borrow = (borrow >> PyLong_SHIFT) & 1;
    }
    for (; i < na; i++) {
        borrow = DIGITS(a)[i] - borrow;
        DIGITS(z)[i] = borrow & PyLong_MASK;
        borrow = (borrow >> PyLong_SHIFT) & 1;
    }
    if (negative)
        _PyLong_FlipSign(z);
    return _PyLong_Normalize(z);
}

/* ------------------------------------------------------------------ */
/* + and -                                                             */
/* ------------------------------------------------------------------ */

/* New reference. */
PyObject *
_PyLong_Add(PyLongObject *a, PyLongObject *b)
{
    if (_PyLong_BothAreCompact(a, b))
        return _PyLong_FromSTwoDigits((stwodigits)_PyLong_CompactValue(a) +
                                      _PyLong_CompactValue(b));
    PyLongObject *z;
    if (_PyLong_IsNegative(a)) {
        if (_PyLong_IsNegative(b)) {
            z = x_add(a, b);
            if (z != NULL)
                _PyLong_FlipSign(z);   /* a fresh object: neither operand is 0 */
        }
        else
            z = x_sub(b, a);
    }
    else
        z = _PyLong_IsNegative(b) ? x_sub(a, b) : x_add(a, b);
    return _PyLong_MaybeSmall(z);
}

/* New reference. */
PyObject *
_PyLong_Subtract(PyLongObject *a, PyLongObject *b)
{
    if (_PyLong_BothAreCompact(a, b))
        return _PyLong_FromSTwoDigits((stwodigits)_PyLong_CompactValue(a) -
                                      _PyLong_CompactValue(b));
    PyLongObject *z;
    if (_PyLong_IsNegative(a)) {
        if (_PyLong_IsNegative(b))
            z = x_sub(b, a);
        else {
            z = x_add(a, b);
            if (z != NULL && !_PyLong_IsZero(z))
                _PyLong_FlipSign(z);
        }
    }
    else
        z = _PyLong_IsNegative(b) ? x_add(a, b) : x_sub(a, b);
    return _PyLong_MaybeSmall(z);
}

static PyObject *
long_add(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Add((PyLongObject *)a, (PyLongObject *)b);
}

static PyObject *
long_sub(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Subtract((PyLongObject *)a, (PyLongObject *)b);
}

/* ------------------------------------------------------------------ */
/* *                                                                   */
/* ------------------------------------------------------------------ */

/* Schoolbook |a| * |b|. */
static PyLongObject *
x_mul(PyLongObject *a, PyLongObject *b)
{
    Py_ssize_t na = NDIGITS(a), nb = NDIGITS(b);
    PyLongObject *z = _PyLong_New(na + nb);
    if (z == NULL)
        return NULL;
    digit *zd = DIGITS(z);
    memset(zd, 0, (size_t)(na + nb) * sizeof(digit));
    const digit *ad = DIGITS(a);
    if (a == b) {
        /* Squaring: each cross term a[i]*a[j] (i < j) appears twice, so
           add 2*a[i]*a[j] once, plus the diagonal a[i]**2. */
        for (Py_ssize_t i = 0; i < na; i++) {
            twodigits f = ad[i];
            digit *pz = zd + (i << 1);
            twodigits carry = *pz + f * f;
            *pz++ = (digit)(carry & PyLong_MASK);
            carry >>= PyLong_SHIFT;
            f <<= 1;
            for (Py_ssize_t j = i + 1; j < na; j++) {
                carry += *pz + ad[j] * f;
                *pz++ = (digit)(carry & PyLong_MASK);
                carry >>= PyLong_SHIFT;
            }
            while (carry) {
                carry += *pz;
                *pz++ = (digit)(carry & PyLong_MASK);
                carry >>= PyLong_SHIFT;
            }
        }
    }
    else {
        const digit *bd = DIGITS(b);
        for (Py_ssize_t i = 0; i < na; i++) {
            twodigits f = ad[i];
            if (f == 0)
                continue;
            twodigits carry = 0;
            digit *pz = zd + i;
            for (Py_ssize_t j = 0; j < nb; j++) {
                carry += *pz + bd[j] * f;
                *pz++ = (digit)(carry & PyLong_MASK);
                carry >>= PyLong_SHIFT;
            }
            *pz = (digit)carry;
        }
    }
    return _PyLong_Normalize(z);
}

/* A positive int of digits d[0:n] (normalized). */
static PyLongObject *
long_from_digits(const digit *d, Py_ssize_t n)
{
    while (n > 0 && d[n - 1] == 0)
        n--;
    PyLongObject *z = _PyLong_New(n);
    if (z == NULL)
        return NULL;
    if (n)
        memcpy(DIGITS(z), d, (size_t)n * sizeof(digit));
    return z;
}

static PyLongObject *k_mul(PyLongObject *a, PyLongObject *b);

/* |a| * |b| when b has at least twice as many digits as a: multiply a by
   slices of b, each as long as a, so that every product is balanced. */
static PyLongObject *
k_lopsided_mul(PyLongObject *a, PyLongObject *b)
{
    Py_ssize_t na = NDIGITS(a), nb = NDIGITS(b);
    PyLongObject *ret = _PyLong_New(na + nb);
    if (ret == NULL)
        return NULL;
    memset(DIGITS(ret), 0, (size_t)(na + nb) * sizeof(digit));
    Py_ssize_t done = 0;
    while (nb > 0) {
        Py_ssize_t take = Py_MIN(nb, na);
        PyLongObject *slice = long_from_digits(DIGITS(b) + done, take);
        if (slice == NULL)
            goto fail;
        PyLongObject *prod = k_mul(a, slice);
        Py_DECREF(slice);
        if (prod == NULL)
            goto fail;
        (void)v_iadd(DIGITS(ret) + done, na + nb - done, DIGITS(prod), NDIGITS(prod));
        Py_DECREF(prod);
        nb -= take;
        done += take;
    }
    return _PyLong_Normalize(ret);
fail:
    Py_DECREF(ret);
    return NULL;
}

/* Karatsuba: with a = ah*B + al and b = bh*B + bl (B = BASE**shift),
   a*b = ah*bh*B**2 + ((ah+al)*(bh+bl) - ah*bh - al*bl)*B + al*bl,
   three half-size products instead of four. */
static PyLongObject *
k_mul(PyLongObject *a, PyLongObject *b)
{
    Py_ssize_t na = NDIGITS(a), nb = NDIGITS(b);
    if (na > nb) {
        PyLongObject *t = a; a = b; b = t;
        Py_ssize_t n = na; na = nb; nb = n;
    }
    if (na <= (a == b ? KARATSUBA_SQUARE_CUTOFF : KARATSUBA_CUTOFF)) {
        if (na == 0)
            return (PyLongObject *)Py_NewRef(_PyLong_GetZero());
        return x_mul(a, b);
    }
    if (2 * na <= nb)
        return k_lopsided_mul(a, b);

    Py_ssize_t shift = nb >> 1;
    PyLongObject *ah = NULL, *al = NULL, *bh = NULL, *bl = NULL;
    PyLongObject *t1 = NULL, *t2 = NULL, *t3 = NULL, *ret = NULL;
    ah = long_from_digits(DIGITS(a) + shift, na - shift);
    al = long_from_digits(DIGITS(a), shift);
    if (ah == NULL || al == NULL)
        goto fail;
    if (a == b) {
        bh = (PyLongObject *)Py_NewRef(ah);
        bl = (PyLongObject *)Py_NewRef(al);
    }
    else {
        bh = long_from_digits(DIGITS(b) + shift, nb - shift);
        bl = long_from_digits(DIGITS(b), shift);
        if (bh == NULL || bl == NULL)
            goto fail;
    }
    Py_ssize_t nret = na + nb;
    ret = _PyLong_New(nret);
    if (ret == NULL)
        goto fail;
    digit *rd = DIGITS(ret);

    /* high product into ret[2*shift:], low product into ret[:2*shift] */
    t1 = k_mul(ah, bh);
    if (t1 == NULL)
        goto fail;
    memcpy(rd + 2 * shift, DIGITS(t1), (size_t)NDIGITS(t1) * sizeof(digit));
    memset(rd + 2 * shift + NDIGITS(t1), 0, (size_t)(nret - 2 * shift - NDIGITS(t1)) * sizeof(digit));
    t2 = k_mul(al, bl);
    if (t2 == NULL)
        goto fail;
    memcpy(rd, DIGITS(t2), (size_t)NDIGITS(t2) * sizeof(digit));
    memset(rd + NDIGITS(t2), 0, (size_t)(2 * shift - NDIGITS(t2)) * sizeof(digit));

    /* subtract both from the middle, then add (ah+al)*(bh+bl) */
    Py_ssize_t nmid = nret - shift;
    (void)v_isub(rd + shift, nmid, DIGITS(t2), NDIGITS(t2));
    (void)v_isub(rd + shift, nmid, DIGITS(t1), NDIGITS(t1));
    Py_CLEAR(t1);
    Py_CLEAR(t2);
    t1 = x_add(ah, al);
    if (t1 == NULL)
        goto fail;
    if (a == b)
        t2 = (PyLongObject *)Py_NewRef(t1);
    else {
        t2 = x_add(bh, bl);
        if (t2 == NULL)
            goto fail;
    }
    t3 = k_mul(t1, t2);
    if (t3 == NULL)
        goto fail;
    (void)v_iadd(rd + shift, nmid, DIGITS(t3), NDIGITS(t3));
    Py_DECREF(t1);
    Py_DECREF(t2);
    Py_DECREF(t3);
    Py_DECREF(ah);
    Py_DECREF(al);
    Py_DECREF(bh);
    Py_DECREF(bl);
    return _PyLong_Normalize(ret);
fail:
    Py_XDECREF(ret);
    Py_XDECREF(ah);
    Py_XDECREF(al);
    Py_XDECREF(bh);
    Py_XDECREF(bl);
    Py_XDECREF(t1);
    Py_XDECREF(t2);
    Py_XDECREF(t3);
    return NULL;
}

/* New reference. */
PyObject *
_PyLong_Multiply(PyLongObject *a, PyLongObject *b)
{
    if (_PyLong_BothAreCompact(a, b))
        return _PyLong_FromSTwoDigits((stwodigits)_PyLong_CompactValue(a) *
                                      _PyLong_CompactValue(b));
    PyLongObject *z = k_mul(a, b);
    if (z != NULL && !_PyLong_IsZero(z) &&
        _PyLong_IsNegative(a) != _PyLong_IsNegative(b))
        _PyLong_FlipSign(z);   /* a fresh object: k_mul shares only zero */
    return _PyLong_MaybeSmall(z);
}

static PyObject *
long_mul(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Multiply((PyLongObject *)a, (PyLongObject *)b);
}

/* ------------------------------------------------------------------ */
/* Division                                                            */
/* ------------------------------------------------------------------ */

/* pout[0:size] = pin[0:size] // n; returns the remainder. */
static digit
inplace_divrem1(digit *pout, const digit *pin, Py_ssize_t size, digit n)
{
    twodigits rem = 0;
    for (Py_ssize_t i = size; i-- > 0;) {
        twodigits acc = (rem << PyLong_SHIFT) | pin[i];
        digit q = (digit)(acc / n);
        rem = acc - (twodigits)q * n;
        pout[i] = q;
    }
    return (digit)rem;
}

/* |a| // n as a new positive int; *prem = |a| % n. */
static PyLongObject *
divrem1(PyLongObject *a, digit n, digit *prem)
{
    Py_ssize_t size = NDIGITS(a);
    PyLongObject *z = _PyLong_New(size);
    if (z == NULL)
        return NULL;
    *prem = inplace_divrem1(DIGITS(z), DIGITS(a), size, n);
    return _PyLong_Normalize(z);
}

/* Knuth's Algorithm D on magnitudes; |w1| has at least 2 digits and
   |v1| >= |w1|.  Returns |v1| // |w1| and stores |v1| % |w1| in *prem. */
static PyLongObject *
x_divrem(PyLongObject *v1, PyLongObject *w1, PyLongObject **prem)
{
    Py_ssize_t size_v = NDIGITS(v1), size_w = NDIGITS(w1);
    PyLongObject *v = _PyLong_New(size_v + 1);
    PyLongObject *w = _PyLong_New(size_w);
    PyLongObject *a = NULL;
    if (v == NULL || w == NULL)
        goto fail;

    /* D1: normalise so that w's top digit has its top bit set. */
    int d = PyLong_SHIFT - _PyLong_DigitBits(DIGITS(w1)[size_w - 1]);
    digit *vd = DIGITS(v), *wd = DIGITS(w);
    (void)_PyLong_v_lshift(wd, DIGITS(w1), size_w, d);
    digit carry = _PyLong_v_lshift(vd, DIGITS(v1), size_v, d);
    if (carry != 0 || vd[size_v - 1] >= wd[size_w - 1]) {
        vd[size_v] = carry;
        size_v++;
    }
    Py_ssize_t k = size_v - size_w;   /* quotient digits */
    a = _PyLong_New(k);
    if (a == NULL)
        goto fail;
    digit wm1 = wd[size_w - 1], wm2 = wd[size_w - 2];
    digit *ad = DIGITS(a);
    for (Py_ssize_t j = k; j-- > 0;) {
        digit *vk = vd + j;
        /* D3: estimate q from the top two digits, refine with the third. */
        digit vtop = vk[size_w];
        twodigits vv = ((twodigits)vtop << PyLong_SHIFT) | vk[size_w - 1];
        digit q = (digit)(vv / wm1);
        digit r = (digit)(vv - (twodigits)wm1 * q);
        while ((twodigits)wm2 * q > (((twodigits)r << PyLong_SHIFT) | vk[size_w - 2])) {
            --q;
            r += wm1;
            if (r >= PyLong_BASE)
                break;
        }
        /* D4: vk[0:size_w+1] -= q * w */
        stwodigits zhi = 0;
        for (Py_ssize_t i = 0; i < size_w; i++) {
            stwodigits z = (sdigit)vk[i] + zhi - (stwodigits)q * (stwodigits)wd[i];
            vk[i] = (digit)z & PyLong_MASK;
            zhi = z >> PyLong_SHIFT;   /* arithmetic shift: floor */
        }
        /* D6: it went negative; add w back once. */
        if ((sdigit)vtop + zhi < 0) {
            digit c = 0;
            for (Py_ssize_t i = 0; i < size_w; i++) {
                c += vk[i] + wd[i];
                vk[i] = c & PyLong_MASK;
                c >>= PyLong_SHIFT;
            }
            --q;
        }
        ad[j] = q;
    }
    /* D8: the remainder is v[0:size_w] >> d */
    (void)_PyLong_v_rshift(wd, vd, size_w, d);
    Py_DECREF(v);
    *prem = _PyLong_Normalize(w);
    return _PyLong_Normalize(a);
fail:
    Py_XDECREF(v);
    Py_XDECREF(w);
    Py_XDECREF(a);
    return NULL;
}

/* Truncating division with signs: 0 ok, -1 error.  Results are new
   references (exact ints, small ints shared).  b must be nonzero. */
static int
long_divrem(PyLongObject *a, PyLongObject *b, PyLongObject **pdiv, PyLongObject **prem)
{
    Py_ssize_t na = NDIGITS(a), nb = NDIGITS(b);
    PyLongObject *z, *rem;
    if (na < nb || (na == nb && DIGITS(a)[na - 1] < DIGITS(b)[nb - 1])) {
        /* |a| < |b| */
        *prem = (PyLongObject *)_PyLong_Exact((PyObject *)a);
        if (*prem == NULL)
            return -1;
        *pdiv = (PyLongObject *)Py_NewRef(_PyLong_GetZero());
        return 0;
    }
    if (nb == 1) {
        digit r;
        z = divrem1(a, DIGITS(b)[0], &r);
        if (z == NULL)
            return -1;
        rem = (PyLongObject *)PyLong_FromLong((long)r);
        if (rem == NULL) {
            Py_DECREF(z);
            return -1;
        }
    }
    else {
        z = x_divrem(a, b, &rem);
        if (z == NULL)
            return -1;
    }
    /* quotient sign: sign(a) * sign(b); remainder sign: sign(a) */
    if (_PyLong_IsNegative(a) != _PyLong_IsNegative(b) && !_PyLong_IsZero(z))
        _PyLong_FlipSign(z);
    if (_PyLong_IsNegative(a) && !_PyLong_IsZero(rem)) {
        if (Py_REFCNT(rem) == 1 && !_Py_IsImmortal((PyObject *)rem))
            _PyLong_FlipSign(rem);
        else {
            PyObject *t = _PyLong_Neg(rem);
            Py_DECREF(rem);
            if (t == NULL) {
                Py_DECREF(z);
                return -1;
            }
            rem = (PyLongObject *)t;
        }
    }
    *pdiv = (PyLongObject *)_PyLong_MaybeSmall(z);
    *prem = (PyLongObject *)_PyLong_MaybeSmall(rem);
    return 0;
}

/* Floor division and modulo: 0 ok, -1 error.  pdiv or pmod may be NULL. */
static int
l_divmod(PyLongObject *v, PyLongObject *w, PyLongObject **pdiv, PyLongObject **pmod)
{
    PyLongObject *div, *mod;
    if (long_divrem(v, w, &div, &mod) < 0)
        return -1;
    if ((_PyLong_IsNegative(mod) && _PyLong_IsPositive(w)) ||
        (_PyLong_IsPositive(mod) && _PyLong_IsNegative(w))) {
        PyObject *t = _PyLong_Add(mod, w);
        Py_DECREF(mod);
        mod = (PyLongObject *)t;
        if (mod == NULL) {
            Py_DECREF(div);
            return -1;
        }
        t = _PyLong_Subtract(div, (PyLongObject *)_PyLong_GetOne());
        Py_DECREF(div);
        div = (PyLongObject *)t;
        if (div == NULL) {
            Py_DECREF(mod);
            return -1;
        }
    }
    if (pdiv)
        *pdiv = div;
    else
        Py_DECREF(div);
    if (pmod)
        *pmod = mod;
    else
        Py_DECREF(mod);
    return 0;
}

/* Both compact, b != 0: floor quotient and remainder in C. */
static inline void
compact_divmod(Py_ssize_t a, Py_ssize_t b, Py_ssize_t *q, Py_ssize_t *r)
{
    Py_ssize_t qq = a / b, rr = a % b;
    if (rr != 0 && ((rr ^ b) < 0)) {
        rr += b;
        qq -= 1;
    }
    *q = qq;
    *r = rr;
}

/* New reference. */
PyObject *
_PyLong_FloorDiv(PyObject *a, PyObject *b)
{
    PyLongObject *x = (PyLongObject *)a, *y = (PyLongObject *)b;
    if (_PyLong_IsZero(y)) {
        PyErr_SetString(PyExc_ZeroDivisionError, "integer division or modulo by zero");
        return NULL;
    }
    if (_PyLong_BothAreCompact(x, y)) {
        Py_ssize_t q, r;
        compact_divmod(_PyLong_CompactValue(x), _PyLong_CompactValue(y), &q, &r);
        return _PyLong_FromSTwoDigits(q);
    }
    PyLongObject *div;
    if (l_divmod(x, y, &div, NULL) < 0)
        return NULL;
    return (PyObject *)div;
}

/* New reference. */
PyObject *
_PyLong_Mod(PyObject *a, PyObject *b)
{
    PyLongObject *x = (PyLongObject *)a, *y = (PyLongObject *)b;
    if (_PyLong_IsZero(y)) {
        PyErr_SetString(PyExc_ZeroDivisionError, "integer modulo by zero");
        return NULL;
    }
    if (_PyLong_BothAreCompact(x, y)) {
        Py_ssize_t q, r;
        compact_divmod(_PyLong_CompactValue(x), _PyLong_CompactValue(y), &q, &r);
        return _PyLong_FromSTwoDigits(r);
    }
    PyLongObject *mod;
    if (l_divmod(x, y, NULL, &mod) < 0)
        return NULL;
    return (PyObject *)mod;
}

/* (a // b, a % b): new tuple. */
PyObject *
_PyLong_DivmodTuple(PyObject *a, PyObject *b)
{
    PyLongObject *x = (PyLongObject *)a, *y = (PyLongObject *)b;
    PyObject *q, *r;
    if (_PyLong_IsZero(y)) {
        PyErr_SetString(PyExc_ZeroDivisionError, "integer division or modulo by zero");
        return NULL;
    }
    if (_PyLong_BothAreCompact(x, y)) {
        Py_ssize_t cq, cr;
        compact_divmod(_PyLong_CompactValue(x), _PyLong_CompactValue(y), &cq, &cr);
        q = _PyLong_FromSTwoDigits(cq);
        if (q == NULL)
            return NULL;
        r = _PyLong_FromSTwoDigits(cr);
        if (r == NULL) {
            Py_DECREF(q);
            return NULL;
        }
    }
    else if (l_divmod(x, y, (PyLongObject **)&q, (PyLongObject **)&r) < 0)
        return NULL;
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        Py_DECREF(q);
        Py_DECREF(r);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, q);
    PyTuple_SET_ITEM(t, 1, r);
    return t;
}

static PyObject *
long_div(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_FloorDiv(a, b);
}

static PyObject *
long_mod(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Mod(a, b);
}

static PyObject *
long_divmod(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_DivmodTuple(a, b);
}

/* (q, r) with q = a / b rounded half-to-even and r = a - q*b: new tuple. */
PyObject *
_PyLong_DivmodNear(PyObject *a, PyObject *b)
{
    if (!PyLong_Check(a) || !PyLong_Check(b)) {
        PyErr_SetString(PyExc_TypeError, "non-integer arguments in division");
        return NULL;
    }
    PyObject *qr = _PyLong_DivmodTuple(a, b);
    if (qr == NULL)
        return NULL;
    PyObject *q = PyTuple_GET_ITEM(qr, 0), *r = PyTuple_GET_ITEM(qr, 1);
    /* floor gives 0 <= r/b < 1: round up when r/b > 1/2, or == 1/2 and q odd */
    PyObject *twice = _PyLong_Lshift(r, 1);
    if (twice == NULL)
        goto fail;
    int cmp = _PyLong_Compare((PyLongObject *)twice, (PyLongObject *)b);
    Py_DECREF(twice);
    if (_PyLong_IsNegative((PyLongObject *)b))
        cmp = -cmp;
    int q_odd = (_PyLong_DigitCount((PyLongObject *)q) > 0) && (LDIGITS(q)[0] & 1);
    if (cmp > 0 || (cmp == 0 && q_odd)) {
        PyObject *nq = _PyLong_Add((PyLongObject *)q, (PyLongObject *)_PyLong_GetOne());
        if (nq == NULL)
            goto fail;
        PyObject *nr = _PyLong_Subtract((PyLongObject *)r, (PyLongObject *)b);
        if (nr == NULL) {
            Py_DECREF(nq);
            goto fail;
        }
        Py_DECREF(qr);
        qr = PyTuple_New(2);
        if (qr == NULL) {
            Py_DECREF(nq);
            Py_DECREF(nr);
            return NULL;
        }
        PyTuple_SET_ITEM(qr, 0, nq);
        PyTuple_SET_ITEM(qr, 1, nr);
    }
    return qr;
fail:
    Py_DECREF(qr);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* True division                                                       */
/* ------------------------------------------------------------------ */

/* Exactly representable in a double (at most 53 bits)? */
static inline int
fits_in_mantissa(PyLongObject *x)
{
    Py_ssize_t n = NDIGITS(x);
    return n <= 1 || (n == 2 && (DIGITS(x)[1] >> (DBL_MANT_DIG - PyLong_SHIFT)) == 0);
}

static double
small_to_double(PyLongObject *x)
{
    Py_ssize_t n = NDIGITS(x);
    double r = 0.0;
    while (n-- > 0)
        r = r * PyLong_BASE + DIGITS(x)[n];
    return r;
}

/* a / b correctly rounded: new float. */
PyObject *
_PyLong_TrueDivide(PyObject *av, PyObject *bv)
{
    PyLongObject *a = (PyLongObject *)av, *b = (PyLongObject *)bv;
    int negate = _PyLong_IsNegative(a) != _PyLong_IsNegative(b);
    Py_ssize_t na = NDIGITS(a), nb = NDIGITS(b);
    double result;
    if (nb == 0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "division by zero");
        return NULL;
    }
    if (na == 0)
        return PyFloat_FromDouble(negate ? -0.0 : 0.0);
    if (fits_in_mantissa(a) && fits_in_mantissa(b)) {
        /* Both exact in a double: IEEE division rounds correctly. */
        result = small_to_double(a) / small_to_double(b);
        return PyFloat_FromDouble(negate ? -result : result);
    }

    /* bits(a) - bits(b), which is within one of log2(|a/b|) */
    Py_ssize_t dd = na - nb;
    if (dd > PY_SSIZE_T_MAX / PyLong_SHIFT - 1)
        goto overflow;
    if (dd < 1 - PY_SSIZE_T_MAX / PyLong_SHIFT)
        goto underflow_or_zero;
    Py_ssize_t diff = dd * PyLong_SHIFT + _PyLong_DigitBits(DIGITS(a)[na - 1]) -
                      _PyLong_DigitBits(DIGITS(b)[nb - 1]);
    if (diff > DBL_MAX_EXP)
        goto overflow;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1)
        goto underflow_or_zero;

    /* Scale a by 2**-shift so that the integer quotient has
       DBL_MANT_DIG + 2 or + 3 bits (fewer when the result is subnormal:
       then the rounding position is fixed by DBL_MIN_EXP). */
    Py_ssize_t shift = Py_MAX(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    int inexact = 0;
    PyLongObject *x;
    if (shift <= 0) {
        Py_ssize_t sd = -shift / PyLong_SHIFT;
        x = _PyLong_New(na + sd + 1);
        if (x == NULL)
            return NULL;
        memset(DIGITS(x), 0, (size_t)sd * sizeof(digit));
        DIGITS(x)[na + sd] = _PyLong_v_lshift(DIGITS(x) + sd, DIGITS(a), na, (int)(-shift % PyLong_SHIFT));
    }
    else {
        Py_ssize_t sd = shift / PyLong_SHIFT;
        x = _PyLong_New(na - sd);
        if (x == NULL)
            return NULL;
        if (_PyLong_v_rshift(DIGITS(x), DIGITS(a) + sd, na - sd, (int)(shift % PyLong_SHIFT)))
            inexact = 1;
        for (Py_ssize_t i = 0; !inexact && i < sd; i++)
            if (DIGITS(a)[i])
                inexact = 1;
    }
    _PyLong_Normalize(x);

    /* x //= |b|, noting a nonzero remainder. */
    if (nb == 1) {
        if (inplace_divrem1(DIGITS(x), DIGITS(x), NDIGITS(x), DIGITS(b)[0]))
            inexact = 1;
        _PyLong_Normalize(x);
    }
    else {
        PyLongObject *rem;
        PyLongObject *q;
        if (NDIGITS(x) < nb) {
            /* cannot happen with the shift chosen above, but be safe */
            q = (PyLongObject *)Py_NewRef(_PyLong_GetZero());
            rem = (PyLongObject *)Py_NewRef(x);
        }
        else {
            q = x_divrem(x, b, &rem);
            if (q == NULL) {
                Py_DECREF(x);
                return NULL;
            }
        }
        Py_DECREF(x);
        x = q;
        if (!_PyLong_IsZero(rem))
            inexact = 1;
        Py_DECREF(rem);
    }
    Py_ssize_t nx = NDIGITS(x);
    if (nx == 0) {
        Py_DECREF(x);
        goto underflow_or_zero;
    }
    Py_ssize_t x_bits = (nx - 1) * PyLong_SHIFT + _PyLong_DigitBits(DIGITS(x)[nx - 1]);

    /* Round away the extra low bits (2 or 3 of them), half to even, with
       the inexact flag acting as a sticky bit below them. */
    Py_ssize_t extra = Py_MAX(x_bits, DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    digit half = (digit)1 << (extra - 1);
    digit low = DIGITS(x)[0] | (digit)inexact;
    if ((low & half) && (low & (3U * half - 1U)))
        low += half;
    DIGITS(x)[0] = low & ~(2U * half - 1U);

    double dx = 0.0;
    for (Py_ssize_t i = nx; i-- > 0;)
        dx = dx * PyLong_BASE + DIGITS(x)[i];
    Py_DECREF(x);

    if (shift + x_bits >= DBL_MAX_EXP &&
        (shift + x_bits > DBL_MAX_EXP || dx == ldexp(1.0, (int)x_bits)))
        goto overflow;
    result = ldexp(dx, (int)shift);
    return PyFloat_FromDouble(negate ? -result : result);

underflow_or_zero:
    return PyFloat_FromDouble(negate ? -0.0 : 0.0);
overflow:
    PyErr_SetString(PyExc_OverflowError, "integer division result too large for a float");
    return NULL;
}

static PyObject *
long_true_divide(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    if (_PyLong_BothAreCompact((PyLongObject *)a, (PyLongObject *)b)) {
        Py_ssize_t y = _PyLong_CompactValue((PyLongObject *)b);
        if (y == 0) {
            PyErr_SetString(PyExc_ZeroDivisionError, "division by zero");
            return NULL;
        }
        return PyFloat_FromDouble((double)_PyLong_CompactValue((PyLongObject *)a) / (double)y);
    }
    return _PyLong_TrueDivide(a, b);
}

/* ------------------------------------------------------------------ */
/* Unary operations                                                    */
/* ------------------------------------------------------------------ */

/* New reference. */
PyObject *
_PyLong_Neg(PyLongObject *v)
{
    if (_PyLong_IsCompact(v))
        return _PyLong_FromSTwoDigits(-(stwodigits)_PyLong_CompactValue(v));
    PyLongObject *z = (PyLongObject *)_PyLong_Copy(v);
    if (z != NULL)
        _PyLong_FlipSign(z);
    return (PyObject *)z;
}

/* New reference. */
PyObject *
_PyLong_Abs(PyLongObject *v)
{
    if (_PyLong_IsNegative(v))
        return _PyLong_Neg(v);
    return _PyLong_Exact((PyObject *)v);
}

static PyObject *
long_neg(PyObject *v)
{
    return _PyLong_Neg((PyLongObject *)v);
}

static PyObject *
long_abs(PyObject *v)
{
    return _PyLong_Abs((PyLongObject *)v);
}

static PyObject *
long_long(PyObject *v)
{
    return _PyLong_Exact(v);
}

static int
long_bool(PyObject *v)
{
    return !_PyLong_IsZero((PyLongObject *)v);
}

static PyObject *
long_invert(PyObject *v)
{
    PyLongObject *a = (PyLongObject *)v;
    if (_PyLong_IsCompact(a))
        return _PyLong_FromSTwoDigits(~(stwodigits)_PyLong_CompactValue(a));
    /* ~x == -(x + 1) */
    PyObject *t = _PyLong_Add(a, (PyLongObject *)_PyLong_GetOne());
    if (t == NULL)
        return NULL;
    PyObject *r = _PyLong_Neg((PyLongObject *)t);
    Py_DECREF(t);
    return r;
}

static PyObject *
long_float(PyObject *v)
{
    double d = PyLong_AsDouble(v);
    if (d == -1.0 && PyErr_Occurred())
        return NULL;
    return PyFloat_FromDouble(d);
}

/* ------------------------------------------------------------------ */
/* Shifts                                                              */
/* ------------------------------------------------------------------ */

/* a << (wordshift * SHIFT + remshift): new reference. */
static PyObject *
lshift_digits(PyLongObject *a, Py_ssize_t wordshift, int remshift)
{
    Py_ssize_t na = NDIGITS(a);
    if (wordshift > MAX_LONG_DIGITS - na - 1) {
        PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    Py_ssize_t nz = na + wordshift + (remshift ? 1 : 0);
    PyLongObject *z = _PyLong_New(nz);
    if (z == NULL)
        return NULL;
    memset(DIGITS(z), 0, (size_t)wordshift * sizeof(digit));
    digit carry = _PyLong_v_lshift(DIGITS(z) + wordshift, DIGITS(a), na, remshift);
    if (remshift)
        DIGITS(z)[nz - 1] = carry;
    if (_PyLong_IsNegative(a))
        _PyLong_FlipSign(z);
    return _PyLong_MaybeSmall(_PyLong_Normalize(z));
}

/* floor(a / 2**(wordshift * SHIFT + remshift)): new reference. */
static PyObject *
rshift_digits(PyLongObject *a, Py_ssize_t wordshift, int remshift)
{
    Py_ssize_t na = NDIGITS(a);
    int neg = _PyLong_IsNegative(a);
    if (wordshift >= na)
        return Py_NewRef(neg ? _PyLong_SmallInt(-1) : _PyLong_GetZero());
    Py_ssize_t nz = na - wordshift;
    PyLongObject *z = _PyLong_New(nz + 1);
    if (z == NULL)
        return NULL;
    digit lost = _PyLong_v_rshift(DIGITS(z), DIGITS(a) + wordshift, nz, remshift);
    DIGITS(z)[nz] = 0;
    if (neg) {
        /* floor of a negative value: round the magnitude up when any bit
           was shifted out */
        int any = lost != 0;
        for (Py_ssize_t i = 0; !any && i < wordshift; i++)
            any = DIGITS(a)[i] != 0;
        if (any)
            (void)v_iadd(DIGITS(z), nz + 1, (const digit[]){1}, 1);
        _PyLong_FlipSign(z);
    }
    return _PyLong_MaybeSmall(_PyLong_Normalize(z));
}

/* Split a nonnegative shift count into digits and bits; huge counts are
   clipped (a right shift then gives 0/-1, a left shift OverflowError). */
static int
split_shift(PyLongObject *b, Py_ssize_t *wordshift, int *remshift)
{
    Py_ssize_t n = PyLong_AsSsize_t((PyObject *)b);
    if (n == -1 && PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_OverflowError))
            return -1;
        PyErr_Clear();
        *wordshift = PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(digit);
        *remshift = 0;
        return 0;
    }
    *wordshift = n / PyLong_SHIFT;
    *remshift = (int)(n % PyLong_SHIFT);
    return 0;
}

static PyObject *
long_lshift(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyLongObject *x = (PyLongObject *)a, *y = (PyLongObject *)b;
    if (_PyLong_IsNegative(y)) {
        PyErr_SetString(PyExc_ValueError, "negative shift count");
        return NULL;
    }
    if (_PyLong_IsZero(x))
        return _PyLong_GetZero();
    if (_PyLong_BothAreCompact(x, y) && _PyLong_CompactValue(y) <= 32)
        return _PyLong_FromSTwoDigits((stwodigits)_PyLong_CompactValue(x)
                                      * ((stwodigits)1 << _PyLong_CompactValue(y)));
    Py_ssize_t ws;
    int rs;
    if (split_shift(y, &ws, &rs) < 0)
        return NULL;
    return lshift_digits(x, ws, rs);
}

static PyObject *
long_rshift(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyLongObject *x = (PyLongObject *)a, *y = (PyLongObject *)b;
    if (_PyLong_IsNegative(y)) {
        PyErr_SetString(PyExc_ValueError, "negative shift count");
        return NULL;
    }
    if (_PyLong_BothAreCompact(x, y)) {
        Py_ssize_t s = _PyLong_CompactValue(y);
        Py_ssize_t v = _PyLong_CompactValue(x);
        return _PyLong_FromSTwoDigits(s >= 63 ? (v < 0 ? -1 : 0) : (v >> s));
    }
    Py_ssize_t ws;
    int rs;
    if (split_shift(y, &ws, &rs) < 0)
        return NULL;
    return rshift_digits(x, ws, rs);
}

/* New reference. */
PyObject *
_PyLong_Lshift(PyObject *a, size_t shiftby)
{
    if (_PyLong_IsZero((PyLongObject *)a))
        return _PyLong_GetZero();
    if (shiftby > (size_t)PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    return lshift_digits((PyLongObject *)a, (Py_ssize_t)(shiftby / PyLong_SHIFT),
                         (int)(shiftby % PyLong_SHIFT));
}

/* New reference. */
PyObject *
_PyLong_Rshift(PyObject *a, size_t shiftby)
{
    if (shiftby > (size_t)PY_SSIZE_T_MAX)
        shiftby = (size_t)PY_SSIZE_T_MAX;
    return rshift_digits((PyLongObject *)a, (Py_ssize_t)(shiftby / PyLong_SHIFT),
                         (int)(shiftby % PyLong_SHIFT));
}

/* ------------------------------------------------------------------ */
/* Bitwise operations                                                  */
/* ------------------------------------------------------------------ */

/* Two's complement digits of v over n digits (n > |v| digits). */
static void
twos_complement(PyLongObject *v, digit *out, Py_ssize_t n)
{
    Py_ssize_t nv = NDIGITS(v);
    memcpy(out, DIGITS(v), (size_t)nv * sizeof(digit));
    memset(out + nv, 0, (size_t)(n - nv) * sizeof(digit));
    if (_PyLong_IsNegative(v)) {
        /* -x = ~x + 1 */
        digit carry = 1;
        for (Py_ssize_t i = 0; i < n; i++) {
            carry += (~out[i]) & PyLong_MASK;
            out[i] = carry & PyLong_MASK;
            carry >>= PyLong_SHIFT;
        }
    }
}

static PyObject *
long_bitwise(PyLongObject *a, char op, PyLongObject *b)
{
    Py_ssize_t n = Py_MAX(NDIGITS(a), NDIGITS(b)) + 1;
    int na = _PyLong_IsNegative(a), nb = _PyLong_IsNegative(b);
    int negz = op == '&' ? (na & nb) : op == '|' ? (na | nb) : (na ^ nb);
    PyLongObject *z = _PyLong_New(n);
    if (z == NULL)
        return NULL;
    digit *tmp = PyMem_Malloc((size_t)n * sizeof(digit));
    if (tmp == NULL) {
        Py_DECREF(z);
        return PyErr_NoMemory();
    }
    digit *zd = DIGITS(z);
    twos_complement(a, zd, n);
    twos_complement(b, tmp, n);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (op == '&')
            zd[i] &= tmp[i];
        else if (op == '|')
            zd[i] |= tmp[i];
        else
            zd[i] ^= tmp[i];
    }
    PyMem_Free(tmp);
    if (negz) {
        /* back from two's complement: |z| = ~z + 1 */
        digit carry = 1;
        for (Py_ssize_t i = 0; i < n; i++) {
            carry += (~zd[i]) & PyLong_MASK;
            zd[i] = carry & PyLong_MASK;
            carry >>= PyLong_SHIFT;
        }
        _PyLong_Normalize(z);
        if (!_PyLong_IsZero(z))
            _PyLong_FlipSign(z);
    }
    else
        _PyLong_Normalize(z);
    return _PyLong_MaybeSmall(z);
}

static PyObject *
long_and(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyLongObject *x = (PyLongObject *)a, *y = (PyLongObject *)b;
    if (_PyLong_BothAreCompact(x, y))
        return _PyLong_FromSTwoDigits(_PyLong_CompactValue(x) & _PyLong_CompactValue(y));
    return long_bitwise(x, '&', y);
}

static PyObject *
long_or(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyLongObject *x = (PyLongObject *)a, *y = (PyLongObject *)b;
    if (_PyLong_BothAreCompact(x, y))
        return _PyLong_FromSTwoDigits(_PyLong_CompactValue(x) | _PyLong_CompactValue(y));
    return long_bitwise(x, '|', y);
}

static PyObject *
long_xor(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyLongObject *x = (PyLongObject *)a, *y = (PyLongObject *)b;
    if (_PyLong_BothAreCompact(x, y))
        return _PyLong_FromSTwoDigits(_PyLong_CompactValue(x) ^ _PyLong_CompactValue(y));
    return long_bitwise(x, '^', y);
}

/* ------------------------------------------------------------------ */
/* Powers                                                              */
/* ------------------------------------------------------------------ */

/* Inverse of a modulo n (n > 1): new reference, ValueError if none. */
static PyObject *
long_invmod(PyLongObject *a, PyLongObject *n)
{
    /* Extended Euclid on (a mod n, n), tracking the coefficient of a. */
    PyObject *b = NULL, *c = NULL, *x0 = NULL, *x1 = NULL, *res = NULL;
    PyLongObject *q = NULL, *r = NULL;
    if (l_divmod(a, n, NULL, (PyLongObject **)&b) < 0)
        return NULL;
    c = Py_NewRef(n);
    x0 = Py_NewRef(_PyLong_GetOne());
    x1 = Py_NewRef(_PyLong_GetZero());
    while (!_PyLong_IsZero((PyLongObject *)c)) {
        if (l_divmod((PyLongObject *)b, (PyLongObject *)c, &q, &r) < 0)
            goto done;
        Py_SETREF(b, c);
        c = (PyObject *)r;
        r = NULL;
        PyObject *t = _PyLong_Multiply(q, (PyLongObject *)x1);
        Py_CLEAR(q);
        if (t == NULL)
            goto done;
        PyObject *nx = _PyLong_Subtract((PyLongObject *)x0, (PyLongObject *)t);
        Py_DECREF(t);
        if (nx == NULL)
            goto done;
        Py_SETREF(x0, x1);
        x1 = nx;
    }
    /* b is now gcd(a, n) */
    if (!(_PyLong_IsCompact((PyLongObject *)b) && _PyLong_CompactValue((PyLongObject *)b) == 1)) {
        PyErr_SetString(PyExc_ValueError, "base is not invertible for the given modulus");
        goto done;
    }
    l_divmod((PyLongObject *)x0, n, NULL, (PyLongObject **)&res);
done:
    Py_XDECREF(b);
    Py_XDECREF(c);
    Py_XDECREF(x0);
    Py_XDECREF(x1);
    Py_XDECREF(q);
    return res;
}

/* x * y, reduced modulo m when m is not NULL: new reference, steals x. */
static PyLongObject *
mulmod(PyLongObject *x, PyLongObject *y, PyLongObject *m)
{
    PyLongObject *p = (PyLongObject *)_PyLong_Multiply(x, y);
    Py_DECREF(x);
    if (p == NULL || m == NULL)
        return p;
    PyLongObject *r;
    if (l_divmod(p, m, NULL, &r) < 0)
        r = NULL;
    Py_DECREF(p);
    return r;
}

/* int ** int [% int]: new reference.  mod is Py_None or an int. */
PyObject *
_PyLong_Pow(PyObject *v, PyObject *w, PyObject *x)
{
    PyLongObject *a = (PyLongObject *)v, *b = (PyLongObject *)w, *c = NULL;
    PyLongObject *z = NULL;
    int negative_output = 0;
    if (x != Py_None)
        c = (PyLongObject *)x;

    if (c == NULL && _PyLong_IsNegative(b))
        /* a ** -n is a float */
        return PyFloat_Type.tp_as_number->nb_power(v, w, x);

    if (c == NULL && _PyLong_BothAreCompact(a, b)) {
        /* Exponentiation by squaring in 64 bits while nothing overflows. */
        int64_t base = _PyLong_CompactValue(a), result = 1;
        uint64_t e = (uint64_t)_PyLong_CompactValue(b);
        int ok = 1;
        while (e) {
            if (e & 1) {
                if (__builtin_mul_overflow(result, base, &result)) { ok = 0; break; }
            }
            e >>= 1;
            if (e && __builtin_mul_overflow(base, base, &base)) { ok = 0; break; }
        }
        if (ok)
            return _PyLong_FromSTwoDigits(result);
    }

    Py_INCREF(a);
    Py_INCREF(b);
    if (c != NULL) {
        Py_INCREF(c);
        if (_PyLong_IsZero(c)) {
            PyErr_SetString(PyExc_ValueError, "pow() 3rd argument cannot be 0");
            goto error;
        }
        if (_PyLong_IsNegative(c)) {
            negative_output = 1;
            Py_SETREF(c, (PyLongObject *)_PyLong_Neg(c));
            if (c == NULL)
                goto error;
        }
        if (_PyLong_IsCompact(c) && _PyLong_CompactValue(c) == 1) {
            z = (PyLongObject *)Py_NewRef(_PyLong_GetZero());
            goto done;
        }
        if (_PyLong_IsNegative(b)) {
            Py_SETREF(a, (PyLongObject *)long_invmod(a, c));
            if (a == NULL)
                goto error;
            Py_SETREF(b, (PyLongObject *)_PyLong_Neg(b));
            if (b == NULL)
                goto error;
        }
        if (_PyLong_IsNegative(a) || _PyLong_CompareAbs(a, c) >= 0) {
            PyLongObject *t;
            if (l_divmod(a, c, NULL, &t) < 0)
                goto error;
            Py_SETREF(a, t);
        }
    }

    /* Left-to-right binary exponentiation: z starts as a for the top bit
       of b, then each lower bit squares z and multiplies by a if set. */
    if (_PyLong_IsZero(b))
        z = (PyLongObject *)Py_NewRef(_PyLong_GetOne());   /* c > 1 here */
    else {
        Py_ssize_t nb = NDIGITS(b);
        z = (PyLongObject *)Py_NewRef(a);
        int j = _PyLong_DigitBits(DIGITS(b)[nb - 1]) - 1;
        for (Py_ssize_t i = nb - 1; i >= 0; i--, j = PyLong_SHIFT) {
            digit bi = DIGITS(b)[i];
            while (--j >= 0) {
                z = mulmod(z, z, c);
                if (z == NULL)
                    goto error;
                if ((bi >> j) & 1) {
                    z = mulmod(z, a, c);
                    if (z == NULL)
                        goto error;
                }
            }
        }
    }
    if (negative_output && !_PyLong_IsZero(z)) {
        PyObject *t = _PyLong_Subtract(z, c);
        Py_DECREF(z);
        z = (PyLongObject *)t;
        if (z == NULL)
            goto error;
    }
done:
    Py_DECREF(a);
    Py_DECREF(b);
    Py_XDECREF(c);
    return (PyObject *)z;
error:
    Py_XDECREF(z);
    Py_XDECREF(a);
    Py_XDECREF(b);
    Py_XDECREF(c);
    return NULL;
}

static PyObject *
long_pow(PyObject *v, PyObject *w, PyObject *x)
{
    CHECK_BINOP(v, w);
    if (x != Py_None && !PyLong_Check(x))
        Py_RETURN_NOTIMPLEMENTED;
    return _PyLong_Pow(v, w, x);
}

/* ------------------------------------------------------------------ */
/* gcd                                                                 */
/* ------------------------------------------------------------------ */

/* gcd(|a|, |b|): new reference. */
PyObject *
_PyLong_GCD(PyObject *aarg, PyObject *barg)
{
    PyLongObject *a = (PyLongObject *)aarg, *b = (PyLongObject *)barg;
    if (_PyLong_BothAreCompact(a, b)) {
        uint64_t x = (uint64_t)Py_ABS(_PyLong_CompactValue(a));
        uint64_t y = (uint64_t)Py_ABS(_PyLong_CompactValue(b));
        while (y) {
            uint64_t t = x % y;
            x = y;
            y = t;
        }
        return PyLong_FromUnsignedLongLong(x);
    }
    PyObject *x = _PyLong_Abs(a);
    if (x == NULL)
        return NULL;
    PyObject *y = _PyLong_Abs(b);
    if (y == NULL) {
        Py_DECREF(x);
        return NULL;
    }
    while (!_PyLong_IsZero((PyLongObject *)y)) {
        if (_PyLong_BothAreCompact((PyLongObject *)x, (PyLongObject *)y)) {
            PyObject *r = _PyLong_GCD(x, y);
            Py_DECREF(x);
            Py_DECREF(y);
            return r;
        }
        PyObject *r = _PyLong_Mod(x, y);
        if (r == NULL) {
            Py_DECREF(x);
            Py_DECREF(y);
            return NULL;
        }
        Py_DECREF(x);
        x = y;
        y = r;
    }
    Py_DECREF(y);
    return x;
}

/* ------------------------------------------------------------------ */

PyNumberMethods _PyLong_as_number = {
    .nb_add = long_add,
    .nb_subtract = long_sub,
    .nb_multiply = long_mul,
    .nb_remainder = long_mod,
    .nb_divmod = long_divmod,
    .nb_power = long_pow,
    .nb_negative = long_neg,
    .nb_positive = long_long,
    .nb_absolute = long_abs,
    .nb_bool = long_bool,
    .nb_invert = long_invert,
    .nb_lshift = long_lshift,
    .nb_rshift = long_rshift,
    .nb_and = long_and,
    .nb_xor = long_xor,
    .nb_or = long_or,
    .nb_int = long_long,
    .nb_float = long_float,
    .nb_floor_divide = long_div,
    .nb_true_divide = long_true_divide,
    .nb_index = long_long,
};
