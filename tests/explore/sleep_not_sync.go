// time.Sleep is not synchronisation, but under virtual time the goroutine always runs
// while main sleeps: explore shows the usual outcome only (gol -race reports the race).
package main

import (
	"fmt"
	"time"
)

var x int

func main() {
	go func() { x = 1 }()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(x)
}
