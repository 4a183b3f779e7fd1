package badsig

import "testing"

func TestGood(t *testing.T) {}

func TestBad(x int) {}
