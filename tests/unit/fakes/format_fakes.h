// Test doubles for tests/unit/format_test.c built with -DFORMAT_FAKES as
// build/unit/format_fakes by `make unit` (see format_fakes.c).
#ifndef GOL_FORMAT_FAKES_H
#define GOL_FORMAT_FAKES_H

#include "native.h"

// Make rt_method([t], [name]) return a function value running native [fn].
void fake_add_method(Type *t, const char *name, NativeFn fn);
// From inside a fake method: start a panic on [g] with [value] as rt_panic_value does;
// returns RT_PANIC.
RtStatus fake_panic(G *g, GoIface *value);

#endif
