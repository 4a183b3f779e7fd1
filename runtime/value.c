// Storage of structs and arrays, interface boxes, function values, and the type-driven
// equality and hashing of register-form values (value.h). Struct/array storage is flat:
// nested structs and arrays are inline, so comparisons and hashes walk it by field offsets.
// Boxes of small integers and bools are cached (as Go's staticuint64s), so boxing them in
// loops does not allocate; a cached box is immutable and published with a release store.
#include "value.h"

#include "cplx.h"
#include "cstack.h"
#include "gosize.h"
#include "hash.h"
#include "native.h"

Slot val_zerobase[1];

static inline bool is_aggregate(const Type *t) {
    return t->kind == K_STRUCT || t->kind == K_ARRAY;
}

static Slot *alloc_storage(const Type *t) {
    if (t->slots >= SLOTS_MAX) // a size that saturated (rtype.h): no allocation can hold it
        gc_out_of_memory((size_t)-1);
    size_t bytes = (size_t)t->slots * sizeof(Slot);
    if (bytes == 0)
        return val_zerobase;
    return t->has_ptrs ? gc_alloc(bytes) : gc_alloc_atomic(bytes);
}

Slot *val_new_storage(Type *t) {
    return alloc_storage(t);
}

Slot *val_clone(Type *t, const Slot *src) {
    Slot *p = alloc_storage(t);
    if (t->slots > 0)
        memcpy(p, src, (size_t)t->slots * sizeof(Slot));
    return p;
}

Slot val_load(Type *t, Slot *p) {
    if (is_aggregate(t))
        return (Slot){.p = p};
    return *p;
}

void val_store(Type *t, Slot *p, Slot v) {
    if (!is_aggregate(t)) {
        *p = v;
        return;
    }
    if (t->slots > 0 && p != v.p)
        memmove(p, v.p, (size_t)t->slots * sizeof(Slot));
}

GoFunc *func_new(Proto *p, int ncaps) {
    GoFunc *f = gc_alloc(sizeof(GoFunc) + (size_t)ncaps * sizeof(Slot *));
    f->proto = p;
    f->ncaps = ncaps;
    return f;
}

// ---- interface boxes ----

enum { BOX_CACHE_SIZE = 4096, BOX_CACHE_MAX = 256 };
static GoIface *box_cache[BOX_CACHE_SIZE]; // direct-mapped; an entry is any valid box

static bool box_cacheable(const Type *t, Slot v) {
    return v.u < BOX_CACHE_MAX && t->kind >= K_BOOL && t->kind <= K_UINTPTR;
}

static GoIface *box_new(Type *t, Slot v) {
    GoIface *b = gc_alloc(sizeof(GoIface));
    b->type = t;
    b->val = is_aggregate(t) ? (Slot){.p = val_clone(t, v.p)} : v;
    return b;
}

GoIface *iface_box(Type *t, Slot v) {
    if (!box_cacheable(t, v))
        return box_new(t, v);
    size_t i = (((uintptr_t)t >> 4) * 257 + (size_t)v.u) & (BOX_CACHE_SIZE - 1);
    GoIface *b = __atomic_load_n(&box_cache[i], __ATOMIC_ACQUIRE);
    if (b && b->type == t && b->val.u == v.u)
        return b;
    b = box_new(t, v);
    __atomic_store_n(&box_cache[i], b, __ATOMIC_RELEASE);
    return b;
}

int iface_eq(G *g, const GoIface *a, const GoIface *b) {
    if (!a || !b)
        return a == b;
    if (a->type != b->type)
        return 0;
    if (!a->type->comparable) {
        rt_panic_runtime(g, "comparing uncomparable type %s", type_string(a->type));
        return -1;
    }
    if (cstack_low()) // values nested that deep through interfaces: Go's stack runs out too
        rt_stack_overflow(g);
    return val_eq(g, a->type, a->val, b->val);
}

// ---- equality ----

static inline bool blank_field(const TField *f) {
    return f->name && f->name[0] == '_' && f->name[1] == 0;
}

// Compares the values of type [t] stored at [a] and [b], field by field and element by
// element in order, as Go does: a difference found before an interface field holding an
// uncomparable type decides the result; one found after it comes too late. Returns 1, 0, or
// -1 after a panic.
static int storage_eq(G *g, Type *t, const Slot *a, const Slot *b) {
    Type *u = rt_under(t);
    switch (u->kind) {
    case K_STRUCT:
        for (int i = 0; i < u->nfields; i++) {
            const TField *f = &u->fields[i];
            int r = blank_field(f) ? 1 : storage_eq(g, f->type, a + f->offset, b + f->offset);
            if (r != 1)
                return r;
        }
        return 1;
    case K_ARRAY: {
        int es = u->elem->slots;
        for (int64_t i = 0; i < u->len; i++) {
            int r = storage_eq(g, u->elem, a + i * es, b + i * es);
            if (r != 1)
                return r;
        }
        return 1;
    }
    default:
        return val_eq(g, t, a[0], b[0]);
    }
}

int val_eq(G *g, Type *t, Slot a, Slot b) {
    switch (t->kind) {
    case K_FLOAT32:
    case K_FLOAT64:
        return a.f == b.f;
    case K_COMPLEX64:
    case K_COMPLEX128:
        return cplx_eq(a.p, b.p);
    case K_STRING:
        return str_eq(a.p, b.p);
    case K_INTERFACE:
        return iface_eq(g, a.p, b.p);
    case K_STRUCT:
    case K_ARRAY:
        return storage_eq(g, t, a.p, b.p);
    default: // bool, integers, pointers, chans; maps, funcs and slices only against nil
        return a.u == b.u;
    }
}

// ---- hashing (consistent with val_eq) ----

static uint64_t hash_float(double f, uint64_t seed) {
    static _Thread_local uint64_t nan_state;
    uint64_t bits;
    if (f == 0) // +0 and -0 are equal, so they hash alike
        return hash_word(0, seed);
    if (f != f) // NaN != NaN: a random hash keeps NaN keys distinct and spread out
        return hash_word(nan_state += 0x9E3779B97F4A7C15ull, seed ^ (uintptr_t)&nan_state);
    memcpy(&bits, &f, sizeof bits);
    return hash_word(bits, seed);
}

static bool storage_hash(G *g, Type *t, const Slot *p, uint64_t seed, uint64_t *out) {
    Type *u = rt_under(t);
    uint64_t h = seed, x;
    if (u->kind == K_STRUCT) {
        for (int i = 0; i < u->nfields; i++) {
            const TField *f = &u->fields[i];
            if (blank_field(f))
                continue;
            if (!storage_hash(g, f->type, p + f->offset, seed, &x))
                return false;
            h = hash_combine(h, x);
        }
    } else if (u->kind == K_ARRAY) {
        int es = u->elem->slots;
        for (int64_t i = 0; i < u->len; i++) {
            if (!storage_hash(g, u->elem, p + i * es, seed, &x))
                return false;
            h = hash_combine(h, x);
        }
    } else {
        return val_hash(g, t, p[0], seed, out);
    }
    *out = h;
    return true;
}

bool val_hash(G *g, Type *t, Slot v, uint64_t seed, uint64_t *out) {
    switch (t->kind) {
    case K_FLOAT32:
    case K_FLOAT64:
        *out = hash_float(v.f, seed);
        return true;
    case K_COMPLEX64:
    case K_COMPLEX128:
        *out = hash_combine(hash_float(cplx_re(v.p), seed), hash_float(cplx_im(v.p), seed));
        return true;
    case K_STRING:
        *out = str_hash(v.p, seed);
        return true;
    case K_INTERFACE: {
        const GoIface *b = v.p;
        if (!b) {
            *out = hash_word(0, seed);
            return true;
        }
        if (!b->type->comparable) {
            rt_panic_runtime(g, "hash of unhashable type %s", type_string(b->type));
            return false;
        }
        if (cstack_low())
            rt_stack_overflow(g);
        uint64_t x;
        if (!val_hash(g, b->type, b->val, seed, &x))
            return false;
        *out = hash_combine(hash_word((uintptr_t)b->type, seed), x);
        return true;
    }
    case K_STRUCT:
    case K_ARRAY:
        return storage_hash(g, t, v.p, seed, out);
    default:
        *out = hash_word(v.u, seed);
        return true;
    }
}
