/* rp_structseq.h -- refpy's internal helpers for named-field tuple types
 * (src/objects/structseq.c). */
#ifndef RP_STRUCTSEQ_H
#define RP_STRUCTSEQ_H
#include "pycore.h"
#include "refpy/structseq.h"

/* A struct sequence type ("sys.flags"): 0 / -1. */
int _PyStructSequence_InitStatic(PyTypeObject *tp, const char *name, const char *const *fields,
                                 int nfields);
/* A namedtuple-like record type ("dis.Instruction"); the last n_optional
   fields default to None when constructed from Python.  0 / -1. */
int _PyRecord_InitStatic(PyTypeObject *tp, const char *name, const char *const *fields,
                         int nfields, int n_optional, const char *module);
/* New instance: STEALS the items (a NULL item means "error": all are released). */
PyObject *_PyStructSequence_FromArraySteal(PyTypeObject *tp, PyObject **items, Py_ssize_t n);
#endif
