// Allocates until the address space limit (ulimit -v) stops it.
package main

func main() {
	var keep [][]byte
	for i := 0; ; i++ {
		keep = append(keep, make([]byte, 1<<20))
		keep[i][0] = 1
	}
}
