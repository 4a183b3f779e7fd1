// Go's pp.handleMethods and catchPanic: the Format, Error, String and GoString methods of
// operands, called back into Go with vm_call, and the %!v(PANIC=String method: ...) report
// when one panics.
#include "rtype.h"
#include "funcinfo.h"
#include "format_int.h"
#include "panic.h"
#include "utf8.h"
#include "vm.h"

// Method calls from fmt nest native and VM frames on the thread's C stack (8 MB): a few KB
// per level.
enum { MAX_NESTED_CALLS = 1000 };

// The panic chain of a G before fmt calls a method, so a panic raised (and left active
// by vm_call) inside the method can be undone as Go's catchPanic recover() does.
typedef struct PanicSnap {
    Panic *head;
} PanicSnap;

static void snap_take(G *g, PanicSnap *s) {
    s->head = g ? g->panic : NULL;
}

// Removes the panic the method raised and returns its value; false if it must propagate
// (runtime.Goexit, or no new panic).
static bool snap_recover(G *g, const PanicSnap *s, GoIface **value) {
    Panic *top = g ? g->panic : NULL;
    if (!top || top == s->head || top->is_goexit)
        return false;
    top->recovered = true;
    *value = top->value;
    g->panic = s->head;
    panic_track(g);
    return true;
}

// The method [name] of dynamic type [t] if it has the signature `func() string` (the
// receiver is the function value's only parameter, see rt_method).
static GoFunc *string_method(Type *t, const char *name) {
    if (!t || t->kind == K_INTERFACE)
        return NULL;
    GoFunc *fn = rt_method(t, name);
    if (!fn || !fn->proto)
        return NULL;
    const FuncInfo *pr = proto_info(fn->proto);
    if (pr->nparams != 1 || pr->nresults != 1)
        return NULL;
    Type *sig = pr->type;
    if (sig && (sig->nresults != 1 || sig->results[0] != types_basic[K_STRING]))
        return NULL;
    return fn;
}

// After a method panicked: "<nil>" for a nil pointer receiver (a Stringer not guarding
// against nil), else the panic value inline; a panic while printing a panic propagates.
static void catch_panic(Printer *p, const PanicSnap *snap, Val arg, int verb, const char *method) {
    bool nil_ptr = arg.t->kind == K_POINTER && !arg.v.p;
    GoIface *pv = NULL;
    if ((!nil_ptr && p->panicking) || !snap_recover(p->g, snap, &pv)) {
        p->status = RT_PANIC;
        return;
    }
    if (nil_ptr) {
        buf_puts(p->buf, "<nil>");
        return;
    }
    FmtFlags old = p->fmt.fl;
    memset(&p->fmt.fl, 0, sizeof p->fmt.fl);
    buf_puts(p->buf, "%!");
    uint8_t tmp[UTF8_MAX];
    buf_put(p->buf, (const char *)tmp, (size_t)utf8_encode(tmp, verb));
    buf_puts(p->buf, "(PANIC=");
    buf_puts(p->buf, method);
    buf_puts(p->buf, " method: ");
    p->panicking = true;
    fmt_print_arg(p, pv ? fmt_val(pv->type, pv->val) : (Val){0}, 'v');
    p->panicking = false;
    buf_putc(p->buf, ')');
    p->fmt.fl = old;
}

// Calls [fn] (method [name] of [recv], or the Format hook) with [args]; false (after
// reporting or propagating a panic) if it panicked.
static bool call_method(Printer *p, GoFunc *fn, Val recv, Slot *args, int nargs, const char *name,
                        int verb, GoString **out) {
    Type *t = recv.t;
    // A value method through a nil pointer would panic in Go and print "<nil>"; skip the call.
    if (t->kind == K_POINTER && !recv.v.p && rt_method(t->elem, name)) {
        buf_puts(p->buf, "<nil>");
        return false;
    }
    // A String method printing its own receiver with %v recurses forever; end it as Go's
    // stack overflow does, before the native stack runs out.
    if (p->g && p->g->nested > MAX_NESTED_CALLS)
        rt_stack_overflow(p->g);
    Slot res = {0};
    PanicSnap snap;
    snap_take(p->g, &snap);
    if (vm_call(p->g, fn, args, nargs, &res, 1) != RT_OK) {
        catch_panic(p, &snap, recv, verb, name);
        return false;
    }
    *out = res.p;
    return true;
}

static bool call_string_method(Printer *p, GoFunc *fn, Val recv, const char *name, int verb,
                               GoString **out) {
    Slot arg = recv.v;
    if (recv.t->kind == K_STRUCT || recv.t->kind == K_ARRAY)
        arg.p = val_clone(recv.t, recv.v.p); // the method gets its own copy of the receiver
    return call_method(p, fn, recv, &arg, 1, name, verb, out);
}

// fmt.callFormat (fmt.go), registered at fmt's initialisation; written once.
static GoFunc *_Atomic format_hook;

void fmt_set_format_hook(GoFunc *fn) {
    format_hook = fn;
}

// Whether [t] has a method Format(fmt.State, rune) (a fmt.Formatter).
static bool is_formatter(Type *t) {
    GoFunc *fn = t->kind == K_INTERFACE ? NULL : rt_method(t, "Format");
    Type *sig = fn && fn->proto ? proto_info(fn->proto)->type : NULL;
    return sig && sig->nparams == 2 && sig->nresults == 0 &&
           sig->params[1] == types_basic[K_INT32] &&
           strcmp(type_string(sig->params[0]), "fmt.State") == 0;
}

// Go calls Format(state, verb) with the printer as the State; gol runs fmt.callFormat,
// which calls Format with a State recording the flags and collecting what it writes.
static void call_formatter(Printer *p, Val a, int verb) {
    const FmtFlags *fl = &p->fmt.fl;
    char flags[8], *f = flags;
    if (fl->minus)
        *f++ = '-';
    if (fl->plus || fl->plus_v)
        *f++ = '+';
    if (fl->sharp || fl->sharp_v)
        *f++ = '#';
    if (fl->space)
        *f++ = ' ';
    if (fl->zero)
        *f++ = '0';
    Slot args[7] = {
        {.p = iface_box(a.t, a.v)},
        {.i = p->fmt.wid},
        {.i = p->fmt.prec},
        {.i = fl->wid_present},
        {.i = fl->prec_present},
        {.p = str_new(flags, f - flags)},
        {.i = verb},
    };
    GoString *s;
    if (call_method(p, format_hook, a, args, 7, "Format", verb, &s))
        buf_put_gostr(p->buf, s);
}

bool fmt_handle_methods(Printer *p, int verb) {
    if (p->erroring)
        return false;
    Val a = p->arg;
    if (verb == 'w') {
        if (!string_method(a.t, "Error") || !p->wrap_errs) {
            fmt_bad_verb(p, verb);
            return true;
        }
        verb = 'v';
    }
    if (!a.t)
        return false;
    if (format_hook && is_formatter(a.t)) {
        call_formatter(p, a, verb);
        return true;
    }
    GoString *s;
    if (p->fmt.fl.sharp_v) {
        GoFunc *m = string_method(a.t, "GoString");
        if (!m)
            return false;
        if (call_string_method(p, m, a, "GoString", verb, &s))
            fmtb_s(&p->fmt, str_data(s), (size_t)str_len(s));
        return true;
    }
    if (verb != 'v' && verb != 's' && verb != 'x' && verb != 'X' && verb != 'q')
        return false;
    const char *name = "Error";
    GoFunc *m = string_method(a.t, name);
    if (!m)
        m = string_method(a.t, name = "String");
    if (!m)
        return false;
    if (call_string_method(p, m, a, name, verb, &s))
        fmt_string(p, s, verb);
    return true;
}
