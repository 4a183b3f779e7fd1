// The runtime's one owner of POSIX signals. A C handler only records the signal (a byte on
// a self-pipe, and the REPL's interrupt flag); a dedicated thread reads the pipe and acts
// outside signal context, never running Go code itself:
//   - a signal enabled by os/signal.Notify is queued for sig_recv, which package os/signal's
//     loop goroutine calls (Go code sends it to the channels);
//   - otherwise Go's default action: SIGINT, SIGTERM, SIGHUP end the program by that same
//     signal (output flushed first); SIGQUIT prints `SIGQUIT: quit` and every goroutine's
//     stack, exit status 2; SIGUSR1, SIGUSR2, SIGALRM are dropped (Go ignores them unless
//     notified), and so is SIGPIPE: the write fails with EPIPE, and only a write to stdout or
//     stderr then ends the program by SIGPIPE (runtime/out.c), as Go's epipecheck does; in the REPL (sig_set_interrupt_hook), SIGINT only calls the REPL's hook.
// Ignore sets SIG_IGN (inherited by children, as in Go); a spawned child gets the default
// dispositions back through exec.
#ifndef GOL_SIGNALS_H
#define GOL_SIGNALS_H

#include <signal.h>
#include <stdbool.h>

#include "common.h"

// Number of signal numbers os/signal can name (1..64).
enum { SIG_COUNT = 65 };

// Install the handler and start the signal thread. Idempotent and thread-safe; called when a
// program starts (sched_main) and by the functions below.
void sig_init(void);

// The REPL's Ctrl-C: from now on SIGINT calls [hook] inside the signal handler (it must be
// async-signal-safe: set a flag, write a pipe), interrupts a blocking read (the handler is
// installed without SA_RESTART) and never ends the process.
void sig_set_interrupt_hook(void (*hook)(int sig));

// os/signal's table: deliver [sig] to sig_recv (enable), back to the runtime's default
// action (disable), or SIG_IGN (ignore). Out-of-range numbers are ignored.
void sig_enable(int sig);
void sig_disable(int sig);
void sig_ignore(int sig);
// Whether [sig] is currently ignored through sig_ignore.
bool sig_ignored(int sig);

// End the process by signal [sig] with its default action (Go's dieFromSignal, without the
// flush: the caller decides). Does not return.
GOL_NORETURN void sig_die(int sig);

// Block until an enabled signal arrives and return its number. Blocks the calling thread:
// callers bracket it with sched_enter_syscall/sched_exit_syscall.
int sig_recv(void);

#endif
