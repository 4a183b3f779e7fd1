// Growable byte buffer (see buf.h). Grows by doubling; the old array is left to the GC.
#include "buf.h"

#include <stdio.h>

void buf_reserve(Buf *b, size_t n) {
    if (b->len + n + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap * 2 : 64;
    while (cap < b->len + n + 1)
        cap *= 2;
    char *d = gc_alloc_atomic(cap);
    if (b->len)
        memcpy(d, b->data, b->len);
    d[b->len] = 0;
    b->data = d;
    b->cap = cap;
}

void buf_put(Buf *b, const char *s, size_t n) {
    buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

void buf_puts(Buf *b, const char *s) {
    buf_put(b, s, strlen(s));
}

void buf_putc(Buf *b, char c) {
    buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = 0;
}

void buf_fill(Buf *b, char c, size_t n) {
    buf_reserve(b, n);
    memset(b->data + b->len, c, n);
    b->len += n;
    b->data[b->len] = 0;
}

void buf_put_gostr(Buf *b, const GoString *s) {
    buf_put(b, str_data(s), (size_t)str_len(s));
}

void buf_vprintf(Buf *b, const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n <= 0)
        return;
    buf_reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void buf_printf(Buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void buf_truncate(Buf *b, size_t n) {
    if (n < b->len) {
        b->len = n;
        b->data[n] = 0;
    }
}

GoString *buf_to_gostr(const Buf *b) {
    if (b->len == 0)
        return NULL;
    return str_new(b->data, (int64_t)b->len);
}

const char *buf_cstr(const Buf *b) {
    return b->len ? b->data : "";
}
