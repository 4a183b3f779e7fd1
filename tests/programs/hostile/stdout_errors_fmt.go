// Without package os, a failed fmt.Println still returns an error with os's text.
package main

import "fmt"

func main() {
	n, err := fmt.Println("hello")
	println(n, err.Error())
	_, err = fmt.Print()
	println(err == nil)
}
