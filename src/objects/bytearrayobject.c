/* bytearrayobject.c -- bytearray, the mutable byte string, and its
 * iterator.
 *
 * A bytearray owns a separate buffer: ob_bytes is the allocation,
 * ob_start the first live byte (deleting from the front just advances
 * it), ob_alloc the allocated size, and the live bytes are always
 * followed by a NUL.  Growth follows CPython's policy exactly (a moderate
 * upsize over-allocates by 1/8 + 3 or 6 bytes, a big jump allocates the
 * exact size, shrinking below half the allocation reallocates), so
 * sys.getsizeof() -- basicsize 56 plus ob_alloc -- matches CPython.
 *
 * While a buffer view is exported (ob_exports > 0) the bytearray refuses
 * to resize, as in CPython ("Existing exports of data: object cannot be
 * re-sized").
 *
 * The read-only methods shared with bytes live in bytesobject.c; this file
 * adds the mutating ones and copies the shared table after its own at
 * startup (_PyByteArray_PrepareMethods).
 */
#include "pycore.h"
#include "unicode_internal.h"

#define PyBUF_WRITABLE 0x0001
#define PyBUF_FORMAT 0x0004
#define PyBUF_ND 0x0008
#define PyBUF_STRIDES (0x0010 | PyBUF_ND)

#define BA(op) ((PyByteArrayObject *)(op))

/* ------------------------------------------------------------------ */
/* Resizing                                                            */
/* ------------------------------------------------------------------ */

static int
can_resize(PyByteArrayObject *self)
{
    if (self->ob_exports > 0) {
        PyErr_SetString(PyExc_BufferError,
                        "Existing exports of data: object cannot be re-sized");
        return 0;
    }
    return 1;
}

int
PyByteArray_Resize(PyObject *op, Py_ssize_t requested_size)
{
    PyByteArrayObject *self = BA(op);
    Py_ssize_t alloc = self->ob_alloc;
    Py_ssize_t logical_offset = self->ob_start - self->ob_bytes;
    size_t size = (size_t)requested_size;
    char *sval;

    if (requested_size < 0) {
        PyErr_Format(PyExc_ValueError, "Can only resize to positive sizes, got %zd", requested_size);
        return -1;
    }
    if (requested_size == Py_SIZE(self))
        return 0;
    if (!can_resize(self))
        return -1;
    if (size + (size_t)logical_offset + 1 <= (size_t)alloc) {
        if (size < (size_t)alloc / 2) {
            alloc = (Py_ssize_t)size + 1;          /* major downsize: exact */
        }
        else {
            Py_SET_SIZE(self, requested_size);     /* minor downsize: keep */
            self->ob_start[size] = '\0';
            return 0;
        }
    }
    else {
        if (size <= (size_t)alloc * 1.125)
            alloc = (Py_ssize_t)(size + (size >> 3) + (size < 9 ? 3 : 6));
        else
            alloc = (Py_ssize_t)size + 1;
    }
    if (alloc < 0 || (size_t)alloc < size) {
        PyErr_NoMemory();
        return -1;
    }
    if (logical_offset > 0) {
        sval = PyObject_Malloc((size_t)alloc);
        if (sval == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        if (Py_MIN(size, (size_t)Py_SIZE(self)) > 0)
            memcpy(sval, self->ob_start, Py_MIN(size, (size_t)Py_SIZE(self)));
        PyObject_Free(self->ob_bytes);
    }
    else {
        sval = PyObject_Realloc(self->ob_bytes, (size_t)alloc);
        if (sval == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    self->ob_bytes = self->ob_start = sval;
    Py_SET_SIZE(self, requested_size);
    self->ob_alloc = alloc;
    self->ob_bytes[size] = '\0';
    return 0;
}

/* ------------------------------------------------------------------ */
/* Construction                                                        */
/* ------------------------------------------------------------------ */

PyObject *
PyByteArray_FromStringAndSize(const char *bytes, Py_ssize_t size)
{
    PyByteArrayObject *new;
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError,
                        "Negative size passed to PyByteArray_FromStringAndSize");
        return NULL;
    }
    new = PyObject_New(PyByteArrayObject, &PyByteArray_Type);
    if (new == NULL)
        return NULL;
    if (size == 0) {
        new->ob_bytes = NULL;
        new->ob_alloc = 0;
    }
    else {
        new->ob_bytes = PyObject_Malloc((size_t)size + 1);
        if (new->ob_bytes == NULL) {
            Py_DECREF(new);
            return PyErr_NoMemory();
        }
        if (bytes != NULL)
            memcpy(new->ob_bytes, bytes, (size_t)size);
        new->ob_bytes[size] = '\0';
        new->ob_alloc = size + 1;
    }
    Py_SET_SIZE(new, size);
    new->ob_start = new->ob_bytes;
    new->ob_exports = 0;
    return (PyObject *)new;
}

PyObject *
PyByteArray_FromObject(PyObject *input)
{
    return PyObject_CallOneArg((PyObject *)&PyByteArray_Type, input);
}

char *
PyByteArray_AsString(PyObject *self)
{
    return PyByteArray_AS_STRING(self);
}

Py_ssize_t
PyByteArray_Size(PyObject *self)
{
    return Py_SIZE(self);
}

static int
getbytevalue(PyObject *arg, int *value)
{
    int overflow;
    long v;
    if (!PyLong_Check(arg)) {
        PyObject *idx = PyNumber_Index(arg);
        if (idx == NULL)
            return 0;
        v = PyLong_AsLongAndOverflow(idx, &overflow);
        Py_DECREF(idx);
    }
    else
        v = PyLong_AsLongAndOverflow(arg, &overflow);
    if (v == -1 && PyErr_Occurred())
        return 0;
    if (overflow || v < 0 || v > 255) {
        PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
        return 0;
    }
    *value = (int)v;
    return 1;
}

/* Append the bytes of a buffer (takes a real view, so self += self
   raises BufferError as in CPython). */
static int
iconcat_buffer(PyObject *self, PyObject *other)
{
    PyBufferProcs *pb = Py_TYPE(other)->tp_as_buffer;
    Py_buffer view;
    Py_ssize_t size = Py_SIZE(self);
    int r = -1;

    if (pb == NULL || pb->bf_getbuffer == NULL) {
        PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s",
                     Py_TYPE(other)->tp_name, Py_TYPE(self)->tp_name);
        return -1;
    }
    if (pb->bf_getbuffer(other, &view, 0) < 0)
        return -1;
    if (size > PY_SSIZE_T_MAX - view.len)
        PyErr_NoMemory();
    else if (PyByteArray_Resize(self, size + view.len) == 0) {
        if (view.len > 0)
            memcpy(BA(self)->ob_start + size, view.buf, (size_t)view.len);
        r = 0;
    }
    if (pb->bf_releasebuffer != NULL)
        pb->bf_releasebuffer(other, &view);
    Py_XDECREF(view.obj);
    return r;
}

static int
append_byte(PyObject *self, int value)
{
    Py_ssize_t n = Py_SIZE(self);
    if (n == PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "cannot add more objects to bytearray");
        return -1;
    }
    if (PyByteArray_Resize(self, n + 1) < 0)
        return -1;
    BA(self)->ob_start[n] = (char)value;
    return 0;
}

static int
extend_iterable(PyObject *self, PyObject *iterable, int from_init)
{
    PyObject *it = PyObject_GetIter(iterable), *item;
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            if (from_init)
                PyErr_Format(PyExc_TypeError, "cannot convert '%.200s' object to bytearray",
                             Py_TYPE(iterable)->tp_name);
            else
                PyErr_Format(PyExc_TypeError, "can't extend bytearray with %.100s",
                             Py_TYPE(iterable)->tp_name);
        }
        return -1;
    }
    while ((item = PyIter_Next(it)) != NULL) {
        int value;
        int ok = getbytevalue(item, &value);
        Py_DECREF(item);
        if (!ok || append_byte(self, value) < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static int
bytearray_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"source", "encoding", "errors", NULL};
    PyObject *out[3] = {NULL, NULL, NULL}, *arg, *encoded;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args), nkw = kwds ? PyDict_GET_SIZE(kwds) : 0;
    rp_bytesview v;
    int r;

    if (nkw == 0 && nargs <= 3) {
        for (Py_ssize_t i = 0; i < nargs; i++)
            out[i] = PyTuple_GET_ITEM(args, i);
    }
    else {
        PyObject *stack[8], *kwnames, *key, *value;
        Py_ssize_t pos = 0, k = 0;
        if (nargs + nkw > 8) {
            PyErr_Format(PyExc_TypeError, "bytearray() takes at most 3 arguments (%zd given)",
                         nargs + nkw);
            return -1;
        }
        for (Py_ssize_t i = 0; i < nargs; i++)
            stack[i] = PyTuple_GET_ITEM(args, i);
        kwnames = PyTuple_New(nkw);
        if (kwnames == NULL)
            return -1;
        while (kwds && PyDict_Next(kwds, &pos, &key, &value)) {
            PyTuple_SET_ITEM(kwnames, k, Py_NewRef(key));
            stack[nargs + k] = value;
            k++;
        }
        int ok = _PyArg_ParseFast("bytearray", stack, nargs, kwnames, kwlist, 0, 0, 3, 0, out);
        Py_DECREF(kwnames);
        if (!ok)
            return -1;
    }
    arg = out[0];
    if (out[1] != NULL && !PyUnicode_Check(out[1])) {
        PyErr_Format(PyExc_TypeError, "bytearray() argument 'encoding' must be str, not %.50s",
                     Py_TYPE(out[1])->tp_name);
        return -1;
    }
    if (out[2] != NULL && !PyUnicode_Check(out[2])) {
        PyErr_Format(PyExc_TypeError, "bytearray() argument 'errors' must be str, not %.50s",
                     Py_TYPE(out[2])->tp_name);
        return -1;
    }
    if (Py_SIZE(self) != 0 && PyByteArray_Resize(self, 0) < 0)
        return -1;
    if (arg == NULL) {
        if (out[1] != NULL || out[2] != NULL) {
            PyErr_SetString(PyExc_TypeError, out[1] != NULL
                            ? "encoding without a string argument"
                            : "errors without a string argument");
            return -1;
        }
        return 0;
    }
    if (PyUnicode_Check(arg)) {
        const char *enc, *err = NULL;
        if (out[1] == NULL) {
            PyErr_SetString(PyExc_TypeError, "string argument without an encoding");
            return -1;
        }
        if ((enc = PyUnicode_AsUTF8(out[1])) == NULL)
            return -1;
        if (out[2] != NULL && (err = PyUnicode_AsUTF8(out[2])) == NULL)
            return -1;
        encoded = PyUnicode_AsEncodedString(arg, enc, err);
        if (encoded == NULL)
            return -1;
        r = iconcat_buffer(self, encoded);
        Py_DECREF(encoded);
        return r;
    }
    if (out[1] != NULL || out[2] != NULL) {
        PyErr_SetString(PyExc_TypeError, out[1] != NULL
                        ? "encoding without a string argument"
                        : "errors without a string argument");
        return -1;
    }
    if (PyIndex_Check(arg)) {
        Py_ssize_t count = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
        if (count == -1 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_TypeError))
                return -1;
            PyErr_Clear();
        }
        else {
            if (count < 0) {
                PyErr_SetString(PyExc_ValueError, "negative count");
                return -1;
            }
            if (count > 0) {
                if (PyByteArray_Resize(self, count) < 0)
                    return -1;
                memset(BA(self)->ob_start, 0, (size_t)count);
            }
            return 0;
        }
    }
    r = _Py_BytesViewTry(arg, &v);
    if (r == 0) {
        if (v.len > 0 && PyByteArray_Resize(self, v.len) == 0)
            memcpy(BA(self)->ob_start, v.buf, (size_t)v.len);
        else if (v.len > 0)
            r = -1;
        _Py_BytesViewRelease(&v);
        return r;
    }
    if (r == -2)
        return -1;
    return extend_iterable(self, arg, 1);
}

/* ------------------------------------------------------------------ */
/* Slots                                                               */
/* ------------------------------------------------------------------ */

static void
bytearray_dealloc(PyObject *self)
{
    if (BA(self)->ob_exports > 0) {
        PyErr_SetString(PyExc_SystemError, "deallocated bytearray object has exported buffers");
        PyErr_Print();
    }
    if (BA(self)->ob_bytes != NULL)
        PyObject_Free(BA(self)->ob_bytes);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
bytearray_repr(PyObject *self)
{
    const char *name = _PyType_Name(Py_TYPE(self));
    size_t nl = strlen(name);
    char prefix[256];
    if (nl > 200)
        nl = 200;
    memcpy(prefix, name, nl);
    prefix[nl] = '(';
    prefix[nl + 1] = '\0';
    return _Py_bytes_repr(PyByteArray_AS_STRING(self), Py_SIZE(self), -1, prefix, ")");
}

static Py_ssize_t
bytearray_length(PyObject *self)
{
    return Py_SIZE(self);
}

static PyObject *
bytearray_richcompare(PyObject *self, PyObject *other, int op)
{
    rp_bytesview a, b;
    Py_ssize_t n;
    int c;
    if (PyUnicode_Check(self) || PyUnicode_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    if (_Py_BytesViewTry(self, &a) < 0) {
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (_Py_BytesViewTry(other, &b) < 0) {
        PyErr_Clear();
        _Py_BytesViewRelease(&a);
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (a.len != b.len && (op == Py_EQ || op == Py_NE)) {
        _Py_BytesViewRelease(&a);
        _Py_BytesViewRelease(&b);
        return PyBool_FromLong(op == Py_NE);
    }
    n = Py_MIN(a.len, b.len);
    c = memcmp(a.buf, b.buf, (size_t)n);
    if (c == 0)
        c = a.len < b.len ? -1 : a.len > b.len;
    _Py_BytesViewRelease(&a);
    _Py_BytesViewRelease(&b);
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

PyObject *
PyByteArray_Concat(PyObject *a, PyObject *b)
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
    if (va.len > PY_SSIZE_T_MAX - vb.len)
        PyErr_NoMemory();
    else {
        res = PyByteArray_FromStringAndSize(NULL, va.len + vb.len);
        if (res != NULL && va.len + vb.len > 0) {
            memcpy(BA(res)->ob_start, va.buf, (size_t)va.len);
            memcpy(BA(res)->ob_start + va.len, vb.buf, (size_t)vb.len);
        }
    }
    _Py_BytesViewRelease(&va);
    _Py_BytesViewRelease(&vb);
    return res;
}

static PyObject *
bytearray_iconcat(PyObject *self, PyObject *other)
{
    if (iconcat_buffer(self, other) < 0)
        return NULL;
    return Py_NewRef(self);
}

static PyObject *
bytearray_repeat(PyObject *self, Py_ssize_t count)
{
    Py_ssize_t n = Py_SIZE(self);
    PyObject *res;
    if (count < 0)
        count = 0;
    if (count > 0 && n > PY_SSIZE_T_MAX / count)
        return PyErr_NoMemory();
    res = PyByteArray_FromStringAndSize(NULL, n * count);
    if (res == NULL || n == 0)
        return res;
    for (Py_ssize_t i = 0; i < count; i++)
        memcpy(BA(res)->ob_start + i * n, PyByteArray_AS_STRING(self), (size_t)n);
    return res;
}

static PyObject *
bytearray_irepeat(PyObject *self, Py_ssize_t count)
{
    Py_ssize_t n = Py_SIZE(self), total;
    if (count < 0)
        count = 0;
    if (count > 0 && n > PY_SSIZE_T_MAX / count)
        return PyErr_NoMemory();
    total = n * count;
    if (PyByteArray_Resize(self, total) < 0)
        return NULL;
    char *d = PyByteArray_AS_STRING(self);
    for (Py_ssize_t i = 1; i < count; i++)
        memcpy(d + i * n, d, (size_t)n);
    return Py_NewRef(self);
}

static PyObject *
bytearray_getitem(PyObject *self, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "bytearray index out of range");
        return NULL;
    }
    return PyLong_FromLong((unsigned char)BA(self)->ob_start[i]);
}

static PyObject *
bytearray_subscript(PyObject *self, PyObject *index)
{
    if (PyIndex_Check(index)) {
        Py_ssize_t i = PyNumber_AsSsize_t(index, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += Py_SIZE(self);
        return bytearray_getitem(self, i);
    }
    if (PySlice_Check(index)) {
        Py_ssize_t start, stop, step, n, i, cur;
        PyObject *res;
        if (PySlice_Unpack(index, &start, &stop, &step) < 0)
            return NULL;
        n = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
        if (n <= 0)
            return PyByteArray_FromStringAndSize("", 0);
        if (step == 1)
            return PyByteArray_FromStringAndSize(BA(self)->ob_start + start, n);
        res = PyByteArray_FromStringAndSize(NULL, n);
        if (res == NULL)
            return NULL;
        for (cur = start, i = 0; i < n; cur += step, i++)
            BA(res)->ob_start[i] = BA(self)->ob_start[cur];
        return res;
    }
    PyErr_Format(PyExc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                 Py_TYPE(index)->tp_name);
    return NULL;
}

/* Replace self[lo:hi] by bytes[0:needed] -- the contiguous case. */
static int
setslice_linear(PyObject *self, Py_ssize_t lo, Py_ssize_t hi, const char *bytes, Py_ssize_t needed)
{
    PyByteArrayObject *ba = BA(self);
    Py_ssize_t avail = hi - lo, growth = needed - avail;
    char *buf = PyByteArray_AS_STRING(self);

    if (growth < 0) {
        if (!can_resize(ba))
            return -1;
        if (lo == 0)
            ba->ob_start -= growth;     /* drop the front by moving the start */
        else
            memmove(buf + lo + needed, buf + hi, (size_t)(Py_SIZE(ba) - hi));
        if (PyByteArray_Resize(self, Py_SIZE(ba) + growth) < 0) {
            if (lo == 0) {
                ba->ob_start += growth;
                return -1;
            }
            Py_SET_SIZE(ba, Py_SIZE(ba) + growth);
            return -1;
        }
        buf = PyByteArray_AS_STRING(self);
    }
    else if (growth > 0) {
        if (Py_SIZE(ba) > PY_SSIZE_T_MAX - growth) {
            PyErr_NoMemory();
            return -1;
        }
        if (PyByteArray_Resize(self, Py_SIZE(ba) + growth) < 0)
            return -1;
        buf = PyByteArray_AS_STRING(self);
        memmove(buf + lo + needed, buf + hi, (size_t)(Py_SIZE(ba) - lo - needed));
    }
    if (needed > 0)
        memcpy(buf + lo, bytes, (size_t)needed);
    return 0;
}

static int
bytearray_setslice(PyObject *self, Py_ssize_t lo, Py_ssize_t hi, PyObject *values)
{
    rp_bytesview v;
    int r;
    if (values == self || (values != NULL && !PyByteArray_Check(values) && !PyBytes_Check(values))) {
        if (values != NULL && values != self) {
            r = _Py_BytesViewTry(values, &v);
            if (r == 0) {
                r = setslice_linear(self, lo, hi, v.buf, v.len);
                _Py_BytesViewRelease(&v);
                return r;
            }
            if (r == -2)
                return -1;
            if (PyNumber_Check(values) || PyUnicode_Check(values)) {
                PyErr_SetString(PyExc_TypeError,
                                "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
                return -1;
            }
        }
        PyObject *copy = PyByteArray_FromObject(values);
        if (copy == NULL)
            return -1;
        r = setslice_linear(self, lo, hi, PyByteArray_AS_STRING(copy), Py_SIZE(copy));
        Py_DECREF(copy);
        return r;
    }
    if (values == NULL)
        return setslice_linear(self, lo, hi, NULL, 0);
    if (PyBytes_Check(values))
        return setslice_linear(self, lo, hi, PyBytes_AS_STRING(values), PyBytes_GET_SIZE(values));
    return setslice_linear(self, lo, hi, PyByteArray_AS_STRING(values), Py_SIZE(values));
}

static int
bytearray_setitem(PyObject *self, Py_ssize_t i, PyObject *value)
{
    int ival;
    if (i < 0)
        i += Py_SIZE(self);
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "bytearray index out of range");
        return -1;
    }
    if (value == NULL)
        return bytearray_setslice(self, i, i + 1, NULL);
    if (!getbytevalue(value, &ival))
        return -1;
    BA(self)->ob_start[i] = (char)ival;
    return 0;
}

static int
bytearray_ass_item(PyObject *self, Py_ssize_t i, PyObject *value)
{
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "bytearray index out of range");
        return -1;
    }
    return bytearray_setitem(self, i, value);
}

static int
bytearray_ass_subscript(PyObject *self, PyObject *index, PyObject *values)
{
    Py_ssize_t start, stop, step, slicelen, needed, i, cur;
    PyObject *owned = NULL;
    const char *bytes;
    int r = -1;

    if (PyIndex_Check(index)) {
        Py_ssize_t i = PyNumber_AsSsize_t(index, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return -1;
        if (values != NULL) {
            int ival;
            if (i < 0)
                i += Py_SIZE(self);
            if (i < 0 || i >= Py_SIZE(self)) {
                PyErr_SetString(PyExc_IndexError, "bytearray index out of range");
                return -1;
            }
            if (!getbytevalue(values, &ival))
                return -1;
            BA(self)->ob_start[i] = (char)ival;
            return 0;
        }
        return bytearray_setitem(self, i, NULL);
    }
    if (!PySlice_Check(index)) {
        PyErr_Format(PyExc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                     Py_TYPE(index)->tp_name);
        return -1;
    }
    if (PySlice_Unpack(index, &start, &stop, &step) < 0)
        return -1;
    slicelen = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
    if (step == 1)
        return bytearray_setslice(self, start, slicelen > 0 ? start + slicelen : start, values);
    if (values == NULL) {
        bytes = NULL;
        needed = 0;
    }
    else if (values == self || !PyByteArray_Check(values)) {
        if (PyNumber_Check(values) || PyUnicode_Check(values)) {
            PyErr_SetString(PyExc_TypeError,
                            "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return -1;
        }
        owned = PyByteArray_FromObject(values);
        if (owned == NULL)
            return -1;
        bytes = PyByteArray_AS_STRING(owned);
        needed = Py_SIZE(owned);
    }
    else {
        bytes = PyByteArray_AS_STRING(values);
        needed = Py_SIZE(values);
    }
    if (step < 0 && values == NULL) {
        /* normalise a negative-step deletion to a positive one */
        if (slicelen > 0) {
            stop = start + 1;
            start = stop + step * (slicelen - 1) - 1;
            step = -step;
        }
    }
    if (values == NULL) {
        char *buf = PyByteArray_AS_STRING(self);
        Py_ssize_t n = Py_SIZE(self), lim;
        if (slicelen <= 0) {
            r = 0;
            goto done;
        }
        if (!can_resize(BA(self)))
            goto done;
        for (cur = start, i = 0; i < slicelen; cur += step, i++) {
            lim = step - 1;
            if (cur + step >= n)
                lim = n - cur - 1;
            memmove(buf + cur - i, buf + cur + 1, (size_t)lim);
        }
        cur = start + slicelen * step;
        if (cur < n)
            memmove(buf + cur - slicelen, buf + cur, (size_t)(n - cur));
        r = PyByteArray_Resize(self, n - slicelen);
        goto done;
    }
    if (needed != slicelen) {
        PyErr_Format(PyExc_ValueError,
                     "attempt to assign bytes of size %zd to extended slice of size %zd",
                     needed, slicelen);
        goto done;
    }
    {
        char *buf = PyByteArray_AS_STRING(self);
        for (cur = start, i = 0; i < slicelen; cur += step, i++)
            buf[cur] = bytes[i];
    }
    r = 0;
done:
    Py_XDECREF(owned);
    return r;
}

static int
bytearray_contains(PyObject *self, PyObject *arg)
{
    return _Py_bytes_contains(PyByteArray_AS_STRING(self), Py_SIZE(self), arg);
}

static int
bytearray_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    if (view == NULL) {
        PyErr_SetString(PyExc_BufferError, "bytearray_getbuffer: view==NULL argument is obsolete");
        return -1;
    }
    view->obj = Py_NewRef(self);
    view->buf = PyByteArray_AS_STRING(self);
    view->len = Py_SIZE(self);
    view->readonly = 0;
    view->itemsize = 1;
    view->format = (flags & PyBUF_FORMAT) ? "B" : NULL;
    view->ndim = 1;
    view->shape = (flags & PyBUF_ND) ? &view->len : NULL;
    view->strides = ((flags & PyBUF_STRIDES) == PyBUF_STRIDES) ? &view->itemsize : NULL;
    view->suboffsets = NULL;
    view->internal = NULL;
    BA(self)->ob_exports++;
    return 0;
}

static void
bytearray_releasebuffer(PyObject *self, Py_buffer *view)
{
    BA(self)->ob_exports--;
}

static PyObject *
bytearray_mod(PyObject *v, PyObject *w)
{
    if (!PyByteArray_Check(v))
        Py_RETURN_NOTIMPLEMENTED;
    return _PyBytes_FormatEx(PyByteArray_AS_STRING(v), Py_SIZE(v), w, 1);
}

/* ------------------------------------------------------------------ */
/* Methods                                                             */
/* ------------------------------------------------------------------ */

static PyObject *
bytearray_append(PyObject *self, PyObject *item)
{
    int value;
    if (!getbytevalue(item, &value))
        return NULL;
    if (append_byte(self, value) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
bytearray_extend(PyObject *self, PyObject *iterable)
{
    PyBufferProcs *pb = Py_TYPE(iterable)->tp_as_buffer;
    if (pb != NULL && pb->bf_getbuffer != NULL) {
        if (iconcat_buffer(self, iterable) < 0)
            return NULL;
        Py_RETURN_NONE;
    }
    if (extend_iterable(self, iterable, 0) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
bytearray_insert(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t where, n = Py_SIZE(self);
    int value;
    PyObject *idx;
    if (!_PyArg_CheckPositional("insert", nargs, 2, 2))
        return NULL;
    idx = PyNumber_Index(args[0]);
    if (idx == NULL)
        return NULL;
    where = PyLong_AsSsize_t(idx);
    Py_DECREF(idx);
    if (where == -1 && PyErr_Occurred())
        return NULL;
    if (!getbytevalue(args[1], &value))
        return NULL;
    if (n == PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "cannot add more objects to bytearray");
        return NULL;
    }
    if (PyByteArray_Resize(self, n + 1) < 0)
        return NULL;
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    char *buf = PyByteArray_AS_STRING(self);
    memmove(buf + where + 1, buf + where, (size_t)(n - where));
    buf[where] = (char)value;
    Py_RETURN_NONE;
}

static PyObject *
bytearray_pop(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t index = -1, n = Py_SIZE(self);
    int value;
    char *buf;
    if (!_PyArg_CheckPositional("pop", nargs, 0, 1))
        return NULL;
    if (nargs == 1) {
        PyObject *idx = PyNumber_Index(args[0]);
        if (idx == NULL)
            return NULL;
        index = PyLong_AsSsize_t(idx);
        Py_DECREF(idx);
        if (index == -1 && PyErr_Occurred())
            return NULL;
    }
    if (n == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty bytearray");
        return NULL;
    }
    if (index < 0)
        index += n;
    if (index < 0 || index >= n) {
        PyErr_SetString(PyExc_IndexError, "pop index out of range");
        return NULL;
    }
    if (!can_resize(BA(self)))
        return NULL;
    buf = PyByteArray_AS_STRING(self);
    value = (unsigned char)buf[index];
    memmove(buf + index, buf + index + 1, (size_t)(n - index - 1));
    if (PyByteArray_Resize(self, n - 1) < 0)
        return NULL;
    return PyLong_FromLong(value);
}

static PyObject *
bytearray_remove(PyObject *self, PyObject *arg)
{
    int value;
    Py_ssize_t n = Py_SIZE(self), where;
    char *buf, *p;
    if (!getbytevalue(arg, &value))
        return NULL;
    buf = PyByteArray_AS_STRING(self);
    p = memchr(buf, value, (size_t)n);
    if (p == NULL) {
        PyErr_SetString(PyExc_ValueError, "value not found in bytearray");
        return NULL;
    }
    if (!can_resize(BA(self)))
        return NULL;
    where = p - buf;
    memmove(buf + where, buf + where + 1, (size_t)(n - where - 1));
    if (PyByteArray_Resize(self, n - 1) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
bytearray_clear(PyObject *self, PyObject *Py_UNUSED(u))
{
    if (PyByteArray_Resize(self, 0) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
bytearray_copy(PyObject *self, PyObject *Py_UNUSED(u))
{
    return PyByteArray_FromStringAndSize(PyByteArray_AS_STRING(self), Py_SIZE(self));
}

static PyObject *
bytearray_reverse(PyObject *self, PyObject *Py_UNUSED(u))
{
    Py_ssize_t n = Py_SIZE(self);
    char *buf = PyByteArray_AS_STRING(self);
    for (Py_ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        char t = buf[i];
        buf[i] = buf[j];
        buf[j] = t;
    }
    Py_RETURN_NONE;
}

static PyObject *
bytearray_alloc(PyObject *self, PyObject *Py_UNUSED(u))
{
    return PyLong_FromSsize_t(BA(self)->ob_alloc);
}

static PyObject *
bytearray_sizeof(PyObject *self, PyObject *Py_UNUSED(u))
{
    return PyLong_FromSsize_t(Py_TYPE(self)->tp_basicsize + BA(self)->ob_alloc);
}

static PyObject *
common_reduce(PyObject *self, int proto)
{
    PyObject *dict = NULL, *state, *res;
    if (_PyObject_LookupAttr(self, _Py_ID(__dict__), &dict) < 0)
        return NULL;
    if (dict == NULL || (PyDict_Check(dict) && PyDict_GET_SIZE(dict) == 0)) {
        Py_XDECREF(dict);
        dict = Py_NewRef(Py_None);
    }
    if (proto < 3) {
        state = PyUnicode_DecodeLatin1(PyByteArray_AS_STRING(self), Py_SIZE(self), NULL);
        res = state ? Py_BuildValue("(O(Ns)N)", Py_TYPE(self), state, "latin-1", dict) : NULL;
        if (state == NULL)
            Py_DECREF(dict);
        return res;
    }
    state = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(self), Py_SIZE(self));
    if (state == NULL) {
        Py_DECREF(dict);
        return NULL;
    }
    return Py_BuildValue("(O(N)N)", Py_TYPE(self), state, dict);
}

static PyObject *
bytearray_reduce(PyObject *self, PyObject *Py_UNUSED(u))
{
    return common_reduce(self, 2);
}

static PyObject *
bytearray_reduce_ex(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    long proto = 0;
    if (!_PyArg_CheckPositional("__reduce_ex__", nargs, 0, 1))
        return NULL;
    if (nargs == 1) {
        proto = PyLong_AsLong(args[0]);
        if (proto == -1 && PyErr_Occurred())
            return NULL;
    }
    return common_reduce(self, (int)proto);
}

#define FAST(f) (PyCFunction)(void (*)(void))(f)

static PyMethodDef bytearray_own_methods[] = {
    {"__alloc__", (PyCFunction)bytearray_alloc, METH_NOARGS,
     "B.__alloc__() -> int\n\nReturn the number of bytes actually allocated."},
    {"__reduce__", (PyCFunction)bytearray_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__reduce_ex__", FAST(bytearray_reduce_ex), METH_FASTCALL, "Return state information for pickling."},
    {"__sizeof__", (PyCFunction)bytearray_sizeof, METH_NOARGS,
     "Returns the size of the bytearray object in memory, in bytes."},
    {"append", (PyCFunction)bytearray_append, METH_O, "Append a single item to the end of the bytearray."},
    {"clear", (PyCFunction)bytearray_clear, METH_NOARGS, "Remove all items from the bytearray."},
    {"copy", (PyCFunction)bytearray_copy, METH_NOARGS, "Return a copy of B."},
    {"extend", (PyCFunction)bytearray_extend, METH_O,
     "Append all the items from the iterator or sequence to the end of the bytearray."},
    {"insert", FAST(bytearray_insert), METH_FASTCALL, "Insert a single item into the bytearray before the given index."},
    {"pop", FAST(bytearray_pop), METH_FASTCALL, "Remove and return a single item from B."},
    {"remove", (PyCFunction)bytearray_remove, METH_O, "Remove the first occurrence of a value in the bytearray."},
    {"reverse", (PyCFunction)bytearray_reverse, METH_NOARGS, "Reverse the order of the values in B in place."},
    {NULL, NULL, 0, NULL}
};

#define BYTEARRAY_MAX_METHODS 80
static PyMethodDef bytearray_methods[BYTEARRAY_MAX_METHODS];

void
_PyByteArray_PrepareMethods(void)
{
    size_t n = 0;
    if (bytearray_methods[0].ml_name != NULL)
        return;
    for (PyMethodDef *m = bytearray_own_methods; m->ml_name && n + 1 < BYTEARRAY_MAX_METHODS; m++)
        bytearray_methods[n++] = *m;
    for (PyMethodDef *m = _Py_BytesCommonMethods; m->ml_name && n + 1 < BYTEARRAY_MAX_METHODS; m++)
        bytearray_methods[n++] = *m;
    bytearray_methods[n].ml_name = NULL;
}

static PyNumberMethods bytearray_as_number = {
    .nb_remainder = bytearray_mod,
};

static PySequenceMethods bytearray_as_sequence = {
    .sq_length = bytearray_length,
    .sq_concat = PyByteArray_Concat,
    .sq_repeat = bytearray_repeat,
    .sq_item = bytearray_getitem,
    .sq_ass_item = bytearray_ass_item,
    .sq_contains = bytearray_contains,
    .sq_inplace_concat = bytearray_iconcat,
    .sq_inplace_repeat = bytearray_irepeat,
};

static PyMappingMethods bytearray_as_mapping = {
    .mp_length = bytearray_length,
    .mp_subscript = bytearray_subscript,
    .mp_ass_subscript = bytearray_ass_subscript,
};

static PyBufferProcs bytearray_as_buffer = {
    .bf_getbuffer = bytearray_getbuffer,
    .bf_releasebuffer = bytearray_releasebuffer,
};

static PyObject *bytearray_iter(PyObject *seq);

static const char bytearray_doc[] =
"bytearray(iterable_of_ints) -> bytearray\n"
"bytearray(string, encoding[, errors]) -> bytearray\n"
"bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
"bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
"bytearray() -> empty bytes array\n"
"\n"
"Construct a mutable bytearray object from:\n"
"  - an iterable yielding integers in range(256)\n"
"  - a text string encoded using the specified encoding\n"
"  - a bytes or a buffer object\n"
"  - any object implementing the buffer API.\n"
"  - an integer";

PyTypeObject PyByteArray_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(PyByteArrayObject),
    .tp_dealloc = bytearray_dealloc,
    .tp_repr = bytearray_repr,
    .tp_as_number = &bytearray_as_number,
    .tp_as_sequence = &bytearray_as_sequence,
    .tp_as_mapping = &bytearray_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_str = bytearray_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &bytearray_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = bytearray_doc,
    .tp_richcompare = bytearray_richcompare,
    .tp_iter = bytearray_iter,
    .tp_methods = bytearray_methods,
    .tp_init = bytearray_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_Free,
};

/* ------------------------------------------------------------------ */
/* bytearray_iterator                                                  */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyObject *it_seq;
} bytearrayiterobject;

static PyObject *
bytearray_iter(PyObject *seq)
{
    bytearrayiterobject *it = PyObject_GC_New(bytearrayiterobject, &PyByteArrayIter_Type);
    if (it == NULL)
        return NULL;
    it->it_index = 0;
    it->it_seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void
bytearrayiter_dealloc(PyObject *op)
{
    bytearrayiterobject *it = (bytearrayiterobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(op);
}

static int
bytearrayiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((bytearrayiterobject *)op)->it_seq);
    return 0;
}

static PyObject *
bytearrayiter_next(PyObject *op)
{
    bytearrayiterobject *it = (bytearrayiterobject *)op;
    PyObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index < Py_SIZE(seq))
        return PyLong_FromLong((unsigned char)PyByteArray_AS_STRING(seq)[it->it_index++]);
    it->it_seq = NULL;
    Py_DECREF(seq);
    return NULL;
}

static PyObject *
bytearrayiter_length_hint(PyObject *op, PyObject *Py_UNUSED(u))
{
    bytearrayiterobject *it = (bytearrayiterobject *)op;
    Py_ssize_t len = 0;
    if (it->it_seq) {
        len = Py_SIZE(it->it_seq) - it->it_index;
        if (len < 0)
            len = 0;
    }
    return PyLong_FromSsize_t(len);
}

static PyObject *
bytearrayiter_reduce(PyObject *op, PyObject *Py_UNUSED(u))
{
    bytearrayiterobject *it = (bytearrayiterobject *)op;
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
bytearrayiter_setstate(PyObject *op, PyObject *state)
{
    bytearrayiterobject *it = (bytearrayiterobject *)op;
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (it->it_seq != NULL) {
        if (index < 0)
            index = 0;
        it->it_index = index;
    }
    Py_RETURN_NONE;
}

static PyMethodDef bytearrayiter_methods[] = {
    {"__length_hint__", (PyCFunction)bytearrayiter_length_hint, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)bytearrayiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", (PyCFunction)bytearrayiter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyByteArrayIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytearray_iterator",
    .tp_basicsize = sizeof(bytearrayiterobject),
    .tp_dealloc = bytearrayiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = bytearrayiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = bytearrayiter_next,
    .tp_methods = bytearrayiter_methods,
};
