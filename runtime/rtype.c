// Type construction, interning, layout and the spec's type predicates. Unnamed composite types
// are interned in one hash table (guarded by intern_lock, since the REPL may build types while
// goroutines run), so identical unnamed types are one pointer and type_identical is pointer
// equality. Named types are unique by construction; their layout is copied from the underlying
// type by type_set_underlying. Spelling (type_string) is in typestr.c; method and field lookup,
// interface satisfaction, assignability and convertibility are in src/lookup.c.
#include "rtype.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

Type *types_basic[K_COUNT];
Type *types_error;
Type *types_empty_iface;

#define INTERN_SIZE 4096
static Type *intern_tab[INTERN_SIZE]; // guarded by: intern_lock
static pthread_mutex_t intern_lock = PTHREAD_MUTEX_INITIALIZER;

static void lock(void) {
    pthread_mutex_lock(&intern_lock);
}

static void unlock(void) {
    pthread_mutex_unlock(&intern_lock);
}
static uint32_t named_seq = 1;        // guarded by: intern_lock
// The types interned since the last types_forget_programs (recorded once it was called).
static VEC(Type *) fresh;             // guarded by: intern_lock
static bool track_fresh;              // guarded by: intern_lock

static uint32_t mix(uint32_t h, uint32_t v) {
    h ^= v + 0x9e3779b9u + (h << 6) + (h >> 2);
    return h;
}

static uint32_t type_name_hash(const char *s) {
    uint32_t h = 2166136261u;
    for (; s && *s; s++)
        h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

static uint32_t thash(Type *t) {
    return t ? t->hash : 0;
}

// Structural hash of an unnamed type from its components (named components by identity).
static uint32_t type_hash(Type *t) {
    uint32_t h = mix(0x1234567u, (uint32_t)t->kind);
    h = mix(h, thash(t->elem));
    h = mix(h, thash(t->key));
    h = mix(h, (uint32_t)t->len ^ (uint32_t)(t->len >> 32));
    h = mix(h, (uint32_t)t->dir);
    for (int i = 0; i < t->nfields; i++) {
        h = mix(h, type_name_hash(t->fields[i].name));
        h = mix(h, thash(t->fields[i].type));
        h = mix(h, (uint32_t)t->fields[i].embedded);
    }
    for (int i = 0; i < t->nparams; i++)
        h = mix(h, thash(t->params[i]));
    h = mix(h, 0xabcdu);
    for (int i = 0; i < t->nresults; i++)
        h = mix(h, thash(t->results[i]));
    h = mix(h, (uint32_t)t->variadic);
    for (int i = 0; i < t->nimethods; i++) {
        h = mix(h, type_name_hash(t->imethods[i].name));
        h = mix(h, thash(t->imethods[i].sig));
    }
    return h;
}

static bool streq(const char *a, const char *b) {
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

static bool same_fields(Type *a, Type *b) {
    if (a->nfields != b->nfields)
        return false;
    for (int i = 0; i < a->nfields; i++) {
        TField *x = &a->fields[i], *y = &b->fields[i];
        if (!streq(x->name, y->name) || x->type != y->type || x->embedded != y->embedded ||
            !streq(x->tag, y->tag))
            return false;
        if (!x->exported && x->pkg != y->pkg)
            return false;
    }
    return true;
}

static bool same_methods(Type *a, Type *b) {
    if (a->nimethods != b->nimethods)
        return false;
    for (int i = 0; i < a->nimethods; i++) {
        IMethod *x = &a->imethods[i], *y = &b->imethods[i];
        if (!streq(x->name, y->name) || x->sig != y->sig)
            return false;
        if (!obj_exported(x->name) && x->pkg != y->pkg)
            return false;
    }
    return true;
}

static bool same_types(Type **a, Type **b, int n) {
    for (int i = 0; i < n; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

// Structural equality of two unnamed types whose components are already interned.
static bool same_shape(Type *a, Type *b) {
    if (a->kind != b->kind || a->elem != b->elem || a->key != b->key || a->len != b->len ||
        a->dir != b->dir || a->variadic != b->variadic || a->nparams != b->nparams ||
        a->nresults != b->nresults)
        return false;
    return same_types(a->params, b->params, a->nparams) &&
           same_types(a->results, b->results, a->nresults) && same_fields(a, b) &&
           same_methods(a, b);
}

// a + b slots, or b * n, saturated at SLOTS_MAX: a type that large (Go would call it
// larger than the address space) can never be allocated, and its size must not overflow.
static int slots_add(int64_t a, int64_t b) {
    return a + b > SLOTS_MAX ? SLOTS_MAX : (int)(a + b);
}

static int slots_mul(int64_t n, int64_t b) {
    return b && n > SLOTS_MAX / b ? SLOTS_MAX : (int)(n * b);
}

// Layout and comparability of an unnamed type (components complete or behind a reference).
static void layout(Type *t) {
    t->slots = 1;
    t->has_ptrs = true;
    t->comparable = true;
    switch (t->kind) {
    case K_ARRAY:
        t->slots = slots_mul(t->len, t->elem->slots);
        t->has_ptrs = t->len > 0 && t->elem->has_ptrs;
        t->comparable = t->elem->comparable;
        break;
    case K_STRUCT: {
        int off = 0;
        t->has_ptrs = false;
        for (int i = 0; i < t->nfields; i++) {
            TField *f = &t->fields[i];
            f->offset = off;
            off = slots_add(off, f->type->slots);
            t->has_ptrs |= f->type->has_ptrs;
            t->comparable &= f->type->comparable;
        }
        t->slots = off;
        break;
    }
    case K_SLICE: case K_MAP: case K_FUNC:
        t->comparable = false;
        break;
    case K_TUPLE:
        t->slots = t->nresults;
        t->comparable = false;
        break;
    default:
        break;
    }
}

// Return the interned copy of the stack-built [proto]; copies it to the heap if new.
static Type *intern(Type *proto) {
    proto->under = NULL;
    proto->hash = type_hash(proto);
    lock();
    uint32_t b = proto->hash % INTERN_SIZE;
    for (Type *t = intern_tab[b]; t; t = t->intern_next) {
        if (t->hash == proto->hash && same_shape(t, proto)) {
            unlock();
            return t;
        }
    }
    Type *t = gc_alloc(sizeof(Type));
    *t = *proto;
    t->under = t;
    if (t->nfields) {
        t->fields = gc_alloc(sizeof(TField) * (size_t)t->nfields);
        memcpy(t->fields, proto->fields, sizeof(TField) * (size_t)t->nfields);
    }
    if (t->nparams) {
        t->params = gc_alloc(sizeof(Type *) * (size_t)t->nparams);
        memcpy(t->params, proto->params, sizeof(Type *) * (size_t)t->nparams);
    }
    if (t->nresults) {
        t->results = gc_alloc(sizeof(Type *) * (size_t)t->nresults);
        memcpy(t->results, proto->results, sizeof(Type *) * (size_t)t->nresults);
    }
    if (t->nimethods) {
        t->imethods = gc_alloc(sizeof(IMethod) * (size_t)t->nimethods);
        memcpy(t->imethods, proto->imethods, sizeof(IMethod) * (size_t)t->nimethods);
    }
    layout(t);
    t->intern_next = intern_tab[b];
    intern_tab[b] = t;
    if (track_fresh)
        vec_push(&fresh, t);
    unlock();
    return t;
}

// ---- forgetting a program's types (types_forget_programs) ----
// A type is the program's when it is a named type (or type parameter) of a package outside
// gol's library, an instance with such a type argument, or an unnamed type with such a
// component or with an unexported field or method name of such a package. Memo: open
// addressing, pointer keys.

typedef struct Memo {
    Type **keys;
    bool *val;
    size_t cap, n;
    bool (*programs_pkg)(Package *p); // the caller's test: a package of the program's
    Package *(*tparam_pkg)(Type *t);  // the package declaring type parameter [t]
} Memo;

static bool *memo_slot(Memo *m, Type *t, bool *found) {
    if (2 * (m->n + 1) > m->cap) {
        Memo old = *m;
        m->cap = old.cap ? old.cap * 2 : 1024;
        m->keys = gc_alloc(m->cap * sizeof(Type *));
        m->val = gc_alloc_atomic(m->cap);
        m->n = 0;
        for (size_t i = 0; i < old.cap; i++)
            if (old.keys[i]) {
                bool f;
                *memo_slot(m, old.keys[i], &f) = old.val[i];
            }
    }
    size_t i = ((uintptr_t)t >> 4) & (m->cap - 1);
    while (m->keys[i] && m->keys[i] != t)
        i = (i + 1) & (m->cap - 1);
    *found = m->keys[i] != NULL;
    if (!*found) {
        m->keys[i] = t;
        m->n++;
    }
    return &m->val[i];
}

static bool programs(Type *t, Memo *m) {
    if (!t)
        return false;
    bool found;
    bool *v = memo_slot(m, t, &found);
    if (found)
        return *v;
    *v = false; // (a cycle goes through a named type, decided below)
    bool r = false;
    if (t->name) {
        Package *p = t->tparam ? m->tparam_pkg(t) : t->pkg;
        r = p && m->programs_pkg(p);
        for (int i = 0; !r && i < t->ntargs; i++)
            r = programs(t->targs[i], m);
    } else {
        r = programs(t->elem, m) || programs(t->key, m);
        for (int i = 0; !r && i < t->nparams; i++)
            r = programs(t->params[i], m);
        for (int i = 0; !r && i < t->nresults; i++)
            r = programs(t->results[i], m);
        for (int i = 0; !r && i < t->nfields; i++)
            r = programs(t->fields[i].type, m) ||
                (t->fields[i].pkg && m->programs_pkg(t->fields[i].pkg));
        for (int i = 0; !r && i < t->nimethods; i++)
            r = programs(t->imethods[i].sig, m) ||
                (t->imethods[i].pkg && m->programs_pkg(t->imethods[i].pkg));
    }
    *memo_slot(m, t, &found) = r;
    return r;
}

static void unlink_interned(Type *t) {
    Type **link = &intern_tab[t->hash % INTERN_SIZE];
    while (*link && *link != t)
        link = &(*link)->intern_next;
    if (*link)
        *link = t->intern_next;
}

// The first call looks at every interned type; later ones at those interned since.
void types_forget_programs(bool (*programs_pkg)(Package *p), Package *(*tparam_pkg)(Type *t)) {
    Memo m = {.programs_pkg = programs_pkg, .tparam_pkg = tparam_pkg};
    lock();
    if (!track_fresh) {
        track_fresh = true;
        for (int b = 0; b < INTERN_SIZE; b++)
            for (Type *t = intern_tab[b]; t; t = t->intern_next)
                vec_push(&fresh, t);
    }
    for (int i = 0; i < fresh.n; i++)
        if (programs(fresh.v[i], &m))
            unlink_interned(fresh.v[i]);
    fresh.n = 0;
    unlock();
}

Type *type_pointer(Type *elem) {
    if (elem->ptr_to)
        return elem->ptr_to;
    Type p = {.kind = K_POINTER, .elem = elem};
    Type *t = intern(&p);
    __atomic_store_n(&elem->ptr_to, t, __ATOMIC_RELEASE);
    return t;
}

Type *type_slice(Type *elem) {
    if (elem->slice_of)
        return elem->slice_of;
    Type p = {.kind = K_SLICE, .elem = elem};
    Type *t = intern(&p);
    __atomic_store_n(&elem->slice_of, t, __ATOMIC_RELEASE);
    return t;
}

Type *type_array(Type *elem, int64_t len) {
    Type p = {.kind = K_ARRAY, .elem = elem, .len = len};
    return intern(&p);
}

Type *type_map(Type *key, Type *elem) {
    Type p = {.kind = K_MAP, .key = key, .elem = elem};
    return intern(&p);
}

Type *type_chan(Type *elem, ChanDir dir) {
    Type p = {.kind = K_CHAN, .elem = elem, .dir = dir};
    return intern(&p);
}

Type *type_func(Type **params, int nparams, Type **results, int nresults, bool variadic) {
    Type p = {.kind = K_FUNC, .params = params, .nparams = nparams, .results = results,
              .nresults = nresults, .variadic = variadic};
    return intern(&p);
}

Type *type_tuple(Type **elems, int n) {
    Type p = {.kind = K_TUPLE, .results = elems, .nresults = n};
    return intern(&p);
}

Type *type_struct(TField *fields, int nfields) {
    for (int i = 0; i < nfields; i++)
        fields[i].exported = obj_exported(fields[i].name);
    Type p = {.kind = K_STRUCT, .fields = fields, .nfields = nfields};
    Type *t = intern(&p);
    return t;
}

static int imethod_cmp(const void *a, const void *b) {
    return strcmp(((const IMethod *)a)->name, ((const IMethod *)b)->name);
}

Type *type_interface(IMethod *methods, int n) {
    IMethod *copy = NULL;
    if (n) {
        copy = gc_alloc(sizeof(IMethod) * (size_t)n);
        memcpy(copy, methods, sizeof(IMethod) * (size_t)n);
        qsort(copy, (size_t)n, sizeof(IMethod), imethod_cmp);
    }
    Type p = {.kind = K_INTERFACE, .imethods = copy, .nimethods = n};
    return intern(&p);
}

Type *type_named(const char *name, Package *pkg, Object *obj) {
    Type *t = gc_alloc(sizeof(Type));
    t->name = name;
    t->pkg = pkg;
    t->obj = obj;
    t->incomplete = true;
    t->slots = 1;
    lock();
    t->hash = mix(0x5eed5eedu, named_seq++);
    unlock();
    return t;
}

void type_set_underlying(Type *named, Type *under) {
    Type *u = under->under ? under->under : under;
    named->under = u;
    named->kind = u->kind;
    named->elem = u->elem;
    named->key = u->key;
    named->len = u->len;
    named->dir = u->dir;
    named->fields = u->fields;
    named->nfields = u->nfields;
    named->params = u->params;
    named->nparams = u->nparams;
    named->results = u->results;
    named->nresults = u->nresults;
    named->variadic = u->variadic;
    named->imethods = u->imethods;
    named->nimethods = u->nimethods;
    named->slots = u->slots;
    named->has_ptrs = u->has_ptrs;
    named->comparable = u->comparable;
    named->incomplete = false;
}

bool type_identical(Type *a, Type *b) {
    return a == b;
}

bool type_is_named(Type *t) {
    return t->name != NULL;
}

bool type_is_integer(Type *t) {
    Kind k = t->kind;
    return (k >= K_INT && k <= K_UINTPTR) || k == K_UNTYPED_INT || k == K_UNTYPED_RUNE;
}

bool type_is_unsigned(Type *t) {
    return t->kind >= K_UINT && t->kind <= K_UINTPTR;
}

bool type_is_float(Type *t) {
    return t->kind == K_FLOAT32 || t->kind == K_FLOAT64 || t->kind == K_UNTYPED_FLOAT;
}

bool type_is_complex(Type *t) {
    return t->kind == K_COMPLEX64 || t->kind == K_COMPLEX128 || t->kind == K_UNTYPED_COMPLEX;
}

bool type_is_numeric(Type *t) {
    return type_is_integer(t) || type_is_float(t) || type_is_complex(t);
}

bool type_is_string(Type *t) {
    return t->kind == K_STRING || t->kind == K_UNTYPED_STRING;
}

bool type_is_boolean(Type *t) {
    return t->kind == K_BOOL || t->kind == K_UNTYPED_BOOL;
}

bool type_is_untyped(Type *t) {
    return t->kind >= K_UNTYPED_BOOL && t->kind <= K_UNTYPED_NIL;
}

bool type_is_interface(Type *t) {
    return t->kind == K_INTERFACE;
}

bool type_is_ordered(Type *t) {
    return type_is_integer(t) || type_is_float(t) || type_is_string(t);
}

bool type_is_comparable(Type *t) {
    if (type_is_untyped(t))
        return t->kind != K_UNTYPED_NIL;
    return t->comparable;
}

bool type_has_nil(Type *t) {
    switch (t->kind) {
    case K_POINTER: case K_SLICE: case K_MAP: case K_CHAN: case K_FUNC: case K_INTERFACE:
    case K_UNSAFEPTR: case K_UNTYPED_NIL:
        return true;
    default:
        return false;
    }
}

int type_bits(Type *t) {
    switch (t->kind) {
    case K_INT8: case K_UINT8: return 8;
    case K_INT16: case K_UINT16: return 16;
    case K_INT32: case K_UINT32: case K_FLOAT32: return 32;
    case K_COMPLEX128: return 128;
    default: return 64;
    }
}

Type *type_default(Type *t) {
    switch (t->kind) {
    case K_UNTYPED_BOOL: return types_basic[K_BOOL];
    case K_UNTYPED_INT: return types_basic[K_INT];
    case K_UNTYPED_RUNE: return types_basic[K_INT32];
    case K_UNTYPED_FLOAT: return types_basic[K_FLOAT64];
    case K_UNTYPED_COMPLEX: return types_basic[K_COMPLEX128];
    case K_UNTYPED_STRING: return types_basic[K_STRING];
    default: return t;
    }
}
