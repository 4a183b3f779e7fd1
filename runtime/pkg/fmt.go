// Package fmt implements Go's formatted I/O for gol. Formatting and scanning are native
// (runtime/pkg/fmt.c over runtime/format.c and runtime/scan.c, ports of Go's fmt/print.go
// and fmt/scan.go); Errorf's error values, the State of Format methods and the writer-based
// Fprint family are plain Go. Custom Scanner methods are not called.
package fmt

import (
	"errors"
	"io"
)

// Stringer is implemented by any value that has a String method, which defines the
// "native" format for that value.
type Stringer interface {
	String() string
}

// GoStringer is implemented by any value that has a GoString method, used by %#v.
type GoStringer interface {
	GoString() string
}

// State represents the printer state passed to custom formatters.
type State interface {
	Write(b []byte) (n int, err error)
	Width() (wid int, ok bool)
	Precision() (prec int, ok bool)
	Flag(c int) bool
}

// FormatString returns the directive, such as "%-08.3x", that [state] and [verb] stand for
// (flags in the order " +-#0"), so that a Format method can hand a value back to fmt.
func FormatString(state State, verb rune) string {
	b := []byte{'%'}
	for _, c := range " +-#0" {
		if state.Flag(int(c)) {
			b = append(b, byte(c))
		}
	}
	if w, ok := state.Width(); ok {
		b = appendDecimal(b, w)
	}
	if p, ok := state.Precision(); ok {
		b = appendDecimal(append(b, '.'), p)
	}
	return string(b) + string(verb)
}

// appendDecimal appends n in decimal (fmt does not import strconv: hello would check it).
func appendDecimal(b []byte, n int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var d [20]byte
	i := len(d)
	for {
		i--
		d[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return append(b, d[i:]...)
}

// Formatter is implemented by any value that has a Format method. The implementation
// controls how State and rune are interpreted.
type Formatter interface {
	Format(f State, verb rune)
}

// state is the State a Format method receives: the verb's flags, and a buffer for what
// the method writes, which the native printer then appends to its output.
type state struct {
	buf    []byte
	wid    int
	prec   int
	widOK  bool
	precOK bool
	flags  string
}

func (s *state) Write(b []byte) (n int, err error) {
	s.buf = append(s.buf, b...)
	return len(b), nil
}

func (s *state) WriteString(str string) (n int, err error) {
	s.buf = append(s.buf, str...)
	return len(str), nil
}

func (s *state) Width() (wid int, ok bool) {
	return s.wid, s.widOK
}

func (s *state) Precision() (prec int, ok bool) {
	return s.prec, s.precOK
}

func (s *state) Flag(c int) bool {
	for i := 0; i < len(s.flags); i++ {
		if int(s.flags[i]) == c {
			return true
		}
	}
	return false
}

// callFormat is how the native printer calls a Format method.
func callFormat(f Formatter, wid, prec int, widOK, precOK bool, flags string, verb rune) string {
	s := &state{wid: wid, prec: prec, widOK: widOK, precOK: precOK, flags: flags}
	f.Format(s, verb)
	return string(s.buf)
}

func registerFormat(f func(Formatter, int, int, bool, bool, string, rune) string)

func init() {
	registerFormat(callFormat)
}

// Print formats its operands with %v and writes to standard output, adding spaces
// between operands when neither is a string.
func Print(a ...any) (n int, err error) {
	return stdoutResult(printOut(printPlain, "", a))
}

// Println formats its operands with %v, always separated by spaces, followed by a newline.
func Println(a ...any) (n int, err error) {
	return stdoutResult(printOut(printLine, "", a))
}

// Printf formats according to a format specifier and writes to standard output.
func Printf(format string, a ...any) (n int, err error) {
	return stdoutResult(printOut(printFormat, format, a))
}

// The ways printOut formats its operands: as Print, Println or Printf.
const (
	printPlain = iota
	printLine
	printFormat
)

// printOut formats a as [mode] says and writes the text to standard output in one write:
// the byte count, and 0 or the errno of the write that failed.
func printOut(mode int, format string, a []any) (n int, errno int)

// stdoutResult is Print's results: a failed write's error is the *PathError
// os.Stdout.Write returns when the program links package os (which registers how to make
// it), else an error with the same text.
func stdoutResult(n, errno int) (int, error) {
	if errno == 0 {
		return n, nil
	}
	if makeErr := osStdoutError(); makeErr != nil {
		return n, makeErr(errno)
	}
	return n, errors.New("write /dev/stdout: " + errnoText(errno))
}

func osStdoutError() func(errno int) error
func errnoText(errno int) string

func Sprint(a ...any) string
func Sprintln(a ...any) string
func Sprintf(format string, a ...any) string

func Fprint(w io.Writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprint(a...)))
}

func Fprintln(w io.Writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintln(a...)))
}

func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintf(format, a...)))
}

func Append(b []byte, a ...any) []byte {
	return append(b, Sprint(a...)...)
}

func Appendln(b []byte, a ...any) []byte {
	return append(b, Sprintln(a...)...)
}

func Appendf(b []byte, format string, a ...any) []byte {
	return append(b, Sprintf(format, a...)...)
}

// errorf formats like Sprintf with %w allowed and returns the argument indexes of the
// %w verbs (sorted and deduplicated when the format reordered its arguments).
func errorf(format string, a []any) (string, []int)

// Errorf formats according to a format specifier and returns the string as an error.
// With one %w verb the error has an Unwrap() error method returning that operand; with
// several, an Unwrap() []error method returning all of them (Go 1.20).
func Errorf(format string, a ...any) error {
	s, wrapped := errorf(format, a)
	switch len(wrapped) {
	case 0:
		return errors.New(s)
	case 1:
		w := &wrapError{msg: s}
		w.err, _ = a[wrapped[0]].(error)
		return w
	}
	var errs []error
	for _, i := range wrapped {
		if e, ok := a[i].(error); ok {
			errs = append(errs, e)
		}
	}
	return &wrapErrors{s, errs}
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string {
	return e.msg
}

func (e *wrapError) Unwrap() error {
	return e.err
}

type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string {
	return e.msg
}

func (e *wrapErrors) Unwrap() []error {
	return e.errs
}

// ScanState represents the scanner state passed to custom scanners. (gol does not call
// Scan methods yet.)
type ScanState interface {
	ReadRune() (r rune, size int, err error)
	UnreadRune() error
	SkipSpace()
	Token(skipSpace bool, f func(rune) bool) (token []byte, err error)
	Width() (wid int, ok bool)
	Read(buf []byte) (n int, err error)
}

// Scanner is implemented by any value that has a Scan method.
type Scanner interface {
	Scan(state ScanState, verb rune) error
}

// Scanning modes of the native scanner (runtime/scan.h).
const (
	scanSpace = iota
	scanLine
	scanFormat
)

// scan reads from str (when isStr), else from r (nil: standard input), storing operands;
// code says which error: 1 io.EOF, 2 io.ErrUnexpectedEOF, 3 errors.New(msg), 4 rerr.
func scan(r io.Reader, str string, isStr bool, mode int, format string, a []any, eof error) (n int, code int, msg string, rerr error)

func scanResult(n, code int, msg string, rerr error) (int, error) {
	switch code {
	case 0:
		return n, nil
	case 1:
		return n, io.EOF
	case 2:
		return n, io.ErrUnexpectedEOF
	case 3:
		return n, errors.New(msg)
	}
	return n, rerr
}

// Scan scans text read from standard input, storing successive space-separated values
// into successive arguments. Newlines count as space.
func Scan(a ...any) (n int, err error) {
	n, code, msg, rerr := scan(nil, "", false, scanSpace, "", a, io.EOF)
	return scanResult(n, code, msg, rerr)
}

// Scanln is like Scan, but stops scanning at a newline, which must follow the last item.
func Scanln(a ...any) (n int, err error) {
	n, code, msg, rerr := scan(nil, "", false, scanLine, "", a, io.EOF)
	return scanResult(n, code, msg, rerr)
}

// Scanf scans text read from standard input as the format directs.
func Scanf(format string, a ...any) (n int, err error) {
	n, code, msg, rerr := scan(nil, "", false, scanFormat, format, a, io.EOF)
	return scanResult(n, code, msg, rerr)
}

func Sscan(str string, a ...any) (n int, err error) {
	n, code, msg, rerr := scan(nil, str, true, scanSpace, "", a, io.EOF)
	return scanResult(n, code, msg, rerr)
}

func Sscanln(str string, a ...any) (n int, err error) {
	n, code, msg, rerr := scan(nil, str, true, scanLine, "", a, io.EOF)
	return scanResult(n, code, msg, rerr)
}

func Sscanf(str string, format string, a ...any) (n int, err error) {
	n, code, msg, rerr := scan(nil, str, true, scanFormat, format, a, io.EOF)
	return scanResult(n, code, msg, rerr)
}

func Fscan(r io.Reader, a ...any) (n int, err error) {
	n, code, msg, rerr := scan(r, "", false, scanSpace, "", a, io.EOF)
	return scanResult(n, code, msg, rerr)
}

func Fscanln(r io.Reader, a ...any) (n int, err error) {
	n, code, msg, rerr := scan(r, "", false, scanLine, "", a, io.EOF)
	return scanResult(n, code, msg, rerr)
}

func Fscanf(r io.Reader, format string, a ...any) (n int, err error) {
	n, code, msg, rerr := scan(r, "", false, scanFormat, format, a, io.EOF)
	return scanResult(n, code, msg, rerr)
}
