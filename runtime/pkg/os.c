// Natives of package os (runtime/pkg/os.go): the standard files' reads and writes, the
// arguments, the environment, Exit. Writes to fds 1 and 2 go through runtime/out.h so they
// stay ordered with fmt's output; a read from stdin first flushes stdout (prompts) and
// hands the P to another M while blocked.
#include "os.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "rtype.h"
#include "native.h"
#include "race.h"
#include "out.h"
#include "sched.h"
#include "trace.h"

static int nargs;
static char **args; // copies, set once at startup before any goroutine runs

void os_set_args(int argc, char **argv) {
    args = gc_alloc((size_t)(argc > 0 ? argc : 1) * sizeof(char *));
    for (int i = 0; i < argc; i++)
        args[i] = gc_strdup(argv[i]);
    nargs = argc;
}

static RtStatus nat_runtime_args(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(a);
    if (nargs == 0) // os.Args always holds the program name
        os_set_args(1, (char *[]){"gol"});
    GoSlice *s = slice_make(types_basic[K_STRING], nargs, nargs);
    for (int i = 0; i < nargs; i++)
        s->ptr[i].p = str_from_c(args[i]);
    res[0].p = s;
    return RT_OK;
}

static int64_t write_fd(int64_t fd, const char *p, size_t n) {
    if (fd == 1 || fd == 2) {
        out_write((int)fd, p, n);
        return (int64_t)n;
    }
    size_t done = 0;
    while (done < n) {
        ssize_t w = write((int)fd, p + done, n - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        done += (size_t)w;
    }
    return (int64_t)n;
}

// writeFd(fd int, b []byte) int: the bytes are one slot each in the slice.
static RtStatus nat_write_fd(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoSlice *b = a[1].p;
    size_t n = (size_t)slice_len(b);
    char *tmp = gc_alloc_atomic(n + 1);
    for (size_t i = 0; i < n; i++)
        tmp[i] = (char)b->ptr[i].u;
    res[0].i = write_fd(a[0].i, tmp, n);
    return RT_OK;
}

static RtStatus nat_write_string(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoString *s = a[1].p;
    res[0].i = write_fd(a[0].i, str_data(s), (size_t)str_len(s));
    return RT_OK;
}

static RtStatus nat_exit(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(res);
    sched_stop_world_for_exit();
    out_flush();
    trace_finish();
    exit(race_fini((int)a[0].i)); // os.Exit(0) after races: 66, as Go's detector
}

static RtStatus nat_getenv(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    os_getenv(str_to_c(a[0].p), (GoString **)&res[0].p);
    return RT_OK;
}

static RtStatus nat_lookup_env(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[1].i = os_getenv(str_to_c(a[0].p), (GoString **)&res[0].p);
    return RT_OK;
}

static RtStatus nat_getpid(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(a);
    res[0].i = getpid();
    return RT_OK;
}

static const NativeEntry os_natives[] = {
    {"os.runtimeArgs", nat_runtime_args},
    {"os.writeFd", nat_write_fd},
    {"os.writeString", nat_write_string},
    {"os.Exit", nat_exit},
    {"os.Getenv", nat_getenv},
    {"os.LookupEnv", nat_lookup_env},
    {"os.Getpid", nat_getpid},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(os_natives)
