package main

type T struct{ a int }
type I interface{ M() }

func main() {
	var x T
	if x == (T{1}) {
	}
	if x == (struct{ a int }{1}) {
	}
	for i := 0; i < 3; i = func() int { return i + 1 }() {
	}
	var y interface{}
	switch s := y.(type) {
	case interface{ M() }:
		_ = s
	case struct{}:
	case func(int) (int, error):
	case chan<- <-chan int:
	case map[string][]*T:
	}
	switch f := func() int { return 1 }; f() {
	case 1:
	}
	for _, v := range [][]int{{1}, {2}} {
		_ = v
	}
	for k := range map[T]struct{}{{1}: {}} {
		_ = k
	}
	if v, ok := y.(interface{ M() }); ok {
		_ = v
	}
	select {}
	for {
		break
	}
	goto end
end:
	func() {}()
	_ = [...]struct{ a, b int }{{1, 2}, 5: {3, 4}}
	var ch chan (<-chan int)
	_ = ch
	_ = x.a
	var fn func(...int) func() (a, b int)
	_ = fn
	type local[P any] struct{}
	_ = 'a'
	x.a++
	x.a <<= 1
	if true {
	} else if false {
	} else {
	}
	var z = struct {
		T
		*I `tag`
		x, y int
	}{}
	_ = z
}
