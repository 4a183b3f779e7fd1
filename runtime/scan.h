// Go's fmt scanning (fmt/scan.go): Scan/Scanln/Scanf over a string, a file descriptor or a
// Go io.Reader, storing into the pointed-to variables of basic kinds. Errors come back as a
// category plus message so that fmt.go can build Go's error values (io.EOF,
// io.ErrUnexpectedEOF, errors.New(text), or the reader's own error). Custom Scanner
// methods (Scan(ScanState, rune)) are not supported.
#ifndef GOL_SCAN_H
#define GOL_SCAN_H

#include "native.h"

typedef enum ScanMode {
    SCAN_SPACE, // Scan, Sscan, Fscan: newlines count as space
    SCAN_LINE,  // Scanln...: stop at a newline, which must follow the last operand
    SCAN_FORMAT // Scanf...: driven by a format
} ScanMode;

typedef enum ScanErr {
    SCAN_OK,
    SCAN_EOF,            // io.EOF
    SCAN_UNEXPECTED_EOF, // io.ErrUnexpectedEOF
    SCAN_MSG,            // errors.New(msg)
    SCAN_GOERR,          // the reader returned this error value (goerr)
    SCAN_PANIC,          // a reader method panicked: the panic is active on the G
} ScanErr;

typedef struct ScanResult {
    int64_t n; // operands stored
    ScanErr err;
    GoString *msg;
    GoIface *goerr;
} ScanResult;

// Where input comes from. Exactly one of: a string (is_str; str NULL is ""), a file
// descriptor (fd >= 0), or a Go value implementing io.Reader (reader), whose io.EOF value
// is [eof] (to recognise it).
typedef struct ScanSource {
    bool is_str;
    const GoString *str;
    int fd;
    GoIface *reader;
    GoIface *eof;
} ScanSource;

// Scans operands [args] (nargs interface slots holding pointers) from [src] in [mode]
// ([format] for SCAN_FORMAT). May call the reader's methods on [g] and block reading.
ScanResult scan_run(G *g, const ScanSource *src, ScanMode mode, const GoString *format,
                    const Slot *args, int nargs);

#endif
