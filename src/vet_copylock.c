// vet's copylocks analyzer (Go's passes/copylock): values holding a lock (sync.Mutex, a
// WaitGroup, an atomic.Int64...) passed, assigned, returned, ranged over or put in a
// literal by value. The sync and sync/atomic types are named by Go's own layout (the path
// go vet prints), whatever gol's implementation of them holds.
#include "vet_int.h"

static const char *cat(const char *a, const char *b) {
    size_t na = strlen(a), nb = strlen(b);
    char *s = gc_alloc(na + nb + 1);
    memcpy(s, a, na);
    memcpy(s + na, b, nb + 1);
    return s;
}

// Go 1.23's lock paths of the library's lock types (NULL: not a lock).
static const char *std_lock(Type *t) {
    static const char *const sync_locks[][2] = {
        {"Mutex", ""},
        {"RWMutex", ""},
        {"WaitGroup", " contains sync.noCopy"},
        {"Cond", " contains sync.noCopy"},
        {"Pool", " contains sync.noCopy"},
        {"Once", " contains sync/atomic.Uint32 contains sync/atomic.noCopy"},
        {"Map", " contains sync.Mutex"},
        {NULL, NULL},
    };
    static const char *const atomic_locks[] = {"Int32",   "Int64", "Uint32",  "Uint64",
                                               "Uintptr", "Bool",  "Pointer", NULL};
    const char *path = t->pkg->path, *name = t->origin ? t->origin->name : t->name;
    if (strcmp(path, "sync") == 0) {
        for (int i = 0; sync_locks[i][0]; i++)
            if (strcmp(name, sync_locks[i][0]) == 0)
                return cat(vet_type_str(t), sync_locks[i][1]);
    } else {
        for (int i = 0; atomic_locks[i]; i++)
            if (strcmp(name, atomic_locks[i]) == 0)
                return cat(vet_type_str(t), " contains sync/atomic.noCopy");
    }
    return NULL;
}

// Whether a value of type [t] (or, with [ptr], *t) has method [name]: found by lookup, and
// for a pointer method on a value, reached through an embedded pointer.
static bool has_method(Type *t, const char *name, bool ptr) {
    Selection sel;
    bool amb = false;
    if (!type_lookup(ptr ? type_pointer(t) : t, name, NULL, &sel, &amb) || amb ||
        sel.kind != SEL_METHOD || !sel.obj->type || sel.obj->type->nparams ||
        sel.obj->type->nresults)
        return false;
    if (ptr || !sel.obj->ptr_recv)
        return true;
    Type *cur = t;
    for (int i = 0; i < sel.npath; i++) {
        Type *s = cur->under;
        if (s->kind == K_POINTER)
            return true;
        cur = s->fields[sel.path[i]].type;
    }
    return cur->under->kind == K_POINTER;
}

static bool is_locker(Type *t, bool ptr) {
    return has_method(t, "Lock", ptr) && has_method(t, "Unlock", ptr);
}

// Go's lockPath, printed: "outer contains ... lock", or NULL.
static const char *lock_path(Type *t, int depth) {
    if (!t || depth > 16)
        return NULL;
    while (t->under && t->under->kind == K_ARRAY)
        t = t->under->elem;
    if (!t->under || t->under->kind != K_STRUCT)
        return NULL;
    if (t->name && t->pkg &&
        (strcmp(t->pkg->path, "sync") == 0 || strcmp(t->pkg->path, "sync/atomic") == 0))
        return std_lock(t);
    if (t->name && is_locker(t, true) && !is_locker(t, false))
        return vet_type_str(t);
    Type *s = t->under;
    for (int i = 0; i < s->nfields; i++) {
        const char *sub = lock_path(s->fields[i].type, depth + 1);
        if (sub)
            return cat(cat(vet_type_str(t), " contains "), sub);
    }
    return NULL;
}

// Go's lockPathRhs: a literal or a call's result is a fresh value, not a copy.
static const char *lock_path_rhs(Expr *x) {
    if (!x || x->mode == MODE_TYPE || x->mode == MODE_INVALID)
        return NULL;
    Expr *u = ast_unparen(x);
    if (u->kind == E_COMPOSITE || u->kind == E_CALL)
        return NULL;
    if (u->kind == E_STAR && ast_unparen(u->x)->kind == E_CALL)
        return NULL;
    return lock_path(x->tv, 0);
}

void vet_copylock_func(Vet *v, const char *name, Field *recv, Expr *ftype) {
    const char *p;
    if (recv && recv->type && (p = lock_path(recv->type->tv, 0)))
        vet_report(v, recv->type->start, "%s passes lock by value: %s", name, p);
    for (int i = 0; ftype && i < ftype->fields.n; i++) {
        Expr *t = ftype->fields.v[i]->type;
        if (t && t->kind != E_ELLIPSIS && (p = lock_path(t->tv, 0)))
            vet_report(v, t->start, "%s passes lock by value: %s", name, p);
    }
}

void vet_copylock_call(Vet *v, Expr *call) {
    if (call->builtin == BI_NEW || call->builtin == BI_LEN || call->builtin == BI_CAP)
        return;
    Expr *f = ast_unparen(call->x);
    if (f->kind == E_SELECTOR && f->sel.kind == SEL_PKG && f->sel.obj && f->sel.obj->pkg &&
        strcmp(f->sel.obj->pkg->path, "unsafe") == 0)
        return;
    for (int i = 0; i < call->args.n; i++) {
        const char *p = lock_path_rhs(call->args.v[i]);
        if (p)
            vet_report(v, call->args.v[i]->start, "call of %s copies lock value: %s",
                       vet_expr_str(call->x), p);
    }
}

static void range_var(Vet *v, Stmt *s, Expr *e, int i) {
    if (!e || (e->kind == E_IDENT && strcmp(e->name, "_") == 0))
        return;
    Type *t = NULL;
    if (s->define) {
        if (e->kind != E_IDENT || !s->define_objs || !s->define_objs[i])
            return;
        t = s->define_objs[i]->type;
    } else {
        t = e->tv;
    }
    const char *p = lock_path(t, 0);
    if (p)
        vet_report(v, e->start, "range var %s copies lock: %s", vet_expr_str(e), p);
}

void vet_copylock_stmt(Vet *v, Stmt *s) {
    const char *p;
    if (s->kind == S_ASSIGN) {
        for (int i = 0; i < s->rhs.n && s->rhs.n == s->lhs.n; i++)
            if ((p = lock_path_rhs(s->rhs.v[i])))
                vet_report(v, s->rhs.v[i]->start, "assignment copies lock value to %s: %s",
                           vet_expr_str(s->lhs.v[i]), p);
    } else if (s->kind == S_RETURN) {
        for (int i = 0; i < s->results.n; i++)
            if ((p = lock_path_rhs(s->results.v[i])))
                vet_report(v, s->results.v[i]->start, "return copies lock value: %s", p);
    } else if (s->kind == S_RANGE) {
        range_var(v, s, s->key, 0);
        range_var(v, s, s->value, 1);
    }
}

void vet_copylock_spec(Vet *v, Spec *sp) {
    const char *p;
    for (int i = 0; i < sp->values.n && sp->values.n == sp->names.n; i++)
        if ((p = lock_path_rhs(sp->values.v[i])))
            vet_report(v, sp->values.v[i]->start,
                       "variable declaration copies lock value to %s: %s", sp->names.v[i]->name, p);
}

void vet_copylock_composite(Vet *v, Expr *lit) {
    for (int i = 0; i < lit->args.n; i++) {
        Expr *x = lit->args.v[i];
        if (x->kind == E_KEYVALUE)
            x = x->y;
        const char *p = lock_path_rhs(x);
        if (p)
            vet_report(v, x->start, "literal copies lock value from %s: %s", vet_expr_str(x), p);
    }
}
