/* rp_lifecycle.h -- start-up and shut-down entry points of each part of
 * the core, called in order by src/vm/pylifecycle.c.  Each *_InitTypes
 * readies every static type of its area; all return 0 or -1 + exception. */
#ifndef RP_LIFECYCLE_H
#define RP_LIFECYCLE_H
#include "pycore.h"

int _PyTypes_InitTypes(void);        /* pylifecycle.c: all of the below */
int _PyStrings_InitTypes(void);      /* unicodeobject.c, bytesobject.c */
int _PyNumbers_InitTypes(void);      /* longobject.c, floatobject.c, ... */
int _PyContainers_InitTypes(void);   /* list, tuple, dict, set, range, ... */
int _PyVM_InitTypes(void);           /* function, code, frame, generator, cell, method */
int _PyErrors_InitTypes(void);       /* traceback */
void _PyGC_Init(PyInterpreterState *interp);
void _PySignal_Init(void);
int _PyImport_Init(void);            /* import.c: sys.path, meta state */
void _PyModule_ClearDict(PyObject *d);
int _PyAtExit_Register(PyObject *func, PyObject *args, PyObject *kwargs);
void _PyAtExit_Call(void);

/* pythonrun.c */
/* Run a script file as __main__: 0 ok, else the process exit status with
   the error already reported (traceback printed, SystemExit handled). */
int _PyRun_MainFile(const char *path);
int _PyRun_MainString(const char *command, const char *filename);
int _PyRun_InteractiveLoop(void);
int _PyRun_Module(const char *module);   /* -m: run sys.path module as __main__ */
/* Report the current exception like the top level does; returns the exit
   status (1, or SystemExit's code). */
int _PyRun_HandleUncaught(void);
/* 1 if the program ended with an uncaught KeyboardInterrupt (exit by SIGINT). */
int _PyRun_KeyboardInterrupted(void);
PyObject *PyUnicode_DecodeFSDefault_rp(const char *s);   /* new */
const char *_Py_ProgramName_rp(void);                    /* argv[0] as given */
void _Py_SetProgramName_rp(const char *name);            /* main.c sets it */
int _Py_ExitRequested_rp(void);
/* import.c */
int _PyImport_InsertPath0(const char *dir);
PyObject *_PyImport_BuiltinModuleNames(void);               /* new tuple */
void PyErr_SetImportErrorSubclass_rp(PyObject *exception, PyObject *msg, PyObject *name);
#endif
