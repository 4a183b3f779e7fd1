// Natives of package regexp (runtime/pkg/regexp.go): compiling and matching with RE2
// through the C++ shim libgolre2.so (runtime/re2/golre2.h). The shim is loaded with dlopen
// on the first Compile, from the gol binary's directory (or ../lib/gol from it, where make
// install puts it) or GOL_LIBDIR, so a program that never compiles a regexp does not map
// libstdc++ (hello's RSS stays as it was). A Regexp holds its program through a small GC
// object (the uintptr field, seen by the conservative collector) whose finalizer frees
// the RE2 program when the Regexp is gone; each Compile runs the finalizers that became
// ready.
#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rtype.h"
#include "../re2/golre2.h"
#include "native.h"
#include "pkgutil.h"

#ifndef GOL_LIBDIR
#define GOL_LIBDIR "/usr/local/lib/gol"
#endif

// Set once by load_shim under [once]; read-only afterwards.
static pthread_once_t once = PTHREAD_ONCE_INIT;
static GolRe2CompileFn re_compile;
static GolRe2GroupsFn re_groups;
static GolRe2FreeFn re_free;
static GolRe2MatchFn re_match;
static char load_error[512];

static void *open_in(const char *dir) {
    char path[PATH_MAX + 16];
    if (strlen(dir) >= PATH_MAX)
        return NULL;
    snprintf(path, sizeof path, "%s/libgolre2.so", dir);
    return dlopen(path, RTLD_NOW | RTLD_LOCAL);
}

static void load_shim(void) {
    void *h = NULL;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            h = open_in(exe); // the build tree: next to ./gol
            if (!h && strlen(exe) + 16 < sizeof exe) {
                strcat(exe, "/../lib/gol"); // an installed tree: PREFIX/bin, PREFIX/lib/gol
                h = open_in(exe);
            }
        }
    }
    const char *env = getenv("GOL_LIBDIR");
    if (!h && env && *env)
        h = open_in(env);
    if (!h)
        h = open_in(GOL_LIBDIR);
    if (!h) {
        snprintf(load_error, sizeof load_error,
                 "regexp: cannot load libgolre2.so (next to gol, in $GOL_LIBDIR or %s): %s",
                 GOL_LIBDIR, dlerror());
        return;
    }
    re_compile = (GolRe2CompileFn)dlsym(h, "golre2_compile");
    re_groups = (GolRe2GroupsFn)dlsym(h, "golre2_groups");
    re_free = (GolRe2FreeFn)dlsym(h, "golre2_free");
    re_match = (GolRe2MatchFn)dlsym(h, "golre2_match");
    if (!re_compile || !re_groups || !re_match || !re_free) {
        snprintf(load_error, sizeof load_error, "regexp: libgolre2.so lacks its entry points");
        re_compile = NULL;
    }
}

// The GC object a Regexp's handle points to.
typedef struct ReHandle {
    GolRe2 *re;
} ReHandle;

static void free_handle(void *obj, void *arg) {
    (void)arg;
    re_free(((ReHandle *)obj)->re);
}

// compile(expr string, posix, longest bool) (h uintptr, groups int, code int, arg string)
static RtStatus nat_compile(G *g, Slot *a, Slot *res) {
    pthread_once(&once, load_shim);
    if (!re_compile)
        return rt_panic_str(g, load_error);
    // Finalizers run on demand: free the programs of Regexps found dead since the last
    // Compile (a loop of regexp.MatchString stays flat without runtime.SetFinalizer's
    // thread); cheap when none are ready.
    gc_run_finalizers();
    GoString *s = a[0].p;
    int code = 0;
    char *arg = NULL;
    GolRe2 *re = re_compile(str_data(s), (size_t)str_len(s), a[1].i != 0, a[2].i != 0, &code, &arg);
    ReHandle *h = NULL;
    if (re) {
        h = gc_alloc(sizeof *h);
        h->re = re;
        bool had;
        gc_set_finalizer(h, free_handle, NULL, &had);
    }
    res[0].u = (uint64_t)(uintptr_t)h;
    res[1].i = re ? re_groups(re) : 0;
    res[2].i = code;
    res[3].p = arg ? str_from_c(arg) : NULL;
    free(arg);
    return RT_OK;
}

// match(h uintptr, s string, pos int, ncap int) []int: nil when there is no match.
static RtStatus nat_match(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    const ReHandle *h = (const ReHandle *)(uintptr_t)a[0].u;
    const GolRe2 *re = h->re;
    GoString *s = a[1].p;
    int64_t pos = a[2].i, ncap = a[3].i;
    int64_t caps[2 * 32];
    int64_t *c = ncap <= 32 ? caps : gc_alloc_atomic((size_t)(2 * ncap) * sizeof(int64_t));
    res[0].p = NULL;
    if (pos < 0 || pos > str_len(s))
        return RT_OK;
    if (!re_match(re, str_data(s), (size_t)str_len(s), (size_t)pos, c, (int)ncap))
        return RT_OK;
    int64_t n = ncap > 0 ? 2 * ncap : 0;
    GoSlice *out = slice_make(types_basic[K_INT], n, n);
    for (int64_t i = 0; i < n; i++)
        out->ptr[i].i = c[i];
    res[0].p = out;
    return RT_OK;
}

static const NativeEntry regexp_natives[] = {
    {"regexp.compile", nat_compile},
    {"regexp.match", nat_match},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(regexp_natives)
