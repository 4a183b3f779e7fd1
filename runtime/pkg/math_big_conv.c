// big.Int's conversions to and from strings and bytes (runtime/pkg/math_big.go): Go's
// digit set (0-9, a-z, A-Z: GMP puts upper case first above base 36), SetString (over
// math_big_scan.c) and Bytes/SetBytes/FillBytes.
#include <stdio.h>
#include <string.h>

#include "gc.h"
#include "math_big.h"
#include "pkgutil.h"

char *big_int_text(mpz_srcptr x, int base) {
    char *p = gc_alloc_atomic(mpz_sizeinbase(x, base) + 2);
    mpz_get_str(p, base, x);
    if (base > 36) // GMP: 0-9A-Za-z; Go: 0-9a-zA-Z
        for (char *q = p; *q; q++)
            if ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'))
                *q ^= 0x20;
    return p;
}

// Text(base int) string
static RtStatus nat_text(G *g, Slot *a, Slot *res) {
    if (!a[0].p) {
        res[0].p = str_from_c("<nil>");
        return RT_OK;
    }
    if (a[1].i < 2 || a[1].i > 62)
        return rt_panic_str(g, "invalid base");
    res[0].p = str_from_c(big_int_text(big_int(a[0].p), (int)a[1].i));
    return RT_OK;
}

// setString(s string, base int) bool
static RtStatus nat_set_string(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(z, 0);
    GoString *s = a[1].p;
    int64_t base = a[2].i;
    if (base != 0 && (base < 2 || base > 62)) {
        char msg[64];
        snprintf(msg, sizeof msg, "invalid number base %lld", (long long)base);
        return rt_panic_str(g, msg);
    }
    res[0].i = big_scan_int(z, str_data(s), (size_t)str_len(s), (int)base);
    return RT_OK;
}

// Bytes() []byte: |x| big-endian, no leading zeros.
static RtStatus nat_bytes(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(x, 0);
    size_t n = mpz_sgn(x) ? (mpz_sizeinbase(x, 2) + 7) / 8 : 0;
    uint8_t *buf = gc_alloc_atomic(n + 1);
    if (n)
        mpz_export(buf, NULL, 1, 1, 1, 0, x);
    res[0].p = bytes_new(buf, (int64_t)n);
    return RT_OK;
}

static RtStatus nat_set_bytes(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(z, 0);
    int64_t n;
    uint8_t *buf = bytes_to_c(a[1].p, &n);
    mpz_import(z, (size_t)n, 1, 1, 1, 0, buf);
    res[0].p = a[0].p;
    return RT_OK;
}

// FillBytes(buf): |x| big-endian, right-aligned and zero-padded in buf.
static RtStatus nat_fill_bytes(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(x, 0);
    GoSlice *b = a[1].p;
    int64_t len = slice_len(b);
    size_t n = mpz_sgn(x) ? (mpz_sizeinbase(x, 2) + 7) / 8 : 0;
    if ((int64_t)n > len)
        return rt_panic_str(g, "math/big: buffer too small to fit value");
    uint8_t *buf = gc_alloc_atomic((size_t)len + 1);
    if (n)
        mpz_export(buf + (len - (int64_t)n), NULL, 1, 1, 1, 0, x);
    if (len)
        bytes_put(b, 0, buf, len);
    res[0].p = b;
    return RT_OK;
}

// Bits() []Word: |x|'s 64-bit limbs, least significant first.
static RtStatus nat_bits(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(x, 0);
    size_t n = mpz_size(x);
    GoSlice *s = slice_make(types_basic[K_UINT], (int64_t)n, (int64_t)n);
    for (size_t i = 0; i < n; i++)
        s->ptr[i].u = (uint64_t)mpz_getlimbn(x, (mp_size_t)i);
    res[0].p = s;
    return RT_OK;
}

// SetBits(abs []Word) *Int
static RtStatus nat_set_bits(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(z, 0);
    GoSlice *s = a[1].p;
    int64_t n = slice_len(s);
    uint64_t *w = gc_alloc_atomic((size_t)(n ? n : 1) * sizeof *w);
    for (int64_t i = 0; i < n; i++)
        w[i] = s->ptr[i].u;
    mpz_import(z, (size_t)n, -1, sizeof *w, 0, 0, w);
    res[0].p = a[0].p;
    return RT_OK;
}

static const NativeEntry big_conv_natives[] = {
    {"math/big.Int.Bits", nat_bits},
    {"math/big.Int.SetBits", nat_set_bits},
    {"math/big.Int.Text", nat_text},
    {"math/big.Int.setString", nat_set_string},
    {"math/big.Int.Bytes", nat_bytes},
    {"math/big.Int.SetBytes", nat_set_bytes},
    {"math/big.Int.FillBytes", nat_fill_bytes},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES_LAZY(big_conv_natives, big_dl_load)
