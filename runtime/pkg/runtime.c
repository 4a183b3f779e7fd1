// Natives of package runtime (runtime/pkg/runtime.go): thin wrappers over the scheduler and
// the collector.
#include "native.h"
#include "sched.h"

static RtStatus rt_gosched(G *g, Slot *args, Slot *res) {
    return RT_YIELD;
}

static RtStatus rt_num_goroutine(G *g, Slot *args, Slot *res) {
    res[0].i = sched_num_goroutine();
    return RT_OK;
}

static RtStatus rt_num_cpu(G *g, Slot *args, Slot *res) {
    res[0].i = sched_num_cpu();
    return RT_OK;
}

// A change takes effect at the caller's next scheduling point, so yield right away.
static RtStatus rt_gomaxprocs(G *g, Slot *args, Slot *res) {
    int old = sched_gomaxprocs(args[0].i > 0 && args[0].i < (1 << 20) ? (int)args[0].i : 0);
    res[0].i = old;
    return args[0].i > 0 && args[0].i != old ? RT_YIELD : RT_OK;
}

static RtStatus rt_goexit_native(G *g, Slot *args, Slot *res) {
    return rt_goexit(g);
}

// memStats() (heapSize, heapFree, heapReleased, heapAlloc, totalAlloc, sys, numGC, mallocs)
static RtStatus rt_mem_stats(G *g, Slot *args, Slot *res) {
    GcStats st;
    gc_stats(&st);
    res[0].u = st.heap_size;
    res[1].u = st.heap_free;
    res[2].u = st.heap_released;
    res[3].u = st.heap_alloc;
    res[4].u = st.total_alloc;
    res[5].u = st.sys;
    res[6].u = st.num_gc;
    res[7].u = st.mallocs;
    return RT_OK;
}

static const NativeEntry runtime_natives[] = {
    {"runtime.Gosched", rt_gosched},
    {"runtime.NumGoroutine", rt_num_goroutine},
    {"runtime.NumCPU", rt_num_cpu},
    {"runtime.GOMAXPROCS", rt_gomaxprocs},
    {"runtime.Goexit", rt_goexit_native},
    {"runtime.memStats", rt_mem_stats},
    {NULL, NULL},
};

GOL_REGISTER_NATIVES(runtime_natives)
