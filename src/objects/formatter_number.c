/* formatter_number.c -- int.__format__, float.__format__, complex.__format__.
 *
 * The format-spec mini-language:
 *
 *     [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
 *
 * is parsed into a FormatSpec, validated against the kind of number, and
 * the number is first rendered without any padding: an ASCII string made of
 * an optional '-', an optional prefix (0x...), the digits, and a
 * "remainder" (decimal point, fraction, exponent, '%').  The layout step
 * then computes, exactly as CPython does, where padding goes:
 *
 *     <lpad> <sign> <prefix> <spad> <grouped digits> <point> <remainder> <rpad>
 *
 * Zero-padding with '=' alignment is special: the zeros become part of the
 * digit run so that thousands separators are inserted among them too
 * (format(1234, '010,') == '00,001,234').
 *
 * 'n' uses the C locale (refpy never changes LC_NUMERIC): no grouping and
 * '.' as the decimal point, which makes it 'd' for ints and 'g' for floats.
 */
#include "pycore.h"
#include "rp_object.h"
#include "long_internal.h"
#include <math.h>

enum {
    SEP_NONE = 0,
    SEP_COMMA,        /* ',' every 3 */
    SEP_UNDERSCORE,   /* '_' every 3 */
    SEP_UNDER_FOUR,   /* '_' every 4 (b, o, x, X) */
    SEP_LOCALE        /* 'n': the C locale has none */
};

typedef struct {
    Py_UCS4 fill_char;
    Py_UCS4 align;
    int alternate;
    int no_neg_0;
    Py_UCS4 sign;
    Py_ssize_t width;
    int thousands;
    Py_ssize_t precision;
    Py_UCS4 type;
} FormatSpec;

/* ------------------------------------------------------------------ */
/* Parsing                                                             */
/* ------------------------------------------------------------------ */

static int
is_alignment_token(Py_UCS4 c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

/* Decimal digits at *ppos: their count, or -1 on overflow. */
static int
get_integer(PyObject *str, Py_ssize_t *ppos, Py_ssize_t end, Py_ssize_t *result)
{
    Py_ssize_t acc = 0, pos = *ppos;
    int n = 0;
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    for (; pos < end; pos++, n++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, pos);
        int d = ch < 128 ? (ch >= '0' && ch <= '9' ? (int)(ch - '0') : -1)
                         : Py_UNICODE_TODECIMAL(ch);
        if (d < 0)
            break;
        if (acc > (PY_SSIZE_T_MAX - d) / 10) {
            PyErr_SetString(PyExc_ValueError, "Too many decimal digits in format string");
            *ppos = pos;
            return -1;
        }
        acc = acc * 10 + d;
    }
    *ppos = pos;
    *result = acc;
    return n;
}

static void
invalid_sep_type(int sep, Py_UCS4 type)
{
    char specifier = sep == SEP_COMMA ? ',' : '_';
    if (type > 32 && type < 128)
        PyErr_Format(PyExc_ValueError, "Cannot specify '%c' with '%c'.", specifier, (char)type);
    else
        PyErr_Format(PyExc_ValueError, "Cannot specify '%c' with '\\x%x'.", specifier,
                     (unsigned int)type);
}

static void
unknown_presentation_type(Py_UCS4 type, const char *type_name)
{
    if (type > 32 && type < 128)
        PyErr_Format(PyExc_ValueError, "Unknown format code '%c' for object of type '%.200s'",
                     (char)type, type_name);
    else
        PyErr_Format(PyExc_ValueError, "Unknown format code '\\x%x' for object of type '%.200s'",
                     (unsigned int)type, type_name);
}

/* 1 ok, 0 error set. */
static int
parse_spec(PyObject *obj, PyObject *spec, FormatSpec *f, char default_type, char default_align)
{
    Py_ssize_t pos = 0, end = PyUnicode_GET_LENGTH(spec);
    int kind = PyUnicode_KIND(spec);
    const void *data = PyUnicode_DATA(spec);
#define READ(i) PyUnicode_READ(kind, data, (i))
    int align_specified = 0, fill_specified = 0;
    f->fill_char = ' ';
    f->align = (Py_UCS4)default_align;
    f->alternate = 0;
    f->no_neg_0 = 0;
    f->sign = '\0';
    f->width = -1;
    f->thousands = SEP_NONE;
    f->precision = -1;
    f->type = (Py_UCS4)default_type;

    if (end - pos >= 2 && is_alignment_token(READ(pos + 1))) {
        f->align = READ(pos + 1);
        f->fill_char = READ(pos);
        fill_specified = align_specified = 1;
        pos += 2;
    }
    else if (end - pos >= 1 && is_alignment_token(READ(pos))) {
        f->align = READ(pos);
        align_specified = 1;
        pos++;
    }
    if (end - pos >= 1 && (READ(pos) == ' ' || READ(pos) == '+' || READ(pos) == '-')) {
        f->sign = READ(pos);
        pos++;
    }
    if (end - pos >= 1 && READ(pos) == 'z') {
        f->no_neg_0 = 1;
        pos++;
    }
    if (end - pos >= 1 && READ(pos) == '#') {
        f->alternate = 1;
        pos++;
    }
    if (!fill_specified && end - pos >= 1 && READ(pos) == '0') {
        f->fill_char = '0';
        if (!align_specified && default_align == '>')
            f->align = '=';
        pos++;
    }
    int consumed = get_integer(spec, &pos, end, &f->width);
    if (consumed < 0)
        return 0;
    if (consumed == 0)
        f->width = -1;
    if (end - pos && READ(pos) == ',') {
        f->thousands = SEP_COMMA;
        pos++;
    }
    if (end - pos && READ(pos) == '_') {
        if (f->thousands != SEP_NONE) {
            PyErr_SetString(PyExc_ValueError, "Cannot specify both ',' and '_'.");
            return 0;
        }
        f->thousands = SEP_UNDERSCORE;
        pos++;
    }
    if (end - pos && READ(pos) == ',' && f->thousands == SEP_UNDERSCORE) {
        PyErr_SetString(PyExc_ValueError, "Cannot specify both ',' and '_'.");
        return 0;
    }
    if (end - pos && READ(pos) == '.') {
        pos++;
        consumed = get_integer(spec, &pos, end, &f->precision);
        if (consumed < 0)
            return 0;
        if (consumed == 0) {
            PyErr_SetString(PyExc_ValueError, "Format specifier missing precision");
            return 0;
        }
    }
    if (end - pos > 1) {
        PyErr_Format(PyExc_ValueError, "Invalid format specifier '%U' for object of type '%.200s'",
                     spec, Py_TYPE(obj)->tp_name);
        return 0;
    }
    if (end - pos == 1)
        f->type = READ(pos);
#undef READ
    if (f->thousands) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '\0':
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->thousands == SEP_UNDERSCORE) {
                f->thousands = SEP_UNDER_FOUR;
                break;
            }
            /* fall through */
        default:
            invalid_sep_type(f->thousands, f->type);
            return 0;
        }
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* Output buffer                                                       */
/* ------------------------------------------------------------------ */

typedef struct {
    Py_UCS4 *buf;
    Py_ssize_t len, cap;
    Py_UCS4 maxchar;
    Py_UCS4 small[128];
} Out;

static void
out_init(Out *o)
{
    o->buf = o->small;
    o->len = 0;
    o->cap = Py_ARRAY_LENGTH(o->small);
    o->maxchar = 0;
}

static void
out_free(Out *o)
{
    if (o->buf != o->small)
        PyMem_Free(o->buf);
}

static int
out_reserve(Out *o, Py_ssize_t extra)
{
    if (o->len + extra <= o->cap)
        return 0;
    Py_ssize_t ncap = Py_MAX(o->cap * 2, o->len + extra);
    Py_UCS4 *nb = PyMem_Malloc((size_t)ncap * sizeof(Py_UCS4));
    if (nb == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(nb, o->buf, (size_t)o->len * sizeof(Py_UCS4));
    if (o->buf != o->small)
        PyMem_Free(o->buf);
    o->buf = nb;
    o->cap = ncap;
    return 0;
}

/* callers reserve first */
static inline void
out_put(Out *o, Py_UCS4 c)
{
    o->buf[o->len++] = c;
    if (c > o->maxchar)
        o->maxchar = c;
}

static void
out_fill(Out *o, Py_UCS4 c, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++)
        out_put(o, c);
}

static void
out_ascii(Out *o, const char *s, Py_ssize_t n, int upper)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        char c = s[i];
        if (upper && c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        out_put(o, (Py_UCS4)(unsigned char)c);
    }
}

static PyObject *
out_finish(Out *o)
{
    PyObject *r;
    if (o->maxchar < 128) {
        r = PyUnicode_New(o->len, 127);
        if (r != NULL) {
            Py_UCS1 *d = PyUnicode_1BYTE_DATA(r);
            for (Py_ssize_t i = 0; i < o->len; i++)
                d[i] = (Py_UCS1)o->buf[i];
        }
    }
    else
        r = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, o->buf, o->len);
    out_free(o);
    return r;
}

/* ------------------------------------------------------------------ */
/* Layout                                                              */
/* ------------------------------------------------------------------ */

/* The parts of a rendered number (all ASCII except remainder). */
typedef struct {
    char sign_char;            /* '-' or 0, from the rendering */
    const char *prefix;        /* "0x" etc. */
    Py_ssize_t n_prefix;
    const char *digits;
    Py_ssize_t n_digits;
    int has_decimal;
    const Py_UCS4 *rem_ucs4;   /* remainder as code points (for 'c'), or */
    const char *remainder;     /* ... as ASCII */
    Py_ssize_t n_remainder;
} NumberParts;

/* Group the digits (with zero padding up to min_width) the way CPython's
   _PyUnicode_InsertThousandsGrouping does.  Writes into out (NULL: count
   only), right to left from out_end; returns the length. */
static Py_ssize_t
group_digits(char *out_end, const char *digits, Py_ssize_t n, Py_ssize_t min_width,
             int group, char sep)
{
    Py_ssize_t count = 0, remaining = n, mw = min_width;
    char *p = out_end;
    const char *d = digits + n;
#define EMIT(c) do { if (out_end) *--p = (c); count++; } while (0)
    if (group == 0) {
        Py_ssize_t len = Py_MAX(Py_MAX(remaining, mw), 1);
        Py_ssize_t chars = Py_MIN(remaining, len);
        for (Py_ssize_t i = 0; i < chars; i++)
            EMIT(*--d);
        for (Py_ssize_t i = 0; i < len - remaining; i++)
            EMIT('0');
        return count;
    }
    for (;;) {
        Py_ssize_t len = Py_MIN((Py_ssize_t)group, Py_MAX(Py_MAX(remaining, mw), 1));
        Py_ssize_t zeros = Py_MAX(0, len - remaining);
        Py_ssize_t chars = Py_MAX(0, Py_MIN(remaining, len));
        /* the piece reads: [sep] zeros digits -- emitted backwards */
        for (Py_ssize_t i = 0; i < chars; i++)
            EMIT(*--d);
        for (Py_ssize_t i = 0; i < zeros; i++)
            EMIT('0');
        remaining -= chars;
        mw -= len;
        if (remaining <= 0 && mw <= 0)
            break;
        mw -= 1;
        EMIT(sep);   /* separator before the next (more significant) group */
    }
#undef EMIT
    return count;
}

/* Lay out parts according to f (sign, width, align, fill, grouping),
   appending to o. */
static int
layout_number(Out *o, const NumberParts *np, const FormatSpec *f, int upper)
{
    int n_sign = 0;
    char sign = 0;
    switch (f->sign) {
    case '+':
        n_sign = 1;
        sign = np->sign_char == '-' ? '-' : '+';
        break;
    case ' ':
        n_sign = 1;
        sign = np->sign_char == '-' ? '-' : ' ';
        break;
    default:
        if (np->sign_char == '-') {
            n_sign = 1;
            sign = '-';
        }
    }
    int group = 0;
    char sep = 0;
    if (f->thousands == SEP_COMMA) { group = 3; sep = ','; }
    else if (f->thousands == SEP_UNDERSCORE) { group = 3; sep = '_'; }
    else if (f->thousands == SEP_UNDER_FOUR) { group = 4; sep = '_'; }

    Py_ssize_t n_decimal = np->has_decimal ? 1 : 0;
    Py_ssize_t n_non_digit = n_sign + np->n_prefix + n_decimal + np->n_remainder;
    Py_ssize_t min_width = (f->fill_char == '0' && f->align == '=') ? f->width - n_non_digit : 0;
    Py_ssize_t n_grouped = np->n_digits == 0 ? 0 :
        group_digits(NULL, np->digits, np->n_digits, min_width, group, sep);
    Py_ssize_t lpad = 0, spad = 0, rpad = 0;
    Py_ssize_t padding = f->width - (n_non_digit + n_grouped);
    if (padding > 0) {
        switch (f->align) {
        case '<': rpad = padding; break;
        case '^': lpad = padding / 2; rpad = padding - lpad; break;
        case '=': spad = padding; break;
        default: lpad = padding; break;
        }
    }
    Py_ssize_t total = lpad + n_sign + np->n_prefix + spad + n_grouped + n_decimal +
                       np->n_remainder + rpad;
    if (out_reserve(o, total) < 0)
        return -1;
    out_fill(o, f->fill_char, lpad);
    if (n_sign)
        out_put(o, (Py_UCS4)sign);
    out_ascii(o, np->prefix, np->n_prefix, upper);
    out_fill(o, f->fill_char, spad);
    if (n_grouped) {
        char small[256];
        char *g = n_grouped <= (Py_ssize_t)sizeof small ? small : PyMem_Malloc((size_t)n_grouped);
        if (g == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        group_digits(g + n_grouped, np->digits, np->n_digits, min_width, group, sep);
        out_ascii(o, g, n_grouped, upper);
        if (g != small)
            PyMem_Free(g);
    }
    if (n_decimal)
        out_put(o, '.');
    if (np->rem_ucs4) {
        for (Py_ssize_t i = 0; i < np->n_remainder; i++)
            out_put(o, np->rem_ucs4[i]);
    }
    else
        out_ascii(o, np->remainder, np->n_remainder, 0);
    out_fill(o, f->fill_char, rpad);
    return 0;
}

/* Split a rendered float "[-]digits[.rest]" into parts. */
static void
split_float(const char *buf, Py_ssize_t n, NumberParts *np)
{
    memset(np, 0, sizeof *np);
    np->prefix = "";
    Py_ssize_t i = 0;
    if (n > 0 && buf[0] == '-') {
        np->sign_char = '-';
        i = 1;
    }
    Py_ssize_t dstart = i;
    while (i < n && buf[i] >= '0' && buf[i] <= '9')
        i++;
    np->digits = buf + dstart;
    np->n_digits = i - dstart;
    if (i < n && buf[i] == '.') {
        np->has_decimal = 1;
        i++;
    }
    np->remainder = buf + i;
    np->n_remainder = n - i;
}

/* ------------------------------------------------------------------ */
/* int                                                                 */
/* ------------------------------------------------------------------ */

static PyObject *format_float_value(double val, const FormatSpec *f);
static int float_needs_layout(const FormatSpec *f);

static int
format_long_internal(Out *o, PyObject *value, const FormatSpec *f)
{
    if (f->precision != -1) {
        PyErr_SetString(PyExc_ValueError, "Precision not allowed in integer format specifier");
        return -1;
    }
    if (f->no_neg_0) {
        PyErr_SetString(PyExc_ValueError,
                        "Negative zero coercion (z) not allowed in integer format specifier");
        return -1;
    }
    NumberParts np;
    memset(&np, 0, sizeof np);
    np.prefix = "";
    if (f->type == 'c') {
        if (f->sign != '\0') {
            PyErr_SetString(PyExc_ValueError, "Sign not allowed with integer format specifier 'c'");
            return -1;
        }
        if (f->alternate) {
            PyErr_SetString(PyExc_ValueError,
                            "Alternate form (#) not allowed with integer format specifier 'c'");
            return -1;
        }
        long x = PyLong_AsLong(value);
        if (x == -1 && PyErr_Occurred())
            return -1;
        if (x < 0 || x > 0x10ffff) {
            PyErr_SetString(PyExc_OverflowError, "%c arg not in range(0x110000)");
            return -1;
        }
        Py_UCS4 ch = (Py_UCS4)x;
        np.rem_ucs4 = &ch;
        np.n_remainder = 1;
        return layout_number(o, &np, f, 0);
    }
    int base = 10;
    switch (f->type) {
    case 'b': base = 2; break;
    case 'o': base = 8; break;
    case 'x': case 'X': base = 16; break;
    default: break;
    }
    Py_ssize_t len;
    char *digits = _PyLong_ToASCII(value, base, 0, 0, &len);
    if (digits == NULL)
        return -1;
    if (_PyLong_IsNegative((PyLongObject *)value))
        np.sign_char = '-';
    if (f->alternate && base != 10) {
        np.prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
        np.n_prefix = 2;
    }
    np.digits = digits;
    np.n_digits = len;
    int r = layout_number(o, &np, f, f->type == 'X');
    PyMem_Free(digits);
    return r;
}

/* new str, or NULL */
PyObject *
_PyLong_FormatAdvanced(PyObject *obj, PyObject *format_spec)
{
    if (PyUnicode_GET_LENGTH(format_spec) == 0)
        return PyObject_Str(obj);
    FormatSpec f;
    if (!parse_spec(obj, format_spec, &f, 'd', '>'))
        return NULL;
    if (!float_needs_layout(&f) && f.precision == -1 && !f.no_neg_0 &&
        (f.type == 'd' || f.type == 'b' || f.type == 'o' || f.type == 'x')) {
        /* no padding, sign option or grouping: sign + prefix + digits */
        int base = f.type == 'd' ? 10 : f.type == 'b' ? 2 : f.type == 'o' ? 8 : 16;
        Py_ssize_t len;
        char *digits = _PyLong_ToASCII(obj, base, f.alternate, 0, &len);
        if (digits == NULL)
            return NULL;
        int neg = _PyLong_IsNegative((PyLongObject *)obj);
        PyObject *r = PyUnicode_New(len + neg, 127);
        if (r != NULL) {
            char *d = (char *)PyUnicode_1BYTE_DATA(r);
            if (neg)
                *d++ = '-';
            memcpy(d, digits, (size_t)len);
        }
        PyMem_Free(digits);
        return r;
    }
    Out o;
    out_init(&o);
    int r;
    switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        r = format_long_internal(&o, obj, &f);
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        PyObject *fl = PyNumber_Float(obj);
        if (fl == NULL)
            return NULL;
        PyObject *res = format_float_value(PyFloat_AS_DOUBLE(fl), &f);
        Py_DECREF(fl);
        return res;
    }
    default:
        unknown_presentation_type(f.type, Py_TYPE(obj)->tp_name);
        r = -1;
    }
    if (r < 0) {
        out_free(&o);
        return NULL;
    }
    return out_finish(&o);
}

/* ------------------------------------------------------------------ */
/* float                                                               */
/* ------------------------------------------------------------------ */

/* Render val per f's type, precision, '#' and 'z' (no padding, sign
   rules or grouping yet), '%' included.  Returns small (cap bytes) or a
   PyMem buffer; NULL + exception on error. */
static char *
render_float(double val, const FormatSpec *f, char *small, size_t cap, Py_ssize_t *n)
{
    int flags = 0;
    int default_precision = 6;
    Py_UCS4 type = f->type;
    int add_pct = 0;
    if (f->precision > INT_MAX) {
        PyErr_SetString(PyExc_ValueError, "precision too big");
        return NULL;
    }
    int precision = (int)f->precision;
    if (f->alternate)
        flags |= Py_DTSF_ALT;
    if (f->no_neg_0)
        flags |= Py_DTSF_NO_NEG_0;
    if (type == '\0') {
        /* like repr() without a precision, else like 'g' keeping a ".0" */
        flags |= Py_DTSF_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n')
        type = 'g';
    if (type == '%') {
        type = 'f';
        val *= 100;
        add_pct = 1;
    }
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    /* keep a byte free for the '%' */
    char *buf = _PyFloat_FormatToBuffer(val, (char)type, precision, flags, small, cap - 1, n, NULL);
    if (buf == NULL)
        return NULL;
    if (add_pct) {
        if (buf != small) {
            char *t = PyMem_Realloc(buf, (size_t)*n + 2);
            if (t == NULL) {
                PyMem_Free(buf);
                PyErr_NoMemory();
                return NULL;
            }
            buf = t;
        }
        buf[(*n)++] = '%';
        buf[*n] = '\0';
    }
    return buf;
}

/* An ASCII str: new reference. */
static PyObject *
ascii_to_str(const char *s, Py_ssize_t n)
{
    PyObject *r = PyUnicode_New(n, 127);
    if (r != NULL)
        memcpy(PyUnicode_1BYTE_DATA(r), s, (size_t)n);
    return r;
}

/* No width, sign option or grouping: the rendering is the result. */
static int
float_needs_layout(const FormatSpec *f)
{
    return f->sign == '+' || f->sign == ' ' || f->width != -1 || f->type == 'n' || f->thousands;
}

static int
format_float_internal(Out *o, double val, const FormatSpec *f)
{
    char small[128];
    Py_ssize_t n;
    char *buf = render_float(val, f, small, sizeof small, &n);
    if (buf == NULL)
        return -1;
    NumberParts np;
    split_float(buf, n, &np);
    int r = layout_number(o, &np, f, 0);
    if (buf != small)
        PyMem_Free(buf);
    return r;
}

/* format(float, spec) after parsing: new str. */
static PyObject *
format_float_value(double val, const FormatSpec *f)
{
    if (!float_needs_layout(f)) {
        char small[128];
        Py_ssize_t n;
        char *buf = render_float(val, f, small, sizeof small, &n);
        if (buf == NULL)
            return NULL;
        PyObject *r = ascii_to_str(buf, n);
        if (buf != small)
            PyMem_Free(buf);
        return r;
    }
    Out o;
    out_init(&o);
    if (format_float_internal(&o, val, f) < 0) {
        out_free(&o);
        return NULL;
    }
    return out_finish(&o);
}

PyObject *
_PyFloat_FormatAdvanced(PyObject *obj, PyObject *format_spec)
{
    if (PyUnicode_GET_LENGTH(format_spec) == 0)
        return PyObject_Str(obj);
    FormatSpec f;
    if (!parse_spec(obj, format_spec, &f, '\0', '>'))
        return NULL;
    switch (f.type) {
    case '\0': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        break;
    default:
        unknown_presentation_type(f.type, Py_TYPE(obj)->tp_name);
        return NULL;
    }
    double val = PyFloat_AsDouble(obj);
    if (val == -1.0 && PyErr_Occurred())
        return NULL;
    return format_float_value(val, &f);
}

/* ------------------------------------------------------------------ */
/* complex                                                             */
/* ------------------------------------------------------------------ */

PyObject *
_PyComplex_FormatAdvanced(PyObject *obj, PyObject *format_spec)
{
    if (PyUnicode_GET_LENGTH(format_spec) == 0)
        return PyObject_Str(obj);
    FormatSpec f;
    if (!parse_spec(obj, format_spec, &f, '\0', '>'))
        return NULL;
    switch (f.type) {
    case '\0': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
        break;
    default:
        unknown_presentation_type(f.type, Py_TYPE(obj)->tp_name);
        return NULL;
    }
    if (f.fill_char == '0') {
        PyErr_SetString(PyExc_ValueError, "Zero padding is not allowed in complex format specifier");
        return NULL;
    }
    if (f.align == '=') {
        PyErr_SetString(PyExc_ValueError,
                        "'=' alignment flag is not allowed in complex format specifier");
        return NULL;
    }
    double re = PyComplex_RealAsDouble(obj);
    double im = PyComplex_ImagAsDouble(obj);
    int flags = 0, skip_re = 0, add_parens = 0;
    int default_precision = 6;
    Py_UCS4 type = f.type;
    if (f.precision > INT_MAX) {
        PyErr_SetString(PyExc_ValueError, "precision too big");
        return NULL;
    }
    int precision = (int)f.precision;
    if (f.alternate)
        flags |= Py_DTSF_ALT;
    if (f.no_neg_0)
        flags |= Py_DTSF_NO_NEG_0;
    if (type == '\0') {
        type = 'r';
        default_precision = 0;
        if (re == 0.0 && copysign(1.0, re) == 1.0)
            skip_re = 1;
        else
            add_parens = 1;
    }
    if (type == 'n')
        type = 'g';
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    char *re_buf = PyOS_double_to_string(re, (char)type, precision, flags, NULL);
    if (re_buf == NULL)
        return NULL;
    char *im_buf = PyOS_double_to_string(im, (char)type, precision, flags, NULL);
    if (im_buf == NULL) {
        PyMem_Free(re_buf);
        return NULL;
    }
    NumberParts rp, ip;
    split_float(re_buf, (Py_ssize_t)strlen(re_buf), &rp);
    split_float(im_buf, (Py_ssize_t)strlen(im_buf), &ip);

    /* render both parts unpadded, then pad the whole */
    FormatSpec tf = f;
    tf.fill_char = '\0';
    tf.align = '<';
    tf.width = -1;
    Out body;
    out_init(&body);
    int err = 0;
    if (add_parens) {
        if (out_reserve(&body, 1) < 0)
            err = 1;
        else
            out_put(&body, '(');
    }
    if (!err && !skip_re && layout_number(&body, &rp, &tf, 0) < 0)
        err = 1;
    if (!skip_re)
        tf.sign = '+';
    if (!err && layout_number(&body, &ip, &tf, 0) < 0)
        err = 1;
    if (!err && out_reserve(&body, 2) < 0)
        err = 1;
    PyMem_Free(re_buf);
    PyMem_Free(im_buf);
    if (err) {
        out_free(&body);
        return NULL;
    }
    out_put(&body, 'j');
    if (add_parens)
        out_put(&body, ')');

    Py_ssize_t nchars = body.len, lpad = 0, rpad = 0;
    if (f.width > nchars) {
        Py_ssize_t total = f.width;
        if (f.align == '>')
            lpad = total - nchars;
        else if (f.align == '^')
            lpad = (total - nchars) / 2;
        rpad = total - nchars - lpad;
    }
    Out o;
    out_init(&o);
    if (out_reserve(&o, nchars + lpad + rpad) < 0) {
        out_free(&body);
        return NULL;
    }
    out_fill(&o, f.fill_char, lpad);
    for (Py_ssize_t i = 0; i < nchars; i++)
        out_put(&o, body.buf[i]);
    out_fill(&o, f.fill_char, rpad);
    out_free(&body);
    return out_finish(&o);
}
