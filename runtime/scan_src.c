// Rune sources for the scanner: Go's fmt readRune (byte-at-a-time reads, so nothing past
// the scanned text is consumed beyond one rune, exactly as Go behaves on os.Stdin), or an
// io.RuneScanner's own ReadRune/UnreadRune called back into Go.
#include <errno.h>
#include <unistd.h>

#include "rtype.h"
#include "out.h"
#include "scan_int.h"
#include "sched.h"
#include "utf8.h"

void rsrc_init(RuneSrc *r, G *g, const ScanSource *src) {
    memset(r, 0, sizeof *r);
    r->src = src;
    r->g = g;
    r->peek = -1;
    if (src->reader) {
        Type *t = src->reader->type;
        r->read_rune = rt_method(t, "ReadRune");
        r->unread_rune = rt_method(t, "UnreadRune");
        if (!r->read_rune || !r->unread_rune)
            r->read_rune = r->unread_rune = NULL;
        r->read = rt_method(t, "Read");
        r->byte_buf = slice_make(types_basic[K_UINT8], 1, 1);
    }
}

static bool is_eof(RuneSrc *r, GoIface *err) {
    GoIface *eof = r->src->eof;
    return err == eof || (err && eof && err->type == eof->type && err->val.p == eof->val.p);
}

// A Go error from the reader: io.EOF ends the input, anything else is reported.
static int go_error(RuneSrc *r, GoIface *err) {
    if (is_eof(r, err))
        return RUNE_EOF;
    r->err = SCAN_GOERR;
    r->goerr = err;
    return RUNE_ERR;
}

static int fd_byte(RuneSrc *r) {
    if (!r->flushed && r->src->fd == 0) {
        out_flush(); // show a prompt before blocking on stdin
        r->flushed = true;
    }
    unsigned char b;
    ssize_t n;
    sched_enter_syscall();
    do
        n = read(r->src->fd, &b, 1);
    while (n < 0 && errno == EINTR);
    sched_exit_syscall();
    if (n == 1)
        return b;
    if (n == 0)
        return RUNE_EOF;
    r->err = SCAN_MSG; // Go would report the *PathError; rare enough for a plain text
    return RUNE_ERR;
}

// io.ReadFull(reader, buf[:1]) through the reader's Read method.
static int reader_byte(RuneSrc *r) {
    for (;;) {
        Slot args[2] = {r->src->reader->val, {.p = r->byte_buf}}, res[2] = {{0}};
        if (vm_call(r->g, r->read, args, 2, res, 2) != RT_OK) {
            r->err = SCAN_PANIC;
            return RUNE_ERR;
        }
        if (res[0].i >= 1)
            return (int)(r->byte_buf->ptr[0].u & 0xFF);
        if (res[1].p)
            return go_error(r, res[1].p);
    }
}

static int read_byte(RuneSrc *r) {
    if (r->npend > 0) {
        int b = r->pend[0];
        memmove(r->pend, r->pend + 1, (size_t)--r->npend);
        return b;
    }
    const ScanSource *s = r->src;
    if (s->is_str)
        return r->spos < str_len(s->str) ? (unsigned char)s->str->data[r->spos++] : RUNE_EOF;
    if (!s->reader)
        return fd_byte(r);
    return reader_byte(r);
}

// io.RuneScanner's ReadRune.
static int32_t scanner_rune(RuneSrc *r) {
    Slot recv = r->src->reader->val, res[3] = {{0}};
    if (vm_call(r->g, r->read_rune, &recv, 1, res, 3) != RT_OK) {
        r->err = SCAN_PANIC;
        return RUNE_ERR;
    }
    if (res[2].p)
        return go_error(r, res[2].p);
    return (int32_t)res[0].i;
}

int32_t rsrc_read(RuneSrc *r) {
    if (r->read_rune)
        return scanner_rune(r);
    if (r->peek >= 0) {
        int32_t rr = r->peek;
        r->peek = ~r->peek;
        return rr;
    }
    int b = read_byte(r);
    if (b < 0)
        return b;
    uint8_t buf[UTF8_MAX] = {(uint8_t)b};
    int n = 1;
    if (b >= 0x80) {
        while (n < UTF8_MAX && !utf8_full_rune(buf, n)) {
            int c = read_byte(r);
            if (c == RUNE_EOF)
                break;
            if (c < 0)
                return c;
            buf[n++] = (uint8_t)c;
        }
    }
    int32_t rr;
    int size = utf8_decode(buf, n, &rr);
    if (size < n) { // an invalid sequence: keep the extra bytes for the next read
        memcpy(r->pend + r->npend, buf + size, (size_t)(n - size));
        r->npend += n - size;
    }
    r->peek = ~rr;
    return rr;
}

void rsrc_unread(RuneSrc *r) {
    if (r->read_rune) {
        Slot recv = r->src->reader->val, res[1] = {{0}};
        if (vm_call(r->g, r->unread_rune, &recv, 1, res, 1) != RT_OK) {
            r->err = SCAN_PANIC;
        }
        return;
    }
    if (r->peek < 0)
        r->peek = ~r->peek;
}
