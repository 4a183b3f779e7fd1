// Natives of package bufio (runtime/pkg/bufio.go): the byte searches of ScanLines,
// ReadSlice and ScanWords, which would otherwise run byte by byte in the interpreter.
#include "native.h"
#include "pkgutil.h"
#include "utf8.h"

// indexByte(b []byte, c byte) int
static RtStatus nat_index_byte(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoSlice *b = a[0].p;
    uint64_t c = a[1].u & 0xFF;
    int64_t n = slice_len(b);
    res[0].i = -1;
    for (int64_t i = 0; i < n; i++) {
        if (b->ptr[i].u == c) {
            res[0].i = i;
            break;
        }
    }
    return RT_OK;
}

// bufio's isSpace (scan.go): Unicode White_Space without the Latin-1 table lookup.
static bool is_space(int32_t r) {
    if (r <= 0xFF)
        return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xA0;
    if (0x2000 <= r && r <= 0x200a)
        return true;
    return r == 0x1680 || r == 0x2028 || r == 0x2029 || r == 0x202f || r == 0x205f ||
           r == 0x3000;
}

// Decode the rune at element [i] of []byte [b] ([n] elements).
static int decode_at(const GoSlice *b, int64_t i, int64_t n, int32_t *r) {
    uint8_t buf[UTF8_MAX];
    int64_t k = n - i < UTF8_MAX ? n - i : UTF8_MAX;
    bytes_get(b, i, k, buf);
    return utf8_decode(buf, k, r);
}

// wordSpan(data []byte) (start, end, width int)
static RtStatus nat_word_span(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoSlice *b = a[0].p;
    int64_t n = slice_len(b), start = 0;
    int32_t r;
    while (start < n) {
        int w = decode_at(b, start, n, &r);
        if (!is_space(r))
            break;
        start += w;
    }
    res[0].i = start;
    res[1].i = -1;
    res[2].i = 0;
    for (int64_t i = start; i < n;) {
        int w = decode_at(b, i, n, &r);
        if (is_space(r)) {
            res[1].i = i;
            res[2].i = w;
            break;
        }
        i += w;
    }
    return RT_OK;
}

static const NativeEntry bufio_natives[] = {
    {"bufio.indexByte", nat_index_byte},
    {"bufio.wordSpan", nat_word_span},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(bufio_natives)
