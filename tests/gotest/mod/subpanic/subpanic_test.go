package subpanic

import (
	"runtime"
	"testing"
)

func TestFirst(t *testing.T) {}

func TestOuter(t *testing.T) {
	t.Log("outer")
	t.Run("ok", func(t *testing.T) {})
	t.Run("inner", func(t *testing.T) {
		t.Cleanup(func() { t.Log("cleanup runs") })
		t.Log("before Goexit")
		runtime.Goexit()
	})
	t.Run("never", func(t *testing.T) {})
}

func TestNeverRun(t *testing.T) {}
