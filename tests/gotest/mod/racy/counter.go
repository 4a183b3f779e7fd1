// Package racy counts, with and without a mutex.
package racy

import "sync"

// CountRacy increments a shared counter from n goroutines without synchronisation.
func CountRacy(n int) int {
	count := 0
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			count++
		}()
	}
	wg.Wait()
	return count
}

// CountSafe does the same under a mutex.
func CountSafe(n int) int {
	count := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			count++
			mu.Unlock()
		}()
	}
	wg.Wait()
	return count
}
