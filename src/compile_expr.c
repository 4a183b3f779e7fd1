// Expressions: constants, identifiers, unary and binary operators, conditions with fused
// compare-and-jump instructions, conversions (explicit and implicit: boxing into
// interfaces) and the value-copy rule for structs and arrays. Composite literals, indexing,
// slicing and selectors are in compile_composite.c; calls in compile_call.c.
#include "compile_int.h"
#include "deepstack.h"

#include <stdio.h>

#include "../runtime/cplx.h"

bool comp_type_is_aggregate(Type *t) {
    return t && (t->kind == K_STRUCT || t->kind == K_ARRAY);
}

static bool is_unsigned(Type *t) {
    return t->kind >= K_UINT && t->kind <= K_UINTPTR;
}

static bool is_float(Type *t) {
    return t->kind == K_FLOAT32 || t->kind == K_FLOAT64;
}

static bool is_complex(Type *t) {
    return t->kind == K_COMPLEX64 || t->kind == K_COMPLEX128;
}

static bool is_intlike(Type *t) {
    return (t->kind >= K_INT && t->kind <= K_UINTPTR) || t->kind == K_BOOL;
}

// Re-canonicalise register r after arithmetic on a narrow type.
static void emit_narrow(FuncState *fs, int r, Type *t) {
    static const int ops[K_COUNT] = {
        [K_INT8] = OP_SEXT8,  [K_INT16] = OP_SEXT16,  [K_INT32] = OP_SEXT32,
        [K_UINT8] = OP_ZEXT8, [K_UINT16] = OP_ZEXT16, [K_UINT32] = OP_ZEXT32,
        [K_FLOAT32] = OP_ROUND_F32, [K_COMPLEX64] = OP_ROUND_C64,
    };
    if (ops[t->kind])
        comp_emit(fs, ops[t->kind], r, r, 0);
}

void comp_emit_const(FuncState *fs, ConstVal *cv, Type *t, int dst) {
    switch (t->kind) {
    case K_BOOL:
        comp_emit_sbx(fs, OP_LOADI, dst, cv->b);
        return;
    case K_STRING:
        comp_emit_bx(fs, OP_LOADK, dst, (uint32_t)comp_k_string(fs, cv_str(cv), cv->slen));
        return;
    case K_FLOAT32:
        comp_emit_bx(fs, OP_LOADK, dst, (uint32_t)comp_k_float(fs, (double)cv_float32(cv)));
        return;
    case K_FLOAT64:
        comp_emit_bx(fs, OP_LOADK, dst, (uint32_t)comp_k_float(fs, cv_float64(cv)));
        return;
    case K_COMPLEX64: {
        GoComplex *z = cplx_new(cv_float32(cv_real(cv)), cv_float32(cv_imag(cv)));
        comp_emit_bx(fs, OP_LOADK, dst, (uint32_t)comp_k_complex(fs, z));
        return;
    }
    case K_COMPLEX128: {
        GoComplex *z = cplx_new(cv_float64(cv_real(cv)), cv_float64(cv_imag(cv)));
        comp_emit_bx(fs, OP_LOADK, dst, (uint32_t)comp_k_complex(fs, z));
        return;
    }
    case K_INTERFACE: {
        // a constant stored into an interface: box it with its default type
        Type *dt = cv->kind == CV_BOOL      ? types_basic[K_BOOL]
                   : cv->kind == CV_STRING  ? types_basic[K_STRING]
                   : cv->kind == CV_FLOAT   ? types_basic[K_FLOAT64]
                   : cv->kind == CV_COMPLEX ? types_basic[K_COMPLEX128]
                                            : types_basic[K_INT];
        comp_emit_const(fs, cv, dt, dst);
        comp_emit_bx(fs, OP_BOX, dst, (uint32_t)comp_k_type(fs, dt));
        return;
    }
    default:
        if (is_intlike(t)) {
            comp_emit_load_int(fs, dst, is_unsigned(t) ? (int64_t)cv_uint64(cv) : cv_int64(cv));
            return;
        }
        comp_emit(fs, OP_LOADNIL, dst, 0, 0); // nil of a pointer-like type
    }
}

void comp_emit_zero(FuncState *fs, Type *t, int dst) {
    if (comp_type_is_aggregate(t))
        comp_emit_bx(fs, OP_NEW, dst, (uint32_t)comp_k_type(fs, t));
    else
        comp_emit_sbx(fs, OP_LOADI, dst, 0);
}

void comp_emit_clone(FuncState *fs, Type *t, int r) {
    if (t->slots > 0)
        comp_emit_bx(fs, OP_CLONE, r, (uint32_t)comp_k_type(fs, t));
}

void comp_emit_clone_agg(FuncState *fs, Type *t, int r) {
    if (comp_type_is_aggregate(t))
        comp_emit_clone(fs, t, r);
}

bool comp_expr_is_fresh(Expr *e) {
    e = ast_unparen(e);
    switch (e->kind) {
    case E_COMPOSITE:
        return true;
    case E_CALL:
        if (e->is_conversion)
            return e->args.n == 1 && comp_expr_is_fresh(e->args.v[0]);
        return true;
    case E_TYPEASSERT: // the value inside an interface box is never mutated
        return false;
    default:
        return e->mode == MODE_CONST;
    }
}

// ---- conversions ----

void comp_emit_convert(FuncState *fs, int r, Type *from, Type *to) {
    if (!from || !to || from == to)
        return;
    if (to->kind == K_INTERFACE) {
        if (from->kind != K_INTERFACE && from->kind != K_UNTYPED_NIL)
            comp_emit_bx(fs, OP_BOX, r, (uint32_t)comp_k_type(fs, from));
        return;
    }
}

// Explicit conversion T(x) of the value in register r.
// The float-to-integer opcode for integer type [to], as Go's fpConvOpToSSA on amd64:
// 32-bit CVTTSD2SL for int8..int32, uint8 and uint16, 64-bit CVTTSD2SQ for int64, int and
// uint32, and the branchy unsigned expansion for uint64, uint and uintptr.
static int float_conv_op(Type *to) {
    switch (to->kind) {
    case K_INT8: case K_INT16: case K_INT32: case K_UINT8: case K_UINT16:
        return OP_F2I32;
    case K_UINT: case K_UINT64: case K_UINTPTR:
        return OP_F2U;
    default:
        return OP_F2I;
    }
}

static void emit_conversion(FuncState *fs, int r, Type *from, Type *to) {
    if (to->kind == K_INTERFACE) {
        comp_emit_convert(fs, r, from, to);
        return;
    }
    if (to->kind == K_STRING) {
        if (is_intlike(from))
            comp_emit(fs, OP_STR_RUNE, r, r, is_unsigned(from));
        else if (from->kind == K_SLICE)
            comp_emit(fs, from->elem->kind == K_UINT8 ? OP_STR_BYTES : OP_STR_RUNES, r, r, 0);
        return;
    }
    if (from->kind == K_SLICE && (to->kind == K_ARRAY || (to->kind == K_POINTER &&
                                                          to->elem->kind == K_ARRAY))) {
        bool copy = to->kind == K_ARRAY; // [N]T(s) copies; (*[N]T)(s) points at s's elements
        comp_emit(fs, OP_SL2ARR, r, r, copy);
        comp_emit_xbx(fs, 0, (uint32_t)comp_k_type(fs, copy ? to : to->elem));
        return;
    }
    if (to->kind == K_SLICE && from->kind == K_STRING) {
        comp_emit(fs, to->elem->kind == K_UINT8 ? OP_BYTES_STR : OP_RUNES_STR, r, r, 0);
        return;
    }
    if (is_complex(to)) { // from another complex type (constants are folded)
        emit_narrow(fs, r, to);
        return;
    }
    if (is_float(to)) {
        if (is_intlike(from))
            comp_emit(fs, is_unsigned(from) ? OP_U2F : OP_I2F, r, r, 0);
        emit_narrow(fs, r, to);
        return;
    }
    if (is_intlike(to) && to->kind != K_BOOL) {
        if (is_float(from)) // as Go's amd64 code: its out-of-range results are observable
            comp_emit(fs, float_conv_op(to), r, r, 0);
        emit_narrow(fs, r, to);
    }
}

// ---- identifiers ----

static int cident(FuncState *fs, Expr *e, int dst) {
    Object *o = e->obj;
    switch (o ? o->kind : OBJ_BAD) {
    case OBJ_VAR: {
        int r = comp_var_reg(fs, o);
        if (r >= 0) {
            if (dst < 0)
                return r;
            comp_emit_move(fs, dst, r);
            return dst;
        }
        if (dst < 0)
            dst = comp_reg_alloc(fs, 1);
        comp_var_load(fs, o, dst);
        return dst;
    }
    case OBJ_FUNC:
        if (dst < 0)
            dst = comp_reg_alloc(fs, 1);
        comp_emit_bx(fs, OP_LOADK, dst, (uint32_t)comp_k_func(fs, comp_func_value(o)));
        return dst;
    default:
        if (dst < 0)
            dst = comp_reg_alloc(fs, 1);
        comp_emit(fs, OP_LOADNIL, dst, 0, 0);
        return dst;
    }
}

// ---- operators ----

static int arith_opcode(Op op, Type *t, bool unsigned_count) {
    if (is_complex(t)) {
        switch (op) {
        case OP_ADD: return OP_ADD_C;
        case OP_SUB: return OP_SUB_C;
        case OP_MUL: return OP_MUL_C;
        default: return OP_DIV_C;
        }
    }
    if (is_float(t)) {
        switch (op) {
        case OP_ADD: return OP_ADD_F;
        case OP_SUB: return OP_SUB_F;
        case OP_MUL: return OP_MUL_F;
        case OP_QUO: return OP_DIV_F;
        default: break;
        }
    }
    bool u = is_unsigned(t);
    switch (op) {
    case OP_ADD: return t->kind == K_STRING ? OP_CONCAT : OP_ADD_I;
    case OP_SUB: return OP_SUB_I;
    case OP_MUL: return OP_MUL_I;
    case OP_QUO: return u ? OP_DIV_U : OP_DIV_I;
    case OP_REM: return u ? OP_REM_U : OP_REM_I;
    case OP_AND: return OP_AND_I;
    case OP_OR: return OP_OR_I;
    case OP_XOR: return OP_XOR_I;
    case OP_AND_NOT: return OP_ANDNOT_I;
    case OP_SHL: return unsigned_count ? OP_SHL_IU : OP_SHL_I;
    case OP_SHR:
        if (u)
            return unsigned_count ? OP_SHR_UU : OP_SHR_U;
        return unsigned_count ? OP_SHR_IU : OP_SHR_I;
    default: gol_fatal_internal("bad arithmetic operator %d", op);
    }
}

// Constant-operand forms of integer arithmetic (K[C] operand).
static int arith_k_opcode(Op op, Type *t, ConstVal *cv) {
    if (!is_intlike(t) || t->kind == K_BOOL || !cv || cv->kind != CV_INT || !cv->small)
        return -1;
    switch (op) {
    case OP_ADD: return OP_ADD_IK;
    case OP_SUB: return OP_SUB_IK;
    case OP_MUL: return OP_MUL_IK;
    case OP_AND: return OP_AND_IK;
    case OP_QUO:
    case OP_REM:
        if (is_unsigned(t) || cv->i == 0 || cv->i == -1)
            return -1;
        return op == OP_QUO ? OP_DIV_IK : OP_REM_IK;
    default: return -1;
    }
}

// dst = x op y for arithmetic [op] on values of type [t].
// Without a destination the result register is taken after the operands are computed (the
// lowest temporary, possibly an operand's), so a chain `a + b + c + ...` of any length uses
// two registers rather than one per term.
static int carith(FuncState *fs, Op op, Expr *x, Expr *y, Type *t, int dst) {
    int mark = fs->nactive;
    bool late_dst = dst < 0;
    int rx = comp_expr(fs, x, -1);
    int kop = y->mode == MODE_CONST ? arith_k_opcode(op, t, y->cval) : -1;
    int ry = kop >= 0 ? -1 : comp_expr(fs, y, -1);
    if (late_dst) {
        comp_reg_free_to(fs, mark);
        dst = comp_reg_alloc(fs, 1);
        mark = fs->nactive;
    }
    if (kop >= 0) {
        int64_t c = y->cval->i;
        if (kop == OP_ADD_IK && c >= -32768 && c <= 32767)
            comp_emit(fs, OP_ADDI, dst, rx, (uint16_t)(int16_t)c);
        else if (kop == OP_SUB_IK && c > -32768 && c <= 32768)
            comp_emit(fs, OP_ADDI, dst, rx, (uint16_t)(int16_t)(-c));
        else
            comp_emit(fs, kop, dst, rx,
                      comp_k_int(fs, is_unsigned(t) ? (int64_t)cv_uint64(y->cval) : c));
    } else {
        bool ucount = (op == OP_SHL || op == OP_SHR) && is_unsigned(y->tv);
        comp_emit(fs, arith_opcode(op, t, ucount), dst, rx, ry);
    }
    comp_reg_free_to(fs, mark);
    if (op != OP_SHR || t->kind == K_FLOAT32)
        emit_narrow(fs, dst, t);
    return dst;
}

static Type *cmp_type(Expr *x, Expr *y) {
    Type *tx = x->tv, *ty = y->tv;
    if (tx->kind == K_INTERFACE)
        return tx;
    if (ty->kind == K_INTERFACE)
        return ty;
    if (tx->kind == K_UNTYPED_NIL)
        return ty;
    return tx;
}

// Comparison into a bool register.
static int ccompare(FuncState *fs, Op op, Expr *x, Expr *y, int dst) {
    int mark = fs->nactive;
    if (dst < 0)
        dst = comp_reg_alloc(fs, 1), mark = fs->nactive;
    Type *t = cmp_type(x, y);
    int rx = comp_expr_to(fs, x, t, -1); // operands left to right, then x > y is y < x
    int ry = comp_expr_to(fs, y, t, -1);
    if (op == OP_GTR || op == OP_GEQ) {
        int tmp = rx;
        rx = ry;
        ry = tmp;
        op = op == OP_GTR ? OP_LSS : OP_LEQ;
    }
    int o;
    if (t->kind == K_STRING)
        o = op == OP_EQL ? OP_EQ_S : op == OP_NEQ ? OP_NE_S : op == OP_LSS ? OP_LT_S : OP_LE_S;
    else if (is_complex(t))
        o = op == OP_EQL ? OP_EQ_C : OP_NE_C;
    else if (is_float(t))
        o = op == OP_EQL ? OP_EQ_F : op == OP_NEQ ? OP_NE_F : op == OP_LSS ? OP_LT_F : OP_LE_F;
    else if (t->kind == K_INTERFACE || comp_type_is_aggregate(t)) {
        comp_emit(fs, OP_EQ_V, dst, rx, ry);
        comp_emit_xbx(fs, 0, (uint32_t)comp_k_type(fs, t));
        if (op == OP_NEQ)
            comp_emit(fs, OP_NOT_B, dst, dst, 0);
        comp_reg_free_to(fs, mark);
        return dst;
    } else if (is_unsigned(t))
        o = op == OP_EQL ? OP_EQ_I : op == OP_NEQ ? OP_NE_I : op == OP_LSS ? OP_LT_U : OP_LE_U;
    else
        o = op == OP_EQL ? OP_EQ_I : op == OP_NEQ ? OP_NE_I : op == OP_LSS ? OP_LT_I : OP_LE_I;
    comp_emit(fs, o, dst, rx, ry);
    comp_reg_free_to(fs, mark);
    return dst;
}

static bool is_comparison(Op op) {
    return op >= OP_EQL && op <= OP_GEQ;
}

// Try a fused compare-and-jump for an integer comparison; false if not applicable.
static bool ccond_fused(FuncState *fs, Expr *e, bool when, JumpList *jumps) {
    Op op = e->op;
    Type *t = cmp_type(e->x, e->y);
    if (fs->no_fused || !is_intlike(t) || (is_unsigned(t) && op != OP_EQL && op != OP_NEQ))
        return false;
    if (!when) { // jump when false: invert (exact for integers)
        static const Op inv[] = {[OP_EQL] = OP_NEQ, [OP_NEQ] = OP_EQL, [OP_LSS] = OP_GEQ,
                                 [OP_LEQ] = OP_GTR, [OP_GTR] = OP_LEQ, [OP_GEQ] = OP_LSS};
        op = inv[op];
    }
    int mark = fs->nactive;
    Expr *x = e->x, *y = e->y;
    if (y->mode == MODE_CONST && y->cval->kind == CV_INT && y->cval->small) {
        int rx = comp_expr(fs, x, -1);
        static const int kops[] = {[OP_EQL] = OP_JEQ_IK, [OP_NEQ] = OP_JNE_IK,
                                   [OP_LSS] = OP_JLT_IK, [OP_LEQ] = OP_JLE_IK,
                                   [OP_GTR] = OP_JGT_IK, [OP_GEQ] = OP_JGE_IK};
        int k = comp_k_int(fs, y->cval->i);
        if (k > 0xffff)
            return comp_reg_free_to(fs, mark), false;
        vec_push(jumps, comp_emit_jump(fs, kops[op], rx, k));
        comp_reg_free_to(fs, mark);
        return true;
    }
    int rx = comp_expr(fs, x, -1); // operands left to right, then x > y is y < x
    int ry = comp_expr(fs, y, -1);
    if (op == OP_GTR || op == OP_GEQ) {
        int tmp = rx;
        rx = ry;
        ry = tmp;
        op = op == OP_GTR ? OP_LSS : OP_LEQ;
    }
    static const int ops[] = {[OP_EQL] = OP_JEQ_I, [OP_NEQ] = OP_JNE_I, [OP_LSS] = OP_JLT_I,
                              [OP_LEQ] = OP_JLE_I};
    vec_push(jumps, comp_emit_jump(fs, ops[op], rx, ry));
    comp_reg_free_to(fs, mark);
    return true;
}

void comp_cond(FuncState *fs, Expr *e, bool when, JumpList *jumps) {
    e = ast_unparen(e);
    if (e->hoisted) {
        int r = comp_take_hoisted(fs, e, -1);
        vec_push(jumps, comp_emit_jump(fs, when ? OP_JT : OP_JF, r, 0));
        return;
    }
    if (e->mode == MODE_CONST) {
        if (e->cval->b == when)
            vec_push(jumps, comp_emit_jump(fs, OP_JMP, 0, 0));
        return;
    }
    if (e->kind == E_UNARY && e->op == OP_NOT) {
        comp_cond(fs, e->x, !when, jumps);
        return;
    }
    if (e->kind == E_BINARY && (e->op == OP_LAND || e->op == OP_LOR)) {
        bool is_and = e->op == OP_LAND;
        if (is_and == when) { // both must hold / neither may hold
            JumpList skip = {0};
            comp_cond(fs, e->x, !when, &skip);
            comp_cond(fs, e->y, when, jumps);
            comp_patch_list_here(fs, &skip);
        } else {
            comp_cond(fs, e->x, when, jumps);
            comp_cond(fs, e->y, when, jumps);
        }
        return;
    }
    if (e->kind == E_BINARY && is_comparison(e->op)) {
        comp_order_operands(fs, e);
        if (ccond_fused(fs, e, when, jumps))
            return;
    }
    int mark = fs->nactive;
    int r = comp_expr(fs, e, -1);
    vec_push(jumps, comp_emit_jump(fs, when ? OP_JT : OP_JF, r, 0));
    comp_reg_free_to(fs, mark);
}

static int cbool_value(FuncState *fs, Expr *e, int dst) {
    if (dst < 0)
        dst = comp_reg_alloc(fs, 1);
    JumpList f = {0};
    comp_cond(fs, e, false, &f);
    comp_emit_sbx(fs, OP_LOADI, dst, 1);
    int j = comp_emit_jump(fs, OP_JMP, 0, 0);
    comp_patch_list_here(fs, &f);
    comp_emit_sbx(fs, OP_LOADI, dst, 0);
    comp_patch_here(fs, j);
    return dst;
}

static int cbinary(FuncState *fs, Expr *e, int dst) {
    if (e->op == OP_LAND || e->op == OP_LOR)
        return cbool_value(fs, e, dst);
    if (is_comparison(e->op))
        return ccompare(fs, e->op, e->x, e->y, dst);
    return carith(fs, e->op, e->x, e->y, e->tv, dst);
}

static int cunary(FuncState *fs, Expr *e, int dst) {
    if (e->op == OP_AND)
        return comp_addr(fs, e->x, dst);
    if (e->op == OP_ARROW) {
        int mark = fs->nactive;
        if (dst < 0)
            dst = comp_reg_alloc(fs, 1), mark = fs->nactive;
        int c = comp_expr(fs, e->x, -1);
        comp_emit(fs, OP_RECV, dst, c, 0);
        comp_reg_free_to(fs, mark);
        return dst;
    }
    int mark = fs->nactive;
    if (dst < 0)
        dst = comp_reg_alloc(fs, 1), mark = fs->nactive;
    int r = comp_expr(fs, e->x, -1);
    switch (e->op) {
    case OP_ADD: comp_emit_move(fs, dst, r); break;
    case OP_SUB:
        comp_emit(fs, is_complex(e->tv) ? OP_NEG_C : is_float(e->tv) ? OP_NEG_F : OP_NEG_I, dst,
                  r, 0);
        break;
    case OP_XOR: comp_emit(fs, OP_NOT_I, dst, r, 0); break;
    case OP_NOT: comp_emit(fs, OP_NOT_B, dst, r, 0); break;
    default: gol_fatal_internal("bad unary operator");
    }
    comp_reg_free_to(fs, mark);
    if (e->op != OP_NOT && e->op != OP_ADD)
        emit_narrow(fs, dst, e->tv);
    return dst;
}

static int cderef(FuncState *fs, Expr *e, int dst) {
    int mark = fs->nactive;
    if (dst < 0)
        dst = comp_reg_alloc(fs, 1), mark = fs->nactive;
    int p = comp_expr(fs, e->x, -1);
    if (comp_type_is_aggregate(e->tv)) {
        comp_emit(fs, OP_NILCHECK, p, 0, 0);
        comp_emit_move(fs, dst, p);
    } else {
        comp_emit(fs, OP_LOAD, dst, p, 0);
    }
    comp_reg_free_to(fs, mark);
    return dst;
}

static int cassert(FuncState *fs, Expr *e, int dst) {
    int mark = fs->nactive;
    if (dst < 0)
        dst = comp_reg_alloc(fs, 1), mark = fs->nactive;
    int r = comp_expr(fs, e->x, -1);
    Type *t = e->tv;
    comp_emit(fs, t->kind == K_INTERFACE ? OP_ASSERTI : OP_ASSERT, dst, r, comp_k_type(fs, t));
    comp_emit_xbx(fs, 0, (uint32_t)comp_k_type(fs, e->x->tv));
    comp_reg_free_to(fs, mark);
    return dst;
}

int comp_expr(FuncState *fs, Expr *e, int dst) {
    if (GOL_UNLIKELY(cstack_low()))
        deepstack_fail(e->pos);
    Pos saved = fs->pos;
    if (e->hoisted)
        return comp_take_hoisted(fs, e, dst);
    if (e->mode == MODE_CONST) {
        if (dst < 0)
            dst = comp_reg_alloc(fs, 1);
        comp_emit_const(fs, e->cval, e->tv, dst);
        return dst;
    }
    int r;
    Expr *saved_access = fs->access_expr;
    if (e->kind == E_IDENT || e->kind == E_SELECTOR || e->kind == E_INDEX || e->kind == E_STAR)
        fs->access_expr = e;
    if (e->kind == E_CALL || e->kind == E_BINARY || e->kind == E_COMPOSITE ||
        e->kind == E_INDEX || e->kind == E_SLICE)
        comp_order_operands(fs, e);
    switch (e->kind) {
    case E_PAREN: return comp_expr(fs, e->x, dst);
    case E_IDENT:
        r = cident(fs, e, dst);
        fs->access_expr = saved_access;
        return r;
    case E_FUNCLIT: return comp_funclit(fs, e, dst);
    case E_COMPOSITE: return comp_composite(fs, e, dst);
    case E_SELECTOR: fs->pos = e->pos; r = comp_selector(fs, e, dst); break;
    case E_INDEX: fs->pos = e->pos; r = comp_index(fs, e, dst); break;
    case E_SLICE: fs->pos = e->pos; r = comp_slice(fs, e, dst); break;
    case E_TYPEASSERT: fs->pos = e->pos; r = cassert(fs, e, dst); break;
    case E_CALL: r = comp_call(fs, e, dst, 1); break;
    case E_STAR: fs->pos = e->pos; r = cderef(fs, e, dst); break;
    case E_UNARY: fs->pos = e->pos; r = cunary(fs, e, dst); break;
    case E_BINARY: fs->pos = e->pos; r = cbinary(fs, e, dst); break;
    default: gol_fatal_internal("cannot compile expression kind %d", e->kind);
    }
    fs->pos = saved;
    fs->access_expr = saved_access;
    return r;
}

// Explicit conversion call T(x).
int cconversion(FuncState *fs, Expr *call, int dst);
int cconversion(FuncState *fs, Expr *call, int dst) {
    Expr *x = call->args.v[0];
    if (dst < 0)
        dst = comp_reg_alloc(fs, 1);
    comp_expr(fs, x, dst);
    emit_conversion(fs, dst, x->tv, call->tv);
    return dst;
}

int comp_expr_to(FuncState *fs, Expr *e, Type *to, int dst) {
    Type *from = e->tv;
    bool box = to && to->kind == K_INTERFACE && from && from->kind != K_INTERFACE &&
               from->kind != K_UNTYPED_NIL;
    if (!box)
        return comp_expr(fs, e, dst);
    if (dst < 0)
        dst = comp_reg_alloc(fs, 1);
    comp_expr(fs, e, dst);
    comp_emit_convert(fs, dst, from, to);
    return dst;
}

int comp_expr_store(FuncState *fs, Expr *e, Type *to, int dst) {
    if (!comp_type_is_aggregate(to) || comp_expr_is_fresh(e))
        return comp_expr_to(fs, e, to, dst);
    if (dst < 0)
        dst = comp_reg_alloc(fs, 1);
    comp_expr(fs, e, dst);
    comp_emit_clone(fs, to, dst);
    return dst;
}

Type *comp_expr_multi_type(Expr *e, int i) {
    if (e->tv->kind == K_TUPLE)
        return e->tv->results[i];
    return i == 0 ? e->tv : types_basic[K_BOOL]; // v, ok of m[k], x.(T), <-c
}

void comp_expr_multi(FuncState *fs, Expr *e, int base, int n) {
    e = ast_unparen(e);
    switch (e->kind) {
    case E_CALL:
        comp_order_operands(fs, e);
        comp_call(fs, e, base, n);
        return;
    case E_INDEX: // v, ok := m[k]: v is a copy of the entry
        comp_index_ok(fs, e, base);
        comp_emit_clone_agg(fs, comp_expr_multi_type(e, 0), base);
        return;
    case E_TYPEASSERT: { // v, ok := x.(T): v is a copy of the boxed value
        int mark = fs->nactive;
        int r = comp_expr(fs, e->x, -1);
        Type *t = e->tv;
        int op = t->kind == K_INTERFACE ? OP_ASSERTI2 : OP_ASSERT2;
        comp_emit(fs, op, base, r, comp_k_type(fs, t));
        comp_reg_free_to(fs, mark);
        comp_emit_clone_agg(fs, t, base);
        return;
    }
    case E_UNARY: { // v, ok := <-c
        int mark = fs->nactive;
        int c = comp_expr(fs, e->x, -1);
        fs->pos = e->pos;
        comp_emit(fs, OP_RECV2, base, c, 0);
        comp_reg_free_to(fs, mark);
        return;
    }
    default:
        gol_fatal_internal("not a multi-valued expression");
    }
}
