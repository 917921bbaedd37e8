/* pegen_errors.c -- the parser's driver and its error reporting.
 *
 * _PyParser_ASTFromString tokenizes the source, runs the grammar once, and
 * if that fails runs it a second time with the invalid_* rules switched on
 * to find a precise message (CPython's two-pass scheme).  Which error wins
 * follows CPython exactly:
 *   - a tokenizer error that the parser reaches is raised there and then;
 *   - a tokenizer error anywhere after the point of a syntax error replaces
 *     it (CPython tokenizes the rest of the file to look for one), unless it
 *     happened inside an f-string;
 *   - an unclosed bracket replaces a syntax error on a later line.
 *
 * Tokens are all made up front, but the parser pretends to fetch them one by
 * one (p->fill), because CPython's messages use "the last token fetched" and
 * the tokenizer's cursor at that moment.
 *
 * A SyntaxError is built as CPython builds it: the exception type called
 * with (msg, (filename, lineno, offset, text, end_lineno, end_offset)),
 * offsets being 1-based character offsets into text, the source line.
 */
#include "parser.h"
#include <stdarg.h>

/* ------------------------------------------------------------ formatting */

typedef struct {
    char *buf;
    size_t n, cap;
} sbuf;

static void
sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->cap ? b->cap * 2 : 128);
        while (cap < b->n + n + 1)
            cap *= 2;
        char *nb = realloc(b->buf, cap);
        if (nb == NULL)
            return;
        b->buf = nb;
        b->cap = cap;
    }
    memcpy(b->buf + b->n, s, n);
    b->n += n;
    b->buf[b->n] = 0;
}

static void
sb_utf8(sbuf *b, unsigned int ch)
{
    char u[4];
    size_t n;
    if (ch < 0x80) { u[0] = (char)ch; n = 1; }
    else if (ch < 0x800) { u[0] = (char)(0xC0 | (ch >> 6)); u[1] = (char)(0x80 | (ch & 0x3F)); n = 2; }
    else if (ch < 0x10000) {
        u[0] = (char)(0xE0 | (ch >> 12)); u[1] = (char)(0x80 | ((ch >> 6) & 0x3F));
        u[2] = (char)(0x80 | (ch & 0x3F)); n = 3;
    }
    else {
        u[0] = (char)(0xF0 | (ch >> 18)); u[1] = (char)(0x80 | ((ch >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((ch >> 6) & 0x3F)); u[3] = (char)(0x80 | (ch & 0x3F)); n = 4;
    }
    sb_add(b, u, n);
}

/* A small printf: %s %.*s %d %c %U (str object) %R (repr of an identifier). */
static char *
rp_vformat(const char *fmt, va_list va)
{
    sbuf b = {NULL, 0, 0};
    sb_add(&b, "", 0);
    for (const char *f = fmt; *f; f++) {
        if (*f != '%') {
            sb_add(&b, f, 1);
            continue;
        }
        f++;
        char tmp[32];
        switch (*f) {
        case 's':
            { const char *s = va_arg(va, const char *); sb_add(&b, s, strlen(s)); }
            break;
        case '.':
            if (f[1] == '*' && f[2] == 's') {
                int n = va_arg(va, int);
                const char *s = va_arg(va, const char *);
                sb_add(&b, s, (size_t)n);
                f += 2;
            }
            break;
        case 'd':
            snprintf(tmp, sizeof(tmp), "%d", va_arg(va, int));
            sb_add(&b, tmp, strlen(tmp));
            break;
        case 'c':
            sb_utf8(&b, (unsigned int)va_arg(va, int));
            break;
        case 'U': {
            PyObject *o = va_arg(va, PyObject *);
            Py_ssize_t n;
            const char *s = PyUnicode_AsUTF8AndSize(o, &n);
            if (s)
                sb_add(&b, s, (size_t)n);
            else
                PyErr_Clear();
            break;
        }
        case 'R': {
            PyObject *o = va_arg(va, PyObject *);
            Py_ssize_t n;
            const char *s = PyUnicode_AsUTF8AndSize(o, &n);
            sb_add(&b, "'", 1);
            if (s)
                sb_add(&b, s, (size_t)n);
            else
                PyErr_Clear();
            sb_add(&b, "'", 1);
            break;
        }
        case '%':
            sb_add(&b, "%", 1);
            break;
        default:
            sb_add(&b, f - 1, 2);
            break;
        }
    }
    return b.buf;
}

/* ------------------------------------------------------------ source lines */

/* Start of line `lineno` (1-based) in the source, or NULL. */
static const char *
line_start(Parser *p, Py_ssize_t lineno)
{
    if (lineno < 1)
        return NULL;
    const char *s = p->src, *end = p->src + p->srclen;
    for (Py_ssize_t i = 1; i < lineno; i++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (nl == NULL)
            return NULL;
        s = nl + 1;
    }
    return s;
}

/* Characters in the first col bytes of the line (col may reach one past the
   end: CPython then counts the terminating NUL as a character). */
static Py_ssize_t
byte_to_char_offset(const char *line, Py_ssize_t linelen, Py_ssize_t col)
{
    if (col > linelen + 1)
        col = linelen + 1;
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < col; i++) {
        if (i >= linelen) {
            n++;
            continue;
        }
        if (((unsigned char)line[i] & 0xC0) != 0x80)
            n++;
    }
    return n;
}

static Token *
last_fetched(Parser *p)
{
    return &p->tokens[p->fill > 0 ? p->fill - 1 : 0];
}

/* Raise errtype(msg, (filename, lineno, offset, text, end_lineno, end_offset)). */
static void
set_syntax_error_object(Parser *p, PyObject *errtype, const char *msg, Py_ssize_t lineno,
                        Py_ssize_t col, const char *line, Py_ssize_t linelen,
                        Py_ssize_t end_lineno, Py_ssize_t end_col)
{
    PyObject *errstr = NULL, *text = NULL, *tmp = NULL, *value = NULL, *exc = NULL;
    PyObject *l = NULL, *c = NULL, *el = NULL, *ec = NULL;
    errstr = PyUnicode_DecodeUTF8(msg, (Py_ssize_t)strlen(msg), "replace");
    if (errstr == NULL)
        goto error;
    text = PyUnicode_DecodeUTF8(line ? line : "", line ? linelen : 0, "replace");
    if (text == NULL)
        goto error;
    l = PyLong_FromSsize_t(lineno);
    c = PyLong_FromSsize_t(col);
    el = PyLong_FromSsize_t(end_lineno);
    ec = PyLong_FromSsize_t(end_col);
    if (!l || !c || !el || !ec)
        goto error;
    tmp = PyTuple_Pack(6, p->filename ? p->filename : Py_None, l, c, text, el, ec);
    if (tmp == NULL)
        goto error;
    value = PyTuple_Pack(2, errstr, tmp);
    if (value == NULL)
        goto error;
    exc = PyObject_Call(errtype, value, NULL);
    if (exc == NULL)
        goto error;
    PyErr_SetObject(errtype, exc);
  error:
    Py_XDECREF(errstr);
    Py_XDECREF(text);
    Py_XDECREF(l);
    Py_XDECREF(c);
    Py_XDECREF(el);
    Py_XDECREF(ec);
    Py_XDECREF(tmp);
    Py_XDECREF(value);
    Py_XDECREF(exc);
}

static void *
raise_known_location_v(Parser *p, PyObject *errtype, Py_ssize_t lineno, Py_ssize_t col_offset,
                       Py_ssize_t end_lineno, Py_ssize_t end_col_offset, const char *fmt,
                       va_list va)
{
    if (p->error_indicator && PyErr_Occurred())
        return NULL;
    p->error_indicator = 1;
    Token *last = last_fetched(p);
    if (end_lineno == CURRENT_POS)
        end_lineno = last->tok_lineno;
    if (end_col_offset == CURRENT_POS)
        end_col_offset = last->tok_cur_col;
    char *msg = rp_vformat(fmt, va);
    if (msg == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    /* The source line: the tokenizer's current line (with its newline) if
       the error is there, else the line from the source without it. */
    const char *line;
    Py_ssize_t linelen = 0;
    if (last->tok_lineno <= lineno && last->tok_inp > last->tok_buf) {
        line = last->tok_buf;
        linelen = last->tok_inp - last->tok_buf;
    }
    else if ((line = line_start(p, lineno)) != NULL) {
        const char *end = p->src + p->srclen;
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        linelen = nl ? nl - line : end - line;
    }
    Py_ssize_t col_number = col_offset, end_col_number = end_col_offset;
    if (line != NULL) {
        col_number = byte_to_char_offset(line, linelen, col_offset);
        if (end_col_number > 0)
            end_col_number = byte_to_char_offset(line, linelen, end_col_offset);
    }
    else {
        col_number = col_offset < 0 ? col_offset : 0;
        if (lineno >= 1)
            col_number = col_offset;
    }
    set_syntax_error_object(p, errtype, msg, lineno, col_number, line, linelen, end_lineno,
                            end_col_number);
    free(msg);
    return NULL;
}

void *
_RpParser_raise_error_known_location(Parser *p, PyObject *errtype, Py_ssize_t lineno,
                                     Py_ssize_t col_offset, Py_ssize_t end_lineno,
                                     Py_ssize_t end_col_offset, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    raise_known_location_v(p, errtype, lineno, col_offset, end_lineno, end_col_offset, fmt, va);
    va_end(va);
    return NULL;
}

void *
_RpParser_raise_error(Parser *p, PyObject *errtype, int use_mark, const char *fmt, ...)
{
    if (p->error_indicator && PyErr_Occurred())
        return NULL;
    va_list va;
    va_start(va, fmt);
    if (p->fill == 0) {
        raise_known_location_v(p, errtype, 0, 0, 0, -1, fmt, va);
        va_end(va);
        return NULL;
    }
    if (use_mark && p->mark == p->fill) {
        _RpParser_fetch(p, p->mark);
        if (p->error_indicator) {
            va_end(va);
            return NULL;
        }
    }
    Token *t = p->known_err_token != NULL ? p->known_err_token
                                          : &p->tokens[use_mark ? p->mark : p->fill - 1];
    Py_ssize_t col_offset, end_col_offset = -1;
    if (t->col_offset == -1)
        col_offset = last_fetched(p)->tok_cur_col;
    else
        col_offset = t->col_offset + 1;
    if (t->end_col_offset != -1)
        end_col_offset = t->end_col_offset + 1;
    raise_known_location_v(p, errtype, t->lineno, col_offset, t->end_lineno, end_col_offset,
                           fmt, va);
    va_end(va);
    return NULL;
}

void
_RpParser_stack_overflow(Parser *p)
{
    p->error_indicator = 1;
    PyErr_SetString(PyExc_MemoryError,
                    "Parser stack overflowed - Python source too complex to parse");
}

/* ------------------------------------------------- tokenizer errors */

static void
raise_unclosed_parentheses_error(Parser *p)
{
    TokState *tok = p->tok;
    int error_lineno = tok->parenlinenostack[tok->level - 1];
    int error_col = tok->parencolstack[tok->level - 1];
    RAISE_ERROR_KNOWN_LOCATION(PyExc_SyntaxError, error_lineno, error_col, error_lineno, -1,
                               "'%c' was never closed", tok->parenstack[tok->level - 1]);
}

/* An error stored by the tokenizer (done == E_ERROR): raise it. */
static void
raise_stored_tokenizer_error(Parser *p)
{
    TokState *tok = p->tok;
    set_syntax_error_object(p, PyExc_SyntaxError, tok->err_msg, tok->err_lineno, tok->err_col,
                            tok->err_line, tok->err_line_len, tok->err_lineno,
                            tok->err_end_col);
    p->error_indicator = 1;
}

void
_RpParser_raise_tokenizer_error(Parser *p)
{
    TokState *tok = p->tok;
    Token *et = &p->tokens[p->ntokens - 1];
    PyObject *errtype = PyExc_SyntaxError;
    const char *msg = NULL;
    Py_ssize_t col_offset = -1;
    if (PyErr_Occurred()) {
        p->error_indicator = 1;
        return;
    }
    switch (tok->done) {
    case E_ERROR:
        raise_stored_tokenizer_error(p);
        return;
    case E_EOF:
        if (tok->level)
            raise_unclosed_parentheses_error(p);
        else
            RAISE_SYNTAX_ERROR("unexpected EOF while parsing");
        return;
    case E_DEDENT:
        RAISE_INDENTATION_ERROR("unindent does not match any outer indentation level");
        return;
    case E_TABSPACE:
        errtype = PyExc_TabError;
        msg = "inconsistent use of tabs and spaces in indentation";
        break;
    case E_TOODEEP:
        errtype = PyExc_IndentationError;
        msg = "too many levels of indentation";
        break;
    case E_LINECONT:
        col_offset = et->tok_cur - et->tok_buf - 1;
        msg = "unexpected character after line continuation character";
        break;
    default:
        msg = "invalid token";
        break;
    }
    RAISE_ERROR_KNOWN_LOCATION(errtype, et->tok_lineno, col_offset >= 0 ? col_offset : 0,
                               et->tok_lineno, -1, "%s", msg);
}

/* Issue one warning (SyntaxWarning ...) at the given line: 0, or -1 with
   the exception set. */
int
_RpParser_warn(Parser *p, PyObject *category, int lineno, const char *msg)
{
    PyObject *m = PyUnicode_DecodeUTF8(msg, (Py_ssize_t)strlen(msg), "replace");
    if (m == NULL)
        return -1;
    int r = PyErr_WarnExplicitObject(category, m, p->filename ? p->filename : Py_None,
                                     lineno, NULL, NULL);
    Py_DECREF(m);
    return r;
}

static int warnings_emitted_upto(Parser *p, int n);

/* Make token i "fetched": issue its pending warnings, and raise the
   tokenizer's error if it is the error token. */
void
_RpParser_fetch(Parser *p, int i)
{
    while (p->fill <= i && p->fill < p->ntokens) {
        Token *t = &p->tokens[p->fill++];
        if (t->warn && warnings_emitted_upto(p, t->warn) < 0)
            return;
        if (t->type == T_ERRORTOKEN && !p->error_indicator)
            _RpParser_raise_tokenizer_error(p);
    }
}

static int
warnings_emitted_upto(Parser *p, int n)
{
    TokState *tok = p->tok;
    /* tok->pending_warn counts the warnings already issued */
    while (tok->pending_warn < n) {
        TokWarning *w = &tok->warnings[tok->pending_warn++];
        if (_RpParser_warn(p, PyExc_SyntaxWarning, w->lineno, w->msg) < 0) {
            if (PyErr_ExceptionMatches(PyExc_SyntaxWarning)) {
                PyErr_Clear();
                const char *nl = strchr(w->line, '\n');
                Py_ssize_t len = nl ? nl - w->line : (Py_ssize_t)strlen(w->line);
                set_syntax_error_object(p, PyExc_SyntaxError, w->msg, w->lineno, w->col,
                                        w->line, len, w->lineno, w->col);
            }
            p->error_indicator = 1;
            return -1;
        }
    }
    return 0;
}

/* --------------------------------------------- after a failed parse */

/* CPython tokenizes the rest of the source after a syntax error: a
   tokenizer error there (or an unclosed bracket from an earlier line)
   takes priority. */
static void
tokenize_full_source_to_check_for_errors(Parser *p)
{
    TokState *tok = p->tok;
    Token *current = p->known_err_token ? p->known_err_token : last_fetched(p);
    int current_err_line = current->lineno;
    Token *lastt = &p->tokens[p->ntokens - 1];
    /* The rest of the source is tokenized: its warnings come out now, and
       one turned into an error takes over. */
    if (tok->pending_warn < lastt->warn) {
        PyObject *saved = PyErr_GetRaisedException();
        int err = p->error_indicator;
        p->error_indicator = 0;
        if (warnings_emitted_upto(p, lastt->warn) < 0) {
            Py_XDECREF(saved);
            return;
        }
        p->error_indicator = err;
        PyErr_SetRaisedException(saved);
    }
    if (lastt->type != T_ERRORTOKEN)
        return;
    if (tok->done == E_ERROR) {
        if (tok->mode_index > 0)
            return;     /* inside an f-string: keep the parser's error */
        PyErr_Clear();
        p->error_indicator = 0;
        raise_stored_tokenizer_error(p);
        return;
    }
    if (tok->level != 0) {
        int error_lineno = tok->parenlinenostack[tok->level - 1];
        if (current_err_line > error_lineno) {
            PyErr_Clear();
            p->error_indicator = 0;
            raise_unclosed_parentheses_error(p);
        }
    }
}

static void
set_syntax_error(Parser *p, Token *last_token)
{
    if (PyErr_Occurred()) {
        int is_tok_ok = last_fetched(p)->type != T_ERRORTOKEN &&
                        last_fetched(p)->type != T_ENDMARKER &&
                        !(last_fetched(p)->tok_cur >= p->src + p->srclen &&
                          last_fetched(p)->type == T_DEDENT);
        if (is_tok_ok && PyErr_ExceptionMatches(PyExc_SyntaxError))
            tokenize_full_source_to_check_for_errors(p);
        return;
    }
    if (p->fill == 0) {
        RAISE_SYNTAX_ERROR("error at start before reading any input");
        return;
    }
    if (last_token->type == T_INDENT || last_token->type == T_DEDENT) {
        RAISE_INDENTATION_ERROR(last_token->type == T_INDENT ? "unexpected indent"
                                                             : "unexpected unindent");
        return;
    }
    RAISE_SYNTAX_ERROR_KNOWN_LOCATION(last_token, "invalid syntax");
    tokenize_full_source_to_check_for_errors(p);
}

/* After a statement in single mode, anything but blanks and comments means
   more than one statement. */
static int
bad_single_statement(Parser *p)
{
    const char *cur = last_fetched(p)->tok_cur;
    const char *end = p->src + p->srclen;
    for (;;) {
        while (cur < end && (*cur == ' ' || *cur == '\t' || *cur == '\n' || *cur == '\014'))
            cur++;
        if (cur >= end)
            return 0;
        if (*cur != '#')
            return 1;
        while (cur < end && *cur != '\n')
            cur++;
    }
}

/* --------------------------------------------------------- the driver */

/* Copy the source, dropping a UTF-8 BOM, turning \r\n and \r into \n, and
   (file input) making sure it ends with a newline. */
static char *
translate_source(const char *str, int exec_input, Py_ssize_t *plen)
{
    if ((unsigned char)str[0] == 0xEF && (unsigned char)str[1] == 0xBB &&
        (unsigned char)str[2] == 0xBF)
        str += 3;
    size_t n = strlen(str);
    char *buf = malloc(n + 2);
    if (buf == NULL)
        return NULL;
    char *q = buf;
    char c = 0;
    for (const char *s = str; *s; s++) {
        c = *s;
        if (c == '\r') {
            c = '\n';
            if (s[1] == '\n')
                s++;
        }
        *q++ = c;
    }
    if (exec_input && c != '\n')
        *q++ = '\n';
    *q = 0;
    *plen = q - buf;
    return buf;
}

/* Check that the source is valid UTF-8; raise SyntaxError if not. */
static int
check_utf8(Parser *p, const char *s, Py_ssize_t n)
{
    const unsigned char *u = (const unsigned char *)s, *end = u + n;
    while (u < end) {
        unsigned c = *u;
        int k = c < 0x80 ? 1 : (c >= 0xC2 && c < 0xE0) ? 2 : (c >= 0xE0 && c < 0xF0) ? 3 :
                (c >= 0xF0 && c < 0xF5) ? 4 : 0;
        int ok = k > 0 && u + k <= end;
        for (int i = 1; ok && i < k; i++)
            if ((u[i] & 0xC0) != 0x80)
                ok = 0;
        if (ok && k == 3 && ((c == 0xE0 && u[1] < 0xA0) || (c == 0xED && u[1] >= 0xA0)))
            ok = 0;
        if (ok && k == 4 && ((c == 0xF0 && u[1] < 0x90) || (c == 0xF4 && u[1] >= 0x90)))
            ok = 0;
        if (!ok) {
            char msg[200];
            snprintf(msg, sizeof(msg),
                     "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zd: "
                     "%s", c, (Py_ssize_t)((const char *)u - s),
                     k == 0 ? "invalid start byte" :
                     (u + k > end ? "unexpected end of data" : "invalid continuation byte"));
            set_syntax_error_object(p, PyExc_SyntaxError, msg, 0, -1, NULL, 0, 0, -1);
            return -1;
        }
        u += k;
    }
    return 0;
}

mod_ty
_PyParser_ASTFromString(const char *str, PyObject *filename, int mode, PyArena *arena)
{
    Parser parser, *p = &parser;
    TokState tok;
    mod_ty res = NULL;
    memset(p, 0, sizeof(*p));
    memset(&tok, 0, sizeof(tok));
    Py_ssize_t len;
    char *src = translate_source(str, mode == Py_file_input, &len);
    if (src == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    p->src = src;
    p->srclen = len;
    p->filename = filename;
    p->arena = arena;
    p->start_rule = mode;
    p->tok = &tok;
    if (check_utf8(p, src, len) < 0)
        goto done;
    if (_RpTokenizer_Run(&tok, src, len, mode == Py_single_input) < 0)
        goto done;
    p->tokens = tok.tokens;
    p->ntokens = tok.ntokens;

    res = _RpParser_parse(p);
    if (res == NULL) {
        if (PyErr_Occurred() && !PyErr_ExceptionMatches(PyExc_SyntaxError))
            goto done;
        Token *last_token = last_fetched(p);
        /* Second pass, with the invalid_* rules. */
        _RpParser_clear_memo(p);
        p->mark = 0;
        p->level = 0;
        p->call_invalid_rules = 1;
        _RpParser_parse(p);
        set_syntax_error(p, last_token);
        res = NULL;
        goto done;
    }
    if (mode == Py_single_input && bad_single_statement(p)) {
        RAISE_SYNTAX_ERROR("multiple statements found while compiling a single statement");
        res = NULL;
    }
  done:
    _RpTokenizer_Free(&tok);
    free(src);
    if (res == NULL && !PyErr_Occurred())
        PyErr_SetString(PyExc_SystemError, "parser failed without an error");
    return res;
}

/* ------------------------------------------- error helpers for rules */

const char *
_RpParser_get_expr_name(expr_ty e)
{
    switch (e->kind) {
    case Attribute_kind: return "attribute";
    case Subscript_kind: return "subscript";
    case Starred_kind: return "starred";
    case Name_kind: return "name";
    case List_kind: return "list";
    case Tuple_kind: return "tuple";
    case Lambda_kind: return "lambda";
    case Call_kind: return "function call";
    case BoolOp_kind:
    case BinOp_kind:
    case UnaryOp_kind: return "expression";
    case GeneratorExp_kind: return "generator expression";
    case Yield_kind:
    case YieldFrom_kind: return "yield expression";
    case Await_kind: return "await expression";
    case ListComp_kind: return "list comprehension";
    case SetComp_kind: return "set comprehension";
    case DictComp_kind: return "dict comprehension";
    case Dict_kind: return "dict literal";
    case Set_kind: return "set display";
    case JoinedStr_kind:
    case FormattedValue_kind: return "f-string expression";
    case Constant_kind: {
        PyObject *v = e->v.Constant.value;
        if (v == Py_None) return "None";
        if (v == Py_False) return "False";
        if (v == Py_True) return "True";
        if (v == Py_Ellipsis) return "ellipsis";
        return "literal";
    }
    case Compare_kind: return "comparison";
    case IfExp_kind: return "conditional expression";
    case NamedExpr_kind: return "named expression";
    default: return "expression";
    }
}

expr_ty
_RpParser_get_invalid_target(expr_ty e, TARGETS_TYPE targets_type)
{
    if (e == NULL)
        return NULL;
    switch (e->kind) {
    case List_kind:
    case Tuple_kind: {
        asdl_expr_seq *elts = e->kind == List_kind ? e->v.List.elts : e->v.Tuple.elts;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
            expr_ty child = _RpParser_get_invalid_target(asdl_seq_GET(elts, i), targets_type);
            if (child != NULL)
                return child;
        }
        return NULL;
    }
    case Starred_kind:
        if (targets_type == DEL_TARGETS)
            return e;
        return _RpParser_get_invalid_target(e->v.Starred.value, targets_type);
    case Compare_kind:
        /* for a in b: the `a in b` parses as a comparison */
        if (targets_type == FOR_TARGETS) {
            if (asdl_seq_GET(e->v.Compare.ops, 0) == In)
                return _RpParser_get_invalid_target(e->v.Compare.left, targets_type);
            return NULL;
        }
        return e;
    case Name_kind:
    case Subscript_kind:
    case Attribute_kind:
        return NULL;
    default:
        return e;
    }
}

void *
_RpParser_raise_invalid_target(Parser *p, TARGETS_TYPE type, expr_ty e)
{
    expr_ty invalid = _RpParser_get_invalid_target(e, type);
    if (invalid == NULL)
        return NULL;
    const char *msg = (type == STAR_TARGETS || type == FOR_TARGETS) ? "cannot assign to %s"
                                                                    : "cannot delete %s";
    return RAISE_SYNTAX_ERROR_KNOWN_LOCATION(invalid, msg, _RpParser_get_expr_name(invalid));
}

void *
_RpParser_arguments_parsing_error(Parser *p, expr_ty e)
{
    int kwarg_unpacking = 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Call.keywords); i++) {
        keyword_ty k = asdl_seq_GET(e->v.Call.keywords, i);
        if (!k->arg)
            kwarg_unpacking = 1;
    }
    return RAISE_SYNTAX_ERROR(kwarg_unpacking ?
                              "positional argument follows keyword argument unpacking" :
                              "positional argument follows keyword argument");
}

void *
_RpParser_nonparen_genexp_in_call(Parser *p, expr_ty args, asdl_comprehension_seq *comps)
{
    Py_ssize_t len = asdl_seq_LEN(args->v.Call.args);
    if (len <= 1)
        return NULL;
    comprehension_ty last = asdl_seq_GET(comps, asdl_seq_LEN(comps) - 1);
    return RAISE_SYNTAX_ERROR_KNOWN_RANGE(
        (expr_ty)asdl_seq_GET(args->v.Call.args, len - 1),
        _RpParser_get_last_comprehension_item(last),
        "Generator expression must be parenthesized");
}
