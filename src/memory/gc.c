/* gc.c -- object allocation, GC-object plumbing, the trashcan, and the
 * cycle collector (CPython 3.12's Modules/gcmodule.c algorithm).
 *
 * Object allocation.  Plain objects are one block from the object
 * allocator.  GC-capable objects (Py_TPFLAGS_HAVE_GC) get a 16-byte
 * PyGC_Head in front of them, and types with Py_TPFLAGS_PREHEADER
 * (managed __dict__ / __weakref__ of ordinary class instances) get two
 * more words in front of that: the block starts _PyType_PreHeaderSize(tp)
 * bytes before the PyObject*.  Every GC allocation counts as CPython 3.12's
 * _PyObject_GC_Link does: generations[0].count++, and when the count
 * passes threshold 0 (collector enabled, not already collecting, no
 * exception set) a collection is *scheduled*: interp->gc_scheduled and the
 * eval breaker are set, and the interpreter runs it at its next safe point
 * (_Py_RunGC, from the eval breaker).  PyObject_GC_Del undoes the count
 * (never below 0).  Free lists sit above this layer and bypass both counts.
 *
 * Tracking.  A tracked object is on a generation's circular doubly linked
 * list (rp_gc.h).  Track appends to generation 0; untrack unlinks and keeps
 * only the FINALIZED flag; untracking twice is harmless.
 *
 * Trashcan.  Deallocating a deeply nested structure would recurse once per
 * level in C.  Container deallocators wrap their bodies in
 * Py_TRASHCAN_BEGIN/END: past 50 nested deallocations, the object (refcount
 * 0, untracked) is pushed on a per-thread chain threaded through its
 * _gc_prev word instead, and the outermost END drains the chain with the
 * nesting held at 1, so the C stack stays bounded.
 *
 * Finding cycles.  Reference counting frees everything except garbage
 * cycles.  To find them among the objects of the generations being
 * collected (`young`), the collector needs no mark bits on the whole heap,
 * only the counts:
 *   1. update_refs copies each object's refcount into gc_refs (the prev
 *      word of its GC head) and sets COLLECTING.  Immortal objects are
 *      moved to the permanent generation instead: their count means nothing.
 *   2. subtract_refs calls tp_traverse on every object; each visited
 *      COLLECTING object loses one gc_ref.  What is left is the number of
 *      references from *outside* young (other generations, C variables,
 *      the value stacks of running frames).
 *   3. move_unreachable walks young once.  An object with gc_refs > 0 is
 *      reachable: it is traversed, and whatever it refers to is marked
 *      reachable (gc_refs = 1), pulled back from the unreachable list if it
 *      was already put there.  An object with gc_refs == 0 is moved,
 *      tentatively, to `unreachable` (bit 0 of _gc_next marks it).  The
 *      prev links are rebuilt as the walk goes.  What remains in
 *      `unreachable` at the end is garbage.
 * Surviving tuples are offered to _PyTuple_MaybeUntrack; the survivors are
 * promoted to the next generation (a full collection untracks dicts too).
 *
 * Disposing of the garbage, in CPython's order (each step can run Python
 * code, so each is careful about objects vanishing under it):
 *   - objects with a legacy tp_del, and everything they reach, can't be
 *     freed safely: they become `finalizers` (uncollectable, gc.garbage);
 *   - DEBUG_COLLECTABLE lines are printed;
 *   - weak references to the garbage are cleared, and the callbacks of
 *     those weakrefs that are not garbage themselves are called;
 *   - tp_finalize (__del__, PEP 442) runs once per object, FINALIZED set;
 *   - the unreachable set is analysed again: anything a finalizer made
 *     reachable (resurrected) goes to the older generation, uncounted
 *     (skipped when no Python code ran since the first analysis -- no
 *     finalizer, no callback, no debug output -- as nothing can have
 *     changed; the common case of plain garbage cycles);
 *   - tp_clear is called on what is left (or, with DEBUG_SAVEALL, it is
 *     appended to gc.garbage), which breaks the cycles so refcounting
 *     frees them.
 * The return value is collected + uncollectable.
 *
 * refpy difference compensated here: CPython 3.12 stores the attributes of
 * most class instances inline ("inline values"), with no dict object until
 * __dict__ is asked for; refpy always has a real dict.  So that
 * gc.collect() and the DEBUG_COLLECTABLE / DEBUG_SAVEALL output agree with
 * CPython, an instance's own __dict__ (exact dict, referenced only by its
 * instance, garbage together with it) is treated as part of the instance:
 * it is not counted, printed or saved separately.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_state.h"
#include "rp_gc.h"
#include "rp_alloc.h"
#include "refpy/weakrefobject.h"
#include <time.h>

/* ------------------------------------------------------------------ */
/* Plain objects.                                                       */

/* Borrowed: returns op (or NULL + MemoryError when op is NULL). */
PyObject *
PyObject_Init(PyObject *op, PyTypeObject *tp)
{
    if (op == NULL) return PyErr_NoMemory();
    _PyObject_Init(op, tp);
    return op;
}

PyVarObject *
PyObject_InitVar(PyVarObject *op, PyTypeObject *tp, Py_ssize_t size)
{
    if (op == NULL) return (PyVarObject *)PyErr_NoMemory();
    _PyObject_InitVar(op, tp, size);
    return op;
}

/* New reference, or NULL + MemoryError. */
PyObject *
_PyObject_New(PyTypeObject *tp)
{
    PyObject *op = (PyObject *)_PyObject_MallocInline((size_t)_PyObject_SIZE(tp));
    if (op == NULL) return PyErr_NoMemory();
    _PyObject_Init(op, tp);
    return op;
}

/* New reference, or NULL + MemoryError. */
PyVarObject *
_PyObject_NewVar(PyTypeObject *tp, Py_ssize_t nitems)
{
    if (nitems < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (tp->tp_itemsize != 0 && nitems > (PY_SSIZE_T_MAX - tp->tp_basicsize) / tp->tp_itemsize)
        return (PyVarObject *)PyErr_NoMemory();
    PyVarObject *op = (PyVarObject *)_PyObject_MallocInline(_PyObject_VAR_SIZE(tp, nitems));
    if (op == NULL) return (PyVarObject *)PyErr_NoMemory();
    _PyObject_InitVar(op, tp, nitems);
    return op;
}

/* ------------------------------------------------------------------ */
/* GC counting and scheduling.                                          */

void
_Py_ScheduleGC(PyInterpreterState *interp)
{
    interp->gc_scheduled = 1;
    interp->eval_breaker = 1;
}

static inline void
gc_count_alloc(PyThreadState *tstate)
{
    struct _gc_runtime_state *g = &tstate->interp->gc;
    g->generations[0].count++;
    if (Py_UNLIKELY(g->generations[0].count > g->generations[0].threshold) &&
        g->enabled && g->generations[0].threshold &&
        !g->collecting && tstate->current_exception == NULL)
    {
        _Py_ScheduleGC(tstate->interp);
    }
}

void
_PyGC_OnAlloc(PyThreadState *tstate)
{
    gc_count_alloc(tstate);
}

void
_PyGC_OnFree(PyThreadState *tstate)
{
    struct _gc_runtime_state *g = &tstate->interp->gc;
    if (g->generations[0].count > 0) g->generations[0].count--;
}

/* ------------------------------------------------------------------ */
/* GC objects.                                                          */

/* Allocate presize + basicsize bytes; return the object address (the
   header is not initialised), or NULL + MemoryError. */
static inline PyObject *
gc_alloc(size_t basicsize, size_t presize)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (basicsize > (size_t)PY_SSIZE_T_MAX - presize) return PyErr_NoMemory();
    char *mem = (char *)_PyObject_MallocInline(presize + basicsize);
    if (mem == NULL) return PyErr_NoMemory();
    ((PyObject **)mem)[0] = NULL;
    ((PyObject **)mem)[1] = NULL;
    PyObject *op = (PyObject *)(mem + presize);
    PyGC_Head *g = _Py_AS_GC(op);
    g->_gc_next = 0;
    g->_gc_prev = 0;
    gc_count_alloc(tstate);
    return op;
}

/* New reference (untracked), or NULL + MemoryError. */
PyObject *
_PyObject_GC_New(PyTypeObject *tp)
{
    PyObject *op = gc_alloc((size_t)_PyObject_SIZE(tp), _PyType_PreHeaderSize(tp));
    if (op == NULL) return NULL;
    _PyObject_Init(op, tp);
    return op;
}

/* New reference (untracked), or NULL + MemoryError. */
PyVarObject *
_PyObject_GC_NewVar(PyTypeObject *tp, Py_ssize_t nitems)
{
    if (nitems < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (tp->tp_itemsize != 0 && nitems > (PY_SSIZE_T_MAX - tp->tp_basicsize) / tp->tp_itemsize)
        return (PyVarObject *)PyErr_NoMemory();
    PyVarObject *op = (PyVarObject *)gc_alloc(_PyObject_VAR_SIZE(tp, nitems),
                                              _PyType_PreHeaderSize(tp));
    if (op == NULL) return NULL;
    _PyObject_InitVar(op, tp, nitems);
    return op;
}

/* Resize an untracked GC var-object; may move it.  Returns the object
   (the old pointer is invalid), or NULL + MemoryError (op unchanged). */
PyVarObject *
_PyObject_GC_Resize(PyVarObject *op, Py_ssize_t nitems)
{
    PyTypeObject *tp = Py_TYPE(op);
    size_t presize = _PyType_PreHeaderSize(tp);
    if (nitems < 0 ||
        (tp->tp_itemsize != 0 && nitems > (PY_SSIZE_T_MAX - tp->tp_basicsize) / tp->tp_itemsize))
        return (PyVarObject *)PyErr_NoMemory();
    size_t basicsize = _PyObject_VAR_SIZE(tp, nitems);
    if (basicsize > (size_t)PY_SSIZE_T_MAX - presize)
        return (PyVarObject *)PyErr_NoMemory();
    char *mem = PyObject_Realloc((char *)op - presize, presize + basicsize);
    if (mem == NULL) return (PyVarObject *)PyErr_NoMemory();
    op = (PyVarObject *)(mem + presize);
    Py_SET_SIZE(op, nitems);
    return op;
}

void
PyObject_GC_Del(void *op_raw)
{
    PyObject *op = (PyObject *)op_raw;
    size_t presize = _PyType_PreHeaderSize(Py_TYPE(op));
    PyGC_Head *g = _Py_AS_GC(op);
    if (g->_gc_next != 0) gc_list_remove(g);   /* should have been untracked */
    struct _gc_runtime_state *gs = &_PyThreadState_GET()->interp->gc;
    if (gs->generations[0].count > 0) gs->generations[0].count--;
    _PyObject_FreeInline((char *)op - presize);
}

/* Free an object's memory, honouring its pre-header; GC objects go
   through PyObject_GC_Del (count and untrack). */
void
_PyObject_FreeWithPreheader(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    if (PyType_IS_GC(tp)) {
        PyObject_GC_Del(op);
        return;
    }
    _PyObject_FreeInline((char *)op - _PyType_PreHeaderSize(tp));
}

int
PyObject_IS_GC(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    return PyType_IS_GC(tp) && (tp->tp_is_gc == NULL || tp->tp_is_gc(obj));
}

void
_PyObject_GC_TRACK(PyObject *op)
{
    _rp_gc_track(_PyInterpreterState_GET(), op);
}

void
_PyObject_GC_UNTRACK(PyObject *op)
{
    _rp_gc_untrack(op);
}

void
PyObject_GC_Track(void *op_raw)
{
    PyObject *op = (PyObject *)op_raw;
    /* CPython treats tracking a tracked object as a fatal error; refpy
       tolerates it (relinking would corrupt the list, so nothing is done). */
    if (_PyObject_GC_IS_TRACKED(op)) return;
    _rp_gc_track(_PyInterpreterState_GET(), op);
}

void
PyObject_GC_UnTrack(void *op_raw)
{
    PyObject *op = (PyObject *)op_raw;
    if (_PyObject_GC_IS_TRACKED(op)) _rp_gc_untrack(op);
}

int
PyObject_GC_IsTracked(PyObject *obj)
{
    return PyObject_IS_GC(obj) && _PyObject_GC_IS_TRACKED(obj);
}

int
PyObject_GC_IsFinalized(PyObject *obj)
{
    return PyObject_IS_GC(obj) && _PyGCHead_FINALIZED(_Py_AS_GC(obj));
}

/* ------------------------------------------------------------------ */
/* Trashcan.                                                            */

int
_PyTrash_cond(PyObject *op, destructor dealloc)
{
    return Py_TYPE(op)->tp_dealloc == dealloc;
}

void
_PyTrash_thread_deposit_object(PyThreadState *tstate, PyObject *op)
{
    _PyGCHead_SET_PREV(_Py_AS_GC(op), (PyGC_Head *)tstate->trash.delete_later);
    tstate->trash.delete_later = op;
}

void
_PyTrash_thread_destroy_chain(PyThreadState *tstate)
{
    /* Hold the nesting at 1 so that deallocators called from here defer
       again instead of recursing into this loop. */
    tstate->trash.delete_nesting++;
    while (tstate->trash.delete_later) {
        PyObject *op = tstate->trash.delete_later;
        destructor dealloc = Py_TYPE(op)->tp_dealloc;
        tstate->trash.delete_later = (PyObject *)_PyGCHead_PREV(_Py_AS_GC(op));
        (*dealloc)(op);
    }
    tstate->trash.delete_nesting--;
}

/* 1: the object was deferred, skip the deallocator body. */
int
_PyTrash_begin(PyObject *op)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate->trash.delete_nesting >= _PyTrash_UNWIND_LEVEL) {
        _PyTrash_thread_deposit_object(tstate, op);
        return 1;
    }
    tstate->trash.delete_nesting++;
    return 0;
}

void
_PyTrash_end(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    tstate->trash.delete_nesting--;
    if (tstate->trash.delete_later && tstate->trash.delete_nesting <= 0)
        _PyTrash_thread_destroy_chain(tstate);
}

/* ------------------------------------------------------------------ */
/* Collector state.                                                     */

void
_PyGC_Init(PyInterpreterState *interp)
{
    struct _gc_runtime_state *g = &interp->gc;
#ifdef RP_GC_STRESS
    /* Testing aid (never in normal builds): collect on almost every
       allocation, to shake out tp_traverse/tp_clear bugs. */
    static const int thresholds[NUM_GENERATIONS] = {RP_GC_STRESS, 2, 2};
#else
    static const int thresholds[NUM_GENERATIONS] = {700, 10, 10};
#endif
    for (int i = 0; i < NUM_GENERATIONS; i++) {
        gc_list_init(&g->generations[i].head);
        g->generations[i].threshold = thresholds[i];
        g->generations[i].count = 0;
        g->generation_stats[i].collections = 0;
        g->generation_stats[i].collected = 0;
        g->generation_stats[i].uncollectable = 0;
    }
    g->generation0 = GEN_HEAD(g, 0);
    gc_list_init(&g->permanent_generation.head);
    g->permanent_generation.threshold = 0;
    g->permanent_generation.count = 0;
    g->enabled = 1;
    g->debug = 0;
    g->collecting = 0;
    g->long_lived_total = 0;
    g->long_lived_pending = 0;
    g->trash_delete_later = NULL;
    g->trash_delete_nesting = 0;
    if (g->garbage == NULL) g->garbage = PyList_New(0);
    if (g->callbacks == NULL) g->callbacks = PyList_New(0);
    if (g->garbage == NULL || g->callbacks == NULL) PyErr_Clear();
}

void
_PyGC_Fini(PyInterpreterState *interp)
{
    Py_CLEAR(interp->gc.garbage);
    Py_CLEAR(interp->gc.callbacks);
}

/* ------------------------------------------------------------------ */
/* gc_refs and the flag bits (valid only during a collection).          */

static inline int
gc_is_collecting(PyGC_Head *g)
{
    return (g->_gc_prev & _PyGC_PREV_MASK_COLLECTING) != 0;
}

static inline void
gc_clear_collecting(PyGC_Head *g)
{
    g->_gc_prev &= ~_PyGC_PREV_MASK_COLLECTING;
}

static inline Py_ssize_t
gc_get_refs(PyGC_Head *g)
{
    return (Py_ssize_t)(g->_gc_prev >> _PyGC_PREV_SHIFT);
}

static inline void
gc_set_refs(PyGC_Head *g, Py_ssize_t refs)
{
    g->_gc_prev = (g->_gc_prev & ~_PyGC_PREV_MASK) | ((uintptr_t)refs << _PyGC_PREV_SHIFT);
}

/* gc_refs = refs, COLLECTING set, FINALIZED kept. */
static inline void
gc_reset_refs(PyGC_Head *g, Py_ssize_t refs)
{
    g->_gc_prev = (g->_gc_prev & _PyGC_PREV_MASK_FINALIZED) | _PyGC_PREV_MASK_COLLECTING |
                  ((uintptr_t)refs << _PyGC_PREV_SHIFT);
}

/* The object really is a GC object (types may refine it with tp_is_gc:
   static type objects are not). */
static inline int
gc_object_is_gc(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    return PyType_IS_GC(tp) && (tp->tp_is_gc == NULL || tp->tp_is_gc(op));
}

/* tp_traverse of a tracked object.  Every GC type must have one (PyType_Ready
   inherits it); a missing one is treated as "refers to nothing" rather
   than crashing the collector. */
static inline int
gc_traverse(PyObject *op, visitproc visit, void *arg)
{
    traverseproc traverse = Py_TYPE(op)->tp_traverse;
    return traverse ? traverse(op, visit, arg) : 0;
}

#ifdef Py_DEBUG
/* CPython's debug builds stop here: the containers being collected report
   more references to an object than its refcount says -- an INCREF is
   missing somewhere, or a tp_traverse visits the same reference twice. */
static void
gc_refcount_too_small(PyObject *op, const char *where)
{
    fflush(stdout);
    fprintf(stderr, "gc: %s: refcount is too small\n"
                    "object address  : %p\nobject refcount : %zd\nobject type name: %s\n",
            where, (void *)op, Py_REFCNT(op), Py_TYPE(op)->tp_name);
    if (PyType_Check(op))
        fprintf(stderr, "object is type  : %s\n", ((PyTypeObject *)op)->tp_name);
    Py_FatalError("gc: refcount is too small");
}
#endif

static inline void
gc_decref(PyGC_Head *g)
{
#ifdef Py_DEBUG
    if (gc_get_refs(g) <= 0) gc_refcount_too_small(_Py_FROM_GC(g), "gc_decref");
#endif
    g->_gc_prev -= (uintptr_t)1 << _PyGC_PREV_SHIFT;
}

static inline void
gc_list_clear_collecting(PyGC_Head *list)
{
    for (PyGC_Head *gc = _PyGCHead_NEXT(list); gc != list; gc = _PyGCHead_NEXT(gc))
        gc_clear_collecting(gc);
}

/* ------------------------------------------------------------------ */
/* Weak references (see the contract in rp_gc.h).                      */

#pragma weak _PyWeakref_ClearRef
#pragma weak _PyObject_GetWeakrefListPtr
#pragma weak _PyWeakref_RefType
#pragma weak _PyWeakref_ProxyType
#pragma weak _PyWeakref_CallableProxyType

static inline int
gc_have_weakrefs(void)
{
    return &_PyWeakref_ClearRef != NULL && &_PyObject_GetWeakrefListPtr != NULL &&
           &_PyWeakref_RefType != NULL && &_PyWeakref_ProxyType != NULL &&
           &_PyWeakref_CallableProxyType != NULL;
}

/* ------------------------------------------------------------------ */
/* Finding the unreachable objects.                                     */

/* gc_refs = refcount for every object of `containers`, COLLECTING set.
   Immortal objects go to the permanent generation: their count says
   nothing about who refers to them, and they are never freed anyway. */
static void
update_refs(PyGC_Head *containers, PyGC_Head *permanent)
{
    PyGC_Head *gc = _PyGCHead_NEXT(containers);
    while (gc != containers) {
        PyGC_Head *next = _PyGCHead_NEXT(gc);
        PyObject *op = _Py_FROM_GC(gc);
        if (_Py_IsImmortal(op)) {
            gc_list_move(gc, permanent);
            gc = next;
            continue;
        }
#ifdef Py_DEBUG
        /* A tracked object with refcount 0 is a deallocator that called
           back into Python while its object was still tracked. */
        if (Py_REFCNT(op) == 0) gc_refcount_too_small(op, "update_refs (refcount 0)");
#endif
        gc_reset_refs(gc, Py_REFCNT(op));
        gc = next;
    }
}

static int
visit_decref(PyObject *op, void *parent)
{
    (void)parent;
    if (gc_object_is_gc(op)) {
        PyGC_Head *gc = _Py_AS_GC(op);
        /* Only objects of the generations being collected matter. */
        if (gc_is_collecting(gc)) gc_decref(gc);
    }
    return 0;
}

/* Subtract the references internal to `containers`. */
static void
subtract_refs(PyGC_Head *containers)
{
    for (PyGC_Head *gc = _PyGCHead_NEXT(containers); gc != containers; gc = _PyGCHead_NEXT(gc)) {
        PyObject *op = _Py_FROM_GC(gc);
        (void)gc_traverse(op, visit_decref, op);
    }
}

/* move_unreachable's visitor: `op` is referenced from a reachable object. */
static int
visit_reachable(PyObject *op, void *arg)
{
    PyGC_Head *reachable = (PyGC_Head *)arg;
    if (!gc_object_is_gc(op)) return 0;
    PyGC_Head *gc = _Py_AS_GC(op);
    /* Objects of other generations, and objects already scanned (which
       lost COLLECTING), need nothing. */
    if (!gc_is_collecting(gc)) return 0;

    if (gc->_gc_next & NEXT_MASK_UNREACHABLE) {
        /* Tentatively unreachable, but reachable after all: unlink it by
           hand (the unreachable list carries the mask bit in its next
           pointers) and put it back at the end of young, to be scanned. */
        PyGC_Head *prev = _PyGCHead_PREV(gc);
        PyGC_Head *next = (PyGC_Head *)(gc->_gc_next & ~NEXT_MASK_UNREACHABLE);
        prev->_gc_next = gc->_gc_next;   /* keeps the mask bit */
        _PyGCHead_SET_PREV(next, prev);
        gc_list_append(gc, reachable);
        gc_set_refs(gc, 1);
    }
    else if (gc_get_refs(gc) == 0) {
        /* Still ahead of the scan in young: just say it is reachable. */
        gc_set_refs(gc, 1);
    }
    /* gc_refs > 0: ahead of the scan and already known reachable. */
    return 0;
}

/* Move the objects of young that are unreachable from outside it to
   `unreachable`.  On entry young is singly linked (prev words hold
   gc_refs); the walk relinks it.  On exit the objects of `unreachable`
   keep COLLECTING and carry NEXT_MASK_UNREACHABLE in _gc_next, so that
   list is not a normal list until the mask is cleared. */
static void
move_unreachable(PyGC_Head *young, PyGC_Head *unreachable)
{
    PyGC_Head *prev = young;
    PyGC_Head *gc = _PyGCHead_NEXT(young);
    while (gc != young) {
        if (gc_get_refs(gc)) {
            PyObject *op = _Py_FROM_GC(gc);
            /* Traversal may append to young (and so change gc->_gc_next
               when gc is last): read the next node only afterwards. */
            (void)gc_traverse(op, visit_reachable, young);
            _PyGCHead_SET_PREV(gc, prev);
            gc_clear_collecting(gc);
            prev = gc;
        }
        else {
            /* Maybe unreachable: assume so for now.  visit_reachable moves
               it back if a reachable object refers to it later. */
            prev->_gc_next = gc->_gc_next;
            PyGC_Head *last = _PyGCHead_PREV(unreachable);
            /* The mask also lands on the list head's next pointer;
               repaired below. */
            last->_gc_next = NEXT_MASK_UNREACHABLE | (uintptr_t)gc;
            _PyGCHead_SET_PREV(gc, last);
            gc->_gc_next = NEXT_MASK_UNREACHABLE | (uintptr_t)unreachable;
            unreachable->_gc_prev = (uintptr_t)gc;
        }
        gc = (PyGC_Head *)prev->_gc_next;
    }
    young->_gc_prev = (uintptr_t)prev;
    unreachable->_gc_next &= ~NEXT_MASK_UNREACHABLE;
}

/* Steps 1-3 of the essay: everything of `base` unreachable from outside
   it goes to `unreachable` (initialised here; masked as above). */
static void
deduce_unreachable(PyGC_Head *base, PyGC_Head *unreachable, PyGC_Head *permanent)
{
    update_refs(base, permanent);
    subtract_refs(base);
    gc_list_init(unreachable);
    move_unreachable(base, unreachable);
}

static void
clear_unreachable_mask(PyGC_Head *unreachable)
{
    PyGC_Head *gc, *next;
    for (gc = _PyGCHead_NEXT(unreachable); gc != unreachable; gc = next) {
        gc->_gc_next &= ~NEXT_MASK_UNREACHABLE;
        next = (PyGC_Head *)gc->_gc_next;
    }
}

/* Untrack the tuples of `head` whose items can no longer form a cycle;
   the callee may unlink the current node. */
static void
untrack_tuples(PyGC_Head *head)
{
    PyGC_Head *gc = _PyGCHead_NEXT(head);
    while (gc != head) {
        PyObject *op = _Py_FROM_GC(gc);
        PyGC_Head *next = _PyGCHead_NEXT(gc);
        if (PyTuple_CheckExact(op)) _PyTuple_MaybeUntrack(op);
        gc = next;
    }
}

/* Same for dicts; only full collections do this (issue #14775: doing it
   on every collection makes building big dicts quadratic). */
static void
untrack_dicts(PyGC_Head *head)
{
    PyGC_Head *gc = _PyGCHead_NEXT(head);
    while (gc != head) {
        PyObject *op = _Py_FROM_GC(gc);
        PyGC_Head *next = _PyGCHead_NEXT(gc);
        if (PyDict_CheckExact(op)) _PyDict_MaybeUntrack(op);
        gc = next;
    }
}

/* ------------------------------------------------------------------ */
/* Legacy finalizers (tp_del): uncollectable.                           */

static inline int
has_legacy_finalizer(PyObject *op)
{
    return Py_TYPE(op)->tp_del != NULL;
}

/* Move the objects of `unreachable` that have tp_del to `finalizers`,
   clearing NEXT_MASK_UNREACHABLE on the way (after this `unreachable` is
   a normal list again). */
static void
move_legacy_finalizers(PyGC_Head *unreachable, PyGC_Head *finalizers)
{
    PyGC_Head *gc, *next;
    for (gc = _PyGCHead_NEXT(unreachable); gc != unreachable; gc = next) {
        PyObject *op = _Py_FROM_GC(gc);
        gc->_gc_next &= ~NEXT_MASK_UNREACHABLE;
        next = (PyGC_Head *)gc->_gc_next;
        if (has_legacy_finalizer(op)) {
            gc_clear_collecting(gc);
            gc_list_move(gc, finalizers);
        }
    }
}

static int
visit_move(PyObject *op, void *arg)
{
    PyGC_Head *tolist = (PyGC_Head *)arg;
    if (gc_object_is_gc(op)) {
        PyGC_Head *gc = _Py_AS_GC(op);
        if (gc_is_collecting(gc)) {
            gc_list_move(gc, tolist);
            gc_clear_collecting(gc);
        }
    }
    return 0;
}

/* Everything reachable from `finalizers` joins it (the list grows while
   it is walked). */
static void
move_legacy_finalizer_reachable(PyGC_Head *finalizers)
{
    for (PyGC_Head *gc = _PyGCHead_NEXT(finalizers); gc != finalizers; gc = _PyGCHead_NEXT(gc)) {
        PyObject *op = _Py_FROM_GC(gc);
        (void)gc_traverse(op, visit_move, finalizers);
    }
}

/* Append the uncollectable objects with tp_del (all of them under
   DEBUG_SAVEALL) to gc.garbage; all of them survive into `old`. */
static void
handle_legacy_finalizers(struct _gc_runtime_state *g, PyGC_Head *finalizers, PyGC_Head *old)
{
    for (PyGC_Head *gc = _PyGCHead_NEXT(finalizers); gc != finalizers; gc = _PyGCHead_NEXT(gc)) {
        PyObject *op = _Py_FROM_GC(gc);
        if ((g->debug & DEBUG_SAVEALL) || has_legacy_finalizer(op)) {
            if (g->garbage == NULL || PyList_Append(g->garbage, op) < 0) {
                PyErr_Clear();
                break;
            }
        }
    }
    gc_list_merge(finalizers, old);
}

/* ------------------------------------------------------------------ */
/* Instance dicts that CPython would keep as inline values.             */

/* The __dict__ of `owner` if CPython 3.12 would not have a separate dict
   object for it: owner has a managed dict slot holding an exact dict that
   only owner references, and the dict belongs to the same garbage set
   (COLLECTING).  NULL otherwise. */
static inline PyObject *
gc_inline_dict_of(PyObject *owner)
{
    PyObject *dict = _PyGC_InlineDict(owner);
    if (dict == NULL || !_PyObject_GC_IS_TRACKED(dict) || !gc_is_collecting(_Py_AS_GC(dict)))
        return NULL;
    return dict;
}

/* A sorted array of the inline-like dicts of `list`, for the rare paths
   (DEBUG_COLLECTABLE, DEBUG_SAVEALL) that must skip them. */
struct inline_dicts { PyObject **items; Py_ssize_t n; };

static int
gc_ptr_cmp(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)*(PyObject *const *)a, y = (uintptr_t)*(PyObject *const *)b;
    return (x > y) - (x < y);
}

static void
inline_dicts_collect(struct inline_dicts *d, PyGC_Head *list)
{
    d->items = NULL;
    d->n = 0;
    Py_ssize_t cap = 0;
    for (PyGC_Head *gc = _PyGCHead_NEXT(list); gc != list; gc = _PyGCHead_NEXT(gc)) {
        PyObject *dict = gc_inline_dict_of(_Py_FROM_GC(gc));
        if (dict == NULL) continue;
        if (d->n == cap) {
            Py_ssize_t ncap = cap ? cap * 2 : 16;
            PyObject **items = PyMem_RawRealloc(d->items, (size_t)ncap * sizeof(PyObject *));
            if (items == NULL) break;   /* degrade: the rest are shown */
            d->items = items;
            cap = ncap;
        }
        d->items[d->n++] = dict;
    }
    if (d->n > 1) qsort(d->items, (size_t)d->n, sizeof(PyObject *), gc_ptr_cmp);
}

static int
inline_dicts_contains(struct inline_dicts *d, PyObject *op)
{
    Py_ssize_t lo = 0, hi = d->n;
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if ((uintptr_t)d->items[mid] < (uintptr_t)op) lo = mid + 1;
        else hi = mid;
    }
    return lo < d->n && d->items[lo] == op;
}

static void
inline_dicts_free(struct inline_dicts *d)
{
    PyMem_RawFree(d->items);
    d->items = NULL;
    d->n = 0;
}

/* How many objects of `list` CPython would count. */
static Py_ssize_t
gc_count_garbage(PyGC_Head *list)
{
    Py_ssize_t n = 0;
    for (PyGC_Head *gc = _PyGCHead_NEXT(list); gc != list; gc = _PyGCHead_NEXT(gc)) {
        n++;
        if (gc_inline_dict_of(_Py_FROM_GC(gc)) != NULL) n--;
    }
    return n;
}

/* ------------------------------------------------------------------ */
/* Weak references, finalizers, resurrection, tp_clear.                 */

/* Clear every weak reference to the objects of `unreachable`, and call
   the callbacks that must run (weakrefs outside the garbage).  Returns
   the number of such weakrefs freed by dropping our reference to them;
   survivors move to `old`.  Afterwards no garbage object is weakly
   referenced. */
static Py_ssize_t
handle_weakrefs(PyGC_Head *unreachable, PyGC_Head *old, int *ran_code)
{
    if (!gc_have_weakrefs()) return 0;
    PyGC_Head wrcb_to_call;   /* weakrefs whose callbacks will be called */
    Py_ssize_t num_freed = 0;
    gc_list_init(&wrcb_to_call);

    /* First pass: clear, without calling anything.  No callback may run
       before every weakref to the garbage is dead, or it could resurrect a
       garbage object through one still alive. */
    PyGC_Head *gc, *next;
    for (gc = _PyGCHead_NEXT(unreachable); gc != unreachable; gc = next) {
        PyObject *op = _Py_FROM_GC(gc);
        next = _PyGCHead_NEXT(gc);

        if (PyWeakref_Check(op)) {
            /* A weakref that is itself garbage dies silently: its callback
               could see objects already tp_clear'ed (bpo-38006). */
            _PyWeakref_ClearRef((PyWeakReference *)op);
        }
        if (Py_TYPE(op)->tp_weaklistoffset == 0) continue;
        PyObject **wrlist = _PyObject_GetWeakrefListPtr(op);
        if (wrlist == NULL) continue;

        for (PyWeakReference *wr = (PyWeakReference *)*wrlist; wr != NULL;
             wr = (PyWeakReference *)*wrlist)
        {
            _PyWeakref_ClearRef(wr);   /* unlinks wr: *wrlist moves on */
            if ((PyWeakReference *)*wrlist == wr) break;   /* contract broken: don't spin */
            if (wr->wr_callback == NULL) continue;
            /* A weakref that is garbage too needs no callback (both go
               away together) and calling it could be fatal. */
            if (gc_is_collecting(_Py_AS_GC(wr))) continue;
            /* Keep wr alive until its callback has run. */
            Py_INCREF(wr);
            gc_list_move(_Py_AS_GC(wr), &wrcb_to_call);
        }
    }

    /* Second pass: the callbacks.  They cannot reach the garbage: the
       weakrefs holding them were reachable from outside it. */
    while (!gc_list_is_empty(&wrcb_to_call)) {
        gc = _PyGCHead_NEXT(&wrcb_to_call);
        PyObject *op = _Py_FROM_GC(gc);
        PyWeakReference *wr = (PyWeakReference *)op;
        PyObject *callback = wr->wr_callback;
        if (callback != NULL) {
            *ran_code = 1;
            PyObject *r = PyObject_CallOneArg(callback, op);
            if (r == NULL) PyErr_WriteUnraisable(callback);
            else Py_DECREF(r);
        }
        /* Dropping our reference may free wr (e.g. the callback removed
           it from the WeakValueDictionary that held it). */
        *ran_code = 1;   /* the decref may free wr and its callback */
        Py_DECREF(op);
        if (wrcb_to_call._gc_next == (uintptr_t)gc) gc_list_move(gc, old);   /* alive */
        else num_freed++;
    }
    return num_freed;
}

static void
debug_cycle(const char *msg, PyObject *op)
{
    PySys_FormatStderr("gc: %s <%s %p>\n", msg, Py_TYPE(op)->tp_name, (void *)op);
}

/* Run tp_finalize (PEP 442) once on every object of `collectable` that has
   one.  Objects may vanish from the list meanwhile, so the loop always
   takes the first one and moves it aside to `seen`. */
static void
finalize_garbage(PyThreadState *tstate, PyGC_Head *collectable, int *ran_code)
{
    PyGC_Head seen;
    gc_list_init(&seen);
    while (!gc_list_is_empty(collectable)) {
        PyGC_Head *gc = _PyGCHead_NEXT(collectable);
        PyObject *op = _Py_FROM_GC(gc);
        destructor finalize;
        gc_list_move(gc, &seen);
        if (!_PyGCHead_FINALIZED(gc) && (finalize = Py_TYPE(op)->tp_finalize) != NULL) {
            _PyGCHead_SET_FINALIZED(gc);
            *ran_code = 1;
            Py_INCREF(op);
            finalize(op);
            /* tp_finalize must not leave an exception set; if a broken one
               does, report it rather than let it leak into the program. */
            if (tstate->current_exception != NULL)
                _PyErr_WriteUnraisableMsg("in tp_finalize of", (PyObject *)Py_TYPE(op));
            Py_DECREF(op);
        }
    }
    gc_list_merge(&seen, collectable);
}

/* After the finalizers: what they made reachable again goes to `old`
   (uncounted); the rest becomes `still_unreachable` (initialised here),
   with COLLECTING set. */
static void
handle_resurrected_objects(PyGC_Head *unreachable, PyGC_Head *still_unreachable,
                           PyGC_Head *old, PyGC_Head *permanent)
{
    gc_list_clear_collecting(unreachable);
    deduce_unreachable(unreachable, still_unreachable, permanent);
    clear_unreachable_mask(still_unreachable);
    gc_list_merge(unreachable, old);
}

/* Break the cycles: tp_clear on every object (or, with DEBUG_SAVEALL,
   save it in gc.garbage).  Objects still alive afterwards move to old. */
static void
delete_garbage(PyThreadState *tstate, struct _gc_runtime_state *g,
               PyGC_Head *collectable, PyGC_Head *old)
{
    struct inline_dicts skip = {NULL, 0};
    if (g->debug & DEBUG_SAVEALL) inline_dicts_collect(&skip, collectable);

    while (!gc_list_is_empty(collectable)) {
        PyGC_Head *gc = _PyGCHead_NEXT(collectable);
        PyObject *op = _Py_FROM_GC(gc);

        if (g->debug & DEBUG_SAVEALL) {
            /* An instance's own __dict__ stays with its instance. */
            if (!inline_dicts_contains(&skip, op) &&
                (g->garbage == NULL || PyList_Append(g->garbage, op) < 0))
                PyErr_Clear();
        }
        else {
            inquiry clear = Py_TYPE(op)->tp_clear;
            if (clear != NULL) {
                Py_INCREF(op);
                (void)clear(op);
                if (tstate->current_exception != NULL)
                    _PyErr_WriteUnraisableMsg("in tp_clear of", (PyObject *)Py_TYPE(op));
                Py_DECREF(op);
            }
        }
        if (_PyGCHead_NEXT(collectable) == gc) {
            /* Still alive; it may die later. */
            gc_clear_collecting(gc);
            gc_list_move(gc, old);
        }
    }
    inline_dicts_free(&skip);
}

/* Free lists are emptied by full collections (so their memory can go
   back to the allocator and, arena by arena, to the system). */
static void
clear_freelists(void)
{
    _PyTuple_ClearFreeList();
    _PyFloat_ClearFreeList();
    _PyList_ClearFreeList();
    _PyDict_ClearFreeList();
}

static void
show_stats_each_generations(struct _gc_runtime_state *g)
{
    PySys_WriteStderr("gc: objects in each generation: %zd %zd %zd\n"
                      "gc: objects in permanent generation: %zd\n",
                      gc_list_size(GEN_HEAD(g, 0)), gc_list_size(GEN_HEAD(g, 1)),
                      gc_list_size(GEN_HEAD(g, 2)), gc_list_size(&g->permanent_generation.head));
}

static double
gc_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ------------------------------------------------------------------ */
/* A collection.                                                        */

/* CPython's gc_collect_main.  Returns collected + uncollectable; the two
   parts go to *n_collected / *n_uncollectable when given.  With nofail,
   an exception left over at the end is cleared instead of reported. */
static Py_ssize_t
gc_collect_main(PyThreadState *tstate, int generation, Py_ssize_t *n_collected,
                Py_ssize_t *n_uncollectable, int nofail)
{
    struct _gc_runtime_state *g = &tstate->interp->gc;
    PyGC_Head *permanent = &g->permanent_generation.head;
    Py_ssize_t m = 0;   /* objects collected */
    Py_ssize_t n = 0;   /* unreachable objects that could not be collected */
    PyGC_Head unreachable;        /* garbage */
    PyGC_Head finalizers;         /* objects with tp_del, and what they reach */
    PyGC_Head final_unreachable;  /* garbage left after the finalizers */
    double t1 = 0;

    if (generation < 0) generation = 0;
    if (generation >= NUM_GENERATIONS) generation = NUM_GENERATIONS - 1;

    if (g->debug & DEBUG_STATS) {
        PySys_WriteStderr("gc: collecting generation %d...\n", generation);
        show_stats_each_generations(g);
        t1 = gc_now();
    }

    /* count[1] counts gen-0 collections, count[2] gen-1 collections. */
    if (generation + 1 < NUM_GENERATIONS) g->generations[generation + 1].count += 1;
    for (int i = 0; i <= generation; i++) g->generations[i].count = 0;

    for (int i = 0; i < generation; i++)
        gc_list_merge(GEN_HEAD(g, i), GEN_HEAD(g, generation));
    PyGC_Head *young = GEN_HEAD(g, generation);
    PyGC_Head *old = (generation < NUM_GENERATIONS - 1) ? GEN_HEAD(g, generation + 1) : young;

    deduce_unreachable(young, &unreachable, permanent);

    untrack_tuples(young);
    /* Promote the survivors. */
    if (young != old) {
        if (generation == NUM_GENERATIONS - 2)
            g->long_lived_pending += gc_list_size(young);
        gc_list_merge(young, old);
    }
    else {
        untrack_dicts(young);
        g->long_lived_pending = 0;
        g->long_lived_total = gc_list_size(young);
    }

    /* Objects reachable from legacy finalizers can't be freed. */
    gc_list_init(&finalizers);
    move_legacy_finalizers(&unreachable, &finalizers);
    move_legacy_finalizer_reachable(&finalizers);

    /* Did any code run (finalizers, weakref callbacks, sys.stderr.write)
       since the unreachable set was computed?  If not, nothing can have
       been resurrected and the second analysis would find the same set:
       it is skipped (CPython always redoes it). */
    int ran_code = 0;
    if (g->debug & DEBUG_COLLECTABLE) {
        ran_code = 1;
        struct inline_dicts skip;
        inline_dicts_collect(&skip, &unreachable);
        for (PyGC_Head *gc = _PyGCHead_NEXT(&unreachable); gc != &unreachable;
             gc = _PyGCHead_NEXT(gc))
        {
            PyObject *op = _Py_FROM_GC(gc);
            if (!inline_dicts_contains(&skip, op)) debug_cycle("collectable", op);
        }
        inline_dicts_free(&skip);
    }

    /* Weakrefs first: their callbacks must not see finalized objects. */
    m += handle_weakrefs(&unreachable, old, &ran_code);

    finalize_garbage(tstate, &unreachable, &ran_code);

    /* Anything a finalizer resurrected survives, uncounted. */
    if (ran_code) {
        handle_resurrected_objects(&unreachable, &final_unreachable, old, permanent);
    }
    else {
        gc_list_init(&final_unreachable);
        gc_list_merge(&unreachable, &final_unreachable);
    }

    m += gc_count_garbage(&final_unreachable);
    delete_garbage(tstate, g, &final_unreachable, old);

    for (PyGC_Head *gc = _PyGCHead_NEXT(&finalizers); gc != &finalizers; gc = _PyGCHead_NEXT(gc)) {
        n++;
        if (g->debug & DEBUG_UNCOLLECTABLE) debug_cycle("uncollectable", _Py_FROM_GC(gc));
    }
    if (g->debug & DEBUG_STATS) {
        char buf[64];
        snprintf(buf, sizeof(buf), "%.4f", gc_now() - t1);
        PySys_WriteStderr("gc: done, %zd unreachable, %zd uncollectable, %ss elapsed\n",
                          n + m, n, buf);
    }

    handle_legacy_finalizers(g, &finalizers, old);

    if (generation == NUM_GENERATIONS - 1) clear_freelists();

    if (tstate->current_exception != NULL) {
        if (nofail) PyErr_Clear();
        else _PyErr_WriteUnraisableMsg("in garbage collection", NULL);
    }

    if (n_collected) *n_collected = m;
    if (n_uncollectable) *n_uncollectable = n;
    struct gc_generation_stats *stats = &g->generation_stats[generation];
    stats->collections++;
    stats->collected += m;
    stats->uncollectable += n;
    return n + m;
}

Py_ssize_t
_PyGC_Collect(PyThreadState *tstate, int generation)
{
    return gc_collect_main(tstate, generation, NULL, NULL, 0);
}

/* Call every gc.callbacks entry as cb(phase, info), all with the same
   info dict; errors are unraisable.  Called without an exception set. */
static void
invoke_gc_callback(PyThreadState *tstate, const char *phase, int generation,
                   Py_ssize_t collected, Py_ssize_t uncollectable)
{
    struct _gc_runtime_state *g = &tstate->interp->gc;
    if (g->callbacks == NULL || !PyList_Check(g->callbacks)) return;
    PyObject *info = NULL;
    if (PyList_GET_SIZE(g->callbacks) != 0) {
        info = Py_BuildValue("{sisnsn}", "generation", generation, "collected", collected,
                             "uncollectable", uncollectable);
        if (info == NULL) {
            PyErr_WriteUnraisable(NULL);
            return;
        }
    }
    PyObject *phase_obj = PyUnicode_FromString(phase);
    if (phase_obj == NULL) {
        Py_XDECREF(info);
        PyErr_WriteUnraisable(NULL);
        return;
    }
    PyObject *stack[2] = {phase_obj, info ? info : Py_None};
    /* The list may change under us: index afresh each time. */
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(g->callbacks); i++) {
        PyObject *cb = Py_NewRef(PyList_GET_ITEM(g->callbacks, i));
        PyObject *r = PyObject_Vectorcall(cb, stack, 2, NULL);
        if (r == NULL) PyErr_WriteUnraisable(cb);
        else Py_DECREF(r);
        Py_DECREF(cb);
    }
    Py_DECREF(phase_obj);
    Py_XDECREF(info);
}

Py_ssize_t
_PyGC_CollectWithCallback(PyThreadState *tstate, int generation)
{
    Py_ssize_t collected = 0, uncollectable = 0;
    invoke_gc_callback(tstate, "start", generation, 0, 0);
    Py_ssize_t result = gc_collect_main(tstate, generation, &collected, &uncollectable, 0);
    invoke_gc_callback(tstate, "stop", generation, collected, uncollectable);
    return result;
}

/* Pick the generation as CPython's gc_collect_generations does: the
   oldest whose count exceeds its threshold, except that generation 2 is
   only collected when the objects awaiting their first full collection
   exceed 25% of those that survived the last one. */
static Py_ssize_t
gc_collect_generations(PyThreadState *tstate)
{
    struct _gc_runtime_state *g = &tstate->interp->gc;
    for (int i = NUM_GENERATIONS - 1; i >= 0; i--) {
        if (g->generations[i].count > g->generations[i].threshold) {
            if (i == NUM_GENERATIONS - 1 && g->long_lived_pending < g->long_lived_total / 4)
                continue;
            return _PyGC_CollectWithCallback(tstate, i);
        }
    }
    return 0;
}

void
_Py_RunGC(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    struct _gc_runtime_state *g = &interp->gc;
    interp->gc_scheduled = 0;
    if (!g->enabled || g->collecting) return;
    /* Finalizers and callbacks run Python code, which must not see a
       pending exception. */
    PyObject *exc = tstate->current_exception;
    tstate->current_exception = NULL;
    g->collecting = 1;
    gc_collect_generations(tstate);
    g->collecting = 0;
    if (exc != NULL) {
        PyObject *cur = tstate->current_exception;
        tstate->current_exception = exc;
        Py_XDECREF(cur);
    }
}

Py_ssize_t
PyGC_Collect(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    struct _gc_runtime_state *g = &tstate->interp->gc;
    if (!g->enabled || g->collecting) return 0;
    g->collecting = 1;
    PyObject *exc = PyErr_GetRaisedException();
    Py_ssize_t n = _PyGC_CollectWithCallback(tstate, NUM_GENERATIONS - 1);
    PyErr_SetRaisedException(exc);
    g->collecting = 0;
    return n;
}

Py_ssize_t
_PyGC_CollectNoFail(PyThreadState *tstate)
{
    struct _gc_runtime_state *g = &tstate->interp->gc;
    if (g->collecting) return 0;
    g->collecting = 1;
    Py_ssize_t n = gc_collect_main(tstate, NUM_GENERATIONS - 1, NULL, NULL, 1);
    g->collecting = 0;
    return n;
}

void
_PyGC_DumpShutdownStats(PyInterpreterState *interp)
{
    struct _gc_runtime_state *g = &interp->gc;
    if ((g->debug & DEBUG_SAVEALL) || g->garbage == NULL || !PyList_Check(g->garbage) ||
        PyList_GET_SIZE(g->garbage) == 0)
        return;
    char msg[160];
    if (g->debug & DEBUG_UNCOLLECTABLE)
        snprintf(msg, sizeof(msg), "gc: %zd uncollectable objects at shutdown",
                 PyList_GET_SIZE(g->garbage));
    else
        snprintf(msg, sizeof(msg), "gc: %zd uncollectable objects at shutdown; "
                 "use gc.set_debug(gc.DEBUG_UNCOLLECTABLE) to list them",
                 PyList_GET_SIZE(g->garbage));
    if (PyErr_WarnExplicit(PyExc_ResourceWarning, msg, "gc", 0, "gc", NULL) < 0)
        PyErr_WriteUnraisable(NULL);
    if (g->debug & DEBUG_UNCOLLECTABLE) {
        PyObject *repr = PyObject_Repr(g->garbage);
        const char *s = repr ? PyUnicode_AsUTF8(repr) : NULL;
        if (s == NULL) PyErr_WriteUnraisable(g->garbage);
        else PySys_FormatStderr("      %U\n", repr);
        Py_XDECREF(repr);
    }
}

/* ------------------------------------------------------------------ */
/* Freezing, enabling.                                                  */

void
_PyGC_Freeze(PyInterpreterState *interp)
{
    struct _gc_runtime_state *g = &interp->gc;
    for (int i = 0; i < NUM_GENERATIONS; i++) {
        gc_list_merge(GEN_HEAD(g, i), &g->permanent_generation.head);
        g->generations[i].count = 0;
    }
}

void
_PyGC_Unfreeze(PyInterpreterState *interp)
{
    struct _gc_runtime_state *g = &interp->gc;
    gc_list_merge(&g->permanent_generation.head, GEN_HEAD(g, NUM_GENERATIONS - 1));
}

Py_ssize_t
_PyGC_GetFreezeCount(PyInterpreterState *interp)
{
    return gc_list_size(&interp->gc.permanent_generation.head);
}

int
PyGC_Enable(void)
{
    struct _gc_runtime_state *g = &_PyInterpreterState_GET()->gc;
    int old = g->enabled;
    g->enabled = 1;
    return old;
}

int
PyGC_Disable(void)
{
    struct _gc_runtime_state *g = &_PyInterpreterState_GET()->gc;
    int old = g->enabled;
    g->enabled = 0;
    return old;
}

int
PyGC_IsEnabled(void)
{
    return _PyInterpreterState_GET()->gc.enabled;
}
