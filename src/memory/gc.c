/* gc.c -- object allocation, GC-object plumbing, the trashcan, and the
 * cycle collector's bookkeeping.
 *
 * Object allocation.  Plain objects are one block from the object
 * allocator.  GC-capable objects (Py_TPFLAGS_HAVE_GC) get a 16-byte
 * PyGC_Head in front of them, and types with Py_TPFLAGS_PREHEADER
 * (managed __dict__ / __weakref__ of ordinary class instances) get two
 * more words in front of that: the block starts _PyType_PreHeaderSize(tp)
 * bytes before the PyObject*.  The first two words of the block are
 * zeroed, then the GC head.  Every GC allocation counts as CPython 3.12's
 * _PyObject_GC_Link does: generations[0].count++, and when the count
 * passes threshold 0 (collector enabled, not already collecting, no
 * exception set) a collection is *scheduled*: interp->gc_scheduled and the
 * eval breaker are set, and the interpreter runs it at its next safe
 * point (_Py_RunGC).  PyObject_GC_Del undoes the count (never below 0).
 * Free lists sit above this layer and bypass both counts, as in CPython.
 *
 * Tracking.  A tracked object is on a generation's circular doubly linked
 * list (rp_gc.h).  Track appends to generation 0; untrack unlinks and
 * keeps only the FINALIZED flag; untracking twice is harmless (the
 * trashcan relies on it).
 *
 * Trashcan.  Deallocating a deeply nested structure would recurse once
 * per level in C.  Container deallocators wrap their bodies in
 * Py_TRASHCAN_BEGIN/END: past 50 nested deallocations, the object (refcount
 * 0, untracked) is pushed on a per-thread chain threaded through its
 * _gc_prev word instead, and the outermost END drains the chain with the
 * nesting held at 1, so the C stack stays bounded.
 *
 * Collection.  _PyGC_Collect(tstate, gen) keeps CPython's counting rules
 * (count[gen+1]++, count[0..gen] = 0), merges the younger generations into
 * `gen`, untracks tuples (and, for a full collection, dicts) that can no
 * longer be part of a cycle, promotes the survivors, keeps the statistics
 * and the long-lived counters used by the 25% rule.  Finding and freeing
 * unreachable cycles is TODO(issue 4): until then nothing is unreachable.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_state.h"
#include "rp_gc.h"
#include "rp_alloc.h"
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
/* Collector state and bookkeeping.                                     */

void
_PyGC_Init(PyInterpreterState *interp)
{
    struct _gc_runtime_state *g = &interp->gc;
    static const int thresholds[NUM_GENERATIONS] = {700, 10, 10};
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

/* Untrack the tuples of `head` whose items can no longer form a cycle
   (CPython's untrack_tuples); the callee may unlink the current node. */
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

/* Same for dicts; only full collections do this. */
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

static void
show_stats_each_generations(struct _gc_runtime_state *g)
{
    PySys_WriteStderr("gc: objects in each generation: %zd %zd %zd\n",
                      gc_list_size(GEN_HEAD(g, 0)), gc_list_size(GEN_HEAD(g, 1)),
                      gc_list_size(GEN_HEAD(g, 2)));
    PySys_WriteStderr("gc: objects in permanent generation: %zd\n",
                      gc_list_size(&g->permanent_generation.head));
}

static double
gc_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPython's gc_collect_main, minus the cycle detection (TODO(issue 4)):
   the counting rules, generation merging and promotion, tuple/dict
   untracking, statistics, long-lived counters and free-list clearing
   are all in place, so gc.get_count(), get_objects(), get_stats(),
   is_tracked() and the automatic scheduling behave as in CPython for
   programs without garbage cycles. */
Py_ssize_t
_PyGC_Collect(PyThreadState *tstate, int generation)
{
    struct _gc_runtime_state *g = &tstate->interp->gc;
    Py_ssize_t m = 0;   /* objects collected */
    Py_ssize_t n = 0;   /* unreachable objects that could not be collected */
    double t1 = 0;

    if (generation < 0) generation = 0;
    if (generation >= NUM_GENERATIONS) generation = NUM_GENERATIONS - 1;

    if (g->debug & DEBUG_STATS) {
        PySys_WriteStderr("gc: collecting generation %d...\n", generation);
        show_stats_each_generations(g);
        t1 = gc_now();
    }

    if (generation + 1 < NUM_GENERATIONS) g->generations[generation + 1].count += 1;
    for (int i = 0; i <= generation; i++) g->generations[i].count = 0;

    /* Merge the younger generations into the one being collected. */
    for (int i = 0; i < generation; i++)
        gc_list_merge(GEN_HEAD(g, i), GEN_HEAD(g, generation));
    PyGC_Head *young = GEN_HEAD(g, generation);
    PyGC_Head *old = (generation < NUM_GENERATIONS - 1) ? GEN_HEAD(g, generation + 1) : young;

    /* TODO(issue 4): update_refs (immortal objects to the permanent
       generation), subtract_refs, move_unreachable, legacy finalizers,
       handle_weakrefs, finalize_garbage, handle_resurrected_objects,
       delete_garbage.  Until then every object survives. */

    untrack_tuples(young);
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

    if (g->debug & DEBUG_STATS) {
        char buf[64];
        snprintf(buf, sizeof(buf), "%.4f", gc_now() - t1);
        PySys_WriteStderr("gc: done, %zd unreachable, %zd uncollectable, %ss elapsed\n",
                          n + m, n, buf);
    }

    if (generation == NUM_GENERATIONS - 1) {
        _PyFloat_ClearFreeList();
        _PyTuple_ClearFreeList();
        _PyList_ClearFreeList();
        _PyDict_ClearFreeList();
    }

    struct gc_generation_stats *stats = &g->generation_stats[generation];
    stats->collections++;
    stats->collected += m;
    stats->uncollectable += n;
    return n + m;
}

/* Call every gc.callbacks entry as cb(phase, info); errors are
   unraisable.  Must be called without an exception set. */
static void
invoke_gc_callback(PyThreadState *tstate, const char *phase, int generation,
                   Py_ssize_t collected, Py_ssize_t uncollectable)
{
    struct _gc_runtime_state *g = &tstate->interp->gc;
    if (g->callbacks == NULL || !PyList_Check(g->callbacks) ||
        PyList_GET_SIZE(g->callbacks) == 0)
        return;
    PyObject *info = Py_BuildValue("{sisnsn}", "generation", generation,
                                   "collected", collected, "uncollectable", uncollectable);
    if (info == NULL) {
        PyErr_WriteUnraisable(NULL);
        return;
    }
    PyObject *phase_obj = PyUnicode_FromString(phase);
    if (phase_obj == NULL) {
        Py_DECREF(info);
        PyErr_WriteUnraisable(NULL);
        return;
    }
    PyObject *stack[2] = {phase_obj, info};
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(g->callbacks); i++) {
        PyObject *cb = Py_NewRef(PyList_GET_ITEM(g->callbacks, i));
        PyObject *r = PyObject_Vectorcall(cb, stack, 2, NULL);
        if (r == NULL) PyErr_WriteUnraisable(cb);
        else Py_DECREF(r);
        Py_DECREF(cb);
    }
    Py_DECREF(phase_obj);
    Py_DECREF(info);
}

Py_ssize_t
_PyGC_CollectWithCallback(PyThreadState *tstate, int generation)
{
    /* The collected/uncollectable split is reported separately by the
       real collector (TODO(issue 4)); the placeholder finds nothing. */
    invoke_gc_callback(tstate, "start", generation, 0, 0);
    struct gc_generation_stats before = tstate->interp->gc.generation_stats[generation];
    Py_ssize_t result = _PyGC_Collect(tstate, generation);
    struct gc_generation_stats *after = &tstate->interp->gc.generation_stats[generation];
    invoke_gc_callback(tstate, "stop", generation, after->collected - before.collected,
                       after->uncollectable - before.uncollectable);
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
    /* Callbacks run Python code, which must not see a pending exception. */
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
    Py_ssize_t n = _PyGC_Collect(tstate, NUM_GENERATIONS - 1);
    g->collecting = 0;
    return n;
}
