// A correct worker pool: gol vet must say nothing and exit 0, as go vet does.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

type result struct {
	id, square int
}

type stats struct {
	mu   sync.Mutex
	seen map[int]bool
	done atomic.Int64
}

func (s *stats) record(id int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seen[id] = true
	s.done.Add(1)
}

func worker(ctx context.Context, id int, jobs <-chan int, out chan<- result, wg *sync.WaitGroup, st *stats) {
	defer wg.Done()
	for j := range jobs {
		select {
		case <-ctx.Done():
			return
		case out <- result{j, j * j}:
			st.record(id)
		}
	}
}

func newStats() *stats { return &stats{seen: map[int]bool{}} }

func check(n int) error {
	if n < 0 {
		return fmt.Errorf("negative: %d: %w", n, errors.ErrUnsupported)
	}
	return nil
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	jobs, out := make(chan int), make(chan result, 10)
	st := newStats()
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(ctx, w, jobs, out, &wg, st)
	}
	for i := 1; i <= 5; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(out)
	sum := 0
	for r := range out {
		sum += r.square
	}
	var once sync.Once
	once.Do(func() { fmt.Printf("sum=%d done=%d %5.1f%% %q %v %T\n", sum, st.done.Load(), 100.0, "ok", st.seen[1], st) })
	if err := check(-1); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
	}
	msg := fmt.Sprintf("%[1]d %[1]x", 255)
	fmt.Println(msg, "100%")
}
