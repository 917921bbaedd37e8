/* unicode_internal.h -- private helpers shared by the str / bytes files
 * (unicodeobject.c, unicode_methods.c, unicode_codecs.c, unicode_format.c,
 * stringformat.c, unicodectype.c, bytesobject.c, bytes_methods.c,
 * bytearrayobject.c).
 * Nothing outside those files includes it.
 *
 * Ownership: every function below that returns PyObject * returns a NEW
 * reference (or NULL with an exception set) unless marked BORROWED; none
 * steals an argument except _PyUnicode_Narrow, which steals `str`. */
#ifndef RP_UNICODE_INTERNAL_H
#define RP_UNICODE_INTERNAL_H
#include "pycore.h"
#include "rp_object.h"

#define _PyUnicode_HASH(op) (_PyASCIIObject_CAST(op)->hash)
#define _PyUnicode_STATE(op) (_PyASCIIObject_CAST(op)->state)
#define _PyUnicode_UTF8(op) (_PyCompactUnicodeObject_CAST(op)->utf8)
#define _PyUnicode_UTF8_LENGTH(op) (_PyCompactUnicodeObject_CAST(op)->utf8_length)

/* ---- unicodeobject.c ---- */
/* The one-character string for ch (immortal singleton when ch < 256): new ref. */
PyObject *_PyUnicode_Char(Py_UCS4 ch);
/* Build a str from an array of the given width; the result has the
   narrowest kind (new ref). */
PyObject *_PyUnicode_FromUCS1(const Py_UCS1 *s, Py_ssize_t n);
PyObject *_PyUnicode_FromUCS2(const Py_UCS2 *s, Py_ssize_t n);
PyObject *_PyUnicode_FromUCS4(const Py_UCS4 *s, Py_ssize_t n);
/* Same, but a one-character result is a fresh object, not a singleton. */
PyObject *_PyUnicode_FromUCS4Fresh(const Py_UCS4 *s, Py_ssize_t n);
/* s must be pure ASCII (not checked in release builds): new ref. */
PyObject *_PyUnicode_FromASCII(const char *s, Py_ssize_t n);
/* Largest code point in str[start:end]. */
Py_UCS4 _PyUnicode_FindMaxChar(PyObject *str, Py_ssize_t start, Py_ssize_t end);
/* Copy characters between strings; the target kind must hold them. */
void _PyUnicode_FastCopyCharacters(PyObject *to, Py_ssize_t to_start,
                                   PyObject *from, Py_ssize_t from_start, Py_ssize_t n);
/* Copy of str (exact str, new ref), never shared. */
PyObject *_PyUnicode_Copy(PyObject *str);
/* Exact-str result of a method: str itself if exact (new ref), else a copy. */
PyObject *_PyUnicode_ResultUnchanged(PyObject *str);
/* Shrink/grow a str we exclusively own (refcount 1, not interned, exact). */
int _PyUnicode_ResizeOwned(PyObject **p, Py_ssize_t length);
/* A str built with a kind wider than needed: re-encode narrowly
   (steals the argument, returns a new ref; never a shared singleton). */
PyObject *_PyUnicode_Narrow(PyObject *str);
/* Slice helper: str[start:end] for 0 <= start <= end <= len: new ref. */
PyObject *_PyUnicode_Slice(PyObject *str, Py_ssize_t start, Py_ssize_t end);
/* __sizeof__ and __getnewargs__ of str (METH_NOARGS): new refs. */
PyObject *_PyUnicode_SizeofMethod(PyObject *self, PyObject *unused);
PyObject *_PyUnicode_GetnewargsMethod(PyObject *self, PyObject *unused);
extern PyTypeObject _PyUnicodeASCIIIter_Type;
/* Type name for messages. */
#define RP_TYPENAME(o) (Py_TYPE(o)->tp_name)

/* ---- unicode_methods.c ---- */
extern PyMethodDef _PyUnicode_Methods[];
/* Search for needle (kind2) in haystack (kind1); kinds may differ.
   direction > 0 forward, < 0 backward; returns index or -1. */
Py_ssize_t _PyUnicode_FindRaw(int kind1, const void *buf1, Py_ssize_t len1,
                              int kind2, const void *buf2, Py_ssize_t len2,
                              int direction);
Py_ssize_t _PyUnicode_CountRaw(int kind1, const void *buf1, Py_ssize_t len1,
                               int kind2, const void *buf2, Py_ssize_t len2,
                               Py_ssize_t maxcount);
/* Parse "(sub[, start[, end]])" of find/count/index/startswith...:
   0 ok, -1 error.  start and end are raw (unadjusted) Py_ssize_t. */
int _Py_ParseFindArgs(const char *name, PyObject *const *args, Py_ssize_t nargs,
                      PyObject **sub, Py_ssize_t *start, Py_ssize_t *end);
/* Convert a slice-index argument (None / __index__) like CPython's
   _PyEval_SliceIndex: 1 ok, 0 error. */
int _Py_SliceIndex(PyObject *obj, Py_ssize_t *pi);
/* Clamp start/end as slices do. */
#define RP_ADJUST_INDICES(start, end, len) do { \
        if ((end) > (len)) (end) = (len); \
        else if ((end) < 0) { (end) += (len); if ((end) < 0) (end) = 0; } \
        if ((start) < 0) { (start) += (len); if ((start) < 0) (start) = 0; } \
    } while (0)

/* ---- unicode_codecs.c ---- */
/* Error handler ids (strict when errors is NULL). */
typedef enum {
    RP_ERR_UNKNOWN, RP_ERR_STRICT, RP_ERR_IGNORE, RP_ERR_REPLACE,
    RP_ERR_BACKSLASHREPLACE, RP_ERR_SURROGATEESCAPE, RP_ERR_SURROGATEPASS,
    RP_ERR_XMLCHARREFREPLACE, RP_ERR_NAMEREPLACE
} rp_errors;
rp_errors _Py_GetErrorHandler(const char *errors);
/* Encode str with a named codec: new bytes. */
PyObject *_PyUnicode_EncodeNamed(PyObject *str, const char *encoding, const char *errors);
/* Normalise an encoding name: returns a canonical id or NULL if unknown. */
const char *_Py_NormalizeEncoding(const char *encoding);

/* ---- unicodectype.c ---- */
unsigned int _PyUnicode_CtypeFlags(Py_UCS4 c);
#define RP_ASCII_SPACE 1
#define RP_ASCII_LOWER 2
#define RP_ASCII_UPPER 4
#define RP_ASCII_ALPHA 8
#define RP_ASCII_DIGIT 16
#define RP_ASCII_LINEBREAK 32

/* ---- stringformat.c ---- */
/* str.format / format_map / __format__ implementations: new refs. */
PyObject *_PyUnicode_FormatMethod(PyObject *self, PyObject *const *args,
                                  Py_ssize_t nargs, PyObject *kwnames);
PyObject *_PyUnicode_FormatMap(PyObject *self, PyObject *mapping);
PyObject *_PyUnicode_FormatDunder(PyObject *self, PyObject *spec);

/* ---- bytesobject.c / bytes_methods.c: helpers shared by bytes and bytearray ---- */
/* View of a bytes-like object (bytes, bytearray, or any object with the
   buffer protocol).  Release with _Py_BytesViewRelease. */
typedef struct {
    const char *buf;
    Py_ssize_t len;
    Py_buffer view;
    int has_view;
    char *copy;        /* contiguous copy of a strided buffer, or NULL */
} rp_bytesview;
/* 0 ok, -1 error: TypeError "a bytes-like object is required, not 'T'". */
int _Py_BytesViewGet(PyObject *obj, rp_bytesview *v);
/* Like _Py_BytesViewGet but no error set on failure (returns -1). */
int _Py_BytesViewTry(PyObject *obj, rp_bytesview *v);
void _Py_BytesViewRelease(rp_bytesview *v);
Py_ssize_t _Py_BytesFind(const char *h, Py_ssize_t hlen, const char *n, Py_ssize_t nlen,
                         int direction);
Py_ssize_t _Py_BytesCount(const char *h, Py_ssize_t hlen, const char *n, Py_ssize_t nlen);
/* Shared method implementations: `self` is bytes or bytearray; results of
   bytes type when `as_bytearray` is 0. */
PyObject *_Py_bytes_repr(const char *s, Py_ssize_t n, int smartquotes, const char *prefix,
                         const char *suffix);
PyObject *_Py_bytes_hex(const char *s, Py_ssize_t n, PyObject *const *args,
                        Py_ssize_t nargs, PyObject *kwnames);
PyObject *_Py_bytes_fromhex(PyObject *string, int as_bytearray);
PyObject *_Py_bytes_decode(const char *s, Py_ssize_t n, PyObject *const *args,
                           Py_ssize_t nargs, PyObject *kwnames);
/* Build the result type: bytes or bytearray from a buffer (new ref). */
PyObject *_Py_bytes_make(int as_bytearray, const char *s, Py_ssize_t n);
/* The methods bytes and bytearray share (NULL-terminated), and bytes'
   full table (bytes_methods.c). */
extern PyMethodDef _Py_BytesCommonMethods[];
extern PyMethodDef _PyBytes_Methods[];
/* The one-byte bytes singleton for c: BORROWED (immortal). */
PyObject *_PyBytes_Char(unsigned char c);
/* Call type(x).__bytes__ if defined: 1 (with *res a new ref, or NULL and
   an exception), 0 if x has no __bytes__. */
int _PyBytes_CallDunderBytes(PyObject *x, PyObject **res);
/* Fill bytearray's method table (called before PyType_Ready). */
void _PyByteArray_PrepareMethods(void);
/* `in` for bytes/bytearray data: 1/0, -1 error. */
int _Py_bytes_contains(const char *s, Py_ssize_t n, PyObject *arg);
/* Iterable/int/buffer to a fresh bytes object for bytes() and bytearray(). */
PyObject *_PyBytes_FromIterableOrBuffer(PyObject *x);
/* bytes % args */
PyObject *_PyBytes_FormatEx(const char *format, Py_ssize_t flen, PyObject *args,
                            int as_bytearray);
#endif
