// A //go:embed pattern that matches no file is the go command's error: nothing is compiled.
package main

import _ "embed"

//go:embed nofile.txt
var s string

func main() { println(s, undefinedName) }
