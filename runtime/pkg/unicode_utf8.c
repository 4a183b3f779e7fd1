// Natives of package unicode/utf8 (runtime/pkg/unicode_utf8.go) over runtime/utf8.c. A
// []byte argument holds one byte per slot, so decoders first copy the bytes they need.
#include "native.h"
#include "pkgutil.h"
#include "utf8.h"

#define SDATA(s) (const uint8_t *)str_data(s), str_len(s)

static RtStatus nat_full_rune(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    uint8_t buf[UTF8_MAX];
    GoSlice *p = a[0].p;
    int64_t n = slice_len(p) < UTF8_MAX ? slice_len(p) : UTF8_MAX;
    bytes_get(p, 0, n, buf);
    res[0].i = utf8_full_rune(buf, n);
    return RT_OK;
}

static RtStatus nat_full_rune_in_string(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = utf8_full_rune(SDATA(a[0].p));
    return RT_OK;
}

static RtStatus nat_decode_rune(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    uint8_t buf[UTF8_MAX];
    GoSlice *p = a[0].p;
    int64_t n = slice_len(p) < UTF8_MAX ? slice_len(p) : UTF8_MAX;
    bytes_get(p, 0, n, buf);
    int32_t r;
    res[1].i = utf8_decode(buf, n, &r);
    res[0].i = r;
    return RT_OK;
}

static RtStatus nat_decode_rune_in_string(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    int32_t r;
    res[1].i = utf8_decode(SDATA(a[0].p), &r);
    res[0].i = r;
    return RT_OK;
}

static RtStatus nat_decode_last_rune(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    uint8_t buf[UTF8_MAX];
    GoSlice *p = a[0].p;
    int64_t len = slice_len(p), n = len < UTF8_MAX ? len : UTF8_MAX;
    bytes_get(p, len - n, n, buf);
    int32_t r;
    res[1].i = utf8_decode_last(buf, n, &r);
    res[0].i = r;
    return RT_OK;
}

static RtStatus nat_decode_last_rune_in_string(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    int32_t r;
    res[1].i = utf8_decode_last(SDATA(a[0].p), &r);
    res[0].i = r;
    return RT_OK;
}

static RtStatus nat_rune_len(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = utf8_rune_len(a[0].i);
    return RT_OK;
}

static RtStatus nat_rune_count(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    int64_t n;
    uint8_t *p = bytes_to_c(a[0].p, &n);
    res[0].i = utf8_count(p, n);
    return RT_OK;
}

static RtStatus nat_rune_count_in_string(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = utf8_count(SDATA(a[0].p));
    return RT_OK;
}

static RtStatus nat_valid(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    int64_t n;
    uint8_t *p = bytes_to_c(a[0].p, &n);
    res[0].i = utf8_valid(p, n);
    return RT_OK;
}

static RtStatus nat_valid_string(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = utf8_valid(SDATA(a[0].p));
    return RT_OK;
}

static RtStatus nat_valid_rune(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = utf8_valid_rune(a[0].i);
    return RT_OK;
}

static const NativeEntry utf8_natives[] = {
    {"unicode/utf8.FullRune", nat_full_rune},
    {"unicode/utf8.FullRuneInString", nat_full_rune_in_string},
    {"unicode/utf8.DecodeRune", nat_decode_rune},
    {"unicode/utf8.DecodeRuneInString", nat_decode_rune_in_string},
    {"unicode/utf8.DecodeLastRune", nat_decode_last_rune},
    {"unicode/utf8.DecodeLastRuneInString", nat_decode_last_rune_in_string},
    {"unicode/utf8.RuneLen", nat_rune_len},
    {"unicode/utf8.RuneCount", nat_rune_count},
    {"unicode/utf8.RuneCountInString", nat_rune_count_in_string},
    {"unicode/utf8.Valid", nat_valid},
    {"unicode/utf8.ValidString", nat_valid_string},
    {"unicode/utf8.ValidRune", nat_valid_rune},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(utf8_natives)
