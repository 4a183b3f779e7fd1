package lib

func F() int { return "x" }
