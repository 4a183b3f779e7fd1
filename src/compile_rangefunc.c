// Range over functions (Go 1.23), compiled as Go's rangefunc rewrite does it, without
// rewriting the AST: the loop body is compiled in line, but runs as a closure (its own
// proto over a slice of the function's code) that the iterator calls as yield. The body
// frame starts from a snapshot of the registers live at the loop (the checker made every
// shared variable a heap cell); a per-loop state catches misbehaving iterators. Leaving
// the body by break/continue/goto/return sets #next in a control block shared by nested
// loops and returns false; after the iterator returns, the code around the loop finishes
// that branch (recompiling the statement there, one loop level further out).
#include "compile_int.h"

enum { RF_DONE = 0, RF_READY = 1 }; // abi.RF_State values the compiler sets
enum { NEXT_RETURN = -1, NEXT_RETURN_VALUES = -2 };

typedef struct RFExit {
    Stmt *s;  // the branch statement leaving the body
    int code; // its #next value
} RFExit;

typedef struct RFLoop {
    struct RFLoop *outer; // the loop whose body contains this one (NULL: none)
    Stmt *stmt;
    int ctl;              // register of the control block: [#next, results...]
    VEC(RFExit) exits;    // branches that leave this body for the code around the loop
    bool ret, ret_values; // a return (bare / with values) left this body
} RFLoop;

typedef struct RFBody {
    Proto *p;
    int start, end; // its code: [start, end) of the function's
} RFBody;

typedef struct RFState {
    RFLoop *loop; // innermost loop whose body is being compiled (NULL: outside bodies)
    VEC(RFBody) bodies;
    int ncodes;
} RFState;

bool comp_in_rfbody(FuncState *fs) {
    return fs->rf && fs->rf->loop;
}

// Leave the body with yield's result: continue the iteration (true) or stop it.
static void body_return(FuncState *fs, bool more) {
    int mark = fs->nactive;
    int t = comp_reg_alloc(fs, 1);
    comp_emit(fs, OP_RFSTATE, 0, more ? RF_READY : RF_DONE, 0);
    comp_emit_sbx(fs, OP_LOADI, t, more ? 1 : 0);
    comp_emit(fs, OP_RET, t, 1, 0);
    comp_reg_free_to(fs, mark);
}

static void set_next(FuncState *fs, int ctl, int code) {
    int mark = fs->nactive;
    int t = comp_reg_alloc(fs, 1);
    comp_emit_load_int(fs, t, code);
    comp_emit(fs, OP_STORE, ctl, 0, t);
    comp_reg_free_to(fs, mark);
}

// Stop the iteration with #next = a new code for branch [s], finished after the loop.
static void exit_body(FuncState *fs, Stmt *s) {
    RFLoop *cur = fs->rf->loop;
    RFExit e = {s, ++fs->rf->ncodes};
    vec_push(&cur->exits, e);
    set_next(fs, cur->ctl, e.code);
    body_return(fs, false);
}

static bool stmt_contains(Stmt *s, Stmt *target);

static bool block_contains(Block *b, Stmt *target) {
    if (!b)
        return false;
    for (int i = 0; i < b->stmts.n; i++)
        if (stmt_contains(b->stmts.v[i], target))
            return true;
    return false;
}

static bool stmt_contains(Stmt *s, Stmt *target) {
    if (!s)
        return false;
    return s == target || stmt_contains(s->body_stmt, target) || block_contains(s->body, target) ||
           stmt_contains(s->els, target);
}

bool comp_rf_branch(FuncState *fs, Stmt *s) {
    RFLoop *cur = fs->rf->loop;
    if (s->branch == BR_FALLTHROUGH)
        return false;
    if (s->branch == BR_GOTO) {
        if (block_contains(cur->stmt->body, s->target))
            return false;
        exit_body(fs, s);
        return true;
    }
    Stmt *t = s->target && s->target->kind == S_LABELED ? s->target->body_stmt : s->target;
    bool crossing = false;
    for (Loop *l = fs->loop; l; l = l->outer) {
        bool match =
            t ? l->stmt == t
              : s->branch == BR_BREAK || l->stmt->kind == S_FOR || l->stmt->kind == S_RANGE;
        if (match) {
            if (crossing)
                exit_body(fs, s);
            else if (l->rf)
                body_return(fs, s->branch == BR_CONTINUE);
            else
                return false;
            return true;
        }
        if (l->rf)
            crossing = true;
    }
    gol_fatal_internal("break/continue without a target");
}

void comp_rf_return(FuncState *fs, Stmt *s) {
    RFLoop *cur = fs->rf->loop;
    int mark = fs->nactive;
    int code = NEXT_RETURN;
    if (s->results.n > 0) {
        int n = fs->fobj->results.n;
        int tmp = comp_reg_alloc(fs, n);
        comp_return_values(fs, s, tmp);
        for (int i = 0; i < n; i++)
            comp_emit(fs, OP_STORE, cur->ctl, 1 + i, tmp + i);
        code = NEXT_RETURN_VALUES;
    }
    for (RFLoop *l = cur; l; l = l->outer) {
        if (code == NEXT_RETURN)
            l->ret = true;
        else
            l->ret_values = true;
    }
    set_next(fs, cur->ctl, code);
    body_return(fs, false);
    comp_reg_free_to(fs, mark);
}

// if R[next] == code: falls through; else jumps (returned, to patch).
static int jump_unless(FuncState *fs, int next, int code) {
    int mark = fs->nactive;
    int k = comp_reg_alloc(fs, 1), c = comp_reg_alloc(fs, 1);
    comp_emit_load_int(fs, k, code);
    comp_emit(fs, OP_EQ_I, c, next, k);
    int j = comp_emit_jump(fs, OP_JF, c, 0);
    comp_reg_free_to(fs, mark);
    return j;
}

// After the iterator returned: finish the branches that left the body.
static void after_loop(FuncState *fs, RFLoop *lp) {
    if (!lp->exits.n && !lp->ret && !lp->ret_values)
        return;
    int mark = fs->nactive;
    int next = comp_reg_alloc(fs, 1);
    comp_emit(fs, OP_LOAD, next, lp->ctl, 0);
    JumpList done = {0};
    int k = comp_reg_alloc(fs, 1), c = comp_reg_alloc(fs, 1);
    comp_emit_load_int(fs, k, 0);
    comp_emit(fs, OP_EQ_I, c, next, k);
    vec_push(&done, comp_emit_jump(fs, OP_JT, c, 0));
    for (int i = 0; i < lp->exits.n; i++) {
        int j = jump_unless(fs, next, lp->exits.v[i].code);
        set_next(fs, lp->ctl, 0);
        comp_stmt(fs, lp->exits.v[i].s); // one level further out: a jump, or exits again
        comp_patch_here(fs, j);
    }
    if (comp_in_rfbody(fs) && (lp->ret || lp->ret_values)) {
        body_return(fs, false); // a return: leave the enclosing body too
    } else {
        if (lp->ret_values) {
            int j = jump_unless(fs, next, NEXT_RETURN_VALUES);
            int n = fs->fobj->results.n;
            int tmp = comp_reg_alloc(fs, n);
            for (int i = 0; i < n; i++)
                comp_emit(fs, OP_LOAD, tmp + i, lp->ctl, 1 + i);
            comp_return_regs(fs, tmp);
            comp_patch_here(fs, j);
        }
        if (lp->ret) {
            int j = jump_unless(fs, next, NEXT_RETURN);
            comp_emit_return(fs);
            comp_patch_here(fs, j);
        }
    }
    comp_patch_list_here(fs, &done);
    comp_reg_free_to(fs, mark);
}

static Proto *new_body_proto(Stmt *s, Type *yield, int ncaps) {
    Proto *bp = gc_alloc(sizeof(Proto));
    bp->rfbody = true;
    bp->nparams = yield->nparams;
    bp->nresults = 1;
    bp->type = yield;
    bp->ncaps = ncaps + 1;
    bp->epilogue_pc = -1;
    bp->pos = s->pos;
    return bp;
}

// The body: prologue (state check, snapshot), iteration variables, statements, `return
// true`. Returns the pc after it.
static void compile_body(FuncState *fs, Stmt *s, RFLoop *lp, Type *yield) {
    int args = comp_reg_alloc(fs, yield->nparams > 0 ? yield->nparams : 1);
    comp_emit(fs, OP_RFENTER, args, yield->nparams, 0);
    comp_range_vars(fs, s);
    if (yield->nparams >= 1)
        comp_range_assign(fs, s, s->key, 0, args, yield->params[0]);
    if (yield->nparams >= 2)
        comp_range_assign(fs, s, s->value, 1, args + 1, yield->params[1]);
    Loop loop;
    memset(&loop, 0, sizeof loop);
    loop.outer = fs->loop;
    loop.stmt = s;
    loop.continue_pc = -1;
    loop.rf = lp;
    fs->loop = &loop;
    fs->rf->loop = lp;
    comp_block(fs, s->body);
    fs->pos = s->body->rbrace;
    body_return(fs, true);
    fs->loop = loop.outer;
    fs->rf->loop = lp->outer;
}

void comp_range_func(FuncState *fs, Stmt *s) {
    if (!fs->rf)
        fs->rf = gc_alloc(sizeof(RFState));
    RFLoop *lp = gc_alloc(sizeof(RFLoop));
    lp->outer = fs->rf->loop;
    lp->stmt = s;
    int nres = fs->fobj ? fs->fobj->results.n : 0;
    if (lp->outer) {
        lp->ctl = lp->outer->ctl;
    } else {
        lp->ctl = comp_reg_alloc(fs, 1);
        comp_emit(fs, OP_RFCTL, lp->ctl, 1 + nres, 0);
    }
    int seq = comp_reg_alloc(fs, 1);
    comp_expr(fs, s->x, seq);
    int clo = comp_reg_alloc(fs, 1);
    int nsnap = fs->nactive;
    Type *yield = s->x->tv->under->params[0]->under;
    int ncaps = fs->fobj ? fs->fobj->captures.n : 0;
    Proto *bp = new_body_proto(s, yield, ncaps);
    fs->pos = s->pos;
    comp_emit_bx(fs, OP_RFBODY, clo, (uint32_t)comp_k_proto(fs, bp));
    comp_emit_x(fs, nsnap, ncaps, 0);
    int jskip = comp_emit_jump(fs, OP_JMP, 0, 0);
    RFBody b = {bp, comp_pc_here(fs), 0};
    int bi = fs->rf->bodies.n; // numbered in source order, as Go names them (f-range1...)
    vec_push(&fs->rf->bodies, b);
    compile_body(fs, s, lp, yield);
    fs->rf->bodies.v[bi].end = comp_pc_here(fs);
    comp_patch_here(fs, jskip);
    comp_reg_free_to(fs, nsnap);
    int a = comp_reg_alloc(fs, 2);
    comp_emit_move(fs, a, seq);
    comp_emit_move(fs, a + 1, clo);
    fs->pos = s->pos;
    comp_emit(fs, OP_CALL, a, 1, 0);
    comp_emit(fs, OP_RFEXIT, clo, 0, 0);
    after_loop(fs, lp);
}

void comp_rf_finish(FuncState *fs, Proto *p) {
    if (!fs->rf)
        return;
    for (int i = 0; i < fs->rf->bodies.n; i++) {
        RFBody *b = &fs->rf->bodies.v[i];
        Proto *bp = b->p;
        char buf[512];
        snprintf(buf, sizeof buf, "%s-range%d", p->name ? p->name : "main", i + 1);
        bp->name = gc_strdup(buf);
        bp->code = p->code + b->start;
        bp->ncode = b->end - b->start;
        bp->pcpos = p->pcpos + b->start;
        bp->consts = p->consts;
        bp->nconsts = p->nconsts;
        bp->kkinds = p->kkinds;
        bp->user = p->user;
        bp->nregs = p->nregs;
    }
}
