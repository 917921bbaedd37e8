/* _bisectmodule.c -- the C half of bisect: binary search in sorted sequences.
 *
 * bisect_right finds the first position whose item is greater than x,
 * bisect_left the first whose item is not less than x; with key=, the key
 * is applied to the sequence items (not to x: the caller passes a key
 * value), while insort applies it to x too.  Items are read with the
 * sequence protocol, directly from the array for exact lists; the only
 * comparison used is <, as CPython does.
 */
#include "pycore.h"
#include "rp_object.h"

/* New reference: a[i] (through the key when there is one). */
static inline PyObject *
item_at(PyObject *a, Py_ssize_t i, PyObject *key)
{
    PyObject *item;
    if (PyList_CheckExact(a) && i < PyList_GET_SIZE(a))
        item = Py_NewRef(PyList_GET_ITEM(a, i));
    else {
        item = PySequence_GetItem(a, i);
        if (item == NULL)
            return NULL;
    }
    if (key == NULL || key == Py_None)
        return item;
    PyObject *k = PyObject_CallOneArg(key, item);
    Py_DECREF(item);
    return k;
}

/* The insertion point, or -1 with an exception. */
static Py_ssize_t
search(PyObject *a, PyObject *x, Py_ssize_t lo, Py_ssize_t hi, PyObject *key, int right)
{
    if (lo < 0) {
        PyErr_SetString(PyExc_ValueError, "lo must be non-negative");
        return -1;
    }
    if (hi == -1) {
        hi = PySequence_Size(a);
        if (hi < 0)
            return -1;
    }
    while (lo < hi) {
        Py_ssize_t mid = (Py_ssize_t)(((size_t)lo + (size_t)hi) / 2);
        PyObject *litem = item_at(a, mid, key);
        if (litem == NULL)
            return -1;
        int lt = right ? PyObject_RichCompareBool(x, litem, Py_LT)
                       : PyObject_RichCompareBool(litem, x, Py_LT);
        Py_DECREF(litem);
        if (lt < 0)
            return -1;
        if (right ? lt : !lt)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* Parse (a, x, lo=0, hi=None, *, key=None). 1 / 0. */
static int
parse(const char *fname, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
      PyObject **a, PyObject **x, Py_ssize_t *lo, Py_ssize_t *hi, PyObject **key)
{
    static const char *const kwlist[] = {"a", "x", "lo", "hi", "key", NULL};
    PyObject *out[5];
    if (!_PyArg_ParseFast(fname, args, nargs, kwnames, kwlist, 0, 2, 4, 0, out))
        return 0;
    *a = out[0];
    *x = out[1];
    *lo = 0;
    *hi = -1;
    *key = out[4];
    if (out[2] != NULL) {
        PyObject *idx = PyNumber_Index(out[2]);
        if (idx == NULL)
            return 0;
        *lo = PyLong_AsSsize_t(idx);
        Py_DECREF(idx);
        if (*lo == -1 && PyErr_Occurred())
            return 0;
    }
    if (out[3] != NULL && out[3] != Py_None) {
        PyObject *idx = PyNumber_Index(out[3]);
        if (idx == NULL)
            return 0;
        *hi = PyLong_AsSsize_t(idx);
        Py_DECREF(idx);
        if (*hi == -1 && PyErr_Occurred())
            return 0;
    }
    return 1;
}

static PyObject *
bisect_common(const char *fname, PyObject *const *args, Py_ssize_t nargs,
              PyObject *kwnames, int right)
{
    PyObject *a, *x, *key;
    Py_ssize_t lo, hi;
    if (!parse(fname, args, nargs, kwnames, &a, &x, &lo, &hi, &key))
        return NULL;
    Py_ssize_t idx = search(a, x, lo, hi, key, right);
    if (idx < 0)
        return NULL;
    return PyLong_FromSsize_t(idx);
}

static PyObject *
insort_common(const char *fname, PyObject *const *args, Py_ssize_t nargs,
              PyObject *kwnames, int right)
{
    PyObject *a, *x, *key;
    Py_ssize_t lo, hi, idx;
    if (!parse(fname, args, nargs, kwnames, &a, &x, &lo, &hi, &key))
        return NULL;
    if (key == NULL || key == Py_None)
        idx = search(a, x, lo, hi, NULL, right);
    else {
        PyObject *kx = PyObject_CallOneArg(key, x);
        if (kx == NULL)
            return NULL;
        idx = search(a, kx, lo, hi, key, right);
        Py_DECREF(kx);
    }
    if (idx < 0)
        return NULL;
    if (PyList_CheckExact(a)) {
        if (PyList_Insert(a, idx, x) < 0)
            return NULL;
    }
    else {
        PyObject *pos = PyLong_FromSsize_t(idx);
        if (pos == NULL)
            return NULL;
        PyObject *r = PyObject_CallMethodObjArgs(a, _Py_ID(insert), pos, x, NULL);
        Py_DECREF(pos);
        if (r == NULL)
            return NULL;
        Py_DECREF(r);
    }
    Py_RETURN_NONE;
}

static PyObject *
bisect_right(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return bisect_common("bisect_right", args, nargs, kwnames, 1);
}

static PyObject *
bisect_left(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return bisect_common("bisect_left", args, nargs, kwnames, 0);
}

static PyObject *
insort_right(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return insort_common("insort_right", args, nargs, kwnames, 1);
}

static PyObject *
insort_left(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return insort_common("insort_left", args, nargs, kwnames, 0);
}

#define FASTKW(f) (PyCFunction)(void (*)(void))(f), METH_FASTCALL | METH_KEYWORDS

static PyMethodDef bisect_methods[] = {
    {"bisect_right", FASTKW(bisect_right),
     "bisect_right($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "The index where x would go in the sorted sequence a[lo:hi], after any\n"
     "items equal to it (key, if given, is applied to the items)."},
    {"insort_right", FASTKW(insort_right),
     "insort_right($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "Insert x into the sorted sequence a, after any items equal to it."},
    {"bisect_left", FASTKW(bisect_left),
     "bisect_left($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "The index where x would go in the sorted sequence a[lo:hi], before any\n"
     "items equal to it (key, if given, is applied to the items)."},
    {"insort_left", FASTKW(insort_left),
     "insort_left($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "Insert x into the sorted sequence a, before any items equal to it."},
    {NULL, NULL}
};

static PyModuleDef bisect_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_bisect",
    .m_doc = "Binary search and insertion in sorted sequences.",
    .m_size = -1,
    .m_methods = bisect_methods,
};

/* New reference: the _bisect module. */
PyObject *
PyInit__bisect(void)
{
    return PyModule_Create(&bisect_def);
}
