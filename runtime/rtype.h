// Go types as the run time sees them (fmt, maps, interfaces, type switches, reflect): kind,
// layout, name, components, fields, signatures, interface methods and the lazily filled
// run-time caches. The checker builds on this header (src/types.h): it creates every Type
// and fills the checker-only fields at the end of struct Type, whose types (Object,
// Package, TParam, TTerm) stay opaque here. Unnamed composite types are interned (rtype.c):
// two identical unnamed types are one pointer, so run-time type identity is pointer
// equality. Types are immutable once complete, except the run-time caches, each written
// with one atomic pointer store.
#ifndef GOL_RTYPE_H
#define GOL_RTYPE_H

#include <stdbool.h>
#include <stdint.h>

#include "common.h"

typedef struct Type Type;
typedef struct Object Object;   // src/object.h: checker-only
typedef struct Package Package; // src/object.h; the run time reads only its PkgName
typedef struct TParam TParam;   // src/types.h: checker-only
typedef struct TTerm TTerm;     // src/types.h: checker-only

// The largest storage size a type records (rtype.c saturates there): no allocation that
// large can succeed, so the program ends with "out of memory" if it tries one.
#define SLOTS_MAX (1 << 30)

typedef enum Kind {
    K_INVALID,
    K_BOOL,
    K_INT, K_INT8, K_INT16, K_INT32, K_INT64,
    K_UINT, K_UINT8, K_UINT16, K_UINT32, K_UINT64, K_UINTPTR,
    K_FLOAT32, K_FLOAT64,
    K_COMPLEX64, K_COMPLEX128,
    K_STRING,
    K_UNSAFEPTR,
    // untyped constant kinds (checker only; never seen at run time)
    K_UNTYPED_BOOL, K_UNTYPED_INT, K_UNTYPED_RUNE, K_UNTYPED_FLOAT, K_UNTYPED_COMPLEX,
    K_UNTYPED_STRING,
    K_UNTYPED_NIL,
    // composite
    K_ARRAY, K_SLICE, K_STRUCT, K_POINTER, K_FUNC, K_INTERFACE, K_MAP, K_CHAN,
    K_TUPLE, // multiple function results (checker only)
    K_COUNT
} Kind;

typedef enum ChanDir { CHAN_BOTH = 3, CHAN_SEND = 1, CHAN_RECV = 2 } ChanDir;

// What the run time knows of a package: its import path and name, for printing types
// ("rand.Rand") and reflect's PkgPath. src/object.h's Package begins with a PkgName (a
// union with the same fields by name), so pkg_name() reads it from any Package.
typedef struct PkgName {
    const char *path; // import path ("math/rand", "main")
    const char *name; // package name ("rand")
} PkgName;

// The PkgName of [p] (NULL for NULL: predeclared types have no package).
static inline const PkgName *pkg_name(const Package *p) {
    return (const PkgName *)(const void *)p;
}

typedef struct TField {
    const char *name;    // for embedded fields: the type's name (without package or *)
    Type *type;
    bool embedded;
    bool exported;
    const char *tag;     // unquoted tag or NULL
    int offset;          // in slots from the start of the struct's storage
    Package *pkg;        // package of an unexported field name (for identity)
    Object *obj;         // checker: the field's OBJ_VAR (is_field), for selections
} TField;

// A method in an interface's method set (sorted by name, embedded interfaces flattened).
typedef struct IMethod {
    const char *name;
    Type *sig;           // K_FUNC without receiver
    Package *pkg;        // for unexported method names
    Object *obj;         // checker: the method's OBJ_FUNC
} IMethod;

struct Type {
    Kind kind;           // kind of the underlying type
    Type *under;         // underlying type (== this type when unnamed)
    // Named types (declared with `type`, and the predeclared ones):
    const char *name;    // NULL when unnamed
    Package *pkg;        // declaring package, NULL for predeclared types (see pkg_name)

    // Composite:
    Type *elem;          // ARRAY, SLICE, POINTER, MAP (value), CHAN
    Type *key;           // MAP
    int64_t len;         // ARRAY
    ChanDir dir;         // CHAN
    TField *fields;      // STRUCT
    int nfields;
    Type **params;       // FUNC (a variadic final parameter has slice type)
    int nparams;
    Type **results;      // FUNC; TUPLE elements
    int nresults;
    bool variadic;       // FUNC
    IMethod *imethods;   // INTERFACE, sorted by name
    int nimethods;
    // Instances of generic types (check_instantiate.c): Stack[int] is a named type "Stack"
    // with its origin (the generic type) and type arguments; one Type per distinct list.
    Type *origin;
    Type **targs;        // printed by type_string ("main.Pair[int,string]")
    int ntargs;

    // Layout (valid once complete):
    int slots;           // storage size in slots: 1 for scalars/references, sum for structs,
                         // len*elem for arrays, 0 for empty structs/arrays; at most SLOTS_MAX
    bool has_ptrs;       // storage may hold GC pointers (else allocated atomic)
    bool comparable;     // == is defined (spec "Comparison operators")

    // Interning and run-time caches:
    uint32_t hash;       // structural hash (unnamed) / identity hash (named)
    Type *intern_next;   // interning chain (rtype.c)
    Type *ptr_to;        // cached *T
    Type *slice_of;      // cached []T
    void *rt_methods;    // VM: method table for dynamic dispatch (src/methods.c, set once)
    void *rt_hash;       // runtime: cached hash function for map keys (set once)
    char *str_cache;     // cached type_string()

    // Checker-only (src/types.h gives these meaning; the run time never reads them):
    Object *obj;         // the OBJ_TYPE, NULL for unnamed
    VEC(Object *) methods; // declared methods (OBJ_FUNC), in declaration order
    bool incomplete;     // named type whose underlying is not yet set (during checking)
    // Generics (check_generic.c):
    TParam *tparam;      // a type parameter (a named type whose underlying is `any`)
    Type **tparams;      // FUNC: a generic signature's type parameters (such signatures are
    int ntparams;        // never interned: they are not types of values)
    TTerm *terms;        // INTERFACE: a constraint interface's union terms (not interned)
    int nterms;
    bool cmp_constraint; // INTERFACE: a constraint that is (or embeds) comparable
};

// Predeclared types, indexed by Kind for basic kinds (types_basic[K_INT] is `int`).
// Filled by the checker's types_init (src/universe.c) before anything runs. `byte` is
// types_basic[K_UINT8] and `rune` types_basic[K_INT32] (aliases); `any` is the empty
// interface; types_error is the `error` interface.
extern Type *types_basic[K_COUNT];
extern Type *types_error;       // named "error", method Error() string
extern Type *types_empty_iface; // interface{} (also `any`)

// Interned constructors (same arguments give the same pointer). Safe from any thread.
Type *type_pointer(Type *elem);
Type *type_slice(Type *elem);
Type *type_array(Type *elem, int64_t len);
Type *type_map(Type *key, Type *elem);
Type *type_chan(Type *elem, ChanDir dir);
// [params] and [results] are copied; variadic means the last param is a slice type.
Type *type_func(Type **params, int nparams, Type **results, int nresults, bool variadic);
Type *type_tuple(Type **elems, int n);
// [fields] is copied; offsets, slots and comparability are computed here.
Type *type_struct(TField *fields, int nfields);
// [methods] is copied and sorted; embedded interfaces must already be flattened in.
Type *type_interface(IMethod *methods, int n);

// Drop from the intern table every type that only a program's own packages can build (a
// named type of a package [programs_pkg] accepts, a type parameter [tparam_pkg] says one
// declared, or a type made with one), so that a process checking many programs
// (check_share_std) does not keep them all. Call between two programs.
void types_forget_programs(bool (*programs_pkg)(Package *p), Package *(*tparam_pkg)(Type *t));

// A new named type with no underlying yet (incomplete); finish with type_set_underlying.
// [pkg] and [obj] are the checker's (NULL for types the runtime declares).
Type *type_named(const char *name, Package *pkg, Object *obj);
void type_set_underlying(Type *named, Type *under);

// Spec predicates.
bool type_identical(Type *a, Type *b);  // pointer equality for complete types
bool type_is_named(Type *t);            // has a name (incl. predeclared)
bool type_is_integer(Type *t);          // incl. untyped int/rune
bool type_is_unsigned(Type *t);
bool type_is_float(Type *t);            // incl. untyped float
bool type_is_complex(Type *t);          // incl. untyped complex
bool type_is_numeric(Type *t);
bool type_is_string(Type *t);           // incl. untyped string
bool type_is_boolean(Type *t);          // incl. untyped bool
bool type_is_untyped(Type *t);
bool type_is_interface(Type *t);
bool type_is_ordered(Type *t);          // < <= > >= defined
bool type_is_comparable(Type *t);
bool type_has_nil(Type *t);             // pointer, slice, map, chan, func, interface, unsafeptr
// Size in bits of an integer or float kind (int/uint/uintptr: 64).
int type_bits(Type *t);

// The default type of an untyped kind (untyped int -> int, rune -> int32 ...); others as is.
Type *type_default(Type *t);

// Exported identifier (starts with an upper-case letter).
static inline bool obj_exported(const char *name) {
    return name && name[0] >= 'A' && name[0] <= 'Z';
}

// Go's spelling of [t] as %T prints it ("main.Point", "[]interface {}", "func(string) (int,
// error)", "map[string][]int"). Cached on the type; the result is shared and immutable.
const char *type_string(Type *t);
// The same, qualified the way compile errors print it: types of package [local] (the one
// being compiled) unqualified ("Square"), others qualified ("time.Duration").
const char *type_string_local(Type *t, Package *local);

#endif
