/* memoryobject.c -- memoryview: a typed, shaped window on another object's
 * buffer, without copying.
 *
 * Two objects cooperate, as in CPython:
 *
 *   managed buffer (_PyManagedBuffer_Type, invisible to Python)
 *       owns the one Py_buffer obtained from the exporter (bytes,
 *       bytearray, ...) with PyBUF_FULL_RO, and counts the memoryviews
 *       registered on it.  When the last one goes (released or freed) it
 *       gives the buffer back, so a bytearray can be resized again.
 *
 *   memoryview (PyMemoryView_Type)
 *       a Py_buffer of its own describing a view of the managed buffer's
 *       memory: start pointer, format, itemsize, ndim, and shape / strides /
 *       suboffsets arrays stored inline after the object (3 * ndim
 *       Py_ssize_t, as CPython's ob_array).  Slicing and cast() make new
 *       memoryviews registered on the same managed buffer; only getbuffer
 *       on a memoryview itself (exports) prevents release().
 *
 * Elements are read and written with the native struct formats of a single
 * character ('B', 'b', 'c', '?', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q',
 * 'n', 'N', 'f', 'd', 'e', 'P', optionally prefixed by '@'), which is all
 * cast() can produce.  Slicing is one-dimensional; a multi-dimensional view
 * (from cast(..., shape)) supports tuple indexing, tolist() and tobytes().
 *
 * Every operation on a released view raises ValueError("operation forbidden
 * on released memoryview object"); the messages are CPython 3.12's.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_langextras.h"
#include "unicode_internal.h"     /* _Py_bytes_hex */
#include <float.h>
#include <limits.h>
#include <stdint.h>

#define MV_MAX_NDIM 64

/* memoryview flags */
#define MV_RELEASED   0x001
#define MV_C          0x002   /* C-contiguous */
#define MV_F          0x004   /* Fortran-contiguous */
#define MV_SCALAR     0x008   /* ndim == 0 */
#define MV_PIL        0x010   /* has suboffsets */

typedef struct {
    PyObject_HEAD
    int released;
    Py_ssize_t exports;       /* memoryviews registered on it */
    Py_buffer master;
} mbufobject;

typedef struct {
    PyObject_VAR_HEAD         /* ob_size: 3 * ndim */
    mbufobject *mbuf;
    Py_hash_t hash;
    int flags;
    Py_ssize_t exports;       /* buffers exported by this memoryview */
    Py_buffer view;
    PyObject *weakreflist;
    Py_ssize_t ob_array[1];   /* shape, strides, suboffsets */
} mvobject;

#define RELEASED_MSG "operation forbidden on released memoryview object"

#define CHECK_RELEASED(mv) \
    if (((mvobject *)(mv))->flags & MV_RELEASED || ((mvobject *)(mv))->mbuf->released) { \
        PyErr_SetString(PyExc_ValueError, RELEASED_MSG); return NULL; }
#define CHECK_RELEASED_INT(mv) \
    if (((mvobject *)(mv))->flags & MV_RELEASED || ((mvobject *)(mv))->mbuf->released) { \
        PyErr_SetString(PyExc_ValueError, RELEASED_MSG); return -1; }
#define IS_RELEASED(mv) \
    ((((mvobject *)(mv))->flags & MV_RELEASED) || ((mvobject *)(mv))->mbuf->released)

/* ------------------------------------------------------------------ */
/* Managed buffer                                                      */
/* ------------------------------------------------------------------ */

static void
mbuf_release(mbufobject *self)
{
    if (self->released)
        return;
    self->released = 1;
    /* the exporter may run code: keep the object alive meanwhile */
    PyObject_GC_UnTrack(self);
    PyBuffer_Release(&self->master);
}

static void
mbuf_dealloc(PyObject *op)
{
    mbufobject *self = (mbufobject *)op;
    mbuf_release(self);
    PyObject_GC_Del(op);
}

static int
mbuf_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((mbufobject *)op)->master.obj);
    return 0;
}

static int
mbuf_clear(PyObject *op)
{
    mbuf_release((mbufobject *)op);
    return 0;
}

PyTypeObject _PyManagedBuffer_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "managedbuffer",
    .tp_basicsize = sizeof(mbufobject),
    .tp_dealloc = mbuf_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = mbuf_traverse,
    .tp_clear = mbuf_clear,
};

static int
ensure_ready(void)
{
    if (!(PyMemoryView_Type.tp_flags & Py_TPFLAGS_READY)) {
        if (PyType_Ready(&_PyManagedBuffer_Type) < 0 || PyType_Ready(&PyMemoryView_Type) < 0 ||
            PyType_Ready(&_PyMemoryIter_Type) < 0)
            return -1;
    }
    return 0;
}

/* New reference: a managed buffer over obj's buffer. */
static mbufobject *
mbuf_from_object(PyObject *obj)
{
    mbufobject *mbuf = PyObject_GC_New(mbufobject, &_PyManagedBuffer_Type);
    if (mbuf == NULL)
        return NULL;
    mbuf->released = 1;       /* nothing to give back yet */
    mbuf->exports = 0;
    memset(&mbuf->master, 0, sizeof(mbuf->master));
    if (PyObject_GetBuffer(obj, &mbuf->master, PyBUF_FULL_RO) < 0) {
        Py_DECREF(mbuf);
        return NULL;
    }
    mbuf->released = 0;
    PyObject_GC_Track(mbuf);
    return mbuf;
}

/* ------------------------------------------------------------------ */
/* Formats                                                             */
/* ------------------------------------------------------------------ */

/* Size of a native single-character format ("B", "@d"), -1 if not one;
   *ch gets the character. */
static Py_ssize_t
native_fmt(char *ch, const char *fmt)
{
    if (fmt == NULL) {
        *ch = 'B';
        return 1;
    }
    if (fmt[0] == '@')
        fmt++;
    if (fmt[0] == '\0' || fmt[1] != '\0')
        return -1;
    *ch = fmt[0];
    switch (fmt[0]) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': return sizeof(int);
    case 'l': case 'L': return sizeof(long);
    case 'q': case 'Q': return sizeof(long long);
    case 'n': case 'N': return sizeof(Py_ssize_t);
    case 'f': return sizeof(float);
    case 'd': return sizeof(double);
    case 'P': return sizeof(void *);
    }
    return -1;
}

/* The static copy of a native format string (cast() keeps no reference
   to the str it was given). */
static const char *
native_fmt_str(const char *fmt)
{
    static const char all[] = "cbB?hHeiIlLqQnNfdP";
    static const char *const plain[] = {
        "c", "b", "B", "?", "h", "H", "e", "i", "I", "l", "L", "q", "Q", "n", "N", "f", "d", "P"};
    static const char *const at[] = {
        "@c", "@b", "@B", "@?", "@h", "@H", "@e", "@i", "@I", "@l", "@L", "@q", "@Q", "@n",
        "@N", "@f", "@d", "@P"};
    int with_at = fmt[0] == '@';
    const char *p = strchr(all, fmt[with_at]);
    if (p == NULL || fmt[with_at] == '\0')
        return NULL;
    return with_at ? at[p - all] : plain[p - all];
}

#define IS_BYTE_FORMAT(c) ((c) == 'b' || (c) == 'B' || (c) == 'c')

/* The format for messages and element access, without '@'; NULL with
   NotImplementedError for formats memoryview cannot handle. */
static const char *
adjust_fmt(const Py_buffer *view)
{
    char ch;
    if (native_fmt(&ch, view->format) < 0) {
        PyErr_Format(PyExc_NotImplementedError, "memoryview: unsupported format %s", view->format);
        return NULL;
    }
    const char *fmt = view->format ? view->format : "B";
    return fmt[0] == '@' ? fmt + 1 : fmt;
}

/* New reference: the element at ptr. */
static PyObject *
unpack_single(const char *ptr, const char *fmt)
{
#define LOAD(type) ({ type v_; memcpy(&v_, ptr, sizeof(type)); v_; })
    switch (fmt[0]) {
    case 'B': return PyLong_FromLong(*(const unsigned char *)ptr);
    case 'b': return PyLong_FromLong(*(const signed char *)ptr);
    case 'c': return PyBytes_FromStringAndSize(ptr, 1);
    case '?': return PyBool_FromLong(*(const unsigned char *)ptr != 0);
    case 'h': return PyLong_FromLong(LOAD(short));
    case 'H': return PyLong_FromLong(LOAD(unsigned short));
    case 'i': return PyLong_FromLong(LOAD(int));
    case 'I': return PyLong_FromUnsignedLong(LOAD(unsigned int));
    case 'l': return PyLong_FromLong(LOAD(long));
    case 'L': return PyLong_FromUnsignedLong(LOAD(unsigned long));
    case 'q': return PyLong_FromLongLong(LOAD(long long));
    case 'Q': return PyLong_FromUnsignedLongLong(LOAD(unsigned long long));
    case 'n': return PyLong_FromSsize_t(LOAD(Py_ssize_t));
    case 'N': return PyLong_FromSize_t(LOAD(size_t));
    case 'f': return PyFloat_FromDouble(LOAD(float));
    case 'd': return PyFloat_FromDouble(LOAD(double));
    case 'e': {
        double d = PyFloat_Unpack2(ptr, PY_LITTLE_ENDIAN);
        if (d == -1.0 && PyErr_Occurred())
            return NULL;
        return PyFloat_FromDouble(d);
    }
    case 'P': return PyLong_FromUnsignedLongLong((unsigned long long)(uintptr_t)LOAD(void *));
    }
#undef LOAD
    PyErr_Format(PyExc_NotImplementedError, "memoryview: unsupported format %s", fmt);
    return NULL;
}

static int
type_error_fmt(const char *fmt)
{
    PyErr_Format(PyExc_TypeError, "memoryview: invalid type for format '%s'", fmt);
    return -1;
}

static int
value_error_fmt(const char *fmt)
{
    PyErr_Format(PyExc_ValueError, "memoryview: invalid value for format '%s'", fmt);
    return -1;
}

/* Turn a conversion error into memoryview's own message. */
static int
fix_error(const char *fmt)
{
    if (PyErr_ExceptionMatches(PyExc_TypeError)) {
        PyErr_Clear();
        return type_error_fmt(fmt);
    }
    if (PyErr_ExceptionMatches(PyExc_OverflowError) || PyErr_ExceptionMatches(PyExc_ValueError)) {
        PyErr_Clear();
        return value_error_fmt(fmt);
    }
    return -1;
}

/* Store item at ptr in format fmt.  0 / -1. */
static int
pack_single(char *ptr, PyObject *item, const char *fmt)
{
#define STORE(type, v) do { type v_ = (type)(v); memcpy(ptr, &v_, sizeof(type)); } while (0)
    switch (fmt[0]) {
    case 'b': case 'h': case 'i': case 'l': {
        PyObject *idx = PyNumber_Index(item);
        if (idx == NULL)
            return fix_error(fmt);
        long v = PyLong_AsLong(idx);
        Py_DECREF(idx);
        if (v == -1 && PyErr_Occurred())
            return fix_error(fmt);
        switch (fmt[0]) {
        case 'b':
            if (v < SCHAR_MIN || v > SCHAR_MAX) return value_error_fmt(fmt);
            STORE(signed char, v); break;
        case 'h':
            if (v < SHRT_MIN || v > SHRT_MAX) return value_error_fmt(fmt);
            STORE(short, v); break;
        case 'i':
            if (v < INT_MIN || v > INT_MAX) return value_error_fmt(fmt);
            STORE(int, v); break;
        default:
            STORE(long, v); break;
        }
        return 0;
    }
    case 'B': case 'H': case 'I': case 'L': {
        PyObject *idx = PyNumber_Index(item);
        if (idx == NULL)
            return fix_error(fmt);
        unsigned long v = PyLong_AsUnsignedLong(idx);
        Py_DECREF(idx);
        if (v == (unsigned long)-1 && PyErr_Occurred())
            return fix_error(fmt);
        switch (fmt[0]) {
        case 'B':
            if (v > UCHAR_MAX) return value_error_fmt(fmt);
            STORE(unsigned char, v); break;
        case 'H':
            if (v > USHRT_MAX) return value_error_fmt(fmt);
            STORE(unsigned short, v); break;
        case 'I':
            if (v > UINT_MAX) return value_error_fmt(fmt);
            STORE(unsigned int, v); break;
        default:
            STORE(unsigned long, v); break;
        }
        return 0;
    }
    case 'q': case 'n': {
        PyObject *idx = PyNumber_Index(item);
        if (idx == NULL)
            return fix_error(fmt);
        long long v = PyLong_AsLongLong(idx);
        Py_DECREF(idx);
        if (v == -1 && PyErr_Occurred())
            return fix_error(fmt);
        if (fmt[0] == 'q') STORE(long long, v);
        else STORE(Py_ssize_t, v);
        return 0;
    }
    case 'Q': case 'N': {
        PyObject *idx = PyNumber_Index(item);
        if (idx == NULL)
            return fix_error(fmt);
        unsigned long long v = PyLong_AsUnsignedLongLong(idx);
        Py_DECREF(idx);
        if (v == (unsigned long long)-1 && PyErr_Occurred())
            return fix_error(fmt);
        if (fmt[0] == 'Q') STORE(unsigned long long, v);
        else STORE(size_t, v);
        return 0;
    }
    case 'f': case 'd': case 'e': {
        double d = PyFloat_AsDouble(item);
        if (d == -1.0 && PyErr_Occurred())
            return fix_error(fmt);
        if (fmt[0] == 'f')
            STORE(float, d);
        else if (fmt[0] == 'd')
            STORE(double, d);
        else if (PyFloat_Pack2(d, ptr, PY_LITTLE_ENDIAN) < 0)
            return fix_error(fmt);
        return 0;
    }
    case '?': {
        int b = PyObject_IsTrue(item);
        if (b < 0)
            return -1;
        STORE(unsigned char, b);
        return 0;
    }
    case 'c':
        if (!PyBytes_Check(item))
            return type_error_fmt(fmt);
        if (PyBytes_GET_SIZE(item) != 1)
            return value_error_fmt(fmt);
        *ptr = PyBytes_AS_STRING(item)[0];
        return 0;
    case 'P': {
        PyObject *idx = PyNumber_Index(item);
        if (idx == NULL)
            return fix_error(fmt);
        unsigned long long v = PyLong_AsUnsignedLongLong(idx);
        Py_DECREF(idx);
        if (v == (unsigned long long)-1 && PyErr_Occurred())
            return fix_error(fmt);
        STORE(void *, (uintptr_t)v);
        return 0;
    }
    }
#undef STORE
    PyErr_Format(PyExc_NotImplementedError, "memoryview: unsupported format %s", fmt);
    return -1;
}

/* ------------------------------------------------------------------ */
/* Views                                                               */
/* ------------------------------------------------------------------ */

static void
init_strides_from_shape(Py_buffer *view)
{
    Py_ssize_t s = view->itemsize;
    for (int i = view->ndim - 1; i >= 0; i--) {
        view->strides[i] = s;
        s *= view->shape[i];
    }
}

static void
init_len(Py_buffer *view)
{
    Py_ssize_t len = 1;
    for (int i = 0; i < view->ndim; i++)
        len *= view->shape[i];
    view->len = len * view->itemsize;
}

static void
init_flags(mvobject *mv)
{
    const Py_buffer *view = &mv->view;
    int flags = 0;
    switch (view->ndim) {
    case 0:
        flags |= MV_SCALAR | MV_C | MV_F;
        break;
    case 1:
        if (view->shape[0] == 1 || view->strides[0] == view->itemsize)
            flags |= MV_C | MV_F;
        break;
    default:
        if (PyBuffer_IsContiguous(view, 'C'))
            flags |= MV_C;
        if (PyBuffer_IsContiguous(view, 'F'))
            flags |= MV_F;
        break;
    }
    if (view->suboffsets) {
        flags |= MV_PIL;
        flags &= ~(MV_C | MV_F);
    }
    mv->flags = flags;
}

/* New reference: an empty memoryview with room for ndim dimensions. */
static mvobject *
mv_alloc(int ndim)
{
    if (ensure_ready() < 0)
        return NULL;
    mvobject *mv = PyObject_GC_NewVar(mvobject, &PyMemoryView_Type, 3 * ndim);
    if (mv == NULL)
        return NULL;
    mv->mbuf = NULL;
    mv->hash = -1;
    mv->flags = 0;
    mv->exports = 0;
    mv->weakreflist = NULL;
    memset(&mv->view, 0, sizeof(mv->view));
    mv->view.ndim = ndim;
    mv->view.shape = mv->ob_array;
    mv->view.strides = mv->ob_array + ndim;
    mv->view.suboffsets = mv->ob_array + 2 * ndim;
    PyObject_GC_Track(mv);
    return mv;
}

/* Copy src's description into mv (which has room for src->ndim dims). */
static void
init_view_from(mvobject *mv, const Py_buffer *src)
{
    Py_buffer *dst = &mv->view;
    int ndim = src->ndim;
    dst->buf = src->buf;
    dst->obj = NULL;
    dst->len = src->len;
    dst->itemsize = src->itemsize;
    dst->readonly = src->readonly;
    dst->format = src->format ? src->format : "B";
    dst->internal = src->internal;
    if (ndim == 0)
        return;
    if (ndim == 1 && src->shape == NULL) {
        dst->shape[0] = src->len / src->itemsize;
        dst->strides[0] = src->itemsize;
    }
    else {
        for (int i = 0; i < ndim; i++)
            dst->shape[i] = src->shape[i];
        if (src->strides != NULL)
            for (int i = 0; i < ndim; i++)
                dst->strides[i] = src->strides[i];
        else
            init_strides_from_shape(dst);
    }
    if (src->suboffsets != NULL)
        for (int i = 0; i < ndim; i++)
            dst->suboffsets[i] = src->suboffsets[i];
    else
        dst->suboffsets = NULL;
}

/* New reference: a memoryview of src registered on mbuf. */
static PyObject *
mbuf_add_view(mbufobject *mbuf, const Py_buffer *src)
{
    if (mbuf->released) {
        PyErr_SetString(PyExc_ValueError, RELEASED_MSG);
        return NULL;
    }
    if (src->ndim > MV_MAX_NDIM) {
        PyErr_Format(PyExc_ValueError, "memoryview: number of dimensions must not exceed %d",
                     MV_MAX_NDIM);
        return NULL;
    }
    mvobject *mv = mv_alloc(src->ndim);
    if (mv == NULL)
        return NULL;
    init_view_from(mv, src);
    init_flags(mv);
    mv->mbuf = (mbufobject *)Py_NewRef(mbuf);
    mbuf->exports++;
    return (PyObject *)mv;
}

/* New reference: a memoryview with room for ndim dims, registered on mbuf,
   whose description the caller fills in (cast). */
static mvobject *
mbuf_add_incomplete_view(mbufobject *mbuf, const Py_buffer *src, int ndim)
{
    if (mbuf->released) {
        PyErr_SetString(PyExc_ValueError, RELEASED_MSG);
        return NULL;
    }
    mvobject *mv = mv_alloc(ndim);
    if (mv == NULL)
        return NULL;
    mv->view.buf = src->buf;
    mv->view.len = src->len;
    mv->view.itemsize = src->itemsize;
    mv->view.readonly = src->readonly;
    mv->view.format = src->format;
    mv->view.suboffsets = NULL;
    mv->mbuf = (mbufobject *)Py_NewRef(mbuf);
    mbuf->exports++;
    return mv;
}

/* New reference. */
PyObject *
PyMemoryView_FromObject(PyObject *obj)
{
    if (ensure_ready() < 0)
        return NULL;
    if (PyMemoryView_Check(obj)) {
        mvobject *mv = (mvobject *)obj;
        CHECK_RELEASED(mv);
        return mbuf_add_view(mv->mbuf, &mv->view);
    }
    if (PyObject_CheckBuffer(obj)) {
        mbufobject *mbuf = mbuf_from_object(obj);
        if (mbuf == NULL)
            return NULL;
        PyObject *res = mbuf_add_view(mbuf, &mbuf->master);
        Py_DECREF(mbuf);
        return res;
    }
    PyErr_Format(PyExc_TypeError, "memoryview: a bytes-like object is required, not '%.200s'",
                 Py_TYPE(obj)->tp_name);
    return NULL;
}

/* New reference: a view of raw memory (flags PyBUF_READ or PyBUF_WRITE). */
PyObject *
PyMemoryView_FromMemory(char *mem, Py_ssize_t size, int flags)
{
    if (ensure_ready() < 0)
        return NULL;
    mbufobject *mbuf = PyObject_GC_New(mbufobject, &_PyManagedBuffer_Type);
    if (mbuf == NULL)
        return NULL;
    mbuf->exports = 0;
    mbuf->released = 0;
    if (PyBuffer_FillInfo(&mbuf->master, NULL, mem, size, flags == PyBUF_READ,
                          PyBUF_FULL_RO) < 0) {
        mbuf->released = 1;
        Py_DECREF(mbuf);
        return NULL;
    }
    PyObject_GC_Track(mbuf);
    PyObject *res = mbuf_add_view(mbuf, &mbuf->master);
    Py_DECREF(mbuf);
    return res;
}

/* Drop mv's registration; 0, or -1 with BufferError if it exports buffers. */
static int
mv_release(mvobject *mv)
{
    if (mv->flags & MV_RELEASED)
        return 0;
    if (mv->exports == 0) {
        mv->flags |= MV_RELEASED;
        if (--mv->mbuf->exports == 0)
            mbuf_release(mv->mbuf);
        return 0;
    }
    if (mv->exports > 0) {
        PyErr_Format(PyExc_BufferError, "memoryview has %zd exported buffer%s", mv->exports,
                     mv->exports == 1 ? "" : "s");
        return -1;
    }
    PyErr_SetString(PyExc_SystemError, "_memory_release(): negative export count");
    return -1;
}

static void
memory_dealloc(PyObject *op)
{
    mvobject *mv = (mvobject *)op;
    PyObject_GC_UnTrack(op);
    if (mv->mbuf != NULL) {
        (void)mv_release(mv);
        Py_CLEAR(mv->mbuf);
    }
    if (mv->weakreflist != NULL)
        PyObject_ClearWeakRefs(op);
    PyObject_GC_Del(op);
}

static int
memory_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((mvobject *)op)->mbuf);
    return 0;
}

static int
memory_clear(PyObject *op)
{
    mvobject *mv = (mvobject *)op;
    if (mv->mbuf != NULL) {
        (void)mv_release(mv);
        if (PyErr_Occurred())
            PyErr_Clear();
        Py_CLEAR(mv->mbuf);
    }
    return 0;
}

static PyObject *
memory_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"object", NULL};
    PyObject *obj;
    Py_ssize_t n = PyTuple_GET_SIZE(args) + (kwds ? PyDict_GET_SIZE(kwds) : 0);
    if (n > 1) {
        PyErr_Format(PyExc_TypeError, "memoryview() takes at most 1 argument (%zd given)", n);
        return NULL;
    }
    if (n == 0) {
        PyErr_SetString(PyExc_TypeError, "memoryview() missing required argument 'object' (pos 1)");
        return NULL;
    }
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:memoryview", kwlist, &obj))
        return NULL;
    return PyMemoryView_FromObject(obj);
}

/* ------------------------------------------------------------------ */
/* Copying memory out in C or Fortran order                            */
/* ------------------------------------------------------------------ */

static const char *
item_ptr(const char *p, const Py_buffer *view, int dim)
{
    if (view->suboffsets != NULL && view->suboffsets[dim] >= 0)
        p = *(char *const *)p + view->suboffsets[dim];
    return p;
}

/* Copy the elements of the dim-th sub-array at src into *dst in C order. */
static void
copy_c_rec(char **dst, const char *src, const Py_buffer *view, int dim)
{
    for (Py_ssize_t i = 0; i < view->shape[dim]; i++) {
        const char *p = item_ptr(src + i * view->strides[dim], view, dim);
        if (dim == view->ndim - 1) {
            memcpy(*dst, p, (size_t)view->itemsize);
            *dst += view->itemsize;
        }
        else {
            copy_c_rec(dst, p, view, dim + 1);
        }
    }
}

/* Fortran order: element (i0, i1, ...) goes to index i0 + s0*(i1 + s1*(...)). */
static void
copy_f_rec(char *dst, const char *src, const Py_buffer *view, int dim, Py_ssize_t base,
           Py_ssize_t mult)
{
    for (Py_ssize_t i = 0; i < view->shape[dim]; i++) {
        const char *p = item_ptr(src + i * view->strides[dim], view, dim);
        Py_ssize_t idx = base + i * mult;
        if (dim == view->ndim - 1)
            memcpy(dst + idx * view->itemsize, p, (size_t)view->itemsize);
        else
            copy_f_rec(dst, p, view, dim + 1, idx, mult * view->shape[dim]);
    }
}

/* Copy the view's contents into buf (len bytes) in the given order
   ('C', 'F' or 'A').  CPython's public helper.  0 / -1. */
int
PyBuffer_ToContiguous(void *buf, const Py_buffer *src, Py_ssize_t len, char order)
{
    if (len > src->len)
        len = src->len;
    if (PyBuffer_IsContiguous(src, order)) {
        memcpy(buf, src->buf, (size_t)len);
        return 0;
    }
    if (src->ndim == 0) {
        memcpy(buf, src->buf, (size_t)len);
        return 0;
    }
    if (src->shape == NULL || src->strides == NULL) {
        /* no shape / strides: plain contiguous bytes */
        memcpy(buf, src->buf, (size_t)len);
        return 0;
    }
    char *dst = buf, *tmp = NULL;
    if (len < src->len) {       /* only a prefix is wanted: go through a copy */
        tmp = PyMem_Malloc((size_t)src->len);
        if (tmp == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        dst = tmp;
    }
    if (order == 'F') {
        copy_f_rec(dst, src->buf, src, 0, 0, 1);
    }
    else {
        char *d = dst;
        copy_c_rec(&d, src->buf, src, 0);
    }
    if (tmp != NULL) {
        memcpy(buf, tmp, (size_t)len);
        PyMem_Free(tmp);
    }
    return 0;
}

/* New reference: the view's bytes in order ('C', 'F', 'A'). */
static PyObject *
view_to_bytes(const Py_buffer *view, char order)
{
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, view->len);
    if (bytes == NULL)
        return NULL;
    if (PyBuffer_ToContiguous(PyBytes_AS_STRING(bytes), view, view->len, order) < 0) {
        Py_DECREF(bytes);
        return NULL;
    }
    return bytes;
}

/* ------------------------------------------------------------------ */
/* Element access                                                      */
/* ------------------------------------------------------------------ */

static char *
lookup_dimension(const Py_buffer *view, char *ptr, int dim, Py_ssize_t index)
{
    Py_ssize_t n = view->shape[dim];
    if (index < 0)
        index += n;
    if (index < 0 || index >= n) {
        PyErr_Format(PyExc_IndexError, "index out of bounds on dimension %d", dim + 1);
        return NULL;
    }
    ptr += view->strides[dim] * index;
    if (view->suboffsets != NULL && view->suboffsets[dim] >= 0)
        ptr = *(char **)ptr + view->suboffsets[dim];
    return ptr;
}

/* The element addressed by a tuple of indices (one per dimension). */
static char *
ptr_from_tuple(const Py_buffer *view, PyObject *tup)
{
    Py_ssize_t n = PyTuple_GET_SIZE(tup);
    if (n > view->ndim) {
        PyErr_Format(PyExc_TypeError, "cannot index %d-dimension view with %zd-element tuple",
                     view->ndim, n);
        return NULL;
    }
    char *ptr = view->buf;
    for (Py_ssize_t dim = 0; dim < n; dim++) {
        Py_ssize_t index = PyNumber_AsSsize_t(PyTuple_GET_ITEM(tup, dim), PyExc_IndexError);
        if (index == -1 && PyErr_Occurred())
            return NULL;
        ptr = lookup_dimension(view, ptr, (int)dim, index);
        if (ptr == NULL)
            return NULL;
    }
    return ptr;
}

static int
is_multiindex(PyObject *key)
{
    if (!PyTuple_Check(key))
        return 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(key); i++)
        if (!PyIndex_Check(PyTuple_GET_ITEM(key, i)))
            return 0;
    return 1;
}

static int
is_multislice(PyObject *key)
{
    if (!PyTuple_Check(key))
        return 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(key); i++)
        if (!PySlice_Check(PyTuple_GET_ITEM(key, i)))
            return 0;
    return 1;
}

static PyObject *
memory_item(mvobject *self, Py_ssize_t index)
{
    Py_buffer *view = &self->view;
    CHECK_RELEASED(self);
    const char *fmt = adjust_fmt(view);
    if (fmt == NULL)
        return NULL;
    if (view->ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (view->ndim == 1) {
        char *ptr = lookup_dimension(view, view->buf, 0, index);
        if (ptr == NULL)
            return NULL;
        return unpack_single(ptr, fmt);
    }
    PyErr_SetString(PyExc_NotImplementedError, "multi-dimensional sub-views are not implemented");
    return NULL;
}

/* Apply a slice to the first dimension of view (whose arrays are writable). */
static int
init_slice(Py_buffer *view, PyObject *key)
{
    Py_ssize_t start, stop, step, slicelength;
    if (PySlice_Unpack(key, &start, &stop, &step) < 0)
        return -1;
    slicelength = PySlice_AdjustIndices(view->shape[0], &start, &stop, step);
    if (view->suboffsets == NULL || view->suboffsets[0] < 0)
        view->buf = (char *)view->buf + view->strides[0] * start;
    else
        view->suboffsets[0] += view->strides[0] * start;
    view->shape[0] = slicelength;
    view->strides[0] = view->strides[0] * step;
    return 0;
}

static PyObject *
memory_subscript(PyObject *op, PyObject *key)
{
    mvobject *self = (mvobject *)op;
    Py_buffer *view = &self->view;
    CHECK_RELEASED(self);
    if (view->ndim == 0) {
        if (PyTuple_Check(key) && PyTuple_GET_SIZE(key) == 0) {
            const char *fmt = adjust_fmt(view);
            if (fmt == NULL)
                return NULL;
            return unpack_single(view->buf, fmt);
        }
        if (key == Py_Ellipsis)
            return Py_NewRef(op);
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (PyIndex_Check(key)) {
        Py_ssize_t index = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (index == -1 && PyErr_Occurred())
            return NULL;
        return memory_item(self, index);
    }
    if (PySlice_Check(key)) {
        mvobject *sliced = (mvobject *)mbuf_add_view(self->mbuf, view);
        if (sliced == NULL)
            return NULL;
        if (init_slice(&sliced->view, key) < 0) {
            Py_DECREF(sliced);
            return NULL;
        }
        init_len(&sliced->view);
        init_flags(sliced);
        return (PyObject *)sliced;
    }
    if (is_multiindex(key)) {
        if (PyTuple_GET_SIZE(key) < view->ndim) {
            PyErr_SetString(PyExc_NotImplementedError, "sub-views are not implemented");
            return NULL;
        }
        const char *fmt = adjust_fmt(view);
        if (fmt == NULL)
            return NULL;
        char *ptr = ptr_from_tuple(view, key);
        if (ptr == NULL)
            return NULL;
        return unpack_single(ptr, fmt);
    }
    if (is_multislice(key)) {
        PyErr_SetString(PyExc_NotImplementedError, "multi-dimensional slicing is not implemented");
        return NULL;
    }
    PyErr_SetString(PyExc_TypeError, "memoryview: invalid slice key");
    return NULL;
}

static int
equiv_shape(const Py_buffer *a, const Py_buffer *b)
{
    if (a->ndim != b->ndim)
        return 0;
    for (int i = 0; i < a->ndim; i++) {
        Py_ssize_t sa = a->shape ? a->shape[i] : a->len / a->itemsize;
        Py_ssize_t sb = b->shape ? b->shape[i] : b->len / b->itemsize;
        if (sa != sb)
            return 0;
        if (sa == 0)
            break;
    }
    return 1;
}

/* Copy a one-dimensional src into dest (same structure), overlap-safe. */
static int
copy_single(Py_buffer *dest, const Py_buffer *src)
{
    const char *df = dest->format ? dest->format : "B";
    const char *sf = src->format ? src->format : "B";
    if (df[0] == '@') df++;
    if (sf[0] == '@') sf++;
    if (strcmp(df, sf) != 0 || dest->itemsize != src->itemsize || !equiv_shape(dest, src)) {
        PyErr_SetString(PyExc_ValueError,
                        "memoryview assignment: lvalue and rvalue have different structures");
        return -1;
    }
    Py_ssize_t n = dest->shape[0], isz = dest->itemsize;
    Py_ssize_t sstride = src->strides ? src->strides[0] : isz;
    /* gather the source first: the two may share memory */
    char *tmp = PyMem_Malloc((size_t)(n * isz) + 1);
    if (tmp == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        memcpy(tmp + i * isz, (const char *)src->buf + i * sstride, (size_t)isz);
    for (Py_ssize_t i = 0; i < n; i++)
        memcpy((char *)dest->buf + i * dest->strides[0], tmp + i * isz, (size_t)isz);
    PyMem_Free(tmp);
    return 0;
}

static int
memory_ass_sub(PyObject *op, PyObject *key, PyObject *value)
{
    mvobject *self = (mvobject *)op;
    Py_buffer *view = &self->view;
    CHECK_RELEASED_INT(self);
    const char *fmt = adjust_fmt(view);
    if (fmt == NULL)
        return -1;
    if (view->readonly) {
        PyErr_SetString(PyExc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete memory");
        return -1;
    }
    if (view->ndim == 0) {
        if (key == Py_Ellipsis || (PyTuple_Check(key) && PyTuple_GET_SIZE(key) == 0))
            return pack_single(view->buf, value, fmt);
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return -1;
    }
    if (PyIndex_Check(key)) {
        if (view->ndim > 1) {
            PyErr_SetString(PyExc_NotImplementedError, "sub-views are not implemented");
            return -1;
        }
        Py_ssize_t index = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (index == -1 && PyErr_Occurred())
            return -1;
        char *ptr = lookup_dimension(view, view->buf, 0, index);
        if (ptr == NULL)
            return -1;
        return pack_single(ptr, value, fmt);
    }
    if (PySlice_Check(key) && view->ndim == 1) {
        Py_buffer src;
        if (PyObject_GetBuffer(value, &src, PyBUF_FULL_RO) < 0)
            return -1;
        Py_buffer dest = *view;
        Py_ssize_t shape0 = view->shape[0], stride0 = view->strides[0];
        Py_ssize_t suboff0 = view->suboffsets ? view->suboffsets[0] : -1;
        dest.shape = &shape0;
        dest.strides = &stride0;
        dest.suboffsets = view->suboffsets ? &suboff0 : NULL;
        int ret = -1;
        if (init_slice(&dest, key) == 0) {
            dest.len = dest.shape[0] * dest.itemsize;
            ret = copy_single(&dest, &src);
        }
        PyBuffer_Release(&src);
        return ret;
    }
    if (is_multiindex(key)) {
        if (PyTuple_GET_SIZE(key) < view->ndim) {
            PyErr_SetString(PyExc_NotImplementedError, "sub-views are not implemented");
            return -1;
        }
        char *ptr = ptr_from_tuple(view, key);
        if (ptr == NULL)
            return -1;
        return pack_single(ptr, value, fmt);
    }
    if (PySlice_Check(key) || is_multislice(key)) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "memoryview slice assignments are currently restricted to ndim = 1");
        return -1;
    }
    PyErr_SetString(PyExc_TypeError, "memoryview: invalid slice key");
    return -1;
}

static Py_ssize_t
memory_length(PyObject *op)
{
    mvobject *self = (mvobject *)op;
    CHECK_RELEASED_INT(self);
    if (self->view.ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "0-dim memory has no length");
        return -1;
    }
    return self->view.shape[0];
}

/* ------------------------------------------------------------------ */
/* Methods                                                             */
/* ------------------------------------------------------------------ */

static PyObject *
memory_release(PyObject *op, PyObject *unused)
{
    if (mv_release((mvobject *)op) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
memory_enter(PyObject *op, PyObject *unused)
{
    CHECK_RELEASED(op);
    return Py_NewRef(op);
}

static PyObject *
memory_exit(PyObject *op, PyObject *args)
{
    return memory_release(op, NULL);
}

static PyObject *
memory_tobytes(PyObject *op, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"order", NULL};
    PyObject *argv[1] = {NULL};
    mvobject *self = (mvobject *)op;
    if (!_PyArg_ParseFast("tobytes", args, nargs, kwnames, kwlist, 0, 0, 1, 0, argv))
        return NULL;
    CHECK_RELEASED(self);
    char order = 'C';
    if (argv[0] != NULL && argv[0] != Py_None) {
        if (!PyUnicode_Check(argv[0])) {
            PyErr_Format(PyExc_TypeError, "tobytes() argument 'order' must be str or None, not %.50s",
                         Py_TYPE(argv[0])->tp_name);
            return NULL;
        }
        const char *s = PyUnicode_AsUTF8(argv[0]);
        if (s == NULL)
            return NULL;
        if (strcmp(s, "F") == 0)
            order = 'F';
        else if (strcmp(s, "A") == 0)
            order = 'A';
        else if (strcmp(s, "C") != 0) {
            PyErr_SetString(PyExc_ValueError, "order must be 'C', 'F' or 'A'");
            return NULL;
        }
    }
    if (order == 'A')
        order = (self->flags & MV_C) || !(self->flags & MV_F) ? 'C' : 'F';
    return view_to_bytes(&self->view, order);
}

static PyObject *
memory_hex(PyObject *op, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    mvobject *self = (mvobject *)op;
    CHECK_RELEASED(self);
    if (self->flags & MV_C)
        return _Py_bytes_hex(self->view.buf, self->view.len, args, nargs, kwnames);
    PyObject *bytes = view_to_bytes(&self->view, 'C');
    if (bytes == NULL)
        return NULL;
    PyObject *res = _Py_bytes_hex(PyBytes_AS_STRING(bytes), PyBytes_GET_SIZE(bytes), args, nargs,
                                  kwnames);
    Py_DECREF(bytes);
    return res;
}

/* New reference: the sub-array of dimension dim at ptr as nested lists. */
static PyObject *
tolist_rec(const char *ptr, const Py_buffer *view, int dim, const char *fmt)
{
    Py_ssize_t n = view->shape[dim];
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        const char *p = item_ptr(ptr + i * view->strides[dim], view, dim);
        PyObject *item = dim == view->ndim - 1 ? unpack_single(p, fmt)
                                               : tolist_rec(p, view, dim + 1, fmt);
        if (item == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, item);
    }
    return list;
}

static PyObject *
memory_tolist(PyObject *op, PyObject *unused)
{
    mvobject *self = (mvobject *)op;
    CHECK_RELEASED(self);
    const char *fmt = adjust_fmt(&self->view);
    if (fmt == NULL)
        return NULL;
    if (self->view.ndim == 0)
        return unpack_single(self->view.buf, fmt);
    return tolist_rec(self->view.buf, &self->view, 0, fmt);
}

static PyObject *
memory_toreadonly(PyObject *op, PyObject *unused)
{
    mvobject *self = (mvobject *)op;
    CHECK_RELEASED(self);
    mvobject *mv = (mvobject *)mbuf_add_view(self->mbuf, &self->view);
    if (mv == NULL)
        return NULL;
    mv->view.readonly = 1;
    return (PyObject *)mv;
}

/* Elements of a cast's shape argument into view->shape; returns the byte
   length they describe, -1 on error. */
static Py_ssize_t
copy_shape(Py_ssize_t *shape, PyObject *seq, int ndim, Py_ssize_t itemsize)
{
    Py_ssize_t len = itemsize;
    for (int i = 0; i < ndim; i++) {
        PyObject *x = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyLong_Check(x)) {
            PyErr_SetString(PyExc_TypeError, "memoryview.cast(): elements of shape must be integers");
            return -1;
        }
        Py_ssize_t v = PyLong_AsSsize_t(x);
        if (v == -1 && PyErr_Occurred())
            return -1;
        if (v <= 0) {
            PyErr_Format(PyExc_ValueError,
                         "memoryview.cast(): elements of shape must be integers > 0");
            return -1;
        }
        if (v > PY_SSIZE_T_MAX / len) {
            PyErr_SetString(PyExc_ValueError, "memoryview.cast(): product(shape) > SSIZE_MAX");
            return -1;
        }
        len *= v;
        shape[i] = v;
    }
    return len;
}

static int
zero_in_shape(const mvobject *mv)
{
    for (int i = 0; i < mv->view.ndim; i++)
        if (mv->view.shape[i] == 0)
            return 1;
    return 0;
}

static PyObject *
memory_cast(PyObject *op, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"format", "shape", NULL};
    PyObject *argv[2] = {NULL, NULL};
    mvobject *self = (mvobject *)op, *mv = NULL;
    PyObject *shape_seq = NULL;
    if (!_PyArg_ParseFast("cast", args, nargs, kwnames, kwlist, 0, 1, 2, 0, argv))
        return NULL;
    PyObject *format = argv[0], *shape = argv[1];
    if (!PyUnicode_Check(format)) {
        PyErr_Format(PyExc_TypeError, "cast() argument 'format' must be str, not %.50s",
                     Py_TYPE(format)->tp_name);
        return NULL;
    }
    CHECK_RELEASED(self);
    if (!(self->flags & MV_C)) {
        PyErr_SetString(PyExc_TypeError, "memoryview: casts are restricted to C-contiguous views");
        return NULL;
    }
    if ((shape != NULL || self->view.ndim != 1) && zero_in_shape(self)) {
        PyErr_SetString(PyExc_TypeError, "memoryview: cannot cast view with zeros in shape or strides");
        return NULL;
    }
    int ndim = 1;
    if (shape != NULL) {
        if (!PyList_Check(shape) && !PyTuple_Check(shape)) {
            PyErr_SetString(PyExc_TypeError, "shape must be a list or a tuple");
            return NULL;
        }
        Py_ssize_t n = PySequence_Size(shape);
        if (n < 0)
            return NULL;
        if (n > MV_MAX_NDIM) {
            PyErr_Format(PyExc_ValueError, "memoryview: number of dimensions must not exceed %d",
                         MV_MAX_NDIM);
            return NULL;
        }
        if (self->view.ndim != 1 && n != 1) {
            PyErr_SetString(PyExc_TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
            return NULL;
        }
        ndim = (int)n;
    }
    /* the new format */
    const char *dest_fmt = NULL;
    Py_ssize_t itemsize = -1;
    char dch, sch;
    {
        Py_ssize_t flen;
        const char *s = PyUnicode_AsUTF8AndSize(format, &flen);
        if (s == NULL)
            PyErr_Clear();
        else if ((Py_ssize_t)strlen(s) == flen && (itemsize = native_fmt(&dch, s)) >= 0)
            dest_fmt = native_fmt_str(s);
        if (dest_fmt == NULL) {
            PyErr_SetString(PyExc_ValueError,
                            "memoryview: destination format must be a native single character "
                            "format prefixed with an optional '@'");
            return NULL;
        }
    }
    if ((native_fmt(&sch, self->view.format) < 0 || !IS_BYTE_FORMAT(sch)) && !IS_BYTE_FORMAT(dch)) {
        PyErr_SetString(PyExc_TypeError, "memoryview: cannot cast between two non-byte formats");
        return NULL;
    }
    if (self->view.len % itemsize) {
        PyErr_SetString(PyExc_TypeError, "memoryview: length is not a multiple of itemsize");
        return NULL;
    }
    mv = mbuf_add_incomplete_view(self->mbuf, &self->view, ndim > 1 ? ndim : 1);
    if (mv == NULL)
        return NULL;
    Py_buffer *view = &mv->view;
    view->format = (char *)dest_fmt;
    view->itemsize = itemsize;
    view->ndim = 1;
    view->shape[0] = view->len / itemsize;
    view->strides[0] = itemsize;
    if (shape != NULL) {
        shape_seq = PySequence_Fast(shape, "shape must be a list or a tuple");
        if (shape_seq == NULL)
            goto error;
        Py_ssize_t len;
        view->ndim = ndim;
        if (ndim == 0) {
            view->shape = NULL;
            view->strides = NULL;
            len = itemsize;
        }
        else {
            len = copy_shape(view->shape, shape_seq, ndim, itemsize);
            if (len < 0)
                goto error;
            init_strides_from_shape(view);
        }
        if (view->len != len) {
            PyErr_SetString(PyExc_TypeError, "memoryview: product(shape) * itemsize != buffer size");
            goto error;
        }
        Py_DECREF(shape_seq);
    }
    init_flags(mv);
    return (PyObject *)mv;
error:
    Py_XDECREF(shape_seq);
    Py_XDECREF(mv);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Attributes                                                          */
/* ------------------------------------------------------------------ */

/* New reference: a tuple of n Py_ssize_t values (empty if NULL). */
static PyObject *
ssize_tuple(const Py_ssize_t *v, int n)
{
    if (v == NULL)
        return PyTuple_New(0);
    PyObject *t = PyTuple_New(n);
    if (t == NULL)
        return NULL;
    for (int i = 0; i < n; i++) {
        PyObject *x = PyLong_FromSsize_t(v[i]);
        if (x == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, x);
    }
    return t;
}

static PyObject *
memory_obj_get(PyObject *op, void *c)
{
    mvobject *self = (mvobject *)op;
    CHECK_RELEASED(self);
    if (self->mbuf->master.obj == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(self->mbuf->master.obj);
}

static PyObject *
memory_nbytes_get(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return PyLong_FromSsize_t(((mvobject *)op)->view.len);
}

static PyObject *
memory_format_get(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    const char *f = ((mvobject *)op)->view.format;
    return PyUnicode_FromString(f ? f : "B");
}

static PyObject *
memory_itemsize_get(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return PyLong_FromSsize_t(((mvobject *)op)->view.itemsize);
}

static PyObject *
memory_shape_get(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return ssize_tuple(((mvobject *)op)->view.shape, ((mvobject *)op)->view.ndim);
}

static PyObject *
memory_strides_get(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return ssize_tuple(((mvobject *)op)->view.strides, ((mvobject *)op)->view.ndim);
}

static PyObject *
memory_suboffsets_get(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return ssize_tuple(((mvobject *)op)->view.suboffsets, ((mvobject *)op)->view.ndim);
}

static PyObject *
memory_readonly_get(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return PyBool_FromLong(((mvobject *)op)->view.readonly);
}

static PyObject *
memory_ndim_get(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return PyLong_FromLong(((mvobject *)op)->view.ndim);
}

static PyObject *
memory_c_contiguous(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return PyBool_FromLong((((mvobject *)op)->flags & MV_C) != 0);
}

static PyObject *
memory_f_contiguous(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return PyBool_FromLong((((mvobject *)op)->flags & MV_F) != 0);
}

static PyObject *
memory_contiguous(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return PyBool_FromLong((((mvobject *)op)->flags & (MV_C | MV_F)) != 0);
}

/* ------------------------------------------------------------------ */
/* Protocols                                                           */
/* ------------------------------------------------------------------ */

static PyObject *
memory_repr(PyObject *op)
{
    if (IS_RELEASED(op))
        return PyUnicode_FromFormat("<released memory at %p>", op);
    return PyUnicode_FromFormat("<memory at %p>", op);
}

/* Compare two views element by element (same shape). 1 / 0 / -1. */
static int
cmp_rec(const char *p, const Py_buffer *a, const char *af, const char *q, const Py_buffer *b,
        const char *bf, int dim, int fast)
{
    for (Py_ssize_t i = 0; i < a->shape[dim]; i++) {
        const char *x = item_ptr(p + i * a->strides[dim], a, dim);
        const char *y = item_ptr(q + i * b->strides[dim], b, dim);
        if (dim < a->ndim - 1) {
            int r = cmp_rec(x, a, af, y, b, bf, dim + 1, fast);
            if (r <= 0)
                return r;
            continue;
        }
        if (fast) {
            if (memcmp(x, y, (size_t)a->itemsize) != 0)
                return 0;
            continue;
        }
        PyObject *u = unpack_single(x, af), *v = u ? unpack_single(y, bf) : NULL;
        int r = v ? PyObject_RichCompareBool(u, v, Py_EQ) : -1;
        Py_XDECREF(u);
        Py_XDECREF(v);
        if (r <= 0)
            return r;
    }
    return 1;
}

static PyObject *
memory_richcompare(PyObject *v, PyObject *w, int op)
{
    Py_buffer wbuf, *vv, *ww = NULL;
    int equal = 0, have_wbuf = 0;
    char vch, wch;

    if (op != Py_EQ && op != Py_NE)
        Py_RETURN_NOTIMPLEMENTED;
    if (IS_RELEASED(v)) {
        equal = v == w;
        goto result;
    }
    vv = &((mvobject *)v)->view;
    if (PyMemoryView_Check(w)) {
        if (IS_RELEASED(w)) {
            equal = v == w;
            goto result;
        }
        ww = &((mvobject *)w)->view;
    }
    else {
        if (!PyObject_CheckBuffer(w) || PyObject_GetBuffer(w, &wbuf, PyBUF_FULL_RO) < 0) {
            PyErr_Clear();
            Py_RETURN_NOTIMPLEMENTED;
        }
        have_wbuf = 1;
        ww = &wbuf;
    }
    if (!equiv_shape(vv, ww)) {
        equal = 0;
        goto result;
    }
    const char *vf = adjust_fmt(vv), *wf = vf ? adjust_fmt(ww) : NULL;
    if (vf == NULL || wf == NULL) {
        if (have_wbuf)
            PyBuffer_Release(&wbuf);
        return NULL;
    }
    (void)native_fmt(&vch, vv->format);
    (void)native_fmt(&wch, ww->format);
    /* identical integer-like formats compare bytes; floats need values (-0.0, nan) */
    int fast = vch == wch && vch != 'f' && vch != 'd' && vch != 'e' && vch != '?';
    if (vv->ndim == 0) {
        if (fast)
            equal = memcmp(vv->buf, ww->buf, (size_t)vv->itemsize) == 0;
        else {
            PyObject *a = unpack_single(vv->buf, vf), *b = a ? unpack_single(ww->buf, wf) : NULL;
            equal = b ? PyObject_RichCompareBool(a, b, Py_EQ) : -1;
            Py_XDECREF(a);
            Py_XDECREF(b);
        }
    }
    else {
        Py_buffer wtmp = *ww;
        Py_ssize_t wshape, wstride;
        if (wtmp.shape == NULL) {
            wshape = wtmp.len / wtmp.itemsize;
            wtmp.shape = &wshape;
        }
        if (wtmp.strides == NULL) {
            wstride = wtmp.itemsize;
            wtmp.strides = &wstride;
        }
        equal = cmp_rec(vv->buf, vv, vf, wtmp.buf, &wtmp, wf, 0, fast);
    }
    if (have_wbuf)
        PyBuffer_Release(&wbuf);
    if (equal < 0)
        return NULL;
result:
    if (op == Py_NE)
        equal = !equal;
    return PyBool_FromLong(equal);
}

static Py_hash_t
memory_hash(PyObject *op)
{
    mvobject *self = (mvobject *)op;
    if (self->hash != -1)
        return self->hash;
    CHECK_RELEASED_INT(self);
    char ch;
    if (!self->view.readonly) {
        PyErr_SetString(PyExc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    if (native_fmt(&ch, self->view.format) < 0 || !IS_BYTE_FORMAT(ch)) {
        PyErr_SetString(PyExc_ValueError,
                        "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return -1;
    }
    /* an unhashable exporter keeps its own message */
    if (self->mbuf->master.obj != NULL && PyObject_Hash(self->mbuf->master.obj) == -1)
        return -1;
    if (self->flags & MV_C) {
        self->hash = _Py_HashBytes(self->view.buf, self->view.len);
    }
    else {
        PyObject *bytes = view_to_bytes(&self->view, 'C');
        if (bytes == NULL)
            return -1;
        self->hash = _Py_HashBytes(PyBytes_AS_STRING(bytes), PyBytes_GET_SIZE(bytes));
        Py_DECREF(bytes);
    }
    return self->hash;
}

static int
memory_getbuf(PyObject *op, Py_buffer *view, int flags)
{
    mvobject *self = (mvobject *)op;
    Py_buffer *base = &self->view;
    int baseflags = self->flags;
    CHECK_RELEASED_INT(self);
    *view = *base;
    view->obj = NULL;
    if ((flags & PyBUF_WRITABLE) && base->readonly) {
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not writable");
        return -1;
    }
    if (!(flags & PyBUF_FORMAT))
        view->format = NULL;
    if ((flags & PyBUF_C_CONTIGUOUS) == PyBUF_C_CONTIGUOUS && !(baseflags & MV_C)) {
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not C-contiguous");
        return -1;
    }
    if ((flags & PyBUF_F_CONTIGUOUS) == PyBUF_F_CONTIGUOUS && !(baseflags & MV_F)) {
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not Fortran contiguous");
        return -1;
    }
    if ((flags & PyBUF_ANY_CONTIGUOUS) == PyBUF_ANY_CONTIGUOUS && !(baseflags & (MV_C | MV_F))) {
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not contiguous");
        return -1;
    }
    if ((flags & PyBUF_INDIRECT) != PyBUF_INDIRECT && (baseflags & MV_PIL)) {
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer requires suboffsets");
        return -1;
    }
    if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES) {
        if (!(baseflags & MV_C)) {
            PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not C-contiguous");
            return -1;
        }
        view->strides = NULL;
    }
    if (!(flags & PyBUF_ND)) {
        if (view->format != NULL) {
            PyErr_SetString(PyExc_BufferError,
                            "memoryview: cannot cast to unsigned bytes if the format flag is present");
            return -1;
        }
        view->ndim = 1;
        view->shape = NULL;
    }
    view->obj = Py_NewRef(op);
    self->exports++;
    return 0;
}

static void
memory_releasebuf(PyObject *op, Py_buffer *view)
{
    ((mvobject *)op)->exports--;
}

/* ------------------------------------------------------------------ */
/* Iteration                                                           */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;
    mvobject *seq;          /* NULL when exhausted */
    Py_ssize_t length;
    const char *fmt;
} memiterobject;

static void
memiter_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_XDECREF(((memiterobject *)op)->seq);
    PyObject_GC_Del(op);
}

static int
memiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((memiterobject *)op)->seq);
    return 0;
}

static PyObject *
memiter_next(PyObject *op)
{
    memiterobject *it = (memiterobject *)op;
    mvobject *seq = it->seq;
    if (seq == NULL)
        return NULL;
    if (IS_RELEASED(seq)) {
        PyErr_SetString(PyExc_ValueError, RELEASED_MSG);
        return NULL;
    }
    if (it->index < it->length) {
        const Py_buffer *view = &seq->view;
        const char *ptr = item_ptr((char *)view->buf + it->index * view->strides[0], view, 0);
        it->index++;
        return unpack_single(ptr, it->fmt);
    }
    it->seq = NULL;
    Py_DECREF(seq);
    return NULL;
}

PyTypeObject _PyMemoryIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "memory_iterator",
    .tp_basicsize = sizeof(memiterobject),
    .tp_dealloc = memiter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = memiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = memiter_next,
};

static PyObject *
memory_iter(PyObject *op)
{
    mvobject *self = (mvobject *)op;
    CHECK_RELEASED(self);
    if (self->view.ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (self->view.ndim != 1) {
        PyErr_SetString(PyExc_NotImplementedError, "multi-dimensional sub-views are not implemented");
        return NULL;
    }
    const char *fmt = adjust_fmt(&self->view);
    if (fmt == NULL)
        return NULL;
    memiterobject *it = PyObject_GC_New(memiterobject, &_PyMemoryIter_Type);
    if (it == NULL)
        return NULL;
    it->fmt = fmt;
    it->length = self->view.shape[0];
    it->index = 0;
    it->seq = (mvobject *)Py_NewRef(op);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

/* ------------------------------------------------------------------ */
/* Type                                                                */
/* ------------------------------------------------------------------ */

static PyMethodDef memory_methods[] = {
    {"release", memory_release, METH_NOARGS, "Release the underlying buffer exposed by the memoryview object."},
    {"tobytes", (PyCFunction)(void (*)(void))memory_tobytes, METH_FASTCALL | METH_KEYWORDS,
     "Return the data in the buffer as a byte string."},
    {"hex", (PyCFunction)(void (*)(void))memory_hex, METH_FASTCALL | METH_KEYWORDS,
     "Return the data in the buffer as a str of hexadecimal numbers."},
    {"tolist", memory_tolist, METH_NOARGS, "Return the data in the buffer as a list of elements."},
    {"cast", (PyCFunction)(void (*)(void))memory_cast, METH_FASTCALL | METH_KEYWORDS,
     "Cast a memoryview to a new format or shape."},
    {"toreadonly", memory_toreadonly, METH_NOARGS, "Return a readonly version of the memoryview."},
    {"__enter__", memory_enter, METH_NOARGS, NULL},
    {"__exit__", memory_exit, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef memory_getset[] = {
    {"obj", memory_obj_get, NULL, "The underlying object of the memoryview.", NULL},
    {"nbytes", memory_nbytes_get, NULL, NULL, NULL},
    {"readonly", memory_readonly_get, NULL, "A bool indicating whether the memory is read only.", NULL},
    {"itemsize", memory_itemsize_get, NULL, "The size in bytes of each element of the memoryview.", NULL},
    {"format", memory_format_get, NULL, NULL, NULL},
    {"ndim", memory_ndim_get, NULL, NULL, NULL},
    {"shape", memory_shape_get, NULL, NULL, NULL},
    {"strides", memory_strides_get, NULL, NULL, NULL},
    {"suboffsets", memory_suboffsets_get, NULL, NULL, NULL},
    {"c_contiguous", memory_c_contiguous, NULL, "A bool indicating whether the memory is C contiguous.", NULL},
    {"f_contiguous", memory_f_contiguous, NULL, "A bool indicating whether the memory is Fortran contiguous.", NULL},
    {"contiguous", memory_contiguous, NULL, "A bool indicating whether the memory is contiguous.", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyBufferProcs memory_as_buffer = {
    .bf_getbuffer = memory_getbuf,
    .bf_releasebuffer = memory_releasebuf,
};

static PySequenceMethods memory_as_sequence = {
    .sq_length = memory_length,
};

static PyMappingMethods memory_as_mapping = {
    .mp_length = memory_length,
    .mp_subscript = memory_subscript,
    .mp_ass_subscript = memory_ass_sub,
};

PyTypeObject PyMemoryView_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "memoryview",
    .tp_basicsize = offsetof(mvobject, ob_array),
    .tp_itemsize = sizeof(Py_ssize_t),
    .tp_dealloc = memory_dealloc,
    .tp_repr = memory_repr,
    .tp_as_sequence = &memory_as_sequence,
    .tp_as_mapping = &memory_as_mapping,
    .tp_hash = memory_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &memory_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "Create a new memoryview object which references the given object.",
    .tp_traverse = memory_traverse,
    .tp_clear = memory_clear,
    .tp_richcompare = memory_richcompare,
    .tp_weaklistoffset = offsetof(mvobject, weakreflist),
    .tp_iter = memory_iter,
    .tp_methods = memory_methods,
    .tp_getset = memory_getset,
    .tp_new = memory_new,
};
