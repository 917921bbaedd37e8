/* compile.c -- code generation: AST + symbol table -> instruction sequence.
 *
 * This follows CPython 3.12's Python/compile.c decision for decision,
 * because the goal is byte-identical bytecode (dis output, co_consts
 * order, line table).  The pipeline for one code object ("unit"):
 *
 *   compiler_enter_scope   new unit: metadata dicts (consts, names,
 *                          varnames, cellvars, freevars), RESUME
 *   visit statements       emit instructions into an instr_sequence;
 *                          jumps refer to integer labels; pseudo ops
 *                          (JUMP, SETUP_FINALLY, POP_BLOCK, LOAD_METHOD
 *                          ...) are resolved later
 *   optimize_and_assemble  implicit "return None", then flowgraph.c
 *                          (CFG, optimisations, stack depth, locals
 *                          prefix) and assemble.c (code object)
 *
 * Control flow that must run cleanup code on break/continue/return (loops
 * with iterators, try/finally, with, except handlers) is tracked in the
 * "frame block" stack (u_fblock); unwinding emits the cleanup inline.
 *
 * Constants are de-duplicated per unit by a key that distinguishes types
 * (1, 1.0, True are different constants) and merged across units through
 * a per-compilation cache, like CPython's _PyCode_ConstantKey.
 *
 * Expressions, calls, comprehensions and pattern matching live in
 * compile_expr.c.
 */
#include "pycore.h"
#include "rp_object.h"
#include "refpy/complexobject.h"
#include "compiler.h"
#include <math.h>
#include <string.h>
#include <stdarg.h>


#define STACK_USE_GUIDELINE 30

/* ====================== instruction sequence ======================= */
int
_RpCompile_EnsureArray(int idx, void **array, int *alloc, int default_alloc, size_t item_size)
{
    void *arr = *array;
    if (arr == NULL) {
        int new_alloc = default_alloc;
        if (idx >= new_alloc) new_alloc = idx + default_alloc;
        arr = PyMem_Calloc(new_alloc, item_size);
        if (arr == NULL) { PyErr_NoMemory(); return ERROR; }
        *alloc = new_alloc;
    }
    else if (idx >= *alloc) {
        size_t oldsize = *alloc * item_size;
        int new_alloc = *alloc << 1;
        if (idx >= new_alloc) new_alloc = idx + default_alloc;
        size_t newsize = new_alloc * item_size;
        if (oldsize > (SIZE_MAX >> 1)) { PyErr_NoMemory(); return ERROR; }
        void *tmp = PyMem_Realloc(arr, newsize);
        if (tmp == NULL) { PyErr_NoMemory(); return ERROR; }
        arr = tmp;
        memset((char *)arr + oldsize, 0, newsize - oldsize);
        *alloc = new_alloc;
    }
    *array = arr;
    return SUCCESS;
}

int
_RpSeq_NewLabel(instr_sequence *seq)
{
    return seq->s_nlabels++;
}

int
_RpSeq_UseLabel(instr_sequence *seq, int lbl)
{
    int old_size = seq->s_labelmap_size;
    RETURN_IF_ERROR(_RpCompile_EnsureArray(lbl, (void **)&seq->s_labelmap,
                                           &seq->s_labelmap_size, 10, sizeof(int)));
    for (int i = old_size; i < seq->s_labelmap_size; i++)
        seq->s_labelmap[i] = -111;   /* something weird, for debugging */
    seq->s_labelmap[lbl] = seq->s_used;
    return SUCCESS;
}

int
_RpSeq_Addop(instr_sequence *seq, int opcode, int oparg, location loc)
{
    RETURN_IF_ERROR(_RpCompile_EnsureArray(seq->s_used + 1, (void **)&seq->s_instrs,
                                           &seq->s_allocated, 100, sizeof(rp_instr)));
    rp_instr *ci = &seq->s_instrs[seq->s_used++];
    memset(ci, 0, sizeof(*ci));
    ci->i_opcode = opcode;
    ci->i_oparg = oparg;
    ci->i_loc = loc;
    return SUCCESS;
}

static int
seq_insert_instruction(instr_sequence *seq, int pos, int opcode, int oparg, location loc)
{
    RETURN_IF_ERROR(_RpSeq_Addop(seq, 0, 0, NO_LOCATION));
    for (int i = seq->s_used - 1; i > pos; i--)
        seq->s_instrs[i] = seq->s_instrs[i - 1];
    rp_instr *ci = &seq->s_instrs[pos];
    memset(ci, 0, sizeof(*ci));
    ci->i_opcode = opcode;
    ci->i_oparg = oparg;
    ci->i_loc = loc;
    for (int lbl = 0; lbl < seq->s_labelmap_size; lbl++) {
        if (seq->s_labelmap[lbl] >= pos)
            seq->s_labelmap[lbl]++;
    }
    return SUCCESS;
}

void
_RpSeq_Fini(instr_sequence *seq)
{
    PyMem_Free(seq->s_labelmap);
    seq->s_labelmap = NULL;
    PyMem_Free(seq->s_instrs);
    seq->s_instrs = NULL;
}

/* ========================== basic emitters ========================= */
int
_RpC_Addop(struct compiler *c, location loc, int opcode)
{
    return _RpSeq_Addop(INSTR_SEQUENCE(c), opcode, 0, loc);
}

int
_RpC_AddopI(struct compiler *c, location loc, int opcode, Py_ssize_t oparg)
{
    /* oparg fits in 32 bits in every real program */
    return _RpSeq_Addop(INSTR_SEQUENCE(c), opcode, (int)oparg, loc);
}

int
_RpC_AddopJump(struct compiler *c, location loc, int opcode, int label)
{
    return _RpSeq_Addop(INSTR_SEQUENCE(c), opcode, label, loc);
}

int
_RpC_NewLabel(struct compiler *c)
{
    return _RpSeq_NewLabel(INSTR_SEQUENCE(c));
}

int
_RpC_UseLabel(struct compiler *c, int label)
{
    return _RpSeq_UseLabel(INSTR_SEQUENCE(c), label);
}

Py_ssize_t
_RpC_DictAdd(PyObject *dict, PyObject *o)
{
    PyObject *v = PyDict_GetItemWithError(dict, o);
    Py_ssize_t arg;
    if (!v) {
        if (PyErr_Occurred()) return ERROR;
        arg = PyDict_Size(dict);
        v = PyLong_FromSsize_t(arg);
        if (!v) return ERROR;
        if (PyDict_SetItem(dict, o, v) < 0) { Py_DECREF(v); return ERROR; }
        Py_DECREF(v);
    }
    else {
        arg = PyLong_AsSsize_t(v);
    }
    return arg;
}

/* ============================== constants ============================ */
PyObject *
_RpCompile_ConstKey(PyObject *op)
{
    PyObject *key;
    if (op == Py_None || op == Py_Ellipsis || PyLong_CheckExact(op) ||
        PyUnicode_CheckExact(op) || PyCode_Check(op)) {
        key = Py_NewRef(op);
    }
    else if (PyBool_Check(op) || PyBytes_CheckExact(op)) {
        key = PyTuple_Pack(2, (PyObject *)Py_TYPE(op), op);
    }
    else if (PyFloat_CheckExact(op)) {
        double d = PyFloat_AS_DOUBLE(op);
        if (d == 0.0 && copysign(1.0, d) < 0.0)
            key = PyTuple_Pack(3, (PyObject *)Py_TYPE(op), op, Py_None);
        else
            key = PyTuple_Pack(2, (PyObject *)Py_TYPE(op), op);
    }
    else if (PyComplex_CheckExact(op)) {
        /* the four complex zeros (and x+-0j, -0+-yj) must stay distinct:
           True / False / None tag the signs */
        Py_complex z = PyComplex_AsCComplex(op);
        int real_negzero = z.real == 0.0 && copysign(1.0, z.real) < 0.0;
        int imag_negzero = z.imag == 0.0 && copysign(1.0, z.imag) < 0.0;
        if (real_negzero && imag_negzero)
            key = PyTuple_Pack(3, (PyObject *)Py_TYPE(op), op, Py_True);
        else if (imag_negzero)
            key = PyTuple_Pack(3, (PyObject *)Py_TYPE(op), op, Py_False);
        else if (real_negzero)
            key = PyTuple_Pack(3, (PyObject *)Py_TYPE(op), op, Py_None);
        else
            key = PyTuple_Pack(2, (PyObject *)Py_TYPE(op), op);
    }
    else if (PyTuple_CheckExact(op)) {
        Py_ssize_t len = PyTuple_GET_SIZE(op);
        PyObject *tuple = PyTuple_New(len);
        if (tuple == NULL) return NULL;
        for (Py_ssize_t i = 0; i < len; i++) {
            PyObject *item_key = _RpCompile_ConstKey(PyTuple_GET_ITEM(op, i));
            if (item_key == NULL) { Py_DECREF(tuple); return NULL; }
            PyTuple_SET_ITEM(tuple, i, item_key);
        }
        key = PyTuple_Pack(2, tuple, op);
        Py_DECREF(tuple);
    }
    else if (PyFrozenSet_CheckExact(op)) {
        Py_ssize_t pos = 0;
        PyObject *item;
        Py_hash_t hash;
        PyObject *set = PySet_New(NULL);
        if (set == NULL) return NULL;
        while (_PySet_NextEntry(op, &pos, &item, &hash)) {
            PyObject *item_key = _RpCompile_ConstKey(item);
            if (item_key == NULL || PySet_Add(set, item_key) < 0) {
                Py_XDECREF(item_key);
                Py_DECREF(set);
                return NULL;
            }
            Py_DECREF(item_key);
        }
        PyObject *fs = PyFrozenSet_New(set);
        Py_DECREF(set);
        if (fs == NULL) return NULL;
        key = PyTuple_Pack(2, fs, op);
        Py_DECREF(fs);
    }
    else {
        PyObject *obj_id = PyLong_FromSsize_t((Py_ssize_t)(uintptr_t)op);
        if (obj_id == NULL) return NULL;
        key = PyTuple_Pack(2, obj_id, op);
        Py_DECREF(obj_id);
    }
    return key;
}

/* Returns the (new) key of the canonical constant for o. */
static PyObject *
merge_consts_recursive(PyObject *const_cache, PyObject *o)
{
    if (o == Py_None || o == Py_Ellipsis)
        return Py_NewRef(o);
    PyObject *key = _RpCompile_ConstKey(o);
    if (key == NULL) return NULL;
    PyObject *t = PyDict_SetDefault(const_cache, key, key);
    if (t == NULL) { Py_DECREF(key); return NULL; }
    if (t != key) {
        Py_INCREF(t);
        Py_DECREF(key);
        return t;
    }
    if (PyTuple_CheckExact(o)) {
        Py_ssize_t len = PyTuple_GET_SIZE(o);
        for (Py_ssize_t i = 0; i < len; i++) {
            PyObject *item = PyTuple_GET_ITEM(o, i);
            PyObject *u = merge_consts_recursive(const_cache, item);
            if (u == NULL) { Py_DECREF(key); return NULL; }
            PyObject *v = PyTuple_CheckExact(u) ? PyTuple_GET_ITEM(u, 1) : u;
            if (v != item) {
                PyTuple_SET_ITEM(o, i, Py_NewRef(v));
                Py_DECREF(item);
            }
            Py_DECREF(u);
        }
    }
    return key;
}

int
_RpCompile_ConstCacheMergeOne(PyObject *const_cache, PyObject **obj)
{
    PyObject *key = merge_consts_recursive(const_cache, *obj);
    if (key == NULL) return ERROR;
    PyObject *t = PyTuple_CheckExact(key) ? PyTuple_GET_ITEM(key, 1) : key;
    Py_SETREF(*obj, Py_NewRef(t));
    Py_DECREF(key);
    return SUCCESS;
}

Py_ssize_t
_RpC_AddConst(struct compiler *c, PyObject *o)
{
    PyObject *key = merge_consts_recursive(c->c_const_cache, o);
    if (key == NULL) return ERROR;
    Py_ssize_t arg = _RpC_DictAdd(c->u->u_metadata.u_consts, key);
    Py_DECREF(key);
    return arg;
}

int
_RpC_AddopLoadConst(struct compiler *c, location loc, PyObject *o)
{
    Py_ssize_t arg = _RpC_AddConst(c, o);
    if (arg < 0) return ERROR;
    return _RpC_AddopI(c, loc, LOAD_CONST, arg);
}

int
_RpC_AddopLoadConstNew(struct compiler *c, location loc, PyObject *o)
{
    if (o == NULL) return ERROR;
    int r = _RpC_AddopLoadConst(c, loc, o);
    Py_DECREF(o);
    return r;
}

int
_RpC_AddopN(struct compiler *c, location loc, int opcode, PyObject *dict, PyObject *o)
{
    Py_ssize_t arg = _RpC_DictAdd(dict, o);
    if (arg < 0) return ERROR;
    return _RpC_AddopI(c, loc, opcode, arg);
}

int
_RpC_AddopName(struct compiler *c, location loc, int opcode, PyObject *dict, PyObject *o)
{
    PyObject *mangled = _RpMaybeMangle(c->u->u_private, c->u->u_ste, o);
    if (!mangled) return ERROR;
    Py_ssize_t arg = _RpC_DictAdd(dict, mangled);
    Py_DECREF(mangled);
    if (arg < 0) return ERROR;
    if (opcode == LOAD_ATTR) {
        arg <<= 1;
    }
    else if (opcode == LOAD_METHOD) {
        opcode = LOAD_ATTR;
        arg <<= 1;
        arg |= 1;
    }
    else if (opcode == LOAD_SUPER_ATTR) {
        arg <<= 2;
        arg |= 2;
    }
    else if (opcode == LOAD_SUPER_METHOD) {
        opcode = LOAD_SUPER_ATTR;
        arg <<= 2;
        arg |= 3;
    }
    else if (opcode == LOAD_ZERO_SUPER_ATTR) {
        opcode = LOAD_SUPER_ATTR;
        arg <<= 2;
    }
    else if (opcode == LOAD_ZERO_SUPER_METHOD) {
        opcode = LOAD_SUPER_ATTR;
        arg <<= 2;
        arg |= 1;
    }
    return _RpC_AddopI(c, loc, opcode, arg);
}

/* ============================== errors =============================== */
int
_RpC_Error(struct compiler *c, location loc, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *msg = PyUnicode_FromFormatV(fmt, va);
    va_end(va);
    if (msg == NULL) return ERROR;
    const char *s = PyUnicode_AsUTF8(msg);
    if (s != NULL)
        _RpCompile_SyntaxError(c->c_filename, 1, s, loc.lineno, loc.col_offset,
                               loc.end_lineno, loc.end_col_offset);
    Py_DECREF(msg);
    return ERROR;
}

int
_RpC_Warn(struct compiler *c, location loc, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *msg = PyUnicode_FromFormatV(fmt, va);
    va_end(va);
    if (msg == NULL) return ERROR;
    if (PyErr_WarnExplicitObject(PyExc_SyntaxWarning, msg, c->c_filename, loc.lineno,
                                 NULL, NULL) < 0) {
        if (PyErr_ExceptionMatches(PyExc_SyntaxWarning)) {
            /* Turn the warning-as-error into a SyntaxError at the location. */
            PyErr_Clear();
            const char *s = PyUnicode_AsUTF8(msg);
            if (s)
                _RpCompile_SyntaxError(c->c_filename, 1, s, loc.lineno, loc.col_offset,
                                       loc.end_lineno, loc.end_col_offset);
        }
        Py_DECREF(msg);
        return ERROR;
    }
    Py_DECREF(msg);
    return SUCCESS;
}

int
_RpC_ForbiddenName(struct compiler *c, location loc, PyObject *name, expr_context_ty ctx)
{
    if (ctx == Store && _PyUnicode_EqualToASCIIString(name, "__debug__")) {
        _RpC_Error(c, loc, "cannot assign to __debug__");
        return 1;
    }
    if (ctx == Del && _PyUnicode_EqualToASCIIString(name, "__debug__")) {
        _RpC_Error(c, loc, "cannot delete __debug__");
        return 1;
    }
    return 0;
}

/* ============================== scopes ================================ */
static PyObject *
list2dict(PyObject *list)
{
    PyObject *dict = PyDict_New();
    if (!dict) return NULL;
    Py_ssize_t n = PyList_Size(list);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(i);
        if (!v || PyDict_SetItem(dict, PyList_GET_ITEM(list, i), v) < 0) {
            Py_XDECREF(v);
            Py_DECREF(dict);
            return NULL;
        }
        Py_DECREF(v);
    }
    return dict;
}

static int
cmp_unicode_ptr(const void *a, const void *b)
{
    PyObject *x = *(PyObject *const *)a, *y = *(PyObject *const *)b;
    return PyUnicode_Compare(x, y);
}

/* Names with the given scope (or flag) sorted by name -> index + offset. */
static PyObject *
dictbytype(PyObject *src, int scope_type, int flag, Py_ssize_t offset)
{
    PyObject *dest = PyDict_New();
    if (!dest) return NULL;
    PyObject *keys = PyDict_Keys(src);
    if (!keys) { Py_DECREF(dest); return NULL; }
    Py_ssize_t n = PyList_GET_SIZE(keys);
    PyObject **arr = PyMem_Malloc((n ? n : 1) * sizeof(PyObject *));
    if (arr == NULL) { Py_DECREF(keys); Py_DECREF(dest); PyErr_NoMemory(); return NULL; }
    for (Py_ssize_t i = 0; i < n; i++) arr[i] = PyList_GET_ITEM(keys, i);
    qsort(arr, n, sizeof(PyObject *), cmp_unicode_ptr);
    Py_ssize_t scope, i = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *key = arr[k];
        long vi = PyLong_AsLong(PyDict_GetItem(src, key));
        scope = (vi >> SCOPE_OFFSET) & SCOPE_MASK;
        if (scope == scope_type || (vi & flag)) {
            PyObject *item = PyLong_FromSsize_t(i + offset);
            if (item == NULL || PyDict_SetItem(dest, key, item) < 0) {
                Py_XDECREF(item);
                PyMem_Free(arr);
                Py_DECREF(keys);
                Py_DECREF(dest);
                return NULL;
            }
            Py_DECREF(item);
            i++;
        }
    }
    PyMem_Free(arr);
    Py_DECREF(keys);
    return dest;
}

static void
compiler_unit_free(struct compiler_unit *u)
{
    _RpSeq_Fini(&u->u_instr_sequence);
    Py_CLEAR(u->u_metadata.u_name);
    Py_CLEAR(u->u_metadata.u_qualname);
    Py_CLEAR(u->u_metadata.u_consts);
    Py_CLEAR(u->u_metadata.u_names);
    Py_CLEAR(u->u_metadata.u_varnames);
    Py_CLEAR(u->u_metadata.u_freevars);
    Py_CLEAR(u->u_metadata.u_cellvars);
    Py_CLEAR(u->u_metadata.u_fasthidden);
    Py_CLEAR(u->u_private);
    PyMem_Free(u);
}

static int
compiler_set_qualname(struct compiler *c)
{
    struct compiler_unit *u = c->u;
    PyObject *name, *base = NULL;
    int stack_size = c->c_nstack;
    if (stack_size > 1) {
        int scope, force_global = 0;
        struct compiler_unit *parent = c->c_stack[stack_size - 1];
        if (parent->u_scope_type == COMPILER_SCOPE_TYPEPARAMS) {
            if (stack_size == 2) {
                u->u_metadata.u_qualname = Py_NewRef(u->u_metadata.u_name);
                return SUCCESS;
            }
            parent = c->c_stack[stack_size - 2];
        }
        if (u->u_scope_type == COMPILER_SCOPE_FUNCTION ||
            u->u_scope_type == COMPILER_SCOPE_ASYNC_FUNCTION ||
            u->u_scope_type == COMPILER_SCOPE_CLASS) {
            PyObject *mangled = _RpMangle(parent->u_private, u->u_metadata.u_name);
            if (!mangled) return ERROR;
            scope = _RpST_GetScope(parent->u_ste, mangled);
            Py_DECREF(mangled);
            if (scope == GLOBAL_EXPLICIT) force_global = 1;
        }
        if (!force_global) {
            if (parent->u_scope_type == COMPILER_SCOPE_FUNCTION ||
                parent->u_scope_type == COMPILER_SCOPE_ASYNC_FUNCTION ||
                parent->u_scope_type == COMPILER_SCOPE_LAMBDA) {
                base = PyUnicode_Concat(parent->u_metadata.u_qualname, _Py_STR(".<locals>"));
                if (base == NULL) return ERROR;
            }
            else {
                base = Py_NewRef(parent->u_metadata.u_qualname);
            }
        }
    }
    if (base != NULL) {
        name = PyUnicode_FromFormat("%U.%U", base, u->u_metadata.u_name);
        Py_DECREF(base);
        if (name == NULL) return ERROR;
    }
    else {
        name = Py_NewRef(u->u_metadata.u_name);
    }
    u->u_metadata.u_qualname = name;
    return SUCCESS;
}

int
_RpC_EnterScope(struct compiler *c, PyObject *name, int scope_type, void *key, int lineno)
{
    location loc = LOCATION(lineno, lineno, 0, 0);
    struct compiler_unit *u = PyMem_Calloc(1, sizeof(struct compiler_unit));
    if (!u) { PyErr_NoMemory(); return ERROR; }
    u->u_scope_type = scope_type;
    u->u_ste = _RpSymtable_Lookup(c->c_st, key);
    if (!u->u_ste) { compiler_unit_free(u); return ERROR; }
    u->u_metadata.u_name = Py_NewRef(name);
    u->u_metadata.u_varnames = list2dict(u->u_ste->ste_varnames);
    if (!u->u_metadata.u_varnames) { compiler_unit_free(u); return ERROR; }
    u->u_metadata.u_cellvars = dictbytype(u->u_ste->ste_symbols, CELL, DEF_COMP_CELL, 0);
    if (!u->u_metadata.u_cellvars) { compiler_unit_free(u); return ERROR; }
    if (u->u_ste->ste_needs_class_closure) {
        if (_RpC_DictAdd(u->u_metadata.u_cellvars, _Py_ID(__class__)) < 0) {
            compiler_unit_free(u);
            return ERROR;
        }
    }
    if (u->u_ste->ste_needs_classdict) {
        if (_RpC_DictAdd(u->u_metadata.u_cellvars, _Py_ID(__classdict__)) < 0) {
            compiler_unit_free(u);
            return ERROR;
        }
    }
    u->u_metadata.u_freevars = dictbytype(u->u_ste->ste_symbols, FREE, DEF_FREE_CLASS,
                                          PyDict_Size(u->u_metadata.u_cellvars));
    u->u_metadata.u_fasthidden = PyDict_New();
    u->u_metadata.u_consts = PyDict_New();
    u->u_metadata.u_names = PyDict_New();
    if (!u->u_metadata.u_freevars || !u->u_metadata.u_fasthidden ||
        !u->u_metadata.u_consts || !u->u_metadata.u_names) {
        compiler_unit_free(u);
        return ERROR;
    }
    u->u_metadata.u_firstlineno = lineno;
    if (c->u) {
        if (c->c_nstack == c->c_astack) {
            int n = c->c_astack ? c->c_astack * 2 : 8;
            void *a = PyMem_Realloc(c->c_stack, n * sizeof(struct compiler_unit *));
            if (a == NULL) { compiler_unit_free(u); PyErr_NoMemory(); return ERROR; }
            c->c_stack = a;
            c->c_astack = n;
        }
        c->c_stack[c->c_nstack++] = c->u;
        u->u_private = Py_XNewRef(c->u->u_private);
    }
    c->u = u;
    c->c_nestlevel++;
    if (u->u_scope_type == COMPILER_SCOPE_MODULE) {
        loc.lineno = 0;
    }
    else {
        RETURN_IF_ERROR(compiler_set_qualname(c));
    }
    ADDOP_I(c, loc, RESUME, 0);
    return SUCCESS;
}

void
_RpC_ExitScope(struct compiler *c)
{
    PyObject *exc = PyErr_GetRaisedException();
    c->c_nestlevel--;
    compiler_unit_free(c->u);
    if (c->c_nstack > 0)
        c->u = c->c_stack[--c->c_nstack];
    else
        c->u = NULL;
    PyErr_SetRaisedException(exc);
}

int
_RpC_IsTopLevelAwait(struct compiler *c)
{
    return (c->c_flags & PyCF_ALLOW_TOP_LEVEL_AWAIT) && c->u->u_ste->ste_type == ModuleBlock;
}

/* ============================ frame blocks ============================ */
int
_RpC_PushFblock(struct compiler *c, location loc, enum fblocktype t, int block_label,
                int exit_label, void *datum)
{
    if (c->u->u_nfblocks >= COMPILER_MAXBLOCKS)
        return _RpC_Error(c, loc, "too many statically nested blocks");
    struct fblockinfo *f = &c->u->u_fblock[c->u->u_nfblocks++];
    f->fb_type = t;
    f->fb_block = block_label;
    f->fb_loc = loc;
    f->fb_exit = exit_label;
    f->fb_datum = datum;
    return SUCCESS;
}

void
_RpC_PopFblock(struct compiler *c, enum fblocktype t, int block_label)
{
    c->u->u_nfblocks--;
}

static int
compiler_call_exit_with_nones(struct compiler *c, location loc)
{
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADDOP_I(c, loc, CALL, 2);
    return SUCCESS;
}

int
_RpC_AddYieldFrom(struct compiler *c, location loc, int await)
{
    NEW_JUMP_TARGET_LABEL(c, send);
    NEW_JUMP_TARGET_LABEL(c, fail);
    NEW_JUMP_TARGET_LABEL(c, exit);
    USE_LABEL(c, send);
    ADDOP_JUMP(c, loc, SEND, exit);
    ADDOP_JUMP(c, loc, SETUP_FINALLY, fail);
    ADDOP_I(c, loc, YIELD_VALUE, 0);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    ADDOP_I(c, loc, RESUME, await ? 3 : 2);
    ADDOP_JUMP(c, loc, JUMP_NO_INTERRUPT, send);
    USE_LABEL(c, fail);
    ADDOP(c, loc, CLEANUP_THROW);
    USE_LABEL(c, exit);
    ADDOP(c, loc, END_SEND);
    return SUCCESS;
}

int
_RpC_AddopYield(struct compiler *c, location loc)
{
    if (c->u->u_ste->ste_generator && c->u->u_ste->ste_coroutine)
        ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_ASYNC_GEN_WRAP);
    ADDOP_I(c, loc, YIELD_VALUE, 0);
    ADDOP_I(c, loc, RESUME, 1);
    return SUCCESS;
}

#define POP_EXCEPT_AND_RERAISE(C, LOC) do { \
        ADDOP_I((C), (LOC), COPY, 3); \
        ADDOP((C), (LOC), POP_EXCEPT); \
        ADDOP_I((C), (LOC), RERAISE, 1); \
    } while (0)

static int
compiler_unwind_fblock(struct compiler *c, location *ploc, struct fblockinfo *info,
                       int preserve_tos)
{
    switch (info->fb_type) {
    case WHILE_LOOP:
    case EXCEPTION_HANDLER:
    case EXCEPTION_GROUP_HANDLER:
    case ASYNC_COMPREHENSION_GENERATOR:
    case STOP_ITERATION:
        return SUCCESS;
    case FOR_LOOP:
        if (preserve_tos) ADDOP_I(c, *ploc, SWAP, 2);
        ADDOP(c, *ploc, POP_TOP);
        return SUCCESS;
    case TRY_EXCEPT:
        ADDOP(c, *ploc, POP_BLOCK);
        return SUCCESS;
    case FINALLY_TRY:
        ADDOP(c, *ploc, POP_BLOCK);
        if (preserve_tos)
            RETURN_IF_ERROR(_RpC_PushFblock(c, *ploc, POP_VALUE, NO_LABEL, NO_LABEL, NULL));
        VISIT_SEQ(c, Stmt, info->fb_datum);
        if (preserve_tos) _RpC_PopFblock(c, POP_VALUE, NO_LABEL);
        *ploc = NO_LOCATION;
        return SUCCESS;
    case FINALLY_END:
        if (preserve_tos) ADDOP_I(c, *ploc, SWAP, 2);
        ADDOP(c, *ploc, POP_TOP);
        if (preserve_tos) ADDOP_I(c, *ploc, SWAP, 2);
        ADDOP(c, *ploc, POP_BLOCK);
        ADDOP(c, *ploc, POP_EXCEPT);
        return SUCCESS;
    case WITH:
    case ASYNC_WITH:
        *ploc = LOC((stmt_ty)info->fb_datum);
        ADDOP(c, *ploc, POP_BLOCK);
        if (preserve_tos) ADDOP_I(c, *ploc, SWAP, 2);
        RETURN_IF_ERROR(compiler_call_exit_with_nones(c, *ploc));
        if (info->fb_type == ASYNC_WITH) {
            ADDOP_I(c, *ploc, GET_AWAITABLE, 2);
            ADDOP_LOAD_CONST(c, *ploc, Py_None);
            ADD_YIELD_FROM(c, *ploc, 1);
        }
        ADDOP(c, *ploc, POP_TOP);
        *ploc = NO_LOCATION;
        return SUCCESS;
    case HANDLER_CLEANUP:
        if (info->fb_datum) ADDOP(c, *ploc, POP_BLOCK);
        if (preserve_tos) ADDOP_I(c, *ploc, SWAP, 2);
        ADDOP(c, *ploc, POP_BLOCK);
        ADDOP(c, *ploc, POP_EXCEPT);
        if (info->fb_datum) {
            ADDOP_LOAD_CONST(c, *ploc, Py_None);
            RETURN_IF_ERROR(_RpC_Nameop(c, *ploc, info->fb_datum, Store));
            RETURN_IF_ERROR(_RpC_Nameop(c, *ploc, info->fb_datum, Del));
        }
        return SUCCESS;
    case POP_VALUE:
        if (preserve_tos) ADDOP_I(c, *ploc, SWAP, 2);
        ADDOP(c, *ploc, POP_TOP);
        return SUCCESS;
    }
    PyErr_SetString(PyExc_SystemError, "unknown frame block");
    return ERROR;
}

int
_RpC_UnwindFblockStack(struct compiler *c, location *ploc, int preserve_tos,
                       struct fblockinfo **loop)
{
    if (c->u->u_nfblocks == 0) return SUCCESS;
    struct fblockinfo *top = &c->u->u_fblock[c->u->u_nfblocks - 1];
    if (top->fb_type == EXCEPTION_GROUP_HANDLER)
        return _RpC_Error(c, *ploc,
                          "'break', 'continue' and 'return' cannot appear in an except* block");
    if (loop != NULL && (top->fb_type == WHILE_LOOP || top->fb_type == FOR_LOOP)) {
        *loop = top;
        return SUCCESS;
    }
    struct fblockinfo copy = *top;
    c->u->u_nfblocks--;
    RETURN_IF_ERROR(compiler_unwind_fblock(c, ploc, &copy, preserve_tos));
    RETURN_IF_ERROR(_RpC_UnwindFblockStack(c, ploc, preserve_tos, loop));
    c->u->u_fblock[c->u->u_nfblocks] = copy;
    c->u->u_nfblocks++;
    return SUCCESS;
}

/* ============================== names ================================= */
int
_RpC_Nameop(struct compiler *c, location loc, PyObject *name, expr_context_ty ctx)
{
    int op = 0, scope;
    Py_ssize_t arg;
    enum { OP_FAST, OP_GLOBAL, OP_DEREF, OP_NAME } optype;
    PyObject *dict = c->u->u_metadata.u_names;

    if (_RpC_ForbiddenName(c, loc, name, ctx)) return ERROR;
    PyObject *mangled = _RpMaybeMangle(c->u->u_private, c->u->u_ste, name);
    if (!mangled) return ERROR;

    optype = OP_NAME;
    scope = _RpST_GetScope(c->u->u_ste, mangled);
    switch (scope) {
    case FREE:
        dict = c->u->u_metadata.u_freevars;
        optype = OP_DEREF;
        break;
    case CELL:
        dict = c->u->u_metadata.u_cellvars;
        optype = OP_DEREF;
        break;
    case LOCAL:
        if (_RpST_IsFunctionLike(c->u->u_ste) ||
            PyDict_GetItem(c->u->u_metadata.u_fasthidden, mangled) == Py_True)
            optype = OP_FAST;
        break;
    case GLOBAL_IMPLICIT:
        if (_RpST_IsFunctionLike(c->u->u_ste))
            optype = OP_GLOBAL;
        break;
    case GLOBAL_EXPLICIT:
        optype = OP_GLOBAL;
        break;
    default:
        break;
    }

    switch (optype) {
    case OP_DEREF:
        switch (ctx) {
        case Load:
            if (c->u->u_ste->ste_type == ClassBlock && !c->u->u_in_inlined_comp) {
                op = LOAD_FROM_DICT_OR_DEREF;
                if (_RpC_Addop(c, loc, LOAD_LOCALS) < 0) goto error;
            }
            else if (c->u->u_ste->ste_can_see_class_scope) {
                op = LOAD_FROM_DICT_OR_DEREF;
                if (_RpC_AddopN(c, loc, LOAD_DEREF, c->u->u_metadata.u_freevars,
                                _Py_ID(__classdict__)) < 0)
                    goto error;
            }
            else {
                op = LOAD_DEREF;
            }
            break;
        case Store: op = STORE_DEREF; break;
        case Del: op = DELETE_DEREF; break;
        }
        break;
    case OP_FAST:
        switch (ctx) {
        case Load: op = LOAD_FAST; break;
        case Store: op = STORE_FAST; break;
        case Del: op = DELETE_FAST; break;
        }
        {
            int r = _RpC_AddopN(c, loc, op, c->u->u_metadata.u_varnames, mangled);
            Py_DECREF(mangled);
            return r;
        }
    case OP_GLOBAL:
        switch (ctx) {
        case Load:
            if (c->u->u_ste->ste_can_see_class_scope && scope == GLOBAL_IMPLICIT) {
                op = LOAD_FROM_DICT_OR_GLOBALS;
                if (_RpC_AddopN(c, loc, LOAD_DEREF, c->u->u_metadata.u_freevars,
                                _Py_ID(__classdict__)) < 0)
                    goto error;
            }
            else {
                op = LOAD_GLOBAL;
            }
            break;
        case Store: op = STORE_GLOBAL; break;
        case Del: op = DELETE_GLOBAL; break;
        }
        break;
    case OP_NAME:
        switch (ctx) {
        case Load:
            op = (c->u->u_ste->ste_type == ClassBlock && c->u->u_in_inlined_comp)
                 ? LOAD_GLOBAL : LOAD_NAME;
            break;
        case Store: op = STORE_NAME; break;
        case Del: op = DELETE_NAME; break;
        }
        break;
    }
    arg = _RpC_DictAdd(dict, mangled);
    Py_DECREF(mangled);
    if (arg < 0) return ERROR;
    if (op == LOAD_GLOBAL) arg <<= 1;
    return _RpC_AddopI(c, loc, op, arg);
error:
    Py_DECREF(mangled);
    return ERROR;
}

/* ============================ docstrings ============================== */
PyObject *
_RpAST_GetDocString(asdl_stmt_seq *body)
{
    if (!asdl_seq_LEN(body)) return NULL;
    stmt_ty st = (stmt_ty)asdl_seq_GET(body, 0);
    if (st->kind != Expr_kind) return NULL;
    expr_ty e = st->v.Expr.value;
    if (e->kind == Constant_kind && PyUnicode_CheckExact(e->v.Constant.value))
        return e->v.Constant.value;
    return NULL;
}

/* ============================ statements ============================== */
static int
find_ann(asdl_stmt_seq *stmts)
{
    int res = 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(stmts); i++) {
        stmt_ty st = (stmt_ty)asdl_seq_GET(stmts, i);
        switch (st->kind) {
        case AnnAssign_kind:
            return 1;
        case For_kind:
        case AsyncFor_kind:
            res = find_ann(st->v.For.body) || find_ann(st->v.For.orelse);
            break;
        case While_kind:
            res = find_ann(st->v.While.body) || find_ann(st->v.While.orelse);
            break;
        case If_kind:
            res = find_ann(st->v.If.body) || find_ann(st->v.If.orelse);
            break;
        case With_kind:
        case AsyncWith_kind:
            res = find_ann(st->v.With.body);
            break;
        case Try_kind:
        case TryStar_kind:
            for (Py_ssize_t j = 0; j < asdl_seq_LEN(st->v.Try.handlers); j++) {
                excepthandler_ty h = (excepthandler_ty)asdl_seq_GET(st->v.Try.handlers, j);
                if (find_ann(h->v.ExceptHandler.body)) return 1;
            }
            res = find_ann(st->v.Try.body) || find_ann(st->v.Try.finalbody) ||
                  find_ann(st->v.Try.orelse);
            break;
        case Match_kind:
            for (Py_ssize_t j = 0; j < asdl_seq_LEN(st->v.Match.cases); j++) {
                match_case_ty mc = (match_case_ty)asdl_seq_GET(st->v.Match.cases, j);
                if (find_ann(mc->body)) return 1;
            }
            break;
        default:
            res = 0;
            break;
        }
        if (res) break;
    }
    return res;
}

static int
compiler_body(struct compiler *c, location loc, asdl_stmt_seq *stmts)
{
    Py_ssize_t i = 0;
    if (c->u->u_scope_type == COMPILER_SCOPE_MODULE && asdl_seq_LEN(stmts)) {
        stmt_ty st = (stmt_ty)asdl_seq_GET(stmts, 0);
        loc = LOC(st);
    }
    if (find_ann(stmts)) ADDOP(c, loc, SETUP_ANNOTATIONS);
    if (!asdl_seq_LEN(stmts)) return SUCCESS;
    if (c->c_optimize < 2) {
        PyObject *docstring = _RpAST_GetDocString(stmts);
        if (docstring) {
            i = 1;
            stmt_ty st = (stmt_ty)asdl_seq_GET(stmts, 0);
            VISIT(c, Expr, st->v.Expr.value);
            RETURN_IF_ERROR(_RpC_Nameop(c, NO_LOCATION, _Py_ID(__doc__), Store));
        }
    }
    for (; i < asdl_seq_LEN(stmts); i++)
        VISIT(c, Stmt, (stmt_ty)asdl_seq_GET(stmts, i));
    return SUCCESS;
}

static int
compiler_decorators(struct compiler *c, asdl_expr_seq *decos)
{
    VISIT_SEQ(c, Expr, decos);
    return SUCCESS;
}

static int
compiler_apply_decorators(struct compiler *c, asdl_expr_seq *decos)
{
    for (Py_ssize_t i = asdl_seq_LEN(decos) - 1; i > -1; i--) {
        location loc = LOC((expr_ty)asdl_seq_GET(decos, i));
        ADDOP_I(c, loc, CALL, 0);
    }
    return SUCCESS;
}

static int
compiler_visit_kwonlydefaults(struct compiler *c, location loc, asdl_arg_seq *kwonlyargs,
                              asdl_expr_seq *kw_defaults)
{
    PyObject *keys = NULL;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(kwonlyargs); i++) {
        arg_ty arg = asdl_seq_GET(kwonlyargs, i);
        expr_ty default_ = kw_defaults && i < asdl_seq_LEN(kw_defaults)
                           ? asdl_seq_GET(kw_defaults, i) : NULL;
        if (default_) {
            PyObject *mangled = _RpMaybeMangle(c->u->u_private, c->u->u_ste, arg->arg);
            if (!mangled) goto error;
            if (keys == NULL) {
                keys = PyList_New(0);
                if (keys == NULL) { Py_DECREF(mangled); return ERROR; }
            }
            int res = PyList_Append(keys, mangled);
            Py_DECREF(mangled);
            if (res < 0) goto error;
            if (_RpC_VisitExpr(c, default_) < 0) goto error;
        }
    }
    if (keys != NULL) {
        Py_ssize_t default_count = PyList_GET_SIZE(keys);
        PyObject *keys_tuple = PyList_AsTuple(keys);
        Py_DECREF(keys);
        ADDOP_LOAD_CONST_NEW(c, loc, keys_tuple);
        ADDOP_I(c, loc, BUILD_CONST_KEY_MAP, default_count);
        return 1;
    }
    return 0;
error:
    Py_XDECREF(keys);
    return ERROR;
}

int
_RpC_DefaultArguments(struct compiler *c, location loc, arguments_ty args)
{
    int funcflags = 0;
    if (args->defaults && asdl_seq_LEN(args->defaults) > 0) {
        VISIT_SEQ(c, Expr, args->defaults);
        ADDOP_I(c, loc, BUILD_TUPLE, asdl_seq_LEN(args->defaults));
        funcflags |= MAKE_FUNCTION_DEFAULTS;
    }
    if (args->kwonlyargs) {
        int res = compiler_visit_kwonlydefaults(c, loc, args->kwonlyargs, args->kw_defaults);
        RETURN_IF_ERROR(res);
        if (res > 0) funcflags |= MAKE_FUNCTION_KWDEFAULTS;
    }
    return funcflags;
}

static int
compiler_check_debug_one_arg(struct compiler *c, arg_ty arg)
{
    if (arg != NULL && _RpC_ForbiddenName(c, LOC(arg), arg->arg, Store)) return ERROR;
    return SUCCESS;
}

static int
compiler_check_debug_args_seq(struct compiler *c, asdl_arg_seq *args)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++)
        RETURN_IF_ERROR(compiler_check_debug_one_arg(c, asdl_seq_GET(args, i)));
    return SUCCESS;
}

int
_RpC_CheckDebugArgs(struct compiler *c, arguments_ty args)
{
    RETURN_IF_ERROR(compiler_check_debug_args_seq(c, args->posonlyargs));
    RETURN_IF_ERROR(compiler_check_debug_args_seq(c, args->args));
    RETURN_IF_ERROR(compiler_check_debug_one_arg(c, args->vararg));
    RETURN_IF_ERROR(compiler_check_debug_args_seq(c, args->kwonlyargs));
    RETURN_IF_ERROR(compiler_check_debug_one_arg(c, args->kwarg));
    return SUCCESS;
}

static int
compiler_visit_argannotation(struct compiler *c, PyObject *id, expr_ty annotation,
                             Py_ssize_t *annotations_len, location loc)
{
    if (!annotation) return SUCCESS;
    PyObject *mangled = _RpMaybeMangle(c->u->u_private, c->u->u_ste, id);
    if (!mangled) return ERROR;
    ADDOP_LOAD_CONST_NEW(c, loc, mangled);
    if (c->c_future_features & CO_FUTURE_ANNOTATIONS) {
        RETURN_IF_ERROR(_RpC_UnparseAnnotation(c, annotation));
    }
    else {
        if (annotation->kind == Starred_kind) {
            VISIT(c, Expr, annotation->v.Starred.value);
            ADDOP_I(c, loc, UNPACK_SEQUENCE, 1);
        }
        else {
            VISIT(c, Expr, annotation);
        }
    }
    *annotations_len += 2;
    return SUCCESS;
}

static int
compiler_visit_argannotations(struct compiler *c, asdl_arg_seq *args,
                              Py_ssize_t *annotations_len, location loc)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty arg = (arg_ty)asdl_seq_GET(args, i);
        RETURN_IF_ERROR(compiler_visit_argannotation(c, arg->arg, arg->annotation,
                                                     annotations_len, loc));
    }
    return SUCCESS;
}

static int
compiler_visit_annotations(struct compiler *c, location loc, arguments_ty args, expr_ty returns)
{
    Py_ssize_t annotations_len = 0;
    RETURN_IF_ERROR(compiler_visit_argannotations(c, args->args, &annotations_len, loc));
    RETURN_IF_ERROR(compiler_visit_argannotations(c, args->posonlyargs, &annotations_len, loc));
    if (args->vararg && args->vararg->annotation)
        RETURN_IF_ERROR(compiler_visit_argannotation(c, args->vararg->arg,
                                                     args->vararg->annotation,
                                                     &annotations_len, loc));
    RETURN_IF_ERROR(compiler_visit_argannotations(c, args->kwonlyargs, &annotations_len, loc));
    if (args->kwarg && args->kwarg->annotation)
        RETURN_IF_ERROR(compiler_visit_argannotation(c, args->kwarg->arg,
                                                     args->kwarg->annotation,
                                                     &annotations_len, loc));
    RETURN_IF_ERROR(compiler_visit_argannotation(c, _Py_ID(return), returns,
                                                 &annotations_len, loc));
    if (annotations_len) {
        ADDOP_I(c, loc, BUILD_TUPLE, annotations_len);
        return 1;
    }
    return 0;
}

int
_RpC_GetRefType(struct compiler *c, PyObject *name)
{
    if (c->u->u_scope_type == COMPILER_SCOPE_CLASS &&
        (_PyUnicode_EqualToASCIIString(name, "__class__") ||
         _PyUnicode_EqualToASCIIString(name, "__classdict__")))
        return CELL;
    int scope = _RpST_GetScope(c->u->u_ste, name);
    if (scope == 0) {
        PyErr_Format(PyExc_SystemError,
                     "_PyST_GetScope(name=%R) failed: unknown scope in unit %S",
                     name, c->u->u_metadata.u_name);
        return ERROR;
    }
    return scope;
}

static int
compiler_lookup_arg(PyObject *dict, PyObject *name)
{
    PyObject *v = PyDict_GetItemWithError(dict, name);
    if (v == NULL) return ERROR;
    return (int)PyLong_AsLong(v);
}

int
_RpC_MakeClosure(struct compiler *c, location loc, PyCodeObject *co, Py_ssize_t flags)
{
    if (co->co_nfreevars) {
        int i = co->co_nlocalsplus - co->co_nfreevars;
        for (; i < co->co_nlocalsplus; ++i) {
            PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
            int reftype = _RpC_GetRefType(c, name);
            if (reftype == -1) return ERROR;
            int arg;
            if (reftype == CELL)
                arg = compiler_lookup_arg(c->u->u_metadata.u_cellvars, name);
            else
                arg = compiler_lookup_arg(c->u->u_metadata.u_freevars, name);
            if (arg == -1) {
                if (!PyErr_Occurred())
                    PyErr_Format(PyExc_SystemError,
                                 "compiler_lookup_arg(name=%R) with reftype=%d failed in %S",
                                 name, reftype, c->u->u_metadata.u_name);
                return ERROR;
            }
            ADDOP_I(c, loc, LOAD_CLOSURE, arg);
        }
        flags |= MAKE_FUNCTION_CLOSURE;
        ADDOP_I(c, loc, BUILD_TUPLE, co->co_nfreevars);
    }
    ADDOP_LOAD_CONST(c, loc, (PyObject *)co);
    ADDOP_I(c, loc, MAKE_FUNCTION, flags);
    return SUCCESS;
}

int
_RpC_WrapInStopIterationHandler(struct compiler *c)
{
    NEW_JUMP_TARGET_LABEL(c, handler);
    RETURN_IF_ERROR(seq_insert_instruction(INSTR_SEQUENCE(c), 0, SETUP_CLEANUP, handler,
                                           NO_LOCATION));
    ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
    ADDOP(c, NO_LOCATION, RETURN_VALUE);
    USE_LABEL(c, handler);
    ADDOP_I(c, NO_LOCATION, CALL_INTRINSIC_1, INTRINSIC_STOPITERATION_ERROR);
    ADDOP_I(c, NO_LOCATION, RERAISE, 1);
    return SUCCESS;
}

static int
compiler_type_param_bound(struct compiler *c, location loc, expr_ty e, PyObject *name,
                          void *key)
{
    RETURN_IF_ERROR(_RpC_EnterScope(c, name, COMPILER_SCOPE_TYPEPARAMS, key, e->lineno));
    if (_RpC_VisitExpr(c, e) < 0 || _RpC_Addop(c, loc, RETURN_VALUE) < 0) {
        _RpC_ExitScope(c);
        return ERROR;
    }
    PyCodeObject *co = _RpC_OptimizeAndAssemble(c, 1);
    _RpC_ExitScope(c);
    if (co == NULL) return ERROR;
    int r = _RpC_MakeClosure(c, loc, co, 0);
    Py_DECREF(co);
    return r;
}

static int
compiler_type_params(struct compiler *c, asdl_type_param_seq *type_params)
{
    if (!type_params) return SUCCESS;
    Py_ssize_t n = asdl_seq_LEN(type_params);
    for (Py_ssize_t i = 0; i < n; i++) {
        type_param_ty tp = asdl_seq_GET(type_params, i);
        location loc = LOC(tp);
        switch (tp->kind) {
        case TypeVar_kind:
            ADDOP_LOAD_CONST(c, loc, tp->v.TypeVar.name);
            if (tp->v.TypeVar.bound) {
                expr_ty bound = tp->v.TypeVar.bound;
                RETURN_IF_ERROR(compiler_type_param_bound(c, loc, bound, tp->v.TypeVar.name,
                                                          (void *)tp));
                ADDOP_I(c, loc, CALL_INTRINSIC_2,
                        bound->kind == Tuple_kind ? INTRINSIC_TYPEVAR_WITH_CONSTRAINTS
                                                  : INTRINSIC_TYPEVAR_WITH_BOUND);
            }
            else {
                ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_TYPEVAR);
            }
            ADDOP_I(c, loc, COPY, 1);
            RETURN_IF_ERROR(_RpC_Nameop(c, loc, tp->v.TypeVar.name, Store));
            break;
        case TypeVarTuple_kind:
            ADDOP_LOAD_CONST(c, loc, tp->v.TypeVarTuple.name);
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_TYPEVARTUPLE);
            ADDOP_I(c, loc, COPY, 1);
            RETURN_IF_ERROR(_RpC_Nameop(c, loc, tp->v.TypeVarTuple.name, Store));
            break;
        case ParamSpec_kind:
            ADDOP_LOAD_CONST(c, loc, tp->v.ParamSpec.name);
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_PARAMSPEC);
            ADDOP_I(c, loc, COPY, 1);
            RETURN_IF_ERROR(_RpC_Nameop(c, loc, tp->v.ParamSpec.name, Store));
            break;
        }
    }
    ADDOP_I(c, LOC((type_param_ty)asdl_seq_GET(type_params, 0)), BUILD_TUPLE, n);
    return SUCCESS;
}

static int
compiler_function_body(struct compiler *c, stmt_ty s, int is_async, Py_ssize_t funcflags,
                       int firstlineno)
{
    PyObject *docstring = NULL;
    arguments_ty args = s->v.FunctionDef.args;
    PyObject *name = s->v.FunctionDef.name;
    asdl_stmt_seq *body = s->v.FunctionDef.body;
    int scope_type = is_async ? COMPILER_SCOPE_ASYNC_FUNCTION : COMPILER_SCOPE_FUNCTION;

    RETURN_IF_ERROR(_RpC_EnterScope(c, name, scope_type, (void *)s, firstlineno));
    if (c->c_optimize < 2) docstring = _RpAST_GetDocString(body);
    if (_RpC_AddConst(c, docstring ? docstring : Py_None) < 0) {
        _RpC_ExitScope(c);
        return ERROR;
    }
    c->u->u_metadata.u_argcount = asdl_seq_LEN(args->args);
    c->u->u_metadata.u_posonlyargcount = asdl_seq_LEN(args->posonlyargs);
    c->u->u_metadata.u_kwonlyargcount = asdl_seq_LEN(args->kwonlyargs);
    for (Py_ssize_t i = docstring ? 1 : 0; i < asdl_seq_LEN(body); i++) {
        if (_RpC_VisitStmt(c, (stmt_ty)asdl_seq_GET(body, i)) < 0) {
            _RpC_ExitScope(c);
            return ERROR;
        }
    }
    if (c->u->u_ste->ste_coroutine || c->u->u_ste->ste_generator) {
        if (_RpC_WrapInStopIterationHandler(c) < 0) {
            _RpC_ExitScope(c);
            return ERROR;
        }
    }
    PyCodeObject *co = _RpC_OptimizeAndAssemble(c, 1);
    _RpC_ExitScope(c);
    if (co == NULL) return ERROR;
    int ret = _RpC_MakeClosure(c, LOC(s), co, funcflags);
    Py_DECREF(co);
    return ret;
}

static int
compiler_function(struct compiler *c, stmt_ty s, int is_async)
{
    arguments_ty args = s->v.FunctionDef.args;
    expr_ty returns = s->v.FunctionDef.returns;
    asdl_expr_seq *decos = s->v.FunctionDef.decorator_list;
    PyObject *name = s->v.FunctionDef.name;
    asdl_type_param_seq *type_params = s->v.FunctionDef.type_params;

    RETURN_IF_ERROR(_RpC_CheckDebugArgs(c, args));
    RETURN_IF_ERROR(compiler_decorators(c, decos));
    int firstlineno = s->lineno;
    if (asdl_seq_LEN(decos))
        firstlineno = ((expr_ty)asdl_seq_GET(decos, 0))->lineno;
    location loc = LOC(s);
    int is_generic = asdl_seq_LEN(type_params) > 0;
    if (is_generic) ADDOP(c, loc, PUSH_NULL);
    int funcflags = _RpC_DefaultArguments(c, loc, args);
    if (funcflags == -1) return ERROR;
    int num_typeparam_args = 0;
    if (is_generic) {
        if (funcflags & MAKE_FUNCTION_DEFAULTS) num_typeparam_args += 1;
        if (funcflags & MAKE_FUNCTION_KWDEFAULTS) num_typeparam_args += 1;
        if (num_typeparam_args == 2) ADDOP_I(c, loc, SWAP, 2);
        PyObject *tpname = PyUnicode_FromFormat("<generic parameters of %U>", name);
        if (!tpname) return ERROR;
        int r = _RpC_EnterScope(c, tpname, COMPILER_SCOPE_TYPEPARAMS, (void *)type_params,
                                firstlineno);
        Py_DECREF(tpname);
        RETURN_IF_ERROR(r);
        if (compiler_type_params(c, type_params) < 0) { _RpC_ExitScope(c); return ERROR; }
        for (int i = 0; i < num_typeparam_args; i++) {
            if (_RpC_AddopI(c, loc, LOAD_FAST, i) < 0) { _RpC_ExitScope(c); return ERROR; }
        }
    }
    int annotations = compiler_visit_annotations(c, loc, args, returns);
    if (annotations < 0) {
        if (is_generic) _RpC_ExitScope(c);
        return ERROR;
    }
    if (annotations > 0) funcflags |= MAKE_FUNCTION_ANNOTATIONS;
    if (compiler_function_body(c, s, is_async, funcflags, firstlineno) < 0) {
        if (is_generic) _RpC_ExitScope(c);
        return ERROR;
    }
    if (is_generic) {
        if (_RpC_AddopI(c, loc, SWAP, 2) < 0 ||
            _RpC_AddopI(c, loc, CALL_INTRINSIC_2, INTRINSIC_SET_FUNCTION_TYPE_PARAMS) < 0) {
            _RpC_ExitScope(c);
            return ERROR;
        }
        c->u->u_metadata.u_argcount = num_typeparam_args;
        PyCodeObject *co = _RpC_OptimizeAndAssemble(c, 0);
        _RpC_ExitScope(c);
        if (co == NULL) return ERROR;
        int r = _RpC_MakeClosure(c, loc, co, 0);
        Py_DECREF(co);
        RETURN_IF_ERROR(r);
        if (num_typeparam_args > 0) ADDOP_I(c, loc, SWAP, num_typeparam_args + 1);
        ADDOP_I(c, loc, CALL, num_typeparam_args);
    }
    RETURN_IF_ERROR(compiler_apply_decorators(c, decos));
    return _RpC_Nameop(c, loc, name, Store);
}

static int
compiler_set_type_params_in_class(struct compiler *c, location loc)
{
    RETURN_IF_ERROR(_RpC_Nameop(c, loc, _Py_STR(".type_params"), Load));
    RETURN_IF_ERROR(_RpC_Nameop(c, loc, _Py_ID(__type_params__), Store));
    return 1;
}

static int
compiler_class_body(struct compiler *c, stmt_ty s, int firstlineno)
{
    RETURN_IF_ERROR(_RpC_EnterScope(c, s->v.ClassDef.name, COMPILER_SCOPE_CLASS, (void *)s,
                                    firstlineno));
    location loc = LOCATION(firstlineno, firstlineno, 0, 0);
    Py_XSETREF(c->u->u_private, Py_NewRef(s->v.ClassDef.name));
    if (_RpC_Nameop(c, loc, _Py_ID(__name__), Load) < 0 ||
        _RpC_Nameop(c, loc, _Py_ID(__module__), Store) < 0 ||
        _RpC_AddopLoadConst(c, loc, c->u->u_metadata.u_qualname) < 0 ||
        _RpC_Nameop(c, loc, _Py_ID(__qualname__), Store) < 0)
        goto error;
    if (asdl_seq_LEN(s->v.ClassDef.type_params) > 0) {
        if (compiler_set_type_params_in_class(c, loc) < 0) goto error;
    }
    if (c->u->u_ste->ste_needs_classdict) {
        if (_RpC_Addop(c, loc, LOAD_LOCALS) < 0) goto error;
        if (_RpC_AddopN(c, loc, STORE_DEREF, c->u->u_metadata.u_cellvars,
                        _Py_ID(__classdict__)) < 0)
            goto error;
    }
    if (compiler_body(c, loc, s->v.ClassDef.body) < 0) goto error;
    if (c->u->u_ste->ste_needs_classdict) {
        int i = compiler_lookup_arg(c->u->u_metadata.u_cellvars, _Py_ID(__classdict__));
        if (i < 0) goto error;
        if (_RpC_AddopI(c, NO_LOCATION, LOAD_CLOSURE, i) < 0) goto error;
        if (_RpC_Nameop(c, NO_LOCATION, _Py_ID(__classdictcell__), Store) < 0) goto error;
    }
    if (c->u->u_ste->ste_needs_class_closure) {
        int i = compiler_lookup_arg(c->u->u_metadata.u_cellvars, _Py_ID(__class__));
        if (i < 0) goto error;
        if (_RpC_AddopI(c, NO_LOCATION, LOAD_CLOSURE, i) < 0) goto error;
        if (_RpC_AddopI(c, NO_LOCATION, COPY, 1) < 0) goto error;
        if (_RpC_Nameop(c, NO_LOCATION, _Py_ID(__classcell__), Store) < 0) goto error;
    }
    else {
        if (_RpC_AddopLoadConst(c, NO_LOCATION, Py_None) < 0) goto error;
    }
    if (_RpC_Addop(c, NO_LOCATION, RETURN_VALUE) < 0) goto error;
    PyCodeObject *co = _RpC_OptimizeAndAssemble(c, 1);
    _RpC_ExitScope(c);
    if (co == NULL) return ERROR;
    loc = LOC(s);
    if (_RpC_Addop(c, loc, PUSH_NULL) < 0 || _RpC_Addop(c, loc, LOAD_BUILD_CLASS) < 0 ||
        _RpC_MakeClosure(c, loc, co, 0) < 0) {
        Py_DECREF(co);
        return ERROR;
    }
    Py_DECREF(co);
    ADDOP_LOAD_CONST(c, loc, s->v.ClassDef.name);
    return SUCCESS;
error:
    _RpC_ExitScope(c);
    return ERROR;
}

static int
compiler_class(struct compiler *c, stmt_ty s)
{
    asdl_expr_seq *decos = s->v.ClassDef.decorator_list;
    RETURN_IF_ERROR(compiler_decorators(c, decos));
    int firstlineno = s->lineno;
    if (asdl_seq_LEN(decos))
        firstlineno = ((expr_ty)asdl_seq_GET(decos, 0))->lineno;
    location loc = LOC(s);
    asdl_type_param_seq *type_params = s->v.ClassDef.type_params;
    int is_generic = asdl_seq_LEN(type_params) > 0;
    if (is_generic) {
        Py_XSETREF(c->u->u_private, Py_NewRef(s->v.ClassDef.name));
        ADDOP(c, loc, PUSH_NULL);
        PyObject *tpname = PyUnicode_FromFormat("<generic parameters of %U>", s->v.ClassDef.name);
        if (!tpname) return ERROR;
        int r = _RpC_EnterScope(c, tpname, COMPILER_SCOPE_TYPEPARAMS, (void *)type_params,
                                firstlineno);
        Py_DECREF(tpname);
        RETURN_IF_ERROR(r);
        Py_XSETREF(c->u->u_private, Py_NewRef(s->v.ClassDef.name));
        if (compiler_type_params(c, type_params) < 0 ||
            _RpC_Nameop(c, loc, _Py_STR(".type_params"), Store) < 0) {
            _RpC_ExitScope(c);
            return ERROR;
        }
    }
    if (compiler_class_body(c, s, firstlineno) < 0) {
        if (is_generic) _RpC_ExitScope(c);
        return ERROR;
    }
    if (is_generic) {
        if (_RpC_Nameop(c, loc, _Py_STR(".type_params"), Load) < 0 ||
            _RpC_AddopI(c, loc, CALL_INTRINSIC_1, INTRINSIC_SUBSCRIPT_GENERIC) < 0 ||
            _RpC_Nameop(c, loc, _Py_STR(".generic_base"), Store) < 0) {
            _RpC_ExitScope(c);
            return ERROR;
        }
        Py_ssize_t original_len = asdl_seq_LEN(s->v.ClassDef.bases);
        asdl_expr_seq *bases = _Py_asdl_generic_seq_new(original_len + 1, c->c_arena);
        expr_ty name_node = _PyArena_Malloc(c->c_arena, sizeof(struct _expr));
        if (bases == NULL || name_node == NULL) { _RpC_ExitScope(c); return ERROR; }
        for (Py_ssize_t i = 0; i < original_len; i++)
            asdl_seq_SET(bases, i, asdl_seq_GET(s->v.ClassDef.bases, i));
        name_node->kind = Name_kind;
        name_node->v.Name.id = _Py_STR(".generic_base");
        name_node->v.Name.ctx = Load;
        name_node->lineno = loc.lineno;
        name_node->col_offset = loc.col_offset;
        name_node->end_lineno = loc.end_lineno;
        name_node->end_col_offset = loc.end_col_offset;
        asdl_seq_SET(bases, original_len, name_node);
        if (_RpC_CallHelper(c, loc, 2, bases, s->v.ClassDef.keywords) < 0) {
            _RpC_ExitScope(c);
            return ERROR;
        }
        PyCodeObject *co = _RpC_OptimizeAndAssemble(c, 0);
        _RpC_ExitScope(c);
        if (co == NULL) return ERROR;
        int r = _RpC_MakeClosure(c, loc, co, 0);
        Py_DECREF(co);
        RETURN_IF_ERROR(r);
        ADDOP_I(c, loc, CALL, 0);
    }
    else {
        RETURN_IF_ERROR(_RpC_CallHelper(c, loc, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords));
    }
    RETURN_IF_ERROR(compiler_apply_decorators(c, decos));
    return _RpC_Nameop(c, loc, s->v.ClassDef.name, Store);
}

static int
compiler_typealias_body(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    PyObject *name = s->v.TypeAlias.name->v.Name.id;
    RETURN_IF_ERROR(_RpC_EnterScope(c, name, COMPILER_SCOPE_FUNCTION, s, loc.lineno));
    if (_RpC_AddConst(c, Py_None) < 0 || _RpC_VisitExpr(c, s->v.TypeAlias.value) < 0 ||
        _RpC_Addop(c, loc, RETURN_VALUE) < 0) {
        _RpC_ExitScope(c);
        return ERROR;
    }
    PyCodeObject *co = _RpC_OptimizeAndAssemble(c, 0);
    _RpC_ExitScope(c);
    if (co == NULL) return ERROR;
    int r = _RpC_MakeClosure(c, loc, co, 0);
    Py_DECREF(co);
    RETURN_IF_ERROR(r);
    ADDOP_I(c, loc, BUILD_TUPLE, 3);
    ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_TYPEALIAS);
    return SUCCESS;
}

static int
compiler_typealias(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    asdl_type_param_seq *type_params = s->v.TypeAlias.type_params;
    int is_generic = asdl_seq_LEN(type_params) > 0;
    PyObject *name = s->v.TypeAlias.name->v.Name.id;
    if (is_generic) {
        ADDOP(c, loc, PUSH_NULL);
        PyObject *tpname = PyUnicode_FromFormat("<generic parameters of %U>", name);
        if (!tpname) return ERROR;
        int r = _RpC_EnterScope(c, tpname, COMPILER_SCOPE_TYPEPARAMS, (void *)type_params,
                                loc.lineno);
        Py_DECREF(tpname);
        RETURN_IF_ERROR(r);
        if (_RpC_AddopLoadConst(c, loc, name) < 0 || compiler_type_params(c, type_params) < 0) {
            _RpC_ExitScope(c);
            return ERROR;
        }
    }
    else {
        ADDOP_LOAD_CONST(c, loc, name);
        ADDOP_LOAD_CONST(c, loc, Py_None);
    }
    if (compiler_typealias_body(c, s) < 0) {
        if (is_generic) _RpC_ExitScope(c);
        return ERROR;
    }
    if (is_generic) {
        PyCodeObject *co = _RpC_OptimizeAndAssemble(c, 0);
        _RpC_ExitScope(c);
        if (co == NULL) return ERROR;
        int r = _RpC_MakeClosure(c, loc, co, 0);
        Py_DECREF(co);
        RETURN_IF_ERROR(r);
        ADDOP_I(c, loc, CALL, 0);
    }
    return _RpC_Nameop(c, loc, name, Store);
}

static int
compiler_return(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    int preserve_tos = (s->v.Return.value != NULL &&
                        s->v.Return.value->kind != Constant_kind);
    if (!_RpST_IsFunctionLike(c->u->u_ste))
        return _RpC_Error(c, loc, "'return' outside function");
    if (s->v.Return.value != NULL && c->u->u_ste->ste_coroutine && c->u->u_ste->ste_generator)
        return _RpC_Error(c, loc, "'return' with value in async generator");
    if (preserve_tos) {
        VISIT(c, Expr, s->v.Return.value);
    }
    else if (s->v.Return.value != NULL) {
        loc = LOC(s->v.Return.value);
        ADDOP(c, loc, NOP);
    }
    if (s->v.Return.value == NULL || s->v.Return.value->lineno != s->lineno) {
        loc = LOC(s);
        ADDOP(c, loc, NOP);
    }
    RETURN_IF_ERROR(_RpC_UnwindFblockStack(c, &loc, preserve_tos, NULL));
    if (s->v.Return.value == NULL) {
        ADDOP_LOAD_CONST(c, loc, Py_None);
    }
    else if (!preserve_tos) {
        ADDOP_LOAD_CONST(c, loc, s->v.Return.value->v.Constant.value);
    }
    ADDOP(c, loc, RETURN_VALUE);
    return SUCCESS;
}

static int
compiler_break(struct compiler *c, location loc)
{
    struct fblockinfo *loop = NULL;
    location origin_loc = loc;
    ADDOP(c, loc, NOP);
    RETURN_IF_ERROR(_RpC_UnwindFblockStack(c, &loc, 0, &loop));
    if (loop == NULL) return _RpC_Error(c, origin_loc, "'break' outside loop");
    RETURN_IF_ERROR(compiler_unwind_fblock(c, &loc, loop, 0));
    ADDOP_JUMP(c, loc, JUMP, loop->fb_exit);
    return SUCCESS;
}

static int
compiler_continue(struct compiler *c, location loc)
{
    struct fblockinfo *loop = NULL;
    location origin_loc = loc;
    ADDOP(c, loc, NOP);
    RETURN_IF_ERROR(_RpC_UnwindFblockStack(c, &loc, 0, &loop));
    if (loop == NULL) return _RpC_Error(c, origin_loc, "'continue' not properly in loop");
    ADDOP_JUMP(c, loc, JUMP, loop->fb_block);
    return SUCCESS;
}

static int
compiler_if(struct compiler *c, stmt_ty s)
{
    int next;
    NEW_JUMP_TARGET_LABEL(c, end);
    if (asdl_seq_LEN(s->v.If.orelse)) {
        NEW_JUMP_TARGET_LABEL(c, orelse);
        next = orelse;
    }
    else {
        next = end;
    }
    RETURN_IF_ERROR(_RpC_JumpIf(c, LOC(s), s->v.If.test, next, 0));
    VISIT_SEQ(c, Stmt, s->v.If.body);
    if (asdl_seq_LEN(s->v.If.orelse)) {
        ADDOP_JUMP(c, NO_LOCATION, JUMP, end);
        USE_LABEL(c, next);
        VISIT_SEQ(c, Stmt, s->v.If.orelse);
    }
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
compiler_for(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    NEW_JUMP_TARGET_LABEL(c, start);
    NEW_JUMP_TARGET_LABEL(c, body);
    NEW_JUMP_TARGET_LABEL(c, cleanup);
    NEW_JUMP_TARGET_LABEL(c, end);
    RETURN_IF_ERROR(_RpC_PushFblock(c, loc, FOR_LOOP, start, end, NULL));
    VISIT(c, Expr, s->v.For.iter);
    ADDOP(c, loc, GET_ITER);
    USE_LABEL(c, start);
    ADDOP_JUMP(c, loc, FOR_ITER, cleanup);
    USE_LABEL(c, body);
    VISIT(c, Expr, s->v.For.target);
    VISIT_SEQ(c, Stmt, s->v.For.body);
    /* Mark jump as artificial */
    ADDOP_JUMP(c, NO_LOCATION, JUMP, start);
    USE_LABEL(c, cleanup);
    ADDOP(c, NO_LOCATION, END_FOR);
    _RpC_PopFblock(c, FOR_LOOP, start);
    VISIT_SEQ(c, Stmt, s->v.For.orelse);
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
compiler_async_for(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    if (_RpC_IsTopLevelAwait(c)) {
        c->u->u_ste->ste_coroutine = 1;
    }
    else if (c->u->u_scope_type != COMPILER_SCOPE_ASYNC_FUNCTION) {
        return _RpC_Error(c, loc, "'async for' outside async function");
    }
    NEW_JUMP_TARGET_LABEL(c, start);
    NEW_JUMP_TARGET_LABEL(c, except);
    NEW_JUMP_TARGET_LABEL(c, end);
    VISIT(c, Expr, s->v.AsyncFor.iter);
    ADDOP(c, loc, GET_AITER);
    USE_LABEL(c, start);
    RETURN_IF_ERROR(_RpC_PushFblock(c, loc, FOR_LOOP, start, end, NULL));
    ADDOP_JUMP(c, loc, SETUP_FINALLY, except);
    ADDOP(c, loc, GET_ANEXT);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADD_YIELD_FROM(c, loc, 1);
    ADDOP(c, loc, POP_BLOCK);
    VISIT(c, Expr, s->v.AsyncFor.target);
    VISIT_SEQ(c, Stmt, s->v.AsyncFor.body);
    ADDOP_JUMP(c, NO_LOCATION, JUMP, start);
    _RpC_PopFblock(c, FOR_LOOP, start);
    USE_LABEL(c, except);
    loc = LOC(s->v.AsyncFor.iter);
    ADDOP(c, loc, END_ASYNC_FOR);
    VISIT_SEQ(c, Stmt, s->v.AsyncFor.orelse);
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
compiler_while(struct compiler *c, stmt_ty s)
{
    NEW_JUMP_TARGET_LABEL(c, loop);
    NEW_JUMP_TARGET_LABEL(c, body);
    NEW_JUMP_TARGET_LABEL(c, end);
    NEW_JUMP_TARGET_LABEL(c, anchor);
    USE_LABEL(c, loop);
    RETURN_IF_ERROR(_RpC_PushFblock(c, LOC(s), WHILE_LOOP, loop, end, NULL));
    RETURN_IF_ERROR(_RpC_JumpIf(c, LOC(s), s->v.While.test, anchor, 0));
    USE_LABEL(c, body);
    VISIT_SEQ(c, Stmt, s->v.While.body);
    RETURN_IF_ERROR(_RpC_JumpIf(c, LOC(s), s->v.While.test, body, 1));
    _RpC_PopFblock(c, WHILE_LOOP, loop);
    USE_LABEL(c, anchor);
    if (s->v.While.orelse) VISIT_SEQ(c, Stmt, s->v.While.orelse);
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
compiler_try_except(struct compiler *c, stmt_ty s);

static int
compiler_try_finally(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    NEW_JUMP_TARGET_LABEL(c, body);
    NEW_JUMP_TARGET_LABEL(c, end);
    NEW_JUMP_TARGET_LABEL(c, exit);
    NEW_JUMP_TARGET_LABEL(c, cleanup);
    ADDOP_JUMP(c, loc, SETUP_FINALLY, end);
    USE_LABEL(c, body);
    RETURN_IF_ERROR(_RpC_PushFblock(c, loc, FINALLY_TRY, body, end, s->v.Try.finalbody));
    if (s->v.Try.handlers && asdl_seq_LEN(s->v.Try.handlers)) {
        RETURN_IF_ERROR(compiler_try_except(c, s));
    }
    else {
        VISIT_SEQ(c, Stmt, s->v.Try.body);
    }
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    _RpC_PopFblock(c, FINALLY_TRY, body);
    VISIT_SEQ(c, Stmt, s->v.Try.finalbody);
    ADDOP_JUMP(c, NO_LOCATION, JUMP, exit);
    USE_LABEL(c, end);
    loc = NO_LOCATION;
    ADDOP_JUMP(c, loc, SETUP_CLEANUP, cleanup);
    ADDOP(c, loc, PUSH_EXC_INFO);
    RETURN_IF_ERROR(_RpC_PushFblock(c, loc, FINALLY_END, end, NO_LABEL, NULL));
    VISIT_SEQ(c, Stmt, s->v.Try.finalbody);
    _RpC_PopFblock(c, FINALLY_END, end);
    loc = NO_LOCATION;
    ADDOP_I(c, loc, RERAISE, 0);
    USE_LABEL(c, cleanup);
    POP_EXCEPT_AND_RERAISE(c, loc);
    USE_LABEL(c, exit);
    return SUCCESS;
}

static int
compiler_try_star_except(struct compiler *c, stmt_ty s);

static int
compiler_try_star_finally(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    NEW_JUMP_TARGET_LABEL(c, body);
    NEW_JUMP_TARGET_LABEL(c, end);
    NEW_JUMP_TARGET_LABEL(c, exit);
    NEW_JUMP_TARGET_LABEL(c, cleanup);
    ADDOP_JUMP(c, loc, SETUP_FINALLY, end);
    USE_LABEL(c, body);
    RETURN_IF_ERROR(_RpC_PushFblock(c, loc, FINALLY_TRY, body, end, s->v.TryStar.finalbody));
    if (s->v.TryStar.handlers && asdl_seq_LEN(s->v.TryStar.handlers)) {
        RETURN_IF_ERROR(compiler_try_star_except(c, s));
    }
    else {
        VISIT_SEQ(c, Stmt, s->v.TryStar.body);
    }
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    _RpC_PopFblock(c, FINALLY_TRY, body);
    VISIT_SEQ(c, Stmt, s->v.TryStar.finalbody);
    ADDOP_JUMP(c, NO_LOCATION, JUMP, exit);
    USE_LABEL(c, end);
    loc = NO_LOCATION;
    ADDOP_JUMP(c, loc, SETUP_CLEANUP, cleanup);
    ADDOP(c, loc, PUSH_EXC_INFO);
    RETURN_IF_ERROR(_RpC_PushFblock(c, loc, FINALLY_END, end, NO_LABEL, NULL));
    VISIT_SEQ(c, Stmt, s->v.TryStar.finalbody);
    _RpC_PopFblock(c, FINALLY_END, end);
    ADDOP_I(c, loc, RERAISE, 0);
    USE_LABEL(c, cleanup);
    POP_EXCEPT_AND_RERAISE(c, loc);
    USE_LABEL(c, exit);
    return SUCCESS;
}

static int
compiler_try_except(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    Py_ssize_t n;
    NEW_JUMP_TARGET_LABEL(c, body);
    NEW_JUMP_TARGET_LABEL(c, except);
    NEW_JUMP_TARGET_LABEL(c, end);
    NEW_JUMP_TARGET_LABEL(c, cleanup);
    ADDOP_JUMP(c, loc, SETUP_FINALLY, except);
    USE_LABEL(c, body);
    RETURN_IF_ERROR(_RpC_PushFblock(c, loc, TRY_EXCEPT, body, NO_LABEL, NULL));
    VISIT_SEQ(c, Stmt, s->v.Try.body);
    _RpC_PopFblock(c, TRY_EXCEPT, body);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    if (s->v.Try.orelse && asdl_seq_LEN(s->v.Try.orelse))
        VISIT_SEQ(c, Stmt, s->v.Try.orelse);
    ADDOP_JUMP(c, NO_LOCATION, JUMP, end);
    n = asdl_seq_LEN(s->v.Try.handlers);
    USE_LABEL(c, except);
    ADDOP_JUMP(c, NO_LOCATION, SETUP_CLEANUP, cleanup);
    ADDOP(c, NO_LOCATION, PUSH_EXC_INFO);
    RETURN_IF_ERROR(_RpC_PushFblock(c, loc, EXCEPTION_HANDLER, NO_LABEL, NO_LABEL, NULL));
    for (Py_ssize_t i = 0; i < n; i++) {
        excepthandler_ty handler = (excepthandler_ty)asdl_seq_GET(s->v.Try.handlers, i);
        location hloc = LOC(handler);
        if (!handler->v.ExceptHandler.type && i < n - 1)
            return _RpC_Error(c, hloc, "default 'except:' must be last");
        NEW_JUMP_TARGET_LABEL(c, next_except);
        except = next_except;
        if (handler->v.ExceptHandler.type) {
            VISIT(c, Expr, handler->v.ExceptHandler.type);
            ADDOP(c, hloc, CHECK_EXC_MATCH);
            ADDOP_JUMP(c, hloc, POP_JUMP_IF_FALSE, except);
        }
        if (handler->v.ExceptHandler.name) {
            NEW_JUMP_TARGET_LABEL(c, cleanup_end);
            NEW_JUMP_TARGET_LABEL(c, cleanup_body);
            RETURN_IF_ERROR(_RpC_Nameop(c, hloc, handler->v.ExceptHandler.name, Store));
            ADDOP_JUMP(c, hloc, SETUP_CLEANUP, cleanup_end);
            USE_LABEL(c, cleanup_body);
            RETURN_IF_ERROR(_RpC_PushFblock(c, hloc, HANDLER_CLEANUP, cleanup_body, NO_LABEL,
                                            handler->v.ExceptHandler.name));
            VISIT_SEQ(c, Stmt, handler->v.ExceptHandler.body);
            _RpC_PopFblock(c, HANDLER_CLEANUP, cleanup_body);
            ADDOP(c, NO_LOCATION, POP_BLOCK);
            ADDOP(c, NO_LOCATION, POP_BLOCK);
            ADDOP(c, NO_LOCATION, POP_EXCEPT);
            ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
            RETURN_IF_ERROR(_RpC_Nameop(c, NO_LOCATION, handler->v.ExceptHandler.name, Store));
            RETURN_IF_ERROR(_RpC_Nameop(c, NO_LOCATION, handler->v.ExceptHandler.name, Del));
            ADDOP_JUMP(c, NO_LOCATION, JUMP, end);
            USE_LABEL(c, cleanup_end);
            ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
            RETURN_IF_ERROR(_RpC_Nameop(c, NO_LOCATION, handler->v.ExceptHandler.name, Store));
            RETURN_IF_ERROR(_RpC_Nameop(c, NO_LOCATION, handler->v.ExceptHandler.name, Del));
            ADDOP_I(c, NO_LOCATION, RERAISE, 1);
        }
        else {
            NEW_JUMP_TARGET_LABEL(c, cleanup_body);
            ADDOP(c, hloc, POP_TOP);
            USE_LABEL(c, cleanup_body);
            RETURN_IF_ERROR(_RpC_PushFblock(c, hloc, HANDLER_CLEANUP, cleanup_body, NO_LABEL, NULL));
            VISIT_SEQ(c, Stmt, handler->v.ExceptHandler.body);
            _RpC_PopFblock(c, HANDLER_CLEANUP, cleanup_body);
            ADDOP(c, NO_LOCATION, POP_BLOCK);
            ADDOP(c, NO_LOCATION, POP_EXCEPT);
            ADDOP_JUMP(c, NO_LOCATION, JUMP, end);
        }
        USE_LABEL(c, except);
    }
    _RpC_PopFblock(c, EXCEPTION_HANDLER, NO_LABEL);
    ADDOP_I(c, NO_LOCATION, RERAISE, 0);
    USE_LABEL(c, cleanup);
    POP_EXCEPT_AND_RERAISE(c, NO_LOCATION);
    USE_LABEL(c, end);
    return SUCCESS;
}

/* try/except* (PEP 654), as CPython 3.12 compiles it. */
static int
compiler_try_star_except(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    NEW_JUMP_TARGET_LABEL(c, body);
    NEW_JUMP_TARGET_LABEL(c, except);
    NEW_JUMP_TARGET_LABEL(c, orelse);
    NEW_JUMP_TARGET_LABEL(c, end);
    NEW_JUMP_TARGET_LABEL(c, cleanup);
    NEW_JUMP_TARGET_LABEL(c, reraise_star);

    ADDOP_JUMP(c, loc, SETUP_FINALLY, except);
    USE_LABEL(c, body);
    RETURN_IF_ERROR(_RpC_PushFblock(c, loc, TRY_EXCEPT, body, NO_LABEL, NULL));
    VISIT_SEQ(c, Stmt, s->v.TryStar.body);
    _RpC_PopFblock(c, TRY_EXCEPT, body);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    ADDOP_JUMP(c, NO_LOCATION, JUMP, orelse);
    Py_ssize_t n = asdl_seq_LEN(s->v.TryStar.handlers);

    USE_LABEL(c, except);
    ADDOP_JUMP(c, NO_LOCATION, SETUP_CLEANUP, cleanup);
    ADDOP(c, NO_LOCATION, PUSH_EXC_INFO);
    RETURN_IF_ERROR(_RpC_PushFblock(c, loc, EXCEPTION_GROUP_HANDLER, NO_LABEL, NO_LABEL,
                                    "except handler"));
    for (Py_ssize_t i = 0; i < n; i++) {
        excepthandler_ty handler = (excepthandler_ty)asdl_seq_GET(s->v.TryStar.handlers, i);
        location hloc = LOC(handler);
        NEW_JUMP_TARGET_LABEL(c, next_except);
        except = next_except;
        NEW_JUMP_TARGET_LABEL(c, except_with_error);
        NEW_JUMP_TARGET_LABEL(c, no_match);
        if (i == 0) {
            /* create empty list for exceptions raised/reraise in the except* blocks */
            ADDOP_I(c, hloc, BUILD_LIST, 0);
            ADDOP_I(c, hloc, COPY, 2);
        }
        if (handler->v.ExceptHandler.type) {
            VISIT(c, Expr, handler->v.ExceptHandler.type);
            ADDOP(c, hloc, CHECK_EG_MATCH);
            ADDOP_I(c, hloc, COPY, 1);
            ADDOP_JUMP(c, hloc, POP_JUMP_IF_NONE, no_match);
        }
        NEW_JUMP_TARGET_LABEL(c, cleanup_end);
        NEW_JUMP_TARGET_LABEL(c, cleanup_body);
        if (handler->v.ExceptHandler.name) {
            RETURN_IF_ERROR(_RpC_Nameop(c, hloc, handler->v.ExceptHandler.name, Store));
        }
        else {
            ADDOP(c, hloc, POP_TOP);
        }
        ADDOP_JUMP(c, hloc, SETUP_CLEANUP, cleanup_end);
        USE_LABEL(c, cleanup_body);
        RETURN_IF_ERROR(_RpC_PushFblock(c, hloc, HANDLER_CLEANUP, cleanup_body, NO_LABEL,
                                        handler->v.ExceptHandler.name));
        VISIT_SEQ(c, Stmt, handler->v.ExceptHandler.body);
        _RpC_PopFblock(c, HANDLER_CLEANUP, cleanup_body);
        ADDOP(c, NO_LOCATION, POP_BLOCK);
        if (handler->v.ExceptHandler.name) {
            ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
            RETURN_IF_ERROR(_RpC_Nameop(c, NO_LOCATION, handler->v.ExceptHandler.name, Store));
            RETURN_IF_ERROR(_RpC_Nameop(c, NO_LOCATION, handler->v.ExceptHandler.name, Del));
        }
        ADDOP_JUMP(c, NO_LOCATION, JUMP, except);
        USE_LABEL(c, cleanup_end);
        if (handler->v.ExceptHandler.name) {
            ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
            RETURN_IF_ERROR(_RpC_Nameop(c, NO_LOCATION, handler->v.ExceptHandler.name, Store));
            RETURN_IF_ERROR(_RpC_Nameop(c, NO_LOCATION, handler->v.ExceptHandler.name, Del));
        }
        /* add exception raised to the res list */
        ADDOP_I(c, NO_LOCATION, LIST_APPEND, 3);
        ADDOP(c, NO_LOCATION, POP_TOP);
        ADDOP_JUMP(c, NO_LOCATION, JUMP, except_with_error);
        USE_LABEL(c, except);
        ADDOP(c, NO_LOCATION, NOP);
        ADDOP_JUMP(c, NO_LOCATION, JUMP, except_with_error);
        USE_LABEL(c, no_match);
        ADDOP(c, hloc, POP_TOP);
        USE_LABEL(c, except_with_error);
        if (i == n - 1) {
            /* Add exc to the list (if not None it's the unhandled part of the EG) */
            ADDOP_I(c, NO_LOCATION, LIST_APPEND, 1);
            ADDOP_JUMP(c, NO_LOCATION, JUMP, reraise_star);
        }
    }
    _RpC_PopFblock(c, EXCEPTION_GROUP_HANDLER, NO_LABEL);
    NEW_JUMP_TARGET_LABEL(c, reraise);
    USE_LABEL(c, reraise_star);
    ADDOP_I(c, NO_LOCATION, CALL_INTRINSIC_2, INTRINSIC_PREP_RERAISE_STAR);
    ADDOP_I(c, NO_LOCATION, COPY, 1);
    ADDOP_JUMP(c, NO_LOCATION, POP_JUMP_IF_NOT_NONE, reraise);
    /* Nothing to reraise */
    ADDOP(c, NO_LOCATION, POP_TOP);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    ADDOP(c, NO_LOCATION, POP_EXCEPT);
    ADDOP_JUMP(c, NO_LOCATION, JUMP, end);
    USE_LABEL(c, reraise);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    ADDOP_I(c, NO_LOCATION, SWAP, 2);
    ADDOP(c, NO_LOCATION, POP_EXCEPT);
    ADDOP_I(c, NO_LOCATION, RERAISE, 0);
    USE_LABEL(c, cleanup);
    POP_EXCEPT_AND_RERAISE(c, NO_LOCATION);
    USE_LABEL(c, orelse);
    VISIT_SEQ(c, Stmt, s->v.TryStar.orelse);
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
compiler_with_except_finish(struct compiler *c, int cleanup)
{
    NEW_JUMP_TARGET_LABEL(c, suppress);
    ADDOP_JUMP(c, NO_LOCATION, POP_JUMP_IF_TRUE, suppress);
    ADDOP_I(c, NO_LOCATION, RERAISE, 2);
    USE_LABEL(c, suppress);
    ADDOP(c, NO_LOCATION, POP_TOP);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    ADDOP(c, NO_LOCATION, POP_EXCEPT);
    ADDOP(c, NO_LOCATION, POP_TOP);
    ADDOP(c, NO_LOCATION, POP_TOP);
    NEW_JUMP_TARGET_LABEL(c, exit);
    ADDOP_JUMP(c, NO_LOCATION, JUMP, exit);
    USE_LABEL(c, cleanup);
    POP_EXCEPT_AND_RERAISE(c, NO_LOCATION);
    USE_LABEL(c, exit);
    return SUCCESS;
}

static int
compiler_with(struct compiler *c, stmt_ty s, int pos)
{
    withitem_ty item = asdl_seq_GET(s->v.With.items, pos);
    NEW_JUMP_TARGET_LABEL(c, block);
    NEW_JUMP_TARGET_LABEL(c, final);
    NEW_JUMP_TARGET_LABEL(c, exit);
    NEW_JUMP_TARGET_LABEL(c, cleanup);
    VISIT(c, Expr, item->context_expr);
    location loc = LOC(s);
    ADDOP(c, loc, BEFORE_WITH);
    ADDOP_JUMP(c, loc, SETUP_WITH, final);
    USE_LABEL(c, block);
    RETURN_IF_ERROR(_RpC_PushFblock(c, loc, WITH, block, final, s));
    if (item->optional_vars) {
        VISIT(c, Expr, item->optional_vars);
    }
    else {
        ADDOP(c, loc, POP_TOP);
    }
    pos++;
    if (pos == asdl_seq_LEN(s->v.With.items)) {
        VISIT_SEQ(c, Stmt, s->v.With.body);
    }
    else {
        RETURN_IF_ERROR(compiler_with(c, s, pos));
    }
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    _RpC_PopFblock(c, WITH, block);
    loc = LOC(s);
    RETURN_IF_ERROR(compiler_call_exit_with_nones(c, loc));
    ADDOP(c, loc, POP_TOP);
    ADDOP_JUMP(c, loc, JUMP, exit);
    USE_LABEL(c, final);
    ADDOP_JUMP(c, loc, SETUP_CLEANUP, cleanup);
    ADDOP(c, loc, PUSH_EXC_INFO);
    ADDOP(c, loc, WITH_EXCEPT_START);
    RETURN_IF_ERROR(compiler_with_except_finish(c, cleanup));
    USE_LABEL(c, exit);
    return SUCCESS;
}

static int
compiler_async_with(struct compiler *c, stmt_ty s, int pos)
{
    location loc = LOC(s);
    withitem_ty item = asdl_seq_GET(s->v.AsyncWith.items, pos);
    if (_RpC_IsTopLevelAwait(c)) {
        c->u->u_ste->ste_coroutine = 1;
    }
    else if (c->u->u_scope_type != COMPILER_SCOPE_ASYNC_FUNCTION) {
        return _RpC_Error(c, loc, "'async with' outside async function");
    }
    NEW_JUMP_TARGET_LABEL(c, block);
    NEW_JUMP_TARGET_LABEL(c, final);
    NEW_JUMP_TARGET_LABEL(c, exit);
    NEW_JUMP_TARGET_LABEL(c, cleanup);
    VISIT(c, Expr, item->context_expr);
    ADDOP(c, loc, BEFORE_ASYNC_WITH);
    ADDOP_I(c, loc, GET_AWAITABLE, 1);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADD_YIELD_FROM(c, loc, 1);
    ADDOP_JUMP(c, loc, SETUP_WITH, final);
    USE_LABEL(c, block);
    RETURN_IF_ERROR(_RpC_PushFblock(c, loc, ASYNC_WITH, block, final, s));
    if (item->optional_vars) {
        VISIT(c, Expr, item->optional_vars);
    }
    else {
        ADDOP(c, loc, POP_TOP);
    }
    pos++;
    if (pos == asdl_seq_LEN(s->v.AsyncWith.items)) {
        VISIT_SEQ(c, Stmt, s->v.AsyncWith.body);
    }
    else {
        RETURN_IF_ERROR(compiler_async_with(c, s, pos));
    }
    _RpC_PopFblock(c, ASYNC_WITH, block);
    ADDOP(c, loc, POP_BLOCK);
    RETURN_IF_ERROR(compiler_call_exit_with_nones(c, loc));
    ADDOP_I(c, loc, GET_AWAITABLE, 2);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADD_YIELD_FROM(c, loc, 1);
    ADDOP(c, loc, POP_TOP);
    ADDOP_JUMP(c, loc, JUMP, exit);
    USE_LABEL(c, final);
    ADDOP_JUMP(c, loc, SETUP_CLEANUP, cleanup);
    ADDOP(c, loc, PUSH_EXC_INFO);
    ADDOP(c, loc, WITH_EXCEPT_START);
    ADDOP_I(c, loc, GET_AWAITABLE, 2);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADD_YIELD_FROM(c, loc, 1);
    RETURN_IF_ERROR(compiler_with_except_finish(c, cleanup));
    USE_LABEL(c, exit);
    return SUCCESS;
}

static int
compiler_assert(struct compiler *c, stmt_ty s)
{
    expr_ty test = s->v.Assert.test;
    if ((test->kind == Tuple_kind && asdl_seq_LEN(test->v.Tuple.elts) > 0) ||
        (test->kind == Constant_kind && PyTuple_Check(test->v.Constant.value) &&
         PyTuple_Size(test->v.Constant.value) > 0)) {
        RETURN_IF_ERROR(_RpC_Warn(c, LOC(s), "assertion is always true, "
                                             "perhaps remove parentheses?"));
    }
    if (c->c_optimize) return SUCCESS;
    NEW_JUMP_TARGET_LABEL(c, end);
    RETURN_IF_ERROR(_RpC_JumpIf(c, LOC(s), test, end, 1));
    ADDOP(c, LOC(s), LOAD_ASSERTION_ERROR);
    if (s->v.Assert.msg) {
        VISIT(c, Expr, s->v.Assert.msg);
        ADDOP_I(c, LOC(s), CALL, 0);
    }
    ADDOP_I(c, LOC(s), RAISE_VARARGS, 1);
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
compiler_import_as(struct compiler *c, location loc, PyObject *name, PyObject *asname)
{
    Py_ssize_t len = PyUnicode_GetLength(name);
    Py_ssize_t dot = PyUnicode_Find(name, _Py_STR("."), 0, len, 1);
    if (dot == -2) return ERROR;
    if (dot != -1) {
        while (1) {
            Py_ssize_t pos = dot + 1;
            dot = PyUnicode_Find(name, _Py_STR("."), pos, len, 1);
            if (dot == -2) return ERROR;
            PyObject *attr = PyUnicode_Substring(name, pos, (dot != -1) ? dot : len);
            if (!attr) return ERROR;
            PyUnicode_InternInPlace(&attr);
            int r = _RpC_AddopN(c, loc, IMPORT_FROM, c->u->u_metadata.u_names, attr);
            Py_DECREF(attr);
            RETURN_IF_ERROR(r);
            if (dot == -1) break;
            ADDOP_I(c, loc, SWAP, 2);
            ADDOP(c, loc, POP_TOP);
        }
        RETURN_IF_ERROR(_RpC_Nameop(c, loc, asname, Store));
        ADDOP(c, loc, POP_TOP);
        return SUCCESS;
    }
    return _RpC_Nameop(c, loc, asname, Store);
}

static int
compiler_import(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    Py_ssize_t n = asdl_seq_LEN(s->v.Import.names);
    for (Py_ssize_t i = 0; i < n; i++) {
        alias_ty alias = (alias_ty)asdl_seq_GET(s->v.Import.names, i);
        ADDOP_LOAD_CONST(c, loc, _PyLong_GetZero());
        ADDOP_LOAD_CONST(c, loc, Py_None);
        ADDOP_NAME(c, loc, IMPORT_NAME, alias->name, names);
        if (alias->asname) {
            RETURN_IF_ERROR(compiler_import_as(c, loc, alias->name, alias->asname));
        }
        else {
            PyObject *tmp = alias->name;
            Py_ssize_t dot = PyUnicode_Find(alias->name, _Py_STR("."), 0,
                                            PyUnicode_GetLength(alias->name), 1);
            if (dot == -2) return ERROR;
            if (dot != -1) {
                tmp = PyUnicode_Substring(alias->name, 0, dot);
                if (tmp == NULL) return ERROR;
                PyUnicode_InternInPlace(&tmp);
            }
            int r = _RpC_Nameop(c, loc, tmp, Store);
            if (dot != -1) Py_DECREF(tmp);
            RETURN_IF_ERROR(r);
        }
    }
    return SUCCESS;
}

static int
location_is_after(location loc1, location loc2)
{
    return (loc1.lineno > loc2.lineno) ||
           ((loc1.lineno == loc2.lineno) && (loc1.col_offset > loc2.col_offset));
}

static int
compiler_from_import(struct compiler *c, stmt_ty s)
{
    Py_ssize_t n = asdl_seq_LEN(s->v.ImportFrom.names);
    ADDOP_LOAD_CONST_NEW(c, LOC(s), PyLong_FromLong(s->v.ImportFrom.level));
    PyObject *names = PyTuple_New(n);
    if (!names) return ERROR;
    for (Py_ssize_t i = 0; i < n; i++) {
        alias_ty alias = (alias_ty)asdl_seq_GET(s->v.ImportFrom.names, i);
        PyTuple_SET_ITEM(names, i, Py_NewRef(alias->name));
    }
    if (location_is_after(LOC(s), c->c_future_location) &&
        s->v.ImportFrom.module && s->v.ImportFrom.level == 0 &&
        _PyUnicode_EqualToASCIIString(s->v.ImportFrom.module, "__future__")) {
        Py_DECREF(names);
        return _RpC_Error(c, LOC(s), "from __future__ imports must occur "
                                     "at the beginning of the file");
    }
    ADDOP_LOAD_CONST_NEW(c, LOC(s), names);
    if (s->v.ImportFrom.module) {
        ADDOP_NAME(c, LOC(s), IMPORT_NAME, s->v.ImportFrom.module, names);
    }
    else {
        ADDOP_NAME(c, LOC(s), IMPORT_NAME, _Py_STR(""), names);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        alias_ty alias = (alias_ty)asdl_seq_GET(s->v.ImportFrom.names, i);
        if (i == 0 && PyUnicode_ReadChar(alias->name, 0) == '*') {
            ADDOP_I(c, LOC(s), CALL_INTRINSIC_1, INTRINSIC_IMPORT_STAR);
            ADDOP(c, NO_LOCATION, POP_TOP);
            return SUCCESS;
        }
        ADDOP_NAME(c, LOC(s), IMPORT_FROM, alias->name, names);
        PyObject *store_name = alias->asname ? alias->asname : alias->name;
        RETURN_IF_ERROR(_RpC_Nameop(c, LOC(s), store_name, Store));
    }
    ADDOP(c, LOC(s), POP_TOP);
    return SUCCESS;
}

static int
compiler_stmt_expr(struct compiler *c, location loc, expr_ty value)
{
    if (c->c_interactive && c->c_nestlevel <= 1) {
        VISIT(c, Expr, value);
        ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_PRINT);
        ADDOP(c, NO_LOCATION, POP_TOP);
        return SUCCESS;
    }
    if (value->kind == Constant_kind) {
        ADDOP(c, loc, NOP);
        return SUCCESS;
    }
    VISIT(c, Expr, value);
    ADDOP(c, NO_LOCATION, POP_TOP);
    return SUCCESS;
}

static int
is_two_element_slice(expr_ty s)
{
    return s->kind == Slice_kind && s->v.Slice.step == NULL;
}

static int
compiler_augassign(struct compiler *c, stmt_ty s)
{
    expr_ty e = s->v.AugAssign.target;
    location loc = LOC(e);
    switch (e->kind) {
    case Attribute_kind:
        VISIT(c, Expr, e->v.Attribute.value);
        ADDOP_I(c, loc, COPY, 1);
        loc = _RpC_UpdateStartLocationToMatchAttr(c, loc, e);
        ADDOP_NAME(c, loc, LOAD_ATTR, e->v.Attribute.attr, names);
        break;
    case Subscript_kind:
        VISIT(c, Expr, e->v.Subscript.value);
        if (is_two_element_slice(e->v.Subscript.slice)) {
            RETURN_IF_ERROR(_RpC_Slice(c, e->v.Subscript.slice));
            ADDOP_I(c, loc, COPY, 3);
            ADDOP_I(c, loc, COPY, 3);
            ADDOP_I(c, loc, COPY, 3);
            ADDOP(c, loc, BINARY_SLICE);
        }
        else {
            VISIT(c, Expr, e->v.Subscript.slice);
            ADDOP_I(c, loc, COPY, 2);
            ADDOP_I(c, loc, COPY, 2);
            ADDOP(c, loc, BINARY_SUBSCR);
        }
        break;
    case Name_kind:
        RETURN_IF_ERROR(_RpC_Nameop(c, loc, e->v.Name.id, Load));
        break;
    default:
        PyErr_Format(PyExc_SystemError, "invalid node type (%d) for augmented assignment",
                     e->kind);
        return ERROR;
    }
    loc = LOC(s);
    VISIT(c, Expr, s->v.AugAssign.value);
    {
        static const int inplace_map[] = {
            0, NB_INPLACE_ADD, NB_INPLACE_SUBTRACT, NB_INPLACE_MULTIPLY,
            NB_INPLACE_MATRIX_MULTIPLY, NB_INPLACE_TRUE_DIVIDE, NB_INPLACE_REMAINDER,
            NB_INPLACE_POWER, NB_INPLACE_LSHIFT, NB_INPLACE_RSHIFT, NB_INPLACE_OR,
            NB_INPLACE_XOR, NB_INPLACE_AND, NB_INPLACE_FLOOR_DIVIDE };
        ADDOP_I(c, loc, BINARY_OP, inplace_map[s->v.AugAssign.op]);
    }
    loc = LOC(e);
    switch (e->kind) {
    case Attribute_kind:
        loc = _RpC_UpdateStartLocationToMatchAttr(c, loc, e);
        ADDOP_I(c, loc, SWAP, 2);
        ADDOP_NAME(c, loc, STORE_ATTR, e->v.Attribute.attr, names);
        break;
    case Subscript_kind:
        if (is_two_element_slice(e->v.Subscript.slice)) {
            ADDOP_I(c, loc, SWAP, 4);
            ADDOP_I(c, loc, SWAP, 3);
            ADDOP_I(c, loc, SWAP, 2);
            ADDOP(c, loc, STORE_SLICE);
        }
        else {
            ADDOP_I(c, loc, SWAP, 3);
            ADDOP_I(c, loc, SWAP, 2);
            ADDOP(c, loc, STORE_SUBSCR);
        }
        break;
    case Name_kind:
        return _RpC_Nameop(c, loc, e->v.Name.id, Store);
    default:
        break;
    }
    return SUCCESS;
}

static int
check_ann_expr(struct compiler *c, expr_ty e)
{
    VISIT(c, Expr, e);
    ADDOP(c, LOC(e), POP_TOP);
    return SUCCESS;
}

static int
check_annotation(struct compiler *c, stmt_ty s)
{
    if (c->c_future_features & CO_FUTURE_ANNOTATIONS) return SUCCESS;
    if (c->u->u_scope_type == COMPILER_SCOPE_MODULE || c->u->u_scope_type == COMPILER_SCOPE_CLASS)
        return check_ann_expr(c, s->v.AnnAssign.annotation);
    return SUCCESS;
}

static int
check_ann_subscr(struct compiler *c, expr_ty e)
{
    switch (e->kind) {
    case Slice_kind:
        if (e->v.Slice.lower && check_ann_expr(c, e->v.Slice.lower) < 0) return ERROR;
        if (e->v.Slice.upper && check_ann_expr(c, e->v.Slice.upper) < 0) return ERROR;
        if (e->v.Slice.step && check_ann_expr(c, e->v.Slice.step) < 0) return ERROR;
        return SUCCESS;
    case Tuple_kind: {
        asdl_expr_seq *elts = e->v.Tuple.elts;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++)
            if (check_ann_subscr(c, asdl_seq_GET(elts, i)) < 0) return ERROR;
        return SUCCESS;
    }
    default:
        return check_ann_expr(c, e);
    }
}

static int
compiler_annassign(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    expr_ty targ = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value) {
        VISIT(c, Expr, s->v.AnnAssign.value);
        VISIT(c, Expr, targ);
    }
    switch (targ->kind) {
    case Name_kind:
        if (_RpC_ForbiddenName(c, loc, targ->v.Name.id, Store)) return ERROR;
        if (s->v.AnnAssign.simple &&
            (c->u->u_scope_type == COMPILER_SCOPE_MODULE ||
             c->u->u_scope_type == COMPILER_SCOPE_CLASS)) {
            if (c->c_future_features & CO_FUTURE_ANNOTATIONS) {
                RETURN_IF_ERROR(_RpC_UnparseAnnotation(c, s->v.AnnAssign.annotation));
            }
            else {
                VISIT(c, Expr, s->v.AnnAssign.annotation);
            }
            ADDOP_NAME(c, loc, LOAD_NAME, _Py_ID(__annotations__), names);
            PyObject *mangled = _RpMaybeMangle(c->u->u_private, c->u->u_ste, targ->v.Name.id);
            ADDOP_LOAD_CONST_NEW(c, loc, mangled);
            ADDOP(c, loc, STORE_SUBSCR);
        }
        break;
    case Attribute_kind:
        if (_RpC_ForbiddenName(c, loc, targ->v.Attribute.attr, Store)) return ERROR;
        if (!s->v.AnnAssign.value && check_ann_expr(c, targ->v.Attribute.value) < 0)
            return ERROR;
        break;
    case Subscript_kind:
        if (!s->v.AnnAssign.value &&
            (check_ann_expr(c, targ->v.Subscript.value) < 0 ||
             check_ann_subscr(c, targ->v.Subscript.slice) < 0))
            return ERROR;
        break;
    default:
        PyErr_Format(PyExc_SystemError, "invalid node type (%d) for annotated assignment",
                     targ->kind);
        return ERROR;
    }
    if (!s->v.AnnAssign.simple && check_annotation(c, s) < 0) return ERROR;
    return SUCCESS;
}

int
_RpC_VisitStmt(struct compiler *c, stmt_ty s)
{
    switch (s->kind) {
    case FunctionDef_kind:
        return compiler_function(c, s, 0);
    case AsyncFunctionDef_kind:
        return compiler_function(c, s, 1);
    case ClassDef_kind:
        return compiler_class(c, s);
    case TypeAlias_kind:
        return compiler_typealias(c, s);
    case Return_kind:
        return compiler_return(c, s);
    case Delete_kind:
        VISIT_SEQ(c, Expr, s->v.Delete.targets);
        break;
    case Assign_kind: {
        Py_ssize_t n = asdl_seq_LEN(s->v.Assign.targets);
        VISIT(c, Expr, s->v.Assign.value);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (i < n - 1) ADDOP_I(c, LOC(s), COPY, 1);
            VISIT(c, Expr, (expr_ty)asdl_seq_GET(s->v.Assign.targets, i));
        }
        break;
    }
    case AugAssign_kind:
        return compiler_augassign(c, s);
    case AnnAssign_kind:
        return compiler_annassign(c, s);
    case For_kind:
        return compiler_for(c, s);
    case AsyncFor_kind:
        return compiler_async_for(c, s);
    case While_kind:
        return compiler_while(c, s);
    case If_kind:
        return compiler_if(c, s);
    case Match_kind:
        return _RpC_Match(c, s);
    case Raise_kind: {
        int n = 0;
        if (s->v.Raise.exc) {
            VISIT(c, Expr, s->v.Raise.exc);
            n++;
            if (s->v.Raise.cause) {
                VISIT(c, Expr, s->v.Raise.cause);
                n++;
            }
        }
        ADDOP_I(c, LOC(s), RAISE_VARARGS, n);
        break;
    }
    case Try_kind:
        if (s->v.Try.finalbody && asdl_seq_LEN(s->v.Try.finalbody))
            return compiler_try_finally(c, s);
        return compiler_try_except(c, s);
    case TryStar_kind:
        if (s->v.TryStar.finalbody && asdl_seq_LEN(s->v.TryStar.finalbody))
            return compiler_try_star_finally(c, s);
        return compiler_try_star_except(c, s);
    case Assert_kind:
        return compiler_assert(c, s);
    case Import_kind:
        return compiler_import(c, s);
    case ImportFrom_kind:
        return compiler_from_import(c, s);
    case Global_kind:
    case Nonlocal_kind:
        break;
    case Expr_kind:
        return compiler_stmt_expr(c, LOC(s), s->v.Expr.value);
    case Pass_kind:
        ADDOP(c, LOC(s), NOP);
        break;
    case Break_kind:
        return compiler_break(c, LOC(s));
    case Continue_kind:
        return compiler_continue(c, LOC(s));
    case With_kind:
        return compiler_with(c, s, 0);
    case AsyncWith_kind:
        return compiler_async_with(c, s, 0);
    }
    return SUCCESS;
}

/* ============================ assembling ============================== */
static int
compute_code_flags(struct compiler *c)
{
    PySTEntryObject *ste = c->u->u_ste;
    int flags = 0;
    if (_RpST_IsFunctionLike(ste)) {
        flags |= CO_NEWLOCALS | CO_OPTIMIZED;
        if (ste->ste_nested) flags |= CO_NESTED;
        if (ste->ste_generator && !ste->ste_coroutine) flags |= CO_GENERATOR;
        if (!ste->ste_generator && ste->ste_coroutine) flags |= CO_COROUTINE;
        if (ste->ste_generator && ste->ste_coroutine) flags |= CO_ASYNC_GENERATOR;
        if (ste->ste_varargs) flags |= CO_VARARGS;
        if (ste->ste_varkeywords) flags |= CO_VARKEYWORDS;
    }
    /* only the future-feature bits of the compiler flags are inherited */
    flags |= c->c_flags & PyCF_MASK;
    if (_RpC_IsTopLevelAwait(c) && ste->ste_coroutine && !ste->ste_generator)
        flags |= CO_COROUTINE;
    return flags;
}

static PyObject *
consts_dict_keys_inorder(PyObject *dict)
{
    Py_ssize_t size = PyDict_Size(dict);
    PyObject *consts = PyList_New(size);
    if (consts == NULL) return NULL;
    PyObject *k, *v;
    Py_ssize_t pos = 0;
    while (PyDict_Next(dict, &pos, &k, &v)) {
        Py_ssize_t i = PyLong_AsSsize_t(v);
        if (PyTuple_CheckExact(k)) k = PyTuple_GET_ITEM(k, 1);
        PyList_SET_ITEM(consts, i, Py_NewRef(k));
    }
    return consts;
}

PyCodeObject *
_RpC_OptimizeAndAssemble(struct compiler *c, int addNone)
{
    struct compiler_unit *u = c->u;
    int code_flags = compute_code_flags(c);
    if (addNone) {
        if (_RpC_AddopLoadConst(c, NO_LOCATION, Py_None) < 0) return NULL;
    }
    if (_RpC_Addop(c, NO_LOCATION, RETURN_VALUE) < 0) return NULL;

    instr_sequence optimized;
    memset(&optimized, 0, sizeof(optimized));
    cfg_builder g;
    memset(&g, 0, sizeof(g));
    PyCodeObject *co = NULL;
    PyObject *consts = consts_dict_keys_inorder(u->u_metadata.u_consts);
    if (consts == NULL) goto error;
    if (_RpCfg_FromSequence(&u->u_instr_sequence, &g) < 0) goto error;
    int nparams = (int)PyList_GET_SIZE(u->u_ste->ste_varnames);
    int nlocals = (int)PyDict_Size(u->u_metadata.u_varnames);
    if (_RpCfg_OptimizeCodeUnit(&g, consts, c->c_const_cache, code_flags, nlocals, nparams,
                                u->u_metadata.u_firstlineno) < 0)
        goto error;
    int nlocalsplus = _RpCfg_PrepareLocalsplus(&u->u_metadata, &g, code_flags);
    if (nlocalsplus < 0) goto error;
    int maxdepth = _RpCfg_Stackdepth(g.g_entryblock, code_flags);
    if (maxdepth < 0) goto error;
    _RpCfg_ConvertPseudoOps(g.g_entryblock);
    if (_RpCfg_ResolveJumps(&g) < 0) goto error;
    if (_RpCfg_ToSequence(&g, &optimized) < 0) goto error;
    co = _RpAssemble_MakeCodeObject(&u->u_metadata, c->c_const_cache, consts, maxdepth,
                                    &optimized, nlocalsplus, code_flags, c->c_filename);
error:
    Py_XDECREF(consts);
    _RpSeq_Fini(&optimized);
    _RpCfg_Fini(&g);
    return co;
}

/* ============================== future ================================ */
static int
future_check_features(struct compiler *c, stmt_ty s)
{
    asdl_alias_seq *names = s->v.ImportFrom.names;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(names); i++) {
        alias_ty name = (alias_ty)asdl_seq_GET(names, i);
        const char *feature = PyUnicode_AsUTF8(name->name);
        if (!feature) return 0;
        if (strcmp(feature, "nested_scopes") == 0 || strcmp(feature, "generators") == 0 ||
            strcmp(feature, "division") == 0 || strcmp(feature, "absolute_import") == 0 ||
            strcmp(feature, "with_statement") == 0 || strcmp(feature, "print_function") == 0 ||
            strcmp(feature, "unicode_literals") == 0 || strcmp(feature, "generator_stop") == 0) {
            continue;
        }
        else if (strcmp(feature, "barry_as_FLUFL") == 0) {
            c->c_future_features |= CO_FUTURE_BARRY_AS_BDFL;
        }
        else if (strcmp(feature, "annotations") == 0) {
            c->c_future_features |= CO_FUTURE_ANNOTATIONS;
        }
        else {
            char buf[200];
            if (strcmp(feature, "braces") == 0)
                snprintf(buf, sizeof buf, "not a chance");
            else
                snprintf(buf, sizeof buf, "future feature %.100s is not defined", feature);
            _RpCompile_SyntaxError(c->c_filename, 0, buf, s->lineno, s->col_offset,
                                   s->lineno, -1);
            return 0;
        }
    }
    return 1;
}

static int
future_parse(struct compiler *c, mod_ty mod)
{
    if (!(mod->kind == Module_kind || mod->kind == Interactive_kind)) return 1;
    asdl_stmt_seq *body = mod->kind == Module_kind ? mod->v.Module.body : mod->v.Interactive.body;
    Py_ssize_t n = asdl_seq_LEN(body);
    Py_ssize_t i = 0;
    if (n == 0) return 1;
    if (_RpAST_GetDocString(body) != NULL) i++;
    for (; i < n; i++) {
        stmt_ty s = (stmt_ty)asdl_seq_GET(body, i);
        if (s->kind == ImportFrom_kind) {
            PyObject *modname = s->v.ImportFrom.module;
            if (modname && _PyUnicode_EqualToASCIIString(modname, "__future__")) {
                if (!future_check_features(c, s)) return 0;
                c->c_future_location = LOC(s);
            }
            else {
                return 1;
            }
        }
        else {
            return 1;
        }
    }
    return 1;
}

/* ============================ entry point ============================= */
static PyCodeObject *
compiler_mod(struct compiler *c, mod_ty mod)
{
    PyCodeObject *co = NULL;
    int addNone = mod->kind != Expression_kind;
    if (_RpC_EnterScope(c, _Py_STR("<module>"), COMPILER_SCOPE_MODULE, mod, 1) < 0)
        return NULL;
    location loc = LOCATION(1, 1, 0, 0);
    int r = 0;
    switch (mod->kind) {
    case Module_kind:
        r = compiler_body(c, loc, mod->v.Module.body);
        break;
    case Interactive_kind:
        if (find_ann(mod->v.Interactive.body))
            r = _RpC_Addop(c, loc, SETUP_ANNOTATIONS);
        c->c_interactive = 1;
        for (Py_ssize_t i = 0; r == 0 && i < asdl_seq_LEN(mod->v.Interactive.body); i++)
            r = _RpC_VisitStmt(c, asdl_seq_GET(mod->v.Interactive.body, i));
        break;
    case Expression_kind:
        r = _RpC_VisitExpr(c, mod->v.Expression.body);
        break;
    default:
        PyErr_Format(PyExc_SystemError, "module kind %d should not be possible", mod->kind);
        r = -1;
        break;
    }
    if (r == 0)
        co = _RpC_OptimizeAndAssemble(c, addNone);
    _RpC_ExitScope(c);
    return co;
}

/* cf_flags: in, the caller's compiler flags (future features to inherit,
   PyCF_ALLOW_TOP_LEVEL_AWAIT); out (if not NULL), merged with the future
   statements of the module, as CPython's compiler_setup does. */
PyCodeObject *
_PyAST_CompileFlags(mod_ty mod, PyObject *filename, int *cf_flags, int optimize,
                    PyArena *arena)
{
    struct compiler c;
    PyCodeObject *co = NULL;
    memset(&c, 0, sizeof(c));
    c.c_filename = filename;
    c.c_optimize = optimize < 0 ? 0 : optimize;
    c.c_arena = arena;
    c.c_future_location = LOCATION(-1, -1, -1, -1);
    c.c_const_cache = PyDict_New();
    if (c.c_const_cache == NULL) return NULL;
    if (!future_parse(&c, mod)) goto finally;
    c.c_flags = c.c_future_features | (cf_flags ? *cf_flags : 0);
    c.c_future_features = c.c_flags;
    if (cf_flags) *cf_flags = c.c_flags;
    c.c_st = _RpSymtable_Build(mod, filename, c.c_future_features);
    if (c.c_st == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "no symtable");
        goto finally;
    }
    co = compiler_mod(&c, mod);
finally:
    while (c.u) _RpC_ExitScope(&c);
    PyMem_Free(c.c_stack);
    _RpSymtable_Free(c.c_st);
    Py_XDECREF(c.c_const_cache);
    return co;
}

PyCodeObject *
_PyAST_Compile(mod_ty mod, PyObject *filename, int optimize, PyArena *arena)
{
    return _PyAST_CompileFlags(mod, filename, NULL, optimize, arena);
}
