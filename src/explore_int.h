// Internals of gol explore shared by explore.c (runs and the report) and explore_search.c
// (the depth-first search tree with sleep sets).
#ifndef GOL_EXPLORE_INT_H
#define GOL_EXPLORE_INT_H

#include "../runtime/explore_policy.h"
#include "explore.h"

typedef struct Search Search;

// An empty search with preemption bound [bound]; its first run follows no prefix.
Search *search_new(int bound);
// Add what the run just made (following the last search_next, or the first run) logged.
void search_add_run(Search *s, const ExploreLog *log);
// The next run's prefix, bound and sleep set in *[run] (pointing into [s], valid until the
// next call); false when every schedule within the bound was run or shown equivalent.
bool search_next(Search *s, ExploreRun *run);

#endif
