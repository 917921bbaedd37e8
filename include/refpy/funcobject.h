/* funcobject.h -- Python functions, cells, bound methods, static/class methods. */
#ifndef REFPY_FUNCOBJECT_H
#define REFPY_FUNCOBJECT_H
#include "object.h"

typedef struct {
    PyObject_HEAD
    PyObject *func_globals;
    PyObject *func_builtins;
    PyObject *func_name;
    PyObject *func_qualname;
    PyObject *func_code;        /* a code object */
    PyObject *func_defaults;    /* NULL or a tuple */
    PyObject *func_kwdefaults;  /* NULL or a dict */
    PyObject *func_closure;     /* NULL or a tuple of cells */
    PyObject *func_doc;
    PyObject *func_dict;
    PyObject *func_weakreflist;
    PyObject *func_module;
    PyObject *func_annotations;
    PyObject *func_typeparams;
    vectorcallfunc vectorcall;
    uint32_t func_version;
} PyFunctionObject;

PyAPI_DATA(PyTypeObject) PyFunction_Type;
#define PyFunction_Check(op) Py_IS_TYPE((op), &PyFunction_Type)
PyAPI_FUNC(PyObject *) PyFunction_New(PyObject *code, PyObject *globals);   /* new; borrows */
PyAPI_FUNC(PyObject *) PyFunction_NewWithQualName(PyObject *code, PyObject *globals, PyObject *qualname);
PyAPI_FUNC(PyObject *) PyFunction_GetCode(PyObject *);        /* BORROWED */
PyAPI_FUNC(PyObject *) PyFunction_GetGlobals(PyObject *);     /* BORROWED */
PyAPI_FUNC(PyObject *) PyFunction_GetDefaults(PyObject *);    /* BORROWED */
#define PyFunction_GET_CODE(f) (((PyFunctionObject *)(f))->func_code)
#define PyFunction_GET_GLOBALS(f) (((PyFunctionObject *)(f))->func_globals)

typedef struct {
    PyObject_HEAD
    PyObject *ob_ref;       /* content, or NULL if empty */
} PyCellObject;
PyAPI_DATA(PyTypeObject) PyCell_Type;
#define PyCell_Check(op) Py_IS_TYPE((op), &PyCell_Type)
PyAPI_FUNC(PyObject *) PyCell_New(PyObject *);          /* new; borrows the content */
PyAPI_FUNC(PyObject *) PyCell_Get(PyObject *);          /* new */
PyAPI_FUNC(int) PyCell_Set(PyObject *, PyObject *);     /* borrows */
#define PyCell_GET(op) (((PyCellObject *)(op))->ob_ref)

typedef struct {
    PyObject_HEAD
    PyObject *im_func;
    PyObject *im_self;
    PyObject *im_weakreflist;
    vectorcallfunc vectorcall;
} PyMethodObject;
PyAPI_DATA(PyTypeObject) PyMethod_Type;
#define PyMethod_Check(op) Py_IS_TYPE((op), &PyMethod_Type)
PyAPI_FUNC(PyObject *) PyMethod_New(PyObject *func, PyObject *self);   /* new; borrows */
#define PyMethod_GET_FUNCTION(m) (((PyMethodObject *)(m))->im_func)
#define PyMethod_GET_SELF(m) (((PyMethodObject *)(m))->im_self)

PyAPI_DATA(PyTypeObject) PyClassMethod_Type;
PyAPI_DATA(PyTypeObject) PyStaticMethod_Type;
PyAPI_FUNC(PyObject *) PyClassMethod_New(PyObject *);    /* new */
PyAPI_FUNC(PyObject *) PyStaticMethod_New(PyObject *);   /* new */
#endif
