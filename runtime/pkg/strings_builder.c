// Natives of strings.Builder and strings.Replacer (runtime/pkg/strings.go).
//
// A Builder's bytes live in a native buffer (one byte per byte, not one slot per byte as a
// []byte would): the Builder struct's second slot points to an SBHeader {blk, len}, and each
// SBBlock records its own immutable size, which is also Go's cap(b.buf): growth follows Go's
// append and grow rules exactly, so Cap() prints what Go prints. String() shares the block
// (bytes below len are never rewritten; Reset drops the header). A racing writer can only
// make len disagree with blk, and every access clamps len to the block's own size.
#include <string.h>

#include "gosize.h"
#include "native.h"
#include "pkgutil.h"
#include "utf8.h"

typedef struct SBBlock {
    int64_t size; // capacity in bytes; never changes
    char data[];
} SBBlock;

typedef struct SBHeader {
    SBBlock *blk;
    int64_t len;
} SBHeader;

// Builder storage: slot 0 is addr (*Builder, the copy check), slot 1 the SBHeader.
enum { B_ADDR, B_HDR };

static RtStatus nil_builder(G *g) {
    return rt_panic_runtime(g, "invalid memory address or nil pointer dereference");
}

// Go's copyCheck: the first write records the Builder's address; a write through a copy
// made after that panics.
static RtStatus copy_check(G *g, Slot *b) {
    if (!b)
        return nil_builder(g);
    if (!b[B_ADDR].p)
        b[B_ADDR].p = b;
    else if (b[B_ADDR].p != b)
        return rt_panic_str(g, "strings: illegal use of non-zero Builder copied by value");
    return RT_OK;
}

// Current block and length (clamped to the block) of Builder [b].
static SBBlock *sb_view(Slot *b, int64_t *len) {
    SBHeader *h = b[B_HDR].p;
    SBBlock *blk = h ? h->blk : NULL;
    int64_t n = h ? h->len : 0;
    if (!blk)
        n = 0;
    else if (n > blk->size)
        n = blk->size;
    *len = n;
    return blk;
}

// Replace the buffer by a copy of its first [len] bytes in a block of [cap] bytes.
static SBBlock *sb_realloc(Slot *b, SBBlock *old, int64_t len, int64_t cap) {
    SBBlock *nb = gc_alloc_atomic(sizeof(SBBlock) + (size_t)cap);
    nb->size = cap;
    if (len > 0)
        memcpy(nb->data, old->data, (size_t)len);
    SBHeader *h = gc_alloc(sizeof(SBHeader));
    h->blk = nb;
    h->len = len;
    b[B_HDR].p = h;
    return nb;
}

// Go's growslice for a []byte of capacity [cap] that must hold [need] bytes (the rule of
// runtime/slice.c's grow_cap, for 1-byte elements).
static int64_t append_cap(int64_t cap, int64_t need) {
    int64_t newcap = cap, doublecap = cap + cap;
    if (need > doublecap) {
        newcap = need;
    } else if (cap < 256) {
        newcap = doublecap;
    } else {
        while (0 < newcap && newcap < need)
            newcap += (newcap + 3 * 256) / 4;
        if (newcap <= 0)
            newcap = need;
    }
    return (int64_t)go_roundupsize((uint64_t)newcap);
}

// Append [n] bytes at [p] as append(b.buf, p...) does.
static void sb_append(Slot *b, const void *p, int64_t n) {
    int64_t len;
    SBBlock *blk = sb_view(b, &len);
    if (n <= 0)
        return;
    int64_t cap = blk ? blk->size : 0;
    if (cap - len < n)
        blk = sb_realloc(b, blk, len, append_cap(cap, len + n));
    memcpy(blk->data + len, p, (size_t)n);
    SBHeader *h = b[B_HDR].p;
    h->len = len + n;
}

// WriteString(s string) (int, error)
static RtStatus nat_write_string(G *g, Slot *a, Slot *res) {
    Slot *b = a[0].p;
    RtStatus st = copy_check(g, b);
    if (st != RT_OK)
        return st;
    GoString *s = a[1].p;
    sb_append(b, str_data(s), str_len(s));
    res[0].i = str_len(s);
    res[1].p = NULL;
    return RT_OK;
}

// Write(p []byte) (int, error)
static RtStatus nat_write(G *g, Slot *a, Slot *res) {
    Slot *b = a[0].p;
    RtStatus st = copy_check(g, b);
    if (st != RT_OK)
        return st;
    int64_t n;
    uint8_t *p = bytes_to_c(a[1].p, &n);
    sb_append(b, p, n);
    res[0].i = n;
    res[1].p = NULL;
    return RT_OK;
}

// WriteByte(c byte) error
static RtStatus nat_write_byte(G *g, Slot *a, Slot *res) {
    Slot *b = a[0].p;
    RtStatus st = copy_check(g, b);
    if (st != RT_OK)
        return st;
    uint8_t c = (uint8_t)a[1].u;
    sb_append(b, &c, 1);
    res[0].p = NULL;
    return RT_OK;
}

// WriteRune(r rune) (int, error): Go grows by grow(UTFMax) (cap 2*cap+4), not by append.
static RtStatus nat_write_rune(G *g, Slot *a, Slot *res) {
    Slot *b = a[0].p;
    RtStatus st = copy_check(g, b);
    if (st != RT_OK)
        return st;
    uint8_t enc[UTF8_MAX];
    int64_t r = (int32_t)a[1].i, n;
    if ((uint32_t)r < 0x80) {
        enc[0] = (uint8_t)r;
        n = 1;
    } else {
        int64_t len;
        SBBlock *blk = sb_view(b, &len);
        int64_t cap = blk ? blk->size : 0;
        if (cap - len < UTF8_MAX)
            sb_realloc(b, blk, len, 2 * cap + UTF8_MAX);
        n = utf8_encode(enc, r);
    }
    sb_append(b, enc, n);
    res[0].i = n;
    res[1].p = NULL;
    return RT_OK;
}

// Grow(n int)
static RtStatus nat_grow(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(res);
    Slot *b = a[0].p;
    RtStatus st = copy_check(g, b);
    if (st != RT_OK)
        return st;
    int64_t n = a[1].i;
    if (n < 0)
        return rt_panic_str(g, "strings.Builder.Grow: negative count");
    int64_t len;
    SBBlock *blk = sb_view(b, &len);
    int64_t cap = blk ? blk->size : 0;
    if (cap - len < n) {
        if (n > GO_MAX_ALLOC - 2 * cap) // Go's make([]byte, 2*cap+n)
            return rt_panic_runtime(g, "makeslice: len out of range");
        sb_realloc(b, blk, len, 2 * cap + n);
    }
    return RT_OK;
}

static RtStatus nat_string(G *g, Slot *a, Slot *res) {
    Slot *b = a[0].p;
    if (!b)
        return nil_builder(g);
    int64_t len;
    SBBlock *blk = sb_view(b, &len);
    res[0].p = len ? str_wrap(blk->data, len) : NULL;
    return RT_OK;
}

static RtStatus nat_len(G *g, Slot *a, Slot *res) {
    Slot *b = a[0].p;
    if (!b)
        return nil_builder(g);
    sb_view(b, &res[0].i);
    return RT_OK;
}

static RtStatus nat_cap(G *g, Slot *a, Slot *res) {
    Slot *b = a[0].p;
    if (!b)
        return nil_builder(g);
    int64_t len;
    SBBlock *blk = sb_view(b, &len);
    res[0].i = blk ? blk->size : 0;
    return RT_OK;
}

// ---- Replacer ----

// replace(oldnew []string, s string) string: Go's genericReplacer semantics (which its
// byte and single-string replacers agree with): scanning s, at each position the first
// pair in argument order whose old string matches wins; an empty old string matches
// everywhere except right after another empty match.
static RtStatus nat_replacer_replace(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoSlice *on = a[0].p;
    GoString *s = a[1].p;
    int64_t npairs = slice_len(on) / 2, len = str_len(s), last = 0;
    const char *p = str_data(s);
    bool starts[256] = {0}, has_empty = false, prev_empty = false, changed = false;
    for (int64_t k = 0; k < npairs; k++) {
        GoString *old = on->ptr[2 * k].p;
        if (str_len(old) == 0)
            has_empty = true;
        else
            starts[(uint8_t)old->data[0]] = true;
    }
    Buf b = {0};
    for (int64_t i = 0; i <= len;) {
        int64_t match = -1;
        if (has_empty || (i < len && starts[(uint8_t)p[i]])) {
            for (int64_t k = 0; k < npairs && match < 0; k++) {
                GoString *old = on->ptr[2 * k].p;
                int64_t m = str_len(old);
                if (m == 0 ? !prev_empty : m <= len - i && memcmp(p + i, old->data, (size_t)m) == 0)
                    match = k;
            }
        }
        if (match < 0) {
            prev_empty = false;
            i++;
            continue;
        }
        GoString *old = on->ptr[2 * match].p;
        prev_empty = str_len(old) == 0;
        buf_put(&b, p + last, (size_t)(i - last));
        buf_put_gostr(&b, on->ptr[2 * match + 1].p);
        changed = true;
        i += str_len(old);
        last = i;
    }
    if (!changed) {
        res[0].p = s;
        return RT_OK;
    }
    if (last < len)
        buf_put(&b, p + last, (size_t)(len - last));
    res[0].p = buf_take_string(&b);
    return RT_OK;
}

static const NativeEntry strings_builder_natives[] = {
    {"strings.Builder.WriteString", nat_write_string},
    {"strings.Builder.Write", nat_write},
    {"strings.Builder.WriteByte", nat_write_byte},
    {"strings.Builder.WriteRune", nat_write_rune},
    {"strings.Builder.Grow", nat_grow},
    {"strings.Builder.String", nat_string},
    {"strings.Builder.Len", nat_len},
    {"strings.Builder.Cap", nat_cap},
    {"strings.replace", nat_replacer_replace},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(strings_builder_natives)
