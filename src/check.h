// The type checker: resolves names, checks types, folds constants and annotates the AST (see
// the "set by the checker" fields of ast.h and object.h). Packages of gol's standard library
// are loaded from pkg_sources (runtime/pkgsrc.h) on demand, each checked once and cached.
// Errors go to the Diag; a package with errors has failed set and must not be compiled.
#ifndef GOL_CHECK_H
#define GOL_CHECK_H

#include "../runtime/pkgsrc.h"
#include "ast.h"
#include "diag.h"
#include "object.h"

// Check [file] as the program's main package (package main with func main), loading the
// packages it imports. Returns the package (never NULL); pkg->failed tells whether errors were
// reported. Calls types_init itself.
Package *check_main(File *file, Diag *d);

// The same, loading imports from [srcs] (a pkg_sources-like table terminated by path NULL)
// instead of the embedded standard library. For tests.
Package *check_main_with(File *file, Diag *d, const PkgSource *srcs);

// Check the main package of a loaded program (load.h: one or more files), its imports
// coming from the program's module packages and the standard library.
struct Program;
Package *check_program(const struct Program *prog, Diag *d);

// When set (by `gol run` before check_program), library packages are loaded with lazy
// bodies: a function's body is parsed, checked and compiled when the compiler first
// references it (check_lazy_body, compile_lazy.c), so a program pays only for the library
// code it reaches. Every other command (check, vet, test, the REPL...) checks every body.
extern bool check_lazy_bodies;

// Parse and check the lazy body of [f] (Object.lazy) in its package's checker, reporting
// to [d]; false after errors (a bug in gol's library: the eager commands check it).
// Instances of generic functions it needs are created and checked too. Not thread-safe:
// callers serialize (the front end's thread, then methods.c's lock at run time).
bool check_lazy_body(struct Object *f, Diag *d);

// Share gol's standard packages between the check_program calls that follow, in this
// process (the fuzzer checks one program per input; gol checks one per process): each is
// parsed and checked when a program first imports it, and later programs reuse it and the
// code compile_program made for it. One marked failed by a program (an error in an
// instance of its generics) is dropped, and the next program loads the packages afresh.
void check_share_std(void);
// How many standard packages were loaded so far under check_share_std (a program that
// leaves it unchanged added nothing that later programs use).
unsigned check_share_loads(void);

// Packages reachable from the result through Package.imports are all checked; initialise
// them in post-order of that graph (dependencies first).

// ---- the REPL (check_repl.c) ----
// One persistent package ("main") checked one input at a time. Each input gets a new scope
// whose parent is the previous input's, so a later declaration shadows an earlier one.
// Top-level statements are checked as the body of the input's own function, but their
// `:=` and `var` variables are package-level (they persist). A function declared at the
// prompt is a package-level variable holding its own code (its object is an OBJ_VAR with
// decl set), so that redeclaring it with an identical type replaces it for every caller.
// "declared and not used" and "imported and not used" do not apply at the prompt; a
// selector on an undeclared name of one of gol's packages (fmt.Println) imports it.
typedef struct ReplCheck ReplCheck;

typedef enum ReplStepKind {
    RSTEP_STMT,  // run [stmt]
    RSTEP_PRINT, // evaluate S_EXPR [stmt] and print its values (%v; strings %q)
    RSTEP_INIT,  // initialise package-level variables [init]
    RSTEP_CALL,  // call function [fn] of this input (init functions, a loaded file's main)
} ReplStepKind;

typedef struct ReplStep {
    ReplStepKind kind;
    Stmt *stmt;
    InitEntry *init;
    Object *fn;
} ReplStep;

// A checked input: what the compiler needs beyond the annotated syntax tree.
typedef struct ReplInput {
    Package *pkg;             // the REPL's package
    Scope *scope;             // this input's declarations
    Object *entry;            // the OBJ_FUNC whose body the steps are (no parameters)
    VEC(ReplStep) steps;      // in order
    VEC(Object *) globals;    // package-level variables needing new storage
    VEC(Object *) funcs;      // functions with bodies checked in this input, as Package.funcs
    VEC(Object *) func_vars;  // functions declared in this input (OBJ_VAR holding itself)
    VEC(Object *) func_prev;  // per func_vars entry: the earlier function variable of the same
                              // name and identical type it replaces (shares its storage), or NULL
    VEC(Object *) methods;    // methods declared in this input
    VEC(Object *) method_prev;// per methods entry: the method of the same name, receiver and
                              // identical signature it replaces (shares its cell), or NULL
} ReplInput;

ReplCheck *check_repl_new(void);

// Check [file]: a prompt input from parse_repl, or with [file_mode] a whole source file
// (`:load`: declarations only, Go's unused rules, variables initialised in Go's order, then
// its init functions and main are called). Returns NULL after errors (reported to [d]): the
// REPL is then as before the input. Otherwise the input's declarations are visible to the
// inputs that follow.
ReplInput *check_repl_input(ReplCheck *rc, File *file, Diag *d, bool file_mode);

// The innermost scope of the REPL: the latest input's declarations, whose parent chain goes
// through every earlier input to the universe.
Scope *check_repl_scope(ReplCheck *rc);

// The package of gol's library that [name] denotes at the prompt (an imported package, or
// one whose last path element is [name], loaded and checked if needed); NULL if none.
Package *check_repl_package(ReplCheck *rc, const char *name);

// Forget every declaration (`:reset`); packages stay loaded.
void check_repl_reset(ReplCheck *rc);

#endif
