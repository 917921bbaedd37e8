/* tokenizer.c -- Python 3.12 source text to tokens.
 *
 * How it works.  The source (already UTF-8 with '\n' line ends) is scanned
 * once, front to back, and every token goes into one array that the parser
 * then walks with an index: no token is produced twice and backtracking in
 * the parser costs nothing here.
 *
 * The scanner deliberately mirrors the shape of CPython's tokenizer: it
 * "reads" the source a line at a time (tok_nextc advances tok->lineno when it
 * steps onto a new line, exactly when CPython's would read that line), it
 * keeps CPython's cursor variables (cur, inp, line_start, start), and it
 * records for every token where that cursor was when the token was made.
 * CPython's error messages are computed from that cursor in several places
 * (tokens without a column, "unexpected EOF", indentation errors), so keeping
 * the same state machine is what makes our error positions identical.
 *
 * Indentation: a stack of columns (tabs to multiples of 8) and a second stack
 * with tabs counting as 1 column; if the two disagree about the block
 * structure the indentation is ambiguous -> TabError.  INDENT and DEDENT
 * tokens carry no column (-1), as in CPython.
 *
 * f-strings (PEP 701): an f-string opens a new "mode" on a small stack.  In
 * f-string mode the scanner produces FSTRING_MIDDLE pieces of literal text;
 * at a '{' it switches back to the regular scanner, which tokenizes the
 * replacement field like ordinary code (nested strings, even nested
 * f-strings, included) and returns to f-string mode at the matching '}' or
 * at a top-level ':' (format spec).  The text of the expression is remembered
 * for the self-documenting form f"{x=}".
 *
 * Errors: scanning stops at the first error, leaving a T_ERRORTOKEN last.
 * The error is not raised here: the parser raises it when (if) it reaches
 * that token, or at the end, following CPython's rules about which of a
 * tokenizer error and a syntax error wins.  Warnings (e.g. "invalid decimal
 * literal" for 1if) are likewise stored and issued when the parser reaches
 * the token, so they come out in CPython's order.
 */
#include "pycore.h"
#include "tokenizer.h"
#include <stdarg.h>

#define EOFC (-1)
#define TABSIZE 8
#define ALTTABSIZE 1

#define is_potential_identifier_start(c) \
    (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || (c) == '_' || (c) >= 128)
#define is_potential_identifier_char(c) \
    (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || \
     ((c) >= '0' && (c) <= '9') || (c) == '_' || (c) >= 128)
#define IS_DIGIT(c) ((c) >= '0' && (c) <= '9')
#define IS_XDIGIT(c) (IS_DIGIT(c) || ((c) >= 'a' && (c) <= 'f') || ((c) >= 'A' && (c) <= 'F'))

#define MODE(tok) (&(tok)->modes[(tok)->mode_index])
#define INSIDE_FSTRING(tok) ((tok)->mode_index > 0)
#define INSIDE_FSTRING_EXPR(m) ((m)->curly_bracket_expr_start_depth >= 0)

/* Per-token scratch: where the token's text starts and ends, and its
   starting column (CPython's starting_col_offset). */
typedef struct {
    const char *p_start, *p_end;
    int start_col;
    const char *meta;
    int meta_len;
} tokinfo;

/* Decode one UTF-8 character (the source is valid UTF-8). */
static int
utf8_decode_char(const unsigned char *s, const unsigned char *end, Py_UCS4 *out)
{
    unsigned c = s[0];
    if (c < 0x80) { *out = c; return 1; }
    int n;
    Py_UCS4 v;
    if (c >= 0xF0 && c < 0xF8) { n = 4; v = c & 0x07; }
    else if (c >= 0xE0) { n = 3; v = c & 0x0F; }
    else if (c >= 0xC0) { n = 2; v = c & 0x1F; }
    else { *out = 0xFFFD; return 1; }
    if (s + n > end) { *out = 0xFFFD; return 1; }
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) { *out = 0xFFFD; return 1; }
        v = (v << 6) | (s[i] & 0x3F);
    }
    *out = v;
    return n;
}

/* Number of characters in the UTF-8 bytes [s, e) (a cut sequence counts 1,
   as decoding with errors="replace" would give). */
static int
char_count(const char *s, const char *e)
{
    int n = 0;
    for (; s < e; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

/* ---------------------------------------------------------------- input */

static int
tok_nextc(TokState *tok)
{
    for (;;) {
        if (tok->cur != tok->inp)
            return (unsigned char)*tok->cur++;
        if (tok->done != E_OK)
            return EOFC;
        if (tok->inp >= tok->bufend) {
            tok->done = E_EOF;
            tok->cur = tok->inp;
            return EOFC;
        }
        const char *end = memchr(tok->inp, '\n', (size_t)(tok->bufend - tok->inp));
        end = end ? end + 1 : tok->bufend;
        tok->lineno++;
        if (tok->start == NULL)
            tok->bufline = tok->cur;
        tok->line_start = tok->cur;
        tok->inp = end;
    }
}

static void
tok_backup(TokState *tok, int c)
{
    if (c != EOFC)
        tok->cur--;
}

/* ---------------------------------------------------------------- errors */

static int
tok_error_at(TokState *tok, int col, int end_col, const char *fmt, va_list va)
{
    char buf[512];
    vsnprintf(buf, sizeof(buf), fmt, va);
    free(tok->err_msg);
    tok->err_msg = strdup(buf);
    tok->err_lineno = tok->lineno;
    if (col == -1)
        col = char_count(tok->line_start, tok->cur);
    if (end_col == -1)
        end_col = col;
    tok->err_col = col;
    tok->err_end_col = end_col;
    tok->err_line = tok->line_start;
    tok->err_line_len = (int)strcspn(tok->line_start, "\n");
    tok->done = E_ERROR;
    return T_ERRORTOKEN;
}

static int
syntaxerror(TokState *tok, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    int r = tok_error_at(tok, -1, -1, fmt, va);
    va_end(va);
    return r;
}

static int
syntaxerror_known_range(TokState *tok, int col, int end_col, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    int r = tok_error_at(tok, col, end_col, fmt, va);
    va_end(va);
    return r;
}

static int
indenterror(TokState *tok)
{
    tok->done = E_TABSPACE;
    tok->cur = tok->inp;
    return T_ERRORTOKEN;
}

/* Record a warning to be issued when the parser reaches the next token. */
static int
add_warning(TokState *tok, const char *fmt, ...)
{
    char buf[256];
    va_list va;
    va_start(va, fmt);
    vsnprintf(buf, sizeof(buf), fmt, va);
    va_end(va);
    if (tok->nwarnings == tok->warnings_alloc) {
        int n = tok->warnings_alloc ? tok->warnings_alloc * 2 : 8;
        TokWarning *w = realloc(tok->warnings, (size_t)n * sizeof(TokWarning));
        if (w == NULL)
            return -1;
        tok->warnings = w;
        tok->warnings_alloc = n;
    }
    TokWarning *w = &tok->warnings[tok->nwarnings++];
    w->lineno = tok->lineno;
    w->col = char_count(tok->line_start, tok->cur);
    w->line = tok->line_start;
    w->msg = strdup(buf);
    return 0;
}

/* -------------------------------------------------------------- helpers */

static int
lookahead(TokState *tok, const char *test)
{
    const char *s = test;
    int res = 0;
    for (;;) {
        int c = tok_nextc(tok);
        if (*s == 0) {
            res = !is_potential_identifier_char(c);
        }
        else if (c == (unsigned char)*s) {
            s++;
            continue;
        }
        tok_backup(tok, c);
        while (s != test)
            tok_backup(tok, *--s);
        return res;
    }
}

static int
verify_end_of_number(TokState *tok, int c, const char *kind)
{
    /* A number glued to a keyword that may follow it in valid code (1if x
       else y) only warns; glued to any other identifier it is an error. */
    int r = 0;
    if (c == 'a')
        r = lookahead(tok, "nd");
    else if (c == 'e')
        r = lookahead(tok, "lse");
    else if (c == 'f')
        r = lookahead(tok, "or");
    else if (c == 'i') {
        int c2 = tok_nextc(tok);
        if (c2 == 'f' || c2 == 'n' || c2 == 's')
            r = 1;
        tok_backup(tok, c2);
    }
    else if (c == 'o')
        r = lookahead(tok, "r");
    else if (c == 'n')
        r = lookahead(tok, "ot");
    if (r) {
        tok_backup(tok, c);
        if (add_warning(tok, "invalid %s literal", kind) < 0)
            return 0;
        tok_nextc(tok);
    }
    else if (c >= 0 && c < 128 && is_potential_identifier_char(c)) {
        tok_backup(tok, c);
        syntaxerror(tok, "invalid %s literal", kind);
        return 0;
    }
    return 1;
}

/* Check a non-ASCII identifier [tok->start, tok->cur) (PEP 3131): XID_Start
   (or '_') then XID_Continue characters.  On an invalid character, point
   the cursor just past it and report it. */
static int
verify_identifier(TokState *tok)
{
    const unsigned char *s = (const unsigned char *)tok->start;
    const unsigned char *e = (const unsigned char *)tok->cur;
    int first = 1;
    while (s < e) {
        Py_UCS4 ch;
        int n = utf8_decode_char(s, e, &ch);
        int ok = first ? (ch == '_' || _PyUnicode_IsXidStart(ch)) : _PyUnicode_IsXidContinue(ch);
        if (!ok) {
            tok->cur = (const char *)(s + n);
            if (_PyUnicode_IsPrintable(ch)) {
                char chbuf[8];
                memcpy(chbuf, s, (size_t)n);
                chbuf[n] = 0;
                syntaxerror(tok, "invalid character '%s' (U+%04X)", chbuf, (unsigned)ch);
            }
            else {
                syntaxerror(tok, "invalid non-printable character U+%04X", (unsigned)ch);
            }
            return 0;
        }
        first = 0;
        s += n;
    }
    return 1;
}

static int
tok_decimal_tail(TokState *tok)
{
    int c;
    for (;;) {
        do {
            c = tok_nextc(tok);
        } while (IS_DIGIT(c));
        if (c != '_')
            break;
        c = tok_nextc(tok);
        if (!IS_DIGIT(c)) {
            tok_backup(tok, c);
            syntaxerror(tok, "invalid decimal literal");
            return 0;
        }
    }
    return c;
}

static int
tok_continuation_line(TokState *tok)
{
    int c = tok_nextc(tok);
    if (c != '\n') {
        tok->done = E_LINECONT;
        return -1;
    }
    c = tok_nextc(tok);
    if (c == EOFC) {
        tok->done = E_EOF;
        tok->cur = tok->inp;
        return -1;
    }
    tok_backup(tok, c);
    return c;
}

static int
one_char(int c)
{
    switch (c) {
    case '%': return T_PERCENT;
    case '&': return T_AMPER;
    case '(': return T_LPAR;
    case ')': return T_RPAR;
    case '*': return T_STAR;
    case '+': return T_PLUS;
    case ',': return T_COMMA;
    case '-': return T_MINUS;
    case '.': return T_DOT;
    case '/': return T_SLASH;
    case ':': return T_COLON;
    case ';': return T_SEMI;
    case '<': return T_LESS;
    case '=': return T_EQUAL;
    case '>': return T_GREATER;
    case '@': return T_AT;
    case '[': return T_LSQB;
    case ']': return T_RSQB;
    case '^': return T_CIRCUMFLEX;
    case '{': return T_LBRACE;
    case '|': return T_VBAR;
    case '}': return T_RBRACE;
    case '~': return T_TILDE;
    case '!': return T_EXCLAMATION;
    }
    return T_OP;
}

static int
two_chars(int c1, int c2)
{
    switch (c1) {
    case '!': if (c2 == '=') return T_NOTEQUAL; break;
    case '%': if (c2 == '=') return T_PERCENTEQUAL; break;
    case '&': if (c2 == '=') return T_AMPEREQUAL; break;
    case '*': if (c2 == '*') return T_DOUBLESTAR; if (c2 == '=') return T_STAREQUAL; break;
    case '+': if (c2 == '=') return T_PLUSEQUAL; break;
    case '-': if (c2 == '=') return T_MINEQUAL; if (c2 == '>') return T_RARROW; break;
    case '/': if (c2 == '/') return T_DOUBLESLASH; if (c2 == '=') return T_SLASHEQUAL; break;
    case ':': if (c2 == '=') return T_COLONEQUAL; break;
    case '<':
        if (c2 == '<') return T_LEFTSHIFT;
        if (c2 == '=') return T_LESSEQUAL;
        if (c2 == '>') return T_NOTEQUAL;
        break;
    case '=': if (c2 == '=') return T_EQEQUAL; break;
    case '>': if (c2 == '=') return T_GREATEREQUAL; if (c2 == '>') return T_RIGHTSHIFT; break;
    case '@': if (c2 == '=') return T_ATEQUAL; break;
    case '^': if (c2 == '=') return T_CIRCUMFLEXEQUAL; break;
    case '|': if (c2 == '=') return T_VBAREQUAL; break;
    }
    return T_OP;
}

static int
three_chars(int c1, int c2, int c3)
{
    if (c3 != '=' && !(c1 == '.' && c2 == '.' && c3 == '.'))
        return T_OP;
    if (c1 == '*' && c2 == '*') return T_DOUBLESTAREQUAL;
    if (c1 == '.' && c2 == '.') return T_ELLIPSIS;
    if (c1 == '/' && c2 == '/') return T_DOUBLESLASHEQUAL;
    if (c1 == '<' && c2 == '<') return T_LEFTSHIFTEQUAL;
    if (c1 == '>' && c2 == '>') return T_RIGHTSHIFTEQUAL;
    return T_OP;
}

static int
keyword_type(const char *s, Py_ssize_t n)
{
#define KW(str, t) if (n == (Py_ssize_t)sizeof(str) - 1 && memcmp(s, str, sizeof(str) - 1) == 0) return t
    switch (s[0]) {
    case 'F': KW("False", KW_FALSE); break;
    case 'N': KW("None", KW_NONE); break;
    case 'T': KW("True", KW_TRUE); break;
    case 'a': KW("and", KW_AND); KW("as", KW_AS); KW("assert", KW_ASSERT);
              KW("async", KW_ASYNC); KW("await", KW_AWAIT); break;
    case 'b': KW("break", KW_BREAK); break;
    case 'c': KW("class", KW_CLASS); KW("continue", KW_CONTINUE); break;
    case 'd': KW("def", KW_DEF); KW("del", KW_DEL); break;
    case 'e': KW("elif", KW_ELIF); KW("else", KW_ELSE); KW("except", KW_EXCEPT); break;
    case 'f': KW("finally", KW_FINALLY); KW("for", KW_FOR); KW("from", KW_FROM); break;
    case 'g': KW("global", KW_GLOBAL); break;
    case 'i': KW("if", KW_IF); KW("import", KW_IMPORT); KW("in", KW_IN); KW("is", KW_IS); break;
    case 'l': KW("lambda", KW_LAMBDA); break;
    case 'n': KW("nonlocal", KW_NONLOCAL); KW("not", KW_NOT); break;
    case 'o': KW("or", KW_OR); break;
    case 'p': KW("pass", KW_PASS); break;
    case 'r': KW("raise", KW_RAISE); KW("return", KW_RETURN); break;
    case 't': KW("try", KW_TRY); break;
    case 'w': KW("while", KW_WHILE); KW("with", KW_WITH); break;
    case 'y': KW("yield", KW_YIELD); break;
    }
#undef KW
    return T_NAME;
}

/* f-string bookkeeping for the debug form f"{expr=}". */
static void
update_fstring_expr(TokState *tok, int c)
{
    TokMode *m = MODE(tok);
    if (c == '{') {
        m->expr_start = tok->cur;
        m->expr_end = NULL;
    }
    else if (m->expr_end == NULL) {
        m->expr_end = tok->start;
    }
}

static void
set_fstring_expr(TokState *tok, tokinfo *ti)
{
    TokMode *m = MODE(tok);
    if (!m->debug || ti->meta != NULL || m->expr_start == NULL || m->expr_end == NULL)
        return;
    ti->meta = m->expr_start;
    ti->meta_len = (int)(m->expr_end - m->expr_start);
}

/* ------------------------------------------------------ the main scanner */

static int tok_get(TokState *tok, tokinfo *ti);

static int
tok_get_normal_mode(TokState *tok, TokMode *current_tok, tokinfo *ti)
{
    int c;
    int blankline, nonascii;

  nextline:
    tok->start = NULL;
    ti->start_col = -1;
    blankline = 0;

    /* Get indentation level */
    if (tok->atbol) {
        int col = 0, altcol = 0, cont_line_col = 0;
        tok->atbol = 0;
        for (;;) {
            c = tok_nextc(tok);
            if (c == ' ') {
                col++, altcol++;
            }
            else if (c == '\t') {
                col = (col / TABSIZE + 1) * TABSIZE;
                altcol = (altcol / ALTTABSIZE + 1) * ALTTABSIZE;
            }
            else if (c == '\014') {
                col = altcol = 0;
            }
            else if (c == '\\') {
                cont_line_col = cont_line_col ? cont_line_col : col;
                if ((c = tok_continuation_line(tok)) == -1)
                    return T_ERRORTOKEN;
            }
            else {
                break;
            }
        }
        tok_backup(tok, c);
        if (c == '#' || c == '\n') {
            /* Lines with only whitespace and/or comments don't count. */
            blankline = 1;
        }
        if (!blankline && tok->level == 0) {
            col = cont_line_col ? cont_line_col : col;
            altcol = cont_line_col ? cont_line_col : altcol;
            if (col == tok->indstack[tok->indent]) {
                if (altcol != tok->altindstack[tok->indent])
                    return indenterror(tok);
            }
            else if (col > tok->indstack[tok->indent]) {
                if (tok->indent + 1 >= TOK_MAXINDENT) {
                    tok->done = E_TOODEEP;
                    tok->cur = tok->inp;
                    return T_ERRORTOKEN;
                }
                if (altcol <= tok->altindstack[tok->indent])
                    return indenterror(tok);
                tok->pendin++;
                tok->indstack[++tok->indent] = col;
                tok->altindstack[tok->indent] = altcol;
            }
            else {
                while (tok->indent > 0 && col < tok->indstack[tok->indent]) {
                    tok->pendin--;
                    tok->indent--;
                }
                if (col != tok->indstack[tok->indent]) {
                    tok->done = E_DEDENT;
                    tok->cur = tok->inp;
                    return T_ERRORTOKEN;
                }
                if (altcol != tok->altindstack[tok->indent])
                    return indenterror(tok);
            }
        }
    }

    tok->start = tok->cur;
    ti->start_col = (int)(tok->cur - tok->line_start);

    /* Return pending indents/dedents */
    if (tok->pendin != 0) {
        if (tok->pendin < 0) {
            tok->pendin++;
            return T_DEDENT;
        }
        tok->pendin--;
        return T_INDENT;
    }

    /* Peek ahead at the next character */
    c = tok_nextc(tok);
    tok_backup(tok, c);

  again:
    tok->start = NULL;
    do {
        c = tok_nextc(tok);
    } while (c == ' ' || c == '\t' || c == '\014');

    tok->start = tok->cur == NULL ? NULL : tok->cur - 1;
    ti->start_col = (int)(tok->cur - tok->line_start) - 1;

    /* Skip comment */
    if (c == '#') {
        while (c != EOFC && c != '\n')
            c = tok_nextc(tok);
    }

    /* Check for EOF and errors now */
    if (c == EOFC) {
        if (tok->level)
            return T_ERRORTOKEN;
        return tok->done == E_EOF ? T_ENDMARKER : T_ERRORTOKEN;
    }

    /* Identifier (most frequent token!) */
    nonascii = 0;
    if (is_potential_identifier_start(c)) {
        /* Process the various legal combinations of b"", r"", u"", and f"". */
        int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0;
        for (;;) {
            if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
                saw_b = 1;
            else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
                saw_u = 1;
            else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
                saw_r = 1;
            else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
                saw_f = 1;
            else
                break;
            c = tok_nextc(tok);
            if (c == '"' || c == '\'') {
                if (saw_f)
                    goto f_string_quote;
                goto letter_quote;
            }
        }
        while (is_potential_identifier_char(c)) {
            if (c >= 128)
                nonascii = 1;
            c = tok_nextc(tok);
        }
        tok_backup(tok, c);
        if (nonascii && !verify_identifier(tok))
            return T_ERRORTOKEN;
        ti->p_start = tok->start;
        ti->p_end = tok->cur;
        return keyword_type(tok->start, tok->cur - tok->start);
    }

    /* Newline */
    if (c == '\n') {
        tok->atbol = 1;
        if (blankline || tok->level > 0)
            goto nextline;
        ti->p_start = tok->start;
        ti->p_end = tok->cur - 1;   /* Leave '\n' out of the string */
        tok->cont_line = 0;
        return T_NEWLINE;
    }

    /* Period or number starting with period? */
    if (c == '.') {
        c = tok_nextc(tok);
        if (IS_DIGIT(c)) {
            goto fraction;
        }
        else if (c == '.') {
            c = tok_nextc(tok);
            if (c == '.') {
                ti->p_start = tok->start;
                ti->p_end = tok->cur;
                return T_ELLIPSIS;
            }
            tok_backup(tok, c);
            tok_backup(tok, '.');
        }
        else {
            tok_backup(tok, c);
        }
        ti->p_start = tok->start;
        ti->p_end = tok->cur;
        return T_DOT;
    }

    /* Number */
    if (IS_DIGIT(c)) {
        if (c == '0') {
            /* Hex, octal or binary -- maybe. */
            c = tok_nextc(tok);
            if (c == 'x' || c == 'X') {
                c = tok_nextc(tok);
                do {
                    if (c == '_')
                        c = tok_nextc(tok);
                    if (!IS_XDIGIT(c)) {
                        tok_backup(tok, c);
                        return syntaxerror(tok, "invalid hexadecimal literal");
                    }
                    do {
                        c = tok_nextc(tok);
                    } while (IS_XDIGIT(c));
                } while (c == '_');
                if (!verify_end_of_number(tok, c, "hexadecimal"))
                    return T_ERRORTOKEN;
            }
            else if (c == 'o' || c == 'O') {
                c = tok_nextc(tok);
                do {
                    if (c == '_')
                        c = tok_nextc(tok);
                    if (c < '0' || c >= '8') {
                        if (IS_DIGIT(c))
                            return syntaxerror(tok, "invalid digit '%c' in octal literal", c);
                        tok_backup(tok, c);
                        return syntaxerror(tok, "invalid octal literal");
                    }
                    do {
                        c = tok_nextc(tok);
                    } while ('0' <= c && c < '8');
                } while (c == '_');
                if (IS_DIGIT(c))
                    return syntaxerror(tok, "invalid digit '%c' in octal literal", c);
                if (!verify_end_of_number(tok, c, "octal"))
                    return T_ERRORTOKEN;
            }
            else if (c == 'b' || c == 'B') {
                c = tok_nextc(tok);
                do {
                    if (c == '_')
                        c = tok_nextc(tok);
                    if (c != '0' && c != '1') {
                        if (IS_DIGIT(c))
                            return syntaxerror(tok, "invalid digit '%c' in binary literal", c);
                        tok_backup(tok, c);
                        return syntaxerror(tok, "invalid binary literal");
                    }
                    do {
                        c = tok_nextc(tok);
                    } while (c == '0' || c == '1');
                } while (c == '_');
                if (IS_DIGIT(c))
                    return syntaxerror(tok, "invalid digit '%c' in binary literal", c);
                if (!verify_end_of_number(tok, c, "binary"))
                    return T_ERRORTOKEN;
            }
            else {
                int nonzero = 0;
                /* maybe old-style octal; c is first char of it */
                for (;;) {
                    if (c == '_') {
                        c = tok_nextc(tok);
                        if (!IS_DIGIT(c)) {
                            tok_backup(tok, c);
                            return syntaxerror(tok, "invalid decimal literal");
                        }
                    }
                    if (c != '0')
                        break;
                    c = tok_nextc(tok);
                }
                const char *zeros_end = tok->cur;
                if (IS_DIGIT(c)) {
                    nonzero = 1;
                    c = tok_decimal_tail(tok);
                    if (c == 0)
                        return T_ERRORTOKEN;
                }
                if (c == '.') {
                    c = tok_nextc(tok);
                    goto fraction;
                }
                else if (c == 'e' || c == 'E') {
                    goto exponent;
                }
                else if (c == 'j' || c == 'J') {
                    goto imaginary;
                }
                else if (nonzero) {
                    tok_backup(tok, c);
                    return syntaxerror_known_range(
                        tok, (int)(tok->start + 1 - tok->line_start),
                        (int)(zeros_end - tok->line_start),
                        "leading zeros in decimal integer literals are not permitted; "
                        "use an 0o prefix for octal integers");
                }
                if (!verify_end_of_number(tok, c, "decimal"))
                    return T_ERRORTOKEN;
            }
        }
        else {
            /* Decimal */
            c = tok_decimal_tail(tok);
            if (c == 0)
                return T_ERRORTOKEN;
            if (c == '.') {
                c = tok_nextc(tok);
              fraction:
                if (IS_DIGIT(c)) {
                    c = tok_decimal_tail(tok);
                    if (c == 0)
                        return T_ERRORTOKEN;
                }
            }
            if (c == 'e' || c == 'E') {
                int e;
              exponent:
                e = c;
                c = tok_nextc(tok);
                if (c == '+' || c == '-') {
                    c = tok_nextc(tok);
                    if (!IS_DIGIT(c)) {
                        tok_backup(tok, c);
                        return syntaxerror(tok, "invalid decimal literal");
                    }
                }
                else if (!IS_DIGIT(c)) {
                    tok_backup(tok, c);
                    if (!verify_end_of_number(tok, e, "decimal"))
                        return T_ERRORTOKEN;
                    tok_backup(tok, e);
                    ti->p_start = tok->start;
                    ti->p_end = tok->cur;
                    return T_NUMBER;
                }
                c = tok_decimal_tail(tok);
                if (c == 0)
                    return T_ERRORTOKEN;
            }
            if (c == 'j' || c == 'J') {
              imaginary:
                c = tok_nextc(tok);
                if (!verify_end_of_number(tok, c, "imaginary"))
                    return T_ERRORTOKEN;
            }
            else if (!verify_end_of_number(tok, c, "decimal")) {
                return T_ERRORTOKEN;
            }
        }
        tok_backup(tok, c);
        ti->p_start = tok->start;
        ti->p_end = tok->cur;
        return T_NUMBER;
    }

  f_string_quote:
    if ((tok->start[0] == 'f' || tok->start[0] == 'F' || tok->start[0] == 'r' ||
         tok->start[0] == 'R') && (c == '\'' || c == '"')) {
        int quote = c;
        int quote_size = 1;
        tok->first_lineno = tok->lineno;
        tok->multi_line_start = tok->line_start;

        int after_quote = tok_nextc(tok);
        if (after_quote == quote) {
            int after_after_quote = tok_nextc(tok);
            if (after_after_quote == quote) {
                quote_size = 3;
            }
            else {
                tok_backup(tok, after_after_quote);
                tok_backup(tok, after_quote);
            }
        }
        if (after_quote != quote)
            tok_backup(tok, after_quote);

        ti->p_start = tok->start;
        ti->p_end = tok->cur;
        if (tok->mode_index + 1 >= TOK_MAXFSTRINGLEVEL)
            return syntaxerror(tok, "too many nested f-strings");
        TokMode *m = &tok->modes[++tok->mode_index];
        memset(m, 0, sizeof(*m));
        m->kind = 1;
        m->quote = quote;
        m->quote_size = quote_size;
        m->start = tok->start;
        m->multi_line_start = tok->line_start;
        m->line_start_no = tok->lineno;
        if (tok->start[0] == 'f' || tok->start[0] == 'F')
            m->raw = tok->start[1] == 'r' || tok->start[1] == 'R';
        else
            m->raw = 1;
        m->curly_bracket_depth = 0;
        m->curly_bracket_expr_start_depth = -1;
        return T_FSTRING_START;
    }

  letter_quote:
    /* String */
    if (c == '\'' || c == '"') {
        int quote = c;
        int quote_size = 1;
        int end_quote_size = 0;

        tok->first_lineno = tok->lineno;
        tok->multi_line_start = tok->line_start;

        /* Find the quote size and start of string */
        c = tok_nextc(tok);
        if (c == quote) {
            c = tok_nextc(tok);
            if (c == quote)
                quote_size = 3;
            else
                end_quote_size = 1;     /* empty string found */
        }
        if (c != quote)
            tok_backup(tok, c);

        /* Get rest of string */
        while (end_quote_size != quote_size) {
            c = tok_nextc(tok);
            if (c == EOFC || (quote_size == 1 && c == '\n')) {
                /* Report from the opening quote. */
                tok->cur = tok->start + 1;
                tok->line_start = tok->multi_line_start;
                int start = tok->lineno;
                tok->lineno = tok->first_lineno;
                if (INSIDE_FSTRING(tok)) {
                    /* A quote matching the enclosing f-string's: a '}' is
                       missing rather than a quote. */
                    TokMode *m = MODE(tok);
                    if (m->quote == quote && m->quote_size == quote_size)
                        return syntaxerror(tok, "f-string: expecting '}'");
                }
                if (quote_size == 3)
                    return syntaxerror(tok, "unterminated triple-quoted string literal"
                                            " (detected at line %d)", start);
                return syntaxerror(tok, "unterminated string literal (detected at line %d)",
                                   start);
            }
            if (c == quote) {
                end_quote_size += 1;
            }
            else {
                end_quote_size = 0;
                if (c == '\\')
                    tok_nextc(tok);     /* skip escaped char */
            }
        }
        ti->p_start = tok->start;
        ti->p_end = tok->cur;
        return T_STRING;
    }

    /* Line continuation */
    if (c == '\\') {
        if ((c = tok_continuation_line(tok)) == -1)
            return T_ERRORTOKEN;
        tok->cont_line = 1;
        goto again;
    }

    /* Punctuation that matters to an enclosing f-string */
    if ((c == ':' || c == '}' || c == '!' || c == '{') && INSIDE_FSTRING(tok) &&
        INSIDE_FSTRING_EXPR(current_tok)) {
        /* Before the '{' case below bumps the depth, adjust by hand. */
        int cursor = current_tok->curly_bracket_depth - (c != '{');
        if (cursor == 0)
            update_fstring_expr(tok, c);
        if (cursor == 0 && c != '{')
            set_fstring_expr(tok, ti);
        if (c == ':' && cursor == current_tok->curly_bracket_expr_start_depth) {
            current_tok->kind = 1;
            ti->p_start = tok->start;
            ti->p_end = tok->cur;
            return T_COLON;
        }
    }

    /* Check for two-character token */
    {
        int c2 = tok_nextc(tok);
        int t = two_chars(c, c2);
        if (t != T_OP) {
            int c3 = tok_nextc(tok);
            int t3 = three_chars(c, c2, c3);
            if (t3 != T_OP)
                t = t3;
            else
                tok_backup(tok, c3);
            ti->p_start = tok->start;
            ti->p_end = tok->cur;
            return t;
        }
        tok_backup(tok, c2);
    }

    /* Keep track of parentheses nesting level */
    switch (c) {
    case '(':
    case '[':
    case '{':
        if (tok->level >= TOK_MAXLEVEL)
            return syntaxerror(tok, "too many nested parentheses");
        tok->parenstack[tok->level] = (char)c;
        tok->parenlinenostack[tok->level] = tok->lineno;
        tok->parencolstack[tok->level] = (int)(tok->start - tok->line_start);
        tok->level++;
        if (INSIDE_FSTRING(tok))
            current_tok->curly_bracket_depth++;
        break;
    case ')':
    case ']':
    case '}':
        if (INSIDE_FSTRING(tok) && !current_tok->curly_bracket_depth && c == '}')
            return syntaxerror(tok, "f-string: single '}' is not allowed");
        if (!tok->level)
            return syntaxerror(tok, "unmatched '%c'", c);
        tok->level--;
        {
            int opening = tok->parenstack[tok->level];
            if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
                  (opening == '{' && c == '}'))) {
                if (INSIDE_FSTRING(tok) && opening == '{') {
                    int previous_bracket = current_tok->curly_bracket_depth - 1;
                    if (previous_bracket == current_tok->curly_bracket_expr_start_depth)
                        return syntaxerror(tok, "f-string: unmatched '%c'", c);
                }
                if (tok->parenlinenostack[tok->level] != tok->lineno)
                    return syntaxerror(tok, "closing parenthesis '%c' does not match "
                                            "opening parenthesis '%c' on line %d",
                                       c, opening, tok->parenlinenostack[tok->level]);
                return syntaxerror(tok, "closing parenthesis '%c' does not match "
                                        "opening parenthesis '%c'", c, opening);
            }
        }
        if (INSIDE_FSTRING(tok)) {
            current_tok->curly_bracket_depth--;
            if (c == '}' && current_tok->curly_bracket_depth ==
                                current_tok->curly_bracket_expr_start_depth) {
                current_tok->curly_bracket_expr_start_depth--;
                current_tok->kind = 1;
                current_tok->debug = 0;
            }
        }
        break;
    default:
        break;
    }

    if (c < 0x20 || c == 0x7F)
        return syntaxerror(tok, "invalid non-printable character U+%04X", (unsigned)c);

    if (c == '=' && INSIDE_FSTRING_EXPR(current_tok))
        current_tok->debug = 1;

    ti->p_start = tok->start;
    ti->p_end = tok->cur;
    return one_char(c);
}

static int
tok_get_fstring_mode(TokState *tok, TokMode *current_tok, tokinfo *ti)
{
    int end_quote_size = 0;
    int unicode_escape = 0;

    tok->start = tok->cur;
    tok->first_lineno = tok->lineno;
    ti->start_col = (int)(tok->cur - tok->line_start);

    /* Starting with a '{': nothing to produce before it. */
    int start_char = tok_nextc(tok);
    if (start_char == '{') {
        int peek1 = tok_nextc(tok);
        tok_backup(tok, peek1);
        tok_backup(tok, start_char);
        if (peek1 != '{') {
            current_tok->curly_bracket_expr_start_depth++;
            if (current_tok->curly_bracket_expr_start_depth >= TOK_MAX_EXPR_NESTING)
                return syntaxerror(tok, "f-string: expressions nested too deeply");
            current_tok->kind = 0;
            return tok_get_normal_mode(tok, current_tok, ti);
        }
    }
    else {
        tok_backup(tok, start_char);
    }

    /* At the end of the string? */
    for (int i = 0; i < current_tok->quote_size; i++) {
        int quote = tok_nextc(tok);
        if (quote != current_tok->quote) {
            tok_backup(tok, quote);
            goto f_string_middle;
        }
    }
    current_tok->expr_start = current_tok->expr_end = NULL;
    ti->p_start = tok->start;
    ti->p_end = tok->cur;
    tok->mode_index--;
    return T_FSTRING_END;

  f_string_middle:
    tok->multi_line_start = tok->line_start;
    while (end_quote_size != current_tok->quote_size) {
        int c = tok_nextc(tok);
        int in_format_spec = current_tok->expr_end != NULL && INSIDE_FSTRING_EXPR(current_tok);

        if (c == EOFC || (current_tok->quote_size == 1 && c == '\n')) {
            /* A newline ends a format spec: back to the regular mode. */
            if (in_format_spec && c == '\n') {
                tok_backup(tok, c);
                current_tok->kind = 0;
                ti->p_start = tok->start;
                ti->p_end = tok->cur;
                return T_FSTRING_MIDDLE;
            }
            /* Report from the opening quote. */
            tok->cur = current_tok->start + 1;
            tok->line_start = current_tok->multi_line_start;
            int start = tok->lineno;
            tok->lineno = current_tok->line_start_no;
            if (current_tok->quote_size == 3)
                return syntaxerror(tok, "unterminated triple-quoted f-string literal"
                                        " (detected at line %d)", start);
            return syntaxerror(tok, "unterminated f-string literal (detected at line %d)",
                               start);
        }

        if (c == current_tok->quote) {
            end_quote_size += 1;
            continue;
        }
        end_quote_size = 0;

        if (c == '{') {
            int peek = tok_nextc(tok);
            if (peek != '{' || in_format_spec) {
                tok_backup(tok, peek);
                tok_backup(tok, c);
                current_tok->curly_bracket_expr_start_depth++;
                if (current_tok->curly_bracket_expr_start_depth >= TOK_MAX_EXPR_NESTING)
                    return syntaxerror(tok, "f-string: expressions nested too deeply");
                current_tok->kind = 0;
                ti->p_start = tok->start;
                ti->p_end = tok->cur;
            }
            else {
                ti->p_start = tok->start;
                ti->p_end = tok->cur - 1;
            }
            return T_FSTRING_MIDDLE;
        }
        else if (c == '}') {
            if (unicode_escape) {
                ti->p_start = tok->start;
                ti->p_end = tok->cur;
                return T_FSTRING_MIDDLE;
            }
            int peek = tok_nextc(tok);
            /* "}}" is an escaped brace, except in a format spec */
            if (peek == '}' && !in_format_spec) {
                ti->p_start = tok->start;
                ti->p_end = tok->cur - 1;
            }
            else {
                tok_backup(tok, peek);
                tok_backup(tok, c);
                current_tok->kind = 0;
                ti->p_start = tok->start;
                ti->p_end = tok->cur;
            }
            return T_FSTRING_MIDDLE;
        }
        else if (c == '\\') {
            int peek = tok_nextc(tok);
            /* A backslash right before a brace: the brace keeps its meaning. */
            if (peek == '{' || peek == '}') {
                if (!current_tok->raw) {
                    if (add_warning(tok, "invalid escape sequence '\\%c'", peek) < 0)
                        return T_ERRORTOKEN;
                }
                tok_backup(tok, peek);
                continue;
            }
            if (!current_tok->raw) {
                if (peek == 'N') {
                    /* Named unicode escapes (\N{BULLET}) contain braces */
                    peek = tok_nextc(tok);
                    if (peek == '{')
                        unicode_escape = 1;
                    else
                        tok_backup(tok, peek);
                }
            }
        }
    }

    /* Back up over the closing quotes so that FSTRING_END gets them. */
    for (int i = 0; i < current_tok->quote_size; i++)
        tok_backup(tok, current_tok->quote);
    ti->p_start = tok->start;
    ti->p_end = tok->cur;
    return T_FSTRING_MIDDLE;
}

static int
tok_get(TokState *tok, tokinfo *ti)
{
    TokMode *m = MODE(tok);
    if (m->kind == 0)
        return tok_get_normal_mode(tok, m, ti);
    return tok_get_fstring_mode(tok, m, ti);
}

/* ------------------------------------------------------------- driver */

static Token *
new_token(TokState *tok)
{
    if (tok->ntokens == tok->alloc) {
        int n = tok->alloc ? tok->alloc * 2 : 256;
        Token *t = realloc(tok->tokens, (size_t)n * sizeof(Token));
        if (t == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        tok->tokens = t;
        tok->alloc = n;
    }
    return &tok->tokens[tok->ntokens++];
}

int
_RpTokenizer_Run(TokState *tok, const char *src, Py_ssize_t len, int single_input)
{
    int parsing_started = 0;
    memset(tok, 0, sizeof(*tok));
    tok->buf = src;
    tok->bufend = src + len;
    tok->cur = tok->inp = tok->line_start = tok->bufline = src;
    tok->done = E_OK;
    tok->atbol = 1;
    tok->modes[0].curly_bracket_expr_start_depth = -1;

    for (;;) {
        tokinfo ti = {NULL, NULL, -1, NULL, 0};
        int type = tok_get(tok, &ti);
        if (single_input && type == T_ENDMARKER && parsing_started) {
            /* The end of interactive input also ends the statement. */
            type = T_NEWLINE;
            parsing_started = 0;
            if (tok->indent) {
                tok->pendin = -tok->indent;
                tok->indent = 0;
            }
        }
        else {
            parsing_started = 1;
        }
        Token *t = new_token(tok);
        if (t == NULL)
            return -1;
        t->type = type;
        t->level = tok->level;
        t->lineno = (type == T_STRING || type == T_FSTRING_MIDDLE) ? tok->first_lineno
                                                                 : tok->lineno;
        t->end_lineno = tok->lineno;
        t->start = ti.p_start;
        t->end = ti.p_end;
        if (ti.p_start != NULL) {
            t->col_offset = ti.start_col;
            t->end_col_offset = (int)(tok->cur - tok->line_start);
        }
        else {
            t->col_offset = t->end_col_offset = -1;
        }
        t->meta = ti.meta;
        t->meta_len = ti.meta_len;
        t->warn = tok->nwarnings;
        t->tok_lineno = tok->lineno;
        t->tok_cur_col = (int)(tok->cur - tok->line_start);
        t->tok_cur = tok->cur;
        t->tok_buf = tok->bufline;
        t->tok_inp = tok->inp;
        t->memo = NULL;
        t->ident = NULL;
        if (type == T_ERRORTOKEN) {
            if (tok->done == E_OK)
                tok->done = E_TOKEN;
            return 1;
        }
        if (type == T_ENDMARKER)
            return 0;
    }
}

void
_RpTokenizer_Free(TokState *tok)
{
    free(tok->tokens);
    tok->tokens = NULL;
    for (int i = 0; i < tok->nwarnings; i++)
        free(tok->warnings[i].msg);
    free(tok->warnings);
    tok->warnings = NULL;
    free(tok->err_msg);
    tok->err_msg = NULL;
}
