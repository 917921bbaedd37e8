/* repl.c -- the interactive prompt (">>> "), as python3's.
 *
 * Reading.  A statement is read line by line: the first line after the
 * sys.ps1 prompt, the following ones after sys.ps2.  On a terminal (stdin
 * and stdout both ttys) and when the build found GNU readline or libedit,
 * lines come from readline, which gives line editing, history (kept in
 * ~/.python_history, as python3's site module does) and Tab completion of
 * names and attributes; the prompt then goes to stdout.  Otherwise lines
 * are read from the C stdin with the prompt written to stderr -- which is
 * what `python3 -i` does with piped input, and what the tests check.
 *
 * When is a statement complete?  python3's parser pulls tokens from the
 * terminal on demand; here the accumulated lines are compiled after each
 * new line (Py_single_input) and the outcome decides, which gives the same
 * answers because refpy's parser reports CPython's errors at CPython's
 * positions:
 *
 *   - it compiles: a simple statement runs at once; a compound one (def,
 *     if, for, class, with, try, match, decorators...) waits for a blank
 *     line, since more clauses or body lines may follow;
 *   - it fails with an error that only more input can fix -- "'(' was
 *     never closed", "unterminated triple-quoted string literal",
 *     "unexpected EOF while parsing" (a trailing backslash), "expected an
 *     indented block ...", "expected 'except' or 'finally' block", or
 *     "invalid syntax" at the end of the input (after a decorator) -- so
 *     the next line is read;
 *   - any other error is reported at once, as the real parser would.
 *
 * A blank line ends a compound statement; inside brackets or a
 * triple-quoted string it is just part of the text.  End of file after
 * "... " runs what was typed, after ">>> " leaves the loop.
 *
 * Running.  The statement is compiled with Py_single_input, so expression
 * statements end in CALL_INTRINSIC_1 INTRINSIC_PRINT and their value goes
 * through sys.displayhook (which prints the repr and sets builtins._).
 * Errors print a traceback and the loop goes on; SystemExit leaves it with
 * its exit status; Ctrl-C while reading prints "KeyboardInterrupt" and
 * starts a new statement.  Line numbers in tracebacks count from 1 for
 * every statement, as in python3.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_state.h"
#include "rp_ast.h"
#include "rp_lifecycle.h"
#include "rp_modules.h"
#include "rp_eval.h"
#include <errno.h>
#include <unistd.h>
#include <sys/select.h>

#ifdef RP_HAVE_READLINE
#  ifdef RP_HAVE_LIBEDIT
#    include <editline/readline.h>
#  else
#    include <readline/readline.h>
#    include <readline/history.h>
#  endif
#endif


int _PyRepl_Run(void);

/* 1 if the user asked to leave (nothing does so far besides SystemExit,
   which _PyRepl_Run handles itself). */
int
_Py_ExitRequested_rp(void)
{
    return 0;
}

/* ------------------------------------------------------------------ */
/* Growing text buffer                                                 */
/* ------------------------------------------------------------------ */

typedef struct {
    char *s;
    size_t len, cap;
} textbuf;

static int
textbuf_append(textbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *ns = PyMem_RawRealloc(b->s, cap);
        if (ns == NULL)
            return -1;
        b->s = ns;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
    return 0;
}

/* ------------------------------------------------------------------ */
/* Reading one line                                                    */
/* ------------------------------------------------------------------ */

enum { READ_EOF = 0, READ_LINE = 1, READ_INTERRUPT = -1, READ_ERROR = -2 };

/* Plain stdio: prompt on stderr, line from the C stdin.  A SIGINT
   interrupts the read (the handler is installed without SA_RESTART). */
static int
read_line_stdio(const char *prompt, textbuf *out)
{
    fflush(stdout);
    fputs(prompt, stderr);
    fflush(stderr);
    for (;;) {
        errno = 0;
        int c = getc(stdin);
        if (c == EOF) {
            if (ferror(stdin) && errno == EINTR) {
                clearerr(stdin);
                if (PyErr_CheckSignals() < 0)
                    return READ_INTERRUPT;
                continue;
            }
            clearerr(stdin);
            return out->len > 0 ? READ_LINE : READ_EOF;
        }
        char ch = (char)c;
        if (textbuf_append(out, &ch, 1) < 0) {
            PyErr_NoMemory();
            return READ_ERROR;
        }
        if (c == '\n')
            return READ_LINE;
        if (PyErr_CheckSignals() < 0)
            return READ_INTERRUPT;
    }
}

#ifdef RP_HAVE_READLINE

static char *rl_result;
static int rl_finished;
static int rl_ready;
static char history_path[4096];

static void
rl_line_handler(char *line)
{
    rl_result = line;
    rl_finished = 1;
    rl_callback_handler_remove();
}

/* Tab completion: keywords, names of __main__ and builtins, and the
   attributes of `name.name...` chains (looked up with getattr, never by
   evaluating code). */
static char **completion_matches_list;
static size_t completion_count;

static void
completion_reset(void)
{
    for (size_t i = 0; i < completion_count; i++)
        free(completion_matches_list[i]);
    free(completion_matches_list);
    completion_matches_list = NULL;
    completion_count = 0;
}

static void
completion_add(const char *prefix, size_t prefix_len, const char *name, const char *suffix)
{
    size_t n = strlen(name), m = strlen(suffix);
    char *s = malloc(prefix_len + n + m + 1);
    if (s == NULL)
        return;
    memcpy(s, prefix, prefix_len);
    memcpy(s + prefix_len, name, n);
    memcpy(s + prefix_len + n, suffix, m + 1);
    for (size_t i = 0; i < completion_count; i++)
        if (strcmp(completion_matches_list[i], s) == 0) {
            free(s);
            return;
        }
    char **nl = realloc(completion_matches_list, (completion_count + 1) * sizeof(char *));
    if (nl == NULL) {
        free(s);
        return;
    }
    completion_matches_list = nl;
    completion_matches_list[completion_count++] = s;
}

/* Add the keys of dict (or the entries of a list) starting with word. */
static void
completion_from(PyObject *names, PyObject *owner, const char *prefix, size_t prefix_len,
                const char *word)
{
    size_t wlen = strlen(word);
    PyObject *seq = PyDict_Check(names) ? PyDict_Keys(names) : Py_NewRef(names);
    if (seq == NULL || !PyList_Check(seq)) {
        Py_XDECREF(seq);
        PyErr_Clear();
        return;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(seq); i++) {
        PyObject *k = PyList_GET_ITEM(seq, i);
        if (!PyUnicode_Check(k))
            continue;
        const char *s = PyUnicode_AsUTF8(k);
        if (s == NULL) {
            PyErr_Clear();
            continue;
        }
        if (strncmp(s, word, wlen) != 0)
            continue;
        /* private names only when asked for */
        if (s[0] == '_' && word[0] != '_')
            continue;
        const char *suffix = "";
        PyObject *v = owner ? PyObject_GetAttr(owner, k)
                            : (PyDict_Check(names) ? Py_XNewRef(PyDict_GetItem(names, k)) : NULL);
        if (v == NULL)
            PyErr_Clear();
        else {
            if (PyCallable_Check(v))
                suffix = "(";
            Py_DECREF(v);
        }
        completion_add(prefix, prefix_len, s, suffix);
    }
    Py_DECREF(seq);
}

static void
completion_compute(const char *text)
{
    static const char *const keywords[] = {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
        "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
        "raise", "return", "try", "while", "with", "yield", NULL};
    completion_reset();
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *main = PyImport_AddModule("__main__");
    PyObject *globals = main ? PyModule_GetDict(main) : NULL;
    const char *dot = strrchr(text, '.');
    if (dot == NULL) {
        size_t n = strlen(text);
        for (int i = 0; keywords[i]; i++)
            if (strncmp(keywords[i], text, n) == 0) {
                const char *k = keywords[i];
                int colon = strcmp(k, "try") == 0 || strcmp(k, "finally") == 0 ||
                            strcmp(k, "else") == 0;
                int bare = strcmp(k, "True") == 0 || strcmp(k, "False") == 0 ||
                           strcmp(k, "None") == 0 || strcmp(k, "break") == 0 ||
                           strcmp(k, "continue") == 0 || strcmp(k, "pass") == 0;
                completion_add("", 0, k, colon ? ":" : bare ? "" : " ");
            }
        if (globals != NULL)
            completion_from(globals, NULL, "", 0, text);
        PyObject *builtins = _PyEval_GetBuiltins(_PyThreadState_GET());
        if (builtins != NULL)
            completion_from(builtins, NULL, "", 0, text);
    }
    else if (globals != NULL) {
        /* resolve the dotted prefix with getattr */
        size_t plen = (size_t)(dot - text);
        char *path = malloc(plen + 1);
        PyObject *obj = NULL;
        if (path != NULL) {
            memcpy(path, text, plen);
            path[plen] = '\0';
            char *save = NULL;
            for (char *part = strtok_r(path, ".", &save); part; part = strtok_r(NULL, ".", &save)) {
                if (obj == NULL) {
                    obj = Py_XNewRef(PyDict_GetItemString(globals, part));
                    if (obj == NULL) {
                        PyObject *builtins = _PyEval_GetBuiltins(_PyThreadState_GET());
                        obj = builtins ? Py_XNewRef(PyDict_GetItemString(builtins, part)) : NULL;
                    }
                }
                else {
                    Py_SETREF(obj, PyObject_GetAttrString(obj, part));
                }
                if (obj == NULL)
                    break;
            }
            free(path);
        }
        if (obj != NULL) {
            PyObject *names = PyObject_Dir(obj);
            if (names != NULL) {
                completion_from(names, obj, text, plen + 1, dot + 1);
                Py_DECREF(names);
            }
            Py_DECREF(obj);
        }
    }
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
}

static char *
completion_generator(const char *text, int state)
{
    static size_t next;
    if (state == 0) {
        completion_compute(text);
        next = 0;
    }
    if (next < completion_count)
        return strdup(completion_matches_list[next++]);
    return NULL;
}

static char **
repl_completion(const char *text, int start, int end)
{
    rl_completion_append_character = '\0';
    return rl_completion_matches(text, completion_generator);
}

static void
repl_save_history(void)
{
    if (history_path[0])
        write_history(history_path);
}

static void
readline_setup(void)
{
    if (rl_ready)
        return;
    rl_ready = 1;
    rl_readline_name = "python";
    /* readline catches SIGINT while reading, cleans up the line, then passes
       it on to our handler (select() is interrupted: see read_line_tty) */
#ifndef RP_HAVE_LIBEDIT
    rl_catch_sigwinch = 1;
#endif
#ifndef RP_HAVE_LIBEDIT
    /* as python3: no bracketed-paste escapes around every line */
    rl_variable_bind("enable-bracketed-paste", "off");
    if (!isatty(STDOUT_FILENO))
        rl_variable_bind("enable-meta-key", "off");
#endif
    rl_attempted_completion_function = repl_completion;
    rl_basic_word_break_characters = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";
    const char *home = getenv("HOME");
    using_history();
    if (home != NULL && *home &&
        (size_t)snprintf(history_path, sizeof(history_path), "%s/.python_history", home) <
            sizeof(history_path)) {
        if (history_length == 0)
            (void)read_history(history_path);
        atexit(repl_save_history);
    }
}

static int
read_line_tty(const char *prompt, textbuf *out)
{
    readline_setup();
    fflush(stdout);
    fflush(stderr);
    rl_finished = 0;
    rl_result = NULL;
    rl_callback_handler_install(prompt, rl_line_handler);
    int fd = fileno(rl_instream ? rl_instream : stdin);
    while (!rl_finished) {
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(fd, &fds);
        int r = select(fd + 1, &fds, NULL, NULL, NULL);
        if (r < 0) {
            if (errno == EINTR) {
                if (PyErr_CheckSignals() < 0) {
                    rl_free_line_state();
#ifndef RP_HAVE_LIBEDIT
                    rl_callback_sigcleanup();
#endif
                    rl_cleanup_after_signal();
                    rl_callback_handler_remove();
                    return READ_INTERRUPT;
                }
                continue;
            }
            rl_callback_handler_remove();
            PyErr_SetFromErrno(PyExc_OSError);
            return READ_ERROR;
        }
        rl_callback_read_char();
    }
    if (rl_result == NULL)
        return READ_EOF;
    size_t n = strlen(rl_result);
    if (n > 0) {
        HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
        if (last == NULL || strcmp(last->line, rl_result) != 0)
            add_history(rl_result);
    }
    int ok = textbuf_append(out, rl_result, n) == 0 && textbuf_append(out, "\n", 1) == 0;
    free(rl_result);
    rl_result = NULL;
    if (!ok) {
        PyErr_NoMemory();
        return READ_ERROR;
    }
    return READ_LINE;
}
#endif /* RP_HAVE_READLINE */

static int
use_readline(void)
{
#ifdef RP_HAVE_READLINE
    static int answer = -1;
    if (answer < 0)
        answer = isatty(fileno(stdin)) && isatty(fileno(stdout));
    return answer;
#else
    return 0;
#endif
}

static int
read_line(const char *prompt, textbuf *out)
{
    out->len = 0;
    if (out->s)
        out->s[0] = '\0';
#ifdef RP_HAVE_READLINE
    if (use_readline())
        return read_line_tty(prompt, out);
#endif
    return read_line_stdio(prompt, out);
}

/* New: str(sys.<name>) as UTF-8 (caller frees with PyMem_RawFree), "" if
   missing; on an error while converting, the error is printed. */
static char *
get_prompt(const char *name)
{
    PyObject *v = PySys_GetObject(name);
    const char *s = "";
    PyObject *str = NULL;
    if (v != NULL) {
        str = PyObject_Str(v);
        if (str != NULL)
            s = PyUnicode_AsUTF8(str);
        if (s == NULL || str == NULL) {
            PyErr_Print();
            s = "";
        }
    }
    size_t n = strlen(s);
    char *res = PyMem_RawMalloc(n + 1);
    if (res != NULL)
        memcpy(res, s, n + 1);
    Py_XDECREF(str);
    return res;
}

/* ------------------------------------------------------------------ */
/* Is the statement complete?                                          */
/* ------------------------------------------------------------------ */

enum {
    STMT_ERROR,            /* report the exception that is set */
    STMT_RUN,              /* complete: *code holds the compiled statement */
    STMT_COMPOUND,         /* complete so far, but more clauses may follow */
    STMT_MORE,             /* needs more lines */
    STMT_MORE_BRACKET,     /* needs more lines even after a blank one */
};

static int
is_blank(const char *line)
{
    while (*line == ' ' || *line == '\t' || *line == '\f' || *line == '\r')
        line++;
    return *line == '\n' || *line == '\0';
}

static int
is_blank_or_comment(const char *line)
{
    while (*line == ' ' || *line == '\t' || *line == '\f' || *line == '\r')
        line++;
    return *line == '\n' || *line == '\0' || *line == '#';
}

static int
count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        if (*s == '\n')
            n++;
    return n;
}

/* Does the (already valid) source hold a compound statement? */
static int
is_compound(const char *src, PyObject *filename)
{
    PyArena *arena = _PyArena_New();
    if (arena == NULL) {
        PyErr_Clear();
        return 0;
    }
    int compound = 0;
    mod_ty mod = _PyParser_ASTFromString(src, filename, Py_single_input, arena);
    if (mod == NULL)
        PyErr_Clear();
    else if (mod->kind == Interactive_kind) {
        asdl_stmt_seq *body = mod->v.Interactive.body;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(body); i++) {
            switch (((stmt_ty)asdl_seq_GET(body, i))->kind) {
            case FunctionDef_kind: case AsyncFunctionDef_kind: case ClassDef_kind:
            case For_kind: case AsyncFor_kind: case While_kind: case If_kind:
            case With_kind: case AsyncWith_kind: case Match_kind: case Try_kind:
            case TryStar_kind:
                compound = 1;
                break;
            default:
                break;
            }
        }
    }
    _PyArena_Free(arena);
    return compound;
}

static int
classify(const char *src, PyObject *filename, PyObject **code)
{
    *code = Py_CompileStringObject(src, filename, Py_single_input, NULL, -1);
    if (*code != NULL) {
        if (is_compound(src, filename)) {
            Py_CLEAR(*code);
            return STMT_COMPOUND;
        }
        return STMT_RUN;
    }
    PyObject *exc = PyErr_GetRaisedException();
    int kind = STMT_ERROR;
    if (exc != NULL && PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_SyntaxError)) {
        PySyntaxErrorObject *se = (PySyntaxErrorObject *)exc;
        const char *msg = (se->msg && PyUnicode_Check(se->msg)) ? PyUnicode_AsUTF8(se->msg) : NULL;
        long lineno = (se->lineno && PyLong_Check(se->lineno)) ? PyLong_AsLong(se->lineno) : -1;
        long offset = (se->offset && PyLong_Check(se->offset)) ? PyLong_AsLong(se->offset) : -1;
        PyErr_Clear();
        if (msg == NULL) {
            PyErr_Clear();
        }
        else if (strstr(msg, "was never closed") ||
                 strncmp(msg, "unterminated triple-quoted string literal", 41) == 0) {
            kind = STMT_MORE_BRACKET;
        }
        else if (strcmp(msg, "unexpected EOF while parsing") == 0 ||
                 strncmp(msg, "expected an indented block", 26) == 0 ||
                 strcmp(msg, "expected 'except' or 'finally' block") == 0) {
            kind = STMT_MORE;
        }
        else if (strcmp(msg, "invalid syntax") == 0 && offset == 0 &&
                 lineno >= count_lines(src)) {
            /* at the end of the input: e.g. a decorator alone */
            kind = STMT_MORE;
        }
    }
    if (kind == STMT_ERROR)
        PyErr_SetRaisedException(exc);
    else
        Py_XDECREF(exc);
    return kind;
}

/* ------------------------------------------------------------------ */
/* The loop                                                            */
/* ------------------------------------------------------------------ */

/* compile() puts "invalid syntax" at the end of the input at offset 0 (a
   decorator followed by a blank line); python3's interactive parser,
   which sees the blank line as a token, reports column 1 there. */
static void
fix_eof_offset(void)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc != NULL && PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_SyntaxError)) {
        PySyntaxErrorObject *se = (PySyntaxErrorObject *)exc;
        if (se->offset && PyLong_Check(se->offset) && PyLong_AsLong(se->offset) == 0 &&
            se->msg && PyUnicode_Check(se->msg) &&
            _PyUnicode_EqualToASCIIString(se->msg, "invalid syntax"))
            Py_SETREF(se->offset, PyLong_FromLong(1));
    }
    PyErr_SetRaisedException(exc);
}

/* Print the pending exception like the REPL does; 1 if it was SystemExit
   (then *status is its exit status). */
static int
report_error(int *status)
{
    if (_Py_HandleSystemExit(status))
        return 1;
    _PyIO_FlushStd();
    PyErr_Print();
    _PyIO_FlushStd();
    return 0;
}

/* Run one compiled statement.  1 if the loop must end (SystemExit). */
static int
run_code(PyObject *code, PyObject *globals, int *status)
{
    PyObject *res = PyEval_EvalCode(code, globals, globals);
    int leave = 0;
    if (res == NULL)
        leave = report_error(status);
    else
        Py_DECREF(res);
    _PyIO_FlushStd();
    return leave;
}

static int
set_default_prompt(const char *name, const char *value)
{
    if (PySys_GetObject(name) != NULL)
        return 0;
    PyObject *v = PyUnicode_FromString(value);
    if (v == NULL)
        return -1;
    int r = PySys_SetObject(name, v);
    Py_DECREF(v);
    return r;
}

/* The interactive loop on stdin: returns the exit status (0 at end of
   input, SystemExit's code otherwise). */
int
_PyRepl_Run(void)
{
    PyObject *main = PyImport_AddModule("__main__");
    if (main == NULL)
        return _PyRun_HandleUncaught();
    PyObject *globals = PyModule_GetDict(main);
    if (PyDict_GetItemString(globals, "__builtins__") == NULL) {
        PyObject *bimod = PyImport_ImportModule("builtins");
        if (bimod == NULL || PyDict_SetItemString(globals, "__builtins__", bimod) < 0) {
            Py_XDECREF(bimod);
            return _PyRun_HandleUncaught();
        }
        Py_DECREF(bimod);
    }
    if (set_default_prompt("ps1", ">>> ") < 0 || set_default_prompt("ps2", "... ") < 0)
        PyErr_Clear();
    PyObject *filename = PyUnicode_FromString("<stdin>");
    if (filename == NULL)
        return _PyRun_HandleUncaught();

    textbuf src = {NULL, 0, 0}, line = {NULL, 0, 0};
    int status = 0;
    for (;;) {
        _PyIO_FlushStd();
        char *prompt = get_prompt(src.len == 0 ? "ps1" : "ps2");
        int r = read_line(prompt ? prompt : "", &line);
        PyMem_RawFree(prompt);

        if (r == READ_INTERRUPT || r == READ_ERROR) {
            /* Ctrl-C while typing: drop the statement, report, go on */
            if (r == READ_INTERRUPT) {
                FILE *f = use_readline() ? stdout : stderr;
                fputs("\n", f);
                fflush(f);
            }
            src.len = 0;
            if (report_error(&status))
                break;
            continue;
        }
        if (r == READ_EOF) {
            /* finish the prompt's line (on the terminal: where readline echoes) */
            FILE *f = use_readline() ? stdout : stderr;
            fputs("\n", f);
            fflush(f);
            if (src.len == 0)
                break;
            /* run what was typed so far */
            PyObject *code = Py_CompileStringObject(src.s, filename, Py_single_input, NULL, -1);
            src.len = 0;
            if (code == NULL) {
                if (report_error(&status))
                    break;
                continue;
            }
            int leave = run_code(code, globals, &status);
            Py_DECREF(code);
            if (leave)
                break;
            continue;
        }

        if (line.s[line.len - 1] != '\n') {
            /* end of input in the middle of a line: like python3, keep it
               and ask for more, which ends with EOF and runs it */
            if (textbuf_append(&src, line.s, line.len) < 0) {
                PyErr_NoMemory();
                src.len = 0;
                if (report_error(&status))
                    break;
            }
            continue;
        }
        if (src.len == 0 && is_blank_or_comment(line.s))
            continue;
        int blank = is_blank(line.s);
        if (textbuf_append(&src, line.s, line.len) < 0) {
            PyErr_NoMemory();
            src.len = 0;
            if (report_error(&status))
                break;
            continue;
        }
        PyObject *code = NULL;
        int kind = classify(src.s, filename, &code);
        if (kind == STMT_MORE_BRACKET || (!blank && (kind == STMT_MORE || kind == STMT_COMPOUND)))
            continue;
        if (kind == STMT_MORE || kind == STMT_COMPOUND) {
            /* the blank line ends it: compile for real (reports the error) */
            code = Py_CompileStringObject(src.s, filename, Py_single_input, NULL, -1);
            if (code == NULL) {
                kind = STMT_ERROR;
                fix_eof_offset();
            }
        }
        src.len = 0;
        if (kind == STMT_ERROR) {
            if (report_error(&status))
                break;
            continue;
        }
        int leave = run_code(code, globals, &status);
        Py_DECREF(code);
        if (leave)
            break;
    }
    PyMem_RawFree(src.s);
    PyMem_RawFree(line.s);
    Py_DECREF(filename);
    _PyIO_FlushStd();
    return status;
}
