// A goroutine that calls os.Exit races with main's return: either may end the program.
package main

import (
	"fmt"
	"os"
)

func main() {
	go func() {
		os.Exit(3)
	}()
	fmt.Println("main")
}
