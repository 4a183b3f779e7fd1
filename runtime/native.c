// The registry of natives: each runtime/pkg/NAME.c registers its table at program start
// (GOL_REGISTER_NATIVES, a constructor); the compiler looks natives up by "pkg.Func" name.
// Registration happens before main() on one thread, lookups after: no lock is needed.
#include "native.h"

#include <string.h>

static const NativeEntry *tables[64];
static void (*loaders[64])(void); // per table: what its natives need loaded first, or NULL
static int ntables;

// Program arguments for os.Args (set by the CLI before the program starts).
static int prog_argc;
static char **prog_argv;

void native_register(const NativeEntry *table) {
    if (ntables == (int)(sizeof tables / sizeof tables[0]))
        gol_fatal_internal("too many native tables");
    tables[ntables++] = table;
}

void native_register_lazy(const NativeEntry *table, void (*load)(void)) {
    loaders[ntables] = load;
    native_register(table);
}

NativeFn native_lookup(const char *name) {
    for (int t = 0; t < ntables; t++)
        for (const NativeEntry *e = tables[t]; e->name; e++)
            if (strcmp(e->name, name) == 0) {
                if (loaders[t])
                    loaders[t]();
                return e->fn;
            }
    return NULL;
}

void rt_set_args(int argc, char **argv) {
    prog_argc = argc;
    prog_argv = argv;
}

int rt_args(char ***argv) {
    *argv = prog_argv;
    return prog_argc;
}
