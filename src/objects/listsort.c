/* listsort.c -- list.sort(): CPython 3.12's adaptive, stable merge sort.
 *
 * The algorithm is Tim Peters' timsort as described in CPython's
 * Objects/listsort.txt, with the "powersort" merge policy that 3.11 and
 * 3.12 use.  Because user code can see every "<" comparison (side effects,
 * counts, exceptions, a list mutated from inside a key or __lt__), refpy
 * performs exactly the comparisons CPython 3.12 performs, in the same
 * order:
 *
 *   1. minrun: n < 64 gives n; otherwise the top 6 bits of n, plus one if
 *      any lower bit is set (so n / minrun is a power of two or just under).
 *   2. Walk the array left to right finding natural runs: the longest
 *      non-descending prefix (a[i] <= a[i+1]) or the longest strictly
 *      descending one (a[i] > a[i+1]), which is then reversed in place.
 *      Strictness keeps the sort stable.  A run shorter than minrun is
 *      extended to minrun with binary insertion sort.
 *   3. Each new run gets a "power" (the depth, in a conceptual perfectly
 *      balanced merge tree over [0, n), of the boundary between it and the
 *      previous run); pending runs whose power is greater are merged first.
 *      At the end the stack is collapsed.
 *   4. Merging two adjacent runs A and B first gallops to skip the prefix
 *      of A already in place and the suffix of B already in place, then
 *      merges the rest with a temporary copy of the shorter one (merge_lo
 *      copies A and fills left to right; merge_hi copies B and fills right
 *      to left).  When one run wins MIN_GALLOP (7) times in a row the merge
 *      switches to galloping (exponential then binary search); the
 *      threshold min_gallop adapts as galloping pays off or not.
 *
 * With a key function the keys are computed once, up front, and sorted in
 * lockstep with the values ("sortslice" pairs).  reverse=True reverses the
 * input, sorts, and reverses back, which keeps equal elements in their
 * original order.
 *
 * Comparisons: a pre-pass checks whether all keys share one type and picks
 * a specialised "<": bounded ints, latin-1 strings and floats are compared
 * directly in C; other homogeneous types call their tp_richcompare
 * directly; tuples compare their first items with the specialised compare.
 * All of these give the same answers, and make the same Python-level calls,
 * as PyObject_RichCompareBool(v, w, Py_LT).
 *
 * While sorting, the list is emptied (ob_item NULL, allocated -1), so code
 * run by comparisons cannot see or corrupt the array; if the list was
 * changed meanwhile, ValueError("list modified during sort") is raised and
 * whatever was put into the list is discarded.
 */
#include "pycore.h"
#include "rp_object.h"

typedef struct {
    PyObject **keys;
    PyObject **values;      /* NULL when the keys are the values */
} sortslice;

static inline void
ss_copy(sortslice *s1, Py_ssize_t i, sortslice *s2, Py_ssize_t j)
{
    s1->keys[i] = s2->keys[j];
    if (s1->values != NULL)
        s1->values[i] = s2->values[j];
}

static inline void
ss_copy_incr(sortslice *dst, sortslice *src)
{
    *dst->keys++ = *src->keys++;
    if (dst->values != NULL)
        *dst->values++ = *src->values++;
}

static inline void
ss_copy_decr(sortslice *dst, sortslice *src)
{
    *dst->keys-- = *src->keys--;
    if (dst->values != NULL)
        *dst->values-- = *src->values--;
}

static inline void
ss_memcpy(sortslice *s1, Py_ssize_t i, sortslice *s2, Py_ssize_t j, Py_ssize_t n)
{
    memcpy(&s1->keys[i], &s2->keys[j], sizeof(PyObject *) * (size_t)n);
    if (s1->values != NULL)
        memcpy(&s1->values[i], &s2->values[j], sizeof(PyObject *) * (size_t)n);
}

static inline void
ss_memmove(sortslice *s1, Py_ssize_t i, sortslice *s2, Py_ssize_t j, Py_ssize_t n)
{
    memmove(&s1->keys[i], &s2->keys[j], sizeof(PyObject *) * (size_t)n);
    if (s1->values != NULL)
        memmove(&s1->values[i], &s2->values[j], sizeof(PyObject *) * (size_t)n);
}

static inline void
ss_advance(sortslice *s, Py_ssize_t n)
{
    s->keys += n;
    if (s->values != NULL)
        s->values += n;
}

#define MAX_MERGE_PENDING (SIZEOF_SIZE_T * 8)
#define MIN_GALLOP 7
#define MERGESTATE_TEMP_SIZE 256

struct s_run {
    sortslice base;
    Py_ssize_t len;
    int power;
};

typedef struct MergeState MergeState;
struct MergeState {
    Py_ssize_t min_gallop;
    Py_ssize_t listlen;
    PyObject **basekeys;
    sortslice a;                /* temp storage, may point at temparray */
    Py_ssize_t alloced;
    int n;                      /* pending runs */
    struct s_run pending[MAX_MERGE_PENDING];
    PyObject *temparray[MERGESTATE_TEMP_SIZE];
    /* "<" on two keys: 1 true, 0 false, -1 error */
    int (*key_compare)(PyObject *, PyObject *, MergeState *);
    richcmpfunc key_richcompare;
    int (*tuple_elem_compare)(PyObject *, PyObject *, MergeState *);
};

#define ISLT(X, Y) (*(ms->key_compare))(X, Y, ms)
/* k = X < Y, jump to fail on error, then start an if block on k. */
#define IFLT(X, Y) if ((k = ISLT(X, Y)) < 0) goto fail; if (k)

/* ---------------------------- comparisons ---------------------------- */

static int
safe_object_compare(PyObject *v, PyObject *w, MergeState *ms)
{
    return PyObject_RichCompareBool(v, w, Py_LT);
}

static int
unsafe_object_compare(PyObject *v, PyObject *w, MergeState *ms)
{
    if (Py_TYPE(v)->tp_richcompare != ms->key_richcompare)
        return PyObject_RichCompareBool(v, w, Py_LT);
    PyObject *res_obj = (*ms->key_richcompare)(v, w, Py_LT);
    if (res_obj == Py_NotImplemented) {
        Py_DECREF(res_obj);
        return PyObject_RichCompareBool(v, w, Py_LT);
    }
    if (res_obj == NULL)
        return -1;
    int res;
    if (PyBool_Check(res_obj))
        res = (res_obj == Py_True);
    else
        res = PyObject_IsTrue(res_obj);
    Py_DECREF(res_obj);
    return res;
}

static int
unsafe_latin_compare(PyObject *v, PyObject *w, MergeState *ms)
{
    Py_ssize_t lv = PyUnicode_GET_LENGTH(v), lw = PyUnicode_GET_LENGTH(w);
    int res = memcmp(PyUnicode_DATA(v), PyUnicode_DATA(w), (size_t)Py_MIN(lv, lw));
    return res != 0 ? res < 0 : lv < lw;
}

static int
unsafe_long_compare(PyObject *v, PyObject *w, MergeState *ms)
{
    return _PyLong_CompactValue((PyLongObject *)v) < _PyLong_CompactValue((PyLongObject *)w);
}

static int
unsafe_float_compare(PyObject *v, PyObject *w, MergeState *ms)
{
    return PyFloat_AS_DOUBLE(v) < PyFloat_AS_DOUBLE(w);
}

/* Both are non-empty exact tuples. */
static int
unsafe_tuple_compare(PyObject *v, PyObject *w, MergeState *ms)
{
    PyTupleObject *vt = (PyTupleObject *)v, *wt = (PyTupleObject *)w;
    Py_ssize_t vlen = Py_SIZE(vt), wlen = Py_SIZE(wt), i;
    for (i = 0; i < vlen && i < wlen; i++) {
        int k = PyObject_RichCompareBool(vt->ob_item[i], wt->ob_item[i], Py_EQ);
        if (k < 0)
            return -1;
        if (!k)
            break;
    }
    if (i >= vlen || i >= wlen)
        return vlen < wlen;
    if (i == 0)
        return ms->tuple_elem_compare(vt->ob_item[i], wt->ob_item[i], ms);
    return PyObject_RichCompareBool(vt->ob_item[i], wt->ob_item[i], Py_LT);
}

/* ------------------------- runs and insertion ------------------------- */

static void
reverse_slice(PyObject **lo, PyObject **hi)
{
    --hi;
    while (lo < hi) {
        PyObject *t = *lo;
        *lo = *hi;
        *hi = t;
        ++lo;
        --hi;
    }
}

static void
reverse_sortslice(sortslice *s, Py_ssize_t n)
{
    reverse_slice(s->keys, &s->keys[n]);
    if (s->values != NULL)
        reverse_slice(s->values, &s->values[n]);
}

/* Binary insertion sort of [lo, hi), where [lo, start) is already sorted.
   Stable: an item goes after the items equal to it. */
static int
binarysort(MergeState *ms, sortslice lo, PyObject **hi, PyObject **start)
{
    Py_ssize_t k;
    PyObject **l, **p, **r;
    PyObject *pivot;

    if (lo.keys == start)
        ++start;
    for (; start < hi; ++start) {
        l = lo.keys;
        r = start;
        pivot = *r;
        /* pivot >= everything in [lo, l), pivot < everything in [r, start) */
        do {
            p = l + ((r - l) >> 1);
            IFLT(pivot, *p)
                r = p;
            else
                l = p + 1;
        } while (l < r);
        for (p = start; p > l; --p)
            *p = *(p - 1);
        *l = pivot;
        if (lo.values != NULL) {
            Py_ssize_t offset = lo.values - lo.keys;
            p = start + offset;
            pivot = *p;
            l += offset;
            for (p = start + offset; p > l; --p)
                *p = *(p - 1);
            *l = pivot;
        }
    }
    return 0;
fail:
    return -1;
}

/* Length of the run starting at lo (lo < hi): non-descending, or strictly
   descending (*descending = 1). */
static Py_ssize_t
count_run(MergeState *ms, PyObject **lo, PyObject **hi, int *descending)
{
    Py_ssize_t k, n;

    *descending = 0;
    ++lo;
    if (lo == hi)
        return 1;
    n = 2;
    IFLT(*lo, *(lo - 1)) {
        *descending = 1;
        for (lo = lo + 1; lo < hi; ++lo, ++n) {
            IFLT(*lo, *(lo - 1))
                ;
            else
                break;
        }
    }
    else {
        for (lo = lo + 1; lo < hi; ++lo, ++n) {
            IFLT(*lo, *(lo - 1))
                break;
        }
    }
    return n;
fail:
    return -1;
}

/* ------------------------------ galloping ------------------------------ */

/* Position k in a[0:n] with a[k-1] < key <= a[k], searching outward from
   a[hint] with offsets 1, 3, 7, ... then binary search. */
static Py_ssize_t
gallop_left(MergeState *ms, PyObject *key, PyObject **a, Py_ssize_t n, Py_ssize_t hint)
{
    Py_ssize_t ofs, lastofs, k;

    a += hint;
    lastofs = 0;
    ofs = 1;
    IFLT(*a, key) {
        /* a[hint] < key: gallop right until a[hint+lastofs] < key <= a[hint+ofs] */
        const Py_ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            IFLT(a[ofs], key) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            else
                break;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    else {
        /* key <= a[hint]: gallop left until a[hint-ofs] < key <= a[hint-lastofs] */
        const Py_ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            IFLT(*(a - ofs), key)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    a -= hint;

    /* a[lastofs] < key <= a[ofs]: binary search in between */
    ++lastofs;
    while (lastofs < ofs) {
        Py_ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        IFLT(a[m], key)
            lastofs = m + 1;
        else
            ofs = m;
    }
    return ofs;
fail:
    return -1;
}

/* Like gallop_left, but k with a[k-1] <= key < a[k] (right of equal items). */
static Py_ssize_t
gallop_right(MergeState *ms, PyObject *key, PyObject **a, Py_ssize_t n, Py_ssize_t hint)
{
    Py_ssize_t ofs, lastofs, k;

    a += hint;
    lastofs = 0;
    ofs = 1;
    IFLT(key, *a) {
        /* key < a[hint]: gallop left */
        const Py_ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            IFLT(key, *(a - ofs)) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            else
                break;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    else {
        /* a[hint] <= key: gallop right */
        const Py_ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            IFLT(key, a[ofs])
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    a -= hint;

    ++lastofs;
    while (lastofs < ofs) {
        Py_ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        IFLT(key, a[m])
            ofs = m;
        else
            lastofs = m + 1;
    }
    return ofs;
fail:
    return -1;
}

/* ------------------------------ merging ------------------------------ */

static void
merge_init(MergeState *ms, Py_ssize_t list_size, int has_keyfunc, sortslice *lo)
{
    if (has_keyfunc) {
        /* Merges need at most half the list; keep the rest of temparray
           for the keys themselves (see list_sort_impl). */
        ms->alloced = (list_size + 1) / 2;
        if (MERGESTATE_TEMP_SIZE / 2 < ms->alloced)
            ms->alloced = MERGESTATE_TEMP_SIZE / 2;
        ms->a.values = &ms->temparray[ms->alloced];
    }
    else {
        ms->alloced = MERGESTATE_TEMP_SIZE;
        ms->a.values = NULL;
    }
    ms->a.keys = ms->temparray;
    ms->n = 0;
    ms->min_gallop = MIN_GALLOP;
    ms->listlen = list_size;
    ms->basekeys = lo->keys;
}

static void
merge_freemem(MergeState *ms)
{
    if (ms->a.keys != ms->temparray) {
        PyMem_Free(ms->a.keys);
        ms->a.keys = NULL;
    }
}

static int
merge_getmem(MergeState *ms, Py_ssize_t need)
{
    if (need <= ms->alloced)
        return 0;
    int multiplier = ms->a.values != NULL ? 2 : 1;
    /* No realloc: the old contents don't matter. */
    merge_freemem(ms);
    if ((size_t)need > PY_SSIZE_T_MAX / sizeof(PyObject *) / (size_t)multiplier) {
        PyErr_NoMemory();
        return -1;
    }
    ms->a.keys = (PyObject **)PyMem_Malloc((size_t)multiplier * (size_t)need * sizeof(PyObject *));
    if (ms->a.keys != NULL) {
        ms->alloced = need;
        if (ms->a.values != NULL)
            ms->a.values = &ms->a.keys[need];
        return 0;
    }
    PyErr_NoMemory();
    return -1;
}
#define MERGE_GETMEM(MS, NEED) ((NEED) <= (MS)->alloced ? 0 : merge_getmem(MS, NEED))

/* Merge runs ssa[0:na] and ssb[0:nb] (adjacent, na <= nb, ssa[na-1] belongs
   at the very end): copy A out, then fill left to right. */
static Py_ssize_t
merge_lo(MergeState *ms, sortslice ssa, Py_ssize_t na, sortslice ssb, Py_ssize_t nb)
{
    Py_ssize_t k;
    sortslice dest;
    int result = -1;
    Py_ssize_t min_gallop;

    if (MERGE_GETMEM(ms, na) < 0)
        return -1;
    ss_memcpy(&ms->a, 0, &ssa, 0, na);
    dest = ssa;
    ssa = ms->a;

    ss_copy_incr(&dest, &ssb);
    --nb;
    if (nb == 0)
        goto Succeed;
    if (na == 1)
        goto CopyB;

    min_gallop = ms->min_gallop;
    for (;;) {
        Py_ssize_t acount = 0;      /* times A won in a row */
        Py_ssize_t bcount = 0;      /* times B won in a row */

        /* one pair at a time until one side keeps winning */
        for (;;) {
            k = ISLT(ssb.keys[0], ssa.keys[0]);
            if (k) {
                if (k < 0)
                    goto Fail;
                ss_copy_incr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 0)
                    goto Succeed;
                if (bcount >= min_gallop)
                    break;
            }
            else {
                ss_copy_incr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 1)
                    goto CopyB;
                if (acount >= min_gallop)
                    break;
            }
        }

        /* galloping mode, until neither side wins by MIN_GALLOP or more */
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = gallop_right(ms, ssb.keys[0], ssa.keys, na, 0);
            acount = k;
            if (k) {
                if (k < 0)
                    goto Fail;
                ss_memcpy(&dest, 0, &ssa, 0, k);
                ss_advance(&dest, k);
                ss_advance(&ssa, k);
                na -= k;
                if (na == 1)
                    goto CopyB;
                /* na == 0 only with an inconsistent comparison */
                if (na == 0)
                    goto Succeed;
            }
            ss_copy_incr(&dest, &ssb);
            --nb;
            if (nb == 0)
                goto Succeed;

            k = gallop_left(ms, ssa.keys[0], ssb.keys, nb, 0);
            bcount = k;
            if (k) {
                if (k < 0)
                    goto Fail;
                ss_memmove(&dest, 0, &ssb, 0, k);
                ss_advance(&dest, k);
                ss_advance(&ssb, k);
                nb -= k;
                if (nb == 0)
                    goto Succeed;
            }
            ss_copy_incr(&dest, &ssa);
            --na;
            if (na == 1)
                goto CopyB;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;           /* leaving galloping mode costs a little */
        ms->min_gallop = min_gallop;
    }
Succeed:
    result = 0;
Fail:
    if (na)
        ss_memcpy(&dest, 0, &ssa, 0, na);
    return result;
CopyB:
    /* the last item of A belongs after everything left in B */
    ss_memmove(&dest, 0, &ssb, 0, nb);
    ss_copy(&dest, nb, &ssa, 0);
    return 0;
}

/* Mirror image of merge_lo (na >= nb): copy B out, fill right to left. */
static Py_ssize_t
merge_hi(MergeState *ms, sortslice ssa, Py_ssize_t na, sortslice ssb, Py_ssize_t nb)
{
    Py_ssize_t k;
    sortslice dest, basea, baseb;
    int result = -1;
    Py_ssize_t min_gallop;

    if (MERGE_GETMEM(ms, nb) < 0)
        return -1;
    dest = ssb;
    ss_advance(&dest, nb - 1);
    ss_memcpy(&ms->a, 0, &ssb, 0, nb);
    basea = ssa;
    baseb = ms->a;
    ssb.keys = ms->a.keys + nb - 1;
    if (ssb.values != NULL)
        ssb.values = ms->a.values + nb - 1;
    ss_advance(&ssa, na - 1);

    ss_copy_decr(&dest, &ssa);
    --na;
    if (na == 0)
        goto Succeed;
    if (nb == 1)
        goto CopyA;

    min_gallop = ms->min_gallop;
    for (;;) {
        Py_ssize_t acount = 0;
        Py_ssize_t bcount = 0;

        for (;;) {
            k = ISLT(ssb.keys[0], ssa.keys[0]);
            if (k) {
                if (k < 0)
                    goto Fail;
                ss_copy_decr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 0)
                    goto Succeed;
                if (acount >= min_gallop)
                    break;
            }
            else {
                ss_copy_decr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 1)
                    goto CopyA;
                if (bcount >= min_gallop)
                    break;
            }
        }

        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = gallop_right(ms, ssb.keys[0], basea.keys, na, na - 1);
            if (k < 0)
                goto Fail;
            k = na - k;
            acount = k;
            if (k) {
                ss_advance(&dest, -k);
                ss_advance(&ssa, -k);
                ss_memmove(&dest, 1, &ssa, 1, k);
                na -= k;
                if (na == 0)
                    goto Succeed;
            }
            ss_copy_decr(&dest, &ssb);
            --nb;
            if (nb == 1)
                goto CopyA;

            k = gallop_left(ms, ssa.keys[0], baseb.keys, nb, nb - 1);
            if (k < 0)
                goto Fail;
            k = nb - k;
            bcount = k;
            if (k) {
                ss_advance(&dest, -k);
                ss_advance(&ssb, -k);
                ss_memcpy(&dest, 1, &ssb, 1, k);
                nb -= k;
                if (nb == 1)
                    goto CopyA;
                /* nb == 0 only with an inconsistent comparison */
                if (nb == 0)
                    goto Succeed;
            }
            ss_copy_decr(&dest, &ssa);
            --na;
            if (na == 0)
                goto Succeed;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
Succeed:
    result = 0;
Fail:
    if (nb)
        ss_memcpy(&dest, -(nb - 1), &baseb, 0, nb);
    return result;
CopyA:
    /* the first item of B belongs before everything left in A */
    ss_memmove(&dest, 1 - na, &ssa, 1 - na, na);
    ss_advance(&dest, -na);
    ss_advance(&ssa, -na);
    ss_copy(&dest, 0, &ssb, 0);
    return 0;
}

/* Merge pending runs i and i+1. */
static Py_ssize_t
merge_at(MergeState *ms, Py_ssize_t i)
{
    sortslice ssa = ms->pending[i].base, ssb = ms->pending[i + 1].base;
    Py_ssize_t na = ms->pending[i].len, nb = ms->pending[i + 1].len, k;

    ms->pending[i].len = na + nb;
    if (i == ms->n - 3)
        ms->pending[i + 1] = ms->pending[i + 2];
    --ms->n;

    /* Items of A before the first item of B are already in place. */
    k = gallop_right(ms, *ssb.keys, ssa.keys, na, 0);
    if (k < 0)
        return -1;
    ss_advance(&ssa, k);
    na -= k;
    if (na == 0)
        return 0;

    /* Items of B after the last item of A are already in place. */
    nb = gallop_left(ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
    if (nb <= 0)
        return nb;

    if (na <= nb)
        return merge_lo(ms, ssa, na, ssb, nb);
    return merge_hi(ms, ssa, na, ssb, nb);
}

/* Power of the boundary between the run at s1 (length n1) and the next run
   (length n2), in a list of length n: the first bit where the binary
   expansions of the two runs' midpoints (as fractions of n) differ. */
static int
powerloop(Py_ssize_t s1, Py_ssize_t n1, Py_ssize_t n2, Py_ssize_t n)
{
    int result = 0;
    Py_ssize_t a = 2 * s1 + n1;     /* 2 * midpoint of run 1 */
    Py_ssize_t b = a + n1 + n2;     /* 2 * midpoint of run 2 */
    for (;;) {
        ++result;
        if (a >= n) {               /* both bits 1 */
            a -= n;
            b -= n;
        }
        else if (b >= n) {          /* they differ */
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

static int
found_new_run(MergeState *ms, Py_ssize_t n2)
{
    if (ms->n) {
        struct s_run *p = ms->pending;
        Py_ssize_t s1 = p[ms->n - 1].base.keys - ms->basekeys;
        Py_ssize_t n1 = p[ms->n - 1].len;
        int power = powerloop(s1, n1, n2, ms->listlen);
        while (ms->n > 1 && p[ms->n - 2].power > power) {
            if (merge_at(ms, ms->n - 2) < 0)
                return -1;
        }
        p[ms->n - 1].power = power;
    }
    return 0;
}

static int
merge_force_collapse(MergeState *ms)
{
    struct s_run *p = ms->pending;
    while (ms->n > 1) {
        Py_ssize_t n = ms->n - 2;
        if (n > 0 && p[n - 1].len < p[n + 1].len)
            --n;
        if (merge_at(ms, n) < 0)
            return -1;
    }
    return 0;
}

static Py_ssize_t
merge_compute_minrun(Py_ssize_t n)
{
    Py_ssize_t r = 0;           /* 1 if any 1 bits are shifted off */
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

/* ------------------------------ driver ------------------------------ */

/* Choose ms->key_compare after looking at every key. */
static void
choose_compare(MergeState *ms, PyObject **keys, Py_ssize_t n)
{
    int keys_are_in_tuples = (Py_IS_TYPE(keys[0], &PyTuple_Type) && Py_SIZE(keys[0]) > 0);
    PyTypeObject *key_type = keys_are_in_tuples ? Py_TYPE(PyTuple_GET_ITEM(keys[0], 0))
                                                : Py_TYPE(keys[0]);
    int keys_are_all_same_type = 1;
    int strings_are_latin = 1;
    int ints_are_bounded = 1;

    for (Py_ssize_t i = 0; i < n; i++) {
        if (keys_are_in_tuples &&
            !(Py_IS_TYPE(keys[i], &PyTuple_Type) && Py_SIZE(keys[i]) != 0)) {
            keys_are_in_tuples = 0;
            keys_are_all_same_type = 0;
            break;
        }
        PyObject *key = keys_are_in_tuples ? PyTuple_GET_ITEM(keys[i], 0) : keys[i];
        if (!Py_IS_TYPE(key, key_type)) {
            keys_are_all_same_type = 0;
            /* with tuples, keep going: every key must be a tuple */
            if (!keys_are_in_tuples)
                break;
        }
        if (keys_are_all_same_type) {
            if (key_type == &PyLong_Type && ints_are_bounded &&
                !_PyLong_IsCompact((PyLongObject *)key))
                ints_are_bounded = 0;
            else if (key_type == &PyUnicode_Type && strings_are_latin &&
                     PyUnicode_KIND(key) != PyUnicode_1BYTE_KIND)
                strings_are_latin = 0;
        }
    }

    if (keys_are_all_same_type) {
        if (key_type == &PyUnicode_Type && strings_are_latin)
            ms->key_compare = unsafe_latin_compare;
        else if (key_type == &PyLong_Type && ints_are_bounded)
            ms->key_compare = unsafe_long_compare;
        else if (key_type == &PyFloat_Type)
            ms->key_compare = unsafe_float_compare;
        else if ((ms->key_richcompare = key_type->tp_richcompare) != NULL)
            ms->key_compare = unsafe_object_compare;
        else
            ms->key_compare = safe_object_compare;
    }
    else {
        ms->key_compare = safe_object_compare;
    }
    if (keys_are_in_tuples) {
        if (key_type == &PyTuple_Type)
            ms->tuple_elem_compare = safe_object_compare;
        else
            ms->tuple_elem_compare = ms->key_compare;
        ms->key_compare = unsafe_tuple_compare;
    }
}

/* list.sort(key=keyfunc, reverse=reverse); keyfunc may be NULL or None.
   New reference to None, or NULL with an exception. */
PyObject *
_PyList_SortImpl(PyListObject *self, PyObject *keyfunc, int reverse)
{
    MergeState ms;
    Py_ssize_t nremaining, minrun, i;
    sortslice lo;
    Py_ssize_t saved_ob_size, saved_allocated;
    PyObject **saved_ob_item, **final_ob_item, **keys;
    PyObject *result = NULL;

    if (keyfunc == Py_None)
        keyfunc = NULL;

    /* Empty the list while sorting: comparisons may run arbitrary code. */
    saved_ob_size = Py_SIZE(self);
    saved_ob_item = self->ob_item;
    saved_allocated = self->allocated;
    Py_SET_SIZE(self, 0);
    self->ob_item = NULL;
    self->allocated = -1;       /* any mutation resets it to >= 0 */

    if (keyfunc == NULL) {
        keys = NULL;
        lo.keys = saved_ob_item;
        lo.values = NULL;
    }
    else {
        if (saved_ob_size < MERGESTATE_TEMP_SIZE / 2) {
            /* the unused upper part of the merge temp array */
            keys = &ms.temparray[saved_ob_size + 1];
        }
        else {
            keys = PyMem_Malloc(sizeof(PyObject *) * (size_t)saved_ob_size);
            if (keys == NULL) {
                PyErr_NoMemory();
                goto keyfunc_fail;
            }
        }
        for (i = 0; i < saved_ob_size; i++) {
            keys[i] = PyObject_CallOneArg(keyfunc, saved_ob_item[i]);
            if (keys[i] == NULL) {
                for (i = i - 1; i >= 0; i--)
                    Py_DECREF(keys[i]);
                if (saved_ob_size >= MERGESTATE_TEMP_SIZE / 2)
                    PyMem_Free(keys);
                goto keyfunc_fail;
            }
        }
        lo.keys = keys;
        lo.values = saved_ob_item;
    }

    ms.key_compare = safe_object_compare;
    ms.key_richcompare = NULL;
    ms.tuple_elem_compare = safe_object_compare;
    if (saved_ob_size > 1)
        choose_compare(&ms, lo.keys, saved_ob_size);

    merge_init(&ms, saved_ob_size, keys != NULL, &lo);

    nremaining = saved_ob_size;
    if (nremaining < 2)
        goto succeed;

    /* reverse=True: reverse, sort stably, reverse back */
    if (reverse) {
        if (keys != NULL)
            reverse_slice(&keys[0], &keys[saved_ob_size]);
        reverse_slice(&saved_ob_item[0], &saved_ob_item[saved_ob_size]);
    }

    minrun = merge_compute_minrun(nremaining);
    do {
        int descending;
        Py_ssize_t n = count_run(&ms, lo.keys, lo.keys + nremaining, &descending);
        if (n < 0)
            goto fail;
        if (descending)
            reverse_sortslice(&lo, n);
        if (n < minrun) {
            const Py_ssize_t force = nremaining <= minrun ? nremaining : minrun;
            if (binarysort(&ms, lo, lo.keys + force, lo.keys + n) < 0)
                goto fail;
            n = force;
        }
        if (found_new_run(&ms, n) < 0)
            goto fail;
        ms.pending[ms.n].base = lo;
        ms.pending[ms.n].len = n;
        ++ms.n;
        ss_advance(&lo, n);
        nremaining -= n;
    } while (nremaining);

    if (merge_force_collapse(&ms) < 0)
        goto fail;

succeed:
    result = Py_None;
fail:
    if (keys != NULL) {
        for (i = 0; i < saved_ob_size; i++)
            Py_DECREF(keys[i]);
        if (saved_ob_size >= MERGESTATE_TEMP_SIZE / 2)
            PyMem_Free(keys);
    }
    if (self->allocated != -1 && result != NULL) {
        /* someone changed the list during the sort */
        PyErr_SetString(PyExc_ValueError, "list modified during sort");
        result = NULL;
    }
    if (reverse && saved_ob_size > 1)
        reverse_slice(saved_ob_item, saved_ob_item + saved_ob_size);
    merge_freemem(&ms);

keyfunc_fail:
    final_ob_item = self->ob_item;
    i = Py_SIZE(self);
    Py_SET_SIZE(self, saved_ob_size);
    self->ob_item = saved_ob_item;
    self->allocated = saved_allocated;
    if (final_ob_item != NULL) {
        /* drop whatever was stored in the list meanwhile */
        while (--i >= 0)
            Py_XDECREF(final_ob_item[i]);
        PyMem_Free(final_ob_item);
    }
    return result;              /* None is immortal */
}
