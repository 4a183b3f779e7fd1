// generic_sum: a generic Sum[T] over ints and floats, called in a loop (generics benchmark;
// twin: plain_sum.go, the same work written without type parameters). gol instantiates
// Sum per type argument at compile time, so both should run at the same speed.
package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var total T
	for _, x := range xs {
		total += x
	}
	return total
}

func Max[T Number](a, b T) T {
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
		si = Max(si, Sum(ints)+r)
		sf = Max(sf, Sum(floats)+float64(r))
	}
	fmt.Println(si, sf)
}
