/* superobject.c -- super(): attribute lookup starting after a class in
 * an object's MRO.  The zero-argument form reads the calling frame: its
 * first argument and the __class__ cell the compiler creates. */
#include "pycore.h"
#include "rp_object.h"
#include "rp_state.h"
#include "rp_frame.h"
#include "rp_typeobject.h"

typedef struct {
    PyObject_HEAD
    PyTypeObject *type;
    PyObject *obj;
    PyTypeObject *obj_type;
} superobject;

static PyMemberDef super_members[] = {
    {"__thisclass__", _Py_T_OBJECT, offsetof(superobject, type), Py_READONLY, NULL},
    {"__self__", _Py_T_OBJECT, offsetof(superobject, obj), Py_READONLY, NULL},
    {"__self_class__", _Py_T_OBJECT, offsetof(superobject, obj_type), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static void
super_dealloc(PyObject *self)
{
    superobject *su = (superobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(su->obj);
    Py_XDECREF(su->type);
    Py_XDECREF(su->obj_type);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
super_repr(PyObject *self)
{
    superobject *su = (superobject *)self;
    if (su->obj_type)
        return PyUnicode_FromFormat("<super: <class '%s'>, <%s object>>",
                                    su->type ? su->type->tp_name : "NULL", su->obj_type->tp_name);
    return PyUnicode_FromFormat("<super: <class '%s'>, NULL>", su->type ? su->type->tp_name : "NULL");
}

/* Look name up in the MRO of obj_type after `type`: BORROWED, or NULL. */
static PyObject *
super_lookup(PyTypeObject *su_type, PyTypeObject *starttype, PyObject *name)
{
    PyObject *mro = starttype->tp_mro;
    if (mro == NULL) return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(mro), i;
    for (i = 0; i + 1 < n; i++)
        if ((PyObject *)su_type == PyTuple_GET_ITEM(mro, i)) break;
    i++;
    for (; i < n; i++) {
        PyObject *tmp = PyTuple_GET_ITEM(mro, i);
        PyObject *res = PyDict_GetItemWithError(((PyTypeObject *)tmp)->tp_dict, name);
        if (res != NULL || PyErr_Occurred()) return res;
    }
    return NULL;
}

/* New reference. */
static PyObject *
do_super_lookup(superobject *su, PyTypeObject *su_type, PyObject *su_obj,
                PyTypeObject *su_obj_type, PyObject *name, int *method)
{
    if (su_obj_type == NULL) goto skip;
    /* Want __class__ of the super object itself. */
    if (PyUnicode_Check(name) && _PyUnicode_EqualToASCIIString(name, "__class__")) goto skip;
    PyObject *res = super_lookup(su_type, su_obj_type, name);
    if (res != NULL) {
        if (method && PyType_HasFeature(Py_TYPE(res), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
            *method = 1;
            return Py_NewRef(res);
        }
        Py_INCREF(res);
        descrgetfunc f = Py_TYPE(res)->tp_descr_get;
        if (f != NULL) {
            PyObject *r = f(res, su_obj == (PyObject *)su_obj_type ? NULL : su_obj, (PyObject *)su_obj_type);
            Py_SETREF(res, r);
        }
        return res;
    }
    if (PyErr_Occurred()) return NULL;
skip:
    if (su == NULL) {
        PyObject *args[] = {(PyObject *)su_type, su_obj};
        su = (superobject *)PyObject_Vectorcall((PyObject *)&PySuper_Type, args, 2, NULL);
        if (su == NULL) return NULL;
        PyObject *r = PyObject_GenericGetAttr((PyObject *)su, name);
        Py_DECREF(su);
        return r;
    }
    return PyObject_GenericGetAttr((PyObject *)su, name);
}

static PyObject *
super_getattro(PyObject *self, PyObject *name)
{
    superobject *su = (superobject *)self;
    return do_super_lookup(su, su->type, su->obj, su->obj_type, name, NULL);
}

/* Check that obj is an instance or subclass of type; return the type to
   start the MRO walk from (new reference). */
static PyTypeObject *
supercheck(PyTypeObject *type, PyObject *obj)
{
    if (PyType_Check(obj) && PyType_IsSubtype((PyTypeObject *)obj, type))
        return (PyTypeObject *)Py_NewRef(obj);
    if (PyType_IsSubtype(Py_TYPE(obj), type))
        return (PyTypeObject *)Py_NewRef(Py_TYPE(obj));
    PyObject *class_attr;
    if (_PyObject_LookupAttr(obj, _Py_ID(__class__), &class_attr) < 0) return NULL;
    if (class_attr != NULL && PyType_Check(class_attr) && (PyTypeObject *)class_attr != Py_TYPE(obj)) {
        int ok = PyType_IsSubtype((PyTypeObject *)class_attr, type);
        if (ok) return (PyTypeObject *)class_attr;
    }
    Py_XDECREF(class_attr);
    PyErr_SetString(PyExc_TypeError,
                    "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

/* New reference: the LOAD_SUPER_ATTR fast path (no super object). */
PyObject *
_PySuper_Lookup(PyTypeObject *type, PyObject *obj, PyObject *name, int *method)
{
    PyTypeObject *starttype = supercheck(type, obj);
    if (starttype == NULL) return NULL;
    PyObject *res = do_super_lookup(NULL, type, obj, starttype, name, method);
    Py_DECREF(starttype);
    return res;
}

static PyObject *
super_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    superobject *su = (superobject *)self;
    if (obj == NULL || obj == Py_None || su->obj != NULL) return Py_NewRef(self);
    if (!Py_IS_TYPE(su, &PySuper_Type))
        return PyObject_CallFunctionObjArgs((PyObject *)Py_TYPE(su), su->type, obj, NULL);
    PyTypeObject *obj_type = supercheck(su->type, obj);
    if (obj_type == NULL) return NULL;
    superobject *newobj = (superobject *)PySuper_Type.tp_new(&PySuper_Type, NULL, NULL);
    if (newobj == NULL) { Py_DECREF(obj_type); return NULL; }
    newobj->type = (PyTypeObject *)Py_NewRef(su->type);
    newobj->obj = Py_NewRef(obj);
    newobj->obj_type = obj_type;
    return (PyObject *)newobj;
}

/* Zero-argument form: find type and obj from the calling frame. */
static int
super_init_without_args(_PyInterpreterFrame *cframe, PyCodeObject *co, PyTypeObject **type_p, PyObject **obj_p)
{
    if (co->co_argcount == 0) {
        PyErr_SetString(PyExc_RuntimeError, "super(): no arguments");
        return -1;
    }
    PyObject *firstarg = cframe->localsplus[0];
    /* The first argument might be a cell (if it is captured). */
    if (firstarg != NULL && (((uint8_t *)PyBytes_AS_STRING(co->co_localspluskinds))[0] & CO_FAST_CELL)) {
        if (PyCell_Check(firstarg)) firstarg = PyCell_GET(firstarg);
    }
    if (firstarg == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    int i, n = co->co_nlocalsplus;
    const uint8_t *kinds = (const uint8_t *)PyBytes_AS_STRING(co->co_localspluskinds);
    PyTypeObject *type = NULL;
    for (i = 0; i < n; i++) {
        PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
        if ((kinds[i] & CO_FAST_FREE) && _PyUnicode_EqualToASCIIString(name, "__class__")) {
            PyObject *cell = cframe->localsplus[i];
            if (cell == NULL || !PyCell_Check(cell)) {
                PyErr_SetString(PyExc_RuntimeError, "super(): bad __class__ cell");
                return -1;
            }
            type = (PyTypeObject *)PyCell_GET(cell);
            if (type == NULL) {
                PyErr_SetString(PyExc_RuntimeError, "super(): empty __class__ cell");
                return -1;
            }
            if (!PyType_Check(type)) {
                PyErr_Format(PyExc_RuntimeError, "super(): __class__ is not a type (%s)", Py_TYPE(type)->tp_name);
                return -1;
            }
            break;
        }
    }
    if (type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "super(): __class__ cell not found");
        return -1;
    }
    *type_p = type;
    *obj_p = firstarg;
    return 0;
}

static int
super_init_impl(PyObject *self, PyTypeObject *type, PyObject *obj)
{
    superobject *su = (superobject *)self;
    PyTypeObject *obj_type = NULL;
    if (type == NULL) {
        PyThreadState *tstate = _PyThreadState_GET();
        _PyInterpreterFrame *frame = tstate->current_frame;
        if (frame == NULL) {
            PyErr_SetString(PyExc_RuntimeError, "super(): no current frame");
            return -1;
        }
        if (super_init_without_args(frame, frame->f_code, &type, &obj) < 0) return -1;
    }
    if (obj == Py_None) obj = NULL;
    if (obj != NULL) {
        obj_type = supercheck(type, obj);
        if (obj_type == NULL) return -1;
        Py_INCREF(obj);
    }
    Py_XSETREF(su->type, (PyTypeObject *)Py_NewRef(type));
    Py_XSETREF(su->obj, obj);
    Py_XSETREF(su->obj_type, obj_type);
    return 0;
}

static int
super_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = NULL;
    PyObject *obj = NULL;
    if (!_PyArg_NoKeywords("super", kwds)) return -1;
    if (!PyArg_ParseTuple(args, "|O!O:super", &PyType_Type, &type, &obj)) return -1;
    return super_init_impl(self, type, obj);
}

static PyObject *
super_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("super", kwnames)) return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_CheckPositional("super()", nargs, 0, 2)) return NULL;
    PyTypeObject *type = NULL;
    PyObject *obj = NULL;
    PyTypeObject *self_type = (PyTypeObject *)self;
    PyObject *su = self_type->tp_alloc(self_type, 0);
    if (su == NULL) return NULL;
    if (nargs != 0) {
        PyObject *arg0 = args[0];
        if (!PyType_Check(arg0)) {
            PyErr_Format(PyExc_TypeError, "super() argument 1 must be a type, not %.200s",
                         Py_TYPE(arg0)->tp_name);
            goto fail;
        }
        type = (PyTypeObject *)arg0;
    }
    if (nargs == 2) obj = args[1];
    if (super_init_impl(su, type, obj) < 0) goto fail;
    return su;
fail:
    Py_DECREF(su);
    return NULL;
}

static int
super_traverse(PyObject *self, visitproc visit, void *arg)
{
    superobject *su = (superobject *)self;
    Py_VISIT(su->obj);
    Py_VISIT(su->type);
    Py_VISIT(su->obj_type);
    return 0;
}

PyTypeObject PySuper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "super",
    .tp_basicsize = sizeof(superobject),
    .tp_dealloc = super_dealloc,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "super() -> same as super(__class__, <first argument>)\n"
              "super(type) -> unbound super object\n"
              "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
              "super(type, type2) -> bound super object; requires issubclass(type2, type)",
    .tp_traverse = super_traverse,
    .tp_members = super_members,
    .tp_descr_get = super_descr_get,
    .tp_init = super_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = super_vectorcall,
};
