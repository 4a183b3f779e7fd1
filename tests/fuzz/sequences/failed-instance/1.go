// A program that fails to compile leaves slices.Collect[invalid type] checked with errors:
// it must not stay in the shared slices package for the next program to compile.
package main

import (
	"fmt"
	"slices"
)

func main() {
	rev := func(yield func(undefinedType) bool) {}
	fmt.Println(slices.Collect(rev))
}
