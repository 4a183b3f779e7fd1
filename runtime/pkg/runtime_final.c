// runtime.SetFinalizer (runtime/pkg/runtime.go) over the collector's finalizers: Go's
// checks and fatal errors for the arguments; when an object becomes unreachable, its Go
// finalizer runs on a new goroutine. Finalizers made ready by runtime.GC start before GC
// returns; those found by automatic collections are started by a finalizer thread that
// the collector's notifier wakes.
#include <pthread.h>
#include <stdio.h>

#include "rtype.h"
#include "gc.h"
#include "native.h"
#include "race.h"
#include "vm.h"

typedef struct FinRec {
    GoFunc *fn;
    Type *arg; // the finalizer's parameter type
    Type *obj; // the object's pointer type
} FinRec;

static void run_one(void *obj, void *data) {
    FinRec *r = data;
    Slot arg = {.p = obj};
    if (r->arg->kind == K_INTERFACE)
        arg.p = iface_box(r->obj, arg);
    if (race_enabled) // SetFinalizer is synchronized before the finalizer runs
        race_set_spawn_ctx(r);
    vm_go(r->fn, &arg, 1);
}

// ---- the finalizer thread ----

static pthread_mutex_t fin_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t fin_cond = PTHREAD_COND_INITIALIZER;
static bool fin_ready;   // guarded by: fin_lock
static bool fin_started; // guarded by: fin_lock

static void *fin_thread(void *arg) {
    GOL_UNUSED(arg);
    for (;;) {
        pthread_mutex_lock(&fin_lock);
        while (!fin_ready)
            pthread_cond_wait(&fin_cond, &fin_lock);
        fin_ready = false;
        pthread_mutex_unlock(&fin_lock);
        gc_run_finalizers();
    }
    return NULL;
}

static void fin_notify(void) {
    pthread_mutex_lock(&fin_lock);
    fin_ready = true;
    pthread_cond_signal(&fin_cond);
    pthread_mutex_unlock(&fin_lock);
}

static void fin_start(void) {
    pthread_mutex_lock(&fin_lock);
    if (!fin_started) {
        fin_started = true;
        pthread_t th;
        if (gc_thread_create(&th, fin_thread, NULL) == 0)
            pthread_detach(th);
        gc_on_finalizers_ready(fin_notify);
    }
    pthread_mutex_unlock(&fin_lock);
}

// ---- SetFinalizer(obj any, finalizer any) ----

static GOL_NORETURN void fin_fatal(G *g, const char *what, Type *a, Type *b) {
    char msg[512];
    if (b)
        snprintf(msg, sizeof msg, "runtime.SetFinalizer: cannot pass %s to finalizer %s%s",
                 type_string(a), type_string(b), what);
    else
        snprintf(msg, sizeof msg, "runtime.SetFinalizer: %s", what);
    rt_fatal(g, msg);
}

static RtStatus nat_set_finalizer(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(res);
    GoIface *obj = a[0].p, *fin = a[1].p;
    if (!obj)
        fin_fatal(g, "first argument is nil", NULL, NULL);
    Type *et = obj->type;
    if (et->kind != K_POINTER) {
        char what[300];
        snprintf(what, sizeof what, "first argument is %s, not pointer", type_string(et));
        fin_fatal(g, what, NULL, NULL);
    }
    void *p = obj->val.p;
    if (!p)
        fin_fatal(g, "pointer not in allocated block", NULL, NULL);
    bool had;
    if (!fin) {
        gc_set_finalizer(p, NULL, NULL, &had);
        return RT_OK;
    }
    Type *ft = fin->type;
    if (ft->kind != K_FUNC) {
        char what[300];
        snprintf(what, sizeof what, "second argument is %s, not a function", type_string(ft));
        fin_fatal(g, what, NULL, NULL);
    }
    if (ft->variadic)
        fin_fatal(g, " because dotdotdot", et, ft);
    if (ft->nparams != 1)
        fin_fatal(g, "", et, ft);
    Type *arg = ft->params[0];
    bool ok = arg == et || (arg->kind == K_POINTER && (!arg->name || !et->name) &&
                            arg->elem == et->elem);
    if (!ok && arg->kind == K_INTERFACE)
        ok = type_implements(et, arg, NULL, NULL);
    if (!ok)
        fin_fatal(g, "", et, ft);
    FinRec *r = gc_alloc(sizeof *r);
    r->fn = fin->val.p;
    r->arg = arg;
    r->obj = et;
    fin_start();
    if (race_enabled)
        race_release(g, r);
    if (!gc_set_finalizer(p, run_one, r, &had))
        return RT_OK; // not a heap object (a global, say): Go ignores it too
    if (had)
        fin_fatal(g, "finalizer already set", NULL, NULL);
    return RT_OK;
}

// runtime.GC: collect, then start the finalizers that became ready.
static RtStatus nat_gc(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(a);
    GOL_UNUSED(res);
    gc_collect();
    gc_run_finalizers();
    return RT_OK;
}

static const NativeEntry runtime_final_natives[] = {
    {"runtime.SetFinalizer", nat_set_finalizer},
    {"runtime.GC", nat_gc},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(runtime_final_natives)
