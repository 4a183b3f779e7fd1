// Package failing has a bug.
package failing

// Double should double x, but not for 3.
func Double(x int) int {
	if x == 3 {
		return 7
	}
	return 2 * x
}
