/* traceback.c -- traceback objects and the printing of exceptions.
 *
 * A traceback is a linked list of (frame, last instruction, line)
 * entries, innermost last; the VM prepends one entry per frame the
 * exception passes through (PyTraceBack_Here).
 *
 * Printing follows CPython 3.12's C implementation (Python/traceback.c,
 * Python/pythonrun.c, Python/suggestions.c), not the traceback module:
 *
 *   Traceback (most recent call last):
 *     File "x.py", line 3, in f              <- co_name, not co_qualname
 *       return a + b * 2                     <- source line, left-stripped
 *                  ~~^~~                     <- 3.12 error location
 *   TypeError: unsupported operand ...
 *
 * The caret line is shown when the failing instruction's position covers
 * only part of the line.  For a binary operation or a subscript, the
 * operator (or the [...]) is marked with '^' and the operands with '~'.
 * CPython finds those by re-parsing the source segment; we tokenize the
 * segment and look at its top-level structure (find_anchors), which gives
 * the same answer for the BinOp and Subscript shapes and "no anchors" for
 * everything else.  Three identical consecutive entries are followed by
 * "[Previous line repeated N more times]".
 *
 * Around the traceback: chained exceptions (__cause__/__context__ unless
 * __suppress_context__), exception groups in their nested box format,
 * SyntaxError's own location display, "Did you mean" suggestions for
 * NameError/AttributeError/ImportError (Levenshtein distance with CPython's
 * costs), the stdlib-module import hint, and __notes__.
 *
 * Everything is written through the file object's write() method
 * (sys.stderr); a NULL file means C stderr.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_state.h"
#include "rp_frame.h"
#include "rp_eval.h"
#include "refpy/descrobject.h"
#include <stdbool.h>
#include <sys/stat.h>

#define EXCEPTION_TB_HEADER "Traceback (most recent call last):\n"
#define EXCEPTION_GROUP_TB_HEADER "Exception Group Traceback (most recent call last):\n"
#define TB_RECURSIVE_CUTOFF 3
#define PyTraceBack_LIMIT 1000
#define TRACEBACK_SOURCE_LINE_INDENT 4

/* ====================================================================== */
/* Writing to a file object                                               */
/* ====================================================================== */

static int
write_unicode(PyObject *s, PyObject *file)
{
    if (file == NULL) {
        const char *u = PyUnicode_AsUTF8(s);
        if (u == NULL) return -1;
        fputs(u, stderr);
        return 0;
    }
    PyObject *r = PyObject_CallMethodOneArg(file, _Py_ID(write), s);
    if (r == NULL) return -1;
    Py_DECREF(r);
    return 0;
}

int
_PyErr_WriteObject(PyObject *obj, PyObject *file, int flags)
{
    PyObject *s = (flags & Py_PRINT_RAW) ? PyObject_Str(obj) : PyObject_Repr(obj);
    if (s == NULL) return -1;
    int r = write_unicode(s, file);
    Py_DECREF(s);
    return r;
}

int
_PyErr_WriteString(const char *str, PyObject *file)
{
    if (file == NULL) {
        fputs(str, stderr);
        return 0;
    }
    PyObject *s = PyUnicode_FromString(str);
    if (s == NULL) return -1;
    int r = write_unicode(s, file);
    Py_DECREF(s);
    return r;
}

static int
write_indent(int indent, PyObject *f)
{
    static const char spaces[] = "                                        ";
    while (indent > 0) {
        int n = indent < 40 ? indent : 40;
        char buf[41];
        memcpy(buf, spaces, (size_t)n);
        buf[n] = '\0';
        if (_PyErr_WriteString(buf, f) < 0) return -1;
        indent -= n;
    }
    return 0;
}

static int
write_indented_margin(int indent, const char *margin, PyObject *f)
{
    if (write_indent(indent, f) < 0) return -1;
    if (margin != NULL && _PyErr_WriteString(margin, f) < 0) return -1;
    return 0;
}

/* ====================================================================== */
/* Traceback objects                                                      */
/* ====================================================================== */

static PyObject *
tb_create_raw(PyTracebackObject *next, PyFrameObject *frame, int lasti, int lineno)
{
    if ((next != NULL && !PyTraceBack_Check(next)) || frame == NULL || !PyFrame_Check(frame)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyTracebackObject *tb = PyObject_GC_New(PyTracebackObject, &PyTraceBack_Type);
    if (tb == NULL) return NULL;
    tb->tb_next = (PyTracebackObject *)Py_XNewRef(next);
    tb->tb_frame = (PyFrameObject *)Py_NewRef(frame);
    tb->tb_lasti = lasti;
    tb->tb_lineno = lineno;
    PyObject_GC_Track(tb);
    return (PyObject *)tb;
}

static PyObject *
tb_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno", NULL};
    PyObject *tb_next, *tb_frame;
    int tb_lasti, tb_lineno;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOii:TracebackType", kwlist,
                                     &tb_next, &tb_frame, &tb_lasti, &tb_lineno))
        return NULL;
    if (!PyFrame_Check(tb_frame)) {
        PyErr_Format(PyExc_TypeError, "TracebackType() argument 'tb_frame' must be frame, not %.50s",
                     Py_TYPE(tb_frame)->tp_name);
        return NULL;
    }
    if (tb_next == Py_None) {
        tb_next = NULL;
    }
    else if (!PyTraceBack_Check(tb_next)) {
        return PyErr_Format(PyExc_TypeError, "expected traceback object or None, got '%s'",
                            Py_TYPE(tb_next)->tp_name);
    }
    return tb_create_raw((PyTracebackObject *)tb_next, (PyFrameObject *)tb_frame,
                         tb_lasti, tb_lineno);
}

static PyObject *
tb_dir(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *l = PyList_New(4);
    if (l == NULL) return NULL;
    static const char *names[] = {"tb_frame", "tb_next", "tb_lasti", "tb_lineno"};
    for (int i = 0; i < 4; i++) {
        PyObject *s = PyUnicode_FromString(names[i]);
        if (s == NULL) {
            Py_DECREF(l);
            return NULL;
        }
        PyList_SET_ITEM(l, i, s);
    }
    return l;
}

/* tb_lineno is computed on first use (walking the line table costs more
   than creating the entry, and most tracebacks are never looked at). */
#define TB_LINENO_UNKNOWN INT_MIN

static int
tb_get_lineno(PyTracebackObject *tb)
{
    if (tb->tb_lineno == TB_LINENO_UNKNOWN)
        tb->tb_lineno = PyCode_Addr2Line(tb->tb_frame->f_frame->f_code, tb->tb_lasti);
    return tb->tb_lineno;
}

static PyObject *
tb_lineno_get(PyObject *op, void *Py_UNUSED(closure))
{
    return PyLong_FromLong(tb_get_lineno((PyTracebackObject *)op));
}

static PyObject *
tb_next_get(PyObject *op, void *Py_UNUSED(closure))
{
    PyObject *next = (PyObject *)((PyTracebackObject *)op)->tb_next;
    return Py_NewRef(next ? next : Py_None);
}

static int
tb_next_set(PyObject *op, PyObject *new_next, void *Py_UNUSED(closure))
{
    PyTracebackObject *self = (PyTracebackObject *)op;
    if (new_next == NULL) {
        PyErr_Format(PyExc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (new_next == Py_None) {
        new_next = NULL;
    }
    else if (!PyTraceBack_Check(new_next)) {
        PyErr_Format(PyExc_TypeError, "expected traceback object, got '%s'",
                     Py_TYPE(new_next)->tp_name);
        return -1;
    }
    for (PyTracebackObject *c = (PyTracebackObject *)new_next; c != NULL; c = c->tb_next) {
        if (c == self) {
            PyErr_Format(PyExc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    Py_XSETREF(self->tb_next, (PyTracebackObject *)Py_XNewRef(new_next));
    return 0;
}

static PyMethodDef tb_methods[] = {
    {"__dir__", (PyCFunction)tb_dir, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef tb_memberlist[] = {
    {"tb_frame", _Py_T_OBJECT, offsetof(PyTracebackObject, tb_frame), Py_READONLY | Py_AUDIT_READ, NULL},
    {"tb_lasti", Py_T_INT, offsetof(PyTracebackObject, tb_lasti), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef tb_getsetters[] = {
    {"tb_next", tb_next_get, tb_next_set, NULL, NULL},
    {"tb_lineno", tb_lineno_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static void
tb_dealloc(PyObject *op)
{
    PyTracebackObject *tb = (PyTracebackObject *)op;
    PyObject_GC_UnTrack(tb);
    Py_TRASHCAN_BEGIN(tb, tb_dealloc)
    Py_XDECREF(tb->tb_next);
    Py_XDECREF(tb->tb_frame);
    PyObject_GC_Del(tb);
    Py_TRASHCAN_END
}

static int
tb_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyTracebackObject *tb = (PyTracebackObject *)op;
    Py_VISIT(tb->tb_next);
    Py_VISIT(tb->tb_frame);
    return 0;
}

static int
tb_clear(PyObject *op)
{
    PyTracebackObject *tb = (PyTracebackObject *)op;
    Py_CLEAR(tb->tb_next);
    Py_CLEAR(tb->tb_frame);
    return 0;
}

PyTypeObject PyTraceBack_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "traceback",
    .tp_basicsize = sizeof(PyTracebackObject),
    .tp_dealloc = tb_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)\n--\n\n"
              "Create a new traceback object.",
    .tp_traverse = tb_traverse,
    .tp_clear = tb_clear,
    .tp_methods = tb_methods,
    .tp_members = tb_memberlist,
    .tp_getset = tb_getsetters,
    .tp_new = tb_new,
};

/* New reference: an entry for `frame` (at its current instruction) in
   front of tb_next. */
PyObject *
_PyTraceBack_FromFrame(PyObject *tb_next, PyFrameObject *frame)
{
    _PyInterpreterFrame *f = frame->f_frame;
    int addr = _PyInterpreterFrame_LASTI(f) * (int)sizeof(_Py_CODEUNIT);
    return tb_create_raw((PyTracebackObject *)tb_next, frame, addr, TB_LINENO_UNKNOWN);
}

int
PyTraceBack_Here(PyFrameObject *frame)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) return 0;
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *newtb = _PyTraceBack_FromFrame(tb, frame);
    Py_XDECREF(tb);
    if (newtb == NULL) {
        _PyErr_ChainExceptions1(exc);
        return -1;
    }
    PyException_SetTraceback(exc, newtb);
    Py_DECREF(newtb);
    PyErr_SetRaisedException(exc);
    return 0;
}

/* ====================================================================== */
/* Source lines                                                           */
/* ====================================================================== */

/* One file's bytes, kept for the next lookup (tracebacks usually show
   several lines of the same file). */
static struct {
    char *path;
    char *data;
    size_t size;
    time_t mtime;
    off_t fsize;
} srccache;

static const char *
load_source(const char *path, size_t *size)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) return NULL;
    if (srccache.path != NULL && strcmp(srccache.path, path) == 0 &&
        srccache.mtime == st.st_mtime && srccache.fsize == st.st_size) {
        *size = srccache.size;
        return srccache.data;
    }
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) return NULL;
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = PyMem_RawMalloc(cap);
    if (buf == NULL) {
        fclose(fp);
        return NULL;
    }
    for (;;) {
        if (n == cap) {
            char *nb = PyMem_RawRealloc(buf, cap * 2);
            if (nb == NULL) {
                PyMem_RawFree(buf);
                fclose(fp);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n, fp);
        if (r == 0) break;
        n += r;
    }
    fclose(fp);
    char *p = PyMem_RawMalloc(strlen(path) + 1);
    if (p == NULL) {
        PyMem_RawFree(buf);
        return NULL;
    }
    strcpy(p, path);
    PyMem_RawFree(srccache.path);
    PyMem_RawFree(srccache.data);
    srccache.path = p;
    srccache.data = buf;
    srccache.size = n;
    srccache.mtime = st.st_mtime;
    srccache.fsize = st.st_size;
    *size = n;
    return buf;
}

/* Line `lineno` (1-based) of the file, universal newlines, decoded as
   UTF-8 (invalid bytes replaced; a leading BOM skipped): new str with the
   line terminator as "\n" when keep_newline, or without it; NULL (no
   exception) if unavailable.  Names like "<string>" are not files. */
static PyObject *
read_source_line(PyObject *filename, int lineno, int keep_newline)
{
    if (filename == NULL || !PyUnicode_Check(filename) || lineno < 1) return NULL;
    Py_ssize_t flen = PyUnicode_GET_LENGTH(filename);
    if (flen == 0) return NULL;
    if (PyUnicode_READ_CHAR(filename, 0) == '<' && PyUnicode_READ_CHAR(filename, flen - 1) == '>')
        return NULL;
    const char *path = PyUnicode_AsUTF8(filename);
    if (path == NULL) {
        PyErr_Clear();
        return NULL;
    }
    size_t size;
    const char *data = load_source(path, &size);
    if (data == NULL) return NULL;
    size_t pos = 0;
    if (size >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) pos = 3;
    for (int line = 1; line < lineno; line++) {
        while (pos < size && data[pos] != '\n' && data[pos] != '\r') pos++;
        if (pos >= size) return NULL;
        if (data[pos] == '\r' && pos + 1 < size && data[pos + 1] == '\n') pos++;
        pos++;
    }
    if (pos >= size) return NULL;
    size_t end = pos;
    while (end < size && data[end] != '\n' && data[end] != '\r') end++;
    PyObject *line = PyUnicode_DecodeUTF8(data + pos, (Py_ssize_t)(end - pos), "replace");
    if (line == NULL) {
        PyErr_Clear();
        return NULL;
    }
    if (keep_newline && end < size) {
        PyObject *nl = PyUnicode_FromString("\n");
        if (nl == NULL) {
            Py_DECREF(line);
            PyErr_Clear();
            return NULL;
        }
        PyUnicode_Append(&line, nl);
        Py_DECREF(nl);
        if (line == NULL) PyErr_Clear();
    }
    return line;
}

/* New reference or NULL (no exception set). */
PyObject *
PyErr_ProgramTextObject(PyObject *filename, int lineno)
{
    return read_source_line(filename, lineno, 1);
}

static Py_ssize_t
leading_whitespace(PyObject *line)
{
    int kind = PyUnicode_KIND(line);
    const void *data = PyUnicode_DATA(line);
    Py_ssize_t n = PyUnicode_GET_LENGTH(line), i;
    for (i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch != ' ' && ch != '\t' && ch != '\014') break;
    }
    return i;
}

/* Write margin + indent + the stripped line + "\n".  On success the
   (unstripped) line is returned in *pline (new ref) and the number of
   stripped characters in *pstripped.  0, or -1 when the line is not
   available (no exception) or writing failed (exception set). */
static int
display_source_line(PyObject *f, PyObject *filename, int lineno, int indent,
                    int margin_indent, const char *margin, Py_ssize_t *pstripped,
                    PyObject **pline)
{
    PyObject *line = read_source_line(filename, lineno, 0);
    if (line == NULL) return -1;
    Py_ssize_t i = leading_whitespace(line);
    PyObject *stripped = PyUnicode_Substring(line, i, PyUnicode_GET_LENGTH(line));
    if (stripped == NULL) {
        Py_DECREF(line);
        return -1;
    }
    int err = -1;
    if (write_indented_margin(margin_indent, margin, f) < 0) goto done;
    if (write_indent(indent, f) < 0) goto done;
    if (write_unicode(stripped, f) < 0) goto done;
    if (_PyErr_WriteString("\n", f) < 0) goto done;
    err = 0;
done:
    Py_DECREF(stripped);
    if (err == 0 && pline != NULL) {
        *pline = line;
        *pstripped = i;
    }
    else {
        Py_DECREF(line);
    }
    return err;
}

int
_Py_DisplaySourceLine(PyObject *f, PyObject *filename, int lineno, int indent)
{
    return display_source_line(f, filename, lineno, indent, 0, NULL, NULL, NULL);
}

/* ====================================================================== */
/* Error-location anchors                                                 */
/* ====================================================================== */

enum { TK_NAME, TK_KEYWORD, TK_NUMBER, TK_STRING, TK_OP };

typedef struct {
    int kind;
    Py_ssize_t start, end;      /* character positions in the segment */
    char op[4];                 /* operator text for TK_OP */
    int depth;                  /* bracket depth before the token */
    Py_ssize_t match;           /* index of the matching bracket, or -1 */
} seg_token;

typedef struct {
    const Py_UCS4 *s;
    Py_ssize_t n;
    seg_token *toks;
    Py_ssize_t ntoks, cap;
} seg_lexer;

static int
is_id_start(Py_UCS4 c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 128;
}

static int
is_id_char(Py_UCS4 c)
{
    return is_id_start(c) || (c >= '0' && c <= '9');
}

static int
is_keyword(const Py_UCS4 *s, Py_ssize_t len)
{
    static const char *const kw[] = {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield", NULL};
    for (int k = 0; kw[k]; k++) {
        Py_ssize_t i;
        for (i = 0; i < len && kw[k][i] && (Py_UCS4)(unsigned char)kw[k][i] == s[i]; i++)
            ;
        if (i == len && kw[k][i] == '\0') return 1;
    }
    return 0;
}

static int
tok_is(const seg_lexer *lx, const seg_token *t, const char *word)
{
    Py_ssize_t len = (Py_ssize_t)strlen(word);
    if (t->end - t->start != len) return 0;
    for (Py_ssize_t i = 0; i < len; i++)
        if (lx->s[t->start + i] != (Py_UCS4)(unsigned char)word[i]) return 0;
    return 1;
}

static Py_ssize_t scan_string(const seg_lexer *lx, Py_ssize_t i, int is_f);

/* Skip a replacement field of an f-string starting after '{'; return the
   index after the closing '}', or -1. */
static Py_ssize_t
skip_fstring_field(const seg_lexer *lx, Py_ssize_t j)
{
    int depth = 0;
    while (j < lx->n) {
        Py_UCS4 c = lx->s[j];
        if (c == '\'' || c == '"') {
            j = scan_string(lx, j, 0);
            if (j < 0) return -1;
            continue;
        }
        if (is_id_start(c)) {
            Py_ssize_t k = j;
            while (k < lx->n && is_id_char(lx->s[k])) k++;
            if (k < lx->n && (lx->s[k] == '\'' || lx->s[k] == '"') && k - j <= 2) {
                int f = 0;
                for (Py_ssize_t m = j; m < k; m++) if (lx->s[m] == 'f' || lx->s[m] == 'F') f = 1;
                j = scan_string(lx, k, f);
                if (j < 0) return -1;
                continue;
            }
            j = k;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') depth++;
        else if (c == ')' || c == ']') depth--;
        else if (c == '}') {
            if (depth == 0) return j + 1;
            depth--;
        }
        else if (c == ':' && depth == 0 && !(j + 1 < lx->n && lx->s[j + 1] == '=')) {
            /* format spec: literal text with nested fields, up to '}' */
            j++;
            while (j < lx->n && lx->s[j] != '}') {
                if (lx->s[j] == '{') {
                    j = skip_fstring_field(lx, j + 1);
                    if (j < 0) return -1;
                    continue;
                }
                j++;
            }
            return j < lx->n ? j + 1 : -1;
        }
        j++;
    }
    return -1;
}

/* Index after the string literal whose opening quote is at i, or -1. */
static Py_ssize_t
scan_string(const seg_lexer *lx, Py_ssize_t i, int is_f)
{
    Py_UCS4 q = lx->s[i];
    int triple = i + 2 < lx->n && lx->s[i + 1] == q && lx->s[i + 2] == q;
    Py_ssize_t j = i + (triple ? 3 : 1);
    while (j < lx->n) {
        Py_UCS4 c = lx->s[j];
        if (c == '\\') {
            j += 2;
            continue;
        }
        if (is_f && c == '{') {
            if (j + 1 < lx->n && lx->s[j + 1] == '{') {
                j += 2;
                continue;
            }
            j = skip_fstring_field(lx, j + 1);
            if (j < 0) return -1;
            continue;
        }
        if (c == q) {
            if (!triple) return j + 1;
            if (j + 2 < lx->n && lx->s[j + 1] == q && lx->s[j + 2] == q) return j + 3;
        }
        j++;
    }
    return -1;
}

static int
add_token(seg_lexer *lx, int kind, Py_ssize_t start, Py_ssize_t end)
{
    if (lx->ntoks == lx->cap) {
        Py_ssize_t ncap = lx->cap ? lx->cap * 2 : 32;
        seg_token *nt = PyMem_Realloc(lx->toks, (size_t)ncap * sizeof(seg_token));
        if (nt == NULL) return -1;
        lx->toks = nt;
        lx->cap = ncap;
    }
    seg_token *t = &lx->toks[lx->ntoks++];
    t->kind = kind;
    t->start = start;
    t->end = end;
    t->op[0] = '\0';
    t->depth = 0;
    t->match = -1;
    if (kind == TK_OP) {
        Py_ssize_t k;
        for (k = 0; k < end - start && k < 3; k++) t->op[k] = (char)lx->s[start + k];
        t->op[k] = '\0';
    }
    return 0;
}

/* Tokenize the segment; 0, or -1 if it is not something we understand. */
static int
seg_tokenize(seg_lexer *lx)
{
    static const char *const ops3[] = {"**=", "//=", ">>=", "<<=", "...", NULL};
    static const char *const ops2[] = {"**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", ":=",
                                       "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", NULL};
    static const char ops1[] = "+-*/%@|&^~<>()[]{},:.;=!";
    Py_ssize_t i = 0, n = lx->n;
    const Py_UCS4 *s = lx->s;
    while (i < n) {
        Py_UCS4 c = s[i];
        if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\\') {
            i++;
            continue;
        }
        if (c == '#') break;
        if (is_id_start(c)) {
            Py_ssize_t j = i;
            while (j < n && is_id_char(s[j])) j++;
            if (j < n && (s[j] == '\'' || s[j] == '"') && j - i <= 2) {
                int f = 0, ok = 1;
                for (Py_ssize_t m = i; m < j; m++) {
                    Py_UCS4 p = s[m] | 0x20;
                    if (p == 'f') f = 1;
                    else if (p != 'r' && p != 'b' && p != 'u') ok = 0;
                }
                if (ok) {
                    Py_ssize_t e = scan_string(lx, j, f);
                    if (e < 0 || add_token(lx, TK_STRING, i, e) < 0) return -1;
                    i = e;
                    continue;
                }
            }
            if (add_token(lx, is_keyword(s + i, j - i) ? TK_KEYWORD : TK_NAME, i, j) < 0) return -1;
            i = j;
            continue;
        }
        if ((c >= '0' && c <= '9') || (c == '.' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')) {
            Py_ssize_t j = i;
            int radix = c == '0' && i + 1 < n && ((s[i + 1] | 0x20) == 'x' || (s[i + 1] | 0x20) == 'o' ||
                                                  (s[i + 1] | 0x20) == 'b');
            while (j < n) {
                Py_UCS4 d = s[j];
                if ((d >= '0' && d <= '9') || d == '_' || d == '.' || is_id_start(d)) {
                    j++;
                    if (!radix && (d | 0x20) == 'e' && j < n && (s[j] == '+' || s[j] == '-')) j++;
                    continue;
                }
                break;
            }
            if (add_token(lx, TK_NUMBER, i, j) < 0) return -1;
            i = j;
            continue;
        }
        if (c == '\'' || c == '"') {
            Py_ssize_t e = scan_string(lx, i, 0);
            if (e < 0 || add_token(lx, TK_STRING, i, e) < 0) return -1;
            i = e;
            continue;
        }
        const char *const *tab;
        int matched = 0;
        for (int len = 3; len >= 2 && !matched; len--) {
            tab = len == 3 ? ops3 : ops2;
            for (int k = 0; tab[k]; k++) {
                if (i + len <= n && s[i] == (Py_UCS4)tab[k][0] && s[i + 1] == (Py_UCS4)tab[k][1] &&
                    (len == 2 || s[i + 2] == (Py_UCS4)tab[k][2])) {
                    if (add_token(lx, TK_OP, i, i + len) < 0) return -1;
                    i += len;
                    matched = 1;
                    break;
                }
            }
        }
        if (matched) continue;
        if (c < 128 && strchr(ops1, (int)c) != NULL) {
            if (add_token(lx, TK_OP, i, i + 1) < 0) return -1;
            i++;
            continue;
        }
        return -1;
    }
    /* bracket depths and matches */
    Py_ssize_t stack[256];
    int sp = 0;
    for (Py_ssize_t k = 0; k < lx->ntoks; k++) {
        seg_token *t = &lx->toks[k];
        t->depth = sp;
        if (t->kind != TK_OP || t->op[1] != '\0') continue;
        char o = t->op[0];
        if (o == '(' || o == '[' || o == '{') {
            if (sp == (int)Py_ARRAY_LENGTH(stack)) return -1;
            stack[sp++] = k;
        }
        else if (o == ')' || o == ']' || o == '}') {
            if (sp == 0) return -1;
            Py_ssize_t open = stack[--sp];
            char oo = lx->toks[open].op[0];
            if ((o == ')' && oo != '(') || (o == ']' && oo != '[') || (o == '}' && oo != '{'))
                return -1;
            lx->toks[open].match = k;
            t->match = open;
            t->depth = sp;
        }
    }
    return sp == 0 ? 0 : -1;
}

/* Does token k end an operand (so that a following +/- is binary)? */
static int
ends_operand(const seg_lexer *lx, Py_ssize_t k)
{
    const seg_token *t = &lx->toks[k];
    switch (t->kind) {
    case TK_NAME: case TK_NUMBER: case TK_STRING:
        return 1;
    case TK_KEYWORD:
        return tok_is(lx, t, "True") || tok_is(lx, t, "False") || tok_is(lx, t, "None");
    default:
        return strcmp(t->op, ")") == 0 || strcmp(t->op, "]") == 0 || strcmp(t->op, "}") == 0 ||
               strcmp(t->op, "...") == 0;
    }
}

static int
binop_level(const char *op)
{
    if (!strcmp(op, "|")) return 1;
    if (!strcmp(op, "^")) return 2;
    if (!strcmp(op, "&")) return 3;
    if (!strcmp(op, "<<") || !strcmp(op, ">>")) return 4;
    if (!strcmp(op, "+") || !strcmp(op, "-")) return 5;
    if (!strcmp(op, "*") || !strcmp(op, "/") || !strcmp(op, "//") || !strcmp(op, "%") ||
        !strcmp(op, "@")) return 6;
    if (!strcmp(op, "**")) return 7;
    return 0;
}

/* The expression in tokens [lo, hi) without redundant enclosing
   parentheses (those of a tuple or generator expression belong to it). */
static void
strip_parens(const seg_lexer *lx, Py_ssize_t *plo, Py_ssize_t *phi)
{
    Py_ssize_t lo = *plo, hi = *phi;
    while (hi - lo >= 3 && strcmp(lx->toks[lo].op, "(") == 0 && lx->toks[lo].match == hi - 1) {
        int d = lx->toks[lo].depth + 1, plain = 1;
        for (Py_ssize_t k = lo + 1; k < hi - 1; k++) {
            const seg_token *t = &lx->toks[k];
            if (t->depth != d) continue;
            if (strcmp(t->op, ",") == 0 || tok_is(lx, t, "for")) {
                plain = 0;
                break;
            }
        }
        if (!plain) break;
        lo++;
        hi--;
    }
    *plo = lo;
    *phi = hi;
}

static int
is_ws(Py_UCS4 c)
{
    return c == ' ' || c == '\t' || c == '\f';
}

/* The anchors of a segment that is a single binary operation or
   subscript: 1 and [*left, *right) is the operator / "[...]" part; 0
   for any other shape (CPython's extract_anchors_from_line). */
static int
find_anchors(const Py_UCS4 *s, Py_ssize_t n, Py_ssize_t *left, Py_ssize_t *right)
{
    seg_lexer lx = {s, n, NULL, 0, 0};
    int res = 0;
    if (seg_tokenize(&lx) < 0 || lx.ntoks == 0) goto done;

    Py_ssize_t T = lx.ntoks, best = -1;
    int best_level = 99, unary_before_best = 0, seen_unary = 0;
    const seg_token *first = &lx.toks[0];
    for (Py_ssize_t k = 0; k < T; k++) {
        const seg_token *t = &lx.toks[k];
        if (t->depth != 0) continue;
        if (t->kind == TK_KEYWORD) {
            if (tok_is(&lx, t, "True") || tok_is(&lx, t, "False") || tok_is(&lx, t, "None"))
                continue;
            if (tok_is(&lx, t, "await") && (k == 0 || !ends_operand(&lx, k - 1))) continue;
            goto done;      /* if/else, lambda, and/or/not, in/is, a statement... */
        }
        if (t->kind != TK_OP) continue;
        if (!strcmp(t->op, "(") || !strcmp(t->op, "[") || !strcmp(t->op, "{") ||
            !strcmp(t->op, ")") || !strcmp(t->op, "]") || !strcmp(t->op, "}") ||
            !strcmp(t->op, ".") || !strcmp(t->op, "..."))
            continue;
        int level = binop_level(t->op);
        int binary = k > 0 && ends_operand(&lx, k - 1);
        if (level == 0 && strcmp(t->op, "~") != 0)
            goto done;      /* comparison, comma, assignment, ':' ... */
        if (!binary) {
            if (!strcmp(t->op, "+") || !strcmp(t->op, "-") || !strcmp(t->op, "~")) {
                seen_unary = 1;
                continue;
            }
            goto done;      /* *a, **a, @... */
        }
        if (level == 0) goto done;      /* a binary '~' is not Python */
        if (level < best_level || (level == best_level && level != 7)) {
            best_level = level;
            best = k;
            unary_before_best = seen_unary;
        }
    }

    if (best >= 0) {
        if (best_level == 7 && unary_before_best) goto done;    /* -a ** b is a UnaryOp */
        Py_ssize_t llo = 0, lhi = best, rlo = best + 1, rhi = T;
        if (lhi <= llo || rhi <= rlo) goto done;
        strip_parens(&lx, &llo, &lhi);
        strip_parens(&lx, &rlo, &rhi);
        Py_ssize_t left_end = lx.toks[lhi - 1].end, right_start = lx.toks[rlo].start;
        for (Py_ssize_t i = left_end; i < right_start; i++) {
            if (is_ws(s[i])) continue;
            *left = i;
            *right = i + 1;
            if (i + 1 < right_start && !is_ws(s[i + 1])) ++*right;   /* two-character operator */
            if (i + 1 < right_start && s[i] == ')') continue;
            break;
        }
        res = 1;
        goto done;
    }

    /* No top-level operator: a Subscript if it is a primary ending in [...] */
    const seg_token *last = &lx.toks[T - 1];
    if (strcmp(last->op, "]") != 0 || last->depth != 0) goto done;
    Py_ssize_t open = last->match;
    if (open <= 0 || !ends_operand(&lx, open - 1)) goto done;
    if (first->kind == TK_OP && (!strcmp(first->op, "+") || !strcmp(first->op, "-") ||
                                 !strcmp(first->op, "~")))
        goto done;
    if (tok_is(&lx, first, "await")) goto done;
    Py_ssize_t vlo = 0, vhi = open, slo = open + 1, shi = T - 1;
    if (shi <= slo) goto done;
    strip_parens(&lx, &vlo, &vhi);
    strip_parens(&lx, &slo, &shi);
    Py_ssize_t l = lx.toks[vhi - 1].end;
    while (l < n && (is_ws(s[l]) || s[l] != '[')) l++;
    Py_ssize_t r = lx.toks[shi - 1].end + 1;
    while (r < n && (is_ws(s[r]) || s[r] != ']')) r++;
    if (r < n) r++;
    *left = l;
    *right = r;
    res = 1;
done:
    PyMem_Free(lx.toks);
    return res;
}

/* ====================================================================== */
/* Printing tracebacks                                                    */
/* ====================================================================== */

/* Character offset in `line` of UTF-8 byte offset `col` (clipped). */
static Py_ssize_t
byte_offset_to_character_offset(PyObject *line, Py_ssize_t col)
{
    Py_ssize_t len;
    const char *str = PyUnicode_AsUTF8AndSize(line, &len);
    if (str == NULL) return -1;
    if (col > len + 1) col = len + 1;
    Py_ssize_t chars = 0;
    for (Py_ssize_t i = 0; i < col && i < len; i++)
        if (((unsigned char)str[i] & 0xC0) != 0x80) chars++;
    if (col > len) chars += col - len;
    return chars;
}

static int
print_error_location_carets(PyObject *f, Py_ssize_t offset, Py_ssize_t start_offset,
                            Py_ssize_t end_offset, Py_ssize_t right_start_offset,
                            Py_ssize_t left_end_offset, char primary, char secondary)
{
    int special = left_end_offset != -1 || right_start_offset != -1;
    Py_ssize_t len = end_offset - offset;
    if (len < 0) len = 0;
    char *buf = PyMem_Malloc((size_t)len + 2);
    if (buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t k = 0;
    while (++offset <= end_offset) {
        if (offset <= start_offset) buf[k++] = ' ';
        else if (special && left_end_offset < offset && offset <= right_start_offset)
            buf[k++] = secondary;
        else buf[k++] = primary;
    }
    buf[k++] = '\n';
    buf[k] = '\0';
    int r = _PyErr_WriteString(buf, f);
    PyMem_Free(buf);
    return r;
}

/* 0, or -1 if the exception raised while printing must propagate
   (KeyboardInterrupt); other errors are swallowed. */
static int
ignore_source_errors(void)
{
    if (PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_KeyboardInterrupt)) return -1;
        PyErr_Clear();
    }
    return 0;
}

static int
tb_displayline(PyTracebackObject *tb, PyObject *f, PyObject *filename, int lineno,
               PyObject *name, int margin_indent, const char *margin)
{
    if (filename == NULL || name == NULL) return -1;
    if (write_indented_margin(margin_indent, margin, f) < 0) return -1;
    PyObject *line = PyUnicode_FromFormat("  File \"%U\", line %d, in %U\n", filename, lineno, name);
    if (line == NULL) return -1;
    int res = write_unicode(line, f);
    Py_DECREF(line);
    if (res < 0) return -1;

    Py_ssize_t stripped = 0;
    PyObject *source_line = NULL;
    int err = 0;
    if (display_source_line(f, filename, lineno, TRACEBACK_SOURCE_LINE_INDENT, margin_indent,
                            margin, &stripped, &source_line) < 0) {
        return ignore_source_errors();
    }

    PyCodeObject *code = tb->tb_frame->f_frame->f_code;
    int start_line, end_line, start_col, end_col;
    if (!PyCode_Addr2Location(code, tb->tb_lasti, &start_line, &start_col, &end_line, &end_col))
        goto done;
    if (start_line < 0 || end_line < 0 || start_col < 0 || end_col < 0) goto done;

    Py_ssize_t line_len = PyUnicode_GET_LENGTH(source_line);
    Py_ssize_t start_offset = byte_offset_to_character_offset(source_line, start_col);
    Py_ssize_t end_offset = byte_offset_to_character_offset(source_line, end_col);
    if (start_offset < 0 || end_offset < 0) {
        err = ignore_source_errors();
        goto done;
    }
    Py_ssize_t left_end_offset = -1, right_start_offset = -1;
    char primary = '^', secondary = '^';

    if (start_line == end_line) {
        if (end_offset > line_len) end_offset = line_len;
        if (start_offset < end_offset) {
            Py_UCS4 *seg = PyMem_Malloc((size_t)(end_offset - start_offset) * sizeof(Py_UCS4));
            if (seg == NULL) {
                err = -1;
                PyErr_NoMemory();
                goto done;
            }
            int kind = PyUnicode_KIND(source_line);
            const void *data = PyUnicode_DATA(source_line);
            for (Py_ssize_t i = start_offset; i < end_offset; i++)
                seg[i - start_offset] = PyUnicode_READ(kind, data, i);
            Py_ssize_t l = -1, r = -1;
            if (find_anchors(seg, end_offset - start_offset, &l, &r) && l >= 0) {
                left_end_offset = l + start_offset;
                right_start_offset = r + start_offset;
                primary = '~';
            }
            PyMem_Free(seg);
        }
    }
    else {
        /* multi-line expression: highlight to the last non-blank character */
        int kind = PyUnicode_KIND(source_line);
        const void *data = PyUnicode_DATA(source_line);
        Py_ssize_t i = line_len;
        while (--i >= 0)
            if (!is_ws(PyUnicode_READ(kind, data, i))) break;
        end_offset = i + 1;
    }

    /* no indicators when the primary range covers the whole (stripped) line */
    Py_ssize_t stripped_line_len = line_len - stripped;
    bool has_secondary = left_end_offset != -1 || right_start_offset != -1;
    if (end_offset - start_offset == stripped_line_len && !has_secondary) goto done;

    if (write_indented_margin(margin_indent, margin, f) < 0) {
        err = -1;
        goto done;
    }
    Py_ssize_t truncation = stripped - TRACEBACK_SOURCE_LINE_INDENT;
    if (print_error_location_carets(f, truncation, start_offset, end_offset, right_start_offset,
                                    left_end_offset, primary, secondary) < 0)
        err = -1;
done:
    Py_XDECREF(source_line);
    return err;
}

static int
tb_print_line_repeated(PyObject *f, long cnt)
{
    cnt -= TB_RECURSIVE_CUTOFF;
    PyObject *line = PyUnicode_FromFormat(cnt > 1 ? "  [Previous line repeated %ld more times]\n"
                                                  : "  [Previous line repeated %ld more time]\n",
                                          cnt);
    if (line == NULL) return -1;
    int err = write_unicode(line, f);
    Py_DECREF(line);
    return err;
}

static int
tb_printinternal(PyTracebackObject *tb, PyObject *f, long limit, int indent, const char *margin)
{
    Py_ssize_t depth = 0;
    PyObject *last_file = NULL, *last_name = NULL;
    int last_line = -1;
    long cnt = 0;
    for (PyTracebackObject *t = tb; t != NULL; t = t->tb_next) depth++;
    while (tb != NULL && depth > limit) {
        depth--;
        tb = tb->tb_next;
    }
    while (tb != NULL) {
        PyCodeObject *code = tb->tb_frame->f_frame->f_code;
        int lineno = tb_get_lineno(tb);
        if (last_file == NULL || code->co_filename != last_file || last_line == -1 ||
            lineno != last_line || last_name == NULL || code->co_name != last_name) {
            if (cnt > TB_RECURSIVE_CUTOFF && tb_print_line_repeated(f, cnt) < 0) return -1;
            last_file = code->co_filename;
            last_line = lineno;
            last_name = code->co_name;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_RECURSIVE_CUTOFF) {
            if (tb_displayline(tb, f, code->co_filename, lineno, code->co_name,
                               indent, margin) < 0)
                return -1;
            if (PyErr_CheckSignals() < 0) return -1;
        }
        tb = tb->tb_next;
    }
    if (cnt > TB_RECURSIVE_CUTOFF && tb_print_line_repeated(f, cnt) < 0) return -1;
    return 0;
}

static int
traceback_print_indented(PyObject *v, int indent, const char *margin,
                         const char *header_margin, const char *header, PyObject *f)
{
    long limit = PyTraceBack_LIMIT;
    if (v == NULL) return 0;
    if (!PyTraceBack_Check(v)) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject *limitv = PySys_GetObject("tracebacklimit");
    if (limitv != NULL && PyLong_Check(limitv)) {
        int overflow;
        limit = PyLong_AsLongAndOverflow(limitv, &overflow);
        if (overflow > 0) limit = LONG_MAX;
        else if (limit <= 0) return 0;
    }
    if (write_indented_margin(indent, header_margin, f) < 0) return -1;
    if (_PyErr_WriteString(header, f) < 0) return -1;
    return tb_printinternal((PyTracebackObject *)v, f, limit, indent, margin);
}

int
PyTraceBack_Print(PyObject *v, PyObject *f)
{
    return traceback_print_indented(v, 0, NULL, NULL, EXCEPTION_TB_HEADER, f);
}

/* ====================================================================== */
/* Suggestions ("Did you mean: ...?")                                     */
/* ====================================================================== */

#define MAX_CANDIDATE_ITEMS 750
#define MAX_STRING_SIZE 40
#define MOVE_COST 2
#define CASE_COST 1
#define LEAST_FIVE_BITS(n) ((n) & 31)

static inline int
substitution_cost(char a, char b)
{
    if (LEAST_FIVE_BITS(a) != LEAST_FIVE_BITS(b)) return MOVE_COST;
    if (a == b) return 0;
    if ('A' <= a && a <= 'Z') a += ('a' - 'A');
    if ('A' <= b && b <= 'Z') b += ('a' - 'A');
    return a == b ? CASE_COST : MOVE_COST;
}

/* Levenshtein distance between the UTF-8 strings a and b, with a case
   change costing 1 and any other edit 2; max_cost + 1 as soon as the
   distance is known to exceed max_cost. */
static Py_ssize_t
levenshtein_distance(const char *a, size_t a_size, const char *b, size_t b_size, size_t max_cost)
{
    size_t buffer[MAX_STRING_SIZE];
    if (a == b) return 0;
    while (a_size && b_size && a[0] == b[0]) {      /* common prefix */
        a++; a_size--;
        b++; b_size--;
    }
    while (a_size && b_size && a[a_size - 1] == b[b_size - 1]) {    /* common suffix */
        a_size--;
        b_size--;
    }
    if (a_size == 0 || b_size == 0) return (Py_ssize_t)((a_size + b_size) * MOVE_COST);
    if (a_size > MAX_STRING_SIZE || b_size > MAX_STRING_SIZE) return (Py_ssize_t)max_cost + 1;
    if (b_size < a_size) {      /* keep a the shorter one: it indexes the row */
        const char *t = a; a = b; b = t;
        size_t ts = a_size; a_size = b_size; b_size = ts;
    }
    if ((b_size - a_size) * MOVE_COST > max_cost) return (Py_ssize_t)max_cost + 1;

    /* one row of the matrix, updated in place */
    size_t tmp = MOVE_COST;
    for (size_t i = 0; i < a_size; i++) {
        buffer[i] = tmp;
        tmp += MOVE_COST;
    }
    size_t result = 0;
    for (size_t bi = 0; bi < b_size; bi++) {
        char code = b[bi];
        size_t distance = result = bi * MOVE_COST;
        size_t minimum = SIZE_MAX;
        for (size_t index = 0; index < a_size; index++) {
            size_t substitute = distance + substitution_cost(code, a[index]);
            distance = buffer[index];
            size_t insert_delete = Py_MIN(result, distance) + MOVE_COST;
            result = Py_MIN(insert_delete, substitute);
            buffer[index] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return (Py_ssize_t)max_cost + 1;
    }
    return (Py_ssize_t)result;
}

/* The closest name in the list dir to name (new ref), or NULL. */
static PyObject *
calculate_suggestions(PyObject *dir, PyObject *name)
{
    Py_ssize_t dir_size = PyList_GET_SIZE(dir);
    if (dir_size >= MAX_CANDIDATE_ITEMS) return NULL;
    Py_ssize_t suggestion_distance = PY_SSIZE_T_MAX;
    PyObject *suggestion = NULL;
    Py_ssize_t name_size;
    const char *name_str = PyUnicode_AsUTF8AndSize(name, &name_size);
    if (name_str == NULL) return NULL;
    for (Py_ssize_t i = 0; i < dir_size; i++) {
        PyObject *item = PyList_GET_ITEM(dir, i);
        if (!PyUnicode_Check(item)) continue;
        Py_ssize_t item_size;
        const char *item_str = PyUnicode_AsUTF8AndSize(item, &item_size);
        if (item_str == NULL) return NULL;
        if (item_size == name_size && memcmp(item_str, name_str, (size_t)name_size) == 0) continue;
        /* no more than a third of the characters may need changing */
        Py_ssize_t max_distance = (name_size + item_size + 3) * MOVE_COST / 6;
        max_distance = Py_MIN(max_distance, suggestion_distance - 1);
        Py_ssize_t d = levenshtein_distance(name_str, (size_t)name_size, item_str,
                                            (size_t)item_size, (size_t)max_distance);
        if (d > max_distance) continue;
        if (suggestion == NULL || d < suggestion_distance) {
            suggestion = item;
            suggestion_distance = d;
        }
    }
    return Py_XNewRef(suggestion);
}

static PyObject *
suggestions_in_dict_keys(PyObject *dict, PyObject *name)
{
    if (dict == NULL || !PyDict_Check(dict)) return NULL;
    PyObject *dir = PyDict_Keys(dict);
    if (dir == NULL) return NULL;
    PyObject *s = calculate_suggestions(dir, name);
    Py_DECREF(dir);
    return s;
}

static PyObject *
get_suggestions_for_name_error(PyObject *name, PyFrameObject *frame)
{
    _PyInterpreterFrame *f = frame->f_frame;
    PyObject *varnames = _PyCode_GetVarnames(f->f_code);
    if (varnames == NULL) return NULL;
    PyObject *dir = PySequence_List(varnames);
    Py_DECREF(varnames);
    if (dir == NULL) return NULL;

    /* inside a method whose instance has the attribute? */
    if (PySequence_Contains(dir, _Py_ID(self)) > 0) {
        PyObject *locals = PyFrame_GetLocals(frame);
        if (locals == NULL) goto error;
        PyObject *self = PyDict_Check(locals) ? PyDict_GetItemWithError(locals, _Py_ID(self)) : NULL;
        Py_XINCREF(self);
        Py_DECREF(locals);
        if (self == NULL) goto error;
        int has = PyObject_HasAttr(self, name);
        Py_DECREF(self);
        if (has) {
            Py_DECREF(dir);
            return PyUnicode_FromFormat("self.%S", name);
        }
    }
    PyObject *s = calculate_suggestions(dir, name);
    Py_DECREF(dir);
    if (s != NULL || PyErr_Occurred()) return s;
    s = suggestions_in_dict_keys(f->f_globals, name);
    if (s != NULL || PyErr_Occurred()) return s;
    return suggestions_in_dict_keys(f->f_builtins, name);
error:
    Py_DECREF(dir);
    return NULL;
}

/* sys.stdlib_module_names of CPython 3.12 */
static const char *const stdlib_module_names[] = {
    "__future__", "_abc", "_aix_support", "_ast", "_asyncio", "_bisect", "_blake2", "_bz2",
    "_codecs", "_codecs_cn", "_codecs_hk", "_codecs_iso2022", "_codecs_jp", "_codecs_kr",
    "_codecs_tw", "_collections", "_collections_abc", "_compat_pickle", "_compression",
    "_contextvars", "_crypt", "_csv", "_ctypes", "_curses", "_curses_panel", "_datetime", "_dbm",
    "_decimal", "_elementtree", "_frozen_importlib", "_frozen_importlib_external", "_functools",
    "_gdbm", "_hashlib", "_heapq", "_imp", "_io", "_json", "_locale", "_lsprof", "_lzma",
    "_markupbase", "_md5", "_msi", "_multibytecodec", "_multiprocessing", "_opcode", "_operator",
    "_osx_support", "_overlapped", "_pickle", "_posixshmem", "_posixsubprocess", "_py_abc",
    "_pydatetime", "_pydecimal", "_pyio", "_pylong", "_queue", "_random", "_scproxy", "_sha1",
    "_sha2", "_sha3", "_signal", "_sitebuiltins", "_socket", "_sqlite3", "_sre", "_ssl", "_stat",
    "_statistics", "_string", "_strptime", "_struct", "_symtable", "_thread", "_threading_local",
    "_tkinter", "_tokenize", "_tracemalloc", "_typing", "_uuid", "_warnings", "_weakref",
    "_weakrefset", "_winapi", "_zoneinfo", "abc", "aifc", "antigravity", "argparse", "array",
    "ast", "asyncio", "atexit", "audioop", "base64", "bdb", "binascii", "bisect", "builtins",
    "bz2", "cProfile", "calendar", "cgi", "cgitb", "chunk", "cmath", "cmd", "code", "codecs",
    "codeop", "collections", "colorsys", "compileall", "concurrent", "configparser", "contextlib",
    "contextvars", "copy", "copyreg", "crypt", "csv", "ctypes", "curses", "dataclasses",
    "datetime", "dbm", "decimal", "difflib", "dis", "doctest", "email", "encodings", "ensurepip",
    "enum", "errno", "faulthandler", "fcntl", "filecmp", "fileinput", "fnmatch", "fractions",
    "ftplib", "functools", "gc", "genericpath", "getopt", "getpass", "gettext", "glob",
    "graphlib", "grp", "gzip", "hashlib", "heapq", "hmac", "html", "http", "idlelib", "imaplib",
    "imghdr", "importlib", "inspect", "io", "ipaddress", "itertools", "json", "keyword",
    "lib2to3", "linecache", "locale", "logging", "lzma", "mailbox", "mailcap", "marshal", "math",
    "mimetypes", "mmap", "modulefinder", "msilib", "msvcrt", "multiprocessing", "netrc", "nis",
    "nntplib", "nt", "ntpath", "nturl2path", "numbers", "opcode", "operator", "optparse", "os",
    "ossaudiodev", "pathlib", "pdb", "pickle", "pickletools", "pipes", "pkgutil", "platform",
    "plistlib", "poplib", "posix", "posixpath", "pprint", "profile", "pstats", "pty", "pwd",
    "py_compile", "pyclbr", "pydoc", "pydoc_data", "pyexpat", "queue", "quopri", "random", "re",
    "readline", "reprlib", "resource", "rlcompleter", "runpy", "sched", "secrets", "select",
    "selectors", "shelve", "shlex", "shutil", "signal", "site", "smtplib", "sndhdr", "socket",
    "socketserver", "spwd", "sqlite3", "sre_compile", "sre_constants", "sre_parse", "ssl", "stat",
    "statistics", "string", "stringprep", "struct", "subprocess", "sunau", "symtable", "sys",
    "sysconfig", "syslog", "tabnanny", "tarfile", "telnetlib", "tempfile", "termios", "textwrap",
    "this", "threading", "time", "timeit", "tkinter", "token", "tokenize", "tomllib", "trace",
    "traceback", "tracemalloc", "tty", "turtle", "turtledemo", "types", "typing", "unicodedata",
    "unittest", "urllib", "uu", "uuid", "venv", "warnings", "wave", "weakref", "webbrowser",
    "winreg", "winsound", "wsgiref", "xdrlib", "xml", "xmlrpc", "zipapp", "zipfile", "zipimport",
    "zlib", "zoneinfo", NULL,
};

static bool
is_name_stdlib_module(PyObject *name)
{
    const char *s = PyUnicode_AsUTF8(name);
    if (s == NULL) {
        PyErr_Clear();
        return false;
    }
    for (int i = 0; stdlib_module_names[i]; i++)
        if (strcmp(s, stdlib_module_names[i]) == 0) return true;
    return false;
}

static PyObject *
offer_suggestions_for_name_error(PyNameErrorObject *exc)
{
    PyObject *name = exc->name;
    PyTracebackObject *tb = (PyTracebackObject *)exc->base.traceback;
    if (name == NULL || !PyUnicode_CheckExact(name) || tb == NULL || !PyTraceBack_Check(tb))
        return NULL;
    while (tb->tb_next != NULL && PyTraceBack_Check(tb->tb_next)) tb = tb->tb_next;
    PyObject *suggestion = get_suggestions_for_name_error(name, tb->tb_frame);
    if (suggestion == NULL && PyErr_Occurred()) return NULL;
    bool is_stdlib = is_name_stdlib_module(name);
    if (suggestion == NULL && !is_stdlib) return NULL;
    PyObject *result;
    if (!is_stdlib)
        result = PyUnicode_FromFormat(". Did you mean: %R?", suggestion);
    else if (suggestion == NULL)
        result = PyUnicode_FromFormat(". Did you forget to import %R?", name);
    else
        result = PyUnicode_FromFormat(". Did you mean: %R? Or did you forget to import %R?",
                                      suggestion, name);
    Py_XDECREF(suggestion);
    return result;
}

static PyObject *
offer_suggestions_for_attribute_error(PyAttributeErrorObject *exc)
{
    PyObject *name = exc->name, *obj = exc->obj;
    if (name == NULL || obj == NULL || !PyUnicode_CheckExact(name)) return NULL;
    PyObject *dir = PyObject_Dir(obj);
    if (dir == NULL) return NULL;
    PyObject *suggestion = PyList_Check(dir) ? calculate_suggestions(dir, name) : NULL;
    Py_DECREF(dir);
    if (suggestion == NULL) return NULL;
    PyObject *result = PyUnicode_FromFormat(". Did you mean: %R?", suggestion);
    Py_DECREF(suggestion);
    return result;
}

static PyObject *
offer_suggestions_for_import_error(PyImportErrorObject *exc)
{
    PyObject *mod_name = exc->name, *name = exc->name_from;
    if (name == NULL || mod_name == NULL || name == Py_None || !PyUnicode_CheckExact(name) ||
        !PyUnicode_CheckExact(mod_name))
        return NULL;
    PyObject *modules = PyImport_GetModuleDict();
    PyObject *mod = modules ? PyDict_GetItemWithError(modules, mod_name) : NULL;
    if (mod == NULL) return NULL;
    Py_INCREF(mod);
    PyObject *dir = PyObject_Dir(mod);
    Py_DECREF(mod);
    if (dir == NULL) return NULL;
    PyObject *suggestion = PyList_Check(dir) ? calculate_suggestions(dir, name) : NULL;
    Py_DECREF(dir);
    if (suggestion == NULL) return NULL;
    PyObject *result = PyUnicode_FromFormat(". Did you mean: %R?", suggestion);
    Py_DECREF(suggestion);
    return result;
}

/* The ". Did you mean: 'x'?" trailer (new ref), or NULL (check
   PyErr_Occurred).  Only the exact types get suggestions, as in 3.12. */
static PyObject *
offer_suggestions(PyObject *exc)
{
    if (Py_IS_TYPE(exc, (PyTypeObject *)PyExc_AttributeError))
        return offer_suggestions_for_attribute_error((PyAttributeErrorObject *)exc);
    if (Py_IS_TYPE(exc, (PyTypeObject *)PyExc_NameError))
        return offer_suggestions_for_name_error((PyNameErrorObject *)exc);
    if (Py_IS_TYPE(exc, (PyTypeObject *)PyExc_ImportError))
        return offer_suggestions_for_import_error((PyImportErrorObject *)exc);
    return NULL;
}

/* ====================================================================== */
/* Printing exceptions                                                    */
/* ====================================================================== */

struct exception_print_context {
    PyObject *file;
    PyObject **seen;            /* exceptions already printed (cycle guard) */
    Py_ssize_t nseen, seen_cap;
    int exception_group_depth;  /* nesting level of the current group */
    bool need_close;            /* a closing bottom frame is still needed */
    int max_group_width;
    int max_group_depth;
};

#define EXC_MARGIN(ctx) ((ctx)->exception_group_depth ? "| " : "")
#define EXC_INDENT(ctx) (2 * (ctx)->exception_group_depth)

static int
ctx_margin(struct exception_print_context *ctx, PyObject *f)
{
    return write_indented_margin(EXC_INDENT(ctx), EXC_MARGIN(ctx), f);
}

static int
seen_contains(struct exception_print_context *ctx, PyObject *exc)
{
    for (Py_ssize_t i = 0; i < ctx->nseen; i++)
        if (ctx->seen[i] == exc) return 1;
    return 0;
}

static void
seen_add(struct exception_print_context *ctx, PyObject *exc)
{
    if (ctx->nseen == ctx->seen_cap) {
        Py_ssize_t ncap = ctx->seen_cap ? ctx->seen_cap * 2 : 16;
        PyObject **n = PyMem_Realloc(ctx->seen, (size_t)ncap * sizeof(PyObject *));
        if (n == NULL) return;
        ctx->seen = n;
        ctx->seen_cap = ncap;
    }
    ctx->seen[ctx->nseen++] = exc;
}

/* SyntaxError attributes for its special display; 1 on success. */
static int
parse_syntax_error(PyObject *err, PyObject **message, PyObject **filename, Py_ssize_t *lineno,
                   Py_ssize_t *offset, Py_ssize_t *end_lineno, Py_ssize_t *end_offset,
                   PyObject **text)
{
    Py_ssize_t hold;
    PyObject *v;
    *message = *filename = NULL;

    *message = PyObject_GetAttr(err, _Py_ID(msg));
    if (*message == NULL) goto finally;
    v = PyObject_GetAttr(err, _Py_ID(filename));
    if (v == NULL) goto finally;
    if (v == Py_None) {
        Py_DECREF(v);
        *filename = PyUnicode_FromString("<string>");
        if (*filename == NULL) goto finally;
    }
    else {
        *filename = v;
    }
    v = PyObject_GetAttr(err, _Py_ID(lineno));
    if (v == NULL) goto finally;
    hold = PyLong_AsSsize_t(v);
    Py_DECREF(v);
    if (hold < 0 && PyErr_Occurred()) goto finally;
    *lineno = hold;

    v = PyObject_GetAttr(err, _Py_ID(offset));
    if (v == NULL) goto finally;
    if (v == Py_None) {
        *offset = -1;
        Py_DECREF(v);
    }
    else {
        hold = PyLong_AsSsize_t(v);
        Py_DECREF(v);
        if (hold < 0 && PyErr_Occurred()) goto finally;
        *offset = hold;
    }

    if (Py_TYPE(err) == (PyTypeObject *)PyExc_SyntaxError) {
        v = PyObject_GetAttr(err, _Py_ID(end_lineno));
        if (v == NULL) {
            PyErr_Clear();
            *end_lineno = *lineno;
        }
        else if (v == Py_None) {
            *end_lineno = *lineno;
            Py_DECREF(v);
        }
        else {
            hold = PyLong_AsSsize_t(v);
            Py_DECREF(v);
            if (hold < 0 && PyErr_Occurred()) goto finally;
            *end_lineno = hold;
        }
        v = PyObject_GetAttr(err, _Py_ID(end_offset));
        if (v == NULL) {
            PyErr_Clear();
            *end_offset = -1;
        }
        else if (v == Py_None) {
            *end_offset = -1;
            Py_DECREF(v);
        }
        else {
            hold = PyLong_AsSsize_t(v);
            Py_DECREF(v);
            if (hold < 0 && PyErr_Occurred()) goto finally;
            *end_offset = hold;
        }
    }
    else {
        /* subclasses (IndentationError, TabError) get a single caret */
        *end_lineno = *lineno;
        *end_offset = -1;
    }

    v = PyObject_GetAttr(err, _Py_ID(text));
    if (v == NULL) goto finally;
    if (v == Py_None) {
        Py_DECREF(v);
        *text = NULL;
    }
    else {
        *text = v;
    }
    return 1;
finally:
    Py_XDECREF(*message);
    Py_XDECREF(*filename);
    return 0;
}

/* The offending line and its carets (offsets are 1-based, in the UTF-8
   text, as in CPython). */
static int
print_error_text(PyObject *f, Py_ssize_t offset, Py_ssize_t end_offset, PyObject *text_obj)
{
    size_t caret_repetitions = (end_offset > 0 && end_offset > offset)
                               ? (size_t)(end_offset - offset) : 1;
    const char *text = PyUnicode_AsUTF8(text_obj);
    if (text == NULL) return -1;
    offset--;
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
    }
    Py_ssize_t len = (Py_ssize_t)strlen(text);
    if (len > 0 && text[len - 1] == '\n') len--;
    if (offset > len) offset = len;
    for (;;) {      /* skip past newlines embedded in text */
        const char *nl = strchr(text, '\n');
        if (nl == NULL) break;
        Py_ssize_t inl = nl - text;
        if (inl >= offset) break;
        inl += 1;
        text += inl;
        len -= inl;
        offset -= inl;
    }
    if (_PyErr_WriteString("    ", f) < 0) return -1;
    if (_PyErr_WriteString(text, f) < 0) return -1;
    if (text[len] != '\n' && _PyErr_WriteString("\n", f) < 0) return -1;
    if (offset < 0) return 0;   /* the caret would point left of the text */

    char *buf = PyMem_Malloc((size_t)offset + caret_repetitions + 6);
    if (buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    size_t k = 0;
    memcpy(buf, "    ", 4);
    k = 4;
    while (--offset >= 0) buf[k++] = ' ';
    for (size_t i = 0; i < caret_repetitions; i++) buf[k++] = '^';
    buf[k++] = '\n';
    buf[k] = '\0';
    int r = _PyErr_WriteString(buf, f);
    PyMem_Free(buf);
    return r;
}

static int
print_exception_file_and_line(struct exception_print_context *ctx, PyObject **value_p)
{
    PyObject *f = ctx->file, *tmp;
    int res = _PyObject_LookupAttr(*value_p, _Py_ID(print_file_and_line), &tmp);
    if (res <= 0) {
        if (res < 0) PyErr_Clear();
        return 0;
    }
    Py_DECREF(tmp);

    PyObject *message, *filename, *text = NULL;
    Py_ssize_t lineno, offset, end_lineno, end_offset;
    if (!parse_syntax_error(*value_p, &message, &filename, &lineno, &offset, &end_lineno,
                            &end_offset, &text)) {
        PyErr_Clear();
        return 0;
    }
    Py_SETREF(*value_p, message);
    PyObject *line = PyUnicode_FromFormat("  File \"%S\", line %zd\n", filename, lineno);
    Py_DECREF(filename);
    if (line == NULL) goto error;
    if (ctx_margin(ctx, f) < 0) goto error;
    if (write_unicode(line, f) < 0) goto error;
    Py_CLEAR(line);
    if (text != NULL) {
        Py_ssize_t line_size;
        const char *error_line = PyUnicode_AsUTF8AndSize(text, &line_size);
        if (end_lineno > lineno) end_offset = error_line != NULL ? line_size : -1;
        if (error_line != NULL && end_offset > line_size + 1) end_offset = line_size + 1;
        if (print_error_text(f, offset, end_offset, text) < 0) goto error;
        Py_DECREF(text);
    }
    return 0;
error:
    Py_XDECREF(line);
    Py_XDECREF(text);
    return -1;
}

static int
print_exception_traceback(struct exception_print_context *ctx, PyObject *value)
{
    PyObject *f = ctx->file;
    int err = 0;
    PyObject *tb = PyException_GetTraceback(value);
    if (tb && tb != Py_None) {
        const char *header = EXCEPTION_TB_HEADER;
        const char *header_margin = EXC_MARGIN(ctx);
        if (PyObject_TypeCheck(value, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
            header = EXCEPTION_GROUP_TB_HEADER;
            if (ctx->exception_group_depth == 1) header_margin = "+ ";
        }
        err = traceback_print_indented(tb, EXC_INDENT(ctx), EXC_MARGIN(ctx), header_margin,
                                       header, f);
    }
    Py_XDECREF(tb);
    return err;
}

static int
print_exception_message(struct exception_print_context *ctx, PyObject *type, PyObject *value)
{
    PyObject *f = ctx->file;
    if (ctx_margin(ctx, f) < 0) return -1;
    PyObject *modulename = PyObject_GetAttr(type, _Py_ID(__module__));
    if (modulename == NULL || !PyUnicode_Check(modulename)) {
        Py_XDECREF(modulename);
        PyErr_Clear();
        if (_PyErr_WriteString("<unknown>.", f) < 0) return -1;
    }
    else {
        if (!_PyUnicode_EqualToASCIIString(modulename, "builtins") &&
            !_PyUnicode_EqualToASCIIString(modulename, "__main__")) {
            int res = _PyErr_WriteObject(modulename, f, Py_PRINT_RAW);
            Py_DECREF(modulename);
            if (res < 0 || _PyErr_WriteString(".", f) < 0) return -1;
        }
        else {
            Py_DECREF(modulename);
        }
    }
    PyObject *qualname = PyObject_GetAttr(type, _Py_ID(__qualname__));
    if (qualname == NULL || !PyUnicode_Check(qualname)) {
        Py_XDECREF(qualname);
        PyErr_Clear();
        if (_PyErr_WriteString("<unknown>", f) < 0) return -1;
    }
    else {
        int res = _PyErr_WriteObject(qualname, f, Py_PRINT_RAW);
        Py_DECREF(qualname);
        if (res < 0) return -1;
    }
    if (value == Py_None) return 0;
    PyObject *s = PyObject_Str(value);
    if (s == NULL) {
        PyErr_Clear();
        return _PyErr_WriteString(": <exception str() failed>", f);
    }
    /* the colon only if str() is not empty */
    if (!PyUnicode_Check(s) || PyUnicode_GET_LENGTH(s) != 0) {
        if (_PyErr_WriteString(": ", f) < 0) {
            Py_DECREF(s);
            return -1;
        }
    }
    int res = _PyErr_WriteObject(s, f, Py_PRINT_RAW);
    Py_DECREF(s);
    return res;
}

static int
print_exception_suggestions(struct exception_print_context *ctx, PyObject *value)
{
    PyObject *suggestions = offer_suggestions(value);
    if (suggestions != NULL) {
        int r = _PyErr_WriteObject(suggestions, ctx->file, Py_PRINT_RAW);
        Py_DECREF(suggestions);
        return r;
    }
    if (PyErr_Occurred()) PyErr_Clear();
    return 0;
}

static int
print_exception_notes(struct exception_print_context *ctx, PyObject *notes)
{
    PyObject *f = ctx->file;
    if (notes == NULL) return 0;
    if (!PySequence_Check(notes) || PyUnicode_Check(notes) || PyBytes_Check(notes)) {
        int res = 0;
        if (ctx_margin(ctx, f) < 0) res = -1;
        PyObject *s = PyObject_Repr(notes);
        if (s == NULL) {
            PyErr_Clear();
            res = _PyErr_WriteString("<__notes__ repr() failed>", f);
        }
        else {
            res = write_unicode(s, f);
            Py_DECREF(s);
        }
        if (_PyErr_WriteString("\n", f) < 0) res = -1;
        return res;
    }
    Py_ssize_t num_notes = PySequence_Length(notes);
    if (num_notes < 0) return -1;
    for (Py_ssize_t ni = 0; ni < num_notes; ni++) {
        PyObject *note = PySequence_GetItem(notes, ni);
        if (note == NULL) return -1;
        PyObject *note_str = PyObject_Str(note);
        Py_DECREF(note);
        if (note_str == NULL) {
            PyErr_Clear();
            if (_PyErr_WriteString("<note str() failed>", f) < 0) return -1;
        }
        else {
            PyObject *lines = PyUnicode_Splitlines(note_str, 1);
            Py_DECREF(note_str);
            if (lines == NULL) return -1;
            for (Py_ssize_t i = 0; i < PyList_GET_SIZE(lines); i++) {
                if (ctx_margin(ctx, f) < 0 || write_unicode(PyList_GET_ITEM(lines, i), f) < 0) {
                    Py_DECREF(lines);
                    return -1;
                }
            }
            Py_DECREF(lines);
        }
        if (_PyErr_WriteString("\n", f) < 0) return -1;
    }
    return 0;
}

static int
print_exception(struct exception_print_context *ctx, PyObject *value)
{
    PyObject *f = ctx->file, *notes = NULL;
    if (!PyExceptionInstance_Check(value)) {
        if (_PyErr_WriteString("TypeError: print_exception(): Exception expected for value, ", f) < 0 ||
            _PyErr_WriteString(Py_TYPE(value)->tp_name, f) < 0 ||
            _PyErr_WriteString(" found\n", f) < 0)
            return -1;
        return 0;
    }
    Py_INCREF(value);
    fflush(stdout);
    if (print_exception_traceback(ctx, value) < 0) goto error;
    /* type and notes now: value is replaced for SyntaxError below */
    PyObject *type = (PyObject *)Py_TYPE(value);
    if (_PyObject_LookupAttr(value, _Py_ID(__notes__), &notes) < 0) goto error;
    if (print_exception_file_and_line(ctx, &value) < 0) goto error;
    if (print_exception_message(ctx, type, value) < 0) goto error;
    if (print_exception_suggestions(ctx, value) < 0) goto error;
    if (_PyErr_WriteString("\n", f) < 0) goto error;
    if (print_exception_notes(ctx, notes) < 0) goto error;
    Py_XDECREF(notes);
    Py_DECREF(value);
    return 0;
error:
    Py_XDECREF(notes);
    Py_DECREF(value);
    return -1;
}

static int print_exception_recursive(struct exception_print_context *ctx, PyObject *value);

static const char cause_message[] =
    "The above exception was the direct cause of the following exception:\n";
static const char context_message[] =
    "During handling of the above exception, another exception occurred:\n";

static int
print_chained(struct exception_print_context *ctx, PyObject *value, const char *message)
{
    PyObject *f = ctx->file;
    if (Py_EnterRecursiveCall(" in print_chained")) return -1;
    bool need_close = ctx->need_close;
    int res = print_exception_recursive(ctx, value);
    ctx->need_close = need_close;
    Py_LeaveRecursiveCall();
    if (res < 0) return -1;
    if (ctx_margin(ctx, f) < 0 || _PyErr_WriteString("\n", f) < 0) return -1;
    if (ctx_margin(ctx, f) < 0 || _PyErr_WriteString(message, f) < 0) return -1;
    if (ctx_margin(ctx, f) < 0 || _PyErr_WriteString("\n", f) < 0) return -1;
    return 0;
}

static int
print_exception_cause_and_context(struct exception_print_context *ctx, PyObject *value)
{
    seen_add(ctx, value);
    if (!PyExceptionInstance_Check(value)) return 0;
    PyBaseExceptionObject *exc = (PyBaseExceptionObject *)value;
    if (exc->cause != NULL) {
        PyObject *cause = Py_NewRef(exc->cause);
        int err = 0;
        if (!seen_contains(ctx, cause)) err = print_chained(ctx, cause, cause_message);
        Py_DECREF(cause);
        return err;
    }
    if (exc->suppress_context) return 0;
    if (exc->context != NULL) {
        PyObject *context = Py_NewRef(exc->context);
        int err = 0;
        if (!seen_contains(ctx, context)) err = print_chained(ctx, context, context_message);
        Py_DECREF(context);
        return err;
    }
    return 0;
}

static int
print_exception_group(struct exception_print_context *ctx, PyObject *value)
{
    PyObject *f = ctx->file;
    if (ctx->exception_group_depth > ctx->max_group_depth) {
        if (ctx_margin(ctx, f) < 0) return -1;
        PyObject *line = PyUnicode_FromFormat("... (max_group_depth is %d)\n", ctx->max_group_depth);
        if (line == NULL) return -1;
        int err = write_unicode(line, f);
        Py_DECREF(line);
        return err;
    }
    if (ctx->exception_group_depth == 0) ctx->exception_group_depth += 1;
    if (print_exception(ctx, value) < 0) return -1;

    PyObject *excs = ((PyBaseExceptionGroupObject *)value)->excs;
    if (excs == NULL || !PyTuple_Check(excs)) return 0;
    Py_ssize_t num_excs = PyTuple_GET_SIZE(excs);
    Py_ssize_t n = num_excs <= ctx->max_group_width ? num_excs : ctx->max_group_width + 1;

    ctx->need_close = false;
    for (Py_ssize_t i = 0; i < n; i++) {
        bool last_exc = (i == n - 1);
        if (last_exc) ctx->need_close = true;   /* may be done by a nested call */
        if (write_indent(EXC_INDENT(ctx), f) < 0) return -1;
        bool truncated = (i >= ctx->max_group_width);
        PyObject *line;
        if (!truncated)
            line = PyUnicode_FromFormat("%s+---------------- %zd ----------------\n",
                                        i == 0 ? "+-" : "  ", i + 1);
        else
            line = PyUnicode_FromFormat("%s+---------------- ... ----------------\n",
                                        i == 0 ? "+-" : "  ");
        if (line == NULL) return -1;
        int err = write_unicode(line, f);
        Py_DECREF(line);
        if (err < 0) return -1;

        ctx->exception_group_depth += 1;
        PyObject *exc = PyTuple_GET_ITEM(excs, i);
        if (!truncated) {
            if (Py_EnterRecursiveCall(" in print_exception_group")) return -1;
            int res = print_exception_recursive(ctx, exc);
            Py_LeaveRecursiveCall();
            if (res < 0) return -1;
        }
        else {
            Py_ssize_t remaining = num_excs - ctx->max_group_width;
            if (ctx_margin(ctx, f) < 0) return -1;
            line = PyUnicode_FromFormat("and %zd more exception%s\n", remaining,
                                        remaining > 1 ? "s" : "");
            if (line == NULL) return -1;
            err = write_unicode(line, f);
            Py_DECREF(line);
            if (err < 0) return -1;
        }
        if (last_exc && ctx->need_close) {
            if (write_indent(EXC_INDENT(ctx), f) < 0) return -1;
            if (_PyErr_WriteString("+------------------------------------\n", f) < 0) return -1;
            ctx->need_close = false;
        }
        ctx->exception_group_depth -= 1;
    }
    if (ctx->exception_group_depth == 1) ctx->exception_group_depth -= 1;
    return 0;
}

static int
print_exception_recursive(struct exception_print_context *ctx, PyObject *value)
{
    if (Py_EnterRecursiveCall(" in print_exception_recursive")) return -1;
    int res = -1;
    if (print_exception_cause_and_context(ctx, value) < 0) goto done;
    if (!PyObject_TypeCheck(value, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
        if (print_exception(ctx, value) < 0) goto done;
    }
    else if (print_exception_group(ctx, value) < 0) {
        goto done;
    }
    res = 0;
done:
    Py_LeaveRecursiveCall();
    return res;
}

void
_PyErr_Display(PyObject *file, PyObject *unused, PyObject *value, PyObject *tb)
{
    if (PyExceptionInstance_Check(value) && tb != NULL && PyTraceBack_Check(tb)) {
        /* put the traceback on the exception so that it gets displayed */
        PyObject *cur_tb = PyException_GetTraceback(value);
        if (cur_tb == NULL) PyException_SetTraceback(value, tb);
        else Py_DECREF(cur_tb);
    }
    struct exception_print_context ctx = {
        .file = file,
        .exception_group_depth = 0,
        .need_close = false,
        .max_group_width = 15,
        .max_group_depth = 10,
    };
    if (print_exception_recursive(&ctx, value) < 0) {
        PyErr_Clear();
        fflush(stderr);
    }
    PyMem_Free(ctx.seen);
    if (file != NULL) {
        PyObject *res = PyObject_CallMethodNoArgs(file, _Py_ID(flush));
        if (res == NULL) PyErr_Clear();
        else Py_DECREF(res);
    }
    else {
        fflush(stderr);
    }
}

void
PyErr_Display(PyObject *unused, PyObject *value, PyObject *tb)
{
    PyObject *file = PySys_GetObject("stderr");
    if (file == Py_None) return;
    Py_XINCREF(file);
    _PyErr_Display(file, unused, value, tb);
    Py_XDECREF(file);
}

/* ====================================================================== */
/* Top level                                                              */
/* ====================================================================== */

int
_Py_HandleSystemExit(int *exitcode_p)
{
    if (!PyErr_ExceptionMatches(PyExc_SystemExit)) return 0;
    fflush(stdout);
    int exitcode = 0;
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) goto done;
    PyObject *code = PyObject_GetAttr(exc, _Py_ID(code));
    if (code != NULL) {
        Py_SETREF(exc, code);
        if (exc == Py_None) goto done;
    }
    else {
        PyErr_Clear();
    }
    if (PyLong_Check(exc)) {
        exitcode = (int)PyLong_AsLong(exc);
        if (exitcode == -1 && PyErr_Occurred()) PyErr_Clear();
    }
    else {
        PyObject *sys_stderr = PySys_GetObject("stderr");
        PyErr_Clear();
        if (sys_stderr != NULL && sys_stderr != Py_None) {
            Py_INCREF(sys_stderr);
            if (_PyErr_WriteObject(exc, sys_stderr, Py_PRINT_RAW) < 0 ||
                _PyErr_WriteString("\n", sys_stderr) < 0)
                PyErr_Clear();
            PyObject *r = PyObject_CallMethodNoArgs(sys_stderr, _Py_ID(flush));
            if (r == NULL) PyErr_Clear();
            else Py_DECREF(r);
            Py_DECREF(sys_stderr);
        }
        else {
            if (_PyErr_WriteObject(exc, NULL, Py_PRINT_RAW) < 0) PyErr_Clear();
            fputs("\n", stderr);
            fflush(stderr);
        }
        exitcode = 1;
    }
done:
    Py_XDECREF(exc);
    PyErr_Clear();
    *exitcode_p = exitcode;
    return 1;
}

void
PyErr_PrintEx(int set_sys_last_vars)
{
    int exitcode;
    if (_Py_HandleSystemExit(&exitcode)) Py_Exit(exitcode);

    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) return;
    PyObject *typ = Py_NewRef((PyObject *)Py_TYPE(exc));
    PyObject *tb = PyException_GetTraceback(exc);
    if (tb == NULL) tb = Py_NewRef(Py_None);
    if (set_sys_last_vars) {
        if (PySys_SetObject("last_exc", exc) < 0) PyErr_Clear();
        if (PySys_SetObject("last_type", typ) < 0) PyErr_Clear();
        if (PySys_SetObject("last_value", exc) < 0) PyErr_Clear();
        if (PySys_SetObject("last_traceback", tb) < 0) PyErr_Clear();
    }
    PyObject *hook = PySys_GetObject("excepthook");
    if (hook != NULL) {
        Py_INCREF(hook);
        PyObject *args[3] = {typ, exc, tb};
        PyObject *result = PyObject_Vectorcall(hook, args, 3, NULL);
        if (result == NULL) {
            if (_Py_HandleSystemExit(&exitcode)) Py_Exit(exitcode);
            PyObject *exc2 = PyErr_GetRaisedException();
            fflush(stdout);
            PyObject *file = PySys_GetObject("stderr");
            Py_XINCREF(file);
            if (_PyErr_WriteString("Error in sys.excepthook:\n", file) < 0) PyErr_Clear();
            if (exc2 != NULL) _PyErr_Display(file, NULL, exc2, NULL);
            if (_PyErr_WriteString("\nOriginal exception was:\n", file) < 0) PyErr_Clear();
            _PyErr_Display(file, NULL, exc, tb);
            Py_XDECREF(file);
            Py_XDECREF(exc2);
        }
        Py_XDECREF(result);
        Py_DECREF(hook);
    }
    else {
        PyObject *file = PySys_GetObject("stderr");
        Py_XINCREF(file);
        if (_PyErr_WriteString("sys.excepthook is missing\n", file) < 0) PyErr_Clear();
        if (file != Py_None) _PyErr_Display(file, NULL, exc, tb);
        Py_XDECREF(file);
    }
    Py_DECREF(typ);
    Py_DECREF(exc);
    Py_DECREF(tb);
}

void
PyErr_Print(void)
{
    PyErr_PrintEx(1);
}

/* TODO(lead): the hook-arguments type lives in errors.c. */
extern PyTypeObject _PyUnraisableHookArgs_Type;

int
_PyErrors_InitTypes(void)
{
    if (PyType_Ready(&PyTraceBack_Type) < 0) return -1;
    if (PyType_Ready(&_PyUnraisableHookArgs_Type) < 0) return -1;
    return 0;
}
