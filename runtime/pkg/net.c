// Natives of package net (runtime/pkg/net*.go): sockets as PollDescs of the network poller
// (runtime/netpoll.h). Each native makes one non-blocking system call and reports the errno;
// the Go side waits (pollWait) on EAGAIN and builds net's errors. Addresses cross as
// (family, raw IP bytes as a string, port). A closed or timed-out descriptor reports
// errno -1 (closing) or -2 (deadline), netpoll's codes.
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../netpoll.h"
#include "../race.h"
#include "../sched.h"
#include "pkgutil.h"

enum { IO_CHUNK = 65536 };

// ---- addresses ----

// Fills [ss] from (family, raw ip, port); returns its length, 0 for a bad address.
static socklen_t to_sockaddr(struct sockaddr_storage *ss, int64_t family, const GoString *ip,
                             int64_t port) {
    memset(ss, 0, sizeof *ss);
    int64_t n = str_len(ip);
    const char *b = str_data(ip);
    if (family == AF_INET) {
        struct sockaddr_in *sa = (struct sockaddr_in *)ss;
        sa->sin_family = AF_INET;
        sa->sin_port = htons((uint16_t)port);
        if (n == 16)
            memcpy(&sa->sin_addr, b + 12, 4);
        else if (n == 4)
            memcpy(&sa->sin_addr, b, 4);
        return sizeof *sa;
    }
    struct sockaddr_in6 *sa = (struct sockaddr_in6 *)ss;
    sa->sin6_family = AF_INET6;
    sa->sin6_port = htons((uint16_t)port);
    if (n == 16)
        memcpy(&sa->sin6_addr, b, 16);
    else if (n == 4) { // v4-mapped
        sa->sin6_addr.s6_addr[10] = sa->sin6_addr.s6_addr[11] = 0xff;
        memcpy(&sa->sin6_addr.s6_addr[12], b, 4);
    }
    return sizeof *sa;
}

// Writes (family, ip, port) of [ss] to res[0..2].
static void from_sockaddr(const struct sockaddr_storage *ss, Slot *res) {
    if (ss->ss_family == AF_INET) {
        const struct sockaddr_in *sa = (const struct sockaddr_in *)ss;
        res[0].i = AF_INET;
        res[1].p = str_new((const char *)&sa->sin_addr, 4);
        res[2].i = ntohs(sa->sin_port);
    } else if (ss->ss_family == AF_INET6) {
        const struct sockaddr_in6 *sa = (const struct sockaddr_in6 *)ss;
        res[0].i = AF_INET6;
        res[1].p = str_new((const char *)&sa->sin6_addr, 16);
        res[2].i = ntohs(sa->sin6_port);
    } else {
        res[0].i = 0;
        res[1].p = NULL;
        res[2].i = 0;
    }
}

// ---- sockets ----

// sysSocket(family, sotype int, listener bool) (pd *pollDesc, errno int)
static RtStatus nat_socket(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    int family = (int)a[0].i, sotype = (int)a[1].i;
    int fd = socket(family, sotype | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        res[0].p = NULL;
        res[1].i = errno;
        return RT_OK;
    }
    int on = 1, off = 0;
    if (family == AF_INET6) // dual stack, as Go's "tcp" and "udp" on [::]
        setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
    if (sotype == SOCK_DGRAM)
        setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &on, sizeof on);
    else if (a[2].i)
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    else
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on); // Go's default
    PollDesc *pd = netpoll_open(fd);
    if (!pd) {
        int e = errno;
        close(fd);
        res[0].p = NULL;
        res[1].i = e;
        return RT_OK;
    }
    res[0].p = pd;
    res[1].i = 0;
    return RT_OK;
}

// Runs [op] on the fd of pd (args[0]) in [mode]; errno or netpoll's negative code.
// Under -race every operation on a socket acquires and releases its PollDesc, as the
// atomics of Go's fdMutex order all operations on one fd.
#define WITH_FD(fd, pdslot, mode, failres)                                                         \
    PollDesc *pd = (PollDesc *)(pdslot).p;                                                         \
    if (race_enabled)                                                                              \
        race_acq_rel(g, pd);                                                                       \
    int fd = netpoll_acquire(pd, mode);                                                            \
    if (fd < 0) {                                                                                  \
        failres;                                                                                   \
        return RT_OK;                                                                              \
    }

// sysBind(pd *pollDesc, family int, ip string, port int) (errno int)
static RtStatus nat_bind(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    WITH_FD(fd, a[0], 'r', res[0].i = fd);
    struct sockaddr_storage ss;
    socklen_t n = to_sockaddr(&ss, a[1].i, a[2].p, a[3].i);
    int r = bind(fd, (struct sockaddr *)&ss, n);
    res[0].i = r < 0 ? errno : 0;
    netpoll_release(pd);
    return RT_OK;
}

// sysListen(pd *pollDesc, backlog int) (errno int)
static RtStatus nat_listen(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    WITH_FD(fd, a[0], 'r', res[0].i = fd);
    int r = listen(fd, (int)a[1].i);
    res[0].i = r < 0 ? errno : 0;
    netpoll_release(pd);
    return RT_OK;
}

// sysConnect(pd *pollDesc, family int, ip string, port int) (errno int)
static RtStatus nat_connect(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    WITH_FD(fd, a[0], 'w', res[0].i = fd);
    struct sockaddr_storage ss;
    socklen_t n = to_sockaddr(&ss, a[1].i, a[2].p, a[3].i);
    int r;
    do
        r = connect(fd, (struct sockaddr *)&ss, n);
    while (r < 0 && errno == EINTR);
    res[0].i = r < 0 ? errno : 0;
    netpoll_release(pd);
    return RT_OK;
}

// sysConnectResult(pd *pollDesc) (errno int): after a wait, 0 once connected, EINPROGRESS
// while still connecting, else connect's error (Go's netFD.connect loop).
static RtStatus nat_connect_result(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    WITH_FD(fd, a[0], 'w', res[0].i = fd);
    int err = 0;
    socklen_t len = sizeof err;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
        err = errno;
    if (err == 0 || err == EISCONN) {
        struct sockaddr_storage ss;
        socklen_t n = sizeof ss;
        err = getpeername(fd, (struct sockaddr *)&ss, &n) == 0 ? 0 : EINPROGRESS;
    } else if (err == EALREADY || err == EINTR)
        err = EINPROGRESS;
    res[0].i = err;
    netpoll_release(pd);
    return RT_OK;
}

// sysAccept(pd *pollDesc) (npd *pollDesc, family int, ip string, port int, errno int)
static RtStatus nat_accept(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    WITH_FD(fd, a[0], 'r', (res[0].p = NULL, res[4].i = fd));
    struct sockaddr_storage ss;
    socklen_t n = sizeof ss;
    int nfd;
    do
        nfd = accept4(fd, (struct sockaddr *)&ss, &n, SOCK_NONBLOCK | SOCK_CLOEXEC);
    while (nfd < 0 && (errno == EINTR || errno == ECONNABORTED));
    int e = errno;
    netpoll_release(pd);
    res[0].p = NULL;
    res[4].i = 0;
    if (nfd < 0) {
        res[4].i = e;
        return RT_OK;
    }
    int on = 1;
    setsockopt(nfd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    PollDesc *npd = netpoll_open(nfd);
    if (!npd) {
        res[4].i = errno;
        close(nfd);
        return RT_OK;
    }
    res[0].p = npd;
    from_sockaddr(&ss, res + 1);
    return RT_OK;
}

// sysRead(pd *pollDesc, p []byte) (n int, errno int); errno EAGAIN: wait and retry.
static RtStatus nat_read(G *g, Slot *a, Slot *res) {
    WITH_FD(fd, a[0], 'r', (res[0].i = 0, res[1].i = fd));
    GoSlice *p = a[1].p;
    int64_t want = slice_len(p);
    uint8_t buf[IO_CHUNK];
    if (want > IO_CHUNK)
        want = IO_CHUNK;
    ssize_t r;
    do
        r = read(fd, buf, (size_t)want);
    while (r < 0 && errno == EINTR);
    int e = errno;
    netpoll_release(pd);
    if (r > 0)
        bytes_put(p, 0, buf, r);
    if (race_enabled && r >= 0)
        race_io_read(g);
    res[0].i = r < 0 ? 0 : r;
    res[1].i = r < 0 ? e : 0;
    return RT_OK;
}

// sysWrite(pd *pollDesc, p []byte, off int) (n int, errno int): writes from p[off:].
static RtStatus nat_write(G *g, Slot *a, Slot *res) {
    WITH_FD(fd, a[0], 'w', (res[0].i = 0, res[1].i = fd));
    GoSlice *p = a[1].p;
    int64_t off = a[2].i, n = slice_len(p) - off;
    uint8_t buf[IO_CHUNK];
    if (n > IO_CHUNK)
        n = IO_CHUNK;
    if (n > 0)
        bytes_get(p, off, n, buf);
    if (race_enabled)
        race_io_write(g);
    ssize_t r;
    do
        r = send(fd, buf, (size_t)n, MSG_NOSIGNAL);
    while (r < 0 && errno == EINTR);
    int e = errno;
    netpoll_release(pd);
    res[0].i = r < 0 ? 0 : r;
    res[1].i = r < 0 ? e : 0;
    return RT_OK;
}

// sysRecvFrom(pd *pollDesc, p []byte) (n int, family int, ip string, port int, errno int)
static RtStatus nat_recvfrom(G *g, Slot *a, Slot *res) {
    WITH_FD(fd, a[0], 'r', (res[0].i = 0, res[4].i = fd));
    GoSlice *p = a[1].p;
    int64_t want = slice_len(p);
    uint8_t buf[IO_CHUNK];
    if (want > IO_CHUNK)
        want = IO_CHUNK;
    struct sockaddr_storage ss;
    socklen_t sl = sizeof ss;
    ssize_t r;
    do
        r = recvfrom(fd, buf, (size_t)want, 0, (struct sockaddr *)&ss, &sl);
    while (r < 0 && errno == EINTR);
    int e = errno;
    netpoll_release(pd);
    res[0].i = r < 0 ? 0 : r;
    res[4].i = r < 0 ? e : 0;
    if (r < 0) {
        res[1].i = res[3].i = 0;
        res[2].p = NULL;
        return RT_OK;
    }
    bytes_put(p, 0, buf, r);
    if (race_enabled)
        race_io_read(g);
    from_sockaddr(&ss, res + 1);
    return RT_OK;
}

// sysSendTo(pd *pollDesc, p []byte, family int, ip string, port int) (n int, errno int);
// family 0: send on the connected socket.
static RtStatus nat_sendto(G *g, Slot *a, Slot *res) {
    WITH_FD(fd, a[0], 'w', (res[0].i = 0, res[1].i = fd));
    int64_t n;
    uint8_t *b = bytes_to_c(a[1].p, &n);
    struct sockaddr_storage ss;
    socklen_t sl = a[2].i ? to_sockaddr(&ss, a[2].i, a[3].p, a[4].i) : 0;
    if (race_enabled)
        race_io_write(g);
    ssize_t r;
    do
        r = sendto(fd, b, (size_t)n, MSG_NOSIGNAL, sl ? (struct sockaddr *)&ss : NULL, sl);
    while (r < 0 && errno == EINTR);
    int e = errno;
    netpoll_release(pd);
    res[0].i = r < 0 ? 0 : r;
    res[1].i = r < 0 ? e : 0;
    return RT_OK;
}

// pollWait(pd *pollDesc, mode int): parks until pd may be ready for mode ('r', 'w').
static RtStatus nat_poll_wait(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(res);
    return netpoll_wait(g, (PollDesc *)a[0].p, (int)a[1].i);
}

// sysClose(pd *pollDesc) bool: false when already closed.
static RtStatus nat_close(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    if (race_enabled)
        race_acq_rel(g, a[0].p);
    res[0].i = netpoll_close((PollDesc *)a[0].p);
    return RT_OK;
}

// setDeadline(pd *pollDesc, mode int, ns int64) bool: 0 none, < 0 past, else from now;
// false when pd is closed.
static RtStatus nat_set_deadline(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = netpoll_set_deadline((PollDesc *)a[0].p, (int)a[1].i, a[2].i);
    return RT_OK;
}

// sockName(pd *pollDesc, peer bool) (family int, ip string, port int)
static RtStatus nat_sockname(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof ss);
    socklen_t n = sizeof ss;
    WITH_FD(fd, a[0], 'r', from_sockaddr(&ss, res));
    if (a[1].i)
        getpeername(fd, (struct sockaddr *)&ss, &n);
    else
        getsockname(fd, (struct sockaddr *)&ss, &n);
    netpoll_release(pd);
    from_sockaddr(&ss, res);
    return RT_OK;
}

// sysShutdown(pd *pollDesc, how int) (errno int)
static RtStatus nat_shutdown(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    WITH_FD(fd, a[0], 'r', res[0].i = fd);
    res[0].i = shutdown(fd, (int)a[1].i) < 0 ? errno : 0;
    netpoll_release(pd);
    return RT_OK;
}

// setsockoptInt(pd *pollDesc, level, opt, v int) (errno int)
static RtStatus nat_setsockopt(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    WITH_FD(fd, a[0], 'r', res[0].i = fd);
    int v = (int)a[3].i;
    res[0].i = setsockopt(fd, (int)a[1].i, (int)a[2].i, &v, sizeof v) < 0 ? errno : 0;
    netpoll_release(pd);
    return RT_OK;
}

// lookupIP(host string) (ips []string, errno int): getaddrinfo for a name that is neither a
// literal nor in /etc/hosts (the P is handed off meanwhile); ips hold raw bytes.
static RtStatus nat_lookup_ip(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    char *host = str_to_c(a[0].p);
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *ai = NULL;
    sched_enter_syscall();
    int r = getaddrinfo(host, NULL, &hints, &ai);
    sched_exit_syscall();
    res[0].p = NULL;
    res[1].i = r;
    if (r != 0)
        return RT_OK;
    int n = 0;
    for (struct addrinfo *p = ai; p; p = p->ai_next)
        n++;
    GoSlice *s = slice_make(types_basic[K_STRING], n, n);
    int i = 0;
    for (struct addrinfo *p = ai; p; p = p->ai_next, i++) {
        Slot tmp[3];
        from_sockaddr((struct sockaddr_storage *)p->ai_addr, tmp);
        s->ptr[i].p = tmp[1].p;
    }
    freeaddrinfo(ai);
    res[0].p = s;
    return RT_OK;
}

static const NativeEntry net_natives[] = {
    {"net.sysSocket", nat_socket},
    {"net.sysBind", nat_bind},
    {"net.sysListen", nat_listen},
    {"net.sysConnect", nat_connect},
    {"net.sysConnectResult", nat_connect_result},
    {"net.sysAccept", nat_accept},
    {"net.sysRead", nat_read},
    {"net.sysWrite", nat_write},
    {"net.sysRecvFrom", nat_recvfrom},
    {"net.sysSendTo", nat_sendto},
    {"net.pollWait", nat_poll_wait},
    {"net.sysClose", nat_close},
    {"net.setDeadline", nat_set_deadline},
    {"net.sockName", nat_sockname},
    {"net.sysShutdown", nat_shutdown},
    {"net.setsockoptInt", nat_setsockopt},
    {"net.lookupIP", nat_lookup_ip},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(net_natives)
