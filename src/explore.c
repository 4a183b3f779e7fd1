// gol explore: stateless depth-first search over a program's schedules (explore.h). Each
// schedule runs in a forked child of the compiled program under the systematic policy,
// which logs its choice points into memory shared with this process; explore_search.c
// picks the next one (CHESS preemption bound, sleep sets). Stdin is read once and replayed
// to every run. An outcome is (stdout, exit status, first stderr line when not 0).
#include "explore_int.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../runtime/gc.h"
#include "../runtime/out.h"
#include "../runtime/sched.h"
#include "../runtime/vm.h"
#include "compile.h"

enum { RUN_TIMEOUT_MS = 10000 }; // one schedule's wall-clock limit

typedef struct Outcome {
    char *out;
    size_t outlen;
    int exit;
    char *err;         // first stderr line when exit != 0, else ""
    int64_t schedules;
    char *token;
} Outcome;

typedef struct Explorer {
    CliArgs *a;
    GoFunc *entry;
    uint64_t hash;
    int infd, outfd, errfd;  // replayed stdin; the current run's stdout and stderr
    ExploreLog *log;         // shared with the children
    Search *search;
    ExploreRun run;          // what the next run follows
    Outcome *outs;
    int nouts, outcap;
    int64_t schedules;       // runs with an outcome
    int64_t pruned;          // runs stopped as equivalent to explored ones
    bool diverged;
} Explorer;

bool explore_shared_access(G *g, uintptr_t addr, bool is_write) {
    // A preemption point only at an OP_MEMEV of the program's own code (the VM yields
    // there); an access reported from the library or from inside a native cannot switch.
    const Frame *f = g->nframes > 0 ? &g->frames[g->nframes - 1] : NULL;
    if (!f || !f->proto->user || !f->ip || f->ip == f->proto->code ||
        f->ip[-1].op != OP_MEMEV) {
        det_note(addr, is_write); // part of the step's footprint, not a choice point
        return false;
    }
    return det_preempt_point(g, addr, is_write);
}

static int64_t now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static _Noreturn void die(const char *what) {
    fprintf(stderr, "gol explore: %s: %s\n", what, strerror(errno));
    exit(2);
}

static int new_memfd(const char *name) {
    int fd = memfd_create(name, 0);
    if (fd < 0)
        die("memfd_create");
    return fd;
}

// Stdin, read once: every run gets the same bytes (nothing when it is a terminal).
static int read_stdin(void) {
    int fd = new_memfd("stdin");
    if (isatty(0))
        return fd;
    char buf[65536];
    for (;;) {
        ssize_t n = read(0, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (write(fd, buf, (size_t)n) != n)
            die("stdin");
    }
    return fd;
}

static char *read_all(int fd, size_t *len) {
    off_t size = lseek(fd, 0, SEEK_END);
    if (size < 0)
        size = 0;
    char *buf = gc_alloc_atomic((size_t)size + 1);
    ssize_t n = size > 0 ? pread(fd, buf, (size_t)size, 0) : 0;
    if (n < 0)
        n = 0;
    buf[n] = 0;
    *len = (size_t)n;
    return buf;
}

// The child: one schedule of the program, then exit (as `gol prog` would).
static _Noreturn void child(Explorer *e, int64_t deadline_ms) {
    lseek(e->infd, 0, SEEK_SET);
    dup2(e->infd, 0);
    dup2(e->outfd, 1);
    dup2(e->errfd, 2);
    det_set_policy(explore_policy(&e->run, e->log, EXPLORE_STEP_CAP));
    G *g = vm_main_g(e->entry);
    sched_main(g, 0, 0);
    out_flush();
    _exit(0);
}

// Waits for [pid] up to [ms]; kills it after. Returns the wait status, or -1 on timeout.
static int wait_child(pid_t pid, int64_t ms) {
    int pfd = (int)syscall(SYS_pidfd_open, pid, 0);
    int status = 0;
    if (pfd >= 0) {
        struct pollfd p = {.fd = pfd, .events = POLLIN};
        int r;
        do
            r = poll(&p, 1, (int)ms);
        while (r < 0 && errno == EINTR);
        close(pfd);
        if (r == 0) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -1;
        }
    }
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    return status;
}

static Outcome run_schedule(Explorer *e, int64_t limit_ms) {
    e->log->n = 0;
    e->log->steps = 0;
    e->log->capped = false;
    e->log->diverged = false;
    e->log->pruned = false;
    e->log->ngids = 0;
    e->log->naccs = 0;
    if (ftruncate(e->outfd, 0) < 0 || ftruncate(e->errfd, 0) < 0)
        die("ftruncate");
    lseek(e->outfd, 0, SEEK_SET);
    lseek(e->errfd, 0, SEEK_SET);
    fflush(NULL);
    pid_t pid = gc_fork();
    if (pid < 0)
        die("fork");
    if (pid == 0)
        child(e, limit_ms);
    int status = wait_child(pid, limit_ms);
    Outcome o = {0};
    o.out = read_all(e->outfd, &o.outlen);
    size_t errlen;
    char *err = read_all(e->errfd, &errlen);
    char *nl = strchr(err, '\n');
    if (nl)
        *nl = 0;
    if (status == -1) {
        o.exit = -1;
        err = gc_strdup("gol explore: the schedule did not end within the time limit");
    } else if (WIFEXITED(status)) {
        o.exit = WEXITSTATUS(status);
    } else {
        o.exit = 128 + WTERMSIG(status);
        if (!*err)
            err = gc_strdup(strsignal(WTERMSIG(status)));
    }
    o.err = o.exit != 0 ? err : "";
    if (e->log->diverged)
        e->diverged = true;
    return o;
}

// The token of the run just made: every choice it logged (its defaults left off).
static char *run_token(Explorer *e) {
    int n = e->log->n;
    uint16_t *c = gc_alloc_atomic((size_t)(n ? n : 1) * sizeof(uint16_t));
    for (int i = 0; i < n; i++)
        c[i] = e->log->c[i].chosen;
    return explore_token(e->hash, c, n);
}

static void add_outcome(Explorer *e, Outcome o) {
    for (int i = 0; i < e->nouts; i++) {
        Outcome *x = &e->outs[i];
        if (x->exit == o.exit && x->outlen == o.outlen && memcmp(x->out, o.out, o.outlen) == 0 &&
            strcmp(x->err, o.err) == 0) {
            x->schedules++;
            return;
        }
    }
    if (e->nouts == e->outcap) {
        e->outcap = e->outcap ? 2 * e->outcap : 8;
        e->outs = gc_realloc(e->outs, (size_t)e->outcap * sizeof(Outcome));
    }
    o.schedules = 1;
    o.token = run_token(e);
    e->outs[e->nouts++] = o;
}

static void json_str(FILE *f, const char *s, size_t n) {
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '"' || ch == '\\')
            fprintf(f, "\\%c", ch);
        else if (ch == '\n')
            fputs("\\n", f);
        else if (ch == '\t')
            fputs("\\t", f);
        else if (ch == '\r')
            fputs("\\r", f);
        else if (ch < 0x20 || ch == 0x7f)
            fprintf(f, "\\u%04x", ch);
        else
            fputc(ch, f);
    }
    fputc('"', f);
}

static void print_json(Explorer *e, bool complete) {
    printf("{\"outcomes\": [");
    for (int i = 0; i < e->nouts; i++) {
        Outcome *o = &e->outs[i];
        printf("%s{\"stdout\": ", i ? ", " : "");
        json_str(stdout, o->out, o->outlen);
        printf(", \"stderr\": ");
        json_str(stdout, o->err, strlen(o->err));
        printf(", \"exit\": %d, \"schedules\": %lld, \"replay\": ", o->exit,
               (long long)o->schedules);
        json_str(stdout, o->token, strlen(o->token));
        printf("}");
    }
    printf("], \"schedules\": %lld, \"complete\": %s}\n", (long long)e->schedules,
           complete ? "true" : "false");
}

// The command that replays [token]: gol --schedule TOKEN, then the program words and args.
static void print_replay(Explorer *e, const char *token) {
    printf("  replay: gol --schedule %s", token);
    for (int i = 0; i < e->a->nprog; i++)
        printf(" %s", e->a->prog[i]);
    for (int i = 0; i < e->a->nargs; i++)
        printf(" %s", e->a->args[i]);
    printf("\n");
}

static void print_outcome(Explorer *e, int k) {
    Outcome *o = &e->outs[k];
    printf("outcome %d: %lld of %lld schedule%s\n", k + 1, (long long)o->schedules,
           (long long)e->schedules, e->schedules == 1 ? "" : "s");
    if (o->outlen == 0) {
        printf("  stdout: (nothing)\n");
    } else {
        printf("  stdout:\n");
        const char *p = o->out, *end = o->out + o->outlen;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
            printf("    | %.*s%s\n", (int)n, p, nl ? "" : " (no newline at the end)");
            p += n + (nl != NULL);
        }
    }
    if (o->exit == 0)
        printf("  exit status 0\n");
    else
        printf("  exit status %d: %s\n", o->exit, o->err);
    print_replay(e, o->token);
}

static void print_report(Explorer *e, bool complete, const char *stopped) {
    for (int k = 0; k < e->nouts; k++) {
        print_outcome(e, k);
        printf("\n");
    }
    printf("%d distinct outcome%s in %lld schedule%s (at most %d preemption%s each", e->nouts,
           e->nouts == 1 ? "" : "s", (long long)e->schedules, e->schedules == 1 ? "" : "s",
           e->a->bound, e->a->bound == 1 ? "" : "s");
    if (e->pruned)
        printf("; %lld more cut short as reorderings of independent steps", (long long)e->pruned);
    printf("): ");
    if (complete)
        printf("exploration complete\n");
    else
        printf("exploration incomplete (%s)\n", stopped);
}

// The log shared with the children: the header, then its arrays, in one mapping.
static ExploreLog *map_log(size_t *size) {
    uint32_t cap = EXPLORE_STEP_CAP + 16, gidcap = 1u << 20, acccap = 1u << 21;
    *size = sizeof(ExploreLog) + cap * sizeof(ExploreChoice) + gidcap * sizeof(int64_t) +
            acccap * sizeof(uint64_t);
    char *m = mmap(NULL, *size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        die("mmap");
    ExploreLog *log = (ExploreLog *)m;
    log->cap = (int)cap;
    log->c = (ExploreChoice *)(m + sizeof(ExploreLog));
    log->gids = (int64_t *)(log->c + cap);
    log->gidcap = gidcap;
    log->accs = (uint64_t *)(log->gids + gidcap);
    log->acccap = acccap;
    return log;
}

// GOL_EXPLORE_DEBUG: each run's choice points (kind k/p/s, chosen/alternatives, $ when
// another choice costs a preemption) and the step taken there (goroutine, sync, accesses).
static void debug_run(Explorer *e, const Outcome *o) {
    ExploreLog *log = e->log;
    fprintf(stderr, "run %lld: exit %d%s, %d points:", (long long)(e->schedules + e->pruned),
            o->exit, log->pruned ? " (pruned)" : "", log->n);
    for (int i = 0; i < log->n; i++) {
        const ExploreChoice *c = &log->c[i];
        fprintf(stderr, " %c%d/%d%s[g%lld%s%u]", "kpst"[c->kind], c->chosen, c->n,
                c->costly ? "$" : "", (long long)c->gid, c->sync ? " sync " : " ", c->nacc);
    }
    fprintf(stderr, "\n");
}

int explore_run(CliArgs *a, GoFunc *entry, uint64_t hash) {
    Explorer e = {.a = a, .entry = entry, .hash = hash};
    e.infd = read_stdin();
    e.outfd = new_memfd("stdout");
    e.errfd = new_memfd("stderr");
    size_t logsize;
    e.log = map_log(&logsize);
    e.search = search_new(a->bound);
    e.run = (ExploreRun){.bound = a->bound};
    bool debug = getenv("GOL_EXPLORE_DEBUG") != NULL;
    int64_t start = now_ms(), limit = a->timeout_ns / 1000000;
    bool complete = false;
    const char *stopped = "";
    char why[96];
    for (;;) {
        int64_t left = limit - (now_ms() - start);
        bool cut = left < RUN_TIMEOUT_MS; // a run killed for the time cap is no outcome
        Outcome o = run_schedule(&e, cut ? (left > 0 ? left : 1) : RUN_TIMEOUT_MS);
        if (cut && o.exit == -1) {
            snprintf(why, sizeof why, "stopped at the -timeout of %.3gs",
                     (double)a->timeout_ns / 1e9);
            stopped = why;
            break;
        }
        if (debug)
            debug_run(&e, &o);
        if (e.log->pruned && o.exit == EXPLORE_PRUNED_EXIT) {
            e.pruned++;
        } else {
            e.schedules++;
            add_outcome(&e, o);
        }
        search_add_run(e.search, e.log);
        if (!search_next(e.search, &e.run)) {
            complete = true;
            break;
        }
        if (e.schedules >= a->max) {
            snprintf(why, sizeof why, "stopped at -max %lld schedules", (long long)a->max);
            stopped = why;
            break;
        }
        if (now_ms() - start >= limit) {
            snprintf(why, sizeof why, "stopped at the -timeout of %.3gs",
                     (double)a->timeout_ns / 1e9);
            stopped = why;
            break;
        }
    }
    munmap(e.log, logsize);
    if (e.diverged)
        fprintf(stderr, "gol explore: warning: some runs did not follow their schedule "
                        "(the program is not deterministic under gol's scheduler)\n");
    if (a->json)
        print_json(&e, complete);
    else
        print_report(&e, complete, stopped);
    fflush(stdout);
    return 0;
}
