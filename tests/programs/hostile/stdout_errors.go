// fmt's Print family and os.Stdout return the error of a failed write to standard output
// at the call that failed, as Go's unbuffered os.Stdout does: run with stdout on /dev/full
// (stdout_errors.err, Go 1.23's output), and with stdout closed, which Go since 1.22 reopens
// on /dev/null before main (stdout_closed.err).
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

func main() {
	n, err := fmt.Println("hello")
	fmt.Fprintln(os.Stderr, n, err)
	var pe *fs.PathError
	fmt.Fprintln(os.Stderr, errors.As(err, &pe), errors.Is(err, syscall.ENOSPC))
	n, err = fmt.Printf("%d\n", 42)
	fmt.Fprintln(os.Stderr, n, err)
	n, err = os.Stdout.WriteString("x\n")
	fmt.Fprintln(os.Stderr, n, err)
	n, err = fmt.Fprintf(os.Stdout, "%s\n", "y")
	fmt.Fprintln(os.Stderr, n, err)
	n, err = os.Stderr.Write(nil)
	fmt.Fprintln(os.Stderr, n, err)
}
