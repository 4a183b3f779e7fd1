// Natives of runtime's stack introspection (runtime/pkg/runtime.go): Caller, Callers,
// FuncForPC/CallersFrames' lookups and Stack. A pc is gol's own encoding of a frame's
// position: a function id (interned Proto, below) in the high 32 bits, the instruction
// index + 1 in the low ones. A goroutine's stack ends as Go's does, with runtime.main
// (the main goroutine only) and runtime.goexit.
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "funcinfo.h"
#include "gc.h"
#include "native.h"
#include "panic.h"
#include "pkgutil.h"

// Function ids below FIRST_ID name the frames gol does not have.
enum { ID_CALLERS = 1, ID_MAIN, ID_GOEXIT, FIRST_ID = 16 };
static const char *const synthetic[][2] = {
    [ID_CALLERS] = {"runtime.Callers", "runtime/extern.go"},
    [ID_MAIN] = {"runtime.main", "runtime/proc.go"},
    [ID_GOEXIT] = {"runtime.goexit", "runtime/asm_amd64.s"},
};

// ---- Proto ids: an append-only table and a hash index over it ----

static pthread_mutex_t ids_lock = PTHREAD_MUTEX_INITIALIZER;
static const Proto **protos;  // guarded by: ids_lock; id - FIRST_ID -> Proto
static uint32_t nprotos, cap; // guarded by: ids_lock
static uint32_t *index_tab;   // guarded by: ids_lock; open addressing, 0 = empty
static uint32_t index_cap;    // guarded by: ids_lock; a power of two

static uint32_t hash_ptr(const void *p, uint32_t mask) {
    uint64_t x = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ULL;
    return (uint32_t)(x >> 32) & mask;
}

static void index_put_locked(uint32_t id) {
    uint32_t mask = index_cap - 1, h = hash_ptr(protos[id - FIRST_ID], mask);
    while (index_tab[h])
        h = (h + 1) & mask;
    index_tab[h] = id;
}

static uint32_t proto_id(const Proto *p) {
    pthread_mutex_lock(&ids_lock);
    if (index_cap) {
        uint32_t mask = index_cap - 1;
        for (uint32_t h = hash_ptr(p, mask); index_tab[h]; h = (h + 1) & mask)
            if (protos[index_tab[h] - FIRST_ID] == p) {
                uint32_t id = index_tab[h];
                pthread_mutex_unlock(&ids_lock);
                return id;
            }
    }
    if (nprotos == cap) {
        cap = cap ? 2 * cap : 64;
        protos = gc_realloc(protos, cap * sizeof *protos);
    }
    protos[nprotos++] = p;
    if (2 * nprotos > index_cap) {
        index_cap = index_cap ? 2 * index_cap : 256;
        index_tab = gc_realloc(index_tab, index_cap * sizeof *index_tab);
        memset(index_tab, 0, index_cap * sizeof *index_tab);
        for (uint32_t id = FIRST_ID; id < FIRST_ID + nprotos; id++)
            index_put_locked(id);
    } else
        index_put_locked(FIRST_ID + nprotos - 1);
    uint32_t id = FIRST_ID + nprotos - 1;
    pthread_mutex_unlock(&ids_lock);
    return id;
}

static const Proto *proto_of(uint32_t id) {
    const Proto *p = NULL;
    pthread_mutex_lock(&ids_lock);
    if (id >= FIRST_ID && id - FIRST_ID < nprotos)
        p = protos[id - FIRST_ID];
    pthread_mutex_unlock(&ids_lock);
    return p;
}

static uint64_t make_pc(uint32_t id, int pc) {
    return (uint64_t)id << 32 | (uint32_t)(pc + 1);
}

// ---- walking a goroutine's frames, innermost first ----

// The [skip]th pc of g's stack (0 = the innermost Go frame), synthetic frames included;
// 0 past the end. [callers] adds runtime.Callers in front.
static uint64_t nth_pc(G *g, int64_t skip, bool callers) {
    if (callers) {
        if (skip == 0)
            return make_pc(ID_CALLERS, 0);
        skip--;
    }
    for (int i = g->nframes - 1; i >= 0; i--) {
        Frame *f = &g->frames[i];
        const FuncInfo *fi = f->proto ? proto_info(f->proto) : NULL;
        if (!fi || !fi->code || fi->hidden)
            continue;
        if (skip-- == 0) {
            int pc = funcinfo_pc(fi, f->ip) - 1;
            return make_pc(proto_id(f->proto), pc < 0 ? 0 : pc);
        }
    }
    if (g->id == 1 && skip-- == 0)
        return make_pc(ID_MAIN, 0);
    if (skip == 0)
        return make_pc(ID_GOEXIT, 0);
    return 0;
}

// Function name, file (absolute for the program's own files) and line of [pc]; false if
// pc is not one of ours.
static bool pc_info(uint64_t pc, const char **name, char **file, int64_t *line) {
    uint32_t id = (uint32_t)(pc >> 32);
    int idx = (int)(uint32_t)pc - 1;
    if (id > 0 && id < FIRST_ID && id <= ID_GOEXIT) {
        *name = synthetic[id][0];
        *file = gc_strdup(synthetic[id][1]);
        *line = 0;
        return true;
    }
    const Proto *p = proto_of(id);
    if (!p)
        return false;
    Pos pos = funcinfo_pos(proto_info(p), idx);
    int l = 0, col = 0;
    pos_line_col(pos, &l, &col);
    const char *fname = pos.file ? pos_file_name(pos.file) : "?";
    if (fname[0] != '/' && strncmp(fname, "runtime/pkg/", 12) != 0) {
        char cwd[4096];
        if (getcwd(cwd, sizeof cwd)) {
            char *abs = gc_alloc_atomic(strlen(cwd) + strlen(fname) + 2);
            strcpy(abs, cwd);
            strcat(abs, "/");
            strcat(abs, fname[0] == '.' && fname[1] == '/' ? fname + 2 : fname);
            *file = abs;
        } else
            *file = gc_strdup(fname);
    } else
        *file = gc_strdup(fname);
    *name = proto_info(p)->name;
    *line = l;
    return true;
}

// Caller(skip int) (pc uintptr, file string, line int, ok bool)
static RtStatus nat_caller(G *g, Slot *a, Slot *res) {
    uint64_t pc = a[0].i >= 0 ? nth_pc(g, a[0].i, false) : 0;
    const char *name;
    char *file;
    int64_t line;
    if (!pc || !pc_info(pc, &name, &file, &line)) {
        res[0].u = 0;
        res[1].p = NULL;
        res[2].i = 0;
        res[3].i = 0;
        return RT_OK;
    }
    res[0].u = pc;
    res[1].p = str_from_c(file);
    res[2].i = line;
    res[3].i = 1;
    return RT_OK;
}

// Callers(skip int, pc []uintptr) int
static RtStatus nat_callers(G *g, Slot *a, Slot *res) {
    GoSlice *s = a[1].p;
    int64_t n = 0, len = slice_len(s), skip = a[0].i < 0 ? 0 : a[0].i;
    for (; n < len; n++) {
        uint64_t pc = nth_pc(g, skip + n, true);
        if (!pc)
            break;
        s->ptr[n].u = pc;
    }
    res[0].i = n;
    return RT_OK;
}

// pcInfo(pc uintptr) (name, file string, line int, entry uintptr, ok bool)
static RtStatus nat_pc_info(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    const char *name;
    char *file;
    int64_t line;
    if (!pc_info(a[0].u, &name, &file, &line)) {
        memset(res, 0, 5 * sizeof(Slot));
        return RT_OK;
    }
    res[0].p = str_from_c(name);
    res[1].p = str_from_c(file);
    res[2].i = line;
    res[3].u = a[0].u >> 32 << 32 | 1;
    res[4].i = 1;
    return RT_OK;
}

// Stack(buf []byte, all bool) int
static RtStatus nat_stack(G *g, Slot *a, Slot *res) {
    Buf b = {0};
    traceback_stacks(&b, g, a[1].i != 0);
    GoSlice *s = a[0].p;
    int64_t n = slice_len(s);
    if ((int64_t)b.len < n)
        n = (int64_t)b.len;
    if (n)
        bytes_put(s, 0, (const uint8_t *)b.data, n);
    res[0].i = n;
    return RT_OK;
}

static const NativeEntry runtime_stack_natives[] = {
    {"runtime.Caller", nat_caller},
    {"runtime.Callers", nat_callers},
    {"runtime.pcInfo", nat_pc_info},
    {"runtime.Stack", nat_stack},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(runtime_stack_natives)
