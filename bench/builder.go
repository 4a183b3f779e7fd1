// builder: strings.Builder appends and strings functions (stdlib-issue benchmark; twins:
// builder.py, builder.lua).
package main

import (
	"fmt"
	"strings"
)

func main() {
	var b strings.Builder
	for i := 0; i < 2000000; i++ {
		b.WriteString("go")
		b.WriteByte(' ')
		if i%10 == 0 {
			b.WriteString("routine\n")
		}
	}
	s := b.String()
	lines := strings.Split(s, "\n")
	words := strings.Fields(s)
	fmt.Println(len(s), len(lines), len(words), strings.Count(s, "go"), strings.ToUpper(s[:12]))
}
