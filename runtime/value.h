// Run-time representation of Go values (see docs/values.md): strings, slices, interfaces and
// function values as immutable headers reached through one pointer-sized slot, so a racing
// reader sees either the old or the new header, never a torn one. Arrays of slots are the
// storage of structs, arrays and slice backing arrays. Maps: map.h. Channels: chan.h.
//
// Zero values: an all-zero Slot is the zero value of every type's register form: 0, 0.0,
// false, "" (NULL string), nil slice (NULL), nil map, nil chan, nil func, nil interface.
// Struct and array registers are never NULL: they point to storage (the empty struct may
// point to val_zerobase).
#ifndef GOL_VALUE_H
#define GOL_VALUE_H

#include "common.h"

typedef struct Type Type;
typedef struct G G;

// ---- strings ----
// Immutable. NULL is the empty string. Substrings share [data].
typedef struct GoString {
    int64_t len;
    const char *data; // not NUL-terminated in general
} GoString;
typedef struct GoSlice GoSlice;

// New string header for [len] bytes at [data] (not copied: data must be immutable).
GoString *str_wrap(const char *data, int64_t len);
// New string with a copy of [len] bytes at [data].
GoString *str_new(const char *data, int64_t len);
// New string from a NUL-terminated C string (copied).
GoString *str_from_c(const char *s);
// NUL-terminated copy (GC atomic memory) of [s] (NULL = "").
char *str_to_c(const GoString *s);
static inline int64_t str_len(const GoString *s) {
    return s ? s->len : 0;
}
static inline const char *str_data(const GoString *s) {
    return s ? s->data : "";
}
bool str_eq(const GoString *a, const GoString *b);
// <0, 0, >0 like memcmp on the bytes, shorter first when one is a prefix.
int str_cmp(const GoString *a, const GoString *b);
GoString *str_concat(const GoString *a, const GoString *b);
// s[lo:hi]; the caller has checked 0 <= lo <= hi <= len.
GoString *str_slice(const GoString *s, int64_t lo, int64_t hi);
uint64_t str_hash(const GoString *s, uint64_t seed);
// The functions above that make a new string return NULL for an empty result.
// string(r) for an integer [r] (invalid code points give "\uFFFD").
GoString *str_from_rune(int64_t r);
// string(b) for a []byte / string(r) for a []rune (invalid runes give "\uFFFD").
GoString *str_from_bytes(const GoSlice *b);
GoString *str_from_runes(const GoSlice *r);
// []byte(s) / []rune(s): fresh slices whose cap is Go's for a heap-allocated result (the
// allocator's size class: cap([]byte("hello")) == 8), never nil.
GoSlice *str_to_bytes(const GoString *s);
GoSlice *str_to_runes(const GoString *s);

// ---- slices ----
// Immutable header; NULL is the nil slice. ptr points to element 0 inside a backing array of
// at least cap*elem_slots slots (element i at ptr + i*elem_slots). A non-nil empty slice has
// a non-NULL header with len 0.
struct GoSlice {
    Slot *ptr;
    int64_t len;
    int64_t cap;
};

static inline int64_t slice_len(const GoSlice *s) {
    return s ? s->len : 0;
}
static inline int64_t slice_cap(const GoSlice *s) {
    return s ? s->cap : 0;
}
GoSlice *slice_wrap(Slot *ptr, int64_t len, int64_t cap);
// make([]T, len, cap): [elem] is the element type (for slot count and atomic allocation).
GoSlice *slice_make(Type *elem, int64_t len, int64_t cap);
// append(s, vals...): [n] elements in register form at [vals]; grows as Go 1.19+ does
// (growslice: double below 256, then +25% + 192, rounded up to the allocator's size class),
// so cap() after appends prints what Go prints.
GoSlice *slice_append(Type *elem, GoSlice *s, const Slot *vals, int64_t n);
// append(s, t...) where t is a slice of the same type (for a string t, []byte s: see
// slice_append_string).
GoSlice *slice_append_slice(Type *elem, GoSlice *s, const GoSlice *t);
// append(s, t...) for a []byte [s] (elem: the byte type) and a string [t].
GoSlice *slice_append_string(Type *elem, GoSlice *s, const GoString *t);
// copy(dst, src) for same-typed slices; returns the count. Overlapping is fine.
int64_t slice_copy(Type *elem, GoSlice *dst, const GoSlice *src);
// copy(dst, src) for a []byte [dst] and a string [src]; returns the count.
int64_t slice_copy_string(GoSlice *dst, const GoString *src);
// NULL if make([]elem, len, cap) is allowed, else Go's panic text without the
// "runtime error: " prefix ("makeslice: len out of range" / "makeslice: cap out of range").
const char *slice_make_check(Type *elem, int64_t len, int64_t cap);

// ---- storage of structs/arrays ----
// Fresh zeroed storage for one value of [t] (t->slots slots; atomic if !t->has_ptrs).
Slot *val_new_storage(Type *t);
// Copy of the value at [src] (t->slots slots) into fresh storage.
Slot *val_clone(Type *t, const Slot *src);
// Read a value of type [t] from storage at [p] into register form: scalars and references
// are the slot itself; structs and arrays are the pointer p (an alias: the caller copies on
// store). Write is the inverse: for structs/arrays copies t->slots slots from *v.p to p.
Slot val_load(Type *t, Slot *p);
void val_store(Type *t, Slot *p, Slot v);
extern Slot val_zerobase[1];

// ---- interfaces ----
// Immutable box; NULL is the nil interface. val is the register form of the dynamic value
// (for structs/arrays, a pointer to a private copy).
typedef struct GoIface {
    Type *type;
    Slot val;
} GoIface;

GoIface *iface_box(Type *t, Slot v); // copies struct/array values
// Interface equality (panics with "runtime error: comparing uncomparable type T" via
// [g] when the dynamic types are equal but not comparable; returns -1 then).
int iface_eq(G *g, const GoIface *a, const GoIface *b);

// ---- function values ----
typedef struct Proto Proto; // src/chunk.h

// A closure or a plain function value; NULL is the nil func. caps[i] is the heap cell
// (storage) of the i-th captured variable. Bound method values capture the receiver.
typedef struct GoFunc {
    Proto *proto;
    int ncaps;
    Slot *caps[];
} GoFunc;

GoFunc *func_new(Proto *p, int ncaps);

// ---- generic value operations driven by the type ----
// Equality of two register-form values of type [t] (t comparable). For interfaces see
// iface_eq; returns -1 after setting a panic on [g].
int val_eq(G *g, Type *t, Slot a, Slot b);
// Hash of a register-form value of type [t] (map keys). Returns false (and sets a panic on
// [g]: "runtime error: hash of unhashable type T") for an interface holding an unhashable
// dynamic type.
bool val_hash(G *g, Type *t, Slot v, uint64_t seed, uint64_t *out);

#endif
