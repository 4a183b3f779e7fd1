package main

var extra = "extra_linux_arm64.go"
