//go:build (linux || darwin

package main
