// The systematic deterministic policy behind `gol explore` and `gol --schedule`: a schedule
// is the list of choices made at the choice points of one run (which goroutine runs next,
// whether to preempt at a shared access or synchronisation operation, which ready select
// case wins). The policy follows a given prefix of choices; after it, it takes the first
// alternative that is neither asleep (sleep sets: its step is independent of everything
// since it was explored) nor over the preemption bound, and logs every choice point with
// its alternatives' goroutines and the footprint of the step taken there (the memory it
// touched, or "sync" when it synchronised or had an effect), so that the explorer
// (src/explore.c) can pick the next schedule depth-first.
#ifndef GOL_EXPLORE_POLICY_H
#define GOL_EXPLORE_POLICY_H

#include <stdbool.h>
#include <stdint.h>

#include "detpolicy.h"

typedef enum ExploreKind {
    EXPLORE_PICK,    // which runnable goroutine runs next (after a park, exit or Gosched)
    EXPLORE_PREEMPT, // go on (0) or switch to another runnable goroutine (1..)
    EXPLORE_SELECT,  // which ready select case (not a switch: no sleep sets there)
    EXPLORE_TIMER,   // which of several timers due at the same instant fires first
} ExploreKind;

// One choice point of a run and the step taken there (until the next point). [n]
// alternatives, the one [chosen]; alternative 0 is the default. [costly]: any other
// alternative preempts a goroutine that could have gone on (it counts against the bound).
typedef struct ExploreChoice {
    uint16_t n, chosen;
    uint8_t costly, kind;
    uint8_t sync;       // the step synchronised, called a native or wrote output
    int64_t gid;        // the goroutine that took the step
    uint32_t alts;      // offset in ExploreLog.gids of the n alternatives' goroutine ids
                        // (UINT32_MAX: not recorded)
    uint32_t acc, nacc; // its memory accesses in ExploreLog.accs (addr << 1 | is_write)
} ExploreChoice;

// What a run reports to the explorer (memory the explorer shares with its forked child;
// the arrays point into the same mapping).
typedef struct ExploreLog {
    int n;          // choice points logged
    int cap;        // room in c[]
    int64_t steps;  // choice points, plus 100 per slice: what the per-schedule step cap counts
    bool capped;    // the run hit the step cap and was stopped (exit EXPLORE_CAP_EXIT)
    bool diverged;  // the run did not match the prefix (a choice beyond a point's range)
    bool pruned;    // every alternative was asleep or over the bound (exit EXPLORE_PRUNED_EXIT)
    ExploreChoice *c;
    int64_t *gids;
    uint32_t ngids, gidcap;
    uint64_t *accs;
    uint32_t naccs, acccap;
} ExploreLog;

// A step in a sleep set: goroutine [gid]'s next step, whose footprint is known.
typedef struct ExploreStep {
    int64_t gid;
    bool sync;
    int nacc;
    const uint64_t *acc;
} ExploreStep;

// True when steps [a] and [b] commute: different goroutines, neither synchronises, and
// no location both touch with at least one write.
bool explore_independent(const ExploreStep *a, const ExploreStep *b);

// A run stopped by the step cap prints "gol: step cap reached: ..." on stderr and exits
// with EXPLORE_CAP_EXIT; a pruned run exits with EXPLORE_PRUNED_EXIT (no outcome).
// EXPLORE_STEP_CAP: the default cap.
enum { EXPLORE_CAP_EXIT = 3, EXPLORE_PRUNED_EXIT = 4, EXPLORE_STEP_CAP = 100000 };

// What the run is told: follow [prefix] ([n] choices); then take the first alternative
// allowed by [bound] ([used] preemptions so far) that is not asleep, starting from the
// sleep set [sleep] ([nsleep] steps, filtered by the step the last forced choice takes).
typedef struct ExploreRun {
    const uint16_t *prefix;
    int n;
    int bound, used;          // bound < 0: no bound, no sleep sets (replay)
    const ExploreStep *sleep;
    int nsleep;
} ExploreRun;

// The policy for [run] (copied), logging into [log] (NULL: replay only). A run taking
// more than [step_cap] steps (> 0) flushes its output and exits with EXPLORE_CAP_EXIT.
const DetPolicy *explore_policy(const ExploreRun *run, ExploreLog *log, int64_t step_cap);

#endif
