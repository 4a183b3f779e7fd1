// gol test -json: the test2json converter (Go's cmd/internal/test2json) from a test
// binary's marked -v output to go test -json's event stream on stdout.
#ifndef GOL_TEST2JSON_H
#define GOL_TEST2JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "../runtime/buf.h"

enum { T2J_NAME = 512, T2J_DEPTH = 32 };

typedef struct T2JReport {
    char action[16];      // pass, fail, skip, bench
    char test[T2J_NAME];
    double elapsed;       // < 0: none
} T2JReport;

// One package's conversion (single-threaded: the driver feeds it as output arrives).
typedef struct T2J {
    const char *pkg;
    char test[T2J_NAME];  // the test output lines belong to ("" for the package)
    T2JReport report[T2J_DEPTH]; // --- PASS/FAIL lines waiting for their nesting to end
    int nreport;
    char result[8];       // from the binary's final PASS or FAIL
    Buf pending;          // a partial line
} T2J;

// Begin package [pkg]: prints its start event.
void t2j_start(T2J *c, const char *pkg);
// Convert more of the binary's output (any chunking).
void t2j_text(T2J *c, const char *text, size_t n);
// Convert one whole line (with its newline).
void t2j_line(T2J *c, const char *line, size_t n);
// End the package: [summary] (go test's ok/FAIL line, NULL: none) as output, then the
// package's event: [action] when not NULL, else the binary's result ("pass" by default),
// with [elapsed] seconds.
void t2j_finish(T2J *c, const char *summary, const char *action, double elapsed);

#endif
