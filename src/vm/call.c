/* call.c -- calling objects, and binding arguments to a Python function's
 * parameters.
 *
 * The modern calling convention is vectorcall: a callable receives a C
 * array of borrowed arguments, the count of positional ones (possibly
 * flagged with PY_VECTORCALL_ARGUMENTS_OFFSET, which lets the callee
 * borrow args[-1] to prepend "self" without copying) and a tuple of
 * keyword names whose values follow the positionals in the array.  Types
 * that support it store a vectorcallfunc at tp_vectorcall_offset; every
 * other callable goes through tp_call with a tuple and a dict built on the
 * spot (_PyObject_MakeTpCall).
 *
 * Python functions are called by pushing a frame on the thread's data
 * stack and binding the arguments into its fast locals
 * (_PyEvalFramePushAndInit).  The CALL instruction does this itself and
 * runs the new frame inside the same C loop; calls from C come through
 * _PyFunction_Vectorcall -> _PyEval_Vector, which increfs the arguments
 * (the frame owns its locals) and enters the eval loop.
 *
 * The binding follows CPython 3.12's initialize_locals step by step,
 * including the order in which errors are detected, because that order
 * decides which TypeError a wrong call reports.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_eval.h"

#define SMALL_STACK 5

static PyObject *
null_error(void)
{
    if (!PyErr_Occurred())
        PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Result checking and the tp_call fallback                             */

static void
format_from_cause(PyObject *exc_type, const char *format, PyObject *callable, const char *where)
{
    PyObject *cause = PyErr_GetRaisedException();
    if (callable) PyErr_Format(exc_type, format, callable);
    else PyErr_Format(exc_type, format, where);
    if (cause == NULL) return;
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        Py_DECREF(cause);
        return;
    }
    PyException_SetCause(exc, Py_NewRef(cause));
    PyException_SetContext(exc, cause);
    PyErr_SetRaisedException(exc);
}

PyObject *
_Py_CheckFunctionResult(PyObject *callable, PyObject *result, const char *where)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (result == NULL) {
        if (tstate->current_exception == NULL) {
            if (callable)
                PyErr_Format(PyExc_SystemError, "%R returned NULL without setting an exception",
                             callable);
            else
                PyErr_Format(PyExc_SystemError, "%s returned NULL without setting an exception",
                             where);
        }
        return NULL;
    }
    if (tstate->current_exception != NULL) {
        Py_DECREF(result);
        if (callable)
            format_from_cause(PyExc_SystemError, "%R returned a result with an exception set",
                              callable, NULL);
        else
            format_from_cause(PyExc_SystemError, "%s returned a result with an exception set",
                              NULL, where);
        return NULL;
    }
    return result;
}

PyObject *
_PyStack_AsDict(PyObject *const *values, PyObject *kwnames)
{
    Py_ssize_t nkwargs = PyTuple_GET_SIZE(kwnames);
    PyObject *kwdict = PyDict_New();
    if (kwdict == NULL) return NULL;
    for (Py_ssize_t i = 0; i < nkwargs; i++) {
        if (PyDict_SetItem(kwdict, PyTuple_GET_ITEM(kwnames, i), *values++) < 0) {
            Py_DECREF(kwdict);
            return NULL;
        }
    }
    return kwdict;
}

/* `keywords` may be a tuple of names (vectorcall) or a dict. */
PyObject *
_PyObject_MakeTpCall(PyObject *callable, PyObject *const *args, Py_ssize_t nargs,
                     PyObject *keywords)
{
    PyThreadState *tstate = _PyThreadState_GET();
    ternaryfunc call = Py_TYPE(callable)->tp_call;
    if (call == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not callable",
                     Py_TYPE(callable)->tp_name);
        return NULL;
    }
    PyObject *argstuple = _PyTuple_FromArray(args, nargs);
    if (argstuple == NULL) return NULL;
    PyObject *kwdict;
    if (keywords == NULL || PyDict_Check(keywords)) {
        kwdict = keywords;
    }
    else if (PyTuple_GET_SIZE(keywords)) {
        kwdict = _PyStack_AsDict(args + nargs, keywords);
        if (kwdict == NULL) {
            Py_DECREF(argstuple);
            return NULL;
        }
    }
    else {
        keywords = kwdict = NULL;
    }
    PyObject *result = NULL;
    if (_Py_EnterRecursiveCallTstate(tstate, " while calling a Python object") == 0) {
        result = call(callable, argstuple, kwdict);
        _Py_LeaveRecursiveCallTstate(tstate);
    }
    Py_DECREF(argstuple);
    if (kwdict != keywords) Py_DECREF(kwdict);
    return _Py_CheckFunctionResult(callable, result, NULL);
}

/* ------------------------------------------------------------------ */
/* Vectorcall                                                           */

vectorcallfunc
PyVectorcall_Function(PyObject *callable)
{
    PyTypeObject *tp = Py_TYPE(callable);
    if (!(tp->tp_flags & Py_TPFLAGS_HAVE_VECTORCALL)) return NULL;
    vectorcallfunc f;
    memcpy(&f, (char *)callable + tp->tp_vectorcall_offset, sizeof(f));
    return f;
}

PyObject *
PyObject_Vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                    PyObject *kwnames)
{
    return _PyObject_VectorcallTstate(_PyThreadState_GET(), callable, args, nargsf, kwnames);
}

/* Turn (args, kwargs dict) into a vector with names.  The new vector has a
   free slot before it (PY_VECTORCALL_ARGUMENTS_OFFSET) and owns a
   reference to every item. */
static PyObject *const *
stack_unpack_dict(PyObject *const *args, Py_ssize_t nargs, PyObject *kwargs,
                  PyObject **p_kwnames)
{
    Py_ssize_t nkwargs = PyDict_GET_SIZE(kwargs);
    Py_ssize_t maxnargs = PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(args[0]) - 1;
    if (nargs > maxnargs - nkwargs) {
        PyErr_NoMemory();
        return NULL;
    }
    PyObject **stack = PyMem_Malloc((1 + nargs + nkwargs) * sizeof(args[0]));
    if (stack == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    PyObject *kwnames = PyTuple_New(nkwargs);
    if (kwnames == NULL) {
        PyMem_Free(stack);
        return NULL;
    }
    stack++;
    for (Py_ssize_t i = 0; i < nargs; i++) stack[i] = Py_NewRef(args[i]);
    PyObject **kwstack = stack + nargs;
    Py_ssize_t pos = 0, i = 0;
    PyObject *key, *value;
    unsigned long keys_are_strings = Py_TPFLAGS_UNICODE_SUBCLASS;
    while (PyDict_Next(kwargs, &pos, &key, &value) && i < nkwargs) {
        keys_are_strings &= Py_TYPE(key)->tp_flags;
        PyTuple_SET_ITEM(kwnames, i, Py_NewRef(key));
        kwstack[i] = Py_NewRef(value);
        i++;
    }
    for (Py_ssize_t j = i; j < nkwargs; j++) {
        /* the dict shrank while we iterated: fill in harmlessly */
        PyTuple_SET_ITEM(kwnames, j, Py_NewRef(Py_None));
        kwstack[j] = Py_NewRef(Py_None);
    }
    if (!keys_are_strings) {
        PyErr_SetString(PyExc_TypeError, "keywords must be strings");
        for (Py_ssize_t j = 0; j < nargs + nkwargs; j++) Py_DECREF(stack[j]);
        PyMem_Free(stack - 1);
        Py_DECREF(kwnames);
        return NULL;
    }
    *p_kwnames = kwnames;
    return stack;
}

static void
stack_unpack_dict_free(PyObject *const *stack, Py_ssize_t nargs, PyObject *kwnames)
{
    Py_ssize_t n = PyTuple_GET_SIZE(kwnames) + nargs;
    for (Py_ssize_t i = 0; i < n; i++) Py_DECREF(stack[i]);
    PyMem_Free((PyObject **)stack - 1);
    Py_DECREF(kwnames);
}

PyObject *
PyObject_VectorcallDict(PyObject *callable, PyObject *const *args, size_t nargsf,
                        PyObject *kwargs)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    vectorcallfunc func = PyVectorcall_Function(callable);
    if (func == NULL) return _PyObject_MakeTpCall(callable, args, nargs, kwargs);
    PyObject *res;
    if (kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0) {
        res = func(callable, args, nargsf, NULL);
    }
    else {
        PyObject *kwnames;
        PyObject *const *newargs = stack_unpack_dict(args, nargs, kwargs, &kwnames);
        if (newargs == NULL) return NULL;
        res = func(callable, newargs, nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
        stack_unpack_dict_free(newargs, nargs, kwnames);
    }
    return _Py_CheckFunctionResult(callable, res, NULL);
}

static PyObject *
vectorcall_call(vectorcallfunc func, PyObject *callable, PyObject *tuple, PyObject *kwargs)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(tuple);
    if (kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0)
        return func(callable, _PyTuple_ITEMS(tuple), nargs, NULL);
    PyObject *kwnames;
    PyObject *const *args = stack_unpack_dict(_PyTuple_ITEMS(tuple), nargs, kwargs, &kwnames);
    if (args == NULL) return NULL;
    PyObject *result = func(callable, args, nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    stack_unpack_dict_free(args, nargs, kwnames);
    return _Py_CheckFunctionResult(callable, result, NULL);
}

PyObject *
PyVectorcall_Call(PyObject *callable, PyObject *tuple, PyObject *kwargs)
{
    Py_ssize_t offset = Py_TYPE(callable)->tp_vectorcall_offset;
    vectorcallfunc func = NULL;
    if (offset > 0) memcpy(&func, (char *)callable + offset, sizeof(func));
    if (func == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object does not support vectorcall",
                     Py_TYPE(callable)->tp_name);
        return NULL;
    }
    return vectorcall_call(func, callable, tuple, kwargs);
}

PyObject *
_PyObject_Call(PyThreadState *tstate, PyObject *callable, PyObject *args, PyObject *kwargs)
{
    vectorcallfunc vector_func = PyVectorcall_Function(callable);
    if (vector_func != NULL) return vectorcall_call(vector_func, callable, args, kwargs);
    ternaryfunc call = Py_TYPE(callable)->tp_call;
    if (call == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not callable",
                     Py_TYPE(callable)->tp_name);
        return NULL;
    }
    if (_Py_EnterRecursiveCallTstate(tstate, " while calling a Python object")) return NULL;
    PyObject *result = call(callable, args, kwargs);
    _Py_LeaveRecursiveCallTstate(tstate);
    return _Py_CheckFunctionResult(callable, result, NULL);
}

PyObject *
PyObject_Call(PyObject *callable, PyObject *args, PyObject *kwargs)
{
    if (args == NULL || !PyTuple_Check(args) || (kwargs != NULL && !PyDict_Check(kwargs))) {
        if (args != NULL && !PyTuple_Check(args)) {
            PyErr_SetString(PyExc_TypeError, "argument list must be a tuple");
            return NULL;
        }
        if (kwargs != NULL && !PyDict_Check(kwargs)) {
            PyErr_SetString(PyExc_TypeError, "keyword list must be a dictionary");
            return NULL;
        }
        return null_error();
    }
    return _PyObject_Call(_PyThreadState_GET(), callable, args, kwargs);
}

PyObject *
PyObject_CallObject(PyObject *callable, PyObject *args)
{
    if (args == NULL) return _PyObject_VectorcallTstate(_PyThreadState_GET(), callable, NULL, 0, NULL);
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_TypeError, "argument list must be a tuple");
        return NULL;
    }
    return _PyObject_Call(_PyThreadState_GET(), callable, args, NULL);
}

PyObject *
PyObject_CallNoArgs(PyObject *callable)
{
    return _PyObject_VectorcallTstate(_PyThreadState_GET(), callable, NULL, 0, NULL);
}

PyObject *
PyObject_CallOneArg(PyObject *callable, PyObject *arg)
{
    PyObject *_args[2];
    PyObject **args = _args + 1;   /* slot before args[0] for the callee */
    args[0] = arg;
    return _PyObject_VectorcallTstate(_PyThreadState_GET(), callable, args,
                                      1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

PyObject *
_PyObject_Call_Prepend(PyThreadState *tstate, PyObject *callable, PyObject *obj,
                       PyObject *args, PyObject *kwargs)
{
    PyObject *small[SMALL_STACK];
    PyObject **stack;
    Py_ssize_t argcount = PyTuple_GET_SIZE(args);
    if (argcount + 1 <= SMALL_STACK) stack = small;
    else {
        stack = PyMem_Malloc((argcount + 1) * sizeof(PyObject *));
        if (stack == NULL) return PyErr_NoMemory();
    }
    stack[0] = obj;
    memcpy(&stack[1], _PyTuple_ITEMS(args), argcount * sizeof(PyObject *));
    PyObject *result = PyObject_VectorcallDict(callable, stack, argcount + 1, kwargs);
    if (stack != small) PyMem_Free(stack);
    return result;
}

/* Call callable(base?, *va_args) with the NULL-terminated list. */
static PyObject *
object_vacall(PyThreadState *tstate, PyObject *base, PyObject *callable, va_list vargs)
{
    PyObject *small[SMALL_STACK];
    PyObject **stack;
    if (callable == NULL) return null_error();
    va_list countva;
    va_copy(countva, vargs);
    Py_ssize_t nargs = base ? 1 : 0;
    while (va_arg(countva, PyObject *) != NULL) nargs++;
    va_end(countva);
    if (nargs <= SMALL_STACK) stack = small;
    else {
        stack = PyMem_Malloc(nargs * sizeof(stack[0]));
        if (stack == NULL) return PyErr_NoMemory();
    }
    Py_ssize_t i = 0;
    if (base) stack[i++] = base;
    for (; i < nargs; ++i) stack[i] = va_arg(vargs, PyObject *);
    PyObject *result = _PyObject_VectorcallTstate(tstate, callable, stack, nargs, NULL);
    if (stack != small) PyMem_Free(stack);
    return result;
}

PyObject *
PyObject_CallFunctionObjArgs(PyObject *callable, ...)
{
    va_list vargs;
    va_start(vargs, callable);
    PyObject *result = object_vacall(_PyThreadState_GET(), NULL, callable, vargs);
    va_end(vargs);
    return result;
}

PyObject *
PyObject_VectorcallMethod(PyObject *name, PyObject *const *args, size_t nargsf,
                          PyObject *kwnames)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *callable = NULL;
    int unbound = _PyObject_GetMethod(args[0], name, &callable);
    if (callable == NULL) return NULL;
    if (unbound == 1) {
        /* args[-1] must not be clobbered: drop the offset flag. */
        nargsf &= ~PY_VECTORCALL_ARGUMENTS_OFFSET;
    }
    else {
        args++;
        nargsf--;
    }
    PyObject *result = _PyObject_VectorcallTstate(tstate, callable, args, nargsf, kwnames);
    Py_DECREF(callable);
    return result;
}

PyObject *
PyObject_CallMethodObjArgs(PyObject *obj, PyObject *name, ...)
{
    if (obj == NULL || name == NULL) return null_error();
    PyObject *callable = NULL;
    int is_method = _PyObject_GetMethod(obj, name, &callable);
    if (callable == NULL) return NULL;
    va_list vargs;
    va_start(vargs, name);
    PyObject *result = object_vacall(_PyThreadState_GET(), is_method == 1 ? obj : NULL, callable,
                                     vargs);
    va_end(vargs);
    Py_DECREF(callable);
    return result;
}

PyObject *
PyObject_CallMethodNoArgs(PyObject *obj, PyObject *name)
{
    PyObject *args[1] = {obj};
    return PyObject_VectorcallMethod(name, args, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

PyObject *
PyObject_CallMethodOneArg(PyObject *obj, PyObject *name, PyObject *arg)
{
    PyObject *args[2] = {obj, arg};
    return PyObject_VectorcallMethod(name, args, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

/* Py_BuildValue semantics: one value means one argument, except that a
   tuple result (several format units, "(...)" or an "O" tuple) supplies
   the whole argument list -- CPython's historical rule. */
static PyObject *
callfunction_va(PyObject *callable, const char *format, va_list va)
{
    if (callable == NULL) return null_error();
    if (format == NULL || *format == '\0') return PyObject_CallNoArgs(callable);
    PyObject *args = Py_VaBuildValue(format, va);
    if (args == NULL) return NULL;
    PyObject *result;
    if (PyTuple_Check(args))
        result = _PyObject_VectorcallTstate(_PyThreadState_GET(), callable, _PyTuple_ITEMS(args),
                                            PyTuple_GET_SIZE(args), NULL);
    else
        result = PyObject_CallOneArg(callable, args);
    Py_DECREF(args);
    return result;
}

PyObject *
PyObject_CallFunction(PyObject *callable, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *result = callfunction_va(callable, format, va);
    va_end(va);
    return result;
}

PyObject *
PyObject_CallMethod(PyObject *obj, const char *name, const char *format, ...)
{
    if (obj == NULL || name == NULL) return null_error();
    PyObject *callable = PyObject_GetAttrString(obj, name);
    if (callable == NULL) return NULL;
    if (!PyCallable_Check(callable)) {
        PyErr_Format(PyExc_TypeError, "attribute of type '%.200s' is not callable",
                     Py_TYPE(callable)->tp_name);
        Py_DECREF(callable);
        return NULL;
    }
    va_list va;
    va_start(va, format);
    PyObject *result = callfunction_va(callable, format, va);
    va_end(va);
    Py_DECREF(callable);
    return result;
}

/* ------------------------------------------------------------------ */
/* Argument binding (CPython 3.12's initialize_locals)                  */

static void
format_missing(const char *kind, PyObject *names, PyObject *qualname)
{
    Py_ssize_t len = PyList_GET_SIZE(names);
    PyObject *name_str, *tail, *tmp, *comma;
    switch (len) {
    case 1:
        name_str = Py_NewRef(PyList_GET_ITEM(names, 0));
        break;
    case 2:
        name_str = PyUnicode_FromFormat("%U and %U", PyList_GET_ITEM(names, 0),
                                        PyList_GET_ITEM(names, 1));
        break;
    default:
        tail = PyUnicode_FromFormat(", %U, and %U", PyList_GET_ITEM(names, len - 2),
                                    PyList_GET_ITEM(names, len - 1));
        if (tail == NULL) return;
        if (PyList_SetSlice(names, len - 2, len, NULL) == -1) {
            Py_DECREF(tail);
            return;
        }
        comma = PyUnicode_FromString(", ");
        if (comma == NULL) {
            Py_DECREF(tail);
            return;
        }
        tmp = PyUnicode_Join(comma, names);
        Py_DECREF(comma);
        if (tmp == NULL) {
            Py_DECREF(tail);
            return;
        }
        name_str = PyUnicode_Concat(tmp, tail);
        Py_DECREF(tmp);
        Py_DECREF(tail);
        break;
    }
    if (name_str == NULL) return;
    PyErr_Format(PyExc_TypeError, "%U() missing %i required %s argument%s: %U", qualname,
                 (int)len, kind, len == 1 ? "" : "s", name_str);
    Py_DECREF(name_str);
}

static void
missing_arguments(PyCodeObject *co, Py_ssize_t missing, Py_ssize_t defcount,
                  PyObject **localsplus, PyObject *qualname)
{
    Py_ssize_t start, end, j = 0;
    int positional = (defcount != -1);
    const char *kind = positional ? "positional" : "keyword-only";
    PyObject *missing_names = PyList_New(missing);
    if (missing_names == NULL) return;
    if (positional) {
        start = 0;
        end = co->co_argcount - defcount;
    }
    else {
        start = co->co_argcount;
        end = start + co->co_kwonlyargcount;
    }
    for (Py_ssize_t i = start; i < end; i++) {
        if (localsplus[i] == NULL) {
            PyObject *name = PyObject_Repr(PyTuple_GET_ITEM(co->co_localsplusnames, i));
            if (name == NULL) {
                Py_DECREF(missing_names);
                return;
            }
            PyList_SET_ITEM(missing_names, j++, name);
        }
    }
    format_missing(kind, missing_names, qualname);
    Py_DECREF(missing_names);
}

static void
too_many_positional(PyCodeObject *co, Py_ssize_t given, PyObject *defaults,
                    PyObject **localsplus, PyObject *qualname)
{
    int plural;
    Py_ssize_t kwonly_given = 0;
    Py_ssize_t co_argcount = co->co_argcount;
    PyObject *sig, *kwonly_sig;
    for (Py_ssize_t i = co_argcount; i < co_argcount + co->co_kwonlyargcount; i++)
        if (localsplus[i] != NULL) kwonly_given++;
    Py_ssize_t defcount = defaults == NULL ? 0 : PyTuple_GET_SIZE(defaults);
    if (defcount) {
        plural = 1;
        sig = PyUnicode_FromFormat("from %zd to %zd", co_argcount - defcount, co_argcount);
    }
    else {
        plural = (co_argcount != 1);
        sig = PyUnicode_FromFormat("%zd", co_argcount);
    }
    if (sig == NULL) return;
    if (kwonly_given) {
        kwonly_sig = PyUnicode_FromFormat(" positional argument%s (and %zd keyword-only argument%s)",
                                          given != 1 ? "s" : "", kwonly_given,
                                          kwonly_given != 1 ? "s" : "");
    }
    else {
        kwonly_sig = PyUnicode_FromString("");
    }
    if (kwonly_sig == NULL) {
        Py_DECREF(sig);
        return;
    }
    PyErr_Format(PyExc_TypeError, "%U() takes %U positional argument%s but %zd%U %s given",
                 qualname, sig, plural ? "s" : "", given, kwonly_sig,
                 given == 1 && !kwonly_given ? "was" : "were");
    Py_DECREF(sig);
    Py_DECREF(kwonly_sig);
}

/* 1 if an error was set (conflicts found or failure), else 0. */
static int
positional_only_passed_as_keyword(PyCodeObject *co, Py_ssize_t kwcount, PyObject *kwnames,
                                  PyObject *qualname)
{
    int conflicts = 0;
    PyObject *names = PyList_New(0);
    if (names == NULL) return 1;
    for (int k = 0; k < co->co_posonlyargcount; k++) {
        PyObject *posonly_name = PyTuple_GET_ITEM(co->co_localsplusnames, k);
        for (Py_ssize_t k2 = 0; k2 < kwcount; k2++) {
            PyObject *kwname = PyTuple_GET_ITEM(kwnames, k2);
            int cmp = kwname == posonly_name ? 1 :
                      PyObject_RichCompareBool(posonly_name, kwname, Py_EQ);
            if (cmp < 0) goto fail;
            if (cmp > 0) {
                if (PyList_Append(names, kwname) != 0) goto fail;
                conflicts++;
            }
        }
    }
    if (conflicts) {
        PyObject *comma = PyUnicode_FromString(", ");
        if (comma == NULL) goto fail;
        PyObject *error_names = PyUnicode_Join(comma, names);
        Py_DECREF(comma);
        if (error_names == NULL) goto fail;
        PyErr_Format(PyExc_TypeError,
                     "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                     qualname, error_names);
        Py_DECREF(error_names);
        goto fail;
    }
    Py_DECREF(names);
    return 0;
fail:
    Py_XDECREF(names);
    return 1;
}

/* Move the arguments (STOLEN: args[0..argcount) and the kwnames values)
   into localsplus.  0, or -1 with TypeError set and every argument
   reference either stored in localsplus or released. */
static int
initialize_locals(PyFunctionObject *func, PyObject **localsplus, PyObject *const *args,
                  Py_ssize_t argcount, PyObject *kwnames)
{
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    const Py_ssize_t total_args = co->co_argcount + co->co_kwonlyargcount;
    PyObject *kwdict;
    Py_ssize_t i, j, n;

    if (co->co_flags & CO_VARKEYWORDS) {
        kwdict = PyDict_New();
        if (kwdict == NULL) goto fail_pre_positional;
        i = total_args;
        if (co->co_flags & CO_VARARGS) i++;
        localsplus[i] = kwdict;
    }
    else {
        kwdict = NULL;
    }

    n = argcount > co->co_argcount ? co->co_argcount : argcount;
    for (j = 0; j < n; j++) localsplus[j] = args[j];

    if (co->co_flags & CO_VARARGS) {
        PyObject *u;
        if (argcount == n) u = PyTuple_New(0);
        else u = _PyTuple_FromArraySteal(args + n, argcount - n);
        if (u == NULL) goto fail_post_positional;
        localsplus[total_args] = u;
    }
    else if (argcount > n) {
        /* Too many positionals: reported below. */
        for (j = n; j < argcount; j++) Py_DECREF(args[j]);
    }

    if (kwnames != NULL) {
        Py_ssize_t kwcount = PyTuple_GET_SIZE(kwnames);
        for (i = 0; i < kwcount; i++) {
            PyObject *keyword = PyTuple_GET_ITEM(kwnames, i);
            PyObject *value = args[i + argcount];
            PyObject **co_varnames = _PyTuple_ITEMS(co->co_localsplusnames);
            if (keyword == NULL || !PyUnicode_Check(keyword)) {
                PyErr_Format(PyExc_TypeError, "%U() keywords must be strings", func->func_qualname);
                goto kw_fail;
            }
            /* Names are interned: pointer comparison almost always hits. */
            for (j = co->co_posonlyargcount; j < total_args; j++)
                if (co_varnames[j] == keyword) goto kw_found;
            for (j = co->co_posonlyargcount; j < total_args; j++) {
                int cmp = PyObject_RichCompareBool(keyword, co_varnames[j], Py_EQ);
                if (cmp > 0) goto kw_found;
                if (cmp < 0) goto kw_fail;
            }
            if (kwdict == NULL) {
                if (co->co_posonlyargcount &&
                    positional_only_passed_as_keyword(co, kwcount, kwnames, func->func_qualname))
                    goto kw_fail;
                PyErr_Format(PyExc_TypeError, "%U() got an unexpected keyword argument '%S'",
                             func->func_qualname, keyword);
                goto kw_fail;
            }
            if (PyDict_SetItem(kwdict, keyword, value) == -1) goto kw_fail;
            Py_DECREF(value);
            continue;
        kw_fail:
            for (; i < kwcount; i++) Py_DECREF(args[i + argcount]);
            goto fail_post_args;
        kw_found:
            if (localsplus[j] != NULL) {
                PyErr_Format(PyExc_TypeError, "%U() got multiple values for argument '%S'",
                             func->func_qualname, keyword);
                goto kw_fail;
            }
            localsplus[j] = value;
        }
    }

    if (argcount > co->co_argcount && !(co->co_flags & CO_VARARGS)) {
        too_many_positional(co, argcount, func->func_defaults, localsplus, func->func_qualname);
        goto fail_post_args;
    }

    if (argcount < co->co_argcount) {
        Py_ssize_t defcount = func->func_defaults == NULL ? 0 : PyTuple_GET_SIZE(func->func_defaults);
        Py_ssize_t m = co->co_argcount - defcount;
        Py_ssize_t missing = 0;
        for (i = argcount; i < m; i++)
            if (localsplus[i] == NULL) missing++;
        if (missing) {
            missing_arguments(co, missing, defcount, localsplus, func->func_qualname);
            goto fail_post_args;
        }
        i = n > m ? n - m : 0;
        if (defcount) {
            PyObject **defs = _PyTuple_ITEMS(func->func_defaults);
            for (; i < defcount; i++)
                if (localsplus[m + i] == NULL) localsplus[m + i] = Py_NewRef(defs[i]);
        }
    }

    if (co->co_kwonlyargcount > 0) {
        Py_ssize_t missing = 0;
        for (i = co->co_argcount; i < total_args; i++) {
            if (localsplus[i] != NULL) continue;
            PyObject *varname = PyTuple_GET_ITEM(co->co_localsplusnames, i);
            if (func->func_kwdefaults != NULL) {
                PyObject *def = PyDict_GetItemWithError(func->func_kwdefaults, varname);
                if (def) {
                    localsplus[i] = Py_NewRef(def);
                    continue;
                }
                if (PyErr_Occurred()) goto fail_post_args;
            }
            missing++;
        }
        if (missing) {
            missing_arguments(co, missing, -1, localsplus, func->func_qualname);
            goto fail_post_args;
        }
    }
    return 0;

fail_pre_positional:
    for (j = 0; j < argcount; j++) Py_DECREF(args[j]);
fail_post_positional:
    if (kwnames) {
        Py_ssize_t kwcount = PyTuple_GET_SIZE(kwnames);
        for (j = argcount; j < argcount + kwcount; j++) Py_DECREF(args[j]);
    }
fail_post_args:
    return -1;
}

/* Push a frame for func and bind the arguments.  STEALS func, locals and
   every argument (also on failure).  NULL with an exception on failure. */
_PyInterpreterFrame *
_PyEvalFramePushAndInit(PyThreadState *tstate, PyFunctionObject *func, PyObject *locals,
                        PyObject *const *args, size_t argcount, PyObject *kwnames)
{
    PyCodeObject *code = (PyCodeObject *)func->func_code;
    _PyInterpreterFrame *frame = _PyThreadState_PushFrame(tstate, code->co_framesize);
    if (frame == NULL) {
        for (size_t i = 0; i < argcount; i++) Py_DECREF(args[i]);
        if (kwnames) {
            Py_ssize_t kwcount = PyTuple_GET_SIZE(kwnames);
            for (Py_ssize_t i = 0; i < kwcount; i++) Py_DECREF(args[i + argcount]);
        }
        Py_DECREF(func);
        Py_XDECREF(locals);
        return NULL;
    }
    _PyFrame_Initialize(frame, func, locals, code, 0);
    if (initialize_locals(func, frame->localsplus, args, (Py_ssize_t)argcount, kwnames)) {
        _PyFrame_ClearAndPopThreadFrame(tstate, frame);
        return NULL;
    }
    return frame;
}

/* CALL_FUNCTION_EX of a Python function.  STEALS func, locals, callargs
   and kwargs.  Like CPython, the argument tuple and dict are released as
   soon as the frame holds its own references. */
_PyInterpreterFrame *
_PyEval_FramePushAndInitEx(PyThreadState *tstate, PyFunctionObject *func, PyObject *locals,
                           PyObject *callargs, PyObject *kwargs)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(callargs);
    PyObject *kwnames = NULL;
    PyObject *const *newargs;
    int has_dict = kwargs != NULL && PyDict_GET_SIZE(kwargs) > 0;
    if (has_dict) {
        newargs = stack_unpack_dict(_PyTuple_ITEMS(callargs), nargs, kwargs, &kwnames);
        if (newargs == NULL) {
            Py_DECREF(func);
            Py_XDECREF(locals);
            Py_DECREF(callargs);
            Py_XDECREF(kwargs);
            return NULL;
        }
    }
    else {
        newargs = _PyTuple_ITEMS(callargs);
        for (Py_ssize_t i = 0; i < nargs; ++i) Py_INCREF(newargs[i]);
    }
    _PyInterpreterFrame *new_frame = _PyEvalFramePushAndInit(tstate, func, locals, newargs,
                                                             nargs, kwnames);
    if (has_dict) {
        /* the frame took over the item references: free only the vector */
        PyMem_Free((PyObject **)newargs - 1);
        Py_DECREF(kwnames);
    }
    Py_DECREF(callargs);
    Py_XDECREF(kwargs);
    return new_frame;
}

PyObject *
_PyEval_Vector(PyThreadState *tstate, PyFunctionObject *func, PyObject *locals,
               PyObject *const *args, size_t argcount, PyObject *kwnames)
{
    /* The frame takes over references to func, locals and the args. */
    Py_INCREF(func);
    Py_XINCREF(locals);
    for (size_t i = 0; i < argcount; i++) Py_INCREF(args[i]);
    if (kwnames) {
        Py_ssize_t kwcount = PyTuple_GET_SIZE(kwnames);
        for (Py_ssize_t i = 0; i < kwcount; i++) Py_INCREF(args[i + argcount]);
    }
    _PyInterpreterFrame *frame = _PyEvalFramePushAndInit(tstate, func, locals, args, argcount,
                                                         kwnames);
    if (frame == NULL) return NULL;
    return _PyEval_EvalFrame(tstate, frame, 0);
}

PyObject *
_PyFunction_Vectorcall(PyObject *func, PyObject *const *stack, size_t nargsf, PyObject *kwnames)
{
    PyFunctionObject *f = (PyFunctionObject *)func;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyThreadState *tstate = _PyThreadState_GET();
    if (((PyCodeObject *)f->func_code)->co_flags & CO_OPTIMIZED)
        return _PyEval_Vector(tstate, f, NULL, stack, nargs, kwnames);
    return _PyEval_Vector(tstate, f, f->func_globals, stack, nargs, kwnames);
}

/* ------------------------------------------------------------------ */
/* Running code objects                                                 */

static PyFunctionObject *
function_for_code(PyObject *co, PyObject *globals, PyObject *defaults, PyObject *kwdefs,
                  PyObject *closure)
{
    PyFunctionObject *func = (PyFunctionObject *)PyFunction_NewWithQualName(
        co, globals, ((PyCodeObject *)co)->co_name);
    if (func == NULL) return NULL;
    func->func_defaults = Py_XNewRef(defaults);
    func->func_kwdefaults = Py_XNewRef(kwdefs);
    func->func_closure = Py_XNewRef(closure);
    return func;
}

PyObject *
PyEval_EvalCode(PyObject *co, PyObject *globals, PyObject *locals)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (co == NULL || !PyCode_Check(co) || globals == NULL || !PyDict_Check(globals)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (locals == NULL) locals = globals;
    /* exec() and the run helpers make sure of this; so do we. */
    int has = PyDict_Contains(globals, _Py_ID(__builtins__));
    if (has < 0) return NULL;
    if (!has && PyDict_SetItem(globals, _Py_ID(__builtins__), _PyEval_GetBuiltins(tstate)) < 0)
        return NULL;
    PyFunctionObject *func = function_for_code(co, globals, NULL, NULL, NULL);
    if (func == NULL) return NULL;
    PyObject *res = _PyEval_Vector(tstate, func, locals, NULL, 0, NULL);
    Py_DECREF(func);
    return res;
}

PyObject *
PyEval_EvalCodeEx(PyObject *co, PyObject *globals, PyObject *locals, PyObject *const *args,
                  int argcount, PyObject *const *kws, int kwcount, PyObject *const *defs,
                  int defcount, PyObject *kwdefs, PyObject *closure)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *res = NULL, *kwnames = NULL;
    PyObject **newargs = NULL;
    PyFunctionObject *func = NULL;
    PyObject *const *allargs;
    if (co == NULL || !PyCode_Check(co) || globals == NULL || !PyDict_Check(globals)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *defaults = _PyTuple_FromArray(defs, defcount);
    if (defaults == NULL) return NULL;
    if (locals == NULL) locals = globals;
    if (kwcount == 0) {
        allargs = args;
    }
    else {
        kwnames = PyTuple_New(kwcount);
        if (kwnames == NULL) goto done;
        newargs = PyMem_Malloc(sizeof(PyObject *) * (kwcount + argcount));
        if (newargs == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        for (int i = 0; i < argcount; i++) newargs[i] = args[i];
        for (int i = 0; i < kwcount; i++) {
            PyTuple_SET_ITEM(kwnames, i, Py_NewRef(kws[2 * i]));
            newargs[argcount + i] = kws[2 * i + 1];
        }
        allargs = newargs;
    }
    func = function_for_code(co, globals, defcount ? defaults : NULL, kwdefs, closure);
    if (func == NULL) goto done;
    res = _PyEval_Vector(tstate, func, locals, allargs, argcount, kwnames);
done:
    Py_XDECREF(func);
    Py_XDECREF(kwnames);
    PyMem_Free(newargs);
    Py_DECREF(defaults);
    return res;
}
