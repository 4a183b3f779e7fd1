// Type expressions: named types, pointers, arrays, slices, maps, channels, signatures,
// structs and interfaces, and type declarations (named types, aliases, recursive types).
// A named type under construction is incomplete; using it where its size is needed (struct
// field, array element, embedded interface, underlying type) is an invalid recursive type.
#include <stdio.h>

#include "buf.h"
#include "check_int.h"

// Invalid after an error (an incomplete named type under construction is not invalid).
static bool invalid(Type *t) {
    return t->kind == K_INVALID && !t->incomplete;
}

bool check_refuse_tparams(Checker *c, FieldVec *tparams) {
    if (tparams->n == 0)
        return false;
    Field *f = tparams->v[0];
    Pos p = f->names.n ? f->names.v[0]->pos : f->pos;
    check_errorf(c, p, "type parameters are not supported by gol");
    return true;
}

// "invalid recursive type" for the cycle of types being resolved that ends at [t]. An
// instance of a generic type that refers to itself is reported where it does so ([at], the
// type expression), as types2 does; a declared type at its name.
static void report_cycle(Checker *c, Type *t, Pos at) {
    int start = c->path.n;
    for (int i = 0; i < c->path.n; i++)
        if (c->path.v[i] == t->obj)
            start = i;
    if (start == c->path.n || !t->obj) {
        check_errorf(c, t->obj ? t->obj->pos : POS_NONE, "invalid recursive type %s", t->name);
        return;
    }
    Object *first = c->path.v[start];
    int n = c->path.n - start;
    if (n == 1) {
        check_errorf(c, t->targs && at.file ? at : first->pos,
                     "invalid recursive type: %s refers to itself", first->name);
        return;
    }
    Buf b = {0};
    buf_printf(&b, "invalid recursive type %s", first->name);
    char pbuf[256];
    for (int i = 0; i < n; i++) {
        Object *o = c->path.v[start + i];
        buf_printf(&b, "\n\t%s: %s refers to", pos_format(o->pos, pbuf, sizeof pbuf), o->name);
    }
    buf_printf(&b, "\n\t%s: %s", pos_format(first->pos, pbuf, sizeof pbuf), first->name);
    check_errorf(c, first->pos, "%s", buf_cstr(&b));
}

Type *check_complete(Checker *c, Type *t, Pos at) {
    if (t->incomplete) {
        report_cycle(c, t, at);
        return INVALID_TYPE;
    }
    return t;
}

static Type *check_type_indirect(Checker *c, Expr *e);

static Type *array_type(Checker *c, Expr *e) {
    Type *elem = check_type(c, e->elt);
    Expr *len = e->len;
    if (len->kind == E_ELLIPSIS) {
        check_errorf(c, len->pos, "invalid use of [...] array (outside a composite literal)");
        return INVALID_TYPE;
    }
    if (len->kind == E_IDENT) { // gc names these before checking (and leaves n unused)
        Object *o = scope_lookup(c->scope, len->name, NULL);
        if (!o) {
            check_errorf(c, len->pos, "undefined array length %s or missing type constraint",
                         len->name);
            return INVALID_TYPE;
        }
        if (o->kind != OBJ_CONST) {
            check_errorf(c, len->pos, "invalid array length %s", len->name);
            return INVALID_TYPE;
        }
    }
    check_expr(c, len);
    if (len->mode == MODE_INVALID)
        return INVALID_TYPE;
    if (len->mode != MODE_CONST) {
        check_errorf(c, check_start(len), "array length %s must be constant",
                     check_operand_str(c, len));
        return INVALID_TYPE;
    }
    if (type_is_untyped(len->tv) || type_is_integer(len->tv)) {
        ConstVal *v = cv_to_int(len->cval->kind == CV_FLOAT ? len->cval : len->cval);
        if (v && cv_sign(v) >= 0 && v->small) {
            if (type_is_untyped(len->tv))
                check_update_type(c, len, types_basic[K_INT]);
            elem = check_complete(c, elem, check_start(e->elt));
            return elem->kind == K_INVALID ? elem : type_array(elem, v->i);
        }
    }
    // gc: a negative or too large integer is "invalid", anything else "must be integer"
    check_errorf(c, check_start(len), type_is_integer(len->tv) ? "invalid array length %s" :
                 "array length %s must be integer", check_operand_str(c, len));
    return INVALID_TYPE;
}

static Type *map_type(Checker *c, Expr *e) {
    Type *key = check_type(c, e->key);
    Type *elem = check_type(c, e->elt);
    if (invalid(key) || invalid(elem))
        return INVALID_TYPE;
    if (!key->incomplete && !type_is_comparable(key)) {
        check_errorf(c, check_start(e->key), "invalid map key type %s", check_type_str(c, key));
        return INVALID_TYPE;
    }
    return type_map(key, elem);
}

static Type *field_list_types(Checker *c, FieldVec *fl, Object *fn, Scope *scope, bool results,
                              Type ***out, int *nout, bool *variadic) {
    VEC(Type *) ts = {0};
    for (int i = 0; i < fl->n; i++) {
        Field *f = fl->v[i];
        Expr *te = f->type;
        bool dots = te->kind == E_ELLIPSIS;
        if (dots) {
            if (results || i != fl->n - 1 || f->names.n > 1)
                check_errorf(c, te->pos, "can only use ... with final parameter in list");
            else
                *variadic = true;
        }
        Type *t = check_type(c, dots ? te->elt : te);
        if (dots)
            t = type_slice(t);
        int nnames = f->names.n ? f->names.n : 1;
        for (int k = 0; k < nnames; k++) {
            vec_push(&ts, t);
            if (!fn)
                continue;
            Expr *id = f->names.n ? f->names.v[k] : NULL;
            Object *o = obj_new(OBJ_VAR, id ? id->name : "", id ? id->pos : f->pos, t);
            o->is_param = !results;
            o->is_result = results;
            o->owner = fn;
            o->used = true;
            if (id)
                id->obj = o;
            if (results)
                vec_push(&fn->results, o);
            else
                vec_push(&fn->params, o);
            if (id && scope)
                check_declare(c, scope, o, id->pos);
        }
    }
    *out = ts.v;
    *nout = ts.n;
    return NULL;
}

Type *check_signature(Checker *c, Expr *ftype, Object *fn, Scope *scope) {
    Type **params, **results;
    int np, nr;
    bool variadic = false;
    field_list_types(c, &ftype->fields, fn, scope, false, &params, &np, &variadic);
    field_list_types(c, &ftype->results, fn, scope, true, &results, &nr, &variadic);
    return type_func(params, np, results, nr, variadic);
}

static const char *embedded_name(Expr *te) {
    te = ast_unparen(te);
    if (te->kind == E_STAR)
        te = ast_unparen(te->x);
    if (te->kind == E_INDEX) // an embedded generic type Stack[T] is named Stack
        te = ast_unparen(te->x);
    if (te->kind == E_IDENT || te->kind == E_SELECTOR)
        return te->name;
    return "?";
}

typedef VEC(TField) TFieldVec;
typedef VEC(IMethod) IMethodVec;

static bool dup_field(Checker *c, TFieldVec *fs, const char *name, Pos pos) {
    if (strcmp(name, "_") == 0)
        return false;
    for (int i = 0; i < fs->n; i++) {
        if (strcmp(fs->v[i].name, name) == 0) {
            check_errorf(c, pos, "%s redeclared", name);
            return true;
        }
    }
    return false;
}

static void add_field(Checker *c, TFieldVec *fs, const char *name, Pos pos, Type *t,
                      bool embedded, const char *tag) {
    if (dup_field(c, fs, name, pos))
        return;
    Object *o = obj_new(OBJ_VAR, name, pos, t);
    o->is_field = true;
    o->pkg = c->pkg;
    TField f = {.name = name, .type = t, .embedded = embedded, .tag = tag, .pkg = c->pkg,
                .obj = o};
    vec_push(fs, f);
}

// Unquote a struct tag literal (raw or interpreted string).
static const char *tag_text(const char *lit) {
    if (!lit)
        return NULL;
    const char *err = NULL;
    ConstVal *v = cv_from_literal(E_STRINGLIT, lit, &err);
    return v ? cv_str(v) : lit;
}

static Type *struct_type(Checker *c, Expr *e) {
    TFieldVec fs = {0};
    for (int i = 0; i < e->fields.n; i++) {
        Field *f = e->fields.v[i];
        Type *t = check_type(c, f->type);
        // a named field only needs its type's size, which an interface under construction
        // has (reflect's Type refers to StructField, whose Type field is a Type)
        if (!(t->incomplete && t->kind == K_INTERFACE && f->names.n > 0))
            t = check_complete(c, t, check_start(f->type));
        const char *tag = tag_text(f->tag);
        if (f->names.n == 0) {
            Type *base = t->kind == K_POINTER && !t->name ? t->elem : t;
            if (t->kind == K_POINTER && !t->name && base->kind == K_INTERFACE)
                check_errorf(c, check_start(f->type),
                             "embedded field type cannot be a pointer to an interface");
            else if (base->kind == K_POINTER)
                check_errorf(c, check_start(f->type),
                             "embedded field type cannot be a pointer");
            add_field(c, &fs, embedded_name(f->type), check_start(f->type), t, true, tag);
            continue;
        }
        for (int k = 0; k < f->names.n; k++)
            add_field(c, &fs, f->names.v[k]->name, f->names.v[k]->pos, t, false, tag);
    }
    for (int i = 0; i < fs.n; i++)
        if (fs.v[i].type->kind == K_INVALID)
            return INVALID_TYPE;
    return type_struct(fs.v, fs.n);
}

static void add_imethod(Checker *c, IMethodVec *ms, IMethod m, Pos pos, bool embedded) {
    for (int i = 0; i < ms->n; i++) {
        if (strcmp(ms->v[i].name, m.name) == 0) {
            if (embedded && ms->v[i].sig == m.sig)
                return;
            check_errorf(c, pos, "duplicate method %s", m.name);
            return;
        }
    }
    vec_push(ms, m);
}

// Explicit methods are collected before embedded ones (as gc does), so an embedded method
// may repeat an explicit one with an identical signature in either order.
static Type *iface_type(Checker *c, Expr *e) {
    IMethodVec ms = {0};
    bool has_terms = false;
    for (int i = 0; i < e->fields.n; i++) {
        Field *f = e->fields.v[i];
        if (f->names.n) {
            Expr *id = f->names.v[0];
            Object *m = obj_new(OBJ_FUNC, id->name, id->pos, NULL);
            m->is_iface_method = true;
            m->pkg = c->pkg;
            m->type = check_signature(c, f->type, NULL, NULL);
            id->obj = m;
            add_imethod(c, &ms, (IMethod){id->name, m->type, c->pkg, m}, id->pos, false);
        }
    }
    for (int i = 0; i < e->fields.n; i++) {
        Field *f = e->fields.v[i];
        if (f->names.n)
            continue;
        Expr *te = ast_unparen(f->type);
        if ((te->kind == E_BINARY && te->op == OP_OR) || (te->kind == E_UNARY)) {
            has_terms = true;
            continue;
        }
        c->in_constraint++;
        Type *t = check_type(c, f->type);
        c->in_constraint--;
        t = check_complete(c, t, check_start(f->type)); // one embedding itself: a cycle
        if (t == types_comparable || (t->kind != K_INTERFACE && t->kind != K_INVALID) ||
            (t->kind == K_INTERFACE && (t->under->nterms || t->under->cmp_constraint)))
            has_terms = true;
        if (t->kind != K_INTERFACE)
            continue;
        for (int k = 0; k < t->nimethods; k++)
            add_imethod(c, &ms, t->imethods[k], check_start(f->type), true);
    }
    Type *it = type_interface(ms.v, ms.n);
    if (has_terms)
        it = check_constraint_iface(c, it, &e->fields);
    for (int k = 0; k < it->nimethods; k++)
        if (!it->imethods[k].obj->recv_type)
            it->imethods[k].obj->recv_type = it;
    return it;
}

static Type *chan_type(Checker *c, Expr *e) {
    Type *elem = check_type(c, e->elt);
    return invalid(elem) ? elem : type_chan(elem, e->dir);
}

// A name or selector that denotes no type where one is wanted: "x is not a type" without
// evaluating it further (types2 since Go 1.23, go.dev/issue/65344), true. A variable so named
// counts as used; a package does not. A package-qualified name is checked as before.
static bool not_a_type(Checker *c, Expr *e) {
    if (e->kind == E_IDENT) {
        Object *o = scope_lookup(c->scope, e->name, NULL);
        if (!o || o->kind == OBJ_TYPE || o->kind == OBJ_BAD)
            return false;
        if (o->kind == OBJ_VAR && o->pkg == c->pkg)
            o->used = true;
        check_errorf(c, e->pos, "%s is not a type", e->name);
        return true;
    }
    Expr *x = ast_unparen(e->x);
    if (x->kind == E_IDENT) {
        Object *o = scope_lookup(c->scope, x->name, NULL);
        if (!o || o->kind == OBJ_PKG)
            return false;
    }
    check_expr(c, e->x);
    if (e->x->mode != MODE_INVALID && e->x->mode != MODE_TYPE)
        check_errorf(c, check_sel_pos(e), "%s is not a type", check_expr_str(e));
    return e->x->mode != MODE_TYPE;
}

static Type *named_type(Checker *c, Expr *e) {
    if (not_a_type(c, e))
        return INVALID_TYPE;
    if (e->kind == E_IDENT)
        check_raw(c, e, NULL);
    else
        check_selector(c, e);
    switch (e->mode) {
    case MODE_TYPE:
        if (e->tv->under && (e->tv->under->nterms || e->tv->under->cmp_constraint) &&
            !c->std && !c->in_constraint) { // constraints: library only
            check_errorf(c, check_start(e), "cannot use type %s outside a type constraint: "
                         "interface contains type constraints", check_type_str(c, e->tv));
            return INVALID_TYPE;
        }
        return e->tv;
    case MODE_INVALID:
        return INVALID_TYPE;
    case MODE_NOVALUE:
        check_errorf(c, check_start(e), "%s used as type", check_operand_str(c, e));
        return INVALID_TYPE;
    default:
        check_errorf(c, check_start(e), "%s is not a type", check_operand_str(c, e));
        return INVALID_TYPE;
    }
}

static Type *type_internal(Checker *c, Expr *e) {
    switch (e->kind) {
    case E_IDENT: case E_SELECTOR: return named_type(c, e);
    case E_PAREN: return check_type(c, e->x);
    case E_STAR: {
        Type *t = check_type_indirect(c, e->x);
        return invalid(t) ? t : type_pointer(t);
    }
    case E_ARRAYTYPE:
        if (!e->len) {
            Type *t = check_type_indirect(c, e->elt);
            return invalid(t) ? t : type_slice(t);
        }
        return array_type(c, e);
    case E_MAPTYPE: return map_type(c, e);
    case E_CHANTYPE: return chan_type(c, e);
    case E_FUNCTYPE: return check_signature(c, e, NULL, NULL);
    case E_STRUCTTYPE: return struct_type(c, e);
    case E_IFACETYPE: return iface_type(c, e);
    case E_INDEX:
        if (check_generic_type_index(c, e))
            return e->tv;
        check_raw(c, e->x, NULL); // an undefined name is reported as such (types2)
        if (e->x->mode == MODE_TYPE)
            check_errorf(c, check_start(e->x), "invalid operation: %s (%s is not a generic type)",
                         check_expr_str(e), check_type_str(c, e->x->tv));
        else if (e->x->mode != MODE_INVALID)
            check_errorf(c, check_start(e->x), "%s is not a type", check_expr_str(e->x));
        return INVALID_TYPE;
    case E_ELLIPSIS:
        check_errorf(c, e->pos, "invalid use of ...");
        return INVALID_TYPE;
    default:
        check_raw(c, e, NULL);
        if (e->mode == MODE_TYPE)
            return e->tv;
        if (e->mode != MODE_INVALID) // gc prints the expression here, not the operand
            check_errorf(c, check_start(e), "%s is not a type", check_expr_str(e));
        return INVALID_TYPE;
    }
}

Type *check_type(Checker *c, Expr *e) {
    bool saved = c->indirect;
    c->indirect = false;
    Type *t = type_internal(c, e);
    c->indirect = saved;
    e->mode = invalid(t) ? MODE_INVALID : MODE_TYPE;
    e->tv = t;
    return t;
}

// A type behind a pointer or slice: its size is not needed now.
static Type *check_type_indirect(Checker *c, Expr *e) {
    bool saved = c->indirect;
    c->indirect = true;
    Type *t = type_internal(c, e);
    c->indirect = saved;
    e->mode = invalid(t) ? MODE_INVALID : MODE_TYPE;
    e->tv = t;
    return t;
}

// The kind of a reference type literal (pointer, slice, map, chan, func), else K_INVALID.
static Kind ref_literal_kind(Expr *e) {
    e = ast_unparen(e);
    switch (e->kind) {
    case E_STAR: return K_POINTER;
    case E_ARRAYTYPE: return e->len ? K_INVALID : K_SLICE;
    case E_MAPTYPE: return K_MAP;
    case E_CHANTYPE: return K_CHAN;
    case E_FUNCTYPE: return K_FUNC;
    default: return K_INVALID;
    }
}

// `type T U` met while U is still being resolved (T is used inside U's declaration, as in
// type U *[10]T; type T U): when U is a reference type literal, T's layout is known now and
// it takes U's underlying type once U is done (go/types resolves underlying types lazily).
static bool defer_underlying(Checker *c, Type *named, Type *u) {
    DeclInfo *di = u->obj ? ptrmap_get(&c->infos, u->obj) : NULL;
    if (!di || !di->spec || di->spec->alias || !di->spec->type)
        return false;
    Kind k = ref_literal_kind(di->spec->type);
    if (k == K_INVALID)
        return false;
    named->kind = k;
    named->slots = 1;
    named->has_ptrs = true;
    named->comparable = k == K_POINTER || k == K_CHAN;
    named->incomplete = false;
    vec_push(&c->under_pending, named);
    vec_push(&c->under_pending, u);
    return true;
}

// [named] got its underlying type: so do the types waiting for it.
static void resolve_pending(Checker *c, Type *named) {
    for (int i = 0; i + 1 < c->under_pending.n; i += 2) {
        if (c->under_pending.v[i + 1] != named)
            continue;
        Type *t = c->under_pending.v[i];
        c->under_pending.v[i + 1] = NULL;
        type_set_underlying(t, named);
        resolve_pending(c, t);
    }
}

void check_type_spec(Checker *c, Object *obj, Spec *spec) {
    if (spec->tparams.n) {
        check_generic_type_spec(c, obj, spec);
        return;
    }
    if (spec->alias) {
        obj->type = INVALID_TYPE;
        obj->type = check_type(c, spec->type);
        return;
    }
    Type *named = obj->type;
    if (spec->type->kind == E_IFACETYPE) { // its size is known before its methods are
        named->kind = K_INTERFACE;
        named->has_ptrs = named->comparable = true;
    }
    vec_push(&c->path, obj);
    Type *u = check_type(c, spec->type);
    c->path.n--;
    if (u->incomplete && defer_underlying(c, named, u))
        return;
    if (u->incomplete) {
        vec_push(&c->path, obj);
        u = check_complete(c, u, check_start(spec->type));
        c->path.n--;
    }
    type_set_underlying(named, u);
    resolve_pending(c, named);
}
