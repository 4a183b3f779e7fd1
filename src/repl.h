// The interactive REPL (`gol` with no arguments) and its non-terminal mode (lines from a pipe).
#ifndef GOL_REPL_H
#define GOL_REPL_H

#include <stdint.h>

// Run the REPL on stdin/stdout; returns the process exit status.
int repl_main(uint64_t seed);

#endif
