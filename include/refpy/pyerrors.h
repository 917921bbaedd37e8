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

#endif /* REFPY_PYERRORS_H */
