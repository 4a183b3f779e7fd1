// Objects and lexical scopes. A scope keeps its objects in declaration order and, once it
// holds more than 8, a lazily rebuilt open-addressing index by name (package scopes of the
// standard library are large; block scopes are small and searched linearly).
#include "object.h"

#include <stdatomic.h>

Scope *universe;

Object *obj_new(ObjKind kind, const char *name, Pos pos, Type *type) {
    Object *o = gc_alloc(sizeof(Object));
    o->kind = kind;
    o->name = name ? name : "";
    o->pos = pos;
    o->type = type;
    o->slot = -1;
    o->capture_index = -1;
    return o;
}

// Advanced whenever an empty scope gains its first object (starts at 1: a fresh scope's
// skip_epoch 0 is never valid).
static _Atomic uint64_t scope_epoch = 1;

Scope *scope_new(Scope *parent, Object *func) {
    Scope *s = gc_alloc(sizeof(Scope));
    s->parent = parent;
    s->func = func;
    return s;
}

static uint32_t name_hash(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

static void index_put(Scope *s, Object *o) {
    uint32_t mask = (uint32_t)s->index_cap - 1;
    for (uint32_t i = name_hash(o->name) & mask;; i = (i + 1) & mask) {
        if (!s->index[i]) {
            s->index[i] = o;
            return;
        }
    }
}

static void index_rebuild(Scope *s) {
    int cap = 16;
    while (cap < s->objs.n * 2)
        cap *= 2;
    s->index = gc_alloc(sizeof(Object *) * (size_t)cap);
    s->index_cap = cap;
    for (int i = 0; i < s->objs.n; i++)
        index_put(s, s->objs.v[i]);
}

Object *scope_lookup_local(Scope *s, const char *name) {
    if (s->index) {
        uint32_t mask = (uint32_t)s->index_cap - 1;
        for (uint32_t i = name_hash(name) & mask; s->index[i]; i = (i + 1) & mask)
            if (strcmp(s->index[i]->name, name) == 0)
                return s->index[i];
        return NULL;
    }
    for (int i = 0; i < s->objs.n; i++)
        if (strcmp(s->objs.v[i]->name, name) == 0)
            return s->objs.v[i];
    return NULL;
}

Object *scope_insert(Scope *s, Object *obj) {
    if (strcmp(obj->name, "_") == 0 || obj->name[0] == 0)
        return NULL;
    Object *prev = scope_lookup_local(s, obj->name);
    if (prev)
        return prev;
    if (s->objs.n == 0) // skip links that jump over s go stale
        atomic_fetch_add_explicit(&scope_epoch, 1, memory_order_relaxed);
    vec_push(&s->objs, obj);
    if (!obj->parent_scope)
        obj->parent_scope = s;
    if (s->index && s->objs.n * 2 <= s->index_cap)
        index_put(s, obj);
    else if (s->objs.n > 8)
        index_rebuild(s);
    return NULL;
}

// The nearest proper ancestor of [s] that declares something (or NULL): most block scopes of
// deeply nested code declare nothing, and walking each of them on every lookup made 20,000
// nested `if`s quadratic. The answer is cached in s and in the walk's cached ancestors are
// used, so a lookup from a new innermost scope costs O(1) while no empty scope gains objects.
static Scope *nonempty_above(Scope *s) {
    uint64_t ep = atomic_load_explicit(&scope_epoch, memory_order_relaxed);
    if (s->skip_epoch == ep)
        return s->skip;
    Scope *a = s->parent;
    while (a && a->objs.n == 0) {
        if (a->skip_epoch == ep) {
            a = a->skip;
            break;
        }
        a = a->parent;
    }
    s->skip = a;
    s->skip_epoch = ep;
    return a;
}

Object *scope_lookup(Scope *s, const char *name, Scope **found_in) {
    for (; s; s = nonempty_above(s)) {
        if (s->objs.n == 0)
            continue;
        Object *o = scope_lookup_local(s, name);
        if (o) {
            if (found_in)
                *found_in = s;
            return o;
        }
    }
    if (found_in)
        *found_in = NULL;
    return NULL;
}
