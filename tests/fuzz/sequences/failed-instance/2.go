// After 1.go, in the same process: compiles (cannot compile expression kind 20 before).
package main

import (
	"fmt"
	"slices"
)

func main() {
	fmt.Println(slices.Index([]int{1, 2}, 2))
}
