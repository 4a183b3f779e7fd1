// Package strs has string helpers.
package strs

import "strings"

// Reverse reverses s by runes.
func Reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// Shout upper-cases s and adds "!".
func Shout(s string) string { return strings.ToUpper(s) + "!" }
