/* rp_frame.h -- interpreter frames (CPython 3.12's _PyInterpreterFrame).
 *
 * Frames live in the thread's data stack (chunks of PyObject* words), not
 * on the C stack and not as heap objects: calling a Python function from
 * Python pushes a frame and jumps, without recursing in C.  A PyFrameObject
 * is materialised only when someone asks for it (tracebacks, generators,
 * sys._getframe).  localsplus holds the fast locals, then the cells and
 * free variables, then the value stack.
 */
#ifndef RP_FRAME_H
#define RP_FRAME_H
#include "pycore.h"
#include "rp_state.h"

enum _frameowner {
    FRAME_OWNED_BY_THREAD = 0,
    FRAME_OWNED_BY_GENERATOR = 1,
    FRAME_OWNED_BY_FRAME_OBJECT = 2,
    FRAME_OWNED_BY_CSTACK = 3,
};

typedef struct _PyInterpreterFrame {
    PyCodeObject *f_code;           /* strong */
    struct _PyInterpreterFrame *previous;
    PyObject *f_funcobj;            /* strong; function, or NULL for module/class bodies run via EvalCode */
    PyObject *f_globals;            /* borrowed */
    PyObject *f_builtins;           /* borrowed */
    PyObject *f_locals;             /* strong, may be NULL (optimized functions) */
    PyFrameObject *frame_obj;       /* strong, may be NULL */
    _Py_CODEUNIT *prev_instr;       /* last instruction started */
    int stacktop;                   /* offset of the stack top within localsplus */
    uint16_t return_offset;
    char owner;
    PyObject *localsplus[1];
} _PyInterpreterFrame;

#define FRAME_SPECIALS_SIZE ((int)((sizeof(_PyInterpreterFrame) - 1) / sizeof(PyObject *)))

struct _frame {
    PyObject_HEAD
    PyFrameObject *f_back;                  /* unused in 3.12 layout, kept NULL */
    _PyInterpreterFrame *f_frame;           /* points into _f_frame_data or a live frame */
    PyObject *f_trace;
    int f_lineno;
    char f_trace_lines;
    char f_trace_opcodes;
    char f_fast_as_locals;
    PyObject *_f_frame_data[1];
};

PyAPI_DATA(PyTypeObject) PyFrame_Type;
#define PyFrame_Check(op) Py_IS_TYPE((op), &PyFrame_Type)

static inline PyObject **_PyFrame_Stackbase(_PyInterpreterFrame *f)
{ return f->localsplus + f->f_code->co_nlocalsplus; }

/* Line number the frame is executing. */
int _PyInterpreterFrame_GetLine(_PyInterpreterFrame *frame);
/* Get (creating if needed) the frame object: BORROWED (owned by the frame). */
PyFrameObject *_PyFrame_GetFrameObject(_PyInterpreterFrame *frame);
PyAPI_FUNC(int) PyFrame_GetLineNumber(PyFrameObject *);
PyAPI_FUNC(PyCodeObject *) PyFrame_GetCode(PyFrameObject *);   /* new */
#endif
