/* rp_opcode.h -- opcode numbers, names, cache sizes and flags, all
 * expanded from opcode.def (and opcode_specialized.def). */
#ifndef RP_OPCODE_H
#define RP_OPCODE_H
#include "pycore.h"

#define OPF_ARG   0x01
#define OPF_JREL  0x02
#define OPF_JBACK 0x04
#define OPF_CONST 0x08
#define OPF_NAME  0x10
#define OPF_LOCAL 0x20
#define OPF_FREE  0x40
#define OPF_CMP   0x80

enum {
#define RP_OPCODE(name, num, cache, flags) name = num,
#define RP_PSEUDO(name, num, flags) name = num,
#include "opcode.def"
#undef RP_OPCODE
#undef RP_PSEUDO
#define RP_SPECIALIZED(name, num, base) name = num,
#include "opcode_specialized.def"
#undef RP_SPECIALIZED
};

#define HAVE_ARGUMENT 90
#define MIN_INSTRUMENTED_OPCODE 237
#define MIN_PSEUDO_OPCODE 256
#define MAX_PSEUDO_OPCODE 266
#define IS_PSEUDO_OPCODE(op) ((op) >= MIN_PSEUDO_OPCODE && (op) <= MAX_PSEUDO_OPCODE)

/* Tables indexed by opcode (0..266); defined in src/vm/opcode_tables.c. */
extern const char *const _PyOpcode_OpName[MAX_PSEUDO_OPCODE + 1];   /* NULL for unused */
extern const uint8_t _PyOpcode_Caches[256];
extern const uint8_t _PyOpcode_Flags[MAX_PSEUDO_OPCODE + 1];
extern const uint8_t _PyOpcode_Deopt[256];    /* specialised -> base; identity otherwise */

/* BINARY_OP opargs (NB_*), in CPython 3.12's order. */
#define NB_ADD 0
#define NB_AND 1
#define NB_FLOOR_DIVIDE 2
#define NB_LSHIFT 3
#define NB_MATRIX_MULTIPLY 4
#define NB_MULTIPLY 5
#define NB_REMAINDER 6
#define NB_OR 7
#define NB_POWER 8
#define NB_RSHIFT 9
#define NB_SUBTRACT 10
#define NB_TRUE_DIVIDE 11
#define NB_XOR 12
#define NB_INPLACE_ADD 13
#define NB_INPLACE_AND 14
#define NB_INPLACE_FLOOR_DIVIDE 15
#define NB_INPLACE_LSHIFT 16
#define NB_INPLACE_MATRIX_MULTIPLY 17
#define NB_INPLACE_MULTIPLY 18
#define NB_INPLACE_REMAINDER 19
#define NB_INPLACE_OR 20
#define NB_INPLACE_POWER 21
#define NB_INPLACE_RSHIFT 22
#define NB_INPLACE_SUBTRACT 23
#define NB_INPLACE_TRUE_DIVIDE 24
#define NB_INPLACE_XOR 25
extern const char *const _PyOpcode_BinaryOpSymbol[26];   /* "+", "&", ... "^=" */

/* CALL_INTRINSIC_1 / _2 opargs (3.12) */
#define INTRINSIC_1_INVALID 0
#define INTRINSIC_PRINT 1
#define INTRINSIC_IMPORT_STAR 2
#define INTRINSIC_STOPITERATION_ERROR 3
#define INTRINSIC_ASYNC_GEN_WRAP 4
#define INTRINSIC_UNARY_POSITIVE 5
#define INTRINSIC_LIST_TO_TUPLE 6
#define INTRINSIC_TYPEVAR 7
#define INTRINSIC_PARAMSPEC 8
#define INTRINSIC_TYPEVARTUPLE 9
#define INTRINSIC_SUBSCRIPT_GENERIC 10
#define INTRINSIC_TYPEALIAS 11
#define INTRINSIC_2_INVALID 0
#define INTRINSIC_PREP_RERAISE_STAR 1
#define INTRINSIC_TYPEVAR_WITH_BOUND 2
#define INTRINSIC_TYPEVAR_WITH_CONSTRAINTS 3
#define INTRINSIC_SET_FUNCTION_TYPE_PARAMS 4

/* MAKE_FUNCTION flags */
#define MAKE_FUNCTION_DEFAULTS 0x01
#define MAKE_FUNCTION_KWDEFAULTS 0x02
#define MAKE_FUNCTION_ANNOTATIONS 0x04
#define MAKE_FUNCTION_CLOSURE 0x08

/* FORMAT_VALUE oparg */
#define FVC_MASK 0x3
#define FVC_NONE 0x0
#define FVC_STR 0x1
#define FVC_REPR 0x2
#define FVC_ASCII 0x3
#define FVS_MASK 0x4
#define FVS_HAVE_SPEC 0x4

/* RESUME oparg */
#define RESUME_AT_FUNC_START 0
#define RESUME_AFTER_YIELD 1
#define RESUME_AFTER_YIELD_FROM 2
#define RESUME_AFTER_AWAIT 3
#endif
