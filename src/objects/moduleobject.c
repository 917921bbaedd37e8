/* moduleobject.c -- module objects and C module creation.
 *
 * A module is a namespace dict plus a name; attribute access reads the dict
 * (and calls a module-level __getattr__ if the name is missing, PEP 562).
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_state.h"

static PyMemberDef module_members[] = {
    {"__dict__", _Py_T_OBJECT, offsetof(PyModuleObject, md_dict), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

PyTypeObject PyModuleDef_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "moduledef",
    .tp_basicsize = sizeof(PyModuleDef),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static int
module_init_dict(PyModuleObject *mod, PyObject *md_dict, PyObject *name, PyObject *doc)
{
    if (doc == NULL) doc = Py_None;
    if (PyDict_SetItem(md_dict, _Py_ID(__name__), name) != 0) return -1;
    if (PyDict_SetItem(md_dict, _Py_ID(__doc__), doc) != 0) return -1;
    if (PyDict_SetItem(md_dict, _Py_ID(__package__), Py_None) != 0) return -1;
    if (PyDict_SetItem(md_dict, _Py_ID(__loader__), Py_None) != 0) return -1;
    if (PyDict_SetItem(md_dict, _Py_ID(__spec__), Py_None) != 0) return -1;
    if (PyUnicode_CheckExact(name)) Py_XSETREF(mod->md_name, Py_NewRef(name));
    return 0;
}

/* Allocate an instance without tracking it yet: new reference. */
static PyObject *
alloc_untracked(PyTypeObject *type)
{
    PyObject *obj = type->tp_alloc(type, 0);
    if (obj != NULL && PyObject_GC_IsTracked(obj)) PyObject_GC_UnTrack(obj);
    return obj;
}

static PyModuleObject *
new_module_notrack(PyTypeObject *mt)
{
    PyModuleObject *m = (PyModuleObject *)alloc_untracked(mt);
    if (m == NULL) return NULL;
    m->md_def = NULL;
    m->md_state = NULL;
    m->md_weaklist = NULL;
    m->md_name = NULL;
    m->md_dict = PyDict_New();
    if (m->md_dict != NULL) return m;
    Py_DECREF(m);
    return NULL;
}

/* New reference. */
PyObject *
PyModule_NewObject(PyObject *name)
{
    PyModuleObject *m = new_module_notrack(&PyModule_Type);
    if (m == NULL) return NULL;
    if (module_init_dict(m, m->md_dict, name, NULL) != 0) { Py_DECREF(m); return NULL; }
    PyObject_GC_Track(m);
    return (PyObject *)m;
}

/* New reference. */
PyObject *
PyModule_New(const char *name)
{
    PyObject *nameobj = PyUnicode_FromString(name);
    if (nameobj == NULL) return NULL;
    PyObject *module = PyModule_NewObject(nameobj);
    Py_DECREF(nameobj);
    return module;
}

/* New reference. */
PyObject *
PyModule_Create2(PyModuleDef *module, int module_api_version)
{
    if (PyType_Ready(&PyModuleDef_Type) < 0) return NULL;
    PyObject *m = PyModule_New(module->m_name);
    if (m == NULL) return NULL;
    if (module->m_size > 0) {
        ((PyModuleObject *)m)->md_state = PyMem_Calloc(1, (size_t)module->m_size);
        if (((PyModuleObject *)m)->md_state == NULL) { Py_DECREF(m); return PyErr_NoMemory(); }
    }
    if (module->m_methods != NULL && PyModule_AddFunctions(m, module->m_methods) != 0) {
        Py_DECREF(m);
        return NULL;
    }
    if (module->m_doc != NULL) {
        PyObject *doc = PyUnicode_FromString(module->m_doc);
        if (doc == NULL || PyDict_SetItem(((PyModuleObject *)m)->md_dict, _Py_ID(__doc__), doc) < 0) {
            Py_XDECREF(doc); Py_DECREF(m);
            return NULL;
        }
        Py_DECREF(doc);
    }
    ((PyModuleObject *)m)->md_def = module;
    return m;
}

int
PyModule_AddFunctions(PyObject *m, PyMethodDef *functions)
{
    PyObject *name = PyModule_GetNameObject(m);
    if (name == NULL) return -1;
    for (PyMethodDef *fdef = functions; fdef->ml_name != NULL; fdef++) {
        if ((fdef->ml_flags & METH_CLASS) || (fdef->ml_flags & METH_STATIC)) {
            PyErr_SetString(PyExc_ValueError, "module functions cannot set METH_CLASS or METH_STATIC");
            Py_DECREF(name);
            return -1;
        }
        PyObject *func = PyCFunction_NewEx(fdef, m, name);
        if (func == NULL) { Py_DECREF(name); return -1; }
        if (PyObject_SetAttrString(m, fdef->ml_name, func) != 0) {
            Py_DECREF(func); Py_DECREF(name);
            return -1;
        }
        Py_DECREF(func);
    }
    Py_DECREF(name);
    return 0;
}

/* BORROWED reference. */
PyObject *
PyModule_GetDict(PyObject *m)
{
    if (!PyModule_Check(m)) { PyErr_BadInternalCall(); return NULL; }
    return ((PyModuleObject *)m)->md_dict;
}

/* New reference. */
PyObject *
PyModule_GetNameObject(PyObject *m)
{
    if (!PyModule_Check(m)) { PyErr_BadArgument(); return NULL; }
    PyObject *d = ((PyModuleObject *)m)->md_dict;
    PyObject *name;
    if (d == NULL || !PyDict_Check(d) ||
        (name = PyDict_GetItemWithError(d, _Py_ID(__name__))) == NULL || !PyUnicode_Check(name)) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_SystemError, "nameless module");
        return NULL;
    }
    return Py_NewRef(name);
}

const char *
PyModule_GetName(PyObject *m)
{
    PyObject *name = PyModule_GetNameObject(m);
    if (name == NULL) return NULL;
    Py_DECREF(name);   /* the module dict keeps it alive */
    return PyUnicode_AsUTF8(name);
}

void *
PyModule_GetState(PyObject *m)
{
    if (!PyModule_Check(m)) { PyErr_BadArgument(); return NULL; }
    return ((PyModuleObject *)m)->md_state;
}

PyModuleDef *
PyModule_GetDef(PyObject *m)
{
    if (!PyModule_Check(m)) { PyErr_BadArgument(); return NULL; }
    return ((PyModuleObject *)m)->md_def;
}

int
PyModule_AddObjectRef(PyObject *mod, const char *name, PyObject *value)
{
    if (!PyModule_Check(mod)) {
        PyErr_SetString(PyExc_TypeError, "PyModule_AddObjectRef() first argument must be a module");
        return -1;
    }
    if (value == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "PyModule_AddObjectRef() must be called with an exception raised if value is NULL");
        return -1;
    }
    return PyDict_SetItemString(((PyModuleObject *)mod)->md_dict, name, value);
}

int
PyModule_Add(PyObject *mod, const char *name, PyObject *value)
{
    int res = PyModule_AddObjectRef(mod, name, value);
    Py_XDECREF(value);
    return res;
}

int
PyModule_AddObject(PyObject *mod, const char *name, PyObject *value)
{
    int res = PyModule_AddObjectRef(mod, name, value);
    if (res == 0) Py_DECREF(value);
    return res;
}

int
PyModule_AddIntConstant(PyObject *m, const char *name, long value)
{
    return PyModule_Add(m, name, PyLong_FromLong(value));
}

int
PyModule_AddStringConstant(PyObject *m, const char *name, const char *value)
{
    return PyModule_Add(m, name, PyUnicode_FromString(value));
}

int
PyModule_AddType(PyObject *module, PyTypeObject *type)
{
    if (!(type->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(type) < 0) return -1;
    const char *name = _PyType_Name(type);
    return PyModule_AddObjectRef(module, name, (PyObject *)type);
}

/* ---------------------------- the module type ---------------------------- */

static int
module___init__(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"name", "doc", NULL};
    PyObject *name, *doc = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "U|O:module", kwlist, &name, &doc))
        return -1;
    PyModuleObject *m = (PyModuleObject *)self;
    if (m->md_dict == NULL) {
        m->md_dict = PyDict_New();
        if (m->md_dict == NULL) return -1;
    }
    return module_init_dict(m, m->md_dict, name, doc);
}

static void
module_dealloc(PyModuleObject *m)
{
    PyObject_GC_UnTrack(m);
    if (m->md_def && m->md_def->m_free && (m->md_def->m_size <= 0 || m->md_state != NULL))
        m->md_def->m_free(m);
    Py_XDECREF(m->md_dict);
    Py_XDECREF(m->md_name);
    if (m->md_weaklist != NULL) PyObject_ClearWeakRefs((PyObject *)m);
    if (m->md_state != NULL) PyMem_Free(m->md_state);
    Py_TYPE(m)->tp_free((PyObject *)m);
}

static PyObject *
module_repr(PyModuleObject *m)
{
    PyObject *name = PyDict_GetItemWithError(m->md_dict, _Py_ID(__name__));
    if (name == NULL) {
        if (PyErr_Occurred()) return NULL;
        name = _PyUnicode_InternStatic("?");
    }
    PyObject *file = PyDict_GetItemWithError(m->md_dict, _Py_ID(__file__));
    if (file != NULL && PyUnicode_Check(file))
        return PyUnicode_FromFormat("<module %R from %R>", name, file);
    if (PyErr_Occurred()) return NULL;
    PyObject *loader = PyDict_GetItemWithError(m->md_dict, _Py_ID(__loader__));
    if (m->md_def != NULL || (loader != NULL && loader == Py_None && m->md_def != NULL))
        return PyUnicode_FromFormat("<module %R (built-in)>", name);
    if (loader != NULL && PyUnicode_Check(loader))
        return PyUnicode_FromFormat("<module %R (%U)>", name, loader);
    return PyUnicode_FromFormat("<module %R>", name);
}

/* Module attribute lookup, with PEP 562 module __getattr__. New reference. */
static PyObject *
module_getattro(PyModuleObject *m, PyObject *name)
{
    PyObject *attr = _PyObject_GenericGetAttrSuppress((PyObject *)m, name);
    if (attr != NULL || PyErr_Occurred()) return attr;
    PyObject *getattr = PyDict_GetItemWithError(m->md_dict, _Py_ID(__getattr__));
    if (getattr != NULL) return PyObject_CallOneArg(getattr, name);
    if (PyErr_Occurred()) return NULL;
    PyObject *mod_name = PyDict_GetItemWithError(m->md_dict, _Py_ID(__name__));
    if (mod_name && PyUnicode_Check(mod_name)) {
        PyErr_Format(PyExc_AttributeError, "module '%U' has no attribute '%U'", mod_name, name);
    }
    else if (!PyErr_Occurred()) {
        PyErr_Format(PyExc_AttributeError, "module has no attribute '%U'", name);
    }
    PyObject *exc = PyErr_GetRaisedException();
    if (exc && PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_AttributeError)) {
        PyAttributeErrorObject *ae = (PyAttributeErrorObject *)exc;
        if (!ae->name) ae->name = Py_NewRef(name);
        if (!ae->obj) ae->obj = Py_NewRef(m);
    }
    PyErr_SetRaisedException(exc);
    return NULL;
}

static int
module_traverse(PyModuleObject *m, visitproc visit, void *arg)
{
    Py_VISIT(m->md_dict);
    return 0;
}

static int
module_clear(PyModuleObject *m)
{
    Py_CLEAR(m->md_dict);
    return 0;
}

static PyObject *
module_dir(PyObject *self, PyObject *args)
{
    PyObject *dict = PyObject_GetAttr(self, _Py_ID(__dict__));
    if (dict == NULL) return NULL;
    PyObject *result = NULL;
    if (PyDict_Check(dict)) {
        PyObject *dirfunc = PyDict_GetItemWithError(dict, _Py_ID(__dir__));
        if (dirfunc) result = PyObject_CallNoArgs(dirfunc);
        else if (!PyErr_Occurred()) result = PyDict_Keys(dict);
    }
    else {
        PyErr_Format(PyExc_TypeError, "<module>.__dict__ is not a dictionary");
    }
    Py_DECREF(dict);
    return result;
}

static PyMethodDef module_methods[] = {
    {"__dir__", module_dir, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyObject *
module_get_annotations(PyModuleObject *m, void *Py_UNUSED(ignored))
{
    PyObject *dict = m->md_dict;
    PyObject *annotations = PyDict_GetItemWithError(dict, _Py_ID(__annotations__));
    if (annotations) return Py_NewRef(annotations);
    if (PyErr_Occurred()) return NULL;
    annotations = PyDict_New();
    if (annotations && PyDict_SetItem(dict, _Py_ID(__annotations__), annotations) < 0)
        Py_CLEAR(annotations);
    return annotations;
}

static int
module_set_annotations(PyModuleObject *m, PyObject *value, void *Py_UNUSED(ignored))
{
    if (value != NULL) return PyDict_SetItem(m->md_dict, _Py_ID(__annotations__), value);
    int ret = PyDict_DelItem(m->md_dict, _Py_ID(__annotations__));
    if (ret < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyErr_Clear();
        PyErr_SetString(PyExc_AttributeError, "__annotations__");
    }
    return ret;
}

static PyGetSetDef module_getsets[] = {
    {"__annotations__", (getter)module_get_annotations, (setter)module_set_annotations, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyModule_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "module",
    .tp_basicsize = sizeof(PyModuleObject),
    .tp_dealloc = (destructor)module_dealloc,
    .tp_repr = (reprfunc)module_repr,
    .tp_getattro = (getattrofunc)module_getattro,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Create a module object.\n\nThe name must be a string; the optional doc argument can have any type.",
    .tp_traverse = (traverseproc)module_traverse,
    .tp_clear = (inquiry)module_clear,
    .tp_weaklistoffset = offsetof(PyModuleObject, md_weaklist),
    .tp_methods = module_methods,
    .tp_members = module_members,
    .tp_getset = module_getsets,
    .tp_dictoffset = offsetof(PyModuleObject, md_dict),
    .tp_init = module___init__,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};
