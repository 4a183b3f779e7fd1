// Package runtime exposes gol's scheduler and collector to Go programs: Gosched,
// NumGoroutine, NumCPU, GOMAXPROCS, Goexit, GC, ReadMemStats, SetFinalizer, the stack
// (Caller, Callers, CallersFrames, FuncForPC, Stack), and the runtime.Error interface that
// run-time panics satisfy (the VM boxes rtError values for them; see runtime/panic.c).
// Natives: runtime/pkg/runtime.c, runtime_stack.c, runtime_final.c.
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

// KeepAlive marks its argument as currently reachable: the argument stays in a register
// of the caller until this call, which the collector scans.
func KeepAlive(x any) {}

// SetFinalizer sets the finalizer associated with obj to the provided finalizer
// function. When the collector finds an unreachable block with an associated finalizer,
// it clears the association and runs finalizer(obj) in a separate goroutine. A nil
// finalizer clears the association. Go's fatal errors for bad arguments are kept.
func SetFinalizer(obj any, finalizer any)

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

// Caller reports file and line number information about function invocations on the
// calling goroutine's stack. The argument skip is the number of stack frames to ascend,
// with 0 identifying the caller of Caller. The pc is gol's encoding of the position, for
// FuncForPC and CallersFrames.
func Caller(skip int) (pc uintptr, file string, line int, ok bool)

// Callers fills the slice pc with the positions of function invocations on the calling
// goroutine's stack. The argument skip is the number of stack frames to skip before
// recording in pc, with 0 identifying the frame for Callers itself and 1 identifying the
// caller of Callers. It returns the number of entries written to pc.
func Callers(skip int, pc []uintptr) int

// Stack formats a stack trace of the calling goroutine into buf and returns the number of
// bytes written to buf. If all is true, Stack formats stack traces of all other goroutines
// into buf after the trace for the current goroutine. gol's traces show file:line:col
// where Go shows file:line +offset.
func Stack(buf []byte, all bool) int

func pcInfo(pc uintptr) (name, file string, line int, entry uintptr, ok bool)

// A Func represents a Go function in the running binary.
type Func struct {
	name  string
	entry uintptr
}

// FuncForPC returns a *Func describing the function that contains the given program
// counter address, or else nil.
func FuncForPC(pc uintptr) *Func {
	name, _, _, entry, ok := pcInfo(pc)
	if !ok {
		return nil
	}
	return &Func{name: name, entry: entry}
}

// Name returns the name of the function.
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Entry returns the entry address of the function.
func (f *Func) Entry() uintptr {
	if f == nil {
		return 0
	}
	return f.entry
}

// FileLine returns the file name and line number of the source code corresponding to the
// program counter pc.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	_, file, line, _, _ = pcInfo(pc)
	return
}

// Frame is the information returned by Frames for each call frame.
type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

// Frames may be used to get function/file/line information for a slice of PC values
// returned by Callers.
type Frames struct {
	pcs []uintptr
	i   int
}

// CallersFrames takes a slice of PCs returned by Callers and prepares to return
// function/file/line information. Do not change the slice until you are done with the
// Frames.
func CallersFrames(callers []uintptr) *Frames {
	return &Frames{pcs: callers}
}

// Next returns a Frame representing the next call frame in the slice of PC values,
// and whether there are more frames after it.
func (ci *Frames) Next() (frame Frame, more bool) {
	for ci.i < len(ci.pcs) {
		pc := ci.pcs[ci.i]
		ci.i++
		name, file, line, entry, ok := pcInfo(pc)
		if !ok {
			continue
		}
		frame = Frame{PC: pc, Func: &Func{name: name, entry: entry}, Function: name,
			File: file, Line: line, Entry: entry}
		return frame, ci.i < len(ci.pcs)
	}
	return Frame{}, false
}
