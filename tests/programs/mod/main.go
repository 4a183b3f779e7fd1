package main

import (
	"fmt"

	"example.com/app/zeta"
	"example.com/app/greet"
	"example.com/app/greet/loud"
	"example.com/app/alpha"
)

var order = trace("main var")

func trace(s string) string { fmt.Println("init:", s); return s }

func init() { fmt.Println("init: main init") }

func main() {
	fmt.Println(greet.Hello("bob"), loud.Shout("hey"), greet.Count, zeta.Name, alpha.Name)
	var fs []func()
	for i := 0; i < 3; i++ {
		fs = append(fs, func() { fmt.Print(i, " ") })
	}
	for _, f := range fs {
		f()
	}
	fmt.Println()
}
