// gol vet's lostcancel check, its discarded-cancel half, against go vet (Go 1.23).
package main

import (
	"context"
	"fmt"
	"time"
)

var bg, _ = context.WithCancel(context.Background())

func fetch(parent context.Context) error {
	ctx, _ := context.WithTimeout(parent, time.Second)
	<-ctx.Done()
	return ctx.Err()
}

func good(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Millisecond)
	defer cancel()
	<-ctx.Done()
	return ctx.Err()
}

func main() {
	var ctx context.Context
	ctx, _ = context.WithDeadline(context.Background(), time.Now().Add(time.Millisecond))
	var c2, _ = context.WithCancel(ctx)
	go func() {
		c3, _ := context.WithCancel(c2)
		_ = c3
	}()
	fmt.Println(fetch(ctx), good(ctx), bg.Err())
}
