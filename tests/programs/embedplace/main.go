// Misplaced //go:embed directives and the vars they cannot apply to: Go's noder errors.
package main

import (
	"embed"
	"fmt"
)

//go:embed a.txt
var s, t string

//go:embed a.txt
var u string = "x"

//go:embed a.txt
type T int

//go:embed a.txt

var later string

var f embed.FS

func main() {
	//go:embed a.txt
	var inner string
	fmt.Println(s, t, u, f, inner, later)
}
