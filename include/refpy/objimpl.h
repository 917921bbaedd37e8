/* objimpl.h -- memory allocation API and GC-capable object allocation.
 *
 * Three allocator domains, as in CPython:
 *   PyMem_Raw*  : libc malloc, usable anywhere;
 *   PyMem_*     : the small-object allocator (src/memory/alloc.c);
 *   PyObject_*  : the small-object allocator, for objects.
 * Requests of 512 bytes or less are served from pools inside 1 MiB arenas;
 * larger ones go to malloc.  The asan build bypasses pools entirely.
 *
 * GC-capable objects (Py_TPFLAGS_HAVE_GC) carry a 16-byte PyGC_Head
 * immediately before the object; PyObject_GC_New/NewVar allocate it,
 * PyObject_GC_Del frees it.
 */
#ifndef REFPY_OBJIMPL_H
#define REFPY_OBJIMPL_H

#include "object.h"

PyAPI_FUNC(void *) PyMem_RawMalloc(size_t);
PyAPI_FUNC(void *) PyMem_RawCalloc(size_t, size_t);
PyAPI_FUNC(void *) PyMem_RawRealloc(void *, size_t);
PyAPI_FUNC(void) PyMem_RawFree(void *);
PyAPI_FUNC(void *) PyMem_Malloc(size_t);
PyAPI_FUNC(void *) PyMem_Calloc(size_t, size_t);
PyAPI_FUNC(void *) PyMem_Realloc(void *, size_t);
PyAPI_FUNC(void) PyMem_Free(void *);
PyAPI_FUNC(void *) PyObject_Malloc(size_t);
PyAPI_FUNC(void *) PyObject_Calloc(size_t, size_t);
PyAPI_FUNC(void *) PyObject_Realloc(void *, size_t);
PyAPI_FUNC(void) PyObject_Free(void *);

#define PyMem_New(type, n) \
    (((size_t)(n) > PY_SSIZE_T_MAX / sizeof(type)) ? NULL : \
     ((type *)PyMem_Malloc((size_t)(n) * sizeof(type))))
#define PyMem_Resize(p, type, n) \
    ((p) = ((size_t)(n) > PY_SSIZE_T_MAX / sizeof(type)) ? NULL : \
     (type *)PyMem_Realloc((p), (size_t)(n) * sizeof(type)))
#define PyMem_Del PyMem_Free

/* Number of blocks currently allocated by the object allocator. */
PyAPI_FUNC(Py_ssize_t) _Py_GetAllocatedBlocks(void);
/* Print allocator statistics (sys._debugmallocstats) to out; returns 1 if printed. */
PyAPI_FUNC(int) _PyObject_DebugMallocStats(FILE *out);

/* Initialise the header of freshly allocated memory (refcount 1; incref of
   the type for heap types).  Return op (borrowed: the caller owns it). */
PyAPI_FUNC(PyObject *) PyObject_Init(PyObject *op, PyTypeObject *tp);
PyAPI_FUNC(PyVarObject *) PyObject_InitVar(PyVarObject *op, PyTypeObject *tp, Py_ssize_t size);

/* New reference, or NULL + MemoryError.  Non-GC types only. */
PyAPI_FUNC(PyObject *) _PyObject_New(PyTypeObject *);
PyAPI_FUNC(PyVarObject *) _PyObject_NewVar(PyTypeObject *, Py_ssize_t);
#define PyObject_New(type, typeobj) ((type *)_PyObject_New(typeobj))
#define PyObject_NewVar(type, typeobj, n) ((type *)_PyObject_NewVar((typeobj), (n)))
#define PyObject_Del PyObject_Free
#define PyObject_DEL PyObject_Free

#define _PyObject_SIZE(typeobj) ((typeobj)->tp_basicsize)
#define _PyObject_VAR_SIZE(typeobj, nitems) \
    _Py_SIZE_ROUND_UP((typeobj)->tp_basicsize + (nitems) * (typeobj)->tp_itemsize, SIZEOF_VOID_P)

/* ------------------------------- GC -------------------------------- */
typedef struct {
    uintptr_t _gc_next;   /* 0 = not tracked */
    uintptr_t _gc_prev;   /* bit0 FINALIZED, bit1 COLLECTING, rest prev pointer */
} PyGC_Head;

#define _Py_AS_GC(o) ((PyGC_Head *)(o) - 1)
#define _Py_FROM_GC(g) ((PyObject *)(((PyGC_Head *)(g)) + 1))

#define PyType_IS_GC(t) PyType_HasFeature((t), Py_TPFLAGS_HAVE_GC)
PyAPI_FUNC(int) PyObject_IS_GC(PyObject *);

/* New reference, or NULL + MemoryError.  Allocates the GC head (and, for
   types with a managed pre-header, the dict/weakref words) before the
   object.  The object starts untracked: call PyObject_GC_Track when its
   fields are valid. */
PyAPI_FUNC(PyObject *) _PyObject_GC_New(PyTypeObject *);
PyAPI_FUNC(PyVarObject *) _PyObject_GC_NewVar(PyTypeObject *, Py_ssize_t);
PyAPI_FUNC(PyVarObject *) _PyObject_GC_Resize(PyVarObject *, Py_ssize_t); /* may move */
#define PyObject_GC_New(type, typeobj) ((type *)_PyObject_GC_New(typeobj))
#define PyObject_GC_NewVar(type, typeobj, n) ((type *)_PyObject_GC_NewVar((typeobj), (n)))
#define PyObject_GC_Resize(type, op, n) ((type *)_PyObject_GC_Resize(_PyVarObject_CAST(op), (n)))
PyAPI_FUNC(void) PyObject_GC_Del(void *);
PyAPI_FUNC(void) PyObject_GC_Track(void *);
PyAPI_FUNC(void) PyObject_GC_UnTrack(void *);   /* tolerates being called twice */
PyAPI_FUNC(int) PyObject_GC_IsTracked(PyObject *);
PyAPI_FUNC(int) PyObject_GC_IsFinalized(PyObject *);

/* Visit helper for tp_traverse implementations. */
#define Py_VISIT(op) do { if (op) { int vret = visit(_PyObject_CAST(op), arg); \
        if (vret) return vret; } } while (0)

PyAPI_FUNC(Py_ssize_t) PyGC_Collect(void);   /* full collection; number collected */
/* Turn automatic collection on/off; each returns the previous state. */
PyAPI_FUNC(int) PyGC_Enable(void);
PyAPI_FUNC(int) PyGC_Disable(void);
PyAPI_FUNC(int) PyGC_IsEnabled(void);

/* Trashcan: bounds C recursion when deallocating deeply nested containers.
   Use in a GC type's tp_dealloc, after untracking:
       Py_TRASHCAN_BEGIN(op, mytype_dealloc) ... Py_TRASHCAN_END           */
PyAPI_FUNC(int) _PyTrash_begin(PyObject *op);   /* 1: deferred, skip body */
PyAPI_FUNC(void) _PyTrash_end(void);
PyAPI_FUNC(int) _PyTrash_cond(PyObject *op, destructor dealloc);
#define Py_TRASHCAN_BEGIN(op, dealloc) do { \
        int _rp_trash_active = Py_TYPE(op)->tp_dealloc == (destructor)(dealloc); /* _PyTrash_cond */ \
        if (_rp_trash_active && _PyTrash_begin(_PyObject_CAST(op))) break;
#define Py_TRASHCAN_END \
        if (_rp_trash_active) _PyTrash_end(); } while (0);

#endif /* REFPY_OBJIMPL_H */
