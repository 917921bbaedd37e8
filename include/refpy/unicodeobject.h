/* unicodeobject.h -- str, in CPython's PEP 393 compact representation.
 *
 * A str is one block: the header (PyASCIIObject, 40 bytes, for pure-ASCII
 * text; PyCompactUnicodeObject, 56 bytes, otherwise) followed directly by
 * the characters in 1, 2 or 4 bytes each (the narrowest kind that fits)
 * and a terminating NUL.  sys.getsizeof therefore agrees with CPython.
 * Interned strings are immortal (3.12); '' and the 256 one-character
 * Latin-1 strings are immortal singletons.
 */
#ifndef REFPY_UNICODEOBJECT_H
#define REFPY_UNICODEOBJECT_H
#include "object.h"
#include <stdarg.h>

#define SSTATE_NOT_INTERNED 0
#define SSTATE_INTERNED_MORTAL 1
#define SSTATE_INTERNED_IMMORTAL 2
#define SSTATE_INTERNED_IMMORTAL_STATIC 3

enum PyUnicode_Kind {
    PyUnicode_1BYTE_KIND = 1,
    PyUnicode_2BYTE_KIND = 2,
    PyUnicode_4BYTE_KIND = 4
};

typedef struct {
    PyObject_HEAD
    Py_ssize_t length;          /* in code points */
    Py_hash_t hash;             /* -1 until computed */
    struct {
        unsigned int interned:2;
        unsigned int kind:3;
        unsigned int compact:1;
        unsigned int ascii:1;
        unsigned int statically_allocated:1;
        unsigned int :24;
    } state;
} PyASCIIObject;

typedef struct {
    PyASCIIObject _base;
    Py_ssize_t utf8_length;     /* bytes in utf8, excluding the NUL */
    char *utf8;                 /* cached UTF-8 (PyObject_Malloc'ed) or NULL */
} PyCompactUnicodeObject;

typedef PyCompactUnicodeObject PyUnicodeObject;

PyAPI_DATA(PyTypeObject) PyUnicode_Type;
PyAPI_DATA(PyTypeObject) PyUnicodeIter_Type;
#define PyUnicode_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_UNICODE_SUBCLASS)
#define PyUnicode_CheckExact(op) Py_IS_TYPE((op), &PyUnicode_Type)

#define _PyASCIIObject_CAST(op) ((PyASCIIObject *)(op))
#define _PyCompactUnicodeObject_CAST(op) ((PyCompactUnicodeObject *)(op))
#define PyUnicode_GET_LENGTH(op) (_PyASCIIObject_CAST(op)->length)
#define PyUnicode_KIND(op) ((int)_PyASCIIObject_CAST(op)->state.kind)
#define PyUnicode_IS_ASCII(op) (_PyASCIIObject_CAST(op)->state.ascii)
#define PyUnicode_IS_COMPACT_ASCII(op) PyUnicode_IS_ASCII(op)
#define PyUnicode_CHECK_INTERNED(op) (_PyASCIIObject_CAST(op)->state.interned)
#define PyUnicode_IS_READY(op) 1
#define PyUnicode_READY(op) 0
static inline void *PyUnicode_DATA(PyObject *op)
{
    if (PyUnicode_IS_ASCII(op)) return (void *)(_PyASCIIObject_CAST(op) + 1);
    return (void *)(_PyCompactUnicodeObject_CAST(op) + 1);
}
#define PyUnicode_DATA(op) PyUnicode_DATA(_PyObject_CAST(op))
#define PyUnicode_1BYTE_DATA(op) ((Py_UCS1 *)PyUnicode_DATA(op))
#define PyUnicode_2BYTE_DATA(op) ((Py_UCS2 *)PyUnicode_DATA(op))
#define PyUnicode_4BYTE_DATA(op) ((Py_UCS4 *)PyUnicode_DATA(op))
static inline Py_UCS4 PyUnicode_READ(int kind, const void *data, Py_ssize_t index)
{
    if (kind == PyUnicode_1BYTE_KIND) return ((const Py_UCS1 *)data)[index];
    if (kind == PyUnicode_2BYTE_KIND) return ((const Py_UCS2 *)data)[index];
    return ((const Py_UCS4 *)data)[index];
}
static inline void PyUnicode_WRITE(int kind, void *data, Py_ssize_t index, Py_UCS4 value)
{
    if (kind == PyUnicode_1BYTE_KIND) ((Py_UCS1 *)data)[index] = (Py_UCS1)value;
    else if (kind == PyUnicode_2BYTE_KIND) ((Py_UCS2 *)data)[index] = (Py_UCS2)value;
    else ((Py_UCS4 *)data)[index] = value;
}
#define PyUnicode_READ_CHAR(op, i) PyUnicode_READ(PyUnicode_KIND(op), PyUnicode_DATA(op), (i))
static inline Py_UCS4 PyUnicode_MAX_CHAR_VALUE(PyObject *op)
{
    if (PyUnicode_IS_ASCII(op)) return 0x7f;
    if (PyUnicode_KIND(op) == PyUnicode_1BYTE_KIND) return 0xff;
    if (PyUnicode_KIND(op) == PyUnicode_2BYTE_KIND) return 0xffff;
    return 0x10ffff;
}

/* Constructors: all return new references. */
PyAPI_FUNC(PyObject *) PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar);  /* uninitialised data */
PyAPI_FUNC(PyObject *) PyUnicode_FromString(const char *utf8);
PyAPI_FUNC(PyObject *) PyUnicode_FromStringAndSize(const char *utf8, Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF8(const char *s, Py_ssize_t size, const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyUnicode_FromOrdinal(int ordinal);
/* printf-like: %s %d %i %u %ld %lu %zd %zu %x %p %c %%, %U (str obj),
   %S (str(obj)), %R (repr(obj)), %A (ascii(obj)), %V (obj or utf8), and
   the precision form %.Ns / %.NU. */
PyAPI_FUNC(PyObject *) PyUnicode_FromFormat(const char *format, ...);
PyAPI_FUNC(PyObject *) PyUnicode_FromFormatV(const char *format, va_list vargs);
PyAPI_FUNC(PyObject *) PyUnicode_Substring(PyObject *str, Py_ssize_t start, Py_ssize_t end);
PyAPI_FUNC(PyObject *) PyUnicode_Concat(PyObject *left, PyObject *right);
PyAPI_FUNC(void) PyUnicode_Append(PyObject **pleft, PyObject *right);          /* *pleft replaced; NULL on error */
PyAPI_FUNC(void) PyUnicode_AppendAndDel(PyObject **pleft, PyObject *right);    /* also steals right */
PyAPI_FUNC(PyObject *) PyUnicode_Join(PyObject *separator, PyObject *iterable);
PyAPI_FUNC(PyObject *) _PyUnicode_JoinArray(PyObject *sep, PyObject *const *items, Py_ssize_t n);
PyAPI_FUNC(PyObject *) PyUnicode_Split(PyObject *s, PyObject *sep, Py_ssize_t maxsplit);
PyAPI_FUNC(PyObject *) PyUnicode_Format(PyObject *format, PyObject *args);    /* the % operator */
PyAPI_FUNC(PyObject *) PyUnicode_FromObject(PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_AsUTF8String(PyObject *);                      /* new bytes */
PyAPI_FUNC(PyObject *) PyUnicode_AsEncodedString(PyObject *, const char *encoding, const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_Decode(const char *s, Py_ssize_t size, const char *encoding, const char *errors);

/* Access. */
PyAPI_FUNC(const char *) PyUnicode_AsUTF8(PyObject *);    /* borrowed buffer, cached in the object */
PyAPI_FUNC(const char *) PyUnicode_AsUTF8AndSize(PyObject *, Py_ssize_t *size);
PyAPI_FUNC(Py_ssize_t) PyUnicode_GetLength(PyObject *);
PyAPI_FUNC(Py_UCS4) PyUnicode_ReadChar(PyObject *, Py_ssize_t);
PyAPI_FUNC(int) PyUnicode_Compare(PyObject *, PyObject *);             /* -1/0/1 (error: -1 + exc) */
PyAPI_FUNC(int) PyUnicode_CompareWithASCIIString(PyObject *, const char *);
PyAPI_FUNC(int) _PyUnicode_EqualToASCIIString(PyObject *, const char *); /* bool, no error */
PyAPI_FUNC(int) _PyUnicode_Equal(PyObject *, PyObject *);               /* bool, both exact str */
PyAPI_FUNC(PyObject *) PyUnicode_RichCompare(PyObject *, PyObject *, int);
PyAPI_FUNC(int) PyUnicode_Contains(PyObject *container, PyObject *element);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Find(PyObject *, PyObject *, Py_ssize_t, Py_ssize_t, int direction);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Count(PyObject *, PyObject *, Py_ssize_t, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyUnicode_Replace(PyObject *, PyObject *, PyObject *, Py_ssize_t);
PyAPI_FUNC(int) PyUnicode_IsIdentifier(PyObject *);
PyAPI_FUNC(Py_hash_t) _PyUnicode_Hash(PyObject *);

/* Interning.  In 3.12 interned strings are immortal.
   PyUnicode_InternInPlace replaces *p (steals the old reference, stores a
   new one) with the canonical interned string. */
PyAPI_FUNC(void) PyUnicode_InternInPlace(PyObject **p);
PyAPI_FUNC(PyObject *) PyUnicode_InternFromString(const char *);   /* new (immortal) */
PyAPI_FUNC(Py_ssize_t) _PyUnicode_InternedSize(void);

/* repr() of a str, with CPython's quote choice and escapes: new ref. */
PyAPI_FUNC(PyObject *) _PyUnicode_Repr(PyObject *);
/* The empty string: BORROWED immortal singleton. */
PyAPI_FUNC(PyObject *) _PyUnicode_GetEmpty(void);

/* A growable buffer for building strings efficiently. */
typedef struct {
    PyObject *buffer;
    void *data;
    int kind;
    Py_UCS4 maxchar;
    Py_ssize_t size;
    Py_ssize_t pos;
    Py_ssize_t min_length;
    Py_UCS4 min_char;
    unsigned char overallocate;
    unsigned char readonly;
} _PyUnicodeWriter;
PyAPI_FUNC(void) _PyUnicodeWriter_Init(_PyUnicodeWriter *);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteChar(_PyUnicodeWriter *, Py_UCS4);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteStr(_PyUnicodeWriter *, PyObject *);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter *, const char *, Py_ssize_t);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter *, PyObject *, Py_ssize_t, Py_ssize_t);
PyAPI_FUNC(PyObject *) _PyUnicodeWriter_Finish(_PyUnicodeWriter *);  /* new */
PyAPI_FUNC(void) _PyUnicodeWriter_Dealloc(_PyUnicodeWriter *);

/* ---------------- additions (strings helper) ---------------- */
#define Py_UNICODE_IS_SURROGATE(ch) (0xD800 <= (ch) && (ch) <= 0xDFFF)
#define Py_UNICODE_IS_HIGH_SURROGATE(ch) (0xD800 <= (ch) && (ch) <= 0xDBFF)
#define Py_UNICODE_IS_LOW_SURROGATE(ch) (0xDC00 <= (ch) && (ch) <= 0xDFFF)
#define Py_UNICODE_JOIN_SURROGATES(high, low) \
    (((((Py_UCS4)(high) & 0x03FF) << 10) | ((Py_UCS4)(low) & 0x03FF)) + 0x10000)
#define Py_UNICODE_HIGH_SURROGATE(ch) (0xD800 - (0x10000 >> 10) + ((ch) >> 10))
#define Py_UNICODE_LOW_SURROGATE(ch) (0xDC00 + ((ch) & 0x3FF))
#define Py_UNICODE_REPLACEMENT_CHARACTER ((Py_UCS4)0xFFFD)
#define Py_UNICODE_MAX_CHAR 0x10ffff

/* Character properties (Unicode 15.0.0, as CPython 3.12).  Booleans. */
PyAPI_FUNC(int) _PyUnicode_IsAlpha(Py_UCS4);
PyAPI_FUNC(int) _PyUnicode_IsAlnum(Py_UCS4);
PyAPI_FUNC(int) _PyUnicode_IsDecimalDigit(Py_UCS4);
PyAPI_FUNC(int) _PyUnicode_IsDigit(Py_UCS4);
PyAPI_FUNC(int) _PyUnicode_IsNumeric(Py_UCS4);
PyAPI_FUNC(int) _PyUnicode_IsPrintable(Py_UCS4);
PyAPI_FUNC(int) _PyUnicode_IsWhitespace(Py_UCS4);
PyAPI_FUNC(int) _PyUnicode_IsLowercase(Py_UCS4);
PyAPI_FUNC(int) _PyUnicode_IsUppercase(Py_UCS4);
PyAPI_FUNC(int) _PyUnicode_IsTitlecase(Py_UCS4);
PyAPI_FUNC(int) _PyUnicode_IsXidStart(Py_UCS4);
PyAPI_FUNC(int) _PyUnicode_IsXidContinue(Py_UCS4);
PyAPI_FUNC(int) _PyUnicode_IsCased(Py_UCS4);
PyAPI_FUNC(int) _PyUnicode_IsCaseIgnorable(Py_UCS4);
PyAPI_FUNC(int) _PyUnicode_IsLinebreak(Py_UCS4);
/* Decimal / digit value, or -1. */
PyAPI_FUNC(int) _PyUnicode_ToDecimalDigit(Py_UCS4);
PyAPI_FUNC(int) _PyUnicode_ToDigit(Py_UCS4);
/* Simple case mappings (one character). */
PyAPI_FUNC(Py_UCS4) _PyUnicode_ToUppercase(Py_UCS4);
PyAPI_FUNC(Py_UCS4) _PyUnicode_ToLowercase(Py_UCS4);
PyAPI_FUNC(Py_UCS4) _PyUnicode_ToTitlecase(Py_UCS4);
/* Full case mappings into res[3]; return the number of code points. */
PyAPI_FUNC(int) _PyUnicode_ToUpperFull(Py_UCS4, Py_UCS4 *res);
PyAPI_FUNC(int) _PyUnicode_ToLowerFull(Py_UCS4, Py_UCS4 *res);
PyAPI_FUNC(int) _PyUnicode_ToTitleFull(Py_UCS4, Py_UCS4 *res);
PyAPI_FUNC(int) _PyUnicode_ToFoldedFull(Py_UCS4, Py_UCS4 *res);
/* ASCII classes: bit 1 space, 2 lower, 4 upper, 8 alpha, 16 digit, 32 linebreak. */
PyAPI_DATA(const unsigned char) _Py_ascii_ctype[128];
static inline int Py_UNICODE_ISSPACE(Py_UCS4 ch)
{ return ch < 128 ? (_Py_ascii_ctype[ch] & 1) : _PyUnicode_IsWhitespace(ch); }
#define Py_UNICODE_ISALPHA(ch) _PyUnicode_IsAlpha(ch)
#define Py_UNICODE_ISALNUM(ch) _PyUnicode_IsAlnum(ch)
#define Py_UNICODE_ISDECIMAL(ch) _PyUnicode_IsDecimalDigit(ch)
#define Py_UNICODE_ISDIGIT(ch) _PyUnicode_IsDigit(ch)
#define Py_UNICODE_ISNUMERIC(ch) _PyUnicode_IsNumeric(ch)
#define Py_UNICODE_ISPRINTABLE(ch) _PyUnicode_IsPrintable(ch)
#define Py_UNICODE_ISLOWER(ch) _PyUnicode_IsLowercase(ch)
#define Py_UNICODE_ISUPPER(ch) _PyUnicode_IsUppercase(ch)
#define Py_UNICODE_ISTITLE(ch) _PyUnicode_IsTitlecase(ch)
#define Py_UNICODE_ISLINEBREAK(ch) _PyUnicode_IsLinebreak(ch)
#define Py_UNICODE_TODECIMAL(ch) _PyUnicode_ToDecimalDigit(ch)
#define Py_UNICODE_TODIGIT(ch) _PyUnicode_ToDigit(ch)
#define Py_UNICODE_TOLOWER(ch) _PyUnicode_ToLowercase(ch)
#define Py_UNICODE_TOUPPER(ch) _PyUnicode_ToUppercase(ch)

/* More constructors and codecs (new references). */
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF8Stateful(const char *s, Py_ssize_t size,
                                                    const char *errors, Py_ssize_t *consumed);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeASCII(const char *s, Py_ssize_t size, const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeLatin1(const char *s, Py_ssize_t size, const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsASCIIString(PyObject *);       /* new bytes */
PyAPI_FUNC(PyObject *) PyUnicode_AsLatin1String(PyObject *);      /* new bytes */
PyAPI_FUNC(PyObject *) _PyUnicode_AsUTF8String(PyObject *, const char *errors); /* new bytes */
/* str(bytes-like, encoding, errors): new str. */
PyAPI_FUNC(PyObject *) PyUnicode_FromEncodedObject(PyObject *obj, const char *encoding, const char *errors);
PyAPI_FUNC(Py_UCS4 *) PyUnicode_AsUCS4Copy(PyObject *);           /* PyMem_Malloc'ed, NUL-terminated */
/* int()/float() helper: a str with Unicode decimal digits mapped to ASCII
   and Unicode spaces to ' ' (new ref; the argument itself if pure ASCII). */
PyAPI_FUNC(PyObject *) _PyUnicode_TransformDecimalAndSpaceToASCII(PyObject *);

/* Editing fresh strings (refcount 1, not yet shared). */
PyAPI_FUNC(Py_ssize_t) PyUnicode_CopyCharacters(PyObject *to, Py_ssize_t to_start,
        PyObject *from, Py_ssize_t from_start, Py_ssize_t how_many);   /* count or -1 */
PyAPI_FUNC(Py_ssize_t) PyUnicode_Fill(PyObject *, Py_ssize_t start, Py_ssize_t length, Py_UCS4 ch);
PyAPI_FUNC(int) PyUnicode_WriteChar(PyObject *, Py_ssize_t index, Py_UCS4 ch);
PyAPI_FUNC(int) PyUnicode_Resize(PyObject **unicode, Py_ssize_t length);

/* More operations (new references unless noted). */
PyAPI_FUNC(Py_ssize_t) PyUnicode_Tailmatch(PyObject *str, PyObject *substr,
        Py_ssize_t start, Py_ssize_t end, int direction);             /* 1/0, -1 error */
PyAPI_FUNC(Py_ssize_t) PyUnicode_FindChar(PyObject *, Py_UCS4, Py_ssize_t, Py_ssize_t, int);
PyAPI_FUNC(PyObject *) PyUnicode_Splitlines(PyObject *s, int keepends);
PyAPI_FUNC(PyObject *) PyUnicode_RSplit(PyObject *s, PyObject *sep, Py_ssize_t maxsplit);
PyAPI_FUNC(PyObject *) PyUnicode_Partition(PyObject *s, PyObject *sep);
PyAPI_FUNC(PyObject *) PyUnicode_RPartition(PyObject *s, PyObject *sep);
PyAPI_FUNC(PyObject *) _PyUnicode_Repeat(PyObject *str, Py_ssize_t n);
PyAPI_FUNC(int) _PyUnicode_EQ(PyObject *, PyObject *);                 /* both exact str */
PyAPI_FUNC(PyObject *) _PyUnicode_XStrip(PyObject *self, int striptype, PyObject *sepobj);
/* "ascii(obj)"-style escaping of a str (new ref): non-ASCII as \x.. \u.... \U........ */
PyAPI_FUNC(PyObject *) _PyUnicode_EscapeNonASCII(PyObject *str);
/* The single-character str for a Latin-1 code point: BORROWED immortal. */
PyAPI_FUNC(PyObject *) _PyUnicode_Latin1Char(Py_UCS1 ch);

/* Writer extras. */
PyAPI_FUNC(int) _PyUnicodeWriter_Prepare(_PyUnicodeWriter *, Py_ssize_t length, Py_UCS4 maxchar);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter *, const char *, Py_ssize_t);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteUTF8(_PyUnicodeWriter *, const char *, Py_ssize_t);

/* Startup: PyType_Ready of str, bytes, bytearray and their iterators. */
PyAPI_FUNC(int) _PyStrings_InitTypes(void);

#endif
