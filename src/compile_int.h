// Internal interface between the compiler's files (emit.c, compile.c, compile_expr.c,
// compile_stmt.c, compile_call.c, compile_lvalue.c, methods.c). Not used outside src/compile*.
//
// Registers are allocated in stack order: parameters first, then locals as they are declared
// (freed at the end of their block), then temporaries above (freed at the end of each
// statement or sub-expression). A non-escaping scalar variable lives in its register; an
// escaping variable's register holds its heap cell (storage); a struct/array variable's
// register always holds a pointer to its storage (docs/values.md).
#ifndef GOL_COMPILE_INT_H
#define GOL_COMPILE_INT_H

#include "compile.h"
#include "hashset.h"
#include "constant.h"
#include "types.h"

typedef struct Loop Loop;

// Pending jumps to patch: indices of jump instructions in the code.
typedef VEC(int) JumpList;

// A breakable/continuable statement being compiled.
struct Loop {
    Loop *outer;
    Stmt *stmt;          // the FOR/RANGE/SWITCH/TYPESWITCH/SELECT (BRANCH.target)
    JumpList breaks;
    JumpList continues;  // continue jumps (patched to the post statement)
    int continue_pc;     // -1 until known
    struct RFLoop *rf;   // a range-over-func loop: its body runs in a frame of its own
};

typedef struct Label {
    const char *name;
    int pc;              // -1 until defined
    JumpList gotos;
} Label;

typedef struct FuncState {
    struct FuncState *parent;
    Package *pkg;
    Object *fobj;        // the function (NULL for synthesized entry/wrappers)
    Proto *proto;
    VEC(Instr) code;
    VEC(Pos) pcpos;
    VEC(Slot) k;
    VEC(uint8_t) kk;     // KKind of each k entry
    HashSet kindex;      // k's entries by bit pattern (value: index + 1), for k_add
    int nactive;         // first free register
    int maxregs;
    Pos pos;             // position attributed to emitted instructions
    Loop *loop;
    VEC(Label) labels;
    int *result_regs;    // register of each result variable (named or hidden)
    int nresults;
    bool has_defer;
    JumpList epilogue;   // jumps to the deferreturn epilogue
    int epilogue_pc;     // -1 until emitted
    bool no_fused;       // don't emit 16-bit-offset compare-and-jump instructions
    bool jump_overflow;  // a fused jump's target was out of range: recompile with no_fused
    int nlits;           // function literals numbered so far (for "main.f.func1" names)
    int hoisted;         // nodes computed ahead of their statement and not yet used
    bool copy_args;      // compiling go/defer arguments: aggregates are always copied
    struct RFState *rf;  // range-over-func loops (compile_rangefunc.c), NULL if none
    int arena_mark;      // 1 + register of OP_ARENA's mark, its block's address in the next
                         // register; 0: the frame has no arena (docs/values.md)
    int arena_pc;        // the OP_ARENA (its Bx, the block size, is set at the end)
    int arena_slots;     // slots of the block given to variables so far
    bool arena_wanted;   // a variable could have used an arena: recompile with one
    Expr *access_expr;   // the variable expression being compiled (memevent site names)
    Expr *site_expr;     // the last MEMEV site made (reused while expr and pos stay)
    Pos site_pos;
    uint32_t site;
} FuncState;

// ---- emit.c: instructions, registers, constants, jumps ----
int comp_emit(FuncState *fs, int op, int a, int b, int c);
int comp_emit_bx(FuncState *fs, int op, int a, uint32_t bx);
int comp_emit_sbx(FuncState *fs, int op, int a, int32_t sbx);
int comp_emit_x(FuncState *fs, int a, int b, int c);      // an EXTRA operand word
int comp_emit_xbx(FuncState *fs, int a, uint32_t bx);     // an EXTRA word with bx
// An array element access [op] (INDEX_A, SETINDEX_A or ADDR_A) of an array of [len]
// elements of [elem_slots] slots each, with its X words.
void comp_emit_array(FuncState *fs, int op, int a, int b, int c, int elem_slots, int64_t len);
int comp_emit_jump(FuncState *fs, int op, int a, int b);  // returns its index, offset to patch
void comp_patch_here(FuncState *fs, int jump);            // jump goes to the next emitted instr
void comp_patch_to(FuncState *fs, int jump, int target);
void comp_patch_list_here(FuncState *fs, JumpList *l);
void comp_emit_jump_back(FuncState *fs, int target);      // JMP to an earlier pc
int comp_pc_here(FuncState *fs);
int comp_reg_alloc(FuncState *fs, int n);                 // n consecutive registers
void comp_reg_free_to(FuncState *fs, int mark);
int comp_k_int(FuncState *fs, int64_t v);
int comp_k_float(FuncState *fs, double v);
// Pointer constants, each recording its kind (KKind) for the disassembler; comp_k_ptr is an
// untyped one (disasm prints it as K<index>), for what none of the others describes.
int comp_k_ptr(FuncState *fs, const void *p);
int comp_k_type(FuncState *fs, Type *t);
int comp_k_proto(FuncState *fs, Proto *p);
int comp_k_func(FuncState *fs, struct GoFunc *f);
int comp_k_callsite(FuncState *fs, CallSite *cs);
int comp_k_cstr(FuncState *fs, const char *s);
struct GoComplex;
int comp_k_complex(FuncState *fs, struct GoComplex *z);
int comp_k_string(FuncState *fs, const char *s, int64_t len);
void comp_emit_load_int(FuncState *fs, int dst, int64_t v);
void comp_emit_move(FuncState *fs, int dst, int src);
// Copy [n] slots from storage R[src].p to R[dst].p (COPYN, or COPYN_X beyond 16 bits).
void comp_emit_copyn(FuncState *fs, int dst, int src, int n);
Proto *comp_fs_finish(FuncState *fs, const char *name, int nparams, int nresults);
// Turn [p]'s returns into RETC/RET0C unless its frame never holds a pointer
// (compile_frameclear.c).
void comp_frame_clear(Proto *p);
// `x := f()` with a pointer-holding new variable: its registers and the call's result
// register (the next one) should be cleared before the call (compile_frameclear.c).
bool comp_define_clears(const Stmt *s);

// ---- compile_memev.c: shared-memory event instrumentation (runtime/memevent.h) ----
// Emit the MEMEV that precedes an instruction [op] flagged F_MEM (nothing unless
// memevent_enabled).
void comp_memev_before(FuncState *fs, int op);
// Name [p] as the function of the sites of its MEMEVs.
void comp_memev_finish(FuncState *fs, Proto *p);
void comp_fs_init(FuncState *fs, FuncState *parent, Package *pkg, Object *fobj);

// ---- compile.c ----
// Go's traceback name of a function object ("main.f", "main.(*T).M", "main.main.func1").
const char *comp_func_name(Object *f);
// The GoFunc value of a top-level function or method (compiled on demand).
GoFunc *comp_func_value(Object *f);
Proto *comp_func_proto(Object *f);
// Compile the body of function [f] (declared or literal).
Proto *comp_func(Package *pkg, Object *f, FuncState *parent);
// Storage for package [p]'s variables (slot indices into the global table), once.
void comp_package_globals(Package *p);
// Compile every function of [p] not compiled yet (function literals are compiled inside
// their parents).
void comp_package_funcs(Package *p);
// Emit the initialisation of package-level variables [e] (an entry of init_order) in [fs].
void comp_init_entry(FuncState *fs, InitEntry *e);
// Whether function [fs] may write into local [v]'s own storage (assigns it, its fields or
// elements); true when unsure.
bool comp_may_write(FuncState *fs, Object *v);

// ---- compile_lazy.c: library functions compiled when first referenced ----
// Put [f] (a function with a Go body whose Proto was just made) on the pending list when
// library bodies are lazy (check.h's check_lazy_bodies); nothing otherwise.
void comp_lazy_note(Object *f);
// Check and compile every pending function without code, and what they reference in turn.
// Does nothing before comp_lazy_ready or inside a drain. At run time the caller holds
// methods.c's lock.
void comp_lazy_drain(void);
// comp_program's eager part is done: drain now and from then on.
void comp_lazy_ready(void);

// ---- compile_expr.c ----
// Compile [e] into register [dst] (dst >= 0), or into any register when dst < 0 (the
// returned register may be a variable's own: read-only for the caller).
int comp_expr(FuncState *fs, Expr *e, int dst);
// Compile [e] converted to type [to] (boxing into interfaces, nil of any type) into dst.
int comp_expr_to(FuncState *fs, Expr *e, Type *to, int dst);
// As comp_expr_to, and the result is a private copy when [to] is a struct/array type and the
// value could be aliased (the value is being stored into a variable or location).
int comp_expr_store(FuncState *fs, Expr *e, Type *to, int dst);
// Compile a multi-valued expression (a call with several results, or the comma-ok forms
// m[k], x.(T), <-c) into registers base .. base+n-1.
void comp_expr_multi(FuncState *fs, Expr *e, int base, int n);
// The type of value [i] of multi-valued expression [e] (a call's result, or a comma-ok
// form's value and bool).
Type *comp_expr_multi_type(Expr *e, int i);
// Convert the value in register [r] of type [from] to type [to] in place (boxing etc.).
void comp_emit_convert(FuncState *fs, int r, Type *from, Type *to);
// Compile a boolean condition: jumps to a list when it is [when]; falls through otherwise.
void comp_cond(FuncState *fs, Expr *e, bool when, JumpList *jumps);
// Whether [e] yields a fresh struct/array value (no copy needed before storing it).
bool comp_expr_is_fresh(Expr *e);
// Emit the constant value [cv] of type [t] into dst.
void comp_emit_const(FuncState *fs, ConstVal *cv, Type *t, int dst);
// Zero value of [t] into dst (new storage for structs/arrays).
void comp_emit_zero(FuncState *fs, Type *t, int dst);
// Copy slots for a struct/array register value in [r] of type [t] into fresh storage.
void comp_emit_clone(FuncState *fs, Type *t, int r);
// comp_emit_clone when [t] is a struct/array type; nothing otherwise.
void comp_emit_clone_agg(FuncState *fs, Type *t, int r);
bool comp_type_is_aggregate(Type *t); // struct or array (multi-slot storage)

// ---- compile_composite.c ----
int comp_composite(FuncState *fs, Expr *e, int dst);
// Store the elements of struct/array literal [e] into zeroed storage R[base] of its type.
void comp_composite_into(FuncState *fs, Expr *e, int base);
int comp_index(FuncState *fs, Expr *e, int dst);
// An index or slice bound into a register (unsigned ones pass through UIDX).
int comp_index_operand(FuncState *fs, Expr *e);
void comp_index_ok(FuncState *fs, Expr *e, int base); // v, ok := m[k]
int comp_slice(FuncState *fs, Expr *e, int dst);
int comp_selector(FuncState *fs, Expr *e, int dst);
int comp_funclit(FuncState *fs, Expr *e, int dst);
// Walk a field path from the value in register [r] of type [t]: returns the register and
// slot offset of the final field's storage (*off), following embedded pointers; *ft gets
// the field's type.
int comp_field_path(FuncState *fs, int r, Type *t, int *path, int npath, int *off, Type **ft);
// Store register [src] (value of type t) into storage at R[base].p + off.
void comp_emit_store_mem(FuncState *fs, int base, int off, int src, Type *t);
// Load the value of type t at R[base].p + off into dst (aggregates: the address).
void comp_emit_load_mem(FuncState *fs, int base, int off, int dst, Type *t);

// ---- compile_lvalue.c ----
typedef enum LvKind {
    LV_BLANK,   // _
    LV_REG,     // non-escaping local variable in register a
    LV_MEM,     // storage at R[a].p + off (cells, fields through pointers, globals)
    LV_CAP,     // captured variable: cell fn->caps[a] (+ off)
    LV_GLOBAL,  // global variable a (+ off)
    LV_SLICE,   // slice R[a], index R[b]
    LV_ARRAY,   // array storage R[a], index R[b], len alen
    LV_MAP,     // map R[a], key R[b]
} LvKind;

typedef struct LValue {
    LvKind kind;
    int a, b;
    int off;
    int64_t alen;
    Type *type;   // type of the location
    Object *var;  // LV_REG: the variable
} LValue;

// Evaluate the operands of an assignable expression (variables, fields, elements, map
// entries, *p) into registers, without reading the location.
LValue comp_lvalue(FuncState *fs, Expr *e);
// The location of variable [v].
LValue comp_lvalue_var(FuncState *fs, Object *v);
// Store register [src] (a value of lv->type, already converted and copied if needed).
void comp_lv_store(FuncState *fs, LValue *lv, int src);
// Copy [lv]'s operand registers that are variables (below [mark]) into temps, so that
// earlier stores of the same tuple assignment cannot change them (i, s[i] = 2, 99).
void comp_lv_pin(FuncState *fs, LValue *lv, int mark);
// Load the location's current value into [dst].
void comp_lv_load(FuncState *fs, LValue *lv, int dst);
// Register holding the address (Slot *) of an addressable expression [e].
int comp_addr(FuncState *fs, Expr *e, int dst);
// Variable access helpers.
void comp_var_load(FuncState *fs, Object *v, int dst);
int comp_var_reg(FuncState *fs, Object *v); // register of a non-escaping local, else -1
// For a captured variable of an enclosing function, its index in fs's captures (or -1).
int comp_capture_index(FuncState *fs, Object *v);

// ---- compile_call.c ----
// Compile a call (function, method, interface method, builtin or conversion) with its
// results in consecutive registers starting at dst (dst >= 0 or < 0 for any). [nres]: how
// many results are wanted. Returns the first result's register.
int comp_call(FuncState *fs, Expr *call, int dst, int nres);
// The receiver of method selector [sel] (SEL_METHOD), adjusted as the method's receiver
// type requires (address taken, pointer dereferenced, embedded path walked), into r.
void comp_receiver(FuncState *fs, Expr *sel, int r);
// Load the interface operand of an interface-method selector (through embedded fields).
void comp_load_iface_operand(FuncState *fs, Expr *sel, int dst);
// go / defer statements.
void comp_go_defer(FuncState *fs, Expr *call, bool is_go, Pos stmt_pos);
// Build the callee and arguments of [call] into consecutive registers at base (callee at
// base, args after); returns the number of argument slots.
int comp_args(FuncState *fs, Expr *call, int base);

// ---- compile_stmt.c ----
void comp_block(FuncState *fs, Block *b);
void comp_stmt(FuncState *fs, Stmt *s);
// Declare local variable [v] in the next register (allocating its cell if it escapes) and
// initialise it from register [src] (or to zero when src < 0).
void comp_declare_local(FuncState *fs, Object *v, int src);
// Copy struct/array parameter [v] (in register [r]), which its function writes, into a
// block of the frame arena when it does not escape; false when it must be cloned instead.
bool comp_arena_param(FuncState *fs, Object *v, int r);
// Variable [v] takes register [r], which already holds its initial value (allocating the
// heap cell of an escaping scalar).
void comp_bind_local(FuncState *fs, Object *v, int r);
// Emit the function's return sequence for results already in its result registers.
void comp_emit_return(FuncState *fs);
// `return x, y`: the results, converted to the result types, into tmp.. (fresh copies).
void comp_return_values(FuncState *fs, Stmt *s, int tmp);
// Return the results in registers tmp.. (through the result variables when needed).
void comp_return_regs(FuncState *fs, int tmp);

// ---- compile_flow.c: range helpers shared with compile_rangefunc.c ----
// Registers for the variables a `for k, v := range` declares.
void comp_range_vars(FuncState *fs, Stmt *s);
// Per-iteration assignment of range variable [lhs] (index idx) from register src (type t).
void comp_range_assign(FuncState *fs, Stmt *s, Expr *lhs, int idx, int src, Type *t);

// ---- compile_rangefunc.c: range over functions ----
// `for k, v := range f`: the body is compiled in line as a closure of its own frame.
void comp_range_func(FuncState *fs, Stmt *s);
// Whether fs is compiling the body of a range-over-func loop.
bool comp_in_rfbody(FuncState *fs);
// A break/continue/goto in a loop body that leaves the body: true when compiled here.
void comp_rf_return(FuncState *fs, Stmt *s);
bool comp_rf_branch(FuncState *fs, Stmt *s);
// Point the loop bodies' protos at their slices of [p]'s finished code (comp_fs_finish).
void comp_rf_finish(FuncState *fs, Proto *p);

// ---- compile_order.c: gc's evaluation order ----
// Compute ahead, into temporaries, the calls (and receives, slicing, allocating builtins)
// of [v]'s trees when a plain read comes before one of them; comp_expr then uses the temps.
void comp_order_list(FuncState *fs, Expr **v, int n);
// comp_order_list over the operands of [e] (a call's receiver/function and arguments, a binary
// expression's sides, a literal's elements, an index or slice expression's parts).
void comp_order_operands(FuncState *fs, Expr *e);
// The register of hoisted node [e] (moved to [dst] when dst >= 0); [e] is unmarked.
int comp_take_hoisted(FuncState *fs, Expr *e, int dst);

// ---- methods.c ----
// Call method [m] (OBJ_FUNC) with the receiver at R[base+1] and the arguments after it:
// CALLK, or through the method's cell when the REPL may replace its code.
void comp_emit_method_call(FuncState *fs, int base, Object *m);
// R[dst] = the function value of method [m] (its code as of the call, for cells).
void comp_emit_method_load(FuncState *fs, int dst, Object *m);
// Function value for calling method [m] (OBJ_FUNC) on a receiver of type [recv] (the type
// the value has at the call: T or *T), through [path] of embedded fields. Generates a
// wrapper when the receiver needs adjusting.
GoFunc *comp_method_value_for(Type *recv, Object *m, int *path, int npath);
// Bound method value thunk for method [m] reached from receiver type [recv].
Proto *comp_method_bound_thunk(Type *recv, Object *m, int *path, int npath);
// Forget [t]'s cached run-time method set (the REPL declared or replaced a method of t).
// Readers still walking the old cache finish safely; later lookups rebuild it.
void rt_method_cache_reset(Type *t);

#endif
