// Package loops shows Go's loop variables before Go 1.22: one variable per loop.
package loops

func Closures() []func() int {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, v := range []int{10, 20, 30} {
		fs = append(fs, func() int { return v })
	}
	for k := range map[string]int{"only": 1} {
		fs = append(fs, func() int { return len(k) })
	}
	return fs
}
