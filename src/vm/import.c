/* import.c -- the import system.
 *
 * Finders, in order: sys.modules (the cache), builtin modules compiled into
 * the interpreter (the init table), the pure-Python modules of lib/ frozen
 * into the binary, then `name.py` and `name/__init__.py` on sys.path.
 * Semantics follow importlib's: a module is placed in sys.modules before its
 * body runs (so circular imports see the partial module), removed again if
 * the body fails, and bound as an attribute of its parent package.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_state.h"
#include "rp_modules.h"
#include "rp_lifecycle.h"
#include "rp_langextras.h"
#include <sys/stat.h>
#include <unistd.h>

struct _rp_frozen { const char *name; const unsigned char *code; size_t size; };
extern const struct _rp_frozen _PyImport_FrozenModules[];


static struct _inittab builtin_inittab[] = {
    {"_bisect", PyInit__bisect},
    {"_collections", PyInit__collections},
    {"_functools", PyInit__functools},
    {"_heapq", PyInit__heapq},
    {"_operator", PyInit__operator},
    {"_random", PyInit__random},
    {"_warnings", PyInit__warnings},
    {"_weakref", PyInit__weakref},
    {"atexit", PyInit_atexit},
    {"dis", PyInit_dis},
    {"gc", PyInit_gc},
    {"itertools", PyInit_itertools},
    {"math", PyInit_math},
    {"time", PyInit_time},
    {NULL, NULL}
};

static int init_module_spec_type(void);

static struct _inittab *extra_inittab;
static size_t extra_inittab_len;

int
PyImport_AppendInittab(const char *name, PyObject *(*initfunc)(void))
{
    struct _inittab *n = realloc(extra_inittab, (extra_inittab_len + 1) * sizeof(struct _inittab));
    if (n == NULL) return -1;
    extra_inittab = n;
    extra_inittab[extra_inittab_len].name = name;
    extra_inittab[extra_inittab_len].initfunc = initfunc;
    extra_inittab_len++;
    return 0;
}

static PyObject *(*find_builtin(const char *name))(void)
{
    for (struct _inittab *p = builtin_inittab; p->name; p++)
        if (strcmp(p->name, name) == 0) return p->initfunc;
    for (size_t i = 0; i < extra_inittab_len; i++)
        if (strcmp(extra_inittab[i].name, name) == 0) return extra_inittab[i].initfunc;
    return NULL;
}

/* The names listed in sys.builtin_module_names: new tuple. */
PyObject *
_PyImport_BuiltinModuleNames(void)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) return NULL;
    const char *fixed[] = {"builtins", "sys"};
    for (size_t i = 0; i < 2; i++) {
        PyObject *s = PyUnicode_FromString(fixed[i]);
        if (s == NULL || PyList_Append(list, s) < 0) { Py_XDECREF(s); Py_DECREF(list); return NULL; }
        Py_DECREF(s);
    }
    for (struct _inittab *p = builtin_inittab; p->name; p++) {
        PyObject *s = PyUnicode_FromString(p->name);
        if (s == NULL || PyList_Append(list, s) < 0) { Py_XDECREF(s); Py_DECREF(list); return NULL; }
        Py_DECREF(s);
    }
    if (PyList_Sort(list) < 0) { Py_DECREF(list); return NULL; }
    PyObject *t = PyList_AsTuple(list);
    Py_DECREF(list);
    return t;
}

static const struct _rp_frozen *
find_frozen(const char *name)
{
    for (const struct _rp_frozen *p = _PyImport_FrozenModules; p->name; p++)
        if (strcmp(p->name, name) == 0) return p;
    return NULL;
}

/* BORROWED */
PyObject *
PyImport_GetModuleDict(void)
{
    return _PyInterpreterState_GET()->modules;
}

/* BORROWED: sys.modules[name], created empty if missing. */
PyObject *
PyImport_AddModuleObject(PyObject *name)
{
    PyObject *modules = PyImport_GetModuleDict();
    PyObject *m = PyDict_GetItemWithError(modules, name);
    if (m != NULL && PyModule_Check(m)) return m;
    if (PyErr_Occurred()) return NULL;
    m = PyModule_NewObject(name);
    if (m == NULL) return NULL;
    if (PyDict_SetItem(modules, name, m) < 0) { Py_DECREF(m); return NULL; }
    Py_DECREF(m);   /* sys.modules holds it */
    return m;
}

/* BORROWED */
PyObject *
PyImport_AddModule(const char *name)
{
    PyObject *nameobj = PyUnicode_FromString(name);
    if (nameobj == NULL) return NULL;
    PyObject *m = PyImport_AddModuleObject(nameobj);
    Py_DECREF(nameobj);
    return m;
}

int
_PyImport_Init(void)
{
    PyObject *sysdict = _PyInterpreterState_GET()->sysdict;
    PyObject *path = PyList_New(0);
    if (path == NULL) return -1;
    const char *pp = getenv("PYTHONPATH");
    if (pp != NULL && *pp) {
        const char *start = pp;
        for (;;) {
            const char *end = strchr(start, ':');
            size_t len = end ? (size_t)(end - start) : strlen(start);
            if (len > 0) {
                PyObject *s = PyUnicode_DecodeUTF8(start, (Py_ssize_t)len, "surrogateescape");
                if (s == NULL || PyList_Append(path, s) < 0) { Py_XDECREF(s); Py_DECREF(path); return -1; }
                Py_DECREF(s);
            }
            if (end == NULL) break;
            start = end + 1;
        }
    }
    int r = PyDict_SetItemString(sysdict, "path", path);
    Py_DECREF(path);
    if (r < 0) return -1;
    if (init_module_spec_type() < 0) return -1;
    PyObject *names = _PyImport_BuiltinModuleNames();
    if (names == NULL) return -1;
    r = PyDict_SetItemString(sysdict, "builtin_module_names", names);
    Py_DECREF(names);
    return r;
}

/* Put `dir` at the front of sys.path (the script's directory, or ''). */
int
_PyImport_InsertPath0(const char *dir)
{
    PyObject *path = PySys_GetObject("path");
    if (path == NULL || !PyList_Check(path)) return 0;
    PyObject *s = PyUnicode_DecodeFSDefault_rp(dir);
    if (s == NULL) return -1;
    int r = PyList_Insert(path, 0, s);
    Py_DECREF(s);
    return r;
}

/* ------------------------------ module specs ------------------------------ */
/* Modules get a __spec__ like importlib's ModuleSpec: name, loader, origin,
   submodule_search_locations, parent, cached, has_location, and the
   _initializing flag that IMPORT_FROM reads to say "partially initialized
   module" during a circular import.  The class is a plain heap type made
   once at start-up (named like CPython's, _frozen_importlib.ModuleSpec). */

static PyObject *module_spec_type;

static int
init_module_spec_type(void)
{
    PyObject *ns = PyDict_New();
    if (ns == NULL) return -1;
    PyObject *modname = PyUnicode_FromString("_frozen_importlib");
    if (modname == NULL || PyDict_SetItemString(ns, "__module__", modname) < 0) {
        Py_XDECREF(modname); Py_DECREF(ns);
        return -1;
    }
    Py_DECREF(modname);
    module_spec_type = PyObject_CallFunction((PyObject *)&PyType_Type, "s()O", "ModuleSpec", ns);
    Py_DECREF(ns);
    return module_spec_type ? 0 : -1;
}

/* New reference: a spec for `name`; origin/search may be NULL (-> None). */
static PyObject *
new_module_spec(PyObject *name, PyObject *origin, PyObject *search, int has_location)
{
    if (module_spec_type == NULL) Py_RETURN_NONE;
    PyObject *spec = PyObject_CallNoArgs(module_spec_type);
    if (spec == NULL) return NULL;
    PyObject *parent;
    if (search != NULL) parent = Py_NewRef(name);
    else {
        Py_ssize_t dot = PyUnicode_Find(name, _Py_STR("."), 0, PyUnicode_GET_LENGTH(name), -1);
        parent = dot >= 0 ? PyUnicode_Substring(name, 0, dot) : PyUnicode_FromString("");
    }
    if (parent == NULL ||
        PyObject_SetAttrString(spec, "name", name) < 0 ||
        PyObject_SetAttrString(spec, "loader", Py_None) < 0 ||
        PyObject_SetAttrString(spec, "origin", origin ? origin : Py_None) < 0 ||
        PyObject_SetAttrString(spec, "loader_state", Py_None) < 0 ||
        PyObject_SetAttrString(spec, "submodule_search_locations", search ? search : Py_None) < 0 ||
        PyObject_SetAttrString(spec, "parent", parent) < 0 ||
        PyObject_SetAttrString(spec, "cached", Py_None) < 0 ||
        PyObject_SetAttrString(spec, "has_location", has_location ? Py_True : Py_False) < 0) {
        Py_XDECREF(parent);
        Py_DECREF(spec);
        return NULL;
    }
    Py_DECREF(parent);
    return spec;
}

/* ------------------------------ loading ------------------------------ */

static int
is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int
is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Execute source in a fresh module registered as sys.modules[name].
   New reference to the module (taken from sys.modules, as importlib does). */
static PyObject *
exec_source_module(PyObject *name, const char *source, PyObject *filename, PyObject *pkgpath,
                   int is_frozen)
{
    PyObject *modules = PyImport_GetModuleDict();
    PyObject *m = PyModule_NewObject(name);
    if (m == NULL) return NULL;
    PyObject *d = PyModule_GetDict(m);
    PyObject *package = NULL, *spec = NULL;
    if (pkgpath != NULL) {
        package = Py_NewRef(name);
        PyObject *pl = PyList_New(1);
        if (pl == NULL) goto error;
        PyList_SET_ITEM(pl, 0, Py_NewRef(pkgpath));
        int r = PyDict_SetItemString(d, "__path__", pl);
        Py_DECREF(pl);
        if (r < 0) goto error;
    }
    else {
        Py_ssize_t len = PyUnicode_GET_LENGTH(name);
        Py_ssize_t dot = PyUnicode_Find(name, _Py_STR("."), 0, len, -1);
        if (dot == -2) goto error;
        package = dot >= 0 ? PyUnicode_Substring(name, 0, dot) : PyUnicode_FromString("");
        if (package == NULL) goto error;
    }
    if (PyDict_SetItemString(d, "__package__", package) < 0) goto error;
    if (!is_frozen) {
        if (PyDict_SetItemString(d, "__file__", filename) < 0) goto error;
        if (PyDict_SetItemString(d, "__cached__", Py_None) < 0) goto error;
    }
    if (PyDict_SetItemString(d, "__builtins__", _PyInterpreterState_GET()->builtins) < 0) goto error;
    PyObject *search = NULL;
    if (pkgpath != NULL) {
        search = PyDict_GetItemString(d, "__path__");   /* borrowed */
    }
    spec = new_module_spec(name, is_frozen ? _Py_STR("frozen") : filename, search, !is_frozen);
    if (spec == NULL || PyDict_SetItemString(d, "__spec__", spec) < 0) goto error;
    if (spec != Py_None && PyObject_SetAttrString(spec, "_initializing", Py_True) < 0) goto error;
    if (PyDict_SetItem(modules, name, m) < 0) goto error;

    PyObject *co = Py_CompileStringObject(source, filename, Py_file_input, NULL, -1);
    if (co == NULL) goto error_remove;
    PyObject *res = PyEval_EvalCode(co, d, d);
    Py_DECREF(co);
    if (spec != Py_None && PyObject_SetAttrString(spec, "_initializing", Py_False) < 0) {
        Py_XDECREF(res);
        goto error_remove;
    }
    if (res == NULL) goto error_remove;
    Py_DECREF(res);
    Py_XDECREF(package);
    Py_XDECREF(spec);
    Py_DECREF(m);
    /* importlib returns whatever is in sys.modules now. */
    m = PyDict_GetItemWithError(modules, name);
    if (m == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_ImportError, "Loaded module %R not found in sys.modules", name);
        return NULL;
    }
    return Py_NewRef(m);

error_remove:
    {
        PyObject *exc = PyErr_GetRaisedException();
        if (PyDict_DelItem(modules, name) < 0) PyErr_Clear();
        PyErr_SetRaisedException(exc);
    }
error:
    Py_XDECREF(package);
    Py_XDECREF(spec);
    Py_DECREF(m);
    return NULL;
}

static char *
slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) return NULL;
    if (fseek(fp, 0, SEEK_END) != 0) { fclose(fp); return NULL; }
    long size = ftell(fp);
    rewind(fp);
    char *buf = PyMem_RawMalloc((size_t)size + 1);
    if (buf == NULL) { fclose(fp); return NULL; }
    size_t n = fread(buf, 1, (size_t)size, fp);
    fclose(fp);
    buf[n] = '\0';
    return buf;
}

static PyObject *
load_from_file(PyObject *fullname, const char *path, const char *pkgdir)
{
    char *source = slurp(path);
    if (source == NULL) {
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, NULL);
        return NULL;
    }
    PyObject *filename = PyUnicode_DecodeFSDefault_rp(path);
    PyObject *pkgpath = pkgdir ? PyUnicode_DecodeFSDefault_rp(pkgdir) : NULL;
    PyObject *m = NULL;
    if (filename != NULL && (pkgdir == NULL || pkgpath != NULL))
        m = exec_source_module(fullname, source, filename, pkgpath, 0);
    Py_XDECREF(filename);
    Py_XDECREF(pkgpath);
    PyMem_RawFree(source);
    return m;
}

/* Find and load `fullname` whose last component is `tail`, searching
   `search_path` (a list of directory strings).  New reference, or NULL
   with no exception if not found, or NULL with an exception. */
static PyObject *
find_and_load_in_path(PyObject *fullname, const char *tail, PyObject *search_path)
{
    if (search_path == NULL || !PyList_Check(search_path)) return NULL;
    Py_ssize_t n = PyList_GET_SIZE(search_path);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *entry = PyList_GET_ITEM(search_path, i);
        if (!PyUnicode_Check(entry)) continue;
        const char *dir = PyUnicode_AsUTF8(entry);
        if (dir == NULL) return NULL;
        char buf[4096];
        const char *d = *dir ? dir : ".";
        snprintf(buf, sizeof buf, "%s/%s", d, tail);
        if (is_dir(buf)) {
            char init[4096];
            snprintf(init, sizeof init, "%s/__init__.py", buf);
            if (is_file(init)) {
                char pkgdir[4096];
                if (*dir) snprintf(pkgdir, sizeof pkgdir, "%s/%s", dir, tail);
                else snprintf(pkgdir, sizeof pkgdir, "%s", tail);
                char initpath[4096];
                snprintf(initpath, sizeof initpath, "%s/__init__.py", pkgdir);
                return load_from_file(fullname, initpath, pkgdir);
            }
        }
        snprintf(buf, sizeof buf, "%s%s%s.py", dir, *dir ? "/" : "", tail);
        if (is_file(buf)) return load_from_file(fullname, buf, NULL);
    }
    return NULL;
}

static PyObject *
load_builtin(PyObject *name, PyObject *(*initfunc)(void))
{
    PyObject *m = initfunc();
    if (m == NULL) return NULL;
    if (PyDict_SetItem(PyImport_GetModuleDict(), name, m) < 0) { Py_DECREF(m); return NULL; }
    return m;
}

static PyObject *
load_frozen(PyObject *name, const struct _rp_frozen *fz)
{
    char *source = PyMem_RawMalloc(fz->size + 1);
    if (source == NULL) return PyErr_NoMemory();
    memcpy(source, fz->code, fz->size);
    source[fz->size] = '\0';
    PyObject *filename = PyUnicode_FromFormat("<frozen %U>", name);
    PyObject *m = filename ? exec_source_module(name, source, filename, NULL, 1) : NULL;
    Py_XDECREF(filename);
    PyMem_RawFree(source);
    return m;
}

/* Import one absolute dotted name, its parents first.  New reference. */
static PyObject *
import_absolute(PyObject *abs_name)
{
    PyObject *modules = PyImport_GetModuleDict();
    PyObject *mod = PyDict_GetItemWithError(modules, abs_name);
    if (mod == Py_None) {
        PyObject *msg = PyUnicode_FromFormat("import of %U halted; None in sys.modules", abs_name);
        if (msg) {
            PyErr_SetImportErrorSubclass_rp(PyExc_ModuleNotFoundError, msg, abs_name);
            Py_DECREF(msg);
        }
        return NULL;
    }
    if (mod != NULL) return Py_NewRef(mod);
    if (PyErr_Occurred()) return NULL;

    Py_ssize_t len = PyUnicode_GET_LENGTH(abs_name);
    Py_ssize_t dot = PyUnicode_Find(abs_name, _Py_STR("."), 0, len, -1);
    if (dot == -2) return NULL;
    PyObject *parent_module = NULL, *search_path = NULL;
    PyObject *tail_obj;
    if (dot >= 0) {
        PyObject *parent = PyUnicode_Substring(abs_name, 0, dot);
        if (parent == NULL) return NULL;
        parent_module = import_absolute(parent);
        if (parent_module == NULL) { Py_DECREF(parent); return NULL; }
        /* The parent's import may have imported us. */
        mod = PyDict_GetItemWithError(modules, abs_name);
        if (mod != NULL) { Py_DECREF(parent); Py_DECREF(parent_module); return Py_NewRef(mod); }
        if (PyErr_Occurred()) { Py_DECREF(parent); Py_DECREF(parent_module); return NULL; }
        if (_PyObject_LookupAttr(parent_module, _Py_ID(__path__), &search_path) < 0) {
            Py_DECREF(parent); Py_DECREF(parent_module);
            return NULL;
        }
        if (search_path == NULL) {
            PyObject *err = PyUnicode_FromFormat("No module named %R; %R is not a package", abs_name, parent);
            if (err) {
                PyErr_SetImportErrorSubclass_rp(PyExc_ModuleNotFoundError, err, abs_name);
                Py_DECREF(err);
            }
            Py_DECREF(parent); Py_DECREF(parent_module);
            return NULL;
        }
        Py_DECREF(parent);
        tail_obj = PyUnicode_Substring(abs_name, dot + 1, len);
    }
    else {
        tail_obj = Py_NewRef(abs_name);
    }
    if (tail_obj == NULL) { Py_XDECREF(parent_module); Py_XDECREF(search_path); return NULL; }
    const char *tail = PyUnicode_AsUTF8(tail_obj);
    const char *full = PyUnicode_AsUTF8(abs_name);
    if (tail == NULL || full == NULL) goto fail;

    if (parent_module == NULL) {
        PyObject *(*initfunc)(void) = find_builtin(full);
        if (initfunc != NULL) { mod = load_builtin(abs_name, initfunc); goto done; }
        const struct _rp_frozen *fz = find_frozen(full);
        if (fz != NULL) { mod = load_frozen(abs_name, fz); goto done; }
        search_path = Py_XNewRef(PySys_GetObject("path"));
    }
    mod = find_and_load_in_path(abs_name, tail, search_path);
    if (mod == NULL && !PyErr_Occurred()) {
        PyObject *err = PyUnicode_FromFormat("No module named %R", abs_name);
        if (err) {
            PyErr_SetImportErrorSubclass_rp(PyExc_ModuleNotFoundError, err, abs_name);
            Py_DECREF(err);
        }
    }
done:
    if (mod != NULL && parent_module != NULL) {
        if (PyObject_SetAttr(parent_module, tail_obj, mod) < 0) Py_CLEAR(mod);
    }
fail:
    Py_DECREF(tail_obj);
    Py_XDECREF(parent_module);
    Py_XDECREF(search_path);
    return mod;
}

/* Raise an ImportError subclass with msg and name set. */
void
PyErr_SetImportErrorSubclass_rp(PyObject *exception, PyObject *msg, PyObject *name)
{
    PyObject *exc = PyObject_CallOneArg(exception, msg);
    if (exc == NULL) return;
    if (PyObject_SetAttr(exc, _Py_ID(name), name) < 0) { Py_DECREF(exc); return; }
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    Py_DECREF(exc);
}

/* Work out the package a relative import is relative to.  New ref. */
static PyObject *
resolve_name(PyObject *name, PyObject *globals, int level)
{
    PyObject *package = NULL, *base;
    if (globals == NULL || !PyDict_Check(globals)) {
        PyErr_SetString(PyExc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    package = PyDict_GetItemWithError(globals, _Py_ID(__package__));
    if (package == Py_None) package = NULL;
    if (package == NULL && PyErr_Occurred()) return NULL;
    if (package != NULL) {
        Py_INCREF(package);
        if (!PyUnicode_Check(package)) {
            PyErr_SetString(PyExc_TypeError, "package must be a string");
            goto error;
        }
    }
    else {
        package = PyDict_GetItemWithError(globals, _Py_ID(__name__));
        if (package == NULL) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_KeyError, "'__name__' not in globals");
            return NULL;
        }
        Py_INCREF(package);
        if (!PyUnicode_Check(package)) {
            PyErr_SetString(PyExc_TypeError, "__name__ must be a string");
            goto error;
        }
        int haspath = PyDict_Contains(globals, _Py_ID(__path__));
        if (haspath < 0) goto error;
        if (!haspath) {
            Py_ssize_t dot = PyUnicode_Find(package, _Py_STR("."), 0, PyUnicode_GET_LENGTH(package), -1);
            if (dot == -2) goto error;
            if (dot == -1) {
                Py_DECREF(package);
                package = PyUnicode_FromString("");
                if (package == NULL) return NULL;
            }
            else {
                Py_SETREF(package, PyUnicode_Substring(package, 0, dot));
                if (package == NULL) return NULL;
            }
        }
    }
    Py_ssize_t last_dot = PyUnicode_GET_LENGTH(package);
    if (last_dot == 0) {
        PyErr_SetString(PyExc_ImportError, "attempted relative import with no known parent package");
        goto error;
    }
    for (int level_up = 1; level_up < level; level_up += 1) {
        last_dot = PyUnicode_Find(package, _Py_STR("."), 0, last_dot, -1);
        if (last_dot == -2) goto error;
        if (last_dot == -1) {
            PyErr_SetString(PyExc_ImportError, "attempted relative import beyond top-level package");
            goto error;
        }
    }
    base = PyUnicode_Substring(package, 0, last_dot);
    Py_DECREF(package);
    if (base == NULL || PyUnicode_GET_LENGTH(name) == 0) return base;
    PyObject *abs_name = PyUnicode_FromFormat("%U.%U", base, name);
    Py_DECREF(base);
    return abs_name;
error:
    Py_XDECREF(package);
    return NULL;
}

/* `from module import names`: import submodules named in fromlist that are
   not attributes yet.  0 / -1. */
static int
handle_fromlist(PyObject *module, PyObject *fromlist, int recursive)
{
    PyObject *path;
    if (_PyObject_LookupAttr(module, _Py_ID(__path__), &path) < 0) return -1;
    if (path == NULL) return 0;
    Py_DECREF(path);
    PyObject *seq = PySequence_Fast(fromlist, "fromlist must be a sequence");
    if (seq == NULL) return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *x = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyUnicode_Check(x)) {
            PyErr_Format(PyExc_TypeError, "Item in %s.__all__ must be str, not %.100s",
                         PyModule_GetName(module) ? PyModule_GetName(module) : "?", Py_TYPE(x)->tp_name);
            Py_DECREF(seq);
            return -1;
        }
        if (_PyUnicode_EqualToASCIIString(x, "*")) {
            if (recursive) continue;
            PyObject *all;
            if (_PyObject_LookupAttr(module, _Py_ID(__all__), &all) < 0) { Py_DECREF(seq); return -1; }
            if (all != NULL) {
                int r = handle_fromlist(module, all, 1);
                Py_DECREF(all);
                if (r < 0) { Py_DECREF(seq); return -1; }
            }
            continue;
        }
        int has = PyObject_HasAttr(module, x);
        if (!has) {
            PyObject *modname = PyObject_GetAttr(module, _Py_ID(__name__));
            if (modname == NULL) { Py_DECREF(seq); return -1; }
            PyObject *sub = PyUnicode_FromFormat("%U.%U", modname, x);
            Py_DECREF(modname);
            if (sub == NULL) { Py_DECREF(seq); return -1; }
            PyObject *m = import_absolute(sub);
            Py_DECREF(sub);
            if (m == NULL) {
                /* Only a missing submodule of this name is tolerated. */
                if (PyErr_ExceptionMatches(PyExc_ModuleNotFoundError)) PyErr_Clear();
                else { Py_DECREF(seq); return -1; }
            }
            else Py_DECREF(m);
        }
    }
    Py_DECREF(seq);
    return 0;
}

/* New reference. */
PyObject *
PyImport_ImportModuleLevelObject(PyObject *name, PyObject *globals, PyObject *locals,
                                 PyObject *fromlist, int level)
{
    PyObject *abs_name = NULL, *mod = NULL;
    if (name == NULL) { PyErr_SetString(PyExc_ValueError, "Empty module name"); return NULL; }
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "module name must be a string");
        return NULL;
    }
    if (level < 0) {
        PyErr_SetString(PyExc_ValueError, "level must be >= 0");
        return NULL;
    }
    if (level > 0) {
        abs_name = resolve_name(name, globals, level);
        if (abs_name == NULL) return NULL;
    }
    else {
        if (PyUnicode_GET_LENGTH(name) == 0) {
            PyErr_SetString(PyExc_ValueError, "Empty module name");
            return NULL;
        }
        abs_name = Py_NewRef(name);
    }
    mod = import_absolute(abs_name);
    if (mod == NULL) goto error;

    int has_from = 0;
    if (fromlist != NULL && fromlist != Py_None) {
        has_from = PyObject_IsTrue(fromlist);
        if (has_from < 0) goto error;
    }
    if (!has_from) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(name);
        if (level == 0 || len > 0) {
            Py_ssize_t dot = PyUnicode_Find(name, _Py_STR("."), 0, len, 1);
            if (dot == -2) goto error;
            if (dot == -1) {
                /* No dot in module name, simple exit */
                Py_DECREF(abs_name);
                return mod;
            }
            if (level == 0) {
                PyObject *front = PyUnicode_Substring(name, 0, dot);
                if (front == NULL) goto error;
                Py_SETREF(mod, import_absolute(front));
                Py_DECREF(front);
            }
            else {
                Py_ssize_t cut_off = len - dot;
                Py_ssize_t abs_name_len = PyUnicode_GET_LENGTH(abs_name);
                PyObject *to_return = PyUnicode_Substring(abs_name, 0, abs_name_len - cut_off);
                if (to_return == NULL) goto error;
                PyObject *final_mod = PyDict_GetItemWithError(PyImport_GetModuleDict(), to_return);
                if (final_mod == NULL) {
                    if (!PyErr_Occurred())
                        PyErr_Format(PyExc_KeyError, "%R not in sys.modules as expected", to_return);
                    Py_DECREF(to_return);
                    goto error;
                }
                Py_DECREF(to_return);
                Py_SETREF(mod, Py_NewRef(final_mod));
            }
        }
        Py_DECREF(abs_name);
        return mod;
    }
    if (handle_fromlist(mod, fromlist, 0) < 0) goto error;
    Py_DECREF(abs_name);
    return mod;
error:
    Py_XDECREF(abs_name);
    Py_XDECREF(mod);
    return NULL;
}

/* New reference. */
PyObject *
PyImport_Import(PyObject *name)
{
    return PyImport_ImportModuleLevelObject(name, NULL, NULL, NULL, 0);
}

/* New reference. */
PyObject *
PyImport_ImportModule(const char *name)
{
    PyObject *pname = PyUnicode_FromString(name);
    if (pname == NULL) return NULL;
    PyObject *result = PyImport_Import(pname);
    Py_DECREF(pname);
    return result;
}
