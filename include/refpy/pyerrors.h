/* pyerrors.h -- raising, fetching and describing exceptions.
 *
 * The current exception lives in the thread state as one normalized
 * exception instance (CPython 3.12's tstate->current_exception).  Every
 * function that fails returns NULL or -1 with an exception set.
 */
#ifndef REFPY_PYERRORS_H
#define REFPY_PYERRORS_H

#include "object.h"
#include <stdarg.h>

typedef struct {
    PyObject_HEAD
    PyObject *dict;
    PyObject *args;
    PyObject *notes;
    PyObject *traceback;
    PyObject *context;
    PyObject *cause;
    char suppress_context;
} PyBaseExceptionObject;

typedef struct {
    PyBaseExceptionObject base;
    PyObject *msg;
    PyObject *excs;
} PyBaseExceptionGroupObject;

typedef struct {
    PyBaseExceptionObject base;
    PyObject *msg, *filename, *lineno, *offset, *end_lineno, *end_offset, *text, *print_file_and_line;
} PySyntaxErrorObject;

typedef struct {
    PyBaseExceptionObject base;
    PyObject *msg, *name, *path, *name_from;
} PyImportErrorObject;

typedef struct {
    PyBaseExceptionObject base;
    PyObject *encoding, *object;
    Py_ssize_t start, end;
    PyObject *reason;
} PyUnicodeErrorObject;

typedef struct {
    PyBaseExceptionObject base;
    PyObject *code;
} PySystemExitObject;

typedef struct {
    PyBaseExceptionObject base;
    PyObject *myerrno, *strerror, *filename, *filename2;
    Py_ssize_t written;
} PyOSErrorObject;

typedef struct {
    PyBaseExceptionObject base;
    PyObject *value;
} PyStopIterationObject;

typedef struct {
    PyBaseExceptionObject base;
    PyObject *name;
} PyNameErrorObject;

typedef struct {
    PyBaseExceptionObject base;
    PyObject *obj;
    PyObject *name;
} PyAttributeErrorObject;

#define RP_EXC(name, base, kind) PyAPI_DATA(PyObject *) PyExc_##name;
#include "exceptions.def"
#undef RP_EXC
#define PyExc_EnvironmentError PyExc_OSError
#define PyExc_IOError PyExc_OSError

#define PyExceptionClass_Check(x) \
    (PyType_Check((x)) && PyType_FastSubclass((PyTypeObject *)(x), Py_TPFLAGS_BASE_EXC_SUBCLASS))
#define PyExceptionInstance_Check(x) \
    PyType_FastSubclass(Py_TYPE(x), Py_TPFLAGS_BASE_EXC_SUBCLASS)
#define PyExceptionInstance_Class(x) _PyObject_CAST(Py_TYPE(x))

/* Raising.  All return NULL (Format/NoMemory) or nothing. */
PyAPI_FUNC(void) PyErr_SetNone(PyObject *type);
PyAPI_FUNC(void) PyErr_SetObject(PyObject *type, PyObject *value);  /* borrows both */
PyAPI_FUNC(void) PyErr_SetString(PyObject *type, const char *message);
PyAPI_FUNC(PyObject *) PyErr_Format(PyObject *type, const char *format, ...);  /* always NULL */
PyAPI_FUNC(PyObject *) PyErr_FormatV(PyObject *type, const char *format, va_list vargs);
PyAPI_FUNC(PyObject *) PyErr_NoMemory(void);                       /* always NULL */
PyAPI_FUNC(int) PyErr_BadArgument(void);                           /* always 0 */
PyAPI_FUNC(void) _PyErr_BadInternalCall(const char *filename, int lineno);
#define PyErr_BadInternalCall() _PyErr_BadInternalCall(__FILE__, __LINE__)
PyAPI_FUNC(PyObject *) PyErr_SetFromErrno(PyObject *);              /* always NULL */
PyAPI_FUNC(PyObject *) PyErr_SetFromErrnoWithFilenameObject(PyObject *, PyObject *);

/* Inspecting. */
PyAPI_FUNC(PyObject *) PyErr_Occurred(void);         /* BORROWED type of current exception, or NULL */
PyAPI_FUNC(void) PyErr_Clear(void);
PyAPI_FUNC(int) PyErr_ExceptionMatches(PyObject *exc);
PyAPI_FUNC(int) PyErr_GivenExceptionMatches(PyObject *given, PyObject *exc);
/* 3.12 API: take the current exception (new ref, NULL if none) / set it (stolen). */
PyAPI_FUNC(PyObject *) PyErr_GetRaisedException(void);
PyAPI_FUNC(void) PyErr_SetRaisedException(PyObject *exc);
/* Legacy triple API: Fetch gives new refs (may be NULL) and clears;
   Restore steals all three. */
PyAPI_FUNC(void) PyErr_Fetch(PyObject **type, PyObject **value, PyObject **tb);
PyAPI_FUNC(void) PyErr_Restore(PyObject *type, PyObject *value, PyObject *tb);
PyAPI_FUNC(void) PyErr_NormalizeException(PyObject **, PyObject **, PyObject **);
/* The exception being handled (sys.exception()): new ref or NULL. */
PyAPI_FUNC(PyObject *) PyErr_GetHandledException(void);
PyAPI_FUNC(void) PyErr_SetHandledException(PyObject *);

/* Reporting. */
PyAPI_FUNC(void) PyErr_Print(void);
PyAPI_FUNC(void) PyErr_PrintEx(int set_sys_last_vars);
PyAPI_FUNC(void) PyErr_Display(PyObject *unused, PyObject *value, PyObject *tb);
/* Print "Exception ignored in: <obj repr>" + traceback to stderr and clear. */
PyAPI_FUNC(void) PyErr_WriteUnraisable(PyObject *obj);
PyAPI_FUNC(int) PyErr_WarnEx(PyObject *category, const char *message, Py_ssize_t stack_level);
PyAPI_FUNC(int) PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level, const char *format, ...);
PyAPI_FUNC(int) PyErr_CheckSignals(void);

/* Exception object accessors (new references unless noted). */
PyAPI_FUNC(PyObject *) PyException_GetTraceback(PyObject *);
PyAPI_FUNC(int) PyException_SetTraceback(PyObject *, PyObject *);   /* borrows tb */
PyAPI_FUNC(PyObject *) PyException_GetCause(PyObject *);
PyAPI_FUNC(void) PyException_SetCause(PyObject *, PyObject *);      /* STEALS cause */
PyAPI_FUNC(PyObject *) PyException_GetContext(PyObject *);
PyAPI_FUNC(void) PyException_SetContext(PyObject *, PyObject *);    /* STEALS context */
PyAPI_FUNC(PyObject *) PyException_GetArgs(PyObject *);
PyAPI_FUNC(void) PyException_SetArgs(PyObject *, PyObject *);       /* borrows args */
PyAPI_FUNC(PyObject *) PyErr_NewException(const char *name, PyObject *base, PyObject *dict); /* new */

PyAPI_FUNC(void) PyErr_SyntaxLocation(const char *filename, int lineno);
PyAPI_FUNC(void) PyErr_SyntaxLocationEx(const char *filename, int lineno, int col_offset);
PyAPI_FUNC(void) PyErr_SyntaxLocationObject(PyObject *filename, int lineno, int col_offset);
PyAPI_FUNC(int) PyErr_SetInterrupt(void);

PyAPI_FUNC(int) PyTraceBack_Here(struct _frame *);
PyAPI_FUNC(int) PyTraceBack_Print(PyObject *, PyObject *);

/* ------------------------------------------------------------------ */
/* Additions (errors/memory helper).                                  */

/* ExceptionGroup: a heap type made at start-up from
   (BaseExceptionGroup, Exception), as in CPython 3.12. */
PyAPI_DATA(PyObject *) PyExc_ExceptionGroup;

/* Traceback objects (src/vm/traceback.c). */
typedef struct _traceback {
    PyObject_HEAD
    struct _traceback *tb_next;     /* strong, or NULL */
    PyFrameObject *tb_frame;        /* strong */
    int tb_lasti;                   /* byte offset of the instruction */
    int tb_lineno;                  /* INT_MIN until computed (read it as tb.tb_lineno) */
} PyTracebackObject;
PyAPI_DATA(PyTypeObject) PyTraceBack_Type;
#define PyTraceBack_Check(v) Py_IS_TYPE((v), &PyTraceBack_Type)

/* More raising helpers.  All return NULL (or nothing). */
PyAPI_FUNC(PyObject *) PyErr_SetFromErrnoWithFilename(PyObject *exc, const char *filename);
PyAPI_FUNC(PyObject *) PyErr_SetFromErrnoWithFilenameObjects(PyObject *exc, PyObject *filename,
                                                             PyObject *filename2);
/* KeyError(key) -- wraps the key in a 1-tuple so that a tuple key is not
   taken as the argument list. */
PyAPI_FUNC(void) _PyErr_SetKeyError(PyObject *key);
/* Raise `exception` formatted, with the current exception as its
   __cause__ and __context__ (which must be set). Always NULL. */
PyAPI_FUNC(PyObject *) _PyErr_FormatFromCause(PyObject *exception, const char *format, ...);
/* If an exception is set, make exc (STOLEN) its __context__; else raise
   exc.  No-op for NULL. */
PyAPI_FUNC(void) _PyErr_ChainExceptions1(PyObject *exc);
/* New exception class "module.name" (doc may be NULL): new reference. */
PyAPI_FUNC(PyObject *) PyErr_NewExceptionWithDoc(const char *name, const char *doc,
                                                 PyObject *base, PyObject *dict);
/* The line `lineno` of file `filename` (with its newline), new str or NULL
   (no exception set). */
PyAPI_FUNC(PyObject *) PyErr_ProgramTextObject(PyObject *filename, int lineno);
PyAPI_FUNC(void) PyErr_SyntaxLocationObjectEx(PyObject *filename, int lineno, int col_offset,
                                              int end_lineno, int end_col_offset);
/* "Exception ignored <err_msg>: <obj repr>" + traceback; clears the error.
   err_msg NULL gives "Exception ignored in". */
PyAPI_FUNC(void) _PyErr_WriteUnraisableMsg(const char *err_msg, PyObject *obj);
/* New reference: an instance of type for `value` (CPython's
   _PyErr_CreateException: type(*value) for a tuple, type() for NULL/None,
   type(value) otherwise), or NULL. */
PyAPI_FUNC(PyObject *) _PyExc_CreateFromValue(PyObject *type, PyObject *value);
/* The MemoryError to raise without allocating: new reference. */
PyAPI_FUNC(PyObject *) _PyExc_GetMemoryError(void);
/* try/except* support (CALL_INTRINSIC_2 PREP_RERAISE_STAR): new ref. */
PyAPI_FUNC(PyObject *) _PyExc_PrepReraiseStar(PyObject *orig, PyObject *excs);
/* BaseExceptionGroup(msg, excs): new reference. */
PyAPI_FUNC(PyObject *) _PyExc_CreateExceptionGroup(const char *msg, PyObject *excs);

/* Unicode errors. */
PyAPI_FUNC(PyObject *) PyUnicodeDecodeError_Create(const char *encoding, const char *object,
        Py_ssize_t length, Py_ssize_t start, Py_ssize_t end, const char *reason);  /* new */
PyAPI_FUNC(PyObject *) _PyUnicodeEncodeError_Create(PyObject *encoding, PyObject *object,
        Py_ssize_t start, Py_ssize_t end, const char *reason);                     /* new */
PyAPI_FUNC(PyObject *) PyUnicodeEncodeError_GetEncoding(PyObject *);    /* new */
PyAPI_FUNC(PyObject *) PyUnicodeDecodeError_GetEncoding(PyObject *);    /* new */
PyAPI_FUNC(PyObject *) PyUnicodeEncodeError_GetObject(PyObject *);      /* new */
PyAPI_FUNC(PyObject *) PyUnicodeDecodeError_GetObject(PyObject *);      /* new */
PyAPI_FUNC(PyObject *) PyUnicodeTranslateError_GetObject(PyObject *);   /* new */
PyAPI_FUNC(PyObject *) PyUnicodeEncodeError_GetReason(PyObject *);      /* new */
PyAPI_FUNC(PyObject *) PyUnicodeDecodeError_GetReason(PyObject *);      /* new */
PyAPI_FUNC(PyObject *) PyUnicodeTranslateError_GetReason(PyObject *);   /* new */
PyAPI_FUNC(int) PyUnicodeEncodeError_GetStart(PyObject *, Py_ssize_t *);
PyAPI_FUNC(int) PyUnicodeDecodeError_GetStart(PyObject *, Py_ssize_t *);
PyAPI_FUNC(int) PyUnicodeTranslateError_GetStart(PyObject *, Py_ssize_t *);
PyAPI_FUNC(int) PyUnicodeEncodeError_GetEnd(PyObject *, Py_ssize_t *);
PyAPI_FUNC(int) PyUnicodeDecodeError_GetEnd(PyObject *, Py_ssize_t *);
PyAPI_FUNC(int) PyUnicodeTranslateError_GetEnd(PyObject *, Py_ssize_t *);

/* Warnings (src/vm/warnings.c).  0, or -1 if the warning was turned into
   an exception (or an error occurred). */
PyAPI_FUNC(int) PyErr_WarnExplicitObject(PyObject *category, PyObject *message,
                                         PyObject *filename, int lineno,
                                         PyObject *module, PyObject *registry);
PyAPI_FUNC(int) PyErr_WarnExplicit(PyObject *category, const char *message,
                                   const char *filename, int lineno,
                                   const char *module, PyObject *registry);
/* -W option ("action[:message[:category[:module[:lineno]]]]"; only the
   action and category are honoured): 0, or -1 for an unknown action. */
PyAPI_FUNC(int) _PyWarnings_AddOption(const char *option);

/* Top level and start-up. */
/* If the current exception is SystemExit: compute the exit status as
   CPython does (None -> 0, int -> it, else print str(code) to stderr and
   1), clear the exception, store the status in *exitcode, return 1.
   Otherwise return 0. */
PyAPI_FUNC(int) _Py_HandleSystemExit(int *exitcode);
/* Install the SIGINT handler (KeyboardInterrupt) and ignore SIGPIPE and
   SIGXFSZ, as CPython does at start-up. */
PyAPI_FUNC(void) _PySignal_Init(void);
/* Is a signal waiting for PyErr_CheckSignals()? (eval-breaker helper) */
PyAPI_FUNC(int) _PyErr_SignalsPending(void);
/* Ready the traceback type and the other types of this area: 0 / -1. */
PyAPI_FUNC(int) _PyErrors_InitTypes(void);
/* Print an exception (and its chain) to a file object as the default
   sys.excepthook does. */
PyAPI_FUNC(void) _PyErr_Display(PyObject *file, PyObject *unused, PyObject *value, PyObject *tb);
/* Write a C string / str(obj) (or repr with flags 0) to a file object
   through its write() method; file NULL means C stderr.  0 / -1. */
PyAPI_FUNC(int) _PyErr_WriteString(const char *s, PyObject *file);
PyAPI_FUNC(int) _PyErr_WriteObject(PyObject *obj, PyObject *file, int flags);
/* Print `lineno` of `filename` stripped of leading whitespace and
   preceded by `indent` spaces (tracebacks, warnings): 0, or -1 if the
   line is not available. */
PyAPI_FUNC(int) _Py_DisplaySourceLine(PyObject *file, PyObject *filename, int lineno, int indent);
/* New traceback entry for `frame` in front of tb_next (may be NULL):
   new reference, or NULL + exception. */
PyAPI_FUNC(PyObject *) _PyTraceBack_FromFrame(PyObject *tb_next, PyFrameObject *frame);

#endif /* REFPY_PYERRORS_H */
