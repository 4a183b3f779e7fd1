// Go 1.19's sorting algorithms (sort/zsortfunc.go), transcribed over an abstract
// less/swap pair so that every caller (sort.Slice, sort.Sort, sort.Ints...) performs
// exactly Go's sequence of comparisons and swaps and leaves equal elements in Go's order:
// pdqsort (insertion sort, heapsort fallback, ninther pivots, xorshift pattern breaking
// seeded with the length) and the stable insertion-sort + SymMerge sort. Once a callback
// has failed (a Go less function panicked), less answers false and swap does nothing,
// so the algorithm runs out quickly and the caller reports the panic.
#include "sort_pdq.h"

static inline bool less(SortData *d, int64_t i, int64_t j) {
    return d->st == RT_OK && d->less(d, i, j);
}

static inline void swap(SortData *d, int64_t i, int64_t j) {
    if (d->st == RT_OK)
        d->swap(d, i, j);
}

enum { UNKNOWN_HINT, INCREASING_HINT, DECREASING_HINT };

static int bits_len(uint64_t x) {
    return x ? 64 - __builtin_clzll(x) : 0;
}

int64_t sort_limit(int64_t n) {
    return bits_len((uint64_t)n);
}

static void insertion_sort(SortData *d, int64_t a, int64_t b) {
    for (int64_t i = a + 1; i < b; i++)
        for (int64_t j = i; j > a && less(d, j, j - 1); j--)
            swap(d, j, j - 1);
}

static void sift_down(SortData *d, int64_t lo, int64_t hi, int64_t first) {
    int64_t root = lo;
    for (;;) {
        int64_t child = 2 * root + 1;
        if (child >= hi)
            return;
        if (child + 1 < hi && less(d, first + child, first + child + 1))
            child++;
        if (!less(d, first + root, first + child))
            return;
        swap(d, first + root, first + child);
        root = child;
    }
}

static void heap_sort(SortData *d, int64_t a, int64_t b) {
    int64_t first = a, lo = 0, hi = b - a;
    for (int64_t i = (hi - 1) / 2; i >= 0; i--)
        sift_down(d, i, hi, first);
    for (int64_t i = hi - 1; i >= 0; i--) {
        swap(d, first, first + i);
        sift_down(d, lo, i, first);
    }
}

static void order2(SortData *d, int64_t *a, int64_t *b, int *swaps) {
    if (less(d, *b, *a)) {
        (*swaps)++;
        int64_t t = *a;
        *a = *b;
        *b = t;
    }
}

static int64_t median(SortData *d, int64_t a, int64_t b, int64_t c, int *swaps) {
    order2(d, &a, &b, swaps);
    order2(d, &b, &c, swaps);
    order2(d, &a, &b, swaps);
    return b;
}

static int64_t median_adjacent(SortData *d, int64_t a, int *swaps) {
    return median(d, a - 1, a, a + 1, swaps);
}

static int64_t choose_pivot(SortData *d, int64_t a, int64_t b, int *hint) {
    enum { SHORTEST_NINTHER = 50, MAX_SWAPS = 4 * 3 };
    int64_t l = b - a;
    int swaps = 0;
    int64_t i = a + l / 4 * 1, j = a + l / 4 * 2, k = a + l / 4 * 3;
    if (l >= 8) {
        if (l >= SHORTEST_NINTHER) {
            i = median_adjacent(d, i, &swaps);
            j = median_adjacent(d, j, &swaps);
            k = median_adjacent(d, k, &swaps);
        }
        j = median(d, i, j, k, &swaps);
    }
    *hint = swaps == 0 ? INCREASING_HINT : swaps == MAX_SWAPS ? DECREASING_HINT : UNKNOWN_HINT;
    return j;
}

static void reverse_range(SortData *d, int64_t a, int64_t b) {
    for (int64_t i = a, j = b - 1; i < j; i++, j--)
        swap(d, i, j);
}

static bool partial_insertion_sort(SortData *d, int64_t a, int64_t b) {
    enum { MAX_STEPS = 5, SHORTEST_SHIFTING = 50 };
    int64_t i = a + 1;
    for (int step = 0; step < MAX_STEPS; step++) {
        while (i < b && !less(d, i, i - 1))
            i++;
        if (i == b)
            return true;
        if (b - a < SHORTEST_SHIFTING)
            return false;
        swap(d, i, i - 1);
        if (i - a >= 2) {
            for (int64_t j = i - 1; j >= 1; j--) {
                if (!less(d, j, j - 1))
                    break;
                swap(d, j, j - 1);
            }
        }
        if (b - i >= 2) {
            for (int64_t j = i + 1; j < b; j++) {
                if (!less(d, j, j - 1))
                    break;
                swap(d, j, j - 1);
            }
        }
    }
    return false;
}

static void break_patterns(SortData *d, int64_t a, int64_t b) {
    int64_t length = b - a;
    if (length < 8)
        return;
    uint64_t random = (uint64_t)length;
    uint64_t modulus = (uint64_t)1 << bits_len((uint64_t)length);
    for (int64_t idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; idx++) {
        random ^= random << 13;
        random ^= random >> 17;
        random ^= random << 5;
        int64_t other = (int64_t)(random & (modulus - 1));
        if (other >= length)
            other -= length;
        swap(d, idx, a + other);
    }
}

static int64_t partition_equal(SortData *d, int64_t a, int64_t b, int64_t pivot) {
    swap(d, a, pivot);
    int64_t i = a + 1, j = b - 1;
    for (;;) {
        while (i <= j && !less(d, a, i))
            i++;
        while (i <= j && less(d, a, j))
            j--;
        if (i > j)
            break;
        swap(d, i, j);
        i++;
        j--;
    }
    return i;
}

static int64_t partition(SortData *d, int64_t a, int64_t b, int64_t pivot, bool *already) {
    swap(d, a, pivot);
    int64_t i = a + 1, j = b - 1;
    while (i <= j && less(d, i, a))
        i++;
    while (i <= j && !less(d, j, a))
        j--;
    if (i > j) {
        swap(d, j, a);
        *already = true;
        return j;
    }
    swap(d, i, j);
    i++;
    j--;
    for (;;) {
        while (i <= j && less(d, i, a))
            i++;
        while (i <= j && !less(d, j, a))
            j--;
        if (i > j)
            break;
        swap(d, i, j);
        i++;
        j--;
    }
    swap(d, j, a);
    *already = false;
    return j;
}

void sort_pdqsort(SortData *d, int64_t a, int64_t b, int64_t limit) {
    enum { MAX_INSERTION = 12 };
    bool was_balanced = true, was_partitioned = true;
    for (;;) {
        if (d->st != RT_OK)
            return;
        int64_t length = b - a;
        if (length <= MAX_INSERTION) {
            insertion_sort(d, a, b);
            return;
        }
        if (limit == 0) {
            heap_sort(d, a, b);
            return;
        }
        if (!was_balanced) {
            break_patterns(d, a, b);
            limit--;
        }
        int hint;
        int64_t pivot = choose_pivot(d, a, b, &hint);
        if (hint == DECREASING_HINT) {
            reverse_range(d, a, b);
            pivot = (b - 1) - (pivot - a);
            hint = INCREASING_HINT;
        }
        if (was_balanced && was_partitioned && hint == INCREASING_HINT &&
            partial_insertion_sort(d, a, b))
            return;
        if (a > 0 && !less(d, a - 1, pivot)) {
            a = partition_equal(d, a, b, pivot);
            continue;
        }
        bool already;
        int64_t mid = partition(d, a, b, pivot, &already);
        was_partitioned = already;
        int64_t left_len = mid - a, right_len = b - mid, threshold = length / 8;
        if (left_len < right_len) {
            was_balanced = left_len >= threshold;
            sort_pdqsort(d, a, mid, limit);
            a = mid + 1;
        } else {
            was_balanced = right_len >= threshold;
            sort_pdqsort(d, mid + 1, b, limit);
            b = mid;
        }
    }
}

// ---- stable ----

static void swap_range(SortData *d, int64_t a, int64_t b, int64_t n) {
    for (int64_t i = 0; i < n; i++)
        swap(d, a + i, b + i);
}

static void rotate(SortData *d, int64_t a, int64_t m, int64_t b) {
    int64_t i = m - a, j = b - m;
    while (i != j) {
        if (i > j) {
            swap_range(d, m - i, m, j);
            i -= j;
        } else {
            swap_range(d, m - i, m + j - i, i);
            j -= i;
        }
    }
    swap_range(d, m - i, m, i);
}

static void sym_merge(SortData *d, int64_t a, int64_t m, int64_t b) {
    if (m - a == 1) {
        int64_t i = m, j = b;
        while (i < j) {
            int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
            if (less(d, h, a))
                i = h + 1;
            else
                j = h;
        }
        for (int64_t k = a; k < i - 1; k++)
            swap(d, k, k + 1);
        return;
    }
    if (b - m == 1) {
        int64_t i = a, j = m;
        while (i < j) {
            int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
            if (!less(d, m, h))
                i = h + 1;
            else
                j = h;
        }
        for (int64_t k = m; k > i; k--)
            swap(d, k, k - 1);
        return;
    }
    int64_t mid = (int64_t)((uint64_t)(a + b) >> 1), n = mid + m, start, r;
    if (m > mid) {
        start = n - b;
        r = mid;
    } else {
        start = a;
        r = m;
    }
    int64_t p = n - 1;
    while (start < r) {
        int64_t c = (int64_t)((uint64_t)(start + r) >> 1);
        if (!less(d, p - c, c))
            start = c + 1;
        else
            r = c;
    }
    int64_t end = n - start;
    if (start < m && m < end)
        rotate(d, start, m, end);
    if (a < start && start < mid)
        sym_merge(d, a, start, mid);
    if (mid < end && end < b)
        sym_merge(d, mid, end, b);
}

void sort_stable(SortData *d, int64_t n) {
    int64_t block = 20, a = 0, b = block;
    while (b <= n) {
        insertion_sort(d, a, b);
        a = b;
        b += block;
    }
    insertion_sort(d, a, n);
    while (block < n) {
        a = 0;
        b = 2 * block;
        while (b <= n) {
            sym_merge(d, a, a + block, b);
            a = b;
            b += 2 * block;
        }
        int64_t m = a + block;
        if (m < n)
            sym_merge(d, a, m, n);
        block *= 2;
    }
}

// Swap two elements of the slice in place.
void sort_swap_elems(SortData *d, int64_t i, int64_t j) {
    int k = d->elem_slots;
    if (k == 1) {
        Slot t = d->elems[i];
        d->elems[i] = d->elems[j];
        d->elems[j] = t;
        return;
    }
    Slot *a = d->elems + i * k, *b = d->elems + j * k;
    for (int s = 0; s < k; s++) {
        Slot t = a[s];
        a[s] = b[s];
        b[s] = t;
    }
}
