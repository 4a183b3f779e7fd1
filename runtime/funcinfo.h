// What the run time knows of a compiled function: its name, signature and source positions,
// for tracebacks, trace, race reports, log, runtime.Caller and fmt's method checks. The VM's
// Proto (src/chunk.h) begins with these fields (a union with a FuncInfo), so runtime code
// reads any Proto through proto_info() and never sees code, constants or registers.
#ifndef GOL_FUNCINFO_H
#define GOL_FUNCINFO_H

#include <stdbool.h>

#include "pos.h"

typedef struct Type Type;
typedef struct Proto Proto;
typedef struct Instr Instr;

// Size of one instruction (src/chunk.h asserts it), for turning a frame's ip into a pc.
enum { FUNCINFO_INSTR_BYTES = 8 };

// The fields, in the order both views lay them out:
//   name      Go's name in tracebacks: "main.fib", "main.(*T).M", "main.main.func1"
//   code      the instructions (ncode of them); NULL for a native
//   pcpos     source position of each instruction (ncode entries), or NULL
//   pos       position of the declaration
//   type      signature (K_FUNC), NULL for synthesized stubs
//   nparams   parameter count incl. receiver (each one slot, register form)
//   nresults  result count
//   hidden    synthesized (entry stub, wrappers): omitted from tracebacks
//   user      compiled from a program package (not the library's)
#define FUNCINFO_FIELDS                                                                            \
    const char *name;                                                                              \
    Instr *code;                                                                                   \
    int ncode;                                                                                     \
    Pos *pcpos;                                                                                    \
    Pos pos;                                                                                       \
    Type *type;                                                                                    \
    int nparams;                                                                                   \
    int nresults;                                                                                  \
    bool hidden;                                                                                   \
    bool user;

typedef struct FuncInfo {
    FUNCINFO_FIELDS
} FuncInfo;

// The run-time view of [p] (a Proto's first member is a union holding its FuncInfo).
static inline const FuncInfo *proto_info(const Proto *p) {
    return (const FuncInfo *)(const void *)p;
}

// Index in [fi]'s code of the instruction [at] points to; -1 when at is NULL or fi has no
// code. A frame's saved ip points just past its current call, so its pc is this minus 1.
int funcinfo_pc(const FuncInfo *fi, const Instr *at);

// Source position of instruction [pc] of [fi]; fi's declaration position when pc is out of
// range or fi has no line table.
Pos funcinfo_pos(const FuncInfo *fi, int pc);

#endif
