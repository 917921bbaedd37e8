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
/* DICT_MERGE helper: like Merge; with override=2 a duplicate key raises
   KeyError(key), as in CPython (the VM's _PyEval_FormatKwargsError turns it
   into "got multiple values for keyword argument"). */
PyAPI_FUNC(int) _PyDict_MergeEx(PyObject *a, PyObject *b, int override);
PyAPI_FUNC(PyObject *) _PyDict_Pop(PyObject *, PyObject *, PyObject *deflt); /* new */

/* Reverse iterators (reversed(d), reversed(d.keys()), ...). */
PyAPI_DATA(PyTypeObject) PyDictRevIterKey_Type;
PyAPI_DATA(PyTypeObject) PyDictRevIterValue_Type;
PyAPI_DATA(PyTypeObject) PyDictRevIterItem_Type;
#define PyDictKeys_Check(op) PyObject_TypeCheck((op), &PyDictKeys_Type)
#define PyDictValues_Check(op) PyObject_TypeCheck((op), &PyDictValues_Type)
#define PyDictItems_Check(op) PyObject_TypeCheck((op), &PyDictItems_Type)
#define PyDictViewSet_Check(op) (PyDictKeys_Check(op) || PyDictItems_Check(op))

/* Next entry with its hash; *pkey and *pvalue BORROWED; 0 at the end. */
PyAPI_FUNC(int) _PyDict_Next(PyObject *, Py_ssize_t *ppos, PyObject **pkey,
                             PyObject **pvalue, Py_hash_t *phash);
PyAPI_FUNC(int) _PyDict_Contains_KnownHash(PyObject *, PyObject *, Py_hash_t);   /* -1/0/1 */
PyAPI_FUNC(int) _PyDict_SetItem_KnownHash(PyObject *, PyObject *, PyObject *, Py_hash_t); /* borrows */
PyAPI_FUNC(int) _PyDict_DelItem_KnownHash(PyObject *, PyObject *, Py_hash_t);
PyAPI_FUNC(PyObject *) _PyDict_NewPresized(Py_ssize_t minused);          /* new */
PyAPI_FUNC(Py_ssize_t) _PyDict_SizeOf(PyDictObject *);                   /* __sizeof__ */
PyAPI_FUNC(PyObject *) _PyDict_FromKeys(PyObject *cls, PyObject *iterable, PyObject *value); /* new */

#ifdef Py_BUILD_CORE
/* ---- CPython 3.12's compact table, exposed for the VM's caches ----
 * dk_indices is the hash table: 1 << dk_log2_size slots of 1, 2, 4 or 8
 * bytes (1 << dk_log2_index_bytes bytes in all) holding DKIX_EMPTY,
 * DKIX_DUMMY or an index into the entries array that follows it.  The
 * entries are PyDictUnicodeEntry (dk_kind == DICT_KEYS_UNICODE: every key
 * is an exact str, hashes come from the str) or PyDictKeyEntry
 * (DICT_KEYS_GENERAL).  Only combined tables exist in refpy
 * (ma_values is always NULL). */
typedef enum {
    DICT_KEYS_GENERAL = 0,
    DICT_KEYS_UNICODE = 1,
    DICT_KEYS_SPLIT = 2
} DictKeysKind;

typedef struct {
    Py_hash_t me_hash;
    PyObject *me_key;
    PyObject *me_value;      /* NULL for a deleted entry */
} PyDictKeyEntry;

typedef struct {
    PyObject *me_key;
    PyObject *me_value;      /* NULL for a deleted entry */
} PyDictUnicodeEntry;

struct _dictkeysobject {
    Py_ssize_t dk_refcnt;
    uint8_t dk_log2_size;
    uint8_t dk_log2_index_bytes;
    uint8_t dk_kind;
    uint32_t dk_version;     /* 0: no version assigned (or invalidated) */
    Py_ssize_t dk_usable;    /* entries that can still be appended */
    Py_ssize_t dk_nentries;  /* entries used (including deleted ones) */
    char dk_indices[];       /* then the entries */
};

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define DKIX_KEY_CHANGED (-4)
#define DK_LOG_SIZE(dk) ((dk)->dk_log2_size)
#define DK_SIZE(dk) (((int64_t)1) << DK_LOG_SIZE(dk))
#define DK_IS_UNICODE(dk) ((dk)->dk_kind != DICT_KEYS_GENERAL)
static inline void *_DK_ENTRIES(PyDictKeysObject *dk)
{
    return (void *)(&dk->dk_indices[(size_t)1 << dk->dk_log2_index_bytes]);
}
static inline PyDictKeyEntry *DK_ENTRIES(PyDictKeysObject *dk)
{ return (PyDictKeyEntry *)_DK_ENTRIES(dk); }
static inline PyDictUnicodeEntry *DK_UNICODE_ENTRIES(PyDictKeysObject *dk)
{ return (PyDictUnicodeEntry *)_DK_ENTRIES(dk); }

/* The dict view object (keys(), values(), items()). */
typedef struct {
    PyObject_HEAD
    PyDictObject *dv_dict;   /* strong */
} _PyDictViewObject;

/* Index of key in the entries of mp->ma_keys: >= 0, DKIX_EMPTY if absent,
   DKIX_ERROR with an exception on error (hash or comparison failed). */
PyAPI_FUNC(Py_ssize_t) _PyDict_LookupIndex(PyDictObject *, PyObject *key);
/* Lookup with a known hash; *value_addr BORROWED (NULL if absent).
   Returns the entry index, DKIX_EMPTY or DKIX_ERROR (exception set). */
PyAPI_FUNC(Py_ssize_t) _Py_dict_lookup(PyDictObject *mp, PyObject *key, Py_hash_t hash,
                                       PyObject **value_addr);
/* LOAD_GLOBAL: key in globals, else in builtins.  BORROWED reference;
   NULL without an exception if missing in both; NULL with one on error. */
PyAPI_FUNC(PyObject *) _PyDict_LoadGlobal(PyDictObject *globals, PyDictObject *builtins,
                                          PyObject *key);
/* Exact-str key lookup in an all-str keys table (no side effects):
   index, DKIX_EMPTY, or DKIX_ERROR if key/table are not all-str. */
PyAPI_FUNC(Py_ssize_t) _PyDictKeys_StringLookup(PyDictKeysObject *dk, PyObject *key);
/* A nonzero version for the keys object's current shape (assigned on
   demand; any insertion or deletion of a key resets it); 0 if exhausted. */
PyAPI_FUNC(uint32_t) _PyDictKeys_GetVersionForCurrentState(PyDictKeysObject *dk);
/* The next value of the global mutation counter (ma_version_tag). */
PyAPI_FUNC(uint64_t) _PyDict_NextVersion(void);
/* 1 if every key is a str (used to validate **kwargs). */
PyAPI_FUNC(int) _PyDict_HasOnlyStringKeys(PyObject *dict);
/* Bytes of a keys object (header, indices, entries). */
PyAPI_FUNC(size_t) _PyDict_KeysSize(PyDictKeysObject *keys);
/* dictviews.c: new view of dict (type: PyDictKeys/Values/Items_Type) and
   new iterator over dict (one of the six PyDict[Rev]Iter*_Type): new refs. */
PyAPI_FUNC(PyObject *) _PyDictView_New(PyObject *dict, PyTypeObject *type);
PyAPI_FUNC(PyObject *) _PyDict_IterNew(PyDictObject *dict, PyTypeObject *itertype);
#endif
#endif
