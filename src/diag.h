// Compile-time diagnostics: collected (never longjmp), printed sorted by position in Go's form
// `file:line:col: message`, at most 10 and then `too many errors`.
#ifndef GOL_DIAG_H
#define GOL_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "common.h"
#include "pos.h"

typedef struct DiagMsg {
    Pos pos;
    char *text;
    int seq;    // order of reporting, to keep sorting stable
    bool alone; // printed only if no other error was, and first (diag_error_alone)
} DiagMsg;

typedef struct Diag {
    VEC(DiagMsg) msgs;
    bool syntax;     // a syntax error was reported (the checker is then not run)
    int last_syntax; // 1 + index in msgs of the last syntax error recorded, 0: none
    int last_other;  // 1 + index in msgs of the last other error recorded, 0: none
} Diag;

// Record an error at [pos], unless Go would drop it: a syntax error on the line of the last
// syntax error, a message equal to the last other error's on the same line, an exact repeat.
GOL_PRINTF(3, 4) void diag_error(Diag *d, Pos pos, const char *fmt, ...);

// diag_error for an error printed only when it is the only kind recorded, and then only the
// first such: types2's "instantiation cycle", whose monomorphization check runs only on a
// package without errors and stops at the first cycle it finds.
void diag_error_alone(Diag *d, Pos pos, const char *text);

// Number of errors recorded.
int diag_count(const Diag *d);

// Print the errors to [out], sorted by position, stopping after 10 with
// "too many errors" (of the errors recorded with diag_error_alone, only the first, and only
// when no other error was).
// Returns the number printed.
int diag_print(Diag *d, FILE *out);

// Sort the [n] messages [msgs] in place by position (then in the order reported) and print
// each as "file:line:col: text" (diag_print; go vet's findings).
void diag_print_msgs(DiagMsg *msgs, int n, FILE *out);

// Forget all recorded errors (the REPL reuses one Diag per input).
void diag_clear(Diag *d);

#endif
