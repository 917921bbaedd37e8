/* string_parser.c -- string, bytes and f-string literals.
 *
 * A STRING token's text still has its prefix and quotes; here they are
 * stripped and backslash escapes decoded.  Escapes are decoded straight from
 * the UTF-8 source into a UCS-4 buffer.  CPython decodes escapes by first
 * rewriting every non-ASCII character as a \UXXXXXXXX escape and handing the
 * result to the unicode-escape codec, so its error messages count positions
 * in that rewritten text; we track the same positions ("tpos") to print the
 * same messages.
 *
 * f-strings arrive as FSTRING_START, FSTRING_MIDDLE pieces, replacement
 * fields and FSTRING_END (see tokenizer.c).  _RpParser_joined_str decodes the
 * literal pieces and builds the JoinedStr; _RpParser_formatted_value builds
 * one replacement field (with the "x=" text of the debug form); and
 * _RpParser_concatenate_strings joins adjacent literals ("a" f"b{c}" "d"),
 * folding neighbouring constants, as CPython's action helpers do.
 */
#include "parser.h"

/* ------------------------------------------------------ \N{...} names */

/* TODO: the full Unicode name database.  A few common names are known. */
static const struct { const char *name; Py_UCS4 ch; } unicode_names[] = {
    {"BULLET", 0x2022}, {"EM DASH", 0x2014}, {"EN DASH", 0x2013},
    {"NO-BREAK SPACE", 0xA0}, {"DEGREE SIGN", 0xB0}, {"COPYRIGHT SIGN", 0xA9},
    {"REGISTERED SIGN", 0xAE}, {"SECTION SIGN", 0xA7}, {"PILCROW SIGN", 0xB6},
    {"MICRO SIGN", 0xB5}, {"MIDDLE DOT", 0xB7}, {"HORIZONTAL ELLIPSIS", 0x2026},
    {"LEFT SINGLE QUOTATION MARK", 0x2018}, {"RIGHT SINGLE QUOTATION MARK", 0x2019},
    {"LEFT DOUBLE QUOTATION MARK", 0x201C}, {"RIGHT DOUBLE QUOTATION MARK", 0x201D},
    {"EURO SIGN", 0x20AC}, {"POUND SIGN", 0xA3}, {"YEN SIGN", 0xA5}, {"CENT SIGN", 0xA2},
    {"SPACE", 0x20}, {"NULL", 0x0}, {"LINE FEED", 0x0A}, {"CARRIAGE RETURN", 0x0D},
    {"CHARACTER TABULATION", 0x09}, {"ESCAPE", 0x1B}, {"DELETE", 0x7F},
    {"ZERO WIDTH SPACE", 0x200B}, {"ZERO WIDTH JOINER", 0x200D},
    {"ZERO WIDTH NON-JOINER", 0x200C}, {"BYTE ORDER MARK", 0xFEFF},
    {"ZERO WIDTH NO-BREAK SPACE", 0xFEFF}, {"REPLACEMENT CHARACTER", 0xFFFD},
    {"MULTIPLICATION SIGN", 0xD7}, {"DIVISION SIGN", 0xF7}, {"PLUS-MINUS SIGN", 0xB1},
    {"INFINITY", 0x221E}, {"NOT EQUAL TO", 0x2260}, {"LESS-THAN OR EQUAL TO", 0x2264},
    {"GREATER-THAN OR EQUAL TO", 0x2265}, {"RIGHTWARDS ARROW", 0x2192},
    {"LEFTWARDS ARROW", 0x2190}, {"UPWARDS ARROW", 0x2191}, {"DOWNWARDS ARROW", 0x2193},
    {"CHECK MARK", 0x2713}, {"BLACK STAR", 0x2605}, {"WHITE STAR", 0x2606},
    {"SNOWMAN", 0x2603}, {"BLACK HEART SUIT", 0x2665}, {"SMILING FACE WITH SMILING EYES", 0x1F60A},
    {"GREEK SMALL LETTER ALPHA", 0x3B1}, {"GREEK SMALL LETTER BETA", 0x3B2},
    {"GREEK SMALL LETTER GAMMA", 0x3B3}, {"GREEK SMALL LETTER DELTA", 0x3B4},
    {"GREEK SMALL LETTER EPSILON", 0x3B5}, {"GREEK SMALL LETTER LAMDA", 0x3BB},
    {"GREEK SMALL LETTER MU", 0x3BC}, {"GREEK SMALL LETTER PI", 0x3C0},
    {"GREEK SMALL LETTER SIGMA", 0x3C3}, {"GREEK SMALL LETTER OMEGA", 0x3C9},
    {"GREEK CAPITAL LETTER DELTA", 0x394}, {"GREEK CAPITAL LETTER SIGMA", 0x3A3},
    {"GREEK CAPITAL LETTER OMEGA", 0x3A9},
    {"LATIN SMALL LETTER A WITH GRAVE", 0xE0}, {"LATIN SMALL LETTER A WITH ACUTE", 0xE1},
    {"LATIN SMALL LETTER A WITH DIAERESIS", 0xE4}, {"LATIN SMALL LETTER C WITH CEDILLA", 0xE7},
    {"LATIN SMALL LETTER E WITH GRAVE", 0xE8}, {"LATIN SMALL LETTER E WITH ACUTE", 0xE9},
    {"LATIN SMALL LETTER I WITH ACUTE", 0xED}, {"LATIN SMALL LETTER N WITH TILDE", 0xF1},
    {"LATIN SMALL LETTER O WITH ACUTE", 0xF3}, {"LATIN SMALL LETTER O WITH DIAERESIS", 0xF6},
    {"LATIN SMALL LETTER U WITH ACUTE", 0xFA}, {"LATIN SMALL LETTER U WITH DIAERESIS", 0xFC},
    {"LATIN SMALL LETTER SHARP S", 0xDF}, {"LATIN CAPITAL LETTER A WITH DIAERESIS", 0xC4},
    {"LATIN CAPITAL LETTER O WITH DIAERESIS", 0xD6}, {"LATIN CAPITAL LETTER U WITH DIAERESIS", 0xDC},
    {"LATIN CAPITAL LETTER E WITH ACUTE", 0xC9},
    {NULL, 0}
};

static int
lookup_name(const char *s, Py_ssize_t n, Py_UCS4 *ch)
{
    char buf[64];
    if (n <= 0 || n >= (Py_ssize_t)sizeof(buf))
        return 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        char c = s[i];
        buf[i] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
    }
    buf[n] = 0;
    for (int i = 0; unicode_names[i].name; i++)
        if (strcmp(unicode_names[i].name, buf) == 0) {
            *ch = unicode_names[i].ch;
            return 1;
        }
    /* CJK UNIFIED IDEOGRAPH-XXXX and similar computed names */
    if (strncmp(buf, "CJK UNIFIED IDEOGRAPH-", 22) == 0 && (n == 26 || n == 27)) {
        char *end;
        unsigned long v = strtoul(buf + 22, &end, 16);
        if (*end == 0) {
            *ch = (Py_UCS4)v;
            return 1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------ warnings */

/* Issue the SyntaxWarning for an invalid escape; -1 if it became an error. */
static int
warn_invalid_escape_sequence(Parser *p, const char *esc, int octal, Token *t)
{
    if (p->call_invalid_rules)
        return 0;    /* the second pass must not warn again */
    char msg[64];
    if (octal)
        snprintf(msg, sizeof(msg), "invalid octal escape sequence '\\%.3s'", esc);
    else
        snprintf(msg, sizeof(msg), "invalid escape sequence '\\%c'", esc[0]);
    int r = _RpParser_warn(p, PyExc_SyntaxWarning, t->lineno, msg);
    if (r < 0) {
        if (PyErr_ExceptionMatches(PyExc_SyntaxWarning)) {
            PyErr_Clear();
            p->known_err_token = t;
            RAISE_SYNTAX_ERROR("%s", msg);
        }
        else {
            p->error_indicator = 1;
        }
        return -1;
    }
    return 0;
}

static void
raise_decode_error(Parser *p, const char *kind, const char *msg)
{
    RAISE_SYNTAX_ERROR("(%s) %s", kind, msg);
}

/* ------------------------------------------------------------ decoding */

typedef struct {
    Py_UCS4 *buf;
    Py_ssize_t n, cap;
    Py_UCS4 maxchar;
} ucs4buf;

static int
ub_put(ucs4buf *b, Py_UCS4 c)
{
    if (b->n == b->cap) {
        Py_ssize_t cap = b->cap ? b->cap * 2 : 64;
        Py_UCS4 *nb = realloc(b->buf, (size_t)cap * sizeof(Py_UCS4));
        if (nb == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        b->buf = nb;
        b->cap = cap;
    }
    b->buf[b->n++] = c;
    if (c > b->maxchar)
        b->maxchar = c;
    return 0;
}

static int
hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Length in the "rewritten" text of CPython's decoder of the source bytes
   [s, e): non-ASCII characters count 10 each. */
static Py_ssize_t
tlen(const char *s, const char *e)
{
    Py_ssize_t n = 0;
    while (s < e) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x80) {
            n++;
            s++;
        }
        else {
            int k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            s += k;
            n += 10;
        }
    }
    return n;
}

static PyObject *
decode_unicode_with_escapes(Parser *p, const char *s, Py_ssize_t len, Token *t)
{
    const char *end = s + len;
    const char *start = s;
    const char *first_invalid = NULL;
    int first_invalid_octal = 0;
    char octbuf[4];
    ucs4buf b = {NULL, 0, 0, 0};
    Py_ssize_t extra = 0;    /* extra rewritten bytes from "\u005c" insertions */
    char emsg[160];

    while (s < end) {
        unsigned char c = (unsigned char)*s;
        if (c != '\\') {
            if (c < 0x80) {
                if (ub_put(&b, c) < 0)
                    goto error;
                s++;
            }
            else {
                Py_UCS4 ch;
                int k;
                if (c >= 0xF0) { k = 4; ch = c & 7; }
                else if (c >= 0xE0) { k = 3; ch = c & 15; }
                else { k = 2; ch = c & 31; }
                for (int i = 1; i < k && s + i < end; i++)
                    ch = (ch << 6) | ((unsigned char)s[i] & 0x3F);
                if (ub_put(&b, ch) < 0)
                    goto error;
                s += k;
            }
            continue;
        }
        /* backslash */
        const char *bs = s;
        s++;
        if (s >= end || ((unsigned char)*s & 0x80)) {
            /* rewritten as \u005c: a literal backslash */
            extra += 5;
            if (ub_put(&b, '\\') < 0)
                goto error;
            continue;
        }
        c = (unsigned char)*s++;
        Py_UCS4 ch;
        int count = 0;
        const char *message = NULL;
        switch (c) {
        case '\n': continue;
        case '\\': ch = '\\'; break;
        case '\'': ch = '\''; break;
        case '\"': ch = '\"'; break;
        case 'b': ch = '\b'; break;
        case 'f': ch = '\014'; break;
        case 't': ch = '\t'; break;
        case 'n': ch = '\n'; break;
        case 'r': ch = '\r'; break;
        case 'v': ch = '\013'; break;
        case 'a': ch = '\007'; break;
        case '0': case '1': case '2': case '3':
        case '4': case '5': case '6': case '7':
            ch = c - '0';
            if (s < end && '0' <= *s && *s <= '7') {
                ch = (ch << 3) + (Py_UCS4)(*s++ - '0');
                if (s < end && '0' <= *s && *s <= '7')
                    ch = (ch << 3) + (Py_UCS4)(*s++ - '0');
            }
            if (ch > 0377 && first_invalid == NULL) {
                memcpy(octbuf, s - 3, 3);
                octbuf[3] = 0;
                first_invalid = octbuf;
                first_invalid_octal = 1;
            }
            break;
        case 'x': count = 2; message = "truncated \\xXX escape"; goto hexescape;
        case 'u': count = 4; message = "truncated \\uXXXX escape"; goto hexescape;
        case 'U': count = 8; message = "truncated \\UXXXXXXXX escape"; goto hexescape;
        hexescape:
            ch = 0;
            for (; count; ++s, --count) {
                int d;
                if (s >= end || (d = hexval((unsigned char)*s)) < 0)
                    goto decode_error;
                ch = (ch << 4) + (Py_UCS4)d;
            }
            if (ch > 0x10FFFF) {
                message = "illegal Unicode character";
                goto decode_error;
            }
            break;
        case 'N':
            message = "malformed \\N character escape";
            if (s < end && *s == '{') {
                const char *nstart = ++s;
                while (s < end && *s != '}')
                    s++;
                if (s >= end)
                    goto decode_error;
                if (s > nstart) {
                    Py_ssize_t namelen = s - nstart;
                    s++;
                    if (lookup_name(nstart, namelen, &ch))
                        break;
                    message = "unknown Unicode character name";
                }
            }
            goto decode_error;
        default:
            if (first_invalid == NULL) {
                first_invalid = s - 1;
                first_invalid_octal = 0;
            }
            if (ub_put(&b, '\\') < 0)
                goto error;
            ch = c;
            break;
        }
        if (ub_put(&b, ch) < 0)
            goto error;
        continue;

      decode_error: {
            Py_ssize_t startpos = tlen(start, bs) + extra;
            Py_ssize_t endpos = startpos + tlen(bs, s);
            if (endpos - startpos == 1)
                snprintf(emsg, sizeof(emsg),
                         "'unicodeescape' codec can't decode byte 0x%02x in position %zd: %s",
                         (unsigned char)*bs, startpos, message);
            else
                snprintf(emsg, sizeof(emsg),
                         "'unicodeescape' codec can't decode bytes in position %zd-%zd: %s",
                         startpos, endpos - 1, message);
            free(b.buf);
            raise_decode_error(p, "unicode error", emsg);
            return NULL;
        }
    }
    PyObject *v;
    if (b.n == 0)
        v = PyUnicode_FromStringAndSize("", 0);
    else
        v = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, b.buf, b.n);
    free(b.buf);
    if (v == NULL)
        return NULL;
    if (first_invalid != NULL && t != NULL) {
        if (warn_invalid_escape_sequence(p, first_invalid, first_invalid_octal, t) < 0) {
            Py_DECREF(v);
            return NULL;
        }
    }
    return v;
  error:
    free(b.buf);
    return NULL;
}

static PyObject *
decode_bytes_with_escapes(Parser *p, const char *s, Py_ssize_t len, Token *t)
{
    const char *end = s + len;
    const char *start = s;
    const char *first_invalid = NULL;
    int first_invalid_octal = 0;
    char octbuf[4];
    char *buf = malloc((size_t)len + 1), *q = buf;
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    while (s < end) {
        if (*s != '\\') {
            *q++ = *s++;
            continue;
        }
        s++;
        if (s >= end) {
            /* a trailing backslash cannot happen in a literal */
            *q++ = '\\';
            break;
        }
        int c;
        switch (*s++) {
        case '\n': break;
        case '\\': *q++ = '\\'; break;
        case '\'': *q++ = '\''; break;
        case '\"': *q++ = '\"'; break;
        case 'b': *q++ = '\b'; break;
        case 'f': *q++ = '\014'; break;
        case 't': *q++ = '\t'; break;
        case 'n': *q++ = '\n'; break;
        case 'r': *q++ = '\r'; break;
        case 'v': *q++ = '\013'; break;
        case 'a': *q++ = '\007'; break;
        case '0': case '1': case '2': case '3':
        case '4': case '5': case '6': case '7':
            c = s[-1] - '0';
            if (s < end && '0' <= *s && *s <= '7') {
                c = (c << 3) + *s++ - '0';
                if (s < end && '0' <= *s && *s <= '7')
                    c = (c << 3) + *s++ - '0';
            }
            if (c > 0377 && first_invalid == NULL) {
                memcpy(octbuf, s - 3, 3);
                octbuf[3] = 0;
                first_invalid = octbuf;
                first_invalid_octal = 1;
            }
            *q++ = (char)c;
            break;
        case 'x':
            if (s + 1 < end) {
                int d1 = hexval((unsigned char)s[0]), d2 = hexval((unsigned char)s[1]);
                if (d1 >= 0 && d2 >= 0) {
                    *q++ = (char)((d1 << 4) + d2);
                    s += 2;
                    break;
                }
            }
            {
                char emsg[80];
                snprintf(emsg, sizeof(emsg), "invalid \\x escape at position %zd",
                         (Py_ssize_t)(s - 2 - start));
                free(buf);
                raise_decode_error(p, "value error", emsg);
                return NULL;
            }
        default:
            if (first_invalid == NULL) {
                first_invalid = s - 1;
                first_invalid_octal = 0;
            }
            *q++ = '\\';
            s--;
            *q++ = *s++;
            break;
        }
    }
    PyObject *v = PyBytes_FromStringAndSize(buf, q - buf);
    free(buf);
    if (v == NULL)
        return NULL;
    if (first_invalid != NULL) {
        if (warn_invalid_escape_sequence(p, first_invalid, first_invalid_octal, t) < 0) {
            Py_DECREF(v);
            return NULL;
        }
    }
    return v;
}

static PyObject *
decode_string(Parser *p, int raw, const char *s, Py_ssize_t len, Token *t)
{
    if (raw)
        return PyUnicode_DecodeUTF8(s, len, NULL);
    return decode_unicode_with_escapes(p, s, len, t);
}

/* The value of a STRING token: new reference, or NULL with an error. */
static PyObject *
parse_string(Parser *p, Token *t)
{
    const char *s = t->start;
    const char *e = t->end;
    int quote = (unsigned char)*s;
    int bytesmode = 0, rawmode = 0;
    while (quote != '\'' && quote != '"') {
        if (quote == 'b' || quote == 'B')
            bytesmode = 1;
        else if (quote == 'r' || quote == 'R')
            rawmode = 1;
        quote = (unsigned char)*++s;
    }
    s++;
    e--;
    if (e - s >= 4 && s[0] == quote && s[1] == quote) {
        s += 2;
        e -= 2;
    }
    Py_ssize_t len = e - s;
    if (!rawmode && memchr(s, '\\', (size_t)len) == NULL)
        rawmode = 1;
    if (bytesmode) {
        for (const char *ch = s; ch < e; ch++) {
            if ((unsigned char)*ch >= 0x80) {
                RAISE_SYNTAX_ERROR_KNOWN_LOCATION(t, "bytes can only contain ASCII literal characters");
                return NULL;
            }
        }
        if (rawmode)
            return PyBytes_FromStringAndSize(s, len);
        return decode_bytes_with_escapes(p, s, len, t);
    }
    return decode_string(p, rawmode, s, len, t);
}

static int
add_obj(Parser *p, PyObject *o)
{
    if (o == NULL) {
        p->error_indicator = 1;
        return -1;
    }
    if (_PyArena_AddPyObject(p->arena, o) < 0) {
        p->error_indicator = 1;
        return -1;
    }
    return 0;
}

expr_ty
_RpParser_constant_from_string(Parser *p, Token *tok)
{
    PyObject *s = parse_string(p, tok);
    if (s == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    if (add_obj(p, s) < 0)
        return NULL;
    PyObject *kind = NULL;
    if (tok->start[0] == 'u') {
        kind = _RpParser_new_identifier(p, "u", 1);
        if (kind == NULL)
            return NULL;
    }
    return _PyAST_Constant(s, kind, tok->lineno, tok->col_offset, tok->end_lineno,
                           tok->end_col_offset, p->arena);
}

/* An FSTRING_MIDDLE as a raw (not yet decoded) constant. */
expr_ty
_RpParser_constant_from_token(Parser *p, Token *tok)
{
    PyObject *s = PyUnicode_DecodeUTF8(tok->start, tok->end - tok->start, NULL);
    if (add_obj(p, s) < 0)
        return NULL;
    return _PyAST_Constant(s, NULL, tok->lineno, tok->col_offset, tok->end_lineno,
                           tok->end_col_offset, p->arena);
}

/* An FSTRING_MIDDLE of a format spec, decoded right away. */
expr_ty
_RpParser_decoded_constant_from_token(Parser *p, Token *tok)
{
    PyObject *s = decode_string(p, 0, tok->start, tok->end - tok->start, tok);
    if (s == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    if (add_obj(p, s) < 0)
        return NULL;
    return _PyAST_Constant(s, NULL, tok->lineno, tok->col_offset, tok->end_lineno,
                           tok->end_col_offset, p->arena);
}

static int
is_empty_str(expr_ty e)
{
    return e->kind == Constant_kind && PyUnicode_CheckExact(e->v.Constant.value) &&
           PyUnicode_GET_LENGTH(e->v.Constant.value) == 0;
}

/* Decode a literal piece of an f-string (its value is the raw text). */
static expr_ty
decode_fstring_part(Parser *p, int is_raw, expr_ty constant, Token *token)
{
    Py_ssize_t len;
    const char *bstr = PyUnicode_AsUTF8AndSize(constant->v.Constant.value, &len);
    if (bstr == NULL)
        return NULL;
    if ((len == 2 && strcmp(bstr, "{{") == 0) || (len == 2 && strcmp(bstr, "}}") == 0))
        len = 1;
    is_raw = is_raw || memchr(bstr, '\\', (size_t)len) == NULL;
    PyObject *str = decode_string(p, is_raw, bstr, len, token);
    if (str == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    if (add_obj(p, str) < 0)
        return NULL;
    return _PyAST_Constant(str, NULL, constant->lineno, constant->col_offset,
                           constant->end_lineno, constant->end_col_offset, p->arena);
}

/* Flatten JoinedStr items (the debug form yields one) into the list. */
static asdl_expr_seq *
unpack_top_level_joined_strs(Parser *p, asdl_expr_seq *raw)
{
    Py_ssize_t n = asdl_seq_LEN(raw), req = n;
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty e = asdl_seq_GET(raw, i);
        if (e->kind == JoinedStr_kind)
            req += asdl_seq_LEN(e->v.JoinedStr.values) - 1;
    }
    asdl_expr_seq *out = (asdl_expr_seq *)_Py_asdl_generic_seq_new(req, p->arena);
    if (out == NULL)
        return NULL;
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty e = asdl_seq_GET(raw, i);
        if (e->kind == JoinedStr_kind) {
            for (Py_ssize_t j = 0; j < asdl_seq_LEN(e->v.JoinedStr.values); j++)
                asdl_seq_SET(out, k++, asdl_seq_GET(e->v.JoinedStr.values, j));
        }
        else {
            asdl_seq_SET(out, k++, e);
        }
    }
    return out;
}

expr_ty
_RpParser_joined_str(Parser *p, Token *a, asdl_expr_seq *raw, Token *b)
{
    asdl_expr_seq *expr = unpack_top_level_joined_strs(p, raw);
    if (expr == NULL)
        return NULL;
    Py_ssize_t n = asdl_seq_LEN(expr);
    int is_raw = 0;
    for (const char *c = a->start; c < a->end; c++)
        if (*c == 'r' || *c == 'R')
            is_raw = 1;
    asdl_expr_seq *seq = (asdl_expr_seq *)_Py_asdl_generic_seq_new(n, p->arena);
    if (seq == NULL)
        return NULL;
    Py_ssize_t index = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty item = asdl_seq_GET(expr, i);
        if (item->kind == Constant_kind) {
            item = decode_fstring_part(p, is_raw, item, b);
            if (item == NULL)
                return NULL;
            if (is_empty_str(item))
                continue;
        }
        asdl_seq_SET(seq, index++, item);
    }
    seq->size = index;
    return _PyAST_JoinedStr(seq, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset,
                            p->arena);
}

/* The debug text ("x=") remembered by the tokenizer, as a str. */
static PyObject *
debug_text(Parser *p, Token *t)
{
    if (t == NULL || t->meta == NULL)
        return NULL;
    const char *s = t->meta;
    int n = t->meta_len;
    PyObject *res;
    if (memchr(s, '#', (size_t)n) != NULL) {
        /* drop comments, keeping their newlines */
        char *buf = malloc((size_t)n + 1);
        if (buf == NULL)
            return PyErr_NoMemory();
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (s[i] == '#') {
                while (i < n && s[i] != '\n')
                    i++;
                if (i < n)
                    buf[j++] = '\n';
            }
            else {
                buf[j++] = s[i];
            }
        }
        res = PyUnicode_DecodeUTF8(buf, j, NULL);
        free(buf);
    }
    else {
        res = PyUnicode_DecodeUTF8(s, n, NULL);
    }
    if (add_obj(p, res) < 0)
        return NULL;
    return res;
}

expr_ty
_RpParser_formatted_value(Parser *p, expr_ty expression, Token *debug,
                          ResultTokenWithMetadata *conversion, ResultTokenWithMetadata *format,
                          Token *closing_brace, int lineno, int col_offset, int end_lineno,
                          int end_col_offset, PyArena *arena)
{
    int conversion_val = -1;
    if (conversion != NULL) {
        expr_ty conv = (expr_ty)conversion->result;
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(conv->v.Name.id, &n);
        if (s == NULL)
            return NULL;
        if (n > 1 || !(s[0] == 's' || s[0] == 'r' || s[0] == 'a')) {
            RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
                conv, "f-string: invalid conversion character %R: expected 's', 'r', or 'a'",
                conv->v.Name.id);
            return NULL;
        }
        conversion_val = s[0];
    }
    else if (debug && !format) {
        conversion_val = 'r';
    }
    expr_ty fv = _PyAST_FormattedValue(expression, conversion_val,
                                       format ? (expr_ty)format->result : NULL, lineno,
                                       col_offset, end_lineno, end_col_offset, arena);
    if (fv == NULL || !debug)
        return fv;

    int debug_end_line, debug_end_offset;
    Token *meta;
    if (conversion) {
        debug_end_line = ((expr_ty)conversion->result)->lineno;
        debug_end_offset = ((expr_ty)conversion->result)->col_offset;
        meta = conversion->meta_token;
    }
    else if (format) {
        debug_end_line = ((expr_ty)format->result)->lineno;
        debug_end_offset = ((expr_ty)format->result)->col_offset + 1;
        meta = format->meta_token;
    }
    else {
        debug_end_line = end_lineno;
        debug_end_offset = end_col_offset;
        meta = closing_brace;
    }
    PyObject *text = debug_text(p, meta);
    if (text == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "f-string debug text missing");
        p->error_indicator = 1;
        return NULL;
    }
    expr_ty dt = _PyAST_Constant(text, NULL, lineno, col_offset + 1, debug_end_line,
                                 debug_end_offset - 1, p->arena);
    if (dt == NULL)
        return NULL;
    asdl_expr_seq *values = (asdl_expr_seq *)_Py_asdl_generic_seq_new(2, arena);
    if (values == NULL)
        return NULL;
    asdl_seq_SET(values, 0, dt);
    asdl_seq_SET(values, 1, fv);
    return _PyAST_JoinedStr(values, lineno, col_offset, debug_end_line, debug_end_offset,
                            p->arena);
}

ResultTokenWithMetadata *
_RpParser_check_fstring_conversion(Parser *p, Token *conv_token, expr_ty conv)
{
    if (conv_token->lineno != conv->lineno || conv_token->end_col_offset != conv->col_offset) {
        RAISE_SYNTAX_ERROR_KNOWN_RANGE(conv_token, conv,
            "f-string: conversion type must come right after the exclamanation mark");
        return NULL;
    }
    ResultTokenWithMetadata *r = _PyArena_Malloc(p->arena, sizeof(*r));
    if (r == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    r->result = conv;
    r->meta_token = conv_token;
    return r;
}

ResultTokenWithMetadata *
_RpParser_setup_full_format_spec(Parser *p, Token *colon, asdl_expr_seq *spec, int lineno,
                                 int col_offset, int end_lineno, int end_col_offset,
                                 PyArena *arena)
{
    /* As in 3.11, an empty spec is an empty JoinedStr, not one with ''. */
    if (asdl_seq_LEN(spec) == 1 && is_empty_str(asdl_seq_GET(spec, 0))) {
        spec = (asdl_expr_seq *)_Py_asdl_generic_seq_new(0, arena);
        if (spec == NULL)
            return NULL;
    }
    expr_ty res = _PyAST_JoinedStr(spec, lineno, col_offset, end_lineno, end_col_offset,
                                   p->arena);
    if (res == NULL)
        return NULL;
    ResultTokenWithMetadata *r = _PyArena_Malloc(p->arena, sizeof(*r));
    if (r == NULL)
        return NULL;
    r->result = res;
    r->meta_token = colon;
    return r;
}

expr_ty
_RpParser_concatenate_strings(Parser *p, asdl_expr_seq *strings, int lineno, int col_offset,
                              int end_lineno, int end_col_offset, PyArena *arena)
{
    Py_ssize_t len = asdl_seq_LEN(strings);
    int f_string_found = 0, unicode_string_found = 0, bytes_found = 0;
    Py_ssize_t n_flattened = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        expr_ty elem = asdl_seq_GET(strings, i);
        if (elem->kind == Constant_kind) {
            if (PyBytes_CheckExact(elem->v.Constant.value))
                bytes_found = 1;
            else
                unicode_string_found = 1;
            n_flattened++;
        }
        else if (elem->kind == JoinedStr_kind) {
            n_flattened += asdl_seq_LEN(elem->v.JoinedStr.values);
            f_string_found = 1;
        }
        else {
            n_flattened++;
            f_string_found = 1;
        }
    }
    if ((unicode_string_found || f_string_found) && bytes_found) {
        RAISE_SYNTAX_ERROR("cannot mix bytes and nonbytes literals");
        return NULL;
    }
    if (bytes_found) {
        Py_ssize_t total = 0;
        for (Py_ssize_t i = 0; i < len; i++)
            total += PyBytes_GET_SIZE(((expr_ty)asdl_seq_GET(strings, i))->v.Constant.value);
        PyObject *res = PyBytes_FromStringAndSize(NULL, total);
        if (res == NULL) {
            p->error_indicator = 1;
            return NULL;
        }
        char *q = PyBytes_AS_STRING(res);
        for (Py_ssize_t i = 0; i < len; i++) {
            PyObject *b = ((expr_ty)asdl_seq_GET(strings, i))->v.Constant.value;
            memcpy(q, PyBytes_AS_STRING(b), (size_t)PyBytes_GET_SIZE(b));
            q += PyBytes_GET_SIZE(b);
        }
        if (total <= 1) {
            /* b'' and one-byte literals are the immortal singletons, as in CPython. */
            PyObject *single = PyBytes_FromStringAndSize(PyBytes_AS_STRING(res), total);
            Py_DECREF(res);
            if (single == NULL) {
                p->error_indicator = 1;
                return NULL;
            }
            res = single;
        }
        if (add_obj(p, res) < 0)
            return NULL;
        PyObject *kind = ((expr_ty)asdl_seq_GET(strings, 0))->v.Constant.kind;
        return _PyAST_Constant(res, kind, lineno, col_offset, end_lineno, end_col_offset,
                               p->arena);
    }
    if (!f_string_found && len == 1)
        return asdl_seq_GET(strings, 0);

    asdl_expr_seq *flattened = (asdl_expr_seq *)_Py_asdl_generic_seq_new(n_flattened, p->arena);
    if (flattened == NULL)
        return NULL;
    Py_ssize_t pos = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        expr_ty elem = asdl_seq_GET(strings, i);
        if (elem->kind == JoinedStr_kind) {
            for (Py_ssize_t j = 0; j < asdl_seq_LEN(elem->v.JoinedStr.values); j++)
                asdl_seq_SET(flattened, pos++, asdl_seq_GET(elem->v.JoinedStr.values, j));
        }
        else {
            asdl_seq_SET(flattened, pos++, elem);
        }
    }

    /* Fold runs of constants; drop empty strings (in f-strings). */
    asdl_expr_seq *values = (asdl_expr_seq *)_Py_asdl_generic_seq_new(n_flattened, p->arena);
    if (values == NULL)
        return NULL;
    pos = 0;
    for (Py_ssize_t i = 0; i < n_flattened; i++) {
        expr_ty elem = asdl_seq_GET(flattened, i);
        if (elem->kind == Constant_kind) {
            if (i + 1 < n_flattened && ((expr_ty)asdl_seq_GET(flattened, i + 1))->kind == Constant_kind) {
                expr_ty first = elem, last = elem;
                PyObject *kind = elem->v.Constant.kind;
                _PyUnicodeWriter w;
                _PyUnicodeWriter_Init(&w);
                Py_ssize_t j;
                for (j = i; j < n_flattened; j++) {
                    expr_ty cur = asdl_seq_GET(flattened, j);
                    if (cur->kind != Constant_kind)
                        break;
                    if (_PyUnicodeWriter_WriteStr(&w, cur->v.Constant.value) < 0) {
                        _PyUnicodeWriter_Dealloc(&w);
                        p->error_indicator = 1;
                        return NULL;
                    }
                    last = cur;
                }
                i = j - 1;
                PyObject *s = _PyUnicodeWriter_Finish(&w);
                if (add_obj(p, s) < 0)
                    return NULL;
                elem = _PyAST_Constant(s, kind, first->lineno, first->col_offset,
                                       last->end_lineno, last->end_col_offset, p->arena);
                if (elem == NULL)
                    return NULL;
            }
            if (f_string_found && is_empty_str(elem))
                continue;
        }
        asdl_seq_SET(values, pos++, elem);
    }
    values->size = pos;
    if (!f_string_found)
        return asdl_seq_GET(values, 0);
    return _PyAST_JoinedStr(values, lineno, col_offset, end_lineno, end_col_offset, p->arena);
}

/* --------------------------------------------------------------- numbers */

/* The value of a NUMBER token's text (underscores allowed): new reference. */
PyObject *
_RpParser_parse_number(const char *s, Py_ssize_t n)
{
    char small[64];
    char *buf = n < (Py_ssize_t)sizeof(small) ? small : malloc((size_t)n + 1);
    if (buf == NULL)
        return PyErr_NoMemory();
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        if (s[i] != '_')
            buf[k++] = s[i];
    buf[k] = 0;
    PyObject *res = NULL;
    char last = buf[k - 1];
    int base = 10, is_int = 1;
    const char *digits = buf;
    if (buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X')) {
        base = 16; digits = buf + 2;
    }
    else if (buf[0] == '0' && (buf[1] == 'o' || buf[1] == 'O')) {
        base = 8; digits = buf + 2;
    }
    else if (buf[0] == '0' && (buf[1] == 'b' || buf[1] == 'B')) {
        base = 2; digits = buf + 2;
    }
    else {
        for (Py_ssize_t i = 0; i < k; i++)
            if (buf[i] == '.' || buf[i] == 'e' || buf[i] == 'E' || buf[i] == 'j' || buf[i] == 'J')
                is_int = 0;
    }
    if (is_int) {
        unsigned long long v = 0;
        int overflow = 0;
        for (const char *c = digits; *c; c++) {
            int d = hexval((unsigned char)*c);
            if (v > (ULLONG_MAX - (unsigned)d) / (unsigned)base) {
                overflow = 1;
                break;
            }
            v = v * (unsigned)base + (unsigned)d;
        }
        if (!overflow && v <= (unsigned long long)LLONG_MAX)
            res = PyLong_FromLongLong((long long)v);
        else
            res = PyLong_FromString(buf, NULL, 0);
    }
    else if (last == 'j' || last == 'J') {
        buf[k - 1] = 0;
        double d = strtod(buf, NULL);
        res = PyComplex_FromDoubles(0.0, d);
    }
    else {
        res = PyFloat_FromDouble(strtod(buf, NULL));
    }
    if (buf != small)
        free(buf);
    return res;
}
