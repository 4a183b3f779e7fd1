// Open-addressing hash set for the front end's duplicate checks (see hashset.h). Linear
// probing over a power-of-two table kept at most half full.
#include "hashset.h"

static uint64_t mix(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

static void grow(HashSet *s) {
    HashSetEntry *old = s->e;
    int oldcap = s->cap;
    s->cap = oldcap ? oldcap * 2 : 16;
    s->e = gc_alloc((size_t)s->cap * sizeof(HashSetEntry));
    for (int i = 0; i < oldcap; i++) {
        if (!old[i].used)
            continue;
        uint64_t j = mix(old[i].hash) & (uint64_t)(s->cap - 1);
        while (s->e[j].used)
            j = (j + 1) & (uint64_t)(s->cap - 1);
        s->e[j] = old[i];
    }
}

const void *hashset_add(HashSet *s, uint64_t hash, const void *item, HashSetEq eq) {
    if (2 * (s->n + 1) > s->cap)
        grow(s);
    uint64_t j = mix(hash) & (uint64_t)(s->cap - 1);
    for (; s->e[j].used; j = (j + 1) & (uint64_t)(s->cap - 1)) {
        if (s->e[j].hash != hash)
            continue;
        if (!eq)
            return s->e[j].item ? s->e[j].item : (const void *)s;
        if (eq(s->e[j].item, item))
            return s->e[j].item;
    }
    s->e[j] = (HashSetEntry){hash, item, true};
    s->n++;
    return NULL;
}

uint64_t hashset_bytes(const void *p, size_t len) {
    const unsigned char *b = p;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++)
        h = (h ^ b[i]) * 0x100000001b3ULL;
    return h;
}
