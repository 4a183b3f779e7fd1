// The order in which fmt prints map entries (Go's internal/fmtsort): numbers by value (NaN
// first), strings bytewise, false before true, pointers and channels by address (nil
// first), structs and arrays field by field, interfaces by dynamic type then value.
#ifndef GOL_FMTSORT_H
#define GOL_FMTSORT_H

#include "value.h"

// Compare two register-form values of type [t] in fmtsort order: <0, 0, >0.
int fmtsort_compare(Type *t, Slot a, Slot b);
// Stable-sort [n] entries (keys[i] of type [kt], vals[i] moved along with them).
void fmtsort_entries(Type *kt, Slot *keys, Slot *vals, int64_t n);

#endif
