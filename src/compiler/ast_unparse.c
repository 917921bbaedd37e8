/* ast_unparse.c -- expression AST back to source text.
 *
 * Under `from __future__ import annotations` every annotation is stored as
 * a string: the expression regenerated from the AST (PEP 563), with exactly
 * the spelling CPython 3.12 produces, since that string is observable in
 * __annotations__ and in co_consts.
 *
 * The writer walks the expression with a "context precedence": the
 * precedence level of the slot the expression is being written into.  An
 * operator whose own level is lower than the slot's is wrapped in
 * parentheses.  Binary operators ask for one level more on the side they
 * do not associate to (** associates to the right).  The levels are
 * Python's grammar levels, from a whole tuple down to an atom.
 *
 * Details that are CPython's and visible:
 *  - constants print with repr(); the float/complex infinity prints as
 *    1e309 (so that it reads back as infinity); a u-prefixed string keeps
 *    its "u"; constant tuples (from folding) print element by element;
 *  - f-strings are rebuilt as f + repr(body), the body escaping literal
 *    braces, and a replacement field whose expression starts with "{"
 *    gets a space after the opening brace;
 *  - a call with a single generator-expression argument drops the extra
 *    parentheses; an integer before an attribute gets a space ("1 .real");
 *  - walrus, yield and lambda get their own parenthesisation rules.
 */
#include "pycore.h"
#include "rp_object.h"
#include "refpy/complexobject.h"
#include "compiler.h"
#include <float.h>

enum {
    LV_TUPLE, LV_TEST, LV_OR, LV_AND, LV_NOT, LV_CMP,
    LV_BOR, LV_BXOR, LV_BAND, LV_SHIFT, LV_ARITH, LV_TERM,
    LV_FACTOR, LV_POWER, LV_AWAIT, LV_ATOM
};

typedef _PyUnicodeWriter W;

static int write_expr(W *w, expr_ty e, int level);
static int write_fstring(W *w, expr_ty e, int in_spec);
static int write_field(W *w, expr_ty e);

static int
put(W *w, const char *s)
{
    return _PyUnicodeWriter_WriteASCIIString(w, s, -1);
}

#define PUT(S) do { if (put(w, (S)) < 0) return -1; } while (0)
#define PUT_IF(C, S) do { if ((C) && put(w, (S)) < 0) return -1; } while (0)
#define EXPR(E, L) do { if (write_expr(w, (E), (L)) < 0) return -1; } while (0)
#define STR(O) do { if (_PyUnicodeWriter_WriteStr(w, (O)) < 0) return -1; } while (0)

/* repr(), with infinities spelled 1e309 for floats and complexes. */
static int
write_repr(W *w, PyObject *v)
{
    PyObject *r = PyObject_Repr(v);
    if (r == NULL) return -1;
    if (PyFloat_CheckExact(v) || PyComplex_CheckExact(v)) {
        PyObject *inf = PyUnicode_FromString("inf");
        PyObject *big = PyUnicode_FromFormat("1e%d", 1 + DBL_MAX_10_EXP);
        PyObject *t = (inf && big) ? PyUnicode_Replace(r, inf, big, -1) : NULL;
        Py_XDECREF(inf);
        Py_XDECREF(big);
        Py_DECREF(r);
        if (t == NULL) return -1;
        r = t;
    }
    int res = _PyUnicodeWriter_WriteStr(w, r);
    Py_DECREF(r);
    return res;
}

static int
write_constant(W *w, PyObject *v)
{
    if (PyTuple_CheckExact(v)) {
        Py_ssize_t n = PyTuple_GET_SIZE(v);
        int err = 0;
        PUT("(");
        for (Py_ssize_t i = 0; i < n; i++) {
            PUT_IF(i > 0, ", ");
            err |= write_repr(w, PyTuple_GET_ITEM(v, i));
        }
        PUT_IF(n == 1, ",");
        PUT(")");
        return err;
    }
    return write_repr(w, v);
}

static int
write_seq(W *w, asdl_expr_seq *seq, int level)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
        PUT_IF(i > 0, ", ");
        EXPR(asdl_seq_GET(seq, i), level);
    }
    return 0;
}

static int
write_boolop(W *w, expr_ty e, int level)
{
    int and = e->v.BoolOp.op == And;
    int lv = and ? LV_AND : LV_OR;
    PUT_IF(level > lv, "(");
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.BoolOp.values); i++) {
        PUT_IF(i > 0, and ? " and " : " or ");
        EXPR(asdl_seq_GET(e->v.BoolOp.values, i), lv + 1);
    }
    PUT_IF(level > lv, ")");
    return 0;
}

static int
write_binop(W *w, expr_ty e, int level)
{
    static const struct { const char *sym; int lv; } ops[] = {
        [Add] = {" + ", LV_ARITH}, [Sub] = {" - ", LV_ARITH},
        [Mult] = {" * ", LV_TERM}, [MatMult] = {" @ ", LV_TERM},
        [Div] = {" / ", LV_TERM}, [Mod] = {" % ", LV_TERM},
        [FloorDiv] = {" // ", LV_TERM}, [Pow] = {" ** ", LV_POWER},
        [LShift] = {" << ", LV_SHIFT}, [RShift] = {" >> ", LV_SHIFT},
        [BitOr] = {" | ", LV_BOR}, [BitXor] = {" ^ ", LV_BXOR},
        [BitAnd] = {" & ", LV_BAND},
    };
    operator_ty op = e->v.BinOp.op;
    if ((int)op < 0 || (size_t)op >= sizeof ops / sizeof ops[0] || ops[op].sym == NULL) {
        PyErr_SetString(PyExc_SystemError, "unknown binary operator");
        return -1;
    }
    int lv = ops[op].lv, right_assoc = op == Pow;
    PUT_IF(level > lv, "(");
    EXPR(e->v.BinOp.left, lv + right_assoc);
    PUT(ops[op].sym);
    EXPR(e->v.BinOp.right, lv + !right_assoc);
    PUT_IF(level > lv, ")");
    return 0;
}

static int
write_unaryop(W *w, expr_ty e, int level)
{
    const char *sym;
    int lv = LV_FACTOR;
    switch (e->v.UnaryOp.op) {
    case Invert: sym = "~"; break;
    case Not: sym = "not "; lv = LV_NOT; break;
    case UAdd: sym = "+"; break;
    case USub: sym = "-"; break;
    default:
        PyErr_SetString(PyExc_SystemError, "unknown unary operator");
        return -1;
    }
    PUT_IF(level > lv, "(");
    PUT(sym);
    EXPR(e->v.UnaryOp.operand, lv);
    PUT_IF(level > lv, ")");
    return 0;
}

static int
write_arg(W *w, arg_ty a)
{
    STR(a->arg);
    if (a->annotation) {
        PUT(": ");
        EXPR(a->annotation, LV_TEST);
    }
    return 0;
}

static int
write_arguments(W *w, arguments_ty args)
{
    int first = 1;
    Py_ssize_t nposonly = asdl_seq_LEN(args->posonlyargs);
    Py_ssize_t npos = nposonly + asdl_seq_LEN(args->args);
    Py_ssize_t ndefaults = asdl_seq_LEN(args->defaults);
    for (Py_ssize_t i = 0; i < npos; i++) {
        PUT_IF(!first, ", ");
        first = 0;
        arg_ty a = i < nposonly ? asdl_seq_GET(args->posonlyargs, i)
                                : asdl_seq_GET(args->args, i - nposonly);
        if (write_arg(w, a) < 0) return -1;
        Py_ssize_t d = i - (npos - ndefaults);     /* defaults cover the tail */
        if (d >= 0) {
            PUT("=");
            EXPR(asdl_seq_GET(args->defaults, d), LV_TEST);
        }
        PUT_IF(nposonly && i + 1 == nposonly, ", /");
    }
    Py_ssize_t nkwonly = asdl_seq_LEN(args->kwonlyargs);
    if (args->vararg || nkwonly) {
        PUT_IF(!first, ", ");
        first = 0;
        PUT("*");
        if (args->vararg && write_arg(w, args->vararg) < 0) return -1;
    }
    Py_ssize_t nkwdefaults = asdl_seq_LEN(args->kw_defaults);
    for (Py_ssize_t i = 0; i < nkwonly; i++) {
        PUT_IF(!first, ", ");
        first = 0;
        if (write_arg(w, asdl_seq_GET(args->kwonlyargs, i)) < 0) return -1;
        Py_ssize_t d = i - (nkwonly - nkwdefaults);
        if (d >= 0) {
            expr_ty dflt = asdl_seq_GET(args->kw_defaults, d);
            if (dflt) {
                PUT("=");
                EXPR(dflt, LV_TEST);
            }
        }
    }
    if (args->kwarg) {
        PUT_IF(!first, ", ");
        PUT("**");
        if (write_arg(w, args->kwarg) < 0) return -1;
    }
    return 0;
}

static int
write_lambda(W *w, expr_ty e, int level)
{
    arguments_ty a = e->v.Lambda.args;
    PUT_IF(level > LV_TEST, "(");
    PUT(asdl_seq_LEN(a->args) + asdl_seq_LEN(a->posonlyargs) ? "lambda " : "lambda");
    if (write_arguments(w, a) < 0) return -1;
    PUT(": ");
    EXPR(e->v.Lambda.body, LV_TEST);
    PUT_IF(level > LV_TEST, ")");
    return 0;
}

static int
write_ifexp(W *w, expr_ty e, int level)
{
    PUT_IF(level > LV_TEST, "(");
    EXPR(e->v.IfExp.body, LV_TEST + 1);
    PUT(" if ");
    EXPR(e->v.IfExp.test, LV_TEST + 1);
    PUT(" else ");
    EXPR(e->v.IfExp.orelse, LV_TEST);
    PUT_IF(level > LV_TEST, ")");
    return 0;
}

static int
write_dict(W *w, expr_ty e)
{
    PUT("{");
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Dict.values); i++) {
        PUT_IF(i > 0, ", ");
        expr_ty key = asdl_seq_GET(e->v.Dict.keys, i);
        expr_ty value = asdl_seq_GET(e->v.Dict.values, i);
        if (key) {
            EXPR(key, LV_TEST);
            PUT(": ");
            EXPR(value, LV_TEST);
        }
        else {
            PUT("**");
            EXPR(value, LV_BOR);
        }
    }
    PUT("}");
    return 0;
}

static int
write_generators(W *w, asdl_comprehension_seq *gens)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(gens); i++) {
        comprehension_ty g = asdl_seq_GET(gens, i);
        PUT(g->is_async ? " async for " : " for ");
        EXPR(g->target, LV_TUPLE);
        PUT(" in ");
        EXPR(g->iter, LV_TEST + 1);
        for (Py_ssize_t j = 0; j < asdl_seq_LEN(g->ifs); j++) {
            PUT(" if ");
            EXPR(asdl_seq_GET(g->ifs, j), LV_TEST + 1);
        }
    }
    return 0;
}

/* "(elt for ...)", "[elt for ...]", "{elt for ...}" */
static int
write_comp(W *w, const char *open, expr_ty elt, asdl_comprehension_seq *gens,
           const char *close)
{
    PUT(open);
    EXPR(elt, LV_TEST);
    if (write_generators(w, gens) < 0) return -1;
    PUT(close);
    return 0;
}

static int
write_compare(W *w, expr_ty e, int level)
{
    PUT_IF(level > LV_CMP, "(");
    EXPR(e->v.Compare.left, LV_CMP + 1);
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Compare.comparators); i++) {
        const char *sym;
        switch ((cmpop_ty)asdl_seq_GET(e->v.Compare.ops, i)) {
        case Eq: sym = " == "; break;
        case NotEq: sym = " != "; break;
        case Lt: sym = " < "; break;
        case LtE: sym = " <= "; break;
        case Gt: sym = " > "; break;
        case GtE: sym = " >= "; break;
        case Is: sym = " is "; break;
        case IsNot: sym = " is not "; break;
        case In: sym = " in "; break;
        case NotIn: sym = " not in "; break;
        default:
            PyErr_SetString(PyExc_SystemError, "unexpected comparison kind");
            return -1;
        }
        PUT(sym);
        EXPR(asdl_seq_GET(e->v.Compare.comparators, i), LV_CMP + 1);
    }
    PUT_IF(level > LV_CMP, ")");
    return 0;
}

static int
write_call(W *w, expr_ty e)
{
    asdl_expr_seq *args = e->v.Call.args;
    asdl_keyword_seq *kws = e->v.Call.keywords;
    EXPR(e->v.Call.func, LV_ATOM);
    if (asdl_seq_LEN(args) == 1 && asdl_seq_LEN(kws) == 0) {
        expr_ty only = asdl_seq_GET(args, 0);
        if (only->kind == GeneratorExp_kind)     /* f(x for x in y) */
            return write_comp(w, "(", only->v.GeneratorExp.elt,
                              only->v.GeneratorExp.generators, ")");
    }
    PUT("(");
    int first = 1;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        PUT_IF(!first, ", ");
        first = 0;
        EXPR(asdl_seq_GET(args, i), LV_TEST);
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(kws); i++) {
        keyword_ty kw = asdl_seq_GET(kws, i);
        PUT_IF(!first, ", ");
        first = 0;
        if (kw->arg == NULL) {
            PUT("**");
        }
        else {
            STR(kw->arg);
            PUT("=");
        }
        EXPR(kw->value, LV_TEST);
    }
    PUT(")");
    return 0;
}

/* Literal text inside an f-string: braces doubled. */
static int
write_fstring_text(W *w, PyObject *s)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    Py_ssize_t start = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == '{' || ch == '}') {
            if (_PyUnicodeWriter_WriteSubstring(w, s, start, i + 1) < 0 ||
                _PyUnicodeWriter_WriteChar(w, ch) < 0)
                return -1;
            start = i + 1;
        }
    }
    return start < n ? _PyUnicodeWriter_WriteSubstring(w, s, start, n) : 0;
}

static int
write_fstring_part(W *w, expr_ty e, int in_spec)
{
    switch (e->kind) {
    case Constant_kind:
        return write_fstring_text(w, e->v.Constant.value);
    case JoinedStr_kind:
        return write_fstring(w, e, in_spec);
    case FormattedValue_kind:
        return write_field(w, e);
    default:
        PyErr_SetString(PyExc_SystemError, "unknown expression kind inside f-string");
        return -1;
    }
}

/* The whole body is built first so that it can be quoted by repr(); a
   format spec is written bare. */
static int
write_fstring(W *w, expr_ty e, int in_spec)
{
    _PyUnicodeWriter body;
    _PyUnicodeWriter_Init(&body);
    asdl_expr_seq *values = e->v.JoinedStr.values;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(values); i++) {
        if (write_fstring_part(&body, asdl_seq_GET(values, i), in_spec) < 0) {
            _PyUnicodeWriter_Dealloc(&body);
            return -1;
        }
    }
    PyObject *text = _PyUnicodeWriter_Finish(&body);
    if (text == NULL) return -1;
    int r;
    if (in_spec) {
        r = _PyUnicodeWriter_WriteStr(w, text);
    }
    else {
        r = put(w, "f");
        if (r == 0) r = write_repr(w, text);
    }
    Py_DECREF(text);
    return r;
}

static PyObject *expr_to_str(expr_ty e, int level);

static int
write_field(W *w, expr_ty e)
{
    /* above LV_TEST so that a lambda (with its ':') is parenthesised */
    PyObject *inner = expr_to_str(e->v.FormattedValue.value, LV_TEST + 1);
    if (inner == NULL) return -1;
    int brace_first = PyUnicode_GET_LENGTH(inner) > 0 && PyUnicode_READ_CHAR(inner, 0) == '{';
    if (put(w, brace_first ? "{ " : "{") < 0 || _PyUnicodeWriter_WriteStr(w, inner) < 0) {
        Py_DECREF(inner);
        return -1;
    }
    Py_DECREF(inner);
    switch (e->v.FormattedValue.conversion) {
    case 'a': PUT("!a"); break;
    case 'r': PUT("!r"); break;
    case 's': PUT("!s"); break;
    default:
        if (e->v.FormattedValue.conversion > 0) {
            PyErr_SetString(PyExc_SystemError, "unknown f-value conversion kind");
            return -1;
        }
    }
    if (e->v.FormattedValue.format_spec) {
        PUT(":");
        if (write_fstring_part(w, e->v.FormattedValue.format_spec, 1) < 0) return -1;
    }
    PUT("}");
    return 0;
}

static int
write_expr(W *w, expr_ty e, int level)
{
    switch (e->kind) {
    case BoolOp_kind:
        return write_boolop(w, e, level);
    case BinOp_kind:
        return write_binop(w, e, level);
    case UnaryOp_kind:
        return write_unaryop(w, e, level);
    case Lambda_kind:
        return write_lambda(w, e, level);
    case IfExp_kind:
        return write_ifexp(w, e, level);
    case Dict_kind:
        return write_dict(w, e);
    case Set_kind:
        PUT("{");
        if (write_seq(w, e->v.Set.elts, LV_TEST) < 0) return -1;
        PUT("}");
        return 0;
    case GeneratorExp_kind:
        return write_comp(w, "(", e->v.GeneratorExp.elt, e->v.GeneratorExp.generators, ")");
    case ListComp_kind:
        return write_comp(w, "[", e->v.ListComp.elt, e->v.ListComp.generators, "]");
    case SetComp_kind:
        return write_comp(w, "{", e->v.SetComp.elt, e->v.SetComp.generators, "}");
    case DictComp_kind:
        PUT("{");
        EXPR(e->v.DictComp.key, LV_TEST);
        PUT(": ");
        EXPR(e->v.DictComp.value, LV_TEST);
        if (write_generators(w, e->v.DictComp.generators) < 0) return -1;
        PUT("}");
        return 0;
    case Yield_kind:
        if (e->v.Yield.value == NULL) return put(w, "(yield)");
        PUT("(yield ");
        EXPR(e->v.Yield.value, LV_TEST);
        return put(w, ")");
    case YieldFrom_kind:
        PUT("(yield from ");
        EXPR(e->v.YieldFrom.value, LV_TEST);
        return put(w, ")");
    case Await_kind:
        PUT_IF(level > LV_AWAIT, "(");
        PUT("await ");
        EXPR(e->v.Await.value, LV_ATOM);
        PUT_IF(level > LV_AWAIT, ")");
        return 0;
    case Compare_kind:
        return write_compare(w, e, level);
    case Call_kind:
        return write_call(w, e);
    case Constant_kind:
        if (e->v.Constant.value == Py_Ellipsis) return put(w, "...");
        if (e->v.Constant.kind != NULL) STR(e->v.Constant.kind);   /* u"..." */
        return write_constant(w, e->v.Constant.value);
    case JoinedStr_kind:
        return write_fstring(w, e, 0);
    case FormattedValue_kind:
        return write_field(w, e);
    case Attribute_kind: {
        expr_ty v = e->v.Attribute.value;
        EXPR(v, LV_ATOM);
        /* "1 .real": an int literal would swallow the dot */
        PUT(v->kind == Constant_kind && PyLong_CheckExact(v->v.Constant.value) ? " ." : ".");
        STR(e->v.Attribute.attr);
        return 0;
    }
    case Subscript_kind:
        EXPR(e->v.Subscript.value, LV_ATOM);
        PUT("[");
        EXPR(e->v.Subscript.slice, LV_TUPLE);
        return put(w, "]");
    case Starred_kind:
        PUT("*");
        EXPR(e->v.Starred.value, LV_BOR);
        return 0;
    case Slice_kind:
        if (e->v.Slice.lower) EXPR(e->v.Slice.lower, LV_TEST);
        PUT(":");
        if (e->v.Slice.upper) EXPR(e->v.Slice.upper, LV_TEST);
        if (e->v.Slice.step) {
            PUT(":");
            EXPR(e->v.Slice.step, LV_TEST);
        }
        return 0;
    case Name_kind:
        STR(e->v.Name.id);
        return 0;
    case List_kind:
        PUT("[");
        if (write_seq(w, e->v.List.elts, LV_TEST) < 0) return -1;
        return put(w, "]");
    case Tuple_kind: {
        Py_ssize_t n = asdl_seq_LEN(e->v.Tuple.elts);
        if (n == 0) return put(w, "()");
        PUT_IF(level > LV_TUPLE, "(");
        if (write_seq(w, e->v.Tuple.elts, LV_TEST) < 0) return -1;
        PUT_IF(n == 1, ",");
        PUT_IF(level > LV_TUPLE, ")");
        return 0;
    }
    case NamedExpr_kind:
        PUT_IF(level > LV_TUPLE, "(");
        EXPR(e->v.NamedExpr.target, LV_ATOM);
        PUT(":=");
        EXPR(e->v.NamedExpr.value, LV_ATOM);
        PUT_IF(level > LV_TUPLE, ")");
        return 0;
    default:
        PyErr_SetString(PyExc_SystemError, "unknown expression kind");
        return -1;
    }
}

static PyObject *
expr_to_str(expr_ty e, int level)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    if (write_expr(&w, e, level) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

/* New reference: the source text of an annotation expression. */
PyObject *
_RpAST_ExprAsUnicode(expr_ty e)
{
    return expr_to_str(e, LV_TEST);
}
