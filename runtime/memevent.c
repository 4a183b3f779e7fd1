// Shared-memory events: the switch that makes the compiler instrument accesses, the table of
// access sites, and the dispatch of each event to its consumers (the race detector, then the
// deterministic scheduler's preemption hook). Sites live in fixed blocks that never move, so
// a reader needs no lock; adding one takes sites_lock.
#include "memevent.h"

#include <pthread.h>
#include <stdatomic.h>

#include <stdlib.h>

int memevent_enabled;
bool (*memevent_preempt)(G *g, uintptr_t addr, bool is_write);
void (*memevent_observe)(G *g, uintptr_t addr, uint32_t size, bool is_write, uint32_t site);

enum { SITE_BLOCK = 1024, SITE_BLOCKS = 4096 };

static pthread_mutex_t sites_lock = PTHREAD_MUTEX_INITIALIZER;
static MemSite *_Atomic site_blocks[SITE_BLOCKS]; // published with a release store
static _Atomic uint32_t nsites = 1;                // guarded by sites_lock for writers
static const MemSite no_site = {"?", {0, 0}, NULL};

bool memevent_access(G *g, uintptr_t addr, uint32_t size, bool is_write, uint32_t site) {
    if (memevent_observe)
        memevent_observe(g, addr, size, is_write, site);
    return memevent_preempt && memevent_preempt(g, addr, is_write);
}

uint32_t memevent_site_add(Pos pos, const char *desc) {
    pthread_mutex_lock(&sites_lock);
    uint32_t n = atomic_load(&nsites);
    if (n >= (uint32_t)SITE_BLOCK * SITE_BLOCKS) { // out of sites: share the anonymous one
        pthread_mutex_unlock(&sites_lock);
        return MEMSITE_NONE;
    }
    MemSite *blk = atomic_load(&site_blocks[n / SITE_BLOCK]);
    if (!blk) {
        blk = calloc(SITE_BLOCK, sizeof(MemSite)); // never freed; holds no GC pointers
        if (!blk) {
            pthread_mutex_unlock(&sites_lock);
            return MEMSITE_NONE;
        }
        atomic_store_explicit(&site_blocks[n / SITE_BLOCK], blk, memory_order_release);
    }
    blk[n % SITE_BLOCK] = (MemSite){"?", pos, desc};
    atomic_store_explicit(&nsites, n + 1, memory_order_release);
    pthread_mutex_unlock(&sites_lock);
    return n;
}

void memevent_site_set_func(uint32_t site, const char *func) {
    if (site == MEMSITE_NONE || site >= atomic_load(&nsites))
        return;
    MemSite *blk = atomic_load_explicit(&site_blocks[site / SITE_BLOCK], memory_order_acquire);
    blk[site % SITE_BLOCK].func = func;
}

const MemSite *memevent_site(uint32_t site) {
    if (site == MEMSITE_NONE || site >= atomic_load_explicit(&nsites, memory_order_acquire))
        return &no_site;
    MemSite *blk = atomic_load_explicit(&site_blocks[site / SITE_BLOCK], memory_order_acquire);
    return &blk[site % SITE_BLOCK];
}
