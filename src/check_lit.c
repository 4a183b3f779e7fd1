// Composite literals (structs keyed or positional, arrays including [...]T, slices, maps, with
// elided element types taken from the enclosing literal) and function literals (an anonymous
// OBJ_FUNC whose body is checked at once, collecting captured variables).
#include "check_int.h"
#include "hashset.h"

static void struct_keyed(Checker *c, Expr *e, Type *base, Type *shown) {
    Type *u = check_under(base);
    e->field_index = gc_alloc_atomic(sizeof(int) * (size_t)(e->args.n + 1));
    bool *seen = gc_alloc_atomic(sizeof(bool) * (size_t)(u->nfields + 1));
    for (int i = 0; i < e->args.n; i++) {
        Expr *kv = e->args.v[i];
        e->field_index[i] = -1;
        if (kv->kind != E_KEYVALUE) {
            check_errorf(c, check_start(kv),
                         "mixture of field:value and value elements in struct literal");
            check_expr(c, kv);
            continue;
        }
        Expr *key = kv->x;
        if (key->kind != E_IDENT) {
            check_errorf(c, check_start(key), "invalid field name %s in struct literal",
                         check_expr_str(key));
            check_expr(c, kv->y);
            continue;
        }
        int idx = -1;
        for (int k = 0; k < u->nfields; k++)
            if (strcmp(u->fields[k].name, key->name) == 0)
                idx = k;
        if (idx < 0 || (!u->fields[idx].exported && u->fields[idx].pkg != c->pkg)) {
            check_errorf(c, key->pos, idx < 0 ? "unknown field %s in struct literal of type %s"
                         : "cannot refer to unexported field %s in struct literal of type %s",
                         key->name, check_type_str(c, shown));
            check_expr(c, kv->y);
            continue;
        }
        key->obj = u->fields[idx].obj;
        e->field_index[i] = idx;
        if (seen[idx]) {
            check_errorf(c, key->pos, "duplicate field name %s in struct literal", key->name);
            check_expr(c, kv->y);
            continue;
        }
        seen[idx] = true;
        check_expr_hint(c, kv->y, u->fields[idx].type);
        check_assignment(c, kv->y, u->fields[idx].type, "struct literal");
    }
}

static void struct_positional(Checker *c, Expr *e, Type *base, Type *shown) {
    Type *u = check_under(base);
    for (int i = 0; i < e->args.n; i++) {
        Expr *v = e->args.v[i];
        if (v->kind == E_KEYVALUE) {
            check_errorf(c, check_start(v),
                         "mixture of field:value and value elements in struct literal");
            check_expr(c, v->y);
            continue;
        }
        if (i >= u->nfields) {
            check_expr(c, v);
            check_errorf(c, check_start(v), "too many values in struct literal of type %s",
                         check_type_str(c, shown));
            return;
        }
        TField *f = &u->fields[i];
        check_expr_hint(c, v, f->type);
        if (!f->exported && f->pkg != c->pkg && !e->embed_init) {
            check_errorf(c, check_start(v), "implicit assignment to unexported field %s in "
                         "struct literal of type %s", f->name, check_type_str(c, shown));
            continue;
        }
        check_assignment(c, v, f->type, "struct literal");
    }
    if (e->args.n > 0 && e->args.n < u->nfields)
        check_errorf(c, e->rbrace, "too few values in struct literal of type %s",
                     check_type_str(c, shown));
}

// Elements of an array or slice literal; returns the length (max index + 1).
static int64_t indexed_elts(Checker *c, ExprVec *elts, Type *elem, int64_t length) {
    int64_t index = 0, max = 0;
    HashSet seen = {0};
    for (int i = 0; i < elts->n; i++) {
        Expr *e = elts->v[i], *val = e;
        bool valid = false;
        if (e->kind == E_KEYVALUE) {
            int64_t k = check_index_value(c, e->x, length, false);
            if (k >= 0) {
                index = k;
                valid = true;
            } else if (k == -1) {
                check_errorf(c, check_start(e->x), "index %s must be integer constant",
                             check_expr_str(e->x));
            }
            val = e->y;
        } else if (length >= 0 && index >= length) {
            check_errorf(c, check_start(e), "index %lld is out of bounds (>= %lld)",
                         (long long)index, (long long)length);
        } else {
            valid = true;
        }
        // Without keys the indices only grow: a duplicate needs an index below max.
        if (valid && index < max && hashset_add(&seen, (uint64_t)index, NULL, NULL))
            check_errorf(c, check_start(e), "duplicate index %lld in array or slice literal",
                         (long long)index);
        else if (valid && index >= max)
            hashset_add(&seen, (uint64_t)index, NULL, NULL);
        index++;
        if (index > max)
            max = index;
        check_expr_hint(c, val, elem);
        check_assignment(c, val, elem, "array or slice literal");
    }
    return max;
}

static void map_elts(Checker *c, Expr *e, Type *u) {
    HashSet keys = {0};
    for (int i = 0; i < e->args.n; i++) {
        Expr *kv = e->args.v[i];
        if (kv->kind != E_KEYVALUE) {
            check_errorf(c, check_start(kv), "missing key in map literal");
            check_expr(c, kv);
            continue;
        }
        check_expr_hint(c, kv->x, u->key);
        if (check_assignment(c, kv->x, u->key, "map literal") && kv->x->mode == MODE_CONST &&
            hashset_add(&keys, check_const_key_hash(kv->x), kv->x, check_const_key_same))
            check_errorf(c, check_start(kv->x), "duplicate key %s in map literal",
                         cv_string_repr(kv->x->cval));
        check_expr_hint(c, kv->y, u->elem);
        check_assignment(c, kv->y, u->elem, "map literal");
    }
}

// The literal's type: explicit, [...]T, or elided (from [hint]).
static Type *literal_type(Checker *c, Expr *e, Type *hint, Type **base) {
    if (e->type) {
        Expr *t = e->type;
        if (t->kind == E_ARRAYTYPE && t->len && t->len->kind == E_ELLIPSIS) {
            Type *elem = check_type(c, t->elt);
            if (elem->kind == K_INVALID)
                return elem;
            int64_t n = indexed_elts(c, &e->args, elem, -1);
            Type *at = type_array(elem, n);
            t->mode = MODE_TYPE;
            t->tv = at;
            *base = NULL; // elements already checked
            return at;
        }
        *base = check_type(c, t);
        return *base;
    }
    if (!hint) {
        check_errorf(c, check_start(e), "invalid composite literal type: missing type");
        return INVALID_TYPE;
    }
    e->implicit_type = hint;
    Type *u = check_under(hint);
    *base = u->kind == K_POINTER ? u->elem : hint;
    return hint;
}

void check_composite(Checker *c, Expr *e, Type *hint) {
    Type *base = NULL;
    Type *t = literal_type(c, e, hint, &base);
    if (t->kind == K_INVALID) {
        for (int i = 0; i < e->args.n; i++)
            if (e->args.v[i]->kind != E_KEYVALUE)
                check_raw(c, e->args.v[i], NULL);
        return;
    }
    if (base) {
        Type *u = check_under(base);
        switch (u->kind) {
        case K_STRUCT:
            if (e->args.n > 0 && e->args.v[0]->kind == E_KEYVALUE)
                struct_keyed(c, e, base, base);
            else
                struct_positional(c, e, base, base);
            break;
        case K_ARRAY: indexed_elts(c, &e->args, u->elem, u->len); break;
        case K_SLICE: indexed_elts(c, &e->args, u->elem, -1); break;
        case K_MAP: map_elts(c, e, u); break;
        default:
            check_errorf(c, check_start(e), "invalid composite literal type %s",
                         check_type_str(c, base));
            return;
        }
    }
    e->mode = MODE_VALUE;
    e->tv = t;
}

void check_funclit(Checker *c, Expr *e) {
    Object *fn = obj_new(OBJ_FUNC, "", e->pos, NULL);
    fn->pkg = c->pkg;
    fn->lit = e;
    fn->type = check_signature(c, e->type, fn, NULL);
    e->func_obj = fn;
    check_func_body(c, fn, e->type, e->body, NULL);
    e->mode = MODE_VALUE;
    e->tv = fn->type;
}
