// usestack: ten senders and ten receivers share one channel (1M operations in all); after
// each receive the receiver makes a 32-deep call chain whose every frame holds a local
// [1024]byte that never escapes. The shape of Go issue 13169's program (a Go binary takes
// about 2 s here): gol keeps such arrays in the goroutine's frame arena (docs/values.md)
// instead of allocating and clearing 32 KB of heap per chain.
package main

import "fmt"

type msg struct{ seq, from, pad int }

// chain recurses [depth] frames deep; each frame's zeroed buffer is read but never leaves
// the frame. (A frame that also writes its buffer clears it on return: with one 8-byte
// slot per byte, as docs/values.md lays arrays out, that is 8 KB per frame.)
func chain(depth int) int {
	if depth == 0 {
		return 0
	}
	var buf [1024]byte
	return chain(depth-1) + int(buf[depth])
}

const (
	pairs   = 10
	perPair = 100000
)

func main() {
	ch := make(chan any)
	sums := make(chan int)
	for p := 0; p < pairs; p++ {
		go func(from int) {
			for i := 0; i < perPair; i++ {
				ch <- &msg{seq: i, from: from}
			}
			sums <- 0
		}(p)
		go func() {
			total := 0
			for i := 0; i < perPair; i++ {
				m := (<-ch).(*msg)
				total += chain(32) + m.seq%2
			}
			sums <- total
		}()
	}
	total := 0
	for p := 0; p < 2*pairs; p++ {
		total += <-sums
	}
	fmt.Println(total)
}
