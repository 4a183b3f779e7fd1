// The type of a //go:embed var must be a string, a byte slice or embed.FS, and a string
// or []byte holds exactly one file.
package main

import (
	"embed"
	"fmt"
)

//go:embed a.txt
var n int

//go:embed a.txt b.txt
var s string

//go:embed *.txt
var b []byte

type S string

//go:embed a.txt
var ns S

//go:embed a.txt
var p *embed.FS

func main() {
	fmt.Println(n, ns, s, b, p)
}
