/* genericaliasobject.c -- types.GenericAlias, the value of list[int] (PEP 585).
 *
 * A generic alias is a thin wrapper: __origin__ (list), __args__ (a tuple,
 * (int,)), __parameters__ (the type variables among the args, computed on
 * demand) and a "starred" bit for *tuple[int].  It behaves as much as
 * possible like its origin:
 *
 *   - every attribute except a short list of its own is looked up on the
 *     origin (list[int].append is list.append, list[int].__name__ is 'list');
 *   - calling it calls the origin and then tries to record the alias as the
 *     result's __orig_class__ (silently skipped for builtins);
 *   - as a base class it stands for its origin (__mro_entries__);
 *   - alias[...] substitutes type variables (objects with __typing_subst__)
 *     and says "list[int] is not a generic class" when there are none.
 *
 * isinstance()/issubclass() refuse it with CPython's messages, also when it
 * sits inside a union.  Builtin generic classes get their subscription from
 * a classmethod __class_getitem__ that is Py_GenericAlias itself.
 *
 * The repr writes classes by their short name ("int", "mod.C"), aliases by
 * their repr, "..." for Ellipsis, "()" for an empty argument tuple and a
 * list argument (Callable-style) as "[a, b]".
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_eval.h"
#include "rp_langextras.h"
#include <stdbool.h>

typedef struct {
    PyObject_HEAD
    PyObject *origin;
    PyObject *args;          /* always a tuple */
    PyObject *parameters;    /* computed on first use */
    PyObject *weakreflist;
    bool starred;            /* *tuple[int] */
    vectorcallfunc vectorcall;
} gaobject;

typedef struct {
    PyObject_HEAD
    PyObject *obj;           /* the alias; NULL once the iterator is exhausted */
} gaiterobject;

static void
ga_dealloc(PyObject *self)
{
    gaobject *ga = (gaobject *)self;
    PyObject_GC_UnTrack(self);
    if (ga->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    Py_XDECREF(ga->origin);
    Py_XDECREF(ga->args);
    Py_XDECREF(ga->parameters);
    Py_TYPE(self)->tp_free(self);
}

static int
ga_traverse(PyObject *self, visitproc visit, void *arg)
{
    gaobject *ga = (gaobject *)self;
    Py_VISIT(ga->origin);
    Py_VISIT(ga->args);
    Py_VISIT(ga->parameters);
    return 0;
}

/* ------------------------------------------------------------------ */
/* repr                                                                */
/* ------------------------------------------------------------------ */

int
_Py_typing_repr_item(_PyUnicodeWriter *writer, PyObject *p)
{
    PyObject *qualname = NULL, *module = NULL, *tmp, *r = NULL;

    if (p == Py_Ellipsis) {
        r = PyUnicode_FromString("...");
        goto done;
    }
    /* Something with both __origin__ and __args__ is an alias: its repr. */
    if (_PyObject_LookupAttr(p, _Py_ID(__origin__), &tmp) < 0)
        goto done;
    if (tmp != NULL) {
        Py_DECREF(tmp);
        if (_PyObject_LookupAttr(p, _Py_ID(__args__), &tmp) < 0)
            goto done;
        if (tmp != NULL) {
            Py_DECREF(tmp);
            goto use_repr;
        }
    }
    if (_PyObject_LookupAttr(p, _Py_ID(__qualname__), &qualname) < 0)
        goto done;
    if (qualname == NULL)
        goto use_repr;
    if (_PyObject_LookupAttr(p, _Py_ID(__module__), &module) < 0)
        goto done;
    if (module == NULL || module == Py_None)
        goto use_repr;
    if (PyUnicode_Check(module) && _PyUnicode_EqualToASCIIString(module, "builtins"))
        r = PyObject_Str(qualname);
    else
        r = PyUnicode_FromFormat("%S.%S", module, qualname);
    goto done;
use_repr:
    r = PyObject_Repr(p);
done:
    Py_XDECREF(qualname);
    Py_XDECREF(module);
    if (r == NULL)
        return -1;
    int err = _PyUnicodeWriter_WriteStr(writer, r);
    Py_DECREF(r);
    return err;
}

static int
ga_repr_items_list(_PyUnicodeWriter *writer, PyObject *list)
{
    if (_PyUnicodeWriter_WriteChar(writer, '[') < 0)
        return -1;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        if (i > 0 && _PyUnicodeWriter_WriteASCIIString(writer, ", ", 2) < 0)
            return -1;
        if (_Py_typing_repr_item(writer, PyList_GET_ITEM(list, i)) < 0)
            return -1;
    }
    return _PyUnicodeWriter_WriteChar(writer, ']');
}

static PyObject *
ga_repr(PyObject *self)
{
    gaobject *ga = (gaobject *)self;
    Py_ssize_t len = PyTuple_GET_SIZE(ga->args);
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    if (ga->starred && _PyUnicodeWriter_WriteChar(&writer, '*') < 0)
        goto error;
    if (_Py_typing_repr_item(&writer, ga->origin) < 0)
        goto error;
    if (_PyUnicodeWriter_WriteChar(&writer, '[') < 0)
        goto error;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (i > 0 && _PyUnicodeWriter_WriteASCIIString(&writer, ", ", 2) < 0)
            goto error;
        PyObject *p = PyTuple_GET_ITEM(ga->args, i);
        if ((PyList_CheckExact(p) ? ga_repr_items_list(&writer, p)
                                  : _Py_typing_repr_item(&writer, p)) < 0)
            goto error;
    }
    if (len == 0 && _PyUnicodeWriter_WriteASCIIString(&writer, "()", 2) < 0)
        goto error;
    if (_PyUnicodeWriter_WriteChar(&writer, ']') < 0)
        goto error;
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Type parameters and their substitution                              */
/* ------------------------------------------------------------------ */

/* Index of item (by identity) in tuple[:len], or -1. */
static Py_ssize_t
tuple_index(PyObject *tuple, Py_ssize_t len, PyObject *item)
{
    for (Py_ssize_t i = 0; i < len; i++)
        if (PyTuple_GET_ITEM(tuple, i) == item)
            return i;
    return -1;
}

/* Append item to tuple[:*len] unless already there (the tuple has room). */
static void
tuple_add_unique(PyObject *tuple, Py_ssize_t *len, PyObject *item)
{
    if (tuple_index(tuple, *len, item) < 0) {
        PyTuple_SET_ITEM(tuple, *len, Py_NewRef(item));
        (*len)++;
    }
}

/* New reference: the type variables of args, in order of first appearance.
   A type variable is anything with __typing_subst__; other arguments
   contribute their own __parameters__ (list[T] inside dict[str, list[T]]). */
PyObject *
_Py_make_parameters(PyObject *args)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args), cap = nargs, n = 0;
    PyObject *params = PyTuple_New(cap);
    if (params == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *t = PyTuple_GET_ITEM(args, i), *attr;
        if (PyType_Check(t))          /* classes are never parameters */
            continue;
        if (_PyObject_LookupAttr(t, _Py_ID(__typing_subst__), &attr) < 0)
            goto error;
        if (attr != NULL) {
            Py_DECREF(attr);
            tuple_add_unique(params, &n, t);
            continue;
        }
        if (_PyObject_LookupAttr(t, _Py_ID(__parameters__), &attr) < 0)
            goto error;
        if (attr != NULL && PyTuple_Check(attr)) {
            Py_ssize_t sub = PyTuple_GET_SIZE(attr);
            /* room for every sub-parameter plus the remaining args */
            Py_ssize_t need = n + sub + (nargs - i - 1);
            if (need > cap) {
                cap = need;
                if (_PyTuple_Resize(&params, cap) < 0) {
                    Py_DECREF(attr);
                    return NULL;
                }
            }
            for (Py_ssize_t j = 0; j < sub; j++)
                tuple_add_unique(params, &n, PyTuple_GET_ITEM(attr, j));
        }
        Py_XDECREF(attr);
    }
    if (n < cap && _PyTuple_Resize(&params, n) < 0)
        return NULL;
    return params;
error:
    Py_DECREF(params);
    return NULL;
}

/* The members of an unpacked tuple argument (*tuple[int, str] gives
   (int, str)): new reference, or NULL (no error) if arg is not one. */
static PyObject *
unpacked_tuple_args(PyObject *arg)
{
    if (_PyGenericAlias_Check(arg) && ((gaobject *)arg)->starred &&
        ((gaobject *)arg)->origin == (PyObject *)&PyTuple_Type)
        return Py_NewRef(((gaobject *)arg)->args);
    PyObject *res;
    if (_PyObject_LookupAttr(arg, _Py_ID(__typing_unpacked_tuple_args__), &res) > 0) {
        if (res == Py_None) {
            Py_DECREF(res);
            return NULL;
        }
        return res;
    }
    return NULL;
}

/* New reference: the subscript as a tuple of arguments, with unpacked
   fixed-length tuples spliced in. */
static PyObject *
unpack_args(PyObject *item)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    int is_tuple = PyTuple_Check(item);
    Py_ssize_t n = is_tuple ? PyTuple_GET_SIZE(item) : 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *a = is_tuple ? PyTuple_GET_ITEM(item, i) : item;
        if (!PyType_Check(a)) {
            PyObject *sub = unpacked_tuple_args(a);
            if (sub != NULL && PyTuple_Check(sub) &&
                !(PyTuple_GET_SIZE(sub) > 0 &&
                  PyTuple_GET_ITEM(sub, PyTuple_GET_SIZE(sub) - 1) == Py_Ellipsis)) {
                int r = PyList_SetSlice(list, PY_SSIZE_T_MAX, PY_SSIZE_T_MAX, sub);
                Py_DECREF(sub);
                if (r < 0)
                    goto error;
                continue;
            }
            Py_XDECREF(sub);
            if (PyErr_Occurred())
                goto error;
        }
        if (PyList_Append(list, a) < 0)
            goto error;
    }
    PyObject *res = PyList_AsTuple(list);
    Py_DECREF(list);
    return res;
error:
    Py_DECREF(list);
    return NULL;
}

static int
is_unpacked_typevartuple(PyObject *arg)
{
    if (PyType_Check(arg))
        return 0;
    PyObject *tmp;
    int res = _PyObject_LookupAttr(arg, _Py_ID(__typing_is_unpacked_typevartuple__), &tmp);
    if (res > 0) {
        res = PyObject_IsTrue(tmp);
        Py_DECREF(tmp);
    }
    return res;
}

/* Append items[0:count] to the tuple *dst at *pos, growing it (it had one
   slot reserved for the spliced argument).  0 / -1. */
static int
tuple_splice(PyObject **dst, Py_ssize_t *pos, PyObject *const *items, Py_ssize_t count)
{
    if (_PyTuple_Resize(dst, PyTuple_GET_SIZE(*dst) + count - 1) < 0)
        return -1;
    for (Py_ssize_t i = 0; i < count; i++)
        PyTuple_SET_ITEM(*dst, (*pos)++, Py_NewRef(items[i]));
    return 0;
}

/* obj with the parameters replaced (obj[sub-args]) if obj has parameters
   of its own, else obj.  New reference. */
static PyObject *
subs_tvars(PyObject *obj, PyObject *params, PyObject *const *argitems, Py_ssize_t nitems,
           Py_ssize_t varparam)
{
    PyObject *subparams;
    if (_PyObject_LookupAttr(obj, _Py_ID(__parameters__), &subparams) < 0)
        return NULL;
    if (subparams == NULL || !PyTuple_Check(subparams) || PyTuple_GET_SIZE(subparams) == 0) {
        Py_XDECREF(subparams);
        return Py_NewRef(obj);
    }
    Py_ssize_t nparams = PyTuple_GET_SIZE(params), nsub = PyTuple_GET_SIZE(subparams);
    PyObject *subargs = PyTuple_New(nsub), *res = NULL;
    if (subargs == NULL)
        goto done;
    Py_ssize_t j = 0;
    for (Py_ssize_t i = 0; i < nsub; i++) {
        PyObject *arg = PyTuple_GET_ITEM(subparams, i);
        Py_ssize_t ip = tuple_index(params, nparams, arg);
        if (ip >= 0 && ip == varparam) {
            if (tuple_splice(&subargs, &j, argitems + ip, nitems - nparams + 1) < 0)
                goto done;
            continue;
        }
        if (ip >= 0) {
            if (ip > varparam)
                ip += nitems - nparams;
            arg = argitems[ip];
        }
        PyTuple_SET_ITEM(subargs, j++, Py_NewRef(arg));
    }
    res = PyObject_GetItem(obj, subargs);
done:
    Py_XDECREF(subargs);
    Py_DECREF(subparams);
    return res;
}

/* New reference: args with every parameter replaced by its value in item. */
PyObject *
_Py_subs_parameters(PyObject *self, PyObject *args, PyObject *parameters, PyObject *item)
{
    Py_ssize_t nparams = PyTuple_GET_SIZE(parameters);
    if (nparams == 0)
        return PyErr_Format(PyExc_TypeError, "%R is not a generic class", self);
    item = unpack_args(item);
    if (item == NULL)
        return NULL;
    Py_ssize_t nitems = PyTuple_GET_SIZE(item);
    PyObject *const *argitems = &PyTuple_GET_ITEM(item, 0);
    PyObject *newargs = NULL;

    /* A TypeVarTuple (iterable parameter) takes the surplus arguments. */
    Py_ssize_t varparam = nparams;
    for (Py_ssize_t i = 0; i < nparams; i++) {
        if (Py_TYPE(PyTuple_GET_ITEM(parameters, i))->tp_iter != NULL) {
            if (varparam < nparams) {
                PyErr_Format(PyExc_TypeError, "More than one TypeVarTuple parameter in %S", self);
                goto error;
            }
            varparam = i;
        }
    }
    if (varparam < nparams) {
        if (nitems < nparams - 1) {
            PyErr_Format(PyExc_TypeError, "Too few arguments for %R", self);
            goto error;
        }
    }
    else if (nitems != nparams) {
        PyErr_Format(PyExc_TypeError, "Too %s arguments for %R; actual %zd, expected %zd",
                     nitems > nparams ? "many" : "few", self, nitems, nparams);
        goto error;
    }

    Py_ssize_t nargs = PyTuple_GET_SIZE(args), j = 0;
    newargs = PyTuple_New(nargs);
    if (newargs == NULL)
        goto error;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *arg = PyTuple_GET_ITEM(args, i), *subst;
        if (PyType_Check(arg)) {        /* classes stay as they are */
            PyTuple_SET_ITEM(newargs, j++, Py_NewRef(arg));
            continue;
        }
        int unpack = is_unpacked_typevartuple(arg);
        if (unpack < 0)
            goto error;
        if (_PyObject_LookupAttr(arg, _Py_ID(__typing_subst__), &subst) < 0)
            goto error;
        PyObject *value;
        if (subst != NULL) {
            Py_ssize_t ip = tuple_index(parameters, nparams, arg);
            if (ip == varparam) {
                Py_DECREF(subst);
                PyErr_SetString(PyExc_TypeError, "Substitution of bare TypeVarTuple is not supported");
                goto error;
            }
            if (ip > varparam)
                ip += nitems - nparams;
            value = PyObject_CallOneArg(subst, argitems[ip]);
            Py_DECREF(subst);
        }
        else {
            value = subs_tvars(arg, parameters, argitems, nitems, varparam);
        }
        if (value == NULL)
            goto error;
        if (unpack && PyTuple_Check(value)) {
            int r = tuple_splice(&newargs, &j, &PyTuple_GET_ITEM(value, 0), PyTuple_GET_SIZE(value));
            Py_DECREF(value);
            if (r < 0)
                goto error;
        }
        else {
            PyTuple_SET_ITEM(newargs, j++, value);
        }
    }
    Py_DECREF(item);
    return newargs;
error:
    Py_XDECREF(newargs);
    Py_DECREF(item);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Protocols                                                           */
/* ------------------------------------------------------------------ */

static int
ga_ensure_parameters(gaobject *ga)
{
    if (ga->parameters == NULL) {
        ga->parameters = _Py_make_parameters(ga->args);
        if (ga->parameters == NULL)
            return -1;
    }
    return 0;
}

static PyObject *
ga_getitem(PyObject *self, PyObject *item)
{
    gaobject *ga = (gaobject *)self;
    if (ga_ensure_parameters(ga) < 0)
        return NULL;
    PyObject *newargs = _Py_subs_parameters(self, ga->args, ga->parameters, item);
    if (newargs == NULL)
        return NULL;
    PyObject *res = Py_GenericAlias(ga->origin, newargs);
    Py_DECREF(newargs);
    if (res != NULL)
        ((gaobject *)res)->starred = ga->starred;
    return res;
}

static Py_hash_t
ga_hash(PyObject *self)
{
    gaobject *ga = (gaobject *)self;
    Py_hash_t h0 = PyObject_Hash(ga->origin);
    if (h0 == -1)
        return -1;
    Py_hash_t h1 = PyObject_Hash(ga->args);
    if (h1 == -1)
        return -1;
    Py_hash_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

/* Record the alias on the new instance; builtins refuse, which is fine. */
static PyObject *
set_orig_class(PyObject *obj, PyObject *self)
{
    if (obj != NULL && PyObject_SetAttr(obj, _Py_ID(__orig_class__), self) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError) &&
            !PyErr_ExceptionMatches(PyExc_TypeError)) {
            Py_DECREF(obj);
            return NULL;
        }
        PyErr_Clear();
    }
    return obj;
}

static PyObject *
ga_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *obj = PyObject_Call(((gaobject *)self)->origin, args, kwds);
    return set_orig_class(obj, self);
}

static PyObject *
ga_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyObject *origin = ((gaobject *)self)->origin;
    PyObject *obj = PyVectorcall_Function(origin)(origin, args, nargsf, kwnames);
    return set_orig_class(obj, self);
}

/* Attributes that belong to the alias itself; all others come from the origin. */
static const char *const attr_exceptions[] = {
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
    NULL,
};

static PyObject *
ga_getattro(PyObject *self, PyObject *name)
{
    if (PyUnicode_Check(name)) {
        const char *const *p;
        for (p = attr_exceptions; *p != NULL; p++)
            if (_PyUnicode_EqualToASCIIString(name, *p))
                break;
        if (*p == NULL)
            return PyObject_GetAttr(((gaobject *)self)->origin, name);
    }
    return PyObject_GenericGetAttr(self, name);
}

static PyObject *
ga_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!_PyGenericAlias_Check(b) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    if (op == Py_NE) {
        PyObject *eq = ga_richcompare(a, b, Py_EQ);
        if (eq == NULL)
            return NULL;
        Py_DECREF(eq);
        return PyBool_FromLong(eq != Py_True);
    }
    gaobject *x = (gaobject *)a, *y = (gaobject *)b;
    if (x->starred != y->starred)
        Py_RETURN_FALSE;
    int eq = PyObject_RichCompareBool(x->origin, y->origin, Py_EQ);
    if (eq < 0)
        return NULL;
    if (!eq)
        Py_RETURN_FALSE;
    return PyObject_RichCompare(x->args, y->args, Py_EQ);
}

static PyObject *
ga_mro_entries(PyObject *self, PyObject *bases)
{
    return PyTuple_Pack(1, ((gaobject *)self)->origin);
}

static PyObject *
ga_instancecheck(PyObject *self, PyObject *arg)
{
    PyErr_SetString(PyExc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
    return NULL;
}

static PyObject *
ga_subclasscheck(PyObject *self, PyObject *arg)
{
    PyErr_SetString(PyExc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
    return NULL;
}

static PyObject *
ga_reduce(PyObject *self, PyObject *unused)
{
    gaobject *ga = (gaobject *)self;
    if (ga->starred) {
        /* next(iter(origin[args])) rebuilds the starred alias */
        PyObject *plain = Py_GenericAlias(ga->origin, ga->args);
        if (plain == NULL)
            return NULL;
        PyObject *it = PyObject_GetIter(plain);
        Py_DECREF(plain);
        if (it == NULL)
            return NULL;
        PyObject *builtins = _PyEval_GetBuiltins(_PyThreadState_GET());
        PyObject *next = builtins ? PyDict_GetItemWithError(builtins, _Py_ID(next)) : NULL;
        if (next == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_RuntimeError, "lost builtins.next");
            Py_DECREF(it);
            return NULL;
        }
        return Py_BuildValue("O(N)", next, it);
    }
    return Py_BuildValue("O(OO)", (PyObject *)Py_TYPE(self), ga->origin, ga->args);
}

static PyObject *
ga_dir(PyObject *self, PyObject *unused)
{
    PyObject *dir = PyObject_Dir(((gaobject *)self)->origin);
    if (dir == NULL)
        return NULL;
    for (const char *const *p = attr_exceptions; *p != NULL; p++) {
        PyObject *name = PyUnicode_FromString(*p);
        if (name == NULL)
            goto error;
        int has = PySequence_Contains(dir, name);
        if (has < 0 || (has == 0 && PyList_Append(dir, name) < 0)) {
            Py_DECREF(name);
            goto error;
        }
        Py_DECREF(name);
    }
    return dir;
error:
    Py_DECREF(dir);
    return NULL;
}

static PyObject *
ga_parameters(PyObject *self, void *closure)
{
    gaobject *ga = (gaobject *)self;
    if (ga_ensure_parameters(ga) < 0)
        return NULL;
    return Py_NewRef(ga->parameters);
}

static PyObject *
ga_unpacked_tuple_args(PyObject *self, void *closure)
{
    gaobject *ga = (gaobject *)self;
    if (ga->starred && ga->origin == (PyObject *)&PyTuple_Type)
        return Py_NewRef(ga->args);
    Py_RETURN_NONE;
}

static PyMethodDef ga_methods[] = {
    {"__mro_entries__", ga_mro_entries, METH_O, NULL},
    {"__instancecheck__", ga_instancecheck, METH_O, NULL},
    {"__subclasscheck__", ga_subclasscheck, METH_O, NULL},
    {"__reduce__", ga_reduce, METH_NOARGS, NULL},
    {"__dir__", ga_dir, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef ga_members[] = {
    {"__origin__", _Py_T_OBJECT, offsetof(gaobject, origin), Py_READONLY, NULL},
    {"__args__", _Py_T_OBJECT, offsetof(gaobject, args), Py_READONLY, NULL},
    {"__unpacked__", Py_T_BOOL, offsetof(gaobject, starred), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef ga_getset[] = {
    {"__parameters__", ga_parameters, NULL, "Type variables in the GenericAlias.", NULL},
    {"__typing_unpacked_tuple_args__", ga_unpacked_tuple_args, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

/* Fill a fresh alias.  0 / -1. */
static int
setup_ga(gaobject *ga, PyObject *origin, PyObject *args)
{
    if (!PyTuple_Check(args)) {
        args = PyTuple_Pack(1, args);
        if (args == NULL)
            return -1;
    }
    else {
        Py_INCREF(args);
    }
    ga->origin = Py_NewRef(origin);
    ga->args = args;
    ga->parameters = NULL;
    ga->weakreflist = NULL;
    ga->starred = false;
    ga->vectorcall = PyVectorcall_Function(origin) != NULL ? ga_vectorcall : NULL;
    return 0;
}

static PyObject *
ga_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("GenericAlias", kwds))
        return NULL;
    if (!_PyArg_CheckPositional("GenericAlias", PyTuple_GET_SIZE(args), 2, 2))
        return NULL;
    gaobject *self = (gaobject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    if (setup_ga(self, PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1)) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

/* iter(tuple[int]) yields *tuple[int] once: how `*tuple[int]` is spelt. */
static PyObject *
ga_iternext(PyObject *self)
{
    gaiterobject *gi = (gaiterobject *)self;
    if (gi->obj == NULL)
        return NULL;
    gaobject *ga = (gaobject *)gi->obj;
    PyObject *starred = Py_GenericAlias(ga->origin, ga->args);
    if (starred == NULL)
        return NULL;
    ((gaobject *)starred)->starred = true;
    Py_CLEAR(gi->obj);
    return starred;
}

static void
ga_iter_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(((gaiterobject *)self)->obj);
    PyObject_GC_Del(self);
}

static int
ga_iter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((gaiterobject *)self)->obj);
    return 0;
}

static int
ga_iter_clear(PyObject *self)
{
    Py_CLEAR(((gaiterobject *)self)->obj);
    return 0;
}

static PyObject *
ga_iter_reduce(PyObject *self, PyObject *unused)
{
    gaiterobject *gi = (gaiterobject *)self;
    PyObject *builtins = _PyEval_GetBuiltins(_PyThreadState_GET());
    PyObject *iter = builtins ? PyDict_GetItemWithError(builtins, _Py_ID(iter)) : NULL;
    if (iter == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "lost builtins.iter");
        return NULL;
    }
    if (gi->obj == NULL)
        return Py_BuildValue("O(())", iter);
    return Py_BuildValue("O(O)", iter, gi->obj);
}

static PyMethodDef ga_iter_methods[] = {
    {"__reduce__", ga_iter_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject _Py_GenericAliasIterType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "generic_alias_iterator",
    .tp_basicsize = sizeof(gaiterobject),
    .tp_dealloc = ga_iter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = ga_iter_traverse,
    .tp_clear = ga_iter_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = ga_iternext,
    .tp_methods = ga_iter_methods,
};

static PyObject *
ga_iter(PyObject *self)
{
    if (!(_Py_GenericAliasIterType.tp_flags & Py_TPFLAGS_READY) &&
        PyType_Ready(&_Py_GenericAliasIterType) < 0)
        return NULL;
    gaiterobject *gi = PyObject_GC_New(gaiterobject, &_Py_GenericAliasIterType);
    if (gi == NULL)
        return NULL;
    gi->obj = Py_NewRef(self);
    PyObject_GC_Track(gi);
    return (PyObject *)gi;
}

static PyNumberMethods ga_as_number = {
    .nb_or = _Py_union_type_or,
};

static PyMappingMethods ga_as_mapping = {
    .mp_subscript = ga_getitem,
};

PyTypeObject Py_GenericAliasType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.GenericAlias",
    .tp_doc = "Represent a PEP 585 generic type\n\n"
              "E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).",
    .tp_basicsize = sizeof(gaobject),
    .tp_dealloc = ga_dealloc,
    .tp_repr = ga_repr,
    .tp_as_number = &ga_as_number,
    .tp_as_mapping = &ga_as_mapping,
    .tp_hash = ga_hash,
    .tp_call = ga_call,
    .tp_getattro = ga_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = ga_traverse,
    .tp_richcompare = ga_richcompare,
    .tp_weaklistoffset = offsetof(gaobject, weakreflist),
    .tp_iter = ga_iter,
    .tp_methods = ga_methods,
    .tp_members = ga_members,
    .tp_getset = ga_getset,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = ga_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall_offset = offsetof(gaobject, vectorcall),
};

/* New reference. */
PyObject *
Py_GenericAlias(PyObject *origin, PyObject *args)
{
    if (!(Py_GenericAliasType.tp_flags & Py_TPFLAGS_READY) &&
        PyType_Ready(&Py_GenericAliasType) < 0)
        return NULL;
    gaobject *ga = (gaobject *)PyType_GenericAlloc(&Py_GenericAliasType, 0);
    if (ga == NULL)
        return NULL;
    if (setup_ga(ga, origin, args) < 0) {
        Py_DECREF(ga);
        return NULL;
    }
    return (PyObject *)ga;
}

/* ------------------------------------------------------------------ */
/* __class_getitem__ of the builtin generic classes                    */
/* ------------------------------------------------------------------ */

static PyMethodDef class_getitem_def = {
    "__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
    "See PEP 585",
};

/* Give each builtin generic class CPython's classmethod
   __class_getitem__ = Py_GenericAlias, unless its own file already defines
   one.  Runs once at start-up, after the exception types exist.  0 / -1. */
int
_PyGenericAlias_InstallClassGetItem(void)
{
    PyTypeObject *types[] = {
        &PyList_Type, &PyDict_Type, &PyTuple_Type, &PySet_Type, &PyFrozenSet_Type,
        &PyEnum_Type, &PyDictProxy_Type, &PyAsyncGen_Type,
        (PyTypeObject *)PyExc_BaseExceptionGroup,
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(types); i++) {
        PyTypeObject *tp = types[i];
        if (tp == NULL || tp->tp_dict == NULL)
            continue;
        PyObject *has = PyDict_GetItemWithError(tp->tp_dict, _Py_ID(__class_getitem__));
        if (has != NULL)
            continue;
        if (PyErr_Occurred())
            return -1;
        PyObject *descr = PyDescr_NewClassMethod(tp, &class_getitem_def);
        if (descr == NULL)
            return -1;
        int r = PyDict_SetItem(tp->tp_dict, _Py_ID(__class_getitem__), descr);
        Py_DECREF(descr);
        if (r < 0)
            return -1;
        PyType_Modified(tp);
    }
    return 0;
}
