/* long_format.c -- int <-> text and int <-> bytes.
 *
 * int -> decimal: the 30-bit digits are converted into base 10**9 "limbs"
 * (nine decimal digits each), and every limb becomes nine characters
 * written from the end of the buffer backwards.  Up to a few hundred
 * digits the limbs come from Horner's rule (each incoming digit multiplies
 * the limb array by 2**30 and adds itself: quadratic, but tight).  Beyond
 * that, divide and conquer: split the binary number at a power-of-two
 * digit boundary, convert both halves, and recombine them *in base 10**9*
 * with a Karatsuba multiplication by the cached limbs of 2**(30m).
 *
 * text -> int: CPython's grammar (whitespace, sign, 0x/0o/0b prefixes,
 * single underscores between digits, the base-0 rule that forbids leading
 * zeros).  Power-of-two bases are assembled bit by bit; other bases
 * multiply the digit array by base**k and add k characters' worth at a
 * time (k the largest chunk whose value fits in a digit), or, for very
 * long literals, split the text in two and combine the halves with a
 * Karatsuba multiplication by base**(2**j).
 *
 * In both directions 3.12 limits decimal conversions to
 * sys.get_int_max_str_digits() (default 4300) digits; the limit is checked
 * before the work starts whenever the sizes already prove the result too
 * long, and the messages are CPython's.
 *
 * int -> base 2/8/16 and int <-> bytes are straight bit-stream copies.
 */
#include "pycore.h"
#include "rp_object.h"
#include "long_internal.h"
#include <math.h>

int _Py_int_max_str_digits = _PY_LONG_DEFAULT_MAX_STR_DIGITS;

#define MAX_STR_DIGITS_TO_STR \
    "Exceeds the limit (%d digits) for integer string conversion; " \
    "use sys.set_int_max_str_digits() to increase the limit"
#define MAX_STR_DIGITS_TO_INT \
    "Exceeds the limit (%d digits) for integer string conversion: value has %zd digits; " \
    "use sys.set_int_max_str_digits() to increase the limit"

#define DECIMAL_SHIFT 9
#define DECIMAL_BASE ((digit)1000000000)


/* ------------------------------------------------------------------ */
/* Binary digits -> base 10**9 limbs                                   */
/* ------------------------------------------------------------------ */

/* Horner's rule, quadratic: good up to a few hundred digits.  Returns a
   PyMem_Malloc'ed limb array (at least one limb), *psize its length. */
static digit *
horner_to_limbs(const digit *pin, Py_ssize_t size_a, Py_ssize_t *psize)
{
    /* a limb holds 29.9 bits, a digit 30: size_a + size_a/29 + 2 suffice */
    Py_ssize_t cap = size_a + size_a / 29 + 2;
    digit *pout = PyMem_Malloc((size_t)cap * sizeof(digit));
    if (pout == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t size = 0;
    for (Py_ssize_t i = size_a; --i >= 0;) {
        digit hi = pin[i];
        for (Py_ssize_t j = 0; j < size; j++) {
            twodigits z = ((twodigits)pout[j] << PyLong_SHIFT) | hi;
            hi = (digit)(z / DECIMAL_BASE);
            pout[j] = (digit)(z - (twodigits)hi * DECIMAL_BASE);
        }
        while (hi) {
            pout[size++] = hi % DECIMAL_BASE;
            hi /= DECIMAL_BASE;
        }
    }
    if (size == 0)
        pout[size++] = 0;
    *psize = size;
    return pout;
}

/* Huge numbers: divide and conquer.  With a = hi * 2**(30m) + lo, convert
   hi and lo recursively and combine them *in base 10**9*: dec(a) =
   dec(hi) * dec(2**(30m)) + dec(lo).  m is a power of two, so the
   powers dec(2**(30 * 2**j)) come from repeated squaring and are shared by
   the whole recursion.  With a Karatsuba multiplication on base 10**9
   limbs this is O(n**1.58) instead of Horner's O(n**2). */

#define DC_TO_DEC_CUTOFF 300     /* binary digits */
#define DKARATSUBA_CUTOFF 64     /* limbs */

/* z[0:na+nb] = a * b, schoolbook, base 10**9.  Products are summed in
   64-bit accumulators and carried only every 16 rows (16 * 10**18 + 10**9
   < 2**64), which saves most of the divisions. */
static int
dmul_school(digit *z, const digit *a, Py_ssize_t na, const digit *b, Py_ssize_t nb)
{
    uint64_t small[2 * DKARATSUBA_CUTOFF + 2];
    Py_ssize_t n = na + nb;
    uint64_t *acc = n <= (Py_ssize_t)Py_ARRAY_LENGTH(small) ? small
                    : PyMem_Malloc((size_t)n * sizeof(uint64_t));
    if (acc == NULL)
        return -1;
    memset(acc, 0, (size_t)n * sizeof(uint64_t));
    for (Py_ssize_t i0 = 0; i0 < na; i0 += 16) {
        Py_ssize_t i1 = Py_MIN(i0 + 16, na);
        for (Py_ssize_t i = i0; i < i1; i++) {
            uint64_t ai = a[i];
            uint64_t *pa = acc + i;
            for (Py_ssize_t j = 0; j < nb; j++)
                pa[j] += ai * b[j];
        }
        /* normalise what these rows touched; carries only move up */
        uint64_t carry = 0;
        for (Py_ssize_t k = i0; k < n && (k < i1 + nb || carry); k++) {
            uint64_t t = acc[k] + carry;
            carry = t / DECIMAL_BASE;
            acc[k] = t - carry * DECIMAL_BASE;
        }
    }
    for (Py_ssize_t k = 0; k < n; k++)
        z[k] = (digit)acc[k];
    if (acc != small)
        PyMem_Free(acc);
    return 0;
}

/* x[0:nx] += y[0:ny] (nx >= ny); the final carry must fit. */
static void
dadd_into(digit *x, Py_ssize_t nx, const digit *y, Py_ssize_t ny)
{
    digit carry = 0;
    Py_ssize_t i;
    for (i = 0; i < ny; i++) {
        digit t = x[i] + y[i] + carry;
        carry = t >= DECIMAL_BASE;
        x[i] = carry ? t - DECIMAL_BASE : t;
    }
    for (; carry && i < nx; i++) {
        digit t = x[i] + 1;
        carry = t >= DECIMAL_BASE;
        x[i] = carry ? 0 : t;
    }
}

/* x[0:nx] -= y[0:ny] (x >= y). */
static void
dsub_from(digit *x, Py_ssize_t nx, const digit *y, Py_ssize_t ny)
{
    digit borrow = 0;
    Py_ssize_t i;
    for (i = 0; i < ny; i++) {
        digit sub = y[i] + borrow;
        borrow = x[i] < sub;
        x[i] = borrow ? x[i] + DECIMAL_BASE - sub : x[i] - sub;
    }
    for (; borrow && i < nx; i++) {
        borrow = x[i] == 0;
        x[i] = borrow ? DECIMAL_BASE - 1 : x[i] - 1;
    }
}

static Py_ssize_t
dtrim(const digit *a, Py_ssize_t n)
{
    while (n > 0 && a[n - 1] == 0)
        n--;
    return n;
}

/* z[0:na+nb] = a * b (base 10**9), Karatsuba above the cutoff.  0 or -1
   (MemoryError). */
static int
dmul(digit *z, const digit *a, Py_ssize_t na, const digit *b, Py_ssize_t nb)
{
    if (na < nb) {
        const digit *t = a; a = b; b = t;
        Py_ssize_t n = na; na = nb; nb = n;
    }
    if (nb <= DKARATSUBA_CUTOFF)
        return dmul_school(z, a, na, b, nb);
    if (2 * nb <= na) {
        /* lopsided: slices of a as long as b */
        memset(z, 0, (size_t)(na + nb) * sizeof(digit));
        digit *tmp = PyMem_Malloc((size_t)(2 * nb) * sizeof(digit));
        if (tmp == NULL)
            return -1;
        for (Py_ssize_t off = 0; off < na; off += nb) {
            Py_ssize_t take = Py_MIN(nb, na - off);
            if (dmul(tmp, a + off, take, b, nb) < 0) {
                PyMem_Free(tmp);
                return -1;
            }
            dadd_into(z + off, na + nb - off, tmp, take + nb);
        }
        PyMem_Free(tmp);
        return 0;
    }
    /* a = a1*B**k + a0, b = b1*B**k + b0 with k = na/2 < nb */
    Py_ssize_t k = na / 2;
    Py_ssize_t na1 = na - k, nb1 = nb - k;
    Py_ssize_t ns = na1 + 1;                       /* a0 + a1 fits in na1 + 1 */
    digit *buf = PyMem_Malloc((size_t)(4 * ns) * sizeof(digit));
    if (buf == NULL)
        return -1;
    digit *s1 = buf, *s2 = buf + ns, *mid = buf + 2 * ns;   /* mid: 2*ns */
    memset(buf, 0, (size_t)(2 * ns) * sizeof(digit));
    memcpy(s1, a + k, (size_t)na1 * sizeof(digit));
    dadd_into(s1, ns, a, k);
    memcpy(s2, b + k, (size_t)nb1 * sizeof(digit));
    dadd_into(s2, ns, b, k);
    /* low and high products straight into z */
    if (dmul(z, a, k, b, k) < 0 || dmul(z + 2 * k, a + k, na1, b + k, nb1) < 0 ||
        dmul(mid, s1, ns, s2, ns) < 0) {
        PyMem_Free(buf);
        return -1;
    }
    /* mid -= low + high, then add it in at B**k */
    Py_ssize_t nmid = dtrim(mid, 2 * ns);
    dsub_from(mid, nmid, z, dtrim(z, 2 * k));
    dsub_from(mid, nmid, z + 2 * k, dtrim(z + 2 * k, na1 + nb1));
    nmid = dtrim(mid, nmid);
    dadd_into(z + k, na + nb - k, mid, nmid);
    PyMem_Free(buf);
    return 0;
}

typedef struct {
    digit *limbs[64];   /* dec(2**(30 * 2**j)) */
    Py_ssize_t size[64];
} DecPowers;

/* dec(2**(30 * 2**j)), computed on demand: borrowed from the cache. */
static digit *
dec_power(DecPowers *pc, int j, Py_ssize_t *psize)
{
    if (pc->limbs[j] == NULL) {
        if (j == 0) {
            digit *p = PyMem_Malloc(2 * sizeof(digit));
            if (p == NULL)
                return NULL;
            p[0] = (digit)(PyLong_BASE % DECIMAL_BASE);
            p[1] = (digit)(PyLong_BASE / DECIMAL_BASE);
            pc->limbs[0] = p;
            pc->size[0] = 2;
        }
        else {
            Py_ssize_t n;
            digit *prev = dec_power(pc, j - 1, &n);
            if (prev == NULL)
                return NULL;
            digit *p = PyMem_Malloc((size_t)(2 * n) * sizeof(digit));
            if (p == NULL)
                return NULL;
            if (dmul(p, prev, n, prev, n) < 0) {
                PyMem_Free(p);
                return NULL;
            }
            pc->limbs[j] = p;
            pc->size[j] = dtrim(p, 2 * n);
        }
    }
    *psize = pc->size[j];
    return pc->limbs[j];
}

static digit *
dc_rec(const digit *d, Py_ssize_t n, Py_ssize_t *psize, DecPowers *pc)
{
    while (n > 0 && d[n - 1] == 0)
        n--;
    if (n <= DC_TO_DEC_CUTOFF)
        return horner_to_limbs(d, n, psize);
    int j = 0;
    while (((Py_ssize_t)2 << j) < n)
        j++;
    Py_ssize_t m = (Py_ssize_t)1 << j;   /* largest power of two < n */
    Py_ssize_t nhi, nlo, np;
    digit *hi = dc_rec(d + m, n - m, &nhi, pc);
    if (hi == NULL)
        return NULL;
    digit *lo = dc_rec(d, m, &nlo, pc);
    digit *pw = lo ? dec_power(pc, j, &np) : NULL;
    digit *res = pw ? PyMem_Malloc((size_t)(nhi + np + 1) * sizeof(digit)) : NULL;
    if (res == NULL || dmul(res, hi, nhi, pw, np) < 0) {
        PyMem_Free(hi);
        PyMem_Free(lo);
        PyMem_Free(res);
        PyErr_NoMemory();
        return NULL;
    }
    res[nhi + np] = 0;
    dadd_into(res, nhi + np + 1, lo, nlo);
    PyMem_Free(hi);
    PyMem_Free(lo);
    Py_ssize_t n_res = dtrim(res, nhi + np + 1);
    *psize = n_res ? n_res : 1;
    return res;
}

static digit *
dc_to_limbs(const digit *pin, Py_ssize_t size_a, Py_ssize_t *psize)
{
    DecPowers pc;
    memset(&pc, 0, sizeof pc);
    digit *r = dc_rec(pin, size_a, psize, &pc);
    for (int j = 0; j < 64; j++)
        PyMem_Free(pc.limbs[j]);
    return r;
}

/* ------------------------------------------------------------------ */
/* int -> decimal                                                      */
/* ------------------------------------------------------------------ */

/* Convert |a| to base 10**9 limbs (PyMem_Malloc'ed, least significant
   first) and count its decimal digits.  Applies the str-digits limit.
   Returns the limb array or NULL + exception. */
static digit *
decimal_limbs(PyLongObject *a, Py_ssize_t *plimbs, Py_ssize_t *pndec)
{
    Py_ssize_t size_a = _PyLong_DigitCount(a);
    int limit = _Py_int_max_str_digits;
    if (limit > 0 && size_a > 1) {
        /* a >= 2**(nbits-1) has at least floor((nbits-1)*log10(2)) + 1
           decimal digits. */
        double nbits = (double)(size_a - 1) * PyLong_SHIFT +
                       _PyLong_DigitBits(a->long_value.ob_digit[size_a - 1]);
        double lower = floor((nbits - 1.0) * 0.30102999566398114) + 1.0;
        if (lower > (double)limit + 1.0) {
            PyErr_Format(PyExc_ValueError, MAX_STR_DIGITS_TO_STR, limit);
            return NULL;
        }
    }
    const digit *pin = a->long_value.ob_digit;
    Py_ssize_t size;
    digit *pout = size_a > DC_TO_DEC_CUTOFF ? dc_to_limbs(pin, size_a, &size)
                                            : horner_to_limbs(pin, size_a, &size);
    if (pout == NULL)
        return NULL;
    if (size == 0)
        pout[size++] = 0;
    Py_ssize_t ndec = (size - 1) * DECIMAL_SHIFT + 1;
    for (digit rem = pout[size - 1], ten = 10; rem >= ten; ten *= 10) {
        ndec++;
        if (ten == 1000000000)
            break;
    }
    if (limit > 0 && ndec > limit) {
        PyMem_Free(pout);
        PyErr_Format(PyExc_ValueError, MAX_STR_DIGITS_TO_STR, limit);
        return NULL;
    }
    *plimbs = size;
    *pndec = ndec;
    return pout;
}

/* Write the limbs as exactly ndec characters ending at end (exclusive). */
static void
write_limbs(char *end, const digit *pout, Py_ssize_t size, Py_ssize_t ndec)
{
    char *p = end;
    for (Py_ssize_t i = 0; i < size - 1; i++) {
        digit rem = pout[i];
        for (int j = 0; j < DECIMAL_SHIFT; j++) {
            *--p = (char)('0' + rem % 10);
            rem /= 10;
        }
    }
    digit rem = pout[size - 1];
    char *start = end - ndec;
    do {
        *--p = (char)('0' + rem % 10);
        rem /= 10;
    } while (p > start);
}

/* Format a C integer into the end of buf; returns the start. */
static char *
format_ssize(char *end, Py_ssize_t v)
{
    char *p = end;
    size_t u = v < 0 ? 0 - (size_t)v : (size_t)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    return p;
}

/* An ASCII str from len bytes: new reference (always a fresh object:
   str(5) is not str(5) in CPython either). */
static PyObject *
ascii_str(const char *s, Py_ssize_t len)
{
    PyObject *r = PyUnicode_New(len, 127);
    if (r == NULL)
        return NULL;
    memcpy(PyUnicode_1BYTE_DATA(r), s, (size_t)len);
    return r;
}

/* str(int): new reference. */
PyObject *
_PyLong_ToDecimalString(PyObject *v)
{
    PyLongObject *a = (PyLongObject *)v;
    if (_PyLong_IsCompact(a)) {
        char buf[24];
        char *end = buf + sizeof(buf);
        char *p = format_ssize(end, _PyLong_CompactValue(a));
        return ascii_str(p, end - p);
    }
    Py_ssize_t size, ndec;
    digit *limbs = decimal_limbs(a, &size, &ndec);
    if (limbs == NULL)
        return NULL;
    int neg = _PyLong_IsNegative(a);
    PyObject *r = PyUnicode_New(ndec + neg, 127);
    if (r != NULL) {
        char *data = (char *)PyUnicode_1BYTE_DATA(r);
        if (neg)
            data[0] = '-';
        write_limbs(data + neg + ndec, limbs, size, ndec);
    }
    PyMem_Free(limbs);
    return r;
}

/* ------------------------------------------------------------------ */
/* int -> base 2, 8, 16                                                */
/* ------------------------------------------------------------------ */

static const char hexdigits[] = "0123456789abcdef";

/* Digits of |a| in base 2**bits, written ending at end; returns count. */
static Py_ssize_t
binary_digit_count(PyLongObject *a, int bits)
{
    size_t nbits = _PyLong_NumBits((PyObject *)a);
    if (nbits == 0)
        return 1;
    return (Py_ssize_t)((nbits + (size_t)bits - 1) / (size_t)bits);
}

static void
write_binary(char *end, PyLongObject *a, int bits, Py_ssize_t count)
{
    Py_ssize_t n = _PyLong_DigitCount(a);
    const digit *d = a->long_value.ob_digit;
    twodigits acc = 0;
    int accbits = 0;
    char *p = end;
    char *start = end - count;
    for (Py_ssize_t i = 0; i < n; i++) {
        acc |= (twodigits)d[i] << accbits;
        accbits += PyLong_SHIFT;
        while (accbits >= bits && p > start) {
            *--p = hexdigits[acc & ((1U << bits) - 1)];
            acc >>= bits;
            accbits -= bits;
        }
    }
    while (p > start) {
        *--p = hexdigits[acc & ((1U << bits) - 1)];
        acc >>= bits;
    }
}

/* Magnitude digits of v in base 2, 8, 10 or 16 (lowercase), PyMem_Malloc'ed
   and NUL-terminated; *len gets the length.  NULL + exception on error
   (base 10 applies the str-digits limit). */
char *
_PyLong_ToASCII(PyObject *v, int base, int alternate, int upper, Py_ssize_t *len)
{
    PyLongObject *a = (PyLongObject *)v;
    Py_ssize_t count;
    char *buf;
    int prefix = alternate && base != 10 ? 2 : 0;
    if (base == 10) {
        Py_ssize_t size;
        digit *limbs = decimal_limbs(a, &size, &count);
        if (limbs == NULL)
            return NULL;
        buf = PyMem_Malloc((size_t)count + 1);
        if (buf == NULL) {
            PyMem_Free(limbs);
            PyErr_NoMemory();
            return NULL;
        }
        write_limbs(buf + count, limbs, size, count);
        PyMem_Free(limbs);
    }
    else {
        int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
        count = binary_digit_count(a, bits) + prefix;
        buf = PyMem_Malloc((size_t)count + 1);
        if (buf == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        write_binary(buf + count, a, bits, count - prefix);
        if (prefix) {
            buf[0] = '0';
            buf[1] = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
        }
        if (upper)
            for (Py_ssize_t i = 0; i < count; i++)
                if (buf[i] >= 'a' && buf[i] <= 'z')
                    buf[i] = (char)(buf[i] - 'a' + 'A');
    }
    buf[count] = '\0';
    *len = count;
    return buf;
}

/* bin()/oct()/hex() (base 2/8/16, with prefix) and str() (base 10): new str. */
PyObject *
_PyLong_Format(PyObject *obj, int base)
{
    if (obj == NULL || !PyLong_Check(obj)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (base == 10)
        return _PyLong_ToDecimalString(obj);
    if (base != 2 && base != 8 && base != 16) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyLongObject *a = (PyLongObject *)obj;
    int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
    int neg = _PyLong_IsNegative(a);
    Py_ssize_t count = binary_digit_count(a, bits);
    PyObject *r = PyUnicode_New(count + 2 + neg, 127);
    if (r == NULL)
        return NULL;
    char *data = (char *)PyUnicode_1BYTE_DATA(r);
    char *p = data;
    if (neg)
        *p++ = '-';
    *p++ = '0';
    *p++ = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
    write_binary(p + count, a, bits, count);
    return r;
}

/* ------------------------------------------------------------------ */
/* text -> int                                                         */
/* ------------------------------------------------------------------ */

/* Value of an ASCII character as a digit in bases up to 36, else 37. */
static const unsigned char digit_value[256] = {
#define X37 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37
    X37, X37, X37,
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 37, 37, 37, 37, 37, 37,
    37, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
    25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 37, 37, 37, 37, 37,
    37, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
    25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 37, 37, 37, 37, 37,
    X37, X37, X37, X37, X37, X37, X37, X37,
#undef X37
};

static inline int
ascii_isspace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Scan a run of digits in base with single underscores between them.
   On success returns 0, *pend past the run, *ndigits counted (0 means no
   digits: a syntax error for the caller). -1: misplaced underscore, with
   *pend at the bad spot. */
static int
scan_digits(const char *p, int base, const char **pend, Py_ssize_t *ndigits)
{
    Py_ssize_t n = 0;
    char prev = 0;
    if (*p == '_') {
        *pend = p;
        return -1;
    }
    while (digit_value[(unsigned char)*p] < base || *p == '_') {
        if (*p == '_') {
            if (prev == '_') {
                *pend = p - 1;
                return -1;
            }
        }
        else
            n++;
        prev = *p++;
    }
    if (prev == '_') {
        *pend = p - 1;
        return -1;
    }
    *pend = p;
    *ndigits = n;
    return 0;
}

/* Build |value| from the scanned characters [start, end). */
static PyLongObject *
digits_to_long(const char *start, const char *end, int base, Py_ssize_t ndigits)
{
    if ((base & (base - 1)) == 0) {
        int bits = 0;
        while ((1 << bits) < base)
            bits++;
        Py_ssize_t nbits = ndigits * bits;
        Py_ssize_t size = (nbits + PyLong_SHIFT - 1) / PyLong_SHIFT;
        PyLongObject *z = _PyLong_New(size);
        if (z == NULL)
            return NULL;
        digit *zd = z->long_value.ob_digit;
        twodigits acc = 0;
        int accbits = 0;
        Py_ssize_t k = 0;
        for (const char *p = end; p-- > start;) {
            if (*p == '_')
                continue;
            acc |= (twodigits)digit_value[(unsigned char)*p] << accbits;
            accbits += bits;
            if (accbits >= PyLong_SHIFT) {
                zd[k++] = (digit)(acc & PyLong_MASK);
                acc >>= PyLong_SHIFT;
                accbits -= PyLong_SHIFT;
            }
        }
        if (accbits)
            zd[k++] = (digit)acc;
        while (k < size)
            zd[k++] = 0;
        return _PyLong_Normalize(z);
    }

    /* chunk = the largest k with base**k < 2**30 */
    int chunk = 0;
    twodigits chunkmul = 1;
    while (chunkmul * (twodigits)base <= PyLong_MASK) {
        chunkmul *= (twodigits)base;
        chunk++;
    }
    double bits_per_char = log2((double)base);
    Py_ssize_t size = (Py_ssize_t)((double)ndigits * bits_per_char / PyLong_SHIFT) + 2;
    PyLongObject *z = _PyLong_New(size);
    if (z == NULL)
        return NULL;
    digit *zd = z->long_value.ob_digit;
    Py_ssize_t used = 0;   /* digits of z in use */
    const char *p = start;
    while (p < end) {
        twodigits c = 0, mul = 1;
        int k = 0;
        while (k < chunk && p < end) {
            if (*p != '_') {
                c = c * (twodigits)base + digit_value[(unsigned char)*p];
                mul *= (twodigits)base;
                k++;
            }
            p++;
        }
        if (k == 0)
            break;
        /* z = z * mul + c */
        for (Py_ssize_t i = 0; i < used; i++) {
            c += (twodigits)zd[i] * mul;
            zd[i] = (digit)(c & PyLong_MASK);
            c >>= PyLong_SHIFT;
        }
        while (c) {
            zd[used++] = (digit)(c & PyLong_MASK);
            c >>= PyLong_SHIFT;
        }
    }
    for (Py_ssize_t i = used; i < size; i++)
        zd[i] = 0;
    return _PyLong_Normalize(z);
}

/* Huge non-binary literals: divide and conquer.  value(s) =
   value(high part) * base**k + value(low k digits), with k a power of two
   so that the powers base**(2**j) are shared; the multiplications are
   Karatsuba, so this is O(n**1.58) where the chunked loop is O(n**2). */
#define DC_FROM_STR_CUTOFF 3000   /* digits */

/* base**(2**j), cached in powers[]: borrowed reference. */
static PyObject *
dc_power(PyObject **powers, int j, int base)
{
    if (powers[j] == NULL) {
        if (j == 0)
            powers[0] = PyLong_FromLong(base);
        else {
            PyObject *q = dc_power(powers, j - 1, base);
            if (q == NULL)
                return NULL;
            powers[j] = _PyLong_Multiply((PyLongObject *)q, (PyLongObject *)q);
        }
    }
    return powers[j];
}

static PyLongObject *
dc_from_str(const char *s, Py_ssize_t n, int base, PyObject **powers)
{
    if (n <= DC_FROM_STR_CUTOFF)
        return digits_to_long(s, s + n, base, n);
    int j = 0;
    while (((Py_ssize_t)2 << j) < n)
        j++;
    Py_ssize_t k = (Py_ssize_t)1 << j;
    PyObject *pw = dc_power(powers, j, base);
    if (pw == NULL)
        return NULL;
    PyLongObject *hi = dc_from_str(s, n - k, base, powers);
    if (hi == NULL)
        return NULL;
    PyLongObject *lo = dc_from_str(s + n - k, k, base, powers);
    if (lo == NULL) {
        Py_DECREF(hi);
        return NULL;
    }
    PyObject *t = _PyLong_Multiply(hi, (PyLongObject *)pw);
    Py_DECREF(hi);
    PyObject *r = t ? _PyLong_Add((PyLongObject *)t, lo) : NULL;
    Py_XDECREF(t);
    Py_DECREF(lo);
    return (PyLongObject *)r;
}

/* Entry for the non-binary bases: underscores removed first if the
   number is large enough for the divide-and-conquer path. */
static PyLongObject *
text_to_long(const char *start, const char *end, int base, Py_ssize_t ndigits)
{
    if ((base & (base - 1)) == 0 || ndigits <= DC_FROM_STR_CUTOFF)
        return digits_to_long(start, end, base, ndigits);
    char *clean = PyMem_Malloc((size_t)ndigits + 1);
    if (clean == NULL)
        return (PyLongObject *)PyErr_NoMemory();
    Py_ssize_t n = 0;
    for (const char *p = start; p < end; p++)
        if (*p != '_')
            clean[n++] = *p;
    PyObject *powers[64] = {NULL};
    PyLongObject *r = dc_from_str(clean, n, base, powers);
    for (int i = 0; i < 64; i++)
        Py_XDECREF(powers[i]);
    PyMem_Free(clean);
    if (r != NULL && !PyLong_CheckExact(r)) {
        Py_DECREF(r);
        PyErr_BadInternalCall();
        return NULL;
    }
    if (r != NULL && _Py_IsImmortal((PyObject *)r)) {
        /* a small int: the caller edits the sign in place, so copy */
        PyLongObject *c = _PyLong_New(1);
        if (c == NULL)
            return NULL;
        c->long_value.lv_tag = r->long_value.lv_tag;
        c->long_value.ob_digit[0] = r->long_value.ob_digit[0];
        r = c;
    }
    return r;
}

/* repr(obj) cut to 200 code points: new str. */
static PyObject *
repr_trunc200(PyObject *obj)
{
    PyObject *r = PyObject_Repr(obj);
    if (r != NULL && PyUnicode_GET_LENGTH(r) > 200)
        Py_SETREF(r, PyUnicode_Substring(r, 0, 200));
    return r;
}

static void
invalid_literal(int base, PyObject *strobj)
{
    PyObject *r = repr_trunc200(strobj);
    if (r == NULL)
        return;
    PyErr_Format(PyExc_ValueError, "invalid literal for int() with base %d: %U", base, r);
    Py_DECREF(r);
}

/* New reference.  *pend (if not NULL) is set past the parsed text, also on
   syntax errors; it is left alone when another error (limit, memory) is
   raised. */
PyObject *
PyLong_FromString(const char *str, char **pend, int base)
{
    const char *orig = str;
    int negative = 0, error_if_nonzero = 0;
    if ((base != 0 && base < 2) || base > 36) {
        PyErr_SetString(PyExc_ValueError, "int() arg 2 must be >= 2 and <= 36");
        return NULL;
    }
    while (*str && ascii_isspace((unsigned char)*str))
        str++;
    if (*str == '+')
        str++;
    else if (*str == '-') {
        str++;
        negative = 1;
    }
    if (base == 0) {
        if (str[0] != '0')
            base = 10;
        else if (str[1] == 'x' || str[1] == 'X')
            base = 16;
        else if (str[1] == 'o' || str[1] == 'O')
            base = 8;
        else if (str[1] == 'b' || str[1] == 'B')
            base = 2;
        else {
            /* old-style octal "0777" is an error, unless the value is 0 */
            error_if_nonzero = 1;
            base = 10;
        }
    }
    if (str[0] == '0' &&
        ((base == 16 && (str[1] == 'x' || str[1] == 'X')) ||
         (base == 8 && (str[1] == 'o' || str[1] == 'O')) ||
         (base == 2 && (str[1] == 'b' || str[1] == 'B')))) {
        str += 2;
        if (*str == '_')   /* one underscore may follow the prefix */
            str++;
    }

    const char *start = str, *end;
    Py_ssize_t ndigits = 0;
    if (scan_digits(str, base, &end, &ndigits) < 0 || ndigits == 0) {
        str = end;
        goto syntax_error;
    }
    /* only trailing whitespace may follow, and that is checked before the
       (expensive) conversion and its digit limit */
    str = end;
    while (*str && ascii_isspace((unsigned char)*str))
        str++;
    if (*str != '\0')
        goto syntax_error;
    if ((base & (base - 1)) != 0 && ndigits > _PY_LONG_MAX_STR_DIGITS_THRESHOLD) {
        int limit = _Py_int_max_str_digits;
        if (limit > 0 && ndigits > limit) {
            PyErr_Format(PyExc_ValueError, MAX_STR_DIGITS_TO_INT, limit, ndigits);
            return NULL;
        }
    }
    PyLongObject *z = text_to_long(start, end, base, ndigits);
    if (z == NULL)
        return NULL;
    if (error_if_nonzero) {
        base = 0;
        if (!_PyLong_IsZero(z)) {
            Py_DECREF(z);
            goto syntax_error;
        }
    }
    if (negative && !_PyLong_IsZero(z))
        _PyLong_FlipSign(z);
    PyObject *result = _PyLong_MaybeSmall(z);
    if (pend != NULL)
        *pend = (char *)str;
    return result;

syntax_error:
    if (pend != NULL)
        *pend = (char *)str;
    {
        size_t slen = strlen(orig);
        if (slen > 200)
            slen = 200;
        PyObject *s = PyUnicode_DecodeUTF8(orig, (Py_ssize_t)slen, "replace");
        if (s != NULL) {
            invalid_literal(base, s);
            Py_DECREF(s);
        }
    }
    return NULL;
}

/* int(str, base): new reference. */
PyObject *
PyLong_FromUnicodeObject(PyObject *u, int base)
{
    PyObject *asciidig = _PyUnicode_TransformDecimalAndSpaceToASCII(u);
    if (asciidig == NULL)
        return NULL;
    Py_ssize_t buflen;
    const char *buffer = PyUnicode_AsUTF8AndSize(asciidig, &buflen);
    if (buffer == NULL) {
        Py_DECREF(asciidig);
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
            return NULL;
        PyErr_Clear();
    }
    else {
        char *end = NULL;
        PyObject *result = PyLong_FromString(buffer, &end, base);
        if (end == NULL || (result != NULL && end == buffer + buflen)) {
            Py_DECREF(asciidig);
            return result;
        }
        Py_DECREF(asciidig);
        Py_XDECREF(result);
        PyErr_Clear();
    }
    invalid_literal(base, u);
    return NULL;
}

/* int(bytes, base): new reference. */
PyObject *
_PyLong_FromBytes(const char *s, Py_ssize_t len, int base)
{
    char *end = NULL;
    /* The parser needs a NUL-terminated buffer; bytes objects have one,
       other buffers are copied by the callers. */
    PyObject *result = PyLong_FromString(s, &end, base);
    if (end == NULL || (result != NULL && end == s + len))
        return result;
    Py_XDECREF(result);
    PyErr_Clear();
    PyObject *b = PyBytes_FromStringAndSize(s, Py_MIN(len, 200));
    if (b == NULL)
        return NULL;
    PyObject *r = repr_trunc200(b);
    Py_DECREF(b);
    if (r != NULL) {
        PyErr_Format(PyExc_ValueError, "invalid literal for int() with base %d: %U", base, r);
        Py_DECREF(r);
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* int <-> bytes                                                       */
/* ------------------------------------------------------------------ */

/* New reference. */
PyObject *
_PyLong_FromByteArray(const unsigned char *bytes, size_t n, int little_endian, int is_signed)
{
    if (n == 0)
        return _PyLong_GetZero();
    /* byte i (0 = least significant) */
#define BYTE(i) (little_endian ? bytes[(i)] : bytes[n - 1 - (i)])
    int negative = is_signed && (BYTE(n - 1) & 0x80);
    /* ignore high bytes that carry no information */
    size_t used = n;
    unsigned char pad = negative ? 0xFF : 0x00;
    while (used > 0 && BYTE(used - 1) == pad)
        used--;
    if (used <= 7) {
        uint64_t x = 0;
        for (size_t i = used; i-- > 0;)
            x = (x << 8) | BYTE(i);
        if (negative) {
            /* value = x - 2**(8*used) */
            int64_t v = (int64_t)x - (int64_t)((uint64_t)1 << (8 * used));
            return _PyLong_FromSTwoDigits(v);
        }
        return PyLong_FromUnsignedLongLong(x);
    }
    size_t nbits = used * 8 + (negative ? 1 : 0);
    Py_ssize_t ndigits = (Py_ssize_t)((nbits + PyLong_SHIFT - 1) / PyLong_SHIFT);
    PyLongObject *z = _PyLong_New(ndigits);
    if (z == NULL)
        return NULL;
    digit *zd = z->long_value.ob_digit;
    twodigits acc = 0;
    int accbits = 0;
    Py_ssize_t k = 0;
    unsigned int carry = 1;   /* for the two's complement of negatives */
    for (size_t i = 0; i < n && k < ndigits; i++) {
        unsigned int b = BYTE(i);
        if (negative) {
            b = (~b & 0xFF) + carry;
            carry = b >> 8;
            b &= 0xFF;
        }
        acc |= (twodigits)b << accbits;
        accbits += 8;
        if (accbits >= PyLong_SHIFT) {
            zd[k++] = (digit)(acc & PyLong_MASK);
            acc >>= PyLong_SHIFT;
            accbits -= PyLong_SHIFT;
        }
    }
    if (k < ndigits)
        zd[k++] = (digit)(acc & PyLong_MASK);
    while (k < ndigits)
        zd[k++] = 0;
#undef BYTE
    _PyLong_Normalize(z);
    if (negative && !_PyLong_IsZero(z))
        _PyLong_FlipSign(z);
    return _PyLong_MaybeSmall(z);
}

int
_PyLong_AsByteArray(PyLongObject *v, unsigned char *bytes, size_t n, int little_endian, int is_signed)
{
    int negative = _PyLong_IsNegative(v);
    if (negative && !is_signed) {
        PyErr_SetString(PyExc_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    size_t nbits = _PyLong_NumBits((PyObject *)v);
    int fits;
    if (!is_signed)
        fits = nbits <= 8 * n;
    else if (!negative)
        fits = nbits < 8 * n || nbits == 0;
    else {
        /* -2**(8n-1) is the smallest: a power of two with 8n bits fits */
        fits = nbits < 8 * n;
        if (!fits && nbits == 8 * n) {
            Py_ssize_t nd = _PyLong_DigitCount(v);
            size_t ones = 0;
            for (Py_ssize_t i = 0; i < nd; i++)
                ones += (size_t)__builtin_popcount(v->long_value.ob_digit[i]);
            fits = ones == 1;
        }
    }
    if (!fits) {
        PyErr_SetString(PyExc_OverflowError, "int too big to convert");
        return -1;
    }
    Py_ssize_t nd = _PyLong_DigitCount(v);
    const digit *d = v->long_value.ob_digit;
    twodigits acc = 0;
    int accbits = 0;
    Py_ssize_t k = 0;
    unsigned int carry = 1;
    for (size_t i = 0; i < n; i++) {
        if (accbits < 8 && k < nd) {
            acc |= (twodigits)d[k++] << accbits;
            accbits += PyLong_SHIFT;
        }
        unsigned int b = (unsigned int)(acc & 0xFF);
        acc >>= 8;
        accbits -= 8;
        if (accbits < 0)
            accbits = 0;
        if (negative) {
            b = (~b & 0xFF) + carry;
            carry = b >> 8;
            b &= 0xFF;
        }
        bytes[little_endian ? i : n - 1 - i] = (unsigned char)b;
    }
    return 0;
}
