package main

import (
	"fmt"

	"example.com/intl/a"
	"example.com/intl/b"
)

func main() { fmt.Println(a.A, b.B) }
