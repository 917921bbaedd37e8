/* unicodectype.c -- character properties and case mappings of str.
 *
 * The data lives in unicodetype_db.h, generated once by
 * tools/gen_unicodetype.py from CPython 3.12's own classification of every
 * code point (Unicode 15.0.0).  A code point reaches its record through a
 * two-level index; the record holds the property flags, the decimal and
 * digit values and the four full case mappings (upper, lower, title,
 * casefold), either as deltas or as slices of a shared extension array
 * when a mapping has more than one character ('ß'.upper() == 'SS').
 *
 * ASCII is the common case, so the whitespace and case predicates that
 * the hot loops use (split, strip, lower...) also have a 128-entry table.
 */
#include "pycore.h"
#include "unicode_internal.h"
#include "unicodetype_db.h"

/* Bits: 1 whitespace, 2 lower, 4 upper, 8 alpha, 16 digit, 32 linebreak. */
const unsigned char _Py_ascii_ctype[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 33, 33, 33, 33, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 33, 33, 33, 1,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 0, 0, 0, 0, 0, 0,
    0, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12,
    12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 0, 0, 0, 0, 0,
    0, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
    10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 0, 0, 0, 0, 0,
};

static inline const rp_ctype_record *
gettype(Py_UCS4 c)
{
    unsigned int i;
    if (c >= 0x110000)
        c = 0;
    i = rp_ctype_index1[c >> RP_CT_SHIFT];
    i = rp_ctype_index2[(i << RP_CT_SHIFT) + (c & ((1u << RP_CT_SHIFT) - 1))];
    return &rp_ctype_records[i];
}

#define FLAG(c, f) ((gettype(c)->flags & (f)) != 0)

int _PyUnicode_IsAlpha(Py_UCS4 c) { return FLAG(c, RP_CT_ALPHA); }
int _PyUnicode_IsDecimalDigit(Py_UCS4 c) { return FLAG(c, RP_CT_DECIMAL); }
int _PyUnicode_IsDigit(Py_UCS4 c) { return FLAG(c, RP_CT_DIGIT); }
int _PyUnicode_IsNumeric(Py_UCS4 c) { return FLAG(c, RP_CT_NUMERIC); }
int _PyUnicode_IsPrintable(Py_UCS4 c) { return FLAG(c, RP_CT_PRINTABLE); }
int _PyUnicode_IsWhitespace(Py_UCS4 c) { return FLAG(c, RP_CT_SPACE); }
int _PyUnicode_IsLowercase(Py_UCS4 c) { return FLAG(c, RP_CT_LOWER); }
int _PyUnicode_IsUppercase(Py_UCS4 c) { return FLAG(c, RP_CT_UPPER); }
int _PyUnicode_IsTitlecase(Py_UCS4 c) { return FLAG(c, RP_CT_TITLE); }
int _PyUnicode_IsXidStart(Py_UCS4 c) { return FLAG(c, RP_CT_XID_START); }
int _PyUnicode_IsXidContinue(Py_UCS4 c) { return FLAG(c, RP_CT_XID_CONTINUE); }
int _PyUnicode_IsCased(Py_UCS4 c) { return FLAG(c, RP_CT_CASED); }
int _PyUnicode_IsCaseIgnorable(Py_UCS4 c) { return FLAG(c, RP_CT_CASE_IGNORABLE); }
int _PyUnicode_IsLinebreak(Py_UCS4 c) { return FLAG(c, RP_CT_LINEBREAK); }
int _PyUnicode_IsAlnum(Py_UCS4 c)
{
    return FLAG(c, RP_CT_ALPHA | RP_CT_DECIMAL | RP_CT_DIGIT | RP_CT_NUMERIC);
}

int
_PyUnicode_ToDecimalDigit(Py_UCS4 c)
{
    const rp_ctype_record *r = gettype(c);
    return (r->flags & RP_CT_DECIMAL) ? r->decimal : -1;
}

int
_PyUnicode_ToDigit(Py_UCS4 c)
{
    const rp_ctype_record *r = gettype(c);
    return (r->flags & RP_CT_DIGIT) ? r->digit : -1;
}

/* Full mapping number `which` (0 upper, 1 lower, 2 title, 3 fold) of c
   into res (room for 3); returns the number of code points. */
static inline int
full_mapping(Py_UCS4 c, int which, Py_UCS4 *res)
{
    const rp_ctype_record *r = gettype(c);
    int v = which == 0 ? r->upper : which == 1 ? r->lower : which == 2 ? r->title : r->fold;
    if (r->flags & RP_CT_EXT_CASE) {
        int n = v >> 24, idx = v & 0xffffff;
        for (int i = 0; i < n; i++)
            res[i] = rp_ctype_ext[idx + i];
        return n;
    }
    res[0] = (Py_UCS4)((int)c + v);
    return 1;
}

int _PyUnicode_ToUpperFull(Py_UCS4 c, Py_UCS4 *res) { return full_mapping(c, 0, res); }
int _PyUnicode_ToLowerFull(Py_UCS4 c, Py_UCS4 *res) { return full_mapping(c, 1, res); }
int _PyUnicode_ToTitleFull(Py_UCS4 c, Py_UCS4 *res) { return full_mapping(c, 2, res); }
int _PyUnicode_ToFoldedFull(Py_UCS4 c, Py_UCS4 *res) { return full_mapping(c, 3, res); }

/* Simple (one-character) mappings: the full mapping when it is a single
   character, else the character itself. */
static Py_UCS4
simple_mapping(Py_UCS4 c, int which)
{
    Py_UCS4 buf[3];
    return full_mapping(c, which, buf) == 1 ? buf[0] : c;
}
Py_UCS4 _PyUnicode_ToUppercase(Py_UCS4 c) { return simple_mapping(c, 0); }
Py_UCS4 _PyUnicode_ToLowercase(Py_UCS4 c) { return simple_mapping(c, 1); }
Py_UCS4 _PyUnicode_ToTitlecase(Py_UCS4 c) { return simple_mapping(c, 2); }

/* Property flags of c, for loops that test several properties at once. */
unsigned int
_PyUnicode_CtypeFlags(Py_UCS4 c)
{
    return gettype(c)->flags;
}
