// The one allocation path. gc.c is the only file that includes <gc.h>: it owns GC_THREADS,
// GC_INIT, thread registration and how goroutine slot stacks become visible to the collector
// (they are ordinary GC heap objects reachable from the G, so nothing special is needed).
// Built with -DGOL_MALLOC (sanitizer builds), every function routes to calloc/realloc and
// memory is never freed.
#ifndef GOL_GC_H
#define GOL_GC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Initialise the collector. Call once, first thing in main().
void gc_init(void);

// Zeroed memory that may hold pointers; never NULL (aborts on exhaustion). Never free it.
void *gc_alloc(size_t size);
// End the program with Go's "fatal error: runtime: out of memory" (exit status 2).
__attribute__((noreturn)) void gc_out_of_memory(size_t size);
// When set, gc_out_of_memory calls it instead of ending the program; it must not return.
// Only the front-end fuzzer sets it: an input whose globals cannot be allocated is no
// finding, and the hook longjmps out of that input (no allocation holds a lock then).
extern void (*gc_oom_hook)(void);

// Zeroed memory the collector never scans (string bytes, arrays of numbers).
void *gc_alloc_atomic(size_t size);

// Grow or shrink [p] (from gc_alloc) to [size] bytes; new bytes are zeroed. p may be NULL.
void *gc_realloc(void *p, size_t size);

// Called with each new block (gc_alloc, gc_alloc_atomic, gc_realloc) when set: the race
// detector forgets the access history of memory handed out again. NULL in a plain run.
extern void (*gc_alloc_hook)(void *p, size_t size);

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
// fork() with the collector's locks taken around it, so the child (one thread) can go on
// allocating (gol explore runs each schedule in a forked child). Returns fork's result.
int gc_fork(void);

// Bytes currently in the GC heap (for runtime.MemStats-like reporting and tests).
size_t gc_heap_size(void);

// Whether the collector stops and restarts threads with signal [sig] (SIGPWR, SIGXCPU):
// nobody else may handle, ignore or reset it.
bool gc_owns_signal(int sig);

// Allocations made so far through this file (all threads; for runtime.MemStats.Mallocs).
uint64_t gc_mallocs(void);

// The collector's statistics, for runtime.ReadMemStats (bytes unless noted).
typedef struct GcStats {
    uint64_t heap_size;     // heap obtained for objects (mapped)
    uint64_t heap_free;     // free bytes in it
    uint64_t heap_released; // returned to the OS
    uint64_t heap_alloc;    // in objects, live or not yet swept
    uint64_t total_alloc;   // allocated since start (cumulative)
    uint64_t reclaimed;     // freed by collections since start (cumulative)
    uint64_t sys;           // obtained from the OS
    uint64_t num_gc;        // collections so far
    uint64_t mallocs;       // allocations so far (count)
} GcStats;
void gc_stats(GcStats *st);

// Run a full collection now.
void gc_collect(void);

// debug.SetGCPercent: collect when new allocation reaches [percent]% of the live heap
// (libgc's free-space divisor approximates it); negative disables collection. Returns the
// previous setting (initially GOGC's: a number, "off" = -1, or 100).
int gc_set_percent(int percent);
// debug.FreeOSMemory: collect, then return free pages to the OS.
void gc_free_os_memory(void);

// Finalizers (runtime.SetFinalizer). [fn] is called as fn(obj, data) by gc_run_finalizers
// once obj is unreachable (objects reachable from it are kept; a pointer to itself does
// not count). fn == NULL removes obj's finalizer. Returns false if obj is not the start of
// a collector object; *had says whether obj already had one (then a new fn is not set).
typedef void (*GcFinalizer)(void *obj, void *data);
bool gc_set_finalizer(void *obj, GcFinalizer fn, void *data, bool *had);
// Call [cb] (from whichever thread allocates) when finalizers become ready to run.
void gc_on_finalizers_ready(void (*cb)(void));
// Run the finalizers that are ready, on this thread.
void gc_run_finalizers(void);

// Call [fn](true) when a collection starts and [fn](false) when it ends (gol trace), on the
// collecting thread with the collector's lock held: fn must not allocate GC memory.
void gc_on_collection(void (*fn)(bool start));

#endif
