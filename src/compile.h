// The compiler: checked AST -> one Proto per Go function, closure and method wrapper, plus
// the program's globals and its entry function (package initialisation, then main.main).
#ifndef GOL_COMPILE_H
#define GOL_COMPILE_H

#include "../runtime/value.h"
#include "chunk.h"
#include "diag.h"
#include "object.h"

// Compile [main] and every package it imports (all checked without errors). Returns the
// entry function value: it initialises packages in dependency order and then calls
// main.main. Never fails on checked input (internal errors abort).
GoFunc *comp_program(Package *main);

// Opcode names and operand formats (expanded from opcodes.h).
typedef enum Opcode {
#define OP(name, fmt, flags) OP_##name,
#include "opcodes.h"
#undef OP
    OP__COUNT
} Opcode;

enum { F_PANICS = 1, F_PARKS = 2, F_XK = 4, F_MEM = 8 }; // F_XK: X words' bx are constant
                                                     // indices; F_MEM: see opcodes.h
// Operand formats (opcodes.h): ABC, ABx, AsBx, ABsC as there; AK = ABx whose Bx is a
// constant, ABK / AKC = ABC whose C / B is a constant, AKsC = ABsC whose B is a constant;
// the other ABC forms name each field a register (R), an immediate (I, S signed) or unused.
typedef enum OpFormat {
    FMT_ABC, FMT_ABx, FMT_AsBx, FMT_ABsC, FMT_AK, FMT_ABK, FMT_AKC, FMT_AKsC,
    FMT_N, FMT_R, FMT_RR, FMT_RRR, FMT_RI, FMT_RRI, FMT_RRS, FMT_RII, FMT_RIR, FMT_IR
} OpFormat;
extern const char *const op_names[OP__COUNT];
extern const OpFormat op_formats[OP__COUNT];
extern const uint8_t op_flags[OP__COUNT]; // F_* of each opcode

// The global variable table: global i's storage is comp_globals_table()[i] (a Slot * to
// type->slots slots). Grows when the REPL declares more; old entries never move.
Slot **comp_globals_table(void);
// Allocate storage for a new global of type [t]; returns its index.
int comp_globals_add(Type *t);
// The number of globals, and dropping those allocated after the first [n] (a process that
// compiles many programs and runs none, tests/fuzz, forgets each one's).
int comp_globals_count(void);
void comp_globals_truncate(int n);

// ---- the REPL (compile_repl.c) ----
typedef struct ReplInput ReplInput; // check.h

// Compiler state kept across REPL inputs. Zero-initialised is a fresh REPL.
typedef struct ReplCompiler {
    VEC(Package *) inited;  // packages compiled and initialised (in the order they were)
    Proto *print[16];       // the value printer for 0..15 values (made on first use)
    Proto *done;            // the native called when an input finished
} ReplCompiler;

// Compile REPL input [in] (from check_repl_input): storage for its new globals, its
// functions (one replacing an earlier function of the same type takes over its storage at
// once, so existing callers call the new code), the packages it is the first to import, and
// its steps. Returns the function to run on the input's goroutine: it initialises those
// packages, runs the steps, then calls native [done] (which tells the REPL it finished).
GoFunc *comp_repl_input(ReplCompiler *rc, ReplInput *in, NativeFn done);

#endif
