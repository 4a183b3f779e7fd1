// Natives of package testing: capturing standard output while an example runs, through
// out.h's sink (everything fmt and os.Stdout write; testing+example.go), the race
// detector's count of reports under gol test -race (testing.go's checkRaces), and
// -timeout's panic with every goroutine's stack.
#include <pthread.h>
#include <unistd.h>

#include "../buf.h"
#include "../out.h"
#include "../panic.h"
#include "../race.h"
#include "../sched.h"
#include "native.h"

static pthread_mutex_t cap_lock = PTHREAD_MUTEX_INITIALIZER;
static Buf captured; // guarded by: cap_lock

static bool capture_sink(int fd, const char *p, size_t n) {
    if (fd != 1)
        return false;
    pthread_mutex_lock(&cap_lock);
    buf_put(&captured, p, n);
    pthread_mutex_unlock(&cap_lock);
    return true;
}

// captureStart(): stdout written from now on is kept, not printed.
static RtStatus nat_capture_start(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(a);
    GOL_UNUSED(res);
    out_flush();
    pthread_mutex_lock(&cap_lock);
    captured = (Buf){0};
    pthread_mutex_unlock(&cap_lock);
    out_set_sink(capture_sink);
    return RT_OK;
}

// captureStop() string: what was written since captureStart; stdout prints again.
static RtStatus nat_capture_stop(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(a);
    out_flush();
    out_set_sink(NULL);
    pthread_mutex_lock(&cap_lock);
    res[0].p = buf_to_gostr(&captured);
    captured = (Buf){0};
    pthread_mutex_unlock(&cap_lock);
    return RT_OK;
}

// raceErrors() int: the races reported so far (0 without -race).
static RtStatus nat_race_errors(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(a);
    res[0].i = race_enabled ? race_nreported() : 0;
    return RT_OK;
}

// timeoutPanic(msg string): -timeout's end, as Go's testing does it (panic with every
// goroutine's traceback): `panic: msg`, this goroutine's stack, then every other's; exit 2.
static RtStatus nat_timeout_panic(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(res);
    sched_dying();
    Buf b = {0};
    buf_puts(&b, "panic: ");
    buf_put_gostr(&b, a[0].p);
    buf_puts(&b, "\n\n");
    traceback_stacks(&b, g, true);
    out_flush();
    out_write(2, b.data, b.len);
    out_flush();
    _exit(2);
}

static const NativeEntry testing_natives[] = {
    {"testing.timeoutPanic", nat_timeout_panic},
    {"testing.raceErrors", nat_race_errors},
    {"testing.captureStart", nat_capture_start},
    {"testing.captureStop", nat_capture_stop},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(testing_natives)
