// Package util is internal.
package util

// Cat concatenates.
func Cat(a, b string) string { return a + b }
