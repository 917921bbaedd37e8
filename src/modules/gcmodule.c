/* gcmodule.c -- the `gc` module: the Python face of the cycle collector.
 *
 * The collector itself lives in src/memory/gc.c; this file only exposes
 * its state (interp->gc) with CPython 3.12's functions, signatures,
 * docstrings and error messages.  Everything here is a thin wrapper, with
 * two things worth knowing:
 *   - gc.collect() runs even when automatic collection is disabled, and
 *     returns 0 without collecting when called from inside a collection
 *     (a __del__, a weakref callback or a gc.callbacks function);
 *   - get_referrers() walks every tracked object of generations 0-2 with
 *     its tp_traverse, so it sees only references held by GC-tracked
 *     containers (not those of C code or of running frames' value stacks),
 *     as in CPython.
 * gc.garbage and gc.callbacks are the interpreter's own lists, so
 * rebinding the module attributes does not change what the collector uses.
 */
#include "pycore.h"
#include "rp_modules.h"
#include "rp_object.h"
#include "rp_state.h"
#include "rp_gc.h"


static struct _gc_runtime_state *
get_gc_state(void)
{
    return &_PyInterpreterState_GET()->gc;
}

/* ------------------------------------------------------------------ */

static PyObject *
gc_enable(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyGC_Enable();
    Py_RETURN_NONE;
}

static PyObject *
gc_disable(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyGC_Disable();
    Py_RETURN_NONE;
}

static PyObject *
gc_isenabled(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(PyGC_IsEnabled());
}

static PyObject *
gc_collect(PyObject *module, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"generation", NULL};
    PyObject *argv[1];
    if (!_PyArg_ParseFast("collect", args, nargs, kwnames, kwlist, 0, 0, 1, 0, argv))
        return NULL;
    int generation = NUM_GENERATIONS - 1;
    if (argv[0] != NULL) {
        generation = _PyLong_AsInt(argv[0]);
        if (generation == -1 && PyErr_Occurred()) return NULL;
    }
    if (generation < 0 || generation >= NUM_GENERATIONS) {
        PyErr_SetString(PyExc_ValueError, "invalid generation");
        return NULL;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    struct _gc_runtime_state *g = &tstate->interp->gc;
    Py_ssize_t n;
    if (g->collecting) {
        n = 0;   /* already collecting: don't do anything */
    }
    else {
        g->collecting = 1;
        n = _PyGC_CollectWithCallback(tstate, generation);
        g->collecting = 0;
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *
gc_set_debug(PyObject *module, PyObject *arg)
{
    int flags = _PyLong_AsInt(arg);
    if (flags == -1 && PyErr_Occurred()) return NULL;
    get_gc_state()->debug = flags;
    Py_RETURN_NONE;
}

static PyObject *
gc_get_debug(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(get_gc_state()->debug);
}

static PyObject *
gc_set_threshold(PyObject *module, PyObject *args)
{
    struct _gc_runtime_state *g = get_gc_state();
    /* As in CPython the values are stored as they are parsed, so a bad
       second argument leaves the first one set. */
    if (!PyArg_ParseTuple(args, "i|ii:set_threshold", &g->generations[0].threshold,
                          &g->generations[1].threshold, &g->generations[2].threshold))
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
gc_get_threshold(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    struct _gc_runtime_state *g = get_gc_state();
    return Py_BuildValue("(iii)", g->generations[0].threshold, g->generations[1].threshold,
                         g->generations[2].threshold);
}

static PyObject *
gc_get_count(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    struct _gc_runtime_state *g = get_gc_state();
    return Py_BuildValue("(iii)", g->generations[0].count, g->generations[1].count,
                         g->generations[2].count);
}

/* Append the objects of a generation list to py_list (which may itself be
   on the list: it is skipped).  0, or -1 with an exception. */
static int
append_objects(PyObject *py_list, PyGC_Head *gc_list)
{
    for (PyGC_Head *gc = _PyGCHead_NEXT(gc_list); gc != gc_list; gc = _PyGCHead_NEXT(gc)) {
        PyObject *op = _Py_FROM_GC(gc);
        if (op != py_list && PyList_Append(py_list, op) < 0) return -1;
    }
    return 0;
}

static PyObject *
gc_get_objects(PyObject *module, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"generation", NULL};
    PyObject *argv[1];
    if (!_PyArg_ParseFast("get_objects", args, nargs, kwnames, kwlist, 0, 0, 1, 0, argv))
        return NULL;
    Py_ssize_t generation = -1;
    if (argv[0] != NULL && argv[0] != Py_None) {
        if (!PyIndex_Check(argv[0])) {
            PyErr_Format(PyExc_TypeError, "argument should be integer or None, not '%.200s'",
                         Py_TYPE(argv[0])->tp_name);
            return NULL;
        }
        generation = PyNumber_AsSsize_t(argv[0], PyExc_OverflowError);
        if (generation == -1 && PyErr_Occurred()) return NULL;
    }
    struct _gc_runtime_state *g = get_gc_state();
    PyObject *result = PyList_New(0);
    if (result == NULL) return NULL;
    /* -1 (also when passed explicitly, as in CPython) means every
       generation. */
    if (generation != -1) {
        if (generation >= NUM_GENERATIONS) {
            PyErr_Format(PyExc_ValueError,
                         "generation parameter must be less than the number of "
                         "available generations (%i)", NUM_GENERATIONS);
            goto error;
        }
        if (generation < 0) {
            PyErr_SetString(PyExc_ValueError, "generation parameter cannot be negative");
            goto error;
        }
        if (append_objects(result, GEN_HEAD(g, generation)) < 0) goto error;
        return result;
    }
    for (int i = 0; i < NUM_GENERATIONS; i++)
        if (append_objects(result, GEN_HEAD(g, i)) < 0) goto error;
    return result;
error:
    Py_DECREF(result);
    return NULL;
}

static PyObject *
gc_get_stats(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    /* Copy first: building the result may run a collection. */
    struct gc_generation_stats stats[NUM_GENERATIONS];
    memcpy(stats, get_gc_state()->generation_stats, sizeof(stats));
    PyObject *result = PyList_New(0);
    if (result == NULL) return NULL;
    for (int i = 0; i < NUM_GENERATIONS; i++) {
        PyObject *d = Py_BuildValue("{snsnsn}", "collections", stats[i].collections,
                                    "collected", stats[i].collected,
                                    "uncollectable", stats[i].uncollectable);
        if (d == NULL) goto error;
        int r = PyList_Append(result, d);
        Py_DECREF(d);
        if (r < 0) goto error;
    }
    return result;
error:
    Py_DECREF(result);
    return NULL;
}

static PyObject *
gc_is_tracked(PyObject *module, PyObject *obj)
{
    return PyBool_FromLong(PyObject_IS_GC(obj) && _PyObject_GC_IS_TRACKED(obj));
}

static PyObject *
gc_is_finalized(PyObject *module, PyObject *obj)
{
    return PyBool_FromLong(PyObject_IS_GC(obj) && _PyGC_FINALIZED(obj));
}

/* Instance dicts.  Where CPython 3.12 keeps an instance's attributes
   inline, refpy has a dict that only the instance references
   (_PyGC_InlineDict).  get_referents(instance) shows the attribute values
   in its place, and get_referrers() reports the instance, not the dict,
   as CPython does. */

/* get_referrers: does the traversed object refer to one of objs (a
   tuple)?  Returning 1 stops its traversal. */
static int
referrersvisit(PyObject *obj, void *arg)
{
    PyObject *objs = (PyObject *)arg;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(objs); i++)
        if (PyTuple_GET_ITEM(objs, i) == obj) return 1;
    return 0;
}

struct referrers_state {
    PyObject *objs;          /* the tuple of objects searched for */
    PyObject *inline_dict;   /* the traversed instance's own __dict__, or NULL */
};

static int
referrersvisit_instance(PyObject *obj, void *arg)
{
    struct referrers_state *st = (struct referrers_state *)arg;
    if (obj == st->inline_dict)
        return Py_TYPE(obj)->tp_traverse(obj, referrersvisit, st->objs);
    return referrersvisit(obj, st->objs);
}

/* The inline-like dicts of all tracked instances, sorted (they are
   skipped as referrers: their instance stands for them). */
struct dict_set { PyObject **items; Py_ssize_t n, cap; };

static int
ptr_cmp(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)*(PyObject *const *)a, y = (uintptr_t)*(PyObject *const *)b;
    return (x > y) - (x < y);
}

static int
dict_set_add_from(struct dict_set *set, PyGC_Head *list)
{
    for (PyGC_Head *gc = _PyGCHead_NEXT(list); gc != list; gc = _PyGCHead_NEXT(gc)) {
        PyObject *dict = _PyGC_InlineDict(_Py_FROM_GC(gc));
        if (dict == NULL) continue;
        if (set->n == set->cap) {
            Py_ssize_t ncap = set->cap ? set->cap * 2 : 64;
            PyObject **items = PyMem_Realloc(set->items, (size_t)ncap * sizeof(PyObject *));
            if (items == NULL) {
                PyErr_NoMemory();
                return -1;
            }
            set->items = items;
            set->cap = ncap;
        }
        set->items[set->n++] = dict;
    }
    return 0;
}

static int
dict_set_contains(struct dict_set *set, PyObject *op)
{
    Py_ssize_t lo = 0, hi = set->n;
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if ((uintptr_t)set->items[mid] < (uintptr_t)op) lo = mid + 1;
        else hi = mid;
    }
    return lo < set->n && set->items[lo] == op;
}

static int
gc_referrers_for(PyObject *objs, PyGC_Head *list, PyObject *resultlist, struct dict_set *skip)
{
    for (PyGC_Head *gc = _PyGCHead_NEXT(list); gc != list; gc = _PyGCHead_NEXT(gc)) {
        PyObject *obj = _Py_FROM_GC(gc);
        traverseproc traverse = Py_TYPE(obj)->tp_traverse;
        if (obj == objs || obj == resultlist || traverse == NULL) continue;
        if (skip->n && PyDict_CheckExact(obj) && dict_set_contains(skip, obj)) continue;
        struct referrers_state st = {objs, _PyGC_InlineDict(obj)};
        int found = st.inline_dict ? traverse(obj, referrersvisit_instance, &st)
                                   : traverse(obj, referrersvisit, objs);
        if (found && PyList_Append(resultlist, obj) < 0) return -1;
    }
    return 0;
}

static PyObject *
gc_get_referrers(PyObject *module, PyObject *args)
{
    struct _gc_runtime_state *g = get_gc_state();
    struct dict_set skip = {NULL, 0, 0};
    PyObject *result = PyList_New(0);
    if (result == NULL) return NULL;
    for (int i = 0; i < NUM_GENERATIONS; i++)
        if (dict_set_add_from(&skip, GEN_HEAD(g, i)) < 0) goto error;
    if (dict_set_add_from(&skip, &g->permanent_generation.head) < 0) goto error;
    if (skip.n > 1) qsort(skip.items, (size_t)skip.n, sizeof(PyObject *), ptr_cmp);
    for (int i = 0; i < NUM_GENERATIONS; i++)
        if (gc_referrers_for(args, GEN_HEAD(g, i), result, &skip) < 0) goto error;
    PyMem_Free(skip.items);
    return result;
error:
    PyMem_Free(skip.items);
    Py_DECREF(result);
    return NULL;
}

static int
referentsvisit(PyObject *obj, void *arg)
{
    return PyList_Append((PyObject *)arg, obj) < 0;
}

struct referents_state {
    PyObject *result;
    PyObject *inline_dict;
};

static int
referentsvisit_instance(PyObject *obj, void *arg)
{
    struct referents_state *st = (struct referents_state *)arg;
    if (obj == st->inline_dict)
        return Py_TYPE(obj)->tp_traverse(obj, referentsvisit, st->result);
    return PyList_Append(st->result, obj) < 0;
}

static PyObject *
gc_get_referents(PyObject *module, PyObject *args)
{
    PyObject *result = PyList_New(0);
    if (result == NULL) return NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyObject *obj = PyTuple_GET_ITEM(args, i);
        if (!PyObject_IS_GC(obj)) continue;
        traverseproc traverse = Py_TYPE(obj)->tp_traverse;
        if (traverse == NULL) continue;
        struct referents_state st = {result, _PyGC_InlineDict(obj)};
        int err = st.inline_dict ? traverse(obj, referentsvisit_instance, &st)
                                 : traverse(obj, referentsvisit, result);
        if (err) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static PyObject *
gc_freeze(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    _PyGC_Freeze(_PyInterpreterState_GET());
    Py_RETURN_NONE;
}

static PyObject *
gc_unfreeze(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    _PyGC_Unfreeze(_PyInterpreterState_GET());
    Py_RETURN_NONE;
}

static PyObject *
gc_get_freeze_count(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromSsize_t(_PyGC_GetFreezeCount(_PyInterpreterState_GET()));
}

/* ------------------------------------------------------------------ */
/* The module.                                                          */

static PyMethodDef gc_methods[] = {
    {"enable", gc_enable, METH_NOARGS,
     "enable($module, /)\n--\n\nEnable automatic garbage collection."},
    {"disable", gc_disable, METH_NOARGS,
     "disable($module, /)\n--\n\nDisable automatic garbage collection."},
    {"isenabled", gc_isenabled, METH_NOARGS,
     "isenabled($module, /)\n--\n\nReturns true if automatic garbage collection is enabled."},
    {"set_debug", gc_set_debug, METH_O,
     "set_debug($module, flags, /)\n--\n\n"
     "Set the garbage collection debugging flags.\n\n"
     "  flags\n"
     "    An integer that can have the following bits turned on:\n"
     "      DEBUG_STATS - Print statistics during collection.\n"
     "      DEBUG_COLLECTABLE - Print collectable objects found.\n"
     "      DEBUG_UNCOLLECTABLE - Print unreachable but uncollectable objects\n"
     "        found.\n"
     "      DEBUG_SAVEALL - Save objects to gc.garbage rather than freeing them.\n"
     "      DEBUG_LEAK - Debug leaking programs (everything but STATS).\n\n"
     "Debugging information is written to sys.stderr."},
    {"get_debug", gc_get_debug, METH_NOARGS,
     "get_debug($module, /)\n--\n\nGet the garbage collection debugging flags."},
    {"get_count", gc_get_count, METH_NOARGS,
     "get_count($module, /)\n--\n\nReturn a three-tuple of the current collection counts."},
    {"set_threshold", gc_set_threshold, METH_VARARGS,
     "set_threshold(threshold0, [threshold1, threshold2]) -> None\n\n"
     "Sets the collection thresholds.  Setting threshold0 to zero disables\n"
     "collection.\n"},
    {"get_threshold", gc_get_threshold, METH_NOARGS,
     "get_threshold($module, /)\n--\n\nReturn the current collection thresholds."},
    {"collect", _PyCFunction_CAST(gc_collect), METH_FASTCALL | METH_KEYWORDS,
     "collect($module, /, generation=2)\n--\n\n"
     "Run the garbage collector.\n\n"
     "With no arguments, run a full collection.  The optional argument\n"
     "may be an integer specifying which generation to collect.  A ValueError\n"
     "is raised if the generation number is invalid.\n\n"
     "The number of unreachable objects is returned."},
    {"get_objects", _PyCFunction_CAST(gc_get_objects), METH_FASTCALL | METH_KEYWORDS,
     "get_objects($module, /, generation=None)\n--\n\n"
     "Return a list of objects tracked by the collector (excluding the list returned).\n\n"
     "  generation\n"
     "    Generation to extract the objects from.\n\n"
     "If generation is not None, return only the objects tracked by the collector\n"
     "that are in that generation."},
    {"get_stats", gc_get_stats, METH_NOARGS,
     "get_stats($module, /)\n--\n\nReturn a list of dictionaries containing per-generation statistics."},
    {"is_tracked", gc_is_tracked, METH_O,
     "is_tracked($module, obj, /)\n--\n\n"
     "Returns true if the object is tracked by the garbage collector.\n\n"
     "Simple atomic objects will return false."},
    {"is_finalized", gc_is_finalized, METH_O,
     "is_finalized($module, obj, /)\n--\n\n"
     "Returns true if the object has been already finalized by the GC."},
    {"get_referrers", gc_get_referrers, METH_VARARGS,
     "get_referrers(*objs) -> list\n"
     "Return the list of objects that directly refer to any of objs."},
    {"get_referents", gc_get_referents, METH_VARARGS,
     "get_referents(*objs) -> list\n"
     "Return the list of objects that are directly referred to by objs."},
    {"freeze", gc_freeze, METH_NOARGS,
     "freeze($module, /)\n--\n\n"
     "Freeze all current tracked objects and ignore them for future collections.\n\n"
     "This can be used before a POSIX fork() call to make the gc copy-on-write friendly.\n"
     "Note: collection before a POSIX fork() call may free pages for future allocation\n"
     "which can cause copy-on-write."},
    {"unfreeze", gc_unfreeze, METH_NOARGS,
     "unfreeze($module, /)\n--\n\n"
     "Unfreeze all objects in the permanent generation.\n\n"
     "Put all objects in the permanent generation back into oldest generation."},
    {"get_freeze_count", gc_get_freeze_count, METH_NOARGS,
     "get_freeze_count($module, /)\n--\n\nReturn the number of objects in the permanent generation."},
    {NULL, NULL, 0, NULL}
};

static PyModuleDef gc_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "gc",
    .m_doc = "This module provides access to the garbage collector for reference cycles.\n"
             "\n"
             "enable() -- Enable automatic garbage collection.\n"
             "disable() -- Disable automatic garbage collection.\n"
             "isenabled() -- Returns true if automatic collection is enabled.\n"
             "collect() -- Do a full collection right now.\n"
             "get_count() -- Return the current collection counts.\n"
             "get_stats() -- Return list of dictionaries containing per-generation stats.\n"
             "set_debug() -- Set debugging flags.\n"
             "get_debug() -- Get debugging flags.\n"
             "set_threshold() -- Set the collection thresholds.\n"
             "get_threshold() -- Return the current the collection thresholds.\n"
             "get_objects() -- Return a list of all objects tracked by the collector.\n"
             "is_tracked() -- Returns true if a given object is tracked.\n"
             "is_finalized() -- Returns true if a given object has been already finalized.\n"
             "get_referrers() -- Return the list of objects that refer to an object.\n"
             "get_referents() -- Return the list of objects that an object refers to.\n"
             "freeze() -- Freeze all tracked objects and ignore them for future collections.\n"
             "unfreeze() -- Unfreeze all objects in the permanent generation.\n"
             "get_freeze_count() -- Return the number of objects in the permanent generation.\n",
    .m_size = -1,
    .m_methods = gc_methods,
};

/* New reference: the gc module. */
PyObject *
PyInit_gc(void)
{
    struct _gc_runtime_state *g = get_gc_state();
    PyObject *m = PyModule_Create(&gc_def);
    if (m == NULL) return NULL;
    if (g->garbage == NULL && (g->garbage = PyList_New(0)) == NULL) goto error;
    if (g->callbacks == NULL && (g->callbacks = PyList_New(0)) == NULL) goto error;
    if (PyModule_AddObjectRef(m, "garbage", g->garbage) < 0 ||
        PyModule_AddObjectRef(m, "callbacks", g->callbacks) < 0 ||
        PyModule_AddIntConstant(m, "DEBUG_STATS", DEBUG_STATS) < 0 ||
        PyModule_AddIntConstant(m, "DEBUG_COLLECTABLE", DEBUG_COLLECTABLE) < 0 ||
        PyModule_AddIntConstant(m, "DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE) < 0 ||
        PyModule_AddIntConstant(m, "DEBUG_SAVEALL", DEBUG_SAVEALL) < 0 ||
        PyModule_AddIntConstant(m, "DEBUG_LEAK", DEBUG_LEAK) < 0)
        goto error;
    return m;
error:
    Py_DECREF(m);
    return NULL;
}
