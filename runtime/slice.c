// Go slices: immutable {ptr, len, cap} headers over backing arrays of slots (value.h).
// Elements are stored inline: element i occupies elem->slots slots at ptr + i*elem->slots.
// Growth reproduces Go's growslice exactly, computed on the element's size in real Go
// (gosize.h), so cap() prints what Go prints. Backing arrays of pointer-free elements are
// atomic; zero-size elements share val_zerobase.
#include "value.h"

#include "gosize.h"

enum { GROW_THRESHOLD = 256 };

GoSlice *slice_wrap(Slot *ptr, int64_t len, int64_t cap) {
    GoSlice *s = gc_alloc(sizeof(GoSlice));
    s->ptr = ptr;
    s->len = len;
    s->cap = cap;
    return s;
}

// Zeroed backing array for [n] elements of [elem]; never NULL.
static Slot *alloc_elems(Type *elem, int64_t n) {
    size_t bytes = (size_t)n * (size_t)elem->slots * sizeof(Slot);
    if (bytes == 0)
        return val_zerobase;
    return elem->has_ptrs ? gc_alloc(bytes) : gc_alloc_atomic(bytes);
}

GoSlice *slice_make(Type *elem, int64_t len, int64_t cap) {
    return slice_wrap(alloc_elems(elem, cap), len, cap);
}

const char *slice_make_check(Type *elem, int64_t len, int64_t cap) {
    int64_t size = type_go_size(elem);
    int64_t max = size ? GO_MAX_ALLOC / size : INT64_MAX;
    if (len < 0 || len > max)
        return "makeslice: len out of range";
    if (cap < len || cap > max)
        return "makeslice: cap out of range";
    return NULL;
}

// Go's growslice capacity for a slice of capacity [old_cap] that must hold [need] elements
// of [elem]: double below 256 elements, then grow by (cap + 768)/4 until enough; then round
// the byte size up to the allocator's size class.
static int64_t grow_cap(Type *elem, int64_t old_cap, int64_t need) {
    int64_t newcap = old_cap, doublecap = old_cap + old_cap;
    if (need > doublecap) {
        newcap = need;
    } else if (old_cap < GROW_THRESHOLD) {
        newcap = doublecap;
    } else {
        while (0 < newcap && newcap < need)
            newcap += (newcap + 3 * GROW_THRESHOLD) / 4;
        if (newcap <= 0)
            newcap = need;
    }
    int64_t size = type_go_size(elem);
    if (size == 0)
        return need; // Go: zerobase with cap == the needed length
    uint64_t mem = go_roundupsize((uint64_t)newcap * (uint64_t)size);
    return (int64_t)(mem / (uint64_t)size);
}

// Backing array for appending [n] elements to [s]: s's own when it has room, else a new one
// with s's elements copied. Sets *cap to the resulting capacity.
static Slot *room_for(Type *elem, const GoSlice *s, int64_t n, int64_t *cap) {
    int64_t len = slice_len(s), need = len + n;
    *cap = slice_cap(s);
    if (need <= *cap)
        return s->ptr;
    *cap = grow_cap(elem, *cap, need);
    Slot *p = alloc_elems(elem, *cap);
    if (len > 0 && elem->slots > 0)
        memcpy(p, s->ptr, (size_t)len * (size_t)elem->slots * sizeof(Slot));
    return p;
}

GoSlice *slice_append(Type *elem, GoSlice *s, const Slot *vals, int64_t n) {
    if (n <= 0)
        return s;
    int64_t len = slice_len(s), cap;
    Slot *p = room_for(elem, s, n, &cap);
    int es = elem->slots;
    if (es == 1 && elem->kind != K_STRUCT && elem->kind != K_ARRAY) {
        for (int64_t i = 0; i < n; i++)
            p[len + i] = vals[i];
    } else {
        for (int64_t i = 0; i < n; i++)
            val_store(elem, p + (len + i) * es, vals[i]);
    }
    return slice_wrap(p, len + n, cap);
}

GoSlice *slice_append_slice(Type *elem, GoSlice *s, const GoSlice *t) {
    int64_t n = slice_len(t);
    if (n == 0)
        return s;
    int64_t len = slice_len(s), cap;
    Slot *p = room_for(elem, s, n, &cap);
    if (elem->slots > 0) // t may overlap s's backing array
        memmove(p + len * elem->slots, t->ptr, (size_t)n * (size_t)elem->slots * sizeof(Slot));
    return slice_wrap(p, len + n, cap);
}

GoSlice *slice_append_string(Type *elem, GoSlice *s, const GoString *t) {
    int64_t n = str_len(t);
    if (n == 0)
        return s;
    int64_t len = slice_len(s), cap;
    Slot *p = room_for(elem, s, n, &cap);
    const uint8_t *d = (const uint8_t *)t->data;
    for (int64_t i = 0; i < n; i++)
        p[len + i].u = d[i];
    return slice_wrap(p, len + n, cap);
}

int64_t slice_copy(Type *elem, GoSlice *dst, const GoSlice *src) {
    int64_t n = slice_len(dst) < slice_len(src) ? slice_len(dst) : slice_len(src);
    if (n > 0 && elem->slots > 0 && dst->ptr != src->ptr)
        memmove(dst->ptr, src->ptr, (size_t)n * (size_t)elem->slots * sizeof(Slot));
    return n;
}

int64_t slice_copy_string(GoSlice *dst, const GoString *src) {
    int64_t n = slice_len(dst) < str_len(src) ? slice_len(dst) : str_len(src);
    const uint8_t *d = (const uint8_t *)str_data(src);
    for (int64_t i = 0; i < n; i++)
        dst->ptr[i].u = d[i];
    return n;
}
