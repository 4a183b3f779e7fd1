package main

import (
	"fmt"

	"example.com/modgen/stack"
)

func main() {
	var s stack.Stack[string]
	s.Push("a")
	s.Push("b")
	v, ok := s.Pop()
	fmt.Println(v, ok, stack.Map([]int{1, 2}, func(i int) string { return fmt.Sprint(i * i) }))
	fmt.Printf("%T\n", s)
}
