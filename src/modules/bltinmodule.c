/* bltinmodule.c -- the builtins module.
 *
 * Every function here follows CPython 3.12's builtin of the same name:
 * its argument conventions (which parameters are positional-only or
 * keyword-only), its results and its error messages.  Most use the
 * vectorcall convention (METH_FASTCALL, with METH_KEYWORDS where keywords
 * are accepted) so that a call from Python passes a borrowed array of
 * arguments and allocates nothing.
 *
 * Notes on the less obvious ones:
 *
 *   print    writes through file.write(), but when the file is one of
 *            refpy's own text streams (sys.stdout in the common case) it
 *            calls the stream's C write directly: same bytes, no method
 *            lookup or bound-method allocation per piece.
 *   sum      keeps a C long while every item is a small int and a C
 *            double while every item is a float (with Neumaier
 *            compensation, as 3.12 does, so sum([0.1]*10) == 1.0); it
 *            falls back to PyNumber_Add exactly where CPython does.
 *   min/max  compare with PyObject_RichCompareBool(item, best, op) and
 *            keep the first of equal items, like CPython.
 *   __build_class__
 *            computes the metaclass (explicit metaclass=, else the most
 *            derived metaclass of the bases), asks it for a namespace
 *            (__prepare__), runs the class body function with that
 *            namespace as its locals (_PyEval_Vector), then calls the
 *            metaclass with (name, bases, namespace, **kwds).  The body
 *            returns the __class__ cell (if any method uses super() or
 *            __class__); type.__new__ fills it through __classcell__ and
 *            we check that it did.
 *   eval/exec/compile
 *            accept str, bytes and bytearray sources (NUL bytes are a
 *            SyntaxError) and code objects; they compile with the lead's
 *            Py_CompileStringObject and run with PyEval_EvalCode.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_state.h"
#include "rp_eval.h"
#include "rp_typeobject.h"
#include "rp_modules.h"
#include "rp_langextras.h"   /* PyMemoryView_Type */
#include <math.h>


/* Compiler flags accepted by compile() (CPython's PyCF_* and CO_FUTURE_*). */
#define RP_PyCF_MASK 0x1fe0000
#define RP_PyCF_MASK_OBSOLETE 0x10
#define RP_PyCF_ONLY_AST 0x0400
#define RP_PyCF_COMPILE_MASK (0x0400 | 0x1000 | 0x2000 | 0x0200 | 0x4000)

/* ------------------------------------------------------------------ */
/* small helpers                                                       */
/* ------------------------------------------------------------------ */

/* C int from an integer-like object, with clinic's messages. 0 / -1. */
static int
as_c_int(PyObject *o, int *out)
{
    PyObject *idx = _PyNumber_Index(o);
    long v;
    int overflow = 0;
    if (idx == NULL)
        return -1;
    v = PyLong_AsLongAndOverflow(idx, &overflow);
    Py_DECREF(idx);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (overflow || v > INT_MAX || v < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* Look up a special method on the type and bind it: new ref, or NULL
   without an exception when it is missing. */
static PyObject *
lookup_special(PyObject *o, PyObject *name)
{
    PyObject *res = _PyType_Lookup(Py_TYPE(o), name);
    descrgetfunc f;
    if (res == NULL)
        return NULL;
    f = Py_TYPE(res)->tp_descr_get;
    if (f == NULL)
        return Py_NewRef(res);
    return f(res, o, (PyObject *)Py_TYPE(o));
}

/* Write str(v) (raw) or repr(v) to file the way PyFile_WriteObject does.
   0 / -1. */
static int
file_write_object(PyObject *v, PyObject *file, int raw)
{
    PyObject *writer, *value, *result;
    if (raw) {
        int r;
        if (PyUnicode_CheckExact(v)) {
            r = _PyIO_WriteStrIfText(file, v);
            if (r != 0)
                return r < 0 ? -1 : 0;
        }
        else if (Py_IS_TYPE(file, &_PyTextIOWrapper_Type)) {
            value = PyObject_Str(v);
            if (value == NULL)
                return -1;
            r = _PyIO_WriteStrIfText(file, value);
            Py_DECREF(value);
            return r < 0 ? -1 : 0;
        }
    }
    writer = PyObject_GetAttr(file, _Py_ID(write));
    if (writer == NULL)
        return -1;
    value = raw ? PyObject_Str(v) : PyObject_Repr(v);
    if (value == NULL) {
        Py_DECREF(writer);
        return -1;
    }
    result = PyObject_CallOneArg(writer, value);
    Py_DECREF(value);
    Py_DECREF(writer);
    if (result == NULL)
        return -1;
    Py_DECREF(result);
    return 0;
}

/* _PyObject_LookupAttr with a fast path for the generic getattr: a missing
   attribute is then reported without creating and discarding an
   AttributeError.  1 found (*res new ref), 0 missing, -1 error. */
static int
lookup_attr(PyObject *v, PyObject *name, PyObject **res)
{
    if (PyUnicode_CheckExact(name) && Py_TYPE(v)->tp_getattro == PyObject_GenericGetAttr) {
        *res = _PyObject_GenericGetAttrSuppress(v, name);
        if (*res != NULL)
            return 1;
        if (!PyErr_Occurred())
            return 0;
        if (!PyErr_ExceptionMatches(PyExc_AttributeError))
            return -1;
        PyErr_Clear();
        return 0;
    }
    return _PyObject_LookupAttr(v, name, res);
}

/* Match a keyword name against a C string (identity fast path first). */
static inline int
kw_is(PyObject *key, PyObject *interned, const char *s)
{
    return key == interned || _PyUnicode_EqualToASCIIString(key, s);
}

/* ------------------------------------------------------------------ */
/* __build_class__                                                     */
/* ------------------------------------------------------------------ */

/* PEP 560: replace bases that define __mro_entries__.  New reference
   (possibly `bases` itself). */
static PyObject *
update_bases(PyObject *bases, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t i, j;
    PyObject *base, *meth, *new_base, *result, *new_bases = NULL;

    for (i = 0; i < nargs; i++) {
        base = args[i];
        if (PyType_Check(base)) {
            if (new_bases) {
                if (PyList_Append(new_bases, base) < 0)
                    goto error;
            }
            continue;
        }
        if (_PyObject_LookupAttr(base, _Py_ID(__mro_entries__), &meth) < 0)
            goto error;
        if (!meth) {
            if (new_bases) {
                if (PyList_Append(new_bases, base) < 0)
                    goto error;
            }
            continue;
        }
        new_base = PyObject_CallOneArg(meth, bases);
        Py_DECREF(meth);
        if (!new_base)
            goto error;
        if (!PyTuple_Check(new_base)) {
            PyErr_SetString(PyExc_TypeError, "__mro_entries__ must return a tuple");
            Py_DECREF(new_base);
            goto error;
        }
        if (!new_bases) {
            new_bases = PyList_New(i);
            if (!new_bases) {
                Py_DECREF(new_base);
                goto error;
            }
            for (j = 0; j < i; j++)
                PyList_SET_ITEM(new_bases, j, Py_NewRef(args[j]));
        }
        j = PyList_GET_SIZE(new_bases);
        if (PyList_SetSlice(new_bases, j, j, new_base) < 0) {
            Py_DECREF(new_base);
            goto error;
        }
        Py_DECREF(new_base);
    }
    if (!new_bases)
        return bases;   /* unchanged: the same object, not a new reference
                           (the caller tests bases != orig_bases), as in CPython */
    result = PyList_AsTuple(new_bases);
    Py_DECREF(new_bases);
    return result;
error:
    Py_XDECREF(new_bases);
    return NULL;
}

static PyObject *
builtin___build_class__(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                        PyObject *kwnames)
{
    PyObject *func, *name, *winner, *prep;
    PyObject *cls = NULL, *cell = NULL, *ns = NULL, *meta = NULL, *orig_bases = NULL;
    PyObject *mkw = NULL, *bases = NULL;
    int isclass = 0;

    if (nargs < 2) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: not enough arguments");
        return NULL;
    }
    func = args[0];
    if (!PyFunction_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: func must be a function");
        return NULL;
    }
    name = args[1];
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: name is not a string");
        return NULL;
    }
    orig_bases = _PyTuple_FromArray(args + 2, nargs - 2);
    if (orig_bases == NULL)
        return NULL;
    bases = update_bases(orig_bases, args + 2, nargs - 2);
    if (bases == NULL) {
        Py_DECREF(orig_bases);
        return NULL;
    }

    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
        mkw = _PyStack_AsDict(args + nargs, kwnames);
        if (mkw == NULL)
            goto error;
        meta = PyDict_GetItemWithError(mkw, _Py_ID(metaclass));
        if (meta != NULL) {
            Py_INCREF(meta);
            if (PyDict_DelItem(mkw, _Py_ID(metaclass)) < 0)
                goto error;
            isclass = PyType_Check(meta);
        }
        else if (PyErr_Occurred())
            goto error;
    }
    if (meta == NULL) {
        if (PyTuple_GET_SIZE(bases) == 0)
            meta = (PyObject *)&PyType_Type;
        else
            meta = (PyObject *)Py_TYPE(PyTuple_GET_ITEM(bases, 0));
        Py_INCREF(meta);
        isclass = 1;
    }
    if (isclass) {
        winner = (PyObject *)_PyType_CalculateMetaclass((PyTypeObject *)meta, bases);
        if (winner == NULL)
            goto error;
        if (winner != meta)
            Py_SETREF(meta, Py_NewRef(winner));
    }
    if (_PyObject_LookupAttr(meta, _Py_ID(__prepare__), &prep) < 0)
        ns = NULL;
    else if (prep == NULL)
        ns = PyDict_New();
    else {
        PyObject *pargs[2] = {name, bases};
        ns = PyObject_VectorcallDict(prep, pargs, 2, mkw);
        Py_DECREF(prep);
    }
    if (ns == NULL)
        goto error;
    if (!PyMapping_Check(ns)) {
        PyErr_Format(PyExc_TypeError, "%.200s.__prepare__() must return a mapping, not %.200s",
                     isclass ? ((PyTypeObject *)meta)->tp_name : "<metaclass>",
                     Py_TYPE(ns)->tp_name);
        goto error;
    }
    cell = _PyEval_Vector(_PyThreadState_GET(), (PyFunctionObject *)func, ns, NULL, 0, NULL);
    if (cell != NULL) {
        PyObject *margs[3];
        if (bases != orig_bases) {
            if (PyObject_SetItem(ns, _Py_ID(__orig_bases__), orig_bases) < 0)
                goto error;
        }
        margs[0] = name;
        margs[1] = bases;
        margs[2] = ns;
        cls = PyObject_VectorcallDict(meta, margs, 3, mkw);
        if (cls != NULL && PyType_Check(cls) && PyCell_Check(cell)) {
            PyObject *cell_cls = PyCell_GET(cell);
            if (cell_cls != cls) {
                if (cell_cls == NULL)
                    PyErr_Format(PyExc_RuntimeError,
                                 "__class__ not set defining %.200R as %.200R. "
                                 "Was __classcell__ propagated to type.__new__?", name, cls);
                else
                    PyErr_Format(PyExc_TypeError,
                                 "__class__ set to %.200R defining %.200R as %.200R",
                                 cell_cls, name, cls);
                Py_SETREF(cls, NULL);
                goto error;
            }
        }
    }
error:
    Py_XDECREF(cell);
    Py_XDECREF(ns);
    Py_XDECREF(meta);
    Py_XDECREF(mkw);
    if (bases != orig_bases)
        Py_DECREF(orig_bases);
    Py_DECREF(bases);
    return cls;
}

/* ------------------------------------------------------------------ */
/* __import__                                                          */
/* ------------------------------------------------------------------ */

static PyObject *
builtin___import__(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    PyObject *argv[5];
    int level = 0;
    if (!_PyArg_ParseFast("__import__", args, nargs, kwnames, kwlist, 0, 1, 5, 0, argv))
        return NULL;
    if (argv[4] != NULL && as_c_int(argv[4], &level) < 0)
        return NULL;
    return PyImport_ImportModuleLevelObject(argv[0], argv[1], argv[2],
                                            argv[3] ? argv[3] : _PyTuple_GetEmpty(), level);
}

/* ------------------------------------------------------------------ */
/* simple one-argument functions                                        */
/* ------------------------------------------------------------------ */

static PyObject *
builtin_abs(PyObject *self, PyObject *x)
{
    return PyNumber_Absolute(x);
}

static PyObject *
builtin_all(PyObject *self, PyObject *v)
{
    PyObject *it, *item;
    iternextfunc iternext;
    int cmp;
    it = PyObject_GetIter(v);
    if (it == NULL)
        return NULL;
    iternext = Py_TYPE(it)->tp_iternext;
    for (;;) {
        item = iternext(it);
        if (item == NULL)
            break;
        cmp = PyObject_IsTrue(item);
        Py_DECREF(item);
        if (cmp < 0) {
            Py_DECREF(it);
            return NULL;
        }
        if (cmp == 0) {
            Py_DECREF(it);
            Py_RETURN_FALSE;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_StopIteration))
            PyErr_Clear();
        else
            return NULL;
    }
    Py_RETURN_TRUE;
}

static PyObject *
builtin_any(PyObject *self, PyObject *v)
{
    PyObject *it, *item;
    iternextfunc iternext;
    int cmp;
    it = PyObject_GetIter(v);
    if (it == NULL)
        return NULL;
    iternext = Py_TYPE(it)->tp_iternext;
    for (;;) {
        item = iternext(it);
        if (item == NULL)
            break;
        cmp = PyObject_IsTrue(item);
        Py_DECREF(item);
        if (cmp < 0) {
            Py_DECREF(it);
            return NULL;
        }
        if (cmp > 0) {
            Py_DECREF(it);
            Py_RETURN_TRUE;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_StopIteration))
            PyErr_Clear();
        else
            return NULL;
    }
    Py_RETURN_FALSE;
}

static PyObject *
builtin_ascii(PyObject *self, PyObject *obj)
{
    return PyObject_ASCII(obj);
}

static PyObject *
builtin_bin(PyObject *self, PyObject *x)
{
    return PyNumber_ToBase(x, 2);
}

static PyObject *
builtin_oct(PyObject *self, PyObject *x)
{
    return PyNumber_ToBase(x, 8);
}

static PyObject *
builtin_hex(PyObject *self, PyObject *x)
{
    return PyNumber_ToBase(x, 16);
}

static PyObject *
builtin_callable(PyObject *self, PyObject *obj)
{
    return PyBool_FromLong((long)PyCallable_Check(obj));
}

static PyObject *
builtin_chr(PyObject *self, PyObject *arg)
{
    int v;
    if (as_c_int(arg, &v) < 0)
        return NULL;
    if (v < 0 || v > 0x10ffff) {
        PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return PyUnicode_FromOrdinal(v);
}

static PyObject *
builtin_ord(PyObject *self, PyObject *c)
{
    Py_ssize_t size;
    if (PyBytes_Check(c)) {
        size = PyBytes_GET_SIZE(c);
        if (size == 1)
            return PyLong_FromLong((long)(unsigned char)PyBytes_AS_STRING(c)[0]);
    }
    else if (PyUnicode_Check(c)) {
        size = PyUnicode_GET_LENGTH(c);
        if (size == 1)
            return PyLong_FromLong((long)PyUnicode_READ_CHAR(c, 0));
    }
    else if (PyByteArray_Check(c)) {
        size = PyByteArray_GET_SIZE(c);
        if (size == 1)
            return PyLong_FromLong((long)(unsigned char)PyByteArray_AS_STRING(c)[0]);
    }
    else {
        PyErr_Format(PyExc_TypeError, "ord() expected string of length 1, but %.200s found",
                     Py_TYPE(c)->tp_name);
        return NULL;
    }
    PyErr_Format(PyExc_TypeError, "ord() expected a character, but string of length %zd found",
                 size);
    return NULL;
}

static PyObject *
builtin_hash(PyObject *self, PyObject *obj)
{
    Py_hash_t x = PyObject_Hash(obj);
    if (x == -1)
        return NULL;
    return PyLong_FromSsize_t(x);
}

static PyObject *
builtin_id(PyObject *self, PyObject *v)
{
    return PyLong_FromUnsignedLong((unsigned long)(uintptr_t)v);
}

static PyObject *
builtin_len(PyObject *self, PyObject *obj)
{
    Py_ssize_t res = PyObject_Size(obj);
    if (res < 0)
        return NULL;
    return PyLong_FromSsize_t(res);
}

static PyObject *
builtin_repr(PyObject *self, PyObject *obj)
{
    return PyObject_Repr(obj);
}

static PyObject *
builtin_globals(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *d = PyEval_GetGlobals();
    if (d == NULL) {
        if (PyErr_Occurred())
            return NULL;
        Py_RETURN_NONE;
    }
    return Py_NewRef(d);
}

static PyObject *
builtin_locals(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *d = PyEval_GetLocals();
    if (d == NULL)
        return NULL;
    return Py_NewRef(d);
}

/* ------------------------------------------------------------------ */
/* attribute functions                                                 */
/* ------------------------------------------------------------------ */

static PyObject *
builtin_getattr(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *v, *name, *result;
    if (!_PyArg_CheckPositional("getattr", nargs, 2, 3))
        return NULL;
    v = args[0];
    name = args[1];
    if (nargs > 2) {
        if (lookup_attr(v, name, &result) == 0)
            return Py_NewRef(args[2]);
    }
    else
        result = PyObject_GetAttr(v, name);
    return result;
}

static PyObject *
builtin_hasattr(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *v;
    if (!_PyArg_CheckPositional("hasattr", nargs, 2, 2))
        return NULL;
    if (lookup_attr(args[0], args[1], &v) < 0)
        return NULL;
    if (v == NULL)
        Py_RETURN_FALSE;
    Py_DECREF(v);
    Py_RETURN_TRUE;
}

static PyObject *
builtin_setattr(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setattr", nargs, 3, 3))
        return NULL;
    if (PyObject_SetAttr(args[0], args[1], args[2]) != 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
builtin_delattr(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("delattr", nargs, 2, 2))
        return NULL;
    if (PyObject_SetAttr(args[0], args[1], NULL) != 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
builtin_dir(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("dir", nargs, 0, 1))
        return NULL;
    return PyObject_Dir(nargs ? args[0] : NULL);
}

static PyObject *
builtin_vars(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *d;
    if (!_PyArg_CheckPositional("vars", nargs, 0, 1))
        return NULL;
    if (nargs == 0) {
        d = PyEval_GetLocals();
        return Py_XNewRef(d);
    }
    if (_PyObject_LookupAttr(args[0], _Py_ID(__dict__), &d) == 0)
        PyErr_SetString(PyExc_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

/* ------------------------------------------------------------------ */
/* numbers                                                             */
/* ------------------------------------------------------------------ */

static PyObject *
builtin_divmod(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("divmod", nargs, 2, 2))
        return NULL;
    return PyNumber_Divmod(args[0], args[1]);
}

static PyObject *
builtin_pow(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"base", "exp", "mod", NULL};
    PyObject *argv[3];
    if (kwnames == NULL && nargs >= 2 && nargs <= 3)
        return PyNumber_Power(args[0], args[1], nargs == 3 ? args[2] : Py_None);
    if (!_PyArg_ParseFast("pow", args, nargs, kwnames, kwlist, 0, 2, 3, 0, argv))
        return NULL;
    return PyNumber_Power(argv[0], argv[1], argv[2] ? argv[2] : Py_None);
}

static PyObject *
builtin_round(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"number", "ndigits", NULL};
    PyObject *argv[2];
    PyObject *number, *ndigits, *roundf, *result;

    if (!_PyArg_ParseFast("round", args, nargs, kwnames, kwlist, 0, 1, 2, 0, argv))
        return NULL;
    number = argv[0];
    ndigits = argv[1] ? argv[1] : Py_None;

    if (ndigits == Py_None) {
        if (PyLong_CheckExact(number))
            return Py_NewRef(number);
        if (PyFloat_CheckExact(number)) {
            /* float.__round__() without ndigits: round half to even */
            double x = PyFloat_AS_DOUBLE(number);
            double rounded = round(x);
            if (fabs(x - rounded) == 0.5)
                rounded = 2.0 * round(x / 2.0);
            return PyLong_FromDouble(rounded);
        }
    }
    if (PyType_Ready(Py_TYPE(number)) < 0)
        return NULL;
    roundf = lookup_special(number, _Py_ID(__round__));
    if (roundf == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "type %.100s doesn't define __round__ method",
                         Py_TYPE(number)->tp_name);
        return NULL;
    }
    if (ndigits == Py_None)
        result = PyObject_CallNoArgs(roundf);
    else
        result = PyObject_CallOneArg(roundf, ndigits);
    Py_DECREF(roundf);
    return result;
}

static PyObject *
builtin_sum(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"", "start", NULL};
    PyObject *argv[2];
    PyObject *iter, *item, *temp, *result;

    if (kwnames == NULL && nargs >= 1 && nargs <= 2) {
        argv[0] = args[0];
        argv[1] = nargs > 1 ? args[1] : NULL;
    }
    else if (!_PyArg_ParseFast("sum", args, nargs, kwnames, kwlist, 1, 1, 2, 0, argv))
        return NULL;
    result = argv[1];

    iter = PyObject_GetIter(argv[0]);
    if (iter == NULL)
        return NULL;

    if (result == NULL) {
        result = PyLong_FromLong(0);
        if (result == NULL) {
            Py_DECREF(iter);
            return NULL;
        }
    }
    else {
        if (PyUnicode_Check(result)) {
            PyErr_SetString(PyExc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
            Py_DECREF(iter);
            return NULL;
        }
        if (PyBytes_Check(result)) {
            PyErr_SetString(PyExc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
            Py_DECREF(iter);
            return NULL;
        }
        if (PyByteArray_Check(result)) {
            PyErr_SetString(PyExc_TypeError,
                            "sum() can't sum bytearray [use b''.join(seq) instead]");
            Py_DECREF(iter);
            return NULL;
        }
        Py_INCREF(result);
    }

    /* Fast path: ints that fit in a C long. */
    if (PyLong_CheckExact(result)) {
        int overflow;
        long i_result = PyLong_AsLongAndOverflow(result, &overflow);
        if (overflow == 0)
            Py_SETREF(result, NULL);
        while (result == NULL) {
            item = PyIter_Next(iter);
            if (item == NULL) {
                Py_DECREF(iter);
                if (PyErr_Occurred())
                    return NULL;
                return PyLong_FromLong(i_result);
            }
            if (PyLong_CheckExact(item) || PyBool_Check(item)) {
                long b;
                overflow = 0;
                if (_PyLong_IsCompact((PyLongObject *)item))
                    b = (long)_PyLong_CompactValue((PyLongObject *)item);
                else
                    b = PyLong_AsLongAndOverflow(item, &overflow);
                if (overflow == 0 &&
                    (i_result >= 0 ? (b <= LONG_MAX - i_result) : (b >= LONG_MIN - i_result))) {
                    i_result += b;
                    Py_DECREF(item);
                    continue;
                }
            }
            result = PyLong_FromLong(i_result);
            if (result == NULL) {
                Py_DECREF(item);
                Py_DECREF(iter);
                return NULL;
            }
            temp = PyNumber_Add(result, item);
            Py_DECREF(result);
            Py_DECREF(item);
            result = temp;
            if (result == NULL) {
                Py_DECREF(iter);
                return NULL;
            }
        }
    }

    /* Fast path: floats, with Neumaier's compensated summation. */
    if (PyFloat_CheckExact(result)) {
        double f_result = PyFloat_AS_DOUBLE(result);
        double c = 0.0;
        Py_SETREF(result, NULL);
        while (result == NULL) {
            item = PyIter_Next(iter);
            if (item == NULL) {
                Py_DECREF(iter);
                if (PyErr_Occurred())
                    return NULL;
                if (c && isfinite(c))
                    f_result += c;
                return PyFloat_FromDouble(f_result);
            }
            if (PyFloat_CheckExact(item)) {
                double x = PyFloat_AS_DOUBLE(item);
                double t = f_result + x;
                if (fabs(f_result) >= fabs(x))
                    c += (f_result - t) + x;
                else
                    c += (x - t) + f_result;
                f_result = t;
                Py_DECREF(item);
                continue;
            }
            if (PyLong_Check(item)) {
                int overflow;
                long value = PyLong_AsLongAndOverflow(item, &overflow);
                if (!overflow) {
                    f_result += (double)value;
                    Py_DECREF(item);
                    continue;
                }
            }
            if (c && isfinite(c))
                f_result += c;
            result = PyFloat_FromDouble(f_result);
            if (result == NULL) {
                Py_DECREF(item);
                Py_DECREF(iter);
                return NULL;
            }
            temp = PyNumber_Add(result, item);
            Py_DECREF(result);
            Py_DECREF(item);
            result = temp;
            if (result == NULL) {
                Py_DECREF(iter);
                return NULL;
            }
        }
    }

    for (;;) {
        item = PyIter_Next(iter);
        if (item == NULL) {
            if (PyErr_Occurred())
                Py_SETREF(result, NULL);
            break;
        }
        temp = PyNumber_Add(result, item);
        Py_DECREF(result);
        Py_DECREF(item);
        result = temp;
        if (result == NULL)
            break;
    }
    Py_DECREF(iter);
    return result;
}

/* min() and max() */
static PyObject *
min_max(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, int op)
{
    const char *name = op == Py_LT ? "min" : "max";
    PyObject *keyfunc = NULL, *defaultval = NULL;
    PyObject *it = NULL, *item, *val, *maxitem = NULL, *maxval = NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0, i;
    int positional = nargs > 1;

    if (nargs == 0) {
        PyErr_Format(PyExc_TypeError, "%s expected at least 1 argument, got 0", name);
        return NULL;
    }
    if (nkw > 2) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most 2 keyword arguments (%zd given)",
                     name, nkw);
        return NULL;
    }
    for (i = 0; i < nkw; i++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, i);
        if (kw_is(key, _Py_ID(key), "key"))
            keyfunc = args[nargs + i];
        else if (kw_is(key, _Py_ID(default), "default"))
            defaultval = args[nargs + i];
        else {
            PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for %s()",
                         key, name);
            return NULL;
        }
    }
    if (positional && defaultval != NULL) {
        PyErr_Format(PyExc_TypeError,
                     "Cannot specify a default for %s() with multiple positional arguments",
                     name);
        return NULL;
    }
    if (keyfunc == Py_None)
        keyfunc = NULL;

    if (positional) {
        /* iterate over the argument array directly */
        for (i = 0; i < nargs; i++) {
            item = Py_NewRef(args[i]);
            if (keyfunc != NULL) {
                val = PyObject_CallOneArg(keyfunc, item);
                if (val == NULL)
                    goto fail_item;
            }
            else
                val = Py_NewRef(item);
            if (maxval == NULL) {
                maxitem = item;
                maxval = val;
            }
            else {
                int cmp = PyObject_RichCompareBool(val, maxval, op);
                if (cmp < 0)
                    goto fail_item_and_val;
                if (cmp > 0) {
                    Py_DECREF(maxval);
                    Py_DECREF(maxitem);
                    maxval = val;
                    maxitem = item;
                }
                else {
                    Py_DECREF(item);
                    Py_DECREF(val);
                }
            }
        }
        Py_DECREF(maxval);
        return maxitem;
    }

    it = PyObject_GetIter(args[0]);
    if (it == NULL)
        return NULL;
    while ((item = PyIter_Next(it)) != NULL) {
        if (keyfunc != NULL) {
            val = PyObject_CallOneArg(keyfunc, item);
            if (val == NULL)
                goto fail_item;
        }
        else
            val = Py_NewRef(item);
        if (maxval == NULL) {
            maxitem = item;
            maxval = val;
        }
        else {
            int cmp = PyObject_RichCompareBool(val, maxval, op);
            if (cmp < 0)
                goto fail_item_and_val;
            if (cmp > 0) {
                Py_DECREF(maxval);
                Py_DECREF(maxitem);
                maxval = val;
                maxitem = item;
            }
            else {
                Py_DECREF(item);
                Py_DECREF(val);
            }
        }
    }
    if (PyErr_Occurred())
        goto fail;
    if (maxval == NULL) {
        if (defaultval != NULL)
            maxitem = Py_NewRef(defaultval);
        else
            PyErr_Format(PyExc_ValueError, "%s() iterable argument is empty", name);
    }
    else
        Py_DECREF(maxval);
    Py_DECREF(it);
    return maxitem;

fail_item_and_val:
    Py_DECREF(val);
fail_item:
    Py_DECREF(item);
fail:
    Py_XDECREF(maxval);
    Py_XDECREF(maxitem);
    Py_XDECREF(it);
    return NULL;
}

static PyObject *
builtin_min(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return min_max(args, nargs, kwnames, Py_LT);
}

static PyObject *
builtin_max(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return min_max(args, nargs, kwnames, Py_GT);
}

/* ------------------------------------------------------------------ */
/* iteration                                                           */
/* ------------------------------------------------------------------ */

static PyObject *
builtin_iter(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("iter", nargs, 1, 2))
        return NULL;
    if (nargs == 1)
        return PyObject_GetIter(args[0]);
    if (!PyCallable_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "iter(object, sentinel): object must be callable");
        return NULL;
    }
    return PyCallIter_New(args[0], args[1]);
}

static PyObject *
builtin_next(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *it, *res;
    if (!_PyArg_CheckPositional("next", nargs, 1, 2))
        return NULL;
    it = args[0];
    if (!PyIter_Check(it)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not an iterator", Py_TYPE(it)->tp_name);
        return NULL;
    }
    res = Py_TYPE(it)->tp_iternext(it);
    if (res != NULL)
        return res;
    if (nargs > 1) {
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration))
                return NULL;
            PyErr_Clear();
        }
        return Py_NewRef(args[1]);
    }
    if (!PyErr_Occurred())
        PyErr_SetNone(PyExc_StopIteration);
    return NULL;
}

static PyObject *
builtin_aiter(PyObject *self, PyObject *async_iterable)
{
    PyTypeObject *t = Py_TYPE(async_iterable);
    PyObject *it;
    if (t->tp_as_async == NULL || t->tp_as_async->am_aiter == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not an async iterable", t->tp_name);
        return NULL;
    }
    it = t->tp_as_async->am_aiter(async_iterable);
    if (it == NULL)
        return NULL;
    if (Py_TYPE(it)->tp_as_async == NULL || Py_TYPE(it)->tp_as_async->am_anext == NULL) {
        PyErr_Format(PyExc_TypeError, "aiter() returned not an async iterator of type '%.100s'",
                     Py_TYPE(it)->tp_name);
        Py_DECREF(it);
        return NULL;
    }
    return it;
}

static PyObject *
builtin_anext(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyTypeObject *t;
    if (!_PyArg_CheckPositional("anext", nargs, 1, 2))
        return NULL;
    t = Py_TYPE(args[0]);
    if (t->tp_as_async == NULL || t->tp_as_async->am_anext == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not an async iterator", t->tp_name);
        return NULL;
    }
    if (nargs == 2) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "anext() with a default value is not supported by refpy");
        return NULL;
    }
    return t->tp_as_async->am_anext(args[0]);
}

static PyObject *
builtin_sorted(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *newlist, *callable, *v;
    if (!_PyArg_CheckPositional("sorted", nargs, 1, 1))
        return NULL;
    newlist = PySequence_List(args[0]);
    if (newlist == NULL)
        return NULL;
    if (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0) {
        if (PyList_Sort(newlist) < 0) {
            Py_DECREF(newlist);
            return NULL;
        }
        return newlist;
    }
    callable = PyObject_GetAttr(newlist, _Py_ID(sort));
    if (callable == NULL) {
        Py_DECREF(newlist);
        return NULL;
    }
    v = PyObject_Vectorcall(callable, args + 1, 0, kwnames);
    Py_DECREF(callable);
    if (v == NULL) {
        Py_DECREF(newlist);
        return NULL;
    }
    Py_DECREF(v);
    return newlist;
}

/* ------------------------------------------------------------------ */
/* types and formatting                                                */
/* ------------------------------------------------------------------ */

static PyObject *
builtin_isinstance(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    int r;
    if (!_PyArg_CheckPositional("isinstance", nargs, 2, 2))
        return NULL;
    r = PyObject_IsInstance(args[0], args[1]);
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

static PyObject *
builtin_issubclass(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    int r;
    if (!_PyArg_CheckPositional("issubclass", nargs, 2, 2))
        return NULL;
    r = PyObject_IsSubclass(args[0], args[1]);
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

static PyObject *
builtin_format(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *spec = NULL;
    if (!_PyArg_CheckPositional("format", nargs, 1, 2))
        return NULL;
    if (nargs > 1) {
        spec = args[1];
        if (!PyUnicode_Check(spec)) {
            PyErr_Format(PyExc_TypeError, "format() argument 2 must be str, not %.50s",
                         Py_TYPE(spec)->tp_name);
            return NULL;
        }
    }
    return PyObject_Format(args[0], spec ? spec : _PyUnicode_GetEmpty());
}

/* ------------------------------------------------------------------ */
/* print and input                                                     */
/* ------------------------------------------------------------------ */

static PyObject *
builtin_print(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *sep = NULL, *end = NULL, *file = NULL, *flushobj = NULL;
    Py_ssize_t i, nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    int flush = 0;

    for (i = 0; i < nkw; i++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, i);
        PyObject *val = args[nargs + i];
        if (kw_is(key, _Py_ID(sep), "sep"))
            sep = val;
        else if (kw_is(key, _Py_ID(end), "end"))
            end = val;
        else if (kw_is(key, _Py_ID(file), "file"))
            file = val;
        else if (kw_is(key, _Py_ID(flush), "flush"))
            flushobj = val;
        else {
            PyErr_Format(PyExc_TypeError, "'%S' is an invalid keyword argument for print()", key);
            return NULL;
        }
    }
    if (flushobj != NULL) {
        flush = PyObject_IsTrue(flushobj);
        if (flush < 0)
            return NULL;
    }
    if (file == NULL || file == Py_None) {
        file = PySys_GetObject("stdout");
        if (file == NULL) {
            PyErr_SetString(PyExc_RuntimeError, "lost sys.stdout");
            return NULL;
        }
        if (file == Py_None)
            Py_RETURN_NONE;
    }
    if (sep == Py_None)
        sep = NULL;
    else if (sep && !PyUnicode_Check(sep)) {
        PyErr_Format(PyExc_TypeError, "sep must be None or a string, not %.200s",
                     Py_TYPE(sep)->tp_name);
        return NULL;
    }
    if (end == Py_None)
        end = NULL;
    else if (end && !PyUnicode_Check(end)) {
        PyErr_Format(PyExc_TypeError, "end must be None or a string, not %.200s",
                     Py_TYPE(end)->tp_name);
        return NULL;
    }
    Py_INCREF(file);
    for (i = 0; i < nargs; i++) {
        if (i > 0 && file_write_object(sep ? sep : _Py_STR(" "), file, 1) < 0)
            goto error;
        if (file_write_object(args[i], file, 1) < 0)
            goto error;
    }
    if (file_write_object(end ? end : _Py_STR("\n"), file, 1) < 0)
        goto error;
    if (flush) {
        PyObject *tmp = PyObject_CallMethodNoArgs(file, _Py_ID(flush));
        if (tmp == NULL)
            goto error;
        Py_DECREF(tmp);
    }
    Py_DECREF(file);
    Py_RETURN_NONE;
error:
    Py_DECREF(file);
    return NULL;
}

static PyObject *
builtin_input(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *fin, *fout, *ferr, *tmp, *result;
    int handled;
    if (!_PyArg_CheckPositional("input", nargs, 0, 1))
        return NULL;
    fin = PySys_GetObject("stdin");
    fout = PySys_GetObject("stdout");
    ferr = PySys_GetObject("stderr");
    if (fin == NULL || fin == Py_None) {
        PyErr_SetString(PyExc_RuntimeError, "input(): lost sys.stdin");
        return NULL;
    }
    if (fout == NULL || fout == Py_None) {
        PyErr_SetString(PyExc_RuntimeError, "input(): lost sys.stdout");
        return NULL;
    }
    if (ferr == NULL || ferr == Py_None) {
        PyErr_SetString(PyExc_RuntimeError, "input(): lost sys.stderr");
        return NULL;
    }
    Py_INCREF(fin);
    Py_INCREF(fout);
    tmp = PyObject_CallMethodNoArgs(ferr, _Py_ID(flush));
    if (tmp == NULL)
        PyErr_Clear();
    else
        Py_DECREF(tmp);
    if (nargs > 0 && file_write_object(args[0], fout, 1) < 0)
        goto error;
    tmp = PyObject_CallMethodNoArgs(fout, _Py_ID(flush));
    if (tmp == NULL)
        PyErr_Clear();
    else
        Py_DECREF(tmp);

    result = _PyIO_ReadlineIfText(fin, &handled);
    if (!handled)
        result = PyObject_CallMethodNoArgs(fin, _Py_ID(readline));
    if (result == NULL)
        goto error;
    if (!PyUnicode_Check(result)) {
        if (!PyBytes_Check(result)) {
            Py_DECREF(result);
            PyErr_SetString(PyExc_TypeError, "object.readline() returned non-string");
            goto error;
        }
    }
    {
        Py_ssize_t len = PyUnicode_Check(result) ? PyUnicode_GET_LENGTH(result)
                                                 : PyBytes_GET_SIZE(result);
        if (len == 0) {
            Py_DECREF(result);
            PyErr_SetString(PyExc_EOFError, "EOF when reading a line");
            goto error;
        }
        if (PyUnicode_Check(result) && PyUnicode_READ_CHAR(result, len - 1) == '\n') {
            PyObject *v = PyUnicode_Substring(result, 0, len - 1);
            Py_SETREF(result, v);
        }
        else if (PyBytes_Check(result) && PyBytes_AS_STRING(result)[len - 1] == '\n') {
            PyObject *v = PyBytes_FromStringAndSize(PyBytes_AS_STRING(result), len - 1);
            Py_SETREF(result, v);
        }
    }
    Py_DECREF(fin);
    Py_DECREF(fout);
    return result;
error:
    Py_DECREF(fin);
    Py_DECREF(fout);
    return NULL;
}

static PyObject *
builtin_open(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return _PyIO_Open(self, args, nargs, kwnames);
}

static PyObject *
builtin_breakpoint(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *hook = PySys_GetObject("breakpointhook");
    if (hook == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "lost sys.breakpointhook");
        return NULL;
    }
    Py_INCREF(hook);
    {
        PyObject *r = PyObject_Vectorcall(hook, args, (size_t)nargs, kwnames);
        Py_DECREF(hook);
        return r;
    }
}

/* ------------------------------------------------------------------ */
/* compile, eval, exec                                                 */
/* ------------------------------------------------------------------ */

/* The UTF-8 text of a source argument (borrowed from the object). */
static const char *
source_as_string(PyObject *cmd, const char *funcname, const char *what)
{
    const char *str;
    Py_ssize_t size;
    if (PyUnicode_Check(cmd)) {
        str = PyUnicode_AsUTF8AndSize(cmd, &size);
        if (str == NULL)
            return NULL;
    }
    else if (PyBytes_Check(cmd)) {
        str = PyBytes_AS_STRING(cmd);
        size = PyBytes_GET_SIZE(cmd);
    }
    else if (PyByteArray_Check(cmd)) {
        str = PyByteArray_AS_STRING(cmd);
        size = PyByteArray_GET_SIZE(cmd);
        if (str == NULL)
            str = "";
    }
    else {
        PyErr_Format(PyExc_TypeError, "%s() arg 1 must be a %s object", funcname, what);
        return NULL;
    }
    if (strlen(str) != (size_t)size) {
        PyErr_SetString(PyExc_SyntaxError, "source code string cannot contain null bytes");
        return NULL;
    }
    return str;
}

/* Make sure globals has __builtins__. 0 / -1. */
static int
ensure_builtins(PyObject *globals)
{
    int r = PyDict_Contains(globals, _Py_ID(__builtins__));
    if (r == 0) {
        PyObject *b = PyEval_GetBuiltins();
        if (b == NULL)
            return -1;
        r = PyDict_SetItem(globals, _Py_ID(__builtins__), b);
    }
    return r < 0 ? -1 : 0;
}

/* Compile `str` with the given filename and mode, then evaluate it. */
static PyObject *
run_string(const char *str, int start, PyObject *globals, PyObject *locals)
{
    PyObject *co, *res;
    PyCompilerFlags cf = {0, 0};
    PyEval_MergeCompilerFlags(&cf);   /* exec()/eval() inherit future imports */
    co = Py_CompileStringObject(str, _Py_STR("<string>"), start, &cf, -1);
    if (co == NULL)
        return NULL;
    res = PyEval_EvalCode(co, globals, locals);
    Py_DECREF(co);
    return res;
}

static PyObject *
builtin_compile(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"source", "filename", "mode", "flags", "dont_inherit",
                                         "optimize", "_feature_version", NULL};
    PyObject *argv[7];
    PyObject *filename;
    const char *mode, *str;
    int flags = 0, optimize = -1, start;

    if (!_PyArg_ParseFast("compile", args, nargs, kwnames, kwlist, 0, 3, 6, 0, argv))
        return NULL;
    if (PyUnicode_Check(argv[1]))
        filename = Py_NewRef(argv[1]);
    else if (PyBytes_Check(argv[1])) {
        filename = PyUnicode_DecodeUTF8(PyBytes_AS_STRING(argv[1]), PyBytes_GET_SIZE(argv[1]),
                                        "surrogateescape");
        if (filename == NULL)
            return NULL;
    }
    else {
        PyErr_Format(PyExc_TypeError, "expected str, bytes or os.PathLike object, not %.200s",
                     Py_TYPE(argv[1])->tp_name);
        return NULL;
    }
    if (!PyUnicode_Check(argv[2])) {
        PyErr_Format(PyExc_TypeError, "compile() argument 'mode' must be str, not %.50s",
                     Py_TYPE(argv[2])->tp_name);
        goto error;
    }
    mode = PyUnicode_AsUTF8(argv[2]);
    if (mode == NULL)
        goto error;
    if (argv[3] != NULL && as_c_int(argv[3], &flags) < 0)
        goto error;
    int dont_inherit = 0;
    if (argv[4] != NULL && (dont_inherit = PyObject_IsTrue(argv[4])) < 0)
        goto error;
    if (argv[5] != NULL && as_c_int(argv[5], &optimize) < 0)
        goto error;
    if (argv[6] != NULL) {
        int fv;
        if (as_c_int(argv[6], &fv) < 0)
            goto error;
    }
    if (flags & ~(RP_PyCF_MASK | RP_PyCF_MASK_OBSOLETE | RP_PyCF_COMPILE_MASK)) {
        PyErr_SetString(PyExc_ValueError, "compile(): unrecognised flags");
        goto error;
    }
    if (optimize < -1 || optimize > 2) {
        PyErr_SetString(PyExc_ValueError, "compile(): invalid optimize value");
        goto error;
    }
    if (strcmp(mode, "exec") == 0)
        start = Py_file_input;
    else if (strcmp(mode, "eval") == 0)
        start = Py_eval_input;
    else if (strcmp(mode, "single") == 0)
        start = Py_single_input;
    else {
        PyErr_SetString(PyExc_ValueError,
                        (flags & RP_PyCF_ONLY_AST)
                            ? "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
                            : "compile() mode must be 'exec', 'eval' or 'single'");
        goto error;
    }
    if (flags & RP_PyCF_ONLY_AST) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "compile() to an AST object is not supported by refpy");
        goto error;
    }
    str = source_as_string(argv[0], "compile", "string, bytes or AST");
    if (str == NULL)
        goto error;
    {
        PyCompilerFlags cf = {flags, 0};
        if (!dont_inherit) PyEval_MergeCompilerFlags(&cf);
        PyObject *r = Py_CompileStringObject(str, filename, start, &cf, optimize);
        Py_DECREF(filename);
        return r;
    }
error:
    Py_DECREF(filename);
    return NULL;
}

static PyObject *
builtin_eval(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *source, *globals, *locals;
    const char *str;

    if (!_PyArg_NoKwnames("eval", kwnames))
        return NULL;
    if (!_PyArg_CheckPositional("eval", nargs, 1, 3))
        return NULL;
    source = args[0];
    globals = nargs > 1 ? args[1] : Py_None;
    locals = nargs > 2 ? args[2] : Py_None;

    if (locals != Py_None && !PyMapping_Check(locals)) {
        PyErr_SetString(PyExc_TypeError, "locals must be a mapping");
        return NULL;
    }
    if (globals != Py_None && !PyDict_Check(globals)) {
        PyErr_SetString(PyExc_TypeError, PyMapping_Check(globals)
                        ? "globals must be a real dict; try eval(expr, {}, mapping)"
                        : "globals must be a dict");
        return NULL;
    }
    if (globals == Py_None) {
        globals = PyEval_GetGlobals();
        if (locals == Py_None) {
            locals = PyEval_GetLocals();
            if (locals == NULL)
                return NULL;
        }
    }
    else if (locals == Py_None)
        locals = globals;
    if (globals == NULL || locals == NULL) {
        PyErr_SetString(PyExc_TypeError,
                        "eval must be given globals and locals when called without a frame");
        return NULL;
    }
    if (ensure_builtins(globals) < 0)
        return NULL;

    if (PyCode_Check(source)) {
        if (((PyCodeObject *)source)->co_nfreevars > 0) {
            PyErr_SetString(PyExc_TypeError,
                            "code object passed to eval() may not contain free variables");
            return NULL;
        }
        return PyEval_EvalCode(source, globals, locals);
    }
    str = source_as_string(source, "eval", "string, bytes or code");
    if (str == NULL)
        return NULL;
    while (*str == ' ' || *str == '\t')
        str++;
    {
        /* keep the source alive while compiling (str points into it) */
        PyObject *r;
        Py_INCREF(source);
        Py_INCREF(globals);
        Py_INCREF(locals);
        r = run_string(str, Py_eval_input, globals, locals);
        Py_DECREF(locals);
        Py_DECREF(globals);
        Py_DECREF(source);
        return r;
    }
}

static PyObject *
builtin_exec(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"", "", "", "closure", NULL};
    PyObject *argv[4];
    PyObject *source, *globals, *locals, *closure, *v;

    if (!_PyArg_ParseFast("exec", args, nargs, kwnames, kwlist, 3, 1, 3, 0, argv))
        return NULL;
    source = argv[0];
    globals = argv[1] ? argv[1] : Py_None;
    locals = argv[2] ? argv[2] : Py_None;
    closure = argv[3];

    if (globals == Py_None) {
        globals = PyEval_GetGlobals();
        if (locals == Py_None) {
            locals = PyEval_GetLocals();
            if (locals == NULL)
                return NULL;
        }
        if (!globals || !locals) {
            PyErr_SetString(PyExc_SystemError, "globals and locals cannot be NULL");
            return NULL;
        }
    }
    else if (locals == Py_None)
        locals = globals;

    if (!PyDict_Check(globals)) {
        PyErr_Format(PyExc_TypeError, "exec() globals must be a dict, not %.100s",
                     Py_TYPE(globals)->tp_name);
        return NULL;
    }
    if (!PyMapping_Check(locals)) {
        PyErr_Format(PyExc_TypeError, "locals must be a mapping or None, not %.100s",
                     Py_TYPE(locals)->tp_name);
        return NULL;
    }
    if (ensure_builtins(globals) < 0)
        return NULL;
    if (closure == Py_None)
        closure = NULL;

    if (PyCode_Check(source)) {
        Py_ssize_t num_free = ((PyCodeObject *)source)->co_nfreevars;
        if (num_free == 0) {
            if (closure) {
                PyErr_SetString(PyExc_TypeError, "cannot use a closure with this code object");
                return NULL;
            }
        }
        else {
            int ok = closure && PyTuple_CheckExact(closure) &&
                     PyTuple_GET_SIZE(closure) == num_free;
            if (ok) {
                Py_ssize_t i;
                for (i = 0; i < num_free; i++) {
                    if (!PyCell_Check(PyTuple_GET_ITEM(closure, i))) {
                        ok = 0;
                        break;
                    }
                }
            }
            if (!ok) {
                PyErr_Format(PyExc_TypeError,
                             "code object requires a closure of exactly length %zd", num_free);
                return NULL;
            }
        }
        if (!closure)
            v = PyEval_EvalCode(source, globals, locals);
        else
            v = PyEval_EvalCodeEx(source, globals, locals, NULL, 0, NULL, 0, NULL, 0, NULL,
                                  closure);
    }
    else {
        const char *str;
        if (closure != NULL) {
            PyErr_SetString(PyExc_TypeError,
                            "closure can only be used when source is a code object");
            return NULL;
        }
        str = source_as_string(source, "exec", "string, bytes or code");
        if (str == NULL)
            return NULL;
        Py_INCREF(source);
        Py_INCREF(globals);
        Py_INCREF(locals);
        v = run_string(str, Py_file_input, globals, locals);
        Py_DECREF(locals);
        Py_DECREF(globals);
        Py_DECREF(source);
    }
    if (v == NULL)
        return NULL;
    Py_DECREF(v);
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------------ */
/* exit() / quit() (CPython's site module adds these)                  */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    const char *name;
} quitterobject;

static PyObject *
quitter_repr(quitterobject *q)
{
    return PyUnicode_FromFormat("Use %s() or Ctrl-D (i.e. EOF) to exit", q->name);
}

static PyObject *
quitter_call(quitterobject *q, PyObject *args, PyObject *kwds)
{
    PyObject *code = Py_None;
    if (!PyArg_UnpackTuple(args, q->name, 0, 1, &code))
        return NULL;
    PyErr_SetObject(PyExc_SystemExit, code);
    return NULL;
}

static PyTypeObject Quitter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_sitebuiltins.Quitter",
    .tp_basicsize = sizeof(quitterobject),
    .tp_repr = (reprfunc)quitter_repr,
    .tp_call = (ternaryfunc)quitter_call,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static quitterobject exit_object = {PyObject_HEAD_INIT(&Quitter_Type) "exit"};
static quitterobject quit_object = {PyObject_HEAD_INIT(&Quitter_Type) "quit"};

/* ------------------------------------------------------------------ */
/* the module                                                          */
/* ------------------------------------------------------------------ */

#define FAST(f) _PyCFunction_CAST(f), METH_FASTCALL
#define FASTKW(f) _PyCFunction_CAST(f), METH_FASTCALL | METH_KEYWORDS

static PyMethodDef builtin_methods[] = {
    {"__build_class__", FASTKW(builtin___build_class__),
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\n"
     "Internal helper function used by the class statement."},
    {"__import__", FASTKW(builtin___import__), NULL},
    {"abs", (PyCFunction)builtin_abs, METH_O, NULL},
    {"all", (PyCFunction)builtin_all, METH_O, NULL},
    {"any", (PyCFunction)builtin_any, METH_O, NULL},
    {"ascii", (PyCFunction)builtin_ascii, METH_O, NULL},
    {"bin", (PyCFunction)builtin_bin, METH_O, NULL},
    {"breakpoint", FASTKW(builtin_breakpoint), NULL},
    {"callable", (PyCFunction)builtin_callable, METH_O, NULL},
    {"chr", (PyCFunction)builtin_chr, METH_O, NULL},
    {"compile", FASTKW(builtin_compile), NULL},
    {"delattr", FAST(builtin_delattr), NULL},
    {"dir", FAST(builtin_dir), NULL},
    {"divmod", FAST(builtin_divmod), NULL},
    {"eval", FASTKW(builtin_eval), NULL},
    {"exec", FASTKW(builtin_exec), NULL},
    {"format", FAST(builtin_format), NULL},
    {"getattr", FAST(builtin_getattr), NULL},
    {"globals", (PyCFunction)builtin_globals, METH_NOARGS, NULL},
    {"hasattr", FAST(builtin_hasattr), NULL},
    {"hash", (PyCFunction)builtin_hash, METH_O, NULL},
    {"hex", (PyCFunction)builtin_hex, METH_O, NULL},
    {"id", (PyCFunction)builtin_id, METH_O, NULL},
    {"input", FAST(builtin_input), NULL},
    {"isinstance", FAST(builtin_isinstance), NULL},
    {"issubclass", FAST(builtin_issubclass), NULL},
    {"iter", FAST(builtin_iter), NULL},
    {"aiter", (PyCFunction)builtin_aiter, METH_O, NULL},
    {"len", (PyCFunction)builtin_len, METH_O, NULL},
    {"locals", (PyCFunction)builtin_locals, METH_NOARGS, NULL},
    {"max", FASTKW(builtin_max), NULL},
    {"min", FASTKW(builtin_min), NULL},
    {"next", FAST(builtin_next), NULL},
    {"anext", FAST(builtin_anext), NULL},
    {"oct", (PyCFunction)builtin_oct, METH_O, NULL},
    {"ord", (PyCFunction)builtin_ord, METH_O, NULL},
    {"pow", FASTKW(builtin_pow), NULL},
    {"print", FASTKW(builtin_print), NULL},
    {"repr", (PyCFunction)builtin_repr, METH_O, NULL},
    {"round", FASTKW(builtin_round), NULL},
    {"setattr", FAST(builtin_setattr), NULL},
    {"sorted", FASTKW(builtin_sorted), NULL},
    {"sum", FASTKW(builtin_sum), NULL},
    {"vars", FAST(builtin_vars), NULL},
    {"open", FASTKW(builtin_open), NULL},
    {NULL, NULL, 0, NULL}
};

static PyModuleDef builtins_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "builtins",
    .m_doc = "Built-in functions, types, exceptions, and other objects.\n\n"
             "This module provides direct access to all 'built-in'\n"
             "identifiers of Python; for example, builtins.len is\n"
             "the full name for the built-in function len().\n\n"
             "This module is not normally accessed explicitly by most\n"
             "applications, but can be useful in modules that provide\n"
             "objects with the same name as a built-in value, but in\n"
             "which the built-in value is also needed.",
    .m_size = -1,
    .m_methods = builtin_methods,
};

PyObject *
_PyBuiltin_Init(void)
{
    PyObject *mod, *d;

    if (!(Quitter_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&Quitter_Type) < 0)
        return NULL;
    if (_PyIO_InitTypes() < 0)
        return NULL;
    mod = PyModule_Create(&builtins_def);
    if (mod == NULL)
        return NULL;
    d = PyModule_GetDict(mod);

#define SETBUILTIN(name, obj) \
    if (PyDict_SetItemString(d, name, (PyObject *)(obj)) < 0) goto error

    SETBUILTIN("None", Py_None);
    SETBUILTIN("Ellipsis", Py_Ellipsis);
    SETBUILTIN("NotImplemented", Py_NotImplemented);
    SETBUILTIN("False", Py_False);
    SETBUILTIN("True", Py_True);
    SETBUILTIN("bool", &PyBool_Type);
    SETBUILTIN("memoryview", &PyMemoryView_Type);
    SETBUILTIN("bytearray", &PyByteArray_Type);
    SETBUILTIN("bytes", &PyBytes_Type);
    SETBUILTIN("classmethod", &PyClassMethod_Type);
    SETBUILTIN("complex", &PyComplex_Type);
    SETBUILTIN("dict", &PyDict_Type);
    SETBUILTIN("enumerate", &PyEnum_Type);
    SETBUILTIN("filter", &PyFilter_Type);
    SETBUILTIN("float", &PyFloat_Type);
    SETBUILTIN("frozenset", &PyFrozenSet_Type);
    SETBUILTIN("property", &PyProperty_Type);
    SETBUILTIN("int", &PyLong_Type);
    SETBUILTIN("list", &PyList_Type);
    SETBUILTIN("map", &PyMap_Type);
    SETBUILTIN("object", &PyBaseObject_Type);
    SETBUILTIN("range", &PyRange_Type);
    SETBUILTIN("reversed", &PyReversed_Type);
    SETBUILTIN("set", &PySet_Type);
    SETBUILTIN("slice", &PySlice_Type);
    SETBUILTIN("staticmethod", &PyStaticMethod_Type);
    SETBUILTIN("str", &PyUnicode_Type);
    SETBUILTIN("super", &PySuper_Type);
    SETBUILTIN("tuple", &PyTuple_Type);
    SETBUILTIN("type", &PyType_Type);
    SETBUILTIN("zip", &PyZip_Type);
    SETBUILTIN("__debug__", Py_True);
    SETBUILTIN("exit", &exit_object);
    SETBUILTIN("quit", &quit_object);

#define RP_EXC(name, base, kind) SETBUILTIN(#name, PyExc_##name);
#include "refpy/exceptions.def"
#undef RP_EXC
    if (PyExc_ExceptionGroup != NULL)
        SETBUILTIN("ExceptionGroup", PyExc_ExceptionGroup);
    SETBUILTIN("EnvironmentError", PyExc_OSError);
    SETBUILTIN("IOError", PyExc_OSError);
#undef SETBUILTIN
    return mod;
error:
    Py_DECREF(mod);
    return NULL;
}
