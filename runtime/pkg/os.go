// Package os is the small part of Go's os package gol supports: the standard files (with
// Write, WriteString and Read), the command-line arguments, the environment and Exit.
// Writes to Stdout and Stderr go through gol's buffered output (runtime/out.h), so they
// interleave correctly with fmt.Print output.
package os

import (
	"errors"
	"io"
)

// File is an open file descriptor. gol only has the three standard files.
type File struct {
	fd   int
	name string
}

var (
	Stdin  = NewFile(0, "/dev/stdin")
	Stdout = NewFile(1, "/dev/stdout")
	Stderr = NewFile(2, "/dev/stderr")
)

// Args holds the command-line arguments, starting with the program name.
var Args []string = runtimeArgs()

// ErrInvalid indicates an invalid argument (such as a nil *File).
var ErrInvalid = errors.New("invalid argument")

func runtimeArgs() []string

// writeFd, writeString and readFd return the byte count, or -1 on an error.
func writeFd(fd int, b []byte) int
func writeString(fd int, s string) int
func readFd(fd int, b []byte) int

// NewFile returns a new File with the given file descriptor and name.
func NewFile(fd uintptr, name string) *File {
	return &File{int(fd), name}
}

// Name returns the name of the file.
func (f *File) Name() string {
	return f.name
}

// Fd returns the file descriptor.
func (f *File) Fd() uintptr {
	return uintptr(f.fd)
}

// Write writes len(b) bytes to the file.
func (f *File) Write(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	n = writeFd(f.fd, b)
	if n < 0 {
		return 0, errors.New("write " + f.name + ": bad file descriptor")
	}
	return n, nil
}

// WriteString is like Write, but writes the contents of string s.
func (f *File) WriteString(s string) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	n = writeString(f.fd, s)
	if n < 0 {
		return 0, errors.New("write " + f.name + ": bad file descriptor")
	}
	return n, nil
}

// Read reads up to len(b) bytes; at end of file it returns 0, io.EOF.
func (f *File) Read(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	if len(b) == 0 {
		return 0, nil
	}
	n = readFd(f.fd, b)
	if n < 0 {
		return 0, errors.New("read " + f.name + ": bad file descriptor")
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// Close is a no-op for the standard files.
func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	return nil
}

// Exit causes the program to exit with the given status code at once: deferred
// functions are not run; buffered output is flushed.
func Exit(code int)

// Getenv returns the value of the environment variable named by key ("" if unset).
func Getenv(key string) string

// LookupEnv returns the value of the environment variable and whether it is set.
func LookupEnv(key string) (string, bool)

// Getpid returns the process id of the caller.
func Getpid() int
