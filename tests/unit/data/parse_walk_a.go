package main

type T struct {
	a, b int
	c    string `json:"c"`
	*E
	p.Q
	f func(int, string) (bool, error)
}

type I interface {
	M(x int) string
	N()
	fmt.Stringer
}

type (
	A = int
	M map[string][]*T
	C chan<- <-chan int
	D <-chan chan int
	Arr [5]int
	Fn func(a, b int, c ...string) int
)

const (
	x0 = iota
	x1
	x2 float64 = 1 << iota
)

var v1, v2 = 1, "s"
var v3 []int

func (t *T) Method(a int, b ...string) (r int, err error) {
	return a + len(b), nil
}

func f(x, y int) int {
	n := x*y + 3 - -x
	s := []int{1, 2, 3}
	m := map[string]int{"a": 1, "b": 2}
	arr := [...]string{0: "x", 5: "y"}
	p := &T{a: 1, b: 2}
	q := []*T{{a: 1}, &T{b: 2}}
	fn := func(z int) int { return z * 2 }
	var i interface{} = n
	if v, ok := i.(int); ok && v > 0 || !ok {
		n += v
	}
	switch t := i.(type) {
	case int, string:
		_ = t
	default:
	}
	for k, v := range m {
		_, _ = k, v
	}
	ch := make(chan int, 1)
	select {
	case v := <-ch:
		_ = v
	case ch <- 1:
	default:
	}
	_ = s[1:2] 
	_ = s[:2:3]
	_ = s[1:]
	_ = (*T).Method
	_ = T{}.a
	_ = struct{ x int }{1}
	_ = []struct{ x, y int }{{1, 2}}
	_ = fn(n)
	_ = p.f
	_ = append(s, s...)
	_ = arr[0][1:]
	_ = <-ch
	_ = ^x &^ y << 2 >> 1 % 3
	_ = x == y && x != y || x < y && x <= y && x > y && x >= y
	_ = 'a' + 1.5e3 + 0x1F + 2i
	_ = `raw` + "str"
	_ = q
	_ = map[[2]int]string{{1, 2}: "a"}
	_ = [][]int{[]int{1}, {2}}
	_ = (<-chan int)(nil)
	_ = func() {}
	_ = interface{ M() }(nil)
	_ = chan<- int(nil)
L:
	for i := 0; i < 10; i++ {
		if i == 5 {
			continue L
		}
		break L
	}
	goto L2
L2:
	return n
}
