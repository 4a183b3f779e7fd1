//go:build ignore

package greet
this is not go either
