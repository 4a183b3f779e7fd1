// gol explore (explore.c): run a compiled program under every schedule within a preemption
// bound, each in a forked child under the systematic deterministic policy
// (runtime/explore_policy.h), and report each distinct outcome with a replay token; and
// `gol --schedule TOKEN` (explore_token.c), which replays one of them.
#ifndef GOL_EXPLORE_H
#define GOL_EXPLORE_H

#include <stdbool.h>
#include <stdint.h>

#include "../runtime/g.h"
#include "chunk.h"
#include "cli.h"
#include "load.h"

// Explore [entry] (the compiled program [a] names; [hash] from explore_program_hash) and
// print the report (or JSON) on stdout. Returns gol's exit status: 0 once it explored.
int explore_run(CliArgs *a, GoFunc *entry, uint64_t hash);

// The shared-memory event hook of deterministic mode (memevent_preempt): an access by the
// program's own code is a preemption point (det_preempt_point); the library's (fmt's
// buffers, a map's internals) are not, so its calls stay one step each.
bool explore_shared_access(G *g, uintptr_t addr, bool is_write);

// A hash of the program's source files (the main package's and its local packages').
uint64_t explore_program_hash(const Program *p);

// The replay token of the schedule whose choices are [c] ([n] of them; trailing defaults
// may be left off) for the program with [hash]. Printable ASCII without spaces (GC memory).
char *explore_token(uint64_t hash, const uint16_t *c, int n);

// --schedule [token]: installs the policy that replays it (before sched_main). On a
// malformed token or one made for another program, prints why on stderr and returns false
// (the caller exits 2).
bool explore_replay(const char *token, uint64_t hash);

#endif
