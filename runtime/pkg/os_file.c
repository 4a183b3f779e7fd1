// Natives of package os (runtime/pkg/os.go) for files by name, directories, Stat and the
// environment. Each returns the errno (0 on success) beside its results; os.go turns it
// into a *PathError whose text is Go's (errnoText). Blocking reads hand the P to another M.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "native.h"
#include "os.h"
#include "out.h"
#include "pkgutil.h"
#include "race.h"
#include "sched.h"

extern char **environ;

#define CSTR(s) str_to_c(s)

// openFile(name string, flag int, perm uint32) (fd int, errno int)
static RtStatus nat_open_file(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    int fd;
    do
        fd = open(CSTR(a[0].p), (int)a[1].i | O_CLOEXEC, (mode_t)a[2].u);
    while (fd < 0 && errno == EINTR);
    res[0].i = fd < 0 ? -1 : fd;
    res[1].i = fd < 0 ? errno : 0;
    return RT_OK;
}

static RtStatus nat_close_fd(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = close((int)a[0].i) < 0 ? errno : 0;
    return RT_OK;
}

// readFdErr(fd int, b []byte) (n int, errno int)
static RtStatus nat_read_fd_err(G *g, Slot *a, Slot *res) {
    GoSlice *b = a[1].p;
    size_t n = (size_t)slice_len(b);
    uint8_t *tmp = gc_alloc_atomic(n + 1);
    if (a[0].i == 0)
        out_flush(); // a prompt written without a newline shows before we block
    sched_enter_syscall();
    ssize_t r;
    do
        r = read((int)a[0].i, tmp, n);
    while (r < 0 && errno == EINTR);
    int err = errno;
    sched_exit_syscall();
    if (r > 0)
        bytes_put(b, 0, tmp, r);
    if (race_enabled && r >= 0)
        race_io_read(g);
    res[0].i = r < 0 ? 0 : r;
    res[1].i = r < 0 ? err : 0;
    return RT_OK;
}

// writeFdErr(fd int, b []byte) (n int, errno int)
static RtStatus nat_write_fd_err(G *g, Slot *a, Slot *res) {
    int64_t n;
    uint8_t *p = bytes_to_c(a[1].p, &n);
    if (race_enabled)
        race_io_write(g);
    int64_t done = 0;
    res[1].i = 0;
    while (done < n) {
        ssize_t w = write((int)a[0].i, p + done, (size_t)(n - done));
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0) {
            res[1].i = errno;
            break;
        }
        done += w;
    }
    res[0].i = done;
    return RT_OK;
}

// seekFd(fd int, offset int64, whence int) (int64, int)
static RtStatus nat_seek_fd(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    off_t r = lseek((int)a[0].i, (off_t)a[1].i, (int)a[2].i);
    res[0].i = r < 0 ? 0 : r;
    res[1].i = r < 0 ? errno : 0;
    return RT_OK;
}

// readFile(name string) ([]byte, int)
static RtStatus nat_read_file(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    int fd = open(CSTR(a[0].p), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        res[1].i = errno;
        return RT_OK;
    }
    Buf b = {0};
    char chunk[65536];
    int err = 0;
    sched_enter_syscall();
    for (;;) {
        ssize_t r = read(fd, chunk, sizeof chunk);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            err = r < 0 ? errno : 0;
            break;
        }
        buf_put(&b, chunk, (size_t)r);
    }
    sched_exit_syscall();
    close(fd);
    res[0].p = err ? NULL : bytes_new(b.data, (int64_t)b.len);
    res[1].i = err;
    return RT_OK;
}

// removePath(name string) int: unlink, then rmdir; Go's choice of which error to report.
static RtStatus nat_remove(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    const char *name = CSTR(a[0].p);
    res[0].i = 0;
    if (unlink(name) == 0)
        return RT_OK;
    int e = errno;
    if (rmdir(name) == 0)
        return RT_OK;
    if (errno != ENOTDIR)
        e = errno;
    res[0].i = e;
    return RT_OK;
}

static RtStatus nat_mkdir(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = mkdir(CSTR(a[0].p), (mode_t)a[1].u) < 0 ? errno : 0;
    return RT_OK;
}

// Go's FileMode for a stat mode (os/stat_linux.go fillFileStatFromSys).
static uint32_t go_mode(mode_t m) {
    uint32_t mode = m & 0777;
    switch (m & S_IFMT) {
    case S_IFBLK:
        mode |= 1u << 26; // ModeDevice
        break;
    case S_IFCHR:
        mode |= (1u << 26) | (1u << 21); // ModeDevice | ModeCharDevice
        break;
    case S_IFDIR:
        mode |= 1u << 31;
        break;
    case S_IFIFO:
        mode |= 1u << 25;
        break;
    case S_IFLNK:
        mode |= 1u << 27;
        break;
    case S_IFSOCK:
        mode |= 1u << 24;
        break;
    }
    if (m & S_ISGID)
        mode |= 1u << 22;
    if (m & S_ISUID)
        mode |= 1u << 23;
    if (m & S_ISVTX)
        mode |= 1u << 20;
    return mode;
}

// statPath(name string, follow bool) (size int64, mode uint32, sec, nsec int64, errno int)
static RtStatus nat_stat(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    struct stat st;
    int r = a[1].i ? stat(CSTR(a[0].p), &st) : lstat(CSTR(a[0].p), &st);
    if (r < 0) {
        res[4].i = errno;
        return RT_OK;
    }
    res[0].i = st.st_size;
    res[1].u = go_mode(st.st_mode);
    res[2].i = st.st_mtim.tv_sec;
    res[3].i = st.st_mtim.tv_nsec;
    res[4].i = 0;
    res[5].u = st.st_dev;
    res[6].u = st.st_ino;
    return RT_OK;
}

static int cmp_names(const void *x, const void *y) {
    return strcmp(*(char *const *)x, *(char *const *)y);
}

// readDirNames(name string) ([]string, int): entries other than . and .., sorted.
static RtStatus nat_read_dir_names(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    DIR *d = opendir(CSTR(a[0].p));
    if (!d) {
        res[1].i = errno;
        return RT_OK;
    }
    size_t n = 0, cap = 16;
    char **names = gc_alloc(cap * sizeof(char *));
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (n == cap)
            names = gc_realloc(names, (cap *= 2) * sizeof(char *));
        names[n++] = gc_strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof(char *), cmp_names);
    GoSlice *s = slice_make(types_basic[K_STRING], (int64_t)n, (int64_t)n);
    for (size_t i = 0; i < n; i++)
        s->ptr[i].p = str_from_c(names[i]);
    res[0].p = s;
    res[1].i = 0;
    return RT_OK;
}

// errnoText(errno int) string: Go's syscall error text (strerror, lower-cased first
// letter: "no such file or directory").
static RtStatus nat_errno_text(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    int e = (int)a[0].i;
    if (e <= 0 || e > 4095) {
        char buf[40];
        snprintf(buf, sizeof buf, "errno %d", e);
        res[0].p = str_from_c(buf);
        return RT_OK;
    }
    char *s = gc_strdup(strerror(e));
    if (s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
        s[0] = (char)(s[0] - 'A' + 'a');
    res[0].p = str_from_c(s);
    return RT_OK;
}

static RtStatus nat_getwd(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(a);
    char *d = getcwd(NULL, 0);
    res[0].p = d ? str_from_c(d) : NULL;
    res[1].i = d ? 0 : errno;
    free(d);
    return RT_OK;
}

static RtStatus nat_chdir(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = chdir(CSTR(a[0].p)) < 0 ? errno : 0;
    return RT_OK;
}

// The C library's environment is not safe against concurrent setenv; Go's is.
static pthread_rwlock_t env_lock = PTHREAD_RWLOCK_INITIALIZER;

bool os_getenv(const char *key, GoString **value) {
    pthread_rwlock_rdlock(&env_lock);
    const char *v = getenv(key);
    *value = v ? str_from_c(v) : NULL;
    pthread_rwlock_unlock(&env_lock);
    return v != NULL;
}

static RtStatus nat_setenv(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    pthread_rwlock_wrlock(&env_lock);
    res[0].i = setenv(CSTR(a[0].p), CSTR(a[1].p), 1) < 0 ? errno : 0;
    pthread_rwlock_unlock(&env_lock);
    return RT_OK;
}

static RtStatus nat_unsetenv(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    pthread_rwlock_wrlock(&env_lock);
    res[0].i = unsetenv(CSTR(a[0].p)) < 0 ? errno : 0;
    pthread_rwlock_unlock(&env_lock);
    return RT_OK;
}

static RtStatus nat_clearenv(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g), GOL_UNUSED(a), GOL_UNUSED(res);
    pthread_rwlock_wrlock(&env_lock);
    clearenv();
    pthread_rwlock_unlock(&env_lock);
    return RT_OK;
}

// getgroups() ([]int, int): the supplementary group IDs, or an errno.
static RtStatus nat_getgroups(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g), GOL_UNUSED(a);
    int n = getgroups(0, NULL);
    gid_t *ids = n > 0 ? gc_alloc_atomic(sizeof(gid_t) * (size_t)n) : NULL;
    if (n < 0 || (n > 0 && (n = getgroups(n, ids)) < 0)) {
        res[0].p = NULL;
        res[1].i = errno;
        return RT_OK;
    }
    GoSlice *s = slice_make(types_basic[K_INT], n, n);
    for (int i = 0; i < n; i++)
        s->ptr[i].i = ids[i];
    res[0].p = s;
    res[1].i = 0;
    return RT_OK;
}

static RtStatus nat_getpagesize(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g), GOL_UNUSED(a);
    res[0].i = sysconf(_SC_PAGESIZE);
    return RT_OK;
}

static RtStatus nat_environ(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(a);
    pthread_rwlock_rdlock(&env_lock);
    int64_t n = 0;
    while (environ && environ[n])
        n++;
    GoSlice *s = slice_make(types_basic[K_STRING], n, n);
    for (int64_t i = 0; i < n; i++)
        s->ptr[i].p = str_from_c(environ[i]);
    pthread_rwlock_unlock(&env_lock);
    res[0].p = s;
    return RT_OK;
}

static RtStatus nat_hostname(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(a);
    struct utsname u;
    if (uname(&u) < 0) {
        res[1].i = errno;
        return RT_OK;
    }
    res[0].p = str_from_c(u.nodename);
    res[1].i = 0;
    return RT_OK;
}

static const NativeEntry os_file_natives[] = {
    {"os.openFile", nat_open_file},
    {"os.closeFd", nat_close_fd},
    {"os.readFdErr", nat_read_fd_err},
    {"os.writeFdErr", nat_write_fd_err},
    {"os.seekFd", nat_seek_fd},
    {"os.readFile", nat_read_file},
    {"os.removePath", nat_remove},
    {"os.mkdir", nat_mkdir},
    {"os.statPath", nat_stat},
    {"os.readDirNames", nat_read_dir_names},
    {"os.errnoText", nat_errno_text},
    {"syscall.errnoText", nat_errno_text}, // syscall.Errno.Error: the same text
    {"time.errnoText", nat_errno_text},    // LoadLocation's open errors
    {"fmt.errnoText", nat_errno_text},     // Print's write errors without package os
    {"os.getwd", nat_getwd},
    {"os.chdir", nat_chdir},
    {"os.setenv", nat_setenv},
    {"os.unsetenv", nat_unsetenv},
    {"os.environ", nat_environ},
    {"os.clearenv", nat_clearenv},
    {"os.getgroups", nat_getgroups},
    {"os.getpagesize", nat_getpagesize},
    {"os.hostname", nat_hostname},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(os_file_natives)
