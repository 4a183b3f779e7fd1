// The parts of package os (runtime/pkg/os.c, os_file.c) that other C files call: the
// command line driver (arguments) and os.c (the environment, guarded in os_file.c).
#ifndef GOL_PKG_OS_H
#define GOL_PKG_OS_H

#include "value.h"

// Record the program's arguments for os.Args: [argv][0] is the program name (the .gol
// file), the rest its arguments. Call before the program's packages are initialised; the
// strings are copied.
void os_set_args(int argc, char **argv);

// The environment variable [key] as a new Go string in *value (NULL when unset or empty);
// returns whether it is set. Serialised with os.Setenv/Unsetenv (os_file.c), which the C
// library's getenv is not.
bool os_getenv(const char *key, GoString **value);

#endif
