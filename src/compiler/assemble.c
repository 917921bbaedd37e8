/* assemble.c -- the final instruction list becomes a code object.
 *
 * Three byte strings are produced, in CPython 3.12's formats:
 *
 *  - co_code: 2-byte code units (opcode, oparg), EXTENDED_ARG prefixes for
 *    opargs above 255, and the inline CACHE units each instruction owns
 *    (zeroed here; the interpreter uses them for specialisation);
 *
 *  - co_linetable (Objects/locations.md): one entry per run of up to 8 code
 *    units with the same location.  The first byte is 1ccccLLL (code,
 *    length-1).  Codes 0-9 "short" (same line, column < 80, width < 16),
 *    10-12 "one line" (line delta 0..2, columns < 128), 13 no columns,
 *    14 long (signed line delta, end line delta, col+1, end col+1 as
 *    varints), 15 no location;
 *
 *  - co_exceptiontable: for each maximal run of instructions with the same
 *    handler, varint-encoded start, length, handler offset and
 *    (stack depth << 1 | lasti); the first varint of an entry has bit 7 set.
 *    Varints here are 6 bits per byte, most significant first, bit 6 =
 *    "more follows".
 */
#include "pycore.h"
#include "compiler.h"
#include <string.h>

#define DEFAULT_CODE_SIZE 128
#define DEFAULT_LNOTAB_SIZE 16
#define DEFAULT_CNOTAB_SIZE 32
#define MAX_SIZE_OF_ENTRY 20
#define THEORETICAL_MAX_ENTRY_SIZE 25

enum {
    LOC_SHORT0 = 0, LOC_ONE_LINE0 = 10, LOC_NO_COLUMNS = 13, LOC_LONG = 14, LOC_NONE = 15
};

struct assembler {
    PyObject *a_bytecode;        /* bytes containing bytecode */
    int a_offset;                /* offset into bytecode, in code units */
    PyObject *a_except_table;
    int a_except_table_off;
    int a_lineno;                /* lineno of last emitted instruction */
    PyObject *a_linetable;
    int a_location_off;
};

static int
assemble_init(struct assembler *a, int firstlineno)
{
    memset(a, 0, sizeof(struct assembler));
    a->a_lineno = firstlineno;
    a->a_linetable = PyBytes_FromStringAndSize(NULL, DEFAULT_CNOTAB_SIZE);
    a->a_bytecode = PyBytes_FromStringAndSize(NULL, DEFAULT_CODE_SIZE);
    a->a_except_table = PyBytes_FromStringAndSize(NULL, DEFAULT_LNOTAB_SIZE);
    if (!a->a_linetable || !a->a_bytecode || !a->a_except_table) return ERROR;
    return SUCCESS;
}

static void
assemble_free(struct assembler *a)
{
    Py_XDECREF(a->a_bytecode);
    Py_XDECREF(a->a_linetable);
    Py_XDECREF(a->a_except_table);
}

/* ---------------------------- exception table --------------------------- */
static void
write_except_byte(struct assembler *a, int byte)
{
    unsigned char *p = (unsigned char *)PyBytes_AS_STRING(a->a_except_table);
    p[a->a_except_table_off++] = (unsigned char)byte;
}

#define CONTINUATION_BIT 64

static void
assemble_emit_exception_table_item(struct assembler *a, int value, int msb)
{
    if (value >= 1 << 24) {
        write_except_byte(a, (value >> 24) | CONTINUATION_BIT | msb);
        msb = 0;
    }
    if (value >= 1 << 18) {
        write_except_byte(a, ((value >> 18) & 0x3f) | CONTINUATION_BIT | msb);
        msb = 0;
    }
    if (value >= 1 << 12) {
        write_except_byte(a, ((value >> 12) & 0x3f) | CONTINUATION_BIT | msb);
        msb = 0;
    }
    if (value >= 1 << 6) {
        write_except_byte(a, ((value >> 6) & 0x3f) | CONTINUATION_BIT | msb);
        msb = 0;
    }
    write_except_byte(a, (value & 0x3f) | msb);
}

static int
assemble_emit_exception_table_entry(struct assembler *a, int start, int end, rp_instr *handler)
{
    Py_ssize_t len = PyBytes_GET_SIZE(a->a_except_table);
    if (a->a_except_table_off + MAX_SIZE_OF_ENTRY >= len) {
        RETURN_IF_ERROR(_PyBytes_Resize(&a->a_except_table, len * 2));
    }
    int size = end - start;
    int target = handler->h_offset;
    int depth = handler->h_startdepth - 1;
    if (handler->h_preserve_lasti > 0) depth -= 1;
    if (depth < 0) depth = 0;
    int depth_lasti = (depth << 1) | handler->h_preserve_lasti;
    assemble_emit_exception_table_item(a, start, (1 << 7));
    assemble_emit_exception_table_item(a, size, 0);
    assemble_emit_exception_table_item(a, target, 0);
    assemble_emit_exception_table_item(a, depth_lasti, 0);
    return SUCCESS;
}

static int
assemble_exception_table(struct assembler *a, instr_sequence *instrs)
{
    int ioffset = 0;
    rp_instr handler;
    memset(&handler, 0, sizeof(handler));
    handler.h_offset = -1;
    handler.h_startdepth = -1;
    handler.h_preserve_lasti = -1;
    int start = -1;
    for (int i = 0; i < instrs->s_used; i++) {
        rp_instr *instr = &instrs->s_instrs[i];
        if (instr->h_offset != handler.h_offset) {
            if (handler.h_offset >= 0)
                RETURN_IF_ERROR(assemble_emit_exception_table_entry(a, start, ioffset, &handler));
            start = ioffset;
            handler = *instr;
        }
        ioffset += rp_instr_size(instr->i_opcode, instr->i_oparg);
    }
    if (handler.h_offset >= 0)
        RETURN_IF_ERROR(assemble_emit_exception_table_entry(a, start, ioffset, &handler));
    return SUCCESS;
}

/* ---------------------------- location table ---------------------------- */
static inline uint8_t *
location_pointer(struct assembler *a)
{
    return (uint8_t *)PyBytes_AS_STRING(a->a_linetable) + a->a_location_off;
}

static void
write_location_first_byte(struct assembler *a, int code, int length)
{
    *location_pointer(a) = (uint8_t)(128 | (code << 3) | (length - 1));
    a->a_location_off++;
}

static void
write_location_byte(struct assembler *a, int val)
{
    *location_pointer(a) = (uint8_t)(val & 255);
    a->a_location_off++;
}

static void
write_location_varint(struct assembler *a, unsigned int val)
{
    uint8_t *ptr = location_pointer(a);
    int written = 1;
    while (val >= 64) {
        *ptr++ = (uint8_t)(64 | (val & 63));
        val >>= 6;
        written++;
    }
    *ptr = (uint8_t)val;
    a->a_location_off += written;
}

static void
write_location_signed_varint(struct assembler *a, int val)
{
    unsigned int uval;
    if (val < 0)
        uval = ((0 - (unsigned int)val) << 1) | 1;
    else
        uval = (unsigned int)val << 1;
    write_location_varint(a, uval);
}

static void
write_location_info_short_form(struct assembler *a, int length, int column, int end_column)
{
    int column_low_bits = column & 7;
    int column_group = column >> 3;
    write_location_first_byte(a, LOC_SHORT0 + column_group, length);
    write_location_byte(a, (column_low_bits << 4) | (end_column - column));
}

static void
write_location_info_oneline_form(struct assembler *a, int length, int line_delta, int column,
                                 int end_column)
{
    write_location_first_byte(a, LOC_ONE_LINE0 + line_delta, length);
    write_location_byte(a, column);
    write_location_byte(a, end_column);
}

static void
write_location_info_long_form(struct assembler *a, location loc, int length)
{
    write_location_first_byte(a, LOC_LONG, length);
    write_location_signed_varint(a, loc.lineno - a->a_lineno);
    write_location_varint(a, (unsigned int)(loc.end_lineno - loc.lineno));
    write_location_varint(a, (unsigned int)(loc.col_offset + 1));
    write_location_varint(a, (unsigned int)(loc.end_col_offset + 1));
}

static int
write_location_info_entry(struct assembler *a, location loc, int isize)
{
    Py_ssize_t len = PyBytes_GET_SIZE(a->a_linetable);
    if (a->a_location_off + THEORETICAL_MAX_ENTRY_SIZE >= len) {
        RETURN_IF_ERROR(_PyBytes_Resize(&a->a_linetable, len * 2));
    }
    if (loc.lineno < 0) {
        write_location_first_byte(a, LOC_NONE, isize);
        return SUCCESS;
    }
    int line_delta = loc.lineno - a->a_lineno;
    int column = loc.col_offset;
    int end_column = loc.end_col_offset;
    if (column < 0 || end_column < 0) {
        if (loc.end_lineno == loc.lineno || loc.end_lineno == -1) {
            write_location_first_byte(a, LOC_NO_COLUMNS, isize);
            write_location_signed_varint(a, line_delta);
            a->a_lineno = loc.lineno;
            return SUCCESS;
        }
    }
    else if (loc.end_lineno == loc.lineno) {
        if (line_delta == 0 && column < 80 && end_column - column < 16 && end_column >= column) {
            write_location_info_short_form(a, isize, column, end_column);
            return SUCCESS;
        }
        if (line_delta >= 0 && line_delta < 3 && column < 128 && end_column < 128) {
            write_location_info_oneline_form(a, isize, line_delta, column, end_column);
            a->a_lineno = loc.lineno;
            return SUCCESS;
        }
    }
    write_location_info_long_form(a, loc, isize);
    a->a_lineno = loc.lineno;
    return SUCCESS;
}

static int
assemble_emit_location(struct assembler *a, location loc, int isize)
{
    if (isize == 0) return SUCCESS;
    while (isize > 8) {
        RETURN_IF_ERROR(write_location_info_entry(a, loc, 8));
        isize -= 8;
    }
    return write_location_info_entry(a, loc, isize);
}

static int
same_location(location a, location b)
{
    return a.lineno == b.lineno && a.end_lineno == b.end_lineno &&
           a.col_offset == b.col_offset && a.end_col_offset == b.end_col_offset;
}

static int
assemble_location_info(struct assembler *a, instr_sequence *instrs, int firstlineno)
{
    a->a_lineno = firstlineno;
    location loc = NO_LOCATION;
    int size = 0;
    for (int i = 0; i < instrs->s_used; i++) {
        rp_instr *instr = &instrs->s_instrs[i];
        if (!same_location(loc, instr->i_loc)) {
            RETURN_IF_ERROR(assemble_emit_location(a, loc, size));
            loc = instr->i_loc;
            size = 0;
        }
        size += rp_instr_size(instr->i_opcode, instr->i_oparg);
    }
    RETURN_IF_ERROR(assemble_emit_location(a, loc, size));
    return SUCCESS;
}

/* -------------------------------- code ---------------------------------- */
static void
write_instr(_Py_CODEUNIT *codestr, rp_instr *instr, int ilen)
{
    int opcode = instr->i_opcode;
    int oparg = instr->i_oparg;
    int caches = _PyOpcode_Caches[opcode];
    switch (ilen - caches) {
    case 4:
        codestr->op.code = EXTENDED_ARG;
        codestr->op.arg = (oparg >> 24) & 0xFF;
        codestr++;
        /* fall through */
    case 3:
        codestr->op.code = EXTENDED_ARG;
        codestr->op.arg = (oparg >> 16) & 0xFF;
        codestr++;
        /* fall through */
    case 2:
        codestr->op.code = EXTENDED_ARG;
        codestr->op.arg = (oparg >> 8) & 0xFF;
        codestr++;
        /* fall through */
    case 1:
        codestr->op.code = (uint8_t)opcode;
        codestr->op.arg = oparg & 0xFF;
        codestr++;
        break;
    default:
        break;
    }
    while (caches--) {
        codestr->op.code = CACHE;
        codestr->op.arg = 0;
        codestr++;
    }
}

static int
assemble_emit_instr(struct assembler *a, rp_instr *instr)
{
    Py_ssize_t len = PyBytes_GET_SIZE(a->a_bytecode);
    int size = rp_instr_size(instr->i_opcode, instr->i_oparg);
    if ((Py_ssize_t)((a->a_offset + size) * sizeof(_Py_CODEUNIT)) >= len) {
        if (len > PY_SSIZE_T_MAX / 2) { PyErr_NoMemory(); return ERROR; }
        RETURN_IF_ERROR(_PyBytes_Resize(&a->a_bytecode, len * 2));
    }
    _Py_CODEUNIT *code = (_Py_CODEUNIT *)PyBytes_AS_STRING(a->a_bytecode);
    code += a->a_offset;
    a->a_offset += size;
    write_instr(code, instr, size);
    return SUCCESS;
}

static int
assemble_emit(struct assembler *a, instr_sequence *instrs, int first_lineno)
{
    RETURN_IF_ERROR(assemble_init(a, first_lineno));
    for (int i = 0; i < instrs->s_used; i++) {
        if (instrs->s_instrs[i].i_opcode >= 256) {
            PyErr_SetString(PyExc_SystemError, "pseudo instruction left in the bytecode");
            return ERROR;
        }
        RETURN_IF_ERROR(assemble_emit_instr(a, &instrs->s_instrs[i]));
    }
    RETURN_IF_ERROR(assemble_location_info(a, instrs, a->a_lineno));
    RETURN_IF_ERROR(assemble_exception_table(a, instrs));
    RETURN_IF_ERROR(_PyBytes_Resize(&a->a_except_table, a->a_except_table_off));
    RETURN_IF_ERROR(_PyBytes_Resize(&a->a_linetable, a->a_location_off));
    RETURN_IF_ERROR(_PyBytes_Resize(&a->a_bytecode, a->a_offset * sizeof(_Py_CODEUNIT)));
    return SUCCESS;
}

static PyObject *
dict_keys_inorder(PyObject *dict, Py_ssize_t offset)
{
    Py_ssize_t size = PyDict_Size(dict);
    PyObject *tuple = PyTuple_New(size);
    if (tuple == NULL) return NULL;
    PyObject *k, *v;
    Py_ssize_t pos = 0;
    while (PyDict_Next(dict, &pos, &k, &v)) {
        Py_ssize_t i = PyLong_AsSsize_t(v);
        PyTuple_SET_ITEM(tuple, i - offset, Py_NewRef(k));
    }
    return tuple;
}

static void
set_localsplus_info(int offset, PyObject *name, int kind, PyObject *names, PyObject *kinds)
{
    PyTuple_SET_ITEM(names, offset, Py_NewRef(name));
    ((unsigned char *)PyBytes_AS_STRING(kinds))[offset] = (unsigned char)kind;
}

static void
compute_localsplus_info(rp_codeunit_metadata *umd, int nlocalsplus, PyObject *names,
                        PyObject *kinds)
{
    PyObject *k, *v;
    Py_ssize_t pos = 0;
    while (PyDict_Next(umd->u_varnames, &pos, &k, &v)) {
        int offset = (int)PyLong_AsLong(v);
        int kind = CO_FAST_LOCAL;
        if (PyDict_Contains(umd->u_fasthidden, k) > 0) kind |= CO_FAST_HIDDEN;
        if (PyDict_GetItem(umd->u_cellvars, k) != NULL) kind |= CO_FAST_CELL;
        if (offset < nlocalsplus) set_localsplus_info(offset, k, kind, names, kinds);
    }
    int nlocals = (int)PyDict_Size(umd->u_varnames);
    int numdropped = 0;
    pos = 0;
    while (PyDict_Next(umd->u_cellvars, &pos, &k, &v)) {
        if (PyDict_GetItem(umd->u_varnames, k) != NULL) {
            numdropped += 1;
            continue;
        }
        int offset = (int)PyLong_AsLong(v) + nlocals - numdropped;
        if (offset < nlocalsplus) set_localsplus_info(offset, k, CO_FAST_CELL, names, kinds);
    }
    pos = 0;
    while (PyDict_Next(umd->u_freevars, &pos, &k, &v)) {
        int offset = (int)PyLong_AsLong(v) + nlocals - numdropped;
        if (offset < nlocalsplus) set_localsplus_info(offset, k, CO_FAST_FREE, names, kinds);
    }
}

static PyCodeObject *
makecode(rp_codeunit_metadata *umd, struct assembler *a, PyObject *const_cache,
         PyObject *constslist, int maxdepth, int nlocalsplus, int code_flags, PyObject *filename)
{
    PyCodeObject *co = NULL;
    PyObject *names = NULL, *consts = NULL, *localsplusnames = NULL, *localspluskinds = NULL;
    names = dict_keys_inorder(umd->u_names, 0);
    if (!names) goto error;
    if (_RpCompile_ConstCacheMergeOne(const_cache, &names) < 0) goto error;
    consts = PyList_AsTuple(constslist);
    if (consts == NULL) goto error;
    if (_RpCompile_ConstCacheMergeOne(const_cache, &consts) < 0) goto error;
    int posonlyargcount = (int)umd->u_posonlyargcount;
    int posorkwargcount = (int)umd->u_argcount;
    int kwonlyargcount = (int)umd->u_kwonlyargcount;
    localsplusnames = PyTuple_New(nlocalsplus);
    if (localsplusnames == NULL) goto error;
    localspluskinds = PyBytes_FromStringAndSize(NULL, nlocalsplus);
    if (localspluskinds == NULL) goto error;
    if (nlocalsplus) memset(PyBytes_AS_STRING(localspluskinds), 0, nlocalsplus);
    compute_localsplus_info(umd, nlocalsplus, localsplusnames, localspluskinds);
    for (int i = 0; i < nlocalsplus; i++) {
        if (PyTuple_GET_ITEM(localsplusnames, i) == NULL) {
            PyErr_SetString(PyExc_SystemError, "compiler: incomplete locals layout");
            goto error;
        }
    }
    if (_RpCompile_ConstCacheMergeOne(const_cache, &localsplusnames) < 0) goto error;

    struct _PyCodeConstructor con;
    memset(&con, 0, sizeof(con));
    con.filename = filename;
    con.name = umd->u_name;
    con.qualname = umd->u_qualname ? umd->u_qualname : umd->u_name;
    con.flags = code_flags;
    con.code = a->a_bytecode;
    con.firstlineno = umd->u_firstlineno;
    con.linetable = a->a_linetable;
    con.consts = consts;
    con.names = names;
    con.localsplusnames = localsplusnames;
    con.localspluskinds = localspluskinds;
    con.argcount = posonlyargcount + posorkwargcount;
    con.posonlyargcount = posonlyargcount;
    con.kwonlyargcount = kwonlyargcount;
    con.stacksize = maxdepth;
    con.exceptiontable = a->a_except_table;
    co = _PyCode_New(&con);
error:
    Py_XDECREF(names);
    Py_XDECREF(consts);
    Py_XDECREF(localsplusnames);
    Py_XDECREF(localspluskinds);
    return co;
}

PyCodeObject *
_RpAssemble_MakeCodeObject(rp_codeunit_metadata *umd, PyObject *const_cache, PyObject *consts,
                           int maxdepth, instr_sequence *instrs, int nlocalsplus, int code_flags,
                           PyObject *filename)
{
    PyCodeObject *co = NULL;
    struct assembler a;
    int res = assemble_emit(&a, instrs, umd->u_firstlineno);
    if (res == SUCCESS)
        co = makecode(umd, &a, const_cache, consts, maxdepth, nlocalsplus, code_flags, filename);
    assemble_free(&a);
    return co;
}
