// Natives of package time (runtime/pkg/time.go): clocks, Sleep, and the runtime timers
// behind Timer, Ticker and AfterFunc (runtime/timer.c). The *runtimeTimer seen by Go code is
// the C Timer object itself; Go never dereferences it.
#include "native.h"
#include "race.h"
#include "sched.h"
#include "timer.h"

#define UNIX_TO_INTERNAL 62135596800LL

static RtStatus time_now(G *g, Slot *args, Slot *res) {
    int64_t wall = sched_walltime();
    res[0].i = wall / 1000000000 + UNIX_TO_INTERNAL;
    res[1].i = wall % 1000000000;
    res[2].i = sched_nanotime();
    return RT_OK;
}

static RtStatus time_runtime_nano(G *g, Slot *args, Slot *res) {
    res[0].i = sched_nanotime();
    return RT_OK;
}

static RtStatus time_sleep(G *g, Slot *args, Slot *res) {
    return timer_sleep(g, args[0].i);
}

// startTimer(when, period int64, c chan Time, f func()) *runtimeTimer
static RtStatus time_start_timer(G *g, Slot *args, Slot *res) {
    Chan *c = args[2].p;
    Timer *t = c ? timer_new(TIMER_SEND_TIME, c, NULL) : timer_new(TIMER_GO_FUNC, NULL, args[3].p);
    if (race_enabled)
        race_release(g, t);
    timer_reset(t, args[0].i, args[1].i);
    res[0].p = t;
    return RT_OK;
}

static RtStatus time_stop_timer(G *g, Slot *args, Slot *res) {
    res[0].i = timer_stop(args[0].p);
    return RT_OK;
}

static RtStatus time_reset_timer(G *g, Slot *args, Slot *res) {
    if (race_enabled)
        race_release(g, args[0].p);
    res[0].i = timer_reset(args[0].p, args[1].i, args[2].i);
    return RT_OK;
}

static const NativeEntry time_natives[] = {
    {"time.now", time_now},
    {"time.runtimeNano", time_runtime_nano},
    {"time.Sleep", time_sleep},
    {"time.startTimer", time_start_timer},
    {"time.stopTimer", time_stop_timer},
    {"time.resetTimer", time_reset_timer},
    {NULL, NULL},
};

GOL_REGISTER_NATIVES(time_natives)
