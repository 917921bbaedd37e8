/* typeslots.c -- the table that ties dunder methods to C type slots.
 *
 * Two directions:
 *   - A static type's C slot is exposed to Python as a wrapper descriptor
 *     (int.__add__, list.__len__): _PyType_AddOperators adds one for every
 *     slot the type itself defines.
 *   - A class statement that defines __add__ makes nb_add point at
 *     slot_nb_add, which looks the method up on the type and calls it
 *     (with CPython's reflected-operand rules): _PyType_FixupSlots.
 * Several names can feed one slot (__lt__..__ge__ -> tp_richcompare,
 * __setattr__/__delattr__ -> tp_setattro, __add__/__radd__ -> nb_add).
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_typeobject.h"

#define PyWrapperFlag_KEYWORDS 1

typedef struct wrapperbase slotdef;

/* ------------------------------ wrappers ------------------------------ */
/* Each wrapper receives (self, args tuple, wrapped C function); the
   keyword-taking ones (flag KEYWORDS) get kwds as a fourth argument. */

PyObject *PyObject_GenericGetAttr_wrapper_rp(PyObject *self, PyObject *args, void *wrapped);
static PyObject *slot_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds);

typedef PyObject *(*wrapperfunc_kwds)(PyObject *self, PyObject *args, void *wrapped, PyObject *kwds);

static int
check_num_args(PyObject *ob, int n)
{
    if (!PyTuple_CheckExact(ob)) {
        PyErr_SetString(PyExc_SystemError, "PyArg_UnpackTuple() argument list is not a tuple");
        return 0;
    }
    if (n == PyTuple_GET_SIZE(ob)) return 1;
    PyErr_Format(PyExc_TypeError, "expected %d argument%s, got %zd", n, n == 1 ? "" : "s",
                 PyTuple_GET_SIZE(ob));
    return 0;
}

static PyObject *
wrap_binaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) return NULL;
    return ((binaryfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0));
}

static PyObject *
wrap_binaryfunc_l(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) return NULL;
    return ((binaryfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0));
}

static PyObject *
wrap_binaryfunc_r(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) return NULL;
    return ((binaryfunc)wrapped)(PyTuple_GET_ITEM(args, 0), self);
}

static PyObject *
wrap_ternaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *other, *third = Py_None;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 1 || n > 2) {
        PyErr_Format(PyExc_TypeError, "expected 1 or 2 arguments, got %zd", n);
        return NULL;
    }
    other = PyTuple_GET_ITEM(args, 0);
    if (n == 2) third = PyTuple_GET_ITEM(args, 1);
    return ((ternaryfunc)wrapped)(self, other, third);
}

static PyObject *
wrap_ternaryfunc_r(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *other, *third = Py_None;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 1 || n > 2) {
        PyErr_Format(PyExc_TypeError, "expected 1 or 2 arguments, got %zd", n);
        return NULL;
    }
    other = PyTuple_GET_ITEM(args, 0);
    if (n == 2) third = PyTuple_GET_ITEM(args, 1);
    return ((ternaryfunc)wrapped)(other, self, third);
}

static PyObject *
wrap_unaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) return NULL;
    return ((unaryfunc)wrapped)(self);
}

static PyObject *
wrap_inquirypred(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) return NULL;
    int res = ((inquiry)wrapped)(self);
    if (res < 0 && PyErr_Occurred()) return NULL;
    return PyBool_FromLong(res);
}

static PyObject *
wrap_lenfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) return NULL;
    Py_ssize_t res = ((lenfunc)wrapped)(self);
    if (res == -1 && PyErr_Occurred()) return NULL;
    return PyLong_FromSsize_t(res);
}

static PyObject *
wrap_indexargfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) return NULL;
    PyObject *o = PyTuple_GET_ITEM(args, 0);
    Py_ssize_t i = PyNumber_AsSsize_t(o, PyExc_OverflowError);
    if (i == -1 && PyErr_Occurred()) return NULL;
    return ((ssizeargfunc)wrapped)(self, i);
}

static Py_ssize_t
getindex(PyObject *self, PyObject *arg)
{
    Py_ssize_t i = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (i == -1 && PyErr_Occurred()) return -1;
    if (i < 0) {
        PySequenceMethods *sq = Py_TYPE(self)->tp_as_sequence;
        if (sq && sq->sq_length) {
            Py_ssize_t n = (*sq->sq_length)(self);
            if (n < 0) return -1;
            i += n;
        }
    }
    return i;
}

static PyObject *
wrap_sq_item(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) return NULL;
    Py_ssize_t i = getindex(self, PyTuple_GET_ITEM(args, 0));
    if (i == -1 && PyErr_Occurred()) return NULL;
    return ((ssizeargfunc)wrapped)(self, i);
}

static PyObject *
wrap_sq_setitem(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 2)) return NULL;
    Py_ssize_t i = getindex(self, PyTuple_GET_ITEM(args, 0));
    if (i == -1 && PyErr_Occurred()) return NULL;
    if (((ssizeobjargproc)wrapped)(self, i, PyTuple_GET_ITEM(args, 1)) < 0) return NULL;
    Py_RETURN_NONE;
}

static PyObject *
wrap_sq_delitem(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) return NULL;
    Py_ssize_t i = getindex(self, PyTuple_GET_ITEM(args, 0));
    if (i == -1 && PyErr_Occurred()) return NULL;
    if (((ssizeobjargproc)wrapped)(self, i, NULL) < 0) return NULL;
    Py_RETURN_NONE;
}

static PyObject *
wrap_objobjproc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) return NULL;
    int res = ((objobjproc)wrapped)(self, PyTuple_GET_ITEM(args, 0));
    if (res < 0) return NULL;
    return PyBool_FromLong(res);
}

static PyObject *
wrap_objobjargproc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 2)) return NULL;
    if (((objobjargproc)wrapped)(self, PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
wrap_delitem(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) return NULL;
    if (((objobjargproc)wrapped)(self, PyTuple_GET_ITEM(args, 0), NULL) < 0) return NULL;
    Py_RETURN_NONE;
}

static PyObject *
wrap_setattr(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 2)) return NULL;
    if (((setattrofunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
wrap_delattr(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) return NULL;
    if (((setattrofunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), NULL) < 0) return NULL;
    Py_RETURN_NONE;
}

static PyObject *
wrap_hashfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) return NULL;
    Py_hash_t res = ((hashfunc)wrapped)(self);
    if (res == -1 && PyErr_Occurred()) return NULL;
    return PyLong_FromSsize_t(res);
}

static PyObject *
wrap_call(PyObject *self, PyObject *args, void *wrapped, PyObject *kwds)
{
    return ((ternaryfunc)wrapped)(self, args, kwds);
}

static PyObject *
wrap_del(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) return NULL;
    ((destructor)wrapped)(self);
    if (PyErr_Occurred()) return NULL;
    Py_RETURN_NONE;
}

static PyObject *
wrap_richcmpfunc(PyObject *self, PyObject *args, void *wrapped, int op)
{
    if (!check_num_args(args, 1)) return NULL;
    return ((richcmpfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), op);
}

#define RICHCMP_WRAPPER(NAME, OP) \
static PyObject *richcmp_##NAME(PyObject *self, PyObject *args, void *wrapped) \
{ return wrap_richcmpfunc(self, args, wrapped, OP); }
RICHCMP_WRAPPER(lt, Py_LT)
RICHCMP_WRAPPER(le, Py_LE)
RICHCMP_WRAPPER(eq, Py_EQ)
RICHCMP_WRAPPER(ne, Py_NE)
RICHCMP_WRAPPER(gt, Py_GT)
RICHCMP_WRAPPER(ge, Py_GE)

static PyObject *
wrap_next(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) return NULL;
    PyObject *res = ((iternextfunc)wrapped)(self);
    if (res == NULL && !PyErr_Occurred()) PyErr_SetNone(PyExc_StopIteration);
    return res;
}

static PyObject *
wrap_descr_get(PyObject *self, PyObject *args, void *wrapped)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 1 || n > 2) {
        PyErr_Format(PyExc_TypeError, "expected 1 or 2 arguments, got %zd", n);
        return NULL;
    }
    PyObject *obj = PyTuple_GET_ITEM(args, 0);
    PyObject *type = n == 2 ? PyTuple_GET_ITEM(args, 1) : NULL;
    if (obj == Py_None) obj = NULL;
    if (type == Py_None) type = NULL;
    if (type == NULL && obj == NULL) {
        PyErr_SetString(PyExc_TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    return ((descrgetfunc)wrapped)(self, obj, type);
}

static PyObject *
wrap_descr_set(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 2)) return NULL;
    if (((descrsetfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
wrap_descr_delete(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) return NULL;
    if (((descrsetfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), NULL) < 0) return NULL;
    Py_RETURN_NONE;
}

static PyObject *
wrap_init(PyObject *self, PyObject *args, void *wrapped, PyObject *kwds)
{
    if (((initproc)wrapped)(self, args, kwds) < 0) return NULL;
    Py_RETURN_NONE;
}

/* ---------------------------- slot functions ---------------------------- */
/* Used by heap types: call the Python-level method.  lookup_method finds
   the attribute on type(self) and binds it (new reference, or NULL with
   no exception when missing and `missing_ok`). */

static PyObject *
lookup_maybe_method(PyObject *self, PyObject *name, int *unbound)
{
    PyObject *res = _PyType_Lookup(Py_TYPE(self), name);
    if (res == NULL) return NULL;
    if (PyType_HasFeature(Py_TYPE(res), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        *unbound = 1;
        Py_INCREF(res);
    }
    else {
        *unbound = 0;
        descrgetfunc f = Py_TYPE(res)->tp_descr_get;
        if (f == NULL) Py_INCREF(res);
        else res = f(res, self, (PyObject *)Py_TYPE(self));
    }
    return res;
}

/* Call self.name(*args) looked up on the type; args[0] is self.  New ref.
   Missing method -> AttributeError(name). */
static PyObject *
vectorcall_method(PyObject *name, PyObject *const *args, Py_ssize_t nargs)
{
    int unbound;
    PyObject *self = args[0];
    PyObject *func = lookup_maybe_method(self, name, &unbound);
    if (func == NULL) {
        if (!PyErr_Occurred()) PyErr_SetObject(PyExc_AttributeError, name);
        return NULL;
    }
    PyObject *res = unbound ? PyObject_Vectorcall(func, args, (size_t)nargs, NULL)
                            : PyObject_Vectorcall(func, args + 1, (size_t)(nargs - 1), NULL);
    Py_DECREF(func);
    return res;
}

/* As vectorcall_method, but returns NotImplemented when the method is missing. */
static PyObject *
vectorcall_maybe(PyObject *name, PyObject *const *args, Py_ssize_t nargs)
{
    int unbound;
    PyObject *self = args[0];
    PyObject *func = lookup_maybe_method(self, name, &unbound);
    if (func == NULL) {
        if (!PyErr_Occurred()) Py_RETURN_NOTIMPLEMENTED;
        return NULL;
    }
    PyObject *res = unbound ? PyObject_Vectorcall(func, args, (size_t)nargs, NULL)
                            : PyObject_Vectorcall(func, args + 1, (size_t)(nargs - 1), NULL);
    Py_DECREF(func);
    return res;
}

/* Does type(other) define `rop` differently from type(self)?  Only then is
   the reflected method tried first for a subclass operand. */
static int
method_is_overloaded(PyObject *left, PyObject *right, PyObject *name)
{
    PyObject *b = _PyType_Lookup(Py_TYPE(right), name);
    if (b == NULL) return 0;
    PyObject *a = _PyType_Lookup(Py_TYPE(left), name);
    return a != b;
}

#define SLOT0(FUNCNAME, DUNDER) \
static PyObject *FUNCNAME(PyObject *self) \
{ PyObject *stack[1] = {self}; return vectorcall_method(_Py_ID(DUNDER), stack, 1); }

#define SLOT1(FUNCNAME, DUNDER) \
static PyObject *FUNCNAME(PyObject *self, PyObject *arg1) \
{ PyObject *stack[2] = {self, arg1}; return vectorcall_method(_Py_ID(DUNDER), stack, 2); }

/* Binary operator with reflection, CPython's SLOT1BINFULL. */
#define SLOT1BIN(FUNCNAME, SLOTNAME, DUNDER, RDUNDER) \
static PyObject *FUNCNAME(PyObject *self, PyObject *other) \
{ \
    PyObject *stack[2]; \
    PyTypeObject *tself = Py_TYPE(self), *tother = Py_TYPE(other); \
    int do_other = !Py_IS_TYPE(self, tother) && tother->tp_as_number != NULL && \
                   tother->tp_as_number->SLOTNAME == FUNCNAME; \
    if (tself->tp_as_number != NULL && tself->tp_as_number->SLOTNAME == FUNCNAME) { \
        PyObject *r; \
        if (do_other && PyType_IsSubtype(tother, tself) && \
            method_is_overloaded(self, other, _Py_ID(RDUNDER))) { \
            stack[0] = other; stack[1] = self; \
            r = vectorcall_maybe(_Py_ID(RDUNDER), stack, 2); \
            if (r != Py_NotImplemented) return r; \
            Py_DECREF(r); do_other = 0; \
        } \
        stack[0] = self; stack[1] = other; \
        r = vectorcall_maybe(_Py_ID(DUNDER), stack, 2); \
        if (r != Py_NotImplemented || Py_IS_TYPE(other, tself)) return r; \
        Py_DECREF(r); \
    } \
    if (do_other) { \
        stack[0] = other; stack[1] = self; \
        return vectorcall_maybe(_Py_ID(RDUNDER), stack, 2); \
    } \
    Py_RETURN_NOTIMPLEMENTED; \
}

SLOT1BIN(slot_nb_add, nb_add, __add__, __radd__)
SLOT1BIN(slot_nb_subtract, nb_subtract, __sub__, __rsub__)
SLOT1BIN(slot_nb_multiply, nb_multiply, __mul__, __rmul__)
SLOT1BIN(slot_nb_matrix_multiply, nb_matrix_multiply, __matmul__, __rmatmul__)
SLOT1BIN(slot_nb_remainder, nb_remainder, __mod__, __rmod__)
SLOT1BIN(slot_nb_divmod, nb_divmod, __divmod__, __rdivmod__)
SLOT1BIN(slot_nb_lshift, nb_lshift, __lshift__, __rlshift__)
SLOT1BIN(slot_nb_rshift, nb_rshift, __rshift__, __rrshift__)
SLOT1BIN(slot_nb_and, nb_and, __and__, __rand__)
SLOT1BIN(slot_nb_xor, nb_xor, __xor__, __rxor__)
SLOT1BIN(slot_nb_or, nb_or, __or__, __ror__)
SLOT1BIN(slot_nb_floor_divide, nb_floor_divide, __floordiv__, __rfloordiv__)
SLOT1BIN(slot_nb_true_divide, nb_true_divide, __truediv__, __rtruediv__)
static PyObject *slot_nb_power(PyObject *self, PyObject *other, PyObject *modulus);

/* Two-argument power, with reflection; nb_power is ternary so the
   SLOT1BIN template can't be reused verbatim. */
static PyObject *
slot_nb_power_binary(PyObject *self, PyObject *other)
{
    PyObject *stack[2];
    PyTypeObject *tself = Py_TYPE(self), *tother = Py_TYPE(other);
    int do_other = !Py_IS_TYPE(self, tother) && tother->tp_as_number != NULL &&
                   tother->tp_as_number->nb_power == slot_nb_power;
    if (tself->tp_as_number != NULL && tself->tp_as_number->nb_power == slot_nb_power) {
        PyObject *r;
        if (do_other && PyType_IsSubtype(tother, tself) &&
            method_is_overloaded(self, other, _Py_ID(__rpow__))) {
            stack[0] = other; stack[1] = self;
            r = vectorcall_maybe(_Py_ID(__rpow__), stack, 2);
            if (r != Py_NotImplemented) return r;
            Py_DECREF(r); do_other = 0;
        }
        stack[0] = self; stack[1] = other;
        r = vectorcall_maybe(_Py_ID(__pow__), stack, 2);
        if (r != Py_NotImplemented || Py_IS_TYPE(other, tself)) return r;
        Py_DECREF(r);
    }
    if (do_other) {
        stack[0] = other; stack[1] = self;
        return vectorcall_maybe(_Py_ID(__rpow__), stack, 2);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *
slot_nb_power(PyObject *self, PyObject *other, PyObject *modulus)
{
    if (modulus == Py_None) return slot_nb_power_binary(self, other);
    /* Three-arg power doesn't use __rpow__. */
    if (Py_TYPE(self)->tp_as_number != NULL && Py_TYPE(self)->tp_as_number->nb_power == slot_nb_power) {
        PyObject *stack[3] = {self, other, modulus};
        return vectorcall_method(_Py_ID(__pow__), stack, 3);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

SLOT0(slot_nb_negative, __neg__)
SLOT0(slot_nb_positive, __pos__)
SLOT0(slot_nb_absolute, __abs__)
SLOT0(slot_nb_invert, __invert__)
SLOT0(slot_nb_int, __int__)
SLOT0(slot_nb_float, __float__)
SLOT0(slot_nb_index, __index__)
SLOT1(slot_nb_inplace_add, __iadd__)
SLOT1(slot_nb_inplace_subtract, __isub__)
SLOT1(slot_nb_inplace_multiply, __imul__)
SLOT1(slot_nb_inplace_matrix_multiply, __imatmul__)
SLOT1(slot_nb_inplace_remainder, __imod__)
SLOT1(slot_nb_inplace_lshift, __ilshift__)
SLOT1(slot_nb_inplace_rshift, __irshift__)
SLOT1(slot_nb_inplace_and, __iand__)
SLOT1(slot_nb_inplace_xor, __ixor__)
SLOT1(slot_nb_inplace_or, __ior__)
SLOT1(slot_nb_inplace_floor_divide, __ifloordiv__)
SLOT1(slot_nb_inplace_true_divide, __itruediv__)

static PyObject *
slot_nb_inplace_power(PyObject *self, PyObject *arg1, PyObject *arg2)
{
    PyObject *stack[2] = {self, arg1};
    return vectorcall_method(_Py_ID(__ipow__), stack, 2);
}

static int
slot_nb_bool(PyObject *self)
{
    int unbound, using_len = 0;
    PyObject *func = lookup_maybe_method(self, _Py_ID(__bool__), &unbound);
    if (func == NULL) {
        if (PyErr_Occurred()) return -1;
        func = lookup_maybe_method(self, _Py_ID(__len__), &unbound);
        if (func == NULL) return PyErr_Occurred() ? -1 : 1;
        using_len = 1;
    }
    PyObject *value = unbound ? PyObject_CallOneArg(func, self) : PyObject_CallNoArgs(func);
    Py_DECREF(func);
    if (value == NULL) return -1;
    int result;
    if (using_len) {
        Py_ssize_t n = PyNumber_AsSsize_t(value, PyExc_OverflowError);
        if (n == -1 && PyErr_Occurred()) {
            if (!PyLong_Check(value) && PyErr_ExceptionMatches(PyExc_TypeError)) {
                PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                             Py_TYPE(value)->tp_name);
            }
            result = -1;
        }
        else if (n < 0) {
            PyErr_SetString(PyExc_ValueError, "__len__() should return >= 0");
            result = -1;
        }
        else result = n != 0;
    }
    else if (PyBool_Check(value)) {
        result = value == Py_True;
    }
    else {
        PyErr_Format(PyExc_TypeError, "__bool__ should return bool, returned %s",
                     Py_TYPE(value)->tp_name);
        result = -1;
    }
    Py_DECREF(value);
    return result;
}

static Py_ssize_t
slot_sq_length(PyObject *self)
{
    PyObject *stack[1] = {self};
    PyObject *res = vectorcall_method(_Py_ID(__len__), stack, 1);
    if (res == NULL) return -1;
    PyObject *index = PyNumber_Index(res);
    Py_DECREF(res);
    if (index == NULL) return -1;
    if (_PyLong_Sign(index) < 0) {
        Py_DECREF(index);
        PyErr_SetString(PyExc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    Py_ssize_t len = PyLong_AsSsize_t(index);
    Py_DECREF(index);
    if (len == -1 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        return -1;
    }
    return len;
}

static PyObject *
slot_sq_item(PyObject *self, Py_ssize_t i)
{
    PyObject *ival = PyLong_FromSsize_t(i);
    if (ival == NULL) return NULL;
    PyObject *stack[2] = {self, ival};
    PyObject *res = vectorcall_method(_Py_ID(__getitem__), stack, 2);
    Py_DECREF(ival);
    return res;
}

static int
slot_sq_ass_item(PyObject *self, Py_ssize_t index, PyObject *value)
{
    PyObject *index_obj = PyLong_FromSsize_t(index);
    if (index_obj == NULL) return -1;
    PyObject *res;
    if (value == NULL) {
        PyObject *stack[2] = {self, index_obj};
        res = vectorcall_method(_Py_ID(__delitem__), stack, 2);
    }
    else {
        PyObject *stack[3] = {self, index_obj, value};
        res = vectorcall_method(_Py_ID(__setitem__), stack, 3);
    }
    Py_DECREF(index_obj);
    if (res == NULL) return -1;
    Py_DECREF(res);
    return 0;
}

static int
slot_sq_contains(PyObject *self, PyObject *value)
{
    int unbound;
    PyObject *func = lookup_maybe_method(self, _Py_ID(__contains__), &unbound);
    if (func == Py_None) {
        Py_DECREF(func);
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not a container", Py_TYPE(self)->tp_name);
        return -1;
    }
    if (func != NULL) {
        PyObject *res = unbound ? PyObject_Vectorcall(func, (PyObject *[]){self, value}, 2, NULL)
                                : PyObject_CallOneArg(func, value);
        Py_DECREF(func);
        if (res == NULL) return -1;
        int r = PyObject_IsTrue(res);
        Py_DECREF(res);
        return r;
    }
    if (PyErr_Occurred()) return -1;
    /* Fall back to iteration. */
    PyObject *it = PyObject_GetIter(self);
    if (it == NULL) return -1;
    PyObject *item;
    int found = 0;
    while ((item = PyIter_Next(it)) != NULL) {
        int cmp = PyObject_RichCompareBool(item, value, Py_EQ);
        Py_DECREF(item);
        if (cmp != 0) { found = cmp; break; }
    }
    Py_DECREF(it);
    if (found == 0 && PyErr_Occurred()) return -1;
    return found;
}

SLOT1(slot_mp_subscript, __getitem__)

static int
slot_mp_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
    PyObject *res;
    if (value == NULL) {
        PyObject *stack[2] = {self, key};
        res = vectorcall_method(_Py_ID(__delitem__), stack, 2);
    }
    else {
        PyObject *stack[3] = {self, key, value};
        res = vectorcall_method(_Py_ID(__setitem__), stack, 3);
    }
    if (res == NULL) return -1;
    Py_DECREF(res);
    return 0;
}

static PyObject *
slot_tp_repr(PyObject *self)
{
    int unbound;
    PyObject *func = lookup_maybe_method(self, _Py_ID(__repr__), &unbound);
    if (func != NULL) {
        PyObject *res = unbound ? PyObject_CallOneArg(func, self) : PyObject_CallNoArgs(func);
        Py_DECREF(func);
        return res;
    }
    if (PyErr_Occurred()) return NULL;
    return PyUnicode_FromFormat("<%s object at %p>", Py_TYPE(self)->tp_name, self);
}

SLOT0(slot_tp_str, __str__)

static Py_hash_t
slot_tp_hash(PyObject *self)
{
    int unbound;
    PyObject *func = lookup_maybe_method(self, _Py_ID(__hash__), &unbound);
    if (func == Py_None) { Py_CLEAR(func); }
    if (func == NULL) {
        if (PyErr_Occurred()) return -1;
        return PyObject_HashNotImplemented(self);
    }
    PyObject *res = unbound ? PyObject_CallOneArg(func, self) : PyObject_CallNoArgs(func);
    Py_DECREF(func);
    if (res == NULL) return -1;
    if (!PyLong_Check(res)) {
        PyErr_SetString(PyExc_TypeError, "__hash__ method should return an integer");
        Py_DECREF(res);
        return -1;
    }
    /* Transform the Python int into a Py_hash_t like hash(int) does. */
    Py_hash_t h = PyLong_AsSsize_t(res);
    if (h == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        h = PyObject_Hash(res);
    }
    else if (h == -1) {
        h = -2;
    }
    Py_DECREF(res);
    return h;
}

static PyObject *
slot_tp_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    int unbound;
    PyObject *meth = lookup_maybe_method(self, _Py_ID(__call__), &unbound);
    if (meth == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "'%.200s' object is not callable", Py_TYPE(self)->tp_name);
        return NULL;
    }
    PyObject *res;
    if (unbound) {
        Py_ssize_t n = PyTuple_GET_SIZE(args);
        PyObject *newargs = PyTuple_New(n + 1);
        if (newargs == NULL) { Py_DECREF(meth); return NULL; }
        PyTuple_SET_ITEM(newargs, 0, Py_NewRef(self));
        for (Py_ssize_t i = 0; i < n; i++)
            PyTuple_SET_ITEM(newargs, i + 1, Py_NewRef(PyTuple_GET_ITEM(args, i)));
        res = PyObject_Call(meth, newargs, kwds);
        Py_DECREF(newargs);
    }
    else {
        res = PyObject_Call(meth, args, kwds);
    }
    Py_DECREF(meth);
    return res;
}

/* __getattribute__ / __getattr__ hook. */
static PyObject *
call_attribute(PyObject *self, PyObject *attr, PyObject *name)
{
    PyObject *res, *descr = NULL;
    if (PyType_HasFeature(Py_TYPE(attr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        PyObject *args[] = {self, name};
        return PyObject_Vectorcall(attr, args, 2, NULL);
    }
    descrgetfunc f = Py_TYPE(attr)->tp_descr_get;
    if (f != NULL) {
        descr = f(attr, self, (PyObject *)Py_TYPE(self));
        if (descr == NULL) return NULL;
        attr = descr;
    }
    res = PyObject_CallOneArg(attr, name);
    Py_XDECREF(descr);
    return res;
}

static PyObject *
slot_tp_getattr_hook(PyObject *self, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject *getattr = _PyType_Lookup(tp, _Py_ID(__getattr__));
    if (getattr == NULL) {
        /* No __getattr__ hook: plain __getattribute__. */
        PyObject *getattribute = _PyType_Lookup(tp, _Py_ID(__getattribute__));
        if (getattribute == NULL) return PyObject_GenericGetAttr(self, name);
        Py_INCREF(getattribute);
        PyObject *res = call_attribute(self, getattribute, name);
        Py_DECREF(getattribute);
        return res;
    }
    Py_INCREF(getattr);
    PyObject *getattribute = _PyType_Lookup(tp, _Py_ID(__getattribute__));
    PyObject *res;
    if (getattribute == NULL ||
        (Py_IS_TYPE(getattribute, &PyWrapperDescr_Type) &&
         ((PyWrapperDescrObject *)getattribute)->d_wrapped == (void *)PyObject_GenericGetAttr)) {
        res = PyObject_GenericGetAttr(self, name);
    }
    else {
        Py_INCREF(getattribute);
        res = call_attribute(self, getattribute, name);
        Py_DECREF(getattribute);
    }
    if (res == NULL && PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();
        res = call_attribute(self, getattr, name);
    }
    Py_DECREF(getattr);
    return res;
}

static int
slot_tp_setattro(PyObject *self, PyObject *name, PyObject *value)
{
    PyObject *res;
    if (value == NULL) {
        PyObject *stack[2] = {self, name};
        res = vectorcall_method(_Py_ID(__delattr__), stack, 2);
    }
    else {
        PyObject *stack[3] = {self, name, value};
        res = vectorcall_method(_Py_ID(__setattr__), stack, 3);
    }
    if (res == NULL) return -1;
    Py_DECREF(res);
    return 0;
}

static PyObject *
slot_tp_richcompare(PyObject *self, PyObject *other, int op)
{
    static const char *const names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
    int unbound;
    PyObject *func = lookup_maybe_method(self, _PyUnicode_InternStatic(names[op]), &unbound);
    if (func == NULL) {
        if (PyErr_Occurred()) return NULL;
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *res;
    if (unbound) {
        PyObject *args[2] = {self, other};
        res = PyObject_Vectorcall(func, args, 2, NULL);
    }
    else res = PyObject_CallOneArg(func, other);
    Py_DECREF(func);
    return res;
}

static PyObject *
slot_tp_iter(PyObject *self)
{
    int unbound;
    PyObject *func = lookup_maybe_method(self, _Py_ID(__iter__), &unbound);
    if (func == Py_None) {
        Py_DECREF(func);
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable", Py_TYPE(self)->tp_name);
        return NULL;
    }
    if (func != NULL) {
        PyObject *res = unbound ? PyObject_CallOneArg(func, self) : PyObject_CallNoArgs(func);
        Py_DECREF(func);
        return res;
    }
    if (PyErr_Occurred()) return NULL;
    func = lookup_maybe_method(self, _Py_ID(__getitem__), &unbound);
    if (func == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable", Py_TYPE(self)->tp_name);
        return NULL;
    }
    Py_DECREF(func);
    return PySeqIter_New(self);
}

static PyObject *
slot_tp_iternext(PyObject *self)
{
    PyObject *stack[1] = {self};
    return vectorcall_method(_Py_ID(__next__), stack, 1);
}

static PyObject *
slot_tp_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject *get = _PyType_Lookup(tp, _Py_ID(__get__));
    if (get == NULL) return Py_NewRef(self);
    if (obj == NULL) obj = Py_None;
    if (type == NULL) type = Py_None;
    PyObject *stack[3] = {self, obj, type};
    return _PyObject_CallUnbound(get, stack, 3);
}

static int
slot_tp_descr_set(PyObject *self, PyObject *target, PyObject *value)
{
    PyObject *res;
    if (value == NULL) {
        PyObject *stack[2] = {self, target};
        res = vectorcall_method(_Py_ID(__delete__), stack, 2);
    }
    else {
        PyObject *stack[3] = {self, target, value};
        res = vectorcall_method(_Py_ID(__set__), stack, 3);
    }
    if (res == NULL) return -1;
    Py_DECREF(res);
    return 0;
}

static int
slot_tp_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    int unbound;
    PyObject *meth = lookup_maybe_method(self, _Py_ID(__init__), &unbound);
    if (meth == NULL) {
        if (!PyErr_Occurred()) PyErr_SetObject(PyExc_AttributeError, _Py_ID(__init__));
        return -1;
    }
    PyObject *res;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (unbound) {
        /* Build the vector [self, *args] on the C stack for small calls. */
        PyObject *small[8];
        PyObject **stack = small;
        if (n + 1 > 8) {
            stack = PyMem_Malloc(sizeof(PyObject *) * (size_t)(n + 1));
            if (stack == NULL) { Py_DECREF(meth); PyErr_NoMemory(); return -1; }
        }
        stack[0] = self;
        for (Py_ssize_t i = 0; i < n; i++) stack[i + 1] = PyTuple_GET_ITEM(args, i);
        res = PyObject_VectorcallDict(meth, stack, (size_t)(n + 1), kwds);
        if (stack != small) PyMem_Free(stack);
    }
    else {
        res = PyObject_Call(meth, args, kwds);
    }
    Py_DECREF(meth);
    if (res == NULL) return -1;
    if (res != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

static PyObject *
slot_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *func = PyObject_GetAttr((PyObject *)type, _Py_ID(__new__));
    if (func == NULL) return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    PyObject *small[8];
    PyObject **stack = small;
    if (n + 1 > 8) {
        stack = PyMem_Malloc(sizeof(PyObject *) * (size_t)(n + 1));
        if (stack == NULL) { Py_DECREF(func); return PyErr_NoMemory(); }
    }
    stack[0] = (PyObject *)type;
    for (Py_ssize_t i = 0; i < n; i++) stack[i + 1] = PyTuple_GET_ITEM(args, i);
    PyObject *result = PyObject_VectorcallDict(func, stack, (size_t)(n + 1), kwds);
    if (stack != small) PyMem_Free(stack);
    Py_DECREF(func);
    return result;
}

static void
slot_tp_finalize(PyObject *self)
{
    int unbound;
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *del = lookup_maybe_method(self, _Py_ID(__del__), &unbound);
    if (del != NULL) {
        PyObject *res = unbound ? PyObject_CallOneArg(del, self) : PyObject_CallNoArgs(del);
        if (res == NULL) PyErr_WriteUnraisable(del);
        else Py_DECREF(res);
        Py_DECREF(del);
    }
    else if (PyErr_Occurred()) {
        PyErr_WriteUnraisable(self);
    }
    PyErr_SetRaisedException(exc);
}

/* ------------------------------ the table ------------------------------ */

#define HTOFF(x) ((int)offsetof(PyHeapTypeObject, x))
#define TPSLOT(NAME, SLOT, FUNC, WRAPPER) \
    {NAME, HTOFF(ht_type.SLOT), (void *)(FUNC), (wrapperfunc)(void (*)(void))(WRAPPER), NULL, 0, NULL}
#define FLSLOT(NAME, SLOT, FUNC, WRAPPER, FLAGS) \
    {NAME, HTOFF(ht_type.SLOT), (void *)(FUNC), (wrapperfunc)(void (*)(void))(WRAPPER), NULL, FLAGS, NULL}
#define ETSLOT(NAME, SLOT, FUNC, WRAPPER) \
    {NAME, HTOFF(SLOT), (void *)(FUNC), (wrapperfunc)(void (*)(void))(WRAPPER), NULL, 0, NULL}
#define AMSLOT(NAME, SLOT, FUNC, WRAPPER) ETSLOT(NAME, as_async.SLOT, FUNC, WRAPPER)
#define SQSLOT(NAME, SLOT, FUNC, WRAPPER) ETSLOT(NAME, as_sequence.SLOT, FUNC, WRAPPER)
#define MPSLOT(NAME, SLOT, FUNC, WRAPPER) ETSLOT(NAME, as_mapping.SLOT, FUNC, WRAPPER)
#define NBSLOT(NAME, SLOT, FUNC, WRAPPER) ETSLOT(NAME, as_number.SLOT, FUNC, WRAPPER)
#define UNSLOT(NAME, SLOT, FUNC) NBSLOT(NAME, SLOT, FUNC, wrap_unaryfunc)
#define IBSLOT(NAME, SLOT, FUNC) NBSLOT(NAME, SLOT, FUNC, wrap_binaryfunc)
#define BINSLOT(NAME, SLOT, FUNC) NBSLOT(NAME, SLOT, FUNC, wrap_binaryfunc_l)
#define RBINSLOT(NAME, SLOT, FUNC) NBSLOT(NAME, SLOT, FUNC, wrap_binaryfunc_r)

/* Order matters: it is the order of the dict entries CPython creates
   (visible through dir() and vars()), and for names that appear twice the
   first slot found wins when adding wrappers. */
static slotdef slotdefs[] = {
    TPSLOT("__getattribute__", tp_getattr, NULL, NULL),
    TPSLOT("__getattr__", tp_getattr, NULL, NULL),
    TPSLOT("__setattr__", tp_setattr, NULL, NULL),
    TPSLOT("__delattr__", tp_setattr, NULL, NULL),
    TPSLOT("__repr__", tp_repr, slot_tp_repr, wrap_unaryfunc),
    TPSLOT("__hash__", tp_hash, slot_tp_hash, wrap_hashfunc),
    FLSLOT("__call__", tp_call, slot_tp_call, wrap_call, PyWrapperFlag_KEYWORDS),
    TPSLOT("__str__", tp_str, slot_tp_str, wrap_unaryfunc),
    TPSLOT("__getattribute__", tp_getattro, slot_tp_getattr_hook, PyObject_GenericGetAttr_wrapper_rp),
    TPSLOT("__getattr__", tp_getattro, slot_tp_getattr_hook, NULL),
    TPSLOT("__setattr__", tp_setattro, slot_tp_setattro, wrap_setattr),
    TPSLOT("__delattr__", tp_setattro, slot_tp_setattro, wrap_delattr),
    TPSLOT("__lt__", tp_richcompare, slot_tp_richcompare, richcmp_lt),
    TPSLOT("__le__", tp_richcompare, slot_tp_richcompare, richcmp_le),
    TPSLOT("__eq__", tp_richcompare, slot_tp_richcompare, richcmp_eq),
    TPSLOT("__ne__", tp_richcompare, slot_tp_richcompare, richcmp_ne),
    TPSLOT("__gt__", tp_richcompare, slot_tp_richcompare, richcmp_gt),
    TPSLOT("__ge__", tp_richcompare, slot_tp_richcompare, richcmp_ge),
    TPSLOT("__iter__", tp_iter, slot_tp_iter, wrap_unaryfunc),
    TPSLOT("__next__", tp_iternext, slot_tp_iternext, wrap_next),
    TPSLOT("__get__", tp_descr_get, slot_tp_descr_get, wrap_descr_get),
    TPSLOT("__set__", tp_descr_set, slot_tp_descr_set, wrap_descr_set),
    TPSLOT("__delete__", tp_descr_set, slot_tp_descr_set, wrap_descr_delete),
    FLSLOT("__init__", tp_init, slot_tp_init, wrap_init, PyWrapperFlag_KEYWORDS),
    TPSLOT("__new__", tp_new, slot_tp_new, NULL),
    TPSLOT("__del__", tp_finalize, slot_tp_finalize, wrap_del),

    BINSLOT("__add__", nb_add, slot_nb_add),
    RBINSLOT("__radd__", nb_add, slot_nb_add),
    BINSLOT("__sub__", nb_subtract, slot_nb_subtract),
    RBINSLOT("__rsub__", nb_subtract, slot_nb_subtract),
    BINSLOT("__mul__", nb_multiply, slot_nb_multiply),
    RBINSLOT("__rmul__", nb_multiply, slot_nb_multiply),
    BINSLOT("__mod__", nb_remainder, slot_nb_remainder),
    RBINSLOT("__rmod__", nb_remainder, slot_nb_remainder),
    BINSLOT("__divmod__", nb_divmod, slot_nb_divmod),
    RBINSLOT("__rdivmod__", nb_divmod, slot_nb_divmod),
    NBSLOT("__pow__", nb_power, slot_nb_power, wrap_ternaryfunc),
    NBSLOT("__rpow__", nb_power, slot_nb_power, wrap_ternaryfunc_r),
    UNSLOT("__neg__", nb_negative, slot_nb_negative),
    UNSLOT("__pos__", nb_positive, slot_nb_positive),
    UNSLOT("__abs__", nb_absolute, slot_nb_absolute),
    NBSLOT("__bool__", nb_bool, slot_nb_bool, wrap_inquirypred),
    UNSLOT("__invert__", nb_invert, slot_nb_invert),
    BINSLOT("__lshift__", nb_lshift, slot_nb_lshift),
    RBINSLOT("__rlshift__", nb_lshift, slot_nb_lshift),
    BINSLOT("__rshift__", nb_rshift, slot_nb_rshift),
    RBINSLOT("__rrshift__", nb_rshift, slot_nb_rshift),
    BINSLOT("__and__", nb_and, slot_nb_and),
    RBINSLOT("__rand__", nb_and, slot_nb_and),
    BINSLOT("__xor__", nb_xor, slot_nb_xor),
    RBINSLOT("__rxor__", nb_xor, slot_nb_xor),
    BINSLOT("__or__", nb_or, slot_nb_or),
    RBINSLOT("__ror__", nb_or, slot_nb_or),
    UNSLOT("__int__", nb_int, slot_nb_int),
    UNSLOT("__float__", nb_float, slot_nb_float),
    IBSLOT("__iadd__", nb_inplace_add, slot_nb_inplace_add),
    IBSLOT("__isub__", nb_inplace_subtract, slot_nb_inplace_subtract),
    IBSLOT("__imul__", nb_inplace_multiply, slot_nb_inplace_multiply),
    IBSLOT("__imod__", nb_inplace_remainder, slot_nb_inplace_remainder),
    NBSLOT("__ipow__", nb_inplace_power, slot_nb_inplace_power, wrap_binaryfunc),
    IBSLOT("__ilshift__", nb_inplace_lshift, slot_nb_inplace_lshift),
    IBSLOT("__irshift__", nb_inplace_rshift, slot_nb_inplace_rshift),
    IBSLOT("__iand__", nb_inplace_and, slot_nb_inplace_and),
    IBSLOT("__ixor__", nb_inplace_xor, slot_nb_inplace_xor),
    IBSLOT("__ior__", nb_inplace_or, slot_nb_inplace_or),
    BINSLOT("__floordiv__", nb_floor_divide, slot_nb_floor_divide),
    RBINSLOT("__rfloordiv__", nb_floor_divide, slot_nb_floor_divide),
    BINSLOT("__truediv__", nb_true_divide, slot_nb_true_divide),
    RBINSLOT("__rtruediv__", nb_true_divide, slot_nb_true_divide),
    IBSLOT("__ifloordiv__", nb_inplace_floor_divide, slot_nb_inplace_floor_divide),
    IBSLOT("__itruediv__", nb_inplace_true_divide, slot_nb_inplace_true_divide),
    UNSLOT("__index__", nb_index, slot_nb_index),
    BINSLOT("__matmul__", nb_matrix_multiply, slot_nb_matrix_multiply),
    RBINSLOT("__rmatmul__", nb_matrix_multiply, slot_nb_matrix_multiply),
    IBSLOT("__imatmul__", nb_inplace_matrix_multiply, slot_nb_inplace_matrix_multiply),

    MPSLOT("__len__", mp_length, slot_sq_length, wrap_lenfunc),
    MPSLOT("__getitem__", mp_subscript, slot_mp_subscript, wrap_binaryfunc),
    MPSLOT("__setitem__", mp_ass_subscript, slot_mp_ass_subscript, wrap_objobjargproc),
    MPSLOT("__delitem__", mp_ass_subscript, slot_mp_ass_subscript, wrap_delitem),

    SQSLOT("__len__", sq_length, slot_sq_length, wrap_lenfunc),
    /* Heap types defining __add__/__mul__ get nb_add/nb_multiply; the
       sequence slots below only expose static types' C functions. */
    SQSLOT("__add__", sq_concat, NULL, wrap_binaryfunc),
    SQSLOT("__mul__", sq_repeat, NULL, wrap_indexargfunc),
    SQSLOT("__rmul__", sq_repeat, NULL, wrap_indexargfunc),
    SQSLOT("__getitem__", sq_item, slot_sq_item, wrap_sq_item),
    SQSLOT("__setitem__", sq_ass_item, slot_sq_ass_item, wrap_sq_setitem),
    SQSLOT("__delitem__", sq_ass_item, slot_sq_ass_item, wrap_sq_delitem),
    SQSLOT("__contains__", sq_contains, slot_sq_contains, wrap_objobjproc),
    SQSLOT("__iadd__", sq_inplace_concat, NULL, wrap_binaryfunc),
    SQSLOT("__imul__", sq_inplace_repeat, NULL, wrap_indexargfunc),
    {NULL, 0, NULL, NULL, NULL, 0, NULL}
};

/* Address of the slot described by p inside `type`, or NULL if the type
   has no such sub-table. */
static void **
slotptr(PyTypeObject *type, int ioffset)
{
    char *ptr;
    long offset = ioffset;
    if ((size_t)offset >= offsetof(PyHeapTypeObject, as_buffer)) {
        ptr = (char *)type->tp_as_buffer;
        offset -= (long)offsetof(PyHeapTypeObject, as_buffer);
    }
    else if ((size_t)offset >= offsetof(PyHeapTypeObject, as_sequence)) {
        ptr = (char *)type->tp_as_sequence;
        offset -= (long)offsetof(PyHeapTypeObject, as_sequence);
    }
    else if ((size_t)offset >= offsetof(PyHeapTypeObject, as_mapping)) {
        ptr = (char *)type->tp_as_mapping;
        offset -= (long)offsetof(PyHeapTypeObject, as_mapping);
    }
    else if ((size_t)offset >= offsetof(PyHeapTypeObject, as_number)) {
        ptr = (char *)type->tp_as_number;
        offset -= (long)offsetof(PyHeapTypeObject, as_number);
    }
    else if ((size_t)offset >= offsetof(PyHeapTypeObject, as_async)) {
        ptr = (char *)type->tp_as_async;
        offset -= (long)offsetof(PyHeapTypeObject, as_async);
    }
    else {
        ptr = (char *)type;
    }
    if (ptr != NULL) ptr += offset;
    return (void **)ptr;
}

/* Wrapper descriptor wrapping PyObject_GenericGetAttr for __getattribute__. */
PyObject *
PyObject_GenericGetAttr_wrapper_rp(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) return NULL;
    PyObject *name = PyTuple_GET_ITEM(args, 0);
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    return ((getattrofunc)wrapped)(self, name);
}

static int slotdefs_initialized;

static void
init_slotdefs(void)
{
    if (slotdefs_initialized) return;
    for (slotdef *p = slotdefs; p->name; p++)
        p->name_strobj = _PyUnicode_InternStatic(p->name);
    slotdefs_initialized = 1;
}

int
_PyType_AddOperators(PyTypeObject *type)
{
    init_slotdefs();
    PyObject *dict = type->tp_dict;
    for (slotdef *p = slotdefs; p->name; p++) {
        if (p->wrapper == NULL) continue;
        void **ptr = slotptr(type, p->offset);
        if (!ptr || !*ptr) continue;
        int r = PyDict_Contains(dict, p->name_strobj);
        if (r < 0) return -1;
        if (r) continue;
        if (*ptr == (void *)PyObject_HashNotImplemented) {
            if (PyDict_SetItem(dict, p->name_strobj, Py_None) < 0) return -1;
            continue;
        }
        PyObject *descr = PyDescr_NewWrapper(type, p, *ptr);
        if (descr == NULL) return -1;
        int err = PyDict_SetItem(dict, p->name_strobj, descr);
        Py_DECREF(descr);
        if (err < 0) return -1;
    }
    return 0;
}

/* __new__ for static types: a builtin bound to the type that checks its
   first argument and calls tp_new. */
static PyObject *
tp_new_wrapper(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!PyTuple_Check(args) || PyTuple_GET_SIZE(args) < 1) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(): not enough arguments", type->tp_name);
        return NULL;
    }
    PyObject *arg0 = PyTuple_GET_ITEM(args, 0);
    if (!PyType_Check(arg0)) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                     type->tp_name, Py_TYPE(arg0)->tp_name);
        return NULL;
    }
    PyTypeObject *subtype = (PyTypeObject *)arg0;
    if (!PyType_IsSubtype(subtype, type)) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                     type->tp_name, subtype->tp_name, subtype->tp_name, type->tp_name);
        return NULL;
    }
    /* Check that the use doesn't do something silly and unsafe like
       object.__new__(dict): find the most derived static base of subtype. */
    PyTypeObject *staticbase = subtype;
    while (staticbase && staticbase->tp_new == slot_tp_new) staticbase = staticbase->tp_base;
    if (staticbase && staticbase->tp_new != type->tp_new) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                     type->tp_name, subtype->tp_name, staticbase->tp_name);
        return NULL;
    }
    args = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    if (args == NULL) return NULL;
    PyObject *res = type->tp_new(subtype, args, kwds);
    Py_DECREF(args);
    return res;
}

static PyMethodDef tp_new_methoddef[] = {
    {"__new__", (PyCFunction)(void (*)(void))tp_new_wrapper, METH_VARARGS | METH_KEYWORDS,
     "Create and return a new object.  See help(type) for accurate signature."},
    {NULL, NULL, 0, NULL}
};

int
_PyType_AddNew(PyTypeObject *type)
{
    int r = PyDict_Contains(type->tp_dict, _Py_ID(__new__));
    if (r != 0) return r < 0 ? -1 : 0;
    PyObject *func = PyCFunction_NewEx(tp_new_methoddef, (PyObject *)type, NULL);
    if (func == NULL) return -1;
    r = PyDict_SetItem(type->tp_dict, _Py_ID(__new__), func);
    Py_DECREF(func);
    return r;
}

/* Is `name` defined (anywhere in the MRO) by a heap type before any static
   type?  Then the slot must dispatch to Python. */
static int
defined_in_python(PyTypeObject *type, PyObject *name, PyObject **found)
{
    PyObject *mro = type->tp_mro;
    *found = NULL;
    if (mro == NULL) return 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(mro); i++) {
        PyTypeObject *t = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        PyObject *v = PyDict_GetItemWithError(t->tp_dict, name);
        if (v != NULL) {
            *found = v;
            if (!(t->tp_flags & Py_TPFLAGS_HEAPTYPE)) return 0;
            return 1;
        }
        if (PyErr_Occurred()) { PyErr_Clear(); return 0; }
    }
    return 0;
}

/* Point one slot (all the names sharing its offset) at the right function. */
static void
update_one_slot(PyTypeObject *type, slotdef *p)
{
    void **ptr = slotptr(type, p->offset);
    if (ptr == NULL) return;
    int use_generic = 0;
    void *specific = NULL;
    int hash_none = 0;
    int offset = p->offset;
    /* Walk every slotdef with the same offset. */
    for (slotdef *q = slotdefs; q->name; q++) {
        if (q->offset != offset) continue;
        PyObject *found;
        if (defined_in_python(type, q->name_strobj, &found)) {
            if (found == Py_None && offset == HTOFF(ht_type.tp_hash)) hash_none = 1;
            else use_generic = 1;
        }
        else if (found != NULL && Py_IS_TYPE(found, &PyWrapperDescr_Type) &&
                 ((PyWrapperDescrObject *)found)->d_base->offset == offset) {
            specific = ((PyWrapperDescrObject *)found)->d_wrapped;
        }
    }
    if (use_generic && p->function != NULL) {
        *ptr = p->function;
    }
    else if (hash_none) {
        *ptr = (void *)PyObject_HashNotImplemented;
    }
    else if (specific != NULL && (type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        /* Keep the inherited C function (already copied by inherit_slots). */
    }
}

int
_PyType_FixupSlots(PyTypeObject *type)
{
    init_slotdefs();
    /* A class defining __eq__ but not __hash__ is unhashable. */
    PyObject *dict = type->tp_dict;
    int has_eq = PyDict_Contains(dict, _Py_ID(__eq__));
    int has_hash = PyDict_Contains(dict, _Py_ID(__hash__));
    if (has_eq < 0 || has_hash < 0) return -1;
    if (has_eq && !has_hash) {
        if (PyDict_SetItem(dict, _Py_ID(__hash__), Py_None) < 0) return -1;
    }
    for (slotdef *p = slotdefs; p->name; p++) {
        if (p->function == NULL) continue;
        update_one_slot(type, p);
    }
    /* The sequence slots must not shadow nb_add/nb_multiply for heap types. */
    PyType_Modified(type);
    return 0;
}

int
_PyType_UpdateSlot(PyTypeObject *type, PyObject *name)
{
    init_slotdefs();
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) return 0;
    for (slotdef *p = slotdefs; p->name; p++) {
        if (p->function == NULL) continue;
        if (p->name_strobj == name || _PyUnicode_Equal(p->name_strobj, name)) {
            update_one_slot(type, p);
            /* Propagate to subclasses. */
            PyObject *subs = (PyObject *)type->tp_subclasses;
            if (subs != NULL) {
                Py_ssize_t pos = 0;
                PyObject *k, *v;
                while (PyDict_Next(subs, &pos, &k, &v)) {
                    PyTypeObject *sub = (PyTypeObject *)PyLong_AsVoidPtr(v);
                    if (sub) update_one_slot(sub, p);
                }
            }
        }
    }
    return 0;
}
