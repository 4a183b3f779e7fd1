// Writes to /dev/full and other failing paths; the *PathError texts on stderr are Go
// 1.19's (devfull.err). Run with stdout on /dev/full too: fmt.Println's lost output is
// no error at exit, and os.Exit's status stands.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

func main() {
	fmt.Println("to stdout")
	err := os.WriteFile("/dev/full", []byte("x"), 0o644)
	fmt.Fprintln(os.Stderr, err)
	var pe *fs.PathError
	fmt.Fprintln(os.Stderr, errors.As(err, &pe), pe.Op, pe.Path, pe.Err)
	f, _ := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	_, err = f.WriteString("y")
	fmt.Fprintln(os.Stderr, err)
	_, err = os.Open("/nonexistent/file")
	fmt.Fprintln(os.Stderr, err, errors.Is(err, fs.ErrNotExist))
	err = os.Mkdir("/proc/x", 0o755)
	fmt.Fprintln(os.Stderr, err)
	_, err = os.ReadFile("/")
	fmt.Fprintln(os.Stderr, err)
	err = os.Remove("/nonexistent")
	fmt.Fprintln(os.Stderr, err)
	os.Exit(3)
}
