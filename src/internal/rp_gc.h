/* rp_gc.h -- cycle-collector internals shared by the core.
 *
 * Layout (CPython 3.12): a GC-capable object is preceded by a PyGC_Head
 * (objimpl.h).  _gc_next is the next node of a generation's circular
 * doubly linked list (0 = untracked; during a collection bit 0 marks
 * "tentatively unreachable").  _gc_prev holds the previous node in its
 * upper 62 bits and two flags below: FINALIZED (tp_finalize has run) and
 * COLLECTING (in the generation being collected).  During a collection the
 * prev bits temporarily hold gc_refs instead.  Generation list heads are
 * PyGC_Head values inside interp->gc.  The collector itself is
 * src/memory/gc.c (its opening essay explains the algorithm); the `gc`
 * module is src/modules/gcmodule.c.
 *
 * ------------------------------------------------------------------------
 * CONTRACT WITH THE WEAK-REFERENCE IMPLEMENTATION (weakrefobject.c)
 *
 * The collector clears weak references exactly as CPython 3.12's
 * handle_weakrefs does, through two functions declared in
 * include/refpy/weakrefobject.h, which weakrefobject.c must provide:
 *
 *   PyObject **_PyObject_GetWeakrefListPtr(PyObject *obj);
 *       Address of the head of obj's weakref list (a PyWeakReference*
 *       stored as PyObject*), for EVERY object whose type has
 *       tp_weaklistoffset != 0 (managed -32 for class instances, positive
 *       offsets for functions, sets, types...); NULL when the type does not
 *       support weak references.  Must not allocate, call Python code or
 *       raise.
 *
 *   void _PyWeakref_ClearRef(PyWeakReference *wr);
 *       Unlink wr from its referent's list -- updating the list head when
 *       wr is the head, so that repeatedly clearing *listptr empties the
 *       list -- and set wr->wr_object to Py_None.  wr->wr_callback is left
 *       untouched (neither called nor released).  A no-op on a dead ref.
 *       Must not allocate, call Python code, raise or change refcounts.
 *
 * plus the three type objects _PyWeakref_RefType, _PyWeakref_ProxyType
 * and _PyWeakref_CallableProxyType (PyWeakref_Check), whose tp_traverse
 * visits wr_callback only and whose tp_clear clears the reference and its
 * callback (CPython's gc_clear).  The collector then, in this order:
 * clears every weakref object that is itself garbage (its callback never
 * runs); clears every weakref to every garbage object, queueing (with a
 * new reference) those that have a callback and are not garbage; and only
 * after all clearing calls callback(wr) for the queued ones, errors going
 * to PyErr_WriteUnraisable(callback).  All of this happens before any
 * __del__ runs.  Refcount deaths go through PyObject_ClearWeakRefs.
 *
 * Until weakrefobject.c is linked in, gc.c refers to these symbols weakly
 * and skips weak-reference handling (no weak reference can exist then).
 * ------------------------------------------------------------------------
 */
#ifndef RP_GC_H
#define RP_GC_H
#include "pycore.h"
#include "rp_object.h"
#include "rp_state.h"

#define NUM_GENERATIONS 3
#define NEXT_MASK_UNREACHABLE ((uintptr_t)1)

/* gc.set_debug() flags */
#define DEBUG_STATS 1
#define DEBUG_COLLECTABLE 2
#define DEBUG_UNCOLLECTABLE 4
#define DEBUG_SAVEALL 32
#define DEBUG_LEAK (DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL)

#define GEN_HEAD(gcstate, n) (&(gcstate)->generations[n].head)

static inline PyGC_Head *_PyGCHead_NEXT(PyGC_Head *gc) { return (PyGC_Head *)gc->_gc_next; }
static inline void _PyGCHead_SET_NEXT(PyGC_Head *gc, PyGC_Head *next) { gc->_gc_next = (uintptr_t)next; }
static inline PyGC_Head *_PyGCHead_PREV(PyGC_Head *gc)
{ return (PyGC_Head *)(gc->_gc_prev & _PyGC_PREV_MASK); }
static inline void _PyGCHead_SET_PREV(PyGC_Head *gc, PyGC_Head *prev)
{ gc->_gc_prev = (gc->_gc_prev & ~_PyGC_PREV_MASK) | (uintptr_t)prev; }
static inline int _PyGCHead_FINALIZED(PyGC_Head *gc)
{ return (gc->_gc_prev & _PyGC_PREV_MASK_FINALIZED) != 0; }
static inline void _PyGCHead_SET_FINALIZED(PyGC_Head *gc)
{ gc->_gc_prev |= _PyGC_PREV_MASK_FINALIZED; }
static inline int _PyGC_FINALIZED(PyObject *op) { return _PyGCHead_FINALIZED(_Py_AS_GC(op)); }
static inline void _PyGC_SET_FINALIZED(PyObject *op) { _PyGCHead_SET_FINALIZED(_Py_AS_GC(op)); }

/* ---- generation lists ---- */
static inline void gc_list_init(PyGC_Head *list)
{
    list->_gc_prev = (uintptr_t)list;
    list->_gc_next = (uintptr_t)list;
}
static inline int gc_list_is_empty(PyGC_Head *list) { return list->_gc_next == (uintptr_t)list; }
/* Append node (not currently in any list) to the end of list. */
static inline void gc_list_append(PyGC_Head *node, PyGC_Head *list)
{
    PyGC_Head *last = (PyGC_Head *)list->_gc_prev;
    _PyGCHead_SET_PREV(node, last);
    _PyGCHead_SET_NEXT(last, node);
    _PyGCHead_SET_NEXT(node, list);
    list->_gc_prev = (uintptr_t)node;
}
/* Unlink node; it is left untracked (only FINALIZED kept). */
static inline void gc_list_remove(PyGC_Head *node)
{
    PyGC_Head *prev = _PyGCHead_PREV(node);
    PyGC_Head *next = _PyGCHead_NEXT(node);
    _PyGCHead_SET_NEXT(prev, next);
    _PyGCHead_SET_PREV(next, prev);
    node->_gc_next = 0;
    node->_gc_prev &= _PyGC_PREV_MASK_FINALIZED;
}
/* Move node from its list to the end of list (flags preserved). */
static inline void gc_list_move(PyGC_Head *node, PyGC_Head *list)
{
    PyGC_Head *from_prev = _PyGCHead_PREV(node);
    PyGC_Head *from_next = _PyGCHead_NEXT(node);
    _PyGCHead_SET_NEXT(from_prev, from_next);
    _PyGCHead_SET_PREV(from_next, from_prev);
    PyGC_Head *to_prev = (PyGC_Head *)list->_gc_prev;
    _PyGCHead_SET_PREV(node, to_prev);
    _PyGCHead_SET_NEXT(to_prev, node);
    list->_gc_prev = (uintptr_t)node;
    _PyGCHead_SET_NEXT(node, list);
}
/* Append all of from onto to; from becomes empty. */
static inline void gc_list_merge(PyGC_Head *from, PyGC_Head *to)
{
    if (!gc_list_is_empty(from)) {
        PyGC_Head *to_tail = _PyGCHead_PREV(to);
        PyGC_Head *from_head = _PyGCHead_NEXT(from);
        PyGC_Head *from_tail = _PyGCHead_PREV(from);
        _PyGCHead_SET_NEXT(to_tail, from_head);
        _PyGCHead_SET_PREV(from_head, to_tail);
        _PyGCHead_SET_NEXT(from_tail, to);
        _PyGCHead_SET_PREV(to, from_tail);
    }
    gc_list_init(from);
}
static inline Py_ssize_t gc_list_size(PyGC_Head *list)
{
    Py_ssize_t n = 0;
    for (PyGC_Head *gc = _PyGCHead_NEXT(list); gc != list; gc = _PyGCHead_NEXT(gc)) n++;
    return n;
}

/* Inline track/untrack for hot paths (same as _PyObject_GC_TRACK /
   _PyObject_GC_UNTRACK in rp_object.h, which call these). */
static inline void _rp_gc_track(PyInterpreterState *interp, PyObject *op)
{
    PyGC_Head *gc = _Py_AS_GC(op);
    PyGC_Head *gen0 = interp->gc.generation0;
    PyGC_Head *last = (PyGC_Head *)gen0->_gc_prev;
    _PyGCHead_SET_NEXT(last, gc);
    _PyGCHead_SET_PREV(gc, last);
    _PyGCHead_SET_NEXT(gc, gen0);
    gen0->_gc_prev = (uintptr_t)gc;
}
static inline void _rp_gc_untrack(PyObject *op) { gc_list_remove(_Py_AS_GC(op)); }

/* ---- instance dicts CPython would keep inline ---- */
/* CPython 3.12 stores the attributes of ordinary class instances inline
   ("inline values": instances made by object.__new__ of a class with a
   managed __dict__, up to 30 attribute names) and creates a dict object
   only when __dict__ is asked for; refpy always has a real dict.  So that
   gc.collect() counts, DEBUG_COLLECTABLE/DEBUG_SAVEALL output,
   gc.get_referents() and gc.get_referrers() look the same as CPython's,
   the collector and the gc module treat such a dict as part of its
   instance.  This returns it (BORROWED): the managed __dict__ of an
   instance of a class whose nearest static base creates instances with
   object.__new__, when it is an exact dict of at most 30 items that only
   the instance references; NULL otherwise. */
static inline PyObject *
_PyGC_InlineDict(PyObject *owner)
{
    PyTypeObject *tp = Py_TYPE(owner);
    if ((tp->tp_flags & (Py_TPFLAGS_MANAGED_DICT | Py_TPFLAGS_HEAPTYPE)) !=
        (Py_TPFLAGS_MANAGED_DICT | Py_TPFLAGS_HEAPTYPE))
        return NULL;
    uintptr_t slot = ((uintptr_t *)owner)[-3];
    if (slot == 0 || (slot & 1)) return NULL;   /* no dict, or tagged values */
    PyObject *dict = (PyObject *)slot;
    if (!PyDict_CheckExact(dict) || Py_REFCNT(dict) != 1 || PyDict_GET_SIZE(dict) > 30)
        return NULL;
    PyTypeObject *solid = tp->tp_base;
    while (solid != NULL && (solid->tp_flags & Py_TPFLAGS_HEAPTYPE)) solid = solid->tp_base;
    if (solid == NULL || solid->tp_new != PyBaseObject_Type.tp_new) return NULL;
    return dict;
}

/* ---- entry points (gc.c) ---- */
/* Set up interp->gc: three generations with thresholds 700/10/10, the
   permanent generation, enabled, and the gc.garbage / gc.callbacks lists
   (if they cannot be created they stay NULL and the error is cleared). */
void _PyGC_Init(PyInterpreterState *interp);
/* Free gc.garbage and gc.callbacks at the very end of shutdown (after
   the last collection).  Objects still tracked are left alone. */
void _PyGC_Fini(PyInterpreterState *interp);
/* Ask for a collection at the next eval-breaker check (sets
   interp->gc_scheduled and interp->eval_breaker). */
void _Py_ScheduleGC(PyInterpreterState *interp);
/* Run the scheduled automatic collection: clears interp->gc_scheduled and
   collects the oldest generation over its threshold (25% rule for gen 2),
   calling gc.callbacks.  The caller recomputes interp->eval_breaker. */
void _Py_RunGC(PyThreadState *tstate);
/* Collect `generation` (and all younger): CPython's gc_collect_main.
   Returns collected + uncollectable.  Does not look at or set
   `collecting`; never raises (errors become unraisable). */
Py_ssize_t _PyGC_Collect(PyThreadState *tstate, int generation);
/* As _PyGC_Collect, but calls gc.callbacks ("start"/"stop") around it:
   what gc.collect() uses (the caller sets/clears `collecting`). */
Py_ssize_t _PyGC_CollectWithCallback(PyThreadState *tstate, int generation);
/* Full collection at shutdown, without callbacks, errors cleared; 0 if
   already collecting.  CPython calls it in finalize_modules() right after
   sys.modules has been emptied and before module dicts are wiped. */
Py_ssize_t _PyGC_CollectNoFail(PyThreadState *tstate);
/* At shutdown, after the last collection: if gc.garbage is not empty (and
   DEBUG_SAVEALL is off), warn "gc: N uncollectable objects at shutdown"
   (ResourceWarning) and, with DEBUG_UNCOLLECTABLE, print the list. */
void _PyGC_DumpShutdownStats(PyInterpreterState *interp);

/* gc.freeze() / gc.unfreeze() / gc.get_freeze_count(). */
void _PyGC_Freeze(PyInterpreterState *interp);
void _PyGC_Unfreeze(PyInterpreterState *interp);
Py_ssize_t _PyGC_GetFreezeCount(PyInterpreterState *interp);

/* PyGC_Enable/Disable/IsEnabled are public: include/refpy/objimpl.h. */

/* Trashcan internals (the macros in objimpl.h call _PyTrash_begin/end). */
#define _PyTrash_UNWIND_LEVEL 50
void _PyTrash_thread_deposit_object(PyThreadState *tstate, PyObject *op);
void _PyTrash_thread_destroy_chain(PyThreadState *tstate);

#endif /* RP_GC_H */
