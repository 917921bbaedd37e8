/* compile_expr.c -- code generation for expressions (CPython 3.12 shapes).
 *
 * Conditional jumps (compiler_jump_if) flatten `not`, `and`/`or`, `x if c
 * else y` and chained comparisons into jumps instead of materialising
 * booleans.  Calls use PUSH_NULL + callable (the flow graph folds the NULL
 * into LOAD_GLOBAL), or LOAD_ATTR with the method bit for `obj.meth(...)`,
 * KW_NAMES before CALL for keyword arguments, and CALL_FUNCTION_EX when
 * there is a star argument.  List/set/dict comprehensions are inlined
 * (PEP 709): the iteration variables are saved with LOAD_FAST_AND_CLEAR,
 * restored with STORE_FAST_MAYBE_NULL, and a hidden handler restores them
 * on exceptions.  Generator expressions are separate code objects.
 */
#include "pycore.h"
#include "rp_object.h"
#include "compiler.h"
#include <string.h>

#define STACK_USE_GUIDELINE 30

enum { COMP_GENEXP, COMP_LISTCOMP, COMP_SETCOMP, COMP_DICTCOMP };

static int compiler_visit_expr1(struct compiler *c, expr_ty e);

int
_RpC_VisitExpr(struct compiler *c, expr_ty e)
{
    return compiler_visit_expr1(c, e);
}

static int
_RpC_VisitKeyword(struct compiler *c, keyword_ty k)
{
    VISIT(c, Expr, k->value);
    return SUCCESS;
}

location
_RpC_UpdateStartLocationToMatchAttr(struct compiler *c, location loc, expr_ty attr)
{
    if (loc.lineno != attr->end_lineno) {
        loc.lineno = attr->end_lineno;
        int len = (int)PyUnicode_GetLength(attr->v.Attribute.attr);
        if (len <= attr->end_col_offset) {
            loc.col_offset = attr->end_col_offset - len;
        }
        else {
            loc.col_offset = -1;
            loc.end_col_offset = -1;
        }
        loc.end_lineno = loc.lineno > loc.end_lineno ? loc.lineno : loc.end_lineno;
        if (loc.lineno == loc.end_lineno && loc.col_offset > loc.end_col_offset)
            loc.end_col_offset = loc.col_offset;
    }
    return loc;
}

/* ---------------------------- warnings ------------------------------- */
static int
check_is_arg(expr_ty e)
{
    if (e->kind != Constant_kind) return 1;
    PyObject *value = e->v.Constant.value;
    return value == Py_None || value == Py_False || value == Py_True || value == Py_Ellipsis;
}

static const char *infer_type_name(expr_ty e);

static int
check_compare(struct compiler *c, expr_ty e)
{
    expr_ty left_expr = e->v.Compare.left;
    int left = check_is_arg(left_expr);
    Py_ssize_t n = asdl_seq_LEN(e->v.Compare.ops);
    for (Py_ssize_t i = 0; i < n; i++) {
        cmpop_ty op = (cmpop_ty)e->v.Compare.ops->elements[i];
        expr_ty right_expr = (expr_ty)asdl_seq_GET(e->v.Compare.comparators, i);
        int right = check_is_arg(right_expr);
        if (op == Is || op == IsNot) {
            if (!right || !left) {
                const char *msg = (op == Is)
                    ? "\"is\" with '%.200s' literal. Did you mean \"==\"?"
                    : "\"is not\" with '%.200s' literal. Did you mean \"!=\"?";
                expr_ty literal = !left ? left_expr : right_expr;
                return _RpC_Warn(c, LOC(e), msg, infer_type_name(literal));
            }
        }
        left = right;
        left_expr = right_expr;
    }
    return SUCCESS;
}

static const char *
infer_type_name(expr_ty e)
{
    switch (e->kind) {
    case Tuple_kind: return "tuple";
    case List_kind: case ListComp_kind: return "list";
    case Dict_kind: case DictComp_kind: return "dict";
    case Set_kind: case SetComp_kind: return "set";
    case GeneratorExp_kind: return "generator";
    case Lambda_kind: return "function";
    case JoinedStr_kind: case FormattedValue_kind: return "str";
    case Constant_kind: return Py_TYPE(e->v.Constant.value)->tp_name;
    default: return NULL;
    }
}

static int
check_caller(struct compiler *c, expr_ty e)
{
    switch (e->kind) {
    case Constant_kind: case Tuple_kind: case List_kind: case ListComp_kind:
    case Dict_kind: case DictComp_kind: case Set_kind: case SetComp_kind:
    case GeneratorExp_kind: case JoinedStr_kind: case FormattedValue_kind:
        return _RpC_Warn(c, LOC(e), "'%.200s' object is not callable; "
                                    "perhaps you missed a comma?", infer_type_name(e));
    default:
        return SUCCESS;
    }
}

static int
check_subscripter(struct compiler *c, expr_ty e)
{
    PyObject *v;
    switch (e->kind) {
    case Constant_kind:
        v = e->v.Constant.value;
        if (!(v == Py_None || v == Py_Ellipsis || PyLong_Check(v) || PyFloat_Check(v) ||
              strcmp(Py_TYPE(v)->tp_name, "complex") == 0 ||
              PySet_Check(v) || PyFrozenSet_Check(v)))
            return SUCCESS;
        /* fall through */
    case Set_kind: case SetComp_kind: case GeneratorExp_kind: case Lambda_kind:
        return _RpC_Warn(c, LOC(e), "'%.200s' object is not subscriptable; "
                                    "perhaps you missed a comma?", infer_type_name(e));
    default:
        return SUCCESS;
    }
}

static int
check_index(struct compiler *c, expr_ty e, expr_ty s)
{
    PyObject *v;
    const char *index_type = infer_type_name(s);
    if (index_type == NULL) return SUCCESS;
    if (s->kind == Constant_kind &&
        (PyLong_Check(s->v.Constant.value) || PySlice_Check(s->v.Constant.value)))
        return SUCCESS;
    switch (e->kind) {
    case Constant_kind:
        v = e->v.Constant.value;
        if (!(PyUnicode_Check(v) || PyBytes_Check(v) || PyTuple_Check(v)))
            return SUCCESS;
        /* fall through */
    case Tuple_kind: case List_kind: case ListComp_kind: case JoinedStr_kind:
    case FormattedValue_kind:
        return _RpC_Warn(c, LOC(e), "%.200s indices must be integers or slices, not %.200s; "
                                    "perhaps you missed a comma?",
                         infer_type_name(e), index_type);
    default:
        return SUCCESS;
    }
}

/* --------------------------- comparisons ------------------------------ */
#define COMPARISON_UNORDERED 1
#define COMPARISON_LESS_THAN 2
#define COMPARISON_GREATER_THAN 4
#define COMPARISON_EQUALS 8
#define COMPARISON_NOT_EQUALS (COMPARISON_UNORDERED | COMPARISON_LESS_THAN | COMPARISON_GREATER_THAN)

static int
compiler_addcompare(struct compiler *c, location loc, cmpop_ty op)
{
    int cmp, mask;
    switch (op) {
    case Eq: cmp = Py_EQ; mask = COMPARISON_EQUALS; break;
    case NotEq: cmp = Py_NE; mask = COMPARISON_NOT_EQUALS; break;
    case Lt: cmp = Py_LT; mask = COMPARISON_LESS_THAN; break;
    case LtE: cmp = Py_LE; mask = COMPARISON_LESS_THAN | COMPARISON_EQUALS; break;
    case Gt: cmp = Py_GT; mask = COMPARISON_GREATER_THAN; break;
    case GtE: cmp = Py_GE; mask = COMPARISON_GREATER_THAN | COMPARISON_EQUALS; break;
    case Is: ADDOP_I(c, loc, IS_OP, 0); return SUCCESS;
    case IsNot: ADDOP_I(c, loc, IS_OP, 1); return SUCCESS;
    case In: ADDOP_I(c, loc, CONTAINS_OP, 0); return SUCCESS;
    case NotIn: ADDOP_I(c, loc, CONTAINS_OP, 1); return SUCCESS;
    default:
        PyErr_SetString(PyExc_SystemError, "bad comparison operator");
        return ERROR;
    }
    ADDOP_I(c, loc, COMPARE_OP, (cmp << 4) | mask);
    return SUCCESS;
}
#define CMPOP(E, I) ((cmpop_ty)(E)->v.Compare.ops->elements[(I)])

int
_RpC_JumpIf(struct compiler *c, location loc, expr_ty e, int next, int cond)
{
    switch (e->kind) {
    case UnaryOp_kind:
        if (e->v.UnaryOp.op == Not)
            return _RpC_JumpIf(c, loc, e->v.UnaryOp.operand, next, !cond);
        break;
    case BoolOp_kind: {
        asdl_expr_seq *s = e->v.BoolOp.values;
        Py_ssize_t i, n = asdl_seq_LEN(s) - 1;
        int cond2 = e->v.BoolOp.op == Or;
        int next2 = next;
        if (!cond2 != !cond) {
            NEW_JUMP_TARGET_LABEL(c, new_next2);
            next2 = new_next2;
        }
        for (i = 0; i < n; ++i)
            RETURN_IF_ERROR(_RpC_JumpIf(c, loc, (expr_ty)asdl_seq_GET(s, i), next2, cond2));
        RETURN_IF_ERROR(_RpC_JumpIf(c, loc, (expr_ty)asdl_seq_GET(s, n), next, cond));
        if (next2 != next) USE_LABEL(c, next2);
        return SUCCESS;
    }
    case IfExp_kind: {
        NEW_JUMP_TARGET_LABEL(c, end);
        NEW_JUMP_TARGET_LABEL(c, next2);
        RETURN_IF_ERROR(_RpC_JumpIf(c, loc, e->v.IfExp.test, next2, 0));
        RETURN_IF_ERROR(_RpC_JumpIf(c, loc, e->v.IfExp.body, next, cond));
        ADDOP_JUMP(c, NO_LOCATION, JUMP, end);
        USE_LABEL(c, next2);
        RETURN_IF_ERROR(_RpC_JumpIf(c, loc, e->v.IfExp.orelse, next, cond));
        USE_LABEL(c, end);
        return SUCCESS;
    }
    case Compare_kind: {
        Py_ssize_t n = asdl_seq_LEN(e->v.Compare.ops) - 1;
        if (n > 0) {
            RETURN_IF_ERROR(check_compare(c, e));
            NEW_JUMP_TARGET_LABEL(c, cleanup);
            VISIT(c, Expr, e->v.Compare.left);
            for (Py_ssize_t i = 0; i < n; i++) {
                VISIT(c, Expr, (expr_ty)asdl_seq_GET(e->v.Compare.comparators, i));
                ADDOP_I(c, LOC(e), SWAP, 2);
                ADDOP_I(c, LOC(e), COPY, 2);
                RETURN_IF_ERROR(compiler_addcompare(c, LOC(e), CMPOP(e, i)));
                ADDOP_JUMP(c, LOC(e), POP_JUMP_IF_FALSE, cleanup);
            }
            VISIT(c, Expr, (expr_ty)asdl_seq_GET(e->v.Compare.comparators, n));
            RETURN_IF_ERROR(compiler_addcompare(c, LOC(e), CMPOP(e, n)));
            ADDOP_JUMP(c, LOC(e), cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
            NEW_JUMP_TARGET_LABEL(c, end);
            ADDOP_JUMP(c, NO_LOCATION, JUMP, end);
            USE_LABEL(c, cleanup);
            ADDOP(c, LOC(e), POP_TOP);
            if (!cond) ADDOP_JUMP(c, NO_LOCATION, JUMP, next);
            USE_LABEL(c, end);
            return SUCCESS;
        }
        break;
    }
    default:
        break;
    }
    VISIT(c, Expr, e);
    ADDOP_JUMP(c, LOC(e), cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
    return SUCCESS;
}

static int
compiler_compare(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    RETURN_IF_ERROR(check_compare(c, e));
    VISIT(c, Expr, e->v.Compare.left);
    Py_ssize_t n = asdl_seq_LEN(e->v.Compare.ops) - 1;
    if (n == 0) {
        VISIT(c, Expr, (expr_ty)asdl_seq_GET(e->v.Compare.comparators, 0));
        RETURN_IF_ERROR(compiler_addcompare(c, loc, CMPOP(e, 0)));
    }
    else {
        NEW_JUMP_TARGET_LABEL(c, cleanup);
        for (Py_ssize_t i = 0; i < n; i++) {
            VISIT(c, Expr, (expr_ty)asdl_seq_GET(e->v.Compare.comparators, i));
            ADDOP_I(c, loc, SWAP, 2);
            ADDOP_I(c, loc, COPY, 2);
            RETURN_IF_ERROR(compiler_addcompare(c, loc, CMPOP(e, i)));
            ADDOP_I(c, loc, COPY, 1);
            ADDOP_JUMP(c, loc, POP_JUMP_IF_FALSE, cleanup);
            ADDOP(c, loc, POP_TOP);
        }
        VISIT(c, Expr, (expr_ty)asdl_seq_GET(e->v.Compare.comparators, n));
        RETURN_IF_ERROR(compiler_addcompare(c, loc, CMPOP(e, n)));
        NEW_JUMP_TARGET_LABEL(c, end);
        ADDOP_JUMP(c, NO_LOCATION, JUMP, end);
        USE_LABEL(c, cleanup);
        ADDOP_I(c, loc, SWAP, 2);
        ADDOP(c, loc, POP_TOP);
        USE_LABEL(c, end);
    }
    return SUCCESS;
}

/* ---------------------------- simple forms ----------------------------- */
static int
compiler_boolop(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    int jumpi = e->v.BoolOp.op == And ? POP_JUMP_IF_FALSE : POP_JUMP_IF_TRUE;
    NEW_JUMP_TARGET_LABEL(c, end);
    asdl_expr_seq *s = e->v.BoolOp.values;
    Py_ssize_t n = asdl_seq_LEN(s) - 1;
    for (Py_ssize_t i = 0; i < n; ++i) {
        VISIT(c, Expr, (expr_ty)asdl_seq_GET(s, i));
        ADDOP_I(c, loc, COPY, 1);
        ADDOP_JUMP(c, loc, jumpi, end);
        ADDOP(c, loc, POP_TOP);
    }
    VISIT(c, Expr, (expr_ty)asdl_seq_GET(s, n));
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
compiler_ifexp(struct compiler *c, expr_ty e)
{
    NEW_JUMP_TARGET_LABEL(c, end);
    NEW_JUMP_TARGET_LABEL(c, next);
    RETURN_IF_ERROR(_RpC_JumpIf(c, LOC(e), e->v.IfExp.test, next, 0));
    VISIT(c, Expr, e->v.IfExp.body);
    ADDOP_JUMP(c, NO_LOCATION, JUMP, end);
    USE_LABEL(c, next);
    VISIT(c, Expr, e->v.IfExp.orelse);
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
compiler_lambda(struct compiler *c, expr_ty e)
{
    PyCodeObject *co;
    arguments_ty args = e->v.Lambda.args;
    RETURN_IF_ERROR(_RpC_CheckDebugArgs(c, args));
    location loc = LOC(e);
    int funcflags = _RpC_DefaultArguments(c, loc, args);
    if (funcflags == -1) return ERROR;
    RETURN_IF_ERROR(_RpC_EnterScope(c, _Py_STR("<lambda>"), COMPILER_SCOPE_LAMBDA, (void *)e,
                                    e->lineno));
    if (_RpC_AddConst(c, Py_None) < 0) { _RpC_ExitScope(c); return ERROR; }
    c->u->u_metadata.u_argcount = asdl_seq_LEN(args->args);
    c->u->u_metadata.u_posonlyargcount = asdl_seq_LEN(args->posonlyargs);
    c->u->u_metadata.u_kwonlyargcount = asdl_seq_LEN(args->kwonlyargs);
    if (_RpC_VisitExpr(c, e->v.Lambda.body) < 0) { _RpC_ExitScope(c); return ERROR; }
    if (c->u->u_ste->ste_generator) {
        co = _RpC_OptimizeAndAssemble(c, 0);
    }
    else {
        location rloc = LOCATION(e->lineno, e->lineno, 0, 0);
        if (_RpC_Addop(c, rloc, RETURN_VALUE) < 0) { _RpC_ExitScope(c); return ERROR; }
        co = _RpC_OptimizeAndAssemble(c, 1);
    }
    _RpC_ExitScope(c);
    if (co == NULL) return ERROR;
    int r = _RpC_MakeClosure(c, loc, co, funcflags);
    Py_DECREF(co);
    return r;
}

static int
are_all_items_const(asdl_expr_seq *seq, Py_ssize_t begin, Py_ssize_t end)
{
    for (Py_ssize_t i = begin; i < end; i++) {
        expr_ty key = (expr_ty)asdl_seq_GET(seq, i);
        if (key == NULL || key->kind != Constant_kind) return 0;
    }
    return 1;
}

static int
starunpack_helper(struct compiler *c, location loc, asdl_expr_seq *elts, int pushed,
                  int build, int add, int extend, int tuple)
{
    Py_ssize_t n = asdl_seq_LEN(elts);
    if (n > 2 && are_all_items_const(elts, 0, n)) {
        PyObject *folded = PyTuple_New(n);
        if (folded == NULL) return ERROR;
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *val = ((expr_ty)asdl_seq_GET(elts, i))->v.Constant.value;
            PyTuple_SET_ITEM(folded, i, Py_NewRef(val));
        }
        if (tuple && !pushed) {
            ADDOP_LOAD_CONST_NEW(c, loc, folded);
        }
        else {
            if (add == SET_ADD) {
                Py_SETREF(folded, PyFrozenSet_New(folded));
                if (folded == NULL) return ERROR;
            }
            if (_RpC_AddopI(c, loc, build, pushed) < 0) { Py_DECREF(folded); return ERROR; }
            ADDOP_LOAD_CONST_NEW(c, loc, folded);
            ADDOP_I(c, loc, extend, 1);
            if (tuple) ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE);
        }
        return SUCCESS;
    }
    int big = n + pushed > STACK_USE_GUIDELINE;
    int seen_star = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        if (elt->kind == Starred_kind) seen_star = 1;
    }
    if (!seen_star && !big) {
        for (Py_ssize_t i = 0; i < n; i++)
            VISIT(c, Expr, (expr_ty)asdl_seq_GET(elts, i));
        if (tuple) {
            ADDOP_I(c, loc, BUILD_TUPLE, n + pushed);
        }
        else {
            ADDOP_I(c, loc, build, n + pushed);
        }
        return SUCCESS;
    }
    int sequence_built = 0;
    if (big) {
        ADDOP_I(c, loc, build, pushed);
        sequence_built = 1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        if (elt->kind == Starred_kind) {
            if (sequence_built == 0) {
                ADDOP_I(c, loc, build, i + pushed);
                sequence_built = 1;
            }
            VISIT(c, Expr, elt->v.Starred.value);
            ADDOP_I(c, loc, extend, 1);
        }
        else {
            VISIT(c, Expr, elt);
            if (sequence_built) ADDOP_I(c, loc, add, 1);
        }
    }
    if (tuple) ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE);
    return SUCCESS;
}

static int
unpack_helper(struct compiler *c, location loc, asdl_expr_seq *elts)
{
    Py_ssize_t n = asdl_seq_LEN(elts);
    int seen_star = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        if (elt->kind == Starred_kind && !seen_star) {
            if ((i >= (1 << 8)) || (n - i - 1 >= (INT_MAX >> 8)))
                return _RpC_Error(c, loc, "too many expressions in star-unpacking assignment");
            ADDOP_I(c, loc, UNPACK_EX, (i + ((n - i - 1) << 8)));
            seen_star = 1;
        }
        else if (elt->kind == Starred_kind) {
            return _RpC_Error(c, loc, "multiple starred expressions in assignment");
        }
    }
    if (!seen_star) ADDOP_I(c, loc, UNPACK_SEQUENCE, n);
    return SUCCESS;
}

static int
assignment_helper(struct compiler *c, location loc, asdl_expr_seq *elts)
{
    Py_ssize_t n = asdl_seq_LEN(elts);
    RETURN_IF_ERROR(unpack_helper(c, loc, elts));
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        VISIT(c, Expr, elt->kind != Starred_kind ? elt : elt->v.Starred.value);
    }
    return SUCCESS;
}

static int
compiler_list(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    asdl_expr_seq *elts = e->v.List.elts;
    if (e->v.List.ctx == Store) return assignment_helper(c, loc, elts);
    if (e->v.List.ctx == Load)
        return starunpack_helper(c, loc, elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, 0);
    VISIT_SEQ(c, Expr, elts);
    return SUCCESS;
}

static int
compiler_tuple(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    asdl_expr_seq *elts = e->v.Tuple.elts;
    if (e->v.Tuple.ctx == Store) return assignment_helper(c, loc, elts);
    if (e->v.Tuple.ctx == Load)
        return starunpack_helper(c, loc, elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, 1);
    VISIT_SEQ(c, Expr, elts);
    return SUCCESS;
}

static int
compiler_set(struct compiler *c, expr_ty e)
{
    return starunpack_helper(c, LOC(e), e->v.Set.elts, 0, BUILD_SET, SET_ADD, SET_UPDATE, 0);
}

static int
compiler_subdict(struct compiler *c, expr_ty e, Py_ssize_t begin, Py_ssize_t end)
{
    Py_ssize_t i, n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    location loc = LOC(e);
    if (n > 1 && !big && are_all_items_const(e->v.Dict.keys, begin, end)) {
        for (i = begin; i < end; i++)
            VISIT(c, Expr, (expr_ty)asdl_seq_GET(e->v.Dict.values, i));
        PyObject *keys = PyTuple_New(n);
        if (keys == NULL) return ERROR;
        for (i = begin; i < end; i++) {
            PyObject *key = ((expr_ty)asdl_seq_GET(e->v.Dict.keys, i))->v.Constant.value;
            PyTuple_SET_ITEM(keys, i - begin, Py_NewRef(key));
        }
        ADDOP_LOAD_CONST_NEW(c, loc, keys);
        ADDOP_I(c, loc, BUILD_CONST_KEY_MAP, n);
        return SUCCESS;
    }
    if (big) ADDOP_I(c, loc, BUILD_MAP, 0);
    for (i = begin; i < end; i++) {
        VISIT(c, Expr, (expr_ty)asdl_seq_GET(e->v.Dict.keys, i));
        VISIT(c, Expr, (expr_ty)asdl_seq_GET(e->v.Dict.values, i));
        if (big) ADDOP_I(c, loc, MAP_ADD, 1);
    }
    if (!big) ADDOP_I(c, loc, BUILD_MAP, n);
    return SUCCESS;
}

static int
compiler_dict(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    Py_ssize_t i, n, elements = 0;
    int have_dict = 0;
    n = asdl_seq_LEN(e->v.Dict.values);
    for (i = 0; i < n; i++) {
        int is_unpacking = (expr_ty)asdl_seq_GET(e->v.Dict.keys, i) == NULL;
        if (is_unpacking) {
            if (elements) {
                RETURN_IF_ERROR(compiler_subdict(c, e, i - elements, i));
                if (have_dict) ADDOP_I(c, loc, DICT_UPDATE, 1);
                have_dict = 1;
                elements = 0;
            }
            if (have_dict == 0) {
                ADDOP_I(c, loc, BUILD_MAP, 0);
                have_dict = 1;
            }
            VISIT(c, Expr, (expr_ty)asdl_seq_GET(e->v.Dict.values, i));
            ADDOP_I(c, loc, DICT_UPDATE, 1);
        }
        else {
            if (elements * 2 > STACK_USE_GUIDELINE) {
                RETURN_IF_ERROR(compiler_subdict(c, e, i - elements, i + 1));
                if (have_dict) ADDOP_I(c, loc, DICT_UPDATE, 1);
                have_dict = 1;
                elements = 0;
            }
            else {
                elements++;
            }
        }
    }
    if (elements) {
        RETURN_IF_ERROR(compiler_subdict(c, e, n - elements, n));
        if (have_dict) ADDOP_I(c, loc, DICT_UPDATE, 1);
        have_dict = 1;
    }
    if (!have_dict) ADDOP_I(c, loc, BUILD_MAP, 0);
    return SUCCESS;
}

int
_RpC_Slice(struct compiler *c, expr_ty s)
{
    int n = 2;
    if (s->v.Slice.lower) {
        VISIT(c, Expr, s->v.Slice.lower);
    }
    else {
        ADDOP_LOAD_CONST(c, LOC(s), Py_None);
    }
    if (s->v.Slice.upper) {
        VISIT(c, Expr, s->v.Slice.upper);
    }
    else {
        ADDOP_LOAD_CONST(c, LOC(s), Py_None);
    }
    if (s->v.Slice.step) {
        n++;
        VISIT(c, Expr, s->v.Slice.step);
    }
    return n;
}

static int
compiler_subscript(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    expr_context_ty ctx = e->v.Subscript.ctx;
    int op = 0;
    if (ctx == Load) {
        RETURN_IF_ERROR(check_subscripter(c, e->v.Subscript.value));
        RETURN_IF_ERROR(check_index(c, e->v.Subscript.value, e->v.Subscript.slice));
    }
    VISIT(c, Expr, e->v.Subscript.value);
    expr_ty sl = e->v.Subscript.slice;
    if (sl->kind == Slice_kind && sl->v.Slice.step == NULL && ctx != Del) {
        RETURN_IF_ERROR(_RpC_Slice(c, sl));
        if (ctx == Load) {
            ADDOP(c, loc, BINARY_SLICE);
        }
        else {
            ADDOP(c, loc, STORE_SLICE);
        }
    }
    else {
        VISIT(c, Expr, sl);
        switch (ctx) {
        case Load: op = BINARY_SUBSCR; break;
        case Store: op = STORE_SUBSCR; break;
        case Del: op = DELETE_SUBSCR; break;
        }
        ADDOP(c, loc, op);
    }
    return SUCCESS;
}

static int
compiler_joined_str(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    Py_ssize_t value_count = asdl_seq_LEN(e->v.JoinedStr.values);
    if (value_count > STACK_USE_GUIDELINE) {
        ADDOP_LOAD_CONST(c, loc, _Py_STR(""));
        ADDOP_NAME(c, loc, LOAD_METHOD, _Py_ID(join), names);
        ADDOP_I(c, loc, BUILD_LIST, 0);
        for (Py_ssize_t i = 0; i < value_count; i++) {
            VISIT(c, Expr, asdl_seq_GET(e->v.JoinedStr.values, i));
            ADDOP_I(c, loc, LIST_APPEND, 1);
        }
        ADDOP_I(c, loc, CALL, 1);
    }
    else {
        VISIT_SEQ(c, Expr, e->v.JoinedStr.values);
        if (value_count != 1) {
            /* f"" and an empty format spec build an empty string: BUILD_STRING 0 */
            ADDOP_I(c, loc, BUILD_STRING, value_count);
        }
    }
    return SUCCESS;
}

static int
compiler_formatted_value(struct compiler *c, expr_ty e)
{
    int conversion = e->v.FormattedValue.conversion;
    int oparg;
    VISIT(c, Expr, e->v.FormattedValue.value);
    location loc = LOC(e);
    switch (conversion) {
    case 's': oparg = FVC_STR; break;
    case 'r': oparg = FVC_REPR; break;
    case 'a': oparg = FVC_ASCII; break;
    case -1: oparg = FVC_NONE; break;
    default:
        PyErr_Format(PyExc_SystemError, "Unrecognized conversion character %d", conversion);
        return ERROR;
    }
    if (e->v.FormattedValue.format_spec) {
        VISIT(c, Expr, e->v.FormattedValue.format_spec);
        oparg |= FVS_HAVE_SPEC;
    }
    ADDOP_I(c, loc, FORMAT_VALUE, oparg);
    return SUCCESS;
}

/* ------------------------------- calls --------------------------------- */
static int
validate_keywords(struct compiler *c, asdl_keyword_seq *keywords)
{
    Py_ssize_t nkeywords = asdl_seq_LEN(keywords);
    for (Py_ssize_t i = 0; i < nkeywords; i++) {
        keyword_ty key = ((keyword_ty)asdl_seq_GET(keywords, i));
        if (key->arg == NULL) continue;
        if (_RpC_ForbiddenName(c, LOC(key), key->arg, Store)) return ERROR;
        for (Py_ssize_t j = i + 1; j < nkeywords; j++) {
            keyword_ty other = ((keyword_ty)asdl_seq_GET(keywords, j));
            if (other->arg && !PyUnicode_Compare(key->arg, other->arg))
                return _RpC_Error(c, LOC(other), "keyword argument repeated: %U", key->arg);
        }
    }
    return SUCCESS;
}

static int
compiler_call_simple_kw_helper(struct compiler *c, location loc, asdl_keyword_seq *keywords,
                               Py_ssize_t nkwelts)
{
    PyObject *names = PyTuple_New(nkwelts);
    if (names == NULL) return ERROR;
    for (Py_ssize_t i = 0; i < nkwelts; i++) {
        keyword_ty kw = asdl_seq_GET(keywords, i);
        PyTuple_SET_ITEM(names, i, Py_NewRef(kw->arg));
    }
    Py_ssize_t arg = _RpC_AddConst(c, names);
    Py_DECREF(names);
    if (arg < 0) return ERROR;
    ADDOP_I(c, loc, KW_NAMES, arg);
    return SUCCESS;
}

static int
compiler_subkwargs(struct compiler *c, location loc, asdl_keyword_seq *keywords,
                   Py_ssize_t begin, Py_ssize_t end)
{
    Py_ssize_t i, n = end - begin;
    keyword_ty kw;
    int big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        for (i = begin; i < end; i++) {
            kw = asdl_seq_GET(keywords, i);
            VISIT(c, Expr, kw->value);
        }
        PyObject *keys = PyTuple_New(n);
        if (keys == NULL) return ERROR;
        for (i = begin; i < end; i++) {
            PyObject *key = ((keyword_ty)asdl_seq_GET(keywords, i))->arg;
            PyTuple_SET_ITEM(keys, i - begin, Py_NewRef(key));
        }
        ADDOP_LOAD_CONST_NEW(c, loc, keys);
        ADDOP_I(c, loc, BUILD_CONST_KEY_MAP, n);
        return SUCCESS;
    }
    if (big) ADDOP_I(c, NO_LOCATION, BUILD_MAP, 0);
    for (i = begin; i < end; i++) {
        kw = asdl_seq_GET(keywords, i);
        ADDOP_LOAD_CONST(c, loc, kw->arg);
        VISIT(c, Expr, kw->value);
        if (big) ADDOP_I(c, NO_LOCATION, MAP_ADD, 1);
    }
    if (!big) ADDOP_I(c, loc, BUILD_MAP, n);
    return SUCCESS;
}

int
_RpC_CallHelper(struct compiler *c, location loc, int n, asdl_expr_seq *args,
                asdl_keyword_seq *keywords)
{
    Py_ssize_t i, nseen, nelts, nkwelts;
    RETURN_IF_ERROR(validate_keywords(c, keywords));
    nelts = asdl_seq_LEN(args);
    nkwelts = asdl_seq_LEN(keywords);
    if (nelts + nkwelts * 2 > STACK_USE_GUIDELINE) goto ex_call;
    for (i = 0; i < nelts; i++) {
        expr_ty elt = asdl_seq_GET(args, i);
        if (elt->kind == Starred_kind) goto ex_call;
    }
    for (i = 0; i < nkwelts; i++) {
        keyword_ty kw = asdl_seq_GET(keywords, i);
        if (kw->arg == NULL) goto ex_call;
    }
    for (i = 0; i < nelts; i++)
        VISIT(c, Expr, (expr_ty)asdl_seq_GET(args, i));
    if (nkwelts) {
        VISIT_SEQ(c, Keyword, keywords);
        RETURN_IF_ERROR(compiler_call_simple_kw_helper(c, loc, keywords, nkwelts));
    }
    ADDOP_I(c, loc, CALL, n + nelts + nkwelts);
    return SUCCESS;

ex_call:
    if (n == 0 && nelts == 1 && ((expr_ty)asdl_seq_GET(args, 0))->kind == Starred_kind) {
        VISIT(c, Expr, ((expr_ty)asdl_seq_GET(args, 0))->v.Starred.value);
    }
    else {
        RETURN_IF_ERROR(starunpack_helper(c, loc, args, n, BUILD_LIST, LIST_APPEND,
                                          LIST_EXTEND, 1));
    }
    if (nkwelts) {
        int have_dict = 0;
        nseen = 0;
        for (i = 0; i < nkwelts; i++) {
            keyword_ty kw = asdl_seq_GET(keywords, i);
            if (kw->arg == NULL) {
                if (nseen) {
                    RETURN_IF_ERROR(compiler_subkwargs(c, loc, keywords, i - nseen, i));
                    if (have_dict) ADDOP_I(c, loc, DICT_MERGE, 1);
                    have_dict = 1;
                    nseen = 0;
                }
                if (!have_dict) {
                    ADDOP_I(c, loc, BUILD_MAP, 0);
                    have_dict = 1;
                }
                VISIT(c, Expr, kw->value);
                ADDOP_I(c, loc, DICT_MERGE, 1);
            }
            else {
                nseen++;
            }
        }
        if (nseen) {
            RETURN_IF_ERROR(compiler_subkwargs(c, loc, keywords, nkwelts - nseen, nkwelts));
            if (have_dict) ADDOP_I(c, loc, DICT_MERGE, 1);
            have_dict = 1;
        }
    }
    ADDOP_I(c, loc, CALL_FUNCTION_EX, nkwelts > 0);
    return SUCCESS;
}

static int
is_import_originated(struct compiler *c, expr_ty e)
{
    if (e->kind != Name_kind) return 0;
    long flags = _RpST_GetSymbol(c->c_st->st_top, e->v.Name.id);
    return (flags & DEF_IMPORT) != 0;
}

static int
can_optimize_super_call(struct compiler *c, expr_ty attr)
{
    expr_ty e = attr->v.Attribute.value;
    if (e->kind != Call_kind || e->v.Call.func->kind != Name_kind ||
        !_PyUnicode_EqualToASCIIString(e->v.Call.func->v.Name.id, "super") ||
        _PyUnicode_EqualToASCIIString(attr->v.Attribute.attr, "__class__") ||
        asdl_seq_LEN(e->v.Call.keywords) != 0)
        return 0;
    Py_ssize_t num_args = asdl_seq_LEN(e->v.Call.args);
    PyObject *super_name = e->v.Call.func->v.Name.id;
    if (_RpST_GetScope(c->u->u_ste, super_name) != GLOBAL_IMPLICIT) return 0;
    if (_RpST_GetScope(c->c_st->st_top, super_name) != 0) return 0;
    if (num_args == 2) {
        for (Py_ssize_t i = 0; i < num_args; i++) {
            expr_ty elt = asdl_seq_GET(e->v.Call.args, i);
            if (elt->kind == Starred_kind) return 0;
        }
        return 1;
    }
    if (num_args != 0) return 0;
    if (c->u->u_metadata.u_argcount == 0 && c->u->u_metadata.u_posonlyargcount == 0)
        return 0;
    if (_RpST_GetScope(c->u->u_ste, _Py_ID(__class__)) == FREE &&
        c->u->u_scope_type != COMPILER_SCOPE_CLASS)
        return 1;
    return 0;
}

static int
load_args_for_super(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    PyObject *super_name = e->v.Call.func->v.Name.id;
    RETURN_IF_ERROR(_RpC_Nameop(c, LOC(e->v.Call.func), super_name, Load));
    if (asdl_seq_LEN(e->v.Call.args) == 2) {
        VISIT(c, Expr, asdl_seq_GET(e->v.Call.args, 0));
        VISIT(c, Expr, asdl_seq_GET(e->v.Call.args, 1));
        return SUCCESS;
    }
    RETURN_IF_ERROR(_RpC_Nameop(c, loc, _Py_ID(__class__), Load));
    Py_ssize_t i = 0;
    PyObject *key, *value;
    if (!PyDict_Next(c->u->u_metadata.u_varnames, &i, &key, &value)) {
        PyErr_SetString(PyExc_SystemError, "super() without arguments");
        return ERROR;
    }
    RETURN_IF_ERROR(_RpC_Nameop(c, loc, key, Load));
    return SUCCESS;
}

static int
maybe_optimize_method_call(struct compiler *c, expr_ty e)
{
    expr_ty meth = e->v.Call.func;
    asdl_expr_seq *args = e->v.Call.args;
    asdl_keyword_seq *kwds = e->v.Call.keywords;
    if (meth->kind != Attribute_kind || meth->v.Attribute.ctx != Load) return 0;
    if (is_import_originated(c, meth->v.Attribute.value)) return 0;
    Py_ssize_t argsl = asdl_seq_LEN(args);
    Py_ssize_t kwdsl = asdl_seq_LEN(kwds);
    if (argsl + kwdsl + (kwdsl != 0) >= STACK_USE_GUIDELINE) return 0;
    for (Py_ssize_t i = 0; i < argsl; i++) {
        expr_ty elt = asdl_seq_GET(args, i);
        if (elt->kind == Starred_kind) return 0;
    }
    for (Py_ssize_t i = 0; i < kwdsl; i++) {
        keyword_ty kw = asdl_seq_GET(kwds, i);
        if (kw->arg == NULL) return 0;
    }
    location loc = LOC(meth);
    if (can_optimize_super_call(c, meth)) {
        RETURN_IF_ERROR(load_args_for_super(c, meth->v.Attribute.value));
        int opcode = asdl_seq_LEN(meth->v.Attribute.value->v.Call.args)
                     ? LOAD_SUPER_METHOD : LOAD_ZERO_SUPER_METHOD;
        ADDOP_NAME(c, loc, opcode, meth->v.Attribute.attr, names);
        loc = _RpC_UpdateStartLocationToMatchAttr(c, loc, meth);
        ADDOP(c, loc, NOP);
    }
    else {
        VISIT(c, Expr, meth->v.Attribute.value);
        loc = _RpC_UpdateStartLocationToMatchAttr(c, loc, meth);
        ADDOP_NAME(c, loc, LOAD_METHOD, meth->v.Attribute.attr, names);
    }
    VISIT_SEQ(c, Expr, e->v.Call.args);
    if (kwdsl) {
        VISIT_SEQ(c, Keyword, kwds);
        RETURN_IF_ERROR(compiler_call_simple_kw_helper(c, loc, kwds, kwdsl));
    }
    loc = _RpC_UpdateStartLocationToMatchAttr(c, LOC(e), meth);
    ADDOP_I(c, loc, CALL, argsl + kwdsl);
    return 1;
}

static int
compiler_call(struct compiler *c, expr_ty e)
{
    RETURN_IF_ERROR(validate_keywords(c, e->v.Call.keywords));
    int ret = maybe_optimize_method_call(c, e);
    if (ret < 0) return ERROR;
    if (ret == 1) return SUCCESS;
    RETURN_IF_ERROR(check_caller(c, e->v.Call.func));
    location loc = LOC(e->v.Call.func);
    ADDOP(c, loc, PUSH_NULL);
    VISIT(c, Expr, e->v.Call.func);
    loc = LOC(e);
    return _RpC_CallHelper(c, loc, 0, e->v.Call.args, e->v.Call.keywords);
}

/* --------------------------- comprehensions ---------------------------- */
typedef struct {
    PyObject *pushed_locals;
    PyObject *temp_symbols;
    PyObject *fast_hidden;
    int cleanup;
    int end;
} inlined_comprehension_state;

static int compiler_comprehension_generator(struct compiler *c, location loc,
                                            asdl_comprehension_seq *generators, int gen_index,
                                            int depth, expr_ty elt, expr_ty val, int type,
                                            int iter_on_stack);

static int
compiler_comp_element(struct compiler *c, expr_ty elt, expr_ty val, int type, int depth,
                      location *pelt_loc)
{
    location elt_loc = LOC(elt);
    switch (type) {
    case COMP_GENEXP:
        VISIT(c, Expr, elt);
        ADDOP_YIELD(c, elt_loc);
        ADDOP(c, elt_loc, POP_TOP);
        break;
    case COMP_LISTCOMP:
        VISIT(c, Expr, elt);
        ADDOP_I(c, elt_loc, LIST_APPEND, depth + 1);
        break;
    case COMP_SETCOMP:
        VISIT(c, Expr, elt);
        ADDOP_I(c, elt_loc, SET_ADD, depth + 1);
        break;
    case COMP_DICTCOMP:
        VISIT(c, Expr, elt);
        VISIT(c, Expr, val);
        elt_loc = LOCATION(elt->lineno, val->end_lineno, elt->col_offset, val->end_col_offset);
        ADDOP_I(c, elt_loc, MAP_ADD, depth + 1);
        break;
    default:
        return ERROR;
    }
    *pelt_loc = elt_loc;
    return SUCCESS;
}

static int
compiler_sync_comprehension_generator(struct compiler *c, location loc,
                                      asdl_comprehension_seq *generators, int gen_index,
                                      int depth, expr_ty elt, expr_ty val, int type,
                                      int iter_on_stack)
{
    NEW_JUMP_TARGET_LABEL(c, start);
    NEW_JUMP_TARGET_LABEL(c, if_cleanup);
    NEW_JUMP_TARGET_LABEL(c, anchor);
    comprehension_ty gen = (comprehension_ty)asdl_seq_GET(generators, gen_index);
    if (!iter_on_stack) {
        if (gen_index == 0) {
            c->u->u_metadata.u_argcount = 1;
            ADDOP_I(c, loc, LOAD_FAST, 0);
        }
        else {
            asdl_expr_seq *elts;
            switch (gen->iter->kind) {
            case List_kind: elts = gen->iter->v.List.elts; break;
            case Tuple_kind: elts = gen->iter->v.Tuple.elts; break;
            default: elts = NULL;
            }
            if (asdl_seq_LEN(elts) == 1) {
                expr_ty elt0 = asdl_seq_GET(elts, 0);
                if (elt0->kind != Starred_kind) {
                    VISIT(c, Expr, elt0);
                    start = NO_LABEL;
                }
            }
            if (IS_LABEL(start)) {
                VISIT(c, Expr, gen->iter);
                ADDOP(c, loc, GET_ITER);
            }
        }
    }
    if (IS_LABEL(start)) {
        depth++;
        USE_LABEL(c, start);
        ADDOP_JUMP(c, loc, FOR_ITER, anchor);
    }
    VISIT(c, Expr, gen->target);
    Py_ssize_t n = asdl_seq_LEN(gen->ifs);
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty e = (expr_ty)asdl_seq_GET(gen->ifs, i);
        RETURN_IF_ERROR(_RpC_JumpIf(c, loc, e, if_cleanup, 0));
    }
    if (++gen_index < asdl_seq_LEN(generators)) {
        RETURN_IF_ERROR(compiler_comprehension_generator(c, loc, generators, gen_index, depth,
                                                         elt, val, type, 0));
    }
    location elt_loc = LOC(elt);
    if (gen_index >= asdl_seq_LEN(generators))
        RETURN_IF_ERROR(compiler_comp_element(c, elt, val, type, depth, &elt_loc));
    USE_LABEL(c, if_cleanup);
    if (IS_LABEL(start)) {
        ADDOP_JUMP(c, elt_loc, JUMP, start);
        USE_LABEL(c, anchor);
        ADDOP(c, NO_LOCATION, END_FOR);
    }
    return SUCCESS;
}

static int
compiler_async_comprehension_generator(struct compiler *c, location loc,
                                       asdl_comprehension_seq *generators, int gen_index,
                                       int depth, expr_ty elt, expr_ty val, int type,
                                       int iter_on_stack)
{
    NEW_JUMP_TARGET_LABEL(c, start);
    NEW_JUMP_TARGET_LABEL(c, except);
    NEW_JUMP_TARGET_LABEL(c, if_cleanup);
    comprehension_ty gen = (comprehension_ty)asdl_seq_GET(generators, gen_index);
    if (!iter_on_stack) {
        if (gen_index == 0) {
            c->u->u_metadata.u_argcount = 1;
            ADDOP_I(c, loc, LOAD_FAST, 0);
        }
        else {
            VISIT(c, Expr, gen->iter);
            ADDOP(c, loc, GET_AITER);
        }
    }
    USE_LABEL(c, start);
    RETURN_IF_ERROR(_RpC_PushFblock(c, loc, ASYNC_COMPREHENSION_GENERATOR, start, NO_LABEL,
                                    NULL));
    ADDOP_JUMP(c, loc, SETUP_FINALLY, except);
    ADDOP(c, loc, GET_ANEXT);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADD_YIELD_FROM(c, loc, 1);
    ADDOP(c, loc, POP_BLOCK);
    VISIT(c, Expr, gen->target);
    Py_ssize_t n = asdl_seq_LEN(gen->ifs);
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty e = (expr_ty)asdl_seq_GET(gen->ifs, i);
        RETURN_IF_ERROR(_RpC_JumpIf(c, loc, e, if_cleanup, 0));
    }
    depth++;
    if (++gen_index < asdl_seq_LEN(generators)) {
        RETURN_IF_ERROR(compiler_comprehension_generator(c, loc, generators, gen_index, depth,
                                                         elt, val, type, 0));
    }
    location elt_loc = LOC(elt);
    if (gen_index >= asdl_seq_LEN(generators))
        RETURN_IF_ERROR(compiler_comp_element(c, elt, val, type, depth, &elt_loc));
    USE_LABEL(c, if_cleanup);
    ADDOP_JUMP(c, elt_loc, JUMP, start);
    _RpC_PopFblock(c, ASYNC_COMPREHENSION_GENERATOR, start);
    USE_LABEL(c, except);
    ADDOP(c, loc, END_ASYNC_FOR);
    return SUCCESS;
}

static int
compiler_comprehension_generator(struct compiler *c, location loc,
                                 asdl_comprehension_seq *generators, int gen_index, int depth,
                                 expr_ty elt, expr_ty val, int type, int iter_on_stack)
{
    comprehension_ty gen = (comprehension_ty)asdl_seq_GET(generators, gen_index);
    if (gen->is_async)
        return compiler_async_comprehension_generator(c, loc, generators, gen_index, depth,
                                                      elt, val, type, iter_on_stack);
    return compiler_sync_comprehension_generator(c, loc, generators, gen_index, depth, elt, val,
                                                 type, iter_on_stack);
}

static int
push_inlined_comprehension_state(struct compiler *c, location loc, PySTEntryObject *entry,
                                 inlined_comprehension_state *state)
{
    int in_class_block = (c->u->u_ste->ste_type == ClassBlock) && !c->u->u_in_inlined_comp;
    c->u->u_in_inlined_comp++;
    PyObject *k, *v;
    Py_ssize_t pos = 0;
    while (PyDict_Next(entry->ste_symbols, &pos, &k, &v)) {
        long symbol = PyLong_AsLong(v);
        /* DEF_LOCAL | DEF_NONLOCAL comes from a walrus to a nonlocal: not
           isolated. */
        if (!((symbol & DEF_LOCAL && !(symbol & DEF_NONLOCAL)) || in_class_block))
            continue;
        if (!_RpST_IsFunctionLike(c->u->u_ste)) {
            /* non-function scope: this name uses fast locals while the
               comprehension runs */
            PyObject *orig = PyDict_GetItem(c->u->u_metadata.u_fasthidden, k);
            if (orig != Py_True) {
                if (PyDict_SetItem(c->u->u_metadata.u_fasthidden, k, Py_True) < 0)
                    return ERROR;
                if (state->fast_hidden == NULL) {
                    state->fast_hidden = PyList_New(0);
                    if (state->fast_hidden == NULL) return ERROR;
                }
                if (PyList_Append(state->fast_hidden, k) < 0) return ERROR;
            }
        }
        long scope = (symbol >> SCOPE_OFFSET) & SCOPE_MASK;
        PyObject *outv = PyDict_GetItemWithError(c->u->u_ste->ste_symbols, k);
        if (outv == NULL) {
            if (PyErr_Occurred()) return ERROR;
            outv = _PyLong_GetZero();
        }
        long outsc = (PyLong_AsLong(outv) >> SCOPE_OFFSET) & SCOPE_MASK;
        if (scope != outsc && !(scope == CELL && outsc == FREE)) {
            /* Compile the comprehension with the name's inner scope; the
               outer one is restored by pop_inlined_comprehension_state. */
            if (state->temp_symbols == NULL) {
                state->temp_symbols = PyDict_New();
                if (state->temp_symbols == NULL) return ERROR;
            }
            Py_INCREF(outv);
            if (PyDict_SetItem(c->u->u_ste->ste_symbols, k, v) < 0 ||
                PyDict_SetItem(state->temp_symbols, k, outv) < 0) {
                Py_DECREF(outv);
                return ERROR;
            }
            Py_DECREF(outv);
        }
        /* Locals bound in the comprehension are isolated: the outer value
           (maybe NULL; for a cell, the cell itself) goes on the stack. */
        if (state->pushed_locals == NULL) {
            state->pushed_locals = PyList_New(0);
            if (state->pushed_locals == NULL) return ERROR;
        }
        ADDOP_NAME(c, loc, LOAD_FAST_AND_CLEAR, k, varnames);
        if (scope == CELL) {
            if (outsc == FREE) {
                ADDOP_NAME(c, loc, MAKE_CELL, k, freevars);
            }
            else {
                ADDOP_NAME(c, loc, MAKE_CELL, k, cellvars);
            }
        }
        if (PyList_Append(state->pushed_locals, k) < 0) return ERROR;
    }
    if (state->pushed_locals) {
        ADDOP_I(c, loc, SWAP, PyList_GET_SIZE(state->pushed_locals) + 1);
        NEW_JUMP_TARGET_LABEL(c, cleanup);
        state->cleanup = cleanup;
        NEW_JUMP_TARGET_LABEL(c, end);
        state->end = end;
        ADDOP_JUMP(c, loc, SETUP_FINALLY, cleanup);
    }
    return SUCCESS;
}

static int
restore_inlined_comprehension_locals(struct compiler *c, location loc,
                                     inlined_comprehension_state *state)
{
    Py_ssize_t npops = PyList_GET_SIZE(state->pushed_locals);
    ADDOP_I(c, loc, SWAP, npops + 1);
    for (Py_ssize_t i = npops - 1; i >= 0; --i) {
        PyObject *k = PyList_GET_ITEM(state->pushed_locals, i);
        ADDOP_NAME(c, loc, STORE_FAST_MAYBE_NULL, k, varnames);
    }
    return SUCCESS;
}

static int
pop_inlined_comprehension_state(struct compiler *c, location loc,
                                inlined_comprehension_state *state)
{
    c->u->u_in_inlined_comp--;
    PyObject *k, *v;
    Py_ssize_t pos = 0;
    if (state->temp_symbols) {
        while (PyDict_Next(state->temp_symbols, &pos, &k, &v)) {
            if (PyDict_SetItem(c->u->u_ste->ste_symbols, k, v) < 0) return ERROR;
        }
        Py_CLEAR(state->temp_symbols);
    }
    if (state->pushed_locals) {
        ADDOP(c, NO_LOCATION, POP_BLOCK);
        ADDOP_JUMP(c, NO_LOCATION, JUMP, state->end);
        USE_LABEL(c, state->cleanup);
        ADDOP_I(c, NO_LOCATION, SWAP, 2);
        ADDOP(c, NO_LOCATION, POP_TOP);
        RETURN_IF_ERROR(restore_inlined_comprehension_locals(c, loc, state));
        ADDOP_I(c, NO_LOCATION, RERAISE, 0);
        USE_LABEL(c, state->end);
        RETURN_IF_ERROR(restore_inlined_comprehension_locals(c, loc, state));
        Py_CLEAR(state->pushed_locals);
    }
    if (state->fast_hidden) {
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(state->fast_hidden); i++) {
            if (PyDict_SetItem(c->u->u_metadata.u_fasthidden,
                               PyList_GET_ITEM(state->fast_hidden, i), Py_False) < 0)
                return ERROR;
        }
        Py_CLEAR(state->fast_hidden);
    }
    return SUCCESS;
}

static int
compiler_comprehension(struct compiler *c, expr_ty e, int type, PyObject *name,
                       asdl_comprehension_seq *generators, expr_ty elt, expr_ty val)
{
    PyCodeObject *co = NULL;
    inlined_comprehension_state inline_state = {NULL, NULL, NULL, NO_LABEL, NO_LABEL};
    int scope_type = c->u->u_scope_type;
    int is_top_level_await = _RpC_IsTopLevelAwait(c);
    PySTEntryObject *entry = _RpSymtable_Lookup(c->c_st, (void *)e);
    if (entry == NULL) return ERROR;
    int is_inlined = entry->ste_comp_inlined;
    int is_async_generator = entry->ste_coroutine;
    location loc = LOC(e);
    comprehension_ty outermost = (comprehension_ty)asdl_seq_GET(generators, 0);
    if (is_inlined) {
        if (_RpC_VisitExpr(c, outermost->iter) < 0) goto error;
        if (_RpC_Addop(c, loc, outermost->is_async ? GET_AITER : GET_ITER) < 0) goto error;
        if (push_inlined_comprehension_state(c, loc, entry, &inline_state) < 0) goto error;
    }
    else {
        if (_RpC_EnterScope(c, name, COMPILER_SCOPE_COMPREHENSION, (void *)e, e->lineno) < 0)
            goto error;
    }
    if (is_async_generator && type != COMP_GENEXP &&
        scope_type != COMPILER_SCOPE_ASYNC_FUNCTION &&
        scope_type != COMPILER_SCOPE_COMPREHENSION && !is_top_level_await) {
        _RpC_Error(c, loc, "asynchronous comprehension outside of an asynchronous function");
        goto error_in_scope;
    }
    if (type != COMP_GENEXP) {
        int op = type == COMP_LISTCOMP ? BUILD_LIST : type == COMP_SETCOMP ? BUILD_SET : BUILD_MAP;
        if (_RpC_AddopI(c, loc, op, 0) < 0) goto error_in_scope;
        if (is_inlined && _RpC_AddopI(c, loc, SWAP, 2) < 0) goto error_in_scope;
    }
    if (compiler_comprehension_generator(c, loc, generators, 0, 0, elt, val, type,
                                         is_inlined) < 0)
        goto error_in_scope;
    if (is_inlined) {
        if (pop_inlined_comprehension_state(c, loc, &inline_state) < 0) goto error;
        return SUCCESS;
    }
    if (type != COMP_GENEXP) {
        if (_RpC_Addop(c, LOC(e), RETURN_VALUE) < 0) goto error_in_scope;
    }
    else {
        if (_RpC_WrapInStopIterationHandler(c) < 0) goto error_in_scope;
    }
    co = _RpC_OptimizeAndAssemble(c, 1);
    _RpC_ExitScope(c);
    if (is_top_level_await && is_async_generator)
        c->u->u_ste->ste_coroutine = 1;
    if (co == NULL) goto error;
    if (_RpC_MakeClosure(c, loc, co, 0) < 0) goto error;
    Py_CLEAR(co);
    VISIT(c, Expr, outermost->iter);
    ADDOP(c, loc, outermost->is_async ? GET_AITER : GET_ITER);
    ADDOP_I(c, loc, CALL, 0);
    if (is_async_generator && type != COMP_GENEXP) {
        ADDOP_I(c, loc, GET_AWAITABLE, 0);
        ADDOP_LOAD_CONST(c, loc, Py_None);
        ADD_YIELD_FROM(c, loc, 1);
    }
    return SUCCESS;
error_in_scope:
    if (!is_inlined) _RpC_ExitScope(c);
error:
    Py_XDECREF(co);
    Py_XDECREF(inline_state.pushed_locals);
    Py_XDECREF(inline_state.temp_symbols);
    Py_XDECREF(inline_state.fast_hidden);
    return ERROR;
}

/* ------------------------------ dispatch ------------------------------- */
static const int binop_map[] = {
    0, NB_ADD, NB_SUBTRACT, NB_MULTIPLY, NB_MATRIX_MULTIPLY, NB_TRUE_DIVIDE, NB_REMAINDER,
    NB_POWER, NB_LSHIFT, NB_RSHIFT, NB_OR, NB_XOR, NB_AND, NB_FLOOR_DIVIDE };

static int
compiler_visit_expr1(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    switch (e->kind) {
    case NamedExpr_kind:
        VISIT(c, Expr, e->v.NamedExpr.value);
        ADDOP_I(c, loc, COPY, 1);
        VISIT(c, Expr, e->v.NamedExpr.target);
        break;
    case BoolOp_kind:
        return compiler_boolop(c, e);
    case BinOp_kind:
        VISIT(c, Expr, e->v.BinOp.left);
        VISIT(c, Expr, e->v.BinOp.right);
        ADDOP_I(c, loc, BINARY_OP, binop_map[e->v.BinOp.op]);
        break;
    case UnaryOp_kind:
        VISIT(c, Expr, e->v.UnaryOp.operand);
        switch (e->v.UnaryOp.op) {
        case UAdd: ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_UNARY_POSITIVE); break;
        case Invert: ADDOP(c, loc, UNARY_INVERT); break;
        case Not: ADDOP(c, loc, UNARY_NOT); break;
        case USub: ADDOP(c, loc, UNARY_NEGATIVE); break;
        }
        break;
    case Lambda_kind:
        return compiler_lambda(c, e);
    case IfExp_kind:
        return compiler_ifexp(c, e);
    case Dict_kind:
        return compiler_dict(c, e);
    case Set_kind:
        return compiler_set(c, e);
    case GeneratorExp_kind:
        return compiler_comprehension(c, e, COMP_GENEXP, _Py_STR("<genexpr>"),
                                      e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, NULL);
    case ListComp_kind:
        return compiler_comprehension(c, e, COMP_LISTCOMP, _Py_STR("<listcomp>"),
                                      e->v.ListComp.generators, e->v.ListComp.elt, NULL);
    case SetComp_kind:
        return compiler_comprehension(c, e, COMP_SETCOMP, _Py_STR("<setcomp>"),
                                      e->v.SetComp.generators, e->v.SetComp.elt, NULL);
    case DictComp_kind:
        return compiler_comprehension(c, e, COMP_DICTCOMP, _Py_STR("<dictcomp>"),
                                      e->v.DictComp.generators, e->v.DictComp.key,
                                      e->v.DictComp.value);
    case Yield_kind:
        if (!_RpST_IsFunctionLike(c->u->u_ste))
            return _RpC_Error(c, loc, "'yield' outside function");
        if (e->v.Yield.value) {
            VISIT(c, Expr, e->v.Yield.value);
        }
        else {
            ADDOP_LOAD_CONST(c, loc, Py_None);
        }
        ADDOP_YIELD(c, loc);
        break;
    case YieldFrom_kind:
        if (!_RpST_IsFunctionLike(c->u->u_ste))
            return _RpC_Error(c, loc, "'yield' outside function");
        if (c->u->u_scope_type == COMPILER_SCOPE_ASYNC_FUNCTION)
            return _RpC_Error(c, loc, "'yield from' inside async function");
        VISIT(c, Expr, e->v.YieldFrom.value);
        ADDOP(c, loc, GET_YIELD_FROM_ITER);
        ADDOP_LOAD_CONST(c, loc, Py_None);
        ADD_YIELD_FROM(c, loc, 0);
        break;
    case Await_kind:
        if (!_RpC_IsTopLevelAwait(c)) {
            if (!_RpST_IsFunctionLike(c->u->u_ste))
                return _RpC_Error(c, loc, "'await' outside function");
            if (c->u->u_scope_type != COMPILER_SCOPE_ASYNC_FUNCTION &&
                c->u->u_scope_type != COMPILER_SCOPE_COMPREHENSION)
                return _RpC_Error(c, loc, "'await' outside async function");
        }
        VISIT(c, Expr, e->v.Await.value);
        ADDOP_I(c, loc, GET_AWAITABLE, 0);
        ADDOP_LOAD_CONST(c, loc, Py_None);
        ADD_YIELD_FROM(c, loc, 1);
        break;
    case Compare_kind:
        return compiler_compare(c, e);
    case Call_kind:
        return compiler_call(c, e);
    case Constant_kind:
        ADDOP_LOAD_CONST(c, loc, e->v.Constant.value);
        break;
    case JoinedStr_kind:
        return compiler_joined_str(c, e);
    case FormattedValue_kind:
        return compiler_formatted_value(c, e);
    case Attribute_kind:
        if (e->v.Attribute.ctx == Load && can_optimize_super_call(c, e)) {
            RETURN_IF_ERROR(load_args_for_super(c, e->v.Attribute.value));
            int opcode = asdl_seq_LEN(e->v.Attribute.value->v.Call.args)
                         ? LOAD_SUPER_ATTR : LOAD_ZERO_SUPER_ATTR;
            ADDOP_NAME(c, loc, opcode, e->v.Attribute.attr, names);
            loc = _RpC_UpdateStartLocationToMatchAttr(c, loc, e);
            ADDOP(c, loc, NOP);
            return SUCCESS;
        }
        VISIT(c, Expr, e->v.Attribute.value);
        loc = _RpC_UpdateStartLocationToMatchAttr(c, LOC(e), e);
        switch (e->v.Attribute.ctx) {
        case Load:
            ADDOP_NAME(c, loc, LOAD_ATTR, e->v.Attribute.attr, names);
            break;
        case Store:
            if (_RpC_ForbiddenName(c, loc, e->v.Attribute.attr, e->v.Attribute.ctx))
                return ERROR;
            ADDOP_NAME(c, loc, STORE_ATTR, e->v.Attribute.attr, names);
            break;
        case Del:
            ADDOP_NAME(c, loc, DELETE_ATTR, e->v.Attribute.attr, names);
            break;
        }
        break;
    case Subscript_kind:
        return compiler_subscript(c, e);
    case Starred_kind:
        if (e->v.Starred.ctx == Store)
            return _RpC_Error(c, loc, "starred assignment target must be in a list or tuple");
        return _RpC_Error(c, loc, "can't use starred expression here");
    case Slice_kind: {
        int n = _RpC_Slice(c, e);
        RETURN_IF_ERROR(n);
        ADDOP_I(c, loc, BUILD_SLICE, n);
        break;
    }
    case Name_kind:
        return _RpC_Nameop(c, loc, e->v.Name.id, e->v.Name.ctx);
    case List_kind:
        return compiler_list(c, e);
    case Tuple_kind:
        return compiler_tuple(c, e);
    }
    return SUCCESS;
}

/* `from __future__ import annotations`: the annotation as a string
   (ast_unparse.c). */
int
_RpC_UnparseAnnotation(struct compiler *c, expr_ty e)
{
    ADDOP_LOAD_CONST_NEW(c, LOC(e), _RpAST_ExprAsUnicode(e));
    return SUCCESS;
}
