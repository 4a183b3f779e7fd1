// Natives of os+path.go: renaming, links, permissions, owners, times and sizes of files, and
// positioned reads and writes on open files (pread/pwrite). Each returns the errno (0 on
// success) for the Go side to wrap in Go's error types.
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "native.h"
#include "pkgutil.h"
#include "sched.h"

#define CSTR(s) str_to_c(s)

static int64_t errno_of(int rc) {
    return rc == 0 ? 0 : errno;
}

// renamePath(old, new string) int
static RtStatus nat_rename(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = errno_of(rename(CSTR(a[0].p), CSTR(a[1].p)));
    return RT_OK;
}

// chmodPath(name string, mode uint32) int
static RtStatus nat_chmod(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = errno_of(chmod(CSTR(a[0].p), (mode_t)a[1].u));
    return RT_OK;
}

// truncatePath(name string, size int64) int
static RtStatus nat_truncate(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = errno_of(truncate(CSTR(a[0].p), (off_t)a[1].i));
    return RT_OK;
}

// symlinkPath(old, new string) int
static RtStatus nat_symlink(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = errno_of(symlink(CSTR(a[0].p), CSTR(a[1].p)));
    return RT_OK;
}

// linkPath(old, new string) int
static RtStatus nat_link(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = errno_of(link(CSTR(a[0].p), CSTR(a[1].p)));
    return RT_OK;
}

// readlinkPath(name string) (string, int)
static RtStatus nat_readlink(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    char buf[PATH_MAX];
    ssize_t n = readlink(CSTR(a[0].p), buf, sizeof buf);
    res[0].p = n > 0 ? str_wrap(gc_strndup(buf, (size_t)n), n) : NULL;
    res[1].i = n < 0 ? errno : 0;
    return RT_OK;
}

// ftruncateFd(fd int, size int64) int
static RtStatus nat_ftruncate(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = errno_of(ftruncate((int)a[0].i, (off_t)a[1].i));
    return RT_OK;
}

// fchmodFd(fd int, mode uint32) int
static RtStatus nat_fchmod(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = errno_of(fchmod((int)a[0].i, (mode_t)a[1].u));
    return RT_OK;
}

// preadFd(fd int, b []byte, off int64) (n int, errno int): one pread, its P handed off.
static RtStatus nat_pread(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoSlice *b = a[1].p;
    size_t n = (size_t)slice_len(b);
    uint8_t *tmp = gc_alloc_atomic(n + 1);
    sched_enter_syscall();
    ssize_t r;
    do
        r = pread((int)a[0].i, tmp, n, (off_t)a[2].i);
    while (r < 0 && errno == EINTR);
    int err = errno;
    sched_exit_syscall();
    if (r > 0)
        bytes_put(b, 0, tmp, r);
    res[0].i = r < 0 ? 0 : r;
    res[1].i = r < 0 ? err : 0;
    return RT_OK;
}

// pwriteFd(fd int, b []byte, off int64) (n int, errno int)
static RtStatus nat_pwrite(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    int64_t n;
    uint8_t *p = bytes_to_c(a[1].p, &n);
    sched_enter_syscall();
    ssize_t r;
    do
        r = pwrite((int)a[0].i, p, (size_t)n, (off_t)a[2].i);
    while (r < 0 && errno == EINTR);
    int err = errno;
    sched_exit_syscall();
    res[0].i = r < 0 ? 0 : r;
    res[1].i = r < 0 ? err : 0;
    return RT_OK;
}

// chownPath(name string, uid, gid int, follow bool) int
static RtStatus nat_chown(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    const char *name = CSTR(a[0].p);
    uid_t uid = (uid_t)a[1].i;
    gid_t gid = (gid_t)a[2].i;
    res[0].i = errno_of(a[3].i ? chown(name, uid, gid) : lchown(name, uid, gid));
    return RT_OK;
}

// fchownFd(fd, uid, gid int) int
static RtStatus nat_fchown(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = errno_of(fchown((int)a[0].i, (uid_t)a[1].i, (gid_t)a[2].i));
    return RT_OK;
}

// chtimesPath(name string, asec, ansec int64, aset bool, msec, mnsec int64, mset bool) int:
// a time not set is left unchanged (UTIME_OMIT), as Chtimes does for a zero time.Time.
static RtStatus nat_chtimes(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    struct timespec ts[2] = {{(time_t)a[1].i, (long)a[2].i}, {(time_t)a[4].i, (long)a[5].i}};
    if (!a[3].i)
        ts[0].tv_nsec = UTIME_OMIT;
    if (!a[6].i)
        ts[1].tv_nsec = UTIME_OMIT;
    res[0].i = errno_of(utimensat(AT_FDCWD, CSTR(a[0].p), ts, 0));
    return RT_OK;
}

static const NativeEntry os_path_natives[] = {
    {"os.chownPath", nat_chown},
    {"os.fchownFd", nat_fchown},
    {"os.chtimesPath", nat_chtimes},
    {"os.renamePath", nat_rename},
    {"os.chmodPath", nat_chmod},
    {"os.truncatePath", nat_truncate},
    {"os.symlinkPath", nat_symlink},
    {"os.linkPath", nat_link},
    {"os.readlinkPath", nat_readlink},
    {"os.ftruncateFd", nat_ftruncate},
    {"os.fchmodFd", nat_fchmod},
    {"os.preadFd", nat_pread},
    {"os.pwriteFd", nat_pwrite},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(os_path_natives)
