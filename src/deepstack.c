// The front end's large stack (see deepstack.h; runtime/cstack.c makes the thread and
// answers cstack_low). The passes that do not ask (label and flow analysis, printers) are covered by a SIGSEGV handler, installed
// while the front end runs, that recognises a fault in the front-end thread's guard area
// and reports the same error (without a position) instead of a crash.
#include "deepstack.h"

#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../runtime/cstack.h"
#include "../runtime/out.h"

#include "common.h"

typedef struct Job {
    void (*fn)(void *);
    void *arg;
    const char *what; // the program's file, for the guard-page report
} Job;

// The front-end thread's stack (written before it runs anything, read by the handler).
static uintptr_t fe_lo;
static const char *fe_what;
static struct sigaction fe_old_segv;

static void on_segv(int sig, siginfo_t *si, void *uc) {
    (void)uc;
    uintptr_t a = (uintptr_t)si->si_addr;
    if (fe_lo && a + (1u << 20) >= fe_lo && a < fe_lo + CSTACK_MARGIN) {
        static const char msg[] = ": " DEEPSTACK_MSG "\n";
        ssize_t w = write(2, fe_what, strlen(fe_what));
        w = write(2, msg, sizeof msg - 1);
        (void)w;
        _exit(1);
    }
    sigaction(sig, &fe_old_segv, NULL); // not ours: fault again with the old disposition
}

static void *job_main(void *p) {
    Job *j = p;
    static char altstack[64 << 10];
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack}, old;
    sigaltstack(&ss, &old);
    fe_lo = cstack_lowest();
    j->fn(j->arg);
    fe_lo = 0;
    sigaltstack(&old, NULL); // ASan unmaps the thread's alternate stack at its exit: its own
    return NULL;
}

static bool run_on(size_t size, Job *job) {
    pthread_t t;
    if (cstack_thread_create(&t, size, job_main, job) != 0)
        return false;
    gc_thread_join(&t);
    return true;
}

void deepstack_run(void (*fn)(void *), void *arg, const char *what) {
    Job job = {fn, arg, what};
    fe_what = what;
    struct sigaction sa = {.sa_sigaction = on_segv, .sa_flags = SA_SIGINFO | SA_ONSTACK};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, &fe_old_segv);
    const char *env = getenv("GOL_FRONTEND_STACK");
    size_t want = env ? strtoull(env, NULL, 10) : 0;
    bool ran = run_on(want, &job);
    sigaction(SIGSEGV, &fe_old_segv, NULL);
    if (!ran)
        fn(arg);
}

void deepstack_fail(Pos pos) {
    char buf[512];
    out_flush();
    fprintf(stderr, "%s: %s\n", pos_format(pos, buf, sizeof buf), DEEPSTACK_MSG);
    fflush(stderr);
    _exit(1);
}
