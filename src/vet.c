// gol vet's driver: walks every function of the checked main package once, handing each
// node to the analyzers (vet_printf.c, vet_copylock.c, vet_misc.c, vet_sync.c,
// vet_lostcancel.c, vet_shift.c), and prints the findings sorted by position (go vet
// groups them by analyzer; gol lists them in source order).
#include "vet_int.h"

#include <stdarg.h>
#include <stdlib.h>

#include "buf.h"

void vet_report(Vet *v, Pos pos, const char *fmt, ...) {
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    const char *buf = buf_cstr(&b);
    for (int i = 0; i < v->msgs.n; i++)
        if (v->msgs.v[i].pos.file == pos.file && v->msgs.v[i].pos.off == pos.off &&
            strcmp(v->msgs.v[i].text, buf) == 0)
            return;
    DiagMsg m = {.pos = pos, .text = (char *)buf, .seq = v->msgs.n};
    vec_push(&v->msgs, m);
}

static void walk_expr(Vet *v, Expr *e);
static void walk_stmt(Vet *v, Stmt *s);
static void walk_if(Vet *v, Stmt *s);

static void walk_exprs(Vet *v, ExprVec *es) {
    for (int i = 0; i < es->n; i++)
        walk_expr(v, es->v[i]);
}

static void walk_block(Vet *v, Block *b) {
    if (!b)
        return;
    if (!v->go_test)
        vet_unreachable_block(v, &b->stmts);
    for (int i = 0; i < b->stmts.n; i++)
        walk_stmt(v, b->stmts.v[i]);
}

static void walk_expr(Vet *v, Expr *e) {
    if (!e || e->mode == MODE_TYPE)
        return;
    switch (e->kind) {
    case E_CALL:
        if (!e->is_conversion) {
            vet_printf_call(v, e);
            if (!v->go_test)
                vet_append_call(v, e);
        }
        if (!v->go_test)
            vet_copylock_call(v, e);
        walk_expr(v, e->x);
        walk_exprs(v, &e->args);
        return;
    case E_FUNCLIT: {
        if (!v->go_test)
            vet_copylock_func(v, "func", NULL, e->type);
        bool top = v->top;
        v->top = false;
        walk_block(v, e->body);
        v->top = top;
        return;
    }
    case E_COMPOSITE:
        if (!v->go_test)
            vet_copylock_composite(v, e);
        walk_exprs(v, &e->args);
        return;
    case E_BINARY:
        vet_binary(v, e);
        if (!v->go_test)
            vet_shift_expr(v, e);
        break;
    case E_SLICE:
        walk_expr(v, e->lo);
        walk_expr(v, e->hi);
        walk_expr(v, e->max);
        break;
    default:
        break;
    }
    walk_expr(v, e->x);
    walk_expr(v, e->y);
}

static void walk_spec(Vet *v, Spec *sp) {
    if (!v->go_test) {
        vet_copylock_spec(v, sp);
        vet_lostcancel_spec(v, sp);
    }
    walk_exprs(v, &sp->values);
}

static void walk_decl(Vet *v, Decl *d) {
    if (d->kind == D_VAR)
        for (int i = 0; i < d->specs.n; i++)
            walk_spec(v, d->specs.v[i]);
}

static void walk_stmt(Vet *v, Stmt *s) {
    if (!s)
        return;
    switch (s->kind) {
    case S_DECL:
        walk_decl(v, s->decl);
        return;
    case S_LABELED:
        walk_stmt(v, s->body_stmt);
        return;
    case S_EXPR:
        if (!v->go_test)
            vet_unused_result(v, s->x);
        break;
    case S_ASSIGN:
        vet_atomic_stmt(v, s);
        if (!v->go_test) {
            vet_assign_stmt(v, s);
            vet_lostcancel_stmt(v, s);
            vet_shift_stmt(v, s);
            vet_copylock_stmt(v, s);
        }
        walk_exprs(v, &s->lhs);
        walk_exprs(v, &s->rhs);
        return;
    case S_GO:
        if (!v->go_test)
            vet_waitgroup_go(v, s);
        walk_expr(v, s->call);
        return;
    case S_DEFER:
        walk_expr(v, s->call);
        return;
    case S_RETURN:
        if (!v->go_test)
            vet_copylock_stmt(v, s);
        walk_exprs(v, &s->results);
        return;
    case S_CASE:
        walk_exprs(v, &s->list);
        break;
    case S_COMM:
        walk_stmt(v, s->comm);
        break;
    case S_IF:
        walk_if(v, s);
        return;
    case S_RANGE:
        if (!v->go_test)
            vet_copylock_stmt(v, s);
        walk_expr(v, s->key);
        walk_expr(v, s->value);
        break;
    default:
        break;
    }
    walk_stmt(v, s->init);
    walk_expr(v, s->x);
    walk_expr(v, s->y);
    walk_stmt(v, s->post);
    walk_block(v, s->body);
    walk_stmt(v, s->els);
}

// An if statement; a branch that a constant condition rules out is walked as dead code.
static void walk_if(Vet *v, Stmt *s) {
    walk_stmt(v, s->init);
    walk_expr(v, s->x);
    Expr *c = s->x;
    bool konst = c && c->mode == MODE_CONST && c->cval && c->cval->kind == CV_BOOL;
    int dead_body = konst && !c->cval->b, dead_else = konst && c->cval->b;
    v->dead += dead_body;
    walk_block(v, s->body);
    v->dead += dead_else - dead_body;
    walk_stmt(v, s->els);
    v->dead -= dead_else;
}

static void walk_file(Vet *v, File *f) {
    for (int i = 0; i < f->decls.n; i++) {
        Decl *d = f->decls.v[i];
        if (d->kind == D_FUNC) {
            if (!v->go_test)
                vet_copylock_func(v, d->name->name, d->recv, d->ftype);
            Type *sig = d->obj ? d->obj->type : NULL;
            bool str =
                d->recv && sig && sig->nparams == 0 && sig->nresults == 1 &&
                sig->results[0] == types_basic[K_STRING] &&
                (strcmp(d->name->name, "String") == 0 || strcmp(d->name->name, "Error") == 0);
            v->stringer = str ? d->obj : NULL;
            walk_block(v, d->body);
            v->stringer = NULL;
        } else {
            v->top = true;
            walk_decl(v, d);
            v->top = false;
        }
    }
}

static int vet_run(Package *pkg, FILE *out, bool go_test) {
    Vet v = {.pkg = pkg, .go_test = go_test};
    for (int i = 0; i < pkg->files.n; i++)
        walk_file(&v, pkg->files.v[i]);
    diag_print_msgs(v.msgs.v, v.msgs.n, out);
    return v.msgs.n;
}

int vet_package(Package *pkg, FILE *out) {
    return vet_run(pkg, out, false);
}

int vet_package_for_test(Package *pkg, FILE *out) {
    return vet_run(pkg, out, true);
}
