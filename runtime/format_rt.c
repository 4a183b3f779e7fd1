// The runtime's own printing, as opposed to fmt's: the builtin print/println (Go's
// runtime/print.go: printfloat's +1.500000e+000, printhex, printslice, printeface) and the
// value after "panic: " (runtime/panic.go: preprintpanics, printpanicval,
// printanycustomtype).
#include "rtype.h"
#include "cplx.h"
#include "funcinfo.h"
#include "format_int.h"
#include "numfmt.h"
#include "panic.h"
#include "vm.h"

// Go's printhex: 0x followed by lower-case hex digits, "0x0" for zero.
static void print_hex(Buf *b, uint64_t v) {
    buf_puts(b, "0x");
    numfmt_uint(b, v, 16);
}

// Go's printfloat: 7 significant digits, sign always shown, 3-digit exponent.
static void print_float(Buf *b, double v) {
    if (v != v) {
        buf_puts(b, "NaN");
        return;
    }
    if (v + v == v && v > 0) {
        buf_puts(b, "+Inf");
        return;
    }
    if (v + v == v && v < 0) {
        buf_puts(b, "-Inf");
        return;
    }
    enum { N = 7 };
    char out[N + 7];
    out[0] = '+';
    int e = 0;
    if (v == 0) {
        if (1 / v < 0)
            out[0] = '-';
    } else {
        if (v < 0) {
            v = -v;
            out[0] = '-';
        }
        for (; v >= 10; v /= 10)
            e++;
        for (; v < 1; v *= 10)
            e--;
        double h = 5.0;
        for (int i = 0; i < N; i++)
            h /= 10;
        v += h;
        if (v >= 10) {
            e++;
            v /= 10;
        }
    }
    for (int i = 0; i < N; i++) {
        int s = (int)v;
        out[i + 2] = (char)(s + '0');
        v -= s;
        v *= 10;
    }
    out[1] = out[2];
    out[2] = '.';
    out[N + 2] = 'e';
    out[N + 3] = e < 0 ? '-' : '+';
    if (e < 0)
        e = -e;
    out[N + 4] = (char)(e / 100 + '0');
    out[N + 5] = (char)(e / 10 % 10 + '0');
    out[N + 6] = (char)(e % 10 + '0');
    buf_put(b, out, sizeof out);
}

// Scalars as print() shows them; false for other kinds.
static bool print_scalar(Buf *b, Type *t, Slot v) {
    Kind k = t->kind;
    if (k == K_BOOL)
        buf_puts(b, v.i ? "true" : "false");
    else if (k >= K_INT && k <= K_INT64)
        numfmt_int(b, v.i, 10);
    else if (k >= K_UINT && k <= K_UINTPTR)
        numfmt_uint(b, v.u, 10);
    else if (k == K_FLOAT32 || k == K_FLOAT64)
        print_float(b, v.f);
    else if (k == K_COMPLEX64 || k == K_COMPLEX128) { // printcomplex
        buf_putc(b, '(');
        print_float(b, cplx_re(v.p));
        print_float(b, cplx_im(v.p));
        buf_puts(b, "i)");
    }
    else if (k == K_STRING)
        buf_put_gostr(b, v.p);
    else
        return false;
    return true;
}

void fmt_print_builtin(Buf *b, Type *t, Slot v) {
    if (print_scalar(b, t, v))
        return;
    switch (t->kind) {
    case K_SLICE: {
        GoSlice *s = v.p;
        buf_printf(b, "[%lld/%lld]", (long long)slice_len(s), (long long)slice_cap(s));
        print_hex(b, s ? (uintptr_t)s->ptr : 0);
        return;
    }
    case K_INTERFACE: {
        GoIface *i = v.p;
        buf_putc(b, '(');
        print_hex(b, i ? (uintptr_t)i->type : 0);
        buf_putc(b, ',');
        print_hex(b, i ? (uintptr_t)i->val.p : 0);
        buf_putc(b, ')');
        return;
    }
    default: // pointers, maps, channels, funcs (structs and arrays are compile errors)
        print_hex(b, (uintptr_t)v.p);
    }
}

// Go's preprintpanics when the Error or String method panicked: a fatal error naming the
// new panic's value if it is a string, else its type.
static GOL_NORETURN void die_printing_panic(G *g) {
    GoIface *v = g->panic ? g->panic->value : NULL;
    Buf msg = {0};
    buf_puts(&msg, "panic while printing panic value: ");
    if (v && v->type == types_basic[K_STRING])
        buf_put_gostr(&msg, v->val.p);
    else
        buf_printf(&msg, "type %s", v ? type_string(v->type) : "nil");
    rt_fatal(g, buf_cstr(&msg));
}

// Go's preprintpanics: an error's Error(), else a Stringer's String(); false if neither.
static bool panic_method_text(G *g, GoIface *v, Buf *b) {
    if (!g || v->type->kind == K_INTERFACE)
        return false;
    const char *names[] = {"Error", "String"};
    for (int i = 0; i < 2; i++) {
        GoFunc *fn = rt_method(v->type, names[i]);
        const FuncInfo *fi = fn && fn->proto ? proto_info(fn->proto) : NULL;
        if (!fi || fi->nparams != 1 || fi->nresults != 1)
            continue;
        Type *sig = fi->type;
        if (sig && (sig->nresults != 1 || sig->results[0] != types_basic[K_STRING]))
            continue;
        Slot arg = v->val, res = {0};
        if (vm_call(g, fn, &arg, 1, &res, 1) != RT_OK) {
            if (g->panic && !g->panic->is_goexit)
                die_printing_panic(g);
            return false;
        }
        buf_put_gostr(b, res.p);
        return true;
    }
    return false;
}

char *fmt_panic_value(G *g, GoIface *v) {
    Buf b = {0};
    buf_reserve(&b, 32); // the result is always fresh, writable memory
    if (!v) {
        buf_puts(&b, "nil");
        return (char *)buf_cstr(&b);
    }
    if (panic_method_text(g, v, &b))
        return (char *)buf_cstr(&b);
    Type *t = v->type;
    bool predeclared = t->kind <= K_STRING && t == types_basic[t->kind];
    if (predeclared && print_scalar(&b, t, v->val))
        return (char *)buf_cstr(&b);
    const char *ts = type_string(t);
    if (t->kind == K_STRING) {
        buf_printf(&b, "%s(\"", ts);
        buf_put_gostr(&b, v->val.p);
        buf_puts(&b, "\")");
    } else if (t->kind == K_COMPLEX64 || t->kind == K_COMPLEX128) { // its own parentheses
        buf_puts(&b, ts);
        print_scalar(&b, t, v->val);
    } else if (t->kind <= K_FLOAT64 && t->kind != K_INVALID) {
        buf_printf(&b, "%s(", ts);
        print_scalar(&b, t, v->val);
        buf_putc(&b, ')');
    } else {
        buf_printf(&b, "(%s) ", ts);
        print_hex(&b, (uintptr_t)v->val.p);
    }
    return (char *)buf_cstr(&b);
}
