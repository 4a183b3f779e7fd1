// Internals shared by the checker's files (check_*.c): the Checker state, per-function
// context, package-level declaration records and the helpers each file exports to the others.
// Nothing outside src/check_*.c includes this header.
#ifndef GOL_CHECK_INT_H
#define GOL_CHECK_INT_H

#include "check.h"
#include "constant.h"
#include "diag.h"
#include "object.h"
#include "types.h"

// Resolution state of a package-level object (go/types' object colouring).
typedef enum DeclState { DS_TODO, DS_ACTIVE, DS_DONE } DeclState;

// A package-level declaration: what an object needs to be resolved lazily, plus the
// package-level objects its initialiser or body refers to (for initialisation order).
typedef struct DeclInfo {
    Object *obj;
    DeclKind kind;
    Spec *spec;           // CONST/VAR/TYPE
    int index;            // position of obj in spec->names
    Spec *values_spec;    // CONST: spec holding the (possibly inherited) type and values
    Decl *decl;           // FUNC
    DeclState state;
    VEC(Object *) deps;   // package-level vars and funcs used (no duplicates)
    struct InitEntry *init; // VAR: shared by all names of a spec with one multi-valued rhs
    Scope *file_scope;    // the imports of the file declaring it (packages of several files)
} DeclInfo;

// Pointer-keyed hash map (Object* -> DeclInfo* and similar).
typedef struct PtrMap {
    void **keys;
    void **vals;
    int n, cap;
} PtrMap;

void *ptrmap_get(PtrMap *m, const void *key);
void ptrmap_put(PtrMap *m, const void *key, void *val);

typedef VEC(DeclInfo *) DeclInfoVec;

// The package cache shared by all packages checked for one program.
typedef struct Loader {
    Diag *d;
    const PkgSource *srcs;
    const struct Program *prog; // the program's own module packages (load.h), or NULL
    VEC(Package *) pkgs;
} Loader;

typedef struct LabelInfo {
    const char *name;
    Stmt *stmt;           // the S_LABELED statement
    bool used;
} LabelInfo;

// Per-function state while checking a body (function declarations and literals).
typedef struct FuncCtx {
    Object *func;
    Type *sig;
    struct FuncCtx *outer;    // enclosing function (literals), NULL for declarations
    VEC(Stmt *) targets;      // enclosing breakable statements, innermost last
    VEC(Stmt *) labeled;      // enclosing labeled statements, innermost last
    VEC(LabelInfo) labels;    // all labels of the body
    VEC(Scope *) scopes;      // scopes of this body (for "declared and not used")
} FuncCtx;

typedef struct Checker {
    Diag *d;
    Loader *ld;
    Package *pkg;
    bool std;                 // a package of gol's standard library: natives allowed
    bool report_unused;       // "declared and not used" (off in the REPL)
    bool indirect;            // checking a type behind a pointer/slice/map/chan/func: a
                              // named type used there need not be complete yet
    Scope *scope;             // innermost scope
    Scope *file_scope;        // imports of the package's file (parent: package scope)
    FuncCtx *fn;              // NULL at package level
    DeclInfo *decl;           // package-level declaration being checked (dependencies)
    ConstVal *iota;           // inside a constant declaration, else NULL
    const Pos *errpos;        // non-NULL: where every error goes (a constant's inherited
                              // init expression reports at the constant's name, as types2)
    PtrMap infos;             // Object* -> DeclInfo* for package-level objects
    VEC(Object *) path;       // objects being resolved (cycle reports)
    VEC(Decl *) bodyless;     // functions declared without a body (reported at the end,
                              // only when the package has no other error, as gc)
    VEC(DeclInfo *) var_decls;// package-level var declarations in source order
    int nerrors;
    // gol has one type for byte/uint8 and rune/int32; where a declaration spells the type
    // with byte or rune, messages about [spelled_type] print [spelled_as] (as gc does).
    Type *spelled_type;
    const char *spelled_as;
    Scope *rf_scope;          // scope of the innermost range-over-func loop being checked
    VEC(Type *) under_pending;// pairs (T, U) of `type T U` waiting for U's underlying type
    // Generics (check_instantiate.c): while [quiet] > 0 errors are not reported but the first
    // is kept in quiet_msg/quiet_pos; [in_constraint] > 0 while checking a type constraint.
    int quiet;
    const char *quiet_msg;
    Pos quiet_pos;
    int in_constraint;
    bool quiet_typeless;      // while quiet: still report errors that do not depend on types
    Expr *generic_ok;         // an argument or initialiser that may be a generic function
                              // until its target type instantiates it
} Checker;

#define INVALID_TYPE (types_basic[K_INVALID])

// ---- check_util.c: messages and small helpers ----
GOL_PRINTF(3, 4) void check_errorf(Checker *c, Pos pos, const char *fmt, ...);
// check_errorf for an "instantiation cycle": printed only if no other error is, as types2
// runs its monomorphization check only on a package that checked without errors.
GOL_PRINTF(3, 4) void check_cycle_errorf(Checker *c, Pos pos, const char *fmt, ...);
// Go's start position of an expression (where go/types reports errors about it).
Pos check_start(Expr *e);
// "x (variable of type int)", as go/types prints an operand.
const char *check_operand_str(Checker *c, Expr *e);
const char *check_type_str(Checker *c, Type *t);
const char *check_expr_str(Expr *e);
void check_set_invalid(Expr *e);
char *check_sprintf(const char *fmt, ...) GOL_PRINTF(1, 2);
Type *check_under(Type *t);
bool check_is_blank(Expr *e);

// ---- check_type.c: type expressions ----
// The type denoted by [e]; reports "x is not a type" and returns INVALID_TYPE on error.
Type *check_type(Checker *c, Expr *e);
// Build a signature from an E_FUNCTYPE; when [fn] is non-NULL, create its parameter and result
// objects (fn->params/results) and declare named ones in [scope].
Type *check_signature(Checker *c, Expr *ftype, Object *fn, Scope *scope);
// Resolve a type declaration spec whose object [obj] already exists.
void check_type_spec(Checker *c, Object *obj, Spec *spec);
// Refuse type parameters (error at the first one); returns true if there were any.
bool check_refuse_tparams(Checker *c, FieldVec *tparams);

// ---- check_decl.c: declarations ----
// Resolve package-level object [obj] if not yet done (lazily, with cycle detection).
void check_obj_decl(Checker *c, Object *obj);
// Report gc's initialization cycle error for cycle[0] -> cycle[1] -> ... -> cycle[0]
// ("initialization cycle: x refers to itself" when n == 1).
void check_report_init_cycle(Checker *c, Object **cycle, int n);
// Record that the current package-level declaration depends on [obj].
void check_record_dep(Checker *c, Object *obj);
// Local declarations (S_DECL).
void check_decl_stmt(Checker *c, Decl *d);
// Check a function body with [fn]'s parameters declared in a fresh function scope.
void check_func_body(Checker *c, Object *fn, Expr *ftype, Block *body, Object *recv_obj);
// Declare [obj] in the current scope, reporting "x redeclared in this block".
void check_declare(Checker *c, Scope *s, Object *obj, Pos pos);
// Constant declaration of names[index] of a spec with [iota], whose type and values come from
// [values_spec] (the spec itself or the last one in its group that had values).
// "missing function body" for each function in c->bodyless, which it empties.
void check_report_bodyless(Checker *c);
void check_const_decl(Checker *c, Object *obj, Spec *values_spec, bool inherited, int index,
                      int iota);
// The values spec of const spec [s] in its group, [last] being the previous spec's: [s]
// itself when it has values or a type (or is the first), else [last] (Go repeats the
// previous list). Reports "extra init expr" for values beyond [s]'s names (in a repeated
// list: "extra init expr at" where the first extra value is).
Spec *check_const_values_spec(Checker *c, Spec *s, Spec *last);
// Method declarations (package-level only).
void check_method_decl(Checker *c, Object *fn, Decl *d);

// ---- check_expr.c: operands ----
// Check [e] in any mode (value, type, builtin, tuple...); [hint] is the expected type for
// composite literals with elided types (may be NULL).
void check_raw(Checker *c, Expr *e, Type *hint);
// Check [e] as a single value (errors for types, no-value calls, tuples).
void check_expr(Checker *c, Expr *e);
// Same with a hint for elided composite literal types.
void check_expr_hint(Checker *c, Expr *e, Type *hint);
// [e] as value or type.
void check_expr_or_type(Checker *c, Expr *e);
// Check [e] that may be multi-valued (call returning a tuple, comma-ok forms).
void check_multi(Checker *c, Expr *e);
// Require a single value of [e] already checked; returns false (and reports) otherwise.
bool check_single_value(Checker *c, Expr *e);
void check_binary(Checker *c, Expr *e, Expr *x, Expr *y, Op op, Pos oppos);
// Check case value [v] (checked) against switch tag [tag] (typed); reports Go's
// "invalid case" errors. Returns success.
bool check_case_compare(Checker *c, Expr *v, Expr *tag);
// Mark variable uses and the escape of the variable whose storage [e] designates.
void check_mark_escape(Checker *c, Expr *e);
// The identifier's object after resolution (records use, captures and dependencies).
Object *check_ident_obj(Checker *c, Expr *e);
// [t], or INVALID_TYPE after reporting "invalid recursive type" when [t] is a named type
// still being declared (one whose size or method set must be known), used at [at].
Type *check_complete(Checker *c, Type *t, Pos at);
// Where selector [e]'s selected name starts (its errors are reported there, as gc).
Pos check_sel_pos(Expr *e);

// ---- check_assign.c: untyped conversion, assignability, assignment statements ----
// Convert untyped [e] to [target] (typed, or untyped for matching); reports errors.
void check_convert_untyped(Checker *c, Expr *e, Type *target);
// Give untyped [e] its default type.
void check_default(Checker *c, Expr *e);
// Set the final type of an untyped expression tree (go/types' updateExprType).
void check_update_type(Checker *c, Expr *e, Type *t);
// Check that [e] can be assigned to a variable of type [t] (t NULL: blank); converts untyped
// values. [context] is Go's phrase ("assignment", "argument to f"...). Returns success.
bool check_assignment(Checker *c, Expr *e, Type *t, const char *context);
// gc's parenthesised reason why [v] lacks method [missing] of interface [iface] (found by
// type_implements, with its [wrong_ptr]): "(missing method M)", "(method M has pointer
// receiver)", "(wrong type for method M)\n\t\thave ...\n\t\twant ..."...
const char *check_method_cause(Checker *c, Type *v, Type *iface, const char *missing,
                               bool wrong_ptr);
// Whether constant [e] is representable in basic type [t]; on success converts e->cval.
// [code] receives 0, 1 (truncated) or 2 (overflows) or 3 (other) on failure.
bool check_representable(Checker *c, Expr *e, Type *t, int *code);
// Report the representability failure of [e] converting to [t] (go/types invalidConversion).
void check_invalid_conversion(Checker *c, Expr *e, Type *t, int code);
void check_assign_stmt(Checker *c, Stmt *s);
// go/types lhsVar: check an assignment's lhs without counting it as a use; returns its type,
// NULL for the blank identifier, INVALID_TYPE after an error.
Type *check_lhs_var(Checker *c, Expr *lhs);
// After [lhs] was checked as an operand: report unless it is addressable or a map index.
bool check_assignable_lhs(Checker *c, Expr *lhs);
// var x, y T = a, b (local or package-level): lhs objects get their types.
void check_var_init(Checker *c, Object **lhs, int nlhs, Expr *type, ExprVec *values, Pos pos);
// A //go:embed variable (check_embed.c): checks its type and turns its placeholder value
// into its contents; false after reporting an error (the var is then left uninitialized).
bool check_embed_var(Checker *c, Spec *s);
// After a program checked without errors: the //go:embed errors Go reports only then
// (placement, then types), each kind only when the one before found nothing.
void check_embed_report(const struct Program *prog, Diag *d);
// Number of values [e] (checked) produces; fills [types] (caller-allocated, may be NULL).
int check_value_count(Expr *e);
Type *check_value_type(Expr *e, int i);

// ---- check_access.c: selectors, index and slice expressions, type assertions ----
void check_selector(Checker *c, Expr *e);
void check_index(Checker *c, Expr *e, Type *hint);
void check_slice_expr(Checker *c, Expr *e);
void check_type_assert(Checker *c, Expr *e);
// Constant index check: returns the index or -1 when not constant; reports errors.
int64_t check_index_value(Checker *c, Expr *e, int64_t max, bool allow_max);

// ---- check_lit.c: composite and function literals ----
void check_composite(Checker *c, Expr *e, Type *hint);
void check_funclit(Checker *c, Expr *e);

// ---- check_call.c / check_builtin.c: calls, conversions, builtins ----
void check_call(Checker *c, Expr *e);
void check_conversion(Checker *c, Expr *e, Type *t);
void check_builtin_call(Checker *c, Expr *e, Builtin b);
// complex, real and imag (check_complex.c); the argument count is already checked.
void check_builtin_complex(Checker *c, Expr *e, Builtin b);
// Check call arguments [args] against signature [sig]; [name] names the callee in messages.
void check_arguments(Checker *c, Expr *call, Type *sig, ExprVec *args, const char *name);
// The steps of check_arguments. check_arg_types checks the arguments and returns their
// count with their types in *out (the tuple elements of f(g()), *tuple set), or -1.
int check_arg_types(Checker *c, ExprVec *args, Type ***out, bool *tuple);
// Go's "not enough/too many arguments" and "..." errors; returns success.
bool check_arg_count(Checker *c, Expr *call, Type *sig, ExprVec *args, const char *name,
                     Type **ts, int nargs, bool tuple);
// Assignability of each argument to its parameter (converting untyped constants).
void check_arg_assign(Checker *c, Expr *call, Type *sig, ExprVec *args, const char *name,
                      Type **ts, int nargs, bool tuple);
// Mode and type of call [e] from signature [sig]'s results.
void check_call_result(Expr *e, Type *sig);

// ---- check_generic.c: generic library functions ----
// Whether [t] is the signature of a generic function.
bool check_is_generic(Type *t);
// Signature of bodyless generic function [fn] of a library package (type parameters in
// d->tparams, constraints any, comparable, named constraint interfaces, ~T unions).
Type *check_generic_signature(Checker *c, Decl *d, Object *fn);
// An interface type [it] with the union elements of [fields] as its type set terms
// (constraint interfaces of library packages, like cmp.Ordered). Not interned.
Type *check_constraint_iface(Checker *c, Type *it, FieldVec *fields);
// Append the terms of union [e] to [out] (a VEC(TTerm) *).
void check_union_terms(Checker *c, Expr *e, void *out);
// [t] with type arguments [targs] (indexed by type parameter index) substituted.
Type *check_subst(Type *t, Type **targs);
// f[T...] for generic f ([e] an E_INDEX): the explicit type arguments, kept on e.
void check_explicit_targs(Checker *c, Expr *e);
// Call [e] of generic function with signature [sig]: infer, verify, instantiate.
void check_generic_call(Checker *c, Expr *e, Type *sig);
// Report a generic function [e] used without a call ("cannot use generic function ...
// without instantiation"); returns false then.
bool check_generic_value(Checker *c, Expr *e);
// Go 1.21: generic function [e] used where a value of func type [target] is expected gets
// its type arguments from target (as far as it is known) and becomes a use of that
// instance. False when they cannot all be inferred (e is left as it was).
bool check_generic_func_value(Checker *c, Expr *e, Type *target);

// Declare the type parameters of [tparams] in c->scope and resolve their constraints;
// returns the type parameter types (*n of them).
Type **check_declare_tparams(Checker *c, FieldVec *tparams, int *n);
// types2's implements: whether type argument [a] satisfies type parameter [p]'s constraint
// (with [targs] substituted into it); reports at [at] otherwise.
bool check_satisfies(Checker *c, Pos at, Type *p, Type *a, Type **targs);

// ---- check_instantiate.c: generic functions and types with bodies ----
// Record generic function/method [d] or generic type spec [s] of object [o] (a pristine copy).
void check_generic_collect(Checker *c, Object *o, Decl *d, Spec *s);
// Whether receiver [recv] is of a generic type (s *Stack[T]).
bool check_generic_recv(Field *recv);
// Record the scope declaring the type parameters of generic [o].
void check_generic_set_scope(Object *o, Scope *s, Type **tparams, int n);
// Report a generic type [o] used without instantiation at [e]; false if [o] is not generic.
bool check_generic_type_unused(Checker *c, Expr *e, Object *o);
// Declaration of generic type [obj] (type Stack[T any] ...).
void check_generic_type_spec(Checker *c, Object *obj, Spec *spec);
// E_INDEX [e] whose operand is a generic type: instantiate it (false if it is not one).
bool check_generic_type_index(Checker *c, Expr *e);
// The instance of generic type [o] / function [gen] for [targs] (cached).
Type *check_instantiate_type(Checker *c, Object *o, Type **targs, int n);
Object *check_instantiate_func(Checker *c, Object *gen, Type **targs, int n);
// Report Go's "instantiation cycle" when generic function [callee], called in its own body,
// gets a type argument that strictly contains its own type parameter (F([]T{x})), or, called
// anywhere, one that mentions a type declared in its own body (or an instance's). [index]:
// the f[A, B] of explicit type arguments (NULL: all inferred); [call]: the call's position.
bool check_inst_cycle(Checker *c, Object *callee, Type **targs, Expr *index, Pos call);
// check_subst of an instance type that mentions type parameters.
Type *check_subst_instance(Type *t, Type **targs);
// A method declared on a generic type.
void check_generic_method_decl(Checker *c, Object *fn, Decl *d);
// Check generic function or method body [d] against its constraints (not compiled).
void check_generic_body(Checker *c, Decl *d);
// Check the bodies of all instances created so far (and those they create).
void check_generic_drain(void);
// Forget the generic methods of packages outside gol's library and the instances the last
// program made of the library's generics (between two programs sharing the library's
// packages, check_share_std).
void check_generic_forget_programs(void);
// Sharing the library (check_share_std) while the program itself, not a library package
// it imports, is checked: what the library gains now is the program's, dropped after it.
bool check_share_programs(void);
// [fn] was added to [p]'s funcs: noted when it is the program's (check_share_programs).
void check_share_note_func(Package *p, Object *fn);

// ---- check_stmt.c / check_switch.c / check_flow.c ----
void check_one_stmt(Checker *c, Stmt *s);
void check_switch_stmt(Checker *c, Stmt *s);
void check_typeswitch_stmt(Checker *c, Stmt *s);
void check_select_stmt(Checker *c, Stmt *s);
void check_range_stmt(Checker *c, Stmt *s);

// ---- check_rangefunc.c: range over functions ----
// Key and value types (NULL when absent) of ranging over x of function type [u]; false
// after reporting why x cannot be ranged over.
bool check_rangefunc_types(Checker *c, Expr *x, Type *u, Type **key, Type **val);
// A use of local variable [v]: inside a range-over-func body that did not declare it, v
// must escape (the body runs in a frame of its own).
void check_rangefunc_note(Checker *c, Object *v);
void check_block(Checker *c, Block *b);
void check_stmt_list(Checker *c, StmtVec *list);
// Open/close a block scope belonging to the current function.
Scope *check_open_scope(Checker *c);
void check_close_scope(Checker *c);
// Spec "Terminating statements".
bool check_is_terminating(Stmt *s, const char *label);
bool check_list_terminating(StmtVec *list);
// Collect labels of a function body; report unused ones at the end.
void check_collect_labels(Checker *c, Block *body);
void check_report_labels(Checker *c);
// Add to [out] the package-level variables [di] depends on (not yet in [seen]), following
// the bodies of the functions it uses (declared functions, and the REPL's function
// variables, whose infos are D_FUNC too).
void check_var_deps(Checker *c, DeclInfo *di, PtrMap *seen, DeclInfoVec *out);
void check_branch(Checker *c, Stmt *s);
// Report "declared and not used" for the function's scopes.
void check_report_unused(Checker *c, FuncCtx *fn);

// ---- check_pkg.c: packages ----
// Load (parse and check) the package with import [path]; NULL if unknown.
Package *check_import(Checker *c, const char *path, Pos pos);
// Collect package-level declaration [d]: its objects enter c->pkg->scope (imports:
// c->file_scope) with their DeclInfo, to be resolved lazily. (Used by check_repl.c too.)
void check_collect_decl(Checker *c, Decl *d);
// Report the imports of file [f] that nothing used ("imported and not used"; also used by
// check_repl.c for each input).
void check_unused_imports(Checker *c, File *f);

// Duplicate constants (map literal keys, switch cases): two constant expressions are the same
// key when they have the same type and equal values; the hash agrees with that (hashset.h).
bool check_const_key_same(const void *a, const void *b);
uint64_t check_const_key_hash(const Expr *k);

#endif
