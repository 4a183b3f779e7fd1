// Go's fmt printing engine over gol values: the verbs, flags, width/precision and argument
// indexes of Printf, the operand spacing of Print/Println, Stringer/error/GoStringer methods
// (called back into Go), %w for Errorf, map keys in sorted order, and the error forms
// (%!d(string=x), %!d(MISSING), %!(EXTRA ...)). Also the text of the builtin print/println
// and of `panic: ...` messages. Everything is appended to a Buf; the caller writes it out
// in one piece (so lines from different goroutines never interleave).
#ifndef GOL_FORMAT_H
#define GOL_FORMAT_H

#include "buf.h"
#include "native.h"

// The operands of the calls below are [nargs] slots each holding a GoIface * (NULL = nil),
// as a `...any` parameter's backing array holds them. Each returns RT_OK, or RT_PANIC when
// a String/Error/GoString method panicked and fmt must propagate it (the panic is then
// active on [g]); a panic that fmt reports inline as %!v(PANIC=...) returns RT_OK. Methods
// run through vm_call on [g] and may block.

// fmt.Sprintf(format, args...) appended to [b].
RtStatus fmt_sprintf(G *g, Buf *b, const GoString *format, const Slot *args, int nargs);
// fmt.Sprint: spaces between operands when neither is a string.
RtStatus fmt_sprint(G *g, Buf *b, const Slot *args, int nargs);
// fmt.Sprintln: spaces between all operands, and a newline.
RtStatus fmt_sprintln(G *g, Buf *b, const Slot *args, int nargs);
// fmt.Errorf's formatting: like fmt_sprintf with %w allowed. *wrapped receives the
// argument indexes of the %w verbs in order of appearance (GC memory, *nwrapped entries;
// sorted and deduplicated when the format used explicit argument indexes, as Go 1.20+).
RtStatus fmt_errorf(G *g, Buf *b, const GoString *format, const Slot *args, int nargs,
                    int **wrapped, int *nwrapped);

// One value of type [t] in register form formatted with verb [verb] and no flags (as
// Sprintf("%v", x) would, x being converted to an interface).
RtStatus fmt_value(G *g, Buf *b, Type *t, Slot v, int verb);

// Registers fmt.callFormat (runtime/pkg/fmt.go), through which operands with a Format
// method (fmt.Formatter) are printed. Until then Format methods are not called.
void fmt_set_format_hook(GoFunc *fn);

// Tells fmt which type is reflect.Value, so that a Value operand prints the value it holds
// (as Go's printArg does). Called by package reflect's init.
void fmt_set_reflect_value(Type *t);

// The builtin print/println's text for one operand of type [t] (Go's runtime printing:
// floats as +1.500000e+000, pointers as 0x..., strings raw, slices as [len/cap]0xptr,
// interfaces as (0xtype,0xdata)). No separators or newline: the VM adds those.
void fmt_print_builtin(Buf *b, Type *t, Slot v);

// What Go prints after "panic: " for a panic value (Go's printpanicval): Error() for errors,
// String() for Stringers, strings raw, basic values as print would, named basic types as
// main.T(42) / main.S("x"), others as (T) 0xaddr; NULL prints "nil". Calls methods through
// [g] (which may be NULL when no Go code can run: methods are then not called). Returns
// GC memory.
char *fmt_panic_value(G *g, GoIface *v);

#endif
