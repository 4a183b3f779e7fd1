// Either goroutine may panic first; the traces name different goroutines, but the outcome
// (stdout, exit status, first stderr line) is the same, so there is one.
package main

import "sync"

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			panic("boom")
		}()
	}
	wg.Wait()
}
