/* methodobject.c -- builtin functions and bound builtin methods.
 *
 * A PyCFunctionObject pairs a PyMethodDef with its `self` (a module for
 * module-level functions, the instance for bound methods).  Calls go
 * through vectorcall entry points specialised by calling convention, so
 * METH_O / METH_FASTCALL functions are called without building a tuple.
 * The same dispatcher, _PyMethodDef_Vectorcall, serves method descriptors
 * (list.append called through LOAD_ATTR's method form) in descrobject.c.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_state.h"
#include "rp_descr.h"

/* Name used in argument errors: "len()" or "list.append()" (3.12 style). */
static PyObject *
funcname_for_errors(PyMethodDef *ml, PyObject *self, PyTypeObject *owner)
{
    if (owner != NULL)
        return PyUnicode_FromFormat("%s.%s()", _PyType_Name(owner), ml->ml_name);
    if (self != NULL && !PyModule_Check(self) && !PyType_Check(self))
        return PyUnicode_FromFormat("%s.%s()", _PyType_Name(Py_TYPE(self)), ml->ml_name);
    if (self != NULL && PyType_Check(self))
        return PyUnicode_FromFormat("%s.%s()", _PyType_Name((PyTypeObject *)self), ml->ml_name);
    if (self != NULL && PyModule_Check(self)) {
        /* "math.sqrt()", but plain "len()" for builtins, as CPython 3.12. */
        PyObject *modname = ((PyModuleObject *)self)->md_name;
        if (modname != NULL && PyUnicode_Check(modname) &&
            !_PyUnicode_EqualToASCIIString(modname, "builtins"))
            return PyUnicode_FromFormat("%U.%s()", modname, ml->ml_name);
    }
    return PyUnicode_FromFormat("%s()", ml->ml_name);
}

static int
no_keywords_error(PyMethodDef *ml, PyObject *self, PyTypeObject *owner)
{
    PyObject *name = funcname_for_errors(ml, self, owner);
    if (name) {
        PyErr_Format(PyExc_TypeError, "%U takes no keyword arguments", name);
        Py_DECREF(name);
    }
    return -1;
}

/* New reference.  Calls ml with `self` and the vector args[0..nargs) plus
   keyword values named by kwnames.  `owner` is the defining type for
   method descriptors (used in error messages), else NULL. */
PyObject *
_PyMethodDef_Vectorcall(PyMethodDef *ml, PyObject *self, PyTypeObject *owner,
                        PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *result = NULL;
    int flags = ml->ml_flags & ~(METH_CLASS | METH_STATIC | METH_COEXIST);
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;

    if (_Py_EnterRecursiveCallTstate(tstate, " while calling a Python object")) return NULL;
    switch (flags) {
    case METH_NOARGS:
        if (nkw) { no_keywords_error(ml, self, owner); break; }
        if (nargs != 0) {
            PyObject *name = funcname_for_errors(ml, self, owner);
            if (name) {
                PyErr_Format(PyExc_TypeError, "%U takes no arguments (%zd given)", name, nargs);
                Py_DECREF(name);
            }
            break;
        }
        result = ml->ml_meth(self, NULL);
        break;
    case METH_O:
        if (nkw) { no_keywords_error(ml, self, owner); break; }
        if (nargs != 1) {
            PyObject *name = funcname_for_errors(ml, self, owner);
            if (name) {
                PyErr_Format(PyExc_TypeError, "%U takes exactly one argument (%zd given)", name, nargs);
                Py_DECREF(name);
            }
            break;
        }
        result = ml->ml_meth(self, args[0]);
        break;
    case METH_FASTCALL:
        if (nkw) { no_keywords_error(ml, self, owner); break; }
        result = ((_PyCFunctionFast)(void (*)(void))ml->ml_meth)(self, args, nargs);
        break;
    case METH_FASTCALL | METH_KEYWORDS:
        result = ((_PyCFunctionFastWithKeywords)(void (*)(void))ml->ml_meth)(
            self, args, nargs, nkw ? kwnames : NULL);
        break;
    case METH_VARARGS:
    case METH_VARARGS | METH_KEYWORDS: {
        if (nkw && !(flags & METH_KEYWORDS)) {
            /* CPython's tp_call path names a METH_VARARGS function bare */
            PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", ml->ml_name);
            break;
        }
        PyObject *argstuple = _PyTuple_FromArray(args, nargs);
        if (argstuple == NULL) break;
        if (flags & METH_KEYWORDS) {
            PyObject *kwdict = NULL;
            if (nkw) {
                kwdict = PyDict_New();
                if (kwdict == NULL) { Py_DECREF(argstuple); break; }
                for (Py_ssize_t i = 0; i < nkw; i++) {
                    if (PyDict_SetItem(kwdict, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0) {
                        Py_DECREF(kwdict); Py_CLEAR(argstuple);
                        break;
                    }
                }
                if (argstuple == NULL) break;
            }
            result = ((PyCFunctionWithKeywords)(void (*)(void))ml->ml_meth)(self, argstuple, kwdict);
            Py_XDECREF(kwdict);
        }
        else {
            result = ml->ml_meth(self, argstuple);
        }
        Py_DECREF(argstuple);
        break;
    }
    case METH_METHOD | METH_FASTCALL | METH_KEYWORDS:
        result = ((PyCMethod)(void (*)(void))ml->ml_meth)(self, owner, args, (size_t)nargs,
                                                          nkw ? kwnames : NULL);
        break;
    default:
        PyErr_SetString(PyExc_SystemError, "Bad call flags in PyCFunction_Call. "
                        "METH_OLDARGS is no longer supported!");
        break;
    }
    _Py_LeaveRecursiveCallTstate(tstate);
    return _Py_CheckFunctionResult(NULL, result, NULL);
}

static PyObject *
cfunction_vectorcall(PyObject *func, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyCFunctionObject *f = (PyCFunctionObject *)func;
    PyObject *self = (f->m_ml->ml_flags & METH_STATIC) ? NULL : f->m_self;
    return _PyMethodDef_Vectorcall(f->m_ml, self, NULL, args, PyVectorcall_NARGS(nargsf), kwnames);
}

/* Fast paths for the two most common conventions. */
static PyObject *
cfunction_vectorcall_O(PyObject *func, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyCFunctionObject *f = (PyCFunctionObject *)func;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs != 1 || (kwnames && PyTuple_GET_SIZE(kwnames)))
        return cfunction_vectorcall(func, args, nargsf, kwnames);
    PyThreadState *tstate = _PyThreadState_GET();
    if (_Py_EnterRecursiveCallTstate(tstate, " while calling a Python object")) return NULL;
    PyObject *result = f->m_ml->ml_meth(f->m_self, args[0]);
    _Py_LeaveRecursiveCallTstate(tstate);
    return result;
}

static PyObject *
cfunction_vectorcall_FASTCALL(PyObject *func, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyCFunctionObject *f = (PyCFunctionObject *)func;
    if (kwnames && PyTuple_GET_SIZE(kwnames))
        return cfunction_vectorcall(func, args, nargsf, kwnames);
    PyThreadState *tstate = _PyThreadState_GET();
    if (_Py_EnterRecursiveCallTstate(tstate, " while calling a Python object")) return NULL;
    PyObject *result = ((_PyCFunctionFast)(void (*)(void))f->m_ml->ml_meth)(
        f->m_self, args, PyVectorcall_NARGS(nargsf));
    _Py_LeaveRecursiveCallTstate(tstate);
    return result;
}

static PyObject *
cfunction_vectorcall_FASTCALL_KEYWORDS(PyObject *func, PyObject *const *args, size_t nargsf,
                                       PyObject *kwnames)
{
    PyCFunctionObject *f = (PyCFunctionObject *)func;
    PyThreadState *tstate = _PyThreadState_GET();
    if (_Py_EnterRecursiveCallTstate(tstate, " while calling a Python object")) return NULL;
    PyObject *result = ((_PyCFunctionFastWithKeywords)(void (*)(void))f->m_ml->ml_meth)(
        f->m_self, args, PyVectorcall_NARGS(nargsf),
        (kwnames && PyTuple_GET_SIZE(kwnames)) ? kwnames : NULL);
    _Py_LeaveRecursiveCallTstate(tstate);
    return result;
}

/* New reference. */
PyObject *
PyCMethod_New(PyMethodDef *ml, PyObject *self, PyObject *module, PyTypeObject *cls)
{
    PyCFunctionObject *op = PyObject_GC_New(PyCFunctionObject, &PyCFunction_Type);
    if (op == NULL) return NULL;
    op->m_weakreflist = NULL;
    op->m_ml = ml;
    op->m_self = Py_XNewRef(self);
    op->m_module = Py_XNewRef(module);
    switch (ml->ml_flags & ~(METH_CLASS | METH_STATIC | METH_COEXIST)) {
    case METH_O: op->vectorcall = cfunction_vectorcall_O; break;
    case METH_FASTCALL: op->vectorcall = cfunction_vectorcall_FASTCALL; break;
    case METH_FASTCALL | METH_KEYWORDS: op->vectorcall = cfunction_vectorcall_FASTCALL_KEYWORDS; break;
    default: op->vectorcall = cfunction_vectorcall; break;
    }
    if (ml->ml_flags & METH_STATIC) op->vectorcall = cfunction_vectorcall;
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

/* New reference. */
PyObject *
PyCFunction_NewEx(PyMethodDef *ml, PyObject *self, PyObject *module)
{
    return PyCMethod_New(ml, self, module, NULL);
}

/* New reference. */
PyObject *
PyCFunction_New(PyMethodDef *ml, PyObject *self)
{
    return PyCMethod_New(ml, self, NULL, NULL);
}

static void
meth_dealloc(PyCFunctionObject *m)
{
    PyObject_GC_UnTrack(m);
    Py_TRASHCAN_BEGIN(m, meth_dealloc);
    if (m->m_weakreflist != NULL) PyObject_ClearWeakRefs((PyObject *)m);
    Py_XDECREF(m->m_self);
    Py_XDECREF(m->m_module);
    PyObject_GC_Del(m);
    Py_TRASHCAN_END
}

static int
meth_traverse(PyCFunctionObject *m, visitproc visit, void *arg)
{
    Py_VISIT(m->m_self);
    Py_VISIT(m->m_module);
    return 0;
}

static PyObject *
meth_repr(PyCFunctionObject *m)
{
    if (m->m_self == NULL || PyModule_Check(m->m_self))
        return PyUnicode_FromFormat("<built-in function %s>", m->m_ml->ml_name);
    return PyUnicode_FromFormat("<built-in method %s of %s object at %p>",
                                m->m_ml->ml_name, Py_TYPE(m->m_self)->tp_name, m->m_self);
}

static PyObject *
meth_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyCFunction_Check(self) || !PyCFunction_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyCFunctionObject *a = (PyCFunctionObject *)self, *b = (PyCFunctionObject *)other;
    int eq = a->m_self == b->m_self && a->m_ml->ml_meth == b->m_ml->ml_meth;
    if (op == Py_EQ) return PyBool_FromLong(eq);
    return PyBool_FromLong(!eq);
}

static Py_hash_t
meth_hash(PyCFunctionObject *a)
{
    Py_hash_t x = _Py_HashPointer(a->m_self);
    Py_hash_t y = _Py_HashPointer((void *)(a->m_ml->ml_meth));
    x ^= y;
    if (x == -1) x = -2;
    return x;
}

static PyObject *
meth_get__name__(PyCFunctionObject *m, void *closure)
{
    return PyUnicode_FromString(m->m_ml->ml_name);
}

static PyObject *
meth_get__qualname__(PyCFunctionObject *m, void *closure)
{
    if (m->m_self == NULL || PyModule_Check(m->m_self))
        return PyUnicode_FromString(m->m_ml->ml_name);
    PyObject *type = PyType_Check(m->m_self) ? m->m_self : (PyObject *)Py_TYPE(m->m_self);
    PyObject *type_qualname = PyObject_GetAttr(type, _Py_ID(__qualname__));
    if (type_qualname == NULL) return NULL;
    PyObject *res = PyUnicode_FromFormat("%U.%s", type_qualname, m->m_ml->ml_name);
    Py_DECREF(type_qualname);
    return res;
}

static PyObject *
meth_get__self__(PyCFunctionObject *m, void *closure)
{
    PyObject *self = PyCFunction_GET_SELF(m);
    if (self == NULL) self = Py_None;
    return Py_NewRef(self);
}

static PyObject *
meth_get__doc__(PyCFunctionObject *m, void *closure)
{
    return _PyDoc_FromInternal(m->m_ml->ml_name, m->m_ml->ml_doc);
}

static PyObject *
meth_get__text_signature__(PyCFunctionObject *m, void *closure)
{
    return _PyDoc_TextSignature(m->m_ml->ml_name, m->m_ml->ml_doc);
}

static PyObject *
meth_reduce(PyCFunctionObject *m, PyObject *Py_UNUSED(ignored))
{
    if (m->m_self == NULL || PyModule_Check(m->m_self))
        return PyUnicode_FromString(m->m_ml->ml_name);
    return Py_BuildValue("N(Os)", PyEval_GetBuiltins() ? PyDict_GetItemString(PyEval_GetBuiltins(), "getattr") : Py_None,
                         m->m_self, m->m_ml->ml_name);
}

static PyMethodDef meth_methods[] = {
    {"__reduce__", (PyCFunction)meth_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef meth_getsets[] = {
    {"__doc__", (getter)meth_get__doc__, NULL, NULL, NULL},
    {"__name__", (getter)meth_get__name__, NULL, NULL, NULL},
    {"__qualname__", (getter)meth_get__qualname__, NULL, NULL, NULL},
    {"__self__", (getter)meth_get__self__, NULL, NULL, NULL},
    {"__text_signature__", (getter)meth_get__text_signature__, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMemberDef meth_members[] = {
    {"__module__", _Py_T_OBJECT, offsetof(PyCFunctionObject, m_module), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

PyTypeObject PyCFunction_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(PyCFunctionObject),
    .tp_dealloc = (destructor)meth_dealloc,
    .tp_vectorcall_offset = offsetof(PyCFunctionObject, vectorcall),
    .tp_repr = (reprfunc)meth_repr,
    .tp_hash = (hashfunc)meth_hash,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = (traverseproc)meth_traverse,
    .tp_richcompare = meth_richcompare,
    .tp_weaklistoffset = offsetof(PyCFunctionObject, m_weakreflist),
    .tp_methods = meth_methods,
    .tp_members = meth_members,
    .tp_getset = meth_getsets,
};

/* -------------------------------- docs -------------------------------- */
/* Docstrings of C functions may start with a "name(sig)\n--\n\n" header
   (CPython's convention); __doc__ strips it and __text_signature__ returns it. */

static const char *
find_signature_end(const char *name, const char *doc)
{
    if (doc == NULL) return NULL;
    size_t len = strlen(name);
    if (strncmp(doc, name, len) != 0 || doc[len] != '(') return NULL;
    const char *end = strstr(doc, ")\n--\n\n");
    return end;
}

/* New reference: the docstring without its signature header, or None. */
PyObject *
_PyDoc_FromInternal(const char *name, const char *doc)
{
    if (doc == NULL) Py_RETURN_NONE;
    const char *end = find_signature_end(name, doc);
    if (end != NULL) doc = end + 6;
    return PyUnicode_FromString(doc);
}

/* New reference: "(sig)" or None. */
PyObject *
_PyDoc_TextSignature(const char *name, const char *doc)
{
    const char *end = find_signature_end(name, doc);
    if (end == NULL) Py_RETURN_NONE;
    const char *start = doc + strlen(name);
    return PyUnicode_FromStringAndSize(start, end - start + 1);
}
