// Tests of the concurrency runtime (scheduler, channels, select, timers, sync natives).
// `make unit` builds it twice: build/unit/sched_test against libgol.a and the real VM runs
// only the checks that need no running scheduler; build/unit/sched_fake, with -DFAKE_VM and
// the fake VM of tests/unit/fake_vm.inc (also tests/unit/sched_fake.sh), drives the real
// scheduler with scripted goroutines: spawning, ping-pong, select fairness, close, timers,
// deadlock detection (in child processes), GOMAXPROCS changes, nested parks, syscalls,
// deterministic replay and sync contention. TSAN=1 tests/unit/sched_fake.sh runs it under
// ThreadSanitizer.
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chan.h"
#include "harness.h"
#include "native.h"
#include "sched.h"
#include "timer.h"

static void test_static(void) {
    CHECK(strcmp(g_wait_reason_str(WAIT_CHAN_RECV), "chan receive") == 0);
    CHECK(strcmp(g_wait_reason_str(WAIT_SELECT_NO_CASES), "select (no cases)") == 0);
    CHECK(strcmp(g_wait_reason_str(WAIT_SYNC_WAITGROUP), "sync.WaitGroup.Wait") == 0);
}

#ifdef FAKE_VM
#include "fake_vm.inc"
#include "sched_fake_tests.inc"
#endif

int main(int argc, char **argv) {
    gc_init();
#ifdef FAKE_VM
    if (argc > 3 && strcmp(argv[1], "child") == 0)
        return fake_child(argv[2], strtoull(argv[3], NULL, 10));
#endif
    test_static();
#ifdef FAKE_VM
    run_fake_tests(argv[0]);
    return unit_summary("sched_fake");
#else
    return unit_summary("sched");
#endif
}
