/* frame.c -- interpreter frames on the thread's data stack.
 *
 * Every Python call needs a frame: the function, its code, globals and
 * builtins, the fast locals, cells, free variables and the value stack.
 * CPython 3.11+ keeps these _PyInterpreterFrame records in a per-thread
 * stack of large chunks instead of allocating an object per call, and so
 * do we: pushing a frame is a pointer bump (_PyFrame_PushUnchecked when
 * there is room), popping is a pointer store.  When a chunk is full a new
 * one (16 KiB, or bigger for huge frames) is linked in front; popping the
 * first frame of a chunk frees the chunk and returns to the previous one.
 * The very first chunk starts one word in, so that its first frame never
 * sits at data[0] and the root chunk is never freed.
 *
 * A frame object (PyFrameObject, frameobject.c) is created only when
 * someone asks for one -- a traceback, sys._getframe, a generator's
 * gi_frame.  It points at the live frame.  When the live frame is cleared
 * while the frame object is still referenced elsewhere, the frame's data
 * (header, locals and stack, with their references) is copied into the
 * frame object, which then "owns" it (take_ownership) and links f_back to
 * its caller's frame object, so that tracebacks can still walk it.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_opcode.h"
#include "rp_eval.h"

#define DATA_STACK_CHUNK_SIZE (16 * 1024)
#define MINIMUM_OVERHEAD 1000

/* ------------------------------------------------------------------ */
/* The data stack                                                       */

static PyObject **
push_chunk(PyThreadState *tstate, int size)
{
    size_t allocate_size = DATA_STACK_CHUNK_SIZE;
    while (allocate_size < sizeof(PyObject *) * (size_t)(size + MINIMUM_OVERHEAD))
        allocate_size *= 2;
    _PyStackChunk *chunk = PyMem_RawMalloc(allocate_size);
    if (chunk == NULL) return NULL;
    chunk->previous = tstate->datastack_chunk;
    chunk->size = allocate_size;
    chunk->top = 0;
    if (tstate->datastack_chunk) {
        tstate->datastack_chunk->top =
            (size_t)(tstate->datastack_top - &tstate->datastack_chunk->data[0]);
    }
    tstate->datastack_chunk = chunk;
    tstate->datastack_limit = (PyObject **)(((char *)chunk) + allocate_size);
    /* The root chunk skips its first word so that it is never popped. */
    PyObject **res = &chunk->data[chunk->previous == NULL];
    tstate->datastack_top = res + size;
    return res;
}

_PyInterpreterFrame *
_PyThreadState_PushFrame(PyThreadState *tstate, size_t size)
{
    if (_PyThreadState_HasStackSpace(tstate, (int)size))
        return _PyFrame_PushUnchecked(tstate, (int)size);
    PyObject **base = push_chunk(tstate, (int)size);
    if (base == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    return (_PyInterpreterFrame *)base;
}

void
_PyThreadState_PopFrame(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    PyObject **base = (PyObject **)frame;
    _PyStackChunk *chunk = tstate->datastack_chunk;
    if (base == &chunk->data[0]) {
        _PyStackChunk *previous = chunk->previous;
        tstate->datastack_top = &previous->data[previous->top];
        tstate->datastack_chunk = previous;
        tstate->datastack_limit = (PyObject **)(((char *)previous) + previous->size);
        PyMem_RawFree(chunk);
    }
    else {
        tstate->datastack_top = base;
    }
}

/* ------------------------------------------------------------------ */
/* Frame objects and ownership                                         */

PyFrameObject *
_PyFrame_MakeAndSetFrameObject(_PyInterpreterFrame *frame)
{
    /* Creating the object must not disturb an exception being raised. */
    PyObject *exc = PyErr_GetRaisedException();
    PyFrameObject *f = _PyFrame_New_NoTrack(frame->f_code);
    if (f == NULL) {
        Py_XDECREF(exc);
        return NULL;
    }
    PyErr_SetRaisedException(exc);
    if (frame->frame_obj) {
        /* Made re-entrantly while f was being allocated (a collection ran
           code that asked for this frame): keep the one already exposed;
           f owns nothing (f_frame NULL). */
        f->f_frame = NULL;
        Py_DECREF(f);
        return frame->frame_obj;
    }
    f->f_frame = frame;
    frame->frame_obj = f;
    return f;
}

PyFrameObject *
_PyFrame_GetFrameObject(_PyInterpreterFrame *frame)
{
    if (frame->frame_obj) return frame->frame_obj;
    return _PyFrame_MakeAndSetFrameObject(frame);
}

/* The frame is dying but its frame object lives on: move the data in. */
static void
take_ownership(PyFrameObject *f, _PyInterpreterFrame *frame)
{
    Py_ssize_t size = ((char *)&frame->localsplus[frame->stacktop]) - (char *)frame;
    Py_INCREF(frame->f_code);
    memcpy((_PyInterpreterFrame *)f->_f_frame_data, frame, size);
    frame = (_PyInterpreterFrame *)f->_f_frame_data;
    f->f_frame = frame;
    frame->owner = FRAME_OWNED_BY_FRAME_OBJECT;
    if (_PyFrame_IsIncomplete(frame)) {
        /* A frame that never ran its prologue: pretend RESUME ran. */
        PyCodeObject *code = frame->f_code;
        frame->prev_instr = _PyCode_CODE(code) + code->_co_firsttraceable;
    }
    _PyInterpreterFrame *prev = _PyFrame_GetFirstComplete(frame->previous);
    frame->previous = NULL;
    if (prev) {
        PyFrameObject *back = _PyFrame_GetFrameObject(prev);
        if (back == NULL) PyErr_Clear();
        else f->f_back = (PyFrameObject *)Py_NewRef(back);
    }
    if (!_PyObject_GC_IS_TRACKED((PyObject *)f)) _PyObject_GC_TRACK((PyObject *)f);
}

void
_PyFrame_ClearExceptCode(_PyInterpreterFrame *frame)
{
    if (frame->frame_obj) {
        PyFrameObject *f = frame->frame_obj;
        frame->frame_obj = NULL;
        if (Py_REFCNT(f) > 1) {
            take_ownership(f, frame);
            Py_DECREF(f);
            return;
        }
        Py_DECREF(f);
    }
    for (int i = 0; i < frame->stacktop; i++) Py_XDECREF(frame->localsplus[i]);
    Py_XDECREF(frame->frame_obj);
    Py_XDECREF(frame->f_locals);
    Py_DECREF(frame->f_funcobj);
}

void
_PyFrame_ClearAndPopThreadFrame(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    /* Finalizers run by the clearing may look at the stack: keep C-level
       recursion accounted as CPython does. */
    tstate->c_recursion_remaining--;
    _PyFrame_ClearExceptCode(frame);
    Py_DECREF(frame->f_code);
    tstate->c_recursion_remaining++;
    _PyThreadState_PopFrame(tstate, frame);
}

void
_PyFrame_ClearLocals(_PyInterpreterFrame *frame)
{
    int stacktop = frame->stacktop;
    frame->stacktop = 0;
    for (int i = 0; i < stacktop; i++) Py_XDECREF(frame->localsplus[i]);
    Py_CLEAR(frame->f_locals);
}

void
_PyFrame_Copy(_PyInterpreterFrame *src, _PyInterpreterFrame *dest)
{
    Py_ssize_t size = ((char *)&src->localsplus[src->stacktop]) - (char *)src;
    memcpy(dest, src, size);
    /* Don't leave a dangling pointer to the old frame. */
    dest->previous = NULL;
}

int
_PyFrame_Traverse(_PyInterpreterFrame *frame, visitproc visit, void *arg)
{
    Py_VISIT(frame->frame_obj);
    Py_VISIT(frame->f_locals);
    Py_VISIT(frame->f_funcobj);
    Py_VISIT(frame->f_code);
    for (int i = 0; i < frame->stacktop; i++) Py_VISIT(frame->localsplus[i]);
    return 0;
}

int
_PyInterpreterFrame_GetLine(_PyInterpreterFrame *frame)
{
    int addr = _PyInterpreterFrame_LASTI(frame) * (int)sizeof(_Py_CODEUNIT);
    return PyCode_Addr2Line(frame->f_code, addr);
}

/* ------------------------------------------------------------------ */
/* locals() of optimised frames                                         */

/* Has `opcode oparg` already executed in this frame?  Used to know
   whether a cell slot still holds an argument or the cell MAKE_CELL made. */
static int
frame_op_already_ran(_PyInterpreterFrame *frame, int opcode, int oparg)
{
    int check_oparg = 0;
    for (_Py_CODEUNIT *instr = _PyCode_CODE(frame->f_code); instr < frame->prev_instr; instr++) {
        int check_opcode = _PyOpcode_Deopt[instr->op.code];
        check_oparg |= instr->op.arg;
        if (check_opcode == opcode && check_oparg == oparg) return 1;
        if (check_opcode == EXTENDED_ARG) check_oparg <<= 8;
        else check_oparg = 0;
        instr += _PyOpcode_Caches[check_opcode];
    }
    return 0;
}

/* Free variables are copied in by COPY_FREE_VARS, the first instruction;
   if it has not run yet, do its work now. */
static void
frame_init_get_vars(_PyInterpreterFrame *frame)
{
    PyCodeObject *co = frame->f_code;
    int lasti = _PyInterpreterFrame_LASTI(frame);
    if (!(lasti < 0 && _PyCode_CODE(co)->op.code == COPY_FREE_VARS &&
          PyFunction_Check(frame->f_funcobj)))
        return;
    PyObject *closure = ((PyFunctionObject *)frame->f_funcobj)->func_closure;
    int offset = co->co_nlocalsplus - co->co_nfreevars;
    for (int i = 0; i < co->co_nfreevars; ++i)
        frame->localsplus[offset + i] = Py_NewRef(PyTuple_GET_ITEM(closure, i));
    frame->prev_instr = _PyCode_CODE(frame->f_code);
}

static int
frame_get_var(_PyInterpreterFrame *frame, PyCodeObject *co, int i, PyObject **pvalue)
{
    int kind = ((unsigned char *)PyBytes_AS_STRING(co->co_localspluskinds))[i];
    /* Unoptimised namespaces (module, class bodies) must not see free
       variables copied into their locals dict. */
    if ((kind & CO_FAST_FREE) && !(co->co_flags & CO_OPTIMIZED)) return 0;
    PyObject *value = frame->localsplus[i];
    if (frame->stacktop) {
        if (kind & CO_FAST_FREE) {
            if (value != NULL && PyCell_Check(value)) value = PyCell_GET(value);
        }
        else if (kind & CO_FAST_CELL) {
            if (value != NULL && PyCell_Check(value) &&
                frame_op_already_ran(frame, MAKE_CELL, i))
                value = PyCell_GET(value);
        }
    }
    else {
        value = NULL;
    }
    *pvalue = value;
    return 1;
}

/* Sync frame->f_locals with the fast locals; new reference to the dict
   (include_hidden: also the hidden comprehension variables, in a copy). */
PyObject *
_PyFrame_GetLocals(_PyInterpreterFrame *frame, int include_hidden)
{
    PyObject *locals = frame->f_locals;
    if (locals == NULL) {
        locals = frame->f_locals = PyDict_New();
        if (locals == NULL) return NULL;
    }
    PyObject *hidden = NULL;
    if (include_hidden) {
        hidden = PyDict_New();
        if (hidden == NULL) return NULL;
    }
    frame_init_get_vars(frame);
    PyCodeObject *co = frame->f_code;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        PyObject *value;
        if (!frame_get_var(frame, co, i, &value)) continue;
        PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
        int kind = ((unsigned char *)PyBytes_AS_STRING(co->co_localspluskinds))[i];
        if (kind & CO_FAST_HIDDEN) {
            if (include_hidden && value != NULL) {
                if (PyObject_SetItem(hidden, name, value) != 0) goto error;
            }
            continue;
        }
        if (value == NULL) {
            if (PyObject_DelItem(locals, name) != 0) {
                if (PyErr_ExceptionMatches(PyExc_KeyError)) PyErr_Clear();
                else goto error;
            }
        }
        else if (PyObject_SetItem(locals, name, value) != 0) {
            goto error;
        }
    }
    if (include_hidden && PyDict_Size(hidden)) {
        PyObject *inner = PyDict_New();
        if (inner == NULL) goto error;
        if (PyDict_Update(inner, locals) != 0 || PyDict_Update(inner, hidden) != 0) {
            Py_DECREF(inner);
            goto error;
        }
        locals = inner;
    }
    else {
        Py_INCREF(locals);
    }
    Py_XDECREF(hidden);
    return locals;
error:
    Py_XDECREF(hidden);
    return NULL;
}

int
_PyFrame_FastToLocalsWithError(_PyInterpreterFrame *frame)
{
    PyObject *locals = _PyFrame_GetLocals(frame, 0);
    if (locals == NULL) return -1;
    Py_DECREF(locals);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Frame access for sys and the public API                             */

PyFrameObject *
_PyThreadState_GetFrameAtDepth(PyThreadState *tstate, int depth)
{
    _PyInterpreterFrame *frame = tstate->current_frame;
    if (frame != NULL) {
        while (depth > 0) {
            frame = _PyFrame_GetFirstComplete(frame->previous);
            if (frame == NULL) break;
            --depth;
        }
    }
    if (frame == NULL) {
        PyErr_SetString(PyExc_ValueError, "call stack is not deep enough");
        return NULL;
    }
    PyFrameObject *f = _PyFrame_GetFrameObject(frame);
    return (PyFrameObject *)Py_XNewRef((PyObject *)f);
}

PyFrameObject *
PyEval_GetFrame(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *frame = _PyFrame_GetFirstComplete(tstate->current_frame);
    if (frame == NULL) return NULL;
    PyFrameObject *f = _PyFrame_GetFrameObject(frame);
    if (f == NULL) PyErr_Clear();
    return f;
}

PyObject *
PyEval_GetGlobals(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *frame = _PyFrame_GetFirstComplete(tstate->current_frame);
    if (frame == NULL) return NULL;
    return frame->f_globals;
}

PyObject *
PyEval_GetLocals(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *frame = _PyFrame_GetFirstComplete(tstate->current_frame);
    if (frame == NULL) {
        PyErr_SetString(PyExc_SystemError, "frame does not exist");
        return NULL;
    }
    if (_PyFrame_FastToLocalsWithError(frame) < 0) return NULL;
    return frame->f_locals;
}

PyObject *
_PyEval_GetFrameLocals(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *frame = _PyFrame_GetFirstComplete(tstate->current_frame);
    if (frame == NULL) {
        PyErr_SetString(PyExc_SystemError, "frame does not exist");
        return NULL;
    }
    return _PyFrame_GetLocals(frame, 1);
}

PyObject *
_PyEval_GetBuiltins(PyThreadState *tstate)
{
    _PyInterpreterFrame *frame = tstate->current_frame;
    if (frame != NULL) return frame->f_builtins;
    return tstate->interp->builtins;
}

PyObject *
PyEval_GetBuiltins(void)
{
    return _PyEval_GetBuiltins(_PyThreadState_GET());
}

PyObject *
_PyEval_BuiltinsFromGlobals(PyThreadState *tstate, PyObject *globals)
{
    PyObject *builtins = PyDict_GetItemWithError(globals, _Py_ID(__builtins__));
    if (builtins) {
        if (PyModule_Check(builtins)) builtins = PyModule_GetDict(builtins);
        return builtins;
    }
    if (PyErr_Occurred()) return NULL;
    return _PyEval_GetBuiltins(tstate);
}
