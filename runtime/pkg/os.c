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

// Writes [n] bytes to fd 0, 1 or 2; results (n int, errno int).
static void write_std(int64_t fd, const char *p, size_t n, Slot *res) {
    size_t done = 0;
    int err = 0;
    if (fd == 1 || fd == 2) {
        err = out_write_err((int)fd, p, n, &done);
    } else {
        while (done < n) {
            ssize_t w = write((int)fd, p + done, n - done);
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0) {
                err = errno;
                break;
            }
            done += (size_t)w;
        }
    }
    res[0].i = (int64_t)done;
    res[1].i = err;
}

// writeStd(fd int, b []byte) (n int, errno int): the bytes are one slot each in the slice.
static RtStatus nat_write_std(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoSlice *b = a[1].p;
    size_t n = (size_t)slice_len(b);
    char *tmp = gc_alloc_atomic(n + 1);
    for (size_t i = 0; i < n; i++)
        tmp[i] = (char)b->ptr[i].u;
    write_std(a[0].i, tmp, n, res);
    return RT_OK;
}

// writeStdString(fd int, s string) (n int, errno int)
static RtStatus nat_write_std_string(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoString *s = a[1].p;
    write_std(a[0].i, str_data(s), (size_t)str_len(s), res);
    return RT_OK;
}

// How fmt's Print family makes the error of a failed write to standard output once package
// os is initialised (os.go's init registers it; fmt.go's stdoutResult asks for it).
static GoFunc *_Atomic stdout_error_maker;

// registerStdoutError(f func(errno int) error)
static RtStatus nat_register_stdout_error(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(res);
    stdout_error_maker = a[0].p;
    return RT_OK;
}

// fmt.osStdoutError() func(errno int) error: nil when the program does not link package os.
static RtStatus nat_os_stdout_error(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(a);
    res[0].p = stdout_error_maker;
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
    {"os.writeStd", nat_write_std},
    {"os.writeStdString", nat_write_std_string},
    {"os.registerStdoutError", nat_register_stdout_error},
    {"fmt.osStdoutError", nat_os_stdout_error},
    {"os.Exit", nat_exit},
    {"os.Getenv", nat_getenv},
    {"os.LookupEnv", nat_lookup_env},
    {"os.Getpid", nat_getpid},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(os_natives)
