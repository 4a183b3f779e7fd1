// vet's shift analyzer: a constant shift count at least as large as the shifted operand's
// width (x << 64 for a 64-bit x is always 0), outside branches that are constant-false.
#include "vet_int.h"

static void check(Vet *v, Pos at, Expr *x, Expr *y) {
    if (v->dead || x->mode == MODE_CONST || y->mode != MODE_CONST || !y->cval ||
        y->cval->kind != CV_INT || !y->cval->small || !x->tv || x->tv->tparam ||
        !type_is_integer(x->tv))
        return;
    int64_t amt = y->cval->i;
    int size = type_bits(x->tv);
    if (amt >= size)
        vet_report(v, at, "%s (%d bits) too small for shift of %lld", vet_expr_str(x), size,
                   (long long)amt);
}

void vet_shift_expr(Vet *v, Expr *e) {
    if (e->op == OP_SHL || e->op == OP_SHR)
        check(v, e->start, e->x, e->y);
}

void vet_shift_stmt(Vet *v, Stmt *s) {
    if ((s->op == OP_SHL || s->op == OP_SHR) && s->lhs.n == 1 && s->rhs.n == 1)
        check(v, s->lhs.v[0]->start, s->lhs.v[0], s->rhs.v[0]);
}
