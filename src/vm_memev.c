// The shared-memory events of one instrumented instruction (OP_MEMEV runs this for the
// instruction after it): decodes that instruction's operands, as they are before it runs,
// into the memory it will read and write, and reports each range to memevent_access.
// Operands that would make the instruction panic (nil, out of range) report nothing.
#include "vm_int.h"

#include "../runtime/memevent.h"

enum { SLOTB = (int)sizeof(Slot) };

typedef struct Ev {
    G *g;
    uint32_t site;
    bool yield; // some consumer asked for a switch
} Ev;

static void ev(Ev *e, const void *p, int64_t nslots, bool w) {
    if (!p || nslots <= 0)
        return;
    if (memevent_access(e->g, (uintptr_t)p, (uint32_t)(nslots * SLOTB), w, e->site))
        e->yield = true;
}

static void ev_elem(Ev *e, const GoSlice *s, int64_t idx, bool w) {
    if (s && (uint64_t)idx < (uint64_t)s->len)
        ev(e, s->ptr + idx, 1, w);
}

// append(s, n elements of [slots] slots): writes the new elements in place when they fit,
// else reads the old ones into the new array.
static void ev_append(Ev *e, const GoSlice *s, int64_t n, int slots) {
    if (!s)
        return;
    if (s->len + n <= s->cap)
        ev(e, s->ptr + s->len * slots, n * slots, true);
    else
        ev(e, s->ptr, s->len * slots, false);
}

static void ev_slice(Ev *e, const GoSlice *s, int64_t n, int slots, bool w) {
    if (s)
        ev(e, s->ptr, (n < s->len ? n : s->len) * slots, w);
}

static int elem_slots(const Slot *k, const Instr *x) {
    Type *t = k[x->bx].p;
    return t && t->slots > 0 ? t->slots : 1;
}

static void decode(Ev *e, Frame *f, Slot *R, const Instr *in) {
    const Slot *k = f->proto->consts;
    switch (in->op) {
    case OP_LOAD: ev(e, R[in->b].p ? (Slot *)R[in->b].p + in->c : NULL, 1, false); break;
    case OP_STORE: ev(e, R[in->a].p ? (Slot *)R[in->a].p + in->b : NULL, 1, true); break;
    case OP_COPYN:
    case OP_COPYN_X: {
        int64_t n = in->op == OP_COPYN ? in->c : in[1].bx;
        if (R[in->a].p && R[in->b].p) {
            ev(e, R[in->b].p, n, false);
            ev(e, R[in->a].p, n, true);
        }
        break;
    }
    case OP_CLONE: ev(e, R[in->a].p, ((Type *)k[in->bx].p)->slots, false); break;
    case OP_GETCAPV: ev(e, f->fn->caps[in->b], 1, false); break;
    case OP_SETCAPV: ev(e, f->fn->caps[in->a], 1, true); break;
    case OP_GETGLOBAL: ev(e, comp_globals_table()[in->bx], 1, false); break;
    case OP_SETGLOBAL: ev(e, comp_globals_table()[in->bx], 1, true); break;
    case OP_INDEX_A:
        if ((uint64_t)R[in->c].i < (uint64_t)in[1].bx)
            ev(e, (Slot *)R[in->b].p + R[in->c].i, 1, false);
        break;
    case OP_SETINDEX_A:
        if ((uint64_t)R[in->b].i < (uint64_t)in[1].bx)
            ev(e, (Slot *)R[in->a].p + R[in->b].i, 1, true);
        break;
    case OP_INDEX_SL: ev_elem(e, R[in->b].p, R[in->c].i, false); break;
    case OP_SETINDEX_SL: ev_elem(e, R[in->a].p, R[in->b].i, true); break;
    case OP_APPEND: ev_append(e, R[in->b].p, in->c, elem_slots(k, in + 1)); break;
    case OP_APPENDSL: {
        int slots = elem_slots(k, in + 1);
        if (in[1].a) { // appending a string's bytes
            ev_append(e, R[in->b].p, str_len(R[in->c].p), slots);
            break;
        }
        const GoSlice *src = R[in->c].p;
        ev_slice(e, src, slice_len(src), slots, false);
        ev_append(e, R[in->b].p, slice_len(src), slots);
        break;
    }
    case OP_COPY: {
        int slots = elem_slots(k, in + 1);
        const GoSlice *dst = R[in->b].p;
        int64_t n = in[1].a ? str_len(R[in->c].p) : slice_len(R[in->c].p);
        if (!in[1].a)
            ev_slice(e, R[in->c].p, slice_len(dst), slots, false);
        ev_slice(e, dst, n, slots, true);
        break;
    }
    case OP_CLEAR_SL:
        ev_slice(e, R[in->a].p, slice_len(R[in->a].p), elem_slots(k, in + 1), true);
        break;
    case OP_STR_BYTES:
    case OP_STR_RUNES: ev_slice(e, R[in->b].p, slice_len(R[in->b].p), 1, false); break;
    // A map is one location (as for Go's detector): its header.
    case OP_MAPGET:
    case OP_MAPGET2:
    case OP_LEN_M:
    case OP_MAPITER: ev(e, R[in->b].p, 1, false); break;
    case OP_MAPADDR: ev(e, R[in->b].p, 1, true); break;
    case OP_MAPSET:
    case OP_MAPDEL:
    case OP_CLEAR_M: ev(e, R[in->a].p, 1, true); break;
    default: break;
    }
}

bool vm_memev(G *g, Frame *f, Slot *R, const Instr *next, uint32_t site) {
    Ev e = {g, site, false};
    decode(&e, f, R, next);
    return e.yield;
}
