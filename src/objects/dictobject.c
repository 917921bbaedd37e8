/* dictobject.c -- the dict type: CPython 3.12's compact, ordered hash table.
 *
 * How it works
 * ------------
 * A dict (PyDictObject, 48 bytes + 16 GC) points at a keys object
 * (PyDictKeysObject, dictobject.h) made of a small header, a hash table of
 * "indices" and a dense array of entries:
 *
 *     header | indices[1 << log2_size] | entries[USABLE_FRACTION(size)]
 *
 * Entries are appended in insertion order, which is therefore the
 * iteration order.  An index slot holds DKIX_EMPTY (-1, never used),
 * DKIX_DUMMY (-2, its entry was deleted) or the position of an entry; the
 * slots are 1, 2, 4 or 8 bytes wide depending on the table size.  A key
 * whose hash is h is looked for at slot h & mask, then along CPython's
 * perturbed probe sequence i = (5*i + 1 + perturb) & mask with perturb >>= 5
 * at each step, until the key or an EMPTY slot is found.  Because refpy
 * uses the same hashes, table sizes and probe order, the same operations
 * build the same tables as CPython, and sys.getsizeof agrees.
 *
 * Two kinds of keys objects exist.  When every key is an exact str the
 * table is DICT_KEYS_UNICODE and entries are (key, value) pairs, the hash
 * being cached in the str itself; otherwise DICT_KEYS_GENERAL entries are
 * (hash, key, value).  Inserting a non-str key into a str-only table
 * converts it (with a resize).
 *
 * Sizes: an empty dict shares an immortal, static empty keys object (so {}
 * is 64 bytes); the first insertion allocates 8 slots (5 usable: the
 * table is kept at most 2/3 full).  When no entry is left, the table is
 * rebuilt with at least GROWTH_RATE = 3 * used slots, rounded up to a power
 * of two (with 3.12's exact rounding formula); deleted entries are dropped
 * at that time.  Presized creation (BUILD_MAP, dict.fromkeys, update from
 * a dict) reserves room for the expected number of entries in one go.
 * Deletion never shrinks a table.
 *
 * Memory management: 80 dead dicts and 80 minimum-size str-keys objects
 * are kept on free lists.  New dicts are not GC-tracked; a dict becomes
 * tracked when a key or value that may be tracked is stored in it (and
 * _PyDict_MaybeUntrack lets the collector untrack it again), as in 3.12.
 * Every mutation gives the dict a new ma_version_tag from a global
 * counter, and any change to the set of keys clears the keys object's
 * dk_version, which is what the VM's global-variable caches check.
 *
 * Views and iterators are in dictviews.c.  Split tables (values stored
 * apart from shared keys) are not implemented: ma_values is always NULL.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_langextras.h"      /* Py_GenericAlias */

#define PyDict_LOG_MINSIZE 3
#define PyDict_MINSIZE 8
#define PERTURB_SHIFT 5
#define USABLE_FRACTION(n) (((n) << 1) / 3)
#define GROWTH_RATE(d) ((d)->ma_used * 3)
#define DK_MASK(dk) (DK_SIZE(dk) - 1)
#define PyDict_MAXFREELIST 80

/* ------------------------------------------------------------------ */
/* global state                                                        */
/* ------------------------------------------------------------------ */

static PyDictObject *dict_free_list[PyDict_MAXFREELIST];
static int dict_numfree = 0;
static PyDictKeysObject *keys_free_list[PyDict_MAXFREELIST];
static int keys_numfree = 0;
static uint64_t dict_global_version = 0;
static uint32_t next_keys_version = 2;

#define DICT_NEXT_VERSION() (++dict_global_version)

uint64_t
_PyDict_NextVersion(void)
{
    return DICT_NEXT_VERSION();
}

/* The empty keys object shared by every empty dict: immortal, no entries,
   one EMPTY index slot (log2_size 0), and 0 usable entries so that the
   first insertion always resizes. */
static PyDictKeysObject empty_keys_struct = {
    .dk_refcnt = _Py_IMMORTAL_REFCNT,
    .dk_log2_size = 0,
    .dk_log2_index_bytes = 0,
    .dk_kind = DICT_KEYS_UNICODE,
    .dk_version = 1,
    .dk_usable = 0,
    .dk_nentries = 0,
    .dk_indices = {DKIX_EMPTY, DKIX_EMPTY, DKIX_EMPTY, DKIX_EMPTY,
                   DKIX_EMPTY, DKIX_EMPTY, DKIX_EMPTY, DKIX_EMPTY},
};
#define Py_EMPTY_KEYS (&empty_keys_struct)

void
_PyDict_ClearFreeList(void)
{
    while (dict_numfree) {
        PyDictObject *op = dict_free_list[--dict_numfree];
        PyObject_GC_Del(op);
    }
    while (keys_numfree)
        PyObject_Free(keys_free_list[--keys_numfree]);
}

void
_PyDict_DebugMallocStats(FILE *out)
{
    _PyDebugAllocatorStats(out, "free PyDictObject", dict_numfree, sizeof(PyDictObject));
}

/* ------------------------------------------------------------------ */
/* small helpers                                                       */
/* ------------------------------------------------------------------ */

static inline Py_hash_t
unicode_get_hash(PyObject *o)
{
    return ((PyASCIIObject *)o)->hash;
}

/* Hash of key, using the cached hash of exact str. -1 on error. */
static inline Py_hash_t
dict_hash(PyObject *key)
{
    Py_hash_t hash;
    if (PyUnicode_CheckExact(key) && (hash = unicode_get_hash(key)) != -1)
        return hash;
    return PyObject_Hash(key);
}

/* Equality of two exact str objects with equal hashes. */
static inline int
unicode_eq(PyObject *a, PyObject *b)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(a);
    if (PyUnicode_GET_LENGTH(b) != len)
        return 0;
    if (len == 0)
        return 1;
    int kind = PyUnicode_KIND(a);
    if (PyUnicode_KIND(b) != kind)
        return 0;
    return memcmp(PyUnicode_DATA(a), PyUnicode_DATA(b), (size_t)len * (size_t)kind) == 0;
}

static void
set_key_error(PyObject *key)
{
    PyObject *exc = PyObject_CallOneArg(PyExc_KeyError, key);
    if (exc != NULL) {
        PyErr_SetObject(PyExc_KeyError, exc);
        Py_DECREF(exc);
    }
}

static inline Py_ssize_t
dictkeys_get_index(const PyDictKeysObject *keys, size_t i)
{
    int log2size = keys->dk_log2_size;
    if (log2size < 8)
        return ((const int8_t *)keys->dk_indices)[i];
    if (log2size < 16)
        return ((const int16_t *)keys->dk_indices)[i];
    if (log2size >= 32)
        return ((const int64_t *)keys->dk_indices)[i];
    return ((const int32_t *)keys->dk_indices)[i];
}

static inline void
dictkeys_set_index(PyDictKeysObject *keys, size_t i, Py_ssize_t ix)
{
    int log2size = keys->dk_log2_size;
    if (log2size < 8)
        ((int8_t *)keys->dk_indices)[i] = (int8_t)ix;
    else if (log2size < 16)
        ((int16_t *)keys->dk_indices)[i] = (int16_t)ix;
    else if (log2size >= 32)
        ((int64_t *)keys->dk_indices)[i] = (int64_t)ix;
    else
        ((int32_t *)keys->dk_indices)[i] = (int32_t)ix;
}

/* Smallest log2 size for at least minsize slots, with CPython's formula
   on LP64 (note: it rounds 1..7 up to 16 slots, as CPython does). */
static inline uint8_t
calculate_log2_keysize(Py_ssize_t minsize)
{
    minsize = (minsize | PyDict_MINSIZE) - 1;
    size_t v = (size_t)(minsize | (PyDict_MINSIZE - 1));
    return (uint8_t)(64 - __builtin_clzll((unsigned long long)v));
}

/* Room for n entries without resizing. */
static inline uint8_t
estimate_log2_keysize(Py_ssize_t n)
{
    return calculate_log2_keysize((n * 3 + 1) / 2);
}

static void free_keys_object(PyDictKeysObject *keys);

static inline void
dictkeys_decref(PyDictKeysObject *dk)
{
    if (dk->dk_refcnt == _Py_IMMORTAL_REFCNT)
        return;
    _Py_DEC_REFTOTAL();
    if (--dk->dk_refcnt == 0)
        free_keys_object(dk);
}

size_t
_PyDict_KeysSize(PyDictKeysObject *keys)
{
    size_t es = keys->dk_kind == DICT_KEYS_GENERAL ? sizeof(PyDictKeyEntry)
                                                   : sizeof(PyDictUnicodeEntry);
    size_t size = sizeof(PyDictKeysObject);
    size += (size_t)1 << keys->dk_log2_index_bytes;
    size += (size_t)USABLE_FRACTION((size_t)DK_SIZE(keys)) * es;
    return size;
}

/* ------------------------------------------------------------------ */
/* keys objects                                                        */
/* ------------------------------------------------------------------ */

static PyDictKeysObject *
new_keys_object(uint8_t log2_size, int unicode)
{
    PyDictKeysObject *dk;
    size_t entry_size = unicode ? sizeof(PyDictUnicodeEntry) : sizeof(PyDictKeyEntry);
    Py_ssize_t usable = USABLE_FRACTION((Py_ssize_t)1 << log2_size);
    int log2_bytes;
    if (log2_size < 8)
        log2_bytes = log2_size;
    else if (log2_size < 16)
        log2_bytes = log2_size + 1;
    else if (log2_size >= 32)
        log2_bytes = log2_size + 3;
    else
        log2_bytes = log2_size + 2;

    if (log2_size == PyDict_LOG_MINSIZE && unicode && keys_numfree > 0) {
        dk = keys_free_list[--keys_numfree];
    }
    else {
        dk = PyObject_Malloc(sizeof(PyDictKeysObject) + ((size_t)1 << log2_bytes)
                             + entry_size * (size_t)usable);
        if (dk == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    _Py_INC_REFTOTAL();
    dk->dk_refcnt = 1;
    dk->dk_log2_size = log2_size;
    dk->dk_log2_index_bytes = (uint8_t)log2_bytes;
    dk->dk_kind = unicode ? DICT_KEYS_UNICODE : DICT_KEYS_GENERAL;
    dk->dk_nentries = 0;
    dk->dk_usable = usable;
    dk->dk_version = 0;
    memset(&dk->dk_indices[0], 0xff, (size_t)1 << log2_bytes);
    memset(&dk->dk_indices[(size_t)1 << log2_bytes], 0, entry_size * (size_t)usable);
    return dk;
}

static void
free_keys_object(PyDictKeysObject *keys)
{
    Py_ssize_t n = keys->dk_nentries;
    if (DK_IS_UNICODE(keys)) {
        PyDictUnicodeEntry *entries = DK_UNICODE_ENTRIES(keys);
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_XDECREF(entries[i].me_key);
            Py_XDECREF(entries[i].me_value);
        }
    }
    else {
        PyDictKeyEntry *entries = DK_ENTRIES(keys);
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_XDECREF(entries[i].me_key);
            Py_XDECREF(entries[i].me_value);
        }
    }
    if (DK_LOG_SIZE(keys) == PyDict_LOG_MINSIZE && keys_numfree < PyDict_MAXFREELIST &&
        DK_IS_UNICODE(keys)) {
        keys_free_list[keys_numfree++] = keys;
        return;
    }
    PyObject_Free(keys);
}

/* Consumes the reference to keys.  New reference, untracked. */
static PyObject *
new_dict(PyDictKeysObject *keys, Py_ssize_t used)
{
    PyDictObject *mp;
    if (dict_numfree) {
        mp = dict_free_list[--dict_numfree];
        _PyObject_Init((PyObject *)mp, &PyDict_Type);
    }
    else {
        mp = PyObject_GC_New(PyDictObject, &PyDict_Type);
        if (mp == NULL) {
            dictkeys_decref(keys);
            return NULL;
        }
    }
    mp->ma_keys = keys;
    mp->ma_values = NULL;
    mp->ma_used = used;
    mp->ma_version_tag = DICT_NEXT_VERSION();
    return (PyObject *)mp;
}

/* Copy of a combined, non-empty keys object with every live key and
   value increfed. */
static PyDictKeysObject *
clone_combined_dict_keys(PyDictObject *orig)
{
    size_t keys_size = _PyDict_KeysSize(orig->ma_keys);
    PyDictKeysObject *keys = PyObject_Malloc(keys_size);
    if (keys == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(keys, orig->ma_keys, keys_size);
    Py_ssize_t n = keys->dk_nentries;
    if (DK_IS_UNICODE(keys)) {
        PyDictUnicodeEntry *ep = DK_UNICODE_ENTRIES(keys);
        for (Py_ssize_t i = 0; i < n; i++, ep++) {
            if (ep->me_value != NULL) {
                Py_INCREF(ep->me_value);
                Py_INCREF(ep->me_key);
            }
        }
    }
    else {
        PyDictKeyEntry *ep = DK_ENTRIES(keys);
        for (Py_ssize_t i = 0; i < n; i++, ep++) {
            if (ep->me_value != NULL) {
                Py_INCREF(ep->me_value);
                Py_INCREF(ep->me_key);
            }
        }
    }
    _Py_INC_REFTOTAL();
    return keys;
}

/* New reference. */
PyObject *
PyDict_New(void)
{
    return new_dict(Py_EMPTY_KEYS, 0);
}

/* ------------------------------------------------------------------ */
/* lookup                                                              */
/* ------------------------------------------------------------------ */

/* Index slot holding entry `index`, or DKIX_EMPTY. */
static Py_ssize_t
lookdict_index(PyDictKeysObject *k, Py_hash_t hash, Py_ssize_t index)
{
    size_t mask = (size_t)DK_MASK(k);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        Py_ssize_t ix = dictkeys_get_index(k, i);
        if (ix == index)
            return (Py_ssize_t)i;
        if (ix == DKIX_EMPTY)
            return DKIX_EMPTY;
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

/* Exact str key in a str-keys table: no user code can run. */
static inline Py_ssize_t
unicodekeys_lookup_unicode(PyDictKeysObject *dk, PyObject *key, Py_hash_t hash)
{
    PyDictUnicodeEntry *ep0 = DK_UNICODE_ENTRIES(dk);
    size_t mask = (size_t)DK_MASK(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        Py_ssize_t ix = dictkeys_get_index(dk, i);
        if (ix >= 0) {
            PyObject *ekey = ep0[ix].me_key;
            if (ekey == key || (unicode_get_hash(ekey) == hash && unicode_eq(ekey, key)))
                return ix;
        }
        else if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

/* Other key in a str-keys table: __eq__ may run and mutate the dict. */
static Py_ssize_t
unicodekeys_lookup_generic(PyDictObject *mp, PyDictKeysObject *dk, PyObject *key, Py_hash_t hash)
{
    PyDictUnicodeEntry *ep0 = DK_UNICODE_ENTRIES(dk);
    size_t mask = (size_t)DK_MASK(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        Py_ssize_t ix = dictkeys_get_index(dk, i);
        if (ix >= 0) {
            PyDictUnicodeEntry *ep = &ep0[ix];
            if (ep->me_key == key)
                return ix;
            if (unicode_get_hash(ep->me_key) == hash) {
                PyObject *startkey = ep->me_key;
                Py_INCREF(startkey);
                int cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
                Py_DECREF(startkey);
                if (cmp < 0)
                    return DKIX_ERROR;
                if (dk == mp->ma_keys && ep->me_key == startkey) {
                    if (cmp > 0)
                        return ix;
                }
                else {
                    return DKIX_KEY_CHANGED;    /* mutated: start again */
                }
            }
        }
        else if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

static Py_ssize_t
dictkeys_generic_lookup(PyDictObject *mp, PyDictKeysObject *dk, PyObject *key, Py_hash_t hash)
{
    PyDictKeyEntry *ep0 = DK_ENTRIES(dk);
    size_t mask = (size_t)DK_MASK(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        Py_ssize_t ix = dictkeys_get_index(dk, i);
        if (ix >= 0) {
            PyDictKeyEntry *ep = &ep0[ix];
            if (ep->me_key == key)
                return ix;
            if (ep->me_hash == hash) {
                PyObject *startkey = ep->me_key;
                Py_INCREF(startkey);
                int cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
                Py_DECREF(startkey);
                if (cmp < 0)
                    return DKIX_ERROR;
                if (dk == mp->ma_keys && ep->me_key == startkey) {
                    if (cmp > 0)
                        return ix;
                }
                else {
                    return DKIX_KEY_CHANGED;
                }
            }
        }
        else if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

Py_ssize_t
_PyDictKeys_StringLookup(PyDictKeysObject *dk, PyObject *key)
{
    if (!PyUnicode_CheckExact(key) || dk->dk_kind == DICT_KEYS_GENERAL)
        return DKIX_ERROR;
    Py_hash_t hash = unicode_get_hash(key);
    if (hash == -1) {
        hash = PyObject_Hash(key);
        if (hash == -1) {
            PyErr_Clear();
            return DKIX_ERROR;
        }
    }
    return unicodekeys_lookup_unicode(dk, key, hash);
}

/* The lookup used by everything: entry index (>= 0) with *value_addr
   set (BORROWED), DKIX_EMPTY with *value_addr NULL, or DKIX_ERROR. */
Py_ssize_t
_Py_dict_lookup(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **value_addr)
{
    PyDictKeysObject *dk;
    Py_ssize_t ix;
start:
    dk = mp->ma_keys;
    if (dk->dk_kind != DICT_KEYS_GENERAL) {
        if (PyUnicode_CheckExact(key)) {
            ix = unicodekeys_lookup_unicode(dk, key, hash);
        }
        else {
            ix = unicodekeys_lookup_generic(mp, dk, key, hash);
            if (ix == DKIX_KEY_CHANGED)
                goto start;
        }
        *value_addr = ix >= 0 ? DK_UNICODE_ENTRIES(dk)[ix].me_value : NULL;
    }
    else {
        ix = dictkeys_generic_lookup(mp, dk, key, hash);
        if (ix == DKIX_KEY_CHANGED)
            goto start;
        *value_addr = ix >= 0 ? DK_ENTRIES(dk)[ix].me_value : NULL;
    }
    return ix;
}

Py_ssize_t
_PyDict_LookupIndex(PyDictObject *mp, PyObject *key)
{
    PyObject *value;
    Py_hash_t hash = dict_hash(key);
    if (hash == -1)
        return DKIX_ERROR;
    return _Py_dict_lookup(mp, key, hash, &value);
}

uint32_t
_PyDictKeys_GetVersionForCurrentState(PyDictKeysObject *dk)
{
    if (dk->dk_version != 0)
        return dk->dk_version;
    if (next_keys_version == 0)
        return 0;
    uint32_t v = next_keys_version++;
    dk->dk_version = v;
    return v;
}

int
_PyDict_HasOnlyStringKeys(PyObject *dict)
{
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    if (((PyDictObject *)dict)->ma_keys->dk_kind != DICT_KEYS_GENERAL)
        return 1;
    while (PyDict_Next(dict, &pos, &key, &value)) {
        if (!PyUnicode_Check(key))
            return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* GC tracking                                                         */
/* ------------------------------------------------------------------ */

static inline void
maintain_tracking(PyDictObject *mp, PyObject *key, PyObject *value)
{
    if (!_PyObject_GC_IS_TRACKED((PyObject *)mp)) {
        if (_PyObject_GC_MAY_BE_TRACKED(key) || _PyObject_GC_MAY_BE_TRACKED(value))
            _PyObject_GC_TRACK((PyObject *)mp);
    }
}

void
_PyDict_MaybeUntrack(PyObject *op)
{
    if (!PyDict_CheckExact(op) || !_PyObject_GC_IS_TRACKED(op))
        return;
    PyDictObject *mp = (PyDictObject *)op;
    Py_ssize_t numentries = mp->ma_keys->dk_nentries;
    if (DK_IS_UNICODE(mp->ma_keys)) {
        PyDictUnicodeEntry *ep0 = DK_UNICODE_ENTRIES(mp->ma_keys);
        for (Py_ssize_t i = 0; i < numentries; i++) {
            PyObject *value = ep0[i].me_value;
            if (value != NULL && _PyObject_GC_MAY_BE_TRACKED(value))
                return;
        }
    }
    else {
        PyDictKeyEntry *ep0 = DK_ENTRIES(mp->ma_keys);
        for (Py_ssize_t i = 0; i < numentries; i++) {
            PyObject *value = ep0[i].me_value;
            if (value == NULL)
                continue;
            if (_PyObject_GC_MAY_BE_TRACKED(value) || _PyObject_GC_MAY_BE_TRACKED(ep0[i].me_key))
                return;
        }
    }
    _PyObject_GC_UNTRACK(op);
}

/* ------------------------------------------------------------------ */
/* insertion and resizing                                              */
/* ------------------------------------------------------------------ */

/* First EMPTY or DUMMY slot on hash's probe sequence (the key is known
   to be absent). */
static Py_ssize_t
find_empty_slot(PyDictKeysObject *keys, Py_hash_t hash)
{
    const size_t mask = (size_t)DK_MASK(keys);
    size_t i = (size_t)hash & mask;
    Py_ssize_t ix = dictkeys_get_index(keys, i);
    for (size_t perturb = (size_t)hash; ix >= 0;) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
        ix = dictkeys_get_index(keys, i);
    }
    return (Py_ssize_t)i;
}

static void
build_indices_generic(PyDictKeysObject *keys, PyDictKeyEntry *ep, Py_ssize_t n)
{
    size_t mask = (size_t)DK_MASK(keys);
    for (Py_ssize_t ix = 0; ix != n; ix++, ep++) {
        Py_hash_t hash = ep->me_hash;
        size_t i = (size_t)hash & mask;
        for (size_t perturb = (size_t)hash; dictkeys_get_index(keys, i) != DKIX_EMPTY;) {
            perturb >>= PERTURB_SHIFT;
            i = mask & (i * 5 + perturb + 1);
        }
        dictkeys_set_index(keys, i, ix);
    }
}

static void
build_indices_unicode(PyDictKeysObject *keys, PyDictUnicodeEntry *ep, Py_ssize_t n)
{
    size_t mask = (size_t)DK_MASK(keys);
    for (Py_ssize_t ix = 0; ix != n; ix++, ep++) {
        Py_hash_t hash = unicode_get_hash(ep->me_key);
        size_t i = (size_t)hash & mask;
        for (size_t perturb = (size_t)hash; dictkeys_get_index(keys, i) != DKIX_EMPTY;) {
            perturb >>= PERTURB_SHIFT;
            i = mask & (i * 5 + perturb + 1);
        }
        dictkeys_set_index(keys, i, ix);
    }
}

/* Rebuild the table with 1 << log2_newsize slots, dropping deleted
   entries; a str-keys table stays one only if `unicode` is set. */
static int
dictresize(PyDictObject *mp, uint8_t log2_newsize, int unicode)
{
    if (log2_newsize >= SIZEOF_SIZE_T * 8) {
        PyErr_NoMemory();
        return -1;
    }
    PyDictKeysObject *oldkeys = mp->ma_keys;
    if (!DK_IS_UNICODE(oldkeys))
        unicode = 0;

    PyDictKeysObject *newkeys = new_keys_object(log2_newsize, unicode);
    if (newkeys == NULL)
        return -1;
    Py_ssize_t numentries = mp->ma_used;

    if (oldkeys->dk_kind == DICT_KEYS_GENERAL) {
        PyDictKeyEntry *oldentries = DK_ENTRIES(oldkeys);
        PyDictKeyEntry *newentries = DK_ENTRIES(newkeys);
        if (oldkeys->dk_nentries == numentries) {
            memcpy(newentries, oldentries, (size_t)numentries * sizeof(PyDictKeyEntry));
        }
        else {
            PyDictKeyEntry *ep = oldentries;
            for (Py_ssize_t i = 0; i < numentries; i++) {
                while (ep->me_value == NULL)
                    ep++;
                newentries[i] = *ep++;
            }
        }
        build_indices_generic(newkeys, newentries, numentries);
    }
    else {
        PyDictUnicodeEntry *oldentries = DK_UNICODE_ENTRIES(oldkeys);
        if (unicode) {
            PyDictUnicodeEntry *newentries = DK_UNICODE_ENTRIES(newkeys);
            if (oldkeys->dk_nentries == numentries) {
                memcpy(newentries, oldentries, (size_t)numentries * sizeof(PyDictUnicodeEntry));
            }
            else {
                PyDictUnicodeEntry *ep = oldentries;
                for (Py_ssize_t i = 0; i < numentries; i++) {
                    while (ep->me_value == NULL)
                        ep++;
                    newentries[i] = *ep++;
                }
            }
            build_indices_unicode(newkeys, newentries, numentries);
        }
        else {
            PyDictKeyEntry *newentries = DK_ENTRIES(newkeys);
            PyDictUnicodeEntry *ep = oldentries;
            for (Py_ssize_t i = 0; i < numentries; i++) {
                while (ep->me_value == NULL)
                    ep++;
                newentries[i].me_key = ep->me_key;
                newentries[i].me_hash = unicode_get_hash(ep->me_key);
                newentries[i].me_value = ep->me_value;
                ep++;
            }
            build_indices_generic(newkeys, newentries, numentries);
        }
    }

    mp->ma_keys = newkeys;
    /* The entries were moved, not copied: free the old shell only. */
    if (oldkeys != Py_EMPTY_KEYS) {
        _Py_DEC_REFTOTAL();
        if (DK_LOG_SIZE(oldkeys) == PyDict_LOG_MINSIZE && keys_numfree < PyDict_MAXFREELIST &&
            DK_IS_UNICODE(oldkeys))
            keys_free_list[keys_numfree++] = oldkeys;
        else
            PyObject_Free(oldkeys);
    }
    newkeys->dk_usable -= numentries;
    newkeys->dk_nentries = numentries;
    return 0;
}

static int
insertion_resize(PyDictObject *mp, int unicode)
{
    return dictresize(mp, calculate_log2_keysize(GROWTH_RATE(mp)), unicode);
}

/* Append a new entry (the key is known to be absent and the table has a
   usable entry).  Consumes key and value. */
static inline void
insert_new_entry(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *value)
{
    PyDictKeysObject *keys = mp->ma_keys;
    keys->dk_version = 0;
    Py_ssize_t hashpos = find_empty_slot(keys, hash);
    dictkeys_set_index(keys, (size_t)hashpos, keys->dk_nentries);
    if (DK_IS_UNICODE(keys)) {
        PyDictUnicodeEntry *ep = &DK_UNICODE_ENTRIES(keys)[keys->dk_nentries];
        ep->me_key = key;
        ep->me_value = value;
    }
    else {
        PyDictKeyEntry *ep = &DK_ENTRIES(keys)[keys->dk_nentries];
        ep->me_key = key;
        ep->me_hash = hash;
        ep->me_value = value;
    }
    mp->ma_used++;
    mp->ma_version_tag = DICT_NEXT_VERSION();
    keys->dk_usable--;
    keys->dk_nentries++;
}

/* Insert or replace; consumes key and value.  0 or -1. */
static int
insertdict(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *value)
{
    PyObject *old_value;

    if (DK_IS_UNICODE(mp->ma_keys) && !PyUnicode_CheckExact(key)) {
        if (insertion_resize(mp, 0) < 0)
            goto fail;
    }
    Py_ssize_t ix = _Py_dict_lookup(mp, key, hash, &old_value);
    if (ix == DKIX_ERROR)
        goto fail;

    maintain_tracking(mp, key, value);

    if (ix == DKIX_EMPTY) {
        if (mp->ma_keys->dk_usable <= 0) {
            if (insertion_resize(mp, 1) < 0)
                goto fail;
        }
        insert_new_entry(mp, key, hash, value);
        return 0;
    }

    if (old_value != value) {
        if (DK_IS_UNICODE(mp->ma_keys))
            DK_UNICODE_ENTRIES(mp->ma_keys)[ix].me_value = value;
        else
            DK_ENTRIES(mp->ma_keys)[ix].me_value = value;
        mp->ma_version_tag = DICT_NEXT_VERSION();
    }
    Py_XDECREF(old_value);      /* may run arbitrary code */
    Py_DECREF(key);
    return 0;

fail:
    Py_DECREF(value);
    Py_DECREF(key);
    return -1;
}

/* insertdict for a dict that still has the empty keys; consumes both. */
static int
insert_to_emptydict(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *value)
{
    int unicode = PyUnicode_CheckExact(key);
    PyDictKeysObject *newkeys = new_keys_object(PyDict_LOG_MINSIZE, unicode);
    if (newkeys == NULL) {
        Py_DECREF(key);
        Py_DECREF(value);
        return -1;
    }
    mp->ma_keys = newkeys;
    mp->ma_values = NULL;
    maintain_tracking(mp, key, value);
    size_t hashpos = (size_t)hash & (PyDict_MINSIZE - 1);
    dictkeys_set_index(newkeys, hashpos, 0);
    if (unicode) {
        PyDictUnicodeEntry *ep = DK_UNICODE_ENTRIES(newkeys);
        ep->me_key = key;
        ep->me_value = value;
    }
    else {
        PyDictKeyEntry *ep = DK_ENTRIES(newkeys);
        ep->me_key = key;
        ep->me_hash = hash;
        ep->me_value = value;
    }
    mp->ma_used++;
    mp->ma_version_tag = DICT_NEXT_VERSION();
    newkeys->dk_usable--;
    newkeys->dk_nentries++;
    return 0;
}

static inline int
setitem_take2_knownhash(PyDictObject *mp, PyObject *key, PyObject *value, Py_hash_t hash)
{
    if (mp->ma_keys == Py_EMPTY_KEYS)
        return insert_to_emptydict(mp, key, hash, value);
    return insertdict(mp, key, hash, value);
}

/* ------------------------------------------------------------------ */
/* presized creation                                                   */
/* ------------------------------------------------------------------ */

static PyObject *
dict_new_presized(Py_ssize_t minused, int unicode)
{
    const uint8_t log2_max_presize = 17;
    const Py_ssize_t max_presize = ((Py_ssize_t)1) << log2_max_presize;
    uint8_t log2_newsize;

    if (minused <= USABLE_FRACTION(PyDict_MINSIZE))
        return PyDict_New();
    /* No guarantee that minused items fit without a resize: very large
       requests get a medium table instead of a MemoryError. */
    if (minused > USABLE_FRACTION(max_presize))
        log2_newsize = log2_max_presize;
    else
        log2_newsize = estimate_log2_keysize(minused);
    PyDictKeysObject *new_keys = new_keys_object(log2_newsize, unicode);
    if (new_keys == NULL)
        return NULL;
    return new_dict(new_keys, 0);
}

/* New reference. */
PyObject *
_PyDict_NewPresized(Py_ssize_t minused)
{
    return dict_new_presized(minused, 0);
}

/* New reference; borrows keys and values (strided by the offsets). */
PyObject *
_PyDict_FromItems(PyObject *const *keys, Py_ssize_t keys_offset,
                  PyObject *const *values, Py_ssize_t values_offset, Py_ssize_t length)
{
    int unicode = 1;
    PyObject *const *ks = keys;
    for (Py_ssize_t i = 0; i < length; i++) {
        if (!PyUnicode_CheckExact(*ks)) {
            unicode = 0;
            break;
        }
        ks += keys_offset;
    }
    PyObject *dict = dict_new_presized(length, unicode);
    if (dict == NULL)
        return NULL;
    ks = keys;
    PyObject *const *vs = values;
    for (Py_ssize_t i = 0; i < length; i++) {
        if (PyDict_SetItem(dict, *ks, *vs) < 0) {
            Py_DECREF(dict);
            return NULL;
        }
        ks += keys_offset;
        vs += values_offset;
    }
    return dict;
}

/* ------------------------------------------------------------------ */
/* item access                                                         */
/* ------------------------------------------------------------------ */

/* Borrowed reference; errors (hash or comparison) are swallowed, and an
   exception set on entry is preserved. */
PyObject *
PyDict_GetItem(PyObject *op, PyObject *key)
{
    if (!PyDict_Check(op))
        return NULL;
    PyDictObject *mp = (PyDictObject *)op;
    Py_hash_t hash;
    if (!PyUnicode_CheckExact(key) || (hash = unicode_get_hash(key)) == -1) {
        PyObject *exc = PyErr_GetRaisedException();
        hash = PyObject_Hash(key);
        if (hash == -1) {
            PyErr_Clear();
            PyErr_SetRaisedException(exc);
            return NULL;
        }
        PyErr_SetRaisedException(exc);
    }
    PyObject *value;
    if (PyUnicode_CheckExact(key) && mp->ma_keys->dk_kind != DICT_KEYS_GENERAL) {
        /* no user code can run */
        Py_ssize_t ix = unicodekeys_lookup_unicode(mp->ma_keys, key, hash);
        return ix >= 0 ? DK_UNICODE_ENTRIES(mp->ma_keys)[ix].me_value : NULL;
    }
    PyObject *exc = PyErr_GetRaisedException();
    (void)_Py_dict_lookup(mp, key, hash, &value);
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
    return value;
}

/* Borrowed reference; NULL with an exception on error, without one if
   the key is absent. */
PyObject *
_PyDict_GetItem_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    PyObject *value;
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    (void)_Py_dict_lookup((PyDictObject *)op, key, hash, &value);
    return value;
}

/* Borrowed reference; NULL with an exception on error, without one if
   the key is absent. */
PyObject *
PyDict_GetItemWithError(PyObject *op, PyObject *key)
{
    PyObject *value;
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_hash_t hash = dict_hash(key);
    if (hash == -1)
        return NULL;
    (void)_Py_dict_lookup((PyDictObject *)op, key, hash, &value);
    return value;
}

/* Borrowed reference (errors swallowed). */
PyObject *
PyDict_GetItemString(PyObject *v, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *rv = PyDict_GetItem(v, kv);
    Py_DECREF(kv);
    return rv;
}

/* 1 with *result a new reference, 0 with *result NULL, -1 on error. */
int
PyDict_GetItemRef(PyObject *op, PyObject *key, PyObject **result)
{
    PyObject *value;
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        *result = NULL;
        return -1;
    }
    Py_hash_t hash = dict_hash(key);
    if (hash == -1) {
        *result = NULL;
        return -1;
    }
    Py_ssize_t ix = _Py_dict_lookup((PyDictObject *)op, key, hash, &value);
    if (ix == DKIX_ERROR) {
        *result = NULL;
        return -1;
    }
    if (value == NULL) {
        *result = NULL;
        return 0;
    }
    *result = Py_NewRef(value);
    return 1;
}

/* LOAD_GLOBAL: borrowed reference (see dictobject.h). */
PyObject *
_PyDict_LoadGlobal(PyDictObject *globals, PyDictObject *builtins, PyObject *key)
{
    Py_hash_t hash;
    PyObject *value;
    if (!PyUnicode_CheckExact(key) || (hash = unicode_get_hash(key)) == -1) {
        hash = PyObject_Hash(key);
        if (hash == -1)
            return NULL;
    }
    /* the common case: str keys in str-keys tables, no user code */
    if (PyUnicode_CheckExact(key)) {
        PyDictKeysObject *dk = globals->ma_keys;
        if (dk->dk_kind != DICT_KEYS_GENERAL) {
            Py_ssize_t ix = unicodekeys_lookup_unicode(dk, key, hash);
            if (ix >= 0)
                return DK_UNICODE_ENTRIES(dk)[ix].me_value;
            goto builtins;
        }
    }
    if (_Py_dict_lookup(globals, key, hash, &value) == DKIX_ERROR)
        return NULL;
    if (value != NULL)
        return value;
builtins:
    if (PyUnicode_CheckExact(key) && builtins->ma_keys->dk_kind != DICT_KEYS_GENERAL) {
        PyDictKeysObject *dk = builtins->ma_keys;
        Py_ssize_t ix = unicodekeys_lookup_unicode(dk, key, hash);
        return ix >= 0 ? DK_UNICODE_ENTRIES(dk)[ix].me_value : NULL;
    }
    (void)_Py_dict_lookup(builtins, key, hash, &value);
    return value;
}

/* Steals key and value. */
int
_PyDict_SetItem_Take2(PyDictObject *mp, PyObject *key, PyObject *value)
{
    Py_hash_t hash = dict_hash(key);
    if (hash == -1) {
        Py_DECREF(key);
        Py_DECREF(value);
        return -1;
    }
    return setitem_take2_knownhash(mp, key, value, hash);
}

/* Borrows key and value. */
int
PyDict_SetItem(PyObject *op, PyObject *key, PyObject *value)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return _PyDict_SetItem_Take2((PyDictObject *)op, Py_NewRef(key), Py_NewRef(value));
}

int
_PyDict_SetItem_KnownHash(PyObject *op, PyObject *key, PyObject *value, Py_hash_t hash)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return setitem_take2_knownhash((PyDictObject *)op, Py_NewRef(key), Py_NewRef(value), hash);
}

int
PyDict_SetItemString(PyObject *v, const char *key, PyObject *item)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL)
        return -1;
    PyUnicode_InternInPlace(&kv);
    int err = PyDict_SetItem(v, kv, item);
    Py_DECREF(kv);
    return err;
}

/* Remove entry ix (whose value is old_value) and release both. */
static void
delitem_common(PyDictObject *mp, Py_hash_t hash, Py_ssize_t ix, PyObject *old_value)
{
    PyObject *old_key;
    Py_ssize_t hashpos = lookdict_index(mp->ma_keys, hash, ix);

    mp->ma_used--;
    mp->ma_version_tag = DICT_NEXT_VERSION();
    mp->ma_keys->dk_version = 0;
    dictkeys_set_index(mp->ma_keys, (size_t)hashpos, DKIX_DUMMY);
    if (DK_IS_UNICODE(mp->ma_keys)) {
        PyDictUnicodeEntry *ep = &DK_UNICODE_ENTRIES(mp->ma_keys)[ix];
        old_key = ep->me_key;
        ep->me_key = NULL;
        ep->me_value = NULL;
    }
    else {
        PyDictKeyEntry *ep = &DK_ENTRIES(mp->ma_keys)[ix];
        old_key = ep->me_key;
        ep->me_key = NULL;
        ep->me_value = NULL;
        ep->me_hash = 0;
    }
    Py_DECREF(old_key);
    Py_DECREF(old_value);
}

int
_PyDict_DelItem_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    PyObject *old_value;
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyDictObject *mp = (PyDictObject *)op;
    Py_ssize_t ix = _Py_dict_lookup(mp, key, hash, &old_value);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix == DKIX_EMPTY || old_value == NULL) {
        set_key_error(key);
        return -1;
    }
    delitem_common(mp, hash, ix, old_value);
    return 0;
}

int
PyDict_DelItem(PyObject *op, PyObject *key)
{
    Py_hash_t hash = dict_hash(key);
    if (hash == -1)
        return -1;
    return _PyDict_DelItem_KnownHash(op, key, hash);
}

int
PyDict_DelItemString(PyObject *v, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL)
        return -1;
    int err = PyDict_DelItem(v, kv);
    Py_DECREF(kv);
    return err;
}

int
_PyDict_Contains_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    PyObject *value;
    Py_ssize_t ix = _Py_dict_lookup((PyDictObject *)op, key, hash, &value);
    if (ix == DKIX_ERROR)
        return -1;
    return ix != DKIX_EMPTY && value != NULL;
}

int
PyDict_Contains(PyObject *op, PyObject *key)
{
    Py_hash_t hash = dict_hash(key);
    if (hash == -1)
        return -1;
    return _PyDict_Contains_KnownHash(op, key, hash);
}

void
PyDict_Clear(PyObject *op)
{
    if (!PyDict_Check(op))
        return;
    PyDictObject *mp = (PyDictObject *)op;
    PyDictKeysObject *oldkeys = mp->ma_keys;
    if (oldkeys == Py_EMPTY_KEYS)
        return;
    /* Empty the dict first, then release the old entries. */
    mp->ma_keys = Py_EMPTY_KEYS;
    mp->ma_values = NULL;
    mp->ma_used = 0;
    mp->ma_version_tag = DICT_NEXT_VERSION();
    dictkeys_decref(oldkeys);
}

int
_PyDict_Next(PyObject *op, Py_ssize_t *ppos, PyObject **pkey, PyObject **pvalue, Py_hash_t *phash)
{
    if (!PyDict_Check(op))
        return 0;
    PyDictObject *mp = (PyDictObject *)op;
    Py_ssize_t i = *ppos;
    Py_ssize_t n = mp->ma_keys->dk_nentries;
    PyObject *key, *value;
    Py_hash_t hash;
    if (i < 0 || i >= n)
        return 0;
    if (DK_IS_UNICODE(mp->ma_keys)) {
        PyDictUnicodeEntry *ep = &DK_UNICODE_ENTRIES(mp->ma_keys)[i];
        while (i < n && ep->me_value == NULL) {
            ep++;
            i++;
        }
        if (i >= n)
            return 0;
        key = ep->me_key;
        hash = unicode_get_hash(key);
        value = ep->me_value;
    }
    else {
        PyDictKeyEntry *ep = &DK_ENTRIES(mp->ma_keys)[i];
        while (i < n && ep->me_value == NULL) {
            ep++;
            i++;
        }
        if (i >= n)
            return 0;
        key = ep->me_key;
        hash = ep->me_hash;
        value = ep->me_value;
    }
    *ppos = i + 1;
    if (pkey)
        *pkey = key;
    if (pvalue)
        *pvalue = value;
    if (phash)
        *phash = hash;
    return 1;
}

int
PyDict_Next(PyObject *op, Py_ssize_t *ppos, PyObject **pkey, PyObject **pvalue)
{
    return _PyDict_Next(op, ppos, pkey, pvalue, NULL);
}

Py_ssize_t
PyDict_Size(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return ((PyDictObject *)mp)->ma_used;
}

/* New reference: list of keys (which = 0), values (1) or items (2). */
static PyObject *
dict_to_list(PyDictObject *mp, int which)
{
    PyObject *v;
    Py_ssize_t n;
again:
    n = mp->ma_used;
    v = PyList_New(n);
    if (v == NULL)
        return NULL;
    if (which == 2) {
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *item = PyTuple_New(2);
            if (item == NULL) {
                Py_DECREF(v);
                return NULL;
            }
            PyList_SET_ITEM(v, i, item);
        }
    }
    if (n != mp->ma_used) {
        /* the allocations ran code that resized the dict: start over */
        Py_DECREF(v);
        goto again;
    }
    Py_ssize_t j = 0, pos = 0;
    PyObject *key, *value;
    while (_PyDict_Next((PyObject *)mp, &pos, &key, &value, NULL)) {
        if (which == 0) {
            PyList_SET_ITEM(v, j, Py_NewRef(key));
        }
        else if (which == 1) {
            PyList_SET_ITEM(v, j, Py_NewRef(value));
        }
        else {
            PyObject *item = PyList_GET_ITEM(v, j);
            PyTuple_SET_ITEM(item, 0, Py_NewRef(key));
            PyTuple_SET_ITEM(item, 1, Py_NewRef(value));
        }
        j++;
    }
    return v;
}

/* New reference. */
PyObject *
PyDict_Keys(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return dict_to_list((PyDictObject *)mp, 0);
}

/* New reference. */
PyObject *
PyDict_Values(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return dict_to_list((PyDictObject *)mp, 1);
}

/* New reference. */
PyObject *
PyDict_Items(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return dict_to_list((PyDictObject *)mp, 2);
}

/* Borrowed reference: d[key] if present, else d[key] = defaultobj. */
PyObject *
PyDict_SetDefault(PyObject *d, PyObject *key, PyObject *defaultobj)
{
    PyObject *value;
    if (!PyDict_Check(d)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyDictObject *mp = (PyDictObject *)d;
    Py_hash_t hash = dict_hash(key);
    if (hash == -1)
        return NULL;
    if (mp->ma_keys == Py_EMPTY_KEYS) {
        if (insert_to_emptydict(mp, Py_NewRef(key), hash, Py_NewRef(defaultobj)) < 0)
            return NULL;
        return defaultobj;
    }
    if (!PyUnicode_CheckExact(key) && DK_IS_UNICODE(mp->ma_keys)) {
        if (insertion_resize(mp, 0) < 0)
            return NULL;
    }
    Py_ssize_t ix = _Py_dict_lookup(mp, key, hash, &value);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix == DKIX_EMPTY) {
        value = defaultobj;
        if (mp->ma_keys->dk_usable <= 0) {
            if (insertion_resize(mp, 1) < 0)
                return NULL;
        }
        maintain_tracking(mp, key, value);
        insert_new_entry(mp, Py_NewRef(key), hash, Py_NewRef(value));
    }
    return value;
}

/* New reference: d.pop(key[, deflt]) with a known hash. */
static PyObject *
dict_pop_knownhash(PyObject *dict, PyObject *key, Py_hash_t hash, PyObject *deflt)
{
    PyDictObject *mp = (PyDictObject *)dict;
    PyObject *old_value;
    if (mp->ma_used == 0) {
        if (deflt)
            return Py_NewRef(deflt);
        set_key_error(key);
        return NULL;
    }
    Py_ssize_t ix = _Py_dict_lookup(mp, key, hash, &old_value);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix == DKIX_EMPTY || old_value == NULL) {
        if (deflt)
            return Py_NewRef(deflt);
        set_key_error(key);
        return NULL;
    }
    Py_INCREF(old_value);
    delitem_common(mp, hash, ix, old_value);
    return old_value;
}

/* New reference. */
PyObject *
_PyDict_Pop(PyObject *dict, PyObject *key, PyObject *deflt)
{
    if (((PyDictObject *)dict)->ma_used == 0) {
        if (deflt)
            return Py_NewRef(deflt);
        set_key_error(key);
        return NULL;
    }
    Py_hash_t hash = dict_hash(key);
    if (hash == -1)
        return NULL;
    return dict_pop_knownhash(dict, key, hash, deflt);
}

/* ------------------------------------------------------------------ */
/* merging and copying                                                 */
/* ------------------------------------------------------------------ */

static PyObject *dict_iter(PyObject *dict);

/* override: 0 keep existing keys, 1 replace them, 2 raise KeyError(key)
   on a duplicate (for **kwargs; the VM turns it into its TypeError). */
static int
dict_merge(PyObject *a, PyObject *b, int override)
{
    if (a == NULL || !PyDict_Check(a) || b == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyDictObject *mp = (PyDictObject *)a;
    if (PyDict_Check(b) && Py_TYPE(b)->tp_iter == dict_iter) {
        PyDictObject *other = (PyDictObject *)b;
        if (other == mp || other->ma_used == 0)
            return 0;
        if (mp->ma_used == 0) {
            /* nothing can collide */
            override = 1;
            PyDictKeysObject *okeys = other->ma_keys;
            /* other is dense and just big enough: clone its table */
            if (other->ma_values == NULL && other->ma_used == okeys->dk_nentries &&
                (DK_LOG_SIZE(okeys) == PyDict_LOG_MINSIZE ||
                 USABLE_FRACTION(DK_SIZE(okeys) / 2) < other->ma_used)) {
                PyDictKeysObject *keys = clone_combined_dict_keys(other);
                if (keys == NULL)
                    return -1;
                dictkeys_decref(mp->ma_keys);
                mp->ma_keys = keys;
                mp->ma_used = other->ma_used;
                mp->ma_version_tag = DICT_NEXT_VERSION();
                if (_PyObject_GC_IS_TRACKED(b) && !_PyObject_GC_IS_TRACKED(a))
                    _PyObject_GC_TRACK(a);
                return 0;
            }
        }
        /* One big resize up front, expecting few duplicate keys. */
        if (USABLE_FRACTION(DK_SIZE(mp->ma_keys)) < other->ma_used) {
            int unicode = DK_IS_UNICODE(other->ma_keys);
            if (dictresize(mp, estimate_log2_keysize(mp->ma_used + other->ma_used), unicode))
                return -1;
        }

        Py_ssize_t orig_size = other->ma_keys->dk_nentries;
        Py_ssize_t pos = 0;
        Py_hash_t hash;
        PyObject *key, *value;
        while (_PyDict_Next(b, &pos, &key, &value, &hash)) {
            int err = 0;
            Py_INCREF(key);
            Py_INCREF(value);
            if (override == 1) {
                err = setitem_take2_knownhash(mp, Py_NewRef(key), Py_NewRef(value), hash);
            }
            else {
                err = _PyDict_Contains_KnownHash(a, key, hash);
                if (err == 0) {
                    err = setitem_take2_knownhash(mp, Py_NewRef(key), Py_NewRef(value), hash);
                }
                else if (err > 0) {
                    if (override != 0) {
                        set_key_error(key);
                        Py_DECREF(value);
                        Py_DECREF(key);
                        return -1;
                    }
                    err = 0;
                }
            }
            Py_DECREF(value);
            Py_DECREF(key);
            if (err != 0)
                return -1;
            if (orig_size != other->ma_keys->dk_nentries) {
                PyErr_SetString(PyExc_RuntimeError, "dict mutated during update");
                return -1;
            }
        }
        return 0;
    }

    /* Generic mapping: iterate over b.keys(). */
    PyObject *keys = PyMapping_Keys(b);
    if (keys == NULL)
        return -1;
    PyObject *iter = PyObject_GetIter(keys);
    Py_DECREF(keys);
    if (iter == NULL)
        return -1;
    PyObject *key;
    for (key = PyIter_Next(iter); key; key = PyIter_Next(iter)) {
        if (override != 1) {
            int status = PyDict_Contains(a, key);
            if (status != 0) {
                if (status > 0) {
                    if (override == 0) {
                        Py_DECREF(key);
                        continue;
                    }
                    set_key_error(key);
                }
                Py_DECREF(key);
                Py_DECREF(iter);
                return -1;
            }
        }
        PyObject *value = PyObject_GetItem(b, key);
        if (value == NULL) {
            Py_DECREF(iter);
            Py_DECREF(key);
            return -1;
        }
        int status = PyDict_SetItem(a, key, value);
        Py_DECREF(key);
        Py_DECREF(value);
        if (status < 0) {
            Py_DECREF(iter);
            return -1;
        }
    }
    Py_DECREF(iter);
    if (PyErr_Occurred())
        return -1;
    return 0;
}

int
PyDict_Update(PyObject *a, PyObject *b)
{
    return dict_merge(a, b, 1);
}

int
PyDict_Merge(PyObject *a, PyObject *b, int override)
{
    return dict_merge(a, b, override != 0);
}

int
_PyDict_MergeEx(PyObject *a, PyObject *b, int override)
{
    return dict_merge(a, b, override);
}

int
PyDict_MergeFromSeq2(PyObject *d, PyObject *seq2, int override)
{
    PyObject *it, *item = NULL, *fast = NULL;
    Py_ssize_t i;

    it = PyObject_GetIter(seq2);
    if (it == NULL)
        return -1;
    for (i = 0; ; ++i) {
        fast = NULL;
        item = PyIter_Next(it);
        if (item == NULL) {
            if (PyErr_Occurred())
                goto fail;
            break;
        }
        fast = PySequence_Fast(item, "");
        if (fast == NULL) {
            if (PyErr_ExceptionMatches(PyExc_TypeError))
                PyErr_Format(PyExc_TypeError,
                             "cannot convert dictionary update sequence element #%zd to a sequence",
                             i);
            goto fail;
        }
        Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
        if (n != 2) {
            PyErr_Format(PyExc_ValueError,
                         "dictionary update sequence element #%zd has length %zd; 2 is required",
                         i, n);
            goto fail;
        }
        PyObject *key = PySequence_Fast_GET_ITEM(fast, 0);
        PyObject *value = PySequence_Fast_GET_ITEM(fast, 1);
        Py_INCREF(key);
        Py_INCREF(value);
        int err;
        if (override)
            err = PyDict_SetItem(d, key, value);
        else
            err = PyDict_SetDefault(d, key, value) == NULL ? -1 : 0;
        Py_DECREF(key);
        Py_DECREF(value);
        if (err < 0)
            goto fail;
        Py_DECREF(fast);
        Py_DECREF(item);
    }
    Py_DECREF(it);
    return 0;
fail:
    Py_XDECREF(item);
    Py_XDECREF(fast);
    Py_DECREF(it);
    return -1;
}

/* New reference. */
PyObject *
PyDict_Copy(PyObject *o)
{
    if (o == NULL || !PyDict_Check(o)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyDictObject *mp = (PyDictObject *)o;
    if (mp->ma_used == 0)
        return PyDict_New();
    /* Clone the table unless a subclass iterates differently or more
       than a third of the entries are deleted ones. */
    if (Py_TYPE(mp)->tp_iter == dict_iter && mp->ma_values == NULL &&
        mp->ma_used >= (mp->ma_keys->dk_nentries * 2) / 3) {
        PyDictKeysObject *keys = clone_combined_dict_keys(mp);
        if (keys == NULL)
            return NULL;
        PyDictObject *copy = (PyDictObject *)new_dict(keys, 0);
        if (copy == NULL)
            return NULL;
        copy->ma_used = mp->ma_used;
        if (_PyObject_GC_IS_TRACKED(o))
            _PyObject_GC_TRACK((PyObject *)copy);
        return (PyObject *)copy;
    }
    PyObject *copy = PyDict_New();
    if (copy == NULL)
        return NULL;
    if (dict_merge(copy, o, 1) == 0)
        return copy;
    Py_DECREF(copy);
    return NULL;
}

/* dict(arg) / d.update(arg) / d |= arg: a dict, a mapping with keys(),
   or an iterable of pairs. */
static int
dict_update_arg(PyObject *self, PyObject *arg)
{
    if (PyDict_CheckExact(arg))
        return PyDict_Merge(self, arg, 1);
    PyObject *func;
    if (_PyObject_LookupAttr(arg, _Py_ID(keys), &func) < 0)
        return -1;
    if (func != NULL) {
        Py_DECREF(func);
        return PyDict_Merge(self, arg, 1);
    }
    return PyDict_MergeFromSeq2(self, arg, 1);
}

static int
dict_update_common(PyObject *self, PyObject *args, PyObject *kwds, const char *methname)
{
    PyObject *arg = NULL;
    int result = 0;
    if (!PyArg_UnpackTuple(args, methname, 0, 1, &arg))
        result = -1;
    else if (arg != NULL)
        result = dict_update_arg(self, arg);
    if (result == 0 && kwds != NULL) {
        if (PyArg_ValidateKeywordArguments(kwds))
            result = PyDict_Merge(self, kwds, 1);
        else
            result = -1;
    }
    return result;
}

/* New reference: cls.fromkeys(iterable, value). */
PyObject *
_PyDict_FromKeys(PyObject *cls, PyObject *iterable, PyObject *value)
{
    PyObject *it, *key, *d;
    int status;

    d = PyObject_CallNoArgs(cls);
    if (d == NULL)
        return NULL;

    if (PyDict_CheckExact(d) && ((PyDictObject *)d)->ma_used == 0) {
        PyDictObject *mp = (PyDictObject *)d;
        if (PyDict_CheckExact(iterable)) {
            PyObject *oldvalue;
            Py_ssize_t pos = 0;
            Py_hash_t hash;
            int unicode = DK_IS_UNICODE(((PyDictObject *)iterable)->ma_keys);
            if (dictresize(mp, estimate_log2_keysize(PyDict_GET_SIZE(iterable)), unicode)) {
                Py_DECREF(d);
                return NULL;
            }
            while (_PyDict_Next(iterable, &pos, &key, &oldvalue, &hash)) {
                if (insertdict(mp, Py_NewRef(key), hash, Py_NewRef(value))) {
                    Py_DECREF(d);
                    return NULL;
                }
            }
            return d;
        }
        if (PyAnySet_CheckExact(iterable)) {
            Py_ssize_t pos = 0;
            Py_hash_t hash;
            if (dictresize(mp, estimate_log2_keysize(PySet_GET_SIZE(iterable)), 0)) {
                Py_DECREF(d);
                return NULL;
            }
            while (_PySet_NextEntry(iterable, &pos, &key, &hash)) {
                if (insertdict(mp, Py_NewRef(key), hash, Py_NewRef(value))) {
                    Py_DECREF(d);
                    return NULL;
                }
            }
            return d;
        }
    }

    it = PyObject_GetIter(iterable);
    if (it == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    int exact = PyDict_CheckExact(d);
    while ((key = PyIter_Next(it)) != NULL) {
        status = exact ? PyDict_SetItem(d, key, value) : PyObject_SetItem(d, key, value);
        Py_DECREF(key);
        if (status < 0) {
            Py_DECREF(it);
            Py_DECREF(d);
            return NULL;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

Py_ssize_t
_PyDict_SizeOf(PyDictObject *mp)
{
    size_t res = (size_t)Py_TYPE(mp)->tp_basicsize;
    if (mp->ma_keys->dk_refcnt == 1)
        res += _PyDict_KeysSize(mp->ma_keys);
    return (Py_ssize_t)res;
}

/* ------------------------------------------------------------------ */
/* type slots                                                          */
/* ------------------------------------------------------------------ */

static void
dict_dealloc(PyObject *self)
{
    PyDictObject *mp = (PyDictObject *)self;
    PyDictKeysObject *keys = mp->ma_keys;
    /* untrack before anything can run (weakref callbacks, __del__) */
    PyObject_GC_UnTrack(mp);
    Py_TRASHCAN_BEGIN(mp, dict_dealloc)
    if (keys != NULL)
        dictkeys_decref(keys);
    if (dict_numfree < PyDict_MAXFREELIST && Py_IS_TYPE(mp, &PyDict_Type))
        dict_free_list[dict_numfree++] = mp;
    else
        Py_TYPE(mp)->tp_free((PyObject *)mp);
    Py_TRASHCAN_END
}

static PyObject *
dict_repr(PyObject *self)
{
    PyDictObject *mp = (PyDictObject *)self;
    PyObject *key = NULL, *value = NULL;
    _PyUnicodeWriter writer;

    int rc = Py_ReprEnter(self);
    if (rc != 0)
        return rc > 0 ? PyUnicode_FromString("{...}") : NULL;
    if (mp->ma_used == 0) {
        Py_ReprLeave(self);
        return PyUnicode_FromString("{}");
    }
    _PyUnicodeWriter_Init(&writer);
    writer.overallocate = 1;
    writer.min_length = 1 + 4 + (2 + 4) * (mp->ma_used - 1) + 1;
    if (_PyUnicodeWriter_WriteChar(&writer, '{') < 0)
        goto error;

    /* repr may mutate the dict: PyDict_Next copes with that */
    Py_ssize_t i = 0;
    int first = 1;
    while (PyDict_Next(self, &i, &key, &value)) {
        Py_INCREF(key);
        Py_INCREF(value);
        if (!first && _PyUnicodeWriter_WriteASCIIString(&writer, ", ", 2) < 0)
            goto error;
        first = 0;
        PyObject *s = PyObject_Repr(key);
        if (s == NULL)
            goto error;
        int res = _PyUnicodeWriter_WriteStr(&writer, s);
        Py_DECREF(s);
        if (res < 0)
            goto error;
        if (_PyUnicodeWriter_WriteASCIIString(&writer, ": ", 2) < 0)
            goto error;
        s = PyObject_Repr(value);
        if (s == NULL)
            goto error;
        res = _PyUnicodeWriter_WriteStr(&writer, s);
        Py_DECREF(s);
        if (res < 0)
            goto error;
        Py_CLEAR(key);
        Py_CLEAR(value);
    }
    writer.overallocate = 0;
    if (_PyUnicodeWriter_WriteChar(&writer, '}') < 0)
        goto error;
    Py_ReprLeave(self);
    return _PyUnicodeWriter_Finish(&writer);

error:
    Py_ReprLeave(self);
    _PyUnicodeWriter_Dealloc(&writer);
    Py_XDECREF(key);
    Py_XDECREF(value);
    return NULL;
}

static Py_ssize_t
dict_length(PyObject *self)
{
    return ((PyDictObject *)self)->ma_used;
}

/* d[key], calling __missing__ on subclasses. */
static PyObject *
dict_subscript(PyObject *self, PyObject *key)
{
    PyDictObject *mp = (PyDictObject *)self;
    PyObject *value;
    Py_hash_t hash = dict_hash(key);
    if (hash == -1)
        return NULL;
    Py_ssize_t ix = _Py_dict_lookup(mp, key, hash, &value);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix == DKIX_EMPTY || value == NULL) {
        if (!PyDict_CheckExact(mp)) {
            /* __missing__ looked up on the type, bound like a method */
            PyObject *missing = _PyType_Lookup(Py_TYPE(mp), _Py_ID(__missing__));
            if (missing != NULL) {
                PyObject *res;
                Py_INCREF(missing);
                descrgetfunc f = Py_TYPE(missing)->tp_descr_get;
                if (f != NULL) {
                    PyObject *bound = f(missing, self, (PyObject *)Py_TYPE(self));
                    Py_DECREF(missing);
                    if (bound == NULL)
                        return NULL;
                    res = PyObject_CallOneArg(bound, key);
                    Py_DECREF(bound);
                }
                else {
                    res = PyObject_CallOneArg(missing, key);
                    Py_DECREF(missing);
                }
                return res;
            }
            if (PyErr_Occurred())
                return NULL;
        }
        set_key_error(key);
        return NULL;
    }
    return Py_NewRef(value);
}

static int
dict_ass_sub(PyObject *mp, PyObject *v, PyObject *w)
{
    if (w == NULL)
        return PyDict_DelItem(mp, v);
    return PyDict_SetItem(mp, v, w);
}

static int
dict_equal(PyDictObject *a, PyDictObject *b)
{
    if (a->ma_used != b->ma_used)
        return 0;
    for (Py_ssize_t i = 0; i < a->ma_keys->dk_nentries; i++) {
        PyObject *key, *aval;
        Py_hash_t hash;
        if (DK_IS_UNICODE(a->ma_keys)) {
            PyDictUnicodeEntry *ep = &DK_UNICODE_ENTRIES(a->ma_keys)[i];
            key = ep->me_key;
            if (key == NULL)
                continue;
            hash = unicode_get_hash(key);
            aval = ep->me_value;
        }
        else {
            PyDictKeyEntry *ep = &DK_ENTRIES(a->ma_keys)[i];
            key = ep->me_key;
            aval = ep->me_value;
            hash = ep->me_hash;
        }
        if (aval != NULL) {
            PyObject *bval;
            Py_INCREF(aval);
            Py_INCREF(key);
            (void)_Py_dict_lookup(b, key, hash, &bval);
            if (bval == NULL) {
                Py_DECREF(key);
                Py_DECREF(aval);
                if (PyErr_Occurred())
                    return -1;
                return 0;
            }
            Py_INCREF(bval);
            int cmp = PyObject_RichCompareBool(aval, bval, Py_EQ);
            Py_DECREF(key);
            Py_DECREF(aval);
            Py_DECREF(bval);
            if (cmp <= 0)
                return cmp;
        }
    }
    return 1;
}

static PyObject *
dict_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyDict_Check(v) || !PyDict_Check(w) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    int cmp = dict_equal((PyDictObject *)v, (PyDictObject *)w);
    if (cmp < 0)
        return NULL;
    if (cmp == (op == Py_EQ))
        Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

static int
dict_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyDictObject *mp = (PyDictObject *)op;
    PyDictKeysObject *keys = mp->ma_keys;
    Py_ssize_t n = keys->dk_nentries;
    if (DK_IS_UNICODE(keys)) {
        PyDictUnicodeEntry *entries = DK_UNICODE_ENTRIES(keys);
        for (Py_ssize_t i = 0; i < n; i++)
            Py_VISIT(entries[i].me_value);
    }
    else {
        PyDictKeyEntry *entries = DK_ENTRIES(keys);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (entries[i].me_value != NULL) {
                Py_VISIT(entries[i].me_value);
                Py_VISIT(entries[i].me_key);
            }
        }
    }
    return 0;
}

static int
dict_tp_clear(PyObject *op)
{
    PyDict_Clear(op);
    return 0;
}

static int
dict_contains(PyObject *op, PyObject *key)
{
    return PyDict_Contains(op, key);
}

static PyObject *
dict_or(PyObject *self, PyObject *other)
{
    if (!PyDict_Check(self) || !PyDict_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *new = PyDict_Copy(self);
    if (new == NULL)
        return NULL;
    if (dict_update_arg(new, other)) {
        Py_DECREF(new);
        return NULL;
    }
    return new;
}

static PyObject *
dict_ior(PyObject *self, PyObject *other)
{
    if (dict_update_arg(self, other))
        return NULL;
    return Py_NewRef(self);
}

static PyObject *
dict_iter(PyObject *dict)
{
    return _PyDict_IterNew((PyDictObject *)dict, &PyDictIterKey_Type);
}

/* ------------------------------------------------------------------ */
/* construction                                                        */
/* ------------------------------------------------------------------ */

static PyObject *
dict_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyDictObject *d;
    if (type == &PyDict_Type) {
        /* like CPython's _PyType_AllocNoTrack: counted, not tracked */
        d = PyObject_GC_New(PyDictObject, &PyDict_Type);
    }
    else {
        d = (PyDictObject *)type->tp_alloc(type, 0);
    }
    if (d == NULL)
        return NULL;
    d->ma_used = 0;
    d->ma_version_tag = DICT_NEXT_VERSION();
    d->ma_keys = Py_EMPTY_KEYS;
    d->ma_values = NULL;
    if (type != &PyDict_Type && !_PyObject_GC_IS_TRACKED((PyObject *)d))
        _PyObject_GC_TRACK((PyObject *)d);
    return (PyObject *)d;
}

static int
dict_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    return dict_update_common(self, args, kwds, "dict");
}

static PyObject *
dict_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_CheckPositional("dict", nargs, 0, 1))
        return NULL;
    PyObject *self = dict_new((PyTypeObject *)type, NULL, NULL);
    if (self == NULL)
        return NULL;
    if (nargs == 1) {
        if (dict_update_arg(self, args[0]) < 0) {
            Py_DECREF(self);
            return NULL;
        }
        args++;
    }
    if (kwnames != NULL) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++) {
            if (PyDict_SetItem(self, PyTuple_GET_ITEM(kwnames, i), args[i]) < 0) {
                Py_DECREF(self);
                return NULL;
            }
        }
    }
    return self;
}

/* ------------------------------------------------------------------ */
/* methods                                                             */
/* ------------------------------------------------------------------ */

static PyObject *
dict_fromkeys(PyObject *type, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("fromkeys", nargs, 1, 2))
        return NULL;
    return _PyDict_FromKeys(type, args[0], nargs >= 2 ? args[1] : Py_None);
}

static PyObject *
dict_get(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *val = NULL;
    if (!_PyArg_CheckPositional("get", nargs, 1, 2))
        return NULL;
    PyObject *key = args[0];
    PyObject *default_value = nargs >= 2 ? args[1] : Py_None;
    Py_hash_t hash = dict_hash(key);
    if (hash == -1)
        return NULL;
    Py_ssize_t ix = _Py_dict_lookup((PyDictObject *)self, key, hash, &val);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix == DKIX_EMPTY || val == NULL)
        val = default_value;
    return Py_NewRef(val);
}

static PyObject *
dict_setdefault(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setdefault", nargs, 1, 2))
        return NULL;
    PyObject *val = PyDict_SetDefault(self, args[0], nargs >= 2 ? args[1] : Py_None);
    return Py_XNewRef(val);
}

static PyObject *
dict_pop(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("pop", nargs, 1, 2))
        return NULL;
    return _PyDict_Pop(self, args[0], nargs >= 2 ? args[1] : NULL);
}

static PyObject *
dict_popitem(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyDictObject *self = (PyDictObject *)op;
    PyObject *res, *key, *value;
    Py_hash_t hash;
    Py_ssize_t i, j;

    /* Allocate the result first: a collection triggered by the allocation
       could empty the dict. */
    res = PyTuple_New(2);
    if (res == NULL)
        return NULL;
    if (self->ma_used == 0) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    self->ma_keys->dk_version = 0;

    /* the last live entry */
    if (DK_IS_UNICODE(self->ma_keys)) {
        PyDictUnicodeEntry *ep0 = DK_UNICODE_ENTRIES(self->ma_keys);
        i = self->ma_keys->dk_nentries - 1;
        while (i >= 0 && ep0[i].me_value == NULL)
            i--;
        key = ep0[i].me_key;
        hash = unicode_get_hash(key);
        value = ep0[i].me_value;
        ep0[i].me_key = NULL;
        ep0[i].me_value = NULL;
    }
    else {
        PyDictKeyEntry *ep0 = DK_ENTRIES(self->ma_keys);
        i = self->ma_keys->dk_nentries - 1;
        while (i >= 0 && ep0[i].me_value == NULL)
            i--;
        key = ep0[i].me_key;
        hash = ep0[i].me_hash;
        value = ep0[i].me_value;
        ep0[i].me_key = NULL;
        ep0[i].me_hash = -1;
        ep0[i].me_value = NULL;
    }
    j = lookdict_index(self->ma_keys, hash, i);
    dictkeys_set_index(self->ma_keys, (size_t)j, DKIX_DUMMY);
    PyTuple_SET_ITEM(res, 0, key);
    PyTuple_SET_ITEM(res, 1, value);
    /* dk_usable stays: the DUMMY slot is still in the index table */
    self->ma_keys->dk_nentries = i;
    self->ma_used--;
    self->ma_version_tag = DICT_NEXT_VERSION();
    return res;
}

static PyObject *
dict_keys_meth(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyDictView_New(self, &PyDictKeys_Type);
}

static PyObject *
dict_items_meth(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyDictView_New(self, &PyDictItems_Type);
}

static PyObject *
dict_values_meth(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyDictView_New(self, &PyDictValues_Type);
}

static PyObject *
dict_update(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (dict_update_common(self, args, kwds, "update") != -1)
        Py_RETURN_NONE;
    return NULL;
}

static PyObject *
dict_clear(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyDict_Clear(self);
    Py_RETURN_NONE;
}

static PyObject *
dict_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyDict_Copy(self);
}

static PyObject *
dict_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromSsize_t(_PyDict_SizeOf((PyDictObject *)self));
}

static PyObject *
dict___contains__(PyObject *self, PyObject *key)
{
    int contains = PyDict_Contains(self, key);
    if (contains < 0)
        return NULL;
    if (contains)
        Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

static PyObject *
dict___reversed__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyDict_IterNew((PyDictObject *)self, &PyDictRevIterKey_Type);
}

static PyMethodDef mapp_methods[] = {
    {"__contains__", (PyCFunction)dict___contains__, METH_O | METH_COEXIST,
     "True if the dictionary has the specified key, else False."},
    {"__getitem__", (PyCFunction)dict_subscript, METH_O | METH_COEXIST,
     "x.__getitem__(y) <==> x[y]"},
    {"__sizeof__", (PyCFunction)dict_sizeof, METH_NOARGS,
     "D.__sizeof__() -> size of D in memory, in bytes"},
    {"get", _PyCFunction_CAST(dict_get), METH_FASTCALL,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", _PyCFunction_CAST(dict_setdefault), METH_FASTCALL,
     "Insert key with a value of default if key is not in the dictionary.\n\n"
     "Return the value for key if key is in the dictionary, else default."},
    {"pop", _PyCFunction_CAST(dict_pop), METH_FASTCALL,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\n"
     "If the key is not found, return the default if given; otherwise,\n"
     "raise a KeyError."},
    {"popitem", (PyCFunction)dict_popitem, METH_NOARGS,
     "Remove and return a (key, value) pair as a 2-tuple.\n\n"
     "Pairs are returned in LIFO (last-in, first-out) order.\n"
     "Raises KeyError if the dict is empty."},
    {"keys", (PyCFunction)dict_keys_meth, METH_NOARGS,
     "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", (PyCFunction)dict_items_meth, METH_NOARGS,
     "D.items() -> a set-like object providing a view on D's items"},
    {"values", (PyCFunction)dict_values_meth, METH_NOARGS,
     "D.values() -> an object providing a view on D's values"},
    {"update", _PyCFunction_CAST(dict_update), METH_VARARGS | METH_KEYWORDS,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\n"
     "If E is present and has a .keys() method, then does:  for k in E: D[k] = E[k]\n"
     "If E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\n"
     "In either case, this is followed by: for k in F:  D[k] = F[k]"},
    {"fromkeys", _PyCFunction_CAST(dict_fromkeys), METH_FASTCALL | METH_CLASS,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", (PyCFunction)dict_clear, METH_NOARGS,
     "D.clear() -> None.  Remove all items from D."},
    {"copy", (PyCFunction)dict_copy, METH_NOARGS,
     "D.copy() -> a shallow copy of D"},
    {"__reversed__", (PyCFunction)dict___reversed__, METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

static PySequenceMethods dict_as_sequence = {
    .sq_contains = dict_contains,
};

static PyMappingMethods dict_as_mapping = {
    .mp_length = dict_length,
    .mp_subscript = dict_subscript,
    .mp_ass_subscript = dict_ass_sub,
};

static PyNumberMethods dict_as_number = {
    .nb_or = dict_or,
    .nb_inplace_or = dict_ior,
};

PyTypeObject PyDict_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict",
    .tp_basicsize = sizeof(PyDictObject),
    .tp_dealloc = dict_dealloc,
    .tp_repr = dict_repr,
    .tp_as_number = &dict_as_number,
    .tp_as_sequence = &dict_as_sequence,
    .tp_as_mapping = &dict_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_DICT_SUBCLASS | _Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_MAPPING,
    .tp_doc = "dict() -> new empty dictionary\n"
              "dict(mapping) -> new dictionary initialized from a mapping object's\n"
              "    (key, value) pairs\n"
              "dict(iterable) -> new dictionary initialized as if via:\n"
              "    d = {}\n"
              "    for k, v in iterable:\n"
              "        d[k] = v\n"
              "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
              "    in the keyword argument list.  For example:  dict(one=1, two=2)",
    .tp_traverse = dict_traverse,
    .tp_clear = dict_tp_clear,
    .tp_richcompare = dict_richcompare,
    .tp_iter = dict_iter,
    .tp_methods = mapp_methods,
    .tp_init = dict_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = dict_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = dict_vectorcall,
};
