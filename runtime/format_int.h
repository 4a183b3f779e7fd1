// Internal to the fmt engine (format.c, format_methods.c, format_printf.c): the printer
// state (Go's pp) and the functions its parts call on each other.
#ifndef GOL_FORMAT_INT_H
#define GOL_FORMAT_INT_H

#include "fmtbase.h"
#include "format.h"

// A typed register-form value, as reflect.Value is for Go's fmt. t == NULL is invalid /
// a nil interface. [ro]: reached through an unexported field (methods are not used).
typedef struct Val {
    Type *t;
    Slot v;
    bool ro;
} Val;

typedef struct Printer {
    G *g;
    Buf *buf;
    Fmt fmt;
    Val arg;   // the operand as an interface value (t == NULL: nil)
    Val value; // the operand being printed by reflection, when value_ok
    bool value_ok;
    bool reordered;   // the format used explicit argument indexes
    bool good_argnum; // the last argument index was valid
    bool panicking;   // printing a method's panic value (a second panic propagates)
    bool erroring;    // printing a bad-verb operand: no methods
    bool wrap_errs;   // Errorf: %w allowed
    VEC(int) wrapped; // argument indexes of %w verbs
    RtStatus status;  // RT_PANIC once a method panic must propagate: stop printing
} Printer;

void fmt_printer_init(Printer *p, G *g, Buf *b);
Val fmt_val(Type *t, Slot v);
// printArg: the operand [arg] under [verb].
void fmt_print_arg(Printer *p, Val arg, int verb);
// %!verb(type=value) for the current operand.
void fmt_bad_verb(Printer *p, int verb);
// fmtString: a string under [verb].
void fmt_string(Printer *p, const GoString *s, int verb);
// handleMethods: formats p->arg with its Error/String/GoString method when the verb allows;
// true if it printed something (or recorded a panic in p->status).
bool fmt_handle_methods(Printer *p, int verb);

#endif
