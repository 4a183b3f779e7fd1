// Small helpers the natives of runtime/pkg share: moving bytes between a Go []byte (one
// slot per byte, docs/values.md) and C buffers, and wrapping a Buf as a Go string. Header
// only; every function is static inline.
#ifndef GOL_PKG_PKGUTIL_H
#define GOL_PKG_PKGUTIL_H

#include "rtype.h"
#include "buf.h"
#include "gc.h"
#include "value.h"

// Copy [n] bytes of []byte [b] starting at element [off] to [dst] (caller checked bounds).
static inline void bytes_get(const GoSlice *b, int64_t off, int64_t n, uint8_t *dst) {
    for (int64_t i = 0; i < n; i++)
        dst[i] = (uint8_t)b->ptr[off + i].u;
}

// Store [n] bytes from [src] into []byte [b] at element [off] (caller checked bounds).
static inline void bytes_put(GoSlice *b, int64_t off, const uint8_t *src, int64_t n) {
    for (int64_t i = 0; i < n; i++)
        b->ptr[off + i].u = src[i];
}

// The contents of []byte [b] as a C buffer (GC atomic memory, NUL-terminated); *n = len.
static inline uint8_t *bytes_to_c(const GoSlice *b, int64_t *n) {
    *n = slice_len(b);
    uint8_t *p = gc_alloc_atomic((size_t)*n + 1);
    if (*n)
        bytes_get(b, 0, *n, p);
    p[*n] = 0;
    return p;
}

// A fresh []byte holding a copy of [n] bytes at [p] (len == cap == n; never nil).
static inline GoSlice *bytes_new(const void *p, int64_t n) {
    GoSlice *s = slice_make(types_basic[K_UINT8], n, n);
    if (n)
        bytes_put(s, 0, p, n);
    return s;
}

// The Buf's bytes as a Go string; the Buf must not be written again (no copy).
static inline GoString *buf_take_string(Buf *b) {
    return b->len ? str_wrap(b->data, (int64_t)b->len) : NULL;
}

#endif
