// Instruction emission for the compiler: code and position buffers, the constant pool,
// register allocation (stack discipline) and jump patching. Knows nothing about Go syntax.
#include "compile_int.h"

#include <stdio.h>
#include <stdlib.h>

#include "../runtime/cplx.h"
#include "../runtime/value.h"

const char *const op_names[OP__COUNT] = {
#define OP(name, fmt, flags) #name,
#include "opcodes.h"
#undef OP
};

const OpFormat op_formats[OP__COUNT] = {
#define OP(name, fmt, flags) FMT_##fmt,
#include "opcodes.h"
#undef OP
};

const uint8_t op_flags[OP__COUNT] = {
#define OP(name, fmt, flags) flags,
#include "opcodes.h"
#undef OP
};

void comp_fs_init(FuncState *fs, FuncState *parent, Package *pkg, Object *fobj) {
    memset(fs, 0, sizeof *fs);
    fs->parent = parent;
    fs->pkg = pkg;
    fs->fobj = fobj;
    fs->epilogue_pc = -1;
}

static int push_instr(FuncState *fs, Instr in) {
    if (fs->code.n >= 0x7fffffff)
        gol_fatal_internal("function too large");
    vec_push(&fs->code, in);
    vec_push(&fs->pcpos, fs->pos);
    return fs->code.n - 1;
}

static void check16(int v, const char *what) {
    if (v < 0 || v > 0xffff)
        gol_fatal_internal("operand %s out of range: %d", what, v);
}

int comp_emit(FuncState *fs, int op, int a, int b, int c) {
    comp_memev_before(fs, op);
    check16(a, "A");
    check16(b, "B");
    check16(c, "C");
    Instr in = {.op = (uint16_t)op, .a = (uint16_t)a};
    in.b = (uint16_t)b;
    in.c = (uint16_t)c;
    return push_instr(fs, in);
}

int comp_emit_bx(FuncState *fs, int op, int a, uint32_t bx) {
    comp_memev_before(fs, op);
    check16(a, "A");
    Instr in = {.op = (uint16_t)op, .a = (uint16_t)a};
    in.bx = bx;
    return push_instr(fs, in);
}

int comp_emit_sbx(FuncState *fs, int op, int a, int32_t sbx) {
    check16(a, "A");
    Instr in = {.op = (uint16_t)op, .a = (uint16_t)a};
    in.sbx = sbx;
    return push_instr(fs, in);
}

int comp_emit_x(FuncState *fs, int a, int b, int c) {
    return comp_emit(fs, OP_EXTRA, a, b, c);
}

int comp_emit_xbx(FuncState *fs, int a, uint32_t bx) {
    return comp_emit_bx(fs, OP_EXTRA, a, bx);
}

void comp_emit_array(FuncState *fs, int op, int a, int b, int c, int elem_slots, int64_t len) {
    comp_emit(fs, op, a, b, c);
    if (op == OP_ADDR_A) { // an aggregate element may take more slots than 16 bits count
        comp_emit_xbx(fs, 0, (uint32_t)len);
        comp_emit_xbx(fs, 0, (uint32_t)elem_slots);
    } else {
        comp_emit_xbx(fs, elem_slots, (uint32_t)len);
    }
}

int comp_pc_here(FuncState *fs) {
    return fs->code.n;
}

// Jumps with a register pair (ABsC) keep a 16-bit offset; everything else 32-bit. A jump
// whose target is out of 16-bit range is rewritten by the caller (comp_cond never emits ABsC
// jumps over huge distances: it checks with comp_patch_to's error).
int comp_emit_jump(FuncState *fs, int op, int a, int b) {
    if (op_formats[op] == FMT_ABsC || op_formats[op] == FMT_AKsC)
        return comp_emit(fs, op, a, b, 0);
    return comp_emit_sbx(fs, op, a, 0);
}

void comp_patch_to(FuncState *fs, int jump, int target) {
    Instr *in = &fs->code.v[jump];
    int off = target - (jump + 1);
    if (op_formats[in->op] == FMT_ABsC || op_formats[in->op] == FMT_AKsC) {
        if (off < -32768 || off > 32767)
            fs->jump_overflow = true; // comp_func recompiles without fused jumps
        in->c = (uint16_t)(int16_t)off;
    } else {
        in->sbx = off;
    }
}

void comp_patch_here(FuncState *fs, int jump) {
    comp_patch_to(fs, jump, fs->code.n);
}

void comp_patch_list_here(FuncState *fs, JumpList *l) {
    for (int i = 0; i < l->n; i++)
        comp_patch_here(fs, l->v[i]);
    l->n = 0;
}

void comp_emit_jump_back(FuncState *fs, int target) {
    int j = comp_emit_sbx(fs, OP_JMP, 0, 0);
    comp_patch_to(fs, j, target);
}

int comp_reg_alloc(FuncState *fs, int n) {
    int r = fs->nactive;
    fs->nactive += n;
    if (fs->nactive > fs->maxregs)
        fs->maxregs = fs->nactive;
    if (fs->nactive > 0xfff0)
        gol_fatal_internal("function needs too many registers");
    return r;
}

void comp_reg_free_to(FuncState *fs, int mark) {
    if (mark < fs->nactive)
        fs->nactive = mark;
}

// Add [s] of kind [kind] to the pool, sharing an equal entry of the same kind.
static int k_add(FuncState *fs, Slot s, KKind kind) {
    const void *idx = (const void *)(uintptr_t)(fs->k.n + 1);
    const void *had = hashset_add(&fs->kindex, s.u, idx, NULL);
    if (had && fs->kk.v[(uintptr_t)had - 1] == kind)
        return (int)((uintptr_t)had - 1);
    vec_push(&fs->k, s);
    vec_push(&fs->kk, (uint8_t)kind);
    return fs->k.n - 1;
}

int comp_k_int(FuncState *fs, int64_t v) {
    return k_add(fs, (Slot){.i = v}, KK_INT);
}

int comp_k_float(FuncState *fs, double v) {
    return k_add(fs, (Slot){.f = v}, KK_FLOAT);
}

int comp_k_ptr(FuncState *fs, const void *p) {
    return k_add(fs, (Slot){.p = (void *)p}, KK_RAW);
}

int comp_k_type(FuncState *fs, Type *t) {
    return k_add(fs, (Slot){.p = t}, KK_TYPE);
}

int comp_k_proto(FuncState *fs, Proto *p) {
    return k_add(fs, (Slot){.p = p}, KK_PROTO);
}

int comp_k_func(FuncState *fs, GoFunc *f) {
    return k_add(fs, (Slot){.p = f}, KK_FUNC);
}

int comp_k_callsite(FuncState *fs, CallSite *cs) {
    return k_add(fs, (Slot){.p = cs}, KK_CALLSITE);
}

int comp_k_cstr(FuncState *fs, const char *s) {
    return k_add(fs, (Slot){.p = (void *)s}, KK_CSTR);
}

int comp_k_complex(FuncState *fs, GoComplex *z) {
    return k_add(fs, (Slot){.p = z}, KK_COMPLEX);
}

int comp_k_string(FuncState *fs, const char *s, int64_t len) {
    if (len == 0)
        return k_add(fs, (Slot){.p = NULL}, KK_STRING);
    Slot sl = {.p = str_new(s, len)};
    vec_push(&fs->k, sl);
    vec_push(&fs->kk, (uint8_t)KK_STRING);
    return fs->k.n - 1;
}

void comp_emit_load_int(FuncState *fs, int dst, int64_t v) {
    if (v >= INT32_MIN && v <= INT32_MAX)
        comp_emit_sbx(fs, OP_LOADI, dst, (int32_t)v);
    else
        comp_emit_bx(fs, OP_LOADK, dst, (uint32_t)comp_k_int(fs, v));
}

void comp_emit_move(FuncState *fs, int dst, int src) {
    if (dst != src)
        comp_emit(fs, OP_MOVE, dst, src, 0);
}

Proto *comp_fs_finish(FuncState *fs, const char *name, int nparams, int nresults) {
    Proto *p = fs->proto ? fs->proto : gc_alloc(sizeof(Proto));
    p->name = name;
    p->code = fs->code.v;
    p->ncode = fs->code.n;
    p->pcpos = fs->pcpos.v;
    p->consts = fs->k.v;
    p->nconsts = fs->k.n;
    p->kkinds = fs->kk.v;
    p->user = fs->pkg && !fs->pkg->std;
    p->nregs = fs->maxregs + 1;
    p->nparams = nparams;
    p->nresults = nresults;
    p->arena_mark = fs->arena_mark;
    fs->proto = p;
    comp_memev_finish(fs, p);
    comp_rf_finish(fs, p);
    comp_frame_clear(p);
    return p;
}

void comp_emit_copyn(FuncState *fs, int dst, int src, int n) {
    if (n <= 0xffff) {
        comp_emit(fs, OP_COPYN, dst, src, n);
        return;
    }
    comp_emit(fs, OP_COPYN_X, dst, src, 0);
    comp_emit_xbx(fs, 0, (uint32_t)n);
}
