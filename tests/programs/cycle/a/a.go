package a

import "example.com/cyc/b"

var A = b.B + 1
