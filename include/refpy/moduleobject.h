/* moduleobject.h -- module objects and C module definitions. */
#ifndef REFPY_MODULEOBJECT_H
#define REFPY_MODULEOBJECT_H
#include "object.h"
#include "methodobject.h"

typedef struct PyModuleDef_Base {
    PyObject_HEAD
    PyObject *(*m_init)(void);
    Py_ssize_t m_index;
    PyObject *m_copy;
} PyModuleDef_Base;
#define PyModuleDef_HEAD_INIT { PyObject_HEAD_INIT(NULL) NULL, 0, NULL }

typedef struct PyModuleDef_Slot { int slot; void *value; } PyModuleDef_Slot;

struct PyModuleDef {
    PyModuleDef_Base m_base;
    const char *m_name;
    const char *m_doc;
    Py_ssize_t m_size;
    PyMethodDef *m_methods;
    PyModuleDef_Slot *m_slots;
    traverseproc m_traverse;
    inquiry m_clear;
    freefunc m_free;
};

typedef struct {
    PyObject_HEAD
    PyObject *md_dict;
    PyModuleDef *md_def;
    void *md_state;
    PyObject *md_weaklist;
    PyObject *md_name;
} PyModuleObject;

PyAPI_DATA(PyTypeObject) PyModule_Type;
PyAPI_DATA(PyTypeObject) PyModuleDef_Type;
#define PyModule_Check(op) PyObject_TypeCheck((op), &PyModule_Type)
#define PyModule_CheckExact(op) Py_IS_TYPE((op), &PyModule_Type)
PyAPI_FUNC(PyObject *) PyModule_NewObject(PyObject *name);          /* new */
PyAPI_FUNC(PyObject *) PyModule_New(const char *name);              /* new */
PyAPI_FUNC(PyObject *) PyModule_GetDict(PyObject *);                /* BORROWED */
PyAPI_FUNC(PyObject *) PyModule_GetNameObject(PyObject *);          /* new */
PyAPI_FUNC(const char *) PyModule_GetName(PyObject *);
PyAPI_FUNC(void *) PyModule_GetState(PyObject *);
PyAPI_FUNC(PyModuleDef *) PyModule_GetDef(PyObject *);
#define PYTHON_API_VERSION 1013
#define PyModule_Create(def) PyModule_Create2((def), PYTHON_API_VERSION)
PyAPI_FUNC(PyObject *) PyModule_Create2(PyModuleDef *, int apiver); /* new */
PyAPI_FUNC(int) PyModule_AddFunctions(PyObject *, PyMethodDef *);
PyAPI_FUNC(int) PyModule_AddObjectRef(PyObject *mod, const char *name, PyObject *value); /* borrows */
PyAPI_FUNC(int) PyModule_AddObject(PyObject *mod, const char *name, PyObject *value);    /* STEALS on success */
PyAPI_FUNC(int) PyModule_Add(PyObject *mod, const char *name, PyObject *value);          /* STEALS always */
PyAPI_FUNC(int) PyModule_AddIntConstant(PyObject *, const char *, long);
PyAPI_FUNC(int) PyModule_AddStringConstant(PyObject *, const char *, const char *);
PyAPI_FUNC(int) PyModule_AddType(PyObject *, PyTypeObject *);
#define PyModule_AddIntMacro(m, c) PyModule_AddIntConstant((m), #c, (c))
#endif
