/* object.h -- the object header, reference counting and the type object.
 *
 * Layout and semantics follow CPython 3.12 (64-bit, release build):
 *   - every object starts with ob_refcnt (8 bytes) and ob_type (8 bytes);
 *   - variable-size objects add ob_size;
 *   - immortal objects carry _Py_IMMORTAL_REFCNT (0xFFFFFFFF) in the low
 *     32 bits of ob_refcnt; Py_INCREF saturates there and Py_DECREF skips
 *     them, so sys.getrefcount() of an immortal reads 4294967295.
 *
 * Every reference-count change in refpy goes through the macros below
 * (Py_INCREF, Py_DECREF, Py_XINCREF, Py_XDECREF, Py_CLEAR, Py_SETREF,
 * Py_NewRef, ...).  Keep it that way: the debug build counts them, and a
 * later refcount-history tool hooks them.
 */
#ifndef REFPY_OBJECT_H
#define REFPY_OBJECT_H

#include "pyport.h"
#include <stdio.h>

typedef struct _typeobject PyTypeObject;
typedef struct _object PyObject;
typedef struct _frame PyFrameObject;
typedef struct _ts PyThreadState;
typedef struct _is PyInterpreterState;
typedef struct PyCodeObject PyCodeObject;
typedef struct PyModuleDef PyModuleDef;

struct _object {
    union {
        Py_ssize_t ob_refcnt;
        uint32_t ob_refcnt_split[2];   /* [0] is the low half on little-endian */
    };
    PyTypeObject *ob_type;
};

typedef struct {
    PyObject ob_base;
    Py_ssize_t ob_size;   /* number of items, not bytes */
} PyVarObject;

#define PyObject_HEAD PyObject ob_base;
#define PyObject_VAR_HEAD PyVarObject ob_base;

#define _Py_IMMORTAL_REFCNT ((Py_ssize_t)UINT32_MAX)

/* Static objects (static types, None, small ints...) are born immortal. */
#define PyObject_HEAD_INIT(type) { { _Py_IMMORTAL_REFCNT }, (type) },
#define PyVarObject_HEAD_INIT(type, size) { PyObject_HEAD_INIT(type) (size) },

#define _PyObject_CAST(op) ((PyObject *)(op))
#define _PyVarObject_CAST(op) ((PyVarObject *)(op))

#define Py_TYPE(ob) (_PyObject_CAST(ob)->ob_type)
#define Py_REFCNT(ob) (_PyObject_CAST(ob)->ob_refcnt)
#define Py_SIZE(ob) (_PyVarObject_CAST(ob)->ob_size)
#define Py_IS_TYPE(ob, type) (Py_TYPE(ob) == (type))
#define Py_SET_TYPE(ob, type) (Py_TYPE(ob) = (type))
#define Py_SET_SIZE(ob, size) (Py_SIZE(ob) = (size))
#define Py_Is(x, y) ((x) == (y))
#define Py_IsNone(x) Py_Is((x), Py_None)
#define Py_IsTrue(x) Py_Is((x), Py_True)
#define Py_IsFalse(x) Py_Is((x), Py_False)

static inline int _Py_IsImmortal(PyObject *op)
{
    return (int32_t)op->ob_refcnt_split[0] < 0;
}

static inline void _Py_SetImmortal(PyObject *op)
{
    if (op) op->ob_refcnt = _Py_IMMORTAL_REFCNT;
}

static inline void Py_SET_REFCNT(PyObject *op, Py_ssize_t refcnt)
{
    if (_Py_IsImmortal(op)) return;
    op->ob_refcnt = refcnt;
}
#define Py_SET_REFCNT(op, n) Py_SET_REFCNT(_PyObject_CAST(op), (n))

/* ---- debug-build reference totals (make debug defines Py_REF_DEBUG) ---- */
#ifdef Py_REF_DEBUG
extern Py_ssize_t _Py_RefTotal;
PyAPI_FUNC(void) _Py_NegativeRefcount(const char *filename, int lineno, PyObject *op);
#  define _Py_INC_REFTOTAL() (_Py_RefTotal++)
#  define _Py_DEC_REFTOTAL() (_Py_RefTotal--)
#else
#  define _Py_INC_REFTOTAL() ((void)0)
#  define _Py_DEC_REFTOTAL() ((void)0)
#endif

/* Called when a refcount drops to zero: tp_dealloc of the object's type. */
PyAPI_FUNC(void) _Py_Dealloc(PyObject *op);

static inline Py_ALWAYS_INLINE void Py_INCREF(PyObject *op)
{
    /* Saturating add on the low 32 bits: 0xFFFFFFFF + 1 wraps to 0 and the
       store is skipped, so immortals never change (PEP 683, 64-bit). */
    uint32_t cur = op->ob_refcnt_split[0];
    uint32_t new_refcnt = cur + 1;
    if (new_refcnt == 0) return;
    op->ob_refcnt_split[0] = new_refcnt;
    _Py_INC_REFTOTAL();
}

#ifdef Py_REF_DEBUG
static inline Py_ALWAYS_INLINE void _Py_DECREF_dbg(const char *filename, int lineno, PyObject *op)
{
    if (_Py_IsImmortal(op)) return;
    _Py_DEC_REFTOTAL();
    if (--op->ob_refcnt != 0) {
        if (op->ob_refcnt < 0) _Py_NegativeRefcount(filename, lineno, op);
    }
    else {
        _Py_Dealloc(op);
    }
}
#  define Py_DECREF(op) _Py_DECREF_dbg(__FILE__, __LINE__, _PyObject_CAST(op))
#else
static inline Py_ALWAYS_INLINE void Py_DECREF(PyObject *op)
{
    if (_Py_IsImmortal(op)) return;
    if (--op->ob_refcnt == 0) _Py_Dealloc(op);
}
#  define Py_DECREF(op) Py_DECREF(_PyObject_CAST(op))
#endif
#define Py_INCREF(op) Py_INCREF(_PyObject_CAST(op))

static inline void Py_XINCREF(PyObject *op) { if (op != NULL) Py_INCREF(op); }
#define Py_XINCREF(op) Py_XINCREF(_PyObject_CAST(op))
#define Py_XDECREF(op) do { PyObject *_py_xdecref_tmp = _PyObject_CAST(op); \
        if (_py_xdecref_tmp != NULL) Py_DECREF(_py_xdecref_tmp); } while (0)

/* Py_CLEAR: set the variable to NULL first, then drop the reference. */
#define Py_CLEAR(op) do { PyObject **_py_tmp_ptr = (PyObject **)&(op); \
        PyObject *_py_tmp = *_py_tmp_ptr; if (_py_tmp != NULL) { \
            *_py_tmp_ptr = NULL; Py_DECREF(_py_tmp); } } while (0)
/* Py_SETREF / Py_XSETREF: store the new value (stolen), then drop the old. */
#define Py_SETREF(dst, src) do { PyObject **_py_tmp_ptr = (PyObject **)&(dst); \
        PyObject *_py_tmp = *_py_tmp_ptr; *_py_tmp_ptr = _PyObject_CAST(src); \
        Py_DECREF(_py_tmp); } while (0)
#define Py_XSETREF(dst, src) do { PyObject **_py_tmp_ptr = (PyObject **)&(dst); \
        PyObject *_py_tmp = *_py_tmp_ptr; *_py_tmp_ptr = _PyObject_CAST(src); \
        Py_XDECREF(_py_tmp); } while (0)

/* Return a new reference to op (op must not be NULL). */
static inline PyObject *_Py_NewRef(PyObject *op) { Py_INCREF(op); return op; }
static inline PyObject *_Py_XNewRef(PyObject *op) { Py_XINCREF(op); return op; }
#define Py_NewRef(op) _Py_NewRef(_PyObject_CAST(op))
#define Py_XNewRef(op) _Py_XNewRef(_PyObject_CAST(op))

PyAPI_FUNC(void) Py_IncRef(PyObject *);
PyAPI_FUNC(void) Py_DecRef(PyObject *);

/* ---------------------------- slot types ---------------------------- */
typedef PyObject *(*unaryfunc)(PyObject *);
typedef PyObject *(*binaryfunc)(PyObject *, PyObject *);
typedef PyObject *(*ternaryfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*inquiry)(PyObject *);
typedef Py_ssize_t (*lenfunc)(PyObject *);
typedef PyObject *(*ssizeargfunc)(PyObject *, Py_ssize_t);
typedef PyObject *(*ssizessizeargfunc)(PyObject *, Py_ssize_t, Py_ssize_t);
typedef int (*ssizeobjargproc)(PyObject *, Py_ssize_t, PyObject *);
typedef int (*ssizessizeobjargproc)(PyObject *, Py_ssize_t, Py_ssize_t, PyObject *);
typedef int (*objobjargproc)(PyObject *, PyObject *, PyObject *);
typedef int (*objobjproc)(PyObject *, PyObject *);
typedef int (*visitproc)(PyObject *, void *);
typedef int (*traverseproc)(PyObject *, visitproc, void *);
typedef void (*freefunc)(void *);
typedef void (*destructor)(PyObject *);
typedef PyObject *(*getattrfunc)(PyObject *, char *);
typedef PyObject *(*getattrofunc)(PyObject *, PyObject *);
typedef int (*setattrfunc)(PyObject *, char *, PyObject *);
typedef int (*setattrofunc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*reprfunc)(PyObject *);
typedef Py_hash_t (*hashfunc)(PyObject *);
typedef PyObject *(*richcmpfunc)(PyObject *, PyObject *, int);
typedef PyObject *(*getiterfunc)(PyObject *);
typedef PyObject *(*iternextfunc)(PyObject *);
typedef PyObject *(*descrgetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*descrsetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*initproc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*newfunc)(PyTypeObject *, PyObject *, PyObject *);
typedef PyObject *(*allocfunc)(PyTypeObject *, Py_ssize_t);
typedef PyObject *(*vectorcallfunc)(PyObject *callable, PyObject *const *args,
                                    size_t nargsf, PyObject *kwnames);

typedef struct bufferinfo {
    void *buf;
    PyObject *obj;        /* owned reference */
    Py_ssize_t len;
    Py_ssize_t itemsize;
    int readonly;
    int ndim;
    char *format;
    Py_ssize_t *shape;
    Py_ssize_t *strides;
    Py_ssize_t *suboffsets;
    void *internal;
} Py_buffer;
typedef int (*getbufferproc)(PyObject *, Py_buffer *, int);
typedef void (*releasebufferproc)(PyObject *, Py_buffer *);
typedef PyObject *(*sendfunc_dummy)(PyObject *);

typedef struct {
    binaryfunc nb_add;
    binaryfunc nb_subtract;
    binaryfunc nb_multiply;
    binaryfunc nb_remainder;
    binaryfunc nb_divmod;
    ternaryfunc nb_power;
    unaryfunc nb_negative;
    unaryfunc nb_positive;
    unaryfunc nb_absolute;
    inquiry nb_bool;
    unaryfunc nb_invert;
    binaryfunc nb_lshift;
    binaryfunc nb_rshift;
    binaryfunc nb_and;
    binaryfunc nb_xor;
    binaryfunc nb_or;
    unaryfunc nb_int;
    void *nb_reserved;
    unaryfunc nb_float;
    binaryfunc nb_inplace_add;
    binaryfunc nb_inplace_subtract;
    binaryfunc nb_inplace_multiply;
    binaryfunc nb_inplace_remainder;
    ternaryfunc nb_inplace_power;
    binaryfunc nb_inplace_lshift;
    binaryfunc nb_inplace_rshift;
    binaryfunc nb_inplace_and;
    binaryfunc nb_inplace_xor;
    binaryfunc nb_inplace_or;
    binaryfunc nb_floor_divide;
    binaryfunc nb_true_divide;
    binaryfunc nb_inplace_floor_divide;
    binaryfunc nb_inplace_true_divide;
    unaryfunc nb_index;
    binaryfunc nb_matrix_multiply;
    binaryfunc nb_inplace_matrix_multiply;
} PyNumberMethods;

typedef struct {
    lenfunc sq_length;
    binaryfunc sq_concat;
    ssizeargfunc sq_repeat;
    ssizeargfunc sq_item;
    void *was_sq_slice;
    ssizeobjargproc sq_ass_item;
    void *was_sq_ass_slice;
    objobjproc sq_contains;
    binaryfunc sq_inplace_concat;
    ssizeargfunc sq_inplace_repeat;
} PySequenceMethods;

typedef struct {
    lenfunc mp_length;
    binaryfunc mp_subscript;
    objobjargproc mp_ass_subscript;
} PyMappingMethods;

typedef struct {
    unaryfunc am_await;
    unaryfunc am_aiter;
    unaryfunc am_anext;
    void *am_send;
} PyAsyncMethods;

typedef struct {
    getbufferproc bf_getbuffer;
    releasebufferproc bf_releasebuffer;
} PyBufferProcs;

struct PyMethodDef;
struct PyMemberDef;
struct PyGetSetDef;

/* The type object: CPython 3.12's field order, so static type definitions
   written for CPython (positional or designated) compile unchanged. */
struct _typeobject {
    PyObject_VAR_HEAD
    const char *tp_name;
    Py_ssize_t tp_basicsize, tp_itemsize;
    destructor tp_dealloc;
    Py_ssize_t tp_vectorcall_offset;
    getattrfunc tp_getattr;
    setattrfunc tp_setattr;
    PyAsyncMethods *tp_as_async;
    reprfunc tp_repr;
    PyNumberMethods *tp_as_number;
    PySequenceMethods *tp_as_sequence;
    PyMappingMethods *tp_as_mapping;
    hashfunc tp_hash;
    ternaryfunc tp_call;
    reprfunc tp_str;
    getattrofunc tp_getattro;
    setattrofunc tp_setattro;
    PyBufferProcs *tp_as_buffer;
    unsigned long tp_flags;
    const char *tp_doc;
    traverseproc tp_traverse;
    inquiry tp_clear;
    richcmpfunc tp_richcompare;
    Py_ssize_t tp_weaklistoffset;
    getiterfunc tp_iter;
    iternextfunc tp_iternext;
    struct PyMethodDef *tp_methods;
    struct PyMemberDef *tp_members;
    struct PyGetSetDef *tp_getset;
    PyTypeObject *tp_base;
    PyObject *tp_dict;
    descrgetfunc tp_descr_get;
    descrsetfunc tp_descr_set;
    Py_ssize_t tp_dictoffset;
    initproc tp_init;
    allocfunc tp_alloc;
    newfunc tp_new;
    freefunc tp_free;
    inquiry tp_is_gc;
    PyObject *tp_bases;
    PyObject *tp_mro;
    PyObject *tp_cache;
    void *tp_subclasses;
    PyObject *tp_weaklist;
    destructor tp_del;
    unsigned int tp_version_tag;
    destructor tp_finalize;
    vectorcallfunc tp_vectorcall;
    unsigned char tp_watched;
};

/* Heap types (class statements, type(name, bases, dict)) embed their slot
   tables so that slot wrappers can be installed per class. */
typedef struct _heaptypeobject {
    PyTypeObject ht_type;
    PyAsyncMethods as_async;
    PyNumberMethods as_number;
    PyMappingMethods as_mapping;
    PySequenceMethods as_sequence;
    PyBufferProcs as_buffer;
    PyObject *ht_name, *ht_slots, *ht_qualname;
    void *ht_cached_keys;
    PyObject *ht_module;
    char *_ht_tpname;
} PyHeapTypeObject;

/* tp_flags (CPython 3.12 values) */
#define Py_TPFLAGS_HAVE_FINALIZE (1UL << 0)
#define Py_TPFLAGS_MANAGED_WEAKREF (1UL << 3)
#define Py_TPFLAGS_MANAGED_DICT (1UL << 4)
#define Py_TPFLAGS_PREHEADER (Py_TPFLAGS_MANAGED_WEAKREF | Py_TPFLAGS_MANAGED_DICT)
#define Py_TPFLAGS_SEQUENCE (1UL << 5)
#define Py_TPFLAGS_MAPPING (1UL << 6)
#define Py_TPFLAGS_DISALLOW_INSTANTIATION (1UL << 7)
#define Py_TPFLAGS_IMMUTABLETYPE (1UL << 8)
#define Py_TPFLAGS_HEAPTYPE (1UL << 9)
#define Py_TPFLAGS_BASETYPE (1UL << 10)
#define Py_TPFLAGS_HAVE_VECTORCALL (1UL << 11)
#define Py_TPFLAGS_READY (1UL << 12)
#define Py_TPFLAGS_READYING (1UL << 13)
#define Py_TPFLAGS_HAVE_GC (1UL << 14)
#define Py_TPFLAGS_HAVE_STACKLESS_EXTENSION 0
#define Py_TPFLAGS_METHOD_DESCRIPTOR (1UL << 17)
#define Py_TPFLAGS_VALID_VERSION_TAG (1UL << 19)
#define Py_TPFLAGS_IS_ABSTRACT (1UL << 20)
#define _Py_TPFLAGS_MATCH_SELF (1UL << 22)
#define Py_TPFLAGS_ITEMS_AT_END (1UL << 23)
#define Py_TPFLAGS_LONG_SUBCLASS (1UL << 24)
#define Py_TPFLAGS_LIST_SUBCLASS (1UL << 25)
#define Py_TPFLAGS_TUPLE_SUBCLASS (1UL << 26)
#define Py_TPFLAGS_BYTES_SUBCLASS (1UL << 27)
#define Py_TPFLAGS_UNICODE_SUBCLASS (1UL << 28)
#define Py_TPFLAGS_DICT_SUBCLASS (1UL << 29)
#define Py_TPFLAGS_BASE_EXC_SUBCLASS (1UL << 30)
#define Py_TPFLAGS_TYPE_SUBCLASS (1UL << 31)
#define Py_TPFLAGS_DEFAULT 0UL
#define Py_TPFLAGS_HAVE_VERSION_TAG (1UL << 18)

#define PyType_HasFeature(t, f) (((t)->tp_flags & (f)) != 0)
#define PyType_FastSubclass(t, f) PyType_HasFeature((t), (f))

/* ------------------------------ singletons ------------------------------ */
PyAPI_DATA(PyTypeObject) PyType_Type;
PyAPI_DATA(PyTypeObject) PyBaseObject_Type;
PyAPI_DATA(PyTypeObject) PySuper_Type;
PyAPI_DATA(PyTypeObject) _PyNone_Type;
PyAPI_DATA(PyTypeObject) _PyNotImplemented_Type;
PyAPI_DATA(PyObject) _Py_NoneStruct;
PyAPI_DATA(PyObject) _Py_NotImplementedStruct;
#define Py_None (&_Py_NoneStruct)
#define Py_NotImplemented (&_Py_NotImplementedStruct)
#define Py_RETURN_NONE return Py_None            /* immortal: no incref needed */
#define Py_RETURN_NOTIMPLEMENTED return Py_NotImplemented

/* Rich comparison opcodes (also COMPARE_OP's oparg >> 4). */
#define Py_LT 0
#define Py_LE 1
#define Py_EQ 2
#define Py_NE 3
#define Py_GT 4
#define Py_GE 5

#define Py_RETURN_RICHCOMPARE(val1, val2, op) do { int _cmp; switch (op) { \
    case Py_EQ: _cmp = (val1) == (val2); break; case Py_NE: _cmp = (val1) != (val2); break; \
    case Py_LT: _cmp = (val1) < (val2); break; case Py_GT: _cmp = (val1) > (val2); break; \
    case Py_LE: _cmp = (val1) <= (val2); break; case Py_GE: _cmp = (val1) >= (val2); break; \
    default: Py_UNREACHABLE(); } if (_cmp) Py_RETURN_TRUE; else Py_RETURN_FALSE; } while (0)

#define PyType_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TYPE_SUBCLASS)
#define PyType_CheckExact(op) Py_IS_TYPE((op), &PyType_Type)

/* ---------------------------- generic API ---------------------------- */
/* All of these return a new reference (or NULL with an exception set)
   unless stated otherwise. */
PyAPI_FUNC(int) PyType_Ready(PyTypeObject *);                       /* 0 / -1 */
PyAPI_FUNC(int) PyType_IsSubtype(PyTypeObject *, PyTypeObject *);   /* bool, never fails */
#define PyObject_TypeCheck(ob, tp) (Py_IS_TYPE((ob), (tp)) || PyType_IsSubtype(Py_TYPE(ob), (tp)))
PyAPI_FUNC(PyObject *) PyType_GenericAlloc(PyTypeObject *, Py_ssize_t);   /* new */
PyAPI_FUNC(PyObject *) PyType_GenericNew(PyTypeObject *, PyObject *, PyObject *); /* new */
PyAPI_FUNC(PyObject *) _PyType_Lookup(PyTypeObject *, PyObject *);  /* BORROWED, no error set */
PyAPI_FUNC(PyObject *) _PyType_LookupId(PyTypeObject *, const char *); /* BORROWED */
PyAPI_FUNC(const char *) _PyType_Name(PyTypeObject *);            /* short name, no module */

PyAPI_FUNC(PyObject *) PyObject_Repr(PyObject *);                 /* new */
PyAPI_FUNC(PyObject *) PyObject_Str(PyObject *);                  /* new */
PyAPI_FUNC(PyObject *) PyObject_ASCII(PyObject *);                /* new */
PyAPI_FUNC(PyObject *) PyObject_RichCompare(PyObject *, PyObject *, int); /* new */
PyAPI_FUNC(int) PyObject_RichCompareBool(PyObject *, PyObject *, int);    /* -1/0/1 */
PyAPI_FUNC(PyObject *) PyObject_GetAttr(PyObject *, PyObject *);  /* new */
PyAPI_FUNC(PyObject *) PyObject_GetAttrString(PyObject *, const char *); /* new */
/* 1 found (*result new ref), 0 not found (no error), -1 error */
PyAPI_FUNC(int) _PyObject_LookupAttr(PyObject *, PyObject *, PyObject **result);
PyAPI_FUNC(int) PyObject_SetAttr(PyObject *, PyObject *, PyObject *);     /* 0/-1; value NULL deletes */
PyAPI_FUNC(int) PyObject_SetAttrString(PyObject *, const char *, PyObject *);
PyAPI_FUNC(int) PyObject_DelAttr(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_HasAttr(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_HasAttrString(PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyObject_GenericGetAttr(PyObject *, PyObject *);   /* new */
PyAPI_FUNC(int) PyObject_GenericSetAttr(PyObject *, PyObject *, PyObject *);
/* Method lookup for LOAD_ATTR's method form: returns 1 and stores an unbound
   function in *method (new ref) when obj.name is a plain method, else 0 and
   *method holds the attribute's value (new ref); -1 on error. */
PyAPI_FUNC(int) _PyObject_GetMethod(PyObject *obj, PyObject *name, PyObject **method);
PyAPI_FUNC(PyObject **) _PyObject_GetDictPtr(PyObject *);        /* may be NULL */
PyAPI_FUNC(PyObject *) PyObject_GenericGetDict(PyObject *, void *); /* new */
PyAPI_FUNC(Py_hash_t) PyObject_Hash(PyObject *);                  /* -1 on error */
PyAPI_FUNC(Py_hash_t) PyObject_HashNotImplemented(PyObject *);    /* always -1 + TypeError */
PyAPI_FUNC(int) PyObject_IsTrue(PyObject *);                      /* -1/0/1 */
PyAPI_FUNC(int) PyObject_Not(PyObject *);
PyAPI_FUNC(int) PyCallable_Check(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Dir(PyObject *);                  /* new */
PyAPI_FUNC(PyObject *) PyObject_SelfIter(PyObject *);             /* new (self) */
PyAPI_FUNC(int) PyObject_Print(PyObject *, FILE *, int);
PyAPI_FUNC(PyObject *) _PyObject_FunctionStr(PyObject *);         /* new: "f()" style name */
#define Py_PRINT_RAW 1

PyAPI_FUNC(int) Py_ReprEnter(PyObject *);   /* 0 first time, 1 if recursive, -1 error */
PyAPI_FUNC(void) Py_ReprLeave(PyObject *);

#endif /* REFPY_OBJECT_H */
