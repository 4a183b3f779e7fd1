// Go types, shared by the checker, the compiler and the runtime (fmt, maps, interfaces and
// type switches use the same Type objects at run time). Unnamed composite types are interned:
// two identical unnamed types are the same pointer, so run-time type identity is pointer
// equality. A named type (including predeclared `int` and `error`) is unique by declaration.
// Types are immutable once complete, except the lazily filled run-time caches at the end of
// struct Type, which are written with one atomic pointer store.
#ifndef GOL_TYPES_H
#define GOL_TYPES_H

#include "ast.h"
#include "common.h"

typedef struct Package Package; // object.h

// A term of a constraint's type set: T, or ~T (every type whose underlying type is T's).
typedef struct TTerm {
    bool tilde;
    Type *type;
} TTerm;

// A type parameter of a generic bodyless library function (check_generic.c). Its constraint
// is: comparable, and/or a union of terms (none: any type). Go's core type of a one-term
// constraint (~[]E, ~map[K]V) drives constraint type inference.
typedef struct TParam {
    int index;           // position in the function's type parameter list
    Pos pos;             // declaration
    Package *pkg;        // declaring package
    const char *cname;   // the constraint as gc prints it ("~[]E", "any", "comparable")
    Type *bound;         // a named constraint (cmp.Ordered), printed relative to the caller
    bool comparable;     // comparable, or embedded in the constraint
    TTerm *terms;        // union terms (may mention other type parameters)
    int nterms;
    bool named_terms;    // terms come from a named constraint (cmp.Ordered): verified as a
                         // type set ("X missing in ...") rather than by core type inference
    Type *iface;         // the constraint interface when it has methods (else NULL)
} TParam;

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

typedef struct TField {
    const char *name;    // for embedded fields: the type's name (without package or *)
    Type *type;
    bool embedded;
    bool exported;
    const char *tag;     // unquoted tag or NULL
    int offset;          // in slots from the start of the struct's storage
    Package *pkg;        // package of an unexported field name (for identity)
    Object *obj;         // the field's OBJ_VAR (is_field), for selections
} TField;

// A method in an interface's method set (sorted by name, embedded interfaces flattened).
typedef struct IMethod {
    const char *name;
    Type *sig;           // K_FUNC without receiver
    Package *pkg;        // for unexported method names
    Object *obj;
} IMethod;

struct Type {
    Kind kind;           // kind of the underlying type
    Type *under;         // underlying type (== this type when unnamed)
    // Named types (declared with `type`, and the predeclared ones):
    const char *name;    // NULL when unnamed
    Package *pkg;        // declaring package, NULL for predeclared types
    Object *obj;         // the OBJ_TYPE, NULL for unnamed
    VEC(Object *) methods; // declared methods (OBJ_FUNC), in declaration order

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
    bool incomplete;     // named type whose underlying is not yet set (during checking)
    // Generics (check_generic.c):
    TParam *tparam;      // a type parameter (a named type whose underlying is `any`)
    Type **tparams;      // FUNC: a generic signature's type parameters (such signatures are
    int ntparams;        // never interned: they are not types of values)
    TTerm *terms;        // INTERFACE: a constraint interface's union terms (not interned)
    int nterms;
    bool cmp_constraint; // INTERFACE: a constraint that is (or embeds) comparable
    // Instances of generic types (check_instantiate.c): Stack[int] is a named type "Stack"
    // with its origin (the generic type) and type arguments; one Type per distinct list.
    Type *origin;
    Type **targs;
    int ntargs;

    // Layout (valid once complete):
    int slots;           // storage size in slots: 1 for scalars/references, sum for structs,
                         // len*elem for arrays, 0 for empty structs/arrays
    bool has_ptrs;       // storage may hold GC pointers (else allocated atomic)
    bool comparable;     // == is defined (spec "Comparison operators")

    // Interning and run-time caches:
    uint32_t hash;       // structural hash (unnamed) / identity hash (named)
    Type *intern_next;   // interning chain
    Type *ptr_to;        // cached *T
    Type *slice_of;      // cached []T
    void *rt_methods;    // compiler/runtime: method table for dynamic dispatch (set once)
    void *rt_hash;       // runtime: cached hash function for map keys (set once)
    char *str_cache;     // cached type_string()
};

// Predeclared types, indexed by Kind for basic kinds (types_basic[K_INT] is `int`).
// Valid after types_init(). `byte` is types_basic[K_UINT8] and `rune` types_basic[K_INT32]
// (aliases); `any` is the empty interface; types_error is the `error` interface.
extern Type *types_basic[K_COUNT];
extern Type *types_error;       // named "error", method Error() string
extern Type *types_empty_iface; // interface{} (also `any`)
extern Type *types_comparable;  // refused where used: generics

// Build the predeclared types. Call once before checking.
void types_init(void);

// Interned constructors (same arguments give the same pointer).
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

// Drop from the intern table every type that only a program's own packages (not gol's
// library) can build, so that the shared library packages of a process checking many
// programs (check_share_std) do not keep them all. Call between two programs.
void types_forget_programs(void);

// A new named type with no underlying yet (incomplete); finish with type_set_underlying.
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

// Go's spelling of [t] as %T prints it ("main.Point", "[]interface {}", "func(string) (int,
// error)", "map[string][]int"). Cached on the type; the result is shared and immutable.
const char *type_string(Type *t);
// The same, qualified the way compile errors print it: types of package [local] (the one
// being compiled) unqualified ("Square"), others qualified ("time.Duration").
const char *type_string_local(Type *t, Package *local);

// Method set lookup. Finds field or method [name] in [t] (a value of type t; if t is a
// pointer to a struct, looks in the struct). Fills [sel] (kind SEL_FIELD, SEL_METHOD or
// SEL_IFACE, path, obj, index). Returns false if not found; sets *ambiguous when the name is
// ambiguous at the shallowest depth. [from] is the package doing the lookup (for unexported
// names).
bool type_lookup(Type *t, const char *name, Package *from, Selection *sel, bool *ambiguous);
// The same lookup ignoring case and packages (gc's foldCase lookup, for the "x.foo undefined
// (..., but does have field Foo)" hint). True when exactly one such field or method exists.
bool type_lookup_fold(Type *t, const char *name, Selection *sel);

// Whether [t] implements interface [iface]. On failure, when [missing] is non-NULL, sets it
// to the first missing method's name and *wrong_ptr when the method exists only with a
// pointer receiver (Go: "method M has pointer receiver").
bool type_implements(Type *t, Type *iface, const char **missing, bool *wrong_ptr);

// Assignability (spec "Assignability") of a value of type [v] to type [t] (both typed, or v
// untyped nil/bool/...; constants' representability is checked separately).
bool type_assignable(Type *v, Type *t);

// Convertibility (spec "Conversions") for non-constant values.
bool type_convertible(Type *v, Type *t);

#endif
