// Shared-memory events: the switch that makes the compiler instrument accesses, the table of
// access sites, and the dispatch of each event to its consumers (the race detector, then the
// deterministic scheduler's preemption hook). Sites live in fixed blocks that never move, so
// a reader needs no lock; adding one takes sites_lock.
#include "memevent.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "funcinfo.h"

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

// Sites of natives' accesses, one per calling instruction: (proto, pc) -> site.
typedef struct NatSite {
    const Proto *proto; // NULL: empty
    int pc;
    uint32_t site;
} NatSite;
static NatSite *natsites; // guarded by sites_lock
static size_t nnat, nat_cap;

static size_t nat_hash(const Proto *p, int pc, size_t cap) {
    return (size_t)(((uintptr_t)p >> 4) * 31 + (uintptr_t)pc) * 0x9E3779B97F4A7C15ull >> 7 &
           (cap - 1);
}

static NatSite *nat_slot(NatSite *tab, size_t cap, const Proto *p, int pc) {
    size_t i = nat_hash(p, pc, cap);
    while (tab[i].proto && (tab[i].proto != p || tab[i].pc != pc))
        i = (i + 1) & (cap - 1);
    return &tab[i];
}

static uint32_t native_site(G *g) {
    const Frame *f = g->nframes > 0 ? &g->frames[g->nframes - 1] : NULL;
    if (!f || !f->proto || !proto_info(f->proto)->code)
        return MEMSITE_NONE;
    const Proto *p = f->proto;
    const FuncInfo *fi = proto_info(p);
    int pc = funcinfo_pc(fi, f->ip) - 1;
    if (pc < 0 || pc >= fi->ncode)
        return MEMSITE_NONE;
    pthread_mutex_lock(&sites_lock);
    if (2 * (nnat + 1) > nat_cap) {
        size_t ncap = nat_cap ? nat_cap * 2 : 256;
        NatSite *nt = calloc(ncap, sizeof(NatSite));
        if (!nt) {
            pthread_mutex_unlock(&sites_lock);
            return MEMSITE_NONE;
        }
        for (size_t j = 0; j < nat_cap; j++)
            if (natsites[j].proto)
                *nat_slot(nt, ncap, natsites[j].proto, natsites[j].pc) = natsites[j];
        free(natsites);
        natsites = nt;
        nat_cap = ncap;
    }
    NatSite *ns = nat_slot(natsites, nat_cap, p, pc);
    uint32_t site = ns->site;
    pthread_mutex_unlock(&sites_lock);
    if (ns->proto)
        return site;
    site = memevent_site_add(funcinfo_pos(fi, pc), NULL);
    memevent_site_set_func(site, fi->name);
    pthread_mutex_lock(&sites_lock); // the table may have grown meanwhile
    ns = nat_slot(natsites, nat_cap, p, pc);
    if (!ns->proto) {
        *ns = (NatSite){p, pc, site};
        nnat++;
    }
    site = ns->site;
    pthread_mutex_unlock(&sites_lock);
    return site;
}

void memevent_native(G *g, const void *p, uint64_t size, bool is_write) {
    if (!memevent_enabled || !g || !p || !size)
        return;
    memevent_access(g, (uintptr_t)p, size > UINT32_MAX ? UINT32_MAX : (uint32_t)size, is_write,
                    native_site(g));
}

const MemSite *memevent_site(uint32_t site) {
    if (site == MEMSITE_NONE || site >= atomic_load_explicit(&nsites, memory_order_acquire))
        return &no_site;
    MemSite *blk = atomic_load_explicit(&site_blocks[site / SITE_BLOCK], memory_order_acquire);
    return &blk[site % SITE_BLOCK];
}
