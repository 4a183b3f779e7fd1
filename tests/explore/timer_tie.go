// Two timers due at the same instant: either may fire first, so the select may see
// either channel ready first.
package main

import (
	"fmt"
	"time"
)

func main() {
	a := time.After(10 * time.Millisecond)
	b := time.After(10 * time.Millisecond)
	for i := 0; i < 2; i++ {
		select {
		case <-a:
			fmt.Println("a")
		case <-b:
			fmt.Println("b")
		}
	}
}
