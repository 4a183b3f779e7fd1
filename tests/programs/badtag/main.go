package main

func main() { println("main") }
