package main

import (
	"fmt"

	"example.com/unexp/greet"
)

func main() {
	fmt.Println(greet.Hello("x"))
	fmt.Println(greet.hello("x"))
}
