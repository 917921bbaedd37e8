/* pylifecycle.c -- starting and stopping the interpreter.
 *
 * Py_Initialize builds the runtime in dependency order: thread and
 * interpreter state, the allocator-level GC state, the immortal singletons
 * (small ints, the empty and one-character strings), every static type,
 * the exception hierarchy, then the builtins and sys modules.
 * Py_FinalizeEx flushes the standard streams, clears module namespaces the
 * way CPython does (so __del__ of module-level objects runs at exit), and
 * in the debug build prints "[N refs, M blocks]" for -X showrefcount.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_state.h"
#include "rp_modules.h"
#include "rp_descr.h"
#include "rp_typeobject.h"
#include "rp_lifecycle.h"
#include "rp_langextras.h"
#include "rp_gc.h"

PyThreadState *_Py_tstate_current;
static int initialized;

/* ------------------------------ thread state ------------------------------ */

PyThreadState *
PyThreadState_Get(void)
{
    if (_Py_tstate_current == NULL) Py_FatalError("the interpreter is not initialized");
    return _Py_tstate_current;
}

PyInterpreterState *
PyInterpreterState_Get(void)
{
    return PyThreadState_Get()->interp;
}

/* BORROWED: a per-thread dict for extensions (and Py_ReprEnter). */
PyObject *
PyThreadState_GetDict(void)
{
    PyThreadState *tstate = _Py_tstate_current;
    if (tstate == NULL) return NULL;
    if (tstate->dict == NULL) {
        tstate->dict = PyDict_New();
        if (tstate->dict == NULL) PyErr_Clear();
    }
    return tstate->dict;
}

void
Py_FatalError(const char *message)
{
    fflush(stdout);
    fprintf(stderr, "Fatal Python error: %s\n", message);
    fflush(stderr);
    abort();
}

int
Py_IsInitialized(void)
{
    return initialized;
}

/* ------------------------------ type readiness ------------------------------ */

int
_PyTypes_InitTypes(void)
{
    /* object and type first: everything else inherits from them. */
    if (PyType_Ready(&PyBaseObject_Type) < 0) return -1;
    if (PyType_Ready(&PyType_Type) < 0) return -1;
    PyTypeObject *core[] = {
        &PySuper_Type, &PyModule_Type, &PyModuleDef_Type, &_PyNone_Type,
        &_PyNotImplemented_Type,
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(core); i++)
        if (PyType_Ready(core[i]) < 0) return -1;
    if (_PyDescr_InitTypes() < 0) return -1;
    if (_PyStrings_InitTypes() < 0) return -1;
    if (_PyNumbers_InitTypes() < 0) return -1;
    if (_PyContainers_InitTypes() < 0) return -1;
    if (_PyVM_InitTypes() < 0) return -1;
    if (_PyErrors_InitTypes() < 0) return -1;
    if (_PyIO_InitTypes() < 0) return -1;
    if (_PyWeakref_InitTypes() < 0) return -1;
    return 0;
}

/* ------------------------------ initialisation ------------------------------ */

static int
init_interpreter(void)
{
    PyInterpreterState *interp = PyMem_RawCalloc(1, sizeof(PyInterpreterState));
    PyThreadState *tstate = PyMem_RawCalloc(1, sizeof(PyThreadState));
    if (interp == NULL || tstate == NULL) return -1;
    tstate->interp = interp;
    interp->recursion_limit = 1000;
    tstate->py_recursion_limit = 1000;
    tstate->py_recursion_remaining = 1000;
    tstate->c_recursion_remaining = Py_C_RECURSION_LIMIT;
    tstate->exc_info = &tstate->exc_state;
    _Py_tstate_current = tstate;
    _PyGC_Init(interp);
    return 0;
}

static int
init_modules(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    interp->modules = PyDict_New();
    if (interp->modules == NULL) return -1;

    PyObject *bimod = _PyBuiltin_Init();
    if (bimod == NULL) return -1;
    interp->builtins = Py_NewRef(PyModule_GetDict(bimod));
    if (PyDict_SetItemString(interp->modules, "builtins", bimod) < 0) { Py_DECREF(bimod); return -1; }
    Py_DECREF(bimod);

    /* CPython keeps a copy of builtins.__dict__ (and of sys's functions) to
       re-initialise them; the copies hold one reference to each builtin
       function, which sys.getrefcount shows (len -> 3, not 2). */
    interp->builtins_copy = PyDict_Copy(interp->builtins);
    if (interp->builtins_copy == NULL) return -1;
    /* ... and the import function (interp->import_func in CPython). */
    interp->import_func = Py_XNewRef(PyDict_GetItemString(interp->builtins, "__import__"));

    PyObject *sysmod = _PySys_Create();
    if (sysmod == NULL) return -1;
    interp->sysdict = Py_NewRef(PyModule_GetDict(sysmod));
    interp->sysdict_copy = PyDict_New();
    if (interp->sysdict_copy == NULL) return -1;
    {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(interp->sysdict, &pos, &k, &v)) {
            /* functions only, under their own names (CPython copies the
               dict before __displayhook__ and friends are added) */
            if (PyCFunction_Check(v) && PyUnicode_Check(k) &&
                !(PyUnicode_GET_LENGTH(k) > 2 && PyUnicode_READ_CHAR(k, 0) == '_' &&
                  PyUnicode_READ_CHAR(k, 1) == '_') &&
                PyDict_SetItem(interp->sysdict_copy, k, v) < 0)
                return -1;
        }
    }
    if (PyDict_SetItemString(interp->modules, "sys", sysmod) < 0) { Py_DECREF(sysmod); return -1; }
    Py_DECREF(sysmod);
    if (PyDict_SetItemString(interp->sysdict, "modules", interp->modules) < 0) return -1;
    if (_PyImport_Init() < 0) return -1;
    return 0;
}

void
Py_Initialize(void)
{
    if (initialized) return;
    if (init_interpreter() < 0) Py_FatalError("cannot allocate the interpreter state");
    if (_PyLong_InitGlobalObjects() < 0) Py_FatalError("cannot create the small ints");
    if (_PyUnicode_InitGlobalObjects() < 0) Py_FatalError("cannot create the string singletons");
    if (_PyTypes_InitTypes() < 0) goto error;
    if (_PyExc_InitTypes() < 0) goto error;
    if (_PyLangExtras_InitTypes() < 0) goto error;
    if (init_modules() < 0) goto error;
    _PySignal_Init();
    initialized = 1;
    return;
error:
    if (PyErr_Occurred()) PyErr_Print();
    Py_FatalError("cannot initialize the interpreter");
}

/* ------------------------------- finalisation ------------------------------- */

/* Set module globals to None in CPython's order (names with one leading
   underscore first, then the rest except __builtins__), so that objects
   with __del__ stored in globals are finalised at exit, as in CPython. */
void
_PyModule_ClearDict(PyObject *d)
{
    Py_ssize_t pos;
    PyObject *key, *value;
    if (d == NULL || !PyDict_Check(d)) return;
    pos = 0;
    while (PyDict_Next(d, &pos, &key, &value)) {
        if (value != Py_None && PyUnicode_Check(key) && PyUnicode_GET_LENGTH(key) >= 2 &&
            PyUnicode_READ_CHAR(key, 0) == '_' && PyUnicode_READ_CHAR(key, 1) != '_') {
            if (PyDict_SetItem(d, key, Py_None) != 0) PyErr_WriteUnraisable(NULL);
        }
    }
    pos = 0;
    while (PyDict_Next(d, &pos, &key, &value)) {
        if (value != Py_None && PyUnicode_Check(key) &&
            !_PyUnicode_EqualToASCIIString(key, "__builtins__")) {
            if (PyDict_SetItem(d, key, Py_None) != 0) PyErr_WriteUnraisable(NULL);
        }
    }
}

int
Py_FinalizeEx(void)
{
    if (!initialized) return 0;
    PyInterpreterState *interp = _PyInterpreterState_GET();
    int status = 0;
    _PyAtExit_Call();
    _PyIO_FlushStd();
    interp->finalizing = 1;
    /* A full collection while modules are intact (gc.callbacks run). */
    PyGC_Collect();

    /* Clear __main__ first, then the other modules in reverse import order. */
    PyObject *modules = interp->modules;
    if (modules != NULL) {
        PyObject *main = PyDict_GetItemString(modules, "__main__");
        if (main != NULL && PyModule_Check(main)) _PyModule_ClearDict(PyModule_GetDict(main));
        PyObject *values = PyDict_Values(modules);
        if (values != NULL) {
            for (Py_ssize_t i = PyList_GET_SIZE(values) - 1; i >= 0; i--) {
                PyObject *m = PyList_GET_ITEM(values, i);
                if (!PyModule_Check(m)) continue;
                PyObject *name = PyModule_GetNameObject(m);
                if (name == NULL) { PyErr_Clear(); continue; }
                int keep = _PyUnicode_EqualToASCIIString(name, "builtins") ||
                           _PyUnicode_EqualToASCIIString(name, "sys");
                Py_DECREF(name);
                if (!keep) _PyModule_ClearDict(PyModule_GetDict(m));
            }
            Py_DECREF(values);
        }
        else PyErr_Clear();
    }
    /* Collect what clearing the module namespaces made unreachable. */
    _PyGC_CollectNoFail(_PyThreadState_GET());
    _PyGC_DumpShutdownStats(interp);
    _PyIO_FlushStd();
    if (PyErr_Occurred()) PyErr_Clear();
#ifdef Py_REF_DEBUG
    if (interp->showrefcount) _PyDebug_PrintTotalRefs();
#endif
    return status;
}

void
Py_Finalize(void)
{
    Py_FinalizeEx();
}

void
Py_Exit(int sts)
{
    if (Py_FinalizeEx() < 0) sts = 120;
    exit(sts);
}

/* ------------------------------- atexit ------------------------------- */
/* A minimal registry used by the atexit module and weakref.finalize:
   functions run newest first at Py_FinalizeEx. */

static PyObject *atexit_callbacks;   /* list of (func, args, kwargs) */

int
_PyAtExit_Register(PyObject *func, PyObject *args, PyObject *kwargs)
{
    if (atexit_callbacks == NULL) {
        atexit_callbacks = PyList_New(0);
        if (atexit_callbacks == NULL) return -1;
    }
    PyObject *entry = PyTuple_Pack(3, func, args ? args : Py_None, kwargs ? kwargs : Py_None);
    if (entry == NULL) return -1;
    int r = PyList_Append(atexit_callbacks, entry);
    Py_DECREF(entry);
    return r;
}

void
_PyAtExit_Call(void)
{
    if (atexit_callbacks == NULL) return;
    while (PyList_GET_SIZE(atexit_callbacks) > 0) {
        Py_ssize_t n = PyList_GET_SIZE(atexit_callbacks);
        PyObject *entry = Py_NewRef(PyList_GET_ITEM(atexit_callbacks, n - 1));
        PyList_SetSlice(atexit_callbacks, n - 1, n, NULL);
        PyObject *func = PyTuple_GET_ITEM(entry, 0);
        PyObject *args = PyTuple_GET_ITEM(entry, 1);
        PyObject *kwargs = PyTuple_GET_ITEM(entry, 2);
        PyObject *res = PyObject_Call(func, args == Py_None ? _PyTuple_GetEmpty() : args,
                                      kwargs == Py_None ? NULL : kwargs);
        if (res == NULL) {
            if (PyErr_ExceptionMatches(PyExc_SystemExit)) PyErr_Clear();
            else PyErr_WriteUnraisable(func);
        }
        Py_XDECREF(res);
        Py_DECREF(entry);
    }
}
