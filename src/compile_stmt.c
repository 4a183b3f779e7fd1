// Statements (except loops and switches, in compile_flow.c): declarations, assignments
// (single, tuple, compound, :=), inc/dec, sends, go/defer, return, blocks and if, labels,
// break/continue/goto/fallthrough.
#include "compile_int.h"
#include "deepstack.h"

void cstmt_flow(FuncState *fs, Stmt *s);

// Expressions that write their destination only after reading all operands, so they may
// be compiled straight into the destination variable's register.
static bool safe_direct(Expr *e) {
    e = ast_unparen(e);
    if (e->mode == MODE_CONST || e->kind == E_IDENT)
        return true;
    if (e->kind == E_BINARY)
        return e->op != OP_LAND && e->op != OP_LOR;
    if (e->kind == E_UNARY)
        return e->op != OP_AND && e->op != OP_ARROW;
    return false;
}

// The most slots of a frame arena block (offsets must fit AVAR's C).
#define ARENA_MAX_SLOTS 0xffff

// Whether a block for aggregate variable [v] can be given in this function's arena (not
// in a range-over-func body, which runs in a frame of its own); notes that a recompile with
// an arena would use it when fs has none yet.
static bool arena_fits(FuncState *fs, Object *v) {
    Type *t = v->type;
    if (!comp_type_is_aggregate(t) || t->slots <= 0 || comp_in_rfbody(fs) ||
        fs->arena_slots + t->slots > ARENA_MAX_SLOTS)
        return false;
    if (!fs->arena_mark) {
        fs->arena_wanted = true;
        return false;
    }
    return true;
}

// Whether local variable [v] may live in the frame arena: it does not escape (docs/
// values.md) and is not a result (results are returned as fresh storage) nor a parameter
// (see comp_arena_param); arena_fits.
static bool arena_ok(FuncState *fs, Object *v) {
    return !v->escapes && !v->is_result && !v->is_param && arena_fits(fs, v);
}

// Variable [v]'s storage in register [r]: a block of the frame arena, cleared. [written]:
// the variable's slots may be written.
static void arena_local(FuncState *fs, Object *v, int r, bool written) {
    comp_emit(fs, OP_AVAR, r, fs->arena_mark, fs->arena_slots);
    comp_emit_xbx(fs, written, (uint32_t)v->type->slots);
    fs->arena_slots += v->type->slots;
}

bool comp_arena_param(FuncState *fs, Object *v, int r) {
    if (v->escapes || !arena_fits(fs, v))
        return false;
    int t = comp_reg_alloc(fs, 1);
    arena_local(fs, v, t, true);
    comp_emit_copyn(fs, t, r, v->type->slots);
    comp_emit_move(fs, r, t);
    comp_reg_free_to(fs, t);
    return true;
}

// Compile [e], the initial value of new local [v] (NULL: `_`), into register [dst] as
// comp_expr_store would. A struct/array literal for a variable that may live in the frame
// arena is built in its block instead of on the heap (the variable is not in scope in its
// own initialiser, so the literal's elements cannot read the storage they are stored in),
// and a copy of another value (x := y, x := a[i]) is copied into the block.
static void init_local(FuncState *fs, Object *v, Expr *e, Type *t, int dst) {
    Expr *u = ast_unparen(e);
    if (v && u->kind == E_COMPOSITE && u->tv && comp_type_is_aggregate(u->tv) &&
        u->tv->slots == v->type->slots && arena_ok(fs, v)) {
        v->in_arena = true;
        arena_local(fs, v, dst, true);
        comp_composite_into(fs, u, dst);
        return;
    }
    if (v && comp_type_is_aggregate(v->type) && !comp_expr_is_fresh(e) && arena_ok(fs, v)) {
        int mark = fs->nactive; // a copy of another value: into the block, not a heap clone
        int r = comp_expr(fs, e, -1);
        v->in_arena = true;
        arena_local(fs, v, dst, true);
        comp_emit_copyn(fs, dst, r, v->type->slots);
        comp_reg_free_to(fs, mark);
        return;
    }
    if (v)
        v->in_arena = false;
    comp_expr_store(fs, e, t, dst);
}

void comp_declare_local(FuncState *fs, Object *v, int src) {
    int r = comp_reg_alloc(fs, 1);
    if (!v) {
        return;
    }
    v->slot = r;
    Type *t = v->type;
    v->in_arena = src < 0 && arena_ok(fs, v);
    if (v->in_arena) {
        arena_local(fs, v, r, comp_may_write(fs, v));
        return;
    }
    if (v->escapes && !comp_type_is_aggregate(t)) {
        comp_emit_bx(fs, OP_NEW, r, (uint32_t)comp_k_type(fs, t));
        if (src >= 0)
            comp_emit(fs, OP_STORE, r, 0, src);
        return;
    }
    if (src >= 0)
        comp_emit_move(fs, r, src);
    else
        comp_emit_zero(fs, t, r);
}

// Variable [v] takes register [r], which already holds its initial value.
void comp_bind_local(FuncState *fs, Object *v, int r) {
    if (!v)
        return;
    v->slot = r;
    if (v->escapes && !comp_type_is_aggregate(v->type)) {
        int c = comp_reg_alloc(fs, 1);
        comp_emit_bx(fs, OP_NEW, c, (uint32_t)comp_k_type(fs, v->type));
        comp_emit(fs, OP_STORE, c, 0, r);
        comp_emit_move(fs, r, c);
        comp_reg_free_to(fs, c);
    }
}

static void cvar_spec(FuncState *fs, Spec *sp) {
    int n = sp->names.n;
    if (sp->values.n == 0) {
        for (int i = 0; i < n; i++)
            comp_declare_local(fs, sp->objs[i], -1);
        return;
    }
    int tmp = comp_reg_alloc(fs, n);
    if (sp->values.n == 1 && n > 1) {
        comp_expr_multi(fs, sp->values.v[0], tmp, n);
        for (int i = 0; i < n; i++)
            if (sp->objs[i])
                comp_emit_convert(fs, tmp + i, comp_expr_multi_type(sp->values.v[0], i),
                             sp->objs[i]->type);
    } else {
        for (int i = 0; i < n; i++) {
            Type *t = sp->objs[i] ? sp->objs[i]->type : sp->values.v[i]->tv;
            init_local(fs, sp->objs[i], sp->values.v[i], t, tmp + i);
        }
    }
    for (int i = 0; i < n; i++)
        comp_bind_local(fs, sp->objs[i], tmp + i);
}

static void cdecl_stmt(FuncState *fs, Decl *d) {
    if (d->kind != D_VAR)
        return;
    for (int i = 0; i < d->specs.n; i++)
        cvar_spec(fs, d->specs.v[i]);
}

// Whether gc updates m[k] in place for `m[k] op= rhs` (rhs NULL: m[k]++ / m[k]--), inserting
// k first (MAPADDR). It does not when computing the value may panic first (a call, a
// dereference, an index, a division): then k is not inserted. A negative shift count
// panics after the insert in gc, and so here.
static bool map_update_in_place(Op op, Expr *rhs) {
    if (!rhs || rhs->mode == MODE_CONST)
        return true; // constant zero divisors are compile errors
    Expr *r = ast_unparen(rhs);
    bool var = r->kind == E_IDENT && r->obj && r->obj->kind == OBJ_VAR;
    return var && op != OP_QUO && op != OP_REM;
}

// x op= y and x++ / x--.
static void ccompound(FuncState *fs, Expr *lhs, Op op, Expr *rhs) {
    int mark = fs->nactive;
    if (rhs) { // x op= f(): f runs before x (and x's index operands) are read
        Expr *ops[2] = {lhs, rhs};
        comp_order_list(fs, ops, 2);
    }
    LValue lv = comp_lvalue(fs, lhs);
    Type *t = lv.type;
    // m[k] op= v: update the entry in place, unless computing the new value may panic (then
    // Go has not inserted k): read with MAPGET, store with MAPSET.
    if (lv.kind == LV_MAP && map_update_in_place(op, rhs)) {
        int p = comp_reg_alloc(fs, 1);
        comp_emit(fs, OP_MAPADDR, p, lv.a, lv.b);
        lv = (LValue){.kind = LV_MEM, .a = p, .type = t};
    }
    int cur = lv.kind == LV_REG ? lv.a : comp_reg_alloc(fs, 1);
    if (lv.kind != LV_REG)
        comp_lv_load(fs, &lv, cur);
    // synthesize `cur op rhs` as a binary expression over the loaded value
    Expr x = {.kind = E_IDENT, .mode = MODE_VALUE, .tv = t, .pos = lhs->pos};
    Object tmpv = {.kind = OBJ_VAR, .type = t, .slot = cur, .name = "~cur"};
    x.obj = &tmpv;
    Expr one = {.kind = E_INTLIT, .mode = MODE_CONST, .tv = t, .pos = lhs->pos};
    Expr bin = {.kind = E_BINARY, .op = op, .x = &x, .tv = t, .mode = MODE_VALUE};
    bin.pos = rhs ? rhs->pos : lhs->pos;
    if (rhs) {
        bin.y = rhs;
    } else {
        bool is_f = t->kind == K_FLOAT32 || t->kind == K_FLOAT64;
        one.cval = is_f ? cv_float(1.0) : cv_int(1);
        bin.y = &one;
        bin.op = op == OP_INC ? OP_ADD : OP_SUB;
    }
    int r = lv.kind == LV_REG ? comp_expr(fs, &bin, lv.a) : comp_expr(fs, &bin, cur);
    if (lv.kind != LV_REG)
        comp_lv_store(fs, &lv, r);
    comp_reg_free_to(fs, mark);
}

static void cassign_single(FuncState *fs, Expr *lhs, Expr *rhs) {
    int mark = fs->nactive;
    Expr *l = ast_unparen(lhs);
    if (l->kind == E_IDENT && (!l->obj || strcmp(l->name, "_") == 0)) {
        comp_expr(fs, rhs, -1); // evaluated for side effects
        comp_reg_free_to(fs, mark);
        return;
    }
    if (l->kind != E_IDENT) { // x[i] = f(): f runs before i is read
        Expr *ops[2] = {lhs, rhs};
        comp_order_list(fs, ops, 2);
    }
    LValue lv = comp_lvalue(fs, lhs);
    if (lv.kind == LV_REG && !comp_type_is_aggregate(lv.type) && safe_direct(rhs)) {
        comp_expr_to(fs, rhs, lv.type, lv.a);
    } else {
        int r = comp_reg_alloc(fs, 1);
        comp_expr_store(fs, rhs, lv.type, r);
        comp_lv_store(fs, &lv, r);
    }
    comp_reg_free_to(fs, mark);
}

void comp_lv_pin(FuncState *fs, LValue *lv, int mark) {
    if (lv->kind == LV_BLANK || lv->kind == LV_REG || lv->kind == LV_CAP ||
        lv->kind == LV_GLOBAL)
        return;
    if (lv->a < mark) {
        int r = comp_reg_alloc(fs, 1);
        comp_emit_move(fs, r, lv->a);
        lv->a = r;
    }
    if ((lv->kind == LV_SLICE || lv->kind == LV_ARRAY || lv->kind == LV_MAP) && lv->b < mark) {
        int r = comp_reg_alloc(fs, 1);
        comp_emit_move(fs, r, lv->b);
        lv->b = r;
    }
}

// a, b = x, y / a, b = f(): operands of the left first, then the right, then the stores.
// The operands of a statement's lists that gc orders together: the left side's
// non-variable targets, then every right-side expression.
static void order_assign(FuncState *fs, ExprVec *lhs, ExprVec *rhs) {
    int n = 0;
    Expr **v = gc_alloc(sizeof(Expr *) * (size_t)(lhs->n + rhs->n));
    for (int i = 0; lhs && i < lhs->n; i++)
        if (ast_unparen(lhs->v[i])->kind != E_IDENT)
            v[n++] = lhs->v[i];
    for (int i = 0; i < rhs->n; i++)
        v[n++] = rhs->v[i];
    comp_order_list(fs, v, n);
}

static void cassign_tuple(FuncState *fs, Stmt *s) {
    int mark = fs->nactive;
    int n = s->lhs.n;
    if (s->rhs.n > 1)
        order_assign(fs, &s->lhs, &s->rhs);
    LValue *lv = gc_alloc(sizeof(LValue) * (size_t)n);
    for (int i = 0; i < n; i++) {
        Expr *l = ast_unparen(s->lhs.v[i]);
        if (l->kind == E_IDENT && strcmp(l->name, "_") == 0)
            lv[i] = (LValue){.kind = LV_BLANK};
        else
            lv[i] = comp_lvalue(fs, s->lhs.v[i]);
        comp_lv_pin(fs, &lv[i], mark);
    }
    int tmp = comp_reg_alloc(fs, n);
    if (s->rhs.n == 1) {
        Expr *r = s->rhs.v[0];
        comp_expr_multi(fs, r, tmp, n);
        for (int i = 0; i < n; i++)
            if (lv[i].kind != LV_BLANK)
                comp_emit_convert(fs, tmp + i, comp_expr_multi_type(r, i), lv[i].type);
    } else {
        for (int i = 0; i < n; i++) {
            Type *t = lv[i].kind == LV_BLANK ? s->rhs.v[i]->tv : lv[i].type;
            comp_expr_to(fs, s->rhs.v[i], t, tmp + i);
            if (comp_type_is_aggregate(t) && !comp_expr_is_fresh(s->rhs.v[i]))
                comp_emit_clone(fs, t, tmp + i); // a, b = b, a must not see its own stores
        }
    }
    for (int i = 0; i < n; i++)
        if (lv[i].kind != LV_BLANK)
            comp_lv_store(fs, &lv[i], tmp + i);
    comp_reg_free_to(fs, mark);
}

// x, y := ...: new variables are declared, redeclared ones assigned.
static void cdefine(FuncState *fs, Stmt *s) {
    int n = s->lhs.n;
    int mark = fs->nactive;
    int tmp = comp_reg_alloc(fs, n);
    if (comp_define_clears(s)) {
        comp_reg_free_to(fs, comp_reg_alloc(fs, 1));
        comp_emit(fs, OP_LOADNIL, tmp, n, 0);
    }
    if (s->rhs.n > 1)
        order_assign(fs, &s->lhs, &s->rhs);
    if (s->rhs.n == 1 && n > 1) {
        Expr *r = s->rhs.v[0];
        comp_expr_multi(fs, r, tmp, n);
        for (int i = 0; i < n; i++) {
            Object *o = s->define_objs ? s->define_objs[i] : NULL;
            Expr *l = s->lhs.v[i];
            Type *want = o ? o->type : l->tv;
            if (want)
                comp_emit_convert(fs, tmp + i, comp_expr_multi_type(r, i), want);
        }
    } else {
        for (int i = 0; i < n; i++) {
            Object *o = s->define_objs ? s->define_objs[i] : NULL;
            Type *t = o ? o->type : s->lhs.v[i]->tv;
            if (!t)
                t = s->rhs.v[i]->tv;
            bool is_new = s->define_new && s->define_new[i];
            init_local(fs, is_new ? o : NULL, s->rhs.v[i], t, tmp + i);
        }
    }
    // assign the redeclared variables, then declare the new ones (in order, above mark)
    for (int i = 0; i < n; i++) {
        Expr *l = ast_unparen(s->lhs.v[i]);
        bool is_new = s->define_new && s->define_new[i];
        if (!is_new && l->obj && strcmp(l->name, "_") != 0) {
            LValue lv = comp_lvalue(fs, l);
            comp_lv_store(fs, &lv, tmp + i);
        }
    }
    // the new variables take their temps' registers (others stay unused until block end)
    for (int i = 0; i < n; i++) {
        bool is_new = s->define_new && s->define_new[i];
        Object *o = s->define_objs ? s->define_objs[i] : NULL;
        if (is_new && o)
            comp_bind_local(fs, o, tmp + i);
    }
    (void)mark;
}

static void cassign(FuncState *fs, Stmt *s) {
    if (s->op == OP_DEFINE) {
        cdefine(fs, s);
        return;
    }
    if (s->op != OP_ASSIGN) {
        ccompound(fs, s->lhs.v[0], s->op, s->rhs.v[0]);
        return;
    }
    if (s->lhs.n == 1 && s->rhs.n == 1)
        cassign_single(fs, s->lhs.v[0], s->rhs.v[0]);
    else
        cassign_tuple(fs, s);
}

void comp_emit_return(FuncState *fs) {
    if (fs->has_defer) {
        vec_push(&fs->epilogue, comp_emit_jump(fs, OP_JMP, 0, 0));
        return;
    }
    if (fs->nresults == 0) {
        comp_emit(fs, OP_RET0, 0, 0, 0);
        return;
    }
    int base = comp_reg_alloc(fs, fs->nresults);
    Object *f = fs->fobj;
    for (int i = 0; i < fs->nresults; i++)
        comp_var_load(fs, f->results.v[i], base + i);
    comp_emit(fs, OP_RET, base, fs->nresults, 0);
}

void comp_return_values(FuncState *fs, Stmt *s, int tmp) {
    Object *f = fs->fobj;
    int n = f->results.n;
    if (s->results.n > 1)
        comp_order_list(fs, s->results.v, s->results.n);
    if (s->results.n == 1 && n > 1) {
        Expr *r = s->results.v[0];
        comp_expr_multi(fs, r, tmp, n);
        for (int i = 0; i < n; i++)
            comp_emit_convert(fs, tmp + i, r->tv->results[i], f->results.v[i]->type);
    } else {
        for (int i = 0; i < n; i++) {
            Expr *r = s->results.v[i];
            Type *t = f->results.v[i]->type;
            Expr *u = ast_unparen(r);
            bool own_local = u->kind == E_IDENT && u->obj && u->obj->kind == OBJ_VAR &&
                             !u->obj->is_param && !u->obj->in_arena &&
                             comp_var_reg(fs, u->obj) >= 0 && !fs->has_defer &&
                             !comp_in_rfbody(fs);
            // a dying local's heap storage can be handed over without a copy (its arena
            // storage cannot: the next call at this depth reuses it)
            if (own_local)
                comp_expr_to(fs, r, t, tmp + i);
            else
                comp_expr_store(fs, r, t, tmp + i);
        }
    }
}

void comp_return_regs(FuncState *fs, int tmp) {
    Object *f = fs->fobj;
    int n = f->results.n;
    bool named = false;
    for (int i = 0; i < n; i++)
        if (fs->result_regs[i] >= 0)
            named = true;
    if (!named && !fs->has_defer) {
        comp_emit(fs, OP_RET, tmp, n, 0);
        return;
    }
    for (int i = 0; i < n; i++) {
        LValue lv = comp_lvalue_var(fs, f->results.v[i]);
        if (lv.kind == LV_BLANK && fs->result_regs[i] >= 0) { // a result named _
            lv.kind = LV_REG;
            lv.a = fs->result_regs[i];
        }
        comp_lv_store(fs, &lv, tmp + i);
    }
    comp_emit_return(fs);
}

static void creturn(FuncState *fs, Stmt *s) {
    if (comp_in_rfbody(fs)) {
        comp_rf_return(fs, s);
        return;
    }
    int mark = fs->nactive;
    if (s->results.n == 0) { // bare return (named results, or none)
        comp_emit_return(fs);
        return;
    }
    int tmp = comp_reg_alloc(fs, fs->fobj->results.n);
    comp_return_values(fs, s, tmp);
    comp_return_regs(fs, tmp);
    comp_reg_free_to(fs, mark);
}

static Label *find_label(FuncState *fs, const char *name) {
    for (int i = 0; i < fs->labels.n; i++)
        if (strcmp(fs->labels.v[i].name, name) == 0)
            return &fs->labels.v[i];
    Label l = {.name = name, .pc = -1};
    vec_push(&fs->labels, l);
    return &vec_last(&fs->labels);
}

static void cgoto(FuncState *fs, Stmt *s) {
    Label *l = find_label(fs, s->label);
    if (l->pc >= 0) {
        comp_emit_jump_back(fs, l->pc);
        return;
    }
    int j = comp_emit_jump(fs, OP_JMP, 0, 0);
    l = find_label(fs, s->label);
    vec_push(&l->gotos, j);
}

static void clabeled(FuncState *fs, Stmt *s) {
    Label *l = find_label(fs, s->label);
    l->pc = comp_pc_here(fs);
    comp_patch_list_here(fs, &l->gotos);
    comp_stmt(fs, s->body_stmt);
}

static void cif(FuncState *fs, Stmt *s) {
    int mark = fs->nactive;
    if (s->init)
        comp_stmt(fs, s->init);
    JumpList f = {0};
    fs->pos = s->pos;
    comp_cond(fs, s->x, false, &f);
    comp_block(fs, s->body);
    if (s->els) {
        int j = comp_emit_jump(fs, OP_JMP, 0, 0);
        comp_patch_list_here(fs, &f);
        comp_stmt(fs, s->els);
        comp_patch_here(fs, j);
    } else {
        comp_patch_list_here(fs, &f);
    }
    comp_reg_free_to(fs, mark);
}

void comp_block(FuncState *fs, Block *b) {
    if (!b)
        return;
    int mark = fs->nactive;
    for (int i = 0; i < b->stmts.n; i++)
        comp_stmt(fs, b->stmts.v[i]);
    comp_reg_free_to(fs, mark);
}

void comp_stmt(FuncState *fs, Stmt *s) {
    if (!s)
        return;
    if (GOL_UNLIKELY(cstack_low()))
        deepstack_fail(s->pos);
    fs->pos = s->pos;
    fs->access_expr = NULL;
    int mark = fs->nactive;
    switch (s->kind) {
    case S_EMPTY: break;
    case S_DECL: cdecl_stmt(fs, s->decl); return; // declarations keep their registers
    case S_LABELED: clabeled(fs, s); return; // a labelled x := ... keeps its registers
    case S_EXPR: {
        Expr *x = ast_unparen(s->x);
        if (x->kind == E_CALL) {
            comp_order_operands(fs, x);
            comp_call(fs, x, -1, 0);
        } else
            comp_expr(fs, x, -1);
        break;
    }
    case S_SEND: {
        Expr *ops[2] = {s->x, s->y};
        comp_order_list(fs, ops, 2);
        int c = comp_expr(fs, s->x, -1);
        Type *et = s->x->tv->under->elem;
        int v = comp_expr_store(fs, s->y, et, -1);
        fs->pos = s->pos;
        comp_emit(fs, OP_SEND, c, v, 0);
        break;
    }
    case S_INCDEC: ccompound(fs, s->x, s->op, NULL); break;
    case S_ASSIGN:
        cassign(fs, s);
        if (s->op == OP_DEFINE)
            return; // new variables keep their registers until the block ends
        break;
    case S_GO: comp_go_defer(fs, s->call, true, s->pos); break;
    case S_DEFER: comp_go_defer(fs, s->call, false, s->pos); break;
    case S_RETURN: creturn(fs, s); break;
    case S_BLOCK: comp_block(fs, s->body); break;
    case S_IF: cif(fs, s); break;
    case S_BRANCH:
        if (comp_in_rfbody(fs) && comp_rf_branch(fs, s))
            break;
        if (s->branch == BR_GOTO) {
            cgoto(fs, s);
            break;
        }
        cstmt_flow(fs, s);
        break;
    default: cstmt_flow(fs, s); break;
    }
    if (fs->hoisted)
        gol_fatal_internal("%d values computed ahead and not used", fs->hoisted);
    comp_reg_free_to(fs, mark);
}
