// The REPL (`gol` with no arguments). On a terminal: prompts ("> ", "... " while an input
// is unfinished), line editing and history (repl_edit.c). Otherwise (a pipe, a file) the
// same loop runs the lines without prompts, so scripts can drive it; the exit status is 1
// if an input failed. An input is whole lines until parse_repl calls it complete. The
// runtime starts once, on an empty main goroutine; inputs then run as foreground
// goroutines while the others keep running (runtime/sched_repl.c).
#include "repl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../runtime/buf.h"
#include "../runtime/out.h"
#include "../runtime/pkg/os.h"
#include "../runtime/sched.h"
#include "../runtime/vm.h"
#include "parse.h"
#include "repl_int.h"

// Append [line] and its newline to the input being gathered in [in].
static void input_add(Buf *in, const char *line) {
    buf_puts(in, line);
    buf_putc(in, '\n');
}

// Starts the runtime: its first main goroutine is an empty input (sched_main returns when
// it ends, leaving the threads running for the inputs to come).
static void start_runtime(Repl *r, uint64_t seed) {
    static char *args[] = {"gol", NULL};
    rt_set_args(1, args);
    os_set_args(1, args);
    sched_repl_enable();
    r->check = check_repl_new();
    Diag d = {0};
    File *empty = parse_repl(pos_add_file("repl", "", 0), &d, NULL);
    ReplInput *in = check_repl_input(r->check, empty, &d, false);
    sched_main(vm_main_g(comp_repl_input(&r->comp, in, sched_repl_done)), 0, seed);
}

// One line of input: a command, or part of an input. Returns false to stop.
static bool handle_line(Repl *r, Buf *in, const char *line) {
    if (in->len == 0 && repl_is_command(line)) {
        repl_command(r, line);
        return !r->quit;
    }
    if (in->len == 0 && line[strspn(line, " \t\r")] == 0)
        return true;
    if (in->len == 0)
        r->input_line = r->line;
    input_add(in, line);
    if (repl_eval(r, in->data, in->len, true) != EVAL_MORE)
        buf_truncate(in, 0);
    return true;
}

// A multi-line input is one history entry (its lines joined by newlines), added once it is
// complete, so Up recalls it whole.
static void loop_terminal(Repl *r) {
    Buf in = {0}, entry = {0};
    for (;;) {
        LineStatus st;
        const char *line = edit_read(r->edit, in.len ? "... " : "> ", &st);
        if (st == LINE_EOF)
            break;
        if (st == LINE_INTERRUPT) {
            buf_truncate(&in, 0);
            buf_truncate(&entry, 0);
            continue;
        }
        input_add(&entry, line);
        bool go_on = handle_line(r, &in, line);
        if (in.len == 0) {
            buf_truncate(&entry, entry.len - 1); // the last newline
            edit_history_add(r->edit, entry.data);
            buf_truncate(&entry, 0);
        }
        if (!go_on)
            break;
    }
}

static void loop_pipe(Repl *r) {
    Buf in = {0};
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        if (n > 0 && line[n - 1] == '\n')
            line[n - 1] = 0;
        r->line++;
        if (!handle_line(r, &in, line))
            break;
    }
    free(line);
    if (in.len > 0) // an unfinished input at the end: report its error
        repl_eval(r, in.data, in.len, false);
}

int repl_main(uint64_t seed) {
    Repl r = {0};
    start_runtime(&r, seed);
    r.tty = isatty(0) && isatty(1);
    if (r.tty)
        r.edit = edit_open(&r);
    if (r.edit) {
        const char *hello = "gol: Go at the prompt (:help for help, Ctrl-D to quit)\n";
        out_write(1, hello, strlen(hello));
        loop_terminal(&r);
        edit_close(r.edit);
    } else {
        loop_pipe(&r);
    }
    sched_stop_world_for_exit();
    out_flush();
    return r.tty || !r.failed ? 0 : 1;
}
