// The one allocation path (see gc.h). This is the only file that includes <gc.h>: it owns
// GC_THREADS/GC_INIT and creates native threads through libgc's pthread wrapper so that their
// stacks are scanned. With -DGOL_MALLOC (sanitizer builds) everything routes to calloc/realloc
// and nothing is ever freed; a small size header lets gc_realloc zero the grown tail.
// With -DGOL_GC_STRESS a full collection runs every few hundred allocations.
#include "gc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out.h"

void (*gc_alloc_hook)(void *p, size_t size);
void (*gc_oom_hook)(void);

#ifndef GOL_MALLOC
#define GC_THREADS
#include <gc.h>
#include <gc/gc_inline.h>
#include <gc/gc_mark.h>
#endif

// Go's report for an allocation that cannot be satisfied (exit status 2, as Go's throw).
void gc_out_of_memory(size_t size) {
    (void)size;
    if (gc_oom_hook)
        gc_oom_hook();
    out_flush();
    static const char msg[] = "fatal error: runtime: out of memory\n";
    if (write(2, msg, sizeof msg - 1) < 0)
        _exit(2);
    _exit(2);
}

#ifdef GOL_GC_STRESS
static atomic_uint stress_count;
static void stress(void) {
    if (atomic_fetch_add(&stress_count, 1) % 256 == 255)
        gc_collect();
}
#else
static void stress(void) {}
#endif

// ---- allocation counts (runtime.MemStats.Mallocs): one counter per thread, written only
// by its thread (a relaxed load and store, no atomic read-modify-write on the allocation
// path); readers sum the list. Counters outlive their threads (a thread's count stays).

typedef struct AllocCount {
    _Atomic uint64_t n;
    struct AllocCount *next; // guarded by: counts_lock (pushed once, never removed)
} AllocCount;

static pthread_mutex_t counts_lock = PTHREAD_MUTEX_INITIALIZER;
static AllocCount *counts; // guarded by: counts_lock
static __thread AllocCount *my_count;

static AllocCount *count_register(void) {
    AllocCount *c = calloc(1, sizeof *c);
    if (!c)
        gc_out_of_memory(sizeof *c);
    pthread_mutex_lock(&counts_lock);
    c->next = counts;
    counts = c;
    pthread_mutex_unlock(&counts_lock);
    my_count = c;
    return c;
}

static inline void count_alloc(void) {
    AllocCount *c = my_count;
    if (!c)
        c = count_register();
    atomic_store_explicit(&c->n, atomic_load_explicit(&c->n, memory_order_relaxed) + 1,
                          memory_order_relaxed);
}

uint64_t gc_mallocs(void) {
    uint64_t sum = 0;
    pthread_mutex_lock(&counts_lock);
    for (AllocCount *c = counts; c; c = c->next)
        sum += atomic_load_explicit(&c->n, memory_order_relaxed);
    pthread_mutex_unlock(&counts_lock);
    return sum;
}

// GOGC at start-up, as Go reads it: a percentage, "off" (-1), or unset/invalid (100).
static int gogc_env(void) {
    const char *gogc = getenv("GOGC");
    if (!gogc || !*gogc)
        return 100;
    if (!strcmp(gogc, "off"))
        return -1;
    char *end;
    long v = strtol(gogc, &end, 10);
    if (*end || v < 0)
        return 100;
    return v > 1000000 ? 1000000 : (int)v;
}

#ifdef GOL_MALLOC

// Header in front of every block: the requested size, padded to keep 16-byte alignment.
typedef struct Hdr {
    size_t size;
    size_t pad;
} Hdr;

static atomic_size_t heap_bytes;
static atomic_uint_fast64_t collections; // runtime.GC calls: NumGC in this build

static atomic_int gc_percent = 100; // recorded only: nothing is collected in this build

void gc_init(void) {
    atomic_store(&gc_percent, gogc_env());
}

static void *raw_alloc(size_t size) {
    stress();
    count_alloc();
    Hdr *h = calloc(1, sizeof(Hdr) + size);
    if (!h)
        gc_out_of_memory(size);
    h->size = size;
    atomic_fetch_add(&heap_bytes, size);
    return h + 1;
}

void *gc_alloc(size_t size) {
    return raw_alloc(size);
}

void *gc_alloc_atomic(size_t size) {
    return raw_alloc(size);
}

void *gc_realloc(void *p, size_t size) {
    if (!p)
        return raw_alloc(size);
    Hdr *h = (Hdr *)p - 1;
    size_t old = h->size;
    h = realloc(h, sizeof(Hdr) + size);
    if (!h)
        gc_out_of_memory(size);
    if (size > old) {
        memset((char *)(h + 1) + old, 0, size - old);
        atomic_fetch_add(&heap_bytes, size - old);
    }
    h->size = size;
    return h + 1;
}

int gc_thread_create(void *thread, void *(*fn)(void *), void *arg) {
    return pthread_create((pthread_t *)thread, NULL, fn, arg);
}

int gc_thread_create_stack(void *thread, size_t stack, void *(*fn)(void *), void *arg) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    int err = pthread_attr_setstacksize(&attr, stack);
    if (!err)
        err = pthread_create((pthread_t *)thread, &attr, fn, arg);
    pthread_attr_destroy(&attr);
    return err;
}

int gc_thread_join(void *thread) {
    return pthread_join(*(pthread_t *)thread, NULL);
}

size_t gc_heap_size(void) {
    return atomic_load(&heap_bytes);
}

bool gc_owns_signal(int sig) {
    (void)sig; // (this file does not include common.h)
    return false;
}

void gc_stats(GcStats *st) {
    memset(st, 0, sizeof *st);
    st->heap_size = st->heap_alloc = st->total_alloc = st->sys = atomic_load(&heap_bytes);
    st->mallocs = gc_mallocs();
    st->num_gc = atomic_load(&collections);
}

void gc_collect(void) {
    atomic_fetch_add(&collections, 1);
}

// Nothing is ever freed here, so no finalizer ever becomes ready; the objects that have
// one are remembered only for Go's "finalizer already set" check.
static pthread_mutex_t fin_lock = PTHREAD_MUTEX_INITIALIZER;
static void **fin_objs;          // guarded by: fin_lock; open addressing, NULL = empty
static size_t fin_cap, fin_n;    // guarded by: fin_lock
static void *const FIN_GONE = &fin_cap; // a removed entry

static size_t fin_slot_locked(void *obj) {
    size_t mask = fin_cap - 1, h = ((uintptr_t)obj >> 4) * 0x9E3779B97F4A7C15ULL >> 32 & mask;
    while (fin_objs[h] && fin_objs[h] != obj)
        h = (h + 1) & mask;
    return h;
}

bool gc_set_finalizer(void *obj, GcFinalizer fn, void *data, bool *had) {
    (void)data;
    pthread_mutex_lock(&fin_lock);
    if (2 * (fin_n + 1) > fin_cap) {
        void **old = fin_objs;
        size_t old_cap = fin_cap;
        fin_cap = fin_cap ? 2 * fin_cap : 64;
        fin_objs = calloc(fin_cap, sizeof *fin_objs);
        if (!fin_objs)
            gc_out_of_memory(fin_cap * sizeof *fin_objs);
        for (size_t i = 0; i < old_cap; i++)
            if (old[i] && old[i] != FIN_GONE)
                fin_objs[fin_slot_locked(old[i])] = old[i];
        free(old);
    }
    size_t h = fin_slot_locked(obj);
    *had = fin_objs[h] == obj;
    if (fn && !*had) {
        fin_objs[h] = obj;
        fin_n++;
    } else if (!fn && *had)
        fin_objs[h] = FIN_GONE;
    pthread_mutex_unlock(&fin_lock);
    return true;
}

void gc_on_finalizers_ready(void (*cb)(void)) {
    (void)cb;
}

void gc_run_finalizers(void) {}

void gc_on_collection(void (*fn)(bool start)) {
    (void)fn;
}

int gc_set_percent(int percent) {
    return atomic_exchange(&gc_percent, percent);
}

void gc_free_os_memory(void) {
    gc_collect();
}

#else // Boehm GC

// Loading a program (parsing and checking the library packages it imports) allocates a
// few megabytes that all stay live; starting from a small heap, libgc would collect five
// times on the way (a third of hello's start-up instructions).
#define INITIAL_HEAP (8u << 20)

// ---- exact-size objects ----
// libgc, which must recognise a pointer just past an object's end as pointing into it,
// allocates every object one byte larger than asked and (for its NORMAL kind) does not scan
// the last word: a 16-byte struct of two pointers takes 32 bytes. gol's values never need
// that byte: a slice or a string whose data pointer is one past its array's end has cap 0
// (or length 0) and never reads through it, so a pointer there need not keep the array.
// So gol asks for one byte less when a size is a multiple of 16 (the byte libgc adds then
// fits the last granule) and allocates scanned objects from exact_kind, whose descriptor
// covers the whole object, the last word included. Small scanned objects come from
// per-thread free lists (libgc's thread-local lists serve only its own kinds) refilled by
// GC_generic_malloc_many; the lists hang from an uncollectable (traced) array, so the
// objects waiting on them, linked through their first word, are never reclaimed under them.
// Pointer-free objects keep libgc's PTRFREE kind and its thread-local lists (an untraced
// object cannot hold a free-list link).
enum { SMALL_GRANULES = GC_TINY_FREELISTS };
static unsigned exact_kind;
static __thread void **tiny_lists; // exact_kind objects of i granules at [i]
static pthread_key_t lists_key;    // its destructor frees an exiting thread's lists

// At a thread's exit (the front end's deep-stack thread, say): freeing the array leaves the
// objects still on its lists unreachable, so the next collection reclaims them.
static void drop_lists(void *lists) {
    tiny_lists = NULL;
    GC_FREE(lists);
}

static void **thread_lists(void) {
    tiny_lists = GC_MALLOC_UNCOLLECTABLE(SMALL_GRANULES * sizeof(void *));
    if (!tiny_lists)
        gc_out_of_memory(SMALL_GRANULES * sizeof(void *));
    pthread_setspecific(lists_key, tiny_lists);
    return tiny_lists;
}

// The size to ask libgc for [size] > 0 bytes (see above).
static inline size_t ask(size_t size) {
    return size & (GC_GRANULE_BYTES - 1) ? size : size - 1;
}

// A zeroed scanned object of [size] > 0 bytes, or NULL.
static inline void *alloc_scanned(size_t size) {
    size_t gran = (size + GC_GRANULE_BYTES - 1) / GC_GRANULE_BYTES;
    if (__builtin_expect(gran >= SMALL_GRANULES, 0))
        return GC_generic_malloc(ask(size), (int)exact_kind);
    void **lists = tiny_lists ? tiny_lists : thread_lists();
    void *p;
    GC_FAST_MALLOC_GRANS(p, gran, lists, 0, (int)exact_kind,
                         GC_generic_malloc(ask(size), (int)exact_kind), *(void **)p = 0);
    return p;
}

void gc_init(void) {
    GC_INIT();
    exact_kind = GC_new_kind(GC_new_free_list(), GC_DS_LENGTH, 1, 1);
    if (pthread_key_create(&lists_key, drop_lists) != 0)
        gc_out_of_memory(0);
    GC_expand_hp(INITIAL_HEAP);
    GC_set_warn_proc(GC_ignore_warn_proc); // failures are reported as Go's fatal error
    GC_allow_register_threads();
    GC_set_finalize_on_demand(1); // finalizers run only from gc_run_finalizers
    int percent = gogc_env();
    if (percent != 100)
        gc_set_percent(percent);
}

void *gc_alloc(size_t size) {
    stress();
    count_alloc();
    void *p = alloc_scanned(size ? size : 1);
    if (!p)
        gc_out_of_memory(size);
    if (__builtin_expect(gc_alloc_hook != NULL, 0))
        gc_alloc_hook(p, size);
    return p;
}

void *gc_alloc_atomic(size_t size) {
    stress();
    count_alloc();
    void *p = GC_MALLOC_ATOMIC(size ? ask(size) : 1);
    if (!p)
        gc_out_of_memory(size);
    memset(p, 0, size); // atomic memory is not cleared by libgc
    if (__builtin_expect(gc_alloc_hook != NULL, 0))
        gc_alloc_hook(p, size);
    return p;
}

// libgc zeroes fresh objects and clears the tail when shrinking in place, so grown bytes
// are always zero.
void *gc_realloc(void *p, size_t size) {
    stress();
    void *q = GC_REALLOC(p, size ? size : 1);
    if (!q)
        gc_out_of_memory(size);
    if (__builtin_expect(gc_alloc_hook != NULL, 0) && q != p)
        gc_alloc_hook(q, size);
    return q;
}

int gc_thread_create(void *thread, void *(*fn)(void *), void *arg) {
    return GC_pthread_create((pthread_t *)thread, NULL, fn, arg);
}

int gc_thread_create_stack(void *thread, size_t stack, void *(*fn)(void *), void *arg) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    int err = pthread_attr_setstacksize(&attr, stack);
    if (!err)
        err = GC_pthread_create((pthread_t *)thread, &attr, fn, arg);
    pthread_attr_destroy(&attr);
    return err;
}

int gc_thread_join(void *thread) {
    return GC_pthread_join(*(pthread_t *)thread, NULL);
}

size_t gc_heap_size(void) {
    return GC_get_heap_size();
}

bool gc_owns_signal(int sig) {
    return sig == GC_get_suspend_signal() || sig == GC_get_thr_restart_signal();
}

void gc_stats(GcStats *st) {
    struct GC_prof_stats_s ps;
    memset(&ps, 0, sizeof ps);
    GC_get_prof_stats(&ps, sizeof ps);
    st->heap_size = ps.heapsize_full;
    st->heap_free = ps.free_bytes_full;
    st->heap_released = ps.unmapped_bytes;
    st->heap_alloc = ps.heapsize_full - ps.free_bytes_full; // both count unmapped bytes
    st->total_alloc = ps.allocd_bytes_before_gc + ps.bytes_allocd_since_gc;
    st->reclaimed = ps.reclaimed_bytes_before_gc + ps.bytes_reclaimed_since_gc;
    st->sys = ps.obtained_from_os_bytes;
    st->num_gc = ps.gc_no;
    st->mallocs = gc_mallocs();
}

void gc_collect(void) {
    GC_gcollect();
}

bool gc_set_finalizer(void *obj, GcFinalizer fn, void *data, bool *had) {
    if (GC_base(obj) != obj)
        return false;
    GC_finalization_proc old = NULL;
    void *old_data = NULL;
    GC_register_finalizer_ignore_self(obj, fn, data, &old, &old_data);
    *had = old != NULL;
    if (old && fn) // keep the first one: the caller reports Go's error
        GC_register_finalizer_ignore_self(obj, old, old_data, NULL, NULL);
    return true;
}

static void (*ready_cb)(void);
static void notify_ready(void) {
    if (ready_cb)
        ready_cb();
}

void gc_on_finalizers_ready(void (*cb)(void)) {
    ready_cb = cb;
    GC_set_finalizer_notifier(notify_ready);
}

void gc_run_finalizers(void) {
    GC_invoke_finalizers();
}

static void (*collection_cb)(bool start);

static void on_collection_event(GC_EventType e) {
    if (e == GC_EVENT_START || e == GC_EVENT_END)
        collection_cb(e == GC_EVENT_START);
}

void gc_on_collection(void (*fn)(bool start)) {
    collection_cb = fn;
    GC_set_on_collection_event(fn ? on_collection_event : NULL);
}

static pthread_mutex_t percent_lock = PTHREAD_MUTEX_INITIALIZER;
static int gc_percent = 100; // guarded by: percent_lock

// Apply GOGC-style [percent] (the caller holds percent_lock); returns the previous one.
static int set_percent_locked(int percent) {
    int old = gc_percent;
    if (percent < 0 && old >= 0)
        GC_disable();
    else if (percent >= 0 && old < 0)
        GC_enable();
    if (percent >= 0) {
        // libgc collects when free space falls below heap/divisor; its default is 3,
        // which gol treats as Go's 100%.
        int d = percent == 0 ? 100 : 300 / percent;
        GC_set_free_space_divisor((GC_word)(d < 1 ? 1 : d));
    }
    gc_percent = percent;
    return old;
}

int gc_set_percent(int percent) {
    pthread_mutex_lock(&percent_lock);
    int old = set_percent_locked(percent);
    pthread_mutex_unlock(&percent_lock);
    return old;
}

void gc_free_os_memory(void) {
    GC_gcollect_and_unmap();
}

#endif

char *gc_strndup(const char *s, size_t n) {
    char *d = gc_alloc_atomic(n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

char *gc_strdup(const char *s) {
    return gc_strndup(s, strlen(s));
}

int gc_fork(void) {
#ifndef GOL_MALLOC
    GC_atfork_prepare();
    pid_t pid = fork();
    if (pid == 0)
        GC_atfork_child();
    else
        GC_atfork_parent();
    return pid;
#else
    return fork();
#endif
}
