// Package gobyexample holds the function of Go by Example's "Testing and Benchmarking".
package gobyexample

// IntMin returns the smaller of a and b.
func IntMin(a, b int) int {
	if a < b {
		return a
	}
	return b
}
