/* modsupport.h -- argument parsing and value building for C functions. */
#ifndef REFPY_MODSUPPORT_H
#define REFPY_MODSUPPORT_H
#include "object.h"
#include <stdarg.h>

/* Formats as CPython's: "O", "O!", "i", "l", "n", "d", "s", "z", "U", "p",
   "|", "$", ":name", ";message".  Return 1 on success, 0 with an exception. */
PyAPI_FUNC(int) PyArg_ParseTuple(PyObject *args, const char *format, ...);
PyAPI_FUNC(int) PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kw, const char *format,
                                            char **keywords, ...);
PyAPI_FUNC(int) PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min,
                                  Py_ssize_t max, ...);   /* BORROWED outputs */
PyAPI_FUNC(int) PyArg_ValidateKeywordArguments(PyObject *);
/* New reference built from a format ("i", "l", "n", "d", "s", "z", "O",
   "N" (steals), "(...)", "[...]", "{...}"). */
PyAPI_FUNC(PyObject *) Py_BuildValue(const char *format, ...);
PyAPI_FUNC(PyObject *) Py_VaBuildValue(const char *format, va_list);

/* Fast-call helpers used by refpy's own builtins (CPython's Argument
   Clinic helpers).  Return 1 if OK, 0 with TypeError set. */
PyAPI_FUNC(int) _PyArg_CheckPositional(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max);
PyAPI_FUNC(int) _PyArg_NoKwnames(const char *name, PyObject *kwnames);
PyAPI_FUNC(int) _PyArg_NoKeywords(const char *name, PyObject *kwargs);
PyAPI_FUNC(int) _PyArg_NoPositional(const char *name, PyObject *args);
/* Parse vectorcall arguments against keyword names.  kwlist is NULL-terminated;
   the first `posonly` entries are positional-only; min required; max total.
   On success fills out[0..max) with BORROWED references (NULL if absent). */
PyAPI_FUNC(int) _PyArg_ParseFast(const char *fname, PyObject *const *args, Py_ssize_t nargs,
                                 PyObject *kwnames, const char *const *kwlist, int posonly,
                                 int minpos, int maxpos, int minkw, PyObject **out);
/* The type name CPython's argument errors show: "None" for None itself
   ("argument must be str, not None"), else the type's tp_name. */
#define _PyArg_TypeName(arg) ((arg) == Py_None ? "None" : Py_TYPE(arg)->tp_name)
#endif
