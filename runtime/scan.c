// The scanning engine of Go's fmt (fmt/scan.go), ported: operands of basic kinds (and named
// types over them) through pointers, Scan/Scanln spacing and newline rules, Scanf formats
// with widths, and Go's error texts. Go signals errors by panicking inside the scanner;
// here the first error is recorded in the Scanner and every step returns early after it.
#include <math.h>

#include "rtype.h"
#include "buf.h"
#include "cplx.h"
#include "numparse.h"
#include "quote.h"
#include "scan_int.h"
#include "utf8.h"
#include "pkg/math_port.h"

enum { HUGE_WID = 1 << 30 };

typedef struct Scanner {
    RuneSrc rs;
    Buf buf;     // token accumulator
    int count;   // runes consumed so far
    bool at_eof; // already read EOF
    bool nl_is_end, nl_is_space;
    int arg_limit, limit, max_wid;
    ScanResult res; // res.err != SCAN_OK: stop
} Scanner;

#define FAILED(s) ((s)->res.err != SCAN_OK)

static void fail_msg(Scanner *s, const char *msg) {
    if (FAILED(s))
        return;
    s->res.err = SCAN_MSG;
    s->res.msg = str_from_c(msg);
}

static void fail(Scanner *s, ScanErr e) {
    if (!FAILED(s))
        s->res.err = e;
}

static int32_t get_rune(Scanner *s) {
    if (FAILED(s) || s->at_eof || s->count >= s->arg_limit)
        return RUNE_EOF;
    int32_t r = rsrc_read(&s->rs);
    if (r >= 0) {
        s->count++;
        if (s->nl_is_end && r == '\n')
            s->at_eof = true;
    } else if (r == RUNE_EOF) {
        s->at_eof = true;
    } else {
        if (s->rs.err == SCAN_GOERR)
            s->res.goerr = s->rs.goerr;
        if (s->rs.err == SCAN_MSG)
            fail_msg(s, "read error");
        fail(s, s->rs.err);
        return RUNE_EOF;
    }
    return r;
}

static int32_t must_read_rune(Scanner *s) {
    int32_t r = get_rune(s);
    if (r == RUNE_EOF)
        fail(s, SCAN_UNEXPECTED_EOF);
    return r;
}

static void unread_rune(Scanner *s) {
    rsrc_unread(&s->rs);
    if (s->rs.err == SCAN_PANIC)
        fail(s, SCAN_PANIC);
    s->at_eof = false;
    s->count--;
}

static bool is_space(int32_t r) {
    static const uint16_t space[][2] = {
        {0x0009, 0x000d}, {0x0020, 0x0020}, {0x0085, 0x0085}, {0x00a0, 0x00a0}, {0x1680, 0x1680},
        {0x2000, 0x200a}, {0x2028, 0x2029}, {0x202f, 0x202f}, {0x205f, 0x205f}, {0x3000, 0x3000},
    };
    if (r < 0 || r >= 1 << 16)
        return false;
    for (size_t i = 0; i < sizeof space / sizeof space[0]; i++) {
        if (r < space[i][0])
            return false;
        if (r <= space[i][1])
            return true;
    }
    return false;
}

static void put_rune(Buf *b, int32_t r) {
    uint8_t tmp[UTF8_MAX];
    buf_put(b, (const char *)tmp, (size_t)utf8_encode(tmp, r));
}

static bool index_rune(const char *ok, int32_t r) {
    const uint8_t *p = (const uint8_t *)ok;
    for (int64_t n = (int64_t)strlen(ok); n > 0;) {
        int32_t c;
        int w = utf8_decode(p, n, &c);
        if (c == r)
            return true;
        p += w, n -= w;
    }
    return false;
}

static bool consume(Scanner *s, const char *ok, bool accept) {
    int32_t r = get_rune(s);
    if (r == RUNE_EOF)
        return false;
    if (index_rune(ok, r)) {
        if (accept)
            put_rune(&s->buf, r);
        return true;
    }
    if (accept)
        unread_rune(s);
    return false;
}

static bool peek(Scanner *s, const char *ok) {
    int32_t r = get_rune(s);
    if (r != RUNE_EOF)
        unread_rune(s);
    return r != RUNE_EOF && index_rune(ok, r);
}

static bool accept(Scanner *s, const char *ok) {
    return consume(s, ok, true);
}

// Out of input: Go panics with io.EOF itself here.
static void not_eof(Scanner *s) {
    if (get_rune(s) == RUNE_EOF) {
        fail(s, SCAN_EOF);
        return;
    }
    unread_rune(s);
}

static void skip_space(Scanner *s) {
    for (;;) {
        int32_t r = get_rune(s);
        if (r == RUNE_EOF)
            return;
        if (r == '\r' && peek(s, "\n"))
            continue;
        if (r == '\n') {
            if (s->nl_is_space)
                continue;
            fail_msg(s, "unexpected newline");
            return;
        }
        if (!is_space(r)) {
            unread_rune(s);
            return;
        }
    }
}

static bool ok_verb(Scanner *s, int32_t verb, const char *verbs, const char *typ) {
    if (index_rune(verbs, verb))
        return true;
    Buf m = {0};
    buf_puts(&m, "bad verb '%");
    put_rune(&m, verb);
    buf_printf(&m, "' for %s", typ);
    fail_msg(s, buf_cstr(&m));
    return false;
}

static bool scan_bool(Scanner *s, int32_t verb) {
    skip_space(s);
    not_eof(s);
    if (FAILED(s) || !ok_verb(s, verb, "tv", "boolean"))
        return false;
    switch (get_rune(s)) {
    case '0':
        return false;
    case '1':
        return true;
    case 't':
    case 'T':
        if (accept(s, "rR") && (!accept(s, "uU") || !accept(s, "eE")))
            fail_msg(s, "syntax error scanning boolean");
        return true;
    case 'f':
    case 'F':
        if (accept(s, "aA") && (!accept(s, "lL") || !accept(s, "sS") || !accept(s, "eE")))
            fail_msg(s, "syntax error scanning boolean");
        return false;
    }
    return false;
}

#define DECIMAL "0123456789"
#define HEXADECIMAL "0123456789aAbBcCdDeEfF"

static int get_base(Scanner *s, int32_t verb, const char **digits) {
    ok_verb(s, verb, "bdoUxXv", "integer");
    *digits = DECIMAL;
    switch (verb) {
    case 'b':
        *digits = "01";
        return 2;
    case 'o':
        *digits = "01234567";
        return 8;
    case 'x':
    case 'X':
    case 'U':
        *digits = HEXADECIMAL;
        return 16;
    }
    return 10;
}

static void scan_number(Scanner *s, const char *digits, bool have_digits) {
    if (!have_digits) {
        not_eof(s);
        if (!FAILED(s) && !accept(s, digits))
            fail_msg(s, "expected integer");
    }
    while (!FAILED(s) && accept(s, digits)) {
    }
}

static int64_t scan_rune(Scanner *s, int bits) {
    not_eof(s);
    int64_t r = get_rune(s);
    if (FAILED(s))
        return 0;
    int sh = 64 - bits;
    if (((int64_t)((uint64_t)r << sh) >> sh) != r) {
        Buf m = {0};
        buf_puts(&m, "overflow on character value ");
        put_rune(&m, (int32_t)r);
        fail_msg(s, buf_cstr(&m));
    }
    return r;
}

// With %v: a 0b / 0o / 0x prefix selects the digits (base 0 for the parser).
static void scan_base_prefix(Scanner *s, int *base, const char **digits, bool *zero) {
    *zero = false;
    *digits = DECIMAL "_";
    if (!peek(s, "0"))
        return;
    *base = 0;
    accept(s, "0");
    *zero = true;
    if (peek(s, "bB")) {
        consume(s, "bB", true);
        *digits = "01_";
    } else if (peek(s, "oO")) {
        consume(s, "oO", true);
        *digits = "01234567_";
    } else if (peek(s, "xX")) {
        consume(s, "xX", true);
        *digits = HEXADECIMAL "_";
    } else {
        *digits = "01234567_";
    }
}

// The strconv error Go's scanner passes through, as its text.
static void parse_error(Scanner *s, const char *fn, NumErr e, int base) {
    Buf m = {0};
    buf_printf(&m, "strconv.%s: parsing ", fn);
    quote_string(&m, s->buf.data ? s->buf.data : "", s->buf.len, '"', false, false);
    if (e == NUM_BASE)
        buf_printf(&m, ": invalid base %d", base);
    else
        buf_puts(&m, e == NUM_RANGE ? ": value out of range" : ": invalid syntax");
    fail_msg(s, buf_cstr(&m));
}

// The digits of an integer operand in s->buf; returns the parser's base.
static int int_token(Scanner *s, int32_t verb, bool is_signed) {
    skip_space(s);
    not_eof(s);
    const char *digits;
    int base = get_base(s, verb, &digits);
    bool have = false;
    if (FAILED(s))
        return base;
    if (verb == 'U') {
        if (!consume(s, "U", false) || !consume(s, "+", false))
            fail_msg(s, "bad unicode format ");
    } else {
        if (is_signed)
            accept(s, "+-");
        if (verb == 'v') {
            base = 10;
            scan_base_prefix(s, &base, &digits, &have);
        }
    }
    scan_number(s, digits, have);
    return base;
}

static int64_t scan_int(Scanner *s, int32_t verb, int bits) {
    if (verb == 'c')
        return scan_rune(s, bits);
    int base = int_token(s, verb, true);
    if (FAILED(s))
        return 0;
    int64_t i;
    NumErr e = numparse_int(s->buf.data, s->buf.len, base, 64, &i);
    if (e != NUM_OK) {
        parse_error(s, "ParseInt", e, base);
        return 0;
    }
    int sh = 64 - bits;
    if (((int64_t)((uint64_t)i << sh) >> sh) != i) {
        Buf m = {0};
        buf_printf(&m, "integer overflow on token %s", buf_cstr(&s->buf));
        fail_msg(s, buf_cstr(&m));
    }
    return i;
}

static uint64_t scan_uint(Scanner *s, int32_t verb, int bits) {
    if (verb == 'c')
        return (uint64_t)scan_rune(s, bits);
    int base = int_token(s, verb, false);
    if (FAILED(s))
        return 0;
    uint64_t u;
    NumErr e = numparse_uint(s->buf.data, s->buf.len, base, 64, &u);
    if (e != NUM_OK) {
        parse_error(s, "ParseUint", e, base);
        return 0;
    }
    int sh = 64 - bits;
    if (((u << sh) >> sh) != u) {
        Buf m = {0};
        buf_printf(&m, "unsigned integer overflow on token %s", buf_cstr(&s->buf));
        fail_msg(s, buf_cstr(&m));
    }
    return u;
}

static void float_token(Scanner *s) {
    buf_truncate(&s->buf, 0);
    if (accept(s, "nN") && accept(s, "aA") && accept(s, "nN"))
        return;
    accept(s, "+-");
    if (accept(s, "iI") && accept(s, "nN") && accept(s, "fF"))
        return;
    const char *digits = DECIMAL "_", *exp = "eEpP";
    if (accept(s, "0") && accept(s, "xX")) {
        digits = HEXADECIMAL "_";
        exp = "pP";
    }
    while (accept(s, digits)) {
    }
    if (accept(s, "."))
        while (accept(s, digits)) {
        }
    if (accept(s, exp)) {
        accept(s, "+-");
        while (accept(s, DECIMAL "_")) {
        }
    }
}

static double convert_float(Scanner *s, int bits) {
    const char *str = buf_cstr(&s->buf);
    size_t n = s->buf.len;
    const char *p = memchr(str, 'p', n);
    double f;
    if (p && !memchr(str, 'x', n) && !memchr(str, 'X', n)) { // decimal mantissa, binary exp
        NumErr e = numparse_float(str, (size_t)(p - str), bits, &f);
        int64_t m;
        NumErr e2 = e == NUM_OK ? numparse_int(p + 1, n - (size_t)(p - str) - 1, 10, 64, &m) : e;
        if (e != NUM_OK || e2 != NUM_OK) {
            parse_error(s, e != NUM_OK ? "ParseFloat" : "Atoi", e != NUM_OK ? e : e2, 10);
            return 0;
        }
        return gm_ldexp(f, m > 100000 ? 100000 : m < -100000 ? -100000 : m);
    }
    NumErr e = numparse_float(str, n, bits, &f);
    if (e != NUM_OK)
        parse_error(s, "ParseFloat", e, 10);
    return f;
}

static double scan_float(Scanner *s, int32_t verb, int bits) {
    if (!ok_verb(s, verb, "beEfFgGv", bits == 32 ? "float32" : "float64"))
        return 0;
    skip_space(s);
    not_eof(s);
    if (FAILED(s))
        return 0;
    float_token(s);
    if (FAILED(s))
        return 0;
    double f = convert_float(s, bits);
    return bits == 32 ? (double)(float)f : f;
}

// The float in [tok] (a token float_token read earlier), as convert_float reads s->buf.
static double convert_saved(Scanner *s, const char *tok, int bits) {
    buf_truncate(&s->buf, 0);
    buf_puts(&s->buf, tok);
    double f = convert_float(s, bits);
    return bits == 32 ? (double)(float)f : f;
}

// scanComplex / complexTokens: an optionally parenthesized N+Ni, no spaces inside.
static GoComplex *scan_complex(Scanner *s, int32_t verb, int bits) {
    if (!ok_verb(s, verb, "beEfFgGv", "complex"))
        return NULL;
    skip_space(s);
    not_eof(s);
    if (FAILED(s))
        return NULL;
    bool parens = accept(s, "(");
    float_token(s);
    char *re = gc_strdup(buf_cstr(&s->buf));
    buf_truncate(&s->buf, 0);
    if (!accept(s, "+-"))
        fail_msg(s, "syntax error scanning complex number");
    char sign = s->buf.len ? s->buf.data[0] : '+';
    float_token(s);
    Buf im = {0};
    buf_putc(&im, sign);
    buf_puts(&im, buf_cstr(&s->buf));
    if (!accept(s, "i") || (parens && !accept(s, ")")))
        fail_msg(s, "syntax error scanning complex number");
    if (FAILED(s))
        return NULL;
    double r = convert_saved(s, re, bits / 2);
    double i = convert_saved(s, buf_cstr(&im), bits / 2);
    return cplx_new(r, i);
}

static void token(Scanner *s) {
    skip_space(s);
    for (;;) {
        int32_t r = get_rune(s);
        if (r == RUNE_EOF)
            return;
        if (is_space(r)) {
            unread_rune(s);
            return;
        }
        put_rune(&s->buf, r);
    }
}

// %q: a backquoted or double-quoted Go string.
static GoString *quoted_string(Scanner *s) {
    not_eof(s);
    int32_t quote = get_rune(s);
    if (FAILED(s))
        return NULL;
    if (quote == '`') {
        for (;;) {
            int32_t r = must_read_rune(s);
            if (FAILED(s) || r == quote)
                return buf_to_gostr(&s->buf);
            put_rune(&s->buf, r);
        }
    }
    if (quote != '"') {
        fail_msg(s, "expected quoted string");
        return NULL;
    }
    buf_putc(&s->buf, '"');
    for (;;) {
        int32_t r = must_read_rune(s);
        if (FAILED(s))
            return NULL;
        put_rune(&s->buf, r);
        if (r == '\\')
            put_rune(&s->buf, must_read_rune(s));
        else if (r == '"')
            break;
    }
    Buf out = {0};
    if (!quote_unquote(s->buf.data, s->buf.len, &out)) {
        fail_msg(s, "invalid syntax");
        return NULL;
    }
    return buf_to_gostr(&out);
}

// %x: pairs of hex digits, as bytes.
static GoString *hex_string(Scanner *s) {
    not_eof(s);
    while (!FAILED(s)) {
        int32_t r1 = get_rune(s);
        if (r1 == RUNE_EOF)
            break;
        int v1 = quote_unhex(r1);
        if (v1 < 0) {
            unread_rune(s);
            break;
        }
        int v2 = quote_unhex(must_read_rune(s));
        if (v2 < 0) {
            fail_msg(s, "illegal hex digit");
            break;
        }
        buf_putc(&s->buf, (char)(v1 << 4 | v2));
    }
    if (!FAILED(s) && s->buf.len == 0)
        fail_msg(s, "no hex data for %x string");
    return FAILED(s) ? NULL : buf_to_gostr(&s->buf);
}

static GoString *convert_string(Scanner *s, int32_t verb) {
    if (!ok_verb(s, verb, "svqxX", "string"))
        return NULL;
    skip_space(s);
    not_eof(s);
    if (FAILED(s))
        return NULL;
    if (verb == 'q')
        return quoted_string(s);
    if (verb == 'x' || verb == 'X')
        return hex_string(s);
    token(s); // %s and %v: the next word
    return buf_to_gostr(&s->buf);
}

static int kind_bits(Kind k) {
    switch (k) {
    case K_INT8:
    case K_UINT8:
        return 8;
    case K_INT16:
    case K_UINT16:
        return 16;
    case K_INT32:
    case K_UINT32:
    case K_FLOAT32:
        return 32;
    default:
        return 64;
    }
}

static GoSlice *bytes_of(Type *elem, const GoString *str) {
    int64_t n = str_len(str);
    GoSlice *b = slice_make(elem, n, n);
    for (int64_t i = 0; i < n; i++)
        b->ptr[i].u = (uint8_t)str->data[i];
    return b;
}

// One operand: [arg] must be a non-nil pointer to a variable of a scannable kind.
static void scan_one(Scanner *s, int32_t verb, GoIface *arg) {
    buf_truncate(&s->buf, 0);
    Type *pt = arg ? arg->type : NULL;
    if (!pt || pt->kind != K_POINTER) {
        Buf m = {0};
        buf_printf(&m, "type not a pointer: %s", pt ? type_string(pt) : "<nil>");
        fail_msg(s, buf_cstr(&m));
        return;
    }
    Slot *p = arg->val.p, v = {0};
    Type *et = pt->elem;
    Kind k = et->kind;
    if (k == K_BOOL)
        v.i = scan_bool(s, verb);
    else if (k >= K_INT && k <= K_INT64)
        v.i = scan_int(s, verb, kind_bits(k));
    else if (k >= K_UINT && k <= K_UINTPTR)
        v.u = scan_uint(s, verb, kind_bits(k));
    else if (k == K_FLOAT32 || k == K_FLOAT64)
        v.f = scan_float(s, verb, kind_bits(k));
    else if (k == K_COMPLEX64 || k == K_COMPLEX128)
        v.p = scan_complex(s, verb, k == K_COMPLEX64 ? 64 : 128);
    else if (k == K_STRING)
        v.p = convert_string(s, verb);
    else if (k == K_SLICE && et->elem->kind == K_UINT8)
        v.p = bytes_of(et->elem, convert_string(s, verb));
    else {
        Buf m = {0};
        buf_printf(&m, "can't scan type: %s", type_string(pt));
        fail_msg(s, buf_cstr(&m));
        return;
    }
    if (FAILED(s))
        return;
    if (!p) {
        rt_panic_runtime(s->rs.g, "invalid memory address or nil pointer dereference");
        fail(s, SCAN_PANIC);
        return;
    }
    *p = v;
}

static void do_scan(Scanner *s, const Slot *args, int nargs) {
    for (int i = 0; i < nargs; i++) {
        scan_one(s, 'v', args[i].p);
        if (FAILED(s))
            return;
        s->res.n++;
    }
    if (!s->nl_is_end)
        return;
    for (;;) {
        int32_t r = get_rune(s);
        if (r == '\n' || r == RUNE_EOF)
            return;
        if (!is_space(r)) {
            fail_msg(s, "expected newline");
            return;
        }
    }
}

static int32_t decode_at(const GoString *f, int64_t i, int *w) {
    int32_t r;
    *w = utf8_decode((const uint8_t *)str_data(f) + i, str_len(f) - i, &r);
    return r;
}

// Spaces in the format: newlines must match newlines in the input, other spaces match
// zero or more spaces (at least one unless the format has newlines).
static void advance_space(Scanner *s, const GoString *f, int64_t *i) {
    int w, newlines = 0;
    bool trailing = false;
    int32_t fc = decode_at(f, *i, &w);
    while (is_space(fc) && *i < str_len(f)) {
        if (fc == '\n')
            newlines++, trailing = false;
        else
            trailing = true;
        *i += w;
        fc = decode_at(f, *i, &w);
    }
    for (int j = 0; j < newlines && !FAILED(s); j++) {
        int32_t in = get_rune(s);
        while (is_space(in) && in != '\n')
            in = get_rune(s);
        if (in != '\n' && in != RUNE_EOF)
            fail_msg(s, "newline in format does not match input");
    }
    if (!trailing || FAILED(s))
        return;
    int32_t in = get_rune(s);
    if (newlines == 0) {
        if (!is_space(in) && in != RUNE_EOF)
            fail_msg(s, "expected space in input to match format");
        if (in == '\n')
            fail_msg(s, "newline in input does not match format");
    }
    while (is_space(in) && in != '\n')
        in = get_rune(s);
    if (in != RUNE_EOF)
        unread_rune(s);
}

// Go's ss.advance over format[i0:]: bytes consumed, 0 at a verb, -1 on a mismatch.
static int64_t advance(Scanner *s, const GoString *f, int64_t i0) {
    int64_t i = i0, n = str_len(f);
    while (i < n && !FAILED(s)) {
        int w;
        int32_t fc = decode_at(f, i, &w);
        if (is_space(fc)) {
            advance_space(s, f, &i);
            continue;
        }
        if (fc == '%') {
            if (i + w == n) {
                fail_msg(s, "missing verb: % at end of format string");
                return i - i0;
            }
            int w2;
            if (decode_at(f, i + w, &w2) != '%')
                return i - i0;
            i += w; // a literal %%: match one %
        }
        int32_t in = must_read_rune(s);
        if (FAILED(s))
            return i - i0;
        if (fc != in) {
            unread_rune(s);
            return -1;
        }
        i += w;
    }
    return i - i0;
}

// Go's parsenum(format, i, end) as doScanf uses it.
static int parse_width(const GoString *f, int64_t *i, int64_t end, bool *present) {
    int num = 0;
    *present = false;
    for (; *i < end && f->data[*i] >= '0' && f->data[*i] <= '9'; ++*i) {
        if (num > 1000000) {
            *i = end;
            *present = false;
            return 0;
        }
        num = num * 10 + (f->data[*i] - '0');
        *present = true;
    }
    return num;
}

static void do_scanf(Scanner *s, const GoString *f, const Slot *args, int nargs) {
    int64_t end = str_len(f) - 1;
    for (int64_t i = 0; i <= end && !FAILED(s);) {
        int64_t w = advance(s, f, i);
        if (FAILED(s))
            return;
        if (w > 0) {
            i += w;
            continue;
        }
        if (f->data[i] != '%') {
            if (w < 0)
                fail_msg(s, "input does not match format");
            return;
        }
        i++;
        bool present;
        s->max_wid = parse_width(f, &i, end, &present);
        if (!present)
            s->max_wid = HUGE_WID;
        int cw;
        int32_t c = decode_at(f, i, &cw);
        i += cw;
        if (c != 'c')
            skip_space(s);
        if (c == '%') {
            skip_space(s);
            not_eof(s);
            if (!FAILED(s) && !accept(s, "%"))
                fail_msg(s, "missing literal %");
            continue;
        }
        s->arg_limit = s->limit;
        if (s->count + s->max_wid < s->arg_limit)
            s->arg_limit = s->count + s->max_wid;
        if (s->res.n >= nargs) {
            Buf m = {0};
            buf_puts(&m, "too few operands for format '%");
            buf_put(&m, f->data + i - cw, (size_t)(str_len(f) - (i - cw)));
            buf_putc(&m, '\'');
            fail_msg(s, buf_cstr(&m));
            return;
        }
        scan_one(s, c, args[s->res.n].p);
        if (FAILED(s))
            return;
        s->res.n++;
        s->arg_limit = s->limit;
    }
    if (!FAILED(s) && s->res.n < nargs)
        fail_msg(s, "too many operands");
}

ScanResult scan_run(G *g, const ScanSource *src, ScanMode mode, const GoString *format,
                    const Slot *args, int nargs) {
    Scanner s;
    memset(&s, 0, sizeof s);
    rsrc_init(&s.rs, g, src);
    s.nl_is_space = mode == SCAN_SPACE;
    s.nl_is_end = mode == SCAN_LINE;
    s.limit = s.arg_limit = s.max_wid = HUGE_WID;
    if (mode == SCAN_FORMAT)
        do_scanf(&s, format, args, nargs);
    else
        do_scan(&s, args, nargs);
    return s.res;
}
