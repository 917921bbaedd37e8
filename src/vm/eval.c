/* eval.c -- the bytecode evaluation loop.
 *
 * _PyEval_EvalFrameDefault runs CPython 3.12's instruction set.  The
 * design is CPython's:
 *
 *  - Dispatch is by computed goto (a table of label addresses indexed by
 *    opcode), with a switch fallback when the compiler lacks the
 *    extension.  The instruction pointer (next_instr) and the value stack
 *    pointer live in C locals; each instruction records itself in
 *    frame->prev_instr as it starts, which is what tracebacks, f_lineno
 *    and the exception table lookup read.
 *
 *  - A Python-to-Python call does not recurse in C: CALL pushes a new
 *    _PyInterpreterFrame on the thread's data stack, links it to the
 *    caller (frame->previous) and jumps to start_frame.  RETURN_VALUE pops
 *    it and pushes the result on the caller's stack.  Only calls that go
 *    through C (a C function calling back into Python, tp_call, ...)
 *    re-enter this function; the frame passed in is the "entry frame" and
 *    when it finishes the function returns.  Generators run their frame
 *    (embedded in the generator object) the same way, inline from SEND
 *    and FOR_ITER_GEN or through gen.send() from C.
 *
 *  - Value-stack references are owned.  Each instruction consumes its
 *    inputs and pushes new references exactly where CPython's bytecodes.c
 *    does (see ../shared/reference/cpython-3.12-memory.md section 8): that
 *    is what makes sys.getrefcount agree with CPython.  In particular a
 *    Python call steals the arguments into the callee's locals, a C call
 *    borrows them and releases them afterwards.
 *
 *  - Exceptions: an instruction that fails jumps to `error`, which adds a
 *    traceback entry for the frame and looks the failing instruction up in
 *    co_exceptiontable.  A handler entry gives the stack depth to unwind
 *    to, whether to push the instruction offset (lasti), and the handler's
 *    address; without one the frame is cleared and popped and the error
 *    continues in the caller (exit_unwind / resume_with_error).
 *
 *  - Recursion: each Python frame counts against sys.getrecursionlimit()
 *    (tstate->py_recursion_remaining); each entry into this function from
 *    C counts against the C limit (tstate->c_recursion_remaining), so deep
 *    recursion through C (a __repr__ calling repr) also ends in
 *    RecursionError rather than a crash.
 *
 *  - Speed: the instructions that have inline caches count their
 *    executions in the first cache unit; when the counter runs out the
 *    specialiser (specialize.c) rewrites the opcode in co_code_adaptive
 *    into a specialised form (opcode_specialized.def) that checks cheap
 *    guards and does the common case directly -- BINARY_OP_ADD_INT,
 *    LOAD_GLOBAL_MODULE, CALL_PY_EXACT_ARGS and so on.  A failed guard
 *    jumps back into the generic instruction (DEOPT_IF), so behaviour is
 *    never changed; co_code shows only the base opcodes.  Quickening also
 *    fuses LOAD_FAST/LOAD_CONST/STORE_FAST pairs (CPython 3.12's
 *    superinstructions), the specialised comparisons jump directly when a
 *    POP_JUMP_IF_* follows, float arithmetic reuses an operand whose only
 *    reference is the stack (as 3.12 does), and LOAD_SUPER_ATTR looks the
 *    name up without building a super object when `super` is the builtin.
 *    Frames that finish without a frame object are released inline.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_opcode.h"
#include "rp_eval.h"
#include "rp_typeobject.h"   /* _PySuper_Lookup */

#if defined(__GNUC__) && !defined(RP_NO_COMPUTED_GOTOS)
#  define USE_COMPUTED_GOTOS 1
#else
#  define USE_COMPUTED_GOTOS 0
#endif

#define ENABLE_SPECIALIZATION 1

/* ---- instruction decoding and dispatch ---- */

#define INSTR_OFFSET() ((int)(next_instr - _PyCode_CODE(frame->f_code)))
#define NEXTOPARG() do { _Py_CODEUNIT word = *next_instr; \
        opcode = word.op.code; oparg = word.op.arg; } while (0)
#define INSTRUCTION_START() (frame->prev_instr = next_instr++)

#if USE_COMPUTED_GOTOS
#  define TARGET(op) TARGET_##op: INSTRUCTION_START();
#  define DISPATCH_GOTO() goto *opcode_targets[opcode]
#else
#  define TARGET(op) case op: INSTRUCTION_START();
#  define DISPATCH_GOTO() goto dispatch_opcode
#endif
/* Label just after the prologue, for deoptimising specialised forms. */
#define PREDICTED(op) PRED_##op:
#define GO_TO_INSTRUCTION(op) goto PRED_##op

#define DISPATCH() do { NEXTOPARG(); DISPATCH_GOTO(); } while (0)
#define DISPATCH_SAME_OPARG() do { opcode = next_instr->op.code; DISPATCH_GOTO(); } while (0)

#define JUMPBY(x) (next_instr += (x))
#define JUMPTO(x) (next_instr = _PyCode_CODE(frame->f_code) + (x))
#define SKIP_OVER(n) (next_instr += (n))

/* ---- the value stack ---- */
#define STACK_LEVEL() ((int)(stack_pointer - _PyFrame_Stackbase(frame)))
#define TOP() (stack_pointer[-1])
#define SECOND() (stack_pointer[-2])
#define THIRD() (stack_pointer[-3])
#define PEEK(n) (stack_pointer[-(n)])
#define SET_TOP(v) (stack_pointer[-1] = (v))
#define SET_SECOND(v) (stack_pointer[-2] = (v))
#define PUSH(v) (*stack_pointer++ = (v))
#define POP() (*--stack_pointer)
#define STACK_SHRINK(n) (stack_pointer -= (n))
#define STACK_GROW(n) (stack_pointer += (n))

/* ---- locals ---- */
#define GETLOCAL(i) (frame->localsplus[i])
#define SETLOCAL(i, value) do { PyObject *tmp_ = GETLOCAL(i); GETLOCAL(i) = (value); \
        Py_XDECREF(tmp_); } while (0)
#define GETITEM(v, i) PyTuple_GET_ITEM((v), (i))
#define GLOBALS() frame->f_globals
#define BUILTINS() frame->f_builtins
#define LOCALS() frame->f_locals
#define CONSTS() frame->f_code->co_consts
#define NAMES() frame->f_code->co_names

/* Save/restore the instruction and stack pointers in the frame.  While a
   frame executes its stacktop is -1, so that the GC (which may traverse a
   running generator's frame) never reads a stale stack. */
#define SET_LOCALS_FROM_FRAME() do { next_instr = frame->prev_instr + 1; \
        stack_pointer = _PyFrame_GetStackPointer(frame); frame->stacktop = -1; } while (0)

#define DISPATCH_INLINED(NEW_FRAME) do { \
        _PyFrame_SetStackPointer(frame, stack_pointer); \
        frame->prev_instr = next_instr - 1; \
        (NEW_FRAME)->previous = frame; \
        frame = tstate->current_frame = (NEW_FRAME); \
        goto start_frame; } while (0)

#define CHECK_EVAL_BREAKER() do { \
        if (Py_UNLIKELY(tstate->interp->eval_breaker)) { \
            if (_Py_HandlePending(tstate) != 0) goto error; \
        } } while (0)

#define DEOPT_IF(cond, instname) do { if (Py_UNLIKELY(cond)) { \
        GO_TO_INSTRUCTION(instname); } } while (0)

#define KWNAMES_LEN() (kwnames == NULL ? 0 : (int)PyTuple_GET_SIZE(kwnames))

static inline int
_Py_EnterRecursivePy(PyThreadState *tstate)
{
    return (tstate->py_recursion_remaining-- <= 0) && _Py_CheckRecursiveCallPy(tstate);
}

static inline void
_Py_LeaveRecursiveCallPy(PyThreadState *tstate)
{
    tstate->py_recursion_remaining++;
}

/* Release a finished frame: thread frames go back to the data stack,
   generator frames are cleared in place. */
static inline void
clear_and_pop_frame(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    if (frame->owner == FRAME_OWNED_BY_THREAD) {
        if (frame->frame_obj == NULL) {
            /* the common case, inline: drop locals, function and code */
            tstate->c_recursion_remaining--;
            PyObject **p = frame->localsplus, **end = p + frame->stacktop;
            for (; p < end; p++) Py_XDECREF(*p);
            Py_XDECREF(frame->f_locals);
            Py_DECREF(frame->f_funcobj);
            Py_DECREF(frame->f_code);
            tstate->c_recursion_remaining++;
            _PyThreadState_PopFrame(tstate, frame);
            return;
        }
        _PyFrame_ClearAndPopThreadFrame(tstate, frame);
    }
    else {
        PyGenObject *gen = _PyFrame_GetGenerator(frame);
        gen->gi_frame_state = FRAME_CLEARED;
        tstate->exc_info = gen->gi_exc_state.previous_item;
        gen->gi_exc_state.previous_item = NULL;
        tstate->c_recursion_remaining--;
        _PyFrame_ClearExceptCode(frame);
        tstate->c_recursion_remaining++;
        frame->previous = NULL;
    }
}

#define UNBOUNDLOCAL_ERROR_MSG \
    "cannot access local variable '%s' where it is not associated with a value"
#define NAME_ERROR_MSG "name '%.200s' is not defined"

/* The inline cache of LOAD_ATTR etc. is read as 16-bit units. */
static inline uint32_t read_u32(const uint16_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }

/* Compact-int comparison bit, as CPython's COMPARE_OP_INT uses the mask
   in the low four bits of the oparg: 2 <, 4 >, 8 ==, 1 unordered. */
#define COMPARISON_BIT(x, y) (1 << (2 * ((x) >= (y)) + ((x) <= (y))))

PyObject *
_PyEval_EvalFrameDefault(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag)
{
#if USE_COMPUTED_GOTOS
#  pragma GCC diagnostic push
#  pragma GCC diagnostic ignored "-Woverride-init"
    static void *opcode_targets[256] = {
        [0 ... 255] = &&_unknown_opcode,
#define T(op) [op] = &&TARGET_##op,
        T(NOP) T(RESUME) T(EXTENDED_ARG) T(POP_TOP) T(PUSH_NULL) T(END_FOR) T(END_SEND)
        T(LOAD_FAST) T(LOAD_FAST_CHECK) T(LOAD_FAST_AND_CLEAR) T(LOAD_CLOSURE) T(LOAD_CONST)
        T(STORE_FAST) T(DELETE_FAST) T(RETURN_VALUE) T(RETURN_CONST)
        T(UNARY_NEGATIVE) T(UNARY_NOT) T(UNARY_INVERT) T(BINARY_OP) T(BINARY_SUBSCR)
        T(BINARY_SLICE) T(STORE_SLICE) T(STORE_SUBSCR) T(DELETE_SUBSCR)
        T(CALL_INTRINSIC_1) T(CALL_INTRINSIC_2) T(RAISE_VARARGS) T(RERAISE)
        T(GET_AITER) T(GET_ANEXT) T(GET_AWAITABLE) T(SEND) T(YIELD_VALUE) T(POP_EXCEPT)
        T(END_ASYNC_FOR) T(CLEANUP_THROW) T(LOAD_ASSERTION_ERROR) T(LOAD_BUILD_CLASS)
        T(STORE_NAME) T(DELETE_NAME) T(UNPACK_SEQUENCE) T(UNPACK_EX) T(STORE_ATTR)
        T(DELETE_ATTR) T(STORE_GLOBAL) T(DELETE_GLOBAL) T(LOAD_LOCALS) T(LOAD_NAME)
        T(LOAD_FROM_DICT_OR_GLOBALS) T(LOAD_GLOBAL) T(DELETE_DEREF)
        T(LOAD_FROM_DICT_OR_DEREF) T(LOAD_DEREF) T(STORE_DEREF) T(COPY_FREE_VARS)
        T(MAKE_CELL) T(BUILD_STRING) T(BUILD_TUPLE) T(BUILD_LIST) T(LIST_EXTEND)
        T(SET_UPDATE) T(BUILD_SET) T(BUILD_MAP) T(SETUP_ANNOTATIONS) T(BUILD_CONST_KEY_MAP)
        T(DICT_UPDATE) T(DICT_MERGE) T(MAP_ADD) T(LIST_APPEND) T(SET_ADD)
        T(LOAD_SUPER_ATTR) T(LOAD_ATTR) T(COMPARE_OP) T(IS_OP) T(CONTAINS_OP)
        T(CHECK_EG_MATCH) T(CHECK_EXC_MATCH) T(IMPORT_NAME) T(IMPORT_FROM) T(JUMP_FORWARD)
        T(JUMP_BACKWARD) T(JUMP_BACKWARD_NO_INTERRUPT) T(POP_JUMP_IF_FALSE)
        T(POP_JUMP_IF_TRUE) T(POP_JUMP_IF_NOT_NONE) T(POP_JUMP_IF_NONE) T(GET_LEN)
        T(MATCH_CLASS) T(MATCH_MAPPING) T(MATCH_SEQUENCE) T(MATCH_KEYS) T(GET_ITER)
        T(GET_YIELD_FROM_ITER) T(FOR_ITER) T(BEFORE_ASYNC_WITH) T(BEFORE_WITH)
        T(WITH_EXCEPT_START) T(PUSH_EXC_INFO) T(KW_NAMES) T(CALL) T(CALL_FUNCTION_EX)
        T(MAKE_FUNCTION) T(RETURN_GENERATOR) T(BUILD_SLICE) T(FORMAT_VALUE) T(COPY) T(SWAP)
#undef T
#define RP_SPECIALIZED(name, num, base) [num] = &&TARGET_##name,
#include "opcode_specialized.def"
#undef RP_SPECIALIZED
    };
#  pragma GCC diagnostic pop
#endif

    _Py_CODEUNIT *next_instr;
    PyObject **stack_pointer;
    int opcode;
    int oparg;
    PyObject *kwnames = NULL;
    PyObject *retval;
    _PyInterpreterFrame *entry_frame = frame;

    frame->previous = tstate->current_frame;
    tstate->current_frame = frame;

    if (_Py_EnterRecursiveCallTstate(tstate, "")) {
        /* exit_unwind gives both back */
        tstate->c_recursion_remaining--;
        tstate->py_recursion_remaining--;
        goto exit_unwind;
    }

    if (throwflag) {
        if (_Py_EnterRecursivePy(tstate)) goto exit_unwind;
        goto resume_with_error;
    }

start_frame:
    if (_Py_EnterRecursivePy(tstate)) goto exit_unwind;

resume_frame:
    SET_LOCALS_FROM_FRAME();
    DISPATCH();

#if !USE_COMPUTED_GOTOS
dispatch_opcode:
    switch (opcode)
#endif
    {
    TARGET(NOP) {
        DISPATCH();
    }

    TARGET(RESUME) {
        if (oparg < 2) CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(EXTENDED_ARG) {
        opcode = next_instr->op.code;
        oparg = oparg << 8 | next_instr->op.arg;
        DISPATCH_GOTO();
    }

    TARGET(LOAD_FAST) {
        PyObject *value = GETLOCAL(oparg);
        Py_INCREF(value);
        PUSH(value);
        DISPATCH();
    }

    TARGET(LOAD_FAST__LOAD_FAST) {
        PyObject *value = GETLOCAL(oparg);
        Py_INCREF(value);
        PUSH(value);
        NEXTOPARG();
        next_instr++;
        value = GETLOCAL(oparg);
        Py_INCREF(value);
        PUSH(value);
        DISPATCH();
    }

    TARGET(LOAD_FAST__LOAD_CONST) {
        PyObject *value = GETLOCAL(oparg);
        Py_INCREF(value);
        PUSH(value);
        NEXTOPARG();
        next_instr++;
        value = GETITEM(CONSTS(), oparg);
        Py_INCREF(value);
        PUSH(value);
        DISPATCH();
    }

    TARGET(LOAD_FAST_CHECK) {
        PyObject *value = GETLOCAL(oparg);
        if (value == NULL) goto unbound_local_error;
        Py_INCREF(value);
        PUSH(value);
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {
        PyObject *value = GETLOCAL(oparg);
        if (value == NULL) goto unbound_local_error;
        Py_INCREF(value);
        PUSH(value);
        DISPATCH();
    }

    TARGET(LOAD_FAST_AND_CLEAR) {
        PyObject *value = GETLOCAL(oparg);
        GETLOCAL(oparg) = NULL;
        PUSH(value);
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        PyObject *value = GETITEM(CONSTS(), oparg);
        Py_INCREF(value);
        PUSH(value);
        DISPATCH();
    }

    TARGET(LOAD_CONST__LOAD_FAST) {
        PyObject *value = GETITEM(CONSTS(), oparg);
        Py_INCREF(value);
        PUSH(value);
        NEXTOPARG();
        next_instr++;
        value = GETLOCAL(oparg);
        Py_INCREF(value);
        PUSH(value);
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        PyObject *value = POP();
        SETLOCAL(oparg, value);
        DISPATCH();
    }

    TARGET(STORE_FAST__LOAD_FAST) {
        PyObject *value = POP();
        SETLOCAL(oparg, value);
        NEXTOPARG();
        next_instr++;
        value = GETLOCAL(oparg);
        Py_INCREF(value);
        PUSH(value);
        DISPATCH();
    }

    TARGET(STORE_FAST__STORE_FAST) {
        PyObject *value = POP();
        SETLOCAL(oparg, value);
        NEXTOPARG();
        next_instr++;
        value = POP();
        SETLOCAL(oparg, value);
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        PyObject *v = GETLOCAL(oparg);
        if (v == NULL) goto unbound_local_error;
        SETLOCAL(oparg, NULL);
        DISPATCH();
    }

    TARGET(POP_TOP) {
        PyObject *value = POP();
        Py_DECREF(value);
        DISPATCH();
    }

    TARGET(PUSH_NULL) {
        PUSH(NULL);
        DISPATCH();
    }

    TARGET(END_FOR) {
        PyObject *value = POP();
        Py_DECREF(value);
        value = POP();
        Py_DECREF(value);
        DISPATCH();
    }

    TARGET(END_SEND) {
        PyObject *value = POP();
        PyObject *receiver = TOP();
        Py_DECREF(receiver);
        SET_TOP(value);
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        PyObject *value = TOP();
        PyObject *res = PyNumber_Negative(value);
        Py_DECREF(value);
        if (res == NULL) goto pop_1_error;
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        PyObject *value = TOP();
        int err = PyObject_IsTrue(value);
        Py_DECREF(value);
        if (err < 0) goto pop_1_error;
        SET_TOP(err == 0 ? Py_True : Py_False);
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        PyObject *value = TOP();
        PyObject *res = PyNumber_Invert(value);
        Py_DECREF(value);
        if (res == NULL) goto pop_1_error;
        SET_TOP(res);
        DISPATCH();
    }

    /* ------------------------------------------------ binary ops */

    TARGET(BINARY_OP) {
        PREDICTED(BINARY_OP)
        PyObject *rhs = TOP();
        PyObject *lhs = SECOND();
#if ENABLE_SPECIALIZATION
        if (ADAPTIVE_COUNTER_IS_ZERO(next_instr->cache)) {
            next_instr--;
            _PySpecialize_BinaryOp(lhs, rhs, next_instr, oparg, frame->localsplus);
            DISPATCH_SAME_OPARG();
        }
        DECREMENT_ADAPTIVE_COUNTER(next_instr->cache);
#endif
        PyObject *res = _PyEval_BinaryOps[oparg](lhs, rhs);
        Py_DECREF(lhs);
        Py_DECREF(rhs);
        if (res == NULL) goto pop_2_error;
        STACK_SHRINK(1);
        SET_TOP(res);
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(BINARY_OP_ADD_INT) {
        PyObject *right = TOP(), *left = SECOND();
        DEOPT_IF(!PyLong_CheckExact(left) || !PyLong_CheckExact(right), BINARY_OP);
        PyObject *res;
        if (_PyLong_IsCompact((PyLongObject *)left) && _PyLong_IsCompact((PyLongObject *)right)) {
            res = PyLong_FromSsize_t(_PyLong_CompactValue((PyLongObject *)left) +
                                     _PyLong_CompactValue((PyLongObject *)right));
        }
        else {
            res = _PyLong_Add((PyLongObject *)left, (PyLongObject *)right);
        }
        Py_DECREF(left);
        Py_DECREF(right);
        if (res == NULL) goto pop_2_error;
        STACK_SHRINK(1);
        SET_TOP(res);
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(BINARY_OP_SUBTRACT_INT) {
        PyObject *right = TOP(), *left = SECOND();
        DEOPT_IF(!PyLong_CheckExact(left) || !PyLong_CheckExact(right), BINARY_OP);
        PyObject *res;
        if (_PyLong_IsCompact((PyLongObject *)left) && _PyLong_IsCompact((PyLongObject *)right)) {
            res = PyLong_FromSsize_t(_PyLong_CompactValue((PyLongObject *)left) -
                                     _PyLong_CompactValue((PyLongObject *)right));
        }
        else {
            res = _PyLong_Subtract((PyLongObject *)left, (PyLongObject *)right);
        }
        Py_DECREF(left);
        Py_DECREF(right);
        if (res == NULL) goto pop_2_error;
        STACK_SHRINK(1);
        SET_TOP(res);
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(BINARY_OP_MULTIPLY_INT) {
        PyObject *right = TOP(), *left = SECOND();
        DEOPT_IF(!PyLong_CheckExact(left) || !PyLong_CheckExact(right), BINARY_OP);
        PyObject *res;
        if (_PyLong_IsCompact((PyLongObject *)left) && _PyLong_IsCompact((PyLongObject *)right)) {
            /* |a|,|b| < 2**30, so the product fits in 61 bits */
            res = PyLong_FromLongLong((long long)_PyLong_CompactValue((PyLongObject *)left) *
                                      (long long)_PyLong_CompactValue((PyLongObject *)right));
        }
        else {
            res = _PyLong_Multiply((PyLongObject *)left, (PyLongObject *)right);
        }
        Py_DECREF(left);
        Py_DECREF(right);
        if (res == NULL) goto pop_2_error;
        STACK_SHRINK(1);
        SET_TOP(res);
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(BINARY_OP_REMAINDER_INT) {
        PyObject *right = TOP(), *left = SECOND();
        DEOPT_IF(!PyLong_CheckExact(left) || !PyLong_CheckExact(right), BINARY_OP);
        PyObject *res;
        if (_PyLong_IsCompact((PyLongObject *)left) && _PyLong_IsCompact((PyLongObject *)right) &&
            !_PyLong_IsZero((PyLongObject *)right)) {
            Py_ssize_t a = _PyLong_CompactValue((PyLongObject *)left);
            Py_ssize_t b = _PyLong_CompactValue((PyLongObject *)right);
            Py_ssize_t r = a % b;
            if (r != 0 && ((r ^ b) < 0)) r += b;
            res = PyLong_FromSsize_t(r);
        }
        else {
            /* big ints or a zero divisor: int's own slot, as the generic op */
            res = PyLong_Type.tp_as_number->nb_remainder(left, right);
        }
        Py_DECREF(left);
        Py_DECREF(right);
        if (res == NULL) goto pop_2_error;
        STACK_SHRINK(1);
        SET_TOP(res);
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(BINARY_OP_FLOOR_DIVIDE_INT) {
        PyObject *right = TOP(), *left = SECOND();
        DEOPT_IF(!PyLong_CheckExact(left) || !PyLong_CheckExact(right), BINARY_OP);
        PyObject *res;
        if (_PyLong_IsCompact((PyLongObject *)left) && _PyLong_IsCompact((PyLongObject *)right) &&
            !_PyLong_IsZero((PyLongObject *)right)) {
            Py_ssize_t a = _PyLong_CompactValue((PyLongObject *)left);
            Py_ssize_t b = _PyLong_CompactValue((PyLongObject *)right);
            Py_ssize_t q = a / b;
            if ((a % b != 0) && ((a ^ b) < 0)) q--;
            res = PyLong_FromSsize_t(q);
        }
        else {
            res = PyLong_Type.tp_as_number->nb_floor_divide(left, right);
        }
        Py_DECREF(left);
        Py_DECREF(right);
        if (res == NULL) goto pop_2_error;
        STACK_SHRINK(1);
        SET_TOP(res);
        SKIP_OVER(1);
        DISPATCH();
    }

#define FLOAT_BINOP(NAME, EXPR) \
    TARGET(NAME) { \
        PyObject *right = TOP(), *left = SECOND(); \
        DEOPT_IF(!PyFloat_CheckExact(left) || !PyFloat_CheckExact(right), BINARY_OP); \
        double dl = PyFloat_AS_DOUBLE(left), dr = PyFloat_AS_DOUBLE(right); \
        double dres = (EXPR); \
        PyObject *res; \
        if (Py_REFCNT(left) == 1) { \
            ((PyFloatObject *)left)->ob_fval = dres; \
            Py_DECREF(right); \
            res = left; \
        } \
        else if (Py_REFCNT(right) == 1) { \
            ((PyFloatObject *)right)->ob_fval = dres; \
            Py_DECREF(left); \
            res = right; \
        } \
        else { \
            res = PyFloat_FromDouble(dres); \
            Py_DECREF(left); \
            Py_DECREF(right); \
            if (res == NULL) goto pop_2_error; \
        } \
        STACK_SHRINK(1); \
        SET_TOP(res); \
        SKIP_OVER(1); \
        DISPATCH(); \
    }
    FLOAT_BINOP(BINARY_OP_ADD_FLOAT, dl + dr)
    FLOAT_BINOP(BINARY_OP_SUBTRACT_FLOAT, dl - dr)
    FLOAT_BINOP(BINARY_OP_MULTIPLY_FLOAT, dl * dr)
#undef FLOAT_BINOP

    TARGET(BINARY_OP_TRUE_DIVIDE_FLOAT) {
        PyObject *right = TOP(), *left = SECOND();
        DEOPT_IF(!PyFloat_CheckExact(left) || !PyFloat_CheckExact(right), BINARY_OP);
        DEOPT_IF(PyFloat_AS_DOUBLE(right) == 0.0, BINARY_OP);
        double dres = PyFloat_AS_DOUBLE(left) / PyFloat_AS_DOUBLE(right);
        PyObject *res = PyFloat_FromDouble(dres);
        Py_DECREF(left);
        Py_DECREF(right);
        if (res == NULL) goto pop_2_error;
        STACK_SHRINK(1);
        SET_TOP(res);
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(BINARY_OP_INPLACE_ADD_UNICODE) {
        /* left is also the local that the following STORE_FAST writes:
           drop the stack's reference (the local keeps it alive), append in
           place when the string is not shared, and skip the STORE_FAST,
           whose job is done -- exactly CPython 3.12's instruction. */
        PyObject *right = TOP(), *left = SECOND();
        DEOPT_IF(!PyUnicode_CheckExact(left) || !PyUnicode_CheckExact(right), BINARY_OP);
        _Py_CODEUNIT true_next = next_instr[1];
        PyObject **target_local = &GETLOCAL(true_next.op.arg);
        DEOPT_IF(*target_local != left, BINARY_OP);
        /* refcount >= 2: the stack and the local; this cannot deallocate */
        Py_DECREF(left);
        PyUnicode_Append(target_local, right);
        Py_DECREF(right);
        STACK_SHRINK(2);
        if (*target_local == NULL) goto error;
        JUMPBY(1 + 1);
        DISPATCH();
    }

    TARGET(BINARY_OP_ADD_UNICODE) {
        PyObject *right = TOP(), *left = SECOND();
        DEOPT_IF(!PyUnicode_CheckExact(left) || !PyUnicode_CheckExact(right), BINARY_OP);
        PyObject *res = PyUnicode_Concat(left, right);
        Py_DECREF(left);
        Py_DECREF(right);
        if (res == NULL) goto pop_2_error;
        STACK_SHRINK(1);
        SET_TOP(res);
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        PREDICTED(BINARY_SUBSCR)
        PyObject *sub = TOP();
        PyObject *container = SECOND();
#if ENABLE_SPECIALIZATION
        if (ADAPTIVE_COUNTER_IS_ZERO(next_instr->cache)) {
            next_instr--;
            _PySpecialize_BinarySubscr(container, sub, next_instr);
            DISPATCH_SAME_OPARG();
        }
        DECREMENT_ADAPTIVE_COUNTER(next_instr->cache);
#endif
        PyObject *res = PyObject_GetItem(container, sub);
        Py_DECREF(container);
        Py_DECREF(sub);
        if (res == NULL) goto pop_2_error;
        STACK_SHRINK(1);
        SET_TOP(res);
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR_LIST_INT) {
        PyObject *sub = TOP(), *list = SECOND();
        DEOPT_IF(!PyLong_CheckExact(sub) || !PyList_CheckExact(list), BINARY_SUBSCR);
        DEOPT_IF(!_PyLong_IsCompact((PyLongObject *)sub), BINARY_SUBSCR);
        Py_ssize_t index = _PyLong_CompactValue((PyLongObject *)sub);
        DEOPT_IF(index < 0 || index >= PyList_GET_SIZE(list), BINARY_SUBSCR);
        PyObject *res = PyList_GET_ITEM(list, index);
        Py_INCREF(res);
        Py_DECREF(sub);
        Py_DECREF(list);
        STACK_SHRINK(1);
        SET_TOP(res);
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR_TUPLE_INT) {
        PyObject *sub = TOP(), *tuple = SECOND();
        DEOPT_IF(!PyLong_CheckExact(sub) || !PyTuple_CheckExact(tuple), BINARY_SUBSCR);
        DEOPT_IF(!_PyLong_IsCompact((PyLongObject *)sub), BINARY_SUBSCR);
        Py_ssize_t index = _PyLong_CompactValue((PyLongObject *)sub);
        DEOPT_IF(index < 0 || index >= PyTuple_GET_SIZE(tuple), BINARY_SUBSCR);
        PyObject *res = PyTuple_GET_ITEM(tuple, index);
        Py_INCREF(res);
        Py_DECREF(sub);
        Py_DECREF(tuple);
        STACK_SHRINK(1);
        SET_TOP(res);
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR_DICT) {
        PyObject *sub = TOP(), *dict = SECOND();
        DEOPT_IF(!PyDict_CheckExact(dict), BINARY_SUBSCR);
        PyObject *res = PyDict_GetItemWithError(dict, sub);
        if (res == NULL) {
            if (!PyErr_Occurred()) _PyEval_SetKeyError(sub);
            Py_DECREF(dict);
            Py_DECREF(sub);
            goto pop_2_error;
        }
        Py_INCREF(res);
        Py_DECREF(dict);
        Py_DECREF(sub);
        STACK_SHRINK(1);
        SET_TOP(res);
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(BINARY_SLICE) {
        PyObject *stop = POP();
        PyObject *start = POP();
        PyObject *container = TOP();
        PyObject *slice = _PyBuildSlice_ConsumeRefs(start, stop);
        PyObject *res;
        if (slice == NULL) {
            res = NULL;
        }
        else {
            res = PyObject_GetItem(container, slice);
            Py_DECREF(slice);
        }
        Py_DECREF(container);
        if (res == NULL) goto pop_1_error;
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(STORE_SLICE) {
        PyObject *stop = POP();
        PyObject *start = POP();
        PyObject *container = POP();
        PyObject *v = POP();
        PyObject *slice = _PyBuildSlice_ConsumeRefs(start, stop);
        int err;
        if (slice == NULL) {
            err = 1;
        }
        else {
            err = PyObject_SetItem(container, slice, v);
            Py_DECREF(slice);
        }
        Py_DECREF(v);
        Py_DECREF(container);
        if (err) goto error;
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        PREDICTED(STORE_SUBSCR)
        PyObject *sub = TOP();
        PyObject *container = SECOND();
        PyObject *v = THIRD();
#if ENABLE_SPECIALIZATION
        if (ADAPTIVE_COUNTER_IS_ZERO(next_instr->cache)) {
            next_instr--;
            _PySpecialize_StoreSubscr(container, sub, next_instr);
            DISPATCH_SAME_OPARG();
        }
        DECREMENT_ADAPTIVE_COUNTER(next_instr->cache);
#endif
        int err = PyObject_SetItem(container, sub, v);
        Py_DECREF(v);
        Py_DECREF(container);
        Py_DECREF(sub);
        STACK_SHRINK(3);
        if (err) goto error;
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR_LIST_INT) {
        PyObject *sub = TOP(), *list = SECOND(), *value = THIRD();
        DEOPT_IF(!PyLong_CheckExact(sub) || !PyList_CheckExact(list), STORE_SUBSCR);
        DEOPT_IF(!_PyLong_IsCompact((PyLongObject *)sub), STORE_SUBSCR);
        Py_ssize_t index = _PyLong_CompactValue((PyLongObject *)sub);
        DEOPT_IF(index < 0 || index >= PyList_GET_SIZE(list), STORE_SUBSCR);
        PyObject *old = PyList_GET_ITEM(list, index);
        PyList_SET_ITEM(list, index, value);
        STACK_SHRINK(3);
        Py_DECREF(old);
        Py_DECREF(sub);
        Py_DECREF(list);
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR_DICT) {
        PyObject *sub = TOP(), *dict = SECOND(), *value = THIRD();
        DEOPT_IF(!PyDict_CheckExact(dict), STORE_SUBSCR);
        STACK_SHRINK(3);
        int err = _PyDict_SetItem_Take2((PyDictObject *)dict, sub, value);
        Py_DECREF(dict);
        if (err) goto error;
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        PyObject *sub = POP();
        PyObject *container = POP();
        int err = PyObject_DelItem(container, sub);
        Py_DECREF(container);
        Py_DECREF(sub);
        if (err) goto error;
        DISPATCH();
    }

    TARGET(CALL_INTRINSIC_1) {
        PyObject *value = TOP();
        PyObject *res;
        if (oparg < 1 || oparg > RP_MAX_INTRINSIC_1) {
            PyErr_SetString(PyExc_SystemError, "invalid intrinsic function");
            res = NULL;
        }
        else {
            res = _PyEval_Intrinsic1(tstate, oparg, value);
        }
        Py_DECREF(value);
        if (res == NULL) goto pop_1_error;
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(CALL_INTRINSIC_2) {
        PyObject *value1 = TOP();
        PyObject *value2 = SECOND();
        PyObject *res;
        if (oparg < 1 || oparg > RP_MAX_INTRINSIC_2) {
            PyErr_SetString(PyExc_SystemError, "invalid intrinsic function");
            res = NULL;
        }
        else {
            res = _PyEval_Intrinsic2(tstate, oparg, value2, value1);
        }
        Py_DECREF(value2);
        Py_DECREF(value1);
        if (res == NULL) goto pop_2_error;
        STACK_SHRINK(1);
        SET_TOP(res);
        DISPATCH();
    }

    /* ------------------------------------------------ raising */

    TARGET(RAISE_VARARGS) {
        PyObject *cause = NULL, *exc = NULL;
        switch (oparg) {
        case 2:
            cause = PEEK(1);
            exc = PEEK(2);
            break;
        case 1:
            exc = PEEK(1);
            break;
        case 0:
            break;
        default:
            PyErr_SetString(PyExc_SystemError, "bad RAISE_VARARGS oparg");
            goto error;
        }
        STACK_SHRINK(oparg);
        if (_PyEval_DoRaise(tstate, exc, cause)) {
            /* bare "raise": re-raise without a new traceback entry */
            goto exception_unwind;
        }
        goto error;
    }

    TARGET(RERAISE) {
        PyObject *exc = POP();
        if (oparg) {
            PyObject *lasti = PEEK(oparg);
            if (PyLong_Check(lasti)) {
                frame->prev_instr = _PyCode_CODE(frame->f_code) + PyLong_AsLong(lasti);
            }
            else {
                Py_DECREF(exc);
                PyErr_SetString(PyExc_SystemError, "lasti is not an int");
                goto error;
            }
        }
        PyErr_SetRaisedException(exc);   /* steals the stack's reference */
        goto exception_unwind;
    }

    TARGET(POP_EXCEPT) {
        PyObject *exc_value = POP();
        _PyErr_StackItem *exc_info = tstate->exc_info;
        Py_XSETREF(exc_info->exc_value, exc_value);
        DISPATCH();
    }

    TARGET(PUSH_EXC_INFO) {
        PyObject *new_exc = TOP();
        _PyErr_StackItem *exc_info = tstate->exc_info;
        PyObject *prev_exc = exc_info->exc_value != NULL ? exc_info->exc_value : Py_None;
        exc_info->exc_value = Py_NewRef(new_exc);
        SET_TOP(prev_exc);
        PUSH(new_exc);
        DISPATCH();
    }

    TARGET(CHECK_EXC_MATCH) {
        PyObject *right = TOP();
        PyObject *left = SECOND();
        if (_PyEval_CheckExceptTypeValid(tstate, right) < 0) {
            Py_DECREF(right);
            goto pop_1_error;
        }
        int res = PyErr_GivenExceptionMatches(left, right);
        Py_DECREF(right);
        SET_TOP(res ? Py_True : Py_False);
        DISPATCH();
    }

    TARGET(CHECK_EG_MATCH) {
        PyObject *match_type = TOP();
        PyObject *exc_value = SECOND();
        if (_PyEval_CheckExceptStarTypeValid(tstate, match_type) < 0) {
            Py_DECREF(exc_value);
            Py_DECREF(match_type);
            goto pop_2_error;
        }
        PyObject *match = NULL, *rest = NULL;
        int res = _PyEval_ExceptionGroupMatch(exc_value, match_type, &match, &rest);
        Py_DECREF(exc_value);
        Py_DECREF(match_type);
        if (res < 0 || match == NULL) {
            Py_XDECREF(match);
            Py_XDECREF(rest);
            goto pop_2_error;
        }
        if (!Py_IsNone(match)) PyErr_SetHandledException(match);
        SET_SECOND(rest);
        SET_TOP(match);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        PyObject *val = TOP();
        PyObject *exit_func = PEEK(4);
        PyObject *exc = PyExceptionInstance_Class(val);
        PyObject *tb = PyException_GetTraceback(val);
        if (tb == NULL) tb = Py_None;
        else Py_DECREF(tb);
        PyObject *stack[4] = {NULL, exc, val, tb};
        PyObject *res = PyObject_Vectorcall(exit_func, stack + 1,
                                            3 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
        if (res == NULL) goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(Py_NewRef(PyExc_AssertionError));
        DISPATCH();
    }

    TARGET(CLEANUP_THROW) {
        PyObject *exc_value = TOP();
        PyObject *last_sent_val = SECOND();
        PyObject *sub_iter = THIRD();
        if (PyErr_GivenExceptionMatches(exc_value, PyExc_StopIteration)) {
            PyObject *value = ((PyStopIterationObject *)exc_value)->value;
            value = Py_NewRef(value ? value : Py_None);
            Py_DECREF(sub_iter);
            Py_DECREF(last_sent_val);
            Py_DECREF(exc_value);
            STACK_SHRINK(1);
            SET_SECOND(Py_None);
            SET_TOP(value);
            DISPATCH();
        }
        PyErr_SetRaisedException(Py_NewRef(exc_value));
        goto exception_unwind;
    }

    /* ------------------------------------------------ names */

    TARGET(LOAD_BUILD_CLASS) {
        PyObject *bc;
        if (PyDict_CheckExact(BUILTINS())) {
            bc = PyDict_GetItemWithError(BUILTINS(), _Py_ID(__build_class__));
            if (bc == NULL) {
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_NameError, "__build_class__ not found");
                goto error;
            }
            Py_INCREF(bc);
        }
        else {
            bc = PyObject_GetItem(BUILTINS(), _Py_ID(__build_class__));
            if (bc == NULL) {
                if (PyErr_ExceptionMatches(PyExc_KeyError))
                    PyErr_SetString(PyExc_NameError, "__build_class__ not found");
                goto error;
            }
        }
        PUSH(bc);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        PyObject *name = GETITEM(NAMES(), oparg);
        PyObject *v = POP();
        PyObject *ns = LOCALS();
        int err;
        if (ns == NULL) {
            PyErr_Format(PyExc_SystemError, "no locals found when storing %R", name);
            Py_DECREF(v);
            goto error;
        }
        if (PyDict_CheckExact(ns)) err = PyDict_SetItem(ns, name, v);
        else err = PyObject_SetItem(ns, name, v);
        Py_DECREF(v);
        if (err) goto error;
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        PyObject *name = GETITEM(NAMES(), oparg);
        PyObject *ns = LOCALS();
        if (ns == NULL) {
            PyErr_Format(PyExc_SystemError, "no locals when deleting %R", name);
            goto error;
        }
        if (PyObject_DelItem(ns, name) != 0) {
            _PyEval_FormatExcCheckArg(tstate, PyExc_NameError, NAME_ERROR_MSG, name);
            goto error;
        }
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        PyObject *seq = TOP();
        /* exact tuples and lists of the right size need no iterator */
        if (PyTuple_CheckExact(seq) && PyTuple_GET_SIZE(seq) == oparg) {
            PyObject **items = _PyTuple_ITEMS(seq);
            STACK_SHRINK(1);
            for (int i = oparg; --i >= 0; ) PUSH(Py_NewRef(items[i]));
            Py_DECREF(seq);
        }
        else if (PyList_CheckExact(seq) && PyList_GET_SIZE(seq) == oparg) {
            PyObject **items = _PyList_CAST(seq)->ob_item;
            STACK_SHRINK(1);
            for (int i = oparg; --i >= 0; ) PUSH(Py_NewRef(items[i]));
            Py_DECREF(seq);
        }
        else {
            PyObject **top = stack_pointer + oparg - 1;
            int res = _PyEval_UnpackIterable(tstate, seq, oparg, -1, top);
            Py_DECREF(seq);
            if (res == 0) goto pop_1_error;
            STACK_SHRINK(1);
            STACK_GROW(oparg);
        }
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        int totalargs = 1 + (oparg & 0xFF) + (oparg >> 8);
        PyObject *seq = TOP();
        PyObject **top = stack_pointer + totalargs - 1;
        int res = _PyEval_UnpackIterable(tstate, seq, oparg & 0xFF, oparg >> 8, top);
        Py_DECREF(seq);
        if (res == 0) goto pop_1_error;
        STACK_SHRINK(1);
        STACK_GROW(totalargs);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        PyObject *name = GETITEM(NAMES(), oparg);
        PyObject *v = POP();
        int err = PyDict_SetItem(GLOBALS(), name, v);
        Py_DECREF(v);
        if (err) goto error;
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        PyObject *name = GETITEM(NAMES(), oparg);
        if (PyDict_DelItem(GLOBALS(), name) != 0) {
            if (PyErr_ExceptionMatches(PyExc_KeyError))
                _PyEval_FormatExcCheckArg(tstate, PyExc_NameError, NAME_ERROR_MSG, name);
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_LOCALS) {
        PyObject *locals = LOCALS();
        if (locals == NULL) {
            PyErr_SetString(PyExc_SystemError, "no locals found");
            goto error;
        }
        PUSH(Py_NewRef(locals));
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        PyObject *locals = LOCALS();
        if (locals == NULL) {
            PyErr_SetString(PyExc_SystemError, "no locals found");
            goto error;
        }
        PyObject *name = GETITEM(NAMES(), oparg);
        PyObject *v = _PyEval_LoadFromDictOrGlobals(tstate, frame, locals, name);
        if (v == NULL) goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_FROM_DICT_OR_GLOBALS) {
        PyObject *mod_or_class_dict = TOP();
        PyObject *name = GETITEM(NAMES(), oparg);
        PyObject *v = _PyEval_LoadFromDictOrGlobals(tstate, frame, mod_or_class_dict, name);
        Py_DECREF(mod_or_class_dict);
        if (v == NULL) goto pop_1_error;
        SET_TOP(v);
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
        PREDICTED(LOAD_GLOBAL)
#if ENABLE_SPECIALIZATION
        if (ADAPTIVE_COUNTER_IS_ZERO(next_instr->cache)) {
            next_instr--;
            _PySpecialize_LoadGlobal(GLOBALS(), BUILTINS(), frame->f_code, next_instr,
                                     GETITEM(NAMES(), oparg >> 1));
            DISPATCH_SAME_OPARG();
        }
        DECREMENT_ADAPTIVE_COUNTER(next_instr->cache);
#endif
        PyObject *name = GETITEM(NAMES(), oparg >> 1);
        PyObject *v = _PyEval_LoadGlobal(tstate, GLOBALS(), BUILTINS(), name);
        if (v == NULL) goto error;
        if (oparg & 1) PUSH(NULL);
        PUSH(v);
        SKIP_OVER(4);
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL_MODULE) {
        struct _rp_global_cache *c = _PySpecialize_GlobalCache(frame->f_code, next_instr[1].cache);
        DEOPT_IF(GLOBALS() != c->dict, LOAD_GLOBAL);
        if (((PyDictObject *)GLOBALS())->ma_version_tag != c->globals_version) {
            /* globals changed (often just another variable's value):
               re-validate in place instead of deoptimising */
            PyObject *name = GETITEM(NAMES(), oparg >> 1);
            uint64_t ver = ((PyDictObject *)GLOBALS())->ma_version_tag;
            PyObject *found = _PyDict_GetItem_KnownHash(GLOBALS(), name, _PyEval_StrHash(name));
            if (found == NULL && PyErr_Occurred()) goto error;
            DEOPT_IF(found == NULL || ((PyDictObject *)GLOBALS())->ma_version_tag != ver,
                     LOAD_GLOBAL);
            c->value = found;
            c->globals_version = ver;
        }
        PyObject *v = c->value;
        Py_INCREF(v);
        if (oparg & 1) PUSH(NULL);
        PUSH(v);
        SKIP_OVER(4);
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL_BUILTIN) {
        struct _rp_global_cache *c = _PySpecialize_GlobalCache(frame->f_code, next_instr[1].cache);
        DEOPT_IF(GLOBALS() != c->dict || BUILTINS() != c->builtins, LOAD_GLOBAL);
        DEOPT_IF(((PyDictObject *)BUILTINS())->ma_version_tag != c->builtins_version, LOAD_GLOBAL);
        if (((PyDictObject *)GLOBALS())->ma_version_tag != c->globals_version) {
            /* still not shadowed by a global? */
            PyObject *name = GETITEM(NAMES(), oparg >> 1);
            uint64_t ver = ((PyDictObject *)GLOBALS())->ma_version_tag;
            PyObject *found = _PyDict_GetItem_KnownHash(GLOBALS(), name, _PyEval_StrHash(name));
            if (found == NULL && PyErr_Occurred()) goto error;
            DEOPT_IF(found != NULL || ((PyDictObject *)GLOBALS())->ma_version_tag != ver ||
                     ((PyDictObject *)BUILTINS())->ma_version_tag != c->builtins_version,
                     LOAD_GLOBAL);
            c->globals_version = ver;
        }
        PyObject *v = c->value;
        Py_INCREF(v);
        if (oparg & 1) PUSH(NULL);
        PUSH(v);
        SKIP_OVER(4);
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        PyObject *cell = GETLOCAL(oparg);
        PyObject *oldobj = PyCell_GET(cell);
        if (oldobj == NULL) {
            _PyEval_FormatExcUnbound(tstate, frame->f_code, oparg);
            goto error;
        }
        PyCell_GET(cell) = NULL;
        Py_DECREF(oldobj);
        DISPATCH();
    }

    TARGET(LOAD_FROM_DICT_OR_DEREF) {
        PyObject *class_dict = TOP();
        PyObject *name = PyTuple_GET_ITEM(frame->f_code->co_localsplusnames, oparg);
        PyObject *value;
        if (PyDict_CheckExact(class_dict)) {
            value = PyDict_GetItemWithError(class_dict, name);
            if (value != NULL) {
                Py_INCREF(value);
            }
            else if (PyErr_Occurred()) {
                Py_DECREF(class_dict);
                goto pop_1_error;
            }
        }
        else {
            value = PyObject_GetItem(class_dict, name);
            if (value == NULL) {
                if (!PyErr_ExceptionMatches(PyExc_KeyError)) {
                    Py_DECREF(class_dict);
                    goto pop_1_error;
                }
                PyErr_Clear();
            }
        }
        Py_DECREF(class_dict);
        if (value == NULL) {
            PyObject *cell = GETLOCAL(oparg);
            value = PyCell_GET(cell);
            if (value == NULL) {
                _PyEval_FormatExcUnbound(tstate, frame->f_code, oparg);
                goto pop_1_error;
            }
            Py_INCREF(value);
        }
        SET_TOP(value);
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        PyObject *cell = GETLOCAL(oparg);
        PyObject *value = PyCell_GET(cell);
        if (value == NULL) {
            _PyEval_FormatExcUnbound(tstate, frame->f_code, oparg);
            goto error;
        }
        Py_INCREF(value);
        PUSH(value);
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        PyObject *v = POP();
        PyObject *cell = GETLOCAL(oparg);
        PyObject *oldobj = PyCell_GET(cell);
        PyCell_GET(cell) = v;
        Py_XDECREF(oldobj);
        DISPATCH();
    }

    TARGET(COPY_FREE_VARS) {
        PyCodeObject *co = frame->f_code;
        PyObject *closure = ((PyFunctionObject *)frame->f_funcobj)->func_closure;
        if (closure == NULL || PyTuple_GET_SIZE(closure) < oparg) {
            PyErr_SetString(PyExc_SystemError, "bad COPY_FREE_VARS: no closure");
            goto error;
        }
        int offset = co->co_nlocalsplus - oparg;
        for (int i = 0; i < oparg; ++i) {
            PyObject *o = PyTuple_GET_ITEM(closure, i);
            frame->localsplus[offset + i] = Py_NewRef(o);
        }
        DISPATCH();
    }

    TARGET(MAKE_CELL) {
        PyObject *initial = GETLOCAL(oparg);
        PyObject *cell = PyCell_New(initial);
        if (cell == NULL) goto error;
        SETLOCAL(oparg, cell);
        DISPATCH();
    }

    /* ------------------------------------------------ building */

    TARGET(BUILD_STRING) {
        PyObject **pieces = stack_pointer - oparg;
        PyObject *str = _PyUnicode_JoinArray(_PyUnicode_GetEmpty(), pieces, oparg);
        for (int i = 0; i < oparg; i++) Py_DECREF(pieces[i]);
        STACK_SHRINK(oparg);
        if (str == NULL) goto error;
        PUSH(str);
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        PyObject **values = stack_pointer - oparg;
        PyObject *tup = _PyTuple_FromArraySteal(values, oparg);
        STACK_SHRINK(oparg);
        if (tup == NULL) goto error;
        PUSH(tup);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        PyObject **values = stack_pointer - oparg;
        PyObject *list = _PyList_FromArraySteal(values, oparg);
        STACK_SHRINK(oparg);
        if (list == NULL) goto error;
        PUSH(list);
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        PyObject *iterable = TOP();
        PyObject *list = PEEK(oparg + 1);
        PyObject *none_val = _PyList_Extend((PyListObject *)list, iterable);
        if (none_val == NULL) {
            if (PyErr_ExceptionMatches(PyExc_TypeError) &&
                (Py_TYPE(iterable)->tp_iter == NULL && !PySequence_Check(iterable))) {
                PyErr_Clear();
                PyErr_Format(PyExc_TypeError, "Value after * must be an iterable, not %.200s",
                             Py_TYPE(iterable)->tp_name);
            }
            Py_DECREF(iterable);
            goto pop_1_error;
        }
        Py_DECREF(none_val);
        Py_DECREF(iterable);
        STACK_SHRINK(1);
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        PyObject *iterable = POP();
        PyObject *set = PEEK(oparg);
        int err = _PySet_Update(set, iterable);
        Py_DECREF(iterable);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        PyObject *set = PySet_New(NULL);
        if (set == NULL) goto error;
        PyObject **values = stack_pointer - oparg;
        int err = 0;
        for (int i = 0; i < oparg; i++) {
            PyObject *item = values[i];
            if (err == 0) err = PySet_Add(set, item);
            Py_DECREF(item);
        }
        STACK_SHRINK(oparg);
        if (err != 0) {
            Py_DECREF(set);
            goto error;
        }
        PUSH(set);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        PyObject **values = stack_pointer - oparg * 2;
        PyObject *map = _PyDict_FromItems(values, 2, values + 1, 2, oparg);
        if (map == NULL) goto error;
        for (int i = 0; i < oparg * 2; i++) Py_DECREF(values[i]);
        STACK_SHRINK(oparg * 2);
        PUSH(map);
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        if (_PyEval_SetupAnnotations(tstate, LOCALS()) < 0) goto error;
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) {
        PyObject *keys = TOP();
        PyObject **values = stack_pointer - 1 - oparg;
        if (!PyTuple_CheckExact(keys) || PyTuple_GET_SIZE(keys) != (Py_ssize_t)oparg) {
            PyErr_SetString(PyExc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
            goto error;
        }
        PyObject *map = _PyDict_FromItems(_PyTuple_ITEMS(keys), 1, values, 1, oparg);
        for (int i = 0; i < oparg; i++) Py_DECREF(values[i]);
        Py_DECREF(keys);
        STACK_SHRINK(oparg + 1);
        if (map == NULL) goto error;
        PUSH(map);
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        PyObject *update = TOP();
        PyObject *dict = PEEK(oparg + 1);
        if (PyDict_Update(dict, update) < 0) {
            if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
                PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping",
                             Py_TYPE(update)->tp_name);
            }
            Py_DECREF(update);
            goto pop_1_error;
        }
        Py_DECREF(update);
        STACK_SHRINK(1);
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        PyObject *update = TOP();
        PyObject *dict = PEEK(oparg + 1);
        if (_PyDict_MergeEx(dict, update, 2) < 0) {
            _PyEval_FormatKwargsError(tstate, PEEK(3 + oparg), update);
            Py_DECREF(update);
            goto pop_1_error;
        }
        Py_DECREF(update);
        STACK_SHRINK(1);
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        PyObject *value = POP();
        PyObject *key = POP();
        PyObject *dict = PEEK(oparg);
        /* steals key and value */
        if (_PyDict_SetItem_Take2((PyDictObject *)dict, key, value) != 0) goto error;
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        PyObject *v = POP();
        PyObject *list = PEEK(oparg);
        if (_PyList_AppendTakeRef((PyListObject *)list, v) < 0) goto error;
        DISPATCH();
    }

    TARGET(SET_ADD) {
        PyObject *v = POP();
        PyObject *set = PEEK(oparg);
        int err = PySet_Add(set, v);
        Py_DECREF(v);
        if (err) goto error;
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        PyObject *step = oparg == 3 ? POP() : NULL;
        PyObject *stop = POP();
        PyObject *start = POP();
        PyObject *slice = PySlice_New(start, stop, step);
        Py_DECREF(start);
        Py_DECREF(stop);
        Py_XDECREF(step);
        if (slice == NULL) goto error;
        PUSH(slice);
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        PyObject *fmt_spec = (oparg & FVS_MASK) == FVS_HAVE_SPEC ? POP() : NULL;
        PyObject *value = POP();
        PyObject *result;
        int which_conversion = oparg & FVC_MASK;
        PyObject *(*conv_fn)(PyObject *) = NULL;
        switch (which_conversion) {
        case FVC_NONE: conv_fn = NULL; break;
        case FVC_STR: conv_fn = PyObject_Str; break;
        case FVC_REPR: conv_fn = PyObject_Repr; break;
        case FVC_ASCII: conv_fn = PyObject_ASCII; break;
        }
        if (conv_fn != NULL) {
            result = conv_fn(value);
            Py_DECREF(value);
            if (result == NULL) {
                Py_XDECREF(fmt_spec);
                goto error;
            }
            value = result;
        }
        if (PyUnicode_CheckExact(value) && fmt_spec == NULL) {
            result = value;
        }
        else {
            result = PyObject_Format(value, fmt_spec);
            Py_DECREF(value);
            Py_XDECREF(fmt_spec);
            if (result == NULL) goto error;
        }
        PUSH(result);
        DISPATCH();
    }

    TARGET(COPY) {
        PyObject *bottom = PEEK(oparg);
        PUSH(Py_NewRef(bottom));
        DISPATCH();
    }

    TARGET(SWAP) {
        PyObject *top = TOP();
        PEEK(1) = PEEK(oparg);
        PEEK(oparg) = top;
        DISPATCH();
    }

    /* ------------------------------------------------ attributes */

    TARGET(LOAD_SUPER_ATTR) {
        PyObject *self = TOP();
        PyObject *class = SECOND();
        PyObject *global_super = THIRD();
        PyObject *name = GETITEM(NAMES(), oparg >> 2);
        if (global_super == (PyObject *)&PySuper_Type && PyType_Check(class)) {
            /* CPython's LOAD_SUPER_ATTR_ATTR/_METHOD: look the name up
               without making a super object */
            PyTypeObject *cls = (PyTypeObject *)class;
            int method_found = 0;
            PyObject *res = _PySuper_Lookup(cls, self, name,
                                            ((oparg & 1) && cls->tp_getattro == PyObject_GenericGetAttr)
                                                ? &method_found : NULL);
            Py_DECREF(global_super);
            Py_DECREF(class);
            STACK_SHRINK(3);
            if (res == NULL) {
                Py_DECREF(self);
                goto error;
            }
            if (method_found) {
                PUSH(res);
                PUSH(self);   /* the stack's reference moves */
            }
            else {
                Py_DECREF(self);
                if (oparg & 1) PUSH(NULL);
                PUSH(res);
            }
            SKIP_OVER(1);
            DISPATCH();
        }
        PyObject *stack[2] = {class, self};
        PyObject *super = PyObject_Vectorcall(global_super, stack, oparg & 2, NULL);
        Py_DECREF(global_super);
        Py_DECREF(class);
        Py_DECREF(self);
        STACK_SHRINK(3);
        if (super == NULL) goto error;
        PyObject *res = PyObject_GetAttr(super, name);
        Py_DECREF(super);
        if (res == NULL) goto error;
        if (oparg & 1) PUSH(NULL);
        PUSH(res);
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
        PREDICTED(LOAD_ATTR)
        PyObject *owner = TOP();
#if ENABLE_SPECIALIZATION
        if (ADAPTIVE_COUNTER_IS_ZERO(next_instr->cache)) {
            next_instr--;
            _PySpecialize_LoadAttr(owner, frame->f_code, next_instr,
                                   GETITEM(NAMES(), oparg >> 1));
            DISPATCH_SAME_OPARG();
        }
        DECREMENT_ADAPTIVE_COUNTER(next_instr->cache);
#endif
        PyObject *name = GETITEM(NAMES(), oparg >> 1);
        if (oparg & 1) {
            PyObject *meth = NULL;
            if (_PyObject_GetMethod(owner, name, &meth) == 1) {
                /* meth | self | args...: owner's reference moves up */
                SET_TOP(meth);
                PUSH(owner);
            }
            else {
                Py_DECREF(owner);
                if (meth == NULL) goto pop_1_error;
                SET_TOP(NULL);
                PUSH(meth);
            }
        }
        else {
            PyObject *res = PyObject_GetAttr(owner, name);
            Py_DECREF(owner);
            if (res == NULL) goto pop_1_error;
            SET_TOP(res);
        }
        SKIP_OVER(9);
        DISPATCH();
    }

    TARGET(LOAD_ATTR_INSTANCE_VALUE) {
        PyObject *owner = TOP();
        PyTypeObject *tp = Py_TYPE(owner);
        struct _rp_attr_cache *c = _PySpecialize_AttrCache(frame->f_code, next_instr[1].cache);
        DEOPT_IF(tp->tp_getattro != PyObject_GenericGetAttr || !_PySpecialize_CheckMro(tp, c),
                 LOAD_ATTR);
        PyObject **dictptr = _PyEval_InstanceDictPtr(owner);
        DEOPT_IF(dictptr == NULL || *dictptr == NULL, LOAD_ATTR);
        PyObject *name = GETITEM(NAMES(), oparg >> 1);
        PyObject *res;
        /* Instances of a class usually share their attributes' insertion
           order, so the name tends to sit at the same entry index in every
           instance dict: check that entry first (an identity test on an
           interned key), and fall back to a hashed lookup. */
        PyDictKeysObject *dk = ((PyDictObject *)*dictptr)->ma_keys;
        Py_ssize_t hint = c->hint;
        if (dk->dk_kind == DICT_KEYS_UNICODE && hint < dk->dk_nentries &&
            DK_UNICODE_ENTRIES(dk)[hint].me_key == name &&
            (res = DK_UNICODE_ENTRIES(dk)[hint].me_value) != NULL) {
            /* hit */
        }
        else {
            Py_ssize_t ix = _Py_dict_lookup((PyDictObject *)*dictptr, name,
                                            _PyEval_StrHash(name), &res);
            if (ix == DKIX_ERROR) goto error;
            DEOPT_IF(res == NULL, LOAD_ATTR);
            if (ix >= 0) c->hint = ix;
        }
        Py_INCREF(res);
        SET_TOP(res);
        Py_DECREF(owner);
        if (oparg & 1) {
            SET_TOP(NULL);
            PUSH(res);
        }
        SKIP_OVER(9);
        DISPATCH();
    }

    TARGET(LOAD_ATTR_MODULE) {
        PyObject *owner = TOP();
        DEOPT_IF(!PyModule_CheckExact(owner), LOAD_ATTR);
        PyObject *dict = ((PyModuleObject *)owner)->md_dict;
        struct _rp_global_cache *c = _PySpecialize_GlobalCache(frame->f_code, next_instr[1].cache);
        DEOPT_IF(dict != c->dict, LOAD_ATTR);
        DEOPT_IF(((PyDictObject *)dict)->ma_version_tag != c->globals_version, LOAD_ATTR);
        PyObject *res = c->value;
        Py_INCREF(res);
        SET_TOP(res);
        Py_DECREF(owner);
        if (oparg & 1) {
            SET_TOP(NULL);
            PUSH(res);
        }
        SKIP_OVER(9);
        DISPATCH();
    }

    TARGET(LOAD_ATTR_SLOT) {
        PyObject *owner = TOP();
        PyTypeObject *tp = Py_TYPE(owner);
        struct _rp_attr_cache *c = _PySpecialize_AttrCache(frame->f_code, next_instr[1].cache);
        DEOPT_IF(tp->tp_getattro != PyObject_GenericGetAttr || !_PySpecialize_CheckMro(tp, c),
                 LOAD_ATTR);
        PyObject *res = *(PyObject **)((char *)owner + c->offset);
        DEOPT_IF(res == NULL, LOAD_ATTR);
        Py_INCREF(res);
        SET_TOP(res);
        Py_DECREF(owner);
        if (oparg & 1) {
            SET_TOP(NULL);
            PUSH(res);
        }
        SKIP_OVER(9);
        DISPATCH();
    }

    TARGET(LOAD_ATTR_CLASS) {
        /* a plain (non-descriptor) attribute found on a class */
        PyObject *owner = TOP();
        DEOPT_IF(!PyType_Check(owner), LOAD_ATTR);
        struct _rp_attr_cache *c = _PySpecialize_AttrCache(frame->f_code, next_instr[1].cache);
        DEOPT_IF(Py_TYPE(owner) != &PyType_Type ||
                 !_PySpecialize_CheckMro((PyTypeObject *)owner, c), LOAD_ATTR);
        PyObject *res = c->descr;
        Py_INCREF(res);
        SET_TOP(res);
        Py_DECREF(owner);
        if (oparg & 1) {
            SET_TOP(NULL);
            PUSH(res);
        }
        SKIP_OVER(9);
        DISPATCH();
    }

    TARGET(LOAD_ATTR_METHOD_WITH_VALUES) {
        /* method form: meth | self; the instance dict must not shadow it */
        PyObject *owner = TOP();
        PyTypeObject *tp = Py_TYPE(owner);
        struct _rp_attr_cache *c = _PySpecialize_AttrCache(frame->f_code, next_instr[1].cache);
        DEOPT_IF(tp->tp_getattro != PyObject_GenericGetAttr || !_PySpecialize_CheckMro(tp, c),
                 LOAD_ATTR);
        PyObject **dictptr = _PyEval_InstanceDictPtr(owner);
        if (dictptr != NULL && *dictptr != NULL && PyDict_GET_SIZE(*dictptr) != 0) {
            PyObject *name = GETITEM(NAMES(), oparg >> 1);
            PyObject *shadow = _PyDict_GetItem_KnownHash(*dictptr, name, _PyEval_StrHash(name));
            if (shadow == NULL && PyErr_Occurred()) goto error;
            DEOPT_IF(shadow != NULL, LOAD_ATTR);
        }
        SET_TOP(Py_NewRef(c->descr));
        PUSH(owner);
        SKIP_OVER(9);
        DISPATCH();
    }

    TARGET(LOAD_ATTR_METHOD_NO_DICT) {
        PyObject *owner = TOP();
        PyTypeObject *tp = Py_TYPE(owner);
        struct _rp_attr_cache *c = _PySpecialize_AttrCache(frame->f_code, next_instr[1].cache);
        DEOPT_IF(tp->tp_getattro != PyObject_GenericGetAttr || !_PySpecialize_CheckMro(tp, c),
                 LOAD_ATTR);
        SET_TOP(Py_NewRef(c->descr));
        PUSH(owner);
        SKIP_OVER(9);
        DISPATCH();
    }

    TARGET(STORE_ATTR) {
        PREDICTED(STORE_ATTR)
        PyObject *owner = TOP();
        PyObject *v = SECOND();
#if ENABLE_SPECIALIZATION
        if (ADAPTIVE_COUNTER_IS_ZERO(next_instr->cache)) {
            next_instr--;
            _PySpecialize_StoreAttr(owner, next_instr, GETITEM(NAMES(), oparg));
            DISPATCH_SAME_OPARG();
        }
        DECREMENT_ADAPTIVE_COUNTER(next_instr->cache);
#endif
        PyObject *name = GETITEM(NAMES(), oparg);
        int err = PyObject_SetAttr(owner, name, v);
        Py_DECREF(v);
        Py_DECREF(owner);
        STACK_SHRINK(2);
        if (err) goto error;
        SKIP_OVER(4);
        DISPATCH();
    }

    TARGET(STORE_ATTR_INSTANCE_VALUE) {
        PyObject *owner = TOP();
        PyObject *v = SECOND();
        PyTypeObject *tp = Py_TYPE(owner);
        struct _rp_attr_cache *c = _PySpecialize_AttrCache(frame->f_code, next_instr[1].cache);
        DEOPT_IF(tp->tp_setattro != PyObject_GenericSetAttr || !_PySpecialize_CheckMro(tp, c),
                 STORE_ATTR);
        PyObject **dictptr = _PyEval_InstanceDictPtr(owner);
        DEOPT_IF(dictptr == NULL || *dictptr == NULL, STORE_ATTR);
        PyObject *name = GETITEM(NAMES(), oparg);
        int err = PyDict_SetItem(*dictptr, name, v);
        Py_DECREF(v);
        Py_DECREF(owner);
        STACK_SHRINK(2);
        if (err) goto error;
        SKIP_OVER(4);
        DISPATCH();
    }

    TARGET(STORE_ATTR_SLOT) {
        PyObject *owner = TOP();
        PyObject *v = SECOND();
        PyTypeObject *tp = Py_TYPE(owner);
        struct _rp_attr_cache *c = _PySpecialize_AttrCache(frame->f_code, next_instr[1].cache);
        DEOPT_IF(tp->tp_setattro != PyObject_GenericSetAttr || !_PySpecialize_CheckMro(tp, c),
                 STORE_ATTR);
        PyObject **addr = (PyObject **)((char *)owner + c->offset);
        PyObject *old = *addr;
        *addr = v;
        STACK_SHRINK(2);
        Py_XDECREF(old);
        Py_DECREF(owner);
        SKIP_OVER(4);
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        PyObject *owner = POP();
        PyObject *name = GETITEM(NAMES(), oparg);
        int err = PyObject_SetAttr(owner, name, (PyObject *)NULL);
        Py_DECREF(owner);
        if (err) goto error;
        DISPATCH();
    }

    /* ------------------------------------------------ comparisons */

    TARGET(COMPARE_OP) {
        PREDICTED(COMPARE_OP)
        PyObject *right = TOP();
        PyObject *left = SECOND();
#if ENABLE_SPECIALIZATION
        if (ADAPTIVE_COUNTER_IS_ZERO(next_instr->cache)) {
            next_instr--;
            _PySpecialize_CompareOp(left, right, next_instr, oparg);
            DISPATCH_SAME_OPARG();
        }
        DECREMENT_ADAPTIVE_COUNTER(next_instr->cache);
#endif
        PyObject *res = PyObject_RichCompare(left, right, oparg >> 4);
        Py_DECREF(left);
        Py_DECREF(right);
        if (res == NULL) goto pop_2_error;
        STACK_SHRINK(1);
        SET_TOP(res);
        SKIP_OVER(1);
        DISPATCH();
    }

    /* The specialised comparisons also fuse a following POP_JUMP_IF_*:
       the bool never reaches the stack. */
#define COMPARE_RESULT(cond) do { \
        int jump_op_ = next_instr[1].op.code; \
        if (jump_op_ == POP_JUMP_IF_FALSE || jump_op_ == POP_JUMP_IF_TRUE) { \
            int jump_ = (cond) == (jump_op_ == POP_JUMP_IF_TRUE); \
            int jump_arg_ = next_instr[1].op.arg; \
            STACK_SHRINK(2); \
            SKIP_OVER(2); \
            if (jump_) JUMPBY(jump_arg_); \
            DISPATCH(); \
        } \
        STACK_SHRINK(1); \
        SET_TOP((cond) ? Py_True : Py_False); \
        SKIP_OVER(1); \
        DISPATCH(); } while (0)

    TARGET(COMPARE_OP_INT) {
        PyObject *right = TOP(), *left = SECOND();
        DEOPT_IF(!PyLong_CheckExact(left) || !PyLong_CheckExact(right), COMPARE_OP);
        DEOPT_IF(!_PyLong_IsCompact((PyLongObject *)left) ||
                 !_PyLong_IsCompact((PyLongObject *)right), COMPARE_OP);
        Py_ssize_t ileft = _PyLong_CompactValue((PyLongObject *)left);
        Py_ssize_t iright = _PyLong_CompactValue((PyLongObject *)right);
        int res = (COMPARISON_BIT(ileft, iright) & _PyEval_CompareMask[oparg >> 4]) != 0;
        Py_DECREF(left);
        Py_DECREF(right);
        COMPARE_RESULT(res);
    }

    TARGET(COMPARE_OP_FLOAT) {
        PyObject *right = TOP(), *left = SECOND();
        DEOPT_IF(!PyFloat_CheckExact(left) || !PyFloat_CheckExact(right), COMPARE_OP);
        double dleft = PyFloat_AS_DOUBLE(left), dright = PyFloat_AS_DOUBLE(right);
        int bit = (dleft != dleft || dright != dright) ? 1 : COMPARISON_BIT(dleft, dright);
        int res = (bit & _PyEval_CompareMask[oparg >> 4]) != 0;
        Py_DECREF(left);
        Py_DECREF(right);
        COMPARE_RESULT(res);
    }

    TARGET(COMPARE_OP_STR) {
        PyObject *right = TOP(), *left = SECOND();
        DEOPT_IF(!PyUnicode_CheckExact(left) || !PyUnicode_CheckExact(right), COMPARE_OP);
        int res = _PyUnicode_Equal(left, right);
        if ((oparg >> 4) == Py_NE) res = !res;
        Py_DECREF(left);
        Py_DECREF(right);
        COMPARE_RESULT(res);
    }
#undef COMPARE_RESULT

    TARGET(IS_OP) {
        PyObject *right = POP();
        PyObject *left = TOP();
        int res = Py_Is(left, right) ^ oparg;
        Py_DECREF(left);
        Py_DECREF(right);
        SET_TOP(res ? Py_True : Py_False);
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        PyObject *right = TOP();
        PyObject *left = SECOND();
        int res = PySequence_Contains(right, left);
        Py_DECREF(left);
        Py_DECREF(right);
        if (res < 0) goto pop_2_error;
        STACK_SHRINK(1);
        SET_TOP((res ^ oparg) ? Py_True : Py_False);
        DISPATCH();
    }

    /* ------------------------------------------------ imports */

    TARGET(IMPORT_NAME) {
        PyObject *name = GETITEM(NAMES(), oparg);
        PyObject *fromlist = POP();
        PyObject *level = TOP();
        PyObject *res = _PyEval_ImportName(tstate, frame, name, fromlist, level);
        Py_DECREF(level);
        Py_DECREF(fromlist);
        if (res == NULL) goto pop_1_error;
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        PyObject *name = GETITEM(NAMES(), oparg);
        PyObject *from = TOP();
        PyObject *res = _PyEval_ImportFrom(tstate, from, name);
        if (res == NULL) goto error;
        PUSH(res);
        DISPATCH();
    }

    /* ------------------------------------------------ jumps */

    TARGET(JUMP_FORWARD) {
        JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD) {
        JUMPBY(-oparg);
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
        JUMPBY(-oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        PyObject *cond = POP();
        if (Py_IsFalse(cond)) {
            JUMPBY(oparg);
        }
        else if (!Py_IsTrue(cond)) {
            int err = PyObject_IsTrue(cond);
            Py_DECREF(cond);
            if (err == 0) JUMPBY(oparg);
            else if (err < 0) goto error;
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        PyObject *cond = POP();
        if (Py_IsTrue(cond)) {
            JUMPBY(oparg);
        }
        else if (!Py_IsFalse(cond)) {
            int err = PyObject_IsTrue(cond);
            Py_DECREF(cond);
            if (err > 0) JUMPBY(oparg);
            else if (err < 0) goto error;
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NOT_NONE) {
        PyObject *value = POP();
        if (!Py_IsNone(value)) {
            Py_DECREF(value);
            JUMPBY(oparg);
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NONE) {
        PyObject *value = POP();
        if (Py_IsNone(value)) JUMPBY(oparg);
        else Py_DECREF(value);
        DISPATCH();
    }

    /* ------------------------------------------------ pattern matching */

    TARGET(GET_LEN) {
        PyObject *obj = TOP();
        Py_ssize_t len_i = PyObject_Length(obj);
        if (len_i < 0) goto error;
        PyObject *len_o = PyLong_FromSsize_t(len_i);
        if (len_o == NULL) goto error;
        PUSH(len_o);
        DISPATCH();
    }

    TARGET(MATCH_CLASS) {
        PyObject *names = POP();
        PyObject *type = POP();
        PyObject *subject = TOP();
        PyObject *attrs = _PyEval_MatchClass(tstate, subject, type, oparg, names);
        Py_DECREF(subject);
        Py_DECREF(type);
        Py_DECREF(names);
        if (attrs == NULL) {
            if (PyErr_Occurred()) goto pop_1_error;
            attrs = Py_None;
        }
        SET_TOP(attrs);
        DISPATCH();
    }

    TARGET(MATCH_MAPPING) {
        PyObject *subject = TOP();
        int match = Py_TYPE(subject)->tp_flags & Py_TPFLAGS_MAPPING;
        PUSH(match ? Py_True : Py_False);
        DISPATCH();
    }

    TARGET(MATCH_SEQUENCE) {
        PyObject *subject = TOP();
        int match = Py_TYPE(subject)->tp_flags & Py_TPFLAGS_SEQUENCE;
        PUSH(match ? Py_True : Py_False);
        DISPATCH();
    }

    TARGET(MATCH_KEYS) {
        PyObject *keys = TOP();
        PyObject *subject = SECOND();
        PyObject *values_or_none = _PyEval_MatchKeys(tstate, subject, keys);
        if (values_or_none == NULL) goto error;
        PUSH(values_or_none);
        DISPATCH();
    }

    /* ------------------------------------------------ iteration */

    TARGET(GET_ITER) {
        PyObject *iterable = TOP();
        PyObject *iter = PyObject_GetIter(iterable);
        Py_DECREF(iterable);
        if (iter == NULL) goto pop_1_error;
        SET_TOP(iter);
        DISPATCH();
    }

    TARGET(GET_YIELD_FROM_ITER) {
        PyObject *iterable = TOP();
        if (PyCoro_CheckExact(iterable)) {
            if (!(frame->f_code->co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
                PyErr_SetString(PyExc_TypeError,
                                "cannot 'yield from' a coroutine object in a non-coroutine generator");
                goto error;
            }
        }
        else if (!PyGen_CheckExact(iterable)) {
            PyObject *iter = PyObject_GetIter(iterable);
            if (iter == NULL) goto error;
            Py_DECREF(iterable);
            SET_TOP(iter);
        }
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        PREDICTED(FOR_ITER)
        PyObject *iter = TOP();
#if ENABLE_SPECIALIZATION
        if (ADAPTIVE_COUNTER_IS_ZERO(next_instr->cache)) {
            next_instr--;
            _PySpecialize_ForIter(iter, next_instr, oparg);
            DISPATCH_SAME_OPARG();
        }
        DECREMENT_ADAPTIVE_COUNTER(next_instr->cache);
#endif
        PyObject *next = (*Py_TYPE(iter)->tp_iternext)(iter);
        if (next == NULL) {
            if (tstate->current_exception != NULL) {
                if (!PyErr_ExceptionMatches(PyExc_StopIteration)) goto error;
                PyErr_Clear();
            }
            /* exhausted: pop the iterator, jump past END_FOR */
            Py_DECREF(iter);
            STACK_SHRINK(1);
            SKIP_OVER(1);
            JUMPBY(oparg + 1);
            DISPATCH();
        }
        PUSH(next);
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(FOR_ITER_LIST) {
        PyObject *iter = TOP();
        DEOPT_IF(Py_TYPE(iter) != &PyListIter_Type, FOR_ITER);
        PyObject *next = PyListIter_Type.tp_iternext(iter);
        if (next == NULL) {
            if (tstate->current_exception != NULL) goto error;
            Py_DECREF(iter);
            STACK_SHRINK(1);
            SKIP_OVER(1);
            JUMPBY(oparg + 1);
            DISPATCH();
        }
        PUSH(next);
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(FOR_ITER_TUPLE) {
        PyObject *iter = TOP();
        DEOPT_IF(Py_TYPE(iter) != &PyTupleIter_Type, FOR_ITER);
        PyObject *next = PyTupleIter_Type.tp_iternext(iter);
        if (next == NULL) {
            if (tstate->current_exception != NULL) goto error;
            Py_DECREF(iter);
            STACK_SHRINK(1);
            SKIP_OVER(1);
            JUMPBY(oparg + 1);
            DISPATCH();
        }
        PUSH(next);
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(FOR_ITER_RANGE) {
        PyObject *iter = TOP();
        DEOPT_IF(Py_TYPE(iter) != &PyRangeIter_Type, FOR_ITER);
        PyObject *next = PyRangeIter_Type.tp_iternext(iter);
        if (next == NULL) {
            if (tstate->current_exception != NULL) goto error;
            Py_DECREF(iter);
            STACK_SHRINK(1);
            SKIP_OVER(1);
            JUMPBY(oparg + 1);
            DISPATCH();
        }
        PUSH(next);
        SKIP_OVER(1);
        DISPATCH();
    }

    TARGET(FOR_ITER_GEN) {
        PyGenObject *gen = (PyGenObject *)TOP();
        DEOPT_IF(Py_TYPE(gen) != &PyGen_Type, FOR_ITER);
        DEOPT_IF(gen->gi_frame_state >= FRAME_EXECUTING, FOR_ITER);
        _PyInterpreterFrame *gen_frame = (_PyInterpreterFrame *)gen->gi_iframe;
        _PyFrame_StackPush(gen_frame, Py_None);
        gen->gi_frame_state = FRAME_EXECUTING;
        gen->gi_exc_state.previous_item = tstate->exc_info;
        tstate->exc_info = &gen->gi_exc_state;
        SKIP_OVER(1);
        /* On return (exhaustion) resume at END_FOR, which pops gen and None. */
        frame->return_offset = (uint16_t)oparg;
        DISPATCH_INLINED(gen_frame);
    }

    TARGET(BEFORE_WITH) {
        PyObject *mgr = TOP();
        PyObject *enter = _PyEval_LookupSpecial(mgr, _Py_ID(__enter__));
        if (enter == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_TypeError,
                             "'%.200s' object does not support the context manager protocol",
                             Py_TYPE(mgr)->tp_name);
            goto error;
        }
        PyObject *exit = _PyEval_LookupSpecial(mgr, _Py_ID(__exit__));
        if (exit == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_TypeError,
                             "'%.200s' object does not support the context manager protocol "
                             "(missed __exit__ method)", Py_TYPE(mgr)->tp_name);
            Py_DECREF(enter);
            goto error;
        }
        Py_DECREF(mgr);
        SET_TOP(exit);
        PyObject *res = PyObject_CallNoArgs(enter);
        Py_DECREF(enter);
        if (res == NULL) {
            Py_DECREF(exit);
            goto pop_1_error;
        }
        PUSH(res);
        DISPATCH();
    }

    /* ------------------------------------------------ calls */

    TARGET(KW_NAMES) {
        kwnames = GETITEM(CONSTS(), oparg);
        DISPATCH();
    }

    TARGET(CALL) {
        PREDICTED(CALL)
#if ENABLE_SPECIALIZATION
        if (ADAPTIVE_COUNTER_IS_ZERO(next_instr->cache)) {
            next_instr--;
            _PySpecialize_Call(PEEK(oparg + 1), PEEK(oparg + 2), next_instr, oparg, kwnames);
            DISPATCH_SAME_OPARG();
        }
        DECREMENT_ADAPTIVE_COUNTER(next_instr->cache);
#endif
        PyObject **args = stack_pointer - oparg;
        PyObject *callable = PEEK(oparg + 1);
        PyObject *method = PEEK(oparg + 2);
        int is_meth = method != NULL;
        int total_args = oparg;
        if (is_meth) {
            callable = method;
            args--;
            total_args++;
        }
        else if (Py_TYPE(callable) == &PyMethod_Type) {
            args--;
            total_args++;
            PyObject *self = ((PyMethodObject *)callable)->im_self;
            args[0] = Py_NewRef(self);
            method = ((PyMethodObject *)callable)->im_func;
            args[-1] = Py_NewRef(method);
            Py_DECREF(callable);
            callable = method;
        }
        int positional_args = total_args - KWNAMES_LEN();
        if (Py_TYPE(callable) == &PyFunction_Type &&
            ((PyFunctionObject *)callable)->vectorcall == _PyFunction_Vectorcall) {
            int code_flags = ((PyCodeObject *)PyFunction_GET_CODE(callable))->co_flags;
            PyObject *locals = code_flags & CO_OPTIMIZED ? NULL :
                               Py_NewRef(PyFunction_GET_GLOBALS(callable));
            _PyInterpreterFrame *new_frame = _PyEvalFramePushAndInit(
                tstate, (PyFunctionObject *)callable, locals, args, positional_args, kwnames);
            kwnames = NULL;
            STACK_SHRINK(oparg + 2);
            if (new_frame == NULL) goto error;
            SKIP_OVER(3);
            frame->return_offset = 0;
            DISPATCH_INLINED(new_frame);
        }
        PyObject *res = PyObject_Vectorcall(callable, args,
                                            positional_args | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                            kwnames);
        kwnames = NULL;
        Py_DECREF(callable);
        for (int i = 0; i < total_args; i++) Py_DECREF(args[i]);
        STACK_SHRINK(oparg + 1);
        if (res == NULL) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(res);
        SKIP_OVER(3);
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(CALL_BOUND_METHOD_EXACT_ARGS) {
        DEOPT_IF(kwnames != NULL, CALL);
        DEOPT_IF(PEEK(oparg + 2) != NULL, CALL);
        PyObject *callable = PEEK(oparg + 1);
        DEOPT_IF(Py_TYPE(callable) != &PyMethod_Type, CALL);
        PyObject *self = ((PyMethodObject *)callable)->im_self;
        PEEK(oparg + 1) = Py_NewRef(self);
        PyObject *meth = ((PyMethodObject *)callable)->im_func;
        PEEK(oparg + 2) = Py_NewRef(meth);
        Py_DECREF(callable);
        goto call_py_exact_args;
    }

    TARGET(CALL_PY_EXACT_ARGS) {
    call_py_exact_args:
        DEOPT_IF(kwnames != NULL, CALL);
        {
            PyObject *method = PEEK(oparg + 2);
            int is_meth = method != NULL;
            int argcount = oparg + is_meth;
            PyObject *callable = is_meth ? method : PEEK(oparg + 1);
            PyObject **args = stack_pointer - argcount;
            DEOPT_IF(!PyFunction_Check(callable), CALL);
            PyFunctionObject *func = (PyFunctionObject *)callable;
            DEOPT_IF(func->func_version != read_u32(&next_instr[1].cache), CALL);
            PyCodeObject *code = (PyCodeObject *)func->func_code;
            DEOPT_IF(code->co_argcount != argcount, CALL);
            DEOPT_IF(!_PyThreadState_HasStackSpace(tstate, code->co_framesize), CALL);
            _PyInterpreterFrame *new_frame = _PyFrame_PushUnchecked(tstate, code->co_framesize);
            _PyFrame_Initialize(new_frame, func, NULL, code, argcount);
            for (int i = 0; i < argcount; i++) new_frame->localsplus[i] = args[i];
            STACK_SHRINK(oparg + 2);
            SKIP_OVER(3);
            frame->return_offset = 0;
            DISPATCH_INLINED(new_frame);
        }
    }

    TARGET(CALL_PY_WITH_DEFAULTS) {
        DEOPT_IF(kwnames != NULL, CALL);
        PyObject *method = PEEK(oparg + 2);
        int is_meth = method != NULL;
        int argcount = oparg + is_meth;
        PyObject *callable = is_meth ? method : PEEK(oparg + 1);
        PyObject **args = stack_pointer - argcount;
        DEOPT_IF(!PyFunction_Check(callable), CALL);
        PyFunctionObject *func = (PyFunctionObject *)callable;
        DEOPT_IF(func->func_version != read_u32(&next_instr[1].cache), CALL);
        PyCodeObject *code = (PyCodeObject *)func->func_code;
        DEOPT_IF(func->func_defaults == NULL, CALL);
        int defcount = (int)PyTuple_GET_SIZE(func->func_defaults);
        DEOPT_IF(argcount > code->co_argcount, CALL);
        int min_args = code->co_argcount - defcount;
        DEOPT_IF(argcount < min_args, CALL);
        DEOPT_IF(!_PyThreadState_HasStackSpace(tstate, code->co_framesize), CALL);
        _PyInterpreterFrame *new_frame = _PyFrame_PushUnchecked(tstate, code->co_framesize);
        _PyFrame_Initialize(new_frame, func, NULL, code, code->co_argcount);
        for (int i = 0; i < argcount; i++) new_frame->localsplus[i] = args[i];
        for (int i = argcount; i < code->co_argcount; i++) {
            PyObject *def = PyTuple_GET_ITEM(func->func_defaults, i - min_args);
            new_frame->localsplus[i] = Py_NewRef(def);
        }
        STACK_SHRINK(oparg + 2);
        SKIP_OVER(3);
        frame->return_offset = 0;
        DISPATCH_INLINED(new_frame);
    }

    /* C functions: the call borrows the stack references, which are
       released afterwards (exactly as the generic CALL). */
#define CALL_C_PROLOGUE() \
        PyObject *method = PEEK(oparg + 2); \
        int is_meth = method != NULL; \
        int total_args = oparg + is_meth; \
        PyObject *callable = is_meth ? method : PEEK(oparg + 1); \
        PyObject **args = stack_pointer - total_args
#define CALL_C_EPILOGUE(res) do { \
        for (int i_ = 0; i_ < total_args; i_++) Py_DECREF(args[i_]); \
        Py_DECREF(callable); \
        STACK_SHRINK(oparg + 1); \
        if ((res) == NULL) { STACK_SHRINK(1); goto error; } \
        SET_TOP(res); \
        SKIP_OVER(3); \
        CHECK_EVAL_BREAKER(); \
        DISPATCH(); } while (0)

    TARGET(CALL_BUILTIN_O) {
        DEOPT_IF(kwnames != NULL, CALL);
        CALL_C_PROLOGUE();
        DEOPT_IF(total_args != 1, CALL);
        DEOPT_IF(!PyCFunction_CheckExact(callable), CALL);
        DEOPT_IF(PyCFunction_GET_FLAGS(callable) != METH_O, CALL);
        PyCFunction cfunc = PyCFunction_GET_FUNCTION(callable);
        PyObject *res;
        if (_Py_EnterRecursiveCallTstate(tstate, " while calling a Python object")) {
            res = NULL;
        }
        else {
            res = cfunc(PyCFunction_GET_SELF(callable), args[0]);
            _Py_LeaveRecursiveCallTstate(tstate);
            res = _Py_CheckFunctionResult(callable, res, NULL);
        }
        CALL_C_EPILOGUE(res);
    }

    TARGET(CALL_BUILTIN_FAST) {
        DEOPT_IF(kwnames != NULL, CALL);
        CALL_C_PROLOGUE();
        DEOPT_IF(!PyCFunction_CheckExact(callable), CALL);
        DEOPT_IF(PyCFunction_GET_FLAGS(callable) != METH_FASTCALL, CALL);
        _PyCFunctionFast cfunc = (_PyCFunctionFast)(void (*)(void))PyCFunction_GET_FUNCTION(callable);
        PyObject *res = cfunc(PyCFunction_GET_SELF(callable), args, total_args);
        res = _Py_CheckFunctionResult(callable, res, NULL);
        CALL_C_EPILOGUE(res);
    }

    TARGET(CALL_BUILTIN_FAST_WITH_KEYWORDS) {
        CALL_C_PROLOGUE();
        DEOPT_IF(!PyCFunction_CheckExact(callable), CALL);
        DEOPT_IF(PyCFunction_GET_FLAGS(callable) != (METH_FASTCALL | METH_KEYWORDS), CALL);
        _PyCFunctionFastWithKeywords cfunc =
            (_PyCFunctionFastWithKeywords)(void (*)(void))PyCFunction_GET_FUNCTION(callable);
        PyObject *res = cfunc(PyCFunction_GET_SELF(callable), args, total_args - KWNAMES_LEN(),
                              kwnames);
        kwnames = NULL;
        res = _Py_CheckFunctionResult(callable, res, NULL);
        CALL_C_EPILOGUE(res);
    }

    TARGET(CALL_BUILTIN_CLASS) {
        CALL_C_PROLOGUE();
        DEOPT_IF(!PyType_Check(callable) || Py_TYPE(callable) != &PyType_Type, CALL);
        PyTypeObject *tp = (PyTypeObject *)callable;
        DEOPT_IF(tp->tp_vectorcall == NULL || !(tp->tp_flags & Py_TPFLAGS_IMMUTABLETYPE), CALL);
        PyObject *res = tp->tp_vectorcall(callable, args, (total_args - KWNAMES_LEN()), kwnames);
        kwnames = NULL;
        res = _Py_CheckFunctionResult(callable, res, NULL);
        CALL_C_EPILOGUE(res);
    }

    TARGET(CALL_METHOD_DESCRIPTOR_O) {
        DEOPT_IF(kwnames != NULL, CALL);
        CALL_C_PROLOGUE();
        DEOPT_IF(total_args != 2, CALL);
        DEOPT_IF(!Py_IS_TYPE(callable, &PyMethodDescr_Type), CALL);
        PyMethodDef *meth = ((PyMethodDescrObject *)callable)->d_method;
        DEOPT_IF(meth->ml_flags != METH_O, CALL);
        DEOPT_IF(!Py_IS_TYPE(args[0], ((PyDescrObject *)callable)->d_type), CALL);
        PyObject *res;
        if (_Py_EnterRecursiveCallTstate(tstate, " while calling a Python object")) {
            res = NULL;
        }
        else {
            res = meth->ml_meth(args[0], args[1]);
            _Py_LeaveRecursiveCallTstate(tstate);
            res = _Py_CheckFunctionResult(callable, res, NULL);
        }
        CALL_C_EPILOGUE(res);
    }

    TARGET(CALL_METHOD_DESCRIPTOR_NOARGS) {
        DEOPT_IF(kwnames != NULL, CALL);
        CALL_C_PROLOGUE();
        DEOPT_IF(total_args != 1, CALL);
        DEOPT_IF(!Py_IS_TYPE(callable, &PyMethodDescr_Type), CALL);
        PyMethodDef *meth = ((PyMethodDescrObject *)callable)->d_method;
        DEOPT_IF(meth->ml_flags != METH_NOARGS, CALL);
        DEOPT_IF(!Py_IS_TYPE(args[0], ((PyDescrObject *)callable)->d_type), CALL);
        PyObject *res;
        if (_Py_EnterRecursiveCallTstate(tstate, " while calling a Python object")) {
            res = NULL;
        }
        else {
            res = meth->ml_meth(args[0], NULL);
            _Py_LeaveRecursiveCallTstate(tstate);
            res = _Py_CheckFunctionResult(callable, res, NULL);
        }
        CALL_C_EPILOGUE(res);
    }

    TARGET(CALL_METHOD_DESCRIPTOR_FAST) {
        DEOPT_IF(kwnames != NULL, CALL);
        CALL_C_PROLOGUE();
        DEOPT_IF(total_args < 1, CALL);
        DEOPT_IF(!Py_IS_TYPE(callable, &PyMethodDescr_Type), CALL);
        PyMethodDef *meth = ((PyMethodDescrObject *)callable)->d_method;
        DEOPT_IF(meth->ml_flags != METH_FASTCALL, CALL);
        DEOPT_IF(!Py_IS_TYPE(args[0], ((PyDescrObject *)callable)->d_type), CALL);
        _PyCFunctionFast cfunc = (_PyCFunctionFast)(void (*)(void))meth->ml_meth;
        PyObject *res = cfunc(args[0], args + 1, total_args - 1);
        res = _Py_CheckFunctionResult(callable, res, NULL);
        CALL_C_EPILOGUE(res);
    }

    TARGET(CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS) {
        CALL_C_PROLOGUE();
        DEOPT_IF(total_args < 1, CALL);
        DEOPT_IF(!Py_IS_TYPE(callable, &PyMethodDescr_Type), CALL);
        PyMethodDef *meth = ((PyMethodDescrObject *)callable)->d_method;
        DEOPT_IF(meth->ml_flags != (METH_FASTCALL | METH_KEYWORDS), CALL);
        DEOPT_IF(!Py_IS_TYPE(args[0], ((PyDescrObject *)callable)->d_type), CALL);
        _PyCFunctionFastWithKeywords cfunc =
            (_PyCFunctionFastWithKeywords)(void (*)(void))meth->ml_meth;
        PyObject *res = cfunc(args[0], args + 1, total_args - 1 - KWNAMES_LEN(), kwnames);
        kwnames = NULL;
        res = _Py_CheckFunctionResult(callable, res, NULL);
        CALL_C_EPILOGUE(res);
    }

    TARGET(CALL_LEN) {
        DEOPT_IF(kwnames != NULL, CALL);
        CALL_C_PROLOGUE();
        DEOPT_IF(total_args != 1, CALL);
        DEOPT_IF(!PyCFunction_CheckExact(callable) ||
                 ((PyCFunctionObject *)callable)->m_ml != _PyEval_LenDef, CALL);
        Py_ssize_t len_i = PyObject_Length(args[0]);
        PyObject *res = len_i < 0 ? NULL : PyLong_FromSsize_t(len_i);
        CALL_C_EPILOGUE(res);
    }

    TARGET(CALL_ISINSTANCE) {
        DEOPT_IF(kwnames != NULL, CALL);
        CALL_C_PROLOGUE();
        DEOPT_IF(total_args != 2, CALL);
        DEOPT_IF(!PyCFunction_CheckExact(callable) ||
                 ((PyCFunctionObject *)callable)->m_ml != _PyEval_IsinstanceDef, CALL);
        int retval = PyObject_IsInstance(args[0], args[1]);
        PyObject *res = retval < 0 ? NULL : (retval ? Py_True : Py_False);
        CALL_C_EPILOGUE(res);
    }

    TARGET(CALL_TYPE_1) {
        DEOPT_IF(kwnames != NULL, CALL);
        DEOPT_IF(oparg != 1 || PEEK(3) != NULL, CALL);
        PyObject *callable = PEEK(2);
        DEOPT_IF(callable != (PyObject *)&PyType_Type, CALL);
        PyObject *obj = TOP();
        PyObject *res = Py_NewRef(Py_TYPE(obj));
        Py_DECREF(obj);
        STACK_SHRINK(2);
        SET_TOP(res);
        SKIP_OVER(3);
        DISPATCH();
    }

    TARGET(CALL_LIST_APPEND) {
        /* [list.append, lst, item] followed by POP_TOP: append, skip it */
        DEOPT_IF(kwnames != NULL, CALL);
        DEOPT_IF(oparg != 1, CALL);
        PyObject *callable = PEEK(3);
        DEOPT_IF(callable != _PyEval_ListAppendDescr || callable == NULL, CALL);
        PyObject *self = PEEK(2);
        DEOPT_IF(!PyList_CheckExact(self), CALL);
        PyObject *arg = TOP();
        STACK_SHRINK(3);
        if (_PyList_AppendTakeRef((PyListObject *)self, arg) < 0) {
            Py_DECREF(self);
            Py_DECREF(callable);
            goto error;
        }
        Py_DECREF(self);
        Py_DECREF(callable);
        /* skip the caches and the POP_TOP */
        SKIP_OVER(4);
        DISPATCH();
    }
#undef CALL_C_PROLOGUE
#undef CALL_C_EPILOGUE

    TARGET(CALL_FUNCTION_EX) {
        PyObject *kwargs = (oparg & 1) ? POP() : NULL;
        PyObject *callargs = POP();
        PyObject *func = TOP();
        if (!PyTuple_CheckExact(callargs)) {
            if (_PyEval_CheckArgsIterable(tstate, func, callargs) < 0) {
                Py_DECREF(callargs);
                Py_XDECREF(kwargs);
                goto error;
            }
            PyObject *tuple = PySequence_Tuple(callargs);
            if (tuple == NULL) {
                Py_DECREF(callargs);
                Py_XDECREF(kwargs);
                goto error;
            }
            Py_SETREF(callargs, tuple);
        }
        if (Py_TYPE(func) == &PyFunction_Type &&
            ((PyFunctionObject *)func)->vectorcall == _PyFunction_Vectorcall) {
            int code_flags = ((PyCodeObject *)PyFunction_GET_CODE(func))->co_flags;
            PyObject *locals = code_flags & CO_OPTIMIZED ? NULL :
                               Py_NewRef(PyFunction_GET_GLOBALS(func));
            STACK_SHRINK(2);   /* func (stolen by the frame) and the NULL */
            _PyInterpreterFrame *new_frame = _PyEval_FramePushAndInitEx(
                tstate, (PyFunctionObject *)func, locals, callargs, kwargs);
            if (new_frame == NULL) goto error;
            frame->return_offset = 0;
            DISPATCH_INLINED(new_frame);
        }
        PyObject *result = PyObject_Call(func, callargs, kwargs);
        Py_DECREF(func);
        Py_DECREF(callargs);
        Py_XDECREF(kwargs);
        STACK_SHRINK(1);
        if (result == NULL) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(result);
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        PyObject *codeobj = POP();
        PyObject *closure = (oparg & MAKE_FUNCTION_CLOSURE) ? POP() : NULL;
        PyObject *annotations = (oparg & MAKE_FUNCTION_ANNOTATIONS) ? POP() : NULL;
        PyObject *kwdefaults = (oparg & MAKE_FUNCTION_KWDEFAULTS) ? POP() : NULL;
        PyObject *defaults = (oparg & MAKE_FUNCTION_DEFAULTS) ? POP() : NULL;
        PyFunctionObject *func_obj = (PyFunctionObject *)PyFunction_New(codeobj, GLOBALS());
        Py_DECREF(codeobj);
        if (func_obj == NULL) {
            Py_XDECREF(closure);
            Py_XDECREF(annotations);
            Py_XDECREF(kwdefaults);
            Py_XDECREF(defaults);
            goto error;
        }
        func_obj->func_closure = closure;
        func_obj->func_annotations = annotations;
        func_obj->func_kwdefaults = kwdefaults;
        func_obj->func_defaults = defaults;
        func_obj->func_version = ((PyCodeObject *)codeobj)->co_version;
        PUSH((PyObject *)func_obj);
        DISPATCH();
    }

    /* ------------------------------------------------ returning */

    TARGET(RETURN_VALUE) {
        retval = POP();
        goto do_return;
    }

    TARGET(RETURN_CONST) {
        retval = GETITEM(CONSTS(), oparg);
        Py_INCREF(retval);
        goto do_return;
    }

    TARGET(RETURN_GENERATOR) {
        PyFunctionObject *func = (PyFunctionObject *)frame->f_funcobj;
        PyGenObject *gen = (PyGenObject *)_Py_MakeCoro(func);
        if (gen == NULL) goto error;
        _PyFrame_SetStackPointer(frame, stack_pointer);
        _PyInterpreterFrame *gen_frame = (_PyInterpreterFrame *)gen->gi_iframe;
        _PyFrame_Copy(frame, gen_frame);
        if (gen_frame->frame_obj != NULL) gen_frame->frame_obj->f_frame = gen_frame;
        gen->gi_frame_state = FRAME_CREATED;
        gen_frame->owner = FRAME_OWNED_BY_GENERATOR;
        _Py_LeaveRecursiveCallPy(tstate);
        {
            _PyInterpreterFrame *prev = frame->previous;
            _PyInterpreterFrame *dying = frame;
            frame = tstate->current_frame = prev;
            /* the references moved into the generator: just pop */
            _PyThreadState_PopFrame(tstate, dying);
            if (dying == entry_frame) {
                _Py_LeaveRecursiveCallTstate(tstate);
                return (PyObject *)gen;
            }
        }
        _PyFrame_StackPush(frame, (PyObject *)gen);
        goto resume_frame;
    }

    TARGET(YIELD_VALUE) {
        /* Must never raise: the compiler treats an exception here as a
           failed close() or throw(). */
        retval = POP();
        PyGenObject *gen = _PyFrame_GetGenerator(frame);
        gen->gi_frame_state = FRAME_SUSPENDED;
        _PyFrame_SetStackPointer(frame, stack_pointer);
        tstate->exc_info = gen->gi_exc_state.previous_item;
        gen->gi_exc_state.previous_item = NULL;
        _Py_LeaveRecursiveCallPy(tstate);
        _PyInterpreterFrame *gen_frame = frame;
        frame = tstate->current_frame = frame->previous;
        gen_frame->previous = NULL;
        if (gen_frame == entry_frame) {
            _Py_LeaveRecursiveCallTstate(tstate);
            return retval;
        }
        _PyFrame_StackPush(frame, retval);
        goto resume_frame;
    }

    TARGET(SEND) {
        PyObject *v = TOP();
        PyObject *receiver = SECOND();
        if ((Py_TYPE(receiver) == &PyGen_Type || Py_TYPE(receiver) == &PyCoro_Type) &&
            ((PyGenObject *)receiver)->gi_frame_state < FRAME_EXECUTING) {
            PyGenObject *gen = (PyGenObject *)receiver;
            _PyInterpreterFrame *gen_frame = (_PyInterpreterFrame *)gen->gi_iframe;
            frame->return_offset = (uint16_t)oparg;
            STACK_SHRINK(1);
            _PyFrame_StackPush(gen_frame, v);
            gen->gi_frame_state = FRAME_EXECUTING;
            gen->gi_exc_state.previous_item = tstate->exc_info;
            tstate->exc_info = &gen->gi_exc_state;
            SKIP_OVER(1);
            DISPATCH_INLINED(gen_frame);
        }
        if (Py_IsNone(v) && PyIter_Check(receiver)) {
            retval = Py_TYPE(receiver)->tp_iternext(receiver);
        }
        else {
            retval = PyObject_CallMethodOneArg(receiver, _Py_ID(send), v);
        }
        if (retval == NULL) {
            if (_PyGen_FetchStopIterationValue(&retval) == 0) {
                JUMPBY(oparg);
            }
            else {
                goto error;
            }
        }
        Py_DECREF(v);
        SET_TOP(retval);
        SKIP_OVER(1);
        DISPATCH();
    }

    /* ------------------------------------------------ async */

    TARGET(GET_AWAITABLE) {
        PyObject *iterable = TOP();
        PyObject *iter = _PyCoro_GetAwaitableIter(iterable);
        if (iter == NULL) _PyEval_FormatAwaitableError(tstate, Py_TYPE(iterable), oparg);
        Py_DECREF(iterable);
        if (iter != NULL && PyCoro_CheckExact(iter)) {
            PyObject *yf = _PyGen_yf((PyGenObject *)iter);
            if (yf != NULL) {
                /* `iter` is a coroutine already awaited by someone else */
                Py_DECREF(yf);
                Py_CLEAR(iter);
                PyErr_SetString(PyExc_RuntimeError, "coroutine is being awaited already");
            }
        }
        if (iter == NULL) goto pop_1_error;
        SET_TOP(iter);
        DISPATCH();
    }

    TARGET(GET_AITER) {
        PyObject *obj = TOP();
        PyObject *iter = _PyEval_GetAIter(tstate, obj);
        Py_DECREF(obj);
        if (iter == NULL) goto pop_1_error;
        SET_TOP(iter);
        DISPATCH();
    }

    TARGET(GET_ANEXT) {
        PyObject *aiter = TOP();
        PyObject *awaitable = _PyEval_GetANext(tstate, aiter);
        if (awaitable == NULL) goto error;
        PUSH(awaitable);
        DISPATCH();
    }

    TARGET(END_ASYNC_FOR) {
        PyObject *exc = POP();
        PyObject *awaitable = POP();
        if (PyErr_GivenExceptionMatches(exc, PyExc_StopAsyncIteration)) {
            Py_DECREF(awaitable);
            Py_DECREF(exc);
        }
        else {
            Py_DECREF(awaitable);
            PyErr_SetRaisedException(exc);
            goto exception_unwind;
        }
        DISPATCH();
    }

    TARGET(BEFORE_ASYNC_WITH) {
        PyObject *mgr = TOP();
        PyObject *enter = _PyEval_LookupSpecial(mgr, _Py_ID(__aenter__));
        if (enter == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_TypeError,
                             "'%.200s' object does not support the asynchronous "
                             "context manager protocol", Py_TYPE(mgr)->tp_name);
            goto error;
        }
        PyObject *exit = _PyEval_LookupSpecial(mgr, _Py_ID(__aexit__));
        if (exit == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_TypeError,
                             "'%.200s' object does not support the asynchronous "
                             "context manager protocol (missed __aexit__ method)",
                             Py_TYPE(mgr)->tp_name);
            Py_DECREF(enter);
            goto error;
        }
        Py_DECREF(mgr);
        SET_TOP(exit);
        PyObject *res = PyObject_CallNoArgs(enter);
        Py_DECREF(enter);
        if (res == NULL) goto error;
        PUSH(res);
        DISPATCH();
    }

#if USE_COMPUTED_GOTOS
    _unknown_opcode:
#else
    default:
#endif
        PyErr_Format(PyExc_SystemError, "%U:%d: unknown opcode %d", frame->f_code->co_filename,
                     _PyInterpreterFrame_GetLine(frame), opcode);
        goto error;
    } /* end of the instruction block */

    /* ---------------------------------------------------------------- */
    /* Returning from a frame                                            */

do_return:
    _PyFrame_SetStackPointer(frame, stack_pointer);
    _Py_LeaveRecursiveCallPy(tstate);
    {
        _PyInterpreterFrame *dying = frame;
        /* unlink before clearing: finalizers must not see it */
        frame = tstate->current_frame = dying->previous;
        clear_and_pop_frame(tstate, dying);
        if (dying == entry_frame) {
            _Py_LeaveRecursiveCallTstate(tstate);
            return retval;
        }
    }
    frame->prev_instr += frame->return_offset;
    _PyFrame_StackPush(frame, retval);
    goto resume_frame;

    /* ---------------------------------------------------------------- */
    /* Error handling                                                    */

unbound_local_error:
    _PyEval_FormatExcCheckArg(tstate, PyExc_UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG,
                              PyTuple_GetItem(frame->f_code->co_localsplusnames, oparg));
    goto error;

pop_2_error:
    STACK_SHRINK(1);
pop_1_error:
    STACK_SHRINK(1);
error:
    kwnames = NULL;
    if (tstate->current_exception == NULL)
        PyErr_SetString(PyExc_SystemError, "error return without exception set");
    /* one traceback entry per frame the exception passes through */
    if (!_PyFrame_IsIncomplete(frame)) {
        PyFrameObject *f = _PyFrame_GetFrameObject(frame);
        if (f != NULL) PyTraceBack_Here(f);
    }
exception_unwind:
    {
        /* the failing instruction; RERAISE may have moved prev_instr */
        int offset = INSTR_OFFSET() - 1;
        int level, handler, lasti;
        if (_PyCode_GetExceptionHandler(frame->f_code, offset, &level, &handler, &lasti) == 0) {
            PyObject **stackbase = _PyFrame_Stackbase(frame);
            while (stack_pointer > stackbase) {
                PyObject *o = POP();
                Py_XDECREF(o);
            }
            _PyFrame_SetStackPointer(frame, stack_pointer);
            goto exit_unwind;
        }
        PyObject **new_top = _PyFrame_Stackbase(frame) + level;
        while (stack_pointer > new_top) {
            PyObject *v = POP();
            Py_XDECREF(v);
        }
        PyObject *exc = PyErr_GetRaisedException();
        if (lasti) {
            int frame_lasti = _PyInterpreterFrame_LASTI(frame);
            PyObject *lasti_obj = PyLong_FromLong(frame_lasti);
            if (lasti_obj == NULL) {
                Py_XDECREF(exc);
                goto exception_unwind;
            }
            PUSH(lasti_obj);
        }
        PUSH(exc);
        JUMPTO(handler);
        DISPATCH();
    }

exit_unwind:
    _Py_LeaveRecursiveCallPy(tstate);
    {
        _PyInterpreterFrame *dying = frame;
        frame = tstate->current_frame = dying->previous;
        clear_and_pop_frame(tstate, dying);
        if (dying == entry_frame) {
            _Py_LeaveRecursiveCallTstate(tstate);
            return NULL;
        }
        frame->return_offset = 0;
    }

resume_with_error:
    SET_LOCALS_FROM_FRAME();
    goto error;
}

/* Ready every type of the VM area (called once by the lead at startup). */
int
_PyVM_InitTypes(void)
{
    if (_PyFunc_InitTypes() < 0) return -1;
    if (_PyCode_InitTypes() < 0) return -1;
    if (_PyFrame_InitTypes() < 0) return -1;
    if (_PyGen_InitTypes() < 0) return -1;
    return 0;
}
