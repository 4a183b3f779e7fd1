// Internal interface between the race detector's files: race.c (vector clocks, goroutine
// and sync clocks, the hooks of race.h), race_shadow.c (shadow memory and FastTrack's access
// rules) and race_report.c (Go-style reports). Everything here is guarded by race_mu.
#ifndef GOL_RACE_INT_H
#define GOL_RACE_INT_H

#include <pthread.h>

#include "race.h"

// An epoch: clock [clk] of thread id [tid], packed as tid << 32 | clk; 0 = none.
typedef uint64_t Epoch;
#define EP(tid, clk) (((uint64_t)(tid) << 32) | (uint32_t)(clk))
#define EP_TID(e) ((uint32_t)((e) >> 32))
#define EP_CLK(e) ((uint32_t)(e))

// A sparse vector clock: entries sorted by tid (absent = 0). malloc'd.
typedef struct VcEnt {
    uint32_t tid, clk;
} VcEnt;
typedef struct VC {
    uint32_t n, cap;
    VcEnt *e;
} VC;

uint32_t vc_get(const VC *v, uint32_t tid);
void vc_set(VC *v, uint32_t tid, uint32_t clk);
void vc_join(VC *dst, const VC *src);
void vc_copy(VC *dst, const VC *src);
void vc_free(VC *v);

// A goroutine's detector state (g->race).
typedef struct RaceG {
    uint32_t tid;
    VC vc;      // vc[tid] is its own clock
    int64_t gid;
    bool noted; // its creation is in race_report.c's table (done at its first access:
                // only goroutines that access memory can appear in a report)
    bool used;  // it accessed memory at its current clock (else its history ends a tick
                // earlier: a goroutine that sends and exits can hand its tid on)
} RaceG;

extern pthread_mutex_t race_mu;

// The detector state of [g], made on first use (the main goroutine).
RaceG *race_g_locked(G *g);

// Is epoch [e] before (or at) what [rg] has seen?
static inline bool race_hb(Epoch e, const RaceG *rg) {
    return EP_CLK(e) <= vc_get(&rg->vc, EP_TID(e));
}

// ---- race_table.c ----
// realloc and calloc that end the program with "fatal error: race detector: out of memory"
// when memory runs out (never NULL).
void *race_realloc(void *p, size_t n);
void *race_calloc(size_t n, size_t size);

// An open-addressing hash table of fixed-size entries whose first field is a nonzero
// uint64_t key (0 marks an empty slot), in malloc'd memory. Zero-initialised with [esize]
// set is an empty table.
typedef struct RaceTable {
    size_t esize;  // bytes per entry
    size_t n, cap; // entries; slots (0 or a power of two, at most half used)
    char *slots;
} RaceTable;

// The entry with [key] (nonzero), or NULL; with [create], a new entry (zeroed but for its
// key) when there is none. Entries move when the table grows: a pointer returned is valid
// until the next call that creates.
void *race_table_get(RaceTable *t, uint64_t key, bool create);

// ---- race_shadow.c ----
// FastTrack's check and update for an access by [g] to [size] bytes at [addr].
void race_shadow_access(G *g, RaceG *rg, uintptr_t addr, uint32_t size, bool w, uint32_t site);
// Forget the access history of [size] bytes at [p] (memory handed out again).
void race_shadow_clear(void *p, size_t size);

// ---- race_report.c ----
// One racing access: the goroutine, whether it wrote, its site; for the current access
// also the G itself (its stack is printed).
typedef struct RaceAccess {
    int64_t gid;
    bool write;
    uint32_t site;
    G *g; // the current access only
} RaceAccess;
// Report a race on [addr] between [cur] and [prev] (once per pair of source lines).
void race_report(uintptr_t addr, const RaceAccess *cur, const RaceAccess *prev);
// Goroutine [g] was created (for "Goroutine N (running) created at:") / finished.
void race_note_created(G *g);
void race_note_finished(int64_t gid);
// Races reported so far.
int race_nreported(void);

#endif
