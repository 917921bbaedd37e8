/* warnings.c -- issuing warnings from C (CPython's _warnings core).
 *
 * A warning is matched against the filters (first match wins; CPython
 * 3.12's defaults: DeprecationWarning shown when triggered from __main__,
 * ignored elsewhere; PendingDeprecationWarning, ImportWarning and
 * ResourceWarning ignored; everything else "default").  "default" shows a
 * warning once per (text, category, line) and module: the module's
 * __warningregistry__ dict remembers what was shown, keyed by that triple,
 * with a 'version' entry that invalidates it when the filters change.
 * Shown warnings look like
 *
 *     f.py:3: DeprecationWarning: msg
 *       source line
 *
 * on sys.stderr.  If a Python-level `warnings` module has been imported,
 * its _showwarnmsg() does the showing, as in CPython.  -W options add
 * filters in front (action and category only).
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_state.h"
#include "rp_frame.h"

typedef enum { ACT_DEFAULT, ACT_ERROR, ACT_IGNORE, ACT_ALWAYS, ACT_MODULE, ACT_ONCE } warn_action;

typedef struct {
    warn_action action;
    PyObject **category;        /* &PyExc_X (the pointers are set at start-up) */
    const char *module;         /* exact module name, or NULL for any */
} warn_filter;

#define MAX_FILTERS 32
static warn_filter filters[MAX_FILTERS] = {
    {ACT_DEFAULT, &PyExc_DeprecationWarning, "__main__"},
    {ACT_IGNORE, &PyExc_DeprecationWarning, NULL},
    {ACT_IGNORE, &PyExc_PendingDeprecationWarning, NULL},
    {ACT_IGNORE, &PyExc_ImportWarning, NULL},
    {ACT_IGNORE, &PyExc_ResourceWarning, NULL},
};
static int nfilters = 5;
static long filters_version = 0;
static PyObject *once_registry;     /* for the "once" action */

int
_PyWarnings_AddOption(const char *option)
{
    static const struct { const char *name; warn_action a; } actions[] = {
        {"default", ACT_DEFAULT}, {"error", ACT_ERROR}, {"ignore", ACT_IGNORE},
        {"always", ACT_ALWAYS}, {"module", ACT_MODULE}, {"once", ACT_ONCE},
    };
    static const struct { const char *name; PyObject **cat; } cats[] = {
        {"Warning", &PyExc_Warning}, {"UserWarning", &PyExc_UserWarning},
        {"DeprecationWarning", &PyExc_DeprecationWarning},
        {"PendingDeprecationWarning", &PyExc_PendingDeprecationWarning},
        {"SyntaxWarning", &PyExc_SyntaxWarning}, {"RuntimeWarning", &PyExc_RuntimeWarning},
        {"FutureWarning", &PyExc_FutureWarning}, {"ImportWarning", &PyExc_ImportWarning},
        {"UnicodeWarning", &PyExc_UnicodeWarning}, {"BytesWarning", &PyExc_BytesWarning},
        {"ResourceWarning", &PyExc_ResourceWarning}, {"EncodingWarning", &PyExc_EncodingWarning},
    };
    char act[32];
    size_t len = strcspn(option, ":");
    if (len >= sizeof(act)) return -1;
    memcpy(act, option, len);
    act[len] = '\0';
    warn_filter f = {ACT_DEFAULT, &PyExc_Warning, NULL};
    int found = 0;
    for (size_t i = 0; i < Py_ARRAY_LENGTH(actions); i++) {
        /* CPython accepts unambiguous prefixes of the action name */
        if (len > 0 && strncmp(actions[i].name, act, len) == 0) {
            f.action = actions[i].a;
            found = 1;
            break;
        }
    }
    if (len == 0) found = 1;
    if (!found) return -1;
    /* category is the third field */
    const char *p = option + len;
    if (*p == ':') {
        p = strchr(p + 1, ':');
        if (p != NULL) {
            p++;
            size_t clen = strcspn(p, ":");
            for (size_t i = 0; i < Py_ARRAY_LENGTH(cats); i++)
                if (clen > 0 && strlen(cats[i].name) == clen && strncmp(cats[i].name, p, clen) == 0)
                    f.category = cats[i].cat;
        }
    }
    if (nfilters == MAX_FILTERS) return 0;
    memmove(&filters[1], &filters[0], (size_t)nfilters * sizeof(warn_filter));
    filters[0] = f;
    nfilters++;
    filters_version++;
    return 0;
}

/* "spam.py" -> "spam"; "" -> "<unknown>". New reference. */
static PyObject *
normalize_module(PyObject *filename)
{
    Py_ssize_t len = PyUnicode_GetLength(filename);
    if (len < 0) return NULL;
    if (len == 0) return PyUnicode_FromString("<unknown>");
    if (len >= 3 && PyUnicode_READ_CHAR(filename, len - 3) == '.' &&
        PyUnicode_READ_CHAR(filename, len - 2) == 'p' && PyUnicode_READ_CHAR(filename, len - 1) == 'y')
        return PyUnicode_Substring(filename, 0, len - 3);
    return Py_NewRef(filename);
}

static warn_action
get_action(PyObject *category, PyObject *module)
{
    for (int i = 0; i < nfilters; i++) {
        warn_filter *f = &filters[i];
        PyObject *cat = *f->category;
        if (cat == NULL || !PyType_IsSubtype((PyTypeObject *)category, (PyTypeObject *)cat))
            continue;
        if (f->module != NULL &&
            !(PyUnicode_Check(module) && _PyUnicode_EqualToASCIIString(module, f->module)))
            continue;
        return f->action;
    }
    return ACT_DEFAULT;
}

/* 1 if key is already in the registry (after checking its version), 0 if
   not (then set when should_set), -1 on error. */
static int
already_warned(PyObject *registry, PyObject *key, int should_set)
{
    PyObject *version_obj = PyDict_GetItemWithError(registry, _Py_ID(version));
    if (version_obj == NULL || !PyLong_CheckExact(version_obj) ||
        PyLong_AsLong(version_obj) != filters_version) {
        if (PyErr_Occurred()) return -1;
        PyDict_Clear(registry);
        version_obj = PyLong_FromLong(filters_version);
        if (version_obj == NULL) return -1;
        int r = PyDict_SetItem(registry, _Py_ID(version), version_obj);
        Py_DECREF(version_obj);
        if (r < 0) return -1;
    }
    else {
        PyObject *warned = PyDict_GetItemWithError(registry, key);
        if (warned != NULL) {
            int rc = PyObject_IsTrue(warned);
            if (rc != 0) return rc;
        }
        else if (PyErr_Occurred()) {
            return -1;
        }
    }
    if (should_set) return PyDict_SetItem(registry, key, Py_True);
    return 0;
}

static int
update_registry(PyObject *registry, PyObject *text, PyObject *category, int add_zero)
{
    PyObject *altkey = add_zero ? PyTuple_Pack(3, text, category, _PyLong_GetZero())
                                : PyTuple_Pack(2, text, category);
    if (altkey == NULL) return -1;
    int rc = already_warned(registry, altkey, 1);
    Py_DECREF(altkey);
    return rc;
}

/* "filename:lineno: Category: text\n" and the source line. */
static void
show_warning(PyObject *filename, int lineno, PyObject *text, PyObject *category,
             PyObject *sourceline)
{
    char lineno_str[64];
    snprintf(lineno_str, sizeof(lineno_str), ":%d: ", lineno);
    PyObject *name = PyObject_GetAttr(category, _Py_ID(__name__));
    PyObject *f = PySys_GetObject("stderr");
    if (name == NULL) goto error;
    if (f == NULL) {
        fprintf(stderr, "lost sys.stderr\n");
        goto error;
    }
    Py_INCREF(f);
    if (_PyErr_WriteObject(filename, f, Py_PRINT_RAW) < 0 ||
        _PyErr_WriteString(lineno_str, f) < 0 ||
        _PyErr_WriteObject(name, f, Py_PRINT_RAW) < 0 ||
        _PyErr_WriteString(": ", f) < 0 ||
        _PyErr_WriteObject(text, f, Py_PRINT_RAW) < 0 ||
        _PyErr_WriteString("\n", f) < 0) {
        Py_DECREF(f);
        goto error;
    }
    if (sourceline != NULL) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(sourceline), i;
        for (i = 0; i < len; i++) {
            Py_UCS4 ch = PyUnicode_READ_CHAR(sourceline, i);
            if (ch != ' ' && ch != '\t' && ch != '\014') break;
        }
        PyObject *truncated = PyUnicode_Substring(sourceline, i, len);
        if (truncated != NULL) {
            if (_PyErr_WriteString("  ", f) == 0) (void)_PyErr_WriteObject(truncated, f, Py_PRINT_RAW);
            Py_DECREF(truncated);
            (void)_PyErr_WriteString("\n", f);
        }
    }
    else {
        (void)_Py_DisplaySourceLine(f, filename, lineno, 2);
    }
    Py_DECREF(f);
error:
    Py_XDECREF(name);
    PyErr_Clear();
}

/* Show through warnings._showwarnmsg if the Python module is loaded. */
static int
call_show_warning(PyObject *category, PyObject *text, PyObject *message, PyObject *filename,
                  int lineno, PyObject *lineno_obj, PyObject *sourceline)
{
    PyObject *modules = PyImport_GetModuleDict();
    PyObject *warnings = modules ? PyDict_GetItemString(modules, "warnings") : NULL;
    PyObject *show_fn = NULL, *msg_cls = NULL, *msg = NULL, *res = NULL;
    if (warnings == NULL || warnings == Py_None) goto show_c;
    Py_INCREF(warnings);
    show_fn = PyObject_GetAttrString(warnings, "_showwarnmsg");
    msg_cls = show_fn ? PyObject_GetAttrString(warnings, "WarningMessage") : NULL;
    Py_DECREF(warnings);
    if (show_fn == NULL || msg_cls == NULL) {
        PyErr_Clear();
        Py_XDECREF(show_fn);
        Py_XDECREF(msg_cls);
        goto show_c;
    }
    if (!PyCallable_Check(show_fn)) {
        PyErr_SetString(PyExc_TypeError, "warnings._showwarnmsg() must be set to a callable");
        goto error;
    }
    msg = PyObject_CallFunctionObjArgs(msg_cls, message, category, filename, lineno_obj,
                                       Py_None, Py_None, NULL);
    if (msg == NULL) goto error;
    res = PyObject_CallOneArg(show_fn, msg);
    Py_DECREF(show_fn);
    Py_DECREF(msg_cls);
    Py_DECREF(msg);
    if (res == NULL) return -1;
    Py_DECREF(res);
    return 0;
error:
    Py_XDECREF(show_fn);
    Py_XDECREF(msg_cls);
    Py_XDECREF(msg);
    return -1;
show_c:
    show_warning(filename, lineno, text, category, sourceline);
    return 0;
}

static int warn_explicit_python(PyObject *category, PyObject *message, PyObject *filename,
                                int lineno, PyObject *module, PyObject *registry);

/* 0, or -1 with an exception (including "error" filters). */
static int
warn_explicit(PyObject *category, PyObject *message, PyObject *filename, int lineno,
              PyObject *module, PyObject *registry, PyObject *sourceline)
{
    PyObject *key = NULL, *text = NULL, *lineno_obj = NULL;
    int result = -1, rc;

    if (module == Py_None) return 0;    /* late in shutdown: nothing sensible to do */
    if ((rc = warn_explicit_python(category, message, filename, lineno, module, registry)) != 1)
        return rc;                      /* the Python warnings module decided */
    if (registry != NULL && registry != Py_None && !PyDict_Check(registry)) {
        PyErr_SetString(PyExc_TypeError, "'registry' must be a dict or None");
        return -1;
    }
    if (module == NULL) {
        module = normalize_module(filename);
        if (module == NULL) return -1;
    }
    else {
        Py_INCREF(module);
    }
    Py_INCREF(message);
    rc = PyObject_IsInstance(message, PyExc_Warning);
    if (rc < 0) goto cleanup;
    if (rc == 1) {
        text = PyObject_Str(message);
        if (text == NULL) goto cleanup;
        category = (PyObject *)Py_TYPE(message);
    }
    else {
        text = message;
        message = PyObject_CallOneArg(category, message);
        if (message == NULL) goto cleanup;
    }
    lineno_obj = PyLong_FromLong(lineno);
    if (lineno_obj == NULL) goto cleanup;
    key = PyTuple_Pack(3, text, category, lineno_obj);
    if (key == NULL) goto cleanup;

    if (registry != NULL && registry != Py_None) {
        rc = already_warned(registry, key, 0);
        if (rc < 0) goto cleanup;
        if (rc == 1) goto done;
    }

    warn_action action = get_action(category, module);
    if (action == ACT_ERROR) {
        PyErr_SetObject(category, message);
        goto cleanup;
    }
    if (action == ACT_IGNORE) goto done;

    rc = 0;
    if (action != ACT_ALWAYS) {
        if (registry != NULL && registry != Py_None && PyDict_SetItem(registry, key, Py_True) < 0)
            goto cleanup;
        if (action == ACT_ONCE) {
            if (registry == NULL || registry == Py_None) {
                if (once_registry == NULL && (once_registry = PyDict_New()) == NULL) goto cleanup;
                registry = once_registry;
            }
            rc = update_registry(registry, text, category, 0);
        }
        else if (action == ACT_MODULE) {
            if (registry != NULL && registry != Py_None)
                rc = update_registry(registry, text, category, 0);
        }
    }
    if (rc < 0) goto cleanup;
    if (rc == 0 && call_show_warning(category, text, message, filename, lineno, lineno_obj,
                                     sourceline) < 0)
        goto cleanup;
done:
    result = 0;
cleanup:
    Py_XDECREF(key);
    Py_XDECREF(text);
    Py_XDECREF(lineno_obj);
    Py_DECREF(module);
    Py_XDECREF(message);
    return result;
}

/* Filename, line, module (new refs) and registry (new ref) of the frame
   stack_level levels up from the caller; 0 / -1. */
static int
setup_context(Py_ssize_t stack_level, PyObject **filename, int *lineno, PyObject **module,
              PyObject **registry)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *f = tstate->current_frame;
    while (f != NULL && (f->owner == FRAME_OWNED_BY_CSTACK || _PyFrame_IsIncomplete(f)))
        f = f->previous;
    while (--stack_level > 0 && f != NULL) {
        do {
            f = f->previous;
        } while (f != NULL && (f->owner == FRAME_OWNED_BY_CSTACK || _PyFrame_IsIncomplete(f)));
    }
    PyObject *globals;
    *filename = *module = *registry = NULL;
    if (f == NULL) {
        globals = tstate->interp->sysdict;
        *filename = PyUnicode_FromString("sys");
        *lineno = 1;
    }
    else {
        globals = f->f_globals;
        *filename = Py_NewRef(f->f_code->co_filename);
        *lineno = _PyInterpreterFrame_GetLine(f);
    }
    if (*filename == NULL || globals == NULL || !PyDict_Check(globals)) goto error;

    *registry = PyDict_GetItemWithError(globals, _Py_ID(__warningregistry__));
    if (*registry == NULL) {
        if (PyErr_Occurred()) goto error;
        *registry = PyDict_New();
        if (*registry == NULL) goto error;
        if (PyDict_SetItem(globals, _Py_ID(__warningregistry__), *registry) < 0) goto error;
    }
    else {
        Py_INCREF(*registry);
    }
    *module = PyDict_GetItemWithError(globals, _Py_ID(__name__));
    if (*module == Py_None || (*module != NULL && PyUnicode_Check(*module))) {
        Py_INCREF(*module);
    }
    else if (PyErr_Occurred()) {
        goto error;
    }
    else {
        *module = PyUnicode_FromString("<string>");
        if (*module == NULL) goto error;
    }
    return 0;
error:
    Py_CLEAR(*registry);
    Py_CLEAR(*module);
    Py_CLEAR(*filename);
    return -1;
}

static int
do_warn(PyObject *message, PyObject *category, Py_ssize_t stack_level)
{
    PyObject *filename, *module, *registry;
    int lineno;
    if (setup_context(stack_level, &filename, &lineno, &module, &registry) < 0) return -1;
    int res = warn_explicit(category, message, filename, lineno, module, registry, NULL);
    Py_DECREF(filename);
    Py_DECREF(registry);
    Py_DECREF(module);
    return res;
}

static PyObject *
get_category(PyObject *category)
{
    if (category == NULL) return PyExc_RuntimeWarning;
    return category;
}

int
PyErr_WarnEx(PyObject *category, const char *text, Py_ssize_t stack_level)
{
    PyObject *message = PyUnicode_FromString(text);
    if (message == NULL) return -1;
    int res = do_warn(message, get_category(category), stack_level);
    Py_DECREF(message);
    return res;
}

int
PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *message = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    if (message == NULL) return -1;
    int res = do_warn(message, get_category(category), stack_level);
    Py_DECREF(message);
    return res;
}

int
PyErr_WarnExplicitObject(PyObject *category, PyObject *message, PyObject *filename, int lineno,
                         PyObject *module, PyObject *registry)
{
    return warn_explicit(get_category(category), message, filename, lineno, module, registry,
                         NULL);
}

int
PyErr_WarnExplicit(PyObject *category, const char *text, const char *filename_str, int lineno,
                   const char *module_str, PyObject *registry)
{
    PyObject *message = PyUnicode_FromString(text);
    PyObject *filename = PyUnicode_DecodeUTF8(filename_str, (Py_ssize_t)strlen(filename_str),
                                              "surrogateescape");
    PyObject *module = NULL;
    int ret = -1;
    if (message == NULL || filename == NULL) goto exit;
    if (module_str != NULL && (module = PyUnicode_FromString(module_str)) == NULL) goto exit;
    ret = PyErr_WarnExplicitObject(category, message, filename, lineno, module, registry);
exit:
    Py_XDECREF(message);
    Py_XDECREF(module);
    Py_XDECREF(filename);
    return ret;
}

/* ------------------------------------------------------------------ */
/* The _warnings module and the hand-over to Python's warnings module  */
/* (added by the language-extras helper)                               */
/* ------------------------------------------------------------------ */

/* Once lib/warnings.py is imported, its filter list is the one user code
 * changes (filterwarnings, catch_warnings, ...), so warnings issued from C
 * are handed to its _warn_explicit_from_c() for filtering and showing.
 * Before that, the C table above decides.  _warnings.filters starts as a
 * snapshot of that table (defaults plus -W options), so both agree. */

/* 1: the Python module is not there (decide in C); 0: handled; -1: error. */
static int
warn_explicit_python(PyObject *category, PyObject *message, PyObject *filename, int lineno,
                     PyObject *module, PyObject *registry)
{
    PyObject *modules = PyImport_GetModuleDict();
    PyObject *warnings = modules ? PyDict_GetItemString(modules, "warnings") : NULL;
    if (warnings == NULL || !PyModule_Check(warnings))
        return 1;
    PyObject *hook;
    Py_INCREF(warnings);
    int r = _PyObject_LookupAttr(warnings, _Py_ID(_warn_explicit_from_c), &hook);
    Py_DECREF(warnings);
    if (r < 0)
        return -1;
    if (hook == NULL)
        return 1;
    PyObject *res = PyObject_CallFunction(hook, "OOOiOO", message, category, filename, lineno,
                                          module ? module : Py_None,
                                          registry ? registry : Py_None);
    Py_DECREF(hook);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

static PyObject *
warnings_filters_mutated(PyObject *module, PyObject *unused)
{
    filters_version++;
    Py_RETURN_NONE;
}

/* refpy only: the version number registries are checked against. */
static PyObject *
warnings_filters_version(PyObject *module, PyObject *unused)
{
    return PyLong_FromLong(filters_version);
}

/* warn(message, category=None, stacklevel=1, source=None) */
static PyObject *
warnings_warn(PyObject *module, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"message", "category", "stacklevel", "source", NULL};
    PyObject *argv[4] = {NULL, NULL, NULL, NULL};
    if (!_PyArg_ParseFast("warn", args, nargs, kwnames, kwlist, 0, 1, 4, 0, argv))
        return NULL;
    PyObject *message = argv[0], *category = argv[1];
    Py_ssize_t stacklevel = 1;
    if (argv[2] != NULL) {
        stacklevel = PyLong_AsSsize_t(argv[2]);
        if (stacklevel == -1 && PyErr_Occurred())
            return NULL;
    }
    int rc = PyObject_IsInstance(message, PyExc_Warning);
    if (rc < 0)
        return NULL;
    if (rc)
        category = (PyObject *)Py_TYPE(message);
    else if (category == NULL || category == Py_None)
        category = PyExc_UserWarning;
    if (!PyType_Check(category) ||
        !PyType_IsSubtype((PyTypeObject *)category, (PyTypeObject *)PyExc_Warning)) {
        PyErr_Format(PyExc_TypeError, "category must be a Warning subclass, not '%s'",
                     Py_TYPE(category)->tp_name);
        return NULL;
    }
    if (do_warn(message, category, stacklevel) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef warnings_methods[] = {
    {"warn", (PyCFunction)(void (*)(void))warnings_warn, METH_FASTCALL | METH_KEYWORDS,
     "Issue a warning, or maybe ignore it or raise an exception."},
    {"_filters_mutated", warnings_filters_mutated, METH_NOARGS, NULL},
    {"_filters_version", warnings_filters_version, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyModuleDef warnings_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_warnings",
    .m_doc = "_warnings provides basic warning filtering support.\n"
             "It is a helper module to speed up interpreter start-up.",
    .m_size = -1,
    .m_methods = warnings_methods,
};

/* New reference: the "_warnings" module. */
PyObject *
PyInit__warnings(void)
{
    static const char *const action_names[] = {
        [ACT_DEFAULT] = "default", [ACT_ERROR] = "error", [ACT_IGNORE] = "ignore",
        [ACT_ALWAYS] = "always", [ACT_MODULE] = "module", [ACT_ONCE] = "once",
    };
    PyObject *m = PyModule_Create(&warnings_def);
    if (m == NULL)
        return NULL;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        goto error;
    for (int i = 0; i < nfilters; i++) {
        warn_filter *f = &filters[i];
        PyObject *cat = *f->category;
        if (cat == NULL)
            continue;
        PyObject *item = Py_BuildValue("(sOOzi)", action_names[f->action], Py_None, cat,
                                       f->module, 0);
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(list);
            goto error;
        }
        Py_DECREF(item);
    }
    if (PyModule_AddObject(m, "filters", list) < 0) {
        Py_DECREF(list);
        goto error;
    }
    if (once_registry == NULL && (once_registry = PyDict_New()) == NULL)
        goto error;
    if (PyModule_AddObjectRef(m, "_onceregistry", once_registry) < 0 ||
        PyModule_AddObjectRef(m, "_defaultaction", _Py_ID(default)) < 0)
        goto error;
    return m;
error:
    Py_DECREF(m);
    return NULL;
}
