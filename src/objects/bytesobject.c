/* bytesobject.c -- bytes and its iterator (the methods shared with
 * bytearray are in bytes_methods.c).
 *
 * Layout (CPython's): the var-object header, a cached hash, then the
 * bytes and a trailing NUL, in one block of 33 + len bytes, so
 * sys.getsizeof(b'') == 33.  b'' and the 256 one-byte strings are static
 * immortal objects, so bytes([65]) is b'A'.
 *
 * bytes() accepts a str with an encoding, an object with __bytes__, an
 * integer count, any buffer, or an iterable of ints, in CPython's order of
 * preference and with its error messages.
 */
#include "pycore.h"
#include "unicode_internal.h"

#define PyBUF_WRITABLE 0x0001
#define PyBUF_FORMAT 0x0004
#define PyBUF_ND 0x0008
#define PyBUF_STRIDES (0x0010 | PyBUF_ND)

#define BYTES_HEADER ((Py_ssize_t)offsetof(PyBytesObject, ob_sval))

/* ------------------------------------------------------------------ */
/* Singletons                                                          */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_VAR_HEAD
    Py_hash_t ob_shash;
    char ob_sval[2];
} rp_bytes_char;

#define RP_BYTES_CHAR(c) { { { { _Py_IMMORTAL_REFCNT }, &PyBytes_Type }, 1 }, -1, { (char)(c), 0 } },
#define RP_B4(M, b) M(b) M(b + 1) M(b + 2) M(b + 3)
#define RP_B16(M, b) RP_B4(M, b) RP_B4(M, b + 4) RP_B4(M, b + 8) RP_B4(M, b + 12)
#define RP_B64(M, b) RP_B16(M, b) RP_B16(M, b + 16) RP_B16(M, b + 32) RP_B16(M, b + 48)

static rp_bytes_char bytes_chars[256] = {
    RP_B64(RP_BYTES_CHAR, 0) RP_B64(RP_BYTES_CHAR, 64)
    RP_B64(RP_BYTES_CHAR, 128) RP_B64(RP_BYTES_CHAR, 192)
};
static rp_bytes_char bytes_empty_obj = { { { { _Py_IMMORTAL_REFCNT }, &PyBytes_Type }, 0 }, 0, { 0, 0 } };

#define bytes_empty ((PyObject *)&bytes_empty_obj)
#define bytes_char(c) ((PyObject *)&bytes_chars[(unsigned char)(c)])

PyObject *
_PyBytes_Char(unsigned char c)
{
    return bytes_char(c);
}

/* ------------------------------------------------------------------ */
/* Construction                                                        */
/* ------------------------------------------------------------------ */

static PyObject *
bytes_alloc(Py_ssize_t size)
{
    PyBytesObject *op;
    if (size > PY_SSIZE_T_MAX - BYTES_HEADER - 1) {
        PyErr_SetString(PyExc_OverflowError, "byte string is too large");
        return NULL;
    }
    op = (PyBytesObject *)PyObject_Malloc((size_t)(BYTES_HEADER + size + 1));
    if (op == NULL)
        return PyErr_NoMemory();
    _PyObject_InitVar((PyVarObject *)op, &PyBytes_Type, size);
    op->ob_shash = -1;
    op->ob_sval[size] = '\0';
    return (PyObject *)op;
}

PyObject *
PyBytes_FromStringAndSize(const char *str, Py_ssize_t size)
{
    PyObject *op;
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
        return NULL;
    }
    if (size == 0)
        return bytes_empty;
    if (size == 1 && str != NULL)
        return bytes_char(*str);
    op = bytes_alloc(size);
    if (op == NULL)
        return NULL;
    if (str != NULL)
        memcpy(PyBytes_AS_STRING(op), str, (size_t)size);
    return op;
}

PyObject *
PyBytes_FromString(const char *str)
{
    size_t size = strlen(str);
    if (size > (size_t)PY_SSIZE_T_MAX - (size_t)BYTES_HEADER - 1) {
        PyErr_SetString(PyExc_OverflowError, "byte string is too long");
        return NULL;
    }
    return PyBytes_FromStringAndSize(str, (Py_ssize_t)size);
}

char *
PyBytes_AsString(PyObject *op)
{
    if (!PyBytes_Check(op)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", Py_TYPE(op)->tp_name);
        return NULL;
    }
    return PyBytes_AS_STRING(op);
}

Py_ssize_t
PyBytes_Size(PyObject *op)
{
    if (!PyBytes_Check(op)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", Py_TYPE(op)->tp_name);
        return -1;
    }
    return Py_SIZE(op);
}

int
PyBytes_AsStringAndSize(PyObject *obj, char **s, Py_ssize_t *len)
{
    if (s == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!PyBytes_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", Py_TYPE(obj)->tp_name);
        return -1;
    }
    *s = PyBytes_AS_STRING(obj);
    if (len != NULL)
        *len = PyBytes_GET_SIZE(obj);
    else if ((Py_ssize_t)strlen(*s) != PyBytes_GET_SIZE(obj)) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        return -1;
    }
    return 0;
}

int
_PyBytes_Resize(PyObject **pv, Py_ssize_t newsize)
{
    PyObject *v = *pv, *nv;
    if (!PyBytes_Check(v) || newsize < 0) {
        *pv = NULL;
        Py_DECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    if (Py_SIZE(v) == newsize)
        return 0;
    if (Py_SIZE(v) == 0 || _Py_IsImmortal(v)) {
        nv = PyBytes_FromStringAndSize(NULL, newsize);
        if (nv != NULL && newsize > 0)
            memcpy(PyBytes_AS_STRING(nv), PyBytes_AS_STRING(v),
                   (size_t)Py_MIN(newsize, Py_SIZE(v)));
        *pv = nv;
        Py_DECREF(v);
        return nv == NULL ? -1 : 0;
    }
    if (newsize == 0) {
        *pv = bytes_empty;
        Py_DECREF(v);
        return 0;
    }
    if (Py_REFCNT(v) != 1 || !PyBytes_CheckExact(v)) {
        *pv = NULL;
        Py_DECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    nv = (PyObject *)PyObject_Realloc(v, (size_t)(BYTES_HEADER + newsize + 1));
    if (nv == NULL) {
        *pv = NULL;
        PyObject_Free(v);
        PyErr_NoMemory();
        return -1;
    }
    Py_SET_SIZE(nv, newsize);
    ((PyBytesObject *)nv)->ob_sval[newsize] = '\0';
    ((PyBytesObject *)nv)->ob_shash = -1;
    *pv = nv;
    return 0;
}

/* bytes of an arbitrary type (subclass support): new ref. */
static PyObject *
bytes_subtype_new(PyTypeObject *type, PyObject *tmp)
{
    Py_ssize_t n = PyBytes_GET_SIZE(tmp);
    PyObject *pnew = type->tp_alloc(type, n);
    if (pnew == NULL)
        return NULL;
    memcpy(PyBytes_AS_STRING(pnew), PyBytes_AS_STRING(tmp), (size_t)n + 1);
    ((PyBytesObject *)pnew)->ob_shash = ((PyBytesObject *)tmp)->ob_shash;
    return pnew;
}

/* ------------------------------------------------------------------ */
/* Slots of bytes                                                      */
/* ------------------------------------------------------------------ */

static void
bytes_dealloc(PyObject *op)
{
    if (Py_IS_TYPE(op, &PyBytes_Type))
        PyObject_Free(op);
    else
        Py_TYPE(op)->tp_free(op);
}

/* repr of a byte string: prefix + b'...' + suffix.  smartquotes > 0
   picks double quotes when the data has single quotes but no double
   quotes; smartquotes < 0 does the same but still escapes single quotes
   (bytearray's historical spelling: bytearray(b"\'")). */
PyObject *
_Py_bytes_repr(const char *s, Py_ssize_t n, int smartquotes, const char *prefix, const char *suffix)
{
    static const char hex[] = "0123456789abcdef";
    Py_ssize_t i, size, plen = (Py_ssize_t)strlen(prefix), slen = (Py_ssize_t)strlen(suffix);
    int squotes = 0, dquotes = 0, escape_squote;
    char quote = '\'';
    PyObject *res;
    Py_UCS1 *p;

    for (i = 0; i < n; i++) {
        if (s[i] == '\'') squotes = 1;
        else if (s[i] == '"') dquotes = 1;
    }
    if (smartquotes && squotes && !dquotes)
        quote = '"';
    escape_squote = quote == '\'' || smartquotes < 0;
    size = plen + slen + 3;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\'')
            size += escape_squote ? 2 : 1;
        else if (c == '\\' || c == '\t' || c == '\n' || c == '\r')
            size += 2;
        else if (c < ' ' || c >= 0x7f)
            size += 4;
        else
            size += 1;
    }
    res = PyUnicode_New(size, 127);
    if (res == NULL)
        return NULL;
    p = PyUnicode_1BYTE_DATA(res);
    memcpy(p, prefix, (size_t)plen);
    p += plen;
    *p++ = 'b';
    *p++ = (Py_UCS1)quote;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c == '\'' && escape_squote) || c == '\\') {
            *p++ = '\\';
            *p++ = c;
        }
        else if (c == '\t') { *p++ = '\\'; *p++ = 't'; }
        else if (c == '\n') { *p++ = '\\'; *p++ = 'n'; }
        else if (c == '\r') { *p++ = '\\'; *p++ = 'r'; }
        else if (c < ' ' || c >= 0x7f) {
            *p++ = '\\';
            *p++ = 'x';
            *p++ = (Py_UCS1)hex[c >> 4];
            *p++ = (Py_UCS1)hex[c & 15];
        }
        else
            *p++ = c;
    }
    *p++ = (Py_UCS1)quote;
    memcpy(p, suffix, (size_t)slen);
    return res;
}

PyObject *
PyBytes_Repr(PyObject *op, int smartquotes)
{
    return _Py_bytes_repr(PyBytes_AS_STRING(op), PyBytes_GET_SIZE(op), smartquotes, "", "");
}

PyObject *
_PyBytes_Repr(PyObject *op, int smartquotes)
{
    return PyBytes_Repr(op, smartquotes);
}

static PyObject *
bytes_repr(PyObject *op)
{
    return PyBytes_Repr(op, 1);
}

static PyObject *
bytes_str(PyObject *op)
{
    return bytes_repr(op);
}

static Py_hash_t
bytes_hash(PyObject *op)
{
    PyBytesObject *b = (PyBytesObject *)op;
    if (b->ob_shash == -1)
        b->ob_shash = _Py_HashBytes(b->ob_sval, Py_SIZE(op));
    return b->ob_shash;
}

static PyObject *
bytes_richcompare(PyObject *a, PyObject *b, int op)
{
    Py_ssize_t la, lb;
    int c;
    if (!PyBytes_Check(a) || !PyBytes_Check(b))
        Py_RETURN_NOTIMPLEMENTED;
    if (a == b) {
        switch (op) {
        case Py_EQ: case Py_LE: case Py_GE: Py_RETURN_TRUE;
        default: Py_RETURN_FALSE;
        }
    }
    la = Py_SIZE(a);
    lb = Py_SIZE(b);
    if (op == Py_EQ || op == Py_NE) {
        int eq = la == lb && (la == 0 || (PyBytes_AS_STRING(a)[0] == PyBytes_AS_STRING(b)[0] &&
                                          memcmp(PyBytes_AS_STRING(a), PyBytes_AS_STRING(b),
                                                 (size_t)la) == 0));
        return PyBool_FromLong(op == Py_EQ ? eq : !eq);
    }
    c = memcmp(PyBytes_AS_STRING(a), PyBytes_AS_STRING(b), (size_t)Py_MIN(la, lb));
    if (c == 0)
        c = la < lb ? -1 : la > lb;
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

static Py_ssize_t
bytes_length(PyObject *op)
{
    return Py_SIZE(op);
}

static PyObject *
bytes_item(PyObject *op, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(op)) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return NULL;
    }
    return PyLong_FromLong((unsigned char)PyBytes_AS_STRING(op)[i]);
}

static PyObject *
bytes_subscript(PyObject *self, PyObject *item)
{
    Py_ssize_t len = Py_SIZE(self);
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += len;
        return bytes_item(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step, n, i, cur;
        const char *src = PyBytes_AS_STRING(self);
        PyObject *res;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0)
            return NULL;
        n = PySlice_AdjustIndices(len, &start, &stop, step);
        if (n <= 0)
            return bytes_empty;
        if (start == 0 && step == 1 && n == len && PyBytes_CheckExact(self))
            return Py_NewRef(self);
        if (step == 1)
            return PyBytes_FromStringAndSize(src + start, n);
        if (n == 1)
            return bytes_char(src[start]);
        res = PyBytes_FromStringAndSize(NULL, n);
        if (res == NULL)
            return NULL;
        char *d = PyBytes_AS_STRING(res);
        for (cur = start, i = 0; i < n; cur += step, i++)
            d[i] = src[cur];
        return res;
    }
    PyErr_Format(PyExc_TypeError, "byte indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

static PyObject *
bytes_concat(PyObject *a, PyObject *b)
{
    rp_bytesview va, vb;
    PyObject *res = NULL;
    int r = _Py_BytesViewTry(a, &va);
    if (r < 0) {
        if (r == -1)
            PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s",
                         Py_TYPE(b)->tp_name, Py_TYPE(a)->tp_name);
        return NULL;
    }
    r = _Py_BytesViewTry(b, &vb);
    if (r < 0) {
        _Py_BytesViewRelease(&va);
        if (r == -1)
            PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s",
                         Py_TYPE(b)->tp_name, Py_TYPE(a)->tp_name);
        return NULL;
    }
    if (va.len == 0 && PyBytes_CheckExact(b))
        res = Py_NewRef(b);
    else if (vb.len == 0 && PyBytes_CheckExact(a))
        res = Py_NewRef(a);
    else if (va.len > PY_SSIZE_T_MAX - vb.len)
        PyErr_NoMemory();
    else {
        res = PyBytes_FromStringAndSize(NULL, va.len + vb.len);
        if (res != NULL) {
            memcpy(PyBytes_AS_STRING(res), va.buf, (size_t)va.len);
            memcpy(PyBytes_AS_STRING(res) + va.len, vb.buf, (size_t)vb.len);
        }
    }
    _Py_BytesViewRelease(&va);
    _Py_BytesViewRelease(&vb);
    return res;
}

void
PyBytes_Concat(PyObject **pv, PyObject *w)
{
    PyObject *v = *pv, *res;
    if (v == NULL)
        return;
    if (w == NULL) {
        Py_CLEAR(*pv);
        return;
    }
    if (Py_REFCNT(v) == 1 && PyBytes_CheckExact(v) && !_Py_IsImmortal(v) && PyBytes_Check(w)) {
        Py_ssize_t oldsize = Py_SIZE(v), wsize = Py_SIZE(w);
        if (wsize == 0)
            return;
        if (oldsize > PY_SSIZE_T_MAX - wsize) {
            PyErr_NoMemory();
            Py_CLEAR(*pv);
            return;
        }
        if (_PyBytes_Resize(pv, oldsize + wsize) < 0)
            return;
        memcpy(PyBytes_AS_STRING(*pv) + oldsize, PyBytes_AS_STRING(w), (size_t)wsize);
        return;
    }
    res = bytes_concat(v, w);
    Py_SETREF(*pv, res);
}

void
PyBytes_ConcatAndDel(PyObject **pv, PyObject *w)
{
    PyBytes_Concat(pv, w);
    Py_XDECREF(w);
}

static PyObject *
bytes_repeat(PyObject *a, Py_ssize_t n)
{
    Py_ssize_t size = Py_SIZE(a), total, done;
    PyObject *res;
    char *d;
    if (n < 0)
        n = 0;
    if (size == 0 || n == 0)
        return bytes_empty;
    if (n == 1 && PyBytes_CheckExact(a))
        return Py_NewRef(a);
    if (size > PY_SSIZE_T_MAX / n) {
        PyErr_SetString(PyExc_OverflowError, "repeated bytes are too long");
        return NULL;
    }
    total = size * n;
    res = PyBytes_FromStringAndSize(NULL, total);
    if (res == NULL)
        return NULL;
    d = PyBytes_AS_STRING(res);
    if (size == 1) {
        memset(d, PyBytes_AS_STRING(a)[0], (size_t)total);
        return res;
    }
    memcpy(d, PyBytes_AS_STRING(a), (size_t)size);
    done = size;
    while (done < total) {
        Py_ssize_t chunk = Py_MIN(done, total - done);
        memcpy(d + done, d, (size_t)chunk);
        done += chunk;
    }
    return res;
}

/* `in` for bytes and bytearray: an int (one byte) or a bytes-like. */
int
_Py_bytes_contains(const char *s, Py_ssize_t n, PyObject *arg)
{
    rp_bytesview v;
    Py_ssize_t r;
    if (PyIndex_Check(arg)) {
        Py_ssize_t ival = PyNumber_AsSsize_t(arg, NULL);
        if (ival == -1 && PyErr_Occurred())
            return -1;
        if (ival < 0 || ival >= 256) {
            PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        return memchr(s, (int)ival, (size_t)n) != NULL;
    }
    if (_Py_BytesViewGet(arg, &v) < 0)
        return -1;
    r = _Py_BytesFind(s, n, v.buf, v.len, 1);
    _Py_BytesViewRelease(&v);
    return r >= 0;
}

static int
bytes_contains(PyObject *self, PyObject *arg)
{
    return _Py_bytes_contains(PyBytes_AS_STRING(self), Py_SIZE(self), arg);
}

static int
bytes_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    if (view == NULL) {
        PyErr_SetString(PyExc_BufferError, "PyBuffer_FillInfo: view==NULL argument is obsolete");
        return -1;
    }
    if (flags & PyBUF_WRITABLE) {
        PyErr_SetString(PyExc_BufferError, "Object is not writable.");
        return -1;
    }
    view->obj = Py_NewRef(self);
    view->buf = PyBytes_AS_STRING(self);
    view->len = Py_SIZE(self);
    view->readonly = 1;
    view->itemsize = 1;
    view->format = (flags & PyBUF_FORMAT) ? "B" : NULL;
    view->ndim = 1;
    view->shape = (flags & PyBUF_ND) ? &view->len : NULL;
    view->strides = ((flags & PyBUF_STRIDES) == PyBUF_STRIDES) ? &view->itemsize : NULL;
    view->suboffsets = NULL;
    view->internal = NULL;
    return 0;
}

/* ------------------------------------------------------------------ */
/* bytes(), PyBytes_FromObject                                         */
/* ------------------------------------------------------------------ */

/* Value of one item of an iterable of ints for bytes(): 0..255 or -1. */
static int
byte_value(PyObject *item, const char *msg)
{
    Py_ssize_t v;
    if (PyLong_CheckExact(item) && _PyLong_IsCompact((PyLongObject *)item))
        v = _PyLong_CompactValue((PyLongObject *)item);
    else {
        PyObject *idx = PyNumber_Index(item);
        if (idx == NULL)
            return -1;
        int overflow;
        long x = PyLong_AsLongAndOverflow(idx, &overflow);
        Py_DECREF(idx);
        if (x == -1 && PyErr_Occurred())
            return -1;
        v = overflow ? -1 : x;
        if (overflow)
            goto range;
    }
    if (v < 0 || v > 255)
        goto range;
    return (int)v;
range:
    PyErr_SetString(PyExc_ValueError, msg);
    return -1;
}

static PyObject *
bytes_from_iterable(PyObject *x)
{
    PyObject *it, *item, *res;
    Py_ssize_t size = 0, alloc;
    char *buf;

    if (PyList_CheckExact(x) || PyTuple_CheckExact(x)) {
        Py_ssize_t n = PyList_CheckExact(x) ? PyList_GET_SIZE(x) : PyTuple_GET_SIZE(x);
        res = PyBytes_FromStringAndSize(NULL, n);
        if (res == NULL)
            return NULL;
        for (Py_ssize_t i = 0; i < n; i++) {
            if (PyList_CheckExact(x) && i >= PyList_GET_SIZE(x))
                break;
            item = PyList_CheckExact(x) ? PyList_GET_ITEM(x, i) : PyTuple_GET_ITEM(x, i);
            Py_INCREF(item);
            int v = byte_value(item, "bytes must be in range(0, 256)");
            Py_DECREF(item);
            if (v < 0) {
                Py_DECREF(res);
                return NULL;
            }
            PyBytes_AS_STRING(res)[i] = (char)v;
        }
        if (n == 1) {
            PyObject *c = bytes_char(PyBytes_AS_STRING(res)[0]);
            Py_DECREF(res);
            return c;
        }
        return res;
    }
    it = PyObject_GetIter(x);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "cannot convert '%.200s' object to bytes",
                         Py_TYPE(x)->tp_name);
        }
        return NULL;
    }
    alloc = PyObject_LengthHint(x, 64);
    if (alloc < 0) {
        Py_DECREF(it);
        return NULL;
    }
    if (alloc < 16)
        alloc = 16;
    buf = PyMem_Malloc((size_t)alloc);
    if (buf == NULL) {
        Py_DECREF(it);
        return PyErr_NoMemory();
    }
    while ((item = PyIter_Next(it)) != NULL) {
        int v = byte_value(item, "bytes must be in range(0, 256)");
        Py_DECREF(item);
        if (v < 0)
            goto error;
        if (size == alloc) {
            char *nb = PyMem_Realloc(buf, (size_t)alloc * 2);
            if (nb == NULL) {
                PyErr_NoMemory();
                goto error;
            }
            buf = nb;
            alloc *= 2;
        }
        buf[size++] = (char)v;
    }
    if (PyErr_Occurred())
        goto error;
    Py_DECREF(it);
    res = PyBytes_FromStringAndSize(buf, size);
    PyMem_Free(buf);
    return res;
error:
    Py_DECREF(it);
    PyMem_Free(buf);
    return NULL;
}

PyObject *
PyBytes_FromObject(PyObject *x)
{
    rp_bytesview v;
    int r;
    if (x == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (PyBytes_CheckExact(x))
        return Py_NewRef(x);
    r = _Py_BytesViewTry(x, &v);
    if (r == 0) {
        PyObject *res = PyBytes_FromStringAndSize(v.buf, v.len);
        _Py_BytesViewRelease(&v);
        return res;
    }
    if (r == -2)
        return NULL;
    if (PyUnicode_Check(x)) {
        PyErr_Format(PyExc_TypeError, "cannot convert '%.200s' object to bytes",
                     Py_TYPE(x)->tp_name);
        return NULL;
    }
    return bytes_from_iterable(x);
}

PyObject *
_PyBytes_FromIterableOrBuffer(PyObject *x)
{
    return PyBytes_FromObject(x);
}

/* Call type(x).__bytes__(x) if defined: 1 found (*res set or NULL on
   error), 0 not defined. */
int
_PyBytes_CallDunderBytes(PyObject *x, PyObject **res)
{
    PyObject *func = _PyType_Lookup(Py_TYPE(x), _Py_ID(__bytes__));
    PyObject *r;
    if (func == NULL)
        return 0;
    Py_INCREF(func);
    if (Py_TYPE(func)->tp_descr_get != NULL) {
        PyObject *bound = Py_TYPE(func)->tp_descr_get(func, x, (PyObject *)Py_TYPE(x));
        Py_DECREF(func);
        if (bound == NULL) {
            *res = NULL;
            return 1;
        }
        r = PyObject_CallNoArgs(bound);
        Py_DECREF(bound);
    }
    else {
        r = PyObject_CallOneArg(func, x);
        Py_DECREF(func);
    }
    if (r != NULL && !PyBytes_Check(r)) {
        PyErr_Format(PyExc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                     Py_TYPE(r)->tp_name);
        Py_CLEAR(r);
    }
    *res = r;
    return 1;
}

static PyObject *
bytes_new_impl(PyTypeObject *type, PyObject *x, PyObject *encoding, PyObject *errors)
{
    PyObject *bytes;

    if (x == NULL) {
        if (encoding != NULL || errors != NULL) {
            PyErr_SetString(PyExc_TypeError, encoding != NULL
                            ? "encoding without a string argument"
                            : "errors without a string argument");
            return NULL;
        }
        bytes = bytes_empty;
    }
    else if (encoding != NULL || errors != NULL) {
        const char *enc = NULL, *err = NULL;
        if (encoding != NULL && !PyUnicode_Check(encoding)) {
            PyErr_Format(PyExc_TypeError, "bytes() argument 'encoding' must be str, not %.50s",
                         Py_TYPE(encoding)->tp_name);
            return NULL;
        }
        if (errors != NULL && !PyUnicode_Check(errors)) {
            PyErr_Format(PyExc_TypeError, "bytes() argument 'errors' must be str, not %.50s",
                         Py_TYPE(errors)->tp_name);
            return NULL;
        }
        if (!PyUnicode_Check(x)) {
            PyErr_SetString(PyExc_TypeError, encoding != NULL
                            ? "encoding without a string argument"
                            : "errors without a string argument");
            return NULL;
        }
        if (encoding != NULL && (enc = PyUnicode_AsUTF8(encoding)) == NULL)
            return NULL;
        if (errors != NULL && (err = PyUnicode_AsUTF8(errors)) == NULL)
            return NULL;
        bytes = PyUnicode_AsEncodedString(x, enc, err);
    }
    else if (_PyBytes_CallDunderBytes(x, &bytes)) {
        if (bytes == NULL)
            return NULL;
    }
    else if (PyUnicode_Check(x)) {
        PyErr_SetString(PyExc_TypeError, "string argument without an encoding");
        return NULL;
    }
    else if (PyIndex_Check(x)) {
        Py_ssize_t size = PyNumber_AsSsize_t(x, PyExc_OverflowError);
        if (size == -1 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_TypeError))
                return NULL;
            PyErr_Clear();
            bytes = PyBytes_FromObject(x);
        }
        else {
            if (size < 0) {
                PyErr_SetString(PyExc_ValueError, "negative count");
                return NULL;
            }
            bytes = PyBytes_FromStringAndSize(NULL, size);
            if (bytes != NULL && size > 0)
                memset(PyBytes_AS_STRING(bytes), 0, (size_t)size);
            if (size == 1 && bytes != NULL) {
                Py_DECREF(bytes);
                bytes = bytes_char(0);
            }
        }
    }
    else
        bytes = PyBytes_FromObject(x);
    if (bytes == NULL || type == &PyBytes_Type)
        return bytes;
    PyObject *res = bytes_subtype_new(type, bytes);
    Py_DECREF(bytes);
    return res;
}

static PyObject *
bytes_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"source", "encoding", "errors", NULL};
    PyObject *out[3] = {NULL, NULL, NULL};
    Py_ssize_t nargs = PyTuple_GET_SIZE(args), nkw = kwds ? PyDict_GET_SIZE(kwds) : 0;
    if (nkw == 0 && nargs <= 3) {
        for (Py_ssize_t i = 0; i < nargs; i++)
            out[i] = PyTuple_GET_ITEM(args, i);
    }
    else {
        PyObject *stack[8], *kwnames, *key, *value;
        Py_ssize_t pos = 0, k = 0;
        if (nargs + nkw > 8) {
            PyErr_Format(PyExc_TypeError, "bytes() takes at most 3 arguments (%zd given)",
                         nargs + nkw);
            return NULL;
        }
        for (Py_ssize_t i = 0; i < nargs; i++)
            stack[i] = PyTuple_GET_ITEM(args, i);
        kwnames = PyTuple_New(nkw);
        if (kwnames == NULL)
            return NULL;
        while (kwds && PyDict_Next(kwds, &pos, &key, &value)) {
            PyTuple_SET_ITEM(kwnames, k, Py_NewRef(key));
            stack[nargs + k] = value;
            k++;
        }
        int ok = _PyArg_ParseFast("bytes", stack, nargs, kwnames, kwlist, 0, 0, 3, 0, out);
        Py_DECREF(kwnames);
        if (!ok)
            return NULL;
    }
    return bytes_new_impl(type, out[0], out[1], out[2]);
}

static PyObject *
bytes_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    static const char *const kwlist[] = {"source", "encoding", "errors", NULL};
    PyObject *out[3] = {NULL, NULL, NULL};
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_ParseFast("bytes", args, nargs, kwnames, kwlist, 0, 0, 3, 0, out))
        return NULL;
    return bytes_new_impl((PyTypeObject *)type, out[0], out[1], out[2]);
}

static PyObject *
bytes_mod(PyObject *self, PyObject *arg)
{
    if (!PyBytes_Check(self))
        Py_RETURN_NOTIMPLEMENTED;
    return _PyBytes_Format(self, arg);
}

static PyNumberMethods bytes_as_number = {
    .nb_remainder = bytes_mod,
};

static PySequenceMethods bytes_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = bytes_concat,
    .sq_repeat = bytes_repeat,
    .sq_item = bytes_item,
    .sq_contains = bytes_contains,
};

static PyMappingMethods bytes_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = bytes_subscript,
};

static PyBufferProcs bytes_as_buffer = {
    .bf_getbuffer = bytes_getbuffer,
};

static PyObject *bytes_iter(PyObject *seq);

static const char bytes_doc[] =
"bytes(iterable_of_ints) -> bytes\n"
"bytes(string, encoding[, errors]) -> bytes\n"
"bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
"bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
"bytes() -> empty bytes object\n"
"\n"
"Construct an immutable array of bytes from:\n"
"  - an iterable yielding integers in range(256)\n"
"  - a text string encoded using the specified encoding\n"
"  - any object implementing the buffer API.\n"
"  - an integer";

PyTypeObject PyBytes_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytes",
    .tp_basicsize = offsetof(PyBytesObject, ob_sval) + 1,
    .tp_itemsize = 1,
    .tp_dealloc = bytes_dealloc,
    .tp_repr = bytes_repr,
    .tp_as_number = &bytes_as_number,
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_hash = bytes_hash,
    .tp_str = bytes_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &bytes_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BYTES_SUBCLASS |
                _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = bytes_doc,
    .tp_richcompare = bytes_richcompare,
    .tp_iter = bytes_iter,
    .tp_methods = _PyBytes_Methods,
    .tp_new = bytes_new,
    .tp_free = PyObject_Free,
    .tp_vectorcall = bytes_vectorcall,
};

/* ------------------------------------------------------------------ */
/* bytes_iterator                                                      */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyObject *it_seq;
} bytesiterobject;

static PyObject *
bytes_iter(PyObject *seq)
{
    bytesiterobject *it = PyObject_GC_New(bytesiterobject, &PyBytesIter_Type);
    if (it == NULL)
        return NULL;
    it->it_index = 0;
    it->it_seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void
bytesiter_dealloc(PyObject *op)
{
    bytesiterobject *it = (bytesiterobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(op);
}

static int
bytesiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((bytesiterobject *)op)->it_seq);
    return 0;
}

static PyObject *
bytesiter_next(PyObject *op)
{
    bytesiterobject *it = (bytesiterobject *)op;
    PyObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index < PyBytes_GET_SIZE(seq))
        return PyLong_FromLong((unsigned char)PyBytes_AS_STRING(seq)[it->it_index++]);
    it->it_seq = NULL;
    Py_DECREF(seq);
    return NULL;
}

static PyObject *
bytesiter_len(PyObject *op, PyObject *Py_UNUSED(u))
{
    bytesiterobject *it = (bytesiterobject *)op;
    Py_ssize_t len = 0;
    if (it->it_seq)
        len = PyBytes_GET_SIZE(it->it_seq) - it->it_index;
    return PyLong_FromSsize_t(len);
}

static PyObject *
bytesiter_reduce(PyObject *op, PyObject *Py_UNUSED(u))
{
    bytesiterobject *it = (bytesiterobject *)op;
    PyObject *iter = PyDict_GetItemString(PyEval_GetBuiltins(), "iter");
    if (iter == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "lost builtins.iter");
        return NULL;
    }
    if (it->it_seq != NULL)
        return Py_BuildValue("O(O)n", iter, it->it_seq, it->it_index);
    return Py_BuildValue("O(())", iter);
}

static PyObject *
bytesiter_setstate(PyObject *op, PyObject *state)
{
    bytesiterobject *it = (bytesiterobject *)op;
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (it->it_seq != NULL) {
        if (index < 0)
            index = 0;
        else if (index > PyBytes_GET_SIZE(it->it_seq))
            index = PyBytes_GET_SIZE(it->it_seq);
        it->it_index = index;
    }
    Py_RETURN_NONE;
}

static PyMethodDef bytesiter_methods[] = {
    {"__length_hint__", (PyCFunction)bytesiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)bytesiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", (PyCFunction)bytesiter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyBytesIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytes_iterator",
    .tp_basicsize = sizeof(bytesiterobject),
    .tp_dealloc = bytesiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = bytesiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = bytesiter_next,
    .tp_methods = bytesiter_methods,
};

/* ------------------------------------------------------------------ */
/* PyBytes_FromFormat and escape decoding                              */
/* ------------------------------------------------------------------ */

PyObject *
PyBytes_FromFormatV(const char *format, va_list vargs)
{
    char *buf = NULL, small[64];
    Py_ssize_t len = 0, cap = 0;
    const char *f;
    PyObject *res;
    va_list va;

    va_copy(va, vargs);
#define PUT(src, n) do { Py_ssize_t _n = (n); if (len + _n > cap) { \
        Py_ssize_t nc = Py_MAX(cap * 2, len + _n + 64); char *nb = PyMem_Realloc(buf, (size_t)nc); \
        if (nb == NULL) { PyMem_Free(buf); va_end(va); return PyErr_NoMemory(); } buf = nb; cap = nc; } \
        memcpy(buf + len, (src), (size_t)_n); len += _n; } while (0)
    for (f = format; *f; f++) {
        if (*f != '%') {
            PUT(f, 1);
            continue;
        }
        const char *start = f++;
        Py_ssize_t prec = -1;
        int lng = 0, sz = 0;
        while (*f >= '0' && *f <= '9')
            f++;
        if (*f == '.') {
            prec = 0;
            for (f++; *f >= '0' && *f <= '9'; f++)
                prec = prec * 10 + (*f - '0');
        }
        if (*f == 'l') {
            lng = 1;
            f++;
            if (*f == 'l') {
                lng = 2;
                f++;
            }
        }
        else if (*f == 'z') {
            sz = 1;
            f++;
        }
        int n = 0;
        switch (*f) {
        case 'c': small[0] = (char)va_arg(va, int); n = 1; break;
        case 'd': case 'i':
            if (lng == 1) n = snprintf(small, sizeof(small), "%ld", va_arg(va, long));
            else if (lng == 2) n = snprintf(small, sizeof(small), "%lld", va_arg(va, long long));
            else if (sz) n = snprintf(small, sizeof(small), "%zd", va_arg(va, Py_ssize_t));
            else n = snprintf(small, sizeof(small), "%d", va_arg(va, int));
            break;
        case 'u':
            if (lng == 1) n = snprintf(small, sizeof(small), "%lu", va_arg(va, unsigned long));
            else if (lng == 2) n = snprintf(small, sizeof(small), "%llu", va_arg(va, unsigned long long));
            else if (sz) n = snprintf(small, sizeof(small), "%zu", va_arg(va, size_t));
            else n = snprintf(small, sizeof(small), "%u", va_arg(va, unsigned int));
            break;
        case 'x': n = snprintf(small, sizeof(small), "%x", va_arg(va, int)); break;
        case 'p': n = snprintf(small, sizeof(small), "0x%llx",
                               (unsigned long long)(uintptr_t)va_arg(va, void *)); break;
        case 's': {
            const char *s = va_arg(va, const char *);
            size_t sl = prec < 0 ? strlen(s) : strnlen(s, (size_t)prec);
            PUT(s, (Py_ssize_t)sl);
            continue;
        }
        case '%': small[0] = '%'; n = 1; break;
        default:
            /* unknown: copy the rest verbatim, as CPython does */
            PUT(start, (Py_ssize_t)strlen(start));
            goto finish;
        }
        PUT(small, n);
    }
finish:
#undef PUT
    va_end(va);
    res = PyBytes_FromStringAndSize(buf ? buf : "", len);
    PyMem_Free(buf);
    return res;
}

PyObject *
PyBytes_FromFormat(const char *format, ...)
{
    PyObject *res;
    va_list vargs;
    va_start(vargs, format);
    res = PyBytes_FromFormatV(format, vargs);
    va_end(vargs);
    return res;
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
_PyBytes_DecodeEscape(const char *s, Py_ssize_t len, const char *errors,
                      const char **first_invalid_escape)
{
    const char *end = s + len, *start = s;
    char *buf, *p;
    PyObject *res;

    *first_invalid_escape = NULL;
    buf = PyMem_Malloc((size_t)len + 1);
    if (buf == NULL)
        return PyErr_NoMemory();
    p = buf;
    while (s < end) {
        if (*s != '\\') {
            *p++ = *s++;
            continue;
        }
        s++;
        if (s >= end) {
            PyErr_SetString(PyExc_ValueError, "Trailing \\ in string");
            goto failed;
        }
        switch (*s++) {
        case '\n': break;
        case '\\': *p++ = '\\'; break;
        case '\'': *p++ = '\''; break;
        case '"': *p++ = '"'; break;
        case 'b': *p++ = '\b'; break;
        case 'f': *p++ = '\014'; break;
        case 't': *p++ = '\t'; break;
        case 'n': *p++ = '\n'; break;
        case 'r': *p++ = '\r'; break;
        case 'v': *p++ = '\013'; break;
        case 'a': *p++ = '\007'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            int c = s[-1] - '0';
            if (s < end && *s >= '0' && *s <= '7') {
                c = (c << 3) + *s++ - '0';
                if (s < end && *s >= '0' && *s <= '7')
                    c = (c << 3) + *s++ - '0';
            }
            if (c > 0377 && *first_invalid_escape == NULL)
                *first_invalid_escape = s - 3;
            *p++ = (char)c;
            break;
        }
        case 'x':
            if (s + 1 < end && hexval((unsigned char)s[0]) >= 0 && hexval((unsigned char)s[1]) >= 0) {
                *p++ = (char)((hexval((unsigned char)s[0]) << 4) | hexval((unsigned char)s[1]));
                s += 2;
                break;
            }
            if (errors == NULL || strcmp(errors, "strict") == 0) {
                PyErr_Format(PyExc_ValueError, "invalid \\x escape at position %zd",
                             (Py_ssize_t)(s - 2 - start));
                goto failed;
            }
            if (strcmp(errors, "replace") == 0)
                *p++ = '?';
            else if (strcmp(errors, "ignore") != 0) {
                PyErr_Format(PyExc_ValueError,
                             "decoding error; unknown error handling code: %.400s", errors);
                goto failed;
            }
            if (s < end && hexval((unsigned char)s[0]) >= 0)
                s++;
            break;
        default:
            if (*first_invalid_escape == NULL)
                *first_invalid_escape = s - 1;
            *p++ = '\\';
            s--;
        }
    }
    res = PyBytes_FromStringAndSize(buf, p - buf);
    PyMem_Free(buf);
    return res;
failed:
    PyMem_Free(buf);
    return NULL;
}
