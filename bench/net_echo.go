// Echo round trips over loopback: one in-process server (a goroutine per connection
// echoing 64-byte messages) and 1, 100 and 1,000 concurrent client connections, each
// sending a message and reading the echo back. Prints round trips per second per
// configuration; the table's figure is the wall time of all three.
package main

import (
	"fmt"
	"io"
	"net"
	"sync"
	"time"
)

func serve(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go func(c net.Conn) {
			defer c.Close()
			buf := make([]byte, 64)
			for {
				if _, err := io.ReadFull(c, buf); err != nil {
					return
				}
				if _, err := c.Write(buf); err != nil {
					return
				}
			}
		}(c)
	}
}

func run(addr string, conns, trips int) {
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < conns; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := net.Dial("tcp", addr)
			if err != nil {
				panic(err)
			}
			defer c.Close()
			msg := make([]byte, 64)
			buf := make([]byte, 64)
			for j := 0; j < trips; j++ {
				if _, err := c.Write(msg); err != nil {
					panic(err)
				}
				if _, err := io.ReadFull(c, buf); err != nil {
					panic(err)
				}
			}
		}()
	}
	wg.Wait()
	el := time.Since(start)
	fmt.Printf("%5d conns x %5d trips: %8.0f round trips/s\n", conns, trips,
		float64(conns*trips)/el.Seconds())
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go serve(ln)
	addr := ln.Addr().String()
	run(addr, 1, 20000)
	run(addr, 100, 200)
	run(addr, 1000, 20)
}
