/* symtable.c -- the symbol table: which scope every name belongs to.
 *
 * Two passes over the AST, as in CPython 3.12:
 *
 * 1. The visitor walks the tree, opening one entry (PySTEntryObject, a
 *    plain C struct here) per scope: the module, each class body, each
 *    function/lambda, each comprehension, and the PEP 695 annotation
 *    scopes (type parameter lists, TypeVar bounds, type alias values).
 *    For every name it records what the scope does with it as DEF_* bits
 *    in ste_symbols (assigned, parameter, global, nonlocal, used,
 *    imported, annotated ...).  Errors that depend only on one scope
 *    ("name 'x' is used prior to global declaration", duplicate
 *    arguments, walrus restrictions) are raised here.
 *
 * 2. analyze_block() walks the scope tree top-down, passing the set of
 *    names bound in enclosing function scopes ("bound"), the explicit
 *    globals, and collecting free names bottom-up.  Each name gets a
 *    scope: LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE or CELL, stored
 *    in the bits above SCOPE_OFFSET.  Class scopes are invisible to the
 *    functions nested in them, except for the implicit __class__ and
 *    __classdict__ cells.  List/set/dict comprehensions are analysed as
 *    scopes but then inlined into their parent (PEP 709): their symbols
 *    are merged into the parent and their children spliced in.
 *
 * The compiler consults the result through _RpST_GetScope() and the
 * entry flags (generator, coroutine, varargs, needs class closure ...).
 * The name sets of the analysis are real sets (iteration order matters).
 */
#include "pycore.h"
#include "rp_object.h"
#include "compiler.h"
#include <string.h>

#define VISIT_QUIT(ST, X) return --(ST)->recursion_depth, (X)

static int symtable_visit_stmt(struct symtable *st, stmt_ty s);
static int symtable_visit_expr(struct symtable *st, expr_ty e);
static int symtable_visit_genexp(struct symtable *st, expr_ty e);
static int symtable_visit_listcomp(struct symtable *st, expr_ty e);
static int symtable_visit_setcomp(struct symtable *st, expr_ty e);
static int symtable_visit_dictcomp(struct symtable *st, expr_ty e);
static int symtable_visit_arguments(struct symtable *st, arguments_ty);
static int symtable_visit_excepthandler(struct symtable *st, excepthandler_ty);
static int symtable_visit_alias(struct symtable *st, alias_ty);
static int symtable_visit_comprehension(struct symtable *st, comprehension_ty);
static int symtable_visit_keyword(struct symtable *st, keyword_ty);
static int symtable_visit_params(struct symtable *st, asdl_arg_seq *args);
static int symtable_visit_annotation(struct symtable *st, expr_ty annotation);
static int symtable_visit_withitem(struct symtable *st, withitem_ty item);
static int symtable_visit_match_case(struct symtable *st, match_case_ty m);
static int symtable_visit_pattern(struct symtable *st, pattern_ty s);
static int symtable_visit_type_param(struct symtable *st, type_param_ty tp);
static int symtable_raise_if_annotation_block(struct symtable *st, const char *name, expr_ty e);
static int symtable_raise_if_comprehension_block(struct symtable *st, expr_ty e);

#define DUPLICATE_ARGUMENT "duplicate argument '%U' in function definition"
#define DUPLICATE_TYPE_PARAM "duplicate type parameter '%U'"

/* --------------------------- small set helpers ---------------------------- */
/* Real sets, as in CPython: the order in which free names are added to a
   scope (update_symbols iterates a set) shows in the order of the hidden
   locals of inlined comprehensions, so the iteration order must be
   CPython's (with PYTHONHASHSEED=0). */
static int set_add(PyObject *s, PyObject *k) { return PySet_Add(s, k); }
static int set_contains(PyObject *s, PyObject *k) { return s && PySet_Contains(s, k) > 0; }
static int set_discard(PyObject *s, PyObject *k) { return PySet_Discard(s, k); }
static int set_update(PyObject *s, PyObject *other)
{
    if (other == NULL) return 0;
    return _PySet_Update(s, other);
}
static PyObject *set_copy(PyObject *s) { return PySet_New(s); }

/* ------------------------------ errors ---------------------------------- */
void
_RpCompile_SyntaxError(PyObject *filename, int full_args, const char *msg_utf8,
                       int lineno, int col_offset, int end_lineno, int end_col_offset)
{
    PyObject *msg = PyUnicode_FromString(msg_utf8);
    PyObject *exc = NULL, *args = NULL, *loc = NULL, *text = NULL;
    if (msg == NULL) return;
    if (full_args) {
        /* compiler_error: the source line comes from the file, if any */
        text = PyErr_ProgramTextObject(filename, lineno);
        loc = Py_BuildValue("(OiiOii)", filename, lineno, col_offset + 1,
                            text ? text : Py_None, end_lineno, end_col_offset + 1);
        if (loc == NULL) goto done;
        args = PyTuple_Pack(2, msg, loc);
        if (args == NULL) goto done;
        exc = PyObject_Call(PyExc_SyntaxError, args, NULL);
        if (exc == NULL) goto done;
        PyErr_SetObject(PyExc_SyntaxError, exc);
    }
    else {
        /* symtable: SyntaxError(msg) + PyErr_RangedSyntaxLocationObject */
        PyErr_SetObject(PyExc_SyntaxError, msg);
        PyErr_SyntaxLocationObjectEx(filename, lineno, col_offset + 1, end_lineno,
                                     end_col_offset < 0 ? -1 : end_col_offset + 1);
    }
done:
    Py_XDECREF(exc);
    Py_XDECREF(args);
    Py_XDECREF(loc);
    Py_XDECREF(text);
    Py_DECREF(msg);
}

static void
st_error(struct symtable *st, int lineno, int col, int end_lineno, int end_col,
         const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *msg = PyUnicode_FromFormatV(fmt, va);
    va_end(va);
    if (msg == NULL) return;
    const char *s = PyUnicode_AsUTF8(msg);
    if (s != NULL)
        _RpCompile_SyntaxError(st->st_filename, 0, s, lineno, col, end_lineno, end_col);
    Py_DECREF(msg);
}

/* ------------------------------ entries ---------------------------------- */
static void
ste_free_entry(PySTEntryObject *ste)
{
    Py_XDECREF(ste->ste_symbols);
    Py_XDECREF(ste->ste_name);
    Py_XDECREF(ste->ste_varnames);
    Py_XDECREF(ste->ste_directives);
    Py_XDECREF(ste->ste_mangled_names);
    PyMem_Free(ste->ste_children);
    PyMem_Free(ste);
}

static int
ste_add_child(PySTEntryObject *p, PySTEntryObject *c)
{
    if (p->ste_nchildren == p->ste_achildren) {
        int n = p->ste_achildren ? p->ste_achildren * 2 : 4;
        void *a = PyMem_Realloc(p->ste_children, n * sizeof(PySTEntryObject *));
        if (a == NULL) { PyErr_NoMemory(); return -1; }
        p->ste_children = a;
        p->ste_achildren = n;
    }
    p->ste_children[p->ste_nchildren++] = c;
    return 0;
}

static PySTEntryObject *
ste_new(struct symtable *st, PyObject *name, rp_block_ty block, void *key,
        int lineno, int col_offset, int end_lineno, int end_col_offset)
{
    PySTEntryObject *ste = PyMem_Calloc(1, sizeof(PySTEntryObject));
    if (ste == NULL) { PyErr_NoMemory(); return NULL; }
    if (st->st_nall == st->st_aall) {
        int n = st->st_aall ? st->st_aall * 2 : 16;
        void *a = PyMem_Realloc(st->st_all, n * sizeof(PySTEntryObject *));
        if (a == NULL) { PyMem_Free(ste); PyErr_NoMemory(); return NULL; }
        st->st_all = a;
        st->st_aall = n;
    }
    st->st_all[st->st_nall] = ste;
    ste->ste_table = st;
    ste->ste_id = key;
    ste->ste_name = Py_NewRef(name);
    ste->ste_symbols = PyDict_New();
    ste->ste_varnames = PyList_New(0);
    ste->ste_type = block;
    ste->ste_lineno = lineno;
    ste->ste_col_offset = col_offset;
    ste->ste_end_lineno = end_lineno;
    ste->ste_end_col_offset = end_col_offset;
    if (st->st_cur != NULL &&
        (st->st_cur->ste_nested || _RpST_IsFunctionLike(st->st_cur)))
        ste->ste_nested = 1;
    if (ste->ste_symbols == NULL || ste->ste_varnames == NULL) {
        ste_free_entry(ste);
        return NULL;
    }
    PyObject *k = PyLong_FromSsize_t((Py_ssize_t)(uintptr_t)key);
    PyObject *v = PyLong_FromLong(st->st_nall);
    if (k == NULL || v == NULL || PyDict_SetItem(st->st_blocks, k, v) < 0) {
        Py_XDECREF(k); Py_XDECREF(v);
        ste_free_entry(ste);
        return NULL;
    }
    Py_DECREF(k); Py_DECREF(v);
    st->st_nall++;
    return ste;
}

int
_RpST_IsFunctionLike(PySTEntryObject *ste)
{
    return ste->ste_type == FunctionBlock || ste->ste_type == AnnotationBlock ||
           ste->ste_type == TypeVarBoundBlock || ste->ste_type == TypeAliasBlock ||
           ste->ste_type == TypeParamBlock;
}

long
_RpST_GetSymbol(PySTEntryObject *ste, PyObject *name)
{
    PyObject *v = PyDict_GetItemWithError(ste->ste_symbols, name);
    if (v == NULL) return 0;
    return PyLong_AsLong(v);
}

int
_RpST_GetScope(PySTEntryObject *ste, PyObject *name)
{
    long symbol = _RpST_GetSymbol(ste, name);
    return (int)((symbol >> SCOPE_OFFSET) & SCOPE_MASK);
}

PySTEntryObject *
_RpSymtable_Lookup(struct symtable *st, void *key)
{
    PyObject *k = PyLong_FromSsize_t((Py_ssize_t)(uintptr_t)key);
    if (k == NULL) return NULL;
    PyObject *v = PyDict_GetItemWithError(st->st_blocks, k);
    Py_DECREF(k);
    if (v == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_KeyError, "unknown symbol table entry");
        return NULL;
    }
    return st->st_all[PyLong_AsLong(v)];
}

/* ------------------------------- mangling ------------------------------- */
PyObject *
_RpMangle(PyObject *privateobj, PyObject *ident)
{
    /* Name mangling: __private becomes _classname__private. */
    Py_ssize_t nlen = PyUnicode_GetLength(ident);
    if (privateobj == NULL || !PyUnicode_Check(privateobj) || nlen < 2 ||
        PyUnicode_ReadChar(ident, 0) != '_' || PyUnicode_ReadChar(ident, 1) != '_') {
        return Py_NewRef(ident);
    }
    Py_ssize_t plen = PyUnicode_GetLength(privateobj);
    /* Don't mangle __id__ or names with dots. */
    if ((PyUnicode_ReadChar(ident, nlen - 1) == '_' && PyUnicode_ReadChar(ident, nlen - 2) == '_') ||
        PyUnicode_Find(ident, _Py_STR("."), 0, nlen, 1) != -1) {
        if (PyErr_Occurred()) return NULL;
        return Py_NewRef(ident);
    }
    /* Strip leading underscores from class name */
    Py_ssize_t ipriv = 0;
    while (ipriv < plen && PyUnicode_ReadChar(privateobj, ipriv) == '_')
        ipriv++;
    if (ipriv == plen)
        return Py_NewRef(ident);   /* Don't mangle if class is just underscores */
    PyObject *stripped = PyUnicode_Substring(privateobj, ipriv, plen);
    if (stripped == NULL) return NULL;
    PyObject *result = PyUnicode_FromFormat("_%U%U", stripped, ident);
    Py_DECREF(stripped);
    if (result == NULL) return NULL;
    PyUnicode_InternInPlace(&result);
    return result;
}

PyObject *
_RpMaybeMangle(PyObject *privateobj, PySTEntryObject *ste, PyObject *name)
{
    if (ste && ste->ste_mangled_names != NULL) {
        int r = PyDict_Contains(ste->ste_mangled_names, name);
        if (r < 0) return NULL;
        if (r == 0) return Py_NewRef(name);
    }
    return _RpMangle(privateobj, name);
}

/* --------------------------- block stack --------------------------------- */
static int
symtable_enter_block(struct symtable *st, PyObject *name, rp_block_ty block, void *ast,
                     int lineno, int col_offset, int end_lineno, int end_col_offset)
{
    PySTEntryObject *prev = st->st_cur;
    PySTEntryObject *ste = ste_new(st, name, block, ast, lineno, col_offset,
                                   end_lineno, end_col_offset);
    if (ste == NULL) return 0;
    if (st->st_nstack == st->st_astack) {
        int n = st->st_astack ? st->st_astack * 2 : 16;
        void *a = PyMem_Realloc(st->st_stack, n * sizeof(PySTEntryObject *));
        if (a == NULL) { PyErr_NoMemory(); return 0; }
        st->st_stack = a;
        st->st_astack = n;
    }
    st->st_stack[st->st_nstack++] = ste;
    if (prev) ste->ste_comp_iter_expr = prev->ste_comp_iter_expr;
    st->st_cur = ste;
    if (block == AnnotationBlock) return 1;
    if (block == ModuleBlock) st->st_global = ste->ste_symbols;
    if (prev && ste_add_child(prev, ste) < 0) return 0;
    return 1;
}

static int
symtable_exit_block(struct symtable *st)
{
    st->st_nstack--;
    st->st_cur = st->st_nstack > 0 ? st->st_stack[st->st_nstack - 1] : NULL;
    return 1;
}

/* ---------------------------- definitions -------------------------------- */
static int
symtable_add_def_helper(struct symtable *st, PyObject *name, int flag, PySTEntryObject *ste,
                        int lineno, int col_offset, int end_lineno, int end_col_offset)
{
    PyObject *mangled = _RpMaybeMangle(st->st_private, st->st_cur, name);
    if (mangled == NULL) return 0;
    PyObject *dict = ste->ste_symbols;
    long val;
    PyObject *o = PyDict_GetItemWithError(dict, mangled);
    if (o) {
        val = PyLong_AsLong(o);
        if ((flag & DEF_PARAM) && (val & DEF_PARAM)) {
            st_error(st, lineno, col_offset, end_lineno, end_col_offset, DUPLICATE_ARGUMENT, name);
            goto error;
        }
        if ((flag & DEF_TYPE_PARAM) && (val & DEF_TYPE_PARAM)) {
            st_error(st, lineno, col_offset, end_lineno, end_col_offset, DUPLICATE_TYPE_PARAM, name);
            goto error;
        }
        val |= flag;
    }
    else if (PyErr_Occurred()) {
        goto error;
    }
    else {
        val = flag;
    }
    if (ste->ste_comp_iter_target) {
        if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
            st_error(st, lineno, col_offset, end_lineno, end_col_offset,
                     "comprehension inner loop cannot rebind assignment expression target '%U'", name);
            goto error;
        }
        val |= DEF_COMP_ITER;
    }
    o = PyLong_FromLong(val);
    if (o == NULL || PyDict_SetItem(dict, mangled, o) < 0) { Py_XDECREF(o); goto error; }
    Py_DECREF(o);
    if (flag & DEF_PARAM) {
        if (PyList_Append(ste->ste_varnames, mangled) < 0) goto error;
    }
    else if (flag & DEF_GLOBAL) {
        val = flag;
        o = PyDict_GetItemWithError(st->st_global, mangled);
        if (o) val |= PyLong_AsLong(o);
        else if (PyErr_Occurred()) goto error;
        o = PyLong_FromLong(val);
        if (o == NULL || PyDict_SetItem(st->st_global, mangled, o) < 0) { Py_XDECREF(o); goto error; }
        Py_DECREF(o);
    }
    Py_DECREF(mangled);
    return 1;
error:
    Py_DECREF(mangled);
    return 0;
}

static int
symtable_add_def(struct symtable *st, PyObject *name, int flag,
                 int lineno, int col_offset, int end_lineno, int end_col_offset)
{
    /* In the type-parameter block of a generic class only the type
       parameters themselves are mangled (see _RpMaybeMangle). */
    if ((flag & DEF_TYPE_PARAM) && st->st_cur->ste_mangled_names != NULL) {
        if (PyDict_SetItem(st->st_cur->ste_mangled_names, name, Py_True) < 0) return 0;
    }
    return symtable_add_def_helper(st, name, flag, st->st_cur,
                                   lineno, col_offset, end_lineno, end_col_offset);
}
#define ADD_DEF(ST, NAME, FLAG, N) \
    symtable_add_def((ST), (NAME), (FLAG), (N)->lineno, (N)->col_offset, \
                     (N)->end_lineno, (N)->end_col_offset)

static int
symtable_record_directive(struct symtable *st, PyObject *name, int lineno,
                          int col_offset, int end_lineno, int end_col_offset)
{
    if (st->st_cur->ste_directives == NULL) {
        st->st_cur->ste_directives = PyList_New(0);
        if (st->st_cur->ste_directives == NULL) return 0;
    }
    PyObject *mangled = _RpMangle(st->st_private, name);
    if (mangled == NULL) return 0;
    PyObject *data = Py_BuildValue("(Niiii)", mangled, lineno, col_offset, end_lineno, end_col_offset);
    if (data == NULL) return 0;
    int res = PyList_Append(st->st_cur->ste_directives, data);
    Py_DECREF(data);
    return res == 0;
}

static int
error_at_directive(PySTEntryObject *ste, PyObject *name)
{
    /* The error is already set with a message; attach the location. */
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *msg = NULL;
    if (exc) {
        PyObject *args = PyException_GetArgs(exc);
        if (args && PyTuple_Check(args) && PyTuple_GET_SIZE(args) > 0)
            msg = Py_NewRef(PyTuple_GET_ITEM(args, 0));
        Py_XDECREF(args);
        Py_DECREF(exc);
    }
    if (msg == NULL) return 0;
    for (Py_ssize_t i = 0; ste->ste_directives && i < PyList_GET_SIZE(ste->ste_directives); i++) {
        PyObject *data = PyList_GET_ITEM(ste->ste_directives, i);
        if (PyUnicode_Compare(PyTuple_GET_ITEM(data, 0), name) == 0) {
            _RpCompile_SyntaxError(ste->ste_table->st_filename, 0, PyUnicode_AsUTF8(msg),
                (int)PyLong_AsLong(PyTuple_GET_ITEM(data, 1)),
                (int)PyLong_AsLong(PyTuple_GET_ITEM(data, 2)),
                (int)PyLong_AsLong(PyTuple_GET_ITEM(data, 3)),
                (int)PyLong_AsLong(PyTuple_GET_ITEM(data, 4)));
            Py_DECREF(msg);
            return 0;
        }
    }
    Py_DECREF(msg);
    PyErr_SetString(PyExc_RuntimeError, "BUG: internal directive bookkeeping broken");
    return 0;
}

/* ------------------------------ analysis --------------------------------- */
static int
set_scope(PyObject *scopes, PyObject *name, int scope)
{
    PyObject *v = PyLong_FromLong(scope);
    if (v == NULL) return 0;
    int r = PyDict_SetItem(scopes, name, v);
    Py_DECREF(v);
    return r == 0;
}
#define SET_SCOPE(DICT, NAME, I) do { if (!set_scope((DICT), (NAME), (I))) return 0; } while (0)

static int
syntax_error_fmt_directive(PySTEntryObject *ste, PyObject *name, const char *fmt)
{
    PyErr_Format(PyExc_SyntaxError, fmt, name);
    return error_at_directive(ste, name);
}

static int
analyze_name(PySTEntryObject *ste, PyObject *scopes, PyObject *name, long flags,
             PyObject *bound, PyObject *local, PyObject *free, PyObject *global,
             PyObject *type_params, PySTEntryObject *class_entry)
{
    if (flags & DEF_GLOBAL) {
        if (flags & DEF_NONLOCAL)
            return syntax_error_fmt_directive(ste, name, "name '%U' is nonlocal and global");
        SET_SCOPE(scopes, name, GLOBAL_EXPLICIT);
        if (set_add(global, name) < 0) return 0;
        if (bound && set_discard(bound, name) < 0) return 0;
        return 1;
    }
    if (flags & DEF_NONLOCAL) {
        if (!bound) {
            PyErr_SetString(PyExc_SyntaxError, "nonlocal declaration not allowed at module level");
            return error_at_directive(ste, name);
        }
        if (!set_contains(bound, name))
            return syntax_error_fmt_directive(ste, name, "no binding for nonlocal '%U' found");
        if (set_contains(type_params, name))
            return syntax_error_fmt_directive(ste, name,
                                              "nonlocal binding not allowed for type parameter '%U'");
        SET_SCOPE(scopes, name, FREE);
        ste->ste_free = 1;
        return set_add(free, name) >= 0;
    }
    if (flags & DEF_BOUND) {
        SET_SCOPE(scopes, name, LOCAL);
        if (set_add(local, name) < 0) return 0;
        if (set_discard(global, name) < 0) return 0;
        if (flags & DEF_TYPE_PARAM) {
            if (set_add(type_params, name) < 0) return 0;
        }
        else {
            if (set_discard(type_params, name) < 0) return 0;
        }
        return 1;
    }
    if (class_entry != NULL) {
        long class_flags = _RpST_GetSymbol(class_entry, name);
        if (class_flags & DEF_GLOBAL) {
            SET_SCOPE(scopes, name, GLOBAL_EXPLICIT);
            return 1;
        }
        else if ((class_flags & DEF_BOUND) && !(class_flags & DEF_NONLOCAL)) {
            SET_SCOPE(scopes, name, GLOBAL_IMPLICIT);
            return 1;
        }
    }
    if (bound && set_contains(bound, name)) {
        SET_SCOPE(scopes, name, FREE);
        ste->ste_free = 1;
        return set_add(free, name) >= 0;
    }
    if (global && set_contains(global, name)) {
        SET_SCOPE(scopes, name, GLOBAL_IMPLICIT);
        return 1;
    }
    if (ste->ste_nested)
        ste->ste_free = 1;
    SET_SCOPE(scopes, name, GLOBAL_IMPLICIT);
    return 1;
}

static int
is_free_in_any_child(PySTEntryObject *entry, PyObject *key)
{
    for (int i = 0; i < entry->ste_nchildren; i++) {
        PySTEntryObject *child = entry->ste_children[i];
        long scope = (_RpST_GetSymbol(child, key) >> SCOPE_OFFSET) & SCOPE_MASK;
        if (scope == FREE) return 1;
    }
    return 0;
}

static int
inline_comprehension(PySTEntryObject *ste, PySTEntryObject *comp, PyObject *scopes,
                     PyObject *comp_free, PyObject *inlined_cells)
{
    PyObject *k, *v;
    Py_ssize_t pos = 0;
    int remove_dunder_class = 0;
    while (PyDict_Next(comp->ste_symbols, &pos, &k, &v)) {
        long comp_flags = PyLong_AsLong(v);
        if (comp_flags & DEF_PARAM) continue;   /* the ".0" parameter */
        int scope = (int)((comp_flags >> SCOPE_OFFSET) & SCOPE_MASK);
        int only_flags = (int)(comp_flags & ((1 << SCOPE_OFFSET) - 1));
        if (scope == CELL || (only_flags & DEF_COMP_CELL)) {
            if (set_add(inlined_cells, k) < 0) return 0;
        }
        PyObject *existing = PyDict_GetItemWithError(ste->ste_symbols, k);
        if (existing == NULL && PyErr_Occurred()) return 0;
        if (scope == FREE && ste->ste_type == ClassBlock &&
            _PyUnicode_EqualToASCIIString(k, "__class__")) {
            remove_dunder_class = 1;
        }
        if (!existing) {
            PyObject *v_flags = PyLong_FromLong(only_flags);
            if (v_flags == NULL) return 0;
            int ok = PyDict_SetItem(ste->ste_symbols, k, v_flags);
            Py_DECREF(v_flags);
            if (ok < 0) return 0;
            SET_SCOPE(scopes, k, scope);
        }
        else {
            if ((PyLong_AsLong(existing) & DEF_BOUND) &&
                !is_free_in_any_child(comp, k) &&
                ste->ste_type != ClassBlock) {
                if (set_discard(comp_free, k) < 0) return 0;
            }
        }
    }
    comp->ste_free = PySet_Size(comp_free) > 0;
    if (remove_dunder_class && PyDict_DelItemString(comp->ste_symbols, "__class__") < 0)
        return 0;
    return 1;
}

static int
analyze_cells(PyObject *scopes, PyObject *free, PyObject *inlined_cells)
{
    PyObject *name, *v;
    Py_ssize_t pos = 0;
    PyObject *v_cell = PyLong_FromLong(CELL);
    if (v_cell == NULL) return 0;
    while (PyDict_Next(scopes, &pos, &name, &v)) {
        long scope = PyLong_AsLong(v);
        if (scope != LOCAL) continue;
        if (!set_contains(free, name) && !set_contains(inlined_cells, name)) continue;
        if (PyDict_SetItem(scopes, name, v_cell) < 0) { Py_DECREF(v_cell); return 0; }
        if (set_discard(free, name) < 0) { Py_DECREF(v_cell); return 0; }
    }
    Py_DECREF(v_cell);
    return 1;
}

static int
drop_class_free(PySTEntryObject *ste, PyObject *free)
{
    int res = set_discard(free, _Py_ID(__class__));
    if (res < 0) return 0;
    if (res) ste->ste_needs_class_closure = 1;
    res = set_discard(free, _Py_ID(__classdict__));
    if (res < 0) return 0;
    if (res) ste->ste_needs_classdict = 1;
    return 1;
}

static int
update_symbols(PyObject *symbols, PyObject *scopes, PyObject *bound, PyObject *free,
               PyObject *inlined_cells, int classflag)
{
    PyObject *name, *v;
    /* Collect first: we must not resize the dict while iterating. */
    PyObject *items = PyDict_Items(symbols);
    if (items == NULL) return 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        PyObject *item = PyList_GET_ITEM(items, i);
        name = PyTuple_GET_ITEM(item, 0);
        v = PyTuple_GET_ITEM(item, 1);
        long flags = PyLong_AsLong(v);
        if (set_contains(inlined_cells, name)) flags |= DEF_COMP_CELL;
        PyObject *v_scope = PyDict_GetItemWithError(scopes, name);
        long scope = v_scope ? PyLong_AsLong(v_scope) : 0;
        flags |= (scope << SCOPE_OFFSET);
        PyObject *v_new = PyLong_FromLong(flags);
        if (v_new == NULL || PyDict_SetItem(symbols, name, v_new) < 0) {
            Py_XDECREF(v_new); Py_DECREF(items); return 0;
        }
        Py_DECREF(v_new);
    }
    Py_DECREF(items);

    PyObject *v_free = PyLong_FromLong(FREE << SCOPE_OFFSET);
    if (v_free == NULL) return 0;
    PyObject *freelist = PySequence_List(free);   /* set order */
    if (freelist == NULL) { Py_DECREF(v_free); return 0; }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(freelist); i++) {
        name = PyList_GET_ITEM(freelist, i);
        v = PyDict_GetItemWithError(symbols, name);
        if (v) {
            if (classflag) {
                long flags = PyLong_AsLong(v) | DEF_FREE_CLASS;
                PyObject *v_new = PyLong_FromLong(flags);
                if (v_new == NULL || PyDict_SetItem(symbols, name, v_new) < 0) {
                    Py_XDECREF(v_new); goto error;
                }
                Py_DECREF(v_new);
            }
            continue;
        }
        else if (PyErr_Occurred()) goto error;
        if (bound && !set_contains(bound, name)) continue;   /* a global */
        if (PyDict_SetItem(symbols, name, v_free) < 0) goto error;
    }
    Py_DECREF(freelist);
    Py_DECREF(v_free);
    return 1;
error:
    Py_DECREF(freelist);
    Py_DECREF(v_free);
    return 0;
}

static int analyze_child_block(PySTEntryObject *entry, PyObject *bound, PyObject *free,
                               PyObject *global, PyObject *type_params,
                               PySTEntryObject *class_entry, PyObject **child_free);

static int
analyze_block(PySTEntryObject *ste, PyObject *bound, PyObject *free, PyObject *global,
              PyObject *type_params, PySTEntryObject *class_entry)
{
    PyObject *name, *v;
    PyObject *local = NULL, *scopes = NULL, *newbound = NULL, *newglobal = NULL;
    PyObject *newfree = NULL, *inlined_cells = NULL;
    int success = 0;
    Py_ssize_t pos = 0;

    local = PySet_New(NULL);
    scopes = PyDict_New();
    newglobal = PySet_New(NULL);
    newfree = PySet_New(NULL);
    newbound = PySet_New(NULL);
    inlined_cells = PySet_New(NULL);
    if (!local || !scopes || !newglobal || !newfree || !newbound || !inlined_cells)
        goto error;

    if (ste->ste_type == ClassBlock) {
        if (set_update(newglobal, global) < 0) goto error;
        if (bound && set_update(newbound, bound) < 0) goto error;
    }

    while (PyDict_Next(ste->ste_symbols, &pos, &name, &v)) {
        long flags = PyLong_AsLong(v);
        if (!analyze_name(ste, scopes, name, flags, bound, local, free, global,
                          type_params, class_entry))
            goto error;
    }

    if (ste->ste_type != ClassBlock) {
        if (_RpST_IsFunctionLike(ste) && set_update(newbound, local) < 0) goto error;
        if (bound && set_update(newbound, bound) < 0) goto error;
        if (set_update(newglobal, global) < 0) goto error;
    }
    else {
        if (set_add(newbound, _Py_ID(__class__)) < 0) goto error;
        if (set_add(newbound, _Py_ID(__classdict__)) < 0) goto error;
    }

    for (int i = 0; i < ste->ste_nchildren; i++) {
        PyObject *child_free = NULL;
        PySTEntryObject *entry = ste->ste_children[i];
        PySTEntryObject *new_class_entry = NULL;
        if (entry->ste_can_see_class_scope) {
            if (ste->ste_type == ClassBlock) new_class_entry = ste;
            else if (class_entry) new_class_entry = class_entry;
        }
        int inline_comp = entry->ste_comprehension && !entry->ste_generator;
        if (!analyze_child_block(entry, newbound, newfree, newglobal, type_params,
                                 new_class_entry, &child_free))
            goto error;
        if (inline_comp) {
            if (!inline_comprehension(ste, entry, scopes, child_free, inlined_cells)) {
                Py_DECREF(child_free);
                goto error;
            }
            entry->ste_comp_inlined = 1;
        }
        if (set_update(newfree, child_free) < 0) { Py_DECREF(child_free); goto error; }
        Py_DECREF(child_free);
        if (entry->ste_free || entry->ste_child_free)
            ste->ste_child_free = 1;
    }

    /* Splice the children of inlined comprehensions into our children. */
    for (int i = ste->ste_nchildren - 1; i >= 0; --i) {
        PySTEntryObject *entry = ste->ste_children[i];
        if (!entry->ste_comp_inlined) continue;
        int n = entry->ste_nchildren;
        int newn = ste->ste_nchildren - 1 + n;
        if (newn > ste->ste_achildren) {
            void *a = PyMem_Realloc(ste->ste_children, newn * sizeof(PySTEntryObject *));
            if (a == NULL) { PyErr_NoMemory(); goto error; }
            ste->ste_children = a;
            ste->ste_achildren = newn;
        }
        memmove(&ste->ste_children[i + n], &ste->ste_children[i + 1],
                (ste->ste_nchildren - i - 1) * sizeof(PySTEntryObject *));
        if (n) memcpy(&ste->ste_children[i], entry->ste_children, n * sizeof(PySTEntryObject *));
        ste->ste_nchildren = newn;
    }

    if (_RpST_IsFunctionLike(ste) && !analyze_cells(scopes, newfree, inlined_cells))
        goto error;
    else if (ste->ste_type == ClassBlock && !drop_class_free(ste, newfree))
        goto error;
    if (!update_symbols(ste->ste_symbols, scopes, bound, newfree, inlined_cells,
                        ste->ste_type == ClassBlock || ste->ste_can_see_class_scope))
        goto error;
    if (set_update(free, newfree) < 0) goto error;
    success = 1;
error:
    Py_XDECREF(scopes);
    Py_XDECREF(local);
    Py_XDECREF(newbound);
    Py_XDECREF(newglobal);
    Py_XDECREF(newfree);
    Py_XDECREF(inlined_cells);
    return success;
}

static int
analyze_child_block(PySTEntryObject *entry, PyObject *bound, PyObject *free, PyObject *global,
                    PyObject *type_params, PySTEntryObject *class_entry, PyObject **child_free)
{
    PyObject *temp_bound = NULL, *temp_global = NULL, *temp_free = NULL, *temp_tp = NULL;
    temp_bound = set_copy(bound);
    if (!temp_bound) goto error;
    temp_free = set_copy(free);
    if (!temp_free) goto error;
    temp_global = set_copy(global);
    if (!temp_global) goto error;
    temp_tp = set_copy(type_params);
    if (!temp_tp) goto error;
    if (!analyze_block(entry, temp_bound, temp_free, temp_global, temp_tp, class_entry))
        goto error;
    *child_free = temp_free;
    Py_DECREF(temp_bound);
    Py_DECREF(temp_global);
    Py_DECREF(temp_tp);
    return 1;
error:
    Py_XDECREF(temp_bound);
    Py_XDECREF(temp_free);
    Py_XDECREF(temp_global);
    Py_XDECREF(temp_tp);
    return 0;
}

static int
symtable_analyze(struct symtable *st)
{
    PyObject *free = PySet_New(NULL), *global = PySet_New(NULL), *tp = PySet_New(NULL);
    int r = 0;
    if (free && global && tp)
        r = analyze_block(st->st_top, NULL, free, global, tp, NULL);
    Py_XDECREF(free);
    Py_XDECREF(global);
    Py_XDECREF(tp);
    return r;
}

/* ------------------------------ visitors --------------------------------- */
#undef VISIT
#undef VISIT_SEQ
#undef SUCCESS
#undef ERROR
#define VISIT(ST, TYPE, V) \
    do { if (!symtable_visit_ ## TYPE((ST), (V))) VISIT_QUIT((ST), 0); } while (0)
#define VISIT_SEQ(ST, TYPE, SEQ) do { \
        asdl_seq *seq_ = (asdl_seq *)(SEQ); \
        for (Py_ssize_t i_ = 0; i_ < asdl_seq_LEN(seq_); i_++) { \
            void *elt_ = asdl_seq_GET(seq_, i_); \
            if (!symtable_visit_ ## TYPE((ST), elt_)) VISIT_QUIT((ST), 0); \
        } } while (0)
#define VISIT_SEQ_TAIL(ST, TYPE, SEQ, START) do { \
        asdl_seq *seq_ = (asdl_seq *)(SEQ); \
        for (Py_ssize_t i_ = (START); i_ < asdl_seq_LEN(seq_); i_++) { \
            void *elt_ = asdl_seq_GET(seq_, i_); \
            if (!symtable_visit_ ## TYPE((ST), elt_)) VISIT_QUIT((ST), 0); \
        } } while (0)
#define VISIT_SEQ_WITH_NULL(ST, TYPE, SEQ) do { \
        asdl_seq *seq_ = (asdl_seq *)(SEQ); \
        for (Py_ssize_t i_ = 0; i_ < asdl_seq_LEN(seq_); i_++) { \
            void *elt_ = asdl_seq_GET(seq_, i_); \
            if (!elt_) continue; \
            if (!symtable_visit_ ## TYPE((ST), elt_)) VISIT_QUIT((ST), 0); \
        } } while (0)

static int
symtable_enter_recursion(struct symtable *st)
{
    if (++st->recursion_depth > st->recursion_limit) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        return 0;
    }
    return 1;
}

static int
has_kwonlydefaults(asdl_arg_seq *kwonlyargs, asdl_expr_seq *kw_defaults)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(kwonlyargs); i++) {
        if (kw_defaults && i < asdl_seq_LEN(kw_defaults) && asdl_seq_GET(kw_defaults, i))
            return 1;
    }
    return 0;
}

static int
symtable_enter_type_param_block(struct symtable *st, PyObject *name, void *ast,
                                int has_defaults, int has_kwdefaults, enum _stmt_kind kind,
                                int lineno, int col_offset, int end_lineno, int end_col_offset)
{
    rp_block_ty current_type = st->st_cur->ste_type;
    if (!symtable_enter_block(st, name, TypeParamBlock, ast, lineno, col_offset,
                              end_lineno, end_col_offset))
        return 0;
    if (current_type == ClassBlock) {
        st->st_cur->ste_can_see_class_scope = 1;
        if (!symtable_add_def(st, _Py_ID(__classdict__), USE, lineno, col_offset,
                              end_lineno, end_col_offset))
            return 0;
    }
    if (kind == ClassDef_kind) {
        /* The type params block of a class defines .type_params and
           .generic_base as locals. */
        if (!symtable_add_def(st, _Py_STR(".type_params"), DEF_LOCAL, lineno, col_offset,
                              end_lineno, end_col_offset))
            return 0;
        if (!symtable_add_def(st, _Py_STR(".type_params"), USE, lineno, col_offset,
                              end_lineno, end_col_offset))
            return 0;
        if (!symtable_add_def(st, _Py_STR(".generic_base"), DEF_LOCAL, lineno, col_offset,
                              end_lineno, end_col_offset))
            return 0;
        if (!symtable_add_def(st, _Py_STR(".generic_base"), USE, lineno, col_offset,
                              end_lineno, end_col_offset))
            return 0;
    }
    if (has_defaults) {
        if (!symtable_add_def(st, _Py_STR(".defaults"), DEF_PARAM, lineno, col_offset,
                              end_lineno, end_col_offset))
            return 0;
    }
    if (has_kwdefaults) {
        if (!symtable_add_def(st, _Py_STR(".kwdefaults"), DEF_PARAM, lineno, col_offset,
                              end_lineno, end_col_offset))
            return 0;
    }
    return 1;
}

static int
symtable_visit_argannotations(struct symtable *st, asdl_arg_seq *args)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty arg = (arg_ty)asdl_seq_GET(args, i);
        if (arg->annotation) VISIT(st, expr, arg->annotation);
    }
    return 1;
}

static int
symtable_visit_annotation(struct symtable *st, expr_ty annotation)
{
    int future_annotations = st->st_future_features & CO_FUTURE_ANNOTATIONS;
    if (future_annotations &&
        !symtable_enter_block(st, _Py_ID(_annotation), AnnotationBlock, (void *)annotation,
                              annotation->lineno, annotation->col_offset,
                              annotation->end_lineno, annotation->end_col_offset))
        VISIT_QUIT(st, 0);
    VISIT(st, expr, annotation);
    if (future_annotations && !symtable_exit_block(st))
        VISIT_QUIT(st, 0);
    return 1;
}

static int
symtable_visit_annotations(struct symtable *st, stmt_ty o, arguments_ty a, expr_ty returns)
{
    int future_annotations = st->st_future_features & CO_FUTURE_ANNOTATIONS;
    if (future_annotations &&
        !symtable_enter_block(st, _Py_ID(_annotation), AnnotationBlock, (void *)o,
                              o->lineno, o->col_offset, o->end_lineno, o->end_col_offset))
        VISIT_QUIT(st, 0);
    if (a->posonlyargs && !symtable_visit_argannotations(st, a->posonlyargs)) return 0;
    if (a->args && !symtable_visit_argannotations(st, a->args)) return 0;
    if (a->vararg && a->vararg->annotation) VISIT(st, expr, a->vararg->annotation);
    if (a->kwarg && a->kwarg->annotation) VISIT(st, expr, a->kwarg->annotation);
    if (a->kwonlyargs && !symtable_visit_argannotations(st, a->kwonlyargs)) return 0;
    if (future_annotations && !symtable_exit_block(st)) VISIT_QUIT(st, 0);
    if (returns && !symtable_visit_annotation(st, returns)) VISIT_QUIT(st, 0);
    return 1;
}

static int
symtable_visit_stmt(struct symtable *st, stmt_ty s)
{
    if (!symtable_enter_recursion(st)) VISIT_QUIT(st, 0);
    switch (s->kind) {
    case FunctionDef_kind:
    case AsyncFunctionDef_kind: {
        int is_async = s->kind == AsyncFunctionDef_kind;
        if (!ADD_DEF(st, s->v.FunctionDef.name, DEF_LOCAL, s)) VISIT_QUIT(st, 0);
        if (s->v.FunctionDef.args->defaults)
            VISIT_SEQ(st, expr, s->v.FunctionDef.args->defaults);
        if (s->v.FunctionDef.args->kw_defaults)
            VISIT_SEQ_WITH_NULL(st, expr, s->v.FunctionDef.args->kw_defaults);
        if (s->v.FunctionDef.decorator_list)
            VISIT_SEQ(st, expr, s->v.FunctionDef.decorator_list);
        if (asdl_seq_LEN(s->v.FunctionDef.type_params) > 0) {
            if (!symtable_enter_type_param_block(
                    st, s->v.FunctionDef.name, (void *)s->v.FunctionDef.type_params,
                    s->v.FunctionDef.args->defaults != NULL,
                    has_kwonlydefaults(s->v.FunctionDef.args->kwonlyargs,
                                       s->v.FunctionDef.args->kw_defaults),
                    s->kind, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset))
                VISIT_QUIT(st, 0);
            VISIT_SEQ(st, type_param, s->v.FunctionDef.type_params);
        }
        if (!symtable_visit_annotations(st, s, s->v.FunctionDef.args, s->v.FunctionDef.returns))
            VISIT_QUIT(st, 0);
        if (!symtable_enter_block(st, s->v.FunctionDef.name, FunctionBlock, (void *)s,
                                  s->lineno, s->col_offset, s->end_lineno, s->end_col_offset))
            VISIT_QUIT(st, 0);
        if (is_async) st->st_cur->ste_coroutine = 1;
        VISIT(st, arguments, s->v.FunctionDef.args);
        VISIT_SEQ(st, stmt, s->v.FunctionDef.body);
        if (!symtable_exit_block(st)) VISIT_QUIT(st, 0);
        if (asdl_seq_LEN(s->v.FunctionDef.type_params) > 0) {
            if (!symtable_exit_block(st)) VISIT_QUIT(st, 0);
        }
        break;
    }
    case ClassDef_kind: {
        PyObject *tmp;
        if (!ADD_DEF(st, s->v.ClassDef.name, DEF_LOCAL, s)) VISIT_QUIT(st, 0);
        if (s->v.ClassDef.decorator_list)
            VISIT_SEQ(st, expr, s->v.ClassDef.decorator_list);
        tmp = st->st_private;
        if (asdl_seq_LEN(s->v.ClassDef.type_params) > 0) {
            if (!symtable_enter_type_param_block(st, s->v.ClassDef.name,
                                                 (void *)s->v.ClassDef.type_params, 0, 0, s->kind,
                                                 s->lineno, s->col_offset, s->end_lineno,
                                                 s->end_col_offset))
                VISIT_QUIT(st, 0);
            st->st_private = s->v.ClassDef.name;
            st->st_cur->ste_mangled_names = PyDict_New();
            if (!st->st_cur->ste_mangled_names) VISIT_QUIT(st, 0);
            VISIT_SEQ(st, type_param, s->v.ClassDef.type_params);
        }
        VISIT_SEQ(st, expr, s->v.ClassDef.bases);
        VISIT_SEQ(st, keyword, s->v.ClassDef.keywords);
        if (!symtable_enter_block(st, s->v.ClassDef.name, ClassBlock, (void *)s,
                                  s->lineno, s->col_offset, s->end_lineno, s->end_col_offset))
            VISIT_QUIT(st, 0);
        st->st_private = s->v.ClassDef.name;
        if (asdl_seq_LEN(s->v.ClassDef.type_params) > 0) {
            if (!symtable_add_def(st, _Py_ID(__type_params__), DEF_LOCAL, s->lineno,
                                  s->col_offset, s->end_lineno, s->end_col_offset))
                VISIT_QUIT(st, 0);
            if (!symtable_add_def(st, _Py_STR(".type_params"), USE, s->lineno, s->col_offset,
                                  s->end_lineno, s->end_col_offset))
                VISIT_QUIT(st, 0);
        }
        VISIT_SEQ(st, stmt, s->v.ClassDef.body);
        if (!symtable_exit_block(st)) VISIT_QUIT(st, 0);
        if (asdl_seq_LEN(s->v.ClassDef.type_params) > 0) {
            if (!symtable_exit_block(st)) VISIT_QUIT(st, 0);
        }
        st->st_private = tmp;
        break;
    }
    case TypeAlias_kind: {
        VISIT(st, expr, s->v.TypeAlias.name);
        expr_ty name = s->v.TypeAlias.name;
        int is_in_class = st->st_cur->ste_type == ClassBlock;
        int is_generic = asdl_seq_LEN(s->v.TypeAlias.type_params) > 0;
        if (is_generic) {
            if (!symtable_enter_type_param_block(st, name->v.Name.id,
                                                 (void *)s->v.TypeAlias.type_params, 0, 0, s->kind,
                                                 s->lineno, s->col_offset, s->end_lineno,
                                                 s->end_col_offset))
                VISIT_QUIT(st, 0);
            VISIT_SEQ(st, type_param, s->v.TypeAlias.type_params);
        }
        if (!symtable_enter_block(st, name->v.Name.id, TypeAliasBlock, (void *)s,
                                  s->lineno, s->col_offset, s->end_lineno, s->end_col_offset))
            VISIT_QUIT(st, 0);
        st->st_cur->ste_can_see_class_scope = is_in_class;
        if (is_in_class && !symtable_add_def(st, _Py_ID(__classdict__), USE,
                                             s->v.TypeAlias.value->lineno,
                                             s->v.TypeAlias.value->col_offset,
                                             s->v.TypeAlias.value->end_lineno,
                                             s->v.TypeAlias.value->end_col_offset))
            VISIT_QUIT(st, 0);
        VISIT(st, expr, s->v.TypeAlias.value);
        if (!symtable_exit_block(st)) VISIT_QUIT(st, 0);
        if (is_generic && !symtable_exit_block(st)) VISIT_QUIT(st, 0);
        break;
    }
    case Return_kind:
        if (s->v.Return.value) {
            VISIT(st, expr, s->v.Return.value);
            st->st_cur->ste_returns_value = 1;
        }
        break;
    case Delete_kind:
        VISIT_SEQ(st, expr, s->v.Delete.targets);
        break;
    case Assign_kind:
        VISIT_SEQ(st, expr, s->v.Assign.targets);
        VISIT(st, expr, s->v.Assign.value);
        break;
    case AnnAssign_kind:
        if (s->v.AnnAssign.target->kind == Name_kind) {
            expr_ty e_name = s->v.AnnAssign.target;
            long cur = _RpST_GetSymbol(st->st_cur, e_name->v.Name.id);
            if (cur < 0) VISIT_QUIT(st, 0);
            if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) &&
                (st->st_cur->ste_symbols != st->st_global) &&
                s->v.AnnAssign.simple) {
                st_error(st, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset,
                         (cur & DEF_GLOBAL) ? "annotated name '%U' can't be global"
                                            : "annotated name '%U' can't be nonlocal",
                         e_name->v.Name.id);
                VISIT_QUIT(st, 0);
            }
            if (s->v.AnnAssign.simple &&
                !ADD_DEF(st, e_name->v.Name.id, DEF_ANNOT | DEF_LOCAL, e_name))
                VISIT_QUIT(st, 0);
            else {
                if (s->v.AnnAssign.value && !ADD_DEF(st, e_name->v.Name.id, DEF_LOCAL, e_name))
                    VISIT_QUIT(st, 0);
            }
        }
        else {
            VISIT(st, expr, s->v.AnnAssign.target);
        }
        if (!symtable_visit_annotation(st, s->v.AnnAssign.annotation)) VISIT_QUIT(st, 0);
        if (s->v.AnnAssign.value) VISIT(st, expr, s->v.AnnAssign.value);
        break;
    case AugAssign_kind:
        VISIT(st, expr, s->v.AugAssign.target);
        VISIT(st, expr, s->v.AugAssign.value);
        break;
    case For_kind:
    case AsyncFor_kind:
        VISIT(st, expr, s->v.For.target);
        VISIT(st, expr, s->v.For.iter);
        VISIT_SEQ(st, stmt, s->v.For.body);
        if (s->v.For.orelse) VISIT_SEQ(st, stmt, s->v.For.orelse);
        break;
    case While_kind:
        VISIT(st, expr, s->v.While.test);
        VISIT_SEQ(st, stmt, s->v.While.body);
        if (s->v.While.orelse) VISIT_SEQ(st, stmt, s->v.While.orelse);
        break;
    case If_kind:
        VISIT(st, expr, s->v.If.test);
        VISIT_SEQ(st, stmt, s->v.If.body);
        if (s->v.If.orelse) VISIT_SEQ(st, stmt, s->v.If.orelse);
        break;
    case Match_kind:
        VISIT(st, expr, s->v.Match.subject);
        VISIT_SEQ(st, match_case, s->v.Match.cases);
        break;
    case Raise_kind:
        if (s->v.Raise.exc) {
            VISIT(st, expr, s->v.Raise.exc);
            if (s->v.Raise.cause) VISIT(st, expr, s->v.Raise.cause);
        }
        break;
    case Try_kind:
    case TryStar_kind:
        VISIT_SEQ(st, stmt, s->v.Try.body);
        VISIT_SEQ(st, stmt, s->v.Try.orelse);
        VISIT_SEQ(st, excepthandler, s->v.Try.handlers);
        VISIT_SEQ(st, stmt, s->v.Try.finalbody);
        break;
    case Assert_kind:
        VISIT(st, expr, s->v.Assert.test);
        if (s->v.Assert.msg) VISIT(st, expr, s->v.Assert.msg);
        break;
    case Import_kind:
        VISIT_SEQ(st, alias, s->v.Import.names);
        break;
    case ImportFrom_kind:
        VISIT_SEQ(st, alias, s->v.ImportFrom.names);
        break;
    case Global_kind:
    case Nonlocal_kind: {
        int is_global = s->kind == Global_kind;
        asdl_identifier_seq *seq = is_global ? s->v.Global.names : s->v.Nonlocal.names;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
            PyObject *name = (PyObject *)asdl_seq_GET(seq, i);
            long cur = _RpST_GetSymbol(st->st_cur, name);
            if (cur < 0) VISIT_QUIT(st, 0);
            if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
                const char *msg;
                if (cur & DEF_PARAM)
                    msg = is_global ? "name '%U' is parameter and global"
                                    : "name '%U' is parameter and nonlocal";
                else if (cur & USE)
                    msg = is_global ? "name '%U' is used prior to global declaration"
                                    : "name '%U' is used prior to nonlocal declaration";
                else if (cur & DEF_ANNOT)
                    msg = is_global ? "annotated name '%U' can't be global"
                                    : "annotated name '%U' can't be nonlocal";
                else
                    msg = is_global ? "name '%U' is assigned to before global declaration"
                                    : "name '%U' is assigned to before nonlocal declaration";
                st_error(st, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset, msg, name);
                VISIT_QUIT(st, 0);
            }
            if (!ADD_DEF(st, name, is_global ? DEF_GLOBAL : DEF_NONLOCAL, s)) VISIT_QUIT(st, 0);
            if (!symtable_record_directive(st, name, s->lineno, s->col_offset,
                                           s->end_lineno, s->end_col_offset))
                VISIT_QUIT(st, 0);
        }
        break;
    }
    case Expr_kind:
        VISIT(st, expr, s->v.Expr.value);
        break;
    case Pass_kind:
    case Break_kind:
    case Continue_kind:
        break;
    case With_kind:
    case AsyncWith_kind:
        VISIT_SEQ(st, withitem, s->v.With.items);
        VISIT_SEQ(st, stmt, s->v.With.body);
        break;
    }
    VISIT_QUIT(st, 1);
}

static int
symtable_extend_namedexpr_scope(struct symtable *st, expr_ty e)
{
    PyObject *target_name = e->v.Name.id;
    for (int i = st->st_nstack - 1; i >= 0; i--) {
        PySTEntryObject *ste = st->st_stack[i];
        if (ste->ste_comprehension) {
            long target_in_scope = _RpST_GetSymbol(ste, target_name);
            if (target_in_scope & DEF_COMP_ITER) {
                st_error(st, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset,
                         "assignment expression cannot rebind comprehension iteration variable '%U'",
                         target_name);
                VISIT_QUIT(st, 0);
            }
            continue;
        }
        if (_RpST_IsFunctionLike(ste)) {
            long target_in_scope = _RpST_GetSymbol(ste, target_name);
            if (target_in_scope & DEF_GLOBAL) {
                if (!ADD_DEF(st, target_name, DEF_GLOBAL, e)) VISIT_QUIT(st, 0);
            }
            else {
                if (!ADD_DEF(st, target_name, DEF_NONLOCAL, e)) VISIT_QUIT(st, 0);
            }
            if (!symtable_record_directive(st, target_name, e->lineno, e->col_offset,
                                           e->end_lineno, e->end_col_offset))
                VISIT_QUIT(st, 0);
            return symtable_add_def_helper(st, target_name, DEF_LOCAL, ste, e->lineno,
                                           e->col_offset, e->end_lineno, e->end_col_offset);
        }
        if (ste->ste_type == ModuleBlock) {
            if (!ADD_DEF(st, target_name, DEF_GLOBAL, e)) VISIT_QUIT(st, 0);
            if (!symtable_record_directive(st, target_name, e->lineno, e->col_offset,
                                           e->end_lineno, e->end_col_offset))
                VISIT_QUIT(st, 0);
            return symtable_add_def_helper(st, target_name, DEF_GLOBAL, ste, e->lineno,
                                           e->col_offset, e->end_lineno, e->end_col_offset);
        }
        if (ste->ste_type == ClassBlock) {
            st_error(st, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset,
                     "assignment expression within a comprehension cannot be used in a class body");
            VISIT_QUIT(st, 0);
        }
        if (ste->ste_type == TypeParamBlock || ste->ste_type == TypeAliasBlock ||
            ste->ste_type == TypeVarBoundBlock) {
            st_error(st, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset,
                     "assignment expression within a comprehension cannot be used within the definition of a generic");
            VISIT_QUIT(st, 0);
        }
    }
    PyErr_SetString(PyExc_SystemError, "unexpected scope in named expression");
    return 0;
}

static int
symtable_handle_namedexpr(struct symtable *st, expr_ty e)
{
    if (st->st_cur->ste_comp_iter_expr > 0) {
        st_error(st, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset,
                 "assignment expression cannot be used in a comprehension iterable expression");
        return 0;
    }
    if (st->st_cur->ste_comprehension) {
        if (!symtable_extend_namedexpr_scope(st, e->v.NamedExpr.target))
            return 0;
    }
    VISIT(st, expr, e->v.NamedExpr.value);
    VISIT(st, expr, e->v.NamedExpr.target);
    return 1;
}

static int
symtable_visit_expr(struct symtable *st, expr_ty e)
{
    if (!symtable_enter_recursion(st)) VISIT_QUIT(st, 0);
    switch (e->kind) {
    case NamedExpr_kind:
        if (!symtable_raise_if_annotation_block(st, "named expression", e)) VISIT_QUIT(st, 0);
        if (!symtable_handle_namedexpr(st, e)) VISIT_QUIT(st, 0);
        break;
    case BoolOp_kind:
        VISIT_SEQ(st, expr, e->v.BoolOp.values);
        break;
    case BinOp_kind:
        VISIT(st, expr, e->v.BinOp.left);
        VISIT(st, expr, e->v.BinOp.right);
        break;
    case UnaryOp_kind:
        VISIT(st, expr, e->v.UnaryOp.operand);
        break;
    case Lambda_kind: {
        if (e->v.Lambda.args->defaults)
            VISIT_SEQ(st, expr, e->v.Lambda.args->defaults);
        if (e->v.Lambda.args->kw_defaults)
            VISIT_SEQ_WITH_NULL(st, expr, e->v.Lambda.args->kw_defaults);
        if (!symtable_enter_block(st, _Py_ID(lambda), FunctionBlock, (void *)e,
                                  e->lineno, e->col_offset, e->end_lineno, e->end_col_offset))
            VISIT_QUIT(st, 0);
        VISIT(st, arguments, e->v.Lambda.args);
        VISIT(st, expr, e->v.Lambda.body);
        if (!symtable_exit_block(st)) VISIT_QUIT(st, 0);
        break;
    }
    case IfExp_kind:
        VISIT(st, expr, e->v.IfExp.test);
        VISIT(st, expr, e->v.IfExp.body);
        VISIT(st, expr, e->v.IfExp.orelse);
        break;
    case Dict_kind:
        VISIT_SEQ_WITH_NULL(st, expr, e->v.Dict.keys);
        VISIT_SEQ(st, expr, e->v.Dict.values);
        break;
    case Set_kind:
        VISIT_SEQ(st, expr, e->v.Set.elts);
        break;
    case GeneratorExp_kind:
        if (!symtable_visit_genexp(st, e)) VISIT_QUIT(st, 0);
        break;
    case ListComp_kind:
        if (!symtable_visit_listcomp(st, e)) VISIT_QUIT(st, 0);
        break;
    case SetComp_kind:
        if (!symtable_visit_setcomp(st, e)) VISIT_QUIT(st, 0);
        break;
    case DictComp_kind:
        if (!symtable_visit_dictcomp(st, e)) VISIT_QUIT(st, 0);
        break;
    case Yield_kind:
        if (!symtable_raise_if_annotation_block(st, "yield expression", e)) VISIT_QUIT(st, 0);
        if (e->v.Yield.value) VISIT(st, expr, e->v.Yield.value);
        st->st_cur->ste_generator = 1;
        if (st->st_cur->ste_comprehension)
            return symtable_raise_if_comprehension_block(st, e);
        break;
    case YieldFrom_kind:
        if (!symtable_raise_if_annotation_block(st, "yield expression", e)) VISIT_QUIT(st, 0);
        VISIT(st, expr, e->v.YieldFrom.value);
        st->st_cur->ste_generator = 1;
        if (st->st_cur->ste_comprehension)
            return symtable_raise_if_comprehension_block(st, e);
        break;
    case Await_kind:
        if (!symtable_raise_if_annotation_block(st, "await expression", e)) VISIT_QUIT(st, 0);
        VISIT(st, expr, e->v.Await.value);
        st->st_cur->ste_coroutine = 1;
        break;
    case Compare_kind:
        VISIT(st, expr, e->v.Compare.left);
        VISIT_SEQ(st, expr, e->v.Compare.comparators);
        break;
    case Call_kind:
        VISIT(st, expr, e->v.Call.func);
        VISIT_SEQ(st, expr, e->v.Call.args);
        VISIT_SEQ_WITH_NULL(st, keyword, e->v.Call.keywords);
        break;
    case FormattedValue_kind:
        VISIT(st, expr, e->v.FormattedValue.value);
        if (e->v.FormattedValue.format_spec) VISIT(st, expr, e->v.FormattedValue.format_spec);
        break;
    case JoinedStr_kind:
        VISIT_SEQ(st, expr, e->v.JoinedStr.values);
        break;
    case Constant_kind:
        break;
    case Attribute_kind:
        VISIT(st, expr, e->v.Attribute.value);
        break;
    case Subscript_kind:
        VISIT(st, expr, e->v.Subscript.value);
        VISIT(st, expr, e->v.Subscript.slice);
        break;
    case Starred_kind:
        VISIT(st, expr, e->v.Starred.value);
        break;
    case Slice_kind:
        if (e->v.Slice.lower) VISIT(st, expr, e->v.Slice.lower);
        if (e->v.Slice.upper) VISIT(st, expr, e->v.Slice.upper);
        if (e->v.Slice.step) VISIT(st, expr, e->v.Slice.step);
        break;
    case Name_kind:
        if (!ADD_DEF(st, e->v.Name.id, e->v.Name.ctx == Load ? USE : DEF_LOCAL, e))
            VISIT_QUIT(st, 0);
        /* Special-case super: it counts as a use of __class__ */
        if (e->v.Name.ctx == Load && _RpST_IsFunctionLike(st->st_cur) &&
            _PyUnicode_EqualToASCIIString(e->v.Name.id, "super")) {
            if (!ADD_DEF(st, _Py_ID(__class__), USE, e)) VISIT_QUIT(st, 0);
        }
        break;
    case List_kind:
        VISIT_SEQ(st, expr, e->v.List.elts);
        break;
    case Tuple_kind:
        VISIT_SEQ(st, expr, e->v.Tuple.elts);
        break;
    }
    VISIT_QUIT(st, 1);
}

static int
symtable_visit_type_param(struct symtable *st, type_param_ty tp)
{
    if (!symtable_enter_recursion(st)) VISIT_QUIT(st, 0);
    switch (tp->kind) {
    case TypeVar_kind:
        if (!ADD_DEF(st, tp->v.TypeVar.name, DEF_TYPE_PARAM | DEF_LOCAL, tp)) VISIT_QUIT(st, 0);
        if (tp->v.TypeVar.bound) {
            int is_in_class = st->st_cur->ste_can_see_class_scope;
            if (!symtable_enter_block(st, tp->v.TypeVar.name, TypeVarBoundBlock, (void *)tp,
                                      tp->lineno, tp->col_offset, tp->end_lineno,
                                      tp->end_col_offset))
                VISIT_QUIT(st, 0);
            st->st_cur->ste_can_see_class_scope = is_in_class;
            if (is_in_class && !ADD_DEF(st, _Py_ID(__classdict__), USE, tp->v.TypeVar.bound))
                VISIT_QUIT(st, 0);
            VISIT(st, expr, tp->v.TypeVar.bound);
            if (!symtable_exit_block(st)) VISIT_QUIT(st, 0);
        }
        break;
    case TypeVarTuple_kind:
        if (!ADD_DEF(st, tp->v.TypeVarTuple.name, DEF_TYPE_PARAM | DEF_LOCAL, tp)) VISIT_QUIT(st, 0);
        break;
    case ParamSpec_kind:
        if (!ADD_DEF(st, tp->v.ParamSpec.name, DEF_TYPE_PARAM | DEF_LOCAL, tp)) VISIT_QUIT(st, 0);
        break;
    }
    VISIT_QUIT(st, 1);
}

static int
symtable_visit_pattern(struct symtable *st, pattern_ty p)
{
    if (!symtable_enter_recursion(st)) VISIT_QUIT(st, 0);
    switch (p->kind) {
    case MatchValue_kind:
        VISIT(st, expr, p->v.MatchValue.value);
        break;
    case MatchSingleton_kind:
        break;
    case MatchSequence_kind:
        VISIT_SEQ(st, pattern, p->v.MatchSequence.patterns);
        break;
    case MatchStar_kind:
        if (p->v.MatchStar.name && !ADD_DEF(st, p->v.MatchStar.name, DEF_LOCAL, p))
            VISIT_QUIT(st, 0);
        break;
    case MatchMapping_kind:
        VISIT_SEQ(st, expr, p->v.MatchMapping.keys);
        VISIT_SEQ(st, pattern, p->v.MatchMapping.patterns);
        if (p->v.MatchMapping.rest && !ADD_DEF(st, p->v.MatchMapping.rest, DEF_LOCAL, p))
            VISIT_QUIT(st, 0);
        break;
    case MatchClass_kind:
        VISIT(st, expr, p->v.MatchClass.cls);
        VISIT_SEQ(st, pattern, p->v.MatchClass.patterns);
        VISIT_SEQ(st, pattern, p->v.MatchClass.kwd_patterns);
        break;
    case MatchAs_kind:
        if (p->v.MatchAs.pattern) VISIT(st, pattern, p->v.MatchAs.pattern);
        if (p->v.MatchAs.name && !ADD_DEF(st, p->v.MatchAs.name, DEF_LOCAL, p))
            VISIT_QUIT(st, 0);
        break;
    case MatchOr_kind:
        VISIT_SEQ(st, pattern, p->v.MatchOr.patterns);
        break;
    }
    VISIT_QUIT(st, 1);
}

static int
symtable_implicit_arg(struct symtable *st, int pos)
{
    PyObject *id = PyUnicode_FromFormat(".%d", pos);
    if (id == NULL) return 0;
    PyUnicode_InternInPlace(&id);
    int r = symtable_add_def(st, id, DEF_PARAM, st->st_cur->ste_lineno,
                             st->st_cur->ste_col_offset, st->st_cur->ste_end_lineno,
                             st->st_cur->ste_end_col_offset);
    Py_DECREF(id);
    return r;
}

static int
symtable_visit_params(struct symtable *st, asdl_arg_seq *args)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty arg = (arg_ty)asdl_seq_GET(args, i);
        if (!ADD_DEF(st, arg->arg, DEF_PARAM, arg)) return 0;
    }
    return 1;
}

static int
symtable_visit_arguments(struct symtable *st, arguments_ty a)
{
    if (a->posonlyargs && !symtable_visit_params(st, a->posonlyargs)) return 0;
    if (a->args && !symtable_visit_params(st, a->args)) return 0;
    if (a->kwonlyargs && !symtable_visit_params(st, a->kwonlyargs)) return 0;
    if (a->vararg) {
        if (!ADD_DEF(st, a->vararg->arg, DEF_PARAM, a->vararg)) return 0;
        st->st_cur->ste_varargs = 1;
    }
    if (a->kwarg) {
        if (!ADD_DEF(st, a->kwarg->arg, DEF_PARAM, a->kwarg)) return 0;
        st->st_cur->ste_varkeywords = 1;
    }
    return 1;
}

static int
symtable_visit_excepthandler(struct symtable *st, excepthandler_ty eh)
{
    if (eh->v.ExceptHandler.type) VISIT(st, expr, eh->v.ExceptHandler.type);
    if (eh->v.ExceptHandler.name && !ADD_DEF(st, eh->v.ExceptHandler.name, DEF_LOCAL, eh))
        return 0;
    VISIT_SEQ(st, stmt, eh->v.ExceptHandler.body);
    return 1;
}

static int
symtable_visit_withitem(struct symtable *st, withitem_ty item)
{
    VISIT(st, expr, item->context_expr);
    if (item->optional_vars) VISIT(st, expr, item->optional_vars);
    return 1;
}

static int
symtable_visit_match_case(struct symtable *st, match_case_ty m)
{
    VISIT(st, pattern, m->pattern);
    if (m->guard) VISIT(st, expr, m->guard);
    VISIT_SEQ(st, stmt, m->body);
    return 1;
}

static int
symtable_visit_alias(struct symtable *st, alias_ty a)
{
    /* import a.b.c binds "a"; "import a as b" binds "b" */
    PyObject *store_name;
    PyObject *name = (a->asname == NULL) ? a->name : a->asname;
    Py_ssize_t len = PyUnicode_GetLength(name);
    Py_ssize_t dot = PyUnicode_Find(name, _Py_STR("."), 0, len, 1);
    if (dot == -2) return 0;
    if (dot != -1) {
        store_name = PyUnicode_Substring(name, 0, dot);
        if (!store_name) return 0;
        PyUnicode_InternInPlace(&store_name);
    }
    else {
        store_name = Py_NewRef(name);
    }
    if (!_PyUnicode_EqualToASCIIString(name, "*")) {
        int r = ADD_DEF(st, store_name, DEF_IMPORT, a);
        Py_DECREF(store_name);
        return r;
    }
    else {
        if (st->st_cur->ste_type != ModuleBlock) {
            st_error(st, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset,
                     "import * only allowed at module level");
            Py_DECREF(store_name);
            return 0;
        }
        Py_DECREF(store_name);
        return 1;
    }
}

static int
symtable_visit_comprehension(struct symtable *st, comprehension_ty lc)
{
    st->st_cur->ste_comp_iter_target = 1;
    VISIT(st, expr, lc->target);
    st->st_cur->ste_comp_iter_target = 0;
    st->st_cur->ste_comp_iter_expr++;
    VISIT(st, expr, lc->iter);
    st->st_cur->ste_comp_iter_expr--;
    VISIT_SEQ(st, expr, lc->ifs);
    if (lc->is_async) st->st_cur->ste_coroutine = 1;
    return 1;
}

static int
symtable_visit_keyword(struct symtable *st, keyword_ty k)
{
    VISIT(st, expr, k->value);
    return 1;
}

static int
symtable_handle_comprehension(struct symtable *st, expr_ty e, PyObject *scope_name,
                              asdl_comprehension_seq *generators, expr_ty elt, expr_ty value)
{
    int is_generator = (e->kind == GeneratorExp_kind);
    comprehension_ty outermost = (comprehension_ty)asdl_seq_GET(generators, 0);
    /* Outermost iterator is evaluated in the current scope */
    st->st_cur->ste_comp_iter_expr++;
    VISIT(st, expr, outermost->iter);
    st->st_cur->ste_comp_iter_expr--;
    /* Create comprehension scope for the rest */
    if (!scope_name ||
        !symtable_enter_block(st, scope_name, FunctionBlock, (void *)e,
                              e->lineno, e->col_offset, e->end_lineno, e->end_col_offset))
        return 0;
    switch (e->kind) {
    case ListComp_kind: st->st_cur->ste_comprehension = ListComprehension; break;
    case SetComp_kind: st->st_cur->ste_comprehension = SetComprehension; break;
    case DictComp_kind: st->st_cur->ste_comprehension = DictComprehension; break;
    default: st->st_cur->ste_comprehension = GeneratorExpression; break;
    }
    if (outermost->is_async) st->st_cur->ste_coroutine = 1;
    /* Outermost iter is received as an argument */
    if (!symtable_implicit_arg(st, 0)) {
        symtable_exit_block(st);
        return 0;
    }
    /* Visit iteration variable target, and mark them as such */
    st->st_cur->ste_comp_iter_target = 1;
    VISIT(st, expr, outermost->target);
    st->st_cur->ste_comp_iter_target = 0;
    /* Visit the rest of the comprehension body */
    VISIT_SEQ(st, expr, outermost->ifs);
    VISIT_SEQ_TAIL(st, comprehension, generators, 1);
    if (value) VISIT(st, expr, value);
    VISIT(st, expr, elt);
    st->st_cur->ste_generator = is_generator;
    int is_async = st->st_cur->ste_coroutine && !is_generator;
    if (!symtable_exit_block(st)) return 0;
    if (is_async)
        st->st_cur->ste_coroutine = 1;
    return 1;
}

static int
symtable_visit_genexp(struct symtable *st, expr_ty e)
{
    return symtable_handle_comprehension(st, e, _Py_STR("genexpr"), e->v.GeneratorExp.generators,
                                         e->v.GeneratorExp.elt, NULL);
}
static int
symtable_visit_listcomp(struct symtable *st, expr_ty e)
{
    return symtable_handle_comprehension(st, e, _Py_STR("listcomp"), e->v.ListComp.generators,
                                         e->v.ListComp.elt, NULL);
}
static int
symtable_visit_setcomp(struct symtable *st, expr_ty e)
{
    return symtable_handle_comprehension(st, e, _Py_STR("setcomp"), e->v.SetComp.generators,
                                         e->v.SetComp.elt, NULL);
}
static int
symtable_visit_dictcomp(struct symtable *st, expr_ty e)
{
    return symtable_handle_comprehension(st, e, _Py_STR("dictcomp"), e->v.DictComp.generators,
                                         e->v.DictComp.key, e->v.DictComp.value);
}

static int
symtable_raise_if_annotation_block(struct symtable *st, const char *name, expr_ty e)
{
    rp_block_ty type = st->st_cur->ste_type;
    if (type == AnnotationBlock)
        st_error(st, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset,
                 "%s cannot be used within an annotation", name);
    else if (type == TypeVarBoundBlock)
        st_error(st, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset,
                 "%s cannot be used within a TypeVar bound", name);
    else if (type == TypeAliasBlock)
        st_error(st, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset,
                 "%s cannot be used within a type alias", name);
    else if (type == TypeParamBlock)
        st_error(st, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset,
                 "%s cannot be used within the definition of a generic", name);
    else
        return 1;
    return 0;
}

static int
symtable_raise_if_comprehension_block(struct symtable *st, expr_ty e)
{
    rp_comprehension_ty type = st->st_cur->ste_comprehension;
    const char *msg =
        type == ListComprehension ? "'yield' inside list comprehension" :
        type == SetComprehension ? "'yield' inside set comprehension" :
        type == DictComprehension ? "'yield' inside dict comprehension" :
        "'yield' inside generator expression";
    st_error(st, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset, "%s", msg);
    VISIT_QUIT(st, 0);
}

/* ------------------------------- entry ---------------------------------- */
void
_RpSymtable_Free(struct symtable *st)
{
    if (st == NULL) return;
    for (int i = 0; i < st->st_nall; i++) ste_free_entry(st->st_all[i]);
    PyMem_Free(st->st_all);
    PyMem_Free(st->st_stack);
    Py_XDECREF(st->st_blocks);
    Py_XDECREF(st->st_filename);
    PyMem_Free(st);
}

struct symtable *
_RpSymtable_Build(mod_ty mod, PyObject *filename, int future_features)
{
    struct symtable *st = PyMem_Calloc(1, sizeof(struct symtable));
    if (st == NULL) { PyErr_NoMemory(); return NULL; }
    st->st_filename = Py_NewRef(filename);
    st->st_future_features = future_features;
    st->st_blocks = PyDict_New();
    if (st->st_blocks == NULL) goto error;
    st->recursion_depth = 4;
    st->recursion_limit = 3000;
    if (!symtable_enter_block(st, _Py_ID(top), ModuleBlock, (void *)mod, 0, 0, 0, 0))
        goto error;
    st->st_top = st->st_cur;
    switch (mod->kind) {
    case Module_kind: {
        asdl_stmt_seq *seq = mod->v.Module.body;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++)
            if (!symtable_visit_stmt(st, (stmt_ty)asdl_seq_GET(seq, i))) goto error;
        break;
    }
    case Expression_kind:
        if (!symtable_visit_expr(st, mod->v.Expression.body)) goto error;
        break;
    case Interactive_kind: {
        asdl_stmt_seq *seq = mod->v.Interactive.body;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++)
            if (!symtable_visit_stmt(st, (stmt_ty)asdl_seq_GET(seq, i))) goto error;
        break;
    }
    case FunctionType_kind:
        PyErr_SetString(PyExc_RuntimeError, "this compiler does not handle FunctionTypes");
        goto error;
    }
    if (!symtable_exit_block(st)) goto error;
    if (st->st_nstack != 0) {
        PyErr_SetString(PyExc_SystemError, "symtable stack not empty");
        goto error;
    }
    if (symtable_analyze(st)) return st;
error:
    _RpSymtable_Free(st);
    return NULL;
}
