// The HTTP "hello" server of bench/http/run.sh: serves "Hello, World!\n" on
// 127.0.0.1:0, prints its address, and exits after serving the number of requests given
// as its argument (or when killed). Run by gol and by Go's build of the same file.
package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync/atomic"
)

func main() {
	limit, _ := strconv.ParseInt(os.Args[1], 10, 64)
	var served atomic.Int64
	done := make(chan bool)
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("Hello, World!\n"))
		if served.Add(1) == limit {
			close(done)
		}
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Println(ln.Addr())
	go http.Serve(ln, nil)
	<-done
}
