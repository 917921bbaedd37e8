/* typeobject.c -- `type`, `object`, PyType_Ready and class creation.
 *
 * Static types (int, list, ...) are C structs readied once at startup:
 * PyType_Ready fills in the base, the MRO, inherited slots and tp_dict
 * (method descriptors from tp_methods, members, getsets, and slot
 * wrappers such as int.__add__ from typeslots.c).
 *
 * Heap types come from class statements and type(name, bases, dict).
 * They are PyHeapTypeObjects; a dunder defined in the class body sets the
 * matching C slot to a generic function that calls the Python method
 * (typeslots.c), so the interpreter always dispatches through slots.
 * Instances of ordinary classes use CPython 3.12's layout: a 16-byte
 * managed pre-header (dict pointer at -24, weakref list at -32) before the
 * 16-byte GC header, so sys.getsizeof(C()) == 48.
 *
 * _PyType_Lookup walks the MRO; results are memoised in a small global
 * cache keyed by (type version tag, interned name).  Any change to a
 * type's dict bumps the global epoch and invalidates the whole cache.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_state.h"
#include "rp_typeobject.h"
#include "rp_langextras.h"

/* ------------------------------ method cache ------------------------------ */

#define MCACHE_SIZE_EXP 12
#define MCACHE_SIZE (1 << MCACHE_SIZE_EXP)
struct mcache_entry {
    unsigned int version;
    PyTypeObject *type;   /* borrowed */
    PyObject *name;       /* borrowed, interned (immortal) */
    PyObject *value;      /* borrowed */
};
static struct mcache_entry method_cache[MCACHE_SIZE];
static unsigned int cache_epoch = 1;

void
PyType_Modified(PyTypeObject *type)
{
    /* Invalidate every cached lookup: bumping the epoch makes all entries
       stale at once.  Simple and always correct; types are rarely mutated
       after creation. */
    cache_epoch++;
    (void)type;
}

static PyObject *
find_name_in_mro(PyTypeObject *type, PyObject *name)
{
    PyObject *mro = type->tp_mro;
    if (mro == NULL) {
        /* Not ready yet: look in the type and its bases directly. */
        for (PyTypeObject *t = type; t != NULL; t = t->tp_base) {
            if (t->tp_dict) {
                PyObject *res = PyDict_GetItemWithError(t->tp_dict, name);
                if (res || PyErr_Occurred()) return res;
            }
        }
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(mro);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *base = PyTuple_GET_ITEM(mro, i);
        PyObject *dict = ((PyTypeObject *)base)->tp_dict;
        PyObject *res = PyDict_GetItemWithError(dict, name);
        if (res != NULL || PyErr_Occurred()) return res;
    }
    return NULL;
}

static PyObject *
find_name_in_mro_noerr(PyTypeObject *type, PyObject *name)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *res = find_name_in_mro(type, name);
    if (res == NULL && PyErr_Occurred()) PyErr_Clear();
    PyErr_SetRaisedException(exc);
    return res;
}

/* BORROWED reference, or NULL (no exception set) if not found. */
PyObject *
_PyType_Lookup(PyTypeObject *type, PyObject *name)
{
    if (PyUnicode_CheckExact(name) && PyUnicode_CHECK_INTERNED(name)) {
        size_t h = (((size_t)type >> 4) ^ ((size_t)name >> 4) ^ ((size_t)name >> 12)) & (MCACHE_SIZE - 1);
        struct mcache_entry *e = &method_cache[h];
        if (e->version == cache_epoch && e->type == type && e->name == name)
            return e->value;
        PyObject *res = find_name_in_mro_noerr(type, name);
        if (type->tp_mro != NULL) {
            e->version = cache_epoch;
            e->type = type;
            e->name = name;
            e->value = res;
        }
        return res;
    }
    return find_name_in_mro_noerr(type, name);
}

/* BORROWED. */
PyObject *
_PyType_LookupId(PyTypeObject *type, const char *name)
{
    return _PyType_Lookup(type, _PyUnicode_InternStatic(name));
}

/* The name after the last dot of tp_name (for static types). */
const char *
_PyType_Name(PyTypeObject *type)
{
    const char *s = strrchr(type->tp_name, '.');
    return s ? s + 1 : type->tp_name;
}

int
PyType_IsSubtype(PyTypeObject *a, PyTypeObject *b)
{
    PyObject *mro = a->tp_mro;
    if (mro != NULL && PyTuple_Check(mro)) {
        Py_ssize_t n = PyTuple_GET_SIZE(mro);
        for (Py_ssize_t i = 0; i < n; i++)
            if (PyTuple_GET_ITEM(mro, i) == (PyObject *)b) return 1;
        return 0;
    }
    do {
        if (a == b) return 1;
        a = a->tp_base;
    } while (a != NULL);
    return b == &PyBaseObject_Type;
}

/* ------------------------------- allocation ------------------------------- */

/* New reference: zeroed instance of type with room for nitems items. */
PyObject *
PyType_GenericAlloc(PyTypeObject *type, Py_ssize_t nitems)
{
    PyObject *obj;
    /* Like CPython, allocate one extra item (a sentinel for types such as
       `type` whose items are a NULL-terminated array) and zero everything. */
    size_t size = _PyObject_VAR_SIZE(type, nitems + 1);
    if (PyType_IS_GC(type)) {
        if (type->tp_itemsize) obj = (PyObject *)_PyObject_GC_NewVar(type, nitems + 1);
        else obj = _PyObject_GC_New(type);
        if (obj == NULL) return NULL;
        memset((char *)obj + sizeof(PyObject), 0, size - sizeof(PyObject));
        if (type->tp_itemsize) Py_SET_SIZE(obj, nitems);
        /* Match CPython: instances start tracked. */
        PyObject_GC_Track(obj);
    }
    else {
        obj = (PyObject *)PyObject_Malloc(size);
        if (obj == NULL) return PyErr_NoMemory();
        memset(obj, 0, size);
        if (type->tp_itemsize) _PyObject_InitVar((PyVarObject *)obj, type, nitems);
        else _PyObject_Init(obj, type);
    }
    return obj;
}

/* New reference. */
PyObject *
PyType_GenericNew(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return type->tp_alloc(type, 0);
}

/* ---------------------------- MRO computation ---------------------------- */

static int
tail_contains(PyObject *list, Py_ssize_t whence, PyObject *o)
{
    Py_ssize_t n = PyList_GET_SIZE(list);
    for (Py_ssize_t j = whence + 1; j < n; j++)
        if (PyList_GET_ITEM(list, j) == o) return 1;
    return 0;
}

static void
set_mro_error(PyObject **to_merge, Py_ssize_t to_merge_size, Py_ssize_t *remain)
{
    /* "Cannot create a consistent method resolution order (MRO) for bases A, B" */
    PyObject *set = PyDict_New();
    if (set == NULL) return;
    for (Py_ssize_t i = 0; i < to_merge_size; i++) {
        PyObject *L = to_merge[i];
        if (remain[i] < PyList_GET_SIZE(L)) {
            PyObject *c = PyList_GET_ITEM(L, remain[i]);
            if (PyDict_SetItem(set, c, Py_None) < 0) { Py_DECREF(set); return; }
        }
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    _PyUnicodeWriter_WriteASCIIString(&w, "Cannot create a consistent method resolution\norder (MRO) for bases", -1);
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    int off = 0;
    while (PyDict_Next(set, &pos, &k, &v)) {
        _PyUnicodeWriter_WriteASCIIString(&w, off ? ", " : " ", -1);
        PyObject *name = PyObject_GetAttr(k, _Py_ID(__name__));
        if (name && PyUnicode_Check(name)) _PyUnicodeWriter_WriteStr(&w, name);
        else PyErr_Clear();
        Py_XDECREF(name);
        off = 1;
    }
    Py_DECREF(set);
    PyObject *msg = _PyUnicodeWriter_Finish(&w);
    if (msg) { PyErr_SetObject(PyExc_TypeError, msg); Py_DECREF(msg); }
}

/* C3 linearisation.  New reference: a list. */
static PyObject *
mro_implementation(PyTypeObject *type)
{
    PyObject *bases = type->tp_bases;
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *base = (PyTypeObject *)PyTuple_GET_ITEM(bases, i);
        if (base->tp_mro == NULL) {
            PyErr_Format(PyExc_TypeError, "Cannot extend an incomplete type '%.100s'",
                         base->tp_name);
            return NULL;
        }
    }
    if (n == 1) {
        PyTypeObject *base = (PyTypeObject *)PyTuple_GET_ITEM(bases, 0);
        Py_ssize_t k = PyTuple_GET_SIZE(base->tp_mro);
        PyObject *result = PyList_New(k + 1);
        if (result == NULL) return NULL;
        PyList_SET_ITEM(result, 0, Py_NewRef(type));
        for (Py_ssize_t i = 0; i < k; i++)
            PyList_SET_ITEM(result, i + 1, Py_NewRef(PyTuple_GET_ITEM(base->tp_mro, i)));
        return result;
    }
    /* Check for duplicate bases. */
    for (Py_ssize_t i = 0; i < n; i++)
        for (Py_ssize_t j = i + 1; j < n; j++)
            if (PyTuple_GET_ITEM(bases, i) == PyTuple_GET_ITEM(bases, j)) {
                PyErr_Format(PyExc_TypeError, "duplicate base class %s",
                             _PyType_Name((PyTypeObject *)PyTuple_GET_ITEM(bases, i)));
                return NULL;
            }
    Py_ssize_t to_merge_size = n + 1;
    PyObject **to_merge = PyMem_New(PyObject *, to_merge_size);
    Py_ssize_t *remain = PyMem_New(Py_ssize_t, to_merge_size);
    if (to_merge == NULL || remain == NULL) {
        PyMem_Free(to_merge); PyMem_Free(remain);
        PyErr_NoMemory();
        return NULL;
    }
    PyObject *result = NULL;
    Py_ssize_t made = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        to_merge[i] = PySequence_List(((PyTypeObject *)PyTuple_GET_ITEM(bases, i))->tp_mro);
        if (to_merge[i] == NULL) goto done;
        made++;
    }
    to_merge[n] = PySequence_List(bases);
    if (to_merge[n] == NULL) goto done;
    made++;
    memset(remain, 0, sizeof(Py_ssize_t) * (size_t)to_merge_size);
    result = PyList_New(1);
    if (result == NULL) goto done;
    PyList_SET_ITEM(result, 0, Py_NewRef(type));
    for (;;) {
        int empty_cnt = 0;
        Py_ssize_t i;
        for (i = 0; i < to_merge_size; i++) {
            PyObject *cur_list = to_merge[i];
            if (remain[i] >= PyList_GET_SIZE(cur_list)) { empty_cnt++; continue; }
            PyObject *candidate = PyList_GET_ITEM(cur_list, remain[i]);
            Py_ssize_t j;
            for (j = 0; j < to_merge_size; j++)
                if (tail_contains(to_merge[j], remain[j], candidate)) break;
            if (j < to_merge_size) continue;
            if (PyList_Append(result, candidate) < 0) { Py_CLEAR(result); goto done; }
            for (j = 0; j < to_merge_size; j++) {
                PyObject *jl = to_merge[j];
                if (remain[j] < PyList_GET_SIZE(jl) && PyList_GET_ITEM(jl, remain[j]) == candidate)
                    remain[j]++;
            }
            break;
        }
        if (empty_cnt == to_merge_size) break;
        if (i == to_merge_size) {
            set_mro_error(to_merge, to_merge_size, remain);
            Py_CLEAR(result);
            break;
        }
    }
done:
    for (Py_ssize_t i = 0; i < made; i++) Py_DECREF(to_merge[i]);
    PyMem_Free(to_merge);
    PyMem_Free(remain);
    return result;
}

static int
mro_internal(PyTypeObject *type)
{
    PyObject *mro_list;
    int custom = !Py_IS_TYPE(type, &PyType_Type) && PyType_Ready(Py_TYPE(type)) == 0 &&
                 _PyType_Lookup(Py_TYPE(type), _Py_ID(mro)) != NULL &&
                 Py_TYPE(type) != &PyType_Type;
    if (custom) {
        PyObject *meth = PyObject_GetAttr((PyObject *)type, _Py_ID(mro));
        if (meth == NULL) return -1;
        mro_list = PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
    }
    else {
        mro_list = mro_implementation(type);
    }
    if (mro_list == NULL) return -1;
    PyObject *tuple = PySequence_Tuple(mro_list);
    Py_DECREF(mro_list);
    if (tuple == NULL) return -1;
    Py_XSETREF(type->tp_mro, tuple);
    PyType_Modified(type);
    return 0;
}

/* ------------------------------ PyType_Ready ------------------------------ */

#define COPYSLOT(SLOT) if (!type->SLOT && base->SLOT) type->SLOT = base->SLOT
#define COPYNUM(SLOT) if (!type->tp_as_number->SLOT && base->tp_as_number->SLOT) \
        type->tp_as_number->SLOT = base->tp_as_number->SLOT
#define COPYSEQ(SLOT) if (!type->tp_as_sequence->SLOT && base->tp_as_sequence->SLOT) \
        type->tp_as_sequence->SLOT = base->tp_as_sequence->SLOT
#define COPYMAP(SLOT) if (!type->tp_as_mapping->SLOT && base->tp_as_mapping->SLOT) \
        type->tp_as_mapping->SLOT = base->tp_as_mapping->SLOT
#define COPYASYNC(SLOT) if (!type->tp_as_async->SLOT && base->tp_as_async->SLOT) \
        type->tp_as_async->SLOT = base->tp_as_async->SLOT

static int
overrides_hash(PyTypeObject *type)
{
    PyObject *dict = type->tp_dict;
    if (dict == NULL) return 0;
    if (PyDict_GetItemWithError(dict, _Py_ID(__eq__)) != NULL) return 1;
    if (PyErr_Occurred()) PyErr_Clear();
    if (PyDict_GetItemWithError(dict, _Py_ID(__hash__)) != NULL) return 1;
    if (PyErr_Occurred()) PyErr_Clear();
    return 0;
}

static void
inherit_special(PyTypeObject *type, PyTypeObject *base)
{
    if (!(type->tp_flags & Py_TPFLAGS_HAVE_GC) && (base->tp_flags & Py_TPFLAGS_HAVE_GC) &&
        (!type->tp_traverse && !type->tp_clear)) {
        type->tp_flags |= Py_TPFLAGS_HAVE_GC;
        if (type->tp_traverse == NULL) type->tp_traverse = base->tp_traverse;
        if (type->tp_clear == NULL) type->tp_clear = base->tp_clear;
    }
    type->tp_flags |= (base->tp_flags & Py_TPFLAGS_PREHEADER);
    /* Pattern-matching kind (match/case): inherited unless set. */
    if (!(type->tp_flags & (Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING)))
        type->tp_flags |= base->tp_flags & (Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING);
    if (type->tp_basicsize == 0) type->tp_basicsize = base->tp_basicsize;
    COPYSLOT(tp_itemsize);
    COPYSLOT(tp_weaklistoffset);
    COPYSLOT(tp_dictoffset);
    /* Subclass marker bits. */
    static const unsigned long markers[] = {
        Py_TPFLAGS_LONG_SUBCLASS, Py_TPFLAGS_LIST_SUBCLASS, Py_TPFLAGS_TUPLE_SUBCLASS,
        Py_TPFLAGS_BYTES_SUBCLASS, Py_TPFLAGS_UNICODE_SUBCLASS, Py_TPFLAGS_DICT_SUBCLASS,
        Py_TPFLAGS_BASE_EXC_SUBCLASS, Py_TPFLAGS_TYPE_SUBCLASS,
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(markers); i++)
        if (base->tp_flags & markers[i]) type->tp_flags |= markers[i];
    if (PyType_IsSubtype(base, (PyTypeObject *)PyExc_BaseException))
        type->tp_flags |= Py_TPFLAGS_BASE_EXC_SUBCLASS;
    if (base == &PyType_Type) type->tp_flags |= Py_TPFLAGS_TYPE_SUBCLASS;
}

static void
inherit_slots(PyTypeObject *type, PyTypeObject *base)
{
    if (type->tp_as_number != NULL && base->tp_as_number != NULL) {
        COPYNUM(nb_add); COPYNUM(nb_subtract); COPYNUM(nb_multiply); COPYNUM(nb_remainder);
        COPYNUM(nb_divmod); COPYNUM(nb_power); COPYNUM(nb_negative); COPYNUM(nb_positive);
        COPYNUM(nb_absolute); COPYNUM(nb_bool); COPYNUM(nb_invert); COPYNUM(nb_lshift);
        COPYNUM(nb_rshift); COPYNUM(nb_and); COPYNUM(nb_xor); COPYNUM(nb_or);
        COPYNUM(nb_int); COPYNUM(nb_float); COPYNUM(nb_inplace_add);
        COPYNUM(nb_inplace_subtract); COPYNUM(nb_inplace_multiply);
        COPYNUM(nb_inplace_remainder); COPYNUM(nb_inplace_power); COPYNUM(nb_inplace_lshift);
        COPYNUM(nb_inplace_rshift); COPYNUM(nb_inplace_and); COPYNUM(nb_inplace_xor);
        COPYNUM(nb_inplace_or); COPYNUM(nb_true_divide); COPYNUM(nb_floor_divide);
        COPYNUM(nb_inplace_true_divide); COPYNUM(nb_inplace_floor_divide); COPYNUM(nb_index);
        COPYNUM(nb_matrix_multiply); COPYNUM(nb_inplace_matrix_multiply);
    }
    else if (type->tp_as_number == NULL) {
        type->tp_as_number = base->tp_as_number;
    }
    if (type->tp_as_async != NULL && base->tp_as_async != NULL) {
        COPYASYNC(am_await); COPYASYNC(am_aiter); COPYASYNC(am_anext);
    }
    else if (type->tp_as_async == NULL) {
        type->tp_as_async = base->tp_as_async;
    }
    if (type->tp_as_sequence != NULL && base->tp_as_sequence != NULL) {
        COPYSEQ(sq_length); COPYSEQ(sq_concat); COPYSEQ(sq_repeat); COPYSEQ(sq_item);
        COPYSEQ(sq_ass_item); COPYSEQ(sq_contains); COPYSEQ(sq_inplace_concat);
        COPYSEQ(sq_inplace_repeat);
    }
    else if (type->tp_as_sequence == NULL) {
        type->tp_as_sequence = base->tp_as_sequence;
    }
    if (type->tp_as_mapping != NULL && base->tp_as_mapping != NULL) {
        COPYMAP(mp_length); COPYMAP(mp_subscript); COPYMAP(mp_ass_subscript);
    }
    else if (type->tp_as_mapping == NULL) {
        type->tp_as_mapping = base->tp_as_mapping;
    }
    if (type->tp_as_buffer != NULL && base->tp_as_buffer != NULL) {
        if (!type->tp_as_buffer->bf_getbuffer && !type->tp_as_buffer->bf_releasebuffer) {
            type->tp_as_buffer->bf_getbuffer = base->tp_as_buffer->bf_getbuffer;
            type->tp_as_buffer->bf_releasebuffer = base->tp_as_buffer->bf_releasebuffer;
        }
    }
    else if (type->tp_as_buffer == NULL) {
        type->tp_as_buffer = base->tp_as_buffer;
    }

    COPYSLOT(tp_dealloc);
    if (type->tp_getattr == NULL && type->tp_getattro == NULL) {
        type->tp_getattr = base->tp_getattr;
        type->tp_getattro = base->tp_getattro;
    }
    if (type->tp_setattr == NULL && type->tp_setattro == NULL) {
        type->tp_setattr = base->tp_setattr;
        type->tp_setattro = base->tp_setattro;
    }
    COPYSLOT(tp_repr);
    COPYSLOT(tp_call);
    COPYSLOT(tp_str);
    /* tp_richcompare and tp_hash are inherited together, and only when the
       type overrides neither __eq__ nor __hash__. */
    if (type->tp_richcompare == NULL && type->tp_hash == NULL) {
        int r = overrides_hash(type);
        if (!r) {
            type->tp_richcompare = base->tp_richcompare;
            type->tp_hash = base->tp_hash;
        }
    }
    COPYSLOT(tp_iter);
    COPYSLOT(tp_iternext);
    COPYSLOT(tp_descr_get);
    if (base->tp_descr_get && type->tp_descr_get == base->tp_descr_get &&
        (base->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR))
        type->tp_flags |= Py_TPFLAGS_METHOD_DESCRIPTOR;
    COPYSLOT(tp_descr_set);
    COPYSLOT(tp_dictoffset);
    COPYSLOT(tp_init);
    COPYSLOT(tp_alloc);
    COPYSLOT(tp_is_gc);
    COPYSLOT(tp_finalize);
    if ((type->tp_flags & Py_TPFLAGS_HAVE_GC) == (base->tp_flags & Py_TPFLAGS_HAVE_GC)) {
        COPYSLOT(tp_free);
    }
    else if ((type->tp_flags & Py_TPFLAGS_HAVE_GC) && type->tp_free == NULL &&
             base->tp_free == PyObject_Free) {
        type->tp_free = PyObject_GC_Del;
    }
    if (!(type->tp_flags & Py_TPFLAGS_HAVE_VECTORCALL) &&
        (base->tp_flags & Py_TPFLAGS_HAVE_VECTORCALL) && type->tp_call == base->tp_call &&
        !(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        type->tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL;
        COPYSLOT(tp_vectorcall_offset);
    }
}

static int
add_methods(PyTypeObject *type, PyMethodDef *meth)
{
    PyObject *dict = type->tp_dict;
    for (; meth->ml_name != NULL; meth++) {
        PyObject *descr;
        PyObject *name = _PyUnicode_InternStatic(meth->ml_name);
        if (!(meth->ml_flags & METH_COEXIST)) {
            int r = PyDict_Contains(dict, name);
            if (r < 0) return -1;
            if (r) continue;
        }
        if (meth->ml_flags & METH_CLASS) {
            if (meth->ml_flags & METH_STATIC) {
                PyErr_SetString(PyExc_ValueError, "method cannot be both class and static");
                return -1;
            }
            descr = PyDescr_NewClassMethod(type, meth);
        }
        else if (meth->ml_flags & METH_STATIC) {
            PyObject *cfunc = PyCFunction_NewEx(meth, (PyObject *)type, NULL);
            if (cfunc == NULL) return -1;
            descr = PyStaticMethod_New(cfunc);
            Py_DECREF(cfunc);
        }
        else {
            descr = PyDescr_NewMethod(type, meth);
        }
        if (descr == NULL) return -1;
        int err = PyDict_SetItem(dict, name, descr);
        Py_DECREF(descr);
        if (err < 0) return -1;
    }
    return 0;
}

static int
add_members(PyTypeObject *type, PyMemberDef *memb)
{
    for (; memb->name != NULL; memb++) {
        PyObject *name = _PyUnicode_InternStatic(memb->name);
        int r = PyDict_Contains(type->tp_dict, name);
        if (r < 0) return -1;
        if (r) continue;
        PyObject *descr = PyDescr_NewMember(type, memb);
        if (descr == NULL) return -1;
        int err = PyDict_SetItem(type->tp_dict, name, descr);
        Py_DECREF(descr);
        if (err < 0) return -1;
    }
    return 0;
}

static int
add_getset(PyTypeObject *type, PyGetSetDef *gsp)
{
    for (; gsp->name != NULL; gsp++) {
        PyObject *name = _PyUnicode_InternStatic(gsp->name);
        int r = PyDict_Contains(type->tp_dict, name);
        if (r < 0) return -1;
        if (r) continue;
        PyObject *descr = PyDescr_NewGetSet(type, gsp);
        if (descr == NULL) return -1;
        int err = PyDict_SetItem(type->tp_dict, name, descr);
        Py_DECREF(descr);
        if (err < 0) return -1;
    }
    return 0;
}

int
PyType_Ready(PyTypeObject *type)
{
    if (type->tp_flags & Py_TPFLAGS_READY) return 0;
    if (type->tp_flags & Py_TPFLAGS_READYING) return 0;
    type->tp_flags |= Py_TPFLAGS_READYING;

    if (Py_TYPE(type) == NULL) Py_SET_TYPE(type, &PyType_Type);
    PyTypeObject *base = type->tp_base;
    if (base == NULL && type != &PyBaseObject_Type) {
        base = &PyBaseObject_Type;
        type->tp_base = base;
    }
    if (base != NULL && !(base->tp_flags & Py_TPFLAGS_READY)) {
        if (PyType_Ready(base) < 0) goto error;
    }
    if (Py_TYPE(type) == NULL && base != NULL) Py_SET_TYPE(type, Py_TYPE(base));

    if (type->tp_bases == NULL) {
        PyObject *bases = base == NULL ? PyTuple_New(0) : PyTuple_Pack(1, (PyObject *)base);
        if (bases == NULL) goto error;
        type->tp_bases = bases;
    }
    else {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(type->tp_bases); i++) {
            PyTypeObject *b = (PyTypeObject *)PyTuple_GET_ITEM(type->tp_bases, i);
            if (!(b->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(b) < 0) goto error;
        }
    }
    if (type->tp_dict == NULL) {
        type->tp_dict = PyDict_New();
        if (type->tp_dict == NULL) goto error;
    }
    if (base != NULL) inherit_special(type, base);

    if (mro_internal(type) < 0) goto error;

    /* tp_new: a static type without one whose base is object cannot be
       instantiated; otherwise tp_new is inherited (CPython's type_ready_set_new). */
    if (type->tp_new == NULL && base == &PyBaseObject_Type && !(type->tp_flags & Py_TPFLAGS_HEAPTYPE))
        type->tp_flags |= Py_TPFLAGS_DISALLOW_INSTANTIATION;
    if (!(type->tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION)) {
        if (type->tp_new != NULL) {
            if (_PyType_AddNew(type) < 0) goto error;
        }
        else if (base != NULL) {
            type->tp_new = base->tp_new;
        }
    }
    else {
        type->tp_new = NULL;
    }

    /* Fill the dict with what this type itself defines (before inheriting,
       so that e.g. bool does not get its own copy of int.__add__). */
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        if (_PyType_AddOperators(type) < 0) goto error;
    }
    if (type->tp_methods != NULL && add_methods(type, type->tp_methods) < 0) goto error;
    if (type->tp_members != NULL && add_members(type, type->tp_members) < 0) goto error;
    if (type->tp_getset != NULL && add_getset(type, type->tp_getset) < 0) goto error;

    /* Inherit slots from every base in the MRO (not only tp_base). */
    if (type->tp_mro != NULL) {
        Py_ssize_t n = PyTuple_GET_SIZE(type->tp_mro);
        for (Py_ssize_t i = 1; i < n; i++) {
            PyObject *b = PyTuple_GET_ITEM(type->tp_mro, i);
            if (PyType_Check(b)) inherit_slots(type, (PyTypeObject *)b);
        }
    }
    if (type->tp_free == NULL)
        type->tp_free = PyType_IS_GC(type) ? PyObject_GC_Del : PyObject_Free;
    if (type->tp_alloc == NULL) type->tp_alloc = PyType_GenericAlloc;

    /* __doc__ */
    {
        int r = PyDict_Contains(type->tp_dict, _Py_ID(__doc__));
        if (r < 0) goto error;
        if (!r) {
            PyObject *doc;
            if (type->tp_doc != NULL) {
                const char *d = type->tp_doc;
                /* Skip a "name(sig)\n--\n\n" signature header, as CPython. */
                const char *sep = strstr(d, "\n--\n\n");
                if (sep) d = sep + 5;
                doc = PyUnicode_FromString(d);
                if (doc == NULL) goto error;
            }
            else doc = Py_NewRef(Py_None);
            int err = PyDict_SetItem(type->tp_dict, _Py_ID(__doc__), doc);
            Py_DECREF(doc);
            if (err < 0) goto error;
        }
    }
    /* __hash__ = None for types that explicitly refuse hashing. */
    if (type->tp_hash == PyObject_HashNotImplemented) {
        int r = PyDict_Contains(type->tp_dict, _Py_ID(__hash__));
        if (r < 0) goto error;
        if (!r && PyDict_SetItem(type->tp_dict, _Py_ID(__hash__), Py_None) < 0) goto error;
    }
    if (type->tp_hash == NULL && type->tp_richcompare == NULL && base != NULL &&
        !overrides_hash(type)) {
        type->tp_hash = base->tp_hash;
    }
    type->tp_flags = (type->tp_flags & ~Py_TPFLAGS_READYING) | Py_TPFLAGS_READY;
    PyType_Modified(type);
    return 0;
error:
    type->tp_flags &= ~Py_TPFLAGS_READYING;
    return -1;
}

/* ------------------------------ type attributes ------------------------------ */

static PyObject *
type_name(PyTypeObject *type, void *context)
{
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
        return Py_NewRef(((PyHeapTypeObject *)type)->ht_name);
    return PyUnicode_FromString(_PyType_Name(type));
}

static int
check_set_special_type_attr(PyTypeObject *type, PyObject *value, const char *name)
{
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE) || (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE)) {
        PyErr_Format(PyExc_TypeError, "cannot set '%s' attribute of immutable type '%s'",
                     name, type->tp_name);
        return 0;
    }
    if (value == NULL) {
        PyErr_Format(PyExc_TypeError, "cannot delete '%s' attribute of immutable type '%s'",
                     name, type->tp_name);
        return 0;
    }
    return 1;
}

static int
type_set_name(PyTypeObject *type, PyObject *value, void *context)
{
    if (!check_set_special_type_attr(type, value, "__name__")) return -1;
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "can only assign string to %s.__name__, not '%s'",
                     type->tp_name, Py_TYPE(value)->tp_name);
        return -1;
    }
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    const char *tp_name = PyUnicode_AsUTF8(value);
    if (tp_name == NULL) return -1;
    if (strlen(tp_name) != (size_t)PyUnicode_GET_LENGTH(value) && PyUnicode_IS_ASCII(value)) {
        PyErr_SetString(PyExc_ValueError, "type name must not contain null characters");
        return -1;
    }
    char *copy = PyMem_Malloc(strlen(tp_name) + 1);
    if (copy == NULL) { PyErr_NoMemory(); return -1; }
    strcpy(copy, tp_name);
    PyMem_Free(et->_ht_tpname);
    et->_ht_tpname = copy;
    type->tp_name = copy;
    Py_SETREF(et->ht_name, Py_NewRef(value));
    return 0;
}

static PyObject *
type_qualname(PyTypeObject *type, void *context)
{
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
        return Py_NewRef(((PyHeapTypeObject *)type)->ht_qualname);
    return PyUnicode_FromString(_PyType_Name(type));
}

static int
type_set_qualname(PyTypeObject *type, PyObject *value, void *context)
{
    if (!check_set_special_type_attr(type, value, "__qualname__")) return -1;
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                     type->tp_name, Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_SETREF(((PyHeapTypeObject *)type)->ht_qualname, Py_NewRef(value));
    return 0;
}

static PyObject *
type_module(PyTypeObject *type, void *context)
{
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        PyObject *mod = PyDict_GetItemWithError(type->tp_dict, _Py_ID(__module__));
        if (mod == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_AttributeError, "__module__");
            return NULL;
        }
        return Py_NewRef(mod);
    }
    const char *s = strrchr(type->tp_name, '.');
    if (s != NULL)
        return PyUnicode_FromStringAndSize(type->tp_name, (Py_ssize_t)(s - type->tp_name));
    return Py_NewRef(_Py_ID(builtins));
}

static int
type_set_module(PyTypeObject *type, PyObject *value, void *context)
{
    if (!check_set_special_type_attr(type, value, "__module__")) return -1;
    PyType_Modified(type);
    return PyDict_SetItem(type->tp_dict, _Py_ID(__module__), value);
}

static PyObject *
type_get_bases(PyTypeObject *type, void *context)
{
    return Py_NewRef(type->tp_bases);
}

static PyObject *
type_get_mro(PyTypeObject *type, void *context)
{
    if (type->tp_mro == NULL) Py_RETURN_NONE;
    return Py_NewRef(type->tp_mro);
}

static PyObject *
type_dict(PyTypeObject *type, void *context)
{
    if (type->tp_dict == NULL) Py_RETURN_NONE;
    return PyDictProxy_New(type->tp_dict);
}

static PyObject *
type_get_doc(PyTypeObject *type, void *context)
{
    PyObject *result = PyDict_GetItemWithError(type->tp_dict, _Py_ID(__doc__));
    if (result == NULL) {
        if (PyErr_Occurred()) return NULL;
        Py_RETURN_NONE;
    }
    if (Py_TYPE(result)->tp_descr_get)
        return Py_TYPE(result)->tp_descr_get(result, NULL, (PyObject *)type);
    return Py_NewRef(result);
}

static int
type_set_doc(PyTypeObject *type, PyObject *value, void *context)
{
    if (!check_set_special_type_attr(type, value, "__doc__")) return -1;
    PyType_Modified(type);
    return PyDict_SetItem(type->tp_dict, _Py_ID(__doc__), value);
}

static PyObject *
type_get_base(PyTypeObject *type, void *context)
{
    if (type->tp_base == NULL) Py_RETURN_NONE;
    return Py_NewRef(type->tp_base);
}

static PyObject *
type_abstractmethods(PyTypeObject *type, void *context)
{
    PyObject *mod = NULL;
    if (type != &PyType_Type)
        mod = PyDict_GetItemWithError(type->tp_dict, _Py_ID(__abstractmethods__));
    if (mod == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_AttributeError, _Py_ID(__abstractmethods__));
        return NULL;
    }
    return Py_NewRef(mod);
}

static int
type_set_abstractmethods(PyTypeObject *type, PyObject *value, void *context)
{
    int abstract, res;
    if (value != NULL) {
        abstract = PyObject_IsTrue(value);
        if (abstract < 0) return -1;
        res = PyDict_SetItem(type->tp_dict, _Py_ID(__abstractmethods__), value);
    }
    else {
        abstract = 0;
        res = PyDict_DelItem(type->tp_dict, _Py_ID(__abstractmethods__));
        if (res && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_SetObject(PyExc_AttributeError, _Py_ID(__abstractmethods__));
            return -1;
        }
    }
    if (res == 0) {
        PyType_Modified(type);
        if (abstract) type->tp_flags |= Py_TPFLAGS_IS_ABSTRACT;
        else type->tp_flags &= ~Py_TPFLAGS_IS_ABSTRACT;
    }
    return res;
}

static PyObject *
type_get_annotations(PyTypeObject *type, void *context)
{
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        PyErr_Format(PyExc_AttributeError, "type object '%s' has no attribute '__annotations__'",
                     type->tp_name);
        return NULL;
    }
    PyObject *annotations = PyDict_GetItemWithError(type->tp_dict, _Py_ID(__annotations__));
    if (annotations != NULL) {
        descrgetfunc get = Py_TYPE(annotations)->tp_descr_get;
        if (get) return get(annotations, NULL, (PyObject *)type);
        return Py_NewRef(annotations);
    }
    if (PyErr_Occurred()) return NULL;
    annotations = PyDict_New();
    if (annotations == NULL) return NULL;
    if (PyDict_SetItem(type->tp_dict, _Py_ID(__annotations__), annotations) < 0) {
        Py_DECREF(annotations);
        return NULL;
    }
    PyType_Modified(type);
    return annotations;
}

static int
type_set_annotations(PyTypeObject *type, PyObject *value, void *context)
{
    if (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE || !(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        PyErr_Format(PyExc_TypeError, "cannot set '__annotations__' attribute of immutable type '%s'",
                     type->tp_name);
        return -1;
    }
    int res;
    if (value != NULL) res = PyDict_SetItem(type->tp_dict, _Py_ID(__annotations__), value);
    else {
        res = PyDict_DelItem(type->tp_dict, _Py_ID(__annotations__));
        if (res < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_AttributeError, "__annotations__");
        }
    }
    PyType_Modified(type);
    return res;
}

static PyGetSetDef type_getsets[] = {
    {"__name__", (getter)type_name, (setter)type_set_name, NULL, NULL},
    {"__qualname__", (getter)type_qualname, (setter)type_set_qualname, NULL, NULL},
    {"__bases__", (getter)type_get_bases, NULL, NULL, NULL},
    {"__mro__", (getter)type_get_mro, NULL, NULL, NULL},
    {"__module__", (getter)type_module, (setter)type_set_module, NULL, NULL},
    {"__abstractmethods__", (getter)type_abstractmethods, (setter)type_set_abstractmethods, NULL, NULL},
    {"__dict__", (getter)type_dict, NULL, NULL, NULL},
    {"__doc__", (getter)type_get_doc, (setter)type_set_doc, NULL, NULL},
    {"__annotations__", (getter)type_get_annotations, (setter)type_set_annotations, NULL, NULL},
    {"__base__", (getter)type_get_base, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMemberDef type_members[] = {
    {"__basicsize__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_basicsize), Py_READONLY, NULL},
    {"__itemsize__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_itemsize), Py_READONLY, NULL},
    {"__flags__", Py_T_ULONG, offsetof(PyTypeObject, tp_flags), Py_READONLY, NULL},
    {"__weakrefoffset__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_weaklistoffset), Py_READONLY, NULL},
    {"__dictoffset__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_dictoffset), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyObject *
type_repr(PyTypeObject *type)
{
    if (type->tp_name == NULL)
        return PyUnicode_FromFormat("<class at %p>", type);
    PyObject *mod = type_module(type, NULL);
    if (mod == NULL) PyErr_Clear();
    else if (!PyUnicode_Check(mod)) Py_CLEAR(mod);
    PyObject *name = type_qualname(type, NULL);
    if (name == NULL) { Py_XDECREF(mod); return NULL; }
    PyObject *rtn;
    if (mod != NULL && !_PyUnicode_Equal(mod, _Py_ID(builtins)))
        rtn = PyUnicode_FromFormat("<class '%U.%U'>", mod, name);
    else
        rtn = PyUnicode_FromFormat("<class '%s'>", type->tp_name);
    Py_XDECREF(mod);
    Py_DECREF(name);
    return rtn;
}

/* type.__call__: create and initialise an instance. New reference. */
static PyObject *
type_call(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *obj;
    if (type == &PyType_Type) {
        Py_ssize_t nargs = PyTuple_GET_SIZE(args);
        if (nargs == 1 && (kwds == NULL || !PyDict_GET_SIZE(kwds))) {
            obj = (PyObject *)Py_TYPE(PyTuple_GET_ITEM(args, 0));
            return Py_NewRef(obj);
        }
        if (nargs != 3) {
            PyErr_SetString(PyExc_TypeError, "type() takes 1 or 3 arguments");
            return NULL;
        }
    }
    if (type->tp_new == NULL) {
        PyErr_Format(PyExc_TypeError, "cannot create '%s' instances", type->tp_name);
        return NULL;
    }
    obj = type->tp_new(type, args, kwds);
    if (obj == NULL) return NULL;
    /* If the returned object is not an instance of type, don't init it. */
    if (!PyObject_TypeCheck(obj, type)) return obj;
    type = Py_TYPE(obj);
    if (type->tp_init != NULL) {
        int res = type->tp_init(obj, args, kwds);
        if (res < 0) { Py_DECREF(obj); return NULL; }
    }
    return obj;
}

/* vectorcall for type objects: avoids building an args tuple for the
   common cases type(x) and calls of builtin types with vectorcall. */
static PyObject *
type_vectorcall(PyObject *metatype, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (metatype == (PyObject *)&PyType_Type && nargs == 1 &&
        (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0)) {
        return Py_NewRef(Py_TYPE(args[0]));
    }
    PyTypeObject *type = (PyTypeObject *)metatype;
    PyObject *argtuple = _PyTuple_FromArray(args, nargs);
    if (argtuple == NULL) return NULL;
    PyObject *kwdict = NULL;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames)) {
        kwdict = PyDict_New();
        if (kwdict == NULL) { Py_DECREF(argtuple); return NULL; }
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++) {
            if (PyDict_SetItem(kwdict, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0) {
                Py_DECREF(argtuple); Py_DECREF(kwdict);
                return NULL;
            }
        }
    }
    PyObject *res = type_call(type, argtuple, kwdict);
    Py_DECREF(argtuple);
    Py_XDECREF(kwdict);
    return res;
}

/* type.__getattribute__: meta-attributes, then the type's own MRO. */
static PyObject *
type_getattro(PyTypeObject *type, PyObject *name)
{
    PyTypeObject *metatype = Py_TYPE(type);
    PyObject *meta_attribute, *attribute;
    descrgetfunc meta_get = NULL;

    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    if (!(type->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(type) < 0) return NULL;

    meta_attribute = _PyType_Lookup(metatype, name);
    if (meta_attribute != NULL) {
        Py_INCREF(meta_attribute);
        meta_get = Py_TYPE(meta_attribute)->tp_descr_get;
        if (meta_get != NULL && Py_TYPE(meta_attribute)->tp_descr_set != NULL) {
            PyObject *res = meta_get(meta_attribute, (PyObject *)type, (PyObject *)metatype);
            Py_DECREF(meta_attribute);
            return res;
        }
    }
    attribute = _PyType_Lookup(type, name);
    if (attribute != NULL) {
        Py_INCREF(attribute);
        descrgetfunc local_get = Py_TYPE(attribute)->tp_descr_get;
        Py_XDECREF(meta_attribute);
        if (local_get != NULL) {
            PyObject *res = local_get(attribute, NULL, (PyObject *)type);
            Py_DECREF(attribute);
            return res;
        }
        return attribute;
    }
    if (meta_get != NULL) {
        PyObject *res = meta_get(meta_attribute, (PyObject *)type, (PyObject *)metatype);
        Py_DECREF(meta_attribute);
        return res;
    }
    if (meta_attribute != NULL) return meta_attribute;
    PyErr_Format(PyExc_AttributeError, "type object '%.50s' has no attribute '%U'",
                 type->tp_name, name);
    PyObject *exc = PyErr_GetRaisedException();
    if (exc && PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_AttributeError)) {
        PyAttributeErrorObject *ae = (PyAttributeErrorObject *)exc;
        if (!ae->name) ae->name = Py_NewRef(name);
        if (!ae->obj) ae->obj = Py_NewRef(type);
    }
    PyErr_SetRaisedException(exc);
    return NULL;
}

static int
type_setattro(PyTypeObject *type, PyObject *name, PyObject *value)
{
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE) || (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE)) {
        PyErr_Format(PyExc_TypeError,
                     "cannot set %R attribute of immutable type '%s'", name, type->tp_name);
        return -1;
    }
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    Py_INCREF(name);
    if (PyUnicode_CheckExact(name)) PyUnicode_InternInPlace(&name);
    /* Data descriptors on the metatype (e.g. __name__) win. */
    int res;
    PyObject *descr = _PyType_Lookup(Py_TYPE(type), name);
    if (descr != NULL && Py_TYPE(descr)->tp_descr_set != NULL) {
        Py_INCREF(descr);
        res = Py_TYPE(descr)->tp_descr_set(descr, (PyObject *)type, value);
        Py_DECREF(descr);
    }
    else {
        if (value == NULL) {
            res = PyDict_DelItem(type->tp_dict, name);
            if (res < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
                PyErr_Clear();
                PyErr_Format(PyExc_AttributeError, "type object '%.50s' has no attribute '%U'",
                             type->tp_name, name);
            }
        }
        else {
            res = PyDict_SetItem(type->tp_dict, name, value);
        }
        PyType_Modified(type);
        if (res == 0) res = _PyType_UpdateSlot(type, name);
    }
    Py_DECREF(name);
    return res;
}

static PyObject *
type_mro(PyTypeObject *self, PyObject *Py_UNUSED(ignored))
{
    return mro_implementation(self);
}

static PyObject *
type_subclasses(PyTypeObject *type, PyObject *Py_UNUSED(ignored))
{
    /* Subclasses are recorded by address in tp_subclasses (see add_subclass). */
    PyObject *list = PyList_New(0);
    if (list == NULL) return NULL;
    PyObject *dict = (PyObject *)type->tp_subclasses;
    if (dict == NULL) return list;
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(dict, &pos, &k, &v)) {
        /* Values are borrowed type pointers stored as ints (see add_subclass). */
        PyObject *sub = (PyObject *)PyLong_AsVoidPtr(v);
        if (sub && PyList_Append(list, sub) < 0) { Py_DECREF(list); return NULL; }
    }
    return list;
}

static PyObject *
type_prepare(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return PyDict_New();
}

static PyObject *
type___instancecheck__(PyObject *type, PyObject *inst)
{
    int r = PyObject_TypeCheck(inst, (PyTypeObject *)type);
    if (!r) {
        PyObject *cls;
        if (_PyObject_LookupAttr(inst, _Py_ID(__class__), &cls) < 0) return NULL;
        if (cls != NULL) {
            if (cls != (PyObject *)Py_TYPE(inst) && PyType_Check(cls))
                r = PyType_IsSubtype((PyTypeObject *)cls, (PyTypeObject *)type);
            Py_DECREF(cls);
        }
    }
    return PyBool_FromLong(r);
}

static PyObject *
type___subclasscheck__(PyObject *type, PyObject *inst)
{
    if (!PyType_Check(inst)) {
        PyErr_SetString(PyExc_TypeError, "issubclass() arg 1 must be a class");
        return NULL;
    }
    return PyBool_FromLong(PyType_IsSubtype((PyTypeObject *)inst, (PyTypeObject *)type));
}

static PyObject *
type___sizeof__(PyTypeObject *type, PyObject *Py_UNUSED(ignored))
{
    size_t size = (type->tp_flags & Py_TPFLAGS_HEAPTYPE) ? sizeof(PyHeapTypeObject)
                                                        : sizeof(PyTypeObject);
    return PyLong_FromSize_t(size);
}

static PyObject *
type___dir__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *dict = PyDict_New();
    if (dict == NULL) return NULL;
    PyObject *mro = ((PyTypeObject *)self)->tp_mro;
    if (mro) {
        for (Py_ssize_t i = PyTuple_GET_SIZE(mro) - 1; i >= 0; i--) {
            PyObject *d = ((PyTypeObject *)PyTuple_GET_ITEM(mro, i))->tp_dict;
            if (PyDict_Update(dict, d) < 0) { Py_DECREF(dict); return NULL; }
        }
    }
    PyObject *res = PyDict_Keys(dict);
    Py_DECREF(dict);
    return res;
}

static PyMethodDef type_methods[] = {
    {"mro", (PyCFunction)type_mro, METH_NOARGS, NULL},
    {"__subclasses__", (PyCFunction)type_subclasses, METH_NOARGS, NULL},
    {"__prepare__", (PyCFunction)(void (*)(void))type_prepare, METH_FASTCALL | METH_KEYWORDS | METH_CLASS, NULL},
    {"__instancecheck__", (PyCFunction)type___instancecheck__, METH_O, NULL},
    {"__subclasscheck__", (PyCFunction)type___subclasscheck__, METH_O, NULL},
    {"__dir__", (PyCFunction)type___dir__, METH_NOARGS, NULL},
    {"__sizeof__", (PyCFunction)type___sizeof__, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static int
type_traverse(PyTypeObject *type, visitproc visit, void *arg)
{
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) return 0;
    Py_VISIT(type->tp_dict);
    Py_VISIT(type->tp_mro);
    Py_VISIT(type->tp_bases);
    Py_VISIT(type->tp_base);
    Py_VISIT(((PyHeapTypeObject *)type)->ht_module);
    /* A heap metaclass is visited by subtype_traverse, not here. */
    return 0;
}

static int
type_clear(PyTypeObject *type)
{
    if (type->tp_dict) PyDict_Clear(type->tp_dict);
    Py_CLEAR(type->tp_mro);
    PyType_Modified(type);
    return 0;
}

static int
type_is_gc(PyTypeObject *type)
{
    return (type->tp_flags & Py_TPFLAGS_HEAPTYPE) != 0;
}

static void remove_subclass(PyTypeObject *base, PyTypeObject *type);

static void
type_dealloc(PyTypeObject *type)
{
    /* Only heap types are ever deallocated. */
    PyObject_GC_UnTrack(type);
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    if (type->tp_bases) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(type->tp_bases); i++)
            remove_subclass((PyTypeObject *)PyTuple_GET_ITEM(type->tp_bases, i), type);
    }
    if (type->tp_weaklist != NULL) PyObject_ClearWeakRefs((PyObject *)type);
    Py_XDECREF(type->tp_base);
    Py_XDECREF(type->tp_dict);
    Py_XDECREF(type->tp_bases);
    Py_XDECREF(type->tp_mro);
    Py_XDECREF((PyObject *)type->tp_subclasses);
    Py_XDECREF(et->ht_name);
    Py_XDECREF(et->ht_qualname);
    Py_XDECREF(et->ht_slots);
    Py_XDECREF(et->ht_module);
    PyMem_Free(et->_ht_tpname);
    if (type->tp_members && type->tp_members != NULL)
        PyMem_Free(type->tp_members);
    PyType_Modified(type);
    /* A heap metaclass's reference is dropped by subtype_dealloc. */
    Py_TYPE(type)->tp_free((PyObject *)type);
}

static PyObject *type_new(PyTypeObject *metatype, PyObject *args, PyObject *kwds);

static int
type_init(PyObject *cls, PyObject *args, PyObject *kwds)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs == 1 && kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (nargs != 1 && nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

/* int | str -> types.UnionType (src/objects/unionobject.c). */
static PyNumberMethods type_as_number = { .nb_or = _Py_union_type_or };

PyTypeObject PyType_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "type",
    .tp_basicsize = sizeof(PyHeapTypeObject),
    .tp_itemsize = sizeof(PyMemberDef),
    .tp_dealloc = (destructor)type_dealloc,
    .tp_vectorcall_offset = offsetof(PyTypeObject, tp_vectorcall),
    .tp_repr = (reprfunc)type_repr,
    .tp_as_number = &type_as_number,
    .tp_call = (ternaryfunc)type_call,
    .tp_getattro = (getattrofunc)type_getattro,
    .tp_setattro = (setattrofunc)type_setattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_TYPE_SUBCLASS | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_ITEMS_AT_END,
    .tp_doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
    .tp_traverse = (traverseproc)type_traverse,
    .tp_clear = (inquiry)type_clear,
    .tp_weaklistoffset = offsetof(PyTypeObject, tp_weaklist),
    .tp_methods = type_methods,
    .tp_members = type_members,
    .tp_getset = type_getsets,
    .tp_base = &PyBaseObject_Type,
    .tp_dictoffset = offsetof(PyTypeObject, tp_dict),
    .tp_init = type_init,
    .tp_new = type_new,
    .tp_free = PyObject_GC_Del,
    .tp_is_gc = (inquiry)type_is_gc,
    .tp_vectorcall = type_vectorcall,
};

/* --------------------------- subclass tracking --------------------------- */
/* tp_subclasses is a dict {id(subclass): subclass-pointer-as-int}; entries
   are removed when the subclass is deallocated, so no reference is held. */

static int
add_subclass(PyTypeObject *base, PyTypeObject *type)
{
    PyObject *key = PyLong_FromVoidPtr(type);
    if (key == NULL) return -1;
    if (base->tp_subclasses == NULL) {
        base->tp_subclasses = PyDict_New();
        if (base->tp_subclasses == NULL) { Py_DECREF(key); return -1; }
    }
    int res = PyDict_SetItem((PyObject *)base->tp_subclasses, key, key);
    Py_DECREF(key);
    return res;
}

static void
remove_subclass(PyTypeObject *base, PyTypeObject *type)
{
    if (base->tp_subclasses == NULL) return;
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *key = PyLong_FromVoidPtr(type);
    if (key != NULL) {
        if (PyDict_DelItem((PyObject *)base->tp_subclasses, key) < 0) PyErr_Clear();
        Py_DECREF(key);
    }
    else PyErr_Clear();
    PyErr_SetRaisedException(exc);
}

/* ------------------------------ class creation ------------------------------ */

/* Determine the most derived metatype.  BORROWED reference or NULL+exc. */
PyTypeObject *
_PyType_CalculateMetaclass(PyTypeObject *metatype, PyObject *bases)
{
    PyTypeObject *winner = metatype;
    Py_ssize_t nbases = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < nbases; i++) {
        PyObject *tmp = PyTuple_GET_ITEM(bases, i);
        PyTypeObject *tmptype = Py_TYPE(tmp);
        if (PyType_IsSubtype(winner, tmptype)) continue;
        if (PyType_IsSubtype(tmptype, winner)) { winner = tmptype; continue; }
        PyErr_SetString(PyExc_TypeError,
                        "metaclass conflict: the metaclass of a derived class must be a "
                        "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* Does `type` add C-level fields (or item storage) to `base`? */
static int
extra_ivars(PyTypeObject *type, PyTypeObject *base)
{
    size_t t_size = (size_t)type->tp_basicsize;
    size_t b_size = (size_t)base->tp_basicsize;
    if (type->tp_itemsize || base->tp_itemsize)
        return t_size != b_size || type->tp_itemsize != base->tp_itemsize;
    return t_size != b_size;
}

/* The nearest base (static or heap) that defines the instance layout. */
static PyTypeObject *
solid_base(PyTypeObject *type)
{
    PyTypeObject *base = type->tp_base ? solid_base(type->tp_base) : &PyBaseObject_Type;
    return extra_ivars(type, base) ? type : base;
}

/* The base whose layout the new class extends; all bases' solid bases
   must lie on one line of descent ("instance lay-out conflict"). */
static PyTypeObject *
best_base(PyObject *bases)
{
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    PyTypeObject *base = NULL, *winner = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *base_proto = PyTuple_GET_ITEM(bases, i);
        if (!PyType_Check(base_proto)) {
            PyErr_SetString(PyExc_TypeError, "bases must be types");
            return NULL;
        }
        PyTypeObject *base_i = (PyTypeObject *)base_proto;
        if (!(base_i->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(base_i) < 0) return NULL;
        if (!(base_i->tp_flags & Py_TPFLAGS_BASETYPE)) {
            PyErr_Format(PyExc_TypeError, "type '%.100s' is not an acceptable base type",
                         base_i->tp_name);
            return NULL;
        }
        PyTypeObject *candidate = solid_base(base_i);
        if (winner == NULL) { winner = candidate; base = base_i; }
        else if (PyType_IsSubtype(winner, candidate)) ;
        else if (PyType_IsSubtype(candidate, winner)) { winner = candidate; base = base_i; }
        else {
            PyErr_SetString(PyExc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

static void subtype_dealloc(PyObject *self);
static int subtype_traverse(PyObject *self, visitproc visit, void *arg);
static int subtype_clear(PyObject *self);

static PyObject *
subtype_dict(PyObject *obj, void *context)
{
    return PyObject_GenericGetDict(obj, context);
}

static int
subtype_setdict(PyObject *obj, PyObject *value, void *context)
{
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    if (dictptr == NULL) {
        PyErr_SetString(PyExc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value != NULL && !PyDict_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_XSETREF(*dictptr, Py_XNewRef(value));
    return 0;
}

static PyObject *
subtype_getweakref(PyObject *obj, void *context)
{
    PyTypeObject *type = Py_TYPE(obj);
    PyObject **ptr;
    if (type->tp_flags & Py_TPFLAGS_MANAGED_WEAKREF) ptr = ((PyObject **)obj) - 4;
    else if (type->tp_weaklistoffset > 0) ptr = (PyObject **)((char *)obj + type->tp_weaklistoffset);
    else { PyErr_SetString(PyExc_AttributeError, "This object has no __weakref__"); return NULL; }
    return Py_NewRef(*ptr == NULL ? Py_None : *ptr);
}

static PyGetSetDef subtype_getsets_full[] = {
    {"__dict__", subtype_dict, subtype_setdict, "dictionary for instance variables (if defined)", NULL},
    {"__weakref__", subtype_getweakref, NULL, "list of weak references to the object (if defined)", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};
static PyGetSetDef subtype_getsets_dict_only[] = {
    {"__dict__", subtype_dict, subtype_setdict, "dictionary for instance variables (if defined)", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};
static PyGetSetDef subtype_getsets_weakref_only[] = {
    {"__weakref__", subtype_getweakref, NULL, "list of weak references to the object (if defined)", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static int
valid_identifier(PyObject *s)
{
    if (!PyUnicode_Check(s)) {
        PyErr_Format(PyExc_TypeError, "__slots__ items must be strings, not '%.200s'",
                     Py_TYPE(s)->tp_name);
        return 0;
    }
    if (!PyUnicode_IsIdentifier(s)) {
        PyErr_SetString(PyExc_TypeError, "__slots__ must be identifiers");
        return 0;
    }
    return 1;
}

static PyObject *
get_module_name_from_frame(void)
{
    PyObject *globals = PyEval_GetGlobals();
    if (globals == NULL) return NULL;
    PyObject *mod = PyDict_GetItemWithError(globals, _Py_ID(__name__));
    return mod;   /* borrowed */
}

/* type(name, bases, dict, **kwds): create a heap type.  New reference. */
static PyObject *
type_new(PyTypeObject *metatype, PyObject *args, PyObject *kwds)
{
    PyObject *name, *bases, *orig_dict;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);

    if (metatype == &PyType_Type && nargs == 1 && (kwds == NULL || !PyDict_GET_SIZE(kwds)))
        return Py_NewRef(Py_TYPE(PyTuple_GET_ITEM(args, 0)));
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "type() takes 1 or 3 arguments");
        return NULL;
    }
    name = PyTuple_GET_ITEM(args, 0);
    bases = PyTuple_GET_ITEM(args, 1);
    orig_dict = PyTuple_GET_ITEM(args, 2);
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "type.__new__() argument 1 must be str, not %s",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    if (!PyTuple_Check(bases)) {
        PyErr_Format(PyExc_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                     Py_TYPE(bases)->tp_name);
        return NULL;
    }
    if (!PyDict_Check(orig_dict)) {
        PyErr_Format(PyExc_TypeError, "type.__new__() argument 3 must be dict, not %s",
                     Py_TYPE(orig_dict)->tp_name);
        return NULL;
    }

    /* Determine the proper metatype to deal with this. */
    PyTypeObject *winner = _PyType_CalculateMetaclass(metatype, bases);
    if (winner == NULL) return NULL;
    if (winner != metatype && winner->tp_new != type_new)
        return winner->tp_new(winner, args, kwds);
    metatype = winner;

    Py_ssize_t nbases = PyTuple_GET_SIZE(bases);
    if (nbases == 0) {
        bases = PyTuple_Pack(1, (PyObject *)&PyBaseObject_Type);
        if (bases == NULL) return NULL;
        nbases = 1;
    }
    else {
        for (Py_ssize_t i = 0; i < nbases; i++) {
            PyObject *b = PyTuple_GET_ITEM(bases, i);
            if (PyType_Check(b)) continue;
            PyObject *mro_entries;
            if (_PyObject_LookupAttr(b, _Py_ID(__mro_entries__), &mro_entries) < 0) return NULL;
            if (mro_entries != NULL) {
                Py_DECREF(mro_entries);
                PyErr_SetString(PyExc_TypeError,
                                "type() doesn't support MRO entry resolution; use types.new_class()");
                return NULL;
            }
        }
        Py_INCREF(bases);
    }

    PyTypeObject *base = best_base(bases);
    if (base == NULL) { Py_DECREF(bases); return NULL; }

    PyObject *dict = PyDict_Copy(orig_dict);
    if (dict == NULL) { Py_DECREF(bases); return NULL; }

    /* __slots__ */
    PyObject *slots = PyDict_GetItemWithError(dict, _Py_ID(__slots__));
    Py_ssize_t nslots = 0;
    int add_dict = 0, add_weak = 0;
    int may_add_dict = base->tp_dictoffset == 0 && !(base->tp_flags & Py_TPFLAGS_MANAGED_DICT);
    int may_add_weak = base->tp_weaklistoffset == 0 && base->tp_itemsize == 0 &&
                       !(base->tp_flags & Py_TPFLAGS_MANAGED_WEAKREF);
    PyObject *slot_names = NULL;
    if (slots == NULL) {
        if (PyErr_Occurred()) goto error;
        if (may_add_dict) add_dict = 1;
        if (may_add_weak) add_weak = 1;
    }
    else {
        if (PyUnicode_Check(slots)) slots = PyTuple_Pack(1, slots);
        else slots = PySequence_Tuple(slots);
        if (slots == NULL) goto error;
        nslots = PyTuple_GET_SIZE(slots);
        if (nslots > 0 && base->tp_itemsize != 0) {
            PyErr_Format(PyExc_TypeError,
                         "nonempty __slots__ not supported for subtype of '%s'", base->tp_name);
            Py_DECREF(slots);
            goto error;
        }
        slot_names = PyList_New(0);
        if (slot_names == NULL) { Py_DECREF(slots); goto error; }
        for (Py_ssize_t i = 0; i < nslots; i++) {
            PyObject *tmp = PyTuple_GET_ITEM(slots, i);
            if (!valid_identifier(tmp)) { Py_DECREF(slots); goto error; }
            if (_PyUnicode_EqualToASCIIString(tmp, "__dict__")) {
                if (!may_add_dict || add_dict) {
                    PyErr_SetString(PyExc_TypeError, "__dict__ slot disallowed: we already got one");
                    Py_DECREF(slots); goto error;
                }
                add_dict++;
                continue;
            }
            if (_PyUnicode_EqualToASCIIString(tmp, "__weakref__")) {
                if (!may_add_weak || add_weak) {
                    PyErr_SetString(PyExc_TypeError,
                                    "__weakref__ slot disallowed: we already got one");
                    Py_DECREF(slots); goto error;
                }
                add_weak++;
                continue;
            }
            /* Private name mangling. */
            PyObject *mangled = _Py_Mangle(name, tmp);
            if (mangled == NULL) { Py_DECREF(slots); goto error; }
            int r = PyDict_Contains(dict, mangled);
            if (r > 0) {
                PyErr_Format(PyExc_ValueError, "%R in __slots__ conflicts with class variable", tmp);
                r = -1;
            }
            if (r < 0 || PyList_Append(slot_names, mangled) < 0) {
                Py_DECREF(mangled); Py_DECREF(slots); goto error;
            }
            Py_DECREF(mangled);
        }
        Py_DECREF(slots);
        if (PyList_Sort(slot_names) < 0) goto error;
        nslots = PyList_GET_SIZE(slot_names);
    }

    /* Allocate the type object. */
    PyHeapTypeObject *et = (PyHeapTypeObject *)metatype->tp_alloc(metatype, nslots);
    if (et == NULL) goto error;
    PyTypeObject *type = &et->ht_type;
    type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE |
                     Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_FINALIZE;
    type->tp_as_async = &et->as_async;
    type->tp_as_number = &et->as_number;
    type->tp_as_sequence = &et->as_sequence;
    type->tp_as_mapping = &et->as_mapping;
    type->tp_as_buffer = &et->as_buffer;
    type->tp_bases = bases;
    bases = NULL;
    type->tp_base = (PyTypeObject *)Py_NewRef(base);
    type->tp_dict = dict;
    dict = NULL;

    et->ht_name = Py_NewRef(name);
    const char *tp_name = PyUnicode_AsUTF8(name);
    if (tp_name == NULL) goto error_type;
    et->_ht_tpname = PyMem_Malloc(strlen(tp_name) + 1);
    if (et->_ht_tpname == NULL) { PyErr_NoMemory(); goto error_type; }
    strcpy(et->_ht_tpname, tp_name);
    type->tp_name = et->_ht_tpname;

    /* __module__ from the caller's globals, unless given. */
    {
        int r = PyDict_Contains(type->tp_dict, _Py_ID(__module__));
        if (r < 0) goto error_type;
        if (r == 0) {
            PyObject *modname = get_module_name_from_frame();
            if (modname != NULL && PyDict_SetItem(type->tp_dict, _Py_ID(__module__), modname) < 0)
                goto error_type;
            if (PyErr_Occurred()) goto error_type;
        }
    }
    /* __qualname__ */
    {
        PyObject *qualname = PyDict_GetItemWithError(type->tp_dict, _Py_ID(__qualname__));
        if (qualname != NULL) {
            if (!PyUnicode_Check(qualname)) {
                PyErr_Format(PyExc_TypeError, "type __qualname__ must be a str, not %s",
                             Py_TYPE(qualname)->tp_name);
                goto error_type;
            }
            et->ht_qualname = Py_NewRef(qualname);
            if (PyDict_DelItem(type->tp_dict, _Py_ID(__qualname__)) < 0) goto error_type;
        }
        else {
            if (PyErr_Occurred()) goto error_type;
            et->ht_qualname = Py_NewRef(name);
        }
    }
    /* __doc__ from a str docstring */
    {
        PyObject *doc = PyDict_GetItemWithError(type->tp_dict, _Py_ID(__doc__));
        if (doc == NULL) {
            if (PyErr_Occurred()) goto error_type;
            if (PyDict_SetItem(type->tp_dict, _Py_ID(__doc__), Py_None) < 0) goto error_type;
        }
    }
    /* __new__ is a static method; __init_subclass__ and __class_getitem__ are class methods. */
    {
        PyObject *tmp = PyDict_GetItemWithError(type->tp_dict, _Py_ID(__new__));
        if (tmp != NULL && PyFunction_Check(tmp)) {
            PyObject *sm = PyStaticMethod_New(tmp);
            if (sm == NULL) goto error_type;
            int r = PyDict_SetItem(type->tp_dict, _Py_ID(__new__), sm);
            Py_DECREF(sm);
            if (r < 0) goto error_type;
        }
        else if (PyErr_Occurred()) goto error_type;
        static const char *const cm_names[] = {"__init_subclass__", "__class_getitem__"};
        for (int k = 0; k < 2; k++) {
            PyObject *n = _PyUnicode_InternStatic(cm_names[k]);
            tmp = PyDict_GetItemWithError(type->tp_dict, n);
            if (tmp != NULL && PyFunction_Check(tmp)) {
                PyObject *cm = PyClassMethod_New(tmp);
                if (cm == NULL) goto error_type;
                int r = PyDict_SetItem(type->tp_dict, n, cm);
                Py_DECREF(cm);
                if (r < 0) goto error_type;
            }
            else if (PyErr_Occurred()) goto error_type;
        }
    }

    /* Layout: slots after the base's fields; dict/weakref managed (3.12). */
    Py_ssize_t slotoffset = base->tp_basicsize;
    PyMemberDef *mp = NULL;
    if (nslots > 0) {
        mp = PyMem_Calloc((size_t)nslots + 1, sizeof(PyMemberDef));
        if (mp == NULL) { PyErr_NoMemory(); goto error_type; }
        for (Py_ssize_t i = 0; i < nslots; i++) {
            const char *s = PyUnicode_AsUTF8(PyList_GET_ITEM(slot_names, i));
            if (s == NULL) { PyMem_Free(mp); goto error_type; }
            mp[i].name = s;   /* kept alive by ht_slots */
            mp[i].type = Py_T_OBJECT_EX;
            mp[i].offset = slotoffset;
            slotoffset += (Py_ssize_t)sizeof(PyObject *);
        }
        type->tp_members = mp;
    }
    et->ht_slots = slot_names;
    slot_names = NULL;
    if (add_dict) {
        /* CPython 3.12 gives every class's instances a managed (pre-header)
           dict, variable-size bases included (__dictoffset__ == -1). */
        type->tp_flags |= Py_TPFLAGS_MANAGED_DICT;
        type->tp_dictoffset = -1;
    }
    if (add_weak) {
        type->tp_flags |= Py_TPFLAGS_MANAGED_WEAKREF;
        type->tp_weaklistoffset = -4 * (Py_ssize_t)sizeof(PyObject *);
    }
    type->tp_basicsize = slotoffset;
    type->tp_itemsize = base->tp_itemsize;
    if (add_dict && add_weak) type->tp_getset = subtype_getsets_full;
    else if (add_dict) type->tp_getset = subtype_getsets_dict_only;
    else if (add_weak) type->tp_getset = subtype_getsets_weakref_only;

    type->tp_dealloc = subtype_dealloc;
    type->tp_traverse = subtype_traverse;
    type->tp_clear = subtype_clear;
    type->tp_alloc = PyType_GenericAlloc;
    type->tp_free = PyObject_GC_Del;

    if (PyType_Ready(type) < 0) goto error_type;
    if (_PyType_FixupSlots(type) < 0) goto error_type;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(type->tp_bases); i++)
        if (add_subclass((PyTypeObject *)PyTuple_GET_ITEM(type->tp_bases, i), type) < 0)
            goto error_type;

    /* The compiler's __class__ cell (zero-argument super()) gets the new type. */
    {
        PyObject *cell = PyDict_GetItemWithError(type->tp_dict, _Py_ID(__classcell__));
        if (cell != NULL) {
            if (!PyCell_Check(cell)) {
                PyErr_Format(PyExc_TypeError, "__classcell__ must be a nonlocal cell, not %.200R",
                             Py_TYPE(cell));
                goto error_type;
            }
            if (PyCell_Set(cell, (PyObject *)type) < 0) goto error_type;
            if (PyDict_DelItem(type->tp_dict, _Py_ID(__classcell__)) < 0) goto error_type;
            PyType_Modified(type);
        }
        else if (PyErr_Occurred()) goto error_type;
    }

    /* __set_name__ on the namespace's values, then __init_subclass__ of the parent. */
    if (_PyType_SetNames(type) < 0) goto error_type;
    if (_PyType_InitSubclass(type, kwds) < 0) goto error_type;
    return (PyObject *)type;   /* tracked since PyType_GenericAlloc */

error_type:
    Py_DECREF(type);
    Py_XDECREF(slot_names);
    return NULL;
error:
    Py_XDECREF(dict);
    Py_XDECREF(bases);
    Py_XDECREF(slot_names);
    return NULL;
}

/* Private name mangling (__x inside class C -> _C__x).  New reference. */
PyObject *
_Py_Mangle(PyObject *privateobj, PyObject *ident)
{
    if (privateobj == NULL || !PyUnicode_Check(privateobj) ||
        PyUnicode_READ_CHAR(ident, 0) != '_' ||
        PyUnicode_GET_LENGTH(ident) < 2 || PyUnicode_READ_CHAR(ident, 1) != '_')
        return Py_NewRef(ident);
    Py_ssize_t nlen = PyUnicode_GET_LENGTH(ident);
    Py_ssize_t plen = PyUnicode_GET_LENGTH(privateobj);
    if ((PyUnicode_READ_CHAR(ident, nlen - 1) == '_' && PyUnicode_READ_CHAR(ident, nlen - 2) == '_') ||
        PyUnicode_FindChar(ident, '.', 0, nlen, 1) >= 0)
        return Py_NewRef(ident);
    Py_ssize_t ipriv = 0;
    while (ipriv < plen && PyUnicode_READ_CHAR(privateobj, ipriv) == '_') ipriv++;
    if (ipriv == plen) return Py_NewRef(ident);
    PyObject *stripped = PyUnicode_Substring(privateobj, ipriv, plen);
    if (stripped == NULL) return NULL;
    PyObject *result = PyUnicode_FromFormat("_%U%U", stripped, ident);
    Py_DECREF(stripped);
    if (result) PyUnicode_InternInPlace(&result);
    return result;
}

int
_PyType_SetNames(PyTypeObject *type)
{
    PyObject *names_to_set = PyDict_Copy(type->tp_dict);
    if (names_to_set == NULL) return -1;
    Py_ssize_t i = 0;
    PyObject *key, *value;
    while (PyDict_Next(names_to_set, &i, &key, &value)) {
        PyObject *set_name = _PyType_Lookup(Py_TYPE(value), _Py_ID(__set_name__));
        if (set_name != NULL) {
            PyObject *args[3] = {value, (PyObject *)type, key};
            PyObject *res = _PyObject_CallUnbound(set_name, args, 3);
            if (res == NULL) {
                /* 3.12 adds a note: "Error calling __set_name__ on 'X' instance 'k' in 'C'" */
                PyObject *exc = PyErr_GetRaisedException();
                PyObject *note = PyUnicode_FromFormat(
                    "Error calling __set_name__ on '%.100s' instance %R in '%.100s'",
                    Py_TYPE(value)->tp_name, key, type->tp_name);
                if (note && exc) {
                    PyObject *r = PyObject_CallMethodOneArg(exc, _Py_ID(add_note), note);
                    Py_XDECREF(r);
                    if (r == NULL) PyErr_Clear();
                }
                Py_XDECREF(note);
                PyErr_SetRaisedException(exc);
                Py_DECREF(names_to_set);
                return -1;
            }
            Py_DECREF(res);
        }
    }
    Py_DECREF(names_to_set);
    return 0;
}

int
_PyType_InitSubclass(PyTypeObject *type, PyObject *kwds)
{
    PyObject *super_args[2] = {(PyObject *)type, (PyObject *)type};
    PyObject *super = PyObject_Vectorcall((PyObject *)&PySuper_Type, super_args, 2, NULL);
    if (super == NULL) return -1;
    PyObject *func = PyObject_GetAttr(super, _Py_ID(__init_subclass__));
    Py_DECREF(super);
    if (func == NULL) return -1;
    PyObject *result = PyObject_VectorcallDict(func, NULL, 0, kwds);
    Py_DECREF(func);
    if (result == NULL) return -1;
    Py_DECREF(result);
    return 0;
}

/* Call an unbound method found on a type: args[0] is self.  New reference. */
PyObject *
_PyObject_CallUnbound(PyObject *func, PyObject *const *args, Py_ssize_t nargs)
{
    descrgetfunc f = Py_TYPE(func)->tp_descr_get;
    if (f == NULL || PyType_HasFeature(Py_TYPE(func), Py_TPFLAGS_METHOD_DESCRIPTOR))
        return PyObject_Vectorcall(func, args, (size_t)nargs, NULL);
    PyObject *bound = f(func, args[0], (PyObject *)Py_TYPE(args[0]));
    if (bound == NULL) return NULL;
    PyObject *res = PyObject_Vectorcall(bound, args + 1, (size_t)(nargs - 1), NULL);
    Py_DECREF(bound);
    return res;
}

/* ------------------------------ instances ------------------------------ */

static int
subtype_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTypeObject *type = Py_TYPE(self), *base = type;
    /* Visit __slots__ members of every heap base. */
    while (base && (base->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        PyObject *slots = ((PyHeapTypeObject *)base)->ht_slots;
        if (slots && base->tp_members) {
            for (PyMemberDef *mp = base->tp_members; mp->name; mp++) {
                if (mp->type == Py_T_OBJECT_EX) {
                    PyObject *v = *(PyObject **)((char *)self + mp->offset);
                    Py_VISIT(v);
                }
            }
        }
        base = base->tp_base;
    }
    PyTypeObject *solid = type;
    while (solid->tp_flags & Py_TPFLAGS_HEAPTYPE) solid = solid->tp_base;
    if (type->tp_dictoffset != 0 || (type->tp_flags & Py_TPFLAGS_MANAGED_DICT)) {
        if (solid->tp_dictoffset == 0 && !(solid->tp_flags & Py_TPFLAGS_MANAGED_DICT)) {
            PyObject **dictptr = _PyObject_GetDictPtr(self);
            if (dictptr && *dictptr) Py_VISIT(*dictptr);
        }
    }
    Py_VISIT(type);
    if (solid->tp_traverse) return solid->tp_traverse(self, visit, arg);
    return 0;
}

static int
subtype_clear(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self), *base = type;
    while (base && (base->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        if (((PyHeapTypeObject *)base)->ht_slots && base->tp_members) {
            for (PyMemberDef *mp = base->tp_members; mp->name; mp++) {
                if (mp->type == Py_T_OBJECT_EX) {
                    PyObject **addr = (PyObject **)((char *)self + mp->offset);
                    Py_CLEAR(*addr);
                }
            }
        }
        base = base->tp_base;
    }
    PyTypeObject *solid = type;
    while (solid->tp_flags & Py_TPFLAGS_HEAPTYPE) solid = solid->tp_base;
    if (solid->tp_dictoffset == 0 && !(solid->tp_flags & Py_TPFLAGS_MANAGED_DICT)) {
        PyObject **dictptr = _PyObject_GetDictPtr(self);
        if (dictptr && *dictptr) Py_CLEAR(*dictptr);
    }
    if (solid->tp_clear) return solid->tp_clear(self);
    return 0;
}

/* Deallocate an instance of a heap type: run __del__ (PEP 442), clear
   weakrefs, drop __slots__ and __dict__, then hand over to the nearest
   static base's dealloc (or free the memory), and release the type. */
static void
subtype_dealloc(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyTypeObject *base = type;
    while (base->tp_dealloc == subtype_dealloc) base = base->tp_base;

    PyObject_GC_UnTrack(self);
    Py_TRASHCAN_BEGIN(self, subtype_dealloc);

    if (type->tp_finalize) {
        /* Keep the object tracked while __del__ runs, as CPython does. */
        PyObject_GC_Track(self);
        if (PyObject_CallFinalizerFromDealloc(self) < 0) {
            /* Resurrected: the object lives on. */
            goto endlabel;
        }
        PyObject_GC_UnTrack(self);
    }
    if ((type->tp_flags & Py_TPFLAGS_MANAGED_WEAKREF) && ((PyObject **)self)[-4] != NULL)
        PyObject_ClearWeakRefs(self);
    else if (type->tp_weaklistoffset > 0 && base->tp_weaklistoffset == 0 &&
             *(PyObject **)((char *)self + type->tp_weaklistoffset) != NULL)
        PyObject_ClearWeakRefs(self);

    /* Clear __slots__ of every heap level. */
    for (PyTypeObject *t = type; t != base; t = t->tp_base) {
        if (((PyHeapTypeObject *)t)->ht_slots && t->tp_members) {
            for (PyMemberDef *mp = t->tp_members; mp->name; mp++) {
                if (mp->type == Py_T_OBJECT_EX) {
                    PyObject **addr = (PyObject **)((char *)self + mp->offset);
                    Py_CLEAR(*addr);
                }
            }
        }
    }
    if ((type->tp_flags & Py_TPFLAGS_MANAGED_DICT) && !(base->tp_flags & Py_TPFLAGS_MANAGED_DICT)) {
        PyObject **dictptr = ((PyObject **)self) - 3;
        Py_CLEAR(*dictptr);
    }
    else if (type->tp_dictoffset && !base->tp_dictoffset) {
        PyObject **dictptr = _PyObject_GetDictPtr(self);
        if (dictptr && *dictptr) Py_CLEAR(*dictptr);
    }

    /* The static base finishes the job; it must see an untracked object
       only if it does not untrack itself. */
    if (PyType_IS_GC(base)) PyObject_GC_Track(self);
    if (base->tp_dealloc == object_dealloc_rp || base == &PyBaseObject_Type) {
        if (PyType_IS_GC(base)) PyObject_GC_UnTrack(self);
        type->tp_free(self);
    }
    else {
        base->tp_dealloc(self);
    }
    Py_DECREF(type);
endlabel:
    Py_TRASHCAN_END
}

/* ----------------------------- finalizers ----------------------------- */

void
PyObject_CallFinalizer(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    if (tp->tp_finalize == NULL) return;
    if (PyType_IS_GC(tp) && PyObject_GC_IsFinalized(self)) return;
    tp->tp_finalize(self);
    if (PyType_IS_GC(tp)) _Py_AS_GC(self)->_gc_prev |= 1;   /* FINALIZED */
}

int
PyObject_CallFinalizerFromDealloc(PyObject *self)
{
    /* Temporarily resurrect the object. */
    self->ob_refcnt = 1;
    PyObject_CallFinalizer(self);
    /* Undo the temporary resurrection; can't use DECREF here, it would
       cause a recursive call. */
    if (--self->ob_refcnt == 0) return 0;   /* this is the normal path out */
    /* __del__ resurrected it: the count stays, and the caller bails out. */
    return -1;
}

/* ------------------------------- object ------------------------------- */

static int
excess_args(PyObject *args, PyObject *kwds)
{
    return PyTuple_GET_SIZE(args) || (kwds && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds));
}

static int
object_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = Py_TYPE(self);
    if (excess_args(args, kwds)) {
        if (type->tp_init != object_init) {
            PyErr_SetString(PyExc_TypeError,
                            "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (type->tp_new == object_new_rp) {
            PyErr_Format(PyExc_TypeError, "%.200s.__init__() takes exactly one argument (the instance to initialize)",
                         type->tp_name);
            return -1;
        }
    }
    return 0;
}

PyObject *
object_new_rp(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (excess_args(args, kwds)) {
        if (type->tp_new != object_new_rp) {
            PyErr_SetString(PyExc_TypeError,
                            "object.__new__() takes exactly one argument (the type to instantiate)");
            return NULL;
        }
        if (type->tp_init == object_init) {
            PyErr_Format(PyExc_TypeError, "%.200s() takes no arguments", type->tp_name);
            return NULL;
        }
    }
    if (type->tp_flags & Py_TPFLAGS_IS_ABSTRACT) {
        PyObject *abstract_methods = type_abstractmethods(type, NULL);
        if (abstract_methods == NULL) return NULL;
        PyObject *sorted_methods = PySequence_List(abstract_methods);
        Py_DECREF(abstract_methods);
        if (sorted_methods == NULL) return NULL;
        if (PyList_Sort(sorted_methods)) { Py_DECREF(sorted_methods); return NULL; }
        PyObject *comma = PyUnicode_FromString("', '");
        PyObject *joined = comma ? PyUnicode_Join(comma, sorted_methods) : NULL;
        Py_XDECREF(comma);
        Py_ssize_t n = PyList_GET_SIZE(sorted_methods);
        Py_DECREF(sorted_methods);
        if (joined == NULL) return NULL;
        PyErr_Format(PyExc_TypeError,
                     "Can't instantiate abstract class %s without an implementation "
                     "for abstract method%s '%U'",
                     type->tp_name, n > 1 ? "s" : "", joined);
        Py_DECREF(joined);
        return NULL;
    }
    return type->tp_alloc(type, 0);
}

void
object_dealloc_rp(PyObject *self)
{
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
object_repr(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyObject *mod = type_module(type, NULL);
    if (mod == NULL) PyErr_Clear();
    else if (!PyUnicode_Check(mod)) Py_CLEAR(mod);
    PyObject *name = type_qualname(type, NULL);
    if (name == NULL) { Py_XDECREF(mod); return NULL; }
    PyObject *rtn;
    if (mod != NULL && !_PyUnicode_Equal(mod, _Py_ID(builtins)))
        rtn = PyUnicode_FromFormat("<%U.%U object at %p>", mod, name, self);
    else
        rtn = PyUnicode_FromFormat("<%s object at %p>", type->tp_name, self);
    Py_XDECREF(mod);
    Py_DECREF(name);
    return rtn;
}

static PyObject *
object_str(PyObject *self)
{
    unaryfunc f = Py_TYPE(self)->tp_repr;
    if (f == NULL) f = object_repr;
    return f(self);
}

static PyObject *
object_richcompare(PyObject *self, PyObject *other, int op)
{
    PyObject *res;
    switch (op) {
    case Py_EQ:
        res = (self == other) ? Py_True : Py_NotImplemented;
        return Py_NewRef(res);
    case Py_NE:
        /* By default, __ne__() delegates to __eq__() and inverts the result,
           unless the latter returns NotImplemented. */
        if (Py_TYPE(self)->tp_richcompare == NULL) Py_RETURN_NOTIMPLEMENTED;
        res = (*Py_TYPE(self)->tp_richcompare)(self, other, Py_EQ);
        if (res != NULL && res != Py_NotImplemented) {
            int ok = PyObject_IsTrue(res);
            Py_DECREF(res);
            if (ok < 0) return NULL;
            return Py_NewRef(ok ? Py_False : Py_True);
        }
        return res;
    default:
        Py_RETURN_NOTIMPLEMENTED;
    }
}

static Py_hash_t
object_hash(PyObject *self)
{
    return _Py_HashPointer(self);
}

static PyObject *
object_get_class(PyObject *self, void *closure)
{
    return Py_NewRef(Py_TYPE(self));
}

static int
object_set_class(PyObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!PyType_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__class__ must be set to a class, not '%s' object",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    PyTypeObject *newto = (PyTypeObject *)value, *oldto = Py_TYPE(self);
    if (!(newto->tp_flags & Py_TPFLAGS_HEAPTYPE) || !(oldto->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        PyErr_Format(PyExc_TypeError,
                     "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (newto->tp_basicsize != oldto->tp_basicsize || newto->tp_itemsize != oldto->tp_itemsize ||
        (newto->tp_flags & Py_TPFLAGS_PREHEADER) != (oldto->tp_flags & Py_TPFLAGS_PREHEADER)) {
        PyErr_Format(PyExc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                     newto->tp_name, oldto->tp_name);
        return -1;
    }
    Py_INCREF(newto);
    Py_SET_TYPE(self, newto);
    Py_DECREF(oldto);
    return 0;
}

static PyGetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class, "the object's class", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyObject *
object___format__(PyObject *self, PyObject *format_spec)
{
    if (!PyUnicode_Check(format_spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.200s",
                     Py_TYPE(format_spec)->tp_name);
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(format_spec) > 0) {
        PyErr_Format(PyExc_TypeError, "unsupported format string passed to %.200s.__format__",
                     Py_TYPE(self)->tp_name);
        return NULL;
    }
    return PyObject_Str(self);
}

static PyObject *
object___sizeof__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t res = 0;
    Py_ssize_t isize = Py_TYPE(self)->tp_itemsize;
    if (isize > 0) res = Py_SIZE(self) * isize;
    res += Py_TYPE(self)->tp_basicsize;
    return PyLong_FromSsize_t(res);
}

static PyObject *
object___dir__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *dict = PyDict_New();
    if (dict == NULL) return NULL;
    PyObject **dictptr = _PyObject_GetDictPtr(self);
    if (dictptr && *dictptr && PyDict_Check(*dictptr)) {
        if (PyDict_Update(dict, *dictptr) < 0) goto error;
    }
    PyObject *mro = Py_TYPE(self)->tp_mro;
    if (mro) {
        for (Py_ssize_t i = PyTuple_GET_SIZE(mro) - 1; i >= 0; i--) {
            PyObject *d = ((PyTypeObject *)PyTuple_GET_ITEM(mro, i))->tp_dict;
            if (PyDict_Merge(dict, d, 0) < 0) goto error;
        }
    }
    PyObject *res = PyDict_Keys(dict);
    Py_DECREF(dict);
    return res;
error:
    Py_DECREF(dict);
    return NULL;
}

static PyObject *
object_init_subclass(PyObject *cls, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    if (nargs || (kwnames && PyTuple_GET_SIZE(kwnames))) {
        PyObject *qualname = type_qualname((PyTypeObject *)cls, NULL);
        if (qualname == NULL) return NULL;
        PyErr_Format(PyExc_TypeError, "%U.__init_subclass__() takes no keyword arguments", qualname);
        Py_DECREF(qualname);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
object_subclasshook(PyObject *cls, PyObject *args)
{
    Py_RETURN_NOTIMPLEMENTED;
}

/* object.__reduce_ex__ / __reduce__: refpy has no pickle/copyreg yet, so
   the default reduction reports the object as unpicklable; a class that
   defines __reduce__ itself gets it called from __reduce_ex__. */
static PyObject *
object___reduce__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyErr_Format(PyExc_TypeError, "cannot pickle '%.200s' object", Py_TYPE(self)->tp_name);
    return NULL;
}

static PyObject *
object___reduce_ex__(PyObject *self, PyObject *protocol)
{
    PyObject *reduce = _PyType_Lookup(Py_TYPE(self), _Py_ID(__reduce__));
    PyObject *objreduce = PyDict_GetItemWithError(PyBaseObject_Type.tp_dict, _Py_ID(__reduce__));
    if (reduce != NULL && reduce != objreduce) return PyObject_CallMethodNoArgs(self, _Py_ID(__reduce__));
    if (PyErr_Occurred()) return NULL;
    return object___reduce__(self, NULL);
}

/* object.__getstate__(): the instance __dict__ (None when empty or absent);
   if __slots__ values are set, the pair (state, {slot: value}). */
static PyObject *
object___getstate__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject **dictptr = _PyObject_GetDictPtr(self);
    PyObject *state = (dictptr != NULL && *dictptr != NULL && PyDict_GET_SIZE(*dictptr) > 0)
                          ? Py_NewRef(*dictptr) : Py_NewRef(Py_None);
    PyObject *slots = NULL;
    for (PyTypeObject *t = Py_TYPE(self); t != NULL && (t->tp_flags & Py_TPFLAGS_HEAPTYPE);
         t = t->tp_base) {
        PyObject *names = ((PyHeapTypeObject *)t)->ht_slots;
        if (names == NULL || !PyList_Check(names)) continue;
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(names); i++) {
            PyObject *name = PyList_GET_ITEM(names, i), *value;
            int r = _PyObject_LookupAttr(self, name, &value);
            if (r < 0) goto error;
            if (r == 0) continue;
            if (slots == NULL && (slots = PyDict_New()) == NULL) { Py_DECREF(value); goto error; }
            r = PyDict_SetItem(slots, name, value);
            Py_DECREF(value);
            if (r < 0) goto error;
        }
    }
    if (slots != NULL) {
        PyObject *pair = PyTuple_Pack(2, state, slots);
        Py_DECREF(state);
        Py_DECREF(slots);
        return pair;
    }
    return state;
error:
    Py_DECREF(state);
    Py_XDECREF(slots);
    return NULL;
}

static PyMethodDef object_methods[] = {
    {"__reduce_ex__", (PyCFunction)object___reduce_ex__, METH_O, NULL},
    {"__reduce__", (PyCFunction)object___reduce__, METH_NOARGS, NULL},
    {"__getstate__", (PyCFunction)object___getstate__, METH_NOARGS, NULL},
    {"__init_subclass__", (PyCFunction)(void (*)(void))object_init_subclass,
     METH_CLASS | METH_FASTCALL | METH_KEYWORDS, NULL},
    {"__subclasshook__", (PyCFunction)object_subclasshook, METH_CLASS | METH_VARARGS, NULL},
    {"__format__", (PyCFunction)object___format__, METH_O, NULL},
    {"__sizeof__", (PyCFunction)object___sizeof__, METH_NOARGS, NULL},
    {"__dir__", (PyCFunction)object___dir__, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyBaseObject_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "object",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = object_dealloc_rp,
    .tp_repr = object_repr,
    .tp_hash = object_hash,
    .tp_str = object_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "The base class of the class hierarchy.\n\n"
              "When called, it accepts no arguments and returns a new featureless\n"
              "instance that has no instance attributes and cannot be given any.\n",
    .tp_richcompare = object_richcompare,
    .tp_methods = object_methods,
    .tp_getset = object_getsets,
    .tp_init = object_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = object_new_rp,
    .tp_free = PyObject_Free,
};
