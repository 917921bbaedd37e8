/* codeobject.c -- code objects: construction, the location table, the
 * exception table, and the Python-visible attributes.
 *
 * A code object is one variable-size block: the fixed fields of
 * PyCodeObject followed by co_code_adaptive, the instructions as 2-byte
 * code units with their inline CACHE units.  The compiler hands the bytes
 * over through _PyCode_New (struct _PyCodeConstructor); we copy them and
 * "quicken" them: the first cache unit of every adaptive instruction gets
 * a warm-up counter so that the specialiser (src/vm/specialize.c) rewrites
 * the instruction after it has run a couple of times.  Specialised
 * opcodes are refpy-private: co_code maps every opcode back through
 * _PyOpcode_Deopt and zeroes the caches, so dis and == see exactly what
 * CPython 3.12 would.
 *
 * Names are interned as 3.12 does (co_names, localsplus names) and so are
 * string constants made only of [A-Za-z0-9_], recursively inside constant
 * tuples and frozensets -- that is what makes them immortal.
 *
 * The location table (co_linetable) uses 3.12's format (Objects/
 * locations.md): a sequence of entries, each starting with a byte that
 * has bit 7 set, bits 3-6 a "code" and bits 0-2 the number of code units
 * covered minus one.  Codes 0-9 are the short form (same line, column in
 * the code and the next byte), 10-12 one-line forms (line delta 0-2, then
 * start and end column bytes), 13 "no column" (signed varint line delta),
 * 14 the long form (line delta, end-line delta, column+1, end column+1)
 * and 15 "no location".  Varints are little-endian groups of 6 bits with
 * 0x40 as the continuation bit; signed varints keep the sign in bit 0.
 * The exception table uses big-endian 6-bit varints, each entry starting
 * with a byte that has bit 7 set: start, length, target, depth<<1|lasti,
 * all in code units.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_opcode.h"
#include "rp_eval.h"
#include <math.h>

/* ------------------------------------------------------------------ */
/* Versions                                                             */

/* TODO(lead): belongs in PyInterpreterState (CPython keeps it there). */
static uint32_t next_code_version = 1;

uint32_t
_PyCode_NextVersion(void)
{
    uint32_t v = next_code_version++;
    if (next_code_version == 0) next_code_version = 1;
    return v;
}

/* ------------------------------------------------------------------ */
/* Construction                                                         */

static void
get_localsplus_counts(PyObject *kinds, Py_ssize_t n, int *pnlocals, int *pncells,
                      int *pnfrees)
{
    int nlocals = 0, ncells = 0, nfrees = 0;
    const unsigned char *k = (const unsigned char *)PyBytes_AS_STRING(kinds);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (k[i] & CO_FAST_LOCAL) {
            nlocals++;
            if (k[i] & CO_FAST_CELL) ncells++;
        }
        else if (k[i] & CO_FAST_CELL) ncells++;
        else if (k[i] & CO_FAST_FREE) nfrees++;
    }
    if (pnlocals) *pnlocals = nlocals;
    if (pncells) *pncells = ncells;
    if (pnfrees) *pnfrees = nfrees;
}

static int
intern_strings(PyObject *tuple)
{
    for (Py_ssize_t i = PyTuple_GET_SIZE(tuple); --i >= 0; ) {
        PyObject *v = PyTuple_GET_ITEM(tuple, i);
        if (v == NULL || !PyUnicode_CheckExact(v)) {
            PyErr_SetString(PyExc_SystemError, "non-string found in code slot");
            return -1;
        }
        PyUnicode_InternInPlace(&_PyTuple_ITEMS(tuple)[i]);
    }
    return 0;
}

static int
all_name_chars(PyObject *o)
{
    if (!PyUnicode_IS_ASCII(o)) return 0;
    const unsigned char *s = PyUnicode_1BYTE_DATA(o);
    const unsigned char *e = s + PyUnicode_GET_LENGTH(o);
    for (; s != e; s++) {
        unsigned char c = *s;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_'))
            return 0;
    }
    return 1;
}

/* Intern identifier-like string constants, recursing into tuples and
   frozensets (a frozenset is rebuilt when one of its strings changed). */
static int
intern_string_constants(PyObject *tuple, int *modified)
{
    for (Py_ssize_t i = PyTuple_GET_SIZE(tuple); --i >= 0; ) {
        PyObject *v = PyTuple_GET_ITEM(tuple, i);
        if (PyUnicode_CheckExact(v)) {
            if (all_name_chars(v)) {
                PyUnicode_InternInPlace(&_PyTuple_ITEMS(tuple)[i]);
                if (PyTuple_GET_ITEM(tuple, i) != v && modified) *modified = 1;
            }
        }
        else if (PyTuple_CheckExact(v)) {
            if (intern_string_constants(v, NULL) < 0) return -1;
        }
        else if (PyFrozenSet_CheckExact(v)) {
            PyObject *tmp = PySequence_Tuple(v);
            if (tmp == NULL) return -1;
            int tmp_modified = 0;
            if (intern_string_constants(tmp, &tmp_modified) < 0) {
                Py_DECREF(tmp);
                return -1;
            }
            if (tmp_modified) {
                PyObject *w = PyFrozenSet_New(tmp);
                if (w == NULL) {
                    Py_DECREF(tmp);
                    return -1;
                }
                PyTuple_SET_ITEM(tuple, i, w);
                Py_DECREF(v);
                if (modified) *modified = 1;
            }
            Py_DECREF(tmp);
        }
    }
    return 0;
}

static int
code_validate(struct _PyCodeConstructor *con)
{
    if (con->filename == NULL || !PyUnicode_Check(con->filename) ||
        con->name == NULL || !PyUnicode_Check(con->name) ||
        con->qualname == NULL || !PyUnicode_Check(con->qualname) ||
        con->code == NULL || !PyBytes_Check(con->code) ||
        con->consts == NULL || !PyTuple_Check(con->consts) ||
        con->names == NULL || !PyTuple_Check(con->names) ||
        con->localsplusnames == NULL || !PyTuple_Check(con->localsplusnames) ||
        con->localspluskinds == NULL || !PyBytes_Check(con->localspluskinds) ||
        PyTuple_GET_SIZE(con->localsplusnames) != PyBytes_GET_SIZE(con->localspluskinds) ||
        con->linetable == NULL || !PyBytes_Check(con->linetable) ||
        con->exceptiontable == NULL || !PyBytes_Check(con->exceptiontable)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (PyBytes_GET_SIZE(con->code) > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "code: co_code larger than INT_MAX");
        return -1;
    }
    if (PyBytes_GET_SIZE(con->code) % sizeof(_Py_CODEUNIT) != 0) {
        PyErr_SetString(PyExc_ValueError, "code: co_code is malformed");
        return -1;
    }
    int nlocals;
    get_localsplus_counts(con->localspluskinds, PyTuple_GET_SIZE(con->localsplusnames),
                          &nlocals, NULL, NULL);
    int nplain = nlocals - con->argcount - con->kwonlyargcount -
                 ((con->flags & CO_VARARGS) != 0) - ((con->flags & CO_VARKEYWORDS) != 0);
    if (nplain < 0) {
        PyErr_SetString(PyExc_ValueError, "code: co_varnames is too small");
        return -1;
    }
    return 0;
}

PyCodeObject *
_PyCode_New(struct _PyCodeConstructor *con)
{
    if (code_validate(con) < 0) return NULL;
    if (intern_strings(con->names) < 0) return NULL;
    if (intern_string_constants(con->consts, NULL) < 0) return NULL;
    if (intern_strings(con->localsplusnames) < 0) return NULL;

    Py_ssize_t size = PyBytes_GET_SIZE(con->code) / sizeof(_Py_CODEUNIT);
    PyCodeObject *co = PyObject_NewVar(PyCodeObject, &PyCode_Type, size);
    if (co == NULL) return NULL;

    int nlocalsplus = (int)PyTuple_GET_SIZE(con->localsplusnames);
    int nlocals, ncells, nfrees;
    get_localsplus_counts(con->localspluskinds, nlocalsplus, &nlocals, &ncells, &nfrees);

    co->co_filename = Py_NewRef(con->filename);
    co->co_name = Py_NewRef(con->name);
    co->co_qualname = Py_NewRef(con->qualname);
    co->co_flags = con->flags;
    co->co_firstlineno = con->firstlineno;
    co->co_linetable = Py_NewRef(con->linetable);
    co->co_consts = Py_NewRef(con->consts);
    co->co_names = Py_NewRef(con->names);
    co->co_localsplusnames = Py_NewRef(con->localsplusnames);
    co->co_localspluskinds = Py_NewRef(con->localspluskinds);
    co->co_argcount = con->argcount;
    co->co_posonlyargcount = con->posonlyargcount;
    co->co_kwonlyargcount = con->kwonlyargcount;
    co->co_stacksize = con->stacksize;
    co->co_exceptiontable = Py_NewRef(con->exceptiontable);
    co->co_nlocalsplus = nlocalsplus;
    co->co_nlocals = nlocals;
    co->co_framesize = nlocalsplus + con->stacksize + FRAME_SPECIALS_SIZE;
    co->co_ncellvars = ncells;
    co->co_nfreevars = nfrees;
    co->co_version = _PyCode_NextVersion();
    co->co_weakreflist = NULL;
    co->co_extra = NULL;
    co->_co_cached_code = NULL;
    co->_co_instrumentation_version = 0;
    co->_co_monitoring = NULL;
    memcpy(co->co_code_adaptive, PyBytes_AS_STRING(con->code), PyBytes_GET_SIZE(con->code));
    int entry = 0;
    while (entry < size && _PyCode_CODE(co)[entry].op.code != RESUME) entry++;
    co->_co_firsttraceable = entry;
    _PyCode_Quicken(co);
    return co;
}

/* ------------------------------------------------------------------ */
/* Location table                                                       */

#define LOC_SHORT_MAX 9
#define LOC_ONE_LINE0 10
#define LOC_ONE_LINE2 12
#define LOC_NO_COLUMNS 13
#define LOC_LONG 14
#define LOC_NONE 15

static unsigned int
lt_read_varint(const uint8_t **pp)
{
    const uint8_t *p = *pp;
    unsigned int read = *p++;
    unsigned int val = read & 63;
    unsigned int shift = 0;
    while (read & 64) {
        read = *p++;
        shift += 6;
        val |= (read & 63) << shift;
    }
    *pp = p;
    return val;
}

static int
lt_read_svarint(const uint8_t **pp)
{
    unsigned int u = lt_read_varint(pp);
    return (u & 1) ? -(int)(u >> 1) : (int)(u >> 1);
}

/* Line delta of the entry at p (p points at its first byte). */
static int
lt_line_delta(const uint8_t *p)
{
    int code = (p[0] >> 3) & 15;
    const uint8_t *q = p + 1;
    switch (code) {
    case LOC_NONE: return 0;
    case LOC_NO_COLUMNS:
    case LOC_LONG: return lt_read_svarint(&q);
    case LOC_ONE_LINE0: case LOC_ONE_LINE0 + 1: case LOC_ONE_LINE2: return code - LOC_ONE_LINE0;
    default: return 0;
    }
}

int
_PyCode_InitAddressRange(PyCodeObject *co, PyCodeAddressRange *bounds)
{
    bounds->lo_next = (const uint8_t *)PyBytes_AS_STRING(co->co_linetable);
    bounds->limit = bounds->lo_next + PyBytes_GET_SIZE(co->co_linetable);
    bounds->ar_start = -1;
    bounds->ar_end = 0;
    bounds->computed_line = co->co_firstlineno;
    bounds->ar_line = -1;
    return co->co_firstlineno;
}

int
_PyLineTable_NextAddressRange(PyCodeAddressRange *r)
{
    if (r->lo_next >= r->limit) return 0;
    const uint8_t *p = r->lo_next;
    r->computed_line += lt_line_delta(p);
    r->ar_line = (((p[0] >> 3) & 15) == LOC_NONE) ? -1 : r->computed_line;
    r->ar_start = r->ar_end;
    r->ar_end += ((p[0] & 7) + 1) * (int)sizeof(_Py_CODEUNIT);
    do {
        p++;
    } while (p < r->limit && (*p & 128) == 0);
    r->lo_next = p;
    return 1;
}

int
_PyCode_CheckLineNumber(int lasti, PyCodeAddressRange *bounds)
{
    while (bounds->ar_end <= lasti) {
        if (!_PyLineTable_NextAddressRange(bounds)) return -1;
    }
    return bounds->ar_line;
}

int
PyCode_Addr2Line(PyCodeObject *co, int addrq)
{
    if (addrq < 0) return co->co_firstlineno;
    PyCodeAddressRange bounds;
    _PyCode_InitAddressRange(co, &bounds);
    return _PyCode_CheckLineNumber(addrq, &bounds);
}

/* Decode the full location of the entry at *pp, advancing past it. */
static void
lt_decode_entry(const uint8_t **pp, int *computed_line, int *length, int *line, int *endline,
                int *col, int *endcol)
{
    const uint8_t *p = *pp;
    int first = *p++;
    int code = (first >> 3) & 15;
    *length = (first & 7) + 1;
    switch (code) {
    case LOC_NONE:
        *line = *endline = *col = *endcol = -1;
        break;
    case LOC_LONG:
        *computed_line += lt_read_svarint(&p);
        *line = *computed_line;
        *endline = *line + (int)lt_read_varint(&p);
        *col = (int)lt_read_varint(&p) - 1;
        *endcol = (int)lt_read_varint(&p) - 1;
        break;
    case LOC_NO_COLUMNS:
        *computed_line += lt_read_svarint(&p);
        *line = *endline = *computed_line;
        *col = *endcol = -1;
        break;
    case LOC_ONE_LINE0: case LOC_ONE_LINE0 + 1: case LOC_ONE_LINE2:
        *computed_line += code - LOC_ONE_LINE0;
        *line = *endline = *computed_line;
        *col = *p++;
        *endcol = *p++;
        break;
    default: {
        int second = *p++;
        *line = *endline = *computed_line;
        *col = (code << 3) | ((second >> 4) & 7);
        *endcol = *col + (second & 15);
        break;
    }
    }
    *pp = p;
}

int
PyCode_Addr2Location(PyCodeObject *co, int addrq, int *start_line, int *start_col,
                     int *end_line, int *end_col)
{
    if (addrq < 0) {
        *start_line = *end_line = co->co_firstlineno;
        *start_col = *end_col = 0;
        return 1;
    }
    const uint8_t *p = (const uint8_t *)PyBytes_AS_STRING(co->co_linetable);
    const uint8_t *limit = p + PyBytes_GET_SIZE(co->co_linetable);
    int computed = co->co_firstlineno;
    int addr = 0;
    int target = addrq / (int)sizeof(_Py_CODEUNIT);
    while (p < limit) {
        int length, line, endline, col, endcol;
        lt_decode_entry(&p, &computed, &length, &line, &endline, &col, &endcol);
        if (target < addr + length) {
            *start_line = line;
            *end_line = endline;
            *start_col = col;
            *end_col = endcol;
            return 1;
        }
        addr += length;
    }
    *start_line = *end_line = *start_col = *end_col = -1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Exception table                                                      */

static const uint8_t *
et_read_varint(const uint8_t *p, int *result)
{
    int val = *p & 63;
    while (*p & 64) {
        p++;
        val = (val << 6) | (*p & 63);
    }
    *result = val;
    return p + 1;
}

int
_PyCode_GetExceptionHandler(PyCodeObject *co, int index, int *level, int *handler, int *lasti)
{
    const uint8_t *p = (const uint8_t *)PyBytes_AS_STRING(co->co_exceptiontable);
    const uint8_t *end = p + PyBytes_GET_SIZE(co->co_exceptiontable);
    while (p < end) {
        int start, size;
        p = et_read_varint(p, &start);
        if (start > index) break;
        p = et_read_varint(p, &size);
        if (start + size > index) {
            int depth_lasti;
            p = et_read_varint(p, handler);
            et_read_varint(p, &depth_lasti);
            *level = depth_lasti >> 1;
            *lasti = depth_lasti & 1;
            return 1;
        }
        /* skip to the next entry start */
        while (p < end && (*p & 128) == 0) p++;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Derived attributes                                                   */

static PyObject *
get_localsplus_names(PyCodeObject *co, int kind, int num)
{
    PyObject *names = PyTuple_New(num);
    if (names == NULL) return NULL;
    const unsigned char *kinds = (const unsigned char *)PyBytes_AS_STRING(co->co_localspluskinds);
    int index = 0;
    for (int i = 0; i < co->co_nlocalsplus && index < num; i++) {
        if ((kinds[i] & kind) == 0) continue;
        PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
        PyTuple_SET_ITEM(names, index++, Py_NewRef(name));
    }
    return names;
}

PyObject *
_PyCode_GetVarnames(PyCodeObject *co)
{
    return get_localsplus_names(co, CO_FAST_LOCAL, co->co_nlocals);
}

PyObject *
_PyCode_GetCellvars(PyCodeObject *co)
{
    return get_localsplus_names(co, CO_FAST_CELL, co->co_ncellvars);
}

PyObject *
_PyCode_GetFreevars(PyCodeObject *co)
{
    return get_localsplus_names(co, CO_FAST_FREE, co->co_nfreevars);
}

/* co_code: the instructions with specialised opcodes mapped back to
   their base and every cache zeroed.  New reference (cached). */
PyObject *
_PyCode_GetCode(PyCodeObject *co)
{
    if (co->_co_cached_code != NULL) return Py_NewRef(co->_co_cached_code);
    PyObject *code = PyBytes_FromStringAndSize(NULL, _PyCode_NBYTES(co));
    if (code == NULL) return NULL;
    _Py_CODEUNIT *out = (_Py_CODEUNIT *)PyBytes_AS_STRING(code);
    _Py_CODEUNIT *in = _PyCode_CODE(co);
    Py_ssize_t n = Py_SIZE(co);
    for (Py_ssize_t i = 0; i < n; i++) {
        int op = _PyOpcode_Deopt[in[i].op.code];
        out[i].op.code = (uint8_t)op;
        out[i].op.arg = in[i].op.arg;
        int caches = _PyOpcode_Caches[op];
        for (int j = 0; j < caches && i + 1 < n; j++) {
            i++;
            out[i].cache = 0;
        }
    }
    co->_co_cached_code = Py_NewRef(code);
    return code;
}

static PyObject *
code_getvarnames(PyCodeObject *co, void *closure)
{
    return _PyCode_GetVarnames(co);
}

static PyObject *
code_getcellvars(PyCodeObject *co, void *closure)
{
    return _PyCode_GetCellvars(co);
}

static PyObject *
code_getfreevars(PyCodeObject *co, void *closure)
{
    return _PyCode_GetFreevars(co);
}

static PyObject *
code_getcode(PyCodeObject *co, void *closure)
{
    return _PyCode_GetCode(co);
}

static PyObject *
code_getcodeadaptive(PyCodeObject *co, void *closure)
{
    return PyBytes_FromStringAndSize(co->co_code_adaptive, _PyCode_NBYTES(co));
}

static PyObject *
code_getflags(PyCodeObject *co, void *closure)
{
    return PyLong_FromLong(co->co_flags & ~CO_HAS_DOCSTRING);
}

/* The pre-3.10 line-number table (co_lnotab, deprecated): pairs of
   (byte delta, signed line delta) rebuilt from the location table. */
static int
lnotab_emit_pair(PyObject **bytes, int *offset, int a, int b)
{
    Py_ssize_t len = PyBytes_GET_SIZE(*bytes);
    if (*offset + 2 >= len) {
        if (_PyBytes_Resize(bytes, len * 2) < 0) return 0;
    }
    unsigned char *p = (unsigned char *)PyBytes_AS_STRING(*bytes) + *offset;
    p[0] = (unsigned char)a;
    p[1] = (unsigned char)b;
    *offset += 2;
    return 1;
}

static int
lnotab_emit_delta(PyObject **bytes, int bdelta, int ldelta, int *offset)
{
    while (bdelta > 255) {
        if (!lnotab_emit_pair(bytes, offset, 255, 0)) return 0;
        bdelta -= 255;
    }
    while (ldelta > 127) {
        if (!lnotab_emit_pair(bytes, offset, bdelta, 127)) return 0;
        bdelta = 0;
        ldelta -= 127;
    }
    while (ldelta < -128) {
        if (!lnotab_emit_pair(bytes, offset, bdelta, -128)) return 0;
        bdelta = 0;
        ldelta += 128;
    }
    return lnotab_emit_pair(bytes, offset, bdelta, ldelta);
}

static PyObject *
code_getlnotab(PyCodeObject *co, void *closure)
{
    if (PyErr_WarnEx(PyExc_DeprecationWarning,
                     "co_lnotab is deprecated, use co_lines instead.", 1) < 0)
        return NULL;
    PyCodeAddressRange bounds;
    int table_offset = 0, code_offset = 0, line = co->co_firstlineno;
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, 64);
    if (bytes == NULL) return NULL;
    _PyCode_InitAddressRange(co, &bounds);
    while (_PyLineTable_NextAddressRange(&bounds)) {
        if (bounds.computed_line != line) {
            if (!lnotab_emit_delta(&bytes, bounds.ar_start - code_offset,
                                   bounds.computed_line - line, &table_offset)) {
                Py_XDECREF(bytes);
                return NULL;
            }
            code_offset = bounds.ar_start;
            line = bounds.computed_line;
        }
    }
    if (_PyBytes_Resize(&bytes, table_offset) < 0) return NULL;
    return bytes;
}

/* ------------------------------------------------------------------ */
/* co_lines() and co_positions() iterators                              */

typedef struct {
    PyObject_HEAD
    PyCodeObject *li_code;
    PyCodeAddressRange li_line;
} lineiterator;

static void
lineiter_dealloc(lineiterator *li)
{
    Py_DECREF(li->li_code);
    PyObject_Free(li);
}

static PyObject *
int_or_none(int v)
{
    if (v < 0) return Py_None;
    return PyLong_FromLong(v);
}

static PyObject *
lineiter_next(lineiterator *li)
{
    PyCodeAddressRange *b = &li->li_line;
    if (!_PyLineTable_NextAddressRange(b)) return NULL;
    int start = b->ar_start;
    int line = b->ar_line;
    /* Merge following ranges on the same line. */
    for (;;) {
        PyCodeAddressRange save = *b;
        if (!_PyLineTable_NextAddressRange(b)) break;
        if (b->ar_line != line) {
            *b = save;
            break;
        }
    }
    PyObject *t = PyTuple_New(3);
    if (t == NULL) return NULL;
    PyObject *a = PyLong_FromLong(start), *e = PyLong_FromLong(b->ar_end), *l = int_or_none(line);
    if (a == NULL || e == NULL || l == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(e);
        Py_XDECREF(l);
        Py_DECREF(t);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, a);
    PyTuple_SET_ITEM(t, 1, e);
    PyTuple_SET_ITEM(t, 2, l);
    return t;
}

static PyTypeObject LineIterator = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "line_iterator",
    .tp_basicsize = sizeof(lineiterator),
    .tp_dealloc = (destructor)lineiter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)lineiter_next,
};

static PyObject *
code_linesiterator(PyCodeObject *code, PyObject *Py_UNUSED(args))
{
    lineiterator *li = PyObject_New(lineiterator, &LineIterator);
    if (li == NULL) return NULL;
    li->li_code = (PyCodeObject *)Py_NewRef(code);
    _PyCode_InitAddressRange(code, &li->li_line);
    return (PyObject *)li;
}

typedef struct {
    PyObject_HEAD
    PyCodeObject *pi_code;
    const uint8_t *pi_next;
    const uint8_t *pi_limit;
    int pi_computed_line;
    int pi_offset;        /* next code unit to report */
    int pi_end;           /* end (code units) of the current entry */
    int pi_line, pi_endline, pi_column, pi_endcolumn;
} positionsiterator;

static void
positionsiter_dealloc(positionsiterator *pi)
{
    Py_DECREF(pi->pi_code);
    PyObject_Free(pi);
}

static PyObject *
positionsiter_next(positionsiterator *pi)
{
    if (pi->pi_offset >= pi->pi_end) {
        if (pi->pi_next >= pi->pi_limit) return NULL;
        int length;
        lt_decode_entry(&pi->pi_next, &pi->pi_computed_line, &length, &pi->pi_line,
                        &pi->pi_endline, &pi->pi_column, &pi->pi_endcolumn);
        pi->pi_end += length;
    }
    pi->pi_offset++;
    PyObject *t = PyTuple_New(4);
    if (t == NULL) return NULL;
    int vals[4] = {pi->pi_line, pi->pi_endline, pi->pi_column, pi->pi_endcolumn};
    for (int i = 0; i < 4; i++) {
        PyObject *v = int_or_none(vals[i]);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, v);
    }
    return t;
}

static PyTypeObject PositionsIterator = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "positions_iterator",
    .tp_basicsize = sizeof(positionsiterator),
    .tp_dealloc = (destructor)positionsiter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)positionsiter_next,
};

static PyObject *
code_positionsiterator(PyCodeObject *code, PyObject *Py_UNUSED(args))
{
    positionsiterator *pi = PyObject_New(positionsiterator, &PositionsIterator);
    if (pi == NULL) return NULL;
    pi->pi_code = (PyCodeObject *)Py_NewRef(code);
    pi->pi_next = (const uint8_t *)PyBytes_AS_STRING(code->co_linetable);
    pi->pi_limit = pi->pi_next + PyBytes_GET_SIZE(code->co_linetable);
    pi->pi_computed_line = code->co_firstlineno;
    pi->pi_offset = 0;
    pi->pi_end = 0;
    pi->pi_line = pi->pi_endline = pi->pi_column = pi->pi_endcolumn = -1;
    return (PyObject *)pi;
}

/* ------------------------------------------------------------------ */
/* Type slots                                                           */

static void
code_dealloc(PyCodeObject *co)
{
    if (co->co_weakreflist != NULL) PyObject_ClearWeakRefs((PyObject *)co);
    _PySpecialize_FreeCodeExtra(co);
    Py_XDECREF(co->co_consts);
    Py_XDECREF(co->co_names);
    Py_XDECREF(co->co_localsplusnames);
    Py_XDECREF(co->co_localspluskinds);
    Py_XDECREF(co->co_filename);
    Py_XDECREF(co->co_name);
    Py_XDECREF(co->co_qualname);
    Py_XDECREF(co->co_linetable);
    Py_XDECREF(co->co_exceptiontable);
    Py_XDECREF(co->_co_cached_code);
    PyObject_Free(co);
}

static PyObject *
code_repr(PyCodeObject *co)
{
    int lineno = co->co_firstlineno != 0 ? co->co_firstlineno : -1;
    if (co->co_filename && PyUnicode_Check(co->co_filename))
        return PyUnicode_FromFormat("<code object %U at %p, file \"%U\", line %d>",
                                    co->co_name, co, co->co_filename, lineno);
    return PyUnicode_FromFormat("<code object %U at %p, file ???, line %d>",
                                co->co_name, co, lineno);
}

/* Constants compare by type and value, so that 0, 0.0, -0.0 and False
   are all different (CPython's _PyCode_ConstantKey). */
static int
const_equal(PyObject *a, PyObject *b)
{
    if (a == b) return 1;
    if (Py_TYPE(a) != Py_TYPE(b)) return 0;
    if (PyFloat_CheckExact(a)) {
        double x = PyFloat_AS_DOUBLE(a), y = PyFloat_AS_DOUBLE(b);
        if (x == 0.0 && y == 0.0) return copysign(1.0, x) == copysign(1.0, y);
        if (x != x && y != y) return 1;
        return x == y;
    }
    if (PyComplex_CheckExact(a)) {
        /* like floats: signed zeros differ, NaNs equal (CPython's constant keys) */
        Py_complex x = ((PyComplexObject *)a)->cval, y = ((PyComplexObject *)b)->cval;
        int re = (x.real == 0.0 && y.real == 0.0) ? copysign(1.0, x.real) == copysign(1.0, y.real)
                 : ((x.real != x.real && y.real != y.real) || x.real == y.real);
        int im = (x.imag == 0.0 && y.imag == 0.0) ? copysign(1.0, x.imag) == copysign(1.0, y.imag)
                 : ((x.imag != x.imag && y.imag != y.imag) || x.imag == y.imag);
        return re && im;
    }
    if (PyTuple_CheckExact(a)) {
        Py_ssize_t n = PyTuple_GET_SIZE(a);
        if (n != PyTuple_GET_SIZE(b)) return 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            int r = const_equal(PyTuple_GET_ITEM(a, i), PyTuple_GET_ITEM(b, i));
            if (r <= 0) return r;
        }
        return 1;
    }
    if (PyCode_Check(a) || PyLong_CheckExact(a) || PyUnicode_CheckExact(a) ||
        PyBytes_CheckExact(a) || PyFrozenSet_CheckExact(a) || a == Py_Ellipsis)
        return PyObject_RichCompareBool(a, b, Py_EQ);
    /* complex and anything else: by value */
    return PyObject_RichCompareBool(a, b, Py_EQ);
}

static PyObject *
code_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyCode_Check(self) || !PyCode_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyCodeObject *co = (PyCodeObject *)self, *cp = (PyCodeObject *)other;
    int eq = 1;
    if (co == cp) goto done;
    eq = PyObject_RichCompareBool(co->co_name, cp->co_name, Py_EQ);
    if (eq <= 0) goto unequal;
    if (co->co_argcount != cp->co_argcount || co->co_posonlyargcount != cp->co_posonlyargcount ||
        co->co_kwonlyargcount != cp->co_kwonlyargcount || co->co_flags != cp->co_flags ||
        co->co_firstlineno != cp->co_firstlineno || Py_SIZE(co) != Py_SIZE(cp)) {
        eq = 0;
        goto unequal;
    }
    {
        /* compare de-specialised instructions */
        _Py_CODEUNIT *a = _PyCode_CODE(co), *b = _PyCode_CODE(cp);
        for (Py_ssize_t i = 0; i < Py_SIZE(co); i++) {
            int opa = _PyOpcode_Deopt[a[i].op.code], opb = _PyOpcode_Deopt[b[i].op.code];
            if (opa != opb || a[i].op.arg != b[i].op.arg) {
                eq = 0;
                goto unequal;
            }
            i += _PyOpcode_Caches[opa];
        }
    }
    {
        Py_ssize_t n = PyTuple_GET_SIZE(co->co_consts);
        if (n != PyTuple_GET_SIZE(cp->co_consts)) {
            eq = 0;
            goto unequal;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            eq = const_equal(PyTuple_GET_ITEM(co->co_consts, i), PyTuple_GET_ITEM(cp->co_consts, i));
            if (eq <= 0) goto unequal;
        }
    }
    eq = PyObject_RichCompareBool(co->co_names, cp->co_names, Py_EQ);
    if (eq <= 0) goto unequal;
    eq = PyObject_RichCompareBool(co->co_localsplusnames, cp->co_localsplusnames, Py_EQ);
    if (eq <= 0) goto unequal;
    eq = PyObject_RichCompareBool(co->co_linetable, cp->co_linetable, Py_EQ);
    if (eq <= 0) goto unequal;
    eq = PyObject_RichCompareBool(co->co_exceptiontable, cp->co_exceptiontable, Py_EQ);
    if (eq <= 0) goto unequal;
done:
    if (op == Py_EQ) Py_RETURN_TRUE;
    Py_RETURN_FALSE;
unequal:
    if (eq < 0) return NULL;
    if (op == Py_NE) Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

static Py_hash_t
code_hash(PyCodeObject *co)
{
    Py_uhash_t uhash = 20221211;
#define SCRAMBLE_IN(H) do { uhash ^= (Py_uhash_t)(H); uhash *= _PyHASH_MULTIPLIER; } while (0)
#define SCRAMBLE_IN_HASH(EXPR) do { Py_hash_t h = PyObject_Hash(EXPR); \
        if (h == -1) { return -1; } \
        SCRAMBLE_IN(h); } while (0)
    SCRAMBLE_IN_HASH(co->co_name);
    SCRAMBLE_IN_HASH(co->co_consts);
    SCRAMBLE_IN_HASH(co->co_names);
    SCRAMBLE_IN_HASH(co->co_localsplusnames);
    SCRAMBLE_IN_HASH(co->co_linetable);
    SCRAMBLE_IN_HASH(co->co_exceptiontable);
    SCRAMBLE_IN(co->co_argcount);
    SCRAMBLE_IN(co->co_posonlyargcount);
    SCRAMBLE_IN(co->co_kwonlyargcount);
    SCRAMBLE_IN(co->co_flags);
    SCRAMBLE_IN(co->co_firstlineno);
    SCRAMBLE_IN(Py_SIZE(co));
    _Py_CODEUNIT *a = _PyCode_CODE(co);
    for (Py_ssize_t i = 0; i < Py_SIZE(co); i++) {
        int op = _PyOpcode_Deopt[a[i].op.code];
        SCRAMBLE_IN(op);
        SCRAMBLE_IN(a[i].op.arg);
        i += _PyOpcode_Caches[op];
    }
#undef SCRAMBLE_IN
#undef SCRAMBLE_IN_HASH
    if ((Py_hash_t)uhash == -1) return -2;
    return (Py_hash_t)uhash;
}

static PyObject *
code_sizeof(PyCodeObject *co, PyObject *Py_UNUSED(args))
{
    size_t res = _PyObject_VAR_SIZE(Py_TYPE(co), Py_SIZE(co));
    return PyLong_FromSize_t(res);
}

static PyObject *
code_varname_from_oparg(PyCodeObject *co, PyObject *arg)
{
    Py_ssize_t i = PyLong_AsSsize_t(arg);
    if (i == -1 && PyErr_Occurred()) return NULL;
    if (i < 0 || i >= co->co_nlocalsplus) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return Py_NewRef(PyTuple_GET_ITEM(co->co_localsplusnames, i));
}

/* Rebuild localsplusnames/kinds from the three name tuples (code() and
   replace()).  A cell variable that is also an argument/local gets
   LOCAL|CELL in the local's slot. */
static int
build_localsplus(PyObject *varnames, PyObject *cellvars, PyObject *freevars, int argcount,
                 PyObject **pnames, PyObject **pkinds)
{
    Py_ssize_t nvar = PyTuple_GET_SIZE(varnames), ncell = PyTuple_GET_SIZE(cellvars);
    Py_ssize_t nfree = PyTuple_GET_SIZE(freevars);
    PyObject *names = PyTuple_New(nvar + ncell + nfree);
    if (names == NULL) return -1;
    PyObject *kinds = PyBytes_FromStringAndSize(NULL, nvar + ncell + nfree);
    if (kinds == NULL) {
        Py_DECREF(names);
        return -1;
    }
    unsigned char *k = (unsigned char *)PyBytes_AS_STRING(kinds);
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < nvar; i++) {
        PyTuple_SET_ITEM(names, n, Py_NewRef(PyTuple_GET_ITEM(varnames, i)));
        k[n++] = CO_FAST_LOCAL;
    }
    for (Py_ssize_t i = 0; i < ncell; i++) {
        PyObject *name = PyTuple_GET_ITEM(cellvars, i);
        Py_ssize_t j;
        for (j = 0; j < nvar; j++) {
            int r = PyObject_RichCompareBool(name, PyTuple_GET_ITEM(varnames, j), Py_EQ);
            if (r < 0) goto error;
            if (r) break;
        }
        if (j < nvar) {
            k[j] |= CO_FAST_CELL;
            continue;
        }
        PyTuple_SET_ITEM(names, n, Py_NewRef(name));
        k[n++] = CO_FAST_CELL;
    }
    for (Py_ssize_t i = 0; i < nfree; i++) {
        PyTuple_SET_ITEM(names, n, Py_NewRef(PyTuple_GET_ITEM(freevars, i)));
        k[n++] = CO_FAST_FREE;
    }
    if (n != nvar + ncell + nfree) {
        for (Py_ssize_t i = n; i < nvar + ncell + nfree; i++) PyTuple_SET_ITEM(names, i, NULL);
        if (_PyTuple_Resize(&names, n) < 0) {
            Py_DECREF(kinds);
            return -1;
        }
        if (_PyBytes_Resize(&kinds, n) < 0) {
            Py_DECREF(names);
            return -1;
        }
    }
    (void)argcount;
    *pnames = names;
    *pkinds = kinds;
    return 0;
error:
    for (Py_ssize_t i = n; i < nvar + ncell + nfree; i++) PyTuple_SET_ITEM(names, i, NULL);
    Py_DECREF(names);
    Py_DECREF(kinds);
    return -1;
}

/* A tuple of exact str, or TypeError. */
static int
check_name_tuple(PyObject *t, const char *what)
{
    if (!PyTuple_Check(t)) {
        PyErr_Format(PyExc_TypeError, "%s must be a tuple of strings", what);
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(t); i++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(t, i))) {
            PyErr_Format(PyExc_TypeError, "name tuples must contain only strings, not '%.500s'",
                         Py_TYPE(PyTuple_GET_ITEM(t, i))->tp_name);
            return -1;
        }
    }
    return 0;
}

struct code_args {
    int argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags, firstlineno;
    PyObject *code, *consts, *names, *varnames, *filename, *name, *qualname, *linetable,
        *exceptiontable, *freevars, *cellvars;
};

static PyObject *
code_from_args(struct code_args *a)
{
    if (a->argcount < a->posonlyargcount || a->posonlyargcount < 0 || a->kwonlyargcount < 0 ||
        a->nlocals < 0 || a->stacksize < 0 || a->flags < 0 || a->firstlineno < 0) {
        PyErr_SetString(PyExc_ValueError, "code: argument out of range");
        return NULL;
    }
    if (!PyBytes_Check(a->code) || !PyTuple_Check(a->consts) || !PyBytes_Check(a->linetable) ||
        !PyBytes_Check(a->exceptiontable) || !PyUnicode_Check(a->filename) ||
        !PyUnicode_Check(a->name) || !PyUnicode_Check(a->qualname)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (check_name_tuple(a->names, "names") < 0 || check_name_tuple(a->varnames, "varnames") < 0 ||
        check_name_tuple(a->freevars, "freevars") < 0 || check_name_tuple(a->cellvars, "cellvars") < 0)
        return NULL;
    PyObject *names = PySequence_Tuple(a->names);
    if (names == NULL) return NULL;
    PyObject *consts = PySequence_Tuple(a->consts);
    if (consts == NULL) {
        Py_DECREF(names);
        return NULL;
    }
    PyObject *lpnames, *lpkinds;
    if (build_localsplus(a->varnames, a->cellvars, a->freevars, a->argcount, &lpnames, &lpkinds) < 0) {
        Py_DECREF(names);
        Py_DECREF(consts);
        return NULL;
    }
    struct _PyCodeConstructor con = {
        .filename = a->filename, .name = a->name, .qualname = a->qualname, .flags = a->flags,
        .code = a->code, .firstlineno = a->firstlineno, .linetable = a->linetable,
        .consts = consts, .names = names, .localsplusnames = lpnames,
        .localspluskinds = lpkinds, .argcount = a->argcount,
        .posonlyargcount = a->posonlyargcount, .kwonlyargcount = a->kwonlyargcount,
        .stacksize = a->stacksize, .exceptiontable = a->exceptiontable,
    };
    PyCodeObject *co = _PyCode_New(&con);
    Py_DECREF(names);
    Py_DECREF(consts);
    Py_DECREF(lpnames);
    Py_DECREF(lpkinds);
    return (PyObject *)co;
}

static int
arg_as_int(PyObject *v, int *out)
{
    long x = PyLong_AsLong(v);
    if (x == -1 && PyErr_Occurred()) return -1;
    if (x < INT_MIN || x > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

static const char *const replace_kwlist[] = {
    "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize",
    "co_flags", "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames",
    "co_freevars", "co_cellvars", "co_filename", "co_name", "co_qualname", "co_linetable",
    "co_exceptiontable", NULL,
};

static int
code_args_set(struct code_args *a, int idx, PyObject *v)
{
    switch (idx) {
    case 0: return arg_as_int(v, &a->argcount);
    case 1: return arg_as_int(v, &a->posonlyargcount);
    case 2: return arg_as_int(v, &a->kwonlyargcount);
    case 3: return arg_as_int(v, &a->nlocals);
    case 4: return arg_as_int(v, &a->stacksize);
    case 5: return arg_as_int(v, &a->flags);
    case 6: return arg_as_int(v, &a->firstlineno);
    case 7: a->code = v; return 0;
    case 8: a->consts = v; return 0;
    case 9: a->names = v; return 0;
    case 10: a->varnames = v; return 0;
    case 11: a->freevars = v; return 0;
    case 12: a->cellvars = v; return 0;
    case 13: a->filename = v; return 0;
    case 14: a->name = v; return 0;
    case 15: a->qualname = v; return 0;
    case 16: a->linetable = v; return 0;
    case 17: a->exceptiontable = v; return 0;
    }
    return -1;
}

static PyObject *
code_replace(PyCodeObject *co, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    if (nargs != 0) {
        PyErr_Format(PyExc_TypeError, "replace() takes 0 positional arguments but %zd were given",
                     nargs);
        return NULL;
    }
    PyObject *code = _PyCode_GetCode(co);
    if (code == NULL) return NULL;
    PyObject *varnames = _PyCode_GetVarnames(co);
    PyObject *cellvars = _PyCode_GetCellvars(co);
    PyObject *freevars = _PyCode_GetFreevars(co);
    PyObject *res = NULL;
    if (varnames == NULL || cellvars == NULL || freevars == NULL) goto done;
    struct code_args a = {
        co->co_argcount, co->co_posonlyargcount, co->co_kwonlyargcount, co->co_nlocals,
        co->co_stacksize, co->co_flags & ~CO_HAS_DOCSTRING, co->co_firstlineno,
        code, co->co_consts, co->co_names, varnames, co->co_filename, co->co_name,
        co->co_qualname, co->co_linetable, co->co_exceptiontable, freevars, cellvars,
    };
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, i);
        int idx;
        for (idx = 0; replace_kwlist[idx]; idx++)
            if (_PyUnicode_EqualToASCIIString(key, replace_kwlist[idx])) break;
        if (replace_kwlist[idx] == NULL) {
            PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for replace()", key);
            goto done;
        }
        if (code_args_set(&a, idx, args[i]) < 0) goto done;
    }
    res = code_from_args(&a);
    if (res != NULL && ((PyCodeObject *)res)->co_flags != a.flags) {
        ((PyCodeObject *)res)->co_flags = a.flags;
    }
done:
    Py_DECREF(code);
    Py_XDECREF(varnames);
    Py_XDECREF(cellvars);
    Py_XDECREF(freevars);
    return res;
}

/* code(argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize,
        flags, codestring, constants, names, varnames, filename, name,
        qualname, firstlineno, linetable, exceptiontable, freevars=(),
        cellvars=(), /) */
static PyObject *
code_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (kw != NULL && PyDict_GET_SIZE(kw) != 0) {
        PyErr_SetString(PyExc_TypeError, "code() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 16 || n > 18) {
        PyErr_Format(PyExc_TypeError, "code expected at least 16 arguments, got %zd", n);
        if (n > 18)
            PyErr_Format(PyExc_TypeError, "code expected at most 18 arguments, got %zd", n);
        return NULL;
    }
    struct code_args a;
    PyObject *const *v = _PyTuple_ITEMS(args);
    if (arg_as_int(v[0], &a.argcount) < 0 || arg_as_int(v[1], &a.posonlyargcount) < 0 ||
        arg_as_int(v[2], &a.kwonlyargcount) < 0 || arg_as_int(v[3], &a.nlocals) < 0 ||
        arg_as_int(v[4], &a.stacksize) < 0 || arg_as_int(v[5], &a.flags) < 0 ||
        arg_as_int(v[13], &a.firstlineno) < 0)
        return NULL;
    a.code = v[6];
    a.consts = v[7];
    a.names = v[8];
    a.varnames = v[9];
    a.filename = v[10];
    a.name = v[11];
    a.qualname = v[12];
    a.linetable = v[14];
    a.exceptiontable = v[15];
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL) return NULL;
    a.freevars = n > 16 ? v[16] : empty;
    a.cellvars = n > 17 ? v[17] : empty;
    PyObject *res = code_from_args(&a);
    Py_DECREF(empty);
    return res;
}

#define OFF(x) offsetof(PyCodeObject, x)
static PyMemberDef code_memberlist[] = {
    {"co_argcount", Py_T_INT, OFF(co_argcount), Py_READONLY, NULL},
    {"co_posonlyargcount", Py_T_INT, OFF(co_posonlyargcount), Py_READONLY, NULL},
    {"co_kwonlyargcount", Py_T_INT, OFF(co_kwonlyargcount), Py_READONLY, NULL},
    {"co_stacksize", Py_T_INT, OFF(co_stacksize), Py_READONLY, NULL},
    {"co_nlocals", Py_T_INT, OFF(co_nlocals), Py_READONLY, NULL},
    {"co_consts", _Py_T_OBJECT, OFF(co_consts), Py_READONLY, NULL},
    {"co_names", _Py_T_OBJECT, OFF(co_names), Py_READONLY, NULL},
    {"co_filename", _Py_T_OBJECT, OFF(co_filename), Py_READONLY, NULL},
    {"co_name", _Py_T_OBJECT, OFF(co_name), Py_READONLY, NULL},
    {"co_qualname", _Py_T_OBJECT, OFF(co_qualname), Py_READONLY, NULL},
    {"co_firstlineno", Py_T_INT, OFF(co_firstlineno), Py_READONLY, NULL},
    {"co_linetable", _Py_T_OBJECT, OFF(co_linetable), Py_READONLY, NULL},
    {"co_exceptiontable", _Py_T_OBJECT, OFF(co_exceptiontable), Py_READONLY, NULL},
    {NULL}
};
#undef OFF

static PyGetSetDef code_getsetlist[] = {
    {"co_lnotab", (getter)code_getlnotab, NULL, NULL, NULL},
    {"_co_code_adaptive", (getter)code_getcodeadaptive, NULL, NULL, NULL},
    {"co_varnames", (getter)code_getvarnames, NULL, NULL, NULL},
    {"co_cellvars", (getter)code_getcellvars, NULL, NULL, NULL},
    {"co_freevars", (getter)code_getfreevars, NULL, NULL, NULL},
    {"co_code", (getter)code_getcode, NULL, NULL, NULL},
    {"co_flags", (getter)code_getflags, NULL, NULL, NULL},
    {NULL}
};

static PyMethodDef code_methods[] = {
    {"__sizeof__", (PyCFunction)code_sizeof, METH_NOARGS, NULL},
    {"co_lines", (PyCFunction)code_linesiterator, METH_NOARGS, NULL},
    {"co_positions", (PyCFunction)code_positionsiterator, METH_NOARGS, NULL},
    {"replace", _PyCFunction_CAST(code_replace), METH_FASTCALL | METH_KEYWORDS,
     "replace($self, /, **changes)\n--\n\nReturn a copy of the code object with new values for the specified fields."},
    {"_varname_from_oparg", (PyCFunction)code_varname_from_oparg, METH_O, NULL},
    {NULL, NULL}
};

PyTypeObject PyCode_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "code",
    .tp_basicsize = offsetof(PyCodeObject, co_code_adaptive),
    .tp_itemsize = sizeof(_Py_CODEUNIT),
    .tp_dealloc = (destructor)code_dealloc,
    .tp_repr = (reprfunc)code_repr,
    .tp_hash = (hashfunc)code_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Create a code object.  Not for the faint of heart.",
    .tp_richcompare = code_richcompare,
    .tp_weaklistoffset = offsetof(PyCodeObject, co_weakreflist),
    .tp_methods = code_methods,
    .tp_members = code_memberlist,
    .tp_getset = code_getsetlist,
    .tp_new = code_new,
};

int
_PyCode_InitTypes(void)
{
    if (PyType_Ready(&PyCode_Type) < 0) return -1;
    if (PyType_Ready(&LineIterator) < 0) return -1;
    if (PyType_Ready(&PositionsIterator) < 0) return -1;
    return 0;
}
