package panicky

import "testing"

func TestFirst(t *testing.T) {
	if Index([]int{4}, 0) != 4 {
		t.Error("bad")
	}
}

func TestPanic(t *testing.T) {
	t.Log("about to panic")
	Index([]int{1, 2}, 5)
}

func TestNeverRun(t *testing.T) {}
