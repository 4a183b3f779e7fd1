package greet
this is not go
