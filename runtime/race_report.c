// Race reports in the format of Go's detector, on stderr: the current access with its
// goroutine's stack, the previous access (its function and line: gol keeps one frame per
// shadowed access), and where each goroutine was created. gol adds a "Variable:" line naming
// what raced when the compiler knew it. Each unordered pair of source lines is reported once.
// Also keeps where every goroutine was created (by goroutine id) for the "created at" lines.
// Guarded by race_mu.
#include "race_int.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "funcinfo.h"
#include "memevent.h"
#include "out.h"

// ---- where goroutines were created ----

typedef struct Birth {
    uint64_t gid; // the goroutine id (the table's key)
    const char *fn;
    Pos pos;
    bool finished;
} Birth;

static RaceTable births = {.esize = sizeof(Birth)};

static Birth *birth_find(int64_t gid, bool create) {
    return race_table_get(&births, (uint64_t)gid, create);
}

void race_note_created(G *g) {
    if (g->id == 1 || !g->created_in)
        return;
    Birth *b = birth_find(g->id, true);
    const FuncInfo *cp = proto_info(g->created_in);
    b->fn = cp->name;
    b->pos = funcinfo_pos(cp, funcinfo_pc(cp, g->created_at));
    b->finished = false;
}

void race_note_finished(int64_t gid) {
    Birth *b = birth_find(gid, false);
    if (b)
        b->finished = true;
}

// ---- reports ----

static int nreported;
static uint64_t *seen; // reported pairs of source lines
static size_t nseen, seen_cap;

int race_nreported(void) {
    return nreported;
}

static uint64_t line_key(uint32_t site) {
    const MemSite *s = memevent_site(site);
    int line = 0, col = 0;
    if (s->pos.file)
        pos_line_col(s->pos, &line, &col);
    return (uint64_t)s->pos.file << 32 | (uint32_t)line;
}

// True the first time the unordered pair of lines of [a] and [b] is seen.
static bool first_time(uint32_t a, uint32_t b) {
    uint64_t x = line_key(a), y = line_key(b);
    uint64_t k = x < y ? x * 0x100000001B3ull ^ y : y * 0x100000001B3ull ^ x;
    for (size_t i = 0; i < nseen; i++)
        if (seen[i] == k)
            return false;
    if (nseen == seen_cap) {
        size_t ncap = seen_cap ? seen_cap * 2 : 16;
        uint64_t *ns = realloc(seen, ncap * sizeof(uint64_t));
        if (!ns)
            return true;
        seen = ns;
        seen_cap = ncap;
    }
    seen[nseen++] = k;
    return true;
}

static void put_pos(FILE *b, const char *fn, Pos pos) {
    int line = 0, col = 0;
    if (pos.file)
        pos_line_col(pos, &line, &col);
    fprintf(b, "  %s()\n      %s:%d\n", fn, pos.file ? pos_file_name(pos.file) : "?", line);
}

static void put_who(FILE *b, int64_t gid) {
    if (gid == 1)
        fprintf(b, "main goroutine:\n");
    else
        fprintf(b, "goroutine %" PRId64 ":\n", gid);
}

static void put_stack(FILE *b, G *g) {
    for (int i = g->nframes - 1; i >= 0; i--) {
        Frame *f = &g->frames[i];
        const FuncInfo *fi = f->proto ? proto_info(f->proto) : NULL;
        if (!fi || !fi->code || fi->hidden)
            continue;
        put_pos(b, fi->name, funcinfo_pos(fi, funcinfo_pc(fi, f->ip) - 1));
    }
}

static void put_birth(FILE *b, int64_t gid, bool running) {
    Birth *br = gid == 1 ? NULL : birth_find(gid, false);
    if (!br)
        return;
    fprintf(b, "\nGoroutine %" PRId64 " (%s) created at:\n", gid,
               running || !br->finished ? "running" : "finished");
    put_pos(b, br->fn, br->pos);
}

void race_report(uintptr_t addr, const RaceAccess *cur, const RaceAccess *prev) {
    if (!first_time(cur->site, prev->site))
        return;
    nreported++;
    const MemSite *cs = memevent_site(cur->site), *ps = memevent_site(prev->site);
    const char *var = cs->desc ? cs->desc : ps->desc;
    char *text = NULL;
    size_t len = 0;
    FILE *b = open_memstream(&text, &len); // malloc'd: the report allocates no GC memory
    if (!b)
        return;
    fprintf(b, "==================\nWARNING: DATA RACE\n");
    if (var)
        fprintf(b, "Variable: %s\n", var);
    fprintf(b, "%s at 0x%012" PRIxPTR " by ", cur->write ? "Write" : "Read", addr);
    put_who(b, cur->gid);
    put_stack(b, cur->g);
    fprintf(b, "\nPrevious %s at 0x%012" PRIxPTR " by ", prev->write ? "write" : "read",
               addr);
    put_who(b, prev->gid);
    put_pos(b, ps->func, ps->pos);
    put_birth(b, cur->gid, true);
    if (prev->gid != cur->gid)
        put_birth(b, prev->gid, false);
    fprintf(b, "==================\n");
    fclose(b);
    out_write(2, text, len);
    free(text);
}
