// Package fuzzy is the Go fuzzing tutorial's Reverse, with its bug.
package fuzzy

// Reverse reverses s byte by byte (wrong for multi-byte runes).
func Reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < len(b)/2; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}
