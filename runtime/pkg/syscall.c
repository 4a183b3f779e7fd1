// Natives of package syscall (runtime/pkg/syscall.go): kill(2) and the process ids.
// Errno's text is os's errnoText (runtime/pkg/os_file.c), registered there for both.
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include "native.h"

// kill(pid int, sig int) int: 0 or the errno.
static RtStatus nat_kill(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = kill((pid_t)a[0].i, (int)a[1].i) < 0 ? errno : 0;
    return RT_OK;
}

#define ID_NATIVE(name, call)                                                                  \
    static RtStatus name(G *g, Slot *a, Slot *res) {                                          \
        GOL_UNUSED(g);                                                                         \
        GOL_UNUSED(a);                                                                         \
        res[0].i = (int64_t)(call);                                                            \
        return RT_OK;                                                                          \
    }
ID_NATIVE(nat_getpid, getpid())
ID_NATIVE(nat_getppid, getppid())
ID_NATIVE(nat_getuid, getuid())
ID_NATIVE(nat_geteuid, geteuid())
ID_NATIVE(nat_getgid, getgid())
ID_NATIVE(nat_getegid, getegid())

static const NativeEntry syscall_natives[] = {
    {"syscall.kill", nat_kill},
    {"syscall.Getpid", nat_getpid},
    {"syscall.Getppid", nat_getppid},
    {"syscall.Getuid", nat_getuid},
    {"syscall.Geteuid", nat_geteuid},
    {"syscall.Getgid", nat_getgid},
    {"syscall.Getegid", nat_getegid},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(syscall_natives)
