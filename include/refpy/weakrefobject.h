/* weakrefobject.h -- weak references (weakref.ref, weakref.proxy).
 *
 * Layout as CPython 3.12 (cpython/weakrefobject.h): a weak reference is a
 * GC-tracked object of basicsize 64 (sys.getsizeof gives 80 with the GC
 * head).  It holds a *borrowed* pointer to its referent (Py_None once the
 * referent is gone) and sits in the referent's doubly linked list of weak
 * references, whose head lives in the referent at tp_weaklistoffset
 * (-32, the managed pre-header, for ordinary class instances).
 */
#ifndef REFPY_WEAKREFOBJECT_H
#define REFPY_WEAKREFOBJECT_H
#include "object.h"

typedef struct _PyWeakReference PyWeakReference;

struct _PyWeakReference {
    PyObject_HEAD
    /* The referent, BORROWED; Py_None when the reference is dead. */
    PyObject *wr_object;
    /* Called as callback(ref) when the referent dies; NULL if none. */
    PyObject *wr_callback;
    /* Hash of the referent, cached on first use; -1 until then. */
    Py_hash_t hash;
    /* Neighbours in the referent's list of weak references. */
    PyWeakReference *wr_prev;
    PyWeakReference *wr_next;
    vectorcallfunc vectorcall;
};

PyAPI_DATA(PyTypeObject) _PyWeakref_RefType;
PyAPI_DATA(PyTypeObject) _PyWeakref_ProxyType;
PyAPI_DATA(PyTypeObject) _PyWeakref_CallableProxyType;

#define PyWeakref_CheckRef(op) PyObject_TypeCheck((op), &_PyWeakref_RefType)
#define PyWeakref_CheckRefExact(op) Py_IS_TYPE((op), &_PyWeakref_RefType)
#define PyWeakref_CheckProxy(op) \
    (Py_IS_TYPE((op), &_PyWeakref_ProxyType) || Py_IS_TYPE((op), &_PyWeakref_CallableProxyType))
#define PyWeakref_Check(op) (PyWeakref_CheckRef(op) || PyWeakref_CheckProxy(op))

/* New reference: a weak reference (or proxy) to ob, with an optional
   callback (NULL or None for none).  Callback-less exact refs and proxies
   are shared: asking twice gives the same object.  TypeError if ob's type
   does not support weak references. */
PyAPI_FUNC(PyObject *) PyWeakref_NewRef(PyObject *ob, PyObject *callback);
PyAPI_FUNC(PyObject *) PyWeakref_NewProxy(PyObject *ob, PyObject *callback);
/* BORROWED: the referent, or Py_None if it is gone (NULL + SystemError if
   ref is not a weak reference). */
PyAPI_FUNC(PyObject *) PyWeakref_GetObject(PyObject *ref);

/* BORROWED, no checks.  A referent whose count already reached zero (its
   deallocation may be deferred by the trashcan) counts as dead. */
static inline PyObject *
_PyWeakref_GET_OBJECT(PyObject *ref)
{
    PyObject *obj = ((PyWeakReference *)ref)->wr_object;
    if (Py_REFCNT(obj) > 0) return obj;
    return Py_None;
}
#define PyWeakref_GET_OBJECT(ref) _PyWeakref_GET_OBJECT(_PyObject_CAST(ref))

/* Number of weak references in the list starting at head. */
PyAPI_FUNC(Py_ssize_t) _PyWeakref_GetWeakrefCount(PyWeakReference *head);

/* For the cycle collector: unlink self from its referent's list and set
   wr_object to None, but keep (and do not call) the callback, so that the
   collector can decide to call it later or let it go with the weakref. */
PyAPI_FUNC(void) _PyWeakref_ClearRef(PyWeakReference *self);

/* Address of the head of obj's weak reference list, or NULL if obj's type
   does not support weak references (tp_weaklistoffset == 0). */
PyAPI_FUNC(PyObject **) _PyObject_GetWeakrefListPtr(PyObject *obj);

#ifdef Py_BUILD_CORE
/* Ready the three weakref types (weakrefobject.c); 0 or -1 + exception.
   Idempotent.  Called by _PyTypes_InitTypes at start-up. */
int _PyWeakref_InitTypes(void);
#endif

#endif /* REFPY_WEAKREFOBJECT_H */
