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

// A MemStats records statistics about the memory allocator (the fields gol can fill).
type MemStats struct {
	Alloc      uint64
	TotalAlloc uint64
	Sys        uint64
	HeapAlloc  uint64
	HeapSys    uint64
	NumGC      uint32
}

// ReadMemStats populates m with memory allocator statistics.
func ReadMemStats(m *MemStats) {
	n := heapSize()
	m.Alloc = n
	m.TotalAlloc = n
	m.Sys = n
	m.HeapAlloc = n
	m.HeapSys = n
}

func heapSize() uint64
