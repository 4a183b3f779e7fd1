// Deep copies of unchecked syntax trees. A generic function or type keeps a pristine copy of
// its declaration, and each instantiation checks a fresh copy of it (check_instantiate.c),
// since the checker annotates the nodes it visits. Only the syntax fields are copied; the
// checker's fields of a pristine tree are still zero.
#include "ast.h"

static Stmt *clone_stmt(Stmt *s);

static void clone_exprs(ExprVec *v) {
    Expr **old = v->v;
    v->v = NULL;
    int n = v->n;
    v->n = v->cap = 0;
    for (int i = 0; i < n; i++)
        vec_push(v, ast_clone_expr(old[i]));
}

static Field *clone_field(Field *f) {
    Field *n = ast_field(f->pos);
    *n = *f;
    clone_exprs(&n->names);
    n->type = ast_clone_expr(f->type);
    return n;
}

static void clone_fields(FieldVec *v) {
    Field **old = v->v;
    int n = v->n;
    v->v = NULL;
    v->n = v->cap = 0;
    for (int i = 0; i < n; i++)
        vec_push(v, clone_field(old[i]));
}

static Block *clone_block(Block *b) {
    if (!b)
        return NULL;
    Block *n = ast_block(b->lbrace);
    *n = *b;
    n->scope = NULL;
    Stmt **old = b->stmts.v;
    n->stmts.v = NULL;
    n->stmts.n = n->stmts.cap = 0;
    for (int i = 0; i < b->stmts.n; i++)
        vec_push(&n->stmts, clone_stmt(old[i]));
    return n;
}

Expr *ast_clone_expr(Expr *e) {
    if (!e)
        return NULL;
    Expr *n = ast_expr(e->kind, e->pos);
    *n = *e;
    n->x = ast_clone_expr(e->x);
    n->y = ast_clone_expr(e->y);
    n->type = ast_clone_expr(e->type);
    clone_exprs(&n->args);
    if (ast_has_slice_fields(e)) {
        n->lo = ast_clone_expr(e->lo);
        n->hi = ast_clone_expr(e->hi);
        n->max = ast_clone_expr(e->max);
    } else if (ast_has_type_fields(e)) {
        n->len = ast_clone_expr(e->len);
        n->elt = ast_clone_expr(e->elt);
        n->key = ast_clone_expr(e->key);
        clone_fields(&n->fields);
        clone_fields(&n->results);
    } else if (ast_has_lit_fields(e)) {
        n->body = clone_block(e->body);
    }
    return n;
}

static Spec *clone_spec(Spec *s) {
    Spec *n = ast_spec(s->pos);
    *n = *s;
    clone_exprs(&n->names);
    n->type = ast_clone_expr(s->type);
    clone_exprs(&n->values);
    clone_fields(&n->tparams);
    n->objs = NULL;
    return n;
}

Spec *ast_clone_spec(Spec *s) {
    return clone_spec(s);
}

Decl *ast_clone_decl(Decl *d) {
    if (!d)
        return NULL;
    Decl *n = ast_decl(d->kind, d->pos);
    *n = *d;
    Spec **old = d->specs.v;
    n->specs.v = NULL;
    n->specs.n = n->specs.cap = 0;
    for (int i = 0; i < d->specs.n; i++)
        vec_push(&n->specs, clone_spec(old[i]));
    n->recv = d->recv ? clone_field(d->recv) : NULL;
    n->name = ast_clone_expr(d->name);
    n->ftype = ast_clone_expr(d->ftype);
    clone_fields(&n->tparams);
    n->body = clone_block(d->body);
    n->obj = NULL;
    return n;
}

static Stmt *clone_stmt(Stmt *s) {
    if (!s)
        return NULL;
    Stmt *n = ast_stmt(s->kind, s->pos);
    *n = *s;
    n->decl = ast_clone_decl(s->decl);
    n->body_stmt = clone_stmt(s->body_stmt);
    n->x = ast_clone_expr(s->x);
    n->y = ast_clone_expr(s->y);
    clone_exprs(&n->lhs);
    clone_exprs(&n->rhs);
    n->call = ast_clone_expr(s->call);
    clone_exprs(&n->results);
    n->body = clone_block(s->body);
    n->init = clone_stmt(s->init);
    n->els = clone_stmt(s->els);
    n->post = clone_stmt(s->post);
    clone_exprs(&n->list);
    n->comm = clone_stmt(s->comm);
    n->key = ast_clone_expr(s->key);
    n->value = ast_clone_expr(s->value);
    return n;
}
