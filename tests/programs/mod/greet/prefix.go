package greet

import "fmt"

const prefix = "hello, "

func init() { fmt.Println("init: greet init 2 (prefix.go)") }
