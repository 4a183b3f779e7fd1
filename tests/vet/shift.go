// gol vet's shift check, against go vet (Go 1.23): constant shift counts as wide as the
// operand, except in branches a constant condition rules out.
package main

import "fmt"

const debug = false

func main() {
	var i8 int8 = 1
	var u16 uint16 = 1
	var i32 int32 = 1
	var u uint = 1
	var p uintptr = 1
	x := 1
	fmt.Println(i8<<8, i8<<7, u16>>16, i32<<31, i32<<32, u<<64, p>>70, x<<63, x<<64)
	x <<= 64
	u >>= 63
	const big = 1 << 100
	fmt.Println(big>>90, x, u)
	if debug {
		fmt.Println(x << 64)
	} else {
		fmt.Println(i8 >> 9)
	}
	if !debug {
		fmt.Println(i8 << 1)
	} else {
		fmt.Println(i8 << 10)
	}
	n := 70
	fmt.Println(x<<n, u<<(n-10))
}
