// Which frames clear their registers on return (RETC/RET0C), so that the collector, which
// scans a goroutine's whole slot stack, finds no dead pointer above the top frame (a dead
// binary tree kept by the registers of a returned call). A function whose frame never holds
// a pointer (scalar parameters and instructions, as fib) needs no clearing; and `t := f()`
// clears t and the call's result register first (a loop would keep the last value alive).
#include "compile_int.h"

#include "types.h"

// A register holding a value of type [t] holds no pointer (bool, integers, floats).
static bool scalar_type(Type *t) {
    if (!t)
        return false;
    Type *u = t->under ? t->under : t;
    return u->kind >= K_BOOL && u->kind <= K_FLOAT64;
}

// The results of [p] (a callee) are all scalar.
static bool scalar_results(const Proto *p) {
    const Type *sig = p->type;
    if (!sig || sig->kind != K_FUNC || sig->nresults != p->nresults)
        return false;
    for (int i = 0; i < sig->nresults; i++)
        if (!scalar_type(sig->results[i]))
            return false;
    return true;
}

// [op] moves between registers that all hold scalars, computes a number or a bool from its
// operands, or jumps, checks or returns.
// clang-format off
static bool scalar_op(int op) {
    switch (op) {
#define SCALAR(op) case OP_##op:
        SCALAR(NOP) SCALAR(EXTRA) SCALAR(MOVE) SCALAR(LOADI) SCALAR(LOADNIL)
        SCALAR(ADD_I) SCALAR(SUB_I) SCALAR(MUL_I) SCALAR(DIV_I) SCALAR(REM_I) SCALAR(DIV_U)
        SCALAR(REM_U) SCALAR(AND_I) SCALAR(OR_I) SCALAR(XOR_I) SCALAR(ANDNOT_I) SCALAR(SHL_I)
        SCALAR(SHR_I) SCALAR(SHR_U) SCALAR(SHL_IU) SCALAR(SHR_IU) SCALAR(SHR_UU) SCALAR(ADDI)
        SCALAR(ADD_IK) SCALAR(SUB_IK) SCALAR(MUL_IK) SCALAR(DIV_IK) SCALAR(REM_IK)
        SCALAR(AND_IK) SCALAR(NEG_I) SCALAR(NOT_I) SCALAR(NOT_B) SCALAR(SEXT8) SCALAR(SEXT16)
        SCALAR(SEXT32) SCALAR(ZEXT8) SCALAR(ZEXT16) SCALAR(ZEXT32) SCALAR(ADD_F) SCALAR(SUB_F)
        SCALAR(MUL_F) SCALAR(DIV_F) SCALAR(NEG_F) SCALAR(ROUND_F32) SCALAR(I2F) SCALAR(U2F)
        SCALAR(F2I) SCALAR(F2I32) SCALAR(F2U) SCALAR(REAL_C) SCALAR(IMAG_C) SCALAR(EQ_C)
        SCALAR(NE_C) SCALAR(EQ_I) SCALAR(NE_I) SCALAR(LT_I) SCALAR(LE_I) SCALAR(LT_U)
        SCALAR(LE_U) SCALAR(EQ_F) SCALAR(NE_F) SCALAR(LT_F) SCALAR(LE_F) SCALAR(EQ_S)
        SCALAR(NE_S) SCALAR(LT_S) SCALAR(LE_S) SCALAR(JMP) SCALAR(JT) SCALAR(JF)
        SCALAR(JEQ_I) SCALAR(JNE_I) SCALAR(JLT_I) SCALAR(JLE_I) SCALAR(JLT_U) SCALAR(JLE_U)
        SCALAR(JEQ_IK) SCALAR(JNE_IK) SCALAR(JLT_IK) SCALAR(JLE_IK) SCALAR(JGT_IK)
        SCALAR(JGE_IK) SCALAR(JLT_F) SCALAR(JLE_F) SCALAR(JEQ_F) SCALAR(JNE_F)
        SCALAR(LEN_SL) SCALAR(CAP_SL) SCALAR(LEN_S) SCALAR(LEN_M) SCALAR(LEN_C) SCALAR(CAP_C)
        SCALAR(UIDX) SCALAR(BOUNDS) SCALAR(RET) SCALAR(RET0) SCALAR(HALT)
#undef SCALAR
        return true;
    default:
        return false;
    }
}
// clang-format on

// Instruction [i] of [p] writes no pointer into a register (reading one is fine: it came
// from a parameter or an instruction that already made [p] need clearing).
static bool scalar_instr(const Proto *p, const Instr *i) {
    switch (i->op) {
    case OP_LOADK:
        return p->kkinds && i->bx < (uint32_t)p->nconsts &&
               (p->kkinds[i->bx] == KK_INT || p->kkinds[i->bx] == KK_FLOAT);
    case OP_CALLK:
        return scalar_results(p->consts[i->bx].p);
    default:
        return scalar_op(i->op);
    }
}

// [p] never puts a pointer in its frame.
static bool scalar_frame(const Proto *p) {
    const Type *sig = p->type;
    if (!sig || sig->kind != K_FUNC || sig->nparams != p->nparams)
        return false;
    for (int j = 0; j < sig->nparams; j++)
        if (!scalar_type(sig->params[j]))
            return false;
    for (int pc = 0; pc < p->ncode; pc++)
        if (!scalar_instr(p, &p->code[pc]))
            return false;
    return true;
}

bool comp_define_clears(const Stmt *s) {
    if (s->rhs.n != 1 || !s->define_new || !s->define_objs)
        return false;
    const Expr *r = ast_unparen(s->rhs.v[0]);
    if (r->kind != E_CALL || r->is_conversion || r->builtin)
        return false;
    for (int i = 0; i < s->lhs.n; i++)
        if (s->define_new[i] && s->define_objs[i] && !scalar_type(s->define_objs[i]->type))
            return true;
    return false;
}

void comp_frame_clear(Proto *p) {
    if (p->native || scalar_frame(p))
        return;
    for (int pc = 0; pc < p->ncode; pc++) {
        Instr *i = &p->code[pc];
        if (i->op == OP_RET) {
            i->op = OP_RETC;
            i->c = (uint16_t)(p->nregs - i->b + 1);
        } else if (i->op == OP_RET0) {
            i->op = OP_RET0C;
            i->c = (uint16_t)p->nregs;
        }
    }
}
