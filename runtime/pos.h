// Source positions: a Pos is {file id, byte offset}; line and column are computed only when
// a message is printed, from each file's line-start table (as Go's go/token does).
// The file table is append-only (but for pos_forget_file) and guarded by an internal mutex, so the REPL may add inputs
// while goroutines print stack traces.
#ifndef GOL_POS_H
#define GOL_POS_H

#include <stdint.h>

typedef struct Pos {
    uint32_t file; // 0 = no position; files are numbered from 1
    uint32_t off;  // byte offset in the file's text
} Pos;

#define POS_NONE ((Pos){0, 0})

// Register a source text under [name]; returns its file id. The text is copied.
uint32_t pos_add_file(const char *name, const char *text, uint32_t len);
// The same, numbering its lines from [first_line] (a REPL input read from a script: its
// errors name the script's line).
uint32_t pos_add_file_at(const char *name, const char *text, uint32_t len, int first_line);

// Forget [file]'s text (a process checking many programs, tests/fuzz, drops each one's):
// its positions print as unknown from now on. The id is reused when it was the last one.
void pos_forget_file(uint32_t file);

// The file's name and text (NUL-terminated) as registered.
const char *pos_file_name(uint32_t file);
const char *pos_file_text(uint32_t file, uint32_t *len);

// 1-based line and column (column counts bytes, as Go's does) of [p].
void pos_line_col(Pos p, int *line, int *col);

// "name:line:col" into [buf] of [size] bytes; returns buf.
char *pos_format(Pos p, char *buf, int size);

#endif
