/* pythonrun.c -- compiling source text and running it as __main__.
 *
 * The pipeline is parse (src/parser) -> AST optimise -> compile
 * (src/compiler) -> evaluate (src/vm).  Uncaught exceptions are printed
 * with a CPython-format traceback; SystemExit turns into an exit status.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_state.h"
#include "rp_ast.h"
#include "rp_lifecycle.h"
#include "rp_modules.h"
#include "rp_frame.h"
#include <unistd.h>


/* argv[0] as given (CPython names it in "can't open file" messages). */
static const char *program_name = "python3";

void
_Py_SetProgramName_rp(const char *name)
{
    program_name = name;
}

const char *
_Py_ProgramName_rp(void)
{
    return program_name;
}

/* New reference: a code object, or NULL with SyntaxError (etc.) set. */
PyObject *
Py_CompileStringObject(const char *str, PyObject *filename, int start, PyCompilerFlags *flags,
                       int optimize)
{
    PyArena *arena = _PyArena_New();
    if (arena == NULL) return NULL;
    PyObject *result = NULL;
    int cf = flags ? flags->cf_flags : 0;
    mod_ty mod = _PyParser_ASTFromString(str, filename, start, arena);
    if (mod == NULL) goto done;
    if (_PyAST_Optimize(mod, arena, optimize) < 0) goto done;
    result = (PyObject *)_PyAST_CompileFlags(mod, filename, &cf, optimize, arena);
    if (flags) flags->cf_flags = cf;
done:
    _PyArena_Free(arena);
    return result;
}

int
PyEval_MergeCompilerFlags(PyCompilerFlags *cf)
{
    _PyInterpreterFrame *frame = _PyThreadState_GET()->current_frame;
    int result = cf->cf_flags != 0;
    if (frame != NULL) {
        int codeflags = frame->f_code->co_flags & PyCF_MASK;
        if (codeflags) {
            result = 1;
            cf->cf_flags |= codeflags;
        }
    }
    return result;
}

/* New reference. */
PyObject *
Py_CompileString(const char *str, const char *filename, int start)
{
    PyObject *fn = PyUnicode_DecodeFSDefault_rp(filename);
    if (fn == NULL) return NULL;
    PyObject *co = Py_CompileStringObject(str, fn, start, NULL, -1);
    Py_DECREF(fn);
    return co;
}

/* New reference. */
PyObject *
PyUnicode_DecodeFSDefault_rp(const char *s)
{
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "surrogateescape");
}

/* New reference: the result of running str in the given namespaces. */
PyObject *
PyRun_String(const char *str, int start, PyObject *globals, PyObject *locals)
{
    PyObject *co = Py_CompileString(str, "<string>", start);
    if (co == NULL) return NULL;
    PyObject *res = PyEval_EvalCode(co, globals, locals);
    Py_DECREF(co);
    return res;
}

static int keyboard_interrupted;

int
_PyRun_KeyboardInterrupted(void)
{
    return keyboard_interrupted;
}

int
_PyRun_HandleUncaught(void)
{
    int exitcode = 1;
    if (_Py_HandleSystemExit(&exitcode)) return exitcode;
    if (PyErr_ExceptionMatches(PyExc_KeyboardInterrupt)) keyboard_interrupted = 1;
    _PyIO_FlushStd();
    PyErr_Print();
    return 1;
}

/* BORROWED: the __main__ module, created on first use. */
static PyObject *
main_module(void)
{
    PyObject *m = PyImport_AddModule("__main__");
    if (m == NULL) return NULL;
    PyObject *d = PyModule_GetDict(m);
    if (PyDict_GetItemString(d, "__builtins__") == NULL) {
        PyObject *bimod = PyImport_ImportModule("builtins");
        if (bimod == NULL) return NULL;
        int r = PyDict_SetItemString(d, "__builtins__", bimod);
        Py_DECREF(bimod);
        if (r < 0) return NULL;
    }
    return m;
}

int
PyRun_SimpleString(const char *command)
{
    PyObject *m = main_module();
    if (m == NULL) return -1;
    PyObject *d = PyModule_GetDict(m);
    PyObject *v = PyRun_String(command, Py_file_input, d, d);
    if (v == NULL) {
        PyErr_Print();
        return -1;
    }
    Py_DECREF(v);
    return 0;
}

static char *
read_file(const char *path, size_t *size_out)
{
    FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (fp == NULL) return NULL;
    size_t cap = 8192, len = 0;
    char *buf = PyMem_RawMalloc(cap);
    if (buf == NULL) { if (fp != stdin) fclose(fp); return NULL; }
    for (;;) {
        if (len + 4096 + 1 > cap) {
            cap *= 2;
            char *nb = PyMem_RawRealloc(buf, cap);
            if (nb == NULL) { PyMem_RawFree(buf); if (fp != stdin) fclose(fp); return NULL; }
            buf = nb;
        }
        size_t n = fread(buf + len, 1, cap - len - 1, fp);
        len += n;
        if (n == 0) break;
    }
    if (fp != stdin) fclose(fp);
    buf[len] = '\0';
    *size_out = len;
    return buf;
}

static int
run_source_as_main(const char *source, PyObject *filename, int set_file)
{
    PyObject *m = main_module();
    if (m == NULL) return _PyRun_HandleUncaught();
    PyObject *d = PyModule_GetDict(m);
    if (set_file) {
        if (PyDict_SetItemString(d, "__file__", filename) < 0) return _PyRun_HandleUncaught();
        if (PyDict_SetItemString(d, "__cached__", Py_None) < 0) return _PyRun_HandleUncaught();
    }
    /* Like CPython's run_mod, keep the AST arena alive while the main
       module runs: the arena holds one reference to every constant of the
       source, which sys.getrefcount shows in __main__ code (and only there:
       compile() and imports free the arena before running). */
    PyArena *arena = _PyArena_New();
    if (arena == NULL) return _PyRun_HandleUncaught();
    PyObject *co = NULL;
    mod_ty mod = _PyParser_ASTFromString(source, filename, Py_file_input, arena);
    if (mod != NULL && _PyAST_Optimize(mod, arena, -1) == 0)
        co = (PyObject *)_PyAST_Compile(mod, filename, -1, arena);
    if (co == NULL) {
        _PyArena_Free(arena);
        return _PyRun_HandleUncaught();
    }
    PyObject *res = PyEval_EvalCode(co, d, d);
    Py_DECREF(co);
    _PyArena_Free(arena);   /* before reporting, as CPython's pyrun_file */
    if (res == NULL) return _PyRun_HandleUncaught();
    Py_DECREF(res);
    return 0;
}

int
_PyRun_MainFile(const char *path)
{
    size_t size;
    char *source = read_file(path, &size);
    if (source == NULL) {
        /* CPython: "python3: can't open file '/abs/x.py': [Errno 2] No such file or directory" */
        int err = errno;
        char abspath[4096];
        const char *shown = path;
        if (path[0] != '/' && getcwd(abspath, sizeof(abspath) - strlen(path) - 2) != NULL) {
            strcat(abspath, "/");
            strcat(abspath, path);
            shown = abspath;
        }
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", _Py_ProgramName_rp(),
                shown, err, strerror(err));
        return 2;
    }
    if (memchr(source, '\0', size) != NULL) {
        PyMem_RawFree(source);
        PyErr_SetString(PyExc_SyntaxError, "source code string cannot contain null bytes");
        return _PyRun_HandleUncaught();
    }
    /* __file__ and code filenames are absolute, as in CPython 3.9+. */
    PyObject *filename;
    if (strcmp(path, "-") == 0) {
        filename = PyUnicode_FromString("<stdin>");
    }
    else if (path[0] == '/') {
        filename = PyUnicode_DecodeFSDefault_rp(path);
    }
    else {
        char cwd[4096];
        if (getcwd(cwd, sizeof cwd) == NULL) filename = PyUnicode_DecodeFSDefault_rp(path);
        else {
            const char *p = path;
            while (p[0] == '.' && p[1] == '/') p += 2;
            filename = PyUnicode_FromFormat("%s/%s", cwd, p);
        }
    }
    if (filename == NULL) { PyMem_RawFree(source); return _PyRun_HandleUncaught(); }
    int status = run_source_as_main(source, filename, strcmp(path, "-") != 0);
    Py_DECREF(filename);
    PyMem_RawFree(source);
    return status;
}

int
_PyRun_MainString(const char *command, const char *filename)
{
    PyObject *fn = PyUnicode_FromString(filename);
    if (fn == NULL) return _PyRun_HandleUncaught();
    int status = run_source_as_main(command, fn, 0);
    Py_DECREF(fn);
    return status;
}

int
_PyRun_Module(const char *module)
{
    /* Find module.py on sys.path and run it as __main__. */
    PyObject *path = PySys_GetObject("path");
    if (path != NULL && PyList_Check(path)) {
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(path); i++) {
            PyObject *entry = PyList_GET_ITEM(path, i);
            const char *dir = PyUnicode_Check(entry) ? PyUnicode_AsUTF8(entry) : NULL;
            if (dir == NULL) { PyErr_Clear(); continue; }
            char buf[4096];
            snprintf(buf, sizeof buf, "%s%s%s.py", dir, *dir ? "/" : "", module);
            FILE *fp = fopen(buf, "rb");
            if (fp != NULL) {
                fclose(fp);
                return _PyRun_MainFile(buf);
            }
        }
    }
    fprintf(stderr, "%s: No module named %s\n", _Py_ProgramName_rp(), module);
    return 1;
}

/* -------------------------------- the REPL -------------------------------- */

/* The interactive loop lives in repl.c. */
int _PyRepl_Run(void);

int
_PyRun_InteractiveLoop(void)
{
    return _PyRepl_Run();
}
