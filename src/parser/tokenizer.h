/* tokenizer.h -- Python 3.12 tokens, for the parser.
 *
 * The tokenizer turns the whole source into an array of tokens before the
 * parser starts (see tokenizer.c).  Each token remembers its position and a
 * little of the tokenizer's state at the moment it was produced, so that
 * the parser can report errors exactly where CPython's lazy tokenizer would.
 */
#ifndef RP_TOKENIZER_H
#define RP_TOKENIZER_H
#include "pycore.h"

enum {
    T_ENDMARKER, T_NAME, T_NUMBER, T_STRING, T_NEWLINE, T_INDENT, T_DEDENT,
    T_LPAR, T_RPAR, T_LSQB, T_RSQB, T_COLON, T_COMMA, T_SEMI, T_PLUS, T_MINUS,
    T_STAR, T_SLASH, T_VBAR, T_AMPER, T_LESS, T_GREATER, T_EQUAL, T_DOT,
    T_PERCENT, T_LBRACE, T_RBRACE, T_EQEQUAL, T_NOTEQUAL, T_LESSEQUAL,
    T_GREATEREQUAL, T_TILDE, T_CIRCUMFLEX, T_LEFTSHIFT, T_RIGHTSHIFT,
    T_DOUBLESTAR, T_PLUSEQUAL, T_MINEQUAL, T_STAREQUAL, T_SLASHEQUAL,
    T_PERCENTEQUAL, T_AMPEREQUAL, T_VBAREQUAL, T_CIRCUMFLEXEQUAL,
    T_LEFTSHIFTEQUAL, T_RIGHTSHIFTEQUAL, T_DOUBLESTAREQUAL, T_DOUBLESLASH,
    T_DOUBLESLASHEQUAL, T_AT, T_ATEQUAL, T_RARROW, T_ELLIPSIS, T_COLONEQUAL,
    T_EXCLAMATION, T_OP, T_FSTRING_START, T_FSTRING_MIDDLE, T_FSTRING_END,
    T_ERRORTOKEN,
    /* keywords (NAME tokens that are reserved words) */
    KW_FALSE, KW_NONE, KW_TRUE, KW_AND, KW_AS, KW_ASSERT, KW_ASYNC, KW_AWAIT,
    KW_BREAK, KW_CLASS, KW_CONTINUE, KW_DEF, KW_DEL, KW_ELIF, KW_ELSE,
    KW_EXCEPT, KW_FINALLY, KW_FOR, KW_FROM, KW_GLOBAL, KW_IF, KW_IMPORT,
    KW_IN, KW_IS, KW_LAMBDA, KW_NONLOCAL, KW_NOT, KW_OR, KW_PASS, KW_RAISE,
    KW_RETURN, KW_TRY, KW_WHILE, KW_WITH, KW_YIELD,
    T_NTYPES
};
#define TOK_IS_KEYWORD(t) ((t) >= KW_FALSE && (t) < T_NTYPES)

/* Tokenizer completion states (CPython's errcode.h values where it has them). */
#define E_OK 10
#define E_EOF 11
#define E_TOKEN 13
#define E_ERROR 17          /* exception details stored in the tokenizer */
#define E_TABSPACE 18
#define E_TOODEEP 20
#define E_DEDENT 21
#define E_LINECONT 25
#define E_DECODE 22

#define TOK_MAXLEVEL 200    /* max parentheses nesting */
#define TOK_MAXINDENT 100
#define TOK_MAXFSTRINGLEVEL 150
#define TOK_MAX_EXPR_NESTING 3

typedef struct Token {
    int type;
    int level;                       /* parenthesis nesting level */
    int lineno, col_offset, end_lineno, end_col_offset;   /* col -1: none */
    const char *start, *end;         /* text (NULL for INDENT/DEDENT/ENDMARKER) */
    const char *meta;                /* f-string debug expression text, or NULL */
    int meta_len;
    int warn;                        /* warnings recorded up to this token (cumulative) */
    /* tokenizer state right after producing this token (error reporting) */
    int tok_lineno;                  /* tok->lineno */
    int tok_cur_col;                 /* tok->cur - tok->line_start, in bytes */
    const char *tok_cur;             /* tok->cur */
    const char *tok_buf, *tok_inp;   /* the tokenizer's line buffer [buf, inp) */
    struct _rp_memo *memo;           /* parser memo chain */
    PyObject *ident;                 /* cached identifier for NAME (owned by the arena) */
} Token;

typedef struct {
    int lineno;
    int col;                         /* 1-based character offset, for the error form */
    const char *line;                /* the line's text (for the error form) */
    char *msg;                       /* malloc'ed UTF-8 message */
} TokWarning;

typedef struct {
    int kind;                        /* 0 regular, 1 f-string */
    int quote, quote_size, raw;
    const char *start;               /* the f-string's prefix start */
    const char *multi_line_start;
    int line_start_no;
    int curly_bracket_depth;
    int curly_bracket_expr_start_depth;
    const char *expr_start;          /* after the '{' of the current field */
    const char *expr_end;            /* where the expression text ended, or NULL */
    int debug;
} TokMode;

typedef struct {
    /* input */
    const char *buf;                 /* whole translated source, NUL-terminated */
    const char *bufend;
    const char *cur, *inp, *line_start, *start;
    const char *bufline;             /* CPython's tok->buf: start of the lines
                                        read since the last token boundary */
    int lineno, first_lineno;
    const char *multi_line_start;
    int done;
    int atbol, pendin, indent, cont_line;
    int indstack[TOK_MAXINDENT], altindstack[TOK_MAXINDENT];
    int level;
    char parenstack[TOK_MAXLEVEL];
    int parenlinenostack[TOK_MAXLEVEL], parencolstack[TOK_MAXLEVEL];
    TokMode modes[TOK_MAXFSTRINGLEVEL];
    int mode_index;
    /* output */
    Token *tokens;
    int ntokens, alloc;
    TokWarning *warnings;
    int nwarnings, warnings_alloc;
    int pending_warn;                /* warnings already issued (by the parser) */
    /* error details (done == E_ERROR) */
    char *err_msg;                   /* malloc'ed */
    int err_lineno, err_col, err_end_col;   /* 1-based character offsets */
    const char *err_line;            /* start of the line text */
    int err_line_len;                /* without the newline */
    int err_is_warning;              /* error came from a warning turned error */
} TokState;

/* Tokenize the whole of src (already translated: '\n' line ends).
   single_input: Py_single_input rules (the end of the input also ends the
   statement: an ENDMARKER becomes NEWLINE plus the DEDENTs still open).
   Returns 0 when every token could be produced (the last is ENDMARKER),
   1 when tokenizing stopped at an error (the last token is T_ERRORTOKEN and
   tok->done tells why), -1 on memory error (exception set). */
int _RpTokenizer_Run(TokState *tok, const char *src, Py_ssize_t len, int single_input);
void _RpTokenizer_Free(TokState *tok);
#endif
