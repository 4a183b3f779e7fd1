// Go maps: hash tables keyed by any comparable type, hashing and comparing keys through
// their Type (val_hash/val_eq). Keys and values are stored in register form (struct/array
// values as private copies). Iteration starts at a random position (as Go's does); entries
// deleted during iteration are not produced, entries added may or may not be.
//
// Races: a map is not locked. Writers set a "writing" flag (a write counter, odd while
// writing: see map.c); a second writer, or a reader that sees the flag or a write completing
// during its read, stops the program with Go's `fatal error: concurrent map writes` /
// `concurrent map read and map write`. A racing reader loads the table pointer once and
// only ever indexes within that table's own capacity, so it cannot touch memory outside it.
#ifndef GOL_MAP_H
#define GOL_MAP_H

#include "native.h"

typedef struct GoMap GoMap;

// make(map[K]V, hint). [maptype] is the K_MAP type (its key and elem are used).
GoMap *map_make(Type *maptype, int64_t hint);

// v, ok := m[k]. Sets *val to the value slot inside the map (read it at once; it is not
// stable across writes) or NULL when absent or m is nil. RT_PANIC for an unhashable dynamic
// key type in an interface-keyed map (also when empty, as Go; for a nil map, which carries
// no type, the caller checks with val_hash if it wants Go's panic there too).
RtStatus map_get(G *g, GoMap *m, Slot key, Slot **val);

// v, ok := m[k] as one call: copies the value to *out (the zero slot when absent; for a
// struct/array value type the caller substitutes zero storage when !*ok). A nil map reads as
// empty; the caller checks an interface key of a nil map for hashability (val_hash).
RtStatus map_get_value(G *g, GoMap *m, Slot key, Slot *out, bool *ok);

// m[k] = v. Struct/array keys and values are copied by the map (the caller need not copy).
// Panics "assignment to entry in nil map" on nil m.
RtStatus map_set(G *g, GoMap *m, Slot key, Slot val);

// Pointer to m[k]'s value slot, inserting a zero value first if absent (for m[k] op= v,
// m[k]++). Same panics as map_set.
RtStatus map_assign(G *g, GoMap *m, Slot key, Slot **val);

// delete(m, k); nil m is a no-op.
RtStatus map_delete(G *g, GoMap *m, Slot key);

int64_t map_len(const GoMap *m); // nil: 0
void map_clear(GoMap *m);        // clear(m); nil: no-op
Type *map_type(const GoMap *m);

typedef struct MapIter {
    GoMap *m;
    void *table;     // the table being walked
    int64_t start, i, n;
} MapIter;

// Fix the hash seed of every map made from now on (deterministic mode: reproducible
// iteration orders). Without it, seeds are random per process.
void map_seed_all(uint64_t seed);

// Start iterating [m] (may be nil) at a position chosen from [rnd].
void map_iter_init(MapIter *it, GoMap *m, uint32_t rnd);
// Next live entry: copies its key and value (register form) to *k and *v; false at the end.
bool map_iter_next(G *g, MapIter *it, Slot *k, Slot *v);

#endif
