/* atexitmodule.c -- the atexit module.
 *
 * Callbacks live in a growable array of (func, args, kwargs) slots, as in
 * CPython: unregister() empties slots but does not compact the array, so
 * _ncallbacks() keeps counting them until the array is cleared.  At exit
 * (and on _run_exitfuncs()) the slots present when the run starts are
 * called newest first; a callback's error (SystemExit included) is
 * reported as "Exception ignored in atexit callback: <func>"; afterwards
 * the array is cleared, so callbacks registered during the run never run.
 *
 * The module hooks itself into interpreter shutdown once, on first
 * import, through _PyAtExit_Register (rp_lifecycle.h): Py_FinalizeEx
 * calls that hook before the modules are torn down.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_modules.h"
#include "rp_lifecycle.h"

typedef struct {
    PyObject *func;
    PyObject *args;     /* tuple */
    PyObject *kwargs;   /* dict or NULL */
} atexit_callback;

static atexit_callback *callbacks;   /* slots; func == NULL means empty */
static Py_ssize_t ncallbacks, callbacks_cap;
static int hooked;                   /* registered with _PyAtExit_Register */

static void
atexit_delete_cb(Py_ssize_t i)
{
    atexit_callback cb = callbacks[i];
    callbacks[i].func = callbacks[i].args = callbacks[i].kwargs = NULL;
    Py_XDECREF(cb.func);
    Py_XDECREF(cb.args);
    Py_XDECREF(cb.kwargs);
}

static void
atexit_cleanup(void)
{
    /* Deleting may run code (a __del__) that registers again: empty each
       slot before touching the next, and only then reset the count. */
    for (Py_ssize_t i = 0; i < ncallbacks; i++)
        if (callbacks[i].func != NULL) atexit_delete_cb(i);
    ncallbacks = 0;
}

static void
atexit_callfuncs(void)
{
    if (ncallbacks == 0) return;
    PyObject *exc = PyErr_GetRaisedException();
    for (Py_ssize_t i = ncallbacks - 1; i >= 0; i--) {
        if (i >= ncallbacks || callbacks[i].func == NULL) continue;
        /* The call may unregister it: hold our own references. */
        PyObject *func = Py_NewRef(callbacks[i].func);
        PyObject *args = Py_NewRef(callbacks[i].args);
        PyObject *kwargs = Py_XNewRef(callbacks[i].kwargs);
        PyObject *res = PyObject_Call(func, args, kwargs);
        if (res == NULL) _PyErr_WriteUnraisableMsg("in atexit callback", func);
        else Py_DECREF(res);
        Py_DECREF(func);
        Py_DECREF(args);
        Py_XDECREF(kwargs);
    }
    atexit_cleanup();
    PyErr_SetRaisedException(exc);
}

static PyObject *
atexit_register(PyObject *module, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) == 0) {
        PyErr_SetString(PyExc_TypeError, "register() takes at least 1 argument (0 given)");
        return NULL;
    }
    PyObject *func = PyTuple_GET_ITEM(args, 0);
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "the first argument must be callable");
        return NULL;
    }
    if (ncallbacks >= callbacks_cap) {
        Py_ssize_t cap = callbacks_cap ? callbacks_cap * 2 : 32;
        atexit_callback *n = PyMem_RawRealloc(callbacks, (size_t)cap * sizeof(atexit_callback));
        if (n == NULL) return PyErr_NoMemory();
        callbacks = n;
        callbacks_cap = cap;
    }
    PyObject *cbargs = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    if (cbargs == NULL) return NULL;
    PyObject *cbkwargs = NULL;
    if (kwargs != NULL) {
        cbkwargs = PyDict_Copy(kwargs);
        if (cbkwargs == NULL) {
            Py_DECREF(cbargs);
            return NULL;
        }
    }
    atexit_callback *cb = &callbacks[ncallbacks++];
    cb->func = Py_NewRef(func);
    cb->args = cbargs;
    cb->kwargs = cbkwargs;
    return Py_NewRef(func);
}

static PyObject *
atexit_unregister(PyObject *module, PyObject *func)
{
    for (Py_ssize_t i = 0; i < ncallbacks; i++) {
        if (callbacks[i].func == NULL) continue;
        int eq = PyObject_RichCompareBool(callbacks[i].func, func, Py_EQ);
        if (eq < 0) return NULL;
        /* The comparison may have run code that changed the array. */
        if (eq && i < ncallbacks && callbacks[i].func != NULL) atexit_delete_cb(i);
    }
    Py_RETURN_NONE;
}

static PyObject *
atexit_run_exitfuncs(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    atexit_callfuncs();
    Py_RETURN_NONE;
}

static PyObject *
atexit_clear(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    atexit_cleanup();
    Py_RETURN_NONE;
}

static PyObject *
atexit_ncallbacks(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromSsize_t(ncallbacks);
}

static PyMethodDef atexit_methods[] = {
    {"register", (PyCFunction)(void (*)(void))atexit_register, METH_VARARGS | METH_KEYWORDS,
     "register(func, *args, **kwargs) -> func\n\n"
     "Register a function to be executed upon normal program termination\n\n"
     "    func - function to be called at exit\n"
     "    args - optional arguments to pass to func\n"
     "    kwargs - optional keyword arguments to pass to func\n\n"
     "    func is returned to facilitate usage as a decorator."},
    {"_clear", atexit_clear, METH_NOARGS,
     "_clear() -> None\n\nClear the list of previously registered exit functions."},
    {"unregister", atexit_unregister, METH_O,
     "unregister(func) -> None\n\n"
     "Unregister an exit function which was previously registered using\n"
     "atexit.register\n\n"
     "    func - function to be unregistered"},
    {"_run_exitfuncs", atexit_run_exitfuncs, METH_NOARGS,
     "_run_exitfuncs() -> None\n\nRun all registered exit functions.\n\n"
     "If a callback raises an exception, it is logged with sys.unraisablehook."},
    {"_ncallbacks", atexit_ncallbacks, METH_NOARGS,
     "_ncallbacks() -> int\n\nReturn the number of registered exit functions."},
    {NULL, NULL, 0, NULL}
};

static PyModuleDef atexit_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "atexit",
    .m_doc = "allow programmer to define multiple exit functions to be executed\n"
             "upon normal program termination.\n\n"
             "Two public functions, register and unregister, are defined.\n",
    .m_size = -1,
    .m_methods = atexit_methods,
};

/* New reference. */
PyObject *
PyInit_atexit(void)
{
    PyObject *m = PyModule_Create(&atexit_def);
    if (m == NULL) return NULL;
    if (!hooked) {
        /* Py_FinalizeEx runs this (one hook for the whole array). */
        PyObject *run = PyObject_GetAttrString(m, "_run_exitfuncs");
        if (run == NULL) goto error;
        int r = _PyAtExit_Register(run, NULL, NULL);
        Py_DECREF(run);
        if (r < 0) goto error;
        hooked = 1;
    }
    return m;
error:
    Py_DECREF(m);
    return NULL;
}
