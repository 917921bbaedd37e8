/* compile_match.c -- code generation for `match` statements (PEP 634),
 * CPython 3.12's scheme.
 *
 * The subject stays on the stack while patterns are tried.  Each pattern
 * leaves the values it captures on the stack (names are stored only when
 * the whole case has matched), plus `on_top` temporaries above them.  A
 * failed check jumps to fail_pop[n], a chain of POP_TOPs that discards
 * exactly the n items pushed so far.  Or-patterns compile each
 * alternative separately and rotate the captures into the order of the
 * first alternative.
 */
#include "pycore.h"
#include "compiler.h"
#include <string.h>

typedef struct {
    PyObject *stores;          /* list of captured names, in stack order */
    int allow_irrefutable;
    int *fail_pop;             /* labels */
    Py_ssize_t fail_pop_size;
    Py_ssize_t on_top;
} pattern_context;

#define WILDCARD_CHECK(N) ((N)->kind == MatchAs_kind && !(N)->v.MatchAs.name)
#define WILDCARD_STAR_CHECK(N) ((N)->kind == MatchStar_kind && !(N)->v.MatchStar.name)
#define MATCH_VALUE_EXPR(N) ((N)->kind == Constant_kind || (N)->kind == Attribute_kind)

static int compiler_pattern(struct compiler *c, pattern_ty p, pattern_context *pc);

#define ADDOP_COMPARE_EQ(C, LOC) ADDOP_I((C), (LOC), COMPARE_OP, (Py_EQ << 4) | 8)
#define ADDOP_COMPARE_GTE(C, LOC) ADDOP_I((C), (LOC), COMPARE_OP, (Py_GE << 4) | 4 | 8)

static int
ensure_fail_pop(struct compiler *c, pattern_context *pc, Py_ssize_t n)
{
    Py_ssize_t size = n + 1;
    if (size <= pc->fail_pop_size) return SUCCESS;
    int *resized = PyMem_Realloc(pc->fail_pop, sizeof(int) * size);
    if (resized == NULL) { PyErr_NoMemory(); return ERROR; }
    pc->fail_pop = resized;
    while (pc->fail_pop_size < size) {
        NEW_JUMP_TARGET_LABEL(c, new_block);
        pc->fail_pop[pc->fail_pop_size++] = new_block;
    }
    return SUCCESS;
}

static int
jump_to_fail_pop(struct compiler *c, location loc, pattern_context *pc, int op)
{
    Py_ssize_t pops = pc->on_top + PyList_GET_SIZE(pc->stores);
    RETURN_IF_ERROR(ensure_fail_pop(c, pc, pops));
    ADDOP_JUMP(c, loc, op, pc->fail_pop[pops]);
    return SUCCESS;
}

static int
emit_and_reset_fail_pop(struct compiler *c, location loc, pattern_context *pc)
{
    if (!pc->fail_pop_size) return SUCCESS;
    while (--pc->fail_pop_size) {
        USE_LABEL(c, pc->fail_pop[pc->fail_pop_size]);
        if (_RpC_Addop(c, loc, POP_TOP) < 0) {
            pc->fail_pop_size = 0;
            PyMem_Free(pc->fail_pop);
            pc->fail_pop = NULL;
            return ERROR;
        }
    }
    USE_LABEL(c, pc->fail_pop[0]);
    PyMem_Free(pc->fail_pop);
    pc->fail_pop = NULL;
    return SUCCESS;
}

static int
pattern_helper_rotate(struct compiler *c, location loc, Py_ssize_t count)
{
    while (1 < count) ADDOP_I(c, loc, SWAP, count--);
    return SUCCESS;
}

static int
list_contains(PyObject *list, PyObject *name)
{
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++)
        if (PyUnicode_Compare(PyList_GET_ITEM(list, i), name) == 0) return 1;
    return 0;
}

static Py_ssize_t
list_index(PyObject *list, PyObject *name)
{
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++)
        if (PyUnicode_Compare(PyList_GET_ITEM(list, i), name) == 0) return i;
    return -1;
}

static int
pattern_helper_store_name(struct compiler *c, location loc, PyObject *n, pattern_context *pc)
{
    if (n == NULL) {
        ADDOP(c, loc, POP_TOP);
        return SUCCESS;
    }
    if (_RpC_ForbiddenName(c, loc, n, Store)) return ERROR;
    if (list_contains(pc->stores, n))
        return _RpC_Error(c, loc, "multiple assignments to name %R in pattern", n);
    Py_ssize_t rotations = pc->on_top + PyList_GET_SIZE(pc->stores) + 1;
    RETURN_IF_ERROR(pattern_helper_rotate(c, loc, rotations));
    RETURN_IF_ERROR(PyList_Append(pc->stores, n));
    return SUCCESS;
}

static int
pattern_unpack_helper(struct compiler *c, location loc, asdl_pattern_seq *elts)
{
    Py_ssize_t n = asdl_seq_LEN(elts);
    int seen_star = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        pattern_ty elt = asdl_seq_GET(elts, i);
        if (elt->kind == MatchStar_kind && !seen_star) {
            if ((i >= (1 << 8)) || (n - i - 1 >= (INT_MAX >> 8)))
                return _RpC_Error(c, loc, "too many expressions in star-unpacking sequence pattern");
            ADDOP_I(c, loc, UNPACK_EX, (i + ((n - i - 1) << 8)));
            seen_star = 1;
        }
        else if (elt->kind == MatchStar_kind) {
            return _RpC_Error(c, loc, "multiple starred expressions in sequence pattern");
        }
    }
    if (!seen_star) ADDOP_I(c, loc, UNPACK_SEQUENCE, n);
    return SUCCESS;
}

static int
compiler_pattern_subpattern(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    int allow_irrefutable = pc->allow_irrefutable;
    pc->allow_irrefutable = 1;
    RETURN_IF_ERROR(compiler_pattern(c, p, pc));
    pc->allow_irrefutable = allow_irrefutable;
    return SUCCESS;
}

static int
pattern_helper_sequence_unpack(struct compiler *c, location loc, asdl_pattern_seq *patterns,
                               Py_ssize_t star, pattern_context *pc)
{
    RETURN_IF_ERROR(pattern_unpack_helper(c, loc, patterns));
    Py_ssize_t size = asdl_seq_LEN(patterns);
    pc->on_top += size;
    for (Py_ssize_t i = 0; i < size; i++) {
        pc->on_top--;
        RETURN_IF_ERROR(compiler_pattern_subpattern(c, asdl_seq_GET(patterns, i), pc));
    }
    return SUCCESS;
}

static int
pattern_helper_sequence_subscr(struct compiler *c, location loc, asdl_pattern_seq *patterns,
                               Py_ssize_t star, pattern_context *pc)
{
    pc->on_top++;
    Py_ssize_t size = asdl_seq_LEN(patterns);
    for (Py_ssize_t i = 0; i < size; i++) {
        pattern_ty pattern = asdl_seq_GET(patterns, i);
        if (WILDCARD_CHECK(pattern)) continue;
        if (i == star) continue;
        ADDOP_I(c, loc, COPY, 1);
        if (i < star) {
            ADDOP_LOAD_CONST_NEW(c, loc, PyLong_FromSsize_t(i));
        }
        else {
            ADDOP(c, loc, GET_LEN);
            ADDOP_LOAD_CONST_NEW(c, loc, PyLong_FromSsize_t(size - i));
            ADDOP_I(c, loc, BINARY_OP, NB_SUBTRACT);
        }
        ADDOP(c, loc, BINARY_SUBSCR);
        RETURN_IF_ERROR(compiler_pattern_subpattern(c, pattern, pc));
    }
    pc->on_top--;
    ADDOP(c, loc, POP_TOP);
    return SUCCESS;
}

static int
compiler_pattern_as(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    if (p->v.MatchAs.pattern == NULL) {
        if (!pc->allow_irrefutable) {
            if (p->v.MatchAs.name)
                return _RpC_Error(c, LOC(p), "name capture %R makes remaining patterns unreachable",
                                  p->v.MatchAs.name);
            return _RpC_Error(c, LOC(p), "wildcard makes remaining patterns unreachable");
        }
        return pattern_helper_store_name(c, LOC(p), p->v.MatchAs.name, pc);
    }
    pc->on_top++;
    ADDOP_I(c, LOC(p), COPY, 1);
    RETURN_IF_ERROR(compiler_pattern(c, p->v.MatchAs.pattern, pc));
    pc->on_top--;
    return pattern_helper_store_name(c, LOC(p), p->v.MatchAs.name, pc);
}

static int
validate_kwd_attrs(struct compiler *c, asdl_identifier_seq *attrs, asdl_pattern_seq *patterns)
{
    Py_ssize_t nattrs = asdl_seq_LEN(attrs);
    for (Py_ssize_t i = 0; i < nattrs; i++) {
        PyObject *attr = asdl_seq_GET(attrs, i);
        location loc = LOC((pattern_ty)asdl_seq_GET(patterns, i));
        if (_RpC_ForbiddenName(c, loc, attr, Store)) return ERROR;
        for (Py_ssize_t j = i + 1; j < nattrs; j++) {
            PyObject *other = asdl_seq_GET(attrs, j);
            if (!PyUnicode_Compare(attr, other)) {
                location loc2 = LOC((pattern_ty)asdl_seq_GET(patterns, j));
                return _RpC_Error(c, loc2, "attribute name repeated in class pattern: %U", attr);
            }
        }
    }
    return SUCCESS;
}

static int
compiler_pattern_class(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    asdl_pattern_seq *patterns = p->v.MatchClass.patterns;
    asdl_identifier_seq *kwd_attrs = p->v.MatchClass.kwd_attrs;
    asdl_pattern_seq *kwd_patterns = p->v.MatchClass.kwd_patterns;
    Py_ssize_t nargs = asdl_seq_LEN(patterns);
    Py_ssize_t nattrs = asdl_seq_LEN(kwd_attrs);
    Py_ssize_t nkwd_patterns = asdl_seq_LEN(kwd_patterns);
    if (nattrs != nkwd_patterns)
        return _RpC_Error(c, LOC(p),
                          "kwd_attrs (%d) / kwd_patterns (%d) length mismatch in class pattern",
                          (int)nattrs, (int)nkwd_patterns);
    if (nattrs) RETURN_IF_ERROR(validate_kwd_attrs(c, kwd_attrs, kwd_patterns));
    VISIT(c, Expr, p->v.MatchClass.cls);
    PyObject *attr_names = PyTuple_New(nattrs);
    if (attr_names == NULL) return ERROR;
    for (Py_ssize_t i = 0; i < nattrs; i++)
        PyTuple_SET_ITEM(attr_names, i, Py_NewRef((PyObject *)asdl_seq_GET(kwd_attrs, i)));
    ADDOP_LOAD_CONST_NEW(c, LOC(p), attr_names);
    ADDOP_I(c, LOC(p), MATCH_CLASS, nargs);
    ADDOP_I(c, LOC(p), COPY, 1);
    ADDOP_LOAD_CONST(c, LOC(p), Py_None);
    ADDOP_I(c, LOC(p), IS_OP, 1);
    pc->on_top++;
    RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
    ADDOP_I(c, LOC(p), UNPACK_SEQUENCE, nargs + nattrs);
    pc->on_top += nargs + nattrs - 1;
    for (Py_ssize_t i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        pattern_ty pattern = i < nargs ? asdl_seq_GET(patterns, i)
                                       : asdl_seq_GET(kwd_patterns, i - nargs);
        if (WILDCARD_CHECK(pattern)) {
            ADDOP(c, LOC(p), POP_TOP);
            continue;
        }
        RETURN_IF_ERROR(compiler_pattern_subpattern(c, pattern, pc));
    }
    return SUCCESS;
}

static int
compiler_pattern_mapping(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    asdl_expr_seq *keys = p->v.MatchMapping.keys;
    asdl_pattern_seq *patterns = p->v.MatchMapping.patterns;
    Py_ssize_t size = asdl_seq_LEN(keys);
    Py_ssize_t npatterns = asdl_seq_LEN(patterns);
    if (size != npatterns)
        return _RpC_Error(c, LOC(p), "keys (%d) / patterns (%d) length mismatch in mapping pattern",
                          (int)size, (int)npatterns);
    PyObject *star_target = p->v.MatchMapping.rest;
    pc->on_top++;
    ADDOP(c, LOC(p), MATCH_MAPPING);
    RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
    if (!size && !star_target) {
        pc->on_top--;
        ADDOP(c, LOC(p), POP_TOP);
        return SUCCESS;
    }
    if (size) {
        ADDOP(c, LOC(p), GET_LEN);
        ADDOP_LOAD_CONST_NEW(c, LOC(p), PyLong_FromSsize_t(size));
        ADDOP_COMPARE_GTE(c, LOC(p));
        RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
    }
    PyObject *seen = PyList_New(0);
    if (seen == NULL) return ERROR;
    for (Py_ssize_t i = 0; i < size; i++) {
        expr_ty key = asdl_seq_GET(keys, i);
        if (key == NULL) {
            location loc = LOC((pattern_ty)asdl_seq_GET(patterns, i));
            _RpC_Error(c, loc, "can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
            goto error;
        }
        if (key->kind == Constant_kind) {
            int in_seen = PySequence_Contains(seen, key->v.Constant.value);
            if (in_seen < 0) goto error;
            if (in_seen) {
                _RpC_Error(c, LOC(p), "mapping pattern checks duplicate key (%R)",
                           key->v.Constant.value);
                goto error;
            }
            if (PyList_Append(seen, key->v.Constant.value)) goto error;
        }
        else if (key->kind != Attribute_kind) {
            _RpC_Error(c, LOC(p), "mapping pattern keys may only match literals and attribute lookups");
            goto error;
        }
        if (_RpC_VisitExpr(c, key) < 0) goto error;
    }
    Py_DECREF(seen);
    ADDOP_I(c, LOC(p), BUILD_TUPLE, size);
    ADDOP(c, LOC(p), MATCH_KEYS);
    pc->on_top += 2;
    ADDOP_I(c, LOC(p), COPY, 1);
    ADDOP_LOAD_CONST(c, LOC(p), Py_None);
    ADDOP_I(c, LOC(p), IS_OP, 1);
    RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
    ADDOP_I(c, LOC(p), UNPACK_SEQUENCE, size);
    pc->on_top += size - 1;
    for (Py_ssize_t i = 0; i < size; i++) {
        pc->on_top--;
        RETURN_IF_ERROR(compiler_pattern_subpattern(c, asdl_seq_GET(patterns, i), pc));
    }
    pc->on_top -= 2;
    if (star_target) {
        ADDOP_I(c, LOC(p), BUILD_MAP, 0);
        ADDOP_I(c, LOC(p), SWAP, 3);
        ADDOP_I(c, LOC(p), DICT_UPDATE, 2);
        ADDOP_I(c, LOC(p), UNPACK_SEQUENCE, size);
        while (size) {
            ADDOP_I(c, LOC(p), COPY, 1 + size--);
            ADDOP_I(c, LOC(p), SWAP, 2);
            ADDOP(c, LOC(p), DELETE_SUBSCR);
        }
        RETURN_IF_ERROR(pattern_helper_store_name(c, LOC(p), star_target, pc));
    }
    else {
        ADDOP(c, LOC(p), POP_TOP);
        ADDOP(c, LOC(p), POP_TOP);
    }
    return SUCCESS;
error:
    Py_DECREF(seen);
    return ERROR;
}

static int
compiler_pattern_or(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    NEW_JUMP_TARGET_LABEL(c, end);
    Py_ssize_t size = asdl_seq_LEN(p->v.MatchOr.patterns);
    pattern_context old_pc = *pc;
    Py_INCREF(pc->stores);
    PyObject *control = NULL;
    for (Py_ssize_t i = 0; i < size; i++) {
        pattern_ty alt = asdl_seq_GET(p->v.MatchOr.patterns, i);
        PyObject *pc_stores = PyList_New(0);
        if (pc_stores == NULL) goto error;
        Py_SETREF(pc->stores, pc_stores);
        pc->allow_irrefutable = (i == size - 1) && old_pc.allow_irrefutable;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        if (_RpC_AddopI(c, LOC(alt), COPY, 1) < 0 || compiler_pattern(c, alt, pc) < 0)
            goto error;
        Py_ssize_t nstores = PyList_GET_SIZE(pc->stores);
        if (!i) {
            control = Py_NewRef(pc->stores);
        }
        else if (nstores != PyList_GET_SIZE(control)) {
            goto diff;
        }
        else if (nstores) {
            Py_ssize_t icontrol = nstores;
            while (icontrol--) {
                PyObject *name = PyList_GET_ITEM(control, icontrol);
                Py_ssize_t istores = list_index(pc->stores, name);
                if (istores < 0) goto diff;
                if (icontrol != istores) {
                    Py_ssize_t rotations = istores + 1;
                    PyObject *rotated = PyList_GetSlice(pc->stores, 0, rotations);
                    if (rotated == NULL || PyList_SetSlice(pc->stores, 0, rotations, NULL) ||
                        PyList_SetSlice(pc->stores, icontrol - istores, icontrol - istores, rotated)) {
                        Py_XDECREF(rotated);
                        goto error;
                    }
                    Py_DECREF(rotated);
                    while (rotations--) {
                        if (pattern_helper_rotate(c, LOC(alt), icontrol + 1) < 0) goto error;
                    }
                }
            }
        }
        if (_RpC_AddopJump(c, LOC(alt), JUMP, end) < 0 ||
            emit_and_reset_fail_pop(c, LOC(alt), pc) < 0)
            goto error;
    }
    Py_DECREF(pc->stores);
    *pc = old_pc;
    Py_INCREF(pc->stores);
    old_pc.fail_pop = NULL;
    if (_RpC_Addop(c, LOC(p), POP_TOP) < 0 || jump_to_fail_pop(c, LOC(p), pc, JUMP) < 0)
        goto error;
    if (_RpC_UseLabel(c, end) < 0) goto error;
    Py_ssize_t nstores = PyList_GET_SIZE(control);
    Py_ssize_t nrots = nstores + 1 + pc->on_top + PyList_GET_SIZE(pc->stores);
    for (Py_ssize_t i = 0; i < nstores; i++) {
        if (pattern_helper_rotate(c, LOC(p), nrots) < 0) goto error;
        PyObject *name = PyList_GET_ITEM(control, i);
        if (list_contains(pc->stores, name)) {
            _RpC_Error(c, LOC(p), "multiple assignments to name %R in pattern", name);
            goto error;
        }
        if (PyList_Append(pc->stores, name)) goto error;
    }
    Py_DECREF(old_pc.stores);
    Py_DECREF(control);
    ADDOP(c, LOC(p), POP_TOP);
    return SUCCESS;
diff:
    _RpC_Error(c, LOC(p), "alternative patterns bind different names");
error:
    PyMem_Free(old_pc.fail_pop);
    Py_DECREF(old_pc.stores);
    Py_XDECREF(control);
    return ERROR;
}

static int
compiler_pattern_sequence(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    asdl_pattern_seq *patterns = p->v.MatchSequence.patterns;
    Py_ssize_t size = asdl_seq_LEN(patterns);
    Py_ssize_t star = -1;
    int only_wildcard = 1, star_wildcard = 0;
    for (Py_ssize_t i = 0; i < size; i++) {
        pattern_ty pattern = asdl_seq_GET(patterns, i);
        if (pattern->kind == MatchStar_kind) {
            if (star >= 0)
                return _RpC_Error(c, LOC(p), "multiple starred names in sequence pattern");
            star_wildcard = WILDCARD_STAR_CHECK(pattern);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= WILDCARD_CHECK(pattern);
    }
    pc->on_top++;
    ADDOP(c, LOC(p), MATCH_SEQUENCE);
    RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
    if (star < 0) {
        ADDOP(c, LOC(p), GET_LEN);
        ADDOP_LOAD_CONST_NEW(c, LOC(p), PyLong_FromSsize_t(size));
        ADDOP_COMPARE_EQ(c, LOC(p));
        RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
    }
    else if (size > 1) {
        ADDOP(c, LOC(p), GET_LEN);
        ADDOP_LOAD_CONST_NEW(c, LOC(p), PyLong_FromSsize_t(size - 1));
        ADDOP_COMPARE_GTE(c, LOC(p));
        RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
    }
    pc->on_top--;
    if (only_wildcard) {
        ADDOP(c, LOC(p), POP_TOP);
    }
    else if (star_wildcard) {
        RETURN_IF_ERROR(pattern_helper_sequence_subscr(c, LOC(p), patterns, star, pc));
    }
    else {
        RETURN_IF_ERROR(pattern_helper_sequence_unpack(c, LOC(p), patterns, star, pc));
    }
    return SUCCESS;
}

static int
compiler_pattern(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    switch (p->kind) {
    case MatchValue_kind: {
        expr_ty value = p->v.MatchValue.value;
        if (!MATCH_VALUE_EXPR(value))
            return _RpC_Error(c, LOC(p), "patterns may only match literals and attribute lookups");
        VISIT(c, Expr, value);
        ADDOP_COMPARE_EQ(c, LOC(p));
        return jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE);
    }
    case MatchSingleton_kind:
        ADDOP_LOAD_CONST(c, LOC(p), p->v.MatchSingleton.value);
        ADDOP_I(c, LOC(p), IS_OP, 0);
        return jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE);
    case MatchSequence_kind:
        return compiler_pattern_sequence(c, p, pc);
    case MatchMapping_kind:
        return compiler_pattern_mapping(c, p, pc);
    case MatchClass_kind:
        return compiler_pattern_class(c, p, pc);
    case MatchStar_kind:
        return pattern_helper_store_name(c, LOC(p), p->v.MatchStar.name, pc);
    case MatchAs_kind:
        return compiler_pattern_as(c, p, pc);
    case MatchOr_kind:
        return compiler_pattern_or(c, p, pc);
    }
    return _RpC_Error(c, LOC(p), "invalid match pattern node in AST (kind=%d)", (int)p->kind);
}

static int
compiler_match_inner(struct compiler *c, stmt_ty s, pattern_context *pc)
{
    VISIT(c, Expr, s->v.Match.subject);
    NEW_JUMP_TARGET_LABEL(c, end);
    Py_ssize_t cases = asdl_seq_LEN(s->v.Match.cases);
    if (cases <= 0) {
        PyErr_SetString(PyExc_SystemError, "match statement without cases");
        return ERROR;
    }
    match_case_ty m = asdl_seq_GET(s->v.Match.cases, cases - 1);
    int has_default = WILDCARD_CHECK(m->pattern) && 1 < cases;
    for (Py_ssize_t i = 0; i < cases - has_default; i++) {
        m = asdl_seq_GET(s->v.Match.cases, i);
        if (i != cases - has_default - 1) ADDOP_I(c, LOC(m->pattern), COPY, 1);
        pc->stores = PyList_New(0);
        if (pc->stores == NULL) return ERROR;
        pc->allow_irrefutable = m->guard != NULL || i == cases - 1;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        if (compiler_pattern(c, m->pattern, pc) < 0) {
            Py_DECREF(pc->stores);
            return ERROR;
        }
        Py_ssize_t nstores = PyList_GET_SIZE(pc->stores);
        for (Py_ssize_t n = 0; n < nstores; n++) {
            PyObject *name = PyList_GET_ITEM(pc->stores, n);
            if (_RpC_Nameop(c, LOC(m->pattern), name, Store) < 0) {
                Py_DECREF(pc->stores);
                return ERROR;
            }
        }
        Py_DECREF(pc->stores);
        if (m->guard) {
            RETURN_IF_ERROR(ensure_fail_pop(c, pc, 0));
            RETURN_IF_ERROR(_RpC_JumpIf(c, LOC(m->pattern), m->guard, pc->fail_pop[0], 0));
        }
        if (i != cases - has_default - 1) ADDOP(c, LOC(m->pattern), POP_TOP);
        VISIT_SEQ(c, Stmt, m->body);
        ADDOP_JUMP(c, NO_LOCATION, JUMP, end);
        RETURN_IF_ERROR(emit_and_reset_fail_pop(c, LOC(m->pattern), pc));
    }
    if (has_default) {
        m = asdl_seq_GET(s->v.Match.cases, cases - 1);
        if (cases == 1) {
            ADDOP(c, LOC(m->pattern), POP_TOP);
        }
        else {
            ADDOP(c, LOC(m->pattern), NOP);
        }
        if (m->guard) RETURN_IF_ERROR(_RpC_JumpIf(c, LOC(m->pattern), m->guard, end, 0));
        VISIT_SEQ(c, Stmt, m->body);
    }
    USE_LABEL(c, end);
    return SUCCESS;
}

int
_RpC_Match(struct compiler *c, stmt_ty s)
{
    pattern_context pc;
    memset(&pc, 0, sizeof(pc));
    int result = compiler_match_inner(c, s, &pc);
    PyMem_Free(pc.fail_pop);
    return result;
}
