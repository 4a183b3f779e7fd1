// Package panicky panics.
package panicky

// Index returns s[i].
func Index(s []int, i int) int { return s[i] }
