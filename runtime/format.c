// The printer of Go's fmt (fmt/print.go), ported: printArg / printValue / handleMethods /
// doPrintf over typed gol values instead of reflect.Value. A Val is what reflect.Value is
// to Go: a type, a register-form value, and whether it was reached through an unexported
// struct field (then, as in Go, its String/Error methods are not used). The raw verbs are
// in fmtbase.c, map ordering in fmtsort.c, print/panic text in format_rt.c.
#include "format.h"

#include "rtype.h"
#include "cplx.h"
#include "cstack.h"
#include "fmtbase.h"
#include "fmtsort.h"
#include "format_int.h"
#include "map.h"
#include "memevent.h"
#include "utf8.h"

static void print_value(Printer *p, Val v, int verb, int depth);

Val fmt_val(Type *t, Slot v) {
    return (Val){t, v, false};
}

// The dynamic value inside an interface-typed Val (nil interface: t == NULL).
static Val iface_elem(Val v) {
    GoIface *i = v.v.p;
    if (!i)
        return (Val){NULL, {0}, v.ro};
    return (Val){i->type, i->val, v.ro};
}

static Type *reflect_value_type; // reflect.Value, once package reflect is initialised

void fmt_set_reflect_value(Type *t) {
    reflect_value_type = t;
}

// The value a reflect.Value operand holds (runtime/pkg/reflect.h: {typ, ptr, flag}).
static Val reflect_value(Val arg) {
    Slot *rv = arg.v.p;
    Type *t = rv[0].p;
    if (!t)
        return (Val){0};
    Slot *ptr = rv[1].p;
    Slot v = (t->kind == K_STRUCT || t->kind == K_ARRAY) ? (Slot){.p = ptr} : *ptr;
    return (Val){t, v, (rv[2].u & 10) != 0}; // read-only: RF_RO | RF_EMBRO
}

static Slot load(Type *t, Slot *p) {
    if (t->kind == K_STRUCT || t->kind == K_ARRAY)
        return (Slot){.p = p};
    return *p;
}

static void write_rune(Buf *b, int32_t r) {
    uint8_t tmp[UTF8_MAX];
    buf_put(b, (const char *)tmp, (size_t)utf8_encode(tmp, r));
}

static void put_type(Printer *p, Type *t) {
    buf_puts(p->buf, type_string(t));
}

// ---- basic kinds (Go's pp.fmtBool, fmtInteger, fmtFloat, fmtString, fmtBytes) ----

void fmt_bad_verb(Printer *p, int verb) {
    p->erroring = true;
    buf_puts(p->buf, "%!");
    write_rune(p->buf, verb);
    buf_putc(p->buf, '(');
    if (p->arg.t) {
        put_type(p, p->arg.t);
        buf_putc(p->buf, '=');
        fmt_print_arg(p, p->arg, 'v');
    } else if (p->value_ok) {
        put_type(p, p->value.t);
        buf_putc(p->buf, '=');
        print_value(p, p->value, 'v', 0);
    } else {
        buf_puts(p->buf, "<nil>");
    }
    buf_putc(p->buf, ')');
    p->erroring = false;
}

static void fmt_bool(Printer *p, bool v, int verb) {
    if (verb == 't' || verb == 'v')
        fmtb_boolean(&p->fmt, v);
    else
        fmt_bad_verb(p, verb);
}

// Hex with or without a 0x prefix, whatever the # flag says.
static void fmt_0x64(Printer *p, uint64_t v, bool leading0x) {
    bool sharp = p->fmt.fl.sharp;
    p->fmt.fl.sharp = leading0x;
    fmtb_integer(&p->fmt, v, 16, false, 'v', fmtb_ldigits);
    p->fmt.fl.sharp = sharp;
}

static void fmt_integer(Printer *p, uint64_t v, bool is_signed, int verb) {
    Fmt *f = &p->fmt;
    switch (verb) {
    case 'v':
        if (f->fl.sharp_v && !is_signed)
            fmt_0x64(p, v, true);
        else
            fmtb_integer(f, v, 10, is_signed, verb, fmtb_ldigits);
        return;
    case 'd':
        fmtb_integer(f, v, 10, is_signed, verb, fmtb_ldigits);
        return;
    case 'b':
        fmtb_integer(f, v, 2, is_signed, verb, fmtb_ldigits);
        return;
    case 'o':
    case 'O':
        fmtb_integer(f, v, 8, is_signed, verb, fmtb_ldigits);
        return;
    case 'x':
        fmtb_integer(f, v, 16, is_signed, verb, fmtb_ldigits);
        return;
    case 'X':
        fmtb_integer(f, v, 16, is_signed, verb, fmtb_udigits);
        return;
    case 'c':
        fmtb_c(f, v);
        return;
    case 'q':
        fmtb_qc(f, v);
        return;
    case 'U':
        fmtb_unicode(f, v);
        return;
    }
    fmt_bad_verb(p, verb);
}

static void fmt_float(Printer *p, double v, int size, int verb) {
    switch (verb) {
    case 'v':
        fmtb_float(&p->fmt, v, size, 'g', -1);
        return;
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X':
        fmtb_float(&p->fmt, v, size, verb, -1);
        return;
    case 'f':
    case 'e':
    case 'E':
        fmtb_float(&p->fmt, v, size, verb, 6);
        return;
    case 'F':
        fmtb_float(&p->fmt, v, size, 'f', 6);
        return;
    }
    fmt_bad_verb(p, verb);
}

// fmtComplex: "(re+imi)", each part formatted as a float of half the size, the imaginary
// part always signed.
static void fmt_complex(Printer *p, const GoComplex *z, int size, int verb) {
    switch (verb) {
    case 'v': case 'b': case 'g': case 'G': case 'x': case 'X': case 'f': case 'F': case 'e':
    case 'E': {
        bool old_plus = p->fmt.fl.plus;
        buf_putc(p->fmt.buf, '(');
        fmt_float(p, cplx_re(z), size / 2, verb);
        p->fmt.fl.plus = true;
        fmt_float(p, cplx_im(z), size / 2, verb);
        buf_puts(p->fmt.buf, "i)");
        p->fmt.fl.plus = old_plus;
        return;
    }
    }
    fmt_bad_verb(p, verb);
}

// The verbs a string and a byte slice share (%s %x %X %q) applied to [d, n); false when
// [verb] is none of them.
static bool fmt_text(Printer *p, const char *d, size_t n, int verb) {
    switch (verb) {
    case 's':
        fmtb_s(&p->fmt, d, n);
        return true;
    case 'x':
        fmtb_sbx(&p->fmt, d, n, fmtb_ldigits);
        return true;
    case 'X':
        fmtb_sbx(&p->fmt, d, n, fmtb_udigits);
        return true;
    case 'q':
        fmtb_q(&p->fmt, d, n);
        return true;
    }
    return false;
}

void fmt_string(Printer *p, const GoString *s, int verb) {
    const char *d = str_data(s);
    size_t n = (size_t)str_len(s);
    if (verb == 'v')
        verb = p->fmt.fl.sharp_v ? 'q' : 's';
    if (!fmt_text(p, d, n, verb))
        fmt_bad_verb(p, verb);
}

// The bytes of a byte slice or array [v] (elements are one slot each).
static char *collect_bytes(Val v, size_t *n) {
    Slot *base;
    if (v.t->kind == K_SLICE) {
        GoSlice *s = v.v.p;
        base = s ? s->ptr : NULL;
        *n = (size_t)slice_len(s);
    } else {
        base = v.v.p;
        *n = (size_t)v.t->len;
    }
    char *d = gc_alloc_atomic(*n + 1);
    for (size_t i = 0; i < *n; i++)
        d[i] = (char)base[i].u;
    return d;
}

// Go's fmtBytes for a []byte or [N]byte value [v] whose type prints as [tname].
static void fmt_bytes(Printer *p, Val v, int verb, const char *tname) {
    size_t n;
    char *d = collect_bytes(v, &n);
    bool is_nil = v.t->kind == K_SLICE && v.v.p == NULL;
    switch (verb) {
    case 'v':
    case 'd':
        if (p->fmt.fl.sharp_v) {
            buf_puts(p->buf, tname);
            if (is_nil) {
                buf_puts(p->buf, "(nil)");
                return;
            }
            buf_putc(p->buf, '{');
            for (size_t i = 0; i < n; i++) {
                if (i > 0)
                    buf_puts(p->buf, ", ");
                fmt_0x64(p, (uint8_t)d[i], true);
            }
            buf_putc(p->buf, '}');
        } else {
            buf_putc(p->buf, '[');
            for (size_t i = 0; i < n; i++) {
                if (i > 0)
                    buf_putc(p->buf, ' ');
                fmtb_integer(&p->fmt, (uint8_t)d[i], 10, false, verb, fmtb_ldigits);
            }
            buf_putc(p->buf, ']');
        }
        return;
    }
    if (!fmt_text(p, d, n, verb))
        print_value(p, v, verb, 0);
}

// The address a pointer-like value prints as; false for other kinds.
static bool pointer_of(Val v, uint64_t *u) {
    switch (v.t->kind) {
    case K_SLICE: {
        GoSlice *s = v.v.p;
        *u = s ? (uintptr_t)s->ptr : 0;
        return true;
    }
    case K_CHAN:
    case K_FUNC:
    case K_MAP:
    case K_POINTER:
    case K_UNSAFEPTR:
        *u = (uintptr_t)v.v.p;
        return true;
    default:
        return false;
    }
}

static void fmt_pointer(Printer *p, Val v, int verb) {
    uint64_t u;
    if (!pointer_of(v, &u)) {
        fmt_bad_verb(p, verb);
        return;
    }
    switch (verb) {
    case 'v':
        if (p->fmt.fl.sharp_v) {
            buf_putc(p->buf, '(');
            put_type(p, v.t);
            buf_puts(p->buf, ")(");
            if (u == 0)
                buf_puts(p->buf, "nil");
            else
                fmt_0x64(p, u, true);
            buf_putc(p->buf, ')');
        } else if (u == 0) {
            fmtb_pad_str(&p->fmt, "<nil>");
        } else {
            fmt_0x64(p, u, !p->fmt.fl.sharp);
        }
        return;
    case 'p':
        fmt_0x64(p, u, !p->fmt.fl.sharp);
        return;
    case 'b':
    case 'o':
    case 'd':
    case 'x':
    case 'X':
        fmt_integer(p, u, false, verb);
        return;
    }
    fmt_bad_verb(p, verb);
}

// ---- printArg / printValue ----

static bool is_int_kind(Kind k) {
    return k >= K_INT && k <= K_INT64;
}

static bool is_uint_kind(Kind k) {
    return k >= K_UINT && k <= K_UINTPTR;
}

// Kinds printed without reflection or methods (the printer's basic cases).
static bool print_basic(Printer *p, Val v, int verb) {
    Kind k = v.t->kind;
    if (k == K_BOOL)
        fmt_bool(p, v.v.i != 0, verb);
    else if (is_int_kind(k))
        fmt_integer(p, v.v.u, true, verb);
    else if (is_uint_kind(k))
        fmt_integer(p, v.v.u, false, verb);
    else if (k == K_FLOAT32)
        fmt_float(p, v.v.f, 32, verb);
    else if (k == K_FLOAT64)
        fmt_float(p, v.v.f, 64, verb);
    else if (k == K_COMPLEX64 || k == K_COMPLEX128)
        fmt_complex(p, v.v.p, k == K_COMPLEX64 ? 64 : 128, verb);
    else if (k == K_STRING)
        fmt_string(p, v.v.p, verb);
    else
        return false;
    return true;
}

void fmt_print_arg(Printer *p, Val arg, int verb) {
    if (p->status != RT_OK)
        return;
    p->arg = arg;
    p->value_ok = false;
    if (!arg.t) {
        if (verb == 'T' || verb == 'v')
            fmtb_pad_str(&p->fmt, "<nil>");
        else
            fmt_bad_verb(p, verb);
        return;
    }
    if (verb == 'T') {
        const char *s = type_string(arg.t);
        fmtb_s(&p->fmt, s, strlen(s));
        return;
    }
    if (verb == 'p') {
        fmt_pointer(p, arg, 'p');
        return;
    }
    Type *t = arg.t;
    if (t->kind <= K_STRING && t == types_basic[t->kind]) { // predeclared: no methods
        print_basic(p, arg, verb);
        return;
    }
    if (t->kind == K_SLICE && !t->name && t->elem == types_basic[K_UINT8]) {
        fmt_bytes(p, arg, verb, "[]byte");
        return;
    }
    if (t == reflect_value_type) { // printArg's case reflect.Value
        Val f = reflect_value(arg);
        if (f.t && !f.ro) {
            p->arg = f.t->kind == K_INTERFACE ? iface_elem(f) : f;
            if (p->arg.t && fmt_handle_methods(p, verb))
                return;
        }
        print_value(p, f, verb, 0);
        return;
    }
    if (!fmt_handle_methods(p, verb))
        print_value(p, arg, verb, 0);
}

static void print_map(Printer *p, Val v, int verb, int depth) {
    bool sharp = p->fmt.fl.sharp_v;
    GoMap *m = v.v.p;
    if (sharp) {
        put_type(p, v.t);
        if (!m) {
            buf_puts(p->buf, "(nil)");
            return;
        }
        buf_putc(p->buf, '{');
    } else {
        buf_puts(p->buf, "map[");
    }
    memevent_native(p->g, m, sizeof(Slot), false); // a map is one location (race.h)
    int64_t n = map_len(m), cnt = 0;
    Slot *keys = gc_alloc((size_t)(n + 1) * sizeof(Slot));
    Slot *vals = gc_alloc((size_t)(n + 1) * sizeof(Slot));
    MapIter it;
    map_iter_init(&it, m, 0);
    Slot k, e;
    while (cnt < n && map_iter_next(p->g, &it, &k, &e))
        keys[cnt] = k, vals[cnt++] = e;
    fmtsort_entries(v.t->key, keys, vals, cnt);
    for (int64_t i = 0; i < cnt; i++) {
        if (i > 0)
            buf_puts(p->buf, sharp ? ", " : " ");
        print_value(p, (Val){v.t->key, keys[i], v.ro}, verb, depth + 1);
        buf_putc(p->buf, ':');
        print_value(p, (Val){v.t->elem, vals[i], v.ro}, verb, depth + 1);
    }
    buf_putc(p->buf, sharp ? '}' : ']');
}

static void print_struct(Printer *p, Val v, int verb, int depth) {
    bool sharp = p->fmt.fl.sharp_v;
    if (sharp)
        put_type(p, v.t);
    buf_putc(p->buf, '{');
    Slot *base = v.v.p;
    memevent_native(p->g, base, (uint64_t)v.t->slots * sizeof(Slot), false);
    for (int i = 0; i < v.t->nfields; i++) {
        TField *f = &v.t->fields[i];
        if (i > 0)
            buf_puts(p->buf, sharp ? ", " : " ");
        if ((p->fmt.fl.plus_v || sharp) && f->name && *f->name) {
            buf_puts(p->buf, f->name);
            buf_putc(p->buf, ':');
        }
        Val fv = {f->type, load(f->type, base + f->offset), v.ro || !f->exported};
        if (f->type->kind == K_INTERFACE && fv.v.p) // getField: the value inside
            fv = iface_elem(fv);
        print_value(p, fv, verb, depth + 1);
    }
    buf_putc(p->buf, '}');
}

static void print_list(Printer *p, Val v, int verb, int depth) {
    Type *et = v.t->elem;
    if (et->kind == K_UINT8 && (verb == 's' || verb == 'q' || verb == 'x' || verb == 'X')) {
        fmt_bytes(p, v, verb, type_string(v.t));
        return;
    }
    Slot *base;
    int64_t n;
    if (v.t->kind == K_SLICE) {
        GoSlice *s = v.v.p;
        base = s ? s->ptr : NULL;
        n = slice_len(s);
    } else {
        base = v.v.p;
        n = v.t->len;
    }
    bool sharp = p->fmt.fl.sharp_v;
    if (sharp) {
        put_type(p, v.t);
        if (v.t->kind == K_SLICE && !v.v.p) {
            buf_puts(p->buf, "(nil)");
            return;
        }
    }
    buf_putc(p->buf, sharp ? '{' : '[');
    memevent_native(p->g, base, (uint64_t)(n * et->slots) * sizeof(Slot), false);
    for (int64_t i = 0; i < n; i++) {
        if (i > 0)
            buf_puts(p->buf, sharp ? ", " : " ");
        print_value(p, (Val){et, load(et, base + i * et->slots), v.ro}, verb, depth + 1);
    }
    buf_putc(p->buf, sharp ? '}' : ']');
}

static void print_iface(Printer *p, Val v, int verb, int depth) {
    Val e = iface_elem(v);
    if (e.t) {
        print_value(p, e, verb, depth + 1);
    } else if (p->fmt.fl.sharp_v) {
        put_type(p, v.t);
        buf_puts(p->buf, "(nil)");
    } else {
        buf_puts(p->buf, "<nil>");
    }
}

static void print_value(Printer *p, Val v, int verb, int depth) {
    if (p->status != RT_OK)
        return;
    // A value nested deeper than the M's large stack holds, or one that contains itself (a
    // slice or map holding itself would recurse forever): Go's stack overflows too.
    if (cstack_low())
        rt_stack_overflow(p->g);
    if (depth > 0 && v.t && !v.ro) { // methods of values not handled by printArg
        p->arg = v.t->kind == K_INTERFACE ? iface_elem(v) : v;
        if (fmt_handle_methods(p, verb))
            return;
    }
    p->arg = (Val){0};
    p->value = v;
    p->value_ok = true;
    if (!v.t) {
        if (depth == 0)
            buf_puts(p->buf, "<invalid reflect.Value>");
        else if (verb == 'v')
            buf_puts(p->buf, "<nil>");
        else
            fmt_bad_verb(p, verb);
        return;
    }
    if (print_basic(p, v, verb))
        return;
    switch (v.t->kind) {
    case K_MAP:
        print_map(p, v, verb, depth);
        return;
    case K_STRUCT:
        print_struct(p, v, verb, depth);
        return;
    case K_INTERFACE:
        print_iface(p, v, verb, depth);
        return;
    case K_ARRAY:
    case K_SLICE:
        print_list(p, v, verb, depth);
        return;
    case K_POINTER: {
        Type *et = v.t->elem;
        Kind ek = et->kind;
        // A pointer to an array, slice, struct or map prints as &{...} at the top level only.
        if (depth == 0 && v.v.p &&
            (ek == K_ARRAY || ek == K_SLICE || ek == K_STRUCT || ek == K_MAP)) {
            buf_putc(p->buf, '&');
            print_value(p, (Val){et, load(et, v.v.p), v.ro}, verb, depth + 1);
            return;
        }
        fmt_pointer(p, v, verb);
        return;
    }
    case K_CHAN:
    case K_FUNC:
    case K_UNSAFEPTR:
        fmt_pointer(p, v, verb);
        return;
    default:
        buf_putc(p->buf, '?');
        put_type(p, v.t);
        buf_putc(p->buf, '?');
    }
}

void fmt_printer_init(Printer *p, G *g, Buf *b) {
    memset(p, 0, sizeof *p);
    p->g = g;
    p->buf = b;
    p->fmt.buf = b;
}

RtStatus fmt_value(G *g, Buf *b, Type *t, Slot v, int verb) {
    Printer p;
    fmt_printer_init(&p, g, b);
    Val a = fmt_val(t, v);
    if (t->kind == K_INTERFACE)
        a = iface_elem(a);
    fmt_print_arg(&p, a, verb);
    return p.status;
}
