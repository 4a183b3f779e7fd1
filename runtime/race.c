// The race detector's clocks (race.h): sparse vector clocks, goroutine thread ids (reused
// once a finished goroutine's history is known to the new goroutine's creator, so clocks
// stay small when 100,000 goroutines come and go), the clocks of synchronisation objects
// keyed by address, and the hooks the runtime calls at each synchronisation of the Go
// memory model. All state is guarded by race_mu; in_race marks the thread holding it (an
// allocation made while reporting must not re-enter through the allocation hook).
#include "race_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gc.h"
#include "memevent.h"
#include "out.h"

bool race_enabled;
pthread_mutex_t race_mu = PTHREAD_MUTEX_INITIALIZER;
static __thread bool in_race;
static __thread const void *spawn_ctx; // race_set_spawn_ctx

static void lock(void) {
    pthread_mutex_lock(&race_mu);
    in_race = true;
}

static void unlock(void) {
    in_race = false;
    pthread_mutex_unlock(&race_mu);
}

// ---- vector clocks ----

static int vc_find(const VC *v, uint32_t tid) { // index of the first entry >= tid
    int lo = 0, hi = (int)v->n;
    if (hi > 0 && v->e[hi - 1].tid < tid)
        return hi;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (v->e[mid].tid < tid)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

uint32_t vc_get(const VC *v, uint32_t tid) {
    int i = vc_find(v, tid);
    return i < (int)v->n && v->e[i].tid == tid ? v->e[i].clk : 0;
}

static void vc_reserve(VC *v, uint32_t n) {
    if (n <= v->cap)
        return;
    uint32_t cap = v->cap ? v->cap * 2 : 4;
    while (cap < n)
        cap *= 2;
    v->e = race_realloc(v->e, cap * sizeof(VcEnt));
    v->cap = cap;
}

void vc_set(VC *v, uint32_t tid, uint32_t clk) {
    int i = vc_find(v, tid);
    if (i < (int)v->n && v->e[i].tid == tid) {
        v->e[i].clk = clk;
        return;
    }
    vc_reserve(v, v->n + 1);
    memmove(&v->e[i + 1], &v->e[i], (v->n - (uint32_t)i) * sizeof(VcEnt));
    v->e[i] = (VcEnt){tid, clk};
    v->n++;
}

// dst = max(dst, src), entry by entry: a merge of the two sorted lists, or inserts when
// src is small (a goroutine's clock joined into a WaitGroup's: usually appends).
void vc_join(VC *dst, const VC *src) {
    if (src->n <= 4) {
        for (uint32_t j = 0; j < src->n; j++)
            if (vc_get(dst, src->e[j].tid) < src->e[j].clk)
                vc_set(dst, src->e[j].tid, src->e[j].clk);
        return;
    }
    VcEnt *out = race_realloc(NULL, (dst->n + src->n) * sizeof(VcEnt));
    uint32_t i = 0, j = 0, n = 0;
    while (i < dst->n || j < src->n) {
        if (j == src->n || (i < dst->n && dst->e[i].tid < src->e[j].tid))
            out[n++] = dst->e[i++];
        else if (i == dst->n || src->e[j].tid < dst->e[i].tid)
            out[n++] = src->e[j++];
        else {
            VcEnt a = dst->e[i++], b = src->e[j++];
            out[n++] = (VcEnt){a.tid, a.clk > b.clk ? a.clk : b.clk};
        }
    }
    free(dst->e);
    dst->e = out;
    dst->cap = dst->n + src->n;
    dst->n = n;
}

void vc_copy(VC *dst, const VC *src) {
    vc_reserve(dst, src->n);
    memcpy(dst->e, src->e, src->n * sizeof(VcEnt));
    dst->n = src->n;
}

void vc_free(VC *v) {
    free(v->e);
    *v = (VC){0};
}

// ---- thread ids ----

static uint32_t ntids;
static uint32_t *last_clk;  // final clock of each tid's last goroutine
static uint32_t last_cap;
static uint32_t *free_tids; // stack of reusable tids
static uint32_t nfree, free_cap;

// A tid for a goroutine created by [parent] (NULL: by the runtime): a free one whose last
// goroutine's whole history parent has seen (so the new goroutine may start after it), else
// a fresh one. Looks at the few most recently freed.
static uint32_t tid_alloc(const RaceG *parent) {
    for (uint32_t k = 0; parent && k < 8 && k < nfree; k++) {
        uint32_t i = nfree - 1 - k, t = free_tids[i];
        if (vc_get(&parent->vc, t) >= last_clk[t]) {
            free_tids[i] = free_tids[--nfree];
            return t;
        }
    }
    if (ntids == last_cap) {
        last_cap = last_cap ? last_cap * 2 : 64;
        last_clk = race_realloc(last_clk, last_cap * sizeof(uint32_t));
    }
    last_clk[ntids] = 0;
    return ntids++;
}

static void tid_free(uint32_t t, uint32_t clk) {
    last_clk[t] = clk;
    if (nfree == free_cap) {
        free_cap = free_cap ? free_cap * 2 : 64;
        free_tids = race_realloc(free_tids, free_cap * sizeof(uint32_t));
    }
    free_tids[nfree++] = t;
}

static RaceG *race_g_new(G *g, const RaceG *parent) {
    RaceG *rg = race_realloc(NULL, sizeof *rg);
    *rg = (RaceG){.tid = tid_alloc(parent), .gid = g->id};
    if (parent)
        vc_copy(&rg->vc, &parent->vc);
    vc_set(&rg->vc, rg->tid, last_clk[rg->tid] + 1);
    g->race = rg;
    return rg;
}

RaceG *race_g_locked(G *g) {
    return g->race ? g->race : race_g_new(g, NULL);
}

static void tick(RaceG *rg) {
    rg->used = false;
    vc_set(&rg->vc, rg->tid, vc_get(&rg->vc, rg->tid) + 1);
}

// ---- clocks of synchronisation objects, by address (open addressing) ----

typedef struct SyncEnt {
    uint64_t key; // the object's address
    VC vc;
} SyncEnt;

static RaceTable syncs = {.esize = sizeof(SyncEnt)};

static VC *sync_get(uintptr_t addr, bool create) {
    SyncEnt *e = race_table_get(&syncs, addr, create);
    return e ? &e->vc : NULL;
}

static void acquire_locked(RaceG *rg, const void *addr) {
    VC *s = sync_get((uintptr_t)addr, false);
    if (s)
        vc_join(&rg->vc, s);
}

static void release_locked(RaceG *rg, const void *addr) {
    vc_join(sync_get((uintptr_t)addr, true), &rg->vc);
    tick(rg);
}

// ---- hooks (race.h) ----

void race_acquire(G *g, const void *addr) {
    if (!race_enabled || !g)
        return;
    lock();
    acquire_locked(race_g_locked(g), addr);
    unlock();
}

void race_release(G *g, const void *addr) {
    if (!race_enabled || !g)
        return;
    lock();
    release_locked(race_g_locked(g), addr);
    unlock();
}

void race_acq_rel(G *g, const void *addr) {
    if (!race_enabled || !g)
        return;
    lock();
    RaceG *rg = race_g_locked(g);
    acquire_locked(rg, addr);
    release_locked(rg, addr);
    unlock();
}

// Go's racesync: a releases, b acquires, b releases, a acquires.
void race_sync_pair(G *a, G *b, const void *addr) {
    if (!race_enabled)
        return;
    lock();
    RaceG *ra = a ? race_g_locked(a) : NULL, *rb = b ? race_g_locked(b) : NULL;
    if (ra)
        release_locked(ra, addr);
    if (rb) {
        acquire_locked(rb, addr);
        release_locked(rb, addr);
    }
    if (ra)
        acquire_locked(ra, addr);
    unlock();
}

void race_atomic_begin(void) {
    lock();
}

void race_atomic_end(G *g, const void *addr) {
    if (g) {
        RaceG *rg = race_g_locked(g);
        acquire_locked(rg, addr);
        release_locked(rg, addr);
    }
    unlock();
}

static char io_sync; // the address of Go's ioSync

void race_io_write(G *g) {
    race_release(g, &io_sync);
}

void race_io_read(G *g) {
    race_acquire(g, &io_sync);
}

void race_set_spawn_ctx(const void *addr) {
    spawn_ctx = addr;
}

void race_go(G *parent, G *child) {
    if (!race_enabled)
        return;
    lock();
    RaceG *rp = parent ? race_g_locked(parent) : NULL;
    RaceG *rc = race_g_new(child, rp);
    if (rp)
        tick(rp);
    if (spawn_ctx)
        acquire_locked(rc, spawn_ctx);
    spawn_ctx = NULL;
    unlock();
}

void race_g_exit(G *g) {
    if (!race_enabled || !g->race)
        return;
    lock();
    RaceG *rg = g->race;
    g->race = NULL;
    tid_free(rg->tid, vc_get(&rg->vc, rg->tid) - !rg->used);
    if (rg->noted)
        race_note_finished(rg->gid);
    vc_free(&rg->vc);
    free(rg);
    unlock();
}

// ---- accesses, allocation, start and end ----

static void on_access(G *g, uintptr_t addr, uint32_t size, bool is_write, uint32_t site) {
    if (!g)
        return;
    lock();
    RaceG *rg = race_g_locked(g);
    rg->used = true;
    if (!rg->noted) {
        rg->noted = true;
        race_note_created(g);
    }
    race_shadow_access(g, rg, addr, size, is_write, site);
    unlock();
}

static void on_alloc(void *p, size_t size) {
    if (in_race)
        return;
    lock();
    race_shadow_clear(p, size);
    unlock();
}

void race_init(void) {
    race_enabled = true;
    memevent_enabled = 1;
    memevent_observe = on_access;
    gc_alloc_hook = on_alloc;
}

int race_fini(int status) {
    int n = race_enabled ? race_nreported() : 0;
    if (n == 0 || status != 0)
        return status;
    out_flush();
    char msg[64];
    int len = snprintf(msg, sizeof msg, "Found %d data race(s)\n", n);
    out_write(2, msg, (size_t)len);
    return 66;
}
