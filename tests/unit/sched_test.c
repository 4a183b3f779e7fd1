// Tests of the concurrency runtime (scheduler, channels, select, timers, sync natives).
// `make unit` builds this against the real VM and runs only the checks that need no running
// scheduler. Built by hand with -DFAKE_VM (tests/unit/sched_fake.sh; the fake VM is in
// tests/unit/fake_vm.inc), it drives the real scheduler with scripted goroutines: spawning,
// ping-pong, select fairness, close, timers, deadlock detection (in child processes),
// GOMAXPROCS changes, nested parks, syscalls, deterministic replay and sync contention.
// It is meant to run under ThreadSanitizer too (-fsanitize=thread -DGOL_MALLOC).
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chan.h"
#include "native.h"
#include "sched.h"
#include "timer.h"

static int passed, failed;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (cond) {                                                                                \
            passed++;                                                                              \
        } else {                                                                                   \
            failed++;                                                                              \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
        }                                                                                          \
    } while (0)

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
#endif
    printf("unit/sched: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
