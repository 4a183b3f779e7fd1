// Blocks 300 goroutines in pipe reads, each holding a thread in its system call (gol has no
// poller for pipes): under an address space limit the threads run out, and gol ends as Go's
// newosproc does (status 2), not with an abort.
package main

import (
	"fmt"
	"os"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var ws []*os.File
	for i := 0; i < 300; i++ {
		r, w, err := os.Pipe()
		if err != nil {
			fmt.Println(err)
			return
		}
		ws = append(ws, w)
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.Read(make([]byte, 1))
		}()
	}
	for _, w := range ws {
		w.Write([]byte("x"))
	}
	wg.Wait()
	fmt.Println("done")
}
