// The systematic policy of explore_policy.h: replays a prefix of choices, then takes the
// default (non-preemptive) choice at every later point, logging each point's alternatives.
// Only the M holding the single P calls it (under sched.lock for pick and preempt).
#include "explore_policy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gc.h"
#include "out.h"

enum { SLICE_BUDGET = 10000, SLICE_STEPS = 100 };

static struct {
    uint16_t *prefix;
    int nprefix;
    int pos;          // choice points so far
    ExploreLog *log;  // NULL: replay only
    int64_t steps, step_cap;
    G *target;        // a preempt chose this G: the next pick takes it
    uint64_t rng;     // fixed random stream (map seeds, select poll order)
} ex;

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

// The choice at the next point, which has [n] >= 2 alternatives.
static int next_choice(int n, bool costly, ExploreKind kind) {
    step();
    int c = 0;
    if (ex.pos < ex.nprefix) {
        c = ex.prefix[ex.pos];
        if (c >= n) {
            if (ex.log)
                ex.log->diverged = true;
            c = 0;
        }
    }
    ExploreLog *log = ex.log;
    if (log && log->n < log->cap)
        log->c[log->n++] = (ExploreChoice){(uint16_t)n, (uint16_t)c, costly, (uint8_t)kind};
    ex.pos++;
    return c;
}

static int index_of(G *const *q, int n, G *g) {
    for (int i = 0; i < n; i++)
        if (q[i] == g)
            return i;
    return -1;
}

// After a goroutine blocked, ended or yielded: any runnable one, in run-queue order.
static int ex_pick(G *const *q, int n, G *prev) {
    if (ex.target) {
        int i = index_of(q, n, ex.target);
        ex.target = NULL;
        if (i >= 0)
            return i;
    }
    // A slice that ran out of budget goes on: preempting there is not a choice point (as
    // in CHESS, goroutines switch at synchronisation and shared accesses).
    int ip = prev ? index_of(q, n, prev) : -1;
    if (ip >= 0 || n == 1)
        return ip >= 0 ? ip : 0;
    return next_choice(n, false, EXPLORE_PICK);
}

static bool ex_preempt(G *g, G *const *q, int n, uintptr_t addr, bool is_write) {
    int c = next_choice(n + 1, true, EXPLORE_PREEMPT);
    if (c == 0)
        return false;
    ex.target = q[c - 1];
    return true;
}

static int ex_choose_case(int n) {
    return next_choice(n, false, EXPLORE_SELECT);
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
    .choose_case = ex_choose_case,
    .rand = ex_rand,
    .budget = ex_budget,
};

const DetPolicy *explore_policy(const uint16_t *prefix, int n, ExploreLog *log,
                                int64_t step_cap) {
    ex.prefix = gc_alloc_atomic((size_t)(n > 0 ? n : 1) * sizeof(uint16_t));
    if (n > 0)
        memcpy(ex.prefix, prefix, (size_t)n * sizeof(uint16_t));
    ex.nprefix = n;
    ex.pos = 0;
    ex.log = log;
    ex.steps = 0;
    ex.step_cap = step_cap;
    ex.target = NULL;
    ex.rng = 1;
    return &policy;
}
