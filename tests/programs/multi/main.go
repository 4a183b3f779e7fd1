package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println(helper("multi"), os.Args[1:])
	fmt.Println(len(table), describe())
}
