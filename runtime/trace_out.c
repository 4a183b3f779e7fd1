// The gol trace session (trace.h): starts the recorder and, on whichever exit path the
// program takes, merges the threads' buffers by time, pairs channel sends with receives
// (FIFO per channel: both are recorded under the channel's lock) and writes the JSON event
// log, alone or inside the HTML page (runtime/trace/page.html + page.js, embedded at build
// time as trace_page_html/trace_page_js). docs/trace.md documents the format.
#include "trace.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "funcinfo.h"
#include "gc.h"
#include "out.h"
#include "trace_page.h"
#include "utf8.h"

static struct {
    FILE *f; // opened by trace_start, so that a bad path fails before the program runs
    const char *path, *prog;
    int argc;
    char **argv;
    uint64_t seed;
    _Atomic bool done; // the file was written (or could not be)
} sess;

static void on_gc(bool start) {
    trace_emit(start ? TEV_GCStart : TEV_GCDone, 0, 0, NULL, NULL);
}

bool trace_start(const char *path, const char *prog, int argc, char **argv, uint64_t seed) {
    sess.f = fopen(path, "w");
    if (!sess.f)
        return false;
    sess.path = path;
    sess.prog = prog;
    sess.argc = argc;
    sess.argv = argv;
    sess.seed = seed;
    trace_enable();
    out_set_tee(trace_stdout);
    gc_on_collection(on_gc);
    return true;
}

// ---- merging ----

typedef struct Rec {
    const TraceEvent *e;
    int tid;
    int seq;
} Rec;

static int rec_cmp(const void *x, const void *y) {
    const Rec *a = x, *b = y;
    if (a->e->t != b->e->t)
        return a->e->t < b->e->t ? -1 : 1;
    if (a->tid != b->tid)
        return a->tid < b->tid ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

// Every published event of every thread, sorted by (time, thread, order in the thread).
static Rec *collect(size_t *np) {
    size_t n = 0, cap = 1024;
    Rec *r = malloc(cap * sizeof *r);
    for (TraceBuf *b = trace_buffers(); b && r; b = b->next) {
        int seq = 0;
        for (TraceChunk *c = b->head; c; c = atomic_load_explicit(&c->next, memory_order_acquire)) {
            int cn = atomic_load_explicit(&c->n, memory_order_acquire);
            for (int i = 0; i < cn; i++) {
                if (n == cap && !(r = realloc(r, (cap *= 2) * sizeof *r)))
                    return NULL;
                r[n++] = (Rec){&c->ev[i], b->tid, seq++};
            }
            if (cn < TRACE_CHUNK)
                break; // the owner may be filling it (its next chunk is not published yet)
        }
    }
    if (r)
        qsort(r, n, sizeof *r, rec_cmp);
    *np = n;
    return r;
}

// ---- interning: strings and channels get small indexes ----

typedef struct Intern {
    const void **keys; // pointer keys, or NUL-terminated strings when strings
    int *vals;
    size_t cap, n;
    bool strings;
} Intern;

static uint64_t hash_key(const Intern *t, const void *k) {
    uint64_t h = 1469598103934665603ull;
    if (!t->strings)
        return ((uint64_t)(uintptr_t)k >> 3) * 0x9E3779B97F4A7C15ull;
    for (const unsigned char *s = k; *s; s++)
        h = (h ^ *s) * 1099511628211ull;
    return h;
}

static bool key_eq(const Intern *t, const void *a, const void *b) {
    return t->strings ? strcmp(a, b) == 0 : a == b;
}

// The index of [k] (new keys get n, in order); [*fresh] says whether it was new. A new
// string key is copied.
static int intern(Intern *t, const void *k, bool *fresh) {
    if (2 * (t->n + 1) > t->cap) {
        Intern old = *t;
        t->cap = old.cap ? old.cap * 2 : 256;
        t->keys = calloc(t->cap, sizeof *t->keys);
        t->vals = calloc(t->cap, sizeof *t->vals);
        t->n = 0;
        for (size_t i = 0; i < old.cap; i++)
            if (old.keys[i]) {
                size_t j = hash_key(t, old.keys[i]) & (t->cap - 1);
                while (t->keys[j])
                    j = (j + 1) & (t->cap - 1);
                t->keys[j] = old.keys[i];
                t->vals[j] = old.vals[i];
                t->n++;
            }
        free(old.keys);
        free(old.vals);
    }
    size_t j = hash_key(t, k) & (t->cap - 1);
    while (t->keys[j]) {
        if (key_eq(t, t->keys[j], k)) {
            *fresh = false;
            return t->vals[j];
        }
        j = (j + 1) & (t->cap - 1);
    }
    t->keys[j] = t->strings ? strdup(k) : k;
    t->vals[j] = (int)t->n++;
    *fresh = true;
    return t->vals[j];
}

// ---- JSON ----

typedef struct Writer {
    FILE *f;
    Intern strs;        // string -> index in the "strings" array
    const char **order; // strings by index
    size_t norder, cap;
} Writer;

// A JSON string: `<`, `>` and `&` are escaped too, so the text can sit inside a <script>
// element (a program printing "</script>" cannot end it); invalid UTF-8 becomes U+FFFD.
static void json_str(FILE *f, const char *s, size_t n) {
    putc('"', f);
    const uint8_t *p = (const uint8_t *)s, *end = p + n;
    while (p < end) {
        uint8_t c = *p;
        if (c >= 0x80) {
            int32_t r;
            int w = utf8_decode(p, end - p, &r);
            if (r == UTF8_RUNE_ERROR && w == 1)
                fputs("\\ufffd", f);
            else
                fwrite(p, 1, (size_t)w, f);
            p += w;
            continue;
        }
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c == '\t')
            fputs("\\t", f);
        else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x7f)
            fprintf(f, "\\u%04x", c);
        else
            putc(c, f);
        p++;
    }
    putc('"', f);
}

static int str_index(Writer *w, const char *s) {
    bool fresh;
    int i = intern(&w->strs, s, &fresh);
    if (fresh) {
        if (w->norder == w->cap) {
            w->cap = w->cap ? 2 * w->cap : 256;
            w->order = realloc(w->order, w->cap * sizeof *w->order);
        }
        w->order[w->norder++] = strdup(s);
    }
    return i;
}

static int loc_index(Writer *w, Pos pos) {
    if (!pos.file)
        return -1;
    const char *name = pos_file_name(pos.file);
    const char *base = name ? strrchr(name, '/') : NULL;
    int line, col;
    pos_line_col(pos, &line, &col);
    char buf[512];
    snprintf(buf, sizeof buf, "%s:%d", base ? base + 1 : name ? name : "?", line);
    return str_index(w, buf);
}

// Per channel, the indexes of sends whose value no receive has taken yet (a FIFO).
typedef struct Pending {
    int64_t *q;
    size_t head, n, cap;
} Pending;

typedef struct Pairing {
    Intern chans; // Chan* -> channel number
    Pending *pend;
    size_t npend;
} Pairing;

static Pending *chan_queue(Pairing *pr, const void *c, int64_t *id) {
    bool fresh;
    int i = intern(&pr->chans, c, &fresh);
    if ((size_t)i >= pr->npend) {
        size_t nn = pr->npend ? pr->npend * 2 : 64;
        while (nn <= (size_t)i)
            nn *= 2;
        pr->pend = realloc(pr->pend, nn * sizeof *pr->pend);
        memset(pr->pend + pr->npend, 0, (nn - pr->npend) * sizeof *pr->pend);
        pr->npend = nn;
    }
    *id = i + 1;
    return &pr->pend[i];
}

// ChanSend: remember event [idx]; ChanRecv: the matching send's index (-1: none recorded).
static int64_t pair(Pairing *pr, const TraceEvent *e, int64_t idx, int64_t *chan) {
    Pending *q = chan_queue(pr, e->ptr, chan);
    if (e->kind == TEV_ChanSend) {
        if (q->head + q->n == q->cap) {
            if (q->head > 0) {
                memmove(q->q, q->q + q->head, q->n * sizeof *q->q);
                q->head = 0;
            } else {
                q->cap = q->cap ? 2 * q->cap : 8;
                q->q = realloc(q->q, q->cap * sizeof *q->q);
            }
        }
        q->q[q->head + q->n++] = idx;
        return -1;
    }
    if (q->n == 0)
        return -1;
    q->n--;
    return q->q[q->head++];
}

// One event as [t, kind, g, thread, a, b, s, f]; trailing -1 fields are left out.
static void write_event(Writer *w, Pairing *pr, const Rec *r, int64_t idx, int64_t origin) {
    const TraceEvent *e = r->e;
    int64_t v[8] = {e->t - origin, e->kind, e->g, r->tid, e->a, -1, -1, -1};
    const FuncInfo *fnp = NULL;
    switch (e->kind) {
    case TEV_GoCreate:
    case TEV_GoBlock:
    case TEV_GoSysCall:
        fnp = e->ptr ? proto_info(e->ptr) : NULL;
        v[6] = loc_index(w, e->pos);
        v[7] = fnp && fnp->name ? str_index(w, fnp->name) : -1;
        break;
    case TEV_ChanSend:
    case TEV_ChanRecv:
        v[5] = pair(pr, e, idx, &v[4]);
        break;
    case TEV_Stdout:
    case TEV_Stderr: {
        char *text = malloc((size_t)e->a + 1);
        memcpy(text, e->ptr, (size_t)e->a);
        text[e->a] = 0; // a NUL in the output ends the string here
        v[6] = str_index(w, text);
        v[4] = -1;
        free(text);
        break;
    }
    default:
        break;
    }
    int n = 8;
    while (n > 4 && v[n - 1] == -1)
        n--;
    putc(idx ? ',' : '[', w->f);
    putc('[', w->f);
    for (int i = 0; i < n; i++)
        fprintf(w->f, i ? ",%lld" : "%lld", (long long)v[i]);
    putc(']', w->f);
}

static void write_header(Writer *w, int64_t duration) {
    FILE *f = w->f;
    fputs("{\"format\":\"gol-trace\",\"version\":1,\"program\":", f);
    json_str(f, sess.prog, strlen(sess.prog));
    fputs(",\"args\":[", f);
    for (int i = 0; i < sess.argc; i++) {
        if (i)
            putc(',', f);
        json_str(f, sess.argv[i], strlen(sess.argv[i]));
    }
    fprintf(f, "],\"seed\":%llu,\"clock\":\"%s\",\"duration\":%lld,\"truncated\":%s,"
               "\"kinds\":[",
            (unsigned long long)sess.seed, sess.seed ? "virtual" : "monotonic",
            (long long)duration, trace_truncated() ? "true" : "false");
#define TRACE_NAME(name) #name,
    static const char *const names[] = {TRACE_EVENTS(TRACE_NAME)};
#undef TRACE_NAME
    for (int i = 0; i < TEV_COUNT; i++)
        fprintf(f, "%s\"%s\"", i ? "," : "", names[i]);
    fputs("],\"reasons\":[", f);
    for (int r = 0; r < 64; r++) {
        const char *s = g_wait_reason_str((WaitReason)r);
        if (r > 0 && (strcmp(s, "unknown") == 0 || !*s))
            break;
        fprintf(f, "%s\"%s\"", r ? "," : "", s);
    }
    fputs("],\"events\":", f);
}

static void write_json(FILE *f, const Rec *recs, size_t n) {
    Writer w = {.f = f, .strs = {.strings = true}};
    Pairing pr = {0};
    // Time 0 is the first event (the runtime's start), not gol's own start-up.
    int64_t origin = n ? recs[0].e->t : 0;
    write_header(&w, n ? recs[n - 1].e->t - origin : 0);
    for (size_t i = 0; i < n; i++)
        write_event(&w, &pr, &recs[i], (int64_t)i, origin);
    fputs(n ? "],\"strings\":[" : "[],\"strings\":[", f);
    for (size_t i = 0; i < w.norder; i++) {
        if (i)
            putc(',', f);
        json_str(f, w.order[i], strlen(w.order[i]));
    }
    fputs("]}", f);
}

// The page: page.html with page.js at its /*TRACE_JS*/ mark and the JSON at TRACE_JSON
// (either order).
static void write_html(FILE *f, const Rec *recs, size_t n) {
    const char *html = trace_page_html;
    const char *js = strstr(html, "/*TRACE_JS*/"), *data = strstr(html, "TRACE_JSON");
    if (!js || !data) {
        write_json(f, recs, n);
        return;
    }
    const char *first = js < data ? js : data, *second = js < data ? data : js;
    const char *p = html;
    for (const char *mark = first; mark; mark = mark == first ? second : NULL) {
        fwrite(p, 1, (size_t)(mark - p), f);
        if (mark == js) {
            fputs(trace_page_js, f);
            p = mark + strlen("/*TRACE_JS*/");
        } else {
            write_json(f, recs, n);
            p = mark + strlen("TRACE_JSON");
        }
    }
    fputs(p, f);
}

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static void write_file(void) {
    size_t n = 0;
    Rec *recs = collect(&n);
    FILE *f = sess.f;
    if (!recs) {
        fprintf(stderr, "gol trace: out of memory writing %s\n", sess.path);
        fclose(f);
        return;
    }
    static char fbuf[1 << 16];
    setvbuf(f, fbuf, _IOFBF, sizeof fbuf);
    if (ends_with(sess.path, ".json"))
        write_json(f, recs, n);
    else
        write_html(f, recs, n);
    if (fclose(f) != 0)
        fprintf(stderr, "gol trace: write %s: %s\n", sess.path, strerror(errno));
    else
        fprintf(stderr, "gol trace: %zu events written to %s\n", n, sess.path);
    free(recs);
}

void trace_finish(void) {
    if (!trace_on)
        return;
    if (!trace_stop()) {
        // Another exit path is writing the file: wait for it (up to a minute), then exit.
        for (int i = 0; i < 60000 && !atomic_load(&sess.done); i++)
            usleep(1000);
        return;
    }
    write_file();
    atomic_store(&sess.done, true);
}
