// The REPL. TODO(lead): the interactive REPL is its own issue; until it lands, `gol` with no
// arguments reads a whole program from standard input when stdin is not a terminal.
#include "repl.h"

#include <stdio.h>
#include <unistd.h>

int repl_main(uint64_t seed) {
    (void)seed;
    fprintf(stderr, "gol: the interactive REPL is not available yet; usage: gol FILE.gol\n");
    return 2;
}
