// Natives of os's processes (runtime/pkg/os.go): spawning a child with posix_spawn (the
// child's fds, environment and directory as StartProcess gives them), waiting for it with
// the P handed to another M (a goroutine blocked in Wait holds no thread others need), and
// pipes. Buffered output is flushed before a child starts, so that what the program printed
// comes before anything the child writes to the same file.
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "native.h"
#include "out.h"
#include "pkgutil.h"
#include "sched.h"

// A NULL-terminated C array of the strings of []string [s].
static char **c_strings(const GoSlice *s) {
    int64_t n = slice_len(s);
    char **v = gc_alloc((size_t)(n + 1) * sizeof(char *));
    for (int64_t i = 0; i < n; i++)
        v[i] = str_to_c(s->ptr[i].p);
    v[n] = NULL;
    return v;
}

// Child fd i is fds[i]: every source is first copied above all of them, so that moving one
// into place never overwrites another that is still needed (Go's forkAndExecInChild does the
// same); -1 closes the child's fd i.
static void plan_fds(posix_spawn_file_actions_t *fa, const GoSlice *fds) {
    int64_t n = slice_len(fds);
    int high = (int)n;
    for (int64_t i = 0; i < n; i++)
        if (fds->ptr[i].i >= high)
            high = (int)fds->ptr[i].i + 1;
    for (int64_t i = 0; i < n; i++)
        if (fds->ptr[i].i >= 0)
            posix_spawn_file_actions_adddup2(fa, (int)fds->ptr[i].i, high + (int)i);
    for (int64_t i = 0; i < n; i++) {
        if (fds->ptr[i].i >= 0) {
            posix_spawn_file_actions_adddup2(fa, high + (int)i, (int)i);
            posix_spawn_file_actions_addclose(fa, high + (int)i);
        } else {
            posix_spawn_file_actions_addclose(fa, (int)i);
        }
    }
}

// spawn(name string, argv []string, env []string, dir string, fds []int) (pid, errno int)
static RtStatus nat_spawn(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    char *name = str_to_c(a[0].p);
    char **argv = c_strings(a[1].p);
    char **envp = c_strings(a[2].p);
    GoString *dir = a[3].p;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    if (str_len(dir) > 0)
        posix_spawn_file_actions_addchdir_np(&fa, str_to_c(dir));
    plan_fds(&fa, a[4].p);
    posix_spawnattr_t at;
    posix_spawnattr_init(&at);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&at, &none);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK);
    out_flush();
    pid_t pid = 0;
    int err = posix_spawn(&pid, name, &fa, &at, argv, envp);
    posix_spawnattr_destroy(&at);
    posix_spawn_file_actions_destroy(&fa);
    res[0].i = err ? 0 : pid;
    res[1].i = err;
    return RT_OK;
}

// wait4(pid int) (status int, errno int)
static RtStatus nat_wait4(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    int status = 0;
    pid_t r;
    sched_enter_syscall();
    do
        r = waitpid((pid_t)a[0].i, &status, 0);
    while (r < 0 && errno == EINTR);
    int err = errno;
    sched_exit_syscall();
    res[0].i = r < 0 ? 0 : status;
    res[1].i = r < 0 ? err : 0;
    return RT_OK;
}

// pipe() (r int, w int, errno int)
static RtStatus nat_pipe(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(a);
    int p[2];
    if (pipe2(p, O_CLOEXEC) < 0) {
        res[0].i = res[1].i = -1;
        res[2].i = errno;
        return RT_OK;
    }
    res[0].i = p[0];
    res[1].i = p[1];
    res[2].i = 0;
    return RT_OK;
}

static const NativeEntry os_proc_natives[] = {
    {"os.spawn", nat_spawn},
    {"os.wait4", nat_wait4},
    {"os.pipe", nat_pipe},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(os_proc_natives)
