package racy

import "testing"

func TestSafe(t *testing.T) {
	if got := CountSafe(10); got != 10 {
		t.Errorf("CountSafe(10) = %d", got)
	}
}

func TestRacy(t *testing.T) {
	CountRacy(10)
}

func TestAfter(t *testing.T) {}
