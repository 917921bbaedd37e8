/* parser_helpers.c -- small helpers the grammar rules build the AST with.
 *
 * Sequences, memo entries, identifiers, numbers, argument lists, and the
 * odd node rewrites (a Name in Store context, "a.b.c" from dotted names).
 * Everything is allocated in the arena, so nothing here is freed by hand.
 */
#include "parser.h"

/* ------------------------------------------------------------- memo */

int
_RpParser_is_memoized(Parser *p, int type, void *pres)
{
    Token *t = _RpParser_tok(p, p->mark);
    if (p->error_indicator)
        return 0;
    for (Memo *m = t->memo; m != NULL; m = m->next) {
        if (m->type == type) {
            p->mark = m->mark;
            *(void **)pres = m->node;
            return 1;
        }
    }
    return 0;
}

int
_RpParser_insert_memo(Parser *p, int mark, int type, void *node)
{
    Token *t = &p->tokens[mark];
    for (Memo *m = t->memo; m != NULL; m = m->next) {
        if (m->type == type) {
            m->node = node;
            m->mark = p->mark;
            return 0;
        }
    }
    Memo *m = _PyArena_Malloc(p->arena, sizeof(Memo));
    if (m == NULL) {
        p->error_indicator = 1;
        return -1;
    }
    m->type = type;
    m->node = node;
    m->mark = p->mark;
    m->next = t->memo;
    t->memo = m;
    return 0;
}

void
_RpParser_clear_memo(Parser *p)
{
    for (int i = 0; i < p->ntokens; i++)
        p->tokens[i].memo = NULL;
}

/* -------------------------------------------------------------- vec */

int
_RpParser_vec_push(Parser *p, Vec *v, void *item)
{
    if (v->n == v->cap) {
        Py_ssize_t cap = v->cap ? v->cap * 2 : 8;
        void **items = _PyArena_Malloc(p->arena, (size_t)cap * sizeof(void *));
        if (items == NULL) {
            p->error_indicator = 1;
            return -1;
        }
        if (v->n)
            memcpy(items, v->items, (size_t)v->n * sizeof(void *));
        v->items = items;
        v->cap = cap;
    }
    v->items[v->n++] = item;
    return 0;
}

asdl_seq *
_RpParser_vec_seq(Parser *p, Vec *v)
{
    asdl_seq *seq = _Py_asdl_generic_seq_new(v->n, p->arena);
    if (seq == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    if (v->n)
        memcpy(seq->elements, v->items, (size_t)v->n * sizeof(void *));
    return seq;
}

asdl_seq *
_RpParser_seq_from_array(Parser *p, void **items, Py_ssize_t n)
{
    asdl_seq *seq = _Py_asdl_generic_seq_new(n, p->arena);
    if (seq == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    if (n)
        memcpy(seq->elements, items, (size_t)n * sizeof(void *));
    return seq;
}

asdl_seq *
_RpParser_singleton_seq(Parser *p, void *a)
{
    return _RpParser_seq_from_array(p, &a, 1);
}

asdl_seq *
_RpParser_seq_insert_in_front(Parser *p, void *a, asdl_seq *seq)
{
    Py_ssize_t n = asdl_seq_LEN(seq);
    asdl_seq *r = _Py_asdl_generic_seq_new(n + 1, p->arena);
    if (r == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    r->elements[0] = a;
    for (Py_ssize_t i = 0; i < n; i++)
        r->elements[i + 1] = seq->elements[i];
    return r;
}

asdl_seq *
_RpParser_seq_append_to_end(Parser *p, asdl_seq *seq, void *a)
{
    Py_ssize_t n = asdl_seq_LEN(seq);
    asdl_seq *r = _Py_asdl_generic_seq_new(n + 1, p->arena);
    if (r == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        r->elements[i] = seq->elements[i];
    r->elements[n] = a;
    return r;
}

asdl_seq *
_RpParser_join_sequences(Parser *p, asdl_seq *a, asdl_seq *b)
{
    Py_ssize_t na = asdl_seq_LEN(a), nb = asdl_seq_LEN(b);
    asdl_seq *r = _Py_asdl_generic_seq_new(na + nb, p->arena);
    if (r == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    for (Py_ssize_t i = 0; i < na; i++)
        r->elements[i] = a->elements[i];
    for (Py_ssize_t i = 0; i < nb; i++)
        r->elements[na + i] = b->elements[i];
    return r;
}

asdl_seq *
_RpParser_seq_flatten(Parser *p, asdl_seq *seqs)
{
    Py_ssize_t total = 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(seqs); i++)
        total += asdl_seq_LEN((asdl_seq *)asdl_seq_GET(seqs, i));
    asdl_seq *r = _Py_asdl_generic_seq_new(total, p->arena);
    if (r == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(seqs); i++) {
        asdl_seq *s = asdl_seq_GET(seqs, i);
        for (Py_ssize_t j = 0; j < asdl_seq_LEN(s); j++)
            r->elements[k++] = s->elements[j];
    }
    return r;
}

/* ------------------------------------------------------ identifiers */

/* NFKC for identifiers (PEP 3131), for the compatibility characters
   that can appear in identifiers in practice: fullwidth forms, ligatures,
   letterlike and mathematical alphanumeric symbols, Greek symbol variants,
   Roman numerals.  TODO: the full decomposition/composition tables. */
static int
nfkc_char(Py_UCS4 c, Py_UCS4 *out)
{
    static const struct { Py_UCS4 from; const char *to; } ascii_map[] = {
        {0xAA, "a"}, {0xBA, "o"}, {0x17F, "s"},
        {0xFB00, "ff"}, {0xFB01, "fi"}, {0xFB02, "fl"}, {0xFB03, "ffi"}, {0xFB04, "ffl"},
        {0xFB05, "st"}, {0xFB06, "st"},
        {0x210A, "g"}, {0x210B, "H"}, {0x210C, "H"}, {0x210D, "H"}, {0x210E, "h"},
        {0x2110, "I"}, {0x2111, "I"}, {0x2112, "L"}, {0x2113, "l"}, {0x2115, "N"},
        {0x2119, "P"}, {0x211A, "Q"}, {0x211B, "R"}, {0x211C, "R"}, {0x211D, "R"},
        {0x2124, "Z"}, {0x2128, "Z"}, {0x212A, "K"}, {0x212C, "B"}, {0x212D, "C"},
        {0x212F, "e"}, {0x2130, "E"}, {0x2131, "F"}, {0x2133, "M"}, {0x2134, "o"},
        {0x2139, "i"}, {0x2102, "C"}, {0x2145, "D"}, {0x2146, "d"}, {0x2147, "e"},
        {0x2148, "i"}, {0x2149, "j"},
        {0x2160, "I"}, {0x2161, "II"}, {0x2162, "III"}, {0x2163, "IV"}, {0x2164, "V"},
        {0x2165, "VI"}, {0x2166, "VII"}, {0x2167, "VIII"}, {0x2168, "IX"}, {0x2169, "X"},
        {0x216A, "XI"}, {0x216B, "XII"}, {0x216C, "L"}, {0x216D, "C"}, {0x216E, "D"},
        {0x216F, "M"}, {0x2170, "i"}, {0x2171, "ii"}, {0x2172, "iii"}, {0x2173, "iv"},
        {0x2174, "v"}, {0x2175, "vi"}, {0x2176, "vii"}, {0x2177, "viii"}, {0x2178, "ix"},
        {0x2179, "x"}, {0x217A, "xi"}, {0x217B, "xii"}, {0x217C, "l"}, {0x217D, "c"},
        {0x217E, "d"}, {0x217F, "m"},
    };
    static const Py_UCS4 one_map[][2] = {
        {0xB5, 0x3BC}, {0x3D0, 0x3B2}, {0x3D1, 0x3B8}, {0x3D2, 0x3A5}, {0x3D5, 0x3C6},
        {0x3D6, 0x3C0}, {0x3F0, 0x3BA}, {0x3F1, 0x3C1}, {0x3F2, 0x3C2}, {0x3F4, 0x398},
        {0x3F5, 0x3B5}, {0x2126, 0x3A9}, {0x212B, 0xC5}, {0x2107, 0x190}, {0x210F, 0x127},
    };
    if (c >= 0xFF10 && c <= 0xFF19) { out[0] = '0' + (c - 0xFF10); return 1; }
    if (c >= 0xFF21 && c <= 0xFF3A) { out[0] = 'A' + (c - 0xFF21); return 1; }
    if (c >= 0xFF41 && c <= 0xFF5A) { out[0] = 'a' + (c - 0xFF41); return 1; }
    if (c == 0xFF3F) { out[0] = '_'; return 1; }
    if (c >= 0x1D400 && c <= 0x1D6A3) {
        Py_UCS4 i = (c - 0x1D400) % 52;
        out[0] = i < 26 ? 'A' + i : 'a' + (i - 26);
        return 1;
    }
    if (c >= 0x1D7CE && c <= 0x1D7FF) { out[0] = '0' + (c - 0x1D7CE) % 10; return 1; }
    for (size_t i = 0; i < sizeof(one_map) / sizeof(one_map[0]); i++)
        if (one_map[i][0] == c) { out[0] = one_map[i][1]; return 1; }
    for (size_t i = 0; i < sizeof(ascii_map) / sizeof(ascii_map[0]); i++)
        if (ascii_map[i].from == c) {
            int n = 0;
            for (const char *t = ascii_map[i].to; *t; t++)
                out[n++] = (Py_UCS4)*t;
            return n;
        }
    out[0] = c;
    return 1;
}

static PyObject *
nfkc_identifier(PyObject *id)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(id);
    int kind = PyUnicode_KIND(id);
    const void *data = PyUnicode_DATA(id);
    int changed = 0;
    Py_UCS4 tmp[4];
    for (Py_ssize_t i = 0; i < n && !changed; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (nfkc_char(c, tmp) != 1 || tmp[0] != c)
            changed = 1;
    }
    if (!changed)
        return id;
    Py_UCS4 *buf = malloc((size_t)(n * 4 + 1) * sizeof(Py_UCS4));
    if (buf == NULL) {
        Py_DECREF(id);
        return PyErr_NoMemory();
    }
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int m = nfkc_char(PyUnicode_READ(kind, data, i), buf + k);
        k += m;
    }
    PyObject *res = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, k);
    free(buf);
    Py_DECREF(id);
    return res;
}

/* A new interned identifier from UTF-8 text, owned by the arena (borrowed). */
PyObject *
_RpParser_new_identifier(Parser *p, const char *s, Py_ssize_t n)
{
    PyObject *id = PyUnicode_DecodeUTF8(s, n, NULL);
    if (id == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    int ascii = 1;
    for (Py_ssize_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            ascii = 0;
    if (!ascii && (id = nfkc_identifier(id)) == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    PyUnicode_InternInPlace(&id);
    if (_PyArena_AddPyObject(p->arena, id) < 0) {
        p->error_indicator = 1;
        return NULL;
    }
    return id;
}

expr_ty
_RpParser_name_from_token(Parser *p, Token *t)
{
    if (t == NULL)
        return NULL;
    if (t->ident == NULL) {
        t->ident = _RpParser_new_identifier(p, t->start, t->end - t->start);
        if (t->ident == NULL)
            return NULL;
    }
    return _PyAST_Name(t->ident, Load, t->lineno, t->col_offset, t->end_lineno,
                       t->end_col_offset, p->arena);
}

expr_ty
_RpParser_name_token(Parser *p)
{
    Token *t = EXPECT(T_NAME);
    return _RpParser_name_from_token(p, t);
}

expr_ty
_RpParser_number_token(Parser *p)
{
    Token *t = EXPECT(T_NUMBER);
    if (t == NULL)
        return NULL;
    PyObject *c = _RpParser_parse_number(t->start, t->end - t->start);
    if (c == NULL) {
        p->error_indicator = 1;
        if (PyErr_ExceptionMatches(PyExc_ValueError)) {
            /* integer string conversion length limit */
            PyObject *exc = PyErr_GetRaisedException();
            PyObject *s = exc ? PyObject_Str(exc) : NULL;
            p->error_indicator = 0;
            if (s != NULL) {
                RAISE_ERROR_KNOWN_LOCATION(PyExc_SyntaxError, t->lineno, -1, t->end_lineno, -1,
                    "%U - Consider hexadecimal for huge integer literals "
                    "to avoid decimal conversion limits.", s);
                Py_DECREF(s);
            }
            p->error_indicator = 1;
            Py_XDECREF(exc);
        }
        return NULL;
    }
    if (_PyArena_AddPyObject(p->arena, c) < 0) {
        p->error_indicator = 1;
        return NULL;
    }
    return _PyAST_Constant(c, NULL, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset,
                           p->arena);
}

Token *
_RpParser_last_nonwhitespace_token(Parser *p)
{
    Token *token = NULL;
    for (int m = p->mark - 1; m >= 0; m--) {
        token = &p->tokens[m];
        if (token->type != T_ENDMARKER &&
            (token->type < T_NEWLINE || token->type > T_DEDENT))
            break;
    }
    return token;
}

expr_ty
_RpParser_join_names_with_dot(Parser *p, expr_ty first, expr_ty second)
{
    Py_ssize_t n1, n2;
    const char *s1 = PyUnicode_AsUTF8AndSize(first->v.Name.id, &n1);
    const char *s2 = PyUnicode_AsUTF8AndSize(second->v.Name.id, &n2);
    if (s1 == NULL || s2 == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    char *buf = malloc((size_t)(n1 + n2 + 2));
    if (buf == NULL) {
        PyErr_NoMemory();
        p->error_indicator = 1;
        return NULL;
    }
    memcpy(buf, s1, (size_t)n1);
    buf[n1] = '.';
    memcpy(buf + n1 + 1, s2, (size_t)n2);
    PyObject *id = _RpParser_new_identifier(p, buf, n1 + n2 + 1);
    free(buf);
    if (id == NULL)
        return NULL;
    return _PyAST_Name(id, Load, first->lineno, first->col_offset, second->end_lineno,
                       second->end_col_offset, p->arena);
}

int
_RpParser_seq_count_dots(asdl_seq *seq)
{
    int n = 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
        Token *t = asdl_seq_GET(seq, i);
        n += t->type == T_ELLIPSIS ? 3 : 1;
    }
    return n;
}

alias_ty
_RpParser_alias_for_star(Parser *p, int lineno, int col_offset, int end_lineno,
                         int end_col_offset, PyArena *arena)
{
    PyObject *star = _RpParser_new_identifier(p, "*", 1);
    if (star == NULL)
        return NULL;
    return _PyAST_alias(star, NULL, lineno, col_offset, end_lineno, end_col_offset, arena);
}

asdl_identifier_seq *
_RpParser_map_names_to_ids(Parser *p, asdl_expr_seq *seq)
{
    Py_ssize_t n = asdl_seq_LEN(seq);
    asdl_seq *r = _Py_asdl_generic_seq_new(n, p->arena);
    if (r == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        r->elements[i] = ((expr_ty)asdl_seq_GET(seq, i))->v.Name.id;
    return (asdl_identifier_seq *)r;
}

/* ------------------------------------------------- expression context */

static asdl_expr_seq *
set_seq_context(Parser *p, asdl_expr_seq *seq, expr_context_ty ctx)
{
    Py_ssize_t n = asdl_seq_LEN(seq);
    if (seq == NULL)
        return NULL;
    asdl_seq *r = _Py_asdl_generic_seq_new(n, p->arena);
    if (r == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty e = _RpParser_set_expr_context(p, asdl_seq_GET(seq, i), ctx);
        if (e == NULL)
            return NULL;
        r->elements[i] = e;
    }
    return (asdl_expr_seq *)r;
}

/* A copy of expr with the given context (recursively for tuples/lists):
   the original may be memoised and used elsewhere, so it is not touched. */
expr_ty
_RpParser_set_expr_context(Parser *p, expr_ty e, expr_context_ty ctx)
{
    switch (e->kind) {
    case Name_kind:
        return _PyAST_Name(e->v.Name.id, ctx, e->lineno, e->col_offset, e->end_lineno,
                           e->end_col_offset, p->arena);
    case Tuple_kind: {
        asdl_expr_seq *elts = e->v.Tuple.elts;
        if (elts && (elts = set_seq_context(p, elts, ctx)) == NULL)
            return NULL;
        return _PyAST_Tuple(elts, ctx, e->lineno, e->col_offset, e->end_lineno,
                            e->end_col_offset, p->arena);
    }
    case List_kind: {
        asdl_expr_seq *elts = e->v.List.elts;
        if (elts && (elts = set_seq_context(p, elts, ctx)) == NULL)
            return NULL;
        return _PyAST_List(elts, ctx, e->lineno, e->col_offset, e->end_lineno,
                           e->end_col_offset, p->arena);
    }
    case Subscript_kind:
        return _PyAST_Subscript(e->v.Subscript.value, e->v.Subscript.slice, ctx, e->lineno,
                                e->col_offset, e->end_lineno, e->end_col_offset, p->arena);
    case Attribute_kind:
        return _PyAST_Attribute(e->v.Attribute.value, e->v.Attribute.attr, ctx, e->lineno,
                                e->col_offset, e->end_lineno, e->end_col_offset, p->arena);
    case Starred_kind: {
        expr_ty v = _RpParser_set_expr_context(p, e->v.Starred.value, ctx);
        if (v == NULL)
            return NULL;
        return _PyAST_Starred(v, ctx, e->lineno, e->col_offset, e->end_lineno,
                              e->end_col_offset, p->arena);
    }
    default:
        return e;
    }
}

/* ---------------------------------------------------------- pairs */

KeyValuePair *
_RpParser_key_value_pair(Parser *p, expr_ty key, expr_ty value)
{
    KeyValuePair *a = _PyArena_Malloc(p->arena, sizeof(*a));
    if (a == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    a->key = key;
    a->value = value;
    return a;
}

asdl_expr_seq *
_RpParser_get_keys(Parser *p, asdl_seq *seq)
{
    Py_ssize_t n = asdl_seq_LEN(seq);
    asdl_seq *r = _Py_asdl_generic_seq_new(n, p->arena);
    if (r == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        r->elements[i] = ((KeyValuePair *)asdl_seq_GET(seq, i))->key;
    return (asdl_expr_seq *)r;
}

asdl_expr_seq *
_RpParser_get_values(Parser *p, asdl_seq *seq)
{
    Py_ssize_t n = asdl_seq_LEN(seq);
    asdl_seq *r = _Py_asdl_generic_seq_new(n, p->arena);
    if (r == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        r->elements[i] = ((KeyValuePair *)asdl_seq_GET(seq, i))->value;
    return (asdl_expr_seq *)r;
}

KeyPatternPair *
_RpParser_key_pattern_pair(Parser *p, expr_ty key, pattern_ty pattern)
{
    KeyPatternPair *a = _PyArena_Malloc(p->arena, sizeof(*a));
    if (a == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    a->key = key;
    a->pattern = pattern;
    return a;
}

asdl_expr_seq *
_RpParser_get_pattern_keys(Parser *p, asdl_seq *seq)
{
    Py_ssize_t n = asdl_seq_LEN(seq);
    asdl_seq *r = _Py_asdl_generic_seq_new(n, p->arena);
    if (r == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        r->elements[i] = ((KeyPatternPair *)asdl_seq_GET(seq, i))->key;
    return (asdl_expr_seq *)r;
}

asdl_pattern_seq *
_RpParser_get_patterns(Parser *p, asdl_seq *seq)
{
    Py_ssize_t n = asdl_seq_LEN(seq);
    asdl_seq *r = _Py_asdl_generic_seq_new(n, p->arena);
    if (r == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        r->elements[i] = ((KeyPatternPair *)asdl_seq_GET(seq, i))->pattern;
    return (asdl_pattern_seq *)r;
}

CmpopExprPair *
_RpParser_cmpop_expr_pair(Parser *p, cmpop_ty cmpop, expr_ty expr)
{
    CmpopExprPair *a = _PyArena_Malloc(p->arena, sizeof(*a));
    if (a == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    a->cmpop = cmpop;
    a->expr = expr;
    return a;
}

asdl_int_seq *
_RpParser_get_cmpops(Parser *p, asdl_seq *seq)
{
    Py_ssize_t n = asdl_seq_LEN(seq);
    asdl_int_seq *r = _Py_asdl_int_seq_new(n, p->arena);
    if (r == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        r->elements[i] = ((CmpopExprPair *)asdl_seq_GET(seq, i))->cmpop;
    return r;
}

asdl_expr_seq *
_RpParser_get_exprs(Parser *p, asdl_seq *seq)
{
    Py_ssize_t n = asdl_seq_LEN(seq);
    asdl_seq *r = _Py_asdl_generic_seq_new(n, p->arena);
    if (r == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        r->elements[i] = ((CmpopExprPair *)asdl_seq_GET(seq, i))->expr;
    return (asdl_expr_seq *)r;
}

/* ------------------------------------------------------- parameters */

NameDefaultPair *
_RpParser_name_default_pair(Parser *p, arg_ty arg, expr_ty value)
{
    NameDefaultPair *a = _PyArena_Malloc(p->arena, sizeof(*a));
    if (a == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    a->arg = arg;
    a->value = value;
    return a;
}

SlashWithDefault *
_RpParser_slash_with_default(Parser *p, asdl_arg_seq *plain_names, asdl_seq *names_with_defaults)
{
    SlashWithDefault *a = _PyArena_Malloc(p->arena, sizeof(*a));
    if (a == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    a->plain_names = plain_names;
    a->names_with_defaults = names_with_defaults;
    return a;
}

StarEtc *
_RpParser_star_etc(Parser *p, arg_ty vararg, asdl_seq *kwonlyargs, arg_ty kwarg)
{
    StarEtc *a = _PyArena_Malloc(p->arena, sizeof(*a));
    if (a == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    a->vararg = vararg;
    a->kwonlyargs = kwonlyargs;
    a->kwarg = kwarg;
    return a;
}

static asdl_arg_seq *
get_names(Parser *p, asdl_seq *pairs)
{
    Py_ssize_t n = asdl_seq_LEN(pairs);
    asdl_seq *r = _Py_asdl_generic_seq_new(n, p->arena);
    if (r == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        r->elements[i] = ((NameDefaultPair *)asdl_seq_GET(pairs, i))->arg;
    return (asdl_arg_seq *)r;
}

static asdl_expr_seq *
get_defaults(Parser *p, asdl_seq *pairs)
{
    Py_ssize_t n = asdl_seq_LEN(pairs);
    asdl_seq *r = _Py_asdl_generic_seq_new(n, p->arena);
    if (r == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        r->elements[i] = ((NameDefaultPair *)asdl_seq_GET(pairs, i))->value;
    return (asdl_expr_seq *)r;
}

static asdl_seq *
empty_seq(Parser *p)
{
    asdl_seq *r = _Py_asdl_generic_seq_new(0, p->arena);
    if (r == NULL)
        p->error_indicator = 1;
    return r;
}

arguments_ty
_RpParser_make_arguments(Parser *p, asdl_arg_seq *slash_without_default,
                         SlashWithDefault *slash_with_default, asdl_arg_seq *plain_names,
                         asdl_seq *names_with_default, StarEtc *star_etc)
{
    asdl_arg_seq *posonlyargs;
    if (slash_without_default != NULL) {
        posonlyargs = slash_without_default;
    }
    else if (slash_with_default != NULL) {
        asdl_arg_seq *names = get_names(p, slash_with_default->names_with_defaults);
        if (names == NULL)
            return NULL;
        posonlyargs = (asdl_arg_seq *)_RpParser_join_sequences(
            p, (asdl_seq *)slash_with_default->plain_names, (asdl_seq *)names);
    }
    else {
        posonlyargs = (asdl_arg_seq *)empty_seq(p);
    }
    if (posonlyargs == NULL)
        return NULL;

    asdl_arg_seq *posargs;
    if (plain_names != NULL && names_with_default != NULL) {
        asdl_arg_seq *names = get_names(p, names_with_default);
        if (names == NULL)
            return NULL;
        posargs = (asdl_arg_seq *)_RpParser_join_sequences(p, (asdl_seq *)plain_names,
                                                           (asdl_seq *)names);
    }
    else if (plain_names == NULL && names_with_default != NULL) {
        posargs = get_names(p, names_with_default);
    }
    else if (plain_names != NULL && names_with_default == NULL) {
        posargs = plain_names;
    }
    else {
        posargs = (asdl_arg_seq *)empty_seq(p);
    }
    if (posargs == NULL)
        return NULL;

    asdl_expr_seq *posdefaults;
    if (slash_with_default != NULL && names_with_default != NULL) {
        asdl_expr_seq *a = get_defaults(p, slash_with_default->names_with_defaults);
        asdl_expr_seq *b = get_defaults(p, names_with_default);
        if (a == NULL || b == NULL)
            return NULL;
        posdefaults = (asdl_expr_seq *)_RpParser_join_sequences(p, (asdl_seq *)a, (asdl_seq *)b);
    }
    else if (slash_with_default == NULL && names_with_default != NULL) {
        posdefaults = get_defaults(p, names_with_default);
    }
    else if (slash_with_default != NULL && names_with_default == NULL) {
        posdefaults = get_defaults(p, slash_with_default->names_with_defaults);
    }
    else {
        posdefaults = (asdl_expr_seq *)empty_seq(p);
    }
    if (posdefaults == NULL)
        return NULL;

    arg_ty vararg = star_etc ? star_etc->vararg : NULL;
    asdl_arg_seq *kwonlyargs;
    asdl_expr_seq *kwdefaults;
    if (star_etc != NULL && star_etc->kwonlyargs != NULL) {
        kwonlyargs = get_names(p, star_etc->kwonlyargs);
        kwdefaults = get_defaults(p, star_etc->kwonlyargs);
    }
    else {
        kwonlyargs = (asdl_arg_seq *)empty_seq(p);
        kwdefaults = (asdl_expr_seq *)empty_seq(p);
    }
    if (kwonlyargs == NULL || kwdefaults == NULL)
        return NULL;
    arg_ty kwarg = star_etc ? star_etc->kwarg : NULL;
    return _PyAST_arguments(posonlyargs, posargs, vararg, kwonlyargs, kwdefaults, kwarg,
                            posdefaults, p->arena);
}

arguments_ty
_RpParser_empty_arguments(Parser *p)
{
    asdl_seq *a = empty_seq(p), *b = empty_seq(p), *c = empty_seq(p), *d = empty_seq(p),
             *e = empty_seq(p);
    if (!a || !b || !c || !d || !e)
        return NULL;
    return _PyAST_arguments((asdl_arg_seq *)a, (asdl_arg_seq *)b, NULL, (asdl_arg_seq *)c,
                            (asdl_expr_seq *)d, NULL, (asdl_expr_seq *)e, p->arena);
}

stmt_ty
_RpParser_function_def_decorators(Parser *p, asdl_expr_seq *decorators, stmt_ty f)
{
    if (f->kind == AsyncFunctionDef_kind)
        return _PyAST_AsyncFunctionDef(
            f->v.AsyncFunctionDef.name, f->v.AsyncFunctionDef.args, f->v.AsyncFunctionDef.body,
            decorators, f->v.AsyncFunctionDef.returns, f->v.AsyncFunctionDef.type_comment,
            f->v.AsyncFunctionDef.type_params, f->lineno, f->col_offset, f->end_lineno,
            f->end_col_offset, p->arena);
    return _PyAST_FunctionDef(f->v.FunctionDef.name, f->v.FunctionDef.args,
                              f->v.FunctionDef.body, decorators, f->v.FunctionDef.returns,
                              f->v.FunctionDef.type_comment, f->v.FunctionDef.type_params,
                              f->lineno, f->col_offset, f->end_lineno, f->end_col_offset,
                              p->arena);
}

stmt_ty
_RpParser_class_def_decorators(Parser *p, asdl_expr_seq *decorators, stmt_ty c)
{
    return _PyAST_ClassDef(c->v.ClassDef.name, c->v.ClassDef.bases, c->v.ClassDef.keywords,
                           c->v.ClassDef.body, decorators, c->v.ClassDef.type_params,
                           c->lineno, c->col_offset, c->end_lineno, c->end_col_offset, p->arena);
}

/* ------------------------------------------------------------ calls */

KeywordOrStarred *
_RpParser_keyword_or_starred(Parser *p, void *element, int is_keyword)
{
    KeywordOrStarred *a = _PyArena_Malloc(p->arena, sizeof(*a));
    if (a == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    a->element = element;
    a->is_keyword = is_keyword;
    return a;
}

asdl_expr_seq *
_RpParser_seq_extract_starred_exprs(Parser *p, asdl_seq *kwargs)
{
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(kwargs); i++)
        if (!((KeywordOrStarred *)asdl_seq_GET(kwargs, i))->is_keyword)
            n++;
    if (n == 0)
        return NULL;
    asdl_seq *r = _Py_asdl_generic_seq_new(n, p->arena);
    if (r == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(kwargs); i++) {
        KeywordOrStarred *ks = asdl_seq_GET(kwargs, i);
        if (!ks->is_keyword)
            r->elements[k++] = ks->element;
    }
    return (asdl_expr_seq *)r;
}

asdl_keyword_seq *
_RpParser_seq_delete_starred_exprs(Parser *p, asdl_seq *kwargs)
{
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(kwargs); i++)
        if (((KeywordOrStarred *)asdl_seq_GET(kwargs, i))->is_keyword)
            n++;
    if (n == 0)
        return NULL;
    asdl_seq *r = _Py_asdl_generic_seq_new(n, p->arena);
    if (r == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(kwargs); i++) {
        KeywordOrStarred *ks = asdl_seq_GET(kwargs, i);
        if (ks->is_keyword)
            r->elements[k++] = ks->element;
    }
    return (asdl_keyword_seq *)r;
}

expr_ty
_RpParser_dummy_name(Parser *p)
{
    PyObject *id = p->empty_str;
    if (id == NULL) {
        id = _RpParser_new_identifier(p, "", 0);
        if (id == NULL)
            return NULL;
        p->empty_str = id;
    }
    return _PyAST_Name(id, Load, 1, 0, 1, 0, p->arena);
}

expr_ty
_RpParser_collect_call_seqs(Parser *p, asdl_expr_seq *a, asdl_seq *b, int lineno,
                            int col_offset, int end_lineno, int end_col_offset, PyArena *arena)
{
    expr_ty dummy = _RpParser_dummy_name(p);
    if (dummy == NULL)
        return NULL;
    if (b == NULL)
        return _PyAST_Call(dummy, a, NULL, lineno, col_offset, end_lineno, end_col_offset, arena);
    asdl_expr_seq *starreds = _RpParser_seq_extract_starred_exprs(p, b);
    asdl_keyword_seq *keywords = _RpParser_seq_delete_starred_exprs(p, b);
    if (p->error_indicator)
        return NULL;
    asdl_expr_seq *args = a;
    if (starreds)
        args = (asdl_expr_seq *)_RpParser_join_sequences(p, (asdl_seq *)a, (asdl_seq *)starreds);
    if (args == NULL)
        return NULL;
    return _PyAST_Call(dummy, args, keywords, lineno, col_offset, end_lineno, end_col_offset,
                       arena);
}

/* ------------------------------------------------------------ misc */

expr_ty
_RpParser_ensure_imaginary(Parser *p, expr_ty exp)
{
    if (exp->kind != Constant_kind || PyFloat_CheckExact(exp->v.Constant.value) ||
        PyLong_CheckExact(exp->v.Constant.value)) {
        RAISE_SYNTAX_ERROR_KNOWN_LOCATION(exp, "imaginary number required in complex literal");
        return NULL;
    }
    return exp;
}

expr_ty
_RpParser_ensure_real(Parser *p, expr_ty exp)
{
    if (exp->kind != Constant_kind || !(PyFloat_CheckExact(exp->v.Constant.value) ||
                                        PyLong_CheckExact(exp->v.Constant.value))) {
        RAISE_SYNTAX_ERROR_KNOWN_LOCATION(exp, "real number required in complex literal");
        return NULL;
    }
    return exp;
}

int
_RpParser_check_legacy_stmt(Parser *p, expr_ty name)
{
    if (name->kind != Name_kind)
        return 0;
    return _PyUnicode_EqualToASCIIString(name->v.Name.id, "print") ||
           _PyUnicode_EqualToASCIIString(name->v.Name.id, "exec");
}

expr_ty
_RpParser_get_last_comprehension_item(comprehension_ty c)
{
    if (c->ifs == NULL || asdl_seq_LEN(c->ifs) == 0)
        return c->iter;
    return asdl_seq_GET(c->ifs, asdl_seq_LEN(c->ifs) - 1);
}

stmt_ty
_RpParser_checked_future_import(Parser *p, identifier module, asdl_alias_seq *names, int level,
                                int lineno, int col_offset, int end_lineno, int end_col_offset,
                                PyArena *arena)
{
    return _PyAST_ImportFrom(module, names, level, lineno, col_offset, end_lineno,
                             end_col_offset, arena);
}
