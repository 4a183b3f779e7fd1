package greet

func Hello(s string) string { return hello(s) }

func hello(s string) string { return "hi " + s }
