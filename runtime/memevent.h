// Shared-memory events: the accesses a goroutine makes to memory another goroutine could
// reach (package variables, captured cells, fields and elements through pointers, slice
// elements, maps). The compiler emits them (OP_MEMEV before the access) only when
// memevent_enabled is set before compilation, so a plain run executes today's bytecode.
// Consumers: the race detector (race.h) and the deterministic scheduler's preemption hook.
#ifndef GOL_MEMEVENT_H
#define GOL_MEMEVENT_H

#include <stdbool.h>
#include <stdint.h>

#include "pos.h"
#include "g.h"

// Decided before compilation (-race, --seed, explore); the compiler instruments when set.
extern int memevent_enabled;

// Called by instrumented code before an access of [size] bytes at [addr] (a write when
// [is_write]) from source site [site]. Returns true when the scheduler wants a goroutine
// switch here (the VM then yields as at a back-edge whose budget ran out).
bool memevent_access(G *g, uintptr_t addr, uint32_t size, bool is_write, uint32_t site);

// An access by a native on behalf of [g] (fmt reading a value, sort moving elements):
// [size] bytes at [p], attributed to the line of the Go function that called the native.
// Does nothing unless memevent_enabled; never preempts (a native cannot yield here).
void memevent_native(G *g, const void *p, uint64_t size, bool is_write);

// Set by the deterministic scheduler; NULL means never preempt at an access.
extern bool (*memevent_preempt)(G *g, uintptr_t addr, bool is_write);
// Set by the race detector (race_init); NULL when off. Sees every access first.
extern void (*memevent_observe)(G *g, uintptr_t addr, uint32_t size, bool is_write,
                                uint32_t site);

// A source site of accesses: the function (its traceback name, known once the function is
// compiled), the position of the access and a description of the variable ("count",
// "acct.Balance", "data[i]"; NULL when the access has no name, e.g. inside a native).
typedef struct MemSite {
    const char *func;
    Pos pos;
    const char *desc;
} MemSite;

// Site 0: an access with no known source site.
enum { MEMSITE_NONE = 0 };

// A new site (thread-safe; sites are never removed). Returns its index.
uint32_t memevent_site_add(Pos pos, const char *desc);
// Name the function containing [site] (set by the compiler when the function is finished).
void memevent_site_set_func(uint32_t site, const char *func);
// The site [site] (never NULL: unknown indices give site 0).
const MemSite *memevent_site(uint32_t site);

#endif
