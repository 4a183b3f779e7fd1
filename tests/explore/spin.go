// A goroutine that never ends and never lets anyone else run to completion: main waits for
// a flag it never sets. Every schedule ends at the explorer's step cap.
package main

import "fmt"

func main() {
	fmt.Println("start")
	done := make(chan bool)
	go func() {
		for {
		}
	}()
	<-done
}
