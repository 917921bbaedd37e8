/* refdebug.c -- deallocation entry point and reference-count debugging.
 *
 * _Py_Dealloc is what Py_DECREF calls when a count reaches zero.  In the
 * debug build (make debug: -DPy_DEBUG -DPy_REF_DEBUG) every non-immortal
 * INCREF/DECREF also moves the global _Py_RefTotal, a DECREF that drives a
 * count below zero is a fatal error naming the file and line of that
 * DECREF (a refpy bug, never something Python code can cause), and
 * -X showrefcount prints "[N refs, M blocks]" at exit.  Deallocators are
 * also checked not to raise, clear or replace the current exception
 * (CPython's gh-89373 check).
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_state.h"

#ifdef Py_REF_DEBUG
Py_ssize_t _Py_RefTotal = 0;

void
_Py_NegativeRefcount(const char *filename, int lineno, PyObject *op)
{
    fflush(stdout);
    fprintf(stderr, "%s:%d: _Py_NegativeRefcount: Assertion failed: object has negative ref count\n",
            filename, lineno);
    fprintf(stderr, "object address  : %p\n", (void *)op);
    fprintf(stderr, "object refcount : %zd\n", op->ob_refcnt);
    PyTypeObject *tp = Py_TYPE(op);
    fprintf(stderr, "object type     : %p\n", (void *)tp);
    fprintf(stderr, "object type name: %s\n",
            tp != NULL && tp->tp_name != NULL ? tp->tp_name : "NULL");
    fprintf(stderr, "Fatal Python error: _PyObject_AssertFailed: _PyObject_AssertFailed\n");
    fflush(stderr);
    abort();
}

Py_ssize_t
_Py_GetRefTotal(void)
{
    return _Py_RefTotal;
}

void
_PyDebug_PrintTotalRefs(void)
{
    fprintf(stderr, "[%zd refs, %zd blocks]\n", _Py_GetRefTotal(), _Py_GetAllocatedBlocks());
}

#else  /* !Py_REF_DEBUG */

Py_ssize_t
_Py_GetRefTotal(void)
{
    return 0;
}

/* Release builds print nothing for -X showrefcount, like CPython. */
void
_PyDebug_PrintTotalRefs(void)
{
}
#endif

void
_Py_Dealloc(PyObject *op)
{
    PyTypeObject *type = Py_TYPE(op);
    destructor dealloc = type->tp_dealloc;
#ifdef Py_DEBUG
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *old_exc = tstate != NULL ? tstate->current_exception : NULL;
    Py_XINCREF(old_exc);
    Py_INCREF(type);    /* keep tp_name valid for the message below */
    (*dealloc)(op);
    if (tstate != NULL && tstate->current_exception != old_exc) {
        const char *what;
        if (old_exc == NULL) what = "raised an exception";
        else if (tstate->current_exception == NULL) what = "cleared the current exception";
        else what = "overrode the current exception";
        fprintf(stderr, "Fatal Python error: _Py_Dealloc: Deallocator of type '%s' %s\n",
                type->tp_name, what);
        fflush(stderr);
        abort();
    }
    Py_XDECREF(old_exc);
    Py_DECREF(type);
#else
    (*dealloc)(op);
#endif
}

void
Py_IncRef(PyObject *op)
{
    Py_XINCREF(op);
}

void
Py_DecRef(PyObject *op)
{
    Py_XDECREF(op);
}
