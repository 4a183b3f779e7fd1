// Map key ordering for fmt (Go 1.19 internal/fmtsort/sort.go). One deliberate difference:
// Go orders interface keys of different dynamic types by the address of their type
// descriptors, which its linker lays out by descriptor size and then name; gol mimics that
// with (basic kinds first, then pointers, channels, arrays, structs) and the type's name.
#include "fmtsort.h"

#include "rtype.h"
#include "cplx.h"
#include "cstack.h"
#include "native.h"

static int cmp_i64(int64_t a, int64_t b) {
    return a < b ? -1 : a > b;
}

static int cmp_u64(uint64_t a, uint64_t b) {
    return a < b ? -1 : a > b;
}

static int cmp_float(double a, double b) {
    if (a != a)
        return -1; // NaN first; no good answer if both are NaN
    if (b != b)
        return 1;
    return a < b ? -1 : a > b;
}

// Rank of a dynamic type's descriptor size class (see the file comment).
static int type_rank(Type *t) {
    switch (t->kind) {
    case K_POINTER:
    case K_UNSAFEPTR:
    case K_SLICE:
        return 1;
    case K_CHAN:
        return 2;
    case K_ARRAY:
        return 3;
    case K_STRUCT:
    case K_MAP:
    case K_FUNC:
    case K_INTERFACE:
        return 4;
    default:
        return 0;
    }
}

static int cmp_types(Type *a, Type *b) {
    if (a == b)
        return 0;
    int c = type_rank(a) - type_rank(b);
    if (c)
        return c;
    c = strcmp(type_string(a), type_string(b));
    return c ? c : cmp_u64((uintptr_t)a, (uintptr_t)b);
}

static Slot load(Type *t, Slot *p) {
    if (t->kind == K_STRUCT || t->kind == K_ARRAY)
        return (Slot){.p = p};
    return *p;
}

static int cmp_struct(Type *t, Slot *a, Slot *b) {
    for (int i = 0; i < t->nfields; i++) {
        TField *f = &t->fields[i];
        int c =
            fmtsort_compare(f->type, load(f->type, a + f->offset), load(f->type, b + f->offset));
        if (c)
            return c;
    }
    return 0;
}

static int cmp_array(Type *t, Slot *a, Slot *b) {
    int64_t step = t->elem->slots;
    for (int64_t i = 0; i < t->len; i++) {
        int c = fmtsort_compare(t->elem, load(t->elem, a + i * step), load(t->elem, b + i * step));
        if (c)
            return c;
    }
    return 0;
}

static int cmp_iface(GoIface *a, GoIface *b) {
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    int c = cmp_types(a->type, b->type);
    if (!c && cstack_low()) // keys nested that deep through interfaces
        rt_stack_overflow(g_current());
    return c ? c : fmtsort_compare(a->type, a->val, b->val);
}

int fmtsort_compare(Type *t, Slot a, Slot b) {
    switch (t->kind) {
    case K_INT:
    case K_INT8:
    case K_INT16:
    case K_INT32:
    case K_INT64:
        return cmp_i64(a.i, b.i);
    case K_UINT:
    case K_UINT8:
    case K_UINT16:
    case K_UINT32:
    case K_UINT64:
    case K_UINTPTR:
        return cmp_u64(a.u, b.u);
    case K_STRING:
        return str_cmp(a.p, b.p);
    case K_FLOAT32:
    case K_FLOAT64:
        return cmp_float(a.f, b.f);
    case K_COMPLEX64:
    case K_COMPLEX128: {
        int c = cmp_float(cplx_re(a.p), cplx_re(b.p));
        return c ? c : cmp_float(cplx_im(a.p), cplx_im(b.p));
    }
    case K_BOOL:
        return (int)(a.i != 0) - (int)(b.i != 0);
    case K_POINTER:
    case K_UNSAFEPTR:
    case K_CHAN:
        return cmp_u64((uintptr_t)a.p, (uintptr_t)b.p);
    case K_STRUCT:
        return cmp_struct(t, a.p, b.p);
    case K_ARRAY:
        return cmp_array(t, a.p, b.p);
    case K_INTERFACE:
        return cmp_iface(a.p, b.p);
    default:
        return 0;
    }
}

// Insertion sort for short runs, merge sort above: stable, as Go's sort.Stable.
void fmtsort_entries(Type *kt, Slot *keys, Slot *vals, int64_t n) {
    if (n < 2)
        return;
    if (n <= 12) {
        for (int64_t i = 1; i < n; i++)
            for (int64_t j = i; j > 0 && fmtsort_compare(kt, keys[j], keys[j - 1]) < 0; j--) {
                Slot k = keys[j], v = vals[j];
                keys[j] = keys[j - 1], vals[j] = vals[j - 1];
                keys[j - 1] = k, vals[j - 1] = v;
            }
        return;
    }
    int64_t h = n / 2;
    fmtsort_entries(kt, keys, vals, h);
    fmtsort_entries(kt, keys + h, vals + h, n - h);
    Slot *tk = gc_alloc((size_t)n * sizeof(Slot)), *tv = gc_alloc((size_t)n * sizeof(Slot));
    int64_t i = 0, j = h, o = 0;
    while (i < h || j < n) {
        bool left = j >= n || (i < h && fmtsort_compare(kt, keys[j], keys[i]) >= 0);
        int64_t s = left ? i++ : j++;
        tk[o] = keys[s], tv[o++] = vals[s];
    }
    memcpy(keys, tk, (size_t)n * sizeof(Slot));
    memcpy(vals, tv, (size_t)n * sizeof(Slot));
}
