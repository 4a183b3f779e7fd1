// Package broken's tests do not compile.
package broken

// One is 1.
func One() int { return 1 }
