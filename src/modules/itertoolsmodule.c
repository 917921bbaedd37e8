/* itertoolsmodule.c -- the itertools module.
 *
 * Every tool is an iterator type of its own (subclassable, as in CPython)
 * whose tp_iternext does one step of the algorithm.  A few ideas are worth
 * knowing before reading the code:
 *
 * - Exhaustion.  tp_iternext returns NULL without an exception at the end.
 *   Tools that can never produce again drop their source iterator (islice,
 *   pairwise, batched, chain), so a finished tool frees its input early and
 *   stays finished even if the source would resume.
 *
 * - Result tuples.  product, permutations, combinations(_with_replacement)
 *   and zip_longest hand out a tuple per step.  When the caller has dropped
 *   the previous one (reference count back to 1, only ours) it is refilled
 *   in place instead of allocating a new tuple, as CPython does; the
 *   collector may have untracked it meanwhile, so it is re-tracked.
 *
 * - count runs in a "fast mode" on a C Py_ssize_t while start is an int,
 *   step is the int 1 and no overflow happened; otherwise it adds Python
 *   objects.  Its repr shows the step only when it is not the int 1.
 *
 * - tee shares one singly linked list of fixed-size blocks of values
 *   between its iterators: each _tee object points at a block and an index
 *   in it.  Values are read from the source on demand by whichever
 *   iterator is ahead; blocks nobody points at any more are freed (the
 *   chain is released iteratively, so a long list cannot overflow the C
 *   stack).  Copying a _tee (__copy__) shares the position.
 *
 * - groupby remembers its current _grouper by identity only; advancing the
 *   groupby makes older groupers stop.
 *
 * Argument errors reproduce CPython's messages, which come from several
 * different parsers there (positional-only "expected N arguments",
 * keyword-capable "missing required argument", hand-written ones).
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_gc.h"
#include "rp_langextras.h"      /* Py_GenericAlias */

/* ------------------------------------------------------------------ */
/* helpers                                                             */
/* ------------------------------------------------------------------ */

/* Parse tp_new's (args, kwds) like a keyword-capable builtin: fills
   out[0..len(kwlist)) with BORROWED references (NULL where absent).
   1 on success, 0 with TypeError. */
static int
parse_new_args(const char *fname, PyObject *args, PyObject *kwds,
               const char *const *kwlist, int posonly, int minpos, int maxpos,
               int minkw, PyObject **out)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    Py_ssize_t nkw = kwds ? PyDict_GET_SIZE(kwds) : 0;
    if (nkw == 0)
        return _PyArg_ParseFast(fname, _PyTuple_ITEMS(args), nargs, NULL,
                                kwlist, posonly, minpos, maxpos, minkw, out);
    PyObject *stack[8];
    int maxargs = 0;
    while (kwlist[maxargs])
        maxargs++;
    if (nargs + nkw > 8) {
        PyErr_Format(PyExc_TypeError, "%.200s() takes at most %d argument%s (%zd given)",
                     fname, maxargs, maxargs == 1 ? "" : "s", nargs + nkw);
        return 0;
    }
    for (Py_ssize_t i = 0; i < nargs; i++)
        stack[i] = PyTuple_GET_ITEM(args, i);
    PyObject *kwnames = PyTuple_New(nkw);
    if (kwnames == NULL)
        return 0;
    PyObject *key, *value;
    Py_ssize_t pos = 0, k = 0;
    while (PyDict_Next(kwds, &pos, &key, &value)) {
        PyTuple_SET_ITEM(kwnames, k, Py_NewRef(key));
        stack[nargs + k] = value;
        k++;
    }
    int ok = _PyArg_ParseFast(fname, stack, nargs, kwnames, kwlist, posonly,
                              minpos, maxpos, minkw, out);
    Py_DECREF(kwnames);
    return ok;
}

/* Py_ssize_t from an index-like object (the "n" converter).  -1 with an
   exception on error. */
static Py_ssize_t
as_ssize(PyObject *o)
{
    PyObject *idx = PyNumber_Index(o);
    if (idx == NULL)
        return -1;
    Py_ssize_t v = PyLong_AsSsize_t(idx);
    Py_DECREF(idx);
    return v;
}

/* Refill-or-allocate: if *slot is uniquely ours, return it (new ref) for
   in-place update, else NULL so the caller builds a new tuple. */
static PyObject *
reusable_tuple(PyObject *t)
{
    if (t != NULL && Py_REFCNT(t) == 1) {
        Py_INCREF(t);
        if (!_PyObject_GC_IS_TRACKED(t))
            _PyObject_GC_TRACK(t);
        return t;
    }
    return NULL;
}

#define IS_BASE(type, base) ((type) == &(base) || (type)->tp_init == (base).tp_init)

/* ------------------------------------------------------------------ */
/* count                                                               */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t cnt;         /* fast mode counter (PY_SSIZE_T_MAX: slow) */
    PyObject *long_cnt;     /* slow mode: next value */
    PyObject *long_step;
} countobject;

static PyTypeObject count_type;

static int
is_int_one(PyObject *o)
{
    if (!PyLong_CheckExact(o) && !PyLong_Check(o))
        return 0;
    int overflow;
    long v = PyLong_AsLongAndOverflow(o, &overflow);
    return v == 1 && !overflow;
}

static PyObject *
count_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"start", "step", NULL};
    PyObject *out[2];
    if (!parse_new_args("count", args, kwds, kwlist, 0, 0, 2, 0, out))
        return NULL;
    PyObject *start = out[0], *step = out[1];
    if ((start != NULL && !PyNumber_Check(start)) ||
        (step != NULL && !PyNumber_Check(step))) {
        PyErr_SetString(PyExc_TypeError, "a number is required");
        return NULL;
    }
    Py_ssize_t cnt = 0;
    int fast = 1;
    if (start != NULL) {
        if (PyLong_Check(start)) {
            cnt = PyLong_AsSsize_t(start);
            if (cnt == -1 && PyErr_Occurred()) {
                PyErr_Clear();
                fast = 0;
            }
        }
        else
            fast = 0;
    }
    if (step != NULL && !is_int_one(step))
        fast = 0;
    if (fast && cnt == PY_SSIZE_T_MAX)
        fast = 0;
    countobject *lz = (countobject *)type->tp_alloc(type, 0);
    if (lz == NULL)
        return NULL;
    if (fast) {
        lz->cnt = cnt;
        lz->long_cnt = NULL;
        lz->long_step = NULL;
    }
    else {
        lz->cnt = PY_SSIZE_T_MAX;
        lz->long_cnt = start ? Py_NewRef(start) : PyLong_FromLong(0);
        lz->long_step = step ? Py_NewRef(step) : PyLong_FromLong(1);
        if (lz->long_cnt == NULL || lz->long_step == NULL) {
            Py_DECREF(lz);
            return NULL;
        }
    }
    return (PyObject *)lz;
}

static void
count_dealloc(PyObject *self)
{
    countobject *lz = (countobject *)self;
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->long_cnt);
    Py_XDECREF(lz->long_step);
    Py_TYPE(lz)->tp_free(lz);
}

static int
count_traverse(PyObject *self, visitproc visit, void *arg)
{
    countobject *lz = (countobject *)self;
    Py_VISIT(lz->long_cnt);
    Py_VISIT(lz->long_step);
    return 0;
}

static PyObject *
count_next(PyObject *self)
{
    countobject *lz = (countobject *)self;
    if (lz->long_cnt == NULL) {
        /* Fast mode: cnt < PY_SSIZE_T_MAX always holds here. */
        Py_ssize_t v = lz->cnt++;
        if (lz->cnt == PY_SSIZE_T_MAX) {
            /* The next value would not fit: continue in slow mode. */
            lz->long_cnt = PyLong_FromSsize_t(PY_SSIZE_T_MAX);
            lz->long_step = PyLong_FromLong(1);
            if (lz->long_cnt == NULL || lz->long_step == NULL) {
                Py_CLEAR(lz->long_cnt);
                Py_CLEAR(lz->long_step);
                lz->cnt--;
                return NULL;
            }
        }
        return PyLong_FromSsize_t(v);
    }
    PyObject *r = lz->long_cnt;
    PyObject *next = PyNumber_Add(r, lz->long_step);
    if (next == NULL)
        return NULL;
    lz->long_cnt = next;
    return r;       /* our old reference moves to the caller */
}

static PyObject *
count_repr(PyObject *self)
{
    countobject *lz = (countobject *)self;
    const char *name = _PyType_Name(Py_TYPE(lz));
    if (lz->long_cnt == NULL)
        return PyUnicode_FromFormat("%s(%zd)", name, lz->cnt);
    if (is_int_one(lz->long_step))
        return PyUnicode_FromFormat("%s(%R)", name, lz->long_cnt);
    return PyUnicode_FromFormat("%s(%R, %R)", name, lz->long_cnt, lz->long_step);
}

PyDoc_STRVAR(count_doc,
"count(start=0, step=1)\n--\n\nAn endless arithmetic progression: start, start+step, start+2*step, ...");

static PyTypeObject count_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.count",
    .tp_basicsize = sizeof(countobject),
    .tp_dealloc = count_dealloc,
    .tp_repr = count_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = count_doc,
    .tp_traverse = count_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = count_next,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = count_new,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* cycle                                                               */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *it;
    PyObject *saved;        /* list */
    Py_ssize_t index;
    int firstpass;
} cycleobject;

static PyTypeObject cycle_type;

static PyObject *
cycle_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (IS_BASE(type, cycle_type) && !_PyArg_NoKeywords("cycle", kwds))
        return NULL;
    if (!_PyArg_CheckPositional("cycle", PyTuple_GET_SIZE(args), 1, 1))
        return NULL;
    PyObject *it = PyObject_GetIter(PyTuple_GET_ITEM(args, 0));
    if (it == NULL)
        return NULL;
    PyObject *saved = PyList_New(0);
    if (saved == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    cycleobject *lz = (cycleobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        Py_DECREF(saved);
        return NULL;
    }
    lz->it = it;
    lz->saved = saved;
    lz->index = 0;
    lz->firstpass = 0;
    return (PyObject *)lz;
}

static void
cycle_dealloc(PyObject *self)
{
    cycleobject *lz = (cycleobject *)self;
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->it);
    Py_XDECREF(lz->saved);
    Py_TYPE(lz)->tp_free(lz);
}

static int
cycle_traverse(PyObject *self, visitproc visit, void *arg)
{
    cycleobject *lz = (cycleobject *)self;
    Py_VISIT(lz->it);
    Py_VISIT(lz->saved);
    return 0;
}

static PyObject *
cycle_next(PyObject *self)
{
    cycleobject *lz = (cycleobject *)self;
    if (lz->it != NULL) {
        PyObject *item = Py_TYPE(lz->it)->tp_iternext(lz->it);
        if (item != NULL) {
            if (lz->firstpass)
                return item;
            if (PyList_Append(lz->saved, item) < 0) {
                Py_DECREF(item);
                return NULL;
            }
            return item;
        }
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration))
                return NULL;
            PyErr_Clear();
        }
        Py_CLEAR(lz->it);
    }
    Py_ssize_t n = PyList_GET_SIZE(lz->saved);
    if (n == 0)
        return NULL;
    PyObject *item = PyList_GET_ITEM(lz->saved, lz->index);
    lz->index++;
    if (lz->index >= n)
        lz->index = 0;
    return Py_NewRef(item);
}

PyDoc_STRVAR(cycle_doc,
"cycle(iterable, /)\n--\n\nThe items of iterable, then the same items again, forever (saved on the first pass).");

static PyTypeObject cycle_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.cycle",
    .tp_basicsize = sizeof(cycleobject),
    .tp_dealloc = cycle_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = cycle_doc,
    .tp_traverse = cycle_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = cycle_next,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = cycle_new,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* repeat                                                              */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *element;
    Py_ssize_t cnt;         /* remaining; -1 means forever */
} repeatobject;

static PyTypeObject repeat_type;

static PyObject *
repeat_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"object", "times", NULL};
    PyObject *out[2];
    Py_ssize_t nargs = PyTuple_GET_SIZE(args) + (kwds ? PyDict_GET_SIZE(kwds) : 0);
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "repeat() takes at most 2 arguments (%zd given)", nargs);
        return NULL;
    }
    if (!parse_new_args("repeat", args, kwds, kwlist, 0, 1, 2, 0, out))
        return NULL;
    Py_ssize_t cnt = -1;
    if (out[1] != NULL) {
        if (PyFloat_Check(out[1])) {
            PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
            return NULL;
        }
        cnt = as_ssize(out[1]);
        if (cnt == -1 && PyErr_Occurred())
            return NULL;
        if (cnt < 0)
            cnt = 0;
    }
    repeatobject *ro = (repeatobject *)type->tp_alloc(type, 0);
    if (ro == NULL)
        return NULL;
    ro->element = Py_NewRef(out[0]);
    ro->cnt = cnt;
    return (PyObject *)ro;
}

static void
repeat_dealloc(PyObject *self)
{
    repeatobject *ro = (repeatobject *)self;
    PyObject_GC_UnTrack(ro);
    Py_XDECREF(ro->element);
    Py_TYPE(ro)->tp_free(ro);
}

static int
repeat_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((repeatobject *)self)->element);
    return 0;
}

static PyObject *
repeat_next(PyObject *self)
{
    repeatobject *ro = (repeatobject *)self;
    if (ro->cnt == 0)
        return NULL;
    if (ro->cnt > 0)
        ro->cnt--;
    return Py_NewRef(ro->element);
}

static PyObject *
repeat_repr(PyObject *self)
{
    repeatobject *ro = (repeatobject *)self;
    const char *name = _PyType_Name(Py_TYPE(ro));
    if (ro->cnt == -1)
        return PyUnicode_FromFormat("%s(%R)", name, ro->element);
    return PyUnicode_FromFormat("%s(%R, %zd)", name, ro->element, ro->cnt);
}

static PyObject *
repeat_len(PyObject *self, PyObject *unused)
{
    repeatobject *ro = (repeatobject *)self;
    if (ro->cnt == -1) {
        PyErr_SetString(PyExc_TypeError, "len() of unsized object");
        return NULL;
    }
    return PyLong_FromSsize_t(ro->cnt);
}

static PyMethodDef repeat_methods[] = {
    {"__length_hint__", repeat_len, METH_NOARGS, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL}
};

PyDoc_STRVAR(repeat_doc,
"repeat(object [,times]) -> the object again and again, times times or forever.");

static PyTypeObject repeat_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.repeat",
    .tp_basicsize = sizeof(repeatobject),
    .tp_dealloc = repeat_dealloc,
    .tp_repr = repeat_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = repeat_doc,
    .tp_traverse = repeat_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = repeat_next,
    .tp_methods = repeat_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = repeat_new,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* accumulate                                                          */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *total;
    PyObject *it;
    PyObject *binop;
    PyObject *initial;
} accumulateobject;

static PyObject *
accumulate_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"iterable", "func", "initial", NULL};
    PyObject *out[3];
    if (!parse_new_args("accumulate", args, kwds, kwlist, 0, 1, 2, 0, out))
        return NULL;
    PyObject *it = PyObject_GetIter(out[0]);
    if (it == NULL)
        return NULL;
    accumulateobject *lz = (accumulateobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    lz->it = it;
    lz->binop = (out[1] != NULL && out[1] != Py_None) ? Py_NewRef(out[1]) : NULL;
    lz->initial = (out[2] != NULL && out[2] != Py_None) ? Py_NewRef(out[2]) : NULL;
    lz->total = NULL;
    return (PyObject *)lz;
}

static void
accumulate_dealloc(PyObject *self)
{
    accumulateobject *lz = (accumulateobject *)self;
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->binop);
    Py_XDECREF(lz->total);
    Py_XDECREF(lz->it);
    Py_XDECREF(lz->initial);
    Py_TYPE(lz)->tp_free(lz);
}

static int
accumulate_traverse(PyObject *self, visitproc visit, void *arg)
{
    accumulateobject *lz = (accumulateobject *)self;
    Py_VISIT(lz->binop);
    Py_VISIT(lz->it);
    Py_VISIT(lz->total);
    Py_VISIT(lz->initial);
    return 0;
}

static PyObject *
accumulate_next(PyObject *self)
{
    accumulateobject *lz = (accumulateobject *)self;
    if (lz->initial != NULL) {
        lz->total = lz->initial;     /* reference moves */
        lz->initial = NULL;
        return Py_NewRef(lz->total);
    }
    PyObject *val = Py_TYPE(lz->it)->tp_iternext(lz->it);
    if (val == NULL)
        return NULL;
    if (lz->total == NULL) {
        lz->total = Py_NewRef(val);
        return val;
    }
    PyObject *newtotal;
    if (lz->binop == NULL)
        newtotal = PyNumber_Add(lz->total, val);
    else {
        PyObject *callargs[2] = {lz->total, val};
        newtotal = PyObject_Vectorcall(lz->binop, callargs, 2, NULL);
    }
    Py_DECREF(val);
    if (newtotal == NULL)
        return NULL;
    Py_SETREF(lz->total, Py_NewRef(newtotal));
    return newtotal;
}

PyDoc_STRVAR(accumulate_doc,
"accumulate(iterable, func=None, *, initial=None)\n--\n\nRunning totals of iterable (or running results of the two-argument func), starting with initial when given.");

static PyTypeObject accumulate_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.accumulate",
    .tp_basicsize = sizeof(accumulateobject),
    .tp_dealloc = accumulate_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = accumulate_doc,
    .tp_traverse = accumulate_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = accumulate_next,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = accumulate_new,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* batched                                                             */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *it;
    Py_ssize_t batch_size;
} batchedobject;

static PyObject *
batched_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"iterable", "n", NULL};
    PyObject *out[2];
    if (!parse_new_args("batched", args, kwds, kwlist, 0, 2, 2, 0, out))
        return NULL;
    Py_ssize_t n = as_ssize(out[1]);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    if (n < 1) {
        PyErr_SetString(PyExc_ValueError, "n must be at least one");
        return NULL;
    }
    PyObject *it = PyObject_GetIter(out[0]);
    if (it == NULL)
        return NULL;
    batchedobject *bo = (batchedobject *)type->tp_alloc(type, 0);
    if (bo == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    bo->it = it;
    bo->batch_size = n;
    return (PyObject *)bo;
}

static void
batched_dealloc(PyObject *self)
{
    batchedobject *bo = (batchedobject *)self;
    PyObject_GC_UnTrack(bo);
    Py_XDECREF(bo->it);
    Py_TYPE(bo)->tp_free(bo);
}

static int
batched_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((batchedobject *)self)->it);
    return 0;
}

static PyObject *
batched_next(PyObject *self)
{
    batchedobject *bo = (batchedobject *)self;
    PyObject *it = bo->it;
    if (it == NULL)
        return NULL;
    Py_ssize_t n = bo->batch_size;
    PyObject *result = PyTuple_New(n);
    if (result == NULL)
        return NULL;
    iternextfunc iternext = Py_TYPE(it)->tp_iternext;
    PyObject **items = _PyTuple_ITEMS(result);
    Py_ssize_t i;
    for (i = 0; i < n; i++) {
        PyObject *item = iternext(it);
        if (item == NULL)
            goto null_item;
        items[i] = item;
    }
    return result;

null_item:
    if (PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_StopIteration))
            PyErr_Clear();
        else {
            Py_CLEAR(bo->it);
            Py_DECREF(result);
            return NULL;
        }
    }
    if (i == 0) {
        Py_CLEAR(bo->it);
        Py_DECREF(result);
        return NULL;
    }
    Py_CLEAR(bo->it);
    if (_PyTuple_Resize(&result, i) < 0)
        return NULL;
    return result;
}

PyDoc_STRVAR(batched_doc,
"batched(iterable, n)\n--\n\nTuples of n consecutive items of iterable; the last one may be shorter.");

static PyTypeObject batched_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.batched",
    .tp_basicsize = sizeof(batchedobject),
    .tp_dealloc = batched_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = batched_doc,
    .tp_traverse = batched_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = batched_next,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = batched_new,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* chain                                                               */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *source;       /* iterator over the iterables */
    PyObject *active;       /* current iterator */
} chainobject;

static PyTypeObject chain_type;

static PyObject *
chain_make(PyTypeObject *type, PyObject *source)
{
    chainobject *lz = (chainobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(source);
        return NULL;
    }
    lz->source = source;
    lz->active = NULL;
    return (PyObject *)lz;
}

static PyObject *
chain_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (IS_BASE(type, chain_type) && !_PyArg_NoKeywords("chain", kwds))
        return NULL;
    PyObject *source = PyObject_GetIter(args);
    if (source == NULL)
        return NULL;
    return chain_make(type, source);
}

static PyObject *
chain_from_iterable(PyObject *type, PyObject *arg)
{
    PyObject *source = PyObject_GetIter(arg);
    if (source == NULL)
        return NULL;
    return chain_make((PyTypeObject *)type, source);
}

static void
chain_dealloc(PyObject *self)
{
    chainobject *lz = (chainobject *)self;
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->active);
    Py_XDECREF(lz->source);
    Py_TYPE(lz)->tp_free(lz);
}

static int
chain_traverse(PyObject *self, visitproc visit, void *arg)
{
    chainobject *lz = (chainobject *)self;
    Py_VISIT(lz->source);
    Py_VISIT(lz->active);
    return 0;
}

static PyObject *
chain_next(PyObject *self)
{
    chainobject *lz = (chainobject *)self;
    while (lz->source != NULL) {
        if (lz->active == NULL) {
            PyObject *iterable = PyIter_Next(lz->source);
            if (iterable == NULL) {
                Py_CLEAR(lz->source);
                return NULL;    /* exhausted, or an error */
            }
            lz->active = PyObject_GetIter(iterable);
            Py_DECREF(iterable);
            if (lz->active == NULL) {
                Py_CLEAR(lz->source);
                return NULL;
            }
        }
        PyObject *item = Py_TYPE(lz->active)->tp_iternext(lz->active);
        if (item != NULL)
            return item;
        if (PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_StopIteration))
                PyErr_Clear();
            else
                return NULL;
        }
        Py_CLEAR(lz->active);
    }
    return NULL;
}

static PyMethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, METH_O | METH_CLASS,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL}
};

PyDoc_STRVAR(chain_doc,
"chain(*iterables) --> chain object\n\nThe items of the first iterable, then those of the next one, and so on.");

static PyTypeObject chain_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.chain",
    .tp_basicsize = sizeof(chainobject),
    .tp_dealloc = chain_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = chain_doc,
    .tp_traverse = chain_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = chain_next,
    .tp_methods = chain_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = chain_new,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* compress                                                            */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *data;
    PyObject *selectors;
} compressobject;

static PyObject *
compress_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"data", "selectors", NULL};
    PyObject *out[2];
    if (!parse_new_args("compress", args, kwds, kwlist, 0, 2, 2, 0, out))
        return NULL;
    PyObject *data = PyObject_GetIter(out[0]);
    if (data == NULL)
        return NULL;
    PyObject *selectors = PyObject_GetIter(out[1]);
    if (selectors == NULL) {
        Py_DECREF(data);
        return NULL;
    }
    compressobject *lz = (compressobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(data);
        Py_DECREF(selectors);
        return NULL;
    }
    lz->data = data;
    lz->selectors = selectors;
    return (PyObject *)lz;
}

static void
compress_dealloc(PyObject *self)
{
    compressobject *lz = (compressobject *)self;
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->data);
    Py_XDECREF(lz->selectors);
    Py_TYPE(lz)->tp_free(lz);
}

static int
compress_traverse(PyObject *self, visitproc visit, void *arg)
{
    compressobject *lz = (compressobject *)self;
    Py_VISIT(lz->data);
    Py_VISIT(lz->selectors);
    return 0;
}

static PyObject *
compress_next(PyObject *self)
{
    compressobject *lz = (compressobject *)self;
    iternextfunc datanext = Py_TYPE(lz->data)->tp_iternext;
    iternextfunc selnext = Py_TYPE(lz->selectors)->tp_iternext;
    for (;;) {
        PyObject *datum = datanext(lz->data);
        if (datum == NULL)
            return NULL;
        PyObject *selector = selnext(lz->selectors);
        if (selector == NULL) {
            Py_DECREF(datum);
            return NULL;
        }
        int ok = PyObject_IsTrue(selector);
        Py_DECREF(selector);
        if (ok > 0)
            return datum;
        Py_DECREF(datum);
        if (ok < 0)
            return NULL;
    }
}

PyDoc_STRVAR(compress_doc,
"compress(data, selectors)\n--\n\nThe items of data whose corresponding selector is true.");

static PyTypeObject compress_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.compress",
    .tp_basicsize = sizeof(compressobject),
    .tp_dealloc = compress_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = compress_doc,
    .tp_traverse = compress_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = compress_next,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = compress_new,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* dropwhile, takewhile, filterfalse, starmap: (func, iterable)        */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *func;
    PyObject *it;
    long state;             /* dropwhile: done dropping; takewhile: stopped */
} funcitobject;

static PyTypeObject dropwhile_type, takewhile_type, filterfalse_type, starmap_type;

static PyObject *
funcit_new(PyTypeObject *type, PyObject *args, PyObject *kwds, PyTypeObject *base,
           const char *name)
{
    if (IS_BASE(type, *base) && !_PyArg_NoKeywords(name, kwds))
        return NULL;
    if (!_PyArg_CheckPositional(name, PyTuple_GET_SIZE(args), 2, 2))
        return NULL;
    PyObject *it = PyObject_GetIter(PyTuple_GET_ITEM(args, 1));
    if (it == NULL)
        return NULL;
    funcitobject *lz = (funcitobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    lz->func = Py_NewRef(PyTuple_GET_ITEM(args, 0));
    lz->it = it;
    lz->state = 0;
    return (PyObject *)lz;
}

static PyObject *
dropwhile_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return funcit_new(type, args, kwds, &dropwhile_type, "dropwhile");
}

static PyObject *
takewhile_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return funcit_new(type, args, kwds, &takewhile_type, "takewhile");
}

static PyObject *
filterfalse_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return funcit_new(type, args, kwds, &filterfalse_type, "filterfalse");
}

static PyObject *
starmap_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return funcit_new(type, args, kwds, &starmap_type, "starmap");
}

static void
funcit_dealloc(PyObject *self)
{
    funcitobject *lz = (funcitobject *)self;
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->func);
    Py_XDECREF(lz->it);
    Py_TYPE(lz)->tp_free(lz);
}

static int
funcit_traverse(PyObject *self, visitproc visit, void *arg)
{
    funcitobject *lz = (funcitobject *)self;
    Py_VISIT(lz->it);
    Py_VISIT(lz->func);
    return 0;
}

/* 1 / 0 / -1: truth of func(item). */
static int
call_pred(PyObject *func, PyObject *item)
{
    PyObject *good = PyObject_CallOneArg(func, item);
    if (good == NULL)
        return -1;
    int ok = PyObject_IsTrue(good);
    Py_DECREF(good);
    return ok;
}

static PyObject *
dropwhile_next(PyObject *self)
{
    funcitobject *lz = (funcitobject *)self;
    iternextfunc iternext = Py_TYPE(lz->it)->tp_iternext;
    for (;;) {
        PyObject *item = iternext(lz->it);
        if (item == NULL)
            return NULL;
        if (lz->state == 1)
            return item;
        int ok = call_pred(lz->func, item);
        if (ok < 0) {
            Py_DECREF(item);
            return NULL;
        }
        if (ok == 0) {
            lz->state = 1;
            return item;
        }
        Py_DECREF(item);
    }
}

static PyObject *
takewhile_next(PyObject *self)
{
    funcitobject *lz = (funcitobject *)self;
    if (lz->state == 1)
        return NULL;
    PyObject *item = Py_TYPE(lz->it)->tp_iternext(lz->it);
    if (item == NULL)
        return NULL;
    int ok = call_pred(lz->func, item);
    if (ok < 0) {
        Py_DECREF(item);
        return NULL;
    }
    if (ok > 0)
        return item;
    Py_DECREF(item);
    lz->state = 1;
    return NULL;
}

static PyObject *
filterfalse_next(PyObject *self)
{
    funcitobject *lz = (funcitobject *)self;
    iternextfunc iternext = Py_TYPE(lz->it)->tp_iternext;
    for (;;) {
        PyObject *item = iternext(lz->it);
        if (item == NULL)
            return NULL;
        int ok;
        if (lz->func == Py_None || lz->func == (PyObject *)&PyBool_Type)
            ok = PyObject_IsTrue(item);
        else
            ok = call_pred(lz->func, item);
        if (ok == 0)
            return item;
        Py_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

static PyObject *
starmap_next(PyObject *self)
{
    funcitobject *lz = (funcitobject *)self;
    PyObject *args = Py_TYPE(lz->it)->tp_iternext(lz->it);
    if (args == NULL)
        return NULL;
    if (!PyTuple_CheckExact(args)) {
        PyObject *t = PySequence_Tuple(args);
        Py_DECREF(args);
        if (t == NULL)
            return NULL;
        args = t;
    }
    PyObject *result = PyObject_Call(lz->func, args, NULL);
    Py_DECREF(args);
    return result;
}

#define FUNCIT_TYPE(NAME, DOC)                                            \
static PyTypeObject NAME##_type = {                                       \
    PyVarObject_HEAD_INIT(&PyType_Type, 0)                                \
    .tp_name = "itertools." #NAME,                                        \
    .tp_basicsize = sizeof(funcitobject),                                 \
    .tp_dealloc = funcit_dealloc,                                         \
    .tp_getattro = PyObject_GenericGetAttr,                               \
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE, \
    .tp_doc = DOC,                                                        \
    .tp_traverse = funcit_traverse,                                       \
    .tp_iter = PyObject_SelfIter,                                         \
    .tp_iternext = NAME##_next,                                           \
    .tp_alloc = PyType_GenericAlloc,                                      \
    .tp_new = NAME##_new,                                                 \
    .tp_free = PyObject_GC_Del,                                           \
};

FUNCIT_TYPE(dropwhile, "dropwhile(predicate, iterable, /)\n--\n\n"
            "The items of iterable from the first one for which predicate is false.")
FUNCIT_TYPE(takewhile, "takewhile(predicate, iterable, /)\n--\n\n"
            "The items of iterable up to the first one for which predicate is false.")
FUNCIT_TYPE(filterfalse, "filterfalse(function, iterable, /)\n--\n\n"
            "The items of iterable for which function(item) is false (the false items when function is None).")
FUNCIT_TYPE(starmap, "starmap(function, iterable, /)\n--\n\n"
            "function(*args) for each argument tuple args of iterable.")

/* ------------------------------------------------------------------ */
/* groupby and _grouper                                                */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *it;
    PyObject *keyfunc;
    PyObject *tgtkey;
    PyObject *currkey;
    PyObject *currvalue;
    PyObject *currgrouper;  /* identity only: not a reference */
} groupbyobject;

typedef struct {
    PyObject_HEAD
    PyObject *parent;
    PyObject *tgtkey;
} grouperobject;

static PyTypeObject groupby_type, grouper_type;

static PyObject *
groupby_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"iterable", "key", NULL};
    PyObject *out[2];
    if (!parse_new_args("groupby", args, kwds, kwlist, 0, 1, 2, 0, out))
        return NULL;
    PyObject *it = PyObject_GetIter(out[0]);
    if (it == NULL)
        return NULL;
    groupbyobject *gbo = (groupbyobject *)type->tp_alloc(type, 0);
    if (gbo == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    gbo->it = it;
    gbo->keyfunc = Py_NewRef(out[1] ? out[1] : Py_None);
    gbo->tgtkey = gbo->currkey = gbo->currvalue = NULL;
    gbo->currgrouper = NULL;
    return (PyObject *)gbo;
}

static void
groupby_dealloc(PyObject *self)
{
    groupbyobject *gbo = (groupbyobject *)self;
    PyObject_GC_UnTrack(gbo);
    Py_XDECREF(gbo->it);
    Py_XDECREF(gbo->keyfunc);
    Py_XDECREF(gbo->tgtkey);
    Py_XDECREF(gbo->currkey);
    Py_XDECREF(gbo->currvalue);
    Py_TYPE(gbo)->tp_free(gbo);
}

static int
groupby_traverse(PyObject *self, visitproc visit, void *arg)
{
    groupbyobject *gbo = (groupbyobject *)self;
    Py_VISIT(gbo->it);
    Py_VISIT(gbo->keyfunc);
    Py_VISIT(gbo->tgtkey);
    Py_VISIT(gbo->currkey);
    Py_VISIT(gbo->currvalue);
    return 0;
}

/* Read the next value and its key into currvalue/currkey.  0, or -1 at
   the end (no exception) or on error. */
static int
groupby_step(groupbyobject *gbo)
{
    PyObject *newvalue = PyIter_Next(gbo->it);
    if (newvalue == NULL)
        return -1;
    PyObject *newkey;
    if (gbo->keyfunc == Py_None)
        newkey = Py_NewRef(newvalue);
    else {
        newkey = PyObject_CallOneArg(gbo->keyfunc, newvalue);
        if (newkey == NULL) {
            Py_DECREF(newvalue);
            return -1;
        }
    }
    Py_XSETREF(gbo->currvalue, newvalue);
    Py_XSETREF(gbo->currkey, newkey);
    return 0;
}

static PyObject *
grouper_create(groupbyobject *parent, PyObject *tgtkey)
{
    grouperobject *igo = PyObject_GC_New(grouperobject, &grouper_type);
    if (igo == NULL)
        return NULL;
    igo->parent = Py_NewRef(parent);
    igo->tgtkey = Py_NewRef(tgtkey);
    parent->currgrouper = (PyObject *)igo;
    PyObject_GC_Track(igo);
    return (PyObject *)igo;
}

static PyObject *
groupby_next(PyObject *self)
{
    groupbyobject *gbo = (groupbyobject *)self;
    gbo->currgrouper = NULL;
    /* Skip the rest of the current group. */
    for (;;) {
        if (gbo->currkey == NULL)
            ;
        else if (gbo->tgtkey == NULL)
            break;
        else {
            int rcmp = PyObject_RichCompareBool(gbo->tgtkey, gbo->currkey, Py_EQ);
            if (rcmp == -1)
                return NULL;
            if (rcmp == 0)
                break;
        }
        if (groupby_step(gbo) < 0)
            return NULL;
    }
    Py_XSETREF(gbo->tgtkey, Py_NewRef(gbo->currkey));
    PyObject *grouper = grouper_create(gbo, gbo->tgtkey);
    if (grouper == NULL)
        return NULL;
    PyObject *r = PyTuple_Pack(2, gbo->currkey, grouper);
    Py_DECREF(grouper);
    return r;
}

PyDoc_STRVAR(groupby_doc,
"groupby(iterable, key=None)\n--\n\nPairs (key, group) for each run of consecutive items of iterable with equal key(item) (the item itself when key is None).");

static PyTypeObject groupby_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.groupby",
    .tp_basicsize = sizeof(groupbyobject),
    .tp_dealloc = groupby_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = groupby_doc,
    .tp_traverse = groupby_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = groupby_next,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = groupby_new,
    .tp_free = PyObject_GC_Del,
};

static PyObject *
grouper_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("_grouper", kwds))
        return NULL;
    if (!_PyArg_CheckPositional("_grouper", PyTuple_GET_SIZE(args), 2, 2))
        return NULL;
    PyObject *parent = PyTuple_GET_ITEM(args, 0);
    if (!PyObject_TypeCheck(parent, &groupby_type)) {
        PyErr_Format(PyExc_TypeError, "_grouper() argument 1 must be itertools.groupby, not %.200s",
                     Py_TYPE(parent)->tp_name);
        return NULL;
    }
    return grouper_create((groupbyobject *)parent, PyTuple_GET_ITEM(args, 1));
}

static void
grouper_dealloc(PyObject *self)
{
    grouperobject *igo = (grouperobject *)self;
    PyObject_GC_UnTrack(igo);
    Py_DECREF(igo->parent);
    Py_DECREF(igo->tgtkey);
    PyObject_GC_Del(igo);
}

static int
grouper_traverse(PyObject *self, visitproc visit, void *arg)
{
    grouperobject *igo = (grouperobject *)self;
    Py_VISIT(igo->parent);
    Py_VISIT(igo->tgtkey);
    return 0;
}

static PyObject *
grouper_next(PyObject *self)
{
    grouperobject *igo = (grouperobject *)self;
    groupbyobject *gbo = (groupbyobject *)igo->parent;
    if (gbo->currgrouper != self)
        return NULL;
    if (gbo->currvalue == NULL) {
        if (groupby_step(gbo) < 0)
            return NULL;
    }
    int rcmp = PyObject_RichCompareBool(igo->tgtkey, gbo->currkey, Py_EQ);
    if (rcmp <= 0)
        return NULL;        /* an error, or the group ended */
    PyObject *r = gbo->currvalue;
    gbo->currvalue = NULL;
    Py_CLEAR(gbo->currkey);
    return r;
}

static PyTypeObject grouper_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools._grouper",
    .tp_basicsize = sizeof(grouperobject),
    .tp_dealloc = grouper_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = grouper_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = grouper_next,
    .tp_new = grouper_new,
};

/* ------------------------------------------------------------------ */
/* islice                                                              */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *it;
    Py_ssize_t next;
    Py_ssize_t stop;        /* -1: no limit */
    Py_ssize_t step;
    Py_ssize_t cnt;
} isliceobject;

static PyTypeObject islice_type;

static PyObject *
islice_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (IS_BASE(type, islice_type) && !_PyArg_NoKeywords("islice", kwds))
        return NULL;
    Py_ssize_t numargs = PyTuple_GET_SIZE(args);
    if (!_PyArg_CheckPositional("islice", numargs, 2, 4))
        return NULL;
    PyObject *seq = PyTuple_GET_ITEM(args, 0);
    PyObject *a1 = PyTuple_GET_ITEM(args, 1);
    PyObject *a2 = numargs > 2 ? PyTuple_GET_ITEM(args, 2) : NULL;
    PyObject *a3 = numargs > 3 ? PyTuple_GET_ITEM(args, 3) : NULL;
    Py_ssize_t start = 0, stop = -1, step = 1;
    static const char stop_msg[] =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

    if (numargs == 2) {
        if (a1 != Py_None) {
            stop = PyNumber_AsSsize_t(a1, PyExc_OverflowError);
            if (stop == -1) {
                if (PyErr_Occurred())
                    PyErr_Clear();
                PyErr_SetString(PyExc_ValueError, stop_msg);
                return NULL;
            }
        }
    }
    else {
        if (a1 != Py_None) {
            start = PyNumber_AsSsize_t(a1, PyExc_OverflowError);
            if (start == -1 && PyErr_Occurred())
                PyErr_Clear();
        }
        if (a2 != Py_None) {
            stop = PyNumber_AsSsize_t(a2, PyExc_OverflowError);
            if (stop == -1) {
                if (PyErr_Occurred())
                    PyErr_Clear();
                PyErr_SetString(PyExc_ValueError, stop_msg);
                return NULL;
            }
        }
    }
    if (start < 0 || stop < -1) {
        PyErr_SetString(PyExc_ValueError,
                        "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        return NULL;
    }
    if (a3 != NULL && a3 != Py_None) {
        step = PyNumber_AsSsize_t(a3, PyExc_OverflowError);
        if (step == -1 && PyErr_Occurred())
            PyErr_Clear();
    }
    if (step < 1) {
        PyErr_SetString(PyExc_ValueError,
                        "Step for islice() must be a positive integer or None.");
        return NULL;
    }
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL)
        return NULL;
    isliceobject *lz = (isliceobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    lz->it = it;
    lz->next = start;
    lz->stop = stop;
    lz->step = step;
    lz->cnt = 0;
    return (PyObject *)lz;
}

static void
islice_dealloc(PyObject *self)
{
    isliceobject *lz = (isliceobject *)self;
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->it);
    Py_TYPE(lz)->tp_free(lz);
}

static int
islice_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((isliceobject *)self)->it);
    return 0;
}

static PyObject *
islice_next(PyObject *self)
{
    isliceobject *lz = (isliceobject *)self;
    PyObject *it = lz->it;
    if (it == NULL)
        return NULL;
    Py_ssize_t stop = lz->stop;
    iternextfunc iternext = Py_TYPE(it)->tp_iternext;
    PyObject *item;
    while (lz->cnt < lz->next) {
        item = iternext(it);
        if (item == NULL)
            goto empty;
        Py_DECREF(item);
        lz->cnt++;
    }
    if (stop != -1 && lz->cnt >= stop)
        goto empty;
    item = iternext(it);
    if (item == NULL)
        goto empty;
    lz->cnt++;
    Py_ssize_t oldnext = lz->next;
    lz->next = (Py_ssize_t)((size_t)lz->next + (size_t)lz->step);
    if (lz->next < oldnext || (stop != -1 && lz->next > stop))
        lz->next = stop;
    return item;

empty:
    Py_CLEAR(lz->it);
    return NULL;
}

PyDoc_STRVAR(islice_doc,
"islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object\n\nThe items of iterable at the positions range(start, stop, step) would give; None means 0, no limit and 1.");

static PyTypeObject islice_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.islice",
    .tp_basicsize = sizeof(isliceobject),
    .tp_dealloc = islice_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = islice_doc,
    .tp_traverse = islice_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = islice_next,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = islice_new,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* pairwise                                                            */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *it;
    PyObject *old;
} pairwiseobject;

static PyTypeObject pairwise_type;

static PyObject *
pairwise_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (IS_BASE(type, pairwise_type) && !_PyArg_NoKeywords("pairwise", kwds))
        return NULL;
    if (!_PyArg_CheckPositional("pairwise", PyTuple_GET_SIZE(args), 1, 1))
        return NULL;
    PyObject *it = PyObject_GetIter(PyTuple_GET_ITEM(args, 0));
    if (it == NULL)
        return NULL;
    pairwiseobject *po = (pairwiseobject *)type->tp_alloc(type, 0);
    if (po == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    po->it = it;
    po->old = NULL;
    return (PyObject *)po;
}

static void
pairwise_dealloc(PyObject *self)
{
    pairwiseobject *po = (pairwiseobject *)self;
    PyObject_GC_UnTrack(po);
    Py_XDECREF(po->it);
    Py_XDECREF(po->old);
    Py_TYPE(po)->tp_free(po);
}

static int
pairwise_traverse(PyObject *self, visitproc visit, void *arg)
{
    pairwiseobject *po = (pairwiseobject *)self;
    Py_VISIT(po->it);
    Py_VISIT(po->old);
    return 0;
}

static PyObject *
pairwise_next(PyObject *self)
{
    pairwiseobject *po = (pairwiseobject *)self;
    PyObject *it = po->it;
    if (it == NULL)
        return NULL;
    if (po->old == NULL) {
        po->old = Py_TYPE(it)->tp_iternext(it);
        if (po->old == NULL) {
            Py_CLEAR(po->it);
            return NULL;
        }
        it = po->it;
        if (it == NULL) {       /* a re-entrant call finished us */
            Py_CLEAR(po->old);
            return NULL;
        }
    }
    PyObject *new = Py_TYPE(it)->tp_iternext(it);
    if (new == NULL) {
        Py_CLEAR(po->it);
        Py_CLEAR(po->old);
        return NULL;
    }
    PyObject *old = po->old;
    if (old == NULL) {
        Py_DECREF(new);
        return NULL;
    }
    PyObject *result = PyTuple_Pack(2, old, new);
    Py_XSETREF(po->old, new);
    return result;
}

PyDoc_STRVAR(pairwise_doc,
"pairwise(iterable, /)\n--\n\nOverlapping pairs of consecutive items: (s0, s1), (s1, s2), ...");

static PyTypeObject pairwise_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.pairwise",
    .tp_basicsize = sizeof(pairwiseobject),
    .tp_dealloc = pairwise_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = pairwise_doc,
    .tp_traverse = pairwise_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = pairwise_next,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = pairwise_new,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* tee                                                                 */
/* ------------------------------------------------------------------ */

#define TEE_BLOCK 57

typedef struct teedata {
    PyObject_HEAD
    PyObject *it;               /* the shared source */
    int numread;                /* values filled in this block */
    int running;                /* reading from the source right now */
    struct teedata *nextlink;   /* next block, or NULL */
    PyObject *values[TEE_BLOCK];
} teedataobject;

typedef struct {
    PyObject_HEAD
    teedataobject *dataobj;
    int index;
    PyObject *weakreflist;
} teeobject;

static PyTypeObject teedata_type, tee_type;

static teedataobject *
teedata_new(PyObject *it)
{
    teedataobject *tdo = PyObject_GC_New(teedataobject, &teedata_type);
    if (tdo == NULL)
        return NULL;
    tdo->running = 0;
    tdo->numread = 0;
    tdo->nextlink = NULL;
    tdo->it = Py_NewRef(it);
    PyObject_GC_Track(tdo);
    return tdo;
}

/* New reference: the block after tdo (created on demand). */
static teedataobject *
teedata_jumplink(teedataobject *tdo)
{
    if (tdo->nextlink == NULL) {
        tdo->nextlink = teedata_new(tdo->it);
        if (tdo->nextlink == NULL)
            return NULL;
    }
    Py_INCREF(tdo->nextlink);
    return tdo->nextlink;
}

static PyObject *
teedata_getitem(teedataobject *tdo, int i)
{
    if (i < tdo->numread)
        return Py_NewRef(tdo->values[i]);
    /* i == numread: read one more value from the source */
    if (tdo->running) {
        PyErr_SetString(PyExc_RuntimeError, "cannot re-enter the tee iterator");
        return NULL;
    }
    tdo->running = 1;
    PyObject *value = PyIter_Next(tdo->it);
    tdo->running = 0;
    if (value == NULL)
        return NULL;
    tdo->values[tdo->numread++] = value;
    return Py_NewRef(value);
}

static int
teedata_traverse(PyObject *self, visitproc visit, void *arg)
{
    teedataobject *tdo = (teedataobject *)self;
    Py_VISIT(tdo->it);
    for (int i = 0; i < tdo->numread; i++)
        Py_VISIT(tdo->values[i]);
    Py_VISIT(tdo->nextlink);
    return 0;
}

/* Drop a block whose successors might form a very long chain: unlink
   each successor we hold the last reference to before releasing it, so
   the deallocations do not nest. */
static void
teedata_safe_decref(teedataobject *obj)
{
    while (obj != NULL && Py_REFCNT(obj) == 1) {
        teedataobject *next = obj->nextlink;
        obj->nextlink = NULL;
        Py_DECREF(obj);
        obj = next;
    }
    Py_XDECREF(obj);
}

static int
teedata_clear(PyObject *self)
{
    teedataobject *tdo = (teedataobject *)self;
    Py_CLEAR(tdo->it);
    int n = tdo->numread;
    tdo->numread = 0;
    for (int i = 0; i < n; i++)
        Py_CLEAR(tdo->values[i]);
    teedataobject *next = tdo->nextlink;
    tdo->nextlink = NULL;
    teedata_safe_decref(next);
    return 0;
}

static void
teedata_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    teedata_clear(self);
    PyObject_GC_Del(self);
}

static PyTypeObject teedata_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools._tee_dataobject",
    .tp_basicsize = sizeof(teedataobject),
    .tp_dealloc = teedata_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = teedata_traverse,
    .tp_clear = teedata_clear,
};

static PyObject *
tee_fromiterable(PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    if (PyObject_TypeCheck(it, &tee_type)) {
        /* copy it */
        teeobject *src = (teeobject *)it;
        teeobject *to = PyObject_GC_New(teeobject, &tee_type);
        if (to == NULL) {
            Py_DECREF(it);
            return NULL;
        }
        to->dataobj = (teedataobject *)Py_NewRef(src->dataobj);
        to->index = src->index;
        to->weakreflist = NULL;
        PyObject_GC_Track(to);
        Py_DECREF(it);
        return (PyObject *)to;
    }
    teeobject *to = PyObject_GC_New(teeobject, &tee_type);
    if (to == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    to->dataobj = teedata_new(it);
    Py_DECREF(it);
    if (to->dataobj == NULL) {
        to->index = 0;
        to->weakreflist = NULL;
        Py_DECREF(to);
        return NULL;
    }
    to->index = 0;
    to->weakreflist = NULL;
    PyObject_GC_Track(to);
    return (PyObject *)to;
}

static PyObject *
tee_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("_tee", kwds))
        return NULL;
    if (!_PyArg_CheckPositional("_tee", PyTuple_GET_SIZE(args), 1, 1))
        return NULL;
    return tee_fromiterable(PyTuple_GET_ITEM(args, 0));
}

static PyObject *
tee_copy(PyObject *self, PyObject *unused)
{
    teeobject *to = (teeobject *)self;
    teeobject *newto = PyObject_GC_New(teeobject, &tee_type);
    if (newto == NULL)
        return NULL;
    newto->dataobj = (teedataobject *)Py_NewRef(to->dataobj);
    newto->index = to->index;
    newto->weakreflist = NULL;
    PyObject_GC_Track(newto);
    return (PyObject *)newto;
}

static PyObject *
tee_next(PyObject *self)
{
    teeobject *to = (teeobject *)self;
    if (to->index >= TEE_BLOCK) {
        teedataobject *link = teedata_jumplink(to->dataobj);
        if (link == NULL)
            return NULL;
        teedataobject *old = to->dataobj;
        to->dataobj = link;
        to->index = 0;
        teedata_safe_decref(old);
    }
    PyObject *value = teedata_getitem(to->dataobj, to->index);
    if (value == NULL)
        return NULL;
    to->index++;
    return value;
}

static int
tee_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT((PyObject *)((teeobject *)self)->dataobj);
    return 0;
}

static int
tee_clear(PyObject *self)
{
    teeobject *to = (teeobject *)self;
    if (to->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    teedataobject *d = to->dataobj;
    to->dataobj = NULL;
    teedata_safe_decref(d);
    return 0;
}

static void
tee_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    tee_clear(self);
    PyObject_GC_Del(self);
}

static PyMethodDef tee_methods[] = {
    {"__copy__", tee_copy, METH_NOARGS, "A new iterator at the same position."},
    {NULL, NULL}
};

static PyTypeObject tee_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools._tee",
    .tp_basicsize = sizeof(teeobject),
    .tp_dealloc = tee_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "One of the iterators made by tee(); copyable.",
    .tp_traverse = tee_traverse,
    .tp_clear = tee_clear,
    .tp_weaklistoffset = offsetof(teeobject, weakreflist),
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = tee_next,
    .tp_methods = tee_methods,
    .tp_new = tee_new,
};

/* tee(iterable, n=2, /) -> tuple of n iterators. */
static PyObject *
itertools_tee(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("tee", nargs, 1, 2))
        return NULL;
    Py_ssize_t n = 2;
    if (nargs > 1) {
        if (PyFloat_Check(args[1])) {
            PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
            return NULL;
        }
        n = as_ssize(args[1]);
        if (n == -1 && PyErr_Occurred())
            return NULL;
    }
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "n must be >= 0");
        return NULL;
    }
    PyObject *result = PyTuple_New(n);
    if (result == NULL || n == 0)
        return result;
    PyObject *it = PyObject_GetIter(args[0]);
    if (it == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    PyObject *copyfunc;
    if (_PyObject_LookupAttr(it, _Py_ID(__copy__), &copyfunc) < 0) {
        Py_DECREF(it);
        Py_DECREF(result);
        return NULL;
    }
    PyObject *to;
    if (copyfunc != NULL)
        to = it;
    else {
        to = tee_fromiterable(it);
        Py_DECREF(it);
        if (to == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        copyfunc = PyObject_GetAttr(to, _Py_ID(__copy__));
        if (copyfunc == NULL) {
            Py_DECREF(to);
            Py_DECREF(result);
            return NULL;
        }
    }
    PyTuple_SET_ITEM(result, 0, to);
    for (Py_ssize_t i = 1; i < n; i++) {
        to = PyObject_CallNoArgs(copyfunc);
        if (to == NULL) {
            Py_DECREF(copyfunc);
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, to);
    }
    Py_DECREF(copyfunc);
    return result;
}

/* ------------------------------------------------------------------ */
/* zip_longest                                                         */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t tuplesize;
    Py_ssize_t numactive;
    PyObject *ittuple;      /* tuple of iterators (None once exhausted) */
    PyObject *result;
    PyObject *fillvalue;
} ziplongestobject;

static PyObject *
zip_longest_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *fillvalue = Py_None;
    if (kwds != NULL && PyDict_CheckExact(kwds) && PyDict_GET_SIZE(kwds) > 0) {
        fillvalue = NULL;
        if (PyDict_GET_SIZE(kwds) == 1)
            fillvalue = PyDict_GetItemWithError(kwds, _Py_ID(fillvalue));
        if (fillvalue == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError,
                                "zip_longest() got an unexpected keyword argument");
            return NULL;
        }
    }
    Py_ssize_t tuplesize = PyTuple_GET_SIZE(args);
    PyObject *ittuple = PyTuple_New(tuplesize);
    if (ittuple == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < tuplesize; i++) {
        PyObject *it = PyObject_GetIter(PyTuple_GET_ITEM(args, i));
        if (it == NULL) {
            Py_DECREF(ittuple);
            return NULL;
        }
        PyTuple_SET_ITEM(ittuple, i, it);
    }
    PyObject *result = PyTuple_New(tuplesize);
    if (result == NULL) {
        Py_DECREF(ittuple);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < tuplesize; i++)
        PyTuple_SET_ITEM(result, i, Py_NewRef(Py_None));
    ziplongestobject *lz = (ziplongestobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(ittuple);
        Py_DECREF(result);
        return NULL;
    }
    lz->ittuple = ittuple;
    lz->tuplesize = tuplesize;
    lz->numactive = tuplesize;
    lz->result = result;
    lz->fillvalue = Py_NewRef(fillvalue);
    return (PyObject *)lz;
}

static void
zip_longest_dealloc(PyObject *self)
{
    ziplongestobject *lz = (ziplongestobject *)self;
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->ittuple);
    Py_XDECREF(lz->result);
    Py_XDECREF(lz->fillvalue);
    Py_TYPE(lz)->tp_free(lz);
}

static int
zip_longest_traverse(PyObject *self, visitproc visit, void *arg)
{
    ziplongestobject *lz = (ziplongestobject *)self;
    Py_VISIT(lz->ittuple);
    Py_VISIT(lz->result);
    Py_VISIT(lz->fillvalue);
    return 0;
}

/* New reference: the next item of iterator i, the fill value when that
   iterator is done, or NULL when everything is done / on error. */
static PyObject *
zip_longest_item(ziplongestobject *lz, Py_ssize_t i)
{
    PyObject *it = PyTuple_GET_ITEM(lz->ittuple, i);
    if (it == Py_None)
        return Py_NewRef(lz->fillvalue);
    PyObject *item = PyIter_Next(it);
    if (item != NULL)
        return item;
    lz->numactive--;
    if (lz->numactive == 0 || PyErr_Occurred()) {
        lz->numactive = 0;
        return NULL;
    }
    PyTuple_SET_ITEM(lz->ittuple, i, Py_NewRef(Py_None));
    Py_DECREF(it);
    return Py_NewRef(lz->fillvalue);
}

static PyObject *
zip_longest_next(PyObject *self)
{
    ziplongestobject *lz = (ziplongestobject *)self;
    Py_ssize_t n = lz->tuplesize;
    if (n == 0 || lz->numactive == 0)
        return NULL;
    PyObject *result = reusable_tuple(lz->result);
    if (result != NULL) {
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *item = zip_longest_item(lz, i);
            if (item == NULL) {
                Py_DECREF(result);
                return NULL;
            }
            PyObject *old = PyTuple_GET_ITEM(result, i);
            PyTuple_SET_ITEM(result, i, item);
            Py_DECREF(old);
        }
        return result;
    }
    result = PyTuple_New(n);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = zip_longest_item(lz, i);
        if (item == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, item);
    }
    return result;
}

PyDoc_STRVAR(zip_longest_doc,
"zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object\n\nTuples of the i-th items of every iterable, until the longest one is exhausted; shorter ones contribute fillvalue.");

static PyTypeObject zip_longest_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.zip_longest",
    .tp_basicsize = sizeof(ziplongestobject),
    .tp_dealloc = zip_longest_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = zip_longest_doc,
    .tp_traverse = zip_longest_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = zip_longest_next,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = zip_longest_new,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* combinatorics: shared object layout                                 */
/* ------------------------------------------------------------------ */

/* product, permutations, combinations and combinations_with_replacement
   keep a tuple `pool` (product: a tuple of pools), an array of indices
   (permutations also cycles), the last result and a stopped flag. */
typedef struct {
    PyObject_HEAD
    PyObject *pool;
    Py_ssize_t *indices;
    Py_ssize_t *cycles;
    PyObject *result;
    Py_ssize_t r;
    int stopped;
} combiobject;

static void
combi_dealloc(PyObject *self)
{
    combiobject *co = (combiobject *)self;
    PyObject_GC_UnTrack(co);
    Py_XDECREF(co->pool);
    Py_XDECREF(co->result);
    PyMem_Free(co->indices);
    PyMem_Free(co->cycles);
    Py_TYPE(co)->tp_free(co);
}

static int
combi_traverse(PyObject *self, visitproc visit, void *arg)
{
    combiobject *co = (combiobject *)self;
    Py_VISIT(co->pool);
    Py_VISIT(co->result);
    return 0;
}

static combiobject *
combi_alloc(PyTypeObject *type, PyObject *pool, Py_ssize_t nindices, Py_ssize_t ncycles)
{
    Py_ssize_t *indices = NULL, *cycles = NULL;
    if (nindices > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(Py_ssize_t)) {
        PyErr_NoMemory();
        return NULL;
    }
    indices = PyMem_Malloc((size_t)(nindices ? nindices : 1) * sizeof(Py_ssize_t));
    if (ncycles > 0)
        cycles = PyMem_Malloc((size_t)ncycles * sizeof(Py_ssize_t));
    if (indices == NULL || (ncycles > 0 && cycles == NULL)) {
        PyMem_Free(indices);
        PyMem_Free(cycles);
        PyErr_NoMemory();
        return NULL;
    }
    combiobject *co = (combiobject *)type->tp_alloc(type, 0);
    if (co == NULL) {
        PyMem_Free(indices);
        PyMem_Free(cycles);
        return NULL;
    }
    co->pool = Py_NewRef(pool);
    co->indices = indices;
    co->cycles = cycles;
    co->result = NULL;
    co->r = 0;
    co->stopped = 0;
    return co;
}

/* Store item (stolen) at position i of a result being refilled. */
static inline void
tuple_replace(PyObject *t, Py_ssize_t i, PyObject *item)
{
    PyObject *old = PyTuple_GET_ITEM(t, i);
    PyTuple_SET_ITEM(t, i, item);
    Py_DECREF(old);
}

/* The result for the current indices: a refilled copy of co->result if
   the caller dropped it, else a new tuple that becomes co->result.
   pools: product uses per-position pools. */
static PyObject *
combi_emit(combiobject *co, int is_product)
{
    Py_ssize_t r = co->r;
    PyObject *result = reusable_tuple(co->result);
    int fresh = 0;
    if (result == NULL) {
        result = PyTuple_New(r);
        if (result == NULL)
            return NULL;
        fresh = 1;
    }
    for (Py_ssize_t i = 0; i < r; i++) {
        PyObject *pool = is_product ? PyTuple_GET_ITEM(co->pool, i) : co->pool;
        PyObject *elem = Py_NewRef(PyTuple_GET_ITEM(pool, co->indices[i]));
        if (fresh)
            PyTuple_SET_ITEM(result, i, elem);
        else
            tuple_replace(result, i, elem);
    }
    if (fresh)
        Py_XSETREF(co->result, Py_NewRef(result));
    return result;
}

/* ------------------------------------------------------------------ */
/* product                                                             */
/* ------------------------------------------------------------------ */

static PyObject *
product_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t repeat = 1;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        static const char *const kwlist[] = {"repeat", NULL};
        PyObject *out[1];
        PyObject *empty = PyTuple_New(0);
        if (empty == NULL)
            return NULL;
        int ok = parse_new_args("product", empty, kwds, kwlist, 0, 0, 0, 0, out);
        Py_DECREF(empty);
        if (!ok)
            return NULL;
        if (out[0] != NULL) {
            if (PyFloat_Check(out[0])) {
                PyErr_SetString(PyExc_TypeError,
                                "'float' object cannot be interpreted as an integer");
                return NULL;
            }
            repeat = as_ssize(out[0]);
            if (repeat == -1 && PyErr_Occurred())
                return NULL;
            if (repeat < 0) {
                PyErr_SetString(PyExc_ValueError, "repeat argument cannot be negative");
                return NULL;
            }
        }
    }
    Py_ssize_t nargs = repeat == 0 ? 0 : PyTuple_GET_SIZE(args);
    if (repeat && (size_t)nargs > PY_SSIZE_T_MAX / sizeof(Py_ssize_t) / (size_t)repeat) {
        PyErr_SetString(PyExc_OverflowError, "repeat argument too large");
        return NULL;
    }
    Py_ssize_t npools = nargs * repeat;
    PyObject *pools = PyTuple_New(npools);
    if (pools == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *pool = PySequence_Tuple(PyTuple_GET_ITEM(args, i));
        if (pool == NULL) {
            Py_DECREF(pools);
            return NULL;
        }
        PyTuple_SET_ITEM(pools, i, pool);
    }
    for (Py_ssize_t i = nargs; i < npools; i++)
        PyTuple_SET_ITEM(pools, i, Py_NewRef(PyTuple_GET_ITEM(pools, i - nargs)));
    combiobject *co = combi_alloc(type, pools, npools, 0);
    Py_DECREF(pools);
    if (co == NULL)
        return NULL;
    co->r = npools;
    for (Py_ssize_t i = 0; i < npools; i++)
        co->indices[i] = 0;
    return (PyObject *)co;
}

static PyObject *
product_next(PyObject *self)
{
    combiobject *co = (combiobject *)self;
    if (co->stopped)
        return NULL;
    Py_ssize_t npools = co->r;
    if (co->result == NULL) {
        /* First pass: every pool must be non-empty. */
        for (Py_ssize_t i = 0; i < npools; i++) {
            if (PyTuple_GET_SIZE(PyTuple_GET_ITEM(co->pool, i)) == 0) {
                co->stopped = 1;
                return NULL;
            }
        }
        return combi_emit(co, 1);
    }
    /* Odometer: advance the rightmost index that can move. */
    Py_ssize_t i = npools - 1;
    for (; i >= 0; i--) {
        PyObject *pool = PyTuple_GET_ITEM(co->pool, i);
        co->indices[i]++;
        if (co->indices[i] < PyTuple_GET_SIZE(pool))
            break;
        co->indices[i] = 0;
    }
    if (i < 0) {
        co->stopped = 1;
        return NULL;
    }
    return combi_emit(co, 1);
}

PyDoc_STRVAR(product_doc,
"product(*iterables, repeat=1) --> product object\n\nCartesian product of the iterables (each repeated `repeat` times), in the order of nested for-loops with the last iterable innermost.");

static PyTypeObject product_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.product",
    .tp_basicsize = sizeof(combiobject),
    .tp_dealloc = combi_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = product_doc,
    .tp_traverse = combi_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = product_next,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = product_new,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* combinations and combinations_with_replacement                      */
/* ------------------------------------------------------------------ */

static PyObject *
combinations_common_new(PyTypeObject *type, PyObject *args, PyObject *kwds,
                        const char *name, int with_replacement)
{
    static const char *const kwlist[] = {"iterable", "r", NULL};
    PyObject *out[2];
    if (!parse_new_args(name, args, kwds, kwlist, 0, 2, 2, 0, out))
        return NULL;
    if (PyFloat_Check(out[1])) {
        PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    Py_ssize_t r = as_ssize(out[1]);
    if (r == -1 && PyErr_Occurred())
        return NULL;
    PyObject *pool = PySequence_Tuple(out[0]);
    if (pool == NULL)
        return NULL;
    if (r < 0) {
        PyErr_SetString(PyExc_ValueError, "r must be non-negative");
        Py_DECREF(pool);
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(pool);
    combiobject *co = combi_alloc(type, pool, r, 0);
    Py_DECREF(pool);
    if (co == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < r; i++)
        co->indices[i] = with_replacement ? 0 : i;
    co->r = r;
    co->stopped = with_replacement ? (n == 0 && r > 0) : (r > n);
    return (PyObject *)co;
}

static PyObject *
combinations_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return combinations_common_new(type, args, kwds, "combinations", 0);
}

static PyObject *
cwr_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return combinations_common_new(type, args, kwds, "combinations_with_replacement", 1);
}

static PyObject *
combinations_next(PyObject *self)
{
    combiobject *co = (combiobject *)self;
    if (co->stopped)
        return NULL;
    if (co->result == NULL)
        return combi_emit(co, 0);
    Py_ssize_t n = PyTuple_GET_SIZE(co->pool), r = co->r;
    Py_ssize_t *indices = co->indices;
    /* The rightmost index that is not at its maximum n - r + i. */
    Py_ssize_t i = r - 1;
    while (i >= 0 && indices[i] == i + n - r)
        i--;
    if (i < 0) {
        co->stopped = 1;
        return NULL;
    }
    indices[i]++;
    for (Py_ssize_t j = i + 1; j < r; j++)
        indices[j] = indices[j - 1] + 1;
    return combi_emit(co, 0);
}

static PyObject *
cwr_next(PyObject *self)
{
    combiobject *co = (combiobject *)self;
    if (co->stopped)
        return NULL;
    if (co->result == NULL)
        return combi_emit(co, 0);
    Py_ssize_t n = PyTuple_GET_SIZE(co->pool), r = co->r;
    Py_ssize_t *indices = co->indices;
    /* The rightmost index that is not at n - 1. */
    Py_ssize_t i = r - 1;
    while (i >= 0 && indices[i] == n - 1)
        i--;
    if (i < 0) {
        co->stopped = 1;
        return NULL;
    }
    Py_ssize_t v = indices[i] + 1;
    for (Py_ssize_t j = i; j < r; j++)
        indices[j] = v;
    return combi_emit(co, 0);
}

PyDoc_STRVAR(combinations_doc,
"combinations(iterable, r)\n--\n\nThe r-length subsequences of iterable, in lexicographic order of positions, without repeated positions.");

PyDoc_STRVAR(cwr_doc,
"combinations_with_replacement(iterable, r)\n--\n\nThe r-length subsequences of iterable, in lexicographic order of positions, where a position may repeat.");

static PyTypeObject combinations_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.combinations",
    .tp_basicsize = sizeof(combiobject),
    .tp_dealloc = combi_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = combinations_doc,
    .tp_traverse = combi_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = combinations_next,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = combinations_new,
    .tp_free = PyObject_GC_Del,
};

static PyTypeObject cwr_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.combinations_with_replacement",
    .tp_basicsize = sizeof(combiobject),
    .tp_dealloc = combi_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = cwr_doc,
    .tp_traverse = combi_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = cwr_next,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = cwr_new,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* permutations                                                        */
/* ------------------------------------------------------------------ */

/* indices is a permutation of range(n); the first r positions are the
   current result.  cycles[i] counts down how many more values position i
   takes before it resets (the classic "cycles" enumeration, which yields
   permutations in lexicographic order of positions). */
static PyObject *
permutations_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"iterable", "r", NULL};
    PyObject *out[2];
    if (!parse_new_args("permutations", args, kwds, kwlist, 0, 1, 2, 0, out))
        return NULL;
    PyObject *pool = PySequence_Tuple(out[0]);
    if (pool == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(pool);
    Py_ssize_t r = n;
    if (out[1] != NULL && out[1] != Py_None) {
        if (!PyLong_Check(out[1])) {
            PyErr_SetString(PyExc_TypeError, "Expected int as r");
            Py_DECREF(pool);
            return NULL;
        }
        r = PyLong_AsSsize_t(out[1]);
        if (r == -1 && PyErr_Occurred()) {
            Py_DECREF(pool);
            return NULL;
        }
    }
    if (r < 0) {
        PyErr_SetString(PyExc_ValueError, "r must be non-negative");
        Py_DECREF(pool);
        return NULL;
    }
    combiobject *co = combi_alloc(type, pool, n, r);
    Py_DECREF(pool);
    if (co == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        co->indices[i] = i;
    for (Py_ssize_t i = 0; i < r; i++)
        co->cycles[i] = n - i;
    co->r = r;
    co->stopped = r > n;
    return (PyObject *)co;
}

static PyObject *
permutations_next(PyObject *self)
{
    combiobject *co = (combiobject *)self;
    if (co->stopped)
        return NULL;
    if (co->result == NULL)
        return combi_emit(co, 0);
    Py_ssize_t n = PyTuple_GET_SIZE(co->pool), r = co->r;
    Py_ssize_t *indices = co->indices, *cycles = co->cycles;
    if (n == 0)
        goto done;
    Py_ssize_t i;
    for (i = r - 1; i >= 0; i--) {
        cycles[i]--;
        if (cycles[i] == 0) {
            /* Rotate indices[i:] left by one. */
            Py_ssize_t first = indices[i];
            for (Py_ssize_t j = i; j < n - 1; j++)
                indices[j] = indices[j + 1];
            indices[n - 1] = first;
            cycles[i] = n - i;
        }
        else {
            Py_ssize_t j = cycles[i];
            Py_ssize_t t = indices[i];
            indices[i] = indices[n - j];
            indices[n - j] = t;
            return combi_emit(co, 0);
        }
    }
done:
    co->stopped = 1;
    return NULL;
}

PyDoc_STRVAR(permutations_doc,
"permutations(iterable, r=None)\n--\n\nThe r-length orderings of the items of iterable (all of them when r is None), in lexicographic order of positions.");

static PyTypeObject permutations_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.permutations",
    .tp_basicsize = sizeof(combiobject),
    .tp_dealloc = combi_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = permutations_doc,
    .tp_traverse = combi_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = permutations_next,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = permutations_new,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* the module                                                          */
/* ------------------------------------------------------------------ */

static PyMethodDef itertools_methods[] = {
    {"tee", (PyCFunction)(void (*)(void))itertools_tee, METH_FASTCALL,
     "tee($module, iterable, n=2, /)\n--\n\nA tuple of n iterators that each yield all the items of iterable."},
    {NULL, NULL}
};

PyDoc_STRVAR(module_doc,
"Iterator building blocks.\n\nInfinite: count, cycle, repeat.\nTerminating on the shortest input: accumulate, batched, chain, compress, dropwhile, filterfalse, groupby, islice, pairwise, starmap, takewhile, tee, zip_longest.\nCombinatoric: product, permutations, combinations, combinations_with_replacement.");

static PyModuleDef itertools_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "itertools",
    .m_doc = module_doc,
    .m_size = -1,
    .m_methods = itertools_methods,
};

/* New reference: the itertools module. */
PyObject *
PyInit_itertools(void)
{
    PyTypeObject *exported[] = {
        &accumulate_type, &batched_type, &combinations_type, &cwr_type,
        &cycle_type, &dropwhile_type, &takewhile_type, &islice_type,
        &starmap_type, &chain_type, &compress_type, &filterfalse_type,
        &count_type, &zip_longest_type, &pairwise_type, &permutations_type,
        &product_type, &repeat_type, &groupby_type, &grouper_type, &tee_type,
        &teedata_type,
    };
    PyObject *m = PyModule_Create(&itertools_def);
    if (m == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof(exported) / sizeof(exported[0]); i++) {
        if (PyType_Ready(exported[i]) < 0 || PyModule_AddType(m, exported[i]) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}
