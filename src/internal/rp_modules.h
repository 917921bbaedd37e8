/* rp_modules.h -- the builtin modules of src/modules/ and their helpers.
 *
 * Module init functions return a NEW reference to a fully initialised
 * module object, or NULL with an exception set.  The import system lists
 * them in its init table.
 */
#ifndef RP_MODULES_H
#define RP_MODULES_H
#include "pycore.h"

/* ---- builtins (src/modules/bltinmodule.c) ---- */
PyObject *_PyBuiltin_Init(void);                 /* new: module "builtins" */

/* ---- sys (src/modules/sysmodule.c) ---- */
/* New: module "sys".  Creates sys.stdin/stdout/stderr (and __stdin__ ...).
   The caller then sets sys.modules, sys.path (and argv via _PySys_SetArgv). */
PyObject *_PySys_Create(void);
/* sys.argv = [argv[0], ..., argv[argc-1]] (decoded with surrogateescape);
   argc 0 gives ['']. 0 / -1. */
int _PySys_SetArgv(int argc, char **argv);
/* sys.orig_argv = the full command line.  0 / -1. */
int _PySys_SetOrigArgv(int argc, char **argv);
/* Set sys.flags fields from the command line before running code
   (e.g. "optimize", "dont_write_bytecode", "inspect", "interactive",
   "verbose", "quiet", "no_site", "isolated", "safe_path", "dev_mode",
   "ignore_environment", "no_user_site", "bytes_warning", "utf8_mode").
   0 / -1 (unknown name: -1 with ValueError). */
int _PySys_SetFlag(const char *name, int value);
/* Write a C string to sys.stderr (falls back to C stderr). */
void _PySys_WriteStderrRaw(const char *s);

/* ---- text files (src/modules/fileio.c) ---- */
/* Ready the file types (idempotent).  0 / -1. */
int _PyIO_InitTypes(void);
/* New reference: a text stream on fd ("<stdout>" style name, mode "r"/"w").
   kind: 0 stdin, 1 stdout, 2 stderr (selects buffering and error handler). */
PyObject *_PyIO_NewStdStream(int fd, int kind);
/* Flush sys.stdout and sys.stderr (and the original streams); called at
   exit and before the interpreter writes to the C-level stderr. */
void _PyIO_FlushStd(void);
/* -u / PYTHONUNBUFFERED: make the standard streams write through. */
void _PyIO_SetUnbuffered(int unbuffered);
/* builtins.open(): new reference (vectorcall signature). */
PyObject *_PyIO_Open(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                     PyObject *kwnames);
/* Fast path for print(): 1 if `file` is one of our text streams and the
   str `s` was written (0 returned after an error: -1). 0 if not ours. */
int _PyIO_WriteStrIfText(PyObject *file, PyObject *s);
/* Read one line from a text stream (keeping the newline): new str, "" at EOF. */
PyObject *_PyIO_ReadlineIfText(PyObject *file, int *handled);
extern PyTypeObject _PyTextIOWrapper_Type;

/* ---- dis, math, time ---- */
PyObject *PyInit_dis(void);     /* new: module "dis" */
PyObject *PyInit_math(void);    /* new: module "math" */
PyObject *PyInit_time(void);    /* new: module "time" */
PyObject *PyInit_gc(void);      /* new: module "gc" (src/modules/gcmodule.c) */
PyObject *PyInit__weakref(void);  /* new: module "_weakref" (src/modules/_weakref.c) */
PyObject *PyInit_atexit(void);  /* new: module "atexit" (src/modules/atexitmodule.c) */
/* C accelerators of lib/ modules (new references): */
PyObject *PyInit__bisect(void);
PyObject *PyInit__collections(void);
PyObject *PyInit__functools(void);
PyObject *PyInit__heapq(void);
PyObject *PyInit__operator(void);
PyObject *PyInit__random(void);
PyObject *PyInit_itertools(void);

#endif
