// Package iter provides basic definitions and operations related to iterators over
// sequences (Go 1.23). Pull and Pull2 follow Go's iter.go step for step; Go runs the
// iterator on a coroutine, gol on a goroutine that hands control back and forth with its
// caller over two unbuffered channels (one of the two always waits), which is the same
// sequence of events: the iterator starts on the first next, runs only while next or stop
// waits for it, and its panics (and runtime.Goexit) reach the caller of next or stop.
package iter

import "runtime"

// Seq is an iterator over sequences of individual values. When called as seq(yield), seq
// calls yield(v) for each value v in the sequence, stopping early if yield returns false.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values, most commonly key-value pairs.
type Seq2[K, V any] func(yield func(K, V) bool)

// coro is a coroutine on a goroutine: resume runs it until it suspends or returns.
type coro struct {
	in, out chan struct{}
	started bool
	fn      func(*coro)
}

func newcoro(fn func(*coro)) *coro {
	return &coro{in: make(chan struct{}), out: make(chan struct{}), fn: fn}
}

// resume is the caller's side of coroswitch: it runs the coroutine until it suspends.
func (c *coro) resume() {
	if !c.started {
		c.started = true
		go func() {
			defer func() { c.out <- struct{}{} }()
			<-c.in
			c.fn(c)
		}()
	}
	c.in <- struct{}{}
	<-c.out
}

// suspend is the coroutine's side of coroswitch: it waits for the next resume.
func (c *coro) suspend() {
	c.out <- struct{}{}
	<-c.in
}

// goexitPanicValue marks a sequence that ended by runtime.Goexit.
type goexitPanic struct{}

var goexitPanicValue any = goexitPanic{}

func propagate(p any) {
	if p == goexitPanicValue {
		runtime.Goexit()
	}
	panic(p)
}

// Pull converts the "push-style" iterator sequence seq into a "pull-style" iterator
// accessed by the two functions next and stop.
func Pull[V any](seq Seq[V]) (next func() (V, bool), stop func()) {
	var (
		v          V
		ok         bool
		done       bool
		yieldNext  bool
		seqDone    bool
		panicValue any
	)
	c := newcoro(func(c *coro) {
		if done {
			return
		}
		yield := func(v1 V) bool {
			if done {
				return false
			}
			if !yieldNext {
				panic("iter.Pull: yield called again before next")
			}
			yieldNext = false
			v, ok = v1, true
			c.suspend()
			return !done
		}
		defer func() {
			if p := recover(); p != nil {
				panicValue = p
			} else if !seqDone {
				panicValue = goexitPanicValue
			}
			done = true
		}()
		seq(yield)
		var v0 V
		v, ok = v0, false
		seqDone = true
	})
	next = func() (v1 V, ok1 bool) {
		if done {
			return
		}
		if yieldNext {
			panic("iter.Pull: next called again reentrantly")
		}
		yieldNext = true
		c.resume()
		if panicValue != nil {
			propagate(panicValue)
		}
		return v, ok
	}
	stop = func() {
		if !done {
			done = true
			c.resume()
			if panicValue != nil {
				propagate(panicValue)
			}
		}
	}
	return next, stop
}

// Pull2 converts the "push-style" iterator sequence seq into a "pull-style" iterator
// accessed by the two functions next and stop.
func Pull2[K, V any](seq Seq2[K, V]) (next func() (K, V, bool), stop func()) {
	var (
		k          K
		v          V
		ok         bool
		done       bool
		yieldNext  bool
		seqDone    bool
		panicValue any
	)
	c := newcoro(func(c *coro) {
		if done {
			return
		}
		yield := func(k1 K, v1 V) bool {
			if done {
				return false
			}
			if !yieldNext {
				panic("iter.Pull2: yield called again before next")
			}
			yieldNext = false
			k, v, ok = k1, v1, true
			c.suspend()
			return !done
		}
		defer func() {
			if p := recover(); p != nil {
				panicValue = p
			} else if !seqDone {
				panicValue = goexitPanicValue
			}
			done = true
		}()
		seq(yield)
		var k0 K
		var v0 V
		k, v, ok = k0, v0, false
		seqDone = true
	})
	next = func() (k1 K, v1 V, ok1 bool) {
		if done {
			return
		}
		if yieldNext {
			panic("iter.Pull2: next called again reentrantly")
		}
		yieldNext = true
		c.resume()
		if panicValue != nil {
			propagate(panicValue)
		}
		return k, v, ok
	}
	stop = func() {
		if !done {
			done = true
			c.resume()
			if panicValue != nil {
				propagate(panicValue)
			}
		}
	}
	return next, stop
}
