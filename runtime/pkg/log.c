// Natives of package log (runtime/pkg/log.go): the broken-down wall clock (local time as
// the C library sees TZ and /etc/localtime, or UTC) and the caller's source position,
// read from the goroutine's frames as runtime.Caller would.
#include <time.h>

#include "../pos.h"
#include "funcinfo.h"
#include "native.h"
#include "sched.h"

// now(utc bool) (year, month, day, hour, min, sec, nsec int)
static RtStatus nat_now(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    int64_t ns = sched_walltime();
    time_t sec = (time_t)(ns / 1000000000);
    struct tm tm;
    if (a[0].i)
        gmtime_r(&sec, &tm);
    else
        localtime_r(&sec, &tm);
    res[0].i = tm.tm_year + 1900;
    res[1].i = tm.tm_mon + 1;
    res[2].i = tm.tm_mday;
    res[3].i = tm.tm_hour;
    res[4].i = tm.tm_min;
    res[5].i = tm.tm_sec;
    res[6].i = ns % 1000000000;
    return RT_OK;
}

// caller(skip int) (file string, line int, ok bool)
static RtStatus nat_caller(G *g, Slot *a, Slot *res) {
    int64_t skip = a[0].i;
    res[0].p = NULL;
    res[1].i = 0;
    res[2].i = 0;
    for (int i = g->nframes - 1; i >= 0; i--) {
        Frame *f = &g->frames[i];
        const FuncInfo *fi = proto_info(f->proto);
        if (fi->hidden || !fi->code)
            continue;
        if (skip-- > 0)
            continue;
        int pc = funcinfo_pc(fi, f->ip) - 1;
        if (pc < 0)
            pc = 0;
        if (pc >= fi->ncode)
            pc = fi->ncode - 1;
        Pos p = funcinfo_pos(fi, pc);
        int line, col;
        pos_line_col(p, &line, &col);
        res[0].p = str_from_c(pos_file_name(p.file));
        res[1].i = line;
        res[2].i = 1;
        break;
    }
    return RT_OK;
}

static const NativeEntry log_natives[] = {
    {"log.now", nat_now},
    {"log.caller", nat_caller},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(log_natives)
