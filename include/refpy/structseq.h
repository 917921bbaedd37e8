/* structseq.h -- tuples with named fields implemented in C (CPython's
 * struct sequences: sys.flags, sys.version_info, ...). */
#ifndef REFPY_STRUCTSEQ_H
#define REFPY_STRUCTSEQ_H
#include "object.h"

typedef struct PyStructSequence_Field {
    const char *name;
    const char *doc;
} PyStructSequence_Field;

typedef struct PyStructSequence_Desc {
    const char *name;                /* "module.Name" */
    const char *doc;
    PyStructSequence_Field *fields;  /* NULL-name terminated */
    int n_in_sequence;
} PyStructSequence_Desc;

/* Initialise a static type from desc: 0 / -1. */
PyAPI_FUNC(int) PyStructSequence_InitType2(PyTypeObject *type, PyStructSequence_Desc *desc);
PyAPI_FUNC(void) PyStructSequence_InitType(PyTypeObject *type, PyStructSequence_Desc *desc);
/* New reference: a heap type made from desc. */
PyAPI_FUNC(PyTypeObject *) PyStructSequence_NewType(PyStructSequence_Desc *desc);
/* New reference: an instance with every field NULL (fill with SetItem). */
PyAPI_FUNC(PyObject *) PyStructSequence_New(PyTypeObject *type);
PyAPI_FUNC(void) PyStructSequence_SetItem(PyObject *p, Py_ssize_t pos, PyObject *o); /* STEALS o */
PyAPI_FUNC(PyObject *) PyStructSequence_GetItem(PyObject *p, Py_ssize_t pos);        /* BORROWED */
#define PyStructSequence_SET_ITEM PyStructSequence_SetItem
#define PyStructSequence_GET_ITEM PyStructSequence_GetItem
#endif
