// The deterministic scheduler's policy slot (detpolicy.h) and its preemption points, plus
// the seeded random policy of `--seed N`. The scheduler asks the installed policy at every
// choice; only the M holding the single P runs Go code, so policies keep plain state.
#include "detpolicy.h"

#include "sched_int.h"

const DetPolicy *det_policy;
static DetYield yield_why; // why the current slice yields (only the running M)

void det_set_policy(const DetPolicy *p) {
    det_policy = p;
}

bool det_preempt_point(G *g, uintptr_t addr, bool is_write) {
    const DetPolicy *p = det_policy;
    if (!p)
        return false;
    if (g->nested > 0 || atomic_load(&sched.exiting)) { // cannot switch here
        if (p->note)
            p->note(addr, is_write);
        return false;
    }
    if (yield_why == DET_YIELD_SWITCH) { // another range of the same access: decided
        if (p->note)
            p->note(addr, is_write);
        return true;
    }
    rtlock_lock(&sched.lock);
    bool sw = p->preempt(g, sched.detq, sched.detn, addr, is_write);
    rtlock_unlock(&sched.lock);
    if (sw)
        yield_why = DET_YIELD_SWITCH;
    return sw;
}

void det_note(uintptr_t addr, bool is_write) {
    const DetPolicy *p = det_policy;
    if (p && p->note)
        p->note(addr, is_write);
}

DetYield det_take_yield(void) {
    DetYield y = yield_why;
    yield_why = DET_YIELD_BUDGET;
    return y;
}

void det_note_gosched(void) {
    yield_why = DET_YIELD_GOSCHED;
}

// ---- --seed N ----

static uint64_t wyrand(uint64_t *state) {
    *state += 0xa0761d6478bd642full;
    __uint128_t t = (__uint128_t)*state * (*state ^ 0xe7037ed1a0b428dbull);
    return (uint64_t)(t >> 64) ^ (uint64_t)t;
}

// Two streams: the one of ordinary choices (the only one before preemption points
// existed, so older seeds keep their picks between points) and the switch decisions.
static uint64_t seed_rng, seed_switch_rng;

static int seed_pick(G *const *q, int n, G *prev) {
    return (int)(wyrand(&seed_rng) % (uint64_t)n);
}

static bool seed_preempt(G *g, G *const *q, int n, uintptr_t addr, bool is_write) {
    return n > 0 && wyrand(&seed_switch_rng) % 4 == 0;
}

static uint64_t seed_rand(void) {
    return wyrand(&seed_rng);
}

static int seed_budget(void) {
    return 1 + (int)(wyrand(&seed_rng) % 1000);
}

static const DetPolicy seed_policy = {
    .pick = seed_pick,
    .preempt = seed_preempt,
    .note = NULL,
    .choose_case = NULL,
    .choose_timer = NULL,
    .rand = seed_rand,
    .budget = seed_budget,
};

const DetPolicy *det_seed_policy(uint64_t seed) {
    seed_rng = seed;
    seed_switch_rng = seed ^ 0x9e3779b97f4a7c15ull;
    return &seed_policy;
}
