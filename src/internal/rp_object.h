/* rp_object.h -- internal object helpers shared across the core. */
#ifndef RP_OBJECT_H
#define RP_OBJECT_H
#include "pycore.h"
#include "rp_state.h"

/* Interned, immortal identifier string for a C identifier or literal;
   created on first use and cached in a function-local static.  BORROWED. */
#define _Py_ID(name) (__extension__({ static PyObject *_rp_id_; \
        _rp_id_ ? _rp_id_ : (_rp_id_ = _PyUnicode_InternStatic(#name)); }))
#define _Py_STR(lit) (__extension__({ static PyObject *_rp_str_; \
        _rp_str_ ? _rp_str_ : (_rp_str_ = _PyUnicode_InternStatic(lit)); }))
/* Intern a C string forever (immortal); aborts only on allocation failure at startup. */
PyObject *_PyUnicode_InternStatic(const char *s);

/* Generic getattr that returns NULL *without* an exception when the
   attribute is missing: new reference. */
PyObject *_PyObject_GenericGetAttrSuppress(PyObject *obj, PyObject *name);

/* PEP 442 finalisation (typeobject.c).  CallFinalizerFromDealloc runs
   tp_finalize once, with the object temporarily resurrected; it returns -1
   if the finalizer resurrected the object (dealloc must then stop), else 0. */
void PyObject_CallFinalizer(PyObject *self);
int PyObject_CallFinalizerFromDealloc(PyObject *self);
/* Weak references: clear all weakrefs to an object being destroyed and
   run their callbacks (src/objects/weakrefobject.c). */
void PyObject_ClearWeakRefs(PyObject *);
/* Type attribute cache invalidation (typeobject.c). */
void PyType_Modified(PyTypeObject *);

/* Initialise the header of memory obtained from the allocator. */
static inline void _PyObject_Init(PyObject *op, PyTypeObject *tp)
{
    op->ob_type = tp;
    if (tp->tp_flags & Py_TPFLAGS_HEAPTYPE) Py_INCREF(tp);
    op->ob_refcnt = 1;
    _Py_INC_REFTOTAL();
}
static inline void _PyObject_InitVar(PyVarObject *op, PyTypeObject *tp, Py_ssize_t size)
{
    _PyObject_Init((PyObject *)op, tp);
    op->ob_size = size;
}

/* ---- GC header bits (see objimpl.h; layout as CPython 3.12) ---- */
#define _PyGC_PREV_MASK_FINALIZED ((uintptr_t)1)
#define _PyGC_PREV_MASK_COLLECTING ((uintptr_t)2)
#define _PyGC_PREV_SHIFT 2
#define _PyGC_PREV_MASK (((uintptr_t)-1) << _PyGC_PREV_SHIFT)

static inline int _PyObject_GC_IS_TRACKED(PyObject *op) { return _Py_AS_GC(op)->_gc_next != 0; }
static inline int _PyObject_GC_MAY_BE_TRACKED(PyObject *obj)
{
    if (!PyObject_IS_GC(obj)) return 0;
    if (PyTuple_CheckExact(obj)) return _PyObject_GC_IS_TRACKED(obj);
    return 1;
}
/* Link into generation 0 / unlink.  The object must be untracked / tracked. */
void _PyObject_GC_TRACK(PyObject *op);
void _PyObject_GC_UNTRACK(PyObject *op);

/* Bytes allocated before the object: 16 for GC types, +16 for managed dict/weakref. */
static inline size_t _PyType_PreHeaderSize(PyTypeObject *tp)
{
    return (PyType_IS_GC(tp) ? sizeof(PyGC_Head) : 0) +
           ((tp->tp_flags & Py_TPFLAGS_PREHEADER) ? 2 * sizeof(PyObject *) : 0);
}

/* Generic dealloc of an object's memory honouring the pre-header. */
void _PyObject_FreeWithPreheader(PyObject *op);

/* Called by free lists when they hand out / take back objects: keep the
   GC allocation count exactly as CPython does (free-list reuse is not
   counted).  _PyGC_OnAlloc is count[0]++ and may schedule a collection. */
void _PyGC_OnAlloc(PyThreadState *tstate);
void _PyGC_OnFree(PyThreadState *tstate);

/* Debug: print "[N refs, M blocks]" (make debug, -X showrefcount). */
void _PyDebug_PrintTotalRefs(void);
Py_ssize_t _Py_GetRefTotal(void);

/* Hash helpers (CPython's values for numbers; str/bytes use SipHash-1-3
   with a fixed zero key unless PYTHONHASHSEED says otherwise). */
#define _PyHASH_MODULUS (((size_t)1 << 61) - 1)
#define _PyHASH_BITS 61
#define _PyHASH_INF 314159
#define _PyHASH_IMAG 1000003UL
#define _PyHASH_MULTIPLIER 1000003UL
Py_hash_t _Py_HashDouble(PyObject *inst, double v);
Py_hash_t _Py_HashPointer(const void *);
Py_hash_t _Py_HashBytes(const void *, Py_ssize_t);

/* Free-list maintenance, called by gc.collect(2) and at exit. */
void _PyFloat_ClearFreeList(void);
void _PyTuple_ClearFreeList(void);
void _PyList_ClearFreeList(void);
void _PyDict_ClearFreeList(void);
/* Free-list statistics for sys._debugmallocstats (print lines like CPython's). */
void _PyFloat_DebugMallocStats(FILE *out);
void _PyTuple_DebugMallocStats(FILE *out);
void _PyList_DebugMallocStats(FILE *out);
void _PyDict_DebugMallocStats(FILE *out);
void _PyDebugAllocatorStats(FILE *out, const char *block_name, int num_blocks, size_t sizeof_block);

/* Type initialisation run once at startup, in dependency order.  Each
   returns 0, or -1 with an exception. */
int _PyTypes_InitTypes(void);
int _PyLong_InitGlobalObjects(void);
int _PyUnicode_InitGlobalObjects(void);
int _PyExc_InitTypes(void);
void _PyLong_Fini(void);
void _PyUnicode_Fini(void);
void _PyExc_Fini(void);
#endif
