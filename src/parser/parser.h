/* parser.h -- private interface between the parser's files.
 *
 * parser.c / parser_expr.c  the grammar (recursive descent, PEG-style)
 * pegen_errors.c            the driver (_PyParser_ASTFromString) and errors
 * string_parser.c           string, bytes and f-string literals
 * parser_helpers.c          small AST-building helpers used by the rules
 * parser_nodes.c            node constructors (_PyAST_*)
 * tokenizer.c               tokens
 */
#ifndef RP_PARSER_H
#define RP_PARSER_H
#include "pycore.h"
#include "rp_ast.h"
#include "tokenizer.h"
#include "refpy/complexobject.h"   /* PyComplex_FromDoubles (imaginary literals) */

#define MAXSTACK 6000
#define CURRENT_POS (-5)

typedef struct _rp_memo {
    int type;
    void *node;
    int mark;
    struct _rp_memo *next;
} Memo;

typedef struct {
    Token *tokens;
    int ntokens;              /* tokens the tokenizer produced */
    int mark;                 /* current position */
    int fill;                 /* tokens "fetched" so far (high-water mark) */
    TokState *tok;
    PyArena *arena;
    PyObject *filename;
    const char *src;          /* translated source (NUL-terminated) */
    Py_ssize_t srclen;
    int start_rule;
    int error_indicator;
    int call_invalid_rules;   /* second pass: invalid_* rules active */
    int level;                /* rule nesting depth */
    Token *known_err_token;
    PyObject *empty_str;      /* cached '' (owned by the arena) */
} Parser;

/* Intermediate results (arena-allocated). */
typedef struct { cmpop_ty cmpop; expr_ty expr; } CmpopExprPair;
typedef struct { expr_ty key; expr_ty value; } KeyValuePair;
typedef struct { expr_ty key; pattern_ty pattern; } KeyPatternPair;
typedef struct { arg_ty arg; expr_ty value; } NameDefaultPair;
typedef struct { asdl_arg_seq *plain_names; asdl_seq *names_with_defaults; } SlashWithDefault;
typedef struct { arg_ty vararg; asdl_seq *kwonlyargs; arg_ty kwarg; } StarEtc;
typedef struct { void *element; int is_keyword; } KeywordOrStarred;
typedef struct { void *result; Token *meta_token; } ResultTokenWithMetadata;

typedef enum { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS } TARGETS_TYPE;

/* ---- tokens ---- */
void _RpParser_fetch(Parser *p, int i);     /* emulate CPython's lazy fill */
static inline Token *
_RpParser_tok(Parser *p, int i)
{
    if (i >= p->fill)
        _RpParser_fetch(p, i);
    return &p->tokens[i];
}

/* ---- errors (pegen_errors.c) ---- */
void *_RpParser_raise_error(Parser *p, PyObject *errtype, int use_mark, const char *fmt, ...);
void *_RpParser_raise_error_known_location(Parser *p, PyObject *errtype,
                                           Py_ssize_t lineno, Py_ssize_t col_offset,
                                           Py_ssize_t end_lineno, Py_ssize_t end_col_offset,
                                           const char *fmt, ...);
void _RpParser_raise_tokenizer_error(Parser *p);
void _RpParser_stack_overflow(Parser *p);
void *_RpParser_raise_invalid_target(Parser *p, TARGETS_TYPE type, expr_ty e);
const char *_RpParser_get_expr_name(expr_ty e);
expr_ty _RpParser_get_invalid_target(expr_ty e, TARGETS_TYPE targets_type);
void *_RpParser_arguments_parsing_error(Parser *p, expr_ty e);
void *_RpParser_nonparen_genexp_in_call(Parser *p, expr_ty args, asdl_comprehension_seq *comps);
void *_RpParser_raise_error_for_missing_comma(Parser *p, expr_ty a, expr_ty b);
int _RpParser_warn(Parser *p, PyObject *category, int lineno, const char *msg);

#define RAISE_SYNTAX_ERROR(...) _RpParser_raise_error(p, PyExc_SyntaxError, 0, __VA_ARGS__)
#define RAISE_INDENTATION_ERROR(...) _RpParser_raise_error(p, PyExc_IndentationError, 0, __VA_ARGS__)
#define RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN(...) _RpParser_raise_error(p, PyExc_SyntaxError, 1, __VA_ARGS__)
#define RAISE_ERROR_KNOWN_LOCATION(errtype, l, c, el, ec, ...) \
    _RpParser_raise_error_known_location(p, errtype, (l), \
        (c) == CURRENT_POS ? CURRENT_POS : (c) + 1, (el), \
        (ec) == CURRENT_POS ? CURRENT_POS : (ec) + 1, __VA_ARGS__)
#define RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, ...) \
    RAISE_ERROR_KNOWN_LOCATION(PyExc_SyntaxError, (a)->lineno, (a)->col_offset, \
                               (b)->end_lineno, (b)->end_col_offset, __VA_ARGS__)
#define RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, ...) \
    RAISE_ERROR_KNOWN_LOCATION(PyExc_SyntaxError, (a)->lineno, (a)->col_offset, \
                               (a)->end_lineno, (a)->end_col_offset, __VA_ARGS__)
#define RAISE_SYNTAX_ERROR_STARTING_FROM(a, ...) \
    RAISE_ERROR_KNOWN_LOCATION(PyExc_SyntaxError, (a)->lineno, (a)->col_offset, \
                               CURRENT_POS, CURRENT_POS, __VA_ARGS__)

/* ---- helpers (parser_helpers.c) ---- */
PyObject *_RpParser_new_identifier(Parser *p, const char *s, Py_ssize_t n);
expr_ty _RpParser_name_token(Parser *p);
expr_ty _RpParser_name_from_token(Parser *p, Token *t);
expr_ty _RpParser_number_token(Parser *p);
Token *_RpParser_last_nonwhitespace_token(Parser *p);
asdl_seq *_RpParser_seq_from_array(Parser *p, void **items, Py_ssize_t n);
asdl_seq *_RpParser_singleton_seq(Parser *p, void *a);
asdl_seq *_RpParser_seq_insert_in_front(Parser *p, void *a, asdl_seq *seq);
asdl_seq *_RpParser_seq_append_to_end(Parser *p, asdl_seq *seq, void *a);
asdl_seq *_RpParser_seq_flatten(Parser *p, asdl_seq *seqs);
asdl_seq *_RpParser_join_sequences(Parser *p, asdl_seq *a, asdl_seq *b);
expr_ty _RpParser_join_names_with_dot(Parser *p, expr_ty first, expr_ty second);
int _RpParser_seq_count_dots(asdl_seq *seq);
alias_ty _RpParser_alias_for_star(Parser *p, int lineno, int col_offset, int end_lineno,
                                  int end_col_offset, PyArena *arena);
asdl_identifier_seq *_RpParser_map_names_to_ids(Parser *p, asdl_expr_seq *seq);
expr_ty _RpParser_set_expr_context(Parser *p, expr_ty expr, expr_context_ty ctx);
KeyValuePair *_RpParser_key_value_pair(Parser *p, expr_ty key, expr_ty value);
asdl_expr_seq *_RpParser_get_keys(Parser *p, asdl_seq *seq);
asdl_expr_seq *_RpParser_get_values(Parser *p, asdl_seq *seq);
KeyPatternPair *_RpParser_key_pattern_pair(Parser *p, expr_ty key, pattern_ty pattern);
asdl_expr_seq *_RpParser_get_pattern_keys(Parser *p, asdl_seq *seq);
asdl_pattern_seq *_RpParser_get_patterns(Parser *p, asdl_seq *seq);
NameDefaultPair *_RpParser_name_default_pair(Parser *p, arg_ty arg, expr_ty value);
SlashWithDefault *_RpParser_slash_with_default(Parser *p, asdl_arg_seq *plain_names,
                                               asdl_seq *names_with_defaults);
StarEtc *_RpParser_star_etc(Parser *p, arg_ty vararg, asdl_seq *kwonlyargs, arg_ty kwarg);
arguments_ty _RpParser_make_arguments(Parser *p, asdl_arg_seq *slash_without_default,
                                      SlashWithDefault *slash_with_default,
                                      asdl_arg_seq *plain_names, asdl_seq *names_with_default,
                                      StarEtc *star_etc);
arguments_ty _RpParser_empty_arguments(Parser *p);
stmt_ty _RpParser_function_def_decorators(Parser *p, asdl_expr_seq *decorators, stmt_ty f);
stmt_ty _RpParser_class_def_decorators(Parser *p, asdl_expr_seq *decorators, stmt_ty c);
KeywordOrStarred *_RpParser_keyword_or_starred(Parser *p, void *element, int is_keyword);
asdl_expr_seq *_RpParser_seq_extract_starred_exprs(Parser *p, asdl_seq *kwargs);
asdl_keyword_seq *_RpParser_seq_delete_starred_exprs(Parser *p, asdl_seq *kwargs);
expr_ty _RpParser_collect_call_seqs(Parser *p, asdl_expr_seq *a, asdl_seq *b, int lineno,
                                    int col_offset, int end_lineno, int end_col_offset,
                                    PyArena *arena);
expr_ty _RpParser_dummy_name(Parser *p);
CmpopExprPair *_RpParser_cmpop_expr_pair(Parser *p, cmpop_ty cmpop, expr_ty expr);
asdl_int_seq *_RpParser_get_cmpops(Parser *p, asdl_seq *seq);
asdl_expr_seq *_RpParser_get_exprs(Parser *p, asdl_seq *seq);
expr_ty _RpParser_ensure_imaginary(Parser *p, expr_ty exp);
expr_ty _RpParser_ensure_real(Parser *p, expr_ty exp);
int _RpParser_check_legacy_stmt(Parser *p, expr_ty name);
expr_ty _RpParser_get_last_comprehension_item(comprehension_ty comprehension);
stmt_ty _RpParser_checked_future_import(Parser *p, identifier module, asdl_alias_seq *names,
                                        int level, int lineno, int col_offset, int end_lineno,
                                        int end_col_offset, PyArena *arena);

/* ---- literals (string_parser.c) ---- */
expr_ty _RpParser_constant_from_string(Parser *p, Token *tok);
expr_ty _RpParser_constant_from_token(Parser *p, Token *tok);
expr_ty _RpParser_decoded_constant_from_token(Parser *p, Token *tok);
expr_ty _RpParser_joined_str(Parser *p, Token *a, asdl_expr_seq *raw, Token *b);
expr_ty _RpParser_formatted_value(Parser *p, expr_ty expression, Token *debug,
                                  ResultTokenWithMetadata *conversion,
                                  ResultTokenWithMetadata *format, Token *closing_brace,
                                  int lineno, int col_offset, int end_lineno,
                                  int end_col_offset, PyArena *arena);
ResultTokenWithMetadata *_RpParser_check_fstring_conversion(Parser *p, Token *conv_token,
                                                            expr_ty conv);
ResultTokenWithMetadata *_RpParser_setup_full_format_spec(Parser *p, Token *colon,
                                                          asdl_expr_seq *spec, int lineno,
                                                          int col_offset, int end_lineno,
                                                          int end_col_offset, PyArena *arena);
expr_ty _RpParser_concatenate_strings(Parser *p, asdl_expr_seq *strings, int lineno,
                                      int col_offset, int end_lineno, int end_col_offset,
                                      PyArena *arena);
PyObject *_RpParser_parse_number(const char *s, Py_ssize_t n);

/* ---- the grammar (parser.c) ---- */
mod_ty _RpParser_parse(Parser *p);


/* ================= rule-writing kit (parser.c, parser_expr.c) =================
 *
 * Every rule is a function returning its result or NULL.  On failure it
 * leaves p->mark where it found it.  p->error_indicator set means an error
 * was raised and everything unwinds.  p->level guards the C stack.
 */
#define ENTER() do { \
        if (p->level++ == MAXSTACK) _RpParser_stack_overflow(p); \
        if (p->error_indicator) { p->level--; return NULL; } \
    } while (0)
#define RETURN(x) do { p->level--; return (x); } while (0)
/* Position of the rule's first token, and EXTRA: the node position
   spanning from it to the last non-whitespace token consumed. */
#define START() Token *_st = _RpParser_tok(p, _mark); \
    if (p->error_indicator) RETURN(NULL)
#define EXTRA _st->lineno, _st->col_offset, _RpParser_last_nonwhitespace_token(p)->end_lineno, \
    _RpParser_last_nonwhitespace_token(p)->end_col_offset, p->arena
/* After a failed alternative: rewind, and stop if an error was raised. */
#define NEXT_ALT() do { p->mark = _mark; if (p->error_indicator) RETURN(NULL); } while (0)
#define ERRCHK() do { if (p->error_indicator) RETURN(NULL); } while (0)

static inline Token *
_rp_expect(Parser *p, int type)
{
    Token *t = _RpParser_tok(p, p->mark);
    if (t->type == type) {
        p->mark++;
        return t;
    }
    return NULL;
}
#define EXPECT(type) _rp_expect(p, (type))

static inline int
_rp_check(Parser *p, int type)
{
    return _RpParser_tok(p, p->mark)->type == type;
}
#define CHECK_TOK(type) _rp_check(p, (type))
#define PEEK_TYPE() (_RpParser_tok(p, p->mark)->type)

static inline int
_rp_is_soft(Token *t, const char *kw)
{
    size_t n = strlen(kw);
    return t->type == T_NAME && (size_t)(t->end - t->start) == n && memcmp(t->start, kw, n) == 0;
}
static inline Token *
_rp_expect_soft(Parser *p, const char *kw)
{
    Token *t = _RpParser_tok(p, p->mark);
    if (_rp_is_soft(t, kw)) {
        p->mark++;
        return t;
    }
    return NULL;
}
#define EXPECT_SOFT(kw) _rp_expect_soft(p, (kw))
#define CHECK_SOFT(kw) _rp_is_soft(_RpParser_tok(p, p->mark), (kw))

/* &&'x': the token must be there, else "expected 'x'" right away. */
static inline Token *
_rp_expect_forced(Parser *p, int type, const char *expected)
{
    if (p->error_indicator)
        return NULL;
    Token *t = _RpParser_tok(p, p->mark);
    if (p->error_indicator)
        return NULL;
    if (t->type != type) {
        RAISE_SYNTAX_ERROR_KNOWN_LOCATION(t, "expected '%s'", expected);
        return NULL;
    }
    p->mark++;
    return t;
}
#define EXPECT_FORCED(type, s) _rp_expect_forced(p, (type), (s))

/* Memoisation: results cached per (token, rule). */
int _RpParser_is_memoized(Parser *p, int type, void *pres);
int _RpParser_insert_memo(Parser *p, int mark, int type, void *node);
void _RpParser_clear_memo(Parser *p);

/* A growable list built in the arena. */
typedef struct {
    void **items;
    Py_ssize_t n, cap;
} Vec;
int _RpParser_vec_push(Parser *p, Vec *v, void *item);
asdl_seq *_RpParser_vec_seq(Parser *p, Vec *v);
#define VEC_INIT {NULL, 0, 0}

enum {
    M_simple_stmt = 1, M_block, M_expression, M_star_expression, M_disjunction,
    M_conjunction, M_inversion, M_factor, M_await_primary, M_bitwise_or, M_primary,
    M_t_primary, M_star_target, M_target_with_star_atom, M_del_target, M_arguments,
    M_strings, M_closed_pattern, M_star_pattern, M_type_param, M_invalid_named_expression,
    M_sum, M_term, M_shift_expr, M_bitwise_and, M_bitwise_xor, M_comparison,
    M_import_stmt, M_dotted_name, M_attr
};

/* Rules shared between the grammar files. */
expr_ty _RpParser_expression(Parser *p);
expr_ty _RpParser_expressions(Parser *p);
expr_ty _RpParser_star_expressions(Parser *p);
expr_ty _RpParser_star_expression(Parser *p);
expr_ty _RpParser_named_expression(Parser *p);
expr_ty _RpParser_star_named_expression(Parser *p);
asdl_expr_seq *_RpParser_star_named_expressions(Parser *p);
expr_ty _RpParser_yield_expr(Parser *p);
expr_ty _RpParser_annotated_rhs(Parser *p);
expr_ty _RpParser_disjunction(Parser *p);
expr_ty _RpParser_bitwise_or(Parser *p);
expr_ty _RpParser_star_targets(Parser *p);
expr_ty _RpParser_star_target(Parser *p);
expr_ty _RpParser_single_target(Parser *p);
expr_ty _RpParser_single_subscript_attribute_target(Parser *p);
asdl_expr_seq *_RpParser_del_targets(Parser *p);
expr_ty _RpParser_arguments(Parser *p);
expr_ty _RpParser_strings(Parser *p);
expr_ty _RpParser_list(Parser *p);
expr_ty _RpParser_tuple(Parser *p);
expr_ty _RpParser_genexp(Parser *p);
asdl_comprehension_seq *_RpParser_for_if_clauses(Parser *p);
expr_ty _RpParser_lambdef(Parser *p);
expr_ty _RpParser_default(Parser *p);
void *_RpParser_invalid_for_target(Parser *p);
#endif
