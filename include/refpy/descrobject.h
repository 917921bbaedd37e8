/* descrobject.h -- descriptors: methods, members and getsets of C types. */
#ifndef REFPY_DESCROBJECT_H
#define REFPY_DESCROBJECT_H
#include "object.h"
#include "methodobject.h"

typedef PyObject *(*getter)(PyObject *, void *);
typedef int (*setter)(PyObject *, PyObject *, void *);

struct PyGetSetDef {
    const char *name;
    getter get;
    setter set;
    const char *doc;
    void *closure;
};
typedef struct PyGetSetDef PyGetSetDef;

struct PyMemberDef {
    const char *name;
    int type;
    Py_ssize_t offset;
    int flags;
    const char *doc;
};
typedef struct PyMemberDef PyMemberDef;

/* member types (3.12 names and the legacy T_ aliases) */
#define Py_T_SHORT 0
#define Py_T_INT 1
#define Py_T_LONG 2
#define Py_T_FLOAT 3
#define Py_T_DOUBLE 4
#define Py_T_STRING 5
#define _Py_T_OBJECT 6
#define Py_T_CHAR 7
#define Py_T_BYTE 8
#define Py_T_UBYTE 9
#define Py_T_UINT 11
#define Py_T_USHORT 10
#define Py_T_ULONG 12
#define Py_T_STRING_INPLACE 13
#define Py_T_BOOL 14
#define Py_T_OBJECT_EX 16
#define Py_T_LONGLONG 17
#define Py_T_ULONGLONG 18
#define Py_T_PYSSIZET 19
#define _Py_T_NONE 20
#define Py_READONLY 1
#define Py_AUDIT_READ 2
#define Py_RELATIVE_OFFSET 8
#define T_SHORT Py_T_SHORT
#define T_INT Py_T_INT
#define T_LONG Py_T_LONG
#define T_DOUBLE Py_T_DOUBLE
#define T_OBJECT _Py_T_OBJECT
#define T_OBJECT_EX Py_T_OBJECT_EX
#define T_PYSSIZET Py_T_PYSSIZET
#define T_BOOL Py_T_BOOL
#define READONLY Py_READONLY

typedef struct {
    PyObject_HEAD
    PyTypeObject *d_type;
    PyObject *d_name;
    PyObject *d_qualname;
} PyDescrObject;

typedef struct { PyDescrObject d_common; PyMethodDef *d_method; vectorcallfunc vectorcall; } PyMethodDescrObject;
typedef struct { PyDescrObject d_common; PyMemberDef *d_member; } PyMemberDescrObject;
typedef struct { PyDescrObject d_common; PyGetSetDef *d_getset; } PyGetSetDescrObject;

/* slot wrappers (e.g. int.__add__) */
typedef PyObject *(*wrapperfunc)(PyObject *self, PyObject *args, void *wrapped);
struct wrapperbase {
    const char *name;
    int offset;
    void *function;
    wrapperfunc wrapper;
    const char *doc;
    int flags;
    PyObject *name_strobj;
};
typedef struct { PyDescrObject d_common; struct wrapperbase *d_base; void *d_wrapped; } PyWrapperDescrObject;

PyAPI_DATA(PyTypeObject) PyMethodDescr_Type;
PyAPI_DATA(PyTypeObject) PyClassMethodDescr_Type;
PyAPI_DATA(PyTypeObject) PyGetSetDescr_Type;
PyAPI_DATA(PyTypeObject) PyMemberDescr_Type;
PyAPI_DATA(PyTypeObject) PyWrapperDescr_Type;
PyAPI_DATA(PyTypeObject) _PyMethodWrapper_Type;
PyAPI_DATA(PyTypeObject) PyProperty_Type;
PyAPI_DATA(PyTypeObject) PyDictProxy_Type;

PyAPI_FUNC(PyObject *) PyDescr_NewMethod(PyTypeObject *, PyMethodDef *);      /* new */
PyAPI_FUNC(PyObject *) PyDescr_NewClassMethod(PyTypeObject *, PyMethodDef *); /* new */
PyAPI_FUNC(PyObject *) PyDescr_NewMember(PyTypeObject *, PyMemberDef *);      /* new */
PyAPI_FUNC(PyObject *) PyDescr_NewGetSet(PyTypeObject *, PyGetSetDef *);      /* new */
PyAPI_FUNC(PyObject *) PyDescr_NewWrapper(PyTypeObject *, struct wrapperbase *, void *); /* new */
PyAPI_FUNC(PyObject *) PyDictProxy_New(PyObject *);                           /* new */
PyAPI_FUNC(PyObject *) PyMember_GetOne(const char *, PyMemberDef *);          /* new */
PyAPI_FUNC(int) PyMember_SetOne(char *, PyMemberDef *, PyObject *);
#endif
