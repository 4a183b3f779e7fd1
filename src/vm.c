// The dispatch loop: runs one goroutine's frames until it yields (instruction budget spent at
// a backward jump or call), parks (channel, select, sync, sleep), finishes, or returns from
// a nested call. Stackless with respect to C: Go calls push frames on the goroutine's own
// slot stack. Operations longer than a few lines live in vm_ops.c and vm_frames.c.
// Invariant: before anything that can park, panic or call out (which may move g->stack or
// g->frames), the loop saves ip into the frame and reloads R and f afterwards.
#include "vm_int.h"

#include "../runtime/arena.h"
#include "../runtime/cplx.h"
#include "../runtime/detpolicy.h"
#include "../runtime/utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

// The scheduler's status for what vm_exec or vm_unwind returned at the top level.
static VmStatus to_vm_status(ExecStatus st) {
    if (st > EXEC_DONE)
        gol_fatal_internal("goroutine stopped with nested status %d", (int)st);
    return (VmStatus)st;
}

// Unwind [g] from its current state (a panic or Goexit was started); the dispatch loop goes
// on if a deferred call recovers.
static VmStatus unwind_then_run(G *g, int budget) {
    ExecStatus r = vm_unwind(g);
    if (r == EXEC_RESUME)
        r = vm_exec(g, budget);
    return to_vm_status(r);
}

VmStatus vm_run(G *g, int budget) {
    // A G that parked finishes its operation first (a select unlinks its other sudogs, a
    // send woken by close panics; see sched_park). On a panic the frame keeps its ip
    // (after the parked op): a later traceback shows that line, and an unwinding frame is
    // never resumed at its ip.
    RtStatus st = g->wait ? sched_finish_wait(g) : RT_OK;
    if (atomic_load_explicit(&g->interrupted, memory_order_relaxed)) {
        // Cancelled (sched_cancel): unwind at once, as runtime.Goexit, without finishing
        // an abandoned wait (the finish of a completed one raises no panic then).
        atomic_store(&g->interrupted, false);
        rt_goexit(g);
        return unwind_then_run(g, budget);
    }
    if (st == RT_PANIC)
        return unwind_then_run(g, budget);
    return to_vm_status(vm_exec(g, budget));
}

// Zero [n] slots from [s] (RETC/RET0C: a returned frame leaves no pointer above the top).
// Mostly a handful: stored one by one (a memset call costs more than the stores).
static inline void clear_slots(Slot *s, int n) {
    switch (n) {
    default:
        memset(s, 0, sizeof(Slot) * (size_t)n);
        return;
    case 6:
        s[5].p = NULL; // fall through
    case 5:
        s[4].p = NULL; // fall through
    case 4:
        s[3].p = NULL; // fall through
    case 3:
        s[2].p = NULL; // fall through
    case 2:
        s[1].p = NULL; // fall through
    case 1:
        s[0].p = NULL; // fall through
    case 0:
        return;
    }
}

#define R(x) (R[(x)])
// Give back the frame arena block of a returning frame (its mark is in a register).
#define POP_ARENA()                                                                                \
    do {                                                                                           \
        if (GOL_UNLIKELY(f->proto->arena_mark))                                                    \
            arena_pop(g, R(f->proto->arena_mark - 1).p);                                           \
    } while (0)
#define K(x) (k[(x)])
#define RA R(i->a)
#define RB R(i->b)
#define RC R(i->c)
#define SC ((int16_t)i->c)
#define LOADFRAME()                                                                               \
    do {                                                                                           \
        f = &g->frames[g->nframes - 1];                                                           \
        R = g->stack + f->base;                                                                    \
        ip = f->ip;                                                                                \
        k = f->proto->consts;                                                                      \
    } while (0)
#define SAVE() (f->ip = ip)
// Enter function [p] (closure [fn]; NULL for static calls) with its frame at stack slot
// [nb]: in place when the stack and the frame array have room, else through vm_push_frame,
// which grows them.
#define ENTER(P_, FN_, NB_)                                                                        \
    do {                                                                                           \
        int64_t nb_ = (NB_);                                                                       \
        if (GOL_LIKELY(nb_ + (P_)->nregs <= g->stack_size && g->nframes < g->frames_cap)) {        \
            Frame *nf = &g->frames[g->nframes++];                                                  \
            nf->proto = (P_);                                                                      \
            nf->fn = (FN_);                                                                        \
            nf->ip = (P_)->code;                                                                   \
            nf->base = nb_;                                                                        \
            nf->defers = NULL;                                                                     \
            nf->flags = 0;                                                                         \
            f = nf;                                                                                \
            R = g->stack + nb_;                                                                    \
            ip = (P_)->code;                                                                       \
            k = (P_)->consts;                                                                      \
        } else {                                                                                   \
            vm_push_frame(g, (P_), (FN_), nb_);                                                    \
            LOADFRAME();                                                                           \
        }                                                                                          \
    } while (0)
// The call instructions' common tail: call [P_] (closure [FN_]; NULL for static calls) with
// its arguments at R[A+1..]. A native runs now and after_native stores its results; a Go
// function gets a frame and the loop continues in it.
#define CALL_PROTO(P_, FN_)                                                                        \
    do {                                                                                           \
        Proto *cp_ = (P_);                                                                         \
        SAVE();                                                                                    \
        if (cp_->native) {                                                                         \
            native = cp_;                                                                          \
            st = vm_call_native(g, cp_, &R(i->a + 1), res);                                        \
            goto after_native;                                                                     \
        }                                                                                          \
        ENTER(cp_, (FN_), f->base + i->a + 1);                                                     \
        PREEMPT();                                                                                 \
        NEXT();                                                                                    \
    } while (0)
#define RELOAD()                                                                                   \
    do {                                                                                           \
        f = &g->frames[g->nframes - 1];                                                           \
        R = g->stack + f->base;                                                                    \
    } while (0)
#define THROW()                                                                                    \
    do {                                                                                           \
        SAVE();                                                                                    \
        goto unwind;                                                                               \
    } while (0)
#define CHECK(st)                                                                                  \
    do {                                                                                           \
        if (GOL_UNLIKELY((st) == RT_PANIC))                                                        \
            THROW();                                                                               \
    } while (0)
#define PREEMPT()                                                                                  \
    do {                                                                                           \
        if (GOL_UNLIKELY(--budget <= 0)) {                                                         \
            SAVE();                                                                                \
            if (atomic_load_explicit(&g->interrupted, memory_order_relaxed)) {                     \
                atomic_store(&g->interrupted, false);                                              \
                rt_goexit(g);                                                                      \
                goto unwind;                                                                       \
            }                                                                                      \
            if (!g->nested)                                                                        \
                return EXEC_YIELD;                                                                 \
            budget = 1 << 14;                                                                      \
        }                                                                                          \
    } while (0)
#define JUMP(off)                                                                                  \
    do {                                                                                           \
        int32_t o_ = (off);                                                                        \
        ip += o_;                                                                                  \
        if (o_ < 0)                                                                                \
            PREEMPT();                                                                             \
    } while (0)
// Deterministic mode: after a synchronisation operation on [obj] (NULL: several, or a new
// goroutine) that did not park, the policy may switch goroutines (the G resumes after the
// operation). det_policy is NULL otherwise.
#define SYNC_POINT(obj)                                                                            \
    do {                                                                                           \
        if (GOL_UNLIKELY(det_policy != NULL) && det_sync_point(g, (obj))) {                        \
            SAVE();                                                                                \
            return EXEC_YIELD;                                                                     \
        }                                                                                          \
    } while (0)
#define XW (ip[0]) // the extra operand word after the current instruction

#if defined(__GNUC__)
#define DISPATCH()                                                                                 \
    do {                                                                                           \
        i = ip++;                                                                                  \
        goto *labels[i->op];                                                                       \
    } while (0)
#define CASE(name) L_##name:
#else
#define DISPATCH() goto dispatch
#define CASE(name) case OP_##name:
#endif
#define NEXT() DISPATCH()

ExecStatus vm_exec(G *g, int budget) {
#if defined(__GNUC__)
    static void *const labels[] = {
#define OP(name, fmt, flags) &&L_##name,
#include "opcodes.h"
#undef OP
    };
#endif
    Frame *f;
    Slot *R;
    const Instr *ip, *i;
    Slot *k;
    Slot res[16];
    RtStatus st;
    const Proto *native = NULL; // the native a call instruction ran (for after_native)
    LOADFRAME();
#if defined(__GNUC__)
    DISPATCH();
#else
dispatch:
    i = ip++;
    switch (i->op) {
#endif

    CASE(NOP) NEXT();
    CASE(EXTRA) NEXT();
    CASE(MOVE) RA = RB; NEXT();
    CASE(LOADK) RA = K(i->bx); NEXT();
    CASE(LOADI) RA.i = i->sbx; NEXT();
    CASE(LOADNIL) {
        for (int j = 0; j <= i->b; j++)
            R(i->a + j).i = 0;
        NEXT();
    }
    CASE(ADD_I) RA.u = RB.u + RC.u; NEXT();
    CASE(SUB_I) RA.u = RB.u - RC.u; NEXT();
    CASE(MUL_I) RA.u = RB.u * RC.u; NEXT();
    CASE(DIV_I) {
        int64_t y = RC.i;
        if (GOL_UNLIKELY(y == 0)) {
            rt_panic_runtime(g, "integer divide by zero");
            THROW();
        }
        RA.i = y == -1 ? (int64_t)(0 - RB.u) : RB.i / y;
        NEXT();
    }
    CASE(REM_I) {
        int64_t y = RC.i;
        if (GOL_UNLIKELY(y == 0)) {
            rt_panic_runtime(g, "integer divide by zero");
            THROW();
        }
        RA.i = y == -1 ? 0 : RB.i % y;
        NEXT();
    }
    CASE(DIV_U) {
        if (GOL_UNLIKELY(RC.u == 0)) {
            rt_panic_runtime(g, "integer divide by zero");
            THROW();
        }
        RA.u = RB.u / RC.u;
        NEXT();
    }
    CASE(REM_U) {
        if (GOL_UNLIKELY(RC.u == 0)) {
            rt_panic_runtime(g, "integer divide by zero");
            THROW();
        }
        RA.u = RB.u % RC.u;
        NEXT();
    }
    CASE(AND_I) RA.u = RB.u & RC.u; NEXT();
    CASE(OR_I) RA.u = RB.u | RC.u; NEXT();
    CASE(XOR_I) RA.u = RB.u ^ RC.u; NEXT();
    CASE(ANDNOT_I) RA.u = RB.u & ~RC.u; NEXT();
    CASE(SHL_I) {
        if (GOL_UNLIKELY(RC.i < 0)) {
            rt_panic_runtime(g, "negative shift amount");
            THROW();
        }
        RA.u = RC.i >= 64 ? 0 : RB.u << RC.i;
        NEXT();
    }
    CASE(SHR_I) {
        if (GOL_UNLIKELY(RC.i < 0)) {
            rt_panic_runtime(g, "negative shift amount");
            THROW();
        }
        RA.i = RB.i >> (RC.i >= 64 ? 63 : RC.i);
        NEXT();
    }
    CASE(SHR_U) {
        if (GOL_UNLIKELY(RC.i < 0)) {
            rt_panic_runtime(g, "negative shift amount");
            THROW();
        }
        RA.u = RC.i >= 64 ? 0 : RB.u >> RC.i;
        NEXT();
    }
    CASE(SHL_IU) RA.u = RC.u >= 64 ? 0 : RB.u << RC.u; NEXT();
    CASE(SHR_IU) RA.i = RB.i >> (RC.u >= 64 ? 63 : RC.u); NEXT();
    CASE(SHR_UU) RA.u = RC.u >= 64 ? 0 : RB.u >> RC.u; NEXT();
    CASE(ADDI) RA.u = RB.u + (uint64_t)(int64_t)SC; NEXT();
    CASE(ADD_IK) RA.u = RB.u + K(i->c).u; NEXT();
    CASE(SUB_IK) RA.u = RB.u - K(i->c).u; NEXT();
    CASE(MUL_IK) RA.u = RB.u * K(i->c).u; NEXT();
    CASE(DIV_IK) RA.i = RB.i / K(i->c).i; NEXT();
    CASE(REM_IK) RA.i = RB.i % K(i->c).i; NEXT();
    CASE(AND_IK) RA.u = RB.u & K(i->c).u; NEXT();
    CASE(NEG_I) RA.u = 0 - RB.u; NEXT();
    CASE(NOT_I) RA.u = ~RB.u; NEXT();
    CASE(NOT_B) RA.i = !RB.i; NEXT();
    CASE(SEXT8) RA.i = (int8_t)RB.i; NEXT();
    CASE(SEXT16) RA.i = (int16_t)RB.i; NEXT();
    CASE(SEXT32) RA.i = (int32_t)RB.i; NEXT();
    CASE(ZEXT8) RA.u = (uint8_t)RB.u; NEXT();
    CASE(ZEXT16) RA.u = (uint16_t)RB.u; NEXT();
    CASE(ZEXT32) RA.u = (uint32_t)RB.u; NEXT();
    CASE(ADD_F) RA.f = RB.f + RC.f; NEXT();
    CASE(SUB_F) RA.f = RB.f - RC.f; NEXT();
    CASE(MUL_F) RA.f = RB.f * RC.f; NEXT();
    CASE(DIV_F) RA.f = RB.f / RC.f; NEXT();
    CASE(NEG_F) RA.f = -RB.f; NEXT();
    CASE(ROUND_F32) RA.f = (double)(float)RB.f; NEXT();
    CASE(ADD_C) RA.p = cplx_arith('+', RB.p, RC.p); NEXT();
    CASE(SUB_C) RA.p = cplx_arith('-', RB.p, RC.p); NEXT();
    CASE(MUL_C) RA.p = cplx_arith('*', RB.p, RC.p); NEXT();
    CASE(DIV_C) RA.p = cplx_arith('/', RB.p, RC.p); NEXT();
    CASE(NEG_C) RA.p = cplx_neg(RB.p); NEXT();
    CASE(ROUND_C64) RA.p = cplx_round64(RB.p); NEXT();
    CASE(MKCPLX) RA.p = cplx_new(RB.f, RC.f); NEXT();
    CASE(REAL_C) RA.f = cplx_re(RB.p); NEXT();
    CASE(IMAG_C) RA.f = cplx_im(RB.p); NEXT();
    CASE(EQ_C) RA.i = cplx_eq(RB.p, RC.p); NEXT();
    CASE(NE_C) RA.i = !cplx_eq(RB.p, RC.p); NEXT();
    CASE(I2F) RA.f = (double)RB.i; NEXT();
    CASE(U2F) RA.f = (double)RB.u; NEXT();
    CASE(F2I) RA.i = op_f2i(RB.f); NEXT();
    CASE(F2I32) RA.i = op_f2i32(RB.f); NEXT();
    CASE(F2U) RA.u = op_f2u(RB.f); NEXT();
    CASE(EQ_I) RA.i = RB.i == RC.i; NEXT();
    CASE(NE_I) RA.i = RB.i != RC.i; NEXT();
    CASE(LT_I) RA.i = RB.i < RC.i; NEXT();
    CASE(LE_I) RA.i = RB.i <= RC.i; NEXT();
    CASE(LT_U) RA.i = RB.u < RC.u; NEXT();
    CASE(LE_U) RA.i = RB.u <= RC.u; NEXT();
    CASE(EQ_F) RA.i = RB.f == RC.f; NEXT();
    CASE(NE_F) RA.i = RB.f != RC.f; NEXT();
    CASE(LT_F) RA.i = RB.f < RC.f; NEXT();
    CASE(LE_F) RA.i = RB.f <= RC.f; NEXT();
    CASE(EQ_S) RA.i = str_eq(RB.p, RC.p); NEXT();
    CASE(NE_S) RA.i = !str_eq(RB.p, RC.p); NEXT();
    CASE(LT_S) RA.i = str_cmp(RB.p, RC.p) < 0; NEXT();
    CASE(LE_S) RA.i = str_cmp(RB.p, RC.p) <= 0; NEXT();
    CASE(EQ_V) {
        Type *t = K(XW.bx).p;
        ip++;
        SAVE();
        int eq = val_eq(g, t, RB, RC);
        if (eq < 0)
            THROW();
        RELOAD();
        RA.i = eq;
        NEXT();
    }
    CASE(EQ_IV) NEXT();
    CASE(JMP) JUMP(i->sbx); NEXT();
    CASE(JT) if (RA.i) JUMP(i->sbx); NEXT();
    CASE(JF) if (!RA.i) JUMP(i->sbx); NEXT();
    CASE(JEQ_I) if (RA.i == RB.i) JUMP(SC); NEXT();
    CASE(JNE_I) if (RA.i != RB.i) JUMP(SC); NEXT();
    CASE(JLT_I) if (RA.i < RB.i) JUMP(SC); NEXT();
    CASE(JLE_I) if (RA.i <= RB.i) JUMP(SC); NEXT();
    CASE(JLT_U) if (RA.u < RB.u) JUMP(SC); NEXT();
    CASE(JLE_U) if (RA.u <= RB.u) JUMP(SC); NEXT();
    CASE(JEQ_IK) if (RA.i == K(i->b).i) JUMP(SC); NEXT();
    CASE(JNE_IK) if (RA.i != K(i->b).i) JUMP(SC); NEXT();
    CASE(JLT_IK) if (RA.i < K(i->b).i) JUMP(SC); NEXT();
    CASE(JLE_IK) if (RA.i <= K(i->b).i) JUMP(SC); NEXT();
    CASE(JGT_IK) if (RA.i > K(i->b).i) JUMP(SC); NEXT();
    CASE(JGE_IK) if (RA.i >= K(i->b).i) JUMP(SC); NEXT();
    CASE(JLT_F) if (RA.f < RB.f) JUMP(SC); NEXT();
    CASE(JLE_F) if (RA.f <= RB.f) JUMP(SC); NEXT();
    CASE(JEQ_F) if (RA.f == RB.f) JUMP(SC); NEXT();
    CASE(JNE_F) if (RA.f != RB.f) JUMP(SC); NEXT();

    // ---- memory ----
    CASE(NEW) RA.p = val_new_storage(K(i->bx).p); NEXT();
    CASE(CLONE) RA.p = val_clone(K(i->bx).p, RA.p); NEXT();
    CASE(ARENA) {
        Slot *mark;
        Slot *block = arena_push(g, i->bx, &mark);
        if (GOL_UNLIKELY(!block))
            rt_stack_overflow(g); // Go counts the frame's arrays against its stack limit
        R(i->a + 1).p = block;
        RA.p = mark;
        NEXT();
    }
    CASE(AVAR) {
        Slot *p = (Slot *)RB.p + i->c;
        arena_clear(g, p, XW.bx, XW.a);
        RA.p = p;
        ip++;
        NEXT();
    }
    CASE(LOAD) {
        Slot *p = RB.p;
        if (GOL_UNLIKELY(!p))
            goto nil_panic;
        RA = p[i->c];
        NEXT();
    }
    CASE(STORE) {
        Slot *p = RA.p;
        if (GOL_UNLIKELY(!p))
            goto nil_panic;
        p[i->b] = RC;
        NEXT();
    }
    CASE(ADDR) {
        Slot *p = RB.p;
        if (GOL_UNLIKELY(!p))
            goto nil_panic;
        RA.p = p + i->c;
        NEXT();
    }
    CASE(COPYN) {
        Slot *d = RA.p, *s = RB.p;
        if (GOL_UNLIKELY(!d || !s))
            goto nil_panic;
        for (int j = 0; j < i->c; j++) // slot by slot: each store is one aligned word
            d[j] = s[j];
        NEXT();
    }
    CASE(COPYN_X) {
        Slot *d = RA.p, *s = RB.p;
        if (GOL_UNLIKELY(!d || !s))
            goto nil_panic;
        for (uint32_t j = 0; j < XW.bx; j++)
            d[j] = s[j];
        ip++;
        NEXT();
    }
    CASE(ADDR_X) {
        Slot *p = RB.p;
        if (GOL_UNLIKELY(!p))
            goto nil_panic;
        RA.p = p + XW.bx;
        ip++;
        NEXT();
    }
    CASE(NILCHECK) if (GOL_UNLIKELY(!RA.p)) goto nil_panic; NEXT();
    CASE(GETCAP) RA.p = f->fn->caps[i->b]; NEXT();
    CASE(GETCAPV) RA = *f->fn->caps[i->b]; NEXT();
    CASE(SETCAPV) *f->fn->caps[i->a] = RB; NEXT();
    CASE(GLOBAL) RA.p = comp_globals_table()[i->bx]; NEXT();
    CASE(GETGLOBAL) RA = *comp_globals_table()[i->bx]; NEXT();
    CASE(SETGLOBAL) *comp_globals_table()[i->bx] = RA; NEXT();
    CASE(MEMEV) {
        SAVE();
        if (GOL_UNLIKELY(vm_memev(g, f, R, ip, i->bx)) && !g->nested)
            return EXEC_YIELD; // resumes at the access itself
        NEXT();
    }

    // ---- arrays ----
    CASE(INDEX_A) {
        int64_t idx = RC.i, len = XW.bx;
        if (GOL_UNLIKELY((uint64_t)idx >= (uint64_t)len))
            goto index_panic_a;
        ip++;
        RA = ((Slot *)RB.p)[idx];
        NEXT();
    }
    CASE(SETINDEX_A) {
        int64_t idx = RB.i, len = XW.bx;
        if (GOL_UNLIKELY((uint64_t)idx >= (uint64_t)len)) {
            ip++;
            SAVE();
            op_index_panic(g, idx, len);
            THROW();
        }
        ip++;
        ((Slot *)RA.p)[idx] = RC;
        NEXT();
    }
    CASE(ADDR_A) {
        int64_t idx = RC.i, len = XW.bx;
        if (GOL_UNLIKELY((uint64_t)idx >= (uint64_t)len))
            goto index_panic_a;
        RA.p = (Slot *)RB.p + idx * (int64_t)ip[1].bx;
        ip += 2;
        NEXT();
    }

    // ---- slices ----
    CASE(INDEX_SL) {
        GoSlice *s = RB.p;
        int64_t idx = RC.i;
        if (GOL_UNLIKELY(!s || (uint64_t)idx >= (uint64_t)s->len))
            goto index_panic_sl;
        RA = s->ptr[idx];
        NEXT();
    }
    CASE(SETINDEX_SL) {
        GoSlice *s = RA.p;
        int64_t idx = RB.i;
        if (GOL_UNLIKELY(!s || (uint64_t)idx >= (uint64_t)s->len)) {
            SAVE();
            op_index_panic(g, idx, slice_len(s));
            THROW();
        }
        s->ptr[idx] = RC;
        NEXT();
    }
    CASE(ADDR_SL) {
        GoSlice *s = RB.p;
        int64_t idx = RC.i;
        ip++;
        if (GOL_UNLIKELY(!s || (uint64_t)idx >= (uint64_t)s->len))
            goto index_panic_sl;
        RA.p = s->ptr + idx * (int64_t)ip[-1].bx;
        NEXT();
    }
    CASE(LEN_SL) RA.i = slice_len(RB.p); NEXT();
    CASE(CAP_SL) RA.i = slice_cap(RB.p); NEXT();
    CASE(SLICE_SL) {
        const Instr *x = ip;
        ip += 2;
        SAVE();
        st = op_slice_slice(g, &RA, RB.p, x[1].bx, x->a == 0xffff ? NULL : &R(x->a),
                            x->b == 0xffff ? NULL : &R(x->b), x->c == 0xffff ? NULL : &R(x->c));
        CHECK(st);
        NEXT();
    }
    CASE(SLICE_A) {
        const Instr *x = ip;
        ip += 3;
        SAVE();
        st = op_slice_array(g, &RA, RB.p, x[1].bx, x[2].bx, x->a == 0xffff ? NULL : &R(x->a),
                            x->b == 0xffff ? NULL : &R(x->b), x->c == 0xffff ? NULL : &R(x->c));
        CHECK(st);
        NEXT();
    }
    CASE(MAKESLICE) {
        SAVE();
        st = op_makeslice(g, &RA, K(i->b).p, RC.i, R(i->c + 1).i);
        CHECK(st);
        NEXT();
    }
    CASE(APPEND) {
        Type *et = K(XW.bx).p;
        ip++;
        RA.p = slice_append(et, R(i->b).p, &R(i->b + 1), i->c);
        NEXT();
    }
    CASE(APPENDSL) {
        Type *et = K(XW.bx).p;
        bool str = XW.a;
        ip++;
        SAVE();
        st = op_append_slice(g, &RA, et, RB.p, RC, str);
        CHECK(st);
        NEXT();
    }
    CASE(COPY) {
        Type *et = K(XW.bx).p;
        bool str = XW.a;
        ip++;
        RA.i = op_copy(et, RB.p, RC, str);
        NEXT();
    }
    CASE(SLICELIT) {
        Type *st_ = K(i->bx).p;
        int64_t n = RA.i;
        RA.p = slice_make(st_->under->elem, n, n);
        NEXT();
    }

    // ---- strings ----
    CASE(LEN_S) RA.i = str_len(RB.p); NEXT();
    CASE(INDEX_S) {
        GoString *s = RB.p;
        int64_t idx = RC.i;
        if (GOL_UNLIKELY((uint64_t)idx >= (uint64_t)str_len(s))) {
            SAVE();
            op_index_panic(g, idx, str_len(s));
            THROW();
        }
        RA.u = (uint8_t)s->data[idx];
        NEXT();
    }
    CASE(SLICE_S) {
        const Instr *x = ip++;
        SAVE();
        st = op_slice_string(g, &RA, RB.p, x->a == 0xffff ? NULL : &R(x->a),
                             x->b == 0xffff ? NULL : &R(x->b));
        CHECK(st);
        NEXT();
    }
    CASE(CONCAT) RA.p = str_concat(RB.p, RC.p); NEXT();
    CASE(RANGE_S) {
        GoString *s = RC.p;
        int64_t idx = RB.i;
        int32_t r;
        int w = utf8_decode((const uint8_t *)s->data + idx, s->len - idx, &r);
        RA.i = r;
        R(i->a + 1).i = w;
        NEXT();
    }
    CASE(STR_RUNE) RA.p = op_str_rune(i->c && RB.u > 0x7fffffff ? -1 : RB.i); NEXT();
    CASE(STR_BYTES) RA.p = op_str_bytes(RB.p); NEXT();
    CASE(STR_RUNES) RA.p = op_str_runes(RB.p); NEXT();
    CASE(BYTES_STR) RA.p = op_bytes_str(RB.p); NEXT();
    CASE(RUNES_STR) RA.p = op_runes_str(RB.p); NEXT();

    // ---- maps ----
    CASE(MAKEMAP) RA.p = map_make(K(i->b).p, RC.i < 0 ? 0 : RC.i); NEXT(); // gc ignores < 0
    CASE(MAPGET)
    CASE(MAPGET2) {
        Type *et = K(XW.bx).p;
        ip++;
        Slot *v;
        SAVE();
        st = map_get(g, RB.p, RC, &v);
        CHECK(st);
        RELOAD();
        bool found = v != NULL;
        if (found)
            RA = *v;
        else if (et->kind == K_STRUCT || et->kind == K_ARRAY)
            RA.p = val_new_storage(et);
        else
            RA.i = 0;
        if (i->op == OP_MAPGET2)
            R(i->a + 1).i = found;
        NEXT();
    }
    CASE(MAPSET) {
        SAVE();
        st = map_set(g, RA.p, RB, RC);
        CHECK(st);
        NEXT();
    }
    CASE(MAPADDR) {
        Slot *v;
        SAVE();
        st = map_assign(g, RB.p, RC, &v);
        CHECK(st);
        RELOAD();
        RA.p = v;
        NEXT();
    }
    CASE(MAPDEL) {
        SAVE();
        st = map_delete(g, RA.p, RB);
        CHECK(st);
        NEXT();
    }
    CASE(LEN_M) RA.i = map_len(RB.p); NEXT();
    CASE(CLEAR_M) map_clear(RA.p); NEXT();
    CASE(CLEAR_SL) {
        Type *et = K(XW.bx).p;
        ip++;
        GoSlice *s = RA.p;
        if (s) // zeroed storage is the zero value of every type, aggregates included
            for (int64_t j = 0; j < s->len * et->slots; j++)
                s->ptr[j].i = 0;
        NEXT();
    }
    CASE(MAPITER) {
        MapIter *it = gc_alloc(sizeof(MapIter));
        map_iter_init(it, RB.p, sched_rand());
        RA.p = it;
        NEXT();
    }
    CASE(MAPNEXT) {
        SAVE();
        if (!map_iter_next(g, RA.p, &RB, &R(i->b + 1)))
            JUMP(SC);
        NEXT();
    }

    // ---- interfaces ----
    CASE(BOX) RA.p = iface_box(K(i->bx).p, RA); NEXT();
    CASE(ASSERT) {
        GoIface *box = RB.p;
        Type *t = K(i->c).p;
        Type *from = K(XW.bx).p;
        ip++;
        if (GOL_UNLIKELY(!box || box->type != t)) {
            SAVE();
            op_assert_fail(g, box, t, from);
            THROW();
        }
        RA = box->val;
        NEXT();
    }
    CASE(ASSERT2) {
        GoIface *box = RB.p;
        Type *t = K(i->c).p;
        bool ok = box && box->type == t;
        if (ok)
            RA = box->val;
        else if (t->kind == K_STRUCT || t->kind == K_ARRAY)
            RA.p = val_new_storage(t);
        else
            RA.i = 0;
        R(i->a + 1).i = ok;
        NEXT();
    }
    CASE(ASSERTI) {
        GoIface *box = RB.p;
        Type *t = K(i->c).p;
        Type *from = K(XW.bx).p;
        ip++;
        SAVE();
        if (GOL_UNLIKELY(!box || !rt_implements(box->type, t))) {
            op_assert_fail(g, box, t, from);
            THROW();
        }
        RELOAD();
        RA.p = box;
        NEXT();
    }
    CASE(ASSERTI2) {
        GoIface *box = RB.p;
        Type *t = K(i->c).p;
        SAVE();
        bool ok = box && rt_implements(box->type, t);
        RELOAD();
        RA.p = ok ? box : NULL;
        R(i->a + 1).i = ok;
        NEXT();
    }
    CASE(TYPEOF) {
        GoIface *box = RB.p;
        RA.p = box ? box->type : NULL;
        NEXT();
    }
    CASE(IMPLEMENTS) {
        GoIface *box = RB.p;
        SAVE();
        bool ok = box && rt_implements(box->type, K(i->c).p);
        RELOAD();
        RA.i = ok;
        NEXT();
    }

    // ---- functions ----
    CASE(CLOSURE) {
        Proto *p = K(i->bx).p;
        GoFunc *fn = func_new(p, p->ncaps);
        for (int j = 0; j < p->ncaps; j++) {
            const Instr *x = ip++;
            fn->caps[j] = x->a ? f->fn->caps[x->b] : R(x->b).p;
        }
        RA.p = fn;
        NEXT();
    }
    CASE(CALL) {
        GoFunc *fn = RA.p;
        if (GOL_UNLIKELY(!fn))
            goto nil_panic;
        CALL_PROTO(fn->proto, fn);
    }
    CASE(CALLK) {
        Proto *p = K(i->bx).p;
        if (p->fastpath && vm_fastpath(p->fastpath, &R(i->a + 1)))
            NEXT();
        CALL_PROTO(p, NULL);
    }
    CASE(CALLI) {
        GoIface *box = R(i->a + 1).p;
        CallSite *cs = K(XW.bx).p;
        ip++;
        if (GOL_UNLIKELY(!box))
            goto nil_panic;
        MethodCacheEntry *ce = atomic_load_explicit(&cs->entry, memory_order_acquire);
        GoFunc *fn;
        if (GOL_LIKELY(ce && ce->way[0].type == box->type)) {
            fn = ce->way[0].fn;
        } else {
            SAVE();
            fn = callsite_method(cs, box->type);
            RELOAD();
        }
        R(i->a + 1) = box->val;
        RA.p = fn;
        CALL_PROTO(fn->proto, fn);
    }
    CASE(RET) {
        Slot *dst = R - 1;
        for (int j = 0; j < i->b; j++)
            dst[j] = R(i->a + j);
        goto do_return;
    }
    CASE(RET0) goto do_return;
    CASE(RETC) {
        Slot *dst = R - 1;
        for (int j = 0; j < i->b; j++)
            dst[j] = R(i->a + j);
        // results 2.. now sit in R[0 .. b-1); the C registers above them are cleared
        // (the arena's mark among them: given back first)
        POP_ARENA();
        clear_slots(R + i->b - 1, i->c);
        goto do_return_popped;
    }
    CASE(RET0C) {
        POP_ARENA();
        clear_slots(R, i->c);
        goto do_return_popped;
    }
    CASE(RUNDEFERS) {
        Defer *d = f->defers;
        if (!d)
            NEXT();
        f->defers = d->next;
        f->ip = ip - 1; // come back here for the next deferred call
        if (vm_start_deferred(g, d, FRAME_DEFERRED, &st)) {
            LOADFRAME();
            NEXT();
        }
        if (st == RT_PANIC)
            goto unwind;
        if (st == RT_PARK)
            return EXEC_PARK;
        LOADFRAME();
        NEXT();
    }
    CASE(DEFER) {
        Defer *d = defer_new(RA.p, i->b);
        for (int j = 0; j < i->b; j++)
            d->args[j] = R(i->a + 1 + j);
        d->next = f->defers;
        f->defers = d;
        NEXT();
    }
    CASE(GO) {
        GoFunc *fn = RA.p;
        SAVE();
        if (GOL_UNLIKELY(!fn))
            rt_fatal(g, "go of nil func value");
        vm_go(fn, &R(i->a + 1), i->b);
        RELOAD();
        SYNC_POINT(NULL);
        NEXT();
    }
    CASE(PANIC) {
        SAVE();
        if (RA.p)
            rt_panic_value(g, RA.p);
        else
            rt_panic_value(g, rt_panic_nil_error());
        goto unwind;
    }
    CASE(RECOVER) {
        Panic *p = g->panic;
        if ((f->flags & FRAME_PANICDEFER) && p && !p->recovered && !p->is_goexit) {
            p->recovered = true;
            RA.p = p->value;
        } else {
            RA.p = NULL;
        }
        NEXT();
    }
    CASE(GOEXIT) NEXT();
    CASE(RFCTL) RA.p = gc_alloc(sizeof(Slot) * i->b); NEXT();
    CASE(RFBODY) {
        RA.p = vm_rf_body(g, f, K(i->bx).p, R, XW.a, XW.b);
        ip++;
        NEXT();
    }
    CASE(RFENTER) {
        SAVE();
        if (GOL_UNLIKELY(!vm_rf_enter(g, f->fn, R, i->a, i->b)))
            THROW();
        NEXT();
    }
    CASE(RFSTATE) vm_rf_set_state(f->fn, i->b); NEXT();
    CASE(RFEXIT) {
        SAVE();
        if (GOL_UNLIKELY(!vm_rf_exit(g, RA.p)))
            THROW();
        NEXT();
    }
    CASE(DEFERAT) {
        SAVE();
        Frame *hf = vm_rf_home(g, f->fn);
        Defer *d = defer_new(RA.p, i->b);
        for (int j = 0; j < i->b; j++)
            d->args[j] = R(i->a + 1 + j);
        d->next = hf->defers;
        hf->defers = d;
        NEXT();
    }

    // ---- channels ----
    CASE(MAKECHAN) {
        Type *elem = ((Type *)K(i->b).p)->under->elem;
        if (GOL_UNLIKELY(!chan_size_ok(elem, RC.i))) {
            SAVE();
            rt_panic_plain(g, "makechan: size out of range");
            THROW();
        }
        RA.p = chan_make(elem, RC.i);
        NEXT();
    }
    CASE(SEND) {
        void *ch = RA.p;
        SAVE();
        st = chan_send(g, ch, RB);
        if (st == RT_PARK)
            return EXEC_PARK;
        CHECK(st);
        RELOAD();
        SYNC_POINT(ch);
        NEXT();
    }
    CASE(RECV)
    CASE(RECV2) {
        void *ch = RB.p;
        SAVE();
        st = chan_recv(g, ch, &RA, i->op == OP_RECV2 ? &R(i->a + 1) : NULL);
        if (st == RT_PARK)
            return EXEC_PARK;
        RELOAD();
        SYNC_POINT(ch);
        NEXT();
    }
    CASE(CLOSE) {
        void *ch = RA.p;
        SAVE();
        st = chan_close(g, ch);
        CHECK(st);
        RELOAD();
        SYNC_POINT(ch);
        NEXT();
    }
    CASE(LEN_C) RA.i = chan_len(RB.p); NEXT();
    CASE(CAP_C) RA.i = chan_cap(RB.p); NEXT();
    CASE(SELECT) {
        const Instr *x = ip;
        ip += i->b;
        SAVE();
        st = op_select(g, R, i, x);
        if (st == RT_PARK)
            return EXEC_PARK;
        CHECK(st);
        RELOAD();
        SYNC_POINT(NULL);
        NEXT();
    }

    // ---- builtins and misc ----
    CASE(PRINT) {
        const Instr *x = ip;
        ip += i->b;
        SAVE();
        op_print(g, &RA, i->b, x, k, i->c);
        RELOAD();
        NEXT();
    }
    CASE(MINMAX) {
        const Instr *x = ip++;
        op_minmax(&RA, &RB, i->c, x->a, x->b);
        NEXT();
    }
    CASE(UIDX) {
        if (GOL_UNLIKELY(RA.u > (uint64_t)INT64_MAX)) {
            g->uidx = RA.u;
            RA.i = INT64_MIN;
        }
        NEXT();
    }
    CASE(BOUNDS) {
        if (GOL_UNLIKELY((uint64_t)RA.i >= (uint64_t)RB.i)) {
            SAVE();
            op_index_panic(g, RA.i, RB.i);
            THROW();
        }
        NEXT();
    }
    CASE(CONV_FAIL) NEXT();
    CASE(SL2ARR) {
        Type *at = K(XW.bx).p;
        ip++;
        SAVE();
        st = op_slice_to_array(g, &RA, RB.p, at, i->c);
        CHECK(st);
        NEXT();
    }
    CASE(NILRECV) {
        if (GOL_UNLIKELY(!RA.p)) {
            SAVE();
            rt_panic_plain(g, K(i->bx).p);
            goto unwind;
        }
        NEXT();
    }
    CASE(HALT) gol_fatal_internal("reached the end of %s without a return", f->proto->name);
    CASE(UNWIND) goto unwind;

#if !defined(__GNUC__)
    }
#endif

after_native:
    // results are in res[]; the stack may have moved during nested calls
    RELOAD();
    if (GOL_UNLIKELY(st != RT_OK)) {
        if (st == RT_PANIC)
            goto unwind;
        if (st == RT_PARK)
            return EXEC_PARK; // (sched_park never returns RT_PARK inside a nested call)
        if (st == RT_YIELD) {
            for (int j = 0; j < native->nresults; j++)
                R(i->a + j) = res[j];
            if (!g->nested) { // a nested call cannot yield: C frames are on this thread
                if (det_policy)
                    det_note_gosched();
                return EXEC_YIELD;
            }
        }
        NEXT();
    }
    {
        for (int j = 0; j < native->nresults; j++)
            R(i->a + j) = res[j];
        if (GOL_UNLIKELY(det_policy != NULL) && vm_sync_native(native) &&
            det_preempt_point(g, 0, false)) { // its object was noted by vm_call_native
            SAVE();
            return EXEC_YIELD;
        }
    }
    NEXT();

do_return:
    POP_ARENA();
do_return_popped : {
    uint8_t flags = f->flags;
    g->nframes--;
    if (GOL_UNLIKELY(flags & FRAME_NESTED))
        return EXEC_NESTED_RETURN;
    if (GOL_UNLIKELY(g->nframes == 0))
        return EXEC_DONE;
    LOADFRAME();
    if (GOL_UNLIKELY(flags & FRAME_DEFERRED) && (f->flags & FRAME_UNWINDING))
        goto unwind;
    NEXT();
}

nil_panic:
    SAVE();
    op_nil_panic(g);
    goto unwind;

index_panic_a:
    ip++;
    SAVE();
    op_index_panic(g, i->op == OP_SETINDEX_A ? RB.i : RC.i, ip[-1].bx);
    goto unwind;

index_panic_sl:
    SAVE();
    op_index_panic(g, RC.i, slice_len(RB.p));
    goto unwind;

unwind : {
    ExecStatus u = vm_unwind(g);
    if (u != EXEC_RESUME)
        return u;
    LOADFRAME();
    NEXT();
}
}
