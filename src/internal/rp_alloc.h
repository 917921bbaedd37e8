/* rp_alloc.h -- the small-object allocator's hot paths, inlined.
 *
 * src/memory/alloc.c explains the design (CPython 3.12's obmalloc: 16-byte
 * size classes up to 512 bytes, 16 KiB pools carved out of 1 MiB arenas,
 * a radix tree that answers "is this address ours?").  This header only
 * exposes the state the two hottest operations need, so that code which
 * allocates on its critical path can include it and get the fast path
 * inlined:
 *
 *     p = _PyObject_MallocInline(n);     -- same contract as PyObject_Malloc
 *     _PyObject_FreeInline(p);           -- same contract as PyObject_Free
 *
 * Everything that is not the common case (no pool with a free block, a
 * pool becoming full or empty, requests above 512 bytes, memory that came
 * from malloc) leaves through an out-of-line function in alloc.c.
 *
 * In the asan build (-DRP_NO_OBMALLOC) both go straight to malloc/free so
 * that the sanitizer sees every block.
 */
#ifndef RP_ALLOC_H
#define RP_ALLOC_H
#include "pycore.h"

#define RP_ALIGNMENT 16
#define RP_ALIGNMENT_SHIFT 4
#define RP_SMALL_REQUEST_THRESHOLD 512
#define RP_NB_SMALL_SIZE_CLASSES (RP_SMALL_REQUEST_THRESHOLD / RP_ALIGNMENT)
#define RP_INDEX2SIZE(i) (((unsigned int)(i) + 1) << RP_ALIGNMENT_SHIFT)

#define RP_POOL_BITS 14
#define RP_POOL_SIZE ((size_t)1 << RP_POOL_BITS)           /* 16 KiB */
#define RP_POOL_SIZE_MASK (RP_POOL_SIZE - 1)
#define RP_ARENA_BITS 20
#define RP_ARENA_SIZE ((size_t)1 << RP_ARENA_BITS)         /* 1 MiB */
#define RP_ARENA_SIZE_MASK (RP_ARENA_SIZE - 1)
#define RP_MAX_POOLS_IN_ARENA (RP_ARENA_SIZE / RP_POOL_SIZE)

/* Radix tree over the 44 address bits above the arena bits:
   15 (root) + 15 (mid) + 14 (bottom), as CPython 3.12 on 64-bit. */
#define RP_MAP_TOP_BITS 15
#define RP_MAP_MID_BITS 15
#define RP_MAP_BOT_BITS 14
#define RP_MAP_BOT_SHIFT RP_ARENA_BITS
#define RP_MAP_MID_SHIFT (RP_MAP_BOT_SHIFT + RP_MAP_BOT_BITS)
#define RP_MAP_TOP_SHIFT (RP_MAP_MID_SHIFT + RP_MAP_MID_BITS)
#define RP_MAP_TOP_LENGTH ((size_t)1 << RP_MAP_TOP_BITS)
#define RP_MAP_MID_LENGTH ((size_t)1 << RP_MAP_MID_BITS)
#define RP_MAP_BOT_LENGTH ((size_t)1 << RP_MAP_BOT_BITS)
#define RP_MAP_TOP_INDEX(a) (((uintptr_t)(a) >> RP_MAP_TOP_SHIFT) & (RP_MAP_TOP_LENGTH - 1))
#define RP_MAP_MID_INDEX(a) (((uintptr_t)(a) >> RP_MAP_MID_SHIFT) & (RP_MAP_MID_LENGTH - 1))
#define RP_MAP_BOT_INDEX(a) (((uintptr_t)(a) >> RP_MAP_BOT_SHIFT) & (RP_MAP_BOT_LENGTH - 1))

typedef uint8_t rp_block;
typedef struct rp_pool_header *rp_poolp;

/* Pool header: the list links come first so that the usedpools[] list
   heads (which are only a pair of links) can pose as pool headers. */
struct rp_pool_header {
    rp_poolp nextpool;            /* next pool of this size class / free pool */
    rp_poolp prevpool;            /* previous pool (used pools only) */
    union { rp_block *_padding; unsigned int count; } ref;  /* blocks in use */
    rp_block *freeblock;          /* head of the pool's free-block list */
    unsigned int arenaindex;      /* index into the arena vector */
    unsigned int szidx;           /* size class index */
    unsigned int nextoffset;      /* bytes to the next never-used block */
    unsigned int maxnextoffset;   /* largest valid nextoffset */
};
#define RP_POOL_OVERHEAD \
    ((sizeof(struct rp_pool_header) + RP_ALIGNMENT - 1) & ~(size_t)(RP_ALIGNMENT - 1))
#define RP_POOL_ADDR(p) ((rp_poolp)((uintptr_t)(p) & ~(uintptr_t)RP_POOL_SIZE_MASK))

struct rp_pool_link { rp_poolp nextpool, prevpool; };

/* A leaf records which part of one ideal (1 MiB-aligned) arena-sized
   region is covered by a real arena: [0, tail_lo) by the arena that
   started in the region below, [tail_hi, 1 MiB) by an arena that starts
   inside it (tail_hi == -1 for an aligned arena, 0 for none). */
typedef struct { int32_t tail_hi, tail_lo; } rp_arena_coverage_t;
typedef struct { rp_arena_coverage_t arenas[RP_MAP_BOT_LENGTH]; } rp_arena_map_bot_t;
typedef struct { rp_arena_map_bot_t *ptrs[RP_MAP_MID_LENGTH]; } rp_arena_map_mid_t;

struct _rp_obmalloc_hot {
    size_t small_limit;            /* 512; 0 when PYTHONMALLOC=malloc */
    Py_ssize_t raw_allocated_blocks;   /* live blocks that fell through to malloc */
    struct rp_pool_link usedpools[RP_NB_SMALL_SIZE_CLASSES];
    rp_arena_map_mid_t *map_root[RP_MAP_TOP_LENGTH];
};
extern struct _rp_obmalloc_hot _rp_obmalloc;

/* Out-of-line halves (alloc.c). */
void *_rp_obmalloc_alloc_slow(size_t nbytes);
void _rp_obmalloc_pool_extend(rp_poolp pool, unsigned int size);
void _rp_obmalloc_free_slow(rp_poolp pool, rp_block *lastfree);
void _rp_obmalloc_free_raw(void *p);
#ifdef RP_NO_OBMALLOC
void *_rp_libc_malloc(size_t nbytes);
void _rp_libc_free(void *p);
#endif

/* True when p lies inside an arena of the small-object allocator. */
static inline int _rp_address_in_range(const void *p)
{
    rp_arena_map_mid_t *mid = _rp_obmalloc.map_root[RP_MAP_TOP_INDEX(p)];
    if (mid == NULL) return 0;
    rp_arena_map_bot_t *bot = mid->ptrs[RP_MAP_MID_INDEX(p)];
    if (bot == NULL) return 0;
    const rp_arena_coverage_t *c = &bot->arenas[RP_MAP_BOT_INDEX(p)];
    int32_t tail = (int32_t)((uintptr_t)p & RP_ARENA_SIZE_MASK);
    return tail < c->tail_lo || (tail >= c->tail_hi && c->tail_hi != 0);
}

/* PyObject_Malloc, inlined: a block of at least nbytes, or NULL (no
   exception is set, exactly like PyObject_Malloc). */
static inline void *_PyObject_MallocInline(size_t nbytes)
{
#ifdef RP_NO_OBMALLOC
    return _rp_libc_malloc(nbytes);
#else
    size_t idx = nbytes - 1;            /* 0 wraps around: not small */
    if (Py_LIKELY(idx < _rp_obmalloc.small_limit)) {
        unsigned int size = (unsigned int)(idx >> RP_ALIGNMENT_SHIFT);
        rp_poolp pool = _rp_obmalloc.usedpools[size].nextpool;
        if (Py_LIKELY(pool != (rp_poolp)&_rp_obmalloc.usedpools[size])) {
            rp_block *bp = pool->freeblock;
            pool->ref.count++;
            if (Py_UNLIKELY((pool->freeblock = *(rp_block **)bp) == NULL))
                _rp_obmalloc_pool_extend(pool, size);
            return bp;
        }
    }
    return _rp_obmalloc_alloc_slow(nbytes);
#endif
}

/* PyObject_Free, inlined. */
static inline void _PyObject_FreeInline(void *p)
{
#ifdef RP_NO_OBMALLOC
    _rp_libc_free(p);
#else
    if (Py_UNLIKELY(p == NULL)) return;
    if (Py_LIKELY(_rp_address_in_range(p))) {
        rp_poolp pool = RP_POOL_ADDR(p);
        rp_block *lastfree = pool->freeblock;
        *(rp_block **)p = lastfree;
        pool->freeblock = (rp_block *)p;
        if (Py_LIKELY(--pool->ref.count != 0 && lastfree != NULL)) return;
        _rp_obmalloc_free_slow(pool, lastfree);   /* was full, or is now empty */
        return;
    }
    _rp_obmalloc_free_raw(p);
#endif
}

#endif /* RP_ALLOC_H */
