/* unicode_codecs.c -- the built-in text codecs of str and bytes.
 *
 * refpy has no codec registry: the encodings every program meets (UTF-8,
 * ASCII, Latin-1, UTF-16 and UTF-32 with or without a byte order) are
 * built in, reached through their usual names and aliases, and support
 * CPython's standard error handlers: strict, ignore, replace,
 * backslashreplace, surrogateescape, surrogatepass and xmlcharrefreplace.
 * An unknown encoding raises LookupError("unknown encoding: x"); an unknown
 * error handler raises LookupError only when an error actually occurs, as
 * in CPython.
 *
 * Each decoder first tries a fast path that assumes valid input: it scans
 * once to find the length and widest character, then writes the result
 * straight into a str of the right kind.  Only when the input is invalid
 * does it fall back to a slower loop that decodes into a UCS-4 buffer and
 * calls the error handler at each bad spot.  Encoders work the same way:
 * a pure-ASCII str is already its own UTF-8, ASCII and Latin-1 encoding,
 * so those cases are one memcpy.
 *
 * Errors are reported with UnicodeDecodeError / UnicodeEncodeError
 * instances built from (encoding, object, start, end, reason), whose str()
 * gives CPython's messages, e.g. "'utf-8' codec can't decode byte 0xff in
 * position 0: invalid start byte".
 */
#include "pycore.h"
#include "unicode_internal.h"

/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

static const char ENC_UTF8[] = "utf-8";
static const char ENC_ASCII[] = "ascii";
static const char ENC_LATIN1[] = "latin-1";
static const char ENC_UTF16[] = "utf-16";
static const char ENC_UTF16LE[] = "utf-16-le";
static const char ENC_UTF16BE[] = "utf-16-be";
static const char ENC_UTF32[] = "utf-32";
static const char ENC_UTF32LE[] = "utf-32-le";
static const char ENC_UTF32BE[] = "utf-32-be";

static const struct { const char *alias; const char *name; } enc_aliases[] = {
    {"utf_8", ENC_UTF8}, {"utf8", ENC_UTF8}, {"u8", ENC_UTF8}, {"utf", ENC_UTF8},
    {"cp65001", ENC_UTF8}, {"utf8_ucs2", ENC_UTF8}, {"utf8_ucs4", ENC_UTF8},
    {"ascii", ENC_ASCII}, {"us_ascii", ENC_ASCII}, {"646", ENC_ASCII}, {"us", ENC_ASCII},
    {"ansi_x3.4_1968", ENC_ASCII}, {"ansi_x3_4_1968", ENC_ASCII}, {"ansi_x3.4_1986", ENC_ASCII},
    {"cp367", ENC_ASCII}, {"csascii", ENC_ASCII}, {"ibm367", ENC_ASCII},
    {"iso646_us", ENC_ASCII}, {"iso_646.irv_1991", ENC_ASCII}, {"iso_ir_6", ENC_ASCII},
    {"latin_1", ENC_LATIN1}, {"latin1", ENC_LATIN1}, {"latin", ENC_LATIN1}, {"l1", ENC_LATIN1},
    {"iso8859_1", ENC_LATIN1}, {"iso_8859_1", ENC_LATIN1}, {"iso8859", ENC_LATIN1},
    {"8859", ENC_LATIN1}, {"cp819", ENC_LATIN1}, {"ibm819", ENC_LATIN1},
    {"iso_8859_1_1987", ENC_LATIN1}, {"iso_ir_100", ENC_LATIN1}, {"csisolatin1", ENC_LATIN1},
    {"utf_16", ENC_UTF16}, {"utf16", ENC_UTF16}, {"u16", ENC_UTF16},
    {"utf_16_le", ENC_UTF16LE}, {"utf_16le", ENC_UTF16LE}, {"unicodelittleunmarked", ENC_UTF16LE},
    {"utf_16_be", ENC_UTF16BE}, {"utf_16be", ENC_UTF16BE}, {"unicodebigunmarked", ENC_UTF16BE},
    {"utf_32", ENC_UTF32}, {"utf32", ENC_UTF32}, {"u32", ENC_UTF32},
    {"utf_32_le", ENC_UTF32LE}, {"utf_32le", ENC_UTF32LE},
    {"utf_32_be", ENC_UTF32BE}, {"utf_32be", ENC_UTF32BE},
};

/* CPython's encodings.normalize_encoding + aliases: lower-case, and every
   run of characters other than letters, digits and '.' becomes '_'. */
const char *
_Py_NormalizeEncoding(const char *encoding)
{
    char buf[40];
    size_t o = 0;
    int punct = 0;
    const char *p;

    /* Fast exact matches first. */
    if (strcmp(encoding, "utf-8") == 0 || strcmp(encoding, "utf8") == 0)
        return ENC_UTF8;
    for (p = encoding; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.') {
            if (punct && o > 0) {
                if (o + 1 >= sizeof(buf))
                    return NULL;
                buf[o++] = '_';
            }
            punct = 0;
            if (o + 1 >= sizeof(buf))
                return NULL;
            buf[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
        }
        else if (c >= 0x80)
            return NULL;
        else
            punct = 1;
    }
    buf[o] = '\0';
    for (size_t i = 0; i < Py_ARRAY_LENGTH(enc_aliases); i++) {
        if (strcmp(buf, enc_aliases[i].alias) == 0)
            return enc_aliases[i].name;
    }
    return NULL;
}

rp_errors
_Py_GetErrorHandler(const char *errors)
{
    if (errors == NULL || strcmp(errors, "strict") == 0) return RP_ERR_STRICT;
    if (strcmp(errors, "surrogateescape") == 0) return RP_ERR_SURROGATEESCAPE;
    if (strcmp(errors, "replace") == 0) return RP_ERR_REPLACE;
    if (strcmp(errors, "ignore") == 0) return RP_ERR_IGNORE;
    if (strcmp(errors, "backslashreplace") == 0) return RP_ERR_BACKSLASHREPLACE;
    if (strcmp(errors, "surrogatepass") == 0) return RP_ERR_SURROGATEPASS;
    if (strcmp(errors, "xmlcharrefreplace") == 0) return RP_ERR_XMLCHARREFREPLACE;
    return RP_ERR_UNKNOWN;
}

static void
unknown_handler(const char *errors)
{
    PyErr_Format(PyExc_LookupError, "unknown error handler name '%.200s'", errors);
}

/* ------------------------------------------------------------------ */
/* Exceptions                                                          */
/* ------------------------------------------------------------------ */

static void
raise_codec_error(PyObject *exctype, const char *encoding, PyObject *object,
                  Py_ssize_t start, Py_ssize_t end, const char *reason)
{
    PyObject *enc = NULL, *s = NULL, *e = NULL, *r = NULL, *exc = NULL;
    enc = PyUnicode_FromString(encoding);
    s = PyLong_FromSsize_t(start);
    e = PyLong_FromSsize_t(end);
    r = PyUnicode_FromString(reason);
    if (enc && s && e && r)
        exc = PyObject_CallFunctionObjArgs(exctype, enc, object, s, e, r, NULL);
    if (exc != NULL) {
        PyErr_SetObject(exctype, exc);
        Py_DECREF(exc);
    }
    Py_XDECREF(enc);
    Py_XDECREF(s);
    Py_XDECREF(e);
    Py_XDECREF(r);
}

static void
raise_decode_error(const char *encoding, const char *data, Py_ssize_t size,
                   Py_ssize_t start, Py_ssize_t end, const char *reason)
{
    PyObject *obj = PyBytes_FromStringAndSize(data, size);
    if (obj == NULL)
        return;
    raise_codec_error(PyExc_UnicodeDecodeError, encoding, obj, start, end, reason);
    Py_DECREF(obj);
}

/* ------------------------------------------------------------------ */
/* Growable output buffers                                             */
/* ------------------------------------------------------------------ */

typedef struct {
    Py_UCS4 *buf;
    Py_ssize_t len, cap;
    Py_UCS4 stack[256];
} ucs4buf;

static void ucs4buf_init(ucs4buf *b) { b->buf = b->stack; b->len = 0; b->cap = 256; }
static void ucs4buf_free(ucs4buf *b) { if (b->buf != b->stack) PyMem_Free(b->buf); }

static int
ucs4buf_grow(ucs4buf *b, Py_ssize_t extra)
{
    Py_ssize_t need = b->len + extra, cap = b->cap;
    Py_UCS4 *nb;
    if (need <= cap)
        return 0;
    while (cap < need)
        cap = cap * 2;
    if (b->buf == b->stack) {
        nb = PyMem_Malloc((size_t)cap * sizeof(Py_UCS4));
        if (nb != NULL)
            memcpy(nb, b->stack, (size_t)b->len * sizeof(Py_UCS4));
    }
    else
        nb = PyMem_Realloc(b->buf, (size_t)cap * sizeof(Py_UCS4));
    if (nb == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->buf = nb;
    b->cap = cap;
    return 0;
}

static inline int
ucs4buf_put(ucs4buf *b, Py_UCS4 c)
{
    if (b->len >= b->cap && ucs4buf_grow(b, 1) < 0)
        return -1;
    b->buf[b->len++] = c;
    return 0;
}

static PyObject *
ucs4buf_finish(ucs4buf *b)
{
    PyObject *res = _PyUnicode_FromUCS4(b->buf, b->len);
    ucs4buf_free(b);
    return res;
}

typedef struct {
    char *buf;
    Py_ssize_t len, cap;
    char stack[512];
} bytebuf;

static void bytebuf_init(bytebuf *b) { b->buf = b->stack; b->len = 0; b->cap = 512; }
static void bytebuf_free(bytebuf *b) { if (b->buf != b->stack) PyMem_Free(b->buf); }

static int
bytebuf_grow(bytebuf *b, Py_ssize_t extra)
{
    Py_ssize_t need = b->len + extra, cap = b->cap;
    char *nb;
    if (need <= cap)
        return 0;
    if (extra > PY_SSIZE_T_MAX / 2 - b->len) {
        PyErr_NoMemory();
        return -1;
    }
    while (cap < need)
        cap = cap * 2;
    if (b->buf == b->stack) {
        nb = PyMem_Malloc((size_t)cap);
        if (nb != NULL)
            memcpy(nb, b->stack, (size_t)b->len);
    }
    else
        nb = PyMem_Realloc(b->buf, (size_t)cap);
    if (nb == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->buf = nb;
    b->cap = cap;
    return 0;
}

static inline int
bytebuf_put(bytebuf *b, const char *s, Py_ssize_t n)
{
    if (b->len + n > b->cap && bytebuf_grow(b, n) < 0)
        return -1;
    memcpy(b->buf + b->len, s, (size_t)n);
    b->len += n;
    return 0;
}

static PyObject *
bytebuf_finish(bytebuf *b)
{
    PyObject *res = PyBytes_FromStringAndSize(b->buf, b->len);
    bytebuf_free(b);
    return res;
}

/* ------------------------------------------------------------------ */
/* Decoding                                                            */
/* ------------------------------------------------------------------ */

static const char hexd[] = "0123456789abcdef";

/* Apply a decode error handler to bytes [start, end): append the
   replacement to out and return the position to resume at, or -1 with an
   exception set (strict, unknown handler, unhandleable bytes). */
static Py_ssize_t
decode_error(rp_errors h, const char *errors, const char *encoding,
             const char *data, Py_ssize_t size, Py_ssize_t start, Py_ssize_t end,
             const char *reason, ucs4buf *out)
{
    Py_ssize_t i;
    switch (h) {
    case RP_ERR_IGNORE:
        return end;
    case RP_ERR_REPLACE:
        return ucs4buf_put(out, 0xfffd) < 0 ? -1 : end;
    case RP_ERR_BACKSLASHREPLACE:
        if (ucs4buf_grow(out, 4 * (end - start)) < 0)
            return -1;
        for (i = start; i < end; i++) {
            unsigned char c = (unsigned char)data[i];
            out->buf[out->len++] = '\\';
            out->buf[out->len++] = 'x';
            out->buf[out->len++] = (Py_UCS4)hexd[c >> 4];
            out->buf[out->len++] = (Py_UCS4)hexd[c & 15];
        }
        return end;
    case RP_ERR_SURROGATEESCAPE:
        /* CPython's handler: escape up to 4 leading bytes >= 0x80 and
           resume after them; nothing escapable -> the original error. */
        for (i = start; i < end && i - start < 4; i++) {
            unsigned char c = (unsigned char)data[i];
            if (c < 128)
                break;
            if (ucs4buf_put(out, 0xdc00 + c) < 0)
                return -1;
        }
        if (i > start)
            return i;
        break;
    case RP_ERR_UNKNOWN:
        unknown_handler(errors);
        return -1;
    default:
        break;
    }
    raise_decode_error(encoding, data, size, start, end, reason);
    return -1;
}

/* ---- UTF-8 ---- */

#define IS_CONT(c) (((c) & 0xc0) == 0x80)

/* Decode one UTF-8 sequence starting at s[i] (s[i] >= 0x80).  On success
   return its length and store the code point; on error return 0 and set
   *errlen (bytes covered by the error) and *reason. */
static inline int
utf8_decode_one(const unsigned char *s, Py_ssize_t i, Py_ssize_t size, Py_UCS4 *out,
                Py_ssize_t *errlen, const char **reason)
{
    unsigned char c = s[i], c2, c3, c4;
    Py_ssize_t avail = size - i;
    if (c < 0xc2 || c > 0xf4) {
        *reason = "invalid start byte";
        *errlen = 1;
        return 0;
    }
    if (c < 0xe0) {
        if (avail < 2) goto end_of_data;
        c2 = s[i + 1];
        if (!IS_CONT(c2)) goto invalid1;
        *out = ((Py_UCS4)(c & 0x1f) << 6) | (c2 & 0x3f);
        return 2;
    }
    if (c < 0xf0) {
        if (avail < 2) goto end_of_data;
        c2 = s[i + 1];
        if (!IS_CONT(c2) || (c == 0xe0 && c2 < 0xa0) || (c == 0xed && c2 >= 0xa0))
            goto invalid1;
        if (avail < 3) goto end_of_data;
        c3 = s[i + 2];
        if (!IS_CONT(c3)) goto invalid2;
        *out = ((Py_UCS4)(c & 0x0f) << 12) | ((Py_UCS4)(c2 & 0x3f) << 6) | (c3 & 0x3f);
        return 3;
    }
    if (avail < 2) goto end_of_data;
    c2 = s[i + 1];
    if (!IS_CONT(c2) || (c == 0xf0 && c2 < 0x90) || (c == 0xf4 && c2 >= 0x90))
        goto invalid1;
    if (avail < 3) goto end_of_data;
    c3 = s[i + 2];
    if (!IS_CONT(c3)) goto invalid2;
    if (avail < 4) goto end_of_data;
    c4 = s[i + 3];
    if (!IS_CONT(c4)) goto invalid3;
    *out = ((Py_UCS4)(c & 0x07) << 18) | ((Py_UCS4)(c2 & 0x3f) << 12) |
           ((Py_UCS4)(c3 & 0x3f) << 6) | (c4 & 0x3f);
    return 4;
end_of_data:
    *reason = "unexpected end of data";
    *errlen = avail;
    return 0;
invalid1:
    *reason = "invalid continuation byte";
    *errlen = 1;
    return 0;
invalid2:
    *reason = "invalid continuation byte";
    *errlen = 2;
    return 0;
invalid3:
    *reason = "invalid continuation byte";
    *errlen = 3;
    return 0;
}

static PyObject *
utf8_decode_slow(const char *data, Py_ssize_t size, const char *errors,
                 Py_ssize_t *consumed, Py_ssize_t start_at)
{
    const unsigned char *s = (const unsigned char *)data;
    rp_errors h = _Py_GetErrorHandler(errors);
    ucs4buf out;
    Py_ssize_t i;

    ucs4buf_init(&out);
    if (ucs4buf_grow(&out, size) < 0)
        goto error;
    for (i = 0; i < start_at; i++)
        out.buf[out.len++] = s[i];
    while (i < size) {
        unsigned char c = s[i];
        Py_UCS4 ch;
        Py_ssize_t errlen;
        const char *reason;
        int n;
        if (c < 0x80) {
            if (out.len >= out.cap && ucs4buf_grow(&out, 1) < 0)
                goto error;
            out.buf[out.len++] = c;
            i++;
            continue;
        }
        n = utf8_decode_one(s, i, size, &ch, &errlen, &reason);
        if (n > 0) {
            if (ucs4buf_put(&out, ch) < 0)
                goto error;
            i += n;
            continue;
        }
        if (consumed != NULL && reason[0] == 'u') {
            /* incomplete sequence at the end: stop before it */
            break;
        }
        if (h == RP_ERR_SURROGATEPASS && c == 0xed && size - i >= 3 &&
            (s[i + 1] & 0xe0) == 0xa0 && IS_CONT(s[i + 2])) {
            ch = ((Py_UCS4)(c & 0x0f) << 12) | ((Py_UCS4)(s[i + 1] & 0x3f) << 6) | (s[i + 2] & 0x3f);
            if (ucs4buf_put(&out, ch) < 0)
                goto error;
            i += 3;
            continue;
        }
        i = decode_error(h, errors, "utf-8", data, size, i, i + errlen, reason, &out);
        if (i < 0)
            goto error;
    }
    if (consumed != NULL)
        *consumed = i;
    return ucs4buf_finish(&out);
error:
    ucs4buf_free(&out);
    return NULL;
}

/* The fast decoder works in one pass over the input: it decodes into a
   scratch buffer of the narrowest width seen so far (1 byte per character
   to start with), widens the buffer when a wider character appears (at
   most twice), and finally copies the characters into a str of exactly the
   right size and kind.  At the first invalid sequence it gives up and the
   slow decoder, which knows about error handlers, starts over. */
#define UTF8_LOOP(T, LIMIT) \
    do { \
        T *d = (T *)buf; \
        while (i < size) { \
            unsigned char c = s[i]; \
            if (c < 0x80) { \
                d[o++] = c; \
                i++; \
                while (i + 8 <= size) { \
                    uint64_t w; \
                    memcpy(&w, s + i, 8); \
                    if (w & 0x8080808080808080ULL) break; \
                    for (int q = 0; q < 8; q++) d[o + q] = s[i + q]; \
                    o += 8; \
                    i += 8; \
                } \
                continue; \
            } \
            Py_UCS4 ch; \
            Py_ssize_t errlen; \
            const char *reason; \
            int k = utf8_decode_one(s, i, size, &ch, &errlen, &reason); \
            if (k == 0) \
                goto invalid; \
            if (ch > (LIMIT)) { \
                pending = ch; \
                pending_len = k; \
                goto widen; \
            } \
            d[o++] = (T)ch; \
            i += k; \
        } \
    } while (0)

PyObject *
PyUnicode_DecodeUTF8Stateful(const char *data, Py_ssize_t size, const char *errors,
                             Py_ssize_t *consumed)
{
    const unsigned char *s = (const unsigned char *)data;
    Py_ssize_t i = 0, o, ascii_prefix, pending_len = 0;
    Py_UCS4 pending = 0;
    int kind = 1;
    char *buf;
    PyObject *res;

    /* ASCII prefix, a word at a time */
    while (i + 8 <= size) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ULL)
            break;
        i += 8;
    }
    while (i < size && s[i] < 0x80)
        i++;
    if (i == size) {
        if (consumed)
            *consumed = size;
        return _PyUnicode_FromASCII(data, size);
    }
    ascii_prefix = i;
    buf = PyMem_Malloc((size_t)size);
    if (buf == NULL)
        return PyErr_NoMemory();
    memcpy(buf, s, (size_t)ascii_prefix);
    o = ascii_prefix;
    for (;;) {
        if (kind == 1)
            UTF8_LOOP(Py_UCS1, 0xffu);
        else if (kind == 2)
            UTF8_LOOP(Py_UCS2, 0xffffu);
        else
            UTF8_LOOP(Py_UCS4, 0x10ffffu);
        break;
    widen: {
            int nk = pending > 0xffff ? 4 : 2;
            char *nb = PyMem_Malloc((size_t)size * (size_t)nk);
            if (nb == NULL) {
                PyMem_Free(buf);
                return PyErr_NoMemory();
            }
            for (Py_ssize_t q = 0; q < o; q++) {
                Py_UCS4 v = kind == 1 ? ((Py_UCS1 *)buf)[q] : ((Py_UCS2 *)buf)[q];
                if (nk == 2) ((Py_UCS2 *)nb)[q] = (Py_UCS2)v;
                else ((Py_UCS4 *)nb)[q] = v;
            }
            if (nk == 2) ((Py_UCS2 *)nb)[o] = (Py_UCS2)pending;
            else ((Py_UCS4 *)nb)[o] = pending;
            o++;
            i += pending_len;
            PyMem_Free(buf);
            buf = nb;
            kind = nk;
        }
    }
    if (consumed)
        *consumed = size;
    if (o == 1 && kind == 1) {
        /* one Latin-1 character: the shared singleton */
        Py_UCS1 ch = ((Py_UCS1 *)buf)[0];
        PyMem_Free(buf);
        return _PyUnicode_Latin1Char(ch);
    }
    res = PyUnicode_New(o, kind == 1 ? 0xff : kind == 2 ? 0xffff : 0x10ffff);
    if (res != NULL)
        memcpy(PyUnicode_DATA(res), buf, (size_t)o * (size_t)kind);
    PyMem_Free(buf);
    return res;
invalid:
    PyMem_Free(buf);
    return utf8_decode_slow(data, size, errors, consumed, ascii_prefix);
}

PyObject *
PyUnicode_DecodeUTF8(const char *s, Py_ssize_t size, const char *errors)
{
    return PyUnicode_DecodeUTF8Stateful(s, size, errors, NULL);
}

/* ---- ASCII / Latin-1 ---- */

PyObject *
PyUnicode_DecodeASCII(const char *data, Py_ssize_t size, const char *errors)
{
    const unsigned char *s = (const unsigned char *)data;
    Py_ssize_t i;
    rp_errors h;
    ucs4buf out;

    for (i = 0; i < size; i++)
        if (s[i] >= 0x80)
            break;
    if (i == size)
        return _PyUnicode_FromASCII(data, size);
    h = _Py_GetErrorHandler(errors);
    ucs4buf_init(&out);
    if (ucs4buf_grow(&out, size) < 0)
        goto error;
    for (Py_ssize_t j = 0; j < i; j++)
        out.buf[out.len++] = s[j];
    while (i < size) {
        if (s[i] < 0x80) {
            if (ucs4buf_put(&out, s[i]) < 0)
                goto error;
            i++;
            continue;
        }
        i = decode_error(h, errors, "ascii", data, size, i, i + 1,
                         "ordinal not in range(128)", &out);
        if (i < 0)
            goto error;
    }
    return ucs4buf_finish(&out);
error:
    ucs4buf_free(&out);
    return NULL;
}

PyObject *
PyUnicode_DecodeLatin1(const char *s, Py_ssize_t size, const char *errors)
{
    return _PyUnicode_FromUCS1((const Py_UCS1 *)s, size);
}

/* ---- UTF-16 / UTF-32 ---- */

static PyObject *
decode_utf16(const char *data, Py_ssize_t size, const char *errors, int byteorder,
             const char *encname)
{
    const unsigned char *s = (const unsigned char *)data;
    rp_errors h = _Py_GetErrorHandler(errors);
    ucs4buf out;
    Py_ssize_t i = 0;
    int le;

    if (byteorder == 0) {
        le = 1;
        if (size >= 2) {
            if (s[0] == 0xff && s[1] == 0xfe) { le = 1; i = 2; }
            else if (s[0] == 0xfe && s[1] == 0xff) { le = 0; i = 2; }
        }
    }
    else
        le = byteorder < 0;
    if (byteorder == 0)
        encname = le ? "utf-16-le" : "utf-16-be";   /* CPython names the detected order */
    ucs4buf_init(&out);
    if (ucs4buf_grow(&out, size / 2 + 1) < 0)
        goto error;
    while (i < size) {
        Py_UCS4 u, u2;
        if (size - i < 2) {
            i = decode_error(h, errors, encname, data, size, i, size, "truncated data", &out);
            if (i < 0) goto error;
            continue;
        }
        u = le ? (Py_UCS4)(s[i] | (s[i + 1] << 8)) : (Py_UCS4)((s[i] << 8) | s[i + 1]);
        if (!Py_UNICODE_IS_SURROGATE(u)) {
            if (ucs4buf_put(&out, u) < 0) goto error;
            i += 2;
            continue;
        }
        if (Py_UNICODE_IS_LOW_SURROGATE(u)) {
            if (h == RP_ERR_SURROGATEPASS) {
                if (ucs4buf_put(&out, u) < 0) goto error;
                i += 2;
                continue;
            }
            i = decode_error(h, errors, encname, data, size, i, i + 2, "illegal encoding", &out);
            if (i < 0) goto error;
            continue;
        }
        if (size - i < 4) {
            i = decode_error(h, errors, encname, data, size, i, size, "unexpected end of data", &out);
            if (i < 0) goto error;
            continue;
        }
        u2 = le ? (Py_UCS4)(s[i + 2] | (s[i + 3] << 8)) : (Py_UCS4)((s[i + 2] << 8) | s[i + 3]);
        if (!Py_UNICODE_IS_LOW_SURROGATE(u2)) {
            if (h == RP_ERR_SURROGATEPASS) {
                if (ucs4buf_put(&out, u) < 0) goto error;
                i += 2;
                continue;
            }
            i = decode_error(h, errors, encname, data, size, i, i + 2, "illegal UTF-16 surrogate", &out);
            if (i < 0) goto error;
            continue;
        }
        if (ucs4buf_put(&out, Py_UNICODE_JOIN_SURROGATES(u, u2)) < 0) goto error;
        i += 4;
    }
    return ucs4buf_finish(&out);
error:
    ucs4buf_free(&out);
    return NULL;
}

static PyObject *
decode_utf32(const char *data, Py_ssize_t size, const char *errors, int byteorder,
             const char *encname)
{
    const unsigned char *s = (const unsigned char *)data;
    rp_errors h = _Py_GetErrorHandler(errors);
    ucs4buf out;
    Py_ssize_t i = 0;
    int le;

    if (byteorder == 0) {
        le = 1;
        if (size >= 4) {
            if (s[0] == 0xff && s[1] == 0xfe && s[2] == 0 && s[3] == 0) { le = 1; i = 4; }
            else if (s[0] == 0 && s[1] == 0 && s[2] == 0xfe && s[3] == 0xff) { le = 0; i = 4; }
        }
    }
    else
        le = byteorder < 0;
    if (byteorder == 0)
        encname = le ? "utf-32-le" : "utf-32-be";
    ucs4buf_init(&out);
    if (ucs4buf_grow(&out, size / 4 + 1) < 0)
        goto error;
    while (i < size) {
        Py_UCS4 u;
        if (size - i < 4) {
            i = decode_error(h, errors, encname, data, size, i, size, "truncated data", &out);
            if (i < 0) goto error;
            continue;
        }
        u = le ? ((Py_UCS4)s[i] | ((Py_UCS4)s[i + 1] << 8) | ((Py_UCS4)s[i + 2] << 16) | ((Py_UCS4)s[i + 3] << 24))
               : (((Py_UCS4)s[i] << 24) | ((Py_UCS4)s[i + 1] << 16) | ((Py_UCS4)s[i + 2] << 8) | (Py_UCS4)s[i + 3]);
        if (u > 0x10ffff) {
            i = decode_error(h, errors, encname, data, size, i, i + 4,
                             "code point not in range(0x110000)", &out);
            if (i < 0) goto error;
            continue;
        }
        if (Py_UNICODE_IS_SURROGATE(u) && h != RP_ERR_SURROGATEPASS) {
            i = decode_error(h, errors, encname, data, size, i, i + 4,
                             "code point in surrogate code point range(0xd800, 0xe000)", &out);
            if (i < 0) goto error;
            continue;
        }
        if (ucs4buf_put(&out, u) < 0) goto error;
        i += 4;
    }
    return ucs4buf_finish(&out);
error:
    ucs4buf_free(&out);
    return NULL;
}

PyObject *
PyUnicode_Decode(const char *s, Py_ssize_t size, const char *encoding, const char *errors)
{
    const char *canon;
    if (encoding == NULL)
        return PyUnicode_DecodeUTF8Stateful(s, size, errors, NULL);
    canon = _Py_NormalizeEncoding(encoding);
    if (canon == NULL) {
        PyErr_Format(PyExc_LookupError, "unknown encoding: %s", encoding);
        return NULL;
    }
    if (canon == ENC_UTF8) return PyUnicode_DecodeUTF8Stateful(s, size, errors, NULL);
    if (canon == ENC_ASCII) return PyUnicode_DecodeASCII(s, size, errors);
    if (canon == ENC_LATIN1) return PyUnicode_DecodeLatin1(s, size, errors);
    if (canon == ENC_UTF16) return decode_utf16(s, size, errors, 0, "utf-16");
    if (canon == ENC_UTF16LE) return decode_utf16(s, size, errors, -1, "utf-16-le");
    if (canon == ENC_UTF16BE) return decode_utf16(s, size, errors, 1, "utf-16-be");
    if (canon == ENC_UTF32) return decode_utf32(s, size, errors, 0, "utf-32");
    if (canon == ENC_UTF32LE) return decode_utf32(s, size, errors, -1, "utf-32-le");
    return decode_utf32(s, size, errors, 1, "utf-32-be");
}

PyObject *
PyUnicode_FromEncodedObject(PyObject *obj, const char *encoding, const char *errors)
{
    rp_bytesview v;
    PyObject *res;
    if (obj == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (PyBytes_Check(obj)) {
        if (PyBytes_GET_SIZE(obj) == 0) {
            if (encoding != NULL && _Py_NormalizeEncoding(encoding) == NULL) {
                PyErr_Format(PyExc_LookupError, "unknown encoding: %s", encoding);
                return NULL;
            }
            return _PyUnicode_GetEmpty();
        }
        return PyUnicode_Decode(PyBytes_AS_STRING(obj), PyBytes_GET_SIZE(obj), encoding, errors);
    }
    if (PyUnicode_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "decoding str is not supported");
        return NULL;
    }
    if (_Py_BytesViewTry(obj, &v) < 0) {
        PyErr_Format(PyExc_TypeError, "decoding to str: need a bytes-like object, %.80s found",
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    res = PyUnicode_Decode(v.buf, v.len, encoding, errors);
    _Py_BytesViewRelease(&v);
    return res;
}

/* ------------------------------------------------------------------ */
/* Encoding                                                            */
/* ------------------------------------------------------------------ */

enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1, CODEC_UTF16, CODEC_UTF32 };

/* Write code point c in the given codec (must be encodable). */
static inline int
put_encoded(bytebuf *b, int codec, int le, Py_UCS4 c)
{
    char tmp[4];
    int n;
    switch (codec) {
    case CODEC_UTF8:
        if (c < 0x80) { tmp[0] = (char)c; n = 1; }
        else if (c < 0x800) { tmp[0] = (char)(0xc0 | (c >> 6)); tmp[1] = (char)(0x80 | (c & 0x3f)); n = 2; }
        else if (c < 0x10000) {
            tmp[0] = (char)(0xe0 | (c >> 12)); tmp[1] = (char)(0x80 | ((c >> 6) & 0x3f));
            tmp[2] = (char)(0x80 | (c & 0x3f)); n = 3;
        }
        else {
            tmp[0] = (char)(0xf0 | (c >> 18)); tmp[1] = (char)(0x80 | ((c >> 12) & 0x3f));
            tmp[2] = (char)(0x80 | ((c >> 6) & 0x3f)); tmp[3] = (char)(0x80 | (c & 0x3f)); n = 4;
        }
        return bytebuf_put(b, tmp, n);
    case CODEC_ASCII:
    case CODEC_LATIN1:
        tmp[0] = (char)c;
        return bytebuf_put(b, tmp, 1);
    case CODEC_UTF16:
        if (c >= 0x10000) {
            if (put_encoded(b, codec, le, Py_UNICODE_HIGH_SURROGATE(c)) < 0)
                return -1;
            c = Py_UNICODE_LOW_SURROGATE(c);
        }
        if (le) { tmp[0] = (char)(c & 0xff); tmp[1] = (char)(c >> 8); }
        else { tmp[0] = (char)(c >> 8); tmp[1] = (char)(c & 0xff); }
        return bytebuf_put(b, tmp, 2);
    default:
        if (le) { tmp[0] = (char)c; tmp[1] = (char)(c >> 8); tmp[2] = (char)(c >> 16); tmp[3] = (char)(c >> 24); }
        else { tmp[0] = (char)(c >> 24); tmp[1] = (char)(c >> 16); tmp[2] = (char)(c >> 8); tmp[3] = (char)c; }
        return bytebuf_put(b, tmp, 4);
    }
}

static inline int
encodable(int codec, Py_UCS4 c)
{
    switch (codec) {
    case CODEC_ASCII: return c < 0x80;
    case CODEC_LATIN1: return c < 0x100;
    default: return !Py_UNICODE_IS_SURROGATE(c);
    }
}

static PyObject *
encode_generic(PyObject *str, int codec, int le, int bom, const char *encname,
               const char *errors)
{
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    Py_ssize_t n = PyUnicode_GET_LENGTH(str), i = 0, j;
    rp_errors h = RP_ERR_STRICT;
    int handler_known = 0;
    const char *reason = codec == CODEC_ASCII ? "ordinal not in range(128)"
                       : codec == CODEC_LATIN1 ? "ordinal not in range(256)"
                       : "surrogates not allowed";
    bytebuf out;
    char tmp[16];

    bytebuf_init(&out);
    if (bom && put_encoded(&out, codec, le, 0xfeff) < 0)
        goto error;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (encodable(codec, c)) {
            if (put_encoded(&out, codec, le, c) < 0)
                goto error;
            i++;
            continue;
        }
        /* the run of unencodable characters [i, j); the UTF-16/32
           encoders report surrogates one at a time, as CPython's do */
        j = i + 1;
        if (codec != CODEC_UTF16 && codec != CODEC_UTF32)
            while (j < n && !encodable(codec, PyUnicode_READ(kind, data, j)))
                j++;
        if (!handler_known) {
            h = _Py_GetErrorHandler(errors);
            handler_known = 1;
        }
        switch (h) {
        case RP_ERR_IGNORE:
            break;
        case RP_ERR_REPLACE:
            for (Py_ssize_t k = i; k < j; k++)
                if (put_encoded(&out, codec, le, '?') < 0)
                    goto error;
            break;
        case RP_ERR_BACKSLASHREPLACE:
        case RP_ERR_XMLCHARREFREPLACE:
            for (Py_ssize_t k = i; k < j; k++) {
                Py_UCS4 u = PyUnicode_READ(kind, data, k);
                int m;
                if (h == RP_ERR_XMLCHARREFREPLACE)
                    m = snprintf(tmp, sizeof(tmp), "&#%u;", (unsigned)u);
                else if (u < 0x100)
                    m = snprintf(tmp, sizeof(tmp), "\\x%02x", (unsigned)u);
                else if (u < 0x10000)
                    m = snprintf(tmp, sizeof(tmp), "\\u%04x", (unsigned)u);
                else
                    m = snprintf(tmp, sizeof(tmp), "\\U%08x", (unsigned)u);
                for (int q = 0; q < m; q++)
                    if (put_encoded(&out, codec, le, (Py_UCS1)tmp[q]) < 0)
                        goto error;
            }
            break;
        case RP_ERR_SURROGATEESCAPE: {
            /* emit the escaped bytes up to the first character that is
               not U+DC80..U+DCFF, which is then reported on its own range */
            Py_ssize_t k;
            for (k = i; k < j; k++) {
                Py_UCS4 u = PyUnicode_READ(kind, data, k);
                if (u < 0xdc80 || u > 0xdcff || codec == CODEC_UTF16 || codec == CODEC_UTF32)
                    break;
                char byte = (char)(u - 0xdc00);
                if (bytebuf_put(&out, &byte, 1) < 0)
                    goto error;
            }
            if (k < j) {
                raise_codec_error(PyExc_UnicodeEncodeError, encname, str, k, j, reason);
                goto error;
            }
            break;
        }
        case RP_ERR_SURROGATEPASS:
            if (codec == CODEC_ASCII || codec == CODEC_LATIN1) {
                raise_codec_error(PyExc_UnicodeEncodeError, encname, str, i, j, reason);
                goto error;
            }
            for (Py_ssize_t k = i; k < j; k++) {
                Py_UCS4 u = PyUnicode_READ(kind, data, k);
                if (codec == CODEC_UTF8) {
                    tmp[0] = (char)(0xe0 | (u >> 12));
                    tmp[1] = (char)(0x80 | ((u >> 6) & 0x3f));
                    tmp[2] = (char)(0x80 | (u & 0x3f));
                    if (bytebuf_put(&out, tmp, 3) < 0)
                        goto error;
                }
                else {
                    /* UTF-16/32: emit the surrogate as a code unit */
                    if (codec == CODEC_UTF16) {
                        if (le) { tmp[0] = (char)(u & 0xff); tmp[1] = (char)(u >> 8); }
                        else { tmp[0] = (char)(u >> 8); tmp[1] = (char)(u & 0xff); }
                        if (bytebuf_put(&out, tmp, 2) < 0)
                            goto error;
                    }
                    else if (put_encoded(&out, codec, le, u) < 0)
                        goto error;
                }
            }
            break;
        case RP_ERR_UNKNOWN:
            unknown_handler(errors);
            goto error;
        default:
            raise_codec_error(PyExc_UnicodeEncodeError, encname, str, i, j, reason);
            goto error;
        }
        i = j;
    }
    return bytebuf_finish(&out);
error:
    bytebuf_free(&out);
    return NULL;
}

/* UTF-8 of any str: fast paths for ASCII and Latin-1 data. */
PyObject *
_PyUnicode_AsUTF8String(PyObject *str, const char *errors)
{
    Py_ssize_t n, i, o;
    PyObject *res;
    if (!PyUnicode_Check(str)) {
        PyErr_BadArgument();
        return NULL;
    }
    n = PyUnicode_GET_LENGTH(str);
    if (PyUnicode_IS_ASCII(str))
        return PyBytes_FromStringAndSize((const char *)PyUnicode_1BYTE_DATA(str), n);
    if (_PyUnicode_UTF8(str) != NULL)
        return PyBytes_FromStringAndSize(_PyUnicode_UTF8(str), _PyUnicode_UTF8_LENGTH(str));
    if (PyUnicode_KIND(str) == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *s = PyUnicode_1BYTE_DATA(str);
        Py_ssize_t size = n;
        for (i = 0; i < n; i++)
            size += s[i] >> 7;
        res = PyBytes_FromStringAndSize(NULL, size);
        if (res == NULL)
            return NULL;
        char *d = PyBytes_AS_STRING(res);
        for (i = 0, o = 0; i < n; i++) {
            Py_UCS1 c = s[i];
            if (c < 0x80)
                d[o++] = (char)c;
            else {
                d[o++] = (char)(0xc0 | (c >> 6));
                d[o++] = (char)(0x80 | (c & 0x3f));
            }
        }
        return res;
    }
    {
        /* UCS-2 / UCS-4: write into a worst-case buffer, then shrink;
           fall back to the general encoder at the first surrogate. */
        int kind = PyUnicode_KIND(str);
        const void *data = PyUnicode_DATA(str);
        Py_ssize_t maxsize;
        if (n > PY_SSIZE_T_MAX / 4)
            return PyErr_NoMemory();
        maxsize = n * (kind == PyUnicode_2BYTE_KIND ? 3 : 4);
        res = PyBytes_FromStringAndSize(NULL, maxsize);
        if (res == NULL)
            return NULL;
        unsigned char *d = (unsigned char *)PyBytes_AS_STRING(res), *start = d;
        for (i = 0; i < n; i++) {
            Py_UCS4 c = kind == PyUnicode_2BYTE_KIND ? ((const Py_UCS2 *)data)[i]
                                                     : ((const Py_UCS4 *)data)[i];
            if (c < 0x80)
                *d++ = (unsigned char)c;
            else if (c < 0x800) {
                d[0] = (unsigned char)(0xc0 | (c >> 6));
                d[1] = (unsigned char)(0x80 | (c & 0x3f));
                d += 2;
            }
            else if (c < 0x10000) {
                if (Py_UNICODE_IS_SURROGATE(c)) {
                    Py_DECREF(res);
                    return encode_generic(str, CODEC_UTF8, 1, 0, "utf-8", errors);
                }
                d[0] = (unsigned char)(0xe0 | (c >> 12));
                d[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
                d[2] = (unsigned char)(0x80 | (c & 0x3f));
                d += 3;
            }
            else {
                d[0] = (unsigned char)(0xf0 | (c >> 18));
                d[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3f));
                d[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
                d[3] = (unsigned char)(0x80 | (c & 0x3f));
                d += 4;
            }
        }
        if (_PyBytes_Resize(&res, d - start) < 0)
            return NULL;
        return res;
    }
}

PyObject *
PyUnicode_AsUTF8String(PyObject *str)
{
    return _PyUnicode_AsUTF8String(str, NULL);
}

PyObject *
PyUnicode_AsASCIIString(PyObject *str)
{
    if (!PyUnicode_Check(str)) {
        PyErr_BadArgument();
        return NULL;
    }
    if (PyUnicode_IS_ASCII(str))
        return PyBytes_FromStringAndSize((const char *)PyUnicode_1BYTE_DATA(str),
                                         PyUnicode_GET_LENGTH(str));
    return encode_generic(str, CODEC_ASCII, 1, 0, "ascii", NULL);
}

PyObject *
PyUnicode_AsLatin1String(PyObject *str)
{
    if (!PyUnicode_Check(str)) {
        PyErr_BadArgument();
        return NULL;
    }
    if (PyUnicode_KIND(str) == PyUnicode_1BYTE_KIND)
        return PyBytes_FromStringAndSize((const char *)PyUnicode_1BYTE_DATA(str),
                                         PyUnicode_GET_LENGTH(str));
    return encode_generic(str, CODEC_LATIN1, 1, 0, "latin-1", NULL);
}

PyObject *
_PyUnicode_EncodeNamed(PyObject *str, const char *encoding, const char *errors)
{
    const char *canon = encoding == NULL ? ENC_UTF8 : _Py_NormalizeEncoding(encoding);
    if (canon == NULL) {
        PyErr_Format(PyExc_LookupError, "unknown encoding: %s", encoding);
        return NULL;
    }
    if (canon == ENC_UTF8)
        return _PyUnicode_AsUTF8String(str, errors);
    if (canon == ENC_ASCII) {
        if (PyUnicode_IS_ASCII(str))
            return PyBytes_FromStringAndSize((const char *)PyUnicode_1BYTE_DATA(str),
                                             PyUnicode_GET_LENGTH(str));
        return encode_generic(str, CODEC_ASCII, 1, 0, "ascii", errors);
    }
    if (canon == ENC_LATIN1) {
        if (PyUnicode_KIND(str) == PyUnicode_1BYTE_KIND)
            return PyBytes_FromStringAndSize((const char *)PyUnicode_1BYTE_DATA(str),
                                             PyUnicode_GET_LENGTH(str));
        return encode_generic(str, CODEC_LATIN1, 1, 0, "latin-1", errors);
    }
    if (canon == ENC_UTF16) return encode_generic(str, CODEC_UTF16, 1, 1, "utf-16", errors);
    if (canon == ENC_UTF16LE) return encode_generic(str, CODEC_UTF16, 1, 0, "utf-16-le", errors);
    if (canon == ENC_UTF16BE) return encode_generic(str, CODEC_UTF16, 0, 0, "utf-16-be", errors);
    if (canon == ENC_UTF32) return encode_generic(str, CODEC_UTF32, 1, 1, "utf-32", errors);
    if (canon == ENC_UTF32LE) return encode_generic(str, CODEC_UTF32, 1, 0, "utf-32-le", errors);
    return encode_generic(str, CODEC_UTF32, 0, 0, "utf-32-be", errors);
}

PyObject *
PyUnicode_AsEncodedString(PyObject *str, const char *encoding, const char *errors)
{
    if (!PyUnicode_Check(str)) {
        PyErr_BadArgument();
        return NULL;
    }
    return _PyUnicode_EncodeNamed(str, encoding, errors);
}

/* ------------------------------------------------------------------ */
/* The cached UTF-8 form                                               */
/* ------------------------------------------------------------------ */

const char *
PyUnicode_AsUTF8AndSize(PyObject *str, Py_ssize_t *psize)
{
    PyObject *bytes;
    char *copy;
    Py_ssize_t n;
    if (!PyUnicode_Check(str)) {
        PyErr_BadArgument();
        if (psize)
            *psize = -1;
        return NULL;
    }
    if (PyUnicode_IS_ASCII(str)) {
        if (psize)
            *psize = PyUnicode_GET_LENGTH(str);
        return (const char *)PyUnicode_1BYTE_DATA(str);
    }
    if (_PyUnicode_UTF8(str) == NULL) {
        bytes = _PyUnicode_AsUTF8String(str, NULL);
        if (bytes == NULL) {
            if (psize)
                *psize = -1;
            return NULL;
        }
        n = PyBytes_GET_SIZE(bytes);
        copy = PyObject_Malloc((size_t)n + 1);
        if (copy == NULL) {
            Py_DECREF(bytes);
            PyErr_NoMemory();
            if (psize)
                *psize = -1;
            return NULL;
        }
        memcpy(copy, PyBytes_AS_STRING(bytes), (size_t)n + 1);
        Py_DECREF(bytes);
        _PyUnicode_UTF8(str) = copy;
        _PyUnicode_UTF8_LENGTH(str) = n;
    }
    if (psize)
        *psize = _PyUnicode_UTF8_LENGTH(str);
    return _PyUnicode_UTF8(str);
}

const char *
PyUnicode_AsUTF8(PyObject *str)
{
    return PyUnicode_AsUTF8AndSize(str, NULL);
}

/* ------------------------------------------------------------------ */
/* int()/float() support                                               */
/* ------------------------------------------------------------------ */

PyObject *
_PyUnicode_TransformDecimalAndSpaceToASCII(PyObject *str)
{
    Py_ssize_t n, i;
    int kind;
    const void *data;
    PyObject *res;
    Py_UCS1 *out;

    if (!PyUnicode_Check(str)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (PyUnicode_IS_ASCII(str))
        return Py_NewRef(str);
    n = PyUnicode_GET_LENGTH(str);
    kind = PyUnicode_KIND(str);
    data = PyUnicode_DATA(str);
    res = PyUnicode_New(n, 127);
    if (res == NULL)
        return NULL;
    out = PyUnicode_1BYTE_DATA(res);
    for (i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 127)
            out[i] = (Py_UCS1)ch;
        else if (Py_UNICODE_ISSPACE(ch))
            out[i] = ' ';
        else {
            int d = Py_UNICODE_TODECIMAL(ch);
            if (d < 0) {
                /* not convertible: end the string with a marker that no
                   number parser accepts (CPython does the same) */
                out[i] = '?';
                if (_PyUnicode_ResizeOwned(&res, i + 1) < 0) {
                    Py_DECREF(res);
                    return NULL;
                }
                return res;
            }
            out[i] = (Py_UCS1)('0' + d);
        }
    }
    return res;
}
