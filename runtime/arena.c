// Frame arenas (arena.h): a chunk stack per G, bump allocation, dirty marks.
// Invariants: a frame's block lies in one chunk, and blocks are given back in LIFO order, so
// the mark a frame returns to is in the current chunk or an older one; every slot at or
// above a chunk's dirty mark is zero (popping a frame clears what it wrote).
#include "arena.h"

#include <string.h>

#include "gc.h"
#include "race.h"

enum {
    ARENA_MIN = 64,          // slots in a G's first chunk at least
    ARENA_KEEP = 1024,       // a reused G keeps its first chunk up to this size
};

// Go's limit on a goroutine stack (1 GB), which its frames' arrays count against.
#define ARENA_LIMIT ((int64_t)(1000000000 / sizeof(Slot)))

// A new chunk of [n] slots after [prev], or NULL beyond the limit.
static ArenaChunk *chunk_new(ArenaChunk *prev, int64_t n) {
    int64_t below = prev ? prev->below + (prev->end - prev->data) : 0;
    if (below + n > ARENA_LIMIT)
        return NULL;
    ArenaChunk *c = gc_alloc(sizeof(ArenaChunk) + sizeof(Slot) * (size_t)n);
    c->prev = prev;
    c->below = below;
    c->top = c->dirty = c->data;
    c->end = c->data + n;
    return c;
}

// The chunk after [c] with room for [n] slots (reused when big enough), made current; NULL
// beyond the limit.
static ArenaChunk *chunk_next(G *g, ArenaChunk *c, int64_t n) {
    ArenaChunk *nc = c->next;
    if (!nc || nc->end - nc->data < n) {
        int64_t size = 2 * (c->end - c->data);
        nc = chunk_new(c, size > n ? size : n);
        if (!nc)
            return NULL;
        c->next = nc;
    }
    nc->top = nc->data;
    g->arena = nc;
    return nc;
}

Slot *arena_push(G *g, int64_t n, Slot **mark) {
    ArenaChunk *c = g->arena;
    if (!c && !(c = g->arena = chunk_new(NULL, n > ARENA_MIN / 2 ? 2 * n : ARENA_MIN)))
        return NULL;
    *mark = c->top;
    if (c->end - c->top < n && !(c = chunk_next(g, c, n)))
        return NULL;
    Slot *p = c->top;
    c->top = p + n;
    return p;
}

// Zero chunk [c]'s written slots from [from] up: they become known zero again.
static void clear_from(ArenaChunk *c, Slot *from) {
    if (c->dirty > from) {
        memset(from, 0, sizeof(Slot) * (size_t)(c->dirty - from));
        c->dirty = from;
    }
}

void arena_pop(G *g, Slot *mark) {
    ArenaChunk *c = g->arena;
    while (c && !(mark >= c->data && mark <= c->end))
        c = c->prev;
    if (!c)
        return; // not a mark of this G (cannot happen): keep the arena as it is
    // Clearing what the popped frames wrote now, not at the next declaration, keeps the
    // collector from retaining what their dead locals pointed to.
    for (ArenaChunk *d = g->arena; d != c; d = d->prev)
        clear_from(d, d->data);
    clear_from(c, mark);
    c->top = mark;
    g->arena = c;
}

void arena_clear(G *g, Slot *p, int64_t n, bool written) {
    ArenaChunk *c = g->arena;
    Slot *e = p + n;
    if (!c || p < c->data || e > c->end) { // not in the current chunk (cannot happen)
        memset(p, 0, sizeof(Slot) * (size_t)n);
        return;
    }
    if (p < c->dirty)
        memset(p, 0, sizeof(Slot) * (size_t)((e < c->dirty ? e : c->dirty) - p));
    if (written && e > c->dirty)
        c->dirty = e;
}

void arena_reset(G *g) {
    ArenaChunk *c = g->arena;
    while (c && c->prev)
        c = c->prev;
    if (c && (c->end - c->data > ARENA_KEEP || race_enabled)) // the race detector would
        c = NULL; // see the old G's accesses to the same addresses as the new G's
    if (c) {
        c->next = NULL;
        c->top = c->data;
        clear_from(c, c->data); // a G that ended without popping its frames
    }
    g->arena = c;
}
