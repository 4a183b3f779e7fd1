// sprintf: fmt.Sprintf with mixed verbs in a loop (stdlib-issue benchmark; twins:
// sprintf.py, sprintf.lua).
package main

import "fmt"

func main() {
	total := 0
	for i := 0; i < 500000; i++ {
		s := fmt.Sprintf("item %d: %s=%.2f [%x] %v", i, "price", float64(i)*1.5, i, i%7 == 0)
		total += len(s)
	}
	fmt.Println(total)
}
