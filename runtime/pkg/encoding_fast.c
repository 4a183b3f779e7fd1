// Bulk loops of encoding/base64, encoding/hex and hash/crc32 (runtime/pkg/*.go) in C: each
// native does the plain full blocks only, as far as the destination has room, and returns
// how far it got; the Go code then handles the rest (padding, newlines, errors, panics) with
// Go's exact rules. A []byte is one slot per byte (docs/values.md).
#include "native.h"
#include "pkgutil.h"

static int64_t min64(int64_t a, int64_t b) {
    return a < b ? a : b;
}

// func encodeBlocks(dst, src []byte, alphabet *[64]byte) int: encodes whole 3-byte groups
// of src into dst; returns the number of src bytes consumed.
static RtStatus nat_b64_encode_blocks(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoSlice *dst = a[0].p, *src = a[1].p;
    const Slot *enc = a[2].p;
    int64_t groups = min64(slice_len(src) / 3, slice_len(dst) / 4);
    for (int64_t i = 0; i < groups; i++) {
        const Slot *s = src->ptr + 3 * i;
        Slot *d = dst->ptr + 4 * i;
        uint32_t v = (uint32_t)(s[0].u << 16 | s[1].u << 8 | s[2].u);
        d[0].u = enc[v >> 18 & 0x3f].u;
        d[1].u = enc[v >> 12 & 0x3f].u;
        d[2].u = enc[v >> 6 & 0x3f].u;
        d[3].u = enc[v & 0x3f].u;
    }
    res[0].i = groups * 3;
    return RT_OK;
}

// func decodeBlocks(dst, src []byte, dmap *[256]uint8) (n, si int): decodes leading
// 4-byte groups of src made only of alphabet bytes into dst; returns bytes written and
// src bytes consumed.
static RtStatus nat_b64_decode_blocks(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoSlice *dst = a[0].p, *src = a[1].p;
    const Slot *dmap = a[2].p;
    int64_t groups = min64(slice_len(src) / 4, slice_len(dst) / 3), i = 0;
    for (; i < groups; i++) {
        const Slot *s = src->ptr + 4 * i;
        uint64_t c0 = dmap[s[0].u].u, c1 = dmap[s[1].u].u, c2 = dmap[s[2].u].u,
                 c3 = dmap[s[3].u].u;
        if ((c0 | c1 | c2 | c3) & 0xc0) // 0xff: not in the alphabet
            break;
        uint32_t v = (uint32_t)(c0 << 18 | c1 << 12 | c2 << 6 | c3);
        Slot *d = dst->ptr + 3 * i;
        d[0].u = v >> 16 & 0xff;
        d[1].u = v >> 8 & 0xff;
        d[2].u = v & 0xff;
    }
    res[0].i = 3 * i;
    res[1].i = 4 * i;
    return RT_OK;
}

static const char hextable[] = "0123456789abcdef";

// func encodeBlocks(dst, src []byte) int (hex): encodes as many bytes of src as dst has
// room for; returns their number.
static RtStatus nat_hex_encode_blocks(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoSlice *dst = a[0].p, *src = a[1].p;
    int64_t n = min64(slice_len(src), slice_len(dst) / 2);
    for (int64_t i = 0; i < n; i++) {
        uint64_t v = src->ptr[i].u;
        dst->ptr[2 * i].u = (uint8_t)hextable[v >> 4];
        dst->ptr[2 * i + 1].u = (uint8_t)hextable[v & 15];
    }
    res[0].i = n;
    return RT_OK;
}

static int from_hex(uint64_t c) {
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (int)(c - 'A' + 10);
    return -1;
}

// func decodeBlocks(dst, src []byte) int (hex): decodes leading pairs of hex digits of src
// while dst has room; returns the number of bytes written.
static RtStatus nat_hex_decode_blocks(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoSlice *dst = a[0].p, *src = a[1].p;
    int64_t n = min64(slice_len(src) / 2, slice_len(dst)), i = 0;
    for (; i < n; i++) {
        int hi = from_hex(src->ptr[2 * i].u), lo = from_hex(src->ptr[2 * i + 1].u);
        if (hi < 0 || lo < 0)
            break;
        dst->ptr[i].u = (uint64_t)(hi << 4 | lo);
    }
    res[0].i = i;
    return RT_OK;
}

// func updateTable(crc uint32, tab *Table, p []byte) uint32 (crc32, Go's simpleUpdate).
static RtStatus nat_crc32_update(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    uint32_t crc = ~(uint32_t)a[0].u;
    const Slot *tab = a[1].p;
    GoSlice *p = a[2].p;
    int64_t n = slice_len(p);
    for (int64_t i = 0; i < n; i++)
        crc = (uint32_t)tab[(uint8_t)crc ^ (uint8_t)p->ptr[i].u].u ^ (crc >> 8);
    res[0].u = ~crc;
    return RT_OK;
}

static const NativeEntry encoding_fast_natives[] = {
    {"encoding/base64.encodeBlocks", nat_b64_encode_blocks},
    {"encoding/base64.decodeBlocks", nat_b64_decode_blocks},
    {"encoding/hex.encodeBlocks", nat_hex_encode_blocks},
    {"encoding/hex.decodeBlocks", nat_hex_decode_blocks},
    {"hash/crc32.updateTable", nat_crc32_update},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(encoding_fast_natives)
