// Native of crypto/rand (runtime/pkg/crypto_rand.go): random bytes from getrandom(2),
// retried on EINTR and short reads; a failing kernel source is fatal, as in Go 1.24.
#include "native.h"
#include "pkgutil.h"
#include <errno.h>
#include <sys/random.h>

// func fill(b []byte)
static RtStatus nat_fill(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(res);
    GoSlice *b = a[0].p;
    uint8_t buf[256];
    int64_t n = slice_len(b);
    for (int64_t off = 0; off < n;) {
        size_t want = n - off < (int64_t)sizeof buf ? (size_t)(n - off) : sizeof buf;
        ssize_t got = getrandom(buf, want, 0);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            rt_fatal(g, "crypto/rand: failed to read random data (see https://go.dev/issue/66821)");
        }
        bytes_put(b, off, buf, got);
        off += got;
    }
    return RT_OK;
}

static const NativeEntry crypto_rand_natives[] = {
    {"crypto/rand.fill", nat_fill},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(crypto_rand_natives)
