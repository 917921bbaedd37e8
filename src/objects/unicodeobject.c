/* unicodeobject.c -- the str type: representation, singletons, interning,
 * hashing, comparison, concatenation, indexing, repr, the iterator and
 * _PyUnicodeWriter.
 *
 * Representation (PEP 393, CPython 3.12's "compact" form).  A str is one
 * allocation: the header, then the code points in the narrowest width that
 * holds the largest of them (kind 1 = Latin-1 bytes, 2 = UCS-2, 4 = UCS-4),
 * then a NUL of the same width.  Pure-ASCII strings use the 40-byte
 * PyASCIIObject header; every other str uses the 56-byte
 * PyCompactUnicodeObject header, whose extra fields cache the UTF-8 form
 * once somebody asks for it (PyUnicode_AsUTF8).  For ASCII the data *is*
 * UTF-8, so no cache is needed.  This makes sys.getsizeof agree with
 * CPython: '' is 41 bytes, 'ab' 43, 'éé' 59, '€' 60, '😀' 64.
 *
 * Every constructor produces the canonical (narrowest) kind, so two equal
 * strings always have the same kind and equality is a length check plus
 * one memcmp; hashing runs SipHash-1-3 over the raw kind-width buffer,
 * exactly like CPython, so hash values agree under PYTHONHASHSEED=0.
 *
 * Singletons.  '' and the 256 one-character Latin-1 strings are static,
 * immortal objects (they exist before anything else runs, so code that
 * interns names very early is safe).  The Latin-1 ones above 0x7f carry
 * their two-byte UTF-8 form inline, as CPython's do (getsizeof 61).
 *
 * Interning.  As in 3.12, an interned string is immortal.  The set of
 * interned strings is a private open-addressing table of str pointers
 * (no dict: _Py_ID may run before the dict type, the GC and the thread
 * state exist, and a set keyed and valued by the same pointer needs half
 * the memory).  At exit _PyUnicode_Fini frees every dynamically allocated
 * interned string and the table, so LeakSanitizer stays quiet.
 *
 * Subclass instances use the same compact layout (the characters follow
 * the header); their __dict__ and weakref list live in the managed
 * pre-header, so only __slots__ (which would need room after the header)
 * are refused.
 *
 * In-place concatenation.  PyUnicode_Append grows the left operand with
 * realloc when nobody else can see it (refcount 1, exact str, hash not yet
 * computed, not interned) and the right operand fits its kind; the eval
 * loop's `s += t` drops its own reference first so loops that build a
 * string this way run in amortised linear time.
 */
#include "pycore.h"
#include "unicode_internal.h"

/* ------------------------------------------------------------------ */
/* Static singletons                                                   */
/* ------------------------------------------------------------------ */

typedef struct { PyASCIIObject _base; Py_UCS1 data[2]; } rp_ascii_char;
typedef struct { PyCompactUnicodeObject _base; Py_UCS1 data[2]; char utf8[3]; } rp_latin1_char;
typedef struct { PyASCIIObject _base; Py_UCS1 data[1]; } rp_empty_str;

#define RP_STATE(is_ascii) { .interned = 0, .kind = 1, .compact = 1, \
                             .ascii = (is_ascii), .statically_allocated = 1 }

static rp_empty_str unicode_empty_obj = {
    ._base = { .ob_base = { { _Py_IMMORTAL_REFCNT }, &PyUnicode_Type },
               .length = 0, .hash = 0, .state = RP_STATE(1) },
    .data = { 0 },
};

#define RP_ASCII_CHAR(c) { ._base = { .ob_base = { { _Py_IMMORTAL_REFCNT }, &PyUnicode_Type }, \
        .length = 1, .hash = -1, .state = RP_STATE(1) }, .data = { (c), 0 } },
#define RP_LATIN1_CHAR(c) { ._base = { ._base = { .ob_base = { { _Py_IMMORTAL_REFCNT }, &PyUnicode_Type }, \
        .length = 1, .hash = -1, .state = RP_STATE(0) }, .utf8_length = 2, \
        .utf8 = (char *)latin1_chars[(c) - 128].utf8 }, .data = { (c), 0 }, \
        .utf8 = { (char)(0xc0 | ((c) >> 6)), (char)(0x80 | ((c) & 0x3f)), 0 } },
#define RP_R4(M, b) M(b) M(b + 1) M(b + 2) M(b + 3)
#define RP_R16(M, b) RP_R4(M, b) RP_R4(M, b + 4) RP_R4(M, b + 8) RP_R4(M, b + 12)
#define RP_R64(M, b) RP_R16(M, b) RP_R16(M, b + 16) RP_R16(M, b + 32) RP_R16(M, b + 48)
#define RP_R128(M, b) RP_R64(M, b) RP_R64(M, b + 64)

static rp_ascii_char ascii_chars[128] = { RP_R128(RP_ASCII_CHAR, 0) };
static rp_latin1_char latin1_chars[128] = { RP_R128(RP_LATIN1_CHAR, 128) };

#define unicode_empty ((PyObject *)&unicode_empty_obj)

PyObject *
_PyUnicode_GetEmpty(void)
{
    return unicode_empty;
}

PyObject *
_PyUnicode_Latin1Char(Py_UCS1 ch)
{
    if (ch < 128)
        return (PyObject *)&ascii_chars[ch];
    return (PyObject *)&latin1_chars[ch - 128];
}

static inline PyObject *
get_latin1_char(Py_UCS4 ch)
{
    return ch < 128 ? (PyObject *)&ascii_chars[ch] : (PyObject *)&latin1_chars[ch - 128];
}

static inline int
unicode_is_singleton(PyObject *op)
{
    return _PyUnicode_STATE(op).statically_allocated;
}

/* ------------------------------------------------------------------ */
/* Allocation                                                          */
/* ------------------------------------------------------------------ */

static inline Py_ssize_t
header_size(int ascii)
{
    return ascii ? (Py_ssize_t)sizeof(PyASCIIObject) : (Py_ssize_t)sizeof(PyCompactUnicodeObject);
}

PyObject *
PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar)
{
    PyObject *obj;
    PyASCIIObject *a;
    int kind, is_ascii;
    Py_ssize_t hdr;
    void *data;

    if (size == 0)
        return unicode_empty;
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyUnicode_New");
        return NULL;
    }
    is_ascii = 0;
    if (maxchar < 128) {
        kind = PyUnicode_1BYTE_KIND;
        is_ascii = 1;
    }
    else if (maxchar < 256)
        kind = PyUnicode_1BYTE_KIND;
    else if (maxchar < 65536)
        kind = PyUnicode_2BYTE_KIND;
    else {
        if (maxchar > 0x10ffff) {
            PyErr_SetString(PyExc_SystemError,
                            "invalid maximum character passed to PyUnicode_New");
            return NULL;
        }
        kind = PyUnicode_4BYTE_KIND;
    }
    hdr = header_size(is_ascii);
    if (size > (PY_SSIZE_T_MAX - hdr) / kind - 1)
        return PyErr_NoMemory();
    obj = (PyObject *)PyObject_Malloc((size_t)(hdr + (size + 1) * kind));
    if (obj == NULL)
        return PyErr_NoMemory();
    _PyObject_Init(obj, &PyUnicode_Type);
    a = (PyASCIIObject *)obj;
    a->length = size;
    a->hash = -1;
    a->state.interned = 0;
    a->state.kind = kind;
    a->state.compact = 1;
    a->state.ascii = is_ascii;
    a->state.statically_allocated = 0;
    if (!is_ascii) {
        ((PyCompactUnicodeObject *)obj)->utf8 = NULL;
        ((PyCompactUnicodeObject *)obj)->utf8_length = 0;
    }
    data = (char *)obj + hdr;
    if (kind == PyUnicode_1BYTE_KIND)
        ((Py_UCS1 *)data)[size] = 0;
    else if (kind == PyUnicode_2BYTE_KIND)
        ((Py_UCS2 *)data)[size] = 0;
    else
        ((Py_UCS4 *)data)[size] = 0;
    return obj;
}

static void
unicode_dealloc(PyObject *op)
{
    if (Py_UNLIKELY(_PyUnicode_STATE(op).interned || unicode_is_singleton(op))) {
        /* Immortal objects never get here unless someone over-decrefs. */
        _Py_SetImmortal(op);
        return;
    }
    if (!PyUnicode_IS_ASCII(op) && _PyUnicode_UTF8(op) != NULL)
        PyObject_Free(_PyUnicode_UTF8(op));
    if (Py_IS_TYPE(op, &PyUnicode_Type))
        PyObject_Free(op);
    else
        Py_TYPE(op)->tp_free(op);
}

int
_PyUnicode_ResizeOwned(PyObject **p, Py_ssize_t length)
{
    PyObject *op = *p, *res;
    int kind = PyUnicode_KIND(op);
    Py_ssize_t hdr = header_size(PyUnicode_IS_ASCII(op));

    if (length == PyUnicode_GET_LENGTH(op))
        return 0;
    if (length == 0 || unicode_is_singleton(op) || !PyUnicode_CheckExact(op)) {
        Py_ssize_t n = Py_MIN(length, PyUnicode_GET_LENGTH(op));
        res = _PyUnicode_Slice(op, 0, n);
        if (res == NULL)
            return -1;
        if (n < length) {
            Py_DECREF(res);
            PyErr_BadInternalCall();
            return -1;
        }
        Py_SETREF(*p, res);
        return 0;
    }
    if (length > (PY_SSIZE_T_MAX - hdr) / kind - 1) {
        PyErr_NoMemory();
        return -1;
    }
    if (!PyUnicode_IS_ASCII(op) && _PyUnicode_UTF8(op) != NULL) {
        PyObject_Free(_PyUnicode_UTF8(op));
        _PyUnicode_UTF8(op) = NULL;
        _PyUnicode_UTF8_LENGTH(op) = 0;
    }
    res = (PyObject *)PyObject_Realloc(op, (size_t)(hdr + (length + 1) * kind));
    if (res == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    *p = res;
    _PyASCIIObject_CAST(res)->length = length;
    _PyUnicode_HASH(res) = -1;
    PyUnicode_WRITE(kind, PyUnicode_DATA(res), length, 0);
    return 0;
}

int
PyUnicode_Resize(PyObject **p, Py_ssize_t length)
{
    PyObject *u;
    if (p == NULL || (u = *p) == NULL || !PyUnicode_Check(u) || length < 0) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (Py_REFCNT(u) != 1 && !unicode_is_singleton(u)) {
        PyErr_SetString(PyExc_SystemError, "Cannot modify a string currently used");
        return -1;
    }
    if (length > PyUnicode_GET_LENGTH(u)) {
        /* Growing: allocate and copy (the new tail is uninitialised). */
        PyObject *w = PyUnicode_New(length, PyUnicode_MAX_CHAR_VALUE(u));
        if (w == NULL)
            return -1;
        _PyUnicode_FastCopyCharacters(w, 0, u, 0, PyUnicode_GET_LENGTH(u));
        Py_SETREF(*p, w);
        return 0;
    }
    return _PyUnicode_ResizeOwned(p, length);
}

/* ------------------------------------------------------------------ */
/* Constructors from raw arrays                                        */
/* ------------------------------------------------------------------ */

static Py_UCS4
ucs1_maxchar(const Py_UCS1 *s, Py_ssize_t n)
{
    const Py_UCS1 *end = s + n;
    /* word-at-a-time test for any byte >= 0x80 */
    while (s + 8 <= end) {
        uint64_t w;
        memcpy(&w, s, 8);
        if (w & 0x8080808080808080ULL)
            return 0xff;
        s += 8;
    }
    while (s < end) {
        if (*s++ & 0x80)
            return 0xff;
    }
    return 0x7f;
}

PyObject *
_PyUnicode_FromASCII(const char *s, Py_ssize_t n)
{
    PyObject *res;
    if (n == 1)
        return get_latin1_char((unsigned char)s[0]);
    if (n == 0)
        return unicode_empty;
    res = PyUnicode_New(n, 127);
    if (res == NULL)
        return NULL;
    memcpy(PyUnicode_1BYTE_DATA(res), s, (size_t)n);
    return res;
}

PyObject *
_PyUnicode_FromUCS1(const Py_UCS1 *s, Py_ssize_t n)
{
    PyObject *res;
    if (n == 0)
        return unicode_empty;
    if (n == 1)
        return get_latin1_char(s[0]);
    res = PyUnicode_New(n, ucs1_maxchar(s, n));
    if (res == NULL)
        return NULL;
    memcpy(PyUnicode_1BYTE_DATA(res), s, (size_t)n);
    return res;
}

PyObject *
_PyUnicode_FromUCS2(const Py_UCS2 *s, Py_ssize_t n)
{
    PyObject *res;
    Py_UCS2 max = 0;
    Py_ssize_t i;
    if (n == 0)
        return unicode_empty;
    if (n == 1 && s[0] < 256)
        return get_latin1_char(s[0]);
    for (i = 0; i < n; i++)
        max |= s[i];
    /* `max` is an upper bound of the same width class: fine for kinds. */
    if (max < 256) {
        res = PyUnicode_New(n, max);
        if (res == NULL)
            return NULL;
        Py_UCS1 *d = PyUnicode_1BYTE_DATA(res);
        for (i = 0; i < n; i++)
            d[i] = (Py_UCS1)s[i];
        return res;
    }
    res = PyUnicode_New(n, 0xffff);
    if (res == NULL)
        return NULL;
    memcpy(PyUnicode_2BYTE_DATA(res), s, (size_t)n * 2);
    return res;
}

/* Like _PyUnicode_FromUCS4 but never returns a shared singleton for a
   one-character result (CPython's case-mapping methods build fresh
   strings). */
PyObject *
_PyUnicode_FromUCS4Fresh(const Py_UCS4 *s, Py_ssize_t n)
{
    PyObject *res;
    Py_UCS4 max = 0;
    if (n == 0)
        return unicode_empty;
    for (Py_ssize_t i = 0; i < n; i++)
        if (s[i] > max)
            max = s[i];
    res = PyUnicode_New(n, max);
    if (res == NULL)
        return NULL;
    int kind = PyUnicode_KIND(res);
    void *d = PyUnicode_DATA(res);
    for (Py_ssize_t i = 0; i < n; i++)
        PyUnicode_WRITE(kind, d, i, s[i]);
    return res;
}

PyObject *
_PyUnicode_FromUCS4(const Py_UCS4 *s, Py_ssize_t n)
{
    PyObject *res;
    Py_UCS4 max = 0;
    Py_ssize_t i;
    if (n == 0)
        return unicode_empty;
    if (n == 1 && s[0] < 256)
        return get_latin1_char(s[0]);
    for (i = 0; i < n; i++) {
        if (s[i] > max)
            max = s[i];
    }
    res = PyUnicode_New(n, max);
    if (res == NULL)
        return NULL;
    if (max < 256) {
        Py_UCS1 *d = PyUnicode_1BYTE_DATA(res);
        for (i = 0; i < n; i++)
            d[i] = (Py_UCS1)s[i];
    }
    else if (max < 65536) {
        Py_UCS2 *d = PyUnicode_2BYTE_DATA(res);
        for (i = 0; i < n; i++)
            d[i] = (Py_UCS2)s[i];
    }
    else
        memcpy(PyUnicode_4BYTE_DATA(res), s, (size_t)n * 4);
    return res;
}

PyObject *
PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "size must be positive");
        return NULL;
    }
    switch (kind) {
    case PyUnicode_1BYTE_KIND: return _PyUnicode_FromUCS1(buffer, size);
    case PyUnicode_2BYTE_KIND: return _PyUnicode_FromUCS2(buffer, size);
    case PyUnicode_4BYTE_KIND: return _PyUnicode_FromUCS4(buffer, size);
    default:
        PyErr_SetString(PyExc_SystemError, "invalid kind");
        return NULL;
    }
}

PyObject *
_PyUnicode_Char(Py_UCS4 ch)
{
    PyObject *res;
    if (ch < 256)
        return get_latin1_char(ch);
    res = PyUnicode_New(1, ch);
    if (res == NULL)
        return NULL;
    PyUnicode_WRITE(PyUnicode_KIND(res), PyUnicode_DATA(res), 0, ch);
    return res;
}

PyObject *
PyUnicode_FromOrdinal(int ordinal)
{
    if (ordinal < 0 || ordinal > 0x10ffff) {
        PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return _PyUnicode_Char((Py_UCS4)ordinal);
}

PyObject *
PyUnicode_FromStringAndSize(const char *u, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError,
                        "Negative size passed to PyUnicode_FromStringAndSize");
        return NULL;
    }
    if (u == NULL) {
        if (size > 0) {
            PyErr_SetString(PyExc_SystemError,
                            "NULL string with positive size with NULL passed to "
                            "PyUnicode_FromStringAndSize");
            return NULL;
        }
        return unicode_empty;
    }
    return PyUnicode_DecodeUTF8Stateful(u, size, NULL, NULL);
}

PyObject *
PyUnicode_FromString(const char *u)
{
    size_t size = strlen(u);
    if (size > (size_t)PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "input too long");
        return NULL;
    }
    return PyUnicode_DecodeUTF8Stateful(u, (Py_ssize_t)size, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Copying, slicing, narrowing                                         */
/* ------------------------------------------------------------------ */

Py_UCS4
_PyUnicode_FindMaxChar(PyObject *str, Py_ssize_t start, Py_ssize_t end)
{
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    Py_UCS4 max = 0;
    Py_ssize_t i;
    if (start >= end)
        return 127;
    if (PyUnicode_IS_ASCII(str))
        return 127;
    if (kind == PyUnicode_1BYTE_KIND)
        return ucs1_maxchar((const Py_UCS1 *)data + start, end - start);
    if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *d = data;
        for (i = start; i < end; i++)
            if (d[i] > max) max = d[i];
    }
    else {
        const Py_UCS4 *d = data;
        for (i = start; i < end; i++)
            if (d[i] > max) max = d[i];
    }
    return max;
}

void
_PyUnicode_FastCopyCharacters(PyObject *to, Py_ssize_t to_start,
                              PyObject *from, Py_ssize_t from_start, Py_ssize_t n)
{
    int fk = PyUnicode_KIND(from), tk = PyUnicode_KIND(to);
    const char *fd = PyUnicode_DATA(from);
    char *td = PyUnicode_DATA(to);
    Py_ssize_t i;
    if (n <= 0)
        return;
    if (fk == tk) {
        memmove(td + to_start * tk, fd + from_start * fk, (size_t)(n * fk));
        return;
    }
#define COPY(FT, TT) do { const FT *s = (const FT *)fd + from_start; TT *d = (TT *)td + to_start; \
        for (i = 0; i < n; i++) d[i] = (TT)s[i]; } while (0)
    if (fk == 1 && tk == 2) COPY(Py_UCS1, Py_UCS2);
    else if (fk == 1 && tk == 4) COPY(Py_UCS1, Py_UCS4);
    else if (fk == 2 && tk == 4) COPY(Py_UCS2, Py_UCS4);
    else if (fk == 2 && tk == 1) COPY(Py_UCS2, Py_UCS1);
    else if (fk == 4 && tk == 1) COPY(Py_UCS4, Py_UCS1);
    else COPY(Py_UCS4, Py_UCS2);
#undef COPY
}

Py_ssize_t
PyUnicode_CopyCharacters(PyObject *to, Py_ssize_t to_start,
                         PyObject *from, Py_ssize_t from_start, Py_ssize_t how_many)
{
    if (!PyUnicode_Check(from) || !PyUnicode_Check(to)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if ((size_t)from_start > (size_t)PyUnicode_GET_LENGTH(from) ||
        (size_t)to_start > (size_t)PyUnicode_GET_LENGTH(to)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if (how_many < 0) {
        PyErr_SetString(PyExc_SystemError, "how_many cannot be negative");
        return -1;
    }
    how_many = Py_MIN(PyUnicode_GET_LENGTH(from) - from_start, how_many);
    if (to_start + how_many > PyUnicode_GET_LENGTH(to)) {
        PyErr_Format(PyExc_SystemError,
                     "Cannot write %zi characters at %zi in a string of %zi characters",
                     how_many, to_start, PyUnicode_GET_LENGTH(to));
        return -1;
    }
    if (how_many == 0)
        return 0;
    if (_PyUnicode_FindMaxChar(from, from_start, from_start + how_many) >
        PyUnicode_MAX_CHAR_VALUE(to)) {
        PyErr_Format(PyExc_SystemError,
                     "Cannot copy %s characters into a string of %s characters",
                     "wider", "narrower");
        return -1;
    }
    _PyUnicode_FastCopyCharacters(to, to_start, from, from_start, how_many);
    return how_many;
}

Py_ssize_t
PyUnicode_Fill(PyObject *unicode, Py_ssize_t start, Py_ssize_t length, Py_UCS4 ch)
{
    int kind;
    void *data;
    Py_ssize_t i;
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (ch > PyUnicode_MAX_CHAR_VALUE(unicode)) {
        PyErr_SetString(PyExc_ValueError, "fill character is bigger than the string maximum character");
        return -1;
    }
    if (start < 0) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    length = Py_MIN(PyUnicode_GET_LENGTH(unicode) - start, length);
    if (length <= 0)
        return 0;
    kind = PyUnicode_KIND(unicode);
    data = PyUnicode_DATA(unicode);
    if (kind == 1)
        memset((Py_UCS1 *)data + start, (int)ch, (size_t)length);
    else
        for (i = 0; i < length; i++)
            PyUnicode_WRITE(kind, data, start + i, ch);
    return length;
}

int
PyUnicode_WriteChar(PyObject *unicode, Py_ssize_t index, Py_UCS4 ch)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (index < 0 || index >= PyUnicode_GET_LENGTH(unicode)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if (Py_REFCNT(unicode) != 1 || _PyUnicode_HASH(unicode) != -1 ||
        PyUnicode_CHECK_INTERNED(unicode) || unicode_is_singleton(unicode)) {
        PyErr_SetString(PyExc_SystemError, "Cannot modify a string currently used");
        return -1;
    }
    if (ch > PyUnicode_MAX_CHAR_VALUE(unicode)) {
        PyErr_SetString(PyExc_ValueError, "character out of range");
        return -1;
    }
    PyUnicode_WRITE(PyUnicode_KIND(unicode), PyUnicode_DATA(unicode), index, ch);
    return 0;
}

PyObject *
_PyUnicode_Slice(PyObject *str, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t n = end - start;
    int kind = PyUnicode_KIND(str);
    const char *data = PyUnicode_DATA(str);
    if (n <= 0)
        return unicode_empty;
    if (start == 0 && n == PyUnicode_GET_LENGTH(str))
        return _PyUnicode_ResultUnchanged(str);
    if (PyUnicode_IS_ASCII(str))
        return _PyUnicode_FromASCII(data + start, n);
    if (kind == PyUnicode_1BYTE_KIND)
        return _PyUnicode_FromUCS1((const Py_UCS1 *)data + start, n);
    if (kind == PyUnicode_2BYTE_KIND)
        return _PyUnicode_FromUCS2((const Py_UCS2 *)data + start, n);
    return _PyUnicode_FromUCS4((const Py_UCS4 *)data + start, n);
}

PyObject *
PyUnicode_Substring(PyObject *self, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t length;
    if (!PyUnicode_Check(self)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    length = PyUnicode_GET_LENGTH(self);
    end = Py_MIN(end, length);
    if (start == 0 && end == length)
        return _PyUnicode_ResultUnchanged(self);
    if (start < 0 || end < 0) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return NULL;
    }
    if (start >= length || end < start)
        return unicode_empty;
    return _PyUnicode_Slice(self, start, end);
}

PyObject *
_PyUnicode_Copy(PyObject *str)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(str);
    PyObject *res;
    if (n == 0)
        return unicode_empty;
    if (n == 1 && PyUnicode_KIND(str) == 1)
        return get_latin1_char(PyUnicode_1BYTE_DATA(str)[0]);
    res = PyUnicode_New(n, PyUnicode_MAX_CHAR_VALUE(str));
    if (res == NULL)
        return NULL;
    memcpy(PyUnicode_DATA(res), PyUnicode_DATA(str), (size_t)(n * PyUnicode_KIND(str)));
    return res;
}

PyObject *
_PyUnicode_ResultUnchanged(PyObject *str)
{
    if (PyUnicode_CheckExact(str))
        return Py_NewRef(str);
    return _PyUnicode_Copy(str);
}

PyObject *
_PyUnicode_Narrow(PyObject *str)
{
    Py_ssize_t n;
    Py_UCS4 max;
    PyObject *res;
    if (str == NULL)
        return NULL;
    n = PyUnicode_GET_LENGTH(str);
    if (n == 0) {
        Py_DECREF(str);
        return unicode_empty;
    }
    max = _PyUnicode_FindMaxChar(str, 0, n);
    if (max >= 128 && (max > 0xffff ? 4 : max > 0xff ? 2 : 1) == PyUnicode_KIND(str))
        return str;
    if (max < 128 && PyUnicode_IS_ASCII(str))
        return str;
    res = PyUnicode_New(n, max);
    if (res == NULL) {
        Py_DECREF(str);
        return NULL;
    }
    _PyUnicode_FastCopyCharacters(res, 0, str, 0, n);
    Py_DECREF(str);
    return res;
}

PyObject *
PyUnicode_FromObject(PyObject *obj)
{
    if (PyUnicode_CheckExact(obj))
        return Py_NewRef(obj);
    if (PyUnicode_Check(obj))
        return _PyUnicode_Copy(obj);
    PyErr_Format(PyExc_TypeError, "Can't convert '%.100s' object to str implicitly",
                 Py_TYPE(obj)->tp_name);
    return NULL;
}

Py_ssize_t
PyUnicode_GetLength(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return -1;
    }
    return PyUnicode_GET_LENGTH(unicode);
}

Py_UCS4
PyUnicode_ReadChar(PyObject *unicode, Py_ssize_t index)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return (Py_UCS4)-1;
    }
    if (index < 0 || index >= PyUnicode_GET_LENGTH(unicode)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return (Py_UCS4)-1;
    }
    return PyUnicode_READ_CHAR(unicode, index);
}

Py_UCS4 *
PyUnicode_AsUCS4Copy(PyObject *str)
{
    Py_ssize_t n, i;
    Py_UCS4 *buf;
    if (!PyUnicode_Check(str)) {
        PyErr_BadArgument();
        return NULL;
    }
    n = PyUnicode_GET_LENGTH(str);
    buf = PyMem_New(Py_UCS4, n + 1);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (i = 0; i < n; i++)
        buf[i] = PyUnicode_READ_CHAR(str, i);
    buf[n] = 0;
    return buf;
}

/* ------------------------------------------------------------------ */
/* Hash and comparison                                                 */
/* ------------------------------------------------------------------ */

Py_hash_t
_PyUnicode_Hash(PyObject *self)
{
    Py_hash_t x = _PyUnicode_HASH(self);
    if (x != -1)
        return x;
    x = _Py_HashBytes(PyUnicode_DATA(self),
                      PyUnicode_GET_LENGTH(self) * PyUnicode_KIND(self));
    _PyUnicode_HASH(self) = x;
    return x;
}

static inline int
unicode_eq(PyObject *a, PyObject *b)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(a);
    if (n != PyUnicode_GET_LENGTH(b))
        return 0;
    if (n == 0)
        return 1;
    if (PyUnicode_KIND(a) != PyUnicode_KIND(b))
        return 0;
    return memcmp(PyUnicode_DATA(a), PyUnicode_DATA(b), (size_t)(n * PyUnicode_KIND(a))) == 0;
}

int
_PyUnicode_EQ(PyObject *a, PyObject *b)
{
    return unicode_eq(a, b);
}

int
_PyUnicode_Equal(PyObject *a, PyObject *b)
{
    if (a == b)
        return 1;
    return unicode_eq(a, b);
}

/* -1, 0, 1 */
static int
unicode_compare(PyObject *a, PyObject *b)
{
    int k1 = PyUnicode_KIND(a), k2 = PyUnicode_KIND(b);
    const void *d1 = PyUnicode_DATA(a), *d2 = PyUnicode_DATA(b);
    Py_ssize_t n1 = PyUnicode_GET_LENGTH(a), n2 = PyUnicode_GET_LENGTH(b);
    Py_ssize_t n = Py_MIN(n1, n2), i;

    if (k1 == 1 && k2 == 1) {
        int c = memcmp(d1, d2, (size_t)n);
        if (c != 0)
            return c < 0 ? -1 : 1;
    }
    else {
        for (i = 0; i < n; i++) {
            Py_UCS4 c1 = PyUnicode_READ(k1, d1, i), c2 = PyUnicode_READ(k2, d2, i);
            if (c1 != c2)
                return c1 < c2 ? -1 : 1;
        }
    }
    return n1 < n2 ? -1 : n1 != n2;
}

int
PyUnicode_Compare(PyObject *left, PyObject *right)
{
    if (PyUnicode_Check(left) && PyUnicode_Check(right)) {
        if (left == right)
            return 0;
        return unicode_compare(left, right);
    }
    PyErr_Format(PyExc_TypeError, "Can't compare %.100s and %.100s",
                 Py_TYPE(left)->tp_name, Py_TYPE(right)->tp_name);
    return -1;
}

int
PyUnicode_CompareWithASCIIString(PyObject *uni, const char *str)
{
    Py_ssize_t i, n = PyUnicode_GET_LENGTH(uni);
    int kind = PyUnicode_KIND(uni);
    const void *data = PyUnicode_DATA(uni);
    for (i = 0; i < n && str[i]; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c != (unsigned char)str[i])
            return c < (unsigned char)str[i] ? -1 : 1;
    }
    if (i < n)
        return 1;
    if (str[i])
        return -1;
    return 0;
}

int
_PyUnicode_EqualToASCIIString(PyObject *uni, const char *str)
{
    size_t len;
    if (!PyUnicode_IS_ASCII(uni))
        return 0;
    len = strlen(str);
    return (size_t)PyUnicode_GET_LENGTH(uni) == len &&
           memcmp(PyUnicode_1BYTE_DATA(uni), str, len) == 0;
}

PyObject *
PyUnicode_RichCompare(PyObject *left, PyObject *right, int op)
{
    int c;
    if (!PyUnicode_Check(left) || !PyUnicode_Check(right))
        Py_RETURN_NOTIMPLEMENTED;
    if (left == right) {
        switch (op) {
        case Py_EQ: case Py_LE: case Py_GE: Py_RETURN_TRUE;
        default: Py_RETURN_FALSE;
        }
    }
    if (op == Py_EQ || op == Py_NE) {
        c = unicode_eq(left, right);
        return PyBool_FromLong(op == Py_EQ ? c : !c);
    }
    c = unicode_compare(left, right);
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

/* ------------------------------------------------------------------ */
/* Concatenation and repetition                                        */
/* ------------------------------------------------------------------ */

PyObject *
PyUnicode_Concat(PyObject *left, PyObject *right)
{
    PyObject *res;
    Py_ssize_t n1, n2;
    Py_UCS4 maxchar;

    if (!PyUnicode_Check(left)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(left)->tp_name);
        return NULL;
    }
    if (!PyUnicode_Check(right)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                     Py_TYPE(right)->tp_name);
        return NULL;
    }
    n1 = PyUnicode_GET_LENGTH(left);
    n2 = PyUnicode_GET_LENGTH(right);
    if (n1 == 0)
        return PyUnicode_FromObject(right);
    if (n2 == 0)
        return PyUnicode_FromObject(left);
    if (n1 > PY_SSIZE_T_MAX - n2) {
        PyErr_SetString(PyExc_OverflowError, "strings are too large to concat");
        return NULL;
    }
    maxchar = Py_MAX(PyUnicode_MAX_CHAR_VALUE(left), PyUnicode_MAX_CHAR_VALUE(right));
    res = PyUnicode_New(n1 + n2, maxchar);
    if (res == NULL)
        return NULL;
    _PyUnicode_FastCopyCharacters(res, 0, left, 0, n1);
    _PyUnicode_FastCopyCharacters(res, n1, right, 0, n2);
    return res;
}

static inline int
unicode_modifiable(PyObject *u)
{
    return Py_REFCNT(u) == 1 && _PyUnicode_HASH(u) == -1 &&
           !PyUnicode_CHECK_INTERNED(u) && PyUnicode_CheckExact(u) &&
           !unicode_is_singleton(u);
}

void
PyUnicode_Append(PyObject **pleft, PyObject *right)
{
    PyObject *left, *res;
    Py_ssize_t n1, n2;

    if (pleft == NULL) {
        if (!PyErr_Occurred())
            PyErr_BadInternalCall();
        return;
    }
    left = *pleft;
    if (right == NULL || left == NULL || !PyUnicode_Check(left) || !PyUnicode_Check(right)) {
        if (!PyErr_Occurred())
            PyErr_BadInternalCall();
        goto error;
    }
    n2 = PyUnicode_GET_LENGTH(right);
    if (n2 == 0)
        return;
    n1 = PyUnicode_GET_LENGTH(left);
    if (n1 == 0 && PyUnicode_CheckExact(right)) {
        Py_DECREF(left);
        *pleft = Py_NewRef(right);
        return;
    }
    if (n1 > PY_SSIZE_T_MAX - n2) {
        PyErr_SetString(PyExc_OverflowError, "strings are too large to concat");
        goto error;
    }
    if (unicode_modifiable(left) && PyUnicode_CheckExact(right) &&
        PyUnicode_KIND(right) <= PyUnicode_KIND(left) &&
        !(PyUnicode_IS_ASCII(left) && !PyUnicode_IS_ASCII(right))) {
        if (_PyUnicode_ResizeOwned(pleft, n1 + n2) < 0)
            goto error;
        _PyUnicode_FastCopyCharacters(*pleft, n1, right, 0, n2);
        return;
    }
    res = PyUnicode_New(n1 + n2, Py_MAX(PyUnicode_MAX_CHAR_VALUE(left),
                                        PyUnicode_MAX_CHAR_VALUE(right)));
    if (res == NULL)
        goto error;
    _PyUnicode_FastCopyCharacters(res, 0, left, 0, n1);
    _PyUnicode_FastCopyCharacters(res, n1, right, 0, n2);
    Py_SETREF(*pleft, res);
    return;
error:
    Py_CLEAR(*pleft);
}

void
PyUnicode_AppendAndDel(PyObject **pleft, PyObject *right)
{
    PyUnicode_Append(pleft, right);
    Py_XDECREF(right);
}

PyObject *
_PyUnicode_Repeat(PyObject *str, Py_ssize_t n)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str), total, done;
    int kind = PyUnicode_KIND(str);
    PyObject *res;
    char *dst;

    if (n < 1 || len == 0)
        return unicode_empty;
    if (n == 1)
        return _PyUnicode_ResultUnchanged(str);
    if (len > PY_SSIZE_T_MAX / n) {
        PyErr_SetString(PyExc_OverflowError, "repeated string is too long");
        return NULL;
    }
    total = len * n;
    res = PyUnicode_New(total, PyUnicode_MAX_CHAR_VALUE(str));
    if (res == NULL)
        return NULL;
    dst = PyUnicode_DATA(res);
    if (len == 1) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(str, 0);
        if (kind == 1)
            memset(dst, (int)ch, (size_t)total);
        else if (kind == 2) {
            Py_UCS2 *d = (Py_UCS2 *)dst;
            for (Py_ssize_t i = 0; i < total; i++) d[i] = (Py_UCS2)ch;
        }
        else {
            Py_UCS4 *d = (Py_UCS4 *)dst;
            for (Py_ssize_t i = 0; i < total; i++) d[i] = ch;
        }
        return res;
    }
    /* copy once, then double the filled prefix */
    total *= kind;
    memcpy(dst, PyUnicode_DATA(str), (size_t)(len * kind));
    done = len * kind;
    while (done < total) {
        Py_ssize_t chunk = Py_MIN(done, total - done);
        memcpy(dst + done, dst, (size_t)chunk);
        done += chunk;
    }
    return res;
}

/* ------------------------------------------------------------------ */
/* repr                                                                */
/* ------------------------------------------------------------------ */

static const char hexdigits[] = "0123456789abcdef";

PyObject *
_PyUnicode_Repr(PyObject *unicode)
{
    Py_ssize_t isize = PyUnicode_GET_LENGTH(unicode), osize = 0, i, o;
    int ikind = PyUnicode_KIND(unicode), okind;
    const void *idata = PyUnicode_DATA(unicode);
    Py_ssize_t squote = 0, dquote = 0;
    Py_UCS4 maxch = 127, quote;
    PyObject *repr;
    void *odata;

    /* pass 1: output size, quotes, and widest kept character */
    if (PyUnicode_IS_ASCII(unicode)) {
        const Py_UCS1 *p = idata;
        for (i = 0; i < isize; i++) {
            Py_UCS1 c = p[i];
            Py_ssize_t incr = 1;
            if (c >= ' ' && c < 0x7f) {
                if (c == '\'') squote++;
                else if (c == '"') dquote++;
                else if (c == '\\') incr = 2;
            }
            else if (c == '\t' || c == '\n' || c == '\r')
                incr = 2;
            else
                incr = 4;
            osize += incr;
        }
    }
    else {
        for (i = 0; i < isize; i++) {
            Py_UCS4 c = PyUnicode_READ(ikind, idata, i);
            Py_ssize_t incr = 1;
            switch (c) {
            case '\'': squote++; break;
            case '"': dquote++; break;
            case '\\': case '\t': case '\r': case '\n': incr = 2; break;
            default:
                if (c < ' ' || c == 0x7f)
                    incr = 4;
                else if (c < 0x7f)
                    ;
                else if (Py_UNICODE_ISPRINTABLE(c)) {
                    if (c > maxch) maxch = c;
                }
                else if (c < 0x100)
                    incr = 4;
                else if (c < 0x10000)
                    incr = 6;
                else
                    incr = 10;
            }
            osize += incr;
        }
    }
    quote = '\'';
    if (squote) {
        if (dquote)
            osize += squote;   /* both quotes: escape the single ones */
        else
            quote = '"';
    }
    osize += 2;
    repr = PyUnicode_New(osize, maxch);
    if (repr == NULL)
        return NULL;
    okind = PyUnicode_KIND(repr);
    odata = PyUnicode_DATA(repr);
    if (PyUnicode_IS_ASCII(unicode)) {
        /* ASCII in, ASCII out: copy runs that need no escaping */
        const Py_UCS1 *p = idata;
        Py_UCS1 *q = odata;
        *q++ = (Py_UCS1)quote;
        if (osize == isize + 2) {
            memcpy(q, p, (size_t)isize);
            q += isize;
        }
        else {
            for (i = 0; i < isize; i++) {
                Py_UCS1 c = p[i];
                if (c >= ' ' && c < 0x7f && c != '\\' && c != quote)
                    *q++ = c;
                else if (c == quote || c == '\\') {
                    *q++ = '\\';
                    *q++ = c;
                }
                else if (c == '\t' || c == '\n' || c == '\r') {
                    *q++ = '\\';
                    *q++ = c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
                }
                else {
                    *q++ = '\\';
                    *q++ = 'x';
                    *q++ = (Py_UCS1)hexdigits[(c >> 4) & 0xf];
                    *q++ = (Py_UCS1)hexdigits[c & 0xf];
                }
            }
        }
        *q = (Py_UCS1)quote;
        return repr;
    }
    o = 0;
    PyUnicode_WRITE(okind, odata, o++, quote);
    for (i = 0; i < isize; i++) {
        Py_UCS4 c = PyUnicode_READ(ikind, idata, i);
        if (c == quote || c == '\\') {
            PyUnicode_WRITE(okind, odata, o++, '\\');
            PyUnicode_WRITE(okind, odata, o++, c);
        }
        else if (c == '\t' || c == '\n' || c == '\r') {
            PyUnicode_WRITE(okind, odata, o++, '\\');
            PyUnicode_WRITE(okind, odata, o++, c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
        }
        else if (c < ' ' || c == 0x7f) {
            PyUnicode_WRITE(okind, odata, o++, '\\');
            PyUnicode_WRITE(okind, odata, o++, 'x');
            PyUnicode_WRITE(okind, odata, o++, hexdigits[(c >> 4) & 0xf]);
            PyUnicode_WRITE(okind, odata, o++, hexdigits[c & 0xf]);
        }
        else if (c < 0x7f || Py_UNICODE_ISPRINTABLE(c)) {
            PyUnicode_WRITE(okind, odata, o++, c);
        }
        else {
            int ndig = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
            PyUnicode_WRITE(okind, odata, o++, '\\');
            PyUnicode_WRITE(okind, odata, o++, ndig == 2 ? 'x' : ndig == 4 ? 'u' : 'U');
            for (int k = ndig - 1; k >= 0; k--)
                PyUnicode_WRITE(okind, odata, o++, hexdigits[(c >> (4 * k)) & 0xf]);
        }
    }
    PyUnicode_WRITE(okind, odata, o++, quote);
    return repr;
}

PyObject *
_PyUnicode_EscapeNonASCII(PyObject *str)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(str), i, size = 0, o;
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    PyObject *res;
    Py_UCS1 *out;

    if (PyUnicode_IS_ASCII(str))
        return Py_NewRef(str);
    for (i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        size += c < 0x80 ? 1 : c < 0x100 ? 4 : c < 0x10000 ? 6 : 10;
    }
    res = PyUnicode_New(size, 127);
    if (res == NULL)
        return NULL;
    out = PyUnicode_1BYTE_DATA(res);
    o = 0;
    for (i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c < 0x80) {
            out[o++] = (Py_UCS1)c;
            continue;
        }
        int ndig = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
        out[o++] = '\\';
        out[o++] = ndig == 2 ? 'x' : ndig == 4 ? 'u' : 'U';
        for (int k = ndig - 1; k >= 0; k--)
            out[o++] = (Py_UCS1)hexdigits[(c >> (4 * k)) & 0xf];
    }
    return res;
}

/* ------------------------------------------------------------------ */
/* Interning                                                           */
/* ------------------------------------------------------------------ */

static PyObject **interned_table;     /* open addressing; NULL = empty */
static size_t interned_mask;          /* capacity - 1 */
static Py_ssize_t interned_used;

static int
interned_grow(void)
{
    size_t newcap = interned_table ? (interned_mask + 1) * 2 : 1024;
    PyObject **t = PyMem_RawCalloc(newcap, sizeof(PyObject *));
    if (t == NULL)
        return -1;
    if (interned_table != NULL) {
        for (size_t i = 0; i <= interned_mask; i++) {
            PyObject *s = interned_table[i];
            if (s == NULL)
                continue;
            size_t j = (size_t)_PyUnicode_HASH(s) & (newcap - 1), perturb = (size_t)_PyUnicode_HASH(s);
            while (t[j] != NULL) {
                perturb >>= 5;
                j = (j * 5 + perturb + 1) & (newcap - 1);
            }
            t[j] = s;
        }
        PyMem_RawFree(interned_table);
    }
    interned_table = t;
    interned_mask = newcap - 1;
    return 0;
}

/* Find the slot for a string equal to (kind, data, len) with hash h:
   returns a pointer to the slot (which holds the match, or NULL). */
static PyObject **
interned_lookup(Py_hash_t h, int kind, const void *data, Py_ssize_t len)
{
    size_t j = (size_t)h & interned_mask, perturb = (size_t)h;
    for (;;) {
        PyObject *s = interned_table[j];
        if (s == NULL)
            return &interned_table[j];
        if (_PyUnicode_HASH(s) == h && PyUnicode_GET_LENGTH(s) == len &&
            PyUnicode_KIND(s) == kind &&
            memcmp(PyUnicode_DATA(s), data, (size_t)(len * kind)) == 0)
            return &interned_table[j];
        perturb >>= 5;
        j = (j * 5 + perturb + 1) & interned_mask;
    }
}

static void
make_interned_immortal(PyObject *s)
{
#ifdef Py_REF_DEBUG
    /* References taken before immortality will be dropped without being
       counted (Py_DECREF ignores immortals): account for them now. */
    if (!_Py_IsImmortal(s))
        _Py_RefTotal -= Py_REFCNT(s);
#endif
    _Py_SetImmortal(s);
    _PyUnicode_STATE(s).interned = unicode_is_singleton(s) ? SSTATE_INTERNED_IMMORTAL_STATIC
                                                           : SSTATE_INTERNED_IMMORTAL;
}

/* Returns the canonical interned string equal to s (borrowed), adding s
   if none exists; NULL only on memory exhaustion (no exception set). */
static PyObject *
intern_common(PyObject *s)
{
    PyObject **slot;
    Py_hash_t h = _PyUnicode_Hash(s);
    if (interned_table == NULL && interned_grow() < 0)
        return NULL;
    slot = interned_lookup(h, PyUnicode_KIND(s), PyUnicode_DATA(s), PyUnicode_GET_LENGTH(s));
    if (*slot != NULL)
        return *slot;
    if ((size_t)(interned_used + 1) * 3 >= (interned_mask + 1) * 2) {
        if (interned_grow() < 0)
            return NULL;
        slot = interned_lookup(h, PyUnicode_KIND(s), PyUnicode_DATA(s), PyUnicode_GET_LENGTH(s));
    }
    *slot = s;
    interned_used++;
    make_interned_immortal(s);
    return s;
}

void
PyUnicode_InternInPlace(PyObject **p)
{
    PyObject *s = *p, *t;
    if (s == NULL || !PyUnicode_CheckExact(s))
        return;
    if (PyUnicode_CHECK_INTERNED(s))
        return;
    t = intern_common(s);
    if (t == NULL || t == s)
        return;
    Py_SETREF(*p, Py_NewRef(t));
}

PyObject *
PyUnicode_InternFromString(const char *cp)
{
    PyObject *s = PyUnicode_FromString(cp);
    if (s == NULL)
        return NULL;
    PyUnicode_InternInPlace(&s);
    return s;
}

PyObject *
_PyUnicode_InternStatic(const char *cstr)
{
    size_t n = strlen(cstr), i;
    PyObject *s, *t;
    for (i = 0; i < n; i++)
        if ((unsigned char)cstr[i] >= 0x80)
            break;
    if (i == n) {
        /* ASCII: probe without building an object first. */
        if (n == 1)
            s = get_latin1_char((unsigned char)cstr[0]);
        else if (n == 0)
            s = unicode_empty;
        else {
            Py_hash_t h = _Py_HashBytes(cstr, (Py_ssize_t)n);
            if (interned_table == NULL && interned_grow() < 0)
                Py_FatalError("out of memory interning a string");
            PyObject **slot = interned_lookup(h, 1, cstr, (Py_ssize_t)n);
            if (*slot != NULL)
                return *slot;
            s = _PyUnicode_FromASCII(cstr, (Py_ssize_t)n);
        }
    }
    else
        s = PyUnicode_FromString(cstr);
    if (s == NULL)
        Py_FatalError("out of memory interning a string");
    t = intern_common(s);
    if (t == NULL)
        Py_FatalError("out of memory interning a string");
    if (t != s)
        Py_DECREF(s);
    return t;
}

Py_ssize_t
_PyUnicode_InternedSize(void)
{
    return interned_used;
}

/* ------------------------------------------------------------------ */
/* str slots                                                           */
/* ------------------------------------------------------------------ */

static Py_hash_t
unicode_hash(PyObject *self)
{
    return _PyUnicode_Hash(self);
}

static PyObject *
unicode_repr(PyObject *self)
{
    return _PyUnicode_Repr(self);
}

static PyObject *
unicode_str(PyObject *self)
{
    return _PyUnicode_ResultUnchanged(self);
}

static Py_ssize_t
unicode_length(PyObject *self)
{
    return PyUnicode_GET_LENGTH(self);
}

static PyObject *
unicode_getitem(PyObject *self, Py_ssize_t index)
{
    if (index < 0 || index >= PyUnicode_GET_LENGTH(self)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return NULL;
    }
    return _PyUnicode_Char(PyUnicode_READ_CHAR(self, index));
}

static PyObject *
unicode_subscript(PyObject *self, PyObject *item)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (PyLong_CheckExact(item) && _PyLong_IsCompact((PyLongObject *)item)) {
        Py_ssize_t i = _PyLong_CompactValue((PyLongObject *)item);
        if (i < 0)
            i += len;
        return unicode_getitem(self, i);
    }
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += len;
        return unicode_getitem(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step, slicelength, i, cur;
        int kind, rkind;
        const void *data;
        void *rdata;
        Py_UCS4 maxchar = 0;
        PyObject *res;

        if (PySlice_Unpack(item, &start, &stop, &step) < 0)
            return NULL;
        slicelength = PySlice_AdjustIndices(len, &start, &stop, step);
        if (slicelength <= 0)
            return unicode_empty;
        if (start == 0 && step == 1 && slicelength == len)
            return _PyUnicode_ResultUnchanged(self);
        if (step == 1)
            return _PyUnicode_Slice(self, start, start + slicelength);
        kind = PyUnicode_KIND(self);
        data = PyUnicode_DATA(self);
        if (PyUnicode_IS_ASCII(self))
            maxchar = 127;
        else {
            for (cur = start, i = 0; i < slicelength; cur += step, i++) {
                Py_UCS4 ch = PyUnicode_READ(kind, data, cur);
                if (ch > maxchar) maxchar = ch;
            }
        }
        if (slicelength == 1 && maxchar < 256)
            return get_latin1_char(PyUnicode_READ(kind, data, start));
        res = PyUnicode_New(slicelength, maxchar);
        if (res == NULL)
            return NULL;
        rkind = PyUnicode_KIND(res);
        rdata = PyUnicode_DATA(res);
        if (kind == 1 && rkind == 1) {
            const Py_UCS1 *s = data;
            Py_UCS1 *d = rdata;
            for (cur = start, i = 0; i < slicelength; cur += step, i++)
                d[i] = s[cur];
        }
        else {
            for (cur = start, i = 0; i < slicelength; cur += step, i++)
                PyUnicode_WRITE(rkind, rdata, i, PyUnicode_READ(kind, data, cur));
        }
        return res;
    }
    PyErr_Format(PyExc_TypeError, "string indices must be integers, not '%.200s'",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

static PyObject *
unicode_concat_slot(PyObject *left, PyObject *right)
{
    return PyUnicode_Concat(left, right);
}

static PyObject *
unicode_repeat_slot(PyObject *str, Py_ssize_t n)
{
    return _PyUnicode_Repeat(str, n);
}

static int
unicode_contains_slot(PyObject *container, PyObject *element)
{
    return PyUnicode_Contains(container, element);
}

static PyObject *
unicode_mod(PyObject *v, PyObject *w)
{
    if (!PyUnicode_Check(v))
        Py_RETURN_NOTIMPLEMENTED;
    return PyUnicode_Format(v, w);
}

/* str subclass instances: same compact layout, allocated here because the
   generic allocator only knows fixed-size instances. */
static PyObject *
unicode_subtype_new(PyTypeObject *type, PyObject *unicode)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(unicode), hdr, size, presize;
    int kind = PyUnicode_KIND(unicode), is_ascii = PyUnicode_IS_ASCII(unicode);
    char *mem;
    PyObject *self;
    PyASCIIObject *a;

    if (type->tp_basicsize > PyUnicode_Type.tp_basicsize) {
        PyErr_Format(PyExc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                     PyUnicode_Type.tp_name);
        return NULL;
    }
    hdr = header_size(is_ascii);
    size = hdr + (n + 1) * kind;
    if (size < type->tp_basicsize)
        size = type->tp_basicsize;
    presize = (Py_ssize_t)_PyType_PreHeaderSize(type);
    mem = PyObject_Malloc((size_t)(presize + size));
    if (mem == NULL)
        return PyErr_NoMemory();
    memset(mem, 0, (size_t)presize);
    self = (PyObject *)(mem + presize);
    _PyObject_Init(self, type);
    a = (PyASCIIObject *)self;
    a->length = n;
    a->hash = _PyUnicode_HASH(unicode);
    a->state.interned = 0;
    a->state.kind = kind;
    a->state.compact = 1;
    a->state.ascii = is_ascii;
    a->state.statically_allocated = 0;
    if (!is_ascii) {
        ((PyCompactUnicodeObject *)self)->utf8 = NULL;
        ((PyCompactUnicodeObject *)self)->utf8_length = 0;
    }
    memcpy((char *)self + hdr, PyUnicode_DATA(unicode), (size_t)((n + 1) * kind));
    if (PyType_IS_GC(type)) {
        _PyGC_OnAlloc(_PyThreadState_GET());
        PyObject_GC_Track(self);
    }
    return self;
}

static PyObject *
unicode_new_impl(PyTypeObject *type, PyObject *x, PyObject *encoding, PyObject *errors)
{
    PyObject *unicode;
    const char *enc = NULL, *err = NULL;

    if (encoding != NULL) {
        if (!PyUnicode_Check(encoding)) {
            PyErr_Format(PyExc_TypeError, "str() argument 'encoding' must be str, not %.50s",
                         Py_TYPE(encoding)->tp_name);
            return NULL;
        }
        Py_ssize_t enclen;
        if ((enc = PyUnicode_AsUTF8AndSize(encoding, &enclen)) == NULL)
            return NULL;
        if (strlen(enc) != (size_t)enclen) {
            PyErr_SetString(PyExc_ValueError, "embedded null character");
            return NULL;
        }
    }
    if (errors != NULL) {
        if (!PyUnicode_Check(errors)) {
            PyErr_Format(PyExc_TypeError, "str() argument 'errors' must be str, not %.50s",
                         Py_TYPE(errors)->tp_name);
            return NULL;
        }
        if ((err = PyUnicode_AsUTF8(errors)) == NULL)
            return NULL;
    }
    if (x == NULL)
        unicode = unicode_empty;
    else if (encoding == NULL && errors == NULL)
        unicode = PyObject_Str(x);
    else
        unicode = PyUnicode_FromEncodedObject(x, enc, err);
    if (unicode == NULL || type == &PyUnicode_Type)
        return unicode;
    PyObject *self = unicode_subtype_new(type, unicode);
    Py_DECREF(unicode);
    return self;
}

static PyObject *
unicode_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"object", "encoding", "errors", NULL};
    PyObject *out[3] = {NULL, NULL, NULL};
    Py_ssize_t nargs = PyTuple_GET_SIZE(args), nkw = kwds ? PyDict_GET_SIZE(kwds) : 0;

    if (nkw == 0) {
        if (nargs > 3) {
            PyErr_Format(PyExc_TypeError, "str() takes at most 3 arguments (%zd given)", nargs);
            return NULL;
        }
        for (Py_ssize_t i = 0; i < nargs; i++)
            out[i] = PyTuple_GET_ITEM(args, i);
    }
    else {
        /* Flatten into a vectorcall-style array and reuse the parser. */
        PyObject *stack[8], *kwnames, *key, *value;
        Py_ssize_t pos = 0, k = 0;
        if (nargs + nkw > 8) {
            PyErr_Format(PyExc_TypeError, "str() takes at most 3 arguments (%zd given)",
                         nargs + nkw);
            return NULL;
        }
        for (Py_ssize_t i = 0; i < nargs; i++)
            stack[i] = PyTuple_GET_ITEM(args, i);
        kwnames = PyTuple_New(nkw);
        if (kwnames == NULL)
            return NULL;
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            PyTuple_SET_ITEM(kwnames, k, Py_NewRef(key));
            stack[nargs + k] = value;
            k++;
        }
        int ok = _PyArg_ParseFast("str", stack, nargs, kwnames, kwlist, 0, 0, 3, 0, out);
        Py_DECREF(kwnames);
        if (!ok)
            return NULL;
    }
    return unicode_new_impl(type, out[0], out[1], out[2]);
}

static PyObject *
unicode_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0) {
        if (nargs == 0)
            return unicode_empty;
        if (nargs == 1 && type == (PyObject *)&PyUnicode_Type) {
            PyObject *x = args[0];
            if (PyUnicode_CheckExact(x))
                return Py_NewRef(x);
            return PyObject_Str(x);
        }
        if (nargs > 3) {
            PyErr_Format(PyExc_TypeError, "str() takes at most 3 arguments (%zd given)", nargs);
            return NULL;
        }
        return unicode_new_impl((PyTypeObject *)type, args[0],
                                nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL);
    }
    static const char *const kwlist[] = {"object", "encoding", "errors", NULL};
    PyObject *out[3] = {NULL, NULL, NULL};
    if (!_PyArg_ParseFast("str", args, nargs, kwnames, kwlist, 0, 0, 3, 0, out))
        return NULL;
    return unicode_new_impl((PyTypeObject *)type, out[0], out[1], out[2]);
}

/* sizeof as CPython computes it: compact header + characters (+ cached UTF-8
   when it is separate memory); subclass instances count as CPython's
   non-compact layout (64-byte header). */
PyObject *
_PyUnicode_SizeofMethod(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(self), size;
    if (!PyUnicode_CheckExact(self))
        size = PyUnicode_Type.tp_basicsize + (n + 1) * PyUnicode_KIND(self);
    else if (PyUnicode_IS_ASCII(self))
        size = (Py_ssize_t)sizeof(PyASCIIObject) + n + 1;
    else
        size = (Py_ssize_t)sizeof(PyCompactUnicodeObject) + (n + 1) * PyUnicode_KIND(self);
    if (!PyUnicode_IS_ASCII(self) && _PyUnicode_UTF8(self) != NULL)
        size += _PyUnicode_UTF8_LENGTH(self) + 1;
    return PyLong_FromSsize_t(size);
}

PyObject *
_PyUnicode_GetnewargsMethod(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *copy = _PyUnicode_Copy(self), *res;
    if (copy == NULL)
        return NULL;
    res = PyTuple_Pack(1, copy);
    Py_DECREF(copy);
    return res;
}


static PyNumberMethods unicode_as_number = {
    .nb_remainder = unicode_mod,
};

static PySequenceMethods unicode_as_sequence = {
    .sq_length = unicode_length,
    .sq_concat = unicode_concat_slot,
    .sq_repeat = unicode_repeat_slot,
    .sq_item = unicode_getitem,
    .sq_contains = unicode_contains_slot,
};

static PyMappingMethods unicode_as_mapping = {
    .mp_length = unicode_length,
    .mp_subscript = unicode_subscript,
};

static PyObject *unicode_iter(PyObject *seq);

static const char unicode_doc[] =
"str(object='') -> str\n"
"str(bytes_or_buffer[, encoding[, errors]]) -> str\n"
"\n"
"Create a new string object from the given object. If encoding or\n"
"errors is specified, then the object must expose a data buffer\n"
"that will be decoded using the given encoding and error handler.\n"
"Otherwise, returns the result of object.__str__() (if defined)\n"
"or repr(object).\n"
"encoding defaults to sys.getdefaultencoding().\n"
"errors defaults to 'strict'.";

PyTypeObject PyUnicode_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "str",
    .tp_basicsize = sizeof(PyCompactUnicodeObject) + sizeof(void *),
    .tp_itemsize = 0,
    .tp_dealloc = unicode_dealloc,
    .tp_repr = unicode_repr,
    .tp_as_number = &unicode_as_number,
    .tp_as_sequence = &unicode_as_sequence,
    .tp_as_mapping = &unicode_as_mapping,
    .tp_hash = unicode_hash,
    .tp_str = unicode_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_UNICODE_SUBCLASS |
                _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = unicode_doc,
    .tp_richcompare = PyUnicode_RichCompare,
    .tp_iter = unicode_iter,
    .tp_methods = _PyUnicode_Methods,
    .tp_new = unicode_new,
    .tp_free = PyObject_Free,
    .tp_vectorcall = unicode_vectorcall,
};

/* ------------------------------------------------------------------ */
/* Iterators: str_ascii_iterator (pure-ASCII strings) and str_iterator */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyObject *it_seq;      /* NULL when exhausted */
} unicodeiterobject;

PyTypeObject _PyUnicodeASCIIIter_Type;

static PyObject *
unicode_iter(PyObject *seq)
{
    unicodeiterobject *it;
    PyTypeObject *tp = PyUnicode_IS_ASCII(seq) ? &_PyUnicodeASCIIIter_Type : &PyUnicodeIter_Type;
    it = PyObject_GC_New(unicodeiterobject, tp);
    if (it == NULL)
        return NULL;
    it->it_index = 0;
    it->it_seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void
unicodeiter_dealloc(PyObject *op)
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(op);
}

static int
unicodeiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((unicodeiterobject *)op)->it_seq);
    return 0;
}

static PyObject *
unicodeiter_next(PyObject *op)
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    PyObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index < PyUnicode_GET_LENGTH(seq)) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(seq, it->it_index);
        it->it_index++;
        return _PyUnicode_Char(ch);
    }
    it->it_seq = NULL;
    Py_DECREF(seq);
    return NULL;
}

static PyObject *
unicode_ascii_iter_next(PyObject *op)
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    PyObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index < PyUnicode_GET_LENGTH(seq)) {
        Py_UCS1 ch = PyUnicode_1BYTE_DATA(seq)[it->it_index];
        it->it_index++;
        return (PyObject *)&ascii_chars[ch];
    }
    it->it_seq = NULL;
    Py_DECREF(seq);
    return NULL;
}

static PyObject *
unicodeiter_len(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    Py_ssize_t len = 0;
    if (it->it_seq)
        len = PyUnicode_GET_LENGTH(it->it_seq) - it->it_index;
    return PyLong_FromSsize_t(len);
}

static PyObject *
unicodeiter_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    PyObject *iter = PyDict_GetItemString(PyEval_GetBuiltins(), "iter");
    if (iter == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "lost builtins.iter");
        return NULL;
    }
    if (it->it_seq != NULL)
        return Py_BuildValue("O(O)n", iter, it->it_seq, it->it_index);
    PyObject *u = unicode_empty;
    return Py_BuildValue("O(O)", iter, u);
}

static PyObject *
unicodeiter_setstate(PyObject *op, PyObject *state)
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (it->it_seq != NULL) {
        if (index < 0)
            index = 0;
        else if (index > PyUnicode_GET_LENGTH(it->it_seq))
            index = PyUnicode_GET_LENGTH(it->it_seq);
        it->it_index = index;
    }
    Py_RETURN_NONE;
}

static PyMethodDef unicodeiter_methods[] = {
    {"__length_hint__", (PyCFunction)unicodeiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)unicodeiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", (PyCFunction)unicodeiter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyUnicodeIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "str_iterator",
    .tp_basicsize = sizeof(unicodeiterobject),
    .tp_dealloc = unicodeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = unicodeiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = unicodeiter_next,
    .tp_methods = unicodeiter_methods,
};

PyTypeObject _PyUnicodeASCIIIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "str_ascii_iterator",
    .tp_basicsize = sizeof(unicodeiterobject),
    .tp_dealloc = unicodeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = unicodeiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = unicode_ascii_iter_next,
    .tp_methods = unicodeiter_methods,
};

/* ------------------------------------------------------------------ */
/* _PyUnicodeWriter                                                    */
/* ------------------------------------------------------------------ */

void
_PyUnicodeWriter_Init(_PyUnicodeWriter *writer)
{
    memset(writer, 0, sizeof(*writer));
    writer->min_char = 127;
    writer->kind = 0;   /* below 1: the first Prepare allocates */
}

static inline void
writer_update(_PyUnicodeWriter *w)
{
    w->maxchar = PyUnicode_MAX_CHAR_VALUE(w->buffer);
    w->data = PyUnicode_DATA(w->buffer);
    if (!w->readonly) {
        w->kind = PyUnicode_KIND(w->buffer);
        w->size = PyUnicode_GET_LENGTH(w->buffer);
    }
    else {
        w->kind = 0;   /* force a copy on the next write */
        w->size = 0;
    }
}

static int
writer_prepare_internal(_PyUnicodeWriter *w, Py_ssize_t length, Py_UCS4 maxchar)
{
    Py_ssize_t newlen;
    PyObject *newbuf;

    if (length > PY_SSIZE_T_MAX - w->pos) {
        PyErr_NoMemory();
        return -1;
    }
    newlen = w->pos + length;
    maxchar = Py_MAX(maxchar, w->min_char);
    if (w->buffer == NULL) {
        if (w->overallocate && newlen <= (PY_SSIZE_T_MAX - newlen / 4))
            newlen += newlen / 4;
        if (newlen < w->min_length)
            newlen = w->min_length;
        w->buffer = PyUnicode_New(newlen, maxchar);
        if (w->buffer == NULL)
            return -1;
    }
    else if (newlen > w->size) {
        if (w->overallocate && newlen <= (PY_SSIZE_T_MAX - newlen / 4))
            newlen += newlen / 4;
        if (newlen < w->min_length)
            newlen = w->min_length;
        if (maxchar > w->maxchar || w->readonly) {
            newbuf = PyUnicode_New(newlen, Py_MAX(maxchar, w->maxchar));
            if (newbuf == NULL)
                return -1;
            _PyUnicode_FastCopyCharacters(newbuf, 0, w->buffer, 0, w->pos);
            Py_DECREF(w->buffer);
            w->readonly = 0;
            w->buffer = newbuf;
        }
        else if (PyUnicode_GET_LENGTH(w->buffer) == 0 || unicode_is_singleton(w->buffer)) {
            newbuf = PyUnicode_New(newlen, w->maxchar);
            if (newbuf == NULL)
                return -1;
            _PyUnicode_FastCopyCharacters(newbuf, 0, w->buffer, 0, w->pos);
            Py_SETREF(w->buffer, newbuf);
        }
        else if (_PyUnicode_ResizeOwned(&w->buffer, newlen) < 0)
            return -1;
    }
    else if (maxchar > w->maxchar) {
        newbuf = PyUnicode_New(w->size, maxchar);
        if (newbuf == NULL)
            return -1;
        _PyUnicode_FastCopyCharacters(newbuf, 0, w->buffer, 0, w->pos);
        Py_SETREF(w->buffer, newbuf);
    }
    writer_update(w);
    return 0;
}

int
_PyUnicodeWriter_Prepare(_PyUnicodeWriter *w, Py_ssize_t length, Py_UCS4 maxchar)
{
    if (length == 0)
        return 0;
    if (maxchar <= w->maxchar && length <= w->size - w->pos && w->kind != 0)
        return 0;
    return writer_prepare_internal(w, length, maxchar);
}

int
_PyUnicodeWriter_WriteChar(_PyUnicodeWriter *w, Py_UCS4 ch)
{
    if (_PyUnicodeWriter_Prepare(w, 1, ch) < 0)
        return -1;
    PyUnicode_WRITE(w->kind, w->data, w->pos, ch);
    w->pos++;
    return 0;
}

int
_PyUnicodeWriter_WriteStr(_PyUnicodeWriter *w, PyObject *str)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    Py_UCS4 maxchar;
    if (len == 0)
        return 0;
    maxchar = PyUnicode_MAX_CHAR_VALUE(str);
    if (maxchar > w->maxchar || len > w->size - w->pos || w->kind == 0) {
        if (w->buffer == NULL && !w->overallocate && PyUnicode_CheckExact(str)) {
            /* Keep a reference instead of copying: the writer may end
               up returning str itself. */
            w->readonly = 1;
            w->buffer = Py_NewRef(str);
            writer_update(w);
            w->pos += len;
            return 0;
        }
        if (writer_prepare_internal(w, len, maxchar) < 0)
            return -1;
    }
    _PyUnicode_FastCopyCharacters(w->buffer, w->pos, str, 0, len);
    w->pos += len;
    return 0;
}

int
_PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter *w, PyObject *str, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t len = end - start;
    Py_UCS4 maxchar;
    if (len <= 0)
        return 0;
    if (start == 0 && end == PyUnicode_GET_LENGTH(str))
        return _PyUnicodeWriter_WriteStr(w, str);
    if (PyUnicode_MAX_CHAR_VALUE(str) > w->maxchar)
        maxchar = _PyUnicode_FindMaxChar(str, start, end);
    else
        maxchar = w->maxchar;
    if (_PyUnicodeWriter_Prepare(w, len, maxchar) < 0)
        return -1;
    _PyUnicode_FastCopyCharacters(w->buffer, w->pos, str, start, len);
    w->pos += len;
    return 0;
}

int
_PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter *w, const char *ascii, Py_ssize_t len)
{
    if (len == -1)
        len = (Py_ssize_t)strlen(ascii);
    if (len == 0)
        return 0;
    if (_PyUnicodeWriter_Prepare(w, len, 127) < 0)
        return -1;
    if (w->kind == 1)
        memcpy((Py_UCS1 *)w->data + w->pos, ascii, (size_t)len);
    else
        for (Py_ssize_t i = 0; i < len; i++)
            PyUnicode_WRITE(w->kind, w->data, w->pos + i, (Py_UCS1)ascii[i]);
    w->pos += len;
    return 0;
}

int
_PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter *w, const char *s, Py_ssize_t len)
{
    Py_UCS4 maxchar = ucs1_maxchar((const Py_UCS1 *)s, len);
    if (len == 0)
        return 0;
    if (_PyUnicodeWriter_Prepare(w, len, maxchar) < 0)
        return -1;
    for (Py_ssize_t i = 0; i < len; i++)
        PyUnicode_WRITE(w->kind, w->data, w->pos + i, (Py_UCS1)s[i]);
    w->pos += len;
    return 0;
}

int
_PyUnicodeWriter_WriteUTF8(_PyUnicodeWriter *w, const char *s, Py_ssize_t len)
{
    PyObject *str;
    int r;
    if (ucs1_maxchar((const Py_UCS1 *)s, len) < 128)
        return _PyUnicodeWriter_WriteASCIIString(w, s, len);
    str = PyUnicode_DecodeUTF8Stateful(s, len, "replace", NULL);
    if (str == NULL)
        return -1;
    r = _PyUnicodeWriter_WriteStr(w, str);
    Py_DECREF(str);
    return r;
}

PyObject *
_PyUnicodeWriter_Finish(_PyUnicodeWriter *w)
{
    PyObject *str;
    if (w->pos == 0) {
        Py_CLEAR(w->buffer);
        return unicode_empty;
    }
    str = w->buffer;
    w->buffer = NULL;
    if (w->readonly)
        return str;
    if (w->pos == 1) {
        Py_UCS4 ch = PyUnicode_READ(PyUnicode_KIND(str), PyUnicode_DATA(str), 0);
        if (ch < 256) {
            Py_DECREF(str);
            return get_latin1_char(ch);
        }
    }
    if (PyUnicode_GET_LENGTH(str) != w->pos) {
        if (_PyUnicode_ResizeOwned(&str, w->pos) < 0) {
            Py_DECREF(str);
            return NULL;
        }
    }
    return str;
}

void
_PyUnicodeWriter_Dealloc(_PyUnicodeWriter *w)
{
    Py_CLEAR(w->buffer);
}

/* ------------------------------------------------------------------ */
/* Startup and shutdown                                                */
/* ------------------------------------------------------------------ */

int
_PyUnicode_InitGlobalObjects(void)
{
    /* The singletons are static; make sure the interned table exists so
       that the first _Py_ID does not have to grow it from nothing. */
    if (interned_table == NULL && interned_grow() < 0) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

int
_PyStrings_InitTypes(void)
{
    PyTypeObject *types[] = {
        &PyUnicode_Type, &PyUnicodeIter_Type, &_PyUnicodeASCIIIter_Type,
        &PyBytes_Type, &PyBytesIter_Type, &PyByteArray_Type, &PyByteArrayIter_Type,
    };
    _PyByteArray_PrepareMethods();
    for (size_t i = 0; i < Py_ARRAY_LENGTH(types); i++) {
        if (PyType_Ready(types[i]) < 0)
            return -1;
    }
    return 0;
}

void
_PyUnicode_Fini(void)
{
    if (interned_table == NULL)
        return;
    for (size_t i = 0; i <= interned_mask; i++) {
        PyObject *s = interned_table[i];
        if (s == NULL || unicode_is_singleton(s))
            continue;
        _PyUnicode_STATE(s).interned = 0;
        if (!PyUnicode_IS_ASCII(s) && _PyUnicode_UTF8(s) != NULL)
            PyObject_Free(_PyUnicode_UTF8(s));
        PyObject_Free(s);
    }
    for (int i = 0; i < 128; i++) {
        ascii_chars[i]._base.state.interned = 0;
        latin1_chars[i]._base._base.state.interned = 0;
    }
    unicode_empty_obj._base.state.interned = 0;
    PyMem_RawFree(interned_table);
    interned_table = NULL;
    interned_mask = 0;
    interned_used = 0;
}
