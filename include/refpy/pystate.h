/* pystate.h / ceval.h -- thread state access, evaluation and recursion control. */
#ifndef REFPY_PYSTATE_H
#define REFPY_PYSTATE_H
#include "object.h"

PyAPI_FUNC(PyThreadState *) PyThreadState_Get(void);
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Get(void);
PyAPI_FUNC(PyObject *) PyThreadState_GetDict(void);      /* BORROWED */

/* Evaluate a code object in the given namespaces: new ref / NULL. */
PyAPI_FUNC(PyObject *) PyEval_EvalCode(PyObject *co, PyObject *globals, PyObject *locals);
PyAPI_FUNC(PyObject *) PyEval_GetBuiltins(void);   /* BORROWED */
PyAPI_FUNC(PyObject *) PyEval_GetGlobals(void);    /* BORROWED, NULL if no frame */
PyAPI_FUNC(PyObject *) PyEval_GetLocals(void);     /* BORROWED */
PyAPI_FUNC(PyFrameObject *) PyEval_GetFrame(void); /* BORROWED */

/* 0 ok, -1 with RecursionError set. */
PyAPI_FUNC(int) Py_EnterRecursiveCall(const char *where);
PyAPI_FUNC(void) Py_LeaveRecursiveCall(void);
PyAPI_FUNC(int) Py_GetRecursionLimit(void);
PyAPI_FUNC(void) Py_SetRecursionLimit(int);
PyAPI_FUNC(int) Py_MakePendingCalls(void);

/* Builtin modules compiled into the interpreter. */
struct _inittab { const char *name; PyObject *(*initfunc)(void); };
PyAPI_FUNC(int) PyImport_AppendInittab(const char *name, PyObject *(*initfunc)(void));
PyAPI_FUNC(PyObject *) PyImport_ImportModule(const char *name);          /* new */
PyAPI_FUNC(PyObject *) PyImport_Import(PyObject *name);                  /* new */
PyAPI_FUNC(PyObject *) PyImport_ImportModuleLevelObject(PyObject *name, PyObject *globals,
        PyObject *locals, PyObject *fromlist, int level);                /* new */
PyAPI_FUNC(PyObject *) PyImport_GetModuleDict(void);                     /* BORROWED */
PyAPI_FUNC(PyObject *) PyImport_AddModule(const char *name);             /* BORROWED */
PyAPI_FUNC(PyObject *) PyImport_AddModuleObject(PyObject *name);         /* BORROWED */

/* sys */
PyAPI_FUNC(PyObject *) PySys_GetObject(const char *name);                /* BORROWED */
PyAPI_FUNC(int) PySys_SetObject(const char *name, PyObject *v);
PyAPI_FUNC(void) PySys_WriteStdout(const char *format, ...);
PyAPI_FUNC(void) PySys_WriteStderr(const char *format, ...);
PyAPI_FUNC(void) PySys_FormatStderr(const char *format, ...);

/* Lifecycle and running code. */
PyAPI_FUNC(void) Py_Initialize(void);
PyAPI_FUNC(int) Py_FinalizeEx(void);
PyAPI_FUNC(void) Py_Finalize(void);
PyAPI_FUNC(int) Py_IsInitialized(void);
PyAPI_FUNC(int) Py_BytesMain(int argc, char **argv);
/* Compile source text: new code object or NULL (SyntaxError set).
   start is Py_file_input, Py_eval_input or Py_single_input. */
#define Py_single_input 256
#define Py_file_input 257
#define Py_eval_input 258
PyAPI_FUNC(PyObject *) Py_CompileString(const char *str, const char *filename, int start);
/* Compiler flags: PyCF_* plus the CO_FUTURE_* bits of future imports. */
typedef struct { int cf_flags; int cf_feature_version; } PyCompilerFlags;
#define PyCF_MASK 0x1fe0000
#define PyCF_MASK_OBSOLETE 0x0010
#define PyCF_SOURCE_IS_UTF8 0x0100
#define PyCF_DONT_IMPLY_DEDENT 0x0200
#define PyCF_ONLY_AST 0x0400
#define PyCF_IGNORE_COOKIE 0x0800
#define PyCF_TYPE_COMMENTS 0x1000
#define PyCF_ALLOW_TOP_LEVEL_AWAIT 0x2000
#define PyCF_ALLOW_INCOMPLETE_INPUT 0x4000
/* New reference: a code object, or NULL with SyntaxError set.  flags may be
   NULL; its cf_flags are read and updated with the module's future imports. */
PyAPI_FUNC(PyObject *) Py_CompileStringObject(const char *str, PyObject *filename, int start,
                                              PyCompilerFlags *flags, int optimize);
/* Add the current frame's future-import flags to cf; returns nonzero if any. */
PyAPI_FUNC(int) PyEval_MergeCompilerFlags(PyCompilerFlags *cf);
PyAPI_FUNC(PyObject *) PyRun_String(const char *str, int start, PyObject *globals, PyObject *locals);
PyAPI_FUNC(int) PyRun_SimpleString(const char *command);
PyAPI_FUNC(void) Py_Exit(int);
PyAPI_FUNC(void) Py_FatalError(const char *message) __attribute__((noreturn));
#endif
