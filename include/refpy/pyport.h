/* pyport.h -- basic types and portability macros shared by every refpy header.
 *
 * refpy targets 64-bit little-endian platforms with a C11 compiler (the
 * immortal-refcount scheme below relies on addressing the low 32 bits of
 * ob_refcnt directly, exactly as CPython 3.12 does on 64-bit builds).
 */
#ifndef REFPY_PYPORT_H
#define REFPY_PYPORT_H

#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <sys/types.h>

typedef ssize_t Py_ssize_t;
typedef Py_ssize_t Py_hash_t;
typedef size_t Py_uhash_t;
typedef uint32_t Py_UCS4;
typedef uint16_t Py_UCS2;
typedef uint8_t Py_UCS1;

#define PY_SSIZE_T_MAX ((Py_ssize_t)(((size_t)-1) >> 1))
#define PY_SSIZE_T_MIN (-PY_SSIZE_T_MAX - 1)

#define PyAPI_FUNC(RTYPE) RTYPE
#define PyAPI_DATA(RTYPE) extern RTYPE

#define Py_LOCAL_INLINE(type) static inline type
#define Py_ALWAYS_INLINE __attribute__((always_inline))
#define Py_NO_INLINE __attribute__((noinline))
#define Py_UNUSED(name) _unused_##name __attribute__((unused))
#define Py_UNREACHABLE() __builtin_unreachable()
#define Py_LIKELY(x) __builtin_expect(!!(x), 1)
#define Py_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define PyDoc_STRVAR(name, str) static const char name[] = str
#define PyDoc_STR(str) str
#define PyDoc_VAR(name) static const char name[]
#define Py_ARRAY_LENGTH(a) (sizeof(a) / sizeof((a)[0]))
#define Py_MIN(x, y) (((x) > (y)) ? (y) : (x))
#define Py_MAX(x, y) (((x) > (y)) ? (x) : (y))
#define Py_ABS(x) ((x) < 0 ? -(x) : (x))
#define Py_CHARMASK(c) ((unsigned char)((c) & 0xff))
#define _Py_SIZE_ROUND_UP(n, a) (((size_t)(n) + (size_t)((a) - 1)) & ~(size_t)((a) - 1))

#define PY_BIG_ENDIAN 0
#define PY_LITTLE_ENDIAN 1
#define SIZEOF_VOID_P 8
#define SIZEOF_SIZE_T 8
#define SIZEOF_LONG 8

#endif /* REFPY_PYPORT_H */
