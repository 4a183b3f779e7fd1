// gol vet's atomic check, against go vet (Go 1.23): the result of atomic.AddInt64(&x, d)
// stored back into x undoes the atomicity.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type hits struct{ n int64 }

func main() {
	var total int64
	var count uint32
	h := &hits{}
	p := &total
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			total = atomic.AddInt64(&total, 1)
			count = atomic.AddUint32(&count, 1)
			h.n = atomic.AddInt64(&h.n, 2)
			*p = atomic.AddInt64(p, 1)
			x, y := atomic.AddInt64(&total, 1), atomic.AddInt64(&h.n, 1)
			_, _ = x, y
			n := atomic.AddInt64(&total, 1)
			_ = n
			var other int64
			other = atomic.AddInt64(&total, 1)
			_ = other
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&total) > 0, count > 0, h.n > 0)
}
