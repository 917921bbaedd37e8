/* boolobject.c -- bool, the int subclass with exactly two instances.
 *
 * True and False are static, immortal int objects (1 with one digit, 0
 * with none) whose type is bool.  bool overrides only repr, construction
 * and & | ^ (which keep bools bool) and ~ (deprecated in 3.12); everything
 * else is int's.  bool is not subclassable (no Py_TPFLAGS_BASETYPE).
 */
#include "pycore.h"
#include "rp_object.h"
#include "long_internal.h"
#include "number_docs.h"

struct _longobject _Py_FalseStruct = {
    PyObject_HEAD_INIT(&PyBool_Type)
    { _PyLong_TAG(_PyLong_SIGN_ZERO, 0), { 0 } }
};

struct _longobject _Py_TrueStruct = {
    PyObject_HEAD_INIT(&PyBool_Type)
    { _PyLong_TAG(_PyLong_SIGN_POSITIVE, 1), { 1 } }
};

/* New (immortal) reference. */
PyObject *
PyBool_FromLong(long ok)
{
    return ok ? Py_True : Py_False;
}

static PyObject *
bool_repr(PyObject *self)
{
    return Py_NewRef(self == Py_True ? _Py_ID(True) : _Py_ID(False));
}

static PyObject *
bool_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "bool() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (!_PyArg_CheckPositional("bool", nargs, 0, 1))
        return NULL;
    if (nargs == 0)
        Py_RETURN_FALSE;
    int ok = PyObject_IsTrue(PyTuple_GET_ITEM(args, 0));
    if (ok < 0)
        return NULL;
    return PyBool_FromLong(ok);
}

static PyObject *
bool_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_NoKwnames("bool", kwnames))
        return NULL;
    if (!_PyArg_CheckPositional("bool", nargs, 0, 1))
        return NULL;
    if (nargs == 0)
        Py_RETURN_FALSE;
    int ok = PyObject_IsTrue(args[0]);
    if (ok < 0)
        return NULL;
    return PyBool_FromLong(ok);
}

static PyObject *
bool_and(PyObject *a, PyObject *b)
{
    if (!PyBool_Check(a) || !PyBool_Check(b))
        return _PyLong_as_number.nb_and(a, b);
    return PyBool_FromLong((a == Py_True) & (b == Py_True));
}

static PyObject *
bool_or(PyObject *a, PyObject *b)
{
    if (!PyBool_Check(a) || !PyBool_Check(b))
        return _PyLong_as_number.nb_or(a, b);
    return PyBool_FromLong((a == Py_True) | (b == Py_True));
}

static PyObject *
bool_xor(PyObject *a, PyObject *b)
{
    if (!PyBool_Check(a) || !PyBool_Check(b))
        return _PyLong_as_number.nb_xor(a, b);
    return PyBool_FromLong((a == Py_True) ^ (b == Py_True));
}

static PyObject *
bool_invert(PyObject *v)
{
    if (PyErr_WarnEx(PyExc_DeprecationWarning,
                     "Bitwise inversion '~' on bool is deprecated. This returns the bitwise "
                     "inversion of the underlying int object and is usually not what you "
                     "expect from negating a bool. Use the 'not' operator for boolean "
                     "negation or ~int(x) if you really want the bitwise inversion of the "
                     "underlying int.", 1) < 0)
        return NULL;
    return _PyLong_as_number.nb_invert(v);
}

static void
bool_dealloc(PyObject *self)
{
    /* True and False are immortal: never reached. */
    (void)self;
}

/* Filled from int's table by _PyBool_PrepareType before PyType_Ready, so
   bool gets every int slot whatever the slot inheritance does. */
static PyNumberMethods bool_as_number = {
    .nb_and = bool_and,
    .nb_xor = bool_xor,
    .nb_or = bool_or,
    .nb_invert = bool_invert,
};

void
_PyBool_PrepareType(void)
{
    void **dst = (void **)&bool_as_number;
    void *const *src = (void *const *)&_PyLong_as_number;
    for (size_t i = 0; i < sizeof(PyNumberMethods) / sizeof(void *); i++)
        if (dst[i] == NULL)
            dst[i] = src[i];
}

PyTypeObject PyBool_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bool",
    .tp_basicsize = offsetof(PyLongObject, long_value.ob_digit),
    .tp_itemsize = sizeof(digit),
    .tp_dealloc = bool_dealloc,
    .tp_repr = bool_repr,
    .tp_as_number = &bool_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_LONG_SUBCLASS | _Py_TPFLAGS_MATCH_SELF |
                Py_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = DOC_bool_type,
    .tp_base = &PyLong_Type,
    .tp_new = bool_new,
    .tp_vectorcall = bool_vectorcall,
};
