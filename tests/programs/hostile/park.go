// A million goroutines parked on one channel, under an address space limit.
package main

func main() {
	c := make(chan int)
	for i := 0; i < 1000000; i++ {
		go func() { <-c }()
	}
	println("spawned")
}
