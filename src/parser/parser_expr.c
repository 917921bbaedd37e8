/* parser_expr.c -- the expression half of the Python 3.12 grammar.
 *
 * Each function below is one rule of CPython's Grammar/python.gram (3.12),
 * written by hand.  The grammar is a PEG: alternatives are tried in order
 * and the first that matches wins, with backtracking (p->mark is simply
 * reset).  Left-recursive rules (sum: sum '+' term | term, primary, ...) are
 * written as loops, which give the same trees.  The rules CPython memoises
 * are memoised here too, which keeps backtracking linear and makes the rare
 * order-dependent error cases come out the same.
 *
 * Rules named invalid_* only run in the second pass (p->call_invalid_rules),
 * after a first pass failed: they recognise common mistakes and raise the
 * specific SyntaxError CPython raises ("cannot assign to ...", "Perhaps you
 * forgot a comma?", ...).  They are interleaved with the normal alternatives
 * exactly where the grammar puts them, because the order decides which
 * message wins.
 */
#include "parser.h"

static expr_ty disjunction_rule(Parser *p);
static expr_ty conjunction_rule(Parser *p);
static expr_ty inversion_rule(Parser *p);
static expr_ty comparison_rule(Parser *p);
static expr_ty bitwise_xor_rule(Parser *p);
static expr_ty bitwise_and_rule(Parser *p);
static expr_ty shift_expr_rule(Parser *p);
static expr_ty sum_rule(Parser *p);
static expr_ty term_rule(Parser *p);
static expr_ty factor_rule(Parser *p);
static expr_ty power_rule(Parser *p);
static expr_ty await_primary_rule(Parser *p);
static expr_ty primary_rule(Parser *p);
static expr_ty atom_rule(Parser *p);
static expr_ty slices_rule(Parser *p);
static expr_ty slice_rule(Parser *p);
static expr_ty group_rule(Parser *p);
static expr_ty assignment_expression_rule(Parser *p);
static expr_ty starred_expression_rule(Parser *p);
static expr_ty t_primary_rule(Parser *p);
static expr_ty target_with_star_atom_rule(Parser *p);
static expr_ty star_atom_rule(Parser *p);
static expr_ty del_target_rule(Parser *p);
static expr_ty dict_rule(Parser *p);
static expr_ty set_rule(Parser *p);
static expr_ty listcomp_rule(Parser *p);
static expr_ty setcomp_rule(Parser *p);
static expr_ty dictcomp_rule(Parser *p);
static KeyValuePair *kvpair_rule(Parser *p);
static asdl_seq *double_starred_kvpairs_rule(Parser *p);
static expr_ty args_rule(Parser *p);
static asdl_seq *kwargs_rule(Parser *p);
static arguments_ty lambda_params_rule(Parser *p);
static expr_ty fstring_rule(Parser *p);
static expr_ty fstring_replacement_field_rule(Parser *p);
static expr_ty expression_without_invalid_rule(Parser *p);
static void *invalid_named_expression_rule(Parser *p);
static void *invalid_expression_rule(Parser *p);
static void *invalid_legacy_expression_rule(Parser *p);
static void *invalid_arguments_rule(Parser *p);
static void *invalid_kwarg_rule(Parser *p);
static void *invalid_group_rule(Parser *p);
static void *invalid_comprehension_rule(Parser *p);
static void *invalid_dict_comprehension_rule(Parser *p);
static void *invalid_double_starred_kvpairs_rule(Parser *p);
static void *invalid_kvpair_rule(Parser *p);
static void *invalid_starred_expression_rule(Parser *p);
static void *invalid_replacement_field_rule(Parser *p);
static void *invalid_lambda_parameters_rule(Parser *p);
static void *invalid_lambda_star_etc_rule(Parser *p);
static void *invalid_lambda_kwds_rule(Parser *p);

/* Run a memoised rule body: look up, or compute and store. */
#define MEMO_BEGIN(type) \
    void *_memo_res; \
    if (_RpParser_is_memoized(p, (type), &_memo_res)) RETURN((expr_ty)_memo_res)
#define MEMO_END(type, res) do { \
        _RpParser_insert_memo(p, _mark, (type), (res)); \
        RETURN(res); \
    } while (0)

/* A soft keyword at the current position (match, case, _, type). */
static int
at_soft_keyword(Parser *p)
{
    Token *t = _RpParser_tok(p, p->mark);
    return _rp_is_soft(t, "match") || _rp_is_soft(t, "case") || _rp_is_soft(t, "_") ||
           _rp_is_soft(t, "type");
}

/* ------------------------------------------------------------------------ */
/* expressions: expression (',' expression)* [','] */
expr_ty
_RpParser_expressions(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a = _RpParser_expression(p);
    if (a == NULL) {
        NEXT_ALT();
        RETURN(NULL);
    }
    Vec v = VEC_INIT;
    for (;;) {
        int m = p->mark;
        if (!EXPECT(T_COMMA))
            break;
        expr_ty c = _RpParser_expression(p);
        ERRCHK();
        if (c == NULL) {
            p->mark = m;
            break;
        }
        if (v.n == 0 && _RpParser_vec_push(p, &v, a) < 0)
            RETURN(NULL);
        if (_RpParser_vec_push(p, &v, c) < 0)
            RETURN(NULL);
    }
    if (v.n) {
        EXPECT(T_COMMA);
        RETURN(_PyAST_Tuple(_RpParser_vec_seq(p, &v), Load, EXTRA));
    }
    if (EXPECT(T_COMMA))
        RETURN(_PyAST_Tuple(_RpParser_singleton_seq(p, a), Load, EXTRA));
    RETURN(a);
}

/* expression (memo):
       invalid_expression | invalid_legacy_expression
     | disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
expr_ty
_RpParser_expression(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_expression);
    START();
    expr_ty res = NULL;
    if (p->call_invalid_rules) {
        invalid_expression_rule(p);
        NEXT_ALT();
        invalid_legacy_expression_rule(p);
        NEXT_ALT();
    }
    expr_ty a = disjunction_rule(p);
    if (a) {
        int m = p->mark;
        expr_ty b, c;
        if (EXPECT(KW_IF) && (b = disjunction_rule(p)) && EXPECT(KW_ELSE) &&
            (c = _RpParser_expression(p))) {
            res = _PyAST_IfExp(b, a, c, EXTRA);
            MEMO_END(M_expression, res);
        }
        ERRCHK();
        p->mark = m;
        MEMO_END(M_expression, a);
    }
    NEXT_ALT();
    res = _RpParser_lambdef(p);
    if (res == NULL)
        NEXT_ALT();
    MEMO_END(M_expression, res);
}

/* expression_without_invalid: the same, with the invalid_ rules off. */
static expr_ty
expression_without_invalid_rule(Parser *p)
{
    int saved = p->call_invalid_rules;
    p->call_invalid_rules = 0;
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty res = NULL;
    expr_ty a = disjunction_rule(p), b, c;
    if (a) {
        int m = p->mark;
        if (EXPECT(KW_IF) && (b = disjunction_rule(p)) && EXPECT(KW_ELSE) &&
            (c = _RpParser_expression(p))) {
            res = _PyAST_IfExp(b, a, c, EXTRA);
            goto done;
        }
        p->mark = m;
        if (p->error_indicator)
            goto done;
        res = a;
        goto done;
    }
    p->mark = _mark;
    if (p->error_indicator)
        goto done;
    res = _RpParser_lambdef(p);
    if (res == NULL)
        p->mark = _mark;
  done:
    p->call_invalid_rules = saved;
    RETURN(res);
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
expr_ty
_RpParser_yield_expr(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a;
    if (EXPECT(KW_YIELD) && EXPECT(KW_FROM) && (a = _RpParser_expression(p)))
        RETURN(_PyAST_YieldFrom(a, EXTRA));
    NEXT_ALT();
    if (EXPECT(KW_YIELD)) {
        a = _RpParser_star_expressions(p);
        ERRCHK();
        RETURN(_PyAST_Yield(a, EXTRA));
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* star_expressions: star_expression (',' star_expression)* [','] */
expr_ty
_RpParser_star_expressions(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a = _RpParser_star_expression(p);
    if (a == NULL) {
        NEXT_ALT();
        RETURN(NULL);
    }
    Vec v = VEC_INIT;
    for (;;) {
        int m = p->mark;
        if (!EXPECT(T_COMMA))
            break;
        expr_ty c = _RpParser_star_expression(p);
        ERRCHK();
        if (c == NULL) {
            p->mark = m;
            break;
        }
        if (v.n == 0 && _RpParser_vec_push(p, &v, a) < 0)
            RETURN(NULL);
        if (_RpParser_vec_push(p, &v, c) < 0)
            RETURN(NULL);
    }
    if (v.n) {
        EXPECT(T_COMMA);
        RETURN(_PyAST_Tuple(_RpParser_vec_seq(p, &v), Load, EXTRA));
    }
    if (EXPECT(T_COMMA))
        RETURN(_PyAST_Tuple(_RpParser_singleton_seq(p, a), Load, EXTRA));
    RETURN(a);
}

/* star_expression (memo): '*' bitwise_or | expression */
expr_ty
_RpParser_star_expression(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_star_expression);
    START();
    expr_ty a, res;
    if (EXPECT(T_STAR) && (a = _RpParser_bitwise_or(p))) {
        res = _PyAST_Starred(a, Load, EXTRA);
        MEMO_END(M_star_expression, res);
    }
    NEXT_ALT();
    res = _RpParser_expression(p);
    if (res == NULL)
        NEXT_ALT();
    MEMO_END(M_star_expression, res);
}

/* star_named_expressions: ','.star_named_expression+ [','] */
asdl_expr_seq *
_RpParser_star_named_expressions(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Vec v = VEC_INIT;
    expr_ty e = _RpParser_star_named_expression(p);
    if (e == NULL) {
        NEXT_ALT();
        RETURN(NULL);
    }
    if (_RpParser_vec_push(p, &v, e) < 0)
        RETURN(NULL);
    for (;;) {
        int m = p->mark;
        if (!EXPECT(T_COMMA))
            break;
        e = _RpParser_star_named_expression(p);
        ERRCHK();
        if (e == NULL) {
            p->mark = m;
            break;
        }
        if (_RpParser_vec_push(p, &v, e) < 0)
            RETURN(NULL);
    }
    EXPECT(T_COMMA);
    RETURN((asdl_expr_seq *)_RpParser_vec_seq(p, &v));
}

/* star_named_expression: '*' bitwise_or | named_expression */
expr_ty
_RpParser_star_named_expression(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a;
    if (EXPECT(T_STAR) && (a = _RpParser_bitwise_or(p)))
        RETURN(_PyAST_Starred(a, Load, EXTRA));
    NEXT_ALT();
    a = _RpParser_named_expression(p);
    if (a == NULL)
        NEXT_ALT();
    RETURN(a);
}

/* assignment_expression: NAME ':=' ~ expression */
static expr_ty
assignment_expression_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a, b;
    if ((a = _RpParser_name_token(p)) && EXPECT(T_COLONEQUAL)) {
        /* cut: no other alternative once ':=' is seen */
        if ((b = _RpParser_expression(p)))
            RETURN(_PyAST_NamedExpr(_RpParser_set_expr_context(p, a, Store), b, EXTRA));
        p->mark = _mark;
        RETURN(NULL);
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* named_expression: assignment_expression | invalid_named_expression
                   | expression !':=' */
expr_ty
_RpParser_named_expression(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty a = assignment_expression_rule(p);
    if (a)
        RETURN(a);
    NEXT_ALT();
    if (p->call_invalid_rules) {
        invalid_named_expression_rule(p);
        NEXT_ALT();
    }
    a = _RpParser_expression(p);
    if (a && !CHECK_TOK(T_COLONEQUAL))
        RETURN(a);
    NEXT_ALT();
    RETURN(NULL);
}

/* disjunction (memo): conjunction ('or' conjunction)+ | conjunction */
static expr_ty
disjunction_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_disjunction);
    START();
    expr_ty a = conjunction_rule(p), res;
    if (a == NULL) {
        NEXT_ALT();
        MEMO_END(M_disjunction, NULL);
    }
    Vec v = VEC_INIT;
    for (;;) {
        int m = p->mark;
        expr_ty c;
        if (!EXPECT(KW_OR) || !(c = conjunction_rule(p))) {
            p->mark = m;
            ERRCHK();
            break;
        }
        if ((v.n == 0 && _RpParser_vec_push(p, &v, a) < 0) || _RpParser_vec_push(p, &v, c) < 0)
            RETURN(NULL);
    }
    res = v.n ? _PyAST_BoolOp(Or, _RpParser_vec_seq(p, &v), EXTRA) : a;
    MEMO_END(M_disjunction, res);
}

expr_ty
_RpParser_disjunction(Parser *p)
{
    return disjunction_rule(p);
}

/* conjunction (memo): inversion ('and' inversion)+ | inversion */
static expr_ty
conjunction_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_conjunction);
    START();
    expr_ty a = inversion_rule(p), res;
    if (a == NULL) {
        NEXT_ALT();
        MEMO_END(M_conjunction, NULL);
    }
    Vec v = VEC_INIT;
    for (;;) {
        int m = p->mark;
        expr_ty c;
        if (!EXPECT(KW_AND) || !(c = inversion_rule(p))) {
            p->mark = m;
            ERRCHK();
            break;
        }
        if ((v.n == 0 && _RpParser_vec_push(p, &v, a) < 0) || _RpParser_vec_push(p, &v, c) < 0)
            RETURN(NULL);
    }
    res = v.n ? _PyAST_BoolOp(And, _RpParser_vec_seq(p, &v), EXTRA) : a;
    MEMO_END(M_conjunction, res);
}

/* inversion (memo): 'not' inversion | comparison */
static expr_ty
inversion_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_inversion);
    START();
    expr_ty a, res;
    if (EXPECT(KW_NOT) && (a = inversion_rule(p))) {
        res = _PyAST_UnaryOp(Not, a, EXTRA);
        MEMO_END(M_inversion, res);
    }
    NEXT_ALT();
    res = comparison_rule(p);
    if (res == NULL)
        NEXT_ALT();
    MEMO_END(M_inversion, res);
}

/* comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or */
static expr_ty
comparison_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a = _RpParser_bitwise_or(p);
    if (a == NULL) {
        NEXT_ALT();
        RETURN(NULL);
    }
    Vec v = VEC_INIT;
    for (;;) {
        int m = p->mark;
        Token *t = _RpParser_tok(p, p->mark);
        cmpop_ty op;
        switch (t->type) {
        case T_EQEQUAL: op = Eq; p->mark++; break;
        case T_NOTEQUAL:
            /* '<>' only with barry_as_FLUFL */
            if (t->end - t->start == 2 && t->start[0] == '<')
                goto stop;
            op = NotEq; p->mark++; break;
        case T_LESSEQUAL: op = LtE; p->mark++; break;
        case T_LESS: op = Lt; p->mark++; break;
        case T_GREATEREQUAL: op = GtE; p->mark++; break;
        case T_GREATER: op = Gt; p->mark++; break;
        case KW_NOT:
            p->mark++;
            if (!EXPECT(KW_IN))
                goto stop;
            op = NotIn;
            break;
        case KW_IN: op = In; p->mark++; break;
        case KW_IS:
            p->mark++;
            op = EXPECT(KW_NOT) ? IsNot : Is;
            break;
        default:
            goto stop;
        }
        {
            expr_ty b = _RpParser_bitwise_or(p);
            if (b == NULL)
                goto stop;
            CmpopExprPair *pair = _RpParser_cmpop_expr_pair(p, op, b);
            if (pair == NULL || _RpParser_vec_push(p, &v, pair) < 0)
                RETURN(NULL);
            continue;
        }
      stop:
        p->mark = m;
        ERRCHK();
        break;
    }
    if (v.n == 0)
        RETURN(a);
    asdl_seq *pairs = _RpParser_vec_seq(p, &v);
    if (pairs == NULL)
        RETURN(NULL);
    RETURN(_PyAST_Compare(a, _RpParser_get_cmpops(p, pairs), _RpParser_get_exprs(p, pairs), EXTRA));
}

/* Left-recursive binary operator rules, as loops. */
#define BINOP_RULE(NAME, MEMO, SUB, CASES) \
static expr_ty \
NAME(Parser *p) \
{ \
    ENTER(); \
    int _mark = p->mark; \
    MEMO_BEGIN(MEMO); \
    START(); \
    expr_ty a = SUB(p); \
    if (a == NULL) { \
        NEXT_ALT(); \
        MEMO_END(MEMO, NULL); \
    } \
    for (;;) { \
        int m = p->mark; \
        operator_ty op; \
        switch (_RpParser_tok(p, p->mark)->type) { \
        CASES \
        default: goto done; \
        } \
        p->mark++; \
        expr_ty b = SUB(p); \
        if (b == NULL) { \
            p->mark = m; \
            ERRCHK(); \
            break; \
        } \
        a = _PyAST_BinOp(a, op, b, EXTRA); \
        if (a == NULL) \
            RETURN(NULL); \
    } \
  done: \
    MEMO_END(MEMO, a); \
}

BINOP_RULE(bitwise_or_rule, M_bitwise_or, bitwise_xor_rule, case T_VBAR: op = BitOr; break;)
BINOP_RULE(bitwise_xor_rule, M_bitwise_xor, bitwise_and_rule, case T_CIRCUMFLEX: op = BitXor; break;)
BINOP_RULE(bitwise_and_rule, M_bitwise_and, shift_expr_rule, case T_AMPER: op = BitAnd; break;)
BINOP_RULE(shift_expr_rule, M_shift_expr, sum_rule,
           case T_LEFTSHIFT: op = LShift; break; case T_RIGHTSHIFT: op = RShift; break;)
BINOP_RULE(sum_rule, M_sum, term_rule, case T_PLUS: op = Add; break; case T_MINUS: op = Sub; break;)
BINOP_RULE(term_rule, M_term, factor_rule,
           case T_STAR: op = Mult; break; case T_SLASH: op = Div; break;
           case T_DOUBLESLASH: op = FloorDiv; break; case T_PERCENT: op = Mod; break;
           case T_AT: op = MatMult; break;)

expr_ty
_RpParser_bitwise_or(Parser *p)
{
    return bitwise_or_rule(p);
}

/* factor (memo): '+' factor | '-' factor | '~' factor | power */
static expr_ty
factor_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_factor);
    START();
    expr_ty a, res = NULL;
    int t = PEEK_TYPE();
    if (t == T_PLUS || t == T_MINUS || t == T_TILDE) {
        p->mark++;
        if ((a = factor_rule(p))) {
            res = _PyAST_UnaryOp(t == T_PLUS ? UAdd : t == T_MINUS ? USub : Invert, a, EXTRA);
            MEMO_END(M_factor, res);
        }
        NEXT_ALT();
    }
    res = power_rule(p);
    if (res == NULL)
        NEXT_ALT();
    MEMO_END(M_factor, res);
}

/* power: await_primary '**' factor | await_primary */
static expr_ty
power_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a = await_primary_rule(p), b;
    if (a == NULL) {
        NEXT_ALT();
        RETURN(NULL);
    }
    int m = p->mark;
    if (EXPECT(T_DOUBLESTAR) && (b = factor_rule(p)))
        RETURN(_PyAST_BinOp(a, Pow, b, EXTRA));
    ERRCHK();
    p->mark = m;
    RETURN(a);
}

/* await_primary (memo): AWAIT primary | primary */
static expr_ty
await_primary_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_await_primary);
    START();
    expr_ty a, res;
    if (EXPECT(KW_AWAIT) && (a = primary_rule(p))) {
        res = _PyAST_Await(a, EXTRA);
        MEMO_END(M_await_primary, res);
    }
    NEXT_ALT();
    res = primary_rule(p);
    if (res == NULL)
        NEXT_ALT();
    MEMO_END(M_await_primary, res);
}

/* primary (left-recursive):
       primary '.' NAME | primary genexp | primary '(' [arguments] ')'
     | primary '[' slices ']' | atom */
static expr_ty
primary_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_primary);
    START();
    expr_ty a = atom_rule(p);
    if (a == NULL) {
        NEXT_ALT();
        MEMO_END(M_primary, NULL);
    }
    for (;;) {
        int m = p->mark;
        int t = PEEK_TYPE();
        expr_ty b;
        if (p->call_invalid_rules && (t == T_LSQB || t == T_LBRACE)) {
            /* primary genexp: genexp's invalid_comprehension also looks at
               '[' and '{' */
            _RpParser_genexp(p);
            p->mark = m;
            ERRCHK();
        }
        if (t == T_DOT) {
            p->mark++;
            if ((b = _RpParser_name_token(p))) {
                a = _PyAST_Attribute(a, b->v.Name.id, Load, EXTRA);
                if (a == NULL)
                    RETURN(NULL);
                continue;
            }
        }
        else if (t == T_LPAR) {
            if ((b = _RpParser_genexp(p))) {
                a = _PyAST_Call(a, _RpParser_singleton_seq(p, b), NULL, EXTRA);
                if (a == NULL)
                    RETURN(NULL);
                continue;
            }
            p->mark = m;
            ERRCHK();
            p->mark++;
            b = _RpParser_arguments(p);
            ERRCHK();
            if (EXPECT(T_RPAR)) {
                a = _PyAST_Call(a, b ? b->v.Call.args : NULL, b ? b->v.Call.keywords : NULL, EXTRA);
                if (a == NULL)
                    RETURN(NULL);
                continue;
            }
        }
        else if (t == T_LSQB) {
            p->mark++;
            if ((b = slices_rule(p)) && EXPECT(T_RSQB)) {
                a = _PyAST_Subscript(a, b, Load, EXTRA);
                if (a == NULL)
                    RETURN(NULL);
                continue;
            }
        }
        p->mark = m;
        ERRCHK();
        break;
    }
    MEMO_END(M_primary, a);
}

/* slices: slice !',' | ','.(slice | starred_expression)+ [','] */
static expr_ty
slices_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a = slice_rule(p);
    if (a && !CHECK_TOK(T_COMMA))
        RETURN(a);
    NEXT_ALT();
    Vec v = VEC_INIT;
    for (;;) {
        int m = p->mark;
        if (v.n && !EXPECT(T_COMMA))
            break;
        expr_ty e = slice_rule(p);
        if (e == NULL) {
            ERRCHK();
            e = starred_expression_rule(p);
        }
        ERRCHK();
        if (e == NULL) {
            p->mark = m;
            break;
        }
        if (_RpParser_vec_push(p, &v, e) < 0)
            RETURN(NULL);
    }
    if (v.n == 0) {
        NEXT_ALT();
        RETURN(NULL);
    }
    EXPECT(T_COMMA);
    RETURN(_PyAST_Tuple(_RpParser_vec_seq(p, &v), Load, EXTRA));
}

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static expr_ty
slice_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a = _RpParser_expression(p), b = NULL, c = NULL;
    ERRCHK();
    if (EXPECT(T_COLON)) {
        b = _RpParser_expression(p);
        ERRCHK();
        int m = p->mark;
        if (EXPECT(T_COLON)) {
            c = _RpParser_expression(p);
            ERRCHK();
        }
        else {
            p->mark = m;
        }
        RETURN(_PyAST_Slice(a, b, c, EXTRA));
    }
    NEXT_ALT();
    a = _RpParser_named_expression(p);
    if (a == NULL)
        NEXT_ALT();
    RETURN(a);
}

/* atom */
static expr_ty
atom_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    Token *t = _RpParser_tok(p, p->mark);
    expr_ty res = NULL;
    switch (t->type) {
    case T_NAME:
        RETURN(_RpParser_name_token(p));
    case KW_TRUE:
        p->mark++;
        RETURN(_PyAST_Constant(Py_True, NULL, EXTRA));
    case KW_FALSE:
        p->mark++;
        RETURN(_PyAST_Constant(Py_False, NULL, EXTRA));
    case KW_NONE:
        p->mark++;
        RETURN(_PyAST_Constant(Py_None, NULL, EXTRA));
    case T_STRING:
    case T_FSTRING_START:
        res = _RpParser_strings(p);
        break;
    case T_NUMBER:
        RETURN(_RpParser_number_token(p));
    case T_LPAR:
        res = _RpParser_tuple(p);
        if (res)
            break;
        NEXT_ALT();
        res = group_rule(p);
        if (res)
            break;
        NEXT_ALT();
        res = _RpParser_genexp(p);
        break;
    case T_LSQB:
        res = _RpParser_list(p);
        if (res)
            break;
        NEXT_ALT();
        res = listcomp_rule(p);
        break;
    case T_LBRACE:
        res = dict_rule(p);
        if (res)
            break;
        NEXT_ALT();
        res = set_rule(p);
        if (res)
            break;
        NEXT_ALT();
        res = dictcomp_rule(p);
        if (res)
            break;
        NEXT_ALT();
        res = setcomp_rule(p);
        break;
    case T_ELLIPSIS:
        p->mark++;
        RETURN(_PyAST_Constant(Py_Ellipsis, NULL, EXTRA));
    default:
        break;
    }
    if (res == NULL)
        NEXT_ALT();
    RETURN(res);
}

/* group: '(' (yield_expr | named_expression) ')' | invalid_group */
static expr_ty
group_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty a;
    if (EXPECT(T_LPAR)) {
        a = _RpParser_yield_expr(p);
        ERRCHK();
        if (a == NULL)
            a = _RpParser_named_expression(p);
        if (a && EXPECT(T_RPAR))
            RETURN(a);
    }
    NEXT_ALT();
    if (p->call_invalid_rules) {
        invalid_group_rule(p);
        NEXT_ALT();
    }
    RETURN(NULL);
}

/* lambdef: 'lambda' [lambda_params] ':' expression */
expr_ty
_RpParser_lambdef(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    if (EXPECT(KW_LAMBDA)) {
        arguments_ty a = lambda_params_rule(p);
        ERRCHK();
        expr_ty b;
        if (EXPECT(T_COLON) && (b = _RpParser_expression(p))) {
            if (a == NULL && (a = _RpParser_empty_arguments(p)) == NULL)
                RETURN(NULL);
            RETURN(_PyAST_Lambda(a, b, EXTRA));
        }
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* ----------------------------------------------------- lambda parameters */

static arg_ty
lambda_param_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a = _RpParser_name_token(p);
    if (a == NULL) {
        NEXT_ALT();
        RETURN(NULL);
    }
    RETURN(_PyAST_arg(a->v.Name.id, NULL, NULL, EXTRA));
}

/* lambda_param_no_default: lambda_param ',' | lambda_param &':' */
static arg_ty
lambda_param_no_default_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    arg_ty a = lambda_param_rule(p);
    if (a && (EXPECT(T_COMMA) || CHECK_TOK(T_COLON)))
        RETURN(a);
    NEXT_ALT();
    RETURN(NULL);
}

/* lambda_param_with_default: lambda_param default ',' | lambda_param default &':' */
static NameDefaultPair *
lambda_param_with_default_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    arg_ty a;
    expr_ty c;
    if ((a = lambda_param_rule(p)) && (c = _RpParser_default(p)) &&
        (EXPECT(T_COMMA) || CHECK_TOK(T_COLON)))
        RETURN(_RpParser_name_default_pair(p, a, c));
    NEXT_ALT();
    RETURN(NULL);
}

/* lambda_param_maybe_default: lambda_param default? (',' | &':') */
static NameDefaultPair *
lambda_param_maybe_default_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    arg_ty a;
    if ((a = lambda_param_rule(p))) {
        expr_ty c = _RpParser_default(p);
        ERRCHK();
        if (EXPECT(T_COMMA) || CHECK_TOK(T_COLON))
            RETURN(_RpParser_name_default_pair(p, a, c));
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* Helpers for X* / X+ loops over the parameter rules. */
static asdl_seq *
loop_no_default(Parser *p, int at_least_one)
{
    Vec v = VEC_INIT;
    arg_ty a;
    while ((a = lambda_param_no_default_rule(p)))
        if (_RpParser_vec_push(p, &v, a) < 0)
            return NULL;
    if (p->error_indicator || (at_least_one && v.n == 0))
        return NULL;
    return _RpParser_vec_seq(p, &v);
}

static asdl_seq *
loop_with_default(Parser *p, int at_least_one)
{
    Vec v = VEC_INIT;
    NameDefaultPair *a;
    while ((a = lambda_param_with_default_rule(p)))
        if (_RpParser_vec_push(p, &v, a) < 0)
            return NULL;
    if (p->error_indicator || (at_least_one && v.n == 0))
        return NULL;
    return _RpParser_vec_seq(p, &v);
}

static asdl_seq *
loop_maybe_default(Parser *p, int at_least_one)
{
    Vec v = VEC_INIT;
    NameDefaultPair *a;
    while ((a = lambda_param_maybe_default_rule(p)))
        if (_RpParser_vec_push(p, &v, a) < 0)
            return NULL;
    if (p->error_indicator || (at_least_one && v.n == 0))
        return NULL;
    return _RpParser_vec_seq(p, &v);
}

/* lambda_slash_no_default: lambda_param_no_default+ '/' (',' | &':') */
static asdl_arg_seq *
lambda_slash_no_default_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    asdl_seq *a = loop_no_default(p, 1);
    if (a && EXPECT(T_SLASH) && (EXPECT(T_COMMA) || CHECK_TOK(T_COLON)))
        RETURN((asdl_arg_seq *)a);
    NEXT_ALT();
    RETURN(NULL);
}

/* lambda_slash_with_default: lambda_param_no_default* lambda_param_with_default+ '/' (',' | &':') */
static SlashWithDefault *
lambda_slash_with_default_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    asdl_seq *a, *b;
    if ((a = loop_no_default(p, 0)) && (b = loop_with_default(p, 1)) && EXPECT(T_SLASH) &&
        (EXPECT(T_COMMA) || CHECK_TOK(T_COLON)))
        RETURN(_RpParser_slash_with_default(p, (asdl_arg_seq *)a, b));
    NEXT_ALT();
    RETURN(NULL);
}

/* lambda_kwds: invalid_lambda_kwds | '**' lambda_param_no_default */
static arg_ty
lambda_kwds_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    if (p->call_invalid_rules) {
        invalid_lambda_kwds_rule(p);
        NEXT_ALT();
    }
    arg_ty a;
    if (EXPECT(T_DOUBLESTAR) && (a = lambda_param_no_default_rule(p)))
        RETURN(a);
    NEXT_ALT();
    RETURN(NULL);
}

/* lambda_star_etc:
       invalid_lambda_star_etc
     | '*' lambda_param_no_default lambda_param_maybe_default* [lambda_kwds]
     | '*' ',' lambda_param_maybe_default+ [lambda_kwds]
     | lambda_kwds */
static StarEtc *
lambda_star_etc_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    if (p->call_invalid_rules) {
        invalid_lambda_star_etc_rule(p);
        NEXT_ALT();
    }
    arg_ty a, c;
    asdl_seq *b;
    if (EXPECT(T_STAR) && (a = lambda_param_no_default_rule(p)) && (b = loop_maybe_default(p, 0))) {
        c = lambda_kwds_rule(p);
        ERRCHK();
        RETURN(_RpParser_star_etc(p, a, b, c));
    }
    NEXT_ALT();
    if (EXPECT(T_STAR) && EXPECT(T_COMMA) && (b = loop_maybe_default(p, 1))) {
        c = lambda_kwds_rule(p);
        ERRCHK();
        RETURN(_RpParser_star_etc(p, NULL, b, c));
    }
    NEXT_ALT();
    if ((a = lambda_kwds_rule(p)))
        RETURN(_RpParser_star_etc(p, NULL, NULL, a));
    NEXT_ALT();
    RETURN(NULL);
}

/* lambda_parameters (five shapes, as the def parameters) */
static arguments_ty
lambda_parameters_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    asdl_seq *a, *b, *c;
    SlashWithDefault *sw;
    StarEtc *d;
    if ((a = (asdl_seq *)lambda_slash_no_default_rule(p)) && (b = loop_no_default(p, 0)) &&
        (c = loop_with_default(p, 0))) {
        d = lambda_star_etc_rule(p);
        ERRCHK();
        RETURN(_RpParser_make_arguments(p, (asdl_arg_seq *)a, NULL, (asdl_arg_seq *)b, c, d));
    }
    NEXT_ALT();
    if ((sw = lambda_slash_with_default_rule(p)) && (b = loop_with_default(p, 0))) {
        d = lambda_star_etc_rule(p);
        ERRCHK();
        RETURN(_RpParser_make_arguments(p, NULL, sw, NULL, b, d));
    }
    NEXT_ALT();
    if ((a = loop_no_default(p, 1)) && (b = loop_with_default(p, 0))) {
        d = lambda_star_etc_rule(p);
        ERRCHK();
        RETURN(_RpParser_make_arguments(p, NULL, NULL, (asdl_arg_seq *)a, b, d));
    }
    NEXT_ALT();
    if ((a = loop_with_default(p, 1))) {
        d = lambda_star_etc_rule(p);
        ERRCHK();
        RETURN(_RpParser_make_arguments(p, NULL, NULL, NULL, a, d));
    }
    NEXT_ALT();
    if ((d = lambda_star_etc_rule(p)))
        RETURN(_RpParser_make_arguments(p, NULL, NULL, NULL, NULL, d));
    NEXT_ALT();
    RETURN(NULL);
}

/* lambda_params: invalid_lambda_parameters | lambda_parameters */
static arguments_ty
lambda_params_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    if (p->call_invalid_rules) {
        invalid_lambda_parameters_rule(p);
        NEXT_ALT();
    }
    arguments_ty a = lambda_parameters_rule(p);
    if (a == NULL)
        NEXT_ALT();
    RETURN(a);
}

/* invalid_lambda_parameters */
static void *
invalid_lambda_parameters_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Token *a, *b;
    /* "/" ',' */
    if ((a = EXPECT(T_SLASH)) && EXPECT(T_COMMA))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "at least one argument must precede /"));
    NEXT_ALT();
    /* (lambda_slash_no_default | lambda_slash_with_default) lambda_param_maybe_default* '/' */
    {
        void *s = lambda_slash_no_default_rule(p);
        if (s == NULL) {
            NEXT_ALT();
            s = lambda_slash_with_default_rule(p);
        }
        if (s && loop_maybe_default(p, 0) && (a = EXPECT(T_SLASH)))
            RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "/ may appear only once"));
        NEXT_ALT();
    }
    /* lambda_slash_no_default? lambda_param_no_default* invalid_lambda_parameters_helper
       lambda_param_no_default */
    {
        lambda_slash_no_default_rule(p);
        ERRCHK();
        arg_ty x;
        if (loop_no_default(p, 0)) {
            int ok = lambda_slash_with_default_rule(p) != NULL;
            if (!ok) {
                ERRCHK();
                ok = loop_with_default(p, 1) != NULL;
            }
            if (ok && (x = lambda_param_no_default_rule(p)))
                RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
                    x, "parameter without a default follows parameter with a default"));
        }
        NEXT_ALT();
    }
    /* lambda_param_no_default* '(' ','.lambda_param+ ','? ')' */
    if (loop_no_default(p, 0) && (a = EXPECT(T_LPAR)) && lambda_param_rule(p)) {
        for (;;) {
            int m = p->mark;
            if (!EXPECT(T_COMMA) || !lambda_param_rule(p)) {
                p->mark = m;
                break;
            }
        }
        ERRCHK();
        EXPECT(T_COMMA);
        if ((b = EXPECT(T_RPAR)))
            RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(
                a, b, "Lambda expression parameters cannot be parenthesized"));
    }
    NEXT_ALT();
    /* (lambda_slash_no_default | lambda_slash_with_default)? lambda_param_maybe_default* '*'
       (',' | lambda_param_no_default) lambda_param_maybe_default* '/' */
    {
        if (!lambda_slash_no_default_rule(p)) {
            ERRCHK();
            p->mark = _mark;
            if (!lambda_slash_with_default_rule(p)) {
                ERRCHK();
                p->mark = _mark;
            }
        }
        if (loop_maybe_default(p, 0) && EXPECT(T_STAR) &&
            (EXPECT(T_COMMA) || lambda_param_no_default_rule(p)) && loop_maybe_default(p, 0) &&
            (a = EXPECT(T_SLASH)))
            RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "/ must be ahead of *"));
        NEXT_ALT();
    }
    /* lambda_param_maybe_default+ '/' '*' */
    if (loop_maybe_default(p, 1) && EXPECT(T_SLASH) && (a = EXPECT(T_STAR)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "expected comma between / and *"));
    NEXT_ALT();
    RETURN(NULL);
}

/* invalid_lambda_star_etc */
static void *
invalid_lambda_star_etc_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Token *a;
    /* '*' (':' | ',' (':' | '**')) */
    if (EXPECT(T_STAR)) {
        if (EXPECT(T_COLON) ||
            (EXPECT(T_COMMA) && (EXPECT(T_COLON) || EXPECT(T_DOUBLESTAR))))
            RETURN(RAISE_SYNTAX_ERROR("named arguments must follow bare *"));
    }
    NEXT_ALT();
    /* '*' lambda_param '=' */
    if (EXPECT(T_STAR) && lambda_param_rule(p) && (a = EXPECT(T_EQUAL)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
            a, "var-positional argument cannot have default value"));
    NEXT_ALT();
    /* '*' (lambda_param_no_default | ',') lambda_param_maybe_default* '*'
       (lambda_param_no_default | ',') */
    if (EXPECT(T_STAR) && (lambda_param_no_default_rule(p) || EXPECT(T_COMMA)) &&
        loop_maybe_default(p, 0) && (a = EXPECT(T_STAR)) &&
        (lambda_param_no_default_rule(p) || EXPECT(T_COMMA)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "* argument may appear only once"));
    NEXT_ALT();
    RETURN(NULL);
}

/* invalid_lambda_kwds */
static void *
invalid_lambda_kwds_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Token *a;
    arg_ty x;
    if (EXPECT(T_DOUBLESTAR) && lambda_param_rule(p) && (a = EXPECT(T_EQUAL)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
            a, "var-keyword argument cannot have default value"));
    NEXT_ALT();
    if (EXPECT(T_DOUBLESTAR) && lambda_param_rule(p) && EXPECT(T_COMMA) &&
        (x = lambda_param_rule(p)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
            x, "arguments cannot follow var-keyword argument"));
    NEXT_ALT();
    if (EXPECT(T_DOUBLESTAR) && lambda_param_rule(p) && EXPECT(T_COMMA) &&
        ((a = EXPECT(T_STAR)) || (a = EXPECT(T_DOUBLESTAR)) || (a = EXPECT(T_SLASH))))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
            a, "arguments cannot follow var-keyword argument"));
    NEXT_ALT();
    RETURN(NULL);
}

/* default: '=' expression  (used by def parameters too) */
expr_ty
_RpParser_default(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty a;
    if (EXPECT(T_EQUAL) && (a = _RpParser_expression(p)))
        RETURN(a);
    NEXT_ALT();
    if (p->call_invalid_rules) {
        /* invalid_default: '=' &(')'|',') */
        Token *t;
        if ((t = EXPECT(T_EQUAL)) && (CHECK_TOK(T_RPAR) || CHECK_TOK(T_COMMA)))
            RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(t, "expected default value expression"));
        NEXT_ALT();
    }
    RETURN(NULL);
}

/* ------------------------------------------------------------- literals */

/* fstring_conversion: "!" NAME */
static ResultTokenWithMetadata *
fstring_conversion_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Token *t;
    expr_ty conv;
    if ((t = EXPECT(T_EXCLAMATION)) && (conv = _RpParser_name_token(p)))
        RETURN(_RpParser_check_fstring_conversion(p, t, conv));
    NEXT_ALT();
    RETURN(NULL);
}

/* fstring_format_spec: FSTRING_MIDDLE | fstring_replacement_field */
static expr_ty
fstring_format_spec_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Token *t;
    if ((t = EXPECT(T_FSTRING_MIDDLE)))
        RETURN(_RpParser_decoded_constant_from_token(p, t));
    NEXT_ALT();
    expr_ty a = fstring_replacement_field_rule(p);
    if (a == NULL)
        NEXT_ALT();
    RETURN(a);
}

/* fstring_full_format_spec: ':' fstring_format_spec* */
static ResultTokenWithMetadata *
fstring_full_format_spec_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    Token *colon;
    if ((colon = EXPECT(T_COLON))) {
        Vec v = VEC_INIT;
        expr_ty e;
        while ((e = fstring_format_spec_rule(p)))
            if (_RpParser_vec_push(p, &v, e) < 0)
                RETURN(NULL);
        ERRCHK();
        asdl_seq *spec = _RpParser_vec_seq(p, &v);
        if (spec == NULL)
            RETURN(NULL);
        RETURN(_RpParser_setup_full_format_spec(p, colon, (asdl_expr_seq *)spec, EXTRA));
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* fstring_replacement_field:
       '{' (yield_expr | star_expressions) '='? [fstring_conversion]
           [fstring_full_format_spec] '}'
     | invalid_replacement_field */
static expr_ty
fstring_replacement_field_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a;
    if (EXPECT(T_LBRACE)) {
        a = _RpParser_yield_expr(p);
        ERRCHK();
        if (a == NULL)
            a = _RpParser_star_expressions(p);
        ERRCHK();
        if (a) {
            Token *debug = EXPECT(T_EQUAL);
            ResultTokenWithMetadata *conv = fstring_conversion_rule(p);
            ERRCHK();
            ResultTokenWithMetadata *spec = fstring_full_format_spec_rule(p);
            ERRCHK();
            Token *rbrace;
            if ((rbrace = EXPECT(T_RBRACE)))
                RETURN(_RpParser_formatted_value(p, a, debug, conv, spec, rbrace, EXTRA));
        }
    }
    NEXT_ALT();
    if (p->call_invalid_rules) {
        invalid_replacement_field_rule(p);
        NEXT_ALT();
    }
    RETURN(NULL);
}

/* fstring: FSTRING_START fstring_middle* FSTRING_END */
static expr_ty
fstring_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Token *a, *c;
    if ((a = EXPECT(T_FSTRING_START))) {
        Vec v = VEC_INIT;
        for (;;) {
            expr_ty e = fstring_replacement_field_rule(p);
            ERRCHK();
            if (e == NULL) {
                Token *t = EXPECT(T_FSTRING_MIDDLE);
                if (t == NULL)
                    break;
                e = _RpParser_constant_from_token(p, t);
                if (e == NULL)
                    RETURN(NULL);
            }
            if (_RpParser_vec_push(p, &v, e) < 0)
                RETURN(NULL);
        }
        if ((c = EXPECT(T_FSTRING_END))) {
            asdl_seq *b = _RpParser_vec_seq(p, &v);
            if (b == NULL)
                RETURN(NULL);
            RETURN(_RpParser_joined_str(p, a, (asdl_expr_seq *)b, c));
        }
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* strings (memo): (fstring|string)+ */
expr_ty
_RpParser_strings(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_strings);
    START();
    Vec v = VEC_INIT;
    for (;;) {
        expr_ty e = fstring_rule(p);
        ERRCHK();
        if (e == NULL) {
            Token *t = EXPECT(T_STRING);
            if (t == NULL)
                break;
            e = _RpParser_constant_from_string(p, t);
            if (e == NULL)
                RETURN(NULL);
        }
        if (_RpParser_vec_push(p, &v, e) < 0)
            RETURN(NULL);
    }
    expr_ty res = NULL;
    if (v.n) {
        asdl_seq *a = _RpParser_vec_seq(p, &v);
        if (a == NULL)
            RETURN(NULL);
        res = _RpParser_concatenate_strings(p, (asdl_expr_seq *)a, EXTRA);
        if (res == NULL)
            RETURN(NULL);
    }
    else {
        NEXT_ALT();
    }
    MEMO_END(M_strings, res);
}

/* list: '[' [star_named_expressions] ']' */
expr_ty
_RpParser_list(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    if (EXPECT(T_LSQB)) {
        asdl_expr_seq *a = _RpParser_star_named_expressions(p);
        ERRCHK();
        if (EXPECT(T_RSQB))
            RETURN(_PyAST_List(a, Load, EXTRA));
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* tuple: '(' [star_named_expression ',' [star_named_expressions]] ')' */
expr_ty
_RpParser_tuple(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    if (EXPECT(T_LPAR)) {
        asdl_seq *a = NULL;
        int m = p->mark;
        expr_ty y = _RpParser_star_named_expression(p);
        ERRCHK();
        if (y && EXPECT(T_COMMA)) {
            asdl_expr_seq *z = _RpParser_star_named_expressions(p);
            ERRCHK();
            a = _RpParser_seq_insert_in_front(p, y, z);
            if (a == NULL)
                RETURN(NULL);
        }
        else {
            p->mark = m;
        }
        if (EXPECT(T_RPAR))
            RETURN(_PyAST_Tuple(a, Load, EXTRA));
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* set: '{' star_named_expressions '}' */
static expr_ty
set_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    asdl_expr_seq *a;
    if (EXPECT(T_LBRACE) && (a = _RpParser_star_named_expressions(p)) && EXPECT(T_RBRACE))
        RETURN(_PyAST_Set(a, EXTRA));
    NEXT_ALT();
    RETURN(NULL);
}

/* dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}' */
static expr_ty
dict_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    if (EXPECT(T_LBRACE)) {
        asdl_seq *a = double_starred_kvpairs_rule(p);
        ERRCHK();
        if (EXPECT(T_RBRACE))
            RETURN(_PyAST_Dict(_RpParser_get_keys(p, a), _RpParser_get_values(p, a), EXTRA));
    }
    NEXT_ALT();
    if (p->call_invalid_rules) {
        if (EXPECT(T_LBRACE) && invalid_double_starred_kvpairs_rule(p) && EXPECT(T_RBRACE))
            RETURN(NULL);
        NEXT_ALT();
    }
    RETURN(NULL);
}

/* double_starred_kvpair: '**' bitwise_or | kvpair */
static KeyValuePair *
double_starred_kvpair_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty a;
    if (EXPECT(T_DOUBLESTAR) && (a = _RpParser_bitwise_or(p)))
        RETURN(_RpParser_key_value_pair(p, NULL, a));
    NEXT_ALT();
    KeyValuePair *kv = kvpair_rule(p);
    if (kv == NULL)
        NEXT_ALT();
    RETURN(kv);
}

/* double_starred_kvpairs: ','.double_starred_kvpair+ [','] */
static asdl_seq *
double_starred_kvpairs_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Vec v = VEC_INIT;
    KeyValuePair *kv = double_starred_kvpair_rule(p);
    if (kv == NULL) {
        NEXT_ALT();
        RETURN(NULL);
    }
    if (_RpParser_vec_push(p, &v, kv) < 0)
        RETURN(NULL);
    for (;;) {
        int m = p->mark;
        if (!EXPECT(T_COMMA) || !(kv = double_starred_kvpair_rule(p))) {
            p->mark = m;
            ERRCHK();
            break;
        }
        if (_RpParser_vec_push(p, &v, kv) < 0)
            RETURN(NULL);
    }
    EXPECT(T_COMMA);
    RETURN(_RpParser_vec_seq(p, &v));
}

/* kvpair: expression ':' expression */
static KeyValuePair *
kvpair_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty a, b;
    if ((a = _RpParser_expression(p)) && EXPECT(T_COLON) && (b = _RpParser_expression(p)))
        RETURN(_RpParser_key_value_pair(p, a, b));
    NEXT_ALT();
    RETURN(NULL);
}

/* ------------------------------------------------------- comprehensions */

/* for_if_clause:
       ASYNC 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
     | 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
     | invalid_for_target */
static comprehension_ty
for_if_clause_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    int is_async = 0;
    expr_ty a, b;
    for (int alt = 0; alt < 2; alt++) {
        if (alt == 0 && !EXPECT(KW_ASYNC)) {
            NEXT_ALT();
            continue;
        }
        if (EXPECT(KW_FOR) && (a = _RpParser_star_targets(p)) && EXPECT(KW_IN)) {
            /* cut */
            if (!(b = disjunction_rule(p))) {
                p->mark = _mark;
                RETURN(NULL);
            }
            Vec v = VEC_INIT;
            for (;;) {
                int m = p->mark;
                expr_ty z;
                if (!EXPECT(KW_IF) || !(z = disjunction_rule(p))) {
                    p->mark = m;
                    ERRCHK();
                    break;
                }
                if (_RpParser_vec_push(p, &v, z) < 0)
                    RETURN(NULL);
            }
            is_async = alt == 0;
            RETURN(_PyAST_comprehension(a, b, (asdl_expr_seq *)_RpParser_vec_seq(p, &v),
                                        is_async, p->arena));
        }
        NEXT_ALT();
    }
    if (p->call_invalid_rules) {
        _RpParser_invalid_for_target(p);
        NEXT_ALT();
    }
    RETURN(NULL);
}

/* for_if_clauses: for_if_clause+ */
asdl_comprehension_seq *
_RpParser_for_if_clauses(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Vec v = VEC_INIT;
    comprehension_ty c;
    while ((c = for_if_clause_rule(p)))
        if (_RpParser_vec_push(p, &v, c) < 0)
            RETURN(NULL);
    ERRCHK();
    if (v.n == 0) {
        p->mark = _mark;
        RETURN(NULL);
    }
    RETURN((asdl_comprehension_seq *)_RpParser_vec_seq(p, &v));
}

/* listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension */
static expr_ty
listcomp_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a;
    asdl_comprehension_seq *b;
    if (EXPECT(T_LSQB) && (a = _RpParser_named_expression(p)) &&
        (b = _RpParser_for_if_clauses(p)) && EXPECT(T_RSQB))
        RETURN(_PyAST_ListComp(a, b, EXTRA));
    NEXT_ALT();
    if (p->call_invalid_rules) {
        invalid_comprehension_rule(p);
        NEXT_ALT();
    }
    RETURN(NULL);
}

/* setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension */
static expr_ty
setcomp_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a;
    asdl_comprehension_seq *b;
    if (EXPECT(T_LBRACE) && (a = _RpParser_named_expression(p)) &&
        (b = _RpParser_for_if_clauses(p)) && EXPECT(T_RBRACE))
        RETURN(_PyAST_SetComp(a, b, EXTRA));
    NEXT_ALT();
    if (p->call_invalid_rules) {
        invalid_comprehension_rule(p);
        NEXT_ALT();
    }
    RETURN(NULL);
}

/* genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
         | invalid_comprehension */
expr_ty
_RpParser_genexp(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a;
    asdl_comprehension_seq *b;
    if (EXPECT(T_LPAR)) {
        int m = p->mark;
        a = assignment_expression_rule(p);
        ERRCHK();
        if (a == NULL) {
            p->mark = m;
            a = _RpParser_expression(p);
            if (a && CHECK_TOK(T_COLONEQUAL))
                a = NULL;
        }
        if (a && (b = _RpParser_for_if_clauses(p)) && EXPECT(T_RPAR))
            RETURN(_PyAST_GeneratorExp(a, b, EXTRA));
    }
    NEXT_ALT();
    if (p->call_invalid_rules) {
        invalid_comprehension_rule(p);
        NEXT_ALT();
    }
    RETURN(NULL);
}

/* dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension */
static expr_ty
dictcomp_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    KeyValuePair *a;
    asdl_comprehension_seq *b;
    if (EXPECT(T_LBRACE) && (a = kvpair_rule(p)) && (b = _RpParser_for_if_clauses(p)) &&
        EXPECT(T_RBRACE))
        RETURN(_PyAST_DictComp(a->key, a->value, b, EXTRA));
    NEXT_ALT();
    if (p->call_invalid_rules) {
        invalid_dict_comprehension_rule(p);
        NEXT_ALT();
    }
    RETURN(NULL);
}

/* ----------------------------------------------------------- arguments */

/* arguments (memo): args [','] &')' | invalid_arguments */
expr_ty
_RpParser_arguments(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_arguments);
    expr_ty a = args_rule(p);
    if (a) {
        EXPECT(T_COMMA);
        if (CHECK_TOK(T_RPAR))
            MEMO_END(M_arguments, a);
    }
    NEXT_ALT();
    if (p->call_invalid_rules) {
        invalid_arguments_rule(p);
        NEXT_ALT();
    }
    MEMO_END(M_arguments, NULL);
}

/* One positional argument of args:
   starred_expression | (assignment_expression | expression !':=') !'=' */
static expr_ty
positional_arg(Parser *p)
{
    int m = p->mark;
    expr_ty e = starred_expression_rule(p);
    if (e || p->error_indicator)
        return e;
    p->mark = m;
    e = assignment_expression_rule(p);
    if (p->error_indicator)
        return NULL;
    if (e == NULL) {
        p->mark = m;
        e = _RpParser_expression(p);
        if (e && CHECK_TOK(T_COLONEQUAL))
            e = NULL;
    }
    if (e && CHECK_TOK(T_EQUAL))
        e = NULL;
    if (e == NULL)
        p->mark = m;
    return e;
}

/* args: ','.positional_arg+ [',' kwargs] | kwargs */
static expr_ty
args_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    Vec v = VEC_INIT;
    expr_ty e = positional_arg(p);
    ERRCHK();
    if (e) {
        if (_RpParser_vec_push(p, &v, e) < 0)
            RETURN(NULL);
        for (;;) {
            int m = p->mark;
            if (!EXPECT(T_COMMA) || !(e = positional_arg(p))) {
                p->mark = m;
                ERRCHK();
                break;
            }
            if (_RpParser_vec_push(p, &v, e) < 0)
                RETURN(NULL);
        }
        asdl_seq *b = NULL;
        int m = p->mark;
        if (!(EXPECT(T_COMMA) && (b = kwargs_rule(p)))) {
            p->mark = m;
            ERRCHK();
            b = NULL;
        }
        asdl_seq *a = _RpParser_vec_seq(p, &v);
        if (a == NULL)
            RETURN(NULL);
        RETURN(_RpParser_collect_call_seqs(p, (asdl_expr_seq *)a, b, EXTRA));
    }
    NEXT_ALT();
    asdl_seq *k = kwargs_rule(p);
    if (k) {
        expr_ty dummy = _RpParser_dummy_name(p);
        if (dummy == NULL)
            RETURN(NULL);
        RETURN(_PyAST_Call(dummy, _RpParser_seq_extract_starred_exprs(p, k),
                           _RpParser_seq_delete_starred_exprs(p, k), EXTRA));
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* starred_expression: invalid_starred_expression | '*' expression */
static expr_ty
starred_expression_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    if (p->call_invalid_rules) {
        invalid_starred_expression_rule(p);
        NEXT_ALT();
    }
    expr_ty a;
    if (EXPECT(T_STAR) && (a = _RpParser_expression(p)))
        RETURN(_PyAST_Starred(a, Load, EXTRA));
    NEXT_ALT();
    RETURN(NULL);
}

/* kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression
   kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression */
static KeywordOrStarred *
kwarg_rule(Parser *p, int double_starred)
{
    ENTER();
    int _mark = p->mark;
    START();
    if (p->call_invalid_rules) {
        invalid_kwarg_rule(p);
        NEXT_ALT();
    }
    expr_ty a, b;
    if ((a = _RpParser_name_token(p)) && EXPECT(T_EQUAL) && (b = _RpParser_expression(p))) {
        keyword_ty k = _PyAST_keyword(a->v.Name.id, b, EXTRA);
        if (k == NULL)
            RETURN(NULL);
        RETURN(_RpParser_keyword_or_starred(p, k, 1));
    }
    NEXT_ALT();
    if (!double_starred) {
        if ((a = starred_expression_rule(p)))
            RETURN(_RpParser_keyword_or_starred(p, a, 0));
    }
    else {
        if (EXPECT(T_DOUBLESTAR) && (a = _RpParser_expression(p))) {
            keyword_ty k = _PyAST_keyword(NULL, a, EXTRA);
            if (k == NULL)
                RETURN(NULL);
            RETURN(_RpParser_keyword_or_starred(p, k, 1));
        }
    }
    NEXT_ALT();
    RETURN(NULL);
}

static asdl_seq *
kwarg_gather(Parser *p, int double_starred)
{
    Vec v = VEC_INIT;
    KeywordOrStarred *k = kwarg_rule(p, double_starred);
    if (k == NULL)
        return NULL;
    if (_RpParser_vec_push(p, &v, k) < 0)
        return NULL;
    for (;;) {
        int m = p->mark;
        if (!EXPECT(T_COMMA) || !(k = kwarg_rule(p, double_starred))) {
            p->mark = m;
            if (p->error_indicator)
                return NULL;
            break;
        }
        if (_RpParser_vec_push(p, &v, k) < 0)
            return NULL;
    }
    return _RpParser_vec_seq(p, &v);
}

/* kwargs:
       ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
     | ','.kwarg_or_starred+
     | ','.kwarg_or_double_starred+ */
static asdl_seq *
kwargs_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    asdl_seq *a, *b;
    if ((a = kwarg_gather(p, 0)) && EXPECT(T_COMMA) && (b = kwarg_gather(p, 1)))
        RETURN(_RpParser_join_sequences(p, a, b));
    NEXT_ALT();
    if ((a = kwarg_gather(p, 0)))
        RETURN(a);
    NEXT_ALT();
    if ((a = kwarg_gather(p, 1)))
        RETURN(a);
    NEXT_ALT();
    RETURN(NULL);
}

/* -------------------------------------------------------------- targets */

/* star_targets: star_target !',' | star_target (',' star_target)* [','] */
expr_ty
_RpParser_star_targets(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a = _RpParser_star_target(p);
    if (a == NULL) {
        NEXT_ALT();
        RETURN(NULL);
    }
    if (!CHECK_TOK(T_COMMA))
        RETURN(a);
    Vec v = VEC_INIT;
    if (_RpParser_vec_push(p, &v, a) < 0)
        RETURN(NULL);
    for (;;) {
        int m = p->mark;
        expr_ty c;
        if (!EXPECT(T_COMMA) || !(c = _RpParser_star_target(p))) {
            p->mark = m;
            ERRCHK();
            break;
        }
        if (_RpParser_vec_push(p, &v, c) < 0)
            RETURN(NULL);
    }
    EXPECT(T_COMMA);
    RETURN(_PyAST_Tuple(_RpParser_vec_seq(p, &v), Store, EXTRA));
}

/* ','.star_target+ [','] ; tuple form requires a comma */
static asdl_seq *
star_targets_seq(Parser *p, int tuple)
{
    int _mark = p->mark;
    Vec v = VEC_INIT;
    expr_ty a = _RpParser_star_target(p);
    if (a == NULL) {
        p->mark = _mark;
        return NULL;
    }
    if (_RpParser_vec_push(p, &v, a) < 0)
        return NULL;
    for (;;) {
        int m = p->mark;
        expr_ty c;
        if (!EXPECT(T_COMMA) || !(c = _RpParser_star_target(p))) {
            p->mark = m;
            if (p->error_indicator)
                return NULL;
            break;
        }
        if (_RpParser_vec_push(p, &v, c) < 0)
            return NULL;
    }
    int comma = EXPECT(T_COMMA) != NULL;
    if (tuple && v.n == 1 && !comma) {
        p->mark = _mark;
        return NULL;
    }
    return _RpParser_vec_seq(p, &v);
}

/* star_target (memo): '*' (!'*' star_target) | target_with_star_atom */
expr_ty
_RpParser_star_target(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_star_target);
    START();
    expr_ty a, res;
    if (EXPECT(T_STAR) && !CHECK_TOK(T_STAR) && (a = _RpParser_star_target(p))) {
        expr_ty s = _RpParser_set_expr_context(p, a, Store);
        if (s == NULL)
            RETURN(NULL);
        res = _PyAST_Starred(s, Store, EXTRA);
        MEMO_END(M_star_target, res);
    }
    NEXT_ALT();
    res = target_with_star_atom_rule(p);
    if (res == NULL)
        NEXT_ALT();
    MEMO_END(M_star_target, res);
}

static int
t_lookahead(Parser *p)
{
    int t = PEEK_TYPE();
    return t == T_LPAR || t == T_LSQB || t == T_DOT;
}

/* t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead,
   with the given context (single_subscript_attribute_target, and the first
   two alternatives of target_with_star_atom and del_target). */
static expr_ty
subscript_attribute_target(Parser *p, expr_context_ty ctx)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a, b;
    if ((a = t_primary_rule(p)) && EXPECT(T_DOT) && (b = _RpParser_name_token(p)) &&
        !t_lookahead(p))
        RETURN(_PyAST_Attribute(a, b->v.Name.id, ctx, EXTRA));
    NEXT_ALT();
    if ((a = t_primary_rule(p)) && EXPECT(T_LSQB) && (b = slices_rule(p)) && EXPECT(T_RSQB) &&
        !t_lookahead(p))
        RETURN(_PyAST_Subscript(a, b, ctx, EXTRA));
    NEXT_ALT();
    RETURN(NULL);
}

/* target_with_star_atom (memo) */
static expr_ty
target_with_star_atom_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_target_with_star_atom);
    expr_ty res = subscript_attribute_target(p, Store);
    ERRCHK();
    if (res == NULL)
        res = star_atom_rule(p);
    if (res == NULL)
        NEXT_ALT();
    MEMO_END(M_target_with_star_atom, res);
}

/* star_atom:
       NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')'
     | '[' [star_targets_list_seq] ']' */
static expr_ty
star_atom_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    START();
    expr_ty a;
    if ((a = _RpParser_name_token(p)))
        RETURN(_RpParser_set_expr_context(p, a, Store));
    NEXT_ALT();
    if (EXPECT(T_LPAR) && (a = target_with_star_atom_rule(p)) && EXPECT(T_RPAR))
        RETURN(_RpParser_set_expr_context(p, a, Store));
    NEXT_ALT();
    if (EXPECT(T_LPAR)) {
        asdl_seq *s = star_targets_seq(p, 1);
        ERRCHK();
        if (EXPECT(T_RPAR))
            RETURN(_PyAST_Tuple(s, Store, EXTRA));
    }
    NEXT_ALT();
    if (EXPECT(T_LSQB)) {
        asdl_seq *s = star_targets_seq(p, 0);
        ERRCHK();
        if (EXPECT(T_RSQB))
            RETURN(_PyAST_List(s, Store, EXTRA));
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* single_target: single_subscript_attribute_target | NAME | '(' single_target ')' */
expr_ty
_RpParser_single_target(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty a = _RpParser_single_subscript_attribute_target(p);
    if (a)
        RETURN(a);
    NEXT_ALT();
    if ((a = _RpParser_name_token(p)))
        RETURN(_RpParser_set_expr_context(p, a, Store));
    NEXT_ALT();
    if (EXPECT(T_LPAR) && (a = _RpParser_single_target(p)) && EXPECT(T_RPAR))
        RETURN(a);
    NEXT_ALT();
    RETURN(NULL);
}

expr_ty
_RpParser_single_subscript_attribute_target(Parser *p)
{
    return subscript_attribute_target(p, Store);
}

/* t_primary (left-recursive): a primary that must be followed by
   '(' '[' or '.', i.e. everything but the last trailer of a target. */
static expr_ty
t_primary_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_t_primary);
    START();
    expr_ty a = atom_rule(p);
    if (a == NULL || !t_lookahead(p)) {
        NEXT_ALT();
        MEMO_END(M_t_primary, NULL);
    }
    for (;;) {
        int m = p->mark;
        int t = PEEK_TYPE();
        expr_ty b, n = NULL;
        if (p->call_invalid_rules && (t == T_LSQB || t == T_LBRACE)) {
            _RpParser_genexp(p);
            p->mark = m;
            ERRCHK();
        }
        if (t == T_DOT) {
            p->mark++;
            if ((b = _RpParser_name_token(p)) && t_lookahead(p))
                n = _PyAST_Attribute(a, b->v.Name.id, Load, EXTRA);
        }
        else if (t == T_LSQB) {
            p->mark++;
            if ((b = slices_rule(p)) && EXPECT(T_RSQB) && t_lookahead(p))
                n = _PyAST_Subscript(a, b, Load, EXTRA);
        }
        else if (t == T_LPAR) {
            if ((b = _RpParser_genexp(p)) && t_lookahead(p)) {
                n = _PyAST_Call(a, _RpParser_singleton_seq(p, b), NULL, EXTRA);
            }
            else {
                ERRCHK();
                p->mark = m + 1;
                b = _RpParser_arguments(p);
                ERRCHK();
                if (EXPECT(T_RPAR) && t_lookahead(p))
                    n = _PyAST_Call(a, b ? b->v.Call.args : NULL,
                                    b ? b->v.Call.keywords : NULL, EXTRA);
            }
        }
        ERRCHK();
        if (n == NULL) {
            p->mark = m;
            break;
        }
        a = n;
    }
    MEMO_END(M_t_primary, a);
}

/* del_targets: ','.del_target+ [','] */
asdl_expr_seq *
_RpParser_del_targets(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Vec v = VEC_INIT;
    expr_ty a = del_target_rule(p);
    if (a == NULL) {
        NEXT_ALT();
        RETURN(NULL);
    }
    if (_RpParser_vec_push(p, &v, a) < 0)
        RETURN(NULL);
    for (;;) {
        int m = p->mark;
        if (!EXPECT(T_COMMA) || !(a = del_target_rule(p))) {
            p->mark = m;
            ERRCHK();
            break;
        }
        if (_RpParser_vec_push(p, &v, a) < 0)
            RETURN(NULL);
    }
    EXPECT(T_COMMA);
    RETURN((asdl_expr_seq *)_RpParser_vec_seq(p, &v));
}

/* del_target (memo) */
static expr_ty
del_target_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_del_target);
    START();
    expr_ty res = subscript_attribute_target(p, Del), a;
    ERRCHK();
    if (res)
        MEMO_END(M_del_target, res);
    p->mark = _mark;
    /* del_t_atom */
    if ((a = _RpParser_name_token(p))) {
        res = _RpParser_set_expr_context(p, a, Del);
        MEMO_END(M_del_target, res);
    }
    NEXT_ALT();
    if (EXPECT(T_LPAR) && (a = del_target_rule(p)) && EXPECT(T_RPAR)) {
        res = _RpParser_set_expr_context(p, a, Del);
        MEMO_END(M_del_target, res);
    }
    NEXT_ALT();
    if (EXPECT(T_LPAR)) {
        asdl_expr_seq *s = _RpParser_del_targets(p);
        ERRCHK();
        if (EXPECT(T_RPAR)) {
            res = _PyAST_Tuple(s, Del, EXTRA);
            MEMO_END(M_del_target, res);
        }
    }
    NEXT_ALT();
    if (EXPECT(T_LSQB)) {
        asdl_expr_seq *s = _RpParser_del_targets(p);
        ERRCHK();
        if (EXPECT(T_RSQB)) {
            res = _PyAST_List(s, Del, EXTRA);
            MEMO_END(M_del_target, res);
        }
    }
    NEXT_ALT();
    MEMO_END(M_del_target, NULL);
}

expr_ty
_RpParser_annotated_rhs(Parser *p)
{
    ENTER();
    expr_ty a = _RpParser_yield_expr(p);
    ERRCHK();
    if (a == NULL)
        a = _RpParser_star_expressions(p);
    RETURN(a);
}

/* ============================================================ invalid_ */

/* invalid_expression */
static void *
invalid_expression_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty a, b;
    /* !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid */
    {
        Token *t0 = _RpParser_tok(p, p->mark);
        int skip = 0;
        if (t0->type == T_NAME) {
            Token *t1 = _RpParser_tok(p, p->mark + 1);
            if (t1->type == T_STRING)
                skip = 1;
        }
        if (!skip && at_soft_keyword(p))
            skip = 1;
        ERRCHK();
        if (!skip && (a = disjunction_rule(p)) && (b = expression_without_invalid_rule(p))) {
            if (_RpParser_check_legacy_stmt(p, a) || p->tokens[p->mark - 1].level == 0) {
                /* action gave NULL: the alternative fails */
            }
            else {
                RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b,
                        "invalid syntax. Perhaps you forgot a comma?"));
            }
        }
        NEXT_ALT();
    }
    /* disjunction 'if' disjunction !('else'|':') */
    if ((a = disjunction_rule(p)) && EXPECT(KW_IF) && (b = disjunction_rule(p)) &&
        !CHECK_TOK(KW_ELSE) && !CHECK_TOK(T_COLON))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "expected 'else' after 'if' expression"));
    NEXT_ALT();
    /* 'lambda' [lambda_params] ':' &(FSTRING_MIDDLE | fstring_replacement_field) */
    {
        Token *l, *c;
        if ((l = EXPECT(KW_LAMBDA))) {
            lambda_params_rule(p);
            ERRCHK();
            if ((c = EXPECT(T_COLON))) {
                if (CHECK_TOK(T_FSTRING_MIDDLE))
                    RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(l, c,
                        "f-string: lambda expressions are not allowed without parentheses"));
            }
        }
        NEXT_ALT();
    }
    RETURN(NULL);
}

/* invalid_legacy_expression: NAME !'(' star_expressions */
static void *
invalid_legacy_expression_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty a, b;
    if ((a = _RpParser_name_token(p)) && !CHECK_TOK(T_LPAR) &&
        (b = _RpParser_star_expressions(p))) {
        if (_RpParser_check_legacy_stmt(p, a))
            RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b,
                "Missing parentheses in call to '%U'. Did you mean %U(...)?",
                a->v.Name.id, a->v.Name.id));
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* invalid_named_expression (memo) */
static void *
invalid_named_expression_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    MEMO_BEGIN(M_invalid_named_expression);
    expr_ty a, b;
    Token *t;
    /* expression ':=' expression */
    if ((a = _RpParser_expression(p)) && EXPECT(T_COLONEQUAL) && _RpParser_expression(p))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
            a, "cannot use assignment expressions with %s", _RpParser_get_expr_name(a)));
    NEXT_ALT();
    /* NAME '=' bitwise_or !('='|':=') */
    if ((a = _RpParser_name_token(p)) && EXPECT(T_EQUAL) && (b = _RpParser_bitwise_or(p)) &&
        !CHECK_TOK(T_EQUAL) && !CHECK_TOK(T_COLONEQUAL))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(
            a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
    NEXT_ALT();
    /* !(list|tuple|genexp|'True'|'None'|'False') bitwise_or '=' bitwise_or !('='|':=') */
    {
        int excluded = 0;
        int tt = PEEK_TYPE();
        if (tt == KW_TRUE || tt == KW_NONE || tt == KW_FALSE) {
            excluded = 1;
        }
        else if (_RpParser_list(p) || (p->mark = _mark, _RpParser_tuple(p)) ||
                 (p->mark = _mark, _RpParser_genexp(p))) {
            excluded = 1;
        }
        p->mark = _mark;
        ERRCHK();
        if (!excluded && (a = _RpParser_bitwise_or(p)) && (t = EXPECT(T_EQUAL)) &&
            _RpParser_bitwise_or(p) && !CHECK_TOK(T_EQUAL) && !CHECK_TOK(T_COLONEQUAL))
            RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
                a, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                _RpParser_get_expr_name(a)));
        NEXT_ALT();
    }
    MEMO_END(M_invalid_named_expression, NULL);
}

/* invalid_arguments */
static void *
invalid_arguments_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty a, b;
    Token *t, *u;
    asdl_comprehension_seq *c;
    /* (','.positional_arg+ ',' kwargs | kwargs) ',' '*' */
    {
        int ok = 0;
        if (positional_arg(p)) {
            for (;;) {
                int m = p->mark;
                if (!EXPECT(T_COMMA) || !positional_arg(p)) {
                    p->mark = m;
                    break;
                }
            }
            ERRCHK();
            ok = EXPECT(T_COMMA) && kwargs_rule(p);
        }
        ERRCHK();
        if (!ok) {
            p->mark = _mark;
            ok = kwargs_rule(p) != NULL;
        }
        if (ok && EXPECT(T_COMMA) && (t = EXPECT(T_STAR)))
            RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
                t, "iterable argument unpacking follows keyword argument unpacking"));
        NEXT_ALT();
    }
    if (0 && (a = args_rule(p)) && EXPECT(T_COMMA) && (t = EXPECT(T_STAR)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
            t, "iterable argument unpacking follows keyword argument unpacking"));
    NEXT_ALT();
    /* expression for_if_clauses ',' [args | expression for_if_clauses] */
    if ((a = _RpParser_expression(p)) && (c = _RpParser_for_if_clauses(p)) && EXPECT(T_COMMA)) {
        int m = p->mark;
        if (!args_rule(p)) {
            ERRCHK();
            p->mark = m;
            if (!(_RpParser_expression(p) && _RpParser_for_if_clauses(p))) {
                ERRCHK();
                p->mark = m;
            }
        }
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(
            a, _RpParser_get_last_comprehension_item(
                   (comprehension_ty)asdl_seq_GET(c, asdl_seq_LEN(c) - 1)),
            "Generator expression must be parenthesized"));
    }
    NEXT_ALT();
    /* NAME '=' expression for_if_clauses */
    if ((a = _RpParser_name_token(p)) && (t = EXPECT(T_EQUAL)) && _RpParser_expression(p) &&
        _RpParser_for_if_clauses(p))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(
            a, t, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
    NEXT_ALT();
    /* (args ',')? NAME '=' &(',' | ')') */
    {
        int m;
        if (!(args_rule(p) && EXPECT(T_COMMA))) {
            ERRCHK();
            p->mark = _mark;
        }
        m = p->mark;
        (void)m;
        if ((a = _RpParser_name_token(p)) && (t = EXPECT(T_EQUAL)) &&
            (CHECK_TOK(T_COMMA) || CHECK_TOK(T_RPAR)))
            RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, t, "expected argument value expression"));
        NEXT_ALT();
    }
    /* args for_if_clauses */
    if ((a = args_rule(p)) && (c = _RpParser_for_if_clauses(p))) {
        void *r = _RpParser_nonparen_genexp_in_call(p, a, c);
        if (r || p->error_indicator)
            RETURN(r);
    }
    NEXT_ALT();
    /* args ',' expression for_if_clauses */
    if (args_rule(p) && EXPECT(T_COMMA) && (b = _RpParser_expression(p)) &&
        (c = _RpParser_for_if_clauses(p)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(
            b, _RpParser_get_last_comprehension_item(
                   (comprehension_ty)asdl_seq_GET(c, asdl_seq_LEN(c) - 1)),
            "Generator expression must be parenthesized"));
    NEXT_ALT();
    /* args ',' args */
    if ((a = args_rule(p)) && EXPECT(T_COMMA) && args_rule(p))
        RETURN(_RpParser_arguments_parsing_error(p, a));
    NEXT_ALT();
    (void)u;
    RETURN(NULL);
}

/* invalid_kwarg */
static void *
invalid_kwarg_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Token *a, *b;
    expr_ty x, y;
    /* ('True'|'False'|'None') '=' */
    a = _RpParser_tok(p, p->mark);
    if ((a->type == KW_TRUE || a->type == KW_FALSE || a->type == KW_NONE)) {
        p->mark++;
        if ((b = EXPECT(T_EQUAL)))
            RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "cannot assign to %.*s",
                                                  (int)(a->end - a->start), a->start));
    }
    NEXT_ALT();
    /* NAME '=' expression for_if_clauses */
    if ((x = _RpParser_name_token(p)) && (b = EXPECT(T_EQUAL)) && _RpParser_expression(p) &&
        _RpParser_for_if_clauses(p))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(
            x, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
    NEXT_ALT();
    /* !(NAME '=') expression '=' */
    {
        int excluded = _RpParser_name_token(p) && CHECK_TOK(T_EQUAL);
        p->mark = _mark;
        ERRCHK();
        if (!excluded && (x = _RpParser_expression(p)) && (b = EXPECT(T_EQUAL)))
            RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(
                x, b, "expression cannot contain assignment, perhaps you meant \"==\"?"));
        NEXT_ALT();
    }
    /* '**' expression '=' expression */
    if ((a = EXPECT(T_DOUBLESTAR)) && _RpParser_expression(p) && EXPECT(T_EQUAL) &&
        (y = _RpParser_expression(p)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, y, "cannot assign to keyword argument unpacking"));
    NEXT_ALT();
    RETURN(NULL);
}

/* invalid_starred_expression: '*' expression '=' expression */
static void *
invalid_starred_expression_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Token *a;
    expr_ty b;
    if ((a = EXPECT(T_STAR)) && _RpParser_expression(p) && EXPECT(T_EQUAL) &&
        (b = _RpParser_expression(p)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "cannot assign to iterable argument unpacking"));
    NEXT_ALT();
    RETURN(NULL);
}

/* invalid_group: '(' starred_expression ')' | '(' '**' expression ')' */
static void *
invalid_group_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty a;
    Token *t;
    if (EXPECT(T_LPAR) && (a = starred_expression_rule(p)) && EXPECT(T_RPAR))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "cannot use starred expression here"));
    NEXT_ALT();
    if (EXPECT(T_LPAR) && (t = EXPECT(T_DOUBLESTAR)) && _RpParser_expression(p) && EXPECT(T_RPAR))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(t, "cannot use double starred expression here"));
    NEXT_ALT();
    RETURN(NULL);
}

/* invalid_comprehension */
static void *
invalid_comprehension_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty a;
    asdl_expr_seq *b;
    Token *t;
    /* ('[' | '(' | '{') starred_expression for_if_clauses */
    if ((EXPECT(T_LSQB) || EXPECT(T_LPAR) || EXPECT(T_LBRACE)) &&
        (a = starred_expression_rule(p)) && _RpParser_for_if_clauses(p))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
            a, "iterable unpacking cannot be used in comprehension"));
    NEXT_ALT();
    /* ('[' | '{') star_named_expression ',' star_named_expressions for_if_clauses */
    if ((EXPECT(T_LSQB) || EXPECT(T_LBRACE)) && (a = _RpParser_star_named_expression(p)) &&
        EXPECT(T_COMMA) && (b = _RpParser_star_named_expressions(p)) &&
        _RpParser_for_if_clauses(p))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(
            a, (expr_ty)asdl_seq_GET(b, asdl_seq_LEN(b) - 1),
            "did you forget parentheses around the comprehension target?"));
    NEXT_ALT();
    /* ('[' | '{') star_named_expression ',' for_if_clauses */
    if ((EXPECT(T_LSQB) || EXPECT(T_LBRACE)) && (a = _RpParser_star_named_expression(p)) &&
        (t = EXPECT(T_COMMA)) && _RpParser_for_if_clauses(p))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_RANGE(
            a, t, "did you forget parentheses around the comprehension target?"));
    NEXT_ALT();
    RETURN(NULL);
}

/* invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}' */
static void *
invalid_dict_comprehension_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Token *a;
    if (EXPECT(T_LBRACE) && (a = EXPECT(T_DOUBLESTAR)) && _RpParser_bitwise_or(p) &&
        _RpParser_for_if_clauses(p) && EXPECT(T_RBRACE))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
            a, "dict unpacking cannot be used in dict comprehension"));
    NEXT_ALT();
    RETURN(NULL);
}

/* invalid_double_starred_kvpairs:
       ','.double_starred_kvpair+ ',' invalid_kvpair
     | expression ':' '*' bitwise_or
     | expression ':' &('}'|',') */
static void *
invalid_double_starred_kvpairs_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Token *a;
    {
        KeyValuePair *kv = double_starred_kvpair_rule(p);
        int ok = 0;
        if (kv) {
            for (;;) {
                int m = p->mark;
                if (!EXPECT(T_COMMA) || !double_starred_kvpair_rule(p)) {
                    p->mark = m;
                    break;
                }
            }
            ERRCHK();
            ok = 1;
        }
        if (ok && EXPECT(T_COMMA)) {
            void *r = invalid_kvpair_rule(p);
            ERRCHK();
            if (r)
                RETURN(r);
        }
        NEXT_ALT();
    }
    if (_RpParser_expression(p) && EXPECT(T_COLON) && (a = EXPECT(T_STAR)) &&
        _RpParser_bitwise_or(p))
        RETURN(RAISE_SYNTAX_ERROR_STARTING_FROM(
            a, "cannot use a starred expression in a dictionary value"));
    NEXT_ALT();
    if (_RpParser_expression(p) && (a = EXPECT(T_COLON)) &&
        (CHECK_TOK(T_RBRACE) || CHECK_TOK(T_COMMA)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
            a, "expression expected after dictionary key and ':'"));
    NEXT_ALT();
    RETURN(NULL);
}

/* invalid_kvpair */
static void *
invalid_kvpair_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty a;
    Token *t;
    if ((a = _RpParser_expression(p)) && !CHECK_TOK(T_COLON))
        RETURN(RAISE_ERROR_KNOWN_LOCATION(PyExc_SyntaxError, a->lineno, a->end_col_offset - 1,
                                          a->end_lineno, -1, "':' expected after dictionary key"));
    NEXT_ALT();
    if (_RpParser_expression(p) && EXPECT(T_COLON) && (t = EXPECT(T_STAR)) &&
        _RpParser_bitwise_or(p))
        RETURN(RAISE_SYNTAX_ERROR_STARTING_FROM(
            t, "cannot use a starred expression in a dictionary value"));
    NEXT_ALT();
    if (_RpParser_expression(p) && (t = EXPECT(T_COLON)) &&
        (CHECK_TOK(T_RBRACE) || CHECK_TOK(T_COMMA)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
            t, "expression expected after dictionary key and ':'"));
    NEXT_ALT();
    RETURN(NULL);
}

/* invalid_conversion_character: '!' &(':' | '}') | '!' !NAME */
static void *
invalid_conversion_character_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    if (EXPECT(T_EXCLAMATION) && (CHECK_TOK(T_COLON) || CHECK_TOK(T_RBRACE)))
        RETURN(RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN("f-string: missing conversion character"));
    NEXT_ALT();
    if (EXPECT(T_EXCLAMATION) && !CHECK_TOK(T_NAME))
        RETURN(RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN("f-string: invalid conversion character"));
    NEXT_ALT();
    RETURN(NULL);
}

/* '{' (yield_expr | star_expressions) for invalid_replacement_field */
static int
lbrace_annotated_rhs(Parser *p)
{
    if (!EXPECT(T_LBRACE))
        return 0;
    expr_ty a = _RpParser_yield_expr(p);
    if (a == NULL && !p->error_indicator)
        a = _RpParser_star_expressions(p);
    return a != NULL;
}

/* ['!' NAME] */
static void
opt_conversion(Parser *p)
{
    int m = p->mark;
    if (!(EXPECT(T_EXCLAMATION) && CHECK_TOK(T_NAME)))
        p->mark = m;
    else
        p->mark++;
}

/* invalid_replacement_field */
static void *
invalid_replacement_field_rule(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    Token *a;
    if (EXPECT(T_LBRACE) && (a = EXPECT(T_EQUAL)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "f-string: valid expression required before '='"));
    NEXT_ALT();
    if (EXPECT(T_LBRACE) && (a = EXPECT(T_EXCLAMATION)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "f-string: valid expression required before '!'"));
    NEXT_ALT();
    if (EXPECT(T_LBRACE) && (a = EXPECT(T_COLON)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "f-string: valid expression required before ':'"));
    NEXT_ALT();
    if (EXPECT(T_LBRACE) && (a = EXPECT(T_RBRACE)))
        RETURN(RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "f-string: valid expression required before '}'"));
    NEXT_ALT();
    /* '{' !(yield_expr | star_expressions) */
    if (EXPECT(T_LBRACE)) {
        int m = p->mark;
        expr_ty e = _RpParser_yield_expr(p);
        if (e == NULL && !p->error_indicator)
            e = _RpParser_star_expressions(p);
        ERRCHK();
        p->mark = m;
        if (e == NULL)
            RETURN(RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN("f-string: expecting a valid expression after '{'"));
    }
    NEXT_ALT();
    /* '{' annotated_rhs !('=' | '!' | ':' | '}') */
    if (lbrace_annotated_rhs(p) && !CHECK_TOK(T_EQUAL) && !CHECK_TOK(T_EXCLAMATION) &&
        !CHECK_TOK(T_COLON) && !CHECK_TOK(T_RBRACE)) {
        if (PyErr_Occurred())
            RETURN(NULL);
        RETURN(RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN("f-string: expecting '=', or '!', or ':', or '}'"));
    }
    NEXT_ALT();
    /* '{' annotated_rhs '=' !('!' | ':' | '}') */
    if (lbrace_annotated_rhs(p) && EXPECT(T_EQUAL) && !CHECK_TOK(T_EXCLAMATION) &&
        !CHECK_TOK(T_COLON) && !CHECK_TOK(T_RBRACE)) {
        if (PyErr_Occurred())
            RETURN(NULL);
        RETURN(RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN("f-string: expecting '!', or ':', or '}'"));
    }
    NEXT_ALT();
    /* '{' annotated_rhs '='? invalid_conversion_character */
    if (lbrace_annotated_rhs(p)) {
        EXPECT(T_EQUAL);
        invalid_conversion_character_rule(p);
    }
    NEXT_ALT();
    /* '{' annotated_rhs '='? ['!' NAME] !(':' | '}') */
    if (lbrace_annotated_rhs(p)) {
        EXPECT(T_EQUAL);
        opt_conversion(p);
        if (!CHECK_TOK(T_COLON) && !CHECK_TOK(T_RBRACE)) {
            if (PyErr_Occurred())
                RETURN(NULL);
            RETURN(RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN("f-string: expecting ':' or '}'"));
        }
    }
    NEXT_ALT();
    /* '{' annotated_rhs '='? ['!' NAME] ':' fstring_format_spec* !'}' */
    if (lbrace_annotated_rhs(p)) {
        EXPECT(T_EQUAL);
        opt_conversion(p);
        if (EXPECT(T_COLON)) {
            while (fstring_format_spec_rule(p))
                ;
            ERRCHK();
            if (!CHECK_TOK(T_RBRACE)) {
                if (PyErr_Occurred())
                    RETURN(NULL);
                RETURN(RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN("f-string: expecting '}', or format specs"));
            }
        }
    }
    NEXT_ALT();
    /* '{' annotated_rhs '='? ['!' NAME] !'}' */
    if (lbrace_annotated_rhs(p)) {
        EXPECT(T_EQUAL);
        opt_conversion(p);
        if (!CHECK_TOK(T_RBRACE)) {
            if (PyErr_Occurred())
                RETURN(NULL);
            RETURN(RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN("f-string: expecting '}'"));
        }
    }
    NEXT_ALT();
    RETURN(NULL);
}

/* invalid_for_target: ASYNC? 'for' star_expressions */
void *
_RpParser_invalid_for_target(Parser *p)
{
    ENTER();
    int _mark = p->mark;
    expr_ty a;
    EXPECT(KW_ASYNC);
    if (EXPECT(KW_FOR) && (a = _RpParser_star_expressions(p)))
        RETURN(_RpParser_raise_invalid_target(p, FOR_TARGETS, a));
    NEXT_ALT();
    RETURN(NULL);
}
