// Shared basics for every gol source file: the 8-byte Slot, growable vectors, lock annotations.
// Everything here is header-only and dependency-free apart from the C library and gc.h.
#ifndef GOL_COMMON_H
#define GOL_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "gc.h"

// One VM register / one storage cell. Every Go value of a scalar or reference type fits one
// Slot; a struct or array occupies type->slots consecutive Slots in storage and is held in a
// register as a pointer to that storage (see docs/values.md).
typedef union Slot {
    int64_t i;
    uint64_t u;
    double f;
    void *p;
} Slot;

// Growable vector of T, allocated with gc_alloc. Zero-initialised is the empty vector.
#define VEC(T)                                                                                     \
    struct {                                                                                       \
        T *v;                                                                                      \
        int n, cap;                                                                                \
    }

// Append [x] to vector [vec]; may move vec->v.
#define vec_push(vec, x)                                                                           \
    do {                                                                                           \
        if ((vec)->n == (vec)->cap) {                                                              \
            (vec)->cap = (vec)->cap ? (vec)->cap * 2 : 4;                                          \
            (vec)->v = gc_realloc((vec)->v, (size_t)(vec)->cap * sizeof(*(vec)->v));               \
        }                                                                                          \
        (vec)->v[(vec)->n++] = (x);                                                                \
    } while (0)

#define vec_last(vec) ((vec)->v[(vec)->n - 1])

// Clang thread-safety annotations (checked by `make lint`); nothing under GCC.
#if defined(__clang__)
#define GOL_TSA(x) __attribute__((x))
#else
#define GOL_TSA(x)
#endif
#define CAPABILITY(x) GOL_TSA(capability(x))
#define REQUIRES(...) GOL_TSA(requires_capability(__VA_ARGS__))
#define ACQUIRE(...) GOL_TSA(acquire_capability(__VA_ARGS__))
#define RELEASE(...) GOL_TSA(release_capability(__VA_ARGS__))
#define NO_TSA GOL_TSA(no_thread_safety_analysis)

#define GOL_UNUSED(x) ((void)(x))
#define GOL_LIKELY(x) __builtin_expect(!!(x), 1)
#define GOL_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define GOL_NORETURN __attribute__((noreturn))
#define GOL_PRINTF(a, b) __attribute__((format(printf, a, b)))

// Prints "gol: internal error: ..." and aborts. For broken invariants only, never for user
// errors (those get a Go diagnostic or a Go panic).
GOL_NORETURN GOL_PRINTF(1, 2) void gol_fatal_internal(const char *fmt, ...);

#endif
