//go:build ignore

// A generator, run on its own with `go run gen.go`; not part of the package.
package main

func main() { println("generator") }
