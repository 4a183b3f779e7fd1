// plain_sum: the non-generic twin of generic_sum.go (one Sum and Max per element type).
package main

import "fmt"

func SumInts(xs []int) int {
	var total int
	for _, x := range xs {
		total += x
	}
	return total
}

func SumFloats(xs []float64) float64 {
	var total float64
	for _, x := range xs {
		total += x
	}
	return total
}

func MaxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func MaxFloat(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}

func main() {
	ints := make([]int, 1000)
	floats := make([]float64, 1000)
	for i := range ints {
		ints[i] = i
		floats[i] = float64(i) / 2
	}
	var si int
	var sf float64
	for r := 0; r < 20000; r++ {
		si = MaxInt(si, SumInts(ints)+r)
		sf = MaxFloat(sf, SumFloats(floats)+float64(r))
	}
	fmt.Println(si, sf)
}
