/* genobject.c -- generators, coroutines and asynchronous generators.
 *
 * A generator object carries its own _PyInterpreterFrame inline, at the
 * end of the object (gi_iframe), sized for its code.  Calling a generator
 * function runs its prologue up to RETURN_GENERATOR, which moves the
 * frame (arguments included) into a new generator object and returns it.
 * Each send() pushes the sent value on the frame's stack and runs the
 * frame with the eval loop until YIELD_VALUE (the frame stays alive,
 * gi_frame_state SUSPENDED) or until it returns or raises (the frame is
 * cleared, CLEARED).  From Python code, SEND and FOR_ITER_GEN run the
 * generator frame inline in the same C loop; gen.send() and next(gen) from
 * C enter the loop through gen_send_ex2.
 *
 * While a generator runs, its exception state (the exception being
 * handled inside it) is pushed on the thread's exc_info stack, so
 * sys.exception() inside the generator sees its own handler state.
 *
 * throw() delegates to a sub-iterator the generator is suspended on
 * ("yield from" / "await": the instruction after the YIELD_VALUE is a
 * RESUME with oparg >= 2 and the sub-iterator is on top of the stack);
 * close() throws GeneratorExit in, and complains if the generator yields
 * again ("generator ignored GeneratorExit").  PEP 479 (StopIteration
 * raised inside becomes RuntimeError) is done by compiled code through
 * CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR.
 *
 * Coroutines are the same object with another type; their __await__ is a
 * small wrapper iterator.  Asynchronous generators yield values wrapped
 * in _PyAsyncGenWrappedValue so that the asend()/athrow() awaitables can
 * tell a real "yield" from an "await" passing through.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_opcode.h"
#include "rp_eval.h"

typedef enum { PYGEN_RETURN = 0, PYGEN_ERROR = -1, PYGEN_NEXT = 1 } PySendResult;

#define NON_INIT_CORO_MSG "can't send non-None value to a just-started coroutine"
#define ASYNC_GEN_IGNORED_EXIT_MSG "async generator ignored GeneratorExit"

static PyObject *gen_close(PyGenObject *gen, PyObject *args);

/* ------------------------------------------------------------------ */
/* StopIteration helpers                                                */

int
_PyGen_SetStopIterationValue(PyObject *value)
{
    if (value == NULL || (!PyTuple_Check(value) && !PyExceptionInstance_Check(value))) {
        PyErr_SetObject(PyExc_StopIteration, value);
        return 0;
    }
    /* A tuple or exception must not be taken as the args / instance. */
    PyObject *e = PyObject_CallOneArg(PyExc_StopIteration, value);
    if (e == NULL) return -1;
    PyErr_SetObject(PyExc_StopIteration, e);
    Py_DECREF(e);
    return 0;
}

int
_PyGen_FetchStopIterationValue(PyObject **pvalue)
{
    PyObject *value = NULL;
    if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyObject *exc = PyErr_GetRaisedException();
        value = Py_XNewRef(((PyStopIterationObject *)exc)->value);
        Py_DECREF(exc);
    }
    else if (PyErr_Occurred()) {
        return -1;
    }
    if (value == NULL) value = Py_NewRef(Py_None);
    *pvalue = value;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Creation and destruction                                            */

static PyObject *
make_gen(PyTypeObject *type, PyFunctionObject *func)
{
    PyCodeObject *code = (PyCodeObject *)func->func_code;
    int slots = code->co_nlocalsplus + code->co_stacksize;
    PyGenObject *gen = (PyGenObject *)_PyObject_GC_NewVar(type, slots);
    if (gen == NULL) return NULL;
    gen->gi_frame_state = FRAME_CLEARED;
    gen->gi_weakreflist = NULL;
    gen->gi_exc_state.exc_value = NULL;
    gen->gi_exc_state.previous_item = NULL;
    gen->gi_name = Py_NewRef(func->func_name);
    gen->gi_qualname = Py_NewRef(func->func_qualname);
    gen->gi_origin_or_finalizer = NULL;
    gen->gi_hooks_inited = 0;
    gen->gi_closed = 0;
    gen->gi_running_async = 0;
    _PyObject_GC_TRACK((PyObject *)gen);
    return (PyObject *)gen;
}

PyObject *
_Py_MakeCoro(PyFunctionObject *func)
{
    int coro_flags = ((PyCodeObject *)func->func_code)->co_flags &
                     (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR);
    if (coro_flags == CO_ASYNC_GENERATOR) return make_gen(&PyAsyncGen_Type, func);
    if (coro_flags == CO_COROUTINE) return make_gen(&PyCoro_Type, func);
    return make_gen(&PyGen_Type, func);
}

static int
gen_traverse(PyGenObject *gen, visitproc visit, void *arg)
{
    Py_VISIT(gen->gi_name);
    Py_VISIT(gen->gi_qualname);
    if (gen->gi_frame_state < FRAME_CLEARED) {
        int err = _PyFrame_Traverse((_PyInterpreterFrame *)gen->gi_iframe, visit, arg);
        if (err) return err;
    }
    /* cr_origin holds only tuples, strs and ints: no cycles through it */
    Py_VISIT(gen->gi_exc_state.exc_value);
    return 0;
}

static int
async_gen_traverse(PyGenObject *gen, visitproc visit, void *arg)
{
    Py_VISIT(gen->gi_origin_or_finalizer);
    return gen_traverse(gen, visit, arg);
}

static void
gen_dealloc(PyGenObject *gen)
{
    PyObject *self = (PyObject *)gen;
    PyObject_GC_UnTrack(gen);
    if (gen->gi_weakreflist != NULL) PyObject_ClearWeakRefs(self);
    PyObject_GC_Track(self);
    if (PyObject_CallFinalizerFromDealloc(self)) return;   /* resurrected */
    PyObject_GC_UnTrack(self);
    Py_CLEAR(gen->gi_origin_or_finalizer);
    if (gen->gi_frame_state < FRAME_CLEARED) {
        _PyInterpreterFrame *frame = (_PyInterpreterFrame *)gen->gi_iframe;
        gen->gi_frame_state = FRAME_CLEARED;
        frame->previous = NULL;
        _PyFrame_ClearExceptCode(frame);
    }
    Py_DECREF(_PyGen_GetCode(gen));
    Py_CLEAR(gen->gi_name);
    Py_CLEAR(gen->gi_qualname);
    Py_CLEAR(gen->gi_exc_state.exc_value);
    PyObject_GC_Del(gen);
}

/* ------------------------------------------------------------------ */
/* Running                                                              */

static PySendResult
gen_send_ex2(PyGenObject *gen, PyObject *arg, PyObject **presult, int exc, int closing)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *frame = (_PyInterpreterFrame *)gen->gi_iframe;
    PyObject *result;
    *presult = NULL;
    if (gen->gi_frame_state == FRAME_CREATED && arg && arg != Py_None) {
        const char *msg = "can't send non-None value to a just-started generator";
        if (PyCoro_CheckExact(gen)) msg = NON_INIT_CORO_MSG;
        else if (PyAsyncGen_CheckExact(gen))
            msg = "can't send non-None value to a just-started async generator";
        PyErr_SetString(PyExc_TypeError, msg);
        return PYGEN_ERROR;
    }
    if (gen->gi_frame_state == FRAME_EXECUTING) {
        const char *msg = "generator already executing";
        if (PyCoro_CheckExact(gen)) msg = "coroutine already executing";
        else if (PyAsyncGen_CheckExact(gen)) msg = "async generator already executing";
        PyErr_SetString(PyExc_ValueError, msg);
        return PYGEN_ERROR;
    }
    if (gen->gi_frame_state >= FRAME_COMPLETED) {
        if (PyCoro_CheckExact(gen) && !closing) {
            PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited coroutine");
        }
        else if (arg && !exc) {
            /* an exhausted generator: send() returns None */
            *presult = Py_NewRef(Py_None);
            return PYGEN_RETURN;
        }
        return PYGEN_ERROR;
    }
    /* Push the sent value on the frame's stack. */
    result = arg ? arg : Py_None;
    _PyFrame_StackPush(frame, Py_NewRef(result));

    _PyErr_StackItem *prev_exc_info = tstate->exc_info;
    gen->gi_exc_state.previous_item = prev_exc_info;
    tstate->exc_info = &gen->gi_exc_state;

    if (exc) {
        /* A thrown exception gets the generator's own handled exception as
           its context (CPython's _PyErr_ChainStackItem). */
        PyObject *handled = gen->gi_exc_state.exc_value;
        if (handled != NULL && handled != Py_None && tstate->current_exception != NULL) {
            PyObject *e = PyErr_GetRaisedException();
            PyErr_SetObject((PyObject *)Py_TYPE(e), e);
            Py_DECREF(e);
        }
    }

    gen->gi_frame_state = FRAME_EXECUTING;
    result = _PyEval_EvalFrame(tstate, frame, exc);

    if (result) {
        if (gen->gi_frame_state == FRAME_SUSPENDED) {
            *presult = result;
            return PYGEN_NEXT;
        }
        /* Return NULL (no exception) for a plain "return None" from next() */
        if (result == Py_None && !PyAsyncGen_CheckExact(gen) && !arg) Py_CLEAR(result);
    }
    /* The generator is finished: drop the handled-exception state. */
    Py_CLEAR(gen->gi_exc_state.exc_value);
    *presult = result;
    return result ? PYGEN_RETURN : PYGEN_ERROR;
}

static PyObject *
gen_send_ex(PyGenObject *gen, PyObject *arg, int exc, int closing)
{
    PyObject *result;
    if (gen_send_ex2(gen, arg, &result, exc, closing) == PYGEN_RETURN) {
        if (PyAsyncGen_CheckExact(gen)) PyErr_SetNone(PyExc_StopAsyncIteration);
        else if (result == Py_None) PyErr_SetNone(PyExc_StopIteration);
        else _PyGen_SetStopIterationValue(result);
        Py_CLEAR(result);
    }
    return result;
}

static PyObject *
gen_send(PyGenObject *gen, PyObject *arg)
{
    return gen_send_ex(gen, arg, 0, 0);
}

static PyObject *
gen_iternext(PyGenObject *gen)
{
    PyObject *result;
    if (gen_send_ex2(gen, NULL, &result, 0, 0) == PYGEN_RETURN) {
        if (result != Py_None) _PyGen_SetStopIterationValue(result);
        Py_CLEAR(result);
    }
    return result;
}

static int
is_resume(_Py_CODEUNIT *instr)
{
    int code = instr->op.code;
    return code == RESUME || code == INSTRUMENTED_RESUME;
}

PyObject *
_PyGen_yf(PyGenObject *gen)
{
    if (gen->gi_frame_state < FRAME_CLEARED) {
        _PyInterpreterFrame *frame = (_PyInterpreterFrame *)gen->gi_iframe;
        if (gen->gi_frame_state == FRAME_CREATED) return NULL;
        _Py_CODEUNIT *next = frame->prev_instr + 1;
        if (!is_resume(next) || next->op.arg < 2) return NULL;
        if (frame->stacktop <= 0) return NULL;
        return Py_NewRef(_PyFrame_StackPeek(frame));
    }
    return NULL;
}

static int
gen_close_iter(PyObject *yf)
{
    PyObject *retval = NULL;
    if (PyGen_CheckExact(yf) || PyCoro_CheckExact(yf)) {
        retval = gen_close((PyGenObject *)yf, NULL);
        if (retval == NULL) return -1;
    }
    else {
        PyObject *meth;
        if (_PyObject_LookupAttr(yf, _Py_ID(close), &meth) < 0) PyErr_WriteUnraisable(yf);
        if (meth) {
            retval = PyObject_CallNoArgs(meth);
            Py_DECREF(meth);
            if (retval == NULL) return -1;
        }
    }
    Py_XDECREF(retval);
    return 0;
}

static PyObject *
gen_close(PyGenObject *gen, PyObject *args)
{
    PyObject *retval;
    int err = 0;
    if (gen->gi_frame_state == FRAME_CREATED) {
        gen->gi_frame_state = FRAME_COMPLETED;
        Py_RETURN_NONE;
    }
    if (gen->gi_frame_state >= FRAME_COMPLETED) Py_RETURN_NONE;
    PyObject *yf = _PyGen_yf(gen);
    if (yf) {
        int8_t state = gen->gi_frame_state;
        gen->gi_frame_state = FRAME_EXECUTING;
        err = gen_close_iter(yf);
        gen->gi_frame_state = state;
        Py_DECREF(yf);
    }
    if (err == 0) PyErr_SetNone(PyExc_GeneratorExit);
    retval = gen_send_ex(gen, Py_None, 1, 1);
    if (retval) {
        const char *msg = "generator ignored GeneratorExit";
        if (PyCoro_CheckExact(gen)) msg = "coroutine ignored GeneratorExit";
        else if (PyAsyncGen_CheckExact(gen)) msg = ASYNC_GEN_IGNORED_EXIT_MSG;
        Py_DECREF(retval);
        PyErr_SetString(PyExc_RuntimeError, msg);
        return NULL;
    }
    if (PyErr_ExceptionMatches(PyExc_StopIteration) ||
        PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    return NULL;
}

static int
is_traceback(PyObject *tb)
{
    return strcmp(Py_TYPE(tb)->tp_name, "traceback") == 0;
}

static PyObject *
gen_throw_impl(PyGenObject *gen, int close_on_genexit, PyObject *typ, PyObject *val,
               PyObject *tb)
{
    PyObject *yf = _PyGen_yf(gen);
    if (yf) {
        _PyInterpreterFrame *frame = (_PyInterpreterFrame *)gen->gi_iframe;
        PyObject *ret;
        if (PyErr_GivenExceptionMatches(typ, PyExc_GeneratorExit) && close_on_genexit) {
            /* async generators are not closed right away */
            int8_t state = gen->gi_frame_state;
            gen->gi_frame_state = FRAME_EXECUTING;
            int err = gen_close_iter(yf);
            gen->gi_frame_state = state;
            Py_DECREF(yf);
            if (err < 0) return gen_send_ex(gen, Py_None, 1, 0);
            goto throw_here;
        }
        PyThreadState *tstate = _PyThreadState_GET();
        if (PyGen_CheckExact(yf) || PyCoro_CheckExact(yf)) {
            /* link our frame for complete tracebacks */
            _PyInterpreterFrame *prev = tstate->current_frame;
            frame->previous = prev;
            tstate->current_frame = frame;
            int8_t state = gen->gi_frame_state;
            gen->gi_frame_state = FRAME_EXECUTING;
            ret = gen_throw_impl((PyGenObject *)yf, close_on_genexit, typ, val, tb);
            gen->gi_frame_state = state;
            tstate->current_frame = prev;
            frame->previous = NULL;
        }
        else {
            PyObject *meth;
            if (_PyObject_LookupAttr(yf, _Py_ID(throw), &meth) < 0) {
                Py_DECREF(yf);
                return NULL;
            }
            if (meth == NULL) {
                Py_DECREF(yf);
                goto throw_here;
            }
            int8_t state = gen->gi_frame_state;
            gen->gi_frame_state = FRAME_EXECUTING;
            ret = PyObject_CallFunctionObjArgs(meth, typ, val, tb, NULL);
            gen->gi_frame_state = state;
            Py_DECREF(meth);
        }
        Py_DECREF(yf);
        if (!ret) ret = gen_send_ex(gen, Py_None, 1, 0);
        return ret;
    }

throw_here:
    if (tb == Py_None) {
        tb = NULL;
    }
    else if (tb != NULL && !is_traceback(tb)) {
        PyErr_SetString(PyExc_TypeError, "throw() third argument must be a traceback object");
        return NULL;
    }
    Py_INCREF(typ);
    Py_XINCREF(val);
    Py_XINCREF(tb);
    if (PyExceptionClass_Check(typ)) {
        PyErr_NormalizeException(&typ, &val, &tb);
    }
    else if (PyExceptionInstance_Check(typ)) {
        if (val && val != Py_None) {
            PyErr_SetString(PyExc_TypeError, "instance exception may not have a separate value");
            goto failed_throw;
        }
        Py_XSETREF(val, typ);
        typ = Py_NewRef(PyExceptionInstance_Class(typ));
        if (tb == NULL) tb = PyException_GetTraceback(val);
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "exceptions must be classes or instances deriving from BaseException, not %s",
                     Py_TYPE(typ)->tp_name);
        goto failed_throw;
    }
    PyErr_Restore(typ, val, tb);
    return gen_send_ex(gen, Py_None, 1, 0);
failed_throw:
    Py_DECREF(typ);
    Py_XDECREF(val);
    Py_XDECREF(tb);
    return NULL;
}

static PyObject *
gen_throw(PyGenObject *gen, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("throw", nargs, 1, 3)) return NULL;
    if (nargs > 1) {
        if (PyErr_WarnEx(PyExc_DeprecationWarning,
                         "the (type, exc, tb) signature of throw() is deprecated, "
                         "use the single-arg signature instead.", 1) < 0)
            return NULL;
    }
    PyObject *typ = args[0], *val = NULL, *tb = NULL;
    if (nargs == 3) {
        val = args[1];
        tb = args[2];
    }
    else if (nargs == 2) {
        val = args[1];
    }
    return gen_throw_impl(gen, 1, typ, val, tb);
}

void
_PyGen_Finalize(PyObject *self)
{
    PyGenObject *gen = (PyGenObject *)self;
    PyObject *res = NULL;
    if (gen->gi_frame_state >= FRAME_COMPLETED) return;
    if (PyAsyncGen_CheckExact(self)) {
        PyObject *finalizer = gen->gi_origin_or_finalizer;
        if (finalizer && !gen->gi_closed) {
            PyObject *exc = PyErr_GetRaisedException();
            res = PyObject_CallOneArg(finalizer, self);
            if (res == NULL) PyErr_WriteUnraisable(self);
            else Py_DECREF(res);
            PyErr_SetRaisedException(exc);
            return;
        }
    }
    PyObject *exc = PyErr_GetRaisedException();
    if ((_PyGen_GetCode(gen)->co_flags & CO_COROUTINE) && gen->gi_frame_state == FRAME_CREATED) {
        /* a coroutine that was never awaited */
        if (PyErr_WarnFormat(PyExc_RuntimeWarning, 1, "coroutine '%S' was never awaited",
                             gen->gi_qualname) < 0)
            PyErr_WriteUnraisable(self);
        gen->gi_frame_state = FRAME_COMPLETED;
        res = Py_NewRef(Py_None);
    }
    else {
        res = gen_close(gen, NULL);
    }
    if (res == NULL) {
        if (PyErr_Occurred()) PyErr_WriteUnraisable(self);
    }
    else {
        Py_DECREF(res);
    }
    PyErr_SetRaisedException(exc);
}

/* ------------------------------------------------------------------ */
/* Attributes                                                           */

static PyObject *
gen_get_name(PyGenObject *op, void *closure)
{
    return Py_NewRef(op->gi_name);
}

static int
gen_set_name(PyGenObject *op, PyObject *value, void *closure)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(op->gi_name, Py_NewRef(value));
    return 0;
}

static PyObject *
gen_get_qualname(PyGenObject *op, void *closure)
{
    return Py_NewRef(op->gi_qualname);
}

static int
gen_set_qualname(PyGenObject *op, PyObject *value, void *closure)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(op->gi_qualname, Py_NewRef(value));
    return 0;
}

static PyObject *
gen_getyieldfrom(PyGenObject *gen, void *closure)
{
    PyObject *yf = _PyGen_yf(gen);
    if (yf == NULL) Py_RETURN_NONE;
    return yf;
}

static PyObject *
gen_getrunning(PyGenObject *gen, void *closure)
{
    return Py_NewRef(gen->gi_frame_state == FRAME_EXECUTING ? Py_True : Py_False);
}

static PyObject *
gen_getsuspended(PyGenObject *gen, void *closure)
{
    return Py_NewRef(gen->gi_frame_state == FRAME_SUSPENDED ? Py_True : Py_False);
}

static PyObject *
gen_getframe(PyGenObject *gen, void *closure)
{
    if (gen->gi_frame_state == FRAME_CLEARED) Py_RETURN_NONE;
    return Py_XNewRef((PyObject *)_PyFrame_GetFrameObject((_PyInterpreterFrame *)gen->gi_iframe));
}

static PyObject *
gen_getcode(PyGenObject *gen, void *closure)
{
    return Py_NewRef(_PyGen_GetCode(gen));
}

static PyObject *
gen_sizeof(PyGenObject *gen, PyObject *Py_UNUSED(ignored))
{
    PyCodeObject *code = _PyGen_GetCode(gen);
    Py_ssize_t res = offsetof(PyGenObject, gi_iframe) + offsetof(_PyInterpreterFrame, localsplus);
    res += (code->co_nlocalsplus + code->co_stacksize) * (Py_ssize_t)sizeof(PyObject *);
    return PyLong_FromSsize_t(res);
}

static PyObject *
gen_repr(PyGenObject *gen)
{
    return PyUnicode_FromFormat("<generator object %S at %p>", gen->gi_qualname, gen);
}

static PyGetSetDef gen_getsetlist[] = {
    {"__name__", (getter)gen_get_name, (setter)gen_set_name, NULL},
    {"__qualname__", (getter)gen_get_qualname, (setter)gen_set_qualname, NULL},
    {"gi_yieldfrom", (getter)gen_getyieldfrom, NULL, "object being iterated by yield from, or None"},
    {"gi_running", (getter)gen_getrunning, NULL, NULL},
    {"gi_frame", (getter)gen_getframe, NULL, NULL},
    {"gi_suspended", (getter)gen_getsuspended, NULL, NULL},
    {"gi_code", (getter)gen_getcode, NULL, NULL},
    {NULL}
};

static PyMethodDef gen_methods[] = {
    {"send", (PyCFunction)gen_send, METH_O,
     "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", _PyCFunction_CAST(gen_throw), METH_FASTCALL,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration.\nthe (type, val, tb) signature is deprecated, \nand may be removed in a future version of Python."},
    {"close", (PyCFunction)gen_close, METH_NOARGS, "close() -> raise GeneratorExit inside generator."},
    {"__sizeof__", (PyCFunction)gen_sizeof, METH_NOARGS, "gen.__sizeof__() -> size of gen in memory, in bytes"},
    {NULL, NULL}
};

PyTypeObject PyGen_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "generator",
    .tp_basicsize = offsetof(PyGenObject, gi_iframe) + offsetof(_PyInterpreterFrame, localsplus),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = (destructor)gen_dealloc,
    .tp_repr = (reprfunc)gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)gen_traverse,
    .tp_weaklistoffset = offsetof(PyGenObject, gi_weakreflist),
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getsetlist,
    .tp_finalize = _PyGen_Finalize,
};

/* ------------------------------------------------------------------ */
/* Coroutines                                                           */

static int
gen_is_coroutine(PyObject *o)
{
    return PyGen_CheckExact(o) && (_PyGen_GetCode((PyGenObject *)o)->co_flags & CO_ITERABLE_COROUTINE);
}

PyObject *
_PyCoro_GetAwaitableIter(PyObject *o)
{
    if (PyCoro_CheckExact(o) || gen_is_coroutine(o)) return Py_NewRef(o);
    PyTypeObject *ot = Py_TYPE(o);
    unaryfunc getter = ot->tp_as_async != NULL ? ot->tp_as_async->am_await : NULL;
    PyObject *meth = NULL;
    if (getter == NULL && (ot->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        /* a class defining __await__ whose slot was not filled in */
        meth = _PyEval_LookupSpecial(o, _Py_ID(__await__));
        if (meth == NULL && PyErr_Occurred()) return NULL;
    }
    if (getter != NULL || meth != NULL) {
        PyObject *res;
        if (meth != NULL) {
            res = PyObject_CallNoArgs(meth);
            Py_DECREF(meth);
        }
        else {
            res = getter(o);
        }
        if (res != NULL) {
            if (PyCoro_CheckExact(res) || gen_is_coroutine(res)) {
                PyErr_SetString(PyExc_TypeError, "__await__() returned a coroutine");
                Py_CLEAR(res);
            }
            else if (!PyIter_Check(res)) {
                PyErr_Format(PyExc_TypeError, "__await__() returned non-iterator of type '%.100s'",
                             Py_TYPE(res)->tp_name);
                Py_CLEAR(res);
            }
        }
        return res;
    }
    PyErr_Format(PyExc_TypeError, "object %.100s can't be used in 'await' expression",
                 ot->tp_name);
    return NULL;
}

typedef struct {
    PyObject_HEAD
    PyCoroObject *cw_coroutine;
} PyCoroWrapper;

static PyObject *
coro_await(PyCoroObject *coro)
{
    PyCoroWrapper *cw = PyObject_GC_New(PyCoroWrapper, &_PyCoroWrapper_Type);
    if (cw == NULL) return NULL;
    cw->cw_coroutine = (PyCoroObject *)Py_NewRef(coro);
    _PyObject_GC_TRACK((PyObject *)cw);
    return (PyObject *)cw;
}

static PyObject *
coro_repr(PyCoroObject *coro)
{
    return PyUnicode_FromFormat("<coroutine object %S at %p>", coro->gi_qualname, coro);
}

static PyObject *
coro_get_cr_await(PyCoroObject *coro, void *closure)
{
    PyObject *yf = _PyGen_yf((PyGenObject *)coro);
    if (yf == NULL) Py_RETURN_NONE;
    return yf;
}

static PyObject *
coro_get_origin(PyCoroObject *coro, void *closure)
{
    if (coro->gi_origin_or_finalizer == NULL) Py_RETURN_NONE;
    return Py_NewRef(coro->gi_origin_or_finalizer);
}

static PyGetSetDef coro_getsetlist[] = {
    {"__name__", (getter)gen_get_name, (setter)gen_set_name, NULL},
    {"__qualname__", (getter)gen_get_qualname, (setter)gen_set_qualname, NULL},
    {"cr_await", (getter)coro_get_cr_await, NULL, "object being awaited on, or None"},
    {"cr_running", (getter)gen_getrunning, NULL, NULL},
    {"cr_frame", (getter)gen_getframe, NULL, NULL},
    {"cr_code", (getter)gen_getcode, NULL, NULL},
    {"cr_suspended", (getter)gen_getsuspended, NULL, NULL},
    {"cr_origin", (getter)coro_get_origin, NULL, NULL},
    {NULL}
};

static PyMethodDef coro_methods[] = {
    {"send", (PyCFunction)gen_send, METH_O,
     "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
    {"throw", _PyCFunction_CAST(gen_throw), METH_FASTCALL,
     "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration.\nthe (type, val, tb) signature is deprecated, \nand may be removed in a future version of Python."},
    {"close", (PyCFunction)gen_close, METH_NOARGS, "close() -> raise GeneratorExit inside coroutine."},
    {"__sizeof__", (PyCFunction)gen_sizeof, METH_NOARGS, "gen.__sizeof__() -> size of gen in memory, in bytes"},
    {NULL, NULL}
};

static PyAsyncMethods coro_as_async = {
    .am_await = (unaryfunc)coro_await,
};

PyTypeObject PyCoro_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "coroutine",
    .tp_basicsize = offsetof(PyCoroObject, gi_iframe) + offsetof(_PyInterpreterFrame, localsplus),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = (destructor)gen_dealloc,
    .tp_as_async = &coro_as_async,
    .tp_repr = (reprfunc)coro_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)gen_traverse,
    .tp_weaklistoffset = offsetof(PyCoroObject, gi_weakreflist),
    .tp_methods = coro_methods,
    .tp_getset = coro_getsetlist,
    .tp_finalize = _PyGen_Finalize,
};

static void
coro_wrapper_dealloc(PyCoroWrapper *cw)
{
    PyObject_GC_UnTrack((PyObject *)cw);
    Py_CLEAR(cw->cw_coroutine);
    PyObject_GC_Del(cw);
}

static PyObject *
coro_wrapper_iternext(PyCoroWrapper *cw)
{
    return gen_iternext((PyGenObject *)cw->cw_coroutine);
}

static PyObject *
coro_wrapper_send(PyCoroWrapper *cw, PyObject *arg)
{
    return gen_send_ex((PyGenObject *)cw->cw_coroutine, arg, 0, 0);
}

static PyObject *
coro_wrapper_throw(PyCoroWrapper *cw, PyObject *const *args, Py_ssize_t nargs)
{
    return gen_throw((PyGenObject *)cw->cw_coroutine, args, nargs);
}

static PyObject *
coro_wrapper_close(PyCoroWrapper *cw, PyObject *args)
{
    return gen_close((PyGenObject *)cw->cw_coroutine, args);
}

static int
coro_wrapper_traverse(PyCoroWrapper *cw, visitproc visit, void *arg)
{
    Py_VISIT((PyObject *)cw->cw_coroutine);
    return 0;
}

static PyMethodDef coro_wrapper_methods[] = {
    {"send", (PyCFunction)coro_wrapper_send, METH_O, NULL},
    {"throw", _PyCFunction_CAST(coro_wrapper_throw), METH_FASTCALL, NULL},
    {"close", (PyCFunction)coro_wrapper_close, METH_NOARGS, NULL},
    {NULL, NULL}
};

PyTypeObject _PyCoroWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "coroutine_wrapper",
    .tp_basicsize = sizeof(PyCoroWrapper),
    .tp_dealloc = (destructor)coro_wrapper_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "A wrapper object implementing __await__ for coroutines.",
    .tp_traverse = (traverseproc)coro_wrapper_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)coro_wrapper_iternext,
    .tp_methods = coro_wrapper_methods,
};

/* ------------------------------------------------------------------ */
/* Asynchronous generators                                              */

typedef enum {
    AWAITABLE_STATE_INIT,
    AWAITABLE_STATE_ITER,
    AWAITABLE_STATE_CLOSED,
} AwaitableState;

typedef struct {
    PyObject_HEAD
    PyAsyncGenObject *ags_gen;
    PyObject *ags_sendval;
    AwaitableState ags_state;
} PyAsyncGenASend;

typedef struct {
    PyObject_HEAD
    PyAsyncGenObject *agt_gen;
    PyObject *agt_args;        /* NULL for aclose() */
    AwaitableState agt_state;
} PyAsyncGenAThrow;

typedef struct {
    PyObject_HEAD
    PyObject *agw_val;
} _PyAsyncGenWrappedValue;

#define _PyAsyncGenWrappedValue_CheckExact(o) Py_IS_TYPE((o), &_PyAsyncGenWrappedValue_Type)

PyObject *
_PyAsyncGenValueWrapperNew(PyThreadState *tstate, PyObject *val)
{
    _PyAsyncGenWrappedValue *o = PyObject_GC_New(_PyAsyncGenWrappedValue,
                                                 &_PyAsyncGenWrappedValue_Type);
    if (o == NULL) return NULL;
    o->agw_val = Py_NewRef(val);
    _PyObject_GC_TRACK((PyObject *)o);
    return (PyObject *)o;
}

static void
async_gen_wrapped_val_dealloc(_PyAsyncGenWrappedValue *o)
{
    PyObject_GC_UnTrack((PyObject *)o);
    Py_CLEAR(o->agw_val);
    PyObject_GC_Del(o);
}

static int
async_gen_wrapped_val_traverse(_PyAsyncGenWrappedValue *o, visitproc visit, void *arg)
{
    Py_VISIT(o->agw_val);
    return 0;
}

PyTypeObject _PyAsyncGenWrappedValue_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_wrapped_value",
    .tp_basicsize = sizeof(_PyAsyncGenWrappedValue),
    .tp_dealloc = (destructor)async_gen_wrapped_val_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)async_gen_wrapped_val_traverse,
};

static PyObject *
async_gen_unwrap_value(PyAsyncGenObject *gen, PyObject *result)
{
    if (result == NULL) {
        if (!PyErr_Occurred()) PyErr_SetNone(PyExc_StopAsyncIteration);
        if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
            PyErr_ExceptionMatches(PyExc_GeneratorExit))
            gen->gi_closed = 1;
        gen->gi_running_async = 0;
        return NULL;
    }
    if (_PyAsyncGenWrappedValue_CheckExact(result)) {
        /* an async "yield": the value leaves as StopIteration */
        _PyGen_SetStopIterationValue(((_PyAsyncGenWrappedValue *)result)->agw_val);
        Py_DECREF(result);
        gen->gi_running_async = 0;
        return NULL;
    }
    return result;
}

static PyObject *
async_gen_asend_new(PyAsyncGenObject *gen, PyObject *sendval)
{
    PyAsyncGenASend *o = PyObject_GC_New(PyAsyncGenASend, &_PyAsyncGenASend_Type);
    if (o == NULL) return NULL;
    o->ags_gen = (PyAsyncGenObject *)Py_NewRef(gen);
    o->ags_sendval = Py_XNewRef(sendval);
    o->ags_state = AWAITABLE_STATE_INIT;
    _PyObject_GC_TRACK((PyObject *)o);
    return (PyObject *)o;
}

static PyObject *
async_gen_athrow_new(PyAsyncGenObject *gen, PyObject *args)
{
    PyAsyncGenAThrow *o = PyObject_GC_New(PyAsyncGenAThrow, &_PyAsyncGenAThrow_Type);
    if (o == NULL) return NULL;
    o->agt_gen = (PyAsyncGenObject *)Py_NewRef(gen);
    o->agt_args = Py_XNewRef(args);
    o->agt_state = AWAITABLE_STATE_INIT;
    _PyObject_GC_TRACK((PyObject *)o);
    return (PyObject *)o;
}

static PyObject *
async_gen_anext(PyAsyncGenObject *o)
{
    return async_gen_asend_new(o, NULL);
}

static PyObject *
async_gen_asend(PyAsyncGenObject *o, PyObject *arg)
{
    return async_gen_asend_new(o, arg);
}

static PyObject *
async_gen_aclose(PyAsyncGenObject *o, PyObject *arg)
{
    return async_gen_athrow_new(o, NULL);
}

static PyObject *
async_gen_athrow(PyAsyncGenObject *o, PyObject *args)
{
    if (PyTuple_GET_SIZE(args) > 1) {
        if (PyErr_WarnEx(PyExc_DeprecationWarning,
                         "the (type, exc, tb) signature of athrow() is deprecated, "
                         "use the single-arg signature instead.", 1) < 0)
            return NULL;
    }
    return async_gen_athrow_new(o, args);
}

static PyObject *
async_gen_repr(PyAsyncGenObject *o)
{
    return PyUnicode_FromFormat("<async_generator object %S at %p>", o->gi_qualname, o);
}

static PyObject *
ag_getframe(PyAsyncGenObject *ag, void *closure)
{
    return gen_getframe((PyGenObject *)ag, closure);
}

static PyObject *
ag_get_running(PyAsyncGenObject *ag, void *closure)
{
    return Py_NewRef(ag->gi_running_async ? Py_True : Py_False);
}

static PyObject *
ag_get_await(PyAsyncGenObject *ag, void *closure)
{
    PyObject *yf = _PyGen_yf((PyGenObject *)ag);
    if (yf == NULL) Py_RETURN_NONE;
    return yf;
}

static PyGetSetDef async_gen_getsetlist[] = {
    {"__name__", (getter)gen_get_name, (setter)gen_set_name, NULL},
    {"__qualname__", (getter)gen_get_qualname, (setter)gen_set_qualname, NULL},
    {"ag_await", (getter)ag_get_await, NULL, "object being awaited on, or None"},
    {"ag_frame", (getter)ag_getframe, NULL, NULL},
    {"ag_code", (getter)gen_getcode, NULL, NULL},
    {"ag_suspended", (getter)gen_getsuspended, NULL, NULL},
    {"ag_running", (getter)ag_get_running, NULL, NULL},
    {NULL}
};

static PyMethodDef async_gen_methods[] = {
    {"asend", (PyCFunction)async_gen_asend, METH_O, "asend(v) -> send 'v' in generator."},
    {"athrow", (PyCFunction)async_gen_athrow, METH_VARARGS,
     "athrow(value)\nathrow(type[,value[,tb]])\n\nraise exception in generator.\nthe (type, val, tb) signature is deprecated, \nand may be removed in a future version of Python."},
    {"aclose", (PyCFunction)async_gen_aclose, METH_NOARGS, "aclose() -> raise GeneratorExit inside generator."},
    {"__sizeof__", (PyCFunction)gen_sizeof, METH_NOARGS, "gen.__sizeof__() -> size of gen in memory, in bytes"},
    {NULL, NULL}
};

static PyAsyncMethods async_gen_as_async = {
    .am_aiter = PyObject_SelfIter,
    .am_anext = (unaryfunc)async_gen_anext,
};

PyTypeObject PyAsyncGen_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator",
    .tp_basicsize = offsetof(PyAsyncGenObject, gi_iframe) + offsetof(_PyInterpreterFrame, localsplus),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = (destructor)gen_dealloc,
    .tp_as_async = &async_gen_as_async,
    .tp_repr = (reprfunc)async_gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)async_gen_traverse,
    .tp_weaklistoffset = offsetof(PyAsyncGenObject, gi_weakreflist),
    .tp_methods = async_gen_methods,
    .tp_getset = async_gen_getsetlist,
    .tp_finalize = _PyGen_Finalize,
};

/* ---- asend() / __anext__() awaitable ---- */

static void
async_gen_asend_dealloc(PyAsyncGenASend *o)
{
    PyObject_GC_UnTrack((PyObject *)o);
    Py_CLEAR(o->ags_gen);
    Py_CLEAR(o->ags_sendval);
    PyObject_GC_Del(o);
}

static int
async_gen_asend_traverse(PyAsyncGenASend *o, visitproc visit, void *arg)
{
    Py_VISIT((PyObject *)o->ags_gen);
    Py_VISIT(o->ags_sendval);
    return 0;
}

static PyObject *
async_gen_asend_send(PyAsyncGenASend *o, PyObject *arg)
{
    if (o->ags_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (o->ags_state == AWAITABLE_STATE_INIT) {
        if (o->ags_gen->gi_running_async) {
            PyErr_SetString(PyExc_RuntimeError, "anext(): asynchronous generator is already running");
            return NULL;
        }
        if (arg == NULL || arg == Py_None) arg = o->ags_sendval;
        o->ags_state = AWAITABLE_STATE_ITER;
    }
    o->ags_gen->gi_running_async = 1;
    PyObject *result = gen_send_ex((PyGenObject *)o->ags_gen, arg, 0, 0);
    result = async_gen_unwrap_value(o->ags_gen, result);
    if (result == NULL) o->ags_state = AWAITABLE_STATE_CLOSED;
    return result;
}

static PyObject *
async_gen_asend_iternext(PyAsyncGenASend *o)
{
    return async_gen_asend_send(o, NULL);
}

static PyObject *
async_gen_asend_throw(PyAsyncGenASend *o, PyObject *const *args, Py_ssize_t nargs)
{
    if (o->ags_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    PyObject *result = gen_throw((PyGenObject *)o->ags_gen, args, nargs);
    result = async_gen_unwrap_value(o->ags_gen, result);
    if (result == NULL) o->ags_state = AWAITABLE_STATE_CLOSED;
    return result;
}

static PyObject *
async_gen_asend_close(PyAsyncGenASend *o, PyObject *args)
{
    o->ags_state = AWAITABLE_STATE_CLOSED;
    Py_RETURN_NONE;
}

static PyMethodDef async_gen_asend_methods[] = {
    {"send", (PyCFunction)async_gen_asend_send, METH_O, NULL},
    {"throw", _PyCFunction_CAST(async_gen_asend_throw), METH_FASTCALL, NULL},
    {"close", (PyCFunction)async_gen_asend_close, METH_NOARGS, NULL},
    {NULL, NULL}
};

static PyAsyncMethods async_gen_asend_as_async = {
    .am_await = PyObject_SelfIter,
};

PyTypeObject _PyAsyncGenASend_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(PyAsyncGenASend),
    .tp_dealloc = (destructor)async_gen_asend_dealloc,
    .tp_as_async = &async_gen_asend_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)async_gen_asend_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)async_gen_asend_iternext,
    .tp_methods = async_gen_asend_methods,
};

/* ---- athrow() / aclose() awaitable ---- */

static void
async_gen_athrow_dealloc(PyAsyncGenAThrow *o)
{
    PyObject_GC_UnTrack((PyObject *)o);
    Py_CLEAR(o->agt_gen);
    Py_CLEAR(o->agt_args);
    PyObject_GC_Del(o);
}

static int
async_gen_athrow_traverse(PyAsyncGenAThrow *o, visitproc visit, void *arg)
{
    Py_VISIT((PyObject *)o->agt_gen);
    Py_VISIT(o->agt_args);
    return 0;
}

static PyObject *
async_gen_athrow_send(PyAsyncGenAThrow *o, PyObject *arg)
{
    PyGenObject *gen = (PyGenObject *)o->agt_gen;
    PyObject *retval;
    if (o->agt_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (gen->gi_frame_state >= FRAME_COMPLETED) {
        o->agt_state = AWAITABLE_STATE_CLOSED;
        PyErr_SetNone(PyExc_StopIteration);
        return NULL;
    }
    if (o->agt_state == AWAITABLE_STATE_INIT) {
        if (o->agt_gen->gi_running_async) {
            o->agt_state = AWAITABLE_STATE_CLOSED;
            PyErr_SetString(PyExc_RuntimeError, o->agt_args == NULL ?
                            "aclose(): asynchronous generator is already running" :
                            "athrow(): asynchronous generator is already running");
            return NULL;
        }
        if (o->agt_gen->gi_closed) {
            o->agt_state = AWAITABLE_STATE_CLOSED;
            PyErr_SetNone(PyExc_StopAsyncIteration);
            return NULL;
        }
        if (arg != Py_None) {
            PyErr_SetString(PyExc_RuntimeError, NON_INIT_CORO_MSG);
            return NULL;
        }
        o->agt_state = AWAITABLE_STATE_ITER;
        o->agt_gen->gi_running_async = 1;
        if (o->agt_args == NULL) {
            /* aclose() */
            o->agt_gen->gi_closed = 1;
            retval = gen_throw_impl(gen, 0, PyExc_GeneratorExit, NULL, NULL);
            if (retval && _PyAsyncGenWrappedValue_CheckExact(retval)) {
                Py_DECREF(retval);
                goto yield_close;
            }
        }
        else {
            PyObject *typ, *tb = NULL, *val = NULL;
            if (!PyArg_UnpackTuple(o->agt_args, "athrow", 1, 3, &typ, &val, &tb)) return NULL;
            retval = gen_throw_impl(gen, 0, typ, val, tb);
            retval = async_gen_unwrap_value(o->agt_gen, retval);
        }
        if (retval == NULL) goto check_error;
        return retval;
    }
    retval = gen_send_ex(gen, arg, 0, 0);
    if (o->agt_args) return async_gen_unwrap_value(o->agt_gen, retval);
    if (retval) {
        if (_PyAsyncGenWrappedValue_CheckExact(retval)) {
            Py_DECREF(retval);
            goto yield_close;
        }
        return retval;
    }
    goto check_error;

yield_close:
    o->agt_gen->gi_running_async = 0;
    o->agt_state = AWAITABLE_STATE_CLOSED;
    PyErr_SetString(PyExc_RuntimeError, ASYNC_GEN_IGNORED_EXIT_MSG);
    return NULL;

check_error:
    o->agt_gen->gi_running_async = 0;
    o->agt_state = AWAITABLE_STATE_CLOSED;
    if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
        PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        if (o->agt_args == NULL) {
            /* aclose() is done: StopIteration, not the generator's end */
            PyErr_Clear();
            PyErr_SetNone(PyExc_StopIteration);
        }
    }
    return NULL;
}

static PyObject *
async_gen_athrow_throw(PyAsyncGenAThrow *o, PyObject *const *args, Py_ssize_t nargs)
{
    if (o->agt_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    PyObject *retval = gen_throw((PyGenObject *)o->agt_gen, args, nargs);
    if (o->agt_args) return async_gen_unwrap_value(o->agt_gen, retval);
    if (retval && _PyAsyncGenWrappedValue_CheckExact(retval)) {
        o->agt_gen->gi_running_async = 0;
        o->agt_state = AWAITABLE_STATE_CLOSED;
        Py_DECREF(retval);
        PyErr_SetString(PyExc_RuntimeError, ASYNC_GEN_IGNORED_EXIT_MSG);
        return NULL;
    }
    if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
        PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        PyErr_Clear();
        PyErr_SetNone(PyExc_StopIteration);
    }
    return retval;
}

static PyObject *
async_gen_athrow_iternext(PyAsyncGenAThrow *o)
{
    return async_gen_athrow_send(o, Py_None);
}

static PyObject *
async_gen_athrow_close(PyAsyncGenAThrow *o, PyObject *args)
{
    o->agt_state = AWAITABLE_STATE_CLOSED;
    Py_RETURN_NONE;
}

static PyMethodDef async_gen_athrow_methods[] = {
    {"send", (PyCFunction)async_gen_athrow_send, METH_O, NULL},
    {"throw", _PyCFunction_CAST(async_gen_athrow_throw), METH_FASTCALL, NULL},
    {"close", (PyCFunction)async_gen_athrow_close, METH_NOARGS, NULL},
    {NULL, NULL}
};

static PyAsyncMethods async_gen_athrow_as_async = {
    .am_await = PyObject_SelfIter,
};

PyTypeObject _PyAsyncGenAThrow_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(PyAsyncGenAThrow),
    .tp_dealloc = (destructor)async_gen_athrow_dealloc,
    .tp_as_async = &async_gen_athrow_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)async_gen_athrow_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)async_gen_athrow_iternext,
    .tp_methods = async_gen_athrow_methods,
};

int
_PyGen_InitTypes(void)
{
    PyTypeObject *types[] = {&PyGen_Type, &PyCoro_Type, &_PyCoroWrapper_Type, &PyAsyncGen_Type,
                             &_PyAsyncGenASend_Type, &_PyAsyncGenAThrow_Type,
                             &_PyAsyncGenWrappedValue_Type};
    for (size_t i = 0; i < Py_ARRAY_LENGTH(types); i++)
        if (PyType_Ready(types[i]) < 0) return -1;
    return 0;
}
