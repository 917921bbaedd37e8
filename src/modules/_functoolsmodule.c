/* _functoolsmodule.c -- the C half of functools: partial, reduce,
 * cmp_to_key and the lru_cache wrapper.
 *
 * partial stores (func, args tuple, keywords dict).  Calls go through
 * vectorcall when the stored keywords are empty: the stored positional
 * arguments and the call's arguments are laid out in one C array
 * (on the stack when small) and passed on without building a tuple.
 * partial(partial(f, 1), 2) is flattened to partial(f, 1, 2) when the
 * inner object is a plain partial without instance attributes.
 *
 * _lru_cache_wrapper caches results in a dict keyed by the call's
 * arguments: a lone int or str positional argument is its own key,
 * otherwise the key is a tuple of the positional arguments, followed by
 * a unique marker and the keyword (name, value) pairs when there are
 * keywords, followed by the argument types when typed=True.  With a
 * maxsize the dict values are list nodes of a circular doubly linked list
 * kept in recency order (the root node sits inside the wrapper); a hit
 * moves its node to the most-recent end, a miss on a full cache recycles
 * the least recent node.  Every step that can run Python code (hashing,
 * key comparison, the call itself, freeing an evicted key) is followed by
 * re-reading the structures it might have changed.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_gc.h"
#include "rp_langextras.h"      /* Py_GenericAlias */

static PyObject *kwd_mark;      /* the keyword separator in cache keys */

/* ------------------------------------------------------------------ */
/* partial                                                             */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *fn;
    PyObject *args;         /* tuple */
    PyObject *kw;           /* dict */
    PyObject *dict;         /* __dict__, created on demand */
    PyObject *weakreflist;
    vectorcallfunc vectorcall;
} partialobject;

static PyTypeObject partial_type;
static PyObject *partial_call(PyObject *self, PyObject *args, PyObject *kwargs);
static PyObject *partial_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf,
                                    PyObject *kwnames);

static PyObject *
partial_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError, "type 'partial' takes at least one argument");
        return NULL;
    }
    PyObject *func = PyTuple_GET_ITEM(args, 0);
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "the first argument must be callable");
        return NULL;
    }
    PyObject *pargs = NULL, *pkw = NULL;
    if (Py_TYPE(func)->tp_call == partial_call) {
        /* Same layout (a partial or a subclass not redefining __call__). */
        partialobject *part = (partialobject *)func;
        if (part->dict == NULL) {
            pargs = part->args;
            pkw = part->kw;
            func = part->fn;
        }
    }
    partialobject *pto = (partialobject *)type->tp_alloc(type, 0);
    if (pto == NULL)
        return NULL;
    pto->fn = Py_NewRef(func);
    PyObject *nargs_tuple = PyTuple_GetSlice(args, 1, nargs);
    if (nargs_tuple == NULL) {
        Py_DECREF(pto);
        return NULL;
    }
    if (pargs == NULL)
        pto->args = nargs_tuple;
    else {
        pto->args = PySequence_Concat(pargs, nargs_tuple);
        Py_DECREF(nargs_tuple);
        if (pto->args == NULL) {
            Py_DECREF(pto);
            return NULL;
        }
    }
    if (pkw == NULL || PyDict_GET_SIZE(pkw) == 0)
        pto->kw = kw != NULL ? PyDict_Copy(kw) : PyDict_New();
    else {
        pto->kw = PyDict_Copy(pkw);
        if (pto->kw != NULL && kw != NULL && PyDict_Merge(pto->kw, kw, 1) < 0) {
            Py_DECREF(pto);
            return NULL;
        }
    }
    if (pto->kw == NULL) {
        Py_DECREF(pto);
        return NULL;
    }
    pto->vectorcall = type->tp_call == partial_call ? partial_vectorcall : NULL;
    return (PyObject *)pto;
}

static int
partial_clear(PyObject *self)
{
    partialobject *pto = (partialobject *)self;
    Py_CLEAR(pto->fn);
    Py_CLEAR(pto->args);
    Py_CLEAR(pto->kw);
    Py_CLEAR(pto->dict);
    return 0;
}

static int
partial_traverse(PyObject *self, visitproc visit, void *arg)
{
    partialobject *pto = (partialobject *)self;
    Py_VISIT(pto->fn);
    Py_VISIT(pto->args);
    Py_VISIT(pto->kw);
    Py_VISIT(pto->dict);
    return 0;
}

static void
partial_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    if (((partialobject *)self)->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    partial_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
partial_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    partialobject *pto = (partialobject *)self;
    PyObject *kw;
    if (PyDict_GET_SIZE(pto->kw) == 0)
        kw = Py_XNewRef(kwargs);
    else {
        /* a copy: the callee may keep or change its **kwargs */
        kw = PyDict_Copy(pto->kw);
        if (kw == NULL)
            return NULL;
        if (kwargs != NULL && PyDict_Merge(kw, kwargs, 1) < 0) {
            Py_DECREF(kw);
            return NULL;
        }
    }
    PyObject *allargs;
    if (PyTuple_GET_SIZE(pto->args) == 0)
        allargs = Py_NewRef(args);
    else if (PyTuple_GET_SIZE(args) == 0)
        allargs = Py_NewRef(pto->args);
    else
        allargs = PySequence_Concat(pto->args, args);
    if (allargs == NULL) {
        Py_XDECREF(kw);
        return NULL;
    }
    PyObject *res = PyObject_Call(pto->fn, allargs, kw);
    Py_DECREF(allargs);
    Py_XDECREF(kw);
    return res;
}

static PyObject *
partial_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    partialobject *pto = (partialobject *)self;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (PyDict_GET_SIZE(pto->kw) != 0) {
        /* stored keywords: merging them is the tp_call path's job */
        return _PyObject_MakeTpCall(self, args, nargs, kwnames);
    }
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    Py_ssize_t pto_nargs = PyTuple_GET_SIZE(pto->args);
    if (pto_nargs == 0)
        return PyObject_Vectorcall(pto->fn, args, nargsf, kwnames);
    PyObject *small[8];
    Py_ssize_t total = pto_nargs + nargs + nkw;
    PyObject **stack = small;
    if (total > 8) {
        stack = PyMem_Malloc((size_t)total * sizeof(PyObject *));
        if (stack == NULL)
            return PyErr_NoMemory();
    }
    memcpy(stack, _PyTuple_ITEMS(pto->args), (size_t)pto_nargs * sizeof(PyObject *));
    if (nargs + nkw > 0)
        memcpy(stack + pto_nargs, args, (size_t)(nargs + nkw) * sizeof(PyObject *));
    PyObject *res = PyObject_Vectorcall(pto->fn, stack, (size_t)(pto_nargs + nargs), kwnames);
    if (stack != small)
        PyMem_Free(stack);
    return res;
}

static PyObject *
partial_repr(PyObject *self)
{
    partialobject *pto = (partialobject *)self;
    int status = Py_ReprEnter(self);
    if (status != 0) {
        if (status < 0)
            return NULL;
        return PyUnicode_FromString("...");
    }
    PyObject *result = NULL;
    PyObject *parts = PyList_New(0);
    if (parts == NULL)
        goto done;
    /* As CPython: the arguments first, the function last (the reprs may
       run code that changes the partial: hold our own references). */
    PyObject *s;
    PyObject *args = Py_NewRef(pto->args);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        s = PyObject_Repr(PyTuple_GET_ITEM(args, i));
        if (s == NULL || PyList_Append(parts, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(args);
            goto done;
        }
        Py_DECREF(s);
    }
    Py_DECREF(args);
    PyObject *kw = Py_NewRef(pto->kw);
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(kw, &pos, &key, &value)) {
        Py_INCREF(key);
        Py_INCREF(value);
        s = PyUnicode_FromFormat("%S=%R", key, value);
        Py_DECREF(key);
        Py_DECREF(value);
        if (s == NULL || PyList_Append(parts, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(kw);
            goto done;
        }
        Py_DECREF(s);
    }
    Py_DECREF(kw);
    s = PyObject_Repr(pto->fn);
    if (s == NULL || PyList_Insert(parts, 0, s) < 0) {
        Py_XDECREF(s);
        goto done;
    }
    Py_DECREF(s);
    PyObject *joined = PyUnicode_Join(_Py_STR(", "), parts);
    if (joined != NULL) {
        result = PyUnicode_FromFormat("%s(%U)", Py_TYPE(pto)->tp_name, joined);
        Py_DECREF(joined);
    }
done:
    Py_XDECREF(parts);
    Py_ReprLeave(self);
    return result;
}

static PyObject *
partial_reduce(PyObject *self, PyObject *unused)
{
    partialobject *pto = (partialobject *)self;
    return Py_BuildValue("O(O)(OOOO)", Py_TYPE(pto), pto->fn, pto->fn, pto->args,
                         PyDict_GET_SIZE(pto->kw) > 0 ? pto->kw : Py_None,
                         pto->dict ? pto->dict : Py_None);
}

static PyObject *
partial_setstate(PyObject *self, PyObject *state)
{
    partialobject *pto = (partialobject *)self;
    PyObject *fn, *fnargs, *kw, *dict;
    if (!PyTuple_Check(state)) {
        PyErr_SetString(PyExc_TypeError, "argument to __setstate__ must be a tuple");
        return NULL;
    }
    if (PyTuple_GET_SIZE(state) != 4) {
        PyErr_Format(PyExc_TypeError, "expected 4 items in state, got %zd",
                     PyTuple_GET_SIZE(state));
        return NULL;
    }
    fn = PyTuple_GET_ITEM(state, 0);
    fnargs = PyTuple_GET_ITEM(state, 1);
    kw = PyTuple_GET_ITEM(state, 2);
    dict = PyTuple_GET_ITEM(state, 3);
    if (!PyCallable_Check(fn) || !PyTuple_Check(fnargs) ||
        (kw != Py_None && !PyDict_Check(kw)) ||
        (dict != Py_None && !PyDict_Check(dict))) {
        PyErr_SetString(PyExc_TypeError, "invalid partial state");
        return NULL;
    }
    if (!PyTuple_CheckExact(fnargs))
        fnargs = PySequence_Tuple(fnargs);
    else
        Py_INCREF(fnargs);
    if (fnargs == NULL)
        return NULL;
    if (kw == Py_None)
        kw = PyDict_New();
    else if (!PyDict_CheckExact(kw))
        kw = PyDict_Copy(kw);
    else
        Py_INCREF(kw);
    if (kw == NULL) {
        Py_DECREF(fnargs);
        return NULL;
    }
    if (dict == Py_None)
        dict = NULL;
    else
        Py_INCREF(dict);
    Py_SETREF(pto->fn, Py_NewRef(fn));
    Py_SETREF(pto->args, fnargs);
    Py_SETREF(pto->kw, kw);
    Py_XSETREF(pto->dict, dict);
    pto->vectorcall = Py_TYPE(pto)->tp_call == partial_call ? partial_vectorcall : NULL;
    Py_RETURN_NONE;
}

static PyObject *
partial_get_dict(PyObject *self, void *closure)
{
    partialobject *pto = (partialobject *)self;
    if (pto->dict == NULL) {
        pto->dict = PyDict_New();
        if (pto->dict == NULL)
            return NULL;
    }
    return Py_NewRef(pto->dict);
}

static int
partial_set_dict(PyObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!PyDict_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_XSETREF(((partialobject *)self)->dict, Py_NewRef(value));
    return 0;
}

static PyMemberDef partial_members[] = {
    {"func", T_OBJECT, offsetof(partialobject, fn), READONLY,
     "function object to use in future partial calls"},
    {"args", T_OBJECT, offsetof(partialobject, args), READONLY,
     "tuple of arguments to future partial calls"},
    {"keywords", T_OBJECT, offsetof(partialobject, kw), READONLY,
     "dictionary of keyword arguments to future partial calls"},
    {NULL}
};

static PyGetSetDef partial_getset[] = {
    {"__dict__", partial_get_dict, partial_set_dict, NULL, NULL},
    {NULL}
};

static PyMethodDef partial_methods[] = {
    {"__reduce__", partial_reduce, METH_NOARGS, NULL},
    {"__setstate__", partial_setstate, METH_O, NULL},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL}
};

PyDoc_STRVAR(partial_doc,
"partial(func, *args, **keywords) - new function with partial application\n"
"    of the given arguments and keywords.\n");

static PyTypeObject partial_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "functools.partial",
    .tp_basicsize = sizeof(partialobject),
    .tp_dealloc = partial_dealloc,
    .tp_vectorcall_offset = offsetof(partialobject, vectorcall),
    .tp_repr = partial_repr,
    .tp_call = partial_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = partial_doc,
    .tp_traverse = partial_traverse,
    .tp_clear = partial_clear,
    .tp_weaklistoffset = offsetof(partialobject, weakreflist),
    .tp_methods = partial_methods,
    .tp_members = partial_members,
    .tp_getset = partial_getset,
    .tp_dictoffset = offsetof(partialobject, dict),
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = partial_new,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* cmp_to_key                                                          */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *cmp;
    PyObject *object;       /* NULL for the key function itself */
} keyobject;

static PyTypeObject keyobject_type;

static void
keyobject_dealloc(PyObject *self)
{
    keyobject *ko = (keyobject *)self;
    PyObject_GC_UnTrack(ko);
    Py_XDECREF(ko->cmp);
    Py_XDECREF(ko->object);
    PyObject_GC_Del(ko);
}

static int
keyobject_traverse(PyObject *self, visitproc visit, void *arg)
{
    keyobject *ko = (keyobject *)self;
    Py_VISIT(ko->cmp);
    Py_VISIT(ko->object);
    return 0;
}

static int
keyobject_clear(PyObject *self)
{
    keyobject *ko = (keyobject *)self;
    Py_CLEAR(ko->cmp);
    Py_CLEAR(ko->object);
    return 0;
}

static PyObject *
keyobject_make(PyObject *cmp, PyObject *object)
{
    keyobject *ko = PyObject_GC_New(keyobject, &keyobject_type);
    if (ko == NULL)
        return NULL;
    ko->cmp = Py_NewRef(cmp);
    ko->object = Py_XNewRef(object);
    PyObject_GC_Track(ko);
    return (PyObject *)ko;
}

static PyObject *
keyobject_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwargs[] = {"obj", NULL};
    PyObject *object;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:K", kwargs, &object))
        return NULL;
    return keyobject_make(((keyobject *)self)->cmp, object);
}

static PyObject *
keyobject_richcompare(PyObject *ko, PyObject *other, int op)
{
    if (!Py_IS_TYPE(other, Py_TYPE(ko))) {
        PyErr_SetString(PyExc_TypeError, "other argument must be K instance");
        return NULL;
    }
    PyObject *compare = ((keyobject *)ko)->cmp;
    PyObject *x = ((keyobject *)ko)->object, *y = ((keyobject *)other)->object;
    if (x == NULL || y == NULL) {
        PyErr_Format(PyExc_AttributeError, "object");
        return NULL;
    }
    PyObject *stack[2] = {x, y};
    PyObject *res = PyObject_Vectorcall(compare, stack, 2, NULL);
    if (res == NULL)
        return NULL;
    PyObject *answer = PyObject_RichCompare(res, _PyLong_GetZero(), op);
    Py_DECREF(res);
    return answer;
}

static PyMemberDef keyobject_members[] = {
    {"obj", T_OBJECT, offsetof(keyobject, object), 0, "Value wrapped by a key function."},
    {NULL}
};

static PyTypeObject keyobject_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "functools.KeyWrapper",
    .tp_basicsize = sizeof(keyobject),
    .tp_dealloc = keyobject_dealloc,
    .tp_call = keyobject_call,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = keyobject_traverse,
    .tp_clear = keyobject_clear,
    .tp_richcompare = keyobject_richcompare,
    .tp_members = keyobject_members,
};

static PyObject *
functools_cmp_to_key(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                     PyObject *kwnames)
{
    static const char *const kwlist[] = {"mycmp", NULL};
    PyObject *out[1];
    if (!_PyArg_ParseFast("cmp_to_key", args, nargs, kwnames, kwlist, 0, 1, 1, 0, out))
        return NULL;
    return keyobject_make(out[0], NULL);
}

/* ------------------------------------------------------------------ */
/* reduce                                                              */
/* ------------------------------------------------------------------ */

static PyObject *
functools_reduce(PyObject *module, PyObject *args)
{
    PyObject *func, *seq, *result = NULL;
    if (!PyArg_UnpackTuple(args, "reduce", 2, 3, &func, &seq, &result))
        return NULL;
    Py_XINCREF(result);
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError))
            PyErr_SetString(PyExc_TypeError, "reduce() arg 2 must support iteration");
        Py_XDECREF(result);
        return NULL;
    }
    iternextfunc iternext = Py_TYPE(it)->tp_iternext;
    PyObject *callargs[2];
    for (;;) {
        PyObject *op2 = iternext(it);
        if (op2 == NULL) {
            if (PyErr_Occurred()) {
                if (!PyErr_ExceptionMatches(PyExc_StopIteration))
                    goto fail;
                PyErr_Clear();
            }
            break;
        }
        if (result == NULL)
            result = op2;
        else {
            callargs[0] = result;
            callargs[1] = op2;
            PyObject *r = PyObject_Vectorcall(func, callargs, 2, NULL);
            Py_DECREF(result);
            Py_DECREF(op2);
            result = r;
            if (result == NULL)
                goto fail;
        }
    }
    Py_DECREF(it);
    if (result == NULL)
        PyErr_SetString(PyExc_TypeError, "reduce() of empty iterable with no initial value");
    return result;
fail:
    Py_DECREF(it);
    Py_XDECREF(result);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* lru_cache                                                           */
/* ------------------------------------------------------------------ */

typedef struct lru_list_elem {
    PyObject_HEAD
    struct lru_list_elem *prev, *next;      /* borrowed: the dict owns nodes */
    Py_hash_t hash;
    PyObject *key, *result;
} lru_list_elem;

static PyTypeObject lru_list_elem_type;

static void
lru_list_elem_dealloc(PyObject *self)
{
    lru_list_elem *link = (lru_list_elem *)self;
    Py_XDECREF(link->key);
    Py_XDECREF(link->result);
    PyObject_Free(link);
}

static PyTypeObject lru_list_elem_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "functools._lru_list_elem",
    .tp_basicsize = sizeof(lru_list_elem),
    .tp_dealloc = lru_list_elem_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

typedef struct lru_cache_object lru_cache_object;
typedef PyObject *(*lru_cache_ternaryfunc)(lru_cache_object *, PyObject *, PyObject *);

struct lru_cache_object {
    PyObject_HEAD
    lru_list_elem root;         /* list sentinel (not a real object) */
    lru_cache_ternaryfunc wrapper;
    int typed;
    PyObject *cache;
    Py_ssize_t hits;
    PyObject *func;
    Py_ssize_t maxsize;
    Py_ssize_t misses;
    PyObject *cache_info_type;
    PyObject *dict;
    PyObject *weakreflist;
};

static PyTypeObject lru_cache_type;

/* New reference: the cache key of a call. */
static PyObject *
lru_cache_make_key(PyObject *args, PyObject *kwds, int typed)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    Py_ssize_t kwds_size = kwds ? PyDict_GET_SIZE(kwds) : 0;
    if (!typed && !kwds_size) {
        if (nargs == 1) {
            PyObject *key = PyTuple_GET_ITEM(args, 0);
            if (PyUnicode_CheckExact(key) || PyLong_CheckExact(key))
                return Py_NewRef(key);
        }
        return Py_NewRef(args);
    }
    Py_ssize_t size = nargs;
    if (kwds_size)
        size += kwds_size * 2 + 1;
    if (typed)
        size += nargs + kwds_size;
    PyObject *key = PyTuple_New(size);
    if (key == NULL)
        return NULL;
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < nargs; i++)
        PyTuple_SET_ITEM(key, k++, Py_NewRef(PyTuple_GET_ITEM(args, i)));
    if (kwds_size) {
        PyObject *kw, *v;
        Py_ssize_t pos = 0;
        PyTuple_SET_ITEM(key, k++, Py_NewRef(kwd_mark));
        while (PyDict_Next(kwds, &pos, &kw, &v) && k < size - 1) {
            PyTuple_SET_ITEM(key, k++, Py_NewRef(kw));
            PyTuple_SET_ITEM(key, k++, Py_NewRef(v));
        }
    }
    if (typed) {
        for (Py_ssize_t i = 0; i < nargs && k < size; i++)
            PyTuple_SET_ITEM(key, k++, Py_NewRef((PyObject *)Py_TYPE(PyTuple_GET_ITEM(args, i))));
        if (kwds_size) {
            PyObject *kw, *v;
            Py_ssize_t pos = 0;
            while (PyDict_Next(kwds, &pos, &kw, &v) && k < size)
                PyTuple_SET_ITEM(key, k++, Py_NewRef((PyObject *)Py_TYPE(v)));
        }
    }
    /* The keyword dict cannot change during this function, but be safe. */
    while (k < size)
        PyTuple_SET_ITEM(key, k++, Py_NewRef(Py_None));
    return key;
}

static PyObject *
uncached_lru_cache_wrapper(lru_cache_object *self, PyObject *args, PyObject *kwds)
{
    self->misses++;
    return PyObject_Call(self->func, args, kwds);
}

static PyObject *
infinite_lru_cache_wrapper(lru_cache_object *self, PyObject *args, PyObject *kwds)
{
    PyObject *key = lru_cache_make_key(args, kwds, self->typed);
    if (key == NULL)
        return NULL;
    Py_hash_t hash = PyObject_Hash(key);
    if (hash == -1) {
        Py_DECREF(key);
        return NULL;
    }
    PyObject *result = _PyDict_GetItem_KnownHash(self->cache, key, hash);
    if (result != NULL) {
        self->hits++;
        Py_DECREF(key);
        return Py_NewRef(result);
    }
    if (PyErr_Occurred()) {
        Py_DECREF(key);
        return NULL;
    }
    self->misses++;
    result = PyObject_Call(self->func, args, kwds);
    if (result == NULL) {
        Py_DECREF(key);
        return NULL;
    }
    if (_PyDict_SetItem_KnownHash(self->cache, key, result, hash) < 0) {
        Py_DECREF(result);
        Py_DECREF(key);
        return NULL;
    }
    Py_DECREF(key);
    return result;
}

static void
lru_unlink(lru_list_elem *link)
{
    link->prev->next = link->next;
    link->next->prev = link->prev;
}

static void
lru_append_most_recent(lru_cache_object *self, lru_list_elem *link)
{
    lru_list_elem *root = &self->root;
    lru_list_elem *last = root->prev;
    last->next = root->prev = link;
    link->prev = last;
    link->next = root;
}

static PyObject *
bounded_lru_cache_wrapper(lru_cache_object *self, PyObject *args, PyObject *kwds)
{
    PyObject *key = lru_cache_make_key(args, kwds, self->typed);
    if (key == NULL)
        return NULL;
    Py_hash_t hash = PyObject_Hash(key);
    if (hash == -1) {
        Py_DECREF(key);
        return NULL;
    }
    lru_list_elem *link = (lru_list_elem *)_PyDict_GetItem_KnownHash(self->cache, key, hash);
    if (link != NULL) {
        lru_unlink(link);
        lru_append_most_recent(self, link);
        self->hits++;
        Py_DECREF(key);
        return Py_NewRef(link->result);
    }
    if (PyErr_Occurred()) {
        Py_DECREF(key);
        return NULL;
    }
    self->misses++;
    PyObject *result = PyObject_Call(self->func, args, kwds);
    if (result == NULL) {
        Py_DECREF(key);
        return NULL;
    }
    /* The call may have cached this key already (recursion). */
    PyObject *testresult = _PyDict_GetItem_KnownHash(self->cache, key, hash);
    if (testresult != NULL) {
        Py_DECREF(key);
        return result;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(key);
        Py_DECREF(result);
        return NULL;
    }
    if (PyDict_GET_SIZE(self->cache) < self->maxsize || self->root.next == &self->root) {
        /* room left: a new node */
        link = PyObject_New(lru_list_elem, &lru_list_elem_type);
        if (link == NULL) {
            Py_DECREF(key);
            Py_DECREF(result);
            return NULL;
        }
        link->hash = hash;
        link->key = key;                    /* reference moves */
        link->result = Py_NewRef(result);
        if (_PyDict_SetItem_KnownHash(self->cache, key, (PyObject *)link, hash) < 0) {
            Py_DECREF(link);
            Py_DECREF(result);
            return NULL;
        }
        lru_append_most_recent(self, link);
        Py_DECREF(link);                    /* the dict holds it */
        return result;
    }
    /* Full: recycle the least recent node.  Take it out of the list and
       keep our own reference before the dict lets it go. */
    PyObject *oldkey, *oldresult;
    lru_list_elem *oldest = self->root.next;
    lru_unlink(oldest);
    Py_INCREF(oldest);
    PyObject *popped = _PyDict_Pop(self->cache, oldest->key, NULL);
    if (popped == NULL) {
        /* the key was removed behind our back, or an error */
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "lru_cache: evicted key vanished");
        Py_DECREF(oldest);
        Py_DECREF(key);
        Py_DECREF(result);
        return NULL;
    }
    Py_DECREF(popped);      /* the dict's reference to the node */
    oldkey = oldest->key;
    oldresult = oldest->result;
    oldest->hash = hash;
    oldest->key = key;                      /* reference moves */
    oldest->result = Py_NewRef(result);
    if (_PyDict_SetItem_KnownHash(self->cache, key, (PyObject *)oldest, hash) < 0) {
        Py_DECREF(oldest);
        Py_DECREF(oldkey);
        Py_DECREF(oldresult);
        Py_DECREF(result);
        return NULL;
    }
    lru_append_most_recent(self, oldest);
    Py_DECREF(oldest);
    /* Only now, with everything consistent, release the old entry. */
    Py_DECREF(oldkey);
    Py_DECREF(oldresult);
    return result;
}

static PyObject *
lru_cache_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char *keywords[] = {"user_function", "maxsize", "typed", "cache_info_type", NULL};
    PyObject *func, *maxsize_O, *cache_info_type;
    int typed;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OOpO:lru_cache", keywords,
                                     &func, &maxsize_O, &typed, &cache_info_type))
        return NULL;
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "the first argument must be callable");
        return NULL;
    }
    lru_cache_ternaryfunc wrapper;
    Py_ssize_t maxsize;
    if (maxsize_O == Py_None) {
        wrapper = infinite_lru_cache_wrapper;
        maxsize = -1;
    }
    else if (PyIndex_Check(maxsize_O)) {
        maxsize = PyNumber_AsSsize_t(maxsize_O, PyExc_OverflowError);
        if (maxsize == -1 && PyErr_Occurred())
            return NULL;
        if (maxsize < 0)
            maxsize = 0;
        wrapper = maxsize == 0 ? uncached_lru_cache_wrapper : bounded_lru_cache_wrapper;
    }
    else {
        PyErr_SetString(PyExc_TypeError, "maxsize should be integer or None");
        return NULL;
    }
    PyObject *cachedict = PyDict_New();
    if (cachedict == NULL)
        return NULL;
    lru_cache_object *obj = (lru_cache_object *)type->tp_alloc(type, 0);
    if (obj == NULL) {
        Py_DECREF(cachedict);
        return NULL;
    }
    obj->root.prev = &obj->root;
    obj->root.next = &obj->root;
    obj->wrapper = wrapper;
    obj->typed = typed;
    obj->cache = cachedict;
    obj->func = Py_NewRef(func);
    obj->misses = obj->hits = 0;
    obj->maxsize = maxsize;
    obj->cache_info_type = Py_NewRef(cache_info_type);
    obj->dict = NULL;
    obj->weakreflist = NULL;
    return (PyObject *)obj;
}

/* Detach the list and drop all entries; 0 / -1. */
static void
lru_cache_clear_list(lru_cache_object *self)
{
    /* The dict owns the nodes: clearing it frees them.  Reset the
       sentinel first so nothing can reach a freed node. */
    self->root.prev = self->root.next = &self->root;
}

static PyObject *
lru_cache_cache_clear(PyObject *op, PyObject *unused)
{
    lru_cache_object *self = (lru_cache_object *)op;
    self->hits = self->misses = 0;
    lru_cache_clear_list(self);
    PyDict_Clear(self->cache);
    Py_RETURN_NONE;
}

static PyObject *
lru_cache_cache_info(PyObject *op, PyObject *unused)
{
    lru_cache_object *self = (lru_cache_object *)op;
    Py_ssize_t currsize = PyDict_GET_SIZE(self->cache);
    if (self->maxsize == -1)
        return PyObject_CallFunction(self->cache_info_type, "nnOn",
                                     self->hits, self->misses, Py_None, currsize);
    return PyObject_CallFunction(self->cache_info_type, "nnnn",
                                 self->hits, self->misses, self->maxsize, currsize);
}

static PyObject *
lru_cache_call(PyObject *op, PyObject *args, PyObject *kwds)
{
    lru_cache_object *self = (lru_cache_object *)op;
    return self->wrapper(self, args, kwds);
}

static PyObject *
lru_cache_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    if (obj == Py_None || obj == NULL)
        return Py_NewRef(self);
    return PyMethod_New(self, obj);
}

static PyObject *
lru_cache_reduce(PyObject *self, PyObject *unused)
{
    return PyObject_GetAttrString(self, "__qualname__");
}

static PyObject *
lru_cache_copy(PyObject *self, PyObject *unused)
{
    return Py_NewRef(self);
}

static PyObject *
lru_cache_deepcopy(PyObject *self, PyObject *memo)
{
    return Py_NewRef(self);
}

static int
lru_cache_tp_clear(PyObject *op)
{
    lru_cache_object *self = (lru_cache_object *)op;
    lru_cache_clear_list(self);
    Py_CLEAR(self->cache);
    Py_CLEAR(self->func);
    Py_CLEAR(self->cache_info_type);
    Py_CLEAR(self->dict);
    return 0;
}

static int
lru_cache_traverse(PyObject *op, visitproc visit, void *arg)
{
    lru_cache_object *self = (lru_cache_object *)op;
    /* The nodes are reachable through the dict; visit their contents
       (they are not GC objects themselves). */
    for (lru_list_elem *link = self->root.next; link != &self->root; link = link->next) {
        Py_VISIT(link->key);
        Py_VISIT(link->result);
    }
    Py_VISIT(self->cache);
    Py_VISIT(self->func);
    Py_VISIT(self->cache_info_type);
    Py_VISIT(self->dict);
    return 0;
}

static void
lru_cache_dealloc(PyObject *op)
{
    lru_cache_object *self = (lru_cache_object *)op;
    PyObject_GC_UnTrack(self);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs(op);
    lru_cache_tp_clear(op);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
lru_cache_get_dict(PyObject *op, void *closure)
{
    lru_cache_object *self = (lru_cache_object *)op;
    if (self->dict == NULL) {
        self->dict = PyDict_New();
        if (self->dict == NULL)
            return NULL;
    }
    return Py_NewRef(self->dict);
}

static int
lru_cache_set_dict(PyObject *op, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!PyDict_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_XSETREF(((lru_cache_object *)op)->dict, Py_NewRef(value));
    return 0;
}

static PyMethodDef lru_cache_methods[] = {
    {"cache_info", lru_cache_cache_info, METH_NOARGS, "Report cache statistics"},
    {"cache_clear", lru_cache_cache_clear, METH_NOARGS, "Clear the cache and cache statistics"},
    {"__reduce__", lru_cache_reduce, METH_NOARGS, NULL},
    {"__copy__", lru_cache_copy, METH_NOARGS, NULL},
    {"__deepcopy__", lru_cache_deepcopy, METH_O, NULL},
    {NULL}
};

static PyGetSetDef lru_cache_getset[] = {
    {"__dict__", lru_cache_get_dict, lru_cache_set_dict, NULL, NULL},
    {NULL}
};

PyDoc_STRVAR(lru_cache_doc,
"Create a cached callable that wraps another function.\n\n"
"user_function:      the function being cached\n\n"
"maxsize:  0         for no caching\n"
"          None      for unlimited cache size\n"
"          n         for a bounded cache\n\n"
"typed:    False     cache f(3) and f(3.0) as identical calls\n"
"          True      cache f(3) and f(3.0) as distinct calls\n\n"
"cache_info_type:    namedtuple class with the fields:\n"
"                        hits misses currsize maxsize\n");

static PyTypeObject lru_cache_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "functools._lru_cache_wrapper",
    .tp_basicsize = sizeof(lru_cache_object),
    .tp_dealloc = lru_cache_dealloc,
    .tp_call = lru_cache_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_doc = lru_cache_doc,
    .tp_traverse = lru_cache_traverse,
    .tp_clear = lru_cache_tp_clear,
    .tp_weaklistoffset = offsetof(lru_cache_object, weakreflist),
    .tp_methods = lru_cache_methods,
    .tp_getset = lru_cache_getset,
    .tp_descr_get = lru_cache_descr_get,
    .tp_dictoffset = offsetof(lru_cache_object, dict),
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = lru_cache_new,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* the module                                                          */
/* ------------------------------------------------------------------ */

static PyMethodDef functools_methods[] = {
    {"reduce", functools_reduce, METH_VARARGS,
     "reduce(function, iterable[, initial]) -> value\n\n"
     "Fold the items of iterable from the left with a two-argument function,\n"
     "starting from initial when it is given (it is also the result for an\n"
     "empty iterable)."},
    {"cmp_to_key", (PyCFunction)(void (*)(void))functools_cmp_to_key,
     METH_FASTCALL | METH_KEYWORDS,
     "cmp_to_key($module, /, mycmp)\n--\n\nConvert a cmp= function into a key= function."},
    {NULL, NULL}
};

static PyModuleDef functools_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_functools",
    .m_doc = "C parts of the functools module.",
    .m_size = -1,
    .m_methods = functools_methods,
};

/* New reference: the _functools module. */
PyObject *
PyInit__functools(void)
{
    if (kwd_mark == NULL) {
        kwd_mark = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
        if (kwd_mark == NULL)
            return NULL;
    }
    if (PyType_Ready(&lru_list_elem_type) < 0 || PyType_Ready(&keyobject_type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&functools_def);
    if (m == NULL)
        return NULL;
    PyTypeObject *types[] = {&partial_type, &lru_cache_type};
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (PyType_Ready(types[i]) < 0 || PyModule_AddType(m, types[i]) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}
