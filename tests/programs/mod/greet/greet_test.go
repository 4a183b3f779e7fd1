package greet
broken
