/* bytes_methods.c -- the byte-string methods that bytes and bytearray
 * share, the buffer views and searching primitives behind them, and the
 * % operator for bytes.
 *
 * Every method is written once over a (pointer, length) view of `self`
 * and builds its result with the caller's type: bytes methods return
 * bytes (the same object when nothing changes and self is an exact
 * bytes, as in CPython), bytearray methods always return a new bytearray.
 * The view of a bytearray is taken only after all arguments have been
 * converted, because converting an argument (__index__, __bytes__...) can
 * run Python code that resizes the bytearray.
 *
 * "Bytes-like" arguments accept bytes, bytearray and any object with the
 * buffer protocol (memoryview...).
 */
#define _GNU_SOURCE 1   /* memmem, memrchr */
#include <string.h>
#include "pycore.h"
#include "unicode_internal.h"
#include "rp_langextras.h"   /* PyBuffer_ToContiguous */

#define PyBUF_SIMPLE 0

/* ------------------------------------------------------------------ */
/* Buffer views of bytes-like objects                                  */
/* ------------------------------------------------------------------ */

char _PyByteArray_empty_string[1] = "";

int
_Py_BytesViewTry(PyObject *obj, rp_bytesview *v)
{
    PyBufferProcs *pb;
    v->has_view = 0;
    if (PyBytes_Check(obj)) {
        v->buf = PyBytes_AS_STRING(obj);
        v->len = PyBytes_GET_SIZE(obj);
        return 0;
    }
    if (PyByteArray_Check(obj)) {
        v->buf = PyByteArray_AS_STRING(obj);
        v->len = Py_SIZE(obj);
        return 0;
    }
    pb = Py_TYPE(obj)->tp_as_buffer;
    if (pb == NULL || pb->bf_getbuffer == NULL)
        return -1;
    v->copy = NULL;
    if (pb->bf_getbuffer(obj, &v->view, PyBUF_SIMPLE) < 0) {
        /* A strided exporter (e.g. memoryview(b)[::2]) refuses a simple
           buffer: take the full description and copy it into one block,
           as CPython's bytes() does. */
        if (!PyErr_ExceptionMatches(PyExc_BufferError))
            return -2;
        PyErr_Clear();
        if (pb->bf_getbuffer(obj, &v->view, PyBUF_FULL_RO) < 0)
            return -2;
        v->has_view = 1;
        v->copy = PyMem_Malloc(v->view.len ? (size_t)v->view.len : 1);
        if (v->copy == NULL) {
            _Py_BytesViewRelease(v);
            PyErr_NoMemory();
            return -2;
        }
        if (PyBuffer_ToContiguous(v->copy, &v->view, v->view.len, 'C') < 0) {
            _Py_BytesViewRelease(v);
            return -2;
        }
        v->buf = v->copy;
        v->len = v->view.len;
        return 0;
    }
    v->has_view = 1;
    v->buf = v->view.buf;
    v->len = v->view.len;
    return 0;
}

int
_Py_BytesViewGet(PyObject *obj, rp_bytesview *v)
{
    int r = _Py_BytesViewTry(obj, v);
    if (r == -1)
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                     Py_TYPE(obj)->tp_name);
    return r < 0 ? -1 : 0;
}

void
_Py_BytesViewRelease(rp_bytesview *v)
{
    if (v->has_view) {
        PyObject *obj = v->view.obj;
        if (obj != NULL) {
            PyBufferProcs *pb = Py_TYPE(obj)->tp_as_buffer;
            if (pb != NULL && pb->bf_releasebuffer != NULL)
                pb->bf_releasebuffer(obj, &v->view);
            v->view.obj = NULL;
            Py_DECREF(obj);
        }
        v->has_view = 0;
        if (v->copy != NULL) {
            PyMem_Free(v->copy);
            v->copy = NULL;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Searching                                                           */
/* ------------------------------------------------------------------ */

Py_ssize_t
_Py_BytesFind(const char *h, Py_ssize_t hlen, const char *n, Py_ssize_t nlen, int direction)
{
    const char *p;
    if (nlen == 0)
        return direction > 0 ? 0 : hlen;
    if (nlen > hlen)
        return -1;
    if (direction > 0) {
        p = nlen == 1 ? memchr(h, (unsigned char)n[0], (size_t)hlen)
                      : memmem(h, (size_t)hlen, n, (size_t)nlen);
        return p ? p - h : -1;
    }
    if (nlen == 1) {
        p = memrchr(h, (unsigned char)n[0], (size_t)hlen);
        return p ? p - h : -1;
    }
    for (Py_ssize_t end = hlen; end >= nlen; ) {
        p = memrchr(h, (unsigned char)n[0], (size_t)(end - nlen + 1));
        if (p == NULL)
            return -1;
        if (memcmp(p, n, (size_t)nlen) == 0)
            return p - h;
        end = (p - h) + nlen - 1;
    }
    return -1;
}

Py_ssize_t
_Py_BytesCount(const char *h, Py_ssize_t hlen, const char *n, Py_ssize_t nlen)
{
    Py_ssize_t count = 0, pos = 0;
    if (nlen == 0)
        return hlen + 1;
    while (pos <= hlen - nlen) {
        Py_ssize_t r = _Py_BytesFind(h + pos, hlen - pos, n, nlen, 1);
        if (r < 0)
            break;
        count++;
        pos += r + nlen;
    }
    return count;
}

/* ------------------------------------------------------------------ */
/* Shared byte-string methods                                          */
/* ------------------------------------------------------------------ */

#define SELF_IS_BA(self) (!PyBytes_Check(self))
#define SELF_BUF(self) (PyBytes_Check(self) ? PyBytes_AS_STRING(self) : PyByteArray_AS_STRING(self))
#define SELF_LEN(self) Py_SIZE(self)

PyObject *
_Py_bytes_make(int as_bytearray, const char *s, Py_ssize_t n)
{
    if (as_bytearray)
        return PyByteArray_FromStringAndSize(s, n);
    return PyBytes_FromStringAndSize(s, n);
}

/* Result for "nothing changed". */
static PyObject *
unchanged(PyObject *self)
{
    if (PyBytes_CheckExact(self))
        return Py_NewRef(self);
    return _Py_bytes_make(SELF_IS_BA(self), SELF_BUF(self), SELF_LEN(self));
}

static PyObject *
slice_result(PyObject *self, Py_ssize_t start, Py_ssize_t end)
{
    if (start == 0 && end == SELF_LEN(self))
        return unchanged(self);
    return _Py_bytes_make(SELF_IS_BA(self), SELF_BUF(self) + start, end - start);
}

/* sub argument of find/count/index: an int byte or a bytes-like. */
typedef struct {
    rp_bytesview v;
    char byte;
} subarg;

static int
get_subarg(PyObject *arg, subarg *sa)
{
    if (PyIndex_Check(arg)) {
        Py_ssize_t ival = PyNumber_AsSsize_t(arg, NULL);
        if (ival == -1 && PyErr_Occurred())
            return -1;
        if (ival < 0 || ival > 255) {
            PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        sa->byte = (char)ival;
        sa->v.buf = &sa->byte;
        sa->v.len = 1;
        sa->v.has_view = 0;
        return 0;
    }
    int r = _Py_BytesViewTry(arg, &sa->v);
    if (r == -1)
        PyErr_Format(PyExc_TypeError, "argument should be integer or bytes-like object, not '%.200s'",
                     Py_TYPE(arg)->tp_name);
    return r < 0 ? -1 : 0;
}

static Py_ssize_t
find_internal(PyObject *self, PyObject *const *args, Py_ssize_t nargs, const char *name,
              int direction)
{
    PyObject *subobj;
    Py_ssize_t start, end, len, r;
    subarg sa;
    if (_Py_ParseFindArgs(name, args, nargs, &subobj, &start, &end) < 0)
        return -2;
    if (get_subarg(subobj, &sa) < 0)
        return -2;
    len = SELF_LEN(self);
    RP_ADJUST_INDICES(start, end, len);
    if (end - start < sa.v.len)
        r = -1;
    else {
        r = _Py_BytesFind(SELF_BUF(self) + start, end - start, sa.v.buf, sa.v.len, direction);
        if (r >= 0)
            r += start;
    }
    _Py_BytesViewRelease(&sa.v);
    return r;
}

static PyObject *
bm_find(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t r = find_internal(self, args, nargs, "find", 1);
    return r == -2 ? NULL : PyLong_FromSsize_t(r);
}
static PyObject *
bm_rfind(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t r = find_internal(self, args, nargs, "rfind", -1);
    return r == -2 ? NULL : PyLong_FromSsize_t(r);
}
static PyObject *
bm_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t r = find_internal(self, args, nargs, "index", 1);
    if (r == -1) {
        PyErr_SetString(PyExc_ValueError, "subsection not found");
        return NULL;
    }
    return r == -2 ? NULL : PyLong_FromSsize_t(r);
}
static PyObject *
bm_rindex(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t r = find_internal(self, args, nargs, "rindex", -1);
    if (r == -1) {
        PyErr_SetString(PyExc_ValueError, "subsection not found");
        return NULL;
    }
    return r == -2 ? NULL : PyLong_FromSsize_t(r);
}

static PyObject *
bm_count(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *subobj;
    Py_ssize_t start, end, len, r;
    subarg sa;
    if (_Py_ParseFindArgs("count", args, nargs, &subobj, &start, &end) < 0)
        return NULL;
    if (get_subarg(subobj, &sa) < 0)
        return NULL;
    len = SELF_LEN(self);
    RP_ADJUST_INDICES(start, end, len);
    if (end - start < sa.v.len)
        r = 0;
    else
        r = _Py_BytesCount(SELF_BUF(self) + start, end - start, sa.v.buf, sa.v.len);
    _Py_BytesViewRelease(&sa.v);
    return PyLong_FromSsize_t(r);
}

static int
tailmatch(const char *s, Py_ssize_t len, const char *sub, Py_ssize_t slen,
          Py_ssize_t start, Py_ssize_t end, int direction)
{
    RP_ADJUST_INDICES(start, end, len);
    end -= slen;
    if (end < start)
        return 0;
    if (slen == 0)
        return 1;
    return memcmp(s + (direction > 0 ? end : start), sub, (size_t)slen) == 0;
}

static PyObject *
startsendswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs, const char *name,
               int direction)
{
    PyObject *subobj;
    Py_ssize_t start, end;
    rp_bytesview v;
    int r;
    if (_Py_ParseFindArgs(name, args, nargs, &subobj, &start, &end) < 0)
        return NULL;
    if (PyTuple_Check(subobj)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(subobj); i++) {
            if (_Py_BytesViewGet(PyTuple_GET_ITEM(subobj, i), &v) < 0)
                return NULL;
            r = tailmatch(SELF_BUF(self), SELF_LEN(self), v.buf, v.len, start, end, direction);
            _Py_BytesViewRelease(&v);
            if (r)
                Py_RETURN_TRUE;
        }
        Py_RETURN_FALSE;
    }
    r = _Py_BytesViewTry(subobj, &v);
    if (r < 0) {
        if (r == -1)
            PyErr_Format(PyExc_TypeError,
                         "%s first arg must be bytes or a tuple of bytes, not %s",
                         name, Py_TYPE(subobj)->tp_name);
        return NULL;
    }
    r = tailmatch(SELF_BUF(self), SELF_LEN(self), v.buf, v.len, start, end, direction);
    _Py_BytesViewRelease(&v);
    return PyBool_FromLong(r);
}

static PyObject *
bm_startswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return startsendswith(self, args, nargs, "startswith", -1); }
static PyObject *
bm_endswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return startsendswith(self, args, nargs, "endswith", 1); }

static PyObject *
bm_removeprefix(PyObject *self, PyObject *prefix)
{
    rp_bytesview v;
    PyObject *res;
    if (_Py_BytesViewGet(prefix, &v) < 0)
        return NULL;
    if (v.len <= SELF_LEN(self) && memcmp(SELF_BUF(self), v.buf, (size_t)v.len) == 0)
        res = slice_result(self, v.len, SELF_LEN(self));
    else
        res = unchanged(self);
    _Py_BytesViewRelease(&v);
    return res;
}

static PyObject *
bm_removesuffix(PyObject *self, PyObject *suffix)
{
    rp_bytesview v;
    PyObject *res;
    Py_ssize_t n = SELF_LEN(self);
    if (_Py_BytesViewGet(suffix, &v) < 0)
        return NULL;
    if (v.len > 0 && v.len <= n && memcmp(SELF_BUF(self) + n - v.len, v.buf, (size_t)v.len) == 0)
        res = slice_result(self, 0, n - v.len);
    else
        res = unchanged(self);
    _Py_BytesViewRelease(&v);
    return res;
}

/* ---- split family ---- */

#define ISSPACE(c) (_Py_ascii_ctype[(unsigned char)(c) & 0x7f] & RP_ASCII_SPACE && !((unsigned char)(c) & 0x80))

static int
list_add(PyObject *list, Py_ssize_t *count, Py_ssize_t prealloc, PyObject *item)
{
    if (item == NULL)
        return -1;
    if (*count < prealloc) {
        PyList_SET_ITEM(list, *count, item);
        (*count)++;
        return 0;
    }
    int r = PyList_Append(list, item);
    Py_DECREF(item);
    if (r == 0)
        (*count)++;
    return r;
}

static PyObject *
split_impl(PyObject *self, PyObject *sepobj, Py_ssize_t maxcount, int right)
{
    rp_bytesview sv;
    int ba = SELF_IS_BA(self), have_sep = sepobj != NULL && sepobj != Py_None;
    Py_ssize_t prealloc, count = 0, len, i, j;
    const char *s;
    PyObject *list;

    if (have_sep) {
        if (_Py_BytesViewGet(sepobj, &sv) < 0)
            return NULL;
        if (sv.len == 0) {
            _Py_BytesViewRelease(&sv);
            PyErr_SetString(PyExc_ValueError, "empty separator");
            return NULL;
        }
    }
    if (maxcount < 0)
        maxcount = PY_SSIZE_T_MAX;
    prealloc = maxcount >= 12 ? 12 : maxcount + 1;
    list = PyList_New(prealloc);
    if (list == NULL)
        goto error;
    s = SELF_BUF(self);
    len = SELF_LEN(self);
#define ADD(a, b) do { if (list_add(list, &count, prealloc, _Py_bytes_make(ba, s + (a), (b) - (a))) < 0) goto error; } while (0)
#define ADD_SELF() do { if (list_add(list, &count, prealloc, Py_NewRef(self)) < 0) goto error; } while (0)
    if (!have_sep) {
        if (!right) {
            i = 0;
            while (maxcount-- > 0) {
                while (i < len && ISSPACE(s[i])) i++;
                if (i == len) break;
                j = i;
                i++;
                while (i < len && !ISSPACE(s[i])) i++;
                if (j == 0 && i == len && PyBytes_CheckExact(self)) {
                    ADD_SELF();
                    break;
                }
                ADD(j, i);
            }
            if (i < len) {
                while (i < len && ISSPACE(s[i])) i++;
                if (i != len)
                    ADD(i, len);
            }
        }
        else {
            i = len - 1;
            while (maxcount-- > 0) {
                while (i >= 0 && ISSPACE(s[i])) i--;
                if (i < 0) break;
                j = i;
                i--;
                while (i >= 0 && !ISSPACE(s[i])) i--;
                if (j == len - 1 && i < 0 && PyBytes_CheckExact(self)) {
                    ADD_SELF();
                    break;
                }
                ADD(i + 1, j + 1);
            }
            if (i >= 0) {
                while (i >= 0 && ISSPACE(s[i])) i--;
                if (i >= 0)
                    ADD(0, i + 1);
            }
        }
    }
    else if (!right) {
        i = 0;
        while (maxcount-- > 0) {
            Py_ssize_t pos = _Py_BytesFind(s + i, len - i, sv.buf, sv.len, 1);
            if (pos < 0) break;
            ADD(i, i + pos);
            i += pos + sv.len;
        }
        if (count == 0 && PyBytes_CheckExact(self))
            ADD_SELF();
        else
            ADD(i, len);
    }
    else {
        j = len;
        while (maxcount-- > 0) {
            Py_ssize_t pos = _Py_BytesFind(s, j, sv.buf, sv.len, -1);
            if (pos < 0) break;
            ADD(pos + sv.len, j);
            j = pos;
        }
        if (count == 0 && PyBytes_CheckExact(self))
            ADD_SELF();
        else
            ADD(0, j);
    }
#undef ADD
#undef ADD_SELF
    if (count < prealloc)
        Py_SET_SIZE(list, count);
    if (have_sep)
        _Py_BytesViewRelease(&sv);
    if (right && PyList_Reverse(list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
error:
    if (list != NULL) {
        if (count < prealloc)
            Py_SET_SIZE(list, count);
        Py_DECREF(list);
    }
    if (have_sep)
        _Py_BytesViewRelease(&sv);
    return NULL;
}

static int
parse_split_args(const char *name, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                 PyObject **sep, Py_ssize_t *maxsplit)
{
    static const char *const kwlist[] = {"sep", "maxsplit", NULL};
    PyObject *out[2] = {NULL, NULL};
    if (!_PyArg_ParseFast(name, args, nargs, kwnames, kwlist, 0, 0, 2, 0, out))
        return -1;
    *sep = out[0];
    *maxsplit = -1;
    if (out[1] != NULL) {
        PyObject *idx = PyNumber_Index(out[1]);
        if (idx == NULL)
            return -1;
        *maxsplit = PyLong_AsSsize_t(idx);
        Py_DECREF(idx);
        if (*maxsplit == -1 && PyErr_Occurred())
            return -1;
    }
    return 0;
}

static PyObject *
bm_split(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *sep;
    Py_ssize_t maxsplit;
    if (parse_split_args("split", args, nargs, kwnames, &sep, &maxsplit) < 0)
        return NULL;
    return split_impl(self, sep, maxsplit, 0);
}

static PyObject *
bm_rsplit(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *sep;
    Py_ssize_t maxsplit;
    if (parse_split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit) < 0)
        return NULL;
    return split_impl(self, sep, maxsplit, 1);
}

static PyObject *
bm_splitlines(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"keepends", NULL};
    PyObject *out[1] = {NULL}, *list;
    int keepends = 0, ba = SELF_IS_BA(self);
    Py_ssize_t i, j, eol, len;
    const char *s;
    if (!_PyArg_ParseFast("splitlines", args, nargs, kwnames, kwlist, 0, 0, 1, 0, out))
        return NULL;
    if (out[0] != NULL) {
        PyObject *idx = PyNumber_Index(out[0]);
        if (idx == NULL)
            return NULL;
        int r = PyObject_IsTrue(idx);
        Py_DECREF(idx);
        if (r < 0)
            return NULL;
        keepends = r;
    }
    list = PyList_New(0);
    if (list == NULL)
        return NULL;
    s = SELF_BUF(self);
    len = SELF_LEN(self);
    for (i = j = 0; i < len; ) {
        PyObject *sub;
        while (i < len && s[i] != '\n' && s[i] != '\r')
            i++;
        eol = i;
        if (i < len) {
            if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
                i += 2;
            else
                i++;
            if (keepends)
                eol = i;
        }
        if (j == 0 && eol == len && PyBytes_CheckExact(self)) {
            if (PyList_Append(list, self) < 0)
                goto error;
            break;
        }
        sub = _Py_bytes_make(ba, s + j, eol - j);
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
partition_impl(PyObject *self, PyObject *sepobj, int right)
{
    rp_bytesview sv;
    Py_ssize_t pos, len;
    const char *s;
    int ba = SELF_IS_BA(self);
    PyObject *a = NULL, *b = NULL, *c = NULL, *res = NULL;

    if (_Py_BytesViewGet(sepobj, &sv) < 0)
        return NULL;
    if (sv.len == 0) {
        PyErr_SetString(PyExc_ValueError, "empty separator");
        goto done;
    }
    s = SELF_BUF(self);
    len = SELF_LEN(self);
    pos = _Py_BytesFind(s, len, sv.buf, sv.len, right ? -1 : 1);
    if (pos < 0) {
        PyObject *whole = unchanged(self), *e1 = _Py_bytes_make(ba, NULL, 0),
                 *e2 = _Py_bytes_make(ba, NULL, 0);
        if (whole && e1 && e2)
            res = right ? PyTuple_Pack(3, e1, e2, whole) : PyTuple_Pack(3, whole, e1, e2);
        Py_XDECREF(whole);
        Py_XDECREF(e1);
        Py_XDECREF(e2);
        goto done;
    }
    a = _Py_bytes_make(ba, s, pos);
    if (!ba)
        b = Py_NewRef(sepobj);      /* bytes.partition returns the separator object itself */
    else
        b = _Py_bytes_make(ba, sv.buf, sv.len);
    c = _Py_bytes_make(ba, s + pos + sv.len, len - pos - sv.len);
    if (a && b && c)
        res = PyTuple_Pack(3, a, b, c);
    Py_XDECREF(a);
    Py_XDECREF(b);
    Py_XDECREF(c);
done:
    _Py_BytesViewRelease(&sv);
    return res;
}

static PyObject *bm_partition(PyObject *self, PyObject *sep) { return partition_impl(self, sep, 0); }
static PyObject *bm_rpartition(PyObject *self, PyObject *sep) { return partition_impl(self, sep, 1); }

/* ---- join ---- */

static PyObject *
bm_join(PyObject *self, PyObject *iterable)
{
    PyObject *seq, *res = NULL, **items;
    Py_ssize_t n, i, total = 0, seplen;
    rp_bytesview *views;
    int ba = SELF_IS_BA(self);
    char *d;

    seq = PySequence_Fast(iterable, "can only join an iterable");
    if (seq == NULL)
        return NULL;
    n = PySequence_Fast_GET_SIZE(seq);
    if (n == 0) {
        Py_DECREF(seq);
        return _Py_bytes_make(ba, NULL, 0);
    }
    items = PySequence_Fast_ITEMS(seq);
    if (n == 1 && !ba && PyBytes_CheckExact(items[0])) {
        res = Py_NewRef(items[0]);
        Py_DECREF(seq);
        return res;
    }
    views = PyMem_Malloc((size_t)n * sizeof(rp_bytesview));
    if (views == NULL) {
        Py_DECREF(seq);
        return PyErr_NoMemory();
    }
    for (i = 0; i < n; i++) {
        if (_Py_BytesViewTry(items[i], &views[i]) < 0) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_TypeError, "sequence item %zd: expected a bytes-like object, "
                             "%.80s found", i, Py_TYPE(items[i])->tp_name);
            goto release;
        }
        if (views[i].len > PY_SSIZE_T_MAX - total) {
            i++;
            PyErr_SetString(PyExc_OverflowError, "join() result is too long");
            goto release;
        }
        total += views[i].len;
    }
    seplen = SELF_LEN(self);
    if (seplen && (n - 1) > (PY_SSIZE_T_MAX - total) / seplen) {
        PyErr_SetString(PyExc_OverflowError, "join() result is too long");
        goto release;
    }
    total += seplen * (n - 1);
    res = _Py_bytes_make(ba, NULL, total);
    if (res == NULL)
        goto release;
    d = ba ? PyByteArray_AS_STRING(res) : PyBytes_AS_STRING(res);
    for (Py_ssize_t k = 0; k < n; k++) {
        if (k && seplen) {
            memcpy(d, SELF_BUF(self), (size_t)seplen);
            d += seplen;
        }
        memcpy(d, views[k].buf, (size_t)views[k].len);
        d += views[k].len;
    }
release:
    for (Py_ssize_t k = 0; k < i; k++)
        _Py_BytesViewRelease(&views[k]);
    PyMem_Free(views);
    Py_DECREF(seq);
    return res;
}

PyObject *
_PyBytes_Join(PyObject *sep, PyObject *iterable)
{
    return bm_join(sep, iterable);
}

/* ---- strip ---- */

static PyObject *
do_strip(PyObject *self, PyObject *const *args, Py_ssize_t nargs, const char *name, int type)
{
    rp_bytesview v;
    int have = 0;
    unsigned char set[256];
    Py_ssize_t i = 0, j, len;
    const unsigned char *s;
    PyObject *res;

    if (!_PyArg_CheckPositional(name, nargs, 0, 1))
        return NULL;
    if (nargs == 1 && args[0] != Py_None) {
        if (_Py_BytesViewGet(args[0], &v) < 0)
            return NULL;
        have = 1;
        memset(set, 0, sizeof(set));
        for (Py_ssize_t k = 0; k < v.len; k++)
            set[(unsigned char)v.buf[k]] = 1;
        _Py_BytesViewRelease(&v);
    }
    s = (const unsigned char *)SELF_BUF(self);
    len = j = SELF_LEN(self);
    if (type != 1)
        while (i < len && (have ? set[s[i]] : ISSPACE(s[i])))
            i++;
    if (type != 0)
        while (j > i && (have ? set[s[j - 1]] : ISSPACE(s[j - 1])))
            j--;
    res = slice_result(self, i, j);
    return res;
}

static PyObject *bm_strip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return do_strip(self, args, nargs, "strip", 2); }
static PyObject *bm_lstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return do_strip(self, args, nargs, "lstrip", 0); }
static PyObject *bm_rstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return do_strip(self, args, nargs, "rstrip", 1); }

/* ---- replace ---- */

static PyObject *
bm_replace(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    rp_bytesview vo, vn;
    Py_ssize_t count = -1, len, n, newlen, ipos, opos, done;
    const char *s;
    PyObject *res = NULL;
    int ba = SELF_IS_BA(self);
    char *d;

    if (!_PyArg_CheckPositional("replace", nargs, 2, 3))
        return NULL;
    if (nargs == 3) {
        PyObject *idx = PyNumber_Index(args[2]);
        if (idx == NULL)
            return NULL;
        count = PyLong_AsSsize_t(idx);
        Py_DECREF(idx);
        if (count == -1 && PyErr_Occurred())
            return NULL;
    }
    if (_Py_BytesViewGet(args[0], &vo) < 0)
        return NULL;
    if (_Py_BytesViewGet(args[1], &vn) < 0) {
        _Py_BytesViewRelease(&vo);
        return NULL;
    }
    s = SELF_BUF(self);
    len = SELF_LEN(self);
    if (count < 0)
        count = PY_SSIZE_T_MAX;
    if (count == 0 || vo.len > len || (vo.len == 0 && vn.len == 0)) {
        res = unchanged(self);
        goto done;
    }
    if (vo.len == 0) {
        n = len + 1 < count ? len + 1 : count;
        if (vn.len && n > (PY_SSIZE_T_MAX - len) / vn.len) {
            PyErr_SetString(PyExc_OverflowError, "replace bytes is too long");
            goto done;
        }
        res = _Py_bytes_make(ba, NULL, len + n * vn.len);
        if (res == NULL)
            goto done;
        d = ba ? PyByteArray_AS_STRING(res) : PyBytes_AS_STRING(res);
        for (Py_ssize_t k = 0; k < n; k++) {
            memcpy(d, vn.buf, (size_t)vn.len);
            d += vn.len;
            if (k < len)
                *d++ = s[k];
        }
        if (n <= len)
            memcpy(d, s + n, (size_t)(len - n));
        goto done;
    }
    n = 0;
    ipos = 0;
    while (n < count) {
        Py_ssize_t r = _Py_BytesFind(s + ipos, len - ipos, vo.buf, vo.len, 1);
        if (r < 0)
            break;
        n++;
        ipos += r + vo.len;
    }
    if (n == 0) {
        res = unchanged(self);
        goto done;
    }
    if (vn.len > vo.len && (vn.len - vo.len) > (PY_SSIZE_T_MAX - len) / n) {
        PyErr_SetString(PyExc_OverflowError, "replace bytes is too long");
        goto done;
    }
    newlen = len + n * (vn.len - vo.len);
    res = _Py_bytes_make(ba, NULL, newlen);
    if (res == NULL)
        goto done;
    d = ba ? PyByteArray_AS_STRING(res) : PyBytes_AS_STRING(res);
    for (ipos = opos = done = 0; done < n; done++) {
        Py_ssize_t r = _Py_BytesFind(s + ipos, len - ipos, vo.buf, vo.len, 1);
        memcpy(d + opos, s + ipos, (size_t)r);
        opos += r;
        memcpy(d + opos, vn.buf, (size_t)vn.len);
        opos += vn.len;
        ipos += r + vo.len;
    }
    memcpy(d + opos, s + ipos, (size_t)(len - ipos));
done:
    _Py_BytesViewRelease(&vo);
    _Py_BytesViewRelease(&vn);
    return res;
}

/* ---- case and classification (ASCII only) ---- */

#define B_ISLOWER(c) ((c) >= 'a' && (c) <= 'z')
#define B_ISUPPER(c) ((c) >= 'A' && (c) <= 'Z')
#define B_ISALPHA(c) (B_ISLOWER(c) || B_ISUPPER(c))
#define B_ISDIGIT(c) ((c) >= '0' && (c) <= '9')

enum { BC_LOWER, BC_UPPER, BC_SWAP, BC_TITLE, BC_CAP };

static PyObject *
bytes_case(PyObject *self, int op)
{
    Py_ssize_t n = SELF_LEN(self), i;
    int ba = SELF_IS_BA(self), prev = 0;
    PyObject *res = _Py_bytes_make(ba, NULL, n);
    const unsigned char *s;
    unsigned char *d;
    if (res == NULL)
        return NULL;
    if (n == 0)
        return res;
    s = (const unsigned char *)SELF_BUF(self);
    d = (unsigned char *)(ba ? PyByteArray_AS_STRING(res) : PyBytes_AS_STRING(res));
    for (i = 0; i < n; i++) {
        unsigned char c = s[i];
        switch (op) {
        case BC_LOWER: d[i] = B_ISUPPER(c) ? c + 32 : c; break;
        case BC_UPPER: d[i] = B_ISLOWER(c) ? c - 32 : c; break;
        case BC_SWAP: d[i] = B_ISUPPER(c) ? c + 32 : B_ISLOWER(c) ? c - 32 : c; break;
        case BC_TITLE:
            if (prev) d[i] = B_ISUPPER(c) ? c + 32 : c;
            else d[i] = B_ISLOWER(c) ? c - 32 : c;
            prev = B_ISALPHA(c);
            break;
        default:
            if (i == 0) d[i] = B_ISLOWER(c) ? c - 32 : c;
            else d[i] = B_ISUPPER(c) ? c + 32 : c;
        }
    }
    return res;
}

static PyObject *bm_lower(PyObject *self, PyObject *u) { return bytes_case(self, BC_LOWER); }
static PyObject *bm_upper(PyObject *self, PyObject *u) { return bytes_case(self, BC_UPPER); }
static PyObject *bm_swapcase(PyObject *self, PyObject *u) { return bytes_case(self, BC_SWAP); }
static PyObject *bm_title(PyObject *self, PyObject *u) { return bytes_case(self, BC_TITLE); }
static PyObject *bm_capitalize(PyObject *self, PyObject *u) { return bytes_case(self, BC_CAP); }

#define DEFINE_BPRED(NAME, TEST) \
static PyObject *NAME(PyObject *self, PyObject *Py_UNUSED(u)) \
{ \
    Py_ssize_t n = SELF_LEN(self); \
    const unsigned char *s = (const unsigned char *)SELF_BUF(self); \
    if (n == 0) Py_RETURN_FALSE; \
    for (Py_ssize_t i = 0; i < n; i++) { unsigned char c = s[i]; if (!(TEST)) Py_RETURN_FALSE; } \
    Py_RETURN_TRUE; \
}
DEFINE_BPRED(bm_isalpha, B_ISALPHA(c))
DEFINE_BPRED(bm_isdigit, B_ISDIGIT(c))
DEFINE_BPRED(bm_isalnum, B_ISALPHA(c) || B_ISDIGIT(c))
DEFINE_BPRED(bm_isspace, ISSPACE(c))

static PyObject *
bm_isascii(PyObject *self, PyObject *Py_UNUSED(u))
{
    Py_ssize_t n = SELF_LEN(self);
    const unsigned char *s = (const unsigned char *)SELF_BUF(self);
    for (Py_ssize_t i = 0; i < n; i++)
        if (s[i] & 0x80)
            Py_RETURN_FALSE;
    Py_RETURN_TRUE;
}

static PyObject *
bm_islower(PyObject *self, PyObject *Py_UNUSED(u))
{
    Py_ssize_t n = SELF_LEN(self);
    const unsigned char *s = (const unsigned char *)SELF_BUF(self);
    int cased = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (B_ISUPPER(s[i]))
            Py_RETURN_FALSE;
        if (B_ISLOWER(s[i]))
            cased = 1;
    }
    return PyBool_FromLong(cased);
}

static PyObject *
bm_isupper(PyObject *self, PyObject *Py_UNUSED(u))
{
    Py_ssize_t n = SELF_LEN(self);
    const unsigned char *s = (const unsigned char *)SELF_BUF(self);
    int cased = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (B_ISLOWER(s[i]))
            Py_RETURN_FALSE;
        if (B_ISUPPER(s[i]))
            cased = 1;
    }
    return PyBool_FromLong(cased);
}

static PyObject *
bm_istitle(PyObject *self, PyObject *Py_UNUSED(u))
{
    Py_ssize_t n = SELF_LEN(self);
    const unsigned char *s = (const unsigned char *)SELF_BUF(self);
    int cased = 0, prev = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (B_ISUPPER(c)) {
            if (prev)
                Py_RETURN_FALSE;
            prev = cased = 1;
        }
        else if (B_ISLOWER(c)) {
            if (!prev)
                Py_RETURN_FALSE;
            prev = cased = 1;
        }
        else
            prev = 0;
    }
    return PyBool_FromLong(cased);
}

/* ---- padding ---- */

static PyObject *
pad(PyObject *self, Py_ssize_t left, Py_ssize_t right, char fill)
{
    Py_ssize_t n = SELF_LEN(self);
    int ba = SELF_IS_BA(self);
    PyObject *res;
    char *d;
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (left == 0 && right == 0)
        return unchanged(self);
    if (left > PY_SSIZE_T_MAX - n || right > PY_SSIZE_T_MAX - n - left) {
        PyErr_SetString(PyExc_OverflowError, "padded string is too long");
        return NULL;
    }
    res = _Py_bytes_make(ba, NULL, left + n + right);
    if (res == NULL)
        return NULL;
    d = ba ? PyByteArray_AS_STRING(res) : PyBytes_AS_STRING(res);
    memset(d, fill, (size_t)left);
    memcpy(d + left, SELF_BUF(self), (size_t)n);
    memset(d + left + n, fill, (size_t)right);
    return res;
}

static int
width_fill(const char *name, PyObject *const *args, Py_ssize_t nargs, Py_ssize_t *width, char *fill)
{
    PyObject *idx;
    if (!_PyArg_CheckPositional(name, nargs, 1, 2))
        return -1;
    idx = PyNumber_Index(args[0]);
    if (idx == NULL)
        return -1;
    *width = PyLong_AsSsize_t(idx);
    Py_DECREF(idx);
    if (*width == -1 && PyErr_Occurred())
        return -1;
    *fill = ' ';
    if (nargs == 2) {
        PyObject *f = args[1];
        if (PyBytes_Check(f) && PyBytes_GET_SIZE(f) == 1)
            *fill = PyBytes_AS_STRING(f)[0];
        else if (PyByteArray_Check(f) && Py_SIZE(f) == 1)
            *fill = PyByteArray_AS_STRING(f)[0];
        else {
            PyErr_Format(PyExc_TypeError, "%s() argument 2 must be a byte string of length 1, not %.50s",
                         name, Py_TYPE(f)->tp_name);
            return -1;
        }
    }
    return 0;
}

static PyObject *
bm_center(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width, marg, left, n;
    char fill;
    if (width_fill("center", args, nargs, &width, &fill) < 0)
        return NULL;
    n = SELF_LEN(self);
    if (n >= width)
        return unchanged(self);
    marg = width - n;
    left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static PyObject *
bm_ljust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width;
    char fill;
    if (width_fill("ljust", args, nargs, &width, &fill) < 0)
        return NULL;
    if (SELF_LEN(self) >= width)
        return unchanged(self);
    return pad(self, 0, width - SELF_LEN(self), fill);
}

static PyObject *
bm_rjust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width;
    char fill;
    if (width_fill("rjust", args, nargs, &width, &fill) < 0)
        return NULL;
    if (SELF_LEN(self) >= width)
        return unchanged(self);
    return pad(self, width - SELF_LEN(self), 0, fill);
}

static PyObject *
bm_zfill(PyObject *self, PyObject *arg)
{
    Py_ssize_t width, fill, n;
    PyObject *idx = PyNumber_Index(arg), *res;
    if (idx == NULL)
        return NULL;
    width = PyLong_AsSsize_t(idx);
    Py_DECREF(idx);
    if (width == -1 && PyErr_Occurred())
        return NULL;
    n = SELF_LEN(self);
    if (n >= width)
        return unchanged(self);
    fill = width - n;
    res = pad(self, fill, 0, '0');
    if (res == NULL)
        return NULL;
    if (n > 0) {
        char *d = SELF_IS_BA(self) ? PyByteArray_AS_STRING(res) : PyBytes_AS_STRING(res);
        if (d[fill] == '+' || d[fill] == '-') {
            d[0] = d[fill];
            d[fill] = '0';
        }
    }
    return res;
}

static PyObject *
bm_expandtabs(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"tabsize", NULL};
    PyObject *out[1] = {NULL}, *res;
    long tabsize = 8;
    Py_ssize_t i, j = 0, col = 0, n;
    const char *s;
    char *d;
    int ba = SELF_IS_BA(self);

    if (!_PyArg_ParseFast("expandtabs", args, nargs, kwnames, kwlist, 0, 0, 1, 0, out))
        return NULL;
    if (out[0] != NULL) {
        int overflow;
        PyObject *idx;
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
    }
    s = SELF_BUF(self);
    n = SELF_LEN(self);
    for (i = 0; i < n; i++) {
        if (s[i] == '\t') {
            if (tabsize > 0) {
                Py_ssize_t incr = tabsize - (col % tabsize);
                if (j > PY_SSIZE_T_MAX - incr)
                    goto overflow;
                col += incr;
                j += incr;
            }
        }
        else {
            if (j > PY_SSIZE_T_MAX - 1)
                goto overflow;
            j++;
            col++;
            if (s[i] == '\n' || s[i] == '\r')
                col = 0;
        }
    }
    res = _Py_bytes_make(ba, NULL, j);
    if (res == NULL)
        return NULL;
    d = ba ? PyByteArray_AS_STRING(res) : PyBytes_AS_STRING(res);
    col = 0;
    for (i = 0; i < n; i++) {
        if (s[i] == '\t') {
            if (tabsize > 0) {
                Py_ssize_t incr = tabsize - (col % tabsize);
                col += incr;
                memset(d, ' ', (size_t)incr);
                d += incr;
            }
        }
        else {
            col++;
            *d++ = s[i];
            if (s[i] == '\n' || s[i] == '\r')
                col = 0;
        }
    }
    return res;
overflow:
    PyErr_SetString(PyExc_OverflowError, "result too long");
    return NULL;
}

/* ---- translate / maketrans ---- */

static PyObject *
bm_translate(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"", "delete", NULL};
    PyObject *out[2] = {NULL, NULL}, *res = NULL;
    rp_bytesview tv, dv;
    int have_table = 0, have_del = 0, ba = SELF_IS_BA(self), changed = 0;
    unsigned char del[256];
    const unsigned char *table = NULL, *s;
    Py_ssize_t n, i, o;
    unsigned char *d;

    if (!_PyArg_ParseFast("translate", args, nargs, kwnames, kwlist, 1, 1, 2, 0, out))
        return NULL;
    if (out[0] != Py_None) {
        if (_Py_BytesViewGet(out[0], &tv) < 0)
            return NULL;
        have_table = 1;
        if (tv.len != 256) {
            PyErr_SetString(PyExc_ValueError, "translation table must be 256 characters long");
            goto done;
        }
        table = (const unsigned char *)tv.buf;
    }
    memset(del, 0, sizeof(del));
    if (out[1] != NULL) {
        if (_Py_BytesViewGet(out[1], &dv) < 0)
            goto done;
        have_del = 1;
        for (i = 0; i < dv.len; i++) {
            del[(unsigned char)dv.buf[i]] = 1;
        }
    }
    s = (const unsigned char *)SELF_BUF(self);
    n = SELF_LEN(self);
    res = _Py_bytes_make(ba, NULL, n);
    if (res == NULL)
        goto done;
    d = (unsigned char *)(ba ? PyByteArray_AS_STRING(res) : PyBytes_AS_STRING(res));
    for (i = o = 0; i < n; i++) {
        unsigned char c = s[i];
        if (del[c]) {
            changed = 1;
            continue;
        }
        unsigned char t = table ? table[c] : c;
        if (t != c)
            changed = 1;
        d[o++] = t;
    }
    if (!changed && !ba && PyBytes_CheckExact(self)) {
        Py_SETREF(res, Py_NewRef(self));
        goto done;
    }
    if (o != n) {
        if (ba) {
            if (PyByteArray_Resize(res, o) < 0)
                Py_CLEAR(res);
        }
        else if (o <= 1) {
            PyObject *r2 = PyBytes_FromStringAndSize((const char *)d, o);
            Py_SETREF(res, r2);
        }
        else
            _PyBytes_Resize(&res, o);
    }
done:
    if (have_table)
        _Py_BytesViewRelease(&tv);
    if (have_del)
        _Py_BytesViewRelease(&dv);
    return res;
}

static PyObject *
bm_maketrans(PyObject *Py_UNUSED(null), PyObject *const *args, Py_ssize_t nargs)
{
    rp_bytesview f, t;
    PyObject *res = NULL;
    if (!_PyArg_CheckPositional("maketrans", nargs, 2, 2))
        return NULL;
    if (_Py_BytesViewGet(args[0], &f) < 0)
        return NULL;
    if (_Py_BytesViewGet(args[1], &t) < 0) {
        _Py_BytesViewRelease(&f);
        return NULL;
    }
    if (f.len != t.len) {
        PyErr_SetString(PyExc_ValueError, "maketrans arguments must have same length");
        goto done;
    }
    res = PyBytes_FromStringAndSize(NULL, 256);
    if (res == NULL)
        goto done;
    char *d = PyBytes_AS_STRING(res);
    for (int i = 0; i < 256; i++)
        d[i] = (char)i;
    for (Py_ssize_t i = 0; i < f.len; i++)
        d[(unsigned char)f.buf[i]] = t.buf[i];
done:
    _Py_BytesViewRelease(&f);
    _Py_BytesViewRelease(&t);
    return res;
}

/* ---- hex / fromhex / decode ---- */

PyObject *
_Py_bytes_hex(const char *s, Py_ssize_t n, PyObject *const *args, Py_ssize_t nargs,
              PyObject *kwnames)
{
    static const char *const kwlist[] = {"sep", "bytes_per_sep", NULL};
    static const char hex[] = "0123456789abcdef";
    PyObject *out[2] = {NULL, NULL}, *res;
    Py_UCS1 sepch = 0;
    long group = 1;
    Py_ssize_t outlen, i, o, nsep = 0;
    Py_UCS1 *d;

    if (!_PyArg_ParseFast("hex", args, nargs, kwnames, kwlist, 0, 0, 2, 0, out))
        return NULL;
    if (out[0] != NULL) {
        Py_ssize_t seplen = PyObject_Length(out[0]);
        if (seplen < 0)
            return NULL;
        if (seplen != 1) {
            PyErr_SetString(PyExc_ValueError, "sep must be length 1.");
            return NULL;
        }
        if (PyUnicode_Check(out[0])) {
            Py_UCS4 c = PyUnicode_READ_CHAR(out[0], 0);
            if (c > 127) {
                PyErr_SetString(PyExc_ValueError, "sep must be ASCII.");
                return NULL;
            }
            sepch = (Py_UCS1)c;
        }
        else if (PyBytes_Check(out[0])) {
            sepch = (Py_UCS1)PyBytes_AS_STRING(out[0])[0];
            if (sepch > 127) {
                PyErr_SetString(PyExc_ValueError, "sep must be ASCII.");
                return NULL;
            }
        }
        else {
            PyErr_SetString(PyExc_TypeError, "sep must be str or bytes.");
            return NULL;
        }
        if (out[1] != NULL) {
            group = PyLong_AsLong(out[1]);
            if (group == -1 && PyErr_Occurred())
                return NULL;
        }
    }
    else if (out[1] != NULL) {
        group = PyLong_AsLong(out[1]);
        if (group == -1 && PyErr_Occurred())
            return NULL;
    }
    if (n == 0)
        return _PyUnicode_GetEmpty();
    long absgroup = group < 0 ? -group : group;
    if (sepch && absgroup > 0 && absgroup < n)
        nsep = (n - 1) / absgroup;
    if (n > (PY_SSIZE_T_MAX - nsep) / 2)
        return PyErr_NoMemory();
    outlen = n * 2 + nsep;
    res = PyUnicode_New(outlen, 127);
    if (res == NULL)
        return NULL;
    d = PyUnicode_1BYTE_DATA(res);
    if (nsep == 0) {
        for (i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            d[2 * i] = (Py_UCS1)hex[c >> 4];
            d[2 * i + 1] = (Py_UCS1)hex[c & 15];
        }
        return res;
    }
    o = 0;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        /* a separator goes before byte i when it starts a new group */
        if (i > 0) {
            Py_ssize_t pos = group > 0 ? n - i : i;   /* bytes to the right / left */
            if (pos % absgroup == 0)
                d[o++] = sepch;
        }
        d[o++] = (Py_UCS1)hex[c >> 4];
        d[o++] = (Py_UCS1)hex[c & 15];
    }
    return res;
}

static PyObject *
bm_hex(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return _Py_bytes_hex(SELF_BUF(self), SELF_LEN(self), args, nargs, kwnames);
}

static int
hexval(Py_UCS4 c)
{
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return -1;
}

PyObject *
_Py_bytes_fromhex(PyObject *string, int as_bytearray)
{
    Py_ssize_t n, i = 0, o = 0;
    char *buf;
    PyObject *res;
    if (!PyUnicode_Check(string)) {
        PyErr_Format(PyExc_TypeError, "fromhex() argument must be str, not %.50s",
                     Py_TYPE(string)->tp_name);
        return NULL;
    }
    n = PyUnicode_GET_LENGTH(string);
    buf = PyMem_Malloc((size_t)(n / 2 + 1));
    if (buf == NULL)
        return PyErr_NoMemory();
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ_CHAR(string, i);
        if (c < 128 && (_Py_ascii_ctype[c] & RP_ASCII_SPACE)) {
            i++;
            continue;
        }
        int top = hexval(c), bot;
        if (top < 0)
            goto invalid;
        if (i + 1 >= n) {
            i++;
            goto invalid;
        }
        bot = hexval(PyUnicode_READ_CHAR(string, i + 1));
        if (bot < 0) {
            i++;
            goto invalid;
        }
        buf[o++] = (char)((top << 4) | bot);
        i += 2;
    }
    res = _Py_bytes_make(as_bytearray, buf, o);
    PyMem_Free(buf);
    return res;
invalid:
    PyMem_Free(buf);
    PyErr_Format(PyExc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zd", i);
    return NULL;
}

static PyObject *
bm_fromhex(PyObject *type, PyObject *string)
{
    int ba = (PyTypeObject *)type == &PyByteArray_Type ||
             PyType_IsSubtype((PyTypeObject *)type, &PyByteArray_Type);
    PyObject *res = _Py_bytes_fromhex(string, ba);
    if (res != NULL && type != (PyObject *)(ba ? &PyByteArray_Type : &PyBytes_Type))
        Py_SETREF(res, PyObject_CallOneArg(type, res));
    return res;
}

PyObject *
_Py_bytes_decode(const char *s, Py_ssize_t n, PyObject *const *args, Py_ssize_t nargs,
                 PyObject *kwnames)
{
    static const char *const kwlist[] = {"encoding", "errors", NULL};
    PyObject *out[2] = {NULL, NULL};
    const char *enc = NULL, *err = NULL;
    if (!_PyArg_ParseFast("decode", args, nargs, kwnames, kwlist, 0, 0, 2, 0, out))
        return NULL;
    if (out[0] != NULL) {
        if (!PyUnicode_Check(out[0])) {
            PyErr_Format(PyExc_TypeError, "decode() argument 'encoding' must be str, not %.50s",
                         Py_TYPE(out[0])->tp_name);
            return NULL;
        }
        if ((enc = PyUnicode_AsUTF8(out[0])) == NULL)
            return NULL;
    }
    if (out[1] != NULL) {
        if (!PyUnicode_Check(out[1])) {
            PyErr_Format(PyExc_TypeError, "decode() argument 'errors' must be str, not %.50s",
                         Py_TYPE(out[1])->tp_name);
            return NULL;
        }
        if ((err = PyUnicode_AsUTF8(out[1])) == NULL)
            return NULL;
    }
    return PyUnicode_Decode(s, n, enc, err);
}

static PyObject *
bm_decode(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return _Py_bytes_decode(SELF_BUF(self), SELF_LEN(self), args, nargs, kwnames);
}

/* ------------------------------------------------------------------ */
/* bytes % args                                                        */
/* ------------------------------------------------------------------ */

/* The bytes form of one %s/%b argument: new bytes or NULL. */
static PyObject *
format_obj_bytes(PyObject *v)
{
    rp_bytesview bv;
    PyObject *res;
    int r;
    if (PyBytes_Check(v))
        return Py_NewRef(v);
    r = _Py_BytesViewTry(v, &bv);
    if (r == 0) {
        res = PyBytes_FromStringAndSize(bv.buf, bv.len);
        _Py_BytesViewRelease(&bv);
        return res;
    }
    if (r == -2)
        return NULL;
    if (_PyBytes_CallDunderBytes(v, &res))
        return res;
    PyErr_Format(PyExc_TypeError, "%%b requires a bytes-like object, or an object that "
                 "implements __bytes__, not '%.100s'", Py_TYPE(v)->tp_name);
    return NULL;
}

PyObject *
_PyBytes_FormatEx(const char *fmt, Py_ssize_t flen, PyObject *args, int as_bytearray)
{
    Py_ssize_t pos = 0, arglen, argidx;
    PyObject *dict = NULL, *owned = NULL, *argsrc = args, *res = NULL;
    char *out;
    Py_ssize_t olen = 0, ocap = flen + 100;

    if (PyTuple_Check(args)) {
        arglen = PyTuple_GET_SIZE(args);
        argidx = 0;
    }
    else {
        arglen = -1;
        argidx = -2;
    }
    if (Py_TYPE(args)->tp_as_mapping && Py_TYPE(args)->tp_as_mapping->mp_subscript &&
        !PyTuple_Check(args) && !PyBytes_Check(args) && !PyUnicode_Check(args) &&
        !PyByteArray_Check(args))
        dict = args;
    out = PyMem_Malloc((size_t)ocap);
    if (out == NULL)
        return PyErr_NoMemory();
#define ENSURE(extra) do { if (olen + (extra) > ocap) { \
        Py_ssize_t nc = Py_MAX(ocap * 2, olen + (extra)); char *nb = PyMem_Realloc(out, (size_t)nc); \
        if (nb == NULL) { PyErr_NoMemory(); goto error; } out = nb; ocap = nc; } } while (0)
#define NEXTARG(dst) do { if (argidx < arglen) { argidx++; \
        (dst) = arglen < 0 ? argsrc : PyTuple_GET_ITEM(argsrc, argidx - 1); } else { \
        PyErr_SetString(PyExc_TypeError, "not enough arguments for format string"); goto error; } } while (0)

    while (pos < flen) {
        Py_ssize_t lit = pos;
        while (pos < flen && fmt[pos] != '%')
            pos++;
        ENSURE(pos - lit);
        memcpy(out + olen, fmt + lit, (size_t)(pos - lit));
        olen += pos - lit;
        if (pos >= flen)
            break;
        pos++;
        if (pos >= flen) {
            PyErr_SetString(PyExc_ValueError, "incomplete format");
            goto error;
        }
        if (fmt[pos] == '%') {
            ENSURE(1);
            out[olen++] = '%';
            pos++;
            continue;
        }
        int ljust = 0, zero = 0, sign = 0, blank = 0, alt = 0;
        Py_ssize_t width = -1, prec = -1;
        PyObject *v, *body = NULL;
        if (fmt[pos] == '(') {
            Py_ssize_t ks, pc = 1;
            if (dict == NULL) {
                PyErr_SetString(PyExc_TypeError, "format requires a mapping");
                goto error;
            }
            ks = ++pos;
            while (pc > 0 && pos < flen) {
                if (fmt[pos] == ')') pc--;
                else if (fmt[pos] == '(') pc++;
                pos++;
            }
            if (pc > 0) {
                PyErr_SetString(PyExc_ValueError, "incomplete format key");
                goto error;
            }
            PyObject *key = PyBytes_FromStringAndSize(fmt + ks, pos - 1 - ks);
            if (key == NULL)
                goto error;
            PyObject *val = PyObject_GetItem(dict, key);
            Py_DECREF(key);
            if (val == NULL)
                goto error;
            Py_XSETREF(owned, val);
            argsrc = val;
            arglen = -1;
            argidx = -2;
        }
        while (pos < flen) {
            char c = fmt[pos];
            if (c == '-') ljust = 1;
            else if (c == '+') sign = 1;
            else if (c == ' ') blank = 1;
            else if (c == '#') alt = 1;
            else if (c == '0') zero = 1;
            else break;
            pos++;
        }
        if (pos < flen && fmt[pos] == '*') {
            PyObject *wv;
            NEXTARG(wv);
            if (!PyLong_Check(wv)) {
                PyErr_SetString(PyExc_TypeError, "* wants int");
                goto error;
            }
            width = PyLong_AsSsize_t(wv);
            if (width == -1 && PyErr_Occurred())
                goto error;
            if (width < 0) {
                ljust = 1;
                width = -width;
            }
            pos++;
        }
        else {
            while (pos < flen && fmt[pos] >= '0' && fmt[pos] <= '9') {
                if (width < 0) width = 0;
                if (width > (PY_SSIZE_T_MAX - 9) / 10) {
                    PyErr_SetString(PyExc_ValueError, "width too big");
                    goto error;
                }
                width = width * 10 + (fmt[pos++] - '0');
            }
        }
        if (pos < flen && fmt[pos] == '.') {
            pos++;
            prec = 0;
            if (pos < flen && fmt[pos] == '*') {
                PyObject *pv;
                NEXTARG(pv);
                if (!PyLong_Check(pv)) {
                    PyErr_SetString(PyExc_TypeError, "* wants int");
                    goto error;
                }
                prec = PyLong_AsSsize_t(pv);
                if (prec == -1 && PyErr_Occurred())
                    goto error;
                if (prec < 0)
                    prec = 0;
                pos++;
            }
            else {
                while (pos < flen && fmt[pos] >= '0' && fmt[pos] <= '9') {
                    if (prec > (PY_SSIZE_T_MAX - 9) / 10) {
                        PyErr_SetString(PyExc_ValueError, "precision too big");
                        goto error;
                    }
                    prec = prec * 10 + (fmt[pos++] - '0');
                }
            }
        }
        while (pos < flen && (fmt[pos] == 'h' || fmt[pos] == 'l' || fmt[pos] == 'L'))
            pos++;
        if (pos >= flen) {
            PyErr_SetString(PyExc_ValueError, "incomplete format");
            goto error;
        }
        char conv = fmt[pos++];
        NEXTARG(v);
        int numeric = 0;
        switch (conv) {
        case 's': case 'b':
            body = format_obj_bytes(v);
            if (body != NULL && prec >= 0 && PyBytes_GET_SIZE(body) > prec)
                Py_SETREF(body, PyBytes_FromStringAndSize(PyBytes_AS_STRING(body), prec));
            break;
        case 'r': case 'a': {
            PyObject *s = PyObject_ASCII(v);
            if (s == NULL)
                goto error;
            body = PyUnicode_AsASCIIString(s);
            Py_DECREF(s);
            if (body != NULL && prec >= 0 && PyBytes_GET_SIZE(body) > prec)
                Py_SETREF(body, PyBytes_FromStringAndSize(PyBytes_AS_STRING(body), prec));
            break;
        }
        case 'c':
            if (PyBytes_Check(v) && PyBytes_GET_SIZE(v) == 1)
                body = Py_NewRef(v);
            else if (PyByteArray_Check(v) && Py_SIZE(v) == 1)
                body = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(v), 1);
            else if (PyLong_Check(v)) {
                int overflow;
                long x = PyLong_AsLongAndOverflow(v, &overflow);
                if (x == -1 && PyErr_Occurred())
                    goto error;
                if (overflow || x < 0 || x > 255) {
                    PyErr_SetString(PyExc_OverflowError, "%c arg not in range(256)");
                    goto error;
                }
                body = _PyBytes_Char((unsigned char)x);
            }
            else {
                PyErr_SetString(PyExc_TypeError,
                                "%c requires an integer in range(256) or a single byte");
                goto error;
            }
            break;
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            /* Let the str formatter do the number (same rules and errors),
               then take its ASCII. */
            char spec[64];
            int k = 0;
            spec[k++] = '%';
            if (ljust) spec[k++] = '-';
            if (sign) spec[k++] = '+';
            if (blank) spec[k++] = ' ';
            if (alt) spec[k++] = '#';
            if (zero) spec[k++] = '0';
            k += snprintf(spec + k, sizeof(spec) - (size_t)k, "*.*%c", conv);
            PyObject *fs = PyUnicode_FromStringAndSize(spec, k), *tup, *s;
            PyObject *wo = PyLong_FromSsize_t(width < 0 ? 0 : width);
            PyObject *po = prec < 0 ? NULL : PyLong_FromSsize_t(prec);
            if (prec < 0) {
                /* no precision: drop ".*" */
                Py_XDECREF(fs);
                k = 0;
                spec[k++] = '%';
                if (ljust) spec[k++] = '-';
                if (sign) spec[k++] = '+';
                if (blank) spec[k++] = ' ';
                if (alt) spec[k++] = '#';
                if (zero) spec[k++] = '0';
                k += snprintf(spec + k, sizeof(spec) - (size_t)k, "*%c", conv);
                fs = PyUnicode_FromStringAndSize(spec, k);
                tup = (fs && wo) ? PyTuple_Pack(2, wo, v) : NULL;
            }
            else
                tup = (fs && wo && po) ? PyTuple_Pack(3, wo, po, v) : NULL;
            s = tup ? PyUnicode_Format(fs, tup) : NULL;
            Py_XDECREF(fs);
            Py_XDECREF(wo);
            Py_XDECREF(po);
            Py_XDECREF(tup);
            if (s == NULL)
                goto error;
            body = PyUnicode_AsASCIIString(s);
            Py_DECREF(s);
            numeric = 1;
            break;
        }
        default:
            PyErr_Format(PyExc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                         (31 <= (unsigned char)conv && (unsigned char)conv <= 126) ? conv : '?',
                         (unsigned char)conv, pos - 1);
            goto error;
        }
        if (body == NULL)
            goto error;
        {
            Py_ssize_t blen = PyBytes_GET_SIZE(body);
            Py_ssize_t padn = (!numeric && width > blen) ? width - blen : 0;
            ENSURE(blen + padn);
            if (!ljust) {
                memset(out + olen, ' ', (size_t)padn);
                olen += padn;
            }
            memcpy(out + olen, PyBytes_AS_STRING(body), (size_t)blen);
            olen += blen;
            if (ljust) {
                memset(out + olen, ' ', (size_t)padn);
                olen += padn;
            }
            Py_DECREF(body);
        }
    }
    if (argidx < arglen && !dict) {
        PyErr_SetString(PyExc_TypeError, "not all arguments converted during bytes formatting");
        goto error;
    }
    res = _Py_bytes_make(as_bytearray, out, olen);
error:
#undef ENSURE
#undef NEXTARG
    Py_XDECREF(owned);
    PyMem_Free(out);
    return res;
}

PyObject *
_PyBytes_Format(PyObject *format, PyObject *args)
{
    return _PyBytes_FormatEx(PyBytes_AS_STRING(format), PyBytes_GET_SIZE(format), args, 0);
}


/* ------------------------------------------------------------------ */
/* bytes-only methods                                                  */
/* ------------------------------------------------------------------ */

static PyObject *
bytes_getnewargs(PyObject *self, PyObject *Py_UNUSED(u))
{
    PyObject *b = PyBytes_FromStringAndSize(PyBytes_AS_STRING(self), Py_SIZE(self)), *res;
    if (b == NULL)
        return NULL;
    res = PyTuple_Pack(1, b);
    Py_DECREF(b);
    return res;
}

static PyObject *
bytes_bytes(PyObject *self, PyObject *Py_UNUSED(u))
{
    if (PyBytes_CheckExact(self))
        return Py_NewRef(self);
    return PyBytes_FromStringAndSize(PyBytes_AS_STRING(self), Py_SIZE(self));
}

#define FAST(f) (PyCFunction)(void (*)(void))(f)

#define COMMON_METHODS \
    {"capitalize", (PyCFunction)bm_capitalize, METH_NOARGS, NULL}, \
    {"center", FAST(bm_center), METH_FASTCALL, NULL}, \
    {"count", FAST(bm_count), METH_FASTCALL, NULL}, \
    {"decode", FAST(bm_decode), METH_FASTCALL | METH_KEYWORDS, NULL}, \
    {"endswith", FAST(bm_endswith), METH_FASTCALL, NULL}, \
    {"expandtabs", FAST(bm_expandtabs), METH_FASTCALL | METH_KEYWORDS, NULL}, \
    {"find", FAST(bm_find), METH_FASTCALL, NULL}, \
    {"fromhex", (PyCFunction)bm_fromhex, METH_O | METH_CLASS, NULL}, \
    {"hex", FAST(bm_hex), METH_FASTCALL | METH_KEYWORDS, NULL}, \
    {"index", FAST(bm_index), METH_FASTCALL, NULL}, \
    {"isalnum", (PyCFunction)bm_isalnum, METH_NOARGS, NULL}, \
    {"isalpha", (PyCFunction)bm_isalpha, METH_NOARGS, NULL}, \
    {"isascii", (PyCFunction)bm_isascii, METH_NOARGS, NULL}, \
    {"isdigit", (PyCFunction)bm_isdigit, METH_NOARGS, NULL}, \
    {"islower", (PyCFunction)bm_islower, METH_NOARGS, NULL}, \
    {"isspace", (PyCFunction)bm_isspace, METH_NOARGS, NULL}, \
    {"istitle", (PyCFunction)bm_istitle, METH_NOARGS, NULL}, \
    {"isupper", (PyCFunction)bm_isupper, METH_NOARGS, NULL}, \
    {"join", (PyCFunction)bm_join, METH_O, NULL}, \
    {"ljust", FAST(bm_ljust), METH_FASTCALL, NULL}, \
    {"lower", (PyCFunction)bm_lower, METH_NOARGS, NULL}, \
    {"lstrip", FAST(bm_lstrip), METH_FASTCALL, NULL}, \
    {"maketrans", FAST(bm_maketrans), METH_FASTCALL | METH_STATIC, NULL}, \
    {"partition", (PyCFunction)bm_partition, METH_O, NULL}, \
    {"replace", FAST(bm_replace), METH_FASTCALL, NULL}, \
    {"removeprefix", (PyCFunction)bm_removeprefix, METH_O, NULL}, \
    {"removesuffix", (PyCFunction)bm_removesuffix, METH_O, NULL}, \
    {"rfind", FAST(bm_rfind), METH_FASTCALL, NULL}, \
    {"rindex", FAST(bm_rindex), METH_FASTCALL, NULL}, \
    {"rjust", FAST(bm_rjust), METH_FASTCALL, NULL}, \
    {"rpartition", (PyCFunction)bm_rpartition, METH_O, NULL}, \
    {"rsplit", FAST(bm_rsplit), METH_FASTCALL | METH_KEYWORDS, NULL}, \
    {"rstrip", FAST(bm_rstrip), METH_FASTCALL, NULL}, \
    {"split", FAST(bm_split), METH_FASTCALL | METH_KEYWORDS, NULL}, \
    {"splitlines", FAST(bm_splitlines), METH_FASTCALL | METH_KEYWORDS, NULL}, \
    {"startswith", FAST(bm_startswith), METH_FASTCALL, NULL}, \
    {"strip", FAST(bm_strip), METH_FASTCALL, NULL}, \
    {"swapcase", (PyCFunction)bm_swapcase, METH_NOARGS, NULL}, \
    {"title", (PyCFunction)bm_title, METH_NOARGS, NULL}, \
    {"translate", FAST(bm_translate), METH_FASTCALL | METH_KEYWORDS, NULL}, \
    {"upper", (PyCFunction)bm_upper, METH_NOARGS, NULL}, \
    {"zfill", (PyCFunction)bm_zfill, METH_O, NULL},

PyMethodDef _PyBytes_Methods[] = {
    {"__getnewargs__", (PyCFunction)bytes_getnewargs, METH_NOARGS, NULL},
    {"__bytes__", (PyCFunction)bytes_bytes, METH_NOARGS,
     "Convert this value to exact type bytes."},
    COMMON_METHODS
    {NULL, NULL, 0, NULL}
};

/* The shared methods, for bytearray's table (bytearrayobject.c copies
   them after its own methods at startup). */
PyMethodDef _Py_BytesCommonMethods[] = {
    COMMON_METHODS
    {NULL, NULL, 0, NULL}
};
