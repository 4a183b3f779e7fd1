// Package bench is benchmarked.
package bench

// Sum adds up s.
func Sum(s []int) int {
	t := 0
	for _, x := range s {
		t += x
	}
	return t
}
