package main

import (
	"fmt"
	"strings"
)

var table = map[string]int{"a": 1, "b": 2}

func helper(s string) string { return strings.ToUpper(s) }

func describe() string { return fmt.Sprint("two files") }
