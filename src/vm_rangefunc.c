// Range over functions at run time: the loop body closure (a frame of its own over a slice
// of its function's code, seeded with a snapshot of the registers it shares), Go's loop
// state checks (runtime.panicrangestate's errors), and defers attached to the function
// around the loop.
#include "vm_int.h"

#include "../runtime/gc.h"

#include <string.h>

// Go's abi.RF_State values.
enum { RF_DONE = 0, RF_READY = 1, RF_PANIC = 2, RF_EXHAUSTED = 3, RF_MISSING_PANIC = 4 };

// One loop instance: its state, the registers its body starts from, and the frame whose
// defer list a `defer` in the body joins. Owned by the body closure (its last capture).
typedef struct RFData {
    int64_t state;
    G *home_g;
    int home_fi;
    int nsnap;
    Slot snap[];
} RFData;

static RFData *rf_data(GoFunc *fn) {
    return (RFData *)fn->caps[fn->ncaps - 1];
}

static RtStatus rf_state_panic(G *g, int64_t state) {
    switch (state) {
    case RF_DONE:
        return rt_panic_runtime(g, "range function continued iteration after function for "
                                   "loop body returned false");
    case RF_PANIC:
        return rt_panic_runtime(g, "range function continued iteration after loop body panic");
    case RF_EXHAUSTED:
        return rt_panic_runtime(g, "range function continued iteration after whole loop exit");
    default:
        return rt_panic_runtime(g, "range function recovered a loop body panic and did not "
                                   "resume panicking");
    }
}

GoFunc *vm_rf_body(G *g, Frame *f, Proto *bp, const Slot *R, int nsnap, int ncaps) {
    RFData *d = gc_alloc(sizeof(RFData) + sizeof(Slot) * (size_t)nsnap);
    d->state = RF_READY;
    d->nsnap = nsnap;
    memcpy(d->snap, R, sizeof(Slot) * (size_t)nsnap);
    if (f->proto->rfbody) {
        RFData *pd = rf_data(f->fn);
        d->home_g = pd->home_g;
        d->home_fi = pd->home_fi;
    } else {
        d->home_g = g;
        d->home_fi = (int)(f - g->frames);
    }
    GoFunc *fn = func_new(bp, ncaps + 1);
    for (int j = 0; j < ncaps; j++)
        fn->caps[j] = f->fn->caps[j];
    fn->caps[ncaps] = (Slot *)d;
    return fn;
}

bool vm_rf_enter(G *g, GoFunc *fn, Slot *R, int a, int nargs) {
    RFData *d = rf_data(fn);
    if (d->state != RF_READY) {
        rf_state_panic(g, d->state);
        return false;
    }
    d->state = RF_PANIC;
    for (int j = 0; j < nargs; j++)
        R[a + j] = R[j];
    memcpy(R, d->snap, sizeof(Slot) * (size_t)d->nsnap);
    return true;
}

void vm_rf_set_state(GoFunc *fn, int state) {
    rf_data(fn)->state = state;
}

bool vm_rf_exit(G *g, GoFunc *fn) {
    RFData *d = rf_data(fn);
    if (d->state == RF_PANIC) {
        rf_state_panic(g, RF_MISSING_PANIC);
        return false;
    }
    d->state = RF_EXHAUSTED;
    return true;
}

Frame *vm_rf_home(G *g, GoFunc *fn) {
    RFData *d = rf_data(fn);
    if (d->home_g != g)
        rt_fatal(g, "defer in a range-over-func loop body called on another goroutine");
    return &g->frames[d->home_fi];
}
