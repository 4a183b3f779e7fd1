// Standard output and error. Each write is atomic with respect to other goroutines' writes
// (one lock), so lines never interleave mid-line. Stdout is buffered only on a pipe, a socket
// or /dev/null (flushed at exit, before a panic or fatal error message, when the scheduler
// goes idle, before anything goes to stderr); elsewhere each write is made at once, so its
// error is the caller's, as with Go's unbuffered os.Stdout.
#ifndef GOL_OUT_H
#define GOL_OUT_H

#include <stdbool.h>
#include <stddef.h>

// Write [n] bytes to fd 1 or 2 (stderr is never buffered, but stdout is flushed first).
// Returns 0, or the errno of the write that failed, with the bytes written before it (or
// taken into the buffer) in *written.
int out_write_err(int fd, const char *buf, size_t n, size_t *written);
// out_write_err for the runtime's own messages, whose errors go nowhere.
void out_write(int fd, const char *buf, size_t n);
// Flush buffered stdout.
void out_flush(void);

// The REPL's terminal mode: [sink] (NULL: none) sees every write before it reaches fd 1 or 2,
// in order, with the output lock held; it returns true when it took the bytes itself (to
// print them above the line being edited), false to let them through.
void out_set_sink(bool (*sink)(int fd, const char *p, size_t n));
// gol trace: [tee] (NULL: none) sees every write too, with the output lock held.
void out_set_tee(void (*tee)(int fd, const char *p, size_t n));

#endif
