// Generic code: gol vet does not guess about values whose type is a type parameter, and
// names instances as go vet does (Box[string]).
package main

import (
	"fmt"
	"strconv"
	"sync"
)

type Parser[T any] interface {
	*T
	Parse(string) error
}

type num struct{ v int }

func (n *num) Parse(s string) (err error) {
	n.v, err = strconv.Atoi(s)
	return err
}

func ParseAll[T any, PT Parser[T]](inputs []string) ([]T, error) {
	out := make([]T, len(inputs))
	for i, s := range inputs {
		if err := PT(&out[i]).Parse(s); err != nil {
			return nil, fmt.Errorf("item %d: %w", i, err)
		}
	}
	return out, nil
}

type Box[T any] struct {
	mu sync.Mutex
	v  T
}

func (b *Box[T]) Set(v T) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.v = v
	fmt.Printf("set %v\n", v)
}

func main() {
	xs, err := ParseAll[num]([]string{"1", "2"})
	fmt.Println(xs, err)
	_, err = ParseAll[num]([]string{"x"})
	fmt.Printf("%v\n", err)
	var b Box[string]
	b.Set("hi")
	c := b
	c.Set("copy")
}
