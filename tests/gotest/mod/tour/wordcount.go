// Package tour solves the Tour of Go's map exercise.
package tour

import "strings"

// WordCount counts the words of s.
func WordCount(s string) map[string]int {
	m := make(map[string]int)
	for _, w := range strings.Fields(s) {
		m[w]++
	}
	return m
}

// Sqrt is the Tour's Newton's method exercise.
func Sqrt(x float64) float64 {
	z := 1.0
	for i := 0; i < 10; i++ {
		z -= (z*z - x) / (2 * z)
	}
	return z
}
