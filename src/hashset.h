// A set keyed by 64-bit hashes, for the front end's duplicate checks (literal indices, map
// literal keys, switch cases) in linear time. Entries are (hash, item); items with the same
// hash are told apart by the caller's equality function, or are equal when it is NULL (the
// hash is then the key itself, e.g. an array index). GC-allocated; never shrinks.
#ifndef GOL_HASHSET_H
#define GOL_HASHSET_H

#include "common.h"

typedef bool (*HashSetEq)(const void *a, const void *b);

typedef struct HashSetEntry {
    uint64_t hash;
    const void *item;
    bool used;
} HashSetEntry;

typedef struct HashSet {
    HashSetEntry *e;
    int n, cap; // cap is 0 or a power of two
} HashSet;

// Adds (hash, item) unless an equal entry is present; returns the present entry's item
// (or a non-NULL marker when eq is NULL) if it was, NULL if the entry was added.
const void *hashset_add(HashSet *s, uint64_t hash, const void *item, HashSetEq eq);

// A hash of [len] bytes (FNV-1a), for string keys.
uint64_t hashset_bytes(const void *p, size_t len);

#endif
