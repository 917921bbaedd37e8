/* long_format.c -- int <-> text and int <-> bytes.
 *
 * int -> decimal: the 30-bit digits are converted into base 10**9 "limbs"
 * by Horner's rule (each incoming digit multiplies the limb array by 2**30
 * and adds itself), then every limb becomes nine characters written from
 * the end of the buffer backwards.  This is quadratic, which is why 3.12
 * limits conversions to sys.get_int_max_str_digits() (default 4300)
 * decimal digits in both directions; the limit is checked before the work
 * starts whenever the bit length already proves the result too long.
 *
 * int -> base 2/8/16: a straight bit-stream read, no arithmetic.
 *
 * text -> int: CPython's grammar (whitespace, sign, 0x/0o/0b prefixes,
 * single underscores between digits, the base-0 rule that forbids leading
 * zeros), then power-of-two bases are assembled bit by bit and the others
 * by multiplying the digit array by base**k and adding k characters' worth
 * at a time, k being the largest chunk whose value fits in a digit.
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
    /* 30 bits < 3.34 limbs of 9 digits... a limb holds 29.9 bits, so
       size_a + size_a / 29 + 1 limbs are always enough. */
    Py_ssize_t cap = 1 + size_a + size_a / 29 + 1;
    digit *pout = PyMem_Malloc((size_t)cap * sizeof(digit));
    if (pout == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    const digit *pin = a->long_value.ob_digit;
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
        if (((size_a - i) & 1023) == 0 && PyErr_CheckSignals() < 0) {
            PyMem_Free(pout);
            return NULL;
        }
    }
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
    PyLongObject *z = digits_to_long(start, end, base, ndigits);
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
