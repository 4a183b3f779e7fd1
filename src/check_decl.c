// Declarations: lazy resolution of package-level objects (go/types' objDecl with a resolution
// path for cycle reports), constant and local declarations, method declarations and
// function bodies. Package-level state (scope, function, iota) is saved around a nested
// resolution, because resolving an object can start from deep inside a function body.
#include <stdio.h>

#include "buf.h"
#include "check_int.h"

void check_declare(Checker *c, Scope *s, Object *obj, Pos pos) {
    Object *prev = scope_insert(s, obj);
    if (!prev)
        return;
    char pbuf[256];
    if (prev->pos.file)
        check_errorf(c, pos, "%s redeclared in this block\n\t%s: other declaration of %s",
                     obj->name, pos_format(prev->pos, pbuf, sizeof pbuf), obj->name);
    else
        check_errorf(c, pos, "%s redeclared in this block", obj->name);
}

void check_record_dep(Checker *c, Object *obj) {
    DeclInfo *di = c->decl;
    if (!di || obj->pkg != c->pkg)
        return;
    for (int i = 0; i < di->deps.n; i++)
        if (di->deps.v[i] == obj)
            return;
    vec_push(&di->deps, obj);
}

Spec *check_const_values_spec(Checker *c, Spec *s, Spec *last) {
    Spec *vs = s->values.n || s->type || !last ? s : last;
    if (vs->values.n <= s->names.n)
        return vs;
    Expr *extra = vs->values.v[s->names.n];
    if (vs == s) {
        check_errorf(c, check_start(extra), "extra init expr %s", check_expr_str(extra));
    } else {
        char where[256];
        check_errorf(c, s->names.v[0]->pos, "extra init expr at %s",
                     pos_format(extra->pos, where, sizeof where));
    }
    return vs;
}

void check_const_decl(Checker *c, Object *obj, Spec *vs, bool inherited, int index, int iota) {
    ConstVal *saved = c->iota;
    const Pos *saved_errpos = c->errpos;
    c->iota = cv_int(iota);
    obj->type = INVALID_TYPE;
    Type *t = NULL;
    if (vs && vs->type) { // (an inherited type's error is the first constant's: not repeated)
        t = check_type(c, vs->type);
        Type *u = check_under(t);
        if (t->kind == K_INVALID || u->kind < K_BOOL || u->kind > K_STRING) {
            if (t->kind != K_INVALID && u->kind != K_INVALID)
                check_errorf(c, check_start(vs->type), "invalid constant type %s",
                             check_type_str(c, t));
            c->iota = saved;
            return; // no init expression checked, as types2
        }
    }
    if (inherited) // errors in the repeated expression are this constant's (go.dev/issue/42991)
        c->errpos = &obj->pos;
    if (!vs || index >= vs->values.n) {
        if (!vs || vs->values.n == 0 || index >= vs->values.n)
            check_errorf(c, obj->pos, "missing init expr for %s", obj->name);
        c->iota = saved;
        c->errpos = saved_errpos;
        return;
    }
    Expr *v = vs->values.v[index];
    check_expr(c, v);
    if (v->mode != MODE_INVALID && v->mode != MODE_CONST) {
        check_errorf(c, check_start(v), "%s is not constant", check_operand_str(c, v));
    } else if (v->mode == MODE_CONST) {
        if (t && t->kind != K_INVALID) {
            if (check_assignment(c, v, t, "constant declaration")) {
                obj->type = t;
                obj->cval = v->cval;
            }
        } else if (!t) {
            obj->type = v->tv;
            obj->cval = v->cval;
        }
    }
    c->iota = saved;
    c->errpos = saved_errpos;
}

static void resolve_var(Checker *c, DeclInfo *di) {
    Spec *s = di->spec;
    InitEntry *ie = di->init;
    if (s->embed && !check_embed_var(c, s))
        ie = NULL;
    if (ie) {
        ExprVec vals = {.v = ie->rhs, .n = ie->nrhs, .cap = ie->nrhs};
        check_var_init(c, ie->lhs, ie->nlhs, s->type, &vals, s->pos);
    } else {
        Object *lhs[1] = {di->obj};
        ExprVec none = {0};
        check_var_init(c, lhs, 1, s->type, &none, s->pos);
    }
}

static void resolve_func(Checker *c, DeclInfo *di) {
    Decl *d = di->decl;
    Object *fn = di->obj;
    if (d->recv) {
        check_method_decl(c, fn, d);
        return;
    }
    if (d->tparams.n) {
        fn->type = check_generic_signature(c, d, fn);
    } else if (check_refuse_tparams(c, &d->tparams)) {
        fn->type = INVALID_TYPE; // uses stay silent; the body is not checked
        return;
    } else {
        fn->type = check_signature(c, d->ftype, fn, NULL);
    }
    bool special = strcmp(fn->name, "init") == 0 ||
                   (strcmp(fn->name, "main") == 0 && strcmp(c->pkg->name, "main") == 0);
    if (special && (fn->type->nparams || fn->type->nresults))
        check_errorf(c, d->name->pos, "func %s must have no arguments and no return values",
                     fn->name);
    if (!d->body) {
        if (c->std)
            fn->native = check_sprintf("%s.%s", c->pkg->path, fn->name);
        else
            vec_push(&c->bodyless, d);
    }
}

// Where gc's syntax puts a function declaration: at the token after `func`, the name or
// a method's receiver '('.
static Pos func_decl_pos(Decl *d) {
    if (!d->recv)
        return d->name->pos;
    uint32_t len;
    const char *src = pos_file_text(d->pos.file, &len);
    Pos p = d->recv->pos;
    while (src && p.off > d->pos.off && p.off <= len && src[p.off] != '(')
        p.off--;
    return p;
}

void check_report_bodyless(Checker *c) {
    for (int i = 0; i < c->bodyless.n; i++)
        check_errorf(c, func_decl_pos(c->bodyless.v[i]), "missing function body");
    c->bodyless.n = 0;
}

void check_report_init_cycle(Checker *c, Object **cycle, int n) {
    if (n == 1) {
        check_errorf(c, cycle[0]->pos, "initialization cycle: %s refers to itself",
                     cycle[0]->name);
        return;
    }
    char pbuf[256];
    Buf b = {0};
    buf_printf(&b, "initialization cycle for %s", cycle[0]->name);
    for (int i = 0; i <= n; i++) {
        Object *o = cycle[i % n];
        buf_printf(&b, "\n\t%s: %s%s", pos_format(o->pos, pbuf, sizeof pbuf), o->name,
                   i < n ? " refers to" : "");
    }
    check_errorf(c, cycle[0]->pos, "%s", buf_cstr(&b));
}

// A declaration cycle through constants and variables only is gc's initialization cycle
// (variables are reported by the package's init order, constants here); any other is
// invalid.
static void decl_cycle(Checker *c, Object *obj) {
    int start = c->path.n;
    for (int i = 0; i < c->path.n; i++)
        if (c->path.v[i] == obj)
            start = i;
    bool values = start < c->path.n;
    for (int i = start; i < c->path.n; i++)
        values &= c->path.v[i]->kind == OBJ_CONST || c->path.v[i]->kind == OBJ_VAR;
    if (!values)
        check_errorf(c, obj->pos, "invalid cycle in declaration of %s", obj->name);
    else if (obj->kind == OBJ_CONST)
        check_report_init_cycle(c, &c->path.v[start], c->path.n - start);
}

void check_obj_decl(Checker *c, Object *obj) {
    DeclInfo *di = ptrmap_get(&c->infos, obj);
    if (!di || di->state == DS_DONE)
        return;
    if (di->state == DS_ACTIVE) {
        if (obj->kind == OBJ_CONST || (obj->kind == OBJ_VAR && !obj->type)) {
            if (!obj->type || obj->type->kind == K_INVALID)
                decl_cycle(c, obj);
            obj->type = INVALID_TYPE;
        }
        if (obj->kind == OBJ_FUNC && !obj->type)
            obj->type = INVALID_TYPE;
        return;
    }
    Checker saved = *c;
    c->scope = di->file_scope ? di->file_scope : c->file_scope;
    c->fn = NULL;
    c->decl = di;
    c->iota = NULL;
    c->errpos = NULL;
    di->state = DS_ACTIVE;
    vec_push(&c->path, obj);
    switch (di->kind) {
    case D_CONST:
        check_const_decl(c, obj, di->values_spec, di->values_spec != di->spec, di->index,
                         di->spec->iota);
        break;
    case D_VAR: resolve_var(c, di); break;
    case D_TYPE: c->path.n--; check_type_spec(c, obj, di->spec); vec_push(&c->path, obj); break;
    case D_FUNC: resolve_func(c, di); break;
    default: break;
    }
    c->path.n--;
    di->state = DS_DONE;
    if (di->init)
        for (int i = 0; i < di->init->nlhs; i++) {
            DeclInfo *o = di->init->lhs[i] ? ptrmap_get(&c->infos, di->init->lhs[i]) : NULL;
            if (o)
                o->state = DS_DONE;
        }
    c->scope = saved.scope;
    c->fn = saved.fn;
    c->decl = saved.decl;
    c->iota = saved.iota;
    c->errpos = saved.errpos;
}

// ---- methods ----

static Type *receiver_base(Checker *c, Field *rf, bool *ptr) {
    Expr *te = ast_unparen(rf->type);
    Pos at = rf->names.n ? rf->names.v[0]->pos : check_start(rf->type);
    *ptr = false;
    if (te->kind == E_STAR) {
        *ptr = true;
        te = ast_unparen(te->x);
    }
    if (te->kind == E_INDEX) {
        check_errorf(c, check_start(te->y), "type parameters are not supported by gol");
        return NULL;
    }
    Type *t = check_type(c, te);
    if (t->kind == K_INVALID)
        return NULL;
    if (!t->name || !t->obj || t->pkg != c->pkg) {
        if (t->name && t->pkg != c->pkg)
            check_errorf(c, at, "cannot define new methods on non-local type %s",
                         check_type_str(c, t));
        else
            check_errorf(c, at, "invalid receiver type %s", check_type_str(c, t));
        return NULL;
    }
    if (t->kind == K_POINTER || t->kind == K_INTERFACE) {
        check_errorf(c, at, "invalid receiver type %s (pointer or interface type)",
                     check_type_str(c, t));
        return NULL;
    }
    return t;
}

static void attach_method(Checker *c, Type *base, Object *fn, Decl *d) {
    char pbuf[256];
    if (strcmp(fn->name, "_") == 0)
        return;
    for (int i = 0; i < base->methods.n; i++) {
        Object *m = base->methods.v[i];
        if (strcmp(m->name, fn->name) == 0) {
            check_errorf(c, d->name->pos, "method %s.%s already declared at %s", base->name,
                         fn->name, pos_format(m->pos, pbuf, sizeof pbuf));
            return;
        }
    }
    Type *u = check_under(base);
    if (u->kind == K_STRUCT) {
        for (int i = 0; i < u->nfields; i++) {
            if (strcmp(u->fields[i].name, fn->name) == 0) {
                check_errorf(c, d->name->pos,
                             "field and method with the same name %s\n\t%s: other declaration "
                             "of %s",
                             fn->name, pos_format(u->fields[i].obj->pos, pbuf, sizeof pbuf),
                             fn->name);
                return;
            }
        }
    }
    vec_push(&base->methods, fn);
}

void check_method_decl(Checker *c, Object *fn, Decl *d) {
    if (fn->generic) {
        check_generic_method_decl(c, fn, d);
        return;
    }
    Field *rf = d->recv;
    bool ptr = false;
    Type *base = receiver_base(c, rf, &ptr);
    check_refuse_tparams(c, &d->tparams);
    Type *rt = base ? (ptr ? type_pointer(base) : base) : INVALID_TYPE;
    Expr *rid = rf->names.n ? rf->names.v[0] : NULL;
    Object *r = obj_new(OBJ_VAR, rid ? rid->name : "", rid ? rid->pos : rf->pos, rt);
    r->is_param = true;
    r->owner = fn;
    r->used = true;
    if (rid)
        rid->obj = r;
    fn->recv = r;
    fn->recv_type = rt;
    fn->ptr_recv = ptr;
    fn->type = check_signature(c, d->ftype, fn, NULL);
    if (base)
        attach_method(c, base, fn, d);
    if (!d->body) {
        if (c->std && base)
            fn->native = check_sprintf("%s.%s.%s", c->pkg->path, base->name, fn->name);
        else if (!c->std)
            vec_push(&c->bodyless, d);
    }
}

// ---- function bodies ----

void check_func_body(Checker *c, Object *fn, Expr *ftype, Block *body, Object *recv) {
    FuncCtx ctx = {.func = fn, .sig = fn->type, .outer = c->fn};
    Scope *saved_scope = c->scope;
    FuncCtx *saved_fn = c->fn;
    c->fn = &ctx;
    Scope *s = scope_new(c->scope, fn);
    s->is_func_scope = true;
    body->scope = s;
    vec_push(&ctx.scopes, s);
    c->scope = s;
    if (recv && recv->name[0])
        check_declare(c, s, recv, recv->pos);
    for (int i = 0; i < fn->params.n; i++)
        if (fn->params.v[i]->name[0])
            check_declare(c, s, fn->params.v[i], fn->params.v[i]->pos);
    for (int i = 0; i < fn->results.n; i++)
        if (fn->results.v[i]->name[0])
            check_declare(c, s, fn->results.v[i], fn->results.v[i]->pos);
    vec_push(&c->pkg->funcs, fn);
    check_share_note_func(c->pkg, fn);
    check_collect_labels(c, body);
    check_stmt_list(c, &body->stmts);
    if (fn->type->kind == K_FUNC && fn->type->nresults > 0 && !check_list_terminating(&body->stmts))
        check_errorf(c, body->rbrace, "missing return");
    check_report_labels(c);
    if (c->report_unused)
        check_report_unused(c, &ctx);
    GOL_UNUSED(ftype);
    c->scope = saved_scope;
    c->fn = saved_fn;
}

// ---- local declarations ----

static void local_const(Checker *c, Decl *d) {
    Spec *last = NULL;
    for (int i = 0; i < d->specs.n; i++) {
        Spec *s = d->specs.v[i];
        last = check_const_values_spec(c, s, last);
        s->objs = gc_alloc(sizeof(Object *) * (size_t)(s->names.n + 1));
        for (int k = 0; k < s->names.n; k++) {
            Expr *id = s->names.v[k];
            Object *o = obj_new(OBJ_CONST, id->name, id->pos, NULL);
            o->pkg = c->pkg;
            id->obj = o;
            s->objs[k] = o;
            check_const_decl(c, o, last, last != s, k, s->iota);
        }
        for (int k = 0; k < s->names.n; k++)
            check_declare(c, c->scope, s->objs[k], s->objs[k]->pos);
    }
}

static Object *new_local_var(Checker *c, Expr *id) {
    Object *o = obj_new(OBJ_VAR, id->name, id->pos, NULL);
    o->pkg = c->pkg;
    o->owner = c->fn ? c->fn->func : NULL;
    id->obj = strcmp(id->name, "_") == 0 ? NULL : o;
    return o;
}

static void local_var(Checker *c, Decl *d) {
    for (int i = 0; i < d->specs.n; i++) {
        Spec *s = d->specs.v[i];
        s->objs = gc_alloc(sizeof(Object *) * (size_t)(s->names.n + 1));
        for (int k = 0; k < s->names.n; k++)
            s->objs[k] = new_local_var(c, s->names.v[k]);
        check_var_init(c, s->objs, s->names.n, s->type, &s->values, s->pos);
        for (int k = 0; k < s->names.n; k++)
            check_declare(c, c->scope, s->objs[k], s->objs[k]->pos);
    }
}

static void local_type(Checker *c, Decl *d) {
    for (int i = 0; i < d->specs.n; i++) {
        Spec *s = d->specs.v[i];
        Expr *id = s->names.v[0];
        Object *o = obj_new(OBJ_TYPE, id->name, id->pos, NULL);
        o->pkg = c->pkg;
        o->owner = c->fn ? c->fn->func : NULL;
        id->obj = o;
        s->objs = gc_alloc(sizeof(Object *));
        s->objs[0] = o;
        if (!s->alias)
            o->type = type_named(id->name, c->pkg, o);
        if (s->tparams.n) // a local generic type
            check_generic_collect(c, o, NULL, s);
        check_declare(c, c->scope, o, id->pos);
        check_type_spec(c, o, s);
    }
}

void check_decl_stmt(Checker *c, Decl *d) {
    switch (d->kind) {
    case D_CONST: local_const(c, d); break;
    case D_VAR: local_var(c, d); break;
    case D_TYPE: local_type(c, d); break;
    default: break;
    }
}
