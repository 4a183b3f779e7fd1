// Hand-built Type objects for the runtime unit tests (the checker is not involved): only the
// fields the runtime reads (kind, under, name, elem, key, len, fields, slots, has_ptrs,
// comparable) are filled in.
#ifndef GOL_TESTTYPES_H
#define GOL_TESTTYPES_H

#include <stdio.h>
#include <stdlib.h>

#include "harness.h"

#include "../../src/types.h"

// Provided only by the hand-compiled test fakes of rt_panic_* / rt_fatal: the last panic
// text (a writable buffer), the last fatal error, and whether rt_fatal ends just the calling
// thread. Absent (NULL) when linked with the real runtime: those checks are skipped.
extern char *fake_last_panic(void) __attribute__((weak));
extern const char *fake_last_fatal(void) __attribute__((weak));
extern int fake_fatal_count(void) __attribute__((weak));
extern void fake_fatal_mode(int exits_thread) __attribute__((weak));

// Whether the last panic said [text] (true when panics cannot be observed).
static inline bool tt_panicked_with(const char *text) {
    return !fake_last_panic || strcmp(fake_last_panic(), text) == 0;
}
static inline void tt_reset_panic(void) {
    if (fake_last_panic)
        fake_last_panic()[0] = 0;
}

static inline Type *tt_new(Kind k, const char *name) {
    Type *t = calloc(1, sizeof(Type));
    t->kind = k;
    t->under = t;
    t->name = name;
    t->slots = 1;
    t->comparable = true;
    t->has_ptrs = k == K_STRING || k >= K_ARRAY;
    return t;
}

static inline Type *tt_slice(Type *elem, const char *name) {
    Type *t = tt_new(K_SLICE, name);
    t->elem = elem;
    t->comparable = false;
    return t;
}

static inline Type *tt_array(Type *elem, int64_t len, const char *name) {
    Type *t = tt_new(K_ARRAY, name);
    t->elem = elem;
    t->len = len;
    t->slots = (int)len * elem->slots;
    t->has_ptrs = elem->has_ptrs;
    t->comparable = elem->comparable;
    return t;
}

// A struct of [n] fields named by [names] (NULL: f0, f1...) of the given types.
static inline Type *tt_struct(int n, Type **types, const char **names, const char *name) {
    Type *t = tt_new(K_STRUCT, name);
    t->fields = calloc((size_t)(n ? n : 1), sizeof(TField));
    t->nfields = n;
    t->slots = 0;
    t->has_ptrs = false;
    for (int i = 0; i < n; i++) {
        t->fields[i].name = names ? names[i] : "f";
        t->fields[i].type = types[i];
        t->fields[i].offset = t->slots;
        t->slots += types[i]->slots;
        t->has_ptrs |= types[i]->has_ptrs;
        t->comparable &= types[i]->comparable;
    }
    return t;
}

static inline Type *tt_map(Type *key, Type *elem) {
    Type *t = tt_new(K_MAP, "map");
    t->key = key;
    t->elem = elem;
    t->comparable = false;
    return t;
}

#endif
