// gol vet's printf checks of String and Error methods that print their own receiver (an
// endless recursion), and of func values printed without being called; against go vet 1.23.
package main

import (
	"errors"
	"fmt"
)

type celsius float64

func (c celsius) String() string { return fmt.Sprintf("%v°C", c) }

type point struct{ x, y int }

func (p *point) String() string { return fmt.Sprint("point ", p) }

type fine struct{ n int }

func (f fine) String() string { return fmt.Sprintf("fine(%d) %#v %T", f.n, f, f) }

type myErr struct{ msg string }

func (e myErr) Error() string { return fmt.Sprintf("myErr: %s", e) }

type wrapper struct{ inner error }

func (w wrapper) Error() string {
	show := func() string { return fmt.Sprintln("wrapped", w) }
	return show() + fmt.Sprintf("%v", w.inner)
}

func main() {
	f := func() int { return 1 }
	g := fmt.Println
	fmt.Println(f, g)
	fmt.Printf("%d %v %p %T\n", f, g, f, g)
	fmt.Println(celsius(20), &point{1, 2}, fine{3}, myErr{"m"}, wrapper{errors.New("x")})
}
