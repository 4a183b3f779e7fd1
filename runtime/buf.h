// Buf: a growable byte buffer in GC memory, for building text (fmt, strconv, panic messages)
// before handing it out in one piece. Zero-initialised is an empty buffer. The bytes are
// atomic GC memory (never scanned); data is NUL-terminated whenever cap > 0.
#ifndef GOL_BUF_H
#define GOL_BUF_H

#include <stdarg.h>

#include "value.h"

typedef struct Buf {
    char *data;
    size_t len, cap;
} Buf;

// Make room for [n] more bytes (plus a NUL).
void buf_reserve(Buf *b, size_t n);
void buf_put(Buf *b, const char *s, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_putc(Buf *b, char c);
// Append [n] copies of byte [c].
void buf_fill(Buf *b, char c, size_t n);
// Append the bytes of Go string [s] (NULL = "").
void buf_put_gostr(Buf *b, const GoString *s);
// printf-style append (C formatting, not Go's: for internal text only).
void buf_printf(Buf *b, const char *fmt, ...) GOL_PRINTF(2, 3);
void buf_vprintf(Buf *b, const char *fmt, va_list ap);
// Truncate to [n] bytes (n <= len).
void buf_truncate(Buf *b, size_t n);
// A new Go string holding a copy of the contents (NULL when empty).
GoString *buf_to_gostr(const Buf *b);
// The contents as a NUL-terminated C string (shares the buffer; "" when empty).
const char *buf_cstr(const Buf *b);

#endif
