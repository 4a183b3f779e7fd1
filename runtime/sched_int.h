// Internals shared by the scheduler's files (sched.c: Ms, the schedule loop, park/ready;
// sched_runq.c: run queues and stealing; sched_det.c: deterministic mode; sched_misc.c:
// deadlock, GOMAXPROCS, runtime queries) and the few runtime files that are part of it:
// g.c (G allocation), timer.c (the deadlock check), netpoll.c (network waiters, det mode's
// poller), detpolicy.c (the run set its policy picks from). Others use sched.h.
#ifndef GOL_SCHED_INT_H
#define GOL_SCHED_INT_H

#include <pthread.h>
#include <stdatomic.h>

#include "rtlock.h"
#include "sched.h"

enum {
    RUNQ_SIZE = 256,   // local run queue capacity (Go's)
    MAX_PROCS = 1024,  // upper bound of GOMAXPROCS (Go's _MaxGomaxprocs)
    SCHED_BUDGET = 10000, // preemption points per slice in ordinary mode
    GFREE_LOCAL_MAX = 64, // dead Gs kept per P before half move to the global list
};

typedef enum PStatus { P_IDLE, P_RUNNING, P_STOPPED } PStatus;

// A one-shot wake-up flag a thread can sleep on (Go's note).
typedef struct Note {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool set; // guarded by: mu
} Note;

void note_init(Note *n);
void note_sleep(Note *n);  // waits until set, then clears it
void note_wakeup(Note *n);

// A processor: the right to run Go code, with its local run queue. Ps are never freed.
struct P {
    int id;                           // never changes
    PStatus status;                   // guarded by sched.lock (P_RUNNING: owned by m)
    M *m;                             // owner while running
    P *link;                          // idle list link (sched.lock)
    // Local run queue (Go's lock-free ring): only the owner writes runqtail; anyone may
    // advance runqhead with a CAS (stealers).
    _Atomic uint32_t runqhead, runqtail;
    _Atomic(G *) runq[RUNQ_SIZE];
    _Atomic(G *) runnext;             // next G to run (set by `go` and by wake-ups)
    // Owned by the M holding the P:
    uint32_t schedtick;               // slices started, for global-queue fairness
    uint32_t runnext_streak;          // consecutive slices taken from runnext
    G *gfree;                         // dead Gs for reuse (schedlink list)
    int ngfree;
    int64_t goid_next, goid_end;      // cached goroutine ids
    _Atomic int64_t ngo;              // goroutines started minus ended on this P (relaxed)
};

// A machine: one native thread running Go code when it holds a P.
struct M {
    int id;
    P *p;               // held P; owned by this thread
    P *nextp;           // P handed over by whoever wakes this M (written before note_wakeup)
    M *link;            // idle list link (sched.lock)
    M *alllink;         // all-M list (never changes once published)
    G *curg;            // G being run (owned by this thread)
    bool spinning;      // looking for work without having found any (owned by this thread)
    Note park;          // sleeps here when idle or when its locked G waits
    uint64_t rng;       // per-M PRNG state
    pthread_t thread;
};

// The scheduler's shared state (STYLE §7: all of it lives here).
typedef struct Sched {
    RtLock lock;                  // guards the fields marked (lock)
    bool inited;                  // set once by sched_init
    bool det;                     // deterministic mode; never changes after init
    _Atomic int gomaxprocs;       // active Ps are allp[0 .. gomaxprocs) (written under lock)
    int ncpu;
    P *allp[MAX_PROCS];           // allocated Ps (entries never change once set)
    _Atomic int nallp;            // allocated count
    P *pidle;                     // idle active Ps (lock)
    _Atomic int npidle;           // length of pidle (written under lock)
    M *midle;                     // idle Ms (lock)
    int nmidle;                   // (lock)
    int mcount;                   // Ms created (lock)
    int nmlocked;                 // Ms sleeping until their locked G is resumed (lock)
    _Atomic int nmspinning;       // Ms looking for work
    _Atomic int nsyscall;         // Ms in a blocking system call without a P
    _Atomic(M *) allm;            // all Ms (push-only list)
    // Global run queue (lock).
    G *runqhead, *runqtail;
    _Atomic int runqsize;
    // Deterministic mode (sched_det.c): its run set (lock).
    G **detq;
    int detn, detcap;
    G *det_prev;                  // the G whose slice just ended by yielding (lock)
    _Atomic int64_t vclock;       // virtual nanotime
    int det_procs;                // GOMAXPROCS as reported in det mode (lock)
    // Dead Gs (gflock).
    RtLock gflock;
    G *gfree;
    _Atomic int ngfree;
    // All Gs ever allocated (push-only list through alllink).
    _Atomic(G *) allg;
    _Atomic int64_t goidgen;      // next goroutine id
    _Atomic int64_t ngo_extra;    // goroutines started/ended without a P
    // The running program (lock).
    _Atomic(G *) main_g;          // (written under lock; g_exit reads it without)
    bool main_done, main_goexit;
    Note main_note;               // sched_main sleeps here
    _Atomic bool exiting;         // sched_stop_world_for_exit was called
    // Go's runningPanicDefers and panicking: main's return waits for goroutines unwinding a
    // panic, and forever once one prints its fatal report (it exits with status 2).
    _Atomic int npanicking;
    _Atomic bool dying;
    // Network poller (runtime/netpoll.c): goroutines parked in netpoll_wait, and in
    // deterministic mode the function polling for ready descriptors (NULL until the first
    // socket); both set by netpoll.c.
    _Atomic int nnetwait;
    int (*_Atomic netpoll)(int64_t timeout_ns);
} Sched;

extern Sched sched;
extern _Thread_local M *sched_tls_m;

// g.c
G *g_alloc(void);
void g_reset(G *g);

// sched.c
void sched_wakep(void);
void sched_startm(P *p, bool spinning);
void sched_stopm(M *m);
void sched_handoffp(P *p);
void sched_acquirep(M *m, P *p);
M *sched_newm(P *p, bool spinning);

// sched_runq.c
void runq_put(P *p, G *g, bool next);
G *runq_get(P *p, bool prefer_queue);
bool runq_empty(P *p);
G *runq_steal(P *p, P *victim, bool steal_next);
void globrunq_put_locked(G *g) REQUIRES(sched.lock);
G *globrunq_get_locked(P *p, int max) REQUIRES(sched.lock);
void runq_flush_to_global(P *p); // retiring a P: move its queue to the global queue
void pidle_put_locked(P *p) REQUIRES(sched.lock);
P *pidle_get_locked(void) REQUIRES(sched.lock);

// sched_det.c: deterministic mode, where the scheduler hands over to it
// Turns deterministic mode on when a policy is installed or [seed] != 0 (installing the
// seeded one); returns the number of Ps to create ([procs], or 1 in deterministic mode).
int det_init(int procs, uint64_t seed);
void det_put_locked(G *g) REQUIRES(sched.lock);
// The runnable G the policy picks, or NULL when none is.
G *det_get_locked(void) REQUIRES(sched.lock);
// A G is runnable or a timer is armed (an M handing off its P must start another).
bool det_work_pending_locked(void) REQUIRES(sched.lock);
// The G m runs next: NULL when m slept without its P (the caller retries).
G *det_find(M *m);
// A slice of [g] ended by yielding after [budget] preemption points: back to the run set.
void det_requeue_yielded(G *g, int budget);

// sched_misc.c
void sched_check_dead_locked(void) REQUIRES(sched.lock);
// The same, taking sched.lock (for threads that are not Ms).
void sched_check_dead(void);
uint64_t sched_rand64(void);

#endif
