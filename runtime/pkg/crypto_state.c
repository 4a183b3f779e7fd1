// Natives that export and import a digest's state in Go's format (MarshalBinary /
// UnmarshalBinary of crypto/md5, sha1, sha256 and sha512): a magic string, the chaining
// words big-endian, the 64- or 128-byte block buffer (zero past the buffered bytes) and
// the message length in bytes. The state itself is Nettle's context (crypto_digest.c),
// whose layout comes from Nettle's headers.
#include "native.h"
#include "pkgutil.h"
#include <nettle/md5.h>
#include <nettle/sha1.h>
#include <nettle/sha2.h>
#include <stddef.h>
#include <string.h>

// Where the parts of Go's state live in a Nettle context.
typedef struct StateLayout {
    const char *magic;
    int nwords, wordsize, chunk; // chaining words, their size, block size
    size_t off_state, off_count, off_index, off_block;
} StateLayout;

#define LAYOUT(magic, ctx, nwords, wordsize, chunk, count)                                        \
    {magic, nwords, wordsize, chunk, offsetof(struct ctx, state), offsetof(struct ctx, count),    \
     offsetof(struct ctx, index), offsetof(struct ctx, block)}

// Indexed by the algorithm numbers of crypto_digest.c.
static const StateLayout layouts[] = {
    LAYOUT("md5\x01", md5_ctx, 4, 4, 64, count),
    LAYOUT("sha\x01", sha1_ctx, 5, 4, 64, count),
    LAYOUT("sha\x02", sha256_ctx, 8, 4, 64, count),
    LAYOUT("sha\x03", sha256_ctx, 8, 4, 64, count),
    LAYOUT("sha\x04", sha512_ctx, 8, 8, 128, count_low),
    LAYOUT("sha\x07", sha512_ctx, 8, 8, 128, count_low),
    LAYOUT("sha\x05", sha512_ctx, 8, 8, 128, count_low),
    LAYOUT("sha\x06", sha512_ctx, 8, 8, 128, count_low),
};

static int64_t state_size(const StateLayout *l) {
    return 4 + (int64_t)l->nwords * l->wordsize + l->chunk + 8;
}

static void put_be(uint8_t *b, uint64_t x, int n) {
    for (int i = 0; i < n; i++)
        b[i] = (uint8_t)(x >> (8 * (n - 1 - i)));
}

static uint64_t get_be(const uint8_t *b, int n) {
    uint64_t x = 0;
    for (int i = 0; i < n; i++)
        x = x << 8 | b[i];
    return x;
}

// A 4- or 8-byte native-endian word at [p].
static uint64_t load(const uint8_t *p, int size) {
    if (size == 4) {
        uint32_t w;
        memcpy(&w, p, 4);
        return w;
    }
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

static void store(uint8_t *p, uint64_t x, int size) {
    if (size == 4) {
        uint32_t w = (uint32_t)x;
        memcpy(p, &w, 4);
    } else {
        memcpy(p, &x, 8);
    }
}

// func ctxMarshal(alg int, ctx []uint64) []byte
static RtStatus nat_ctx_marshal(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    const StateLayout *l = &layouts[a[0].i];
    const uint8_t *ctx = (const uint8_t *)((GoSlice *)a[1].p)->ptr;
    uint8_t out[4 + 8 * 8 + 128 + 8] = {0}, *p = out + 4;
    memcpy(out, l->magic, 4);
    for (int i = 0; i < l->nwords; i++, p += l->wordsize)
        put_be(p, load(ctx + l->off_state + (size_t)i * l->wordsize, l->wordsize), l->wordsize);
    unsigned index;
    memcpy(&index, ctx + l->off_index, sizeof index);
    memcpy(p, ctx + l->off_block, index); // the rest stays zero
    p += l->chunk;
    uint64_t count = load(ctx + l->off_count, 8);
    put_be(p, count * (uint64_t)l->chunk + index, 8);
    res[0].p = bytes_new(out, state_size(l));
    return RT_OK;
}

// func ctxUnmarshal(alg int, ctx []uint64, b []byte) int: 0, or 1 for a wrong identifier
// and 2 for a wrong size (Go's two errors, checked in that order).
static RtStatus nat_ctx_unmarshal(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    const StateLayout *l = &layouts[a[0].i];
    uint8_t *ctx = (uint8_t *)((GoSlice *)a[1].p)->ptr;
    int64_t n;
    const uint8_t *b = bytes_to_c(a[2].p, &n);
    if (n < 4 || memcmp(b, l->magic, 4) != 0) {
        res[0].i = 1;
        return RT_OK;
    }
    if (n != state_size(l)) {
        res[0].i = 2;
        return RT_OK;
    }
    const uint8_t *p = b + 4;
    for (int i = 0; i < l->nwords; i++, p += l->wordsize)
        store(ctx + l->off_state + (size_t)i * l->wordsize, get_be(p, l->wordsize), l->wordsize);
    memcpy(ctx + l->off_block, p, (size_t)l->chunk);
    p += l->chunk;
    uint64_t len = get_be(p, 8);
    store(ctx + l->off_count, len / (uint64_t)l->chunk, 8);
    if (l->chunk == 128)
        store(ctx + l->off_count + 8, 0, 8); // sha512_ctx's count_high
    unsigned index = (unsigned)(len % (uint64_t)l->chunk);
    memcpy(ctx + l->off_index, &index, sizeof index);
    res[0].i = 0;
    return RT_OK;
}

#define STATE_NATIVES(pkg)                                                                        \
    {pkg ".ctxMarshal", nat_ctx_marshal}, { pkg ".ctxUnmarshal", nat_ctx_unmarshal }

static const NativeEntry state_natives[] = {
    STATE_NATIVES("crypto/md5"),
    STATE_NATIVES("crypto/sha1"),
    STATE_NATIVES("crypto/sha256"),
    STATE_NATIVES("crypto/sha512"),
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(state_natives)
