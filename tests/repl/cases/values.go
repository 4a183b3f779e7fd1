package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

func main() {
	fmt.Printf("%v\n", 1<<10)
	fmt.Printf("%q\n", "hello, 世界")
	fmt.Printf("%v\n", 'a')
	fmt.Printf("%v\n", 3.5/2)
	fmt.Printf("%v\n", 7/2)
	fmt.Printf("%v\n", true && !false)
	fmt.Printf("%v\n", []string{"a", "b c"})
	fmt.Printf("%v\n", map[string]int{"b": 2, "a": 1})
	fmt.Printf("%v\n", struct{ X, Y int }{1, 2})
	fmt.Printf("%v\n", [3]bool{true})
	a, b := strconv.Atoi("42")
	fmt.Printf("%v %v\n", a, b)
	a, b = strconv.Atoi("4x2")
	fmt.Printf("%v %v\n", a, b)
	s1, s2, ok := strings.Cut("key=value", "=")
	fmt.Printf("%q %q %v\n", s1, s2, ok)
	x := 6
	y := 7
	fmt.Printf("%v\n", x*y)
	x, y = y, x
	fmt.Printf("%v\n", x-y)
	fmt.Println("printed", x)
	fmt.Printf("%05.1f|%-4s|%x\n", 3.14159, "go", 255)
	n, err := fmt.Println("counted")
	fmt.Printf("%v\n", n)
	fmt.Printf("%v\n", err)
	var e error
	fmt.Printf("%v\n", e)
	fmt.Printf("%v\n", nil)
	fmt.Printf("%v\n", time.Duration(1500)*time.Millisecond)
}
