/* dismodule.c -- the dis module, in C.
 *
 * dis must print exactly what CPython 3.12's Lib/dis.py prints, so this
 * file follows that module's structure function by function:
 *
 *   unpack        walks the code units, skipping inline CACHE entries and
 *                 folding EXTENDED_ARG prefixes into the next oparg
 *                 (_unpack_opargs), with the oparg wrapped to a signed C int;
 *   labels        every jump target (relative jumps count code units from
 *                 the end of the instruction's caches; backward jumps
 *                 subtract) plus every exception handler (findlabels and the
 *                 exception-table loop of _get_instructions_bytes);
 *   line starts   the first offset of each new line in co_lines()
 *                 (findlinestarts), read from the 3.12 location table with
 *                 _PyCode_InitAddressRange/_PyLineTable_NextAddressRange;
 *   exception table  3.12's varint format: start, length, target (in code
 *                 units) and depth<<1|lasti, 6 bits per byte, bit 6 = more;
 *   argrepr       the per-opcode description (constant reprs, names with
 *                 "NULL + " / "NULL|self + ", "to N", operator symbols,
 *                 MAKE_FUNCTION flags, FORMAT_VALUE conversions, intrinsic
 *                 names);
 *   formatting    Instruction._disassemble: line number (width 3, or the
 *                 width of the largest line number once it reaches 1000),
 *                 "-->" marker, ">>" label marker, offset (width 4, wider
 *                 from 10000), opname padded to 20, oparg right-aligned in 5,
 *                 "(argrepr)", fields joined by one space, trailing spaces
 *                 stripped; a blank line before every new source line except
 *                 at offset 0; the ExceptionTable section; recursion into
 *                 nested code objects ("Disassembly of <code object ...>:").
 *
 * The bytes disassembled are co_code (_PyCode_GetCode: de-specialised,
 * caches zeroed); with adaptive=True they are the live code units, whose
 * specialised opcodes are shown under refpy's own names.
 *
 * Instruction, Positions and _ExceptionTableEntry are small named-tuple
 * types (tuple subclasses with named fields and namedtuple-style reprs).
 */
#include "pycore.h"
#include "rp_structseq.h"
#include "rp_object.h"
#include "rp_opcode.h"
#include "rp_eval.h"
#include "rp_modules.h"
#include "rp_ast.h"      /* _RpCompile_StackEffect */


#define OPNAME_WIDTH 20
#define OPARG_WIDTH 5

static const char *const cmp_op_names[6] = {"<", "<=", "==", "!=", ">", ">="};
static const char *const make_function_flags[4] = {"defaults", "kwdefaults", "annotations",
                                                   "closure"};
static const char *const intrinsic1_names[] = {
    "INTRINSIC_1_INVALID", "INTRINSIC_PRINT", "INTRINSIC_IMPORT_STAR",
    "INTRINSIC_STOPITERATION_ERROR", "INTRINSIC_ASYNC_GEN_WRAP", "INTRINSIC_UNARY_POSITIVE",
    "INTRINSIC_LIST_TO_TUPLE", "INTRINSIC_TYPEVAR", "INTRINSIC_PARAMSPEC",
    "INTRINSIC_TYPEVARTUPLE", "INTRINSIC_SUBSCRIPT_GENERIC", "INTRINSIC_TYPEALIAS"};
static const char *const intrinsic2_names[] = {
    "INTRINSIC_2_INVALID", "INTRINSIC_PREP_RERAISE_STAR", "INTRINSIC_TYPEVAR_WITH_BOUND",
    "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS", "INTRINSIC_SET_FUNCTION_TYPE_PARAMS"};

/* CPython's opcode._cache_format: the named fields of each cache layout. */
typedef struct { const char *name; int size; } cache_field;
static const cache_field cf_counter[] = {{"counter", 1}, {NULL, 0}};
static const cache_field cf_load_global[] = {{"counter", 1}, {"index", 1},
    {"module_keys_version", 1}, {"builtin_keys_version", 1}, {NULL, 0}};
static const cache_field cf_load_attr[] = {{"counter", 1}, {"version", 2},
    {"keys_version", 2}, {"descr", 4}, {NULL, 0}};
static const cache_field cf_store_attr[] = {{"counter", 1}, {"version", 2}, {"index", 1},
    {NULL, 0}};
static const cache_field cf_call[] = {{"counter", 1}, {"func_version", 2}, {NULL, 0}};

static const cache_field *
cache_format(int deop)
{
    switch (deop) {
    case LOAD_GLOBAL: return cf_load_global;
    case LOAD_ATTR: return cf_load_attr;
    case STORE_ATTR: return cf_store_attr;
    case CALL: return cf_call;
    case BINARY_OP: case UNPACK_SEQUENCE: case COMPARE_OP: case BINARY_SUBSCR:
    case FOR_ITER: case LOAD_SUPER_ATTR: case STORE_SUBSCR: case SEND:
        return cf_counter;
    default:
        return NULL;
    }
}

/* ------------------------------------------------------------------ */
/* opcode facts                                                        */
/* ------------------------------------------------------------------ */

/* Is op a real (base) 3.12 opcode? */
static int
is_base_op(int op)
{
    if (op < 0 || op > MAX_PSEUDO_OPCODE || _PyOpcode_OpName[op] == NULL)
        return 0;
    if (op >= 256)
        return 1;
    return _PyOpcode_Deopt[op] == op;
}

/* The base opcode of op (specialised -> base; unknown -> itself). */
static int
deopt(int op)
{
    if (op < 256 && _PyOpcode_OpName[op] != NULL)
        return _PyOpcode_Deopt[op];
    return op;
}

static int
op_has_arg(int deop)
{
    if (!is_base_op(deop))
        return 0;
    if (deop >= 256 && deop <= 259)
        return 0;
    return (_PyOpcode_Flags[deop] & OPF_ARG) != 0;
}

static int
op_caches(int deop)
{
    return deop < 256 && is_base_op(deop) ? _PyOpcode_Caches[deop] : 0;
}

static int
op_flags(int deop)
{
    return is_base_op(deop) ? _PyOpcode_Flags[deop] : 0;
}

/* ------------------------------------------------------------------ */
/* named tuples                                                        */
/* ------------------------------------------------------------------ */

/* The records are namedtuple-like types from src/objects/structseq.c. */
#define ntuple_make _PyStructSequence_FromArraySteal

typedef struct {
    const char *name;     /* tp_name ("dis.Instruction") */
    int nfields;
    const char *const *fields;
    int n_optional;       /* trailing fields that default to None */
} ntuple_desc;

static int
ntuple_init_type(PyTypeObject *tp, const ntuple_desc *desc)
{
    return _PyRecord_InitStatic(tp, desc->name, desc->fields, desc->nfields, desc->n_optional, "dis");
}

static PyTypeObject InstructionType, PositionsType, ExcEntryType;

static const char *const instruction_fields[] = {
    "opname", "opcode", "arg", "argval", "argrepr", "offset", "starts_line",
    "is_jump_target", "positions"};
static const ntuple_desc instruction_desc = {"dis.Instruction", 9, instruction_fields, 1};
static const char *const positions_fields[] = {"lineno", "end_lineno", "col_offset",
                                               "end_col_offset"};
static const ntuple_desc positions_desc = {"dis.Positions", 4, positions_fields, 4};
static const char *const excentry_fields[] = {"start", "end", "target", "depth", "lasti"};
static const ntuple_desc excentry_desc = {"dis._ExceptionTableEntry", 5, excentry_fields, 0};

/* ------------------------------------------------------------------ */
/* the disassembly context                                             */
/* ------------------------------------------------------------------ */

typedef struct {
    int start, end, target, depth, lasti;
} exc_entry;

typedef struct {
    PyCodeObject *co;          /* borrowed; NULL for raw bytes */
    PyObject *code_bytes;      /* owned bytes holding the code units */
    const uint8_t *code;
    Py_ssize_t len;            /* bytes */
    int *linestarts;           /* per code unit: line, or INT_MIN; NULL = no line info */
    int has_lines;
    int line_offset;
    int maxline;
    char *labels;              /* per code unit */
    exc_entry *exc;
    Py_ssize_t nexc;
    int show_caches;
} disctx;

static void
ctx_clear(disctx *c)
{
    Py_CLEAR(c->code_bytes);
    PyMem_Free(c->linestarts);
    PyMem_Free(c->labels);
    PyMem_Free(c->exc);
    c->linestarts = NULL;
    c->labels = NULL;
    c->exc = NULL;
}

/* Iterate the instructions: *pi is the byte offset of the next one.
   Fills op, arg (INT_MIN when none) and returns 1, or 0 at the end. */
typedef struct {
    Py_ssize_t i;
    int caches;
    long long extended;
} unpacker;

static int
unpack_next(disctx *c, unpacker *u, int *offset, int *op, int *arg)
{
    while (u->i < c->len) {
        Py_ssize_t i = u->i;
        int o, d;
        u->i += 2;
        if (u->caches) {
            u->caches--;
            continue;
        }
        o = c->code[i];
        d = deopt(o);
        u->caches = op_caches(d);
        if (op_has_arg(d)) {
            long long a = (long long)(i + 1 < c->len ? c->code[i + 1] : 0) | u->extended;
            u->extended = (d == EXTENDED_ARG) ? (a << 8) : 0;
            if (u->extended >= 2147483648LL)
                u->extended -= 4294967296LL;
            *arg = (int)a;
        }
        else {
            *arg = INT_MIN;
            u->extended = 0;
        }
        *offset = (int)i;
        *op = o;
        return 1;
    }
    return 0;
}

/* The jump target of an instruction, or -1. */
static int
jump_target(int offset, int op, int arg)
{
    int d = deopt(op);
    if (arg == INT_MIN)
        return -1;
    if (op_flags(d) & OPF_JREL) {
        int signed_arg = (op_flags(d) & OPF_JBACK) ? -arg : arg;
        return offset + 2 + signed_arg * 2 + 2 * op_caches(d);
    }
    return -1;
}

static int
parse_varint(const uint8_t **p, const uint8_t *end, int *out)
{
    int b, val;
    if (*p >= end)
        return 0;
    b = *(*p)++;
    val = b & 63;
    while (b & 64) {
        if (*p >= end)
            return 0;
        val <<= 6;
        b = *(*p)++;
        val |= b & 63;
    }
    *out = val;
    return 1;
}

static int
parse_exception_table(PyCodeObject *co, exc_entry **out, Py_ssize_t *n)
{
    const uint8_t *p, *end;
    Py_ssize_t cap = 8, cnt = 0;
    exc_entry *v;
    *out = NULL;
    *n = 0;
    if (co == NULL || co->co_exceptiontable == NULL || !PyBytes_Check(co->co_exceptiontable))
        return 0;
    p = (const uint8_t *)PyBytes_AS_STRING(co->co_exceptiontable);
    end = p + PyBytes_GET_SIZE(co->co_exceptiontable);
    v = PyMem_Malloc(sizeof(exc_entry) * (size_t)cap);
    if (v == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (;;) {
        int start, length, target, dl;
        if (!parse_varint(&p, end, &start) || !parse_varint(&p, end, &length) ||
            !parse_varint(&p, end, &target) || !parse_varint(&p, end, &dl))
            break;
        if (cnt == cap) {
            exc_entry *nv;
            cap *= 2;
            nv = PyMem_Realloc(v, sizeof(exc_entry) * (size_t)cap);
            if (nv == NULL) {
                PyMem_Free(v);
                PyErr_NoMemory();
                return -1;
            }
            v = nv;
        }
        v[cnt].start = start * 2;
        v[cnt].end = start * 2 + length * 2;
        v[cnt].target = target * 2;
        v[cnt].depth = dl >> 1;
        v[cnt].lasti = dl & 1;
        cnt++;
    }
    *out = v;
    *n = cnt;
    return 0;
}

/* Fill c for code object co (or for raw bytes when co is NULL). */
static int
ctx_init(disctx *c, PyCodeObject *co, PyObject *raw, int adaptive, int show_caches,
         int line_offset)
{
    Py_ssize_t nunits, k;
    unpacker u = {0, 0, 0};
    int offset, op, arg;

    memset(c, 0, sizeof(*c));
    c->co = co;
    c->show_caches = show_caches;
    c->line_offset = line_offset;
    if (co != NULL) {
        if (adaptive)
            c->code_bytes = PyBytes_FromStringAndSize((const char *)_PyCode_CODE(co),
                                                      _PyCode_NBYTES(co));
        else
            c->code_bytes = _PyCode_GetCode(co);
        if (c->code_bytes == NULL)
            return -1;
        c->code = (const uint8_t *)PyBytes_AS_STRING(c->code_bytes);
        c->len = PyBytes_GET_SIZE(c->code_bytes);
    }
    else {
        c->code_bytes = Py_NewRef(raw);
        if (PyBytes_Check(raw)) {
            c->code = (const uint8_t *)PyBytes_AS_STRING(raw);
            c->len = PyBytes_GET_SIZE(raw);
        }
        else {
            c->code = (const uint8_t *)PyByteArray_AS_STRING(raw);
            c->len = PyByteArray_GET_SIZE(raw);
        }
    }
    nunits = (c->len + 1) / 2;
    c->labels = PyMem_Calloc((size_t)nunits + 1, 1);
    if (c->labels == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    /* line starts */
    if (co != NULL) {
        PyCodeAddressRange r;
        int lastline = INT_MIN;
        c->linestarts = PyMem_Malloc(sizeof(int) * ((size_t)nunits + 1));
        if (c->linestarts == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        for (k = 0; k <= nunits; k++)
            c->linestarts[k] = INT_MIN;
        c->maxline = INT_MIN;
        _PyCode_InitAddressRange(co, &r);
        while (_PyLineTable_NextAddressRange(&r)) {
            if (r.ar_line >= 0 && r.ar_line != lastline) {
                lastline = r.ar_line;
                if (r.ar_start / 2 <= nunits && r.ar_start >= 0) {
                    c->linestarts[r.ar_start / 2] = r.ar_line;
                    c->has_lines = 1;
                    if (r.ar_line > c->maxline)
                        c->maxline = r.ar_line;
                }
            }
        }
        if (parse_exception_table(co, &c->exc, &c->nexc) < 0)
            return -1;
    }
    /* labels */
    while (unpack_next(c, &u, &offset, &op, &arg)) {
        int t = jump_target(offset, op, arg);
        if (t >= 0 && t / 2 <= nunits)
            c->labels[t / 2] = 1;
    }
    for (k = 0; k < c->nexc; k++) {
        if (c->exc[k].start < c->exc[k].end && c->exc[k].target / 2 <= nunits &&
            c->exc[k].target >= 0)
            c->labels[c->exc[k].target / 2] = 1;
    }
    return 0;
}

static int
ctx_starts_line(disctx *c, int offset)
{
    if (c->linestarts == NULL || offset / 2 > (c->len + 1) / 2)
        return INT_MIN;
    if (c->linestarts[offset / 2] == INT_MIN)
        return INT_MIN;
    return c->linestarts[offset / 2] + c->line_offset;
}

/* Name lookups: new references (str), or NULL with IndexError. */
static PyObject *
tuple_item(PyObject *t, int i)
{
    if (t == NULL || i < 0 || i >= PyTuple_GET_SIZE(t)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return Py_NewRef(PyTuple_GET_ITEM(t, i));
}

static PyObject *builtin_str, *builtin_repr, *builtin_ascii;

/* argval (new ref) and argrepr (new ref str) of one instruction. */
static int
describe(disctx *c, int offset, int op, int arg, PyObject **argval, PyObject **argrepr)
{
    int d = deopt(op);
    int fl = op_flags(d);
    PyCodeObject *co = c->co;

    *argval = NULL;
    *argrepr = NULL;
    if (arg == INT_MIN) {
        *argval = Py_NewRef(Py_None);
        *argrepr = Py_NewRef(_PyUnicode_GetEmpty());
        return 0;
    }
    if (fl & OPF_CONST) {
        if (co == NULL) {
            *argval = Py_NewRef(Py_None);   /* dis.UNKNOWN */
            *argrepr = Py_NewRef(_PyUnicode_GetEmpty());
            return 0;
        }
        *argval = tuple_item(co->co_consts, arg);
        if (*argval == NULL)
            return -1;
        *argrepr = PyObject_Repr(*argval);
        return *argrepr ? 0 : -1;
    }
    if (fl & OPF_NAME) {
        int idx = arg;
        const char *prefix = NULL;
        if (d == LOAD_GLOBAL) {
            idx = arg >> 1;
            if (arg & 1)
                prefix = "NULL + ";
        }
        else if (d == LOAD_ATTR) {
            idx = arg >> 1;
            if (arg & 1)
                prefix = "NULL|self + ";
        }
        else if (d == LOAD_SUPER_ATTR) {
            idx = arg >> 2;
            if (arg & 1)
                prefix = "NULL|self + ";
        }
        if (co == NULL) {
            *argval = Py_NewRef(Py_None);
            *argrepr = Py_NewRef(_PyUnicode_GetEmpty());
            return 0;
        }
        *argval = tuple_item(co->co_names, idx);
        if (*argval == NULL)
            return -1;
        if (prefix)
            *argrepr = PyUnicode_FromFormat("%s%U", prefix, *argval);
        else
            *argrepr = PyObject_Str(*argval);
        return *argrepr ? 0 : -1;
    }
    if (fl & OPF_JREL) {
        int t = jump_target(offset, op, arg);
        *argval = PyLong_FromLong(t);
        *argrepr = PyUnicode_FromFormat("to %d", t);
        return (*argval && *argrepr) ? 0 : -1;
    }
    if (fl & (OPF_LOCAL | OPF_FREE)) {
        if (co == NULL) {
            *argval = Py_NewRef(Py_None);
            *argrepr = Py_NewRef(_PyUnicode_GetEmpty());
            return 0;
        }
        *argval = tuple_item(co->co_localsplusnames, arg);
        if (*argval == NULL)
            return -1;
        *argrepr = PyObject_Str(*argval);
        return *argrepr ? 0 : -1;
    }
    if (fl & OPF_CMP) {
        int k = arg >> 4;
        if (k < 0 || k > 5) {
            PyErr_SetString(PyExc_IndexError, "tuple index out of range");
            return -1;
        }
        *argval = PyUnicode_FromString(cmp_op_names[k]);
        *argrepr = Py_XNewRef(*argval);
        return *argval ? 0 : -1;
    }
    if (d == FORMAT_VALUE) {
        static const char *const conv[4] = {"", "str", "repr", "ascii"};
        PyObject *fn;
        int k = arg & 3;
        fn = k == 0 ? Py_None : k == 1 ? builtin_str : k == 2 ? builtin_repr : builtin_ascii;
        if (fn == NULL)
            fn = Py_None;
        *argval = Py_BuildValue("(OO)", fn, (arg & 4) ? Py_True : Py_False);
        if (arg & 4)
            *argrepr = PyUnicode_FromFormat("%s%swith format", conv[k], k ? ", " : "");
        else
            *argrepr = PyUnicode_FromString(conv[k]);
        return (*argval && *argrepr) ? 0 : -1;
    }
    *argval = PyLong_FromLong(arg);
    if (*argval == NULL)
        return -1;
    if (d == MAKE_FUNCTION) {
        char buf[80];
        int i;
        buf[0] = 0;
        for (i = 0; i < 4; i++) {
            if (arg & (1 << i)) {
                if (buf[0])
                    strcat(buf, ", ");
                strcat(buf, make_function_flags[i]);
            }
        }
        *argrepr = PyUnicode_FromString(buf);
    }
    else if (d == BINARY_OP) {
        if (arg < 0 || arg > 25) {
            PyErr_SetString(PyExc_IndexError, "list index out of range");
            return -1;
        }
        *argrepr = PyUnicode_FromString(_PyOpcode_BinaryOpSymbol[arg]);
    }
    else if (d == CALL_INTRINSIC_1) {
        if (arg < 0 || arg >= (int)Py_ARRAY_LENGTH(intrinsic1_names)) {
            PyErr_SetString(PyExc_IndexError, "list index out of range");
            return -1;
        }
        *argrepr = PyUnicode_FromString(intrinsic1_names[arg]);
    }
    else if (d == CALL_INTRINSIC_2) {
        if (arg < 0 || arg >= (int)Py_ARRAY_LENGTH(intrinsic2_names)) {
            PyErr_SetString(PyExc_IndexError, "list index out of range");
            return -1;
        }
        *argrepr = PyUnicode_FromString(intrinsic2_names[arg]);
    }
    else
        *argrepr = Py_NewRef(_PyUnicode_GetEmpty());
    return *argrepr ? 0 : -1;
}

static void
opname_of(int op, char *buf, size_t size)
{
    if (op >= 0 && op <= MAX_PSEUDO_OPCODE && _PyOpcode_OpName[op] != NULL)
        snprintf(buf, size, "%s", _PyOpcode_OpName[op]);
    else
        snprintf(buf, size, "<%d>", op);
}

/* ------------------------------------------------------------------ */
/* formatting                                                          */
/* ------------------------------------------------------------------ */

static int
w_ascii(_PyUnicodeWriter *w, const char *s)
{
    return _PyUnicodeWriter_WriteASCIIString(w, s, (Py_ssize_t)strlen(s));
}

static int
w_spaces(_PyUnicodeWriter *w, int n)
{
    static const char sp[] = "                                        ";
    while (n > 0) {
        int k = n > 40 ? 40 : n;
        if (_PyUnicodeWriter_WriteASCIIString(w, sp, k) < 0)
            return -1;
        n -= k;
    }
    return 0;
}

/* One line of Instruction._disassemble (without the newline), with the
   trailing spaces stripped. */
static int
format_line(_PyUnicodeWriter *w, int lineno_width, int starts_line, int current,
            int is_label, int offset, int offset_width, const char *opname,
            int arg, PyObject *argrepr)
{
    char num[32];
    int n;
    Py_ssize_t start = w->pos;
    if (lineno_width) {
        if (starts_line != INT_MIN) {
            n = snprintf(num, sizeof(num), "%*d", lineno_width, starts_line);
            if (_PyUnicodeWriter_WriteASCIIString(w, num, n) < 0)
                return -1;
        }
        else if (w_spaces(w, lineno_width) < 0)
            return -1;
        if (w_ascii(w, " ") < 0)
            return -1;
    }
    if (w_ascii(w, current ? "--> " : "    ") < 0 || w_ascii(w, is_label ? ">> " : "   ") < 0)
        return -1;
    n = snprintf(num, sizeof(num), "%*d", offset_width, offset);
    if (_PyUnicodeWriter_WriteASCIIString(w, num, n) < 0 || w_ascii(w, " ") < 0)
        return -1;
    if (w_ascii(w, opname) < 0)
        return -1;
    if (arg != INT_MIN) {
        n = (int)strlen(opname);
        if (n < OPNAME_WIDTH && w_spaces(w, OPNAME_WIDTH - n) < 0)
            return -1;
        n = snprintf(num, sizeof(num), " %*d", OPARG_WIDTH, arg);
        if (_PyUnicodeWriter_WriteASCIIString(w, num, n) < 0)
            return -1;
        if (argrepr != NULL && PyUnicode_GET_LENGTH(argrepr) > 0) {
            if (w_ascii(w, " (") < 0 || _PyUnicodeWriter_WriteStr(w, argrepr) < 0 ||
                w_ascii(w, ")") < 0)
                return -1;
        }
    }
    /* rstrip: only spaces can trail (an argrepr never ends the line with
       one because it is followed by ')'), but the empty opname case can */
    while (w->pos > start && PyUnicode_READ(w->kind, w->data, w->pos - 1) == ' ')
        w->pos--;
    return w_ascii(w, "\n");
}

/* _disassemble_bytes for context c into the writer. */
static int
disassemble_ctx(disctx *c, _PyUnicodeWriter *w, int lasti)
{
    unpacker u = {0, 0, 0};
    int offset, op, arg;
    int lineno_width = 0, offset_width = 4;
    int show_lineno = c->has_lines;
    char name[64];
    Py_ssize_t k;

    if (show_lineno) {
        int maxlineno = c->maxline + c->line_offset;
        if (maxlineno >= 1000)
            lineno_width = snprintf(name, sizeof(name), "%d", maxlineno);
        else
            lineno_width = 3;
    }
    if (c->len - 2 >= 10000)
        offset_width = snprintf(name, sizeof(name), "%zd", c->len - 2);

    while (unpack_next(c, &u, &offset, &op, &arg)) {
        PyObject *argval, *argrepr;
        int starts_line = ctx_starts_line(c, offset);
        int d = deopt(op);
        int ncache = op_caches(d);
        int current;

        if (show_lineno && starts_line != INT_MIN && offset > 0) {
            if (w_ascii(w, "\n") < 0)
                return -1;
        }
        if (c->show_caches)
            current = offset == lasti;
        else
            current = offset <= lasti && lasti <= offset + 2 * ncache;
        if (describe(c, offset, op, arg, &argval, &argrepr) < 0) {
            Py_XDECREF(argval);
            Py_XDECREF(argrepr);
            return -1;
        }
        opname_of(op, name, sizeof(name));
        if (format_line(w, lineno_width, starts_line, current, c->labels[offset / 2], offset,
                        offset_width, name, arg, argrepr) < 0) {
            Py_DECREF(argval);
            Py_DECREF(argrepr);
            return -1;
        }
        Py_DECREF(argval);
        Py_DECREF(argrepr);
        if (ncache && c->show_caches) {
            const cache_field *cf = cache_format(d);
            int coff = offset;
            for (; cf && cf->name; cf++) {
                int i;
                for (i = 0; i < cf->size; i++) {
                    PyObject *rep;
                    coff += 2;
                    if (i == 0) {
                        unsigned long long v = 0;
                        int b;
                        for (b = 2 * cf->size - 1; b >= 0; b--) {
                            Py_ssize_t pos = coff + b;
                            v = (v << 8) | (pos < c->len ? c->code[pos] : 0);
                        }
                        rep = PyUnicode_FromFormat("%s: %llu", cf->name, v);
                    }
                    else
                        rep = Py_NewRef(_PyUnicode_GetEmpty());
                    if (rep == NULL)
                        return -1;
                    if (format_line(w, lineno_width, INT_MIN, coff == lasti, 0, coff,
                                    offset_width, "CACHE", 0, rep) < 0) {
                        Py_DECREF(rep);
                        return -1;
                    }
                    Py_DECREF(rep);
                }
            }
        }
    }
    if (c->nexc > 0) {
        if (w_ascii(w, "ExceptionTable:\n") < 0)
            return -1;
        for (k = 0; k < c->nexc; k++) {
            char buf[128];
            int n = snprintf(buf, sizeof(buf), "  %d to %d -> %d [%d]%s\n", c->exc[k].start,
                             c->exc[k].end - 2, c->exc[k].target, c->exc[k].depth,
                             c->exc[k].lasti ? " lasti" : "");
            if (_PyUnicodeWriter_WriteASCIIString(w, buf, n) < 0)
                return -1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* output                                                              */
/* ------------------------------------------------------------------ */

/* Write the writer's text to file (None/NULL = sys.stdout).  Consumes w. */
static int
emit(_PyUnicodeWriter *w, PyObject *file)
{
    PyObject *s = _PyUnicodeWriter_Finish(w);
    int r;
    if (s == NULL)
        return -1;
    if (PyUnicode_GET_LENGTH(s) == 0) {
        Py_DECREF(s);
        return 0;
    }
    if (file == NULL || file == Py_None) {
        file = PySys_GetObject("stdout");
        if (file == NULL || file == Py_None) {
            Py_DECREF(s);
            if (file == NULL) {
                PyErr_SetString(PyExc_RuntimeError, "lost sys.stdout");
                return -1;
            }
            return 0;
        }
    }
    Py_INCREF(file);
    r = _PyIO_WriteStrIfText(file, s);
    if (r == 0) {
        PyObject *res = PyObject_CallMethod(file, "write", "O", s);
        r = res ? 1 : -1;
        Py_XDECREF(res);
    }
    Py_DECREF(file);
    Py_DECREF(s);
    return r < 0 ? -1 : 0;
}

static int
emit_text(PyObject *file, PyObject *text)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    if (_PyUnicodeWriter_WriteStr(&w, text) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return -1;
    }
    return emit(&w, file);
}

static int
emit_cstr(PyObject *file, const char *s)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    if (w_ascii(&w, s) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return -1;
    }
    return emit(&w, file);
}

/* disassemble(co, lasti) */
static int
disassemble_code(PyCodeObject *co, int lasti, PyObject *file, int show_caches, int adaptive)
{
    disctx c;
    _PyUnicodeWriter w;
    if (ctx_init(&c, co, NULL, adaptive, show_caches, 0) < 0) {
        ctx_clear(&c);
        return -1;
    }
    _PyUnicodeWriter_Init(&w);
    if (disassemble_ctx(&c, &w, lasti) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        ctx_clear(&c);
        return -1;
    }
    ctx_clear(&c);
    return emit(&w, file);
}

static int
disassemble_recursive(PyCodeObject *co, PyObject *file, int depth, int show_caches,
                      int adaptive)
{
    Py_ssize_t i;
    if (disassemble_code(co, -1, file, show_caches, adaptive) < 0)
        return -1;
    if (depth < 0 || depth > 0) {
        if (depth > 0)
            depth--;
        for (i = 0; i < PyTuple_GET_SIZE(co->co_consts); i++) {
            PyObject *x = PyTuple_GET_ITEM(co->co_consts, i);
            PyObject *hdr;
            int r;
            if (!PyCode_Check(x))
                continue;
            hdr = PyUnicode_FromFormat("\nDisassembly of %R:\n", x);
            if (hdr == NULL)
                return -1;
            Py_INCREF(x);
            r = emit_text(file, hdr);
            Py_DECREF(hdr);
            if (r == 0)
                r = disassemble_recursive((PyCodeObject *)x, file, depth, show_caches, adaptive);
            Py_DECREF(x);
            if (r < 0)
                return -1;
        }
    }
    return 0;
}

static int
disassemble_raw(PyObject *raw, PyObject *file, int show_caches)
{
    disctx c;
    _PyUnicodeWriter w;
    if (ctx_init(&c, NULL, raw, 0, show_caches, 0) < 0) {
        ctx_clear(&c);
        return -1;
    }
    _PyUnicodeWriter_Init(&w);
    if (disassemble_ctx(&c, &w, -1) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        ctx_clear(&c);
        return -1;
    }
    ctx_clear(&c);
    return emit(&w, file);
}

/* ------------------------------------------------------------------ */
/* getting at code objects                                             */
/* ------------------------------------------------------------------ */

/* Compile source text (str), trying 'eval' first then 'exec'.  New ref. */
static PyObject *
try_compile(PyObject *source, const char *name)
{
    const char *s = PyUnicode_AsUTF8(source);
    PyObject *fn, *co;
    if (s == NULL)
        return NULL;
    fn = PyUnicode_FromString(name);
    if (fn == NULL)
        return NULL;
    co = Py_CompileStringObject(s, fn, Py_eval_input, NULL, -1);
    if (co == NULL && PyErr_ExceptionMatches(PyExc_SyntaxError)) {
        PyErr_Clear();
        co = Py_CompileStringObject(s, fn, Py_file_input, NULL, -1);
    }
    Py_DECREF(fn);
    return co;
}

/* Follow __func__, then __code__ / gi_code / ag_code / cr_code.  New ref. */
static PyObject *
unwrap_code_holder(PyObject *x)
{
    PyObject *v;
    static const char *const attrs[] = {"__code__", "gi_code", "ag_code", "cr_code"};
    int i;
    Py_INCREF(x);
    if (_PyObject_LookupAttr(x, _Py_ID(__func__), &v) < 0)
        goto error;
    if (v != NULL)
        Py_SETREF(x, v);
    for (i = 0; i < 4; i++) {
        PyObject *name = PyUnicode_InternFromString(attrs[i]);
        int r;
        if (name == NULL)
            goto error;
        r = _PyObject_LookupAttr(x, name, &v);
        Py_DECREF(name);
        if (r < 0)
            goto error;
        if (v != NULL) {
            Py_SETREF(x, v);
            break;
        }
    }
    return x;
error:
    Py_DECREF(x);
    return NULL;
}

/* _get_code_object: new reference to a code object, or TypeError. */
static PyObject *
get_code_object(PyObject *x)
{
    x = unwrap_code_holder(x);
    if (x == NULL)
        return NULL;
    if (PyUnicode_Check(x))
        Py_SETREF(x, try_compile(x, "<disassembly>"));
    if (x == NULL)
        return NULL;
    if (PyCode_Check(x))
        return x;
    {
        PyObject *co;
        int r = _PyObject_LookupAttr(x, _Py_ID(co_code), &co);
        if (r < 0) {
            Py_DECREF(x);
            return NULL;
        }
        if (co != NULL) {
            Py_DECREF(co);
            return x;
        }
    }
    PyErr_Format(PyExc_TypeError, "don't know how to disassemble %s objects",
                 _PyType_Name(Py_TYPE(x)));
    Py_DECREF(x);
    return NULL;
}

static int
is_code_holder(PyObject *x1)
{
    return PyObject_TypeCheck(x1, &PyMethod_Type) || PyObject_TypeCheck(x1, &PyFunction_Type) ||
           PyCode_Check(x1) || PyObject_TypeCheck(x1, &PyClassMethod_Type) ||
           PyObject_TypeCheck(x1, &PyStaticMethod_Type) || PyType_Check(x1);
}

static int distb_impl(PyObject *tb, PyObject *file, int show_caches, int adaptive);

/* dis(x) */
static int
dis_impl(PyObject *x, PyObject *file, int depth, int show_caches, int adaptive)
{
    PyObject *d;
    int r;

    if (x == NULL || x == Py_None)
        return distb_impl(NULL, file, show_caches, adaptive);
    x = unwrap_code_holder(x);
    if (x == NULL)
        return -1;
    if (PyCode_Check(x)) {
        r = disassemble_recursive((PyCodeObject *)x, file, depth, show_caches, adaptive);
        Py_DECREF(x);
        return r;
    }
    if (_PyObject_LookupAttr(x, _Py_ID(__dict__), &d) < 0) {
        Py_DECREF(x);
        return -1;
    }
    if (d != NULL) {
        /* class or module: every code-like member, sorted by name */
        PyObject *items = PyMapping_Items(d);
        Py_ssize_t i, n;
        Py_DECREF(d);
        if (items == NULL || PyList_Sort(items) < 0) {
            Py_XDECREF(items);
            Py_DECREF(x);
            return -1;
        }
        n = PyList_GET_SIZE(items);
        for (i = 0; i < n; i++) {
            PyObject *pair = PyList_GET_ITEM(items, i);
            PyObject *name, *x1, *hdr;
            if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2)
                continue;
            name = PyTuple_GET_ITEM(pair, 0);
            x1 = PyTuple_GET_ITEM(pair, 1);
            if (!is_code_holder(x1))
                continue;
            hdr = PyUnicode_FromFormat("Disassembly of %S:\n", name);
            if (hdr == NULL)
                goto class_error;
            r = emit_text(file, hdr);
            Py_DECREF(hdr);
            if (r < 0)
                goto class_error;
            if (dis_impl(x1, file, depth, show_caches, adaptive) < 0) {
                PyObject *exc;
                if (!PyErr_ExceptionMatches(PyExc_TypeError))
                    goto class_error;
                exc = PyErr_GetRaisedException();
                hdr = PyUnicode_FromFormat("Sorry: %S\n", exc);
                Py_DECREF(exc);
                if (hdr == NULL)
                    goto class_error;
                r = emit_text(file, hdr);
                Py_DECREF(hdr);
                if (r < 0)
                    goto class_error;
            }
            if (emit_cstr(file, "\n") < 0)
                goto class_error;
        }
        Py_DECREF(items);
        Py_DECREF(x);
        return 0;
class_error:
        Py_DECREF(items);
        Py_DECREF(x);
        return -1;
    }
    {
        PyObject *co;
        if (_PyObject_LookupAttr(x, _Py_ID(co_code), &co) < 0) {
            Py_DECREF(x);
            return -1;
        }
        if (co != NULL) {
            Py_DECREF(co);
            PyErr_Format(PyExc_TypeError, "don't know how to disassemble %s objects",
                         _PyType_Name(Py_TYPE(x)));
            Py_DECREF(x);
            return -1;
        }
    }
    if (PyBytes_Check(x) || PyByteArray_Check(x)) {
        r = disassemble_raw(x, file, show_caches);
        Py_DECREF(x);
        return r;
    }
    if (PyUnicode_Check(x)) {
        PyObject *co = try_compile(x, "<dis>");
        Py_DECREF(x);
        if (co == NULL)
            return -1;
        r = disassemble_recursive((PyCodeObject *)co, file, depth, show_caches, adaptive);
        Py_DECREF(co);
        return r;
    }
    PyErr_Format(PyExc_TypeError, "don't know how to disassemble %s objects",
                 _PyType_Name(Py_TYPE(x)));
    Py_DECREF(x);
    return -1;
}

/* The innermost traceback entry's code and lasti. */
static int
distb_impl(PyObject *tb, PyObject *file, int show_caches, int adaptive)
{
    PyObject *frame = NULL, *code = NULL, *lasti_obj = NULL, *next;
    int lasti, r = -1;

    if (tb == NULL || tb == Py_None) {
        PyObject *last = PySys_GetObject("last_exc");
        if (last != NULL)
            tb = PyObject_GetAttrString(last, "__traceback__");
        else {
            tb = PySys_GetObject("last_traceback");
            Py_XINCREF(tb);
        }
        if (tb == NULL || tb == Py_None) {
            Py_XDECREF(tb);
            PyErr_Clear();
            PyErr_SetString(PyExc_RuntimeError, "no last traceback to disassemble");
            return -1;
        }
    }
    else
        Py_INCREF(tb);
    for (;;) {
        next = PyObject_GetAttrString(tb, "tb_next");
        if (next == NULL)
            goto done;
        if (next == Py_None) {
            Py_DECREF(next);
            break;
        }
        Py_SETREF(tb, next);
    }
    frame = PyObject_GetAttrString(tb, "tb_frame");
    if (frame == NULL)
        goto done;
    code = PyObject_GetAttrString(frame, "f_code");
    if (code == NULL)
        goto done;
    lasti_obj = PyObject_GetAttrString(tb, "tb_lasti");
    if (lasti_obj == NULL)
        goto done;
    lasti = (int)PyLong_AsLong(lasti_obj);
    if (lasti == -1 && PyErr_Occurred())
        goto done;
    if (!PyCode_Check(code)) {
        PyErr_SetString(PyExc_TypeError, "traceback frame has no code object");
        goto done;
    }
    r = disassemble_code((PyCodeObject *)code, lasti, file, show_caches, adaptive);
done:
    Py_XDECREF(frame);
    Py_XDECREF(code);
    Py_XDECREF(lasti_obj);
    Py_DECREF(tb);
    return r;
}

/* ------------------------------------------------------------------ */
/* Instruction objects                                                 */
/* ------------------------------------------------------------------ */

static PyObject *
int_or_none(int v)
{
    if (v < 0)
        return Py_NewRef(Py_None);
    return PyLong_FromLong(v);
}

static PyObject *
make_positions(PyCodeObject *co, int offset)
{
    PyObject *items[4];
    int sl = -1, sc = -1, el = -1, ec = -1;
    if (co != NULL && !PyCode_Addr2Location(co, offset, &sl, &sc, &el, &ec)) {
        sl = sc = el = ec = -1;
    }
    items[0] = int_or_none(sl);
    items[1] = int_or_none(el);
    items[2] = int_or_none(sc);
    items[3] = int_or_none(ec);
    return ntuple_make(&PositionsType, items, 4);
}

static PyObject *
make_instruction(const char *opname, int op, int arg, PyObject *argval, PyObject *argrepr,
                 int offset, int starts_line, int is_label, PyObject *positions)
{
    PyObject *items[9];
    items[0] = PyUnicode_FromString(opname);
    items[1] = PyLong_FromLong(op);
    items[2] = arg == INT_MIN ? Py_NewRef(Py_None) : PyLong_FromLong(arg);
    items[3] = argval;
    items[4] = argrepr;
    items[5] = PyLong_FromLong(offset);
    items[6] = starts_line == INT_MIN ? Py_NewRef(Py_None) : PyLong_FromLong(starts_line);
    items[7] = PyBool_FromLong(is_label);
    items[8] = positions;
    return ntuple_make(&InstructionType, items, 9);
}

/* _get_instructions_bytes as a list. */
static PyObject *
instructions_list(disctx *c)
{
    unpacker u = {0, 0, 0};
    int offset, op, arg;
    char name[64];
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    while (unpack_next(c, &u, &offset, &op, &arg)) {
        PyObject *argval, *argrepr, *ins;
        int d = deopt(op);
        if (describe(c, offset, op, arg, &argval, &argrepr) < 0) {
            Py_XDECREF(argval);
            Py_XDECREF(argrepr);
            goto error;
        }
        if (arg == INT_MIN) {
            /* CPython: argval None, argrepr '' */
        }
        opname_of(op, name, sizeof(name));
        ins = make_instruction(name, op, arg, argval, argrepr, offset, ctx_starts_line(c, offset),
                               c->labels[offset / 2], make_positions(c->co, offset));
        if (ins == NULL || PyList_Append(list, ins) < 0) {
            Py_XDECREF(ins);
            goto error;
        }
        Py_DECREF(ins);
        if (c->show_caches && op_caches(d)) {
            const cache_field *cf = cache_format(d);
            int coff = offset;
            for (; cf && cf->name; cf++) {
                int i;
                for (i = 0; i < cf->size; i++) {
                    PyObject *rep;
                    coff += 2;
                    if (i == 0) {
                        unsigned long long v = 0;
                        int b;
                        for (b = 2 * cf->size - 1; b >= 0; b--) {
                            Py_ssize_t pos = coff + b;
                            v = (v << 8) | (pos < c->len ? c->code[pos] : 0);
                        }
                        rep = PyUnicode_FromFormat("%s: %llu", cf->name, v);
                    }
                    else
                        rep = Py_NewRef(_PyUnicode_GetEmpty());
                    ins = make_instruction("CACHE", CACHE, 0, Py_NewRef(Py_None), rep, coff,
                                           INT_MIN, 0, make_positions(c->co, coff));
                    if (ins == NULL || PyList_Append(list, ins) < 0) {
                        Py_XDECREF(ins);
                        goto error;
                    }
                    Py_DECREF(ins);
                }
            }
        }
    }
    return list;
error:
    Py_DECREF(list);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* argument helpers                                                    */
/* ------------------------------------------------------------------ */

static int
bool_arg(PyObject *o, int *out)
{
    int r;
    if (o == NULL)
        return 0;
    r = PyObject_IsTrue(o);
    if (r < 0)
        return -1;
    *out = r;
    return 0;
}

/* depth: None -> -1 (all levels), else the int */
static int
depth_arg(PyObject *o, int *out)
{
    long v;
    *out = -1;
    if (o == NULL || o == Py_None)
        return 0;
    v = PyLong_AsLong(o);
    if (v == -1 && PyErr_Occurred())
        return -1;
    *out = v < 0 ? 0 : (int)Py_MIN(v, INT_MAX);
    return 0;
}

/* ------------------------------------------------------------------ */
/* module functions                                                    */
/* ------------------------------------------------------------------ */

static PyObject *
dis_dis(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"x", "file", "depth", "show_caches", "adaptive", NULL};
    PyObject *argv[5];
    int depth, show_caches = 0, adaptive = 0;
    if (!_PyArg_ParseFast("dis", args, nargs, kwnames, kwlist, 0, 0, 1, 0, argv))
        return NULL;
    if (depth_arg(argv[2], &depth) < 0 || bool_arg(argv[3], &show_caches) < 0 ||
        bool_arg(argv[4], &adaptive) < 0)
        return NULL;
    if (dis_impl(argv[0], argv[1], depth, show_caches, adaptive) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
dis_disassemble(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"co", "lasti", "file", "show_caches", "adaptive", NULL};
    PyObject *argv[5];
    int lasti = -1, show_caches = 0, adaptive = 0;
    if (!_PyArg_ParseFast("disassemble", args, nargs, kwnames, kwlist, 0, 1, 2, 0, argv))
        return NULL;
    if (argv[1] != NULL) {
        lasti = (int)PyLong_AsLong(argv[1]);
        if (lasti == -1 && PyErr_Occurred())
            return NULL;
    }
    if (bool_arg(argv[3], &show_caches) < 0 || bool_arg(argv[4], &adaptive) < 0)
        return NULL;
    if (!PyCode_Check(argv[0])) {
        PyErr_Format(PyExc_AttributeError, "'%.50s' object has no attribute 'co_code'",
                     Py_TYPE(argv[0])->tp_name);
        return NULL;
    }
    if (disassemble_code((PyCodeObject *)argv[0], lasti, argv[2], show_caches, adaptive) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
dis_distb(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"tb", "file", "show_caches", "adaptive", NULL};
    PyObject *argv[4];
    int show_caches = 0, adaptive = 0;
    if (!_PyArg_ParseFast("distb", args, nargs, kwnames, kwlist, 0, 0, 1, 0, argv))
        return NULL;
    if (bool_arg(argv[2], &show_caches) < 0 || bool_arg(argv[3], &adaptive) < 0)
        return NULL;
    if (distb_impl(argv[0], argv[1], show_caches, adaptive) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* stack_effect(opcode, oparg=None, /, *, jump=None) */
static PyObject *
dis_stack_effect(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"", "", "jump", NULL};
    PyObject *argv[3];
    long opcode;
    int oparg = 0, effect;
    if (!_PyArg_ParseFast("stack_effect", args, nargs, kwnames, kwlist, 2, 1, 2, 0, argv))
        return NULL;
    opcode = PyLong_AsLong(argv[0]);
    if (opcode == -1 && PyErr_Occurred())
        return NULL;
    if ((opcode >= HAVE_ARGUMENT && (opcode < MIN_PSEUDO_OPCODE || opcode > MAX_PSEUDO_OPCODE)) ||
        (opcode >= MIN_PSEUDO_OPCODE && op_has_arg((int)opcode))) {
        if (argv[1] == NULL || argv[1] == Py_None) {
            PyErr_SetString(PyExc_ValueError,
                            "stack_effect: opcode requires oparg but oparg was not specified");
            return NULL;
        }
    }
    else if (argv[1] != NULL && argv[1] != Py_None) {
        PyErr_SetString(PyExc_ValueError,
                        "stack_effect: opcode does not permit oparg but oparg was specified");
        return NULL;
    }
    if (argv[1] != NULL && argv[1] != Py_None) {
        long v = PyLong_AsLong(argv[1]);
        if (v == -1 && PyErr_Occurred())
            return NULL;
        oparg = (int)v;
    }
    if (opcode < 0 || opcode > MAX_PSEUDO_OPCODE || !is_base_op((int)opcode)) {
        PyErr_SetString(PyExc_ValueError, "invalid opcode or oparg");
        return NULL;
    }
    if (opcode == RESERVED)
        effect = 0;
    else if (argv[2] == NULL || argv[2] == Py_None) {
        int a = _RpCompile_StackEffect((int)opcode, oparg, 0);
        int b = _RpCompile_StackEffect((int)opcode, oparg, 1);
        effect = (a == INT_MAX || b == INT_MAX) ? INT_MAX : Py_MAX(a, b);
    }
    else if (argv[2] == Py_True || argv[2] == Py_False)
        effect = _RpCompile_StackEffect((int)opcode, oparg, argv[2] == Py_True);
    else {
        PyErr_SetString(PyExc_ValueError, "stack_effect: jump must be False, True or None");
        return NULL;
    }
    if (effect == INT_MAX) {
        PyErr_SetString(PyExc_ValueError, "invalid opcode or oparg");
        return NULL;
    }
    return PyLong_FromLong(effect);
}

static const char *const compiler_flag_names[10] = {
    "OPTIMIZED", "NEWLOCALS", "VARARGS", "VARKEYWORDS", "NESTED", "GENERATOR", "NOFREE",
    "COROUTINE", "ITERABLE_COROUTINE", "ASYNC_GENERATOR"};

static PyObject *
pretty_flags(long flags)
{
    _PyUnicodeWriter w;
    int i, first = 1;
    _PyUnicodeWriter_Init(&w);
    for (i = 0; i < 32; i++) {
        unsigned long flag = 1UL << i;
        char buf[32];
        if (!(flags & (long)flag))
            continue;
        if (!first && w_ascii(&w, ", ") < 0)
            goto error;
        first = 0;
        if (i < 10) {
            if (w_ascii(&w, compiler_flag_names[i]) < 0)
                goto error;
        }
        else {
            snprintf(buf, sizeof(buf), "0x%lx", flag);
            if (w_ascii(&w, buf) < 0)
                goto error;
        }
        flags ^= (long)flag;
        if (!flags)
            return _PyUnicodeWriter_Finish(&w);
    }
    {
        char buf[32];
        if (!first && w_ascii(&w, ", ") < 0)
            goto error;
        snprintf(buf, sizeof(buf), "0x%lx", (unsigned long)flags);
        if (w_ascii(&w, buf) < 0)
            goto error;
    }
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *
dis_pretty_flags(PyObject *m, PyObject *arg)
{
    long flags = PyLong_AsLong(arg);
    if (flags == -1 && PyErr_Occurred())
        return NULL;
    return pretty_flags(flags);
}

static int
info_list(_PyUnicodeWriter *w, const char *title, PyObject *seq, int use_repr)
{
    Py_ssize_t i, n;
    if (seq == NULL || !PyTuple_Check(seq) || PyTuple_GET_SIZE(seq) == 0)
        return 0;
    if (w_ascii(w, "\n") < 0 || w_ascii(w, title) < 0)
        return -1;
    n = PyTuple_GET_SIZE(seq);
    for (i = 0; i < n; i++) {
        PyObject *r = use_repr ? PyObject_Repr(PyTuple_GET_ITEM(seq, i))
                               : PyObject_Str(PyTuple_GET_ITEM(seq, i));
        char buf[32];
        int k;
        if (r == NULL)
            return -1;
        k = snprintf(buf, sizeof(buf), "\n%4zd: ", i);
        if (_PyUnicodeWriter_WriteASCIIString(w, buf, k) < 0 || _PyUnicodeWriter_WriteStr(w, r) < 0) {
            Py_DECREF(r);
            return -1;
        }
        Py_DECREF(r);
    }
    return 0;
}

static PyObject *
format_code_info(PyCodeObject *co)
{
    _PyUnicodeWriter w;
    PyObject *s, *v;
    char buf[512];
    int n;

    _PyUnicodeWriter_Init(&w);
    s = PyUnicode_FromFormat("Name:              %S\nFilename:          %S\n", co->co_name,
                             co->co_filename);
    if (s == NULL || _PyUnicodeWriter_WriteStr(&w, s) < 0) {
        Py_XDECREF(s);
        goto error;
    }
    Py_DECREF(s);
    n = snprintf(buf, sizeof(buf),
                 "Argument count:    %d\nPositional-only arguments: %d\n"
                 "Kw-only arguments: %d\nNumber of locals:  %d\nStack size:        %d\n"
                 "Flags:             ",
                 co->co_argcount, co->co_posonlyargcount, co->co_kwonlyargcount, co->co_nlocals,
                 co->co_stacksize);
    if (_PyUnicodeWriter_WriteASCIIString(&w, buf, n) < 0)
        goto error;
    s = pretty_flags(co->co_flags & ~CO_HAS_DOCSTRING);
    if (s == NULL || _PyUnicodeWriter_WriteStr(&w, s) < 0) {
        Py_XDECREF(s);
        goto error;
    }
    Py_DECREF(s);
    if (info_list(&w, "Constants:", co->co_consts, 1) < 0 ||
        info_list(&w, "Names:", co->co_names, 0) < 0)
        goto error;
    v = _PyCode_GetVarnames(co);
    if (v == NULL || info_list(&w, "Variable names:", v, 0) < 0) {
        Py_XDECREF(v);
        goto error;
    }
    Py_DECREF(v);
    v = _PyCode_GetFreevars(co);
    if (v == NULL || info_list(&w, "Free variables:", v, 0) < 0) {
        Py_XDECREF(v);
        goto error;
    }
    Py_DECREF(v);
    v = _PyCode_GetCellvars(co);
    if (v == NULL || info_list(&w, "Cell variables:", v, 0) < 0) {
        Py_XDECREF(v);
        goto error;
    }
    Py_DECREF(v);
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *
dis_code_info(PyObject *m, PyObject *x)
{
    PyObject *co = get_code_object(x), *r;
    if (co == NULL)
        return NULL;
    if (!PyCode_Check(co)) {
        Py_DECREF(co);
        PyErr_SetString(PyExc_TypeError, "code_info() needs a code object");
        return NULL;
    }
    r = format_code_info((PyCodeObject *)co);
    Py_DECREF(co);
    return r;
}

static PyObject *
dis_show_code(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"co", "file", NULL};
    PyObject *argv[2], *info, *line;
    int r;
    if (!_PyArg_ParseFast("show_code", args, nargs, kwnames, kwlist, 0, 1, 1, 0, argv))
        return NULL;
    info = dis_code_info(m, argv[0]);
    if (info == NULL)
        return NULL;
    line = PyUnicode_FromFormat("%U\n", info);
    Py_DECREF(info);
    if (line == NULL)
        return NULL;
    r = emit_text(argv[1], line);
    Py_DECREF(line);
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
dis_get_instructions(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"x", "first_line", "show_caches", "adaptive", NULL};
    PyObject *argv[4], *co, *list, *it;
    int show_caches = 0, adaptive = 0, line_offset = 0;
    disctx c;
    if (!_PyArg_ParseFast("get_instructions", args, nargs, kwnames, kwlist, 0, 1, 1, 0, argv))
        return NULL;
    if (bool_arg(argv[2], &show_caches) < 0 || bool_arg(argv[3], &adaptive) < 0)
        return NULL;
    co = get_code_object(argv[0]);
    if (co == NULL)
        return NULL;
    if (!PyCode_Check(co)) {
        Py_DECREF(co);
        PyErr_SetString(PyExc_TypeError, "get_instructions() needs a code object");
        return NULL;
    }
    if (argv[1] != NULL && argv[1] != Py_None) {
        long fl = PyLong_AsLong(argv[1]);
        if (fl == -1 && PyErr_Occurred()) {
            Py_DECREF(co);
            return NULL;
        }
        line_offset = (int)fl - ((PyCodeObject *)co)->co_firstlineno;
    }
    if (ctx_init(&c, (PyCodeObject *)co, NULL, adaptive, show_caches, line_offset) < 0) {
        ctx_clear(&c);
        Py_DECREF(co);
        return NULL;
    }
    /* get_instructions does not mark exception handlers as labels */
    {
        unpacker u = {0, 0, 0};
        int offset, op, arg;
        memset(c.labels, 0, (size_t)((c.len + 1) / 2 + 1));
        while (unpack_next(&c, &u, &offset, &op, &arg)) {
            int t = jump_target(offset, op, arg);
            if (t >= 0 && t / 2 <= (c.len + 1) / 2)
                c.labels[t / 2] = 1;
        }
    }
    list = instructions_list(&c);
    ctx_clear(&c);
    Py_DECREF(co);
    if (list == NULL)
        return NULL;
    it = PyObject_GetIter(list);
    Py_DECREF(list);
    return it;
}

static PyObject *
dis_findlinestarts(PyObject *m, PyObject *code)
{
    PyCodeAddressRange r;
    PyObject *list;
    int lastline = INT_MIN;
    if (!PyCode_Check(code)) {
        PyErr_Format(PyExc_AttributeError, "'%.50s' object has no attribute 'co_lines'",
                     Py_TYPE(code)->tp_name);
        return NULL;
    }
    list = PyList_New(0);
    if (list == NULL)
        return NULL;
    _PyCode_InitAddressRange((PyCodeObject *)code, &r);
    while (_PyLineTable_NextAddressRange(&r)) {
        if (r.ar_line >= 0 && r.ar_line != lastline) {
            PyObject *t = Py_BuildValue("(ii)", r.ar_start, r.ar_line);
            lastline = r.ar_line;
            if (t == NULL || PyList_Append(list, t) < 0) {
                Py_XDECREF(t);
                Py_DECREF(list);
                return NULL;
            }
            Py_DECREF(t);
        }
    }
    {
        PyObject *it = PyObject_GetIter(list);
        Py_DECREF(list);
        return it;
    }
}

static PyObject *
dis_findlabels(PyObject *m, PyObject *code)
{
    disctx c;
    unpacker u = {0, 0, 0};
    int offset, op, arg;
    PyObject *list;
    if (!PyBytes_Check(code) && !PyByteArray_Check(code)) {
        PyErr_Format(PyExc_TypeError, "findlabels() argument must be bytes, not %.50s",
                     Py_TYPE(code)->tp_name);
        return NULL;
    }
    memset(&c, 0, sizeof(c));
    c.code = (const uint8_t *)(PyBytes_Check(code) ? PyBytes_AS_STRING(code)
                                                   : PyByteArray_AS_STRING(code));
    c.len = Py_SIZE(code);
    list = PyList_New(0);
    if (list == NULL)
        return NULL;
    while (unpack_next(&c, &u, &offset, &op, &arg)) {
        int t = jump_target(offset, op, arg);
        PyObject *v;
        int r;
        if (t < 0)
            continue;
        v = PyLong_FromLong(t);
        if (v == NULL)
            goto error;
        r = PySequence_Contains(list, v);
        if (r == 0)
            r = PyList_Append(list, v);
        Py_DECREF(v);
        if (r < 0)
            goto error;
    }
    return list;
error:
    Py_DECREF(list);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Bytecode                                                            */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *codeobj;
    PyObject *first_line;
    PyObject *current_offset;
    PyObject *original;
    PyObject *exception_entries;
    int line_offset;
    int show_caches;
    int adaptive;
} bytecodeobject;

static PyTypeObject BytecodeType;

static PyObject *
exception_entries_list(PyCodeObject *co)
{
    exc_entry *e;
    Py_ssize_t n, i;
    PyObject *list;
    if (parse_exception_table(co, &e, &n) < 0)
        return NULL;
    list = PyList_New(0);
    if (list == NULL)
        goto done;
    for (i = 0; i < n; i++) {
        PyObject *items[5], *t;
        items[0] = PyLong_FromLong(e[i].start);
        items[1] = PyLong_FromLong(e[i].end);
        items[2] = PyLong_FromLong(e[i].target);
        items[3] = PyLong_FromLong(e[i].depth);
        items[4] = PyBool_FromLong(e[i].lasti);
        t = ntuple_make(&ExcEntryType, items, 5);
        if (t == NULL || PyList_Append(list, t) < 0) {
            Py_XDECREF(t);
            Py_CLEAR(list);
            goto done;
        }
        Py_DECREF(t);
    }
done:
    PyMem_Free(e);
    return list;
}

static PyObject *
bytecode_make(PyTypeObject *type, PyObject *x, PyObject *first_line, PyObject *current_offset,
              int show_caches, int adaptive)
{
    bytecodeobject *b;
    PyObject *co = get_code_object(x);
    if (co == NULL)
        return NULL;
    if (!PyCode_Check(co)) {
        Py_DECREF(co);
        PyErr_SetString(PyExc_TypeError, "Bytecode() needs a code object");
        return NULL;
    }
    b = (bytecodeobject *)type->tp_alloc(type, 0);
    if (b == NULL) {
        Py_DECREF(co);
        return NULL;
    }
    b->codeobj = co;
    if (first_line == NULL || first_line == Py_None) {
        b->first_line = PyLong_FromLong(((PyCodeObject *)co)->co_firstlineno);
        b->line_offset = 0;
    }
    else {
        long fl = PyLong_AsLong(first_line);
        if (fl == -1 && PyErr_Occurred()) {
            Py_DECREF(b);
            return NULL;
        }
        b->first_line = Py_NewRef(first_line);
        b->line_offset = (int)fl - ((PyCodeObject *)co)->co_firstlineno;
    }
    b->current_offset = Py_NewRef(current_offset ? current_offset : Py_None);
    b->original = Py_NewRef(x);
    b->exception_entries = exception_entries_list((PyCodeObject *)co);
    b->show_caches = show_caches;
    b->adaptive = adaptive;
    if (b->first_line == NULL || b->exception_entries == NULL) {
        Py_DECREF(b);
        return NULL;
    }
    return (PyObject *)b;
}

/* Bytecode(x, *, first_line=None, current_offset=None, show_caches=False,
   adaptive=False), with the error messages of the Python class's __init__ */
static PyObject *
bytecode_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const names[] = {"first_line", "current_offset", "show_caches",
                                        "adaptive"};
    PyObject *vals[4] = {NULL, NULL, NULL, NULL};
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    PyObject *x = NULL;
    int show_caches = 0, adaptive = 0;

    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError,
                     "Bytecode.__init__() takes 2 positional arguments but %zd were given",
                     nargs + 1);
        return NULL;
    }
    if (nargs == 1)
        x = PyTuple_GET_ITEM(args, 0);
    if (kwds != NULL) {
        PyObject *key, *value;
        Py_ssize_t pos = 0;
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            int i, found = 0;
            if (PyUnicode_Check(key) && _PyUnicode_EqualToASCIIString(key, "x")) {
                if (x != NULL) {
                    PyErr_SetString(PyExc_TypeError,
                                    "Bytecode.__init__() got multiple values for argument 'x'");
                    return NULL;
                }
                x = value;
                continue;
            }
            for (i = 0; i < 4; i++) {
                if (PyUnicode_Check(key) && _PyUnicode_EqualToASCIIString(key, names[i])) {
                    vals[i] = value;
                    found = 1;
                }
            }
            if (!found) {
                PyErr_Format(PyExc_TypeError,
                             "Bytecode.__init__() got an unexpected keyword argument '%S'", key);
                return NULL;
            }
        }
    }
    if (x == NULL) {
        PyErr_SetString(PyExc_TypeError,
                        "Bytecode.__init__() missing 1 required positional argument: 'x'");
        return NULL;
    }
    if (bool_arg(vals[2], &show_caches) < 0 || bool_arg(vals[3], &adaptive) < 0)
        return NULL;
    return bytecode_make(type, x, vals[0], vals[1], show_caches, adaptive);
}

static void
bytecode_dealloc(bytecodeobject *b)
{
    PyObject_GC_UnTrack(b);
    Py_XDECREF(b->codeobj);
    Py_XDECREF(b->first_line);
    Py_XDECREF(b->current_offset);
    Py_XDECREF(b->original);
    Py_XDECREF(b->exception_entries);
    Py_TYPE(b)->tp_free((PyObject *)b);
}

static int
bytecode_traverse(bytecodeobject *b, visitproc visit, void *arg)
{
    Py_VISIT(b->codeobj);
    Py_VISIT(b->original);
    Py_VISIT(b->current_offset);
    Py_VISIT(b->exception_entries);
    return 0;
}

static PyObject *
bytecode_iter(bytecodeobject *b)
{
    disctx c;
    PyObject *list, *it;
    if (ctx_init(&c, (PyCodeObject *)b->codeobj, NULL, b->adaptive, b->show_caches,
                 b->line_offset) < 0) {
        ctx_clear(&c);
        return NULL;
    }
    list = instructions_list(&c);
    ctx_clear(&c);
    if (list == NULL)
        return NULL;
    it = PyObject_GetIter(list);
    Py_DECREF(list);
    return it;
}

static PyObject *
bytecode_repr(bytecodeobject *b)
{
    return PyUnicode_FromFormat("%s(%R)", _PyType_Name(Py_TYPE(b)), b->original);
}

static PyObject *
bytecode_info(bytecodeobject *b, PyObject *Py_UNUSED(ignored))
{
    return format_code_info((PyCodeObject *)b->codeobj);
}

static PyObject *
bytecode_dis(bytecodeobject *b, PyObject *Py_UNUSED(ignored))
{
    disctx c;
    _PyUnicodeWriter w;
    int lasti = -1;
    if (b->current_offset != Py_None) {
        lasti = (int)PyLong_AsLong(b->current_offset);
        if (lasti == -1 && PyErr_Occurred())
            return NULL;
    }
    if (ctx_init(&c, (PyCodeObject *)b->codeobj, NULL, b->adaptive, b->show_caches,
                 b->line_offset) < 0) {
        ctx_clear(&c);
        return NULL;
    }
    _PyUnicodeWriter_Init(&w);
    if (disassemble_ctx(&c, &w, lasti) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        ctx_clear(&c);
        return NULL;
    }
    ctx_clear(&c);
    return _PyUnicodeWriter_Finish(&w);
}

static PyObject *
bytecode_from_traceback(PyObject *cls, PyObject *const *args, Py_ssize_t nargs,
                        PyObject *kwnames)
{
    static const char *const kwlist[] = {"tb", "show_caches", "adaptive", NULL};
    PyObject *argv[3], *tb, *next, *frame = NULL, *code = NULL, *lasti = NULL, *r = NULL;
    int show_caches = 0, adaptive = 0;
    if (!_PyArg_ParseFast("from_traceback", args, nargs, kwnames, kwlist, 0, 1, 1, 0, argv))
        return NULL;
    if (bool_arg(argv[1], &show_caches) < 0 || bool_arg(argv[2], &adaptive) < 0)
        return NULL;
    tb = Py_NewRef(argv[0]);
    for (;;) {
        next = PyObject_GetAttrString(tb, "tb_next");
        if (next == NULL)
            goto done;
        if (next == Py_None) {
            Py_DECREF(next);
            break;
        }
        Py_SETREF(tb, next);
    }
    frame = PyObject_GetAttrString(tb, "tb_frame");
    if (frame == NULL)
        goto done;
    code = PyObject_GetAttrString(frame, "f_code");
    lasti = code ? PyObject_GetAttrString(tb, "tb_lasti") : NULL;
    if (lasti == NULL)
        goto done;
    r = bytecode_make((PyTypeObject *)cls, code, NULL, lasti, show_caches, adaptive);
done:
    Py_XDECREF(frame);
    Py_XDECREF(code);
    Py_XDECREF(lasti);
    Py_DECREF(tb);
    return r;
}

static PyMethodDef bytecode_methods[] = {
    {"info", (PyCFunction)bytecode_info, METH_NOARGS, NULL},
    {"dis", (PyCFunction)bytecode_dis, METH_NOARGS, NULL},
    {"from_traceback", _PyCFunction_CAST(bytecode_from_traceback),
     METH_FASTCALL | METH_KEYWORDS | METH_CLASS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef bytecode_members[] = {
    {"codeobj", _Py_T_OBJECT, offsetof(bytecodeobject, codeobj), Py_READONLY, NULL},
    {"first_line", _Py_T_OBJECT, offsetof(bytecodeobject, first_line), Py_READONLY, NULL},
    {"current_offset", _Py_T_OBJECT, offsetof(bytecodeobject, current_offset), Py_READONLY, NULL},
    {"exception_entries", _Py_T_OBJECT, offsetof(bytecodeobject, exception_entries), Py_READONLY, NULL},
    {"_original_object", _Py_T_OBJECT, offsetof(bytecodeobject, original), Py_READONLY, NULL},
    {"show_caches", Py_T_BOOL, offsetof(bytecodeobject, show_caches), Py_READONLY, NULL},
    {"adaptive", Py_T_BOOL, offsetof(bytecodeobject, adaptive), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyTypeObject BytecodeType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dis.Bytecode",
    .tp_basicsize = sizeof(bytecodeobject),
    .tp_dealloc = (destructor)bytecode_dealloc,
    .tp_repr = (reprfunc)bytecode_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_traverse = (traverseproc)bytecode_traverse,
    .tp_iter = (getiterfunc)bytecode_iter,
    .tp_methods = bytecode_methods,
    .tp_members = bytecode_members,
    .tp_new = bytecode_new,
};

/* ------------------------------------------------------------------ */
/* module                                                              */
/* ------------------------------------------------------------------ */

#define FASTKW(f) _PyCFunction_CAST(f), METH_FASTCALL | METH_KEYWORDS

static PyMethodDef dis_methods[] = {
    {"dis", FASTKW(dis_dis), NULL},
    {"disassemble", FASTKW(dis_disassemble), NULL},
    {"disco", FASTKW(dis_disassemble), NULL},
    {"distb", FASTKW(dis_distb), NULL},
    {"code_info", (PyCFunction)dis_code_info, METH_O, NULL},
    {"show_code", FASTKW(dis_show_code), NULL},
    {"get_instructions", FASTKW(dis_get_instructions), NULL},
    {"findlinestarts", (PyCFunction)dis_findlinestarts, METH_O, NULL},
    {"findlabels", (PyCFunction)dis_findlabels, METH_O, NULL},
    {"pretty_flags", (PyCFunction)dis_pretty_flags, METH_O, NULL},
    {"stack_effect", FASTKW(dis_stack_effect), NULL},
    {NULL, NULL, 0, NULL}
};

static PyModuleDef dis_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "dis",
    .m_doc = "Disassembler of Python byte code into mnemonics.",
    .m_size = -1,
    .m_methods = dis_methods,
};

static int
add_int_list(PyObject *d, const char *name, int (*pred)(int))
{
    PyObject *list = PyList_New(0);
    int op;
    if (list == NULL)
        return -1;
    for (op = 0; op <= MAX_PSEUDO_OPCODE; op++) {
        if (pred(op)) {
            PyObject *v = PyLong_FromLong(op);
            if (v == NULL || PyList_Append(list, v) < 0) {
                Py_XDECREF(v);
                Py_DECREF(list);
                return -1;
            }
            Py_DECREF(v);
        }
    }
    op = PyDict_SetItemString(d, name, list);
    Py_DECREF(list);
    return op;
}

static int p_hasarg(int op) { return is_base_op(op) && op_has_arg(op); }
static int p_hasconst(int op) { return (op_flags(op) & OPF_CONST) != 0; }
static int p_hasname(int op) { return (op_flags(op) & OPF_NAME) != 0; }
static int p_hasjrel(int op) { return (op_flags(op) & OPF_JREL) != 0; }
static int p_hasjabs(int op) { (void)op; return 0; }
static int p_haslocal(int op) { return (op_flags(op) & OPF_LOCAL) != 0; }
static int p_hascompare(int op) { return (op_flags(op) & OPF_CMP) != 0; }
static int p_hasfree(int op) { return (op_flags(op) & OPF_FREE) != 0 || op == 148; }
static int p_hasexc(int op) { return op >= 256 && op <= 258; }

static int
set_steal(PyObject *d, const char *name, PyObject *v)
{
    int r;
    if (v == NULL)
        return -1;
    r = PyDict_SetItemString(d, name, v);
    Py_DECREF(v);
    return r;
}

PyObject *
PyInit_dis(void)
{
    PyObject *mod, *d, *opname, *opmap, *v, *bi;
    int op, i;

    if (ntuple_init_type(&InstructionType, &instruction_desc) < 0 ||
        ntuple_init_type(&PositionsType, &positions_desc) < 0 ||
        ntuple_init_type(&ExcEntryType, &excentry_desc) < 0)
        return NULL;
    if (!(BytecodeType.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&BytecodeType) < 0)
        return NULL;
    bi = PyEval_GetBuiltins();
    if (bi != NULL && builtin_str == NULL) {
        builtin_str = (PyObject *)&PyUnicode_Type;
        builtin_repr = PyDict_GetItemString(bi, "repr");
        builtin_ascii = PyDict_GetItemString(bi, "ascii");
        Py_XINCREF(builtin_repr);
        Py_XINCREF(builtin_ascii);
    }
    else if (bi == NULL)
        PyErr_Clear();

    mod = PyModule_Create(&dis_def);
    if (mod == NULL)
        return NULL;
    d = PyModule_GetDict(mod);

    opname = PyList_New(MAX_PSEUDO_OPCODE + 1);
    opmap = PyDict_New();
    if (opname == NULL || opmap == NULL) {
        Py_XDECREF(opname);
        Py_XDECREF(opmap);
        goto error;
    }
    for (op = 0; op <= MAX_PSEUDO_OPCODE; op++) {
        char buf[64];
        if (is_base_op(op)) {
            snprintf(buf, sizeof(buf), "%s", _PyOpcode_OpName[op]);
            v = PyLong_FromLong(op);
            if (v == NULL || PyDict_SetItemString(opmap, buf, v) < 0) {
                Py_XDECREF(v);
                Py_DECREF(opname);
                Py_DECREF(opmap);
                goto error;
            }
            Py_DECREF(v);
        }
        else
            snprintf(buf, sizeof(buf), "<%d>", op);
        v = PyUnicode_FromString(buf);
        if (v == NULL) {
            Py_DECREF(opname);
            Py_DECREF(opmap);
            goto error;
        }
        PyList_SET_ITEM(opname, op, v);
    }
    if (set_steal(d, "opname", opname) < 0 || set_steal(d, "opmap", opmap) < 0)
        goto error;

    v = PyTuple_New(6);
    if (v == NULL)
        goto error;
    for (i = 0; i < 6; i++) {
        PyObject *s = PyUnicode_FromString(cmp_op_names[i]);
        if (s == NULL) {
            Py_DECREF(v);
            goto error;
        }
        PyTuple_SET_ITEM(v, i, s);
    }
    if (set_steal(d, "cmp_op", v) < 0)
        goto error;
    if (add_int_list(d, "hasarg", p_hasarg) < 0 || add_int_list(d, "hasconst", p_hasconst) < 0 ||
        add_int_list(d, "hasname", p_hasname) < 0 || add_int_list(d, "hasjrel", p_hasjrel) < 0 ||
        add_int_list(d, "hasjabs", p_hasjabs) < 0 || add_int_list(d, "haslocal", p_haslocal) < 0 ||
        add_int_list(d, "hascompare", p_hascompare) < 0 ||
        add_int_list(d, "hasfree", p_hasfree) < 0 || add_int_list(d, "hasexc", p_hasexc) < 0)
        goto error;
    v = PyList_New(256);
    if (v == NULL)
        goto error;
    for (op = 0; op < 256; op++) {
        PyObject *n = PyLong_FromLong(is_base_op(op) ? _PyOpcode_Caches[op] : 0);
        if (n == NULL) {
            Py_DECREF(v);
            goto error;
        }
        PyList_SET_ITEM(v, op, n);
    }
    if (set_steal(d, "_inline_cache_entries", v) < 0)
        goto error;
    if (set_steal(d, "HAVE_ARGUMENT", PyLong_FromLong(HAVE_ARGUMENT)) < 0 ||
        set_steal(d, "EXTENDED_ARG", PyLong_FromLong(EXTENDED_ARG)) < 0 ||
        set_steal(d, "MIN_PSEUDO_OPCODE", PyLong_FromLong(MIN_PSEUDO_OPCODE)) < 0 ||
        set_steal(d, "MAX_PSEUDO_OPCODE", PyLong_FromLong(MAX_PSEUDO_OPCODE)) < 0 ||
        set_steal(d, "MIN_INSTRUMENTED_OPCODE", PyLong_FromLong(MIN_INSTRUMENTED_OPCODE)) < 0 ||
        set_steal(d, "MAKE_FUNCTION_FLAGS",
                  Py_BuildValue("(ssss)", "defaults", "kwdefaults", "annotations", "closure")) < 0)
        goto error;
    {
        static const char *const named_ops[] = {"FORMAT_VALUE", "MAKE_FUNCTION", "LOAD_CONST",
            "RETURN_CONST", "LOAD_GLOBAL", "BINARY_OP", "JUMP_BACKWARD", "FOR_ITER", "SEND",
            "LOAD_ATTR", "LOAD_SUPER_ATTR", "CALL_INTRINSIC_1", "CALL_INTRINSIC_2", "CACHE", NULL};
        PyObject *om = PyDict_GetItemString(d, "opmap");
        for (i = 0; named_ops[i]; i++) {
            PyObject *num = om ? PyDict_GetItemString(om, named_ops[i]) : NULL;
            if (num != NULL && PyDict_SetItemString(d, named_ops[i], num) < 0)
                goto error;
        }
    }
    v = PyDict_New();
    if (v == NULL)
        goto error;
    for (i = 0; i < 10; i++) {
        PyObject *k = PyLong_FromLong(1L << i), *s = PyUnicode_FromString(compiler_flag_names[i]);
        if (k == NULL || s == NULL || PyDict_SetItem(v, k, s) < 0) {
            Py_XDECREF(k);
            Py_XDECREF(s);
            Py_DECREF(v);
            goto error;
        }
        Py_DECREF(k);
        Py_DECREF(s);
    }
    if (set_steal(d, "COMPILER_FLAG_NAMES", v) < 0)
        goto error;
    if (PyDict_SetItemString(d, "Instruction", (PyObject *)&InstructionType) < 0 ||
        PyDict_SetItemString(d, "Positions", (PyObject *)&PositionsType) < 0 ||
        PyDict_SetItemString(d, "_ExceptionTableEntry", (PyObject *)&ExcEntryType) < 0 ||
        PyDict_SetItemString(d, "Bytecode", (PyObject *)&BytecodeType) < 0)
        goto error;
    return mod;
error:
    Py_DECREF(mod);
    return NULL;
}
