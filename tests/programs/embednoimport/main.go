// //go:embed needs the file to import "embed".
package main

import "fmt"

//go:embed main.go
var s string

func main() { fmt.Println(len(s)) }
