// Go maps (map.h): open addressing with linear probing over one flat array of
// {ctrl, key, value} slots, with fast paths for word-sized keys (ints, bools, pointers,
// chans) and strings. ctrl is 0 (empty), 1 (tombstone) or hash|CTRL_LIVE. Entries never move
// within a table: growth, compaction and clear() publish a new table, and the old one is
// never written again, which is what iteration relies on.
//
// Races: every field of a table that writers change is accessed with relaxed atomics (plain
// moves on x86/arm64; ThreadSanitizer stays quiet), the table pointer with acquire/release.
// Racing readers and writers may lose or misread entries but each probe stays inside the
// table it loaded, and every probe loop is bounded by that table's capacity.
#include "map.h"

#include <time.h>

#include "gosize.h"
#include "hash.h"

#define CTRL_EMPTY 0
#define CTRL_TOMB 1
#define CTRL_LIVE (1ull << 63)
enum { MIN_CAP = 8 };

#define LOAD(x) __atomic_load_n(&(x), __ATOMIC_RELAXED)
#define STORE(x, v) __atomic_store_n(&(x), (v), __ATOMIC_RELAXED)

typedef struct MapSlot {
    uint64_t ctrl;
    Slot key;
    Slot val;
} MapSlot;

typedef struct MapTable {
    uint64_t mask;  // capacity - 1 (a power of two minus one); never changes
    uint64_t epoch; // the map's clear() count when this table was made; never changes
    int64_t live;   // live entries (relaxed atomics)
    int64_t used;   // live entries + tombstones (relaxed atomics)
    MapSlot slots[];
} MapTable;

typedef enum KeyClass { KEY_WORD, KEY_STR, KEY_GENERIC } KeyClass;

struct GoMap {
    // Never change after map_make:
    Type *type, *key, *elem;
    uint64_t seed;
    KeyClass kc;
    bool key_copy, val_copy; // struct/array keys, values: stored as private copies
    bool key_update;         // overwrite the key on assignment (float -0/+0 and interfaces)
    // Changing:
    uint64_t flags;  // write count: odd while a write is in progress (relaxed atomics)
    uint64_t epoch;  // clear() count (written by writers only)
    MapTable *table; // NULL while empty (acquire/release)
};

// ---- seeds ----

static uint64_t seed_base, seed_next; // relaxed atomics

void map_seed_all(uint64_t seed) {
    STORE(seed_base, seed ? seed : 1);
}

static uint64_t new_seed(void) {
    uint64_t base = LOAD(seed_base);
    if (base == 0) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        base = hash_word((uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30), (uintptr_t)&ts) | 1;
        uint64_t zero = 0;
        __atomic_compare_exchange_n(&seed_base, &zero, base, false, __ATOMIC_RELAXED,
                                    __ATOMIC_RELAXED);
        base = LOAD(seed_base);
    }
    return hash_word(__atomic_fetch_add(&seed_next, 1, __ATOMIC_RELAXED), base);
}

// ---- creation ----

// Whether Go overwrites an existing key of type [t] on assignment (needkeyupdate), where the
// difference is visible: floats (+0/-0) and interfaces.
static bool needs_key_update(Type *t) {
    Type *u = rt_under(t);
    switch (u->kind) {
    case K_FLOAT32:
    case K_FLOAT64:
    case K_COMPLEX64:
    case K_COMPLEX128:
    case K_INTERFACE:
        return true;
    case K_ARRAY:
        return needs_key_update(u->elem);
    case K_STRUCT:
        for (int i = 0; i < u->nfields; i++)
            if (needs_key_update(u->fields[i].type))
                return true;
        return false;
    default:
        return false;
    }
}

static KeyClass key_class(Type *k) {
    switch (k->kind) {
    case K_BOOL:
    case K_INT:
    case K_INT8:
    case K_INT16:
    case K_INT32:
    case K_INT64:
    case K_UINT:
    case K_UINT8:
    case K_UINT16:
    case K_UINT32:
    case K_UINT64:
    case K_UINTPTR:
    case K_UNSAFEPTR:
    case K_POINTER:
    case K_CHAN:
        return KEY_WORD;
    case K_STRING:
        return KEY_STR;
    default:
        return KEY_GENERIC;
    }
}

static MapTable *table_new(GoMap *m, uint64_t cap) {
    size_t bytes = sizeof(MapTable) + cap * sizeof(MapSlot);
    // (a struct or array key or value is a pointer to the map's private copy)
    bool ptrs = m->key->has_ptrs || m->elem->has_ptrs || m->key_copy || m->val_copy;
    MapTable *t = ptrs ? gc_alloc(bytes) : gc_alloc_atomic(bytes);
    t->mask = cap - 1;
    t->epoch = LOAD(m->epoch);
    return t;
}

// A table may hold used entries up to 3/4 of its capacity.
static inline int64_t max_used(const MapTable *t) {
    return (int64_t)((t->mask + 1) / 4 * 3);
}

// Smallest power-of-two capacity that holds [n] entries at most half full.
static uint64_t cap_for(int64_t n) {
    uint64_t cap = MIN_CAP;
    while ((int64_t)(cap / 2) < n)
        cap *= 2;
    return cap;
}

GoMap *map_make(Type *maptype, int64_t hint) {
    Type *u = rt_under(maptype);
    GoMap *m = gc_alloc(sizeof(GoMap));
    m->type = maptype;
    m->key = u->key;
    m->elem = u->elem;
    m->seed = new_seed();
    m->kc = key_class(m->key);
    m->key_copy = m->key->kind == K_STRUCT || m->key->kind == K_ARRAY;
    m->val_copy = m->elem->kind == K_STRUCT || m->elem->kind == K_ARRAY;
    m->key_update = needs_key_update(m->key);
    if (hint > 0 && hint < ((int64_t)1 << 40))
        m->table = table_new(m, cap_for(hint));
    return m;
}

Type *map_type(const GoMap *m) {
    return m->type;
}

int64_t map_len(const GoMap *m) {
    if (!m)
        return 0;
    const MapTable *t = __atomic_load_n(&m->table, __ATOMIC_ACQUIRE);
    int64_t n = t ? LOAD(t->live) : 0;
    return n < 0 ? 0 : n; // only a racy program can drive the count below zero
}

// ---- hashing and probing ----

// ctrl form (CTRL_LIVE set) of [key]'s hash; false after a panic (unhashable dynamic type).
static inline bool key_hash(G *g, const GoMap *m, KeyClass kc, Slot key, uint64_t *h) {
    switch (kc) {
    case KEY_WORD:
        *h = hash_word(key.u, m->seed) | CTRL_LIVE;
        return true;
    case KEY_STR:
        *h = str_hash(key.p, m->seed) | CTRL_LIVE;
        return true;
    default:
        if (!val_hash(g, m->key, key, m->seed, h))
            return false;
        *h |= CTRL_LIVE;
        return true;
    }
}

// 1 if keys [a] and [b] are equal, 0 if not, -1 after a panic.
static inline int key_eq(G *g, const GoMap *m, KeyClass kc, Slot a, Slot b) {
    switch (kc) {
    case KEY_WORD:
        return a.u == b.u;
    case KEY_STR:
        return str_eq(a.p, b.p);
    default:
        return val_eq(g, m->key, a, b);
    }
}

// Result of a probe: the slot holding the key (or NULL), and for inserting, the first
// reusable slot on the probe path (a tombstone or the empty slot that ended it; NULL if
// the table is full, which only racing writers can cause).
typedef struct Probe {
    MapSlot *found, *free;
    bool panicked;
} Probe;

// Looks for [key] with ctrl hash [h] in [t]. Specialised per key class by inlining.
static inline __attribute__((always_inline)) Probe probe(G *g, const GoMap *m, KeyClass kc,
                                                         MapTable *t, Slot key, uint64_t h) {
    Probe r = {NULL, NULL, false};
    uint64_t mask = t->mask, i = h & mask;
    for (uint64_t n = 0; n <= mask; n++, i = (i + 1) & mask) {
        MapSlot *s = &t->slots[i];
        uint64_t c = LOAD(s->ctrl);
        if (c == h) {
            int eq = key_eq(g, m, kc, (Slot){.u = LOAD(s->key.u)}, key);
            if (eq == 1) {
                r.found = s;
                return r;
            }
            if (eq < 0) {
                r.panicked = true;
                return r;
            }
        } else if (c == CTRL_EMPTY) {
            if (!r.free)
                r.free = s;
            return r;
        } else if (c == CTRL_TOMB && !r.free) {
            r.free = s;
        }
    }
    return r;
}

static Probe probe_any(G *g, const GoMap *m, MapTable *t, Slot key, uint64_t h) {
    switch (m->kc) {
    case KEY_WORD:
        return probe(g, m, KEY_WORD, t, key, h);
    case KEY_STR:
        return probe(g, m, KEY_STR, t, key, h);
    default:
        return probe(g, m, KEY_GENERIC, t, key, h);
    }
}

static inline MapTable *load_table(const GoMap *m) {
    return __atomic_load_n(&m->table, __ATOMIC_ACQUIRE);
}

// ---- reading ----

// Hash of [key] for an operation that finds [m] nil or empty: Go still hashes a key that
// might be unhashable, to panic the same way (issue 23734).
static RtStatus hash_for_panic(G *g, const GoMap *m, Type *key_type, Slot key) {
    uint64_t h;
    if (key_type->kind != K_INTERFACE && !(m && m->kc == KEY_GENERIC))
        return RT_OK;
    return val_hash(g, key_type, key, 0, &h) ? RT_OK : RT_PANIC;
}

// Concurrent-use detection. Go checks a "writing" flag at the start of each operation; but a
// flag set for a few nanoseconds is rarely seen by another core (it may sit in the store
// buffer all along). So flags counts writes instead, odd while one is in progress (as a
// seqlock): a reader that sees it odd, or changed by the end of its read, overlapped a
// write; a writer that finds it changed by another writer overlapped a write. Either is a
// genuine race, so a race-free program never stops here.
static inline uint64_t read_begin(G *g, const GoMap *m) {
    uint64_t f = LOAD(m->flags);
    if (GOL_UNLIKELY(f & 1))
        rt_fatal(g, "concurrent map read and map write");
    return f;
}

static inline void read_end(G *g, const GoMap *m, uint64_t f) {
    __atomic_thread_fence(__ATOMIC_ACQUIRE); // order the table reads before the check
    if (GOL_UNLIKELY(LOAD(m->flags) != f))
        rt_fatal(g, "concurrent map read and map write");
}

RtStatus map_get(G *g, GoMap *m, Slot key, Slot **val) {
    *val = NULL;
    if (!m)
        return RT_OK; // nil map: the VM knows the key type; an interface key is checked there
    uint64_t f = read_begin(g, m);
    MapTable *t = load_table(m);
    if (!t || LOAD(t->live) == 0)
        return hash_for_panic(g, m, m->key, key);
    uint64_t h;
    Probe r;
    switch (m->kc) {
    case KEY_WORD:
        r = probe(g, m, KEY_WORD, t, key, hash_word(key.u, m->seed) | CTRL_LIVE);
        break;
    case KEY_STR:
        r = probe(g, m, KEY_STR, t, key, str_hash(key.p, m->seed) | CTRL_LIVE);
        break;
    default:
        if (!key_hash(g, m, KEY_GENERIC, key, &h))
            return RT_PANIC;
        r = probe(g, m, KEY_GENERIC, t, key, h);
        if (r.panicked)
            return RT_PANIC;
    }
    read_end(g, m, f);
    if (r.found)
        *val = &r.found->val;
    return RT_OK;
}

RtStatus map_get_value(G *g, GoMap *m, Slot key, Slot *out, bool *ok) {
    Slot *v;
    out->u = 0;
    *ok = false;
    if (map_get(g, m, key, &v) != RT_OK)
        return RT_PANIC;
    if (v) {
        out->u = LOAD(v->u);
        *ok = true;
    }
    return RT_OK;
}

// ---- writing ----

// Marks a write in progress; returns the (odd) flags value to pass to write_end.
static inline uint64_t write_begin(G *g, GoMap *m) {
    uint64_t f = LOAD(m->flags);
    if (GOL_UNLIKELY(f & 1))
        rt_fatal(g, "concurrent map writes");
    STORE(m->flags, f + 1);
    return f + 1;
}

static inline void write_end(G *g, GoMap *m, uint64_t mine) {
    if (GOL_UNLIKELY(LOAD(m->flags) != mine))
        rt_fatal(g, "concurrent map writes");
    STORE(m->flags, mine + 1);
}

// Copies the live entries of [t] into the unpublished [nt], keeping room for one more.
static void copy_live(MapTable *t, MapTable *nt) {
    int64_t n = 0, limit = max_used(nt) - 1; // racing writers may add entries meanwhile
    for (uint64_t i = 0; i <= t->mask && n < limit; i++) {
        MapSlot *s = &t->slots[i];
        uint64_t c = LOAD(s->ctrl);
        if (!(c & CTRL_LIVE))
            continue;
        uint64_t j = c & nt->mask;
        while (nt->slots[j].ctrl != CTRL_EMPTY)
            j = (j + 1) & nt->mask;
        nt->slots[j].key.u = LOAD(s->key.u);
        nt->slots[j].val.u = LOAD(s->val.u);
        nt->slots[j].ctrl = c;
        n++;
    }
    nt->live = nt->used = n;
}

// Publishes a new table sized for the live entries of [t] (NULL: none) plus one, with them
// copied in: growth and compaction of tombstones alike. [t] is never written again.
static MapTable *resize(GoMap *m, MapTable *t) {
    int64_t live = t ? LOAD(t->live) : 0;
    MapTable *nt = table_new(m, cap_for(live < 0 ? 1 : live + 1));
    if (t)
        copy_live(t, nt);
    __atomic_store_n(&m->table, nt, __ATOMIC_RELEASE);
    return nt;
}

static inline Slot key_copy(const GoMap *m, Slot key) {
    return m->key_copy ? (Slot){.p = val_clone(m->key, key.p)} : key;
}

// Register form of [val] as the map stores it (a private copy of a struct/array), or the
// zero value when [val] is NULL.
static inline Slot val_copy(const GoMap *m, const Slot *val) {
    if (!m->val_copy)
        return val ? *val : (Slot){.u = 0};
    return (Slot){.p = val ? val_clone(m->elem, val->p) : val_new_storage(m->elem)};
}

// Stores key [key] (hash [h]) in the current table: overwrites the value of an existing entry
// with *val (keeping its value when val is NULL), or inserts a new entry with *val or the
// zero value. Caller holds the writing flag. Returns the entry, or NULL after a panic.
static inline __attribute__((always_inline)) MapSlot *insert(G *g, GoMap *m, KeyClass kc, Slot key,
                                                             uint64_t h, const Slot *val) {
    MapTable *t = load_table(m);
    for (int attempt = 0; attempt < 64; attempt++) {
        if (!t)
            t = resize(m, NULL);
        Probe r = probe(g, m, kc, t, key, h);
        if (r.panicked)
            return NULL;
        if (r.found) {
            if (m->key_update)
                STORE(r.found->key.u, key_copy(m, key).u);
            if (val)
                STORE(r.found->val.u, val_copy(m, val).u);
            return r.found;
        }
        MapSlot *s = r.free;
        if (s && LOAD(s->ctrl) == CTRL_TOMB) {
            // reused tombstone: used is unchanged
        } else if (s && LOAD(t->used) < max_used(t)) {
            STORE(t->used, LOAD(t->used) + 1);
        } else {
            t = resize(m, t);
            continue;
        }
        STORE(s->key.u, key_copy(m, key).u);
        STORE(s->val.u, val_copy(m, val).u);
        STORE(s->ctrl, h);
        STORE(t->live, LOAD(t->live) + 1);
        return s;
    }
    rt_fatal(g, "concurrent map writes"); // only racing writers can keep the table full
}

// m[key] = *val (val NULL: keep an existing value, else insert the zero value) for key class
// [kc]; returns the entry, or NULL after a panic.
static inline __attribute__((always_inline)) MapSlot *assign_kc(G *g, GoMap *m, KeyClass kc,
                                                                Slot key, const Slot *val) {
    uint64_t h;
    if (!key_hash(g, m, kc, key, &h)) // before the flag: a panic here is not a write
        return NULL;
    uint64_t f = write_begin(g, m);
    MapSlot *s = insert(g, m, kc, key, h, val);
    write_end(g, m, f);
    return s;
}

static MapSlot *assign(G *g, GoMap *m, Slot key, const Slot *val) {
    switch (m->kc) {
    case KEY_WORD:
        return assign_kc(g, m, KEY_WORD, key, val);
    case KEY_STR:
        return assign_kc(g, m, KEY_STR, key, val);
    default:
        return assign_kc(g, m, KEY_GENERIC, key, val);
    }
}

RtStatus map_set(G *g, GoMap *m, Slot key, Slot val) {
    if (!m)
        return rt_panic_plain(g, "assignment to entry in nil map");
    return assign(g, m, key, &val) ? RT_OK : RT_PANIC;
}

RtStatus map_assign(G *g, GoMap *m, Slot key, Slot **val) {
    *val = NULL;
    if (!m)
        return rt_panic_plain(g, "assignment to entry in nil map");
    MapSlot *s = assign(g, m, key, NULL);
    if (!s)
        return RT_PANIC;
    *val = &s->val;
    return RT_OK;
}

// Removes entry [s] of [t]. A slot followed by an empty one lies on no probe path to a live
// entry, so it can become empty rather than a tombstone, and so can the tombstones before it.
static void remove_slot(MapTable *t, MapSlot *s) {
    uint64_t i = (uint64_t)(s - t->slots), mask = t->mask;
    STORE(s->key.u, 0);
    STORE(s->val.u, 0);
    STORE(t->live, LOAD(t->live) - 1);
    if (LOAD(t->slots[(i + 1) & mask].ctrl) != CTRL_EMPTY) {
        STORE(s->ctrl, CTRL_TOMB);
        return;
    }
    int64_t freed = 0;
    do {
        STORE(t->slots[i].ctrl, CTRL_EMPTY);
        freed++;
        i = (i - 1) & mask;
    } while (LOAD(t->slots[i].ctrl) == CTRL_TOMB && freed <= (int64_t)mask);
    STORE(t->used, LOAD(t->used) - freed);
}

RtStatus map_delete(G *g, GoMap *m, Slot key) {
    if (!m)
        return RT_OK;
    MapTable *t = load_table(m);
    if (!t || LOAD(t->live) == 0)
        return hash_for_panic(g, m, m->key, key);
    uint64_t h;
    if (!key_hash(g, m, m->kc, key, &h))
        return RT_PANIC;
    uint64_t f = write_begin(g, m);
    t = load_table(m);
    Probe r = probe_any(g, m, t, key, h);
    if (r.found)
        remove_slot(t, r.found);
    write_end(g, m, f);
    return r.panicked ? RT_PANIC : RT_OK;
}

void map_clear(GoMap *m) {
    if (!m)
        return;
    G *g = g_current();
    uint64_t f = write_begin(g, m);
    STORE(m->epoch, LOAD(m->epoch) + 1);
    __atomic_store_n(&m->table, NULL, __ATOMIC_RELEASE); // iterators see the epoch change
    write_end(g, m, f);
}

// ---- iteration ----

void map_iter_init(MapIter *it, GoMap *m, uint32_t rnd) {
    MapTable *t = m ? load_table(m) : NULL;
    it->m = m;
    it->table = t;
    it->i = 0;
    it->n = t ? (int64_t)t->mask + 1 : 0;
    it->start = t ? (int64_t)(rnd & t->mask) : 0;
}

// The current entry for the entry [s] of an older table [t] (the map grew or was compacted
// since iteration began): the entry with the same key in [cur], or NULL if deleted since.
// A key not equal to itself (NaN) cannot be looked up; Go produces it from the old table.
static MapSlot *relocate(G *g, GoMap *m, MapTable *cur, MapSlot *s, uint64_t c, Slot key) {
    if (m->kc == KEY_GENERIC && key_eq(g, m, KEY_GENERIC, key, key) != 1)
        return s;
    return probe_any(g, m, cur, key, c).found;
}

bool map_iter_next(G *g, MapIter *it, Slot *k, Slot *v) {
    MapTable *t = it->table;
    if (!t)
        return false;
    GoMap *m = it->m;
    if (GOL_UNLIKELY(LOAD(m->flags) & 1))
        rt_fatal(g, "concurrent map iteration and map write");
    MapTable *cur = load_table(m);
    if (cur != t && (!cur || cur->epoch != t->epoch)) { // cleared since iteration began
        it->i = it->n;
        return false;
    }
    while (it->i < it->n) {
        MapSlot *s = &t->slots[(uint64_t)(it->start + it->i++) & t->mask];
        uint64_t c = LOAD(s->ctrl);
        if (!(c & CTRL_LIVE))
            continue;
        Slot key = {.u = LOAD(s->key.u)};
        if (cur != t && !(s = relocate(g, m, cur, s, c, key)))
            continue;
        k->u = LOAD(s->key.u);
        v->u = LOAD(s->val.u);
        return true;
    }
    return false;
}
