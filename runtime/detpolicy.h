// The deterministic scheduler's one policy interface. In deterministic mode (one P, one
// thread running Go code, virtual time: sched.c) every choice the scheduler makes goes
// through the DetPolicy installed before sched_main: which runnable goroutine runs next,
// whether to switch at a shared-memory access or a synchronisation operation, which ready
// select case wins, how long a slice is, and the random numbers behind map seeds and
// select order. `--seed N` installs the seeded random policy (detpolicy.c); `gol explore`
// and `--schedule` install the systematic one (explore_policy.c). docs/scheduler.md.
#ifndef GOL_DETPOLICY_H
#define GOL_DETPOLICY_H

#include <stdbool.h>
#include <stdint.h>

#include "g.h"

typedef struct DetPolicy {
    // Which of the [n] >= 1 runnable goroutines q[0..n) runs next (q is in the order they
    // became runnable). [prev] is the goroutine whose slice just ran out of budget (it is
    // then in q), else NULL (it blocked, ended or yielded of its own accord).
    int (*pick)(G *const *q, int n, G *prev);
    // The running [g] reached a preemption point: a shared-memory access ([addr] != 0) or
    // a synchronisation operation that did not block ([addr] == 0). [q]/[n]: the other
    // runnable goroutines (n may be 0). True: g yields now and the next pick decides.
    bool (*preempt)(G *g, G *const *q, int n, uintptr_t addr, bool is_write);
    // What the running goroutine does between preemption points: a shared access that is
    // not one ([addr] != 0: the library's, or in a nested call) or an effect ([addr] == 0:
    // a native call, output). NULL when the policy does not care.
    void (*note)(uintptr_t addr, bool is_write);
    // A select with [n] >= 2 ready cases: which of them (in case order) it takes. NULL:
    // the usual random poll order (from rand).
    int (*choose_case)(int n);
    // [n] >= 2 timers that send on a channel or call a function are due at the same
    // instant: which fires first (in arming order). NULL: arming order.
    int (*choose_timer)(int n);
    // Random bits (map seeds, select poll order, math/rand's default source stays its own).
    uint64_t (*rand)(void);
    // Preemption points (backward jumps, calls) in the next slice.
    int (*budget)(void);
} DetPolicy;

// The installed policy (NULL: ordinary scheduling). Set once, before sched_main; the
// scheduler then runs in deterministic mode. Read without a lock (never changes after).
extern const DetPolicy *det_policy;

// Install [p] (before sched_main).
void det_set_policy(const DetPolicy *p);

// --seed N: runnable goroutines drawn uniformly, slices of 1..1000 preemption points,
// and at each shared access or synchronisation operation a switch with probability 1/4,
// all from PRNGs seeded with [seed]. Returns a static policy.
const DetPolicy *det_seed_policy(uint64_t seed);

// Reports an access or effect to the policy's note hook (see DetPolicy.note).
void det_note(uintptr_t addr, bool is_write);

// Called by the VM after a synchronisation operation of [g] that completed without
// parking (channel send/receive/close, select, go, sync and sync/atomic calls), and by the
// shared-memory event hook before an access ([addr] != 0). True: [g] should yield now.
bool det_preempt_point(G *g, uintptr_t addr, bool is_write);

// Why the running goroutine's slice ended with a yield, as the scheduler learns it
// (det_take_yield, which also resets it to DET_YIELD_BUDGET for the next slice).
typedef enum DetYield {
    DET_YIELD_BUDGET,  // it used up its budget (involuntary): pick's prev is the G
    DET_YIELD_SWITCH,  // det_preempt_point switched: the policy already chose who runs
    DET_YIELD_GOSCHED, // runtime.Gosched and the like (voluntary): pick's prev is NULL
} DetYield;
DetYield det_take_yield(void);
// Called by the VM when a native asked to yield (RT_YIELD): a voluntary yield.
void det_note_gosched(void);

#endif
