// vet's analyzers of sync and sync/atomic misuse beyond copylocks: atomic (the result of
// atomic.AddInt64(&x, 1) stored back into x) and waitgroup (Go 1.25: wg.Add as the first
// statement of the goroutine it is meant to wait for, racing with Wait).
#include "vet_int.h"

static bool is_atomic_add(Object *fn) {
    static const char *const names[] = {"AddInt32",  "AddInt64",   "AddUint32",
                                        "AddUint64", "AddUintptr", NULL};
    for (int i = 0; names[i]; i++)
        if (vet_is_func(fn, "sync/atomic", names[i]))
            return true;
    return false;
}

void vet_atomic_stmt(Vet *v, Stmt *s) {
    if (s->op != OP_ASSIGN && s->op != OP_DEFINE)
        return;
    if (s->lhs.n != s->rhs.n || (s->lhs.n == 1 && s->op == OP_DEFINE))
        return;
    for (int i = 0; i < s->rhs.n; i++) {
        Expr *call = s->rhs.v[i], *left = s->lhs.v[i];
        if (call->kind != E_CALL || !is_atomic_add(vet_callee(call)) || call->args.n != 2)
            continue;
        Expr *arg = call->args.v[0];
        bool broken = false;
        if (arg->kind == E_UNARY && arg->op == OP_AND)
            broken = strcmp(vet_expr_str(left), vet_expr_str(arg->x)) == 0;
        else if (left->kind == E_STAR)
            broken = strcmp(vet_expr_str(left->x), vet_expr_str(arg)) == 0;
        if (broken)
            vet_report(v, left->start, "direct assignment to atomic value");
    }
}

// Whether [fn] is (*sync.WaitGroup).Add.
static bool is_wg_add(Object *fn) {
    if (!fn || !fn->recv_type || strcmp(fn->name, "Add") != 0)
        return false;
    Type *t = fn->recv_type->kind == K_POINTER && !fn->recv_type->name ? fn->recv_type->elem
                                                                       : fn->recv_type;
    return t->name && t->pkg && strcmp(t->pkg->path, "sync") == 0 &&
           strcmp(t->name, "WaitGroup") == 0;
}

void vet_waitgroup_go(Vet *v, Stmt *s) {
    Expr *call = s->call;
    if (!call || call->kind != E_CALL || call->x->kind != E_FUNCLIT || !call->x->body ||
        call->x->body->stmts.n == 0)
        return;
    Stmt *first = call->x->body->stmts.v[0];
    if (first->kind != S_EXPR || first->x->kind != E_CALL)
        return;
    if (is_wg_add(vet_callee(first->x)))
        vet_report(v, first->x->pos, "WaitGroup.Add called from inside new goroutine");
}
