/* _randommodule.c -- the Mersenne Twister core of the random module.
 *
 * _random.Random holds one MT19937 generator (624 32-bit words of state
 * and a position).  Everything the random module computes is built from
 * genrand_uint32(), so the sequences equal CPython's for the same seed:
 *
 *   seed(n)         n an int: the 32-bit words of abs(n), least
 *                   significant first (one zero word for 0), go through
 *                   the reference init_by_array(); any other hashable
 *                   object: its hash, as an unsigned 64-bit number, is
 *                   used the same way; None: 624 words from
 *                   /dev/urandom (or the time and the process id).
 *   random()        53 random bits: (a * 2**26 + b) / 2**53 with
 *                   a = next >> 5 and b = next >> 6.
 *   getrandbits(k)  k <= 32: next >> (32 - k); more: words filled from
 *                   the least significant end, the last one shifted
 *                   right to keep only the bits wanted.
 *   getstate()      the 624 words and the position, as a tuple of ints.
 *
 * str/bytes seeds (hashed with SHA-512) and everything else live in
 * lib/random.py, which subclasses this type.
 */
#include "pycore.h"
#include "rp_object.h"
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#define MT_N 624
#define MT_M 397
#define MT_MATRIX_A 0x9908b0dfU
#define MT_UPPER 0x80000000U
#define MT_LOWER 0x7fffffffU

typedef struct {
    PyObject_HEAD
    int index;
    uint32_t state[MT_N];
} RandomObject;

static PyTypeObject Random_Type;

static uint32_t
genrand_uint32(RandomObject *self)
{
    static const uint32_t mag01[2] = {0x0U, MT_MATRIX_A};
    uint32_t *mt = self->state;
    uint32_t y;
    if (self->index >= MT_N) {
        int kk;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (mt[kk] & MT_UPPER) | (mt[kk + 1] & MT_LOWER);
            mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (mt[kk] & MT_UPPER) | (mt[kk + 1] & MT_LOWER);
            mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        y = (mt[MT_N - 1] & MT_UPPER) | (mt[0] & MT_LOWER);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        self->index = 0;
    }
    y = mt[self->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

static void
init_genrand(RandomObject *self, uint32_t s)
{
    uint32_t *mt = self->state;
    mt[0] = s;
    for (int i = 1; i < MT_N; i++)
        mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    self->index = MT_N;
}

static void
init_by_array(RandomObject *self, const uint32_t *key, size_t keylen)
{
    uint32_t *mt = self->state;
    size_t i = 1, j = 0, k;
    init_genrand(self, 19650218U);
    for (k = (MT_N > keylen ? MT_N : keylen); k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= keylen)
            j = 0;
    }
    for (k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U;     /* MSB is 1, assuring a non-zero initial array */
}

/* Seed from the operating system's entropy; -1 if unavailable. */
static int
seed_urandom(RandomObject *self)
{
    uint32_t key[MT_N];
    FILE *f = fopen("/dev/urandom", "rb");
    if (f == NULL)
        return -1;
    size_t got = fread(key, 1, sizeof key, f);
    fclose(f);
    if (got != sizeof key)
        return -1;
    init_by_array(self, key, MT_N);
    return 0;
}

static void
seed_time_pid(RandomObject *self)
{
    uint32_t key[5];
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    key[0] = (uint32_t)ts.tv_sec;
    key[1] = (uint32_t)((uint64_t)ts.tv_sec >> 32);
    key[2] = (uint32_t)getpid();
    clock_gettime(CLOCK_MONOTONIC, &ts);
    key[3] = (uint32_t)ts.tv_sec;
    key[4] = (uint32_t)ts.tv_nsec;
    init_by_array(self, key, 5);
}

/* 0 / -1. */
static int
random_seed(RandomObject *self, PyObject *arg)
{
    if (arg == NULL || arg == Py_None) {
        if (seed_urandom(self) < 0)
            seed_time_pid(self);
        return 0;
    }
    PyObject *n;
    if (PyLong_Check(arg)) {
        n = PyNumber_Absolute(arg);
        if (n != NULL && !PyLong_CheckExact(n)) {
            /* a subclass's __abs__ must not matter: rebuild an int */
            Py_SETREF(n, PyNumber_Long(n));
        }
    }
    else {
        Py_hash_t hash = PyObject_Hash(arg);
        if (hash == -1)
            return -1;
        n = PyLong_FromSize_t((size_t)hash);
    }
    if (n == NULL)
        return -1;
    size_t bits = _PyLong_NumBits(n);
    if (bits == (size_t)-1) {
        Py_DECREF(n);
        return -1;
    }
    size_t keyused = bits == 0 ? 1 : (bits - 1) / 32 + 1;
    uint32_t *key = PyMem_Malloc(keyused * 4);
    if (key == NULL) {
        Py_DECREF(n);
        PyErr_NoMemory();
        return -1;
    }
    unsigned char *bytes = PyMem_Malloc(keyused * 4);
    if (bytes == NULL) {
        PyMem_Free(key);
        Py_DECREF(n);
        PyErr_NoMemory();
        return -1;
    }
    int r = _PyLong_AsByteArray((PyLongObject *)n, bytes, keyused * 4, 1, 0);
    Py_DECREF(n);
    if (r < 0) {
        PyMem_Free(bytes);
        PyMem_Free(key);
        return -1;
    }
    for (size_t i = 0; i < keyused; i++) {
        const unsigned char *p = bytes + 4 * i;
        key[i] = (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
                 ((uint32_t)p[3] << 24);
    }
    PyMem_Free(bytes);
    init_by_array(self, key, keyused);
    PyMem_Free(key);
    return 0;
}

static PyObject *
Random_random(PyObject *self, PyObject *unused)
{
    RandomObject *r = (RandomObject *)self;
    uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
    return PyFloat_FromDouble((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static PyObject *
Random_seed(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("seed", nargs, 0, 1))
        return NULL;
    if (random_seed((RandomObject *)self, nargs ? args[0] : NULL) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
Random_getstate(PyObject *self, PyObject *unused)
{
    RandomObject *r = (RandomObject *)self;
    PyObject *state = PyTuple_New(MT_N + 1);
    if (state == NULL)
        return NULL;
    for (int i = 0; i < MT_N; i++) {
        PyObject *el = PyLong_FromUnsignedLong(r->state[i]);
        if (el == NULL) {
            Py_DECREF(state);
            return NULL;
        }
        PyTuple_SET_ITEM(state, i, el);
    }
    PyObject *el = PyLong_FromLong(r->index);
    if (el == NULL) {
        Py_DECREF(state);
        return NULL;
    }
    PyTuple_SET_ITEM(state, MT_N, el);
    return state;
}

static PyObject *
Random_setstate(PyObject *self, PyObject *state)
{
    RandomObject *r = (RandomObject *)self;
    uint32_t new_state[MT_N];
    if (!PyTuple_Check(state)) {
        PyErr_SetString(PyExc_TypeError, "state vector must be a tuple");
        return NULL;
    }
    if (PyTuple_GET_SIZE(state) != MT_N + 1) {
        PyErr_SetString(PyExc_ValueError, "state vector is the wrong size");
        return NULL;
    }
    for (int i = 0; i < MT_N; i++) {
        unsigned long el = PyLong_AsUnsignedLong(PyTuple_GET_ITEM(state, i));
        if (el == (unsigned long)-1 && PyErr_Occurred())
            return NULL;
        new_state[i] = (uint32_t)el;
    }
    long index = PyLong_AsLong(PyTuple_GET_ITEM(state, MT_N));
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (index < 0 || index > MT_N) {
        PyErr_SetString(PyExc_ValueError, "invalid state");
        return NULL;
    }
    r->index = (int)index;
    memcpy(r->state, new_state, sizeof new_state);
    Py_RETURN_NONE;
}

static PyObject *
Random_getrandbits(PyObject *self, PyObject *arg)
{
    RandomObject *r = (RandomObject *)self;
    PyObject *idx = PyNumber_Index(arg);
    if (idx == NULL)
        return NULL;
    int overflow;
    long k = PyLong_AsLongAndOverflow(idx, &overflow);
    Py_DECREF(idx);
    if (k == -1 && PyErr_Occurred())
        return NULL;
    if (overflow > 0 || k > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (overflow < 0 || k < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (k < 0) {
        PyErr_SetString(PyExc_ValueError, "number of bits must be non-negative");
        return NULL;
    }
    if (k == 0)
        return PyLong_FromLong(0);
    if (k <= 32)
        return PyLong_FromUnsignedLong(genrand_uint32(r) >> (32 - k));
    if (k <= 64) {
        uint64_t lo = genrand_uint32(r);
        uint64_t hi = genrand_uint32(r) >> (64 - k);
        return PyLong_FromUnsignedLongLong((hi << 32) | lo);
    }
    size_t words = (size_t)(k - 1) / 32 + 1;
    unsigned char *bytes = PyMem_Malloc(words * 4);
    if (bytes == NULL)
        return PyErr_NoMemory();
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t w = genrand_uint32(r);
        if (k < 32)
            w >>= (32 - k);
        bytes[4 * i] = (unsigned char)w;
        bytes[4 * i + 1] = (unsigned char)(w >> 8);
        bytes[4 * i + 2] = (unsigned char)(w >> 16);
        bytes[4 * i + 3] = (unsigned char)(w >> 24);
    }
    PyObject *result = _PyLong_FromByteArray(bytes, words * 4, 1, 0);
    PyMem_Free(bytes);
    return result;
}

static int
Random_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if ((Py_IS_TYPE(self, &Random_Type) || Py_TYPE(self)->tp_init == Random_Type.tp_init) &&
        !_PyArg_NoKeywords("Random", kwds))
        return -1;
    if (PyTuple_GET_SIZE(args) > 1) {
        PyErr_SetString(PyExc_TypeError, "Random() requires 0 or 1 argument");
        return -1;
    }
    return random_seed((RandomObject *)self,
                       PyTuple_GET_SIZE(args) == 1 ? PyTuple_GET_ITEM(args, 0) : NULL);
}

static PyObject *
Random_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    RandomObject *self = (RandomObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    /* A usable generator even if __init__ is never run. */
    init_genrand(self, 19650218U);
    return (PyObject *)self;
}

static PyMethodDef Random_methods[] = {
    {"random", Random_random, METH_NOARGS, "random() -> x in the interval [0, 1)."},
    {"seed", (PyCFunction)(void (*)(void))Random_seed, METH_FASTCALL,
     "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\n"
     "of the current time and the process identifier."},
    {"getstate", Random_getstate, METH_NOARGS, "getstate() -> tuple containing the current state."},
    {"setstate", Random_setstate, METH_O, "setstate(state) -> None.  Restores generator state."},
    {"getrandbits", Random_getrandbits, METH_O, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {NULL, NULL}
};

static PyTypeObject Random_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_random.Random",
    .tp_basicsize = sizeof(RandomObject),
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Random() -> create a random number generator with its own internal state.",
    .tp_methods = Random_methods,
    .tp_init = Random_init,
    .tp_new = Random_new,
};

static PyModuleDef random_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_random",
    .m_doc = "Module implements the Mersenne Twister random number generator.",
    .m_size = -1,
};

/* New reference: the _random module. */
PyObject *
PyInit__random(void)
{
    if (PyType_Ready(&Random_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&random_def);
    if (m == NULL)
        return NULL;
    if (PyModule_AddType(m, &Random_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
