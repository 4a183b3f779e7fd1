package mathx_test

import (
	"fmt"

	"example.com/mod/mathx"
)

func ExampleAdd() {
	fmt.Println(mathx.Add(1, 2))
	// Output: 3
}

func ExampleFib() {
	for i := 0; i < 5; i++ {
		fmt.Print(mathx.Fib(i), " ")
	}
	fmt.Println()
	// Output:
	// 0 1 1 2 3
}

func ExampleDiv() {
	for _, d := range []int{1, 2, 3} {
		q, _ := mathx.Div(6, d)
		fmt.Println(q)
	}
	// Unordered output:
	// 2
	// 3
	// 6
}

func Example_noOutput() {
	fmt.Println("not compared")
}
