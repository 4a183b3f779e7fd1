// Go's pp.doPrintf / doPrint / doPrintln (fmt/print.go), ported: flags, width and precision
// (also from `*` operands), explicit argument indexes %[n]d, and the error forms
// %!d(MISSING), %!d(BADINDEX), %!(BADWIDTH), %!(BADPREC), %!(NOVERB), %!(EXTRA ...).
// %w follows Go 1.20+: any number of %w verbs, recorded for Errorf.
#include <stdlib.h>

#include "rtype.h"
#include "format_int.h"
#include "utf8.h"

static Val arg_at(const Slot *args, int i) {
    GoIface *x = args[i].p;
    return x ? fmt_val(x->type, x->val) : (Val){0};
}

static bool too_large(int64_t x) {
    return x > 1000000 || x < -1000000;
}

// A decimal number at s[*i..end); false (and *i = end on overflow) if none.
static bool parse_num(const char *s, int *i, int end, int *num) {
    *num = 0;
    bool isnum = false;
    for (; *i < end && s[*i] >= '0' && s[*i] <= '9'; ++*i) {
        if (too_large(*num)) {
            *num = 0;
            *i = end;
            return false;
        }
        *num = *num * 10 + (s[*i] - '0');
        isnum = true;
    }
    return isnum;
}

// Go's intFromArg: operand [*argnum] as a width or precision.
static bool int_from_arg(const Slot *args, int nargs, int *argnum, int *num) {
    *num = 0;
    if (*argnum >= nargs)
        return false;
    Val a = arg_at(args, (*argnum)++);
    int64_t n = 0;
    bool ok = false;
    if (a.t && a.t->kind >= K_INT && a.t->kind <= K_INT64)
        n = a.v.i, ok = true;
    else if (a.t && a.t->kind >= K_UINT && a.t->kind <= K_UINTPTR && (int64_t)a.v.u >= 0)
        n = (int64_t)a.v.u, ok = true;
    if (too_large(n))
        return false;
    *num = (int)n;
    return ok;
}

// Go's argNumber: an explicit index [n] at format[*i]; updates *argnum and *i.
static bool arg_number(Printer *p, int *argnum, const char *f, int *i, int end, int nargs) {
    if (*i >= end || f[*i] != '[')
        return false;
    p->reordered = true;
    int close = -1;
    if (end - *i >= 3)
        for (int j = *i + 1; j < end; j++)
            if (f[j] == ']') {
                close = j;
                break;
            }
    if (close < 0) { // no closing bracket: consume the '['
        ++*i;
        p->good_argnum = false;
        return false;
    }
    int k = *i + 1, idx;
    bool ok = parse_num(f, &k, close, &idx) && k == close;
    *i = close + 1;
    if (ok && idx - 1 >= 0 && idx - 1 < nargs) {
        *argnum = idx - 1;
        return true;
    }
    p->good_argnum = false;
    return ok;
}

static void put_verb_error(Printer *p, int verb, const char *what) {
    buf_puts(p->buf, "%!");
    uint8_t tmp[UTF8_MAX];
    buf_put(p->buf, (const char *)tmp, (size_t)utf8_encode(tmp, verb));
    buf_puts(p->buf, what);
}

// Flags, then the fast path for a plain lower-case verb. Returns true if it printed.
static bool parse_flags(Printer *p, const char *f, int *i, int end, const Slot *args, int nargs,
                        int *argnum) {
    FmtFlags *fl = &p->fmt.fl;
    for (; *i < end; ++*i) {
        char c = f[*i];
        switch (c) {
        case '#':
            fl->sharp = true;
            continue;
        case '0': // (State.Flag('0') reports it even beside '-', as Go 1.23's)
            fl->zero = true;
            continue;
        case '+':
            fl->plus = true;
            continue;
        case '-':
            fl->minus = true;
            continue;
        case ' ':
            fl->space = true;
            continue;
        }
        if (c >= 'a' && c <= 'z' && *argnum < nargs) {
            if (c == 'w')
                vec_push(&p->wrapped, *argnum);
            if (c == 'v' || c == 'w') {
                fl->sharp_v = fl->sharp, fl->sharp = false;
                fl->plus_v = fl->plus, fl->plus = false;
            }
            fmt_print_arg(p, arg_at(args, *argnum), c);
            ++*argnum;
            ++*i;
            return true;
        }
        return false;
    }
    return false;
}

// Width and precision, literal or from `*` operands, with explicit indexes around them.
static bool parse_wid_prec(Printer *p, const char *f, int *i, int end, const Slot *args, int nargs,
                           int *argnum) {
    Fmt *fm = &p->fmt;
    bool after_index = arg_number(p, argnum, f, i, end, nargs);
    if (*i < end && f[*i] == '*') {
        ++*i;
        fm->fl.wid_present = int_from_arg(args, nargs, argnum, &fm->wid);
        if (!fm->fl.wid_present)
            buf_puts(p->buf, "%!(BADWIDTH)");
        if (fm->wid < 0) {
            fm->wid = -fm->wid;
            fm->fl.minus = true, fm->fl.zero = false;
        }
        after_index = false;
    } else {
        fm->fl.wid_present = parse_num(f, i, end, &fm->wid);
        if (after_index && fm->fl.wid_present) // "%[3]2d"
            p->good_argnum = false;
    }
    if (*i + 1 < end && f[*i] == '.') {
        ++*i;
        if (after_index) // "%[3].2d"
            p->good_argnum = false;
        after_index = arg_number(p, argnum, f, i, end, nargs);
        if (*i < end && f[*i] == '*') {
            ++*i;
            fm->fl.prec_present = int_from_arg(args, nargs, argnum, &fm->prec);
            if (fm->prec < 0) {
                fm->prec = 0;
                fm->fl.prec_present = false;
            }
            if (!fm->fl.prec_present)
                buf_puts(p->buf, "%!(BADPREC)");
            after_index = false;
        } else {
            fm->fl.prec_present = parse_num(f, i, end, &fm->prec);
            if (!fm->fl.prec_present) {
                fm->prec = 0;
                fm->fl.prec_present = true;
            }
        }
    }
    if (!after_index)
        after_index = arg_number(p, argnum, f, i, end, nargs);
    return after_index;
}

static void print_extra(Printer *p, const Slot *args, int nargs, int argnum) {
    memset(&p->fmt.fl, 0, sizeof p->fmt.fl);
    buf_puts(p->buf, "%!(EXTRA ");
    for (int i = argnum; i < nargs; i++) {
        if (i > argnum)
            buf_puts(p->buf, ", ");
        Val a = arg_at(args, i);
        if (!a.t) {
            buf_puts(p->buf, "<nil>");
            continue;
        }
        buf_puts(p->buf, type_string(a.t));
        buf_putc(p->buf, '=');
        fmt_print_arg(p, a, 'v');
    }
    buf_putc(p->buf, ')');
}

// One verb after its flags, width and precision; returns false at the end of the format.
static bool do_verb(Printer *p, const char *f, int *i, int end, const Slot *args, int nargs,
                    int *argnum) {
    if (*i >= end) {
        buf_puts(p->buf, "%!(NOVERB)");
        return false;
    }
    int32_t verb = (unsigned char)f[*i];
    int size = 1;
    if (verb >= 0x80)
        size = utf8_decode((const uint8_t *)f + *i, end - *i, &verb);
    *i += size;
    FmtFlags *fl = &p->fmt.fl;
    if (verb == '%') {
        buf_putc(p->buf, '%'); // absorbs no operand, ignores width and precision
    } else if (!p->good_argnum) {
        put_verb_error(p, verb, "(BADINDEX)");
    } else if (*argnum >= nargs) {
        put_verb_error(p, verb, "(MISSING)");
    } else {
        if (verb == 'w')
            vec_push(&p->wrapped, *argnum);
        if (verb == 'v' || verb == 'w') {
            fl->sharp_v = fl->sharp, fl->sharp = false;
            fl->plus_v = fl->plus, fl->plus = false;
        }
        fmt_print_arg(p, arg_at(args, *argnum), verb);
        ++*argnum;
    }
    return true;
}

static void do_printf(Printer *p, const GoString *format, const Slot *args, int nargs) {
    const char *f = str_data(format);
    int end = (int)str_len(format), argnum = 0;
    p->reordered = false;
    for (int i = 0; i < end && p->status == RT_OK;) {
        p->good_argnum = true;
        int lasti = i;
        while (i < end && f[i] != '%')
            i++;
        if (i > lasti)
            buf_put(p->buf, f + lasti, (size_t)(i - lasti));
        if (i >= end)
            break;
        i++; // the '%'
        memset(&p->fmt.fl, 0, sizeof p->fmt.fl);
        if (parse_flags(p, f, &i, end, args, nargs, &argnum))
            continue;
        parse_wid_prec(p, f, &i, end, args, nargs, &argnum);
        if (!do_verb(p, f, &i, end, args, nargs, &argnum))
            break;
    }
    if (p->status == RT_OK && !p->reordered && argnum < nargs)
        print_extra(p, args, nargs, argnum);
}

RtStatus fmt_sprintf(G *g, Buf *b, const GoString *format, const Slot *args, int nargs) {
    Printer p;
    fmt_printer_init(&p, g, b);
    do_printf(&p, format, args, nargs);
    return p.status;
}

static int cmp_int(const void *a, const void *b) {
    return *(const int *)a - *(const int *)b;
}

RtStatus fmt_errorf(G *g, Buf *b, const GoString *format, const Slot *args, int nargs,
                    int **wrapped, int *nwrapped) {
    Printer p;
    fmt_printer_init(&p, g, b);
    p.wrap_errs = true;
    do_printf(&p, format, args, nargs);
    if (p.reordered && p.wrapped.n > 1) { // sort and deduplicate, as Go 1.20+
        qsort(p.wrapped.v, (size_t)p.wrapped.n, sizeof(int), cmp_int);
        int k = 1;
        for (int i = 1; i < p.wrapped.n; i++)
            if (p.wrapped.v[i] != p.wrapped.v[k - 1])
                p.wrapped.v[k++] = p.wrapped.v[i];
        p.wrapped.n = k;
    }
    *wrapped = p.wrapped.v;
    *nwrapped = p.wrapped.n;
    return p.status;
}

RtStatus fmt_sprint(G *g, Buf *b, const Slot *args, int nargs) {
    Printer p;
    fmt_printer_init(&p, g, b);
    bool prev_string = false;
    for (int i = 0; i < nargs && p.status == RT_OK; i++) {
        Val a = arg_at(args, i);
        bool is_string = a.t && a.t->kind == K_STRING;
        if (i > 0 && !is_string && !prev_string) // a space between two non-strings
            buf_putc(b, ' ');
        fmt_print_arg(&p, a, 'v');
        prev_string = is_string;
    }
    return p.status;
}

RtStatus fmt_sprintln(G *g, Buf *b, const Slot *args, int nargs) {
    Printer p;
    fmt_printer_init(&p, g, b);
    for (int i = 0; i < nargs && p.status == RT_OK; i++) {
        if (i > 0)
            buf_putc(b, ' ');
        fmt_print_arg(&p, arg_at(args, i), 'v');
    }
    buf_putc(b, '\n');
    return p.status;
}
