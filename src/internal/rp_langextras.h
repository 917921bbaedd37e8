/* rp_langextras.h -- types.UnionType, types.GenericAlias, memoryview and
 * the _warnings module (the "language extras" part of the core).
 *
 * TODO(lead): Py_GenericAlias, PyMemoryView_* and Py_GenericAliasType are
 * public API in CPython (genericaliasobject.h, memoryobject.h); they can
 * move to include/refpy/ once the public headers are opened up.
 */
#ifndef RP_LANGEXTRAS_H
#define RP_LANGEXTRAS_H
#include "pycore.h"

/* ---- src/objects/unionobject.c ---- */
extern PyTypeObject _PyUnion_Type;                 /* types.UnionType */
#define _PyUnion_Check(op) Py_IS_TYPE((op), &_PyUnion_Type)
/* X | Y for types, None, generic aliases and unions (type.__or__ and
   type.__ror__ call it with (self, other) / (other, self)).  New reference;
   NotImplemented when either operand cannot be part of a union. */
PyObject *_Py_union_type_or(PyObject *self, PyObject *other);
/* BORROWED: the __args__ tuple of a union object. */
PyObject *_Py_union_args(PyObject *self);

/* ---- src/objects/genericaliasobject.c ---- */
extern PyTypeObject Py_GenericAliasType;           /* types.GenericAlias */
extern PyTypeObject _Py_GenericAliasIterType;      /* generic_alias_iterator */
#define _PyGenericAlias_Check(op) PyObject_TypeCheck((op), &Py_GenericAliasType)
/* New reference: origin[args] (args a tuple, or a single argument).
   Builtin generic types expose it as
     {"__class_getitem__", Py_GenericAlias, METH_O|METH_CLASS, ...}. */
PyObject *Py_GenericAlias(PyObject *origin, PyObject *args);
/* New reference: the type parameters found in args (a tuple). */
PyObject *_Py_make_parameters(PyObject *args);
/* New reference: args with parameters replaced by item (self[item]). */
PyObject *_Py_subs_parameters(PyObject *self, PyObject *args, PyObject *parameters,
                              PyObject *item);
/* Write the short form of a type argument ("int", "mod.C", "list[int]",
   "...") as generic alias and union reprs do.  0 / -1. */
int _Py_typing_repr_item(_PyUnicodeWriter *writer, PyObject *p);
/* Add __class_getitem__ (a classmethod calling Py_GenericAlias) to the
   builtin generic classes that do not define it: list, dict, tuple, set,
   frozenset, enumerate, mappingproxy, async_generator and
   BaseExceptionGroup.  0 / -1.  Called by _PyLangExtras_InitTypes. */
int _PyGenericAlias_InstallClassGetItem(void);

/* ---- src/objects/memoryobject.c ---- */
extern PyTypeObject PyMemoryView_Type;
extern PyTypeObject _PyManagedBuffer_Type;
extern PyTypeObject _PyMemoryIter_Type;
#define PyMemoryView_Check(op) Py_IS_TYPE((op), &PyMemoryView_Type)
PyObject *PyMemoryView_FromObject(PyObject *base);                 /* new */
/* New: a view of size bytes at mem (flags PyBUF_READ or PyBUF_WRITE). */
PyObject *PyMemoryView_FromMemory(char *mem, Py_ssize_t size, int flags);
/* Copy a buffer's contents into buf (len bytes) in order 'C', 'F' or 'A'.
   0 / -1.  TODO(lead): public API, belongs in include/refpy/abstract.h. */
int PyBuffer_ToContiguous(void *buf, const Py_buffer *src, Py_ssize_t len, char order);

/* ---- src/vm/warnings.c (module part) ---- */
PyObject *PyInit__warnings(void);                  /* new: module "_warnings" */

/* Ready every type above and install the builtin classes'
   __class_getitem__.  Called once at start-up, after _PyExc_InitTypes
   (BaseExceptionGroup must exist).  0 / -1. */
int _PyLangExtras_InitTypes(void);
#endif
