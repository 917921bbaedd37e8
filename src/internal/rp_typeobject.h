/* rp_typeobject.h -- internals shared by typeobject.c, typeslots.c,
 * superobject.c and the class-creation builtins. */
#ifndef RP_TYPEOBJECT_H
#define RP_TYPEOBJECT_H
#include "pycore.h"

/* typeslots.c: the dunder <-> slot table. */
int _PyType_AddOperators(PyTypeObject *type);   /* static types: add slot wrappers */
int _PyType_AddNew(PyTypeObject *type);         /* add __new__ for tp_new */
int _PyType_FixupSlots(PyTypeObject *type);     /* heap types: point slots at slot_* */
int _PyType_UpdateSlot(PyTypeObject *type, PyObject *name); /* after setattr on a heap type */

/* typeobject.c */
PyObject *object_new_rp(PyTypeObject *type, PyObject *args, PyObject *kwds);
void object_dealloc_rp(PyObject *self);
PyTypeObject *_PyType_CalculateMetaclass(PyTypeObject *, PyObject *bases); /* BORROWED */
PyObject *_Py_Mangle(PyObject *privateobj, PyObject *ident);              /* new */
int _PyType_SetNames(PyTypeObject *type);
int _PyType_InitSubclass(PyTypeObject *type, PyObject *kwds);
/* Call a function found by _PyType_Lookup with args[0] as self: new ref. */
PyObject *_PyObject_CallUnbound(PyObject *func, PyObject *const *args, Py_ssize_t nargs);
/* superobject.c: super(type, obj).name without creating a super object;
   *method is set to 1 if the result is an unbound method descriptor.  New ref. */
PyObject *_PySuper_Lookup(PyTypeObject *type, PyObject *obj, PyObject *name, int *method);
#endif
