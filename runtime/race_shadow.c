// Shadow memory of the race detector: for each 8-byte word (a slot) the last write's epoch
// and the last reads (one epoch, or a read set while reads are concurrent: FastTrack's
// adaptive representation), with the goroutine and source site of each for reports. Pages of
// 512 cells are made on first access and found through a hash of the page number; memory
// the collector hands out again is cleared (race_shadow_clear). Guarded by race_mu.
#include "race_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { PAGE_SHIFT = 12, CELLS = 1 << (PAGE_SHIFT - 3) };

typedef struct RsEnt {
    Epoch e;
    uint32_t site;
    int64_t gid;
} RsEnt;

typedef struct ReadSet {
    uint32_t n, cap;
    RsEnt *v;
} ReadSet;

typedef struct Cell {
    Epoch w, r;     // last write; last read when rs is NULL (0: none)
    ReadSet *rs;    // concurrent reads since the last write
    uint32_t wsite, rsite;
    int64_t wgid, rgid;
} Cell;

typedef struct Page {
    uintptr_t pageno;
    Cell c[CELLS];
} Page;

static Page **pages; // open addressing by page number
static size_t npages, pages_cap;

static void *xcalloc(size_t n, size_t size) {
    void *p = calloc(n, size);
    if (!p) {
        fputs("fatal error: race detector: out of memory\n", stderr);
        _exit(2);
    }
    return p;
}

static size_t page_hash(uintptr_t pn, size_t cap) {
    return (size_t)(pn * 0x9E3779B97F4A7C15ull >> 17) & (cap - 1);
}

static Page *page_find(uintptr_t pn) {
    if (!pages_cap)
        return NULL;
    for (size_t i = page_hash(pn, pages_cap);; i = (i + 1) & (pages_cap - 1)) {
        if (!pages[i])
            return NULL;
        if (pages[i]->pageno == pn)
            return pages[i];
    }
}

static void page_insert(Page **tab, size_t cap, Page *p) {
    size_t i = page_hash(p->pageno, cap);
    while (tab[i])
        i = (i + 1) & (cap - 1);
    tab[i] = p;
}

static Page *page_get(uintptr_t pn) {
    Page *p = page_find(pn);
    if (p)
        return p;
    if (2 * (npages + 1) > pages_cap) {
        size_t ncap = pages_cap ? pages_cap * 2 : 1024;
        Page **nt = xcalloc(ncap, sizeof(Page *));
        for (size_t j = 0; j < pages_cap; j++)
            if (pages[j])
                page_insert(nt, ncap, pages[j]);
        free(pages);
        pages = nt;
        pages_cap = ncap;
    }
    p = xcalloc(1, sizeof(Page));
    p->pageno = pn;
    page_insert(pages, pages_cap, p);
    npages++;
    return p;
}

static void cell_clear_reads(Cell *c) {
    if (c->rs) {
        free(c->rs->v);
        free(c->rs);
        c->rs = NULL;
    }
    c->r = 0;
}

// Record a read [e] in [c]'s read set: one entry per tid, sorted by tid (100,000 goroutines
// reading one captured variable concurrently: fresh tids append at the end).
static void rs_put(ReadSet *rs, Epoch e, uint32_t site, int64_t gid) {
    uint32_t tid = EP_TID(e), lo = 0, hi = rs->n;
    if (hi > 0 && EP_TID(rs->v[hi - 1].e) < tid)
        lo = hi;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (EP_TID(rs->v[mid].e) < tid)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < rs->n && EP_TID(rs->v[lo].e) == tid) {
        rs->v[lo] = (RsEnt){e, site, gid};
        return;
    }
    if (rs->n == rs->cap) {
        rs->cap = rs->cap ? rs->cap * 2 : 4;
        RsEnt *nv = realloc(rs->v, rs->cap * sizeof(RsEnt));
        if (!nv) {
            fputs("fatal error: race detector: out of memory\n", stderr);
            _exit(2);
        }
        rs->v = nv;
    }
    memmove(&rs->v[lo + 1], &rs->v[lo], (rs->n - lo) * sizeof(RsEnt));
    rs->v[lo] = (RsEnt){e, site, gid};
    rs->n++;
}

typedef struct Acc {
    G *g;
    RaceG *rg;
    Epoch e;
    bool w;
    uint32_t site;
    bool reported; // one report per access at most
} Acc;

static void report(Acc *a, uintptr_t addr, bool pw, uint32_t psite, int64_t pgid) {
    if (a->reported)
        return;
    a->reported = true;
    RaceAccess cur = {a->rg->gid, a->w, a->site, a->g};
    RaceAccess prev = {pgid, pw, psite, NULL};
    race_report(addr, &cur, &prev);
}

static void read_cell(Acc *a, Cell *c, uintptr_t addr) {
    if (!c->rs && c->r == a->e)
        return;
    if (c->w && !race_hb(c->w, a->rg))
        report(a, addr, true, c->wsite, c->wgid);
    if (c->rs) {
        rs_put(c->rs, a->e, a->site, a->rg->gid);
    } else if (!c->r || EP_TID(c->r) == EP_TID(a->e) || race_hb(c->r, a->rg)) {
        c->r = a->e;
        c->rsite = a->site;
        c->rgid = a->rg->gid;
    } else { // concurrent reads: keep both
        c->rs = xcalloc(1, sizeof(ReadSet));
        rs_put(c->rs, c->r, c->rsite, c->rgid);
        rs_put(c->rs, a->e, a->site, a->rg->gid);
        c->r = 0;
    }
}

static void write_cell(Acc *a, Cell *c, uintptr_t addr) {
    if (c->w == a->e)
        return;
    if (c->w && !race_hb(c->w, a->rg)) {
        report(a, addr, true, c->wsite, c->wgid);
    } else if (c->rs) {
        for (uint32_t i = 0; i < c->rs->n; i++)
            if (!race_hb(c->rs->v[i].e, a->rg)) {
                report(a, addr, false, c->rs->v[i].site, c->rs->v[i].gid);
                break;
            }
    } else if (c->r && !race_hb(c->r, a->rg)) {
        report(a, addr, false, c->rsite, c->rgid);
    }
    c->w = a->e;
    c->wsite = a->site;
    c->wgid = a->rg->gid;
    cell_clear_reads(c);
}

void race_shadow_access(G *g, RaceG *rg, uintptr_t addr, uint32_t size, bool w, uint32_t site) {
    Acc a = {g, rg, EP(rg->tid, vc_get(&rg->vc, rg->tid)), w, site, false};
    uintptr_t end = addr + (size ? size : 1);
    Page *p = NULL;
    for (uintptr_t x = addr & ~(uintptr_t)7; x < end; x += 8) {
        uintptr_t pn = x >> PAGE_SHIFT;
        if (!p || p->pageno != pn)
            p = page_get(pn);
        Cell *c = &p->c[(x >> 3) & (CELLS - 1)];
        if (w)
            write_cell(&a, c, x);
        else
            read_cell(&a, c, x);
    }
}

void race_shadow_clear(void *ptr, size_t size) {
    uintptr_t start = (uintptr_t)ptr & ~(uintptr_t)7, end = (uintptr_t)ptr + size;
    for (uintptr_t x = start; x < end;) {
        uintptr_t pn = x >> PAGE_SHIFT;
        uintptr_t pend = (pn + 1) << PAGE_SHIFT;
        uintptr_t stop = pend < end ? pend : end;
        Page *p = page_find(pn);
        if (p)
            for (uintptr_t y = x; y < stop; y += 8) {
                Cell *c = &p->c[(y >> 3) & (CELLS - 1)];
                if (c->rs)
                    cell_clear_reads(c);
                memset(c, 0, sizeof *c);
            }
        x = stop;
    }
}
