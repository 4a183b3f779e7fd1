// Package debug contains facilities for programs to debug themselves while they are
// running: the calling goroutine's stack, and the collector's knobs that libgc has
// (natives in runtime/pkg/runtime_debug.c).
package debug

import (
	"os"
	"runtime"
)

// PrintStack prints to standard error the stack trace returned by runtime.Stack.
func PrintStack() {
	os.Stderr.Write(Stack())
}

// Stack returns a formatted stack trace of the goroutine that calls it. It calls
// runtime.Stack with a large enough buffer to capture the entire trace.
func Stack() []byte {
	buf := make([]byte, 1024)
	for {
		n := runtime.Stack(buf, false)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}

// SetGCPercent sets the garbage collection target percentage: a collection is triggered
// when the ratio of freshly allocated data to live data remaining after the previous
// collection reaches this percentage (libgc's free-space divisor approximates it). It
// returns the previous setting. The initial setting is the value of the GOGC environment
// variable at startup, or 100 if the variable is not set. A negative percentage
// (GOGC=off) disables garbage collection.
func SetGCPercent(percent int) int

// FreeOSMemory forces a garbage collection followed by an attempt to return as much
// memory to the operating system as possible.
func FreeOSMemory()
