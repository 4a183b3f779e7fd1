// Package notests has no tests.
package notests

import "example.com/mod/internal/util"

// Twice uses util.
func Twice(s string) string { return util.Cat(s, s) }
