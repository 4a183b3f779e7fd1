// Internal to the scanner (scan.c, scan_src.c): the rune source with Go's one-rune
// pushback (fmt's readRune), over a string, a file descriptor or a Go io.Reader.
#ifndef GOL_SCAN_INT_H
#define GOL_SCAN_INT_H

#include "scan.h"

enum { RUNE_EOF = -1, RUNE_ERR = -2 };

typedef struct RuneSrc {
    const ScanSource *src;
    G *g;
    int64_t spos;        // next byte of a string source
    GoFunc *read_rune;   // the reader's ReadRune and UnreadRune (an io.RuneScanner),
    GoFunc *unread_rune; //   else NULL and bytes come from its Read
    GoFunc *read;
    GoSlice *byte_buf; // the 1-byte slice passed to Read
    int32_t peek;      // Go's peekRune: >= 0 the next rune, < 0 ^(previous rune)
    uint8_t pend[4];   // bytes of an invalid sequence left for the next read
    int npend;
    bool flushed; // standard output was flushed before the first stdin read
    ScanErr err;  // set when RUNE_ERR is returned
    GoIface *goerr;
} RuneSrc;

void rsrc_init(RuneSrc *r, G *g, const ScanSource *src);
// The next rune, RUNE_EOF at the end of input, or RUNE_ERR (r->err says why).
int32_t rsrc_read(RuneSrc *r);
// Push back the rune just read (at most one).
void rsrc_unread(RuneSrc *r);

#endif
