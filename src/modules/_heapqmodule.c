/* _heapqmodule.c -- the C half of heapq: binary heaps on Python lists.
 *
 * A heap is a list with a[k] <= a[2k+1] and a[k] <= a[2k+2] (the "max"
 * variants used by nlargest/merge reverse the order).  Two primitives do
 * all the work:
 *
 *   sift_toward_root(pos): the item at pos moves up while it is smaller
 *       than its parent;
 *   sift_toward_leaves(pos): the smaller child moves up into the hole
 *       until the hole reaches a leaf, then the displaced item is placed
 *       there and moved back up.  This bottom-up order does fewer
 *       comparisons than stopping as soon as the item fits, because items
 *       popped from the end of a heap usually belong near the bottom.
 *
 * Comparisons call back into Python (__lt__), which can change the list;
 * after each one the size is re-checked ("list changed size during
 * iteration") and the item array re-read before slots are swapped.
 */
#include "pycore.h"
#include "rp_object.h"

/* 1 / 0 / -1: a < b, in the heap's order (reversed for max heaps). */
static inline int
heap_lt(PyObject *a, PyObject *b, int is_max)
{
    Py_INCREF(a);
    Py_INCREF(b);
    int r = is_max ? PyObject_RichCompareBool(b, a, Py_LT)
                   : PyObject_RichCompareBool(a, b, Py_LT);
    Py_DECREF(a);
    Py_DECREF(b);
    return r;
}

static int
size_changed(PyObject *heap, Py_ssize_t size)
{
    if (PyList_GET_SIZE(heap) != size) {
        PyErr_SetString(PyExc_RuntimeError, "list changed size during iteration");
        return 1;
    }
    return 0;
}

static int
sift_toward_root(PyObject *heap, Py_ssize_t startpos, Py_ssize_t pos, int is_max)
{
    Py_ssize_t size = PyList_GET_SIZE(heap);
    if (pos >= size) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return -1;
    }
    while (pos > startpos) {
        Py_ssize_t parentpos = (pos - 1) >> 1;
        PyObject **items = ((PyListObject *)heap)->ob_item;
        int lt = heap_lt(items[pos], items[parentpos], is_max);
        if (lt < 0)
            return -1;
        if (size_changed(heap, size))
            return -1;
        if (lt == 0)
            break;
        items = ((PyListObject *)heap)->ob_item;
        PyObject *t = items[parentpos];
        items[parentpos] = items[pos];
        items[pos] = t;
        pos = parentpos;
    }
    return 0;
}

static int
sift_toward_leaves(PyObject *heap, Py_ssize_t pos, int is_max)
{
    Py_ssize_t endpos = PyList_GET_SIZE(heap);
    Py_ssize_t startpos = pos;
    if (pos >= endpos) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return -1;
    }
    Py_ssize_t limit = endpos >> 1;     /* nodes below this have children */
    while (pos < limit) {
        Py_ssize_t child = 2 * pos + 1;
        if (child + 1 < endpos) {
            PyObject **items = ((PyListObject *)heap)->ob_item;
            int lt = heap_lt(items[child], items[child + 1], is_max);
            if (lt < 0)
                return -1;
            if (size_changed(heap, endpos))
                return -1;
            if (!lt)
                child++;        /* the right child is the smaller */
        }
        PyObject **items = ((PyListObject *)heap)->ob_item;
        PyObject *t = items[child];
        items[child] = items[pos];
        items[pos] = t;
        pos = child;
    }
    return sift_toward_root(heap, startpos, pos, is_max);
}

static int
check_list(PyObject *heap, const char *fname, int argnum)
{
    if (PyList_Check(heap))
        return 1;
    if (argnum)
        PyErr_Format(PyExc_TypeError, "%s() argument 1 must be list, not %.200s",
                     fname, _PyArg_TypeName(heap));
    else
        PyErr_Format(PyExc_TypeError, "%s() argument must be list, not %.200s",
                     fname, _PyArg_TypeName(heap));
    return 0;
}

static PyObject *
heappush(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("heappush", nargs, 2, 2) || !check_list(args[0], "heappush", 1))
        return NULL;
    PyObject *heap = args[0];
    if (PyList_Append(heap, args[1]) < 0)
        return NULL;
    if (sift_toward_root(heap, 0, PyList_GET_SIZE(heap) - 1, 0) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* Pop the smallest (largest for max heaps). */
static PyObject *
heappop_impl(PyObject *heap, int is_max)
{
    Py_ssize_t n = PyList_GET_SIZE(heap);
    if (n == 0) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return NULL;
    }
    PyListObject *l = (PyListObject *)heap;
    PyObject *last = l->ob_item[n - 1];
    /* Shrink by one without releasing `last` (we own its reference now). */
    Py_INCREF(last);
    if (PyList_SetSlice(heap, n - 1, n, NULL) < 0) {
        Py_DECREF(last);
        return NULL;
    }
    n--;
    if (n == 0)
        return last;
    PyObject *top = l->ob_item[0];
    l->ob_item[0] = last;       /* reference moves; `top` is ours now */
    if (sift_toward_leaves(heap, 0, is_max) < 0) {
        Py_DECREF(top);
        return NULL;
    }
    return top;
}

static PyObject *
heappop(PyObject *module, PyObject *heap)
{
    if (!check_list(heap, "heappop", 0))
        return NULL;
    return heappop_impl(heap, 0);
}

static PyObject *
heappop_max(PyObject *module, PyObject *heap)
{
    if (!check_list(heap, "_heappop_max", 0))
        return NULL;
    return heappop_impl(heap, 1);
}

static PyObject *
heapreplace_impl(PyObject *heap, PyObject *item, int is_max)
{
    if (PyList_GET_SIZE(heap) == 0) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return NULL;
    }
    PyListObject *l = (PyListObject *)heap;
    PyObject *top = l->ob_item[0];
    l->ob_item[0] = Py_NewRef(item);
    if (sift_toward_leaves(heap, 0, is_max) < 0) {
        Py_DECREF(top);
        return NULL;
    }
    return top;
}

static PyObject *
heapreplace(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("heapreplace", nargs, 2, 2) ||
        !check_list(args[0], "heapreplace", 1))
        return NULL;
    return heapreplace_impl(args[0], args[1], 0);
}

static PyObject *
heapreplace_max(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_heapreplace_max", nargs, 2, 2) ||
        !check_list(args[0], "_heapreplace_max", 1))
        return NULL;
    return heapreplace_impl(args[0], args[1], 1);
}

static PyObject *
heappushpop(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("heappushpop", nargs, 2, 2) ||
        !check_list(args[0], "heappushpop", 1))
        return NULL;
    PyObject *heap = args[0], *item = args[1];
    if (PyList_GET_SIZE(heap) == 0)
        return Py_NewRef(item);
    int lt = heap_lt(PyList_GET_ITEM(heap, 0), item, 0);
    if (lt < 0)
        return NULL;
    if (lt == 0)
        return Py_NewRef(item);
    return heapreplace_impl(heap, item, 0);
}

static PyObject *
heapify_impl(PyObject *heap, int is_max)
{
    Py_ssize_t n = PyList_GET_SIZE(heap);
    for (Py_ssize_t i = (n >> 1) - 1; i >= 0; i--) {
        if (sift_toward_leaves(heap, i, is_max) < 0)
            return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
heapify(PyObject *module, PyObject *heap)
{
    if (!check_list(heap, "heapify", 0))
        return NULL;
    return heapify_impl(heap, 0);
}

static PyObject *
heapify_max(PyObject *module, PyObject *heap)
{
    if (!check_list(heap, "_heapify_max", 0))
        return NULL;
    return heapify_impl(heap, 1);
}

#define FASTCALL(f) (PyCFunction)(void (*)(void))(f), METH_FASTCALL

static PyMethodDef heapq_methods[] = {
    {"heappush", FASTCALL(heappush),
     "heappush($module, heap, item, /)\n--\n\nAdd item to the heap."},
    {"heappushpop", FASTCALL(heappushpop),
     "heappushpop($module, heap, item, /)\n--\n\nAdd item, then remove and return the smallest item (in one step)."},
    {"heappop", heappop, METH_O,
     "heappop($module, heap, /)\n--\n\nRemove and return the smallest item of the heap."},
    {"heapreplace", FASTCALL(heapreplace),
     "heapreplace($module, heap, item, /)\n--\n\nRemove and return the smallest item, then add item."},
    {"heapify", heapify, METH_O,
     "heapify($module, heap, /)\n--\n\nRearrange the list into a heap, in place, in linear time."},
    {"_heappop_max", heappop_max, METH_O,
     "_heappop_max($module, heap, /)\n--\n\nheappop for a max-heap."},
    {"_heapreplace_max", FASTCALL(heapreplace_max),
     "_heapreplace_max($module, heap, item, /)\n--\n\nheapreplace for a max-heap."},
    {"_heapify_max", heapify_max, METH_O,
     "_heapify_max($module, heap, /)\n--\n\nheapify for a max-heap."},
    {NULL, NULL}
};

static PyModuleDef heapq_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_heapq",
    .m_doc = "Binary heaps (priority queues) on lists.",
    .m_size = -1,
    .m_methods = heapq_methods,
};

/* New reference: the _heapq module. */
PyObject *
PyInit__heapq(void)
{
    PyObject *m = PyModule_Create(&heapq_def);
    if (m == NULL)
        return NULL;
    if (PyModule_AddStringConstant(m, "__about__", "Heap queues") < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
