/* dictviews.c -- dict iterators and the keys()/values()/items() views.
 *
 * Iterators walk the entries array of the dict's keys object in order
 * (or backwards for reversed()), skipping deleted entries.  They remember
 * ma_used at creation: a size change raises "dictionary changed size
 * during iteration" (sticky), and finding more entries than expected
 * raises "dictionary keys changed during iteration", as in CPython.  Item
 * iterators recycle their result tuple when nobody else holds it.
 *
 * Views hold a reference to the dict.  Keys and items views are set-like:
 * the binary operators build a set from the left operand and update it
 * with the right one, following CPython 3.12 step by step (this fixes the
 * order of the resulting set).
 */
#include "pycore.h"
#include "rp_object.h"

/* ------------------------------------------------------------------ */
/* iterators                                                           */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyDictObject *di_dict;      /* NULL when exhausted */
    Py_ssize_t di_used;
    Py_ssize_t di_pos;
    PyObject *di_result;        /* reusable (key, value) tuple for items */
    Py_ssize_t len;
} dictiterobject;

static int
is_reverse_type(PyTypeObject *t)
{
    return t == &PyDictRevIterKey_Type || t == &PyDictRevIterValue_Type ||
           t == &PyDictRevIterItem_Type;
}

/* New reference. */
PyObject *
_PyDict_IterNew(PyDictObject *dict, PyTypeObject *itertype)
{
    dictiterobject *di = PyObject_GC_New(dictiterobject, itertype);
    if (di == NULL)
        return NULL;
    di->di_dict = (PyDictObject *)Py_NewRef(dict);
    di->di_used = dict->ma_used;
    di->len = dict->ma_used;
    if (is_reverse_type(itertype))
        di->di_pos = dict->ma_keys->dk_nentries - 1;
    else
        di->di_pos = 0;
    if (itertype == &PyDictIterItem_Type || itertype == &PyDictRevIterItem_Type) {
        di->di_result = PyTuple_Pack(2, Py_None, Py_None);
        if (di->di_result == NULL) {
            Py_DECREF(di);
            return NULL;
        }
    }
    else {
        di->di_result = NULL;
    }
    _PyObject_GC_TRACK((PyObject *)di);
    return (PyObject *)di;
}

static void
dictiter_dealloc(PyObject *self)
{
    dictiterobject *di = (dictiterobject *)self;
    _PyObject_GC_UNTRACK(self);
    Py_XDECREF(di->di_dict);
    Py_XDECREF(di->di_result);
    PyObject_GC_Del(di);
}

static int
dictiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    dictiterobject *di = (dictiterobject *)self;
    Py_VISIT(di->di_dict);
    Py_VISIT(di->di_result);
    return 0;
}

static PyObject *
dictiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    dictiterobject *di = (dictiterobject *)self;
    Py_ssize_t len = 0;
    if (di->di_dict != NULL && di->di_used == di->di_dict->ma_used)
        len = di->len;
    return PyLong_FromSsize_t(len);
}

static PyMethodDef dictiter_methods[] = {
    {"__length_hint__", (PyCFunction)dictiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}
};

/* Find the next live entry going forward; 1 found (*pkey and *pvalue
   borrowed), 0 exhausted or error (iterator released). */
static int
dictiter_advance(dictiterobject *di, PyObject **pkey, PyObject **pvalue)
{
    PyDictObject *d = di->di_dict;
    if (d == NULL)
        return 0;
    if (di->di_used != d->ma_used) {
        PyErr_SetString(PyExc_RuntimeError, "dictionary changed size during iteration");
        di->di_used = -1;       /* sticky */
        return 0;
    }
    Py_ssize_t i = di->di_pos;
    PyDictKeysObject *k = d->ma_keys;
    Py_ssize_t n = k->dk_nentries;
    if (DK_IS_UNICODE(k)) {
        PyDictUnicodeEntry *ep = &DK_UNICODE_ENTRIES(k)[i];
        while (i < n && ep->me_value == NULL) {
            ep++;
            i++;
        }
        if (i >= n)
            goto fail;
        *pkey = ep->me_key;
        *pvalue = ep->me_value;
    }
    else {
        PyDictKeyEntry *ep = &DK_ENTRIES(k)[i];
        while (i < n && ep->me_value == NULL) {
            ep++;
            i++;
        }
        if (i >= n)
            goto fail;
        *pkey = ep->me_key;
        *pvalue = ep->me_value;
    }
    /* an entry we did not expect: keys were replaced meanwhile */
    if (di->len == 0) {
        PyErr_SetString(PyExc_RuntimeError, "dictionary keys changed during iteration");
        goto fail;
    }
    di->di_pos = i + 1;
    di->len--;
    return 1;
fail:
    di->di_dict = NULL;
    Py_DECREF(d);
    return 0;
}

/* Same, going backwards. */
static int
dictreviter_advance(dictiterobject *di, PyObject **pkey, PyObject **pvalue)
{
    PyDictObject *d = di->di_dict;
    if (d == NULL)
        return 0;
    if (di->di_used != d->ma_used) {
        PyErr_SetString(PyExc_RuntimeError, "dictionary changed size during iteration");
        di->di_used = -1;
        return 0;
    }
    Py_ssize_t i = di->di_pos;
    PyDictKeysObject *k = d->ma_keys;
    if (i < 0)
        goto fail;
    if (DK_IS_UNICODE(k)) {
        PyDictUnicodeEntry *ep = &DK_UNICODE_ENTRIES(k)[i];
        while (ep->me_value == NULL) {
            if (--i < 0)
                goto fail;
            ep--;
        }
        *pkey = ep->me_key;
        *pvalue = ep->me_value;
    }
    else {
        PyDictKeyEntry *ep = &DK_ENTRIES(k)[i];
        while (ep->me_value == NULL) {
            if (--i < 0)
                goto fail;
            ep--;
        }
        *pkey = ep->me_key;
        *pvalue = ep->me_value;
    }
    di->di_pos = i - 1;
    di->len--;
    return 1;
fail:
    di->di_dict = NULL;
    Py_DECREF(d);
    return 0;
}

/* (key, value) in the recycled tuple when possible; new reference. */
static PyObject *
dictiter_make_item(dictiterobject *di, PyObject *key, PyObject *value)
{
    PyObject *result = di->di_result;
    if (Py_REFCNT(result) == 1) {
        PyObject *oldkey = PyTuple_GET_ITEM(result, 0);
        PyObject *oldvalue = PyTuple_GET_ITEM(result, 1);
        PyTuple_SET_ITEM(result, 0, Py_NewRef(key));
        PyTuple_SET_ITEM(result, 1, Py_NewRef(value));
        Py_INCREF(result);
        Py_DECREF(oldkey);
        Py_DECREF(oldvalue);
        /* the collector may have untracked the tuple meanwhile */
        if (!_PyObject_GC_IS_TRACKED(result))
            _PyObject_GC_TRACK(result);
        return result;
    }
    result = PyTuple_New(2);
    if (result == NULL)
        return NULL;
    PyTuple_SET_ITEM(result, 0, Py_NewRef(key));
    PyTuple_SET_ITEM(result, 1, Py_NewRef(value));
    return result;
}

static PyObject *
dictiter_iternextkey(PyObject *self)
{
    PyObject *key, *value;
    if (!dictiter_advance((dictiterobject *)self, &key, &value))
        return NULL;
    return Py_NewRef(key);
}

static PyObject *
dictiter_iternextvalue(PyObject *self)
{
    PyObject *key, *value;
    if (!dictiter_advance((dictiterobject *)self, &key, &value))
        return NULL;
    return Py_NewRef(value);
}

static PyObject *
dictiter_iternextitem(PyObject *self)
{
    PyObject *key, *value;
    if (!dictiter_advance((dictiterobject *)self, &key, &value))
        return NULL;
    return dictiter_make_item((dictiterobject *)self, key, value);
}

static PyObject *
dictreviter_iternextkey(PyObject *self)
{
    PyObject *key, *value;
    if (!dictreviter_advance((dictiterobject *)self, &key, &value))
        return NULL;
    return Py_NewRef(key);
}

static PyObject *
dictreviter_iternextvalue(PyObject *self)
{
    PyObject *key, *value;
    if (!dictreviter_advance((dictiterobject *)self, &key, &value))
        return NULL;
    return Py_NewRef(value);
}

static PyObject *
dictreviter_iternextitem(PyObject *self)
{
    PyObject *key, *value;
    if (!dictreviter_advance((dictiterobject *)self, &key, &value))
        return NULL;
    return dictiter_make_item((dictiterobject *)self, key, value);
}

#define DICTITER_TYPE(NAME, TPNAME, NEXT) \
PyTypeObject NAME = { \
    PyVarObject_HEAD_INIT(&PyType_Type, 0) \
    .tp_name = TPNAME, \
    .tp_basicsize = sizeof(dictiterobject), \
    .tp_dealloc = dictiter_dealloc, \
    .tp_getattro = PyObject_GenericGetAttr, \
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, \
    .tp_traverse = dictiter_traverse, \
    .tp_iter = PyObject_SelfIter, \
    .tp_iternext = NEXT, \
    .tp_methods = dictiter_methods, \
    .tp_free = PyObject_GC_Del, \
};

DICTITER_TYPE(PyDictIterKey_Type, "dict_keyiterator", dictiter_iternextkey)
DICTITER_TYPE(PyDictIterValue_Type, "dict_valueiterator", dictiter_iternextvalue)
DICTITER_TYPE(PyDictIterItem_Type, "dict_itemiterator", dictiter_iternextitem)
DICTITER_TYPE(PyDictRevIterKey_Type, "dict_reversekeyiterator", dictreviter_iternextkey)
DICTITER_TYPE(PyDictRevIterValue_Type, "dict_reversevalueiterator", dictreviter_iternextvalue)
DICTITER_TYPE(PyDictRevIterItem_Type, "dict_reverseitemiterator", dictreviter_iternextitem)

/* ------------------------------------------------------------------ */
/* views: common parts                                                 */
/* ------------------------------------------------------------------ */

/* New reference. */
PyObject *
_PyDictView_New(PyObject *dict, PyTypeObject *type)
{
    if (dict == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "%s() requires a dict argument, not '%s'",
                     type->tp_name, Py_TYPE(dict)->tp_name);
        return NULL;
    }
    _PyDictViewObject *dv = PyObject_GC_New(_PyDictViewObject, type);
    if (dv == NULL)
        return NULL;
    dv->dv_dict = (PyDictObject *)Py_NewRef(dict);
    _PyObject_GC_TRACK((PyObject *)dv);
    return (PyObject *)dv;
}

static void
dictview_dealloc(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    _PyObject_GC_UNTRACK(self);
    Py_XDECREF(dv->dv_dict);
    PyObject_GC_Del(dv);
}

static int
dictview_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((_PyDictViewObject *)self)->dv_dict);
    return 0;
}

static Py_ssize_t
dictview_len(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    return dv->dv_dict != NULL ? dv->dv_dict->ma_used : 0;
}

static PyObject *
dictview_mapping(PyObject *view, void *Py_UNUSED(ignored))
{
    return PyDictProxy_New((PyObject *)((_PyDictViewObject *)view)->dv_dict);
}

static PyGetSetDef dictview_getset[] = {
    {"mapping", dictview_mapping, NULL,
     "dictionary that this view refers to", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyObject *
dictview_repr(PyObject *self)
{
    PyObject *result = NULL;
    int rc = Py_ReprEnter(self);
    if (rc != 0)
        return rc > 0 ? PyUnicode_FromString("...") : NULL;
    PyObject *seq = PySequence_List(self);
    if (seq != NULL) {
        result = PyUnicode_FromFormat("%s(%R)", Py_TYPE(self)->tp_name, seq);
        Py_DECREF(seq);
    }
    Py_ReprLeave(self);
    return result;
}

/* 1 if every item of self is in other (iterating over self). */
static int
all_contained_in(PyObject *self, PyObject *other)
{
    PyObject *iter = PyObject_GetIter(self);
    int ok = 1;
    if (iter == NULL)
        return -1;
    for (;;) {
        PyObject *next = PyIter_Next(iter);
        if (next == NULL) {
            if (PyErr_Occurred())
                ok = -1;
            break;
        }
        ok = PySequence_Contains(other, next);
        Py_DECREF(next);
        if (ok <= 0)
            break;
    }
    Py_DECREF(iter);
    return ok;
}

static PyObject *
dictview_richcompare(PyObject *self, PyObject *other, int op)
{
    if (!PyAnySet_Check(other) && !PyDictViewSet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    Py_ssize_t len_self = PyObject_Size(self);
    if (len_self < 0)
        return NULL;
    Py_ssize_t len_other = PyObject_Size(other);
    if (len_other < 0)
        return NULL;
    int ok = 0;
    switch (op) {
    case Py_NE:
    case Py_EQ:
        if (len_self == len_other)
            ok = all_contained_in(self, other);
        if (op == Py_NE && ok >= 0)
            ok = !ok;
        break;
    case Py_LT:
        if (len_self < len_other)
            ok = all_contained_in(self, other);
        break;
    case Py_LE:
        if (len_self <= len_other)
            ok = all_contained_in(self, other);
        break;
    case Py_GT:
        if (len_self > len_other)
            ok = all_contained_in(other, self);
        break;
    case Py_GE:
        if (len_self >= len_other)
            ok = all_contained_in(other, self);
        break;
    }
    if (ok < 0)
        return NULL;
    if (ok)
        Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

/* ------------------------------------------------------------------ */
/* set operations on keys and items views                              */
/* ------------------------------------------------------------------ */

/* New set from a view (a keys view of an exact dict: from the dict). */
static PyObject *
dictviews_to_set(PyObject *self)
{
    PyObject *left = self;
    if (PyDictKeys_Check(self)) {
        PyObject *dict = (PyObject *)((_PyDictViewObject *)self)->dv_dict;
        if (PyDict_CheckExact(dict))
            left = dict;
    }
    return PySet_New(left);
}

static PyObject *
call_set_method(PyObject *result, PyObject *name, PyObject *other)
{
    PyObject *tmp = PyObject_CallMethodOneArg(result, name, other);
    if (tmp == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    Py_DECREF(tmp);
    return result;
}

static PyObject *
dictviews_sub(PyObject *self, PyObject *other)
{
    PyObject *result = dictviews_to_set(self);
    if (result == NULL)
        return NULL;
    return call_set_method(result, _Py_ID(difference_update), other);
}

static int dictkeys_contains(PyObject *self, PyObject *obj);
static int dictitems_contains(PyObject *self, PyObject *obj);

static PyObject *
dictviews_and(PyObject *self, PyObject *other)
{
    /* the interpreter swaps the operands when the view is on the right */
    if (!PyDictViewSet_Check(self)) {
        PyObject *tmp = other;
        other = self;
        self = tmp;
    }
    Py_ssize_t len_self = dictview_len(self);

    /* a bigger set: let set.intersection do the work */
    if (PySet_CheckExact(other) && len_self <= PyObject_Size(other))
        return PyObject_CallMethodObjArgs(other, _Py_ID(intersection), self, NULL);

    /* iterate over the smaller of two views */
    if (PyDictViewSet_Check(other)) {
        Py_ssize_t len_other = dictview_len(other);
        if (len_other > len_self) {
            PyObject *tmp = other;
            other = self;
            self = tmp;
        }
    }

    PyObject *result = PySet_New(NULL);
    if (result == NULL)
        return NULL;
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    int (*contains)(PyObject *, PyObject *) =
        PyDictKeys_Check(self) ? dictkeys_contains : dictitems_contains;
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        int rv = contains(self, key);
        if (rv < 0 || (rv && PySet_Add(result, key) < 0)) {
            Py_DECREF(key);
            Py_DECREF(it);
            Py_DECREF(result);
            return NULL;
        }
        Py_DECREF(key);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
dictviews_or(PyObject *self, PyObject *other)
{
    PyObject *result = dictviews_to_set(self);
    if (result == NULL)
        return NULL;
    if (_PySet_Update(result, other) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
dictitems_xor(PyObject *self, PyObject *other)
{
    PyObject *d1 = (PyObject *)((_PyDictViewObject *)self)->dv_dict;
    PyObject *d2 = (PyObject *)((_PyDictViewObject *)other)->dv_dict;
    PyObject *key = NULL, *val1 = NULL, *val2 = NULL;
    Py_ssize_t pos = 0;
    Py_hash_t hash;

    PyObject *temp_dict = PyDict_Copy(d1);
    if (temp_dict == NULL)
        return NULL;
    PyObject *result_set = PySet_New(NULL);
    if (result_set == NULL) {
        Py_DECREF(temp_dict);
        return NULL;
    }
    while (_PyDict_Next(d2, &pos, &key, &val2, &hash)) {
        Py_INCREF(key);
        Py_INCREF(val2);
        val1 = _PyDict_GetItem_KnownHash(temp_dict, key, hash);
        int to_delete;
        if (val1 == NULL) {
            if (PyErr_Occurred())
                goto error;
            to_delete = 0;
        }
        else {
            Py_INCREF(val1);
            to_delete = PyObject_RichCompareBool(val1, val2, Py_EQ);
            if (to_delete < 0)
                goto error;
        }
        if (to_delete) {
            if (_PyDict_DelItem_KnownHash(temp_dict, key, hash) < 0)
                goto error;
        }
        else {
            PyObject *pair = PyTuple_Pack(2, key, val2);
            if (pair == NULL)
                goto error;
            if (PySet_Add(result_set, pair) < 0) {
                Py_DECREF(pair);
                goto error;
            }
            Py_DECREF(pair);
        }
        Py_DECREF(key);
        Py_XDECREF(val1);
        Py_DECREF(val2);
    }
    key = val1 = val2 = NULL;

    PyObject *remaining_pairs = PyObject_CallMethodNoArgs(temp_dict, _Py_ID(items));
    if (remaining_pairs == NULL)
        goto error;
    if (_PySet_Update(result_set, remaining_pairs) < 0) {
        Py_DECREF(remaining_pairs);
        goto error;
    }
    Py_DECREF(temp_dict);
    Py_DECREF(remaining_pairs);
    return result_set;

error:
    Py_XDECREF(temp_dict);
    Py_XDECREF(result_set);
    Py_XDECREF(key);
    Py_XDECREF(val1);
    Py_XDECREF(val2);
    return NULL;
}

static PyObject *
dictviews_xor(PyObject *self, PyObject *other)
{
    if (PyDictItems_Check(self) && PyDictItems_Check(other))
        return dictitems_xor(self, other);
    PyObject *result = dictviews_to_set(self);
    if (result == NULL)
        return NULL;
    return call_set_method(result, _Py_ID(symmetric_difference_update), other);
}

static PyObject *
dictviews_isdisjoint(PyObject *self, PyObject *other)
{
    if (self == other) {
        if (dictview_len(self) == 0)
            Py_RETURN_TRUE;
        Py_RETURN_FALSE;
    }
    /* iterate over the shorter one when other is a set or a view */
    if (PyAnySet_Check(other) || PyDictViewSet_Check(other)) {
        Py_ssize_t len_self = dictview_len(self);
        Py_ssize_t len_other = PyObject_Size(other);
        if (len_other == -1)
            return NULL;
        if (len_other > len_self) {
            PyObject *tmp = other;
            other = self;
            self = tmp;
        }
    }
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL)
        return NULL;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int contains = PySequence_Contains(self, item);
        Py_DECREF(item);
        if (contains == -1) {
            Py_DECREF(it);
            return NULL;
        }
        if (contains) {
            Py_DECREF(it);
            Py_RETURN_FALSE;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_TRUE;
}

static PyNumberMethods dictviews_as_number = {
    .nb_subtract = dictviews_sub,
    .nb_and = dictviews_and,
    .nb_xor = dictviews_xor,
    .nb_or = dictviews_or,
};

/* ------------------------------------------------------------------ */
/* keys view                                                           */
/* ------------------------------------------------------------------ */

static PyObject *
dictkeys_iter(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return _PyDict_IterNew(dv->dv_dict, &PyDictIterKey_Type);
}

static int
dictkeys_contains(PyObject *self, PyObject *obj)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL)
        return 0;
    return PyDict_Contains((PyObject *)dv->dv_dict, obj);
}

static PyObject *
dictkeys_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return _PyDict_IterNew(dv->dv_dict, &PyDictRevIterKey_Type);
}

static PySequenceMethods dictkeys_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = dictkeys_contains,
};

static PyMethodDef dictkeys_methods[] = {
    {"isdisjoint", (PyCFunction)dictviews_isdisjoint, METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", (PyCFunction)dictkeys_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyDictKeys_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(_PyDictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictkeys_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictkeys_iter,
    .tp_methods = dictkeys_methods,
    .tp_getset = dictview_getset,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* items view                                                          */
/* ------------------------------------------------------------------ */

static PyObject *
dictitems_iter(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return _PyDict_IterNew(dv->dv_dict, &PyDictIterItem_Type);
}

static int
dictitems_contains(PyObject *self, PyObject *obj)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL)
        return 0;
    if (!PyTuple_Check(obj) || PyTuple_GET_SIZE(obj) != 2)
        return 0;
    PyObject *key = PyTuple_GET_ITEM(obj, 0);
    PyObject *value = PyTuple_GET_ITEM(obj, 1);
    PyObject *found = PyDict_GetItemWithError((PyObject *)dv->dv_dict, key);
    if (found == NULL)
        return PyErr_Occurred() ? -1 : 0;
    Py_INCREF(found);
    int result = PyObject_RichCompareBool(found, value, Py_EQ);
    Py_DECREF(found);
    return result;
}

static PyObject *
dictitems_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return _PyDict_IterNew(dv->dv_dict, &PyDictRevIterItem_Type);
}

static PySequenceMethods dictitems_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = dictitems_contains,
};

static PyMethodDef dictitems_methods[] = {
    {"isdisjoint", (PyCFunction)dictviews_isdisjoint, METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", (PyCFunction)dictitems_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict items."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyDictItems_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(_PyDictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictitems_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictitems_iter,
    .tp_methods = dictitems_methods,
    .tp_getset = dictview_getset,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ */
/* values view                                                         */
/* ------------------------------------------------------------------ */

static PyObject *
dictvalues_iter(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return _PyDict_IterNew(dv->dv_dict, &PyDictIterValue_Type);
}

static PyObject *
dictvalues_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return _PyDict_IterNew(dv->dv_dict, &PyDictRevIterValue_Type);
}

static PySequenceMethods dictvalues_as_sequence = {
    .sq_length = dictview_len,
};

static PyMethodDef dictvalues_methods[] = {
    {"__reversed__", (PyCFunction)dictvalues_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyDictValues_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(_PyDictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_sequence = &dictvalues_as_sequence,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_iter = dictvalues_iter,
    .tp_methods = dictvalues_methods,
    .tp_getset = dictview_getset,
    .tp_free = PyObject_GC_Del,
};
