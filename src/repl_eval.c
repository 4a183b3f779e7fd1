// One REPL input from text to effect: parse (parse_repl, or parse_file for :load), check in
// the persistent REPL package, compile, and run as the foreground goroutine while the
// others go on. Every failure is printed as a script would print it (compile errors,
// panics, deadlock) and the REPL carries on.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../runtime/out.h"
#include "../runtime/sched.h"
#include "../runtime/vm.h"
#include "parse.h"
#include "repl_int.h"

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static EvalStatus report(Repl *r, Diag *d) {
    out_flush();
    diag_print(d, stderr);
    fflush(stderr);
    r->failed = true;
    return EVAL_ERROR;
}

static EvalStatus run(Repl *r, File *f, Diag *d, bool file_mode) {
    ReplInput *in = check_repl_input(r->check, f, d, file_mode);
    if (!in)
        return report(r, d);
    GoFunc *fn = comp_repl_input(&r->comp, in, sched_repl_done);
    G *g = vm_main_g(fn);
    int64_t start = now_ns();
    ReplRunResult res = sched_repl_run(g, r->interrupt);
    r->last_run_ns = now_ns() - start;
    out_flush();
    switch (res) {
    case REPL_RUN_DONE:
    case REPL_RUN_GOEXIT: return EVAL_OK;
    case REPL_RUN_INTERRUPTED: {
        const char *msg = "interrupted\n";
        out_write(2, msg, strlen(msg));
        break;
    }
    case REPL_RUN_PANIC:
    case REPL_RUN_DEADLOCK: break;
    }
    r->failed = true;
    return EVAL_ERROR;
}

EvalStatus repl_eval(Repl *r, const char *text, size_t len, bool can_continue) {
    uint32_t id = pos_add_file_at("repl", text, (uint32_t)len, r->tty ? 1 : r->input_line);
    Diag d = {0};
    bool incomplete = false;
    File *f = parse_repl(id, &d, &incomplete);
    if (diag_count(&d)) {
        if (incomplete && can_continue)
            return EVAL_MORE;
        return report(r, &d);
    }
    if (f->decls.n == 0 && f->stmts.n == 0)
        return EVAL_OK;
    return run(r, f, &d, false);
}

EvalStatus repl_load(Repl *r, const char *path) {
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        fprintf(stderr, "open %s: %s\n", path, strerror(errno));
        r->failed = true;
        return EVAL_ERROR;
    }
    char *text = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 4096 > cap) {
            cap = cap ? cap * 2 : 65536;
            text = gc_realloc(text, cap);
        }
        size_t n = fread(text + len, 1, cap - len - 1, fp);
        if (n == 0)
            break;
        len += n;
    }
    fclose(fp);
    if (text && len >= 2 && text[0] == '#' && text[1] == '!') // a script's #! line
        for (size_t i = 0; i < len && text[i] != '\n'; i++)
            text[i] = ' ';
    uint32_t id = pos_add_file(path, text ? text : "", (uint32_t)len);
    Diag d = {0};
    File *f = parse_file(id, &d);
    if (diag_count(&d))
        return report(r, &d);
    return run(r, f, &d, true);
}

// Go's time.Duration.String for durations under a minute ("850ns", "1.5µs", "2.25ms",
// "3.000000001s"); longer ones in seconds too.
void repl_format_duration(char *buf, size_t size, int64_t ns) {
    static const struct {
        int64_t div;
        const char *unit;
        int prec;
    } units[] = {{1, "ns", 0}, {1000, "µs", 3}, {1000000, "ms", 6}, {1000000000, "s", 9}};
    int u = ns < 1000 ? 0 : ns < 1000000 ? 1 : ns < 1000000000 ? 2 : 3;
    int64_t whole = ns / units[u].div, frac = ns % units[u].div;
    if (u == 0 || frac == 0) {
        snprintf(buf, size, "%lld%s", (long long)whole, units[u].unit);
        return;
    }
    char digits[16];
    snprintf(digits, sizeof digits, "%0*lld", units[u].prec, (long long)frac);
    size_t n = strlen(digits);
    while (n > 0 && digits[n - 1] == '0')
        digits[--n] = 0;
    snprintf(buf, size, "%lld.%s%s", (long long)whole, digits, units[u].unit);
}
