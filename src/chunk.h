// Compiled code: one Proto per Go function, closure body, method wrapper or native. A Proto is
// immutable once published (the REPL publishes new ones; old ones stay valid).
#ifndef GOL_CHUNK_H
#define GOL_CHUNK_H

#include "../runtime/funcinfo.h"
#include "../runtime/native.h"
#include "common.h"
#include "pos.h"

#include <stdatomic.h>

typedef struct Type Type;

// One instruction: 8 bytes. Operands are registers (R[x], relative to the frame base),
// constant indices (K[x]) or immediates, as opcodes.h says per opcode.
struct Instr {
    uint16_t op;
    uint16_t a;
    union {
        struct {
            uint16_t b, c;
        };
        int32_t sbx; // signed: jump offsets (relative to the next instruction), immediates
        uint32_t bx; // unsigned: constant indices
    };
};

// What a constant-pool entry is, recorded by the compiler when it adds the entry (emit.c's
// k_* helpers), so `gol disasm` prints constants without guessing.
typedef enum KKind {
    KK_RAW,      // anything else (printed as K<index>)
    KK_INT,      // Slot.i
    KK_FLOAT,    // Slot.f
    KK_COMPLEX,  // GoComplex *
    KK_STRING,   // GoString * (NULL: "")
    KK_TYPE,     // Type *
    KK_PROTO,    // Proto *
    KK_FUNC,     // GoFunc * (a function value without captures)
    KK_CALLSITE, // CallSite * (interface method call)
    KK_CSTR,     // const char * (a message)
} KKind;

// A Proto begins with the run time's view of it (runtime/funcinfo.h: name, code, ncode,
// pcpos, pos, type, nparams, nresults, hidden, user), reachable here by those names.
struct Proto {
    union {
        FuncInfo info;
        struct {
            FUNCINFO_FIELDS
        };
    };
    Slot *consts;         // K[]: numbers, GoString*, Type*, Proto*, GoFunc*...
    int nconsts;
    uint8_t *kkinds;      // KKind of each constant (nconsts entries)
    int nregs;            // frame size in slots (params are R[0..nparams))
    bool variadic;
    int ncaps;            // captured variables (closures)
    NativeFn native;      // non-NULL: a native; code is NULL
    GoFunc *fn0;          // the shared value of a function without captures (lazily made)
    int epilogue_pc;      // functions with defers: pc of the deferreturn epilogue (a
                          // recovered panic resumes there); -1 otherwise
    bool rfbody;          // a range-over-func loop body: code, consts and line table are
                          // a slice of its function's (compile_rangefunc.c)
    uint8_t fastpath;     // PROTO_FAST_*: a native whose uncontended case CALLK runs inline
    int arena_mark;       // 1 + the register where OP_ARENA keeps the frame arena's mark
                          // (popping the frame gives the block back); 0: no frame arena
};
_Static_assert(sizeof(Instr) == FUNCINFO_INSTR_BYTES, "funcinfo.h's instruction size");

// Natives with an inline fast path in the VM (vm_int.h vm_fastpath); the native still runs
// whenever the fast path does not apply, so it keeps the whole semantics.
enum { PROTO_FAST_NONE, PROTO_FAST_MUTEX_LOCK, PROTO_FAST_MUTEX_UNLOCK };

// A call site's inline cache for interface method calls (CALLI): the methods of the last
// CALLSITE_WAYS dynamic types seen there, most recent first. entry points to an immutable
// MethodCacheEntry, replaced whole (published with a release store) on a miss, so a site
// that sees a few types in turn stops missing.
enum { CALLSITE_WAYS = 4 };
typedef struct MethodCacheEntry {
    int n;
    struct {
        Type *type;
        GoFunc *fn;
    } way[CALLSITE_WAYS];
} MethodCacheEntry;

typedef struct CallSite {
    const char *name; // method name
    _Atomic(MethodCacheEntry *) entry;
} CallSite;

// CALLI's slow path (methods.c): the method [cs] names for dynamic type [t], from the
// site's other cache ways or the type's method set; the site's cache then starts with [t].
GoFunc *callsite_method(CallSite *cs, Type *t);

#endif
