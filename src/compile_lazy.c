// Library functions compiled when first referenced (check.h's check_lazy_bodies): when the
// compiler makes the Proto of a function with a Go body, the function goes on a pending
// list, and comp_lazy_drain checks its body if it waited (check_lazy_body) and compiles it,
// then whatever that compilation referenced in turn. comp_program drains at its end; at run
// time methods.c drains (under its lock) before it hands out a method or wrapper, so running
// code never reaches a Proto without code. Guarded by: the front end's single thread, then
// methods.c's methods_lock.
#include "compile_int.h"

#include <stdio.h>

#include "check.h"

static VEC(Object *) pending; // functions whose Proto exists, maybe without code yet
static bool ready;            // comp_program has compiled the eager part
static bool draining;         // a drain is running (compiling may note and ask again)

void comp_lazy_note(Object *f) {
    if (check_lazy_bodies && !f->lit)
        vec_push(&pending, f);
}

// Check [f]'s body if it waited, then compile it; a library body that does not check is
// gol's own bug (the eager commands would have reported it).
static void compile_pending(Object *f) {
    if (f->lazy) {
        Diag d = {0};
        if (!check_lazy_body(f, &d)) {
            diag_print(&d, stderr);
            gol_fatal_internal("library function %s does not check", comp_func_name(f));
        }
    }
    comp_func(f->pkg, f, NULL);
}

void comp_lazy_drain(void) {
    if (!ready || draining)
        return;
    draining = true;
    while (pending.n > 0) {
        Object *f = pending.v[--pending.n];
        Proto *p = f->proto;
        if (p && !p->code && !p->native)
            compile_pending(f);
    }
    draining = false;
}

void comp_lazy_ready(void) {
    ready = true;
    comp_lazy_drain();
}
