// Go's own memory layout of a type (amd64 sizes and alignments), which gol does not use for
// storage (everything is 8-byte slots) but needs wherever Go's observable behaviour depends
// on it: append's capacity growth (size classes of Go's allocator), make's size limits,
// unsafe.Sizeof. Also the run-time view of a type's underlying structure.
#ifndef GOL_GOSIZE_H
#define GOL_GOSIZE_H

#include "rtype.h"

// The underlying type whose elem/key/len/fields describe [t] (t itself when unnamed).
static inline Type *rt_under(Type *t) {
    return t->under ? t->under : t;
}

// Size in bytes of a value of [t] in real Go on amd64 (int 8, string 16, slice 24, struct
// with Go's padding rules, including the extra byte after a trailing zero-size field).
int64_t type_go_size(Type *t);
// Alignment in bytes of [t] in real Go on amd64.
int64_t type_go_align(Type *t);

// runtime.maxAlloc on linux/amd64: make and the library's buffers refuse larger blocks.
#define GO_MAX_ALLOC ((int64_t)1 << 48)

// Go's allocator size-class rounding (runtime.roundupsize, Go 1.19) of a [size]-byte block.
uint64_t go_roundupsize(uint64_t size);

#endif
