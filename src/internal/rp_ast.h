/* rp_ast.h -- the abstract syntax tree, shaped like CPython 3.12's ast module.
 *
 * The parser (src/parser/) builds it; the compiler (src/compiler/) reads
 * it.  Nodes live in a _PyArena and die with it.  Identifiers and
 * constants are PyObject*: the arena owns one reference to each (register
 * them with _PyArena_AddPyObject), nodes merely point at them.
 * Every expr/stmt/etc. carries 1-based lineno and end_lineno and 0-based
 * UTF-8 byte col_offset/end_col_offset, as CPython's do.
 */
#ifndef RP_AST_H
#define RP_AST_H
#include "pycore.h"

/* ------------------------------ arena ------------------------------ */
typedef struct _arena PyArena;
PyArena *_PyArena_New(void);                     /* NULL + MemoryError */
void _PyArena_Free(PyArena *);                   /* frees nodes, decrefs objects */
void *_PyArena_Malloc(PyArena *, size_t size);   /* zeroed; NULL + MemoryError */
int _PyArena_AddPyObject(PyArena *, PyObject *); /* STEALS obj; 0/-1 (obj released on failure) */

/* --------------------------- sequences ----------------------------- */
typedef struct {
    Py_ssize_t size;
    void *elements[1];
} asdl_seq;
typedef asdl_seq asdl_expr_seq, asdl_stmt_seq, asdl_keyword_seq, asdl_arg_seq,
        asdl_alias_seq, asdl_withitem_seq, asdl_comprehension_seq,
        asdl_excepthandler_seq, asdl_match_case_seq, asdl_pattern_seq,
        asdl_identifier_seq, asdl_type_param_seq, asdl_type_ignore_seq;
typedef struct { Py_ssize_t size; int elements[1]; } asdl_int_seq;
asdl_seq *_Py_asdl_generic_seq_new(Py_ssize_t size, PyArena *);
asdl_int_seq *_Py_asdl_int_seq_new(Py_ssize_t size, PyArena *);
#define asdl_seq_LEN(S) ((S) == NULL ? 0 : (S)->size)
#define asdl_seq_GET(S, I) ((S)->elements[(I)])
#define asdl_seq_SET(S, I, V) ((S)->elements[(I)] = (V))

typedef PyObject *identifier;     /* interned str */
typedef PyObject *constant;
typedef PyObject *string;

typedef struct _mod *mod_ty;
typedef struct _stmt *stmt_ty;
typedef struct _expr *expr_ty;
typedef struct _comprehension *comprehension_ty;
typedef struct _excepthandler *excepthandler_ty;
typedef struct _arguments *arguments_ty;
typedef struct _arg *arg_ty;
typedef struct _keyword *keyword_ty;
typedef struct _alias *alias_ty;
typedef struct _withitem *withitem_ty;
typedef struct _match_case *match_case_ty;
typedef struct _pattern *pattern_ty;
typedef struct _type_param *type_param_ty;

typedef enum _expr_context { Load = 1, Store = 2, Del = 3 } expr_context_ty;
typedef enum _boolop { And = 1, Or = 2 } boolop_ty;
typedef enum _operator { Add = 1, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift,
                         BitOr, BitXor, BitAnd, FloorDiv } operator_ty;
typedef enum _unaryop { Invert = 1, Not, UAdd, USub } unaryop_ty;
typedef enum _cmpop { Eq = 1, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn } cmpop_ty;

/* ------------------------------ mod -------------------------------- */
enum _mod_kind { Module_kind = 1, Interactive_kind, Expression_kind, FunctionType_kind };
struct _mod {
    enum _mod_kind kind;
    union {
        struct { asdl_stmt_seq *body; asdl_type_ignore_seq *type_ignores; } Module;
        struct { asdl_stmt_seq *body; } Interactive;
        struct { expr_ty body; } Expression;
        struct { asdl_expr_seq *argtypes; expr_ty returns; } FunctionType;
    } v;
};

/* ------------------------------ stmt ------------------------------- */
enum _stmt_kind {
    FunctionDef_kind = 1, AsyncFunctionDef_kind, ClassDef_kind, Return_kind,
    Delete_kind, Assign_kind, TypeAlias_kind, AugAssign_kind, AnnAssign_kind,
    For_kind, AsyncFor_kind, While_kind, If_kind, With_kind, AsyncWith_kind,
    Match_kind, Raise_kind, Try_kind, TryStar_kind, Assert_kind, Import_kind,
    ImportFrom_kind, Global_kind, Nonlocal_kind, Expr_kind, Pass_kind,
    Break_kind, Continue_kind
};
struct _stmt {
    enum _stmt_kind kind;
    union {
        struct { identifier name; arguments_ty args; asdl_stmt_seq *body;
                 asdl_expr_seq *decorator_list; expr_ty returns; string type_comment;
                 asdl_type_param_seq *type_params; } FunctionDef;   /* also AsyncFunctionDef */
        struct { identifier name; arguments_ty args; asdl_stmt_seq *body;
                 asdl_expr_seq *decorator_list; expr_ty returns; string type_comment;
                 asdl_type_param_seq *type_params; } AsyncFunctionDef;
        struct { identifier name; asdl_expr_seq *bases; asdl_keyword_seq *keywords;
                 asdl_stmt_seq *body; asdl_expr_seq *decorator_list;
                 asdl_type_param_seq *type_params; } ClassDef;
        struct { expr_ty value; } Return;            /* value may be NULL */
        struct { asdl_expr_seq *targets; } Delete;
        struct { asdl_expr_seq *targets; expr_ty value; string type_comment; } Assign;
        struct { expr_ty name; asdl_type_param_seq *type_params; expr_ty value; } TypeAlias;
        struct { expr_ty target; operator_ty op; expr_ty value; } AugAssign;
        struct { expr_ty target; expr_ty annotation; expr_ty value; int simple; } AnnAssign;
        struct { expr_ty target; expr_ty iter; asdl_stmt_seq *body; asdl_stmt_seq *orelse;
                 string type_comment; } For;                /* also AsyncFor */
        struct { expr_ty target; expr_ty iter; asdl_stmt_seq *body; asdl_stmt_seq *orelse;
                 string type_comment; } AsyncFor;
        struct { expr_ty test; asdl_stmt_seq *body; asdl_stmt_seq *orelse; } While;
        struct { expr_ty test; asdl_stmt_seq *body; asdl_stmt_seq *orelse; } If;
        struct { asdl_withitem_seq *items; asdl_stmt_seq *body; string type_comment; } With;
        struct { asdl_withitem_seq *items; asdl_stmt_seq *body; string type_comment; } AsyncWith;
        struct { expr_ty subject; asdl_match_case_seq *cases; } Match;
        struct { expr_ty exc; expr_ty cause; } Raise;     /* both may be NULL */
        struct { asdl_stmt_seq *body; asdl_excepthandler_seq *handlers;
                 asdl_stmt_seq *orelse; asdl_stmt_seq *finalbody; } Try;   /* also TryStar */
        struct { asdl_stmt_seq *body; asdl_excepthandler_seq *handlers;
                 asdl_stmt_seq *orelse; asdl_stmt_seq *finalbody; } TryStar;
        struct { expr_ty test; expr_ty msg; } Assert;
        struct { asdl_alias_seq *names; } Import;
        struct { identifier module; asdl_alias_seq *names; int level; } ImportFrom;
        struct { asdl_identifier_seq *names; } Global;
        struct { asdl_identifier_seq *names; } Nonlocal;
        struct { expr_ty value; } Expr;
    } v;
    int lineno, col_offset, end_lineno, end_col_offset;
};

/* ------------------------------ expr ------------------------------- */
enum _expr_kind {
    BoolOp_kind = 1, NamedExpr_kind, BinOp_kind, UnaryOp_kind, Lambda_kind,
    IfExp_kind, Dict_kind, Set_kind, ListComp_kind, SetComp_kind, DictComp_kind,
    GeneratorExp_kind, Await_kind, Yield_kind, YieldFrom_kind, Compare_kind,
    Call_kind, FormattedValue_kind, JoinedStr_kind, Constant_kind,
    Attribute_kind, Subscript_kind, Starred_kind, Name_kind, List_kind,
    Tuple_kind, Slice_kind
};
struct _expr {
    enum _expr_kind kind;
    union {
        struct { boolop_ty op; asdl_expr_seq *values; } BoolOp;
        struct { expr_ty target; expr_ty value; } NamedExpr;
        struct { expr_ty left; operator_ty op; expr_ty right; } BinOp;
        struct { unaryop_ty op; expr_ty operand; } UnaryOp;
        struct { arguments_ty args; expr_ty body; } Lambda;
        struct { expr_ty test; expr_ty body; expr_ty orelse; } IfExp;
        struct { asdl_expr_seq *keys; asdl_expr_seq *values; } Dict;   /* key NULL = **value */
        struct { asdl_expr_seq *elts; } Set;
        struct { expr_ty elt; asdl_comprehension_seq *generators; } ListComp;
        struct { expr_ty elt; asdl_comprehension_seq *generators; } SetComp;
        struct { expr_ty key; expr_ty value; asdl_comprehension_seq *generators; } DictComp;
        struct { expr_ty elt; asdl_comprehension_seq *generators; } GeneratorExp;
        struct { expr_ty value; } Await;
        struct { expr_ty value; } Yield;            /* value may be NULL */
        struct { expr_ty value; } YieldFrom;
        struct { expr_ty left; asdl_int_seq *ops; asdl_expr_seq *comparators; } Compare;
        struct { expr_ty func; asdl_expr_seq *args; asdl_keyword_seq *keywords; } Call;
        struct { expr_ty value; int conversion; expr_ty format_spec; } FormattedValue; /* conversion -1, 's', 'r', 'a' */
        struct { asdl_expr_seq *values; } JoinedStr;
        struct { constant value; string kind; } Constant;   /* kind: "u" or NULL */
        struct { expr_ty value; identifier attr; expr_context_ty ctx; } Attribute;
        struct { expr_ty value; expr_ty slice; expr_context_ty ctx; } Subscript;
        struct { expr_ty value; expr_context_ty ctx; } Starred;
        struct { identifier id; expr_context_ty ctx; } Name;
        struct { asdl_expr_seq *elts; expr_context_ty ctx; } List;
        struct { asdl_expr_seq *elts; expr_context_ty ctx; } Tuple;
        struct { expr_ty lower; expr_ty upper; expr_ty step; } Slice;  /* each may be NULL */
    } v;
    int lineno, col_offset, end_lineno, end_col_offset;
};

struct _comprehension { expr_ty target; expr_ty iter; asdl_expr_seq *ifs; int is_async; };

enum _excepthandler_kind { ExceptHandler_kind = 1 };
struct _excepthandler {
    enum _excepthandler_kind kind;
    union { struct { expr_ty type; identifier name; asdl_stmt_seq *body; } ExceptHandler; } v;
    int lineno, col_offset, end_lineno, end_col_offset;
};

struct _arguments {
    asdl_arg_seq *posonlyargs;
    asdl_arg_seq *args;
    arg_ty vararg;               /* may be NULL */
    asdl_arg_seq *kwonlyargs;
    asdl_expr_seq *kw_defaults;  /* same length as kwonlyargs; NULL entries = no default */
    arg_ty kwarg;                /* may be NULL */
    asdl_expr_seq *defaults;     /* for the last len(defaults) of posonlyargs+args */
};

struct _arg {
    identifier arg; expr_ty annotation; string type_comment;
    int lineno, col_offset, end_lineno, end_col_offset;
};
struct _keyword {
    identifier arg;              /* NULL for **kwargs */
    expr_ty value;
    int lineno, col_offset, end_lineno, end_col_offset;
};
struct _alias {
    identifier name; identifier asname;   /* asname may be NULL */
    int lineno, col_offset, end_lineno, end_col_offset;
};
struct _withitem { expr_ty context_expr; expr_ty optional_vars; };
struct _match_case { pattern_ty pattern; expr_ty guard; asdl_stmt_seq *body; };

enum _pattern_kind {
    MatchValue_kind = 1, MatchSingleton_kind, MatchSequence_kind, MatchMapping_kind,
    MatchClass_kind, MatchStar_kind, MatchAs_kind, MatchOr_kind
};
struct _pattern {
    enum _pattern_kind kind;
    union {
        struct { expr_ty value; } MatchValue;
        struct { constant value; } MatchSingleton;
        struct { asdl_pattern_seq *patterns; } MatchSequence;
        struct { asdl_expr_seq *keys; asdl_pattern_seq *patterns; identifier rest; } MatchMapping;
        struct { expr_ty cls; asdl_pattern_seq *patterns; asdl_identifier_seq *kwd_attrs;
                 asdl_pattern_seq *kwd_patterns; } MatchClass;
        struct { identifier name; } MatchStar;
        struct { pattern_ty pattern; identifier name; } MatchAs;
        struct { asdl_pattern_seq *patterns; } MatchOr;
    } v;
    int lineno, col_offset, end_lineno, end_col_offset;
};

enum _type_param_kind { TypeVar_kind = 1, ParamSpec_kind, TypeVarTuple_kind };
struct _type_param {
    enum _type_param_kind kind;
    union {
        struct { identifier name; expr_ty bound; } TypeVar;
        struct { identifier name; } ParamSpec;
        struct { identifier name; } TypeVarTuple;
    } v;
    int lineno, col_offset, end_lineno, end_col_offset;
};

/* --------------------------- entry points -------------------------- */
/* Parse source text (UTF-8) into an AST allocated in arena.
   mode: Py_file_input, Py_eval_input or Py_single_input.
   On error: NULL with SyntaxError/IndentationError/TabError set, carrying
   CPython's message, filename, lineno, offset, end_lineno, end_offset and
   the source line (text), exactly as CPython 3.12 reports them. */
mod_ty _PyParser_ASTFromString(const char *str, PyObject *filename, int mode, PyArena *arena);

/* AST optimisation as CPython's ast_opt.c (constant folding etc.) Returns 0 / -1. */
int _PyAST_Optimize(mod_ty mod, PyArena *arena, int optimize);

/* Compile an AST to a code object: new reference or NULL + exception. */
PyCodeObject *_PyAST_Compile(mod_ty mod, PyObject *filename, int optimize, PyArena *arena);
/* The same with compiler flags (PyCF_* and the CO_FUTURE_* bits, in/out:
   future imports found in the module are added). */
/* Stack effect of an instruction (jump = 1 if the branch is taken); INT_MAX
   for an unknown opcode.  Used by the compiler and by dis.stack_effect. */
int _RpCompile_StackEffect(int opcode, int oparg, int jump);
PyCodeObject *_PyAST_CompileFlags(mod_ty mod, PyObject *filename, int *cf_flags, int optimize,
                                  PyArena *arena);

/* ------------------------ node constructors ------------------------ */
/* (parser helper) Allocate a node in the arena and fill it in, as CPython's
   _PyAST_* functions do: NULL + MemoryError on failure.  Implemented in
   src/parser/parser_nodes.c. */
mod_ty _PyAST_Module(asdl_stmt_seq *body, asdl_type_ignore_seq *type_ignores, PyArena *arena);
mod_ty _PyAST_Interactive(asdl_stmt_seq *body, PyArena *arena);
mod_ty _PyAST_Expression(expr_ty body, PyArena *arena);
comprehension_ty _PyAST_comprehension(expr_ty target, expr_ty iter, asdl_expr_seq *ifs, int is_async, PyArena *arena);
arguments_ty _PyAST_arguments(asdl_arg_seq *posonlyargs, asdl_arg_seq *args, arg_ty vararg, asdl_arg_seq *kwonlyargs, asdl_expr_seq *kw_defaults, arg_ty kwarg, asdl_expr_seq *defaults, PyArena *arena);
arg_ty _PyAST_arg(identifier arg, expr_ty annotation, string type_comment, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
keyword_ty _PyAST_keyword(identifier arg, expr_ty value, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
alias_ty _PyAST_alias(identifier name, identifier asname, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
withitem_ty _PyAST_withitem(expr_ty context_expr, expr_ty optional_vars, PyArena *arena);
match_case_ty _PyAST_match_case(pattern_ty pattern, expr_ty guard, asdl_stmt_seq *body, PyArena *arena);
stmt_ty _PyAST_FunctionDef(identifier name, arguments_ty args, asdl_stmt_seq *body, asdl_expr_seq *decorator_list, expr_ty returns, string type_comment, asdl_type_param_seq *type_params, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_AsyncFunctionDef(identifier name, arguments_ty args, asdl_stmt_seq *body, asdl_expr_seq *decorator_list, expr_ty returns, string type_comment, asdl_type_param_seq *type_params, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_ClassDef(identifier name, asdl_expr_seq *bases, asdl_keyword_seq *keywords, asdl_stmt_seq *body, asdl_expr_seq *decorator_list, asdl_type_param_seq *type_params, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_Return(expr_ty value, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_Delete(asdl_expr_seq *targets, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_Assign(asdl_expr_seq *targets, expr_ty value, string type_comment, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_TypeAlias(expr_ty name, asdl_type_param_seq *type_params, expr_ty value, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_AugAssign(expr_ty target, operator_ty op, expr_ty value, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_AnnAssign(expr_ty target, expr_ty annotation, expr_ty value, int simple, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_For(expr_ty target, expr_ty iter, asdl_stmt_seq *body, asdl_stmt_seq *orelse, string type_comment, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_AsyncFor(expr_ty target, expr_ty iter, asdl_stmt_seq *body, asdl_stmt_seq *orelse, string type_comment, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_While(expr_ty test, asdl_stmt_seq *body, asdl_stmt_seq *orelse, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_If(expr_ty test, asdl_stmt_seq *body, asdl_stmt_seq *orelse, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_With(asdl_withitem_seq *items, asdl_stmt_seq *body, string type_comment, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_AsyncWith(asdl_withitem_seq *items, asdl_stmt_seq *body, string type_comment, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_Match(expr_ty subject, asdl_match_case_seq *cases, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_Raise(expr_ty exc, expr_ty cause, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_Try(asdl_stmt_seq *body, asdl_excepthandler_seq *handlers, asdl_stmt_seq *orelse, asdl_stmt_seq *finalbody, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_TryStar(asdl_stmt_seq *body, asdl_excepthandler_seq *handlers, asdl_stmt_seq *orelse, asdl_stmt_seq *finalbody, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_Assert(expr_ty test, expr_ty msg, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_Import(asdl_alias_seq *names, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_ImportFrom(identifier module, asdl_alias_seq *names, int level, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_Global(asdl_identifier_seq *names, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_Nonlocal(asdl_identifier_seq *names, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_Expr(expr_ty value, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_Pass(int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_Break(int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
stmt_ty _PyAST_Continue(int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_BoolOp(boolop_ty op, asdl_expr_seq *values, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_NamedExpr(expr_ty target, expr_ty value, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_BinOp(expr_ty left, operator_ty op, expr_ty right, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_UnaryOp(unaryop_ty op, expr_ty operand, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_Lambda(arguments_ty args, expr_ty body, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_IfExp(expr_ty test, expr_ty body, expr_ty orelse, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_Dict(asdl_expr_seq *keys, asdl_expr_seq *values, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_Set(asdl_expr_seq *elts, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_ListComp(expr_ty elt, asdl_comprehension_seq *generators, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_SetComp(expr_ty elt, asdl_comprehension_seq *generators, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_DictComp(expr_ty key, expr_ty value, asdl_comprehension_seq *generators, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_GeneratorExp(expr_ty elt, asdl_comprehension_seq *generators, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_Await(expr_ty value, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_Yield(expr_ty value, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_YieldFrom(expr_ty value, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_Compare(expr_ty left, asdl_int_seq *ops, asdl_expr_seq *comparators, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_Call(expr_ty func, asdl_expr_seq *args, asdl_keyword_seq *keywords, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_FormattedValue(expr_ty value, int conversion, expr_ty format_spec, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_JoinedStr(asdl_expr_seq *values, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_Constant(constant value, string kind, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_Attribute(expr_ty value, identifier attr, expr_context_ty ctx, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_Subscript(expr_ty value, expr_ty slice, expr_context_ty ctx, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_Starred(expr_ty value, expr_context_ty ctx, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_Name(identifier id, expr_context_ty ctx, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_List(asdl_expr_seq *elts, expr_context_ty ctx, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_Tuple(asdl_expr_seq *elts, expr_context_ty ctx, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
expr_ty _PyAST_Slice(expr_ty lower, expr_ty upper, expr_ty step, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
excepthandler_ty _PyAST_ExceptHandler(expr_ty type, identifier name, asdl_stmt_seq *body, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
pattern_ty _PyAST_MatchValue(expr_ty value, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
pattern_ty _PyAST_MatchSingleton(constant value, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
pattern_ty _PyAST_MatchSequence(asdl_pattern_seq *patterns, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
pattern_ty _PyAST_MatchMapping(asdl_expr_seq *keys, asdl_pattern_seq *patterns, identifier rest, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
pattern_ty _PyAST_MatchClass(expr_ty cls, asdl_pattern_seq *patterns, asdl_identifier_seq *kwd_attrs, asdl_pattern_seq *kwd_patterns, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
pattern_ty _PyAST_MatchStar(identifier name, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
pattern_ty _PyAST_MatchAs(pattern_ty pattern, identifier name, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
pattern_ty _PyAST_MatchOr(asdl_pattern_seq *patterns, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
type_param_ty _PyAST_TypeVar(identifier name, expr_ty bound, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
type_param_ty _PyAST_ParamSpec(identifier name, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
type_param_ty _PyAST_TypeVarTuple(identifier name, int lineno, int col_offset, int end_lineno, int end_col_offset, PyArena *arena);
#endif
