/* compiler.h -- internal interfaces between the compiler's passes.
 *
 *   symtable.c   AST -> symbol table (scopes, name binding analysis)
 *   compile.c    AST + symbol table -> instruction sequence (with labels)
 *   flowgraph.c  instruction sequence -> control flow graph, optimisations,
 *                stack depth, locals layout, jump resolution
 *   assemble.c   final instruction sequence -> code object (bytecode with
 *                inline caches, location table, exception table)
 *
 * Everything here is private to src/compiler/.
 */
#ifndef RP_COMPILER_H
#define RP_COMPILER_H
#include "pycore.h"
#include "rp_ast.h"
#include "rp_opcode.h"
#include <stdint.h>
#include <stdbool.h>

/* ---------------------------- locations ---------------------------- */
typedef struct {
    int lineno;
    int end_lineno;
    int col_offset;
    int end_col_offset;
} location;

#define LOCATION(LNO, END_LNO, COL, END_COL) \
    ((const location){(LNO), (END_LNO), (COL), (END_COL)})
static const location NO_LOCATION = {-1, -1, -1, -1};

/* -------------------------- opcode predicates ------------------------ */
static inline int rp_is_block_push(int op)
{ return op == SETUP_FINALLY || op == SETUP_CLEANUP || op == SETUP_WITH; }
static inline int rp_is_jump(int op)
{
    switch (op) {
    case FOR_ITER: case JUMP_FORWARD: case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE:
    case POP_JUMP_IF_NONE: case POP_JUMP_IF_NOT_NONE: case SEND:
    case JUMP_BACKWARD_NO_INTERRUPT: case JUMP_BACKWARD: case JUMP: case JUMP_NO_INTERRUPT:
        return 1;
    }
    return 0;
}
static inline int rp_has_target(int op) { return rp_is_jump(op) || rp_is_block_push(op); }
static inline int rp_is_uncond_jump(int op)
{
    return op == JUMP || op == JUMP_NO_INTERRUPT || op == JUMP_FORWARD ||
           op == JUMP_BACKWARD || op == JUMP_BACKWARD_NO_INTERRUPT;
}
static inline int rp_is_scope_exit(int op)
{ return op == RETURN_VALUE || op == RETURN_CONST || op == RAISE_VARARGS || op == RERAISE; }
static inline int rp_is_terminator(int op) { return rp_is_jump(op) || rp_is_scope_exit(op); }
static inline int rp_has_arg(int op)
{ return op >= HAVE_ARGUMENT || IS_PSEUDO_OPCODE(op); }
static inline int rp_has_const(int op) { return op == LOAD_CONST || op == RETURN_CONST || op == KW_NAMES; }

/* Size in code units of an instruction incl. EXTENDED_ARG prefixes and caches. */
static inline int rp_instr_size(int opcode, int oparg)
{
    int extended = (0xFFFFFF < oparg) + (0xFFFF < oparg) + (0xFF < oparg);
    int caches = opcode < 256 ? _PyOpcode_Caches[opcode] : 0;
    return extended + 1 + caches;
}

/* ----------------------- instruction sequence ---------------------- */
typedef struct {
    int i_opcode;
    int i_oparg;
    location i_loc;
    /* exception handler info, filled in for the assembler only */
    int h_offset;                  /* handler offset in code units, or -1 */
    int h_startdepth;
    int h_preserve_lasti;
} rp_instr;

typedef struct {
    rp_instr *s_instrs;
    int s_allocated;
    int s_used;
    int *s_labelmap;          /* label id -> instruction index (or -1) */
    int s_labelmap_size;
    int s_nlabels;
} instr_sequence;

int _RpSeq_Addop(instr_sequence *seq, int opcode, int oparg, location loc);
int _RpSeq_NewLabel(instr_sequence *seq);
int _RpSeq_UseLabel(instr_sequence *seq, int lbl);
void _RpSeq_Fini(instr_sequence *seq);
int _RpCompile_EnsureArray(int idx, void **array, int *alloc, int default_alloc, size_t item_size);

/* ------------------------------ CFG -------------------------------- */
struct basicblock_;
typedef struct {
    int i_opcode;
    int i_oparg;
    location i_loc;
    struct basicblock_ *i_target;
    struct basicblock_ *i_except;
} cfg_instr;

#define CO_MAXBLOCKS 21   /* 20 nested blocks + the base */
typedef struct {
    struct basicblock_ *handlers[CO_MAXBLOCKS + 2];
    int depth;
} ExceptStack;

typedef struct basicblock_ {
    struct basicblock_ *b_list;     /* every block, for freeing */
    int b_label;                    /* label id or -1 */
    ExceptStack *b_exceptstack;
    cfg_instr *b_instr;
    struct basicblock_ *b_next;     /* layout order */
    int b_iused;
    int b_ialloc;
    uint64_t b_unsafe_locals_mask;
    int b_predecessors;
    int b_startdepth;
    int b_offset;
    unsigned b_preserve_lasti : 1;
    unsigned b_visited : 1;
    unsigned b_except_handler : 1;
    unsigned b_cold : 1;
    unsigned b_warm : 1;
} basicblock;

typedef struct {
    basicblock *g_entryblock;
    basicblock *g_block_list;
    basicblock *g_curblock;
    int g_current_label;
} cfg_builder;

/* Per-code-unit metadata that the back end needs. */
typedef struct {
    PyObject *u_name;
    PyObject *u_qualname;
    PyObject *u_consts;     /* dict: const key -> index */
    PyObject *u_names;      /* dict: name -> index */
    PyObject *u_varnames;   /* dict: name -> index */
    PyObject *u_cellvars;   /* dict: name -> index */
    PyObject *u_freevars;   /* dict: name -> index (offset by ncells) */
    PyObject *u_fasthidden; /* dict: name -> True (hidden comprehension locals) */
    Py_ssize_t u_argcount;
    Py_ssize_t u_posonlyargcount;
    Py_ssize_t u_kwonlyargcount;
    int u_firstlineno;
} rp_codeunit_metadata;

int _RpCfg_FromSequence(instr_sequence *seq, cfg_builder *g);
int _RpCfg_ToSequence(cfg_builder *g, instr_sequence *seq);
void _RpCfg_Fini(cfg_builder *g);
/* consts: a list (may grow while folding); nlocals/nparams for the
   uninitialised-load analysis. */
int _RpCfg_OptimizeCodeUnit(cfg_builder *g, PyObject *consts, PyObject *const_cache,
                            int code_flags, int nlocals, int nparams, int firstlineno);
/* MAKE_CELL / COPY_FREE_VARS / RETURN_GENERATOR prologue and cell offsets;
   returns nlocalsplus or -1. */
int _RpCfg_PrepareLocalsplus(rp_codeunit_metadata *umd, cfg_builder *g, int code_flags);
int _RpCfg_Stackdepth(basicblock *entry, int code_flags);
void _RpCfg_ConvertPseudoOps(basicblock *entry);
int _RpCfg_ResolveJumps(cfg_builder *g);
/* _RpCompile_StackEffect (stack effect of one instruction) is declared in
   rp_ast.h: dis.stack_effect uses it too. */

/* Constant cache shared by all code units of one compilation: merges equal
   constants (same type, same value) into one object.  *obj is replaced
   by the canonical object (new reference). */
int _RpCompile_ConstCacheMergeOne(PyObject *const_cache, PyObject **obj);
/* The key that distinguishes 1, 1.0, True, -0.0, ... (new reference). */
PyObject *_RpCompile_ConstKey(PyObject *o);

/* assemble.c: build the code object.  consts is a list. New reference. */
PyCodeObject *_RpAssemble_MakeCodeObject(rp_codeunit_metadata *umd, PyObject *const_cache,
                                         PyObject *consts, int maxdepth, instr_sequence *instrs,
                                         int nlocalsplus, int code_flags, PyObject *filename);

/* ---------------------------- symtable ------------------------------ */
typedef enum {
    FunctionBlock, ClassBlock, ModuleBlock, AnnotationBlock,
    TypeVarBoundBlock, TypeAliasBlock, TypeParamBlock
} rp_block_ty;

typedef enum {
    NoComprehension = 0, ListComprehension = 1, DictComprehension = 2,
    SetComprehension = 3, GeneratorExpression = 4
} rp_comprehension_ty;

struct symtable;

typedef struct _symtable_entry {
    struct symtable *ste_table;
    void *ste_id;                    /* the AST node (key) */
    PyObject *ste_symbols;           /* dict: name -> flags (int) */
    PyObject *ste_name;
    PyObject *ste_varnames;          /* list of parameter names */
    struct _symtable_entry **ste_children;
    int ste_nchildren, ste_achildren;
    PyObject *ste_directives;        /* list of (name, lineno, col, end_lineno, end_col) */
    PyObject *ste_mangled_names;     /* dict used as a set, or NULL */
    rp_block_ty ste_type;
    int ste_nested;
    unsigned ste_free : 1;
    unsigned ste_child_free : 1;
    unsigned ste_generator : 1;
    unsigned ste_coroutine : 1;
    rp_comprehension_ty ste_comprehension;
    unsigned ste_varargs : 1;
    unsigned ste_varkeywords : 1;
    unsigned ste_returns_value : 1;
    unsigned ste_needs_class_closure : 1;
    unsigned ste_needs_classdict : 1;
    unsigned ste_comp_inlined : 1;
    unsigned ste_comp_iter_target : 1;
    unsigned ste_can_see_class_scope : 1;
    int ste_comp_iter_expr;
    int ste_lineno, ste_col_offset, ste_end_lineno, ste_end_col_offset;
    int ste_opt_lineno, ste_opt_col_offset;
} PySTEntryObject;

struct symtable {
    PyObject *st_filename;
    PySTEntryObject *st_cur;
    PySTEntryObject *st_top;
    PyObject *st_blocks;             /* dict: id(node) -> index into st_all */
    PySTEntryObject **st_all;
    int st_nall, st_aall;
    PySTEntryObject **st_stack;
    int st_nstack, st_astack;
    PyObject *st_global;             /* borrowed: module's ste_symbols */
    int st_nblocks;
    PyObject *st_private;            /* class name for mangling, borrowed */
    int st_future_features;
    int recursion_depth;
    int recursion_limit;
};

#define DEF_GLOBAL 1
#define DEF_LOCAL 2
#define DEF_PARAM (2 << 1)
#define DEF_NONLOCAL (2 << 2)
#define USE (2 << 3)
#define DEF_FREE (2 << 4)
#define DEF_FREE_CLASS (2 << 5)
#define DEF_IMPORT (2 << 6)
#define DEF_ANNOT (2 << 7)
#define DEF_COMP_ITER (2 << 8)
#define DEF_TYPE_PARAM (2 << 9)
#define DEF_COMP_CELL (2 << 10)
#define DEF_BOUND (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)
#define SCOPE_OFFSET 12
#define SCOPE_MASK (DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL)
#define LOCAL 1
#define GLOBAL_EXPLICIT 2
#define GLOBAL_IMPLICIT 3
#define FREE 4
#define CELL 5

/* future features */
#define CO_FUTURE_ANNOTATIONS 0x1000000
#define CO_FUTURE_BARRY_AS_BDFL 0x400000
/* compiler flags (compile()'s flags argument) */
#ifndef PyCF_MASK
#define PyCF_MASK 0x1fe0000            /* the CO_FUTURE_* bits */
#endif
#ifndef PyCF_ALLOW_TOP_LEVEL_AWAIT
#define PyCF_ALLOW_TOP_LEVEL_AWAIT 0x2000
#endif

struct symtable *_RpSymtable_Build(mod_ty mod, PyObject *filename, int future_features);
void _RpSymtable_Free(struct symtable *st);
PySTEntryObject *_RpSymtable_Lookup(struct symtable *st, void *key);  /* borrowed; NULL + exc */
long _RpST_GetSymbol(PySTEntryObject *ste, PyObject *name);
int _RpST_GetScope(PySTEntryObject *ste, PyObject *name);
int _RpST_IsFunctionLike(PySTEntryObject *ste);
/* Name mangling: new reference. */
PyObject *_RpMangle(PyObject *privateobj, PyObject *ident);
PyObject *_RpMaybeMangle(PyObject *privateobj, PySTEntryObject *ste, PyObject *name);

/* Raise SyntaxError(msg, (filename, lineno, col+1, None, end_lineno, end_col+1)).
   With full_args == 0 the args tuple is just (msg,) and the location is set
   as attributes (what CPython's symtable does).  col offsets 0-based;
   end_col_offset < 0 leaves end_offset None (full_args == 0 only). */
void _RpCompile_SyntaxError(PyObject *filename, int full_args, const char *msg_utf8,
                            int lineno, int col_offset, int end_lineno, int end_col_offset);
/* Issue a SyntaxWarning at a location (turned into SyntaxError when the
   warning is an error).  0 / -1. */
int _RpCompile_Warn(PyObject *filename, int lineno, int col_offset, int end_lineno,
                    int end_col_offset, const char *fmt, ...);

/* ast_unparse.c: an expression's source text, as CPython's
   _PyAST_ExprAsUnicode (new reference). */
PyObject *_RpAST_ExprAsUnicode(expr_ty e);

/* docstring of a body, borrowed, or NULL */
PyObject *_RpAST_GetDocString(asdl_stmt_seq *body);

/* ------------------------- code generator state ---------------------- */
enum { COMPILER_SCOPE_MODULE, COMPILER_SCOPE_CLASS, COMPILER_SCOPE_FUNCTION,
       COMPILER_SCOPE_ASYNC_FUNCTION, COMPILER_SCOPE_LAMBDA, COMPILER_SCOPE_COMPREHENSION,
       COMPILER_SCOPE_TYPEPARAMS };

enum fblocktype { WHILE_LOOP, FOR_LOOP, TRY_EXCEPT, FINALLY_TRY, FINALLY_END,
                  WITH, ASYNC_WITH, HANDLER_CLEANUP, POP_VALUE, EXCEPTION_HANDLER,
                  EXCEPTION_GROUP_HANDLER, ASYNC_COMPREHENSION_GENERATOR,
                  STOP_ITERATION };

struct fblockinfo {
    enum fblocktype fb_type;
    int fb_block;            /* label */
    location fb_loc;
    int fb_exit;             /* label */
    void *fb_datum;
};

#define COMPILER_MAXBLOCKS 20

struct compiler_unit {
    PySTEntryObject *u_ste;
    int u_scope_type;
    PyObject *u_private;        /* class name for mangling, or NULL (owned) */
    instr_sequence u_instr_sequence;
    int u_nfblocks;
    int u_in_inlined_comp;
    struct fblockinfo u_fblock[COMPILER_MAXBLOCKS];
    rp_codeunit_metadata u_metadata;
};

struct compiler {
    PyObject *c_filename;
    struct symtable *c_st;
    int c_future_features;
    int c_flags;                      /* compiler flags, merged with the futures */
    location c_future_location;
    int c_optimize;
    int c_interactive;
    int c_nestlevel;
    PyObject *c_const_cache;
    struct compiler_unit *u;
    struct compiler_unit **c_stack;   /* enclosing units */
    int c_nstack, c_astack;
    PyArena *c_arena;
};

#define INSTR_SEQUENCE(C) (&((C)->u->u_instr_sequence))
#define LOC(x) LOCATION((x)->lineno, (x)->end_lineno, (x)->col_offset, (x)->end_col_offset)
#define NO_LABEL (-1)
#define IS_LABEL(L) ((L) != NO_LABEL)
#define SUCCESS 0
#define ERROR (-1)
#define RETURN_IF_ERROR(X) do { if ((X) < 0) return ERROR; } while (0)

/* compile.c */
/* _PyAST_CompileFlags is declared in rp_ast.h. */
int _RpC_Addop(struct compiler *c, location loc, int opcode);
int _RpC_AddopI(struct compiler *c, location loc, int opcode, Py_ssize_t oparg);
int _RpC_AddopJump(struct compiler *c, location loc, int opcode, int label);
int _RpC_NewLabel(struct compiler *c);
int _RpC_UseLabel(struct compiler *c, int label);
int _RpC_AddopLoadConst(struct compiler *c, location loc, PyObject *o);
int _RpC_AddopLoadConstNew(struct compiler *c, location loc, PyObject *o);  /* steals o */
Py_ssize_t _RpC_AddConst(struct compiler *c, PyObject *o);
int _RpC_AddopName(struct compiler *c, location loc, int opcode, PyObject *dict, PyObject *o);
int _RpC_AddopN(struct compiler *c, location loc, int opcode, PyObject *dict, PyObject *o);
Py_ssize_t _RpC_DictAdd(PyObject *dict, PyObject *o);
int _RpC_Nameop(struct compiler *c, location loc, PyObject *name, expr_context_ty ctx);
int _RpC_Error(struct compiler *c, location loc, const char *fmt, ...);
int _RpC_Warn(struct compiler *c, location loc, const char *fmt, ...);
int _RpC_VisitStmt(struct compiler *c, stmt_ty s);
int _RpC_EnterScope(struct compiler *c, PyObject *name, int scope_type, void *key, int lineno);
void _RpC_ExitScope(struct compiler *c);
PyCodeObject *_RpC_OptimizeAndAssemble(struct compiler *c, int addNone);
int _RpC_MakeClosure(struct compiler *c, location loc, PyCodeObject *co, Py_ssize_t flags);
int _RpC_DefaultArguments(struct compiler *c, location loc, arguments_ty args);
int _RpC_CheckDebugArgs(struct compiler *c, arguments_ty args);
int _RpC_PushFblock(struct compiler *c, location loc, enum fblocktype t, int block_label,
                    int exit_label, void *datum);
void _RpC_PopFblock(struct compiler *c, enum fblocktype t, int block_label);
int _RpC_AddYieldFrom(struct compiler *c, location loc, int await);
int _RpC_AddopYield(struct compiler *c, location loc);
int _RpC_ForbiddenName(struct compiler *c, location loc, PyObject *name, expr_context_ty ctx);
int _RpC_GetRefType(struct compiler *c, PyObject *name);
int _RpC_IsTopLevelAwait(struct compiler *c);
int _RpC_UnwindFblockStack(struct compiler *c, location *ploc, int preserve_tos,
                           struct fblockinfo **loop);
int _RpC_WrapInStopIterationHandler(struct compiler *c);

/* compile_expr.c */
int _RpC_VisitExpr(struct compiler *c, expr_ty e);
int _RpC_JumpIf(struct compiler *c, location loc, expr_ty e, int next, int cond);
int _RpC_CallHelper(struct compiler *c, location loc, int n, asdl_expr_seq *args,
                    asdl_keyword_seq *keywords);
int _RpC_Slice(struct compiler *c, expr_ty s);
int _RpC_Match(struct compiler *c, stmt_ty s);
int _RpC_UnparseAnnotation(struct compiler *c, expr_ty e);   /* future annotations */
location _RpC_UpdateStartLocationToMatchAttr(struct compiler *c, location loc, expr_ty attr);

#define ADDOP(C, LOC, OP) RETURN_IF_ERROR(_RpC_Addop((C), (LOC), (OP)))
#define ADDOP_I(C, LOC, OP, O) RETURN_IF_ERROR(_RpC_AddopI((C), (LOC), (OP), (O)))
#define ADDOP_JUMP(C, LOC, OP, L) RETURN_IF_ERROR(_RpC_AddopJump((C), (LOC), (OP), (L)))
#define ADDOP_LOAD_CONST(C, LOC, O) RETURN_IF_ERROR(_RpC_AddopLoadConst((C), (LOC), (O)))
#define ADDOP_LOAD_CONST_NEW(C, LOC, O) RETURN_IF_ERROR(_RpC_AddopLoadConstNew((C), (LOC), (O)))
#define ADDOP_NAME(C, LOC, OP, O, TYPE) \
    RETURN_IF_ERROR(_RpC_AddopName((C), (LOC), (OP), (C)->u->u_metadata.u_ ## TYPE, (O)))
#define ADDOP_N(C, LOC, OP, O, TYPE) \
    RETURN_IF_ERROR(_RpC_AddopN((C), (LOC), (OP), (C)->u->u_metadata.u_ ## TYPE, (O)))
#define NEW_JUMP_TARGET_LABEL(C, NAME) \
    int NAME = _RpC_NewLabel(C); if (NAME < 0) return ERROR;
#define USE_LABEL(C, LBL) RETURN_IF_ERROR(_RpC_UseLabel((C), (LBL)))
#define VISIT(C, TYPE, V) RETURN_IF_ERROR(_RpC_Visit ## TYPE((C), (V)))
#define VISIT_SEQ(C, TYPE, SEQ) do { \
        asdl_seq *seq_ = (asdl_seq *)(SEQ); \
        for (Py_ssize_t i_ = 0; i_ < asdl_seq_LEN(seq_); i_++) { \
            RETURN_IF_ERROR(_RpC_Visit ## TYPE((C), asdl_seq_GET(seq_, i_))); \
        } } while (0)
#define ADD_YIELD_FROM(C, LOC, AWAIT) RETURN_IF_ERROR(_RpC_AddYieldFrom((C), (LOC), (AWAIT)))
#define ADDOP_YIELD(C, LOC) RETURN_IF_ERROR(_RpC_AddopYield((C), (LOC)))

#endif
