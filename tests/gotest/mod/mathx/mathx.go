// Package mathx is a small package under test.
package mathx

import "errors"

// Add returns a+b.
func Add(a, b int) int { return a + b }

// Div divides, refusing zero.
func Div(a, b int) (int, error) {
	if b == 0 {
		return 0, errors.New("division by zero")
	}
	return a / b, nil
}

// Fib returns the nth Fibonacci number.
func Fib(n int) int {
	if n < 2 {
		return n
	}
	return Fib(n-1) + Fib(n-2)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
