// gol vet's copylocks checks, against go vet (Go 1.23) on the same program: every sync and
// sync/atomic type that must not be copied, and each way a program copies one.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type counter struct {
	mu sync.Mutex
	n  map[string]int
}

type safe struct {
	sync.RWMutex
	v int
}

type stats struct {
	hits atomic.Int64
	c    counter
}

type pool struct {
	wg   sync.WaitGroup
	once sync.Once
	m    sync.Map
	p    sync.Pool
	cond *sync.Cond
	ptr  atomic.Pointer[counter]
	b    atomic.Bool
	u    atomic.Uint32
	arr  [2]sync.Mutex
	val  atomic.Value
}

// Value receivers and parameters.
func (c counter) Get(k string) int { return c.n[k] }
func (c *counter) Inc(k string)    { c.mu.Lock(); c.n[k]++; c.mu.Unlock() }
func (s safe) Read() int          { return s.v }

func worker(id int, wg sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("worker", id)
}

func good(id int, wg *sync.WaitGroup) { defer wg.Done() }

func takeAll(p pool, s stats, m sync.Mutex, c sync.Cond, o sync.Once) {}

func newCounter() counter { return counter{n: map[string]int{}} }

func byValue(c *counter) counter { return *c }

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go worker(i, wg)
	}
	wg.Wait()
	var wg2 sync.WaitGroup
	wg2.Add(1)
	go good(1, &wg2)
	wg2.Wait()

	c := newCounter()
	c.Inc("a")
	c2 := c
	var c3 = c
	c3 = c2
	list := []counter{c, newCounter()}
	for _, x := range list {
		fmt.Println(x.Get("a"))
	}
	for i := range list {
		fmt.Println(list[i].Get("a"))
	}
	byKey := map[string]*counter{"a": &c}
	for k, v := range byKey {
		fmt.Println(k, v.Get("a"))
	}
	s := safe{v: 1}
	fmt.Println(s.Read())
	var p pool
	var st stats
	takeAll(p, st, sync.Mutex{}, sync.Cond{}, sync.Once{})
	pp := &p
	q := *pp
	_ = q
	fn := func(m sync.Mutex) {}
	fn(p.arr[0])
	arr := p.arr
	_ = arr
	_ = len(arr)
	nc := new(counter)
	_ = *nc
	_ = *new(sync.Mutex)
	_ = byValue(&c)
	_ = fmt.Sprint(&c, c2, c3)
	t := struct{ c counter }{c}
	_ = t
	var v atomic.Value
	v2 := v
	_ = v2
	time.Sleep(time.Millisecond)
}
