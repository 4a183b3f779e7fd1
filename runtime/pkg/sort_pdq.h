// Go 1.19's pdqsort and stable sort (sort_pdq.c) over an abstract sequence: the caller
// supplies less and swap (C comparisons for sort.Ints, calls back into Go for sort.Slice
// and sort.Sort). The result, including the order of equal elements, is Go's.
#ifndef GOL_PKG_SORT_PDQ_H
#define GOL_PKG_SORT_PDQ_H

#include "native.h"

typedef struct SortData SortData;
struct SortData {
    G *g;
    RtStatus st; // RT_OK until a callback fails; then the sort stops making calls
    bool (*less)(SortData *d, int64_t i, int64_t j);
    void (*swap)(SortData *d, int64_t i, int64_t j);
    // Free for the callbacks: the sequence and the Go functions they call.
    Slot *elems;    // slice elements (storage form)
    int elem_slots; // slots per element
    GoFunc *less_fn, *swap_fn;
    Slot recv;      // receiver for Interface methods
    Type *elem_type;// element type (slices.Sort, slices.SortFunc)
};

// A swap that exchanges elements i and j of d->elems (elem_slots slots each).
void sort_swap_elems(SortData *d, int64_t i, int64_t j);

// Go's limit for pdqsort on [n] elements: bits.Len(uint(n)).
int64_t sort_limit(int64_t n);
// pdqsort_func(data, a, b, limit).
void sort_pdqsort(SortData *d, int64_t a, int64_t b, int64_t limit);
// stable_func(data, n).
void sort_stable(SortData *d, int64_t n);

#endif
