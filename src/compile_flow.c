// Control flow: for loops (with Go 1.22 per-iteration variables, or one per loop for a
// module whose go.mod says go 1.21 or older), range over ints, slices,
// arrays, strings, maps and channels, expression and type switches (with fallthrough),
// select, and break/continue.
#include "compile_int.h"

void cstmt_flow(FuncState *fs, Stmt *s);

static void push_loop(FuncState *fs, Loop *l, Stmt *s) {
    memset(l, 0, sizeof *l);
    l->outer = fs->loop;
    l->stmt = s;
    l->continue_pc = -1;
    fs->loop = l;
}

static void pop_loop(FuncState *fs, Loop *l) {
    comp_patch_list_here(fs, &l->breaks);
    fs->loop = l->outer;
}

static Loop *find_loop(FuncState *fs, Stmt *target, bool want_continue) {
    for (Loop *l = fs->loop; l; l = l->outer) {
        if (target) {
            Stmt *t = target->kind == S_LABELED ? target->body_stmt : target;
            if (l->stmt == t)
                return l;
            continue;
        }
        if (!want_continue || l->stmt->kind == S_FOR || l->stmt->kind == S_RANGE)
            return l;
    }
    gol_fatal_internal("break/continue without a target");
}

// A register standing for a value: lets synthesized expressions reuse comp_expr/comp_cond.
typedef struct RegExpr {
    Expr e;
    Object o;
} RegExpr;

static Expr *reg_expr(RegExpr *re, int r, Type *t) {
    memset(re, 0, sizeof *re);
    re->o.kind = OBJ_VAR;
    re->o.type = t;
    re->o.slot = r;
    re->o.name = "~reg";
    re->e.kind = E_IDENT;
    re->e.mode = MODE_VALUE;
    re->e.tv = t;
    re->e.obj = &re->o;
    re->e.name = "~reg";
    return &re->e;
}

// Escaping variables declared by a for loop's init get a fresh cell per iteration.
static void fresh_iteration_vars(FuncState *fs, Stmt *init) {
    if (!init || init->kind != S_ASSIGN || init->op != OP_DEFINE || !init->define_objs)
        return;
    for (int i = 0; i < init->lhs.n; i++) {
        Object *v = init->define_objs[i];
        if (!v || !v->escapes || !(init->define_new && init->define_new[i]))
            continue;
        if (comp_type_is_aggregate(v->type)) {
            comp_emit_clone(fs, v->type, v->slot);
        } else {
            int mark = fs->nactive;
            int t = comp_reg_alloc(fs, 1);
            int c = comp_reg_alloc(fs, 1);
            comp_emit(fs, OP_LOAD, t, v->slot, 0);
            comp_emit_bx(fs, OP_NEW, c, (uint32_t)comp_k_type(fs, v->type));
            comp_emit(fs, OP_STORE, c, 0, t);
            comp_emit_move(fs, v->slot, c);
            comp_reg_free_to(fs, mark);
        }
    }
}

static void cfor(FuncState *fs, Stmt *s) {
    int mark = fs->nactive;
    if (s->init)
        comp_stmt(fs, s->init);
    Loop loop;
    push_loop(fs, &loop, s);
    int jcond = s->x ? comp_emit_jump(fs, OP_JMP, 0, 0) : -1;
    int top = comp_pc_here(fs);
    comp_block(fs, s->body);
    comp_patch_list_here(fs, &loop.continues);
    if (!fs->pkg->shared_loopvars)
        fresh_iteration_vars(fs, s->init);
    if (s->post)
        comp_stmt(fs, s->post);
    if (s->x) {
        comp_patch_here(fs, jcond);
        JumpList t = {0};
        fs->pos = s->x->pos;
        comp_cond(fs, s->x, true, &t);
        for (int i = 0; i < t.n; i++)
            comp_patch_to(fs, t.v[i], top);
    } else {
        comp_emit_jump_back(fs, top);
    }
    pop_loop(fs, &loop);
    comp_reg_free_to(fs, mark);
}

static bool is_blank(Expr *e) {
    e = e ? ast_unparen(e) : NULL;
    return e && e->kind == E_IDENT && strcmp(e->name, "_") == 0;
}

// Store register [src] of type [t] into the evaluated location [lv] (copying aggregates).
static void range_store(FuncState *fs, LValue *lv, int src, Type *t) {
    int mark = fs->nactive;
    int r = src;
    if (comp_type_is_aggregate(t)) {
        r = comp_reg_alloc(fs, 1);
        comp_emit_move(fs, r, src);
        comp_emit_clone(fs, t, r);
    }
    comp_emit_convert(fs, r, t, lv->type);
    comp_lv_store(fs, lv, r);
    comp_reg_free_to(fs, mark);
}

// Per-iteration assignment of a range key or value from register [src] of type [t].
void comp_range_assign(FuncState *fs, Stmt *s, Expr *lhs, int idx, int src, Type *t) {
    if (!lhs || is_blank(lhs))
        return;
    if (s->define) {
        Object *v = s->define_objs ? s->define_objs[idx] : ast_unparen(lhs)->obj;
        if (!v)
            return;
        if (v->escapes && !comp_type_is_aggregate(v->type)) { // a new cell every iteration
            if (!fs->pkg->shared_loopvars)
                comp_emit_bx(fs, OP_NEW, v->slot, (uint32_t)comp_k_type(fs, v->type));
            comp_emit(fs, OP_STORE, v->slot, 0, src);
        } else {
            comp_emit_move(fs, v->slot, src);
            if (comp_type_is_aggregate(v->type))
                comp_emit_clone(fs, v->type, v->slot);
        }
        return;
    }
    int mark = fs->nactive;
    LValue lv = comp_lvalue(fs, lhs);
    range_store(fs, &lv, src, t);
    comp_reg_free_to(fs, mark);
}

// The key and value assignment of one iteration ([vsrc] < 0: no value). As in any
// assignment, the index and pointer operands on the left (x[i], *p) are evaluated before
// either variable is assigned: `for i, x[i] = range` indexes with the previous i.
static void range_assign2(FuncState *fs, Stmt *s, int ksrc, Type *kt, int vsrc, Type *vt) {
    if (s->define || vsrc < 0 || !s->key || !s->value || is_blank(s->key) ||
        is_blank(s->value)) {
        comp_range_assign(fs, s, s->key, 0, ksrc, kt);
        if (vsrc >= 0)
            comp_range_assign(fs, s, s->value, 1, vsrc, vt);
        return;
    }
    int mark = fs->nactive;
    LValue lk = comp_lvalue(fs, s->key);
    comp_lv_pin(fs, &lk, mark);
    LValue lv = comp_lvalue(fs, s->value);
    comp_lv_pin(fs, &lv, mark);
    range_store(fs, &lk, ksrc, kt);
    range_store(fs, &lv, vsrc, vt);
    comp_reg_free_to(fs, mark);
}

void comp_range_vars(FuncState *fs, Stmt *s) {
    if (!s->define)
        return;
    Expr *vars[2] = {s->key, s->value};
    for (int i = 0; i < 2; i++) {
        Object *v = s->define_objs ? s->define_objs[i] : NULL;
        if (!vars[i] || !v)
            continue;
        v->slot = comp_reg_alloc(fs, 1);
        if (fs->pkg->shared_loopvars && v->escapes && !comp_type_is_aggregate(v->type))
            // one for the loop
            comp_emit_bx(fs, OP_NEW, v->slot, (uint32_t)comp_k_type(fs, v->type));
    }
}

// Whether [e] contains a function call or a channel receive (len(x) is then not constant).
static bool has_call_or_recv(Expr *e) {
    if (!e)
        return false;
    if (e->kind == E_CALL || (e->kind == E_UNARY && e->op == OP_ARROW))
        return true;
    if (e->kind == E_FUNCLIT || e->kind == E_COMPOSITE)
        return e->kind == E_COMPOSITE && e->args.n > 0; // conservative
    if (has_call_or_recv(e->x) || has_call_or_recv(e->y))
        return true;
    return e->kind == E_SLICE &&
           (has_call_or_recv(e->lo) || has_call_or_recv(e->hi) || has_call_or_recv(e->max));
}

// Counted ranges (int, slice, array, string): idx from 0 while idx < len.
static void crange_counted(FuncState *fs, Stmt *s, Type *t) {
    int x = comp_reg_alloc(fs, 1), len = comp_reg_alloc(fs, 1), idx = comp_reg_alloc(fs, 1);
    int tmp = comp_reg_alloc(fs, 2);
    bool is_ptr = t->kind == K_POINTER;
    Type *u = is_ptr ? t->elem->under : t;
    Expr *value = is_blank(s->value) ? NULL : s->value; // `for i, _ := range p` reads no element
    if (u->kind == K_ARRAY && !value && !has_call_or_recv(s->x)) {
        // spec: one iteration variable and a constant len(x): x is not evaluated
    } else if (u->kind == K_ARRAY && !is_ptr && value && !comp_expr_is_fresh(s->x)) {
        comp_expr(fs, s->x, x);
        comp_emit_clone(fs, u, x); // range over an array ranges over a copy
    } else {
        comp_expr(fs, s->x, x);
        if (is_ptr && value) // the elements of a nil *[N]T cannot be read
            comp_emit(fs, OP_NILCHECK, x, 0, 0);
    }
    switch (u->kind) {
    case K_SLICE: comp_emit(fs, OP_LEN_SL, len, x, 0); break;
    case K_STRING: comp_emit(fs, OP_LEN_S, len, x, 0); break;
    case K_ARRAY: comp_emit_load_int(fs, len, u->len); break;
    default: comp_emit_move(fs, len, x); break; // range over an integer
    }
    comp_range_vars(fs, s);
    comp_emit_sbx(fs, OP_LOADI, idx, 0);
    Loop loop;
    push_loop(fs, &loop, s);
    int jcond = comp_emit_jump(fs, OP_JMP, 0, 0);
    int top = comp_pc_here(fs);
    Type *kt = u->kind == K_STRING || u->kind == K_SLICE || u->kind == K_ARRAY
                   ? types_basic[K_INT] : s->range_type;
    if (u->kind == K_STRING) {
        comp_emit(fs, OP_RANGE_S, tmp, idx, x);
        range_assign2(fs, s, idx, kt, tmp, types_basic[K_INT32]);
    } else if (!value) {
        comp_range_assign(fs, s, s->key, 0, idx, kt);
    } else {
        Type *et = u->elem;
        if (u->kind == K_SLICE) {
            if (comp_type_is_aggregate(et)) {
                comp_emit(fs, OP_ADDR_SL, tmp, x, idx);
                comp_emit_xbx(fs, 0, (uint32_t)et->slots);
            } else {
                comp_emit(fs, OP_INDEX_SL, tmp, x, idx);
            }
        } else {
            comp_emit_array(fs, comp_type_is_aggregate(et) ? OP_ADDR_A : OP_INDEX_A, tmp, x, idx,
                            et->slots, u->len);
        }
        range_assign2(fs, s, idx, kt, tmp, et);
    }
    comp_block(fs, s->body);
    comp_patch_list_here(fs, &loop.continues);
    if (u->kind == K_STRING)
        comp_emit(fs, OP_ADD_I, idx, idx, tmp + 1);
    else
        comp_emit(fs, OP_ADDI, idx, idx, 1);
    comp_patch_here(fs, jcond);
    JumpList t2 = {0};
    if (fs->no_fused) {
        comp_emit(fs, OP_LT_I, tmp, idx, len);
        vec_push(&t2, comp_emit_jump(fs, OP_JT, tmp, 0));
    } else {
        vec_push(&t2, comp_emit_jump(fs, OP_JLT_I, idx, len));
    }
    comp_patch_to(fs, t2.v[0], top);
    pop_loop(fs, &loop);
}

static void crange_map(FuncState *fs, Stmt *s, Type *t) {
    int x = comp_reg_alloc(fs, 1), it = comp_reg_alloc(fs, 1), kv = comp_reg_alloc(fs, 2);
    comp_expr(fs, s->x, x);
    comp_range_vars(fs, s);
    comp_emit(fs, OP_MAPITER, it, x, 0);
    Loop loop;
    push_loop(fs, &loop, s);
    int top = comp_pc_here(fs);
    int jend = comp_emit_jump(fs, OP_MAPNEXT, it, kv);
    range_assign2(fs, s, kv, t->key, kv + 1, t->elem);
    comp_block(fs, s->body);
    comp_patch_list_here(fs, &loop.continues);
    comp_emit_jump_back(fs, top);
    comp_patch_here(fs, jend);
    pop_loop(fs, &loop);
}

static void crange_chan(FuncState *fs, Stmt *s, Type *t) {
    int x = comp_reg_alloc(fs, 1), v = comp_reg_alloc(fs, 2);
    comp_expr(fs, s->x, x);
    comp_range_vars(fs, s);
    Loop loop;
    push_loop(fs, &loop, s);
    int top = comp_pc_here(fs);
    fs->pos = s->pos;
    comp_emit(fs, OP_RECV2, v, x, 0);
    int jend = comp_emit_jump(fs, OP_JF, v + 1, 0);
    comp_range_assign(fs, s, s->key, 0, v, t->elem);
    comp_block(fs, s->body);
    comp_patch_list_here(fs, &loop.continues);
    comp_emit_jump_back(fs, top);
    comp_patch_here(fs, jend);
    pop_loop(fs, &loop);
}

static void crange(FuncState *fs, Stmt *s) {
    int mark = fs->nactive;
    Type *t = s->x->tv->under;
    if (t->kind == K_FUNC)
        comp_range_func(fs, s);
    else if (t->kind == K_MAP)
        crange_map(fs, s, t);
    else if (t->kind == K_CHAN)
        crange_chan(fs, s, t);
    else
        crange_counted(fs, s, s->x->tv->kind == K_POINTER ? s->x->tv : t);
    comp_reg_free_to(fs, mark);
}

// ---- switch ----

static bool ends_in_fallthrough(Block *b) {
    if (!b || b->stmts.n == 0)
        return false;
    Stmt *last = b->stmts.v[b->stmts.n - 1];
    return last->kind == S_BRANCH && last->branch == BR_FALLTHROUGH;
}

typedef void (*BindFn)(FuncState *fs, Stmt *s, Stmt *clause, int xr);

// Clause bodies in order; each jumps to the end unless it falls through.
static void switch_bodies(FuncState *fs, Stmt *s, JumpList *entry, JumpList *end, BindFn bind,
                          int xr) {
    StmtVec *cl = &s->body->stmts;
    int pending_fall = -1;
    for (int i = 0; i < cl->n; i++) {
        Stmt *c = cl->v[i];
        comp_patch_list_here(fs, &entry[i]);
        if (pending_fall >= 0)
            comp_patch_here(fs, pending_fall), pending_fall = -1;
        int mark = fs->nactive;
        if (bind)
            bind(fs, s, c, xr);
        Block *b = c->body;
        int n = b ? b->stmts.n : 0;
        bool ft = ends_in_fallthrough(b);
        for (int j = 0; j < n - (ft ? 1 : 0); j++)
            comp_stmt(fs, b->stmts.v[j]);
        comp_reg_free_to(fs, mark);
        if (ft)
            pending_fall = comp_emit_jump(fs, OP_JMP, 0, 0);
        else if (i + 1 < cl->n)
            vec_push(end, comp_emit_jump(fs, OP_JMP, 0, 0));
    }
}

// The index of the default clause in [cl], or -1.
static int default_clause(const StmtVec *cl) {
    for (int i = 0; i < cl->n; i++)
        if (cl->v[i]->is_default)
            return i;
    return -1;
}

// After the case tests, which jump to entry[i] when clause i matches: no match goes to the
// default clause or past the switch; then the bodies, with [bind] (if any) declaring each
// clause's variable from register [xr]. The switch is a break target.
static void switch_finish(FuncState *fs, Stmt *s, JumpList *entry, BindFn bind, int xr) {
    int def = default_clause(&s->body->stmts);
    JumpList end = {0};
    Loop loop;
    push_loop(fs, &loop, s);
    vec_push(def >= 0 ? &entry[def] : &end, comp_emit_jump(fs, OP_JMP, 0, 0));
    switch_bodies(fs, s, entry, &end, bind, xr);
    comp_patch_list_here(fs, &end);
    pop_loop(fs, &loop);
}

static void cswitch(FuncState *fs, Stmt *s) {
    int mark = fs->nactive;
    if (s->init)
        comp_stmt(fs, s->init);
    int tag = -1;
    Type *tt = NULL;
    if (s->x) {
        tt = s->x->tv;
        tag = comp_reg_alloc(fs, 1);
        comp_expr(fs, s->x, tag);
    }
    StmtVec *cl = &s->body->stmts;
    JumpList *entry = gc_alloc(sizeof(JumpList) * (size_t)(cl->n + 1));
    for (int i = 0; i < cl->n; i++) {
        Stmt *c = cl->v[i];
        for (int j = 0; !c->is_default && j < c->list.n; j++) {
            Expr *e = c->list.v[j];
            fs->pos = e->pos;
            if (tag < 0) {
                comp_cond(fs, e, true, &entry[i]);
                continue;
            }
            RegExpr re;
            Expr cmp = {.kind = E_BINARY, .op = OP_EQL, .mode = MODE_VALUE,
                        .tv = types_basic[K_BOOL], .pos = e->pos};
            cmp.x = reg_expr(&re, tag, tt);
            cmp.y = e;
            comp_cond(fs, &cmp, true, &entry[i]);
        }
    }
    switch_finish(fs, s, entry, NULL, -1);
    comp_reg_free_to(fs, mark);
}

static void bind_typeswitch(FuncState *fs, Stmt *s, Stmt *c, int xr) {
    Object *v = c->case_obj;
    if (!v)
        return;
    int r = comp_reg_alloc(fs, 1);
    Type *ct = v->type;
    if (ct->kind != K_INTERFACE && c->list.n == 1) {
        comp_emit(fs, OP_ASSERT, r, xr, comp_k_type(fs, ct));
        comp_emit_xbx(fs, 0, (uint32_t)comp_k_type(fs, s->x->tv));
        if (comp_type_is_aggregate(ct))
            comp_emit_clone(fs, ct, r);
    } else {
        comp_emit_move(fs, r, xr);
    }
    comp_bind_local(fs, v, r);
}

static void ctypeswitch(FuncState *fs, Stmt *s) {
    int mark = fs->nactive;
    if (s->init)
        comp_stmt(fs, s->init);
    int xr = comp_reg_alloc(fs, 1), tr = comp_reg_alloc(fs, 1), tmp = comp_reg_alloc(fs, 1);
    comp_expr(fs, s->x, xr);
    comp_emit(fs, OP_TYPEOF, tr, xr, 0);
    StmtVec *cl = &s->body->stmts;
    JumpList *entry = gc_alloc(sizeof(JumpList) * (size_t)(cl->n + 1));
    for (int i = 0; i < cl->n; i++) {
        Stmt *c = cl->v[i];
        for (int j = 0; !c->is_default && j < c->list.n; j++) {
            Expr *e = c->list.v[j];
            Type *t = e->mode == MODE_TYPE ? e->tv : NULL; // NULL: the nil case
            if (t && t->kind == K_INTERFACE) {
                comp_emit(fs, OP_IMPLEMENTS, tmp, xr, comp_k_type(fs, t));
                vec_push(&entry[i], comp_emit_jump(fs, OP_JT, tmp, 0));
            } else {
                comp_emit_bx(fs, OP_LOADK, tmp, (uint32_t)comp_k_type(fs, t));
                comp_emit(fs, OP_EQ_I, tmp, tr, tmp);
                vec_push(&entry[i], comp_emit_jump(fs, OP_JT, tmp, 0));
            }
        }
    }
    switch_finish(fs, s, entry, bind_typeswitch, xr);
    comp_reg_free_to(fs, mark);
}

// ---- select ----

typedef struct SelCase {
    int kind; // 0 recv, 1 recv + ok, 2 send
    int chan, val;
} SelCase;

// The receive expression and its assignment targets of a select case.
static Expr *comm_recv(Stmt *comm) {
    Expr *x = comm->kind == S_EXPR ? comm->x : comm->rhs.v[0];
    return ast_unparen(x);
}

static void cselect(FuncState *fs, Stmt *s) {
    int mark = fs->nactive;
    StmtVec *cl = &s->body->stmts;
    SelCase *cs = gc_alloc(sizeof(SelCase) * (size_t)(cl->n + 1));
    int n = 0, def = -1;
    int *case_of = gc_alloc(sizeof(int) * (size_t)(cl->n + 1));
    for (int i = 0; i < cl->n; i++) {
        Stmt *c = cl->v[i];
        if (!c->comm) {
            def = i;
            case_of[i] = -1;
            continue;
        }
        case_of[i] = n;
        SelCase *sc = &cs[n++];
        if (c->comm->kind == S_SEND) {
            sc->kind = 2;
            sc->chan = comp_reg_alloc(fs, 1);
            comp_expr(fs, c->comm->x, sc->chan);
            sc->val = comp_reg_alloc(fs, 1);
            comp_expr_store(fs, c->comm->y, c->comm->x->tv->under->elem, sc->val);
        } else {
            Expr *rx = comm_recv(c->comm);
            sc->kind = c->comm->kind == S_ASSIGN && c->comm->lhs.n == 2 ? 1 : 0;
            sc->chan = comp_reg_alloc(fs, 1);
            comp_expr(fs, rx->x, sc->chan);
            sc->val = comp_reg_alloc(fs, 2);
        }
    }
    int chosen = comp_reg_alloc(fs, 1);
    fs->pos = s->pos;
    comp_emit(fs, OP_SELECT, chosen, n, def >= 0);
    for (int i = 0; i < n; i++)
        comp_emit_x(fs, cs[i].kind, cs[i].chan, cs[i].val);
    JumpList end = {0};
    Loop loop;
    push_loop(fs, &loop, s);
    for (int i = 0; i < cl->n; i++) {
        Stmt *c = cl->v[i];
        int k = case_of[i];
        int skip = comp_emit_jump(fs, OP_JNE_IK, chosen, comp_k_int(fs, k));
        int m2 = fs->nactive;
        if (c->comm && c->comm->kind == S_ASSIGN) {
            Stmt *a = c->comm;
            Expr *rx = comm_recv(a);
            Type *et = rx->x->tv->under->elem;
            for (int j = 0; j < a->lhs.n; j++) {
                Type *t = j == 0 ? et : types_basic[K_BOOL];
                if (a->op == OP_DEFINE) {
                    Object *v = a->define_objs ? a->define_objs[j] : NULL;
                    if (v) {
                        int r = comp_reg_alloc(fs, 1);
                        comp_emit_move(fs, r, cs[k].val + j);
                        comp_bind_local(fs, v, r);
                    }
                } else {
                    Expr *l = ast_unparen(a->lhs.v[j]);
                    if (l->kind == E_IDENT && strcmp(l->name, "_") == 0)
                        continue;
                    LValue lv = comp_lvalue(fs, l);
                    int r = comp_reg_alloc(fs, 1);
                    comp_emit_move(fs, r, cs[k].val + j);
                    comp_emit_convert(fs, r, t, lv.type);
                    comp_lv_store(fs, &lv, r);
                }
            }
        }
        comp_block(fs, c->body);
        comp_reg_free_to(fs, m2);
        vec_push(&end, comp_emit_jump(fs, OP_JMP, 0, 0));
        comp_patch_here(fs, skip);
    }
    comp_patch_list_here(fs, &end);
    pop_loop(fs, &loop);
    comp_reg_free_to(fs, mark);
}

void cstmt_flow(FuncState *fs, Stmt *s) {
    switch (s->kind) {
    case S_FOR: cfor(fs, s); return;
    case S_RANGE: crange(fs, s); return;
    case S_SWITCH: cswitch(fs, s); return;
    case S_TYPESWITCH: ctypeswitch(fs, s); return;
    case S_SELECT: cselect(fs, s); return;
    case S_BRANCH: {
        if (s->branch == BR_FALLTHROUGH)
            return; // handled by switch_bodies
        Loop *l = find_loop(fs, s->target, s->branch == BR_CONTINUE);
        int j = comp_emit_jump(fs, OP_JMP, 0, 0);
        vec_push(s->branch == BR_BREAK ? &l->breaks : &l->continues, j);
        return;
    }
    default:
        gol_fatal_internal("cannot compile statement kind %d", s->kind);
    }
}
