/* structseq.c -- tuples whose items also have names.
 *
 * Two flavours share the layout of a tuple subclass whose fields are
 * read-only member descriptors over the tuple's items:
 *   - struct sequences (CPython's PyStructSequence: sys.flags,
 *     sys.version_info, ...): repr "sys.flags(debug=0, ...)", not callable
 *     from Python;
 *   - namedtuple-like records of C modules (dis.Instruction): repr with the
 *     short name "Instruction(opname=...)", constructible with positional or
 *     keyword fields (trailing fields may default to None), `_fields` and
 *     `_asdict()`, as collections.namedtuple classes have.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_structseq.h"

static void
structseq_dealloc(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    for (Py_ssize_t i = 0; i < Py_SIZE(op); i++)
        Py_XDECREF(PyTuple_GET_ITEM(op, i));
    PyObject_GC_Del(op);
    if (tp->tp_flags & Py_TPFLAGS_HEAPTYPE) Py_DECREF(tp);
}

static int
structseq_traverse(PyObject *op, visitproc visit, void *arg)
{
    for (Py_ssize_t i = 0; i < Py_SIZE(op); i++)
        Py_VISIT(PyTuple_GET_ITEM(op, i));
    if (Py_TYPE(op)->tp_flags & Py_TPFLAGS_HEAPTYPE) Py_VISIT(Py_TYPE(op));
    return 0;
}

/* "name(field=repr, ...)"; short: the part of tp_name after the last dot. */
static PyObject *
repr_with_name(PyObject *op, int short_name)
{
    PyTypeObject *tp = Py_TYPE(op);
    const char *name = tp->tp_name;
    if (short_name) {
        const char *dot = strrchr(name, '.');
        if (dot) name = dot + 1;
    }
    int r = Py_ReprEnter(op);
    if (r != 0) return r > 0 ? PyUnicode_FromString("...") : NULL;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    PyMemberDef *m = tp->tp_members;
    if (_PyUnicodeWriter_WriteASCIIString(&w, name, (Py_ssize_t)strlen(name)) < 0 ||
        _PyUnicodeWriter_WriteChar(&w, '(') < 0)
        goto error;
    for (Py_ssize_t i = 0; i < Py_SIZE(op) && m->name; i++, m++) {
        if (i > 0 && _PyUnicodeWriter_WriteASCIIString(&w, ", ", 2) < 0) goto error;
        if (_PyUnicodeWriter_WriteASCIIString(&w, m->name, (Py_ssize_t)strlen(m->name)) < 0 ||
            _PyUnicodeWriter_WriteChar(&w, '=') < 0)
            goto error;
        PyObject *item = PyObject_Repr(PyTuple_GET_ITEM(op, i));
        if (item == NULL) goto error;
        int err = _PyUnicodeWriter_WriteStr(&w, item);
        Py_DECREF(item);
        if (err < 0) goto error;
    }
    if (_PyUnicodeWriter_WriteChar(&w, ')') < 0) goto error;
    Py_ReprLeave(op);
    return _PyUnicodeWriter_Finish(&w);
error:
    Py_ReprLeave(op);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *structseq_repr(PyObject *op) { return repr_with_name(op, 0); }
static PyObject *record_repr(PyObject *op) { return repr_with_name(op, 1); }

static PyObject *
structseq_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *tup = _PyTuple_FromArray(_PyTuple_ITEMS(op), Py_SIZE(op));
    if (tup == NULL) return NULL;
    PyObject *r = Py_BuildValue("(O(OO))", (PyObject *)Py_TYPE(op), tup, Py_None);
    Py_DECREF(tup);
    return r;
}

static PyMethodDef structseq_methods[] = {
    {"__reduce__", (PyCFunction)structseq_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyObject *
record_asdict(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *d = PyDict_New();
    if (d == NULL) return NULL;
    PyMemberDef *m = Py_TYPE(op)->tp_members;
    for (Py_ssize_t i = 0; i < Py_SIZE(op); i++, m++) {
        if (PyDict_SetItemString(d, m->name, PyTuple_GET_ITEM(op, i)) < 0) {
            Py_DECREF(d);
            return NULL;
        }
    }
    return d;
}

static PyMethodDef record_methods[] = {
    {"_asdict", (PyCFunction)record_asdict, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static Py_ssize_t
count_fields(PyTypeObject *tp)
{
    Py_ssize_t n = 0;
    for (PyMemberDef *m = tp->tp_members; m->name; m++) n++;
    return n;
}

/* Record(...) from Python: positional or keyword fields; fields left out
   are None when they are among the type's trailing optional fields. */
static PyObject *
record_new(PyTypeObject *tp, PyObject *args, PyObject *kwds)
{
    Py_ssize_t n = count_fields(tp), nargs = PyTuple_GET_SIZE(args);
    PyObject *n_opt_obj = PyDict_GetItemString(tp->tp_dict, "_n_optional_fields");
    Py_ssize_t n_optional = n_opt_obj ? PyLong_AsSsize_t(n_opt_obj) : 0;
    if (nargs > n) {
        PyErr_Format(PyExc_TypeError, "%s.__new__() takes %zd positional arguments but %zd were given",
                     tp->tp_name, n + 1, nargs + 1);
        return NULL;
    }
    PyObject **items = PyMem_Calloc((size_t)n + 1, sizeof(PyObject *));
    if (items == NULL) return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < nargs; i++) items[i] = Py_NewRef(PyTuple_GET_ITEM(args, i));
    if (kwds != NULL) {
        PyObject *key, *value;
        Py_ssize_t pos = 0;
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            Py_ssize_t i;
            for (i = 0; i < n; i++)
                if (PyUnicode_Check(key) && _PyUnicode_EqualToASCIIString(key, tp->tp_members[i].name))
                    break;
            if (i == n) {
                PyErr_Format(PyExc_TypeError, "%s.__new__() got an unexpected keyword argument '%S'",
                             tp->tp_name, key);
                goto error;
            }
            if (items[i] != NULL) {
                PyErr_Format(PyExc_TypeError, "%s.__new__() got multiple values for argument '%U'",
                             tp->tp_name, key);
                goto error;
            }
            items[i] = Py_NewRef(value);
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (items[i] != NULL) continue;
        if (i >= n - n_optional) { items[i] = Py_NewRef(Py_None); continue; }
        PyErr_Format(PyExc_TypeError, "%s.__new__() missing required argument: '%s'",
                     tp->tp_name, tp->tp_members[i].name);
        goto error;
    }
    PyObject *res = _PyStructSequence_FromArraySteal(tp, items, n);
    PyMem_Free(items);
    return res;
error:
    for (Py_ssize_t i = 0; i < n; i++) Py_XDECREF(items[i]);
    PyMem_Free(items);
    return NULL;
}

/* Shared type set-up.  record: namedtuple-like flavour (see the top). */
static int
init_type(PyTypeObject *tp, const char *name, const char *const *fields, int nfields,
          int record, int n_optional, const char *module)
{
    if (tp->tp_flags & Py_TPFLAGS_READY) return 0;
    PyMemberDef *members = PyMem_Calloc((size_t)nfields + 1, sizeof(PyMemberDef));
    if (members == NULL) { PyErr_NoMemory(); return -1; }
    for (int i = 0; i < nfields; i++) {
        members[i].name = fields[i];
        members[i].type = _Py_T_OBJECT;
        members[i].offset = (Py_ssize_t)(offsetof(PyTupleObject, ob_item) + (size_t)i * sizeof(PyObject *));
        members[i].flags = Py_READONLY;
    }
    tp->tp_name = name;
    tp->tp_basicsize = (Py_ssize_t)(sizeof(PyTupleObject) - sizeof(PyObject *));
    tp->tp_itemsize = (Py_ssize_t)sizeof(PyObject *);
    tp->tp_dealloc = structseq_dealloc;
    tp->tp_traverse = structseq_traverse;
    tp->tp_members = members;
    tp->tp_base = &PyTuple_Type;
    if (record) {
        tp->tp_repr = record_repr;
        tp->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_TUPLE_SUBCLASS;
        tp->tp_methods = record_methods;
        tp->tp_new = record_new;
    }
    else {
        tp->tp_repr = structseq_repr;
        tp->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_TUPLE_SUBCLASS |
                       Py_TPFLAGS_DISALLOW_INSTANTIATION | Py_TPFLAGS_IMMUTABLETYPE;
        tp->tp_methods = structseq_methods;
        tp->tp_new = NULL;
    }
    if (PyType_Ready(tp) < 0) return -1;
    PyObject *dict = tp->tp_dict;
    if (record) {
        PyObject *names = PyTuple_New(nfields);
        if (names == NULL) return -1;
        for (int i = 0; i < nfields; i++) {
            PyObject *s = PyUnicode_InternFromString(fields[i]);
            if (s == NULL) { Py_DECREF(names); return -1; }
            PyTuple_SET_ITEM(names, i, s);
        }
        int err = PyDict_SetItemString(dict, "_fields", names);
        Py_DECREF(names);
        if (err < 0) return -1;
        PyObject *nopt = PyLong_FromLong(n_optional);
        if (nopt == NULL) return -1;
        err = PyDict_SetItemString(dict, "_n_optional_fields", nopt);
        Py_DECREF(nopt);
        if (err < 0) return -1;
        if (module != NULL) {
            PyObject *mod = PyUnicode_FromString(module);
            if (mod == NULL) return -1;
            err = PyDict_SetItemString(dict, "__module__", mod);
            Py_DECREF(mod);
            if (err < 0) return -1;
        }
    }
    else {
        PyObject *v = PyLong_FromLong(nfields);
        if (v == NULL) return -1;
        int err = PyDict_SetItemString(dict, "n_sequence_fields", v) < 0 ||
                  PyDict_SetItemString(dict, "n_fields", v) < 0 ||
                  PyDict_SetItemString(dict, "n_unnamed_fields", _PyLong_GetZero()) < 0;
        Py_DECREF(v);
        if (err) return -1;
    }
    PyType_Modified(tp);
    return 0;
}

int
_PyStructSequence_InitStatic(PyTypeObject *tp, const char *name, const char *const *fields, int nfields)
{
    return init_type(tp, name, fields, nfields, 0, 0, NULL);
}

int
_PyRecord_InitStatic(PyTypeObject *tp, const char *name, const char *const *fields, int nfields,
                     int n_optional, const char *module)
{
    return init_type(tp, name, fields, nfields, 1, n_optional, module);
}

/* New reference.  STEALS the n items; if any is NULL (an error occurred
   while computing it) all are released and NULL is returned. */
PyObject *
_PyStructSequence_FromArraySteal(PyTypeObject *tp, PyObject **items, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        if (items[i] == NULL) {
            for (Py_ssize_t j = 0; j < n; j++) Py_XDECREF(items[j]);
            return NULL;
        }
    }
    PyTupleObject *op = PyObject_GC_NewVar(PyTupleObject, tp, n);
    if (op == NULL) {
        for (Py_ssize_t i = 0; i < n; i++) Py_DECREF(items[i]);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) op->ob_item[i] = items[i];
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

/* ------------------------- CPython's public API ------------------------- */

static int
desc_fields(PyStructSequence_Desc *desc, const char ***out)
{
    int n = 0;
    while (desc->fields[n].name != NULL) n++;
    const char **names = PyMem_Calloc((size_t)n + 1, sizeof(char *));
    if (names == NULL) { PyErr_NoMemory(); return -1; }
    for (int i = 0; i < n; i++) names[i] = desc->fields[i].name;
    *out = names;
    return n;
}

int
PyStructSequence_InitType2(PyTypeObject *type, PyStructSequence_Desc *desc)
{
    const char **names;
    int n = desc_fields(desc, &names);
    if (n < 0) return -1;
    /* the names array lives as long as the (static) type */
    return init_type(type, desc->name, names, n, 0, 0, NULL);
}

void
PyStructSequence_InitType(PyTypeObject *type, PyStructSequence_Desc *desc)
{
    (void)PyStructSequence_InitType2(type, desc);
}

/* New reference. */
PyTypeObject *
PyStructSequence_NewType(PyStructSequence_Desc *desc)
{
    PyTypeObject *tp = PyMem_Calloc(1, sizeof(PyTypeObject));
    if (tp == NULL) { PyErr_NoMemory(); return NULL; }
    Py_SET_TYPE(tp, &PyType_Type);
    tp->ob_base.ob_base.ob_refcnt = _Py_IMMORTAL_REFCNT;   /* lives for the process */
    if (PyStructSequence_InitType2(tp, desc) < 0) { PyMem_Free(tp); return NULL; }
    return tp;
}

/* New reference: all items NULL until set. */
PyObject *
PyStructSequence_New(PyTypeObject *type)
{
    Py_ssize_t n = count_fields(type);
    PyTupleObject *op = PyObject_GC_NewVar(PyTupleObject, type, n);
    if (op == NULL) return NULL;
    for (Py_ssize_t i = 0; i < n; i++) op->ob_item[i] = NULL;
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

void
PyStructSequence_SetItem(PyObject *p, Py_ssize_t pos, PyObject *o)
{
    PyTuple_SET_ITEM(p, pos, o);
}

PyObject *
PyStructSequence_GetItem(PyObject *p, Py_ssize_t pos)
{
    return PyTuple_GET_ITEM(p, pos);
}
