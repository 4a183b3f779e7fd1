// Natives of package testing (runtime/pkg/testing+example.go): capturing standard output
// while an example runs, through out.h's sink (everything fmt and os.Stdout write).
#include <pthread.h>

#include "../buf.h"
#include "../out.h"
#include "native.h"

static pthread_mutex_t cap_lock = PTHREAD_MUTEX_INITIALIZER;
static Buf captured; // guarded by: cap_lock

static bool capture_sink(int fd, const char *p, size_t n) {
    if (fd != 1)
        return false;
    pthread_mutex_lock(&cap_lock);
    buf_put(&captured, p, n);
    pthread_mutex_unlock(&cap_lock);
    return true;
}

// captureStart(): stdout written from now on is kept, not printed.
static RtStatus nat_capture_start(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(a);
    GOL_UNUSED(res);
    out_flush();
    pthread_mutex_lock(&cap_lock);
    captured = (Buf){0};
    pthread_mutex_unlock(&cap_lock);
    out_set_sink(capture_sink);
    return RT_OK;
}

// captureStop() string: what was written since captureStart; stdout prints again.
static RtStatus nat_capture_stop(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(a);
    out_flush();
    out_set_sink(NULL);
    pthread_mutex_lock(&cap_lock);
    res[0].p = buf_to_gostr(&captured);
    captured = (Buf){0};
    pthread_mutex_unlock(&cap_lock);
    return RT_OK;
}

static const NativeEntry testing_natives[] = {
    {"testing.captureStart", nat_capture_start},
    {"testing.captureStop", nat_capture_stop},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(testing_natives)
