/* _weakref.c -- the _weakref module: the C half of weakref.py.
 *
 * Exposes the weak reference types of src/objects/weakrefobject.c (ref =
 * ReferenceType, ProxyType, CallableProxyType), the proxy() factory,
 * getweakrefcount/getweakrefs (which walk the referent's list in order:
 * basic ref, basic proxy, then the others newest first), and
 * _remove_dead_weakref, which WeakValueDictionary's callbacks use to drop
 * an entry only if it still holds a dead reference.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_modules.h"
#include "refpy/weakrefobject.h"

static PyObject *
weakref_getweakrefcount(PyObject *module, PyObject *object)
{
    PyObject **list = _PyObject_GetWeakrefListPtr(object);
    if (list == NULL) return PyLong_FromLong(0);
    return PyLong_FromSsize_t(_PyWeakref_GetWeakrefCount((PyWeakReference *)*list));
}

static PyObject *
weakref_getweakrefs(PyObject *module, PyObject *object)
{
    PyObject **list = _PyObject_GetWeakrefListPtr(object);
    if (list == NULL) return PyList_New(0);
    PyWeakReference *current = (PyWeakReference *)*list;
    Py_ssize_t count = _PyWeakref_GetWeakrefCount(current);
    PyObject *result = PyList_New(count);
    if (result == NULL) return NULL;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyList_SET_ITEM(result, i, Py_NewRef(current));
        current = current->wr_next;
    }
    return result;
}

static PyObject *
weakref_proxy(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("proxy", nargs, 1, 2)) return NULL;
    return PyWeakref_NewProxy(args[0], nargs == 2 ? args[1] : NULL);
}

/* _remove_dead_weakref(dct, key): delete dct[key] if it is a dead weak
   reference; a missing key is fine. */
static PyObject *
weakref_remove_dead_weakref(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_remove_dead_weakref", nargs, 2, 2)) return NULL;
    PyObject *dct = args[0], *key = args[1];
    if (!PyDict_Check(dct)) {
        PyErr_Format(PyExc_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %.50s",
                     dct == Py_None ? "None" : Py_TYPE(dct)->tp_name);
        return NULL;
    }
    PyObject *value = PyDict_GetItemWithError(dct, key);
    if (value == NULL) {
        if (PyErr_Occurred()) return NULL;
        Py_RETURN_NONE;
    }
    if (!PyWeakref_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "not a weakref");
        return NULL;
    }
    if (PyWeakref_GET_OBJECT(value) == Py_None) {
        if (PyDict_DelItem(dct, key) < 0) {
            if (!PyErr_ExceptionMatches(PyExc_KeyError)) return NULL;
            PyErr_Clear();
        }
    }
    Py_RETURN_NONE;
}

static PyMethodDef weakref_functions[] = {
    {"getweakrefcount", weakref_getweakrefcount, METH_O,
     "getweakrefcount($module, object, /)\n--\n\n"
     "Return the number of weak references to 'object'."},
    {"getweakrefs", weakref_getweakrefs, METH_O,
     "getweakrefs($module, object, /)\n--\n\n"
     "Return a list of all weak reference objects pointing to 'object'."},
    {"proxy", (PyCFunction)(void (*)(void))weakref_proxy, METH_FASTCALL,
     "proxy($module, object, callback=None, /)\n--\n\n"
     "Create a proxy object that weakly references 'object'.\n\n"
     "'callback', if given, is called with a reference to the\n"
     "proxy when 'object' is about to be finalized."},
    {"_remove_dead_weakref", (PyCFunction)(void (*)(void))weakref_remove_dead_weakref, METH_FASTCALL,
     "_remove_dead_weakref($module, dct, key, /)\n--\n\n"
     "Atomically remove key from dict if it points to a dead weakref."},
    {NULL, NULL, 0, NULL}
};

static PyModuleDef weakref_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_weakref",
    .m_doc = "Weak-reference support module.",
    .m_size = -1,
    .m_methods = weakref_functions,
};

/* New reference. */
PyObject *
PyInit__weakref(void)
{
    if (_PyWeakref_InitTypes() < 0) return NULL;
    PyObject *m = PyModule_Create(&weakref_def);
    if (m == NULL) return NULL;
    if (PyModule_AddObjectRef(m, "ref", (PyObject *)&_PyWeakref_RefType) < 0 ||
        PyModule_AddObjectRef(m, "ReferenceType", (PyObject *)&_PyWeakref_RefType) < 0 ||
        PyModule_AddObjectRef(m, "ProxyType", (PyObject *)&_PyWeakref_ProxyType) < 0 ||
        PyModule_AddObjectRef(m, "CallableProxyType", (PyObject *)&_PyWeakref_CallableProxyType) < 0)
        goto error;
    return m;
error:
    Py_DECREF(m);
    return NULL;
}
