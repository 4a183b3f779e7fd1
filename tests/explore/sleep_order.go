// Virtual time: the goroutine sleeping less always prints first; two sleeping equally
// long wake at the same instant and may print in either order.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	say := func(s string, d time.Duration) {
		defer wg.Done()
		time.Sleep(d)
		fmt.Println(s)
	}
	wg.Add(3)
	go say("late", 20*time.Millisecond)
	go say("a", 10*time.Millisecond)
	go say("b", 10*time.Millisecond)
	wg.Wait()
}
