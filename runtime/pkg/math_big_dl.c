// Loading libgmp and libmpfr for math/big (math_big_dl.h): dlopen on the first binding of a
// math/big native, dlsym of every function the natives call, and GMP's allocation hooks,
// which hand out collector memory (MPFR allocates through GMP's hooks too).
#define BIG_DL_LOADER
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "gc.h"
#include "math_big.h"

BigFns big_fns;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

// Scanned memory, not atomic: GMP's temporaries include arrays of pointers into other
// temporaries (the FFT's), which the collector must see.
static void *big_alloc(size_t n) {
    return gc_alloc(n);
}

static void *big_realloc(void *p, size_t old, size_t n) {
    GOL_UNUSED(old);
    return gc_realloc(p, n);
}

// Freed blocks are left to the collector (nothing else points to them).
static void big_free(void *p, size_t n) {
    GOL_UNUSED(p);
    GOL_UNUSED(n);
}

GOL_NORETURN static void load_failed(const char *what) {
    const char *err = dlerror();
    fprintf(stderr, "gol: math/big: cannot load %s: %s\n", what, err ? err : "not found");
    exit(2);
}

static void *open_lib(const char *name) {
    void *h = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (!h)
        load_failed(name);
    return h;
}

static void load(void) {
    void *gmp = open_lib("libgmp.so.10");
    void *mpfr = open_lib("libmpfr.so.6");
#define BIG_FN_LOAD(lib, name)                                                                     \
    if (!(*(void **)&big_fns.name = dlsym(lib, #name)))                                            \
        load_failed(#name);
#define BIG_FN_GMP(name) BIG_FN_LOAD(gmp, name)
#define BIG_FN_MPFR(name) BIG_FN_LOAD(mpfr, name)
    BIG_GMP_FNS(BIG_FN_GMP)
    BIG_MPFR_FNS(BIG_FN_MPFR)
    big_fns.__gmp_set_memory_functions(big_alloc, big_realloc, big_free);
}

void big_dl_load(void) {
    pthread_once(&load_once, load);
}
