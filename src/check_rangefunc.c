// Range over functions (Go 1.23): the iterator signature rule, with types2's messages, and
// the escape marks the compiler relies on. A range-over-func loop body runs in a frame of
// its own (src/compile_rangefunc.c), so every variable it shares with the code around it
// must live in a heap cell.
#include "check_int.h"

static bool is_plain_bool(Type *t) {
    return t == types_basic[K_BOOL] || t == types_basic[K_UNTYPED_BOOL];
}

// The cause types2 gives when function type [u] cannot be ranged over, or NULL.
static const char *iter_sig_cause(Type *u) {
    if (u->nparams != 1)
        return "func must be func(yield func(...) bool): wrong argument count";
    if (u->nresults != 0)
        return "func must be func(yield func(...) bool): unexpected results";
    Type *cb = check_under(u->params[0]);
    if (cb->kind != K_FUNC)
        return "func must be func(yield func(...) bool): argument is not func";
    if (cb->nparams > 2)
        return "func must be func(yield func(...) bool): yield func has too many parameters";
    if (cb->nresults != 1 || check_under(cb->results[0])->kind != K_BOOL)
        return "func must be func(yield func(...) bool): yield func does not return bool";
    if (!is_plain_bool(cb->results[0]))
        return "func must be func(yield func(...) bool): yield func returns user-defined "
               "boolean, not bool";
    return NULL;
}

bool check_rangefunc_types(Checker *c, Expr *x, Type *u, Type **key, Type **val) {
    const char *cause = iter_sig_cause(u);
    if (cause) {
        check_errorf(c, check_start(x), "cannot range over %s: %s", check_operand_str(c, x), cause);
        return false;
    }
    Type *cb = check_under(u->params[0]);
    *key = cb->nparams >= 1 ? cb->params[0] : NULL;
    *val = cb->nparams >= 2 ? cb->params[1] : NULL;
    return true;
}

void check_rangefunc_note(Checker *c, Object *v) {
    if (!c->rf_scope || !c->fn || v->owner != c->fn->func || v->escapes)
        return;
    for (Scope *s = v->parent_scope; s; s = s->parent)
        if (s == c->rf_scope)
            return;
    v->escapes = true;
}
