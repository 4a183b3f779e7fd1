// Stdin is read once and replayed to every schedule: both goroutines print a line read
// by main, in either order.
// explore-stdin: hello
package main

import (
	"bufio"
	"fmt"
	"os"
	"sync"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Scan()
	line := sc.Text()
	var wg sync.WaitGroup
	for _, who := range []string{"a", "b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(who, line)
		}()
	}
	wg.Wait()
}
