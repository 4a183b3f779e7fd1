// Natives of package encoding/binary (runtime/pkg/encoding_binary.go): the reflection part
// of Read, Write and Size. They walk a value's Type (structs, arrays, slices of fixed-size
// values) over its storage (docs/values.md) and convert to and from bytes in either order.
// Blank (_) struct fields are written as zeros and skipped when reading, as in Go.
#include "native.h"
#include "pkgutil.h"
#include <string.h>

// Size in bytes of a value of [t], or -1 when t is not fixed-size.
static int64_t fixed_size(Type *t) {
    switch (t->kind) {
    case K_BOOL: case K_INT8: case K_UINT8: return 1;
    case K_INT16: case K_UINT16: return 2;
    case K_INT32: case K_UINT32: case K_FLOAT32: return 4;
    case K_INT64: case K_UINT64: case K_FLOAT64: return 8;
    case K_ARRAY: {
        int64_t s = fixed_size(t->elem);
        return s < 0 ? -1 : s * t->len;
    }
    case K_STRUCT: {
        int64_t sum = 0;
        for (int i = 0; i < t->nfields; i++) {
            int64_t s = fixed_size(t->fields[i].type);
            if (s < 0)
                return -1;
            sum += s;
        }
        return sum;
    }
    default: return -1;
    }
}

// The value [t, v] (register form) as storage and type, looking through one pointer when
// [indirect]; slices become their element storage with *n elements. Returns NULL when nil.
static Slot *value_storage(Type **t, Slot *v, bool indirect, int64_t *n) {
    *n = -1;
    if ((*t)->kind == K_POINTER && indirect) {
        if (!v->p)
            return NULL;
        *t = (*t)->elem;
        if ((*t)->kind != K_SLICE)
            return v->p;
        v = v->p; // the slot holding the slice
    }
    if ((*t)->kind == K_SLICE) {
        GoSlice *s = v->p;
        *t = (*t)->elem;
        *n = slice_len(s);
        return s ? s->ptr : val_zerobase;
    }
    if ((*t)->kind == K_STRUCT || (*t)->kind == K_ARRAY)
        return v->p;
    return v;
}

static void put_uint(uint8_t *b, uint64_t x, int size, bool big) {
    for (int i = 0; i < size; i++)
        b[big ? size - 1 - i : i] = (uint8_t)(x >> (8 * i));
}

static uint64_t get_uint(const uint8_t *b, int size, bool big) {
    uint64_t x = 0;
    for (int i = 0; i < size; i++)
        x |= (uint64_t)b[big ? size - 1 - i : i] << (8 * i);
    return x;
}

// Encode the value of fixed-size [t] at storage [p] into [b]; returns the bytes written.
// [zero]: write zeros (a blank field).
static int64_t encode(Type *t, const Slot *p, uint8_t *b, bool big, bool zero) {
    int64_t size = fixed_size(t);
    switch (t->kind) {
    case K_ARRAY: {
        int64_t off = 0;
        for (int64_t i = 0; i < t->len; i++)
            off += encode(t->elem, p + i * t->elem->slots, b + off, big, zero);
        return off;
    }
    case K_STRUCT: {
        int64_t off = 0;
        for (int i = 0; i < t->nfields; i++) {
            TField *f = &t->fields[i];
            off += encode(f->type, p + f->offset, b + off, big, zero || !strcmp(f->name, "_"));
        }
        return off;
    }
    case K_FLOAT32: {
        float x = (float)p->f;
        uint32_t u;
        memcpy(&u, &x, 4);
        put_uint(b, zero ? 0 : u, 4, big);
        return 4;
    }
    default:
        put_uint(b, zero ? 0 : p->u, (int)size, big);
        return size;
    }
}

// Decode bytes [b] into the value of fixed-size [t] at storage [p]; returns bytes read.
static int64_t decode(Type *t, Slot *p, const uint8_t *b, bool big, bool skip) {
    int64_t size = fixed_size(t);
    if (skip)
        return size;
    switch (t->kind) {
    case K_ARRAY: {
        int64_t off = 0;
        for (int64_t i = 0; i < t->len; i++)
            off += decode(t->elem, p + i * t->elem->slots, b + off, big, false);
        return off;
    }
    case K_STRUCT: {
        int64_t off = 0;
        for (int i = 0; i < t->nfields; i++) {
            TField *f = &t->fields[i];
            off += decode(f->type, p + f->offset, b + off, big, !strcmp(f->name, "_"));
        }
        return off;
    }
    case K_FLOAT32: {
        uint32_t u = (uint32_t)get_uint(b, 4, big);
        float x;
        memcpy(&x, &u, 4);
        p->f = x;
        return 4;
    }
    case K_FLOAT64: p->u = get_uint(b, 8, big); return 8;
    case K_BOOL: p->i = b[0] != 0; return 1;
    case K_INT8: p->i = (int8_t)b[0]; return 1;
    case K_INT16: p->i = (int16_t)get_uint(b, 2, big); return 2;
    case K_INT32: p->i = (int32_t)get_uint(b, 4, big); return 4;
    default: p->u = get_uint(b, (int)size, big); return size;
    }
}

// func dataSize(data any, indirect bool) int: Go's dataSize of the value (after one
// pointer indirection when [indirect]); -1 when not fixed-size or nil.
static RtStatus nat_data_size(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoIface *e = a[0].p;
    res[0].i = -1;
    if (!e)
        return RT_OK;
    Type *t = e->type;
    Slot v = e->val;
    int64_t n;
    Slot *p = value_storage(&t, &v, a[1].i != 0, &n);
    int64_t s = fixed_size(t);
    if (!p || s < 0)
        return RT_OK;
    res[0].i = n >= 0 ? s * n : s;
    return RT_OK;
}

// func encodeValue(data any, big bool) []byte: the encoding of a value whose dataSize
// (indirect) is not negative.
static RtStatus nat_encode_value(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoIface *e = a[0].p;
    Type *t = e->type;
    Slot v = e->val;
    int64_t n;
    Slot *p = value_storage(&t, &v, true, &n);
    int64_t s = fixed_size(t), count = n >= 0 ? n : 1;
    uint8_t *b = gc_alloc_atomic((size_t)(s * count) + 1);
    for (int64_t i = 0; i < count; i++)
        encode(t, p + i * t->slots, b + i * s, a[1].i != 0, false);
    res[0].p = bytes_new(b, s * count);
    return RT_OK;
}

// func decodeValue(buf []byte, data any, big bool): fill the pointee or slice elements of
// data (whose dataSize is len(buf)) from buf.
static RtStatus nat_decode_value(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(res);
    int64_t len;
    uint8_t *b = bytes_to_c(a[0].p, &len);
    GoIface *e = a[1].p;
    Type *t = e->type;
    Slot v = e->val;
    int64_t n;
    Slot *p = value_storage(&t, &v, true, &n);
    int64_t s = fixed_size(t), count = n >= 0 ? n : 1;
    for (int64_t i = 0; i < count; i++)
        decode(t, p + i * t->slots, b + i * s, a[2].i != 0, false);
    return RT_OK;
}

// func typeString(data any) string: %T of data.
static RtStatus nat_type_string(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoIface *e = a[0].p;
    res[0].p = str_from_c(e ? type_string(e->type) : "<nil>");
    return RT_OK;
}

static const NativeEntry binary_natives[] = {
    {"encoding/binary.dataSize", nat_data_size},
    {"encoding/binary.encodeValue", nat_encode_value},
    {"encoding/binary.decodeValue", nat_decode_value},
    {"encoding/binary.typeString", nat_type_string},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(binary_natives)
