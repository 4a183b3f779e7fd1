// Calls of Go's builtin functions: len cap append copy delete clear make new panic recover
// print println min max close. Constant-valued ones (len of an array, min of constants) were
// folded by the checker and never get here.
#include "compile_int.h"

int cbuiltin(FuncState *fs, Expr *call, int dst);

static int arg_reg(FuncState *fs, Expr *call, int i) {
    return comp_expr(fs, call->args.v[i], -1);
}

static Type *arg_type(Expr *call, int i) {
    return call->args.v[i]->tv;
}

static int clen_cap(FuncState *fs, Expr *call, int dst, bool is_len) {
    Type *t = arg_type(call, 0);
    if (t->kind == K_POINTER)
        t = t->elem->under;
    int r = arg_reg(fs, call, 0);
    switch (t->kind) {
    case K_STRING: comp_emit(fs, OP_LEN_S, dst, r, 0); break;
    case K_SLICE: comp_emit(fs, is_len ? OP_LEN_SL : OP_CAP_SL, dst, r, 0); break;
    case K_MAP: comp_emit(fs, OP_LEN_M, dst, r, 0); break;
    case K_CHAN: comp_emit(fs, is_len ? OP_LEN_C : OP_CAP_C, dst, r, 0); break;
    case K_ARRAY: comp_emit_load_int(fs, dst, t->len); break; // evaluated for side effects
    default: gol_fatal_internal("bad len/cap operand");
    }
    return dst;
}

static int cappend(FuncState *fs, Expr *call, int dst) {
    Type *st = call->tv;
    Type *et = st->under->elem;
    int n = call->args.n - 1;
    if (call->has_ellipsis) {
        int s = arg_reg(fs, call, 0);
        int t = arg_reg(fs, call, 1);
        comp_emit(fs, OP_APPENDSL, dst, s, t);
        comp_emit_xbx(fs, arg_type(call, 1)->kind == K_STRING, (uint32_t)comp_k_type(fs, et));
        return dst;
    }
    int base = comp_reg_alloc(fs, 1 + n);
    comp_expr(fs, call->args.v[0], base);
    for (int i = 0; i < n; i++)
        comp_expr_to(fs, call->args.v[1 + i], et, base + 1 + i); // storage copy is inherent
    comp_emit(fs, OP_APPEND, dst, base, n);
    comp_emit_xbx(fs, 0, (uint32_t)comp_k_type(fs, et));
    return dst;
}

static int cmake(FuncState *fs, Expr *call, int dst) {
    Type *t = call->tv;
    Type *u = t->under;
    int n = call->args.n;
    if (u->kind == K_SLICE) {
        int r = comp_reg_alloc(fs, 2);
        comp_expr(fs, call->args.v[1], r);
        if (n > 2)
            comp_expr(fs, call->args.v[2], r + 1);
        else
            comp_emit_move(fs, r + 1, r);
        comp_emit(fs, OP_MAKESLICE, dst, comp_k_type(fs, t), r);
        return dst;
    }
    int h = comp_reg_alloc(fs, 1);
    if (n > 1)
        comp_expr(fs, call->args.v[1], h);
    else
        comp_emit_sbx(fs, OP_LOADI, h, 0);
    comp_emit(fs, u->kind == K_MAP ? OP_MAKEMAP : OP_MAKECHAN, dst, comp_k_type(fs, t), h);
    return dst;
}

static int cprint(FuncState *fs, Expr *call, int dst, bool ln) {
    int n = call->args.n;
    int base = comp_reg_alloc(fs, n > 0 ? n : 1);
    for (int i = 0; i < n; i++)
        comp_expr(fs, call->args.v[i], base + i);
    comp_emit(fs, OP_PRINT, base, n, ln);
    for (int i = 0; i < n; i++)
        comp_emit_xbx(fs, 0, (uint32_t)comp_k_type(fs, arg_type(call, i)));
    return dst;
}

static int cminmax(FuncState *fs, Expr *call, int dst, bool is_max) {
    int n = call->args.n;
    Type *t = call->tv;
    int base = comp_reg_alloc(fs, n);
    for (int i = 0; i < n; i++)
        comp_expr_to(fs, call->args.v[i], t, base + i);
    int kind = t->kind == K_STRING                           ? 3
               : (t->kind == K_FLOAT32 || t->kind == K_FLOAT64) ? 2
               : (t->kind >= K_UINT && t->kind <= K_UINTPTR)     ? 1
                                                                 : 0;
    comp_emit(fs, OP_MINMAX, dst, base, n);
    comp_emit_x(fs, is_max, kind, 0);
    return dst;
}

// f(g()): g()'s results into registers, each taken by the argument standing for it.
static void spread_args(FuncState *fs, Expr *call) {
    int n = call->args.n;
    int base = comp_reg_alloc(fs, n);
    comp_expr_multi(fs, call->args.v[0]->spread, base, n);
    for (int i = 0; i < n; i++) {
        call->args.v[i]->hoisted = base + i + 1;
        fs->hoisted++;
    }
}

static void drop_unused_spread(FuncState *fs, Expr *call) {
    for (int i = 0; i < call->args.n; i++) {
        if (call->args.v[i]->hoisted) {
            call->args.v[i]->hoisted = 0;
            fs->hoisted--;
        }
    }
}

int cbuiltin(FuncState *fs, Expr *call, int dst) {
    int mark = fs->nactive;
    if (dst < 0)
        dst = comp_reg_alloc(fs, 1), mark = fs->nactive;
    bool spread = call->args.n && call->args.v[0]->spread;
    if (spread)
        spread_args(fs, call);
    fs->pos = call->pos;
    switch (call->builtin) {
    case BI_LEN: clen_cap(fs, call, dst, true); break;
    case BI_CAP: clen_cap(fs, call, dst, false); break;
    case BI_APPEND: cappend(fs, call, dst); break;
    case BI_COPY: {
        int d = arg_reg(fs, call, 0);
        int s = arg_reg(fs, call, 1);
        comp_emit(fs, OP_COPY, dst, d, s);
        comp_emit_xbx(fs, arg_type(call, 1)->kind == K_STRING,
                 (uint32_t)comp_k_type(fs, arg_type(call, 0)->under->elem));
        break;
    }
    case BI_DELETE: {
        Type *mt = arg_type(call, 0)->under;
        int m = arg_reg(fs, call, 0);
        int k = comp_expr_to(fs, call->args.v[1], mt->key, -1);
        comp_emit(fs, OP_MAPDEL, m, k, 0);
        break;
    }
    case BI_CLEAR: {
        Type *t = arg_type(call, 0)->under;
        int r = arg_reg(fs, call, 0);
        if (t->kind == K_MAP) {
            comp_emit(fs, OP_CLEAR_M, r, 0, 0);
        } else {
            comp_emit(fs, OP_CLEAR_SL, r, 0, 0);
            comp_emit_xbx(fs, 0, (uint32_t)comp_k_type(fs, t->elem));
        }
        break;
    }
    case BI_MAKE: cmake(fs, call, dst); break;
    case BI_NEW: {
        Type *t = call->tv->elem;
        Expr *x = call->args.v[0];
        if (x->mode == MODE_TYPE) {
            comp_emit_bx(fs, OP_NEW, dst, (uint32_t)comp_k_type(fs, t));
            break;
        }
        int v = comp_expr_store(fs, x, t, -1); // new(expr): the value first, then the variable
        comp_emit_bx(fs, OP_NEW, dst, (uint32_t)comp_k_type(fs, t));
        comp_emit_store_mem(fs, dst, 0, v, t);
        break;
    }
    case BI_PANIC: {
        int r = comp_expr_to(fs, call->args.v[0], types_empty_iface, -1);
        fs->pos = call->pos;
        comp_emit(fs, OP_PANIC, r, 0, 0);
        break;
    }
    case BI_RECOVER: comp_emit(fs, OP_RECOVER, dst, 0, 0); break;
    case BI_PRINT: cprint(fs, call, dst, false); break;
    case BI_PRINTLN: cprint(fs, call, dst, true); break;
    case BI_MIN: cminmax(fs, call, dst, false); break;
    case BI_MAX: cminmax(fs, call, dst, true); break;
    case BI_CLOSE: comp_emit(fs, OP_CLOSE, arg_reg(fs, call, 0), 0, 0); break;
    case BI_COMPLEX: {
        int re = comp_expr_to(fs, call->args.v[0], arg_type(call, 0), -1);
        int im = comp_expr_to(fs, call->args.v[1], arg_type(call, 1), -1);
        comp_emit(fs, OP_MKCPLX, dst, re, im);
        break;
    }
    case BI_REAL: comp_emit(fs, OP_REAL_C, dst, arg_reg(fs, call, 0), 0); break;
    case BI_IMAG: comp_emit(fs, OP_IMAG_C, dst, arg_reg(fs, call, 0), 0); break;
    default: gol_fatal_internal("builtin %d not supported", call->builtin);
    }
    if (spread)
        drop_unused_spread(fs, call);
    comp_reg_free_to(fs, mark);
    return dst;
}
