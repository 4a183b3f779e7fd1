// Fakes of the modules format.c needs but that are not testable alone yet: the predeclared
// types (types_init), method lookup and calls (rt_method, vm_call, with methods registered
// as natives that may panic), the panic bookkeeping, and a tiny insertion-ordered map.
// `make unit` links them with format_test.c (-DFORMAT_FAKES) and exactly the real objects
// of the Makefile's FORMAT_FAKE_OBJ into build/unit/format_fakes.
#include "format_fakes.h"

#include <stdio.h>
#include <stdlib.h>

#include "../../../src/chunk.h"
#include "../../../src/types.h"
#include "map.h"
#include "memevent.h"
#include "panic.h"
#include "signals.h"
#include "vm.h"

Type *types_basic[K_COUNT];
Type *types_error;
Type *types_empty_iface;
Type *types_comparable;

void types_init(void) {
    static const char *names[K_COUNT] = {
        [K_BOOL] = "bool", [K_INT] = "int", [K_INT8] = "int8", [K_INT16] = "int16",
        [K_INT32] = "int32", [K_INT64] = "int64", [K_UINT] = "uint", [K_UINT8] = "uint8",
        [K_UINT16] = "uint16", [K_UINT32] = "uint32", [K_UINT64] = "uint64",
        [K_UINTPTR] = "uintptr", [K_FLOAT32] = "float32", [K_FLOAT64] = "float64",
        [K_STRING] = "string"};
    for (int k = 0; k < K_COUNT; k++) {
        if (!names[k])
            continue;
        Type *t = gc_alloc(sizeof(Type));
        t->kind = (Kind)k;
        t->under = t;
        t->name = names[k];
        t->slots = 1;
        t->has_ptrs = k == K_STRING;
        t->comparable = true;
        types_basic[k] = t;
    }
    Type *e = gc_alloc(sizeof(Type));
    e->kind = K_INTERFACE;
    e->under = e;
    e->slots = 1;
    e->has_ptrs = true;
    types_empty_iface = e;
}

// ---- methods ----
typedef struct FakeMethod {
    Type *t;
    const char *name;
    GoFunc *fn;
} FakeMethod;
static FakeMethod methods[64];
static int nmethods;

void fake_add_method(Type *t, const char *name, NativeFn fn) {
    Proto *p = gc_alloc(sizeof(Proto));
    p->name = name;
    p->native = fn;
    p->nparams = 1;
    p->nresults = 1;
    GoFunc *f = gc_alloc(sizeof(GoFunc));
    f->proto = p;
    methods[nmethods++] = (FakeMethod){t, name, f};
}

GoFunc *rt_method(Type *t, const char *name) {
    for (int i = 0; i < nmethods; i++)
        if (methods[i].t == t && strcmp(methods[i].name, name) == 0)
            return methods[i].fn;
    return NULL;
}

RtStatus rt_panic_runtime(G *g, const char *fmt, ...) {
    GOL_UNUSED(fmt);
    return fake_panic(g, NULL);
}

RtStatus fake_panic(G *g, GoIface *value) {
    Panic *p = gc_alloc(sizeof(Panic));
    p->value = value;
    p->link = g->panic;
    g->panic = p;
    return RT_PANIC;
}

// Fake panics are never counted: there is no scheduler to tell.
void panic_track(G *g) {
    GOL_UNUSED(g);
}

// out.c ends the process by a signal when stdout is a broken pipe; no test gets there.
GOL_NORETURN void sig_die(int sig) {
    fprintf(stderr, "fake: killed by signal %d\n", sig);
    abort();
}

GOL_NORETURN void rt_stack_overflow(G *g) {
    GOL_UNUSED(g);
    fprintf(stderr, "fatal error: stack overflow\n");
    abort();
}

GOL_NORETURN void rt_fatal(G *g, const char *msg) {
    GOL_UNUSED(g);
    fprintf(stderr, "fatal error: %s\n", msg);
    abort();
}

// The tests run their natives with g NULL.
G *g_current(void) {
    return NULL;
}

RtStatus vm_call(G *g, GoFunc *fn, const Slot *args, int nargs, Slot *res, int nres) {
    GOL_UNUSED(nargs);
    GOL_UNUSED(nres);
    return fn->proto->native(g, (Slot *)args, res);
}

// ---- maps: entries in insertion order, so sorting is really exercised ----
struct GoMap {
    Type *type;
    Slot keys[32], vals[32];
    int64_t n;
};

GoMap *map_make(Type *maptype, int64_t hint) {
    GOL_UNUSED(hint);
    GoMap *m = gc_alloc(sizeof(GoMap));
    m->type = maptype;
    return m;
}

RtStatus map_set(G *g, GoMap *m, Slot key, Slot val) {
    GOL_UNUSED(g);
    m->keys[m->n] = key;
    m->vals[m->n++] = val;
    return RT_OK;
}

int64_t map_len(const GoMap *m) {
    return m ? m->n : 0;
}

void map_iter_init(MapIter *it, GoMap *m, uint32_t rnd) {
    GOL_UNUSED(rnd);
    memset(it, 0, sizeof *it);
    it->m = m;
    it->n = m ? m->n : 0;
}

bool map_iter_next(G *g, MapIter *it, Slot *k, Slot *v) {
    GOL_UNUSED(g);
    if (it->i >= it->n)
        return false;
    *k = it->m->keys[it->i];
    *v = it->m->vals[it->i++];
    return true;
}

// No shared-memory events in these tests (no -race, no --seed): fmt's reads go unreported.
void memevent_native(G *g, const void *p, uint64_t size, bool is_write) {
    GOL_UNUSED(g);
    GOL_UNUSED(p);
    GOL_UNUSED(size);
    GOL_UNUSED(is_write);
}
