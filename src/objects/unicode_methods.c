/* unicode_methods.c -- the methods of str, and the searching primitives
 * they share (find, count, split, replace, join...).
 *
 * Searching.  Every str has the narrowest kind that holds its characters,
 * so a needle of a wider kind than the haystack cannot occur in it; a
 * narrower needle is widened once into a temporary buffer, after which
 * both sides have one kind and the search is a plain loop over arrays of
 * that width.  One-byte data goes to the C library (memchr, memrchr,
 * memmem: vectorised two-way search in glibc), which makes the common
 * ASCII case fast without an algorithm of our own.
 *
 * Results.  Methods that leave a string unchanged return the same object
 * when it is an exact str (s.strip() is s when nothing is stripped), as
 * CPython does, which keeps reference counts identical.  Substrings of
 * length 0 and 1 are the immortal singletons.  split() preallocates its
 * list exactly like CPython (a size derived from the input length, capped
 * at 12), so sys.getsizeof of the result agrees as well.
 *
 * Case mapping.  ASCII strings take a table-free byte loop.  Other strings
 * use the full Unicode mappings (one character may become up to three:
 * 'ß'.upper() == 'SS') and the final-sigma rule for capital sigma.
 */
#define _GNU_SOURCE 1   /* memmem, memrchr */
#include <string.h>
#include "pycore.h"
#include "unicode_internal.h"

#define EMPTY() _PyUnicode_GetEmpty()

/* ------------------------------------------------------------------ */
/* Argument helpers                                                    */
/* ------------------------------------------------------------------ */

int
_Py_SliceIndex(PyObject *v, Py_ssize_t *pi)
{
    if (v == Py_None)
        return 1;
    if (PyLong_CheckExact(v) && _PyLong_IsCompact((PyLongObject *)v)) {
        *pi = _PyLong_CompactValue((PyLongObject *)v);
        return 1;
    }
    if (PyIndex_Check(v)) {
        Py_ssize_t x = PyNumber_AsSsize_t(v, NULL);
        if (x == -1 && PyErr_Occurred())
            return 0;
        *pi = x;
        return 1;
    }
    PyErr_SetString(PyExc_TypeError,
                    "slice indices must be integers or None or have an __index__ method");
    return 0;
}

int
_Py_ParseFindArgs(const char *name, PyObject *const *args, Py_ssize_t nargs,
                  PyObject **sub, Py_ssize_t *start, Py_ssize_t *end)
{
    *start = 0;
    *end = PY_SSIZE_T_MAX;
    if (nargs < 1) {
        PyErr_Format(PyExc_TypeError, "%s() takes at least 1 argument (0 given)", name);
        return -1;
    }
    if (nargs > 3) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most 3 arguments (%zd given)", name, nargs);
        return -1;
    }
    *sub = args[0];
    if (nargs > 1 && !_Py_SliceIndex(args[1], start))
        return -1;
    if (nargs > 2 && !_Py_SliceIndex(args[2], end))
        return -1;
    return 0;
}

/* An integer argument converted like Argument Clinic's Py_ssize_t. */
static int
ssize_arg(PyObject *o, Py_ssize_t *out)
{
    PyObject *idx;
    if (PyLong_CheckExact(o) && _PyLong_IsCompact((PyLongObject *)o)) {
        *out = _PyLong_CompactValue((PyLongObject *)o);
        return 0;
    }
    idx = PyNumber_Index(o);
    if (idx == NULL)
        return -1;
    *out = PyLong_AsSsize_t(idx);
    Py_DECREF(idx);
    if (*out == -1 && PyErr_Occurred())
        return -1;
    return 0;
}

static int
ensure_str(PyObject *o)
{
    if (PyUnicode_Check(o))
        return 0;
    PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(o)->tp_name);
    return -1;
}

/* ------------------------------------------------------------------ */
/* Searching primitives                                                */
/* ------------------------------------------------------------------ */

/* Widen buf (kind2) to kind1 into a fresh PyMem buffer. */
static void *
widen(int kind2, const void *buf, Py_ssize_t len, int kind1)
{
    void *out = PyMem_Malloc((size_t)(len * kind1) + 1);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < len; i++)
        PyUnicode_WRITE(kind1, out, i, PyUnicode_READ(kind2, buf, i));
    return out;
}

#define DEFINE_FIND(NAME, T) \
static Py_ssize_t NAME##_find(const T *h, Py_ssize_t hl, const T *n, Py_ssize_t nl) \
{ \
    T first = n[0], last = n[nl - 1]; \
    Py_ssize_t i, lim = hl - nl; \
    for (i = 0; i <= lim; i++) { \
        if (h[i] == first && h[i + nl - 1] == last && \
            memcmp(h + i, n, (size_t)nl * sizeof(T)) == 0) \
            return i; \
    } \
    return -1; \
} \
static Py_ssize_t NAME##_rfind(const T *h, Py_ssize_t hl, const T *n, Py_ssize_t nl) \
{ \
    T first = n[0], last = n[nl - 1]; \
    Py_ssize_t i; \
    for (i = hl - nl; i >= 0; i--) { \
        if (h[i] == first && h[i + nl - 1] == last && \
            memcmp(h + i, n, (size_t)nl * sizeof(T)) == 0) \
            return i; \
    } \
    return -1; \
}
DEFINE_FIND(ucs2, Py_UCS2)
DEFINE_FIND(ucs4, Py_UCS4)

static Py_ssize_t
ucs1_rfind(const Py_UCS1 *h, Py_ssize_t hl, const Py_UCS1 *n, Py_ssize_t nl)
{
    Py_ssize_t end = hl;   /* candidate starts are < end - nl + 1 */
    if (nl == 1) {
        const Py_UCS1 *p = memrchr(h, n[0], (size_t)hl);
        return p ? p - h : -1;
    }
    while (end >= nl) {
        const Py_UCS1 *p = memrchr(h, n[0], (size_t)(end - nl + 1));
        if (p == NULL)
            return -1;
        if (memcmp(p, n, (size_t)nl) == 0)
            return p - h;
        end = (p - h) + nl - 1;
    }
    return -1;
}

Py_ssize_t
_PyUnicode_FindRaw(int kind1, const void *buf1, Py_ssize_t len1,
                   int kind2, const void *buf2, Py_ssize_t len2, int direction)
{
    void *tmp = NULL;
    Py_ssize_t r;
    if (len2 == 0)
        return direction > 0 ? 0 : len1;
    if (len2 > len1 || kind2 > kind1)
        return -1;
    if (kind1 == 1 && kind2 == 1 && len1 < 64 && direction > 0) {
        /* short haystack: a plain loop beats the library's setup cost */
        const Py_UCS1 *h = buf1, *nd = buf2;
        Py_UCS1 first = nd[0];
        for (Py_ssize_t i = 0; i <= len1 - len2; i++)
            if (h[i] == first && memcmp(h + i + 1, nd + 1, (size_t)(len2 - 1)) == 0)
                return i;
        return -1;
    }
    if (kind2 < kind1) {
        if (len2 == 1) {
            Py_UCS4 ch = PyUnicode_READ(kind2, buf2, 0);
            Py_ssize_t i;
            if (direction > 0) {
                for (i = 0; i < len1; i++)
                    if (PyUnicode_READ(kind1, buf1, i) == ch) return i;
            }
            else {
                for (i = len1 - 1; i >= 0; i--)
                    if (PyUnicode_READ(kind1, buf1, i) == ch) return i;
            }
            return -1;
        }
        tmp = widen(kind2, buf2, len2, kind1);
        if (tmp == NULL)
            return -1;   /* treated as not found; memory is nearly gone anyway */
        buf2 = tmp;
    }
    if (kind1 == PyUnicode_1BYTE_KIND) {
        if (direction > 0 && len2 <= 16) {
            /* short needle: memchr for its first byte, then compare */
            const Py_UCS1 *h = buf1, *p = h, *e = h + len1 - len2 + 1, *nd = buf2;
            r = -1;
            while (p < e) {
                p = memchr(p, nd[0], (size_t)(e - p));
                if (p == NULL)
                    break;
                if (memcmp(p + 1, nd + 1, (size_t)(len2 - 1)) == 0) {
                    r = p - h;
                    break;
                }
                p++;
            }
        }
        else if (direction > 0) {
            const void *p = memmem(buf1, (size_t)len1, buf2, (size_t)len2);
            r = p ? (const Py_UCS1 *)p - (const Py_UCS1 *)buf1 : -1;
        }
        else
            r = ucs1_rfind(buf1, len1, buf2, len2);
    }
    else if (kind1 == PyUnicode_2BYTE_KIND)
        r = direction > 0 ? ucs2_find(buf1, len1, buf2, len2) : ucs2_rfind(buf1, len1, buf2, len2);
    else
        r = direction > 0 ? ucs4_find(buf1, len1, buf2, len2) : ucs4_rfind(buf1, len1, buf2, len2);
    PyMem_Free(tmp);
    return r;
}

Py_ssize_t
_PyUnicode_CountRaw(int kind1, const void *buf1, Py_ssize_t len1,
                    int kind2, const void *buf2, Py_ssize_t len2, Py_ssize_t maxcount)
{
    Py_ssize_t count = 0, pos = 0;
    if (len2 == 0)
        return len1 + 1 < maxcount ? len1 + 1 : maxcount;
    if (len2 > len1 || kind2 > kind1)
        return 0;
    if (kind1 == 1 && kind2 == 1) {
        /* memchr for the first byte, then compare the rest */
        const Py_UCS1 *p = buf1, *e = p + len1 - len2 + 1, *nd = buf2;
        Py_UCS1 ch = nd[0];
        while (p < e && count < maxcount) {
            p = memchr(p, ch, (size_t)(e - p));
            if (p == NULL)
                break;
            if (len2 == 1 || memcmp(p + 1, nd + 1, (size_t)(len2 - 1)) == 0) {
                count++;
                p += len2;
            }
            else
                p++;
        }
        return count;
    }
    while (count < maxcount && pos <= len1 - len2) {
        Py_ssize_t r = _PyUnicode_FindRaw(kind1, (const char *)buf1 + pos * kind1, len1 - pos,
                                          kind2, buf2, len2, 1);
        if (r < 0)
            break;
        count++;
        pos += r + len2;
    }
    return count;
}

static Py_ssize_t
find_in(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int direction)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str), r;
    int kind = PyUnicode_KIND(str);
    RP_ADJUST_INDICES(start, end, len);
    if (end - start < PyUnicode_GET_LENGTH(sub))
        return -1;
    r = _PyUnicode_FindRaw(kind, (const char *)PyUnicode_DATA(str) + start * kind, end - start,
                           PyUnicode_KIND(sub), PyUnicode_DATA(sub), PyUnicode_GET_LENGTH(sub),
                           direction);
    return r < 0 ? -1 : r + start;
}

Py_ssize_t
PyUnicode_Find(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int direction)
{
    if (ensure_str(str) < 0 || ensure_str(sub) < 0)
        return -2;
    return find_in(str, sub, start, end, direction);
}

Py_ssize_t
PyUnicode_FindChar(PyObject *str, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end, int direction)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str), i;
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    if (end > len)
        end = len;
    if (start < 0 || start >= end)
        return -1;
    if (direction > 0) {
        for (i = start; i < end; i++)
            if (PyUnicode_READ(kind, data, i) == ch) return i;
    }
    else {
        for (i = end - 1; i >= start; i--)
            if (PyUnicode_READ(kind, data, i) == ch) return i;
    }
    return -1;
}

Py_ssize_t
PyUnicode_Count(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t len;
    int kind;
    if (ensure_str(str) < 0 || ensure_str(sub) < 0)
        return -1;
    len = PyUnicode_GET_LENGTH(str);
    kind = PyUnicode_KIND(str);
    RP_ADJUST_INDICES(start, end, len);
    if (end - start < PyUnicode_GET_LENGTH(sub))
        return 0;
    return _PyUnicode_CountRaw(kind, (const char *)PyUnicode_DATA(str) + start * kind, end - start,
                               PyUnicode_KIND(sub), PyUnicode_DATA(sub),
                               PyUnicode_GET_LENGTH(sub), PY_SSIZE_T_MAX);
}

int
PyUnicode_Contains(PyObject *str, PyObject *element)
{
    if (!PyUnicode_Check(element)) {
        PyErr_Format(PyExc_TypeError, "'in <string>' requires string as left operand, not %.100s",
                     Py_TYPE(element)->tp_name);
        return -1;
    }
    if (ensure_str(str) < 0)
        return -1;
    return _PyUnicode_FindRaw(PyUnicode_KIND(str), PyUnicode_DATA(str), PyUnicode_GET_LENGTH(str),
                              PyUnicode_KIND(element), PyUnicode_DATA(element),
                              PyUnicode_GET_LENGTH(element), 1) >= 0;
}

/* 1 match, 0 no match */
static int
tailmatch(PyObject *self, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int direction)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), slen = PyUnicode_GET_LENGTH(sub), off;
    int k1 = PyUnicode_KIND(self), k2 = PyUnicode_KIND(sub);
    const char *d1 = PyUnicode_DATA(self), *d2 = PyUnicode_DATA(sub);

    RP_ADJUST_INDICES(start, end, len);
    end -= slen;
    if (end < start)
        return 0;
    if (slen == 0)
        return 1;
    off = direction > 0 ? end : start;
    if (k1 == k2)
        return memcmp(d1 + off * k1, d2, (size_t)(slen * k1)) == 0;
    if (k2 > k1)
        return 0;
    for (Py_ssize_t i = 0; i < slen; i++)
        if (PyUnicode_READ(k1, d1, off + i) != PyUnicode_READ(k2, d2, i))
            return 0;
    return 1;
}

Py_ssize_t
PyUnicode_Tailmatch(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end,
                    int direction)
{
    if (ensure_str(str) < 0 || ensure_str(substr) < 0)
        return -1;
    return tailmatch(str, substr, start, end, direction);
}

/* ------------------------------------------------------------------ */
/* find / index / count / startswith / endswith                        */
/* ------------------------------------------------------------------ */

static PyObject *
do_find(PyObject *self, PyObject *const *args, Py_ssize_t nargs, const char *name,
        int direction, int raise)
{
    PyObject *sub;
    Py_ssize_t start, end, r;
    if (_Py_ParseFindArgs(name, args, nargs, &sub, &start, &end) < 0)
        return NULL;
    if (ensure_str(sub) < 0)
        return NULL;
    r = find_in(self, sub, start, end, direction);
    if (r < 0 && raise) {
        PyErr_SetString(PyExc_ValueError, "substring not found");
        return NULL;
    }
    return PyLong_FromSsize_t(r);
}

static PyObject *
unicode_find(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return do_find(self, args, nargs, "find", 1, 0); }
static PyObject *
unicode_rfind(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return do_find(self, args, nargs, "rfind", -1, 0); }
static PyObject *
unicode_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return do_find(self, args, nargs, "index", 1, 1); }
static PyObject *
unicode_rindex(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return do_find(self, args, nargs, "rindex", -1, 1); }

static PyObject *
unicode_count(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *sub;
    Py_ssize_t start, end, r;
    if (_Py_ParseFindArgs("count", args, nargs, &sub, &start, &end) < 0)
        return NULL;
    if (ensure_str(sub) < 0)
        return NULL;
    r = PyUnicode_Count(self, sub, start, end);
    if (r < 0)
        return NULL;
    return PyLong_FromSsize_t(r);
}

static PyObject *
do_startsendswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                  const char *name, int direction)
{
    PyObject *subobj;
    Py_ssize_t start, end;
    if (_Py_ParseFindArgs(name, args, nargs, &subobj, &start, &end) < 0)
        return NULL;
    if (PyTuple_Check(subobj)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(subobj); i++) {
            PyObject *sub = PyTuple_GET_ITEM(subobj, i);
            if (!PyUnicode_Check(sub)) {
                PyErr_Format(PyExc_TypeError, "tuple for %s must only contain str, not %.100s",
                             name, Py_TYPE(sub)->tp_name);
                return NULL;
            }
            if (tailmatch(self, sub, start, end, direction))
                Py_RETURN_TRUE;
        }
        Py_RETURN_FALSE;
    }
    if (!PyUnicode_Check(subobj)) {
        PyErr_Format(PyExc_TypeError, "%s first arg must be str or a tuple of str, not %.100s",
                     name, Py_TYPE(subobj)->tp_name);
        return NULL;
    }
    return PyBool_FromLong(tailmatch(self, subobj, start, end, direction));
}

static PyObject *
unicode_startswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return do_startsendswith(self, args, nargs, "startswith", -1); }
static PyObject *
unicode_endswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return do_startsendswith(self, args, nargs, "endswith", 1); }

/* ------------------------------------------------------------------ */
/* split / rsplit / splitlines / partition                             */
/* ------------------------------------------------------------------ */

#define MAX_PREALLOC 12

typedef struct {
    PyObject *list;
    Py_ssize_t count, prealloc;
} splitlist;

static int
splitlist_init(splitlist *sl, Py_ssize_t maxcount)
{
    sl->prealloc = maxcount >= MAX_PREALLOC ? MAX_PREALLOC : maxcount + 1;
    sl->count = 0;
    sl->list = PyList_New(sl->prealloc);
    return sl->list ? 0 : -1;
}

/* Steals item. */
static int
splitlist_add(splitlist *sl, PyObject *item)
{
    if (item == NULL)
        return -1;
    if (sl->count < sl->prealloc) {
        PyList_SET_ITEM(sl->list, sl->count, item);
        sl->count++;
        return 0;
    }
    if (PyList_Append(sl->list, item) < 0) {
        Py_DECREF(item);
        return -1;
    }
    Py_DECREF(item);
    sl->count++;
    return 0;
}

static PyObject *
splitlist_finish(splitlist *sl, int reverse)
{
    if (sl->count < sl->prealloc)
        Py_SET_SIZE(sl->list, sl->count);
    if (reverse && PyList_Reverse(sl->list) < 0) {
        Py_DECREF(sl->list);
        return NULL;
    }
    return sl->list;
}

static PyObject *
splitlist_error(splitlist *sl)
{
    if (sl->count < sl->prealloc)
        Py_SET_SIZE(sl->list, sl->count);
    Py_DECREF(sl->list);
    return NULL;
}

/* Whitespace test for a 1-byte character: ASCII via the table, and the
   two Latin-1 spaces U+0085 and U+00A0. */
static inline int
ucs1_isspace(Py_UCS1 c)
{
    return c < 128 ? (_Py_ascii_ctype[c] & RP_ASCII_SPACE) : (c == 0x85 || c == 0xa0);
}

static inline int
is_space(int kind, const void *data, Py_ssize_t i)
{
    if (kind == PyUnicode_1BYTE_KIND)
        return ucs1_isspace(((const Py_UCS1 *)data)[i]);
    Py_UCS4 c = PyUnicode_READ(kind, data, i);
    return Py_UNICODE_ISSPACE(c);
}

static PyObject *
split_impl(PyObject *self, PyObject *sep, Py_ssize_t maxcount, int right)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), seplen, i, j;
    int kind = PyUnicode_KIND(self), sepkind;
    const void *data = PyUnicode_DATA(self), *sepdata;
    splitlist sl;

    if (sep == NULL || sep == Py_None) {
        if (maxcount < 0)
            maxcount = (len - 1) / 2 + 1;
        if (splitlist_init(&sl, maxcount) < 0)
            return NULL;
        if (!right) {
            i = 0;
            while (maxcount-- > 0) {
                while (i < len && is_space(kind, data, i))
                    i++;
                if (i == len)
                    break;
                j = i;
                i++;
                while (i < len && !is_space(kind, data, i))
                    i++;
                if (j == 0 && i == len && PyUnicode_CheckExact(self)) {
                    if (splitlist_add(&sl, Py_NewRef(self)) < 0)
                        return splitlist_error(&sl);
                    break;
                }
                if (splitlist_add(&sl, _PyUnicode_Slice(self, j, i)) < 0)
                    return splitlist_error(&sl);
            }
            if (i < len) {
                while (i < len && is_space(kind, data, i))
                    i++;
                if (i != len && splitlist_add(&sl, _PyUnicode_Slice(self, i, len)) < 0)
                    return splitlist_error(&sl);
            }
            return splitlist_finish(&sl, 0);
        }
        i = len - 1;
        while (maxcount-- > 0) {
            while (i >= 0 && is_space(kind, data, i))
                i--;
            if (i < 0)
                break;
            j = i;
            i--;
            while (i >= 0 && !is_space(kind, data, i))
                i--;
            if (j == len - 1 && i < 0 && PyUnicode_CheckExact(self)) {
                if (splitlist_add(&sl, Py_NewRef(self)) < 0)
                    return splitlist_error(&sl);
                break;
            }
            if (splitlist_add(&sl, _PyUnicode_Slice(self, i + 1, j + 1)) < 0)
                return splitlist_error(&sl);
        }
        if (i >= 0) {
            while (i >= 0 && is_space(kind, data, i))
                i--;
            if (i >= 0 && splitlist_add(&sl, _PyUnicode_Slice(self, 0, i + 1)) < 0)
                return splitlist_error(&sl);
        }
        return splitlist_finish(&sl, 1);
    }

    if (!PyUnicode_Check(sep)) {
        PyErr_Format(PyExc_TypeError, "must be str or None, not %.100s", Py_TYPE(sep)->tp_name);
        return NULL;
    }
    seplen = PyUnicode_GET_LENGTH(sep);
    if (seplen == 0) {
        PyErr_SetString(PyExc_ValueError, "empty separator");
        return NULL;
    }
    if (maxcount < 0)
        maxcount = len / seplen + 1;
    if (splitlist_init(&sl, maxcount) < 0)
        return NULL;
    sepkind = PyUnicode_KIND(sep);
    sepdata = PyUnicode_DATA(sep);
    if (!right) {
        i = 0;
        while (maxcount-- > 0) {
            Py_ssize_t pos = _PyUnicode_FindRaw(kind, (const char *)data + i * kind, len - i,
                                                sepkind, sepdata, seplen, 1);
            if (pos < 0)
                break;
            if (splitlist_add(&sl, _PyUnicode_Slice(self, i, i + pos)) < 0)
                return splitlist_error(&sl);
            i += pos + seplen;
        }
        if (sl.count == 0 && PyUnicode_CheckExact(self)) {
            if (splitlist_add(&sl, Py_NewRef(self)) < 0)
                return splitlist_error(&sl);
        }
        else if (splitlist_add(&sl, _PyUnicode_Slice(self, i, len)) < 0)
            return splitlist_error(&sl);
        return splitlist_finish(&sl, 0);
    }
    j = len;
    while (maxcount-- > 0) {
        Py_ssize_t pos = _PyUnicode_FindRaw(kind, data, j, sepkind, sepdata, seplen, -1);
        if (pos < 0)
            break;
        if (splitlist_add(&sl, _PyUnicode_Slice(self, pos + seplen, j)) < 0)
            return splitlist_error(&sl);
        j = pos;
    }
    if (sl.count == 0 && PyUnicode_CheckExact(self)) {
        if (splitlist_add(&sl, Py_NewRef(self)) < 0)
            return splitlist_error(&sl);
    }
    else if (splitlist_add(&sl, _PyUnicode_Slice(self, 0, j)) < 0)
        return splitlist_error(&sl);
    return splitlist_finish(&sl, 1);
}

PyObject *
PyUnicode_Split(PyObject *s, PyObject *sep, Py_ssize_t maxsplit)
{
    if (ensure_str(s) < 0 || (sep != NULL && sep != Py_None && ensure_str(sep) < 0))
        return NULL;
    return split_impl(s, sep, maxsplit, 0);
}

PyObject *
PyUnicode_RSplit(PyObject *s, PyObject *sep, Py_ssize_t maxsplit)
{
    if (ensure_str(s) < 0 || (sep != NULL && sep != Py_None && ensure_str(sep) < 0))
        return NULL;
    return split_impl(s, sep, maxsplit, 1);
}

static PyObject *
split_method(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
             const char *name, int right)
{
    static const char *const kwlist[] = {"sep", "maxsplit", NULL};
    PyObject *out[2] = {NULL, NULL};
    Py_ssize_t maxsplit = -1;
    if (kwnames == NULL && nargs <= 2) {
        if (nargs > 0) out[0] = args[0];
        if (nargs > 1) out[1] = args[1];
    }
    else if (!_PyArg_ParseFast(name, args, nargs, kwnames, kwlist, 0, 0, 2, 0, out))
        return NULL;
    if (out[1] != NULL && ssize_arg(out[1], &maxsplit) < 0)
        return NULL;
    return split_impl(self, out[0], maxsplit, right);
}

static PyObject *
unicode_split(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{ return split_method(self, args, nargs, kwnames, "split", 0); }
static PyObject *
unicode_rsplit(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{ return split_method(self, args, nargs, kwnames, "rsplit", 1); }

PyObject *
PyUnicode_Splitlines(PyObject *self, int keepends)
{
    Py_ssize_t len, i, j, eol;
    int kind;
    const void *data;
    PyObject *list;

    if (ensure_str(self) < 0)
        return NULL;
    len = PyUnicode_GET_LENGTH(self);
    kind = PyUnicode_KIND(self);
    data = PyUnicode_DATA(self);
    list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (i = j = 0; i < len; ) {
        PyObject *sub;
        while (i < len) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (c < 128 ? (_Py_ascii_ctype[c] & RP_ASCII_LINEBREAK) : Py_UNICODE_ISLINEBREAK(c))
                break;
            i++;
        }
        eol = i;
        if (i < len) {
            if (PyUnicode_READ(kind, data, i) == '\r' && i + 1 < len &&
                PyUnicode_READ(kind, data, i + 1) == '\n')
                i += 2;
            else
                i++;
            if (keepends)
                eol = i;
        }
        if (j == 0 && eol == len && PyUnicode_CheckExact(self)) {
            if (PyList_Append(list, self) < 0)
                goto error;
            break;
        }
        sub = _PyUnicode_Slice(self, j, eol);
        if (sub == NULL)
            goto error;
        if (PyList_Append(list, sub) < 0) {
            Py_DECREF(sub);
            goto error;
        }
        Py_DECREF(sub);
        j = i;
    }
    return list;
error:
    Py_DECREF(list);
    return NULL;
}

static PyObject *
unicode_splitlines(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"keepends", NULL};
    PyObject *out[1] = {NULL};
    int keepends = 0;
    if (kwnames == NULL && nargs <= 1) {
        if (nargs > 0) out[0] = args[0];
    }
    else if (!_PyArg_ParseFast("splitlines", args, nargs, kwnames, kwlist, 0, 0, 1, 0, out))
        return NULL;
    if (out[0] != NULL) {
        Py_ssize_t v;
        if (ssize_arg(out[0], &v) < 0)
            return NULL;
        keepends = v != 0;
    }
    return PyUnicode_Splitlines(self, keepends);
}

static PyObject *
partition_impl(PyObject *self, PyObject *sep, int right)
{
    Py_ssize_t len, seplen, pos;
    PyObject *a, *b, *res;
    if (ensure_str(sep) < 0)
        return NULL;
    len = PyUnicode_GET_LENGTH(self);
    seplen = PyUnicode_GET_LENGTH(sep);
    if (seplen == 0) {
        PyErr_SetString(PyExc_ValueError, "empty separator");
        return NULL;
    }
    pos = _PyUnicode_FindRaw(PyUnicode_KIND(self), PyUnicode_DATA(self), len,
                             PyUnicode_KIND(sep), PyUnicode_DATA(sep), seplen, right ? -1 : 1);
    if (pos < 0) {
        PyObject *whole = _PyUnicode_ResultUnchanged(self);
        if (whole == NULL)
            return NULL;
        res = right ? PyTuple_Pack(3, EMPTY(), EMPTY(), whole)
                    : PyTuple_Pack(3, whole, EMPTY(), EMPTY());
        Py_DECREF(whole);
        return res;
    }
    a = _PyUnicode_Slice(self, 0, pos);
    b = _PyUnicode_Slice(self, pos + seplen, len);
    if (a == NULL || b == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(b);
        return NULL;
    }
    res = PyTuple_Pack(3, a, sep, b);
    Py_DECREF(a);
    Py_DECREF(b);
    return res;
}

PyObject *
PyUnicode_Partition(PyObject *s, PyObject *sep)
{
    if (ensure_str(s) < 0)
        return NULL;
    return partition_impl(s, sep, 0);
}

PyObject *
PyUnicode_RPartition(PyObject *s, PyObject *sep)
{
    if (ensure_str(s) < 0)
        return NULL;
    return partition_impl(s, sep, 1);
}

static PyObject *
unicode_partition(PyObject *self, PyObject *sep) { return partition_impl(self, sep, 0); }
static PyObject *
unicode_rpartition(PyObject *self, PyObject *sep) { return partition_impl(self, sep, 1); }

/* ------------------------------------------------------------------ */
/* join                                                                */
/* ------------------------------------------------------------------ */

PyObject *
_PyUnicode_JoinArray(PyObject *sep, PyObject *const *items, Py_ssize_t n)
{
    Py_ssize_t seplen, total = 0, i, pos;
    Py_UCS4 maxchar = 0;
    PyObject *res, *owned_sep = NULL;
    int kind, same_kind = 1;

    if (n == 0)
        return EMPTY();
    if (n == 1 && PyUnicode_CheckExact(items[0]))
        return Py_NewRef(items[0]);
    if (sep == NULL) {
        owned_sep = sep = _PyUnicode_Latin1Char(' ');
    }
    seplen = PyUnicode_GET_LENGTH(sep);
    if (seplen)
        maxchar = PyUnicode_MAX_CHAR_VALUE(sep);
    for (i = 0; i < n; i++) {
        PyObject *item = items[i];
        if (!PyUnicode_Check(item)) {
            PyErr_Format(PyExc_TypeError, "sequence item %zd: expected str instance, %.80s found",
                         i, Py_TYPE(item)->tp_name);
            return NULL;
        }
        Py_ssize_t ilen = PyUnicode_GET_LENGTH(item);
        if (ilen > PY_SSIZE_T_MAX - total)
            goto overflow;
        total += ilen;
        Py_UCS4 m = PyUnicode_MAX_CHAR_VALUE(item);
        if (m > maxchar)
            maxchar = m;
    }
    if (seplen && n > 1) {
        if (seplen > (PY_SSIZE_T_MAX - total) / (n - 1))
            goto overflow;
        total += seplen * (n - 1);
    }
    (void)owned_sep;
    res = PyUnicode_New(total, maxchar);
    if (res == NULL)
        return NULL;
    kind = PyUnicode_KIND(res);
    for (i = 0; i < n && same_kind; i++)
        if (PyUnicode_KIND(items[i]) != kind)
            same_kind = 0;
    if (seplen && PyUnicode_KIND(sep) != kind)
        same_kind = 0;
    if (same_kind) {
        char *d = PyUnicode_DATA(res);
        const char *sd = PyUnicode_DATA(sep);
        Py_ssize_t sb = seplen * kind;
        for (i = 0; i < n; i++) {
            Py_ssize_t b = PyUnicode_GET_LENGTH(items[i]) * kind;
            if (i && sb) {
                if (sb == 1)
                    *d = *sd;
                else
                    memcpy(d, sd, (size_t)sb);
                d += sb;
            }
            memcpy(d, PyUnicode_DATA(items[i]), (size_t)b);
            d += b;
        }
        return res;
    }
    pos = 0;
    for (i = 0; i < n; i++) {
        if (i && seplen) {
            _PyUnicode_FastCopyCharacters(res, pos, sep, 0, seplen);
            pos += seplen;
        }
        Py_ssize_t ilen = PyUnicode_GET_LENGTH(items[i]);
        _PyUnicode_FastCopyCharacters(res, pos, items[i], 0, ilen);
        pos += ilen;
    }
    return res;
overflow:
    PyErr_SetString(PyExc_OverflowError, "join() result is too long for a Python string");
    return NULL;
}

PyObject *
PyUnicode_Join(PyObject *sep, PyObject *seq)
{
    PyObject *fseq, *res;
    if (PyList_CheckExact(seq) || PyTuple_CheckExact(seq)) {
        /* A list can change size while items are examined: work on a
           snapshot only if it is a list (items are borrowed). */
        fseq = Py_NewRef(seq);
    }
    else {
        fseq = PySequence_Fast(seq, "can only join an iterable");
        if (fseq == NULL)
            return NULL;
    }
    if (PyList_Check(fseq)) {
        /* Hold references: a __str__-less item check cannot run Python
           code, so borrowing the list's array is safe here. */
        res = _PyUnicode_JoinArray(sep, ((PyListObject *)fseq)->ob_item, PyList_GET_SIZE(fseq));
    }
    else
        res = _PyUnicode_JoinArray(sep, _PyTuple_ITEMS(fseq), PyTuple_GET_SIZE(fseq));
    Py_DECREF(fseq);
    return res;
}

static PyObject *
unicode_join(PyObject *self, PyObject *iterable)
{
    return PyUnicode_Join(self, iterable);
}

/* ------------------------------------------------------------------ */
/* strip family                                                        */
/* ------------------------------------------------------------------ */

#define LEFTSTRIP 0
#define RIGHTSTRIP 1
#define BOTHSTRIP 2

PyObject *
_PyUnicode_XStrip(PyObject *self, int striptype, PyObject *sepobj)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), i = 0, j = len;
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);

    if (sepobj == NULL || sepobj == Py_None) {
        if (striptype != RIGHTSTRIP)
            while (i < len && is_space(kind, data, i))
                i++;
        if (striptype != LEFTSTRIP)
            while (j > i && is_space(kind, data, j - 1))
                j--;
    }
    else {
        int skind = PyUnicode_KIND(sepobj);
        const void *sdata = PyUnicode_DATA(sepobj);
        Py_ssize_t slen = PyUnicode_GET_LENGTH(sepobj);
        unsigned char ascii_set[128];
        int use_set = PyUnicode_IS_ASCII(sepobj);
        if (use_set) {
            memset(ascii_set, 0, sizeof(ascii_set));
            for (Py_ssize_t k = 0; k < slen; k++)
                ascii_set[((const Py_UCS1 *)sdata)[k]] = 1;
        }
#define IN_SET(c) (use_set ? ((c) < 128 && ascii_set[c]) : \
                   PyUnicode_FindChar(sepobj, (c), 0, slen, 1) >= 0)
        (void)skind;
        if (striptype != RIGHTSTRIP) {
            while (i < len) {
                Py_UCS4 c = PyUnicode_READ(kind, data, i);
                if (!IN_SET(c)) break;
                i++;
            }
        }
        if (striptype != LEFTSTRIP) {
            while (j > i) {
                Py_UCS4 c = PyUnicode_READ(kind, data, j - 1);
                if (!IN_SET(c)) break;
                j--;
            }
        }
#undef IN_SET
    }
    if (i == 0 && j == len)
        return _PyUnicode_ResultUnchanged(self);
    return _PyUnicode_Slice(self, i, j);
}

static PyObject *
do_argstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs, const char *name,
            int striptype)
{
    PyObject *sep = NULL;
    if (!_PyArg_CheckPositional(name, nargs, 0, 1))
        return NULL;
    if (nargs == 1) {
        sep = args[0];
        if (sep != Py_None && !PyUnicode_Check(sep)) {
            PyErr_Format(PyExc_TypeError, "%s arg must be None or str", name);
            return NULL;
        }
    }
    return _PyUnicode_XStrip(self, striptype, sep);
}

static PyObject *
unicode_strip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return do_argstrip(self, args, nargs, "strip", BOTHSTRIP); }
static PyObject *
unicode_lstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return do_argstrip(self, args, nargs, "lstrip", LEFTSTRIP); }
static PyObject *
unicode_rstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return do_argstrip(self, args, nargs, "rstrip", RIGHTSTRIP); }

/* ------------------------------------------------------------------ */
/* replace                                                             */
/* ------------------------------------------------------------------ */

PyObject *
PyUnicode_Replace(PyObject *self, PyObject *str1, PyObject *str2, Py_ssize_t maxcount)
{
    Py_ssize_t slen, len1, len2, n, i, pos, newlen;
    int skind, k1, rkind;
    const char *sdata, *d1;
    void *buf1 = NULL;
    PyObject *res;
    Py_UCS4 maxchar;

    if (ensure_str(self) < 0 || ensure_str(str1) < 0 || ensure_str(str2) < 0)
        return NULL;
    slen = PyUnicode_GET_LENGTH(self);
    len1 = PyUnicode_GET_LENGTH(str1);
    len2 = PyUnicode_GET_LENGTH(str2);
    if (maxcount < 0)
        maxcount = PY_SSIZE_T_MAX;
    if (maxcount == 0 || len1 > slen)
        return _PyUnicode_ResultUnchanged(self);
    if (str1 == str2)
        return _PyUnicode_ResultUnchanged(self);
    skind = PyUnicode_KIND(self);
    sdata = PyUnicode_DATA(self);
    k1 = PyUnicode_KIND(str1);
    d1 = PyUnicode_DATA(str1);
    if (k1 > skind)
        return _PyUnicode_ResultUnchanged(self);
    maxchar = Py_MAX(PyUnicode_MAX_CHAR_VALUE(self), PyUnicode_MAX_CHAR_VALUE(str2));

    if (len1 == 0) {
        /* insert str2 before every character and at the end */
        n = slen + 1 < maxcount ? slen + 1 : maxcount;
        if (len2 > 0 && n > (PY_SSIZE_T_MAX - slen) / len2)
            goto overflow;
        newlen = slen + n * len2;
        res = PyUnicode_New(newlen, maxchar);
        if (res == NULL)
            return NULL;
        pos = 0;
        for (i = 0; i < n; i++) {
            _PyUnicode_FastCopyCharacters(res, pos, str2, 0, len2);
            pos += len2;
            if (i < slen) {
                PyUnicode_WRITE(PyUnicode_KIND(res), PyUnicode_DATA(res), pos,
                                PyUnicode_READ(skind, sdata, i));
                pos++;
            }
        }
        if (n <= slen)
            _PyUnicode_FastCopyCharacters(res, pos, self, n, slen - n);
        return _PyUnicode_Narrow(res);
    }

    if (k1 < skind) {
        buf1 = widen(k1, d1, len1, skind);
        if (buf1 == NULL)
            return PyErr_NoMemory();
        d1 = buf1;
    }

    if (len1 == len2) {
        /* same length: copy then overwrite each match in place */
        i = _PyUnicode_FindRaw(skind, sdata, slen, skind, d1, len1, 1);
        if (i < 0) {
            PyMem_Free(buf1);
            return _PyUnicode_ResultUnchanged(self);
        }
        res = PyUnicode_New(slen, maxchar);
        if (res == NULL)
            goto error;
        rkind = PyUnicode_KIND(res);
        _PyUnicode_FastCopyCharacters(res, 0, self, 0, slen);
        n = 0;
        while (i >= 0 && n < maxcount) {
            _PyUnicode_FastCopyCharacters(res, i, str2, 0, len2);
            n++;
            pos = i + len1;
            if (pos > slen - len1)
                break;
            Py_ssize_t r = _PyUnicode_FindRaw(skind, sdata + pos * skind, slen - pos,
                                              skind, d1, len1, 1);
            i = r < 0 ? -1 : pos + r;
        }
        (void)rkind;
        PyMem_Free(buf1);
        return _PyUnicode_Narrow(res);
    }

    n = _PyUnicode_CountRaw(skind, sdata, slen, skind, d1, len1, maxcount);
    if (n == 0) {
        PyMem_Free(buf1);
        return _PyUnicode_ResultUnchanged(self);
    }
    if (len2 > len1 && (len2 - len1) > (PY_SSIZE_T_MAX - slen) / n) {
        PyMem_Free(buf1);
        goto overflow;
    }
    newlen = slen + n * (len2 - len1);
    if (newlen == 0) {
        PyMem_Free(buf1);
        return EMPTY();
    }
    res = PyUnicode_New(newlen, maxchar);
    if (res == NULL)
        goto error;
    {
        Py_ssize_t ipos = 0, opos = 0, done = 0;
        while (done < n) {
            Py_ssize_t r = _PyUnicode_FindRaw(skind, sdata + ipos * skind, slen - ipos,
                                              skind, d1, len1, 1);
            if (r < 0)
                break;
            _PyUnicode_FastCopyCharacters(res, opos, self, ipos, r);
            opos += r;
            _PyUnicode_FastCopyCharacters(res, opos, str2, 0, len2);
            opos += len2;
            ipos += r + len1;
            done++;
        }
        _PyUnicode_FastCopyCharacters(res, opos, self, ipos, slen - ipos);
    }
    PyMem_Free(buf1);
    return _PyUnicode_Narrow(res);
overflow:
    PyErr_SetString(PyExc_OverflowError, "replace string is too long");
    return NULL;
error:
    PyMem_Free(buf1);
    return NULL;
}

static PyObject *
unicode_replace(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t count = -1;
    if (!_PyArg_CheckPositional("replace", nargs, 2, 3))
        return NULL;
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "replace() argument 1 must be str, not %.50s",
                     _PyArg_TypeName(args[0]));
        return NULL;
    }
    if (!PyUnicode_Check(args[1])) {
        PyErr_Format(PyExc_TypeError, "replace() argument 2 must be str, not %.50s",
                     _PyArg_TypeName(args[1]));
        return NULL;
    }
    if (nargs == 3 && ssize_arg(args[2], &count) < 0)
        return NULL;
    return PyUnicode_Replace(self, args[0], args[1], count);
}

static PyObject *
unicode_removeprefix(PyObject *self, PyObject *prefix)
{
    if (!PyUnicode_Check(prefix)) {
        PyErr_Format(PyExc_TypeError, "removeprefix() argument must be str, not %.50s",
                     _PyArg_TypeName(prefix));
        return NULL;
    }
    if (tailmatch(self, prefix, 0, PY_SSIZE_T_MAX, -1))
        return _PyUnicode_Slice(self, PyUnicode_GET_LENGTH(prefix), PyUnicode_GET_LENGTH(self));
    return _PyUnicode_ResultUnchanged(self);
}

static PyObject *
unicode_removesuffix(PyObject *self, PyObject *suffix)
{
    if (!PyUnicode_Check(suffix)) {
        PyErr_Format(PyExc_TypeError, "removesuffix() argument must be str, not %.50s",
                     _PyArg_TypeName(suffix));
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(suffix) && tailmatch(self, suffix, 0, PY_SSIZE_T_MAX, 1))
        return _PyUnicode_Slice(self, 0, PyUnicode_GET_LENGTH(self) - PyUnicode_GET_LENGTH(suffix));
    return _PyUnicode_ResultUnchanged(self);
}

/* ------------------------------------------------------------------ */
/* Case mapping                                                        */
/* ------------------------------------------------------------------ */

enum { CASE_LOWER, CASE_UPPER, CASE_SWAP, CASE_FOLD, CASE_TITLE, CASE_CAPITALIZE };

/* SWAR case change of 8 ASCII bytes: flip bit 5 of every byte in
   [lo, hi].  All bytes are < 0x80, so the per-byte additions below
   never carry into the next byte. */
#define RP_ONES 0x0101010101010101ULL
static inline uint64_t
swar_range_mask(uint64_t w, unsigned char lo, unsigned char hi)
{
    uint64_t ge_lo = w + (0x80 - lo) * RP_ONES;
    uint64_t gt_hi = w + (0x7f - hi) * RP_ONES;
    return (ge_lo & ~gt_hi & (0x80 * RP_ONES)) >> 2;   /* 0x20 in each byte in range */
}

static PyObject *
ascii_case(PyObject *self, int op)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(self), i = 0;
    const Py_UCS1 *src = PyUnicode_1BYTE_DATA(self);
    PyObject *res = PyUnicode_New(n, 127);
    Py_UCS1 *d;
    int prev_cased = 0;
    if (res == NULL || n == 0)
        return res;
    d = PyUnicode_1BYTE_DATA(res);
    switch (op) {
    case CASE_LOWER:
    case CASE_FOLD:
    case CASE_UPPER:
    case CASE_SWAP: {
        unsigned char lo = op == CASE_UPPER ? 'a' : 'A', hi = op == CASE_UPPER ? 'z' : 'Z';
        for (; i + 8 <= n; i += 8) {
            uint64_t w;
            memcpy(&w, src + i, 8);
            if (op == CASE_SWAP)
                w ^= swar_range_mask(w, 'a', 'z') | swar_range_mask(w, 'A', 'Z');
            else
                w ^= swar_range_mask(w, lo, hi);
            memcpy(d + i, &w, 8);
        }
        for (; i < n; i++) {
            Py_UCS1 c = src[i];
            if (op == CASE_SWAP)
                d[i] = (_Py_ascii_ctype[c] & RP_ASCII_ALPHA) ? (Py_UCS1)(c ^ 0x20) : c;
            else
                d[i] = (c >= lo && c <= hi) ? (Py_UCS1)(c ^ 0x20) : c;
        }
        break;
    }
    case CASE_TITLE:
        for (i = 0; i < n; i++) {
            Py_UCS1 c = src[i];
            int up = (Py_UCS1)(c - 'A') < 26, lo = (Py_UCS1)(c - 'a') < 26;
            if (prev_cased)
                d[i] = up ? c + 32 : c;
            else
                d[i] = lo ? c - 32 : c;
            prev_cased = up || lo;
        }
        break;
    default: /* capitalize */
        d[0] = (Py_UCS1)(src[0] - (((Py_UCS1)(src[0] - 'a') < 26) << 5));
        for (i = 1; i < n; i++) {
            Py_UCS1 c = src[i];
            d[i] = (Py_UCS1)(c + (((Py_UCS1)(c - 'A') < 26) << 5));
        }
    }
    return res;
}

/* The final-sigma rule: capital sigma at position i lowers to final
   sigma when preceded by a cased letter and not followed by one (case-
   ignorable characters skipped on both sides). */
static Py_UCS4
handle_capital_sigma(int kind, const void *data, Py_ssize_t length, Py_ssize_t i)
{
    Py_ssize_t j;
    int final_sigma;
    Py_UCS4 c = 0;
    for (j = i - 1; j >= 0; j--) {
        c = PyUnicode_READ(kind, data, j);
        if (!_PyUnicode_IsCaseIgnorable(c))
            break;
    }
    final_sigma = j >= 0 && _PyUnicode_IsCased(c);
    if (final_sigma) {
        for (j = i + 1; j < length; j++) {
            c = PyUnicode_READ(kind, data, j);
            if (!_PyUnicode_IsCaseIgnorable(c))
                break;
        }
        final_sigma = j == length || !_PyUnicode_IsCased(c);
    }
    return final_sigma ? 0x3c2 : 0x3c3;
}

static int
lower_ucs4(int kind, const void *data, Py_ssize_t length, Py_ssize_t i, Py_UCS4 c, Py_UCS4 *mapped)
{
    if (c == 0x3a3) {
        mapped[0] = handle_capital_sigma(kind, data, length, i);
        return 1;
    }
    return _PyUnicode_ToLowerFull(c, mapped);
}

static PyObject *
case_map(PyObject *self, int op)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(self), i, o = 0;
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    Py_UCS4 *buf, mapped[3];
    PyObject *res;
    int prev_cased = 0;

    if (PyUnicode_IS_ASCII(self))
        return ascii_case(self, op);
    if (n > PY_SSIZE_T_MAX / (3 * (Py_ssize_t)sizeof(Py_UCS4))) {
        PyErr_SetString(PyExc_OverflowError, "string is too long");
        return NULL;
    }
    buf = PyMem_Malloc((size_t)(3 * n) * sizeof(Py_UCS4));
    if (buf == NULL)
        return PyErr_NoMemory();
    for (i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        int k;
        if (c < 128 && op != CASE_TITLE && (op != CASE_CAPITALIZE || i > 0)) {
            /* ASCII characters inside non-ASCII text */
            int up = c - 'A' < 26, lo = c - 'a' < 26;
            if ((op == CASE_LOWER || op == CASE_FOLD || op == CASE_CAPITALIZE) && up)
                c += 32;
            else if (op == CASE_UPPER && lo)
                c -= 32;
            else if (op == CASE_SWAP && (up || lo))
                c ^= 0x20;
            buf[o++] = c;
            continue;
        }
        switch (op) {
        case CASE_LOWER:
            k = lower_ucs4(kind, data, n, i, c, mapped);
            break;
        case CASE_UPPER:
            k = _PyUnicode_ToUpperFull(c, mapped);
            break;
        case CASE_FOLD:
            k = _PyUnicode_ToFoldedFull(c, mapped);
            break;
        case CASE_SWAP:
            if (_PyUnicode_IsUppercase(c))
                k = lower_ucs4(kind, data, n, i, c, mapped);
            else if (_PyUnicode_IsLowercase(c))
                k = _PyUnicode_ToUpperFull(c, mapped);
            else {
                mapped[0] = c;
                k = 1;
            }
            break;
        case CASE_TITLE:
            if (prev_cased)
                k = lower_ucs4(kind, data, n, i, c, mapped);
            else
                k = _PyUnicode_ToTitleFull(c, mapped);
            prev_cased = _PyUnicode_IsCased(c);
            break;
        default:
            if (i == 0)
                k = _PyUnicode_ToTitleFull(c, mapped);
            else
                k = lower_ucs4(kind, data, n, i, c, mapped);
        }
        for (int q = 0; q < k; q++)
            buf[o++] = mapped[q];
    }
    res = _PyUnicode_FromUCS4Fresh(buf, o);
    PyMem_Free(buf);
    return res;
}

static PyObject *unicode_lower(PyObject *self, PyObject *u) { return case_map(self, CASE_LOWER); }
static PyObject *unicode_upper(PyObject *self, PyObject *u) { return case_map(self, CASE_UPPER); }
static PyObject *unicode_swapcase(PyObject *self, PyObject *u) { return case_map(self, CASE_SWAP); }
static PyObject *unicode_casefold(PyObject *self, PyObject *u) { return case_map(self, CASE_FOLD); }
static PyObject *unicode_title(PyObject *self, PyObject *u) { return case_map(self, CASE_TITLE); }
static PyObject *unicode_capitalize(PyObject *self, PyObject *u)
{
    if (PyUnicode_GET_LENGTH(self) == 0)
        return _PyUnicode_ResultUnchanged(self);
    return case_map(self, CASE_CAPITALIZE);
}

/* ------------------------------------------------------------------ */
/* Predicates                                                          */
/* ------------------------------------------------------------------ */

#define DEFINE_ALL_PRED(NAME, ASCII_TEST, TEST) \
static PyObject *NAME(PyObject *self, PyObject *Py_UNUSED(u)) \
{ \
    Py_ssize_t n = PyUnicode_GET_LENGTH(self), i; \
    int kind = PyUnicode_KIND(self); \
    const void *data = PyUnicode_DATA(self); \
    if (n == 0) Py_RETURN_FALSE; \
    if (PyUnicode_IS_ASCII(self)) { \
        const Py_UCS1 *s = data; \
        for (i = 0; i < n; i++) { Py_UCS1 c = s[i]; if (!(ASCII_TEST)) Py_RETURN_FALSE; } \
        Py_RETURN_TRUE; \
    } \
    for (i = 0; i < n; i++) { Py_UCS4 c = PyUnicode_READ(kind, data, i); if (!(TEST)) Py_RETURN_FALSE; } \
    Py_RETURN_TRUE; \
}

DEFINE_ALL_PRED(unicode_isspace, _Py_ascii_ctype[c] & RP_ASCII_SPACE, _PyUnicode_IsWhitespace(c))
DEFINE_ALL_PRED(unicode_isalpha, _Py_ascii_ctype[c] & RP_ASCII_ALPHA, _PyUnicode_IsAlpha(c))
DEFINE_ALL_PRED(unicode_isalnum, _Py_ascii_ctype[c] & (RP_ASCII_ALPHA | RP_ASCII_DIGIT),
                _PyUnicode_IsAlnum(c))
DEFINE_ALL_PRED(unicode_isdecimal, _Py_ascii_ctype[c] & RP_ASCII_DIGIT, _PyUnicode_IsDecimalDigit(c))
DEFINE_ALL_PRED(unicode_isdigit, _Py_ascii_ctype[c] & RP_ASCII_DIGIT, _PyUnicode_IsDigit(c))
DEFINE_ALL_PRED(unicode_isnumeric, _Py_ascii_ctype[c] & RP_ASCII_DIGIT, _PyUnicode_IsNumeric(c))

static PyObject *
unicode_isprintable(PyObject *self, PyObject *Py_UNUSED(u))
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(self), i;
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    for (i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c < 128 ? (c < 32 || c == 127) : !_PyUnicode_IsPrintable(c))
            Py_RETURN_FALSE;
    }
    Py_RETURN_TRUE;
}

static PyObject *
unicode_isascii(PyObject *self, PyObject *Py_UNUSED(u))
{
    return PyBool_FromLong(PyUnicode_IS_ASCII(self));
}

static PyObject *
unicode_islower(PyObject *self, PyObject *Py_UNUSED(u))
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(self), i;
    int kind = PyUnicode_KIND(self), cased = 0;
    const void *data = PyUnicode_DATA(self);
    for (i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (_PyUnicode_IsUppercase(c) || _PyUnicode_IsTitlecase(c))
            Py_RETURN_FALSE;
        if (!cased && _PyUnicode_IsLowercase(c))
            cased = 1;
    }
    return PyBool_FromLong(cased);
}

static PyObject *
unicode_isupper(PyObject *self, PyObject *Py_UNUSED(u))
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(self), i;
    int kind = PyUnicode_KIND(self), cased = 0;
    const void *data = PyUnicode_DATA(self);
    for (i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (_PyUnicode_IsLowercase(c) || _PyUnicode_IsTitlecase(c))
            Py_RETURN_FALSE;
        if (!cased && _PyUnicode_IsUppercase(c))
            cased = 1;
    }
    return PyBool_FromLong(cased);
}

static PyObject *
unicode_istitle(PyObject *self, PyObject *Py_UNUSED(u))
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(self), i;
    int kind = PyUnicode_KIND(self), cased = 0, prev_cased = 0;
    const void *data = PyUnicode_DATA(self);
    for (i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (_PyUnicode_IsUppercase(c) || _PyUnicode_IsTitlecase(c)) {
            if (prev_cased)
                Py_RETURN_FALSE;
            prev_cased = cased = 1;
        }
        else if (_PyUnicode_IsLowercase(c)) {
            if (!prev_cased)
                Py_RETURN_FALSE;
            prev_cased = cased = 1;
        }
        else
            prev_cased = 0;
    }
    return PyBool_FromLong(cased);
}

int
PyUnicode_IsIdentifier(PyObject *self)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(self), i;
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    Py_UCS4 c;
    if (n == 0)
        return 0;
    if (PyUnicode_IS_ASCII(self)) {
        const Py_UCS1 *s = data;
        if (!((_Py_ascii_ctype[s[0]] & RP_ASCII_ALPHA) || s[0] == '_'))
            return 0;
        for (i = 1; i < n; i++)
            if (!((_Py_ascii_ctype[s[i]] & (RP_ASCII_ALPHA | RP_ASCII_DIGIT)) || s[i] == '_'))
                return 0;
        return 1;
    }
    c = PyUnicode_READ(kind, data, 0);
    if (!_PyUnicode_IsXidStart(c) && c != '_')
        return 0;
    for (i = 1; i < n; i++) {
        if (!_PyUnicode_IsXidContinue(PyUnicode_READ(kind, data, i)))
            return 0;
    }
    return 1;
}

static PyObject *
unicode_isidentifier(PyObject *self, PyObject *Py_UNUSED(u))
{
    return PyBool_FromLong(PyUnicode_IsIdentifier(self));
}

/* ------------------------------------------------------------------ */
/* Padding: center / ljust / rjust / zfill / expandtabs                */
/* ------------------------------------------------------------------ */

static PyObject *
pad(PyObject *self, Py_ssize_t left, Py_ssize_t right, Py_UCS4 fill)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(self);
    PyObject *res;
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (left == 0 && right == 0)
        return _PyUnicode_ResultUnchanged(self);
    if (left > PY_SSIZE_T_MAX - n || right > PY_SSIZE_T_MAX - (left + n)) {
        PyErr_SetString(PyExc_OverflowError, "padded string is too long");
        return NULL;
    }
    res = PyUnicode_New(left + n + right, Py_MAX(PyUnicode_MAX_CHAR_VALUE(self), fill));
    if (res == NULL)
        return NULL;
    if (left)
        PyUnicode_Fill(res, 0, left, fill);
    if (right)
        PyUnicode_Fill(res, left + n, right, fill);
    _PyUnicode_FastCopyCharacters(res, left, self, 0, n);
    return res;
}

static int
parse_width_fill(const char *name, PyObject *const *args, Py_ssize_t nargs,
                 Py_ssize_t *width, Py_UCS4 *fill)
{
    if (!_PyArg_CheckPositional(name, nargs, 1, 2))
        return -1;
    if (ssize_arg(args[0], width) < 0)
        return -1;
    *fill = ' ';
    if (nargs == 2) {
        PyObject *f = args[1];
        if (!PyUnicode_Check(f)) {
            PyErr_Format(PyExc_TypeError,
                         "The fill character must be a unicode character, not %.50s",
                         Py_TYPE(f)->tp_name);
            return -1;
        }
        if (PyUnicode_GET_LENGTH(f) != 1) {
            PyErr_SetString(PyExc_TypeError, "The fill character must be exactly one character long");
            return -1;
        }
        *fill = PyUnicode_READ_CHAR(f, 0);
    }
    return 0;
}

static PyObject *
unicode_center(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width, marg, left, n = PyUnicode_GET_LENGTH(self);
    Py_UCS4 fill;
    if (parse_width_fill("center", args, nargs, &width, &fill) < 0)
        return NULL;
    if (n >= width)
        return _PyUnicode_ResultUnchanged(self);
    marg = width - n;
    left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static PyObject *
unicode_ljust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width, n = PyUnicode_GET_LENGTH(self);
    Py_UCS4 fill;
    if (parse_width_fill("ljust", args, nargs, &width, &fill) < 0)
        return NULL;
    if (n >= width)
        return _PyUnicode_ResultUnchanged(self);
    return pad(self, 0, width - n, fill);
}

static PyObject *
unicode_rjust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width, n = PyUnicode_GET_LENGTH(self);
    Py_UCS4 fill;
    if (parse_width_fill("rjust", args, nargs, &width, &fill) < 0)
        return NULL;
    if (n >= width)
        return _PyUnicode_ResultUnchanged(self);
    return pad(self, width - n, 0, fill);
}

static PyObject *
unicode_zfill(PyObject *self, PyObject *arg)
{
    Py_ssize_t width, n = PyUnicode_GET_LENGTH(self), fill;
    PyObject *res;
    if (ssize_arg(arg, &width) < 0)
        return NULL;
    if (n >= width)
        return _PyUnicode_ResultUnchanged(self);
    fill = width - n;
    res = pad(self, fill, 0, '0');
    if (res == NULL)
        return NULL;
    if (n > 0) {
        int kind = PyUnicode_KIND(res);
        void *data = PyUnicode_DATA(res);
        Py_UCS4 c = PyUnicode_READ(kind, data, fill);
        if (c == '+' || c == '-') {
            PyUnicode_WRITE(kind, data, 0, c);
            PyUnicode_WRITE(kind, data, fill, '0');
        }
    }
    return res;
}

static PyObject *
unicode_expandtabs(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"tabsize", NULL};
    PyObject *out[1] = {NULL};
    long tabsize = 8;
    Py_ssize_t n = PyUnicode_GET_LENGTH(self), i, j, line_pos, o;
    int kind = PyUnicode_KIND(self), found = 0;
    const void *data = PyUnicode_DATA(self);
    PyObject *res;

    if (kwnames == NULL && nargs <= 1) {
        if (nargs) out[0] = args[0];
    }
    else if (!_PyArg_ParseFast("expandtabs", args, nargs, kwnames, kwlist, 0, 0, 1, 0, out))
        return NULL;
    if (out[0] != NULL) {
        PyObject *idx;
        int overflow = 0;
        if (PyFloat_Check(out[0])) {
            PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
            return NULL;
        }
        idx = PyNumber_Index(out[0]);
        if (idx == NULL)
            return NULL;
        tabsize = PyLong_AsLongAndOverflow(idx, &overflow);
        Py_DECREF(idx);
        if (overflow || tabsize > INT_MAX || tabsize < INT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
            return NULL;
        }
        if (tabsize == -1 && PyErr_Occurred())
            return NULL;
    }
    /* pass 1: size */
    j = 0;
    line_pos = 0;
    for (i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '\t') {
            found = 1;
            if (tabsize > 0) {
                Py_ssize_t incr = tabsize - (line_pos % tabsize);
                if (j > PY_SSIZE_T_MAX - incr)
                    goto overflow;
                line_pos += incr;
                j += incr;
            }
        }
        else {
            if (j > PY_SSIZE_T_MAX - 1)
                goto overflow;
            line_pos++;
            j++;
            if (c == '\n' || c == '\r')
                line_pos = 0;
        }
    }
    if (!found)
        return _PyUnicode_ResultUnchanged(self);
    res = PyUnicode_New(j, PyUnicode_MAX_CHAR_VALUE(self));
    if (res == NULL)
        return NULL;
    o = 0;
    line_pos = 0;
    int rkind = PyUnicode_KIND(res);
    void *rdata = PyUnicode_DATA(res);
    for (i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '\t') {
            if (tabsize > 0) {
                Py_ssize_t incr = tabsize - (line_pos % tabsize);
                line_pos += incr;
                for (Py_ssize_t k = 0; k < incr; k++)
                    PyUnicode_WRITE(rkind, rdata, o++, ' ');
            }
        }
        else {
            line_pos++;
            PyUnicode_WRITE(rkind, rdata, o++, c);
            if (c == '\n' || c == '\r')
                line_pos = 0;
        }
    }
    return res;
overflow:
    PyErr_SetString(PyExc_OverflowError, "new string is too long");
    return NULL;
}

/* ------------------------------------------------------------------ */
/* translate / maketrans                                               */
/* ------------------------------------------------------------------ */

/* Look up ch in the table: 1 and *res (new ref or NULL for "delete"),
   0 "keep the character", -1 error. */
static int
translate_lookup(PyObject *table, Py_UCS4 ch, PyObject **res)
{
    PyObject *key = PyLong_FromLong((long)ch), *v;
    if (key == NULL)
        return -1;
    v = PyObject_GetItem(table, key);
    Py_DECREF(key);
    if (v == NULL) {
        if (PyErr_ExceptionMatches(PyExc_LookupError)) {
            PyErr_Clear();
            return 0;
        }
        return -1;
    }
    if (v == Py_None) {
        *res = NULL;
        return 1;
    }
    if (PyLong_Check(v)) {
        long value = PyLong_AsLong(v);
        Py_DECREF(v);
        if (value == -1 && PyErr_Occurred())
            return -1;
        if (value < 0 || value > 0x10ffff) {
            PyErr_SetString(PyExc_ValueError, "character mapping must be in range(0x110000)");
            return -1;
        }
        *res = _PyUnicode_Char((Py_UCS4)value);
        return *res ? 1 : -1;
    }
    if (PyUnicode_Check(v)) {
        *res = v;
        return 1;
    }
    Py_DECREF(v);
    PyErr_SetString(PyExc_TypeError, "character mapping must return integer, None or str");
    return -1;
}

static PyObject *
unicode_translate(PyObject *self, PyObject *table)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(self), i;
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    _PyUnicodeWriter w;
    /* cache for Latin-1 characters: 0 unknown, 1 keep, 2 delete, 3 str in cache_str */
    unsigned char state[256];
    PyObject *cache_str[256];

    memset(state, 0, sizeof(state));
    _PyUnicodeWriter_Init(&w);
    w.min_length = n;
    w.overallocate = 1;
    for (i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        PyObject *r = NULL;
        int st;
        if (c < 256 && state[c]) {
            st = state[c];
            r = st == 3 ? cache_str[c] : NULL;
        }
        else {
            int k = translate_lookup(table, c, &r);
            if (k < 0)
                goto error;
            st = k == 0 ? 1 : r == NULL ? 2 : 3;
            if (c < 256) {
                state[c] = (unsigned char)st;
                if (st == 3)
                    cache_str[c] = r;   /* owned by the cache */
            }
        }
        if (st == 1) {
            if (_PyUnicodeWriter_WriteChar(&w, c) < 0)
                goto error_r;
        }
        else if (st == 3) {
            if (_PyUnicodeWriter_WriteStr(&w, r) < 0)
                goto error_r;
        }
        if (c >= 256 && r != NULL)
            Py_DECREF(r);
        continue;
    error_r:
        if (c >= 256 && r != NULL)
            Py_DECREF(r);
        goto error;
    }
    for (i = 0; i < 256; i++)
        if (state[i] == 3)
            Py_DECREF(cache_str[i]);
    return _PyUnicodeWriter_Finish(&w);
error:
    for (i = 0; i < 256; i++)
        if (state[i] == 3)
            Py_DECREF(cache_str[i]);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *
unicode_maketrans(PyObject *Py_UNUSED(null), PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *x, *y = NULL, *z = NULL, *dict, *key = NULL, *value = NULL;
    Py_ssize_t i;

    if (!_PyArg_CheckPositional("maketrans", nargs, 1, 3))
        return NULL;
    x = args[0];
    if (nargs > 1) {
        y = args[1];
        if (!PyUnicode_Check(y)) {
            PyErr_Format(PyExc_TypeError, "maketrans() argument 2 must be str, not %.50s",
                         _PyArg_TypeName(y));
            return NULL;
        }
    }
    if (nargs > 2) {
        z = args[2];
        if (!PyUnicode_Check(z)) {
            PyErr_Format(PyExc_TypeError, "maketrans() argument 3 must be str, not %.50s",
                         _PyArg_TypeName(z));
            return NULL;
        }
    }
    dict = PyDict_New();
    if (dict == NULL)
        return NULL;
    if (y != NULL) {
        if (!PyUnicode_Check(x)) {
            PyErr_SetString(PyExc_TypeError,
                            "first maketrans argument must be a string if there is a second argument");
            goto error;
        }
        if (PyUnicode_GET_LENGTH(x) != PyUnicode_GET_LENGTH(y)) {
            PyErr_SetString(PyExc_ValueError,
                            "the first two maketrans arguments must have equal length");
            goto error;
        }
        for (i = 0; i < PyUnicode_GET_LENGTH(x); i++) {
            key = PyLong_FromLong((long)PyUnicode_READ_CHAR(x, i));
            value = PyLong_FromLong((long)PyUnicode_READ_CHAR(y, i));
            if (key == NULL || value == NULL || PyDict_SetItem(dict, key, value) < 0)
                goto error;
            Py_CLEAR(key);
            Py_CLEAR(value);
        }
        if (z != NULL) {
            for (i = 0; i < PyUnicode_GET_LENGTH(z); i++) {
                key = PyLong_FromLong((long)PyUnicode_READ_CHAR(z, i));
                if (key == NULL || PyDict_SetItem(dict, key, Py_None) < 0)
                    goto error;
                Py_CLEAR(key);
            }
        }
        return dict;
    }
    if (!PyDict_CheckExact(x)) {
        PyErr_SetString(PyExc_TypeError,
                        "if you give only one argument to maketrans it must be a dict");
        goto error;
    }
    {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(x, &pos, &k, &v)) {
            if (PyUnicode_Check(k)) {
                if (PyUnicode_GET_LENGTH(k) != 1) {
                    PyErr_SetString(PyExc_ValueError,
                                    "string keys in translate table must be of length 1");
                    goto error;
                }
                key = PyLong_FromLong((long)PyUnicode_READ_CHAR(k, 0));
                if (key == NULL || PyDict_SetItem(dict, key, v) < 0)
                    goto error;
                Py_CLEAR(key);
            }
            else if (PyLong_Check(k)) {
                if (PyDict_SetItem(dict, k, v) < 0)
                    goto error;
            }
            else {
                PyErr_SetString(PyExc_TypeError, "keys in translate table must be strings or integers");
                goto error;
            }
        }
    }
    return dict;
error:
    Py_XDECREF(key);
    Py_XDECREF(value);
    Py_DECREF(dict);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* encode                                                              */
/* ------------------------------------------------------------------ */

static PyObject *
unicode_encode(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"encoding", "errors", NULL};
    PyObject *out[2] = {NULL, NULL};
    const char *encoding = NULL, *errors = NULL;
    Py_ssize_t len;

    if (kwnames == NULL && nargs <= 2) {
        if (nargs > 0) out[0] = args[0];
        if (nargs > 1) out[1] = args[1];
    }
    else if (!_PyArg_ParseFast("encode", args, nargs, kwnames, kwlist, 0, 0, 2, 0, out))
        return NULL;
    if (out[0] != NULL) {
        if (!PyUnicode_Check(out[0])) {
            PyErr_Format(PyExc_TypeError, "encode() argument 'encoding' must be str, not %.50s",
                         _PyArg_TypeName(out[0]));
            return NULL;
        }
        encoding = PyUnicode_AsUTF8AndSize(out[0], &len);
        if (encoding == NULL)
            return NULL;
        if (strlen(encoding) != (size_t)len) {
            PyErr_SetString(PyExc_ValueError, "embedded null character");
            return NULL;
        }
    }
    if (out[1] != NULL) {
        if (!PyUnicode_Check(out[1])) {
            PyErr_Format(PyExc_TypeError, "encode() argument 'errors' must be str, not %.50s",
                         _PyArg_TypeName(out[1]));
            return NULL;
        }
        errors = PyUnicode_AsUTF8AndSize(out[1], &len);
        if (errors == NULL)
            return NULL;
        if (strlen(errors) != (size_t)len) {
            PyErr_SetString(PyExc_ValueError, "embedded null character");
            return NULL;
        }
    }
    return _PyUnicode_EncodeNamed(self, encoding, errors);
}

/* ------------------------------------------------------------------ */
/* The method table                                                    */
/* ------------------------------------------------------------------ */

#define FAST(f) (PyCFunction)(void (*)(void))(f)

PyMethodDef _PyUnicode_Methods[] = {
    {"encode", FAST(unicode_encode), METH_FASTCALL | METH_KEYWORDS,
     "Encode the string using the codec registered for encoding."},
    {"replace", FAST(unicode_replace), METH_FASTCALL,
     "Return a copy with all occurrences of substring old replaced by new."},
    {"split", FAST(unicode_split), METH_FASTCALL | METH_KEYWORDS,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", FAST(unicode_rsplit), METH_FASTCALL | METH_KEYWORDS,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", (PyCFunction)unicode_join, METH_O,
     "Concatenate any number of strings."},
    {"capitalize", (PyCFunction)unicode_capitalize, METH_NOARGS,
     "Return a capitalized version of the string."},
    {"casefold", (PyCFunction)unicode_casefold, METH_NOARGS,
     "Return a version of the string suitable for caseless comparisons."},
    {"title", (PyCFunction)unicode_title, METH_NOARGS,
     "Return a version of the string where each word is titlecased."},
    {"center", FAST(unicode_center), METH_FASTCALL,
     "Return a centered string of length width."},
    {"count", FAST(unicode_count), METH_FASTCALL,
     "S.count(sub[, start[, end]]) -> int"},
    {"expandtabs", FAST(unicode_expandtabs), METH_FASTCALL | METH_KEYWORDS,
     "Return a copy where all tab characters are expanded using spaces."},
    {"find", FAST(unicode_find), METH_FASTCALL,
     "S.find(sub[, start[, end]]) -> int"},
    {"partition", (PyCFunction)unicode_partition, METH_O,
     "Partition the string into three parts using the given separator."},
    {"index", FAST(unicode_index), METH_FASTCALL,
     "S.index(sub[, start[, end]]) -> int"},
    {"ljust", FAST(unicode_ljust), METH_FASTCALL,
     "Return a left-justified string of length width."},
    {"lower", (PyCFunction)unicode_lower, METH_NOARGS,
     "Return a copy of the string converted to lowercase."},
    {"lstrip", FAST(unicode_lstrip), METH_FASTCALL,
     "Return a copy of the string with leading whitespace removed."},
    {"rfind", FAST(unicode_rfind), METH_FASTCALL,
     "S.rfind(sub[, start[, end]]) -> int"},
    {"rindex", FAST(unicode_rindex), METH_FASTCALL,
     "S.rindex(sub[, start[, end]]) -> int"},
    {"rjust", FAST(unicode_rjust), METH_FASTCALL,
     "Return a right-justified string of length width."},
    {"rstrip", FAST(unicode_rstrip), METH_FASTCALL,
     "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", (PyCFunction)unicode_rpartition, METH_O,
     "Partition the string into three parts using the given separator."},
    {"splitlines", FAST(unicode_splitlines), METH_FASTCALL | METH_KEYWORDS,
     "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", FAST(unicode_strip), METH_FASTCALL,
     "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", (PyCFunction)unicode_swapcase, METH_NOARGS,
     "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", (PyCFunction)unicode_translate, METH_O,
     "Replace each character in the string using the given translation table."},
    {"upper", (PyCFunction)unicode_upper, METH_NOARGS,
     "Return a copy of the string converted to uppercase."},
    {"startswith", FAST(unicode_startswith), METH_FASTCALL,
     "S.startswith(prefix[, start[, end]]) -> bool"},
    {"endswith", FAST(unicode_endswith), METH_FASTCALL,
     "S.endswith(suffix[, start[, end]]) -> bool"},
    {"removeprefix", (PyCFunction)unicode_removeprefix, METH_O,
     "Return a str with the given prefix string removed if present."},
    {"removesuffix", (PyCFunction)unicode_removesuffix, METH_O,
     "Return a str with the given suffix string removed if present."},
    {"isascii", (PyCFunction)unicode_isascii, METH_NOARGS,
     "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower", (PyCFunction)unicode_islower, METH_NOARGS,
     "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", (PyCFunction)unicode_isupper, METH_NOARGS,
     "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", (PyCFunction)unicode_istitle, METH_NOARGS,
     "Return True if the string is a title-cased string, False otherwise."},
    {"isspace", (PyCFunction)unicode_isspace, METH_NOARGS,
     "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", (PyCFunction)unicode_isdecimal, METH_NOARGS,
     "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", (PyCFunction)unicode_isdigit, METH_NOARGS,
     "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", (PyCFunction)unicode_isnumeric, METH_NOARGS,
     "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", (PyCFunction)unicode_isalpha, METH_NOARGS,
     "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", (PyCFunction)unicode_isalnum, METH_NOARGS,
     "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", (PyCFunction)unicode_isidentifier, METH_NOARGS,
     "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", (PyCFunction)unicode_isprintable, METH_NOARGS,
     "Return True if the string is printable, False otherwise."},
    {"zfill", (PyCFunction)unicode_zfill, METH_O,
     "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format", FAST(_PyUnicode_FormatMethod), METH_FASTCALL | METH_KEYWORDS,
     "S.format(*args, **kwargs) -> str"},
    {"format_map", (PyCFunction)_PyUnicode_FormatMap, METH_O,
     "S.format_map(mapping) -> str"},
    {"__format__", (PyCFunction)_PyUnicode_FormatDunder, METH_O,
     "Return a formatted version of the string as described by format_spec."},
    {"maketrans", FAST(unicode_maketrans), METH_FASTCALL | METH_STATIC,
     "Return a translation table usable for str.translate()."},
    {"__sizeof__", (PyCFunction)_PyUnicode_SizeofMethod, METH_NOARGS,
     "Return the size of the string in memory, in bytes."},
    {"__getnewargs__", (PyCFunction)_PyUnicode_GetnewargsMethod, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};
