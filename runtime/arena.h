// A goroutine's frame arena: storage of the structs and arrays that do not escape their
// function (docs/values.md). A stack of chunks that never move, so a register may hold the
// address of arena storage while the slot stack grows by reallocation. A frame takes its
// block on entry (OP_ARENA) and gives it back when it is popped (return or panic unwinding).
// Only the thread running the G touches its arena. Chunks are GC heap memory (scanned).
#ifndef GOL_ARENA_H
#define GOL_ARENA_H

#include "g.h"

// One chunk: data[0 .. end-data) slots. Every slot at or above [dirty] is zero, so a block
// for a variable that is only read needs no clearing there.
typedef struct ArenaChunk ArenaChunk;
struct ArenaChunk {
    ArenaChunk *prev, *next; // older / newer chunks (next is kept for reuse)
    int64_t below;           // slots of all older chunks (the arena's size below data)
    Slot *top;               // first free slot (meaningful in the G's current chunk)
    Slot *end;
    Slot *dirty;
    Slot data[];
};

// Take [n] slots for a new frame of [g]; *[mark] gets what arena_pop must be given when
// the frame is popped. Returns the block (not cleared: see arena_clear). May allocate.
// NULL when the arena would pass Go's 1 GB stack limit (the caller's fatal stack overflow).
Slot *arena_push(G *g, int64_t n, Slot **mark);

// Give back every block taken since arena_push returned [mark], clearing what was written
// in them.
void arena_pop(G *g, Slot *mark);

// Make the [n] slots at [p] (in the current frame's block) zero, as a variable's
// declaration requires. [written]: the variable may be assigned, so its slots stop being
// known zero afterwards.
void arena_clear(G *g, Slot *p, int64_t n, bool written);

// The arena of a G being reused: empty, keeping its first chunk when it is small.
void arena_reset(G *g);

#endif
