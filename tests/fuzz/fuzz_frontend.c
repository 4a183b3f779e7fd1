// libFuzzer target for the front end (make fuzz): the input bytes are one Go source file,
// main.go, which is parsed, type-checked and compiled (never run) through the entry points
// src/main.c uses, on deepstack's large stack as there. Diagnostics are formatted to
// /dev/null so that the error printers run too. A program that gol cannot compile is no
// finding; a sanitizer report, a signal or an abort is. Nor is one whose globals cannot be
// allocated (`var g [1 << 32]byte`, where gol ends with Go's "out of memory"): the
// allocator's out-of-memory hook abandons such an input.
#include <stdbool.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/gc.h"
#include "check.h"
#include "compile.h"
#include "deepstack.h"
#include "load.h"
#include "parse.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *errors_to; // /dev/null, or stderr with FUZZ_ERRORS=1 (to compare with gol check)
static unsigned long stats_every, ninputs; // FUZZ_STATS=N: heap figures every N inputs
static FILE *input_log; // FUZZ_LOG=FILE: every input appended (length, bytes) for FUZZ_REPLAY
static jmp_buf out_of_memory; // set by front_end on its thread for the input it runs
static unsigned long abandoned; // inputs abandoned for want of memory (FUZZ_STATS)

typedef struct Input {
    const uint8_t *data;
    size_t size;
    int errors;               // out: the compile errors reported
    FILE *errors_to;          // where they are printed
    uint32_t file;            // out: main.go's file id
} Input;

static void abandon_input(void) {
    longjmp(out_of_memory, 1);
}

// One input through the front end, as main.c's front_end does for `gol run main.go`.
static void front_end(void *arg) {
    Input *in = arg;
    Diag d = {0};
    Program prog = {0};
    prog.dir = ".";
    in->file = pos_add_file("main.go", (const char *)in->data, (uint32_t)in->size);
    if (setjmp(out_of_memory)) {
        gc_oom_hook = NULL;
        abandoned++;
        return;
    }
    gc_oom_hook = abandon_input;
    File *f = parse_file(in->file, &d);
    vec_push(&prog.files, f);
    if (!d.syntax) {
        Package *pkg = check_program(&prog, &d);
        if (!pkg->failed && !diag_count(&d))
            comp_program(pkg);
    }
    gc_oom_hook = NULL;
    in->errors = diag_count(&d);
    if (in->errors) // (main.c prints only when there are errors)
        diag_print(&d, in->errors_to);
}

// A program importing every standard package (but internal ones), so that all of them are
// checked and compiled before the first input and each input finds the same shared state.
static char *all_imports(void) {
    size_t cap = 1 << 16, n = 0;
    char *src = gc_alloc_atomic(cap);
    n += (size_t)snprintf(src, cap, "package main\n\nimport (\n");
    for (const PkgSource *s = pkg_sources; s->path; s++) {
        bool seen = strstr(s->path, "internal") != NULL;
        for (const PkgSource *t = pkg_sources; t < s && !seen; t++)
            seen = strcmp(t->path, s->path) == 0;
        if (seen)
            continue;
        if (n + strlen(s->path) + 16 < cap)
            n += (size_t)snprintf(src + n, cap - n, "\t_ \"%s\"\n", s->path);
    }
    snprintf(src + n, cap - n, ")\n\nfunc main() {}\n");
    return src;
}

// FUZZ_REPLAY=FILE (a FUZZ_LOG): run its inputs FUZZ_FROM (default 0) up to FUZZ_TO in
// order in this process, then exit: a fault of the sharing that needs a sequence of inputs
// reproduces, and bisecting FUZZ_FROM finds the input that set it up.
static void replay(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(1);
    }
    unsigned long from = getenv("FUZZ_FROM") ? strtoul(getenv("FUZZ_FROM"), NULL, 10) : 0;
    unsigned long to = getenv("FUZZ_TO") ? strtoul(getenv("FUZZ_TO"), NULL, 10) : (unsigned long)-1;
    const char *only = getenv("FUZZ_ONLY"); // "i,j,...": just these inputs (in file order)
    uint32_t n;
    for (unsigned long i = 0; i < to && fread(&n, sizeof n, 1, f) == 1; i++) {
        uint8_t *data = malloc(n ? n : 1);
        if (fread(data, 1, n, f) != n)
            break;
        bool run = i >= from;
        if (only) {
            char key[32];
            snprintf(key, sizeof key, ",%lu,", i);
            char *list = malloc(strlen(only) + 3);
            sprintf(list, ",%s,", only);
            run = strstr(list, key) != NULL;
            free(list);
        }
        if (run)
            LLVMFuzzerTestOneInput(data, n);
        free(data);
    }
    fclose(f);
    exit(0);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    gc_init();
    errors_to = getenv("FUZZ_ERRORS") ? stderr : fopen("/dev/null", "w");
    // FUZZ_FRESH=1: every input loads the standard packages afresh, as gol does for its one
    // program per process (about 70x slower). Otherwise they are shared between inputs
    // (check_share_std), which campaigns use; README.md lists its known cross-input faults.
    if (!getenv("FUZZ_FRESH"))
        check_share_std();
    if (getenv("FUZZ_STATS"))
        stats_every = strtoul(getenv("FUZZ_STATS"), NULL, 10);
    char *src = all_imports();
    Input warm = {(const uint8_t *)src, strlen(src), 0, stderr, 0};
    deepstack_run(front_end, &warm, "main.go");
    if (warm.errors) {
        fprintf(stderr, "fuzz_frontend: the standard packages do not compile\n");
        exit(1);
    }
    if (getenv("FUZZ_LOG"))
        input_log = fopen(getenv("FUZZ_LOG"), "ab");
    if (getenv("FUZZ_REPLAY"))
        replay(getenv("FUZZ_REPLAY"));
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > UINT32_MAX / 2)
        return 0;
    if (input_log) {
        uint32_t n = (uint32_t)size;
        fwrite(&n, sizeof n, 1, input_log);
        fwrite(data, 1, size, input_log);
        fflush(input_log);
    }
    Input in = {data, size, 0, errors_to, 0};
    unsigned loads = check_share_loads();
    int nglobals = comp_globals_count();
    deepstack_run(front_end, &in, "main.go");
    // Forget the input's text, and its globals unless standard packages loaded meanwhile
    // (after a program that broke the shared ones, share_drop_failed) hold globals past them.
    pos_forget_file(in.file);
    if (check_share_loads() == loads)
        comp_globals_truncate(nglobals);
    else if (stats_every)
        fprintf(stderr, "fuzz_frontend: input %lu reloaded the standard packages\n", ninputs + 1);
    if (stats_every && ++ninputs % stats_every == 0) {
        gc_collect();
        GcStats st;
        gc_stats(&st);
        fprintf(stderr, "fuzz_frontend: %lu inputs (%lu out of memory), heap %lu KB live "
                "after a collection\n", ninputs, abandoned, (unsigned long)(st.heap_alloc >> 10));
    }
    return 0;
}
