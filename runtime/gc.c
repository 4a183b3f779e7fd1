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

#ifndef GOL_MALLOC
#define GC_THREADS
#include <gc.h>
#endif

// Go's report for an allocation that cannot be satisfied (exit status 2, as Go's throw).
static void out_of_memory(size_t size) {
    (void)size;
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

#ifdef GOL_MALLOC

// Header in front of every block: the requested size, padded to keep 16-byte alignment.
typedef struct Hdr {
    size_t size;
    size_t pad;
} Hdr;

static atomic_size_t heap_bytes;

void gc_init(void) {}

static void *raw_alloc(size_t size) {
    stress();
    Hdr *h = calloc(1, sizeof(Hdr) + size);
    if (!h)
        out_of_memory(size);
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
        out_of_memory(size);
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

size_t gc_heap_size(void) {
    return atomic_load(&heap_bytes);
}

void gc_on_free(void *obj, void (*fn)(void *obj, void *arg), void *arg) {
    (void)obj, (void)fn, (void)arg;
}

void gc_collect(void) {}

#else // Boehm GC

// Loading a program (parsing and checking the library packages it imports) allocates a
// few megabytes that all stay live; starting from a small heap, libgc would collect five
// times on the way (a third of hello's start-up instructions).
#define INITIAL_HEAP (8u << 20)

void gc_init(void) {
    GC_INIT();
    GC_expand_hp(INITIAL_HEAP);
    GC_set_warn_proc(GC_ignore_warn_proc); // failures are reported as Go's fatal error
    GC_allow_register_threads();
}

void *gc_alloc(size_t size) {
    stress();
    void *p = GC_MALLOC(size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *gc_alloc_atomic(size_t size) {
    stress();
    void *p = GC_MALLOC_ATOMIC(size ? size : 1);
    if (!p)
        out_of_memory(size);
    memset(p, 0, size); // atomic memory is not cleared by libgc
    return p;
}

// libgc zeroes fresh objects and clears the tail when shrinking in place, so grown bytes
// are always zero.
void *gc_realloc(void *p, size_t size) {
    stress();
    void *q = GC_REALLOC(p, size ? size : 1);
    if (!q)
        out_of_memory(size);
    return q;
}

int gc_thread_create(void *thread, void *(*fn)(void *), void *arg) {
    return GC_pthread_create((pthread_t *)thread, NULL, fn, arg);
}

size_t gc_heap_size(void) {
    return GC_get_heap_size();
}

void gc_on_free(void *obj, void (*fn)(void *obj, void *arg), void *arg) {
    GC_register_finalizer_no_order(obj, fn, arg, NULL, NULL);
}

void gc_collect(void) {
    GC_gcollect();
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
