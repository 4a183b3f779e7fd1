// The systematic deterministic policy behind `gol explore` and `gol --schedule`: a schedule
// is the list of choices made at the choice points of one run (which goroutine runs next,
// whether to preempt at a shared access or synchronisation operation, which ready select
// case wins). The policy follows a given prefix of choices, takes choice 0 (the
// non-preemptive one) after it, and logs every choice point so the explorer (src/explore.c)
// can pick the next schedule depth-first.
#ifndef GOL_EXPLORE_POLICY_H
#define GOL_EXPLORE_POLICY_H

#include <stdbool.h>
#include <stdint.h>

#include "detpolicy.h"

// One choice point of a run: [n] alternatives, the one [chosen]; alternative 0 is the
// default. [costly]: any other alternative preempts a goroutine that could have gone on
// (it counts against the preemption bound).
typedef struct ExploreChoice {
    uint16_t n, chosen;
    uint8_t costly;
    uint8_t kind; // ExploreKind
} ExploreChoice;

typedef enum ExploreKind {
    EXPLORE_PICK,    // which runnable goroutine runs next (after a yield, park or exit)
    EXPLORE_PREEMPT, // go on (0) or switch to another runnable goroutine (1..)
    EXPLORE_SELECT,  // which ready select case
} ExploreKind;

// What a run reports to the explorer (memory the explorer shares with its forked child).
typedef struct ExploreLog {
    int n;          // choice points logged
    int cap;        // room in c[]
    int64_t steps;  // choice points, plus 100 per slice: what the per-schedule step cap counts
    bool capped;    // the run hit the step cap and was stopped (exit EXPLORE_CAP_EXIT)
    bool diverged;  // the run did not match the prefix (a choice beyond a point's range)
    ExploreChoice c[];
} ExploreLog;

// A run stopped by the step cap prints "gol: step cap reached: ..." on stderr and exits
// with this status (the explorer reads log->capped too). EXPLORE_STEP_CAP: the default cap.
enum { EXPLORE_CAP_EXIT = 3, EXPLORE_STEP_CAP = 100000 };

// The policy, following [prefix] ([n] choices; copied) and logging into [log] (may be
// NULL: replay only). A run taking more than [step_cap] steps (> 0) flushes its output and
// exits with EXPLORE_CAP_EXIT.
const DetPolicy *explore_policy(const uint16_t *prefix, int n, ExploreLog *log,
                                int64_t step_cap);

#endif
