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
    PyObject *f_funcobj;            /* strong; always a function (module code gets one, as in 3.12) */
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
    PyFrameObject *f_back;                  /* strong; set only once the frame object owns its
                                               data (the live chain is _PyInterpreterFrame.previous) */
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
PyAPI_FUNC(PyFrameObject *) PyFrame_GetBack(PyFrameObject *);  /* new, or NULL */
PyAPI_FUNC(PyObject *) PyFrame_GetLocals(PyFrameObject *);     /* new */
PyAPI_FUNC(PyObject *) PyFrame_GetGlobals(PyFrameObject *);    /* new */
PyAPI_FUNC(PyObject *) PyFrame_GetBuiltins(PyFrameObject *);   /* new */
PyAPI_FUNC(int) PyFrame_GetLasti(PyFrameObject *);             /* byte offset, -1 if none */

/* ---- frame stack management (src/vm/frame.c) ---- */

/* Index (in code units) of the instruction being executed. */
#define _PyInterpreterFrame_LASTI(IF) \
    ((int)((IF)->prev_instr - _PyCode_CODE((IF)->f_code)))

static inline PyObject **_PyFrame_GetStackPointer(_PyInterpreterFrame *f)
{ return f->localsplus + f->stacktop; }
static inline void _PyFrame_SetStackPointer(_PyInterpreterFrame *f, PyObject **sp)
{ f->stacktop = (int)(sp - f->localsplus); }
static inline void _PyFrame_StackPush(_PyInterpreterFrame *f, PyObject *v)
{ f->localsplus[f->stacktop++] = v; }
static inline PyObject *_PyFrame_StackPeek(_PyInterpreterFrame *f)
{ return f->localsplus[f->stacktop - 1]; }

/* A frame that has not yet executed its RESUME prologue (COPY_FREE_VARS,
   MAKE_CELL, RETURN_GENERATOR...) is "incomplete": invisible to
   tracebacks and sys._getframe. */
static inline int _PyFrame_IsIncomplete(_PyInterpreterFrame *frame)
{
    return frame->owner != FRAME_OWNED_BY_GENERATOR &&
        frame->prev_instr < _PyCode_CODE(frame->f_code) + frame->f_code->_co_firsttraceable;
}
static inline _PyInterpreterFrame *_PyFrame_GetFirstComplete(_PyInterpreterFrame *frame)
{
    while (frame && _PyFrame_IsIncomplete(frame)) frame = frame->previous;
    return frame;
}

/* Fill in the header of a freshly pushed frame.  STEALS func (becomes
   f_funcobj) and locals; borrows globals/builtins from func.  Locals
   slots [null_locals_from, nlocalsplus) are set to NULL. */
static inline void
_PyFrame_Initialize(_PyInterpreterFrame *frame, PyFunctionObject *func, PyObject *locals,
                    PyCodeObject *code, int null_locals_from)
{
    frame->f_funcobj = (PyObject *)func;
    frame->f_code = (PyCodeObject *)Py_NewRef(code);
    frame->f_builtins = func->func_builtins;
    frame->f_globals = func->func_globals;
    frame->f_locals = locals;
    frame->stacktop = code->co_nlocalsplus;
    frame->frame_obj = NULL;
    frame->prev_instr = _PyCode_CODE(code) - 1;
    frame->return_offset = 0;
    frame->owner = FRAME_OWNED_BY_THREAD;
    for (int i = null_locals_from; i < code->co_nlocalsplus; i++) frame->localsplus[i] = NULL;
}

/* Allocate `size` words (a code's co_framesize) on the thread's data
   stack; NULL + MemoryError if that fails. */
_PyInterpreterFrame *_PyThreadState_PushFrame(PyThreadState *tstate, size_t size);
/* Release the words of the most recently pushed frame. */
void _PyThreadState_PopFrame(PyThreadState *tstate, _PyInterpreterFrame *frame);
/* Does the data stack have room for `size` more words without a new chunk? */
static inline int _PyThreadState_HasStackSpace(PyThreadState *tstate, int size)
{
    return tstate->datastack_top != NULL && size < tstate->datastack_limit - tstate->datastack_top;
}
/* Bump-allocate without checks (after _PyThreadState_HasStackSpace). */
static inline _PyInterpreterFrame *_PyFrame_PushUnchecked(PyThreadState *tstate, int size)
{
    _PyInterpreterFrame *f = (_PyInterpreterFrame *)tstate->datastack_top;
    tstate->datastack_top += size;
    return f;
}

/* Drop the frame's references (locals, stack, f_locals, f_funcobj) but
   not f_code; a frame object that outlives the frame takes the data over
   (CPython's take_ownership). */
void _PyFrame_ClearExceptCode(_PyInterpreterFrame *frame);
/* Clear and pop a thread-owned frame (the frame must be unlinked from
   tstate->current_frame already). */
void _PyFrame_ClearAndPopThreadFrame(PyThreadState *tstate, _PyInterpreterFrame *frame);
/* Clear only the locals and value stack (generator close()). */
void _PyFrame_ClearLocals(_PyInterpreterFrame *frame);
/* Move a frame (with its references) to dest: header + locals + stack. */
void _PyFrame_Copy(_PyInterpreterFrame *src, _PyInterpreterFrame *dest);
/* GC support for frames embedded in generators and frame objects. */
int _PyFrame_Traverse(_PyInterpreterFrame *frame, visitproc visit, void *arg);
/* Create the frame object of a frame that has none: BORROWED (stored in
   frame->frame_obj), NULL + exception on failure. */
PyFrameObject *_PyFrame_MakeAndSetFrameObject(_PyInterpreterFrame *frame);
/* Synchronise f_locals (a dict, created if needed) with the fast locals;
   0 / -1.  The dict is frame->f_locals afterwards. */
int _PyFrame_FastToLocalsWithError(_PyInterpreterFrame *frame);
/* New frame object able to hold a frame of `code` (untracked). */
PyFrameObject *_PyFrame_New_NoTrack(PyCodeObject *code);
#endif
