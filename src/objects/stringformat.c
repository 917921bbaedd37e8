/* stringformat.c -- string formatting: the % operator (printf style),
 * str.format / str.format_map, and str.__format__ (the format-spec
 * mini-language applied to strings).
 *
 * printf style.  PyUnicode_Format walks the template once, copying
 * literal runs and expanding each conversion into a _PyUnicodeWriter.
 * The argument source is either one object, a tuple, or a mapping (for
 * %(key)s); CPython's rules about which of these applies -- and therefore
 * its "not enough arguments" / "not all arguments converted" errors --
 * are followed exactly.  Integers are converted with int's own repr (so
 * arbitrarily large values work), floats with the C library's correctly
 * rounded %e/%f/%g plus CPython's spelling of inf and nan.
 *
 * str.format.  The template is split into literal text and replacement
 * fields ({name!conv:spec}); a field name is a positional index, an
 * automatic number, or a keyword, followed by .attribute and [index]
 * steps.  A spec that itself contains fields is expanded recursively (at
 * most two levels, as in CPython).  Keyword arguments are looked up in
 * the vectorcall kwnames directly, without building a dict.
 *
 * The parsing of a format spec ([[fill]align][sign][z][#][0][width]
 * [,|_][.precision][type]) follows CPython's order of checks so that the
 * same spec produces the same error message.
 */
#include <math.h>
#include "pycore.h"
#include "unicode_internal.h"

/* ------------------------------------------------------------------ */
/* Shared helpers                                                      */
/* ------------------------------------------------------------------ */

static int
write_fill(_PyUnicodeWriter *w, Py_UCS4 ch, Py_ssize_t n)
{
    if (n <= 0)
        return 0;
    if (_PyUnicodeWriter_Prepare(w, n, ch) < 0)
        return -1;
    for (Py_ssize_t i = 0; i < n; i++)
        PyUnicode_WRITE(w->kind, w->data, w->pos + i, ch);
    w->pos += n;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Format spec mini-language (for str)                                 */
/* ------------------------------------------------------------------ */

typedef struct {
    Py_UCS4 fill_char;
    Py_UCS4 align;
    int alternate;
    int no_neg_0;
    Py_UCS4 sign;
    Py_ssize_t width;
    int thousands;       /* 0, ',' or '_' */
    Py_ssize_t precision;
    Py_UCS4 type;
} formatspec;

static int
is_align(Py_UCS4 c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

/* Parse decimal digits at *pos; returns digits consumed or -1 on overflow. */
static Py_ssize_t
spec_integer(PyObject *spec, Py_ssize_t *pos, Py_ssize_t end, Py_ssize_t *result)
{
    Py_ssize_t acc = 0, n = 0;
    for (; *pos < end; (*pos)++, n++) {
        int d = Py_UNICODE_TODECIMAL(PyUnicode_READ_CHAR(spec, *pos));
        if (d < 0)
            break;
        if (acc > (PY_SSIZE_T_MAX - d) / 10) {
            PyErr_SetString(PyExc_ValueError, "Too many decimal digits in format string");
            *pos = end;
            return -1;
        }
        acc = acc * 10 + d;
    }
    *result = acc;
    return n;
}

static int
parse_spec(PyObject *spec, Py_ssize_t start, Py_ssize_t end, formatspec *f,
           char default_type, char default_align, PyObject *obj)
{
    Py_ssize_t pos = start, consumed;
    int fill_specified = 0, align_specified = 0;

    f->fill_char = ' ';
    f->align = (Py_UCS4)default_align;
    f->alternate = 0;
    f->no_neg_0 = 0;
    f->sign = 0;
    f->width = -1;
    f->thousands = 0;
    f->precision = -1;
    f->type = (Py_UCS4)default_type;

#define READ(i) PyUnicode_READ_CHAR(spec, (i))
    if (end - pos >= 2 && is_align(READ(pos + 1))) {
        f->align = READ(pos + 1);
        f->fill_char = READ(pos);
        fill_specified = align_specified = 1;
        pos += 2;
    }
    else if (end - pos >= 1 && is_align(READ(pos))) {
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
    consumed = spec_integer(spec, &pos, end, &f->width);
    if (consumed < 0)
        return -1;
    if (consumed == 0)
        f->width = -1;
    if (end - pos && READ(pos) == ',') {
        f->thousands = ',';
        pos++;
    }
    if (end - pos && READ(pos) == '_') {
        if (f->thousands) {
            PyErr_SetString(PyExc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
        f->thousands = '_';
        pos++;
    }
    if (end - pos && READ(pos) == ',' && f->thousands == '_') {
        PyErr_SetString(PyExc_ValueError, "Cannot specify both ',' and '_'.");
        return -1;
    }
    if (end - pos && READ(pos) == '.') {
        pos++;
        consumed = spec_integer(spec, &pos, end, &f->precision);
        if (consumed < 0)
            return -1;
        if (consumed == 0) {
            PyErr_SetString(PyExc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (end - pos > 1) {
        PyObject *s = PyUnicode_Substring(spec, start, end);
        if (s != NULL) {
            PyErr_Format(PyExc_ValueError, "Invalid format specifier '%U' for object of type '%.200s'",
                         s, Py_TYPE(obj)->tp_name);
            Py_DECREF(s);
        }
        return -1;
    }
    if (end - pos == 1)
        f->type = READ(pos);
#undef READ
    if (f->thousands) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->thousands == '_')
                break;
            /* fall through */
        default:
            if (f->type > 32 && f->type < 128)
                PyErr_Format(PyExc_ValueError, "Cannot specify '%c' with '%c'.",
                             f->thousands, (int)f->type);
            else
                PyErr_Format(PyExc_ValueError, "Cannot specify '%c' with '\\x%x'.",
                             f->thousands, (unsigned int)f->type);
            return -1;
        }
    }
    return 0;
}

static void
unknown_presentation_type(Py_UCS4 type, const char *type_name)
{
    if (type > 32 && type < 128)
        PyErr_Format(PyExc_ValueError, "Unknown format code '%c' for object of type '%.200s'",
                     (int)type, type_name);
    else
        PyErr_Format(PyExc_ValueError, "Unknown format code '\\x%x' for object of type '%.200s'",
                     (unsigned int)type, type_name);
}

/* Format str `value` with spec[start:end] into the writer. */
static int
format_str_into(_PyUnicodeWriter *w, PyObject *value, PyObject *spec,
                Py_ssize_t start, Py_ssize_t end)
{
    formatspec f;
    Py_ssize_t len, lpad, total;

    if (start >= end)
        return _PyUnicodeWriter_WriteStr(w, value);
    if (parse_spec(spec, start, end, &f, 's', '<', value) < 0)
        return -1;
    if (f.type != 's') {
        unknown_presentation_type(f.type, Py_TYPE(value)->tp_name);
        return -1;
    }
    if (f.sign) {
        PyErr_SetString(PyExc_ValueError, f.sign == ' '
                        ? "Space not allowed in string format specifier"
                        : "Sign not allowed in string format specifier");
        return -1;
    }
    if (f.no_neg_0) {
        PyErr_SetString(PyExc_ValueError,
                        "Negative zero coercion (z) not allowed in string format specifier");
        return -1;
    }
    if (f.alternate) {
        PyErr_SetString(PyExc_ValueError,
                        "Alternate form (#) not allowed in string format specifier");
        return -1;
    }
    if (f.align == '=') {
        PyErr_SetString(PyExc_ValueError,
                        "'=' alignment not allowed in string format specifier");
        return -1;
    }
    len = PyUnicode_GET_LENGTH(value);
    if ((f.width == -1 || f.width <= len) && (f.precision == -1 || f.precision >= len))
        return _PyUnicodeWriter_WriteStr(w, value);
    if (f.precision >= 0 && len >= f.precision)
        len = f.precision;
    total = (f.width >= 0 && f.width > len) ? f.width : len;
    if (f.align == '>')
        lpad = total - len;
    else if (f.align == '^')
        lpad = (total - len) / 2;
    else
        lpad = 0;
    if (write_fill(w, f.fill_char, lpad) < 0)
        return -1;
    if (_PyUnicodeWriter_WriteSubstring(w, value, 0, len) < 0)
        return -1;
    return write_fill(w, f.fill_char, total - len - lpad);
}

PyObject *
_PyUnicode_FormatDunder(PyObject *self, PyObject *spec)
{
    _PyUnicodeWriter w;
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.50s",
                     Py_TYPE(spec)->tp_name);
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(spec) == 0)
        return PyObject_Str(self);
    _PyUnicodeWriter_Init(&w);
    if (format_str_into(&w, self, spec, 0, PyUnicode_GET_LENGTH(spec)) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

/* ------------------------------------------------------------------ */
/* str.format                                                          */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject *const *args;     /* positional arguments, or NULL (format_map) */
    Py_ssize_t nargs;
    PyObject *kwnames;         /* vectorcall keyword names (values follow args) */
    PyObject *mapping;         /* format_map's mapping */
    int auto_state;            /* 0 init, 1 auto, 2 manual */
    Py_ssize_t auto_next;
} fmtctx;

/* Integer value of s[start:end] if all decimal digits, -1 if not (or
   empty), -2 on overflow (exception set). */
static Py_ssize_t
field_integer(PyObject *s, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t acc = 0;
    if (start >= end)
        return -1;
    for (Py_ssize_t i = start; i < end; i++) {
        int d = Py_UNICODE_TODECIMAL(PyUnicode_READ_CHAR(s, i));
        if (d < 0)
            return -1;
        if (acc > (PY_SSIZE_T_MAX - d) / 10) {
            PyErr_SetString(PyExc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + d;
    }
    return acc;
}

static PyObject *
lookup_keyword(fmtctx *ctx, PyObject *key)
{
    if (ctx->mapping != NULL)
        return PyObject_GetItem(ctx->mapping, key);
    if (ctx->kwnames != NULL) {
        Py_ssize_t n = PyTuple_GET_SIZE(ctx->kwnames);
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *name = PyTuple_GET_ITEM(ctx->kwnames, i);
            if (name == key || _PyUnicode_Equal(name, key))
                return Py_NewRef(ctx->args[ctx->nargs + i]);
        }
    }
    PyErr_SetObject(PyExc_KeyError, key);
    return NULL;
}

/* Resolve the field name s[start:end] to an object (new ref). */
static PyObject *
get_field_object(fmtctx *ctx, PyObject *s, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t i = start, first_end, index;
    PyObject *obj, *tmp;
    int empty;

    while (i < end) {
        Py_UCS4 c = PyUnicode_READ_CHAR(s, i);
        if (c == '.' || c == '[')
            break;
        i++;
    }
    first_end = i;
    index = field_integer(s, start, first_end);
    if (index == -2)
        return NULL;
    empty = first_end == start;
    if (empty || index != -1) {
        if (ctx->auto_state == 0)
            ctx->auto_state = empty ? 1 : 2;
        if (ctx->auto_state == 2 && empty) {
            PyErr_SetString(PyExc_ValueError, "cannot switch from manual field specification "
                            "to automatic field numbering");
            return NULL;
        }
        if (ctx->auto_state == 1 && !empty) {
            PyErr_SetString(PyExc_ValueError, "cannot switch from automatic field numbering "
                            "to manual field specification");
            return NULL;
        }
        if (empty)
            index = ctx->auto_next++;
    }
    if (index == -1) {
        PyObject *key = PyUnicode_Substring(s, start, first_end);
        if (key == NULL)
            return NULL;
        obj = lookup_keyword(ctx, key);
        Py_DECREF(key);
        if (obj == NULL)
            return NULL;
    }
    else {
        if (ctx->args == NULL) {
            PyErr_SetString(PyExc_ValueError, "Format string contains positional fields");
            return NULL;
        }
        if (index >= ctx->nargs) {
            PyErr_Format(PyExc_IndexError,
                         "Replacement index %zd out of range for positional args tuple", index);
            return NULL;
        }
        obj = Py_NewRef(ctx->args[index]);
    }
    /* the rest: .attr and [key] steps */
    i = first_end;
    while (i < end) {
        Py_UCS4 c = PyUnicode_READ_CHAR(s, i++);
        Py_ssize_t nstart = i, nend;
        PyObject *name;
        if (c == '.') {
            while (i < end) {
                Py_UCS4 d = PyUnicode_READ_CHAR(s, i);
                if (d == '.' || d == '[')
                    break;
                i++;
            }
            nend = i;
            if (nstart == nend) {
                PyErr_SetString(PyExc_ValueError, "Empty attribute in format string");
                goto error;
            }
            name = PyUnicode_Substring(s, nstart, nend);
            if (name == NULL)
                goto error;
            tmp = PyObject_GetAttr(obj, name);
            Py_DECREF(name);
        }
        else if (c == '[') {
            while (i < end && PyUnicode_READ_CHAR(s, i) != ']')
                i++;
            if (i >= end) {
                PyErr_SetString(PyExc_ValueError, "Missing ']' in format string");
                goto error;
            }
            nend = i++;
            if (nstart == nend) {
                PyErr_SetString(PyExc_ValueError, "Empty attribute in format string");
                goto error;
            }
            Py_ssize_t idx = field_integer(s, nstart, nend);
            if (idx == -2)
                goto error;
            if (idx == -1) {
                name = PyUnicode_Substring(s, nstart, nend);
                if (name == NULL)
                    goto error;
                tmp = PyObject_GetItem(obj, name);
                Py_DECREF(name);
            }
            else if (PySequence_Check(obj))
                tmp = PySequence_GetItem(obj, idx);
            else {
                PyObject *key = PyLong_FromSsize_t(idx);
                if (key == NULL)
                    goto error;
                tmp = PyObject_GetItem(obj, key);
                Py_DECREF(key);
            }
        }
        else {
            PyErr_SetString(PyExc_ValueError,
                            "Only '.' or '[' may follow ']' in format field specifier");
            goto error;
        }
        if (tmp == NULL)
            goto error;
        Py_SETREF(obj, tmp);
    }
    return obj;
error:
    Py_DECREF(obj);
    return NULL;
}

static int build_string(_PyUnicodeWriter *w, fmtctx *ctx, PyObject *s, Py_ssize_t start,
                        Py_ssize_t end, int depth);

static int
render_field(_PyUnicodeWriter *w, fmtctx *ctx, PyObject *s,
             Py_ssize_t name_start, Py_ssize_t name_end, Py_UCS4 conversion,
             Py_ssize_t spec_start, Py_ssize_t spec_end, int spec_needs_expanding, int depth)
{
    PyObject *obj, *spec = NULL, *res;
    int r = -1;

    obj = get_field_object(ctx, s, name_start, name_end);
    if (obj == NULL)
        return -1;
    if (conversion) {
        PyObject *conv;
        switch (conversion) {
        case 'r': conv = PyObject_Repr(obj); break;
        case 's': conv = PyObject_Str(obj); break;
        case 'a': conv = PyObject_ASCII(obj); break;
        default:
            if (conversion > 32 && conversion < 127)
                PyErr_Format(PyExc_ValueError, "Unknown conversion specifier %c", (int)conversion);
            else
                PyErr_Format(PyExc_ValueError, "Unknown conversion specifier \\x%x",
                             (unsigned int)conversion);
            conv = NULL;
        }
        Py_SETREF(obj, conv);
        if (obj == NULL)
            return -1;
    }
    if (spec_needs_expanding) {
        _PyUnicodeWriter sw;
        _PyUnicodeWriter_Init(&sw);
        if (build_string(&sw, ctx, s, spec_start, spec_end, depth - 1) < 0) {
            _PyUnicodeWriter_Dealloc(&sw);
            goto done;
        }
        spec = _PyUnicodeWriter_Finish(&sw);
        if (spec == NULL)
            goto done;
        if (PyUnicode_CheckExact(obj)) {
            r = format_str_into(w, obj, spec, 0, PyUnicode_GET_LENGTH(spec));
            goto done;
        }
    }
    else {
        if (PyUnicode_CheckExact(obj)) {
            r = format_str_into(w, obj, s, spec_start, spec_end);
            goto done;
        }
        spec = PyUnicode_Substring(s, spec_start, spec_end);
        if (spec == NULL)
            goto done;
    }
    res = PyObject_Format(obj, spec);
    if (res == NULL)
        goto done;
    r = _PyUnicodeWriter_WriteStr(w, res);
    Py_DECREF(res);
done:
    Py_XDECREF(spec);
    Py_DECREF(obj);
    return r;
}

static int
build_string(_PyUnicodeWriter *w, fmtctx *ctx, PyObject *s, Py_ssize_t start,
             Py_ssize_t end, int depth)
{
    Py_ssize_t pos = start;
    if (depth <= 0) {
        PyErr_SetString(PyExc_ValueError, "Max string recursion exceeded");
        return -1;
    }
    while (pos < end) {
        Py_ssize_t lit_start = pos, lit_end;
        Py_UCS4 c = 0;
        int markup = 0, at_end;
        while (pos < end) {
            c = PyUnicode_READ_CHAR(s, pos++);
            if (c == '{' || c == '}') {
                markup = 1;
                break;
            }
        }
        at_end = pos >= end;
        lit_end = pos;
        if (c == '}' && markup && (at_end || PyUnicode_READ_CHAR(s, pos) != '}')) {
            PyErr_SetString(PyExc_ValueError, "Single '}' encountered in format string");
            return -1;
        }
        if (at_end && c == '{' && markup) {
            PyErr_SetString(PyExc_ValueError, "Single '{' encountered in format string");
            return -1;
        }
        if (markup && !at_end) {
            if (PyUnicode_READ_CHAR(s, pos) == c) {
                pos++;          /* escaped {{ or }}: keep one */
                markup = 0;
            }
            else
                lit_end--;
        }
        if (_PyUnicodeWriter_WriteSubstring(w, s, lit_start, lit_end) < 0)
            return -1;
        if (!markup)
            continue;

        /* parse the field: name [!conv] [:spec] } */
        Py_ssize_t name_start = pos, name_end, spec_start = 0, spec_end = 0;
        Py_UCS4 conversion = 0;
        int needs_expanding = 0;
        c = 0;
        while (pos < end) {
            c = PyUnicode_READ_CHAR(s, pos++);
            if (c == '{') {
                PyErr_SetString(PyExc_ValueError, "unexpected '{' in field name");
                return -1;
            }
            if (c == '[') {
                while (pos < end && PyUnicode_READ_CHAR(s, pos) != ']')
                    pos++;
                continue;
            }
            if (c == '}' || c == ':' || c == '!')
                break;
        }
        name_end = pos - 1;
        if (c == '!' || c == ':') {
            int got_close = 0;
            if (c == '!') {
                if (pos >= end) {
                    PyErr_SetString(PyExc_ValueError,
                                    "end of string while looking for conversion specifier");
                    return -1;
                }
                conversion = PyUnicode_READ_CHAR(s, pos++);
                if (pos < end) {
                    Py_UCS4 d = PyUnicode_READ_CHAR(s, pos++);
                    if (d == '}') {
                        spec_start = spec_end = pos;
                        got_close = 1;
                    }
                    else if (d != ':') {
                        PyErr_SetString(PyExc_ValueError, "expected ':' after conversion specifier");
                        return -1;
                    }
                }
            }
            if (!got_close) {
                Py_ssize_t count = 1;
                spec_start = pos;
                while (pos < end) {
                    Py_UCS4 d = PyUnicode_READ_CHAR(s, pos++);
                    if (d == '{') {
                        needs_expanding = 1;
                        count++;
                    }
                    else if (d == '}') {
                        if (--count == 0) {
                            spec_end = pos - 1;
                            got_close = 1;
                            break;
                        }
                    }
                }
                if (!got_close) {
                    PyErr_SetString(PyExc_ValueError, "unmatched '{' in format spec");
                    return -1;
                }
            }
        }
        else if (c != '}') {
            PyErr_SetString(PyExc_ValueError, "expected '}' before end of string");
            return -1;
        }
        else
            spec_start = spec_end = pos;
        if (render_field(w, ctx, s, name_start, name_end, conversion, spec_start, spec_end,
                         needs_expanding, depth) < 0)
            return -1;
    }
    return 0;
}

static PyObject *
do_format(PyObject *self, fmtctx *ctx)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = PyUnicode_GET_LENGTH(self) + 100;
    w.overallocate = 1;
    if (build_string(&w, ctx, self, 0, PyUnicode_GET_LENGTH(self), 2) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

PyObject *
_PyUnicode_FormatMethod(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                        PyObject *kwnames)
{
    fmtctx ctx = { args, nargs, kwnames, NULL, 0, 0 };
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) == 0)
        ctx.kwnames = NULL;
    return do_format(self, &ctx);
}

PyObject *
_PyUnicode_FormatMap(PyObject *self, PyObject *mapping)
{
    fmtctx ctx = { NULL, 0, NULL, mapping, 0, 0 };
    return do_format(self, &ctx);
}

/* ------------------------------------------------------------------ */
/* printf-style: str % args                                            */
/* ------------------------------------------------------------------ */

#define F_LJUST (1 << 0)
#define F_SIGN (1 << 1)
#define F_BLANK (1 << 2)
#define F_ALT (1 << 3)
#define F_ZERO (1 << 4)

typedef struct {
    PyObject *args;        /* the right operand */
    Py_ssize_t arglen;     /* tuple length, or -1 for a single object */
    Py_ssize_t argidx;
    PyObject *dict;        /* mapping for %(key)s, or NULL */
    PyObject *owned;       /* args when it is a value looked up by key */
} pctx;

static PyObject *
getnextarg(pctx *c)
{
    Py_ssize_t argidx = c->argidx;
    if (argidx < c->arglen) {
        c->argidx++;
        if (c->arglen < 0)
            return c->args;
        return PyTuple_GET_ITEM(c->args, argidx);
    }
    PyErr_SetString(PyExc_TypeError, "not enough arguments for format string");
    return NULL;
}

/* Format an int for %d %i %u %x %X %o: new str of digits with sign and
   prefix (when alt), honouring precision (minimum digits). */
static PyObject *
format_long(PyObject *v, int flags, Py_ssize_t prec, Py_UCS4 type)
{
    PyObject *s, *res;
    int base = (type == 'x' || type == 'X') ? 16 : type == 'o' ? 8 : 10;
    Py_ssize_t len, numnondigits = 0, numdigits, i, o;
    const Py_UCS1 *p;
    Py_UCS1 *out;
    int neg;

    if (base == 10)
        s = PyLong_Type.tp_repr(v);
    else
        s = _PyLong_Format(v, base);
    if (s == NULL)
        return NULL;
    len = PyUnicode_GET_LENGTH(s);
    p = PyUnicode_1BYTE_DATA(s);
    neg = p[0] == '-';
    if (neg)
        numnondigits++;
    if (base != 10)
        numnondigits += 2;     /* "0x" / "0o" from _PyLong_Format */
    numdigits = len - numnondigits;
    /* result: [-][0x][zeros]digits */
    Py_ssize_t zeros = prec > numdigits ? prec - numdigits : 0;
    Py_ssize_t prefix = (base != 10 && (flags & F_ALT)) ? 2 : 0;
    res = PyUnicode_New(neg + prefix + zeros + numdigits, 127);
    if (res == NULL) {
        Py_DECREF(s);
        return NULL;
    }
    out = PyUnicode_1BYTE_DATA(res);
    o = 0;
    if (neg)
        out[o++] = '-';
    if (prefix) {
        out[o++] = '0';
        out[o++] = base == 16 ? (Py_UCS1)type : 'o';
    }
    for (i = 0; i < zeros; i++)
        out[o++] = '0';
    for (i = numnondigits; i < len; i++) {
        Py_UCS1 c = p[i];
        if (type == 'X' && c >= 'a' && c <= 'f')
            c -= 32;
        out[o++] = c;
    }
    Py_DECREF(s);
    return res;
}

static PyObject *
format_float(double x, int flags, Py_ssize_t prec, Py_UCS4 type)
{
    char fmt[16], small[128], *buf = small;
    size_t size = sizeof(small);
    int n;
    PyObject *res;
    if (prec < 0)
        prec = 6;
    if (isnan(x) || isinf(x)) {
        int upper = type == 'E' || type == 'F' || type == 'G';
        const char *t = isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        if (isinf(x) && x < 0) {
            snprintf(small, sizeof(small), "-%s", t);
            return PyUnicode_FromString(small);
        }
        return PyUnicode_FromString(t);
    }
    snprintf(fmt, sizeof(fmt), "%%%s.*%c", (flags & F_ALT) ? "#" : "", (char)type);
    if (prec > 1000000) {
        PyErr_SetString(PyExc_ValueError, "precision too big");
        return NULL;
    }
    for (;;) {
        n = snprintf(buf, size, fmt, (int)prec, x);
        if (n < 0) {
            if (buf != small) PyMem_Free(buf);
            PyErr_SetString(PyExc_SystemError, "float formatting failed");
            return NULL;
        }
        if ((size_t)n < size)
            break;
        if (buf != small)
            PyMem_Free(buf);
        size = (size_t)n + 1;
        buf = PyMem_Malloc(size);
        if (buf == NULL)
            return PyErr_NoMemory();
    }
    res = _PyUnicode_FromASCII(buf, n);
    if (buf != small)
        PyMem_Free(buf);
    return res;
}

/* Build the body of one conversion (without width padding); sets
   *signable when the result is a number that may carry a sign/zero fill. */
static PyObject *
convert_arg(PyObject *v, Py_UCS4 c, int flags, Py_ssize_t prec, int *signable)
{
    *signable = 0;
    switch (c) {
    case 's':
    case 'r':
    case 'a': {
        PyObject *s;
        if (c == 's')
            s = PyUnicode_CheckExact(v) ? Py_NewRef(v) : PyObject_Str(v);
        else if (c == 'r')
            s = PyObject_Repr(v);
        else
            s = PyObject_ASCII(v);
        if (s == NULL)
            return NULL;
        if (prec >= 0 && PyUnicode_GET_LENGTH(s) > prec) {
            PyObject *t = PyUnicode_Substring(s, 0, prec);
            Py_DECREF(s);
            s = t;
        }
        return s;
    }
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
        PyObject *iobj, *res;
        *signable = 1;
        if (PyLong_Check(v))
            return format_long(v, flags, prec, c);
        if (c == 'o' || c == 'x' || c == 'X') {
            if (!PyIndex_Check(v)) {
                PyErr_Format(PyExc_TypeError, "%%%c format: an integer is required, not %.200s",
                             (int)c, Py_TYPE(v)->tp_name);
                return NULL;
            }
            iobj = PyNumber_Index(v);
        }
        else {
            if (!PyNumber_Check(v) || PyUnicode_Check(v)) {
                PyErr_Format(PyExc_TypeError, "%%%c format: a real number is required, not %.200s",
                             (int)c, Py_TYPE(v)->tp_name);
                return NULL;
            }
            iobj = PyNumber_Long(v);
            if (iobj == NULL) {
                if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                    PyErr_Clear();
                    PyErr_Format(PyExc_TypeError,
                                 "%%%c format: a real number is required, not %.200s",
                                 (int)c, Py_TYPE(v)->tp_name);
                }
                return NULL;
            }
        }
        if (iobj == NULL)
            return NULL;
        res = format_long(iobj, flags, prec, c);
        Py_DECREF(iobj);
        return res;
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        double x;
        *signable = 1;
        if (PyFloat_CheckExact(v))
            x = PyFloat_AS_DOUBLE(v);
        else {
            x = PyFloat_AsDouble(v);
            if (x == -1.0 && PyErr_Occurred()) {
                if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                    PyErr_Clear();
                    PyErr_Format(PyExc_TypeError, "must be real number, not %.50s",
                                 Py_TYPE(v)->tp_name);
                }
                return NULL;
            }
        }
        return format_float(x, flags, prec, c);
    }
    case 'c': {
        if (PyUnicode_Check(v)) {
            if (PyUnicode_GET_LENGTH(v) == 1)
                return _PyUnicode_ResultUnchanged(v);
            PyErr_SetString(PyExc_TypeError, "%c requires int or char");
            return NULL;
        }
        if (!PyLong_Check(v)) {
            PyErr_SetString(PyExc_TypeError, "%c requires int or char");
            return NULL;
        }
        int overflow;
        long x = PyLong_AsLongAndOverflow(v, &overflow);
        if (x == -1 && PyErr_Occurred())
            return NULL;
        if (overflow || x < 0 || x > 0x10ffff) {
            PyErr_SetString(PyExc_OverflowError, "%c arg not in range(0x110000)");
            return NULL;
        }
        return _PyUnicode_Char((Py_UCS4)x);
    }
    default:
        return NULL;
    }
}

PyObject *
PyUnicode_Format(PyObject *format, PyObject *args)
{
    pctx c;
    _PyUnicodeWriter w;
    Py_ssize_t n, pos = 0;
    int kind;
    const void *data;

    if (format == NULL || args == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!PyUnicode_Check(format)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    n = PyUnicode_GET_LENGTH(format);
    kind = PyUnicode_KIND(format);
    data = PyUnicode_DATA(format);
    if (PyTuple_Check(args)) {
        c.arglen = PyTuple_GET_SIZE(args);
        c.argidx = 0;
    }
    else {
        c.arglen = -1;
        c.argidx = -2;
    }
    c.args = args;
    c.dict = NULL;
    c.owned = NULL;
    if (Py_TYPE(args)->tp_as_mapping && Py_TYPE(args)->tp_as_mapping->mp_subscript &&
        !PyTuple_Check(args) && !PyUnicode_Check(args))
        c.dict = args;

    _PyUnicodeWriter_Init(&w);
    w.min_length = n + 100;
    w.overallocate = 1;

    while (pos < n) {
        Py_ssize_t lit = pos;
        while (pos < n && PyUnicode_READ(kind, data, pos) != '%')
            pos++;
        if (pos > lit && _PyUnicodeWriter_WriteSubstring(&w, format, lit, pos) < 0)
            goto error;
        if (pos >= n)
            break;
        pos++;  /* skip '%' */
        if (pos >= n) {
            PyErr_SetString(PyExc_ValueError, "incomplete format");
            goto error;
        }
        Py_UCS4 ch = PyUnicode_READ(kind, data, pos);
        if (ch == '%') {
            if (_PyUnicodeWriter_WriteChar(&w, '%') < 0)
                goto error;
            pos++;
            continue;
        }
        PyObject *v = NULL;
        int flags = 0;
        Py_ssize_t width = -1, prec = -1;

        if (ch == '(') {
            Py_ssize_t keystart, pcount = 1;
            if (c.dict == NULL) {
                PyErr_SetString(PyExc_TypeError, "format requires a mapping");
                goto error;
            }
            pos++;
            keystart = pos;
            while (pcount > 0 && pos < n) {
                ch = PyUnicode_READ(kind, data, pos);
                if (ch == ')')
                    pcount--;
                else if (ch == '(')
                    pcount++;
                pos++;
            }
            if (pcount > 0) {
                PyErr_SetString(PyExc_ValueError, "incomplete format key");
                goto error;
            }
            PyObject *key = PyUnicode_Substring(format, keystart, pos - 1);
            if (key == NULL)
                goto error;
            PyObject *value = PyObject_GetItem(c.dict, key);
            Py_DECREF(key);
            if (value == NULL)
                goto error;
            Py_XSETREF(c.owned, value);
            c.args = value;
            c.arglen = -1;
            c.argidx = -2;
        }
        /* flags */
        while (pos < n) {
            ch = PyUnicode_READ(kind, data, pos);
            if (ch == '-') flags |= F_LJUST;
            else if (ch == '+') flags |= F_SIGN;
            else if (ch == ' ') flags |= F_BLANK;
            else if (ch == '#') flags |= F_ALT;
            else if (ch == '0') flags |= F_ZERO;
            else break;
            pos++;
        }
        /* width */
        if (pos < n && PyUnicode_READ(kind, data, pos) == '*') {
            PyObject *wv = getnextarg(&c);
            if (wv == NULL)
                goto error_v;
            if (!PyLong_Check(wv)) {
                PyErr_SetString(PyExc_TypeError, "* wants int");
                goto error_v;
            }
            width = PyLong_AsSsize_t(wv);
            if (width == -1 && PyErr_Occurred())
                goto error_v;
            if (width < 0) {
                flags |= F_LJUST;
                width = -width;
            }
            pos++;
        }
        else {
            while (pos < n) {
                ch = PyUnicode_READ(kind, data, pos);
                if (ch < '0' || ch > '9')
                    break;
                if (width < 0)
                    width = 0;
                if (width > (PY_SSIZE_T_MAX - (ch - '0')) / 10) {
                    PyErr_SetString(PyExc_ValueError, "width too big");
                    goto error_v;
                }
                width = width * 10 + (ch - '0');
                pos++;
            }
        }
        /* precision */
        if (pos < n && PyUnicode_READ(kind, data, pos) == '.') {
            pos++;
            prec = 0;
            if (pos < n && PyUnicode_READ(kind, data, pos) == '*') {
                PyObject *pv = getnextarg(&c);
                if (pv == NULL)
                    goto error_v;
                if (!PyLong_Check(pv)) {
                    PyErr_SetString(PyExc_TypeError, "* wants int");
                    goto error_v;
                }
                prec = PyLong_AsSsize_t(pv);
                if (prec == -1 && PyErr_Occurred())
                    goto error_v;
                if (prec < 0)
                    prec = 0;
                pos++;
            }
            else {
                while (pos < n) {
                    ch = PyUnicode_READ(kind, data, pos);
                    if (ch < '0' || ch > '9')
                        break;
                    if (prec > (PY_SSIZE_T_MAX - (ch - '0')) / 10) {
                        PyErr_SetString(PyExc_ValueError, "precision too big");
                        goto error_v;
                    }
                    prec = prec * 10 + (ch - '0');
                    pos++;
                }
            }
        }
        /* length modifiers are accepted and ignored */
        while (pos < n) {
            ch = PyUnicode_READ(kind, data, pos);
            if (ch != 'h' && ch != 'l' && ch != 'L')
                break;
            pos++;
        }
        if (pos >= n) {
            PyErr_SetString(PyExc_ValueError, "incomplete format");
            goto error_v;
        }
        ch = PyUnicode_READ(kind, data, pos++);
        v = getnextarg(&c);
        if (v == NULL)
            goto error_v;
        switch (ch) {
        case 's': case 'r': case 'a': case 'd': case 'i': case 'u': case 'o':
        case 'x': case 'X': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        case 'c':
            break;
        default:
            PyErr_Format(PyExc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                         (31 <= ch && ch <= 126) ? (int)ch : '?', (int)ch, pos - 1);
            goto error_v;
        }
        {
            int signable;
            PyObject *body = convert_arg(v, ch, flags, ch == 'c' ? -1 : prec, &signable);
            Py_ssize_t blen, pad, sign_len = 0, prefix_len = 0;
            Py_UCS4 signch = 0;
            if (body == NULL)
                goto error_v;
            blen = PyUnicode_GET_LENGTH(body);
            if (signable) {
                Py_UCS4 first = PyUnicode_READ_CHAR(body, 0);
                if (first == '-')
                    sign_len = 1;
                else if (flags & (F_SIGN | F_BLANK)) {
                    signch = (flags & F_SIGN) ? '+' : ' ';
                }
                if ((flags & F_ALT) && (ch == 'x' || ch == 'X' || ch == 'o'))
                    prefix_len = 2;
            }
            Py_ssize_t total = blen + (signch ? 1 : 0);
            pad = width > total ? width - total : 0;
            int zero = signable && (flags & F_ZERO) && !(flags & F_LJUST);
            if (!(flags & F_LJUST) && !zero && write_fill(&w, ' ', pad) < 0)
                goto error_body;
            if (signch && _PyUnicodeWriter_WriteChar(&w, signch) < 0)
                goto error_body;
            if (zero) {
                /* sign and prefix first, then zeros, then digits */
                if (_PyUnicodeWriter_WriteSubstring(&w, body, 0, sign_len + prefix_len) < 0 ||
                    write_fill(&w, '0', pad) < 0 ||
                    _PyUnicodeWriter_WriteSubstring(&w, body, sign_len + prefix_len, blen) < 0)
                    goto error_body;
            }
            else if (_PyUnicodeWriter_WriteStr(&w, body) < 0)
                goto error_body;
            if ((flags & F_LJUST) && write_fill(&w, ' ', pad) < 0)
                goto error_body;
            Py_DECREF(body);
            continue;
        error_body:
            Py_DECREF(body);
            goto error_v;
        }
    error_v:
        goto error;
    }
    if (c.argidx < c.arglen && !c.dict) {
        PyErr_SetString(PyExc_TypeError, "not all arguments converted during string formatting");
        goto error;
    }
    Py_XDECREF(c.owned);
    return _PyUnicodeWriter_Finish(&w);
error:
    Py_XDECREF(c.owned);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}
