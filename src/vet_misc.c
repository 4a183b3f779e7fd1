// vet's small analyzers, each a few lines in Go's x/tools too: appends, nilfunc (a function
// compared with nil), bools (redundant or suspect && / || chains), unusedresult (a dropped
// fmt.Sprintf or errors.New result), assign (x = x) and unreachable (code after a return,
// panic, break...).
#include "vet_int.h"

#include "check_int.h"

// analysisutil.HasSideEffects: a call other than a conversion, or a receive.
static bool side_effects(Expr *e) {
    if (!e)
        return false;
    if ((e->kind == E_CALL && !e->is_conversion) || (e->kind == E_UNARY && e->op == OP_ARROW))
        return true;
    if (e->kind == E_FUNCLIT)
        return false;
    for (int i = 0; i < e->args.n; i++)
        if (side_effects(e->args.v[i]))
            return true;
    if (side_effects(e->x) || side_effects(e->y))
        return true;
    return e->kind == E_SLICE &&
           (side_effects(e->lo) || side_effects(e->hi) || side_effects(e->max));
}

static bool is_nil(Expr *e) {
    e = ast_unparen(e);
    return e->kind == E_IDENT && e->obj && e->obj->kind == OBJ_NIL;
}

static void nilfunc(Vet *v, Expr *e) {
    if (e->op != OP_EQL && e->op != OP_NEQ)
        return;
    Expr *f = is_nil(e->x) ? e->y : is_nil(e->y) ? e->x : NULL;
    if (!f)
        return;
    Object *o = f->kind == E_IDENT ? f->obj : f->kind == E_SELECTOR ? f->sel.obj : NULL;
    if (o && o->kind == OBJ_FUNC && !o->is_iface_method &&
        (f->kind == E_IDENT || f->sel.kind == SEL_PKG || f->sel.kind == SEL_METHOD ||
         f->sel.kind == SEL_METHOD_EXPR))
        vet_report(v, e->start, "comparison of function %s %s nil is always %s", o->name,
                   ast_op_str(e->op), e->op == OP_NEQ ? "true" : "false");
}

// Go's boolOp.split: the operands of a chain of [op], rightmost first.
static void split(Vet *v, Expr *e, Op op, ExprVec *out) {
    for (;;) {
        e = ast_unparen(e);
        if (e->kind != E_BINARY || e->op != op) {
            vec_push(out, e);
            return;
        }
        vec_push(&v->bool_seen, e);
        split(v, e->y, op, out);
        e = e->x;
    }
}

static void redundant(Vet *v, Expr **es, int n, const char *name, const char *tok) {
    for (int i = 0; i < n; i++) {
        const char *s = vet_expr_str(es[i]);
        for (int j = 0; j < i; j++)
            if (strcmp(s, vet_expr_str(es[j])) == 0) {
                vet_report(v, es[i]->start, "redundant %s: %s %s %s", name, s, tok, s);
                break;
            }
    }
}

static void suspect(Vet *v, Expr **es, int n, Op bad, const char *name, const char *tok) {
    const char *xs[64], *prev[64];
    int nseen = 0;
    for (int i = 0; i < n && nseen < 64; i++) {
        Expr *b = es[i];
        if (b->kind != E_BINARY || b->op != bad)
            continue;
        Expr *x = b->y->mode == MODE_CONST ? b->x : b->x->mode == MODE_CONST ? b->y : NULL;
        if (!x)
            continue;
        const char *xf = vet_expr_str(x), *ef = vet_expr_str(b);
        int k = 0;
        while (k < nseen && strcmp(xs[k], xf))
            k++;
        if (k == nseen) {
            xs[nseen] = xf;
            prev[nseen++] = ef;
        } else if (strcmp(ef, prev[k])) {
            vet_report(v, b->start, "suspect %s: %s %s %s", name, ef, tok, prev[k]);
        }
    }
}

static void bools(Vet *v, Expr *e) {
    if (e->op != OP_LOR && e->op != OP_LAND)
        return;
    for (int i = 0; i < v->bool_seen.n; i++)
        if (v->bool_seen.v[i] == e)
            return;
    bool is_or = e->op == OP_LOR;
    const char *name = is_or ? "or" : "and", *tok = ast_op_str(e->op);
    ExprVec es = {0};
    split(v, e, e->op, &es);
    int start = 0;
    for (int j = 0; j <= es.n; j++) {
        if (j < es.n && !side_effects(es.v[j]))
            continue;
        if (start < j) {
            redundant(v, es.v + start, j - start, name, tok);
            suspect(v, es.v + start, j - start, is_or ? OP_NEQ : OP_EQL, name, tok);
        }
        start = j + 1;
    }
}

// appends: append(s) adds nothing (also append(f()), which the checker spreads into f's
// results).
void vet_append_call(Vet *v, Expr *call) {
    int n = call->args.n;
    if (n > 1 && call->args.v[0]->spread && call->args.v[n - 1]->spread == call->args.v[0]->spread)
        n = 1;
    if (call->builtin == BI_APPEND && n == 1)
        vet_report(v, call->start, "append with no values");
}

void vet_binary(Vet *v, Expr *e) {
    nilfunc(v, e);
    bools(v, e);
}

static const char *const must_use[][2] = {
    {"context", "WithCancel"}, {"context", "WithDeadline"}, {"context", "WithTimeout"},
    {"context", "WithValue"},  {"errors", "New"},           {"fmt", "Errorf"},
    {"fmt", "Sprint"},         {"fmt", "Sprintf"},          {"slices", "Clip"},
    {"slices", "Compact"},     {"slices", "CompactFunc"},   {"slices", "Delete"},
    {"slices", "DeleteFunc"},  {"slices", "Grow"},          {"slices", "Insert"},
    {"slices", "Replace"},     {"sort", "Reverse"},         {NULL, NULL},
};

void vet_unused_result(Vet *v, Expr *x) {
    Expr *call = ast_unparen(x);
    if (call->kind != E_CALL)
        return;
    Object *fn = vet_callee(call);
    if (!fn)
        return;
    Type *sig = fn->type;
    if (fn->recv_type || fn->is_iface_method) {
        if ((strcmp(fn->name, "Error") == 0 || strcmp(fn->name, "String") == 0) && sig &&
            sig->nparams == 0 && sig->nresults == 1 && sig->results[0] == types_basic[K_STRING]) {
            Expr *f = ast_unparen(call->x);
            Type *rt = fn->recv_type ? fn->recv_type : f->kind == E_SELECTOR ? f->x->tv : NULL;
            if (rt)
                vet_report(v, call->pos, "result of (%s).%s call not used", vet_type_str(rt),
                           fn->name);
        }
        return;
    }
    for (int i = 0; must_use[i][0]; i++)
        if (vet_is_func(fn, must_use[i][0], must_use[i][1]))
            vet_report(v, call->pos, "result of %s.%s call not used", must_use[i][0],
                       must_use[i][1]);
}

void vet_assign_stmt(Vet *v, Stmt *s) {
    if (s->op != OP_ASSIGN || s->lhs.n != s->rhs.n)
        return;
    for (int i = 0; i < s->lhs.n; i++) {
        Expr *l = s->lhs.v[i], *r = s->rhs.v[i];
        if (side_effects(l) || side_effects(r) || l->kind != r->kind || l->mode == MODE_MAPINDEX)
            continue;
        const char *ls = vet_expr_str(l), *rs = vet_expr_str(r);
        if (strcmp(ls, rs) == 0)
            vet_report(v, s->lhs.v[0]->start, "self-assignment of %s to %s", rs, ls);
    }
}

// Whether control cannot continue past [s] to the next statement of its list.
static bool stops(Stmt *s) {
    if (s->kind == S_BRANCH && s->branch != BR_FALLTHROUGH)
        return true;
    return check_is_terminating(s, NULL);
}

void vet_unreachable_block(Vet *v, StmtVec *ss) {
    bool reachable = true;
    for (int i = 0; i < ss->n; i++) {
        Stmt *s = ss->v[i];
        if (s->kind == S_LABELED)
            reachable = true;
        if (!reachable && s->kind != S_EMPTY) {
            Pos p = s->pos;
            if (s->kind == S_EXPR)
                p = s->x->start;
            else if (s->kind == S_ASSIGN || s->kind == S_INCDEC || s->kind == S_SEND)
                p = s->kind == S_ASSIGN ? s->lhs.v[0]->start : s->x->start;
            vet_report(v, p, "unreachable code");
            reachable = true;
        }
        if (stops(s))
            reachable = false;
    }
}
