// Natives of package strconv (runtime/pkg/strconv.go): number formatting and parsing cores
// and quoting, over runtime/numfmt.c, numparse.c and quote.c. Parsers return Go's error
// category as a code; strconv.go builds the *NumError.
#include "buf.h"
#include "isprint.h"
#include "native.h"
#include "numfmt.h"
#include "numparse.h"
#include "quote.h"

static GoString *buf_string(Buf *b) {
    return b->len ? str_wrap(b->data, (int64_t)b->len) : NULL;
}

#define STR_ARGS(s) str_data(s), (size_t)str_len(s)

// parseInt(s string, base int, bitSize int) (int64, int)
static RtStatus nat_parse_int(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    res[1].i = numparse_int(STR_ARGS(args[0].p), (int)args[1].i, (int)args[2].i, &res[0].i);
    return RT_OK;
}

static RtStatus nat_parse_uint(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    res[1].i = numparse_uint(STR_ARGS(args[0].p), (int)args[1].i, (int)args[2].i, &res[0].u);
    return RT_OK;
}

static RtStatus nat_parse_float(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    res[1].i = numparse_float(STR_ARGS(args[0].p), (int)args[1].i, &res[0].f);
    return RT_OK;
}

static RtStatus format_int(G *g, uint64_t u, int64_t base, bool neg, Slot *res) {
    if (base < 2 || base > 36)
        return rt_panic_str(g, "strconv: illegal AppendInt/FormatInt base");
    Buf b = {0};
    numfmt_bits(&b, u, (int)base, neg);
    res[0].p = buf_string(&b);
    return RT_OK;
}

static RtStatus nat_itoa(G *g, Slot *args, Slot *res) {
    int64_t v = args[0].i;
    return format_int(g, v < 0 ? -(uint64_t)v : (uint64_t)v, 10, v < 0, res);
}

static RtStatus nat_format_int(G *g, Slot *args, Slot *res) {
    int64_t v = args[0].i;
    return format_int(g, v < 0 ? -(uint64_t)v : (uint64_t)v, args[1].i, v < 0, res);
}

static RtStatus nat_format_uint(G *g, Slot *args, Slot *res) {
    return format_int(g, args[0].u, args[1].i, false, res);
}

// FormatFloat(f float64, fmt byte, prec, bitSize int) string
static RtStatus nat_format_float(G *g, Slot *args, Slot *res) {
    int64_t bits = args[3].i;
    if (bits != 32 && bits != 64)
        return rt_panic_str(g, "strconv: illegal AppendFloat/FormatFloat bitSize");
    int64_t prec = args[2].i;
    if (prec > 100000000)
        prec = 100000000; // Go would run out of memory first
    Buf b = {0};
    numfmt_float(&b, args[0].f, (char)args[1].u, (int)prec, (int)bits);
    res[0].p = buf_string(&b);
    return RT_OK;
}

// quote(s string, ascii, graphic bool) string
static RtStatus nat_quote(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    Buf b = {0};
    quote_string(&b, STR_ARGS(args[0].p), '"', args[1].i != 0, args[2].i != 0);
    res[0].p = buf_string(&b);
    return RT_OK;
}

// quoteRune(r rune, ascii, graphic bool) string
static RtStatus nat_quote_rune(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    Buf b = {0};
    quote_rune(&b, args[0].i, '\'', args[1].i != 0, args[2].i != 0);
    res[0].p = buf_string(&b);
    return RT_OK;
}

static RtStatus nat_can_backquote(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = quote_can_backquote(STR_ARGS(args[0].p));
    return RT_OK;
}

static RtStatus nat_is_print(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = isprint_rune((int32_t)args[0].i);
    return RT_OK;
}

static RtStatus nat_is_graphic(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = isprint_graphic((int32_t)args[0].i);
    return RT_OK;
}

// unquote(s string) (string, bool)
static RtStatus nat_unquote(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    Buf b = {0};
    bool ok = quote_unquote(STR_ARGS(args[0].p), &b);
    res[0].p = ok ? buf_string(&b) : NULL;
    res[1].i = ok;
    return RT_OK;
}

// unquoteChar(s string, quote byte) (value rune, multibyte bool, tail string, ok bool)
static RtStatus nat_unquote_char(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    GoString *s = args[0].p;
    int32_t v = 0;
    bool mb = false;
    size_t used = 0;
    bool ok = quote_unquote_char(STR_ARGS(s), (char)args[1].u, &v, &mb, &used);
    res[0].i = ok ? v : 0;
    res[1].i = ok && mb;
    res[2].p = ok ? str_slice(s, (int64_t)used, str_len(s)) : NULL;
    res[3].i = ok;
    return RT_OK;
}

static const NativeEntry strconv_natives[] = {
    {"strconv.parseInt", nat_parse_int},
    {"strconv.parseUint", nat_parse_uint},
    {"strconv.parseFloat", nat_parse_float},
    {"strconv.Itoa", nat_itoa},
    {"strconv.FormatInt", nat_format_int},
    {"strconv.FormatUint", nat_format_uint},
    {"strconv.FormatFloat", nat_format_float},
    {"strconv.quote", nat_quote},
    {"strconv.quoteRune", nat_quote_rune},
    {"strconv.CanBackquote", nat_can_backquote},
    {"strconv.IsPrint", nat_is_print},
    {"strconv.IsGraphic", nat_is_graphic},
    {"strconv.unquote", nat_unquote},
    {"strconv.unquoteChar", nat_unquote_char},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(strconv_natives)
