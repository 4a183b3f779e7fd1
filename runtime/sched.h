// The scheduler: Go's G/M/P model. Ps (one per GOMAXPROCS) with bounded local run queues and
// a runnext slot, a global queue, work stealing, Ms (native threads) parked when idle, an
// instruction-budget preemption contract with the VM, deadlock detection, and the
// deterministic (seeded, one thread, virtual time) mode. All shared state lives in one
// Sched struct in sched.c.
#ifndef GOL_SCHED_H
#define GOL_SCHED_H

#include <signal.h>

#include "g.h"
#include "native.h"
#include "vm.h"

// Start the runtime with GOMAXPROCS [procs] (<= 0: NumCPU, or the GOMAXPROCS environment
// variable), run [main_g] as goroutine 1 and the others it spawns; returns when main_g
// finishes (the caller then flushes output and exits, ending all other goroutines).
// [seed] != 0 selects deterministic mode: one thread, PRNG-driven choices, virtual time.
void sched_main(G *main_g, int procs, uint64_t seed);

// A new goroutine (status G_IDLE) with a fresh id; the VM fills its first frame.
G *sched_new_g(void);
// Make the new [g] runnable (the `go` statement): put it in the current P's runnext, as Go.
void sched_spawn(G *g);

// ---- parking: the one protocol every wait uses ----
//
// A G waits by queueing itself (a sudog on a channel or semaphore, a timer, a PollDesc)
// under that queue's lock and calling sched_park, which marks it G_WAITING and returns
// what the caller returns to the VM. The two ways a G can be running are hidden here:
//  - ordinary (the common case): nothing of the G lives on the C stack, so the thread lets
//    go of it. sched_park returns RT_PARK, the VM returns VM_PARK, and the M releases the
//    queue's lock ([unlockf]) only after the G stopped, so a waker finds a stopped G.
//    When the G continues, vm_run first calls sched_finish_wait, which runs [w]->finish.
//  - inside a nested vm_call (g->nested > 0: a native such as sort.Slice or fmt's String
//    called back into Go, and that Go code blocks): the native's C frames are on this
//    thread's stack and cannot be saved, so the thread stays with the G. sched_park hands
//    the P to another M, sleeps until the G is readied and some M hands it a P back
//    (g->lockedm), runs [w]->finish itself and returns its result (never RT_PARK).
// So a wait site is written once: `return sched_park(g, &kind, unlockf, arg);`.

// One kind of wait: a static descriptor per wait site, read by the scheduler and by
// sched_cancel. Everything but [reason] may be NULL.
typedef struct WaitKind {
    WaitReason reason; // for tracebacks and :goroutines ("chan receive")
    // Completes the operation on the G's thread after the wake-up, before the G continues:
    // reads what the waker left (g->param), unlinks leftover sudogs (select), raises "send
    // on closed channel". RT_OK or RT_PANIC. A G being cancelled (g->interrupted) never
    // panics here: it unwinds as runtime.Goexit next.
    RtStatus (*finish)(G *g);
    // Competes again for what the wake-up signalled (sync.Mutex's normal mode): run by the
    // M before the G continues; false = it parked the G again. Ordinary parks only: a
    // nested caller (sema_acquire's) loops on its own C stack instead.
    bool (*retry)(G *g);
    // sched_cancel's half of the wake-up race: take the parked [g] off its wait queue under
    // that queue's lock, exactly as a waker would; true when the caller now owns the
    // wake-up. A wait whose Go-level state cannot simply be undone (a Mutex's waiter count)
    // leaves a tombstone that passes its wake-up on (sema_tombstone). NULL: it cannot be
    // taken off and ends when woken (the REPL says so); every wait today has a cancel.
    bool (*cancel)(G *g);
} WaitKind;

// Park the current G [g] as [w] says (see above). [unlockf]([arg]) releases the lock [g]
// was queued under (NULL: none). Returns RT_PARK, or in a nested call the result of
// w->finish after the wake-up (RT_OK when it is NULL). A G parked where nothing can wake
// it (nil channel, `select {}`) never returns from a nested park.
RtStatus sched_park(G *g, const WaitKind *w, void (*unlockf)(void *), void *arg);
// Called by vm_run when a parked G continues: the parked operation's w->finish, once.
RtStatus sched_finish_wait(G *g);
// Make parked [g] runnable again (called by wakers, any thread, at most once per park).
void sched_ready(G *g);
// Ready every G of the schedlink-linked [list], in list order (wakers that collected
// several Gs under a lock, as closechan does, ready them after unlocking).
void sched_ready_list(G *list);

// WaitKind.cancel of waits nothing can end (nil channel, `select {}`): the G is the
// canceller's once its M has let go of it.
bool sched_cancel_unwakeable(G *g);

// Cancelling a goroutine (runtime/cancel.c): end [g] as runtime.Goexit would (its deferred
// calls run), whatever it is doing. Sets g->interrupted: a running or runnable G unwinds at
// its next preemption point or when it next runs. A parked G is taken off the wait queue
// it is on by its WaitKind's cancel (under that queue's lock, as a waker would) and
// readied to unwind at once: the abandoned wait never completes. A G whose wait has no
// cancel (Mutex, RWMutex) or that is in a system call or a nested park stays where it is
// and unwinds when woken, giving back any lock it is handed then.
// Any thread may call it; callers retry CANCEL_PENDING if they need the G gone (it may
// have been between parking and stopping).
typedef enum CancelResult {
    CANCEL_UNWINDING, // taken off its wait queue and readied: it unwinds now
    CANCEL_PENDING,   // marked: it unwinds at its next preemption point or wake-up
    CANCEL_GONE,      // already finished
} CancelResult;
CancelResult sched_cancel(G *g);
// True when [g] is parked in a wait sched_cancel cannot take it off (it ends when woken).
bool sched_cancel_waits_for_wakeup(G *g);

// Blocking system call bracket (reading stdin): hand the P to another M while blocked.
void sched_enter_syscall(void);
void sched_exit_syscall(void);

// runtime package support.
int sched_gomaxprocs(int n);          // sets when n > 0; returns the previous value
int sched_num_cpu(void);
int64_t sched_num_goroutine(void);
bool sched_deterministic(void);
// Random number for scheduling choices (select case order, map iteration start): the
// seeded PRNG in deterministic mode, a fast per-thread PRNG otherwise.
uint32_t sched_rand(void);

// Monotonic time in nanoseconds (virtual in deterministic mode) and wall-clock time.
int64_t sched_nanotime(void);
int64_t sched_walltime(void);

// Visit every goroutine (for tracebacks and the REPL's :goroutines), under the all-G lock.
void sched_for_each_g(void (*fn)(G *g, void *arg), void *arg);

// Called by vm_run's caller when it wants the program to end (main returned, os.Exit):
// stops other Ms from running Go code. Output flushing is the caller's job.
void sched_stop_world_for_exit(void);

// ---- panics and spinning (runtime/sched.c, sched_misc.c) ----

// Go's runningPanicDefers: [delta] is +1 when a goroutine starts unwinding a panic, -1 when
// it stops (recovered, or the G is reused). While the count is non-zero, the end of main
// waits a little (as Go's main does) so that a racing panic still reports and exits 2.
void sched_panicking_add(int delta);
// The current goroutine is printing a fatal report (panic or fatal error) and will exit the
// process with status 2: main's end waits for good.
void sched_dying(void);

// A G from sched_new_g has a slot stack of G_STACK_INIT slots and room for G_FRAMES_INIT
// frames (both zeroed); the VM grows them (gc_realloc) when a call needs more. 15, not 16:
// libgc adds a byte to every object, so 16 slots would take a 144-byte block, 15 take 128.
enum { G_STACK_INIT = 15, G_FRAMES_INIT = 2 };

// sync.Mutex spinning (Go's runtime_canSpin/doSpin): true when spinning iteration [iter]
// is worthwhile (several CPUs, another P running, nothing else runnable here).
bool sched_can_spin(int iter);
void sched_spin(void);

// ---- the REPL (runtime/sched_repl.c) ----
// The REPL starts the runtime with sched_main on an empty main goroutine, then runs each
// input as a foreground goroutine with sched_repl_run while the other goroutines go on.

// Turn on REPL mode (before the first input): from then on an unrecovered panic prints Go's
// report and ends only its goroutine (see sched_repl_end_g); the process goes on.
void sched_repl_enable(void);
bool sched_repl_enabled(void);

typedef enum ReplRunResult {
    REPL_RUN_DONE,        // the input returned
    REPL_RUN_PANIC,       // it panicked (the report was printed)
    REPL_RUN_GOEXIT,      // it called runtime.Goexit
    REPL_RUN_INTERRUPTED, // Ctrl-C: the goroutine was cancelled (sched_cancel)
    REPL_RUN_DEADLOCK,    // every goroutine was blocked for good ("fatal error: all
                          // goroutines are asleep - deadlock!" and its stack were printed)
} ReplRunResult;

// Run [g] (made by vm_main_g, not yet runnable; its code ends by calling sched_repl_done)
// as the foreground goroutine and wait until it ends, *[interrupt] becomes non-zero (set by
// a SIGINT handler; cleared here), or it is deadlocked. Called by the REPL thread only.
ReplRunResult sched_repl_run(G *g, volatile sig_atomic_t *interrupt);

// Native called as the foreground input's last action: it finished normally.
RtStatus sched_repl_done(G *g, Slot *args, Slot *res);

// Called by the VM when [g]'s last frame was unwound (Goexit, a Ctrl-C, or an unrecovered
// panic, whose report this prints). In REPL mode returns true: g ends alone. Otherwise
// returns false and the VM goes on as usual (panic_die for a panic).
bool sched_repl_end_g(G *g);

// Ctrl-C at the prompt (async-signal-safe; the signal handler calls it): the foreground
// statement, if one runs, is cancelled (sched_cancel) by sched_repl_run's thread.
void sched_repl_interrupt(void);

// End goroutine [id] (0: every goroutine; the REPL calls this between inputs) with
// sched_cancel, waiting up to about a second for them to finish unwinding. Returns how many
// were found; *[pending] (may be NULL) counts those that will end only when woken
// (waiting on a sync lock) or were still unwinding.
int sched_repl_kill(int64_t id, int *pending);

// rt_fatal in REPL mode, on the thread running [g]: prints "fatal error: [msg]" and g's
// stack, then ends g (and retires this thread; the scheduler goes on with the others).
GOL_NORETURN void sched_repl_fatal(G *g, const char *msg);

// Go's report when the system refuses a thread (newosproc's): the count, the errno, a hint
// for EAGAIN, then "fatal error: newosproc" (exit status 2).
GOL_NORETURN void sched_thread_failed(int err);

#endif
