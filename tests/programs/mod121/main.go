package main

import (
	"fmt"

	"example.org/old/loops"
)

func main() {
	for _, f := range loops.Closures() {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var ps []*int
	for i := 0; i < 3; i++ {
		ps = append(ps, &i)
	}
	fmt.Println(*ps[0], *ps[1], *ps[2])
}
