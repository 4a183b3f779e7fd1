// Timers: one heap ordered by deadline serving time.Sleep, time.After/NewTimer/NewTicker and
// time.AfterFunc. In ordinary mode a dedicated timer thread sleeps until the earliest
// deadline and fires; in deterministic mode the scheduler fires them on virtual time.
#ifndef GOL_TIMER_H
#define GOL_TIMER_H

#include "chan.h"

typedef enum TimerKind {
    TIMER_READY_G,   // time.Sleep: sched_ready(g)
    TIMER_SEND_TIME, // Timer/Ticker: non-blocking send of the current time.Time on c
    TIMER_GO_FUNC,   // time.AfterFunc: run f in a new goroutine
    TIMER_C_FUNC,    // runtime deadlines (netpoll): call cfn(carg) on the firing thread
} TimerKind;

typedef struct Timer {
    TimerKind kind; // never changes
    G *g;           // TIMER_READY_G (set by the owner while the timer is not pending)
    Chan *c;        // TIMER_SEND_TIME, never changes
    GoFunc *f;      // TIMER_GO_FUNC, never changes
    void (*cfn)(void *); // TIMER_C_FUNC, never changes (must not block)
    void *carg;          // TIMER_C_FUNC, never changes
    int64_t when;   // deadline (sched_nanotime clock); guarded by the timers lock
    int64_t period; // > 0: re-armed after firing; guarded by the timers lock
    int idx;        // position in the heap, -1 when not pending; guarded by the timers lock
    uint64_t seq;   // insertion order, breaks ties between equal deadlines
    int64_t arm_when; // time.Sleep: deadline to arm once the G has parked (owned by the G)
} Timer;

// A new, stopped timer.
Timer *timer_new(TimerKind kind, Chan *c, GoFunc *f);
// A new, stopped TIMER_C_FUNC timer calling [fn]([arg]) when it fires.
Timer *timer_new_c(void (*fn)(void *), void *arg);
// Arm [t] (any state) to fire at [when], then every [period] ns if period > 0.
// Returns true if it was pending (Go's Timer.Reset result).
bool timer_reset(Timer *t, int64_t when, int64_t period);
// Disarm [t]; true if it was pending (Go's Timer.Stop result).
bool timer_stop(Timer *t);

// time.Sleep([ns]): parks [g] until the deadline. RT_OK at once for ns <= 0; otherwise
// sched_park's result (RT_PARK, or RT_OK after the sleep inside a nested call).
RtStatus timer_sleep(G *g, int64_t ns);

// Scheduler interface.
// Ordinary mode: start the timer thread now (sched_main does, before running Go code).
void timer_start_thread(void);
// True while some timer is pending or being fired (so not every goroutine is stuck).
bool timer_busy(void);
// Earliest pending deadline, or -1.
int64_t timer_next(void);
// Deterministic mode: fire every timer due at [now] on the calling thread (holding a P).
void timer_run_due(int64_t now);

// time.Time value (register form: pointer to fresh 3-slot storage {sec, nsec, mono}) for
// the current instant, as time.Now returns it (runtime/pkg/time.go).
Slot timer_now_value(void);

#endif
