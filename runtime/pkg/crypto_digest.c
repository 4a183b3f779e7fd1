// Natives of crypto/md5, crypto/sha1, crypto/sha256 and crypto/sha512: message digests
// computed by Nettle (libnettle, Debian's nettle-dev), loaded with dlopen on the first use
// so programs that hash nothing do not pay for it. A digest's state is Nettle's context,
// kept in a Go []uint64 (atomic GC memory) so that it lives and dies with the Go value.
#include "native.h"
#include "pkgutil.h"
#include <dlfcn.h>
#include <nettle/nettle-meta.h>
#include <pthread.h>
#include <string.h>

// Algorithm numbers used by the Go side (runtime/pkg/crypto_*.go).
static const char *const alg_symbols[] = {
    "nettle_md5",    "nettle_sha1",   "nettle_sha224",     "nettle_sha256",
    "nettle_sha384", "nettle_sha512", "nettle_sha512_224", "nettle_sha512_256",
};
#define NALGS ((int)(sizeof alg_symbols / sizeof alg_symbols[0]))

static const struct nettle_hash *algs[NALGS]; // written once under load_once
static const char *load_error;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load_nettle(void) {
    void *h = dlopen("libnettle.so.8", RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        load_error = dlerror();
        return;
    }
    for (int i = 0; i < NALGS; i++)
        algs[i] = dlsym(h, alg_symbols[i]);
}

// The Nettle algorithm [alg], or NULL after starting a panic on [g].
static const struct nettle_hash *alg_get(G *g, int64_t alg) {
    pthread_once(&load_once, load_nettle);
    if (alg < 0 || alg >= NALGS || !algs[alg]) {
        rt_panic_str(g, load_error ? load_error : "crypto: digest not available in libnettle");
        return NULL;
    }
    return algs[alg];
}

// Feed the bytes of [p] to the context in chunks.
static void feed(const struct nettle_hash *h, void *ctx, const GoSlice *p) {
    uint8_t buf[4096];
    int64_t n = slice_len(p);
    for (int64_t off = 0; off < n; off += (int64_t)sizeof buf) {
        int64_t k = n - off < (int64_t)sizeof buf ? n - off : (int64_t)sizeof buf;
        bytes_get(p, off, k, buf);
        h->update(ctx, (size_t)k, buf);
    }
}

// The digest of a copy of context [ctx] (the context itself is left as it was).
static GoSlice *finish(const struct nettle_hash *h, const void *ctx) {
    uint8_t out[64];
    void *tmp = gc_alloc_atomic(h->context_size);
    memcpy(tmp, ctx, h->context_size);
    h->digest(tmp, h->digest_size, out);
    return bytes_new(out, h->digest_size);
}

// func ctxNew(alg int) []uint64: a freshly initialized context.
static RtStatus nat_ctx_new(G *g, Slot *a, Slot *res) {
    const struct nettle_hash *h = alg_get(g, a[0].i);
    if (!h)
        return RT_PANIC;
    int64_t n = (h->context_size + 7) / 8;
    GoSlice *s = slice_make(types_basic[K_UINT64], n, n);
    h->init(s->ptr);
    res[0].p = s;
    return RT_OK;
}

// func ctxWrite(alg int, ctx []uint64, p []byte)
static RtStatus nat_ctx_write(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(res);
    const struct nettle_hash *h = alg_get(g, a[0].i);
    if (!h)
        return RT_PANIC;
    feed(h, ((GoSlice *)a[1].p)->ptr, a[2].p);
    return RT_OK;
}

// func ctxSum(alg int, ctx []uint64) []byte: the digest so far.
static RtStatus nat_ctx_sum(G *g, Slot *a, Slot *res) {
    const struct nettle_hash *h = alg_get(g, a[0].i);
    if (!h)
        return RT_PANIC;
    res[0].p = finish(h, ((GoSlice *)a[1].p)->ptr);
    return RT_OK;
}

// func sumData(alg int, data []byte) []byte: the digest of data.
static RtStatus nat_sum_data(G *g, Slot *a, Slot *res) {
    const struct nettle_hash *h = alg_get(g, a[0].i);
    if (!h)
        return RT_PANIC;
    void *ctx = gc_alloc_atomic(h->context_size);
    h->init(ctx);
    feed(h, ctx, a[1].p);
    res[0].p = finish(h, ctx);
    return RT_OK;
}

#define DIGEST_NATIVES(pkg)                                                                       \
    {pkg ".ctxNew", nat_ctx_new}, {pkg ".ctxWrite", nat_ctx_write},                              \
        {pkg ".ctxSum", nat_ctx_sum}, {pkg ".sumData", nat_sum_data}

static const NativeEntry digest_natives[] = {
    DIGEST_NATIVES("crypto/md5"),
    DIGEST_NATIVES("crypto/sha1"),
    DIGEST_NATIVES("crypto/sha256"),
    DIGEST_NATIVES("crypto/sha512"),
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(digest_natives)
