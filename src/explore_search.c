// The search tree of gol explore (explore_int.h): the choice points of the current path,
// each with its alternatives, the steps already explored there and the sleep set on entry
// (Godefroid's sleep sets: a goroutine whose next step was explored from an earlier
// sibling and commutes with everything since sleeps; choosing it would only reorder
// independent steps). Depth-first: the next run changes the deepest choice that has an
// alternative within the preemption bound that is not asleep.
#include "explore_int.h"

#include <stdlib.h>
#include <string.h>

#include "../runtime/gc.h"

typedef struct Node {
    uint16_t n, chosen;
    uint8_t costly, kind;
    int64_t *alts;       // the n alternatives' goroutines; NULL: unknown (no sleep skips)
    ExploreStep taken;   // the step of the chosen alternative (from the latest run)
    ExploreStep *done;   // steps of the alternatives explored before it
    int ndone, donecap;
    ExploreStep *sleep;  // the sleep set on entry
    int nsleep;
    int used;            // preemptions before this point
} Node;

struct Search {
    int bound;
    bool reduce;         // sleep sets on (GOL_EXPLORE_NOREDUCE=1 turns them off, to compare)
    Node *nodes;
    int depth, cap;
    int diverge;         // the last forced point of the run in flight (-1: none)
    ExploreStep *sent;   // the sleep candidates given to that run (for node diverge + 1)
    int nsent;
    uint16_t *prefix;
    int prefixcap;
};

Search *search_new(int bound) {
    Search *s = gc_alloc(sizeof(Search));
    s->bound = bound;
    s->reduce = !getenv("GOL_EXPLORE_NOREDUCE");
    s->diverge = -1;
    return s;
}

// A copy of the step logged at choice [c] (the log's memory is reused by the next run).
static ExploreStep copy_step(const ExploreLog *log, const ExploreChoice *c) {
    ExploreStep t = {c->gid, c->sync, (int)c->nacc, NULL};
    if (c->nacc > 0) {
        uint64_t *a = gc_alloc_atomic(c->nacc * sizeof(uint64_t));
        memcpy(a, &log->accs[c->acc], c->nacc * sizeof(uint64_t));
        t.acc = a;
    }
    return t;
}

// The steps of [set] that commute with [t] (a new array).
static ExploreStep *filter(const ExploreStep *set, int n, const ExploreStep *t, int *out) {
    ExploreStep *r = n ? gc_alloc((size_t)n * sizeof(ExploreStep)) : NULL;
    int k = 0;
    for (int i = 0; i < n; i++)
        if (explore_independent(&set[i], t))
            r[k++] = set[i];
    *out = k;
    return r;
}

static int cost(const Node *x, int k) {
    return x->costly && k > 0;
}

void search_add_run(Search *s, const ExploreLog *log) {
    int d = s->diverge;
    if (d >= 0 && d < log->n)
        s->nodes[d].taken = copy_step(log, &log->c[d]);
    if (log->n > s->cap) {
        s->cap = log->n + 64;
        s->nodes = gc_realloc(s->nodes, (size_t)s->cap * sizeof(Node));
    }
    for (int j = d + 1; j < log->n; j++) {
        const ExploreChoice *c = &log->c[j];
        Node *x = &s->nodes[j];
        memset(x, 0, sizeof *x);
        x->n = c->n;
        x->chosen = c->chosen;
        x->costly = c->costly;
        x->kind = c->kind;
        if (c->alts != UINT32_MAX) {
            x->alts = gc_alloc_atomic(c->n * sizeof(int64_t));
            memcpy(x->alts, &log->gids[c->alts], c->n * sizeof(int64_t));
        }
        x->taken = copy_step(log, c);
        if (j == 0)
            continue;
        Node *up = &s->nodes[j - 1];
        x->used = up->used + cost(up, up->chosen);
        if (j == d + 1)
            x->sleep = filter(s->sent, s->nsent, &up->taken, &x->nsleep);
        else
            x->sleep = filter(up->sleep, up->nsleep, &up->taken, &x->nsleep);
    }
    s->depth = log->n;
}

static bool asleep(const Search *s, const Node *x, int k) {
    if (!s->reduce || !x->alts) // select and timer choices have none
        return false;
    for (int i = 0; i < x->nsleep; i++)
        if (x->sleep[i].gid == x->alts[k])
            return true;
    return false;
}

static void push_done(Node *x, ExploreStep t) {
    if (x->ndone == x->donecap) {
        x->donecap = x->donecap ? 2 * x->donecap : 4;
        x->done = gc_realloc(x->done, (size_t)x->donecap * sizeof(ExploreStep));
    }
    x->done[x->ndone++] = t;
}

bool search_next(Search *s, ExploreRun *run) {
    for (int j = s->depth - 1; j >= 0; j--) {
        Node *x = &s->nodes[j];
        int k = x->chosen + 1;
        while (k < x->n && (x->used + cost(x, k) > s->bound || asleep(s, x, k)))
            k++;
        if (k >= x->n)
            continue;
        if (x->alts) // goroutine choices (not select or timer ones)
            push_done(x, x->taken);
        x->chosen = (uint16_t)k;
        // The sleep candidates of the new branch: what slept here and what was explored
        // here; the run keeps those that commute with the step it now takes.
        s->nsent = x->nsleep + x->ndone;
        s->sent = gc_alloc((size_t)(s->nsent ? s->nsent : 1) * sizeof(ExploreStep));
        if (x->nsleep)
            memcpy(s->sent, x->sleep, (size_t)x->nsleep * sizeof(ExploreStep));
        if (x->ndone)
            memcpy(s->sent + x->nsleep, x->done, (size_t)x->ndone * sizeof(ExploreStep));
        if (j + 1 > s->prefixcap) {
            s->prefixcap = j + 65;
            s->prefix = gc_realloc(s->prefix, (size_t)s->prefixcap * sizeof(uint16_t));
        }
        for (int i = 0; i <= j; i++)
            s->prefix[i] = s->nodes[i].chosen;
        s->depth = j + 1;
        s->diverge = j;
        *run = (ExploreRun){s->prefix, j + 1, s->bound, x->used + cost(x, k), s->sent,
                            s->reduce ? s->nsent : 0};
        return true;
    }
    return false;
}
