//go:build !linux

package main

func platform() string { return "other" }
