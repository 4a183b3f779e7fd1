// `gol disasm`: prints compiled functions' bytecode with constants inline and source lines.
#ifndef GOL_DISASM_H
#define GOL_DISASM_H

#include <stdio.h>

#include "chunk.h"

typedef struct Package Package;

// Print the program compiled to [entry] (main package [main]) to [out]: its own functions
// in source order, or with [all] every function reachable from the entry, library included.
void disasm_program(FILE *out, Proto *entry, Package *main, bool all);

// Print [p] and the program functions it references (closures, callees), each once (the
// REPL's :disasm).
void disasm_proto(FILE *out, Proto *p);

#endif
