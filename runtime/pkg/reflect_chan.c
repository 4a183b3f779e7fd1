// Natives of reflect's channel operations (runtime/pkg/reflect.go): Send, Recv, TrySend,
// TryRecv and Select all run one select statement built for their cases
// (rt_select_thunk) through vm_call, so a blocking operation parks as a select statement
// would (the native's thread waits, as for any vm_call that blocks); Close is chan_close.
#include <string.h>

#include "chan.h"
#include "pkgutil.h"
#include "reflect.h"
#include "vm.h"

static bool is_agg(Type *t) {
    return t->kind == K_STRUCT || t->kind == K_ARRAY;
}

// chanSelect(dirs []int, chans []Value, sends []Value, hasDefault bool, context string)
//   (chosen int, recv Value, ok bool): dirs[i] is 1 for a send, 2 for a receive; a zero
// chans[i] is a case that is never ready (a nil channel). chosen is -1 for the default.
static RtStatus nat_chan_select(G *g, Slot *args, Slot *res) {
    GoSlice *dirs = args[0].p, *chans = args[1].p, *sends = args[2].p;
    const char *context = str_to_c(args[4].p);
    int n = (int)slice_len(dirs);
    uint8_t *send = gc_alloc_atomic((size_t)n + 1);
    Slot *regs = gc_alloc(sizeof(Slot) * (size_t)(2 * n + 1));
    for (int i = 0; i < n; i++) {
        RVal c = rf_get(chans->ptr + 3 * i);
        send[i] = dirs->ptr[i].i == 1;
        regs[2 * i].p = c.t ? c.ptr->p : NULL;
        if (!send[i] || !c.t)
            continue;
        Type *et = rt_under(c.t)->elem;
        RtStatus st = rf_assign_to(g, rf_get(sends->ptr + 3 * i), et, context, &regs[2 * i + 1]);
        if (st != RT_OK)
            return st;
        if (is_agg(et)) // the channel keeps its own copy
            regs[2 * i + 1].p = val_clone(et, regs[2 * i + 1].p);
    }
    GoFunc *fn = func_new(rt_select_thunk(n, send, args[3].i != 0), 0);
    Slot out[3];
    RtStatus st = vm_call(g, fn, regs, 2 * n, out, 3);
    if (st != RT_OK)
        return st;
    int64_t chosen = out[0].i;
    res[0].i = chosen;
    res[2].i = 0;
    if (chosen < 0 || send[chosen]) {
        res[1].p = rf_make(NULL, NULL, 0);
        return RT_OK;
    }
    Type *et = rt_under(rf_get(chans->ptr + 3 * chosen).t)->elem;
    Slot v = out[1];
    if (is_agg(et))
        v.p = out[2].i ? val_clone(et, v.p) : val_new_storage(et);
    res[1].p = rf_from_reg(et, v);
    res[2].i = out[2].i != 0;
    return RT_OK;
}

static RtStatus nat_close(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(res);
    RVal v = rf_get(args[0].p);
    return chan_close(g, v.ptr->p);
}

static const NativeEntry reflect_chan_natives[] = {
    {"reflect.chanSelect", nat_chan_select},
    {"reflect.Value.close", nat_close},
    {NULL, NULL},
};

GOL_REGISTER_NATIVES(reflect_chan_natives)
