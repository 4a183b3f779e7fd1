// Named entities (objects), scopes and packages: what an identifier denotes after checking.
// Objects are created by the checker and read by the compiler; the compiler may fill the
// fields marked "compiler" (slot assignments, compiled code).
#ifndef GOL_OBJECT_H
#define GOL_OBJECT_H

#include "ast.h"
#include "common.h"
#include "types.h"

typedef enum ObjKind {
    OBJ_BAD,
    OBJ_CONST,
    OBJ_VAR,     // variable, parameter, result, struct field
    OBJ_TYPE,    // type name (incl. alias: type is the aliased type)
    OBJ_FUNC,    // function, method, interface method, or function literal (anonymous)
    OBJ_PKG,     // imported package name
    OBJ_BUILTIN, // builtin function (builtin says which)
    OBJ_NIL,     // the predeclared nil
    OBJ_LABEL,
} ObjKind;

struct Object {
    ObjKind kind;
    const char *name;     // "" for anonymous function literals and blank vars
    Pos pos;              // declaration position
    Type *type;           // CONST/VAR: its type; TYPE: the type; FUNC: its signature (K_FUNC,
                          // without receiver); NIL: untyped nil
    Package *pkg;         // declaring package (NULL for universe)
    Scope *parent_scope;  // scope the object was declared in

    // OBJ_CONST
    ConstVal *cval;
    // OBJ_BUILTIN
    Builtin builtin;
    // OBJ_PKG
    Package *imported;
    bool used;            // VAR (for "declared and not used"), PKG (for "imported and not
                          // used")

    // OBJ_VAR
    bool is_global;       // package-level variable
    bool is_param;        // function parameter (incl. receiver)
    bool is_result;       // named or anonymous result
    bool is_field;        // struct field
    bool escapes;         // address taken (&x, x.ptrMethod(), x[:] of an array) or captured
                          // by a function literal: the variable lives in a heap cell
    bool captured;        // referenced from a function literal nested in its function
    Object *owner;        // VAR, local TYPE: the OBJ_FUNC whose body declares it (NULL for
                          // globals)
    Decl *decl;           // FUNC: its declaration (NULL for literals, interface methods)
    Expr *lit;            // FUNC: its function literal (anonymous functions)

    // OBJ_FUNC
    Object *origin;       // an instance of a generic function: that function
    Object *recv;         // method receiver variable (OBJ_VAR, may be unnamed), or NULL
    Type *recv_type;      // declared receiver type: T or *T (T the named type)
    bool ptr_recv;        // receiver is *T
    bool is_iface_method; // method of an interface type (no body)
    VEC(Object *) params; // parameter vars in order (unnamed ones have name "")
    VEC(Object *) results;// result vars in order (unnamed ones have name "")
    VEC(Object *) captures; // function literals: the enclosing functions' variables it uses
                          // (directly or through nested literals), in first-use order
    bool has_defer;       // body contains a defer statement
    bool has_recover;     // body calls recover()
    bool lazy;            // FUNC: its body is not parsed or checked yet (check_lazy.c)
    const char *native;   // bodyless function: the native's name "pkg.Func" / "pkg.Type.M"

    // compiler:
    int slot;             // VAR: register (locals) or global index; FUNC: index of its Proto
    int capture_index;    // VAR inside a literal: index in the literal's captures
    bool in_arena;        // VAR: its storage is a block of its frame's arena (docs/values.md)
    void *proto;          // FUNC: compiled Proto (struct Proto *) once compiled
    int cell;             // FUNC: a REPL method's code lives in global cell-1, which a later
                          // method of identical signature overwrites; 0: called directly
    int order;            // declaration order (for stable iteration)
    struct GenericInfo *generic; // FUNC/TYPE with type parameters (check_instantiate.c)
};

// A lexical scope. Lookups walk outward through [parent]; the universe has parent NULL.
struct Scope {
    Scope *parent;
    Object *func;         // the function whose body this scope belongs to (NULL at package
                          // and universe level)
    bool is_func_scope;   // the outermost scope of a function body (parameters live here)
    VEC(Object *) objs;   // in declaration order
    // small open-addressing index by name, built lazily when objs grows past 8
    Object **index;
    int index_cap;
    // lookup cache (object.c): the nearest enclosing scope that declares something, valid
    // while skip_epoch equals the epoch that advances when an empty scope gains an object
    Scope *skip;
    uint64_t skip_epoch;
};

// One Go package: user's `main`, or a package of gol's standard library (whose source is
// runtime/pkg/NAME.go, bodyless functions being natives from runtime/pkg/NAME.c).
struct Package {
    union {
        PkgName id;       // the run time's view (runtime/rtype.h)
        struct {
            const char *path; // import path ("fmt", "math/rand", "main")
            const char *name; // package name ("rand")
        };
    };
    Scope *scope;         // package scope (parent: universe)
    VEC(File *) files;
    VEC(Package *) imports;
    bool checked;         // checker finished (successfully or not)
    bool failed;          // checking reported errors
    bool std;             // a package of gol's standard library (not the program's)
    bool shared_loopvars; // go.mod's go line is older than 1.22: one variable per loop
    // Package-level variable initialisation in dependency order (spec "Package
    // initialization"): each entry initialises [lhs] (1 or more vars, NULL for `_`) from
    // [rhs] (one multi-valued expression or one per var; NULL values for zero init).
    VEC(struct InitEntry *) init_order;
    VEC(Object *) init_funcs; // func init() in source order
    VEC(Object *) funcs;      // every OBJ_FUNC with a body to compile (incl. methods and
                              // function literals, in source order)
    bool lazy;                // some bodies wait for check_lazy_body (a library package)
    struct Checker *checker;  // lazy: the checker that checks them
    void *rt;                 // compiler/runtime: per-package data (globals etc.)
    bool globals_done;        // compiler: its variables have global slots
    int ncompiled;            // compiler: funcs[0, ncompiled) are compiled (a package shared
                              // by several programs, check_share_std, gains instances)
};

typedef struct InitEntry {
    Object **lhs;
    int nlhs;
    Expr **rhs;
    int nrhs;             // nrhs == 1 && nlhs > 1: a multi-valued rhs (f(), m[k], x.(T)...)
    Pos pos;
} InitEntry;

// ---- objects and scopes (object.c) ----
Object *obj_new(ObjKind kind, const char *name, Pos pos, Type *type);
Scope *scope_new(Scope *parent, Object *func);
// Insert [obj]; returns the previous object with the same name in this scope (and does not
// insert) or NULL. The blank name "_" is never inserted.
Object *scope_insert(Scope *s, Object *obj);
// Look up [name] in [s] only.
Object *scope_lookup_local(Scope *s, const char *name);
// Look up [name] in s and its parents; *found_in gets the scope (may be NULL).
Object *scope_lookup(Scope *s, const char *name, Scope **found_in);

// The universe scope (predeclared types, constants, nil, builtins). Built by types_init().
extern Scope *universe;

#endif
