/* sysmodule.c -- the sys module.
 *
 * sys is mostly a bag of values (version, limits, streams) and a few
 * functions that expose the interpreter's memory model to Python code:
 * getrefcount (the raw ob_refcnt, so immortal objects read 4294967295 as
 * in 3.12), getsizeof (__sizeof__ plus the GC / managed-dict pre-header),
 * getallocatedblocks and _debugmallocstats (the small-object allocator),
 * intern and getunicodeinternedsize.
 *
 * The record types (sys.version_info, sys.flags, sys.float_info, ...) are
 * "struct sequences": tuple subclasses whose items are also reachable by
 * name, with CPython's repr "sys.flags(debug=0, ...)".  They are defined
 * here with static types whose members point into the tuple's item
 * array.  sys.implementation is a SimpleNamespace, also defined here.
 *
 * The lead's startup code creates the module with _PySys_Create(), then
 * sets sys.modules, sys.path, sys.argv (_PySys_SetArgv) and the flags.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_state.h"
#include "rp_frame.h"
#include "rp_eval.h"
#include "rp_modules.h"
#include "rp_structseq.h"
#include <float.h>
#include <unistd.h>

static PyObject *sys_module_dict;   /* borrowed from the module (kept alive by it) */

/* ------------------------------------------------------------------ */
/* struct sequences                                                    */
/* ------------------------------------------------------------------ */

typedef struct {
    const char *name;
    int nfields;
    const char *const *fields;
} structseq_desc;

/* Struct sequences come from src/objects/structseq.c. */
static int
structseq_init_type(PyTypeObject *tp, const structseq_desc *desc)
{
    return _PyStructSequence_InitStatic(tp, desc->name, desc->fields, desc->nfields);
}

#define structseq_new _PyStructSequence_FromArraySteal

static PyTypeObject VersionInfoType, FlagsType, FloatInfoType, IntInfoType,
                    HashInfoType, ThreadInfoType;

static const char *const version_info_fields[] = {"major", "minor", "micro", "releaselevel", "serial"};
static const structseq_desc version_info_desc = {"sys.version_info", 5, version_info_fields};

static const char *const flags_fields[] = {
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
    "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning",
    "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode",
    "warn_default_encoding", "safe_path", "int_max_str_digits"};
static const structseq_desc flags_desc = {"sys.flags", 18, flags_fields};

static const char *const float_info_fields[] = {
    "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
    "mant_dig", "epsilon", "radix", "rounds"};
static const structseq_desc float_info_desc = {"sys.float_info", 11, float_info_fields};

static const char *const int_info_fields[] = {
    "bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"};
static const structseq_desc int_info_desc = {"sys.int_info", 4, int_info_fields};

static const char *const hash_info_fields[] = {
    "width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"};
static const structseq_desc hash_info_desc = {"sys.hash_info", 9, hash_info_fields};

static const char *const thread_info_fields[] = {"name", "lock", "version"};
static const structseq_desc thread_info_desc = {"sys.thread_info", 3, thread_info_fields};

/* sys.flags values; dev_mode and safe_path are bools. */
static int flag_values[18];

static PyObject *
make_flags(void)
{
    PyObject *items[18];
    int i;
    for (i = 0; i < 18; i++) {
        if (i == 13 || i == 16)
            items[i] = PyBool_FromLong(flag_values[i]);
        else
            items[i] = PyLong_FromLong(flag_values[i]);
    }
    return structseq_new(&FlagsType, items, 18);
}

int
_PySys_SetFlag(const char *name, int value)
{
    int i;
    for (i = 0; i < 18; i++) {
        if (strcmp(flags_fields[i], name) == 0) {
            flag_values[i] = value;
            if (sys_module_dict != NULL) {
                PyObject *f = make_flags();
                if (f == NULL)
                    return -1;
                if (PyDict_SetItemString(sys_module_dict, "flags", f) < 0) {
                    Py_DECREF(f);
                    return -1;
                }
                Py_DECREF(f);
                if (strcmp(name, "dont_write_bytecode") == 0 &&
                    PyDict_SetItemString(sys_module_dict, "dont_write_bytecode",
                                         value ? Py_True : Py_False) < 0)
                    return -1;
            }
            return 0;
        }
    }
    PyErr_Format(PyExc_ValueError, "unknown sys.flags field: %s", name);
    return -1;
}

/* ------------------------------------------------------------------ */
/* SimpleNamespace (for sys.implementation)                            */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *ns_dict;
} namespaceobject;

static PyTypeObject NamespaceType;

static void
namespace_dealloc(namespaceobject *ns)
{
    PyObject_GC_UnTrack(ns);
    Py_CLEAR(ns->ns_dict);
    PyObject_GC_Del(ns);
}

static int
namespace_traverse(namespaceobject *ns, visitproc visit, void *arg)
{
    Py_VISIT(ns->ns_dict);
    return 0;
}

static int
namespace_clear(namespaceobject *ns)
{
    Py_CLEAR(ns->ns_dict);
    return 0;
}

static PyObject *
namespace_repr(namespaceobject *ns)
{
    _PyUnicodeWriter w;
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    int first = 1, r;
    const char *name = Py_IS_TYPE(ns, &NamespaceType) ? "namespace" : _PyType_Name(Py_TYPE(ns));

    r = Py_ReprEnter((PyObject *)ns);
    if (r != 0)
        return r > 0 ? PyUnicode_FromString("namespace(...)") : NULL;
    _PyUnicodeWriter_Init(&w);
    if (_PyUnicodeWriter_WriteASCIIString(&w, name, (Py_ssize_t)strlen(name)) < 0 ||
        _PyUnicodeWriter_WriteChar(&w, '(') < 0)
        goto error;
    while (ns->ns_dict && PyDict_Next(ns->ns_dict, &pos, &key, &value)) {
        PyObject *vr;
        if (!PyUnicode_Check(key) || PyUnicode_GET_LENGTH(key) == 0)
            continue;
        if (!first && _PyUnicodeWriter_WriteASCIIString(&w, ", ", 2) < 0)
            goto error;
        first = 0;
        if (_PyUnicodeWriter_WriteStr(&w, key) < 0 || _PyUnicodeWriter_WriteChar(&w, '=') < 0)
            goto error;
        vr = PyObject_Repr(value);
        if (vr == NULL)
            goto error;
        if (_PyUnicodeWriter_WriteStr(&w, vr) < 0) {
            Py_DECREF(vr);
            goto error;
        }
        Py_DECREF(vr);
    }
    if (_PyUnicodeWriter_WriteChar(&w, ')') < 0)
        goto error;
    Py_ReprLeave((PyObject *)ns);
    return _PyUnicodeWriter_Finish(&w);
error:
    Py_ReprLeave((PyObject *)ns);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *
namespace_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    namespaceobject *ns = (namespaceobject *)type->tp_alloc(type, 0);
    if (ns == NULL)
        return NULL;
    ns->ns_dict = PyDict_New();
    if (ns->ns_dict == NULL) {
        Py_DECREF(ns);
        return NULL;
    }
    return (PyObject *)ns;
}

static int
namespace_init(namespaceobject *ns, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) != 0) {
        PyErr_SetString(PyExc_TypeError, "no positional arguments expected");
        return -1;
    }
    if (kwds == NULL)
        return 0;
    if (!PyArg_ValidateKeywordArguments(kwds))
        return -1;
    return PyDict_Update(ns->ns_dict, kwds);
}

static PyObject *
namespace_richcompare(PyObject *self, PyObject *other, int op)
{
    if (PyObject_TypeCheck(self, Py_TYPE(self)) && Py_IS_TYPE(other, Py_TYPE(self)) &&
        (op == Py_EQ || op == Py_NE))
        return PyObject_RichCompare(((namespaceobject *)self)->ns_dict,
                                    ((namespaceobject *)other)->ns_dict, op);
    Py_RETURN_NOTIMPLEMENTED;
}

static PyTypeObject NamespaceType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(namespaceobject),
    .tp_dealloc = (destructor)namespace_dealloc,
    .tp_repr = (reprfunc)namespace_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)namespace_traverse,
    .tp_clear = (inquiry)namespace_clear,
    .tp_richcompare = namespace_richcompare,
    .tp_dictoffset = offsetof(namespaceobject, ns_dict),
    .tp_init = (initproc)namespace_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = namespace_tp_new,
    .tp_free = PyObject_GC_Del,
};

/* New namespace object owning a copy of the items of dict d. */
static PyObject *
namespace_new(PyObject *d)
{
    namespaceobject *ns = PyObject_GC_New(namespaceobject, &NamespaceType);
    if (ns == NULL)
        return NULL;
    ns->ns_dict = PyDict_Copy(d);
    if (ns->ns_dict == NULL) {
        ns->ns_dict = NULL;
        Py_DECREF(ns);
        return NULL;
    }
    PyObject_GC_Track(ns);
    return (PyObject *)ns;
}

/* ------------------------------------------------------------------ */
/* functions                                                           */
/* ------------------------------------------------------------------ */

/* PySys_GetObject: BORROWED reference or NULL (no exception set). */
PyObject *
PySys_GetObject(const char *name)
{
    PyObject *d = sys_module_dict;
    PyObject *v;
    PyObject *exc;
    if (d == NULL) {
        PyThreadState *ts = _PyThreadState_GET();
        if (ts == NULL || ts->interp == NULL || ts->interp->sysdict == NULL)
            return NULL;
        d = ts->interp->sysdict;
    }
    exc = PyErr_GetRaisedException();
    v = PyDict_GetItemString(d, name);
    PyErr_SetRaisedException(exc);
    return v;
}

int
PySys_SetObject(const char *name, PyObject *v)
{
    PyObject *d = sys_module_dict;
    if (d == NULL) {
        PyThreadState *ts = _PyThreadState_GET();
        if (ts == NULL || ts->interp == NULL || ts->interp->sysdict == NULL) {
            PyErr_SetString(PyExc_RuntimeError, "no sys module");
            return -1;
        }
        d = ts->interp->sysdict;
    }
    if (v == NULL) {
        PyObject *key = PyUnicode_FromString(name);
        int r;
        if (key == NULL)
            return -1;
        r = PyDict_Contains(d, key);
        if (r > 0)
            r = PyDict_DelItem(d, key);
        Py_DECREF(key);
        return r < 0 ? -1 : 0;
    }
    return PyDict_SetItemString(d, name, v);
}

static void
sys_write_str(const char *stream, FILE *fallback, PyObject *s)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *file = PySys_GetObject(stream);
    int ok = 0;
    if (file != NULL && file != Py_None) {
        int r = _PyIO_WriteStrIfText(file, s);
        if (r == 0) {
            PyObject *res = PyObject_CallMethod(file, "write", "O", s);
            if (res != NULL) {
                Py_DECREF(res);
                ok = 1;
            }
        }
        else
            ok = r > 0;
    }
    if (!ok) {
        const char *u;
        PyErr_Clear();
        u = PyUnicode_AsUTF8(s);
        if (u != NULL)
            fputs(u, fallback);
        PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
}

static void
sys_vwrite(const char *stream, FILE *fallback, const char *format, va_list va)
{
    char buf[1001];
    PyObject *s;
    vsnprintf(buf, sizeof(buf), format, va);
    s = PyUnicode_DecodeUTF8(buf, (Py_ssize_t)strlen(buf), "surrogateescape");
    if (s == NULL) {
        PyErr_Clear();
        fputs(buf, fallback);
        return;
    }
    sys_write_str(stream, fallback, s);
    Py_DECREF(s);
}

void
PySys_WriteStdout(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_vwrite("stdout", stdout, format, va);
    va_end(va);
}

void
PySys_WriteStderr(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_vwrite("stderr", stderr, format, va);
    va_end(va);
}

void
PySys_FormatStderr(const char *format, ...)
{
    va_list va;
    PyObject *s;
    PyObject *exc = PyErr_GetRaisedException();
    va_start(va, format);
    s = PyUnicode_FromFormatV(format, va);
    va_end(va);
    if (s != NULL) {
        sys_write_str("stderr", stderr, s);
        Py_DECREF(s);
    }
    else
        PyErr_Clear();
    PyErr_SetRaisedException(exc);
}

void
_PySys_WriteStderrRaw(const char *s)
{
    PyObject *u = PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "surrogateescape");
    if (u == NULL) {
        PyErr_Clear();
        fputs(s, stderr);
        return;
    }
    sys_write_str("stderr", stderr, u);
    Py_DECREF(u);
}

static PyObject *
sys_getrefcount(PyObject *module, PyObject *o)
{
    return PyLong_FromSsize_t(Py_REFCNT(o));
}

static PyObject *
sys_intern(PyObject *module, PyObject *s)
{
    if (!PyUnicode_Check(s)) {
        PyErr_Format(PyExc_TypeError, "intern() argument must be str, not %.50s",
                     Py_TYPE(s)->tp_name);
        return NULL;
    }
    if (!PyUnicode_CheckExact(s)) {
        PyErr_Format(PyExc_TypeError, "can't intern %.400s", Py_TYPE(s)->tp_name);
        return NULL;
    }
    Py_INCREF(s);
    PyUnicode_InternInPlace(&s);
    return s;
}

static PyObject *
sys_exit(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("exit", nargs, 0, 1))
        return NULL;
    PyErr_SetObject(PyExc_SystemExit, nargs ? args[0] : NULL);
    return NULL;
}

static PyObject *
sys_getrecursionlimit(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(Py_GetRecursionLimit());
}

static int
int_arg(PyObject *o, int *out)
{
    long v;
    if (PyFloat_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    v = PyLong_AsLong(o);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (v > INT_MAX || v < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError,
                        v > INT_MAX ? "signed integer is greater than maximum"
                                    : "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

static PyObject *
sys_setrecursionlimit(PyObject *module, PyObject *arg)
{
    int new_limit, depth;
    PyThreadState *tstate = _PyThreadState_GET();
    if (int_arg(arg, &new_limit) < 0)
        return NULL;
    if (new_limit < 1) {
        PyErr_SetString(PyExc_ValueError, "recursion limit must be greater or equal than 1");
        return NULL;
    }
    depth = tstate->py_recursion_limit - tstate->py_recursion_remaining;
    if (depth >= new_limit) {
        PyErr_Format(PyExc_RecursionError,
                     "cannot set the recursion limit to %i at the recursion depth %i: "
                     "the limit is too low", new_limit, depth);
        return NULL;
    }
    Py_SetRecursionLimit(new_limit);
    Py_RETURN_NONE;
}

static PyObject *
sys_getallocatedblocks(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromSsize_t(_Py_GetAllocatedBlocks());
}

static PyObject *
sys_debugmallocstats(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    _PyIO_FlushStd();
    fflush(stdout);
    _PyObject_DebugMallocStats(stderr);
    fflush(stderr);
    Py_RETURN_NONE;
}

/* type(o).__sizeof__ bound to o: new reference or NULL (no exception if
   simply missing). */
static PyObject *
lookup_special(PyObject *o, PyObject *name)
{
    PyObject *res = _PyType_Lookup(Py_TYPE(o), name);
    descrgetfunc f;
    if (res == NULL)
        return NULL;
    f = Py_TYPE(res)->tp_descr_get;
    if (f == NULL)
        return Py_NewRef(res);
    return f(res, o, (PyObject *)Py_TYPE(o));
}

static Py_ssize_t
get_sizeof(PyObject *o)
{
    PyObject *method, *res;
    Py_ssize_t size;
    if (PyType_Ready(Py_TYPE(o)) < 0)
        return -1;
    method = lookup_special(o, _Py_ID(__sizeof__));
    if (method == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "Type %.100s doesn't define __sizeof__",
                         Py_TYPE(o)->tp_name);
        return -1;
    }
    res = PyObject_CallNoArgs(method);
    Py_DECREF(method);
    if (res == NULL)
        return -1;
    size = PyLong_AsSsize_t(res);
    Py_DECREF(res);
    if (size == -1 && PyErr_Occurred())
        return -1;
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "__sizeof__() should return >= 0");
        return -1;
    }
    if (!Py_IS_TYPE(o, &PyType_Type) ||
        PyType_HasFeature((PyTypeObject *)o, Py_TPFLAGS_HEAPTYPE))
        size += (Py_ssize_t)_PyType_PreHeaderSize(Py_TYPE(o));
    return size;
}

static PyObject *
sys_getsizeof(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"object", "default", NULL};
    PyObject *o, *dflt = NULL;
    Py_ssize_t size;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:getsizeof", kwlist, &o, &dflt))
        return NULL;
    size = get_sizeof(o);
    if (size == -1 && PyErr_Occurred()) {
        if (dflt && PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            return Py_NewRef(dflt);
        }
        return NULL;
    }
    return PyLong_FromSsize_t(size);
}

static PyObject *
sys_getdefaultencoding(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyUnicode_FromString("utf-8");
}

static PyObject *
sys_getfilesystemencoding(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyUnicode_FromString("utf-8");
}

static PyObject *
sys_getfilesystemencodeerrors(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyUnicode_FromString("surrogateescape");
}

static PyObject *
sys_getunicodeinternedsize(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromSsize_t(_PyUnicode_InternedSize());
}

static PyObject *
sys_is_finalizing(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyThreadState *ts = _PyThreadState_GET();
    return PyBool_FromLong(ts && ts->interp && ts->interp->finalizing);
}

static PyObject *
sys_displayhook(PyObject *module, PyObject *o)
{
    PyObject *builtins, *outf, *r;
    PyThreadState *ts = _PyThreadState_GET();

    if (o == Py_None)
        Py_RETURN_NONE;
    builtins = PyImport_GetModuleDict() ? PyDict_GetItemString(PyImport_GetModuleDict(), "builtins") : NULL;
    if (builtins == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "lost builtins module");
        return NULL;
    }
    (void)ts;
    if (PyObject_SetAttrString(builtins, "_", Py_None) < 0)
        return NULL;
    outf = PySys_GetObject("stdout");
    if (outf == NULL || outf == Py_None) {
        PyErr_SetString(PyExc_RuntimeError, "lost sys.stdout");
        return NULL;
    }
    Py_INCREF(outf);
    r = PyObject_Repr(o);
    if (r == NULL)
        goto error;
    {
        int k = _PyIO_WriteStrIfText(outf, r);
        if (k == 0) {
            PyObject *x = PyObject_CallMethod(outf, "write", "O", r);
            k = x ? 1 : -1;
            Py_XDECREF(x);
        }
        Py_DECREF(r);
        if (k < 0)
            goto error;
        r = PyUnicode_FromString("\n");
        if (r == NULL)
            goto error;
        k = _PyIO_WriteStrIfText(outf, r);
        if (k == 0) {
            PyObject *x = PyObject_CallMethod(outf, "write", "O", r);
            k = x ? 1 : -1;
            Py_XDECREF(x);
        }
        Py_DECREF(r);
        if (k < 0)
            goto error;
    }
    Py_DECREF(outf);
    if (PyObject_SetAttrString(builtins, "_", o) < 0)
        return NULL;
    Py_RETURN_NONE;
error:
    Py_DECREF(outf);
    return NULL;
}

static PyObject *
sys_excepthook(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("excepthook", nargs, 3, 3))
        return NULL;
    PyErr_Display(args[0], args[1], args[2]);
    Py_RETURN_NONE;
}

static PyObject *
sys_exc_info(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *exc = PyErr_GetHandledException();
    PyObject *tb, *r;
    if (exc == NULL || exc == Py_None) {
        Py_XDECREF(exc);
        return PyTuple_Pack(3, Py_None, Py_None, Py_None);
    }
    tb = PyException_GetTraceback(exc);
    r = PyTuple_Pack(3, (PyObject *)Py_TYPE(exc), exc, tb ? tb : Py_None);
    Py_XDECREF(tb);
    Py_DECREF(exc);
    return r;
}

static PyObject *
sys_exception(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *exc = PyErr_GetHandledException();
    if (exc == NULL)
        Py_RETURN_NONE;
    return exc;
}

static int
depth_arg(PyObject *const *args, Py_ssize_t nargs, const char *name, int *depth)
{
    *depth = 0;
    if (!_PyArg_CheckPositional(name, nargs, 0, 1))
        return -1;
    if (nargs == 1 && int_arg(args[0], depth) < 0)
        return -1;
    return 0;
}

static PyObject *
sys_getframe(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    int depth;
    PyThreadState *ts = _PyThreadState_GET();
    if (depth_arg(args, nargs, "_getframe", &depth) < 0)
        return NULL;
    return (PyObject *)_PyThreadState_GetFrameAtDepth(ts, depth);
}

static PyObject *
sys_getframemodulename(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                       PyObject *kwnames)
{
    static const char *const kwlist[] = {"depth", NULL};
    PyObject *argv[1];
    int depth = 0;
    PyThreadState *ts = _PyThreadState_GET();
    _PyInterpreterFrame *f;
    PyObject *r;
    if (!_PyArg_ParseFast("_getframemodulename", args, nargs, kwnames, kwlist, 0, 0, 1, 0, argv))
        return NULL;
    if (argv[0] && int_arg(argv[0], &depth) < 0)
        return NULL;
    f = _PyFrame_GetFirstComplete(ts->current_frame);
    while (f != NULL && depth > 0) {
        f = _PyFrame_GetFirstComplete(f->previous);
        --depth;
    }
    if (f == NULL || f->f_funcobj == NULL || !PyFunction_Check(f->f_funcobj))
        Py_RETURN_NONE;
    r = ((PyFunctionObject *)f->f_funcobj)->func_module;
    return Py_NewRef(r ? r : Py_None);
}

static PyObject *
sys_get_int_max_str_digits(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(_Py_int_max_str_digits);
}

static PyObject *
sys_set_int_max_str_digits(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                           PyObject *kwnames)
{
    static const char *const kwlist[] = {"maxdigits", NULL};
    PyObject *argv[1];
    int maxdigits;
    if (!_PyArg_ParseFast("set_int_max_str_digits", args, nargs, kwnames, kwlist, 0, 1, 1, 0, argv))
        return NULL;
    if (int_arg(argv[0], &maxdigits) < 0)
        return NULL;
    if (maxdigits != 0 && maxdigits < 640) {
        PyErr_Format(PyExc_ValueError, "maxdigits must be 0 or larger than %d", 640);
        return NULL;
    }
    /* sys.flags.int_max_str_digits keeps the startup value, as in CPython */
    _Py_int_max_str_digits = maxdigits;
    Py_RETURN_NONE;
}

static double switch_interval = 0.005;

static PyObject *
sys_getswitchinterval(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyFloat_FromDouble(switch_interval);
}

static PyObject *
sys_setswitchinterval(PyObject *module, PyObject *arg)
{
    double d = PyFloat_AsDouble(arg);
    if (d == -1.0 && PyErr_Occurred())
        return NULL;
    if (d <= 0.0) {
        PyErr_SetString(PyExc_ValueError, "switch interval must be strictly positive");
        return NULL;
    }
    switch_interval = d;
    Py_RETURN_NONE;
}

/* Tracing and profiling are not implemented: the hooks are remembered
   (so gettrace() returns what settrace() set) but never called. */
static PyObject *trace_func, *profile_func;

static PyObject *
sys_settrace(PyObject *module, PyObject *arg)
{
    Py_XSETREF(trace_func, arg == Py_None ? NULL : Py_NewRef(arg));
    Py_RETURN_NONE;
}

static PyObject *
sys_gettrace(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(trace_func ? trace_func : Py_None);
}

static PyObject *
sys_setprofile(PyObject *module, PyObject *arg)
{
    Py_XSETREF(profile_func, arg == Py_None ? NULL : Py_NewRef(arg));
    Py_RETURN_NONE;
}

static PyObject *
sys_getprofile(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(profile_func ? profile_func : Py_None);
}

static PyObject *
sys_audit(PyObject *module, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError, "audit() missing 1 required positional argument: 'event'");
        return NULL;
    }
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "expected str for argument 'event', not %.200s",
                     Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
sys_addaudithook(PyObject *module, PyObject *arg)
{
    Py_RETURN_NONE;
}

static PyObject *
sys_call_tracing(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("call_tracing", nargs, 2, 2))
        return NULL;
    if (!PyTuple_Check(args[1])) {
        PyErr_Format(PyExc_TypeError, "call_tracing() argument 2 must be tuple, not %.50s",
                     Py_TYPE(args[1])->tp_name);
        return NULL;
    }
    return PyObject_Call(args[0], args[1], NULL);
}

static PyObject *
sys_clear_type_cache(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_NONE;
}

static PyObject *
sys_unraisablehook(PyObject *module, PyObject *arg)
{
    /* The unraisable machinery (errors.c) prints by itself; this hook is
       only reached when called explicitly. */
    PyObject *exc = PyObject_GetAttrString(arg, "exc_value");
    PyObject *obj;
    if (exc == NULL)
        return NULL;
    obj = PyObject_GetAttrString(arg, "object");
    if (obj == NULL) {
        Py_DECREF(exc);
        return NULL;
    }
    if (exc != Py_None) {
        PyErr_SetRaisedException(Py_NewRef(exc));
        PyErr_WriteUnraisable(obj == Py_None ? NULL : obj);
    }
    Py_DECREF(exc);
    Py_DECREF(obj);
    Py_RETURN_NONE;
}

static PyObject *
sys_breakpointhook(PyObject *module, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyErr_SetString(PyExc_RuntimeError, "breakpoint() is not supported by refpy");
    return NULL;
}

static PyMethodDef sys_methods[] = {
    {"getrefcount", (PyCFunction)sys_getrefcount, METH_O, NULL},
    {"intern", (PyCFunction)sys_intern, METH_O, NULL},
    {"exit", _PyCFunction_CAST(sys_exit), METH_FASTCALL, NULL},
    {"getrecursionlimit", (PyCFunction)sys_getrecursionlimit, METH_NOARGS, NULL},
    {"setrecursionlimit", (PyCFunction)sys_setrecursionlimit, METH_O, NULL},
    {"getallocatedblocks", (PyCFunction)sys_getallocatedblocks, METH_NOARGS, NULL},
    {"_debugmallocstats", (PyCFunction)sys_debugmallocstats, METH_NOARGS, NULL},
    {"getsizeof", _PyCFunction_CAST(sys_getsizeof), METH_VARARGS | METH_KEYWORDS, NULL},
    {"getdefaultencoding", (PyCFunction)sys_getdefaultencoding, METH_NOARGS, NULL},
    {"getfilesystemencoding", (PyCFunction)sys_getfilesystemencoding, METH_NOARGS, NULL},
    {"getfilesystemencodeerrors", (PyCFunction)sys_getfilesystemencodeerrors, METH_NOARGS, NULL},
    {"getunicodeinternedsize", (PyCFunction)sys_getunicodeinternedsize, METH_NOARGS, NULL},
    {"is_finalizing", (PyCFunction)sys_is_finalizing, METH_NOARGS, NULL},
    {"displayhook", (PyCFunction)sys_displayhook, METH_O, NULL},
    {"excepthook", _PyCFunction_CAST(sys_excepthook), METH_FASTCALL, NULL},
    {"exc_info", (PyCFunction)sys_exc_info, METH_NOARGS, NULL},
    {"exception", (PyCFunction)sys_exception, METH_NOARGS, NULL},
    {"_getframe", _PyCFunction_CAST(sys_getframe), METH_FASTCALL, NULL},
    {"_getframemodulename", _PyCFunction_CAST(sys_getframemodulename), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"get_int_max_str_digits", (PyCFunction)sys_get_int_max_str_digits, METH_NOARGS, NULL},
    {"set_int_max_str_digits", _PyCFunction_CAST(sys_set_int_max_str_digits), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"getswitchinterval", (PyCFunction)sys_getswitchinterval, METH_NOARGS, NULL},
    {"setswitchinterval", (PyCFunction)sys_setswitchinterval, METH_O, NULL},
    {"settrace", (PyCFunction)sys_settrace, METH_O, NULL},
    {"gettrace", (PyCFunction)sys_gettrace, METH_NOARGS, NULL},
    {"setprofile", (PyCFunction)sys_setprofile, METH_O, NULL},
    {"getprofile", (PyCFunction)sys_getprofile, METH_NOARGS, NULL},
    {"audit", _PyCFunction_CAST(sys_audit), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"addaudithook", (PyCFunction)sys_addaudithook, METH_O, NULL},
    {"call_tracing", _PyCFunction_CAST(sys_call_tracing), METH_FASTCALL, NULL},
    {"_clear_type_cache", (PyCFunction)sys_clear_type_cache, METH_NOARGS, NULL},
    {"unraisablehook", (PyCFunction)sys_unraisablehook, METH_O, NULL},
    {"breakpointhook", _PyCFunction_CAST(sys_breakpointhook), METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

/* ------------------------------------------------------------------ */
/* module creation                                                     */
/* ------------------------------------------------------------------ */

static int
set_steal(PyObject *d, const char *name, PyObject *v)
{
    int r;
    if (v == NULL)
        return -1;
    r = PyDict_SetItemString(d, name, v);
    Py_DECREF(v);
    return r;
}

static PyObject *
make_version_info(void)
{
    PyObject *items[5];
    items[0] = PyLong_FromLong(PY_MAJOR_VERSION);
    items[1] = PyLong_FromLong(PY_MINOR_VERSION);
    items[2] = PyLong_FromLong(PY_MICRO_VERSION);
    items[3] = PyUnicode_FromString("final");
    items[4] = PyLong_FromLong(0);
    return structseq_new(&VersionInfoType, items, 5);
}

static PyObject *
make_float_info(void)
{
    PyObject *items[11];
    items[0] = PyFloat_FromDouble(DBL_MAX);
    items[1] = PyLong_FromLong(DBL_MAX_EXP);
    items[2] = PyLong_FromLong(DBL_MAX_10_EXP);
    items[3] = PyFloat_FromDouble(DBL_MIN);
    items[4] = PyLong_FromLong(DBL_MIN_EXP);
    items[5] = PyLong_FromLong(DBL_MIN_10_EXP);
    items[6] = PyLong_FromLong(DBL_DIG);
    items[7] = PyLong_FromLong(DBL_MANT_DIG);
    items[8] = PyFloat_FromDouble(DBL_EPSILON);
    items[9] = PyLong_FromLong(FLT_RADIX);
    items[10] = PyLong_FromLong(FLT_ROUNDS);
    return structseq_new(&FloatInfoType, items, 11);
}

static PyObject *
make_int_info(void)
{
    PyObject *items[4];
    items[0] = PyLong_FromLong(PyLong_SHIFT);
    items[1] = PyLong_FromLong((long)sizeof(digit));
    items[2] = PyLong_FromLong(4300);
    items[3] = PyLong_FromLong(640);
    return structseq_new(&IntInfoType, items, 4);
}

static PyObject *
make_hash_info(void)
{
    PyObject *items[9];
    items[0] = PyLong_FromLong(64);
    items[1] = PyLong_FromSsize_t((Py_ssize_t)_PyHASH_MODULUS);
    items[2] = PyLong_FromLong(_PyHASH_INF);
    items[3] = PyLong_FromLong(0);
    items[4] = PyLong_FromLong((long)_PyHASH_IMAG);
    items[5] = PyUnicode_FromString("siphash13");
    items[6] = PyLong_FromLong(64);
    items[7] = PyLong_FromLong(128);
    items[8] = PyLong_FromLong(0);
    return structseq_new(&HashInfoType, items, 9);
}

static PyObject *
make_thread_info(void)
{
    PyObject *items[3];
    char buf[64];
    size_t n = 0;
#ifdef _CS_GNU_LIBPTHREAD_VERSION
    n = confstr(_CS_GNU_LIBPTHREAD_VERSION, buf, sizeof(buf));
#endif
    items[0] = PyUnicode_FromString("pthread");
    items[1] = PyUnicode_FromString("semaphore");
    if (n > 1 && n <= sizeof(buf))
        items[2] = PyUnicode_FromString(buf);
    else
        items[2] = Py_NewRef(Py_None);
    return structseq_new(&ThreadInfoType, items, 3);
}

static PyObject *
make_implementation(PyObject *version_info)
{
    PyObject *d = PyDict_New(), *ns;
    if (d == NULL)
        return NULL;
    if (set_steal(d, "name", PyUnicode_FromString("refpy")) < 0 ||
        PyDict_SetItemString(d, "cache_tag", Py_None) < 0 ||
        PyDict_SetItemString(d, "version", version_info) < 0 ||
        set_steal(d, "hexversion", PyLong_FromLong(PY_VERSION_HEX)) < 0 ||
        set_steal(d, "_multiarch", PyUnicode_FromString("x86_64-linux-gnu")) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    ns = namespace_new(d);
    Py_DECREF(d);
    return ns;
}

static PyObject *
executable_path(void)
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
    if (n <= 0)
        return PyUnicode_FromString("");
    buf[n] = 0;
    return PyUnicode_DecodeUTF8(buf, n, "surrogateescape");
}

/* prefix: the directory above the one holding the executable. */
static PyObject *
prefix_from(PyObject *exe)
{
    const char *s = PyUnicode_AsUTF8(exe);
    const char *slash;
    const char *end;
    if (s == NULL)
        return NULL;
    slash = strrchr(s, '/');
    if (slash == NULL)
        return PyUnicode_FromString("");
    end = slash;
    while (end > s && end[-1] != '/')
        end--;
    if (end > s)
        end--;
    return PyUnicode_FromStringAndSize(s, end > s ? end - s : 1);
}

int
_PySys_SetArgv(int argc, char **argv)
{
    PyObject *list = PyList_New(0);
    int i;
    if (list == NULL)
        return -1;
    if (argc <= 0) {
        if (PyList_Append(list, _PyUnicode_GetEmpty()) < 0)
            goto error;
    }
    for (i = 0; i < argc; i++) {
        PyObject *s = PyUnicode_DecodeUTF8(argv[i], (Py_ssize_t)strlen(argv[i]), "surrogateescape");
        if (s == NULL)
            goto error;
        if (PyList_Append(list, s) < 0) {
            Py_DECREF(s);
            goto error;
        }
        Py_DECREF(s);
    }
    if (PySys_SetObject("argv", list) < 0)
        goto error;
    Py_DECREF(list);
    return 0;
error:
    Py_DECREF(list);
    return -1;
}

int
_PySys_SetOrigArgv(int argc, char **argv)
{
    PyObject *list = PyList_New(0);
    int i;
    if (list == NULL)
        return -1;
    for (i = 0; i < argc; i++) {
        PyObject *s = PyUnicode_DecodeUTF8(argv[i], (Py_ssize_t)strlen(argv[i]), "surrogateescape");
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(list);
            return -1;
        }
        Py_DECREF(s);
    }
    i = PySys_SetObject("orig_argv", list);
    Py_DECREF(list);
    return i;
}

static int
sys_init_types(void)
{
    if (structseq_init_type(&VersionInfoType, &version_info_desc) < 0 ||
        structseq_init_type(&FlagsType, &flags_desc) < 0 ||
        structseq_init_type(&FloatInfoType, &float_info_desc) < 0 ||
        structseq_init_type(&IntInfoType, &int_info_desc) < 0 ||
        structseq_init_type(&HashInfoType, &hash_info_desc) < 0 ||
        structseq_init_type(&ThreadInfoType, &thread_info_desc) < 0)
        return -1;
    if (!(NamespaceType.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&NamespaceType) < 0)
        return -1;
    return _PyIO_InitTypes();
}

static PyModuleDef sys_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "sys",
    .m_size = -1,
    .m_methods = sys_methods,
};

PyObject *
_PySys_Create(void)
{
    PyObject *mod, *d, *v, *exe, *prefix, *vi;
    PyThreadState *ts = _PyThreadState_GET();
    const char *e;

    if (sys_init_types() < 0)
        return NULL;
    mod = PyModule_Create(&sys_def);
    if (mod == NULL)
        return NULL;
    d = PyModule_GetDict(mod);
    sys_module_dict = d;
    if (ts != NULL && ts->interp != NULL && ts->interp->sysdict == NULL)
        ts->interp->sysdict = Py_NewRef(d);

    /* flags from the environment (the command line adjusts them later) */
    e = getenv("PYTHONDONTWRITEBYTECODE");
    flag_values[4] = (e != NULL && *e) ? 1 : 0;
    e = getenv("PYTHONHASHSEED");
    flag_values[11] = (e != NULL && strcmp(e, "0") == 0) ? 0 : 1;
    if (_Py_int_max_str_digits < 0)
        _Py_int_max_str_digits = 4300;
    flag_values[17] = _Py_int_max_str_digits;

    /* standard streams */
    {
        static const char *const names[3][2] = {
            {"stdin", "__stdin__"}, {"stdout", "__stdout__"}, {"stderr", "__stderr__"}};
        int i;
        for (i = 0; i < 3; i++) {
            v = _PyIO_NewStdStream(i, i);
            if (v == NULL)
                goto error;
            if (PyDict_SetItemString(d, names[i][0], v) < 0 ||
                PyDict_SetItemString(d, names[i][1], v) < 0) {
                Py_DECREF(v);
                goto error;
            }
            Py_DECREF(v);
        }
    }
    /* hooks, and their originals */
    v = PyDict_GetItemString(d, "displayhook");
    if (v == NULL || PyDict_SetItemString(d, "__displayhook__", v) < 0)
        goto error;
    v = PyDict_GetItemString(d, "excepthook");
    if (v == NULL || PyDict_SetItemString(d, "__excepthook__", v) < 0)
        goto error;
    v = PyDict_GetItemString(d, "unraisablehook");
    if (v == NULL || PyDict_SetItemString(d, "__unraisablehook__", v) < 0)
        goto error;
    v = PyDict_GetItemString(d, "breakpointhook");
    if (v == NULL || PyDict_SetItemString(d, "__breakpointhook__", v) < 0)
        goto error;

    vi = make_version_info();
    if (vi == NULL)
        goto error;
    if (PyDict_SetItemString(d, "version_info", vi) < 0) {
        Py_DECREF(vi);
        goto error;
    }
    if (set_steal(d, "implementation", make_implementation(vi)) < 0) {
        Py_DECREF(vi);
        goto error;
    }
    Py_DECREF(vi);
    if (set_steal(d, "version", PyUnicode_FromString(
            PY_VERSION " (refpy " REFPY_VERSION ") [GCC " __VERSION__ "]")) < 0 ||
        set_steal(d, "hexversion", PyLong_FromLong(PY_VERSION_HEX)) < 0 ||
        set_steal(d, "api_version", PyLong_FromLong(PYTHON_API_VERSION)) < 0 ||
        set_steal(d, "copyright", PyUnicode_FromString(
            "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\n"
            "refpy: a compact re-implementation of Python 3.12.")) < 0 ||
        set_steal(d, "platform", PyUnicode_FromString("linux")) < 0 ||
        set_steal(d, "byteorder", PyUnicode_FromString("little")) < 0 ||
        set_steal(d, "maxsize", PyLong_FromSsize_t(PY_SSIZE_T_MAX)) < 0 ||
        set_steal(d, "maxunicode", PyLong_FromLong(0x10FFFF)) < 0 ||
        set_steal(d, "float_repr_style", PyUnicode_FromString("short")) < 0 ||
        set_steal(d, "abiflags", PyUnicode_FromString("")) < 0 ||
        set_steal(d, "platlibdir", PyUnicode_FromString("lib")) < 0 ||
        PyDict_SetItemString(d, "pycache_prefix", Py_None) < 0 ||
        set_steal(d, "flags", make_flags()) < 0 ||
        set_steal(d, "float_info", make_float_info()) < 0 ||
        set_steal(d, "int_info", make_int_info()) < 0 ||
        set_steal(d, "hash_info", make_hash_info()) < 0 ||
        set_steal(d, "thread_info", make_thread_info()) < 0 ||
        PyDict_SetItemString(d, "dont_write_bytecode", flag_values[4] ? Py_True : Py_False) < 0 ||
        set_steal(d, "warnoptions", PyList_New(0)) < 0 ||
        set_steal(d, "_xoptions", PyDict_New()) < 0 ||
        set_steal(d, "meta_path", PyList_New(0)) < 0 ||
        set_steal(d, "path_hooks", PyList_New(0)) < 0 ||
        set_steal(d, "path_importer_cache", PyDict_New()) < 0 ||
        set_steal(d, "argv", PyList_New(0)) < 0 ||
        set_steal(d, "orig_argv", PyList_New(0)) < 0 ||
        set_steal(d, "builtin_module_names",
                  Py_BuildValue("(sssss)", "builtins", "dis", "math", "sys", "time")) < 0 ||
        set_steal(d, "_git", Py_BuildValue("(sss)", "refpy", "", "")) < 0 ||
        set_steal(d, "_framework", PyUnicode_FromString("")) < 0)
        goto error;

    exe = executable_path();
    if (exe == NULL)
        goto error;
    prefix = prefix_from(exe);
    if (prefix == NULL) {
        Py_DECREF(exe);
        goto error;
    }
    if (PyDict_SetItemString(d, "executable", exe) < 0 ||
        PyDict_SetItemString(d, "_base_executable", exe) < 0 ||
        PyDict_SetItemString(d, "prefix", prefix) < 0 ||
        PyDict_SetItemString(d, "base_prefix", prefix) < 0 ||
        PyDict_SetItemString(d, "exec_prefix", prefix) < 0 ||
        PyDict_SetItemString(d, "base_exec_prefix", prefix) < 0) {
        Py_DECREF(exe);
        Py_DECREF(prefix);
        goto error;
    }
    Py_DECREF(exe);
    Py_DECREF(prefix);
    return mod;

error:
    sys_module_dict = NULL;
    Py_DECREF(mod);
    return NULL;
}
