// Natives of package errors (runtime/pkg/errors.go): the run-time type questions Is and As
// ask (Go answers them with reflectlite): comparability, and assignment through As's
// target pointer.
#include "rtype.h"
#include "native.h"
#include "vm.h"

// comparable(v any) bool: whether v's dynamic type supports == (nil: true).
static RtStatus nat_comparable(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoIface *v = a[0].p;
    res[0].i = !v || v->type->comparable;
    return RT_OK;
}

// checkTarget(target any): As's argument checks, with Go's panic texts.
static RtStatus nat_check_target(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(res);
    GoIface *t = a[0].p;
    if (!t || t->type->kind != K_POINTER || !t->val.p)
        return rt_panic_str(g, "errors: target must be a non-nil pointer");
    Type *e = t->type->elem;
    if (e->kind != K_INTERFACE && !type_implements(e, types_error, NULL, NULL))
        return rt_panic_str(g, "errors: *target must be interface or implement error");
    return RT_OK;
}

// assignTo(err error, target any) bool: *target = err if err's dynamic type is assignable
// to the target's element type (identical, or implementing that interface).
static RtStatus nat_assign_to(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoIface *err = a[0].p, *t = a[1].p;
    Type *e = t->type->elem;
    Slot *dst = t->val.p;
    res[0].i = 0;
    if (!err)
        return RT_OK;
    if (e->kind == K_INTERFACE) {
        if (type_implements(err->type, e, NULL, NULL)) {
            dst->p = err; // every interface type holds the same boxed form
            res[0].i = 1;
        }
    } else if (err->type == e) {
        val_store(e, dst, err->val);
        res[0].i = 1;
    }
    return RT_OK;
}

static const NativeEntry errors_natives[] = {
    {"errors.comparable", nat_comparable},
    {"errors.checkTarget", nat_check_target},
    {"errors.assignTo", nat_assign_to},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(errors_natives)
