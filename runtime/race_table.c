// The race detector's memory (race_int.h): allocation that ends the program when memory
// runs out, and the open-addressing hash table behind its tables of sync clocks, shadow
// pages and goroutine births. Guarded by race_mu, like everything the tables hold.
#include "race_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void out_of_memory(void) {
    fputs("fatal error: race detector: out of memory\n", stderr);
    _exit(2);
}

void *race_realloc(void *p, size_t n) {
    void *q = realloc(p, n);
    if (!q)
        out_of_memory();
    return q;
}

void *race_calloc(size_t n, size_t size) {
    void *p = calloc(n, size);
    if (!p)
        out_of_memory();
    return p;
}

// Fibonacci hashing: the product's high bits depend on every bit of the key, so
// addresses (multiples of 8) and small ids spread alike.
static size_t slot_of(uint64_t key, size_t cap) {
    return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 32) & (cap - 1);
}

static char *entry(const RaceTable *t, size_t i) {
    return t->slots + i * t->esize;
}

static uint64_t key_of(const char *e) {
    uint64_t k;
    memcpy(&k, e, sizeof k);
    return k;
}

// The slot holding [key], or the empty slot where it would go.
static char *probe(const RaceTable *t, uint64_t key) {
    for (size_t i = slot_of(key, t->cap);; i = (i + 1) & (t->cap - 1)) {
        char *e = entry(t, i);
        uint64_t k = key_of(e);
        if (k == key || k == 0)
            return e;
    }
}

// Double the slots (at most half full after) and move every entry to its new place.
static void grow(RaceTable *t) {
    RaceTable nt = {.esize = t->esize, .n = t->n, .cap = t->cap ? t->cap * 2 : 256};
    nt.slots = race_calloc(nt.cap, nt.esize);
    for (size_t j = 0; j < t->cap; j++) {
        char *e = entry(t, j);
        if (key_of(e))
            memcpy(probe(&nt, key_of(e)), e, t->esize);
    }
    free(t->slots);
    *t = nt;
}

void *race_table_get(RaceTable *t, uint64_t key, bool create) {
    if (t->cap) {
        char *e = probe(t, key);
        if (key_of(e))
            return e;
    }
    if (!create)
        return NULL;
    if (2 * (t->n + 1) > t->cap)
        grow(t);
    char *e = probe(t, key);
    memcpy(e, &key, sizeof key);
    t->n++;
    return e;
}
