/* unionobject.c -- types.UnionType, the value of `int | str` (PEP 604).
 *
 * A union holds one tuple, __args__: its members flattened (a union inside
 * a union contributes its own members), with None replaced by NoneType and
 * duplicates dropped (identity for classes, equality for generic aliases).
 * A "union" of a single member is that member itself: int | int is int.
 *
 * Which objects may be joined is decided by _Py_union_type_or, the nb_or of
 * type, GenericAlias and UnionType: classes, None, generic aliases, unions
 * and 3.12's TypeAliasType.  Anything else gives NotImplemented so the usual
 * "unsupported operand type(s) for |" TypeError comes out of the binary-op
 * machinery.
 *
 * isinstance()/issubclass() accept a union as their second argument: the
 * abstract layer (abstract.c) walks __args__ like a tuple, and a generic
 * alias among them raises through GenericAlias.__instancecheck__.
 *
 * Equality and hashing ignore order: they compare / hash the set of
 * members, as CPython does (int | str == str | int).
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_langextras.h"

typedef struct {
    PyObject_HEAD
    PyObject *args;          /* tuple, never NULL once built */
    PyObject *parameters;    /* tuple, computed on first use */
} unionobject;

static PyObject *make_union(PyObject *args);

static void
union_dealloc(PyObject *self)
{
    unionobject *u = (unionobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(u->args);
    Py_XDECREF(u->parameters);
    PyObject_GC_Del(self);
}

static int
union_traverse(PyObject *self, visitproc visit, void *arg)
{
    unionobject *u = (unionobject *)self;
    Py_VISIT(u->args);
    Py_VISIT(u->parameters);
    return 0;
}

/* BORROWED. */
PyObject *
_Py_union_args(PyObject *self)
{
    return ((unionobject *)self)->args;
}

static Py_hash_t
union_hash(PyObject *self)
{
    PyObject *set = PyFrozenSet_New(((unionobject *)self)->args);
    if (set == NULL)
        return -1;
    Py_hash_t h = PyObject_Hash(set);
    Py_DECREF(set);
    return h;
}

static PyObject *
union_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!_PyUnion_Check(b) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *sa = NULL, *sb = NULL, *res = NULL;
    sa = PySet_New(((unionobject *)a)->args);
    if (sa == NULL)
        goto error;
    sb = PySet_New(((unionobject *)b)->args);
    if (sb == NULL)
        goto error;
    res = PyObject_RichCompare(sa, sb, op);
error:
    Py_XDECREF(sa);
    Py_XDECREF(sb);
    return res;
}

/* New reference: args with nested unions expanded and None -> NoneType. */
static PyObject *
flatten_args(PyObject *args)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args), total = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *a = PyTuple_GET_ITEM(args, i);
        total += _PyUnion_Check(a) ? PyTuple_GET_SIZE(((unionobject *)a)->args) : 1;
    }
    PyObject *flat = PyTuple_New(total);
    if (flat == NULL)
        return NULL;
    Py_ssize_t pos = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *a = PyTuple_GET_ITEM(args, i);
        if (_PyUnion_Check(a)) {
            PyObject *sub = ((unionobject *)a)->args;
            for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(sub); j++)
                PyTuple_SET_ITEM(flat, pos++, Py_NewRef(PyTuple_GET_ITEM(sub, j)));
        }
        else {
            if (a == Py_None)
                a = (PyObject *)Py_TYPE(Py_None);
            PyTuple_SET_ITEM(flat, pos++, Py_NewRef(a));
        }
    }
    return flat;
}

/* New reference: the flattened args without duplicates, in first-seen order. */
static PyObject *
dedup_and_flatten_args(PyObject *args)
{
    PyObject *flat = flatten_args(args);
    if (flat == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(flat), kept = 0;
    PyObject *out = PyTuple_New(n);
    if (out == NULL)
        goto error;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyTuple_GET_ITEM(flat, i);
        int dup = 0;
        for (Py_ssize_t j = 0; j < kept && !dup; j++) {
            PyObject *seen = PyTuple_GET_ITEM(out, j);
            if (_PyGenericAlias_Check(item) && _PyGenericAlias_Check(seen)) {
                dup = PyObject_RichCompareBool(item, seen, Py_EQ);
                if (dup < 0)
                    goto error;
            }
            else {
                dup = item == seen;
            }
        }
        if (!dup)
            PyTuple_SET_ITEM(out, kept++, Py_NewRef(item));
    }
    Py_DECREF(flat);
    if (kept < n && _PyTuple_Resize(&out, kept) < 0)
        return NULL;
    return out;
error:
    Py_DECREF(flat);
    Py_XDECREF(out);
    return NULL;
}

static int
is_unionable(PyObject *obj)
{
    if (obj == Py_None || PyType_Check(obj) || _PyGenericAlias_Check(obj) || _PyUnion_Check(obj))
        return 1;
    /* 3.12's `type X = ...` objects */
    return strcmp(Py_TYPE(obj)->tp_name, "typing.TypeAliasType") == 0;
}

/* New reference. */
PyObject *
_Py_union_type_or(PyObject *self, PyObject *other)
{
    if (!is_unionable(self) || !is_unionable(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *pair = PyTuple_Pack(2, self, other);
    if (pair == NULL)
        return NULL;
    PyObject *res = make_union(pair);
    Py_DECREF(pair);
    return res;
}

static int
union_repr_item(_PyUnicodeWriter *writer, PyObject *p)
{
    if (p == (PyObject *)Py_TYPE(Py_None))
        return _PyUnicodeWriter_WriteASCIIString(writer, "None", 4);
    return _Py_typing_repr_item(writer, p);
}

static PyObject *
union_repr(PyObject *self)
{
    PyObject *args = ((unionobject *)self)->args;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        if (i > 0 && _PyUnicodeWriter_WriteASCIIString(&writer, " | ", 3) < 0)
            goto error;
        if (union_repr_item(&writer, PyTuple_GET_ITEM(args, i)) < 0)
            goto error;
    }
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

static int
union_ensure_parameters(unionobject *u)
{
    if (u->parameters == NULL) {
        u->parameters = _Py_make_parameters(u->args);
        if (u->parameters == NULL)
            return -1;
    }
    return 0;
}

static PyObject *
union_getitem(PyObject *self, PyObject *item)
{
    unionobject *u = (unionobject *)self;
    if (union_ensure_parameters(u) < 0)
        return NULL;
    PyObject *newargs = _Py_subs_parameters(self, u->args, u->parameters, item);
    if (newargs == NULL)
        return NULL;
    /* The substituted members are joined with | again, so that anything
       that is not a class becomes a TypeError as it would in `a | b`. */
    PyObject *res = NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(newargs);
    if (n == 0) {
        res = make_union(newargs);
        Py_DECREF(newargs);
        return res;
    }
    res = Py_NewRef(PyTuple_GET_ITEM(newargs, 0));
    for (Py_ssize_t i = 1; i < n; i++) {
        PyObject *next = PyNumber_Or(res, PyTuple_GET_ITEM(newargs, i));
        Py_DECREF(res);
        res = next;
        if (res == NULL)
            break;
    }
    Py_DECREF(newargs);
    return res;
}

static PyObject *
union_parameters(PyObject *self, void *closure)
{
    unionobject *u = (unionobject *)self;
    if (union_ensure_parameters(u) < 0)
        return NULL;
    return Py_NewRef(u->parameters);
}

/* u.__module__ is the type's ("types"), for the typing module's sake. */
static PyObject *
union_getattro(PyObject *self, PyObject *name)
{
    if (PyUnicode_Check(name) && _PyUnicode_EqualToASCIIString(name, "__module__"))
        return PyObject_GetAttr((PyObject *)Py_TYPE(self), name);
    return PyObject_GenericGetAttr(self, name);
}

static PyMemberDef union_members[] = {
    {"__args__", _Py_T_OBJECT, offsetof(unionobject, args), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef union_getset[] = {
    {"__parameters__", union_parameters, NULL, "Type variables in the types.UnionType.", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyNumberMethods union_as_number = {
    .nb_or = _Py_union_type_or,
};

static PyMappingMethods union_as_mapping = {
    .mp_subscript = union_getitem,
};

PyTypeObject _PyUnion_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.UnionType",
    .tp_doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
    .tp_basicsize = sizeof(unionobject),
    .tp_dealloc = union_dealloc,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = union_traverse,
    .tp_hash = union_hash,
    .tp_getattro = union_getattro,
    .tp_members = union_members,
    .tp_richcompare = union_richcompare,
    .tp_as_mapping = &union_as_mapping,
    .tp_as_number = &union_as_number,
    .tp_repr = union_repr,
    .tp_getset = union_getset,
};

/* New reference: a union of args (a tuple), or its only member. */
static PyObject *
make_union(PyObject *args)
{
    if (!(_PyUnion_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&_PyUnion_Type) < 0)
        return NULL;
    args = dedup_and_flatten_args(args);
    if (args == NULL)
        return NULL;
    if (PyTuple_GET_SIZE(args) == 1) {
        PyObject *only = Py_NewRef(PyTuple_GET_ITEM(args, 0));
        Py_DECREF(args);
        return only;
    }
    unionobject *u = PyObject_GC_New(unionobject, &_PyUnion_Type);
    if (u == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    u->args = args;
    u->parameters = NULL;
    PyObject_GC_Track(u);
    return (PyObject *)u;
}

int
_PyLangExtras_InitTypes(void)
{
    PyTypeObject *types[] = {
        &_PyUnion_Type, &Py_GenericAliasType, &_Py_GenericAliasIterType,
        &_PyManagedBuffer_Type, &PyMemoryView_Type, &_PyMemoryIter_Type,
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(types); i++)
        if (PyType_Ready(types[i]) < 0)
            return -1;
    return _PyGenericAlias_InstallClassGetItem();
}
