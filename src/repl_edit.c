// The REPL's terminal (libedit): line editing, history kept in ~/.gol_history, tab
// completion, Ctrl-C, and output from goroutines while a line is being edited. While the
// prompt is up, runtime/out.c hands every write to sink(), which queues it and wakes the
// reader (a pipe byte); the reader, on the REPL thread like all of libedit, clears the
// prompt line, prints the output and has libedit redraw the prompt and the text typed so
// far. A signal handler and an out.c sink get no argument: that is why `edit` is static.
// Tab completes a name only after part of one: at the start of a line, after white space
// or an operator, inside a string, and in pasted text (bracketed paste, which the reader
// turns on and recognises) it inserts a tab, so gofmt'ed code pastes as it is.
// libedit is loaded with dlopen when the REPL starts, so `gol file.go` never maps it (and its
// libtinfo/libbsd); without it the REPL reads lines as from a pipe.
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <histedit.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "../runtime/buf.h"
#include "../runtime/out.h"
#include "../runtime/signals.h"
#include "repl_int.h"

// The libedit functions used here, resolved by load_libedit; each name below is a macro for
// the pointer, so the code reads as if linked.
static struct {
    __typeof__(el_init) *el_init;
    __typeof__(el_end) *el_end;
    __typeof__(el_gets) *el_gets;
    __typeof__(el_set) *el_set;
    __typeof__(el_line) *el_line;
    __typeof__(el_insertstr) *el_insertstr;
    __typeof__(history_init) *history_init;
    __typeof__(history_end) *history_end;
    __typeof__(history) *history;
} ed;
// Load libedit and fill `ed`; false when it or one of its functions is missing.
static bool load_libedit(void) {
    void *h = dlopen("libedit.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return false;
#define SYM(name) (*(void **)&ed.name = dlsym(h, #name)) != NULL
    return SYM(el_init) && SYM(el_end) && SYM(el_gets) && SYM(el_set) && SYM(el_line) &&
           SYM(el_insertstr) && SYM(history_init) && SYM(history_end) && SYM(history);
#undef SYM
}
#define el_init ed.el_init
#define el_end ed.el_end
#define el_gets ed.el_gets
#define el_set ed.el_set
#define el_line ed.el_line
#define el_insertstr ed.el_insertstr
#define history_init ed.history_init
#define history_end ed.history_end
#define history ed.history

enum {
    HISTORY_SIZE = 1000,
    MAX_PENDING = 64 * 1024, // queued output above which writers wait (as on a slow terminal)
};

typedef struct Chunk {
    int fd;
    size_t off, len; // in Edit.pending
} Chunk;

struct Edit {
    Repl *repl;
    EditLine *el;
    History *hist;
    char *hist_path;           // NULL: no history file
    const char *prompt;
    int wake[2];               // the pipe the reader polls besides stdin
    bool pasting;              // between the terminal's paste-start and paste-end marks
    char back[8];              // bytes read past an ESC that began no paste mark
    int nback, backpos;
    pthread_mutex_t mu;
    pthread_cond_t drained;    // signalled when the queue was written out
    bool prompt_up;            // guarded by: mu; writes are queued while set
    Buf pending;               // guarded by: mu; queued output...
    VEC(Chunk) chunks;         // guarded by: mu; ... and where each piece goes
    bool at_line_start;        // guarded by: mu; the last output ended a line (or none yet)
};

static Edit *edit;
static volatile sig_atomic_t interrupted;

static void on_sigint(int sig) {
    (void)sig;
    interrupted = 1;
    int saved = errno;
    if (edit && write(edit->wake[1], "i", 1) < 0) {
        // the pipe is full: the reader wakes anyway
    }
    errno = saved;
}

static void write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        p += w;
        n -= (size_t)w;
    }
}

// ---- output while the prompt is up ----

// Called by out.c with its lock held, on any thread.
static bool sink(int fd, const char *p, size_t n) {
    Edit *e = edit;
    if (n == 0)
        return true; // out_flush of an empty buffer
    pthread_mutex_lock(&e->mu);
    while (e->prompt_up && e->pending.len > MAX_PENDING)
        pthread_cond_wait(&e->drained, &e->mu);
    bool queue = e->prompt_up;
    if (queue) {
        Chunk c = {fd, e->pending.len, n};
        buf_put(&e->pending, p, n);
        vec_push(&e->chunks, c);
    } else {
        e->at_line_start = p[n - 1] == '\n';
    }
    pthread_mutex_unlock(&e->mu);
    if (queue && write(e->wake[1], "o", 1) < 0) {
        // the pipe is full: a wake-up is pending already
    }
    return queue;
}

// Writes the queued output; caller holds e->mu. Returns whether there was any.
static bool flush_pending_locked(Edit *e, bool clear_line) {
    if (e->pending.len == 0)
        return false;
    fflush(stdout);
    if (clear_line)
        write_all(1, "\r\033[K", 4);
    for (int i = 0; i < e->chunks.n; i++) {
        Chunk *c = &e->chunks.v[i];
        write_all(c->fd, e->pending.data + c->off, c->len);
    }
    e->at_line_start = e->pending.data[e->pending.len - 1] == '\n';
    e->chunks.n = 0;
    e->pending.len = 0;
    pthread_cond_broadcast(&e->drained);
    return true;
}

// In the reader, prompt up: print what goroutines wrote above a redrawn prompt line.
static void show_background_output(Edit *e) {
    pthread_mutex_lock(&e->mu);
    bool any = flush_pending_locked(e, true);
    if (any && !e->at_line_start)
        write_all(1, "\n", 1);
    e->at_line_start = true;
    pthread_mutex_unlock(&e->mu);
    if (any)
        el_set(e->el, EL_REFRESH);
}

// Up: the prompt starts a line of its own (after `fmt.Print("x")` too). Down: the line was
// entered, so output starts a line; what was queued meanwhile is written now.
static void set_prompt_up(Edit *e, bool up) {
    pthread_mutex_lock(&e->mu);
    if (up && !e->at_line_start)
        write_all(1, "\n", 1);
    e->at_line_start = true;
    if (!up)
        flush_pending_locked(e, false);
    e->prompt_up = up;
    pthread_mutex_unlock(&e->mu);
}

// ---- reading ----

static void drain_wake_pipe(Edit *e) {
    char buf[64];
    while (read(e->wake[0], buf, sizeof buf) > 0) {
    }
}

// One byte from stdin within [ms] milliseconds (-1: no limit), multiplexed with the
// wake-up pipe (output is shown meanwhile). 1: a byte; 0: end of input; -1: error, Ctrl-C
// (errno EINTR) or, with a limit, nothing came (errno EAGAIN).
static int read_byte(Edit *e, char *ch, int ms) {
    if (e->backpos < e->nback) {
        *ch = e->back[e->backpos++];
        return 1;
    }
    for (;;) {
        show_background_output(e);
        if (interrupted) {
            errno = EINTR;
            return -1;
        }
        struct pollfd p[2] = {{.fd = 0, .events = POLLIN}, {.fd = e->wake[0], .events = POLLIN}};
        int r = poll(p, 2, ms);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (r == 0) {
            errno = EAGAIN;
            return -1;
        }
        if (p[1].revents)
            drain_wake_pipe(e);
        if (!(p[0].revents & (POLLIN | POLLHUP | POLLERR)))
            continue;
        ssize_t n = read(0, ch, 1);
        if (n == 0)
            return 0;
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            return -1;
        }
        return 1;
    }
}

// After an ESC: the rest of a bracketed-paste mark ("[200~" starts, "[201~" ends) toggles
// paste mode and returns true; otherwise the bytes read are kept for the next reads.
static bool paste_mark(Edit *e) {
    static const char start[] = "[200~", end[] = "[201~";
    char got[5];
    int n = 0;
    while (n < 5) {
        if (read_byte(e, &got[n], 50) != 1)
            break;
        if (got[n] != start[n] && got[n] != end[n]) {
            n++;
            break;
        }
        n++;
    }
    if (n == 5 && memcmp(got, start, 3) == 0 && (got[3] == '0' || got[3] == '1') &&
        got[4] == '~') {
        e->pasting = got[3] == '0';
        return true;
    }
    memcpy(e->back, got, (size_t)n);
    e->nback = n;
    e->backpos = 0;
    return false;
}

// libedit's character source. Returns 1 with a character, 0 at end of input, -1 with
// errno EINTR on Ctrl-C.
static int read_char(EditLine *el, wchar_t *wc) {
    Edit *e = edit;
    mbstate_t mb;
    memset(&mb, 0, sizeof mb);
    for (;;) {
        char ch;
        bool replayed = e->backpos < e->nback;
        int r = read_byte(e, &ch, -1);
        if (r <= 0)
            return r;
        if (ch == '\033' && !replayed && paste_mark(e))
            continue;
        size_t k = mbrtowc(wc, &ch, 1, &mb);
        if (k == (size_t)-2)
            continue; // more bytes of a multibyte character
        if (k == (size_t)-1) {
            memset(&mb, 0, sizeof mb);
            *wc = (unsigned char)ch;
        }
        return 1;
    }
}

static char *prompt_fn(EditLine *el) {
    (void)el;
    return (char *)edit->prompt;
}

const char *edit_read(Edit *e, const char *prompt, LineStatus *st) {
    e->prompt = prompt;
    interrupted = 0;
    drain_wake_pipe(e);
    set_prompt_up(e, true);
    write_all(1, "\033[?2004h", 8); // bracketed paste on while reading
    int count = 0;
    const char *line = el_gets(e->el, &count);
    if (!e->pasting)
        write_all(1, "\033[?2004l", 8);
    set_prompt_up(e, false);
    if (!line && interrupted) {
        interrupted = 0;
        e->pasting = false;
        write_all(1, "^C\n", 3);
        *st = LINE_INTERRUPT;
        return NULL;
    }
    if (!line || count <= 0) {
        write_all(1, "\n", 1);
        *st = LINE_EOF;
        return NULL;
    }
    static Buf buf;
    buf.len = 0;
    buf_put(&buf, line, (size_t)count);
    while (buf.len > 0 && (buf.data[buf.len - 1] == '\n' || buf.data[buf.len - 1] == '\r'))
        buf.data[--buf.len] = 0;
    *st = LINE_OK;
    return buf_cstr(&buf);
}

// ---- history ----

void edit_history_add(Edit *e, const char *line) {
    if (!line[strspn(line, " \t")])
        return;
    HistEvent ev;
    history(e->hist, &ev, H_ENTER, line);
    if (e->hist_path)
        history(e->hist, &ev, H_SAVE, e->hist_path);
}

static void open_history(Edit *e) {
    HistEvent ev;
    e->hist = history_init();
    history(e->hist, &ev, H_SETSIZE, HISTORY_SIZE);
    history(e->hist, &ev, H_SETUNIQUE, 1);
    const char *home = getenv("HOME");
    if (home && *home) {
        Buf b = {0};
        buf_printf(&b, "%s/.gol_history", home);
        e->hist_path = strdup(buf_cstr(&b));
        history(e->hist, &ev, H_LOAD, e->hist_path);
    }
    el_set(e->el, EL_HIST, history, e->hist);
}

// ---- completion ----

static bool word_byte(char ch) {
    return ch == '_' || ch == '.' || ch == ':' || (ch >= 'a' && ch <= 'z') ||
           (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || (unsigned char)ch >= 0x80;
}

static void list_candidates(Completions *c) {
    size_t width = 0;
    for (int i = 0; i < c->n; i++)
        width = strlen(c->v[i]) > width ? strlen(c->v[i]) : width;
    int cols = (int)(80 / (width + 2));
    cols = cols < 1 ? 1 : cols;
    Buf b = {0};
    buf_putc(&b, '\n');
    for (int i = 0; i < c->n; i++) {
        if ((i + 1) % cols == 0 || i == c->n - 1)
            buf_printf(&b, "%s\n", c->v[i]);
        else
            buf_printf(&b, "%-*s", (int)(width + 2), c->v[i]);
    }
    write_all(1, b.data, b.len);
}

// Whether the text before [end] leaves an open string, rune or raw string literal.
static bool in_literal(const char *p, const char *end) {
    char open = 0;
    for (; p < end; p++) {
        if (open && open != '`' && *p == '\\' && p + 1 < end)
            p++;
        else if (open && *p == open)
            open = 0;
        else if (!open && (*p == '"' || *p == '\'' || *p == '`'))
            open = *p;
        else if (!open && *p == '/' && p + 1 < end && p[1] == '/')
            return true; // a comment: no completion either
    }
    return open != 0;
}

static unsigned char complete_fn(EditLine *el, int ch) {
    (void)ch;
    const LineInfo *li = el_line(el);
    const char *start = li->cursor;
    while (start > li->buffer && word_byte(start[-1]))
        start--;
    size_t n = (size_t)(li->cursor - start);
    if (n == 0 || edit->pasting || in_literal(li->buffer, li->cursor)) {
        el_insertstr(el, "\t"); // indentation, a tab in a string, pasted text
        return CC_REFRESH;
    }
    char *word = gc_alloc_atomic(n + 1);
    memcpy(word, start, n);
    const char *first = li->buffer + strspn(li->buffer, " \t");
    Completions c = {0};
    repl_complete(edit->repl, word, start == first, &c);
    if (c.n == 0)
        return CC_REFRESH_BEEP;
    size_t common = strlen(c.v[0]);
    for (int i = 1; i < c.n; i++) {
        size_t k = 0;
        while (k < common && c.v[i][k] == c.v[0][k])
            k++;
        common = k;
    }
    if (common > n) {
        char *add = gc_alloc_atomic(common - n + 1);
        memcpy(add, c.v[0] + n, common - n);
        el_insertstr(el, add);
        return CC_REFRESH;
    }
    if (c.n == 1)
        return CC_REFRESH;
    list_candidates(&c);
    return CC_REDISPLAY;
}

// ---- setup ----

Edit *edit_open(Repl *r) {
    setlocale(LC_CTYPE, "");
    Edit *e = gc_alloc(sizeof(Edit));
    e->repl = r;
    e->prompt = "> ";
    e->at_line_start = true;
    pthread_mutex_init(&e->mu, NULL);
    pthread_cond_init(&e->drained, NULL);
    if (!load_libedit() || pipe(e->wake) < 0)
        return NULL;
    for (int i = 0; i < 2; i++)
        fcntl(e->wake[i], F_SETFL, fcntl(e->wake[i], F_GETFL) | O_NONBLOCK);
    e->el = el_init("gol", stdin, stdout, stderr);
    if (!e->el)
        return NULL;
    edit = e;
    el_set(e->el, EL_EDITOR, "emacs");
    el_set(e->el, EL_PROMPT, prompt_fn);
    el_set(e->el, EL_GETCFN, read_char);
    el_set(e->el, EL_ADDFN, "gol-complete", "complete a name or command", complete_fn);
    el_set(e->el, EL_BIND, "^I", "gol-complete", NULL);
    open_history(e);
    sig_set_interrupt_hook(on_sigint); // the runtime's one handler calls it; reads return EINTR
    r->interrupt = &interrupted;
    out_set_sink(sink);
    return e;
}

void edit_close(Edit *e) {
    write_all(1, "\033[?2004l", 8);
    out_set_sink(NULL);
    el_end(e->el);
    history_end(e->hist);
}
