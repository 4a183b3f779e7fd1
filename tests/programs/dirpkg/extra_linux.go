package main

var extra = "extra_linux.go"
