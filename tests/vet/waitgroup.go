// gol vet's waitgroup check (Go 1.25's analyzer: go 1.23 has none; the expected lines follow
// its source): wg.Add as the first statement of the goroutine it counts races with Wait.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	pwg := &wg
	for i := 0; i < 3; i++ {
		go func() {
			wg.Add(1)
			defer wg.Done()
			fmt.Println("racing")
		}()
		go func(id int) {
			pwg.Add(1)
			defer pwg.Done()
			wg.Add(1) // not first: not reported
			wg.Done()
		}(i)
	}
	wg.Add(1) // ok: before the go statement
	go func() {
		defer wg.Done()
		fmt.Println("fine")
	}()
	go func() {
		fmt.Println("first")
		wg.Add(1)
		wg.Done()
	}()
	wg.Wait()
}
