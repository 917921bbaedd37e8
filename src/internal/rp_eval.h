/* rp_eval.h -- internal entry points of the virtual machine (src/vm/eval.c,
 * frame.c, call.c and the function/code/frame/generator objects) that
 * other parts of the core need.
 *
 * Ownership follows CPython: "new" results must be released by the caller,
 * "borrowed" ones must not; functions that steal say so.
 */
#ifndef RP_EVAL_H
#define RP_EVAL_H
#include "pycore.h"
#include "rp_state.h"
#include "rp_frame.h"

/* ------------------------------------------------------------------ */
/* The evaluation loop (eval.c)                                        */

/* Run `frame` (already pushed and initialised) until it returns, yields
   or raises.  The frame is cleared and popped when it finishes (for
   thread-owned frames) -- exactly as CPython's _PyEval_EvalFrameDefault.
   New reference, or NULL with an exception set.  throwflag: start by
   unwinding the exception currently set (generator.throw()). */
PyObject *_PyEval_EvalFrameDefault(PyThreadState *tstate, _PyInterpreterFrame *frame,
                                   int throwflag);
static inline PyObject *
_PyEval_EvalFrame(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag)
{
    return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
}

/* Call a Python function: bind args (borrowed; args[nargs..] are the values
   for kwnames) into a new frame with f_locals = locals (borrowed, may be
   NULL) and run it.  New reference.  Used by _PyFunction_Vectorcall and by
   builtins.__build_class__ (class bodies: locals = the namespace). */
PyObject *_PyEval_Vector(PyThreadState *tstate, PyFunctionObject *func, PyObject *locals,
                         PyObject *const *args, size_t argcount, PyObject *kwnames);

/* CPython's legacy PyEval_EvalCodeEx (all borrowed; new reference). */
PyAPI_FUNC(PyObject *) PyEval_EvalCodeEx(PyObject *co, PyObject *globals, PyObject *locals,
                                         PyObject *const *args, int argc,
                                         PyObject *const *kws, int kwc,
                                         PyObject *const *defs, int defc,
                                         PyObject *kwdefs, PyObject *closure);

/* builtins dict of the current frame, else the interpreter's. BORROWED. */
PyObject *_PyEval_GetBuiltins(PyThreadState *tstate);
/* globals['__builtins__'] (a module's dict if it is a module), else the
   interpreter's builtins.  BORROWED; NULL only with an exception set. */
PyObject *_PyEval_BuiltinsFromGlobals(PyThreadState *tstate, PyObject *globals);

/* Eval-breaker work: run a scheduled GC, check signals.  0 / -1. */
int _Py_HandlePending(PyThreadState *tstate);

/* Format "name 'x' is not defined"-style errors with the name (used by
   the loop; exported for symmetry with CPython). */
void _PyEval_FormatExcCheckArg(PyThreadState *tstate, PyObject *exc, const char *fmt,
                               PyObject *name);

/* locals() of the current frame, including the hidden variables of
   inlined comprehensions: new reference (3.12's _PyEval_GetFrameLocals). */
PyObject *_PyEval_GetFrameLocals(void);
/* Sync frame->f_locals with the fast locals: new reference to a dict. */
PyObject *_PyFrame_GetLocals(_PyInterpreterFrame *frame, int include_hidden);

/* The innermost frame object of the thread at `depth` (0 = current), as
   sys._getframe(depth) wants it: NEW reference, or NULL with ValueError
   "call stack is not deep enough". */
PyFrameObject *_PyThreadState_GetFrameAtDepth(PyThreadState *tstate, int depth);

/* Ready every type of the VM area (function, cell, method, classmethod,
   staticmethod, code, frame, generator, coroutine and their helpers).
   0, or -1 with an exception.  Called once by the lead at startup. */
int _PyVM_InitTypes(void);

/* ------------------------------------------------------------------ */
/* Calls (call.c, funcobject.c)                                        */

/* Push a frame for func and bind the arguments into its locals.  STEALS
   func, locals and every argument (also on failure).  NULL + exception
   (TypeError for a bad call) on failure. */
_PyInterpreterFrame *_PyEvalFramePushAndInit(PyThreadState *tstate, PyFunctionObject *func,
                                             PyObject *locals, PyObject *const *args,
                                             size_t argcount, PyObject *kwnames);
/* tp_vectorcall of Python functions. New reference. */
PyObject *_PyFunction_Vectorcall(PyObject *func, PyObject *const *stack, size_t nargsf,
                                 PyObject *kwnames);
/* Build a kwargs dict from the values following the positionals in
   values[] and the names in kwnames (borrowed).  New reference. */
PyObject *_PyStack_AsDict(PyObject *const *values, PyObject *kwnames);
/* Prepend `self` to an argument vector: call callable(self, *args).
   New reference. */
PyObject *_PyObject_Call_Prepend(PyThreadState *tstate, PyObject *callable, PyObject *obj,
                                 PyObject *args, PyObject *kwargs);
/* callable(*args, **kwargs) with args a tuple (borrowed). New reference. */
PyObject *_PyObject_Call(PyThreadState *tstate, PyObject *callable, PyObject *args,
                         PyObject *kwargs);
/* Fast vectorcall without checks on nargsf (CPython's inline helper). */
static inline PyObject *
_PyObject_VectorcallTstate(PyThreadState *tstate, PyObject *callable, PyObject *const *args,
                           size_t nargsf, PyObject *kwnames)
{
    PyTypeObject *tp = Py_TYPE(callable);
    if (tp->tp_flags & Py_TPFLAGS_HAVE_VECTORCALL) {
        vectorcallfunc func = *(vectorcallfunc *)(((char *)callable) + tp->tp_vectorcall_offset);
        if (func != NULL) {
            PyObject *res = func(callable, args, nargsf, kwnames);
            return _Py_CheckFunctionResult(callable, res, NULL);
        }
    }
    (void)tstate;
    return _PyObject_MakeTpCall(callable, args, PyVectorcall_NARGS(nargsf), kwnames);
}

/* Monotonic version numbers for code objects (func_version / CALL caches). */
uint32_t _PyCode_NextVersion(void);

/* Expose PyFunction setters CPython has (all borrow; 0/-1). */
PyAPI_FUNC(int) PyFunction_SetDefaults(PyObject *, PyObject *);
PyAPI_FUNC(int) PyFunction_SetKwDefaults(PyObject *, PyObject *);
PyAPI_FUNC(int) PyFunction_SetClosure(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetKwDefaults(PyObject *);   /* BORROWED */
PyAPI_FUNC(PyObject *) PyFunction_GetClosure(PyObject *);      /* BORROWED */
PyAPI_FUNC(PyObject *) PyFunction_GetModule(PyObject *);       /* BORROWED */
PyAPI_FUNC(PyObject *) PyFunction_GetAnnotations(PyObject *);  /* BORROWED */
/* classmethod / staticmethod: the wrapped callable (BORROWED). */
PyObject *_PyClassMethod_GetFunc(PyObject *cm);
PyObject *_PyStaticMethod_GetFunc(PyObject *sm);

/* ------------------------------------------------------------------ */
/* Code objects (codeobject.c)                                          */

/* Line number for a byte offset, walking the table forward. */
int _PyCode_CheckLineNumber(int lasti, PyCodeAddressRange *bounds);
/* Per-code private data of the specialiser (see specialize.c). */
struct _rp_code_extra;
/* Names of the local slots with the given kind bits: new tuple. */
PyObject *_PyCode_GetVarnames(PyCodeObject *co);
PyObject *_PyCode_GetCellvars(PyCodeObject *co);
PyObject *_PyCode_GetFreevars(PyCodeObject *co);
/* The exception handler covering instruction index `index` (code units):
   1 and fills level/handler/lasti, or 0 if none. */
int _PyCode_GetExceptionHandler(PyCodeObject *co, int index, int *level, int *handler,
                                int *lasti);

/* ------------------------------------------------------------------ */
/* Generators and coroutines (genobject.c)                              */

/* gi_frame_state values (CPython 3.12) */
#define FRAME_CREATED (-2)
#define FRAME_SUSPENDED (-1)
#define FRAME_EXECUTING 0
#define FRAME_COMPLETED 1
#define FRAME_CLEARED 4

typedef struct {
    PyObject_HEAD
    PyObject *gi_weakreflist;
    PyObject *gi_name;
    PyObject *gi_qualname;
    _PyErr_StackItem gi_exc_state;
    PyObject *gi_origin_or_finalizer;
    char gi_hooks_inited;
    char gi_closed;
    char gi_running_async;
    int8_t gi_frame_state;
    PyObject *gi_iframe[1];     /* an _PyInterpreterFrame lives here */
} PyGenObject;
typedef PyGenObject PyCoroObject;
typedef PyGenObject PyAsyncGenObject;

PyAPI_DATA(PyTypeObject) PyGen_Type;
PyAPI_DATA(PyTypeObject) PyCoro_Type;
PyAPI_DATA(PyTypeObject) PyAsyncGen_Type;
PyAPI_DATA(PyTypeObject) _PyCoroWrapper_Type;
PyAPI_DATA(PyTypeObject) _PyAsyncGenASend_Type;
PyAPI_DATA(PyTypeObject) _PyAsyncGenWrappedValue_Type;
PyAPI_DATA(PyTypeObject) _PyAsyncGenAThrow_Type;
#define PyGen_Check(op) PyObject_TypeCheck((op), &PyGen_Type)
#define PyGen_CheckExact(op) Py_IS_TYPE((op), &PyGen_Type)
#define PyCoro_CheckExact(op) Py_IS_TYPE((op), &PyCoro_Type)
#define PyAsyncGen_CheckExact(op) Py_IS_TYPE((op), &PyAsyncGen_Type)

static inline PyGenObject *_PyFrame_GetGenerator(_PyInterpreterFrame *frame)
{
    return (PyGenObject *)((char *)frame - offsetof(PyGenObject, gi_iframe));
}
static inline PyCodeObject *_PyGen_GetCode(PyGenObject *gen)
{
    return ((_PyInterpreterFrame *)gen->gi_iframe)->f_code;
}

/* RETURN_GENERATOR: a new generator/coroutine for func's code (frame not
   yet filled in).  New reference. */
PyObject *_Py_MakeCoro(PyFunctionObject *func);
/* Take the value of a pending StopIteration (or None): 0 and *pvalue a
   new reference; -1 if another exception is set (left set). */
int _PyGen_FetchStopIterationValue(PyObject **pvalue);
/* Raise StopIteration(value) (borrowed value). 0 / -1. */
int _PyGen_SetStopIterationValue(PyObject *value);
/* The sub-iterator of a suspended "yield from"/"await", new ref or NULL. */
PyObject *_PyGen_yf(PyGenObject *gen);
/* Finalizer used by the GC/dealloc (PEP 442). */
void _PyGen_Finalize(PyObject *self);
/* GET_AWAITABLE helper: the iterator of an awaitable, new ref. */
PyObject *_PyCoro_GetAwaitableIter(PyObject *o);
/* ASYNC_GEN_WRAP intrinsic: wrap a value yielded by an async generator. */
PyObject *_PyAsyncGenValueWrapperNew(PyThreadState *tstate, PyObject *value);

/* ------------------------------------------------------------------ */
/* The specialiser (src/vm/specialize.c) -- private to the VM.          */

/* Adaptive counters live in the first inline-cache unit of every
   instruction that has caches: 12 bits of count, 4 bits of backoff
   exponent (CPython 3.12's scheme). */
#define ADAPTIVE_BACKOFF_BITS 4
#define MAX_BACKOFF_VALUE (16 - ADAPTIVE_BACKOFF_BITS)
static inline uint16_t adaptive_counter_bits(int value, int backoff)
{
    return (uint16_t)((value << ADAPTIVE_BACKOFF_BITS) |
                      (backoff & ((1 << ADAPTIVE_BACKOFF_BITS) - 1)));
}
static inline uint16_t adaptive_counter_warmup(void) { return adaptive_counter_bits(1, 1); }
static inline uint16_t adaptive_counter_cooldown(void) { return adaptive_counter_bits(52, 0); }
static inline uint16_t adaptive_counter_backoff(uint16_t counter)
{
    unsigned int backoff = counter & ((1 << ADAPTIVE_BACKOFF_BITS) - 1);
    backoff++;
    if (backoff > MAX_BACKOFF_VALUE) backoff = MAX_BACKOFF_VALUE;
    return adaptive_counter_bits((int)((1u << backoff) - 1), (int)backoff);
}
#define ADAPTIVE_COUNTER_IS_ZERO(COUNTER) (((COUNTER) >> ADAPTIVE_BACKOFF_BITS) == 0)
#define DECREMENT_ADAPTIVE_COUNTER(COUNTER) \
    do { (COUNTER) = (uint16_t)((COUNTER) - (1 << ADAPTIVE_BACKOFF_BITS)); } while (0)

/* Side-table entry for LOAD_GLOBAL_* and LOAD_ATTR_MODULE: the value is
   valid (borrowed) while the dicts keep the recorded version tags. */
struct _rp_global_cache {
    PyObject *dict;              /* globals (or module dict) */
    PyObject *builtins;
    uint64_t globals_version;
    uint64_t builtins_version;
    PyObject *value;             /* borrowed */
};
/* Side-table entry for attribute specialisations.  A type's attribute
   lookup depends only on the dicts of the types in its MRO; dict version
   tags come from one global counter and change on every mutation, so
   "the MRO has the same length and every dict still has its recorded
   version" proves the lookup would find the same thing (a different type,
   a changed dict or a new MRO all fail it). */
#define RP_MAX_MRO_GUARD 6
struct _rp_attr_cache {
    PyTypeObject *type;          /* borrowed: the exact type guarded (static
                                    types all record version 0, so the
                                    versions alone can't tell them apart) */
    int mro_len;
    uint64_t versions[RP_MAX_MRO_GUARD];
    PyObject *descr;             /* borrowed: the method / class attribute */
    Py_ssize_t offset;           /* slot offset */
    Py_ssize_t hint;             /* LOAD_ATTR_INSTANCE_VALUE: the entry index of the
                                    name in the last instance dict seen (CPython's
                                    LOAD_ATTR_WITH_HINT idea): checked, never trusted */
};
/* The per-code side tables hang off co_extra; index 0 of each table is
   a dummy so that a zero cache unit means "no entry yet". */
struct _rp_code_extra {
    int n_global;
    int cap_global;
    struct _rp_global_cache *global;
    int n_attr;
    int cap_attr;
    struct _rp_attr_cache *attr;
};
static inline struct _rp_global_cache *
_PySpecialize_GlobalCache(PyCodeObject *co, uint16_t index)
{
    return &((struct _rp_code_extra *)co->co_extra)->global[index];
}
static inline struct _rp_attr_cache *
_PySpecialize_AttrCache(PyCodeObject *co, uint16_t index)
{
    return &((struct _rp_code_extra *)co->co_extra)->attr[index];
}
static inline int
_PySpecialize_CheckMro(PyTypeObject *tp, const struct _rp_attr_cache *c)
{
    if (tp != c->type) return 0;
    PyObject *mro = tp->tp_mro;
    if (mro == NULL || PyTuple_GET_SIZE(mro) != c->mro_len) return 0;
    for (int i = 0; i < c->mro_len; i++) {
        /* 0: an immutable (static) type, whose dict cannot change */
        if (c->versions[i] == 0) continue;
        PyObject *d = ((PyTypeObject *)PyTuple_GET_ITEM(mro, i))->tp_dict;
        if (d == NULL || ((PyDictObject *)d)->ma_version_tag != c->versions[i]) return 0;
    }
    return 1;
}
/* The instance dict slot (managed dicts sit 3 words before the object). */
static inline PyObject **
_PyEval_InstanceDictPtr(PyObject *obj)
{
    if (Py_TYPE(obj)->tp_flags & Py_TPFLAGS_MANAGED_DICT) return ((PyObject **)obj) - 3;
    return _PyObject_GetDictPtr(obj);
}
/* Rewrite superinstructions and set the warm-up counters of a new code
   object's adaptive instructions. */
void _PyCode_Quicken(PyCodeObject *co);

/* Each rewrites the instruction at instr (whose first cache unit is the
   counter) into a specialised form, or backs the counter off. */
void _PySpecialize_BinaryOp(PyObject *lhs, PyObject *rhs, _Py_CODEUNIT *instr, int oparg,
                            PyObject **locals);
void _PySpecialize_CompareOp(PyObject *lhs, PyObject *rhs, _Py_CODEUNIT *instr, int oparg);
void _PySpecialize_BinarySubscr(PyObject *container, PyObject *sub, _Py_CODEUNIT *instr);
void _PySpecialize_StoreSubscr(PyObject *container, PyObject *sub, _Py_CODEUNIT *instr);
void _PySpecialize_LoadGlobal(PyObject *globals, PyObject *builtins, PyCodeObject *co,
                              _Py_CODEUNIT *instr, PyObject *name);
void _PySpecialize_LoadAttr(PyObject *owner, PyCodeObject *co, _Py_CODEUNIT *instr,
                            PyObject *name);
void _PySpecialize_StoreAttr(PyObject *owner, _Py_CODEUNIT *instr, PyObject *name);
void _PySpecialize_ForIter(PyObject *iter, _Py_CODEUNIT *instr, int oparg);
void _PySpecialize_Call(PyObject *callable, PyObject *method, _Py_CODEUNIT *instr, int nargs,
                        PyObject *kwnames);
/* Recognised callables (set up by the specialiser; NULL until then). */
extern PyMethodDef *_PyEval_LenDef;
extern PyMethodDef *_PyEval_IsinstanceDef;
extern PyObject *_PyEval_ListAppendDescr;

/* ---- helpers of the loop (eval_helpers.c) -- private to the VM ---- */

typedef PyObject *(*_rp_binaryfunc)(PyObject *, PyObject *);
extern const _rp_binaryfunc _PyEval_BinaryOps[26];
/* COMPARE_OP result masks per rich-comparison op (2 <, 4 >, 8 ==, 1 NaN) */
extern const uint8_t _PyEval_CompareMask[6];

static inline Py_hash_t _PyEval_StrHash(PyObject *name)
{
    Py_hash_t h = _PyASCIIObject_CAST(name)->hash;
    if (h == -1) h = PyObject_Hash(name);
    return h;
}

int _Py_CheckRecursiveCallPy(PyThreadState *tstate);
void _PyEval_SetKeyError(PyObject *key);
#define RP_MAX_INTRINSIC_1 11
#define RP_MAX_INTRINSIC_2 4
PyObject *_PyEval_Intrinsic1(PyThreadState *tstate, int oparg, PyObject *value);
PyObject *_PyEval_Intrinsic2(PyThreadState *tstate, int oparg, PyObject *value2,
                             PyObject *value1);
/* RAISE_VARARGS: STEALS exc and cause.  Returns 1 for a bare re-raise
   (exception set, no new traceback entry), 0 otherwise (exception set). */
int _PyEval_DoRaise(PyThreadState *tstate, PyObject *exc, PyObject *cause);
int _PyEval_CheckExceptTypeValid(PyThreadState *tstate, PyObject *right);
int _PyEval_CheckExceptStarTypeValid(PyThreadState *tstate, PyObject *right);
int _PyEval_ExceptionGroupMatch(PyObject *exc_value, PyObject *match_type, PyObject **match,
                                PyObject **rest);
/* LOAD_NAME / LOAD_FROM_DICT_OR_GLOBALS / LOAD_GLOBAL: new reference, or
   NULL with NameError (or another error) set. */
PyObject *_PyEval_LoadFromDictOrGlobals(PyThreadState *tstate, _PyInterpreterFrame *frame,
                                        PyObject *mod_or_class_dict, PyObject *name);
PyObject *_PyEval_LoadGlobal(PyThreadState *tstate, PyObject *globals, PyObject *builtins,
                             PyObject *name);
void _PyEval_FormatExcUnbound(PyThreadState *tstate, PyCodeObject *co, int oparg);
int _PyEval_SetupAnnotations(PyThreadState *tstate, PyObject *locals);
void _PyEval_FormatKwargsError(PyThreadState *tstate, PyObject *func, PyObject *kwargs);
int _PyEval_CheckArgsIterable(PyThreadState *tstate, PyObject *func, PyObject *args);
PyObject *_PyEval_ImportName(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name,
                             PyObject *fromlist, PyObject *level);
PyObject *_PyEval_ImportFrom(PyThreadState *tstate, PyObject *v, PyObject *name);
PyObject *_PyEval_MatchClass(PyThreadState *tstate, PyObject *subject, PyObject *type,
                             Py_ssize_t nargs, PyObject *kwargs);
PyObject *_PyEval_MatchKeys(PyThreadState *tstate, PyObject *map, PyObject *keys);
/* type(obj).name bound to obj: new reference, NULL without exception if
   the type has no such attribute. */
PyObject *_PyEval_LookupSpecial(PyObject *self, PyObject *attr);
/* Unpack into sp[-1], sp[-2], ...: 1 ok, 0 error. */
int _PyEval_UnpackIterable(PyThreadState *tstate, PyObject *v, int argcnt, int argcntafter,
                           PyObject **sp);
/* CALL_FUNCTION_EX of a Python function: STEALS func, locals, callargs
   (a tuple) and kwargs (a dict or NULL). */
_PyInterpreterFrame *_PyEval_FramePushAndInitEx(PyThreadState *tstate, PyFunctionObject *func,
                                                PyObject *locals, PyObject *callargs,
                                                PyObject *kwargs);
void _PyEval_FormatAwaitableError(PyThreadState *tstate, PyTypeObject *type, int oparg);
PyObject *_PyEval_GetAIter(PyThreadState *tstate, PyObject *obj);
PyObject *_PyEval_GetANext(PyThreadState *tstate, PyObject *aiter);

/* Release the specialiser's side tables of a dying code object. */
void _PySpecialize_FreeCodeExtra(PyCodeObject *co);
/* Ready the code object's private types. */
int _PyCode_InitTypes(void);
int _PyFunc_InitTypes(void);
int _PyFrame_InitTypes(void);
int _PyGen_InitTypes(void);


#endif /* RP_EVAL_H */
