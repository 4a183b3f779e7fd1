// Shared by the vet analyzers (vet*.c): the report sink, the walk's hooks and helpers
// that name things the way go/types prints them.
#ifndef GOL_VET_INT_H
#define GOL_VET_INT_H

#include "ast.h"
#include "constant.h"
#include "diag.h"
#include "object.h"
#include "types.h"
#include "vet.h"

typedef struct Vet {
    Package *pkg;
    VEC(DiagMsg) msgs;     // findings, sorted by position when printed
    int dead;              // > 0 inside the branch of an `if` whose condition is constant false
                           // (or the else of a constant true one): the shift analyzer skips it
    bool top;              // walking package-level declarations (outside any function)
    Object *stringer;      // the String() string or Error() string method being walked, or NULL
    VEC(Expr *) bool_seen; // bools: && / || nodes already examined as part of a chain
    bool go_test;          // only the analyzers go test runs (printf, bools, nilfunc, atomic)
} Vet;

// Record a finding at [pos].
GOL_PRINTF(3, 4) void vet_report(Vet *v, Pos pos, const char *fmt, ...);

// go/types' TypeString with no qualifier: "sync.Mutex", "command-line-arguments.T",
// "[]int", "sync/atomic.Pointer[int]".
const char *vet_type_str(Type *t);
// The expression as go/printer prints it (analysisutil.Format).
const char *vet_expr_str(Expr *e);
// The function a call statically calls (NULL: a func value, builtin or conversion).
Object *vet_callee(Expr *call);
// types.Func.FullName: "fmt.Printf", "(*log.Logger).Printf", "main.worker".
const char *vet_func_name(Object *fn);
// Whether [fn] is package [path]'s function [name] (a plain function, not a method).
bool vet_is_func(Object *fn, const char *path, const char *name);
// The value of a constant string expression, or NULL.
const char *vet_const_string(Expr *e, int64_t *len);
// Whether [t] or *t has method [name] (taking nparams parameters, or any when < 0).
bool vet_has_method(Type *t, const char *name, int nparams);

// Analyzer hooks, called by the walk in vet.c.
void vet_printf_call(Vet *v, Expr *call);
void vet_copylock_call(Vet *v, Expr *call);
void vet_copylock_func(Vet *v, const char *name, Field *recv, Expr *ftype);
void vet_copylock_stmt(Vet *v, Stmt *s);
void vet_copylock_spec(Vet *v, Spec *sp);
void vet_copylock_composite(Vet *v, Expr *lit);
void vet_append_call(Vet *v, Expr *call);        // appends
void vet_binary(Vet *v, Expr *e);                // nilfunc, bools
void vet_unused_result(Vet *v, Expr *x);         // unusedresult (an expression statement)
void vet_assign_stmt(Vet *v, Stmt *s);           // assign (self-assignment)
void vet_unreachable_block(Vet *v, StmtVec *ss); // unreachable
void vet_atomic_stmt(Vet *v, Stmt *s);           // atomic (vet_sync.c)
void vet_waitgroup_go(Vet *v, Stmt *s);          // waitgroup (vet_sync.c)
void vet_lostcancel_stmt(Vet *v, Stmt *s);       // lostcancel (vet_lostcancel.c)
void vet_lostcancel_spec(Vet *v, Spec *sp);
void vet_shift_expr(Vet *v, Expr *e); // shift (vet_shift.c)
void vet_shift_stmt(Vet *v, Stmt *s);

#endif
