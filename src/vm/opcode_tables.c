/* opcode_tables.c -- per-opcode tables expanded from opcode.def.
 * Used by the eval loop (dispatch checks), the compiler and dis. */
#include "pycore.h"
#include "rp_opcode.h"

const char *const _PyOpcode_OpName[MAX_PSEUDO_OPCODE + 1] = {
#define RP_OPCODE(name, num, cache, flags) [num] = #name,
#define RP_PSEUDO(name, num, flags) [num] = #name,
#include "opcode.def"
#undef RP_OPCODE
#undef RP_PSEUDO
#define RP_SPECIALIZED(name, num, base) [num] = #name,
#include "opcode_specialized.def"
#undef RP_SPECIALIZED
};

const uint8_t _PyOpcode_Caches[256] = {
#define RP_OPCODE(name, num, cache, flags) [num] = (cache),
#include "opcode.def"
#undef RP_OPCODE
};

const uint8_t _PyOpcode_Flags[MAX_PSEUDO_OPCODE + 1] = {
#define RP_OPCODE(name, num, cache, flags) [num] = (flags),
#define RP_PSEUDO(name, num, flags) [num] = (flags),
#include "opcode.def"
#undef RP_OPCODE
#undef RP_PSEUDO
};

const uint8_t _PyOpcode_Deopt[256] = {
#define RP_OPCODE(name, num, cache, flags) [num] = (num),
#include "opcode.def"
#undef RP_OPCODE
#define RP_SPECIALIZED(name, num, base) [num] = base,
#include "opcode_specialized.def"
#undef RP_SPECIALIZED
};

const char *const _PyOpcode_BinaryOpSymbol[26] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
};
