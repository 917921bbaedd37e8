/* errors.c -- raising, fetching and matching exceptions; unraisable
 * errors; signals.
 *
 * The current exception is one normalized exception instance owned by
 * tstate->current_exception (3.12's model); the legacy (type, value,
 * traceback) API is a view of it.  Exceptions being handled (sys.exception())
 * form a stack of _PyErr_StackItem in tstate->exc_info.
 *
 * PyErr_SetObject(type, value) normalizes right away: value becomes an
 * instance of type (type(*value) for a tuple, type() for NULL/None,
 * type(value) otherwise), and the instance gets the exception currently
 * being handled as its __context__ (implicit chaining), taking care not
 * to create a cycle in the context chain.
 *
 * Signals: SIGINT only sets a flag and the eval breaker; the interpreter
 * calls PyErr_CheckSignals() at safe points, which raises
 * KeyboardInterrupt.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_state.h"
#include "rp_frame.h"
#include "refpy/descrobject.h"
#include <signal.h>

/* ------------------------------------------------------------------ */
/* The current exception.                                               */

static inline void
set_raised(PyThreadState *tstate, PyObject *exc)
{
    PyObject *old = tstate->current_exception;
    tstate->current_exception = exc;
    Py_XDECREF(old);
}

/* STEALS exc (may be NULL, which clears). */
void
PyErr_SetRaisedException(PyObject *exc)
{
    set_raised(_PyThreadState_GET(), exc);
}

/* New reference (NULL if none); the error indicator is cleared. */
PyObject *
PyErr_GetRaisedException(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *exc = tstate->current_exception;
    tstate->current_exception = NULL;
    return exc;
}

/* BORROWED: the type of the current exception, or NULL. */
PyObject *
PyErr_Occurred(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    return tstate->current_exception == NULL ? NULL
           : (PyObject *)Py_TYPE(tstate->current_exception);
}

void
PyErr_Clear(void)
{
    set_raised(_PyThreadState_GET(), NULL);
}

int
PyErr_GivenExceptionMatches(PyObject *err, PyObject *exc)
{
    if (err == NULL || exc == NULL) return 0;
    if (PyTuple_Check(exc)) {
        Py_ssize_t n = PyTuple_GET_SIZE(exc);
        for (Py_ssize_t i = 0; i < n; i++)
            if (PyErr_GivenExceptionMatches(err, PyTuple_GET_ITEM(exc, i))) return 1;
        return 0;
    }
    if (PyExceptionInstance_Check(err)) err = PyExceptionInstance_Class(err);
    if (PyExceptionClass_Check(err) && PyExceptionClass_Check(exc))
        return PyType_IsSubtype((PyTypeObject *)err, (PyTypeObject *)exc);
    return err == exc;
}

int
PyErr_ExceptionMatches(PyObject *exc)
{
    return PyErr_GivenExceptionMatches(PyErr_Occurred(), exc);
}

/* STEALS all three.  type NULL clears.  value need not be normalized. */
void
PyErr_Restore(PyObject *type, PyObject *value, PyObject *traceback)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (type == NULL) {
        Py_XDECREF(value);
        Py_XDECREF(traceback);
        set_raised(tstate, NULL);
        return;
    }
    if (value == NULL || (PyObject *)Py_TYPE(value) != type) {
        PyObject *exc = _PyExc_CreateFromValue(type, value);
        Py_XDECREF(value);
        if (exc == NULL) {
            Py_DECREF(type);
            Py_XDECREF(traceback);
            return;
        }
        value = exc;
    }
    if (traceback != NULL && !PyTraceBack_Check(traceback)) {
        if (traceback == Py_None) {
            Py_DECREF(traceback);
            traceback = NULL;
        }
        else {
            PyErr_SetString(PyExc_TypeError, "traceback must be a Traceback or None");
            Py_DECREF(value);
            Py_DECREF(type);
            Py_DECREF(traceback);
            return;
        }
    }
    Py_XSETREF(((PyBaseExceptionObject *)value)->traceback, traceback);
    set_raised(tstate, value);
    Py_DECREF(type);
}

/* New references (each may be NULL); clears the error indicator. */
void
PyErr_Fetch(PyObject **p_type, PyObject **p_value, PyObject **p_traceback)
{
    PyObject *exc = PyErr_GetRaisedException();
    *p_value = exc;
    if (exc == NULL) {
        *p_type = NULL;
        *p_traceback = NULL;
    }
    else {
        *p_type = Py_NewRef((PyObject *)Py_TYPE(exc));
        *p_traceback = Py_XNewRef(((PyBaseExceptionObject *)exc)->traceback);
    }
}

#define Py_NORMALIZE_RECURSION_LIMIT 32

/* Make *val an instance of *exc (legacy API; the references are owned
   by the caller and may be replaced). */
void
PyErr_NormalizeException(PyObject **exc, PyObject **val, PyObject **tb)
{
    PyThreadState *tstate = _PyThreadState_GET();
    int recursion_depth = 0;
    tstate->recursion_headroom++;
restart:;
    PyObject *type = *exc;
    if (type == NULL) {
        tstate->recursion_headroom--;
        return;
    }
    PyObject *value = *val;
    if (value == NULL) value = Py_NewRef(Py_None);
    if (PyExceptionClass_Check(type)) {
        PyObject *inclass = NULL;
        int is_subclass = 0;
        if (PyExceptionInstance_Check(value)) {
            inclass = PyExceptionInstance_Class(value);
            is_subclass = PyObject_IsSubclass(inclass, type);
            if (is_subclass < 0) goto error;
        }
        if (!is_subclass) {
            PyObject *fixed = _PyExc_CreateFromValue(type, value);
            if (fixed == NULL) goto error;
            Py_SETREF(value, fixed);
        }
        else if (inclass != type) {
            Py_SETREF(type, Py_NewRef(inclass));
        }
    }
    *exc = type;
    *val = value;
    tstate->recursion_headroom--;
    return;

error:
    Py_DECREF(type);
    Py_DECREF(value);
    recursion_depth++;
    if (recursion_depth == Py_NORMALIZE_RECURSION_LIMIT)
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded while normalizing an exception");
    PyObject *initial_tb = *tb;
    PyErr_Fetch(exc, val, tb);
    if (initial_tb != NULL) {
        if (*tb == NULL) *tb = initial_tb;
        else Py_DECREF(initial_tb);
    }
    if (recursion_depth >= Py_NORMALIZE_RECURSION_LIMIT + 2) {
        if (PyErr_GivenExceptionMatches(*exc, PyExc_MemoryError))
            Py_FatalError("Cannot recover from MemoryErrors while normalizing exceptions.");
        Py_FatalError("Cannot recover from the recursive normalization of an exception.");
    }
    goto restart;
}

/* ------------------------------------------------------------------ */
/* The exception being handled.                                         */

static _PyErr_StackItem *
topmost_exc_info(PyThreadState *tstate)
{
    _PyErr_StackItem *info = tstate->exc_info;
    while ((info->exc_value == NULL || info->exc_value == Py_None) && info->previous_item != NULL)
        info = info->previous_item;
    return info;
}

/* New reference, or NULL. */
PyObject *
PyErr_GetHandledException(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *exc = topmost_exc_info(tstate)->exc_value;
    if (exc == NULL || exc == Py_None) return NULL;
    return Py_NewRef(exc);
}

/* Borrows exc (None or NULL clears). */
void
PyErr_SetHandledException(PyObject *exc)
{
    PyThreadState *tstate = _PyThreadState_GET();
    Py_XSETREF(tstate->exc_info->exc_value, Py_XNewRef(exc == Py_None ? NULL : exc));
}

/* ------------------------------------------------------------------ */
/* Raising.                                                             */

void
PyErr_SetObject(PyObject *exception, PyObject *value)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (exception != NULL && !PyExceptionClass_Check(exception)) {
        PyErr_Format(PyExc_SystemError,
                     "_PyErr_SetObject: exception %R is not a BaseException subclass",
                     exception);
        return;
    }
    int is_subclass = 0;
    if (value != NULL && PyExceptionInstance_Check(value)) {
        if (Py_IS_TYPE(exception, &PyType_Type))
            is_subclass = PyType_IsSubtype(Py_TYPE(value), (PyTypeObject *)exception);
        else if ((is_subclass = PyObject_IsSubclass((PyObject *)Py_TYPE(value), exception)) < 0)
            return;
    }
    Py_XINCREF(value);
    if (!is_subclass) {
        /* Creating the instance runs arbitrary code: no exception may be set. */
        set_raised(tstate, NULL);
        PyObject *fixed = _PyExc_CreateFromValue(exception, value);
        Py_XDECREF(value);
        if (fixed == NULL) return;
        value = fixed;
    }

    PyObject *exc_value = topmost_exc_info(tstate)->exc_value;
    if (exc_value != NULL && exc_value != Py_None && exc_value != value) {
        /* Implicit chaining.  Cut the context chain where it reaches
           value (which would make a cycle); stop at pre-existing cycles
           (Floyd's tortoise and hare). */
        PyObject *o = exc_value, *slow_o = o, *context;
        int slow_update_toggle = 0;
        while ((context = ((PyBaseExceptionObject *)o)->context) != NULL) {
            if (context == value) {
                PyException_SetContext(o, NULL);
                break;
            }
            o = context;
            if (o == slow_o) break;
            if (slow_update_toggle) slow_o = ((PyBaseExceptionObject *)slow_o)->context;
            slow_update_toggle = !slow_update_toggle;
        }
        PyException_SetContext(value, Py_NewRef(exc_value));
    }
    /* value's own __traceback__ is kept: re-raising an instance extends it */
    set_raised(tstate, value);
}

void
PyErr_SetNone(PyObject *exception)
{
    PyErr_SetObject(exception, NULL);
}

void
PyErr_SetString(PyObject *exception, const char *string)
{
    PyObject *value = PyUnicode_FromString(string);
    if (value != NULL) {
        PyErr_SetObject(exception, value);
        Py_DECREF(value);
    }
}

PyObject *
PyErr_FormatV(PyObject *exception, const char *format, va_list vargs)
{
    /* formatting may call repr()/str(): clear the indicator first */
    PyErr_Clear();
    PyObject *string = PyUnicode_FromFormatV(format, vargs);
    if (string != NULL) {
        PyErr_SetObject(exception, string);
        Py_DECREF(string);
    }
    return NULL;
}

PyObject *
PyErr_Format(PyObject *exception, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyErr_FormatV(exception, format, vargs);
    va_end(vargs);
    return NULL;
}

PyObject *
_PyErr_FormatFromCause(PyObject *exception, const char *format, ...)
{
    PyObject *exc = PyErr_GetRaisedException();
    va_list vargs;
    va_start(vargs, format);
    PyErr_FormatV(exception, format, vargs);
    va_end(vargs);
    if (exc == NULL) return NULL;
    PyObject *exc2 = PyErr_GetRaisedException();
    if (exc2 == NULL) {
        Py_DECREF(exc);
        return NULL;
    }
    PyException_SetCause(exc2, Py_NewRef(exc));
    PyException_SetContext(exc2, Py_NewRef(exc));
    Py_DECREF(exc);
    PyErr_SetRaisedException(exc2);
    return NULL;
}

void
_PyErr_SetKeyError(PyObject *arg)
{
    PyObject *tup = PyTuple_Pack(1, arg);
    if (tup == NULL) return;
    PyErr_SetObject(PyExc_KeyError, tup);
    Py_DECREF(tup);
}

/* Raise MemoryError without needing memory.  Always NULL. */
PyObject *
PyErr_NoMemory(void)
{
    PyObject *err = _PyExc_GetMemoryError();
    if (err != NULL) PyErr_SetRaisedException(err);
    return NULL;
}

int
PyErr_BadArgument(void)
{
    PyErr_SetString(PyExc_TypeError, "bad argument type for built-in operation");
    return 0;
}

void
_PyErr_BadInternalCall(const char *filename, int lineno)
{
    PyErr_Format(PyExc_SystemError, "%s:%d: bad argument to internal function",
                 filename, lineno);
}

void
_PyErr_ChainExceptions1(PyObject *exc)
{
    if (exc == NULL) return;
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate->current_exception != NULL) {
        PyObject *exc2 = PyErr_GetRaisedException();
        PyException_SetContext(exc2, exc);
        PyErr_SetRaisedException(exc2);
    }
    else {
        PyErr_SetRaisedException(exc);
    }
}

PyObject *
PyErr_SetFromErrnoWithFilenameObjects(PyObject *exc, PyObject *filename, PyObject *filename2)
{
    int i = errno;
    if (i == EINTR && PyErr_CheckSignals()) return NULL;
    PyObject *message = PyUnicode_FromString(i != 0 ? strerror(i) : "Error");
    PyObject *code = PyLong_FromLong(i);
    PyObject *args = NULL;
    if (message != NULL && code != NULL) {
        if (filename != NULL && filename2 != NULL) {
            PyObject *zero = PyLong_FromLong(0);
            if (zero != NULL) {
                args = PyTuple_Pack(5, code, message, filename, zero, filename2);
                Py_DECREF(zero);
            }
        }
        else if (filename != NULL) {
            args = PyTuple_Pack(3, code, message, filename);
        }
        else {
            args = PyTuple_Pack(2, code, message);
        }
    }
    Py_XDECREF(message);
    Py_XDECREF(code);
    if (args != NULL) {
        PyObject *v = PyObject_Call(exc, args, NULL);
        Py_DECREF(args);
        if (v != NULL) {
            PyErr_SetObject((PyObject *)Py_TYPE(v), v);
            Py_DECREF(v);
        }
    }
    return NULL;
}

PyObject *
PyErr_SetFromErrnoWithFilenameObject(PyObject *exc, PyObject *filename)
{
    return PyErr_SetFromErrnoWithFilenameObjects(exc, filename, NULL);
}

PyObject *
PyErr_SetFromErrno(PyObject *exc)
{
    return PyErr_SetFromErrnoWithFilenameObjects(exc, NULL, NULL);
}

PyObject *
PyErr_SetFromErrnoWithFilename(PyObject *exc, const char *filename)
{
    int saved = errno;
    PyObject *name = NULL;
    if (filename != NULL) {
        name = PyUnicode_DecodeUTF8(filename, (Py_ssize_t)strlen(filename), "surrogateescape");
        if (name == NULL) return NULL;
    }
    errno = saved;
    PyErr_SetFromErrnoWithFilenameObjects(exc, name, NULL);
    Py_XDECREF(name);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Exception object accessors.                                          */

#define BASE(op) ((PyBaseExceptionObject *)(op))

PyObject *
PyException_GetTraceback(PyObject *self)
{
    return Py_XNewRef(BASE(self)->traceback);
}

int
PyException_SetTraceback(PyObject *self, PyObject *tb)
{
    if (tb == NULL) {
        PyErr_SetString(PyExc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (PyTraceBack_Check(tb)) {
        Py_XSETREF(BASE(self)->traceback, Py_NewRef(tb));
    }
    else if (tb == Py_None) {
        Py_CLEAR(BASE(self)->traceback);
    }
    else {
        PyErr_SetString(PyExc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    return 0;
}

PyObject *
PyException_GetCause(PyObject *self)
{
    return Py_XNewRef(BASE(self)->cause);
}

void
PyException_SetCause(PyObject *self, PyObject *cause)
{
    BASE(self)->suppress_context = 1;
    Py_XSETREF(BASE(self)->cause, cause);
}

PyObject *
PyException_GetContext(PyObject *self)
{
    return Py_XNewRef(BASE(self)->context);
}

void
PyException_SetContext(PyObject *self, PyObject *context)
{
    Py_XSETREF(BASE(self)->context, context);
}

PyObject *
PyException_GetArgs(PyObject *self)
{
    PyObject *args = BASE(self)->args;
    return Py_NewRef(args ? args : _PyTuple_GetEmpty());
}

void
PyException_SetArgs(PyObject *self, PyObject *args)
{
    Py_XSETREF(BASE(self)->args, Py_NewRef(args));
}

/* ------------------------------------------------------------------ */
/* New exception classes.                                               */

PyObject *
PyErr_NewException(const char *name, PyObject *base, PyObject *dict)
{
    PyObject *modulename = NULL, *mydict = NULL, *bases = NULL, *result = NULL;
    const char *dot = strrchr(name, '.');
    if (dot == NULL) {
        PyErr_SetString(PyExc_SystemError, "PyErr_NewException: name must be module.class");
        return NULL;
    }
    if (base == NULL) base = PyExc_Exception;
    if (dict == NULL) {
        dict = mydict = PyDict_New();
        if (dict == NULL) goto error;
    }
    int r = PyDict_Contains(dict, _Py_ID(__module__));
    if (r < 0) goto error;
    if (r == 0) {
        modulename = PyUnicode_FromStringAndSize(name, (Py_ssize_t)(dot - name));
        if (modulename == NULL) goto error;
        if (PyDict_SetItem(dict, _Py_ID(__module__), modulename) != 0) goto error;
    }
    if (PyTuple_Check(base)) bases = Py_NewRef(base);
    else if ((bases = PyTuple_Pack(1, base)) == NULL) goto error;
    PyObject *qualname = PyUnicode_FromString(dot + 1);
    if (qualname == NULL) goto error;
    PyObject *targs = PyTuple_Pack(3, qualname, bases, dict);
    Py_DECREF(qualname);
    if (targs == NULL) goto error;
    result = PyObject_Call((PyObject *)&PyType_Type, targs, NULL);
    Py_DECREF(targs);
error:
    Py_XDECREF(bases);
    Py_XDECREF(mydict);
    Py_XDECREF(modulename);
    return result;
}

PyObject *
PyErr_NewExceptionWithDoc(const char *name, const char *doc, PyObject *base, PyObject *dict)
{
    PyObject *mydict = NULL, *result = NULL;
    if (dict == NULL) {
        dict = mydict = PyDict_New();
        if (dict == NULL) return NULL;
    }
    if (doc != NULL) {
        PyObject *docobj = PyUnicode_FromString(doc);
        if (docobj == NULL) goto error;
        int r = PyDict_SetItem(dict, _Py_ID(__doc__), docobj);
        Py_DECREF(docobj);
        if (r < 0) goto error;
    }
    result = PyErr_NewException(name, base, dict);
error:
    Py_XDECREF(mydict);
    return result;
}

/* ------------------------------------------------------------------ */
/* SyntaxError locations.                                               */

static void
set_attr_or_clear(PyObject *exc, PyObject *name, PyObject *value)
{
    if (PyObject_SetAttr(exc, name, value) < 0) PyErr_Clear();
}

static void
set_int_attr(PyObject *exc, PyObject *name, int value, int none_if_negative)
{
    if (none_if_negative && value < 0) {
        set_attr_or_clear(exc, name, Py_None);
        return;
    }
    PyObject *v = PyLong_FromLong(value);
    if (v == NULL) {
        PyErr_Clear();
        v = Py_NewRef(Py_None);
    }
    set_attr_or_clear(exc, name, v);
    Py_DECREF(v);
}

void
PyErr_SyntaxLocationObjectEx(PyObject *filename, int lineno, int col_offset,
                             int end_lineno, int end_col_offset)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) return;
    set_int_attr(exc, _Py_ID(lineno), lineno, 0);
    set_int_attr(exc, _Py_ID(offset), col_offset, 1);
    set_int_attr(exc, _Py_ID(end_lineno), end_lineno, 1);
    set_int_attr(exc, _Py_ID(end_offset), end_col_offset, 1);
    if (filename != NULL) {
        set_attr_or_clear(exc, _Py_ID(filename), filename);
        PyObject *text = PyErr_ProgramTextObject(filename, lineno);
        if (text != NULL) {
            set_attr_or_clear(exc, _Py_ID(text), text);
            Py_DECREF(text);
        }
    }
    if ((PyObject *)Py_TYPE(exc) != PyExc_SyntaxError) {
        PyObject *tmp;
        int rc = _PyObject_LookupAttr(exc, _Py_ID(msg), &tmp);
        if (rc < 0) PyErr_Clear();
        else if (tmp) Py_DECREF(tmp);
        else {
            tmp = PyObject_Str(exc);
            if (tmp) {
                set_attr_or_clear(exc, _Py_ID(msg), tmp);
                Py_DECREF(tmp);
            }
            else {
                PyErr_Clear();
            }
        }
        rc = _PyObject_LookupAttr(exc, _Py_ID(print_file_and_line), &tmp);
        if (rc < 0) PyErr_Clear();
        else if (tmp) Py_DECREF(tmp);
        else set_attr_or_clear(exc, _Py_ID(print_file_and_line), Py_None);
    }
    PyErr_SetRaisedException(exc);
}

void
PyErr_SyntaxLocationObject(PyObject *filename, int lineno, int col_offset)
{
    PyErr_SyntaxLocationObjectEx(filename, lineno, col_offset, lineno, -1);
}

void
PyErr_SyntaxLocationEx(const char *filename, int lineno, int col_offset)
{
    PyObject *fileobj = NULL;
    if (filename != NULL) {
        PyObject *exc = PyErr_GetRaisedException();
        fileobj = PyUnicode_DecodeUTF8(filename, (Py_ssize_t)strlen(filename), "surrogateescape");
        if (fileobj == NULL) PyErr_Clear();
        PyErr_SetRaisedException(exc);
    }
    PyErr_SyntaxLocationObject(fileobj, lineno, col_offset);
    Py_XDECREF(fileobj);
}

void
PyErr_SyntaxLocation(const char *filename, int lineno)
{
    PyErr_SyntaxLocationEx(filename, lineno, -1);
}

/* ------------------------------------------------------------------ */
/* Unraisable exceptions.                                               */

/* What a user-installed sys.unraisablehook receives (CPython passes a
   struct sequence with these attributes). */
typedef struct {
    PyObject_HEAD
    PyObject *exc_type, *exc_value, *exc_traceback, *err_msg, *object;
} UnraisableHookArgs;

static void
hookargs_dealloc(PyObject *op)
{
    UnraisableHookArgs *a = (UnraisableHookArgs *)op;
    Py_XDECREF(a->exc_type);
    Py_XDECREF(a->exc_value);
    Py_XDECREF(a->exc_traceback);
    Py_XDECREF(a->err_msg);
    Py_XDECREF(a->object);
    PyObject_Free(op);
}

static PyMemberDef hookargs_members[] = {
    {"exc_type", _Py_T_OBJECT, offsetof(UnraisableHookArgs, exc_type), Py_READONLY, NULL},
    {"exc_value", _Py_T_OBJECT, offsetof(UnraisableHookArgs, exc_value), Py_READONLY, NULL},
    {"exc_traceback", _Py_T_OBJECT, offsetof(UnraisableHookArgs, exc_traceback), Py_READONLY, NULL},
    {"err_msg", _Py_T_OBJECT, offsetof(UnraisableHookArgs, err_msg), Py_READONLY, NULL},
    {"object", _Py_T_OBJECT, offsetof(UnraisableHookArgs, object), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* TODO(lead): readied by _PyErrors_InitTypes (traceback.c). */
PyTypeObject _PyUnraisableHookArgs_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "UnraisableHookArgs",
    .tp_basicsize = sizeof(UnraisableHookArgs),
    .tp_dealloc = hookargs_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_members = hookargs_members,
};

static PyObject *
make_hook_args(PyObject *type, PyObject *value, PyObject *tb, PyObject *msg, PyObject *obj)
{
    UnraisableHookArgs *a = PyObject_New(UnraisableHookArgs, &_PyUnraisableHookArgs_Type);
    if (a == NULL) return NULL;
    a->exc_type = Py_NewRef(type ? type : Py_None);
    a->exc_value = Py_NewRef(value ? value : Py_None);
    a->exc_traceback = Py_NewRef(tb ? tb : Py_None);
    a->err_msg = Py_NewRef(msg ? msg : Py_None);
    a->object = Py_NewRef(obj ? obj : Py_None);
    return (PyObject *)a;
}

/* "module." prefix (unless builtins/__main__) and qualname of a type */
static int
write_type_name(PyObject *type, PyObject *file)
{
    PyObject *modulename = PyObject_GetAttr(type, _Py_ID(__module__));
    if (modulename == NULL || !PyUnicode_Check(modulename)) {
        Py_XDECREF(modulename);
        PyErr_Clear();
        if (_PyErr_WriteString("<unknown>", file) < 0) return -1;
    }
    else {
        if (!_PyUnicode_EqualToASCIIString(modulename, "builtins") &&
            !_PyUnicode_EqualToASCIIString(modulename, "__main__")) {
            int r = _PyErr_WriteObject(modulename, file, Py_PRINT_RAW);
            Py_DECREF(modulename);
            if (r < 0 || _PyErr_WriteString(".", file) < 0) return -1;
        }
        else {
            Py_DECREF(modulename);
        }
    }
    PyObject *qualname = PyObject_GetAttr(type, _Py_ID(__qualname__));
    if (qualname == NULL || !PyUnicode_Check(qualname)) {
        Py_XDECREF(qualname);
        PyErr_Clear();
        return _PyErr_WriteString("<unknown>", file);
    }
    int r = _PyErr_WriteObject(qualname, file, Py_PRINT_RAW);
    Py_DECREF(qualname);
    return r;
}

/* sys.unraisablehook's default behaviour (CPython's
   write_unraisable_exc_file). */
static int
write_unraisable_exc(PyObject *exc_type, PyObject *exc_value, PyObject *exc_tb,
                     PyObject *err_msg, PyObject *obj)
{
    PyObject *file = PySys_GetObject("stderr");
    if (file == Py_None) return 0;
    Py_XINCREF(file);
    int res = -1;
    if (obj != NULL && obj != Py_None) {
        if (err_msg != NULL && err_msg != Py_None) {
            if (_PyErr_WriteObject(err_msg, file, Py_PRINT_RAW) < 0) goto done;
            if (_PyErr_WriteString(": ", file) < 0) goto done;
        }
        else if (_PyErr_WriteString("Exception ignored in: ", file) < 0) {
            goto done;
        }
        if (_PyErr_WriteObject(obj, file, 0) < 0) {
            PyErr_Clear();
            if (_PyErr_WriteString("<object repr() failed>", file) < 0) goto done;
        }
        if (_PyErr_WriteString("\n", file) < 0) goto done;
    }
    else if (err_msg != NULL && err_msg != Py_None) {
        if (_PyErr_WriteObject(err_msg, file, Py_PRINT_RAW) < 0) goto done;
        if (_PyErr_WriteString(":\n", file) < 0) goto done;
    }
    if (exc_tb != NULL && exc_tb != Py_None) {
        if (PyTraceBack_Print(exc_tb, file) < 0) PyErr_Clear();
    }
    if (exc_type == NULL || exc_type == Py_None) goto done;
    if (write_type_name(exc_type, file) < 0) goto done;
    if (exc_value != NULL && exc_value != Py_None) {
        if (_PyErr_WriteString(": ", file) < 0) goto done;
        if (_PyErr_WriteObject(exc_value, file, Py_PRINT_RAW) < 0) {
            PyErr_Clear();
            if (_PyErr_WriteString("<exception str() failed>", file) < 0) goto done;
        }
    }
    if (_PyErr_WriteString("\n", file) < 0) goto done;
    if (file != NULL) {
        PyObject *r = PyObject_CallMethodNoArgs(file, _Py_ID(flush));
        if (r == NULL) goto done;
        Py_DECREF(r);
    }
    else {
        fflush(stderr);
    }
    res = 0;
done:
    Py_XDECREF(file);
    return res;
}

void
_PyErr_WriteUnraisableMsg(const char *err_msg_str, PyObject *obj)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *err_msg = NULL, *exc_type, *exc_value, *exc_tb;
    PyErr_Fetch(&exc_type, &exc_value, &exc_tb);
    if (exc_type == NULL) goto default_hook;

    if (exc_tb == NULL) {
        /* no traceback yet (raised from C): start one at the current frame */
        _PyInterpreterFrame *f = _PyFrame_GetFirstComplete(tstate->current_frame);
        if (f != NULL) {
            PyFrameObject *frame = _PyFrame_GetFrameObject(f);
            if (frame != NULL) exc_tb = _PyTraceBack_FromFrame(NULL, frame);
            if (exc_tb == NULL) PyErr_Clear();
        }
    }
    PyErr_NormalizeException(&exc_type, &exc_value, &exc_tb);
    if (exc_tb != NULL && PyTraceBack_Check(exc_tb) && exc_value != NULL &&
        PyExceptionInstance_Check(exc_value)) {
        if (PyException_SetTraceback(exc_value, exc_tb) < 0) PyErr_Clear();
    }
    if (err_msg_str != NULL) {
        err_msg = PyUnicode_FromFormat("Exception ignored %s", err_msg_str);
        if (err_msg == NULL) PyErr_Clear();
    }

    /* A hook installed by the user gets called; the builtin default hook
       is this very code, so it is not called (it would recurse). */
    PyObject *hook = PySys_GetObject("unraisablehook");
    PyObject *default_hook = PySys_GetObject("__unraisablehook__");
    if (hook == NULL || hook == Py_None || hook == default_hook) goto default_hook;
    PyObject *hook_args = make_hook_args(exc_type, exc_value, exc_tb, err_msg, obj);
    if (hook_args == NULL) {
        err_msg_str = "Exception ignored on building sys.unraisablehook arguments";
        obj = NULL;
        goto hook_error;
    }
    Py_INCREF(hook);
    PyObject *res = PyObject_CallOneArg(hook, hook_args);
    Py_DECREF(hook_args);
    if (res != NULL) {
        Py_DECREF(res);
        Py_DECREF(hook);
        goto done;
    }
    /* the hook failed: report its error with the default hook */
    obj = hook;
    err_msg_str = NULL;
    Py_DECREF(hook);    /* still referenced by sys */
hook_error:
    Py_XSETREF(err_msg, PyUnicode_FromString(err_msg_str ? err_msg_str
                                             : "Exception ignored in sys.unraisablehook"));
    Py_XDECREF(exc_type);
    Py_XDECREF(exc_value);
    Py_XDECREF(exc_tb);
    PyErr_Fetch(&exc_type, &exc_value, &exc_tb);

default_hook:
    (void)write_unraisable_exc(exc_type, exc_value, exc_tb, err_msg, obj);
done:
    Py_XDECREF(exc_type);
    Py_XDECREF(exc_value);
    Py_XDECREF(exc_tb);
    Py_XDECREF(err_msg);
    PyErr_Clear();
}

void
PyErr_WriteUnraisable(PyObject *obj)
{
    _PyErr_WriteUnraisableMsg(NULL, obj);
}

/* ------------------------------------------------------------------ */
/* Signals.                                                             */

static volatile sig_atomic_t sigint_pending;

static void
rp_sigint_handler(int signum)
{
    (void)signum;
    sigint_pending = 1;
    PyThreadState *tstate = _Py_tstate_current;
    if (tstate != NULL && tstate->interp != NULL) tstate->interp->eval_breaker = 1;
}

void
_PySignal_Init(void)
{
    struct sigaction old;
    if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler == SIG_DFL &&
        !(old.sa_flags & SA_SIGINFO)) {
        struct sigaction sa;
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = rp_sigint_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_ONSTACK;
        sigaction(SIGINT, &sa, NULL);
    }
    signal(SIGPIPE, SIG_IGN);
#ifdef SIGXFSZ
    signal(SIGXFSZ, SIG_IGN);
#endif
}

int
_PyErr_SignalsPending(void)
{
    return sigint_pending != 0;
}

int
PyErr_CheckSignals(void)
{
    if (Py_LIKELY(!sigint_pending)) return 0;
    sigint_pending = 0;
    PyErr_SetNone(PyExc_KeyboardInterrupt);
    return -1;
}

int
PyErr_SetInterrupt(void)
{
    rp_sigint_handler(SIGINT);
    return 0;
}
