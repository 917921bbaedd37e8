/* specialize.c -- the adaptive specialiser.
 *
 * Every instruction with inline caches starts with a warm-up counter in
 * its first cache unit (set by _PyCode_Quicken when the code object is
 * made).  The generic instruction decrements it; when it reaches zero the
 * instruction calls one of the functions below, which looks at the actual
 * operands and rewrites the opcode in co_code_adaptive into a specialised
 * form (see opcode_specialized.def), filling the rest of the cache.  The
 * specialised form checks cheap guards on every execution and jumps back
 * into the generic code when they fail; each miss decrements the counter
 * again (it restarts at 52), so a site whose operands changed for good is
 * re-specialised, and a site that cannot be specialised backs off
 * exponentially.
 *
 * What the guards rely on:
 *  - dict version tags (ma_version_tag) are drawn from one global counter
 *    on every mutation, so a (dict, version) pair names one exact state;
 *    LOAD_GLOBAL_* and LOAD_ATTR_MODULE keep a borrowed pointer to the
 *    value, valid while the version is unchanged;
 *  - attribute lookup on an instance depends only on the dicts of the
 *    types in its MRO: the attribute forms record the version of each of
 *    those dicts (struct _rp_attr_cache);
 *  - func_version is the code object's co_version and is reset to 0 when
 *    __code__ / __defaults__ / __kwdefaults__ change.
 * Entries that do not fit in the inline cache live in per-code side tables
 * hung off co_extra; the cache unit after the counter holds their index.
 *
 * Quickening also rewrites a few common instruction pairs into CPython
 * 3.12's superinstructions (LOAD_FAST__LOAD_FAST, ...).  All of this is
 * invisible: co_code maps specialised opcodes back with _PyOpcode_Deopt.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_opcode.h"
#include "rp_eval.h"

PyMethodDef *_PyEval_LenDef;
PyMethodDef *_PyEval_IsinstanceDef;
PyObject *_PyEval_ListAppendDescr;

/* ------------------------------------------------------------------ */
/* Quickening                                                           */

void
_PyCode_Quicken(PyCodeObject *co)
{
    _Py_CODEUNIT *instrs = _PyCode_CODE(co);
    Py_ssize_t n = Py_SIZE(co);
    int previous = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int opcode = instrs[i].op.code;
        int caches = _PyOpcode_Caches[opcode];
        if (caches) {
            if (i + 1 < n) instrs[i + 1].cache = adaptive_counter_warmup();
            i += caches;
            previous = 0;
            continue;
        }
        switch (previous << 8 | opcode) {
        case LOAD_CONST << 8 | LOAD_FAST:
            instrs[i - 1].op.code = LOAD_CONST__LOAD_FAST;
            break;
        case LOAD_FAST << 8 | LOAD_CONST:
            instrs[i - 1].op.code = LOAD_FAST__LOAD_CONST;
            break;
        case LOAD_FAST << 8 | LOAD_FAST:
            instrs[i - 1].op.code = LOAD_FAST__LOAD_FAST;
            break;
        case STORE_FAST << 8 | LOAD_FAST:
            instrs[i - 1].op.code = STORE_FAST__LOAD_FAST;
            break;
        case STORE_FAST << 8 | STORE_FAST:
            instrs[i - 1].op.code = STORE_FAST__STORE_FAST;
            break;
        }
        previous = opcode;
    }
}

/* ------------------------------------------------------------------ */
/* Side tables                                                          */

void
_PySpecialize_FreeCodeExtra(PyCodeObject *co)
{
    struct _rp_code_extra *ex = co->co_extra;
    if (ex == NULL) return;
    PyMem_Free(ex->global);
    PyMem_Free(ex->attr);
    PyMem_Free(ex);
    co->co_extra = NULL;
}

static struct _rp_code_extra *
code_extra(PyCodeObject *co)
{
    if (co->co_extra == NULL) {
        struct _rp_code_extra *ex = PyMem_Calloc(1, sizeof(*ex));
        if (ex == NULL) return NULL;
        co->co_extra = ex;
    }
    return co->co_extra;
}

/* Index of the global-cache entry for the instruction (reusing its old
   one); 0 on failure. */
static int
global_cache_index(PyCodeObject *co, _Py_CODEUNIT *instr)
{
    struct _rp_code_extra *ex = code_extra(co);
    if (ex == NULL) return 0;
    int idx = instr[2].cache;
    if (idx != 0 && idx < ex->n_global) return idx;
    if (ex->n_global == 0) ex->n_global = 1;   /* entry 0 is a dummy */
    if (ex->n_global >= 0xFFFF) return 0;
    if (ex->n_global >= ex->cap_global) {
        int cap = ex->cap_global ? ex->cap_global * 2 : 8;
        struct _rp_global_cache *t = PyMem_Realloc(ex->global, cap * sizeof(*t));
        if (t == NULL) return 0;
        ex->global = t;
        ex->cap_global = cap;
    }
    idx = ex->n_global++;
    memset(&ex->global[idx], 0, sizeof(ex->global[idx]));
    instr[2].cache = (uint16_t)idx;
    return idx;
}

static int
attr_cache_index(PyCodeObject *co, _Py_CODEUNIT *instr)
{
    struct _rp_code_extra *ex = code_extra(co);
    if (ex == NULL) return 0;
    int idx = instr[2].cache;
    if (idx != 0 && idx < ex->n_attr) return idx;
    if (ex->n_attr == 0) ex->n_attr = 1;
    if (ex->n_attr >= 0xFFFF) return 0;
    if (ex->n_attr >= ex->cap_attr) {
        int cap = ex->cap_attr ? ex->cap_attr * 2 : 8;
        struct _rp_attr_cache *t = PyMem_Realloc(ex->attr, cap * sizeof(*t));
        if (t == NULL) return 0;
        ex->attr = t;
        ex->cap_attr = cap;
    }
    idx = ex->n_attr++;
    memset(&ex->attr[idx], 0, sizeof(ex->attr[idx]));
    instr[2].cache = (uint16_t)idx;
    return idx;
}

/* Record the MRO dict versions of tp; 0 if the type cannot be guarded. */
static int
record_mro(PyTypeObject *tp, struct _rp_attr_cache *c)
{
    PyObject *mro = tp->tp_mro;
    if (mro == NULL || !PyTuple_Check(mro)) return 0;
    Py_ssize_t n = PyTuple_GET_SIZE(mro);
    if (n > RP_MAX_MRO_GUARD) return 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *t = PyTuple_GET_ITEM(mro, i);
        if (!PyType_Check(t)) return 0;
        PyObject *d = ((PyTypeObject *)t)->tp_dict;
        if (d == NULL || !PyDict_CheckExact(d)) return 0;
        if (!(((PyTypeObject *)t)->tp_flags & Py_TPFLAGS_HEAPTYPE) ||
            (((PyTypeObject *)t)->tp_flags & Py_TPFLAGS_IMMUTABLETYPE)) {
            /* static or immutable: its dict never changes (type_setattro refuses) */
            c->versions[i] = 0;
            continue;
        }
        uint64_t v = ((PyDictObject *)d)->ma_version_tag;
        if (v == 0) return 0;
        c->versions[i] = v;
    }
    c->mro_len = (int)n;
    c->type = tp;
    return 1;
}

static inline void
specialize(_Py_CODEUNIT *instr, int opcode)
{
    instr->op.code = (uint8_t)opcode;
    instr[1].cache = adaptive_counter_cooldown();
}

static inline void
unspecialize(_Py_CODEUNIT *instr)
{
    instr->op.code = _PyOpcode_Deopt[instr->op.code];
    instr[1].cache = adaptive_counter_backoff(instr[1].cache);
}

/* ------------------------------------------------------------------ */
/* Operators                                                            */

void
_PySpecialize_BinaryOp(PyObject *lhs, PyObject *rhs, _Py_CODEUNIT *instr, int oparg,
                       PyObject **locals)
{
    if (Py_TYPE(lhs) != Py_TYPE(rhs)) goto fail;
    switch (oparg) {
    case NB_ADD:
    case NB_INPLACE_ADD:
        if (PyUnicode_CheckExact(lhs)) {
            /* `s = s + t` / `s += t` into the same local: append in place
               (CPython's BINARY_OP_INPLACE_ADD_UNICODE), which makes string
               building in a loop linear instead of quadratic. */
            _Py_CODEUNIT next = instr[1 + 1];
            if ((next.op.code == STORE_FAST || next.op.code == STORE_FAST__LOAD_FAST ||
                 next.op.code == STORE_FAST__STORE_FAST) && locals[next.op.arg] == lhs) {
                specialize(instr, BINARY_OP_INPLACE_ADD_UNICODE);
                return;
            }
            specialize(instr, BINARY_OP_ADD_UNICODE);
            return;
        }
        if (PyLong_CheckExact(lhs)) {
            specialize(instr, BINARY_OP_ADD_INT);
            return;
        }
        if (PyFloat_CheckExact(lhs)) {
            specialize(instr, BINARY_OP_ADD_FLOAT);
            return;
        }
        break;
    case NB_MULTIPLY:
    case NB_INPLACE_MULTIPLY:
        if (PyLong_CheckExact(lhs)) {
            specialize(instr, BINARY_OP_MULTIPLY_INT);
            return;
        }
        if (PyFloat_CheckExact(lhs)) {
            specialize(instr, BINARY_OP_MULTIPLY_FLOAT);
            return;
        }
        break;
    case NB_SUBTRACT:
    case NB_INPLACE_SUBTRACT:
        if (PyLong_CheckExact(lhs)) {
            specialize(instr, BINARY_OP_SUBTRACT_INT);
            return;
        }
        if (PyFloat_CheckExact(lhs)) {
            specialize(instr, BINARY_OP_SUBTRACT_FLOAT);
            return;
        }
        break;
    case NB_REMAINDER:
    case NB_INPLACE_REMAINDER:
        if (PyLong_CheckExact(lhs)) {
            specialize(instr, BINARY_OP_REMAINDER_INT);
            return;
        }
        break;
    case NB_FLOOR_DIVIDE:
    case NB_INPLACE_FLOOR_DIVIDE:
        if (PyLong_CheckExact(lhs)) {
            specialize(instr, BINARY_OP_FLOOR_DIVIDE_INT);
            return;
        }
        break;
    case NB_TRUE_DIVIDE:
    case NB_INPLACE_TRUE_DIVIDE:
        if (PyFloat_CheckExact(lhs)) {
            specialize(instr, BINARY_OP_TRUE_DIVIDE_FLOAT);
            return;
        }
        break;
    }
fail:
    unspecialize(instr);
}

void
_PySpecialize_CompareOp(PyObject *lhs, PyObject *rhs, _Py_CODEUNIT *instr, int oparg)
{
    if (Py_TYPE(lhs) != Py_TYPE(rhs)) goto fail;
    int op = oparg >> 4;
    if (op < 0 || op > Py_GE) goto fail;
    if (PyFloat_CheckExact(lhs)) {
        specialize(instr, COMPARE_OP_FLOAT);
        return;
    }
    if (PyLong_CheckExact(lhs)) {
        if (_PyLong_IsCompact((PyLongObject *)lhs) && _PyLong_IsCompact((PyLongObject *)rhs)) {
            specialize(instr, COMPARE_OP_INT);
            return;
        }
        goto fail;
    }
    if (PyUnicode_CheckExact(lhs) && (op == Py_EQ || op == Py_NE)) {
        specialize(instr, COMPARE_OP_STR);
        return;
    }
fail:
    unspecialize(instr);
}

void
_PySpecialize_BinarySubscr(PyObject *container, PyObject *sub, _Py_CODEUNIT *instr)
{
    if (PyList_CheckExact(container) && PyLong_CheckExact(sub)) {
        specialize(instr, BINARY_SUBSCR_LIST_INT);
        return;
    }
    if (PyTuple_CheckExact(container) && PyLong_CheckExact(sub)) {
        specialize(instr, BINARY_SUBSCR_TUPLE_INT);
        return;
    }
    if (PyDict_CheckExact(container)) {
        specialize(instr, BINARY_SUBSCR_DICT);
        return;
    }
    unspecialize(instr);
}

void
_PySpecialize_StoreSubscr(PyObject *container, PyObject *sub, _Py_CODEUNIT *instr)
{
    if (PyList_CheckExact(container) && PyLong_CheckExact(sub)) {
        specialize(instr, STORE_SUBSCR_LIST_INT);
        return;
    }
    if (PyDict_CheckExact(container)) {
        specialize(instr, STORE_SUBSCR_DICT);
        return;
    }
    unspecialize(instr);
}

/* ------------------------------------------------------------------ */
/* Globals and attributes                                               */

void
_PySpecialize_LoadGlobal(PyObject *globals, PyObject *builtins, PyCodeObject *co,
                         _Py_CODEUNIT *instr, PyObject *name)
{
    if (!PyDict_CheckExact(globals) || !PyDict_CheckExact(builtins)) goto fail;
    uint64_t gver = ((PyDictObject *)globals)->ma_version_tag;
    uint64_t bver = ((PyDictObject *)builtins)->ma_version_tag;
    if (gver == 0 || bver == 0) goto fail;
    PyObject *value = PyDict_GetItemWithError(globals, name);
    int opcode = LOAD_GLOBAL_MODULE;
    if (value == NULL) {
        if (PyErr_Occurred()) {
            PyErr_Clear();
            goto fail;
        }
        value = PyDict_GetItemWithError(builtins, name);
        if (value == NULL) {
            PyErr_Clear();
            goto fail;
        }
        opcode = LOAD_GLOBAL_BUILTIN;
    }
    int idx = global_cache_index(co, instr);
    if (idx == 0) goto fail;
    struct _rp_global_cache *c = _PySpecialize_GlobalCache(co, (uint16_t)idx);
    c->dict = globals;
    c->builtins = builtins;
    c->globals_version = gver;
    c->builtins_version = bver;
    c->value = value;
    specialize(instr, opcode);
    return;
fail:
    unspecialize(instr);
}

static int
type_has_instance_dict(PyTypeObject *tp)
{
    return (tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) || tp->tp_dictoffset != 0;
}

void
_PySpecialize_LoadAttr(PyObject *owner, PyCodeObject *co, _Py_CODEUNIT *instr, PyObject *name)
{
    int oparg = instr->op.arg;
    PyTypeObject *tp = Py_TYPE(owner);
    if (!PyUnicode_CheckExact(name)) goto fail;
    if (PyModule_CheckExact(owner)) {
        PyObject *dict = ((PyModuleObject *)owner)->md_dict;
        if (dict == NULL || !PyDict_CheckExact(dict)) goto fail;
        if (tp->tp_getattro != PyModule_Type.tp_getattro) goto fail;
        if (_PyType_Lookup(tp, name) != NULL) goto fail;   /* module type attribute wins */
        uint64_t v = ((PyDictObject *)dict)->ma_version_tag;
        if (v == 0) goto fail;
        PyObject *value = PyDict_GetItemWithError(dict, name);
        if (value == NULL) {
            PyErr_Clear();
            goto fail;
        }
        int idx = global_cache_index(co, instr);
        if (idx == 0) goto fail;
        struct _rp_global_cache *c = _PySpecialize_GlobalCache(co, (uint16_t)idx);
        c->dict = dict;
        c->builtins = NULL;
        c->globals_version = v;
        c->builtins_version = 0;
        c->value = value;
        specialize(instr, LOAD_ATTR_MODULE);
        return;
    }
    if (PyType_Check(owner)) {
        /* A plain value stored on a class (no descriptor protocol), with
           nothing of that name on the metaclass. */
        if (tp != &PyType_Type) goto fail;
        if (_PyType_Lookup(tp, name) != NULL) goto fail;
        PyObject *descr = _PyType_Lookup((PyTypeObject *)owner, name);
        if (descr == NULL || Py_TYPE(descr)->tp_descr_get != NULL) goto fail;
        int idx = attr_cache_index(co, instr);
        if (idx == 0) goto fail;
        struct _rp_attr_cache *c = _PySpecialize_AttrCache(co, (uint16_t)idx);
        if (!record_mro((PyTypeObject *)owner, c)) goto fail;
        /* the metatype is PyType_Type (static): its dict never changes */
        c->descr = descr;
        specialize(instr, LOAD_ATTR_CLASS);
        return;
    }
    if (tp->tp_getattro != PyObject_GenericGetAttr) goto fail;
    PyObject *descr = _PyType_Lookup(tp, name);
    if (PyErr_Occurred()) {
        PyErr_Clear();
        goto fail;
    }
    int idx = attr_cache_index(co, instr);
    if (idx == 0) goto fail;
    struct _rp_attr_cache *c = _PySpecialize_AttrCache(co, (uint16_t)idx);
    if (!record_mro(tp, c)) goto fail;
    if ((oparg & 1) && descr != NULL && (Py_TYPE(descr)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        c->descr = descr;
        specialize(instr, type_has_instance_dict(tp) ? LOAD_ATTR_METHOD_WITH_VALUES
                                                     : LOAD_ATTR_METHOD_NO_DICT);
        return;
    }
    if (descr == NULL) {
        if (!type_has_instance_dict(tp)) goto fail;
        specialize(instr, LOAD_ATTR_INSTANCE_VALUE);
        return;
    }
    if (Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
        PyMemberDef *m = ((PyMemberDescrObject *)descr)->d_member;
        if (m->type == Py_T_OBJECT_EX && !(m->flags & Py_RELATIVE_OFFSET) && m->offset > 0) {
            c->offset = m->offset;
            specialize(instr, LOAD_ATTR_SLOT);
            return;
        }
    }
fail:
    unspecialize(instr);
}

void
_PySpecialize_StoreAttr(PyObject *owner, _Py_CODEUNIT *instr, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(owner);
    PyThreadState *tstate = _PyThreadState_GET();
    PyCodeObject *co = tstate->current_frame->f_code;
    if (!PyUnicode_CheckExact(name) || tp->tp_setattro != PyObject_GenericSetAttr) goto fail;
    PyObject *descr = _PyType_Lookup(tp, name);
    if (PyErr_Occurred()) {
        PyErr_Clear();
        goto fail;
    }
    int idx = attr_cache_index(co, instr);
    if (idx == 0) goto fail;
    struct _rp_attr_cache *c = _PySpecialize_AttrCache(co, (uint16_t)idx);
    if (!record_mro(tp, c)) goto fail;
    if (descr == NULL) {
        if (!type_has_instance_dict(tp)) goto fail;
        specialize(instr, STORE_ATTR_INSTANCE_VALUE);
        return;
    }
    if (Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
        PyMemberDef *m = ((PyMemberDescrObject *)descr)->d_member;
        if (m->type == Py_T_OBJECT_EX && !(m->flags & (Py_READONLY | Py_RELATIVE_OFFSET)) &&
            m->offset > 0) {
            c->offset = m->offset;
            specialize(instr, STORE_ATTR_SLOT);
            return;
        }
    }
fail:
    unspecialize(instr);
}

/* ------------------------------------------------------------------ */
/* Iteration                                                            */

void
_PySpecialize_ForIter(PyObject *iter, _Py_CODEUNIT *instr, int oparg)
{
    PyTypeObject *tp = Py_TYPE(iter);
    if (tp == &PyListIter_Type) {
        specialize(instr, FOR_ITER_LIST);
        return;
    }
    if (tp == &PyTupleIter_Type) {
        specialize(instr, FOR_ITER_TUPLE);
        return;
    }
    if (tp == &PyRangeIter_Type) {
        specialize(instr, FOR_ITER_RANGE);
        return;
    }
    if (tp == &PyGen_Type && _PyOpcode_Deopt[instr[2 + oparg].op.code] == END_FOR) {
        specialize(instr, FOR_ITER_GEN);
        return;
    }
    unspecialize(instr);
}

/* ------------------------------------------------------------------ */
/* Calls                                                                */

static void
init_known_callables(void)
{
    static int done;
    if (done) return;
    done = 1;
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *builtins = tstate->interp->builtins;
    if (builtins != NULL && PyDict_Check(builtins)) {
        PyObject *f = PyDict_GetItemString(builtins, "len");
        if (f != NULL && PyCFunction_CheckExact(f)) _PyEval_LenDef = ((PyCFunctionObject *)f)->m_ml;
        f = PyDict_GetItemString(builtins, "isinstance");
        if (f != NULL && PyCFunction_CheckExact(f))
            _PyEval_IsinstanceDef = ((PyCFunctionObject *)f)->m_ml;
    }
    if (PyList_Type.tp_dict != NULL) {
        PyObject *d = PyDict_GetItemString(PyList_Type.tp_dict, "append");
        if (d != NULL && Py_IS_TYPE(d, &PyMethodDescr_Type)) _PyEval_ListAppendDescr = d;
    }
    PyErr_Clear();
}

static void
write_u32(_Py_CODEUNIT *p, uint32_t v)
{
    memcpy(p, &v, sizeof(v));
}

/* Can func be called by just copying args into its locals? */
static int
simple_function(PyFunctionObject *func)
{
    PyCodeObject *code = (PyCodeObject *)func->func_code;
    if (func->vectorcall != _PyFunction_Vectorcall) return 0;
    if (code->co_flags & (CO_VARARGS | CO_VARKEYWORDS)) return 0;
    if (code->co_kwonlyargcount != 0) return 0;
    if (func->func_version == 0 || func->func_version != code->co_version) return 0;
    return 1;
}

void
_PySpecialize_Call(PyObject *callable, PyObject *method, _Py_CODEUNIT *instr, int nargs,
                   PyObject *kwnames)
{
    init_known_callables();
    int is_meth = method != NULL;
    int total = nargs + is_meth;
    if (is_meth) callable = method;
    if (PyFunction_Check(callable)) {
        PyFunctionObject *func = (PyFunctionObject *)callable;
        if (kwnames != NULL || !simple_function(func)) goto fail;
        PyCodeObject *code = (PyCodeObject *)func->func_code;
        int defcount = func->func_defaults ? (int)PyTuple_GET_SIZE(func->func_defaults) : 0;
        write_u32(&instr[2], func->func_version);
        if (code->co_argcount == total) {
            specialize(instr, CALL_PY_EXACT_ARGS);
            return;
        }
        if (defcount && total < code->co_argcount && total >= code->co_argcount - defcount) {
            specialize(instr, CALL_PY_WITH_DEFAULTS);
            return;
        }
        goto fail;
    }
    if (Py_IS_TYPE(callable, &PyMethod_Type) && !is_meth) {
        PyObject *f = ((PyMethodObject *)callable)->im_func;
        if (kwnames != NULL || !PyFunction_Check(f) || !simple_function((PyFunctionObject *)f))
            goto fail;
        PyCodeObject *code = (PyCodeObject *)((PyFunctionObject *)f)->func_code;
        if (code->co_argcount != nargs + 1) goto fail;
        write_u32(&instr[2], ((PyFunctionObject *)f)->func_version);
        specialize(instr, CALL_BOUND_METHOD_EXACT_ARGS);
        return;
    }
    if (PyCFunction_CheckExact(callable)) {
        int flags = PyCFunction_GET_FLAGS(callable);
        PyMethodDef *ml = ((PyCFunctionObject *)callable)->m_ml;
        if (flags == METH_O) {
            if (kwnames != NULL || total != 1) goto fail;
            specialize(instr, ml == _PyEval_LenDef ? CALL_LEN : CALL_BUILTIN_O);
            return;
        }
        if (flags == METH_FASTCALL) {
            if (kwnames != NULL) goto fail;
            if (ml == _PyEval_IsinstanceDef && total == 2) {
                specialize(instr, CALL_ISINSTANCE);
                return;
            }
            specialize(instr, CALL_BUILTIN_FAST);
            return;
        }
        if (flags == (METH_FASTCALL | METH_KEYWORDS)) {
            specialize(instr, CALL_BUILTIN_FAST_WITH_KEYWORDS);
            return;
        }
        goto fail;
    }
    if (Py_IS_TYPE(callable, &PyMethodDescr_Type) && is_meth) {
        PyMethodDescrObject *descr = (PyMethodDescrObject *)callable;
        int flags = descr->d_method->ml_flags;
        if (flags == METH_O) {
            if (kwnames != NULL || total != 2) goto fail;
            if (callable == _PyEval_ListAppendDescr && instr[4].op.code == POP_TOP) {
                specialize(instr, CALL_LIST_APPEND);
                return;
            }
            specialize(instr, CALL_METHOD_DESCRIPTOR_O);
            return;
        }
        if (flags == METH_NOARGS) {
            if (kwnames != NULL || total != 1) goto fail;
            specialize(instr, CALL_METHOD_DESCRIPTOR_NOARGS);
            return;
        }
        if (flags == METH_FASTCALL) {
            if (kwnames != NULL) goto fail;
            specialize(instr, CALL_METHOD_DESCRIPTOR_FAST);
            return;
        }
        if (flags == (METH_FASTCALL | METH_KEYWORDS)) {
            specialize(instr, CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS);
            return;
        }
        goto fail;
    }
    if (PyType_Check(callable) && !is_meth) {
        PyTypeObject *tp = (PyTypeObject *)callable;
        if (tp == &PyType_Type && nargs == 1 && kwnames == NULL) {
            specialize(instr, CALL_TYPE_1);
            return;
        }
        if (Py_TYPE(tp) == &PyType_Type && (tp->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) &&
            tp->tp_vectorcall != NULL) {
            specialize(instr, CALL_BUILTIN_CLASS);
            return;
        }
    }
fail:
    unspecialize(instr);
}
