// gol vet type-checks first: a program that does not compile gets the compiler's errors.
package main

import "fmt"

func main() {
	x := 1
	fmt.Println("%d")
}
