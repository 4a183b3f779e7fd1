// Internals shared by the REPL's files: repl.c (the read loop, both modes), repl_eval.c
// (one input: parse, check, compile, run), repl_cmd.c (`:` commands), repl_edit.c (the
// terminal: libedit, history, prompt redraw, Ctrl-C) and repl_complete.c (tab completion).
// Nothing outside src/repl*.c includes this header.
#ifndef GOL_REPL_INT_H
#define GOL_REPL_INT_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "check.h"
#include "compile.h"

typedef struct Edit Edit;

// The REPL session. Lives on repl_main's stack (scanned by the GC).
typedef struct Repl {
    ReplCheck *check;
    ReplCompiler comp;
    bool tty;                         // an interactive terminal: prompts and line editing
    Edit *edit;                       // tty mode only
    volatile sig_atomic_t *interrupt; // set by SIGINT (tty mode), NULL otherwise
    bool failed;                      // an input failed (the exit status in pipe mode)
    bool quit;                        // :quit
    int64_t last_run_ns;              // how long the last input ran (:time)
    int line;                         // pipe mode: lines read so far
    int input_line;                   // pipe mode: the line the current input starts on
} Repl;

typedef enum EvalStatus { EVAL_OK, EVAL_MORE, EVAL_ERROR } EvalStatus;

// ---- repl_eval.c ----
// Evaluate one input [text] (its lines, each ending in a newline). EVAL_MORE: the text is
// incomplete (an open brace, string, operator...) and [can_continue] is set: the caller
// should append another line and call again. Errors and panics are printed.
EvalStatus repl_eval(Repl *r, const char *text, size_t len, bool can_continue);
// `:load FILE`: its declarations join the REPL, then its init functions and main run.
EvalStatus repl_load(Repl *r, const char *path);
// Print a duration as Go's time.Duration.String does ("1.5ms").
void repl_format_duration(char *buf, size_t size, int64_t ns);

// ---- repl_cmd.c ----
// Whether [line] is a `:` command (and not, say, the continuation of an input).
bool repl_is_command(const char *line);
// Run a `:` command.
void repl_command(Repl *r, const char *line);
// The command names (":help", ...), NULL-terminated, for completion.
extern const char *const repl_command_names[];

// ---- repl_edit.c (tty mode) ----
typedef enum LineStatus { LINE_OK, LINE_EOF, LINE_INTERRUPT } LineStatus;
// Set up line editing, history (~/.gol_history), completion and the prompt-aware output
// sink; NULL when the terminal cannot be used (the caller falls back to plain reading).
Edit *edit_open(Repl *r);
// Read one line (without its newline) after showing [prompt]. The result is valid until the
// next call. *st tells EOF (Ctrl-D on an empty line) and Ctrl-C.
const char *edit_read(Edit *e, const char *prompt, LineStatus *st);
void edit_history_add(Edit *e, const char *line);
void edit_close(Edit *e);

// ---- repl_complete.c ----
typedef VEC(const char *) Completions;
// Candidates completing [word] (the text before the cursor back to a space or operator:
// an identifier, a `pkg.Prefix` selector or a `:command`), sorted, without duplicates.
// [at_start]: the word begins the line (commands are offered).
void repl_complete(Repl *r, const char *word, bool at_start, Completions *out);

#endif
