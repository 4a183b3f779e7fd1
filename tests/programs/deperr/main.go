package main

import "example.com/deperr/lib"

func main() { var s string = lib.F(); _ = s; undefined() }
