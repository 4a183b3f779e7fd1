// `gol disasm`: prints compiled functions' bytecode with operands and source lines.
#ifndef GOL_DISASM_H
#define GOL_DISASM_H

#include <stdio.h>

#include "chunk.h"

// Print [p] and, recursively, the functions it references through its constants (each
// once), to [out].
void disasm_proto(FILE *out, Proto *p);

#endif
