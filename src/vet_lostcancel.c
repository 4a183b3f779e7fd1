// vet's lostcancel analyzer, its first half: the cancel function of context.WithCancel,
// WithTimeout or WithDeadline assigned to `_` (the context then leaks until its parent
// ends). The second half, a cancel not called on every path to a return, needs a control
// flow graph and is not done.
#include "vet_int.h"

// The name of the context.With* function [call] calls directly, or NULL.
static const char *with_cancel(Expr *call) {
    if (!call || call->kind != E_CALL || call->x->kind != E_SELECTOR)
        return NULL;
    Object *fn = vet_callee(call);
    if (vet_is_func(fn, "context", "WithCancel") || vet_is_func(fn, "context", "WithTimeout") ||
        vet_is_func(fn, "context", "WithDeadline"))
        return fn->name;
    return NULL;
}

static void check(Vet *v, Expr *id, Expr *call) {
    const char *name = with_cancel(call);
    if (name && id->kind == E_IDENT && strcmp(id->name, "_") == 0)
        vet_report(v, id->start,
                   "the cancel function returned by context.%s should be called, not "
                   "discarded, to avoid a context leak",
                   name);
}

void vet_lostcancel_stmt(Vet *v, Stmt *s) {
    if (s->lhs.n > 1 && s->rhs.n == 1)
        check(v, s->lhs.v[1], s->rhs.v[0]);
}

void vet_lostcancel_spec(Vet *v, Spec *sp) {
    if (!v->top && sp->names.n > 1 && sp->values.n == 1)
        check(v, sp->names.v[1], sp->values.v[0]);
}
