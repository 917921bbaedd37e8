/* dictobject.h -- insertion-ordered compact hash tables (CPython 3.12 design). */
#ifndef REFPY_DICTOBJECT_H
#define REFPY_DICTOBJECT_H
#include "object.h"

typedef struct _dictkeysobject PyDictKeysObject;
typedef struct _dictvalues PyDictValues;

typedef struct {
    PyObject_HEAD
    Py_ssize_t ma_used;          /* number of items */
    uint64_t ma_version_tag;     /* changes on every mutation */
    PyDictKeysObject *ma_keys;
    PyDictValues *ma_values;     /* NULL for combined tables */
} PyDictObject;

PyAPI_DATA(PyTypeObject) PyDict_Type;
PyAPI_DATA(PyTypeObject) PyDictKeys_Type;
PyAPI_DATA(PyTypeObject) PyDictValues_Type;
PyAPI_DATA(PyTypeObject) PyDictItems_Type;
PyAPI_DATA(PyTypeObject) PyDictIterKey_Type;
PyAPI_DATA(PyTypeObject) PyDictIterValue_Type;
PyAPI_DATA(PyTypeObject) PyDictIterItem_Type;
#define PyDict_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_DICT_SUBCLASS)
#define PyDict_CheckExact(op) Py_IS_TYPE((op), &PyDict_Type)
#define PyDict_GET_SIZE(op) (((PyDictObject *)(op))->ma_used)

PyAPI_FUNC(PyObject *) PyDict_New(void);                                  /* new */
PyAPI_FUNC(PyObject *) PyDict_GetItem(PyObject *, PyObject *);            /* BORROWED; swallows errors */
PyAPI_FUNC(PyObject *) PyDict_GetItemWithError(PyObject *, PyObject *);   /* BORROWED; NULL+exc or NULL */
PyAPI_FUNC(PyObject *) PyDict_GetItemString(PyObject *, const char *);   /* BORROWED */
PyAPI_FUNC(PyObject *) _PyDict_GetItem_KnownHash(PyObject *, PyObject *, Py_hash_t); /* BORROWED */
/* 3.13-style: 1 found (*result new ref), 0 missing, -1 error. */
PyAPI_FUNC(int) PyDict_GetItemRef(PyObject *, PyObject *key, PyObject **result);
PyAPI_FUNC(int) PyDict_SetItem(PyObject *, PyObject *key, PyObject *value); /* borrows both (increfs) */
PyAPI_FUNC(int) PyDict_SetItemString(PyObject *, const char *, PyObject *);
PyAPI_FUNC(int) _PyDict_SetItem_Take2(PyDictObject *, PyObject *key, PyObject *value); /* STEALS key and value */
PyAPI_FUNC(int) PyDict_DelItem(PyObject *, PyObject *);                    /* KeyError if missing */
PyAPI_FUNC(int) PyDict_DelItemString(PyObject *, const char *);
PyAPI_FUNC(int) PyDict_Contains(PyObject *, PyObject *);                  /* -1/0/1 */
PyAPI_FUNC(void) PyDict_Clear(PyObject *);
/* Iterate: *ppos starts at 0; *pkey and *pvalue are BORROWED. Returns 0 at end. */
PyAPI_FUNC(int) PyDict_Next(PyObject *, Py_ssize_t *ppos, PyObject **pkey, PyObject **pvalue);
PyAPI_FUNC(PyObject *) PyDict_Keys(PyObject *);                           /* new list */
PyAPI_FUNC(PyObject *) PyDict_Values(PyObject *);                         /* new list */
PyAPI_FUNC(PyObject *) PyDict_Items(PyObject *);                          /* new list */
PyAPI_FUNC(Py_ssize_t) PyDict_Size(PyObject *);
PyAPI_FUNC(PyObject *) PyDict_Copy(PyObject *);                           /* new */
PyAPI_FUNC(int) PyDict_Update(PyObject *, PyObject *);
PyAPI_FUNC(int) PyDict_Merge(PyObject *, PyObject *, int override);
PyAPI_FUNC(int) PyDict_MergeFromSeq2(PyObject *, PyObject *, int override);
PyAPI_FUNC(PyObject *) PyDict_SetDefault(PyObject *, PyObject *, PyObject *); /* BORROWED */
/* Build from parallel arrays (BUILD_MAP / BUILD_CONST_KEY_MAP); borrows. */
PyAPI_FUNC(PyObject *) _PyDict_FromItems(PyObject *const *keys, Py_ssize_t keys_offset,
                                         PyObject *const *values, Py_ssize_t values_offset,
                                         Py_ssize_t length);
/* Untrack the dict if no key or value may be tracked (GC helper). */
PyAPI_FUNC(void) _PyDict_MaybeUntrack(PyObject *);
/* DICT_MERGE helper: like Merge but raises TypeError on duplicate keys
   ("got multiple values for keyword argument"). override=2. */
PyAPI_FUNC(int) _PyDict_MergeEx(PyObject *a, PyObject *b, int override);
PyAPI_FUNC(PyObject *) _PyDict_Pop(PyObject *, PyObject *, PyObject *deflt); /* new */
#endif
