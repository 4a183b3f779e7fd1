// Natives of package math/rand/v2 (runtime/pkg/math_rand_v2.go): Go's ChaCha8 generator
// (internal/chacha8rand: four interleaved ChaCha8 blocks per refill, the counter and
// reseeding schedule, so NewChaCha8(seed) yields Go's exact stream), the PCG-DXSM step,
// the 128-bit product for uint64n, the runtime's per-thread generator behind the
// top-level functions, and the generic N.
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "rtype.h"
#include "gc.h"
#include "native.h"
#include "pkgutil.h"
#include "sched.h"

enum { CTR_INC = 4, CTR_MAX = 16, CHUNK = 32, RESEED = 4 };

typedef struct ChaCha {
    uint64_t buf[CHUNK];
    uint64_t seed[4];
    uint32_t i, n, c;
} ChaCha;

static uint32_t rotl(uint32_t x, int k) {
    return x << k | x >> (32 - k);
}

#define QR(a, b, c, d)                                                                             \
    do {                                                                                           \
        a += b, d ^= a, d = rotl(d, 16);                                                           \
        c += d, b ^= c, b = rotl(b, 12);                                                           \
        a += b, d ^= a, d = rotl(d, 8);                                                            \
        c += d, b ^= c, b = rotl(b, 7);                                                            \
    } while (0)

// Go's block: four ChaCha8 blocks (counters counter..counter+3) computed lane by lane in a
// [16][4]uint32 matrix, which is then read as 32 little-endian uint64s. The constant and
// counter rows are not added back after the rounds (Go's variant).
static void chacha_block(const uint64_t seed[4], uint64_t out[CHUNK], uint32_t counter) {
    static const uint32_t k[4] = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};
    uint32_t b[16][4];
    for (int lane = 0; lane < 4; lane++) {
        for (int r = 0; r < 4; r++)
            b[r][lane] = k[r];
        for (int w = 0; w < 4; w++) {
            b[4 + 2 * w][lane] = (uint32_t)seed[w];
            b[5 + 2 * w][lane] = (uint32_t)(seed[w] >> 32);
        }
        b[12][lane] = counter + (uint32_t)lane;
        b[13][lane] = b[14][lane] = b[15][lane] = 0;
    }
    for (int lane = 0; lane < 4; lane++) {
        uint32_t x[16];
        for (int r = 0; r < 16; r++)
            x[r] = b[r][lane];
        for (int round = 0; round < 4; round++) {
            QR(x[0], x[4], x[8], x[12]);
            QR(x[1], x[5], x[9], x[13]);
            QR(x[2], x[6], x[10], x[14]);
            QR(x[3], x[7], x[11], x[15]);
            QR(x[0], x[5], x[10], x[15]);
            QR(x[1], x[6], x[11], x[12]);
            QR(x[2], x[7], x[8], x[13]);
            QR(x[3], x[4], x[9], x[14]);
        }
        for (int r = 0; r < 16; r++)
            b[r][lane] = r >= 4 && r < 12 ? b[r][lane] + x[r] : x[r];
    }
    for (int j = 0; j < CHUNK; j++) {
        const uint32_t *w = &b[j / 2][2 * (j % 2)];
        out[j] = (uint64_t)w[0] | (uint64_t)w[1] << 32;
    }
}

static void chacha_init64(ChaCha *s, const uint64_t seed[4]) {
    memcpy(s->seed, seed, sizeof s->seed);
    chacha_block(s->seed, s->buf, 0);
    s->c = 0;
    s->i = 0;
    s->n = CHUNK;
}

static void chacha_refill(ChaCha *s) {
    s->c += CTR_INC;
    if (s->c == CTR_MAX) {
        memcpy(s->seed, &s->buf[CHUNK - RESEED], sizeof s->seed);
        s->c = 0;
    }
    chacha_block(s->seed, s->buf, s->c);
    s->i = 0;
    s->n = s->c == CTR_MAX - CTR_INC ? CHUNK - RESEED : CHUNK;
}

static uint64_t chacha_next(ChaCha *s) {
    for (;;) {
        if (s->i < s->n && s->i < CHUNK)
            return s->buf[s->i++];
        chacha_refill(s);
    }
}

// The ChaCha8 struct's state: slot 0 (allocated on first use; a zero ChaCha8 is seeded
// with zeros, as Go's zero value would refill from a zero seed).
static ChaCha *chacha_of(Slot *c) {
    ChaCha *s = c[0].p;
    if (!s) {
        s = gc_alloc_atomic(sizeof(ChaCha));
        s->n = 0; // Go's zero State: the first Next refills
        c[0].p = s;
    }
    return s;
}

static RtStatus nil_deref(G *g) {
    return rt_panic_runtime(g, "invalid memory address or nil pointer dereference");
}

// ChaCha8.init(seed [32]byte)
static RtStatus nat_chacha_init(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(res);
    if (!a[0].p)
        return nil_deref(g);
    Slot *seed = a[1].p;
    uint64_t w[4] = {0};
    for (int i = 0; i < 32; i++)
        w[i / 8] |= (uint64_t)(uint8_t)seed[i].u << (8 * (i % 8));
    chacha_init64(chacha_of(a[0].p), w);
    return RT_OK;
}

static RtStatus nat_chacha_uint64(G *g, Slot *a, Slot *res) {
    if (!a[0].p)
        return nil_deref(g);
    res[0].u = chacha_next(chacha_of(a[0].p));
    return RT_OK;
}

// marshalState() []byte: Go's chacha8rand.Marshal: "chacha8:", the count of values used
// (big-endian), the seed words (little-endian).
static RtStatus nat_chacha_marshal(G *g, Slot *a, Slot *res) {
    if (!a[0].p)
        return nil_deref(g);
    ChaCha *s = chacha_of(a[0].p);
    uint8_t out[48];
    memcpy(out, "chacha8:", 8);
    uint64_t used = (uint64_t)(s->c / CTR_INC) * CHUNK + s->i;
    for (int k = 0; k < 8; k++)
        out[8 + k] = (uint8_t)(used >> (56 - 8 * k));
    for (int w = 0; w < 4; w++)
        for (int k = 0; k < 8; k++)
            out[16 + 8 * w + k] = (uint8_t)(s->seed[w] >> (8 * k));
    res[0].p = bytes_new(out, 48);
    return RT_OK;
}

// unmarshalState(data []byte) bool: Go's chacha8rand.Unmarshal.
static RtStatus nat_chacha_unmarshal(G *g, Slot *a, Slot *res) {
    if (!a[0].p)
        return nil_deref(g);
    int64_t n;
    uint8_t *d = bytes_to_c(a[1].p, &n);
    res[0].i = 0;
    if (n != 48 || memcmp(d, "chacha8:", 8) != 0)
        return RT_OK;
    uint64_t used = 0;
    for (int k = 0; k < 8; k++)
        used = used << 8 | d[8 + k];
    if (used > (CTR_MAX / CTR_INC) * CHUNK - RESEED)
        return RT_OK;
    ChaCha *s = chacha_of(a[0].p);
    for (int w = 0; w < 4; w++) {
        s->seed[w] = 0;
        for (int k = 0; k < 8; k++)
            s->seed[w] |= (uint64_t)d[16 + 8 * w + k] << (8 * k);
    }
    s->c = CTR_INC * ((uint32_t)used / CHUNK);
    chacha_block(s->seed, s->buf, s->c);
    s->i = (uint32_t)used % CHUNK;
    s->n = s->c == CTR_MAX - CTR_INC ? CHUNK - RESEED : CHUNK;
    res[0].i = 1;
    return RT_OK;
}

// PCG.Uint64: state = state*mul + inc (128-bit), then the DXSM output function.
static RtStatus nat_pcg_uint64(G *g, Slot *a, Slot *res) {
    Slot *p = a[0].p;
    if (!p)
        return nil_deref(g);
    const uint64_t mul_hi = 2549297995355413924ULL, mul_lo = 4865540595714422341ULL;
    const uint64_t inc_hi = 6364136223846793005ULL, inc_lo = 1442695040888963407ULL;
    unsigned __int128 st = (unsigned __int128)p[0].u << 64 | p[1].u;
    unsigned __int128 mul = (unsigned __int128)mul_hi << 64 | mul_lo;
    unsigned __int128 inc = (unsigned __int128)inc_hi << 64 | inc_lo;
    st = st * mul + inc;
    uint64_t hi = (uint64_t)(st >> 64), lo = (uint64_t)st;
    p[0].u = hi;
    p[1].u = lo;
    hi ^= hi >> 32;
    hi *= 0xda942042e4dd58b5ULL;
    hi ^= hi >> 48;
    hi *= lo | 1;
    res[0].u = hi;
    return RT_OK;
}

// mul64(x, y uint64) (hi, lo uint64)
static RtStatus nat_mul64(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    unsigned __int128 p = (unsigned __int128)a[0].u * a[1].u;
    res[0].u = (uint64_t)(p >> 64);
    res[1].u = (uint64_t)p;
    return RT_OK;
}

// ---- the runtime's generator: one ChaCha8 per thread ----

static __thread ChaCha thread_rng;
static __thread bool thread_rng_ready;

static uint64_t runtime_rand(void) {
    if (!thread_rng_ready) {
        uint64_t seed[4] = {0};
        if (sched_deterministic()) {
            for (int i = 0; i < 4; i++)
                seed[i] = (uint64_t)sched_rand() << 32 | sched_rand();
        } else if (getrandom(seed, sizeof seed, 0) != (ssize_t)sizeof seed) {
            seed[0] = (uint64_t)time(NULL) ^ (uint64_t)clock();
            seed[1] = (uint64_t)(uintptr_t)&seed;
        }
        chacha_init64(&thread_rng, seed);
        thread_rng_ready = true;
    }
    return chacha_next(&thread_rng);
}

static RtStatus nat_runtime_rand(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(a);
    res[0].u = runtime_rand();
    return RT_OK;
}

// N[Int intType](n Int) Int: Go's uint64n over the runtime generator.
static RtStatus nat_n(G *g, Slot *a, Slot *res) {
    Type *t = a[0].p;
    bool positive = type_is_unsigned(t) ? a[1].u != 0 : a[1].i > 0;
    if (!positive)
        return rt_panic_str(g, "invalid argument to N");
    uint64_t n = a[1].u;
    if ((n & (n - 1)) == 0) {
        res[0].u = runtime_rand() & (n - 1);
        return RT_OK;
    }
    unsigned __int128 p = (unsigned __int128)runtime_rand() * n;
    if ((uint64_t)p < n) {
        uint64_t thresh = -n % n;
        while ((uint64_t)p < thresh)
            p = (unsigned __int128)runtime_rand() * n;
    }
    res[0].u = (uint64_t)(p >> 64);
    return RT_OK;
}

static const NativeEntry rand_v2_natives[] = {
    {"math/rand/v2.ChaCha8.init", nat_chacha_init},
    {"math/rand/v2.ChaCha8.Uint64", nat_chacha_uint64},
    {"math/rand/v2.ChaCha8.marshalState", nat_chacha_marshal},
    {"math/rand/v2.ChaCha8.unmarshalState", nat_chacha_unmarshal},
    {"math/rand/v2.PCG.Uint64", nat_pcg_uint64},
    {"math/rand/v2.mul64", nat_mul64},
    {"math/rand/v2.runtime_rand", nat_runtime_rand},
    {"math/rand/v2.N", nat_n},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(rand_v2_natives)
