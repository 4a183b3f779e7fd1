// The command line: `gol FILE.gol [args]`, `gol run FILE`, `gol check FILE`, `gol disasm
// FILE`, `gol --seed N FILE` (deterministic scheduling), `gol -` (program from stdin) and
// `gol` alone (the REPL). Exit statuses as a built Go program: 0, 1 for compile errors,
// 2 for a panic or fatal error, n for os.Exit(n).
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../runtime/out.h"
#include "../runtime/pkg/os.h"
#include "../runtime/sched.h"
#include "check.h"
#include "compile.h"
#include "deepstack.h"
#include "disasm.h"
#include "parse.h"
#include "repl.h"

G *vm_main_g(GoFunc *entry);

typedef enum CliMode { CLI_RUN, CLI_CHECK, CLI_DISASM } CliMode;

static void usage(void) {
    fprintf(stderr, "usage: gol [--seed N] [run|check|disasm] FILE.gol [args...]\n"
                    "       gol            (interactive REPL)\n"
                    "       gol -          (read a program from standard input)\n");
    exit(2);
}

// Whole file (or stdin for "-") as a GC string; NULL with errno set on failure.
static char *read_source(const char *path, size_t *len) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = gc_alloc_atomic(cap);
    for (;;) {
        if (n + 1 >= cap) {
            cap *= 2;
            char *nb = gc_alloc_atomic(cap);
            memcpy(nb, buf, n);
            buf = nb;
        }
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        if (r == 0)
            break;
        n += r;
    }
    if (f != stdin)
        fclose(f);
    buf[n] = 0;
    *len = n;
    return buf;
}

static int compile_errors(Diag *d) {
    out_flush();
    diag_print(d, stderr);
    return 1;
}

// The front end's work for run_file, done on deepstack's large stack.
typedef struct Load {
    uint32_t file;
    CliMode mode;
    int status;   // 1 after compile errors
    GoFunc *entry; // the compiled program (CLI_RUN, CLI_DISASM)
} Load;

static void load_program(void *arg) {
    Load *l = arg;
    Diag d = {0};
    File *f = parse_file(l->file, &d);
    // As gc, only a "syntax error" stops before type checking; the parser's and lexer's
    // plain errors (a bad literal, `defer x`...) are reported with the checker's.
    if (d.syntax || !f) {
        l->status = compile_errors(&d);
        return;
    }
    Package *pkg = check_main(f, &d);
    if (pkg->failed || diag_count(&d)) {
        l->status = compile_errors(&d);
        return;
    }
    if (l->mode != CLI_CHECK)
        l->entry = compile_program(pkg);
}

static int run_file(const char *path, CliMode mode, uint64_t seed, int argc, char **argv) {
    size_t len;
    char *src = read_source(path, &len);
    if (!src) {
        fprintf(stderr, "gol: open %s: %s\n", path, strerror(errno));
        return 1;
    }
    Load l = {.mode = mode};
    l.file = pos_add_file(strcmp(path, "-") == 0 ? "main.go" : path, src, (uint32_t)len);
    deepstack_run(load_program, &l, path);
    if (l.status || mode == CLI_CHECK)
        return l.status;
    if (mode == CLI_DISASM) {
        disasm_proto(stdout, l.entry->proto);
        fflush(stdout);
        return 0;
    }
    rt_set_args(argc, argv);
    os_set_args(argc, argv);
    G *g = vm_main_g(l.entry);
    sched_main(g, 0, seed);
    out_flush();
    return 0;
}

int main(int argc, char **argv) {
    gc_init();
    uint64_t seed = 0;
    CliMode mode = CLI_RUN;
    int i = 1;
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
            seed = strtoull(argv[++i], NULL, 10);
            if (seed == 0)
                seed = 1;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            usage();
        } else {
            break;
        }
    }
    if (i < argc && strcmp(argv[i], "run") == 0)
        i++;
    else if (i < argc && strcmp(argv[i], "check") == 0)
        mode = CLI_CHECK, i++;
    else if (i < argc && strcmp(argv[i], "disasm") == 0)
        mode = CLI_DISASM, i++;
    if (i >= argc)
        return repl_main(seed);
    int status = run_file(argv[i], mode, seed, argc - i, argv + i);
    out_flush();
    _exit(status);
}
