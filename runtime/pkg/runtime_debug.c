// Natives of package runtime/debug (runtime/pkg/runtime_debug.go): the collector's knobs.
#include "gc.h"
#include "native.h"

// SetGCPercent(percent int) int
static RtStatus nat_set_gc_percent(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    int64_t p = a[0].i;
    res[0].i = gc_set_percent(p < -1 ? -1 : p > 1000000 ? 1000000 : (int)p);
    return RT_OK;
}

// FreeOSMemory()
static RtStatus nat_free_os_memory(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(a);
    GOL_UNUSED(res);
    gc_free_os_memory();
    return RT_OK;
}

static const NativeEntry debug_natives[] = {
    {"runtime/debug.SetGCPercent", nat_set_gc_percent},
    {"runtime/debug.FreeOSMemory", nat_free_os_memory},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(debug_natives)
