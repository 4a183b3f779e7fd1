// POSIX signals: the handler, the signal thread and os/signal's table (signals.h).
#include "signals.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "gc.h"
#include "out.h"
#include "panic.h"
#include "sched.h"
#include "trace.h"

// What the runtime does with a signal nobody asked for (Go's sigtable flags).
typedef enum SigDefault {
    SD_NONE,   // not handled by the runtime: the kernel's default until Notify
    SD_KILL,   // end the program by the signal (Go's _SigKill)
    SD_THROW,  // goroutine dump, exit 2 (_SigThrow)
    SD_IGNORE, // handled and dropped (_SigNotify only)
} SigDefault;

static SigDefault default_action(int sig) {
    switch (sig) {
    case SIGHUP:
    case SIGINT:
    case SIGTERM:
        return SD_KILL;
    case SIGQUIT:
        return SD_THROW;
    case SIGUSR1:
    case SIGUSR2:
    case SIGALRM:
    case SIGPIPE: // the write returns EPIPE; on stdout/stderr out.c then dies by SIGPIPE
        return SD_IGNORE;
    default:
        return SD_NONE;
    }
}

// Written by the handler, read by the signal thread; created once in setup.
static int pipefd[2] = {-1, -1};
// Set once by sig_set_interrupt_hook (before the REPL runs code); read by the handler.
static void (*volatile repl_hook)(int);

static pthread_once_t once = PTHREAD_ONCE_INIT;
// mu guards wanted, ignored and pending; cv signals a new pending bit to sig_recv.
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static bool wanted[SIG_COUNT];  // enabled by Notify
static bool ignored[SIG_COUNT]; // set to SIG_IGN by Ignore
static uint64_t pending;        // bit n-1: signal n arrived and awaits sig_recv

static void on_signal(int sig) {
    int saved = errno;
    if (sig == SIGINT && repl_hook)
        repl_hook(sig);
    unsigned char b = (unsigned char)sig;
    ssize_t w = write(pipefd[1], &b, 1);
    (void)w; // a full pipe drops the signal, as Go's queue does when its channel is full
    errno = saved;
}

static void install(int sig, void (*fn)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sigemptyset(&sa.sa_mask);
    // The REPL's Ctrl-C must interrupt a blocking read; everything else restarts.
    sa.sa_flags = (sig == SIGINT && repl_hook) ? 0 : SA_RESTART;
    sigaction(sig, &sa, NULL);
}

// Go's dieFromSignal: flush what the program printed, then let the signal kill us.
static void die_from(int sig) {
    out_flush();
    sig_die(sig);
}

void sig_die(int sig) {
    trace_finish();
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    raise(sig); // delivered to this thread before raise returns
    _exit(2);   // not reached
}

static void act(int sig) {
    pthread_mutex_lock(&mu);
    bool want = wanted[sig];
    if (want) {
        pending |= UINT64_C(1) << (sig - 1);
        pthread_cond_broadcast(&cv);
    }
    pthread_mutex_unlock(&mu);
    if (want)
        return;
    switch (default_action(sig)) {
    case SD_KILL:
        if (!(sig == SIGINT && repl_hook))
            die_from(sig);
        break;
    case SD_THROW:
        panic_sigquit();
    default:
        break;
    }
}

static void *signal_thread(void *arg) {
    (void)arg;
    for (;;) {
        unsigned char b;
        ssize_t r = read(pipefd[0], &b, 1);
        if (r == 1 && b > 0 && b < SIG_COUNT)
            act(b);
        else if (r < 0 && errno != EINTR)
            return NULL;
    }
}

static void setup(void) {
    if (pipe2(pipefd, O_CLOEXEC) < 0)
        return;
    fcntl(pipefd[1], F_SETFL, O_NONBLOCK);
    pthread_t t; // known to the collector: the SIGQUIT dump allocates
    if (gc_thread_create(&t, signal_thread, NULL) != 0)
        return;
    for (int sig = 1; sig < SIG_COUNT; sig++)
        if (default_action(sig) != SD_NONE)
            install(sig, on_signal);
}

void sig_init(void) {
    pthread_once(&once, setup);
}

void sig_set_interrupt_hook(void (*hook)(int sig)) {
    sig_init();
    repl_hook = hook;
    install(SIGINT, on_signal);
}

static bool valid(int sig) {
    return sig > 0 && sig < SIG_COUNT && sig != SIGKILL && sig != SIGSTOP && !gc_owns_signal(sig);
}

void sig_enable(int sig) {
    sig_init();
    if (!valid(sig))
        return;
    pthread_mutex_lock(&mu);
    wanted[sig] = true;
    ignored[sig] = false;
    pthread_mutex_unlock(&mu);
    install(sig, on_signal);
}

void sig_disable(int sig) {
    sig_init();
    if (!valid(sig))
        return;
    pthread_mutex_lock(&mu);
    wanted[sig] = false; // ignored[sig] stays: Go's signal_disable leaves sig.ignored too
    pthread_mutex_unlock(&mu);
    install(sig, default_action(sig) == SD_NONE ? SIG_DFL : on_signal);
}

void sig_ignore(int sig) {
    sig_init();
    if (!valid(sig))
        return;
    pthread_mutex_lock(&mu);
    wanted[sig] = false;
    ignored[sig] = true;
    pthread_mutex_unlock(&mu);
    install(sig, SIG_IGN);
}

bool sig_ignored(int sig) {
    if (sig <= 0 || sig >= SIG_COUNT)
        return false;
    pthread_mutex_lock(&mu);
    bool r = ignored[sig];
    pthread_mutex_unlock(&mu);
    return r;
}

int sig_recv(void) {
    sig_init();
    pthread_mutex_lock(&mu);
    while (pending == 0)
        pthread_cond_wait(&cv, &mu);
    int n = __builtin_ctzll(pending);
    pending &= ~(UINT64_C(1) << n);
    pthread_mutex_unlock(&mu);
    return n + 1;
}
