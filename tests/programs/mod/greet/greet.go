package greet

import "fmt"

var Count = count()

func count() int { fmt.Println("init: greet var"); return 2 }

func init() { fmt.Println("init: greet init 1") }

func Hello(n string) string { return prefix + n }
