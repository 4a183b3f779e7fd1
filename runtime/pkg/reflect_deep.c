// reflect.DeepEqual with Go's exact rules (deepequal.go): types must be identical; pointers,
// slices, maps and interfaces are followed, with a visited set of (addr1, addr2, type) so
// cyclic values terminate; a nil and an empty slice or map differ; the same slice or map
// (same backing pointer) is equal to itself even when it holds NaNs; funcs are equal only
// when both are nil; everything else compares with ==.
#include <string.h>

#include "cplx.h"
#include "cstack.h"
#include "map.h"
#include "pkgutil.h"
#include "reflect.h"

typedef struct Visit {
    const void *a, *b;
    Type *t;
} Visit;

// Open-addressing set of visits (GC memory, grows at half full).
typedef struct VisitSet {
    Visit *tab;
    size_t cap, n;
} VisitSet;

static size_t visit_hash(const Visit *v) {
    uintptr_t h = (uintptr_t)v->a * 31 + (uintptr_t)v->b * 17 + (uintptr_t)v->t;
    return (size_t)(h ^ (h >> 17));
}

// Adds [v]; returns true if it was already there.
static bool visit_seen(VisitSet *s, Visit v);

static void visit_grow(VisitSet *s) {
    Visit *old = s->tab;
    size_t oldcap = s->cap;
    s->cap = oldcap ? oldcap * 2 : 64;
    s->tab = gc_alloc(s->cap * sizeof(Visit));
    s->n = 0;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].t)
            visit_seen(s, old[i]);
}

static bool visit_seen(VisitSet *s, Visit v) {
    if (2 * (s->n + 1) > s->cap)
        visit_grow(s);
    size_t i = visit_hash(&v) & (s->cap - 1);
    while (s->tab[i].t) {
        if (s->tab[i].a == v.a && s->tab[i].b == v.b && s->tab[i].t == v.t)
            return true;
        i = (i + 1) & (s->cap - 1);
    }
    s->tab[i] = v;
    s->n++;
    return false;
}

typedef struct Deep {
    G *g;
    VisitSet seen;
    RtStatus status; // RT_PANIC when a map lookup panicked
} Deep;

static bool deep(Deep *d, Type *t, Slot *p1, Slot *p2);


static bool deep_iface(Deep *d, GoIface *a, GoIface *b) {
    if (!a || !b)
        return a == b;
    if (a->type != b->type)
        return false;
    RVal x = rf_of_iface(a, 0), y = rf_of_iface(b, 0);
    return deep(d, x.t, x.ptr, y.ptr);
}

static bool deep_map(Deep *d, Type *t, GoMap *a, GoMap *b) {
    if ((a == NULL) != (b == NULL) || map_len(a) != map_len(b))
        return false;
    if (a == b)
        return true;
    Type *u = rt_under(t), *et = u->elem;
    MapIter it;
    map_iter_init(&it, a, 0);
    Slot k, e1, e2;
    while (map_iter_next(d->g, &it, &k, &e1)) {
        bool ok = false;
        if (map_get_value(d->g, b, k, &e2, &ok) != RT_OK) {
            d->status = RT_PANIC;
            return false;
        }
        if (!ok)
            return false;
        Slot s1 = e1, s2 = e2; // register form; aggregates are pointers to storage
        Slot *q1 = (et->kind == K_STRUCT || et->kind == K_ARRAY) ? s1.p : &s1;
        Slot *q2 = (et->kind == K_STRUCT || et->kind == K_ARRAY) ? s2.p : &s2;
        if (!deep(d, et, q1, q2))
            return false;
    }
    return true;
}

static bool deep_list(Deep *d, Type *et, Slot *a, Slot *b, int64_t n) {
    for (int64_t i = 0; i < n; i++)
        if (!deep(d, et, a + i * et->slots, b + i * et->slots) || d->status)
            return false;
    return true;
}

// Go's "hard" kinds get a visit record, keyed by the pointers that identify the values.
static bool already_seen(Deep *d, Type *t, Slot *p1, Slot *p2) {
    const void *a, *b;
    switch (t->kind) {
    case K_POINTER:
    case K_MAP:
        a = p1->p, b = p2->p;
        break;
    case K_SLICE:
    case K_INTERFACE:
        a = p1, b = p2;
        break;
    default:
        return false;
    }
    if (!p1->p || !p2->p)
        return false;
    if ((uintptr_t)a > (uintptr_t)b) {
        const void *tmp = a;
        a = b, b = tmp;
    }
    return visit_seen(&d->seen, (Visit){a, b, t});
}

static bool deep(Deep *d, Type *t, Slot *p1, Slot *p2) {
    if (cstack_low())
        rt_stack_overflow(d->g);
    if (already_seen(d, t, p1, p2))
        return true;
    Type *u = rt_under(t);
    switch (t->kind) {
    case K_ARRAY:
        return deep_list(d, u->elem, p1, p2, u->len);
    case K_SLICE: {
        GoSlice *a = p1->p, *b = p2->p;
        if ((a == NULL) != (b == NULL) || slice_len(a) != slice_len(b))
            return false;
        if (!a || a->ptr == b->ptr)
            return true;
        return deep_list(d, u->elem, a->ptr, b->ptr, a->len);
    }
    case K_INTERFACE:
        return deep_iface(d, p1->p, p2->p);
    case K_POINTER:
        if (p1->p == p2->p)
            return true;
        if (t == rf_rtype_ptr) // a reflect.Type: distinct descriptors are distinct types
            return false;
        if (!p1->p || !p2->p)
            return false;
        return deep(d, u->elem, p1->p, p2->p);
    case K_STRUCT:
        for (int i = 0; i < u->nfields; i++) {
            TField *f = &u->fields[i];
            if (!deep(d, f->type, p1 + f->offset, p2 + f->offset) || d->status)
                return false;
        }
        return true;
    case K_MAP:
        return deep_map(d, t, p1->p, p2->p);
    case K_FUNC:
        return !p1->p && !p2->p;
    case K_STRING:
        return str_eq(p1->p, p2->p);
    case K_FLOAT32:
    case K_FLOAT64:
        return p1->f == p2->f;
    case K_COMPLEX64:
    case K_COMPLEX128:
        return cplx_eq(p1->p, p2->p);
    default:
        return p1->u == p2->u; // ints, bools, chans, unsafe pointers
    }
}

// DeepEqual(x, y any) bool
static RtStatus nat_deepequal(G *g, Slot *args, Slot *res) {
    GoIface *a = args[0].p, *b = args[1].p;
    if (!a || !b) {
        res[0].i = a == b;
        return RT_OK;
    }
    Deep d = {.g = g};
    res[0].i = deep_iface(&d, a, b);
    return d.status;
}

static const NativeEntry reflect_deep_natives[] = {
    {"reflect.DeepEqual", nat_deepequal},
    {NULL, NULL},
};

GOL_REGISTER_NATIVES(reflect_deep_natives)
