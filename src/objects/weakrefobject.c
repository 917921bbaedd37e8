/* weakrefobject.c -- weak references: weakref.ref, weakref.proxy and the
 * clearing of an object's weak references when it dies.
 *
 * How it works.  A weak reference (PyWeakReference, basicsize 64) holds a
 * *borrowed* pointer to its referent.  Every referent keeps the head of a
 * doubly linked list of the weak references pointing at it; the head lives
 * inside the referent, at tp_weaklistoffset (for ordinary class instances
 * that is -32: the managed pre-header word before the dict pointer).  A
 * type whose offset is 0 does not support weak references.
 *
 * Because the referent does not own its weak references and they do not
 * own it, each side must unlink itself when it dies:
 *   - a dying weak reference removes itself from the list (clear_weakref,
 *     from weakref_dealloc / tp_clear);
 *   - a dying referent calls PyObject_ClearWeakRefs from its tp_dealloc,
 *     which sets every weak reference's wr_object to None and then runs the
 *     callbacks.
 *
 * List order matters (it is observable through getweakrefs() and through
 * the order callbacks fire).  As in CPython, the callback-less exact ref
 * ("basic ref") is kept at the head and the callback-less proxy ("basic
 * proxy") right after it; these two are shared, so ref(o) is ref(o).  Any
 * other reference is inserted right after the basic ones, so the list
 * holds the newest first and callbacks fire newest first.
 *
 * Clearing (PyObject_ClearWeakRefs) happens in two phases: first every
 * reference is detached (so a callback sees all references to the object
 * already dead), keeping (ref, callback) pairs for references that are
 * themselves still alive; then the callbacks are called, with any pending
 * exception saved around them and their own errors reported as
 * unraisable.  The cycle collector uses _PyWeakref_ClearRef instead: it
 * detaches one reference but keeps its callback for the collector to call
 * (or not) once the garbage is in a safe state.
 *
 * Proxies forward every operation to the referent (attribute access,
 * arithmetic, comparisons, len, iteration, item access, calls for the
 * callable kind) and raise ReferenceError once it is gone.  They are
 * unhashable, because their identity would change when the referent dies.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_langextras.h"
#include "refpy/weakrefobject.h"

#define MANAGED_WEAKREF_OFFSET (-4 * (Py_ssize_t)sizeof(PyObject *))

/* ------------------------------------------------------------------ */
/* the per-object list                                                 */
/* ------------------------------------------------------------------ */

static inline int
supports_weakrefs(PyTypeObject *tp)
{
    return tp->tp_weaklistoffset != 0 || (tp->tp_flags & Py_TPFLAGS_MANAGED_WEAKREF);
}

/* Address of the list head; the type must support weak references. */
static inline PyWeakReference **
weakref_listptr(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    Py_ssize_t offset = (tp->tp_flags & Py_TPFLAGS_MANAGED_WEAKREF)
                        ? MANAGED_WEAKREF_OFFSET : tp->tp_weaklistoffset;
    return (PyWeakReference **)((char *)obj + offset);
}

PyObject **
_PyObject_GetWeakrefListPtr(PyObject *obj)
{
    if (!supports_weakrefs(Py_TYPE(obj))) return NULL;
    return (PyObject **)weakref_listptr(obj);
}

Py_ssize_t
_PyWeakref_GetWeakrefCount(PyWeakReference *head)
{
    Py_ssize_t n = 0;
    for (; head != NULL; head = head->wr_next) n++;
    return n;
}

/* New reference to the live referent, or NULL (no exception) if dead. */
static inline PyObject *
weakref_get_ref(PyObject *ref)
{
    PyObject *obj = ((PyWeakReference *)ref)->wr_object;
    if (obj == Py_None || Py_REFCNT(obj) <= 0) return NULL;
    return Py_NewRef(obj);
}

static PyObject *weakref_vectorcall(PyObject *self, PyObject *const *args,
                                    size_t nargsf, PyObject *kwnames);

static void
init_weakref(PyWeakReference *self, PyObject *ob, PyObject *callback)
{
    self->hash = -1;
    self->wr_object = ob;
    self->wr_prev = NULL;
    self->wr_next = NULL;
    self->wr_callback = Py_XNewRef(callback);
    self->vectorcall = weakref_vectorcall;
}

/* Unlink self from its referent's list, mark it dead and drop its
   callback.  The only place that removes a node from a list. */
static void
clear_weakref(PyWeakReference *self)
{
    if (self->wr_object != Py_None) {
        PyWeakReference **list = weakref_listptr(self->wr_object);
        if (*list == self) *list = self->wr_next;
        self->wr_object = Py_None;
        if (self->wr_prev != NULL) self->wr_prev->wr_next = self->wr_next;
        if (self->wr_next != NULL) self->wr_next->wr_prev = self->wr_prev;
        self->wr_prev = NULL;
        self->wr_next = NULL;
    }
    Py_CLEAR(self->wr_callback);
}

/* Detach only; the callback stays for the cycle collector to deal with.
   Dropping it now could run arbitrary code (a weakref to the callback, a
   __del__) in the middle of a collection. */
void
_PyWeakref_ClearRef(PyWeakReference *self)
{
    PyObject *callback = self->wr_callback;
    self->wr_callback = NULL;
    clear_weakref(self);
    self->wr_callback = callback;
}

/* ------------------------------------------------------------------ */
/* weakref.ref                                                         */
/* ------------------------------------------------------------------ */

static void
weakref_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    clear_weakref((PyWeakReference *)self);
    Py_TYPE(self)->tp_free(self);
}

static int
weakref_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((PyWeakReference *)self)->wr_callback);
    return 0;
}

static int
weakref_clear(PyObject *self)
{
    clear_weakref((PyWeakReference *)self);
    return 0;
}

static PyObject *
weakref_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("weakref", kwnames)) return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs != 0 && !_PyArg_CheckPositional("weakref", nargs, 0, 0)) return NULL;
    PyObject *obj = weakref_get_ref(self);
    if (obj == NULL) Py_RETURN_NONE;
    return obj;
}

/* tp_call, used when a subclass's instance is called through the slot
   (ref.__call__, or a Python-level override calling super().__call__()):
   the same checks as the vectorcall path. */
static PyObject *
weakref_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "weakref() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs != 0 && !_PyArg_CheckPositional("weakref", nargs, 0, 0)) return NULL;
    PyObject *obj = weakref_get_ref(self);
    if (obj == NULL) Py_RETURN_NONE;
    return obj;
}

static Py_hash_t
weakref_hash(PyObject *op)
{
    PyWeakReference *self = (PyWeakReference *)op;
    if (self->hash != -1) return self->hash;
    PyObject *obj = weakref_get_ref(op);
    if (obj == NULL) {
        PyErr_SetString(PyExc_TypeError, "weak object has gone away");
        return -1;
    }
    self->hash = PyObject_Hash(obj);
    Py_DECREF(obj);
    return self->hash;
}

static PyObject *
weakref_repr(PyObject *self)
{
    PyObject *obj = weakref_get_ref(self);
    if (obj == NULL) return PyUnicode_FromFormat("<weakref at %p; dead>", self);
    PyObject *name = NULL, *repr;
    if (_PyObject_LookupAttr(obj, _Py_ID(__name__), &name) < 0) {
        Py_DECREF(obj);
        return NULL;
    }
    if (name == NULL || !PyUnicode_Check(name))
        repr = PyUnicode_FromFormat("<weakref at %p; to '%s' at %p>",
                                    self, Py_TYPE(obj)->tp_name, obj);
    else
        repr = PyUnicode_FromFormat("<weakref at %p; to '%s' at %p (%U)>",
                                    self, Py_TYPE(obj)->tp_name, obj, name);
    Py_XDECREF(name);
    Py_DECREF(obj);
    return repr;
}

/* Only == and != are supported.  Live referents are compared; once either
   is dead, two references are equal only if they are the same object. */
static PyObject *
weakref_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyWeakref_Check(self) || !PyWeakref_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *a = weakref_get_ref(self);
    PyObject *b = weakref_get_ref(other);
    if (a == NULL || b == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(b);
        int res = (self == other);
        if (op == Py_NE) res = !res;
        if (res) Py_RETURN_TRUE;
        Py_RETURN_FALSE;
    }
    PyObject *res = PyObject_RichCompare(a, b, op);
    Py_DECREF(a);
    Py_DECREF(b);
    return res;
}

/* ---- list management and creation ---- */

/* The callback-less exact ref and the callback-less proxy, if present:
   they are always the first one or two nodes. */
static void
get_basic_refs(PyWeakReference *head, PyWeakReference **refp, PyWeakReference **proxyp)
{
    *refp = NULL;
    *proxyp = NULL;
    if (head != NULL && head->wr_callback == NULL) {
        /* Subclasses of ref are never "basic". */
        if (PyWeakref_CheckRefExact(head)) {
            *refp = head;
            head = head->wr_next;
        }
        if (head != NULL && head->wr_callback == NULL && PyWeakref_CheckProxy(head))
            *proxyp = head;
    }
}

static void
insert_after(PyWeakReference *newref, PyWeakReference *prev)
{
    newref->wr_prev = prev;
    newref->wr_next = prev->wr_next;
    if (prev->wr_next != NULL) prev->wr_next->wr_prev = newref;
    prev->wr_next = newref;
}

static void
insert_head(PyWeakReference *newref, PyWeakReference **list)
{
    PyWeakReference *next = *list;
    newref->wr_prev = NULL;
    newref->wr_next = next;
    if (next != NULL) next->wr_prev = newref;
    *list = newref;
}

/* New reference to a shareable existing basic ref/proxy, or NULL. */
static PyWeakReference *
reuse_basic_ref(PyWeakReference *ref, PyWeakReference *proxy, PyTypeObject *type, PyObject *callback)
{
    if (callback != NULL) return NULL;
    PyWeakReference *cand = NULL;
    if (type == &_PyWeakref_RefType) cand = ref;
    else if (type == &_PyWeakref_ProxyType) cand = proxy;
    if (cand != NULL) Py_INCREF(cand);
    return cand;
}

typedef PyWeakReference *(*weakref_alloc_fn)(PyTypeObject *, PyObject *, PyObject *);

/* New reference.  type is &_PyWeakref_RefType (or a subclass) or
   &_PyWeakref_ProxyType (either proxy kind). */
static PyWeakReference *
get_or_create_weakref(PyTypeObject *type, weakref_alloc_fn allocate, PyObject *obj, PyObject *callback)
{
    if (!supports_weakrefs(Py_TYPE(obj))) {
        PyErr_Format(PyExc_TypeError, "cannot create weak reference to '%s' object",
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    if (callback == Py_None) callback = NULL;
    PyWeakReference **list = weakref_listptr(obj);
    PyWeakReference *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    PyWeakReference *basic = reuse_basic_ref(ref, proxy, type, callback);
    if (basic != NULL) return basic;

    PyWeakReference *newref = allocate(type, obj, callback);
    if (newref == NULL) return NULL;

    /* The allocation may have run arbitrary code (a subclass allocator);
       look at the list again. */
    get_basic_refs(*list, &ref, &proxy);
    basic = reuse_basic_ref(ref, proxy, type, callback);
    if (basic != NULL) {
        Py_DECREF(newref);
        return basic;
    }
    int is_basic_ref = callback == NULL && PyWeakref_CheckRefExact(newref);
    int is_basic_proxy = callback == NULL && PyWeakref_CheckProxy(newref);
    PyWeakReference *prev;
    if (is_basic_ref) prev = NULL;
    else if (is_basic_proxy) prev = ref;
    else prev = proxy != NULL ? proxy : ref;
    if (prev == NULL) insert_head(newref, list);
    else insert_after(newref, prev);
    return newref;
}

static PyWeakReference *
new_weakref(PyObject *ob, PyObject *callback)
{
    PyWeakReference *result = PyObject_GC_New(PyWeakReference, &_PyWeakref_RefType);
    if (result == NULL) return NULL;
    init_weakref(result, ob, callback);
    PyObject_GC_Track(result);
    return result;
}

static PyWeakReference *
allocate_ref(PyTypeObject *type, PyObject *obj, PyObject *callback)
{
    return new_weakref(obj, callback);
}

static PyWeakReference *
allocate_ref_subtype(PyTypeObject *type, PyObject *obj, PyObject *callback)
{
    PyWeakReference *result = (PyWeakReference *)type->tp_alloc(type, 0);
    if (result == NULL) return NULL;
    init_weakref(result, obj, callback);
    return result;
}

static PyWeakReference *
allocate_proxy(PyTypeObject *type, PyObject *obj, PyObject *callback)
{
    PyWeakReference *result = new_weakref(obj, callback);
    if (result == NULL) return NULL;
    Py_SET_TYPE(result, PyCallable_Check(obj) ? &_PyWeakref_CallableProxyType
                                              : &_PyWeakref_ProxyType);
    return result;
}

/* ref.__new__(type, ob[, callback]): keyword arguments are left to __init__. */
static PyObject *
weakref_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *ob, *callback = NULL;
    if (!PyArg_UnpackTuple(args, "__new__", 1, 2, &ob, &callback)) return NULL;
    return (PyObject *)get_or_create_weakref(type, allocate_ref_subtype, ob, callback);
}

/* Calling the exact type weakref.ref: the same checks and result as
   __new__ followed by __init__, without building an argument tuple.
   (tp_vectorcall is not inherited: subclasses take the generic path.) */
static PyObject *
weakref_type_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (type != (PyObject *)&_PyWeakref_RefType) {
        /* Not reached while tp_vectorcall stays uninherited; be safe. */
        Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
        PyObject *argtuple = PyTuple_New(nargs), *kwdict = NULL, *res = NULL;
        if (argtuple == NULL) return NULL;
        for (Py_ssize_t i = 0; i < nargs; i++) PyTuple_SET_ITEM(argtuple, i, Py_NewRef(args[i]));
        if (nkw) {
            if ((kwdict = PyDict_New()) == NULL) goto done;
            for (Py_ssize_t i = 0; i < nkw; i++)
                if (PyDict_SetItem(kwdict, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0)
                    goto done;
        }
        res = PyType_Type.tp_call(type, argtuple, kwdict);
    done:
        Py_DECREF(argtuple);
        Py_XDECREF(kwdict);
        return res;
    }
    if (!_PyArg_CheckPositional("__new__", nargs, 1, 2)) return NULL;
    PyObject *res = (PyObject *)get_or_create_weakref(&_PyWeakref_RefType, allocate_ref, args[0],
                                                      nargs == 2 ? args[1] : NULL);
    if (res != NULL && kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        /* __new__ ignores keywords; __init__ rejects them. */
        Py_DECREF(res);
        PyErr_SetString(PyExc_TypeError, "ref() takes no keyword arguments");
        return NULL;
    }
    return res;
}

static int
weakref_init(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyObject *tmp;
    if (!_PyArg_NoKeywords("ref", kwargs)) return -1;
    if (!PyArg_UnpackTuple(args, "__init__", 1, 2, &tmp, &tmp)) return -1;
    return 0;
}

static PyMemberDef weakref_members[] = {
    {"__callback__", _Py_T_OBJECT, offsetof(PyWeakReference, wr_callback), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyMethodDef weakref_methods[] = {
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

PyTypeObject _PyWeakref_RefType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(PyWeakReference),
    .tp_dealloc = weakref_dealloc,
    .tp_vectorcall_offset = offsetof(PyWeakReference, vectorcall),
    .tp_call = weakref_call,
    .tp_repr = weakref_repr,
    .tp_hash = weakref_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL |
                Py_TPFLAGS_BASETYPE,
    .tp_traverse = weakref_traverse,
    .tp_clear = weakref_clear,
    .tp_richcompare = weakref_richcompare,
    .tp_methods = weakref_methods,
    .tp_members = weakref_members,
    .tp_init = weakref_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = weakref_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = weakref_type_vectorcall,
};

/* ------------------------------------------------------------------ */
/* weakref.proxy                                                       */
/* ------------------------------------------------------------------ */

/* New reference to the referent of a live proxy, or NULL + ReferenceError. */
static PyObject *
proxy_get(PyObject *proxy)
{
    PyObject *obj = weakref_get_ref(proxy);
    if (obj == NULL)
        PyErr_SetString(PyExc_ReferenceError, "weakly-referenced object no longer exists");
    return obj;
}

/* Replace o (borrowed) by a new reference: the referent if o is a proxy
   (ReferenceError if dead), else o itself. */
#define UNWRAP(o) do { \
        if (PyWeakref_CheckProxy(o)) { if (((o) = proxy_get(o)) == NULL) return NULL; } \
        else Py_INCREF(o); \
    } while (0)

#define WRAP_UNARY(method, generic) \
    static PyObject *method(PyObject *proxy) { \
        UNWRAP(proxy); \
        PyObject *res = generic(proxy); \
        Py_DECREF(proxy); \
        return res; \
    }

#define WRAP_BINARY(method, generic) \
    static PyObject *method(PyObject *x, PyObject *y) { \
        UNWRAP(x); \
        if (PyWeakref_CheckProxy(y)) { \
            PyObject *yy = proxy_get(y); \
            if (yy == NULL) { Py_DECREF(x); return NULL; } \
            y = yy; \
        } \
        else Py_INCREF(y); \
        PyObject *res = generic(x, y); \
        Py_DECREF(x); \
        Py_DECREF(y); \
        return res; \
    }

/* Unwrap up to three operands; the third may be NULL (tp_call's kwargs). */
static int
unwrap3(PyObject **a, PyObject **b, PyObject **c)
{
    PyObject **ops[3] = {a, b, c};
    for (int i = 0; i < 3; i++) {
        PyObject *o = *ops[i];
        if (o == NULL) continue;
        if (PyWeakref_CheckProxy(o)) {
            PyObject *r = proxy_get(o);
            if (r == NULL) {
                for (int j = 0; j < i; j++) Py_XDECREF(*ops[j]);
                return -1;
            }
            *ops[i] = r;
        }
        else Py_INCREF(o);
    }
    return 0;
}

#define WRAP_TERNARY(method, generic) \
    static PyObject *method(PyObject *proxy, PyObject *v, PyObject *w) { \
        if (unwrap3(&proxy, &v, &w) < 0) return NULL; \
        PyObject *res = generic(proxy, v, w); \
        Py_DECREF(proxy); \
        Py_DECREF(v); \
        Py_XDECREF(w); \
        return res; \
    }

WRAP_BINARY(proxy_getattr, PyObject_GetAttr)
WRAP_UNARY(proxy_str, PyObject_Str)
WRAP_TERNARY(proxy_call, PyObject_Call)

WRAP_BINARY(proxy_add, PyNumber_Add)
WRAP_BINARY(proxy_sub, PyNumber_Subtract)
WRAP_BINARY(proxy_mul, PyNumber_Multiply)
WRAP_BINARY(proxy_floor_div, PyNumber_FloorDivide)
WRAP_BINARY(proxy_true_div, PyNumber_TrueDivide)
WRAP_BINARY(proxy_mod, PyNumber_Remainder)
WRAP_BINARY(proxy_divmod, PyNumber_Divmod)
WRAP_TERNARY(proxy_pow, PyNumber_Power)
WRAP_UNARY(proxy_neg, PyNumber_Negative)
WRAP_UNARY(proxy_pos, PyNumber_Positive)
WRAP_UNARY(proxy_abs, PyNumber_Absolute)
WRAP_UNARY(proxy_invert, PyNumber_Invert)
WRAP_BINARY(proxy_lshift, PyNumber_Lshift)
WRAP_BINARY(proxy_rshift, PyNumber_Rshift)
WRAP_BINARY(proxy_and, PyNumber_And)
WRAP_BINARY(proxy_xor, PyNumber_Xor)
WRAP_BINARY(proxy_or, PyNumber_Or)
WRAP_UNARY(proxy_int, PyNumber_Long)
WRAP_UNARY(proxy_float, PyNumber_Float)
WRAP_BINARY(proxy_iadd, PyNumber_InPlaceAdd)
WRAP_BINARY(proxy_isub, PyNumber_InPlaceSubtract)
WRAP_BINARY(proxy_imul, PyNumber_InPlaceMultiply)
WRAP_BINARY(proxy_ifloor_div, PyNumber_InPlaceFloorDivide)
WRAP_BINARY(proxy_itrue_div, PyNumber_InPlaceTrueDivide)
WRAP_BINARY(proxy_imod, PyNumber_InPlaceRemainder)
WRAP_TERNARY(proxy_ipow, PyNumber_InPlacePower)
WRAP_BINARY(proxy_ilshift, PyNumber_InPlaceLshift)
WRAP_BINARY(proxy_irshift, PyNumber_InPlaceRshift)
WRAP_BINARY(proxy_iand, PyNumber_InPlaceAnd)
WRAP_BINARY(proxy_ixor, PyNumber_InPlaceXor)
WRAP_BINARY(proxy_ior, PyNumber_InPlaceOr)
WRAP_UNARY(proxy_index, PyNumber_Index)
WRAP_BINARY(proxy_matmul, PyNumber_MatrixMultiply)
WRAP_BINARY(proxy_imatmul, PyNumber_InPlaceMatrixMultiply)
WRAP_BINARY(proxy_getitem, PyObject_GetItem)

static PyObject *
proxy_richcompare(PyObject *proxy, PyObject *v, int op)
{
    if (unwrap3(&proxy, &v, &(PyObject *){NULL}) < 0) return NULL;
    PyObject *res = PyObject_RichCompare(proxy, v, op);
    Py_DECREF(proxy);
    Py_DECREF(v);
    return res;
}

static PyObject *
proxy_repr(PyObject *proxy)
{
    PyObject *obj = PyWeakref_GET_OBJECT(proxy);
    return PyUnicode_FromFormat("<weakproxy at %p to %s at %p>", proxy, Py_TYPE(obj)->tp_name, obj);
}

static int
proxy_setattr(PyObject *proxy, PyObject *name, PyObject *value)
{
    PyObject *obj = proxy_get(proxy);
    if (obj == NULL) return -1;
    int res = PyObject_SetAttr(obj, name, value);
    Py_DECREF(obj);
    return res;
}

static int
proxy_bool(PyObject *proxy)
{
    PyObject *obj = proxy_get(proxy);
    if (obj == NULL) return -1;
    int res = PyObject_IsTrue(obj);
    Py_DECREF(obj);
    return res;
}

static int
proxy_contains(PyObject *proxy, PyObject *value)
{
    PyObject *obj = proxy_get(proxy);
    if (obj == NULL) return -1;
    int res = PySequence_Contains(obj, value);
    Py_DECREF(obj);
    return res;
}

static Py_ssize_t
proxy_length(PyObject *proxy)
{
    PyObject *obj = proxy_get(proxy);
    if (obj == NULL) return -1;
    Py_ssize_t res = PyObject_Length(obj);
    Py_DECREF(obj);
    return res;
}

static int
proxy_setitem(PyObject *proxy, PyObject *key, PyObject *value)
{
    PyObject *obj = proxy_get(proxy);
    if (obj == NULL) return -1;
    int res = value == NULL ? PyObject_DelItem(obj, key) : PyObject_SetItem(obj, key, value);
    Py_DECREF(obj);
    return res;
}

static PyObject *
proxy_iter(PyObject *proxy)
{
    PyObject *obj = proxy_get(proxy);
    if (obj == NULL) return NULL;
    PyObject *res = PyObject_GetIter(obj);
    Py_DECREF(obj);
    return res;
}

static PyObject *
proxy_iternext(PyObject *proxy)
{
    PyObject *obj = proxy_get(proxy);
    if (obj == NULL) return NULL;
    if (!PyIter_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "Weakref proxy referenced a non-iterator '%.200s' object",
                     Py_TYPE(obj)->tp_name);
        Py_DECREF(obj);
        return NULL;
    }
    PyObject *res = PyIter_Next(obj);
    Py_DECREF(obj);
    return res;
}

static PyObject *
proxy_bytes(PyObject *proxy, PyObject *Py_UNUSED(ignored))
{
    PyObject *obj = proxy_get(proxy);
    if (obj == NULL) return NULL;
    PyObject *res = PyObject_CallMethodNoArgs(obj, _Py_ID(__bytes__));
    Py_DECREF(obj);
    return res;
}

static PyObject *
proxy_reversed(PyObject *proxy, PyObject *Py_UNUSED(ignored))
{
    PyObject *obj = proxy_get(proxy);
    if (obj == NULL) return NULL;
    PyObject *res = PyObject_CallMethodNoArgs(obj, _Py_ID(__reversed__));
    Py_DECREF(obj);
    return res;
}

static void
proxy_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    clear_weakref((PyWeakReference *)self);
    PyObject_GC_Del(self);
}

static PyMethodDef proxy_methods[] = {
    {"__bytes__", proxy_bytes, METH_NOARGS, NULL},
    {"__reversed__", proxy_reversed, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyNumberMethods proxy_as_number = {
    .nb_add = proxy_add,
    .nb_subtract = proxy_sub,
    .nb_multiply = proxy_mul,
    .nb_remainder = proxy_mod,
    .nb_divmod = proxy_divmod,
    .nb_power = proxy_pow,
    .nb_negative = proxy_neg,
    .nb_positive = proxy_pos,
    .nb_absolute = proxy_abs,
    .nb_bool = proxy_bool,
    .nb_invert = proxy_invert,
    .nb_lshift = proxy_lshift,
    .nb_rshift = proxy_rshift,
    .nb_and = proxy_and,
    .nb_xor = proxy_xor,
    .nb_or = proxy_or,
    .nb_int = proxy_int,
    .nb_float = proxy_float,
    .nb_inplace_add = proxy_iadd,
    .nb_inplace_subtract = proxy_isub,
    .nb_inplace_multiply = proxy_imul,
    .nb_inplace_remainder = proxy_imod,
    .nb_inplace_power = proxy_ipow,
    .nb_inplace_lshift = proxy_ilshift,
    .nb_inplace_rshift = proxy_irshift,
    .nb_inplace_and = proxy_iand,
    .nb_inplace_xor = proxy_ixor,
    .nb_inplace_or = proxy_ior,
    .nb_floor_divide = proxy_floor_div,
    .nb_true_divide = proxy_true_div,
    .nb_inplace_floor_divide = proxy_ifloor_div,
    .nb_inplace_true_divide = proxy_itrue_div,
    .nb_index = proxy_index,
    .nb_matrix_multiply = proxy_matmul,
    .nb_inplace_matrix_multiply = proxy_imatmul,
};

static PySequenceMethods proxy_as_sequence = {
    .sq_length = proxy_length,
    .sq_contains = proxy_contains,
};

static PyMappingMethods proxy_as_mapping = {
    .mp_length = proxy_length,
    .mp_subscript = proxy_getitem,
    .mp_ass_subscript = proxy_setitem,
};

/* Proxies are deliberately unhashable (no tp_hash, and a tp_richcompare,
   so PyType_Ready does not inherit object's hash). */
#define PROXY_TYPE_BODY \
    .tp_basicsize = sizeof(PyWeakReference), \
    .tp_dealloc = proxy_dealloc, \
    .tp_repr = proxy_repr, \
    .tp_as_number = &proxy_as_number, \
    .tp_as_sequence = &proxy_as_sequence, \
    .tp_as_mapping = &proxy_as_mapping, \
    .tp_hash = PyObject_HashNotImplemented, \
    .tp_str = proxy_str, \
    .tp_getattro = proxy_getattr, \
    .tp_setattro = proxy_setattr, \
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, \
    .tp_traverse = weakref_traverse, \
    .tp_clear = weakref_clear, \
    .tp_richcompare = proxy_richcompare, \
    .tp_iter = proxy_iter, \
    .tp_iternext = proxy_iternext

PyTypeObject _PyWeakref_ProxyType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "weakref.ProxyType",
    PROXY_TYPE_BODY,
    .tp_methods = proxy_methods,
};

PyTypeObject _PyWeakref_CallableProxyType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "weakref.CallableProxyType",
    PROXY_TYPE_BODY,
    .tp_call = proxy_call,
};

/* ------------------------------------------------------------------ */
/* public API                                                          */
/* ------------------------------------------------------------------ */

/* New reference. */
PyObject *
PyWeakref_NewRef(PyObject *ob, PyObject *callback)
{
    return (PyObject *)get_or_create_weakref(&_PyWeakref_RefType, allocate_ref, ob, callback);
}

/* New reference. */
PyObject *
PyWeakref_NewProxy(PyObject *ob, PyObject *callback)
{
    return (PyObject *)get_or_create_weakref(&_PyWeakref_ProxyType, allocate_proxy, ob, callback);
}

/* BORROWED. */
PyObject *
PyWeakref_GetObject(PyObject *ref)
{
    if (ref == NULL || !PyWeakref_Check(ref)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyWeakref_GET_OBJECT(ref);
}

static void
handle_callback(PyWeakReference *ref, PyObject *callback)
{
    PyObject *res = PyObject_CallOneArg(callback, (PyObject *)ref);
    if (res == NULL) PyErr_WriteUnraisable(callback);
    else Py_DECREF(res);
}

/* Called from the tp_dealloc of a dying referent (refcount 0): kill every
   weak reference to it, then run the callbacks of those that are still
   alive themselves, newest first. */
void
PyObject_ClearWeakRefs(PyObject *object)
{
    if (object == NULL || !supports_weakrefs(Py_TYPE(object)) || Py_REFCNT(object) != 0) {
        PyErr_BadInternalCall();
        return;
    }
    PyWeakReference **list = weakref_listptr(object);
    /* The basic ref and proxy have no callback: just drop them. */
    if (*list != NULL && (*list)->wr_callback == NULL) {
        clear_weakref(*list);
        if (*list != NULL && (*list)->wr_callback == NULL) clear_weakref(*list);
    }
    if (*list == NULL) return;

    PyWeakReference *current = *list;
    Py_ssize_t count = _PyWeakref_GetWeakrefCount(current);
    PyObject *exc = PyErr_GetRaisedException();

    if (count == 1) {
        PyObject *callback = current->wr_callback;
        current->wr_callback = NULL;
        clear_weakref(current);
        if (callback != NULL) {
            if (Py_REFCNT(current) > 0) handle_callback(current, callback);
            Py_DECREF(callback);
        }
    }
    else {
        /* Detach everything first, keeping (ref, callback) pairs. */
        PyObject *tuple = PyTuple_New(count * 2);
        if (tuple == NULL) {
            /* Still detach: the referent is about to be freed. */
            while (*list != NULL) clear_weakref(*list);
            _PyErr_ChainExceptions1(exc);
            return;
        }
        for (Py_ssize_t i = 0; i < count; i++) {
            PyWeakReference *next = current->wr_next;
            if (Py_REFCNT(current) > 0) {
                PyTuple_SET_ITEM(tuple, i * 2, Py_NewRef(current));
                PyTuple_SET_ITEM(tuple, i * 2 + 1, current->wr_callback);
            }
            else {
                Py_XDECREF(current->wr_callback);
            }
            current->wr_callback = NULL;
            clear_weakref(current);
            current = next;
        }
        for (Py_ssize_t i = 0; i < count; i++) {
            PyObject *callback = PyTuple_GET_ITEM(tuple, i * 2 + 1);
            if (callback != NULL)
                handle_callback((PyWeakReference *)PyTuple_GET_ITEM(tuple, i * 2), callback);
        }
        Py_DECREF(tuple);
    }
    PyErr_SetRaisedException(exc);
}

int
_PyWeakref_InitTypes(void)
{
    if (PyType_Ready(&_PyWeakref_RefType) < 0) return -1;
    if (PyType_Ready(&_PyWeakref_ProxyType) < 0) return -1;
    if (PyType_Ready(&_PyWeakref_CallableProxyType) < 0) return -1;
    return 0;
}
