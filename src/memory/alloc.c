/* alloc.c -- the small-object allocator (CPython 3.12's obmalloc design).
 *
 * Why: a Python program allocates and frees enormous numbers of small
 * objects (ints, floats, tuples, frames, dict keys...).  Going to malloc
 * for each one costs a general-purpose search and a 16-byte malloc header
 * per block.  Instead we keep, for every size class, pages ("pools") that
 * hold blocks of exactly that size, so allocating is "pop the head of a
 * free list" and freeing is "push it back".
 *
 * Shape (all numbers as CPython 3.12 on 64-bit):
 *   - Requests of 1..512 bytes are rounded up to a multiple of 16: 32 size
 *     classes, index (n-1) >> 4.  0-byte and larger requests go to malloc
 *     ("raw" blocks, counted so that sys.getallocatedblocks sees them).
 *   - A pool is 16 KiB: a 48-byte header, then blocks of one size class.
 *     Pools are carved lazily: a fresh pool hands out its first block and
 *     threads only the second onto its free list; further blocks are
 *     "extended" one at a time (nextoffset/maxnextoffset) when the free
 *     list runs dry, so touching a new pool touches one or two cache lines.
 *   - Pools live in 1 MiB arenas obtained with mmap.  An arena that is not
 *     16 KiB-aligned loses its first partial pool (63 pools instead of 64).
 *   - A pool is "used" (some blocks free, linked in usedpools[class]),
 *     "full" (in no list) or "empty" (on its arena's freepools list, ready
 *     for any size class).  usedpools[] holds list heads that pose as pool
 *     headers (only their two link words are ever touched), so linking and
 *     unlinking never test for the list head.
 *   - usable_arenas lists the arenas that still have free pools, sorted by
 *     ascending number of free pools: new pools come from the fullest arena
 *     so that nearly empty arenas can drain and be returned with munmap.
 *     nfp2lasta[n] remembers the last arena with n free pools, so keeping
 *     the list sorted is O(1) when a pool is freed.  A wholly free arena is
 *     unmapped unless it is the last one in the list (avoids thrashing).
 *   - Freeing must decide whether a pointer belongs to us.  A three-level
 *     radix tree indexed by the address bits above the arena size answers
 *     this in O(1) for any pointer; each leaf records how much of an ideal
 *     1 MiB region is covered by a real (unaligned) arena.
 *   - realloc keeps a block in place unless it shrinks by at least 25%.
 *
 * The hot paths are inline functions in src/internal/rp_alloc.h; this file
 * has the slow paths, the public API, statistics, and the libc variant used
 * by the sanitizer build (-DRP_NO_OBMALLOC) or PYTHONMALLOC=malloc.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_alloc.h"
#include <sys/mman.h>

#define LIKELY(x) Py_LIKELY(x)
#define UNLIKELY(x) Py_UNLIKELY(x)

#define INITIAL_ARENA_OBJECTS 16
#define DUMMY_SIZE_IDX 0xffff

/* ------------------------------------------------------------------ */
/* Raw layer: libc.                                                     */

void *PyMem_RawMalloc(size_t size)
{
    if (size > (size_t)PY_SSIZE_T_MAX) return NULL;
    if (size == 0) size = 1;
    return malloc(size);
}

void *PyMem_RawCalloc(size_t nelem, size_t elsize)
{
    if (elsize != 0 && nelem > (size_t)PY_SSIZE_T_MAX / elsize) return NULL;
    if (nelem == 0 || elsize == 0) { nelem = 1; elsize = 1; }
    return calloc(nelem, elsize);
}

void *PyMem_RawRealloc(void *ptr, size_t size)
{
    if (size > (size_t)PY_SSIZE_T_MAX) return NULL;
    if (size == 0) size = 1;
    return realloc(ptr, size);
}

void PyMem_RawFree(void *ptr)
{
    free(ptr);
}

#ifdef RP_NO_OBMALLOC
/* ------------------------------------------------------------------ */
/* Sanitizer build: every block is a malloc block, counted.             */

struct _rp_obmalloc_hot _rp_obmalloc;
static Py_ssize_t libc_live_blocks;

void *_rp_libc_malloc(size_t nbytes)
{
    if (nbytes > (size_t)PY_SSIZE_T_MAX) return NULL;
    void *p = malloc(nbytes ? nbytes : 1);
    if (p != NULL) libc_live_blocks++;
    return p;
}

void _rp_libc_free(void *p)
{
    if (p == NULL) return;
    libc_live_blocks--;
    free(p);
}

void *_rp_obmalloc_alloc_slow(size_t nbytes) { return _rp_libc_malloc(nbytes); }
void _rp_obmalloc_pool_extend(rp_poolp pool, unsigned int size) { (void)pool; (void)size; }
void _rp_obmalloc_free_slow(rp_poolp pool, rp_block *lastfree) { (void)pool; (void)lastfree; }
void _rp_obmalloc_free_raw(void *p) { _rp_libc_free(p); }

void *PyObject_Malloc(size_t size) { return _rp_libc_malloc(size); }

void *PyObject_Calloc(size_t nelem, size_t elsize)
{
    if (elsize != 0 && nelem > (size_t)PY_SSIZE_T_MAX / elsize) return NULL;
    size_t n = nelem * elsize;
    void *p = calloc(n ? n : 1, 1);
    if (p != NULL) libc_live_blocks++;
    return p;
}

void *PyObject_Realloc(void *ptr, size_t size)
{
    if (size > (size_t)PY_SSIZE_T_MAX) return NULL;
    if (ptr == NULL) return _rp_libc_malloc(size);
    return realloc(ptr, size ? size : 1);
}

void PyObject_Free(void *ptr) { _rp_libc_free(ptr); }

Py_ssize_t _Py_GetAllocatedBlocks(void) { return libc_live_blocks; }

#else  /* !RP_NO_OBMALLOC */

/* ------------------------------------------------------------------ */
/* Allocator state.                                                     */

#define PT(i) { (rp_poolp)&_rp_obmalloc.usedpools[i], (rp_poolp)&_rp_obmalloc.usedpools[i] }
struct _rp_obmalloc_hot _rp_obmalloc = {
    .small_limit = RP_SMALL_REQUEST_THRESHOLD,
    .raw_allocated_blocks = 0,
    .usedpools = {
        PT(0), PT(1), PT(2), PT(3), PT(4), PT(5), PT(6), PT(7),
        PT(8), PT(9), PT(10), PT(11), PT(12), PT(13), PT(14), PT(15),
        PT(16), PT(17), PT(18), PT(19), PT(20), PT(21), PT(22), PT(23),
        PT(24), PT(25), PT(26), PT(27), PT(28), PT(29), PT(30), PT(31),
    },
};
#undef PT

#define USEDPOOL_HEAD(i) ((rp_poolp)&_rp_obmalloc.usedpools[i])

/* Bookkeeping for one arena (CPython's struct arena_object). */
struct arena_object {
    uintptr_t address;              /* mmap result; 0 if this slot is unused */
    rp_block *pool_address;         /* next never-carved pool */
    unsigned int nfreepools;        /* free pools: cached + not yet carved */
    unsigned int ntotalpools;       /* pools in the arena */
    rp_poolp freepools;             /* singly linked list of empty pools */
    struct arena_object *nextarena; /* usable_arenas / unused_arena_objects */
    struct arena_object *prevarena; /* usable_arenas only */
};

static struct {
    struct arena_object *arenas;    /* vector of maxarenas slots */
    unsigned int maxarenas;
    struct arena_object *unused_arena_objects;  /* slots without an arena */
    struct arena_object *usable_arenas;         /* sorted by nfreepools */
    struct arena_object *nfp2lasta[RP_MAX_POOLS_IN_ARENA + 1];
    size_t narenas_currently_allocated;
    size_t ntimes_arena_allocated;
    size_t narenas_highwater;
    int map_mid_count;
    int map_bot_count;
    int dump_debug_stats;           /* PYTHONMALLOCSTATS; -1 = not read yet */
} om = { .dump_debug_stats = -1 };

/* PYTHONMALLOC=malloc (or malloc_debug) selects libc for every request:
   with small_limit 0 the fast path always falls through to malloc. */
__attribute__((constructor)) static void
rp_alloc_read_environment(void)
{
    const char *s = getenv("PYTHONMALLOC");
    if (s != NULL && (strcmp(s, "malloc") == 0 || strcmp(s, "malloc_debug") == 0))
        _rp_obmalloc.small_limit = 0;
}

/* ------------------------------------------------------------------ */
/* Arena map (radix tree).                                              */

/* Leaf node covering address p; created on demand when `create`. */
static rp_arena_map_bot_t *
arena_map_get(uintptr_t p, int create)
{
    size_t i1 = RP_MAP_TOP_INDEX(p);
    rp_arena_map_mid_t *mid = _rp_obmalloc.map_root[i1];
    if (mid == NULL) {
        if (!create) return NULL;
        mid = PyMem_RawCalloc(1, sizeof(rp_arena_map_mid_t));
        if (mid == NULL) return NULL;
        _rp_obmalloc.map_root[i1] = mid;
        om.map_mid_count++;
    }
    size_t i2 = RP_MAP_MID_INDEX(p);
    rp_arena_map_bot_t *bot = mid->ptrs[i2];
    if (bot == NULL) {
        if (!create) return NULL;
        bot = PyMem_RawCalloc(1, sizeof(rp_arena_map_bot_t));
        if (bot == NULL) return NULL;
        mid->ptrs[i2] = bot;
        om.map_bot_count++;
    }
    return bot;
}

/* Record (used=1) or forget (used=0) the arena starting at base.  An
   unaligned arena straddles two ideal regions: the upper part of the
   first (from `tail` on) and the lower part of the next (below `tail`).
   Returns 0 if a node could not be allocated. */
static int
arena_map_mark_used(uintptr_t base, int used)
{
    rp_arena_map_bot_t *hi = arena_map_get(base, used);
    if (hi == NULL) return 0;
    size_t i3 = RP_MAP_BOT_INDEX(base);
    int32_t tail = (int32_t)(base & RP_ARENA_SIZE_MASK);
    if (tail == 0) {
        hi->arenas[i3].tail_hi = used ? -1 : 0;
        return 1;
    }
    hi->arenas[i3].tail_hi = used ? tail : 0;
    uintptr_t next = base + RP_ARENA_SIZE;
    rp_arena_map_bot_t *lo = arena_map_get(next, used);
    if (lo == NULL) {
        hi->arenas[i3].tail_hi = 0;
        return 0;
    }
    lo->arenas[RP_MAP_BOT_INDEX(next)].tail_lo = used ? tail : 0;
    return 1;
}

/* ------------------------------------------------------------------ */
/* Arenas.                                                              */

static void *
arena_mmap(size_t size)
{
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

/* Get a new arena, or NULL.  The vector of arena slots doubles when it
   runs out; that only happens when every pool is in use, so nothing
   points into the old vector (pools refer to their arena by index). */
static struct arena_object *
new_arena(void)
{
    if (UNLIKELY(om.dump_debug_stats == -1)) {
        const char *opt = getenv("PYTHONMALLOCSTATS");
        om.dump_debug_stats = (opt != NULL && *opt != '\0');
    }
    if (om.dump_debug_stats) _PyObject_DebugMallocStats(stderr);

    if (om.unused_arena_objects == NULL) {
        unsigned int n = om.maxarenas ? om.maxarenas << 1 : INITIAL_ARENA_OBJECTS;
        if (n <= om.maxarenas) return NULL;
        struct arena_object *v = PyMem_RawRealloc(om.arenas, n * sizeof(*v));
        if (v == NULL) return NULL;
        om.arenas = v;
        for (unsigned int i = om.maxarenas; i < n; i++) {
            v[i].address = 0;
            v[i].nextarena = (i < n - 1) ? &v[i + 1] : NULL;
        }
        om.unused_arena_objects = &v[om.maxarenas];
        om.maxarenas = n;
    }

    struct arena_object *ao = om.unused_arena_objects;
    om.unused_arena_objects = ao->nextarena;
    void *address = arena_mmap(RP_ARENA_SIZE);
    if (address != NULL && !arena_map_mark_used((uintptr_t)address, 1)) {
        munmap(address, RP_ARENA_SIZE);
        address = NULL;
    }
    if (address == NULL) {
        ao->nextarena = om.unused_arena_objects;
        om.unused_arena_objects = ao;
        return NULL;
    }
    ao->address = (uintptr_t)address;
    om.narenas_currently_allocated++;
    om.ntimes_arena_allocated++;
    if (om.narenas_currently_allocated > om.narenas_highwater)
        om.narenas_highwater = om.narenas_currently_allocated;
    ao->freepools = NULL;
    ao->pool_address = (rp_block *)address;
    ao->nfreepools = RP_MAX_POOLS_IN_ARENA;
    unsigned int excess = (unsigned int)(ao->address & RP_POOL_SIZE_MASK);
    if (excess != 0) {
        ao->nfreepools--;
        ao->pool_address += RP_POOL_SIZE - excess;
    }
    ao->ntotalpools = ao->nfreepools;
    return ao;
}

/* ------------------------------------------------------------------ */
/* Allocation slow paths.                                               */

/* The pool's free list ran dry: carve the next block, or, when the pool
   is exhausted, unlink it from usedpools (it becomes "full"). */
void
_rp_obmalloc_pool_extend(rp_poolp pool, unsigned int size)
{
    if (UNLIKELY(pool->nextoffset <= pool->maxnextoffset)) {
        pool->freeblock = (rp_block *)pool + pool->nextoffset;
        pool->nextoffset += RP_INDEX2SIZE(size);
        *(rp_block **)pool->freeblock = NULL;
        return;
    }
    rp_poolp next = pool->nextpool;
    rp_poolp prev = pool->prevpool;
    next->prevpool = prev;
    prev->nextpool = next;
}

/* No used pool of this class has a free block: take an empty pool from
   the fullest usable arena (allocating an arena if needed), link it at the
   front of usedpools[size] and return its first block. */
static void *
allocate_from_new_pool(unsigned int size)
{
    if (UNLIKELY(om.usable_arenas == NULL)) {
        om.usable_arenas = new_arena();
        if (om.usable_arenas == NULL) return NULL;
        om.usable_arenas->nextarena = om.usable_arenas->prevarena = NULL;
        om.nfp2lasta[om.usable_arenas->nfreepools] = om.usable_arenas;
    }
    struct arena_object *ao = om.usable_arenas;

    /* ao has the smallest nfreepools; taking a pool keeps it first. */
    if (om.nfp2lasta[ao->nfreepools] == ao)
        om.nfp2lasta[ao->nfreepools] = NULL;
    if (ao->nfreepools > 1)
        om.nfp2lasta[ao->nfreepools - 1] = ao;

    rp_poolp pool = ao->freepools;
    if (LIKELY(pool != NULL)) {
        ao->freepools = pool->nextpool;
    }
    else {
        pool = (rp_poolp)ao->pool_address;
        pool->arenaindex = (unsigned int)(ao - om.arenas);
        pool->szidx = DUMMY_SIZE_IDX;
        ao->pool_address += RP_POOL_SIZE;
    }
    if (--ao->nfreepools == 0) {
        /* wholly allocated: drop it from usable_arenas */
        om.usable_arenas = ao->nextarena;
        if (om.usable_arenas != NULL) om.usable_arenas->prevarena = NULL;
    }

    rp_poolp head = USEDPOOL_HEAD(size);
    pool->nextpool = head;
    pool->prevpool = head;
    head->nextpool = pool;
    head->prevpool = pool;
    pool->ref.count = 1;

    rp_block *bp;
    if (pool->szidx == size) {
        /* last used for this size class: header and free list are valid */
        bp = pool->freeblock;
        pool->freeblock = *(rp_block **)bp;
        return bp;
    }
    pool->szidx = size;
    unsigned int bsize = RP_INDEX2SIZE(size);
    bp = (rp_block *)pool + RP_POOL_OVERHEAD;
    pool->nextoffset = (unsigned int)RP_POOL_OVERHEAD + (bsize << 1);
    pool->maxnextoffset = (unsigned int)RP_POOL_SIZE - bsize;
    pool->freeblock = bp + bsize;
    *(rp_block **)pool->freeblock = NULL;
    return bp;
}

void *
_rp_obmalloc_alloc_slow(size_t nbytes)
{
    if (nbytes - 1 < _rp_obmalloc.small_limit) {
        void *p = allocate_from_new_pool((unsigned int)((nbytes - 1) >> RP_ALIGNMENT_SHIFT));
        if (p != NULL) return p;
    }
    if (nbytes > (size_t)PY_SSIZE_T_MAX) return NULL;
    void *p = malloc(nbytes ? nbytes : 1);
    if (p != NULL) _rp_obmalloc.raw_allocated_blocks++;
    return p;
}

/* ------------------------------------------------------------------ */
/* Free slow paths.                                                     */

void
_rp_obmalloc_free_raw(void *p)
{
    _rp_obmalloc.raw_allocated_blocks--;
    free(p);
}

/* A full pool got a block back: it becomes used again, at the front. */
static void
insert_to_usedpool(rp_poolp pool)
{
    rp_poolp head = USEDPOOL_HEAD(pool->szidx);
    rp_poolp next = head->nextpool;
    pool->nextpool = next;
    pool->prevpool = head;
    next->prevpool = pool;
    head->nextpool = pool;
}

/* A used pool became empty: move it to its arena's free pools and fix
   the arena's place in usable_arenas (possibly releasing the arena). */
static void
insert_to_freepool(rp_poolp pool)
{
    rp_poolp next = pool->nextpool;
    rp_poolp prev = pool->prevpool;
    next->prevpool = prev;
    prev->nextpool = next;

    struct arena_object *ao = &om.arenas[pool->arenaindex];
    pool->nextpool = ao->freepools;
    ao->freepools = pool;
    unsigned int nf = ao->nfreepools;
    struct arena_object *lastnf = om.nfp2lasta[nf];
    if (lastnf == ao) {
        /* ao was the rightmost arena with nf free pools */
        struct arena_object *p = ao->prevarena;
        om.nfp2lasta[nf] = (p != NULL && p->nfreepools == nf) ? p : NULL;
    }
    ao->nfreepools = ++nf;

    if (nf == ao->ntotalpools && ao->nextarena != NULL) {
        /* Wholly free and not the last usable arena: give it back. */
        if (ao->prevarena == NULL) om.usable_arenas = ao->nextarena;
        else ao->prevarena->nextarena = ao->nextarena;
        ao->nextarena->prevarena = ao->prevarena;
        ao->nextarena = om.unused_arena_objects;
        om.unused_arena_objects = ao;
        arena_map_mark_used(ao->address, 0);
        munmap((void *)ao->address, RP_ARENA_SIZE);
        ao->address = 0;
        om.narenas_currently_allocated--;
        return;
    }

    if (nf == 1) {
        /* It was full, so it is not in usable_arenas: it goes first. */
        ao->nextarena = om.usable_arenas;
        ao->prevarena = NULL;
        if (om.usable_arenas) om.usable_arenas->prevarena = ao;
        om.usable_arenas = ao;
        if (om.nfp2lasta[1] == NULL) om.nfp2lasta[1] = ao;
        return;
    }

    if (om.nfp2lasta[nf] == NULL) om.nfp2lasta[nf] = ao;
    if (ao == lastnf) return;   /* still in order */

    /* Slide ao right, to just after lastnf (the last arena that had nf-1
       free pools), keeping usable_arenas sorted. */
    if (ao->prevarena != NULL) ao->prevarena->nextarena = ao->nextarena;
    else om.usable_arenas = ao->nextarena;
    ao->nextarena->prevarena = ao->prevarena;
    ao->prevarena = lastnf;
    ao->nextarena = lastnf->nextarena;
    if (ao->nextarena != NULL) ao->nextarena->prevarena = ao;
    lastnf->nextarena = ao;
}

void
_rp_obmalloc_free_slow(rp_poolp pool, rp_block *lastfree)
{
    if (lastfree == NULL) insert_to_usedpool(pool);
    else insert_to_freepool(pool);      /* ref.count reached 0 */
}

/* ------------------------------------------------------------------ */
/* Public object-allocator API.                                         */

void *
PyObject_Malloc(size_t size)
{
    return _PyObject_MallocInline(size);
}

void *
PyObject_Calloc(size_t nelem, size_t elsize)
{
    if (elsize != 0 && nelem > (size_t)PY_SSIZE_T_MAX / elsize) return NULL;
    size_t nbytes = nelem * elsize;
    if (nbytes - 1 < _rp_obmalloc.small_limit) {
        void *p = _PyObject_MallocInline(nbytes);
        if (p != NULL) memset(p, 0, nbytes);
        return p;
    }
    void *p = (nbytes == 0) ? calloc(1, 1) : calloc(nelem, elsize);
    if (p != NULL) _rp_obmalloc.raw_allocated_blocks++;
    return p;
}

void *
PyObject_Realloc(void *ptr, size_t nbytes)
{
    if (nbytes > (size_t)PY_SSIZE_T_MAX) return NULL;
    if (ptr == NULL) return _PyObject_MallocInline(nbytes);
    if (!_rp_address_in_range(ptr)) {
        /* malloc owns it and keeps it, even if it shrinks below 512 */
        return realloc(ptr, nbytes ? nbytes : 1);
    }
    rp_poolp pool = RP_POOL_ADDR(ptr);
    size_t size = RP_INDEX2SIZE(pool->szidx);
    if (nbytes <= size) {
        /* Same or smaller: stay unless at least 25% can be shaved off. */
        if (4 * nbytes > 3 * size) return ptr;
        size = nbytes;
    }
    void *bp = _PyObject_MallocInline(nbytes);
    if (bp != NULL) {
        memcpy(bp, ptr, size);
        _PyObject_FreeInline(ptr);
    }
    return bp;
}

void
PyObject_Free(void *ptr)
{
    _PyObject_FreeInline(ptr);
}

/* Blocks in use: pool blocks of every carved pool plus raw blocks
   (CPython's _PyInterpreterState_GetAllocatedBlocks).  0 when the libc
   allocator was selected with PYTHONMALLOC=malloc, as in CPython. */
Py_ssize_t
_Py_GetAllocatedBlocks(void)
{
    if (_rp_obmalloc.small_limit == 0) return 0;
    Py_ssize_t n = _rp_obmalloc.raw_allocated_blocks;
    for (unsigned int i = 0; i < om.maxarenas; i++) {
        struct arena_object *ao = &om.arenas[i];
        if (ao->address == 0) continue;
        uintptr_t base = (ao->address + RP_POOL_SIZE_MASK) & ~(uintptr_t)RP_POOL_SIZE_MASK;
        for (; base < (uintptr_t)ao->pool_address; base += RP_POOL_SIZE)
            n += ((rp_poolp)base)->ref.count;
    }
    return n;
}

#endif /* !RP_NO_OBMALLOC */

/* ------------------------------------------------------------------ */
/* PyMem_* uses the object allocator, as in CPython's release build.    */

void *PyMem_Malloc(size_t size) { return PyObject_Malloc(size); }
void *PyMem_Calloc(size_t nelem, size_t elsize) { return PyObject_Calloc(nelem, elsize); }
void *PyMem_Realloc(void *ptr, size_t size) { return PyObject_Realloc(ptr, size); }
void PyMem_Free(void *ptr) { PyObject_Free(ptr); }

/* ------------------------------------------------------------------ */
/* Statistics (sys._debugmallocstats).                                  */

/* "label<pad to 35>=<value right-aligned in 21 columns, with commas>\n" */
static size_t
printone(FILE *out, const char *msg, size_t value)
{
    char buf[100];
    size_t origvalue = value;
    int i, k;

    fputs(msg, out);
    for (i = (int)strlen(msg); i < 35; i++) fputc(' ', out);
    fputc('=', out);

    i = 22;
    buf[i--] = '\0';
    buf[i--] = '\n';
    k = 3;
    do {
        size_t nextvalue = value / 10;
        unsigned int digit = (unsigned int)(value - nextvalue * 10);
        value = nextvalue;
        buf[i--] = (char)(digit + '0');
        if (--k == 0 && value && i >= 0) {
            k = 3;
            buf[i--] = ',';
        }
    } while (value && i >= 0);
    while (i >= 0) buf[i--] = ' ';
    fputs(buf, out);
    return origvalue;
}

void
_PyDebugAllocatorStats(FILE *out, const char *block_name, int num_blocks, size_t sizeof_block)
{
    char buf1[128], buf2[160];
    snprintf(buf1, sizeof(buf1), "%d %ss * %zd bytes each", num_blocks, block_name,
             (Py_ssize_t)sizeof_block);
    snprintf(buf2, sizeof(buf2), "%48s ", buf1);
    (void)printone(out, buf2, (size_t)num_blocks * sizeof_block);
}

static void
print_type_stats(FILE *out)
{
    _PyDict_DebugMallocStats(out);
    _PyFloat_DebugMallocStats(out);
    _PyList_DebugMallocStats(out);
    _PyTuple_DebugMallocStats(out);
}

#ifdef RP_NO_OBMALLOC
int
_PyObject_DebugMallocStats(FILE *out)
{
    print_type_stats(out);
    return 0;
}
#else
/* Arena/pool statistics in CPython 3.12's format, a blank line, then the
   free-list lines.  Returns 1 (0 if pymalloc is not in use). */
int
_PyObject_DebugMallocStats(FILE *out)
{
    if (_rp_obmalloc.small_limit == 0) {
        print_type_stats(out);
        return 0;
    }
    enum { NUMCLASSES = RP_NB_SMALL_SIZE_CLASSES };
    size_t numpools[NUMCLASSES], numblocks[NUMCLASSES], numfreeblocks[NUMCLASSES];
    size_t allocated_bytes = 0, available_bytes = 0, pool_header_bytes = 0;
    size_t quantization = 0, arena_alignment = 0, narenas = 0, total;
    unsigned int numfreepools = 0;
    char buf[128];

    fprintf(out, "Small block threshold = %d, in %u size classes.\n",
            RP_SMALL_REQUEST_THRESHOLD, (unsigned int)NUMCLASSES);
    for (int i = 0; i < NUMCLASSES; i++) numpools[i] = numblocks[i] = numfreeblocks[i] = 0;

    /* Full pools are in no list, so walk every carved pool of every arena. */
    for (unsigned int i = 0; i < om.maxarenas; i++) {
        struct arena_object *ao = &om.arenas[i];
        uintptr_t base = ao->address;
        if (base == 0) continue;
        narenas++;
        numfreepools += ao->nfreepools;
        if (base & RP_POOL_SIZE_MASK) {
            arena_alignment += RP_POOL_SIZE;
            base &= ~(uintptr_t)RP_POOL_SIZE_MASK;
            base += RP_POOL_SIZE;
        }
        for (; base < (uintptr_t)ao->pool_address; base += RP_POOL_SIZE) {
            rp_poolp p = (rp_poolp)base;
            if (p->ref.count == 0) continue;     /* empty, on freepools */
            unsigned int sz = p->szidx;
            numpools[sz]++;
            numblocks[sz] += p->ref.count;
            size_t nb = (RP_POOL_SIZE - RP_POOL_OVERHEAD) / RP_INDEX2SIZE(sz);
            numfreeblocks[sz] += nb - p->ref.count;
        }
    }

    fputc('\n', out);
    fputs("class   size   num pools   blocks in use  avail blocks\n"
          "-----   ----   ---------   -------------  ------------\n", out);
    for (int i = 0; i < NUMCLASSES; i++) {
        size_t p = numpools[i], b = numblocks[i], f = numfreeblocks[i];
        unsigned int size = RP_INDEX2SIZE(i);
        if (p == 0) continue;
        fprintf(out, "%5u %6u %11zu %15zu %13zu\n", (unsigned int)i, size, p, b, f);
        allocated_bytes += b * size;
        available_bytes += f * size;
        pool_header_bytes += p * RP_POOL_OVERHEAD;
        quantization += p * ((RP_POOL_SIZE - RP_POOL_OVERHEAD) % size);
    }
    fputc('\n', out);
    (void)printone(out, "# arenas allocated total", om.ntimes_arena_allocated);
    (void)printone(out, "# arenas reclaimed", om.ntimes_arena_allocated - narenas);
    (void)printone(out, "# arenas highwater mark", om.narenas_highwater);
    (void)printone(out, "# arenas allocated current", narenas);
    snprintf(buf, sizeof(buf), "%zu arenas * %d bytes/arena", narenas, (int)RP_ARENA_SIZE);
    (void)printone(out, buf, narenas * RP_ARENA_SIZE);

    fputc('\n', out);
    total = printone(out, "# bytes in allocated blocks", allocated_bytes);
    total += printone(out, "# bytes in available blocks", available_bytes);
    snprintf(buf, sizeof(buf), "%u unused pools * %d bytes", numfreepools, (int)RP_POOL_SIZE);
    total += printone(out, buf, (size_t)numfreepools * RP_POOL_SIZE);
    total += printone(out, "# bytes lost to pool headers", pool_header_bytes);
    total += printone(out, "# bytes lost to quantization", quantization);
    total += printone(out, "# bytes lost to arena alignment", arena_alignment);
    (void)printone(out, "Total", total);

    fputs("\narena map counts\n", out);
    (void)printone(out, "# arena map mid nodes", (size_t)om.map_mid_count);
    (void)printone(out, "# arena map bot nodes", (size_t)om.map_bot_count);
    fputc('\n', out);
    total = printone(out, "# bytes lost to arena map root", sizeof(_rp_obmalloc.map_root));
    total += printone(out, "# bytes lost to arena map mid",
                      sizeof(rp_arena_map_mid_t) * (size_t)om.map_mid_count);
    total += printone(out, "# bytes lost to arena map bot",
                      sizeof(rp_arena_map_bot_t) * (size_t)om.map_bot_count);
    (void)printone(out, "Total", total);

    fputc('\n', out);
    print_type_stats(out);
    return 1;
}
#endif
