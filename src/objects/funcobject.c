/* funcobject.c -- Python functions, cells, bound methods, classmethod and
 * staticmethod.
 *
 * A function is a code object plus the environment it runs in: globals,
 * builtins (looked up once, when the function is made), defaults,
 * keyword-only defaults and a closure (a tuple of cells).  Calling one
 * from Python never goes through tp_call: the CALL instruction recognises
 * PyFunction_Type and pushes a frame inline.  From C, calls arrive through
 * the vectorcall slot (_PyFunction_Vectorcall in src/vm/call.c).
 *
 * func_version identifies "the code and calling convention" of a function
 * for the CALL inline caches: MAKE_FUNCTION copies the code object's
 * co_version into it, and assigning __code__, __defaults__ or
 * __kwdefaults__ resets it to 0, which no cache ever matches.
 *
 * Bound methods prepend self to the arguments without allocating when
 * the caller allows it (PY_VECTORCALL_ARGUMENTS_OFFSET: the slot before
 * args[0] may be borrowed).  classmethod and staticmethod copy the
 * wrapped function's __module__, __name__, __qualname__, __doc__ and
 * __annotations__ into their own __dict__, as 3.12's functools_wraps does.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_eval.h"

/* ================================================================== */
/* Functions                                                           */
/* ================================================================== */

PyObject *
PyFunction_NewWithQualName(PyObject *code, PyObject *globals, PyObject *qualname)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (globals == NULL || !PyDict_Check(globals) || code == NULL || !PyCode_Check(code)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyCodeObject *co = (PyCodeObject *)code;
    if (qualname == NULL) qualname = co->co_qualname;

    PyObject *doc = Py_None;
    if (co->co_flags & CO_HAS_DOCSTRING) {
        doc = PyTuple_GET_ITEM(co->co_consts, 0);
    }
    else if (PyTuple_GET_SIZE(co->co_consts) >= 1) {
        doc = PyTuple_GET_ITEM(co->co_consts, 0);
        if (!PyUnicode_Check(doc)) doc = Py_None;
    }

    PyObject *module = PyDict_GetItemWithError(globals, _Py_ID(__name__));
    if (module == NULL && PyErr_Occurred()) return NULL;
    PyObject *builtins = _PyEval_BuiltinsFromGlobals(tstate, globals);
    if (builtins == NULL) return NULL;

    PyFunctionObject *op = PyObject_GC_New(PyFunctionObject, &PyFunction_Type);
    if (op == NULL) return NULL;
    op->func_globals = Py_NewRef(globals);
    op->func_builtins = Py_NewRef(builtins);
    op->func_name = Py_NewRef(co->co_name);
    op->func_qualname = Py_NewRef(qualname);
    op->func_code = Py_NewRef(code);
    op->func_defaults = NULL;
    op->func_kwdefaults = NULL;
    op->func_closure = NULL;
    op->func_doc = Py_NewRef(doc);
    op->func_dict = NULL;
    op->func_weakreflist = NULL;
    op->func_module = Py_XNewRef(module);
    op->func_annotations = NULL;
    op->func_typeparams = NULL;
    op->vectorcall = _PyFunction_Vectorcall;
    op->func_version = co->co_version;
    _PyObject_GC_TRACK((PyObject *)op);
    return (PyObject *)op;
}

PyObject *
PyFunction_New(PyObject *code, PyObject *globals)
{
    return PyFunction_NewWithQualName(code, globals, NULL);
}

PyObject *
PyFunction_GetCode(PyObject *op)
{
    if (!PyFunction_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return ((PyFunctionObject *)op)->func_code;
}

PyObject *
PyFunction_GetGlobals(PyObject *op)
{
    if (!PyFunction_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return ((PyFunctionObject *)op)->func_globals;
}

PyObject *
PyFunction_GetModule(PyObject *op)
{
    if (!PyFunction_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return ((PyFunctionObject *)op)->func_module;
}

PyObject *
PyFunction_GetDefaults(PyObject *op)
{
    if (!PyFunction_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return ((PyFunctionObject *)op)->func_defaults;
}

int
PyFunction_SetDefaults(PyObject *op, PyObject *defaults)
{
    if (!PyFunction_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (defaults == Py_None) defaults = NULL;
    else if (defaults && PyTuple_Check(defaults)) Py_INCREF(defaults);
    else if (defaults != NULL) {
        PyErr_SetString(PyExc_SystemError, "non-tuple default args");
        return -1;
    }
    ((PyFunctionObject *)op)->func_version = 0;
    Py_XSETREF(((PyFunctionObject *)op)->func_defaults, defaults);
    return 0;
}

PyObject *
PyFunction_GetKwDefaults(PyObject *op)
{
    if (!PyFunction_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return ((PyFunctionObject *)op)->func_kwdefaults;
}

int
PyFunction_SetKwDefaults(PyObject *op, PyObject *defaults)
{
    if (!PyFunction_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (defaults == Py_None) defaults = NULL;
    else if (defaults && PyDict_Check(defaults)) Py_INCREF(defaults);
    else if (defaults != NULL) {
        PyErr_SetString(PyExc_SystemError, "non-dict keyword only default args");
        return -1;
    }
    ((PyFunctionObject *)op)->func_version = 0;
    Py_XSETREF(((PyFunctionObject *)op)->func_kwdefaults, defaults);
    return 0;
}

PyObject *
PyFunction_GetClosure(PyObject *op)
{
    if (!PyFunction_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return ((PyFunctionObject *)op)->func_closure;
}

int
PyFunction_SetClosure(PyObject *op, PyObject *closure)
{
    if (!PyFunction_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (closure == Py_None) closure = NULL;
    else if (PyTuple_Check(closure)) Py_INCREF(closure);
    else {
        PyErr_Format(PyExc_SystemError, "expected tuple for closure, got '%.100s'",
                     Py_TYPE(closure)->tp_name);
        return -1;
    }
    ((PyFunctionObject *)op)->func_version = 0;
    Py_XSETREF(((PyFunctionObject *)op)->func_closure, closure);
    return 0;
}

/* 3.12's MAKE_FUNCTION stores annotations as a flat tuple of name/value
   pairs; the dict is built the first time someone asks. BORROWED. */
static PyObject *
func_get_annotation_dict(PyFunctionObject *op)
{
    if (op->func_annotations == NULL) return NULL;
    if (PyTuple_CheckExact(op->func_annotations)) {
        PyObject *ann_tuple = op->func_annotations;
        PyObject *ann_dict = PyDict_New();
        if (ann_dict == NULL) return NULL;
        for (Py_ssize_t i = 0; i + 1 < PyTuple_GET_SIZE(ann_tuple); i += 2) {
            if (PyDict_SetItem(ann_dict, PyTuple_GET_ITEM(ann_tuple, i),
                               PyTuple_GET_ITEM(ann_tuple, i + 1)) < 0) {
                Py_DECREF(ann_dict);
                return NULL;
            }
        }
        Py_SETREF(op->func_annotations, ann_dict);
    }
    return op->func_annotations;
}

PyObject *
PyFunction_GetAnnotations(PyObject *op)
{
    if (!PyFunction_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return func_get_annotation_dict((PyFunctionObject *)op);
}

/* ---- attributes ---- */

#define OFF(x) offsetof(PyFunctionObject, x)
static PyMemberDef func_memberlist[] = {
    {"__closure__", _Py_T_OBJECT, OFF(func_closure), Py_READONLY, NULL},
    {"__doc__", _Py_T_OBJECT, OFF(func_doc), 0, NULL},
    {"__globals__", _Py_T_OBJECT, OFF(func_globals), Py_READONLY, NULL},
    {"__module__", _Py_T_OBJECT, OFF(func_module), 0, NULL},
    {"__builtins__", _Py_T_OBJECT, OFF(func_builtins), Py_READONLY, NULL},
    {NULL}
};
#undef OFF

static PyObject *
func_get_code(PyFunctionObject *op, void *closure)
{
    return Py_NewRef(op->func_code);
}

static int
func_set_code(PyFunctionObject *op, PyObject *value, void *closure)
{
    if (value == NULL || !PyCode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    Py_ssize_t nfree = ((PyCodeObject *)value)->co_nfreevars;
    Py_ssize_t nclosure = op->func_closure == NULL ? 0 : PyTuple_GET_SIZE(op->func_closure);
    if (nclosure != nfree) {
        PyErr_Format(PyExc_ValueError, "%U() requires a code object with %zd free vars, not %zd",
                     op->func_name, nclosure, nfree);
        return -1;
    }
    op->func_version = 0;
    Py_XSETREF(op->func_code, Py_NewRef(value));
    return 0;
}

static PyObject *
func_get_name(PyFunctionObject *op, void *closure)
{
    return Py_NewRef(op->func_name);
}

static int
func_set_name(PyFunctionObject *op, PyObject *value, void *closure)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(op->func_name, Py_NewRef(value));
    return 0;
}

static PyObject *
func_get_qualname(PyFunctionObject *op, void *closure)
{
    return Py_NewRef(op->func_qualname);
}

static int
func_set_qualname(PyFunctionObject *op, PyObject *value, void *closure)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(op->func_qualname, Py_NewRef(value));
    return 0;
}

static PyObject *
func_get_defaults(PyFunctionObject *op, void *closure)
{
    if (op->func_defaults == NULL) Py_RETURN_NONE;
    return Py_NewRef(op->func_defaults);
}

static int
func_set_defaults(PyFunctionObject *op, PyObject *value, void *closure)
{
    if (value == Py_None) value = NULL;
    if (value != NULL && !PyTuple_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    op->func_version = 0;
    Py_XSETREF(op->func_defaults, Py_XNewRef(value));
    return 0;
}

static PyObject *
func_get_kwdefaults(PyFunctionObject *op, void *closure)
{
    if (op->func_kwdefaults == NULL) Py_RETURN_NONE;
    return Py_NewRef(op->func_kwdefaults);
}

static int
func_set_kwdefaults(PyFunctionObject *op, PyObject *value, void *closure)
{
    if (value == Py_None) value = NULL;
    if (value != NULL && !PyDict_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    op->func_version = 0;
    Py_XSETREF(op->func_kwdefaults, Py_XNewRef(value));
    return 0;
}

static PyObject *
func_get_annotations(PyFunctionObject *op, void *closure)
{
    if (op->func_annotations == NULL) {
        op->func_annotations = PyDict_New();
        if (op->func_annotations == NULL) return NULL;
    }
    PyObject *d = func_get_annotation_dict(op);
    return Py_XNewRef(d);
}

static int
func_set_annotations(PyFunctionObject *op, PyObject *value, void *closure)
{
    if (value == Py_None) value = NULL;
    if (value != NULL && !PyDict_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    op->func_version = 0;
    Py_XSETREF(op->func_annotations, Py_XNewRef(value));
    return 0;
}

static PyObject *
func_get_type_params(PyFunctionObject *op, void *closure)
{
    if (op->func_typeparams == NULL) return PyTuple_New(0);
    return Py_NewRef(op->func_typeparams);
}

static int
func_set_type_params(PyFunctionObject *op, PyObject *value, void *closure)
{
    if (value == NULL || !PyTuple_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__type_params__ must be set to a tuple");
        return -1;
    }
    Py_XSETREF(op->func_typeparams, Py_NewRef(value));
    return 0;
}

static int
func_set_dict(PyObject *op, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!PyDict_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__dict__ must be set to a dictionary");
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)op)->func_dict, Py_NewRef(value));
    return 0;
}

static PyObject *
func_get_dict(PyObject *op, void *closure)
{
    PyFunctionObject *f = (PyFunctionObject *)op;
    if (f->func_dict == NULL) {
        f->func_dict = PyDict_New();
        if (f->func_dict == NULL) return NULL;
    }
    return Py_NewRef(f->func_dict);
}

static PyGetSetDef func_getsetlist[] = {
    {"__code__", (getter)func_get_code, (setter)func_set_code, NULL, NULL},
    {"__defaults__", (getter)func_get_defaults, (setter)func_set_defaults, NULL, NULL},
    {"__kwdefaults__", (getter)func_get_kwdefaults, (setter)func_set_kwdefaults, NULL, NULL},
    {"__annotations__", (getter)func_get_annotations, (setter)func_set_annotations, NULL, NULL},
    {"__dict__", func_get_dict, func_set_dict, NULL, NULL},
    {"__name__", (getter)func_get_name, (setter)func_set_name, NULL, NULL},
    {"__qualname__", (getter)func_get_qualname, (setter)func_set_qualname, NULL, NULL},
    {"__type_params__", (getter)func_get_type_params, (setter)func_set_type_params, NULL, NULL},
    {NULL}
};

/* function(code, globals, name=None, argdefs=None, closure=None, kwdefaults=None) */
static PyObject *
func_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static const char *const kwlist[] = {"code", "globals", "name", "argdefs", "closure",
                                         "kwdefaults", NULL};
    PyObject *vals[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 6) {
        PyErr_Format(PyExc_TypeError, "function() takes at most 6 arguments (%zd given)", nargs);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) vals[i] = PyTuple_GET_ITEM(args, i);
    if (kw != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kw, &pos, &key, &value)) {
            int j;
            for (j = 0; kwlist[j]; j++)
                if (PyUnicode_Check(key) && _PyUnicode_EqualToASCIIString(key, kwlist[j])) break;
            if (kwlist[j] == NULL) {
                PyErr_Format(PyExc_TypeError, "function() got an unexpected keyword argument '%S'",
                             key);
                return NULL;
            }
            if (vals[j] != NULL) {
                PyErr_Format(PyExc_TypeError,
                             "argument for function() given by name ('%s') and position (%d)",
                             kwlist[j], j + 1);
                return NULL;
            }
            vals[j] = value;
        }
    }
    PyObject *code = vals[0], *globals = vals[1], *name = vals[2], *defaults = vals[3];
    PyObject *closure = vals[4], *kwdefaults = vals[5];
    if (code == NULL || globals == NULL) {
        PyErr_Format(PyExc_TypeError, "function() missing required argument '%s' (pos %d)",
                     code == NULL ? "code" : "globals", code == NULL ? 1 : 2);
        return NULL;
    }
    if (!PyCode_Check(code)) {
        PyErr_Format(PyExc_TypeError, "function() argument 'code' must be code, not %.200s",
                     Py_TYPE(code)->tp_name);
        return NULL;
    }
    if (!PyDict_Check(globals)) {
        PyErr_Format(PyExc_TypeError, "function() argument 'globals' must be dict, not %.200s",
                     Py_TYPE(globals)->tp_name);
        return NULL;
    }
    if (name != NULL && name != Py_None && !PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "arg 3 (name) must be None or string");
        return NULL;
    }
    if (defaults != NULL && defaults != Py_None && !PyTuple_Check(defaults)) {
        PyErr_SetString(PyExc_TypeError, "arg 4 (defaults) must be None or tuple");
        return NULL;
    }
    if (kwdefaults != NULL && kwdefaults != Py_None && !PyDict_Check(kwdefaults)) {
        PyErr_SetString(PyExc_TypeError, "arg 6 (kwdefaults) must be None or dict");
        return NULL;
    }
    PyCodeObject *co = (PyCodeObject *)code;
    Py_ssize_t nclosure = 0;
    if (closure == Py_None) closure = NULL;
    if (closure != NULL) {
        if (!PyTuple_Check(closure)) {
            if (co->co_nfreevars == 0) {
                PyErr_SetString(PyExc_TypeError, "arg 5 (closure) must be None or tuple");
                return NULL;
            }
            PyErr_SetString(PyExc_TypeError, "arg 5 (closure) must be tuple");
            return NULL;
        }
        nclosure = PyTuple_GET_SIZE(closure);
    }
    else if (co->co_nfreevars) {
        PyErr_SetString(PyExc_TypeError, "arg 5 (closure) must be tuple");
        return NULL;
    }
    if (co->co_nfreevars != nclosure) {
        PyErr_Format(PyExc_ValueError, "%U requires closure of length %zd, not %zd", co->co_name,
                     (Py_ssize_t)co->co_nfreevars, nclosure);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nclosure; i++) {
        PyObject *o = PyTuple_GET_ITEM(closure, i);
        if (!PyCell_Check(o)) {
            PyErr_Format(PyExc_TypeError, "arg 5 (closure) expected cell, found %s",
                         Py_TYPE(o)->tp_name);
            return NULL;
        }
    }
    PyFunctionObject *f = (PyFunctionObject *)PyFunction_New(code, globals);
    if (f == NULL) return NULL;
    if (name != NULL && name != Py_None) Py_SETREF(f->func_name, Py_NewRef(name));
    if (defaults != NULL && defaults != Py_None) f->func_defaults = Py_NewRef(defaults);
    if (closure != NULL) f->func_closure = Py_NewRef(closure);
    if (kwdefaults != NULL && kwdefaults != Py_None) f->func_kwdefaults = Py_NewRef(kwdefaults);
    return (PyObject *)f;
}

static int
func_clear(PyFunctionObject *op)
{
    op->func_version = 0;
    Py_CLEAR(op->func_globals);
    Py_CLEAR(op->func_builtins);
    Py_CLEAR(op->func_module);
    Py_CLEAR(op->func_defaults);
    Py_CLEAR(op->func_kwdefaults);
    Py_CLEAR(op->func_doc);
    Py_CLEAR(op->func_dict);
    Py_CLEAR(op->func_closure);
    Py_CLEAR(op->func_annotations);
    Py_CLEAR(op->func_typeparams);
    /* code, name and qualname are assumed non-NULL everywhere */
    Py_SETREF(op->func_name, Py_NewRef(_PyUnicode_GetEmpty()));
    Py_SETREF(op->func_qualname, Py_NewRef(_PyUnicode_GetEmpty()));
    return 0;
}

static void
func_dealloc(PyFunctionObject *op)
{
    PyObject_GC_UnTrack(op);
    if (op->func_weakreflist != NULL) PyObject_ClearWeakRefs((PyObject *)op);
    (void)func_clear(op);
    Py_DECREF(op->func_code);
    Py_DECREF(op->func_name);
    Py_DECREF(op->func_qualname);
    PyObject_GC_Del(op);
}

static PyObject *
func_repr(PyFunctionObject *op)
{
    return PyUnicode_FromFormat("<function %U at %p>", op->func_qualname, op);
}

static int
func_traverse(PyFunctionObject *f, visitproc visit, void *arg)
{
    Py_VISIT(f->func_code);
    Py_VISIT(f->func_globals);
    Py_VISIT(f->func_builtins);
    Py_VISIT(f->func_module);
    Py_VISIT(f->func_defaults);
    Py_VISIT(f->func_kwdefaults);
    Py_VISIT(f->func_doc);
    Py_VISIT(f->func_name);
    Py_VISIT(f->func_dict);
    Py_VISIT(f->func_closure);
    Py_VISIT(f->func_annotations);
    Py_VISIT(f->func_typeparams);
    Py_VISIT(f->func_qualname);
    return 0;
}

/* Bind a function to an object. */
static PyObject *
func_descr_get(PyObject *func, PyObject *obj, PyObject *type)
{
    if (obj == Py_None || obj == NULL) return Py_NewRef(func);
    return PyMethod_New(func, obj);
}

PyTypeObject PyFunction_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "function",
    .tp_basicsize = sizeof(PyFunctionObject),
    .tp_dealloc = (destructor)func_dealloc,
    .tp_vectorcall_offset = offsetof(PyFunctionObject, vectorcall),
    .tp_repr = (reprfunc)func_repr,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL |
                Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_doc = "Create a function object.\n\n  code\n    a code object\n  globals\n"
              "    the globals dictionary\n  name\n    a string that overrides the name from the code object\n"
              "  argdefs\n    a tuple that specifies the default argument values\n  closure\n"
              "    a tuple that supplies the bindings for free variables\n  kwdefaults\n"
              "    a dictionary that specifies the default keyword argument values",
    .tp_traverse = (traverseproc)func_traverse,
    .tp_clear = (inquiry)func_clear,
    .tp_weaklistoffset = offsetof(PyFunctionObject, func_weakreflist),
    .tp_members = func_memberlist,
    .tp_getset = func_getsetlist,
    .tp_descr_get = func_descr_get,
    .tp_dictoffset = offsetof(PyFunctionObject, func_dict),
    .tp_new = func_new,
};

/* ================================================================== */
/* Cells                                                               */
/* ================================================================== */

PyObject *
PyCell_New(PyObject *obj)
{
    PyCellObject *op = PyObject_GC_New(PyCellObject, &PyCell_Type);
    if (op == NULL) return NULL;
    op->ob_ref = Py_XNewRef(obj);
    _PyObject_GC_TRACK((PyObject *)op);
    return (PyObject *)op;
}

PyObject *
PyCell_Get(PyObject *op)
{
    if (!PyCell_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return Py_XNewRef(((PyCellObject *)op)->ob_ref);
}

int
PyCell_Set(PyObject *op, PyObject *value)
{
    if (!PyCell_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_XSETREF(((PyCellObject *)op)->ob_ref, Py_XNewRef(value));
    return 0;
}

static void
cell_dealloc(PyCellObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_XDECREF(op->ob_ref);
    PyObject_GC_Del(op);
}

static PyObject *
cell_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (!_PyArg_NoKeywords("cell", kwargs)) return NULL;
    PyObject *obj = NULL;
    if (!PyArg_UnpackTuple(args, "cell", 0, 1, &obj)) return NULL;
    return PyCell_New(obj);
}

static PyObject *
cell_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyCell_Check(a) || !PyCell_Check(b)) Py_RETURN_NOTIMPLEMENTED;
    a = ((PyCellObject *)a)->ob_ref;
    b = ((PyCellObject *)b)->ob_ref;
    if (a != NULL && b != NULL) return PyObject_RichCompare(a, b, op);
    Py_RETURN_RICHCOMPARE(b == NULL, a == NULL, op);
}

static PyObject *
cell_repr(PyCellObject *op)
{
    if (op->ob_ref == NULL) return PyUnicode_FromFormat("<cell at %p: empty>", op);
    return PyUnicode_FromFormat("<cell at %p: %.80s object at %p>", op,
                                Py_TYPE(op->ob_ref)->tp_name, op->ob_ref);
}

static int
cell_traverse(PyCellObject *op, visitproc visit, void *arg)
{
    Py_VISIT(op->ob_ref);
    return 0;
}

static int
cell_clear(PyCellObject *op)
{
    Py_CLEAR(op->ob_ref);
    return 0;
}

static PyObject *
cell_get_contents(PyCellObject *op, void *closure)
{
    if (op->ob_ref == NULL) {
        PyErr_SetString(PyExc_ValueError, "Cell is empty");
        return NULL;
    }
    return Py_NewRef(op->ob_ref);
}

static int
cell_set_contents(PyCellObject *op, PyObject *obj, void *closure)
{
    Py_XSETREF(op->ob_ref, Py_XNewRef(obj));
    return 0;
}

static PyGetSetDef cell_getsetlist[] = {
    {"cell_contents", (getter)cell_get_contents, (setter)cell_set_contents, NULL},
    {NULL}
};

PyTypeObject PyCell_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "cell",
    .tp_basicsize = sizeof(PyCellObject),
    .tp_dealloc = (destructor)cell_dealloc,
    .tp_repr = (reprfunc)cell_repr,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a new cell object.\n\n  contents\n    the contents of the cell. If not specified, the cell will be empty,\n"
              "    and \n further attempts to access its cell_contents attribute will\n    raise a ValueError.",
    .tp_traverse = (traverseproc)cell_traverse,
    .tp_clear = (inquiry)cell_clear,
    .tp_richcompare = cell_richcompare,
    .tp_getset = cell_getsetlist,
    .tp_new = cell_new,
};

/* ================================================================== */
/* Bound methods                                                       */
/* ================================================================== */

#define SMALL_STACK 5

static PyObject *
method_vectorcall(PyObject *method, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *self = PyMethod_GET_SELF(method);
    PyObject *func = PyMethod_GET_FUNCTION(method);
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *result;
    if (nargsf & PY_VECTORCALL_ARGUMENTS_OFFSET) {
        /* The slot before args[0] is ours to borrow. */
        PyObject **newargs = (PyObject **)args - 1;
        nargs += 1;
        PyObject *tmp = newargs[0];
        newargs[0] = self;
        result = _PyObject_VectorcallTstate(tstate, func, newargs, nargs, kwnames);
        newargs[0] = tmp;
        return result;
    }
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    Py_ssize_t total = nargs + nkw;
    if (total == 0) return _PyObject_VectorcallTstate(tstate, func, &self, 1, NULL);
    PyObject *small[SMALL_STACK];
    PyObject **newargs;
    if (total <= SMALL_STACK - 1) newargs = small;
    else {
        newargs = PyMem_Malloc((total + 1) * sizeof(PyObject *));
        if (newargs == NULL) return PyErr_NoMemory();
    }
    newargs[0] = self;
    memcpy(newargs + 1, args, total * sizeof(PyObject *));
    result = _PyObject_VectorcallTstate(tstate, func, newargs, nargs + 1, kwnames);
    if (newargs != small) PyMem_Free(newargs);
    return result;
}

PyObject *
PyMethod_New(PyObject *func, PyObject *self)
{
    if (self == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyMethodObject *im = PyObject_GC_New(PyMethodObject, &PyMethod_Type);
    if (im == NULL) return NULL;
    im->im_weakreflist = NULL;
    im->im_func = Py_NewRef(func);
    im->im_self = Py_NewRef(self);
    im->vectorcall = method_vectorcall;
    _PyObject_GC_TRACK((PyObject *)im);
    return (PyObject *)im;
}

static PyObject *
method_reduce(PyMethodObject *im, PyObject *Py_UNUSED(ignored))
{
    PyObject *funcname = PyObject_GetAttr(im->im_func, _Py_ID(__name__));
    if (funcname == NULL) return NULL;
    PyObject *getattr = PyDict_GetItemWithError(_PyEval_GetBuiltins(_PyThreadState_GET()),
                                                _Py_ID(getattr));
    if (getattr == NULL) {
        Py_DECREF(funcname);
        if (!PyErr_Occurred()) PyErr_SetObject(PyExc_AttributeError, _Py_ID(getattr));
        return NULL;
    }
    PyObject *inner = PyTuple_Pack(2, im->im_self, funcname);
    Py_DECREF(funcname);
    if (inner == NULL) return NULL;
    PyObject *res = PyTuple_Pack(2, getattr, inner);
    Py_DECREF(inner);
    return res;
}

static PyMethodDef method_methods[] = {
    {"__reduce__", (PyCFunction)method_reduce, METH_NOARGS, NULL},
    {NULL, NULL}
};

static PyMemberDef method_memberlist[] = {
    {"__func__", _Py_T_OBJECT, offsetof(PyMethodObject, im_func), Py_READONLY,
     "the function (or other callable) implementing a method"},
    {"__self__", _Py_T_OBJECT, offsetof(PyMethodObject, im_self), Py_READONLY,
     "the instance to which a method is bound"},
    {NULL}
};

static PyObject *
method_get_doc(PyMethodObject *im, void *context)
{
    return PyObject_GetAttr(im->im_func, _Py_ID(__doc__));
}

static PyGetSetDef method_getset[] = {
    {"__doc__", (getter)method_get_doc, NULL, NULL},
    {NULL}
};

/* Attributes of the method type first, then the function's. */
static PyObject *
method_getattro(PyObject *obj, PyObject *name)
{
    PyMethodObject *im = (PyMethodObject *)obj;
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *descr = _PyType_Lookup(tp, name);
    if (descr != NULL) {
        descrgetfunc f = Py_TYPE(descr)->tp_descr_get;
        if (f != NULL) return f(descr, obj, (PyObject *)tp);
        return Py_NewRef(descr);
    }
    return PyObject_GetAttr(im->im_func, name);
}

static PyObject *
method_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (!_PyArg_NoKeywords("method", kw)) return NULL;
    PyObject *func, *self;
    if (!PyArg_UnpackTuple(args, "method", 2, 2, &func, &self)) return NULL;
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "first argument must be callable");
        return NULL;
    }
    if (self == NULL || self == Py_None) {
        PyErr_SetString(PyExc_TypeError, "instance must not be None");
        return NULL;
    }
    return PyMethod_New(func, self);
}

static void
method_dealloc(PyMethodObject *im)
{
    PyObject_GC_UnTrack(im);
    Py_TRASHCAN_BEGIN(im, method_dealloc)
    if (im->im_weakreflist != NULL) PyObject_ClearWeakRefs((PyObject *)im);
    Py_DECREF(im->im_func);
    Py_XDECREF(im->im_self);
    PyObject_GC_Del(im);
    Py_TRASHCAN_END
}

static PyObject *
method_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyMethod_Check(self) || !PyMethod_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyMethodObject *a = (PyMethodObject *)self, *b = (PyMethodObject *)other;
    int eq = PyObject_RichCompareBool(a->im_func, b->im_func, Py_EQ);
    if (eq == 1) eq = (a->im_self == b->im_self);
    else if (eq < 0) return NULL;
    if (op == Py_EQ) return Py_NewRef(eq ? Py_True : Py_False);
    return Py_NewRef(eq ? Py_False : Py_True);
}

static PyObject *
method_repr(PyMethodObject *a)
{
    PyObject *self = a->im_self, *func = a->im_func, *funcname = NULL;
    if (_PyObject_LookupAttr(func, _Py_ID(__qualname__), &funcname) < 0) return NULL;
    if (funcname == NULL && _PyObject_LookupAttr(func, _Py_ID(__name__), &funcname) < 0)
        return NULL;
    if (funcname != NULL && !PyUnicode_Check(funcname)) Py_CLEAR(funcname);
    PyObject *result = PyUnicode_FromFormat("<bound method %V of %R>", funcname, "?", self);
    Py_XDECREF(funcname);
    return result;
}

static Py_hash_t
method_hash(PyMethodObject *a)
{
    Py_hash_t x = _Py_HashPointer(a->im_self);
    Py_hash_t y = PyObject_Hash(a->im_func);
    if (y == -1) return -1;
    x = x ^ y;
    if (x == -1) x = -2;
    return x;
}

static int
method_traverse(PyMethodObject *im, visitproc visit, void *arg)
{
    Py_VISIT(im->im_func);
    Py_VISIT(im->im_self);
    return 0;
}

PyTypeObject PyMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method",
    .tp_basicsize = sizeof(PyMethodObject),
    .tp_dealloc = (destructor)method_dealloc,
    .tp_vectorcall_offset = offsetof(PyMethodObject, vectorcall),
    .tp_repr = (reprfunc)method_repr,
    .tp_hash = (hashfunc)method_hash,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = method_getattro,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Create a bound instance method object.",
    .tp_traverse = (traverseproc)method_traverse,
    .tp_richcompare = method_richcompare,
    .tp_weaklistoffset = offsetof(PyMethodObject, im_weakreflist),
    .tp_methods = method_methods,
    .tp_members = method_memberlist,
    .tp_getset = method_getset,
    .tp_new = method_new,
};

/* ================================================================== */
/* classmethod and staticmethod                                        */
/* ================================================================== */

typedef struct {
    PyObject_HEAD
    PyObject *cm_callable;
    PyObject *cm_dict;
} classmethod;

typedef struct {
    PyObject_HEAD
    PyObject *sm_callable;
    PyObject *sm_dict;
} staticmethod;

static int
functools_copy_attr(PyObject *wrapper, PyObject *wrapped, PyObject *name)
{
    PyObject *value;
    int res = _PyObject_LookupAttr(wrapped, name, &value);
    if (value != NULL) {
        res = PyObject_SetAttr(wrapper, name, value);
        Py_DECREF(value);
    }
    return res;
}

/* Like functools.wraps(wrapped)(wrapper), for the attributes 3.12 copies. */
static int
functools_wraps(PyObject *wrapper, PyObject *wrapped)
{
    if (functools_copy_attr(wrapper, wrapped, _Py_ID(__module__)) < 0) return -1;
    if (functools_copy_attr(wrapper, wrapped, _Py_ID(__name__)) < 0) return -1;
    if (functools_copy_attr(wrapper, wrapped, _Py_ID(__qualname__)) < 0) return -1;
    if (functools_copy_attr(wrapper, wrapped, _Py_ID(__doc__)) < 0) return -1;
    if (functools_copy_attr(wrapper, wrapped, _Py_ID(__annotations__)) < 0) return -1;
    return 0;
}

static int
is_abstract(PyObject *obj)
{
    if (obj == NULL) return 0;
    PyObject *isabstract;
    int res = _PyObject_LookupAttr(obj, _Py_ID(__isabstractmethod__), &isabstract);
    if (res > 0) {
        res = PyObject_IsTrue(isabstract);
        Py_DECREF(isabstract);
    }
    return res;
}

static void
cm_dealloc(classmethod *cm)
{
    PyObject_GC_UnTrack((PyObject *)cm);
    Py_XDECREF(cm->cm_callable);
    Py_XDECREF(cm->cm_dict);
    Py_TYPE(cm)->tp_free((PyObject *)cm);
}

static int
cm_traverse(classmethod *cm, visitproc visit, void *arg)
{
    Py_VISIT(cm->cm_callable);
    Py_VISIT(cm->cm_dict);
    return 0;
}

static int
cm_clear(classmethod *cm)
{
    Py_CLEAR(cm->cm_callable);
    Py_CLEAR(cm->cm_dict);
    return 0;
}

static PyObject *
cm_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    classmethod *cm = (classmethod *)self;
    if (cm->cm_callable == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "uninitialized classmethod object");
        return NULL;
    }
    if (type == NULL) type = (PyObject *)Py_TYPE(obj);
    if (Py_TYPE(cm->cm_callable)->tp_descr_get != NULL)
        return Py_TYPE(cm->cm_callable)->tp_descr_get(cm->cm_callable, type, type);
    return PyMethod_New(cm->cm_callable, type);
}

static int
cm_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    classmethod *cm = (classmethod *)self;
    PyObject *callable;
    if (!_PyArg_NoKeywords("classmethod", kwds)) return -1;
    if (!PyArg_UnpackTuple(args, "classmethod", 1, 1, &callable)) return -1;
    Py_XSETREF(cm->cm_callable, Py_NewRef(callable));
    if (functools_wraps((PyObject *)cm, cm->cm_callable) < 0) return -1;
    return 0;
}

static PyMemberDef cm_memberlist[] = {
    {"__func__", _Py_T_OBJECT, offsetof(classmethod, cm_callable), Py_READONLY},
    {"__wrapped__", _Py_T_OBJECT, offsetof(classmethod, cm_callable), Py_READONLY},
    {NULL}
};

static PyObject *
cm_get___isabstractmethod__(classmethod *cm, void *closure)
{
    int res = is_abstract(cm->cm_callable);
    if (res == -1) return NULL;
    return Py_NewRef(res ? Py_True : Py_False);
}

static int
generic_set_dict(PyObject *obj, PyObject *value, PyObject **slot)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!PyDict_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_XSETREF(*slot, Py_NewRef(value));
    return 0;
}

static PyObject *
cm_get_dict(PyObject *self, void *closure)
{
    classmethod *cm = (classmethod *)self;
    if (cm->cm_dict == NULL && (cm->cm_dict = PyDict_New()) == NULL) return NULL;
    return Py_NewRef(cm->cm_dict);
}

static int
cm_set_dict(PyObject *self, PyObject *value, void *closure)
{
    return generic_set_dict(self, value, &((classmethod *)self)->cm_dict);
}

static PyGetSetDef cm_getsetlist[] = {
    {"__isabstractmethod__", (getter)cm_get___isabstractmethod__, NULL, NULL, NULL},
    {"__dict__", cm_get_dict, cm_set_dict, NULL, NULL},
    {NULL}
};

static PyObject *
cm_repr(classmethod *cm)
{
    return PyUnicode_FromFormat("<classmethod(%R)>", cm->cm_callable);
}

PyTypeObject PyClassMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(classmethod),
    .tp_dealloc = (destructor)cm_dealloc,
    .tp_repr = (reprfunc)cm_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "classmethod(function, /)\n--\n\nConvert a function to be a class method.",
    .tp_traverse = (traverseproc)cm_traverse,
    .tp_clear = (inquiry)cm_clear,
    .tp_members = cm_memberlist,
    .tp_getset = cm_getsetlist,
    .tp_descr_get = cm_descr_get,
    .tp_dictoffset = offsetof(classmethod, cm_dict),
    .tp_init = cm_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

PyObject *
PyClassMethod_New(PyObject *callable)
{
    classmethod *cm = (classmethod *)PyType_GenericAlloc(&PyClassMethod_Type, 0);
    if (cm != NULL) cm->cm_callable = Py_NewRef(callable);
    return (PyObject *)cm;
}

PyObject *
_PyClassMethod_GetFunc(PyObject *cm)
{
    return ((classmethod *)cm)->cm_callable;
}

static void
sm_dealloc(staticmethod *sm)
{
    PyObject_GC_UnTrack((PyObject *)sm);
    Py_XDECREF(sm->sm_callable);
    Py_XDECREF(sm->sm_dict);
    Py_TYPE(sm)->tp_free((PyObject *)sm);
}

static int
sm_traverse(staticmethod *sm, visitproc visit, void *arg)
{
    Py_VISIT(sm->sm_callable);
    Py_VISIT(sm->sm_dict);
    return 0;
}

static int
sm_clear(staticmethod *sm)
{
    Py_CLEAR(sm->sm_callable);
    Py_CLEAR(sm->sm_dict);
    return 0;
}

static PyObject *
sm_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    staticmethod *sm = (staticmethod *)self;
    if (sm->sm_callable == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "uninitialized staticmethod object");
        return NULL;
    }
    return Py_NewRef(sm->sm_callable);
}

static int
sm_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    staticmethod *sm = (staticmethod *)self;
    PyObject *callable;
    if (!_PyArg_NoKeywords("staticmethod", kwds)) return -1;
    if (!PyArg_UnpackTuple(args, "staticmethod", 1, 1, &callable)) return -1;
    Py_XSETREF(sm->sm_callable, Py_NewRef(callable));
    if (functools_wraps((PyObject *)sm, sm->sm_callable) < 0) return -1;
    return 0;
}

static PyObject *
sm_call(PyObject *callable, PyObject *args, PyObject *kwargs)
{
    staticmethod *sm = (staticmethod *)callable;
    return PyObject_Call(sm->sm_callable, args, kwargs);
}

static PyMemberDef sm_memberlist[] = {
    {"__func__", _Py_T_OBJECT, offsetof(staticmethod, sm_callable), Py_READONLY},
    {"__wrapped__", _Py_T_OBJECT, offsetof(staticmethod, sm_callable), Py_READONLY},
    {NULL}
};

static PyObject *
sm_get___isabstractmethod__(staticmethod *sm, void *closure)
{
    int res = is_abstract(sm->sm_callable);
    if (res == -1) return NULL;
    return Py_NewRef(res ? Py_True : Py_False);
}

static PyObject *
sm_get_dict(PyObject *self, void *closure)
{
    staticmethod *sm = (staticmethod *)self;
    if (sm->sm_dict == NULL && (sm->sm_dict = PyDict_New()) == NULL) return NULL;
    return Py_NewRef(sm->sm_dict);
}

static int
sm_set_dict(PyObject *self, PyObject *value, void *closure)
{
    return generic_set_dict(self, value, &((staticmethod *)self)->sm_dict);
}

static PyGetSetDef sm_getsetlist[] = {
    {"__isabstractmethod__", (getter)sm_get___isabstractmethod__, NULL, NULL, NULL},
    {"__dict__", sm_get_dict, sm_set_dict, NULL, NULL},
    {NULL}
};

static PyObject *
sm_repr(staticmethod *sm)
{
    return PyUnicode_FromFormat("<staticmethod(%R)>", sm->sm_callable);
}

PyTypeObject PyStaticMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(staticmethod),
    .tp_dealloc = (destructor)sm_dealloc,
    .tp_repr = (reprfunc)sm_repr,
    .tp_call = sm_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "staticmethod(function, /)\n--\n\nConvert a function to be a static method.",
    .tp_traverse = (traverseproc)sm_traverse,
    .tp_clear = (inquiry)sm_clear,
    .tp_members = sm_memberlist,
    .tp_getset = sm_getsetlist,
    .tp_descr_get = sm_descr_get,
    .tp_dictoffset = offsetof(staticmethod, sm_dict),
    .tp_init = sm_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

PyObject *
PyStaticMethod_New(PyObject *callable)
{
    staticmethod *sm = (staticmethod *)PyType_GenericAlloc(&PyStaticMethod_Type, 0);
    if (sm != NULL) sm->sm_callable = Py_NewRef(callable);
    return (PyObject *)sm;
}

PyObject *
_PyStaticMethod_GetFunc(PyObject *sm)
{
    return ((staticmethod *)sm)->sm_callable;
}

int
_PyFunc_InitTypes(void)
{
    PyTypeObject *types[] = {&PyFunction_Type, &PyCell_Type, &PyMethod_Type,
                             &PyClassMethod_Type, &PyStaticMethod_Type};
    for (size_t i = 0; i < Py_ARRAY_LENGTH(types); i++)
        if (PyType_Ready(types[i]) < 0) return -1;
    return 0;
}
