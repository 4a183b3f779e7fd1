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
GoFunc *compile_program(Package *main);

// Opcode names and operand formats (expanded from opcodes.h).
typedef enum Opcode {
#define OP(name, fmt, flags) OP_##name,
#include "opcodes.h"
#undef OP
    OP__COUNT
} Opcode;

enum { F_PANICS = 1, F_PARKS = 2 };
typedef enum OpFormat { FMT_ABC, FMT_ABx, FMT_AsBx, FMT_ABsC } OpFormat;
extern const char *const op_names[OP__COUNT];
extern const OpFormat op_formats[OP__COUNT];

// The global variable table: global i's storage is globals_table()[i] (a Slot * to
// type->slots slots). Grows when the REPL declares more; old entries never move.
Slot **globals_table(void);
// Allocate storage for a new global of type [t]; returns its index.
int globals_add(Type *t);

#endif
