/* pyhash.c -- hashing of byte buffers (str, bytes, memoryview) and pointers.
 *
 * CPython 3.12 hashes the raw memory of a str (its PEP 393 buffer, length
 * times kind bytes) or of a bytes object with SipHash-1-3 keyed by the
 * 128-bit secret k0/k1.  With PYTHONHASHSEED=0 that key is all zeros, and
 * refpy uses the zero key by default, so hash('abc') and the iteration
 * order of sets of strings equal those of CPython run with
 * PYTHONHASHSEED=0 (docs/differences.md).  PYTHONHASHSEED=N (N > 0)
 * derives the key the way CPython does (a linear congruential generator
 * seeded with N fills the 24-byte secret), and PYTHONHASHSEED=random reads
 * the key from /dev/urandom.
 *
 * The empty buffer hashes to 0 (CPython's rule) and no hash is ever -1.
 * Numbers use their own modular hash (longobject.c, floatobject.c).
 */
#include "pycore.h"
#include "rp_object.h"

static uint64_t hash_k0, hash_k1;
static int hash_secret_ready;

static void
lcg_fill(unsigned int x, unsigned char *buf, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        x = x * 214013u + 2531011u;
        buf[i] = (unsigned char)((x >> 16) & 0xff);
    }
}

/* Read PYTHONHASHSEED once; the key stays fixed for the whole process. */
static void
hash_secret_init(void)
{
    unsigned char secret[24];
    const char *env = getenv("PYTHONHASHSEED");
    memset(secret, 0, sizeof(secret));
    if (env != NULL && *env != '\0') {
        if (strcmp(env, "random") == 0) {
            FILE *f = fopen("/dev/urandom", "rb");
            if (f != NULL) {
                if (fread(secret, 1, sizeof(secret), f) != sizeof(secret))
                    memset(secret, 0, sizeof(secret));
                fclose(f);
            }
        }
        else {
            char *end;
            unsigned long seed = strtoul(env, &end, 10);
            if (*end == '\0' && seed != 0 && seed <= 4294967295UL)
                lcg_fill((unsigned int)seed, secret, sizeof(secret));
        }
    }
    memcpy(&hash_k0, secret, 8);
    memcpy(&hash_k1, secret + 8, 8);
    hash_secret_ready = 1;
}

#define ROTL64(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND(v0, v1, v2, v3) do { \
        v0 += v1; v1 = ROTL64(v1, 13); v1 ^= v0; v0 = ROTL64(v0, 32); \
        v2 += v3; v3 = ROTL64(v3, 16); v3 ^= v2; \
        v0 += v3; v3 = ROTL64(v3, 21); v3 ^= v0; \
        v2 += v1; v1 = ROTL64(v1, 17); v1 ^= v2; v2 = ROTL64(v2, 32); \
    } while (0)

/* SipHash-1-3: one compression round per 8-byte word, three finalisation
   rounds; little-endian word loads (refpy targets little-endian hosts). */
static uint64_t
siphash13(uint64_t k0, uint64_t k1, const unsigned char *in, size_t len)
{
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    uint64_t b = (uint64_t)len << 56;
    uint64_t m, t = 0;

    while (len >= 8) {
        memcpy(&m, in, 8);
        v3 ^= m;
        SIPROUND(v0, v1, v2, v3);
        v0 ^= m;
        in += 8;
        len -= 8;
    }
    switch (len) {
    case 7: t |= (uint64_t)in[6] << 48; /* fall through */
    case 6: t |= (uint64_t)in[5] << 40; /* fall through */
    case 5: t |= (uint64_t)in[4] << 32; /* fall through */
    case 4: t |= (uint64_t)in[3] << 24; /* fall through */
    case 3: t |= (uint64_t)in[2] << 16; /* fall through */
    case 2: t |= (uint64_t)in[1] << 8;  /* fall through */
    case 1: t |= (uint64_t)in[0];       /* fall through */
    default: break;
    }
    b |= t;
    v3 ^= b;
    SIPROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SIPROUND(v0, v1, v2, v3);
    SIPROUND(v0, v1, v2, v3);
    SIPROUND(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

Py_hash_t
_Py_HashBytes(const void *src, Py_ssize_t len)
{
    Py_hash_t x;
    if (len == 0)
        return 0;
    if (Py_UNLIKELY(!hash_secret_ready))
        hash_secret_init();
    x = (Py_hash_t)siphash13(hash_k0, hash_k1, (const unsigned char *)src, (size_t)len);
    return x == -1 ? -2 : x;
}

Py_hash_t
_Py_HashPointer(const void *p)
{
    size_t y = (size_t)p;
    /* The low 4 bits of an object address are always zero: rotate them
       to the top so that dicts and sets see varied low bits. */
    y = (y >> 4) | (y << (8 * SIZEOF_VOID_P - 4));
    return (Py_hash_t)y == -1 ? -2 : (Py_hash_t)y;
}
