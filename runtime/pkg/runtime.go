// Package runtime exposes gol's scheduler and collector to Go programs: Gosched,
// NumGoroutine, NumCPU, GOMAXPROCS, Goexit, GC, and the runtime.Error interface that run-time
// panics satisfy (the VM boxes rtError values for them; see runtime/panic.c).
// Natives: runtime/pkg/runtime.c.
package runtime

// The Error interface identifies a run time error.
type Error interface {
	error
	// RuntimeError is a no-op function but serves to distinguish types that are run time
	// errors from ordinary errors.
	RuntimeError()
}

// rtError is the concrete type of gol's run-time panics ("runtime error: index out of
// range [5] with length 3"); msg is the whole Error() text.
type rtError struct {
	msg string
}

func (e rtError) Error() string { return e.msg }
func (e rtError) RuntimeError() {}

// GOOS and GOARCH name the system gol runs on.
const (
	GOOS     = "linux"
	GOARCH   = "amd64"
	Compiler = "gc"
)

// Gosched yields the processor, allowing other goroutines to run.
func Gosched()

// NumGoroutine returns the number of goroutines that currently exist.
func NumGoroutine() int

// NumCPU returns the number of logical CPUs usable by the current process.
func NumCPU() int

// GOMAXPROCS sets the maximum number of CPUs that can be executing simultaneously and
// returns the previous setting. If n < 1, it does not change the current setting.
func GOMAXPROCS(n int) int

// Goexit terminates the goroutine that calls it, after running its deferred calls.
func Goexit()

// GC runs a garbage collection.
func GC()

// KeepAlive marks its argument as currently reachable.
func KeepAlive(x any) {}

// LockOSThread and UnlockOSThread are accepted for compatibility; gol goroutines are not
// tied to threads.
func LockOSThread()   {}
func UnlockOSThread() {}

// A MemStats records statistics about the memory allocator. gol fills the fields its
// collector (Boehm's) can report: Alloc, TotalAlloc, Sys, Mallocs, Frees (estimated: the
// collector counts freed bytes, not objects), HeapAlloc, HeapSys, HeapIdle, HeapInuse,
// HeapReleased, HeapObjects (estimated) and NumGC; the others stay zero.
type MemStats struct {
	Alloc         uint64
	TotalAlloc    uint64
	Sys           uint64
	Lookups       uint64
	Mallocs       uint64
	Frees         uint64
	HeapAlloc     uint64
	HeapSys       uint64
	HeapIdle      uint64
	HeapInuse     uint64
	HeapReleased  uint64
	HeapObjects   uint64
	StackInuse    uint64
	StackSys      uint64
	MSpanInuse    uint64
	MSpanSys      uint64
	MCacheInuse   uint64
	MCacheSys     uint64
	BuckHashSys   uint64
	GCSys         uint64
	OtherSys      uint64
	NextGC        uint64
	LastGC        uint64
	PauseTotalNs  uint64
	PauseNs       [256]uint64
	PauseEnd      [256]uint64
	NumGC         uint32
	NumForcedGC   uint32
	GCCPUFraction float64
	EnableGC      bool
	DebugGC       bool
	BySize        [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}

// memStats returns the collector's counters (see gc.h's GcStats).
func memStats() (heapSize, heapFree, heapReleased, heapAlloc, totalAlloc, sys, numGC, mallocs uint64)

// ReadMemStats populates m with memory allocator statistics.
func ReadMemStats(m *MemStats) {
	heapSize, heapFree, heapReleased, heapAlloc, totalAlloc, sys, numGC, mallocs := memStats()
	*m = MemStats{}
	m.Alloc = heapAlloc
	m.HeapAlloc = heapAlloc
	m.TotalAlloc = totalAlloc
	m.Sys = sys
	m.HeapSys = heapSize
	m.HeapIdle = heapFree
	m.HeapInuse = heapAlloc
	m.HeapReleased = heapReleased
	m.NumGC = uint32(numGC)
	m.Mallocs = mallocs
	m.EnableGC = true
	if mallocs > 0 && totalAlloc > 0 {
		// Live objects estimated from live bytes at the average allocation size.
		objs := uint64(float64(heapAlloc) / (float64(totalAlloc) / float64(mallocs)))
		if objs > mallocs {
			objs = mallocs
		}
		m.HeapObjects = objs
		m.Frees = mallocs - objs
	}
}
