/* descrobject.c -- descriptors for C-level attributes of types.
 *
 *   method_descriptor       list.append         (tp_methods entries)
 *   classmethod_descriptor  dict.fromkeys       (METH_CLASS entries)
 *   member_descriptor       C.__slots__ members (tp_members entries)
 *   getset_descriptor       C.__dict__          (tp_getset entries)
 *   wrapper_descriptor      int.__add__         (slot wrappers, typeslots.c)
 *   method-wrapper          (1).__add__         (a wrapper bound to an object)
 *   property, mappingproxy
 *
 * Method descriptors carry Py_TPFLAGS_METHOD_DESCRIPTOR, so LOAD_ATTR's
 * method form can call them with `self` prepended instead of creating a
 * bound method object per call.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_descr.h"

static void
descr_dealloc(PyDescrObject *descr)
{
    PyObject_GC_UnTrack(descr);
    Py_XDECREF(descr->d_type);
    Py_XDECREF(descr->d_name);
    Py_XDECREF(descr->d_qualname);
    PyObject_GC_Del(descr);
}

static int
descr_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyDescrObject *descr = (PyDescrObject *)self;
    Py_VISIT(descr->d_type);
    return 0;
}

static PyObject *
descr_name(PyDescrObject *descr)
{
    if (descr->d_name != NULL && PyUnicode_Check(descr->d_name)) return descr->d_name;
    return NULL;
}

static PyObject *
descr_repr(PyDescrObject *descr, const char *format)
{
    PyObject *name = descr_name(descr);
    if (name == NULL) name = Py_None;
    return PyUnicode_FromFormat(format, name, "?", descr->d_type->tp_name);
}

static PyObject *method_repr(PyDescrObject *d) { return descr_repr(d, "<method '%V' of '%s' objects>"); }
static PyObject *member_repr(PyDescrObject *d) { return descr_repr(d, "<member '%V' of '%s' objects>"); }
static PyObject *getset_repr(PyDescrObject *d) { return descr_repr(d, "<attribute '%V' of '%s' objects>"); }
static PyObject *wrapperdescr_repr(PyDescrObject *d) { return descr_repr(d, "<slot wrapper '%V' of '%s' objects>"); }

static int
descr_check(PyDescrObject *descr, PyObject *obj)
{
    if (!PyObject_TypeCheck(obj, descr->d_type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%V' for '%.100s' objects doesn't apply to a '%.100s' object",
                     descr_name(descr), "?", descr->d_type->tp_name, Py_TYPE(obj)->tp_name);
        return -1;
    }
    return 0;
}

static PyObject *
classmethod_get(PyDescrObject *descr, PyObject *obj, PyObject *type)
{
    if (type == NULL) {
        if (obj != NULL) type = (PyObject *)Py_TYPE(obj);
        else {
            PyErr_Format(PyExc_TypeError, "descriptor '%V' for type '%.100s' needs either an object or a type",
                         descr_name(descr), "?", descr->d_type->tp_name);
            return NULL;
        }
    }
    if (!PyType_Check(type)) {
        PyErr_Format(PyExc_TypeError, "descriptor '%V' for type '%.100s' needs a type, not a '%.100s' as arg 2",
                     descr_name(descr), "?", descr->d_type->tp_name, Py_TYPE(type)->tp_name);
        return NULL;
    }
    if (!PyType_IsSubtype((PyTypeObject *)type, descr->d_type)) {
        PyErr_Format(PyExc_TypeError, "descriptor '%V' requires a subtype of '%.100s' but received '%.100s'",
                     descr_name(descr), "?", descr->d_type->tp_name, ((PyTypeObject *)type)->tp_name);
        return NULL;
    }
    return PyCMethod_New(((PyMethodDescrObject *)descr)->d_method, type, NULL, descr->d_type);
}

static PyObject *
method_get(PyDescrObject *descr, PyObject *obj, PyObject *type)
{
    if (obj == NULL) return Py_NewRef(descr);
    if (descr_check(descr, obj) < 0) return NULL;
    return PyCMethod_New(((PyMethodDescrObject *)descr)->d_method, obj, NULL, descr->d_type);
}

static PyObject *
member_get(PyMemberDescrObject *descr, PyObject *obj, PyObject *type)
{
    if (obj == NULL) return Py_NewRef(descr);
    if (descr_check((PyDescrObject *)descr, obj) < 0) return NULL;
    return PyMember_GetOne((char *)obj, descr->d_member);
}

static PyObject *
getset_get(PyGetSetDescrObject *descr, PyObject *obj, PyObject *type)
{
    if (obj == NULL) return Py_NewRef(descr);
    if (descr_check((PyDescrObject *)descr, obj) < 0) return NULL;
    if (descr->d_getset->get != NULL)
        return descr->d_getset->get(obj, descr->d_getset->closure);
    PyErr_Format(PyExc_AttributeError, "attribute '%V' of '%.100s' objects is not readable",
                 descr_name((PyDescrObject *)descr), "?", descr->d_common.d_type->tp_name);
    return NULL;
}

static PyObject *
wrapperdescr_get(PyWrapperDescrObject *descr, PyObject *obj, PyObject *type)
{
    if (obj == NULL) return Py_NewRef(descr);
    if (descr_check((PyDescrObject *)descr, obj) < 0) return NULL;
    return PyWrapper_New((PyObject *)descr, obj);
}

static int
descr_setcheck(PyDescrObject *descr, PyObject *obj, PyObject *value)
{
    if (!PyObject_TypeCheck(obj, descr->d_type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%V' for '%.100s' objects doesn't apply to a '%.100s' object",
                     descr_name(descr), "?", descr->d_type->tp_name, Py_TYPE(obj)->tp_name);
        return -1;
    }
    return 0;
}

static int
member_set(PyMemberDescrObject *descr, PyObject *obj, PyObject *value)
{
    if (descr_setcheck((PyDescrObject *)descr, obj, value) < 0) return -1;
    return PyMember_SetOne((char *)obj, descr->d_member, value);
}

static int
getset_set(PyGetSetDescrObject *descr, PyObject *obj, PyObject *value)
{
    if (descr_setcheck((PyDescrObject *)descr, obj, value) < 0) return -1;
    if (descr->d_getset->set != NULL)
        return descr->d_getset->set(obj, value, descr->d_getset->closure);
    PyErr_Format(PyExc_AttributeError, "attribute '%V' of '%.100s' objects is not writable",
                 descr_name((PyDescrObject *)descr), "?", descr->d_common.d_type->tp_name);
    return -1;
}

/* Calling an unbound method descriptor: list.append(lst, x). */
static PyObject *
method_vectorcall(PyObject *func, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)func;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs < 1) {
        PyErr_Format(PyExc_TypeError, "unbound method %s.%s() needs an argument",
                     _PyType_Name(descr->d_common.d_type), descr->d_method->ml_name);
        return NULL;
    }
    PyObject *self = args[0];
    if (descr_check((PyDescrObject *)descr, self) < 0) return NULL;
    return _PyMethodDef_Vectorcall(descr->d_method, self, descr->d_common.d_type,
                                   args + 1, nargs - 1, kwnames);
}

static PyObject *
classmethoddescr_call(PyMethodDescrObject *descr, PyObject *args, PyObject *kwds)
{
    Py_ssize_t argc = PyTuple_GET_SIZE(args);
    if (argc < 1) {
        PyErr_Format(PyExc_TypeError, "descriptor '%V' of '%.100s' object needs an argument",
                     descr_name((PyDescrObject *)descr), "?", descr->d_common.d_type->tp_name);
        return NULL;
    }
    PyObject *self = PyTuple_GET_ITEM(args, 0);
    PyObject *bound = classmethod_get((PyDescrObject *)descr, NULL, self);
    if (bound == NULL) return NULL;
    PyObject *rest = PyTuple_GetSlice(args, 1, argc);
    PyObject *res = rest ? PyObject_Call(bound, rest, kwds) : NULL;
    Py_XDECREF(rest);
    Py_DECREF(bound);
    return res;
}

static PyObject *
wrapperdescr_raw_call(PyWrapperDescrObject *d, PyObject *self, PyObject *args, PyObject *kwds)
{
    wrapperfunc wrapper = d->d_base->wrapper;
    if (d->d_base->flags & 1 /* PyWrapperFlag_KEYWORDS */) {
        typedef PyObject *(*wrapperfunc_kwds)(PyObject *, PyObject *, void *, PyObject *);
        return ((wrapperfunc_kwds)(void (*)(void))wrapper)(self, args, d->d_wrapped, kwds);
    }
    if (kwds != NULL && (!PyDict_Check(kwds) || PyDict_GET_SIZE(kwds) != 0)) {
        PyErr_Format(PyExc_TypeError, "wrapper %s() takes no keyword arguments", d->d_base->name);
        return NULL;
    }
    return (*wrapper)(self, args, d->d_wrapped);
}

static PyObject *
wrapperdescr_call(PyWrapperDescrObject *descr, PyObject *args, PyObject *kwds)
{
    Py_ssize_t argc = PyTuple_GET_SIZE(args);
    if (argc < 1) {
        PyErr_Format(PyExc_TypeError, "descriptor '%V' of '%.100s' object needs an argument",
                     descr_name((PyDescrObject *)descr), "?", descr->d_common.d_type->tp_name);
        return NULL;
    }
    PyObject *self = PyTuple_GET_ITEM(args, 0);
    if (!PyObject_TypeCheck(self, descr->d_common.d_type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%V' requires a '%.100s' object but received a '%.100s'",
                     descr_name((PyDescrObject *)descr), "?", descr->d_common.d_type->tp_name,
                     Py_TYPE(self)->tp_name);
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, argc);
    if (rest == NULL) return NULL;
    PyObject *res = wrapperdescr_raw_call(descr, self, rest, kwds);
    Py_DECREF(rest);
    return res;
}

static PyObject *
method_get_doc(PyMethodDescrObject *descr, void *closure)
{
    return _PyDoc_FromInternal(descr->d_method->ml_name, descr->d_method->ml_doc);
}

static PyObject *
method_get_text_signature(PyMethodDescrObject *descr, void *closure)
{
    return _PyDoc_TextSignature(descr->d_method->ml_name, descr->d_method->ml_doc);
}

static PyObject *
calculate_qualname(PyDescrObject *descr)
{
    if (descr->d_name == NULL || !PyUnicode_Check(descr->d_name)) {
        PyErr_SetString(PyExc_TypeError, "<descriptor>.__name__ is not a unicode object");
        return NULL;
    }
    PyObject *type_qualname = PyObject_GetAttr((PyObject *)descr->d_type, _Py_ID(__qualname__));
    if (type_qualname == NULL) return NULL;
    PyObject *res = PyUnicode_FromFormat("%U.%U", type_qualname, descr->d_name);
    Py_DECREF(type_qualname);
    return res;
}

static PyObject *
descr_get_qualname(PyDescrObject *descr, void *closure)
{
    if (descr->d_qualname == NULL) descr->d_qualname = calculate_qualname(descr);
    return Py_XNewRef(descr->d_qualname);
}

static PyObject *
descr_reduce(PyDescrObject *descr, PyObject *Py_UNUSED(ignored))
{
    PyObject *getattr = PyDict_GetItemString(PyEval_GetBuiltins(), "getattr");
    return Py_BuildValue("O(OO)", getattr, (PyObject *)descr->d_type, descr->d_name);
}

static PyMethodDef descr_methods[] = {
    {"__reduce__", (PyCFunction)descr_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef descr_members[] = {
    {"__objclass__", _Py_T_OBJECT, offsetof(PyDescrObject, d_type), Py_READONLY, NULL},
    {"__name__", _Py_T_OBJECT, offsetof(PyDescrObject, d_name), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef method_getset[] = {
    {"__doc__", (getter)method_get_doc, NULL, NULL, NULL},
    {"__qualname__", (getter)descr_get_qualname, NULL, NULL, NULL},
    {"__text_signature__", (getter)method_get_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyObject *
member_get_doc(PyMemberDescrObject *descr, void *closure)
{
    if (descr->d_member->doc == NULL) Py_RETURN_NONE;
    return PyUnicode_FromString(descr->d_member->doc);
}

static PyGetSetDef member_getset[] = {
    {"__doc__", (getter)member_get_doc, NULL, NULL, NULL},
    {"__qualname__", (getter)descr_get_qualname, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyObject *
getset_get_doc(PyGetSetDescrObject *descr, void *closure)
{
    if (descr->d_getset->doc == NULL) Py_RETURN_NONE;
    return PyUnicode_FromString(descr->d_getset->doc);
}

static PyGetSetDef getset_getset[] = {
    {"__doc__", (getter)getset_get_doc, NULL, NULL, NULL},
    {"__qualname__", (getter)descr_get_qualname, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyObject *
wrapperdescr_get_doc(PyWrapperDescrObject *descr, void *closure)
{
    if (descr->d_base->doc == NULL) Py_RETURN_NONE;
    return PyUnicode_FromString(descr->d_base->doc);
}

static PyGetSetDef wrapperdescr_getset[] = {
    {"__doc__", (getter)wrapperdescr_get_doc, NULL, NULL, NULL},
    {"__qualname__", (getter)descr_get_qualname, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyMethodDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(PyMethodDescrObject),
    .tp_dealloc = (destructor)descr_dealloc,
    .tp_vectorcall_offset = offsetof(PyMethodDescrObject, vectorcall),
    .tp_repr = (reprfunc)method_repr,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL |
                Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = method_getset,
    .tp_descr_get = (descrgetfunc)method_get,
};

PyTypeObject PyClassMethodDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(PyMethodDescrObject),
    .tp_dealloc = (destructor)descr_dealloc,
    .tp_repr = (reprfunc)method_repr,
    .tp_call = (ternaryfunc)classmethoddescr_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = method_getset,
    .tp_descr_get = (descrgetfunc)classmethod_get,
};

PyTypeObject PyMemberDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(PyMemberDescrObject),
    .tp_dealloc = (destructor)descr_dealloc,
    .tp_repr = (reprfunc)member_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = member_getset,
    .tp_descr_get = (descrgetfunc)member_get,
    .tp_descr_set = (descrsetfunc)member_set,
};

PyTypeObject PyGetSetDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(PyGetSetDescrObject),
    .tp_dealloc = (destructor)descr_dealloc,
    .tp_repr = (reprfunc)getset_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_members = descr_members,
    .tp_getset = getset_getset,
    .tp_descr_get = (descrgetfunc)getset_get,
    .tp_descr_set = (descrsetfunc)getset_set,
};

PyTypeObject PyWrapperDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(PyWrapperDescrObject),
    .tp_dealloc = (destructor)descr_dealloc,
    .tp_repr = (reprfunc)wrapperdescr_repr,
    .tp_call = (ternaryfunc)wrapperdescr_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = wrapperdescr_getset,
    .tp_descr_get = (descrgetfunc)wrapperdescr_get,
};

static PyDescrObject *
descr_new(PyTypeObject *descrtype, PyTypeObject *type, const char *name)
{
    PyDescrObject *descr = (PyDescrObject *)PyType_GenericAlloc(descrtype, 0);
    if (descr != NULL) {
        descr->d_type = (PyTypeObject *)Py_XNewRef(type);
        descr->d_name = Py_NewRef(_PyUnicode_InternStatic(name));
        descr->d_qualname = NULL;
    }
    return descr;
}

/* New reference. */
PyObject *
PyDescr_NewMethod(PyTypeObject *type, PyMethodDef *method)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)descr_new(&PyMethodDescr_Type, type, method->ml_name);
    if (descr != NULL) {
        descr->d_method = method;
        descr->vectorcall = method_vectorcall;
    }
    return (PyObject *)descr;
}

/* New reference. */
PyObject *
PyDescr_NewClassMethod(PyTypeObject *type, PyMethodDef *method)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)descr_new(&PyClassMethodDescr_Type, type, method->ml_name);
    if (descr != NULL) descr->d_method = method;
    return (PyObject *)descr;
}

/* New reference. */
PyObject *
PyDescr_NewMember(PyTypeObject *type, PyMemberDef *member)
{
    PyMemberDescrObject *descr = (PyMemberDescrObject *)descr_new(&PyMemberDescr_Type, type, member->name);
    if (descr != NULL) descr->d_member = member;
    return (PyObject *)descr;
}

/* New reference. */
PyObject *
PyDescr_NewGetSet(PyTypeObject *type, PyGetSetDef *getset)
{
    PyGetSetDescrObject *descr = (PyGetSetDescrObject *)descr_new(&PyGetSetDescr_Type, type, getset->name);
    if (descr != NULL) descr->d_getset = getset;
    return (PyObject *)descr;
}

/* New reference. */
PyObject *
PyDescr_NewWrapper(PyTypeObject *type, struct wrapperbase *base, void *wrapped)
{
    PyWrapperDescrObject *descr = (PyWrapperDescrObject *)descr_new(&PyWrapperDescr_Type, type, base->name);
    if (descr != NULL) {
        descr->d_base = base;
        descr->d_wrapped = wrapped;
    }
    return (PyObject *)descr;
}

/* ---------------------------- method-wrapper ---------------------------- */

typedef struct {
    PyObject_HEAD
    PyWrapperDescrObject *descr;
    PyObject *self;
} wrapperobject;

static void
wrapper_dealloc(wrapperobject *wp)
{
    PyObject_GC_UnTrack(wp);
    Py_XDECREF(wp->descr);
    Py_XDECREF(wp->self);
    PyObject_GC_Del(wp);
}

static int
wrapper_traverse(PyObject *self, visitproc visit, void *arg)
{
    wrapperobject *wp = (wrapperobject *)self;
    Py_VISIT(wp->descr);
    Py_VISIT(wp->self);
    return 0;
}

static PyObject *
wrapper_repr(wrapperobject *wp)
{
    return PyUnicode_FromFormat("<method-wrapper '%s' of %s object at %p>",
                                wp->descr->d_base->name, Py_TYPE(wp->self)->tp_name, wp->self);
}

static PyObject *
wrapper_call(wrapperobject *wp, PyObject *args, PyObject *kwds)
{
    return wrapperdescr_raw_call(wp->descr, wp->self, args, kwds);
}

static PyObject *
wrapper_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !Py_IS_TYPE(b, Py_TYPE(a))) Py_RETURN_NOTIMPLEMENTED;
    wrapperobject *wa = (wrapperobject *)a, *wb = (wrapperobject *)b;
    int eq = wa->descr == wb->descr && wa->self == wb->self;
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static Py_hash_t
wrapper_hash(wrapperobject *wp)
{
    Py_hash_t x = _Py_HashPointer(wp->self) ^ _Py_HashPointer(wp->descr);
    return x == -1 ? -2 : x;
}

static PyObject *
wrapper_name(wrapperobject *wp, void *c)
{
    return Py_NewRef(wp->descr->d_common.d_name);
}

static PyObject *
wrapper_qualname(wrapperobject *wp, void *c)
{
    return descr_get_qualname((PyDescrObject *)wp->descr, NULL);
}

static PyObject *
wrapper_self(wrapperobject *wp, void *c)
{
    return Py_NewRef(wp->self);
}

static PyObject *
wrapper_objclass(wrapperobject *wp, void *c)
{
    return Py_NewRef(wp->descr->d_common.d_type);
}

static PyGetSetDef wrapper_getsets[] = {
    {"__objclass__", (getter)wrapper_objclass, NULL, NULL, NULL},
    {"__name__", (getter)wrapper_name, NULL, NULL, NULL},
    {"__qualname__", (getter)wrapper_qualname, NULL, NULL, NULL},
    {"__self__", (getter)wrapper_self, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject _PyMethodWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(wrapperobject),
    .tp_dealloc = (destructor)wrapper_dealloc,
    .tp_repr = (reprfunc)wrapper_repr,
    .tp_hash = (hashfunc)wrapper_hash,
    .tp_call = (ternaryfunc)wrapper_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = wrapper_traverse,
    .tp_richcompare = wrapper_richcompare,
    .tp_getset = wrapper_getsets,
};

/* New reference. */
PyObject *
PyWrapper_New(PyObject *d, PyObject *self)
{
    wrapperobject *wp = PyObject_GC_New(wrapperobject, &_PyMethodWrapper_Type);
    if (wp != NULL) {
        wp->descr = (PyWrapperDescrObject *)Py_NewRef(d);
        wp->self = Py_NewRef(self);
        PyObject_GC_Track(wp);
    }
    return (PyObject *)wp;
}

/* ------------------------------- members ------------------------------- */

/* New reference. */
PyObject *
PyMember_GetOne(const char *obj_addr, PyMemberDef *l)
{
    const char *addr = obj_addr + l->offset;
    PyObject *v;
    switch (l->type) {
    case Py_T_BOOL: v = PyBool_FromLong(*(char *)addr); break;
    case Py_T_BYTE: v = PyLong_FromLong(*(signed char *)addr); break;
    case Py_T_UBYTE: v = PyLong_FromUnsignedLong(*(unsigned char *)addr); break;
    case Py_T_SHORT: v = PyLong_FromLong(*(short *)addr); break;
    case Py_T_USHORT: v = PyLong_FromUnsignedLong(*(unsigned short *)addr); break;
    case Py_T_INT: v = PyLong_FromLong(*(int *)addr); break;
    case Py_T_UINT: v = PyLong_FromUnsignedLong(*(unsigned int *)addr); break;
    case Py_T_LONG: v = PyLong_FromLong(*(long *)addr); break;
    case Py_T_ULONG: v = PyLong_FromUnsignedLong(*(unsigned long *)addr); break;
    case Py_T_PYSSIZET: v = PyLong_FromSsize_t(*(Py_ssize_t *)addr); break;
    case Py_T_FLOAT: v = PyFloat_FromDouble(*(float *)addr); break;
    case Py_T_DOUBLE: v = PyFloat_FromDouble(*(double *)addr); break;
    case Py_T_STRING:
        if (*(char **)addr == NULL) v = Py_NewRef(Py_None);
        else v = PyUnicode_FromString(*(char **)addr);
        break;
    case Py_T_STRING_INPLACE: v = PyUnicode_FromString((char *)addr); break;
    case Py_T_CHAR: v = PyUnicode_FromStringAndSize((char *)addr, 1); break;
    case _Py_T_OBJECT:
        v = *(PyObject **)addr;
        if (v == NULL) v = Py_None;
        Py_INCREF(v);
        break;
    case Py_T_OBJECT_EX:
        v = *(PyObject **)addr;
        if (v == NULL) {
            PyObject *obj = (PyObject *)obj_addr;
            PyTypeObject *tp = Py_TYPE(obj);
            PyErr_Format(PyExc_AttributeError, "'%.200s' object has no attribute '%s'",
                         tp->tp_name, l->name);
            return NULL;
        }
        Py_INCREF(v);
        break;
    case Py_T_LONGLONG: v = PyLong_FromLongLong(*(long long *)addr); break;
    case Py_T_ULONGLONG: v = PyLong_FromUnsignedLongLong(*(unsigned long long *)addr); break;
    case _Py_T_NONE: v = Py_NewRef(Py_None); break;
    default:
        PyErr_SetString(PyExc_SystemError, "bad memberdescr type");
        v = NULL;
    }
    return v;
}

int
PyMember_SetOne(char *addr, PyMemberDef *l, PyObject *v)
{
    PyObject *obj = (PyObject *)addr;
    addr += l->offset;
    if (l->flags & Py_READONLY) {
        PyErr_Format(PyExc_AttributeError, "readonly attribute");
        return -1;
    }
    if (v == NULL) {
        if (l->type == Py_T_OBJECT_EX) {
            if (*(PyObject **)addr == NULL) {
                PyErr_Format(PyExc_AttributeError, "'%.200s' object has no attribute '%s'",
                             Py_TYPE(obj)->tp_name, l->name);
                return -1;
            }
        }
        else if (l->type != _Py_T_OBJECT) {
            PyErr_SetString(PyExc_TypeError, "can't delete numeric/char attribute");
            return -1;
        }
    }
    switch (l->type) {
    case Py_T_BOOL:
        if (!PyBool_Check(v)) {
            PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(char *)addr = (char)(v == Py_True);
        break;
    case Py_T_INT: case Py_T_UINT: case Py_T_SHORT: case Py_T_USHORT:
    case Py_T_BYTE: case Py_T_UBYTE: case Py_T_LONG: case Py_T_ULONG:
    case Py_T_PYSSIZET: case Py_T_LONGLONG: case Py_T_ULONGLONG: {
        long long x = PyLong_AsLongLong(v);
        if (x == -1 && PyErr_Occurred()) return -1;
        switch (l->type) {
        case Py_T_INT: *(int *)addr = (int)x; break;
        case Py_T_UINT: *(unsigned int *)addr = (unsigned int)x; break;
        case Py_T_SHORT: *(short *)addr = (short)x; break;
        case Py_T_USHORT: *(unsigned short *)addr = (unsigned short)x; break;
        case Py_T_BYTE: *(signed char *)addr = (signed char)x; break;
        case Py_T_UBYTE: *(unsigned char *)addr = (unsigned char)x; break;
        case Py_T_LONG: *(long *)addr = (long)x; break;
        case Py_T_ULONG: *(unsigned long *)addr = (unsigned long)x; break;
        case Py_T_PYSSIZET: *(Py_ssize_t *)addr = (Py_ssize_t)x; break;
        case Py_T_LONGLONG: *(long long *)addr = x; break;
        default: *(unsigned long long *)addr = (unsigned long long)x; break;
        }
        break;
    }
    case Py_T_FLOAT: case Py_T_DOUBLE: {
        double d = PyFloat_AsDouble(v);
        if (d == -1 && PyErr_Occurred()) return -1;
        if (l->type == Py_T_FLOAT) *(float *)addr = (float)d;
        else *(double *)addr = d;
        break;
    }
    case _Py_T_OBJECT:
    case Py_T_OBJECT_EX: {
        PyObject *oldv = *(PyObject **)addr;
        *(PyObject **)addr = Py_XNewRef(v);
        Py_XDECREF(oldv);
        break;
    }
    default:
        PyErr_Format(PyExc_SystemError, "bad memberdescr type for %s", l->name);
        return -1;
    }
    return 0;
}

/* ------------------------------- property ------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *prop_get;
    PyObject *prop_set;
    PyObject *prop_del;
    PyObject *prop_doc;
    PyObject *prop_name;
    int getter_doc;
} propertyobject;

static PyMemberDef property_members[] = {
    {"fget", _Py_T_OBJECT, offsetof(propertyobject, prop_get), Py_READONLY, NULL},
    {"fset", _Py_T_OBJECT, offsetof(propertyobject, prop_set), Py_READONLY, NULL},
    {"fdel", _Py_T_OBJECT, offsetof(propertyobject, prop_del), Py_READONLY, NULL},
    {"__doc__", _Py_T_OBJECT, offsetof(propertyobject, prop_doc), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

static void
property_dealloc(PyObject *self)
{
    propertyobject *gs = (propertyobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(gs->prop_get);
    Py_XDECREF(gs->prop_set);
    Py_XDECREF(gs->prop_del);
    Py_XDECREF(gs->prop_doc);
    Py_XDECREF(gs->prop_name);
    Py_TYPE(self)->tp_free(self);
}

static int
property_traverse(PyObject *self, visitproc visit, void *arg)
{
    propertyobject *pp = (propertyobject *)self;
    Py_VISIT(pp->prop_get);
    Py_VISIT(pp->prop_set);
    Py_VISIT(pp->prop_del);
    Py_VISIT(pp->prop_doc);
    Py_VISIT(pp->prop_name);
    return 0;
}

static int
property_clear(PyObject *self)
{
    propertyobject *pp = (propertyobject *)self;
    Py_CLEAR(pp->prop_doc);
    return 0;
}

/* 3.12 message helper: "property 'x' of 'C' object has no getter". */
static void
property_error(propertyobject *gs, PyObject *obj, const char *what)
{
    PyObject *qualname = NULL;
    if (obj) qualname = PyObject_GetAttr((PyObject *)Py_TYPE(obj), _Py_ID(__qualname__));
    if (qualname == NULL) PyErr_Clear();
    if (gs->prop_name != NULL && qualname != NULL)
        PyErr_Format(PyExc_AttributeError, "property %R of %R object %s", gs->prop_name, qualname, what);
    else if (qualname != NULL)
        PyErr_Format(PyExc_AttributeError, "property of %R object %s", qualname, what);
    else
        PyErr_Format(PyExc_AttributeError, "property %s", what);
    Py_XDECREF(qualname);
}

static PyObject *
property_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    if (obj == NULL || obj == Py_None) return Py_NewRef(self);
    propertyobject *gs = (propertyobject *)self;
    if (gs->prop_get == NULL) {
        property_error(gs, obj, "has no getter");
        return NULL;
    }
    return PyObject_CallOneArg(gs->prop_get, obj);
}

static int
property_descr_set(PyObject *self, PyObject *obj, PyObject *value)
{
    propertyobject *gs = (propertyobject *)self;
    PyObject *func = value == NULL ? gs->prop_del : gs->prop_set;
    if (func == NULL) {
        property_error(gs, obj, value == NULL ? "has no deleter" : "has no setter");
        return -1;
    }
    PyObject *res;
    if (value == NULL) res = PyObject_CallOneArg(func, obj);
    else {
        PyObject *args[] = {obj, value};
        res = PyObject_Vectorcall(func, args, 2, NULL);
    }
    if (res == NULL) return -1;
    Py_DECREF(res);
    return 0;
}

static int
property_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fget", "fset", "fdel", "doc", NULL};
    PyObject *fget = NULL, *fset = NULL, *fdel = NULL, *doc = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OOOO:property", kwlist, &fget, &fset, &fdel, &doc))
        return -1;
    propertyobject *prop = (propertyobject *)self;
    if (fget == Py_None) fget = NULL;
    if (fset == Py_None) fset = NULL;
    if (fdel == Py_None) fdel = NULL;
    Py_XSETREF(prop->prop_get, Py_XNewRef(fget));
    Py_XSETREF(prop->prop_set, Py_XNewRef(fset));
    Py_XSETREF(prop->prop_del, Py_XNewRef(fdel));
    Py_XSETREF(prop->prop_doc, NULL);
    Py_XSETREF(prop->prop_name, NULL);
    prop->getter_doc = 0;
    PyObject *prop_doc = NULL;
    if (doc != NULL && doc != Py_None) {
        prop_doc = Py_XNewRef(doc);
    }
    else if (fget != NULL) {
        if (_PyObject_LookupAttr(fget, _Py_ID(__doc__), &prop_doc) < 0) return -1;
        if (prop_doc == Py_None) Py_CLEAR(prop_doc);
        if (prop_doc != NULL) prop->getter_doc = 1;
    }
    if (prop_doc == NULL) prop_doc = Py_NewRef(Py_None);
    if (Py_IS_TYPE(self, &PyProperty_Type)) {
        Py_XSETREF(prop->prop_doc, prop_doc);
    }
    else {
        /* Subclasses store __doc__ in their instance dict. */
        int err = PyObject_SetAttr(self, _Py_ID(__doc__), prop_doc);
        Py_DECREF(prop_doc);
        if (err < 0) return -1;
    }
    return 0;
}

static PyObject *
property_copy(PyObject *old, PyObject *get, PyObject *set, PyObject *del)
{
    propertyobject *pold = (propertyobject *)old;
    if (get == NULL || get == Py_None) get = pold->prop_get ? pold->prop_get : Py_None;
    if (set == NULL || set == Py_None) set = pold->prop_set ? pold->prop_set : Py_None;
    if (del == NULL || del == Py_None) del = pold->prop_del ? pold->prop_del : Py_None;
    PyObject *doc;
    if (pold->getter_doc && get != Py_None) doc = Py_None;
    else doc = pold->prop_doc ? pold->prop_doc : Py_None;
    PyObject *args[] = {get, set, del, doc};
    PyObject *new = PyObject_Vectorcall((PyObject *)Py_TYPE(old), args, 4, NULL);
    if (new == NULL) return NULL;
    if (PyObject_TypeCheck(new, &PyProperty_Type))
        Py_XSETREF(((propertyobject *)new)->prop_name, Py_XNewRef(pold->prop_name));
    return new;
}

static PyObject *property_getter(PyObject *self, PyObject *getter) { return property_copy(self, getter, NULL, NULL); }
static PyObject *property_setter(PyObject *self, PyObject *setter) { return property_copy(self, NULL, setter, NULL); }
static PyObject *property_deleter(PyObject *self, PyObject *deleter) { return property_copy(self, NULL, NULL, deleter); }

static PyObject *
property_set_name(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "__set_name__() takes 2 positional arguments but %zd were given", nargs);
        return NULL;
    }
    Py_XSETREF(((propertyobject *)self)->prop_name, Py_NewRef(args[1]));
    Py_RETURN_NONE;
}

static PyObject *
property_get___isabstractmethod__(propertyobject *prop, void *closure)
{
    PyObject *fs[3] = {prop->prop_get, prop->prop_set, prop->prop_del};
    for (int i = 0; i < 3; i++) {
        if (fs[i] == NULL) continue;
        PyObject *v;
        int r = _PyObject_LookupAttr(fs[i], _Py_ID(__isabstractmethod__), &v);
        if (r < 0) return NULL;
        if (r) {
            int t = PyObject_IsTrue(v);
            Py_DECREF(v);
            if (t < 0) return NULL;
            if (t) Py_RETURN_TRUE;
        }
    }
    Py_RETURN_FALSE;
}

static PyGetSetDef property_getsetlist[] = {
    {"__isabstractmethod__", (getter)property_get___isabstractmethod__, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMethodDef property_methods[] = {
    {"getter", property_getter, METH_O, NULL},
    {"setter", property_setter, METH_O, NULL},
    {"deleter", property_deleter, METH_O, NULL},
    {"__set_name__", (PyCFunction)(void (*)(void))property_set_name, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyProperty_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "property",
    .tp_basicsize = sizeof(propertyobject),
    .tp_dealloc = property_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Property attribute.",
    .tp_traverse = property_traverse,
    .tp_clear = property_clear,
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_getset = property_getsetlist,
    .tp_descr_get = property_descr_get,
    .tp_descr_set = property_descr_set,
    .tp_init = property_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------ mappingproxy ------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *mapping;
} mappingproxyobject;

static Py_ssize_t mappingproxy_len(mappingproxyobject *pp) { return PyObject_Size(pp->mapping); }
static PyObject *mappingproxy_getitem(mappingproxyobject *pp, PyObject *key) { return PyObject_GetItem(pp->mapping, key); }
static int mappingproxy_contains(mappingproxyobject *pp, PyObject *key)
{
    if (PyDict_CheckExact(pp->mapping)) return PyDict_Contains(pp->mapping, key);
    return PySequence_Contains(pp->mapping, key);
}

static PyMappingMethods mappingproxy_as_mapping = {
    (lenfunc)mappingproxy_len, (binaryfunc)mappingproxy_getitem, 0,
};
static PySequenceMethods mappingproxy_as_sequence = { .sq_contains = (objobjproc)mappingproxy_contains };

static PyObject *
mappingproxy_get(mappingproxyobject *pp, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("get", nargs, 1, 2)) return NULL;
    PyObject *newargs[2] = {args[0], nargs == 2 ? args[1] : Py_None};
    return PyObject_VectorcallMethod(_Py_ID(get), (PyObject *[]){pp->mapping, newargs[0], newargs[1]}, 3, NULL);
}

static PyObject *mappingproxy_keys(mappingproxyobject *pp, PyObject *u) { return PyObject_CallMethodNoArgs(pp->mapping, _Py_ID(keys)); }
static PyObject *mappingproxy_values(mappingproxyobject *pp, PyObject *u) { return PyObject_CallMethodNoArgs(pp->mapping, _Py_ID(values)); }
static PyObject *mappingproxy_items(mappingproxyobject *pp, PyObject *u) { return PyObject_CallMethodNoArgs(pp->mapping, _Py_ID(items)); }
static PyObject *mappingproxy_copy(mappingproxyobject *pp, PyObject *u) { return PyObject_CallMethodNoArgs(pp->mapping, _Py_ID(copy)); }

static PyMethodDef mappingproxy_methods[] = {
    {"get", (PyCFunction)(void (*)(void))mappingproxy_get, METH_FASTCALL, NULL},
    {"keys", (PyCFunction)mappingproxy_keys, METH_NOARGS, NULL},
    {"values", (PyCFunction)mappingproxy_values, METH_NOARGS, NULL},
    {"items", (PyCFunction)mappingproxy_items, METH_NOARGS, NULL},
    {"copy", (PyCFunction)mappingproxy_copy, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static void
mappingproxy_dealloc(mappingproxyobject *pp)
{
    PyObject_GC_UnTrack(pp);
    Py_DECREF(pp->mapping);
    PyObject_GC_Del(pp);
}

static PyObject *mappingproxy_getiter(mappingproxyobject *pp) { return PyObject_GetIter(pp->mapping); }
static PyObject *mappingproxy_str(mappingproxyobject *pp) { return PyObject_Str(pp->mapping); }
static PyObject *
mappingproxy_repr(mappingproxyobject *pp)
{
    return PyUnicode_FromFormat("mappingproxy(%R)", pp->mapping);
}

static int
mappingproxy_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((mappingproxyobject *)self)->mapping);
    return 0;
}

static PyObject *
mappingproxy_richcompare(mappingproxyobject *v, PyObject *w, int op)
{
    return PyObject_RichCompare(v->mapping, w, op);
}

/* mappingproxy(mapping): a read-only view of a mapping (types.MappingProxyType). */
static PyObject *
mappingproxy_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"mapping", NULL};
    PyObject *mapping;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:mappingproxy", kwlist, &mapping))
        return NULL;
    if (!PyMapping_Check(mapping) || PyList_Check(mapping) || PyTuple_Check(mapping)) {
        PyErr_Format(PyExc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                     Py_TYPE(mapping)->tp_name);
        return NULL;
    }
    return PyDictProxy_New(mapping);
}

PyTypeObject PyDictProxy_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(mappingproxyobject),
    .tp_dealloc = (destructor)mappingproxy_dealloc,
    .tp_repr = (reprfunc)mappingproxy_repr,
    .tp_as_sequence = &mappingproxy_as_sequence,
    .tp_as_mapping = &mappingproxy_as_mapping,
    .tp_str = (reprfunc)mappingproxy_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MAPPING,
    .tp_traverse = mappingproxy_traverse,
    .tp_richcompare = (richcmpfunc)mappingproxy_richcompare,
    .tp_iter = (getiterfunc)mappingproxy_getiter,
    .tp_methods = mappingproxy_methods,
    .tp_new = mappingproxy_new,
};

/* New reference. */
PyObject *
PyDictProxy_New(PyObject *mapping)
{
    mappingproxyobject *pp = PyObject_GC_New(mappingproxyobject, &PyDictProxy_Type);
    if (pp != NULL) {
        pp->mapping = Py_NewRef(mapping);
        PyObject_GC_Track(pp);
    }
    return (PyObject *)pp;
}

int
_PyDescr_InitTypes(void)
{
    PyTypeObject *types[] = {
        &PyMethodDescr_Type, &PyClassMethodDescr_Type, &PyMemberDescr_Type, &PyGetSetDescr_Type,
        &PyWrapperDescr_Type, &_PyMethodWrapper_Type, &PyProperty_Type, &PyDictProxy_Type,
        &PyCFunction_Type,
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(types); i++)
        if (PyType_Ready(types[i]) < 0) return -1;
    return 0;
}
