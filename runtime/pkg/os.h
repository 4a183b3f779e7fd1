// The part of package os (runtime/pkg/os.c) that the command line driver calls.
#ifndef GOL_PKG_OS_H
#define GOL_PKG_OS_H

// Record the program's arguments for os.Args: [argv][0] is the program name (the .gol
// file), the rest its arguments. Call before the program's packages are initialised; the
// strings are copied.
void os_set_args(int argc, char **argv);

#endif
