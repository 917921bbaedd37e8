/* object.c -- the generic object protocol: repr/str, comparison, hashing,
 * truth, attribute access, and the None / NotImplemented singletons.
 *
 * These functions dispatch on type slots.  Attribute lookup follows
 * CPython's descriptor protocol: data descriptors on the type win over the
 * instance dict, which wins over non-data descriptors and plain class
 * attributes (PyObject_GenericGetAttr).  _PyObject_GetMethod is the
 * allocation-free variant LOAD_ATTR's method form uses: when the attribute
 * is a plain function found on the type it returns the unbound function and
 * lets CALL pass self, so no bound-method object is created per call.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_state.h"

/* ------------------------------ repr/str ------------------------------ */

/* New reference. */
PyObject *
PyObject_Repr(PyObject *v)
{
    if (v == NULL) return PyUnicode_FromString("<NULL>");
    PyTypeObject *tp = Py_TYPE(v);
    if (tp->tp_repr == NULL)
        return PyUnicode_FromFormat("<%s object at %p>", tp->tp_name, v);
    PyThreadState *tstate = _PyThreadState_GET();
    if (_Py_EnterRecursiveCallTstate(tstate, " while getting the repr of an object"))
        return NULL;
    PyObject *res = tp->tp_repr(v);
    _Py_LeaveRecursiveCallTstate(tstate);
    if (res == NULL) return NULL;
    if (!PyUnicode_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__repr__ returned non-string (type %.200s)",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

/* New reference. */
PyObject *
PyObject_Str(PyObject *v)
{
    if (v == NULL) return PyUnicode_FromString("<NULL>");
    if (PyUnicode_CheckExact(v)) return Py_NewRef(v);
    PyTypeObject *tp = Py_TYPE(v);
    if (tp->tp_str == NULL) return PyObject_Repr(v);
    PyThreadState *tstate = _PyThreadState_GET();
    if (_Py_EnterRecursiveCallTstate(tstate, " while getting the str of an object"))
        return NULL;
    PyObject *res = tp->tp_str(v);
    _Py_LeaveRecursiveCallTstate(tstate);
    if (res == NULL) return NULL;
    if (!PyUnicode_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__str__ returned non-string (type %.200s)",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

/* New reference: repr() with non-ASCII characters escaped. */
PyObject *
PyObject_ASCII(PyObject *v)
{
    PyObject *repr = PyObject_Repr(v);
    if (repr == NULL) return NULL;
    if (PyUnicode_IS_ASCII(repr)) return repr;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    Py_ssize_t n = PyUnicode_GET_LENGTH(repr);
    int kind = PyUnicode_KIND(repr);
    const void *data = PyUnicode_DATA(repr);
    char buf[16];
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        int r;
        if (ch < 0x80) r = _PyUnicodeWriter_WriteChar(&w, ch);
        else {
            int len;
            if (ch < 0x100) len = snprintf(buf, sizeof buf, "\\x%02x", (unsigned)ch);
            else if (ch < 0x10000) len = snprintf(buf, sizeof buf, "\\u%04x", (unsigned)ch);
            else len = snprintf(buf, sizeof buf, "\\U%08x", (unsigned)ch);
            r = _PyUnicodeWriter_WriteASCIIString(&w, buf, len);
        }
        if (r < 0) { _PyUnicodeWriter_Dealloc(&w); Py_DECREF(repr); return NULL; }
    }
    Py_DECREF(repr);
    return _PyUnicodeWriter_Finish(&w);
}

int
PyObject_Print(PyObject *op, FILE *fp, int flags)
{
    PyObject *s = (flags & Py_PRINT_RAW) ? PyObject_Str(op) : PyObject_Repr(op);
    if (s == NULL) return -1;
    const char *u = PyUnicode_AsUTF8(s);
    if (u == NULL) { Py_DECREF(s); return -1; }
    fputs(u, fp);
    Py_DECREF(s);
    return 0;
}

/* ------------------------- recursion in repr() ------------------------- */
/* Containers call Py_ReprEnter/Py_ReprLeave so that a list containing
   itself prints as [...].  The set of objects being repr'ed lives in the
   thread state dict under a private key, as in CPython. */

static PyObject *
repr_list(void)
{
    PyObject *dict = PyThreadState_GetDict();
    if (dict == NULL) return NULL;
    PyObject *key = _Py_ID(Py_Repr);
    PyObject *list = PyDict_GetItemWithError(dict, key);
    if (list == NULL) {
        if (PyErr_Occurred()) return NULL;
        list = PyList_New(0);
        if (list == NULL) return NULL;
        if (PyDict_SetItem(dict, key, list) < 0) { Py_DECREF(list); return NULL; }
        Py_DECREF(list);
    }
    return list;   /* borrowed */
}

int
Py_ReprEnter(PyObject *obj)
{
    PyObject *list = repr_list();
    if (list == NULL) return -1;
    Py_ssize_t n = PyList_GET_SIZE(list);
    for (Py_ssize_t i = n - 1; i >= 0; i--)
        if (PyList_GET_ITEM(list, i) == obj) return 1;
    if (PyList_Append(list, obj) < 0) return -1;
    return 0;
}

void
Py_ReprLeave(PyObject *obj)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *list = repr_list();
    if (list != NULL) {
        Py_ssize_t n = PyList_GET_SIZE(list);
        for (Py_ssize_t i = n - 1; i >= 0; i--) {
            if (PyList_GET_ITEM(list, i) == obj) {
                PyList_SetSlice(list, i, i + 1, NULL);
                break;
            }
        }
    }
    PyErr_SetRaisedException(exc);
}

/* ----------------------------- comparison ----------------------------- */

static const char *const opstrings[] = {"<", "<=", "==", "!=", ">", ">="};
static const int swapped_op[] = {Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE};

static PyObject *
do_richcompare(PyThreadState *tstate, PyObject *v, PyObject *w, int op)
{
    richcmpfunc f;
    PyObject *res;
    int checked_reverse_op = 0;

    if (!Py_IS_TYPE(v, Py_TYPE(w)) &&
        PyType_IsSubtype(Py_TYPE(w), Py_TYPE(v)) &&
        (f = Py_TYPE(w)->tp_richcompare) != NULL) {
        checked_reverse_op = 1;
        res = (*f)(w, v, swapped_op[op]);
        if (res != Py_NotImplemented) return res;
        Py_DECREF(res);
    }
    if ((f = Py_TYPE(v)->tp_richcompare) != NULL) {
        res = (*f)(v, w, op);
        if (res != Py_NotImplemented) return res;
        Py_DECREF(res);
    }
    if (!checked_reverse_op && (f = Py_TYPE(w)->tp_richcompare) != NULL) {
        res = (*f)(w, v, swapped_op[op]);
        if (res != Py_NotImplemented) return res;
        Py_DECREF(res);
    }
    /* Neither side implements it: identity for ==/!=, TypeError otherwise. */
    switch (op) {
    case Py_EQ: return Py_NewRef(v == w ? Py_True : Py_False);
    case Py_NE: return Py_NewRef(v != w ? Py_True : Py_False);
    default:
        PyErr_Format(PyExc_TypeError,
                     "'%s' not supported between instances of '%.100s' and '%.100s'",
                     opstrings[op], Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name);
        return NULL;
    }
}

/* New reference. */
PyObject *
PyObject_RichCompare(PyObject *v, PyObject *w, int op)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (v == NULL || w == NULL) {
        if (!PyErr_Occurred()) PyErr_BadInternalCall();
        return NULL;
    }
    if (_Py_EnterRecursiveCallTstate(tstate, " in comparison")) return NULL;
    PyObject *res = do_richcompare(tstate, v, w, op);
    _Py_LeaveRecursiveCallTstate(tstate);
    return res;
}

int
PyObject_RichCompareBool(PyObject *v, PyObject *w, int op)
{
    /* Identity implies equality, as in CPython (so nan in [nan] is True). */
    if (v == w) {
        if (op == Py_EQ) return 1;
        if (op == Py_NE) return 0;
    }
    PyObject *res = PyObject_RichCompare(v, w, op);
    if (res == NULL) return -1;
    int ok;
    if (PyBool_Check(res)) ok = (res == Py_True);
    else ok = PyObject_IsTrue(res);
    Py_DECREF(res);
    return ok;
}

/* ------------------------------- hashing ------------------------------- */

Py_hash_t
PyObject_HashNotImplemented(PyObject *v)
{
    PyErr_Format(PyExc_TypeError, "unhashable type: '%.200s'", Py_TYPE(v)->tp_name);
    return -1;
}

Py_hash_t
PyObject_Hash(PyObject *v)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (tp->tp_hash != NULL) return (*tp->tp_hash)(v);
    /* A type whose tp_dict is not yet filled may still inherit a hash. */
    if (!(tp->tp_flags & Py_TPFLAGS_READY)) {
        if (PyType_Ready(tp) < 0) return -1;
        if (tp->tp_hash != NULL) return (*tp->tp_hash)(v);
    }
    return PyObject_HashNotImplemented(v);
}

/* -------------------------------- truth -------------------------------- */

int
PyObject_IsTrue(PyObject *v)
{
    if (v == Py_True) return 1;
    if (v == Py_False || v == Py_None) return 0;
    PyTypeObject *tp = Py_TYPE(v);
    Py_ssize_t res;
    if (tp->tp_as_number != NULL && tp->tp_as_number->nb_bool != NULL)
        res = (*tp->tp_as_number->nb_bool)(v);
    else if (tp->tp_as_mapping != NULL && tp->tp_as_mapping->mp_length != NULL)
        res = (*tp->tp_as_mapping->mp_length)(v);
    else if (tp->tp_as_sequence != NULL && tp->tp_as_sequence->sq_length != NULL)
        res = (*tp->tp_as_sequence->sq_length)(v);
    else
        return 1;
    return (res > 0) ? 1 : (int)res;
}

int
PyObject_Not(PyObject *v)
{
    int res = PyObject_IsTrue(v);
    if (res < 0) return res;
    return res == 0;
}

int
PyCallable_Check(PyObject *x)
{
    if (x == NULL) return 0;
    return Py_TYPE(x)->tp_call != NULL;
}

/* New reference to self. */
PyObject *
PyObject_SelfIter(PyObject *obj)
{
    return Py_NewRef(obj);
}

/* ------------------------------ attributes ----------------------------- */

static PyObject *generic_getattr(PyObject *obj, PyObject *name, int suppress);

/* New reference. */
PyObject *
PyObject_GetAttr(PyObject *v, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    if (tp->tp_getattro != NULL) return (*tp->tp_getattro)(v, name);
    if (tp->tp_getattr != NULL) {
        const char *name_str = PyUnicode_AsUTF8(name);
        if (name_str == NULL) return NULL;
        return (*tp->tp_getattr)(v, (char *)name_str);
    }
    PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                 tp->tp_name, name);
    return NULL;
}

/* New reference. */
PyObject *
PyObject_GetAttrString(PyObject *v, const char *name)
{
    PyObject *w = PyUnicode_FromString(name);
    if (w == NULL) return NULL;
    PyObject *res = PyObject_GetAttr(v, w);
    Py_DECREF(w);
    return res;
}

int
_PyObject_LookupAttr(PyObject *v, PyObject *name, PyObject **result)
{
    /* Fast path: the generic lookup can report "missing" without creating
       and then discarding an AttributeError. */
    if (Py_TYPE(v)->tp_getattro == PyObject_GenericGetAttr && PyUnicode_Check(name)) {
        *result = generic_getattr(v, name, 1);
        if (*result != NULL) return 1;
        return PyErr_Occurred() ? -1 : 0;
    }
    *result = PyObject_GetAttr(v, name);
    if (*result != NULL) return 1;
    if (!PyErr_ExceptionMatches(PyExc_AttributeError)) return -1;
    PyErr_Clear();
    return 0;
}

int
PyObject_HasAttr(PyObject *v, PyObject *name)
{
    PyObject *res;
    int r = _PyObject_LookupAttr(v, name, &res);
    if (r < 0) { PyErr_Clear(); return 0; }
    Py_XDECREF(res);
    return r;
}

int
PyObject_HasAttrString(PyObject *v, const char *name)
{
    PyObject *w = PyUnicode_FromString(name);
    if (w == NULL) { PyErr_Clear(); return 0; }
    int r = PyObject_HasAttr(v, w);
    Py_DECREF(w);
    return r;
}

int
PyObject_SetAttr(PyObject *v, PyObject *name, PyObject *value)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    /* 3.12: attribute names stored through setattr are interned (and so immortal). */
    Py_INCREF(name);
    if (PyUnicode_CheckExact(name)) PyUnicode_InternInPlace(&name);
    int err;
    if (tp->tp_setattro != NULL) {
        err = (*tp->tp_setattro)(v, name, value);
    }
    else if (tp->tp_setattr != NULL) {
        const char *s = PyUnicode_AsUTF8(name);
        err = s ? (*tp->tp_setattr)(v, (char *)s, value) : -1;
    }
    else {
        if (tp->tp_getattro == PyObject_GenericGetAttr || tp->tp_getattro == NULL)
            PyErr_Format(PyExc_AttributeError,
                         "'%.100s' object has no attribute '%U'", tp->tp_name, name);
        else
            PyErr_Format(PyExc_AttributeError,
                         "'%.100s' object attribute '%U' is read-only", tp->tp_name, name);
        err = -1;
    }
    Py_DECREF(name);
    return err;
}

int
PyObject_SetAttrString(PyObject *v, const char *name, PyObject *w)
{
    PyObject *s = PyUnicode_FromString(name);
    if (s == NULL) return -1;
    int res = PyObject_SetAttr(v, s, w);
    Py_DECREF(s);
    return res;
}

int
PyObject_DelAttr(PyObject *v, PyObject *name)
{
    return PyObject_SetAttr(v, name, NULL);
}

/* Pointer to the instance dict slot, or NULL.  For managed-dict types the
   dict lives in the pre-header at offset -3 words (CPython 3.12 layout;
   refpy keeps a plain dict pointer there, never split "values"). */
PyObject **
_PyObject_GetDictPtr(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    if (tp->tp_flags & Py_TPFLAGS_MANAGED_DICT)
        return ((PyObject **)obj) - 3;
    Py_ssize_t dictoffset = tp->tp_dictoffset;
    if (dictoffset == 0) return NULL;
    if (dictoffset < 0) {
        Py_ssize_t tsize = Py_SIZE(obj);
        if (tsize < 0) tsize = -tsize;
        size_t size = _PyObject_VAR_SIZE(tp, tsize);
        dictoffset += (Py_ssize_t)size;
    }
    return (PyObject **)((char *)obj + dictoffset);
}

/* New reference: a fresh dict to become an instance's __dict__.
   CPython 3.12 stores most instances' attributes inline, without a dict
   object, so creating the attribute storage is not a GC allocation there;
   refpy uses a real dict, and hides its allocation from the collector's
   generation-0 count so that gc.get_count() and the timing of automatic
   collections stay CPython's. */
static PyObject *
new_instance_dict(void)
{
    struct gc_generation *gen0 = &_PyInterpreterState_GET()->gc.generations[0];
    int saved = gen0->count;
    PyObject *d = PyDict_New();
    gen0->count = saved;
    return d;
}

/* New reference: the instance __dict__, created on demand. */
PyObject *
PyObject_GenericGetDict(PyObject *obj, void *context)
{
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    if (dictptr == NULL) {
        PyErr_SetString(PyExc_AttributeError, "This object has no __dict__");
        return NULL;
    }
    if (*dictptr == NULL) {
        *dictptr = new_instance_dict();
        if (*dictptr == NULL) return NULL;
    }
    return Py_NewRef(*dictptr);
}

static void
raise_no_attribute(PyObject *obj, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(obj);
    PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                 tp->tp_name, name);
    /* Record name and obj for "Did you mean" suggestions at print time. */
    PyObject *exc = PyErr_GetRaisedException();
    if (exc != NULL && PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_AttributeError)) {
        PyAttributeErrorObject *ae = (PyAttributeErrorObject *)exc;
        if (ae->name == NULL) ae->name = Py_NewRef(name);
        if (ae->obj == NULL) ae->obj = Py_NewRef(obj);
    }
    PyErr_SetRaisedException(exc);
}

/* New reference.  CPython's _PyObject_GenericGetAttrWithDict. */
static PyObject *
generic_getattr(PyObject *obj, PyObject *name, int suppress)
{
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *descr, *res = NULL;
    descrgetfunc f = NULL;

    if (!(tp->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(tp) < 0) return NULL;
    descr = _PyType_Lookup(tp, name);
    if (descr != NULL) {
        Py_INCREF(descr);
        f = Py_TYPE(descr)->tp_descr_get;
        if (f != NULL && Py_TYPE(descr)->tp_descr_set != NULL) {
            res = f(descr, obj, (PyObject *)tp);
            if (res == NULL && suppress && PyErr_ExceptionMatches(PyExc_AttributeError))
                PyErr_Clear();
            Py_DECREF(descr);
            return res;
        }
    }
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    if (dictptr != NULL && *dictptr != NULL) {
        PyObject *dict = *dictptr;
        Py_INCREF(dict);
        res = PyDict_GetItemWithError(dict, name);
        if (res != NULL) {
            Py_INCREF(res);
            Py_DECREF(dict);
            Py_XDECREF(descr);
            return res;
        }
        Py_DECREF(dict);
        if (PyErr_Occurred()) { Py_XDECREF(descr); return NULL; }
    }
    if (f != NULL) {
        res = f(descr, obj, (PyObject *)tp);
        if (res == NULL && suppress && PyErr_ExceptionMatches(PyExc_AttributeError))
            PyErr_Clear();
        Py_DECREF(descr);
        return res;
    }
    if (descr != NULL) return descr;   /* plain class attribute: already a new ref */
    if (!suppress) raise_no_attribute(obj, name);
    return NULL;
}

/* New reference. */
PyObject *
PyObject_GenericGetAttr(PyObject *obj, PyObject *name)
{
    return generic_getattr(obj, name, 0);
}

/* New reference or NULL without an exception when missing. */
PyObject *
_PyObject_GenericGetAttrSuppress(PyObject *obj, PyObject *name)
{
    return generic_getattr(obj, name, 1);
}

int
PyObject_GenericSetAttr(PyObject *obj, PyObject *name, PyObject *value)
{
    PyTypeObject *tp = Py_TYPE(obj);
    int res = -1;

    if (!(tp->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(tp) < 0) return -1;
    PyObject *descr = _PyType_Lookup(tp, name);
    if (descr != NULL) {
        Py_INCREF(descr);
        descrsetfunc f = Py_TYPE(descr)->tp_descr_set;
        if (f != NULL) {
            res = f(descr, obj, value);
            Py_DECREF(descr);
            return res;
        }
    }
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    if (dictptr == NULL) {
        if (descr == NULL)
            PyErr_Format(PyExc_AttributeError,
                         "'%.100s' object has no attribute '%U'", tp->tp_name, name);
        else
            PyErr_Format(PyExc_AttributeError,
                         "'%.100s' object attribute '%U' is read-only", tp->tp_name, name);
        Py_XDECREF(descr);
        return -1;
    }
    if (*dictptr == NULL) {
        if (value == NULL) {
            raise_no_attribute(obj, name);
            Py_XDECREF(descr);
            return -1;
        }
        *dictptr = new_instance_dict();
        if (*dictptr == NULL) { Py_XDECREF(descr); return -1; }
    }
    PyObject *dict = *dictptr;
    Py_INCREF(dict);
    if (value == NULL) {
        res = PyDict_DelItem(dict, name);
        if (res < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            raise_no_attribute(obj, name);
        }
    }
    else {
        res = PyDict_SetItem(dict, name, value);
    }
    Py_DECREF(dict);
    Py_XDECREF(descr);
    return res;
}

/* See the header: 1 = *method is an unbound function to call with obj as
   its first argument; 0 = *method is the attribute itself; -1 = error. */
int
_PyObject_GetMethod(PyObject *obj, PyObject *name, PyObject **method)
{
    PyTypeObject *tp = Py_TYPE(obj);
    int meth_found = 0;

    if (tp->tp_getattro != PyObject_GenericGetAttr || !PyUnicode_CheckExact(name)) {
        *method = PyObject_GetAttr(obj, name);
        return *method == NULL ? -1 : 0;
    }
    PyObject *descr = _PyType_Lookup(tp, name);
    descrgetfunc f = NULL;
    if (descr != NULL) {
        Py_INCREF(descr);
        if (PyType_HasFeature(Py_TYPE(descr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
            meth_found = 1;
        }
        else {
            f = Py_TYPE(descr)->tp_descr_get;
            if (f != NULL && Py_TYPE(descr)->tp_descr_set != NULL) {
                *method = f(descr, obj, (PyObject *)tp);
                Py_DECREF(descr);
                return *method == NULL ? -1 : 0;
            }
        }
    }
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    if (dictptr != NULL && *dictptr != NULL) {
        PyObject *dict = *dictptr;
        Py_INCREF(dict);
        PyObject *attr = PyDict_GetItemWithError(dict, name);
        if (attr != NULL) {
            *method = Py_NewRef(attr);
            Py_DECREF(dict);
            Py_XDECREF(descr);
            return 0;
        }
        Py_DECREF(dict);
        if (PyErr_Occurred()) { Py_XDECREF(descr); *method = NULL; return -1; }
    }
    if (meth_found) { *method = descr; return 1; }
    if (f != NULL) {
        *method = f(descr, obj, (PyObject *)tp);
        Py_DECREF(descr);
        return *method == NULL ? -1 : 0;
    }
    if (descr != NULL) { *method = descr; return 0; }
    raise_no_attribute(obj, name);
    *method = NULL;
    return -1;
}

/* --------------------------------- dir --------------------------------- */

/* New reference: sorted list of names. */
PyObject *
PyObject_Dir(PyObject *obj)
{
    PyObject *names, *result;
    if (obj == NULL) {
        PyObject *locals = PyEval_GetLocals();
        if (locals == NULL) return NULL;
        names = PyMapping_Keys(locals);
    }
    else {
        PyObject *dirfunc = _PyType_Lookup(Py_TYPE(obj), _Py_ID(__dir__));
        if (dirfunc == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "object does not provide __dir__");
            return NULL;
        }
        PyObject *f = Py_TYPE(dirfunc)->tp_descr_get
            ? Py_TYPE(dirfunc)->tp_descr_get(dirfunc, obj, (PyObject *)Py_TYPE(obj))
            : Py_NewRef(dirfunc);
        if (f == NULL) return NULL;
        names = PyObject_CallNoArgs(f);
        Py_DECREF(f);
    }
    if (names == NULL) return NULL;
    result = PySequence_List(names);
    Py_DECREF(names);
    if (result == NULL) return NULL;
    if (PyList_Sort(result) < 0) { Py_DECREF(result); return NULL; }
    return result;
}

/* ----------------------- None and NotImplemented ----------------------- */

static PyObject *
none_repr(PyObject *op)
{
    return Py_NewRef(_Py_ID(None));
}

static int
none_bool(PyObject *v)
{
    return 0;
}

static Py_hash_t
none_hash(PyObject *v)
{
    return 0xFCA86420;   /* 3.12: hash(None) is a constant */
}

static PyObject *
none_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_GET_SIZE(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "NoneType takes no arguments");
        return NULL;
    }
    Py_RETURN_NONE;
}

static void
none_dealloc(PyObject *none)
{
    /* Immortal: never reached in normal operation. */
    Py_FatalError("deallocating None");
}

static PyNumberMethods none_as_number = { .nb_bool = none_bool };

PyTypeObject _PyNone_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NoneType",
    .tp_basicsize = 0,
    .tp_dealloc = none_dealloc,
    .tp_repr = none_repr,
    .tp_as_number = &none_as_number,
    .tp_hash = none_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = none_new,
};

PyObject _Py_NoneStruct = { { _Py_IMMORTAL_REFCNT }, &_PyNone_Type };

static PyObject *
notimplemented_repr(PyObject *op)
{
    return Py_NewRef(_Py_ID(NotImplemented));
}

static PyObject *
notimplemented_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(_Py_ID(NotImplemented));
}

static int
notimplemented_bool(PyObject *v)
{
    if (PyErr_WarnEx(PyExc_DeprecationWarning,
                     "NotImplemented should not be used in a boolean context", 1) < 0)
        return -1;
    return 1;
}

static PyObject *
notimplemented_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_GET_SIZE(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "NotImplementedType takes no arguments");
        return NULL;
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static PyMethodDef notimplemented_methods[] = {
    {"__reduce__", (PyCFunction)notimplemented_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyNumberMethods notimplemented_as_number = { .nb_bool = notimplemented_bool };

PyTypeObject _PyNotImplemented_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NotImplementedType",
    .tp_dealloc = none_dealloc,
    .tp_repr = notimplemented_repr,
    .tp_as_number = &notimplemented_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = notimplemented_methods,
    .tp_new = notimplemented_new,
};

PyObject _Py_NotImplementedStruct = { { _Py_IMMORTAL_REFCNT }, &_PyNotImplemented_Type };

/* New reference: "module.qualname()" (or "qualname()" for builtins), the
   function name CPython uses in call-argument error messages. */
PyObject *
_PyObject_FunctionStr(PyObject *x)
{
    PyObject *qualname = NULL, *module = NULL, *result = NULL;
    int ret = _PyObject_LookupAttr(x, _Py_ID(__qualname__), &qualname);
    if (qualname == NULL) {
        if (ret < 0) return NULL;
        return PyObject_Str(x);
    }
    ret = _PyObject_LookupAttr(x, _Py_ID(__module__), &module);
    if (module != NULL && module != Py_None) {
        ret = PyObject_RichCompareBool(module, _Py_ID(builtins), Py_NE);
        if (ret < 0) goto done;
        if (ret > 0) {
            result = PyUnicode_FromFormat("%S.%S()", module, qualname);
            goto done;
        }
    }
    else if (ret < 0) goto done;
    result = PyUnicode_FromFormat("%S()", qualname);
done:
    Py_DECREF(qualname);
    Py_XDECREF(module);
    return result;
}
