// Go types in the checker: the run-time part of struct Type (kind, layout, components,
// names, caches), its constructors and predicates are in runtime/rtype.h, which this header
// builds on; here are what only the checker uses: type parameters and constraint terms,
// method and field lookup, and the spec's relations (implements, assignable, convertible),
// which the runtime reaches through runtime/vm.h.
#ifndef GOL_TYPES_H
#define GOL_TYPES_H

#include "../runtime/rtype.h"
#include "../runtime/vm.h"
#include "ast.h"
#include "common.h"

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

extern Type *types_comparable;  // refused where used: generics

// Build the predeclared types (runtime/rtype.h's types_basic...). Call once before
// checking.
void types_init(void);

// Whether [t] is a type parameter as a generic body sees it: its underlying type is its
// constraint interface (a type-set probe's stand-in has a term's type instead).
bool type_is_tparam(Type *t);

// Method set lookup. Finds field or method [name] in [t] (a value of type t; if t is a
// pointer to a struct, looks in the struct). Fills [sel] (kind SEL_FIELD, SEL_METHOD or
// SEL_IFACE, path, obj, index). Returns false if not found; sets *ambiguous when the name is
// ambiguous at the shallowest depth. [from] is the package doing the lookup (for unexported
// names).
bool type_lookup(Type *t, const char *name, Package *from, Selection *sel, bool *ambiguous);
// The same lookup ignoring case and packages (gc's foldCase lookup, for the "x.foo undefined
// (..., but does have field Foo)" hint). True when exactly one such field or method exists.
bool type_lookup_fold(Type *t, const char *name, Selection *sel);

#endif
