package main

func twice(n int) string { return fmt.Sprint(2 * n) }
