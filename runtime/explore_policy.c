// The systematic policy of explore_policy.h: replays a prefix of choices, then takes the
// first alternative that is not asleep and within the preemption bound, logging each
// point's alternatives and the footprint of the step taken there. Only the M holding the
// single P calls it (pick and preempt under sched.lock), so its state is plain.
#include "explore_policy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gc.h"
#include "out.h"

enum {
    SLICE_BUDGET = 10000, // preemption points per slice
    SLICE_STEPS = 100,    // what a slice counts against the step cap
    FP_MAX = 32,          // accesses a footprint keeps; beyond, the step counts as sync
};

// The step in progress: taken at choice point [point] by goroutine [gid].
typedef struct Step {
    int point; // -1: none yet (the run's first step, before any choice)
    int64_t gid;
    bool sync;
    int nacc;
    uint64_t acc[FP_MAX];
} Step;

// What the policy knows of a goroutine that has run: whether it was switched away at a
// preemption point (its next step starts cleanly: with [acc], the access it stopped
// before, if any) or stopped some other way (parked or yielded: its next step may first
// complete a blocked operation). A goroutine not listed has not run yet.
typedef struct Pending {
    int64_t gid;
    bool stopped_at_point;
    uint64_t acc;
} Pending;

static struct {
    ExploreRun run;
    int pos;          // choice points so far
    ExploreLog *log;  // NULL: replay only
    int64_t steps, step_cap;
    G *target;        // a preempt chose this G: the next pick takes it
    uint64_t rng;     // fixed random stream (map seeds, select poll order)
    Step cur;
    Pending *pending;
    int npending, pendcap;
    ExploreStep *sleep; // the sleep set (after the prefix)
    int nsleep;
    int used;           // preemptions so far (after the prefix)
} ex;

bool explore_independent(const ExploreStep *a, const ExploreStep *b) {
    if (a->gid == b->gid || a->sync || b->sync)
        return false;
    for (int i = 0; i < a->nacc; i++)
        for (int j = 0; j < b->nacc; j++)
            if (a->acc[i] >> 1 == b->acc[j] >> 1 && ((a->acc[i] | b->acc[j]) & 1))
                return false;
    return true;
}

// A run past the step cap ends here: its output so far is the outcome's.
static void step(void) {
    ex.steps++;
    if (ex.log)
        ex.log->steps = ex.steps;
    if (ex.step_cap > 0 && ex.steps > ex.step_cap) {
        if (ex.log)
            ex.log->capped = true;
        out_flush();
        char msg[128];
        int len = snprintf(msg, sizeof msg,
                           "gol: step cap reached: the schedule made %lld scheduling steps "
                           "without ending\n",
                           (long long)ex.step_cap);
        if (write(2, msg, (size_t)len) < 0)
            _exit(EXPLORE_CAP_EXIT);
        _exit(EXPLORE_CAP_EXIT);
    }
}

static void add_access(uint64_t a) {
    Step *s = &ex.cur;
    for (int i = 0; i < s->nacc; i++)
        if (s->acc[i] == a)
            return;
    if (s->nacc == FP_MAX)
        s->sync = true;
    else
        s->acc[s->nacc++] = a;
}

static uint64_t access_word(uintptr_t addr, bool is_write) {
    return (uint64_t)addr << 1 | is_write;
}

static Pending *pending_of(int64_t gid) {
    for (int i = 0; i < ex.npending; i++)
        if (ex.pending[i].gid == gid)
            return &ex.pending[i];
    if (ex.npending == ex.pendcap) {
        ex.pendcap = ex.pendcap ? 2 * ex.pendcap : 16;
        ex.pending = gc_realloc(ex.pending, (size_t)ex.pendcap * sizeof(Pending));
    }
    ex.pending[ex.npending] = (Pending){gid, true, 0}; // new: starts at its entry
    return &ex.pending[ex.npending++];
}

// [gid] is switched away at a preemption point, before access [acc] (0: after a
// synchronisation operation).
static void set_pending(int64_t gid, uint64_t acc) {
    Pending *p = pending_of(gid);
    p->stopped_at_point = true;
    p->acc = acc;
}

// [gid] starts a step: *[clean] when it was switched away at a preemption point (or never
// ran); returns the access it stopped before (0: none). From now on it counts as running.
static uint64_t take_pending(int64_t gid, bool *clean) {
    Pending *p = pending_of(gid);
    uint64_t a = p->acc;
    *clean = p->stopped_at_point;
    p->stopped_at_point = false;
    p->acc = 0;
    return a;
}

// The step in progress ends at a choice point: log its footprint, and (after the prefix)
// wake the sleeping steps it does not commute with.
static void finish_step(void) {
    Step *s = &ex.cur;
    if (s->point < 0)
        return;
    ExploreLog *log = ex.log;
    if (log && s->point < log->n) {
        ExploreChoice *c = &log->c[s->point];
        c->gid = s->gid;
        c->sync = s->sync;
        c->acc = log->naccs;
        c->nacc = 0;
        if (log->naccs + (uint32_t)s->nacc <= log->acccap) {
            memcpy(&log->accs[log->naccs], s->acc, (size_t)s->nacc * sizeof(uint64_t));
            log->naccs += (uint32_t)s->nacc;
            c->nacc = (uint32_t)s->nacc;
        } else {
            c->sync = true; // out of room: the explorer treats it as dependent on all
        }
    }
    if (ex.pos >= ex.run.n && ex.nsleep > 0) {
        ExploreStep t = {s->gid, s->sync, s->nacc, s->acc};
        int k = 0;
        for (int i = 0; i < ex.nsleep; i++)
            if (explore_independent(&ex.sleep[i], &t))
                ex.sleep[k++] = ex.sleep[i];
        ex.nsleep = k;
    }
}

static void start_step(int point, int64_t gid, bool sync, uint64_t first) {
    ex.cur.point = point;
    ex.cur.gid = gid;
    ex.cur.sync = sync;
    ex.cur.nacc = 0;
    if (first)
        add_access(first);
}

static bool asleep(int64_t gid) {
    for (int i = 0; i < ex.nsleep; i++)
        if (ex.sleep[i].gid == gid)
            return true;
    return false;
}

// The choice at the next point, which has [n] >= 2 alternatives run by goroutines
// [gids] (NULL for a select).
static int next_choice(int n, bool costly, ExploreKind kind, const int64_t *gids) {
    step();
    finish_step();
    int c = 0;
    if (ex.pos < ex.run.n) {
        c = ex.run.prefix[ex.pos];
        if (c >= n) {
            if (ex.log)
                ex.log->diverged = true;
            c = 0;
        }
    } else if (ex.run.bound >= 0) {
        for (c = 0; c < n; c++) {
            if (costly && c > 0 && ex.used + 1 > ex.run.bound)
                continue;
            if (gids && asleep(gids[c]))
                continue;
            break;
        }
        if (c == n) { // every alternative was explored or is over the bound: nothing new
            if (ex.log)
                ex.log->pruned = true;
            _exit(EXPLORE_PRUNED_EXIT);
        }
        ex.used += costly && c > 0;
    }
    ExploreLog *log = ex.log;
    if (log && log->n < log->cap) {
        ExploreChoice *e = &log->c[log->n++];
        *e = (ExploreChoice){.n = (uint16_t)n, .chosen = (uint16_t)c, .costly = costly,
                             .kind = (uint8_t)kind, .alts = UINT32_MAX};
        if (gids && log->ngids + (uint32_t)n <= log->gidcap) {
            e->alts = log->ngids;
            for (int i = 0; i < n; i++)
                log->gids[log->ngids++] = gids[i];
        }
    }
    ex.pos++;
    return c;
}

static int index_of(G *const *q, int n, G *g) {
    for (int i = 0; i < n; i++)
        if (q[i] == g)
            return i;
    return -1;
}

// The step of a goroutine chosen to run: its pending access first; one that parked or
// yielded may first complete a blocked operation, so its step counts as synchronising.
static void start_switch(int point, G *g) {
    bool clean;
    uint64_t first = take_pending(g->id, &clean);
    start_step(point, g->id, !clean, first);
}

static int ex_pick(G *const *q, int n, G *prev) {
    if (ex.target) { // decided at the preemption point (the step has started there)
        int i = index_of(q, n, ex.target);
        ex.target = NULL;
        if (i >= 0)
            return i;
    }
    ex.cur.sync = true; // the step ended by blocking, ending or yielding, or timers fired
    // A slice that ran out of budget goes on: preempting there is not a choice point (as
    // in CHESS, goroutines switch at synchronisation and shared accesses).
    int ip = prev ? index_of(q, n, prev) : -1;
    if (ip >= 0)
        return ip;
    if (n == 1) { // no choice: the step goes on (already counted as synchronising)
        bool clean;
        uint64_t first = take_pending(q[0]->id, &clean);
        if (first)
            add_access(first);
        return 0;
    }
    int64_t small[16];
    int64_t *gids = n <= 16 ? small : gc_alloc_atomic((size_t)n * sizeof(int64_t));
    for (int i = 0; i < n; i++)
        gids[i] = q[i]->id;
    int point = ex.log ? ex.log->n : -1;
    int c = next_choice(n, false, EXPLORE_PICK, gids);
    start_switch(point, q[c]);
    return c;
}

static bool ex_preempt(G *g, G *const *q, int n, uintptr_t addr, bool is_write) {
    uint64_t acc = addr ? access_word(addr, is_write) : 0;
    if (!addr)
        ex.cur.sync = true; // the synchronisation operation just done
    if (n == 0) {
        if (acc)
            add_access(acc);
        return false;
    }
    int64_t small[16];
    int64_t *gids = n < 16 ? small : gc_alloc_atomic((size_t)(n + 1) * sizeof(int64_t));
    gids[0] = g->id;
    for (int i = 0; i < n; i++)
        gids[i + 1] = q[i]->id;
    int point = ex.log ? ex.log->n : -1;
    int c = next_choice(n + 1, true, EXPLORE_PREEMPT, gids);
    if (c == 0) {
        start_step(point, g->id, false, acc);
        return false;
    }
    set_pending(g->id, acc);
    ex.target = q[c - 1];
    start_switch(point, ex.target);
    return true;
}

static void ex_note(uintptr_t addr, bool is_write) {
    if (addr)
        add_access(access_word(addr, is_write));
    else
        ex.cur.sync = true;
}

static int ex_choose_case(int n) {
    int64_t gid = ex.cur.gid;
    int point = ex.log ? ex.log->n : -1;
    int c = next_choice(n, false, EXPLORE_SELECT, NULL);
    start_step(point, gid, true, 0);
    return c;
}

// Timers fire between steps; the choice and what it sets off count as synchronising.
static int ex_choose_timer(int n) {
    ex.cur.sync = true;
    int64_t gid = ex.cur.gid;
    int point = ex.log ? ex.log->n : -1;
    int c = next_choice(n, false, EXPLORE_TIMER, NULL);
    start_step(point, gid, true, 0);
    return c;
}

static uint64_t ex_rand(void) {
    ex.rng += 0xa0761d6478bd642full;
    __uint128_t t = (__uint128_t)ex.rng * (ex.rng ^ 0xe7037ed1a0b428dbull);
    return (uint64_t)(t >> 64) ^ (uint64_t)t;
}

// A slice of SLICE_BUDGET preemption points counts as SLICE_STEPS steps: a goroutine
// spinning without choice points still meets the cap (after about 10^7 points).
static int ex_budget(void) {
    ex.steps += SLICE_STEPS - 1;
    step();
    return SLICE_BUDGET;
}

static const DetPolicy policy = {
    .pick = ex_pick,
    .preempt = ex_preempt,
    .note = ex_note,
    .choose_case = ex_choose_case,
    .choose_timer = ex_choose_timer,
    .rand = ex_rand,
    .budget = ex_budget,
};

const DetPolicy *explore_policy(const ExploreRun *run, ExploreLog *log, int64_t step_cap) {
    memset(&ex, 0, sizeof ex);
    ex.run = *run;
    ex.log = log;
    ex.step_cap = step_cap;
    ex.rng = 1;
    ex.cur.point = -1;
    ex.cur.gid = 1; // main runs first
    ex.used = run->used;
    if (run->nsleep > 0) { // a copy: finish_step filters it in place
        ex.sleep = gc_alloc((size_t)run->nsleep * sizeof(ExploreStep));
        memcpy(ex.sleep, run->sleep, (size_t)run->nsleep * sizeof(ExploreStep));
        ex.nsleep = run->nsleep;
    }
    return &policy;
}
