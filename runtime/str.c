// Go strings: immutable {len, data} headers (value.h). A fresh string is one atomic block
// holding the header and its bytes; substrings are small scanned headers pointing into the
// parent's bytes (Boehm recognises interior pointers). The empty string is always NULL here,
// though readers must accept a non-NULL header of length 0 too. Conversions between strings
// and []byte / []rune live here as well; hashing is wyhash (hash.h).
#include "value.h"

#include "gosize.h"
#include "hash.h"
#include "utf8.h"

// A new string of [len] > 0 bytes whose data the caller fills before publishing it.
static GoString *str_alloc(int64_t len, char **data) {
    GoString *s = gc_alloc_atomic(sizeof(GoString) + (size_t)len);
    *data = (char *)(s + 1);
    s->data = *data;
    s->len = len;
    return s;
}

GoString *str_wrap(const char *data, int64_t len) {
    if (len <= 0)
        return NULL;
    GoString *s = gc_alloc(sizeof(GoString));
    s->data = data;
    s->len = len;
    return s;
}

GoString *str_new(const char *data, int64_t len) {
    if (len <= 0)
        return NULL;
    char *d;
    GoString *s = str_alloc(len, &d);
    memcpy(d, data, (size_t)len);
    return s;
}

GoString *str_from_c(const char *s) {
    return s ? str_new(s, (int64_t)strlen(s)) : NULL;
}

char *str_to_c(const GoString *s) {
    return gc_strndup(str_data(s), (size_t)str_len(s));
}

bool str_eq(const GoString *a, const GoString *b) {
    int64_t n = str_len(a);
    if (n != str_len(b))
        return false;
    if (n == 0 || a->data == b->data)
        return true;
    return memcmp(a->data, b->data, (size_t)n) == 0;
}

int str_cmp(const GoString *a, const GoString *b) {
    int64_t na = str_len(a), nb = str_len(b);
    int64_t n = na < nb ? na : nb;
    int c = n ? memcmp(a->data, b->data, (size_t)n) : 0;
    if (c != 0)
        return c;
    return na < nb ? -1 : na > nb;
}

GoString *str_concat(const GoString *a, const GoString *b) {
    int64_t na = str_len(a), nb = str_len(b);
    if (nb == 0)
        return (GoString *)a;
    if (na == 0)
        return (GoString *)b;
    char *d;
    GoString *s = str_alloc(na + nb, &d);
    memcpy(d, a->data, (size_t)na);
    memcpy(d + na, b->data, (size_t)nb);
    return s;
}

GoString *str_slice(const GoString *s, int64_t lo, int64_t hi) {
    if (lo == 0 && hi == str_len(s))
        return (GoString *)s;
    return str_wrap(str_data(s) + lo, hi - lo);
}

uint64_t str_hash(const GoString *s, uint64_t seed) {
    return hash_bytes(str_data(s), (uint64_t)str_len(s), seed);
}

// ---- conversions ----

GoString *str_from_rune(int64_t r) {
    char buf[UTF8_MAX];
    return str_new(buf, utf8_encode((uint8_t *)buf, r));
}

GoString *str_from_bytes(const GoSlice *b) {
    int64_t n = slice_len(b);
    if (n == 0)
        return NULL;
    char *d;
    GoString *s = str_alloc(n, &d);
    for (int64_t i = 0; i < n; i++)
        d[i] = (char)b->ptr[i].u;
    return s;
}

GoString *str_from_runes(const GoSlice *r) {
    int64_t n = slice_len(r), total = 0;
    for (int64_t i = 0; i < n; i++)
        total += utf8_encoded_len(r->ptr[i].i);
    if (total == 0)
        return NULL;
    char *d;
    GoString *s = str_alloc(total, &d);
    int64_t at = 0;
    for (int64_t i = 0; i < n; i++) {
        char buf[UTF8_MAX];
        int w = utf8_encode((uint8_t *)buf, r->ptr[i].i);
        if (at + w > total) // a racing writer changed the runes since they were measured
            break;
        memcpy(d + at, buf, (size_t)w);
        at += w;
    }
    return s;
}

GoSlice *str_to_bytes(const GoString *s) {
    int64_t n = str_len(s);
    if (n == 0)
        return slice_wrap(val_zerobase, 0, 0);
    // Go's cap for a heap-allocated conversion result: the allocator's size class.
    int64_t cap = (int64_t)go_roundupsize((uint64_t)n);
    Slot *p = gc_alloc_atomic((size_t)cap * sizeof(Slot));
    const uint8_t *d = (const uint8_t *)str_data(s);
    for (int64_t i = 0; i < n; i++)
        p[i].u = d[i];
    return slice_wrap(p, n, cap);
}

GoSlice *str_to_runes(const GoString *s) {
    const uint8_t *d = (const uint8_t *)str_data(s);
    int64_t n = str_len(s), count = utf8_count(d, n);
    if (count == 0)
        return slice_wrap(val_zerobase, 0, 0);
    int64_t cap = (int64_t)go_roundupsize((uint64_t)count * 4) / 4;
    Slot *p = gc_alloc_atomic((size_t)cap * sizeof(Slot));
    int64_t k = 0;
    for (int64_t i = 0; i < n; k++) {
        int32_t r;
        i += utf8_decode(d + i, n - i, &r);
        p[k].i = r;
    }
    return slice_wrap(p, count, cap);
}

// ---- wyhash (final version 4, public domain) ----

static inline uint64_t rd8(const uint8_t *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static inline uint64_t rd4(const uint8_t *p) {
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static inline uint64_t rd3(const uint8_t *p, uint64_t k) {
    return ((uint64_t)p[0] << 16) | ((uint64_t)p[k >> 1] << 8) | p[k - 1];
}

static inline void mum(uint64_t *a, uint64_t *b) {
    __uint128_t r = (__uint128_t)*a * *b;
    *a = (uint64_t)r;
    *b = (uint64_t)(r >> 64);
}

// Inputs longer than 16 bytes: 48-byte rounds on three lanes, then 16-byte rounds.
static uint64_t hash_long(const uint8_t *p, uint64_t len, uint64_t seed, uint64_t *a, uint64_t *b) {
    uint64_t i = len;
    if (i > 48) {
        uint64_t s1 = seed, s2 = seed;
        do {
            seed = hash_mix(rd8(p) ^ HASH_P1, rd8(p + 8) ^ seed);
            s1 = hash_mix(rd8(p + 16) ^ HASH_P2, rd8(p + 24) ^ s1);
            s2 = hash_mix(rd8(p + 32) ^ HASH_P3, rd8(p + 40) ^ s2);
            p += 48;
            i -= 48;
        } while (i > 48);
        seed ^= s1 ^ s2;
    }
    while (i > 16) {
        seed = hash_mix(rd8(p) ^ HASH_P1, rd8(p + 8) ^ seed);
        i -= 16;
        p += 16;
    }
    *a = rd8(p + i - 16);
    *b = rd8(p + i - 8);
    return seed;
}

uint64_t hash_bytes(const void *key, uint64_t len, uint64_t seed) {
    const uint8_t *p = key;
    uint64_t a, b;
    seed ^= hash_mix(seed ^ HASH_P0, HASH_P1);
    if (len <= 16) {
        if (len >= 4) {
            uint64_t off = (len >> 3) << 2;
            a = (rd4(p) << 32) | rd4(p + off);
            b = (rd4(p + len - 4) << 32) | rd4(p + len - 4 - off);
        } else if (len > 0) {
            a = rd3(p, len);
            b = 0;
        } else {
            a = b = 0;
        }
    } else {
        seed = hash_long(p, len, seed, &a, &b);
    }
    a ^= HASH_P1;
    b ^= seed;
    mum(&a, &b);
    return hash_mix(a ^ HASH_P0 ^ len, b ^ HASH_P1);
}
