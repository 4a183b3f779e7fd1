// A //go:embed before a var group or at the end of the file is left over by Go's parser:
// reported alone, before type checking (so the undefined name is not).
package main

import "embed"

//go:embed a.txt
var (
	x embed.FS
)

func main() { println(x, undefinedName) }

//go:embed a.txt
