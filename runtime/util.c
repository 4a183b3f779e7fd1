// Process-wide helpers declared in common.h that belong to no other module: the internal
// error exit. Nothing here allocates or takes locks.
#include "common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void gol_fatal_internal(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fflush(stdout);
    fputs("gol: internal error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}
