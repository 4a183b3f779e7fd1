package main

type List[T any] struct {
	items []T
}

type Num interface {
	~int | ~float64
	String() string
}

type Pair[K comparable, V any] struct {
	k K
	v V
}

func Map[T, U any](xs []T, f func(T) U) []U {
	return nil
}

func g() {
	for _, v := range []int{1, 2, 3} {
		_ = v
	}
	for _, s := range []struct{ n int }{{1}, {2}} {
		_ = s
	}
	for k := range map[string]int{"a": 1} {
		_ = k
	}
	if f := func() bool { return true }; f() {
	}
	if x := (T{a: 1}); x.a > 0 {
	}
	switch y := interface{}(1).(type) {
	case nil:
		_ = y
	}
	switch {
	case 1 < 2:
		fallthrough
	default:
	}
	for i := range 10 {
		_ = i
	}
	for range ch {
	}
	var a [2][3]int
	_ = len(a[0])
	_ = Map[int, string]
	_ = F[int](1)
	x := 3
	x <<= 2
	x++
	ptr := &x
	*ptr = 4
	_ = [...]int{1, 2, 3}
	_ = -(-x)
	_ = !true
	_ = x &^ 1
	_ = 1.5 * float64(x)
	_ = 'x'
	_ = "a" + `b`
	go func(a int) {}(x)
	defer func() { recover() }()
	c := make(chan struct{})
	close(c)
	var e error
	_ = e.(interface{ Unwrap() error })
	type local struct{ a int }
	const k = 1
	_ = local{a: k}
	{
		inner := 1
		_ = inner
	}
}
