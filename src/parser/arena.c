/* arena.c -- the memory arena that owns an AST, and the asdl sequences.
 *
 * An AST is built once and thrown away as a whole, so its nodes are carved
 * out of large blocks with a bump pointer and never freed one by one.
 * _PyArena_Free releases every block at once.  The arena also keeps a list
 * of the Python objects (identifiers, constants) that nodes point to; it owns
 * one reference to each and drops them all when it dies.
 *
 * Blocks are 8 KiB (as CPython's); a request bigger than a block gets a block
 * of its own.  Memory handed out is zeroed and aligned to 8 bytes.
 */
#include "pycore.h"
#include "rp_ast.h"

#define ARENA_BLOCK_SIZE 8192
#define ARENA_ALIGN 8

typedef struct _block {
    struct _block *next;
    size_t size;          /* usable bytes after the header */
    size_t used;
    /* data follows, aligned */
} block;

struct _arena {
    block *head;          /* current block (most recent) */
    PyObject **objs;      /* owned references */
    Py_ssize_t nobjs, objs_alloc;
};

#define BLOCK_DATA(b) ((char *)(b) + ((sizeof(block) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1)))
#define BLOCK_HEADER ((sizeof(block) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))

static block *
block_new(size_t size)
{
    block *b = (block *)malloc(BLOCK_HEADER + size);
    if (b == NULL)
        return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

PyArena *
_PyArena_New(void)
{
    PyArena *arena = (PyArena *)malloc(sizeof(PyArena));
    if (arena == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    arena->head = block_new(ARENA_BLOCK_SIZE);
    if (arena->head == NULL) {
        free(arena);
        PyErr_NoMemory();
        return NULL;
    }
    arena->objs = NULL;
    arena->nobjs = arena->objs_alloc = 0;
    return arena;
}

void
_PyArena_Free(PyArena *arena)
{
    if (arena == NULL)
        return;
    block *b = arena->head;
    while (b != NULL) {
        block *next = b->next;
        free(b);
        b = next;
    }
    /* Release objects last-registered first, like a stack of owners. */
    for (Py_ssize_t i = arena->nobjs - 1; i >= 0; i--)
        Py_DECREF(arena->objs[i]);
    free(arena->objs);
    free(arena);
}

void *
_PyArena_Malloc(PyArena *arena, size_t size)
{
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (size == 0)
        size = ARENA_ALIGN;
    block *b = arena->head;
    if (b->used + size > b->size) {
        if (size > ARENA_BLOCK_SIZE / 4) {
            /* A big request gets its own block, placed behind the current
               one so that the current block keeps serving small requests. */
            block *big = block_new(size);
            if (big == NULL) {
                PyErr_NoMemory();
                return NULL;
            }
            big->used = size;
            big->next = b->next;
            b->next = big;
            memset(BLOCK_DATA(big), 0, size);
            return BLOCK_DATA(big);
        }
        block *nb = block_new(ARENA_BLOCK_SIZE);
        if (nb == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        nb->next = b;
        arena->head = b = nb;
    }
    void *p = BLOCK_DATA(b) + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

int
_PyArena_AddPyObject(PyArena *arena, PyObject *obj)
{
    if (arena->nobjs == arena->objs_alloc) {
        Py_ssize_t n = arena->objs_alloc ? arena->objs_alloc * 2 : 64;
        PyObject **objs = (PyObject **)realloc(arena->objs, (size_t)n * sizeof(PyObject *));
        if (objs == NULL) {
            Py_DECREF(obj);
            PyErr_NoMemory();
            return -1;
        }
        arena->objs = objs;
        arena->objs_alloc = n;
    }
    arena->objs[arena->nobjs++] = obj;
    return 0;
}

/* ------------------------------------------------------------------ */

asdl_seq *
_Py_asdl_generic_seq_new(Py_ssize_t size, PyArena *arena)
{
    if (size < 0 || (size_t)size > (SIZE_MAX - sizeof(asdl_seq)) / sizeof(void *)) {
        PyErr_NoMemory();
        return NULL;
    }
    size_t n = sizeof(asdl_seq) + (size ? (size_t)(size - 1) * sizeof(void *) : 0);
    asdl_seq *seq = (asdl_seq *)_PyArena_Malloc(arena, n);
    if (seq == NULL)
        return NULL;
    seq->size = size;
    return seq;
}

asdl_int_seq *
_Py_asdl_int_seq_new(Py_ssize_t size, PyArena *arena)
{
    if (size < 0 || (size_t)size > (SIZE_MAX - sizeof(asdl_int_seq)) / sizeof(int)) {
        PyErr_NoMemory();
        return NULL;
    }
    size_t n = sizeof(asdl_int_seq) + (size ? (size_t)(size - 1) * sizeof(int) : 0);
    asdl_int_seq *seq = (asdl_int_seq *)_PyArena_Malloc(arena, n);
    if (seq == NULL)
        return NULL;
    seq->size = size;
    return seq;
}
