package main

import "fmt"

func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	n := 0
	for i := 0; i < 3; i++ {
		ping <- n
		n = <-pong
		fmt.Println(n)
	}
	close(ping)
	<-pong
}
