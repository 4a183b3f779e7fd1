// Shadow memory of the race detector: for each 8-byte word (a slot) the last write's epoch
// and the last reads (one epoch, or a read set while reads are concurrent: FastTrack's
// adaptive representation), with the goroutine and source site of each for reports. Pages of
// 512 cells are made on first access and found through a hash of the page number; memory
// the collector hands out again is cleared (race_shadow_clear). Guarded by race_mu.
#include "race_int.h"

#include <stdlib.h>
#include <string.h>

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

typedef struct PageEnt {
    uint64_t pageno;
    Page *page; // pages do not move when the table grows
} PageEnt;

static RaceTable pages = {.esize = sizeof(PageEnt)};

static Page *page_find(uintptr_t pn) {
    PageEnt *e = race_table_get(&pages, pn, false);
    return e ? e->page : NULL;
}

static Page *page_get(uintptr_t pn) {
    PageEnt *e = race_table_get(&pages, pn, true);
    if (!e->page) {
        e->page = race_calloc(1, sizeof(Page));
        e->page->pageno = pn;
    }
    return e->page;
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
        rs->v = race_realloc(rs->v, rs->cap * sizeof(RsEnt));
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
        c->rs = race_calloc(1, sizeof(ReadSet));
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
