// The network poller (Go's netpoll): sockets are non-blocking; a goroutine whose read, write,
// accept or connect would block parks on its descriptor's PollDesc ("[IO wait]") and one
// epoll instance (edge-triggered) readies it. Deadlines are runtime timers. Used by package
// net (runtime/pkg/net*.c); see docs/scheduler.md, "Network poller".
#ifndef GOL_NETPOLL_H
#define GOL_NETPOLL_H

#include "native.h"

typedef struct PollDesc PollDesc;

// What a PollDesc check reports (the Go side turns them into net's errors).
enum {
    NETPOLL_OK = 0,
    NETPOLL_CLOSING = -1, // Close was called: "use of closed network connection"
    NETPOLL_TIMEOUT = -2, // the mode's deadline has passed: os.ErrDeadlineExceeded
};

// Registers non-blocking socket [fd] with the poller (starting it on first use) and returns
// its descriptor, which owns fd from now on (netpoll_close closes it). NULL and errno set
// when epoll refuses it.
PollDesc *netpoll_open(int fd);

// Starts a system call on pd's fd for [mode] ('r' or 'w'): returns the fd, or
// NETPOLL_CLOSING / NETPOLL_TIMEOUT. Every successful call must be paired with
// netpoll_release, which closes the fd if Close came meanwhile (so an fd number is never
// reused under a running call).
int netpoll_acquire(PollDesc *pd, int mode);
void netpoll_release(PollDesc *pd);

// Parks [g] until pd is ready for [mode] ('r' or 'w'), closed, or past its deadline; at once
// (RT_OK) when one of those already happened. Otherwise sched_park's result (RT_PARK, or
// RT_OK after the wait inside a nested call). The caller retries its system call
// afterwards (readiness is a hint).
RtStatus netpoll_wait(G *g, PollDesc *pd, int mode);

// Sets the deadline of [mode] ('r', 'w' or 'b' for both): [ns] is 0 for none, < 0 for one
// already past (parked waiters return with NETPOLL_TIMEOUT), else nanoseconds from now.
// False (and nothing set) when pd is closed.
bool netpoll_set_deadline(PollDesc *pd, int mode, int64_t ns);

// Close: later operations report NETPOLL_CLOSING, parked waiters are readied, and the fd is
// closed once no system call uses it. False when pd was already closed.
bool netpoll_close(PollDesc *pd);

// The descriptor's fd (for getsockname and friends while the caller holds it open).
int netpoll_fd(PollDesc *pd);

// Goroutines parked in netpoll_wait now (the deadlock check counts them as not asleep).
int netpoll_waiters(void);

// Deterministic mode (no poller thread): readies every G whose descriptor became ready,
// waiting up to [timeout_ns] real nanoseconds (-1: until one is, 0: not at all). Returns
// the number readied. Called by the scheduler holding a P.
int netpoll_poll(int64_t timeout_ns);

#endif
