// Deeply nested programs (a 200,000-term sum, 100,000 nested parentheses) make the front
// end's recursive passes (checker, constant folding, compiler, printers) recurse as deep.
// They run on a thread with a large C stack, and each recursive pass asks cstack_low()
// (runtime/cstack.h) before going deeper, so a program nested past even that stops with a
// compile error instead of a crash.
#ifndef GOL_DEEPSTACK_H
#define GOL_DEEPSTACK_H

#include <stdbool.h>

#include "../runtime/cstack.h"
#include "common.h"
#include "pos.h"

// Runs fn(arg) on a collector-registered thread with a large stack (1 GiB, or less when the
// address space is limited; GOL_FRONTEND_STACK=BYTES sets it, for tests) and waits for it;
// runs it on the calling thread when no such thread can be made. [what] names the program
// (its file) in the report of a stack exhausted where no pass checked.
void deepstack_run(void (*fn)(void *), void *arg, const char *what);

// The message for a construct nested too deeply to check or compile.
#define DEEPSTACK_MSG "program too deeply nested (stack exhausted)"

// The compiler's last resort (it reports no errors): prints the message at [pos] as a compile
// error and exits with status 1. The checker, which runs first, normally stops such a
// program with an ordinary error.
GOL_NORETURN void deepstack_fail(Pos pos);

#endif
