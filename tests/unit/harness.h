// The one harness of the C unit tests (tests/unit/*_test.c): check macros that count passes
// and failures, and the summary line `unit/NAME: N passed, M failed` that ends every test.
// The counters are atomic so that checks may run on scheduler or pthread threads; a failed
// check prints FILE:LINE and what failed, and the test goes on.
#ifndef GOL_UNIT_HARNESS_H
#define GOL_UNIT_HARNESS_H

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

static _Atomic int unit_passed, unit_failed;

// Count one check passed, or failed (the caller prints why).
static inline void unit_pass(void) {
    unit_passed++;
}
static inline void unit_fail(void) {
    unit_failed++;
}

// [cond] holds.
#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (cond) {                                                                                \
            unit_pass();                                                                           \
        } else {                                                                                   \
            unit_fail();                                                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
        }                                                                                          \
    } while (0)

// [cond] holds; otherwise print the printf-style message that follows it.
#define CHECKF(cond, ...)                                                                          \
    do {                                                                                           \
        if (cond) {                                                                                \
            unit_pass();                                                                           \
        } else {                                                                                   \
            unit_fail();                                                                           \
            fprintf(stderr, "%s:%d: check failed: ", __FILE__, __LINE__);                          \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fprintf(stderr, "\n");                                                                 \
        }                                                                                          \
    } while (0)

// The C strings [got] and [want] are equal.
#define CHECK_STR(got, want)                                                                       \
    do {                                                                                           \
        const char *unit_g_ = (got), *unit_w_ = (want);                                            \
        if (unit_g_ && unit_w_ && strcmp(unit_g_, unit_w_) == 0) {                                 \
            unit_pass();                                                                           \
        } else {                                                                                   \
            unit_fail();                                                                           \
            fprintf(stderr, "%s:%d: check failed: %s: got %s, want %s\n", __FILE__, __LINE__,      \
                    #got, unit_g_ ? unit_g_ : "(null)", unit_w_ ? unit_w_ : "(null)");             \
        }                                                                                          \
    } while (0)

// Like CHECK but counts only failures: for checks run so often (on scheduler threads, once
// per step) that counting their passes would only measure the workload.
#define CHECK_QUIET(cond)                                                                          \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            unit_fail();                                                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
        }                                                                                          \
    } while (0)

// Print `unit/[name]: N passed, M failed`; the exit status for main (1 if any check failed).
static inline int unit_summary(const char *name) {
    printf("unit/%s: %d passed, %d failed\n", name, unit_passed, unit_failed);
    return unit_failed != 0;
}

#endif
