/* frameobject.c -- PyFrameObject, the Python-visible face of a frame.
 *
 * A frame object either points at a live _PyInterpreterFrame (on the data
 * stack, or inside a generator) or owns a copy of one in _f_frame_data
 * after the live frame died (see take_ownership in src/vm/frame.c).  Only
 * owning frame objects are tracked by the GC; the others are kept alive
 * by their interpreter frame (frame->frame_obj).
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_opcode.h"
#include "rp_eval.h"

PyFrameObject *
_PyFrame_New_NoTrack(PyCodeObject *code)
{
    int slots = code->co_nlocalsplus + code->co_stacksize;
    PyFrameObject *f = (PyFrameObject *)_PyObject_GC_NewVar(&PyFrame_Type, slots);
    if (f == NULL) return NULL;
    /* PyVarObject's ob_size overlaps f_back: reset it. */
    f->f_back = NULL;
    f->f_frame = NULL;
    f->f_trace = NULL;
    f->f_trace_lines = 1;
    f->f_trace_opcodes = 0;
    f->f_fast_as_locals = 0;
    f->f_lineno = 0;
    return f;
}

static int
frame_owns_data(PyFrameObject *f)
{
    return f->f_frame != NULL && f->f_frame == (_PyInterpreterFrame *)f->_f_frame_data &&
           f->f_frame->owner == FRAME_OWNED_BY_FRAME_OBJECT;
}

int
PyFrame_GetLineNumber(PyFrameObject *f)
{
    if (f->f_lineno != 0) return f->f_lineno;
    return _PyInterpreterFrame_GetLine(f->f_frame);
}

PyCodeObject *
PyFrame_GetCode(PyFrameObject *frame)
{
    return (PyCodeObject *)Py_NewRef(frame->f_frame->f_code);
}

PyFrameObject *
PyFrame_GetBack(PyFrameObject *frame)
{
    PyFrameObject *back = frame->f_back;
    if (back == NULL && frame->f_frame != NULL) {
        _PyInterpreterFrame *prev = _PyFrame_GetFirstComplete(frame->f_frame->previous);
        if (prev) back = _PyFrame_GetFrameObject(prev);
    }
    return (PyFrameObject *)Py_XNewRef((PyObject *)back);
}

PyObject *
PyFrame_GetLocals(PyFrameObject *frame)
{
    return _PyFrame_GetLocals(frame->f_frame, 1);
}

PyObject *
PyFrame_GetGlobals(PyFrameObject *frame)
{
    return Py_NewRef(frame->f_frame->f_globals);
}

PyObject *
PyFrame_GetBuiltins(PyFrameObject *frame)
{
    return Py_NewRef(frame->f_frame->f_builtins);
}

int
PyFrame_GetLasti(PyFrameObject *frame)
{
    int lasti = _PyInterpreterFrame_LASTI(frame->f_frame);
    if (lasti < 0) return -1;
    return lasti * (int)sizeof(_Py_CODEUNIT);
}

/* ---- attributes ---- */

static PyObject *
frame_getlocals(PyFrameObject *f, void *closure)
{
    PyObject *locals = _PyFrame_GetLocals(f->f_frame, 1);
    if (locals) f->f_fast_as_locals = 1;
    return locals;
}

static PyObject *
frame_getlineno(PyFrameObject *f, void *closure)
{
    int lineno = PyFrame_GetLineNumber(f);
    if (lineno < 0) Py_RETURN_NONE;
    return PyLong_FromLong(lineno);
}

static int
frame_setlineno(PyFrameObject *f, PyObject *p_new_lineno, void *closure)
{
    if (p_new_lineno == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    if (!PyLong_CheckExact(p_new_lineno)) {
        PyErr_SetString(PyExc_ValueError, "lineno must be an integer");
        return -1;
    }
    /* Jumping needs the tracing machinery, which refpy does not have. */
    PyErr_Format(PyExc_ValueError, "f_lineno can only be set by a trace function");
    return -1;
}

static PyObject *
frame_getlasti(PyFrameObject *f, void *closure)
{
    return PyLong_FromLong(PyFrame_GetLasti(f));
}

static PyObject *
frame_getglobals(PyFrameObject *f, void *closure)
{
    PyObject *globals = f->f_frame->f_globals;
    if (globals == NULL) globals = Py_None;
    return Py_NewRef(globals);
}

static PyObject *
frame_getbuiltins(PyFrameObject *f, void *closure)
{
    PyObject *builtins = f->f_frame->f_builtins;
    if (builtins == NULL) builtins = Py_None;
    return Py_NewRef(builtins);
}

static PyObject *
frame_getcode(PyFrameObject *f, void *closure)
{
    return (PyObject *)PyFrame_GetCode(f);
}

static PyObject *
frame_getback(PyFrameObject *f, void *closure)
{
    PyObject *res = (PyObject *)PyFrame_GetBack(f);
    if (res == NULL) Py_RETURN_NONE;
    return res;
}

static PyObject *
frame_gettrace(PyFrameObject *f, void *closure)
{
    PyObject *trace = f->f_trace;
    if (trace == NULL) trace = Py_None;
    return Py_NewRef(trace);
}

static int
frame_settrace(PyFrameObject *f, PyObject *v, void *closure)
{
    if (v == Py_None) v = NULL;
    Py_XSETREF(f->f_trace, Py_XNewRef(v));
    return 0;
}

static PyGetSetDef frame_getsetlist[] = {
    {"f_back", (getter)frame_getback, NULL, NULL},
    {"f_locals", (getter)frame_getlocals, NULL, NULL},
    {"f_lineno", (getter)frame_getlineno, (setter)frame_setlineno, NULL},
    {"f_trace", (getter)frame_gettrace, (setter)frame_settrace, NULL},
    {"f_lasti", (getter)frame_getlasti, NULL, NULL},
    {"f_globals", (getter)frame_getglobals, NULL, NULL},
    {"f_builtins", (getter)frame_getbuiltins, NULL, NULL},
    {"f_code", (getter)frame_getcode, NULL, NULL},
    {NULL}
};

static PyMemberDef frame_memberlist[] = {
    {"f_trace_lines", Py_T_BOOL, offsetof(PyFrameObject, f_trace_lines), 0},
    {"f_trace_opcodes", Py_T_BOOL, offsetof(PyFrameObject, f_trace_opcodes), 0},
    {NULL}
};

/* ---- slots ---- */

static void
frame_dealloc(PyFrameObject *f)
{
    if (_PyObject_GC_IS_TRACKED((PyObject *)f)) _PyObject_GC_UNTRACK((PyObject *)f);
    Py_TRASHCAN_BEGIN(f, frame_dealloc)
    PyCodeObject *co = NULL;
    if (frame_owns_data(f)) {
        _PyInterpreterFrame *frame = (_PyInterpreterFrame *)f->_f_frame_data;
        /* Keep the code alive until the very end. */
        co = frame->f_code;
        frame->f_code = NULL;
        Py_CLEAR(frame->f_funcobj);
        Py_CLEAR(frame->f_locals);
        for (int i = 0; i < frame->stacktop; i++) Py_CLEAR(frame->localsplus[i]);
    }
    Py_CLEAR(f->f_back);
    Py_CLEAR(f->f_trace);
    PyObject_GC_Del(f);
    Py_XDECREF(co);
    Py_TRASHCAN_END
}

static int
frame_traverse(PyFrameObject *f, visitproc visit, void *arg)
{
    Py_VISIT(f->f_back);
    Py_VISIT(f->f_trace);
    if (!frame_owns_data(f)) return 0;
    return _PyFrame_Traverse(f->f_frame, visit, arg);
}

static int
frame_tp_clear(PyFrameObject *f)
{
    Py_CLEAR(f->f_trace);
    if (!frame_owns_data(f)) return 0;
    _PyInterpreterFrame *frame = f->f_frame;
    for (int i = 0; i < frame->stacktop; i++) Py_CLEAR(frame->localsplus[i]);
    frame->stacktop = 0;
    return 0;
}

static PyObject *
frame_clear(PyFrameObject *f, PyObject *Py_UNUSED(ignored))
{
    if (f->f_frame == NULL) Py_RETURN_NONE;
    if (f->f_frame->owner == FRAME_OWNED_BY_GENERATOR) {
        PyGenObject *gen = _PyFrame_GetGenerator(f->f_frame);
        if (gen->gi_frame_state == FRAME_EXECUTING) goto running;
        _PyGen_Finalize((PyObject *)gen);
    }
    else if (f->f_frame->owner == FRAME_OWNED_BY_THREAD) {
        goto running;
    }
    else {
        (void)frame_tp_clear(f);
    }
    Py_RETURN_NONE;
running:
    PyErr_SetString(PyExc_RuntimeError, "cannot clear an executing frame");
    return NULL;
}

static PyObject *
frame_sizeof(PyFrameObject *f, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t base = offsetof(PyFrameObject, _f_frame_data) +
                      offsetof(_PyInterpreterFrame, localsplus);
    PyCodeObject *code = f->f_frame->f_code;
    int nslots = code->co_nlocalsplus + code->co_stacksize;
    return PyLong_FromSsize_t(base + nslots * (Py_ssize_t)sizeof(PyObject *));
}

static PyObject *
frame_repr(PyFrameObject *f)
{
    int lineno = PyFrame_GetLineNumber(f);
    PyCodeObject *code = f->f_frame->f_code;
    return PyUnicode_FromFormat("<frame at %p, file %R, line %d, code %S>", f, code->co_filename,
                                lineno, code->co_name);
}

static PyMethodDef frame_methods[] = {
    {"clear", (PyCFunction)frame_clear, METH_NOARGS,
     "F.clear(): clear most references held by the frame"},
    {"__sizeof__", (PyCFunction)frame_sizeof, METH_NOARGS,
     "F.__sizeof__() -> size of F in memory, in bytes"},
    {NULL, NULL}
};

PyTypeObject PyFrame_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "frame",
    .tp_basicsize = offsetof(PyFrameObject, _f_frame_data) + offsetof(_PyInterpreterFrame, localsplus),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = (destructor)frame_dealloc,
    .tp_repr = (reprfunc)frame_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)frame_traverse,
    .tp_clear = (inquiry)frame_tp_clear,
    .tp_methods = frame_methods,
    .tp_members = frame_memberlist,
    .tp_getset = frame_getsetlist,
};

int
_PyFrame_InitTypes(void)
{
    return PyType_Ready(&PyFrame_Type);
}
