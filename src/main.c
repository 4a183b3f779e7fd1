// The program: `gol [flags] [run|check|vet|disasm|version|help] PROGRAM [args]` (cli.c parses
// it; PROGRAM is files, a directory or `-`, loaded by load.c) and `gol` alone (the REPL).
// Exit statuses as a built Go program: 0, 1 for compile errors, 2 for a panic or fatal
// error or a usage error, n for os.Exit(n).
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../runtime/memevent.h"
#include "../runtime/out.h"
#include "../runtime/pkg/os.h"
#include "../runtime/race.h"
#include "../runtime/sched.h"
#include "../runtime/vm.h"
#include "../runtime/trace.h"
#include "budget.h"
#include "check.h"
#include "cli.h"
#include "compile.h"
#include "deepstack.h"
#include "disasm.h"
#include "explore.h"
#include "gotest.h"
#include "load.h"
#include "parse.h"
#include "repl.h"
#include "vet.h"

static int compile_errors(Diag *d) {
    out_flush();
    diag_print(d, stderr);
    return 1;
}

// The front end's work for run_program, done on deepstack's large stack (deeply nested
// programs make its passes recurse as deep).
typedef struct Front {
    CliArgs *a;
    int status;    // 1 after compile errors
    GoFunc *entry; // the compiled program (run, disasm)
    Package *main; // its main package (disasm)
    uint64_t hash; // its sources' hash (explore, -schedule)
} Front;

static void front_end(void *arg) {
    Front *fe = arg;
    Diag d = {0};
    Program prog;
    if (!load_program(fe->a->prog, fe->a->nprog, &prog, &d)) {
        fe->status = diag_count(&d) ? compile_errors(&d) : 1;
        return;
    }
    // As gc, only a "syntax error" stops before type checking; the parser's and lexer's
    // plain errors (a bad literal, `defer x`...) are reported with the checker's.
    Package *pkg = check_program(&prog, &d);
    if (pkg->failed || diag_count(&d)) {
        fe->status = compile_errors(&d);
        return;
    }
    if (fe->a->cmd == CMD_VET) {
        out_flush();
        fe->status = vet_package(pkg, stderr) ? 1 : 0;
        return;
    }
    if (fe->a->cmd != CMD_CHECK)
        fe->entry = comp_program(pkg);
    if (fe->a->cmd == CMD_EXPLORE || fe->a->schedule)
        fe->hash = explore_program_hash(&prog);
    fe->main = pkg;
}

// gol trace's default file: PROG.trace.html in the current directory, PROG being the
// program's file (or directory) name without .go/.gol.
static const char *trace_path(const CliArgs *a) {
    if (a->out)
        return a->out;
    const char *p = a->prog[0];
    size_t n = strlen(p);
    while (n > 1 && p[n - 1] == '/')
        n--;
    const char *base = p;
    for (size_t i = 0; i < n; i++)
        if (p[i] == '/')
            base = p + i + 1;
    size_t k = (size_t)(p + n - base);
    if (k > 4 && strncmp(base + k - 4, ".gol", 4) == 0)
        k -= 4;
    else if (k > 3 && strncmp(base + k - 3, ".go", 3) == 0)
        k -= 3;
    if (strcmp(p, "-") == 0 || k == 0 || (k == 1 && *base == '.'))
        base = "prog", k = 4;
    char *path = malloc(k + 12);
    snprintf(path, k + 12, "%.*s.trace.html", (int)k, base);
    return path;
}

static int run_program(CliArgs *a) {
    if (a->race && a->cmd != CMD_CHECK && a->cmd != CMD_VET)
        race_init(); // before compiling: the compiler instruments accesses
    // A plain run checks and compiles a library function only when the program reaches it
    // (docs/decisions.md, start-up memory); the tools that look at or replay the whole
    // program, and the race detector, check every body (so does GOL_EAGER=1).
    check_lazy_bodies = (a->cmd == CMD_RUN || a->cmd == CMD_NONE) && !a->race && !a->seed &&
                        !a->schedule && !getenv("GOL_EAGER");
    Front fe = {.a = a};
    deepstack_run(front_end, &fe, a->prog[0]);
    if (fe.status || a->cmd == CMD_CHECK || a->cmd == CMD_VET)
        return fe.status;
    if (a->cmd == CMD_DISASM) {
        disasm_program(stdout, fe.entry->proto, fe.main, a->all);
        fflush(stdout);
        return 0;
    }
    // The program's os.Args: its name (the first program word), then its arguments.
    char **argv = a->args - 1;
    argv[0] = a->prog[0];
    int argc = a->nargs + 1;
    rt_set_args(argc, argv);
    os_set_args(argc, argv);
    if (a->cmd == CMD_EXPLORE)
        return explore_run(a, fe.entry, fe.hash);
    if (a->schedule && !explore_replay(a->schedule, fe.hash))
        return 2;
    G *g = vm_main_g(fe.entry);
    const char *tpath = a->cmd == CMD_TRACE ? trace_path(a) : NULL;
    if (tpath && !trace_start(tpath, a->prog[0], a->nargs, a->args, a->seed)) {
        fprintf(stderr, "gol: open %s: %s\n", tpath, strerror(errno));
        return 1;
    }
    sched_main(g, 0, a->seed);
    out_flush();
    return race_fini(0);
}

int main(int argc, char **argv) {
    gc_init();
    budget_start();
    if (argc >= 2 && strcmp(argv[1], "test") == 0) { // go test's own flags and packages
        int st = gotest_main(argc, argv);
        out_flush();
        _exit(st);
    }
    CliArgs a;
    cli_parse(argc, argv, &a);
    if (a.seed || a.schedule || a.cmd == CMD_EXPLORE) {
        // Deterministic mode: shared accesses are preemption points (compiled in).
        memevent_enabled = 1;
        memevent_preempt = explore_shared_access;
    }
    if (a.cmd == CMD_VERSION) {
        cli_print_version();
        return 0;
    }
    if (a.nprog == 0) {
        if (a.schedule)
            cli_usage_error("-schedule: no program given (a token replays one program)");
        if (a.cmd == CMD_NONE && a.race)
            cli_usage_error("-race: the REPL has no race detector; give a program");
        if (a.cmd == CMD_NONE)
            return repl_main(a.seed);
        cli_usage_error(a.cmd == CMD_RUN     ? "run: no program given"
                        : a.cmd == CMD_CHECK ? "check: no program given"
                        : a.cmd == CMD_VET   ? "vet: no program given"
                        : a.cmd == CMD_TRACE ? "trace: no program given"
                        : a.cmd == CMD_EXPLORE ? "explore: no program given"
                                             : "disasm: no program given");
    }
    int status = run_program(&a);
    out_flush();
    trace_finish();
    _exit(status);
}
