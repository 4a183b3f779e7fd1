// Natives of package os/signal (runtime/pkg/os_signal.go): its table in the runtime's
// signal owner (runtime/signals.h), and the blocking receive of the next notified signal.
#include "native.h"
#include "sched.h"
#include "signals.h"

static RtStatus nat_enable(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(res);
    sig_enable((int)a[0].i);
    return RT_OK;
}

static RtStatus nat_disable(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(res);
    sig_disable((int)a[0].i);
    return RT_OK;
}

static RtStatus nat_ignore(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(res);
    sig_ignore((int)a[0].i);
    return RT_OK;
}

static RtStatus nat_ignored(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = sig_ignored((int)a[0].i);
    return RT_OK;
}

// signalRecv() int: the goroutine's thread blocks; its P goes to another M meanwhile.
static RtStatus nat_recv(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(a);
    sched_enter_syscall();
    int sig = sig_recv();
    sched_exit_syscall();
    res[0].i = sig;
    return RT_OK;
}

static const NativeEntry os_signal_natives[] = {
    {"os/signal.enableSignal", nat_enable},
    {"os/signal.disableSignal", nat_disable},
    {"os/signal.ignoreSignal", nat_ignore},
    {"os/signal.signalIgnored", nat_ignored},
    {"os/signal.signalRecv", nat_recv},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(os_signal_natives)
