/* flowgraph.c -- the control flow graph and everything done on it.
 *
 * The code generator's flat instruction sequence (with integer labels) is
 * cut into basic blocks: a block starts at every label and after every
 * jump or scope exit.  Then, as CPython 3.12 does, in this order:
 *
 *  1. labels become block pointers; blocks targeted by SETUP_* are marked
 *     as exception handlers; a walk of the graph with a stack of active
 *     handlers attaches the innermost handler to every instruction
 *     (i_except) -- this becomes the exception table;
 *  2. optimisations: empty blocks removed, small exit blocks inlined into
 *     the jumps that reach them, per-block peepholes (constant conditional
 *     jumps, LOAD_CONST+RETURN_VALUE -> RETURN_CONST, tuple folding, SWAP
 *     minimisation, jump threading, PUSH_NULL folded into LOAD_GLOBAL),
 *     NOP removal that respects line numbers, unreachable blocks dropped,
 *     jumps to the next block removed, unused constants dropped;
 *  3. LOAD_FAST becomes LOAD_FAST_CHECK where the local may be unbound;
 *  4. exception handlers and code only reachable from them ("cold"
 *     blocks) move to the end;
 *  5. line numbers are propagated to artificial instructions, exit blocks
 *     without one are duplicated per predecessor;
 *  6. the prologue (COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR/POP_TOP)
 *     is inserted and cell offsets fixed; maximum stack depth computed;
 *     pseudo instructions lowered; jumps get direction and offsets.
 */
#include "pycore.h"
#include "compiler.h"
#include <string.h>
#include <limits.h>

#define DEFAULT_BLOCK_SIZE 16
#define MAX_COPY_SIZE 4

/* I is evaluated once (callers pass expressions like &b->b_instr[++i]). */
#define INSTR_SET_OP1(I, OP, ARG) \
    do { cfg_instr *in_ = (I); in_->i_opcode = (OP); in_->i_oparg = (ARG); } while (0)
#define INSTR_SET_OP0(I, OP) \
    do { cfg_instr *in_ = (I); in_->i_opcode = (OP); in_->i_oparg = 0; } while (0)

#ifdef RP_CFG_DEBUG
static void cfg_dump(const char *title, basicblock *entry);
#endif

static inline int is_jump(cfg_instr *i) { return rp_is_jump(i->i_opcode); }
static inline int is_block_push(cfg_instr *i) { return rp_is_block_push(i->i_opcode); }

static int
instr_size(cfg_instr *i)
{
    return rp_instr_size(i->i_opcode, i->i_oparg);
}

static int
blocksize(basicblock *b)
{
    int size = 0;
    for (int i = 0; i < b->b_iused; i++) size += instr_size(&b->b_instr[i]);
    return size;
}

static cfg_instr *
last_instr(const basicblock *b)
{
    return b->b_iused > 0 ? &b->b_instr[b->b_iused - 1] : NULL;
}

static int
bb_no_fallthrough(const basicblock *b)
{
    cfg_instr *last = last_instr(b);
    return last && (rp_is_scope_exit(last->i_opcode) || rp_is_uncond_jump(last->i_opcode));
}
#define BB_HAS_FALLTHROUGH(B) (!bb_no_fallthrough(B))

static int
basicblock_exits_scope(const basicblock *b)
{
    cfg_instr *last = last_instr(b);
    return last && rp_is_scope_exit(last->i_opcode);
}

/* ------------------------------ blocks -------------------------------- */
static int
basicblock_next_instr(basicblock *b)
{
    RETURN_IF_ERROR(_RpCompile_EnsureArray(b->b_iused + 1, (void **)&b->b_instr, &b->b_ialloc,
                                           DEFAULT_BLOCK_SIZE, sizeof(cfg_instr)));
    return b->b_iused++;
}

static basicblock *
cfg_builder_new_block(cfg_builder *g)
{
    basicblock *b = PyMem_Calloc(1, sizeof(basicblock));
    if (b == NULL) { PyErr_NoMemory(); return NULL; }
    b->b_list = g->g_block_list;
    g->g_block_list = b;
    b->b_label = -1;
    return b;
}

static int
basicblock_addop(basicblock *b, int opcode, int oparg, location loc)
{
    int off = basicblock_next_instr(b);
    if (off < 0) return ERROR;
    cfg_instr *i = &b->b_instr[off];
    i->i_opcode = opcode;
    i->i_oparg = oparg;
    i->i_target = NULL;
    i->i_except = NULL;
    i->i_loc = loc;
    return SUCCESS;
}

static int
basicblock_append_instructions(basicblock *target, basicblock *source)
{
    for (int i = 0; i < source->b_iused; i++) {
        int n = basicblock_next_instr(target);
        if (n < 0) return ERROR;
        target->b_instr[n] = source->b_instr[i];
    }
    return SUCCESS;
}

static basicblock *
copy_basicblock(cfg_builder *g, basicblock *block)
{
    basicblock *result = cfg_builder_new_block(g);
    if (result == NULL) return NULL;
    if (basicblock_append_instructions(result, block) < 0) return NULL;
    return result;
}

static int
basicblock_insert_instruction(basicblock *block, int pos, cfg_instr *instr)
{
    RETURN_IF_ERROR(basicblock_next_instr(block));
    for (int i = block->b_iused - 1; i > pos; i--)
        block->b_instr[i] = block->b_instr[i - 1];
    block->b_instr[pos] = *instr;
    return SUCCESS;
}

static int
cfg_builder_current_block_is_terminated(cfg_builder *g)
{
    cfg_instr *last = last_instr(g->g_curblock);
    if (last && rp_is_terminator(last->i_opcode)) return 1;
    if (g->g_current_label >= 0) {
        if (last || g->g_curblock->b_label >= 0) return 1;
        g->g_curblock->b_label = g->g_current_label;
        g->g_current_label = -1;
    }
    return 0;
}

static int
cfg_builder_maybe_start_new_block(cfg_builder *g)
{
    if (cfg_builder_current_block_is_terminated(g)) {
        basicblock *b = cfg_builder_new_block(g);
        if (b == NULL) return ERROR;
        b->b_label = g->g_current_label;
        g->g_current_label = -1;
        g->g_curblock->b_next = b;
        g->g_curblock = b;
    }
    return SUCCESS;
}

void
_RpCfg_Fini(cfg_builder *g)
{
    basicblock *b = g->g_block_list;
    while (b != NULL) {
        PyMem_Free(b->b_instr);
        PyMem_Free(b->b_exceptstack);
        basicblock *next = b->b_list;
        PyMem_Free(b);
        b = next;
    }
    g->g_block_list = NULL;
}

int
_RpCfg_FromSequence(instr_sequence *seq, cfg_builder *g)
{
    memset(g, 0, sizeof(*g));
    basicblock *block = cfg_builder_new_block(g);
    if (block == NULL) return ERROR;
    g->g_curblock = g->g_entryblock = block;
    g->g_current_label = -1;

    int *offset2lbl = PyMem_Malloc((seq->s_used + 1) * sizeof(int));
    if (offset2lbl == NULL) { PyErr_NoMemory(); return ERROR; }
    for (int i = 0; i <= seq->s_used; i++) offset2lbl[i] = -1;
    for (int lbl = 0; lbl < seq->s_labelmap_size; lbl++) {
        int offset = seq->s_labelmap[lbl];
        if (offset >= 0 && offset <= seq->s_used) offset2lbl[offset] = lbl;
    }
    for (int i = 0; i < seq->s_used; i++) {
        int lbl = offset2lbl[i];
        if (lbl >= 0) {
            g->g_current_label = lbl;
            if (cfg_builder_maybe_start_new_block(g) < 0) goto error;
        }
        rp_instr *instr = &seq->s_instrs[i];
        int opcode = instr->i_opcode;
        int oparg = instr->i_oparg;
        if (rp_has_target(opcode)) {
            int offset = (oparg >= 0 && oparg < seq->s_labelmap_size) ? seq->s_labelmap[oparg] : -1;
            if (offset < 0 || offset >= seq->s_used || offset2lbl[offset] < 0) {
                PyErr_SetString(PyExc_SystemError, "jump to an undefined label");
                goto error;
            }
            oparg = offset2lbl[offset];
        }
        if (cfg_builder_maybe_start_new_block(g) < 0) goto error;
        if (basicblock_addop(g->g_curblock, opcode, oparg, instr->i_loc) < 0) goto error;
    }
    PyMem_Free(offset2lbl);
    return SUCCESS;
error:
    PyMem_Free(offset2lbl);
    return ERROR;
}

int
_RpCfg_ToSequence(cfg_builder *g, instr_sequence *seq)
{
    for (basicblock *b = g->g_entryblock; b != NULL; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *instr = &b->b_instr[i];
            RETURN_IF_ERROR(_RpSeq_Addop(seq, instr->i_opcode, instr->i_oparg, instr->i_loc));
            rp_instr *out = &seq->s_instrs[seq->s_used - 1];
            if (instr->i_except != NULL) {
                out->h_offset = instr->i_except->b_offset;
                out->h_startdepth = instr->i_except->b_startdepth;
                out->h_preserve_lasti = instr->i_except->b_preserve_lasti;
            }
            else {
                out->h_offset = -1;
            }
        }
    }
    return SUCCESS;
}

/* --------------------------- preprocessing --------------------------- */
static int
translate_jump_labels_to_targets(basicblock *entryblock)
{
    int max_label = -1;
    for (basicblock *b = entryblock; b != NULL; b = b->b_next)
        if (b->b_label > max_label) max_label = b->b_label;
    basicblock **label2block = PyMem_Calloc(max_label + 2, sizeof(basicblock *));
    if (!label2block) { PyErr_NoMemory(); return ERROR; }
    for (basicblock *b = entryblock; b != NULL; b = b->b_next)
        if (b->b_label >= 0) label2block[b->b_label] = b;
    for (basicblock *b = entryblock; b != NULL; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *instr = &b->b_instr[i];
            if (rp_has_target(instr->i_opcode)) {
                int lbl = instr->i_oparg;
                if (lbl < 0 || lbl > max_label || label2block[lbl] == NULL) {
                    PyMem_Free(label2block);
                    PyErr_SetString(PyExc_SystemError, "bad jump label");
                    return ERROR;
                }
                instr->i_target = label2block[lbl];
            }
        }
    }
    PyMem_Free(label2block);
    return SUCCESS;
}

static void
mark_except_handlers(basicblock *entryblock)
{
    for (basicblock *b = entryblock; b != NULL; b = b->b_next)
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *instr = &b->b_instr[i];
            if (is_block_push(instr)) instr->i_target->b_except_handler = 1;
        }
}

static basicblock **
make_cfg_traversal_stack(basicblock *entryblock)
{
    int nblocks = 0;
    for (basicblock *b = entryblock; b != NULL; b = b->b_next) {
        b->b_visited = 0;
        nblocks++;
    }
    basicblock **stack = PyMem_Malloc(sizeof(basicblock *) * (nblocks + 1));
    if (!stack) PyErr_NoMemory();
    return stack;
}

static ExceptStack *
make_except_stack(void)
{
    ExceptStack *new = PyMem_Malloc(sizeof(ExceptStack));
    if (new == NULL) { PyErr_NoMemory(); return NULL; }
    new->depth = 0;
    new->handlers[0] = NULL;
    return new;
}

static ExceptStack *
copy_except_stack(ExceptStack *stack)
{
    ExceptStack *copy = PyMem_Malloc(sizeof(ExceptStack));
    if (copy == NULL) { PyErr_NoMemory(); return NULL; }
    memcpy(copy, stack, sizeof(ExceptStack));
    return copy;
}

static int
label_exception_targets(basicblock *entryblock)
{
    basicblock **todo_stack = make_cfg_traversal_stack(entryblock);
    if (todo_stack == NULL) return ERROR;
    ExceptStack *except_stack = make_except_stack();
    if (except_stack == NULL) { PyMem_Free(todo_stack); return ERROR; }
    todo_stack[0] = entryblock;
    entryblock->b_visited = 1;
    entryblock->b_exceptstack = except_stack;
    basicblock **todo = &todo_stack[1];
    basicblock *handler = NULL;
    while (todo > todo_stack) {
        todo--;
        basicblock *b = todo[0];
        except_stack = b->b_exceptstack;
        b->b_exceptstack = NULL;
        handler = except_stack->handlers[except_stack->depth];
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *instr = &b->b_instr[i];
            if (is_block_push(instr)) {
                if (!instr->i_target->b_visited) {
                    ExceptStack *copy = copy_except_stack(except_stack);
                    if (copy == NULL) goto error;
                    instr->i_target->b_exceptstack = copy;
                    todo[0] = instr->i_target;
                    instr->i_target->b_visited = 1;
                    todo++;
                }
                if (instr->i_opcode == SETUP_WITH || instr->i_opcode == SETUP_CLEANUP)
                    instr->i_target->b_preserve_lasti = 1;
                if (except_stack->depth >= CO_MAXBLOCKS) {
                    PyErr_SetString(PyExc_SystemError, "too many nested exception blocks");
                    goto error;
                }
                except_stack->handlers[++except_stack->depth] = instr->i_target;
                handler = instr->i_target;
            }
            else if (instr->i_opcode == POP_BLOCK) {
                if (except_stack->depth > 0) except_stack->depth--;
                handler = except_stack->handlers[except_stack->depth];
            }
            else if (is_jump(instr)) {
                instr->i_except = handler;
                if (!instr->i_target->b_visited) {
                    if (BB_HAS_FALLTHROUGH(b)) {
                        ExceptStack *copy = copy_except_stack(except_stack);
                        if (copy == NULL) goto error;
                        instr->i_target->b_exceptstack = copy;
                    }
                    else {
                        instr->i_target->b_exceptstack = except_stack;
                        except_stack = NULL;
                    }
                    todo[0] = instr->i_target;
                    instr->i_target->b_visited = 1;
                    todo++;
                }
            }
            else {
                if (instr->i_opcode == YIELD_VALUE) instr->i_oparg = except_stack->depth;
                instr->i_except = handler;
            }
        }
        if (BB_HAS_FALLTHROUGH(b) && b->b_next && !b->b_next->b_visited) {
            b->b_next->b_exceptstack = except_stack;
            todo[0] = b->b_next;
            b->b_next->b_visited = 1;
            todo++;
        }
        else if (except_stack != NULL) {
            PyMem_Free(except_stack);
        }
    }
    PyMem_Free(todo_stack);
    return SUCCESS;
error:
    PyMem_Free(todo_stack);
    PyMem_Free(except_stack);
    return ERROR;
}

/* --------------------------- optimisations ---------------------------- */
static int
check_cfg(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b != NULL; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            if (rp_is_terminator(b->b_instr[i].i_opcode) && i != b->b_iused - 1) {
                PyErr_SetString(PyExc_SystemError, "malformed control flow graph.");
                return ERROR;
            }
        }
    }
    return SUCCESS;
}

static int
mark_reachable(basicblock *entryblock)
{
    basicblock **stack = make_cfg_traversal_stack(entryblock);
    if (stack == NULL) return ERROR;
    basicblock **sp = stack;
    entryblock->b_predecessors = 1;
    *sp++ = entryblock;
    while (sp > stack) {
        basicblock *b = *(--sp);
        b->b_visited = 1;
        if (b->b_next && BB_HAS_FALLTHROUGH(b)) {
            if (!b->b_next->b_visited) *sp++ = b->b_next;
            b->b_next->b_predecessors++;
        }
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *instr = &b->b_instr[i];
            if (is_jump(instr) || is_block_push(instr)) {
                basicblock *target = instr->i_target;
                if (!target->b_visited) *sp++ = target;
                target->b_predecessors++;
            }
        }
    }
    PyMem_Free(stack);
    return SUCCESS;
}

static void
eliminate_empty_basic_blocks(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b != NULL; b = b->b_next) {
        basicblock *next = b->b_next;
        while (next && next->b_iused == 0) next = next->b_next;
        b->b_next = next;
    }
    while (g->g_entryblock && g->g_entryblock->b_iused == 0)
        g->g_entryblock = g->g_entryblock->b_next;
    for (basicblock *b = g->g_entryblock; b != NULL; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *instr = &b->b_instr[i];
            if (rp_has_target(instr->i_opcode)) {
                basicblock *target = instr->i_target;
                while (target && target->b_iused == 0) target = target->b_next;
                instr->i_target = target;
            }
        }
    }
}

static int
remove_redundant_nops(basicblock *bb)
{
    int dest = 0;
    int prev_lineno = -1;
    for (int src = 0; src < bb->b_iused; src++) {
        int lineno = bb->b_instr[src].i_loc.lineno;
        if (bb->b_instr[src].i_opcode == NOP) {
            if (lineno < 0) continue;
            if (prev_lineno == lineno) continue;
            if (src < bb->b_iused - 1) {
                int next_lineno = bb->b_instr[src + 1].i_loc.lineno;
                if (next_lineno == lineno) continue;
                if (next_lineno < 0) {
                    bb->b_instr[src + 1].i_loc = bb->b_instr[src].i_loc;
                    continue;
                }
            }
            else {
                basicblock *next = bb->b_next;
                while (next && next->b_iused == 0) next = next->b_next;
                if (next && lineno == next->b_instr[0].i_loc.lineno) continue;
            }
        }
        if (dest != src) bb->b_instr[dest] = bb->b_instr[src];
        dest++;
        prev_lineno = lineno;
    }
    int num_removed = bb->b_iused - dest;
    bb->b_iused = dest;
    return num_removed;
}

static int
remove_redundant_nops_and_pairs(basicblock *entryblock)
{
    int done = 0;
    while (!done) {
        done = 1;
        cfg_instr *prev_instr = NULL;
        cfg_instr *instr = NULL;
        for (basicblock *b = entryblock; b != NULL; b = b->b_next) {
            remove_redundant_nops(b);
            if (b->b_label >= 0) instr = NULL;
            for (int i = 0; i < b->b_iused; i++) {
                prev_instr = instr;
                instr = &b->b_instr[i];
                int prev_opcode = prev_instr ? prev_instr->i_opcode : 0;
                int prev_oparg = prev_instr ? prev_instr->i_oparg : 0;
                int opcode = instr->i_opcode;
                int is_redundant_pair = 0;
                if (opcode == POP_TOP) {
                    if (prev_opcode == LOAD_CONST) is_redundant_pair = 1;
                    else if (prev_opcode == COPY && prev_oparg == 1) is_redundant_pair = 1;
                }
                if (is_redundant_pair) {
                    INSTR_SET_OP0(prev_instr, NOP);
                    INSTR_SET_OP0(instr, NOP);
                    done = 0;
                }
            }
            if ((instr && is_jump(instr)) || !BB_HAS_FALLTHROUGH(b)) instr = NULL;
        }
    }
    return SUCCESS;
}

static int
remove_redundant_jumps(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b != NULL; b = b->b_next) {
        cfg_instr *last = last_instr(b);
        if (last == NULL) continue;
        if (rp_is_uncond_jump(last->i_opcode)) {
            if (last->i_target == NULL) {
                PyErr_SetString(PyExc_SystemError, "jump with NULL target");
                return ERROR;
            }
            if (last->i_target == b->b_next) INSTR_SET_OP0(last, NOP);
        }
    }
    return SUCCESS;
}

static int
inline_small_exit_blocks(basicblock *bb)
{
    cfg_instr *last = last_instr(bb);
    if (last == NULL) return 0;
    if (!rp_is_uncond_jump(last->i_opcode)) return 0;
    basicblock *target = last->i_target;
    if (basicblock_exits_scope(target) && target->b_iused <= MAX_COPY_SIZE) {
        INSTR_SET_OP0(last, NOP);
        RETURN_IF_ERROR(basicblock_append_instructions(bb, target));
        return 1;
    }
    return 0;
}

static int
jump_thread(cfg_instr *inst, cfg_instr *target, int opcode)
{
    if ((inst->i_loc.lineno == target->i_loc.lineno || target->i_loc.lineno == -1) &&
        inst->i_target != target->i_target) {
        inst->i_target = target->i_target;
        inst->i_opcode = opcode;
        return 1;
    }
    return 0;
}

static int
fold_tuple_on_constants(PyObject *const_cache, cfg_instr *inst, int n, PyObject *consts)
{
    for (int i = 0; i < n; i++)
        if (inst[i].i_opcode != LOAD_CONST) return SUCCESS;
    PyObject *newconst = PyTuple_New(n);
    if (newconst == NULL) return ERROR;
    for (int i = 0; i < n; i++) {
        PyObject *constant = PyList_GET_ITEM(consts, inst[i].i_oparg);
        PyTuple_SET_ITEM(newconst, i, Py_NewRef(constant));
    }
    if (_RpCompile_ConstCacheMergeOne(const_cache, &newconst) < 0) {
        Py_DECREF(newconst);
        return ERROR;
    }
    Py_ssize_t index;
    for (index = 0; index < PyList_GET_SIZE(consts); index++)
        if (PyList_GET_ITEM(consts, index) == newconst) break;
    if (index == PyList_GET_SIZE(consts)) {
        if ((size_t)index >= (size_t)INT_MAX - 1) {
            Py_DECREF(newconst);
            PyErr_SetString(PyExc_OverflowError, "too many constants");
            return ERROR;
        }
        if (PyList_Append(consts, newconst)) {
            Py_DECREF(newconst);
            return ERROR;
        }
    }
    Py_DECREF(newconst);
    for (int i = 0; i < n; i++) INSTR_SET_OP0(&inst[i], NOP);
    INSTR_SET_OP1(&inst[n], LOAD_CONST, (int)index);
    return SUCCESS;
}

#define VISITED (-1)

static int
swaptimize(basicblock *block, int *ix)
{
    cfg_instr *instructions = &block->b_instr[*ix];
    int depth = instructions[0].i_oparg;
    int len = 0;
    int more = 0;
    int limit = block->b_iused - *ix;
    while (++len < limit) {
        int opcode = instructions[len].i_opcode;
        if (opcode == SWAP) {
            if (instructions[len].i_oparg > depth) depth = instructions[len].i_oparg;
            more = 1;
        }
        else if (opcode != NOP) {
            break;
        }
    }
    if (!more) return SUCCESS;
    int *stack = PyMem_Malloc(depth * sizeof(int));
    if (stack == NULL) { PyErr_NoMemory(); return ERROR; }
    for (int i = 0; i < depth; i++) stack[i] = i;
    for (int i = 0; i < len; i++) {
        if (instructions[i].i_opcode == SWAP) {
            int oparg = instructions[i].i_oparg;
            int top = stack[0];
            stack[0] = stack[oparg - 1];
            stack[oparg - 1] = top;
        }
    }
    int current = len - 1;
    for (int i = 0; i < depth; i++) {
        if (stack[i] == VISITED || stack[i] == i) continue;
        int j = i;
        while (1) {
            if (j) {
                instructions[current].i_opcode = SWAP;
                instructions[current--].i_oparg = j + 1;
            }
            if (stack[j] == VISITED) break;
            int next_j = stack[j];
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while (0 <= current) INSTR_SET_OP0(&instructions[current--], NOP);
    PyMem_Free(stack);
    *ix += len - 1;
    return SUCCESS;
}

#define SWAPPABLE(opcode) \
    ((opcode) == STORE_FAST || (opcode) == STORE_FAST_MAYBE_NULL || (opcode) == POP_TOP)
#define STORES_TO(instr) \
    (((instr).i_opcode == STORE_FAST || (instr).i_opcode == STORE_FAST_MAYBE_NULL) \
     ? (instr).i_oparg : -1)

static int
next_swappable_instruction(basicblock *block, int i, int lineno)
{
    while (++i < block->b_iused) {
        cfg_instr *instruction = &block->b_instr[i];
        if (0 <= lineno && instruction->i_loc.lineno != lineno) return -1;
        if (instruction->i_opcode == NOP) continue;
        if (SWAPPABLE(instruction->i_opcode)) return i;
        return -1;
    }
    return -1;
}

static void
apply_static_swaps(basicblock *block, int i)
{
    for (; 0 <= i; i--) {
        cfg_instr *swap = &block->b_instr[i];
        if (swap->i_opcode != SWAP) {
            if (swap->i_opcode == NOP || SWAPPABLE(swap->i_opcode)) continue;
            return;
        }
        int j = next_swappable_instruction(block, i, -1);
        if (j < 0) return;
        int k = j;
        int lineno = block->b_instr[j].i_loc.lineno;
        for (int count = swap->i_oparg - 1; 0 < count; count--) {
            k = next_swappable_instruction(block, k, lineno);
            if (k < 0) return;
        }
        int store_j = STORES_TO(block->b_instr[j]);
        int store_k = STORES_TO(block->b_instr[k]);
        if (store_j >= 0 || store_k >= 0) {
            if (store_j == store_k) return;
            for (int idx = j + 1; idx < k; idx++) {
                int store_idx = STORES_TO(block->b_instr[idx]);
                if (store_idx >= 0 && (store_idx == store_j || store_idx == store_k)) return;
            }
        }
        INSTR_SET_OP0(swap, NOP);
        cfg_instr temp = block->b_instr[j];
        block->b_instr[j] = block->b_instr[k];
        block->b_instr[k] = temp;
    }
}

static int
optimize_basic_block(PyObject *const_cache, basicblock *bb, PyObject *consts)
{
    cfg_instr nop;
    memset(&nop, 0, sizeof(nop));
    INSTR_SET_OP0(&nop, NOP);
    cfg_instr *target = &nop;
    int opcode = 0, oparg = 0, nextop = 0;
    for (int i = 0; i < bb->b_iused; i++) {
        cfg_instr *inst = &bb->b_instr[i];
        int is_copy_of_load_const = (opcode == LOAD_CONST && inst->i_opcode == COPY &&
                                     inst->i_oparg == 1);
        if (!is_copy_of_load_const) {
            opcode = inst->i_opcode;
            oparg = inst->i_oparg;
            if (rp_has_target(opcode))
                target = &inst->i_target->b_instr[0];
            else
                target = &nop;
        }
        nextop = i + 1 < bb->b_iused ? bb->b_instr[i + 1].i_opcode : 0;
        switch (opcode) {
        case LOAD_CONST: {
            PyObject *cnt;
            int is_true, jump_if_true;
            switch (nextop) {
            case POP_JUMP_IF_FALSE:
            case POP_JUMP_IF_TRUE:
                cnt = PyList_GET_ITEM(consts, oparg);
                is_true = PyObject_IsTrue(cnt);
                if (is_true == -1) return ERROR;
                INSTR_SET_OP0(inst, NOP);
                jump_if_true = nextop == POP_JUMP_IF_TRUE;
                if (is_true == jump_if_true) {
                    bb->b_instr[i + 1].i_opcode = JUMP;
                }
                else {
                    INSTR_SET_OP0(&bb->b_instr[i + 1], NOP);
                }
                break;
            case IS_OP: {
                cnt = PyList_GET_ITEM(consts, oparg);
                int jump_op = i + 2 < bb->b_iused ? bb->b_instr[i + 2].i_opcode : 0;
                if (cnt == Py_None && (jump_op == POP_JUMP_IF_FALSE || jump_op == POP_JUMP_IF_TRUE)) {
                    unsigned char nextarg = (unsigned char)bb->b_instr[i + 1].i_oparg;
                    INSTR_SET_OP0(inst, NOP);
                    INSTR_SET_OP0(&bb->b_instr[i + 1], NOP);
                    bb->b_instr[i + 2].i_opcode = (nextarg ^ (jump_op == POP_JUMP_IF_FALSE))
                                                  ? POP_JUMP_IF_NOT_NONE : POP_JUMP_IF_NONE;
                }
                break;
            }
            case RETURN_VALUE:
                INSTR_SET_OP0(inst, NOP);
                INSTR_SET_OP1(&bb->b_instr[++i], RETURN_CONST, oparg);
                break;
            }
            break;
        }
        case BUILD_TUPLE:
            if (nextop == UNPACK_SEQUENCE && oparg == bb->b_instr[i + 1].i_oparg) {
                switch (oparg) {
                case 1:
                    INSTR_SET_OP0(inst, NOP);
                    INSTR_SET_OP0(&bb->b_instr[i + 1], NOP);
                    continue;
                case 2:
                case 3:
                    INSTR_SET_OP0(inst, NOP);
                    bb->b_instr[i + 1].i_opcode = SWAP;
                    continue;
                }
            }
            if (i >= oparg) {
                if (fold_tuple_on_constants(const_cache, inst - oparg, oparg, consts)) return ERROR;
            }
            break;
        case POP_JUMP_IF_NOT_NONE:
        case POP_JUMP_IF_NONE:
        case POP_JUMP_IF_FALSE:
        case POP_JUMP_IF_TRUE:
        case JUMP:
            if (target->i_opcode == JUMP)
                i -= jump_thread(inst, target, inst->i_opcode);
            break;
        case SWAP:
            if (oparg == 1) {
                INSTR_SET_OP0(inst, NOP);
                break;
            }
            if (swaptimize(bb, &i) < 0) return ERROR;
            apply_static_swaps(bb, i);
            break;
        case PUSH_NULL:
            if (nextop == LOAD_GLOBAL && (inst[1].i_oparg & 1) == 0) {
                INSTR_SET_OP0(inst, NOP);
                inst[1].i_oparg |= 1;
            }
            break;
        default:
            break;
        }
    }
    return SUCCESS;
}

static int
optimize_cfg(cfg_builder *g, PyObject *consts, PyObject *const_cache)
{
    RETURN_IF_ERROR(check_cfg(g));
    eliminate_empty_basic_blocks(g);
    for (basicblock *b = g->g_entryblock; b != NULL; b = b->b_next)
        RETURN_IF_ERROR(inline_small_exit_blocks(b));
    for (basicblock *b = g->g_entryblock; b != NULL; b = b->b_next)
        RETURN_IF_ERROR(optimize_basic_block(const_cache, b, consts));
    RETURN_IF_ERROR(remove_redundant_nops_and_pairs(g->g_entryblock));
    for (basicblock *b = g->g_entryblock; b != NULL; b = b->b_next)
        RETURN_IF_ERROR(inline_small_exit_blocks(b));
    RETURN_IF_ERROR(mark_reachable(g->g_entryblock));
    for (basicblock *b = g->g_entryblock; b != NULL; b = b->b_next)
        if (b->b_predecessors == 0) b->b_iused = 0;
    for (basicblock *b = g->g_entryblock; b != NULL; b = b->b_next)
        remove_redundant_nops(b);
    eliminate_empty_basic_blocks(g);
    RETURN_IF_ERROR(remove_redundant_jumps(g));
    return SUCCESS;
}

static int
remove_unused_consts(basicblock *entryblock, PyObject *consts)
{
    Py_ssize_t nconsts = PyList_GET_SIZE(consts);
    if (nconsts == 0) return SUCCESS;
    Py_ssize_t *index_map = NULL, *reverse_index_map = NULL;
    int err = ERROR;
    index_map = PyMem_Malloc(nconsts * sizeof(Py_ssize_t));
    if (index_map == NULL) { PyErr_NoMemory(); goto end; }
    for (Py_ssize_t i = 1; i < nconsts; i++) index_map[i] = -1;
    index_map[0] = 0;   /* the first constant may be the docstring; keep it */
    for (basicblock *b = entryblock; b != NULL; b = b->b_next)
        for (int i = 0; i < b->b_iused; i++)
            if (rp_has_const(b->b_instr[i].i_opcode)) {
                int index = b->b_instr[i].i_oparg;
                index_map[index] = index;
            }
    Py_ssize_t n_used_consts = 0;
    for (Py_ssize_t i = 0; i < nconsts; i++)
        if (index_map[i] != -1) index_map[n_used_consts++] = index_map[i];
    if (n_used_consts == nconsts) { err = SUCCESS; goto end; }
    for (Py_ssize_t i = 0; i < n_used_consts; i++) {
        Py_ssize_t old_index = index_map[i];
        if (i != old_index) {
            PyObject *value = PyList_GET_ITEM(consts, old_index);
            PyList_SetItem(consts, i, Py_NewRef(value));
        }
    }
    if (PyList_SetSlice(consts, n_used_consts, nconsts, NULL) < 0) goto end;
    reverse_index_map = PyMem_Malloc(nconsts * sizeof(Py_ssize_t));
    if (reverse_index_map == NULL) { PyErr_NoMemory(); goto end; }
    for (Py_ssize_t i = 0; i < nconsts; i++) reverse_index_map[i] = -1;
    for (Py_ssize_t i = 0; i < n_used_consts; i++) reverse_index_map[index_map[i]] = i;
    for (basicblock *b = entryblock; b != NULL; b = b->b_next)
        for (int i = 0; i < b->b_iused; i++)
            if (rp_has_const(b->b_instr[i].i_opcode)) {
                int index = b->b_instr[i].i_oparg;
                b->b_instr[i].i_oparg = (int)reverse_index_map[index];
            }
    err = SUCCESS;
end:
    PyMem_Free(index_map);
    PyMem_Free(reverse_index_map);
    return err;
}

/* -------------------- loads of possibly unbound locals ------------------ */
static inline void
maybe_push(basicblock *b, uint64_t unsafe_mask, basicblock ***sp)
{
    uint64_t both = b->b_unsafe_locals_mask | unsafe_mask;
    if (b->b_unsafe_locals_mask != both) {
        b->b_unsafe_locals_mask = both;
        if (!b->b_visited) {
            *(*sp)++ = b;
            b->b_visited = 1;
        }
    }
}

static void
scan_block_for_locals(basicblock *b, basicblock ***sp)
{
    uint64_t unsafe_mask = b->b_unsafe_locals_mask;
    for (int i = 0; i < b->b_iused; i++) {
        cfg_instr *instr = &b->b_instr[i];
        if (instr->i_except != NULL) maybe_push(instr->i_except, unsafe_mask, sp);
        if (instr->i_oparg >= 64) continue;
        uint64_t bit = (uint64_t)1 << instr->i_oparg;
        switch (instr->i_opcode) {
        case DELETE_FAST:
        case LOAD_FAST_AND_CLEAR:
        case STORE_FAST_MAYBE_NULL:
            unsafe_mask |= bit;
            break;
        case STORE_FAST:
            unsafe_mask &= ~bit;
            break;
        case LOAD_FAST_CHECK:
            unsafe_mask &= ~bit;
            break;
        case LOAD_FAST:
            if (unsafe_mask & bit) instr->i_opcode = LOAD_FAST_CHECK;
            unsafe_mask &= ~bit;
            break;
        }
    }
    if (b->b_next && BB_HAS_FALLTHROUGH(b)) maybe_push(b->b_next, unsafe_mask, sp);
    cfg_instr *last = last_instr(b);
    if (last && is_jump(last)) maybe_push(last->i_target, unsafe_mask, sp);
}

static int
fast_scan_many_locals(basicblock *entryblock, int nlocals)
{
    Py_ssize_t *states = PyMem_Calloc(nlocals - 64, sizeof(Py_ssize_t));
    if (states == NULL) { PyErr_NoMemory(); return ERROR; }
    Py_ssize_t blocknum = 0;
    for (basicblock *b = entryblock; b != NULL; b = b->b_next) {
        blocknum++;
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *instr = &b->b_instr[i];
            int arg = instr->i_oparg;
            if (arg < 64 || arg >= nlocals) continue;
            switch (instr->i_opcode) {
            case DELETE_FAST:
            case LOAD_FAST_AND_CLEAR:
            case STORE_FAST_MAYBE_NULL:
                states[arg - 64] = blocknum - 1;
                break;
            case STORE_FAST:
                states[arg - 64] = blocknum;
                break;
            case LOAD_FAST:
                if (states[arg - 64] != blocknum) instr->i_opcode = LOAD_FAST_CHECK;
                states[arg - 64] = blocknum;
                break;
            }
        }
    }
    PyMem_Free(states);
    return SUCCESS;
}

static int
add_checks_for_loads_of_uninitialized_variables(basicblock *entryblock, int nlocals, int nparams)
{
    if (nlocals == 0) return SUCCESS;
    if (nlocals > 64) {
        if (fast_scan_many_locals(entryblock, nlocals) < 0) return ERROR;
        nlocals = 64;
    }
    basicblock **stack = make_cfg_traversal_stack(entryblock);
    if (stack == NULL) return ERROR;
    basicblock **sp = stack;
    uint64_t start_mask = 0;
    for (int i = nparams; i < nlocals; i++) start_mask |= (uint64_t)1 << i;
    maybe_push(entryblock, start_mask, &sp);
    for (basicblock *b = entryblock; b != NULL; b = b->b_next)
        scan_block_for_locals(b, &sp);
    while (sp > stack) {
        basicblock *b = *--sp;
        b->b_visited = 0;
        scan_block_for_locals(b, &sp);
    }
    PyMem_Free(stack);
    return SUCCESS;
}

/* ----------------------------- cold blocks ----------------------------- */
static int
mark_warm(basicblock *entryblock)
{
    basicblock **stack = make_cfg_traversal_stack(entryblock);
    if (stack == NULL) return ERROR;
    basicblock **sp = stack;
    *sp++ = entryblock;
    entryblock->b_visited = 1;
    while (sp > stack) {
        basicblock *b = *(--sp);
        b->b_warm = 1;
        basicblock *next = b->b_next;
        if (next && BB_HAS_FALLTHROUGH(b) && !next->b_visited) {
            *sp++ = next;
            next->b_visited = 1;
        }
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *instr = &b->b_instr[i];
            if (is_jump(instr) && !instr->i_target->b_visited) {
                *sp++ = instr->i_target;
                instr->i_target->b_visited = 1;
            }
        }
    }
    PyMem_Free(stack);
    return SUCCESS;
}

static int
mark_cold(basicblock *entryblock)
{
    if (mark_warm(entryblock) < 0) return ERROR;
    basicblock **stack = make_cfg_traversal_stack(entryblock);
    if (stack == NULL) return ERROR;
    basicblock **sp = stack;
    for (basicblock *b = entryblock; b != NULL; b = b->b_next) {
        if (b->b_except_handler) {
            *sp++ = b;
            b->b_visited = 1;
        }
    }
    while (sp > stack) {
        basicblock *b = *(--sp);
        b->b_cold = 1;
        basicblock *next = b->b_next;
        if (next && BB_HAS_FALLTHROUGH(b)) {
            if (!next->b_warm && !next->b_visited) {
                *sp++ = next;
                next->b_visited = 1;
            }
        }
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *instr = &b->b_instr[i];
            if (is_jump(instr)) {
                basicblock *target = b->b_instr[i].i_target;
                if (!target->b_warm && !target->b_visited) {
                    *sp++ = target;
                    target->b_visited = 1;
                }
            }
        }
    }
    PyMem_Free(stack);
    return SUCCESS;
}

static int
push_cold_blocks_to_end(cfg_builder *g, int code_flags)
{
    basicblock *entryblock = g->g_entryblock;
    if (entryblock->b_next == NULL) return SUCCESS;
    RETURN_IF_ERROR(mark_cold(entryblock));
    for (basicblock *b = entryblock; b != NULL; b = b->b_next) {
        if (b->b_cold && BB_HAS_FALLTHROUGH(b) && b->b_next && b->b_next->b_warm) {
            basicblock *explicit_jump = cfg_builder_new_block(g);
            if (explicit_jump == NULL) return ERROR;
            basicblock_addop(explicit_jump, JUMP, b->b_next->b_label, NO_LOCATION);
            explicit_jump->b_cold = 1;
            explicit_jump->b_next = b->b_next;
            b->b_next = explicit_jump;
            explicit_jump->b_instr[0].i_target = explicit_jump->b_next;
        }
    }
    if (entryblock->b_cold) return SUCCESS;
    basicblock *cold_blocks = NULL, *cold_blocks_tail = NULL;
    basicblock *b = entryblock;
    while (b->b_next) {
        while (b->b_next && !b->b_next->b_cold) b = b->b_next;
        if (b->b_next == NULL) break;
        basicblock *b_end = b->b_next;
        while (b_end->b_next && b_end->b_next->b_cold) b_end = b_end->b_next;
        if (cold_blocks == NULL) cold_blocks = b->b_next;
        else cold_blocks_tail->b_next = b->b_next;
        cold_blocks_tail = b_end;
        b->b_next = b_end->b_next;
        b_end->b_next = NULL;
    }
    b->b_next = cold_blocks;
    if (cold_blocks != NULL) RETURN_IF_ERROR(remove_redundant_jumps(g));
    return SUCCESS;
}

/* ----------------------------- line numbers ---------------------------- */
static int
is_exit_without_lineno(basicblock *b)
{
    if (!basicblock_exits_scope(b)) return 0;
    for (int i = 0; i < b->b_iused; i++)
        if (b->b_instr[i].i_loc.lineno >= 0) return 0;
    return 1;
}

static int
duplicate_exits_without_lineno(cfg_builder *g)
{
    basicblock *entryblock = g->g_entryblock;
    for (basicblock *b = entryblock; b != NULL; b = b->b_next) {
        cfg_instr *last = last_instr(b);
        if (last == NULL) continue;
        if (is_jump(last)) {
            basicblock *target = last->i_target;
            if (is_exit_without_lineno(target) && target->b_predecessors > 1) {
                basicblock *new_target = copy_basicblock(g, target);
                if (new_target == NULL) return ERROR;
                new_target->b_instr[0].i_loc = last->i_loc;
                last->i_target = new_target;
                target->b_predecessors--;
                new_target->b_predecessors = 1;
                new_target->b_next = target->b_next;
                target->b_next = new_target;
            }
        }
    }
    for (basicblock *b = entryblock; b != NULL; b = b->b_next) {
        if (BB_HAS_FALLTHROUGH(b) && b->b_next && b->b_iused > 0) {
            if (is_exit_without_lineno(b->b_next)) {
                cfg_instr *last = last_instr(b);
                b->b_next->b_instr[0].i_loc = last->i_loc;
            }
        }
    }
    return SUCCESS;
}

static void
propagate_line_numbers(basicblock *entryblock)
{
    for (basicblock *b = entryblock; b != NULL; b = b->b_next) {
        cfg_instr *last = last_instr(b);
        if (last == NULL) continue;
        location prev_location = NO_LOCATION;
        for (int i = 0; i < b->b_iused; i++) {
            if (b->b_instr[i].i_loc.lineno < 0)
                b->b_instr[i].i_loc = prev_location;
            else
                prev_location = b->b_instr[i].i_loc;
        }
        if (BB_HAS_FALLTHROUGH(b) && b->b_next && b->b_next->b_predecessors == 1) {
            if (b->b_next->b_iused && b->b_next->b_instr[0].i_loc.lineno < 0)
                b->b_next->b_instr[0].i_loc = prev_location;
        }
        if (is_jump(last)) {
            basicblock *target = last->i_target;
            if (target->b_predecessors == 1) {
                if (target->b_instr[0].i_loc.lineno < 0)
                    target->b_instr[0].i_loc = prev_location;
            }
        }
    }
}

static void
guarantee_lineno_for_exits(basicblock *entryblock, int firstlineno)
{
    int lineno = firstlineno;
    for (basicblock *b = entryblock; b != NULL; b = b->b_next) {
        cfg_instr *last = last_instr(b);
        if (last == NULL) continue;
        if (last->i_loc.lineno < 0) {
            if (last->i_opcode == RETURN_VALUE) {
                for (int i = 0; i < b->b_iused; i++)
                    b->b_instr[i].i_loc.lineno = lineno;
            }
        }
        else {
            lineno = last->i_loc.lineno;
        }
    }
}

static int
resolve_line_numbers(cfg_builder *g, int firstlineno)
{
    RETURN_IF_ERROR(duplicate_exits_without_lineno(g));
    propagate_line_numbers(g->g_entryblock);
    guarantee_lineno_for_exits(g->g_entryblock, firstlineno);
    return SUCCESS;
}

int
_RpCfg_OptimizeCodeUnit(cfg_builder *g, PyObject *consts, PyObject *const_cache,
                        int code_flags, int nlocals, int nparams, int firstlineno)
{
#ifdef RP_CFG_DEBUG
    cfg_dump("start", g->g_entryblock);
#endif
    RETURN_IF_ERROR(translate_jump_labels_to_targets(g->g_entryblock));
    mark_except_handlers(g->g_entryblock);
    RETURN_IF_ERROR(label_exception_targets(g->g_entryblock));
    RETURN_IF_ERROR(optimize_cfg(g, consts, const_cache));
#ifdef RP_CFG_DEBUG
    cfg_dump("optimized", g->g_entryblock);
#endif
    RETURN_IF_ERROR(remove_unused_consts(g->g_entryblock, consts));
    RETURN_IF_ERROR(add_checks_for_loads_of_uninitialized_variables(g->g_entryblock, nlocals,
                                                                    nparams));
    RETURN_IF_ERROR(push_cold_blocks_to_end(g, code_flags));
    RETURN_IF_ERROR(resolve_line_numbers(g, firstlineno));
    return SUCCESS;
}

/* ------------------------------- locals -------------------------------- */
static int *
build_cellfixedoffsets(rp_codeunit_metadata *umd)
{
    int nlocals = (int)PyDict_Size(umd->u_varnames);
    int ncellvars = (int)PyDict_Size(umd->u_cellvars);
    int nfreevars = (int)PyDict_Size(umd->u_freevars);
    int noffsets = ncellvars + nfreevars;
    int *fixed = PyMem_Malloc((noffsets + 1) * sizeof(int));
    if (fixed == NULL) { PyErr_NoMemory(); return NULL; }
    for (int i = 0; i < noffsets; i++) fixed[i] = nlocals + i;
    PyObject *varname, *cellindex;
    Py_ssize_t pos = 0;
    while (PyDict_Next(umd->u_cellvars, &pos, &varname, &cellindex)) {
        PyObject *varindex = PyDict_GetItem(umd->u_varnames, varname);
        if (varindex != NULL) {
            int oldindex = (int)PyLong_AsLong(cellindex);
            int argoffset = (int)PyLong_AsLong(varindex);
            fixed[oldindex] = argoffset;
        }
    }
    return fixed;
}

static int
insert_prefix_instructions(rp_codeunit_metadata *umd, basicblock *entryblock, int *fixed,
                           int nfreevars, int code_flags)
{
    if (code_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
        cfg_instr make_gen = { RETURN_GENERATOR, 0,
                               LOCATION(umd->u_firstlineno, umd->u_firstlineno, -1, -1),
                               NULL, NULL };
        RETURN_IF_ERROR(basicblock_insert_instruction(entryblock, 0, &make_gen));
        cfg_instr pop_top = { POP_TOP, 0, NO_LOCATION, NULL, NULL };
        RETURN_IF_ERROR(basicblock_insert_instruction(entryblock, 1, &pop_top));
    }
    int ncellvars = (int)PyDict_Size(umd->u_cellvars);
    if (ncellvars) {
        int nvars = ncellvars + (int)PyDict_Size(umd->u_varnames);
        int *sorted = PyMem_Calloc(nvars, sizeof(int));
        if (sorted == NULL) { PyErr_NoMemory(); return ERROR; }
        for (int i = 0; i < ncellvars; i++) sorted[fixed[i]] = i + 1;
        for (int i = 0, ncellsused = 0; ncellsused < ncellvars; i++) {
            int oldindex = sorted[i] - 1;
            if (oldindex == -1) continue;
            cfg_instr make_cell = { MAKE_CELL, oldindex, NO_LOCATION, NULL, NULL };
            if (basicblock_insert_instruction(entryblock, ncellsused, &make_cell) < 0) {
                PyMem_Free(sorted);
                return ERROR;
            }
            ncellsused += 1;
        }
        PyMem_Free(sorted);
    }
    if (nfreevars) {
        cfg_instr copy_frees = { COPY_FREE_VARS, nfreevars, NO_LOCATION, NULL, NULL };
        RETURN_IF_ERROR(basicblock_insert_instruction(entryblock, 0, &copy_frees));
    }
    return SUCCESS;
}

static int
fix_cell_offsets(rp_codeunit_metadata *umd, basicblock *entryblock, int *fixedmap)
{
    int nlocals = (int)PyDict_Size(umd->u_varnames);
    int ncellvars = (int)PyDict_Size(umd->u_cellvars);
    int nfreevars = (int)PyDict_Size(umd->u_freevars);
    int noffsets = ncellvars + nfreevars;
    int numdropped = 0;
    for (int i = 0; i < noffsets; i++) {
        if (fixedmap[i] == i + nlocals) fixedmap[i] -= numdropped;
        else numdropped += 1;
    }
    for (basicblock *b = entryblock; b != NULL; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *inst = &b->b_instr[i];
            int oldoffset = inst->i_oparg;
            switch (inst->i_opcode) {
            case MAKE_CELL:
            case LOAD_CLOSURE:
            case LOAD_DEREF:
            case STORE_DEREF:
            case DELETE_DEREF:
            case LOAD_FROM_DICT_OR_DEREF:
                if (oldoffset < 0 || oldoffset >= noffsets) {
                    PyErr_SetString(PyExc_SystemError, "bad cell offset");
                    return ERROR;
                }
                inst->i_oparg = fixedmap[oldoffset];
            }
        }
    }
    return numdropped;
}

int
_RpCfg_PrepareLocalsplus(rp_codeunit_metadata *umd, cfg_builder *g, int code_flags)
{
    int nlocals = (int)PyDict_Size(umd->u_varnames);
    int ncellvars = (int)PyDict_Size(umd->u_cellvars);
    int nfreevars = (int)PyDict_Size(umd->u_freevars);
    int nlocalsplus = nlocals + ncellvars + nfreevars;
    int *cellfixedoffsets = build_cellfixedoffsets(umd);
    if (cellfixedoffsets == NULL) return ERROR;
    if (insert_prefix_instructions(umd, g->g_entryblock, cellfixedoffsets, nfreevars,
                                   code_flags) < 0) {
        PyMem_Free(cellfixedoffsets);
        return ERROR;
    }
    int numdropped = fix_cell_offsets(umd, g->g_entryblock, cellfixedoffsets);
    PyMem_Free(cellfixedoffsets);
    if (numdropped < 0) return ERROR;
    return nlocalsplus - numdropped;
}

/* ----------------------------- stack depth ----------------------------- */
int
_RpCompile_StackEffect(int opcode, int oparg, int jump)
{
    switch (opcode) {
    case NOP: case RESUME: case EXTENDED_ARG: case CACHE:
    case UNARY_NEGATIVE: case UNARY_NOT: case UNARY_INVERT:
    case CHECK_EXC_MATCH: case CHECK_EG_MATCH: case GET_AITER: case GET_ITER:
    case GET_YIELD_FROM_ITER: case RETURN_GENERATOR: case RETURN_CONST:
    case SETUP_ANNOTATIONS: case DELETE_NAME: case DELETE_GLOBAL: case SWAP:
    case JUMP_FORWARD: case JUMP_BACKWARD: case JUMP_BACKWARD_NO_INTERRUPT:
    case JUMP: case JUMP_NO_INTERRUPT: case SEND: case DELETE_FAST: case DELETE_DEREF:
    case GET_AWAITABLE: case MAKE_CELL: case COPY_FREE_VARS: case YIELD_VALUE:
    case KW_NAMES: case CALL_INTRINSIC_1: case LOAD_FROM_DICT_OR_GLOBALS:
    case LOAD_FROM_DICT_OR_DEREF: case POP_BLOCK:
        return 0;
    case POP_TOP: case END_SEND: case BINARY_SUBSCR: case POP_EXCEPT: case STORE_NAME:
    case STORE_GLOBAL: case COMPARE_OP: case IS_OP: case CONTAINS_OP: case IMPORT_NAME:
    case DELETE_ATTR: case RETURN_VALUE: case BINARY_OP: case STORE_FAST:
    case STORE_FAST_MAYBE_NULL: case STORE_DEREF: case LIST_APPEND: case SET_ADD:
    case LIST_EXTEND: case SET_UPDATE: case DICT_MERGE: case DICT_UPDATE:
    case CALL_INTRINSIC_2: case CLEANUP_THROW: case RERAISE: case INTERPRETER_EXIT:
    case LOAD_SUPER_METHOD: case LOAD_ZERO_SUPER_METHOD:
        return -1;
    case PUSH_NULL: case GET_LEN: case MATCH_MAPPING: case MATCH_SEQUENCE: case MATCH_KEYS:
    case PUSH_EXC_INFO: case WITH_EXCEPT_START: case GET_ANEXT: case BEFORE_ASYNC_WITH:
    case BEFORE_WITH: case LOAD_BUILD_CLASS: case LOAD_ASSERTION_ERROR: case LOAD_LOCALS:
    case FOR_ITER: case COPY: case LOAD_CONST: case LOAD_NAME: case IMPORT_FROM:
    case LOAD_FAST: case LOAD_FAST_CHECK: case LOAD_FAST_AND_CLEAR: case LOAD_CLOSURE:
    case LOAD_DEREF: case LOAD_METHOD:
        return 1;
    case END_FOR: case BINARY_SLICE: case END_ASYNC_FOR: case DELETE_SUBSCR: case STORE_ATTR:
    case MAP_ADD: case MATCH_CLASS: case LOAD_ZERO_SUPER_ATTR:
        return -2;
    case STORE_SUBSCR:
        return -3;
    case STORE_SLICE:
        return -4;
    case UNPACK_SEQUENCE:
        return oparg - 1;
    case UNPACK_EX:
        return (oparg & 0xFF) + (oparg >> 8);
    case BUILD_TUPLE: case BUILD_LIST: case BUILD_SET: case BUILD_STRING:
        return 1 - oparg;
    case BUILD_MAP:
        return 1 - 2 * oparg;
    case BUILD_CONST_KEY_MAP:
        return -oparg;
    case LOAD_ATTR:
        return (oparg & 1);
    case LOAD_GLOBAL:
        return 1 + (oparg & 1);
    case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE: case POP_JUMP_IF_NONE:
    case POP_JUMP_IF_NOT_NONE:
        return -1;
    case RAISE_VARARGS:
        return -oparg;
    case MAKE_FUNCTION:
        return -((oparg & 1) != 0) - ((oparg & 2) != 0) - ((oparg & 4) != 0) - ((oparg & 8) != 0);
    case BUILD_SLICE:
        return oparg == 3 ? -2 : -1;
    case LOAD_SUPER_ATTR:
        return -2 + (oparg & 1);
    case CALL_FUNCTION_EX:
        return -2 - (oparg & 1);
    case FORMAT_VALUE:
        return (oparg & FVS_MASK) == FVS_HAVE_SPEC ? -1 : 0;
    case CALL:
        return -1 - oparg;
    case SETUP_FINALLY:
        return jump ? 1 : 0;
    case SETUP_CLEANUP:
        return jump ? 2 : 0;
    case SETUP_WITH:
        return jump ? 1 : 0;
    }
    return INT_MAX;
}

static void
stackdepth_push(basicblock ***sp, basicblock *b, int depth)
{
    if (b->b_startdepth < depth && b->b_startdepth < 100) {
        b->b_startdepth = depth;
        *(*sp)++ = b;
    }
}

int
_RpCfg_Stackdepth(basicblock *entryblock, int code_flags)
{
    for (basicblock *b = entryblock; b != NULL; b = b->b_next) b->b_startdepth = INT_MIN;
    basicblock **stack = make_cfg_traversal_stack(entryblock);
    if (!stack) return ERROR;
    int maxdepth = 0;
    basicblock **sp = stack;
    stackdepth_push(&sp, entryblock,
                    (code_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) ? 1 : 0);
    while (sp != stack) {
        basicblock *b = *--sp;
        int depth = b->b_startdepth;
        basicblock *next = b->b_next;
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *instr = &b->b_instr[i];
            int effect = _RpCompile_StackEffect(instr->i_opcode, instr->i_oparg, 0);
            if (effect == INT_MAX) {
                PyErr_Format(PyExc_SystemError,
                             "compiler PyCompile_OpcodeStackEffectWithJump(opcode=%d, arg=%i) failed",
                             instr->i_opcode, instr->i_oparg);
                PyMem_Free(stack);
                return ERROR;
            }
            int new_depth = depth + effect;
            if (new_depth > maxdepth) maxdepth = new_depth;
            if (rp_has_target(instr->i_opcode)) {
                effect = _RpCompile_StackEffect(instr->i_opcode, instr->i_oparg, 1);
                int target_depth = depth + effect;
                if (target_depth > maxdepth) maxdepth = target_depth;
                stackdepth_push(&sp, instr->i_target, target_depth);
            }
            depth = new_depth;
            if (rp_is_uncond_jump(instr->i_opcode) || rp_is_scope_exit(instr->i_opcode)) {
                next = NULL;
                break;
            }
        }
        if (next != NULL) stackdepth_push(&sp, next, depth);
    }
    PyMem_Free(stack);
    return maxdepth;
}

/* --------------------------- final lowering ---------------------------- */
void
_RpCfg_ConvertPseudoOps(basicblock *entryblock)
{
    for (basicblock *b = entryblock; b != NULL; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *instr = &b->b_instr[i];
            if (is_block_push(instr) || instr->i_opcode == POP_BLOCK)
                INSTR_SET_OP0(instr, NOP);
            else if (instr->i_opcode == STORE_FAST_MAYBE_NULL)
                instr->i_opcode = STORE_FAST;
        }
    }
    for (basicblock *b = entryblock; b != NULL; b = b->b_next)
        remove_redundant_nops(b);
}

static int
normalize_jumps_in_block(cfg_builder *g, basicblock *b)
{
    cfg_instr *last = last_instr(b);
    if (last == NULL || !is_jump(last)) return SUCCESS;
    int is_forward = last->i_target->b_visited == 0;
    switch (last->i_opcode) {
    case JUMP:
        last->i_opcode = is_forward ? JUMP_FORWARD : JUMP_BACKWARD;
        return SUCCESS;
    case JUMP_NO_INTERRUPT:
        last->i_opcode = is_forward ? JUMP_FORWARD : JUMP_BACKWARD_NO_INTERRUPT;
        return SUCCESS;
    }
    int reversed_opcode = 0;
    switch (last->i_opcode) {
    case POP_JUMP_IF_NOT_NONE: reversed_opcode = POP_JUMP_IF_NONE; break;
    case POP_JUMP_IF_NONE: reversed_opcode = POP_JUMP_IF_NOT_NONE; break;
    case POP_JUMP_IF_FALSE: reversed_opcode = POP_JUMP_IF_TRUE; break;
    case POP_JUMP_IF_TRUE: reversed_opcode = POP_JUMP_IF_FALSE; break;
    }
    if (is_forward || reversed_opcode == 0) return SUCCESS;
    /* conditional backward jump T  ->  reversed jump to b_next; JUMP_BACKWARD T */
    basicblock *target = last->i_target;
    basicblock *backwards_jump = cfg_builder_new_block(g);
    if (backwards_jump == NULL) return ERROR;
    RETURN_IF_ERROR(basicblock_addop(backwards_jump, JUMP, 0, last->i_loc));
    backwards_jump->b_instr[0].i_target = target;
    last->i_opcode = reversed_opcode;
    last->i_target = b->b_next;
    backwards_jump->b_cold = b->b_cold;
    backwards_jump->b_next = b->b_next;
    b->b_next = backwards_jump;
    return SUCCESS;
}

static int
normalize_jumps(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b != NULL; b = b->b_next) b->b_visited = 0;
    for (basicblock *b = g->g_entryblock; b != NULL; b = b->b_next) {
        b->b_visited = 1;
        RETURN_IF_ERROR(normalize_jumps_in_block(g, b));
    }
    return SUCCESS;
}

static void
resolve_jump_offsets(basicblock *entryblock)
{
    int bsize, totsize, extended_arg_recompile;
    do {
        totsize = 0;
        for (basicblock *b = entryblock; b != NULL; b = b->b_next) {
            bsize = blocksize(b);
            b->b_offset = totsize;
            totsize += bsize;
        }
        extended_arg_recompile = 0;
        for (basicblock *b = entryblock; b != NULL; b = b->b_next) {
            bsize = b->b_offset;
            for (int i = 0; i < b->b_iused; i++) {
                cfg_instr *instr = &b->b_instr[i];
                int isize = instr_size(instr);
                bsize += isize;
                if (is_jump(instr)) {
                    instr->i_oparg = instr->i_target->b_offset;
                    if (instr->i_oparg < bsize)
                        instr->i_oparg = bsize - instr->i_oparg;
                    else
                        instr->i_oparg -= bsize;
                    if (instr_size(instr) != isize) extended_arg_recompile = 1;
                }
            }
        }
    } while (extended_arg_recompile);
}

int
_RpCfg_ResolveJumps(cfg_builder *g)
{
    RETURN_IF_ERROR(normalize_jumps(g));
    resolve_jump_offsets(g->g_entryblock);
    return SUCCESS;
}

#ifdef RP_CFG_DEBUG
/* Debugging aid (build with -DRP_CFG_DEBUG, run with RP_CFGDUMP=1): dump the
   graph at the stages marked in _RpCfg_OptimizeCodeUnit. */
#include <stdio.h>
#include <stdlib.h>
static void
cfg_dump(const char *title, basicblock *entry)
{
    if (!getenv("RP_CFGDUMP")) return;
    fprintf(stderr, "=== %s\n", title);
    for (basicblock *b = entry; b; b = b->b_next) {
        fprintf(stderr, "block %p label=%d handler=%d cold=%d preds=%d\n", (void *)b,
                b->b_label, b->b_except_handler, b->b_cold, b->b_predecessors);
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            const char *name = _PyOpcode_OpName[in->i_opcode];
            fprintf(stderr, "   %-24s %d  line %d target=%p\n", name ? name : "?",
                    in->i_oparg, in->i_loc.lineno, (void *)in->i_target);
        }
    }
}
#endif
