// Natives of crypto/sha3: the sponge's absorb and squeeze loops over a Keccak-f[1600]
// state kept in a Go []uint64 (25 lanes, little-endian bytes). The permutation is
// Nettle's (nettle_sha3_permute; libnettle is opened with dlopen on first use, as for the
// other digests); padding, rates and domain bytes are decided by crypto_sha3.go.
#include "native.h"
#include "pkgutil.h"
#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

typedef void (*PermuteFn)(uint64_t *state);

static PermuteFn permute_fn; // written once under load_once
static const char *load_error;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load_nettle(void) {
    void *h = dlopen("libnettle.so.8", RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        load_error = dlerror();
        return;
    }
    permute_fn = (PermuteFn)dlsym(h, "nettle_sha3_permute");
}

// Nettle's permutation, or NULL after starting a panic on [g].
static PermuteFn permute_get(G *g) {
    pthread_once(&load_once, load_nettle);
    if (!permute_fn)
        rt_panic_str(g, load_error ? load_error : "crypto/sha3: sha3_permute not in libnettle");
    return permute_fn;
}

// The state's 200 bytes, viewed in place (a Slot is one 8-byte lane; the host is
// little-endian, as Keccak's lane order wants).
static uint8_t *state_bytes(Slot *a) {
    return (uint8_t *)a;
}

// func absorb(a []uint64, n, rate int, p []byte) int: XOR p into a[n:rate], permuting
// whenever the rate is full; returns the new n.
static RtStatus nat_absorb(G *g, Slot *a, Slot *res) {
    PermuteFn perm = permute_get(g);
    if (!perm)
        return RT_PANIC;
    Slot *st = ((GoSlice *)a[0].p)->ptr;
    uint8_t *s = state_bytes(st);
    int64_t n = a[1].i, rate = a[2].i;
    const GoSlice *p = a[3].p;
    int64_t len = slice_len(p);
    for (int64_t i = 0; i < len; i++) {
        s[n++] ^= (uint8_t)p->ptr[i].u;
        if (n == rate) {
            perm((uint64_t *)st);
            n = 0;
        }
    }
    res[0].i = n;
    return RT_OK;
}

// func padPermute(a []uint64, n, rate int, ds byte): the domain byte and the final bit
// of the 10*1 padding, then one permutation.
static RtStatus nat_pad_permute(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(res);
    PermuteFn perm = permute_get(g);
    if (!perm)
        return RT_PANIC;
    Slot *st = ((GoSlice *)a[0].p)->ptr;
    uint8_t *s = state_bytes(st);
    s[a[1].i] ^= (uint8_t)a[3].u;
    s[a[2].i - 1] ^= 0x80;
    perm((uint64_t *)st);
    return RT_OK;
}

// func squeeze(a []uint64, n, rate int, out []byte) int: fill out from a[n:rate],
// permuting whenever the rate is used up; returns the new n.
static RtStatus nat_squeeze(G *g, Slot *a, Slot *res) {
    PermuteFn perm = permute_get(g);
    if (!perm)
        return RT_PANIC;
    Slot *st = ((GoSlice *)a[0].p)->ptr;
    const uint8_t *s = state_bytes(st);
    int64_t n = a[1].i, rate = a[2].i;
    GoSlice *out = a[3].p;
    int64_t len = slice_len(out);
    for (int64_t i = 0; i < len; i++) {
        if (n == rate) {
            perm((uint64_t *)st);
            n = 0;
        }
        out->ptr[i].u = s[n++];
    }
    res[0].i = n;
    return RT_OK;
}

static const NativeEntry sha3_natives[] = {
    {"crypto/sha3.absorb", nat_absorb},
    {"crypto/sha3.padPermute", nat_pad_permute},
    {"crypto/sha3.squeeze", nat_squeeze},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(sha3_natives)
