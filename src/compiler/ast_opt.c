/* ast_opt.c -- AST constant folding, as CPython 3.12's Python/ast_opt.c.
 *
 * A post-order walk over the tree that rewrites nodes in place:
 *  - unary/binary operators on constants are evaluated (with CPython's
 *    size limits so that e.g. 2**100000 or 'x'*10**6 stay unfolded);
 *  - `not (a in b)` -> `a not in b`, likewise is / is not;
 *  - tuples of constants become constant tuples; constant[constant] is
 *    evaluated;
 *  - a list/set literal used as the right operand of `in` or as the
 *    iterable of a for loop/comprehension becomes a tuple/frozenset;
 *  - `'%s...' % (a, b)` with simple s/r/a conversions becomes an f-string;
 *  - `__debug__` becomes True (or False under -O).
 * A failed evaluation (ZeroDivisionError ...) leaves the node unchanged.
 */
#include "pycore.h"
#include "compiler.h"
#include <string.h>

typedef struct {
    int optimize;
    int ff_features;
    int recursion_depth;
    int recursion_limit;
} _PyASTOptimizeState;

#define MAX_INT_SIZE 128
#define MAX_COLLECTION_SIZE 256
#define MAX_STR_SIZE 4096
#define MAX_TOTAL_ITEMS 1024

static int
make_const(expr_ty node, PyObject *val, PyArena *arena)
{
    if (val == NULL) {
        if (PyErr_Occurred() && PyErr_ExceptionMatches(PyExc_KeyboardInterrupt)) return 0;
        PyErr_Clear();
        return 1;
    }
    if (_PyArena_AddPyObject(arena, val) < 0) return 0;
    node->kind = Constant_kind;
    node->v.Constant.kind = NULL;
    node->v.Constant.value = val;
    return 1;
}

#define COPY_NODE(TO, FROM) (memcpy((TO), (FROM), sizeof(struct _expr)))

static int
has_starred(asdl_expr_seq *elts)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
        expr_ty e = (expr_ty)asdl_seq_GET(elts, i);
        if (e->kind == Starred_kind) return 1;
    }
    return 0;
}

static PyObject *
unary_not(PyObject *v)
{
    int r = PyObject_Not(v);
    if (r < 0) return NULL;
    return PyBool_FromLong(r);
}

static int
fold_unaryop(expr_ty node, PyArena *arena, _PyASTOptimizeState *state)
{
    expr_ty arg = node->v.UnaryOp.operand;
    if (arg->kind != Constant_kind) {
        if (node->v.UnaryOp.op == Not && arg->kind == Compare_kind &&
            asdl_seq_LEN(arg->v.Compare.ops) == 1) {
            int op = arg->v.Compare.ops->elements[0];
            switch (op) {
            case Is: op = IsNot; break;
            case IsNot: op = Is; break;
            case In: op = NotIn; break;
            case NotIn: op = In; break;
            default: op = 0; break;
            }
            if (op) {
                arg->v.Compare.ops->elements[0] = op;
                COPY_NODE(node, arg);
                return 1;
            }
        }
        return 1;
    }
    PyObject *v = arg->v.Constant.value, *newval = NULL;
    switch (node->v.UnaryOp.op) {
    case Invert: newval = PyNumber_Invert(v); break;
    case Not: newval = unary_not(v); break;
    case UAdd: newval = PyNumber_Positive(v); break;
    case USub: newval = PyNumber_Negative(v); break;
    }
    return make_const(node, newval, arena);
}

static Py_ssize_t
check_complexity(PyObject *obj, Py_ssize_t limit)
{
    if (PyTuple_Check(obj)) {
        limit -= PyTuple_GET_SIZE(obj);
        for (Py_ssize_t i = 0; limit >= 0 && i < PyTuple_GET_SIZE(obj); i++)
            limit = check_complexity(PyTuple_GET_ITEM(obj, i), limit);
        return limit;
    }
    else if (PyFrozenSet_Check(obj)) {
        Py_ssize_t i = 0;
        PyObject *item;
        Py_hash_t hash;
        limit -= PySet_Size(obj);
        while (limit >= 0 && _PySet_NextEntry(obj, &i, &item, &hash))
            limit = check_complexity(item, limit);
    }
    return limit;
}

static PyObject *
safe_multiply(PyObject *v, PyObject *w)
{
    if (PyLong_Check(v) && PyLong_Check(w) && _PyLong_Sign(v) && _PyLong_Sign(w)) {
        size_t vbits = _PyLong_NumBits(v);
        size_t wbits = _PyLong_NumBits(w);
        if (vbits == (size_t)-1 || wbits == (size_t)-1) return NULL;
        if (vbits + wbits > MAX_INT_SIZE) return NULL;
    }
    else if (PyLong_Check(v) && (PyTuple_Check(w) || PyFrozenSet_Check(w))) {
        Py_ssize_t size = PyTuple_Check(w) ? PyTuple_GET_SIZE(w) : PySet_Size(w);
        if (size) {
            long n = PyLong_AsLong(v);
            if (n < 0 || n > MAX_COLLECTION_SIZE / size) return NULL;
            if (n && check_complexity(w, MAX_TOTAL_ITEMS / n) < 0) return NULL;
        }
    }
    else if (PyLong_Check(v) && (PyUnicode_Check(w) || PyBytes_Check(w))) {
        Py_ssize_t size = PyUnicode_Check(w) ? PyUnicode_GetLength(w) : PyBytes_Size(w);
        if (size) {
            long n = PyLong_AsLong(v);
            if (n < 0 || n > MAX_STR_SIZE / size) return NULL;
        }
    }
    else if (PyLong_Check(w) &&
             (PyTuple_Check(v) || PyFrozenSet_Check(v) || PyUnicode_Check(v) || PyBytes_Check(v))) {
        return safe_multiply(w, v);
    }
    return PyNumber_Multiply(v, w);
}

static PyObject *
safe_power(PyObject *v, PyObject *w)
{
    if (PyLong_Check(v) && PyLong_Check(w) && _PyLong_Sign(v) && _PyLong_Sign(w) > 0) {
        size_t vbits = _PyLong_NumBits(v);
        size_t wbits = PyLong_AsSize_t(w);
        if (vbits == (size_t)-1 || wbits == (size_t)-1) return NULL;
        if (vbits > MAX_INT_SIZE / wbits) return NULL;
    }
    return PyNumber_Power(v, w, Py_None);
}

static PyObject *
safe_lshift(PyObject *v, PyObject *w)
{
    if (PyLong_Check(v) && PyLong_Check(w) && _PyLong_Sign(v) && _PyLong_Sign(w)) {
        size_t vbits = _PyLong_NumBits(v);
        size_t wbits = PyLong_AsSize_t(w);
        if (vbits == (size_t)-1 || wbits == (size_t)-1) return NULL;
        if (wbits > MAX_INT_SIZE || vbits > MAX_INT_SIZE - wbits) return NULL;
    }
    return PyNumber_Lshift(v, w);
}

static PyObject *
safe_mod(PyObject *v, PyObject *w)
{
    if (PyUnicode_Check(v) || PyBytes_Check(v)) return NULL;
    return PyNumber_Remainder(v, w);
}

/* ---------------------- '%' formatting -> f-string ----------------------- */
static expr_ty
new_expr(PyArena *arena, int kind, int lineno, int col, int end_lineno, int end_col)
{
    expr_ty e = _PyArena_Malloc(arena, sizeof(struct _expr));
    if (e == NULL) return NULL;
    e->kind = kind;
    e->lineno = lineno;
    e->col_offset = col;
    e->end_lineno = end_lineno;
    e->end_col_offset = end_col;
    return e;
}

static expr_ty
new_constant(PyObject *str, PyArena *arena)
{
    if (_PyArena_AddPyObject(arena, str) < 0) return NULL;
    expr_ty e = new_expr(arena, Constant_kind, -1, -1, -1, -1);
    if (e == NULL) return NULL;
    e->v.Constant.value = str;
    e->v.Constant.kind = NULL;
    return e;
}

static expr_ty
parse_literal(PyObject *fmt, Py_ssize_t *ppos, PyArena *arena)
{
    Py_ssize_t size = PyUnicode_GetLength(fmt);
    Py_ssize_t start, pos;
    int has_percents = 0;
    start = pos = *ppos;
    while (pos < size) {
        if (PyUnicode_ReadChar(fmt, pos) != '%') {
            pos++;
        }
        else if (pos + 1 < size && PyUnicode_ReadChar(fmt, pos + 1) == '%') {
            has_percents = 1;
            pos += 2;
        }
        else {
            break;
        }
    }
    *ppos = pos;
    if (pos == start) return NULL;
    PyObject *str = PyUnicode_Substring(fmt, start, pos);
    if (str && has_percents) {
        PyObject *pct = PyUnicode_FromString("%"), *dbl = PyUnicode_FromString("%%");
        if (pct && dbl)
            Py_SETREF(str, PyUnicode_Replace(str, dbl, pct, -1));
        else
            Py_CLEAR(str);
        Py_XDECREF(pct);
        Py_XDECREF(dbl);
    }
    if (!str) return NULL;
    return new_constant(str, arena);
}

#define MAXDIGITS 3
#define F_LJUST 1
#define F_SIGN 2
#define F_BLANK 4
#define F_ALT 8
#define F_ZERO 16

static int
simple_format_arg_parse(PyObject *fmt, Py_ssize_t *ppos, int *spec, int *flags, int *width,
                        int *prec)
{
    Py_ssize_t pos = *ppos, len = PyUnicode_GetLength(fmt);
    Py_UCS4 ch;
#define NEXTC do { if (pos >= len) return 0; ch = PyUnicode_ReadChar(fmt, pos); pos++; } while (0)
    *flags = 0;
    while (1) {
        NEXTC;
        switch (ch) {
        case '-': *flags |= F_LJUST; continue;
        case '+': *flags |= F_SIGN; continue;
        case ' ': *flags |= F_BLANK; continue;
        case '#': *flags |= F_ALT; continue;
        case '0': *flags |= F_ZERO; continue;
        }
        break;
    }
    if ('0' <= ch && ch <= '9') {
        *width = 0;
        int digits = 0;
        while ('0' <= ch && ch <= '9') {
            *width = *width * 10 + (int)(ch - '0');
            NEXTC;
            if (++digits >= MAXDIGITS) return 0;
        }
    }
    if (ch == '.') {
        NEXTC;
        *prec = 0;
        int digits = 0;
        while ('0' <= ch && ch <= '9') {
            *prec = *prec * 10 + (int)(ch - '0');
            NEXTC;
            if (++digits >= MAXDIGITS) return 0;
        }
    }
    *spec = (int)ch;
    *ppos = pos;
    return 1;
#undef NEXTC
}

static expr_ty
parse_format(PyObject *fmt, Py_ssize_t *ppos, expr_ty arg, PyArena *arena)
{
    int spec, flags, width = -1, prec = -1;
    if (!simple_format_arg_parse(fmt, ppos, &spec, &flags, &width, &prec)) return NULL;
    if (spec == 's' || spec == 'r' || spec == 'a') {
        char buf[1 + MAXDIGITS + 1 + MAXDIGITS + 1], *p = buf;
        if (!(flags & F_LJUST) && width > 0) *p++ = '>';
        if (width >= 0) p += snprintf(p, MAXDIGITS + 1, "%d", width);
        if (prec >= 0) p += snprintf(p, MAXDIGITS + 2, ".%d", prec);
        expr_ty format_spec = NULL;
        if (p != buf) {
            PyObject *str = PyUnicode_FromStringAndSize(buf, p - buf);
            if (str == NULL) return NULL;
            format_spec = new_constant(str, arena);
            if (format_spec == NULL) return NULL;
        }
        expr_ty e = new_expr(arena, FormattedValue_kind, arg->lineno, arg->col_offset,
                             arg->end_lineno, arg->end_col_offset);
        if (e == NULL) return NULL;
        e->v.FormattedValue.value = arg;
        e->v.FormattedValue.conversion = spec;
        e->v.FormattedValue.format_spec = format_spec;
        return e;
    }
    return NULL;
}

static int
optimize_format(expr_ty node, PyObject *fmt, asdl_expr_seq *elts, PyArena *arena)
{
    Py_ssize_t pos = 0, cnt = 0;
    asdl_expr_seq *seq = _Py_asdl_generic_seq_new(asdl_seq_LEN(elts) * 2 + 1, arena);
    if (!seq) return 0;
    seq->size = 0;
    while (1) {
        expr_ty lit = parse_literal(fmt, &pos, arena);
        if (lit) {
            asdl_seq_SET(seq, seq->size++, lit);
        }
        else if (PyErr_Occurred()) {
            return 0;
        }
        if (pos >= PyUnicode_GetLength(fmt)) break;
        if (cnt >= asdl_seq_LEN(elts)) return 1;   /* more format units than items */
        pos++;
        expr_ty expr = parse_format(fmt, &pos, asdl_seq_GET(elts, cnt), arena);
        cnt++;
        if (!expr) return !PyErr_Occurred();
        asdl_seq_SET(seq, seq->size++, expr);
    }
    if (cnt < asdl_seq_LEN(elts)) return 1;     /* more items than format units */
    expr_ty res = new_expr(arena, JoinedStr_kind, node->lineno, node->col_offset,
                           node->end_lineno, node->end_col_offset);
    if (!res) return 0;
    res->v.JoinedStr.values = seq;
    COPY_NODE(node, res);
    return 1;
}

static int
fold_binop(expr_ty node, PyArena *arena, _PyASTOptimizeState *state)
{
    expr_ty lhs = node->v.BinOp.left, rhs = node->v.BinOp.right;
    if (lhs->kind != Constant_kind) return 1;
    PyObject *lv = lhs->v.Constant.value;
    if (node->v.BinOp.op == Mod && rhs->kind == Tuple_kind && PyUnicode_Check(lv) &&
        !has_starred(rhs->v.Tuple.elts))
        return optimize_format(node, lv, rhs->v.Tuple.elts, arena);
    if (rhs->kind != Constant_kind) return 1;
    PyObject *rv = rhs->v.Constant.value, *newval = NULL;
    switch (node->v.BinOp.op) {
    case Add: newval = PyNumber_Add(lv, rv); break;
    case Sub: newval = PyNumber_Subtract(lv, rv); break;
    case Mult: newval = safe_multiply(lv, rv); break;
    case Div: newval = PyNumber_TrueDivide(lv, rv); break;
    case FloorDiv: newval = PyNumber_FloorDivide(lv, rv); break;
    case Mod: newval = safe_mod(lv, rv); break;
    case Pow: newval = safe_power(lv, rv); break;
    case LShift: newval = safe_lshift(lv, rv); break;
    case RShift: newval = PyNumber_Rshift(lv, rv); break;
    case BitOr: newval = PyNumber_Or(lv, rv); break;
    case BitXor: newval = PyNumber_Xor(lv, rv); break;
    case BitAnd: newval = PyNumber_And(lv, rv); break;
    case MatMult: return 1;
    }
    return make_const(node, newval, arena);
}

static PyObject *
make_const_tuple(asdl_expr_seq *elts)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
        expr_ty e = (expr_ty)asdl_seq_GET(elts, i);
        if (e->kind != Constant_kind) return NULL;
    }
    PyObject *newval = PyTuple_New(asdl_seq_LEN(elts));
    if (newval == NULL) return NULL;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
        PyObject *v = ((expr_ty)asdl_seq_GET(elts, i))->v.Constant.value;
        PyTuple_SET_ITEM(newval, i, Py_NewRef(v));
    }
    return newval;
}

static int
fold_tuple(expr_ty node, PyArena *arena, _PyASTOptimizeState *state)
{
    if (node->v.Tuple.ctx != Load) return 1;
    return make_const(node, make_const_tuple(node->v.Tuple.elts), arena);
}

static int
fold_subscr(expr_ty node, PyArena *arena, _PyASTOptimizeState *state)
{
    expr_ty arg = node->v.Subscript.value, idx = node->v.Subscript.slice;
    if (node->v.Subscript.ctx != Load || arg->kind != Constant_kind || idx->kind != Constant_kind)
        return 1;
    return make_const(node, PyObject_GetItem(arg->v.Constant.value, idx->v.Constant.value), arena);
}

static int
fold_iter(expr_ty arg, PyArena *arena, _PyASTOptimizeState *state)
{
    PyObject *newval;
    if (arg->kind == List_kind) {
        asdl_expr_seq *elts = arg->v.List.elts;
        if (has_starred(elts)) return 1;
        expr_context_ty ctx = arg->v.List.ctx;
        arg->kind = Tuple_kind;
        arg->v.Tuple.elts = elts;
        arg->v.Tuple.ctx = ctx;
        newval = make_const_tuple(elts);
    }
    else if (arg->kind == Set_kind) {
        newval = make_const_tuple(arg->v.Set.elts);
        if (newval) Py_SETREF(newval, PyFrozenSet_New(newval));
    }
    else {
        return 1;
    }
    return make_const(arg, newval, arena);
}

static int
fold_compare(expr_ty node, PyArena *arena, _PyASTOptimizeState *state)
{
    asdl_int_seq *ops = node->v.Compare.ops;
    asdl_expr_seq *args = node->v.Compare.comparators;
    Py_ssize_t i = asdl_seq_LEN(ops) - 1;
    if (i < 0) return 1;
    int op = ops->elements[i];
    if (op == In || op == NotIn) {
        if (!fold_iter((expr_ty)asdl_seq_GET(args, i), arena, state)) return 0;
    }
    return 1;
}

/* ------------------------------- walker ---------------------------------- */
static int astfold_expr(expr_ty node_, PyArena *ctx_, _PyASTOptimizeState *state);
static int astfold_stmt(stmt_ty node_, PyArena *ctx_, _PyASTOptimizeState *state);
static int astfold_arguments(arguments_ty node_, PyArena *ctx_, _PyASTOptimizeState *state);
static int astfold_comprehension(comprehension_ty node_, PyArena *ctx_, _PyASTOptimizeState *state);
static int astfold_keyword(keyword_ty node_, PyArena *ctx_, _PyASTOptimizeState *state);
static int astfold_excepthandler(excepthandler_ty node_, PyArena *ctx_, _PyASTOptimizeState *state);
static int astfold_withitem(withitem_ty node_, PyArena *ctx_, _PyASTOptimizeState *state);
static int astfold_match_case(match_case_ty node_, PyArena *ctx_, _PyASTOptimizeState *state);
static int astfold_pattern(pattern_ty node_, PyArena *ctx_, _PyASTOptimizeState *state);
static int astfold_type_param(type_param_ty node_, PyArena *ctx_, _PyASTOptimizeState *state);
static int astfold_arg(arg_ty node_, PyArena *ctx_, _PyASTOptimizeState *state);

#define CALL(FUNC, TYPE, ARG) if (!FUNC((ARG), ctx_, state)) return 0;
#define CALL_OPT(FUNC, TYPE, ARG) if ((ARG) != NULL && !FUNC((ARG), ctx_, state)) return 0;
#define CALL_SEQ(FUNC, TYPE, ARG) do { \
        asdl_seq *seq = (asdl_seq *)(ARG); \
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) { \
            void *elt = asdl_seq_GET(seq, i); \
            if (elt != NULL && !FUNC(elt, ctx_, state)) return 0; \
        } } while (0)

static int
astfold_body(asdl_stmt_seq *stmts, PyArena *ctx_, _PyASTOptimizeState *state)
{
    int docstring = _RpAST_GetDocString(stmts) != NULL;
    CALL_SEQ(astfold_stmt, stmt, stmts);
    if (!docstring && _RpAST_GetDocString(stmts) != NULL) {
        stmt_ty st = (stmt_ty)asdl_seq_GET(stmts, 0);
        asdl_expr_seq *values = _Py_asdl_generic_seq_new(1, ctx_);
        if (!values) return 0;
        asdl_seq_SET(values, 0, st->v.Expr.value);
        expr_ty expr = new_expr(ctx_, JoinedStr_kind, st->lineno, st->col_offset,
                                st->end_lineno, st->end_col_offset);
        if (!expr) return 0;
        expr->v.JoinedStr.values = values;
        st->v.Expr.value = expr;
    }
    return 1;
}

static int
enter_recursion(_PyASTOptimizeState *state)
{
    if (++state->recursion_depth > state->recursion_limit) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        return 0;
    }
    return 1;
}

static int
astfold_expr(expr_ty node_, PyArena *ctx_, _PyASTOptimizeState *state)
{
    if (!enter_recursion(state)) return 0;
    switch (node_->kind) {
    case BoolOp_kind:
        CALL_SEQ(astfold_expr, expr, node_->v.BoolOp.values);
        break;
    case BinOp_kind:
        CALL(astfold_expr, expr_ty, node_->v.BinOp.left);
        CALL(astfold_expr, expr_ty, node_->v.BinOp.right);
        CALL(fold_binop, expr_ty, node_);
        break;
    case UnaryOp_kind:
        CALL(astfold_expr, expr_ty, node_->v.UnaryOp.operand);
        CALL(fold_unaryop, expr_ty, node_);
        break;
    case Lambda_kind:
        CALL(astfold_arguments, arguments_ty, node_->v.Lambda.args);
        CALL(astfold_expr, expr_ty, node_->v.Lambda.body);
        break;
    case IfExp_kind:
        CALL(astfold_expr, expr_ty, node_->v.IfExp.test);
        CALL(astfold_expr, expr_ty, node_->v.IfExp.body);
        CALL(astfold_expr, expr_ty, node_->v.IfExp.orelse);
        break;
    case Dict_kind:
        CALL_SEQ(astfold_expr, expr, node_->v.Dict.keys);
        CALL_SEQ(astfold_expr, expr, node_->v.Dict.values);
        break;
    case Set_kind:
        CALL_SEQ(astfold_expr, expr, node_->v.Set.elts);
        break;
    case ListComp_kind:
        CALL(astfold_expr, expr_ty, node_->v.ListComp.elt);
        CALL_SEQ(astfold_comprehension, comprehension, node_->v.ListComp.generators);
        break;
    case SetComp_kind:
        CALL(astfold_expr, expr_ty, node_->v.SetComp.elt);
        CALL_SEQ(astfold_comprehension, comprehension, node_->v.SetComp.generators);
        break;
    case DictComp_kind:
        CALL(astfold_expr, expr_ty, node_->v.DictComp.key);
        CALL(astfold_expr, expr_ty, node_->v.DictComp.value);
        CALL_SEQ(astfold_comprehension, comprehension, node_->v.DictComp.generators);
        break;
    case GeneratorExp_kind:
        CALL(astfold_expr, expr_ty, node_->v.GeneratorExp.elt);
        CALL_SEQ(astfold_comprehension, comprehension, node_->v.GeneratorExp.generators);
        break;
    case Await_kind:
        CALL(astfold_expr, expr_ty, node_->v.Await.value);
        break;
    case Yield_kind:
        CALL_OPT(astfold_expr, expr_ty, node_->v.Yield.value);
        break;
    case YieldFrom_kind:
        CALL(astfold_expr, expr_ty, node_->v.YieldFrom.value);
        break;
    case Compare_kind:
        CALL(astfold_expr, expr_ty, node_->v.Compare.left);
        CALL_SEQ(astfold_expr, expr, node_->v.Compare.comparators);
        CALL(fold_compare, expr_ty, node_);
        break;
    case Call_kind:
        CALL(astfold_expr, expr_ty, node_->v.Call.func);
        CALL_SEQ(astfold_expr, expr, node_->v.Call.args);
        CALL_SEQ(astfold_keyword, keyword, node_->v.Call.keywords);
        break;
    case FormattedValue_kind:
        CALL(astfold_expr, expr_ty, node_->v.FormattedValue.value);
        CALL_OPT(astfold_expr, expr_ty, node_->v.FormattedValue.format_spec);
        break;
    case JoinedStr_kind:
        CALL_SEQ(astfold_expr, expr, node_->v.JoinedStr.values);
        break;
    case Attribute_kind:
        CALL(astfold_expr, expr_ty, node_->v.Attribute.value);
        break;
    case Subscript_kind:
        CALL(astfold_expr, expr_ty, node_->v.Subscript.value);
        CALL(astfold_expr, expr_ty, node_->v.Subscript.slice);
        CALL(fold_subscr, expr_ty, node_);
        break;
    case Starred_kind:
        CALL(astfold_expr, expr_ty, node_->v.Starred.value);
        break;
    case Slice_kind:
        CALL_OPT(astfold_expr, expr_ty, node_->v.Slice.lower);
        CALL_OPT(astfold_expr, expr_ty, node_->v.Slice.upper);
        CALL_OPT(astfold_expr, expr_ty, node_->v.Slice.step);
        break;
    case List_kind:
        CALL_SEQ(astfold_expr, expr, node_->v.List.elts);
        break;
    case Tuple_kind:
        CALL_SEQ(astfold_expr, expr, node_->v.Tuple.elts);
        CALL(fold_tuple, expr_ty, node_);
        break;
    case Name_kind:
        if (node_->v.Name.ctx == Load &&
            _PyUnicode_EqualToASCIIString(node_->v.Name.id, "__debug__")) {
            state->recursion_depth--;
            return make_const(node_, PyBool_FromLong(!state->optimize), ctx_);
        }
        break;
    case NamedExpr_kind:
        CALL(astfold_expr, expr_ty, node_->v.NamedExpr.value);
        break;
    case Constant_kind:
        break;
    }
    state->recursion_depth--;
    return 1;
}

static int
astfold_keyword(keyword_ty node_, PyArena *ctx_, _PyASTOptimizeState *state)
{
    CALL(astfold_expr, expr_ty, node_->value);
    return 1;
}

static int
astfold_comprehension(comprehension_ty node_, PyArena *ctx_, _PyASTOptimizeState *state)
{
    CALL(astfold_expr, expr_ty, node_->target);
    CALL(astfold_expr, expr_ty, node_->iter);
    CALL_SEQ(astfold_expr, expr, node_->ifs);
    CALL(fold_iter, expr_ty, node_->iter);
    return 1;
}

static int
astfold_arguments(arguments_ty node_, PyArena *ctx_, _PyASTOptimizeState *state)
{
    CALL_SEQ(astfold_arg, arg, node_->posonlyargs);
    CALL_SEQ(astfold_arg, arg, node_->args);
    CALL_OPT(astfold_arg, arg_ty, node_->vararg);
    CALL_SEQ(astfold_arg, arg, node_->kwonlyargs);
    CALL_SEQ(astfold_expr, expr, node_->kw_defaults);
    CALL_OPT(astfold_arg, arg_ty, node_->kwarg);
    CALL_SEQ(astfold_expr, expr, node_->defaults);
    return 1;
}

static int
astfold_arg(arg_ty node_, PyArena *ctx_, _PyASTOptimizeState *state)
{
    if (!(state->ff_features & CO_FUTURE_ANNOTATIONS)) {
        CALL_OPT(astfold_expr, expr_ty, node_->annotation);
    }
    return 1;
}

static int
astfold_stmt(stmt_ty node_, PyArena *ctx_, _PyASTOptimizeState *state)
{
    if (!enter_recursion(state)) return 0;
    switch (node_->kind) {
    case FunctionDef_kind:
    case AsyncFunctionDef_kind:
        CALL_SEQ(astfold_type_param, type_param, node_->v.FunctionDef.type_params);
        CALL(astfold_arguments, arguments_ty, node_->v.FunctionDef.args);
        CALL(astfold_body, asdl_seq, node_->v.FunctionDef.body);
        CALL_SEQ(astfold_expr, expr, node_->v.FunctionDef.decorator_list);
        if (!(state->ff_features & CO_FUTURE_ANNOTATIONS)) {
            CALL_OPT(astfold_expr, expr_ty, node_->v.FunctionDef.returns);
        }
        break;
    case ClassDef_kind:
        CALL_SEQ(astfold_type_param, type_param, node_->v.ClassDef.type_params);
        CALL_SEQ(astfold_expr, expr, node_->v.ClassDef.bases);
        CALL_SEQ(astfold_keyword, keyword, node_->v.ClassDef.keywords);
        CALL(astfold_body, asdl_seq, node_->v.ClassDef.body);
        CALL_SEQ(astfold_expr, expr, node_->v.ClassDef.decorator_list);
        break;
    case Return_kind:
        CALL_OPT(astfold_expr, expr_ty, node_->v.Return.value);
        break;
    case Delete_kind:
        CALL_SEQ(astfold_expr, expr, node_->v.Delete.targets);
        break;
    case Assign_kind:
        CALL_SEQ(astfold_expr, expr, node_->v.Assign.targets);
        CALL(astfold_expr, expr_ty, node_->v.Assign.value);
        break;
    case AugAssign_kind:
        CALL(astfold_expr, expr_ty, node_->v.AugAssign.target);
        CALL(astfold_expr, expr_ty, node_->v.AugAssign.value);
        break;
    case AnnAssign_kind:
        CALL(astfold_expr, expr_ty, node_->v.AnnAssign.target);
        if (!(state->ff_features & CO_FUTURE_ANNOTATIONS)) {
            CALL(astfold_expr, expr_ty, node_->v.AnnAssign.annotation);
        }
        CALL_OPT(astfold_expr, expr_ty, node_->v.AnnAssign.value);
        break;
    case TypeAlias_kind:
        CALL(astfold_expr, expr_ty, node_->v.TypeAlias.name);
        CALL_SEQ(astfold_type_param, type_param, node_->v.TypeAlias.type_params);
        CALL(astfold_expr, expr_ty, node_->v.TypeAlias.value);
        break;
    case For_kind:
    case AsyncFor_kind:
        CALL(astfold_expr, expr_ty, node_->v.For.target);
        CALL(astfold_expr, expr_ty, node_->v.For.iter);
        CALL_SEQ(astfold_stmt, stmt, node_->v.For.body);
        CALL_SEQ(astfold_stmt, stmt, node_->v.For.orelse);
        CALL(fold_iter, expr_ty, node_->v.For.iter);
        break;
    case While_kind:
        CALL(astfold_expr, expr_ty, node_->v.While.test);
        CALL_SEQ(astfold_stmt, stmt, node_->v.While.body);
        CALL_SEQ(astfold_stmt, stmt, node_->v.While.orelse);
        break;
    case If_kind:
        CALL(astfold_expr, expr_ty, node_->v.If.test);
        CALL_SEQ(astfold_stmt, stmt, node_->v.If.body);
        CALL_SEQ(astfold_stmt, stmt, node_->v.If.orelse);
        break;
    case With_kind:
    case AsyncWith_kind:
        CALL_SEQ(astfold_withitem, withitem, node_->v.With.items);
        CALL_SEQ(astfold_stmt, stmt, node_->v.With.body);
        break;
    case Raise_kind:
        CALL_OPT(astfold_expr, expr_ty, node_->v.Raise.exc);
        CALL_OPT(astfold_expr, expr_ty, node_->v.Raise.cause);
        break;
    case Try_kind:
    case TryStar_kind:
        CALL_SEQ(astfold_stmt, stmt, node_->v.Try.body);
        CALL_SEQ(astfold_excepthandler, excepthandler, node_->v.Try.handlers);
        CALL_SEQ(astfold_stmt, stmt, node_->v.Try.orelse);
        CALL_SEQ(astfold_stmt, stmt, node_->v.Try.finalbody);
        break;
    case Assert_kind:
        CALL(astfold_expr, expr_ty, node_->v.Assert.test);
        CALL_OPT(astfold_expr, expr_ty, node_->v.Assert.msg);
        break;
    case Expr_kind:
        CALL(astfold_expr, expr_ty, node_->v.Expr.value);
        break;
    case Match_kind:
        CALL(astfold_expr, expr_ty, node_->v.Match.subject);
        CALL_SEQ(astfold_match_case, match_case, node_->v.Match.cases);
        break;
    default:
        break;
    }
    state->recursion_depth--;
    return 1;
}

static int
astfold_excepthandler(excepthandler_ty node_, PyArena *ctx_, _PyASTOptimizeState *state)
{
    CALL_OPT(astfold_expr, expr_ty, node_->v.ExceptHandler.type);
    CALL_SEQ(astfold_stmt, stmt, node_->v.ExceptHandler.body);
    return 1;
}

static int
astfold_withitem(withitem_ty node_, PyArena *ctx_, _PyASTOptimizeState *state)
{
    CALL(astfold_expr, expr_ty, node_->context_expr);
    CALL_OPT(astfold_expr, expr_ty, node_->optional_vars);
    return 1;
}

static int
astfold_pattern(pattern_ty node_, PyArena *ctx_, _PyASTOptimizeState *state)
{
    if (!enter_recursion(state)) return 0;
    switch (node_->kind) {
    case MatchValue_kind:
        CALL(astfold_expr, expr_ty, node_->v.MatchValue.value);
        break;
    case MatchSingleton_kind:
        break;
    case MatchSequence_kind:
        CALL_SEQ(astfold_pattern, pattern, node_->v.MatchSequence.patterns);
        break;
    case MatchMapping_kind:
        CALL_SEQ(astfold_expr, expr, node_->v.MatchMapping.keys);
        CALL_SEQ(astfold_pattern, pattern, node_->v.MatchMapping.patterns);
        break;
    case MatchClass_kind:
        CALL(astfold_expr, expr_ty, node_->v.MatchClass.cls);
        CALL_SEQ(astfold_pattern, pattern, node_->v.MatchClass.patterns);
        CALL_SEQ(astfold_pattern, pattern, node_->v.MatchClass.kwd_patterns);
        break;
    case MatchStar_kind:
        break;
    case MatchAs_kind:
        if (node_->v.MatchAs.pattern) CALL(astfold_pattern, pattern_ty, node_->v.MatchAs.pattern);
        break;
    case MatchOr_kind:
        CALL_SEQ(astfold_pattern, pattern, node_->v.MatchOr.patterns);
        break;
    }
    state->recursion_depth--;
    return 1;
}

static int
astfold_match_case(match_case_ty node_, PyArena *ctx_, _PyASTOptimizeState *state)
{
    CALL(astfold_pattern, pattern_ty, node_->pattern);
    CALL_OPT(astfold_expr, expr_ty, node_->guard);
    CALL_SEQ(astfold_stmt, stmt, node_->body);
    return 1;
}

static int
astfold_type_param(type_param_ty node_, PyArena *ctx_, _PyASTOptimizeState *state)
{
    if (node_->kind == TypeVar_kind)
        CALL_OPT(astfold_expr, expr_ty, node_->v.TypeVar.bound);
    return 1;
}

static int
future_annotations(mod_ty mod)
{
    if (mod->kind != Module_kind && mod->kind != Interactive_kind) return 0;
    asdl_stmt_seq *body = mod->kind == Module_kind ? mod->v.Module.body : mod->v.Interactive.body;
    Py_ssize_t i = _RpAST_GetDocString(body) != NULL ? 1 : 0;
    int found = 0;
    for (; i < asdl_seq_LEN(body); i++) {
        stmt_ty s = asdl_seq_GET(body, i);
        if (s->kind != ImportFrom_kind || s->v.ImportFrom.module == NULL ||
            !_PyUnicode_EqualToASCIIString(s->v.ImportFrom.module, "__future__"))
            break;
        for (Py_ssize_t j = 0; j < asdl_seq_LEN(s->v.ImportFrom.names); j++) {
            alias_ty a = asdl_seq_GET(s->v.ImportFrom.names, j);
            if (_PyUnicode_EqualToASCIIString(a->name, "annotations")) found = 1;
        }
    }
    return found;
}

int
_PyAST_Optimize(mod_ty mod, PyArena *arena, int optimize)
{
    _PyASTOptimizeState state;
    state.optimize = optimize < 0 ? 0 : optimize;
    state.ff_features = future_annotations(mod) ? CO_FUTURE_ANNOTATIONS : 0;
    state.recursion_depth = 4;
    state.recursion_limit = 3000;
    PyArena *ctx_ = arena;
    _PyASTOptimizeState *statep = &state;
#define state statep
    switch (mod->kind) {
    case Module_kind:
        if (!astfold_body(mod->v.Module.body, ctx_, state)) return -1;
        break;
    case Interactive_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(mod->v.Interactive.body); i++)
            if (!astfold_stmt(asdl_seq_GET(mod->v.Interactive.body, i), ctx_, state)) return -1;
        break;
    case Expression_kind:
        if (!astfold_expr(mod->v.Expression.body, ctx_, state)) return -1;
        break;
    default:
        break;
    }
#undef state
    return 0;
}
