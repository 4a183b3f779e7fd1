// collections: slice append, map insert and lookup, and method calls through an interface
// (language-issue benchmark; twins: collections.lua, collections.py).
package main

import "fmt"

type Shape interface {
	Area() int
}

type Rect struct{ W, H int }

func (r Rect) Area() int { return r.W * r.H }

type Square struct{ S int }

func (s *Square) Area() int { return s.S * s.S }

func main() {
	const n = 1000000
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i*3)
	}
	m := make(map[int]int)
	for i := 0; i < n; i++ {
		m[i*7] = i
	}
	hits := 0
	for i := 0; i < 2*n; i++ {
		if _, ok := m[i]; ok {
			hits++
		}
	}
	shapes := []Shape{Rect{2, 3}, &Square{4}, Rect{5, 1}}
	total := 0
	for i := 0; i < 3*n; i++ {
		total += shapes[i%3].Area()
	}
	fmt.Println(len(s), s[n-1], len(m), hits, total)
}
