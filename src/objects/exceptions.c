/* exceptions.c -- the builtin exception types (CPython 3.12's layouts,
 * messages and behaviour).
 *
 * The hierarchy, the C layout of each type's instances and the order of
 * initialisation come from include/refpy/exceptions.def.  Each entry
 * expands to a static type whose slots are the defaults of its layout
 * ("kind": Base, OSError, SyntaxError, ...) completed by a per-name macro
 * X_<Name> that gives the doc string and the slots that differ, mirroring
 * CPython's Simple/Middling/Complex exception definitions so that each
 * type's __dict__ holds the same wrappers as in CPython (e.g. ValueError
 * has __init__ and __new__, FileNotFoundError only __init__).
 *
 * Instances are GC objects with an instance __dict__ at tp_dictoffset.
 * Notes added with add_note() live in that dict under __notes__, as in
 * 3.12.  ExceptionGroup is a heap type created at start-up from
 * (BaseExceptionGroup, Exception), as CPython does.  MemoryError keeps a
 * free list of 16 instances plus one static "last resort" instance, so
 * that PyErr_NoMemory never needs memory.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_state.h"
#include "rp_gc.h"
#include "refpy/descrobject.h"
#include <stdbool.h>

#define EXC_CAST(op) ((PyBaseExceptionObject *)(op))
#define _PyBaseExceptionGroup_Check(x) \
    PyObject_TypeCheck((x), (PyTypeObject *)PyExc_BaseExceptionGroup)

/* ====================================================================== */
/* BaseException                                                          */
/* ====================================================================== */

static PyObject *
BaseException_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyBaseExceptionObject *self = (PyBaseExceptionObject *)type->tp_alloc(type, 0);
    if (self == NULL) return NULL;
    /* the instance dict is created on demand by the generic setattr */
    self->dict = NULL;
    self->notes = NULL;
    self->traceback = self->cause = self->context = NULL;
    self->suppress_context = 0;
    if (args != NULL) {
        self->args = Py_NewRef(args);
        return (PyObject *)self;
    }
    self->args = PyTuple_New(0);
    if (self->args == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static int
BaseException_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords(Py_TYPE(self)->tp_name, kwds)) return -1;
    Py_XSETREF(EXC_CAST(self)->args, Py_NewRef(args));
    return 0;
}

static int
BaseException_clear(PyObject *op)
{
    PyBaseExceptionObject *self = EXC_CAST(op);
    Py_CLEAR(self->dict);
    Py_CLEAR(self->args);
    Py_CLEAR(self->notes);
    Py_CLEAR(self->traceback);
    Py_CLEAR(self->cause);
    Py_CLEAR(self->context);
    return 0;
}

static void
BaseException_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    /* exceptions chain through __context__ / __traceback__: bound the
       recursion of long chains with the trashcan (bpo-44348) */
    Py_TRASHCAN_BEGIN(self, BaseException_dealloc)
    (void)BaseException_clear(self);
    Py_TYPE(self)->tp_free(self);
    Py_TRASHCAN_END
}

static int
BaseException_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyBaseExceptionObject *self = EXC_CAST(op);
    Py_VISIT(self->dict);
    Py_VISIT(self->args);
    Py_VISIT(self->notes);
    Py_VISIT(self->traceback);
    Py_VISIT(self->cause);
    Py_VISIT(self->context);
    return 0;
}

static PyObject *
BaseException_str(PyObject *op)
{
    PyObject *args = EXC_CAST(op)->args;
    if (args == NULL) return Py_NewRef(_PyUnicode_GetEmpty());
    switch (PyTuple_GET_SIZE(args)) {
    case 0:
        return Py_NewRef(_PyUnicode_GetEmpty());
    case 1:
        return PyObject_Str(PyTuple_GET_ITEM(args, 0));
    default:
        return PyObject_Str(args);
    }
}

static PyObject *
BaseException_repr(PyObject *op)
{
    PyObject *args = EXC_CAST(op)->args;
    const char *name = _PyType_Name(Py_TYPE(op));
    if (args == NULL) return PyUnicode_FromFormat("%s()", name);
    if (PyTuple_GET_SIZE(args) == 1)
        return PyUnicode_FromFormat("%s(%R)", name, PyTuple_GET_ITEM(args, 0));
    return PyUnicode_FromFormat("%s%R", name, args);
}

static PyObject *
BaseException_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyBaseExceptionObject *self = EXC_CAST(op);
    PyObject *args = self->args ? self->args : Py_None;
    if (self->args && self->dict)
        return PyTuple_Pack(3, Py_TYPE(self), args, self->dict);
    return PyTuple_Pack(2, Py_TYPE(self), args);
}

static PyObject *
BaseException_setstate(PyObject *self, PyObject *state)
{
    PyObject *d_key, *d_value;
    Py_ssize_t i = 0;
    if (state != Py_None) {
        if (!PyDict_Check(state)) {
            PyErr_SetString(PyExc_TypeError, "state is not a dictionary");
            return NULL;
        }
        while (PyDict_Next(state, &i, &d_key, &d_value)) {
            Py_INCREF(d_key);
            Py_INCREF(d_value);
            int res = PyObject_SetAttr(self, d_key, d_value);
            Py_DECREF(d_value);
            Py_DECREF(d_key);
            if (res < 0) return NULL;
        }
    }
    Py_RETURN_NONE;
}

static PyObject *
BaseException_with_traceback(PyObject *self, PyObject *tb)
{
    if (PyException_SetTraceback(self, tb) < 0) return NULL;
    return Py_NewRef(self);
}

static PyObject *
BaseException_add_note(PyObject *self, PyObject *note)
{
    if (!PyUnicode_Check(note)) {
        PyErr_Format(PyExc_TypeError, "note must be a str, not '%s'", Py_TYPE(note)->tp_name);
        return NULL;
    }
    PyObject *notes;
    if (_PyObject_LookupAttr(self, _Py_ID(__notes__), &notes) < 0) return NULL;
    if (notes == NULL) {
        notes = PyList_New(0);
        if (notes == NULL) return NULL;
        if (PyObject_SetAttr(self, _Py_ID(__notes__), notes) < 0) {
            Py_DECREF(notes);
            return NULL;
        }
    }
    else if (!PyList_Check(notes)) {
        Py_DECREF(notes);
        PyErr_SetString(PyExc_TypeError, "Cannot add note: __notes__ is not a list");
        return NULL;
    }
    if (PyList_Append(notes, note) < 0) {
        Py_DECREF(notes);
        return NULL;
    }
    Py_DECREF(notes);
    Py_RETURN_NONE;
}

static PyMethodDef BaseException_methods[] = {
    {"__reduce__", (PyCFunction)BaseException_reduce, METH_NOARGS, NULL},
    {"__setstate__", (PyCFunction)BaseException_setstate, METH_O, NULL},
    {"with_traceback", (PyCFunction)BaseException_with_traceback, METH_O,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", (PyCFunction)BaseException_add_note, METH_O,
     "Exception.add_note(note) --\n    add a note to the exception"},
    {NULL, NULL, 0, NULL},
};

static PyObject *
BaseException_get_args(PyObject *op, void *Py_UNUSED(closure))
{
    PyObject *args = EXC_CAST(op)->args;
    return Py_NewRef(args ? args : Py_None);
}

static int
BaseException_set_args(PyObject *op, PyObject *val, void *Py_UNUSED(closure))
{
    if (val == NULL) {
        PyErr_SetString(PyExc_TypeError, "args may not be deleted");
        return -1;
    }
    PyObject *seq = PySequence_Tuple(val);
    if (seq == NULL) return -1;
    Py_XSETREF(EXC_CAST(op)->args, seq);
    return 0;
}

static PyObject *
BaseException_get_tb(PyObject *op, void *Py_UNUSED(closure))
{
    PyObject *tb = EXC_CAST(op)->traceback;
    return Py_NewRef(tb ? tb : Py_None);
}

static int
BaseException_set_tb(PyObject *op, PyObject *tb, void *Py_UNUSED(closure))
{
    return PyException_SetTraceback(op, tb);
}

static PyObject *
BaseException_get_context(PyObject *op, void *Py_UNUSED(closure))
{
    PyObject *ctx = EXC_CAST(op)->context;
    return Py_NewRef(ctx ? ctx : Py_None);
}

static int
BaseException_set_context(PyObject *op, PyObject *arg, void *Py_UNUSED(closure))
{
    if (arg == NULL) {
        PyErr_SetString(PyExc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (arg == Py_None) {
        arg = NULL;
    }
    else if (!PyExceptionInstance_Check(arg)) {
        PyErr_SetString(PyExc_TypeError,
                        "exception context must be None or derive from BaseException");
        return -1;
    }
    else {
        Py_INCREF(arg);     /* PyException_SetContext steals it */
    }
    PyException_SetContext(op, arg);
    return 0;
}

static PyObject *
BaseException_get_cause(PyObject *op, void *Py_UNUSED(closure))
{
    PyObject *cause = EXC_CAST(op)->cause;
    return Py_NewRef(cause ? cause : Py_None);
}

static int
BaseException_set_cause(PyObject *op, PyObject *arg, void *Py_UNUSED(closure))
{
    if (arg == NULL) {
        PyErr_SetString(PyExc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (arg == Py_None) {
        arg = NULL;
    }
    else if (!PyExceptionInstance_Check(arg)) {
        PyErr_SetString(PyExc_TypeError,
                        "exception cause must be None or derive from BaseException");
        return -1;
    }
    else {
        Py_INCREF(arg);     /* PyException_SetCause steals it */
    }
    PyException_SetCause(op, arg);
    return 0;
}

static int
BaseException_set_dict(PyObject *op, PyObject *value, void *Py_UNUSED(closure))
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
    Py_XSETREF(EXC_CAST(op)->dict, Py_NewRef(value));
    return 0;
}

static PyGetSetDef BaseException_getset[] = {
    {"__dict__", PyObject_GenericGetDict, BaseException_set_dict, NULL, NULL},
    {"args", BaseException_get_args, BaseException_set_args, NULL, NULL},
    {"__traceback__", BaseException_get_tb, BaseException_set_tb, NULL, NULL},
    {"__context__", BaseException_get_context, BaseException_set_context,
     "exception context", NULL},
    {"__cause__", BaseException_get_cause, BaseException_set_cause,
     "exception cause", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef BaseException_members[] = {
    {"__suppress_context__", Py_T_BOOL, offsetof(PyBaseExceptionObject, suppress_context), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* ====================================================================== */
/* StopIteration, SystemExit                                              */
/* ====================================================================== */

static int
StopIteration_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    if (BaseException_init(op, args, kwds) == -1) return -1;
    PyStopIterationObject *self = (PyStopIterationObject *)op;
    PyObject *value = PyTuple_GET_SIZE(args) > 0 ? PyTuple_GET_ITEM(args, 0) : Py_None;
    Py_XSETREF(self->value, Py_NewRef(value));
    return 0;
}

static int
StopIteration_clear(PyObject *op)
{
    Py_CLEAR(((PyStopIterationObject *)op)->value);
    return BaseException_clear(op);
}

static void
StopIteration_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    (void)StopIteration_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
StopIteration_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((PyStopIterationObject *)op)->value);
    return BaseException_traverse(op, visit, arg);
}

static PyMemberDef StopIteration_members[] = {
    {"value", _Py_T_OBJECT, offsetof(PyStopIterationObject, value), 0, "generator return value"},
    {NULL, 0, 0, 0, NULL},
};

static int
SystemExit_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    Py_ssize_t size = PyTuple_GET_SIZE(args);
    if (BaseException_init(op, args, kwds) == -1) return -1;
    PySystemExitObject *self = (PySystemExitObject *)op;
    if (size == 0) return 0;
    if (size == 1) Py_XSETREF(self->code, Py_NewRef(PyTuple_GET_ITEM(args, 0)));
    else Py_XSETREF(self->code, Py_NewRef(args));
    return 0;
}

static int
SystemExit_clear(PyObject *op)
{
    Py_CLEAR(((PySystemExitObject *)op)->code);
    return BaseException_clear(op);
}

static void
SystemExit_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    (void)SystemExit_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
SystemExit_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((PySystemExitObject *)op)->code);
    return BaseException_traverse(op, visit, arg);
}

static PyMemberDef SystemExit_members[] = {
    {"code", _Py_T_OBJECT, offsetof(PySystemExitObject, code), 0, "exception code"},
    {NULL, 0, 0, 0, NULL},
};

/* ====================================================================== */
/* ImportError, NameError, AttributeError                                 */
/* ====================================================================== */

static int
ImportError_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "path", "name_from", NULL};
    PyObject *name = NULL, *path = NULL, *name_from = NULL;
    PyImportErrorObject *self = (PyImportErrorObject *)op;

    if (BaseException_init(op, args, NULL) == -1) return -1;
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL) return -1;
    if (!PyArg_ParseTupleAndKeywords(empty, kwds, "|$OOO:ImportError", kwlist,
                                     &name, &path, &name_from)) {
        Py_DECREF(empty);
        return -1;
    }
    Py_DECREF(empty);
    Py_XSETREF(self->name, Py_XNewRef(name));
    Py_XSETREF(self->path, Py_XNewRef(path));
    Py_XSETREF(self->name_from, Py_XNewRef(name_from));
    PyObject *msg = PyTuple_GET_SIZE(args) == 1 ? Py_NewRef(PyTuple_GET_ITEM(args, 0)) : NULL;
    Py_XSETREF(self->msg, msg);
    return 0;
}

static int
ImportError_clear(PyObject *op)
{
    PyImportErrorObject *self = (PyImportErrorObject *)op;
    Py_CLEAR(self->msg);
    Py_CLEAR(self->name);
    Py_CLEAR(self->path);
    Py_CLEAR(self->name_from);
    return BaseException_clear(op);
}

static void
ImportError_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    (void)ImportError_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
ImportError_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyImportErrorObject *self = (PyImportErrorObject *)op;
    Py_VISIT(self->msg);
    Py_VISIT(self->name);
    Py_VISIT(self->path);
    Py_VISIT(self->name_from);
    return BaseException_traverse(op, visit, arg);
}

static PyObject *
ImportError_str(PyObject *op)
{
    PyImportErrorObject *self = (PyImportErrorObject *)op;
    if (self->msg && PyUnicode_CheckExact(self->msg)) return Py_NewRef(self->msg);
    return BaseException_str(op);
}

/* state for pickling: the dict plus name/path/name_from, or None */
static PyObject *
ImportError_getstate(PyImportErrorObject *self)
{
    PyObject *dict = self->base.dict;
    if (self->name || self->path || self->name_from) {
        dict = dict ? PyDict_Copy(dict) : PyDict_New();
        if (dict == NULL) return NULL;
        if ((self->name && PyDict_SetItem(dict, _Py_ID(name), self->name) < 0) ||
            (self->path && PyDict_SetItem(dict, _Py_ID(path), self->path) < 0) ||
            (self->name_from && PyDict_SetItem(dict, _Py_ID(name_from), self->name_from) < 0)) {
            Py_DECREF(dict);
            return NULL;
        }
        return dict;
    }
    if (dict) return Py_NewRef(dict);
    Py_RETURN_NONE;
}

static PyObject *
ImportError_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyImportErrorObject *self = (PyImportErrorObject *)op;
    PyObject *state = ImportError_getstate(self);
    if (state == NULL) return NULL;
    PyObject *args = self->base.args ? self->base.args : Py_None;
    PyObject *res;
    if (state == Py_None) res = PyTuple_Pack(2, Py_TYPE(self), args);
    else res = PyTuple_Pack(3, Py_TYPE(self), args, state);
    Py_DECREF(state);
    return res;
}

static PyMemberDef ImportError_members[] = {
    {"msg", _Py_T_OBJECT, offsetof(PyImportErrorObject, msg), 0, "exception message"},
    {"name", _Py_T_OBJECT, offsetof(PyImportErrorObject, name), 0, "module name"},
    {"path", _Py_T_OBJECT, offsetof(PyImportErrorObject, path), 0, "module path"},
    {"name_from", _Py_T_OBJECT, offsetof(PyImportErrorObject, name_from), 0,
     "name imported from module"},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef ImportError_methods[] = {
    {"__reduce__", (PyCFunction)ImportError_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int
NameError_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", NULL};
    PyObject *name = NULL;
    if (BaseException_init(op, args, NULL) == -1) return -1;
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL) return -1;
    if (!PyArg_ParseTupleAndKeywords(empty, kwds, "|$O:NameError", kwlist, &name)) {
        Py_DECREF(empty);
        return -1;
    }
    Py_DECREF(empty);
    Py_XSETREF(((PyNameErrorObject *)op)->name, Py_XNewRef(name));
    return 0;
}

static int
NameError_clear(PyObject *op)
{
    Py_CLEAR(((PyNameErrorObject *)op)->name);
    return BaseException_clear(op);
}

static void
NameError_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    (void)NameError_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
NameError_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((PyNameErrorObject *)op)->name);
    return BaseException_traverse(op, visit, arg);
}

static PyMemberDef NameError_members[] = {
    {"name", _Py_T_OBJECT, offsetof(PyNameErrorObject, name), 0, "name"},
    {NULL, 0, 0, 0, NULL},
};

static int
AttributeError_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "obj", NULL};
    PyObject *name = NULL, *obj = NULL;
    if (BaseException_init(op, args, NULL) == -1) return -1;
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL) return -1;
    if (!PyArg_ParseTupleAndKeywords(empty, kwds, "|$OO:AttributeError", kwlist, &name, &obj)) {
        Py_DECREF(empty);
        return -1;
    }
    Py_DECREF(empty);
    PyAttributeErrorObject *self = (PyAttributeErrorObject *)op;
    Py_XSETREF(self->name, Py_XNewRef(name));
    Py_XSETREF(self->obj, Py_XNewRef(obj));
    return 0;
}

static int
AttributeError_clear(PyObject *op)
{
    PyAttributeErrorObject *self = (PyAttributeErrorObject *)op;
    Py_CLEAR(self->obj);
    Py_CLEAR(self->name);
    return BaseException_clear(op);
}

static void
AttributeError_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    (void)AttributeError_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
AttributeError_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyAttributeErrorObject *self = (PyAttributeErrorObject *)op;
    Py_VISIT(self->obj);
    Py_VISIT(self->name);
    return BaseException_traverse(op, visit, arg);
}

/* pickled state: the dict plus name and args (obj is deliberately left
   out: it is often unpicklable) */
static PyObject *
AttributeError_getstate(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyAttributeErrorObject *self = (PyAttributeErrorObject *)op;
    PyObject *dict = self->base.dict;
    if (self->name || self->base.args) {
        dict = dict ? PyDict_Copy(dict) : PyDict_New();
        if (dict == NULL) return NULL;
        if ((self->name && PyDict_SetItemString(dict, "name", self->name) < 0) ||
            (self->base.args && PyDict_SetItemString(dict, "args", self->base.args) < 0)) {
            Py_DECREF(dict);
            return NULL;
        }
        return dict;
    }
    if (dict) return Py_NewRef(dict);
    Py_RETURN_NONE;
}

static PyObject *
AttributeError_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *state = AttributeError_getstate(op, NULL);
    if (state == NULL) return NULL;
    PyObject *args = EXC_CAST(op)->args ? EXC_CAST(op)->args : Py_None;
    PyObject *res = PyTuple_Pack(3, Py_TYPE(op), args, state);
    Py_DECREF(state);
    return res;
}

static PyMemberDef AttributeError_members[] = {
    {"name", _Py_T_OBJECT, offsetof(PyAttributeErrorObject, name), 0, "attribute name"},
    {"obj", _Py_T_OBJECT, offsetof(PyAttributeErrorObject, obj), 0, "object"},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef AttributeError_methods[] = {
    {"__getstate__", (PyCFunction)AttributeError_getstate, METH_NOARGS, NULL},
    {"__reduce__", (PyCFunction)AttributeError_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* ====================================================================== */
/* SyntaxError                                                            */
/* ====================================================================== */

static int
SyntaxError_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    PySyntaxErrorObject *self = (PySyntaxErrorObject *)op;
    Py_ssize_t lenargs = PyTuple_GET_SIZE(args);

    if (BaseException_init(op, args, kwds) == -1) return -1;
    if (lenargs >= 1) Py_XSETREF(self->msg, Py_NewRef(PyTuple_GET_ITEM(args, 0)));
    if (lenargs == 2) {
        PyObject *info = PySequence_Tuple(PyTuple_GET_ITEM(args, 1));
        if (info == NULL) return -1;
        PyObject *filename, *lineno, *offset, *text;
        PyObject *end_lineno = NULL, *end_offset = NULL;
        if (!PyArg_ParseTuple(info, "OOOO|OO", &filename, &lineno, &offset, &text,
                              &end_lineno, &end_offset)) {
            Py_DECREF(info);
            return -1;
        }
        Py_XSETREF(self->filename, Py_NewRef(filename));
        Py_XSETREF(self->lineno, Py_NewRef(lineno));
        Py_XSETREF(self->offset, Py_NewRef(offset));
        Py_XSETREF(self->text, Py_NewRef(text));
        Py_XSETREF(self->end_lineno, Py_XNewRef(end_lineno));
        Py_XSETREF(self->end_offset, Py_XNewRef(end_offset));
        Py_DECREF(info);
        if (self->end_lineno != NULL && self->end_offset == NULL) {
            PyErr_SetString(PyExc_TypeError,
                            "end_offset must be provided when end_lineno is provided");
            return -1;
        }
    }
    return 0;
}

static int
SyntaxError_clear(PyObject *op)
{
    PySyntaxErrorObject *self = (PySyntaxErrorObject *)op;
    Py_CLEAR(self->msg);
    Py_CLEAR(self->filename);
    Py_CLEAR(self->lineno);
    Py_CLEAR(self->offset);
    Py_CLEAR(self->end_lineno);
    Py_CLEAR(self->end_offset);
    Py_CLEAR(self->text);
    Py_CLEAR(self->print_file_and_line);
    return BaseException_clear(op);
}

static void
SyntaxError_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    (void)SyntaxError_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
SyntaxError_traverse(PyObject *op, visitproc visit, void *arg)
{
    PySyntaxErrorObject *self = (PySyntaxErrorObject *)op;
    Py_VISIT(self->msg);
    Py_VISIT(self->filename);
    Py_VISIT(self->lineno);
    Py_VISIT(self->offset);
    Py_VISIT(self->end_lineno);
    Py_VISIT(self->end_offset);
    Py_VISIT(self->text);
    Py_VISIT(self->print_file_and_line);
    return BaseException_traverse(op, visit, arg);
}

/* The part of a path after the last '/': new reference. */
static PyObject *
my_basename(PyObject *name)
{
    int kind = PyUnicode_KIND(name);
    const void *data = PyUnicode_DATA(name);
    Py_ssize_t size = PyUnicode_GET_LENGTH(name), offset = 0;
    for (Py_ssize_t i = 0; i < size; i++)
        if (PyUnicode_READ(kind, data, i) == '/') offset = i + 1;
    if (offset != 0) return PyUnicode_Substring(name, offset, size);
    return Py_NewRef(name);
}

static PyObject *
SyntaxError_str(PyObject *op)
{
    PySyntaxErrorObject *self = (PySyntaxErrorObject *)op;
    PyObject *filename = NULL, *result;
    int overflow;

    if (self->filename && PyUnicode_Check(self->filename)) {
        filename = my_basename(self->filename);
        if (filename == NULL) return NULL;
    }
    int have_lineno = self->lineno != NULL && PyLong_CheckExact(self->lineno);
    PyObject *msg = self->msg ? self->msg : Py_None;

    if (filename == NULL && !have_lineno) return PyObject_Str(msg);
    if (filename && have_lineno)
        result = PyUnicode_FromFormat("%S (%U, line %ld)", msg, filename,
                                      PyLong_AsLongAndOverflow(self->lineno, &overflow));
    else if (filename)
        result = PyUnicode_FromFormat("%S (%U)", msg, filename);
    else
        result = PyUnicode_FromFormat("%S (line %ld)", msg,
                                      PyLong_AsLongAndOverflow(self->lineno, &overflow));
    Py_XDECREF(filename);
    return result;
}

static PyMemberDef SyntaxError_members[] = {
    {"msg", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, msg), 0, "exception msg"},
    {"filename", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, filename), 0, "exception filename"},
    {"lineno", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, lineno), 0, "exception lineno"},
    {"offset", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, offset), 0, "exception offset"},
    {"text", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, text), 0, "exception text"},
    {"end_lineno", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, end_lineno), 0,
     "exception end lineno"},
    {"end_offset", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, end_offset), 0,
     "exception end offset"},
    {"print_file_and_line", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, print_file_and_line), 0,
     "exception print_file_and_line"},
    {NULL, 0, 0, 0, NULL},
};

/* ====================================================================== */
/* OSError                                                                */
/* ====================================================================== */

static PyObject *OSError_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
static int OSError_init(PyObject *self, PyObject *args, PyObject *kwds);

/* The OSError subclass CPython picks for an errno (its errnomap). */
static PyObject *
oserror_subclass_for_errno(PyObject *myerrno)
{
    int overflow;
    long code = PyLong_AsLongAndOverflow(myerrno, &overflow);
    if (code == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return NULL;
    }
    if (overflow) return NULL;
    switch (code) {
    case EAGAIN:
#if defined(EWOULDBLOCK) && EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS:
        return PyExc_BlockingIOError;
    case EPIPE:
#ifdef ESHUTDOWN
    case ESHUTDOWN:
#endif
        return PyExc_BrokenPipeError;
    case ECHILD: return PyExc_ChildProcessError;
    case ECONNABORTED: return PyExc_ConnectionAbortedError;
    case ECONNREFUSED: return PyExc_ConnectionRefusedError;
    case ECONNRESET: return PyExc_ConnectionResetError;
    case EEXIST: return PyExc_FileExistsError;
    case ENOENT: return PyExc_FileNotFoundError;
    case EISDIR: return PyExc_IsADirectoryError;
    case ENOTDIR: return PyExc_NotADirectoryError;
    case EINTR: return PyExc_InterruptedError;
    case EACCES:
    case EPERM:
        return PyExc_PermissionError;
    case ESRCH: return PyExc_ProcessLookupError;
    case ETIMEDOUT: return PyExc_TimeoutError;
    default: return NULL;
    }
}

/* OSError(errno, strerror[, filename[, winerror[, filename2]]]): only
   2..5 arguments are parsed; the caller cleans up on error. */
static int
oserror_parse_args(PyObject *args, PyObject **myerrno, PyObject **strerror,
                   PyObject **filename, PyObject **filename2)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    PyObject *winerror = NULL;
    if (nargs >= 2 && nargs <= 5) {
        if (!PyArg_UnpackTuple(args, "OSError", 2, 5, myerrno, strerror, filename,
                               &winerror, filename2))
            return -1;
    }
    return 0;
}

/* Fill the fields.  *p_args is stolen into self->args (replaced by its
   first two items when a filename is given, as CPython does). */
static int
oserror_init(PyOSErrorObject *self, PyObject **p_args, PyObject *myerrno, PyObject *strerror,
             PyObject *filename, PyObject *filename2)
{
    PyObject *args = *p_args;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);

    if (filename && filename != Py_None) {
        if (Py_IS_TYPE(self, (PyTypeObject *)PyExc_BlockingIOError) && PyNumber_Check(filename)) {
            /* BlockingIOError's third argument is characters_written */
            self->written = PyNumber_AsSsize_t(filename, PyExc_ValueError);
            if (self->written == -1 && PyErr_Occurred()) return -1;
        }
        else {
            Py_XSETREF(self->filename, Py_NewRef(filename));
            if (filename2 && filename2 != Py_None)
                Py_XSETREF(self->filename2, Py_NewRef(filename2));
            if (nargs >= 2 && nargs <= 5) {
                PyObject *subslice = PyTuple_GetSlice(args, 0, 2);
                if (subslice == NULL) return -1;
                Py_DECREF(args);
                *p_args = args = subslice;
            }
        }
    }
    Py_XSETREF(self->myerrno, Py_XNewRef(myerrno));
    Py_XSETREF(self->strerror, Py_XNewRef(strerror));
    Py_XSETREF(self->base.args, args);
    *p_args = NULL;
    return 0;
}

/* A subclass defining __init__ (but not __new__) gets its arguments
   parsed by __init__ only (bpo-12555). */
static int
oserror_use_init(PyTypeObject *type)
{
    return type->tp_init != OSError_init && type->tp_new == OSError_new;
}

static PyObject *
OSError_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyOSErrorObject *self = NULL;
    PyObject *myerrno = NULL, *strerror = NULL, *filename = NULL, *filename2 = NULL;

    Py_INCREF(args);
    if (!oserror_use_init(type)) {
        if (!_PyArg_NoKeywords(type->tp_name, kwds)) goto error;
        if (oserror_parse_args(args, &myerrno, &strerror, &filename, &filename2) < 0)
            goto error;
        if (myerrno && PyLong_Check(myerrno) && (PyObject *)type == PyExc_OSError) {
            PyObject *newtype = oserror_subclass_for_errno(myerrno);
            if (newtype != NULL) type = (PyTypeObject *)newtype;
        }
    }
    self = (PyOSErrorObject *)type->tp_alloc(type, 0);
    if (self == NULL) goto error;
    self->base.dict = NULL;
    self->base.traceback = self->base.cause = self->base.context = NULL;
    self->written = -1;
    if (!oserror_use_init(type)) {
        if (oserror_init(self, &args, myerrno, strerror, filename, filename2) < 0) goto error;
    }
    else {
        self->base.args = PyTuple_New(0);
        if (self->base.args == NULL) goto error;
    }
    Py_XDECREF(args);
    return (PyObject *)self;
error:
    Py_XDECREF(args);
    Py_XDECREF(self);
    return NULL;
}

static int
OSError_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyObject *myerrno = NULL, *strerror = NULL, *filename = NULL, *filename2 = NULL;
    if (!oserror_use_init(Py_TYPE(op))) return 0;   /* done in __new__ */
    if (!_PyArg_NoKeywords(Py_TYPE(op)->tp_name, kwds)) return -1;
    Py_INCREF(args);
    if (oserror_parse_args(args, &myerrno, &strerror, &filename, &filename2) < 0) goto error;
    if (oserror_init((PyOSErrorObject *)op, &args, myerrno, strerror, filename, filename2) < 0)
        goto error;
    return 0;
error:
    Py_XDECREF(args);
    return -1;
}

static int
OSError_clear(PyObject *op)
{
    PyOSErrorObject *self = (PyOSErrorObject *)op;
    Py_CLEAR(self->myerrno);
    Py_CLEAR(self->strerror);
    Py_CLEAR(self->filename);
    Py_CLEAR(self->filename2);
    return BaseException_clear(op);
}

static void
OSError_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    (void)OSError_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
OSError_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyOSErrorObject *self = (PyOSErrorObject *)op;
    Py_VISIT(self->myerrno);
    Py_VISIT(self->strerror);
    Py_VISIT(self->filename);
    Py_VISIT(self->filename2);
    return BaseException_traverse(op, visit, arg);
}

static PyObject *
OSError_str(PyObject *op)
{
    PyOSErrorObject *self = (PyOSErrorObject *)op;
#define OR_NONE(x) ((x) ? (x) : Py_None)
    if (self->filename) {
        if (self->filename2)
            return PyUnicode_FromFormat("[Errno %S] %S: %R -> %R", OR_NONE(self->myerrno),
                                        OR_NONE(self->strerror), self->filename, self->filename2);
        return PyUnicode_FromFormat("[Errno %S] %S: %R", OR_NONE(self->myerrno),
                                    OR_NONE(self->strerror), self->filename);
    }
    if (self->myerrno && self->strerror)
        return PyUnicode_FromFormat("[Errno %S] %S", self->myerrno, self->strerror);
#undef OR_NONE
    return BaseException_str(op);
}

static PyObject *
OSError_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyOSErrorObject *self = (PyOSErrorObject *)op;
    PyObject *args = self->base.args, *res;
    if (args == NULL) args = Py_None;
    /* args holds only errno and strerror when a filename was given */
    if (PyTuple_Check(args) && PyTuple_GET_SIZE(args) == 2 && self->filename) {
        Py_ssize_t size = self->filename2 ? 5 : 3;
        PyObject *nargs = PyTuple_New(size);
        if (nargs == NULL) return NULL;
        PyTuple_SET_ITEM(nargs, 0, Py_NewRef(PyTuple_GET_ITEM(args, 0)));
        PyTuple_SET_ITEM(nargs, 1, Py_NewRef(PyTuple_GET_ITEM(args, 1)));
        PyTuple_SET_ITEM(nargs, 2, Py_NewRef(self->filename));
        if (self->filename2) {
            PyTuple_SET_ITEM(nargs, 3, Py_NewRef(Py_None));     /* winerror */
            PyTuple_SET_ITEM(nargs, 4, Py_NewRef(self->filename2));
        }
        args = nargs;
    }
    else {
        Py_INCREF(args);
    }
    if (self->base.dict) res = PyTuple_Pack(3, Py_TYPE(self), args, self->base.dict);
    else res = PyTuple_Pack(2, Py_TYPE(self), args);
    Py_DECREF(args);
    return res;
}

static PyObject *
OSError_written_get(PyObject *op, void *Py_UNUSED(closure))
{
    PyOSErrorObject *self = (PyOSErrorObject *)op;
    if (self->written == -1) {
        PyErr_SetString(PyExc_AttributeError, "characters_written");
        return NULL;
    }
    return PyLong_FromSsize_t(self->written);
}

static int
OSError_written_set(PyObject *op, PyObject *arg, void *Py_UNUSED(closure))
{
    PyOSErrorObject *self = (PyOSErrorObject *)op;
    if (arg == NULL) {
        if (self->written == -1) {
            PyErr_SetString(PyExc_AttributeError, "characters_written");
            return -1;
        }
        self->written = -1;
        return 0;
    }
    Py_ssize_t n = PyNumber_AsSsize_t(arg, PyExc_ValueError);
    if (n == -1 && PyErr_Occurred()) return -1;
    self->written = n;
    return 0;
}

static PyMemberDef OSError_members[] = {
    {"errno", _Py_T_OBJECT, offsetof(PyOSErrorObject, myerrno), 0, "POSIX exception code"},
    {"strerror", _Py_T_OBJECT, offsetof(PyOSErrorObject, strerror), 0, "exception strerror"},
    {"filename", _Py_T_OBJECT, offsetof(PyOSErrorObject, filename), 0, "exception filename"},
    {"filename2", _Py_T_OBJECT, offsetof(PyOSErrorObject, filename2), 0,
     "second exception filename"},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef OSError_methods[] = {
    {"__reduce__", (PyCFunction)OSError_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef OSError_getset[] = {
    {"characters_written", OSError_written_get, OSError_written_set, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ====================================================================== */
/* KeyError, MemoryError                                                  */
/* ====================================================================== */

/* One argument: its repr, so that {}[''] reports KeyError: ''. */
static PyObject *
KeyError_str(PyObject *op)
{
    PyObject *args = EXC_CAST(op)->args;
    if (args != NULL && PyTuple_GET_SIZE(args) == 1)
        return PyObject_Repr(PyTuple_GET_ITEM(args, 0));
    return BaseException_str(op);
}

#define MEMERRORS_SAVE 16
static PyBaseExceptionObject *memerrors_freelist;   /* linked through ->dict */
static int memerrors_numfree;

/* The MemoryError raised when even the free list is empty: a static,
   immortal instance (with its GC head in front of it). */
static struct {
    PyGC_Head gc;
    PyBaseExceptionObject exc;
} last_resort_memory_error;

static PyObject *
get_memory_error(int allow_allocation, PyObject *args, PyObject *kwds)
{
    if (memerrors_freelist == NULL) {
        if (!allow_allocation)
            return Py_NewRef((PyObject *)&last_resort_memory_error.exc);
        return BaseException_new((PyTypeObject *)PyExc_MemoryError, args, kwds);
    }
    PyBaseExceptionObject *self = memerrors_freelist;
    self->args = PyTuple_New(0);    /* the immortal empty tuple: no allocation */
    if (self->args == NULL) return NULL;
    memerrors_freelist = (PyBaseExceptionObject *)self->dict;
    memerrors_numfree--;
    self->dict = NULL;
    Py_SET_REFCNT((PyObject *)self, 1);
    _Py_INC_REFTOTAL();
    PyObject_GC_Track(self);
    return (PyObject *)self;
}

static PyObject *
MemoryError_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    /* subclasses do not use the free list */
    if (type != (PyTypeObject *)PyExc_MemoryError) return BaseException_new(type, args, kwds);
    return get_memory_error(1, args, kwds);
}

static void
MemoryError_dealloc(PyObject *op)
{
    PyBaseExceptionObject *self = EXC_CAST(op);
    PyObject_GC_UnTrack(op);
    (void)BaseException_clear(op);
    if (!Py_IS_TYPE(op, (PyTypeObject *)PyExc_MemoryError) || memerrors_numfree >= MEMERRORS_SAVE) {
        Py_TYPE(op)->tp_free(op);
        return;
    }
    self->dict = (PyObject *)memerrors_freelist;
    memerrors_freelist = self;
    memerrors_numfree++;
}

/* Borrowed-free: raise MemoryError without allocating (errors.c). */
PyObject *
_PyExc_GetMemoryError(void)
{
    if (last_resort_memory_error.exc.ob_base.ob_type == NULL)
        Py_FatalError("Out of memory and PyExc_MemoryError is not initialized yet");
    return get_memory_error(0, NULL, NULL);
}

/* ====================================================================== */
/* Unicode errors                                                         */
/* ====================================================================== */

static int
UnicodeError_clear(PyObject *op)
{
    PyUnicodeErrorObject *self = (PyUnicodeErrorObject *)op;
    Py_CLEAR(self->encoding);
    Py_CLEAR(self->object);
    Py_CLEAR(self->reason);
    return BaseException_clear(op);
}

static void
UnicodeError_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    (void)UnicodeError_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
UnicodeError_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyUnicodeErrorObject *self = (PyUnicodeErrorObject *)op;
    Py_VISIT(self->encoding);
    Py_VISIT(self->object);
    Py_VISIT(self->reason);
    return BaseException_traverse(op, visit, arg);
}

static PyMemberDef UnicodeError_members[] = {
    {"encoding", _Py_T_OBJECT, offsetof(PyUnicodeErrorObject, encoding), 0, "exception encoding"},
    {"object", _Py_T_OBJECT, offsetof(PyUnicodeErrorObject, object), 0, "exception object"},
    {"start", Py_T_PYSSIZET, offsetof(PyUnicodeErrorObject, start), 0, "exception start"},
    {"end", Py_T_PYSSIZET, offsetof(PyUnicodeErrorObject, end), 0, "exception end"},
    {"reason", _Py_T_OBJECT, offsetof(PyUnicodeErrorObject, reason), 0, "exception reason"},
    {NULL, 0, 0, 0, NULL},
};

static int
UnicodeEncodeError_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyUnicodeErrorObject *err = (PyUnicodeErrorObject *)op;
    PyObject *encoding, *object, *reason;
    Py_ssize_t start, end;
    if (BaseException_init(op, args, kwds) == -1) return -1;
    if (!PyArg_ParseTuple(args, "UUnnU", &encoding, &object, &start, &end, &reason)) return -1;
    Py_XSETREF(err->encoding, Py_NewRef(encoding));
    Py_XSETREF(err->object, Py_NewRef(object));
    Py_XSETREF(err->reason, Py_NewRef(reason));
    err->start = start;
    err->end = end;
    return 0;
}

/* "\xNN" / "\uNNNN" / "\UNNNNNNNN" for an unencodable character */
static void
format_badchar(char *buf, size_t size, Py_UCS4 ch)
{
    if (ch <= 0xff) snprintf(buf, size, "\\x%02x", (unsigned int)ch);
    else if (ch <= 0xffff) snprintf(buf, size, "\\u%04x", (unsigned int)ch);
    else snprintf(buf, size, "\\U%08x", (unsigned int)ch);
}

static PyObject *
UnicodeEncodeError_str(PyObject *op)
{
    PyUnicodeErrorObject *self = (PyUnicodeErrorObject *)op;
    PyObject *result = NULL, *reason_str = NULL, *encoding_str = NULL;
    if (self->object == NULL) return PyUnicode_FromString("");   /* not initialised */
    reason_str = PyObject_Str(self->reason ? self->reason : Py_None);
    if (reason_str == NULL) goto done;
    encoding_str = PyObject_Str(self->encoding ? self->encoding : Py_None);
    if (encoding_str == NULL) goto done;
    if (PyUnicode_Check(self->object) && self->start >= 0 &&
        self->start < PyUnicode_GET_LENGTH(self->object) && self->end == self->start + 1) {
        char bad[16];
        format_badchar(bad, sizeof(bad), PyUnicode_ReadChar(self->object, self->start));
        result = PyUnicode_FromFormat("'%U' codec can't encode character '%s' in position %zd: %U",
                                      encoding_str, bad, self->start, reason_str);
    }
    else {
        result = PyUnicode_FromFormat("'%U' codec can't encode characters in position %zd-%zd: %U",
                                      encoding_str, self->start, self->end - 1, reason_str);
    }
done:
    Py_XDECREF(reason_str);
    Py_XDECREF(encoding_str);
    return result;
}

static int
UnicodeDecodeError_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyUnicodeErrorObject *ude = (PyUnicodeErrorObject *)op;
    PyObject *encoding, *object, *reason;
    Py_ssize_t start, end;
    if (BaseException_init(op, args, kwds) == -1) return -1;
    if (!PyArg_ParseTuple(args, "UOnnU", &encoding, &object, &start, &end, &reason)) return -1;
    if (PyBytes_Check(object)) {
        Py_INCREF(object);
    }
    else if (PyByteArray_Check(object)) {
        PyByteArrayObject *ba = (PyByteArrayObject *)object;
        object = PyBytes_FromStringAndSize(ba->ob_start, Py_SIZE(ba));
        if (object == NULL) return -1;
    }
    else {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                     Py_TYPE(object)->tp_name);
        return -1;
    }
    Py_XSETREF(ude->encoding, Py_NewRef(encoding));
    Py_XSETREF(ude->object, object);
    Py_XSETREF(ude->reason, Py_NewRef(reason));
    ude->start = start;
    ude->end = end;
    return 0;
}

static PyObject *
UnicodeDecodeError_str(PyObject *op)
{
    PyUnicodeErrorObject *self = (PyUnicodeErrorObject *)op;
    PyObject *result = NULL, *reason_str = NULL, *encoding_str = NULL;
    if (self->object == NULL) return PyUnicode_FromString("");
    reason_str = PyObject_Str(self->reason ? self->reason : Py_None);
    if (reason_str == NULL) goto done;
    encoding_str = PyObject_Str(self->encoding ? self->encoding : Py_None);
    if (encoding_str == NULL) goto done;
    if (PyBytes_Check(self->object) && self->start >= 0 &&
        self->start < PyBytes_GET_SIZE(self->object) && self->end == self->start + 1) {
        char byte[8];
        snprintf(byte, sizeof(byte), "0x%02x",
                 (unsigned int)(PyBytes_AS_STRING(self->object)[self->start] & 0xff));
        result = PyUnicode_FromFormat("'%U' codec can't decode byte %s in position %zd: %U",
                                      encoding_str, byte, self->start, reason_str);
    }
    else {
        result = PyUnicode_FromFormat("'%U' codec can't decode bytes in position %zd-%zd: %U",
                                      encoding_str, self->start, self->end - 1, reason_str);
    }
done:
    Py_XDECREF(reason_str);
    Py_XDECREF(encoding_str);
    return result;
}

static int
UnicodeTranslateError_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyUnicodeErrorObject *self = (PyUnicodeErrorObject *)op;
    PyObject *object, *reason;
    Py_ssize_t start, end;
    if (BaseException_init(op, args, kwds) == -1) return -1;
    if (!PyArg_ParseTuple(args, "UnnU", &object, &start, &end, &reason)) return -1;
    Py_XSETREF(self->object, Py_NewRef(object));
    Py_XSETREF(self->reason, Py_NewRef(reason));
    Py_CLEAR(self->encoding);
    self->start = start;
    self->end = end;
    return 0;
}

static PyObject *
UnicodeTranslateError_str(PyObject *op)
{
    PyUnicodeErrorObject *self = (PyUnicodeErrorObject *)op;
    PyObject *result, *reason_str;
    if (self->object == NULL) return PyUnicode_FromString("");
    reason_str = PyObject_Str(self->reason ? self->reason : Py_None);
    if (reason_str == NULL) return NULL;
    if (PyUnicode_Check(self->object) && self->start >= 0 &&
        self->start < PyUnicode_GET_LENGTH(self->object) && self->end == self->start + 1) {
        char bad[16];
        format_badchar(bad, sizeof(bad), PyUnicode_ReadChar(self->object, self->start));
        result = PyUnicode_FromFormat("can't translate character '%s' in position %zd: %U",
                                      bad, self->start, reason_str);
    }
    else {
        result = PyUnicode_FromFormat("can't translate characters in position %zd-%zd: %U",
                                      self->start, self->end - 1, reason_str);
    }
    Py_DECREF(reason_str);
    return result;
}

/* ---- C API ---- */

/* New reference: UnicodeDecodeError(encoding, object[:length], start, end, reason). */
PyObject *
PyUnicodeDecodeError_Create(const char *encoding, const char *object, Py_ssize_t length,
                            Py_ssize_t start, Py_ssize_t end, const char *reason)
{
    PyObject *res = NULL;
    PyObject *enc = PyUnicode_FromString(encoding);
    PyObject *obj = PyBytes_FromStringAndSize(object, length);
    PyObject *rsn = PyUnicode_FromString(reason);
    PyObject *s = PyLong_FromSsize_t(start), *e = PyLong_FromSsize_t(end);
    if (enc && obj && rsn && s && e) {
        PyObject *args = PyTuple_Pack(5, enc, obj, s, e, rsn);
        if (args != NULL) {
            res = PyObject_Call(PyExc_UnicodeDecodeError, args, NULL);
            Py_DECREF(args);
        }
    }
    Py_XDECREF(enc);
    Py_XDECREF(obj);
    Py_XDECREF(rsn);
    Py_XDECREF(s);
    Py_XDECREF(e);
    return res;
}

/* New reference: UnicodeEncodeError(encoding, object, start, end, reason). */
PyObject *
_PyUnicodeEncodeError_Create(PyObject *encoding, PyObject *object, Py_ssize_t start,
                             Py_ssize_t end, const char *reason)
{
    PyObject *res = NULL;
    PyObject *rsn = PyUnicode_FromString(reason);
    PyObject *s = PyLong_FromSsize_t(start), *e = PyLong_FromSsize_t(end);
    if (rsn && s && e) {
        PyObject *args = PyTuple_Pack(5, encoding, object, s, e, rsn);
        if (args != NULL) {
            res = PyObject_Call(PyExc_UnicodeEncodeError, args, NULL);
            Py_DECREF(args);
        }
    }
    Py_XDECREF(rsn);
    Py_XDECREF(s);
    Py_XDECREF(e);
    return res;
}

static int
check_unicode_error(PyObject *exc)
{
    if (!PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_UnicodeError)) {
        PyErr_Format(PyExc_TypeError, "expecting a UnicodeError object, got %.200s",
                     Py_TYPE(exc)->tp_name);
        return -1;
    }
    return 0;
}

static PyObject *
unicode_error_attr(PyObject *exc, PyObject *attr, const char *name)
{
    if (check_unicode_error(exc) < 0) return NULL;
    if (attr == NULL) {
        PyErr_Format(PyExc_TypeError, "%s attribute not set", name);
        return NULL;
    }
    return Py_NewRef(attr);
}

PyObject *PyUnicodeEncodeError_GetEncoding(PyObject *exc)
{ return unicode_error_attr(exc, ((PyUnicodeErrorObject *)exc)->encoding, "encoding"); }
PyObject *PyUnicodeDecodeError_GetEncoding(PyObject *exc)
{ return unicode_error_attr(exc, ((PyUnicodeErrorObject *)exc)->encoding, "encoding"); }
PyObject *PyUnicodeEncodeError_GetObject(PyObject *exc)
{ return unicode_error_attr(exc, ((PyUnicodeErrorObject *)exc)->object, "object"); }
PyObject *PyUnicodeDecodeError_GetObject(PyObject *exc)
{ return unicode_error_attr(exc, ((PyUnicodeErrorObject *)exc)->object, "object"); }
PyObject *PyUnicodeTranslateError_GetObject(PyObject *exc)
{ return unicode_error_attr(exc, ((PyUnicodeErrorObject *)exc)->object, "object"); }
PyObject *PyUnicodeEncodeError_GetReason(PyObject *exc)
{ return unicode_error_attr(exc, ((PyUnicodeErrorObject *)exc)->reason, "reason"); }
PyObject *PyUnicodeDecodeError_GetReason(PyObject *exc)
{ return unicode_error_attr(exc, ((PyUnicodeErrorObject *)exc)->reason, "reason"); }
PyObject *PyUnicodeTranslateError_GetReason(PyObject *exc)
{ return unicode_error_attr(exc, ((PyUnicodeErrorObject *)exc)->reason, "reason"); }

static int
unicode_error_get_pos(PyObject *exc, Py_ssize_t *out, int want_end)
{
    if (check_unicode_error(exc) < 0) return -1;
    PyUnicodeErrorObject *u = (PyUnicodeErrorObject *)exc;
    if (u->object == NULL) {
        PyErr_SetString(PyExc_TypeError, "object attribute not set");
        return -1;
    }
    Py_ssize_t size = PyBytes_Check(u->object) ? PyBytes_GET_SIZE(u->object)
                      : PyUnicode_Check(u->object) ? PyUnicode_GET_LENGTH(u->object) : 0;
    Py_ssize_t v;
    if (want_end) {
        v = u->end;
        if (v < 1) v = 1;
        if (v > size) v = size;
    }
    else {
        v = u->start;
        if (v < 0) v = 0;
        if (v >= size) v = size == 0 ? 0 : size - 1;
    }
    *out = v;
    return 0;
}

int PyUnicodeEncodeError_GetStart(PyObject *exc, Py_ssize_t *start) { return unicode_error_get_pos(exc, start, 0); }
int PyUnicodeDecodeError_GetStart(PyObject *exc, Py_ssize_t *start) { return unicode_error_get_pos(exc, start, 0); }
int PyUnicodeTranslateError_GetStart(PyObject *exc, Py_ssize_t *start) { return unicode_error_get_pos(exc, start, 0); }
int PyUnicodeEncodeError_GetEnd(PyObject *exc, Py_ssize_t *end) { return unicode_error_get_pos(exc, end, 1); }
int PyUnicodeDecodeError_GetEnd(PyObject *exc, Py_ssize_t *end) { return unicode_error_get_pos(exc, end, 1); }
int PyUnicodeTranslateError_GetEnd(PyObject *exc, Py_ssize_t *end) { return unicode_error_get_pos(exc, end, 1); }

/* ====================================================================== */
/* BaseExceptionGroup                                                     */
/* ====================================================================== */

PyObject *PyExc_ExceptionGroup = NULL;

static PyObject *
BaseExceptionGroup_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *message = NULL, *exceptions = NULL;
    if (!PyArg_ParseTuple(args, "UO:BaseExceptionGroup.__new__", &message, &exceptions))
        return NULL;
    if (!PySequence_Check(exceptions)) {
        PyErr_SetString(PyExc_TypeError, "second argument (exceptions) must be a sequence");
        return NULL;
    }
    exceptions = PySequence_Tuple(exceptions);
    if (exceptions == NULL) return NULL;

    Py_ssize_t numexcs = PyTuple_GET_SIZE(exceptions);
    if (numexcs == 0) {
        PyErr_SetString(PyExc_ValueError,
                        "second argument (exceptions) must be a non-empty sequence");
        goto error;
    }
    bool nested_base_exceptions = false;
    for (Py_ssize_t i = 0; i < numexcs; i++) {
        PyObject *exc = PyTuple_GET_ITEM(exceptions, i);
        if (!PyExceptionInstance_Check(exc)) {
            PyErr_Format(PyExc_ValueError,
                         "Item %d of second argument (exceptions) is not an exception", (int)i);
            goto error;
        }
        int is_nonbase = PyObject_IsInstance(exc, PyExc_Exception);
        if (is_nonbase < 0) goto error;
        if (is_nonbase == 0) nested_base_exceptions = true;
    }

    PyTypeObject *cls = type;
    if (cls == (PyTypeObject *)PyExc_ExceptionGroup) {
        if (nested_base_exceptions) {
            PyErr_SetString(PyExc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
            goto error;
        }
    }
    else if (cls == (PyTypeObject *)PyExc_BaseExceptionGroup) {
        /* all leaves are Exceptions: build an ExceptionGroup */
        if (!nested_base_exceptions && PyExc_ExceptionGroup != NULL)
            cls = (PyTypeObject *)PyExc_ExceptionGroup;
    }
    else if (nested_base_exceptions) {
        int nonbase = PyObject_IsSubclass((PyObject *)cls, PyExc_Exception);
        if (nonbase == -1) goto error;
        if (nonbase == 1) {
            PyErr_Format(PyExc_TypeError, "Cannot nest BaseExceptions in '%.200s'", cls->tp_name);
            goto error;
        }
    }

    PyBaseExceptionGroupObject *self =
        (PyBaseExceptionGroupObject *)BaseException_new(cls, args, kwds);
    if (self == NULL) goto error;
    self->msg = Py_NewRef(message);
    self->excs = exceptions;
    return (PyObject *)self;
error:
    Py_DECREF(exceptions);
    return NULL;
}

/* New reference: BaseExceptionGroup(msg, excs) (an ExceptionGroup when
   every leaf is an Exception). */
PyObject *
_PyExc_CreateExceptionGroup(const char *msg_str, PyObject *excs)
{
    PyObject *msg = PyUnicode_FromString(msg_str);
    if (msg == NULL) return NULL;
    PyObject *args = PyTuple_Pack(2, msg, excs);
    Py_DECREF(msg);
    if (args == NULL) return NULL;
    PyObject *result = PyObject_CallObject(PyExc_BaseExceptionGroup, args);
    Py_DECREF(args);
    return result;
}

static int
BaseExceptionGroup_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords(Py_TYPE(self)->tp_name, kwds)) return -1;
    return BaseException_init(self, args, kwds);
}

static int
BaseExceptionGroup_clear(PyObject *op)
{
    PyBaseExceptionGroupObject *self = (PyBaseExceptionGroupObject *)op;
    Py_CLEAR(self->msg);
    Py_CLEAR(self->excs);
    return BaseException_clear(op);
}

static void
BaseExceptionGroup_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    (void)BaseExceptionGroup_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
BaseExceptionGroup_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyBaseExceptionGroupObject *self = (PyBaseExceptionGroupObject *)op;
    Py_VISIT(self->msg);
    Py_VISIT(self->excs);
    return BaseException_traverse(op, visit, arg);
}

static PyObject *
BaseExceptionGroup_str(PyObject *op)
{
    PyBaseExceptionGroupObject *self = (PyBaseExceptionGroupObject *)op;
    if (self->msg == NULL || self->excs == NULL) return BaseException_str(op);
    Py_ssize_t num_excs = PyTuple_GET_SIZE(self->excs);
    return PyUnicode_FromFormat("%S (%zd sub-exception%s)", self->msg, num_excs,
                                num_excs > 1 ? "s" : "");
}

static PyObject *
BaseExceptionGroup_derive(PyObject *op, PyObject *args)
{
    PyBaseExceptionGroupObject *self = (PyBaseExceptionGroupObject *)op;
    PyObject *excs = NULL;
    if (!PyArg_ParseTuple(args, "O", &excs)) return NULL;
    PyObject *init_args = PyTuple_Pack(2, self->msg ? self->msg : Py_None, excs);
    if (init_args == NULL) return NULL;
    PyObject *eg = PyObject_CallObject(PyExc_BaseExceptionGroup, init_args);
    Py_DECREF(init_args);
    return eg;
}

/* *result = orig.derive(excs) carrying orig's traceback, cause, context
   and a copy of its notes; NULL when excs is empty.  0 / -1. */
static int
exceptiongroup_subset(PyObject *orig, PyObject *excs, PyObject **result)
{
    *result = NULL;
    Py_ssize_t num_excs = PySequence_Size(excs);
    if (num_excs < 0) return -1;
    if (num_excs == 0) return 0;

    PyObject *eg = PyObject_CallMethod(orig, "derive", "(O)", excs);
    if (eg == NULL) return -1;
    if (!_PyBaseExceptionGroup_Check(eg)) {
        PyErr_SetString(PyExc_TypeError, "derive must return an instance of BaseExceptionGroup");
        goto error;
    }
    PyObject *tb = PyException_GetTraceback(orig);
    if (tb) {
        int res = PyException_SetTraceback(eg, tb);
        Py_DECREF(tb);
        if (res < 0) goto error;
    }
    PyException_SetContext(eg, PyException_GetContext(orig));
    PyException_SetCause(eg, PyException_GetCause(orig));

    PyObject *notes;
    if (_PyObject_LookupAttr(orig, _Py_ID(__notes__), &notes) < 0) goto error;
    if (notes) {
        if (PySequence_Check(notes)) {
            PyObject *notes_copy = PySequence_List(notes);
            Py_DECREF(notes);
            if (notes_copy == NULL) goto error;
            int res = PyObject_SetAttr(eg, _Py_ID(__notes__), notes_copy);
            Py_DECREF(notes_copy);
            if (res < 0) goto error;
        }
        else {
            Py_DECREF(notes);   /* not split()'s business to complain */
        }
    }
    *result = eg;
    return 0;
error:
    Py_DECREF(eg);
    return -1;
}

typedef enum {
    MATCH_BY_TYPE = 0,          /* exception type or tuple of them */
    MATCH_BY_PREDICATE = 1,     /* a callable returning true for matches */
    MATCH_INSTANCE_IDS = 2,     /* a set of id()s of leaves (interpreter use) */
} split_matcher_type;

static int
get_matcher_type(PyObject *value, split_matcher_type *type)
{
    if (PyCallable_Check(value) && !PyType_Check(value)) {
        *type = MATCH_BY_PREDICATE;
        return 0;
    }
    if (PyExceptionClass_Check(value)) {
        *type = MATCH_BY_TYPE;
        return 0;
    }
    if (PyTuple_CheckExact(value)) {
        Py_ssize_t n = PyTuple_GET_SIZE(value);
        for (Py_ssize_t i = 0; i < n; i++)
            if (!PyExceptionClass_Check(PyTuple_GET_ITEM(value, i))) goto error;
        *type = MATCH_BY_TYPE;
        return 0;
    }
error:
    PyErr_SetString(PyExc_TypeError,
                    "expected a function, exception type or tuple of exception types");
    return -1;
}

static PyObject *
id_of(PyObject *exc)
{
    return PyLong_FromUnsignedLongLong((unsigned long long)(uintptr_t)exc);
}

static int
split_check_match(PyObject *exc, split_matcher_type type, PyObject *value)
{
    switch (type) {
    case MATCH_BY_TYPE:
        return PyErr_GivenExceptionMatches(exc, value);
    case MATCH_BY_PREDICATE: {
        PyObject *r = PyObject_CallOneArg(value, exc);
        if (r == NULL) return -1;
        int t = PyObject_IsTrue(r);
        Py_DECREF(r);
        return t;
    }
    case MATCH_INSTANCE_IDS:
        if (!_PyBaseExceptionGroup_Check(exc)) {
            PyObject *id = id_of(exc);
            if (id == NULL) return -1;
            int res = PySet_Contains(value, id);
            Py_DECREF(id);
            return res;
        }
        return 0;
    }
    return 0;
}

typedef struct { PyObject *match, *rest; } split_result;

static int
split_recursive(PyObject *exc, split_matcher_type mtype, PyObject *mvalue,
                bool construct_rest, split_result *result)
{
    result->match = result->rest = NULL;
    int is_match = split_check_match(exc, mtype, mvalue);
    if (is_match < 0) return -1;
    if (is_match) {
        result->match = Py_NewRef(exc);
        return 0;
    }
    if (!_PyBaseExceptionGroup_Check(exc)) {
        if (construct_rest) result->rest = Py_NewRef(exc);
        return 0;
    }

    /* partial match: recurse into the leaves */
    PyBaseExceptionGroupObject *eg = (PyBaseExceptionGroupObject *)exc;
    Py_ssize_t num_excs = PyTuple_GET_SIZE(eg->excs);
    int retval = -1;
    PyObject *match_list = PyList_New(0), *rest_list = NULL;
    if (match_list == NULL) return -1;
    if (construct_rest && (rest_list = PyList_New(0)) == NULL) goto done;
    for (Py_ssize_t i = 0; i < num_excs; i++) {
        PyObject *e = PyTuple_GET_ITEM(eg->excs, i);
        split_result rec;
        if (Py_EnterRecursiveCall(" in exceptiongroup_split_recursive")) goto done;
        int r = split_recursive(e, mtype, mvalue, construct_rest, &rec);
        Py_LeaveRecursiveCall();
        if (r < 0) goto done;
        if (rec.match) {
            int a = PyList_Append(match_list, rec.match);
            Py_DECREF(rec.match);
            if (a < 0) {
                Py_XDECREF(rec.rest);
                goto done;
            }
        }
        if (rec.rest) {
            int a = PyList_Append(rest_list, rec.rest);
            Py_DECREF(rec.rest);
            if (a < 0) goto done;
        }
    }
    if (exceptiongroup_subset(exc, match_list, &result->match) < 0) goto done;
    if (construct_rest && exceptiongroup_subset(exc, rest_list, &result->rest) < 0) {
        Py_CLEAR(result->match);
        goto done;
    }
    retval = 0;
done:
    Py_DECREF(match_list);
    Py_XDECREF(rest_list);
    if (retval < 0) {
        Py_CLEAR(result->match);
        Py_CLEAR(result->rest);
    }
    return retval;
}

static PyObject *
BaseExceptionGroup_split(PyObject *self, PyObject *args)
{
    PyObject *matcher_value = NULL;
    split_matcher_type mtype;
    split_result r;
    if (!PyArg_UnpackTuple(args, "split", 1, 1, &matcher_value)) return NULL;
    if (get_matcher_type(matcher_value, &mtype) < 0) return NULL;
    if (split_recursive(self, mtype, matcher_value, true, &r) < 0) return NULL;
    PyObject *result = PyTuple_Pack(2, r.match ? r.match : Py_None, r.rest ? r.rest : Py_None);
    Py_XDECREF(r.match);
    Py_XDECREF(r.rest);
    return result;
}

static PyObject *
BaseExceptionGroup_subgroup(PyObject *self, PyObject *args)
{
    PyObject *matcher_value = NULL;
    split_matcher_type mtype;
    split_result r;
    if (!PyArg_UnpackTuple(args, "subgroup", 1, 1, &matcher_value)) return NULL;
    if (get_matcher_type(matcher_value, &mtype) < 0) return NULL;
    if (split_recursive(self, mtype, matcher_value, false, &r) < 0) return NULL;
    return r.match ? r.match : Py_NewRef(Py_None);
}

static int
collect_leaf_ids(PyObject *exc, PyObject *leaf_ids)
{
    if (exc == Py_None) return 0;
    if (!_PyBaseExceptionGroup_Check(exc)) {
        PyObject *id = id_of(exc);
        if (id == NULL) return -1;
        int res = PySet_Add(leaf_ids, id);
        Py_DECREF(id);
        return res;
    }
    PyBaseExceptionGroupObject *eg = (PyBaseExceptionGroupObject *)exc;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(eg->excs); i++) {
        if (Py_EnterRecursiveCall(" in collect_exception_group_leaf_ids")) return -1;
        int res = collect_leaf_ids(PyTuple_GET_ITEM(eg->excs, i), leaf_ids);
        Py_LeaveRecursiveCall();
        if (res < 0) return -1;
    }
    return 0;
}

/* The part of eg whose leaves appear in any group of keep (a list). */
static PyObject *
exception_group_projection(PyObject *eg, PyObject *keep)
{
    PyObject *leaf_ids = PySet_New(NULL);
    if (leaf_ids == NULL) return NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(keep); i++) {
        if (collect_leaf_ids(PyList_GET_ITEM(keep, i), leaf_ids) < 0) {
            Py_DECREF(leaf_ids);
            return NULL;
        }
    }
    split_result r;
    int err = split_recursive(eg, MATCH_INSTANCE_IDS, leaf_ids, false, &r);
    Py_DECREF(leaf_ids);
    if (err < 0) return NULL;
    return r.match ? r.match : Py_NewRef(Py_None);
}

static bool
is_same_exception_metadata(PyObject *exc1, PyObject *exc2)
{
    PyBaseExceptionObject *e1 = EXC_CAST(exc1), *e2 = EXC_CAST(exc2);
    return e1->notes == e2->notes && e1->traceback == e2->traceback &&
           e1->cause == e2->cause && e1->context == e2->context;
}

/* The exception group to raise at the end of try/except*: orig is the
   caught exception, excs the list of exceptions raised or re-raised by
   the except* clauses (None for clauses that raised nothing).  Re-raised
   ones keep their nesting in orig; newly raised ones become siblings.
   New reference (None if nothing is left to raise). */
PyObject *
_PyExc_PrepReraiseStar(PyObject *orig, PyObject *excs)
{
    Py_ssize_t numexcs = PyList_GET_SIZE(excs);
    if (numexcs == 0) return Py_NewRef(Py_None);
    if (!_PyBaseExceptionGroup_Check(orig)) {
        /* a naked exception was caught and wrapped: at most one clause ran */
        return Py_NewRef(PyList_GET_ITEM(excs, 0));
    }
    PyObject *raised_list = PyList_New(0), *reraised_list = PyList_New(0), *result = NULL;
    if (raised_list == NULL || reraised_list == NULL) goto done;
    for (Py_ssize_t i = 0; i < numexcs; i++) {
        PyObject *e = PyList_GET_ITEM(excs, i);
        if (e == Py_None) continue;
        PyObject *target = is_same_exception_metadata(e, orig) ? reraised_list : raised_list;
        if (PyList_Append(target, e) < 0) goto done;
    }
    PyObject *reraised_eg = exception_group_projection(orig, reraised_list);
    if (reraised_eg == NULL) goto done;
    if (PyList_GET_SIZE(raised_list) == 0) {
        result = reraised_eg;
    }
    else {
        int res = 0;
        if (reraised_eg != Py_None) res = PyList_Append(raised_list, reraised_eg);
        Py_DECREF(reraised_eg);
        if (res < 0) goto done;
        if (PyList_GET_SIZE(raised_list) > 1)
            result = _PyExc_CreateExceptionGroup("", raised_list);
        else
            result = Py_NewRef(PyList_GET_ITEM(raised_list, 0));
    }
done:
    Py_XDECREF(raised_list);
    Py_XDECREF(reraised_list);
    return result;
}

static PyMemberDef BaseExceptionGroup_members[] = {
    {"message", _Py_T_OBJECT, offsetof(PyBaseExceptionGroupObject, msg), Py_READONLY,
     "exception message"},
    {"exceptions", _Py_T_OBJECT, offsetof(PyBaseExceptionGroupObject, excs), Py_READONLY,
     "nested exceptions"},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef BaseExceptionGroup_methods[] = {
    {"derive", (PyCFunction)BaseExceptionGroup_derive, METH_VARARGS, NULL},
    {"split", (PyCFunction)BaseExceptionGroup_split, METH_VARARGS, NULL},
    {"subgroup", (PyCFunction)BaseExceptionGroup_subgroup, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* ====================================================================== */
/* The type objects                                                       */
/* ====================================================================== */

/* Defaults per instance layout (the third column of exceptions.def). */
#define KIND_COMMON(Store) \
    .tp_dealloc = Store##_dealloc, .tp_traverse = Store##_traverse, .tp_clear = Store##_clear, \
    .tp_alloc = PyType_GenericAlloc, .tp_free = PyObject_GC_Del
#define KIND_Base .tp_basicsize = sizeof(PyBaseExceptionObject), \
    .tp_dictoffset = offsetof(PyBaseExceptionObject, dict), KIND_COMMON(BaseException), \
    .tp_init = BaseException_init, .tp_new = BaseException_new
#define KIND_BaseExceptionGroup .tp_basicsize = sizeof(PyBaseExceptionGroupObject), \
    .tp_dictoffset = offsetof(PyBaseExceptionObject, dict), KIND_COMMON(BaseExceptionGroup), \
    .tp_init = BaseExceptionGroup_init
#define KIND_StopIteration .tp_basicsize = sizeof(PyStopIterationObject), \
    .tp_dictoffset = offsetof(PyBaseExceptionObject, dict), KIND_COMMON(StopIteration), \
    .tp_init = StopIteration_init
#define KIND_SystemExit .tp_basicsize = sizeof(PySystemExitObject), \
    .tp_dictoffset = offsetof(PyBaseExceptionObject, dict), KIND_COMMON(SystemExit), \
    .tp_init = SystemExit_init
#define KIND_ImportError .tp_basicsize = sizeof(PyImportErrorObject), \
    .tp_dictoffset = offsetof(PyBaseExceptionObject, dict), KIND_COMMON(ImportError), \
    .tp_init = ImportError_init
#define KIND_NameError .tp_basicsize = sizeof(PyNameErrorObject), \
    .tp_dictoffset = offsetof(PyBaseExceptionObject, dict), KIND_COMMON(NameError), \
    .tp_init = NameError_init
#define KIND_AttributeError .tp_basicsize = sizeof(PyAttributeErrorObject), \
    .tp_dictoffset = offsetof(PyBaseExceptionObject, dict), KIND_COMMON(AttributeError), \
    .tp_init = AttributeError_init
#define KIND_SyntaxError .tp_basicsize = sizeof(PySyntaxErrorObject), \
    .tp_dictoffset = offsetof(PyBaseExceptionObject, dict), KIND_COMMON(SyntaxError), \
    .tp_init = SyntaxError_init
#define KIND_OSError .tp_basicsize = sizeof(PyOSErrorObject), \
    .tp_dictoffset = offsetof(PyBaseExceptionObject, dict), KIND_COMMON(OSError), \
    .tp_init = OSError_init
#define KIND_UnicodeError .tp_basicsize = sizeof(PyUnicodeErrorObject), \
    .tp_dictoffset = offsetof(PyBaseExceptionObject, dict), KIND_COMMON(UnicodeError), \
    .tp_new = BaseException_new, .tp_members = UnicodeError_members

/* Per-name doc strings and slot overrides. */
#define DOC(s) .tp_doc = s
#define X_BaseException DOC("Common base class for all exceptions"), \
    .tp_repr = BaseException_repr, .tp_str = BaseException_str, \
    .tp_getattro = PyObject_GenericGetAttr, .tp_setattro = PyObject_GenericSetAttr, \
    .tp_methods = BaseException_methods, .tp_members = BaseException_members, \
    .tp_getset = BaseException_getset
#define X_BaseExceptionGroup DOC("A combination of multiple unrelated exceptions."), \
    .tp_new = BaseExceptionGroup_new, .tp_str = BaseExceptionGroup_str, \
    .tp_methods = BaseExceptionGroup_methods, .tp_members = BaseExceptionGroup_members
#define X_Exception DOC("Common base class for all non-exit exceptions.")
#define X_GeneratorExit DOC("Request that a generator exit.")
#define X_KeyboardInterrupt DOC("Program interrupted by user.")
#define X_SystemExit DOC("Request to exit from the interpreter."), .tp_members = SystemExit_members
#define X_ArithmeticError DOC("Base class for arithmetic errors.")
#define X_FloatingPointError DOC("Floating point operation failed.")
#define X_OverflowError DOC("Result too large to be represented.")
#define X_ZeroDivisionError \
    DOC("Second argument to a division or modulo operation was zero.")
#define X_AssertionError DOC("Assertion failed.")
#define X_AttributeError DOC("Attribute not found."), .tp_str = BaseException_str, \
    .tp_methods = AttributeError_methods, .tp_members = AttributeError_members
#define X_BufferError DOC("Buffer error.")
#define X_EOFError DOC("Read beyond end of file.")
#define X_ImportError DOC("Import can't find module, or can't find name in module."), \
    .tp_str = ImportError_str, .tp_methods = ImportError_methods, \
    .tp_members = ImportError_members
#define X_ModuleNotFoundError DOC("Module not found.")
#define X_LookupError DOC("Base class for lookup errors.")
#define X_IndexError DOC("Sequence index out of range.")
#define X_KeyError DOC("Mapping key not found."), .tp_str = KeyError_str, .tp_new = NULL
#define X_MemoryError DOC("Out of memory."), .tp_new = MemoryError_new, \
    .tp_dealloc = MemoryError_dealloc
#define X_NameError DOC("Name not found globally."), .tp_str = BaseException_str, \
    .tp_members = NameError_members
#define X_UnboundLocalError DOC("Local name referenced but not bound to a value.")
#define X_OSError DOC("Base class for I/O related errors."), .tp_new = OSError_new, \
    .tp_str = OSError_str, .tp_methods = OSError_methods, .tp_members = OSError_members, \
    .tp_getset = OSError_getset
#define X_BlockingIOError DOC("I/O operation would block.")
#define X_ChildProcessError DOC("Child process error.")
#define X_ConnectionError DOC("Connection error.")
#define X_BrokenPipeError DOC("Broken pipe.")
#define X_ConnectionAbortedError DOC("Connection aborted.")
#define X_ConnectionRefusedError DOC("Connection refused.")
#define X_ConnectionResetError DOC("Connection reset.")
#define X_FileExistsError DOC("File already exists.")
#define X_FileNotFoundError DOC("File not found.")
#define X_InterruptedError DOC("Interrupted by signal.")
#define X_IsADirectoryError DOC("Operation doesn't work on directories.")
#define X_NotADirectoryError DOC("Operation only works on directories.")
#define X_PermissionError DOC("Not enough permissions.")
#define X_ProcessLookupError DOC("Process not found.")
#define X_TimeoutError DOC("Timeout expired.")
#define X_ReferenceError DOC("Weak ref proxy used after referent went away.")
#define X_RuntimeError DOC("Unspecified run-time error.")
#define X_NotImplementedError DOC("Method or function hasn't been implemented yet.")
#define X_RecursionError DOC("Recursion limit exceeded.")
#define X_StopAsyncIteration DOC("Signal the end from iterator.__anext__().")
#define X_StopIteration DOC("Signal the end from iterator.__next__()."), \
    .tp_members = StopIteration_members
#define X_SyntaxError DOC("Invalid syntax."), .tp_str = SyntaxError_str, \
    .tp_members = SyntaxError_members
#define X_IndentationError DOC("Improper indentation.")
#define X_TabError DOC("Improper mixture of spaces and tabs.")
#define X_SystemError DOC("Internal error in the Python interpreter.\n\n" \
    "Please report this to the Python maintainer, along with the traceback,\n" \
    "the Python version, and the hardware/OS platform and version.")
#define X_TypeError DOC("Inappropriate argument type.")
#define X_ValueError DOC("Inappropriate argument value (of correct type).")
#define X_UnicodeError DOC("Unicode related error.")
#define X_UnicodeDecodeError DOC("Unicode decoding error."), \
    .tp_init = UnicodeDecodeError_init, .tp_str = UnicodeDecodeError_str
#define X_UnicodeEncodeError DOC("Unicode encoding error."), \
    .tp_init = UnicodeEncodeError_init, .tp_str = UnicodeEncodeError_str
#define X_UnicodeTranslateError DOC("Unicode translation error."), \
    .tp_init = UnicodeTranslateError_init, .tp_str = UnicodeTranslateError_str
#define X_Warning DOC("Base class for warning categories.")
#define X_BytesWarning DOC("Base class for warnings about bytes and buffer related problems, " \
    "mostly\nrelated to conversion from str or comparing to str.")
#define X_DeprecationWarning DOC("Base class for warnings about deprecated features.")
#define X_EncodingWarning DOC("Base class for warnings about encodings.")
#define X_FutureWarning DOC("Base class for warnings about constructs that will change " \
    "semantically\nin the future.")
#define X_ImportWarning DOC("Base class for warnings about probable mistakes in module imports")
#define X_PendingDeprecationWarning DOC("Base class for warnings about features which will be " \
    "deprecated\nin the future.")
#define X_ResourceWarning DOC("Base class for warnings about resource usage.")
#define X_RuntimeWarning DOC("Base class for warnings about dubious runtime behavior.")
#define X_SyntaxWarning DOC("Base class for warnings about dubious syntax.")
#define X_UnicodeWarning DOC("Base class for warnings about Unicode related problems, mostly\n" \
    "related to conversion problems.")
#define X_UserWarning DOC("Base class for warnings generated by user code.")

/* BaseException's base is object (filled in by PyType_Ready). */
#define _PyExc_BaseException_none (*(PyTypeObject *)NULL)

/* A later designator overriding a kind default is intended here. */
#if defined(__clang__)
#  pragma clang diagnostic push
#  pragma clang diagnostic ignored "-Winitializer-overrides"
#elif defined(__GNUC__)
#  pragma GCC diagnostic push
#  pragma GCC diagnostic ignored "-Woverride-init"
#endif

#define RP_EXC(Name, Base, Kind) \
    static PyTypeObject _PyExc_##Name = { \
        PyVarObject_HEAD_INIT(&PyType_Type, 0) \
        .tp_name = #Name, \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | \
                    Py_TPFLAGS_BASE_EXC_SUBCLASS, \
        .tp_base = &_PyExc_##Base, \
        KIND_##Kind, \
        X_##Name \
    };
#include "refpy/exceptions.def"
#undef RP_EXC

#if defined(__clang__)
#  pragma clang diagnostic pop
#elif defined(__GNUC__)
#  pragma GCC diagnostic pop
#endif

#define RP_EXC(Name, Base, Kind) PyObject *PyExc_##Name = (PyObject *)&_PyExc_##Name;
#include "refpy/exceptions.def"
#undef RP_EXC

/* ====================================================================== */
/* Creating exceptions quickly                                            */
/* ====================================================================== */

/* New reference: type(*value) if value is a tuple, type() for NULL/None,
   else type(value) -- CPython's _PyErr_CreateException.  Types created
   by BaseException.__new__ under the plain `type` metaclass skip the
   generic call machinery (same result: __new__ then __init__ with the
   same argument tuple). */
PyObject *
_PyExc_CreateFromValue(PyObject *type, PyObject *value)
{
    PyTypeObject *tp = (PyTypeObject *)type;
    PyObject *exc;
    if (tp->tp_new == BaseException_new && Py_IS_TYPE(tp, &PyType_Type) && tp->tp_init != NULL) {
        PyObject *args;
        if (value == NULL || value == Py_None) args = PyTuple_New(0);
        else if (PyTuple_Check(value)) args = Py_NewRef(value);
        else args = PyTuple_Pack(1, value);
        if (args == NULL) return NULL;
        exc = BaseException_new(tp, args, NULL);
        if (exc != NULL && tp->tp_init(exc, args, NULL) < 0) Py_CLEAR(exc);
        Py_DECREF(args);
        return exc;
    }
    if (value == NULL || value == Py_None) exc = PyObject_CallNoArgs(type);
    else if (PyTuple_Check(value)) exc = PyObject_Call(type, value, NULL);
    else exc = PyObject_CallOneArg(type, value);
    if (exc != NULL && !PyExceptionInstance_Check(exc)) {
        PyErr_Format(PyExc_TypeError,
                     "calling %R should have returned an instance of BaseException, not %s",
                     type, Py_TYPE(exc)->tp_name);
        Py_CLEAR(exc);
    }
    return exc;
}

/* ====================================================================== */
/* Start-up and shut-down                                                 */
/* ====================================================================== */

/* Fallback if ExceptionGroup cannot be made with type(): a static type
   with the same bases, readied by PyType_Ready from tp_bases. */
static PyTypeObject _PyExc_ExceptionGroup_static = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "ExceptionGroup",
    .tp_basicsize = sizeof(PyBaseExceptionGroupObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC |
                Py_TPFLAGS_BASE_EXC_SUBCLASS,
    .tp_base = &_PyExc_BaseExceptionGroup,
    .tp_dealloc = BaseExceptionGroup_dealloc,
    .tp_traverse = BaseExceptionGroup_traverse,
    .tp_clear = BaseExceptionGroup_clear,
    .tp_dictoffset = offsetof(PyBaseExceptionObject, dict),
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
};

static int
create_exception_group_class(void)
{
    PyObject *bases = PyTuple_Pack(2, PyExc_BaseExceptionGroup, PyExc_Exception);
    if (bases == NULL) return -1;
    PyExc_ExceptionGroup = PyErr_NewException("builtins.ExceptionGroup", bases, NULL);
    if (PyExc_ExceptionGroup == NULL) {
        PyErr_Clear();
        _PyExc_ExceptionGroup_static.tp_bases = bases;     /* kept forever */
        if (PyType_Ready(&_PyExc_ExceptionGroup_static) < 0) return -1;
        PyExc_ExceptionGroup = Py_NewRef((PyObject *)&_PyExc_ExceptionGroup_static);
        return 0;
    }
    Py_DECREF(bases);
    return 0;
}

static int
preallocate_memerrors(void)
{
    PyObject *errors[MEMERRORS_SAVE];
    int i;
    for (i = 0; i < MEMERRORS_SAVE; i++) {
        errors[i] = MemoryError_new((PyTypeObject *)PyExc_MemoryError, NULL, NULL);
        if (errors[i] == NULL) break;
    }
    for (int j = 0; j < i; j++) Py_DECREF(errors[j]);
    return i == MEMERRORS_SAVE ? 0 : -1;
}

int
_PyExc_InitTypes(void)
{
#define RP_EXC(Name, Base, Kind) \
    if (PyType_Ready(&_PyExc_##Name) < 0) return -1;
#include "refpy/exceptions.def"
#undef RP_EXC

    /* the last-resort MemoryError: static, immortal, untracked */
    PyBaseExceptionObject *lr = &last_resort_memory_error.exc;
    lr->ob_base.ob_refcnt = _Py_IMMORTAL_REFCNT;
    lr->ob_base.ob_type = (PyTypeObject *)PyExc_MemoryError;
    lr->args = PyTuple_New(0);
    if (lr->args == NULL) return -1;

    if (preallocate_memerrors() < 0) return -1;
    if (create_exception_group_class() < 0) return -1;
    return 0;
}

void
_PyExc_Fini(void)
{
    while (memerrors_freelist != NULL) {
        PyBaseExceptionObject *self = memerrors_freelist;
        memerrors_freelist = (PyBaseExceptionObject *)self->dict;
        self->dict = NULL;
        memerrors_numfree--;
        Py_TYPE(self)->tp_free(self);
    }
    if (PyExc_ExceptionGroup != (PyObject *)&_PyExc_ExceptionGroup_static)
        Py_CLEAR(PyExc_ExceptionGroup);
}
