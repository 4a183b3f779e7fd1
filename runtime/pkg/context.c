// Natives of package context (runtime/pkg/context.go): the comparability check WithValue
// makes on its key (Go asks reflectlite).
#include "rtype.h"
#include "native.h"

// comparable(v any) bool: whether v's dynamic type supports == (nil: true).
static RtStatus nat_comparable(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoIface *v = a[0].p;
    res[0].i = !v || v->type->comparable;
    return RT_OK;
}

static const NativeEntry context_natives[] = {
    {"context.comparable", nat_comparable},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(context_natives)
