// The one allocation path. gc.c is the only file that includes <gc.h>: it owns GC_THREADS,
// GC_INIT, thread registration and how goroutine slot stacks become visible to the collector
// (they are ordinary GC heap objects reachable from the G, so nothing special is needed).
// Built with -DGOL_MALLOC (sanitizer builds), every function routes to calloc/realloc and
// memory is never freed.
#ifndef GOL_GC_H
#define GOL_GC_H

#include <stddef.h>

// Initialise the collector. Call once, first thing in main().
void gc_init(void);

// Zeroed memory that may hold pointers; never NULL (aborts on exhaustion). Never free it.
void *gc_alloc(size_t size);

// Zeroed memory the collector never scans (string bytes, arrays of numbers).
void *gc_alloc_atomic(size_t size);

// Grow or shrink [p] (from gc_alloc) to [size] bytes; new bytes are zeroed. p may be NULL.
void *gc_realloc(void *p, size_t size);

// Copy of the NUL-terminated [s] (atomic memory).
char *gc_strdup(const char *s);

// Copy of [n] bytes of [s] plus a NUL (atomic memory).
char *gc_strndup(const char *s, size_t n);

// Start a native thread known to the collector (libgc's pthread_create wrapper).
int gc_thread_create(void *thread, void *(*fn)(void *), void *arg);

// Call fn(obj, arg) once the collector finds [obj] (from gc_alloc) unreachable, to release
// what it owns outside the GC heap (package regexp's RE2 programs). Runs after a
// collection, on whichever thread is allocating then; it must not block. No-op with
// GOL_MALLOC, where nothing is ever freed.
void gc_on_free(void *obj, void (*fn)(void *obj, void *arg), void *arg);

// Bytes currently in the GC heap (for runtime.MemStats-like reporting and tests).
size_t gc_heap_size(void);

// Run a full collection now.
void gc_collect(void);

#endif
