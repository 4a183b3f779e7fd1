// Go's amd64 layout of types (sizes, alignments) and its allocator's size classes. Used to
// reproduce Go's observable capacities; gol's real storage is 8-byte slots (docs/values.md).
// Sizes are recomputed on each call: callers use them only on slow paths (slice growth).
#include "gosize.h"

static void go_layout(Type *t, int64_t *size, int64_t *align);

// Size and alignment of a struct, following cmd/compile's calcStructOffset: fields at
// aligned offsets; a non-empty struct ending in a zero-size field gets one byte of padding
// (so &last cannot point past the object); the total rounds up to the alignment.
static void struct_layout(Type *u, int64_t *size, int64_t *align) {
    int64_t off = 0, maxalign = 1, lastzero = -1;
    for (int i = 0; i < u->nfields; i++) {
        int64_t fs, fa;
        go_layout(u->fields[i].type, &fs, &fa);
        if (fa > maxalign)
            maxalign = fa;
        off = (off + fa - 1) / fa * fa;
        if (fs == 0)
            lastzero = off;
        off += fs;
    }
    if (off > 0 && off == lastzero)
        off++;
    *size = (off + maxalign - 1) / maxalign * maxalign;
    *align = maxalign;
}

// Size and alignment of [t] on amd64. One walk gives both, so a struct nested n deep is
// laid out once per level (asking for size and alignment separately doubled the work at
// each level).
static void go_layout(Type *t, int64_t *size, int64_t *align) {
    Type *u = rt_under(t);
    int64_t n = 8, a = 8; // int, uint, int64, uint64, uintptr, float64, pointers, map, chan, func
    switch (u->kind) {
    case K_BOOL:
    case K_INT8:
    case K_UINT8:
        n = a = 1;
        break;
    case K_INT16:
    case K_UINT16:
        n = a = 2;
        break;
    case K_INT32:
    case K_UINT32:
    case K_FLOAT32:
        n = a = 4;
        break;
    case K_COMPLEX64:
        n = 8, a = 4;
        break;
    case K_STRING:
    case K_INTERFACE:
    case K_COMPLEX128:
        n = 16;
        break;
    case K_SLICE:
        n = 24;
        break;
    case K_ARRAY:
        go_layout(u->elem, &n, &a);
        n *= u->len;
        break;
    case K_STRUCT:
        struct_layout(u, &n, &a);
        break;
    default:
        break;
    }
    *size = n;
    *align = a;
}

int64_t type_go_size(Type *t) {
    int64_t size, align;
    go_layout(t, &size, &align);
    return size;
}

int64_t type_go_align(Type *t) {
    int64_t size, align;
    go_layout(t, &size, &align);
    return align;
}

// clang-format off
// runtime/sizeclasses.go (Go 1.19): class_to_size.
static const uint16_t class_to_size[] = {
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288,
    320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536,
    1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192,
    9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576,
    27264, 28672, 32768};
// clang-format on

uint64_t go_roundupsize(uint64_t size) {
    enum { MAX_SMALL = 32768, PAGE = 8192 };
    if (size < MAX_SMALL) {
        int lo = 0, hi = (int)(sizeof class_to_size / sizeof class_to_size[0]) - 1;
        while (lo < hi) { // smallest class >= size
            int mid = (lo + hi) / 2;
            if (class_to_size[mid] >= size)
                hi = mid;
            else
                lo = mid + 1;
        }
        return class_to_size[lo];
    }
    if (size + PAGE < size)
        return size;
    return (size + PAGE - 1) / PAGE * PAGE;
}
