/* parser.c -- the statement half of the Python 3.12 grammar.
 *
 * Statements, blocks, function and class definitions with their parameter
 * lists, the compound statements, match statements with their patterns,
 * and type parameters.  The expression rules are in parser_expr.c; the
 * conventions (one function per grammar rule, PEG ordered choice with
 * backtracking, memoisation, invalid_* rules in the second pass only) are
 * described there.
 *
 * Where a compound statement is parsed, the positions of the statement run
 * from its first token to the last non-whitespace token of its block
 * (NEWLINE/INDENT/DEDENT don't count), as CPython reports them.
 */
#include "parser.h"

static asdl_stmt_seq *statements_rule(Parser *p);
static asdl_stmt_seq *block_rule(Parser *p);
static asdl_stmt_seq *simple_stmts_rule(Parser *p);
static stmt_ty compound_stmt_rule(Parser *p);
static expr_ty dotted_name_rule(Parser *p);
static asdl_type_param_seq *type_params_rule(Parser *p);
static arguments_ty params_rule(Parser *p);
static pattern_ty pattern_rule(Parser *p);
static pattern_ty or_pattern_rule(Parser *p);
static pattern_ty closed_pattern_rule(Parser *p);
static asdl_seq *open_sequence_pattern_rule(Parser *p);
static asdl_seq *maybe_sequence_pattern_rule(Parser *p);
static expr_ty name_or_attr_rule(Parser *p);
static expr_ty attr_rule(Parser *p);
static expr_ty pattern_capture_target_rule(Parser *p);
static asdl_stmt_seq *else_block_rule(Parser *p);
static void *invalid_block_rule(Parser *p);

#define MEMO_BEGIN(type) \
    void *_memo_res; \
    if (_RpParser_is_memoized(p, (type), &_memo_res)) RETURN(_memo_res)
#define MEMO_END(type, res) do { \
        _RpParser_insert_memo(p, _mark, (type), (res)); \
        RETURN(res); \
    } while (0)

/* NEWLINE !INDENT, for the "expected an indented block" rules */
static int
newline_no_indent(Parser *p)
{
    return EXPECT(T_NEWLINE) && !CHECK_TOK(T_INDENT);
}

/* ============================================================ start rules */

static mod_ty
file_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    asdl_stmt_seq *a = statements_rule(p);
    ERRCHK();
    if (EXPECT(T_ENDMARKER))
        RETURN(_PyAST_Module(a, NULL, p->arena));
    NEXT_ALT();
    RETURN(NULL);
}

/* statement_newline:
       compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER */
static mod_ty
interactive_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    stmt_ty s;
    asdl_stmt_seq *a;
    if ((s = compound_stmt_rule(p)) && EXPECT(T_NEWLINE))
        RETURN(_PyAST_Interactive(_RpParser_singleton_seq(p, s), p->arena));
    NEXT_ALT();
    if ((a = simple_stmts_rule(p)))
        RETURN(_PyAST_Interactive(a, p->arena));
    NEXT_ALT();
    if (EXPECT(T_NEWLINE)) {
        stmt_ty pass = _PyAST_Pass(EXTRA);
        if (pass == NULL)
            RETURN(NULL);
        RETURN(_PyAST_Interactive(_RpParser_singleton_seq(p, pass), p->arena));
    }
    NEXT_ALT();
    /* ENDMARKER: end of interactive input, no statement */
    RETURN(NULL);
}

static mod_ty
eval_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty a = _RpParser_expressions(p);
    if (a) {
        while (EXPECT(T_NEWLINE))
            ;
        if (EXPECT(T_ENDMARKER))
            RETURN(_PyAST_Expression(a, p->arena));
    }
    NEXT_ALT();
    RETURN(NULL);
}

mod_ty
_RpParser_parse(Parser *p)
{
    if (p->start_rule == Py_file_input)
        return file_rule(p);
    if (p->start_rule == Py_single_input)
        return interactive_rule(p);
    return eval_rule(p);
}

/* ============================================================ statements */

/* statements: statement+   (each statement is a list: simple_stmts) */
static asdl_stmt_seq *
statements_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Vec v = VEC_INIT;
    for (;;) {
        stmt_ty s = compound_stmt_rule(p);
        ERRCHK();
        if (s) {
            if (_RpParser_vec_push(p, &v, s) < 0)
                RETURN(NULL);
            continue;
        }
        asdl_stmt_seq *a = simple_stmts_rule(p);
        ERRCHK();
        if (a == NULL)
            break;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(a); i++)
            if (_RpParser_vec_push(p, &v, asdl_seq_GET(a, i)) < 0)
                RETURN(NULL);
    }
    if (v.n == 0) {
        p->mark = _mark;
        RETURN(NULL);
    }
    RETURN((asdl_stmt_seq *)_RpParser_vec_seq(p, &v));
}

static stmt_ty simple_stmt_rule(Parser *p);

/* simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE */
static asdl_stmt_seq *
simple_stmts_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    stmt_ty a = simple_stmt_rule(p);
    if (a && !CHECK_TOK(T_SEMI) && EXPECT(T_NEWLINE))
        RETURN((asdl_stmt_seq *)_RpParser_singleton_seq(p, a));
    NEXT_ALT();
    Vec v = VEC_INIT;
    a = simple_stmt_rule(p);
    if (a) {
        if (_RpParser_vec_push(p, &v, a) < 0)
            RETURN(NULL);
        for (;;) {
            int m = p->mark;
            if (!EXPECT(T_SEMI) || !(a = simple_stmt_rule(p))) {
                p->mark = m;
                ERRCHK();
                break;
            }
            if (_RpParser_vec_push(p, &v, a) < 0)
                RETURN(NULL);
        }
        EXPECT(T_SEMI);
        if (EXPECT(T_NEWLINE))
            RETURN((asdl_stmt_seq *)_RpParser_vec_seq(p, &v));
    }
    NEXT_ALT();
    RETURN(NULL);
}

static stmt_ty assignment_rule(Parser *p);
static stmt_ty import_stmt_rule(Parser *p);

/* type_alias: "type" NAME [type_params] '=' expression */
static stmt_ty
type_alias_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty n, b;
    if (EXPECT_SOFT("type") && (n = _RpParser_name_token(p))) {
        asdl_type_param_seq *t = type_params_rule(p);
        ERRCHK();
        if (EXPECT(T_EQUAL) && (b = _RpParser_expression(p))) {
            expr_ty name = _RpParser_set_expr_context(p, n, Store);
            if (name == NULL)
                RETURN(NULL);
            RETURN(_PyAST_TypeAlias(name, t, b, EXTRA));
        }
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* ','.NAME+ for global/nonlocal */
static asdl_expr_seq *
name_list(Parser *p)
{
    Vec v = VEC_INIT;
    expr_ty n = _RpParser_name_token(p);
    if (n == NULL)
        return NULL;
    if (_RpParser_vec_push(p, &v, n) < 0)
        return NULL;
    for (;;) {
        int m = p->mark;
        if (!EXPECT(T_COMMA) || !(n = _RpParser_name_token(p))) {
            p->mark = m;
            break;
        }
        if (_RpParser_vec_push(p, &v, n) < 0)
            return NULL;
    }
    return (asdl_expr_seq *)_RpParser_vec_seq(p, &v);
}

/* simple_stmt (memo) */
static stmt_ty
simple_stmt_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_simple_stmt);
    START();
    stmt_ty res = NULL;
    expr_ty e;
    res = assignment_rule(p);
    if (res)
        MEMO_END(M_simple_stmt, res);
    NEXT_ALT();
    if (CHECK_SOFT("type")) {
        res = type_alias_rule(p);
        if (res)
            MEMO_END(M_simple_stmt, res);
        NEXT_ALT();
    }
    if ((e = _RpParser_star_expressions(p))) {
        res = _PyAST_Expr(e, EXTRA);
        MEMO_END(M_simple_stmt, res);
    }
    NEXT_ALT();
    switch (PEEK_TYPE()) {
    case KW_RETURN:
        p->mark++;
        e = _RpParser_star_expressions(p);
        ERRCHK();
        res = _PyAST_Return(e, EXTRA);
        break;
    case KW_IMPORT:
    case KW_FROM:
        res = import_stmt_rule(p);
        break;
    case KW_RAISE: {
        p->mark++;
        expr_ty a, b;
        int m = p->mark;
        if ((a = _RpParser_expression(p)) && EXPECT(KW_FROM) && (b = _RpParser_expression(p))) {
            res = _PyAST_Raise(a, b, EXTRA);
            break;
        }
        ERRCHK();
        p->mark = m;
        if ((a = _RpParser_expression(p))) {
            res = _PyAST_Raise(a, NULL, EXTRA);
            break;
        }
        ERRCHK();
        p->mark = m;
        res = _PyAST_Raise(NULL, NULL, EXTRA);
        break;
    }
    case KW_PASS:
        p->mark++;
        res = _PyAST_Pass(EXTRA);
        break;
    case KW_DEL: {
        p->mark++;
        asdl_expr_seq *a = _RpParser_del_targets(p);
        if (a && (CHECK_TOK(T_SEMI) || CHECK_TOK(T_NEWLINE))) {
            res = _PyAST_Delete(a, EXTRA);
            break;
        }
        NEXT_ALT();
        if (p->call_invalid_rules) {
            /* invalid_del_stmt: 'del' star_expressions */
            p->mark++;
            if ((e = _RpParser_star_expressions(p)))
                _RpParser_raise_invalid_target(p, DEL_TARGETS, e);
            NEXT_ALT();
        }
        res = NULL;
        break;
    }
    case KW_YIELD:
        if ((e = _RpParser_yield_expr(p)))
            res = _PyAST_Expr(e, EXTRA);
        break;
    case KW_ASSERT: {
        p->mark++;
        expr_ty a, b = NULL;
        if ((a = _RpParser_expression(p))) {
            int m = p->mark;
            if (!(EXPECT(T_COMMA) && (b = _RpParser_expression(p)))) {
                ERRCHK();
                p->mark = m;
                b = NULL;
            }
            res = _PyAST_Assert(a, b, EXTRA);
        }
        break;
    }
    case KW_BREAK:
        p->mark++;
        res = _PyAST_Break(EXTRA);
        break;
    case KW_CONTINUE:
        p->mark++;
        res = _PyAST_Continue(EXTRA);
        break;
    case KW_GLOBAL:
    case KW_NONLOCAL: {
        int glob = PEEK_TYPE() == KW_GLOBAL;
        p->mark++;
        asdl_expr_seq *a = name_list(p);
        if (a) {
            asdl_identifier_seq *ids = _RpParser_map_names_to_ids(p, a);
            if (ids == NULL)
                RETURN(NULL);
            res = glob ? _PyAST_Global(ids, EXTRA) : _PyAST_Nonlocal(ids, EXTRA);
        }
        break;
    }
    default:
        break;
    }
    ERRCHK();
    if (res == NULL)
        NEXT_ALT();
    MEMO_END(M_simple_stmt, res);
}

/* augassign */
static int
augassign(Parser *p, operator_ty *op)
{
    switch (PEEK_TYPE()) {
    case T_PLUSEQUAL: *op = Add; break;
    case T_MINEQUAL: *op = Sub; break;
    case T_STAREQUAL: *op = Mult; break;
    case T_ATEQUAL: *op = MatMult; break;
    case T_SLASHEQUAL: *op = Div; break;
    case T_PERCENTEQUAL: *op = Mod; break;
    case T_AMPEREQUAL: *op = BitAnd; break;
    case T_VBAREQUAL: *op = BitOr; break;
    case T_CIRCUMFLEXEQUAL: *op = BitXor; break;
    case T_LEFTSHIFTEQUAL: *op = LShift; break;
    case T_RIGHTSHIFTEQUAL: *op = RShift; break;
    case T_DOUBLESTAREQUAL: *op = Pow; break;
    case T_DOUBLESLASHEQUAL: *op = FloorDiv; break;
    default: return 0;
    }
    p->mark++;
    return 1;
}

/* invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')' */
static expr_ty
invalid_ann_assign_target_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty a = _RpParser_list(p);
    if (a)
        RETURN(a);
    NEXT_ALT();
    if ((a = _RpParser_tuple(p)))
        RETURN(a);
    NEXT_ALT();
    if (EXPECT(T_LPAR) && (a = invalid_ann_assign_target_rule(p)) && EXPECT(T_RPAR))
        RETURN(a);
    NEXT_ALT();
    RETURN(NULL);
}

/* (star_targets '=')* */
static void
star_targets_eq_loop(Parser *p)
{
    for (;;) {
        int m = p->mark;
        if (!(_RpParser_star_targets(p) && EXPECT(T_EQUAL))) {
            p->mark = m;
            return;
        }
    }
}

/* invalid_assignment */
static void *
invalid_assignment_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty a;
    operator_ty op;
    if ((a = invalid_ann_assign_target_rule(p)) && EXPECT(T_COLON) && _RpParser_expression(p))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
            a, "only single target (not %s) can be annotated", _RpParser_get_expr_name(a)));
    NEXT_ALT();
    if ((a = _RpParser_star_named_expression(p)) && EXPECT(T_COMMA)) {
        while (_RpParser_star_named_expressions(p))
            ;
        ERRCHK();
        if (EXPECT(T_COLON) && _RpParser_expression(p))
            RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
                a, "only single target (not tuple) can be annotated"));
    }
    NEXT_ALT();
    if ((a = _RpParser_expression(p)) && EXPECT(T_COLON) && _RpParser_expression(p))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "illegal target for annotation"));
    NEXT_ALT();
    star_targets_eq_loop(p);
    ERRCHK();
    if ((a = _RpParser_star_expressions(p)) && EXPECT(T_EQUAL)) {
        void *r = _RpParser_raise_invalid_target(p, STAR_TARGETS, a);
        if (r || p->error_indicator)
            RETURN(r);
    }
    NEXT_ALT();
    star_targets_eq_loop(p);
    ERRCHK();
    if ((a = _RpParser_yield_expr(p)) && EXPECT(T_EQUAL))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "assignment to yield expression not possible"));
    NEXT_ALT();
    if ((a = _RpParser_star_expressions(p)) && augassign(p, &op) && _RpParser_annotated_rhs(p))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
            a, "'%s' is an illegal expression for augmented assignment",
            _RpParser_get_expr_name(a)));
    NEXT_ALT();
    RETURN(NULL);
}

/* assignment */
static stmt_ty
assignment_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a, b, c;
    operator_ty op;
    /* NAME ':' expression ['=' annotated_rhs] */
    if ((a = _RpParser_name_token(p)) && EXPECT(T_COLON) && (b = _RpParser_expression(p))) {
        int m = p->mark;
        c = NULL;
        if (!(EXPECT(T_EQUAL) && (c = _RpParser_annotated_rhs(p)))) {
            ERRCHK();
            p->mark = m;
            c = NULL;
        }
        expr_ty t = _RpParser_set_expr_context(p, a, Store);
        if (t == NULL)
            RETURN(NULL);
        RETURN(_PyAST_AnnAssign(t, b, c, 1, EXTRA));
    }
    NEXT_ALT();
    /* ('(' single_target ')' | single_subscript_attribute_target) ':' expression
       ['=' annotated_rhs] */
    a = NULL;
    if (EXPECT(T_LPAR) && (a = _RpParser_single_target(p)) && EXPECT(T_RPAR)) {
    }
    else {
        ERRCHK();
        p->mark = _mark;
        a = _RpParser_single_subscript_attribute_target(p);
    }
    if (a && EXPECT(T_COLON) && (b = _RpParser_expression(p))) {
        int m = p->mark;
        c = NULL;
        if (!(EXPECT(T_EQUAL) && (c = _RpParser_annotated_rhs(p)))) {
            ERRCHK();
            p->mark = m;
            c = NULL;
        }
        RETURN(_PyAST_AnnAssign(a, b, c, 0, EXTRA));
    }
    NEXT_ALT();
    /* (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT] */
    {
        Vec v = VEC_INIT;
        for (;;) {
            int m = p->mark;
            expr_ty z;
            if (!((z = _RpParser_star_targets(p)) && EXPECT(T_EQUAL))) {
                p->mark = m;
                break;
            }
            if (_RpParser_vec_push(p, &v, z) < 0)
                RETURN(NULL);
        }
        ERRCHK();
        if (v.n && (b = _RpParser_annotated_rhs(p)) && !CHECK_TOK(T_EQUAL))
            RETURN(_PyAST_Assign((asdl_expr_seq *)_RpParser_vec_seq(p, &v), b, NULL, EXTRA));
        NEXT_ALT();
    }
    /* single_target augassign ~ (yield_expr | star_expressions) */
    if ((a = _RpParser_single_target(p)) && augassign(p, &op)) {
        if ((c = _RpParser_annotated_rhs(p)))
            RETURN(_PyAST_AugAssign(a, op, c, EXTRA));
        p->mark = _mark;
        RETURN(NULL);           /* cut */
    }
    NEXT_ALT();
    if (p->call_invalid_rules) {
        invalid_assignment_rule(p);
        NEXT_ALT();
    }
    RETURN(NULL);
}

/* ---------------------------------------------------------------- imports */

/* dotted_name: dotted_name '.' NAME | NAME */
static expr_ty
dotted_name_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_dotted_name);
    expr_ty a = _RpParser_name_token(p), b;
    if (a == NULL) {
        NEXT_ALT();
        MEMO_END(M_dotted_name, NULL);
    }
    for (;;) {
        int m = p->mark;
        if (!EXPECT(T_DOT) || !(b = _RpParser_name_token(p))) {
            p->mark = m;
            break;
        }
        a = _RpParser_join_names_with_dot(p, a, b);
        if (a == NULL)
            RETURN(NULL);
    }
    MEMO_END(M_dotted_name, a);
}

/* dotted_as_name: dotted_name ['as' NAME] ; import_from_as_name: NAME ['as' NAME] */
static alias_ty
as_name(Parser *p, int dotted)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a = dotted ? dotted_name_rule(p) : _RpParser_name_token(p), z = NULL;
    if (a == NULL) {
        NEXT_ALT();
        RETURN(NULL);
    }
    int m = p->mark;
    if (!(EXPECT(KW_AS) && (z = _RpParser_name_token(p)))) {
        p->mark = m;
        z = NULL;
    }
    RETURN(_PyAST_alias(a->v.Name.id, z ? z->v.Name.id : NULL, EXTRA));
}

static asdl_alias_seq *
as_names(Parser *p, int dotted)
{
    Vec v = VEC_INIT;
    alias_ty a = as_name(p, dotted);
    if (a == NULL)
        return NULL;
    if (_RpParser_vec_push(p, &v, a) < 0)
        return NULL;
    for (;;) {
        int m = p->mark;
        if (!EXPECT(T_COMMA) || !(a = as_name(p, dotted))) {
            p->mark = m;
            if (p->error_indicator)
                return NULL;
            break;
        }
        if (_RpParser_vec_push(p, &v, a) < 0)
            return NULL;
    }
    return (asdl_alias_seq *)_RpParser_vec_seq(p, &v);
}

/* import_from_targets:
       '(' import_from_as_names [','] ')' | import_from_as_names !',' | '*'
     | invalid_import_from_targets */
static asdl_alias_seq *
import_from_targets_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    asdl_alias_seq *a;
    if (EXPECT(T_LPAR) && (a = as_names(p, 0))) {
        EXPECT(T_COMMA);
        if (EXPECT(T_RPAR))
            RETURN(a);
    }
    NEXT_ALT();
    if ((a = as_names(p, 0)) && !CHECK_TOK(T_COMMA))
        RETURN(a);
    NEXT_ALT();
    if (EXPECT(T_STAR)) {
        alias_ty star = _RpParser_alias_for_star(p, EXTRA);
        if (star == NULL)
            RETURN(NULL);
        RETURN((asdl_alias_seq *)_RpParser_singleton_seq(p, star));
    }
    NEXT_ALT();
    if (p->call_invalid_rules) {
        if (as_names(p, 0) && EXPECT(T_COMMA) && EXPECT(T_NEWLINE))
            RETURN(RAISE_SYNTAX_ERROR("trailing comma not allowed without surrounding parentheses"));
        NEXT_ALT();
    }
    RETURN(NULL);
}

/* import_stmt (memo): invalid_import | import_name | import_from */
static stmt_ty
import_stmt_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    Token *t;
    if (p->call_invalid_rules) {
        /* 'import' ','.dotted_name+ 'from' dotted_name */
        int ok = (t = EXPECT(KW_IMPORT)) && dotted_name_rule(p);
        while (ok) {
            int m = p->mark;
            if (!(EXPECT(T_COMMA) && dotted_name_rule(p))) {
                p->mark = m;
                break;
            }
        }
        if (ok && EXPECT(KW_FROM) && dotted_name_rule(p))
            RETURN(RAISE_SYNTAX_ERROR_STARTING_FROM(
                t, "Did you mean to use 'from ... import ...' instead?"));
        NEXT_ALT();
    }
    asdl_alias_seq *a;
    if (EXPECT(KW_IMPORT) && (a = as_names(p, 1)))
        RETURN(_PyAST_Import(a, EXTRA));
    NEXT_ALT();
    if (EXPECT(KW_FROM)) {
        int level = 0, m;
        for (;;) {
            if (EXPECT(T_DOT))
                level += 1;
            else if (EXPECT(T_ELLIPSIS))
                level += 3;
            else
                break;
        }
        m = p->mark;
        expr_ty b = dotted_name_rule(p);
        if (b && EXPECT(KW_IMPORT) && (a = import_from_targets_rule(p)))
            RETURN(_RpParser_checked_future_import(p, b->v.Name.id, a, level, EXTRA));
        ERRCHK();
        p->mark = m;
        if (level > 0 && EXPECT(KW_IMPORT) && (a = import_from_targets_rule(p)))
            RETURN(_PyAST_ImportFrom(NULL, a, level, EXTRA));
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* ================================================================ blocks */

/* block (memo): NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block */
static asdl_stmt_seq *
block_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_block);
    asdl_stmt_seq *a;
    if (EXPECT(T_NEWLINE) && EXPECT(T_INDENT) && (a = statements_rule(p)) && EXPECT(T_DEDENT))
        MEMO_END(M_block, a);
    NEXT_ALT();
    if ((a = simple_stmts_rule(p)))
        MEMO_END(M_block, a);
    NEXT_ALT();
    if (p->call_invalid_rules) {
        invalid_block_rule(p);
        NEXT_ALT();
    }
    MEMO_END(M_block, NULL);
}

static void *
invalid_block_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    if (newline_no_indent(p))
        RETURN(RAISE_INDENTATION_ERROR("expected an indented block"));
    NEXT_ALT();
    RETURN(NULL);
}

/* decorators: ('@' named_expression NEWLINE)+ */
static asdl_expr_seq *
decorators_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Vec v = VEC_INIT;
    for (;;) {
        int m = p->mark;
        expr_ty f;
        if (!(EXPECT(T_AT) && (f = _RpParser_named_expression(p)) && EXPECT(T_NEWLINE))) {
            p->mark = m;
            ERRCHK();
            break;
        }
        if (_RpParser_vec_push(p, &v, f) < 0)
            RETURN(NULL);
    }
    if (v.n == 0) {
        p->mark = _mark;
        RETURN(NULL);
    }
    RETURN((asdl_expr_seq *)_RpParser_vec_seq(p, &v));
}

/* ['(' [arguments] ')'] for classes; returns 1 if matched (*call may be NULL) */
static int
class_arguments(Parser *p, expr_ty *call)
{
    int m = p->mark;
    *call = NULL;
    if (EXPECT(T_LPAR)) {
        expr_ty z = _RpParser_arguments(p);
        if (p->error_indicator)
            return 0;
        if (EXPECT(T_RPAR)) {
            *call = z;
            return 1;
        }
    }
    p->mark = m;
    return 0;
}

/* class_def_raw:
       invalid_class_def_raw
     | 'class' NAME [type_params] ['(' [arguments] ')'] ':' block */
static stmt_ty
class_def_raw_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a, b;
    Token *t;
    asdl_type_param_seq *tp;
    if (p->call_invalid_rules) {
        if ((t = EXPECT(KW_CLASS)) && _RpParser_name_token(p)) {
            type_params_rule(p);
            ERRCHK();
            class_arguments(p, &b);
            ERRCHK();
            int m = p->mark;
            if (EXPECT(T_NEWLINE))
                RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
            p->mark = m;
            if (EXPECT(T_COLON) && newline_no_indent(p))
                RETURN(RAISE_INDENTATION_ERROR(
                    "expected an indented block after class definition on line %d", t->lineno));
        }
        NEXT_ALT();
    }
    if (EXPECT(KW_CLASS) && (a = _RpParser_name_token(p))) {
        tp = type_params_rule(p);
        ERRCHK();
        class_arguments(p, &b);
        ERRCHK();
        asdl_stmt_seq *c;
        if (EXPECT(T_COLON) && (c = block_rule(p)))
            RETURN(_PyAST_ClassDef(a->v.Name.id, b ? b->v.Call.args : NULL,
                                   b ? b->v.Call.keywords : NULL, c, NULL, tp, EXTRA));
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* class_def: decorators class_def_raw | class_def_raw */
static stmt_ty
class_def_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    asdl_expr_seq *d;
    stmt_ty c;
    if ((d = decorators_rule(p)) && (c = class_def_raw_rule(p)))
        RETURN(_RpParser_class_def_decorators(p, d, c));
    NEXT_ALT();
    if ((c = class_def_raw_rule(p)))
        RETURN(c);
    NEXT_ALT();
    RETURN(NULL);
}

/* ['->' expression] */
static int
opt_returns(Parser *p, expr_ty *res)
{
    int m = p->mark;
    *res = NULL;
    if (EXPECT(T_RARROW) && (*res = _RpParser_expression(p)))
        return 1;
    p->mark = m;
    *res = NULL;
    return !p->error_indicator;
}

/* function_def_raw:
       invalid_def_raw
     | ASYNC? 'def' NAME [type_params] &&'(' [params] ')' ['->' expression] &&':' block */
static stmt_ty
function_def_raw_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty n, r;
    Token *t;
    arguments_ty params;
    asdl_type_param_seq *tp;
    asdl_stmt_seq *b;
    if (p->call_invalid_rules) {
        EXPECT(KW_ASYNC);
        if ((t = EXPECT(KW_DEF)) && _RpParser_name_token(p)) {
            type_params_rule(p);
            ERRCHK();
            if (EXPECT(T_LPAR)) {
                params_rule(p);
                ERRCHK();
                if (EXPECT(T_RPAR) && opt_returns(p, &r) && EXPECT(T_COLON) &&
                    newline_no_indent(p))
                    RETURN(RAISE_INDENTATION_ERROR(
                        "expected an indented block after function definition on line %d",
                        t->lineno));
            }
        }
        NEXT_ALT();
    }
    for (int is_async = 0; is_async < 2; is_async++) {
        if (is_async && !EXPECT(KW_ASYNC))
            break;
        if (EXPECT(KW_DEF) && (n = _RpParser_name_token(p))) {
            tp = type_params_rule(p);
            ERRCHK();
            if (!EXPECT_FORCED(T_LPAR, "("))
                RETURN(NULL);
            params = params_rule(p);
            ERRCHK();
            if (EXPECT(T_RPAR) && opt_returns(p, &r)) {
                if (!EXPECT_FORCED(T_COLON, ":"))
                    RETURN(NULL);
                if ((b = block_rule(p))) {
                    if (params == NULL && (params = _RpParser_empty_arguments(p)) == NULL)
                        RETURN(NULL);
                    if (is_async)
                        RETURN(_PyAST_AsyncFunctionDef(n->v.Name.id, params, b, NULL, r, NULL,
                                                       tp, EXTRA));
                    RETURN(_PyAST_FunctionDef(n->v.Name.id, params, b, NULL, r, NULL, tp, EXTRA));
                }
            }
        }
        NEXT_ALT();
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* function_def: decorators function_def_raw | function_def_raw */
static stmt_ty
function_def_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    asdl_expr_seq *d;
    stmt_ty f;
    if ((d = decorators_rule(p)) && (f = function_def_raw_rule(p)))
        RETURN(_RpParser_function_def_decorators(p, d, f));
    NEXT_ALT();
    if ((f = function_def_raw_rule(p)))
        RETURN(f);
    NEXT_ALT();
    RETURN(NULL);
}

/* ---------------------------------------------------- function parameters */

/* param: NAME annotation? ; param_star_annotation: NAME star_annotation */
static arg_ty
param_rule(Parser *p, int star_annotation)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a = _RpParser_name_token(p), b = NULL;
    if (a == NULL) {
        NEXT_ALT();
        RETURN(NULL);
    }
    int m = p->mark;
    if (EXPECT(T_COLON)) {
        b = star_annotation ? _RpParser_star_expression(p) : _RpParser_expression(p);
        ERRCHK();
        if (b == NULL)
            p->mark = m;
    }
    if (star_annotation && b == NULL) {
        p->mark = _mark;
        RETURN(NULL);
    }
    RETURN(_PyAST_arg(a->v.Name.id, b, NULL, EXTRA));
}

/* param_no_default: param ',' | param &')' */
static arg_ty
param_no_default_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    arg_ty a = param_rule(p, 0);
    if (a && (EXPECT(T_COMMA) || CHECK_TOK(T_RPAR)))
        RETURN(a);
    NEXT_ALT();
    RETURN(NULL);
}

/* param_no_default_star_annotation */
static arg_ty
param_no_default_star_annotation_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    arg_ty a = param_rule(p, 1);
    if (a && (EXPECT(T_COMMA) || CHECK_TOK(T_RPAR)))
        RETURN(a);
    NEXT_ALT();
    RETURN(NULL);
}

/* param_with_default: param default (',' | &')') */
static NameDefaultPair *
param_with_default_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    arg_ty a;
    expr_ty c;
    if ((a = param_rule(p, 0)) && (c = _RpParser_default(p)) &&
        (EXPECT(T_COMMA) || CHECK_TOK(T_RPAR)))
        RETURN(_RpParser_name_default_pair(p, a, c));
    NEXT_ALT();
    RETURN(NULL);
}

/* param_maybe_default: param default? (',' | &')') */
static NameDefaultPair *
param_maybe_default_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    arg_ty a;
    if ((a = param_rule(p, 0))) {
        expr_ty c = _RpParser_default(p);
        ERRCHK();
        if (EXPECT(T_COMMA) || CHECK_TOK(T_RPAR))
            RETURN(_RpParser_name_default_pair(p, a, c));
    }
    NEXT_ALT();
    RETURN(NULL);
}

static asdl_seq *
p_loop_no_default(Parser *p, int at_least_one)
{
    Vec v = VEC_INIT;
    arg_ty a;
    while ((a = param_no_default_rule(p)))
        if (_RpParser_vec_push(p, &v, a) < 0)
            return NULL;
    if (p->error_indicator || (at_least_one && v.n == 0))
        return NULL;
    return _RpParser_vec_seq(p, &v);
}

static asdl_seq *
p_loop_with_default(Parser *p, int at_least_one)
{
    Vec v = VEC_INIT;
    NameDefaultPair *a;
    while ((a = param_with_default_rule(p)))
        if (_RpParser_vec_push(p, &v, a) < 0)
            return NULL;
    if (p->error_indicator || (at_least_one && v.n == 0))
        return NULL;
    return _RpParser_vec_seq(p, &v);
}

static asdl_seq *
p_loop_maybe_default(Parser *p, int at_least_one)
{
    Vec v = VEC_INIT;
    NameDefaultPair *a;
    while ((a = param_maybe_default_rule(p)))
        if (_RpParser_vec_push(p, &v, a) < 0)
            return NULL;
    if (p->error_indicator || (at_least_one && v.n == 0))
        return NULL;
    return _RpParser_vec_seq(p, &v);
}

/* slash_no_default: param_no_default+ '/' (',' | &')') */
static asdl_arg_seq *
slash_no_default_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    asdl_seq *a = p_loop_no_default(p, 1);
    if (a && EXPECT(T_SLASH) && (EXPECT(T_COMMA) || CHECK_TOK(T_RPAR)))
        RETURN((asdl_arg_seq *)a);
    NEXT_ALT();
    RETURN(NULL);
}

/* slash_with_default: param_no_default* param_with_default+ '/' (',' | &')') */
static SlashWithDefault *
slash_with_default_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    asdl_seq *a, *b;
    if ((a = p_loop_no_default(p, 0)) && (b = p_loop_with_default(p, 1)) && EXPECT(T_SLASH) &&
        (EXPECT(T_COMMA) || CHECK_TOK(T_RPAR)))
        RETURN(_RpParser_slash_with_default(p, (asdl_arg_seq *)a, b));
    NEXT_ALT();
    RETURN(NULL);
}

/* invalid_kwds */
static void *
invalid_kwds_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Token *a;
    arg_ty x;
    if (EXPECT(T_DOUBLESTAR) && param_rule(p, 0) && (a = EXPECT(T_EQUAL)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
            a, "var-keyword argument cannot have default value"));
    NEXT_ALT();
    if (EXPECT(T_DOUBLESTAR) && param_rule(p, 0) && EXPECT(T_COMMA) && (x = param_rule(p, 0)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(x, "arguments cannot follow var-keyword argument"));
    NEXT_ALT();
    if (EXPECT(T_DOUBLESTAR) && param_rule(p, 0) && EXPECT(T_COMMA) &&
        ((a = EXPECT(T_STAR)) || (a = EXPECT(T_DOUBLESTAR)) || (a = EXPECT(T_SLASH))))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "arguments cannot follow var-keyword argument"));
    NEXT_ALT();
    RETURN(NULL);
}

/* kwds: invalid_kwds | '**' param_no_default */
static arg_ty
kwds_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    if (p->call_invalid_rules) {
        invalid_kwds_rule(p);
        NEXT_ALT();
    }
    arg_ty a;
    if (EXPECT(T_DOUBLESTAR) && (a = param_no_default_rule(p)))
        RETURN(a);
    NEXT_ALT();
    RETURN(NULL);
}

/* invalid_star_etc */
static void *
invalid_star_etc_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Token *a;
    if ((a = EXPECT(T_STAR)) &&
        (EXPECT(T_RPAR) || (EXPECT(T_COMMA) && (EXPECT(T_RPAR) || EXPECT(T_DOUBLESTAR)))))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "named arguments must follow bare *"));
    NEXT_ALT();
    if (EXPECT(T_STAR) && param_rule(p, 0) && (a = EXPECT(T_EQUAL)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
            a, "var-positional argument cannot have default value"));
    NEXT_ALT();
    if (EXPECT(T_STAR) && (param_no_default_rule(p) || EXPECT(T_COMMA)) &&
        p_loop_maybe_default(p, 0) && (a = EXPECT(T_STAR)) &&
        (param_no_default_rule(p) || EXPECT(T_COMMA)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "* argument may appear only once"));
    NEXT_ALT();
    RETURN(NULL);
}

/* star_etc */
static StarEtc *
star_etc_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    if (p->call_invalid_rules) {
        invalid_star_etc_rule(p);
        NEXT_ALT();
    }
    arg_ty a, c;
    asdl_seq *b;
    if (EXPECT(T_STAR) && (a = param_no_default_rule(p)) && (b = p_loop_maybe_default(p, 0))) {
        c = kwds_rule(p);
        ERRCHK();
        RETURN(_RpParser_star_etc(p, a, b, c));
    }
    NEXT_ALT();
    if (EXPECT(T_STAR) && (a = param_no_default_star_annotation_rule(p)) &&
        (b = p_loop_maybe_default(p, 0))) {
        c = kwds_rule(p);
        ERRCHK();
        RETURN(_RpParser_star_etc(p, a, b, c));
    }
    NEXT_ALT();
    if (EXPECT(T_STAR) && EXPECT(T_COMMA) && (b = p_loop_maybe_default(p, 1))) {
        c = kwds_rule(p);
        ERRCHK();
        RETURN(_RpParser_star_etc(p, NULL, b, c));
    }
    NEXT_ALT();
    if ((a = kwds_rule(p)))
        RETURN(_RpParser_star_etc(p, NULL, NULL, a));
    NEXT_ALT();
    RETURN(NULL);
}

/* parameters */
static arguments_ty
parameters_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    asdl_seq *a, *b, *c;
    SlashWithDefault *sw;
    StarEtc *d;
    if ((a = (asdl_seq *)slash_no_default_rule(p)) && (b = p_loop_no_default(p, 0)) &&
        (c = p_loop_with_default(p, 0))) {
        d = star_etc_rule(p);
        ERRCHK();
        RETURN(_RpParser_make_arguments(p, (asdl_arg_seq *)a, NULL, (asdl_arg_seq *)b, c, d));
    }
    NEXT_ALT();
    if ((sw = slash_with_default_rule(p)) && (b = p_loop_with_default(p, 0))) {
        d = star_etc_rule(p);
        ERRCHK();
        RETURN(_RpParser_make_arguments(p, NULL, sw, NULL, b, d));
    }
    NEXT_ALT();
    if ((a = p_loop_no_default(p, 1)) && (b = p_loop_with_default(p, 0))) {
        d = star_etc_rule(p);
        ERRCHK();
        RETURN(_RpParser_make_arguments(p, NULL, NULL, (asdl_arg_seq *)a, b, d));
    }
    NEXT_ALT();
    if ((a = p_loop_with_default(p, 1))) {
        d = star_etc_rule(p);
        ERRCHK();
        RETURN(_RpParser_make_arguments(p, NULL, NULL, NULL, a, d));
    }
    NEXT_ALT();
    if ((d = star_etc_rule(p)))
        RETURN(_RpParser_make_arguments(p, NULL, NULL, NULL, NULL, d));
    NEXT_ALT();
    RETURN(NULL);
}

/* invalid_parameters */
static void *
invalid_parameters_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Token *a, *b;
    if ((a = EXPECT(T_SLASH)) && EXPECT(T_COMMA))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "at least one argument must precede /"));
    NEXT_ALT();
    {
        void *s = slash_no_default_rule(p);
        if (s == NULL) {
            NEXT_ALT();
            s = slash_with_default_rule(p);
        }
        if (s && p_loop_maybe_default(p, 0) && (a = EXPECT(T_SLASH)))
            RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "/ may appear only once"));
        NEXT_ALT();
    }
    {
        slash_no_default_rule(p);
        ERRCHK();
        arg_ty x;
        if (p_loop_no_default(p, 0)) {
            int ok = slash_with_default_rule(p) != NULL;
            if (!ok) {
                ERRCHK();
                ok = p_loop_with_default(p, 1) != NULL;
            }
            if (ok && (x = param_no_default_rule(p)))
                RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
                    x, "parameter without a default follows parameter with a default"));
        }
        NEXT_ALT();
    }
    if (p_loop_no_default(p, 0) && (a = EXPECT(T_LPAR)) && p_loop_no_default(p, 1)) {
        EXPECT(T_COMMA);
        if ((b = EXPECT(T_RPAR)))
            RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "Function parameters cannot be parenthesized"));
    }
    NEXT_ALT();
    {
        if (!slash_no_default_rule(p)) {
            ERRCHK();
            p->mark = _mark;
            if (!slash_with_default_rule(p)) {
                ERRCHK();
                p->mark = _mark;
            }
        }
        if (p_loop_maybe_default(p, 0) && EXPECT(T_STAR) &&
            (EXPECT(T_COMMA) || param_no_default_rule(p)) && p_loop_maybe_default(p, 0) &&
            (a = EXPECT(T_SLASH)))
            RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "/ must be ahead of *"));
        NEXT_ALT();
    }
    if (p_loop_maybe_default(p, 1) && EXPECT(T_SLASH) && (a = EXPECT(T_STAR)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "expected comma between / and *"));
    NEXT_ALT();
    RETURN(NULL);
}

/* params: invalid_parameters | parameters */
static arguments_ty
params_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    if (p->call_invalid_rules) {
        invalid_parameters_rule(p);
        NEXT_ALT();
    }
    arguments_ty a = parameters_rule(p);
    if (a == NULL)
        NEXT_ALT();
    RETURN(a);
}

/* ============================================================ compound */

/* 'if'/'elif' named_expression ':' block (elif_stmt | [else_block]) */
static stmt_ty
if_rule(Parser *p, int kw)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a;
    asdl_stmt_seq *b, *c;
    Token *t;
    if (p->call_invalid_rules) {
        /* invalid_if_stmt / invalid_elif_stmt */
        if (EXPECT(kw) && _RpParser_named_expression(p) && EXPECT(T_NEWLINE))
            RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
        NEXT_ALT();
        expr_ty x;
        if ((t = EXPECT(kw)) && (x = _RpParser_named_expression(p)) && EXPECT(T_COLON) &&
            newline_no_indent(p)) {
            /* 3.12's invalid_if_stmt reports the line of the condition */
            int lineno = kw == KW_IF ? x->lineno : t->lineno;
            RETURN(RAISE_INDENTATION_ERROR(
                "expected an indented block after '%s' statement on line %d",
                kw == KW_IF ? "if" : "elif", lineno));
        }
        NEXT_ALT();
    }
    if (EXPECT(kw) && (a = _RpParser_named_expression(p)) && EXPECT(T_COLON) &&
        (b = block_rule(p))) {
        int m = p->mark;
        stmt_ty e;
        if ((e = if_rule(p, KW_ELIF))) {
            asdl_stmt_seq *orelse = (asdl_stmt_seq *)_RpParser_singleton_seq(p, e);
            if (orelse == NULL)
                RETURN(NULL);
            RETURN(_PyAST_If(a, b, orelse, EXTRA));
        }
        ERRCHK();
        p->mark = m;
        c = else_block_rule(p);
        ERRCHK();
        RETURN(_PyAST_If(a, b, c, EXTRA));
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* else_block: invalid_else_stmt | 'else' &&':' block */
static asdl_stmt_seq *
else_block_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Token *t;
    if (p->call_invalid_rules) {
        if ((t = EXPECT(KW_ELSE)) && EXPECT(T_COLON) && newline_no_indent(p))
            RETURN(RAISE_INDENTATION_ERROR(
                "expected an indented block after 'else' statement on line %d", t->lineno));
        NEXT_ALT();
    }
    asdl_stmt_seq *b;
    if (EXPECT(KW_ELSE)) {
        if (!EXPECT_FORCED(T_COLON, ":"))
            RETURN(NULL);
        if ((b = block_rule(p)))
            RETURN(b);
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* while_stmt */
static stmt_ty
while_stmt_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a;
    asdl_stmt_seq *b, *c;
    Token *t;
    if (p->call_invalid_rules) {
        if (EXPECT(KW_WHILE) && _RpParser_named_expression(p) && EXPECT(T_NEWLINE))
            RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
        NEXT_ALT();
        if ((t = EXPECT(KW_WHILE)) && _RpParser_named_expression(p) && EXPECT(T_COLON) &&
            newline_no_indent(p))
            RETURN(RAISE_INDENTATION_ERROR(
                "expected an indented block after 'while' statement on line %d", t->lineno));
        NEXT_ALT();
    }
    if (EXPECT(KW_WHILE) && (a = _RpParser_named_expression(p)) && EXPECT(T_COLON) &&
        (b = block_rule(p))) {
        c = else_block_rule(p);
        ERRCHK();
        RETURN(_PyAST_While(a, b, c, EXTRA));
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* for_stmt */
static stmt_ty
for_stmt_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty t, ex;
    asdl_stmt_seq *b, *el;
    Token *kw;
    if (p->call_invalid_rules) {
        EXPECT(KW_ASYNC);
        if (EXPECT(KW_FOR) && _RpParser_star_targets(p) && EXPECT(KW_IN) &&
            _RpParser_star_expressions(p) && EXPECT(T_NEWLINE))
            RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
        NEXT_ALT();
        EXPECT(KW_ASYNC);
        if ((kw = EXPECT(KW_FOR)) && _RpParser_star_targets(p) && EXPECT(KW_IN) &&
            _RpParser_star_expressions(p) && EXPECT(T_COLON) && newline_no_indent(p))
            RETURN(RAISE_INDENTATION_ERROR(
                "expected an indented block after 'for' statement on line %d", kw->lineno));
        NEXT_ALT();
    }
    for (int is_async = 0; is_async < 2; is_async++) {
        if (is_async && !EXPECT(KW_ASYNC))
            break;
        if (EXPECT(KW_FOR) && (t = _RpParser_star_targets(p)) && EXPECT(KW_IN)) {
            /* cut */
            if ((ex = _RpParser_star_expressions(p)) && EXPECT(T_COLON) && (b = block_rule(p))) {
                el = else_block_rule(p);
                ERRCHK();
                if (is_async)
                    RETURN(_PyAST_AsyncFor(t, ex, b, el, NULL, EXTRA));
                RETURN(_PyAST_For(t, ex, b, el, NULL, EXTRA));
            }
            p->mark = _mark;
            RETURN(NULL);
        }
        NEXT_ALT();
    }
    NEXT_ALT();
    if (p->call_invalid_rules) {
        _RpParser_invalid_for_target(p);
        NEXT_ALT();
    }
    RETURN(NULL);
}

/* with_item: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression */
static withitem_ty
with_item_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty e, t;
    if ((e = _RpParser_expression(p)) && EXPECT(KW_AS) && (t = _RpParser_star_target(p)) &&
        (CHECK_TOK(T_COMMA) || CHECK_TOK(T_RPAR) || CHECK_TOK(T_COLON)))
        RETURN(_PyAST_withitem(e, t, p->arena));
    NEXT_ALT();
    if (p->call_invalid_rules) {
        expr_ty a;
        if (_RpParser_expression(p) && EXPECT(KW_AS) && (a = _RpParser_expression(p)) &&
            (CHECK_TOK(T_COMMA) || CHECK_TOK(T_RPAR) || CHECK_TOK(T_COLON)))
            RETURN(_RpParser_raise_invalid_target(p, STAR_TARGETS, a));
        NEXT_ALT();
    }
    if ((e = _RpParser_expression(p)))
        RETURN(_PyAST_withitem(e, NULL, p->arena));
    NEXT_ALT();
    RETURN(NULL);
}

static asdl_withitem_seq *
with_items(Parser *p)
{
    Vec v = VEC_INIT;
    withitem_ty w = with_item_rule(p);
    if (w == NULL)
        return NULL;
    if (_RpParser_vec_push(p, &v, w) < 0)
        return NULL;
    for (;;) {
        int m = p->mark;
        if (!EXPECT(T_COMMA) || !(w = with_item_rule(p))) {
            p->mark = m;
            if (p->error_indicator)
                return NULL;
            break;
        }
        if (_RpParser_vec_push(p, &v, w) < 0)
            return NULL;
    }
    return (asdl_withitem_seq *)_RpParser_vec_seq(p, &v);
}

/* ','.(expression ['as' star_target])+  or with expressions (parenthesized form) */
static int
with_items_loose(Parser *p, int use_expressions)
{
    int n = 0;
    for (;;) {
        int m = p->mark;
        if (n && !EXPECT(T_COMMA))
            break;
        expr_ty e = use_expressions ? _RpParser_expressions(p) : _RpParser_expression(p);
        if (e == NULL) {
            p->mark = m;
            break;
        }
        int m2 = p->mark;
        if (!(EXPECT(KW_AS) && _RpParser_star_target(p)))
            p->mark = m2;
        n++;
    }
    return n > 0 && !p->error_indicator;
}

/* with_stmt */
static stmt_ty
with_stmt_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    Token *t;
    asdl_withitem_seq *a;
    asdl_stmt_seq *b;
    if (p->call_invalid_rules) {
        /* invalid_with_stmt_indent */
        EXPECT(KW_ASYNC);
        if ((t = EXPECT(KW_WITH)) && with_items_loose(p, 0) && EXPECT(T_COLON) &&
            newline_no_indent(p))
            RETURN(RAISE_INDENTATION_ERROR(
                "expected an indented block after 'with' statement on line %d", t->lineno));
        NEXT_ALT();
        EXPECT(KW_ASYNC);
        if ((t = EXPECT(KW_WITH)) && EXPECT(T_LPAR) && with_items_loose(p, 1)) {
            EXPECT(T_COMMA);
            if (EXPECT(T_RPAR) && EXPECT(T_COLON) && newline_no_indent(p))
                RETURN(RAISE_INDENTATION_ERROR(
                    "expected an indented block after 'with' statement on line %d", t->lineno));
        }
        NEXT_ALT();
    }
    for (int is_async = 0; is_async < 2; is_async++) {
        if (is_async && !EXPECT(KW_ASYNC))
            break;
        int m = p->mark;
        if (EXPECT(KW_WITH) && EXPECT(T_LPAR) && (a = with_items(p))) {
            EXPECT(T_COMMA);
            if (EXPECT(T_RPAR) && EXPECT(T_COLON) && (b = block_rule(p))) {
                if (is_async)
                    RETURN(_PyAST_AsyncWith(a, b, NULL, EXTRA));
                RETURN(_PyAST_With(a, b, NULL, EXTRA));
            }
        }
        ERRCHK();
        p->mark = m;
        if (EXPECT(KW_WITH) && (a = with_items(p)) && EXPECT(T_COLON) && (b = block_rule(p))) {
            if (is_async)
                RETURN(_PyAST_AsyncWith(a, b, NULL, EXTRA));
            RETURN(_PyAST_With(a, b, NULL, EXTRA));
        }
        NEXT_ALT();
    }
    NEXT_ALT();
    if (p->call_invalid_rules) {
        /* invalid_with_stmt */
        EXPECT(KW_ASYNC);
        if (EXPECT(KW_WITH) && with_items_loose(p, 0) && EXPECT(T_NEWLINE))
            RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
        NEXT_ALT();
        EXPECT(KW_ASYNC);
        if (EXPECT(KW_WITH) && EXPECT(T_LPAR) && with_items_loose(p, 1)) {
            EXPECT(T_COMMA);
            if (EXPECT(T_RPAR) && EXPECT(T_NEWLINE))
                RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
        }
        NEXT_ALT();
    }
    RETURN(NULL);
}

/* ['as' NAME] */
static expr_ty
opt_as_name(Parser *p)
{
    int m = p->mark;
    expr_ty z;
    if (EXPECT(KW_AS) && (z = _RpParser_name_token(p)))
        return z;
    p->mark = m;
    return NULL;
}

/* invalid_except_stmt */
static void *
invalid_except_stmt_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty a;
    if (EXPECT(KW_EXCEPT)) {
        EXPECT(T_STAR);
        if ((a = _RpParser_expression(p)) && EXPECT(T_COMMA) && _RpParser_expressions(p)) {
            opt_as_name(p);
            if (EXPECT(T_COLON))
                RETURN(RAISE_SYNTAX_ERROR_STARTING_FROM(
                    a, "multiple exception types must be parenthesized"));
        }
    }
    NEXT_ALT();
    if (EXPECT(KW_EXCEPT)) {
        EXPECT(T_STAR);
        if (_RpParser_expression(p)) {
            opt_as_name(p);
            if (EXPECT(T_NEWLINE))
                RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
        }
    }
    NEXT_ALT();
    if (EXPECT(KW_EXCEPT) && EXPECT(T_NEWLINE))
        RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
    NEXT_ALT();
    if (EXPECT(KW_EXCEPT) && EXPECT(T_STAR) && (EXPECT(T_NEWLINE) || EXPECT(T_COLON)))
        RETURN(RAISE_SYNTAX_ERROR("expected one or more exception types"));
    NEXT_ALT();
    RETURN(NULL);
}

/* except_block / except_star_block */
static excepthandler_ty
except_block_rule(Parser *p, int star)
{
    ENTER();
    int _mark = p->mark;
    START();
    Token *t;
    expr_ty e, n;
    asdl_stmt_seq *b;
    if (p->call_invalid_rules) {
        /* invalid_except_stmt_indent / invalid_except_star_stmt_indent */
        if ((t = EXPECT(KW_EXCEPT)) && (!star || EXPECT(T_STAR)) && _RpParser_expression(p)) {
            opt_as_name(p);
            if (EXPECT(T_COLON) && newline_no_indent(p))
                RETURN(RAISE_INDENTATION_ERROR(
                    "expected an indented block after '%s' statement on line %d",
                    star ? "except*" : "except", t->lineno));
        }
        NEXT_ALT();
        if (!star) {
            if ((t = EXPECT(KW_EXCEPT)) && EXPECT(T_COLON) && newline_no_indent(p))
                RETURN(RAISE_INDENTATION_ERROR(
                    "expected an indented block after 'except' statement on line %d", t->lineno));
            NEXT_ALT();
        }
    }
    if (EXPECT(KW_EXCEPT) && (!star || EXPECT(T_STAR)) && (e = _RpParser_expression(p))) {
        n = opt_as_name(p);
        if (EXPECT(T_COLON) && (b = block_rule(p)))
            RETURN(_PyAST_ExceptHandler(e, n ? n->v.Name.id : NULL, b, EXTRA));
    }
    NEXT_ALT();
    if (!star) {
        if (EXPECT(KW_EXCEPT) && EXPECT(T_COLON) && (b = block_rule(p)))
            RETURN(_PyAST_ExceptHandler(NULL, NULL, b, EXTRA));
        NEXT_ALT();
    }
    if (p->call_invalid_rules) {
        invalid_except_stmt_rule(p);
        NEXT_ALT();
    }
    RETURN(NULL);
}

/* finally_block: invalid_finally_stmt | 'finally' &&':' block */
static asdl_stmt_seq *
finally_block_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Token *t;
    asdl_stmt_seq *a;
    if (p->call_invalid_rules) {
        if ((t = EXPECT(KW_FINALLY)) && EXPECT(T_COLON) && newline_no_indent(p))
            RETURN(RAISE_INDENTATION_ERROR(
                "expected an indented block after 'finally' statement on line %d", t->lineno));
        NEXT_ALT();
    }
    if (EXPECT(KW_FINALLY)) {
        if (!EXPECT_FORCED(T_COLON, ":"))
            RETURN(NULL);
        if ((a = block_rule(p)))
            RETURN(a);
    }
    NEXT_ALT();
    RETURN(NULL);
}

static asdl_excepthandler_seq *
except_blocks(Parser *p, int star)
{
    Vec v = VEC_INIT;
    excepthandler_ty h;
    while ((h = except_block_rule(p, star)))
        if (_RpParser_vec_push(p, &v, h) < 0)
            return NULL;
    if (p->error_indicator || v.n == 0)
        return NULL;
    return (asdl_excepthandler_seq *)_RpParser_vec_seq(p, &v);
}

/* invalid_try_stmt */
static void *
invalid_try_stmt_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Token *t, *a, *b;
    if ((t = EXPECT(KW_TRY)) && EXPECT(T_COLON) && newline_no_indent(p))
        RETURN(RAISE_INDENTATION_ERROR(
            "expected an indented block after 'try' statement on line %d", t->lineno));
    NEXT_ALT();
    if (EXPECT(KW_TRY) && EXPECT(T_COLON) && block_rule(p) && !CHECK_TOK(KW_EXCEPT) &&
        !CHECK_TOK(KW_FINALLY))
        RETURN(RAISE_SYNTAX_ERROR("expected 'except' or 'finally' block"));
    NEXT_ALT();
    if (EXPECT(KW_TRY) && EXPECT(T_COLON)) {
        while (block_rule(p))
            ;
        ERRCHK();
        if (except_blocks(p, 0) && (a = EXPECT(KW_EXCEPT)) && (b = EXPECT(T_STAR)) &&
            _RpParser_expression(p)) {
            opt_as_name(p);
            if (EXPECT(T_COLON))
                RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(
                    a, b, "cannot have both 'except' and 'except*' on the same 'try'"));
        }
    }
    NEXT_ALT();
    if (EXPECT(KW_TRY) && EXPECT(T_COLON)) {
        while (block_rule(p))
            ;
        ERRCHK();
        if (except_blocks(p, 1) && (a = EXPECT(KW_EXCEPT))) {
            int m = p->mark;
            if (_RpParser_expression(p))
                opt_as_name(p);
            else
                p->mark = m;
            ERRCHK();
            if (EXPECT(T_COLON))
                RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
                    a, "cannot have both 'except' and 'except*' on the same 'try'"));
        }
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* try_stmt */
static stmt_ty
try_stmt_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    asdl_stmt_seq *b, *f, *el;
    asdl_excepthandler_seq *ex;
    if (p->call_invalid_rules) {
        invalid_try_stmt_rule(p);
        NEXT_ALT();
    }
    if (EXPECT(KW_TRY)) {
        if (!EXPECT_FORCED(T_COLON, ":"))
            RETURN(NULL);
        if ((b = block_rule(p)) && (f = finally_block_rule(p)))
            RETURN(_PyAST_Try(b, NULL, NULL, f, EXTRA));
    }
    NEXT_ALT();
    for (int star = 0; star < 2; star++) {
        if (EXPECT(KW_TRY)) {
            if (!EXPECT_FORCED(T_COLON, ":"))
                RETURN(NULL);
            if ((b = block_rule(p)) && (ex = except_blocks(p, star))) {
                el = else_block_rule(p);
                ERRCHK();
                f = finally_block_rule(p);
                ERRCHK();
                if (star)
                    RETURN(_PyAST_TryStar(b, ex, el, f, EXTRA));
                RETURN(_PyAST_Try(b, ex, el, f, EXTRA));
            }
        }
        NEXT_ALT();
    }
    RETURN(NULL);
}

/* ================================================================= match */

/* subject_expr: star_named_expression ',' star_named_expressions? | named_expression */
static expr_ty
subject_expr_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty v;
    if ((v = _RpParser_star_named_expression(p)) && EXPECT(T_COMMA)) {
        asdl_expr_seq *vs = _RpParser_star_named_expressions(p);
        ERRCHK();
        asdl_seq *s = _RpParser_seq_insert_in_front(p, v, vs);
        if (s == NULL)
            RETURN(NULL);
        RETURN(_PyAST_Tuple(s, Load, EXTRA));
    }
    NEXT_ALT();
    if ((v = _RpParser_named_expression(p)))
        RETURN(v);
    NEXT_ALT();
    RETURN(NULL);
}

/* patterns: open_sequence_pattern | pattern */
static pattern_ty
patterns_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    asdl_seq *s;
    if ((s = open_sequence_pattern_rule(p)))
        RETURN(_PyAST_MatchSequence((asdl_pattern_seq *)s, EXTRA));
    NEXT_ALT();
    pattern_ty a = pattern_rule(p);
    if (a == NULL)
        NEXT_ALT();
    RETURN(a);
}

/* guard: 'if' named_expression */
static expr_ty
guard_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty g;
    if (EXPECT(KW_IF) && (g = _RpParser_named_expression(p)))
        RETURN(g);
    NEXT_ALT();
    RETURN(NULL);
}

/* case_block: invalid_case_block | "case" patterns guard? ':' block */
static match_case_ty
case_block_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Token *t;
    pattern_ty pat;
    expr_ty g;
    asdl_stmt_seq *body;
    if (p->call_invalid_rules) {
        if (EXPECT_SOFT("case") && patterns_rule(p)) {
            guard_rule(p);
            ERRCHK();
            if (EXPECT(T_NEWLINE))
                RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
        }
        NEXT_ALT();
        if ((t = EXPECT_SOFT("case")) && patterns_rule(p)) {
            guard_rule(p);
            ERRCHK();
            if (EXPECT(T_COLON) && newline_no_indent(p))
                RETURN(RAISE_INDENTATION_ERROR(
                    "expected an indented block after 'case' statement on line %d", t->lineno));
        }
        NEXT_ALT();
    }
    if (EXPECT_SOFT("case") && (pat = patterns_rule(p))) {
        g = guard_rule(p);
        ERRCHK();
        if (EXPECT(T_COLON) && (body = block_rule(p)))
            RETURN(_PyAST_match_case(pat, g, body, p->arena));
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* match_stmt:
       "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT | invalid_match_stmt */
static stmt_ty
match_stmt_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty subject;
    Token *t;
    if (EXPECT_SOFT("match") && (subject = subject_expr_rule(p)) && EXPECT(T_COLON) &&
        EXPECT(T_NEWLINE) && EXPECT(T_INDENT)) {
        Vec v = VEC_INIT;
        match_case_ty c;
        while ((c = case_block_rule(p)))
            if (_RpParser_vec_push(p, &v, c) < 0)
                RETURN(NULL);
        ERRCHK();
        if (v.n && EXPECT(T_DEDENT))
            RETURN(_PyAST_Match(subject, (asdl_match_case_seq *)_RpParser_vec_seq(p, &v), EXTRA));
    }
    NEXT_ALT();
    if (p->call_invalid_rules) {
        if (EXPECT_SOFT("match") && subject_expr_rule(p) && EXPECT(T_NEWLINE))
            RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
        NEXT_ALT();
        if ((t = EXPECT_SOFT("match")) && subject_expr_rule(p) && EXPECT(T_COLON) &&
            newline_no_indent(p))
            RETURN(RAISE_INDENTATION_ERROR(
                "expected an indented block after 'match' statement on line %d", t->lineno));
        NEXT_ALT();
    }
    RETURN(NULL);
}

/* pattern: as_pattern | or_pattern
   as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern */
static pattern_ty
pattern_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    pattern_ty pat;
    expr_ty target;
    if ((pat = or_pattern_rule(p)) && EXPECT(KW_AS) && (target = pattern_capture_target_rule(p)))
        RETURN(_PyAST_MatchAs(pat, target->v.Name.id, EXTRA));
    NEXT_ALT();
    if (p->call_invalid_rules) {
        Token *a;
        expr_ty e;
        if (or_pattern_rule(p) && EXPECT(KW_AS) && (a = EXPECT_SOFT("_")))
            RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "cannot use '_' as a target"));
        NEXT_ALT();
        if (or_pattern_rule(p) && EXPECT(KW_AS) && !CHECK_TOK(T_NAME) &&
            (e = _RpParser_expression(p)))
            RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(e, "invalid pattern target"));
        NEXT_ALT();
    }
    pat = or_pattern_rule(p);
    if (pat == NULL)
        NEXT_ALT();
    RETURN(pat);
}

/* or_pattern: '|'.closed_pattern+ */
static pattern_ty
or_pattern_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    Vec v = VEC_INIT;
    pattern_ty c = closed_pattern_rule(p);
    if (c == NULL) {
        NEXT_ALT();
        RETURN(NULL);
    }
    if (_RpParser_vec_push(p, &v, c) < 0)
        RETURN(NULL);
    for (;;) {
        int m = p->mark;
        if (!EXPECT(T_VBAR) || !(c = closed_pattern_rule(p))) {
            p->mark = m;
            ERRCHK();
            break;
        }
        if (_RpParser_vec_push(p, &v, c) < 0)
            RETURN(NULL);
    }
    if (v.n == 1)
        RETURN((pattern_ty)v.items[0]);
    RETURN(_PyAST_MatchOr((asdl_pattern_seq *)_RpParser_vec_seq(p, &v), EXTRA));
}

/* signed_number: NUMBER | '-' NUMBER */
static expr_ty
signed_number_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty n;
    if ((n = _RpParser_number_token(p)))
        RETURN(n);
    NEXT_ALT();
    if (EXPECT(T_MINUS) && (n = _RpParser_number_token(p)))
        RETURN(_PyAST_UnaryOp(USub, n, EXTRA));
    NEXT_ALT();
    RETURN(NULL);
}

/* signed_real_number: real_number | '-' real_number */
static expr_ty
signed_real_number_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty n;
    if ((n = _RpParser_number_token(p)))
        RETURN(_RpParser_ensure_real(p, n));
    NEXT_ALT();
    if (EXPECT(T_MINUS) && (n = _RpParser_number_token(p))) {
        if (_RpParser_ensure_real(p, n) == NULL)
            RETURN(NULL);
        RETURN(_PyAST_UnaryOp(USub, n, EXTRA));
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* complex_number: signed_real_number ('+' | '-') imaginary_number */
static expr_ty
complex_number_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty real, imag;
    if ((real = signed_real_number_rule(p))) {
        int t = PEEK_TYPE();
        if ((t == T_PLUS || t == T_MINUS)) {
            p->mark++;
            if ((imag = _RpParser_number_token(p))) {
                if (_RpParser_ensure_imaginary(p, imag) == NULL)
                    RETURN(NULL);
                RETURN(_PyAST_BinOp(real, t == T_PLUS ? Add : Sub, imag, EXTRA));
            }
        }
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* literal_expr (as Constant nodes) / literal_pattern (wrapped in patterns) */
static expr_ty
literal_expr_rule(Parser *p, int *singleton)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty e;
    *singleton = 0;
    if ((e = signed_number_rule(p)) && !CHECK_TOK(T_PLUS) && !CHECK_TOK(T_MINUS))
        RETURN(e);
    NEXT_ALT();
    if ((e = complex_number_rule(p)))
        RETURN(e);
    NEXT_ALT();
    if ((CHECK_TOK(T_STRING) || CHECK_TOK(T_FSTRING_START)) && (e = _RpParser_strings(p)))
        RETURN(e);
    NEXT_ALT();
    switch (PEEK_TYPE()) {
    case KW_NONE:
        p->mark++;
        *singleton = 1;
        RETURN(_PyAST_Constant(Py_None, NULL, EXTRA));
    case KW_TRUE:
        p->mark++;
        *singleton = 1;
        RETURN(_PyAST_Constant(Py_True, NULL, EXTRA));
    case KW_FALSE:
        p->mark++;
        *singleton = 1;
        RETURN(_PyAST_Constant(Py_False, NULL, EXTRA));
    }
    RETURN(NULL);
}

/* pattern_capture_target: !"_" NAME !('.' | '(' | '=') */
static expr_ty
pattern_capture_target_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty n;
    if (!CHECK_SOFT("_") && (n = _RpParser_name_token(p)) && !CHECK_TOK(T_DOT) &&
        !CHECK_TOK(T_LPAR) && !CHECK_TOK(T_EQUAL))
        RETURN(_RpParser_set_expr_context(p, n, Store));
    NEXT_ALT();
    RETURN(NULL);
}

/* attr: name_or_attr '.' NAME   (left-recursive) */
static expr_ty
attr_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_attr);
    START();
    expr_ty a = _RpParser_name_token(p), b;
    if (a == NULL) {
        NEXT_ALT();
        MEMO_END(M_attr, NULL);
    }
    int n = 0;
    for (;;) {
        int m = p->mark;
        if (!EXPECT(T_DOT) || !(b = _RpParser_name_token(p))) {
            p->mark = m;
            break;
        }
        a = _PyAST_Attribute(a, b->v.Name.id, Load, EXTRA);
        if (a == NULL)
            RETURN(NULL);
        n++;
    }
    if (n == 0) {
        p->mark = _mark;
        a = NULL;
    }
    MEMO_END(M_attr, a);
}

/* name_or_attr: attr | NAME */
static expr_ty
name_or_attr_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty a = attr_rule(p);
    if (a)
        RETURN(a);
    NEXT_ALT();
    if ((a = _RpParser_name_token(p)))
        RETURN(a);
    NEXT_ALT();
    RETURN(NULL);
}

/* star_pattern (memo): '*' pattern_capture_target | '*' wildcard_pattern */
static pattern_ty
star_pattern_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_star_pattern);
    START();
    expr_ty t;
    pattern_ty res = NULL;
    if (EXPECT(T_STAR) && (t = pattern_capture_target_rule(p))) {
        res = _PyAST_MatchStar(t->v.Name.id, EXTRA);
        MEMO_END(M_star_pattern, res);
    }
    NEXT_ALT();
    if (EXPECT(T_STAR) && EXPECT_SOFT("_")) {
        res = _PyAST_MatchStar(NULL, EXTRA);
        MEMO_END(M_star_pattern, res);
    }
    NEXT_ALT();
    MEMO_END(M_star_pattern, NULL);
}

/* maybe_star_pattern: star_pattern | pattern */
static pattern_ty
maybe_star_pattern_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    pattern_ty a = star_pattern_rule(p);
    if (a)
        RETURN(a);
    NEXT_ALT();
    a = pattern_rule(p);
    if (a == NULL)
        NEXT_ALT();
    RETURN(a);
}

/* maybe_sequence_pattern: ','.maybe_star_pattern+ ','? */
static asdl_seq *
maybe_sequence_pattern_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Vec v = VEC_INIT;
    pattern_ty a = maybe_star_pattern_rule(p);
    if (a == NULL) {
        NEXT_ALT();
        RETURN(NULL);
    }
    if (_RpParser_vec_push(p, &v, a) < 0)
        RETURN(NULL);
    for (;;) {
        int m = p->mark;
        if (!EXPECT(T_COMMA) || !(a = maybe_star_pattern_rule(p))) {
            p->mark = m;
            ERRCHK();
            break;
        }
        if (_RpParser_vec_push(p, &v, a) < 0)
            RETURN(NULL);
    }
    EXPECT(T_COMMA);
    RETURN(_RpParser_vec_seq(p, &v));
}

/* open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern? */
static asdl_seq *
open_sequence_pattern_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    pattern_ty a;
    if ((a = maybe_star_pattern_rule(p)) && EXPECT(T_COMMA)) {
        asdl_seq *b = maybe_sequence_pattern_rule(p);
        ERRCHK();
        RETURN(_RpParser_seq_insert_in_front(p, a, b));
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* key_value_pattern: (literal_expr | attr) ':' pattern */
static KeyPatternPair *
key_value_pattern_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    int singleton;
    expr_ty key = literal_expr_rule(p, &singleton);
    ERRCHK();
    if (key == NULL) {
        p->mark = _mark;
        key = attr_rule(p);
    }
    pattern_ty pat;
    if (key && EXPECT(T_COLON) && (pat = pattern_rule(p)))
        RETURN(_RpParser_key_pattern_pair(p, key, pat));
    NEXT_ALT();
    RETURN(NULL);
}

/* items_pattern: ','.key_value_pattern+ */
static asdl_seq *
items_pattern_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Vec v = VEC_INIT;
    KeyPatternPair *kv = key_value_pattern_rule(p);
    if (kv == NULL) {
        NEXT_ALT();
        RETURN(NULL);
    }
    if (_RpParser_vec_push(p, &v, kv) < 0)
        RETURN(NULL);
    for (;;) {
        int m = p->mark;
        if (!EXPECT(T_COMMA) || !(kv = key_value_pattern_rule(p))) {
            p->mark = m;
            ERRCHK();
            break;
        }
        if (_RpParser_vec_push(p, &v, kv) < 0)
            RETURN(NULL);
    }
    RETURN(_RpParser_vec_seq(p, &v));
}

/* double_star_pattern: '**' pattern_capture_target */
static expr_ty
double_star_pattern_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty t;
    if (EXPECT(T_DOUBLESTAR) && (t = pattern_capture_target_rule(p)))
        RETURN(t);
    NEXT_ALT();
    RETURN(NULL);
}

/* mapping_pattern */
static pattern_ty
mapping_pattern_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty rest;
    asdl_seq *items;
    if (EXPECT(T_LBRACE) && EXPECT(T_RBRACE))
        RETURN(_PyAST_MatchMapping(NULL, NULL, NULL, EXTRA));
    NEXT_ALT();
    if (EXPECT(T_LBRACE) && (rest = double_star_pattern_rule(p))) {
        EXPECT(T_COMMA);
        if (EXPECT(T_RBRACE))
            RETURN(_PyAST_MatchMapping(NULL, NULL, rest->v.Name.id, EXTRA));
    }
    NEXT_ALT();
    if (EXPECT(T_LBRACE) && (items = items_pattern_rule(p)) && EXPECT(T_COMMA) &&
        (rest = double_star_pattern_rule(p))) {
        EXPECT(T_COMMA);
        if (EXPECT(T_RBRACE))
            RETURN(_PyAST_MatchMapping(_RpParser_get_pattern_keys(p, items),
                                       _RpParser_get_patterns(p, items), rest->v.Name.id, EXTRA));
    }
    NEXT_ALT();
    if (EXPECT(T_LBRACE) && (items = items_pattern_rule(p))) {
        EXPECT(T_COMMA);
        if (EXPECT(T_RBRACE))
            RETURN(_PyAST_MatchMapping(_RpParser_get_pattern_keys(p, items),
                                       _RpParser_get_patterns(p, items), NULL, EXTRA));
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* positional_patterns: ','.pattern+ */
static asdl_seq *
positional_patterns_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Vec v = VEC_INIT;
    pattern_ty a = pattern_rule(p);
    if (a == NULL) {
        NEXT_ALT();
        RETURN(NULL);
    }
    if (_RpParser_vec_push(p, &v, a) < 0)
        RETURN(NULL);
    for (;;) {
        int m = p->mark;
        if (!EXPECT(T_COMMA) || !(a = pattern_rule(p))) {
            p->mark = m;
            ERRCHK();
            break;
        }
        if (_RpParser_vec_push(p, &v, a) < 0)
            RETURN(NULL);
    }
    RETURN(_RpParser_vec_seq(p, &v));
}

/* keyword_pattern: NAME '=' pattern */
static KeyPatternPair *
keyword_pattern_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty arg;
    pattern_ty value;
    if ((arg = _RpParser_name_token(p)) && EXPECT(T_EQUAL) && (value = pattern_rule(p)))
        RETURN(_RpParser_key_pattern_pair(p, arg, value));
    NEXT_ALT();
    RETURN(NULL);
}

/* keyword_patterns: ','.keyword_pattern+ */
static asdl_seq *
keyword_patterns_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Vec v = VEC_INIT;
    KeyPatternPair *a = keyword_pattern_rule(p);
    if (a == NULL) {
        NEXT_ALT();
        RETURN(NULL);
    }
    if (_RpParser_vec_push(p, &v, a) < 0)
        RETURN(NULL);
    for (;;) {
        int m = p->mark;
        if (!EXPECT(T_COMMA) || !(a = keyword_pattern_rule(p))) {
            p->mark = m;
            ERRCHK();
            break;
        }
        if (_RpParser_vec_push(p, &v, a) < 0)
            RETURN(NULL);
    }
    RETURN(_RpParser_vec_seq(p, &v));
}

/* class_pattern */
static pattern_ty
class_pattern_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty cls;
    asdl_seq *pats, *kws;
    if ((cls = name_or_attr_rule(p)) && EXPECT(T_LPAR) && EXPECT(T_RPAR))
        RETURN(_PyAST_MatchClass(cls, NULL, NULL, NULL, EXTRA));
    NEXT_ALT();
    if ((cls = name_or_attr_rule(p)) && EXPECT(T_LPAR) && (pats = positional_patterns_rule(p))) {
        EXPECT(T_COMMA);
        if (EXPECT(T_RPAR))
            RETURN(_PyAST_MatchClass(cls, (asdl_pattern_seq *)pats, NULL, NULL, EXTRA));
    }
    NEXT_ALT();
    if ((cls = name_or_attr_rule(p)) && EXPECT(T_LPAR) && (kws = keyword_patterns_rule(p))) {
        EXPECT(T_COMMA);
        if (EXPECT(T_RPAR)) {
            asdl_identifier_seq *ids =
                _RpParser_map_names_to_ids(p, _RpParser_get_pattern_keys(p, kws));
            if (ids == NULL)
                RETURN(NULL);
            RETURN(_PyAST_MatchClass(cls, NULL, ids, _RpParser_get_patterns(p, kws), EXTRA));
        }
    }
    NEXT_ALT();
    if ((cls = name_or_attr_rule(p)) && EXPECT(T_LPAR) && (pats = positional_patterns_rule(p)) &&
        EXPECT(T_COMMA) && (kws = keyword_patterns_rule(p))) {
        EXPECT(T_COMMA);
        if (EXPECT(T_RPAR)) {
            asdl_identifier_seq *ids =
                _RpParser_map_names_to_ids(p, _RpParser_get_pattern_keys(p, kws));
            if (ids == NULL)
                RETURN(NULL);
            RETURN(_PyAST_MatchClass(cls, (asdl_pattern_seq *)pats, ids,
                                     _RpParser_get_patterns(p, kws), EXTRA));
        }
    }
    NEXT_ALT();
    if (p->call_invalid_rules) {
        /* name_or_attr '(' invalid_class_argument_pattern */
        if (name_or_attr_rule(p) && EXPECT(T_LPAR)) {
            int m = p->mark;
            if (!(positional_patterns_rule(p) && EXPECT(T_COMMA))) {
                ERRCHK();
                p->mark = m;
            }
            asdl_seq *a;
            if (keyword_patterns_rule(p) && EXPECT(T_COMMA) && (a = positional_patterns_rule(p)))
                RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(
                    (pattern_ty)asdl_seq_GET(a, 0),
                    (pattern_ty)asdl_seq_GET(a, asdl_seq_LEN(a) - 1),
                    "positional patterns follow keyword patterns"));
        }
        NEXT_ALT();
    }
    RETURN(NULL);
}

/* closed_pattern (memo) */
static pattern_ty
closed_pattern_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_closed_pattern);
    START();
    pattern_ty res = NULL;
    expr_ty e;
    int singleton;
    /* literal_pattern */
    if ((e = literal_expr_rule(p, &singleton))) {
        if (singleton)
            res = _PyAST_MatchSingleton(e->v.Constant.value, EXTRA);
        else
            res = _PyAST_MatchValue(e, EXTRA);
        MEMO_END(M_closed_pattern, res);
    }
    NEXT_ALT();
    /* capture_pattern */
    if ((e = pattern_capture_target_rule(p))) {
        res = _PyAST_MatchAs(NULL, e->v.Name.id, EXTRA);
        MEMO_END(M_closed_pattern, res);
    }
    NEXT_ALT();
    /* wildcard_pattern */
    if (EXPECT_SOFT("_")) {
        res = _PyAST_MatchAs(NULL, NULL, EXTRA);
        MEMO_END(M_closed_pattern, res);
    }
    NEXT_ALT();
    /* value_pattern: attr !('.' | '(' | '=') */
    if ((e = attr_rule(p)) && !CHECK_TOK(T_DOT) && !CHECK_TOK(T_LPAR) && !CHECK_TOK(T_EQUAL)) {
        res = _PyAST_MatchValue(e, EXTRA);
        MEMO_END(M_closed_pattern, res);
    }
    NEXT_ALT();
    /* group_pattern: '(' pattern ')' */
    if (EXPECT(T_LPAR) && (res = pattern_rule(p)) && EXPECT(T_RPAR))
        MEMO_END(M_closed_pattern, res);
    NEXT_ALT();
    /* sequence_pattern */
    if (EXPECT(T_LSQB)) {
        asdl_seq *s = maybe_sequence_pattern_rule(p);
        ERRCHK();
        if (EXPECT(T_RSQB)) {
            res = _PyAST_MatchSequence((asdl_pattern_seq *)s, EXTRA);
            MEMO_END(M_closed_pattern, res);
        }
    }
    NEXT_ALT();
    if (EXPECT(T_LPAR)) {
        asdl_seq *s = open_sequence_pattern_rule(p);
        ERRCHK();
        if (EXPECT(T_RPAR)) {
            res = _PyAST_MatchSequence((asdl_pattern_seq *)s, EXTRA);
            MEMO_END(M_closed_pattern, res);
        }
    }
    NEXT_ALT();
    if ((res = mapping_pattern_rule(p)))
        MEMO_END(M_closed_pattern, res);
    NEXT_ALT();
    if ((res = class_pattern_rule(p)))
        MEMO_END(M_closed_pattern, res);
    NEXT_ALT();
    MEMO_END(M_closed_pattern, NULL);
}

/* ========================================================= type params */

/* type_param (memo) */
static type_param_ty
type_param_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_type_param);
    START();
    expr_ty a, b;
    Token *colon;
    type_param_ty res = NULL;
    if ((a = _RpParser_name_token(p))) {
        int m = p->mark;
        b = NULL;
        if (!(EXPECT(T_COLON) && (b = _RpParser_expression(p)))) {
            ERRCHK();
            p->mark = m;
            b = NULL;
        }
        res = _PyAST_TypeVar(a->v.Name.id, b, EXTRA);
        MEMO_END(M_type_param, res);
    }
    NEXT_ALT();
    for (int dbl = 0; dbl < 2; dbl++) {
        if (EXPECT(dbl ? T_DOUBLESTAR : T_STAR) && (a = _RpParser_name_token(p)) &&
            (colon = EXPECT(T_COLON)) && (b = _RpParser_expression(p))) {
            const char *msg;
            if (dbl)
                msg = b->kind == Tuple_kind ? "cannot use constraints with ParamSpec"
                                            : "cannot use bound with ParamSpec";
            else
                msg = b->kind == Tuple_kind ? "cannot use constraints with TypeVarTuple"
                                            : "cannot use bound with TypeVarTuple";
            RETURN(RAISE_SYNTAX_ERROR_STARTING_FROM(colon, "%s", msg));
        }
        NEXT_ALT();
        if (EXPECT(dbl ? T_DOUBLESTAR : T_STAR) && (a = _RpParser_name_token(p))) {
            res = dbl ? _PyAST_ParamSpec(a->v.Name.id, EXTRA)
                      : _PyAST_TypeVarTuple(a->v.Name.id, EXTRA);
            MEMO_END(M_type_param, res);
        }
        NEXT_ALT();
    }
    MEMO_END(M_type_param, NULL);
}

/* type_params: '[' ','.type_param+ [','] ']' */
static asdl_type_param_seq *
type_params_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    if (EXPECT(T_LSQB)) {
        Vec v = VEC_INIT;
        type_param_ty t = type_param_rule(p);
        if (t) {
            if (_RpParser_vec_push(p, &v, t) < 0)
                RETURN(NULL);
            for (;;) {
                int m = p->mark;
                if (!EXPECT(T_COMMA) || !(t = type_param_rule(p))) {
                    p->mark = m;
                    ERRCHK();
                    break;
                }
                if (_RpParser_vec_push(p, &v, t) < 0)
                    RETURN(NULL);
            }
            EXPECT(T_COMMA);
            if (EXPECT(T_RSQB))
                RETURN((asdl_type_param_seq *)_RpParser_vec_seq(p, &v));
        }
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* ======================================================= compound_stmt */

static stmt_ty
compound_stmt_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    stmt_ty res = NULL;
    switch (PEEK_TYPE()) {
    case KW_DEF:
        res = function_def_rule(p);
        break;
    case T_AT:
        res = function_def_rule(p);
        if (res)
            break;
        NEXT_ALT();
        res = class_def_rule(p);
        break;
    case KW_ASYNC:
        res = function_def_rule(p);
        if (res)
            break;
        NEXT_ALT();
        res = with_stmt_rule(p);
        if (res)
            break;
        NEXT_ALT();
        res = for_stmt_rule(p);
        break;
    case KW_IF:
        res = if_rule(p, KW_IF);
        break;
    case KW_CLASS:
        res = class_def_rule(p);
        break;
    case KW_WITH:
        res = with_stmt_rule(p);
        break;
    case KW_FOR:
        res = for_stmt_rule(p);
        break;
    case KW_TRY:
        res = try_stmt_rule(p);
        break;
    case KW_WHILE:
        res = while_stmt_rule(p);
        break;
    default:
        if (CHECK_SOFT("match"))
            res = match_stmt_rule(p);
        break;
    }
    if (res == NULL)
        NEXT_ALT();
    RETURN(res);
}
