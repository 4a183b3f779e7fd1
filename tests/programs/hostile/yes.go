// Prints lines until stdout is closed: like a Go binary, it dies by SIGPIPE (status 141).
package main

import "fmt"

func main() {
	for i := 0; ; i++ {
		fmt.Println("line", i)
	}
}
