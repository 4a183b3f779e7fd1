package main

import (
	"fmt"

	"example.com/vis/shape"
)

func main() {
	p := shape.New(1, 2)
	fmt.Println(p.Sum(), p.X)
	fmt.Println(p.y)
	fmt.Println(p.diff())
	q := shape.Point{X: 1, y: 2}
	var h shape.hidden
	fmt.Println(q, h)
}
