// gol vet's small analyzers, against go vet (Go 1.23): assign, bools, nilfunc,
// unusedresult, unreachable and appends.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"
)

type temp float64

func (t temp) String() string { return fmt.Sprint(float64(t)) }

type point struct{ x, y int }

func work(ctx context.Context) error { return nil }

func sign(x int) int {
	if x < 0 {
		return -1
	} else {
		return 1
	}
	return 0
}

func loop(ch chan int) {
	for {
		select {
		case v := <-ch:
			fmt.Println(v)
			continue
			fmt.Println("after continue")
		}
	}
	fmt.Println("never")
}

func fail() {
	panic("boom")
	fmt.Println("after panic")
}

func main() {
	x, y := 1, 2
	p := point{1, 2}
	s := []int{1, 2}
	m := map[string]int{"a": 1}

	// assign
	x = x
	p.x = p.x
	x, y = y, y
	s[0] = s[0]
	m["a"] = m["a"]

	// bools
	if x == 1 || x == 1 {
	}
	if x != 1 || x != 2 {
	}
	if x == 1 && x == 2 {
	}
	if x > 0 && y > 0 && x > 0 {
	}
	if x != 1 && x != 2 || y == 3 {
	}
	ch := make(chan int, 1)
	if <-ch == 1 || <-ch == 1 {
	}

	// nilfunc
	if work == nil {
		fmt.Println("nil")
	}
	if sign != nil && fail != nil {
	}
	if strings.ToUpper == nil {
	}
	var f func()
	if f == nil {
	}

	// unusedresult
	fmt.Sprintf("%d", x)
	fmt.Sprint(x)
	errors.New("lost")
	fmt.Errorf("lost %d", x)
	context.WithCancel(context.Background())
	context.WithTimeout(context.Background(), time.Second)
	sort.Reverse(sort.IntSlice(s))
	temp(3).String()
	errors.New("x").Error()
	strings.ToUpper("not in the list")
	fmt.Println(x, y, p, s, m, ch)

	// appends
	s = append(s)
	s = append(s, 3)

	// unreachable
	defer fmt.Println("deferred")
	if len(os.Args) > 5 {
		os.Exit(1)
		fmt.Println("after exit")
	}
	switch x {
	case 1:
		return
		fmt.Println("after return")
	}
	goto end
	fmt.Println("skipped")
end:
	fmt.Println("end")
	return
	;
	fmt.Println("unreachable")
	fmt.Println("second")
}

func pair() ([]int, int) { return nil, 1 }

func spread() []int { return append(pair()) }
