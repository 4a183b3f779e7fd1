// slog's Record (Go 1.23's record.go): time, level, message, the caller's pc and the
// attributes, the first five inline; and Source, the position a pc stands for.
package slog

import (
	"runtime"
	"slices"
	"time"
)

const nAttrsInline = 5

// A Record holds information about a log event. Copies of a Record share state: use
// Clone to make a copy that does not.
type Record struct {
	Time    time.Time // the time at which the output method was called
	Message string    // the log message
	Level   Level     // the level of the event
	// The program counter at the time the record was constructed, as determined by
	// runtime.Callers. If zero, no program counter is available.
	PC uintptr

	front  [nAttrsInline]Attr
	nFront int
	back   []Attr
}

// NewRecord creates a Record from the given arguments. Use Record.AddAttrs to add
// attributes to the Record.
func NewRecord(t time.Time, level Level, msg string, pc uintptr) Record {
	return Record{Time: t, Message: msg, Level: level, PC: pc}
}

// Clone returns a copy of the record with no shared state.
func (r Record) Clone() Record {
	r.back = slices.Clip(r.back)
	return r
}

// NumAttrs returns the number of attributes in the Record.
func (r Record) NumAttrs() int { return r.nFront + len(r.back) }

// Attrs calls f on each Attr in the Record. Iteration stops if f returns false.
func (r Record) Attrs(f func(Attr) bool) {
	for i := 0; i < r.nFront; i++ {
		if !f(r.front[i]) {
			return
		}
	}
	for _, a := range r.back {
		if !f(a) {
			return
		}
	}
}

// AddAttrs appends the given Attrs to the Record's list of Attrs. It omits empty groups.
func (r *Record) AddAttrs(attrs ...Attr) {
	var i int
	for i = 0; i < len(attrs) && r.nFront < len(r.front); i++ {
		a := attrs[i]
		if a.Value.isEmptyGroup() {
			continue
		}
		r.front[r.nFront] = a
		r.nFront++
	}
	// Check if a copy was modified by slicing past the end and seeing if the Attr
	// there is non-zero.
	if cap(r.back) > len(r.back) {
		end := r.back[:len(r.back)+1][len(r.back)]
		if !end.isEmpty() {
			r.back = slices.Clip(r.back)
			r.back = append(r.back, String("!BUG", "AddAttrs unsafely called on copy of Record made without using Record.Clone"))
		}
	}
	for _, a := range attrs[i:] {
		if !a.Value.isEmptyGroup() {
			r.back = append(r.back, a)
		}
	}
}

// Add converts the args to Attrs as described in Logger.Log, then appends the Attrs to
// the Record's list of Attrs. It omits empty groups.
func (r *Record) Add(args ...any) {
	var a Attr
	for len(args) > 0 {
		a, args = argsToAttr(args)
		if a.Value.isEmptyGroup() {
			continue
		}
		if r.nFront < len(r.front) {
			r.front[r.nFront] = a
			r.nFront++
		} else {
			r.back = append(r.back, a)
		}
	}
}

const badKey = "!BADKEY"

// argsToAttr turns a prefix of the nonempty args slice into an Attr and returns the
// unconsumed portion of the slice: a string and the value after it, an Attr, or a lone
// value under the key "!BADKEY".
func argsToAttr(args []any) (Attr, []any) {
	switch x := args[0].(type) {
	case string:
		if len(args) == 1 {
			return String(badKey, x), nil
		}
		return Any(x, args[1]), args[2:]
	case Attr:
		return x, args[1:]
	default:
		return Any(badKey, x), args[1:]
	}
}

// Source describes the location of a line of source code.
type Source struct {
	// Function is the package path-qualified function name containing the source line.
	Function string `json:"function"`
	// File and Line are the file name and line number (1-based) of the source line.
	File string `json:"file"`
	Line int    `json:"line"`
}

// group returns the non-zero fields of s as a slice of attrs.
func (s *Source) group() Value {
	var as []Attr
	if s.Function != "" {
		as = append(as, String("function", s.Function))
	}
	if s.File != "" {
		as = append(as, String("file", s.File))
	}
	if s.Line != 0 {
		as = append(as, Int("line", s.Line))
	}
	return GroupValue(as...)
}

func (s *Source) isEmpty() bool { return *s == Source{} }

// Source returns a new Source for the log event using r's PC. If the PC field is zero,
// meaning the Record was created without the necessary information or the location is
// unavailable, then nil is returned (Go 1.25).
func (r Record) Source() *Source {
	if r.PC == 0 {
		return nil
	}
	fs := runtime.CallersFrames([]uintptr{r.PC})
	f, _ := fs.Next()
	return &Source{Function: f.Function, File: f.File, Line: f.Line}
}
