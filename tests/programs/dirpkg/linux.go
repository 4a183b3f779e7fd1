//go:build linux && (amd64 || arm64) && !windows && go1.18

package main

func platform() string { return "linux" }
