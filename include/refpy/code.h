/* code.h -- code objects: CPython 3.12's fields and bytecode layout.
 *
 * co_code_adaptive holds the instructions as 2-byte code units followed
 * by their inline CACHE units; specialised (refpy-private) opcodes are
 * written here at run time, and co_code returns the de-specialised bytes
 * that dis shows.
 */
#ifndef REFPY_CODE_H
#define REFPY_CODE_H
#include "object.h"

typedef union {
    uint16_t cache;
    struct { uint8_t code; uint8_t arg; } op;
} _Py_CODEUNIT;
#define _Py_OPCODE(word) ((word).op.code)
#define _Py_OPARG(word) ((word).op.arg)

/* kinds of co_localspluskinds entries */
#define CO_FAST_HIDDEN 0x10
#define CO_FAST_LOCAL 0x20
#define CO_FAST_CELL 0x40
#define CO_FAST_FREE 0x80

/* co_flags */
#define CO_OPTIMIZED 0x0001
#define CO_NEWLOCALS 0x0002
#define CO_VARARGS 0x0004
#define CO_VARKEYWORDS 0x0008
#define CO_NESTED 0x0010
#define CO_GENERATOR 0x0020
#define CO_NOFREE 0x0040
#define CO_COROUTINE 0x0080
#define CO_ITERABLE_COROUTINE 0x0100
#define CO_ASYNC_GENERATOR 0x0200
#define CO_HAS_DOCSTRING 0x4000000   /* refpy-private; not visible in co_flags */

struct PyCodeObject {
    PyObject_VAR_HEAD               /* ob_size: number of code units */
    PyObject *co_consts;            /* tuple */
    PyObject *co_names;             /* tuple of str */
    PyObject *co_exceptiontable;    /* bytes */
    int co_flags;
    int co_argcount;
    int co_posonlyargcount;
    int co_kwonlyargcount;
    int co_stacksize;
    int co_firstlineno;
    int co_nlocalsplus;             /* locals + cells + frees */
    int co_framesize;               /* nlocalsplus + stacksize + frame header words */
    int co_nlocals;
    int co_ncellvars;
    int co_nfreevars;
    uint32_t co_version;
    PyObject *co_localsplusnames;   /* tuple of str */
    PyObject *co_localspluskinds;   /* bytes, one CO_FAST_* byte per slot */
    PyObject *co_filename;
    PyObject *co_name;
    PyObject *co_qualname;
    PyObject *co_linetable;         /* bytes, 3.12 location table format */
    PyObject *co_weakreflist;
    PyObject *_co_cached_code;      /* cached co_code bytes, or NULL */
    uint64_t _co_instrumentation_version;   /* unused; keeps CPython's layout */
    void *_co_monitoring;                   /* unused; keeps CPython's layout */
    int _co_firsttraceable;         /* index of the first instruction after RESUME prologue */
    void *co_extra;                 /* the specialiser's side tables (src/vm/specialize.c) */
    char co_code_adaptive[1];       /* at offset 192, as in CPython 3.12 (sys.getsizeof) */
};

PyAPI_DATA(PyTypeObject) PyCode_Type;
#define PyCode_Check(op) Py_IS_TYPE((op), &PyCode_Type)
#define _PyCode_CODE(co) ((_Py_CODEUNIT *)(co)->co_code_adaptive)
#define _PyCode_NBYTES(co) (Py_SIZE(co) * (Py_ssize_t)sizeof(_Py_CODEUNIT))

/* Everything the compiler hands over to build a code object.  All object
   fields are borrowed; _PyCode_New takes its own references. */
struct _PyCodeConstructor {
    PyObject *filename;
    PyObject *name;
    PyObject *qualname;
    int flags;
    PyObject *code;             /* bytes: code units incl. CACHE entries (zeroed) */
    int firstlineno;
    PyObject *linetable;        /* bytes */
    PyObject *consts;           /* tuple */
    PyObject *names;            /* tuple */
    PyObject *localsplusnames;  /* tuple */
    PyObject *localspluskinds;  /* bytes */
    int argcount;
    int posonlyargcount;
    int kwonlyargcount;
    int stacksize;
    PyObject *exceptiontable;   /* bytes */
};
/* New reference, or NULL with an exception set. Interns names as 3.12 does. */
PyAPI_FUNC(PyCodeObject *) _PyCode_New(struct _PyCodeConstructor *);
/* Line number of the instruction at byte offset addrq (-1 if none). */
PyAPI_FUNC(int) PyCode_Addr2Line(PyCodeObject *, int addrq);
/* Full position of the instruction at byte offset addrq; 0 if none known. */
PyAPI_FUNC(int) PyCode_Addr2Location(PyCodeObject *, int addrq, int *start_line, int *start_col,
                                     int *end_line, int *end_col);
PyAPI_FUNC(PyObject *) _PyCode_GetCode(PyCodeObject *);

/* Walking the line table (co_lines()): address ranges in BYTES, half-open
   [ar_start, ar_end), with ar_line -1 where there is no line number. */
typedef struct {
    int ar_start;
    int ar_end;
    int ar_line;
    int computed_line;
    const uint8_t *lo_next;
    const uint8_t *limit;
} PyCodeAddressRange;
/* Returns co_firstlineno; the first call to _PyLineTable_NextAddressRange
   yields the first range. */
PyAPI_FUNC(int) _PyCode_InitAddressRange(PyCodeObject *co, PyCodeAddressRange *bounds);
/* Advance to the next range; returns 0 when there are no more. */
PyAPI_FUNC(int) _PyLineTable_NextAddressRange(PyCodeAddressRange *range);   /* new bytes: de-specialised, caches zeroed */
#endif
