package main

var extra = "extra_windows.go"
