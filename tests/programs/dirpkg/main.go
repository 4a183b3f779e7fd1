package main

import "fmt"

func main() {
	fmt.Println("dir:", platform(), extra)
}
