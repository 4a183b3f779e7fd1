// libFuzzer target for the front end (make fuzz): the input bytes are one Go source file,
// main.go, which is parsed, type-checked and compiled (never run) through the entry points
// src/main.c uses, on deepstack's large stack as there. Diagnostics are formatted to
// /dev/null so that the error printers run too. A program that gol cannot compile is no
// finding; a sanitizer report, a signal or an abort is.
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../runtime/gc.h"
#include "check.h"
#include "compile.h"
#include "deepstack.h"
#include "load.h"
#include "parse.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *devnull;

typedef struct Input {
    const uint8_t *data;
    size_t size;
} Input;

// One input through the front end, as main.c's front_end does for `gol run main.go`.
static void front_end(void *arg) {
    Input *in = arg;
    Diag d = {0};
    Program prog = {0};
    prog.dir = ".";
    File *f = parse_file(pos_add_file("main.go", (const char *)in->data, (uint32_t)in->size),
                         &d);
    vec_push(&prog.files, f);
    if (!d.syntax) {
        Package *pkg = check_program(&prog, &d);
        if (!pkg->failed && !diag_count(&d))
            comp_program(pkg);
    }
    if (diag_count(&d)) // (main.c prints only when there are errors)
        diag_print(&d, devnull);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    gc_init();
    devnull = fopen("/dev/null", "w");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > UINT32_MAX / 2)
        return 0;
    Input in = {data, size};
    deepstack_run(front_end, &in, "main.go");
    return 0;
}
