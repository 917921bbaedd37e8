/* eval_helpers.c -- the out-of-line parts of the evaluation loop.
 *
 * Everything here is called from an instruction of eval.c but is too
 * big, too rare or too error-prone to sit inline in the loop: recursion
 * accounting, the eval-breaker work, raising, unpacking, imports,
 * pattern matching, the intrinsic functions (CALL_INTRINSIC_1/2) and
 * the precise error messages CPython 3.12 produces for them.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_opcode.h"
#include "rp_eval.h"
#include "rp_gc.h"      /* _Py_RunGC */

/* ------------------------------------------------------------------ */
/* Recursion                                                            */

static void
ensure_recursion_initialised(PyThreadState *tstate)
{
    /* A thread state created without recursion bookkeeping gets the
       interpreter's limit (CPython initialises it in new_threadstate). */
    if (tstate->py_recursion_limit == 0) {
        int limit = tstate->interp->recursion_limit > 0 ? tstate->interp->recursion_limit : 1000;
        tstate->interp->recursion_limit = limit;
        int depth = -tstate->py_recursion_remaining;
        tstate->py_recursion_limit = limit;
        tstate->py_recursion_remaining = limit - depth;
    }
}

int
_Py_CheckRecursiveCallPy(PyThreadState *tstate)
{
    if (tstate->py_recursion_limit == 0) {
        ensure_recursion_initialised(tstate);
        if (tstate->py_recursion_remaining > 0) return 0;
    }
    if (tstate->recursion_headroom) {
        if (tstate->py_recursion_remaining < -50) {
            /* Overflowing while handling an overflow: refuse again (CPython
               aborts here; we raise, which unwinds just as well). */
            PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
            return -1;
        }
        return 0;
    }
    if (tstate->py_recursion_remaining <= 0) {
        tstate->recursion_headroom++;
        PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
        tstate->recursion_headroom--;
        return -1;
    }
    return 0;
}

int
_Py_EnterRecursiveCallTstate(PyThreadState *tstate, const char *where)
{
    if (tstate->c_recursion_remaining-- > 0) return 0;
    if (tstate->recursion_headroom) {
        if (tstate->c_recursion_remaining < -50) {
            PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded%s", where);
            ++tstate->c_recursion_remaining;
            return -1;
        }
        return 0;
    }
    tstate->recursion_headroom++;
    PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded%s", where);
    tstate->recursion_headroom--;
    ++tstate->c_recursion_remaining;
    return -1;
}

int
Py_EnterRecursiveCall(const char *where)
{
    return _Py_EnterRecursiveCallTstate(_PyThreadState_GET(), where);
}

void
Py_LeaveRecursiveCall(void)
{
    _Py_LeaveRecursiveCallTstate(_PyThreadState_GET());
}

int
Py_GetRecursionLimit(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    ensure_recursion_initialised(tstate);
    return tstate->interp->recursion_limit;
}

void
Py_SetRecursionLimit(int new_limit)
{
    PyThreadState *tstate = _PyThreadState_GET();
    ensure_recursion_initialised(tstate);
    tstate->interp->recursion_limit = new_limit;
    int depth = tstate->py_recursion_limit - tstate->py_recursion_remaining;
    tstate->py_recursion_limit = new_limit;
    tstate->py_recursion_remaining = new_limit - depth;
}

/* ------------------------------------------------------------------ */
/* The eval breaker                                                     */

int
_Py_HandlePending(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    interp->eval_breaker = 0;
    if (interp->gc_scheduled) {
        interp->gc_scheduled = 0;
        _Py_RunGC(tstate);
    }
    if (PyErr_CheckSignals() < 0) return -1;
    if (interp->gc_scheduled) interp->eval_breaker = 1;
    return 0;
}

int
Py_MakePendingCalls(void)
{
    return _Py_HandlePending(_PyThreadState_GET());
}

/* ------------------------------------------------------------------ */
/* Operator tables                                                      */

static PyObject *
power_nomod(PyObject *a, PyObject *b)
{
    return PyNumber_Power(a, b, Py_None);
}

static PyObject *
inplace_power_nomod(PyObject *a, PyObject *b)
{
    return PyNumber_InPlacePower(a, b, Py_None);
}

const _rp_binaryfunc _PyEval_BinaryOps[26] = {
    [NB_ADD] = PyNumber_Add,
    [NB_AND] = PyNumber_And,
    [NB_FLOOR_DIVIDE] = PyNumber_FloorDivide,
    [NB_LSHIFT] = PyNumber_Lshift,
    [NB_MATRIX_MULTIPLY] = PyNumber_MatrixMultiply,
    [NB_MULTIPLY] = PyNumber_Multiply,
    [NB_REMAINDER] = PyNumber_Remainder,
    [NB_OR] = PyNumber_Or,
    [NB_POWER] = power_nomod,
    [NB_RSHIFT] = PyNumber_Rshift,
    [NB_SUBTRACT] = PyNumber_Subtract,
    [NB_TRUE_DIVIDE] = PyNumber_TrueDivide,
    [NB_XOR] = PyNumber_Xor,
    [NB_INPLACE_ADD] = PyNumber_InPlaceAdd,
    [NB_INPLACE_AND] = PyNumber_InPlaceAnd,
    [NB_INPLACE_FLOOR_DIVIDE] = PyNumber_InPlaceFloorDivide,
    [NB_INPLACE_LSHIFT] = PyNumber_InPlaceLshift,
    [NB_INPLACE_MATRIX_MULTIPLY] = PyNumber_InPlaceMatrixMultiply,
    [NB_INPLACE_MULTIPLY] = PyNumber_InPlaceMultiply,
    [NB_INPLACE_REMAINDER] = PyNumber_InPlaceRemainder,
    [NB_INPLACE_OR] = PyNumber_InPlaceOr,
    [NB_INPLACE_POWER] = inplace_power_nomod,
    [NB_INPLACE_RSHIFT] = PyNumber_InPlaceRshift,
    [NB_INPLACE_SUBTRACT] = PyNumber_InPlaceSubtract,
    [NB_INPLACE_TRUE_DIVIDE] = PyNumber_InPlaceTrueDivide,
    [NB_INPLACE_XOR] = PyNumber_InPlaceXor,
};

const uint8_t _PyEval_CompareMask[6] = {
    [Py_LT] = 2, [Py_LE] = 2 | 8, [Py_EQ] = 8, [Py_NE] = 1 | 2 | 4, [Py_GT] = 4, [Py_GE] = 4 | 8,
};

void
_PyEval_SetKeyError(PyObject *key)
{
    PyObject *tup = PyTuple_Pack(1, key);
    if (tup == NULL) return;
    PyErr_SetObject(PyExc_KeyError, tup);
    Py_DECREF(tup);
}

/* ------------------------------------------------------------------ */
/* Error formatting                                                     */

#define UNBOUNDLOCAL_ERROR_MSG \
    "cannot access local variable '%s' where it is not associated with a value"
#define UNBOUNDFREE_ERROR_MSG \
    "cannot access free variable '%s' where it is not associated with a value in enclosing scope"
#define NAME_ERROR_MSG "name '%.200s' is not defined"

void
_PyEval_FormatExcCheckArg(PyThreadState *tstate, PyObject *exc, const char *format_str,
                          PyObject *obj)
{
    if (obj == NULL) return;
    const char *obj_str = PyUnicode_AsUTF8(obj);
    if (obj_str == NULL) return;
    PyErr_Format(exc, format_str, obj_str);
    if (exc == PyExc_NameError) {
        /* Keep the name for the "Did you mean" suggestions. */
        PyObject *raised = PyErr_GetRaisedException();
        if (raised != NULL && PyErr_GivenExceptionMatches(raised, PyExc_NameError)) {
            if (((PyNameErrorObject *)raised)->name == NULL) {
                if (PyObject_SetAttr(raised, _Py_ID(name), obj) < 0) PyErr_Clear();
            }
        }
        PyErr_SetRaisedException(raised);
    }
}

void
_PyEval_FormatExcUnbound(PyThreadState *tstate, PyCodeObject *co, int oparg)
{
    if (PyErr_Occurred()) return;
    PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, oparg);
    if (oparg < co->co_nlocalsplus - co->co_nfreevars)
        _PyEval_FormatExcCheckArg(tstate, PyExc_UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG, name);
    else
        _PyEval_FormatExcCheckArg(tstate, PyExc_NameError, UNBOUNDFREE_ERROR_MSG, name);
}

void
_PyEval_FormatKwargsError(PyThreadState *tstate, PyObject *func, PyObject *kwargs)
{
    if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
        /* the merge looked up .keys() on a non-mapping */
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *args = ((PyBaseExceptionObject *)exc)->args;
        if (args && PyTuple_Check(args) && PyTuple_GET_SIZE(args) == 1) {
            PyObject *funcstr = _PyObject_FunctionStr(func);
            if (funcstr != NULL) {
                PyErr_Format(PyExc_TypeError, "%U argument after ** must be a mapping, not %.200s",
                             funcstr, Py_TYPE(kwargs)->tp_name);
                Py_DECREF(funcstr);
            }
            Py_DECREF(exc);
        }
        else {
            PyErr_SetRaisedException(exc);
        }
    }
    else if (PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *args = ((PyBaseExceptionObject *)exc)->args;
        if (args && PyTuple_Check(args) && PyTuple_GET_SIZE(args) == 1) {
            PyObject *funcstr = _PyObject_FunctionStr(func);
            if (funcstr != NULL) {
                PyObject *key = PyTuple_GET_ITEM(args, 0);
                if (!PyUnicode_Check(key))
                    PyErr_Format(PyExc_TypeError, "%U keywords must be strings", funcstr);
                else
                    PyErr_Format(PyExc_TypeError,
                                 "%U got multiple values for keyword argument '%S'", funcstr, key);
                Py_DECREF(funcstr);
            }
            Py_DECREF(exc);
        }
        else {
            PyErr_SetRaisedException(exc);
        }
    }
}

int
_PyEval_CheckArgsIterable(PyThreadState *tstate, PyObject *func, PyObject *args)
{
    if (Py_TYPE(args)->tp_iter == NULL && !PySequence_Check(args)) {
        PyErr_Clear();
        PyObject *funcstr = _PyObject_FunctionStr(func);
        if (funcstr != NULL) {
            PyErr_Format(PyExc_TypeError, "%U argument after * must be an iterable, not %.200s",
                         funcstr, Py_TYPE(args)->tp_name);
            Py_DECREF(funcstr);
        }
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Names                                                                */

static PyObject *
load_builtin(PyObject *builtins, PyObject *name)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *v;
    if (PyDict_CheckExact(builtins)) {
        v = PyDict_GetItemWithError(builtins, name);
        if (v == NULL) {
            if (!PyErr_Occurred())
                _PyEval_FormatExcCheckArg(tstate, PyExc_NameError, NAME_ERROR_MSG, name);
            return NULL;
        }
        return Py_NewRef(v);
    }
    v = PyObject_GetItem(builtins, name);
    if (v == NULL && PyErr_ExceptionMatches(PyExc_KeyError))
        _PyEval_FormatExcCheckArg(tstate, PyExc_NameError, NAME_ERROR_MSG, name);
    return v;
}

PyObject *
_PyEval_LoadFromDictOrGlobals(PyThreadState *tstate, _PyInterpreterFrame *frame,
                              PyObject *mod_or_class_dict, PyObject *name)
{
    PyObject *v;
    if (PyDict_CheckExact(mod_or_class_dict)) {
        v = PyDict_GetItemWithError(mod_or_class_dict, name);
        if (v != NULL) return Py_NewRef(v);
        if (PyErr_Occurred()) return NULL;
    }
    else {
        v = PyObject_GetItem(mod_or_class_dict, name);
        if (v != NULL) return v;
        if (!PyErr_ExceptionMatches(PyExc_KeyError)) return NULL;
        PyErr_Clear();
    }
    v = PyDict_GetItemWithError(frame->f_globals, name);
    if (v != NULL) return Py_NewRef(v);
    if (PyErr_Occurred()) return NULL;
    return load_builtin(frame->f_builtins, name);
}

PyObject *
_PyEval_LoadGlobal(PyThreadState *tstate, PyObject *globals, PyObject *builtins, PyObject *name)
{
    PyObject *v;
    if (PyDict_CheckExact(globals) && PyDict_CheckExact(builtins)) {
        v = PyDict_GetItemWithError(globals, name);
        if (v != NULL) return Py_NewRef(v);
        if (PyErr_Occurred()) return NULL;
        return load_builtin(builtins, name);
    }
    v = PyObject_GetItem(globals, name);
    if (v != NULL) return v;
    if (!PyErr_ExceptionMatches(PyExc_KeyError)) return NULL;
    PyErr_Clear();
    return load_builtin(builtins, name);
}

int
_PyEval_SetupAnnotations(PyThreadState *tstate, PyObject *locals)
{
    PyObject *ann_dict;
    int err;
    if (locals == NULL) {
        PyErr_Format(PyExc_SystemError, "no locals found when setting up annotations");
        return -1;
    }
    if (PyDict_CheckExact(locals)) {
        ann_dict = PyDict_GetItemWithError(locals, _Py_ID(__annotations__));
        if (ann_dict != NULL) return 0;
        if (PyErr_Occurred()) return -1;
        ann_dict = PyDict_New();
        if (ann_dict == NULL) return -1;
        err = PyDict_SetItem(locals, _Py_ID(__annotations__), ann_dict);
        Py_DECREF(ann_dict);
        return err ? -1 : 0;
    }
    ann_dict = PyObject_GetItem(locals, _Py_ID(__annotations__));
    if (ann_dict != NULL) {
        Py_DECREF(ann_dict);
        return 0;
    }
    if (!PyErr_ExceptionMatches(PyExc_KeyError)) return -1;
    PyErr_Clear();
    ann_dict = PyDict_New();
    if (ann_dict == NULL) return -1;
    err = PyObject_SetItem(locals, _Py_ID(__annotations__), ann_dict);
    Py_DECREF(ann_dict);
    return err ? -1 : 0;
}

PyObject *
_PyEval_LookupSpecial(PyObject *self, PyObject *attr)
{
    PyObject *res = _PyType_Lookup(Py_TYPE(self), attr);
    if (res != NULL) {
        descrgetfunc f = Py_TYPE(res)->tp_descr_get;
        if (f == NULL) Py_INCREF(res);
        else res = f(res, self, (PyObject *)Py_TYPE(self));
    }
    return res;
}

/* ------------------------------------------------------------------ */
/* Raising                                                              */

#define CANNOT_CATCH_MSG "catching classes that do not inherit from BaseException is not allowed"
#define CANNOT_EXCEPT_STAR_EG \
    "catching ExceptionGroup with except* is not allowed. Use except instead."

int
_PyEval_DoRaise(PyThreadState *tstate, PyObject *exc, PyObject *cause)
{
    PyObject *type = NULL, *value = NULL;
    if (exc == NULL) {
        /* re-raise the exception being handled */
        _PyErr_StackItem *exc_info = tstate->exc_info;
        while ((exc_info->exc_value == NULL || exc_info->exc_value == Py_None) &&
               exc_info->previous_item != NULL)
            exc_info = exc_info->previous_item;
        exc = exc_info->exc_value;
        if (exc == NULL || Py_IsNone(exc)) {
            PyErr_SetString(PyExc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        PyErr_SetRaisedException(Py_NewRef(exc));
        return 1;
    }
    if (PyExceptionClass_Check(exc)) {
        type = exc;
        value = PyObject_CallNoArgs(exc);
        if (value == NULL) goto raise_error;
        if (!PyExceptionInstance_Check(value)) {
            PyErr_Format(PyExc_TypeError,
                         "calling %R should have returned an instance of BaseException, not %R",
                         type, Py_TYPE(value));
            goto raise_error;
        }
    }
    else if (PyExceptionInstance_Check(exc)) {
        value = exc;
        type = Py_NewRef(PyExceptionInstance_Class(exc));
    }
    else {
        Py_DECREF(exc);
        PyErr_SetString(PyExc_TypeError, "exceptions must derive from BaseException");
        goto raise_error;
    }
    if (cause) {
        PyObject *fixed_cause;
        if (PyExceptionClass_Check(cause)) {
            fixed_cause = PyObject_CallNoArgs(cause);
            if (fixed_cause == NULL) goto raise_error;
            Py_DECREF(cause);
        }
        else if (PyExceptionInstance_Check(cause)) {
            fixed_cause = cause;
        }
        else if (Py_IsNone(cause)) {
            Py_DECREF(cause);
            fixed_cause = NULL;
        }
        else {
            PyErr_SetString(PyExc_TypeError, "exception causes must derive from BaseException");
            goto raise_error;
        }
        cause = NULL;
        PyException_SetCause(value, fixed_cause);
    }
    PyErr_SetObject(type, value);
    Py_DECREF(value);
    Py_DECREF(type);
    return 0;
raise_error:
    Py_XDECREF(value);
    Py_XDECREF(type);
    Py_XDECREF(cause);
    return 0;
}

int
_PyEval_CheckExceptTypeValid(PyThreadState *tstate, PyObject *right)
{
    if (PyTuple_Check(right)) {
        Py_ssize_t length = PyTuple_GET_SIZE(right);
        for (Py_ssize_t i = 0; i < length; i++) {
            if (!PyExceptionClass_Check(PyTuple_GET_ITEM(right, i))) {
                PyErr_SetString(PyExc_TypeError, CANNOT_CATCH_MSG);
                return -1;
            }
        }
    }
    else if (!PyExceptionClass_Check(right)) {
        PyErr_SetString(PyExc_TypeError, CANNOT_CATCH_MSG);
        return -1;
    }
    return 0;
}

int
_PyEval_CheckExceptStarTypeValid(PyThreadState *tstate, PyObject *right)
{
    if (_PyEval_CheckExceptTypeValid(tstate, right) < 0) return -1;
    int is_subclass = 0;
    if (PyTuple_Check(right)) {
        Py_ssize_t length = PyTuple_GET_SIZE(right);
        for (Py_ssize_t i = 0; i < length; i++) {
            is_subclass = PyObject_IsSubclass(PyTuple_GET_ITEM(right, i), PyExc_BaseExceptionGroup);
            if (is_subclass < 0) return -1;
            if (is_subclass) break;
        }
    }
    else {
        is_subclass = PyObject_IsSubclass(right, PyExc_BaseExceptionGroup);
        if (is_subclass < 0) return -1;
    }
    if (is_subclass) {
        PyErr_SetString(PyExc_TypeError, CANNOT_EXCEPT_STAR_EG);
        return -1;
    }
    return 0;
}

static int
is_exception_group(PyObject *exc)
{
    return PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_BaseExceptionGroup);
}

static PyObject *
create_exception_group(PyObject *excs)
{
    PyObject *msg = PyUnicode_FromString("");
    if (msg == NULL) return NULL;
    PyObject *res = PyObject_CallFunctionObjArgs(PyExc_BaseExceptionGroup, msg, excs, NULL);
    Py_DECREF(msg);
    return res;
}

int
_PyEval_ExceptionGroupMatch(PyObject *exc_value, PyObject *match_type, PyObject **match,
                            PyObject **rest)
{
    if (Py_IsNone(exc_value)) {
        *match = Py_NewRef(Py_None);
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (PyErr_GivenExceptionMatches(exc_value, match_type)) {
        if (is_exception_group(exc_value)) {
            *match = Py_NewRef(exc_value);
        }
        else {
            /* a naked exception: wrap it */
            PyObject *excs = PyTuple_Pack(1, exc_value);
            if (excs == NULL) return -1;
            PyObject *wrapped = create_exception_group(excs);
            Py_DECREF(excs);
            if (wrapped == NULL) return -1;
            *match = wrapped;
        }
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (is_exception_group(exc_value)) {
        PyObject *pair = PyObject_CallMethod(exc_value, "split", "(O)", match_type);
        if (pair == NULL) return -1;
        if (!PyTuple_CheckExact(pair) || PyTuple_GET_SIZE(pair) != 2) {
            Py_DECREF(pair);
            PyErr_SetString(PyExc_TypeError, "split must return a 2-tuple");
            return -1;
        }
        *match = Py_NewRef(PyTuple_GET_ITEM(pair, 0));
        *rest = Py_NewRef(PyTuple_GET_ITEM(pair, 1));
        Py_DECREF(pair);
        return 0;
    }
    *match = Py_NewRef(Py_None);
    *rest = Py_NewRef(Py_None);
    return 0;
}

/* ---- except* re-raise (CPython's _PyExc_PrepReraiseStar) ---- */

static int
same_exception_metadata(PyObject *exc1, PyObject *exc2)
{
    PyBaseExceptionObject *e1 = (PyBaseExceptionObject *)exc1;
    PyBaseExceptionObject *e2 = (PyBaseExceptionObject *)exc2;
    return e1->notes == e2->notes && e1->traceback == e2->traceback &&
           e1->cause == e2->cause && e1->context == e2->context;
}

static int
collect_leaf_ids(PyObject *exc, PyObject *leaf_ids)
{
    if (Py_IsNone(exc)) return 0;
    if (!is_exception_group(exc)) {
        PyObject *exc_id = PyLong_FromUnsignedLongLong((unsigned long long)(uintptr_t)exc);
        if (exc_id == NULL) return -1;
        int res = PySet_Add(leaf_ids, exc_id);
        Py_DECREF(exc_id);
        return res;
    }
    PyObject *excs = ((PyBaseExceptionGroupObject *)exc)->excs;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(excs); i++) {
        if (Py_EnterRecursiveCall(" in collect_exception_group_leaf_ids")) return -1;
        int res = collect_leaf_ids(PyTuple_GET_ITEM(excs, i), leaf_ids);
        Py_LeaveRecursiveCall();
        if (res < 0) return -1;
    }
    return 0;
}

/* predicate(leaf) -> id(leaf) in leaf_ids; self is the set */
static PyObject *
leaf_id_predicate(PyObject *leaf_ids, PyObject *exc)
{
    if (is_exception_group(exc)) Py_RETURN_FALSE;
    PyObject *exc_id = PyLong_FromUnsignedLongLong((unsigned long long)(uintptr_t)exc);
    if (exc_id == NULL) return NULL;
    int res = PySet_Contains(leaf_ids, exc_id);
    Py_DECREF(exc_id);
    if (res < 0) return NULL;
    return Py_NewRef(res ? Py_True : Py_False);
}

static PyMethodDef leaf_id_predicate_def = {
    "_leaf_id_predicate", (PyCFunction)leaf_id_predicate, METH_O, NULL
};

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
    PyObject *pred = PyCFunction_New(&leaf_id_predicate_def, leaf_ids);
    Py_DECREF(leaf_ids);
    if (pred == NULL) return NULL;
    PyObject *pair = PyObject_CallMethod(eg, "split", "(O)", pred);
    Py_DECREF(pred);
    if (pair == NULL) return NULL;
    PyObject *result = Py_NewRef(PyTuple_GET_ITEM(pair, 0));
    Py_DECREF(pair);
    return result;
}

static PyObject *
prep_reraise_star(PyObject *orig, PyObject *excs)
{
    if (!PyList_Check(excs)) {
        PyErr_SetString(PyExc_SystemError, "bad except* reraise list");
        return NULL;
    }
    Py_ssize_t numexcs = PyList_GET_SIZE(excs);
    if (numexcs == 0) return Py_NewRef(Py_None);
    if (!is_exception_group(orig)) {
        /* a naked exception was caught and wrapped: one clause at most ran */
        return Py_NewRef(PyList_GET_ITEM(excs, 0));
    }
    PyObject *result = NULL;
    PyObject *raised_list = PyList_New(0);
    PyObject *reraised_list = PyList_New(0);
    if (raised_list == NULL || reraised_list == NULL) goto done;
    for (Py_ssize_t i = 0; i < numexcs; i++) {
        PyObject *e = PyList_GET_ITEM(excs, i);
        if (Py_IsNone(e)) continue;
        int is_reraise = same_exception_metadata(e, orig);
        if (PyList_Append(is_reraise ? reraised_list : raised_list, e) < 0) goto done;
    }
    PyObject *reraised_eg = exception_group_projection(orig, reraised_list);
    if (reraised_eg == NULL) goto done;
    if (PyList_GET_SIZE(raised_list) == 0) {
        result = reraised_eg;
    }
    else {
        int res = 0;
        if (!Py_IsNone(reraised_eg)) res = PyList_Append(raised_list, reraised_eg);
        Py_DECREF(reraised_eg);
        if (res < 0) goto done;
        if (PyList_GET_SIZE(raised_list) > 1) result = create_exception_group(raised_list);
        else result = Py_NewRef(PyList_GET_ITEM(raised_list, 0));
    }
done:
    Py_XDECREF(raised_list);
    Py_XDECREF(reraised_list);
    return result;
}

/* ------------------------------------------------------------------ */
/* Intrinsics                                                           */

static PyObject *
print_expr(PyThreadState *tstate, PyObject *value)
{
    PyObject *hook = PySys_GetObject("displayhook");
    if (hook == NULL) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_RuntimeError, "lost sys.displayhook");
        return NULL;
    }
    return PyObject_CallOneArg(hook, value);
}

static int
import_all_from(PyThreadState *tstate, PyObject *locals, PyObject *v)
{
    PyObject *all, *dict, *name, *value;
    int skip_leading_underscores = 0;
    int err = 0;
    if (_PyObject_LookupAttr(v, _Py_ID(__all__), &all) < 0) return -1;
    if (all == NULL) {
        if (_PyObject_LookupAttr(v, _Py_ID(__dict__), &dict) < 0) return -1;
        if (dict == NULL) {
            PyErr_SetString(PyExc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = PyMapping_Keys(dict);
        Py_DECREF(dict);
        if (all == NULL) return -1;
        skip_leading_underscores = 1;
    }
    for (Py_ssize_t pos = 0;; pos++) {
        name = PySequence_GetItem(all, pos);
        if (name == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_IndexError)) err = -1;
            else PyErr_Clear();
            break;
        }
        if (!PyUnicode_Check(name)) {
            PyObject *modname = PyObject_GetAttr(v, _Py_ID(__name__));
            if (modname == NULL) {
                Py_DECREF(name);
                err = -1;
                break;
            }
            if (!PyUnicode_Check(modname))
                PyErr_Format(PyExc_TypeError, "module __name__ must be a string, not %.100s",
                             Py_TYPE(modname)->tp_name);
            else
                PyErr_Format(PyExc_TypeError, "%s in %U.%s must be str, not %.100s",
                             skip_leading_underscores ? "Key" : "Item", modname,
                             skip_leading_underscores ? "__dict__" : "__all__",
                             Py_TYPE(name)->tp_name);
            Py_DECREF(modname);
            Py_DECREF(name);
            err = -1;
            break;
        }
        if (skip_leading_underscores && PyUnicode_GET_LENGTH(name) > 0 &&
            PyUnicode_READ_CHAR(name, 0) == '_') {
            Py_DECREF(name);
            continue;
        }
        value = PyObject_GetAttr(v, name);
        if (value == NULL) err = -1;
        else if (PyDict_CheckExact(locals)) err = PyDict_SetItem(locals, name, value);
        else err = PyObject_SetItem(locals, name, value);
        Py_DECREF(name);
        Py_XDECREF(value);
        if (err < 0) break;
    }
    Py_DECREF(all);
    return err;
}

static PyObject *
import_star(PyThreadState *tstate, PyObject *from)
{
    _PyInterpreterFrame *frame = tstate->current_frame;
    if (_PyFrame_FastToLocalsWithError(frame) < 0) return NULL;
    PyObject *locals = frame->f_locals;
    if (locals == NULL) {
        PyErr_SetString(PyExc_SystemError, "no locals found during 'import *'");
        return NULL;
    }
    if (import_all_from(tstate, locals, from) < 0) return NULL;
    Py_RETURN_NONE;
}

static PyObject *
stopiteration_error(PyThreadState *tstate, PyObject *exc)
{
    _PyInterpreterFrame *frame = tstate->current_frame;
    const char *msg = NULL;
    int flags = frame->f_code->co_flags;
    if (PyErr_GivenExceptionMatches(exc, PyExc_StopIteration)) {
        msg = "generator raised StopIteration";
        if (flags & CO_ASYNC_GENERATOR) msg = "async generator raised StopIteration";
        else if (flags & CO_COROUTINE) msg = "coroutine raised StopIteration";
    }
    else if ((flags & CO_ASYNC_GENERATOR) &&
             PyErr_GivenExceptionMatches(exc, PyExc_StopAsyncIteration)) {
        msg = "async generator raised StopAsyncIteration";
    }
    if (msg != NULL) {
        PyObject *message = PyUnicode_FromString(msg);
        if (message == NULL) return NULL;
        PyObject *error = PyObject_CallOneArg(PyExc_RuntimeError, message);
        Py_DECREF(message);
        if (error == NULL) return NULL;
        PyException_SetCause(error, Py_NewRef(exc));
        PyException_SetContext(error, Py_NewRef(exc));
        return error;
    }
    return Py_NewRef(exc);
}

/* PEP 695 objects come from the typing module. */
static PyObject *
call_typing(const char *attr, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *typing = PyImport_ImportModule("typing");
    if (typing == NULL) return NULL;
    PyObject *f = PyObject_GetAttrString(typing, attr);
    Py_DECREF(typing);
    if (f == NULL) return NULL;
    PyObject *res = PyObject_Vectorcall(f, args, nargs, NULL);
    Py_DECREF(f);
    return res;
}

static PyObject *
make_typevar_with(PyObject *name, const char *kw, PyObject *evaluate)
{
    /* The bound/constraints arrive as a lazy function: evaluate it now. */
    PyObject *value = PyObject_CallNoArgs(evaluate);
    if (value == NULL) return NULL;
    PyObject *args[3] = {name, value, NULL};
    PyObject *res;
    if (strcmp(kw, "bound") == 0) {
        PyObject *kwnames = Py_BuildValue("(s)", "bound");
        if (kwnames == NULL) {
            Py_DECREF(value);
            return NULL;
        }
        PyObject *typing = PyImport_ImportModule("typing");
        PyObject *f = typing ? PyObject_GetAttrString(typing, "TypeVar") : NULL;
        Py_XDECREF(typing);
        res = f ? PyObject_Vectorcall(f, args, 1, kwnames) : NULL;
        Py_XDECREF(f);
        Py_DECREF(kwnames);
    }
    else {
        /* constraints: TypeVar(name, *constraints) */
        if (!PyTuple_Check(value)) {
            Py_DECREF(value);
            PyErr_SetString(PyExc_TypeError, "TypeVar constraints must be a tuple");
            return NULL;
        }
        Py_ssize_t n = PyTuple_GET_SIZE(value);
        PyObject **vec = PyMem_Malloc((n + 1) * sizeof(PyObject *));
        if (vec == NULL) {
            Py_DECREF(value);
            return PyErr_NoMemory();
        }
        vec[0] = name;
        for (Py_ssize_t i = 0; i < n; i++) vec[i + 1] = PyTuple_GET_ITEM(value, i);
        res = call_typing("TypeVar", vec, n + 1);
        PyMem_Free(vec);
    }
    Py_DECREF(value);
    return res;
}

PyObject *
_PyEval_Intrinsic1(PyThreadState *tstate, int oparg, PyObject *value)
{
    switch (oparg) {
    case INTRINSIC_PRINT:
        return print_expr(tstate, value);
    case INTRINSIC_IMPORT_STAR:
        return import_star(tstate, value);
    case INTRINSIC_STOPITERATION_ERROR:
        return stopiteration_error(tstate, value);
    case INTRINSIC_ASYNC_GEN_WRAP:
        return _PyAsyncGenValueWrapperNew(tstate, value);
    case INTRINSIC_UNARY_POSITIVE:
        return PyNumber_Positive(value);
    case INTRINSIC_LIST_TO_TUPLE:
        return PyList_AsTuple(value);
    case INTRINSIC_TYPEVAR:
        return call_typing("TypeVar", &value, 1);
    case INTRINSIC_PARAMSPEC:
        return call_typing("ParamSpec", &value, 1);
    case INTRINSIC_TYPEVARTUPLE:
        return call_typing("TypeVarTuple", &value, 1);
    case INTRINSIC_SUBSCRIPT_GENERIC: {
        PyObject *typing = PyImport_ImportModule("typing");
        if (typing == NULL) return NULL;
        PyObject *generic = PyObject_GetAttrString(typing, "Generic");
        Py_DECREF(typing);
        if (generic == NULL) return NULL;
        PyObject *res = PyObject_GetItem(generic, value);
        Py_DECREF(generic);
        return res;
    }
    case INTRINSIC_TYPEALIAS: {
        /* value = (name, type_params, compute_value) */
        if (!PyTuple_Check(value) || PyTuple_GET_SIZE(value) != 3) {
            PyErr_SetString(PyExc_SystemError, "bad type alias arguments");
            return NULL;
        }
        PyObject *evaluated = PyObject_CallNoArgs(PyTuple_GET_ITEM(value, 2));
        if (evaluated == NULL) return NULL;
        PyObject *args[2] = {PyTuple_GET_ITEM(value, 0), evaluated};
        PyObject *res = call_typing("TypeAliasType", args, 2);
        Py_DECREF(evaluated);
        return res;
    }
    }
    PyErr_SetString(PyExc_SystemError, "invalid intrinsic function");
    return NULL;
}

PyObject *
_PyEval_Intrinsic2(PyThreadState *tstate, int oparg, PyObject *value2, PyObject *value1)
{
    switch (oparg) {
    case INTRINSIC_PREP_RERAISE_STAR:
        return prep_reraise_star(value2, value1);
    case INTRINSIC_TYPEVAR_WITH_BOUND:
        return make_typevar_with(value2, "bound", value1);
    case INTRINSIC_TYPEVAR_WITH_CONSTRAINTS:
        return make_typevar_with(value2, "constraints", value1);
    case INTRINSIC_SET_FUNCTION_TYPE_PARAMS:
        if (PyFunction_Check(value2)) {
            Py_XSETREF(((PyFunctionObject *)value2)->func_typeparams, Py_NewRef(value1));
        }
        return Py_NewRef(value2);
    }
    PyErr_SetString(PyExc_SystemError, "invalid intrinsic function");
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Imports                                                              */

static int
is_default_import_func(PyObject *import_func)
{
    return PyCFunction_Check(import_func) &&
           strcmp(((PyCFunctionObject *)import_func)->m_ml->ml_name, "__import__") == 0;
}

PyObject *
_PyEval_ImportName(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name,
                   PyObject *fromlist, PyObject *level)
{
    PyObject *import_func = PyDict_GetItemWithError(frame->f_builtins, _Py_ID(__import__));
    if (import_func == NULL) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_ImportError, "__import__ not found");
        return NULL;
    }
    PyObject *locals = frame->f_locals;
    if (is_default_import_func(import_func)) {
        long ilevel = PyLong_AsLong(level);
        if (ilevel == -1 && PyErr_Occurred()) return NULL;
        return PyImport_ImportModuleLevelObject(name, frame->f_globals,
                                                locals == NULL ? Py_None : locals, fromlist,
                                                (int)ilevel);
    }
    Py_INCREF(import_func);
    PyObject *stack[5] = {name, frame->f_globals, locals == NULL ? Py_None : locals, fromlist,
                          level};
    PyObject *res = PyObject_Vectorcall(import_func, stack, 5, NULL);
    Py_DECREF(import_func);
    return res;
}

static int
spec_is_initializing(PyObject *spec)
{
    if (spec == NULL) return 0;
    PyObject *value;
    int ok = _PyObject_LookupAttr(spec, _Py_ID(_initializing), &value);
    if (ok <= 0) {
        PyErr_Clear();
        return 0;
    }
    int initializing = PyObject_IsTrue(value);
    Py_DECREF(value);
    if (initializing < 0) {
        PyErr_Clear();
        return 0;
    }
    return initializing;
}

static void
set_import_error(PyObject *msg, PyObject *name, PyObject *path, PyObject *name_from)
{
    if (msg == NULL) return;
    PyObject *kwargs = PyDict_New();
    if (kwargs == NULL) return;
    if (PyDict_SetItemString(kwargs, "name", name ? name : Py_None) < 0 ||
        PyDict_SetItemString(kwargs, "path", path ? path : Py_None) < 0) {
        Py_DECREF(kwargs);
        return;
    }
    PyObject *error = PyObject_VectorcallDict(PyExc_ImportError, &msg, 1, kwargs);
    Py_DECREF(kwargs);
    if (error == NULL) return;
    if (PyObject_TypeCheck(error, (PyTypeObject *)PyExc_ImportError))
        Py_XSETREF(((PyImportErrorObject *)error)->name_from, Py_XNewRef(name_from));
    PyErr_SetObject((PyObject *)Py_TYPE(error), error);
    Py_DECREF(error);
}

PyObject *
_PyEval_ImportFrom(PyThreadState *tstate, PyObject *v, PyObject *name)
{
    PyObject *x, *fullmodname, *pkgname, *pkgpath = NULL, *pkgname_or_unknown, *errmsg;
    if (_PyObject_LookupAttr(v, name, &x) != 0) return x;
    /* Circular relative imports: try sys.modules["pkg.name"]. */
    pkgname = PyObject_GetAttr(v, _Py_ID(__name__));
    if (pkgname == NULL) goto error;
    if (!PyUnicode_Check(pkgname)) {
        Py_CLEAR(pkgname);
        goto error;
    }
    fullmodname = PyUnicode_FromFormat("%U.%U", pkgname, name);
    if (fullmodname == NULL) {
        Py_DECREF(pkgname);
        return NULL;
    }
    {
        PyObject *modules = PyImport_GetModuleDict();
        x = modules ? PyDict_GetItemWithError(modules, fullmodname) : NULL;
        Py_XINCREF(x);
    }
    Py_DECREF(fullmodname);
    if (x == NULL && !PyErr_Occurred()) goto error;
    Py_DECREF(pkgname);
    return x;
error:
    PyErr_Clear();
    if (PyModule_Check(v)) {
        PyObject *d = PyModule_GetDict(v);
        pkgpath = d ? PyDict_GetItemWithError(d, _Py_ID(__file__)) : NULL;
        Py_XINCREF(pkgpath);
        PyErr_Clear();
    }
    if (pkgname == NULL) {
        pkgname_or_unknown = PyUnicode_FromString("<unknown module name>");
        if (pkgname_or_unknown == NULL) {
            Py_XDECREF(pkgpath);
            return NULL;
        }
    }
    else {
        pkgname_or_unknown = pkgname;
    }
    if (pkgpath == NULL || !PyUnicode_Check(pkgpath)) {
        errmsg = PyUnicode_FromFormat("cannot import name %R from %R (unknown location)", name,
                                      pkgname_or_unknown);
        set_import_error(errmsg, pkgname_or_unknown, NULL, name);
    }
    else {
        PyObject *spec = PyObject_GetAttr(v, _Py_ID(__spec__));
        if (spec == NULL) PyErr_Clear();
        const char *fmt = spec_is_initializing(spec) ?
            "cannot import name %R from partially initialized module %R "
            "(most likely due to a circular import) (%S)" :
            "cannot import name %R from %R (%S)";
        Py_XDECREF(spec);
        errmsg = PyUnicode_FromFormat(fmt, name, pkgname_or_unknown, pkgpath);
        set_import_error(errmsg, pkgname_or_unknown, pkgpath, name);
    }
    Py_XDECREF(errmsg);
    Py_XDECREF(pkgname_or_unknown);
    Py_XDECREF(pkgpath);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Pattern matching                                                     */

static PyObject *
match_class_attr(PyThreadState *tstate, PyObject *subject, PyObject *type, PyObject *name,
                 PyObject *seen)
{
    if (PySet_Contains(seen, name) || PySet_Add(seen, name)) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                         ((PyTypeObject *)type)->tp_name, name);
        return NULL;
    }
    PyObject *attr;
    (void)_PyObject_LookupAttr(subject, name, &attr);
    return attr;
}

PyObject *
_PyEval_MatchClass(PyThreadState *tstate, PyObject *subject, PyObject *type, Py_ssize_t nargs,
                   PyObject *kwargs)
{
    if (!PyType_Check(type)) {
        PyErr_SetString(PyExc_TypeError, "called match pattern must be a class");
        return NULL;
    }
    if (PyObject_IsInstance(subject, type) <= 0) return NULL;
    PyObject *seen = PySet_New(NULL);
    if (seen == NULL) return NULL;
    PyObject *attrs = PyList_New(0);
    if (attrs == NULL) {
        Py_DECREF(seen);
        return NULL;
    }
    PyObject *match_args = NULL;
    if (nargs) {
        int match_self = 0;
        match_args = PyObject_GetAttrString(type, "__match_args__");
        if (match_args) {
            if (!PyTuple_CheckExact(match_args)) {
                PyErr_Format(PyExc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                             ((PyTypeObject *)type)->tp_name, Py_TYPE(match_args)->tp_name);
                goto fail;
            }
        }
        else if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
            /* only types that do not define __match_args__ match themselves */
            match_args = PyTuple_New(0);
            if (match_args == NULL) goto fail;
            match_self = PyType_HasFeature((PyTypeObject *)type, _Py_TPFLAGS_MATCH_SELF);
        }
        else {
            goto fail;
        }
        Py_ssize_t allowed = match_self ? 1 : PyTuple_GET_SIZE(match_args);
        if (allowed < nargs) {
            PyErr_Format(PyExc_TypeError, "%s() accepts %d positional sub-pattern%s (%d given)",
                         ((PyTypeObject *)type)->tp_name, (int)allowed,
                         allowed == 1 ? "" : "s", (int)nargs);
            goto fail;
        }
        if (match_self) {
            if (PyList_Append(attrs, subject) < 0) goto fail;
        }
        else {
            for (Py_ssize_t i = 0; i < nargs; i++) {
                PyObject *name = PyTuple_GET_ITEM(match_args, i);
                if (!PyUnicode_CheckExact(name)) {
                    PyErr_Format(PyExc_TypeError,
                                 "__match_args__ elements must be strings (got %s)",
                                 Py_TYPE(name)->tp_name);
                    goto fail;
                }
                PyObject *attr = match_class_attr(tstate, subject, type, name, seen);
                if (attr == NULL) goto fail;
                int r = PyList_Append(attrs, attr);
                Py_DECREF(attr);
                if (r < 0) goto fail;
            }
        }
        Py_CLEAR(match_args);
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwargs); i++) {
        PyObject *name = PyTuple_GET_ITEM(kwargs, i);
        PyObject *attr = match_class_attr(tstate, subject, type, name, seen);
        if (attr == NULL) goto fail;
        int r = PyList_Append(attrs, attr);
        Py_DECREF(attr);
        if (r < 0) goto fail;
    }
    Py_SETREF(attrs, PyList_AsTuple(attrs));
    Py_DECREF(seen);
    return attrs;
fail:
    Py_XDECREF(match_args);
    Py_DECREF(seen);
    Py_DECREF(attrs);
    return NULL;
}

PyObject *
_PyEval_MatchKeys(PyThreadState *tstate, PyObject *map, PyObject *keys)
{
    Py_ssize_t nkeys = PyTuple_GET_SIZE(keys);
    if (!nkeys) return PyTuple_New(0);
    PyObject *seen = NULL, *dummy = NULL, *values = NULL, *get = NULL;
    /* map.get(key, dummy): atomic lookup without __missing__ side effects */
    int meth_found = _PyObject_GetMethod(map, _Py_ID(get), &get);
    if (get == NULL) goto fail;
    seen = PySet_New(NULL);
    if (seen == NULL) goto fail;
    dummy = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
    if (dummy == NULL) goto fail;
    values = PyTuple_New(nkeys);
    if (values == NULL) goto fail;
    for (Py_ssize_t i = 0; i < nkeys; i++) {
        PyObject *key = PyTuple_GET_ITEM(keys, i);
        if (PySet_Contains(seen, key) || PySet_Add(seen, key)) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_ValueError, "mapping pattern checks duplicate key (%R)", key);
            goto fail;
        }
        PyObject *args[] = {map, key, dummy};
        PyObject *value = meth_found == 1 ? PyObject_Vectorcall(get, args, 3, NULL)
                                          : PyObject_Vectorcall(get, &args[1], 2, NULL);
        if (value == NULL) goto fail;
        if (value == dummy) {
            Py_DECREF(value);
            Py_DECREF(values);
            values = Py_NewRef(Py_None);
            goto done;
        }
        PyTuple_SET_ITEM(values, i, value);
    }
done:
    Py_DECREF(get);
    Py_DECREF(seen);
    Py_DECREF(dummy);
    return values;
fail:
    Py_XDECREF(get);
    Py_XDECREF(seen);
    Py_XDECREF(dummy);
    Py_XDECREF(values);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Unpacking                                                            */

int
_PyEval_UnpackIterable(PyThreadState *tstate, PyObject *v, int argcnt, int argcntafter,
                       PyObject **sp)
{
    int i = 0, j;
    Py_ssize_t ll;
    PyObject *w, *l;
    PyObject *it = PyObject_GetIter(v);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError) && Py_TYPE(v)->tp_iter == NULL &&
            !PySequence_Check(v)) {
            PyErr_Format(PyExc_TypeError, "cannot unpack non-iterable %.200s object",
                         Py_TYPE(v)->tp_name);
        }
        return 0;
    }
    for (; i < argcnt; i++) {
        w = PyIter_Next(it);
        if (w == NULL) {
            if (!PyErr_Occurred()) {
                if (argcntafter == -1)
                    PyErr_Format(PyExc_ValueError,
                                 "not enough values to unpack (expected %d, got %d)", argcnt, i);
                else
                    PyErr_Format(PyExc_ValueError,
                                 "not enough values to unpack (expected at least %d, got %d)",
                                 argcnt + argcntafter, i);
            }
            goto error;
        }
        *--sp = w;
    }
    if (argcntafter == -1) {
        w = PyIter_Next(it);
        if (w == NULL) {
            if (PyErr_Occurred()) goto error;
            Py_DECREF(it);
            return 1;
        }
        Py_DECREF(w);
        PyErr_Format(PyExc_ValueError, "too many values to unpack (expected %d)", argcnt);
        goto error;
    }
    l = PySequence_List(it);
    if (l == NULL) goto error;
    *--sp = l;
    i++;
    ll = PyList_GET_SIZE(l);
    if (ll < argcntafter) {
        PyErr_Format(PyExc_ValueError,
                     "not enough values to unpack (expected at least %d, got %zd)",
                     argcnt + argcntafter, argcnt + ll);
        goto error;
    }
    /* move the trailing items off the list */
    for (j = argcntafter; j > 0; j--, i++) *--sp = PyList_GET_ITEM(l, ll - j);
    Py_SET_SIZE(l, ll - argcntafter);
    Py_DECREF(it);
    return 1;
error:
    for (; i > 0; i--, sp++) Py_DECREF(*sp);
    Py_XDECREF(it);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Asynchronous iteration                                               */

void
_PyEval_FormatAwaitableError(PyThreadState *tstate, PyTypeObject *type, int oparg)
{
    if (type->tp_as_async == NULL || type->tp_as_async->am_await == NULL) {
        if (oparg == 1)
            PyErr_Format(PyExc_TypeError,
                         "'async with' received an object from __aenter__ that does not "
                         "implement __await__: %.100s", type->tp_name);
        else if (oparg == 2)
            PyErr_Format(PyExc_TypeError,
                         "'async with' received an object from __aexit__ that does not "
                         "implement __await__: %.100s", type->tp_name);
    }
}

/* Does a heap type define this special method (slot left empty)? */
static int
has_heap_special(PyObject *obj, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(obj);
    return (tp->tp_flags & Py_TPFLAGS_HEAPTYPE) && _PyType_Lookup(tp, name) != NULL;
}

PyObject *
_PyEval_GetAIter(PyThreadState *tstate, PyObject *obj)
{
    unaryfunc getter = NULL;
    PyTypeObject *type = Py_TYPE(obj);
    PyObject *iter;
    if (type->tp_as_async != NULL) getter = type->tp_as_async->am_aiter;
    if (getter != NULL) {
        iter = getter(obj);
    }
    else {
        /* a class defining __aiter__ whose slot was not filled in */
        PyObject *meth = (type->tp_flags & Py_TPFLAGS_HEAPTYPE) ?
                         _PyEval_LookupSpecial(obj, _Py_ID(__aiter__)) : NULL;
        if (meth == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_TypeError,
                             "'async for' requires an object with __aiter__ method, got %.100s",
                             type->tp_name);
            return NULL;
        }
        iter = PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
    }
    if (iter == NULL) return NULL;
    if ((Py_TYPE(iter)->tp_as_async == NULL || Py_TYPE(iter)->tp_as_async->am_anext == NULL) &&
        !has_heap_special(iter, _Py_ID(__anext__))) {
        PyErr_Format(PyExc_TypeError,
                     "'async for' received an object from __aiter__ that does not implement "
                     "__anext__: %.100s", Py_TYPE(iter)->tp_name);
        Py_DECREF(iter);
        return NULL;
    }
    return iter;
}

PyObject *
_PyEval_GetANext(PyThreadState *tstate, PyObject *aiter)
{
    PyTypeObject *type = Py_TYPE(aiter);
    if (PyAsyncGen_CheckExact(aiter)) return type->tp_as_async->am_anext(aiter);
    unaryfunc getter = type->tp_as_async != NULL ? type->tp_as_async->am_anext : NULL;
    PyObject *next_iter;
    if (getter != NULL) {
        next_iter = getter(aiter);
    }
    else {
        PyObject *meth = (type->tp_flags & Py_TPFLAGS_HEAPTYPE) ?
                         _PyEval_LookupSpecial(aiter, _Py_ID(__anext__)) : NULL;
        if (meth == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_TypeError,
                             "'async for' requires an iterator with __anext__ method, got %.100s",
                             type->tp_name);
            return NULL;
        }
        next_iter = PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
    }
    if (next_iter == NULL) return NULL;
    PyObject *awaitable = _PyCoro_GetAwaitableIter(next_iter);
    if (awaitable == NULL) {
        PyObject *cause = PyErr_GetRaisedException();
        PyErr_Format(PyExc_TypeError, "'async for' received an invalid object from __anext__: %.100s",
                     Py_TYPE(next_iter)->tp_name);
        if (cause != NULL) {
            PyObject *exc = PyErr_GetRaisedException();
            PyException_SetCause(exc, Py_NewRef(cause));
            PyException_SetContext(exc, cause);
            PyErr_SetRaisedException(exc);
        }
    }
    Py_DECREF(next_iter);
    return awaitable;
}
