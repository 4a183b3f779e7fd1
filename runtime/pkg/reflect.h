// Internal to package reflect's natives (reflect.c, reflect_value.c, reflect_call.c,
// reflect_chan.c, reflect_deep.c): how a reflect.Value is laid out, the Go kinds, and the
// panics.
// A Value is three slots {typ, ptr, flag}: typ is the C Type * (NULL: the zero Value), ptr
// the address of the value's storage (typ->slots slots, values.md's storage form), flag the
// RF_* bits. A method value (RF_METHOD) has ptr -> {GoFunc *method, receiver}.
#ifndef GOL_PKG_REFLECT_H
#define GOL_PKG_REFLECT_H

#include "rtype.h"
#include "gosize.h"
#include "native.h"

// The storage of a method value (RF_METHOD): the method as a function taking the receiver
// first (rt_method), the receiver in register form, its dynamic type, the method's name.
enum { RF_MFN, RF_MRECV, RF_MTYPE, RF_MNAME, RF_MSLOTS };

// RF_RO: reached through an unexported field (inherited by what is reached from it);
// RF_EMBRO: the value of an unexported embedded field (its exported fields are usable).
enum { RF_ADDR = 1, RF_RO = 2, RF_METHOD = 4, RF_EMBRO = 8, RF_ANYRO = RF_RO | RF_EMBRO };

// The read-only bit a Value reached from one with flags [f] inherits (Go's flag.ro()).
static inline uint64_t rf_ro(uint64_t f) {
    return (f & RF_ANYRO) ? RF_RO : 0;
}

typedef struct RVal {
    Type *t;
    Slot *ptr;
    uint64_t flag;
} RVal;

// reflect.Value and *reflect.rtype, recorded by reflect's init (setup).
extern Type *rf_value_type;
extern Type *rf_rtype_ptr;

// The Value held in the 3 slots at [p] (a Value argument's register form).
static inline RVal rf_get(const Slot *p) {
    return (RVal){p[0].p, p[1].p, p[2].u};
}
// A fresh Value (3-slot storage, the register form of a Value result).
Slot *rf_make(Type *t, Slot *ptr, uint64_t flag);
static inline Slot *rf_put(RVal v) {
    return rf_make(v.t, v.ptr, v.flag);
}
// A non-addressable Value holding register-form [val] of type [t] in fresh storage.
Slot *rf_from_reg(Type *t, Slot val);
// The register form of [v]'s value.
static inline Slot rf_load(RVal v) {
    return val_load(v.t, v.ptr);
}
// The Value for the dynamic value of interface box [b] (zero Value for nil).
RVal rf_of_iface(GoIface *b, uint64_t flag);

// Go's reflect.Kind of [t] (Int = 2 ... UnsafePointer = 26).
int rf_kind(Type *t);
// The number of exported methods in [t]'s method set (interfaces: all methods), and the
// name of the i-th in sorted order (NULL when out of range).
int rf_num_methods(Type *t);
const char *rf_method_name(Type *t, int64_t i);
// Panic with *reflect.ValueError{method, kind of t} (t NULL: the zero Value).
RtStatus rf_value_error(G *g, const char *method, Type *t);
// The func value a method value [v] stands for (x.M bound to its receiver), in fresh
// one-slot storage.
Slot *rf_method_func(RVal v);
// Go's mustBeAssignable: panics (string) unless [v] is addressable and not read-only.
RtStatus rf_must_assignable(G *g, RVal v, const char *method);
// Go's mustBeExported: panics for a zero or read-only [v].
RtStatus rf_must_exported(G *g, RVal v, const char *method);
// The value of [x] converted for storing into a [t] (Go's Value.assignTo): boxes into an
// interface type; panics "CONTEXT: value of type X is not assignable to type T".
RtStatus rf_assign_to(G *g, RVal x, Type *t, const char *context, Slot *out);

#endif
