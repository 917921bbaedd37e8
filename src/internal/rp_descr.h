/* rp_descr.h -- internals of builtin functions and descriptors. */
#ifndef RP_DESCR_H
#define RP_DESCR_H
#include "pycore.h"

/* Call a PyMethodDef: new reference.  owner = defining type (errors) or NULL. */
PyObject *_PyMethodDef_Vectorcall(PyMethodDef *ml, PyObject *self, PyTypeObject *owner,
                                  PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames);
PyObject *_PyDoc_FromInternal(const char *name, const char *doc);   /* new */
PyObject *_PyDoc_TextSignature(const char *name, const char *doc);  /* new */
int _PyDescr_InitTypes(void);
PyObject *PyWrapper_New(PyObject *descr, PyObject *self);          /* new */
#endif
