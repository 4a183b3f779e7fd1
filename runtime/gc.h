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
// The same with a C stack of [stack] bytes (reserved, touched only as used). Returns an
// errno value (EAGAIN/ENOMEM when the address space cannot hold it) or 0.
int gc_thread_create_stack(void *thread, size_t stack, void *(*fn)(void *), void *arg);
// Wait for a thread started by gc_thread_create*; returns an errno value or 0.
int gc_thread_join(void *thread);

// Bytes currently in the GC heap (for runtime.MemStats-like reporting and tests).
size_t gc_heap_size(void);

// Run a full collection now.
void gc_collect(void);

#endif
