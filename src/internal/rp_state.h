/* rp_state.h -- interpreter and thread state.
 *
 * All mutable runtime state lives here (DESIGN.md §3 "State").  refpy runs
 * one interpreter with one thread; the current thread state is reached
 * through _PyThreadState_GET(), the public API through PyThreadState_Get().
 */
#ifndef RP_STATE_H
#define RP_STATE_H
#include "pycore.h"

struct _PyInterpreterFrame;

/* ---- cycle collector state (CPython 3.12's struct _gc_runtime_state) ---- */
struct gc_generation {
    PyGC_Head head;
    int threshold;
    int count;
};
struct gc_generation_stats {
    Py_ssize_t collections;
    Py_ssize_t collected;
    Py_ssize_t uncollectable;
};
struct _gc_runtime_state {
    PyObject *trash_delete_later;
    int trash_delete_nesting;
    int enabled;
    int debug;
    struct gc_generation generations[3];
    PyGC_Head *generation0;
    struct gc_generation permanent_generation;
    struct gc_generation_stats generation_stats[3];
    int collecting;
    PyObject *garbage;
    PyObject *callbacks;
    Py_ssize_t long_lived_total;
    Py_ssize_t long_lived_pending;
};

typedef struct _err_stackitem {
    PyObject *exc_value;               /* the exception being handled, or NULL/None */
    struct _err_stackitem *previous_item;
} _PyErr_StackItem;

typedef struct _PyStackChunk {
    struct _PyStackChunk *previous;
    size_t size;
    size_t top;
    PyObject *data[1];
} _PyStackChunk;

struct _is {
    PyObject *modules;          /* sys.modules (dict) */
    PyObject *sysdict;          /* sys.__dict__ */
    PyObject *builtins;         /* builtins.__dict__ */
    PyObject *builtins_copy;    /* copies CPython keeps of the two core   */
    PyObject *sysdict_copy;     /* module dicts (visible in refcounts)    */
    PyObject *import_func;      /* builtins.__import__ as first installed */
    PyObject *interned;         /* dict: interned strings */
    PyObject *importlib;        /* unused for now */
    int recursion_limit;        /* sys.getrecursionlimit() */
    int eval_breaker;           /* nonzero: check pending work at safe points */
    int gc_scheduled;
    struct _gc_runtime_state gc;
    PyObject *frozen_modules;   /* dict name -> source bytes of the lib directory modules (optional) */
    PyObject *dict;             /* per-interpreter scratch dict */
    int showrefcount;           /* -X showrefcount */
    int finalizing;
};

struct _ts {
    PyInterpreterState *interp;
    struct _PyInterpreterFrame *current_frame;   /* innermost executing frame */
    int py_recursion_remaining;
    int py_recursion_limit;
    int c_recursion_remaining;
    int recursion_headroom;     /* allow some room to handle RecursionError */
    PyObject *current_exception;    /* the raised, not-yet-caught exception (owned) */
    _PyErr_StackItem *exc_info;     /* top of the handled-exception stack */
    _PyErr_StackItem exc_state;     /* the base item */
    struct {
        int delete_nesting;
        PyObject *delete_later;
    } trash;
    _PyStackChunk *datastack_chunk;
    PyObject **datastack_top;
    PyObject **datastack_limit;
    PyObject *dict;
};

#define Py_C_RECURSION_LIMIT 1500   /* CPython 3.12.1's value */

/* The single thread state; set by the lifecycle code. */
extern PyThreadState *_Py_tstate_current;
static inline PyThreadState *_PyThreadState_GET(void) { return _Py_tstate_current; }
static inline PyInterpreterState *_PyInterpreterState_GET(void) { return _Py_tstate_current->interp; }

/* C-level recursion guard (CPython's Py_EnterRecursiveCall).  Returns -1
   with RecursionError "maximum recursion depth exceeded<where>" set. */
int _Py_EnterRecursiveCallTstate(PyThreadState *tstate, const char *where);
static inline void _Py_LeaveRecursiveCallTstate(PyThreadState *tstate)
{ tstate->c_recursion_remaining++; }
#endif
