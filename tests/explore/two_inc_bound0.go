// With -bound 0 (no preemptions) goroutines switch only where one blocks or ends: the
// lost update needs a preemption, so only 2 is found.
// explore-flags: -bound 0
package main

import (
	"fmt"
	"sync"
)

var x int

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			x++
		}()
	}
	wg.Wait()
	fmt.Println(x)
}
