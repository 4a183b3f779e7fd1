// Hash primitives shared by strings, map keys and val_hash: wyhash's 128-bit multiply-mix
// (public domain, Wang Yi). Not cryptographic; per-map random seeds defend against flooding.
#ifndef GOL_HASH_H
#define GOL_HASH_H

#include <stdint.h>

#define HASH_P0 0xa0761d6478bd642full
#define HASH_P1 0xe7037ed1a0b428dbull
#define HASH_P2 0x8ebc6af09c88c6e3ull
#define HASH_P3 0x589965cc75374cc3ull

// Multiply [a] by [b] as 128 bits and fold the halves together.
static inline uint64_t hash_mix(uint64_t a, uint64_t b) {
    __uint128_t r = (__uint128_t)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

// Hash of one 64-bit word [x] under [seed] (one multiply: the map's int-key fast path);
// every input bit affects the low output bits, which pick the map slot.
static inline uint64_t hash_word(uint64_t x, uint64_t seed) {
    return hash_mix(x ^ HASH_P0, seed ^ HASH_P1);
}

// Combine a running hash [h] with a further component hash [x] (order-sensitive).
static inline uint64_t hash_combine(uint64_t h, uint64_t x) {
    return hash_mix(h ^ HASH_P3, x ^ HASH_P1);
}

// Hash of [len] bytes at [p] under [seed] (wyhash); defined in str.c.
uint64_t hash_bytes(const void *p, uint64_t len, uint64_t seed);

#endif
