/* float_format.c -- doubles to text and back (CPython's pystrtod API).
 *
 * repr(float) is the shortest digit string that reads back as the same
 * double, and among those the nearest to it.  The digits come from the
 * classic exact algorithm (Steele & White's "free-format" printing, as
 * refined by Burger & Dybvig and implemented in David Gay's dtoa mode 0):
 *
 *   with x = r / s exactly, and the halfway points to the neighbouring
 *   doubles at (r - m-) / s and (r + m+) / s, all four being big
 *   integers, scale s so that 0.1 <= x < 1; then repeatedly multiply
 *   r, m- and m+ by 10 and take the next digit d = r // s (r %= s).
 *   Stop as soon as the digits so far, or the digits with the last one
 *   rounded up, fall strictly inside the rounding interval (inside or on
 *   its edge when x's significand is even, because strtod rounds half to
 *   even).  When both would do, pick the nearer one.
 *
 * The termination tests and tie-breaks follow dtoa's choices, so the
 * output is character for character what CPython prints.  For everyday
 * magnitudes (about 1e-20..1e20) the four integers fit in 128 bits and the
 * loop runs on unsigned __int128; otherwise on small fixed-size bignums
 * (never more than ~1140 bits) on the stack.
 *
 * Fixed-precision formats ('e', 'f', 'g', '%' and round()) need the
 * correctly rounded digits of the exact binary value, ties to even.  When
 * x * 10**t fits in 128 bits they are computed exactly by one
 * multiplication and a shift (or a division) with a look at the remainder;
 * otherwise glibc's printf, which is exact too, supplies them.  The digits
 * are then laid out with CPython's format_float_short rules (when to use
 * an exponent, '#', the ".0" of repr, two-digit exponents).
 *
 * Parsing validates CPython's float grammar itself (no hex floats, no
 * "nan(...)", no locale) and then lets strtod, which is correctly rounded,
 * produce the value.
 */
#include "pycore.h"
#include "rp_object.h"
#include "long_internal.h"
#include <math.h>
#include <float.h>
#include <errno.h>

/* ------------------------------------------------------------------ */
/* A tiny fixed-size bignum                                            */
/* ------------------------------------------------------------------ */

#define BN_WORDS 40   /* 1280 bits */

typedef struct {
    int n;                    /* words in use; w[n-1] != 0 unless n == 0 */
    uint32_t w[BN_WORDS];
} bignum;

static void
bn_set(bignum *a, uint64_t x)
{
    a->n = 0;
    while (x) {
        a->w[a->n++] = (uint32_t)x;
        x >>= 32;
    }
}

static void
bn_shl(bignum *a, int bits)
{
    if (a->n == 0 || bits == 0)
        return;
    int words = bits / 32, sh = bits % 32;
    if (sh) {
        uint32_t carry = 0;
        for (int i = 0; i < a->n; i++) {
            uint32_t v = a->w[i];
            a->w[i] = (v << sh) | carry;
            carry = v >> (32 - sh);
        }
        if (carry)
            a->w[a->n++] = carry;
    }
    if (words) {
        memmove(a->w + words, a->w, (size_t)a->n * sizeof(uint32_t));
        memset(a->w, 0, (size_t)words * sizeof(uint32_t));
        a->n += words;
    }
}

static void
bn_mul_small(bignum *a, uint32_t m)
{
    uint64_t carry = 0;
    for (int i = 0; i < a->n; i++) {
        uint64_t v = (uint64_t)a->w[i] * m + carry;
        a->w[i] = (uint32_t)v;
        carry = v >> 32;
    }
    if (carry)
        a->w[a->n++] = (uint32_t)carry;
}

static void
bn_mul_pow10(bignum *a, int k)
{
    while (k >= 9) {
        bn_mul_small(a, 1000000000U);
        k -= 9;
    }
    static const uint32_t p10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    if (k > 0)
        bn_mul_small(a, p10[k]);
}

static int
bn_cmp(const bignum *a, const bignum *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (int i = a->n; i-- > 0;)
        if (a->w[i] != b->w[i])
            return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}

/* a -= b (a >= b) */
static void
bn_sub(bignum *a, const bignum *b)
{
    int64_t borrow = 0;
    for (int i = 0; i < a->n; i++) {
        int64_t v = (int64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
        borrow = v < 0;
        a->w[i] = (uint32_t)v;
    }
    while (a->n > 0 && a->w[a->n - 1] == 0)
        a->n--;
}

/* r = a + b */
static void
bn_add(bignum *r, const bignum *a, const bignum *b)
{
    int n = a->n > b->n ? a->n : b->n;
    uint64_t carry = 0;
    for (int i = 0; i < n; i++) {
        uint64_t v = (uint64_t)(i < a->n ? a->w[i] : 0) + (i < b->n ? b->w[i] : 0) + carry;
        r->w[i] = (uint32_t)v;
        carry = v >> 32;
    }
    r->n = n;
    if (carry)
        r->w[r->n++] = (uint32_t)carry;
}

/* ------------------------------------------------------------------ */
/* 128-bit helpers (exact arithmetic for the common magnitudes)        */
/* ------------------------------------------------------------------ */

typedef unsigned __int128 u128;

static u128 pow10_u128[39];

static void
init_pow10(void)
{
    if (pow10_u128[0] == 1)
        return;
    u128 p = 1;
    for (int i = 0; i < 39; i++) {
        pow10_u128[i] = p;
        p *= 10;
    }
}

static int
u128_bits(u128 v)
{
    uint64_t hi = (uint64_t)(v >> 64), lo = (uint64_t)v;
    if (hi)
        return 128 - __builtin_clzll(hi);
    return lo ? 64 - __builtin_clzll(lo) : 0;
}

/* round_half_even(num / 2**s) for s >= 1 (s < 128); floor when !rnd. */
static u128
shift_round(u128 num, int s, int rnd)
{
    u128 q = num >> s;
    if (!rnd)
        return q;
    u128 r = num & (((u128)1 << s) - 1);
    u128 half = (u128)1 << (s - 1);
    if (r > half || (r == half && (q & 1)))
        q++;
    return q;
}

/* round_half_even(num / den), den > 0; floor when !rnd. */
static u128
div_round(u128 num, u128 den, int rnd)
{
    u128 q = num / den, r = num - q * den;
    if (!rnd)
        return q;
    u128 twice = r << 1;   /* r < den < 2**127 */
    if (twice > den || (twice == den && (q & 1)))
        q++;
    return q;
}

/* q = round(x * 10**t) (or floor when !rnd), x = m * 2**e; 0 if it does
   not fit the 128-bit scheme. */
static int
scaled_round(uint64_t m, int e, int t, int rnd, u128 *out)
{
    if (t >= 0) {
        if (t > 38)
            return 0;
        u128 p = pow10_u128[t];
        if (53 + u128_bits(p) > 127)
            return 0;
        u128 num = (u128)m * p;          /* < 2**127 */
        if (e >= 0) {
            if (u128_bits(num) + e > 127)
                return 0;
            *out = num << e;
        }
        else if (-e >= 128)
            *out = 0;                        /* num < 2**(-e-1): below one half */
        else
            *out = shift_round(num, -e, rnd);
        return 1;
    }
    /* divide by 10**u */
    int u = -t;
    if (u > 38)
        return 0;
    u128 den = pow10_u128[u];
    if (e >= 0) {
        if (53 + e > 127)
            return 0;
        *out = div_round((u128)m << e, den, rnd);
        return 1;
    }
    if (u128_bits(den) - e > 127)
        return 0;
    *out = div_round((u128)m, den << -e, rnd);
    return 1;
}

/* Decimal digits of v (v > 0) into buf; returns the count. */
static int
u128_digits(u128 v, char *buf)
{
    char tmp[48];
    int n = 0;
    const uint64_t e19 = 10000000000000000000ULL;
    while (v > (u128)UINT64_MAX) {
        u128 q = v / e19;
        uint64_t r = (uint64_t)(v - q * e19);
        for (int i = 0; i < 19; i++) {
            tmp[n++] = (char)('0' + r % 10);
            r /= 10;
        }
        v = q;
    }
    uint64_t w = (uint64_t)v;
    while (w) {
        tmp[n++] = (char)('0' + w % 10);
        w /= 10;
    }
    for (int i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    return n;
}

/* ------------------------------------------------------------------ */
/* Shortest digits                                                     */
/* ------------------------------------------------------------------ */

/* Round the last digit up when asked (through nines), strip trailing
   zeros, terminate; returns the (possibly bumped) decpt. */
static int
finish_digits(char *digits, int n, int carry, int k, int *ndigits)
{
    if (carry) {
        int i = n - 1;
        while (i >= 0 && digits[i] == '9')
            i--;
        if (i < 0) {
            digits[0] = '1';
            n = 1;
            k++;
        }
        else {
            digits[i]++;
            n = i + 1;
        }
    }
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    *ndigits = n;
    return k;
}

/* The same digit generation as below in 128-bit integers, for the
   magnitudes (roughly 1e-20 < x < 1e20) where s stays under 2**123 so
   that nothing overflows.  Returns 0 when it does not apply. */
static int
shortest_u128(uint64_t f, int e, int unequal, int even, double x, char *digits,
              int *ndigits, int *decpt)
{
    u128 r, s, mp, mm;
    if (e >= 0) {
        if (53 + e + 2 > 123)
            return 0;
        r = (u128)f << (e + 1 + unequal);
        s = unequal ? 4 : 2;
        mm = (u128)1 << e;
        mp = (u128)1 << (e + unequal);
    }
    else {
        if (1 + unequal - e > 120)
            return 0;
        r = (u128)f << (1 + unequal);
        s = (u128)1 << (1 + unequal - e);
        mm = 1;
        mp = unequal ? 2 : 1;
    }
    init_pow10();
    int k = (int)floor(log10(x)) + 1;
    if (k >= 0) {
        if (k > 38 || u128_bits(s) + u128_bits(pow10_u128[k]) > 122)
            return 0;
        s *= pow10_u128[k];
    }
    else {
        if (-k > 38 || u128_bits(r) + u128_bits(pow10_u128[-k]) > 122)
            return 0;
        r *= pow10_u128[-k];
        mp *= pow10_u128[-k];
        mm *= pow10_u128[-k];
    }
    while (r >= s) {
        if (u128_bits(s) > 119)
            return 0;
        s *= 10;
        k++;
    }
    while (r * 10 < s) {
        r *= 10;
        mp *= 10;
        mm *= 10;
        k--;
    }
    if (u128_bits(s) > 123)
        return 0;
    int n = 0, carry = 0;
    for (;;) {
        r *= 10;
        mp *= 10;
        mm *= 10;
        int d = 0;
        while (r >= s) {
            r -= s;
            d++;
        }
        int j = (r > mm) - (r < mm);
        u128 t = r + mp;
        int j1 = (t > s) - (t < s);
        if (j1 == 0 && even) {
            if (d == 9 || j > 0)
                carry = 1;
            digits[n++] = (char)('0' + d);
            break;
        }
        if (j < 0 || (j == 0 && even)) {
            if (r != 0 && j1 > 0) {
                u128 twice = r << 1;
                if (twice > s || (twice == s && (d & 1)))
                    carry = 1;
            }
            digits[n++] = (char)('0' + d);
            break;
        }
        if (j1 > 0) {
            digits[n++] = (char)('0' + d);
            carry = 1;
            break;
        }
        digits[n++] = (char)('0' + d);
        if (n >= 18)
            break;
    }
    *decpt = finish_digits(digits, n, carry, k, ndigits);
    return 1;
}

/* x finite and > 0.  Writes the digits (no trailing zeros, NUL-terminated)
   into digits[] (>= 20 bytes), *ndigits their count; returns decpt with
   x ~= 0.DIGITS * 10**decpt. */
int
_Py_dg_shortest(double x, char *digits, int *ndigits)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    uint64_t mant = bits & (((uint64_t)1 << 52) - 1);
    int bexp = (int)((bits >> 52) & 0x7ff);
    uint64_t f;
    int e;
    if (bexp == 0) {
        f = mant;
        e = -1074;
    }
    else {
        f = mant | ((uint64_t)1 << 52);
        e = bexp - 1075;
    }
    /* The gap below x is half the gap above it at a power of two (except
       at the bottom of the normal range). */
    int unequal = mant == 0 && bexp > 1;
    int even = (f & 1) == 0;
    int decpt;
    if (shortest_u128(f, e, unequal, even, x, digits, ndigits, &decpt))
        return decpt;

    bignum r, s, mp, mm, t;
    bn_set(&r, f);
    if (e >= 0) {
        bn_shl(&r, e + 1 + unequal);
        bn_set(&s, unequal ? 4 : 2);
        bn_set(&mm, 1);
        bn_shl(&mm, e);
        bn_set(&mp, 1);
        bn_shl(&mp, e + unequal);
    }
    else {
        bn_shl(&r, 1 + unequal);
        bn_set(&s, 1);
        bn_shl(&s, 1 + unequal - e);
        bn_set(&mm, 1);
        bn_set(&mp, unequal ? 2 : 1);
    }

    /* scale so that 10**(k-1) <= x < 10**k, i.e. 0.1 <= r/s < 1 */
    int k = (int)floor(log10(x)) + 1;
    if (k >= 0)
        bn_mul_pow10(&s, k);
    else {
        bn_mul_pow10(&r, -k);
        bn_mul_pow10(&mp, -k);
        bn_mul_pow10(&mm, -k);
    }
    while (bn_cmp(&r, &s) >= 0) {
        bn_mul_small(&s, 10);
        k++;
    }
    for (;;) {
        t = r;
        bn_mul_small(&t, 10);
        if (bn_cmp(&t, &s) >= 0)
            break;
        r = t;
        bn_mul_small(&mp, 10);
        bn_mul_small(&mm, 10);
        k--;
    }

    int n = 0;
    int carry = 0;   /* the last digit must be rounded up */
    for (;;) {
        bn_mul_small(&r, 10);
        bn_mul_small(&mp, 10);
        bn_mul_small(&mm, 10);
        int d = 0;
        while (bn_cmp(&r, &s) >= 0) {
            bn_sub(&r, &s);
            d++;
        }
        int j = bn_cmp(&r, &mm);           /* low end: r < m- is inside */
        bn_add(&t, &r, &mp);
        int j1 = bn_cmp(&t, &s);           /* high end: r + m+ > s is inside */
        if (j1 == 0 && even) {
            /* exactly on the (allowed) upper edge */
            if (d == 9 || j > 0)
                carry = 1;
            digits[n++] = (char)('0' + d);
            break;
        }
        if (j < 0 || (j == 0 && even)) {
            if (r.n != 0 && j1 > 0) {
                /* both d and d+1 work: take the nearer, ties to even */
                t = r;
                bn_shl(&t, 1);
                int c = bn_cmp(&t, &s);
                if (c > 0 || (c == 0 && (d & 1)))
                    carry = 1;
            }
            digits[n++] = (char)('0' + d);
            break;
        }
        if (j1 > 0) {
            digits[n++] = (char)('0' + d);
            carry = 1;
            break;
        }
        digits[n++] = (char)('0' + d);
        if (n >= 18)   /* cannot happen for IEEE doubles */
            break;
    }
    return finish_digits(digits, n, carry, k, ndigits);
}

/* ------------------------------------------------------------------ */
/* Correctly rounded digits from printf                                */
/* ------------------------------------------------------------------ */

/* Fast exact path for the common fixed-precision cases.  With
   x = m * 2**e (m < 2**53 an integer), the digits we want are the integer
   q = round_half_even(x * 10**t) for a suitable t, and when everything
   fits in 128 bits that is one or two multiplications, a shift or a
   division, and an exact look at the remainder -- no bignum.  Returns 1
   and fills digits/decpt/len (same conventions as fixed_digits), or 0 to
   let the general path handle it. */
static int
fast_fixed_digits(double x, int mode, int ndig, char *buf, int *decpt, int *len)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    uint64_t m = bits & (((uint64_t)1 << 52) - 1);
    int bexp = (int)((bits >> 52) & 0x7ff);
    int e;
    if (bexp == 0)
        e = -1074;
    else {
        m |= (uint64_t)1 << 52;
        e = bexp - 1075;
    }
    init_pow10();
    u128 q;
    int n;
    if (mode == 3) {
        if (!scaled_round(m, e, ndig, 1, &q))
            return 0;
        if (q == 0) {
            *len = 0;
            buf[0] = '\0';
            *decpt = -ndig;
            return 1;
        }
        n = u128_digits(q, buf);
        *decpt = n - ndig;
    }
    else {
        if (ndig > 36)
            return 0;
        /* find k with 10**k <= x < 10**(k+1) exactly: the truncated
           x * 10**(ndig-1-k) must have ndig digits */
        int k = (int)floor(log10(x));    /* may be off by one */
        for (int tries = 0;; tries++) {
            if (tries == 3 || !scaled_round(m, e, ndig - 1 - k, 0, &q))
                return 0;
            if (q >= pow10_u128[ndig])
                k++;
            else if (q < pow10_u128[ndig - 1])
                k--;
            else
                break;
        }
        if (!scaled_round(m, e, ndig - 1 - k, 1, &q))
            return 0;
        if (q == pow10_u128[ndig]) {
            /* rounded up to the next power of ten */
            q = pow10_u128[ndig - 1];
            k++;
        }
        n = u128_digits(q, buf);
        *decpt = k + 1;
    }
    while (n > 0 && buf[n - 1] == '0')
        n--;
    buf[n] = '\0';
    *len = n;
    return 1;
}

/* mode 2: ndig significant digits; mode 3: ndig digits after the point.
   x finite, >= 0.  Writes the digits (trailing zeros removed; "" when x
   rounds to zero in mode 3) into dig if it has room (digcap bytes), else
   into a PyMem buffer, and returns the buffer used; *decpt as in
   _Py_dg_shortest.  NULL + MemoryError on failure. */
static char *
fixed_digits(double x, int mode, int ndig, int *decpt, int *len, char *dig, size_t digcap)
{
    size_t cap = (size_t)ndig + 400;
    char *buf = cap <= digcap ? dig : PyMem_Malloc(cap);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    if (x == 0.0) {
        strcpy(buf, "0");
        *decpt = 1;
        *len = 1;
        return buf;
    }
    if (fast_fixed_digits(x, mode, ndig, buf, decpt, len))
        return buf;
    char small[512];
    char *tmp = cap <= sizeof small ? small : PyMem_Malloc(cap);
    if (tmp == NULL) {
        if (buf != dig)
            PyMem_Free(buf);
        PyErr_NoMemory();
        return NULL;
    }
    int n = 0;
    if (mode == 2) {
        /* d.ddddde[+-]XX */
        int m = snprintf(tmp, cap, "%.*e", ndig - 1, x);
        const char *epos = tmp + m;
        while (epos > tmp && *epos != 'e')
            epos--;
        for (const char *p = tmp; p < epos; p++)
            if (*p != '.')
                buf[n++] = *p;
        *decpt = atoi(epos + 1) + 1;
    }
    else {
        /* iii.fff: drop leading zeros, counting them off the point */
        int m = snprintf(tmp, cap, "%.*f", ndig, x);
        int dp = ndig > 0 ? m - ndig - 1 : m;   /* digits before the point */
        int leading = 1;
        for (const char *p = tmp; *p; p++) {
            if (*p == '.')
                continue;
            if (leading && *p == '0') {
                dp--;
                continue;
            }
            leading = 0;
            buf[n++] = *p;
        }
        *decpt = n == 0 ? -ndig : dp;
    }
    if (tmp != small)
        PyMem_Free(tmp);
    while (n > 0 && buf[n - 1] == '0')
        n--;
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* ------------------------------------------------------------------ */
/* Layout (CPython's format_float_short rules)                         */
/* ------------------------------------------------------------------ */

/* Lay out sign, digits, point and exponent into out (large enough: see
   layout_size).  Returns the length. */
static Py_ssize_t
layout(char *out, const char *digits, Py_ssize_t ndig, Py_ssize_t decpt, int negative,
       char code, int precision, int flags, char echar)
{
    int add_dot_0 = flags & Py_DTSF_ADD_DOT_0;
    int alt = flags & Py_DTSF_ALT;
    int use_exp = 0;
    Py_ssize_t vend = ndig;    /* slice end of the virtual zero-padded digits */
    int exp = 0;
    switch (code) {
    case 'e':
        use_exp = 1;
        vend = precision;
        break;
    case 'f':
        vend = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision))
            use_exp = 1;
        if (alt)
            vend = precision;
        break;
    case 'r':
        if (decpt <= -4 || decpt > 16)
            use_exp = 1;
        break;
    }
    if (use_exp) {
        exp = (int)decpt - 1;
        decpt = 1;
    }
    Py_ssize_t vstart = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0)
        vend = vend > decpt ? vend : decpt + 1;
    else
        vend = vend > decpt ? vend : decpt;

    char *p = out;
    if (negative)
        *p++ = '-';
    else if (flags & Py_DTSF_SIGN)
        *p++ = '+';
    if (decpt <= 0) {
        memset(p, '0', (size_t)(decpt - vstart));
        p += decpt - vstart;
        *p++ = '.';
        memset(p, '0', (size_t)(-decpt));
        p += -decpt;
    }
    else {
        memset(p, '0', (size_t)(-vstart));
        p += -vstart;
    }
    if (0 < decpt && decpt <= ndig) {
        memcpy(p, digits, (size_t)decpt);
        p += decpt;
        *p++ = '.';
        memcpy(p, digits + decpt, (size_t)(ndig - decpt));
        p += ndig - decpt;
    }
    else {
        memcpy(p, digits, (size_t)ndig);
        p += ndig;
    }
    if (ndig < decpt) {
        memset(p, '0', (size_t)(decpt - ndig));
        p += decpt - ndig;
        *p++ = '.';
        memset(p, '0', (size_t)(vend - decpt));
        p += vend - decpt;
    }
    else {
        memset(p, '0', (size_t)(vend - ndig));
        p += vend - ndig;
    }
    if (p[-1] == '.' && !alt)
        p--;
    if (use_exp) {
        *p++ = echar;
        if (exp < 0) {
            *p++ = '-';
            exp = -exp;
        }
        else
            *p++ = '+';
        if (exp < 10)
            *p++ = '0';
        char tmp[8];
        int tn = 0;
        do {
            tmp[tn++] = (char)('0' + exp % 10);
            exp /= 10;
        } while (exp);
        while (tn > 0)
            *p++ = tmp[--tn];
    }
    *p = '\0';
    return p - out;
}

static size_t
layout_size(Py_ssize_t ndig, Py_ssize_t decpt, char code, int precision)
{
    /* generous: sign, point, NUL, exponent, and all padding */
    Py_ssize_t a = ndig + (decpt < 0 ? -decpt : decpt) + precision + 16;
    return (size_t)a;
}

/* Special values: writes "inf"/"nan" with sign rules; returns length. */
static int
format_special(char *out, double val, int flags, int upper, int *type)
{
    char *p = out;
    if (isnan(val)) {
        if (flags & Py_DTSF_SIGN)
            *p++ = '+';
        memcpy(p, upper ? "NAN" : "nan", 3);
        p += 3;
        if (type)
            *type = Py_DTST_NAN;
    }
    else {
        if (signbit(val))
            *p++ = '-';
        else if (flags & Py_DTSF_SIGN)
            *p++ = '+';
        memcpy(p, upper ? "INF" : "inf", 3);
        p += 3;
        if (type)
            *type = Py_DTST_INFINITE;
    }
    *p = '\0';
    return (int)(p - out);
}

/* The core of PyOS_double_to_string: formats into out when the result
   fits in cap bytes, else into a new PyMem buffer; returns the buffer used
   (NULL + exception on failure) and its length in *len. */
char *
_PyFloat_FormatToBuffer(double val, char format_code, int precision, int flags,
                        char *out, size_t cap, Py_ssize_t *len, int *type)
{
    int upper = 0;
    int mode;
    switch (format_code) {
    case 'E': upper = 1; format_code = 'e'; /* fall through */
    case 'e': mode = 2; precision++; break;
    case 'F': upper = 1; format_code = 'f'; /* fall through */
    case 'f': mode = 3; break;
    case 'G': upper = 1; format_code = 'g'; /* fall through */
    case 'g': mode = 2; if (precision == 0) precision = 1; break;
    case 'r':
        mode = 0;
        if (precision != 0) {
            PyErr_BadInternalCall();
            return NULL;
        }
        break;
    default:
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!isfinite(val)) {
        char *buf = cap >= 8 ? out : PyMem_Malloc(8);
        if (buf == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        *len = format_special(buf, val, flags, upper, type);
        return buf;
    }
    if (type)
        *type = Py_DTST_FINITE;
    int negative = signbit(val) != 0;
    double ax = fabs(val);
    char dig[512];
    char *digits;
    int ndig, decpt;
    if (mode == 0) {
        if (ax == 0.0) {
            strcpy(dig, "0");
            ndig = 1;
            decpt = 1;
        }
        else
            decpt = _Py_dg_shortest(ax, dig, &ndig);
        digits = dig;
    }
    else {
        digits = fixed_digits(ax, mode, precision, &decpt, &ndig, dig, sizeof dig);
        if (digits == NULL)
            return NULL;
    }
    if ((flags & Py_DTSF_NO_NEG_0) && negative &&
        (ndig == 0 || (ndig == 1 && digits[0] == '0')))
        negative = 0;
    size_t need = layout_size(ndig, decpt, format_code, precision);
    char *buf = need <= cap ? out : PyMem_Malloc(need);
    if (buf == NULL) {
        if (digits != dig)
            PyMem_Free(digits);
        PyErr_NoMemory();
        return NULL;
    }
    *len = layout(buf, digits, ndig, decpt, negative, format_code, precision, flags,
                  upper ? 'E' : 'e');
    if (digits != dig)
        PyMem_Free(digits);
    return buf;
}

/* PyMem_Malloc'ed string (PyMem_Free it), or NULL + exception. */
char *
PyOS_double_to_string(double val, char format_code, int precision, int flags, int *type)
{
    char small[64];
    Py_ssize_t len;
    char *r = _PyFloat_FormatToBuffer(val, format_code, precision, flags,
                                      small, sizeof small, &len, type);
    if (r == NULL || r != small)
        return r;
    char *copy = PyMem_Malloc((size_t)len + 1);
    if (copy == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(copy, small, (size_t)len + 1);
    return copy;
}

/* repr of x into buf (>= 32 bytes); returns the length. */
int
_PyFloat_FormatRepr(double x, char *buf)
{
    if (!isfinite(x))
        return format_special(buf, x, 0, 0, NULL);
    char sdig[24];
    int ndig, decpt;
    if (x == 0.0) {
        strcpy(sdig, "0");
        ndig = 1;
        decpt = 1;
    }
    else
        decpt = _Py_dg_shortest(fabs(x), sdig, &ndig);
    return (int)layout(buf, sdig, ndig, decpt, signbit(x) != 0, 'r', 0, Py_DTSF_ADD_DOT_0, 'e');
}

int
_Py_dg_repr(double x, char *buf, size_t bufsize)
{
    char tmp[40];
    int n = _PyFloat_FormatRepr(x, tmp);
    if ((size_t)n >= bufsize)
        n = bufsize ? (int)bufsize - 1 : 0;
    if (bufsize) {
        memcpy(buf, tmp, (size_t)n);
        buf[n] = '\0';
    }
    return n;
}

/* repr(x): new str. */
PyObject *
_PyFloat_Repr(double x)
{
    char buf[40];
    int n = _PyFloat_FormatRepr(x, buf);
    PyObject *r = PyUnicode_New(n, 127);
    if (r == NULL)
        return NULL;
    memcpy(PyUnicode_1BYTE_DATA(r), buf, (size_t)n);
    return r;
}

/* ------------------------------------------------------------------ */
/* Parsing                                                             */
/* ------------------------------------------------------------------ */

static int
match_lower(const char *s, const char *word)
{
    for (; *word; s++, word++)
        if (*s == '\0' || (*s | 0x20) != *word)
            return 0;
    return 1;
}

double
_Py_parse_inf_or_nan(const char *p, char **endptr)
{
    const char *s = p;
    int negate = 0;
    double r;
    if (*s == '-') {
        negate = 1;
        s++;
    }
    else if (*s == '+')
        s++;
    if (match_lower(s, "inf")) {
        s += 3;
        if (match_lower(s, "inity"))
            s += 5;
        r = negate ? -HUGE_VAL : HUGE_VAL;
    }
    else if (match_lower(s, "nan")) {
        s += 3;
        r = negate ? -NAN : NAN;
    }
    else {
        s = p;
        r = -1.0;
    }
    *endptr = (char *)s;
    return r;
}

/* Parse [sign] digits [. digits] [e [sign] digits] (at least one mantissa
   digit) or inf/nan.  *endptr: first unparsed character (== s if
   nothing).  errno = ERANGE on overflow/underflow as strtod. */
static double
ascii_strtod(const char *s, char **endptr)
{
    char *end;
    double r = _Py_parse_inf_or_nan(s, &end);
    if (end != s) {
        *endptr = end;
        return r;
    }
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    const char *mstart = p;
    int ndigits = 0;
    while (*p >= '0' && *p <= '9') {
        p++;
        ndigits++;
    }
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9') {
            p++;
            ndigits++;
        }
    }
    if (ndigits == 0) {
        *endptr = (char *)s;
        return -1.0;
    }
    (void)mstart;
    if (*p == 'e' || *p == 'E') {
        const char *q = p + 1;
        if (*q == '+' || *q == '-')
            q++;
        if (*q >= '0' && *q <= '9') {
            while (*q >= '0' && *q <= '9')
                q++;
            p = q;
        }
    }
    /* strtod sees exactly the validated text */
    size_t len = (size_t)(p - s);
    char small[128];
    char *copy = len < sizeof(small) ? small : PyMem_Malloc(len + 1);
    if (copy == NULL) {
        errno = ENOMEM;
        *endptr = (char *)s;
        return -1.0;
    }
    memcpy(copy, s, len);
    copy[len] = '\0';
    errno = 0;
    r = strtod(copy, NULL);
    if (copy != small)
        PyMem_Free(copy);
    *endptr = (char *)p;
    return r;
}

double
PyOS_string_to_double(const char *s, char **endptr, PyObject *overflow_exception)
{
    char *fail_pos;
    double result = -1.0;
    errno = 0;
    double x = ascii_strtod(s, &fail_pos);
    if (errno == ENOMEM) {
        PyErr_NoMemory();
        fail_pos = (char *)s;
    }
    else if (!endptr && (fail_pos == s || *fail_pos != '\0'))
        PyErr_Format(PyExc_ValueError, "could not convert string to float: '%.200s'", s);
    else if (fail_pos == s)
        PyErr_Format(PyExc_ValueError, "could not convert string to float: '%.200s'", s);
    else if (errno == ERANGE && fabs(x) >= 1.0 && overflow_exception)
        PyErr_Format(overflow_exception, "value too large to convert to float: '%.200s'", s);
    else
        result = x;
    if (endptr != NULL)
        *endptr = fail_pos;
    return result;
}
