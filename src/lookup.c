// Field and method lookup (spec "Selectors": promotion through embedded fields, shallowest
// depth wins, ambiguity at equal depth), method sets and interface satisfaction, and the
// spec's assignability and convertibility relations between typed values.
#include "types.h"

#include <strings.h>

#include "object.h"

typedef struct Entry {
    Type *type;    // named or unnamed type at this depth (pointer already removed)
    int *path;
    int npath;
    bool indirect; // reached through a pointer
} Entry;

typedef VEC(Entry) EntryVec;

typedef struct Found {
    int count;
    Selection sel;
    bool indirect;
} Found;

static bool name_visible(const char *name, Package *owner, Package *from) {
    return obj_exported(name) || owner == from || !from || !owner;
}

// Whether a declared name [have] is selected by [want]. With [fold] (gc's foldCase lookup,
// used only for the "but does have" hint) case is ignored, and so are packages.
static bool name_match(const char *have, const char *want, Package *owner, Package *from,
                       bool fold) {
    if (fold && strcasecmp(have, want) == 0)
        return true;
    return strcmp(have, want) == 0 && name_visible(want, owner, from);
}

static int *path_plus(const int *path, int n, int idx) {
    int *p = gc_alloc_atomic(sizeof(int) * (size_t)(n + 1));
    if (n)
        memcpy(p, path, sizeof(int) * (size_t)n);
    p[n] = idx;
    return p;
}

static void record(Found *f, Selection s, bool indirect) {
    if (f->count == 0) {
        f->sel = s;
        f->indirect = indirect;
    }
    f->count++;
}

// Look for [name] directly in [e]'s type (declared methods, struct fields, interface
// methods); queue embedded fields into [next].
static void search_entry(Entry *e, const char *name, Package *from, bool fold, Found *f,
                         EntryVec *next) {
    Type *t = e->type;
    if (t->name) {
        for (int i = 0; i < t->methods.n; i++) {
            Object *m = t->methods.v[i];
            if (name_match(m->name, name, m->pkg, from, fold)) {
                record(f, (Selection){.kind = SEL_METHOD, .path = e->path, .npath = e->npath,
                                      .obj = m}, e->indirect);
                return;
            }
        }
    }
    Type *u = t->under ? t->under : t;
    if (u->kind == K_STRUCT) {
        for (int i = 0; i < u->nfields; i++) {
            TField *fl = &u->fields[i];
            if (name_match(fl->name, name, fl->pkg, from, fold)) {
                record(f, (Selection){.kind = SEL_FIELD, .path = path_plus(e->path, e->npath, i),
                                      .npath = e->npath + 1, .obj = fl->obj}, e->indirect);
                continue;
            }
            if (fl->embedded && next) {
                Type *ft = fl->type;
                bool ind = e->indirect;
                if (ft->kind == K_POINTER && !ft->name) {
                    ft = ft->elem;
                    ind = true;
                }
                Entry ne = {ft, path_plus(e->path, e->npath, i), e->npath + 1, ind};
                vec_push(next, ne);
            }
        }
    } else if (u->kind == K_INTERFACE) {
        for (int i = 0; i < u->nimethods; i++) {
            IMethod *m = &u->imethods[i];
            if (name_match(m->name, name, m->pkg, from, fold)) {
                record(f, (Selection){.kind = SEL_IFACE, .path = e->path, .npath = e->npath,
                                      .obj = m->obj, .index = i}, e->indirect);
                return;
            }
        }
    }
}

static bool seen_type(Type **seen, int nseen, Type *t) {
    for (int i = 0; i < nseen; i++)
        if (seen[i] == t)
            return true;
    return false;
}

// Breadth-first lookup; returns the number of matches at the shallowest depth that has any.
static int lookup_full(Type *t, const char *name, Package *from, bool fold, Selection *sel,
                       bool *indirect) {
    bool ind = false;
    if (t->kind == K_POINTER && !t->name) {
        t = t->elem;
        ind = true;
    } else if (t->kind == K_POINTER && t->name) {
        // A named pointer type has no methods and its base's methods are not promoted,
        // but fields of the pointed-to struct are selectable.
        t = t->elem;
        ind = true;
    }
    if (ind && (t->under ? t->under : t)->kind == K_INTERFACE)
        return 0; // a pointer to an interface has no methods (gc's lookupFieldOrMethod)
    EntryVec cur = {0};
    vec_push(&cur, ((Entry){t, NULL, 0, ind}));
    VEC(Type *) seen = {0};
    while (cur.n > 0) {
        Found f = {0};
        EntryVec next = {0};
        for (int i = 0; i < cur.n; i++) {
            Entry *e = &cur.v[i];
            if (e->type->name) {
                if (seen_type(seen.v, seen.n, e->type))
                    continue;
                vec_push(&seen, e->type);
            }
            search_entry(e, name, from, fold, &f, &next);
        }
        if (f.count > 0) {
            *sel = f.sel;
            *indirect = f.indirect;
            return f.count;
        }
        cur = next;
    }
    return 0;
}

bool type_lookup(Type *t, const char *name, Package *from, Selection *sel, bool *ambiguous) {
    bool indirect = false;
    *ambiguous = false;
    if (strcmp(name, "_") == 0)
        return false;
    int n = lookup_full(t, name, from, false, sel, &indirect);
    if (n > 1) {
        *ambiguous = true;
        return false;
    }
    return n == 1;
}

bool type_lookup_fold(Type *t, const char *name, Selection *sel) {
    bool indirect = false;
    return lookup_full(t, name, NULL, true, sel, &indirect) == 1;
}

// Whether a method found by lookup on [t] belongs to t's method set.
static bool in_method_set(Type *t, Selection *s, bool indirect) {
    if (s->kind != SEL_METHOD)
        return true;
    if (!s->obj->ptr_recv)
        return true;
    return indirect || (t->kind == K_POINTER);
}

bool type_implements(Type *t, Type *iface, const char **missing, bool *wrong_ptr) {
    Type *it = iface->under ? iface->under : iface;
    if (wrong_ptr)
        *wrong_ptr = false;
    for (int i = 0; i < it->nimethods; i++) {
        IMethod *m = &it->imethods[i];
        Selection s;
        bool indirect = false;
        int n = lookup_full(t, m->name, m->pkg, false, &s, &indirect);
        bool ok = n == 1 && (s.kind == SEL_METHOD || s.kind == SEL_IFACE);
        if (ok) {
            ok = s.obj->type == m->sig; // IMethod.obj is always set (its type is the sig)
        }
        if (ok && !in_method_set(t, &s, indirect)) {
            if (wrong_ptr)
                *wrong_ptr = true;
            ok = false;
        }
        if (!ok) {
            if (missing)
                *missing = m->name;
            return false;
        }
    }
    return true;
}

static Type *under(Type *t) {
    return t->under ? t->under : t;
}

bool type_is_tparam(Type *t) {
    return t->tparam && under(t)->kind == K_INTERFACE;
}

// A value of type [v] to each type of [p]'s type set: none without a union of terms (the
// set is all types); for ~X every type whose underlying type is X.
static bool to_each_term(Type *v, const TParam *p) {
    for (int i = 0; i < p->nterms; i++) {
        Type *x = p->terms[i].type;
        bool exact = !p->terms[i].tilde || type_is_untyped(v);
        if (exact ? !type_assignable(v, x) : under(v) != under(x))
            return false;
    }
    return p->nterms > 0;
}

// Each type of [p]'s type set to [t].
static bool from_each_term(const TParam *p, Type *t) {
    for (int i = 0; i < p->nterms; i++) {
        Type *x = p->terms[i].type;
        if (p->terms[i].tilde ? under(x) != under(t) : !type_assignable(x, t))
            return false;
    }
    return p->nterms > 0;
}

// The spec's assignability where [v] or [t] is a type parameter (and v != t): to a type
// parameter only from an unnamed type assignable to each type of its type set; from one to
// an interface it implements, or to an unnamed type each type of its set is assignable to.
static bool tparam_assignable(Type *v, Type *t) {
    if (type_is_tparam(t)) // (an untyped value has no name)
        return !v->name && !type_is_tparam(v) && to_each_term(v, t->tparam);
    if (under(t)->kind == K_INTERFACE)
        return type_implements(v, t, NULL, NULL);
    return !t->name && from_each_term(v->tparam, t);
}

bool type_assignable(Type *v, Type *t) {
    if (v == t)
        return true;
    if (v->kind == K_INVALID || t->kind == K_INVALID)
        return true;
    if (type_is_tparam(v) || type_is_tparam(t))
        return tparam_assignable(v, t);
    Type *vu = under(v), *tu = under(t);
    if (type_is_untyped(v)) {
        switch (v->kind) {
        case K_UNTYPED_NIL: return type_has_nil(tu);
        case K_UNTYPED_BOOL: return type_is_boolean(tu) || (tu->kind == K_INTERFACE && !tu->nimethods);
        case K_UNTYPED_STRING: return type_is_string(tu) || (tu->kind == K_INTERFACE && !tu->nimethods);
        default: return type_is_numeric(tu) || (tu->kind == K_INTERFACE && !tu->nimethods);
        }
    }
    if (vu == tu && (!v->name || !t->name))
        return true;
    if (tu->kind == K_INTERFACE)
        return type_implements(v, t, NULL, NULL);
    if (vu->kind == K_CHAN && vu->dir == CHAN_BOTH && tu->kind == K_CHAN && vu->elem == tu->elem)
        return !v->name || !t->name;
    return false;
}

static bool is_bytes_or_runes(Type *t) {
    Type *u = under(t);
    if (u->kind != K_SLICE)
        return false;
    Kind k = under(u->elem)->kind;
    return k == K_UINT8 || k == K_INT32;
}

// Identical ignoring struct tags (spec: conversions ignore tags).
static bool identical_ignore_tags(Type *a, Type *b) {
    if (a == b)
        return true;
    if (a->kind != K_STRUCT || b->kind != K_STRUCT || a->nfields != b->nfields)
        return false;
    for (int i = 0; i < a->nfields; i++) {
        TField *x = &a->fields[i], *y = &b->fields[i];
        if (strcmp(x->name, y->name) != 0 || x->embedded != y->embedded || x->type != y->type)
            return false;
    }
    return true;
}

bool type_convertible(Type *v, Type *t) {
    if (type_assignable(v, t))
        return true;
    Type *vu = under(v), *tu = under(t);
    if (identical_ignore_tags(vu, tu))
        return true;
    if (vu->kind == K_POINTER && tu->kind == K_POINTER && !v->name && !t->name &&
        identical_ignore_tags(under(vu->elem), under(tu->elem)))
        return true;
    if ((type_is_integer(vu) || type_is_float(vu)) && (type_is_integer(tu) || type_is_float(tu)))
        return true;
    if (type_is_complex(vu) && type_is_complex(tu))
        return true;
    if (tu->kind == K_STRING && (type_is_integer(vu) || is_bytes_or_runes(vu)))
        return true;
    if (vu->kind == K_STRING && is_bytes_or_runes(tu))
        return true;
    if (vu->kind == K_SLICE) {
        if (tu->kind == K_ARRAY && vu->elem == tu->elem)
            return true;
        if (tu->kind == K_POINTER && under(tu->elem)->kind == K_ARRAY &&
            under(tu->elem)->elem == vu->elem)
            return true;
    }
    return false;
}
