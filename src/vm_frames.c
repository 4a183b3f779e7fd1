// Frames and calls outside the dispatch loop's fast paths: frame push with stack growth,
// native calls, deferred calls, panic unwinding, goroutine creation (`go`, and the main
// goroutine) and nested calls from natives back into Go (vm_call).
#include "vm_int.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../runtime/arena.h"
#include "../runtime/detpolicy.h"
#include "../runtime/out.h"
#include "../runtime/race.h"

#define INITIAL_SLOTS 32
#define INITIAL_FRAMES 4

void vm_ensure_stack(G *g, int64_t need) {
    if (need <= g->stack_size)
        return;
    if (need > VM_MAX_STACK_SLOTS)
        rt_stack_overflow(g);
    // Growth by half (still amortised O(1)) to 8k-1 slots: a goroutine that once called a
    // little deeper than its initial stack keeps less of it while it sits parked, and the
    // byte libgc adds to each object fits in the last slot's granule instead of a new one.
    int64_t n = g->stack_size ? g->stack_size + g->stack_size / 2 : INITIAL_SLOTS;
    if (n < need)
        n = need + need / 2;
    n = ((n + 1 + 7) & ~(int64_t)7) - 1;
    g->stack = gc_realloc(g->stack, sizeof(Slot) * (size_t)n);
    g->stack_size = n;
}

Frame *vm_push_frame(G *g, Proto *p, GoFunc *fn, int64_t base) {
    vm_ensure_stack(g, base + p->nregs + 1);
    if (g->nframes == g->frames_cap) {
        if (g->frames_cap >= VM_MAX_FRAMES)
            rt_stack_overflow(g);
        int n = g->frames_cap ? g->frames_cap * 2 : INITIAL_FRAMES;
        g->frames = gc_realloc(g->frames, sizeof(Frame) * (size_t)n);
        g->frames_cap = n;
    }
    Frame *f = &g->frames[g->nframes++];
    f->proto = p;
    f->fn = fn;
    f->ip = p->code;
    f->base = base;
    f->defers = NULL;
    f->flags = 0;
    return f;
}

bool vm_sync_native(const Proto *p) {
    const char *n = p->name;
    return strncmp(n, "sync", 4) == 0 && (n[4] == '.' || n[4] == '/');
}

RtStatus vm_call_native(G *g, Proto *p, const Slot *args, Slot *res) {
    Slot a[16];
    int n = p->nparams;
    if (n > 16)
        gol_fatal_internal("native %s has too many parameters", p->name);
    // A copy (natives may call back into Go, which can move the stack), unrolled for the
    // usual 1-4 arguments: the `rep movs` gcc makes of a copy loop cost more than the call.
    switch (n) {
    default:
        for (int j = 4; j < n; j++)
            a[j] = args[j];
        // fall through
    case 4:
        a[3] = args[3];
        // fall through
    case 3:
        a[2] = args[2];
        // fall through
    case 2:
        a[1] = args[1];
        // fall through
    case 1:
        a[0] = args[0];
        // fall through
    case 0:
        break;
    }
    for (int j = 0; j < p->nresults; j++)
        res[j].i = 0;
    if (GOL_UNLIKELY(det_policy != NULL)) {
        // What the explorer's step footprints see of a native: a sync one writes the
        // object its first argument points to; any other may do anything (output, files,
        // user memory), so its step synchronises.
        if (vm_sync_native(p) && n > 0 && a[0].p)
            det_note((uintptr_t)a[0].p, true);
        else
            det_note(0, false);
    }
    return p->native(g, a, res);
}

bool vm_start_deferred(G *g, Defer *d, uint8_t flags, RtStatus *st) {
    if (!d->fn) { // defer of a nil func value panics when the call is made
        *st = op_nil_panic(g);
        return false;
    }
    Proto *p = d->fn->proto;
    if (p->native) {
        Slot res[16];
        *st = vm_call_native(g, p, d->args, res);
        return false;
    }
    Frame *top = &g->frames[g->nframes - 1];
    int64_t base = top->base + top->proto->nregs + 1;
    vm_ensure_stack(g, base + d->nargs + 1);
    for (int j = 0; j < d->nargs; j++)
        g->stack[base + j] = d->args[j];
    Frame *f = vm_push_frame(g, p, d->fn, base);
    f->flags = flags;
    *st = RT_OK;
    return true;
}

// A recovered panic is finished: drop it, and every older panic started in [f] or deeper
// (their frames are gone), and resume the frame that deferred the recovering call at its
// deferreturn epilogue. A panic started further out keeps running once [f] returns to the
// frame unwinding for it: its deferred call [f] recovered it earlier (Go's recovery, which
// unwinds the panic list to the recovering frame's stack pointer).
static void finish_recovery(G *g, Frame *f) {
    int fi = (int)(f - g->frames);
    Panic *p = g->panic;
    g->panic = p->link;
    while (g->panic && g->panic->frame >= fi && !g->panic->is_goexit)
        g->panic = g->panic->link;
    f->flags &= (uint8_t)~FRAME_UNWINDING;
    f->ip = f->proto->code + f->proto->epilogue_pc;
    panic_track(g);
}

ExecStatus vm_unwind(G *g) {
    static const Instr resume_unwind[2] = {{.op = OP_UNWIND}, {.op = OP_UNWIND}};
    for (;;) {
        if (g->nframes == 0)
            return EXEC_DONE;
        Frame *f = &g->frames[g->nframes - 1];
        Panic *p = g->panic;
        if (p && p->recovered && (f->flags & FRAME_UNWINDING)) {
            finish_recovery(g, f);
            return EXEC_RESUME;
        }
        if (f->defers) {
            Defer *d = f->defers;
            f->defers = d->next;
            f->flags |= FRAME_UNWINDING;
            uint8_t fl = FRAME_DEFERRED | (p && !p->is_goexit ? FRAME_PANICDEFER : 0);
            RtStatus st;
            if (vm_start_deferred(g, d, fl, &st))
                return EXEC_RESUME;
            if (st == RT_PARK) {
                g->frames[g->nframes - 1].ip = resume_unwind + 1;
                return EXEC_PARK;
            }
            continue; // a native deferred call ran (a new panic, if any, is now g->panic)
        }
        bool nested = f->flags & FRAME_NESTED;
        if (f->proto->arena_mark)
            arena_pop(g, g->stack[f->base + f->proto->arena_mark - 1].p);
        g->nframes--;
        if (nested)
            return EXEC_NESTED_PANIC;
        if (g->nframes == 0) {
            if (sched_repl_end_g(g)) // the REPL: a goroutine's panic ends only that goroutine
                return EXEC_DONE;
            if (p && p->is_goexit)
                return EXEC_DONE;
            panic_die(g);
        }
    }
}

// ---- goroutines ----

// Entry stubs: R[0] = function, R[1..n] = arguments; CALL, then return (ending the G).
static Proto *entry_stub(int nargs) {
    static Proto *stubs[32];
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    if (nargs < 32 && stubs[nargs])
        return stubs[nargs];
    Proto *p = gc_alloc(sizeof(Proto));
    Instr *code = gc_alloc(sizeof(Instr) * 2);
    code[0] = (Instr){.op = OP_CALL, .a = 0};
    code[0].b = (uint16_t)nargs;
    code[1] = (Instr){.op = OP_RET0};
    p->name = "runtime.goexit";
    p->code = code;
    p->ncode = 2;
    p->pcpos = gc_alloc(sizeof(Pos) * 2);
    p->nregs = nargs + 2;
    p->hidden = true;
    p->epilogue_pc = -1;
    if (nargs < 32) {
        pthread_mutex_lock(&lock);
        if (!stubs[nargs])
            stubs[nargs] = p;
        p = stubs[nargs];
        pthread_mutex_unlock(&lock);
    }
    return p;
}

static void setup_entry(G *ng, GoFunc *fn, const Slot *args, int nargs) {
    Proto *stub = entry_stub(nargs);
    vm_ensure_stack(ng, 2 + nargs + 8); // keeps the new G's cleared G_STACK_INIT slots
    ng->stack[1].p = fn;
    for (int j = 0; j < nargs; j++)
        ng->stack[2 + j] = args[j];
    vm_push_frame(ng, stub, NULL, 1);
    ng->rng = (uint32_t)ng->id * 2654435761u + 1;
}

G *vm_go(GoFunc *fn, const Slot *args, int nargs) {
    G *ng = sched_new_g();
    setup_entry(ng, fn, args, nargs);
    G *parent = g_current();
    if (parent && parent->nframes > 0) {
        Frame *pf = &parent->frames[parent->nframes - 1];
        ng->parent_id = parent->id;
        ng->created_in = pf->proto;
        ng->created_at = pf->ip - 1;
    }
    if (race_enabled)
        race_go(parent, ng);
    sched_spawn(ng);
    return ng;
}

Proto *vm_native_proto(const char *name, NativeFn fn, Type *sig, int nparams, int nresults,
                       bool hidden) {
    Proto *p = gc_alloc(sizeof(Proto));
    p->name = name;
    p->native = fn;
    p->type = sig;
    p->nparams = nparams;
    p->nresults = nresults;
    p->hidden = hidden;
    p->epilogue_pc = -1;
    return p;
}

// The main goroutine (created by the CLI before sched_main).
G *vm_main_g(GoFunc *entry) {
    G *g = sched_new_g();
    setup_entry(g, entry, NULL, 0);
    return g;
}

// ---- nested calls ----

RtStatus vm_call(G *g, GoFunc *fn, const Slot *args, int nargs, Slot *res, int nres) {
    Proto *p = fn->proto;
    if (p->native) {
        g->nested++;
        Slot r[16];
        RtStatus st = vm_call_native(g, p, args, r);
        g->nested--;
        for (int j = 0; j < nres && j < p->nresults; j++)
            res[j] = r[j];
        return st == RT_PANIC ? RT_PANIC : RT_OK;
    }
    int64_t base = 1;
    if (g->nframes > 0) {
        Frame *top = &g->frames[g->nframes - 1];
        base = top->base + top->proto->nregs + 1;
    }
    vm_ensure_stack(g, base + nargs + p->nregs + 1);
    g->stack[base - 1].p = fn;
    for (int j = 0; j < nargs; j++)
        g->stack[base + j] = args[j];
    Frame *f = vm_push_frame(g, p, fn, base);
    f->flags = FRAME_NESTED;
    G *saved = g_current();
    g->nested++;
    ExecStatus r = vm_exec(g, 1 << 30);
    g->nested--;
    (void)saved;
    if (r == EXEC_NESTED_PANIC)
        return RT_PANIC;
    if (r != EXEC_NESTED_RETURN)
        gol_fatal_internal("nested call ended with status %d", r);
    for (int j = 0; j < nres; j++)
        res[j] = g->stack[base - 1 + j];
    return RT_OK;
}
