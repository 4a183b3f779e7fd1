// Panic values and reports: rt_panic_* (how runtime code starts a panic), the run-time error
// types, deferred-call records, stack snapshots, Go-format tracebacks, the fatal panic report
// and rt_fatal. The unwinding itself is in src/vm_unwind.c.
#include "panic.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "rtype.h"
#include "funcinfo.h"
#include "format.h"
#include "out.h"
#include "sched.h"
#include "trace.h"
#include "vm.h"

Defer *defer_new(GoFunc *fn, int nargs) {
    Defer *d = gc_alloc(sizeof(Defer) + sizeof(Slot) * (size_t)(nargs > 0 ? nargs : 1));
    d->fn = fn;
    d->nargs = nargs;
    return d;
}

// ---- run-time error types ----

static RtStatus error_string_error(G *g, Slot *args, Slot *res) {
    GoString *s = args[0].p;
    res[0].p = str_concat(str_from_c("runtime error: "), s);
    return RT_OK;
}

static RtStatus plain_error_error(G *g, Slot *args, Slot *res) {
    res[0] = args[0];
    return RT_OK;
}

static RtStatus runtime_error_marker(G *g, Slot *args, Slot *res) {
    return RT_OK;
}

static Type *make_error_type(const char *name, NativeFn errfn) {
    Type *t = vm_runtime_type(name, types_basic[K_STRING]);
    Type *str = types_basic[K_STRING];
    vm_native_method(t, false, "Error", type_func(NULL, 0, &str, 1, false), errfn);
    vm_native_method(t, false, "RuntimeError", type_func(NULL, 0, NULL, 0, false),
                  runtime_error_marker);
    return t;
}

// (*TypeAssertionError).Error: the receiver's storage holds the message.
static RtStatus type_assertion_error(G *g, Slot *args, Slot *res) {
    Slot *e = args[0].p;
    res[0] = e[0];
    return RT_OK;
}

// runtime.TypeAssertionError, used as a pointer as Go does. Go's is a struct of type
// descriptors; gol's holds the finished message (only %#v could tell them apart).
static Type *make_assertion_error_type(void) {
    Type *t = vm_runtime_type("TypeAssertionError", types_basic[K_STRING]);
    Type *str = types_basic[K_STRING];
    vm_native_method(t, true, "Error", type_func(NULL, 0, &str, 1, false), type_assertion_error);
    vm_native_method(t, true, "RuntimeError", type_func(NULL, 0, NULL, 0, false),
                  runtime_error_marker);
    return type_pointer(t);
}

static RtStatus panic_nil_error(G *g, Slot *args, Slot *res) {
    res[0].p = str_from_c("panic called with nil argument");
    return RT_OK;
}

static Type *make_panic_nil_type(void) {
    Type *t = vm_runtime_type("PanicNilError", type_struct(NULL, 0));
    Type *str = types_basic[K_STRING];
    vm_native_method(t, true, "Error", type_func(NULL, 0, &str, 1, false), panic_nil_error);
    vm_native_method(t, true, "RuntimeError", type_func(NULL, 0, NULL, 0, false),
                  runtime_error_marker);
    return type_pointer(t);
}

static pthread_once_t err_once = PTHREAD_ONCE_INIT;
enum { ERR_STRING, ERR_PLAIN, ERR_PANIC_NIL, ERR_BOUNDS, ERR_ASSERT, ERR_NTYPES };
static Type *err_types[ERR_NTYPES];

static void make_error_types(void) {
    err_types[ERR_STRING] = make_error_type("errorString", error_string_error);
    err_types[ERR_PLAIN] = make_error_type("plainError", plain_error_error);
    err_types[ERR_PANIC_NIL] = make_panic_nil_type();
    // Go's boundsError keeps the indices and formats them in Error(); gol keeps the text.
    err_types[ERR_BOUNDS] = make_error_type("boundsError", error_string_error);
    err_types[ERR_ASSERT] = make_assertion_error_type();
}

GoIface *rt_panic_nil_error(void) {
    pthread_once(&err_once, make_error_types);
    Slot v = {.p = val_new_storage(err_types[ERR_PANIC_NIL]->elem)};
    return iface_box(err_types[ERR_PANIC_NIL], v);
}

Type *rt_error_type(bool plain) {
    pthread_once(&err_once, make_error_types);
    return err_types[plain ? ERR_PLAIN : ERR_STRING];
}

// ---- starting panics ----

RtStatus rt_panic_value(G *g, GoIface *value) {
    Panic *p = gc_alloc(sizeof(Panic));
    p->value = value;
    p->link = g->panic;
    p->frame = g->nframes - 1;
    panic_snapshot(g, p);
    g->panic = p;
    panic_track(g);
    return RT_PANIC;
}

void panic_track(G *g) {
    bool active = false;
    for (Panic *p = g->panic; p && !active; p = p->link)
        active = !p->is_goexit;
    if (active != g->panic_counted) {
        g->panic_counted = active;
        sched_panicking_add(active ? 1 : -1);
    }
}

static RtStatus panic_with_type(G *g, Type *t, const char *text) {
    Slot v = {.p = str_from_c(text)};
    return rt_panic_value(g, iface_box(t, v));
}

RtStatus rt_panic_str(G *g, const char *text) {
    return panic_with_type(g, types_basic[K_STRING], text);
}

RtStatus rt_panic_runtime(G *g, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return panic_with_type(g, rt_error_type(false), buf);
}

RtStatus rt_panic_bounds(G *g, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    pthread_once(&err_once, make_error_types);
    return panic_with_type(g, err_types[ERR_BOUNDS], buf);
}

RtStatus rt_panic_assert(G *g, const char *text) {
    pthread_once(&err_once, make_error_types);
    Type *pt = err_types[ERR_ASSERT];
    Slot *e = val_new_storage(pt->elem);
    e[0].p = str_from_c(text);
    return rt_panic_value(g, iface_box(pt, (Slot){.p = e}));
}

RtStatus rt_panic_plain(G *g, const char *text) {
    return panic_with_type(g, rt_error_type(true), text);
}

RtStatus rt_panic_error(G *g, const char *text) {
    return panic_with_type(g, rt_error_type(true), text);
}

RtStatus rt_goexit(G *g) {
    Panic *p = gc_alloc(sizeof(Panic));
    p->is_goexit = true;
    p->link = g->panic;
    p->frame = g->nframes - 1;
    g->panic = p;
    g->goexit = true;
    return RT_PANIC;
}

// ---- tracebacks ----

void panic_snapshot(G *g, Panic *p) {
    int n = g->nframes > 101 ? 101 : g->nframes; // innermost frames only (Go prints 100)
    p->trace = gc_alloc_atomic(sizeof(TraceFrame) * (size_t)(n > 0 ? n : 1));
    int k = 0;
    for (int i = g->nframes - 1; i >= 0 && k < n; i--) {
        Frame *f = &g->frames[i];
        const FuncInfo *fi = f->proto ? proto_info(f->proto) : NULL;
        if (!fi || !fi->code || fi->hidden)
            continue;
        int pc = funcinfo_pc(fi, f->ip) - 1;
        if (pc < 0)
            pc = 0;
        p->trace[k].proto = f->proto;
        p->trace[k].pc = pc;
        k++;
    }
    p->ntrace = k;
}

static void frame_line(Buf *b, const Proto *p, int pc) {
    const FuncInfo *fi = proto_info(p);
    char where[600];
    pos_format(funcinfo_pos(fi, pc), where, sizeof where);
    buf_printf(b, "%s(...)\n\t%s\n", fi->name, where);
}

// Go prints at most 100 frames of a goroutine, then "...additional frames elided...".
enum { TRACE_MAX_FRAMES = 100 };

// Go's "created by F in goroutine N" lines for [g] (none for main).
static void created_by(Buf *b, G *g) {
    if (g->created_in && g->id != 1) {
        const FuncInfo *cp = proto_info(g->created_in);
        char where[600];
        pos_format(funcinfo_pos(cp, funcinfo_pc(cp, g->created_at)), where, sizeof where);
        buf_printf(b, "created by %s in goroutine %" PRId64 "\n\t%s\n", cp->name, g->parent_id,
                   where);
    }
}

static void traceback_to(Buf *b, G *g, const char *state, const TraceFrame *trace, int n) {
    buf_printf(b, "goroutine %" PRId64 " [%s]:\n", g->id, state);
    int printed = 0;
    if (trace) {
        for (int i = 0; i < n && printed < TRACE_MAX_FRAMES; i++, printed++)
            frame_line(b, trace[i].proto, trace[i].pc);
        if (n > TRACE_MAX_FRAMES)
            buf_printf(b, "...additional frames elided...\n");
    } else {
        for (int i = g->nframes - 1; i >= 0; i--) {
            Frame *f = &g->frames[i];
            const FuncInfo *fi = f->proto ? proto_info(f->proto) : NULL;
            if (!fi || !fi->code || fi->hidden)
                continue;
            if (printed++ == TRACE_MAX_FRAMES) {
                buf_printf(b, "...additional frames elided...\n");
                break;
            }
            frame_line(b, f->proto, funcinfo_pc(fi, f->ip) - 1);
        }
    }
    created_by(b, g);
}

void traceback_print(G *g, const char *state, const TraceFrame *trace, int n) {
    Buf b = {0};
    traceback_to(&b, g, state, trace, n);
    out_write(2, b.data, b.len);
}

typedef struct StackDump {
    Buf *b;
    G *self;
} StackDump;

static void stack_other(G *g, void *arg) {
    StackDump *d = arg;
    int st = atomic_load(&g->status);
    if (g == d->self || st == G_DEAD || st == G_IDLE)
        return;
    buf_putc(d->b, '\n');
    traceback_to(d->b, g, st == G_WAITING ? g_wait_reason_str(g->wait_reason) : "runnable",
                 NULL, 0);
}

void traceback_stacks(Buf *b, G *self, bool all) {
    traceback_to(b, self, "running", NULL, 0);
    if (all) {
        StackDump d = {b, self};
        sched_for_each_g(stack_other, &d);
    }
}

// ---- panic values as text ----

char *panic_value_text(G *g, GoIface *v) {
    return fmt_panic_value(g, v);
}

// The traceback of a panic raised by a deferred call while [prev] was unwinding (Go shows
// the deferred call's frames on top of the frames that panicked first): [top]'s frames
// without those it shares with [prev]'s (the frames not yet unwound), then [prev]'s.
static TraceFrame *splice_trace(const Panic *top, const Panic *prev, int *n) {
    int common = 0;
    while (common < top->ntrace && common < prev->ntrace &&
           top->trace[top->ntrace - 1 - common].proto ==
               prev->trace[prev->ntrace - 1 - common].proto)
        common++;
    int k = top->ntrace - common;
    TraceFrame *t = gc_alloc_atomic(sizeof(TraceFrame) * (size_t)(k + prev->ntrace + 1));
    memcpy(t, top->trace, sizeof(TraceFrame) * (size_t)k);
    memcpy(t + k, prev->trace, sizeof(TraceFrame) * (size_t)prev->ntrace);
    *n = k + prev->ntrace;
    return t;
}

void panic_report(G *g) {
    out_flush();
    Panic *chain[64];
    int n = 0;
    for (Panic *p = g->panic; p && n < 64; p = p->link)
        if (!p->is_goexit)
            chain[n++] = p;
    Buf b = {0};
    for (int i = n - 1; i >= 0; i--) {
        Panic *p = chain[i];
        char *text = panic_value_text(g, p->value);
        buf_printf(&b, "%spanic: ", i == n - 1 ? "" : "\t");
        buf_put(&b, text, strlen(text));
        if (p->recovered)
            buf_put(&b, " [recovered]", 12);
        buf_putc(&b, '\n');
    }
    buf_putc(&b, '\n');
    Panic *top = n ? chain[0] : NULL;
    const TraceFrame *trace = top ? top->trace : NULL;
    int ntrace = top ? top->ntrace : 0;
    if (n >= 2 && top->trace && chain[1]->trace && chain[1]->recovered)
        trace = splice_trace(top, chain[1], &ntrace);
    traceback_to(&b, g, "running", trace, ntrace);
    out_write(2, b.data, b.len);
    out_flush();
}

GOL_NORETURN void panic_die(G *g) {
    sched_dying();
    panic_report(g);
    trace_finish();
    _exit(2);
}

static void dump_g(G *g, void *arg) {
    G *self = arg;
    int st = atomic_load(&g->status);
    if (st == G_DEAD || st == G_IDLE)
        return;
    const char *state = st == G_WAITING ? g_wait_reason_str(g->wait_reason)
                        : g == self     ? "running"
                                        : "runnable";
    Buf b = {0};
    buf_putc(&b, '\n');
    traceback_to(&b, g, state, NULL, 0);
    out_write(2, b.data, b.len);
}

RtStatus rt_check_slice2(G *g, int64_t lo, int64_t hi, int64_t cap, const char *what) {
    if (hi < 0)
        return rt_panic_bounds(g, "slice bounds out of range [:%" PRId64 "]", hi);
    if (hi > cap)
        return rt_panic_bounds(g, "slice bounds out of range [:%" PRId64 "] with %s %" PRId64,
                                hi, what, cap);
    if (lo < 0)
        return rt_panic_bounds(g, "slice bounds out of range [%" PRId64 ":]", lo);
    if (lo > hi)
        return rt_panic_bounds(g, "slice bounds out of range [%" PRId64 ":%" PRId64 "]", lo, hi);
    return RT_OK;
}

RtStatus rt_check_slice3(G *g, int64_t lo, int64_t hi, int64_t max, int64_t cap,
                         const char *what) {
    if (max < 0)
        return rt_panic_bounds(g, "slice bounds out of range [::%" PRId64 "]", max);
    if (max > cap)
        return rt_panic_bounds(g, "slice bounds out of range [::%" PRId64 "] with %s %" PRId64,
                                max, what, cap);
    if (hi < 0)
        return rt_panic_bounds(g, "slice bounds out of range [:%" PRId64 ":]", hi);
    if (hi > max)
        return rt_panic_bounds(g, "slice bounds out of range [:%" PRId64 ":%" PRId64 "]", hi,
                                max);
    if (lo < 0)
        return rt_panic_bounds(g, "slice bounds out of range [%" PRId64 "::]", lo);
    if (lo > hi)
        return rt_panic_bounds(g, "slice bounds out of range [%" PRId64 ":%" PRId64 ":]", lo,
                                hi);
    return RT_OK;
}

GOL_NORETURN void rt_stack_overflow(G *g) {
    out_flush();
    const char *msg = "runtime: goroutine stack exceeds 1000000000-byte limit\n";
    out_write(2, msg, strlen(msg));
    rt_fatal(g, "stack overflow");
}

// A goroutine in the SIGQUIT dump. One running on an M is not stopped (its frames may be
// changing), so its stack is reported unavailable, in Go's words for that case.
static void dump_quit(G *g, void *arg) {
    if (atomic_load(&g->status) != G_RUNNING) {
        dump_g(g, arg);
        return;
    }
    Buf b = {0};
    buf_printf(&b, "\ngoroutine %" PRId64 " [running]:\n"
                   "\tgoroutine running on other thread; stack unavailable\n", g->id);
    created_by(&b, g);
    out_write(2, b.data, b.len);
}

GOL_NORETURN void panic_sigquit(void) {
    sched_dying();
    out_flush();
    const char *head = "SIGQUIT: quit\n";
    out_write(2, head, strlen(head));
    sched_for_each_g(dump_quit, NULL);
    out_flush();
    trace_finish();
    _exit(2);
}

GOL_NORETURN void rt_fatal(G *g, const char *msg) {
    if (g && g == g_current() && sched_repl_enabled())
        sched_repl_fatal(g, msg); // the REPL lives on: only this goroutine ends
    sched_dying();
    out_flush();
    char head[512];
    int n = snprintf(head, sizeof head, "fatal error: %s\n", msg);
    out_write(2, head, (size_t)n);
    sched_for_each_g(dump_g, g);
    out_flush();
    trace_finish();
    _exit(2);
}
